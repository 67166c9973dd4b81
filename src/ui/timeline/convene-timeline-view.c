#define G_LOG_DOMAIN "convene-timeline-view"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-clock.h"
#include "convene-date-entry.h"
#include "convene-row-layout.h"
#include "convene-timeline-view-private.h"
#include "convene-ui-util.h"

static void convene_timeline_view_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ConveneTimelineView, convene_timeline_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, convene_timeline_view_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

gboolean
_convene_timeline_view_is_writable (ConveneTimelineView *self)
{
  return self->session != NULL && convene_ui_is_writable (self->document);
}

/* Hands command (NULL when building it failed with build_error) to the
 * document; when it is refused the reason is shown and the editor goes back
 * to what the model holds. */
gboolean
_convene_timeline_view_run_command (ConveneTimelineView *self,
                                    ConveneCommand      *command,
                                    GError              *build_error)
{
  if (!convene_ui_perform (GTK_WIDGET (self), self->document, command, build_error))
    {
      _convene_timeline_view_sync_editor (self);
      return FALSE;
    }
  return TRUE;
}

/* The schedule and everything shown from it. */

void
_convene_timeline_view_refresh (ConveneTimelineView *self)
{
  GHashTableIter iter;
  gpointer key;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *slot_end = NULL;
  g_autofree char *times = NULL;
  gboolean use_12h = convene_clock_get_use_12h (convene_clock_get_default ());
  guint n_top = 0;

  g_clear_pointer (&self->schedule, convene_schedule_unref);
  g_clear_pointer (&self->fit_text, g_free);

  if (self->session == NULL)
    {
      gtk_label_set_text (self->where_label, "");
      gtk_label_set_text (self->times_label, "");
      gtk_label_set_text (self->fit_label, "");
      _convene_timeline_view_update_scale (self);
      return;
    }

  {
    g_autofree char *date = convene_date_format (convene_session_get_date (self->session));
    const char *room = convene_session_get_room (self->session);
    g_autofree char *where = NULL;

    /* Translators: the session's day and room above its timeline: "Sun 23 May 2027 · Room B". */
    where = room[0] != '\0' ? g_strdup_printf (_("%s · %s"), date, room) : g_steal_pointer (&date);
    convene_ui_label_set_user_text (self->where_label, where);
  }

  if (self->resizing != NULL)
    {
      /* The preview is drawn from a schedule of its own; the model changes
       * only when the drag ends, by one command. */
      g_autoptr(GTimeZone) tz = convene_project_dup_gtime_zone (self->project);

      self->schedule = convene_schedule_compute_preview (self->session, tz, self->resizing,
                                                         self->resize_minutes);
    }
  else if (_convene_timeline_view_has_ghost (self))
    {
      g_autoptr(GTimeZone) tz = convene_project_dup_gtime_zone (self->project);

      self->schedule = convene_fit_compute_schedule (self->ghost_fit, self->session, tz);
    }
  else
    self->schedule = convene_schedule_ref (convene_document_get_schedule (self->document, self->session));
  start = convene_schedule_format_clock (self->schedule, 0, use_12h);
  end = convene_schedule_format_end (self->schedule, use_12h);
  slot_end = convene_schedule_format_clock (self->schedule, convene_schedule_get_slot_minutes (self->schedule),
                                            use_12h);
  /* Translators: the session's start and planned end, then the end of its
   * slot: "12:30 – 14:03 · slot ends 14:00". */
  times = g_strdup_printf (_("%s – %s · slot ends %s"), start, end, slot_end);
  gtk_label_set_text (self->times_label, times);

  _convene_timeline_view_update_scale (self);
  self->fit_text = convene_schedule_describe_fit (self->schedule);
  gtk_label_set_text (self->fit_label, self->fit_text);
  if (convene_schedule_get_over_minutes (self->schedule) > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->fit_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->fit_label), "error");

  n_top = g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_segments (self->session)));
  gtk_widget_set_visible (self->empty_label, n_top == 0);

  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      ConveneSegmentBlock *block = key;
      ConveneSegment *segment = convene_segment_block_get_segment (block);
      const ConveneScheduleEntry *entry;

      if (segment == NULL)
        continue;
      entry = convene_schedule_lookup (self->schedule, segment);
      if (entry != NULL)
        {
          convene_segment_block_show (block, self->document, self->schedule, entry, use_12h, self->px_per_minute);
          _convene_timeline_view_show_ghost (self, block);
        }
    }
}

