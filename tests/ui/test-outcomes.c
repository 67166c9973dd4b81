#define G_LOG_DOMAIN "convene-test-outcomes"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "convene-date-entry.h"
#include "convene-document.h"
#include "convene-edits.h"
#include "convene-outcome-links.h"
#include "convene-outcome-row.h"
#include "convene-outcomes-summary.h"
#include "convene-outcomes-view.h"
#include "convene-timeline-view.h"
#include "convene-window.h"
#include "convene-application.h"
#include "ui-test-support.h"

/* The outcomes checklist, as a planner uses it. Run without arguments it is
 * a widget test (TAP); with --drag it drives the real window with xdotool in
 * a real X server (run-in-xvfb.py starts one) and takes screenshots. After
 * each step the project file is read again to prove the change was saved. */

static char *tmp_dir;

/* The session page's "Outcomes" tab, shown. */
static ConveneOutcomesView *
open_outcomes (ConveneWindow *window)
{
  GtkWidget *stack = require_widget (GTK_WIDGET (window), "session_stack");
  GtkWidget *view;

  /* Built when the tab first shows. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "outcomes");
  view = first_of_type (GTK_WIDGET (window), CONVENE_TYPE_OUTCOMES_VIEW);
  g_assert_nonnull (view);
  wait_until (widget_is_mapped, view, "the outcomes tab to show");
  wait_until (at_rest, &(AtRest) { .widget = view }, "the outcomes tab to slide in");
  return CONVENE_OUTCOMES_VIEW (view);
}

/* The project's details page, which sums up every session's checklist. */
static GtkWidget *
open_summary (ConveneWindow *window)
{
  return open_project_details (GTK_WIDGET (window), "outcomes_summary");
}

/* Back from the details page to the first session's outcomes tab. */
static void
back_to_session (ConveneWindow *window)
{
  GtkWidget *view = first_of_type (GTK_WIDGET (window), CONVENE_TYPE_OUTCOMES_VIEW);

  g_signal_emit_by_name (require_widget (GTK_WIDGET (window), "sessions_view"), "activate", 0);
  wait_until (widget_is_mapped, view, "the session's outcomes to show again");
}

static ConveneSession *
first_session (ConveneProject *project)
{
  g_autoptr(ConveneSession) session =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);

  return session;  /* the project keeps it */
}

/* "objective:text:done:result:note:owner:due|…": the first session's
 * checklist, in order, with every field a planner edits. */
static char *
describe_outcomes (ConveneProject *project)
{
  GListModel *outcomes = G_LIST_MODEL (convene_session_get_outcomes (first_session (project)));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);

      g_string_append_printf (text, "%s%s:%.12s:%d:%s:%s:%" G_GINT64_FORMAT ":%s", i > 0 ? "|" : "",
                              convene_outcome_kind_to_nick (convene_outcome_get_kind (outcome)),
                              convene_outcome_get_text (outcome), convene_outcome_get_done (outcome),
                              convene_outcome_result_to_nick (convene_outcome_get_result (outcome)),
                              convene_outcome_get_result_note (outcome), convene_outcome_get_owner_id (outcome),
                              convene_outcome_get_due_date (outcome));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_file (GFile *file)
{
  g_autoptr(ConveneProject) project = load_file (file);

  return describe_outcomes (project);
}

/* The model and the saved file say the same, and the model says expected. */
static void
assert_saved (ConveneDocument *document,
              GFile           *file,
              const char      *expected)
{
  g_autofree char *model = describe_outcomes (convene_document_get_project (document));
  g_autofree char *on_disk = describe_file (file);

  if (expected != NULL)
    g_assert_cmpstr (model, ==, expected);
  g_assert_cmpstr (on_disk, ==, model);
}

static gboolean
file_has_link (GFile  *file,
               gint64  outcome_id,
               gint64  segment_id)
{
  g_autoptr(ConveneProject) project = load_file (file);

  return convene_project_find_outcome_link (project, outcome_id, segment_id) != NULL;
}

/* The checklist rows of kind, in the order they show. */
static GPtrArray *
rows_of_kind (ConveneOutcomesView *view,
              ConveneOutcomeKind   kind)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *result = g_ptr_array_new ();

  collect_of_type (GTK_WIDGET (view), CONVENE_TYPE_OUTCOME_ROW, FALSE, rows);
  for (guint i = 0; i < rows->len; i++)
    if (convene_outcome_get_kind (convene_outcome_row_get_outcome (rows->pdata[i])) == kind &&
        gtk_widget_get_visible (rows->pdata[i]))
      g_ptr_array_add (result, rows->pdata[i]);
  return result;
}

static GtkWidget *
nth_of_type (GtkWidget *root,
             GType      type,
             guint      n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_of_type (root, type, FALSE, found);
  g_assert_cmpuint (n, <, found->len);
  return found->pdata[n];
}

static gboolean
warning_shown (GtkWidget *row)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new ();

  collect_of_type (row, GTK_TYPE_IMAGE, FALSE, images);
  for (guint i = 0; i < images->len; i++)
    if (g_strcmp0 (gtk_image_get_icon_name (images->pdata[i]), "dialog-warning-symbolic") == 0 &&
        gtk_widget_get_visible (images->pdata[i]))
      return TRUE;
  return FALSE;
}

static gboolean
undo_button_shown (gpointer data)
{
  return button_labelled (data, "_Undo") != NULL;
}

