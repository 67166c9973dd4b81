/* Fit to Slot in the window, as a planner uses it: the priority order set
 * from the keyboard changes the proposal, the timeline shows the proposal
 * as a ghost on its blocks while the model stays as it was, Apply is one
 * step that undo takes back, and the order is still there when the project
 * is opened again. A thousand-segment session shows the ghost on the blocks
 * that exist only. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "convene-document.h"
#include "convene-edits.h"
#include "convene-fit-dialog.h"
#include "convene-history.h"
#include "convene-segment-block.h"
#include "convene-timeline-view.h"
#include "convene-window.h"
#include "ui-test-support.h"

static char *tmp_dir;

/* The row of the order of priority for the kind nick (rows are named
 * after their kind). */
static GtkWidget *
priority_row (GtkWidget  *dialog,
              const char *nick)
{
  GtkWidget *list = gtk_widget_get_parent (first_with_class (dialog, "priority-sooner"));

  while (!GTK_IS_LIST_BOX (list))
    list = gtk_widget_get_parent (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), nick) == 0)
      return row;
  return NULL;
}

/* The text beside a block's title while it is a ghost, or NULL. */
static const char *
ghost_text (GtkWidget *block)
{
  GtkWidget *label;

  if (block == NULL || !gtk_widget_has_css_class (block, "fit-ghost"))
    return NULL;
  label = first_with_class (block, "fit-ghost-change");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static guint
count_ghosts (GtkWidget *root,
              guint     *n_blocks)
{
  guint n = 0;

  if (CONVENE_IS_SEGMENT_BLOCK (root))
    {
      (*n_blocks)++;
      return gtk_widget_has_css_class (root, "fit-ghost") ? 1 : 0;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_ghosts (child, n_blocks);
  return n;
}

static gboolean
no_ghosts (gpointer data)
{
  guint n_blocks = 0;

  return count_ghosts (GTK_WIDGET (data), &n_blocks) == 0 && n_blocks > 0;
}

typedef struct {
  GtkWidget      *timeline;
  ConveneSegment *segment;
  const char     *text;
} GhostWait;

static gboolean
ghost_shows (gpointer data)
{
  GhostWait *wait = data;

  return g_strcmp0 (ghost_text (block_of (wait->timeline, wait->segment)), wait->text) == 0;
}

typedef struct {
  GtkWidget  *dialog;
  const char *text;
} TableWait;

static gboolean
table_holds (gpointer data)
{
  TableWait *wait = data;
  g_autofree char *table = table_text (wait->dialog, "fit-cell");

  return strstr (table, wait->text) != NULL;
}

static void
wait_for_table (GtkWidget  *dialog,
                const char *text)
{
  TableWait wait = { dialog, text };

  if (!eventually (table_holds, &wait))
    {
      g_autofree char *table = table_text (dialog, "fit-cell");

      g_error ("The Fit to Slot table never showed “%s”; it shows:\n%s", text, table);
    }
}

static gboolean
dialog_gone (gpointer data)
{
  return toplevel_of_type (CONVENE_TYPE_FIT_DIALOG, NULL) == NULL;
}

static GtkWidget *
open_fit_dialog (ConveneWindow       *window,
                 ConveneTimelineView *timeline)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.fit-to-slot", NULL));
  dialog = wait_for_toplevel (CONVENE_TYPE_FIT_DIALOG, GTK_WINDOW (window));
  return GTK_WIDGET (dialog);
}

static void
choose_priority (GtkWidget *dialog)
{
  AdwComboRow *strategy = ADW_COMBO_ROW (first_of_type (dialog, ADW_TYPE_COMBO_ROW));
  GtkWidget *order;

  g_assert_nonnull (strategy);
  adw_combo_row_set_selected (strategy, 1);
  order = priority_row (dialog, "opening");
  g_assert_nonnull (order);
  wait_until (widget_is_mapped, order, "the order of priority to show");
}

/* The kind at position of the order shown (its row's name is its nick). */
static const char *
kind_at (GtkWidget *dialog,
         int        position)
{
  GtkWidget *opening = priority_row (dialog, "opening");
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_ancestor (opening, GTK_TYPE_LIST_BOX));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, position);

  g_assert_nonnull (row);
  return gtk_widget_get_name (GTK_WIDGET (row));
}

typedef struct {
  GtkWidget *dialog;
  int        position;
} KindAt;

static gboolean
opening_at (gpointer data)
{
  KindAt *at = data;

  return g_str_equal (kind_at (at->dialog, at->position), "opening");
}