static GListModel *create_children (gpointer item, gpointer user_data);
static guint       find_position   (ConveneTimelineView *self, ConveneSegment *segment);

/* Whether the tree gives segment a row for its items (what create_children
 * answers). */
static gboolean
holds_items (ConveneSegment *segment)
{
  return convene_segment_kind_holds_items (convene_segment_get_kind (segment)) ||
         g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (segment))) > 0;
}

/* The tree asks once per row whether a segment can have items; when a
 * segment's answer changed (its kind, or items arriving in a kind that takes
 * none) the tree is made anew (cheap: rows are only created for what is
 * shown) and the selection kept. */
static void
rebuild_tree (ConveneTimelineView *self)
{
  g_autoptr(ConveneSegment) selected = NULL;
  g_autoptr(GtkTreeListModel) old_tree = NULL;
  GListModel *segments;

  if (self->session == NULL || self->selection == NULL)
    return;
  if (convene_timeline_view_get_selected_segment (self) != NULL)
    selected = g_object_ref (convene_timeline_view_get_selected_segment (self));
  segments = G_LIST_MODEL (convene_session_get_segments (self->session));
  old_tree = g_steal_pointer (&self->tree);
  g_hash_table_remove_all (self->holds_items);
  self->tree = gtk_tree_list_model_new (g_object_ref (segments), FALSE, TRUE, create_children, self, NULL);
  _convene_timeline_view_show_all_rows (self);
  gtk_slice_list_model_set_model (self->rows, G_LIST_MODEL (self->tree));
  gtk_single_selection_set_selected (self->selection, find_position (self, selected));
}

static gboolean
tree_shape_changed (ConveneTimelineView *self,
                    ConveneChanges      *changes)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->holds_items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (convene_changes_contains (changes, key) && holds_items (key) != GPOINTER_TO_INT (value))
      return TRUE;
  return FALSE;
}

/* The one place the timeline hears of edits: times, lengths, order, people. */
static void
document_changed (ConveneTimelineView *self,
                  ConveneChanges      *changes)
{
  if (self->session == NULL)
    return;
  if (!convene_changes_moves_times (changes, self->session) &&
      !convene_changes_contains (changes, self->session) &&
      !convene_changes_has (changes, CONVENE_CHANGE_SPEAKERS | CONVENE_CHANGE_ASSIGNMENTS))
    return;

  if (convene_changes_has (changes, CONVENE_CHANGE_SEGMENTS) && tree_shape_changed (self, changes))
    rebuild_tree (self);
  _convene_timeline_view_refresh (self);
  if (self->resizing == NULL)
    _convene_timeline_view_sync_editor (self);
}

/* Selection */

/* The segment of a row of the flattened tree, borrowed (the row holds it). */
static ConveneSegment *
row_segment (GtkTreeListRow *row)
{
  g_autoptr(GObject) item = NULL;

  if (row == NULL)
    return NULL;
  item = gtk_tree_list_row_get_item (row);
  return CONVENE_SEGMENT (item);
}

ConveneSegment *
convene_timeline_view_get_selected_segment (ConveneTimelineView *self)
{
  g_return_val_if_fail (CONVENE_IS_TIMELINE_VIEW (self), NULL);

  if (self->selection == NULL)
    return NULL;
  return row_segment (gtk_single_selection_get_selected_item (self->selection));
}

static guint
find_position (ConveneTimelineView *self,
               ConveneSegment      *segment)
{
  guint n;

  if (self->tree == NULL || segment == NULL)
    return GTK_INVALID_LIST_POSITION;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);

      if (row_segment (row) == segment)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
convene_timeline_view_select_segment (ConveneTimelineView *self,
                                      ConveneSegment      *segment)
{
  guint position;

  g_return_if_fail (CONVENE_IS_TIMELINE_VIEW (self));

  if (self->selection == NULL)
    return;
  _convene_timeline_view_show_all_rows (self);
  position = find_position (self, segment);
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

const char *
convene_timeline_view_get_fit_text (ConveneTimelineView *self)
{
  g_return_val_if_fail (CONVENE_IS_TIMELINE_VIEW (self), NULL);

  return self->fit_text != NULL ? self->fit_text : "";
}

ConveneSegmentBlock *
_convene_timeline_view_find_block (ConveneTimelineView *self,
                                   ConveneSegment      *segment)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (convene_segment_block_get_segment (key) == segment)
      return key;
  return NULL;
}

