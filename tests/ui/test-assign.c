#define G_LOG_DOMAIN "convene-test-assign"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "convene-assignment-list.h"
#include "convene-document.h"
#include "convene-edits.h"
#include "convene-expander-row.h"
#include "convene-people-palette.h"
#include "convene-person-row.h"
#include "convene-segment-block.h"
#include "convene-session-warnings.h"
#include "convene-timeline-view.h"
#include "convene-warnings.h"
#include "convene-window.h"
#include "ui-test-support.h"

/* Who is on stage, as a planner assigns them. Run without arguments it is a
 * widget test (TAP): the segment details' people list and the session's
 * roles driven from the keyboard, and the session's warning summary. With
 * --drag it drives the real window with xdotool in a real X server
 * (run-in-xvfb.py starts one): a person dragged from the list beside the
 * timeline onto a panel talk, a role chosen in the popover; and takes
 * screenshots. Every step is checked in the model and in the saved file. */

/* The example: the panel's first talk, the session, its people. */
#define PANEL_ID       11
#define FIRST_TALK_ID  12
#define SESSION_ID     9
#define ENRICO_ID      1
#define SANTINO_ID     2
#define TAMAM_ID       3

static char *tmp_dir;

/* Finding widgets */

/* The label with css_class under root. */
static GtkLabel *
label_with_class (GtkWidget  *root,
                  const char *css_class)
{
  GtkWidget *label = first_with_class (root, css_class);

  g_assert_true (GTK_IS_LABEL (label));
  return GTK_LABEL (label);
}

/* The organisation (and job title) an assignment row shows. */
static const char *
row_detail (GtkWidget *row)
{
  return gtk_label_get_text (label_with_class (row, "assignment-detail"));
}

