#define G_LOG_DOMAIN "convene-test-timeline"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "convene-document.h"
#include "convene-edits.h"
#include "convene-expander-row.h"
#include "convene-field-row.h"
#include "convene-fit-dialog.h"
#include "convene-kind-palette.h"
#include "convene-people-palette.h"
#include "convene-person-row.h"
#include "convene-segment-block.h"
#include "convene-session-warnings.h"
#include "convene-timeline-view.h"
#include "convene-window.h"
#include "ui-test-support.h"

/* The timeline, as a planner uses it. Run without arguments it is a widget
 * test (TAP); with --drag it drives the real window with xdotool in a real
 * X server (run-in-xvfb.py starts one) and takes screenshots. */

static char *tmp_dir;

static guint
count_blocks (GtkWidget *root)
{
  guint n = CONVENE_IS_SEGMENT_BLOCK (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_blocks (child);
  return n;
}

static gboolean
has_label_text (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_text (child, text))
      return TRUE;
  return FALSE;
}

static guint
count_class (GtkWidget  *root,
             const char *css_class)
{
  guint n = gtk_widget_has_css_class (root, css_class) && gtk_widget_get_visible (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_class (child, css_class);
  return n;
}

/* "3,4[5,6],9": the first session's structure by kind nick and length. */
static char *
describe_list (GListModel *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (list, i);
      GListModel *items = G_LIST_MODEL (convene_segment_get_items (segment));

      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append_printf (text, "%s/%u", convene_segment_kind_to_nick (convene_segment_get_kind (segment)),
                              convene_segment_get_duration (segment));
      if (g_list_model_get_n_items (items) > 0)
        {
          g_autofree char *inner = describe_list (items);
          g_string_append_printf (text, "[%s]", inner);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_project (ConveneProject *project)
{
  g_autoptr(ConveneSession) session =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);

  return describe_list (G_LIST_MODEL (convene_session_get_segments (session)));
}

/* What the file holds, read the way another program would. */
static char *
describe_file (GFile *file)
{
  g_autoptr(ConveneProject) project = load_file (file);

  return describe_project (project);
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} DrawnLabelWait;

static gboolean
label_shown (gpointer data)
{
  DrawnLabelWait *wait = data;

  return has_label_text (wait->root, wait->text);
}

static void
wait_for_drawn_label (GtkWidget  *root,
                const char *text)
{
  DrawnLabelWait wait = { root, text };

  wait_until (label_shown, &wait, text);
}

/* What a step waits for in the timeline: segment selected (and, with
 * css_class, its block drawn with that class). */
typedef struct
{
  ConveneTimelineView *timeline;
  ConveneSegment      *segment;
  const char          *css_class;
} Selected;

static gboolean
is_selected (gpointer data)
{
  Selected *s = data;
  GtkWidget *block;

  if (convene_timeline_view_get_selected_segment (s->timeline) != s->segment)
    return FALSE;
  if (s->css_class == NULL)
    return TRUE;
  block = block_of (GTK_WIDGET (s->timeline), s->segment);
  return block != NULL && gtk_widget_has_css_class (block, s->css_class);
}

static void
wait_selected (ConveneTimelineView *timeline,
               ConveneSegment      *segment,
               const char          *css_class)
{
  wait_until (is_selected, &(Selected) { timeline, segment, css_class }, "a segment to be selected");
}

/* The block of segment tells assistive technologies said. */
typedef struct
{
  GtkWidget      *root;
  ConveneSegment *segment;
  const char     *said;
} Announced;

static gboolean
announced (gpointer data)
{
  Announced *a = data;
  GtkWidget *block = block_of (a->root, a->segment);
  g_autofree char *mismatch = NULL;

  if (block == NULL)
    return FALSE;
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (block), GTK_ACCESSIBLE_PROPERTY_LABEL, a->said);
  return mismatch == NULL;
}

/* The editable shows text. */
typedef struct
{
  GtkWidget  *editable;
  const char *text;
} Shows;

static gboolean
editable_shows (gpointer data)
{
  Shows *shows = data;

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (shows->editable)), shows->text) == 0;
}

/* The first widget of type under root that carries the style class. */
static GtkWidget *
find_with_class (GtkWidget  *root,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The palette's button for a kind (css_class "kind-qa"). */
static GtkWidget *
palette_button (GtkWidget  *root,
                const char *css_class)
{
  return find_with_class (root, GTK_TYPE_BUTTON, css_class);
}

static void
test_example_blocks (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "blocks.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneTimelineView *timeline = timeline_of (window);
  ConveneSegment *last = top_segment (document, 3);
  GtkWidget *block;

  /* The panel runs 12:40 to 13:40; the closing remarks cross the slot end. */
  wait_for_drawn_label (GTK_WIDGET (timeline), "12:30");
  wait_for_drawn_label (GTK_WIDGET (timeline), "12:40 – 13:40");
  g_assert_nonnull (block_of (GTK_WIDGET (timeline), top_segment (document, 1)));
  /* The panel has items, so it is a compact heading, not 60 min tall: its
   * time is drawn once, by its items. A 10 min item and the 10 min opening
   * follow their length, at the readable minimum. */
  {
    ConveneSegment *panel = top_segment (document, 1);
    GListModel *items = G_LIST_MODEL (convene_segment_get_items (panel));
    guint n_items = g_list_model_get_n_items (items);
    g_autoptr(ConveneSegment) first_item = g_list_model_get_item (items, 0);
    g_autoptr(ConveneSegment) last_item = g_list_model_get_item (items, n_items - 1);
    GtkWidget *header = block_of (GTK_WIDGET (timeline), panel);
    GtkWidget *item = block_of (GTK_WIDGET (timeline), first_item);
    double scale = convene_timeline_view_get_px_per_minute (timeline);
    int item_height = MAX ((int) (convene_segment_get_duration (first_item) * scale),
                           CONVENE_BLOCK_MIN_HEIGHT);

    g_assert_cmpuint (n_items, >=, 2);
    g_assert_cmpuint (convene_segment_get_duration (first_item), ==, 10);
    g_assert_true (gtk_widget_has_css_class (header, "timeline-parent"));
    /* Its heading names the whole span once, not an end time on the ruler
     * right beside its first item's start. */
    g_assert_true (has_label_text (header, "12:40 – 13:40"));
    g_assert_false (has_label_text (header, "13:40"));
    g_assert_false (has_label_text (header, "12:40"));
    g_assert_true (has_label_text (item, "12:40"));
    g_assert_cmpint (gtk_widget_get_height (header), >=, CONVENE_BLOCK_HEADER_HEIGHT - 4);
    g_assert_cmpint (gtk_widget_get_height (header), <, CONVENE_BLOCK_HEADER_HEIGHT + 24);
    g_assert_nonnull (item);
    g_assert_true (gtk_widget_has_css_class (item, "timeline-item"));
    g_assert_false (gtk_widget_has_css_class (item, "timeline-item-last"));
    g_assert_cmpint (gtk_widget_get_height (item), >=, item_height - 4);
    /* (A line naming its speaker may add a little to the minimum.) */
    g_assert_cmpint (gtk_widget_get_height (item), <, item_height + 24);
    g_assert_true (gtk_widget_has_css_class (block_of (GTK_WIDGET (timeline), last_item), "timeline-item-last"));
  }
  g_assert_cmpint (gtk_widget_get_height (block_of (GTK_WIDGET (timeline), top_segment (document, 0))), <,
                   CONVENE_BLOCK_MIN_HEIGHT + 8);
  /* Selecting the last block scrolls to it. */
  convene_timeline_view_select_segment (timeline, last);
  wait_for_drawn_label (GTK_WIDGET (timeline), "14:03");
  g_assert_nonnull (strstr (convene_timeline_view_get_fit_text (timeline), "93 min planned in a 90 min slot"));
  wait_for_drawn_label (GTK_WIDGET (timeline), convene_timeline_view_get_fit_text (timeline));

  block = block_of (GTK_WIDGET (timeline), last);
  g_assert_nonnull (block);
  g_assert_cmpuint (count_class (block, "crosses-slot-end"), ==, 1);
  g_assert_cmpuint (count_class (GTK_WIDGET (timeline), "crosses-slot-end"), ==, 1);
  /* A block's height follows its length, never below the readable minimum. */
  g_assert_cmpint (gtk_widget_get_height (block), >=, CONVENE_BLOCK_MIN_HEIGHT - 4);

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

typedef struct
{
  ConveneTimelineView *timeline;
  int                  level;
} ZoomIs;

static gboolean
zoom_is (gpointer data)
{
  ZoomIs *z = data;

  return convene_timeline_view_get_zoom_level (z->timeline) == z->level;
}

/* Zooms the timeline in a step at a time, as its zoom-in button does, until
 * a minute takes at least px pixels or it goes no closer. */
static void
zoom_in_to (ConveneTimelineView *timeline,
            double               px)
{
  while (convene_timeline_view_get_px_per_minute (timeline) < px)
    {
      int before = convene_timeline_view_get_zoom_level (timeline);

      gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.zoom-in", NULL);
      if (convene_timeline_view_get_zoom_level (timeline) == before)
        break;
    }
}

/* The block of segment is described to assistive technologies as said. */
static gboolean
described (gpointer data)
{
  Announced *a = data;
  GtkWidget *block = block_of (a->root, a->segment);
  g_autofree char *mismatch = NULL;

  if (block == NULL)
    return FALSE;
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (block), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                 a->said);
  return mismatch == NULL;
}

/* The widget of type under root that assistive technologies call label. */
static void
perform_or_fail (ConveneDocument *document,
                 ConveneCommand  *command,
                 GError          *error)
{
  g_assert_no_error (error);
  g_assert_true (convene_document_perform (document, command, &error));
  g_assert_no_error (error);
}

/* The example's six talks at 15 minutes each, 90 in a panel meant to last
 * 60: the panel block says so, the discussion starts after the last talk,
 * the fit line counts the 30 minutes, and the session's warnings list it.
 * The details editor turns the target off and on again, and undo too. */
static void
test_group_target (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "target.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneTimelineView *timeline = timeline_of (window);
  ConveneSegment *panel = top_segment (document, 1);
  ConveneSegment *discussion = top_segment (document, 2);
  GListModel *talks = G_LIST_MODEL (convene_segment_get_items (panel));
  const char *over = "The items of “II. Panel” take 90 min: 30 min over its 60 min target.";
  GtkWidget *warnings = first_of_type (GTK_WIDGET (window), CONVENE_TYPE_SESSION_WARNINGS);
  GtkWidget *target_switch = NULL;
  GtkWidget *target_spin = NULL;
  GError *error = NULL;

  g_assert_true (convene_segment_get_has_target (panel));
  wait_for_drawn_label (GTK_WIDGET (timeline), "12:40 – 13:40");
  g_assert_false (has_label_text (GTK_WIDGET (timeline), "30 min over its 60 min target"));

  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr(ConveneSegment) talk = g_list_model_get_item (talks, i);
      ConveneCommand *command = convene_edit_set_number (talk, "duration", 15, &error);

      perform_or_fail (document, command, error);
    }

  wait_for_drawn_label (block_of (GTK_WIDGET (timeline), panel), "30 min over its 60 min target");
  wait_for_drawn_label (block_of (GTK_WIDGET (timeline), panel), "12:40 – 14:10");
  wait_until (described, &(Announced) { GTK_WIDGET (timeline), panel,
                                        "Panel · 90 min · 30 min over its 60 min target" },
              "the panel to be described with its target");
  g_assert_cmpstr (convene_timeline_view_get_fit_text (timeline), ==,
                   "123 min planned in a 90 min slot: 33 min over");
  convene_timeline_view_select_segment (timeline, discussion);
  wait_for_drawn_label (block_of (GTK_WIDGET (timeline), discussion), "14:10");
  g_assert_false (has_label_text (block_of (GTK_WIDGET (timeline), discussion), "13:40"));

  g_assert_nonnull (warnings);
  convene_expander_row_set_expanded (CONVENE_EXPANDER_ROW (first_of_type (warnings, CONVENE_TYPE_EXPANDER_ROW)), TRUE);
  wait_for_label (warnings, over);
  g_assert_true (shows_label (warnings, "Over target"));

  /* The details of the panel: its length is its talks', its target 60. */
  convene_timeline_view_select_segment (timeline, panel);
  target_switch = find_accessible (GTK_WIDGET (timeline), GTK_TYPE_SWITCH, "Target length");
  target_spin = find_accessible (GTK_WIDGET (timeline), GTK_TYPE_SPIN_BUTTON, "Target length in minutes");
  g_assert_nonnull (target_switch);
  g_assert_nonnull (target_spin);
  wait_until (widget_is_mapped, target_switch, "the target length to be offered");
  g_assert_true (gtk_widget_is_sensitive (target_switch));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (target_switch)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (target_spin)), ==, 60);

  /* A target of 100: the talks fall 10 short. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (target_spin), 100);
  g_assert_cmpuint (convene_segment_get_duration (panel), ==, 100);
  wait_for_drawn_label (block_of (GTK_WIDGET (timeline), panel), "10 min under its 100 min target");
  wait_for_label (warnings, "The items of “II. Panel” take 90 min: 10 min under its 100 min target.");
  g_assert_true (shows_label (warnings, "Under target"));

  /* No target: the panel simply follows its talks, and says nothing more. */
  gtk_switch_set_active (GTK_SWITCH (target_switch), FALSE);
  g_assert_false (convene_segment_get_has_target (panel));
  wait_for_no_label (GTK_WIDGET (timeline), "10 min under its 100 min target");
  wait_for_no_label (warnings, "Under target");
  g_assert_false (gtk_widget_get_sensitive (target_spin));
  g_assert_cmpstr (convene_timeline_view_get_fit_text (timeline), ==,
                   "123 min planned in a 90 min slot: 33 min over");
  {
    g_autoptr(ConveneProject) saved = load_file (file);
    g_autoptr(ConveneSession) session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (saved)), 0);
    g_autoptr(ConveneSegment) saved_panel =
      g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 1);

    g_assert_false (convene_segment_get_has_target (saved_panel));
    g_assert_cmpuint (convene_segment_get_duration (saved_panel), ==, 100);
  }

  /* Undo brings the target back, and what it says. */
  g_assert_true (convene_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_true (convene_segment_get_has_target (panel));
  wait_for_drawn_label (block_of (GTK_WIDGET (timeline), panel), "10 min under its 100 min target");
  wait_until (described, &(Announced) { GTK_WIDGET (timeline), panel,
                                        "Panel · 90 min · 10 min under its 100 min target" },
              "the panel to be described with its target again");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (target_switch)));

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* Runs one keyboard edit on the selected segment and checks that the model
 * and the file both show expected, then that undo restores both. */