/* The list */

static void
block_setup (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ConveneTimelineView      *self)
{
  GtkWidget *block = convene_segment_block_new ();

  _convene_timeline_view_add_block_drags (block);
  gtk_list_item_set_child (item, block);
}

static void
block_bind (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ConveneTimelineView      *self)
{
  ConveneSegmentBlock *block = CONVENE_SEGMENT_BLOCK (gtk_list_item_get_child (item));
  ConveneSegment *segment = row_segment (gtk_list_item_get_item (item));
  const ConveneScheduleEntry *entry = NULL;

  /* A block bound before the schedule catches up is shown by refresh(). */
  g_hash_table_add (self->blocks, block);
  convene_segment_block_set_wrap (block, self->wrap_titles);
  convene_segment_block_set_segment (block, segment);
  if (self->schedule != NULL)
    entry = convene_schedule_lookup (self->schedule, segment);
  if (entry != NULL)
    {
      convene_segment_block_show (block, self->document, self->schedule, entry,
                                  convene_clock_get_use_12h (convene_clock_get_default ()), self->px_per_minute);
      _convene_timeline_view_show_ghost (self, block);
    }
}

static void
block_unbind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ConveneTimelineView      *self)
{
  ConveneSegmentBlock *block = CONVENE_SEGMENT_BLOCK (gtk_list_item_get_child (item));

  g_hash_table_remove (self->blocks, block);
  convene_segment_block_clear (block);
}

static void
block_teardown (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ConveneTimelineView      *self)
{
  GtkWidget *block = gtk_list_item_get_child (item);

  if (block != NULL)
    g_hash_table_remove (self->blocks, block);
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  ConveneTimelineView *self = user_data;
  ConveneSegment *segment = item;
  gboolean holds = holds_items (segment);

  g_hash_table_replace (self->holds_items, g_object_ref (segment), GINT_TO_POINTER (holds));
  if (!holds)
    return NULL;
  return G_LIST_MODEL (g_object_ref (convene_segment_get_items (segment)));
}

/* A session's first frame. The list builds a block, with its labels laid
 * out, for some thirty rows whatever the screen shows: most of them below
 * the fold of a long session. Until its first frame is drawn the list is
 * given only the rows that its height can show at the scale in use (a row's
 * height comes from its minutes, see convene_segment_block_heights), and
 * the rest at the next frame's tick. Anything that picks a row by its place
 * shows every row first. */

void
_convene_timeline_view_show_all_rows (ConveneTimelineView *self)
{
  if (self->rows_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->rows_tick);
  self->rows_tick = 0;
  if (self->rows != NULL && gtk_slice_list_model_get_size (self->rows) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->rows, G_MAXUINT);
}

static gboolean
show_rest_of_rows (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);

  /* The first tick is the first frame's own; the second comes after it. */
  if (++self->rows_ticks_seen < 2)
    return G_SOURCE_CONTINUE;
  self->rows_tick = 0;
  _convene_timeline_view_show_all_rows (self);
  return G_SOURCE_REMOVE;
}

/* rows starts empty: the first allocation gives it what fills the view. */
static void
show_first_rows (ConveneTimelineView *self)
{
  self->rows_ticks_seen = 0;
  self->rows_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), show_rest_of_rows, NULL, NULL);
}

/* Before the first frame: enough rows to fill height, and one more. */
static void
show_rows_for_height (ConveneTimelineView *self,
                      int                  height)
{
  GListModel *tree = G_LIST_MODEL (self->tree);
  guint n = g_list_model_get_n_items (tree);
  guint needed = 0;
  double filled = 0;

  if (self->schedule == NULL)
    {
      _convene_timeline_view_show_all_rows (self);
      return;
    }
  while (needed < n && filled <= height)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (tree, needed);
      const ConveneScheduleEntry *entry = convene_schedule_lookup (self->schedule, row_segment (row));
      ConveneBlockHeights heights = { 0 };

      if (entry != NULL)
        convene_segment_block_heights (self->schedule, entry, self->px_per_minute, &heights);
      filled += MAX (heights.gap + heights.card + heights.tail, CONVENE_BLOCK_MIN_HEIGHT) + CONVENE_BLOCK_ROW_PADDING;
      needed++;
    }
  needed = MIN (needed + 1, n);
  if (needed > gtk_slice_list_model_get_size (self->rows))
    gtk_slice_list_model_set_size (self->rows, needed);
}