/* The assignment row showing name (a person's display name), or NULL. */
static GtkWidget *
row_named (GtkWidget  *root,
           const char *name)
{
  if (gtk_widget_has_css_class (root, "assignment-row") && gtk_widget_get_visible (root) &&
      g_strcmp0 (gtk_label_get_text (label_with_class (root, "assignment-name")), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = row_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_rows (GtkWidget *root)
{
  guint n = gtk_widget_has_css_class (root, "assignment-row") ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

/* The palette's row showing the person with this id. */
static GtkWidget *
person_row_of (GtkWidget *root,
               gint64     speaker_id)
{
  if (CONVENE_IS_PERSON_ROW (root) && gtk_widget_get_mapped (root))
    {
      ConveneSpeaker *speaker = convene_person_row_get_speaker (CONVENE_PERSON_ROW (root));

      if (speaker != NULL && convene_speaker_get_id (speaker) == speaker_id)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = person_row_of (child, speaker_id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The AdwActionRow titled title under root, or NULL. */
static GtkWidget *
action_row_titled (GtkWidget  *root,
                   const char *title)
{
  if (ADW_IS_ACTION_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = action_row_titled (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
note_segment (GtkWidget *warnings,
              gint64     segment_id,
              gint64    *out)
{
  *out = segment_id;
}

static void
note_speaker (GtkWidget       *palette,
              ConveneSpeaker  *speaker,
              ConveneSpeaker **out)
{
  *out = speaker;
}

/* The project */

/* "1:presenter@12 7:moderator@s9 …": every assignment, in list order. */
static char *
describe_assignments (ConveneProject *project)
{
  GListModel *assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      if (convene_assignment_get_segment_id (assignment) != 0)
        g_string_append_printf (text, "%" G_GINT64_FORMAT ":%s@%" G_GINT64_FORMAT,
                                convene_assignment_get_speaker_id (assignment),
                                convene_role_to_nick (convene_assignment_get_role (assignment)),
                                convene_assignment_get_segment_id (assignment));
      else
        g_string_append_printf (text, "%" G_GINT64_FORMAT ":%s@s%" G_GINT64_FORMAT,
                                convene_assignment_get_speaker_id (assignment),
                                convene_role_to_nick (convene_assignment_get_role (assignment)),
                                convene_assignment_get_session_id (assignment));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What the saved file holds, read the way another program would. */
static char *
describe_file (GFile *file)
{
  g_autoptr(ConveneProject) project = load_file (file);

  return describe_assignments (project);
}

/* The model and the file both hold exactly expected. */
static void
assert_assignments (ConveneDocument *document,
                    GFile           *file,
                    const char      *expected)
{
  g_autofree char *model = describe_assignments (convene_document_get_project (document));
  g_autofree char *on_disk = describe_file (file);

  g_assert_cmpstr (model, ==, expected);
  g_assert_cmpstr (on_disk, ==, expected);
}

static ConveneSegment *
find_segment (ConveneDocument *document,
              gint64           id)
{
  ConveneSegment *segment = convene_project_find_segment (convene_document_get_project (document), id, NULL);

  g_assert_nonnull (segment);
  return segment;
}

static ConveneSession *
the_session (ConveneDocument *document)
{
  ConveneSession *session = convene_project_find_session (convene_document_get_project (document), SESSION_ID);

  g_assert_nonnull (session);
  return session;
}

/* What the summary row of the session's warnings should say now. */
static char *
expected_summary (ConveneDocument *document)
{
  ConveneWarningSummary summary;

  convene_warnings_summarize_session (convene_document_get_project (document), the_session (document), &summary);
  return convene_warning_summary_describe (&summary);
}

static const char *
shown_summary (GtkWidget *warnings)
{
  GtkWidget *expander = first_of_type (warnings, CONVENE_TYPE_EXPANDER_ROW);

  g_assert_nonnull (expander);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander));
}

typedef struct {
  GtkWidget  *warnings;
  const char *expected;
} SummaryWait;

static gboolean
summary_is (gpointer data)
{
  SummaryWait *wait = data;

  return g_strcmp0 (shown_summary (wait->warnings), wait->expected) == 0;
}

/* The warnings follow an edit in the frame after the one showing it. */
static void
assert_summary (GtkWidget  *warnings,
                const char *expected)
{
  SummaryWait wait = { warnings, expected };

  wait_until (summary_is, &wait, "the session's warnings summary");
  g_assert_cmpstr (shown_summary (warnings), ==, expected);
}

static gboolean
widget_is_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
widget_is_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static void
undo (ConveneDocument *document)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (convene_document_undo (document, &error));
  g_assert_no_error (error);
}

typedef struct {
  ConveneDocument *document;
  guint            n_before;
} CountWait;

static gboolean
assignments_changed (gpointer data)
{
  CountWait *wait = data;
  GListModel *assignments = G_LIST_MODEL (convene_project_get_assignments (convene_document_get_project (wait->document)));

  return g_list_model_get_n_items (assignments) != wait->n_before;
}

/* Activates button as Enter or Space would (it shows itself pressed for a
 * moment first) and waits for the number of assignments to change. */
static void
press_and_wait (GtkWidget       *button,
                ConveneDocument *document)
{
  CountWait wait = {
    document,
    g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_assignments (convene_document_get_project (document)))),
  };

  g_assert_true (gtk_widget_grab_focus (button));
  g_assert_true (gtk_widget_activate (button));
  wait_until (assignments_changed, &wait, "the button to act");
}

/* Chooses person and role in list's add row and activates "Add …", the way
 * the keyboard does: focus on each control, then Enter on the last row. */
static void
add_with_keyboard (GtkWidget  *list,
                   gint64      speaker_id,
                   ConveneRole role)
{
  GtkWidget *add_row = first_of_type (list, CONVENE_TYPE_EXPANDER_ROW);
  GtkWidget *person, *role_row, *confirm;
  GListModel *people;
  guint position = GTK_INVALID_LIST_POSITION;

  g_assert_true (gtk_widget_get_sensitive (add_row));
  gtk_widget_grab_focus (add_row);
  /* Its rows are built when it first opens. */
  convene_expander_row_set_expanded (CONVENE_EXPANDER_ROW (add_row), TRUE);
  person = first_of_type (add_row, GTK_TYPE_DROP_DOWN);
  role_row = first_of_type (add_row, ADW_TYPE_COMBO_ROW);
  confirm = first_with_class (add_row, "assignment-confirm");
  g_assert_nonnull (person);
  g_assert_nonnull (role_row);
  g_assert_nonnull (confirm);
  wait_until (widget_is_mapped, confirm, "the add row to open");

  people = gtk_drop_down_get_model (GTK_DROP_DOWN (person));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (people, i);

      if (convene_speaker_get_id (speaker) == speaker_id)
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_true (gtk_widget_grab_focus (person));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (person), position);
  g_assert_true (gtk_widget_grab_focus (role_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (role_row), role);
  g_assert_true (gtk_widget_grab_focus (confirm));
  /* Adding (or refusing) happens at once, in the model and the file. */
  g_assert_true (gtk_widget_activate (confirm));
}

/* The widget test */

/* The names of model's people, "|" after each. */
static char *
names_of (GListModel *model)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (GTK_IS_TREE_LIST_ROW (item))
        {
          GObject *inner = gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item));

          g_object_unref (item);
          item = inner;
        }
      g_string_append_printf (names, "%s|", convene_speaker_get_name (CONVENE_SPEAKER (item)));
    }
  return g_string_free (names, FALSE);
}

/* What the lists should show, computed afresh: the project's people found
 * by query, in order. */
static char *
expected_names (ConveneProject   *project,
                const char       *query,
                ConveneNameOrder  order)
{
  GListModel *people = G_LIST_MODEL (convene_project_get_speakers (project));
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      ConveneSpeaker *speaker = g_list_model_get_item (people, i);
      guint at = 0;

      if (!convene_speaker_matches (speaker, query))
        {
          g_object_unref (speaker);
          continue;
        }
      while (at < found->len && convene_speaker_compare_names (g_ptr_array_index (found, at), speaker, order) < 0)
        at++;
      g_ptr_array_insert (found, at, speaker);
    }
  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (names, "%s|", convene_speaker_get_name (g_ptr_array_index (found, i)));
  return g_string_free (names, FALSE);
}

typedef struct
{
  GListModel *model;
  const char *names;
} ModelNames;

static gboolean
model_names_are (gpointer data)
{
  ModelNames *check = data;
  g_autofree char *names = names_of (check->model);

  return g_strcmp0 (names, check->names) == 0;
}

/* Add Person finds people by any word, as the People page does, and every
 * list of people follows the order chosen on the People page. */
static void
test_find_and_order_people (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "find.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneProject *project = convene_document_get_project (document);
  ConveneWindow *window = show_window (document, 1280, 900);
  ConveneTimelineView *timeline = timeline_of (window);
  GtkWidget *sort;
  GtkWidget *palette = first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_PEOPLE_PALETTE);
  static const char *queries[] = { "campbell", "kaojaroen", "who", "msf", "", "nobody-by-this-name" };
  GtkWidget *list, *add_row, *search, *person;
  GListModel *choices;

  /* The order is chosen on the People page (built when first opened);
   * then back to the session. */
  g_signal_emit_by_name (require_widget (GTK_WIDGET (window), "details_list"), "row-activated",
                         require_widget (GTK_WIDGET (window), "people_row"));
  sort = require_widget (GTK_WIDGET (window), "sort_dropdown");
  wait_until (widget_is_mapped, sort, "the People page");
  g_signal_emit_by_name (require_widget (GTK_WIDGET (window), "sessions_view"), "activate", 0);
  wait_until (widget_is_mapped, GTK_WIDGET (timeline), "the session again");

  convene_timeline_view_select_segment (timeline, find_segment (document, FIRST_TALK_ID));
  list = first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_ASSIGNMENT_LIST);
  add_row = first_of_type (list, CONVENE_TYPE_EXPANDER_ROW);
  /* Built when it first opens. */
  g_assert_null (first_of_type (add_row, GTK_TYPE_SEARCH_ENTRY));
  convene_expander_row_set_expanded (CONVENE_EXPANDER_ROW (add_row), TRUE);
  search = first_of_type (add_row, GTK_TYPE_SEARCH_ENTRY);
  person = first_of_type (add_row, GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (search);
  wait_until (widget_is_mapped, search, "Add Person's search");
  choices = gtk_drop_down_get_model (GTK_DROP_DOWN (person));

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *expected = expected_names (project, queries[i], CONVENE_NAME_ORDER_FIRST);

      gtk_editable_set_text (GTK_EDITABLE (search), queries[i]);
      g_test_message ("“%s” finds %s", queries[i], expected);
      wait_until (model_names_are, &(ModelNames) { choices, expected }, "Add Person to find them");
    }
  /* A family name alone finds its one person, chosen, and Enter goes on
   * to the role. */
  gtk_editable_set_text (GTK_EDITABLE (search), "Campbell");
  wait_until (model_names_are, &(ModelNames) { choices, "James Campbell|" }, "Add Person to find Campbell");
  g_assert_cmpstr (convene_speaker_get_name (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (person))), ==,
                   "James Campbell");
  gtk_widget_grab_focus (search);
  g_signal_emit_by_name (search, "activate");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         first_of_type (add_row, ADW_TYPE_COMBO_ROW)) ||
                 gtk_root_get_focus (GTK_ROOT (window)) == first_of_type (add_row, ADW_TYPE_COMBO_ROW));
  gtk_editable_set_text (GTK_EDITABLE (search), "");

  /* By family name on the People page: the palette and Add Person follow. */
  show_side_page (palette);
  for (ConveneNameOrder order = CONVENE_NAME_ORDER_FAMILY; ; order = CONVENE_NAME_ORDER_FIRST)
    {
      g_autofree char *expected = expected_names (project, NULL, order);
      GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (first_of_type (palette,
                                                                                                GTK_TYPE_LIST_VIEW))));

      gtk_drop_down_set_selected (GTK_DROP_DOWN (sort), order == CONVENE_NAME_ORDER_FAMILY ? 1 : 0);
      g_test_message ("order %d: %s", order, expected);
      wait_until (model_names_are, &(ModelNames) { shown, expected }, "the palette's order");
      wait_until (model_names_are, &(ModelNames) { choices, expected }, "Add Person's order");
      if (order == CONVENE_NAME_ORDER_FIRST)
        break;
    }
  /* The People page itself, once opened, by family name again. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sort), 1);
  g_signal_emit_by_name (require_widget (GTK_WIDGET (window), "details_list"), "row-activated",
                         require_widget (GTK_WIDGET (window), "people_row"));
  wait_until (widget_is_mapped, require_widget (GTK_WIDGET (window), "people_view"), "the People page");
  {
    g_autofree char *expected = expected_names (project, NULL, CONVENE_NAME_ORDER_FAMILY);
    GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (require_widget (GTK_WIDGET (window),
                                                                                              "people_view"))));

    wait_until (model_names_are, &(ModelNames) { shown, expected }, "the People page's order");
  }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sort), 0);
  /* The two orders differ on the example. */
  {
    g_autofree char *first = expected_names (project, NULL, CONVENE_NAME_ORDER_FIRST);
    g_autofree char *family = expected_names (project, NULL, CONVENE_NAME_ORDER_FAMILY);

    g_assert_cmpstr (first, !=, family);
  }

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* The example's six panellists, each on a talk of the panel. */
static const struct {
  gint64      segment_id;
  const char *name;
  const char *detail;
} panel[] = {
  { 12, "Enrico Fos", "Counsellor · Philippines" },
  { 13, "Santino Severoni", "Coordinator, Vulnerability and Health · EURO" },
  { 14, "Tamam Aloudat", "MSF" },
  { 15, "Ibadat Dhillon", "Technical Officer, Health Workforce · WHO" },
  { 16, "Stacey Pillay", "Chief Innovation Officer · Africa Health Placements, South Africa" },
  { 17, "Teresa Zakaria", "Migration Health Emergency Operations Officer · IOM" },
};