static void
check_edit (ConveneDocument     *document,
            GFile               *file,
            ConveneTimelineView *timeline,
            ConveneSegment      *select,
            const char          *action,
            GVariant            *parameter,
            const char          *expected)
{
  g_autofree char *before = describe_project (convene_document_get_project (document));
  g_autofree char *model = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *undone_on_disk = NULL;
  g_autoptr(GError) error = NULL;

  convene_timeline_view_select_segment (timeline, select);
  g_assert_true (convene_timeline_view_get_selected_segment (timeline) == select);
  /* Edits and saving are synchronous: the model and the file show the
   * change at once. */
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (timeline), action, parameter));

  model = describe_project (convene_document_get_project (document));
  on_disk = describe_file (file);
  g_test_message ("%s: %s", action, model);
  g_assert_cmpstr (model, ==, expected);
  g_assert_cmpstr (on_disk, ==, expected);

  g_assert_true (convene_document_undo (document, &error));
  g_assert_no_error (error);
  undone = describe_project (convene_document_get_project (document));
  undone_on_disk = describe_file (file);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (undone_on_disk, ==, before);
}

static void
test_keyboard_edits (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "keyboard.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneTimelineView *timeline = timeline_of (window);
  ConveneSegment *opening = top_segment (document, 0);
  ConveneSegment *panel = top_segment (document, 1);
  ConveneSegment *discussion = top_segment (document, 2);
  g_autoptr(ConveneSegment) first_item =
    g_list_model_get_item (G_LIST_MODEL (convene_segment_get_items (panel)), 0);
  g_autofree char *start = describe_project (convene_document_get_project (document));
  g_autofree char *items = NULL;
  g_autofree char *expected = NULL;
  const char *panel_end;

  /* "opening/10,panel/60[...],discussion/20,closing/3" */
  g_test_message ("example: %s", start);
  panel_end = strchr (start, ']');
  g_assert_nonnull (panel_end);
  items = g_strndup (strchr (start, '[') + 1, (gsize) (panel_end - strchr (start, '[') - 1));

#define CHECK(select, action, param, ...) \
  G_STMT_START { \
    g_free (expected); \
    expected = g_strdup_printf (__VA_ARGS__); \
    check_edit (document, file, timeline, select, action, param, expected); \
  } G_STMT_END

  CHECK (opening, "timeline.insert-kind", g_variant_new_string ("break"),
         "opening/10,break/15,panel/60[%s],discussion/20,closing/3", items);
  CHECK (opening, "timeline.move-down", NULL, "panel/60[%s],opening/10,discussion/20,closing/3", items);
  CHECK (discussion, "timeline.move-up", NULL, "opening/10,discussion/20,panel/60[%s],closing/3", items);
  CHECK (discussion, "timeline.indent", NULL, "opening/10,panel/60[%s,discussion/20],closing/3", items);
  CHECK (first_item, "timeline.outdent", NULL, "opening/10,panel/60[%s],presentation/10,discussion/20,closing/3",
         strchr (items, ',') + 1);
  CHECK (discussion, "timeline.change-length", g_variant_new_int32 (5),
         "opening/10,panel/60[%s],discussion/25,closing/3", items);
  CHECK (discussion, "timeline.change-length", g_variant_new_int32 (-1),
         "opening/10,panel/60[%s],discussion/19,closing/3", items);
  CHECK (discussion, "timeline.delete", NULL, "opening/10,panel/60[%s],closing/3", items);
  CHECK (discussion, "timeline.duplicate", NULL, "opening/10,panel/60[%s],discussion/20,discussion/20,closing/3",
         items);
  /* A panel is duplicated with its items, in one undoable command. */
  CHECK (panel, "timeline.duplicate", NULL, "opening/10,panel/60[%s],panel/60[%s],discussion/20,closing/3",
         items, items);
#undef CHECK

  /* The copied items are new segments with their own ids. */
  {
    ConveneSegment *copy;
    GListModel *originals = G_LIST_MODEL (convene_segment_get_items (panel));
    GListModel *copies;
    g_autoptr(GError) error = NULL;

    convene_timeline_view_select_segment (timeline, panel);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.duplicate", NULL));
    copy = top_segment (document, 2);
    g_assert_true (copy != panel);
    copies = G_LIST_MODEL (convene_segment_get_items (copy));
    g_assert_cmpuint (g_list_model_get_n_items (copies), ==, g_list_model_get_n_items (originals));
    for (guint i = 0; i < g_list_model_get_n_items (copies); i++)
      {
        g_autoptr(ConveneSegment) original = g_list_model_get_item (originals, i);
        g_autoptr(ConveneSegment) item_copy = g_list_model_get_item (copies, i);

        g_assert_true (item_copy != original);
        g_assert_cmpint (convene_segment_get_id (item_copy), !=, convene_segment_get_id (original));
        g_assert_true (convene_project_find_segment (convene_document_get_project (document),
                                                     convene_segment_get_id (item_copy), NULL) == item_copy);
      }
    g_assert_true (convene_document_undo (document, &error));
    g_assert_no_error (error);
  }

  /* A keyboard move is announced on the moved block. */
  convene_timeline_view_select_segment (timeline, discussion);
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.move-up", NULL);
  {
    g_autofree char *said = g_strdup_printf ("%s, 12:40 to 13:00, moved up", convene_segment_get_title (discussion));
    g_autofree char *mismatch = NULL;

    /* The list rebinds its rows when it next lays out. */
    wait_until (announced, &(Announced) { GTK_WIDGET (timeline), discussion, said }, "the move to be announced");
    g_assert_true (convene_timeline_view_get_selected_segment (timeline) == discussion);
    g_assert_nonnull (block_of (GTK_WIDGET (timeline), discussion));
    mismatch =
      gtk_test_accessible_check_property (GTK_ACCESSIBLE (block_of (GTK_WIDGET (timeline), discussion)),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, said);

    g_assert_null (mismatch);
  }

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

static void
test_details_editor (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "editor.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneTimelineView *timeline = timeline_of (window);
  ConveneSegment *discussion = top_segment (document, 2);
  GtkWidget *editor, *title_row, *spin, *pin, *pin_time;
  g_autofree char *on_disk = NULL;

  /* The segment's fields are built when one is first chosen. */
  g_assert_null (first_with_class (GTK_WIDGET (timeline), "segment-editor"));
  convene_timeline_view_select_segment (timeline, discussion);
  editor = first_with_class (GTK_WIDGET (timeline), "segment-editor");
  g_assert_nonnull (editor);
  title_row = first_of_type (editor, ADW_TYPE_ENTRY_ROW);
  spin = first_of_type (editor, GTK_TYPE_SPIN_BUTTON);
  pin = first_of_type (editor, GTK_TYPE_SWITCH);
  pin_time = first_of_type (editor, GTK_TYPE_ENTRY);
  wait_until (editable_shows, &(Shows) { title_row, convene_segment_get_title (discussion) },
              "the editor to show the selected segment");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, convene_segment_get_title (discussion));

  gtk_editable_set_text (GTK_EDITABLE (title_row), "Open floor");
  g_signal_emit_by_name (title_row, "entry-activated");
  g_assert_cmpstr (convene_segment_get_title (discussion), ==, "Open floor");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 25);
  g_assert_cmpuint (convene_segment_get_duration (discussion), ==, 25);
  on_disk = describe_file (file);
  g_assert_nonnull (strstr (on_disk, "discussion/25"));

  /* Pinning keeps the segment at its clock time (13:40), then a new time. */
  gtk_switch_set_active (GTK_SWITCH (pin), TRUE);
  g_assert_cmpint (convene_segment_get_fixed_start (discussion), ==, 13 * 60 + 40);
  gtk_editable_set_text (GTK_EDITABLE (pin_time), "13:50");
  g_signal_emit_by_name (pin_time, "activate");
  g_assert_cmpint (convene_segment_get_fixed_start (discussion), ==, 13 * 60 + 50);
  /* Close enough for every line of the block to show. */
  zoom_in_to (timeline, 4);
  wait_for_drawn_label (GTK_WIDGET (timeline), "Moderated discussion · 25 min · 10 min gap before");

  /* A time that is not one is refused and the field shows the model again. */
  gtk_editable_set_text (GTK_EDITABLE (pin_time), "25:99");
  g_signal_emit_by_name (pin_time, "activate");
  g_assert_cmpint (convene_segment_get_fixed_start (discussion), ==, 13 * 60 + 50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pin_time)), ==, "13:50");

  /* A break made a panel in the editor takes items at once: Alt+Right on
   * the block below nests it, and the view shows it as an item. */
  {
    GtkWidget *kind_row = first_of_type (GTK_WIDGET (timeline), ADW_TYPE_COMBO_ROW);
    ConveneSegment *closing = top_segment (document, 3);
    ConveneSegment *former_break;
    ConveneSegment *parent = NULL;
    ConveneSession *session = NULL;
    GtkWidget *block;

    convene_timeline_view_select_segment (timeline, discussion);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.insert-kind", "s", "break"));
    former_break = top_segment (document, 3);
    g_assert_cmpint (convene_segment_get_kind (former_break), ==, CONVENE_SEGMENT_KIND_BREAK);
    g_assert_true (convene_timeline_view_get_selected_segment (timeline) == former_break);
    adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), CONVENE_SEGMENT_KIND_PANEL);
    g_assert_cmpint (convene_segment_get_kind (former_break), ==, CONVENE_SEGMENT_KIND_PANEL);
    g_assert_true (convene_timeline_view_get_selected_segment (timeline) == former_break);

    g_assert_true (top_segment (document, 4) == closing);
    convene_timeline_view_select_segment (timeline, closing);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.indent", NULL));
    /* The moved block is made anew when the list next lays out. */
    wait_selected (timeline, closing, "timeline-item");
    session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (convene_document_get_project (document))), 0);
    g_assert_true (convene_session_locate_segment (session, convene_segment_get_id (closing), NULL, NULL, &parent));
    g_assert_true (parent == former_break);
    g_clear_object (&session);
    g_assert_true (convene_timeline_view_get_selected_segment (timeline) == closing);
    block = block_of (GTK_WIDGET (timeline), closing);
    g_assert_nonnull (block);
    g_assert_true (gtk_widget_has_css_class (block, "timeline-item"));
    g_assert_true (gtk_widget_has_css_class (block_of (GTK_WIDGET (timeline), former_break), "timeline-parent"));
  }

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  return bounds;
}

/* The title of a block: its one "heading" label. */
static GtkLabel *
title_label_of (GtkWidget *block)
{
  GtkWidget *label = first_with_class (block, "heading");

  g_assert_true (GTK_IS_LABEL (label));
  return GTK_LABEL (label);
}

/* A block of the list, for conditions to wait on. */
typedef struct
{
  GtkWidget      *list;
  ConveneSegment *segment;
  const char     *text;
} BlockOf;

/* Whether the segment's block exists and its title takes several lines. */
static gboolean
title_wraps (gpointer data)
{
  BlockOf *of = data;
  GtkWidget *block = block_of (of->list, of->segment);

  return block != NULL && gtk_widget_get_mapped (block) &&
         pango_layout_get_line_count (gtk_label_get_layout (title_label_of (block))) > 1;
}

typedef struct
{
  ConveneTimelineView *timeline;
  double               px_per_minute;
} ScaleIs;