static void
selection_changed (ConveneTimelineView *self)
{
  /* A block chosen while the session's fields show brings its details. */
  if (convene_timeline_view_get_selected_segment (self) != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->side_stack)), "session") == 0)
    gtk_stack_set_visible_child_name (GTK_STACK (self->side_stack), "segment");
  _convene_timeline_view_sync_editor (self);
}

/* Enter or a double click on a block: its details, ready to edit. */
static void
block_activated (ConveneTimelineView *self,
                 guint                position)
{
  gtk_single_selection_set_selected (self->selection, position);
  convene_timeline_view_show_side (self, "segment");
}

void
convene_timeline_view_set_session (ConveneTimelineView *self,
                                   ConveneDocument     *document,
                                   ConveneSession      *session)
{
  g_return_if_fail (CONVENE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (document == NULL || CONVENE_IS_DOCUMENT (document));
  g_return_if_fail (session == NULL || CONVENE_IS_SESSION (session));

  if (self->document == document && self->session == session)
    return;

  _convene_timeline_view_resize_restore (self);
  /* The zoom is the project's: read again only when the project changes. */
  if (self->document != (session != NULL ? document : NULL))
    {
      g_clear_object (&self->document);
      if (document != NULL && session != NULL)
        self->document = g_object_ref (document);
      _convene_timeline_view_load_zoom (self);
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_grid_view_set_model (self->list_view, NULL);
  _convene_timeline_view_show_all_rows (self);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->tree);
  g_hash_table_remove_all (self->holds_items);
  g_clear_object (&self->session);
  self->project = NULL;

  if (document != NULL && session != NULL)
    {
      GListModel *segments = G_LIST_MODEL (convene_session_get_segments (session));

      self->project = convene_document_get_project (document);
      self->session = g_object_ref (session);
      self->tree = gtk_tree_list_model_new (g_object_ref (segments), FALSE, TRUE, create_children, self, NULL);
      self->rows = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->tree)), 0, 0);
      show_first_rows (self);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed), self,
                               G_CONNECT_SWAPPED);
      _convene_timeline_view_refresh (self);
      gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }
  else
    _convene_timeline_view_refresh (self);

  g_signal_group_set_target (self->document_signals, self->document);
  gtk_widget_set_sensitive (self->palette, _convene_timeline_view_is_writable (self));
  convene_people_palette_set_document (self->people, self->document);
  gtk_widget_set_sensitive (GTK_WIDGET (self->people), _convene_timeline_view_is_writable (self));
  _convene_timeline_view_sync_editor (self);
}

/* Layout: the side column (the session, the selected segment, the people)
 * stands beside the list when both fit; on a narrower window the two take
 * turns, each filling the view, so neither is squeezed below the other and
 * the page never scrolls as a whole. Widths are measured here so that
 * measuring and allocating agree and nothing is laid out twice. */

#define SIDE_WIDTH     340
#define SIDE_SPACING   18
#define WIDE_MIN_WIDTH 780
/* A list narrower than this wraps long titles instead of cutting them. */
#define WRAP_BELOW     600

static int
side_width (ConveneTimelineView *self)
{
  int minimum = 0;

  gtk_widget_measure (self->side, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return MAX (SIDE_WIDTH, minimum);
}

/* Whether width holds the list and the side column next to each other. */
static gboolean
is_wide (ConveneTimelineView *self,
         int                  width)
{
  int main_minimum = 0;

  if (width < WIDE_MIN_WIDTH)
    return FALSE;
  gtk_widget_measure (self->main, GTK_ORIENTATION_HORIZONTAL, -1, &main_minimum, NULL, NULL, NULL);
  return width >= main_minimum + SIDE_SPACING + side_width (self);
}

/* Runs before the next layout, not inside one (but for the first, see
 * convene_timeline_view_size_allocate()): a label that starts or stops
 * wrapping changes its height, and a button that comes or goes its row's,
 * which would lay the window out again. */
static gboolean
apply_layout (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);
  GHashTableIter iter;
  gpointer key;

  self->wrap_tick = 0;
  if (self->scale_stale)
    {
      self->scale_stale = FALSE;
      _convene_timeline_view_refresh (self);
    }
  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    convene_segment_block_set_wrap (key, self->wrap_titles);
  if (self->narrow_shown != self->narrow)
    {
      self->narrow_shown = self->narrow;
      gtk_widget_set_visible (self->side_back, self->narrow);
      gtk_widget_set_visible (self->open_side, self->narrow);
    }
  return G_SOURCE_REMOVE;
}