static void
test_segment_people (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "segment.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 900);
  ConveneTimelineView *timeline = timeline_of (window);
  ConveneSegment *talk = find_segment (document, FIRST_TALK_ID);
  GtkWidget *warnings = require_widget (GTK_WIDGET (window), "session_warnings");
  GtkWidget *list;
  GtkWidget *row;
  GtkWidget *dropdown;
  GtkWidget *remove;
  g_autofree char *start = describe_assignments (convene_document_get_project (document));
  g_autofree char *start_summary = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *summary = NULL;

  g_test_message ("example: %s", start);
  g_assert_true (strstr (start, "1:presenter@12") != NULL);

  /* The session's summary says what the warnings say. */
  start_summary = expected_summary (document);
  g_test_message ("summary: %s", start_summary);
  g_assert_true (gtk_widget_get_visible (warnings));
  assert_summary (warnings, start_summary);

  convene_timeline_view_select_segment (timeline, talk);
  list = first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_ASSIGNMENT_LIST);
  g_assert_nonnull (list);
  wait_until (widget_is_mapped, list, "the segment's people");
  g_assert_true (gtk_widget_get_mapped (list));
  wait_for_label (list, "People on This Segment");

  /* The talk's presenter, with organisation and "TBC" (invited). */
  row = row_named (list, "Enrico Fos");
  g_assert_nonnull (row);
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_cmpstr (row_detail (row), ==, "Counsellor · Philippines");
  g_assert_true (shows_label (row, "TBC"));

  /* 1. Add Tamam Aloudat as discussant, from the keyboard. */
  add_with_keyboard (list, TAMAM_ID, CONVENE_ROLE_DISCUSSANT);
  expected = g_strdup_printf ("%s 3:discussant@12", start);
  assert_assignments (document, file, expected);
  g_assert_nonnull (row_named (list, "Tamam Aloudat"));
  g_assert_cmpuint (count_rows (list), ==, 2);
  /* One more person to confirm, in the summary too. */
  summary = expected_summary (document);
  g_assert_cmpstr (summary, !=, start_summary);
  assert_summary (warnings, summary);
  /* The same person in the same role again is refused, nothing changes. */
  add_with_keyboard (list, TAMAM_ID, CONVENE_ROLE_DISCUSSANT);
  assert_assignments (document, file, expected);
  undo (document);
  assert_assignments (document, file, start);
  g_assert_null (row_named (list, "Tamam Aloudat"));
  assert_summary (warnings, start_summary);

  /* 2. Change Enrico's role to panellist. */
  row = row_named (list, "Enrico Fos");
  dropdown = first_of_type (row, GTK_TYPE_DROP_DOWN);
  g_assert_true (gtk_widget_grab_focus (dropdown));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), CONVENE_ROLE_PANELIST);
  {
    g_autoptr(GString) edited = g_string_new (start);

    g_string_replace (edited, "1:presenter@12", "1:panelist@12", 1);
    g_free (expected);
    expected = g_strdup (edited->str);
  }
  assert_assignments (document, file, expected);
  /* The row is updated in place: the focus stays on its role. */
  g_assert_true (row_named (list, "Enrico Fos") == row);
  g_assert_true (gtk_widget_has_focus (dropdown) || gtk_widget_get_focus_child (dropdown) != NULL ||
                 gtk_root_get_focus (GTK_ROOT (window)) == dropdown ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), dropdown));
  undo (document);
  assert_assignments (document, file, start);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, CONVENE_ROLE_PRESENTER);

  /* 3. Remove Enrico: the talk has nobody, which the summary now says. */
  remove = first_with_class (row, "assignment-remove");
  g_assert_nonnull (remove);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (remove), ==, "Remove Enrico Fos From This Segment");
  press_and_wait (remove, document);
  {
    g_autoptr(GString) edited = g_string_new (start);

    g_string_replace (edited, "1:presenter@12 ", "", 1);
    g_free (expected);
    expected = g_strdup (edited->str);
  }
  assert_assignments (document, file, expected);
  g_assert_null (row_named (list, "Enrico Fos"));
  g_assert_cmpuint (count_rows (list), ==, 0);
  g_free (summary);
  summary = expected_summary (document);
  g_test_message ("after removal: %s", summary);
  g_assert_cmpstr (summary, !=, start_summary);
  assert_summary (warnings, summary);
  /* The empty talk says it needs someone. */
  g_assert_true (shows_label (list, "Nobody Assigned Yet"));
  undo (document);
  assert_assignments (document, file, start);
  g_assert_nonnull (row_named (list, "Enrico Fos"));
  assert_summary (warnings, start_summary);

  /* 4. Enrico also due in a parallel session at the same time: his row
   * here shows the conflict and names the other place; undo clears it. */
  {
    ConveneProject *project = convene_document_get_project (document);
    g_autoptr(ConveneSession) parallel =
      convene_session_new (convene_project_new_id (project), "Parallel workshop", "2027-05-23", 12 * 60 + 30, 90);
    g_autoptr(ConveneSegment) workshop =
      convene_segment_new (convene_project_new_id (project), CONVENE_SEGMENT_KIND_PRESENTATION, "Workshop", 60);
    g_autoptr(ConveneAssignment) elsewhere = NULL;
    GError *error = NULL;

    g_list_store_append (convene_session_get_segments (parallel), workshop);
    g_assert_true (convene_document_perform (document, convene_edit_add_session (project, parallel, 1), &error));
    g_assert_no_error (error);
    elsewhere = convene_assignment_new_for_segment (convene_project_new_id (project), ENRICO_ID,
                                                    convene_segment_get_id (workshop), CONVENE_ROLE_PRESENTER);
    g_assert_true (convene_document_perform (document, convene_edit_add_assignment (project, elsewhere), &error));
    g_assert_no_error (error);
    row = row_named (list, "Enrico Fos");
    g_assert_true (shows_label (row, "Conflict"));
    g_assert_nonnull (strstr (row_detail (row), "Workshop"));
    {
      g_autofree char *with_conflict = expected_summary (document);

      g_test_message ("with a conflict: %s", with_conflict);
      g_assert_nonnull (strstr (with_conflict, "1 error"));
      assert_summary (warnings, with_conflict);
    }
    undo (document);
    undo (document);
    g_assert_false (shows_label (row_named (list, "Enrico Fos"), "Conflict"));
    g_assert_cmpstr (row_detail (row_named (list, "Enrico Fos")), ==, "Counsellor · Philippines");
    assert_assignments (document, file, start);
  }

  /* Setting the same target again changes nothing (the timeline does it on
   * every refresh). */
  row = row_named (list, "Enrico Fos");
  convene_assignment_list_set_target (CONVENE_ASSIGNMENT_LIST (list), document, the_session (document), talk);
  g_assert_true (row_named (list, "Enrico Fos") == row);

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