/* Whether the timeline draws at is->px_per_minute. */
static gboolean
scale_is (gpointer data)
{
  ScaleIs *is = data;

  return convene_timeline_view_get_px_per_minute (is->timeline) == is->px_per_minute;
}

/* Whether the segment's block shows a label reading of->text. */
static gboolean
block_shows (gpointer data)
{
  BlockOf *of = data;
  GtkWidget *block = block_of (of->list, of->segment);

  return block != NULL && has_label_text (block, of->text);
}

/* On a desktop the timeline fills the page's height with the selected
 * segment's details beside it; on a phone the details take the timeline's
 * place when asked for and give it back, and long titles wrap over the
 * height their minutes give them, never making a block taller. */
static int  card_height (GtkWidget *list, ConveneSegment *segment);
static void wait_block  (GtkWidget *list, ConveneSegment *segment);

static void
test_adaptive_layout (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "adaptive.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneSegment *opening = top_segment (document, 0);
  ConveneSegment *panel = top_segment (document, 1);
  g_autoptr(ConveneSegment) third_item = g_list_model_get_item (G_LIST_MODEL (convene_segment_get_items (panel)), 2);
  const int widths[] = { 1280, 360 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      ConveneWindow *window = show_window (document, widths[i], 800);
      ConveneTimelineView *timeline;
      GtkWidget *list;
      GtkWidget *editor;
      graphene_rect_t list_bounds, editor_bounds;
      GtkLabel *title;
      PangoLayout *layout;
      int opening_height;

      /* A phone-sized window starts on the sidebar: open the session. */
      if (widths[i] < 600)
        {
          g_signal_emit_by_name (find_by_id (GTK_WIDGET (window), "sessions_view"), "activate", 0);
          wait_until (widget_is_mapped, timeline_of (window), "the session page to show");
        }
      timeline = timeline_of (window);
      list = first_of_type (GTK_WIDGET (timeline), GTK_TYPE_GRID_VIEW);
      convene_timeline_view_select_segment (timeline, opening);
      editor = first_with_class (GTK_WIDGET (timeline), "segment-editor");
      g_assert_nonnull (editor);
      /* The page has slid in and the details have found their place. */
      wait_until (at_rest, &(AtRest) { .widget = list }, "the timeline to be in place");
      g_assert_true (gtk_widget_get_width (GTK_WIDGET (window)) <= widths[i]);
      if (widths[i] < 600)
        {
          GtkWidget *open_side = first_with_class (GTK_WIDGET (timeline), "open-side");

          /* Narrow: the list fills the view and the details wait behind
           * the Details button, then take the list's place. */
          wait_until (widget_is_mapped, open_side, "the Details button");
          g_assert_false (gtk_widget_get_mapped (editor));
          gtk_widget_activate (open_side);
          wait_until (widget_is_mapped, editor, "the details to show");
        }
      wait_until (at_rest, &(AtRest) { .widget = editor }, "the details to be in place");
      g_assert_true (gtk_widget_get_width (GTK_WIDGET (window)) <= widths[i]);

      editor_bounds = bounds_in (editor, GTK_WIDGET (window));
      if (widths[i] >= 1000)
        {
          list_bounds = bounds_in (list, GTK_WIDGET (window));
          g_test_message ("%d px: list at %.0f,%.0f %.0fx%.0f, editor at %.0f,%.0f %.0fx%.0f", widths[i],
                          list_bounds.origin.x, list_bounds.origin.y, list_bounds.size.width,
                          list_bounds.size.height, editor_bounds.origin.x, editor_bounds.origin.y,
                          editor_bounds.size.width, editor_bounds.size.height);
          /* Beside: right of the list, starting level with its top part. */
          g_assert_cmpfloat (editor_bounds.origin.x, >=, list_bounds.origin.x + list_bounds.size.width);
          g_assert_cmpfloat (editor_bounds.origin.y, <, list_bounds.origin.y + list_bounds.size.height);
          g_assert_cmpfloat (list_bounds.size.width, >=, 400);
          /* The list fills the window's height: the page does not scroll. */
          g_assert_cmpfloat (list_bounds.origin.y, <, 480);
          g_assert_cmpfloat (list_bounds.origin.y + list_bounds.size.height, >, 700);
          g_assert_null (gtk_widget_get_ancestor (GTK_WIDGET (timeline), GTK_TYPE_SCROLLED_WINDOW));
        }
      else
        {
          /* In the list's place and as wide; the back button returns. */
          g_assert_false (gtk_widget_get_mapped (list));
          g_assert_cmpfloat (editor_bounds.size.width, >=, widths[i] - 48);
          gtk_widget_activate (first_with_class (GTK_WIDGET (timeline), "side-back"));
          wait_until (widget_is_mapped, list, "the timeline to come back");
          g_assert_false (gtk_widget_get_mapped (editor));
          list_bounds = bounds_in (list, GTK_WIDGET (window));
          g_assert_cmpfloat (list_bounds.size.width, >=, widths[i] - 48);

          /* Fitted, a 10 min block is at the readable minimum, and its long
           * title takes the one line that holds: the block is as tall as
           * the closing's 3 min, never taller for its words. */
          wait_block (list, opening);
          title = title_label_of (block_of (list, opening));
          layout = gtk_label_get_layout (title);
          g_test_message ("fitted: opening title in %d lines, card %d px", pango_layout_get_line_count (layout),
                          card_height (list, opening));
          g_assert_cmpint (card_height (list, opening), <=, CONVENE_BLOCK_MIN_HEIGHT + 2);

          /* Closer, a 10 min block has the height for more lines: long
           * titles wrap over them (once the narrow layout has been
           * applied) and the block stays as tall as its minutes. */
          while (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.zoom-in", NULL) &&
                 convene_timeline_view_get_px_per_minute (timeline) * 10 < CONVENE_BLOCK_MIN_HEIGHT * 2)
            ;
          wait_until (title_wraps, &(BlockOf) { list, opening, NULL }, "the opening's title to wrap");
          layout = gtk_label_get_layout (title_label_of (block_of (list, opening)));
          g_test_message ("zoomed to %.2f px a minute: opening title in %d lines",
                          convene_timeline_view_get_px_per_minute (timeline), pango_layout_get_line_count (layout));
          g_assert_cmpint (pango_layout_get_line_count (layout), >, 1);
          opening_height = card_height (list, opening);

          convene_timeline_view_select_segment (timeline, third_item);
          wait_until (title_wraps, &(BlockOf) { list, third_item, NULL }, "the third item's title to wrap");
          title = title_label_of (block_of (list, third_item));
          g_assert_cmpstr (gtk_label_get_text (title), ==, convene_segment_get_title (third_item));
          layout = gtk_label_get_layout (title);
          g_assert_cmpint (pango_layout_get_line_count (layout), >, 1);
          g_assert_cmpint (ABS (card_height (list, third_item) - opening_height), <=, 2);
          g_assert_cmpint (card_height (list, third_item), <=,
                           (int) (10 * convene_timeline_view_get_px_per_minute (timeline)) + 2);

          /* The panel's heading keeps its single span at this width. */
          convene_timeline_view_select_segment (timeline, panel);
          wait_until (block_shows, &(BlockOf) { list, panel, "12:40 – 13:40" }, "the panel's span");
          g_assert_true (has_label_text (block_of (list, panel), "12:40 – 13:40"));
        }

      close_window (window);
    }

  convene_document_close (document);
  remove_project_file (file);
}

/* The palette names each kind beside its icon where the row has room, and
 * shows the icons alone, named by tooltips and accessible labels, on a
 * phone. */
typedef struct
{
  GtkWidget *timeline;
  gboolean   named;
} PaletteNamed;

/* The visible label inside a palette button, or NULL. */
static GtkWidget *
shown_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = shown_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
palette_is_named (gpointer data)
{
  PaletteNamed *p = data;

  for (guint kind = 0; kind < CONVENE_N_SEGMENT_KINDS; kind++)
    {
      g_autofree char *css_class = g_strdup_printf ("kind-%s", convene_segment_kind_to_nick (kind));
      GtkWidget *button = palette_button (p->timeline, css_class);
      GtkWidget *label = button != NULL ? shown_label (button) : NULL;

      if (button == NULL || !gtk_widget_get_mapped (button))
        return FALSE;
      if (p->named != (label != NULL))
        return FALSE;
      if (label != NULL &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), convene_segment_kind_get_label (kind)) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
test_palette_names (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "palette.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  const int widths[] = { 1280, 360 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      ConveneWindow *window = show_window (document, widths[i], 800);
      GtkWidget *timeline;
      gboolean named = widths[i] >= 1000;
      int top = G_MAXINT, bottom = 0;

      if (widths[i] < 600)
        {
          g_signal_emit_by_name (find_by_id (GTK_WIDGET (window), "sessions_view"), "activate", 0);
          wait_until (widget_is_mapped, timeline_of (window), "the session page to show");
        }
      timeline = GTK_WIDGET (timeline_of (window));
      wait_until (palette_is_named, &(PaletteNamed) { timeline, named },
                  named ? "the kinds' names beside their icons" : "the kinds' icons alone");
      /* The names show or hide in one frame, the buttons move in the next. */
      {
        LayoutRest rest = { .window = GTK_WIDGET (window) };

        wait_until (layout_at_rest, &rest, "the palette's buttons to settle");
        g_free (rest.layout);
      }

      for (guint kind = 0; kind < CONVENE_N_SEGMENT_KINDS; kind++)
        {
          g_autofree char *css_class = g_strdup_printf ("kind-%s", convene_segment_kind_to_nick (kind));
          GtkWidget *button = palette_button (timeline, css_class);
          const char *label = convene_segment_kind_get_label (kind);
          g_autofree char *mismatch = NULL;
          graphene_rect_t bounds;

          /* Named for assistive technologies either way, and by a tooltip. */
          mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                         label);
          g_assert_null (mismatch);
          g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), label));
          g_assert_true (gtk_widget_get_focusable (button));
          /* Inside the window, none cut off. */
          g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds));
          g_assert_cmpfloat (bounds.origin.x, >=, 0);
          g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, widths[i]);
          g_assert_cmpfloat (bounds.size.width, >=, bounds.size.height);
          top = MIN (top, (int) bounds.origin.y);
          bottom = MAX (bottom, (int) (bounds.origin.y + bounds.size.height));
        }
      /* Two rows at most, names or not: the timeline is not pushed down. */
      g_test_message ("%d px: the palette takes %d px", widths[i], bottom - top);
      g_assert_cmpint (bottom - top, <, 90);

      close_window (window);
    }

  /* At the default size the icons alone take one row; widened to 1280 px,
   * the names come: the palette knows how wide they are while hidden. */
  {
    ConveneWindow *window = show_window (document, 1100, 720);
    GtkWidget *timeline = GTK_WIDGET (timeline_of (window));
    graphene_rect_t first, last;

    wait_until (palette_is_named, &(PaletteNamed) { timeline, FALSE }, "the kinds' icons alone");
    {
      LayoutRest rest = { .window = GTK_WIDGET (window) };

      wait_until (layout_at_rest, &rest, "the palette's buttons to settle");
      g_free (rest.layout);
    }
    g_assert_true (gtk_widget_compute_bounds (palette_button (timeline, "kind-opening"), timeline, &first));
    g_assert_true (gtk_widget_compute_bounds (palette_button (timeline, "kind-custom"), timeline, &last));
    g_assert_cmpfloat (first.origin.y, ==, last.origin.y);

    gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
    wait_until (palette_is_named, &(PaletteNamed) { timeline, TRUE }, "the kinds' names once the window is wider");
    close_window (window);
  }

  convene_document_close (document);
  remove_project_file (file);
}

/* The editable has the focus with all its text selected. */
static gboolean
ready_to_rename (gpointer data)
{
  GtkWidget *row = data;
  int start = -1, end = -1;

  return focus_within (row) && gtk_editable_get_selection_bounds (GTK_EDITABLE (row), &start, &end) &&
         start == 0 && end == (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (row)), -1);
}

/* A kind pressed in the palette becomes a segment named after the kind,
 * of its usual length, its title ready to be typed over. */
typedef struct
{
  GtkWidget  *timeline;
  const char *label;
} TabActive;

/* Whether, of the side column's tabs, only the one labelled label is on. */
static gboolean
only_tab_active (gpointer data)
{
  TabActive *tab = data;
  const char *labels[] = { "Session", "Segment", "People" };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *button = find_accessible (tab->timeline, GTK_TYPE_TOGGLE_BUTTON, labels[i]);

      g_assert_nonnull (button);
      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)) != g_str_equal (labels[i], tab->label))
        return FALSE;
    }
  return TRUE;
}