static void
queue_apply_layout (ConveneTimelineView *self)
{
  if (self->wrap_tick == 0)
    self->wrap_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), apply_layout, NULL, NULL);
}

static void
set_layout (ConveneTimelineView *self,
            gboolean             wrap,
            gboolean             narrow)
{
  if (self->wrap_titles == wrap && self->narrow == narrow)
    return;
  self->wrap_titles = wrap;
  self->narrow = narrow;
  queue_apply_layout (self);
}

static GtkSizeRequestMode
convene_timeline_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
convene_timeline_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);
  int main_min = 0, main_nat = 0, side_min = 0, side_nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->main, orientation, -1, &main_min, &main_nat, NULL, NULL);
      gtk_widget_measure (self->side, orientation, -1, &side_min, &side_nat, NULL, NULL);
      /* Narrow, one at a time; at ease, side by side. */
      *minimum = MAX (main_min, side_min);
      *natural = MAX (*minimum, main_nat + SIDE_SPACING + MAX (side_nat, side_width (self)));
    }
  else
    {
      int main_for = for_size, side_for = for_size;

      if (for_size >= 0 && is_wide (self, for_size))
        {
          side_for = side_width (self);
          main_for = for_size - SIDE_SPACING - side_for;
        }
      gtk_widget_measure (self->main, orientation, main_for, &main_min, &main_nat, NULL, NULL);
      gtk_widget_measure (self->side, orientation, side_for, &side_min, &side_nat, NULL, NULL);
      *minimum = MAX (main_min, side_min);
      *natural = MAX (main_nat, side_nat);
    }
}

/* Allocates the list and the side column (or the one of them shown) and
 * notes what the width calls for; TRUE when the list's height differs from
 * the one the fitted zoom was made for. */
static gboolean
allocate_children (ConveneTimelineView *self,
                   int                  width,
                   int                  height)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  /* Before any child is allocated in this pass, so the list is laid out
   * with the rows it is given here. */
  if (self->rows_tick != 0)
    show_rows_for_height (self, height);

  if (is_wide (self, width))
    {
      int column = side_width (self);
      int main_width = width - SIDE_SPACING - column;

      gtk_widget_set_child_visible (self->main, TRUE);
      gtk_widget_set_child_visible (self->side, TRUE);
      gtk_widget_size_allocate (self->main,
                                &(GtkAllocation) { rtl ? column + SIDE_SPACING : 0, 0, main_width, height }, -1);
      gtk_widget_size_allocate (self->side,
                                &(GtkAllocation) { rtl ? 0 : main_width + SIDE_SPACING, 0, column, height }, -1);
      set_layout (self, main_width < WRAP_BELOW, FALSE);
    }
  else
    {
      GtkWidget *shown = self->side_open ? self->side : self->main;

      gtk_widget_set_child_visible (self->main, !self->side_open);
      gtk_widget_set_child_visible (self->side, self->side_open);
      gtk_widget_size_allocate (shown, &(GtkAllocation) { 0, 0, width, height }, -1);
      set_layout (self, width < WRAP_BELOW, TRUE);
    }

  if (!gtk_widget_get_child_visible (self->main) || gtk_widget_get_height (self->scroller) == self->viewport_height)
    return FALSE;
  self->viewport_height = gtk_widget_get_height (self->scroller);
  self->scale_stale = TRUE;
  return TRUE;
}

static void
convene_timeline_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);

  /* The fitted zoom follows the list's height, and the titles' wrapping
   * the width: applied before the next layout rather than in this one, so
   * that a window being resized is laid out once a frame. The first
   * layout is the exception: nothing has been drawn yet, so what it calls
   * for is applied at once and the children laid out again, and the first
   * frame is the settled page rather than one at a scale made for no
   * height. */
  if (allocate_children (self, width, height))
    queue_apply_layout (self);
  /* (A palette that drops its names makes the list taller, which calls
   * for a scale of its own: a few rounds at most.) */
  for (int round = 0; !self->laid_out && self->wrap_tick != 0 && round < 3; round++)
    {
      gtk_widget_remove_tick_callback (widget, self->wrap_tick);
      apply_layout (widget, NULL, NULL);
      if (allocate_children (self, width, height))
        queue_apply_layout (self);
    }
  self->laid_out = TRUE;
}