static void
test_session_roles (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "session.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 900);
  GtkWidget *roles = require_widget (GTK_WIDGET (window), "session_roles");
  GtkWidget *warnings = require_widget (GTK_WIDGET (window), "session_warnings");
  g_autofree char *start = describe_assignments (convene_document_get_project (document));
  g_autofree char *start_summary = expected_summary (document);
  g_autofree char *expected = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *row;
  GtkWidget *remove;

  /* The two moderators of the whole session, with their organisation. */
  wait_for_label (roles, "Session Roles");
  g_assert_cmpuint (count_rows (roles), ==, 2);
  row = row_named (roles, "Dr James Campbell");
  g_assert_nonnull (row);
  g_assert_cmpstr (row_detail (row), ==, "WHO");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (first_of_type (row, GTK_TYPE_DROP_DOWN))), ==,
                    CONVENE_ROLE_MODERATOR);
  g_assert_nonnull (row_named (roles, "Kanokporn Kaojaroen"));

  /* The warning list under the summary has one row per warning. */
  {
    g_autoptr(GPtrArray) list = convene_warnings_for_session (convene_document_get_project (document),
                                                              the_session (document), FALSE);
    GtkWidget *expander = first_of_type (warnings, CONVENE_TYPE_EXPANDER_ROW);

    g_assert_cmpuint (list->len, >, 0);
    convene_expander_row_set_expanded (CONVENE_EXPANDER_ROW (expander), TRUE);
    for (guint i = 0; i < list->len; i++)
      {
        const ConveneWarning *warning = g_ptr_array_index (list, i);

        g_assert_true (shows_label (warnings, warning->message));
      }
    /* A warning about a talk takes the planner to it. */
    {
      const char *about_talk = NULL;
      GtkWidget *warning_row;
      gint64 activated = 0;

      for (guint i = 0; i < list->len && about_talk == NULL; i++)
        if (((ConveneWarning *) g_ptr_array_index (list, i))->segment_id == FIRST_TALK_ID)
          about_talk = ((ConveneWarning *) g_ptr_array_index (list, i))->message;
      g_assert_nonnull (about_talk);
      warning_row = action_row_titled (warnings, about_talk);
      g_assert_nonnull (warning_row);
      g_signal_connect (warnings, "segment-activated", G_CALLBACK (note_segment), &activated);
      g_assert_true (gtk_widget_activate (warning_row));
      g_assert_cmpint (activated, ==, FIRST_TALK_ID);
      g_signal_handlers_disconnect_by_func (warnings, note_segment, &activated);
    }
    convene_expander_row_set_expanded (CONVENE_EXPANDER_ROW (expander), FALSE);
  }

  /* 1. Santino Severoni as the session's chair, from the keyboard, on the
   * Session tab (the warning above showed the talk's details). */
  show_side_page (roles);
  add_with_keyboard (roles, SANTINO_ID, CONVENE_ROLE_CHAIR);
  expected = g_strdup_printf ("%s 2:chair@s9", start);
  assert_assignments (document, file, expected);
  g_assert_nonnull (row_named (roles, "Santino Severoni"));
  g_assert_true (shows_label (row_named (roles, "Santino Severoni"), "TBC"));
  summary = expected_summary (document);
  g_test_message ("with a chair: %s", summary);
  g_assert_cmpstr (summary, !=, start_summary);
  assert_summary (warnings, summary);
  undo (document);
  assert_assignments (document, file, start);
  g_assert_null (row_named (roles, "Santino Severoni"));
  assert_summary (warnings, start_summary);

  /* 2. James Campbell off the session, and back with undo. */
  row = row_named (roles, "Dr James Campbell");
  remove = first_with_class (row, "assignment-remove");
  g_assert_nonnull (remove);
  press_and_wait (remove, document);
  {
    g_autoptr(GString) edited = g_string_new (start);

    g_string_replace (edited, "7:moderator@s9 ", "", 1);
    g_free (expected);
    expected = g_strdup (edited->str);
  }
  assert_assignments (document, file, expected);
  g_assert_null (row_named (roles, "Dr James Campbell"));
  g_assert_cmpuint (count_rows (roles), ==, 1);
  g_free (summary);
  summary = expected_summary (document);
  assert_summary (warnings, summary);
  undo (document);
  assert_assignments (document, file, start);
  g_assert_nonnull (row_named (roles, "Dr James Campbell"));
  assert_summary (warnings, start_summary);

  /* 3. A declined person still on the session is an error the summary
   * counts; confirming everybody empties it and the summary hides. */
  {
    ConveneSpeaker *james = convene_project_find_speaker (convene_document_get_project (document), 7);
    GError *error = NULL;

    g_assert_true (convene_document_perform (document,
                                             convene_edit_set_number (james, "status", CONVENE_SPEAKER_STATUS_DECLINED,
                                                                      &error),
                                             &error));
    g_assert_no_error (error);
    g_free (summary);
    summary = expected_summary (document);
    g_test_message ("declined: %s", summary);
    g_assert_true (strstr (summary, "error") != NULL);
    assert_summary (warnings, summary);
    g_assert_true (shows_label (row_named (roles, "Dr James Campbell"), "Declined"));
    undo (document);
    assert_summary (warnings, start_summary);
  }

  /* 4. Everybody confirmed: no open warnings, and the summary steps aside;
   * undoing one brings it back. */
  {
    GListModel *people = G_LIST_MODEL (convene_project_get_speakers (convene_document_get_project (document)));
    guint n = g_list_model_get_n_items (people);

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (people, i);
        GError *error = NULL;

        g_assert_true (convene_document_perform (document,
                                                 convene_edit_set_number (speaker, "status",
                                                                          CONVENE_SPEAKER_STATUS_CONFIRMED, &error),
                                                 &error));
        g_assert_no_error (error);
      }
    g_free (summary);
    summary = expected_summary (document);
    g_assert_cmpstr (summary, ==, "No open warnings");
    wait_until (widget_is_hidden, warnings, "the warnings hidden");
    g_assert_false (shows_label (roles, "TBC"));
    undo (document);
    wait_until (widget_is_visible, warnings, "the warnings shown again");
    g_free (summary);
    summary = expected_summary (document);
    assert_summary (warnings, summary);
    for (guint i = 1; i < n; i++)
      undo (document);
    assert_summary (warnings, start_summary);
  }

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* The example's six panellists and two moderators are on screen, assigned,
 * with their organisations: in the panel talks' details, the session's
 * roles and the list beside the timeline. */