static void
test_new_kind_titled (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "titled.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneTimelineView *timeline = timeline_of (window);
  GtkWidget *side_stack = first_of_type (first_with_class (GTK_WIDGET (timeline), "timeline-side"), GTK_TYPE_STACK);
  const struct { const char *nick; ConveneSegmentKind kind; const char *title; } kinds[] = {
    { "qa", CONVENE_SEGMENT_KIND_QA, "Q&A" },
    { "break", CONVENE_SEGMENT_KIND_BREAK, "Break" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      ConveneSegment *discussion = top_segment (document, 2);
      ConveneSegment *added;
      g_autoptr(ConveneProject) saved = NULL;
      g_autoptr(GError) error = NULL;
      ConveneSegment *saved_segment;
      GtkWidget *title_row;

      /* From the session's fields and from the people: the details come
       * forward, and their tab with them. */
      gtk_stack_set_visible_child_name (GTK_STACK (side_stack), i == 0 ? "session" : "people");
      convene_timeline_view_select_segment (timeline, discussion);
      gtk_widget_grab_focus (palette_button (GTK_WIDGET (timeline), "kind-discussion"));
      /* What pressing the kind's button in the palette does. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.insert-kind", "s", kinds[i].nick));

      added = top_segment (document, 3);
      g_assert_cmpint (convene_segment_get_kind (added), ==, kinds[i].kind);
      g_assert_cmpstr (convene_segment_get_title (added), ==, kinds[i].title);
      g_assert_cmpuint (convene_segment_get_duration (added), ==, convene_segment_kind_get_default_minutes (kinds[i].kind));
      g_assert_cmpuint (convene_segment_get_duration (added), ==, 15);
      g_assert_true (convene_timeline_view_get_selected_segment (timeline) == added);
      saved = load_file (file);
      saved_segment = convene_project_find_segment (saved, convene_segment_get_id (added), NULL);
      g_assert_nonnull (saved_segment);
      g_assert_cmpstr (convene_segment_get_title (saved_segment), ==, kinds[i].title);

      /* The title field shows the name, has the keyboard, all selected. */
      title_row = first_of_type (first_with_class (GTK_WIDGET (timeline), "segment-editor"), ADW_TYPE_ENTRY_ROW);
      g_assert_nonnull (title_row);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (side_stack)), ==, "segment");
      wait_until (only_tab_active, &(TabActive) { GTK_WIDGET (timeline), "Segment" }, "the Segment tab to be the one on");
      wait_until (editable_shows, &(Shows) { title_row, kinds[i].title }, "the title field to show the kind");
      wait_until (ready_to_rename, title_row, "the title field to be ready to rename");

      /* One command: undo takes the segment away again. */
      g_assert_true (convene_document_undo (document, &error));
      g_assert_no_error (error);
      g_assert_true (top_segment (document, 3) != added);
    }

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

static gboolean
has_blocks (gpointer data)
{
  return count_blocks (GTK_WIDGET (data)) > 0;
}

typedef struct
{
  ConveneTimelineView *timeline;
  const char          *before;
} FitText;

static gboolean
fit_text_differs (gpointer data)
{
  FitText *fit = data;

  return g_strcmp0 (fit->before, convene_timeline_view_get_fit_text (fit->timeline)) != 0;
}

/* How many blocks the timeline had in the first frame that drew any, its
 * scale then and whether its kind palette showed the kinds' names. */
static guint first_paint_blocks;
static double first_paint_scale;
static gboolean first_paint_named;

static gboolean
record_first_paint (GSignalInvocationHint *hint,
                    guint                  n_params,
                    const GValue          *params,
                    gpointer               data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CONVENE_IS_WINDOW (l->data) && gtk_widget_get_mapped (l->data))
      {
        guint n = count_blocks (GTK_WIDGET (timeline_of (l->data)));

        if (n > 0)
          {
            ConveneTimelineView *timeline = timeline_of (l->data);

            first_paint_blocks = n;
            first_paint_scale = convene_timeline_view_get_px_per_minute (timeline);
            first_paint_named = gtk_widget_has_css_class (first_of_type (GTK_WIDGET (timeline),
                                                                         CONVENE_TYPE_KIND_PALETTE),
                                                          "named");
            return FALSE;
          }
      }
  return TRUE;
}

/* The window on document at 1000 x 800, noting the first frame that draws
 * any blocks (see record_first_paint()). */
static ConveneWindow *
show_window_noting_first_paint (ConveneDocument *document)
{
  g_type_class_unref (g_type_class_ref (GDK_TYPE_FRAME_CLOCK));
  first_paint_blocks = 0;
  g_signal_add_emission_hook (g_signal_lookup ("after-paint", GDK_TYPE_FRAME_CLOCK), 0,
                              record_first_paint, NULL, NULL);
  return show_window (document, 1000, 800);
}

static gboolean
lists_every_row (gpointer data)
{
  GtkWidget *list = first_of_type (GTK_WIDGET (data), GTK_TYPE_GRID_VIEW);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)))) == 1000;
}

static void
test_thousand_segments (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "thousand.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_long_day (file, 1000);
  ConveneTimelineView *timeline;
  ConveneWindow *window;
  ConveneSegment *tenth;
  g_autofree char *before = NULL;
  guint n_blocks;

  /* The first frame draws as few blocks as fill the window, not the some
   * thirty the list would make for any session; the rest of the rows come
   * in the frames after it. */
  window = show_window_noting_first_paint (document);
  timeline = timeline_of (window);
  /* The list has made the blocks it shows and stopped growing. */
  wait_until (has_blocks, timeline, "blocks to be made");
  wait_until (lists_every_row, timeline, "every row to be in the list");
  g_test_message ("%u blocks in the first frame", first_paint_blocks);
  g_assert_cmpuint (first_paint_blocks, >, 0);
  g_assert_cmpuint (first_paint_blocks, <=, 800 / (CONVENE_BLOCK_MIN_HEIGHT + CONVENE_BLOCK_ROW_PADDING) + 1);
  wait_until (at_rest, &(AtRest) { .widget = first_of_type (GTK_WIDGET (timeline), GTK_TYPE_GRID_VIEW) },
              "the list to be laid out");

  /* Only what is visible (and a margin) has widgets. */
  n_blocks = count_blocks (GTK_WIDGET (timeline));
  g_test_message ("%u blocks for 1000 segments", n_blocks);
  g_assert_cmpuint (n_blocks, >, 0);
  g_assert_cmpuint (n_blocks, <, 300);

  /* An edit updates the labels of what exists without making more. */
  tenth = top_segment (document, 9);
  convene_timeline_view_select_segment (timeline, tenth);
  before = g_strdup (convene_timeline_view_get_fit_text (timeline));
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.change-length", "i", 5);
  wait_until (fit_text_differs, &(FitText) { timeline, before }, "the fit to be worked out again");
  /* Three frames laid out since: had the edit made more blocks, they
   * would exist now. */
  wait_until (at_rest, &(AtRest) { .widget = first_of_type (GTK_WIDGET (timeline), GTK_TYPE_GRID_VIEW) },
              "the list to be laid out again");
  g_assert_cmpuint (convene_segment_get_duration (tenth), ==, 1 + 9 % 3 + 5);
  g_assert_cmpstr (before, !=, convene_timeline_view_get_fit_text (timeline));
  g_assert_cmpuint (count_blocks (GTK_WIDGET (timeline)), <, 300);

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* The first frame of a session is the settled page: drawn at the fitted
 * scale for the list's height, with the kind palette as its width calls
 * for, not at a close-up made for no height that jumps a frame later. */
static void
test_first_frame_settled (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "first-frame.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  /* 40 segments of 1 to 3 minutes: 80 minutes, far from the close-up. */
  g_autoptr(ConveneDocument) document = create_long_day (file, 40);
  ConveneTimelineView *timeline;
  ConveneWindow *window;
  double settled;

  window = show_window_noting_first_paint (document);
  timeline = timeline_of (window);
  wait_until (has_blocks, timeline, "blocks to be made");
  wait_until (at_rest, &(AtRest) { .widget = first_of_type (GTK_WIDGET (timeline), GTK_TYPE_GRID_VIEW) },
              "the list to be laid out");
  g_assert_cmpuint (first_paint_blocks, >, 0);

  settled = convene_timeline_view_get_px_per_minute (timeline);
  g_test_message ("first frame at %.2f px a minute, settled at %.2f", first_paint_scale, settled);
  g_assert_cmpint (convene_timeline_view_get_zoom_level (timeline), ==, 0);
  g_assert_cmpfloat (settled, <, 8.0);
  g_assert_cmpfloat_with_epsilon (first_paint_scale, settled, 1e-9);
  g_assert_cmpint (first_paint_named, ==, gtk_widget_has_css_class (first_of_type (GTK_WIDGET (timeline),
                                                                                   CONVENE_TYPE_KIND_PALETTE),
                                                                    "named"));

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* A stack asks its page how wide it must be at the page's height on every
 * allocation. The session's page and the side column's session fields
 * scroll, so their width never depends on their height, and they answer
 * without laying out their wrapping labels at trial widths: at any height,
 * as at none. */
static void
test_width_without_height (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "width-without-height.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneTimelineView *timeline = timeline_of (window);
  GtkWidget *pages[2];

  wait_until (has_blocks, timeline, "blocks to be made");
  wait_until (at_rest, &(AtRest) { .widget = first_of_type (GTK_WIDGET (timeline), GTK_TYPE_GRID_VIEW) },
              "the list to be laid out");
  pages[0] = stack_page_of (GTK_WIDGET (timeline));
  pages[1] = stack_page_of (find_by_id (GTK_WIDGET (window), "session_title_row"));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      int minimum = 0, natural = 0;

      gtk_widget_measure (pages[i], GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      g_assert_cmpint (minimum, >, 0);
      for (int height = 40; height <= 1000; height *= 5)
        {
          int at_height_minimum = 0, at_height_natural = 0;

          gtk_widget_measure (pages[i], GTK_ORIENTATION_HORIZONTAL, height, &at_height_minimum, &at_height_natural,
                              NULL, NULL);
          g_assert_cmpint (at_height_minimum, ==, minimum);
          g_assert_cmpint (at_height_natural, ==, natural);
        }
    }

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* Width-at-height questions asked inside field rows, counted by the two
 * measures that answer them: a vertical box's (the row's title and
 * subtitle) and a label's. */
static guint field_width_at_height;
static void (*box_layout_measure) (GtkLayoutManager *, GtkWidget *, GtkOrientation, int, int *, int *, int *, int *);
static void (*label_measure) (GtkWidget *, GtkOrientation, int, int *, int *, int *, int *);

static void
count_field_width_at_height (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL && for_size >= 0 &&
      gtk_widget_get_ancestor (widget, CONVENE_TYPE_FIELD_ROW) != NULL)
    field_width_at_height++;
}

static void
counting_box_layout_measure (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             GtkOrientation    orientation,
                             int               for_size,
                             int              *minimum,
                             int              *natural,
                             int              *minimum_baseline,
                             int              *natural_baseline)
{
  count_field_width_at_height (widget, orientation, for_size);
  box_layout_measure (manager, widget, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
counting_label_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  count_field_width_at_height (widget, orientation, for_size);
  label_measure (widget, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

/* The session's date, slot length and rounding step, the roles' "Nobody
 * Assigned Yet", and the headers of the session's warnings and of "Add
 * Person" are beside the timeline from the first frame. They are field rows:
 * the session's sit in its boxed list like its other rows, their subtitles
 * wrap in a narrow column, activating one activates its field or opens its
 * expander, and laying the window out never asks their text how wide it
 * must be at a height (a GtkLabel answers that by laying its text out at a
 * dozen widths). */
static void
test_field_rows (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "field-rows.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  GtkLayoutManagerClass *box_class = g_type_class_ref (GTK_TYPE_BOX_LAYOUT);
  GtkWidgetClass *label_class = g_type_class_ref (GTK_TYPE_LABEL);
  const char *rows[] = { "date_row", "slot_row", "step_row" };
  ConveneWindow *window;
  ConveneTimelineView *timeline;
  GtkWidget *step_row, *slot_spin, *empty;
  GtkWidget *subtitle, *warnings, *header, *nested;

  field_width_at_height = 0;
  box_layout_measure = box_class->measure;
  box_class->measure = counting_box_layout_measure;
  label_measure = label_class->measure;
  label_class->measure = counting_label_measure;

  window = show_window (document, 1100, 800);
  timeline = timeline_of (window);
  wait_until (has_blocks, timeline, "blocks to be made");
  step_row = require_widget (GTK_WIDGET (window), "step_row");
  wait_until (at_rest, &(AtRest) { .widget = step_row }, "the session's fields to be in place");

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = require_widget (GTK_WIDGET (window), rows[i]);

      g_assert_true (CONVENE_IS_FIELD_ROW (row));
      g_assert_true (GTK_IS_LIST_BOX (gtk_widget_get_parent (row)));
      g_assert_true (gtk_widget_get_mapped (row));
    }
  /* The example's session has its moderators, so the roles' empty row
   * waits hidden. */
  empty = first_of_type (require_widget (GTK_WIDGET (window), "session_roles"), CONVENE_TYPE_FIELD_ROW);
  g_assert_nonnull (empty);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (empty)), ==, "Nobody Assigned Yet");
  g_assert_cmpstr (convene_field_row_get_subtitle (CONVENE_FIELD_ROW (require_widget (GTK_WIDGET (window), "slot_row"))),
                   ==, "Minutes");
  g_assert_true (shows_label (step_row, "Rounding Step"));
  /* The warnings and the roles' "Add Person" are expander rows whose
   * headers are field rows. */
  warnings = first_of_type (first_of_type (GTK_WIDGET (window), CONVENE_TYPE_SESSION_WARNINGS),
                            CONVENE_TYPE_EXPANDER_ROW);
  g_assert_nonnull (warnings);
  g_assert_true (gtk_widget_get_mapped (warnings));
  g_assert_nonnull (first_of_type (warnings, CONVENE_TYPE_FIELD_ROW));
  g_assert_true (gtk_widget_get_mapped (first_of_type (require_widget (GTK_WIDGET (window), "session_roles"),
                                                       CONVENE_TYPE_EXPANDER_ROW)));

  /* The column is narrow at this width: the step's subtitle wraps. */
  subtitle = first_with_class (step_row, "subtitle");
  g_assert_true (gtk_widget_get_mapped (subtitle));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (subtitle))), >, 1);

  g_assert_cmpuint (field_width_at_height, ==, 0);
  box_class->measure = box_layout_measure;
  label_class->measure = label_measure;
  g_type_class_unref (box_class);
  g_type_class_unref (label_class);

  /* Activating the row puts the keyboard in its field. */
  slot_spin = require_widget (GTK_WIDGET (window), "slot_spin");
  gtk_widget_activate (require_widget (GTK_WIDGET (window), "slot_row"));
  wait_until (focus_within, slot_spin, "the slot length to take the keyboard");

  /* Activating an expander's header opens its rows, and again closes them. */
  header = first_of_type (warnings, CONVENE_TYPE_FIELD_ROW);
  nested = first_with_class (warnings, "nested");
  g_assert_false (convene_expander_row_get_expanded (CONVENE_EXPANDER_ROW (warnings)));
  g_assert_false (gtk_widget_get_child_visible (nested));
  gtk_widget_activate (header);
  g_assert_true (convene_expander_row_get_expanded (CONVENE_EXPANDER_ROW (warnings)));
  g_assert_true (gtk_widget_get_state_flags (warnings) & GTK_STATE_FLAG_CHECKED);
  wait_until (widget_is_mapped, gtk_widget_get_first_child (nested), "the warnings to open");
  g_assert_false (gtk_widget_has_css_class (warnings, "empty"));
  gtk_widget_activate (header);
  g_assert_false (convene_expander_row_get_expanded (CONVENE_EXPANDER_ROW (warnings)));
  g_assert_false (gtk_widget_get_state_flags (warnings) & GTK_STATE_FLAG_CHECKED);

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* Real pointer drags in a real X server. */