static void
undo (ConveneDocument *document)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (convene_document_undo (document, &error));
  g_assert_no_error (error);
}

/* A Condition: the outcome links offer text to link. */
typedef struct
{
  GtkWidget  *links;
  const char *text;
} LinksOffer;

static gboolean
widget_is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* The row of links offering text to link, or NULL. */
static GtkWidget *
offered_row (GtkWidget  *widget,
             const char *text)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_has_css_class (widget, "outcome-link-option") &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = offered_row (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row of links showing text as linked (with an Unlink button), or NULL. */
static GtkWidget *
linked_row (GtkWidget  *widget,
            const char *text)
{
  if (ADW_IS_ACTION_ROW (widget) && !gtk_widget_has_css_class (widget, "outcome-link-option") &&
      first_with_class (widget, "outcome-unlink") != NULL &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = linked_row (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
links_offer (gpointer data)
{
  LinksOffer *offer = data;

  return offered_row (offer->links, offer->text) != NULL;
}

/* Whether the segment's linked items (not the choices) show text. */
static gboolean
links_show (gpointer data)
{
  LinksOffer *offer = data;

  return linked_row (offer->links, offer->text) != NULL;
}

static void scroll_into_view (GtkWidget *widget);

static void
test_checklist (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "checklist.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneProject *project = convene_document_get_project (document);
  ConveneSession *session = first_session (project);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneOutcomesView *view = open_outcomes (window);
  g_autofree char *initial = describe_outcomes (project);
  g_autoptr(GPtrArray) questions = rows_of_kind (view, CONVENE_OUTCOME_KIND_GUIDING_QUESTION);
  g_autoptr(GPtrArray) objectives = rows_of_kind (view, CONVENE_OUTCOME_KIND_OBJECTIVE);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *state = NULL;
  ConveneOutcome *objective;
  ConveneOutcome *expected;
  ConveneOutcome *follow_up;
  GtkWidget *row;
  GtkWidget *entry;

  /* The example's five guiding questions and three objectives. */
  g_assert_cmpuint (questions->len, ==, 5);
  g_assert_cmpuint (objectives->len, ==, 3);
  g_assert_true (shows_label (GTK_WIDGET (view), "Facilitate the sharing of current perspectives."));
  g_assert_true (shows_label (GTK_WIDGET (view), "0 of 5 guiding questions covered"));
  g_assert_true (shows_label (GTK_WIDGET (view), "0 of 3 objectives met"));
  g_assert_true (shows_label (GTK_WIDGET (view), "No follow-up actions yet"));
  g_assert_true (shows_label (objectives->pdata[0], "Served by II. Panel · III. Moderated discussion"));
  /* A renamed segment is named anew under the items it serves. */
  {
    g_autoptr(GError) error = NULL;
    ConveneCommand *rename = convene_edit_set_text (convene_project_find_segment (project, 11, NULL), "title",
                                                    "II. Expert panel", &error);

    g_assert_no_error (error);
    g_assert_true (convene_document_perform (document, rename, &error));
    wait_for_label (objectives->pdata[0], "Served by II. Expert panel · III. Moderated discussion");
    undo (document);
    wait_for_label (objectives->pdata[0], "Served by II. Panel · III. Moderated discussion");
  }
  objective = convene_outcome_row_get_outcome (objectives->pdata[1]);
  g_assert_false (warning_shown (objectives->pdata[1]));

  /* Add: an expected outcome and a follow-up, typed into their add rows. */
  entry = nth_of_type (GTK_WIDGET (view), ADW_TYPE_ENTRY_ROW, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Draft recommendations agreed");
  g_signal_emit_by_name (entry, "entry-activated");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  state = g_strconcat (initial, "|expected-outcome:Draft recomm:0:none::0:", NULL);
  assert_saved (document, file, state);
  undo (document);
  assert_saved (document, file, initial);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Draft recommendations agreed");
  g_signal_emit_by_name (entry, "entry-activated");
  entry = nth_of_type (GTK_WIDGET (view), ADW_TYPE_ENTRY_ROW, CONVENE_OUTCOME_KIND_FOLLOW_UP);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Send the report to co-sponsors");
  g_signal_emit_by_name (entry, "entry-activated");
  g_free (state);
  state = g_strconcat (initial, "|expected-outcome:Draft recomm:0:none::0:|follow-up:Send the rep:0:none::0:", NULL);
  assert_saved (document, file, state);
  wait_for_label (GTK_WIDGET (view), "0 of 1 follow-up action done");
  /* The add button beside the field does what Enter does. */
  {
    GtkWidget *add_row = nth_of_type (GTK_WIDGET (view), ADW_TYPE_ENTRY_ROW, CONVENE_OUTCOME_KIND_OBJECTIVE);
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    GtkWidget *add_button = NULL;
    g_autoptr(GPtrArray) now = NULL;

    collect_of_type (add_row, GTK_TYPE_BUTTON, FALSE, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), "Add an objective") == 0)
        add_button = buttons->pdata[i];
    g_assert_nonnull (add_button);
    gtk_editable_set_text (GTK_EDITABLE (add_row), "Agree on next steps");
    g_signal_emit_by_name (add_button, "clicked");
    now = rows_of_kind (view, CONVENE_OUTCOME_KIND_OBJECTIVE);
    g_assert_cmpuint (now->len, ==, 4);
    {
      g_autofree char *on_disk = describe_file (file);

      g_assert_nonnull (strstr (on_disk, "objective:Agree on nex:0"));
    }
    undo (document);
    assert_saved (document, file, state);
  }
  rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME);
  g_assert_cmpuint (rows->len, ==, 1);
  expected = convene_outcome_row_get_outcome (rows->pdata[0]);
  /* An item no segment serves is flagged; follow-ups never are. */
  g_assert_true (warning_shown (rows->pdata[0]));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_FOLLOW_UP);
  g_assert_cmpuint (rows->len, ==, 1);
  follow_up = convene_outcome_row_get_outcome (rows->pdata[0]);
  g_assert_false (warning_shown (rows->pdata[0]));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Edit inline: the second objective's text, committed with Enter. */
  row = objectives->pdata[1];
  gtk_widget_activate_action (row, "row.edit", NULL);
  entry = first_of_type (row, GTK_TYPE_ENTRY);
  g_assert_true (gtk_widget_get_mapped (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Share current perspectives");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (convene_outcome_get_text (objective), ==, "Share current perspectives");
  g_assert_false (gtk_widget_get_mapped (entry));
  g_assert_true (shows_label (row, "Share current perspectives"));
  {
    g_autofree char *on_disk = describe_file (file);

    g_assert_nonnull (strstr (on_disk, "objective:Share curren:0"));
  }
  undo (document);
  g_assert_cmpstr (convene_outcome_get_text (objective), ==, "Facilitate the sharing of current perspectives.");
  g_assert_true (shows_label (row, "Facilitate the sharing of current perspectives."));
  assert_saved (document, file, state);

  /* Check off. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (first_of_type (row, GTK_TYPE_CHECK_BUTTON)), TRUE);
  g_assert_true (convene_outcome_get_done (objective));
  {
    g_autofree char *on_disk = describe_file (file);

    g_assert_nonnull (strstr (on_disk, "objective:Facilitate t:1"));
  }
  wait_for_label (GTK_WIDGET (view), "1 of 3 objectives met");
  /* The project's details page sums up every session, once it is opened
   * and while it is shown. */
  {
    GtkWidget *summary = open_summary (window);

    wait_for_label (summary, "1 of 3 objectives met");
    undo (document);
    g_assert_false (convene_outcome_get_done (objective));
    assert_saved (document, file, state);
    wait_for_label (summary, "0 of 3 objectives met");
    back_to_session (window);
  }
  wait_for_label (GTK_WIDGET (view), "0 of 3 objectives met");
  /* The session's rows are made anew when it is shown again. */
  g_ptr_array_unref (objectives);
  objectives = rows_of_kind (view, CONVENE_OUTCOME_KIND_OBJECTIVE);
  row = objectives->pdata[1];
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (first_of_type (row, GTK_TYPE_CHECK_BUTTON))));

  /* After the event: the expected outcome partly met, with a note. Its
   * result is its one control (no tick box beside it), and having one
   * marks it done, in one step that one undo takes back. */
  rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME);
  row = rows->pdata[0];
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_false (gtk_widget_get_visible (first_of_type (row, GTK_TYPE_CHECK_BUTTON)));
  g_assert_true (gtk_widget_get_visible (first_of_type (row, GTK_TYPE_DROP_DOWN)));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (first_of_type (row, GTK_TYPE_DROP_DOWN)), CONVENE_OUTCOME_RESULT_MET);
  g_assert_true (convene_outcome_get_done (expected));
  {
    g_autofree char *on_disk = describe_file (file);

    g_assert_nonnull (strstr (on_disk, "expected-outcome:Draft recomm:1:met::0:"));
  }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (first_of_type (row, GTK_TYPE_DROP_DOWN)), CONVENE_OUTCOME_RESULT_NONE);
  g_assert_false (convene_outcome_get_done (expected));
  undo (document);
  g_assert_true (convene_outcome_get_done (expected));
  undo (document);
  g_assert_false (convene_outcome_get_done (expected));
  assert_saved (document, file, state);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (first_of_type (row, GTK_TYPE_DROP_DOWN)), CONVENE_OUTCOME_RESULT_PARTLY_MET);
  g_assert_cmpint (convene_outcome_get_result (expected), ==, CONVENE_OUTCOME_RESULT_PARTLY_MET);
  g_assert_true (convene_outcome_get_done (expected));
  entry = nth_of_type (row, GTK_TYPE_ENTRY, 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Two of three agreed");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (convene_outcome_get_result_note (expected), ==, "Two of three agreed");
  scroll_into_view (row);
  render_shot (GTK_WIDGET (window), "outcome-result-1280.png");
  {
    g_autofree char *on_disk = describe_file (file);

    g_assert_nonnull (strstr (on_disk, "expected-outcome:Draft recomm:1:partly-met:Two of three agreed:0:"));
  }
  wait_for_label (GTK_WIDGET (view), "0 of 1 expected outcome met, 1 partly met");
  undo (document);
  g_assert_cmpstr (convene_outcome_get_result_note (expected), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  undo (document);
  g_assert_cmpint (convene_outcome_get_result (expected), ==, CONVENE_OUTCOME_RESULT_NONE);
  g_assert_false (convene_outcome_get_done (expected));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (first_of_type (row, GTK_TYPE_DROP_DOWN))), ==, 0);
  assert_saved (document, file, state);

  /* The follow-up: its owner from the roster and a due date. */
  {
    g_autoptr(ConveneSpeaker) first = g_list_model_get_item (G_LIST_MODEL (convene_project_get_speakers (project)), 0);
    g_autofree char *name = convene_speaker_dup_display_name (first);
    g_autofree char *owned = NULL;
    GtkWidget *summary = first_of_type (GTK_WIDGET (window), CONVENE_TYPE_OUTCOMES_SUMMARY);

    rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_FOLLOW_UP);
    row = rows->pdata[0];
    g_clear_pointer (&rows, g_ptr_array_unref);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (first_of_type (row, GTK_TYPE_DROP_DOWN)), 1);
    g_assert_cmpint (convene_outcome_get_owner_id (follow_up), ==, convene_speaker_get_id (first));
    /* Renaming the owner renames them in the list of owners. */
    {
      GtkDropDown *owners = GTK_DROP_DOWN (first_of_type (row, GTK_TYPE_DROP_DOWN));
      g_autofree char *old_name = g_strdup (convene_speaker_get_name (first));
      const char *shown;

      g_assert_true (convene_document_perform (document,
                                               convene_edit_set_text (first, "name", "Renamed Owner", NULL),
                                               NULL));
      shown = gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (owners)),
                                          gtk_drop_down_get_selected (owners));
      g_assert_nonnull (strstr (shown, "Renamed Owner"));
      g_assert_true (convene_document_undo (document, NULL));
      shown = gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (owners)),
                                          gtk_drop_down_get_selected (owners));
      g_assert_nonnull (strstr (shown, old_name));
    }
    entry = nth_of_type (row, GTK_TYPE_ENTRY, 1);
    gtk_editable_set_text (GTK_EDITABLE (entry), "2026-07-01");
    g_signal_emit_by_name (entry, "activate");
    g_assert_cmpstr (convene_outcome_get_due_date (follow_up), ==, "2026-07-01");
    owned = g_strdup_printf ("follow-up:Send the rep:0:none::%" G_GINT64_FORMAT ":2026-07-01",
                             convene_speaker_get_id (first));
    {
      g_autofree char *on_disk = describe_file (file);

      g_assert_nonnull (strstr (on_disk, owned));
    }
    /* A date that is not one is refused; the field shows the saved one. */
    gtk_editable_set_text (GTK_EDITABLE (entry), "2026-13-45");
    g_signal_emit_by_name (entry, "activate");
    g_assert_cmpstr (convene_outcome_get_due_date (follow_up), ==, "2026-07-01");
    {
      g_autofree char *shown = convene_date_format ("2026-07-01");

      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, shown);
    }
    /* The project page says who owes it. */
    {
      g_autofree char *subtitle = g_strdup_printf ("%s · due 2026-07-01 · %s", name,
                                                   convene_session_get_title (session));

      g_assert_true (open_summary (window) == summary);
      wait_for_label (summary, subtitle);
      back_to_session (window);
      /* The session's rows are made anew when it is shown again. */
      rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_FOLLOW_UP);
      row = rows->pdata[0];
      g_clear_pointer (&rows, g_ptr_array_unref);
      entry = nth_of_type (row, GTK_TYPE_ENTRY, 1);
      g_ptr_array_unref (questions);
      questions = rows_of_kind (view, CONVENE_OUTCOME_KIND_GUIDING_QUESTION);
    }
    undo (document);
    g_assert_cmpstr (convene_outcome_get_due_date (follow_up), ==, "");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
    undo (document);
    g_assert_cmpint (convene_outcome_get_owner_id (follow_up), ==, 0);
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (first_of_type (row, GTK_TYPE_DROP_DOWN))), ==, 0);
    assert_saved (document, file, state);
  }

  /* Delete the third question (its Delete key action), then Undo on the toast. */
  {
    ConveneOutcome *question = convene_outcome_row_get_outcome (questions->pdata[2]);
    GtkWidget *undo_button;

    gtk_widget_activate_action (questions->pdata[2], "row.delete", NULL);
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_GUIDING_QUESTION);
    g_assert_cmpuint (rows->len, ==, 4);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_outcomes (session))), ==, 9);
    {
      g_autoptr(ConveneProject) saved = load_file (file);

      g_assert_null (convene_project_find_outcome (saved, convene_outcome_get_id (question), NULL));
    }
    wait_until (undo_button_shown, window, "the undo toast");
    undo_button = button_labelled (GTK_WIDGET (window), "_Undo");
    g_signal_emit_by_name (undo_button, "clicked");
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_GUIDING_QUESTION);
    g_assert_cmpuint (rows->len, ==, 5);
    g_assert_true (convene_outcome_row_get_outcome (rows->pdata[2]) == question);
    g_assert_true (convene_project_find_outcome_link (project, convene_outcome_get_id (question), 18) != NULL);
    g_assert_true (file_has_link (file, convene_outcome_get_id (question), 18));
    assert_saved (document, file, state);
  }

  /* Keyboard reorder: the second question one place up (Alt+Up), keeping the focus. */
  {
    ConveneOutcome *second = convene_outcome_row_get_outcome (rows->pdata[1]);
    ConveneOutcome *first = convene_outcome_row_get_outcome (rows->pdata[0]);
    GtkWidget *focus;

    gtk_widget_grab_focus (rows->pdata[1]);
    gtk_widget_activate_action (rows->pdata[1], "row.move-up", NULL);
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_GUIDING_QUESTION);
    g_assert_true (convene_outcome_row_get_outcome (rows->pdata[0]) == second);
    g_assert_true (convene_outcome_row_get_outcome (rows->pdata[1]) == first);
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (focus != NULL && gtk_widget_get_ancestor (focus, CONVENE_TYPE_OUTCOME_ROW) == rows->pdata[0]);
    assert_saved (document, file, NULL);
    {
      g_autofree char *on_disk = describe_file (file);

      g_assert_cmpstr (on_disk, !=, state);
    }
    /* The first one cannot go further up. */
    gtk_widget_activate_action (rows->pdata[0], "row.move-up", NULL);
    gtk_widget_activate_action (rows->pdata[0], "row.move-down", NULL);
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_GUIDING_QUESTION);
    g_assert_true (convene_outcome_row_get_outcome (rows->pdata[0]) == first);
    assert_saved (document, file, state);
    undo (document);
    undo (document);
    assert_saved (document, file, state);
  }

  /* The check for segments that serve no objective. */
  {
    GtkWidget *check = nth_of_type (GTK_WIDGET (view), GTK_TYPE_SWITCH, 0);

    g_assert_false (shows_label (GTK_WIDGET (view), "Serves no objective"));
    gtk_switch_set_active (GTK_SWITCH (check), TRUE);
    wait_for_label (GTK_WIDGET (view), "Serves no objective");
    g_assert_true (shows_label (GTK_WIDGET (view), "IV. Closing remarks"));
    g_assert_false (shows_label (GTK_WIDGET (view), "II. Panel"));
    gtk_switch_set_active (GTK_SWITCH (check), FALSE);
    wait_for_no_label (GTK_WIDGET (view), "Serves no objective");
    g_assert_false (shows_label (GTK_WIDGET (view), "Serves no objective"));
  }

  /* Link and unlink from the segment details: the opening serves the new
   * expected outcome, chosen from the list without a mouse. */
  {
    GtkWidget *timeline = first_of_type (GTK_WIDGET (window), CONVENE_TYPE_TIMELINE_VIEW);
    GtkWidget *links;
    ConveneSegment *opening = convene_project_find_segment (project, 10, NULL);
    GtkWidget *choice;
    GtkWidget *option;
    GtkWidget *unlink;
    gint64 expected_id = convene_outcome_get_id (expected);

    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (require_widget (GTK_WIDGET (window), "session_stack")),
                                           "order");
    g_assert_nonnull (opening);
    convene_timeline_view_select_segment (CONVENE_TIMELINE_VIEW (timeline), opening);
    /* (The segment's fields are built when one is first chosen.) */
    links = first_of_type (timeline, CONVENE_TYPE_OUTCOME_LINKS);
    g_assert_nonnull (links);
    /* The links are refreshed when the main loop is next idle. */
    wait_until (links_offer, &(LinksOffer) { links, "Draft recommendations agreed" }, "the outcome to be offered");
    choice = first_with_class (links, "outcome-link-choice");
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (choice), TRUE);
    option = offered_row (links, "Draft recommendations agreed");
    wait_until (widget_is_mapped, option, "the choices to open");
    /* Whole texts, under their kind's heading, found by any word. */
    g_assert_true (shows_label (links, "Expected Outcomes"));
    g_assert_true (shows_label (links, "Objectives"));
    {
      GtkWidget *search = first_of_type (choice, GTK_TYPE_SEARCH_ENTRY);
      GtkWidget *other = NULL;
      GListModel *outcomes = G_LIST_MODEL (convene_session_get_outcomes (session));

      for (guint i = 0; i < g_list_model_get_n_items (outcomes) && other == NULL; i++)
        {
          g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);

          if (g_utf8_strlen (convene_outcome_get_text (outcome), -1) > 70)
            other = offered_row (links, convene_outcome_get_text (outcome));
        }
      g_assert_nonnull (other);
      g_assert_true (gtk_widget_get_mapped (other));
      gtk_editable_set_text (GTK_EDITABLE (search), "RECOMMENDATIONS draft");
      wait_until (widget_is_unmapped, other, "the search to leave the other items out");
      g_assert_true (gtk_widget_get_mapped (option));
      g_assert_true (shows_label (links, "Expected Outcomes"));
      g_assert_false (shows_label (links, "Objectives"));
    }
    adw_action_row_activate (ADW_ACTION_ROW (option));
    /* The links show the change once the main loop is idle: linked, and no
     * longer offered. */
    wait_until (nothing_pending, NULL, "the links to be refreshed");
    g_assert_nonnull (convene_project_find_outcome_link (project, expected_id, 10));
    g_assert_true (file_has_link (file, expected_id, 10));
    wait_until (links_show, &(LinksOffer) { links, "Draft recommendations agreed" }, "the link to show");
    g_assert_null (offered_row (links, "Draft recommendations agreed"));
    g_assert_true (shows_label (GTK_WIDGET (view), "Served by I. Opening remarks and introductions by co-sponsoring country, WHO and IOM"));
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME);
    g_assert_false (warning_shown (rows->pdata[0]));

    unlink = nth_of_type (links, GTK_TYPE_BUTTON, 0);
    g_assert_true (gtk_widget_has_css_class (unlink, "outcome-unlink"));
    g_signal_emit_by_name (unlink, "clicked");
    g_assert_null (convene_project_find_outcome_link (project, expected_id, 10));
    g_assert_false (file_has_link (file, expected_id, 10));
    wait_until (links_offer, &(LinksOffer) { links, "Draft recommendations agreed" }, "the item to be offered again");
    g_assert_false (links_show (&(LinksOffer) { links, "Draft recommendations agreed" }));
    g_assert_true (warning_shown (rows->pdata[0]));

    undo (document);
    g_assert_nonnull (convene_project_find_outcome_link (project, expected_id, 10));
    g_assert_true (file_has_link (file, expected_id, 10));
    wait_until (links_show, &(LinksOffer) { links, "Draft recommendations agreed" }, "the link to show again");
    undo (document);
    g_assert_false (file_has_link (file, expected_id, 10));
    wait_until (links_offer, &(LinksOffer) { links, "Draft recommendations agreed" }, "the item to be offered after undo");
    g_assert_false (links_show (&(LinksOffer) { links, "Draft recommendations agreed" }));
  }
  assert_saved (document, file, state);

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* Whether a row of the shortcuts window titled title shows keys. */
static gboolean
lists_shortcut (GtkWidget  *root,
                const char *title,
                const char *keys)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      collect_of_type (root, GTK_TYPE_SHORTCUT_LABEL, FALSE, labels);
      for (guint i = 0; i < labels->len; i++)
        if (g_strcmp0 (gtk_shortcut_label_get_accelerator (labels->pdata[i]), keys) == 0)
          return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (lists_shortcut (child, title, keys))
      return TRUE;
  return FALSE;
}