static void
test_example_people (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "example.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 900);
  ConveneTimelineView *timeline = timeline_of (window);
  GtkWidget *roles = require_widget (GTK_WIDGET (window), "session_roles");
  GtkWidget *palette = first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_PEOPLE_PALETTE);
  GtkWidget *list;

  for (guint i = 0; i < G_N_ELEMENTS (panel); i++)
    {
      GtkWidget *row;

      convene_timeline_view_select_segment (timeline, find_segment (document, panel[i].segment_id));
      list = first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_ASSIGNMENT_LIST);
      row = row_named (list, panel[i].name);
      g_assert_nonnull (row);
      wait_until (widget_is_mapped, row, "the talk's person");
      g_assert_true (gtk_widget_get_mapped (row));
      g_assert_cmpstr (row_detail (row), ==, panel[i].detail);
    }
  /* The discussion's two moderators. */
  convene_timeline_view_select_segment (timeline, find_segment (document, 18));
  g_assert_nonnull (row_named (list, "Dr James Campbell"));
  g_assert_nonnull (row_named (list, "Kanokporn Kaojaroen"));
  g_assert_cmpstr (row_detail (row_named (list, "Kanokporn Kaojaroen")), ==, "WHO");
  show_side_page (roles);
  g_assert_true (gtk_widget_get_mapped (row_named (roles, "Dr James Campbell")));
  g_assert_true (gtk_widget_get_mapped (row_named (roles, "Kanokporn Kaojaroen")));

  /* The list beside the timeline: everybody, searchable. */
  g_assert_nonnull (palette);
  show_side_page (palette);
  g_assert_true (gtk_widget_get_mapped (palette));
  wait_for_label (palette, "Counsellor · Philippines");
  {
    GtkWidget *search = first_of_type (palette, GTK_TYPE_SEARCH_ENTRY);

    gtk_editable_set_text (GTK_EDITABLE (search), "msf");
    wait_for_no_label (palette, "Enrico Fos");
    g_assert_true (shows_label (palette, "Tamam Aloudat"));
    gtk_editable_set_text (GTK_EDITABLE (search), "");
    wait_for_label (palette, "Enrico Fos");

    /* Enter on a person offers them to the timeline (the drag's twin). */
    {
      GtkWidget *view = first_of_type (palette, GTK_TYPE_LIST_VIEW);
      ConveneSpeaker *offered = NULL;

      g_signal_connect (palette, "person-activated", G_CALLBACK (note_speaker), &offered);
      /* With nothing selected the timeline only says to pick a segment
       * (test_keyboard_twins follows the role popover). */
      convene_timeline_view_select_segment (timeline, NULL);
      gtk_editable_set_text (GTK_EDITABLE (search), "msf");
      wait_for_no_label (palette, "Enrico Fos");
      g_signal_emit_by_name (view, "activate", 0);
      g_assert_nonnull (offered);
      g_assert_cmpint (convene_speaker_get_id (offered), ==, TAMAM_ID);
      g_signal_handlers_disconnect_by_func (palette, note_speaker, &offered);
      gtk_editable_set_text (GTK_EDITABLE (search), "");
      wait_for_label (palette, "Enrico Fos");
    }

    /* A renamed person is found by the new name; undo brings the old one. */
    {
      ConveneSpeaker *tamam = convene_project_find_speaker (convene_document_get_project (document), TAMAM_ID);
      GError *error = NULL;

      g_assert_true (convene_document_perform (document, convene_edit_set_text (tamam, "name", "Tamam Zed", &error),
                                               &error));
      g_assert_no_error (error);
      gtk_editable_set_text (GTK_EDITABLE (search), "zed");
      wait_for_no_label (palette, "Enrico Fos");
      wait_for_label (palette, "Tamam Zed");
      undo (document);
      wait_for_no_label (palette, "Tamam Zed");
      gtk_editable_set_text (GTK_EDITABLE (search), "");
      wait_for_label (palette, "Tamam Aloudat");
    }
  }

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* Real pointer drags in a real X server */