static void
test_priority_and_ghost (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "fit-order.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneTimelineView *timeline = timeline_of (window);
  ConveneSegment *opening = top_segment (document, 0);
  ConveneSegment *discussion = top_segment (document, 2);
  ConveneSegment *closing = top_segment (document, 3);
  GtkWidget *dialog;
  GtkWidget *apply;
  GError *error = NULL;

  dialog = open_fit_dialog (window, timeline);
  wait_for_table (dialog, "Closing remarks | 3 min | 5 min | +2\n");

  /* Lowest priority first, in the usual order: the discussion gives 5. */
  choose_priority (dialog);
  g_assert_cmpstr (kind_at (dialog, 0), ==, "break");
  wait_for_table (dialog, "Moderated discussion | 20 min | 15 min | −5\n");
  wait_until (ghost_shows, &(GhostWait) { GTK_WIDGET (timeline), discussion, "20 → 15 min" },
              "the discussion's block to show 20 → 15 as a ghost");
  g_assert_cmpstr (ghost_text (block_of (GTK_WIDGET (timeline), closing)), ==, "3 → 5 min");
  g_assert_null (ghost_text (block_of (GTK_WIDGET (timeline), opening)));
  /* Only a proposal: the model and the history are as they were. */
  g_assert_cmpuint (convene_segment_get_duration (discussion), ==, 20);
  g_assert_cmpuint (convene_segment_get_duration (closing), ==, 3);
  g_assert_false (convene_history_get_can_undo (convene_document_get_history (document)));
  g_assert_cmpstr (convene_timeline_view_get_fit_text (timeline), ==,
                   "90 min planned in a 90 min slot: on time");

  /* Opening remarks to the top of the order, from the keyboard: the
   * focus stays on the kind that moves. */
  for (int i = 0; i < 6; i++)
    {
      GtkWidget *row = priority_row (dialog, "opening");
      GtkWidget *sooner = first_with_class (row, "priority-sooner");
      GtkWidget *focus;

      g_assert_true (gtk_widget_get_sensitive (sooner));
      gtk_widget_grab_focus (sooner);
      /* A button pressed from the keyboard clicks once its press is shown. */
      gtk_widget_activate (sooner);
      wait_until (opening_at, &(KindAt) { dialog, 5 - i }, "opening remarks to move up");
      focus = gtk_window_get_focus (GTK_WINDOW (dialog));
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_is_ancestor (focus, priority_row (dialog, "opening")));
    }
  g_assert_cmpstr (kind_at (dialog, 0), ==, "opening");
  g_assert_cmpstr (kind_at (dialog, 1), ==, "break");
  g_assert_false (gtk_widget_get_sensitive (first_with_class (priority_row (dialog, "opening"), "priority-sooner")));
  {
    g_autofree char *kept = convene_document_dup_view_setting (document, "fit-priority");

    g_assert_cmpstr (kept, ==, "opening,break,networking,qa,discussion,custom,welcome,closing,panel,"
                               "presentation,keynote");
  }

  /* The opening gives the 5 now; the discussion keeps its 20. */
  wait_for_table (dialog, "Moderated discussion | 20 min | 20 min | \n");
  wait_for_table (dialog, " | 10 min | 5 min | −5\n");
  wait_until (ghost_shows, &(GhostWait) { GTK_WIDGET (timeline), opening, "10 → 5 min" },
              "the opening's block to show 10 → 5 as a ghost");
  g_assert_null (ghost_text (block_of (GTK_WIDGET (timeline), discussion)));
  g_assert_cmpuint (convene_segment_get_duration (opening), ==, 10);
  /* Each cell says what it is to a screen reader; an item names its panel. */
  g_assert_nonnull (find_accessible (dialog, GTK_TYPE_LABEL, "Proposed 5 min"));
  g_assert_nonnull (find_accessible (dialog, GTK_TYPE_LABEL, "Change −5 min"));
  g_assert_nonnull (find_accessible (dialog, GTK_TYPE_LABEL, "Now 20 min"));
  g_assert_nonnull (find_accessible (dialog, GTK_TYPE_LABEL, "Stays 20 min"));
  g_assert_nonnull (find_accessible (dialog, GTK_TYPE_LABEL, "A. Sustainable platform for multi-sectoral and international "
                                               "cooperation and governance to promote migrant health, in II. Panel"));
  screenshot ("fit-to-slot-ghost.png");

  /* Apply: one step, in the file; the ghost goes with the window. */
  apply = first_with_class (dialog, "suggested-action");
  g_assert_true (gtk_widget_is_sensitive (apply));
  gtk_widget_activate (apply);
  wait_until (dialog_gone, NULL, "the Fit to Slot window to close");
  wait_until (no_ghosts, timeline, "the ghost to go");
  g_assert_cmpuint (convene_segment_get_duration (opening), ==, 5);
  g_assert_cmpuint (convene_segment_get_duration (discussion), ==, 20);
  g_assert_cmpuint (convene_segment_get_duration (closing), ==, 5);
  g_assert_cmpstr (convene_history_get_undo_label (convene_document_get_history (document)), ==, "Fit to Slot");
  {
    g_autoptr(ConveneProject) saved = load_file (file);
    g_autoptr(ConveneSession) session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (saved)), 0);
    g_autoptr(ConveneSegment) saved_opening =
      g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 0);

    g_assert_cmpuint (convene_segment_get_duration (saved_opening), ==, 5);
  }
  g_assert_true (convene_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (convene_segment_get_duration (opening), ==, 10);
  g_assert_cmpuint (convene_segment_get_duration (closing), ==, 3);

  close_window (window);
  convene_document_close (document);
  g_clear_object (&document);

  /* Opened again: the order is the planner's; Cancel changes nothing. */
  document = convene_document_open (file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  window = show_window (document, 1280, 800);
  timeline = timeline_of (window);
  opening = top_segment (document, 0);
  dialog = open_fit_dialog (window, timeline);
  choose_priority (dialog);
  g_assert_cmpstr (kind_at (dialog, 0), ==, "opening");
  g_assert_cmpstr (kind_at (dialog, 10), ==, "keynote");
  wait_for_table (dialog, " | 10 min | 5 min | −5\n");
  wait_until (ghost_shows, &(GhostWait) { GTK_WIDGET (timeline), opening, "10 → 5 min" },
              "the ghost after opening the project again");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (dialog_gone, NULL, "the Fit to Slot window to close on Cancel");
  wait_until (no_ghosts, timeline, "the ghost to go on Cancel");
  g_assert_cmpuint (convene_segment_get_duration (opening), ==, 10);
  g_assert_cmpstr (convene_timeline_view_get_fit_text (timeline), ==,
                   "93 min planned in a 90 min slot: 3 min over");

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

static gboolean
has_blocks (gpointer data)
{
  guint n_blocks = 0;

  count_ghosts (GTK_WIDGET (data), &n_blocks);
  return n_blocks > 0;
}

typedef struct {
  GtkWidget *timeline;
  guint      n_ghosts;
} GhostCount;

static gboolean
ghosts_shown (gpointer data)
{
  GhostCount *count = data;
  guint n_blocks = 0;

  count->n_ghosts = count_ghosts (count->timeline, &n_blocks);
  return count->n_ghosts > 0;
}

/* A thousand segments in one session: the ghost restyles the blocks that
 * exist (what is visible and a margin), and a new proposal (another step)
 * is worked out and shown in a time printed here for the record. */
static void
test_thousand_ghosts (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "fit-thousand.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_long_day (file, 1000);
  g_autoptr(ConveneSession) session =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (convene_document_get_project (document))), 0);
  GhostCount count = { 0 };
  ConveneTimelineView *timeline;
  ConveneWindow *window;
  GtkWidget *dialog;
  AdwComboRow *strategy;
  guint n_blocks = 0;
  gint64 start, worked_out;
  GError *error = NULL;

  /* A 1-minute step, so that the 2- and 3-minute segments can give. */
  {
    ConveneCommand *command = convene_edit_set_number (session, "fit-step", 1, &error);

    g_assert_no_error (error);
    g_assert_true (convene_document_perform (document, command, &error));
    g_assert_no_error (error);
  }

  window = show_window (document, 1000, 800);
  timeline = timeline_of (window);
  wait_until (has_blocks, timeline, "blocks to be made");

  dialog = open_fit_dialog (window, timeline);
  count.timeline = GTK_WIDGET (timeline);
  wait_until (ghosts_shown, &count, "the ghost on the first blocks");
  count_ghosts (GTK_WIDGET (timeline), &n_blocks);
  g_test_message ("%u ghosts on %u blocks for 1000 segments", count.n_ghosts, n_blocks);
  g_assert_cmpuint (n_blocks, <, 300);
  /* 1999 minutes in 1440: the 2- and 3-minute segments give. */
  g_assert_cmpuint (convene_segment_get_duration (top_segment (document, 1)), ==, 2);

  /* Another strategy: the fit worked out again, the table and the ghost shown. */
  strategy = ADW_COMBO_ROW (first_of_type (dialog, ADW_TYPE_COMBO_ROW));
  start = g_get_monotonic_time ();
  {
    ConveneFitOptions options = { CONVENE_FIT_PRIORITY, 0, NULL, 0, NULL };
    g_autoptr(ConveneFit) alone = convene_fit_session (session, &options);

    g_assert_true (convene_fit_is_possible (alone));
    worked_out = g_get_monotonic_time () - start;
  }
  start = g_get_monotonic_time ();
  adw_combo_row_set_selected (strategy, 1);
  g_test_message ("A new proposal for 1000 segments: %.1f ms in all, of which %.1f ms the fit itself",
                  (g_get_monotonic_time () - start) / 1000.0, worked_out / 1000.0);
  wait_until (ghosts_shown, &count, "the ghost of the new proposal");
  count_ghosts (GTK_WIDGET (timeline), &n_blocks);
  g_assert_cmpuint (n_blocks, <, 300 * 2);

  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (dialog_gone, NULL, "the Fit to Slot window to close");
  wait_until (no_ghosts, timeline, "the ghost to go");
  g_assert_cmpuint (convene_segment_get_duration (top_segment (document, 1)), ==, 2);
  g_assert_cmpstr (convene_history_get_undo_label (convene_document_get_history (document)), !=, "Fit to Slot");

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_init (&argc, &argv, "convene-fit-XXXXXX", &tmp_dir);
  g_test_add_func ("/ui/fit/priority-and-ghost", test_priority_and_ghost);
  g_test_add_func ("/ui/fit/thousand-ghosts", test_thousand_ghosts);
  status = g_test_run ();

  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