/* The keyboard shortcuts window lists the checklist's keys. */
static void
test_shortcuts (void)
{
  GtkWindow *shortcuts = convene_application_build_shortcuts_window (NULL);

  g_assert_nonnull (shortcuts);
  g_assert_true (lists_shortcut (GTK_WIDGET (shortcuts), "Move Item Up", "<Alt>Up"));
  g_assert_true (lists_shortcut (GTK_WIDGET (shortcuts), "Delete Item", "Delete"));
  gtk_window_destroy (shortcuts);
}

/* Real input: the pointer ticks an item off and drags one onto another's place. */

static void
scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  double x = 0, y = 0;

  gtk_widget_translate_coordinates (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                    0, 0, &x, &y);
  gtk_adjustment_set_value (adjustment, MAX (0, y - 80));
  wait_until (at_rest, &(AtRest) { .widget = widget }, "the page to scroll");
}

/* What an end-to-end step waits to find in the saved file. */
typedef struct
{
  GFile          *file;
  ConveneOutcome *outcome;     /* in the window's model */
  ConveneOutcome *other;
  gint64          id;
  const char     *text;
  GtkWidget      *entry;
} Saved;

static gboolean
saved_done (gpointer data)
{
  Saved *s = data;
  g_autoptr(ConveneProject) saved = load_file (s->file);
  ConveneOutcome *on_disk = convene_project_find_outcome (saved, convene_outcome_get_id (s->outcome), NULL);

  return convene_outcome_get_done (s->outcome) && on_disk != NULL && convene_outcome_get_done (on_disk);
}