/* Scrolls widget to the middle of its scrolled window (nearest_only) or of
 * every scrolled window it is in: away from the edges, where a drag held
 * over the timeline scrolls it. */
static void
scroll_to (GtkWidget *widget,
           gboolean   nearest_only)
{
  GtkWidget *outer = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  /* Measured where it has come to rest (a page may still be sliding in). */
  wait_until (at_rest, &(AtRest) { .widget = widget }, "the widget to be in place");
  while (outer != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (outer));
      double x = 0, y = 0;

      if (gtk_widget_translate_coordinates (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (outer)),
                                            0, 0, &x, &y))
        /* The viewport's coordinates are already scrolled. */
        gtk_adjustment_set_value (adjustment,
                                  MAX (0, gtk_adjustment_get_value (adjustment) + y -
                                          MAX (0, (gtk_adjustment_get_page_size (adjustment) -
                                                   gtk_widget_get_height (widget)) / 2)));
      if (nearest_only)
        break;
      outer = gtk_widget_get_ancestor (gtk_widget_get_parent (outer), GTK_TYPE_SCROLLED_WINDOW);
    }
  wait_until (at_rest, &(AtRest) { .widget = widget }, "the page to scroll");
}

static void
scroll_into_view (GtkWidget *widget)
{
  scroll_to (widget, FALSE);
}

static GtkWidget *
popover_button (GtkWidget  *root,
                const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = popover_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The centre of widget, which is in a popover of window, on the screen: the
 * popover's place on the window's surface plus the widget's place in it. */
static void
popover_screen_point (GtkWidget *window,
                      GtkWidget *widget,
                      int       *x,
                      int       *y)
{
  GtkNative *popover = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (popover);
  double wx = 0, wy = 0, nx = 0, ny = 0, window_nx = 0, window_ny = 0;
  int centre_x, top_y;

  g_assert_true (GDK_IS_POPUP (surface));
  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (popover),
                                                   gtk_widget_get_width (widget) / 2.0,
                                                   gtk_widget_get_height (widget) / 2.0, &wx, &wy));
  gtk_native_get_surface_transform (popover, &nx, &ny);
  /* Where the window's surface starts on the screen. */
  screen_point (window, 0.0, &centre_x, &top_y);
  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_nx, &window_ny);
  *x = centre_x - (int) (gtk_widget_get_width (window) / 2.0 + window_nx) +
       gdk_popup_get_position_x (GDK_POPUP (surface)) + (int) (wx + nx);
  *y = top_y - (int) window_ny + gdk_popup_get_position_y (GDK_POPUP (surface)) + (int) (wy + ny);
}

/* A Condition: the role popover is up with a button labelled label. */
typedef struct
{
  GtkWidget  *root;
  const char *label;
} PopoverOf;

static gboolean
popover_shows (gpointer data)
{
  PopoverOf *of = data;

  return popover_button (of->root, of->label) != NULL;
}

/* What a step waits to read in the saved file: it starts with prefix and
 * ends with suffix (either may be NULL), or is exactly prefix when exact. */
typedef struct
{
  GFile      *file;
  const char *prefix;
  const char *suffix;
  gboolean    exact;
  char       *state;   /* what was read last */
} FileReads;

static gboolean
file_reads (gpointer data)
{
  FileReads *r = data;

  g_free (r->state);
  r->state = describe_file (r->file);
  if (r->exact)
    return g_strcmp0 (r->state, r->prefix) == 0;
  return (r->prefix == NULL || g_str_has_prefix (r->state, r->prefix)) &&
         (r->suffix == NULL || g_str_has_suffix (r->state, r->suffix));
}

/* Waits until the file reads so; returns whether it did, with what it read
 * last in *state (replacing what was there). */
static gboolean
saved_as (GFile       *file,
          const char  *prefix,
          const char  *suffix,
          gboolean     exact,
          char       **state)
{
  FileReads reads = { file, prefix, suffix, exact, NULL };
  gboolean ok = eventually (file_reads, &reads);

  g_free (*state);
  *state = reads.state;
  return ok;
}

/* Clicks the tab of the timeline's side column titled title. */
static gboolean
toggle_is_active (gpointer data)
{
  return gtk_toggle_button_get_active (data);
}