void
_convene_timeline_view_set_side_open (ConveneTimelineView *self,
                                      gboolean             open)
{
  if (self->side_open == open)
    return;
  self->side_open = open;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  /* Focus follows to the pane that is now shown, when it was in the other. */
  if (self->narrow)
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
      GtkWidget *left = open ? self->main : self->side;

      if (focus != NULL && gtk_widget_is_ancestor (focus, left))
        gtk_widget_child_focus (open ? self->side : self->main, GTK_DIR_TAB_FORWARD);
      else if (!open)
        gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
    }
}

/**
 * convene_timeline_view_show_side:
 * @page: "session", "segment" or "people"
 *
 * Shows a page of the side column, bringing the column into view on a
 * narrow window.
 */
void
convene_timeline_view_show_side (ConveneTimelineView *self,
                                 const char          *page)
{
  g_return_if_fail (CONVENE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (page != NULL);

  gtk_stack_set_visible_child_name (GTK_STACK (self->side_stack), page);
  _convene_timeline_view_set_side_open (self, TRUE);
}

static void
session_summary_clicked (ConveneTimelineView *self)
{
  convene_timeline_view_show_side (self, "session");
  gtk_widget_child_focus (gtk_stack_get_visible_child (GTK_STACK (self->side_stack)), GTK_DIR_TAB_FORWARD);
}

static void
open_side_clicked (ConveneTimelineView *self)
{
  _convene_timeline_view_set_side_open (self, TRUE);
}

/* <child type="session"> in a template: what the Session page of the side
 * column holds (the project view's session fields and roles). */
static void
convene_timeline_view_add_child (GtkBuildable *buildable,
                                 GtkBuilder   *builder,
                                 GObject      *child,
                                 const char   *type)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (buildable);

  if (g_strcmp0 (type, "session") == 0 && GTK_IS_WIDGET (child))
    {
      GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (self->side_stack), "session");

      gtk_box_append (GTK_BOX (page), GTK_WIDGET (child));
    }
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
convene_timeline_view_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = convene_timeline_view_add_child;
}

static void
convene_timeline_view_dispose (GObject *object)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (object);

  convene_timeline_view_set_session (self, NULL, NULL);
  g_clear_object (&self->document_signals);
  _convene_timeline_view_clear_drop_indicator (self);
  _convene_timeline_view_stop_autoscroll (self);
  if (self->wrap_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->wrap_tick);
  self->wrap_tick = 0;
  g_clear_pointer (&self->main, gtk_widget_unparent);
  g_clear_pointer (&self->side, gtk_widget_unparent);
  g_clear_pointer (&self->schedule, convene_schedule_unref);
  g_clear_pointer (&self->fit_schedule, convene_schedule_unref);
  g_clear_object (&self->fit_session);
  g_clear_pointer (&self->fit_text, g_free);
  g_clear_pointer (&self->ghost_fit, convene_fit_unref);
  g_clear_object (&self->ghost_session);
  g_clear_pointer (&self->ghost_rows, g_hash_table_unref);

  G_OBJECT_CLASS (convene_timeline_view_parent_class)->dispose (object);
}

static void
convene_timeline_view_finalize (GObject *object)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (object);

  g_hash_table_unref (self->holds_items);
  g_hash_table_unref (self->blocks);

  G_OBJECT_CLASS (convene_timeline_view_parent_class)->finalize (object);
}

/* For build-aux/dev bench: with CONVENE_BENCH_SHOWN set in the
 * environment, "convene: timeline shown" goes to standard error once, in the
 * first frame that draws the session's first blocks, which is what the
 * benchmark times a launch to; and "convene: timeline settled" once, in the
 * first such frame with no change of scale or layout left to apply (the
 * page as it stays). Nothing else reads them. */