/* The outcome at position 3 of the file's first session is s->outcome,
 * and (when set) s->other follows it. */
static gboolean
saved_order (gpointer data)
{
  Saved *s = data;
  g_autoptr(ConveneProject) saved = load_file (s->file);
  GListModel *outcomes = G_LIST_MODEL (convene_session_get_outcomes (first_session (saved)));
  guint at = s->other != NULL ? 3 : 4;
  g_autoptr(ConveneOutcome) here = g_list_model_get_item (outcomes, at);
  g_autoptr(ConveneOutcome) next = g_list_model_get_item (outcomes, at + 1);

  return here != NULL && convene_outcome_get_id (here) == convene_outcome_get_id (s->outcome) &&
         (s->other == NULL || (next != NULL && convene_outcome_get_id (next) == convene_outcome_get_id (s->other)));
}

static gboolean
saved_gone (gpointer data)
{
  Saved *s = data;
  g_autoptr(ConveneProject) saved = load_file (s->file);

  return convene_project_find_outcome (saved, s->id, NULL) == NULL;
}

/* Back, with its link to segment 18. */
static gboolean
saved_back (gpointer data)
{
  Saved *s = data;
  g_autoptr(ConveneProject) saved = load_file (s->file);

  return convene_project_find_outcome (saved, s->id, NULL) != NULL &&
         convene_project_find_outcome_link (saved, s->id, 18) != NULL;
}