static void
click_side_tab (GtkWidget  *timeline,
                const char *title)
{
  GtkWidget *switcher = first_with_class (timeline, "side-tabs");
  g_autofree char *click = NULL;
  int x, y;

  g_assert_nonnull (switcher);
  for (GtkWidget *button = gtk_widget_get_first_child (switcher); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    if (shows_label (button, title))
      {
        screen_point (button, 0.5, &x, &y);
        click = g_strdup_printf ("mousemove %d %d click 1", x, y);
        xdotool_seen (gtk_widget_get_ancestor (timeline, GTK_TYPE_WINDOW), click, GDK_BUTTON_RELEASE);
        /* The page the tab brings has slid in. */
        wait_until (toggle_is_active, button, "the tab to be chosen");
        wait_until (at_rest, &(AtRest) { .widget = gtk_stack_get_visible_child (GTK_STACK (first_of_type (gtk_widget_get_parent (gtk_widget_get_parent (switcher)), GTK_TYPE_STACK))) },
                    "the tab's page to show");
        return;
      }
  g_assert_not_reached ();
}

static int
run_drags (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "drag.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneTimelineView *timeline = timeline_of (window);
  GtkWidget *palette = first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_PEOPLE_PALETTE);
  g_autofree char *start = describe_assignments (convene_document_get_project (document));
  g_autofree char *state = NULL;
  GtkWidget *source;
  GtkWidget *target;
  GtkWidget *button;
  guint test = 0;
  gboolean ok;
  int x1, y1, x2, y2;

  gtk_window_set_title (GTK_WINDOW (window), "Convene Assign Drag Test");
  /* A few frames on, the X server has the title xdotool looks for. */
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (window) }, "the window to be drawn");
  g_print ("1..4\n");
  screenshot ("assign-session-1280-light.png");

  /* 1. Tamam Aloudat from the people list onto the panel's first talk,
   * then "Discussant" clicked in the role popover. */
  convene_timeline_view_select_segment (timeline, find_segment (document, FIRST_TALK_ID));
  g_assert_nonnull (palette);
  /* The timeline's top (its side column's tabs) at the top of the page. */
  scroll_into_view (first_with_class (GTK_WIDGET (timeline), "side-tabs"));
  click_side_tab (GTK_WIDGET (timeline), "People");
  target = block_of (GTK_WIDGET (timeline), find_segment (document, FIRST_TALK_ID));
  g_assert_nonnull (target);
  scroll_to (target, TRUE);
  g_assert_true (gtk_widget_get_mapped (palette));
  screenshot ("assign-timeline-1280-light.png");
  source = person_row_of (palette, TAMAM_ID);
  g_assert_nonnull (source);
  target = block_of (GTK_WIDGET (timeline), find_segment (document, FIRST_TALK_ID));
  /* Its height follows the timeline's zoom, fitted to the list's height a
   * frame after a layout: aim once it has stopped moving. */
  wait_until (at_rest, &(AtRest) { .widget = target }, "the talk's block to be in place");
  screen_point (source, 0.5, &x1, &y1);
  screen_point (target, 0.5, &x2, &y2);
  g_print ("# drag from %d,%d to %d,%d\n", x1, y1, x2, y2);
  drag (x1, y1, x2, y2);
  eventually (popover_shows, &(PopoverOf) { GTK_WIDGET (timeline), "Discussant" });
  screenshot ("assign-popover-1280-light.png");
  button = popover_button (GTK_WIDGET (timeline), "Discussant");
  if (button != NULL)
    {
      g_autofree char *click = NULL;

      popover_screen_point (GTK_WIDGET (window), button, &x1, &y1);
      g_print ("# click on Discussant at %d,%d\n", x1, y1);
      click = g_strdup_printf ("mousemove %d %d click 1", x1, y1);
      xdotool (click);
    }
  ok = saved_as (file, start, " 3:discussant@12", FALSE, &state);
  g_print ("# after the drop: %s\n", state);
  g_print ("%s %u - a person dragged from the people list onto a panel talk is assigned as discussant\n",
           button != NULL && ok ? "ok" : "not ok", ++test);

  /* 2. The same again, the suggested role (a panel's talk: panellist)
   * chosen with the keyboard. */
  source = person_row_of (palette, SANTINO_ID);
  target = block_of (GTK_WIDGET (timeline), find_segment (document, FIRST_TALK_ID));
  if (source != NULL && target != NULL)
    {
      screen_point (source, 0.5, &x1, &y1);
      screen_point (target, 0.5, &x2, &y2);
      drag (x1, y1, x2, y2);
      eventually (popover_shows, &(PopoverOf) { GTK_WIDGET (timeline), "Discussant" });
      xdotool ("key Return");
    }
  ok = saved_as (file, NULL, " 3:discussant@12 2:panelist@12", FALSE, &state);
  g_print ("# after the second drop: %s\n", state);
  g_print ("%s %u - Enter in the popover assigns the suggested role\n", ok ? "ok" : "not ok", ++test);
  screenshot ("assign-details-1280-light.png");

  /* 3. The details show both, with their organisations, and undo takes
   * them off again, in the file too. */
  {
    GtkWidget *list = first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_ASSIGNMENT_LIST);
    gboolean shown;

    click_side_tab (GTK_WIDGET (timeline), "Segment");
    shown = gtk_widget_get_mapped (list) && row_named (list, "Tamam Aloudat") != NULL && row_named (list, "Santino Severoni") != NULL &&
                     g_strcmp0 (row_detail (row_named (list, "Tamam Aloudat")),
                                "MSF") == 0;

    scroll_into_view (list);
    screenshot ("assign-list-1280-light.png");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
    screenshot ("assign-list-1280-dark.png");
    g_assert_true (convene_document_undo (document, NULL));
    g_assert_true (convene_document_undo (document, NULL));
    ok = saved_as (file, start, NULL, TRUE, &state);
    g_print ("%s %u - the new people show in the segment's details; undo removes them from the file\n",
             shown && ok ? "ok" : "not ok", ++test);
  }
  /* 4. The example's six panellists and two moderators, with their
   * organisations, in the talks' details and the session's roles. */
  {
    GtkWidget *roles = require_widget (GTK_WIDGET (window), "session_roles");
    guint shown = 0;

    for (guint i = 0; i < G_N_ELEMENTS (panel); i++)
      {
        GtkWidget *list = first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_ASSIGNMENT_LIST);
        GtkWidget *row;

        convene_timeline_view_select_segment (timeline, find_segment (document, panel[i].segment_id));
        row = row_named (list, panel[i].name);
        if (row != NULL)
          eventually (widget_is_mapped, row);
        if (row != NULL && gtk_widget_get_mapped (row) && g_strcmp0 (row_detail (row), panel[i].detail) == 0)
          shown++;
        else
          g_print ("# %s is not shown with “%s”\n", panel[i].name, panel[i].detail);
      }
    show_side_page (roles);
    for (guint i = 0; i < 2; i++)
      {
        GtkWidget *row = row_named (roles, i == 0 ? "Dr James Campbell" : "Kanokporn Kaojaroen");

        if (row != NULL && gtk_widget_get_mapped (row) && g_strcmp0 (row_detail (row), "WHO") == 0)
          shown++;
      }
    g_print ("%s %u - the six panellists and two moderators show with their organisations\n",
             shown == G_N_ELEMENTS (panel) + 2 ? "ok" : "not ok", ++test);
  }

  scroll_into_view (require_widget (GTK_WIDGET (window), "session_warnings"));
  screenshot ("assign-session-1280-dark.png");
  close_window (window);

  /* A phone-sized window, opened on the session. */
  g_clear_object (&document);
  document = convene_document_open (file, CONVENE_STORE_READ_WRITE, NULL);
  g_assert_nonnull (document);
  window = show_window (document, 360, 780);
  g_signal_emit_by_name (find_by_id (GTK_WIDGET (window), "sessions_view"), "activate", 0);
  wait_until (widget_is_mapped, require_widget (GTK_WIDGET (window), "session_warnings"), "the session page to show");
  {
    GtkWidget *warnings = require_widget (GTK_WIDGET (window), "session_warnings");

    convene_expander_row_set_expanded (CONVENE_EXPANDER_ROW (first_of_type (warnings, CONVENE_TYPE_EXPANDER_ROW)), TRUE);
    scroll_into_view (warnings);
    screenshot ("assign-session-360-dark.png");
    show_side_page (require_widget (GTK_WIDGET (window), "session_roles"));
    scroll_into_view (require_widget (GTK_WIDGET (window), "session_roles"));
    screenshot ("assign-roles-360-dark.png");
    timeline = timeline_of (window);
    convene_timeline_view_select_segment (timeline, find_segment (document, FIRST_TALK_ID));
    {
      GtkWidget *list = first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_ASSIGNMENT_LIST);

      convene_expander_row_set_expanded (CONVENE_EXPANDER_ROW (first_of_type (list, CONVENE_TYPE_EXPANDER_ROW)), TRUE);
      show_side_page (list);
      scroll_into_view (list);
    }
    screenshot ("assign-list-360-dark.png");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
    screenshot ("assign-list-360-light.png");
    palette = first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_PEOPLE_PALETTE);
    g_assert_nonnull (palette);
    show_side_page (palette);
    scroll_into_view (palette);
    screenshot ("assign-palette-360-light.png");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
    screenshot ("assign-palette-360-dark.png");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
    /* The talk with nobody on it says so. */
    show_side_page (first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_ASSIGNMENT_LIST));
    {
      GtkWidget *list = first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_ASSIGNMENT_LIST);

      press_and_wait (first_with_class (list, "assignment-remove"), document);
      scroll_into_view (list);
      screenshot ("assign-empty-360-light.png");
      g_assert_true (convene_document_undo (document, NULL));
    }
    scroll_into_view (warnings);
    screenshot ("assign-session-360-light.png");
  }

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
  return 0;
}