static GtkWidget *drag_window;

/* How many people the file has on segment in role. */
static guint
count_assignments_on_disk (GFile       *file,
                           gint64       segment_id,
                           ConveneRole  role)
{
  g_autoptr(ConveneProject) project = load_file (file);
  GListModel *assignments;
  guint n = 0;

  assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);

      if (convene_assignment_get_segment_id (assignment) == segment_id &&
          convene_assignment_get_role (assignment) == role)
        n++;
    }
  return n;
}

/* Waits for the file to hold expected people on segment in role. */
typedef struct
{
  GFile       *file;
  gint64       segment_id;
  ConveneRole  role;
  guint        expected;
} Counted;

static guint count_assignments_on_disk (GFile *file, gint64 segment_id, ConveneRole role);

static gboolean
assignments_counted (gpointer data)
{
  Counted *c = data;

  return count_assignments_on_disk (c->file, c->segment_id, c->role) == c->expected;
}

/* What an end-to-end step waits to read in the saved file: its running
 * order starts with prefix and holds contains (when set). */
typedef struct
{
  GFile      *file;
  const char *prefix;
  const char *contains;
  char       *state;   /* what was read last */
} FileSays;

static gboolean
file_says (gpointer data)
{
  FileSays *says = data;

  g_free (says->state);
  says->state = describe_file (says->file);
  return g_str_has_prefix (says->state, says->prefix) &&
         (says->contains == NULL || strstr (says->state, says->contains) != NULL);
}

/* Waits until the file says so; prints what it read under label and
 * returns whether it came to say so. */
static gboolean
saved_as (GFile      *file,
          const char *label,
          const char *prefix,
          const char *contains)
{
  FileSays says = { file, prefix, contains, NULL };
  gboolean ok = eventually (file_says, &says);

  g_print ("# %s: %s\n", label, says.state);
  g_free (says.state);
  return ok;
}

/* The segment's block, found anew each time (rows are rebound), has kept
 * its place for a few frames: a pointer aimed at it lands on it. */
typedef struct
{
  GtkWidget      *list;
  ConveneSegment *segment;
  AtRest          rest;
} BlockAtRest;

static gboolean
block_at_rest (gpointer data)
{
  BlockAtRest *b = data;
  GtkWidget *block = block_of (b->list, b->segment);

  if (block != b->rest.widget)
    b->rest = (AtRest) { .widget = block };
  return at_rest (&b->rest);
}

static void
wait_block (GtkWidget      *list,
            ConveneSegment *segment)
{
  wait_until (block_at_rest, &(BlockAtRest) { .list = list, .segment = segment }, "a block to be in place");
}

/* The height of segment's card (its block without the free time around it). */
static int
card_height (GtkWidget      *list,
             ConveneSegment *segment)
{
  GtkWidget *block = block_of (list, segment);

  g_assert_nonnull (block);
  return gtk_widget_get_height (first_with_class (block, "block"));
}

/* Waits until the file's top-level segment at position is titled title. */
typedef struct
{
  GFile      *file;
  guint       position;
  const char *title;
  char       *state;
} TitleSays;

static gboolean
title_says (gpointer data)
{
  TitleSays *says = data;
  g_autoptr(ConveneProject) project = load_file (says->file);
  g_autoptr(ConveneSession) session =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);
  g_autoptr(ConveneSegment) segment =
    g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), says->position);

  g_free (says->state);
  says->state = g_strdup (segment != NULL ? convene_segment_get_title (segment) : "(none)");
  return g_strcmp0 (says->state, says->title) == 0;
}

static gboolean
titled_as (GFile      *file,
           guint       position,
           const char *title)
{
  TitleSays says = { file, position, title, NULL };
  gboolean ok = eventually (title_says, &says);

  g_print ("# segment %u is titled “%s” in the file\n", position + 1, says.state);
  g_free (says.state);
  return ok;
}

static gboolean
has_person_row (gpointer data)
{
  GtkWidget *row = first_of_type (GTK_WIDGET (data), CONVENE_TYPE_PERSON_ROW);

  return row != NULL && gtk_widget_get_mapped (row);
}

/* The keyboard back in the list and the page back on the timeline, as a
 * planner who renamed a segment turns back to it. */
static void
back_to_timeline (ConveneTimelineView *timeline,
                  GtkWidget           *list)
{
  gtk_widget_grab_focus (list);
  wait_until (focus_within, list, "the timeline to have the focus");
}

/* Drags that have to scroll the timeline: a session longer than the window
 * shows, each drop read back from the file. */

/* The list's own scrolled window and where it is. */
static GtkAdjustment *
list_adjustment (GtkWidget *list)
{
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW)));
}

/* The screen's y for the top (fy 0) or bottom (fy 1) of what shows of the
 * list: its box cut by the window and the page around it. */
static int
visible_edge (GtkWidget *list,
              double     fy)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_native (list));
  int x, edge, y;

  screen_point (list, fy, &x, &edge);
  screen_point (window, fy, &x, &y);
  edge = fy > 0.5 ? MIN (edge, y) : MAX (edge, y);
  for (GtkWidget *scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW); scroller != NULL;
       scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW))
    {
      screen_point (scroller, fy, &x, &y);
      edge = fy > 0.5 ? MIN (edge, y) : MAX (edge, y);
    }
  return edge;
}

/* A Condition: the segment's block is on screen, whole, and resting, and
 * the list has scrolled as far as it goes that way. */
typedef struct
{
  GtkWidget      *list;
  ConveneSegment *segment;
  gboolean        at_end;
  BlockAtRest     rest;
} ScrolledTo;

static gboolean
scrolled_to (gpointer data)
{
  ScrolledTo *to = data;
  GtkAdjustment *adjustment = list_adjustment (to->list);
  double value = gtk_adjustment_get_value (adjustment);
  GtkWidget *block;
  int x, top, bottom;

  if (to->at_end ? value < gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) - 1
                 : value > gtk_adjustment_get_lower (adjustment) + 1)
    return FALSE;
  to->rest.list = to->list;
  to->rest.segment = to->segment;
  if (!block_at_rest (&to->rest))
    return FALSE;
  block = block_of (to->list, to->segment);
  screen_point (block, 0.0, &x, &top);
  screen_point (block, 1.0, &x, &bottom);
  return top >= visible_edge (to->list, 0.0) && bottom <= visible_edge (to->list, 1.0);
}

/* Scrolls the list to its top until it stays there. Once, on a loaded
 * machine, a single scroll right after the drop before was undone (the
 * dropped block has the focus, and the list may bring it into view again)
 * and the wait for the top timed out. Setting up a step, not its check. */
static gboolean
back_at_top (gpointer data)
{
  ScrolledTo *to = data;
  GtkAdjustment *adjustment = list_adjustment (to->list);

  if (gtk_adjustment_get_value (adjustment) > gtk_adjustment_get_lower (adjustment) + 1)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  return scrolled_to (data);
}

/* Drags from (x1, y1) to the bottom (down) or top edge of the list, holds
 * there until it has scrolled to segment, then drops on segment at fy of
 * its height; returns whether the list scrolled to it. */
static gboolean
drag_scrolling (GtkWidget      *list,
                int             x1,
                int             y1,
                gboolean        down,
                ConveneSegment *segment,
                double          fy)
{
  int edge = down ? visible_edge (list, 1.0) - 3 : visible_edge (list, 0.0) + 3;
  int x2, y2;
  gboolean scrolled;

  screen_point (list, 0.5, &x2, &y2);
  drag_hold (x1, y1, x2, edge);
  scrolled = eventually (scrolled_to, &(ScrolledTo) { .list = list, .segment = segment, .at_end = down });
  if (scrolled)
    {
      g_autofree char *move = NULL;

      screen_point (block_of (list, segment), fy, &x2, &y2);
      move = g_strdup_printf ("mousemove %d %d", x2, y2);
      xdotool (move);
      wait_block (list, segment);
      screen_point (block_of (list, segment), fy, &x2, &y2);
    }
  drag_release (x2, scrolled ? y2 : edge);
  return scrolled;
}

/* Forty segments of 5 to 44 minutes: far taller than the window. */
static ConveneDocument *
create_long_session (GFile *file)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(GError) error = NULL;
  ConveneDocument *document;

  session = convene_session_new (convene_project_new_id (project), "Long day", "2026-06-01", 8 * 60, 1440);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(ConveneSegment) segment =
        convene_segment_new (convene_project_new_id (project), CONVENE_SEGMENT_KIND_PRESENTATION, "Talk", 5 + i);

      g_list_store_append (convene_session_get_segments (session), segment);
    }
  g_list_store_append (convene_project_get_sessions (project), session);
  document = convene_document_create (file, project, &error);
  g_assert_no_error (error);
  return document;
}

/* "presentation/5,presentation/6,…" from first to last minutes, then what
 * follows. */
static char *
long_order (guint first, guint last)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint minutes = first; minutes <= last; minutes++)
    g_string_append_printf (text, "%spresentation/%u", text->len > 0 ? "," : "", minutes);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