static void
convene_timeline_view_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);
  static int report_shown = -1, report_settled = -1;
  gboolean drawn;

  GTK_WIDGET_CLASS (convene_timeline_view_parent_class)->snapshot (widget, snapshot);

  if (report_shown == -1)
    report_shown = report_settled = g_getenv ("CONVENE_BENCH_SHOWN") != NULL;
  if (report_shown + report_settled == 0)
    return;
  drawn = self->session != NULL &&
          (g_hash_table_size (self->blocks) > 0 ||
           g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_segments (self->session))) == 0);
  if (report_shown == 1 && drawn)
    {
      report_shown = 0;
      g_printerr ("convene: timeline shown\n");
    }
  if (report_settled == 1 && drawn && self->wrap_tick == 0 && !self->scale_stale)
    {
      report_settled = 0;
      g_printerr ("convene: timeline settled\n");
    }
}

static void
convene_timeline_view_class_init (ConveneTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_timeline_view_dispose;
  object_class->finalize = convene_timeline_view_finalize;

  widget_class->get_request_mode = convene_timeline_view_get_request_mode;
  widget_class->measure = convene_timeline_view_measure;
  widget_class->size_allocate = convene_timeline_view_size_allocate;
  widget_class->snapshot = convene_timeline_view_snapshot;
  gtk_widget_class_set_css_name (widget_class, "timelineview");

  _convene_timeline_view_install_actions (widget_class);
  _convene_timeline_view_install_zoom_actions (widget_class);
}

static void
convene_timeline_view_init (ConveneTimelineView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *header;
  GtkWidget *label;
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *zoom;

  self->holds_items = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->blocks = g_hash_table_new (NULL, NULL);
  self->document_signals = g_signal_group_new (CONVENE_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (document_changed), self,
                                 G_CONNECT_SWAPPED);
  g_signal_connect_object (convene_clock_get_default (), "notify::use-12h", G_CALLBACK (_convene_timeline_view_refresh),
                           self, G_CONNECT_SWAPPED);

  self->main = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->main, "timeline-main");
  gtk_widget_set_parent (self->main, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (self->main), header);

  /* The session in one line, which opens its fields in the side column:
   * a row layout, as the date in it may wrap (see convene-row-layout.h). */
  row = convene_row_layout_box_new (6);
  gtk_box_append (GTK_BOX (header), row);
  button = gtk_button_new ();
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "session-summary");
  gtk_widget_set_tooltip_text (button, _("Change the session’s title, date, start, slot, room and roles"));
  /* A box, whose measuring fits the date to its lines, so that the pencil
   * stays next to a date that wraps. */
  label = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->where_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->where_label, 0);
  gtk_label_set_wrap (self->where_label, TRUE);
  gtk_label_set_wrap_mode (self->where_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->where_label), "heading");
  gtk_box_append (GTK_BOX (label), GTK_WIDGET (self->where_label));
  gtk_box_append (GTK_BOX (label), gtk_image_new_from_icon_name ("document-edit-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->where_label, NULL, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Opens the session’s fields"), -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (session_summary_clicked), self);
  gtk_box_append (GTK_BOX (row), button);

  /* The zoom takes the room the date leaves and keeps to the end: the
   * button takes its own width from the row, where a button placed with
   * halign would be asked how wide it must be at its height, which for the
   * wrapping date means laying it out at a dozen widths. */
  zoom = _convene_timeline_view_build_zoom (self);
  gtk_widget_set_hexpand (zoom, TRUE);
  gtk_widget_set_halign (zoom, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (row), zoom);

  self->open_side = gtk_button_new_with_mnemonic (_("_Details"));
  /* Narrow, the side column takes the list's place: this brings it. */
  gtk_widget_set_valign (self->open_side, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->open_side, _("Show the selected segment, the session and the people"));
  gtk_widget_add_css_class (self->open_side, "open-side");
  gtk_widget_set_visible (self->open_side, FALSE);
  g_signal_connect_swapped (self->open_side, "clicked", G_CALLBACK (open_side_clicked), self);
  gtk_box_append (GTK_BOX (row), self->open_side);

  {
    /* The times and the button that fits them to the slot share a row; the
     * fit line under them then has the column's width and, beside the side
     * column of the default window, one line (see convene-row-layout.h for
     * why not a GtkBox's layout: both rows wrap). */
    GtkWidget *times_row = convene_row_layout_box_new (8);
    GtkWidget *fit_button = gtk_button_new_with_mnemonic (_("_Fit to Slot…"));

    self->times_label = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_xalign (self->times_label, 0);
    gtk_label_set_wrap (self->times_label, TRUE);
    gtk_widget_set_hexpand (GTK_WIDGET (self->times_label), TRUE);
    /* Centred by its text's alignment, not valign: see the zoom above. */
    gtk_label_set_yalign (self->times_label, 0.5f);
    gtk_widget_add_css_class (GTK_WIDGET (self->times_label), "segment-time");
    gtk_box_append (GTK_BOX (times_row), GTK_WIDGET (self->times_label));

    /* Proposes lengths that end the session on its slot. */
    gtk_widget_set_valign (fit_button, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (fit_button, "fit-to-slot");
    gtk_widget_set_tooltip_text (fit_button, _("Propose lengths that end the session on its slot"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (fit_button), "timeline.fit-to-slot");
    gtk_box_append (GTK_BOX (times_row), fit_button);
    gtk_box_append (GTK_BOX (header), times_row);

    self->fit_label = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_xalign (self->fit_label, 0);
    gtk_label_set_wrap (self->fit_label, TRUE);
    gtk_widget_add_css_class (GTK_WIDGET (self->fit_label), "fit");
    gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->fit_label));
  }

  _convene_timeline_view_build_palette (self);
  gtk_box_append (GTK_BOX (self->main), self->palette);

  self->empty_label = gtk_label_new (_("No segments yet. Drag a kind from above into the timeline, or press it."));
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (self->main), self->empty_label);

  /* A grid of one column, not a GtkListView: in GTK 4.8 a list view keeps
   * up to 200 rows bound and measured whatever its height, so a long session
   * built, laid out and relabelled 200 blocks on every change of times; a
   * grid view keeps about 30 rows per column. */
  self->list_view = GTK_GRID_VIEW (gtk_grid_view_new (NULL, NULL));
  gtk_grid_view_set_max_columns (self->list_view, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "timeline");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timeline"), -1);
  g_signal_connect (factory, "setup", G_CALLBACK (block_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (block_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (block_unbind), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (block_teardown), self);
  gtk_grid_view_set_factory (self->list_view, factory);

  _convene_timeline_view_add_drop_target (self);

  /* Its own scrolling keeps the list virtual: only visible blocks exist.
   * It takes the page's height, the one scroll of the running order. */
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scroller), 160);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list_view));
  gtk_widget_add_css_class (self->scroller, "card");
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_box_append (GTK_BOX (self->main), self->scroller);
  _convene_timeline_view_add_zoom_scroll (self);

  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (block_activated), self);

  _convene_timeline_view_build_side (self);
  _convene_timeline_view_add_keys (self);

  _convene_timeline_view_add_escape_key (self);

  _convene_timeline_view_refresh (self);
  _convene_timeline_view_sync_editor (self);
}