/* The keyboard twins wired between the widgets: Enter on a person in the
 * list beside the timeline asks their role on the selected segment, and a
 * warning about a segment chosen on the session page selects it. */
typedef struct {
  GtkWidget  *root;
  const char *label;
  GtkWidget  *found;
} ButtonWait;

static gboolean
button_is_shown (gpointer data)
{
  ButtonWait *wait = data;

  wait->found = popover_button (wait->root, wait->label);
  return wait->found != NULL;
}

static void
test_keyboard_twins (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "twins.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  /* Within the 1280×800 screen, so the popover has a monitor to open on. */
  ConveneWindow *window = show_window (document, 1280, 760);
  ConveneTimelineView *timeline = timeline_of (window);
  GtkWidget *palette = first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_PEOPLE_PALETTE);
  GtkWidget *search = first_of_type (palette, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *view = first_of_type (palette, GTK_TYPE_LIST_VIEW);
  g_autofree char *before = describe_assignments (convene_document_get_project (document));
  g_autofree char *expected = NULL;
  ButtonWait wait = { GTK_WIDGET (window), "Discussant", NULL };

  show_side_page (palette);
  gtk_editable_set_text (GTK_EDITABLE (search), "msf");
  wait_for_no_label (palette, "Enrico Fos");

  /* Nothing selected: the planner is told what to do, nothing changes. */
  convene_timeline_view_select_segment (timeline, NULL);
  g_signal_emit_by_name (view, "activate", 0);
  /* Whatever the activation set going has run. */
  wait_until (nothing_pending, NULL, "the activation to be handled");
  g_assert_null (popover_button (GTK_WIDGET (window), "Discussant"));
  assert_assignments (document, file, before);

  /* The first talk selected: the role popover opens on its block. */
  convene_timeline_view_select_segment (timeline, find_segment (document, FIRST_TALK_ID));
  scroll_into_view (block_of (GTK_WIDGET (timeline), find_segment (document, FIRST_TALK_ID)));
  g_signal_emit_by_name (view, "activate", 0);
  wait_until (button_is_shown, &wait, "the role popover");
  g_signal_emit_by_name (wait.found, "clicked");
  expected = g_strdup_printf ("%s %d:discussant@%d", before, TAMAM_ID, FIRST_TALK_ID);
  assert_assignments (document, file, expected);
  undo (document);
  assert_assignments (document, file, before);

  /* A warning about a segment, chosen on the session page, selects it. */
  {
    GtkWidget *warnings = require_widget (GTK_WIDGET (window), "session_warnings");

    convene_timeline_view_select_segment (timeline, NULL);
    g_signal_emit_by_name (warnings, "segment-activated", (gint64) PANEL_ID);
    g_assert_nonnull (convene_timeline_view_get_selected_segment (timeline));
    g_assert_cmpint (convene_segment_get_id (convene_timeline_view_get_selected_segment (timeline)), ==, PANEL_ID);
  }

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (ui_test_init (&argc, &argv, "convene-assign-XXXXXX", &tmp_dir))
    status = run_drags ();
  else
    {
      g_test_add_func ("/ui/assign/segment-people", test_segment_people);
      g_test_add_func ("/ui/assign/session-roles", test_session_roles);
      g_test_add_func ("/ui/assign/find-and-order-people", test_find_and_order_people);
      g_test_add_func ("/ui/assign/example-people", test_example_people);
      g_test_add_func ("/ui/assign/keyboard-twins", test_keyboard_twins);
      status = g_test_run ();
    }

  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