run_scrolling_drags (guint *test)
{
  g_autofree char *path = g_build_filename (tmp_dir, "long.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_long_session (file);
  ConveneWindow *window = show_window (document, -1, -1);
  ConveneTimelineView *timeline;
  GtkWidget *list;
  ConveneSegment *first = top_segment (document, 0);
  ConveneSegment *last = top_segment (document, 39);
  g_autofree char *middle = long_order (6, 44);
  g_autofree char *expected = NULL;
  int x1, y1;
  gboolean ok;

  drag_window = GTK_WIDGET (window);
  gtk_window_set_title (GTK_WINDOW (window), "Convene Timeline Drag Test");
  timeline = timeline_of (window);
  wait_until (widget_is_mapped, timeline, "the session page to show");
  list = first_of_type (GTK_WIDGET (timeline), GTK_TYPE_GRID_VIEW);
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (window) }, "the window to be drawn");
  wait_block (list, first);
  g_assert_null (block_of (list, last));

  /* 9. The first block carried down past the bottom of the window: the
   * timeline scrolls until the last block shows, and it lands after it. */
  screen_point (block_of (list, first), 0.3, &x1, &y1);
  ok = drag_scrolling (list, x1, y1, TRUE, last, 0.8);
  g_free (expected);
  expected = g_strdup_printf ("%s,presentation/5", middle);
  ok = saved_as (file, "after the long drag down", expected, NULL) && ok;
  g_print ("%s %u - a block dragged to the bottom edge scrolls the timeline and lands at the end\n",
           ok ? "ok" : "not ok", ++*test);
  screenshot ("timeline-scrolled-default-light.png");

  /* 10. A kind from the palette, with the list back at its top, to the
   * end of the session. */
  wait_until (back_at_top, &(ScrolledTo) { .list = list, .segment = top_segment (document, 0) }, "the list's top");
  screen_point (palette_button (GTK_WIDGET (timeline), "kind-qa"), 0.5, &x1, &y1);
  ok = drag_scrolling (list, x1, y1, TRUE, first, 0.8);
  g_free (expected);
  expected = g_strdup_printf ("%s,presentation/5,qa/15", middle);
  ok = saved_as (file, "after the kind dragged to the end", expected, NULL) && titled_as (file, 40, "Q&A") && ok;
  g_print ("%s %u - a kind dragged from the palette to the bottom edge lands at the end\n", ok ? "ok" : "not ok",
           ++*test);

  /* 11. The last block carried up to the top: the timeline scrolls back. */
  {
    ConveneSegment *qa = top_segment (document, 40);
    ConveneSegment *top = top_segment (document, 0);
    GtkAdjustment *adjustment = list_adjustment (list);

    /* The list scrolled to its last block. */
    back_to_timeline (timeline, list);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
    wait_block (list, qa);
    wait_until (scrolled_to, &(ScrolledTo) { .list = list, .segment = qa, .at_end = TRUE }, "the list's end");
    /* By its card: below it, the last block shows what is left of the slot. */
    screen_point (first_with_class (block_of (list, qa), "block"), 0.5, &x1, &y1);
    ok = drag_scrolling (list, x1, y1, FALSE, top, 0.2);
    g_free (expected);
    expected = g_strdup_printf ("qa/15,%s,presentation/5", middle);
    ok = saved_as (file, "after the drag up", expected, NULL) && ok;
    g_print ("%s %u - a block dragged to the top edge scrolls the timeline back and lands first\n",
             ok ? "ok" : "not ok", ++*test);
  }

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

static gboolean
main_menu_open (gpointer data)
{
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (data)));

  return popover != NULL && gtk_widget_get_mapped (popover) && shows_label (popover, "Keyboard Shortcuts");
}

static gboolean
main_menu_closed (gpointer data)
{
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (data)));

  return popover != NULL && !gtk_widget_get_visible (popover);
}

static int
run_drags (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "drag.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  /* The window's own size, as a planner first sees it. */
  ConveneWindow *window = show_window (document, -1, -1);
  ConveneTimelineView *timeline = timeline_of (window);
  GtkWidget *list = first_of_type (GTK_WIDGET (timeline), GTK_TYPE_GRID_VIEW);
  ConveneSegment *opening = top_segment (document, 0);
  ConveneSegment *panel = top_segment (document, 1);
  GtkWidget *block;
  g_autofree char *state = NULL;
  int x1, y1, x2, y2;
  double scale;
  guint test = 0;
  gboolean ok;

  drag_window = GTK_WIDGET (window);
  gtk_window_set_title (GTK_WINDOW (window), "Convene Timeline Drag Test");
  /* A few frames on, the X server has the title xdotool looks for. */
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (window) }, "the window to be drawn");
  g_print ("1..14\n");
  g_print ("# window %dx%d\n", gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));
  screenshot ("timeline-default-light.png");

  /* 1. A break from the palette onto the lower half of the opening block:
   * named "Break", 15 min, its title ready to be typed over. */
  wait_block (list, opening);
  screen_point (palette_button (GTK_WIDGET (timeline), "kind-break"), 0.5, &x1, &y1);
  screen_point (block_of (list, opening), 0.85, &x2, &y2);
  drag (x1, y1, x2, y2);
  ok = saved_as (file, "after palette drag", "opening/10,break/15,panel/60", NULL) &&
       titled_as (file, 1, "Break");
  g_print ("%s %u - a break dragged from the palette lands after the opening, named Break\n", ok ? "ok" : "not ok",
           ++test);
  {
    GtkWidget *title_row = first_of_type (GTK_WIDGET (timeline), ADW_TYPE_ENTRY_ROW);

    eventually (ready_to_rename, title_row);
    xdotool ("type --delay 40 Coffee");
    xdotool_seen (GTK_WIDGET (window), "key Return", GDK_KEY_PRESS);
    ok = titled_as (file, 1, "Coffee");
    g_print ("%s %u - typing at once renames it\n", ok ? "ok" : "not ok", ++test);
    if (ok)
      g_assert_true (convene_document_undo (document, NULL));
  }
  g_assert_true (convene_document_undo (document, NULL));

  convene_timeline_view_select_segment (timeline, opening);
  back_to_timeline (timeline, list);
  /* 2. The panel dragged onto the top of the opening: reorder. */
  wait_block (list, panel);
  wait_block (list, opening);
  screen_point (block_of (list, panel), 0.1, &x1, &y1);
  screen_point (block_of (list, opening), 0.1, &x2, &y2);
  drag (x1, y1, x2, y2);
  ok = saved_as (file, "after reorder", "panel/60[", "],opening/10,discussion/20");
  g_print ("%s %u - the panel dragged above the opening moves there with its items\n", ok ? "ok" : "not ok",
           ++test);
  g_assert_true (convene_document_undo (document, NULL));

  convene_timeline_view_select_segment (timeline, opening);
  back_to_timeline (timeline, list);
  /* 3. The opening dropped on the middle of the panel: nested as its last item. */
  wait_block (list, panel);
  wait_block (list, opening);
  block = block_of (list, panel);
  screen_point (block_of (list, opening), 0.3, &x1, &y1);
  screen_point (block, 0.5, &x2, &y2);
  drag (x1, y1, x2, y2);
  ok = saved_as (file, "after nest", "panel/60[", ",opening/10]");
  g_print ("%s %u - the opening dropped into the panel becomes its last item\n", ok ? "ok" : "not ok", ++test);
  g_assert_true (convene_document_undo (document, NULL));

  /* Resizing follows the zoom: closer, a pixel is less time. */
  zoom_in_to (timeline, 2.4);
  scale = convene_timeline_view_get_px_per_minute (timeline);
  g_print ("# zoomed to %.2f px a minute\n", scale);
  convene_timeline_view_select_segment (timeline, opening);
  back_to_timeline (timeline, list);
  /* 4. The opening's own bottom edge (the border drawn, not the gap
   * below it) dragged down by about ten minutes' height (a little more:
   * the drag may start a few pixels late): ten more minutes. */
  wait_block (list, opening);
  block = block_of (list, opening);
  screen_point (first_with_class (block, "block"), 1.0, &x1, &y1);
  y1 -= 3;
  drag (x1, y1, x1, y1 + (int) (12 * scale + 0.5));
  ok = saved_as (file, "after resize", "opening/20,panel/60", NULL);
  g_print ("%s %u - dragging the opening's edge makes it 20 min\n", ok ? "ok" : "not ok", ++test);
  g_assert_true (convene_document_undo (document, NULL));

  /* Escape during a resize puts the length back and changes nothing. */
  convene_timeline_view_select_segment (timeline, opening);
  back_to_timeline (timeline, list);
  wait_block (list, opening);
  block = block_of (list, opening);
  screen_point (convene_segment_block_get_handle (CONVENE_SEGMENT_BLOCK (block)), 0.5, &x1, &y1);
  {
    g_autofree char *down = g_strdup_printf ("mousemove %d %d mousedown 1", x1, y1);
    g_autofree char *move = g_strdup_printf ("mousemove %d %d", x1, y1 + (int) (20 * scale + 0.5));
    guint live;

    /* The block shows the new length while the file and the model keep
     * the old one until the drag ends. */
    xdotool_seen (drag_window, down, GDK_BUTTON_PRESS);
    xdotool (move);
    wait_until (block_shows, &(BlockOf) { list, opening, "Opening remarks · 30 min" }, "the resize preview");
    live = convene_segment_get_duration (opening) == 10 ? 30 : 0;
    xdotool_seen (drag_window, "key Escape", GDK_KEY_PRESS);
    xdotool_seen (drag_window, "mouseup 1", GDK_BUTTON_RELEASE);
    g_free (state);
    state = describe_file (file);
    g_print ("# resize cancelled: 30 min shown while dragging, model %s, then %s\n",
             live == 30 ? "unchanged" : "changed", state);
    g_print ("%s %u - Escape cancels a resize that showed live\n",
             live == 30 && convene_segment_get_duration (opening) == 10 && g_str_has_prefix (state, "opening/10,")
             ? "ok" : "not ok", ++test);
  }

  /* 5. The keyboard twin of a reorder: Alt+Down on the selected opening. */
  convene_timeline_view_select_segment (timeline, opening);
  back_to_timeline (timeline, list);
  gtk_widget_grab_focus (list);
  wait_until (focus_within, list, "the timeline to have the focus");
  xdotool ("key alt+Down");
  ok = saved_as (file, "after Alt+Down", "panel/60[", "],opening/10,discussion/20");
  g_print ("%s %u - Alt+Down moves the selected opening below the panel\n", ok ? "ok" : "not ok", ++test);
  g_assert_true (convene_document_undo (document, NULL));

  /* 7. A person dragged from the people list beside the timeline onto the
   * opening is assigned with the role the popover suggests, chosen with
   * Enter. */
  {
    gint64 opening_id = convene_segment_get_id (opening);
    GtkWidget *people = first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_PEOPLE_PALETTE);
    GtkWidget *source_widget;
    guint before = count_assignments_on_disk (file, opening_id, CONVENE_ROLE_OPENING_REMARKS);
    guint after;
    Counted wait_for_count = { file, opening_id, CONVENE_ROLE_OPENING_REMARKS, 0 };

    convene_timeline_view_select_segment (timeline, opening);
    back_to_timeline (timeline, list);
  back_to_timeline (timeline, list);
    show_side_page (people);
    wait_until (has_person_row, people, "the people list to show someone");
    source_widget = first_of_type (people, CONVENE_TYPE_PERSON_ROW);
    wait_block (list, opening);
    wait_until (at_rest, &(AtRest) { .widget = source_widget }, "the person to be in place");
    screen_point (source_widget, 0.5, &x1, &y1);
    screen_point (block_of (list, opening), 0.5, &x2, &y2);
    drag (x1, y1, x2, y2);
    /* The drop asks for the role in a popover: Enter takes its suggestion. */
    wait_until (popover_at_rest, &(PopoverAtRest) { .root = GTK_WIDGET (window) }, "the role popover");
    xdotool ("key Return");
    wait_for_count.expected = before + 1;
    eventually (assignments_counted, &wait_for_count);
    after = count_assignments_on_disk (file, opening_id, CONVENE_ROLE_OPENING_REMARKS);
    g_print ("# opening remarks on the opening: %u before, %u after\n", before, after);
    g_print ("%s %u - a person dropped on the opening is assigned with the suggested role\n",
             after == before + 1 ? "ok" : "not ok", ++test);
    g_assert_true (convene_document_undo (document, NULL));
    show_side_page (first_with_class (GTK_WIDGET (timeline), "segment-editor"));
  }

  /* 8. Delete removes the selected segment from the timeline, but not
   * while the planner is in its details beside it. */
  {
    GtkWidget *kind_row = first_of_type (first_with_class (GTK_WIDGET (timeline), "segment-editor"),
                                         ADW_TYPE_COMBO_ROW);
    g_autofree char *kept = NULL;

    convene_timeline_view_select_segment (timeline, opening);
    wait_selected (timeline, opening, NULL);
    gtk_widget_grab_focus (kind_row);
    wait_until (focus_within, kind_row, "the details to have the focus");
    xdotool_seen (GTK_WIDGET (window), "key Delete", GDK_KEY_PRESS);
    kept = describe_file (file);
    gtk_widget_grab_focus (list);
    wait_until (focus_within, list, "the timeline to have the focus");
    xdotool ("key Delete");
    {
      FileSays removed = { file, "panel/60", NULL, NULL };

      eventually (file_says, &removed);
      g_free (removed.state);
    }
    g_free (state);
    state = describe_file (file);
    g_print ("# Delete in the editor: %s; in the timeline: %s\n", kept, state);
    g_print ("%s %u - Delete removes the segment from the timeline, not from its details\n",
             g_str_has_prefix (kept, "opening/10,panel/60") && g_str_has_prefix (state, "panel/60") ? "ok" : "not ok",
             ++test);
    if (g_str_has_prefix (state, "panel/60"))
      g_assert_true (convene_document_undo (document, NULL));
  }

  /* 13. Ctrl and the wheel over the timeline zoom it, a step a notch, and
   * the list does not scroll for it. (The zoom keys are the application's
   * accelerators: the end-to-end test of the program presses them; the
   * widget test measures the blocks at each step.) */
  {
    GtkAdjustment *scroll = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
    int level = convene_timeline_view_get_zoom_level (timeline);
    double scale_before = convene_timeline_view_get_px_per_minute (timeline);
    g_autofree char *over = NULL;
    double scale_closer;
    double top;

    /* The pointer over the first block, clear of any toast at the bottom. */
    convene_timeline_view_select_segment (timeline, opening);
    back_to_timeline (timeline, list);
    wait_block (list, opening);
    top = gtk_adjustment_get_value (scroll);
    screen_point (block_of (list, opening), 0.5, &x1, &y1);
    over = g_strdup_printf ("mousemove %d %d", x1, y1);
    xdotool (over);
    xdotool_seen (drag_window, "keydown ctrl click 4 keyup ctrl", GDK_SCROLL);
    wait_until (zoom_is, &(ZoomIs) { timeline, level + 1 }, "Ctrl and the wheel up to zoom in");
    scale_closer = convene_timeline_view_get_px_per_minute (timeline);
    ok = scale_closer > scale_before && gtk_adjustment_get_value (scroll) == top;
    xdotool_seen (drag_window, "keydown ctrl click 5 keyup ctrl", GDK_SCROLL);
    wait_until (zoom_is, &(ZoomIs) { timeline, level }, "Ctrl and the wheel down to zoom out");
    g_print ("# zoom %d at %.2f px a minute, a notch closer %.2f\n", level, scale_before, scale_closer);
    g_print ("%s %u - Ctrl and the wheel zoom the timeline without scrolling it\n", ok ? "ok" : "not ok", ++test);
  }

  /* F10 opens the main menu, whose popover is built then; Escape closes it. */
  {
    GtkWidget *menu_button = find_by_id (GTK_WIDGET (window), "menu_button");

    ok = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)) == NULL;
    xdotool_seen (drag_window, "key F10", GDK_KEY_PRESS);
    ok = eventually (main_menu_open, menu_button) && ok;
    /* The open menu, not the window, takes the key. */
    xdotool ("key Escape");
    ok = eventually (main_menu_closed, menu_button) && ok;
    g_print ("%s %u - F10 opens the main menu, built when first opened, and Escape closes it\n",
             ok ? "ok" : "not ok", ++test);
  }

  convene_timeline_view_select_segment (timeline, panel);
  screenshot ("timeline-default-light-selected.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  screenshot ("timeline-default-dark.png");
  /* The side column's other tabs: the people to drag onto segments, and
   * the session's fields. */
  show_side_page (first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_PEOPLE_PALETTE));
  screenshot ("timeline-default-people-dark.png");
  show_side_page (find_by_id (GTK_WIDGET (window), "session_group"));
  screenshot ("timeline-default-session-dark.png");
  close_window (window);

  /* Closing the window closed the project: open it again, as a planner
   * would, in a phone-sized window that starts on the sidebar. */
  g_clear_object (&document);
  document = convene_document_open (file, CONVENE_STORE_READ_WRITE, NULL);
  g_assert_nonnull (document);
  /* The zoom came back with the project. */
  {
    g_autofree char *zoom = convene_document_dup_view_setting (document, "timeline-zoom");

    g_assert_cmpstr (zoom, !=, NULL);
    g_assert_cmpstr (zoom, !=, "0");
  }
  window = show_window (document, 360, 740);
  g_signal_emit_by_name (find_by_id (GTK_WIDGET (window), "sessions_view"), "activate", 0);
  timeline = timeline_of (window);
  wait_until (widget_is_mapped, timeline, "the session page to show");
  /* The page has slid in and been laid out at its full height. */
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (timeline) }, "the session page to settle");
  screenshot ("timeline-360-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  screenshot ("timeline-360-light.png");
  /* In the timeline's place: the selected segment's details. */
  convene_timeline_view_select_segment (timeline, top_segment (document, 2));
  show_side_page (first_with_class (GTK_WIDGET (timeline), "segment-editor"));
  screenshot ("timeline-360-details-light.png");

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);

  run_scrolling_drags (&test);
  return 0;
}