static gboolean
saved_text (gpointer data)
{
  Saved *s = data;
  g_autoptr(ConveneProject) saved = load_file (s->file);
  ConveneOutcome *on_disk = convene_project_find_outcome (saved, s->id, NULL);

  return on_disk != NULL && g_strcmp0 (convene_outcome_get_text (on_disk), s->text) == 0;
}

/* Exactly one expected outcome reads s->text, and the add row is empty again. */
static gboolean
saved_one_added (gpointer data)
{
  Saved *s = data;
  g_autoptr(ConveneProject) saved = load_file (s->file);
  GListModel *outcomes = G_LIST_MODEL (convene_session_get_outcomes (first_session (saved)));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);

      n += convene_outcome_get_kind (outcome) == CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME &&
           g_str_equal (convene_outcome_get_text (outcome), s->text);
    }
  return n == 1 && g_str_equal (gtk_editable_get_text (GTK_EDITABLE (s->entry)), "");
}

static int
run_drags (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "drag.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneOutcomesView *view;
  g_autoptr(GPtrArray) rows = NULL;
  ConveneOutcome *first, *second, *third;
  int x1, y1, x2, y2;
  guint test = 0;
  gboolean ok;

  gtk_window_set_title (GTK_WINDOW (window), "Convene Outcomes Drag Test");
  view = open_outcomes (window);
  /* A few frames on, the X server has the title xdotool looks for. */
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (window) }, "the window to be drawn");
  g_print ("1..6\n");
  screenshot ("outcomes-1280-light.png");

  /* 1. The second objective's tick clicked with the pointer. */
  rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_OBJECTIVE);
  second = convene_outcome_row_get_outcome (rows->pdata[1]);
  screen_point (first_of_type (rows->pdata[1], GTK_TYPE_CHECK_BUTTON), 0.5, &x1, &y1);
  {
    g_autofree char *click = g_strdup_printf ("mousemove %d %d click 1", x1, y1);

    xdotool (click);
  }
  ok = eventually (saved_done, &(Saved) { .file = file, .outcome = second });
  g_print ("%s %u - a click on the tick checks the objective off, and it is saved\n", ok ? "ok" : "not ok", ++test);
  screenshot ("outcomes-1280-light-checked.png");

  /* 2. The third guiding question dragged onto the first: it takes its place. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_GUIDING_QUESTION);
  scroll_into_view (rows->pdata[0]);
  first = convene_outcome_row_get_outcome (rows->pdata[0]);
  third = convene_outcome_row_get_outcome (rows->pdata[2]);
  screen_point (rows->pdata[2], 0.5, &x1, &y1);
  screen_point (rows->pdata[0], 0.5, &x2, &y2);
  drag (x1, y1, x2, y2);
  ok = eventually (saved_order, &(Saved) { .file = file, .outcome = third, .other = first });
  {
    g_autoptr(ConveneProject) saved = load_file (file);
    g_autofree char *order = describe_outcomes (saved);

    g_print ("# after drag: %s\n", order);
    g_print ("%s %u - the third question dropped on the first becomes the first, and it is saved\n",
             ok ? "ok" : "not ok", ++test);
  }

  /* 3. The keyboard twin: Alt+Down on the focused first question. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_GUIDING_QUESTION);
  gtk_widget_grab_focus (rows->pdata[0]);
  wait_until (focus_within, rows->pdata[0], "the question to have the focus");
  xdotool ("key alt+Down");
  ok = eventually (saved_order, &(Saved) { .file = file, .outcome = third });
  g_print ("%s %u - Alt+Down moves the focused question one place down, and it is saved\n",
           ok ? "ok" : "not ok", ++test);

  /* 4. The Delete key on the focused question, then Undo on the toast with the pointer. */
  {
    ConveneOutcome *doomed = convene_outcome_row_get_outcome (rows->pdata[2]);
    gint64 doomed_id = convene_outcome_get_id (doomed);
    gboolean gone, back;
    GtkWidget *undo_button;

    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_GUIDING_QUESTION);
    gtk_widget_grab_focus (rows->pdata[2]);
    wait_until (focus_within, rows->pdata[2], "the question to have the focus");
    xdotool ("key Delete");
    gone = eventually (saved_gone, &(Saved) { .file = file, .id = doomed_id });
    wait_until (undo_button_shown, window, "the undo toast");
    undo_button = button_labelled (GTK_WIDGET (window), "_Undo");
    wait_until (at_rest, &(AtRest) { .widget = undo_button }, "the undo toast to slide in");
    screen_point (undo_button, 0.5, &x1, &y1);
    {
      g_autofree char *click = g_strdup_printf ("mousemove %d %d click 1", x1, y1);

      xdotool (click);
    }
    back = eventually (saved_back, &(Saved) { .file = file, .id = doomed_id });
    g_print ("%s %u - Delete removes the focused question and Undo on the toast brings it back with its link\n",
             gone && back ? "ok" : "not ok", ++test);
  }

  /* 5. F2 edits the focused question's text in place; Enter saves it. */
  {
    ConveneOutcome *edited;

    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_GUIDING_QUESTION);
    edited = convene_outcome_row_get_outcome (rows->pdata[0]);
    gtk_widget_grab_focus (rows->pdata[0]);
    wait_until (focus_within, rows->pdata[0], "the question to have the focus");
    xdotool_seen (GTK_WIDGET (window), "key F2", GDK_KEY_PRESS);
    xdotool ("key ctrl+a");
    xdotool ("type --delay 20 'Who pays'");
    xdotool ("key Return");
    ok = eventually (saved_text, &(Saved) { .file = file, .id = convene_outcome_get_id (edited), .text = "Who pays" });
    {
      g_autoptr(ConveneProject) saved = load_file (file);
      ConveneOutcome *on_disk = convene_project_find_outcome (saved, convene_outcome_get_id (edited), NULL);

      g_print ("# edited text on disk: %s\n", on_disk != NULL ? convene_outcome_get_text (on_disk) : "(none)");
    }
    g_print ("%s %u - F2, typing and Enter change the focused question's text, and it is saved\n",
             ok ? "ok" : "not ok", ++test);
    g_assert_true (convene_document_undo (document, NULL));
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_GUIDING_QUESTION);
  }

  /* Screenshots: an expected outcome and a follow-up with their details. */
  {
    GtkWidget *entry = nth_of_type (GTK_WIDGET (view), ADW_TYPE_ENTRY_ROW, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME);
    g_autoptr(GPtrArray) added = NULL;

    /* 6. Typed into the add row and Enter: one new expected outcome. */
    gtk_widget_grab_focus (entry);
    wait_until (focus_within, entry, "the add row to have the focus");
    xdotool ("type --delay 20 'Draft recommendations agreed'");
    xdotool ("key Return");
    ok = eventually (saved_one_added, &(Saved) { .file = file, .text = "Draft recommendations agreed", .entry = entry });
    g_print ("%s %u - typing into the add row and Enter adds one expected outcome, and it is saved\n",
             ok ? "ok" : "not ok", ++test);
    entry = nth_of_type (GTK_WIDGET (view), ADW_TYPE_ENTRY_ROW, CONVENE_OUTCOME_KIND_FOLLOW_UP);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Send the report to the co-sponsors");
    g_signal_emit_by_name (entry, "entry-activated");
    added = rows_of_kind (view, CONVENE_OUTCOME_KIND_FOLLOW_UP);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (first_of_type (added->pdata[0], GTK_TYPE_DROP_DOWN)), 3);
    g_clear_pointer (&added, g_ptr_array_unref);
    added = rows_of_kind (view, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (first_of_type (added->pdata[0], GTK_TYPE_DROP_DOWN)), 2);
    scroll_into_view (added->pdata[0]);
    screenshot ("outcomes-1280-light-details.png");
    for (guint i = 0; i < 4; i++)
      g_assert_true (convene_document_undo (document, NULL));
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_GUIDING_QUESTION);
  }

  /* Screenshots: the undo toast after a delete, dark style, and narrow. */
  gtk_widget_activate_action (rows->pdata[1], "row.delete", NULL);
  wait_until (undo_button_shown, window, "the undo toast");
  screenshot ("outcomes-1280-light-deleted.png");
  g_assert_true (convene_document_undo (document, NULL));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    first_of_type (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW))), 0);
  screenshot ("outcomes-1280-dark.png");
  {
    GtkWidget *timeline = first_of_type (GTK_WIDGET (window), CONVENE_TYPE_TIMELINE_VIEW);

    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (require_widget (GTK_WIDGET (window), "session_stack")),
                                           "order");
    convene_timeline_view_select_segment (CONVENE_TIMELINE_VIEW (timeline),
                                          convene_project_find_segment (convene_document_get_project (document), 18, NULL));
    scroll_into_view (first_of_type (timeline, CONVENE_TYPE_OUTCOME_LINKS));
    screenshot ("outcome-links-1280-dark.png");
  }
  {
    GtkWidget *summary = open_project_details (GTK_WIDGET (window), "outcomes_summary");

    scroll_into_view (summary);
    screenshot ("outcomes-summary-1280-dark.png");
  }
  close_window (window);

  /* Closing the window closed the project: open it again, narrow. */
  g_clear_object (&document);
  document = convene_document_open (file, CONVENE_STORE_READ_WRITE, NULL);
  g_assert_nonnull (document);
  window = show_window (document, 360, 780);
  g_signal_emit_by_name (find_by_id (GTK_WIDGET (window), "sessions_view"), "activate", 0);
  /* (open_outcomes waits for the session page and its tab to show) */
  view = open_outcomes (window);
  screenshot ("outcomes-360-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  {
    GtkWidget *entry = nth_of_type (GTK_WIDGET (view), ADW_TYPE_ENTRY_ROW, CONVENE_OUTCOME_KIND_FOLLOW_UP);

    gtk_editable_set_text (GTK_EDITABLE (entry), "Circulate the summary");
    g_signal_emit_by_name (entry, "entry-activated");
    entry = nth_of_type (GTK_WIDGET (view), ADW_TYPE_ENTRY_ROW, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME);
    gtk_editable_set_text (GTK_EDITABLE (entry), "A shared list of good practices");
    g_signal_emit_by_name (entry, "entry-activated");
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_FOLLOW_UP);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (first_of_type (rows->pdata[0], GTK_TYPE_DROP_DOWN)), 2);
    scroll_into_view (rows->pdata[0]);
  }
  screenshot ("outcomes-360-light.png");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rows_of_kind (view, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME);
  scroll_into_view (rows->pdata[0]);
  screenshot ("outcomes-360-light-expected.png");
  gtk_switch_set_active (GTK_SWITCH (nth_of_type (GTK_WIDGET (view), GTK_TYPE_SWITCH, 0)), TRUE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    first_of_type (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW))), 100000);
  screenshot ("outcomes-360-light-check.png");
  gtk_switch_set_active (GTK_SWITCH (nth_of_type (GTK_WIDGET (view), GTK_TYPE_SWITCH, 0)), FALSE);
  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (ui_test_init (&argc, &argv, "convene-outcomes-XXXXXX", &tmp_dir))
    status = run_drags ();
  else
    {
      g_test_add_func ("/ui/outcomes/checklist", test_checklist);
      g_test_add_func ("/ui/outcomes/shortcuts", test_shortcuts);
      status = g_test_run ();
    }

  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