GtkWidget *
convene_timeline_view_new (void)
{
  return g_object_new (CONVENE_TYPE_TIMELINE_VIEW, NULL);
}

/* The parts of the running order, in the order the keyboard visits them. */
static GtkWidget *
pane_widget (ConveneTimelineView  *self,
             ConveneTimelinePane   pane)
{
  switch (pane)
    {
    case CONVENE_TIMELINE_PANE_PALETTE:
      return self->palette;
    case CONVENE_TIMELINE_PANE_LIST:
      return self->scroller;
    case CONVENE_TIMELINE_PANE_SIDE:
    default:
      return self->side;
    }
}

int
convene_timeline_view_get_focused_pane (ConveneTimelineView *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (CONVENE_IS_TIMELINE_VIEW (self), -1);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL)
    return -1;
  for (int pane = 0; pane < CONVENE_TIMELINE_N_PANES; pane++)
    {
      GtkWidget *widget = pane_widget (self, pane);

      if (focus == widget || gtk_widget_is_ancestor (focus, widget))
        return pane;
    }
  return -1;
}

gboolean
convene_timeline_view_focus_pane (ConveneTimelineView *self,
                                  ConveneTimelinePane  pane)
{
  GtkWidget *widget;

  g_return_val_if_fail (CONVENE_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (pane < CONVENE_TIMELINE_N_PANES, FALSE);

  /* Narrow, the list and the side column take turns: the one asked for
   * comes forward first. */
  _convene_timeline_view_set_side_open (self, pane == CONVENE_TIMELINE_PANE_SIDE);
  widget = pane_widget (self, pane);
  if (!gtk_widget_is_sensitive (widget))
    return FALSE;
  /* The list gives the keyboard to its selected block, or its first. */
  if (pane == CONVENE_TIMELINE_PANE_LIST)
    return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD) ||
           gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}