static gboolean
fit_dialog_shown (gpointer data)
{
  GtkWidget **out = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  *out = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (CONVENE_IS_FIT_DIALOG (window) && gtk_widget_get_mapped (window))
        *out = window;
    }
  return *out != NULL;
}

static gboolean
fit_dialog_gone (gpointer data)
{
  GtkWidget *dialog = NULL;

  return !fit_dialog_shown (&dialog);
}

static gboolean
fit_text_is (gpointer data)
{
  const Announced *a = data;

  return g_strcmp0 (convene_timeline_view_get_fit_text (CONVENE_TIMELINE_VIEW (a->root)), a->said) == 0;
}

/* The example runs 3 minutes over. A minimum set in the details keeps the
 * discussion at 20; Fit to Slot, opened from the timeline's heading,
 * previews 93 → 90 and applies it in one step that undo takes back, and
 * the file holds what the timeline shows. */
static void
test_fit_to_slot (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "fit.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneTimelineView *timeline = timeline_of (window);
  ConveneSegment *opening = top_segment (document, 0);
  ConveneSegment *discussion = top_segment (document, 2);
  ConveneSegment *closing = top_segment (document, 3);
  GtkWidget *min_spin, *fit_button, *apply, *dialog = NULL;
  GError *error = NULL;

  wait_for_drawn_label (GTK_WIDGET (timeline), "12:40 – 13:40");
  wait_until (fit_text_is, &(Announced) { GTK_WIDGET (timeline), NULL,
                                          "93 min planned in a 90 min slot: 3 min over" },
              "the example to run 3 minutes over");

  /* A minimum of 20 for the discussion, from its details. */
  convene_timeline_view_select_segment (timeline, discussion);
  min_spin = find_accessible (GTK_WIDGET (timeline), GTK_TYPE_SPIN_BUTTON, "Minimum length in minutes");
  g_assert_nonnull (min_spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (min_spin), 20);
  g_assert_cmpuint (convene_segment_get_min_length (discussion), ==, 20);
  g_assert_cmpstr (convene_history_get_undo_label (convene_document_get_history (document)), ==, "Set Minimum Length");

  fit_button = find_with_class (GTK_WIDGET (timeline), GTK_TYPE_BUTTON, "fit-to-slot");
  g_assert_nonnull (fit_button);
  wait_until (widget_is_mapped, fit_button, "the Fit to Slot button to show");
  gtk_widget_activate (fit_button);
  wait_until (fit_dialog_shown, &dialog, "the Fit to Slot window");

  /* The proposal: the closing goes on the step, the opening gives 5
   * (before the talks), the discussion stays at its minimum. */
  wait_for_label (dialog, "93 min → 90 min, to fill 90 min exactly: 2 lengths change.");
  {
    g_autofree char *table = table_text (dialog, "fit-cell");

    g_assert_nonnull (strstr (table, " | 10 min | 5 min | −5\n"));
    g_assert_nonnull (strstr (table, "Closing remarks | 3 min | 5 min | +2\n"));
    g_assert_nonnull (strstr (table, "Moderated discussion | at its minimum | 20 min | 20 min | \n"));
  }
  g_assert_cmpuint (convene_segment_get_duration (opening), ==, 10);

  /* At a phone's width the table still shows, Apply within reach. */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  apply = find_with_class (dialog, GTK_TYPE_BUTTON, "suggested-action");
  g_assert_nonnull (apply);
  wait_until (widget_is_mapped, apply, "Apply to show at 360 pixels");
  wait_until (at_rest, &(AtRest) { .widget = apply }, "the narrow window to be drawn");
  screenshot ("fit-to-slot-360.png");
  g_assert_true (gtk_widget_is_sensitive (apply));
  gtk_widget_activate (apply);
  wait_until (fit_dialog_gone, NULL, "the Fit to Slot window to close");

  g_assert_cmpuint (convene_segment_get_duration (opening), ==, 5);
  g_assert_cmpuint (convene_segment_get_duration (discussion), ==, 20);
  g_assert_cmpuint (convene_segment_get_duration (closing), ==, 5);
  wait_until (fit_text_is, &(Announced) { GTK_WIDGET (timeline), NULL,
                                          "90 min planned in a 90 min slot: on time" },
              "the timeline to say the session is on time");
  {
    g_autoptr(ConveneProject) saved = load_file (file);
    g_autoptr(ConveneSession) session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (saved)), 0);
    GListModel *segments = G_LIST_MODEL (convene_session_get_segments (session));
    g_autoptr(ConveneSegment) saved_opening = g_list_model_get_item (segments, 0);
    g_autoptr(ConveneSegment) saved_discussion = g_list_model_get_item (segments, 2);
    g_autoptr(ConveneSegment) saved_closing = g_list_model_get_item (segments, 3);

    g_assert_cmpuint (convene_segment_get_duration (saved_opening), ==, 5);
    g_assert_cmpuint (convene_segment_get_min_length (saved_discussion), ==, 20);
    g_assert_cmpuint (convene_segment_get_duration (saved_closing), ==, 5);
  }

  /* One undo takes the whole fit back; redo puts it again. */
  g_assert_cmpstr (convene_history_get_undo_label (convene_document_get_history (document)), ==, "Fit to Slot");
  g_assert_true (convene_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (convene_segment_get_duration (opening), ==, 10);
  g_assert_cmpuint (convene_segment_get_duration (closing), ==, 3);
  wait_until (fit_text_is, &(Announced) { GTK_WIDGET (timeline), NULL,
                                          "93 min planned in a 90 min slot: 3 min over" },
              "undo to bring the 3 minutes back");
  g_assert_true (convene_document_redo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (convene_segment_get_duration (closing), ==, 5);

  /* A panel's talks fit its target, from the panel's details. */
  {
    ConveneSegment *panel = top_segment (document, 1);
    GtkWidget *fit_items;

    perform_or_fail (document, convene_edit_set_target (panel, TRUE, 50, &error), error);
    convene_timeline_view_select_segment (timeline, panel);
    fit_items = find_with_class (GTK_WIDGET (timeline), GTK_TYPE_WIDGET, "fit-items");
    g_assert_nonnull (fit_items);
    wait_until (widget_is_mapped, fit_items, "Fit Items to Target to be offered");
    g_assert_true (gtk_widget_is_sensitive (fit_items));
    gtk_widget_activate (fit_items);
    wait_until (fit_dialog_shown, &dialog, "the Fit Items to Target window");
    wait_for_label (dialog, "60 min → 50 min, to fill 50 min exactly: 2 lengths change.");
    gtk_widget_activate (find_with_class (dialog, GTK_TYPE_BUTTON, "suggested-action"));
    wait_until (fit_dialog_gone, NULL, "the Fit Items to Target window to close");
    g_assert_cmpuint (convene_segment_get_length (panel), ==, 50);
    g_assert_cmpstr (convene_history_get_undo_label (convene_document_get_history (document)), ==, "Fit to Slot");
  }

  /* Open, the proposal follows the session: 80 minutes now, 90 after an
   * undo gives the panel its talks back. */
  gtk_widget_activate (fit_button);
  wait_until (fit_dialog_shown, &dialog, "the Fit to Slot window again");
  wait_for_label (dialog, "80 min → 90 min, to fill 90 min exactly: 2 lengths change.");
  g_assert_true (convene_document_undo (document, &error));
  g_assert_no_error (error);
  wait_for_label (dialog, "It already fits: 90 min in 90 min.");
  g_assert_false (gtk_widget_get_sensitive (find_with_class (dialog, GTK_TYPE_BUTTON, "suggested-action")));
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (fit_dialog_gone, NULL, "the Fit to Slot window to close on Cancel");

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* The visible times on the rails of the blocks bound under root, except
 * the slot end's, into times; each block's count of them into counts. */
static void
collect_rail_times (GtkWidget  *root,
                    GPtrArray  *times)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) && gtk_widget_has_css_class (root, "segment-time") &&
      !gtk_widget_has_css_class (root, "slot-end") &&
      gtk_widget_has_css_class (gtk_widget_get_parent (root), "ruler"))
    g_ptr_array_add (times, g_strdup (gtk_label_get_text (GTK_LABEL (root))));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rail_times (child, times);
}

/* The height widget is drawn (its border box, without its margins). */
static int
box_height (GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, widget, &bounds));
  return (int) bounds.size.height;
}

/* The first visible widget with css_class under root, or NULL. */
static GtkWidget *
visible_with_class (GtkWidget  *root,
                    const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class) && gtk_widget_is_drawable (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = visible_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "Name (Role), Other (Role, TBC)…" for segment, from the project read
 * from the file. */
static char *
people_from_file (GFile *file,
                  gint64 segment_id)
{
  g_autoptr(ConveneProject) saved = load_file (file);
  GListModel *assignments = G_LIST_MODEL (convene_project_get_assignments (saved));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);
      ConveneSpeaker *speaker;
      g_autofree char *name = NULL;

      if (convene_assignment_get_segment_id (assignment) != segment_id)
        continue;
      speaker = convene_project_find_speaker (saved, convene_assignment_get_speaker_id (assignment));
      name = convene_speaker_dup_display_name (speaker);
      g_string_append_printf (text, "%s%s (%s%s)", text->len > 0 ? ", " : "", name,
                              convene_role_get_label (convene_assignment_get_role (assignment)),
                              convene_speaker_get_status (speaker) == CONVENE_SPEAKER_STATUS_CONFIRMED ? "" : ", TBC");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  GtkWidget      *list;
  ConveneSegment *segment;
  int             min_height;
  BlockAtRest     rest;
} CardTaller;

static gboolean
card_taller (gpointer data)
{
  CardTaller *wait = data;
  GtkWidget *block = block_of (wait->list, wait->segment);

  wait->rest.list = wait->list;
  wait->rest.segment = wait->segment;
  return block_at_rest (&wait->rest) && block != NULL &&
         gtk_widget_get_height (first_with_class (block, "block")) >= wait->min_height;
}

/* Blocks are as tall as their minutes at the zoom; the zoom buttons step
 * from the fitted slot to a close-up and back; the rail prints each start
 * once and marks the slot end, a pinned segment's gap shows as free time
 * of its own height; people show with their roles; the zoom is saved with
 * the project, not as an edit, and comes back when it is opened again. */
static void
test_zoom_rail_roles (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "zoom.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneTimelineView *timeline = timeline_of (window);
  GtkWidget *list = first_of_type (GTK_WIDGET (timeline), GTK_TYPE_GRID_VIEW);
  ConveneSegment *opening = top_segment (document, 0);
  ConveneSegment *panel = top_segment (document, 1);
  ConveneSegment *discussion = top_segment (document, 2);
  ConveneSegment *closing = top_segment (document, 3);
  g_autoptr(ConveneSegment) first_item = g_list_model_get_item (G_LIST_MODEL (convene_segment_get_items (panel)), 0);
  GtkWidget *zoom_in = find_accessible (GTK_WIDGET (timeline), GTK_TYPE_BUTTON, "Zoom In");
  GtkWidget *zoom_fit = find_accessible (GTK_WIDGET (timeline), GTK_TYPE_BUTTON, "Fit the Slot to the Window");
  g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *slot;
  GtkWidget *free_time;
  double fit;
  int steps = 0;

  g_assert_nonnull (zoom_in);
  g_assert_nonnull (zoom_fit);
  wait_block (list, opening);
  g_assert_cmpint (convene_timeline_view_get_zoom_level (timeline), ==, 0);
  fit = convene_timeline_view_get_px_per_minute (timeline);
  g_test_message ("fitted: %.3f px a minute", fit);
  g_assert_false (gtk_widget_get_sensitive (zoom_fit));

  /* The rail prints each start once (no end beside every start), the
   * programme's end once after the last row, and the slot end (14:00,
   * where the discussion ends) once. */
  collect_rail_times (list, times);
  g_assert_cmpuint (times->len, >=, 3);
  for (guint i = 0; i < times->len; i++)
    for (guint j = i + 1; j < times->len; j++)
      g_assert_cmpstr (g_ptr_array_index (times, i), !=, g_ptr_array_index (times, j));
  g_assert_true (has_label_text (block_of (list, opening), "12:30"));
  g_assert_false (has_label_text (block_of (list, opening), "12:40"));
  convene_timeline_view_select_segment (timeline, closing);
  wait_block (list, closing);
  wait_block (list, discussion);
  g_assert_true (has_label_text (block_of (list, closing), "14:03"));
  g_assert_true (has_label_text (block_of (list, closing), "14:00"));
  g_assert_cmpuint (count_class (list, "slot-end"), ==, 1);
  g_ptr_array_set_size (times, 0);
  collect_rail_times (list, times);
  for (guint i = 0; i < times->len; i++)
    for (guint j = i + 1; j < times->len; j++)
      g_assert_cmpstr (g_ptr_array_index (times, i), !=, g_ptr_array_index (times, j));
  slot = visible_with_class (block_of (list, discussion), "slot-end");
  g_assert_nonnull (slot);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (slot)), ==, "14:00");

  /* The zoom-in button steps to the close-up, where lengths differ: a
   * 3 min segment stays at the readable minimum, 10 min ones are alike
   * and 20 min twice that. */
  while (gtk_widget_get_sensitive (zoom_in))
    {
      double before = convene_timeline_view_get_px_per_minute (timeline);

      g_signal_emit_by_name (zoom_in, "clicked");
      g_assert_cmpfloat (convene_timeline_view_get_px_per_minute (timeline), >, before);
      g_assert_cmpint (++steps, <, 40);
    }
  g_test_message ("close-up after %d steps: %.3f px a minute", steps,
                  convene_timeline_view_get_px_per_minute (timeline));
  g_assert_cmpint (steps, >, 1);
  convene_timeline_view_select_segment (timeline, opening);
  wait_until (card_taller, &(CardTaller) { list, opening, (int) (10 * convene_timeline_view_get_px_per_minute (timeline)) - 2 },
              "the opening to grow");
  convene_timeline_view_select_segment (timeline, discussion);
  wait_until (card_taller, &(CardTaller) { list, discussion, (int) (20 * convene_timeline_view_get_px_per_minute (timeline)) - 2 },
              "the discussion to grow");
  convene_timeline_view_select_segment (timeline, closing);
  wait_block (list, closing);
  g_assert_cmpint (card_height (list, closing), <, CONVENE_BLOCK_MIN_HEIGHT + 4);
  g_assert_cmpint (card_height (list, closing), >=, CONVENE_BLOCK_MIN_HEIGHT - 2);
  convene_timeline_view_select_segment (timeline, opening);
  wait_block (list, opening);
  {
    int opening_height = card_height (list, opening);

    convene_timeline_view_select_segment (timeline, discussion);
    wait_block (list, discussion);
    g_assert_cmpint (card_height (list, discussion), >, opening_height + opening_height / 2);
    g_assert_cmpint (card_height (list, discussion), <=, 2 * opening_height + 4);
    g_assert_cmpint (opening_height, >, CONVENE_BLOCK_MIN_HEIGHT + 8);
    convene_timeline_view_select_segment (timeline, first_item);
    wait_block (list, first_item);
    g_assert_cmpint (ABS (card_height (list, first_item) - opening_height), <=, 4);
  }

  /* People show with their roles, as the file has them: a moderator on the
   * panel reads apart from a presenter on its talk. */
  {
    g_autoptr(GError) error = NULL;
    ConveneProject *project = convene_document_get_project (document);
    g_autoptr(ConveneSpeaker) person = g_list_model_get_item (G_LIST_MODEL (convene_project_get_speakers (project)), 0);
    g_autoptr(ConveneAssignment) moderator =
      convene_assignment_new_for_segment (convene_project_new_id (project), convene_speaker_get_id (person),
                                          convene_segment_get_id (panel), CONVENE_ROLE_MODERATOR);
    g_autofree char *on_panel = NULL;
    g_autofree char *on_item = NULL;

    g_assert_true (convene_document_perform (document, convene_edit_add_assignment (project, moderator), &error));
    g_assert_no_error (error);
    on_panel = people_from_file (file, convene_segment_get_id (panel));
    on_item = people_from_file (file, convene_segment_get_id (first_item));
    g_test_message ("panel: %s; first talk: %s", on_panel, on_item);
    g_assert_nonnull (strstr (on_panel, "(Moderator"));
    g_assert_nonnull (strstr (on_item, "(Presenter"));
    convene_timeline_view_select_segment (timeline, panel);
    wait_until (block_shows, &(BlockOf) { list, panel, on_panel }, "the panel's moderator with the role");
    convene_timeline_view_select_segment (timeline, first_item);
    wait_until (block_shows, &(BlockOf) { list, first_item, on_item }, "the talk's presenter with the role");
  }

  /* A pinned segment's gap is free time as tall as its minutes (never
   * below a readable height), its start on the rail. */
  g_assert_true (convene_document_perform (document, convene_edit_set_number (closing, "fixed-start", 14 * 60 + 10, NULL),
                                           NULL));
  convene_timeline_view_select_segment (timeline, closing);
  wait_until (block_shows, &(BlockOf) { list, closing, "10 min free" }, "the gap before the pinned closing");
  wait_block (list, closing);
  free_time = visible_with_class (block_of (list, closing), "free-time");
  g_assert_nonnull (free_time);
  g_assert_cmpint (box_height (free_time), >=, (int) (10 * convene_timeline_view_get_px_per_minute (timeline)) - 6);
  g_assert_true (has_label_text (block_of (list, closing), "14:00"));
  g_assert_true (has_label_text (block_of (list, closing), "14:10"));
  g_signal_emit_by_name (zoom_fit, "clicked");
  g_assert_cmpint (convene_timeline_view_get_zoom_level (timeline), ==, 0);
  wait_until (card_taller, &(CardTaller) { list, closing, 0 }, "the closing at the fitted zoom");
  free_time = visible_with_class (block_of (list, closing), "free-time");
  g_assert_nonnull (free_time);
  g_assert_cmpint (box_height (free_time), >=, CONVENE_BLOCK_GAP_MIN_HEIGHT - 6);
  g_assert_cmpint (box_height (free_time), <=, CONVENE_BLOCK_GAP_MIN_HEIGHT);

  /* The zoom is saved with the project but is no edit: undo takes back the
   * pin, not the zoom. */
  g_signal_emit_by_name (zoom_in, "clicked");
  g_signal_emit_by_name (zoom_in, "clicked");
  g_assert_cmpint (convene_timeline_view_get_zoom_level (timeline), ==, 2);
  g_assert_true (convene_document_undo (document, NULL));
  g_assert_cmpint (convene_segment_get_fixed_start (closing), ==, -1);
  g_assert_cmpint (convene_timeline_view_get_zoom_level (timeline), ==, 2);

  /* Zoomed in, an edit keeps the scale though the fitted view changes with
   * it: a resized block ends where it was dropped and the others keep their
   * size. Fitted, every edit fits again. */
  {
    double zoomed = convene_timeline_view_get_px_per_minute (timeline);

    g_assert_true (convene_document_perform (document, convene_edit_set_number (discussion, "duration", 60, NULL),
                                             NULL));
    convene_timeline_view_select_segment (timeline, discussion);
    wait_until (block_shows, &(BlockOf) { list, discussion, "Moderated discussion · 60 min" },
                "the longer discussion");
    g_test_message ("zoomed in: %.3f px a minute before the edit, %.3f after", zoomed,
                    convene_timeline_view_get_px_per_minute (timeline));
    g_assert_cmpfloat (convene_timeline_view_get_px_per_minute (timeline), ==, zoomed);
    g_signal_emit_by_name (zoom_fit, "clicked");
    g_test_message ("fitted: %.3f px a minute with the longer discussion", convene_timeline_view_get_px_per_minute (timeline));
    g_assert_cmpfloat (convene_timeline_view_get_px_per_minute (timeline), <, fit);
    g_assert_true (convene_document_undo (document, NULL));
    g_assert_cmpuint (convene_segment_get_duration (discussion), ==, 20);
    wait_until (scale_is, &(ScaleIs) { timeline, fit }, "the fitted scale of the discussion as it was");
    g_signal_emit_by_name (zoom_in, "clicked");
    g_signal_emit_by_name (zoom_in, "clicked");
    g_assert_cmpint (convene_timeline_view_get_zoom_level (timeline), ==, 2);
  }

  close_window (window);
  convene_document_close (document);
  g_clear_object (&document);
  {
    g_autoptr(GError) error = NULL;

    document = convene_document_open (file, CONVENE_STORE_READ_WRITE, &error);
    g_assert_no_error (error);
  }
  window = show_window (document, 1280, 800);
  timeline = timeline_of (window);
  list = first_of_type (GTK_WIDGET (timeline), GTK_TYPE_GRID_VIEW);
  wait_block (list, top_segment (document, 0));
  g_assert_cmpint (convene_timeline_view_get_zoom_level (timeline), ==, 2);

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (ui_test_init (&argc, &argv, "convene-timeline-XXXXXX", &tmp_dir))
    status = run_drags ();
  else
    {
      g_test_add_func ("/ui/timeline/example-blocks", test_example_blocks);
      g_test_add_func ("/ui/timeline/keyboard-edits", test_keyboard_edits);
      g_test_add_func ("/ui/timeline/details-editor", test_details_editor);
      g_test_add_func ("/ui/timeline/group-target", test_group_target);
      g_test_add_func ("/ui/timeline/fit-to-slot", test_fit_to_slot);
      g_test_add_func ("/ui/timeline/adaptive-layout", test_adaptive_layout);
      g_test_add_func ("/ui/timeline/palette-names", test_palette_names);
      g_test_add_func ("/ui/timeline/new-kind-titled", test_new_kind_titled);
      g_test_add_func ("/ui/timeline/thousand-segments", test_thousand_segments);
      g_test_add_func ("/ui/timeline/first-frame-settled", test_first_frame_settled);
      g_test_add_func ("/ui/timeline/width-without-height", test_width_without_height);
      g_test_add_func ("/ui/timeline/field-rows", test_field_rows);
      g_test_add_func ("/ui/timeline/zoom-rail-roles", test_zoom_rail_roles);
      status = g_test_run ();
    }

  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
