#define G_LOG_DOMAIN "convene-timeline-view"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-edits.h"
#include "convene-kind-palette.h"
#include "convene-limits.h"
#include "convene-timeline-view-private.h"
#include "convene-ui-util.h"

/* Drag and drop */

void
_convene_timeline_view_clear_drop_indicator (ConveneTimelineView *self)
{
  if (self->drop_block != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->drop_block), "drop-before");
      gtk_widget_remove_css_class (GTK_WIDGET (self->drop_block), "drop-after");
      gtk_widget_remove_css_class (GTK_WIDGET (self->drop_block), "drop-into");
      g_object_remove_weak_pointer (G_OBJECT (self->drop_block), (gpointer *) &self->drop_block);
      self->drop_block = NULL;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->list_view), "drop-end");
  self->drop_zone = DROP_NONE;
}

/* The block under (x, y) of the list and which part of it: the top half
 * drops before it, the bottom half after, and the middle of a block that
 * holds items drops into it. */
static DropZone
drop_zone_at (ConveneTimelineView  *self,
              double                x,
              double                y,
              ConveneSegmentBlock **out_block)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *block = picked != NULL ? gtk_widget_get_ancestor (picked, CONVENE_TYPE_SEGMENT_BLOCK) : NULL;
  ConveneSegment *segment;
  double bx = 0, by = 0;
  int height;

  *out_block = NULL;
  if (block == NULL || convene_segment_block_get_segment (CONVENE_SEGMENT_BLOCK (block)) == NULL)
    return DROP_END;

  segment = convene_segment_block_get_segment (CONVENE_SEGMENT_BLOCK (block));
  gtk_widget_translate_coordinates (GTK_WIDGET (self->list_view), block, x, y, &bx, &by);
  height = MAX (gtk_widget_get_height (block), 1);
  *out_block = CONVENE_SEGMENT_BLOCK (block);
  if (convene_segment_kind_holds_items (convene_segment_get_kind (segment)) &&
      by > height * 0.25 && by < height * 0.75)
    return DROP_INTO;
  return by < height / 2.0 ? DROP_BEFORE : DROP_AFTER;
}

/* Marks where a drop at (x, y) of the list would land. */
static void
show_drop_indicator (ConveneTimelineView *self,
                     double               x,
                     double               y)
{
  ConveneSegmentBlock *block = NULL;
  DropZone zone = drop_zone_at (self, x, y, &block);
  static const char *classes[] = { NULL, "drop-before", "drop-after", "drop-into", NULL };

  if (block == self->drop_block && zone == self->drop_zone)
    return;
  _convene_timeline_view_clear_drop_indicator (self);
  self->drop_zone = zone;
  if (block != NULL)
    {
      self->drop_block = block;
      g_object_add_weak_pointer (G_OBJECT (block), (gpointer *) &self->drop_block);
      gtk_widget_add_css_class (GTK_WIDGET (block), classes[zone]);
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "drop-end");
}

/* Scrolling during a drag: held near the top or bottom of the part of the
 * list on screen, the pointer scrolls it, faster the nearer the edge, so a
 * block can be carried to a place out of sight. The list scrolls first;
 * when it can go no further (or is itself cut off by the page), the page
 * around it does. */

/* How near the edge scrolling starts, and its slowest and fastest speeds. */
#define AUTOSCROLL_EDGE      64
#define AUTOSCROLL_MIN_SPEED 60.0    /* pixels per second */
#define AUTOSCROLL_MAX_SPEED 1500.0

/* The top and bottom of what shows of the list, in the window's
 * coordinates: its own box cut by every scrolled window around it. */
static gboolean
visible_band (ConveneTimelineView *self,
              GtkWidget           *window,
              double              *top,
              double              *bottom)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (list, window, &bounds))
    return FALSE;
  *top = MAX (bounds.origin.y, 0);
  *bottom = MIN (bounds.origin.y + bounds.size.height, gtk_widget_get_height (window));
  for (GtkWidget *ancestor = gtk_widget_get_parent (list); ancestor != NULL && ancestor != window;
       ancestor = gtk_widget_get_parent (ancestor))
    if (GTK_IS_SCROLLED_WINDOW (ancestor) && gtk_widget_compute_bounds (ancestor, window, &bounds))
      {
        *top = MAX (*top, bounds.origin.y);
        *bottom = MIN (*bottom, bounds.origin.y + bounds.size.height);
      }
  return *bottom - *top >= 1;
}

/* Pixels per second for the pointer at y of window: negative up, positive
 * down, 0 away from the edges. */
static double
autoscroll_speed (ConveneTimelineView *self,
                  GtkWidget           *window,
                  double               y)
{
  double top, bottom, edge, depth;

  if (!visible_band (self, window, &top, &bottom))
    return 0;
  edge = MIN (AUTOSCROLL_EDGE, (bottom - top) / 4);
  if (y < top + edge)
    depth = -(top + edge - y) / edge;
  else if (y > bottom - edge)
    depth = (y - (bottom - edge)) / edge;
  else
    return 0;
  depth = CLAMP (depth, -1.0, 1.0);
  return (depth < 0 ? -1 : 1) * (AUTOSCROLL_MIN_SPEED + (AUTOSCROLL_MAX_SPEED - AUTOSCROLL_MIN_SPEED) * depth * depth);
}

/* Whether the list goes on beyond the box of the scrolled window around
 * it that way (down when amount > 0): the page has more of it to show. */
static gboolean
cut_off_by (ConveneTimelineView *self,
            GtkWidget           *scroller,
            double               amount)
{
  graphene_rect_t list, box;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (self->list_view), scroller, &list) ||
      !gtk_widget_compute_bounds (scroller, scroller, &box))
    return FALSE;
  if (amount > 0)
    return list.origin.y + list.size.height > box.origin.y + box.size.height + 0.5;
  return list.origin.y < box.origin.y - 0.5;
}

/* Scrolls the innermost scrolled window around the list that can still
 * move that way by amount pixels: the list's own, or a page around it that
 * hides part of it there. FALSE when none can. */
static gboolean
scroll_by (ConveneTimelineView *self,
           double               amount)
{
  GtkWidget *own = gtk_widget_get_parent (GTK_WIDGET (self->list_view));

  for (GtkWidget *ancestor = own; ancestor != NULL; ancestor = gtk_widget_get_parent (ancestor))
    {
      GtkAdjustment *adjustment;
      double value, limit;

      if (!GTK_IS_SCROLLED_WINDOW (ancestor) || (ancestor != own && !cut_off_by (self, ancestor, amount)))
        continue;
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (ancestor));
      value = gtk_adjustment_get_value (adjustment);
      limit = amount > 0
              ? gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)
              : gtk_adjustment_get_lower (adjustment);
      if (amount > 0 ? value < limit - 0.5 : value > limit + 0.5)
        {
          gtk_adjustment_set_value (adjustment, amount > 0 ? MIN (value + amount, limit) : MAX (value + amount, limit));
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
autoscroll_step (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_native (widget));
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double seconds = self->autoscroll_time > 0 ? (now - self->autoscroll_time) / (double) G_USEC_PER_SEC : 1 / 60.0;
  double speed;
  graphene_point_t point;

  self->autoscroll_time = now;
  speed = window != NULL ? autoscroll_speed (self, window, self->autoscroll_at.y) : 0;
  /* A stalled frame does not make a jump. */
  seconds = CLAMP (seconds, 0, 0.05);
  if (speed == 0 || !scroll_by (self, speed * seconds))
    {
      self->autoscroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  /* What lies under the pointer has moved on. */
  if (gtk_widget_compute_point (window, GTK_WIDGET (self->list_view), &self->autoscroll_at, &point))
    show_drop_indicator (self, point.x, point.y);
  return G_SOURCE_CONTINUE;
}

/* Follows the pointer at (x, y) of the list during a drag. */
static void
autoscroll_follow (ConveneTimelineView *self,
                   double               x,
                   double               y)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_native (GTK_WIDGET (self)));

  if (window == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (self->list_view), window, &GRAPHENE_POINT_INIT (x, y),
                                 &self->autoscroll_at))
    return;
  if (self->autoscroll_tick == 0 && autoscroll_speed (self, window, self->autoscroll_at.y) != 0)
    {
      self->autoscroll_time = 0;
      self->autoscroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), autoscroll_step, NULL, NULL);
    }
}

void
_convene_timeline_view_stop_autoscroll (ConveneTimelineView *self)
{
  if (self->autoscroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_tick);
  self->autoscroll_tick = 0;
}

static GdkDragAction
drop_motion (GtkDropTarget       *target,
             double               x,
             double               y,
             ConveneTimelineView *self)
{
  GdkDrop *drop;

  show_drop_indicator (self, x, y);
  autoscroll_follow (self, x, y);
  if (!_convene_timeline_view_is_writable (self))
    return 0;
  /* One action: a block moves, a kind from the palette or a person is copied. */
  drop = gtk_drop_target_get_current_drop (target);
  if (drop != NULL && (gdk_drop_get_actions (drop) & GDK_ACTION_MOVE))
    return GDK_ACTION_MOVE;
  return GDK_ACTION_COPY;
}

static void
drop_leave (GtkDropTarget       *target,
            ConveneTimelineView *self)
{
  _convene_timeline_view_clear_drop_indicator (self);
  _convene_timeline_view_stop_autoscroll (self);
}

/* Turns a zone into a parent and a position in its list as it is now. */
static void
drop_destination (ConveneTimelineView  *self,
                  ConveneSegment       *target,
                  DropZone              zone,
                  ConveneSegment      **out_parent,
                  guint                *out_position)
{
  ConveneSegment *parent = NULL;
  guint position = 0;

  if (zone == DROP_END || target == NULL)
    {
      *out_parent = NULL;
      *out_position = g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_segments (self->session)));
      return;
    }
  if (zone == DROP_INTO)
    {
      *out_parent = target;
      *out_position = g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (target)));
      return;
    }
  /* Just below a heading is the top of its items. */
  if (zone == DROP_AFTER &&
      g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (target))) > 0)
    {
      *out_parent = target;
      *out_position = 0;
      return;
    }
  _convene_timeline_view_locate (self, target, NULL, &position, &parent);
  *out_parent = parent;
  *out_position = zone == DROP_AFTER ? position + 1 : position;
}

static void
assign_speaker (ConveneTimelineView *self,
                ConveneSpeaker      *speaker,
                ConveneSegment      *segment,
                ConveneRole          role)
{
  g_autoptr(ConveneAssignment) assignment = NULL;

  assignment = convene_assignment_new_for_segment (convene_project_new_id (self->project),
                                                   convene_speaker_get_id (speaker),
                                                   convene_segment_get_id (segment), role);
  _convene_timeline_view_run_command (self, convene_edit_add_assignment (self->project, assignment), NULL);
}

static void
role_chosen (GtkButton           *button,
             ConveneTimelineView *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  ConveneSpeaker *speaker = g_object_get_data (G_OBJECT (popover), "speaker");
  ConveneSegment *segment = g_object_get_data (G_OBJECT (popover), "segment");
  ConveneRole role = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "role"));

  if (self->project != NULL && speaker != NULL && segment != NULL)
    assign_speaker (self, speaker, segment, role);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
role_popover_closed (GtkPopover *popover)
{
  gtk_widget_unparent (GTK_WIDGET (popover));
}

/* Asks which role the dropped person takes, the likely one first. */
static void
ask_role (ConveneTimelineView *self,
          ConveneSegmentBlock *block,
          ConveneSpeaker      *speaker)
{
  ConveneSegment *segment = convene_segment_block_get_segment (block);
  ConveneSegment *parent = NULL;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *name = convene_speaker_dup_display_name (speaker);
  /* Translators: heading of the role choice for a person dropped on a segment. */
  g_autofree char *heading = g_strdup_printf (_("%s’s Role"), name);
  GtkWidget *label = gtk_label_new (heading);
  ConveneRole suggested;
  GtkWidget *first = NULL;

  _convene_timeline_view_locate (self, segment, NULL, NULL, &parent);
  suggested = convene_role_suggest (convene_segment_get_kind (segment),
                                    parent != NULL && convene_segment_get_kind (parent) == CONVENE_SEGMENT_KIND_PANEL);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  for (guint i = 0; i < CONVENE_N_ROLES; i++)
    {
      ConveneRole role = i == 0 ? suggested : (i <= suggested ? i - 1 : i);
      GtkWidget *button = gtk_button_new_with_label (convene_role_get_label (role));

      g_object_set_data (G_OBJECT (button), "role", GUINT_TO_POINTER (role));
      if (i == 0)
        {
          gtk_widget_add_css_class (button, "suggested-action");
          first = button;
        }
      else
        gtk_widget_add_css_class (button, "flat");
      g_signal_connect_object (button, "clicked", G_CALLBACK (role_chosen), self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_object_set_data_full (G_OBJECT (popover), "speaker", g_object_ref (speaker), g_object_unref);
  g_object_set_data_full (G_OBJECT (popover), "segment", g_object_ref (segment), g_object_unref);
  gtk_widget_set_parent (popover, GTK_WIDGET (block));
  g_signal_connect (popover, "closed", G_CALLBACK (role_popover_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_widget_grab_focus (first);
}

/* The keyboard twin of dropping a person: Enter on a person in the people
 * list asks their role on the selected segment. */
void
_convene_timeline_view_person_activated (ConveneTimelineView *self,
                                         ConveneSpeaker      *speaker)
{
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  ConveneSegmentBlock *block;

  if (!_convene_timeline_view_is_writable (self))
    return;
  if (segment == NULL)
    {
      convene_ui_show_toast (GTK_WIDGET (self),
                             adw_toast_new (_("Select a segment first, then choose who goes on it.")));
      return;
    }
  block = _convene_timeline_view_find_block (self, segment);
  if (block == NULL)
    {
      convene_timeline_view_select_segment (self, segment);
      block = _convene_timeline_view_find_block (self, segment);
    }
  if (block == NULL)
    return;
  /* The block may be scrolled out of the page; focusing it brings it back
   * so the popover opens where the planner looks. */
  gtk_widget_grab_focus (GTK_WIDGET (block));
  ask_role (self, block, speaker);
}

static gboolean
drop_done (GtkDropTarget       *target,
           const GValue        *value,
           double               x,
           double               y,
           ConveneTimelineView *self)
{
  ConveneSegmentBlock *block = NULL;
  DropZone zone = drop_zone_at (self, x, y, &block);
  ConveneSegment *target_segment = block != NULL ? convene_segment_block_get_segment (block) : NULL;
  ConveneSegment *parent = NULL;
  guint position = 0;

  _convene_timeline_view_clear_drop_indicator (self);
  _convene_timeline_view_stop_autoscroll (self);
  if (!_convene_timeline_view_is_writable (self))
    return FALSE;

  /* The payloads are the model's own objects (and a kind), never text to
   * parse back; ones from another project are not ours to take. */
  if (G_VALUE_HOLDS (value, CONVENE_TYPE_SEGMENT_KIND))
    {
      ConveneSegmentKind kind = g_value_get_enum (value);

      if ((guint) kind >= CONVENE_N_SEGMENT_KINDS)
        return FALSE;
      drop_destination (self, target_segment, zone, &parent, &position);
      _convene_timeline_view_insert_kind (self, kind, parent, position);
      return TRUE;
    }

  if (G_VALUE_HOLDS (value, CONVENE_TYPE_SEGMENT))
    {
      ConveneSegment *segment = g_value_get_object (value);
      ConveneSegment *old_parent = NULL;
      guint old_position = 0;

      if (segment == NULL || segment == target_segment ||
          !_convene_timeline_view_locate (self, segment, NULL, &old_position, &old_parent))
        return FALSE;
      drop_destination (self, target_segment, zone, &parent, &position);
      /* The position counts after the segment is taken out. */
      if (parent == old_parent && old_position < position)
        position--;
      if (parent == old_parent && position == old_position)
        return TRUE;
      return _convene_timeline_view_move_segment (self, segment, parent, position, _("moved"));
    }

  if (G_VALUE_HOLDS (value, CONVENE_TYPE_SPEAKER) && block != NULL)
    {
      ConveneSpeaker *speaker = g_value_get_object (value);

      if (speaker == NULL ||
          convene_document_find_speaker (self->document, convene_speaker_get_id (speaker)) != speaker)
        return FALSE;
      ask_role (self, block, speaker);
      return TRUE;
    }
  return FALSE;
}

void
_convene_timeline_view_add_drop_target (ConveneTimelineView *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  GType payloads[] = { CONVENE_TYPE_SEGMENT, CONVENE_TYPE_SEGMENT_KIND, CONVENE_TYPE_SPEAKER };

  gtk_drop_target_set_gtypes (drop, payloads, G_N_ELEMENTS (payloads));
  g_signal_connect (drop, "motion", G_CALLBACK (drop_motion), self);
  g_signal_connect (drop, "enter", G_CALLBACK (drop_motion), self);
  g_signal_connect (drop, "leave", G_CALLBACK (drop_leave), self);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_done), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (drop));
}

static GdkContentProvider *
block_drag_prepare (GtkDragSource       *source,
                    double               x,
                    double               y,
                    ConveneSegmentBlock *block)
{
  ConveneSegment *segment = convene_segment_block_get_segment (block);

  /* The free time around a card is no part of its segment. */
  if (segment == NULL || !convene_segment_block_is_on_card (block, x, y))
    return NULL;
  return gdk_content_provider_new_typed (CONVENE_TYPE_SEGMENT, segment);
}

static void
block_drag_begin (GtkDragSource       *source,
                  GdkDrag             *drag,
                  ConveneSegmentBlock *block)
{
  g_autoptr(GdkPaintable) live = gtk_widget_paintable_new (GTK_WIDGET (block));
  /* A still picture: while the list scrolls under the drag, the block's
   * widget may be given another segment to show. */
  g_autoptr(GdkPaintable) picture = gdk_paintable_get_current_image (live);

  gtk_drag_source_set_icon (source, picture, 24, 16);
}

/* Resizing by the bottom edge: the duration changes live on the segment
 * while dragging (a preview, not in the history), then one command. */

void
_convene_timeline_view_resize_restore (ConveneTimelineView *self)
{
  if (self->resizing == NULL)
    return;
  g_clear_object (&self->resizing);
  self->resize_gesture = NULL;
  if (self->session != NULL)
    _convene_timeline_view_refresh (self);
}

/* Where a point of the handle is in the scroller. The handle moves down as
 * the block it resizes grows: measured against the handle, the pointer
 * would seem to come back up by as much, and the length would swing. */
static double
pointer_in_scroller (ConveneTimelineView *self,
                     GtkGestureDrag      *gesture,
                     double               x,
                     double               y)
{
  GtkWidget *handle = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  double scroller_x, scroller_y;

  if (!gtk_widget_translate_coordinates (handle, self->scroller, x, y, &scroller_x, &scroller_y))
    return y;
  return scroller_y;
}

static void
resize_begin (GtkGestureDrag      *gesture,
              double               x,
              double               y,
              ConveneSegmentBlock *block)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (block),
                                                                              CONVENE_TYPE_TIMELINE_VIEW));
  ConveneSegment *segment = convene_segment_block_get_segment (block);

  if (self == NULL || segment == NULL || !_convene_timeline_view_is_writable (self))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_set_object (&self->resizing, segment);
  self->resize_gesture = GTK_GESTURE (gesture);
  self->resize_original = convene_segment_get_duration (segment);
  self->resize_minutes = self->resize_original;
  self->resize_start_y = pointer_in_scroller (self, gesture, x, y);
}

static void
resize_update (GtkGestureDrag      *gesture,
               double               dx,
               double               dy,
               ConveneSegmentBlock *block)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (block),
                                                                              CONVENE_TYPE_TIMELINE_VIEW));
  GdkModifierType state;
  double start_x, start_y;
  double minutes;
  int step;
  int value;

  if (self == NULL || self->resizing == NULL)
    return;
  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  step = (state & GDK_SHIFT_MASK) ? 1 : 5;
  gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
  dy = pointer_in_scroller (self, gesture, start_x + dx, start_y + dy) - self->resize_start_y;
  /* At the zoom shown, though never coarser than a minute a pixel. */
  minutes = self->resize_original + dy / MAX (self->px_per_minute, 1.0);
  value = (int) (minutes / step + 0.5) * step;
  value = CLAMP (value, step, CONVENE_MAX_DURATION_MINUTES);
  if ((guint) value != self->resize_minutes)
    {
      self->resize_minutes = (guint) value;
      _convene_timeline_view_refresh (self);
    }
}

static void
resize_end (GtkGestureDrag      *gesture,
            double               dx,
            double               dy,
            ConveneSegmentBlock *block)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (block),
                                                                              CONVENE_TYPE_TIMELINE_VIEW));
  g_autoptr(ConveneSegment) segment = NULL;
  guint value;

  if (self == NULL || self->resizing == NULL)
    return;
  segment = g_object_ref (self->resizing);
  value = self->resize_minutes;
  _convene_timeline_view_resize_restore (self);
  if (value != self->resize_original)
    _convene_timeline_view_set_duration (self, segment, value, _("resized"));
}

static void
resize_cancel (GtkGesture          *gesture,
               GdkEventSequence    *sequence,
               ConveneSegmentBlock *block)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (block),
                                                                              CONVENE_TYPE_TIMELINE_VIEW));

  if (self == NULL || self->resizing == NULL)
    return;
  _convene_timeline_view_resize_restore (self);
}

void
_convene_timeline_view_add_block_drags (GtkWidget *block)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkGesture *resize = gtk_gesture_drag_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (block_drag_prepare), block);
  g_signal_connect (source, "drag-begin", G_CALLBACK (block_drag_begin), block);
  gtk_widget_add_controller (block, GTK_EVENT_CONTROLLER (source));

  g_signal_connect (resize, "drag-begin", G_CALLBACK (resize_begin), block);
  g_signal_connect (resize, "drag-update", G_CALLBACK (resize_update), block);
  g_signal_connect (resize, "drag-end", G_CALLBACK (resize_end), block);
  g_signal_connect (resize, "cancel", G_CALLBACK (resize_cancel), block);
  gtk_widget_add_controller (convene_segment_block_get_handle (CONVENE_SEGMENT_BLOCK (block)),
                             GTK_EVENT_CONTROLLER (resize));
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             ConveneTimelineView   *self)
{
  GtkGesture *gesture = self->resize_gesture;

  if (keyval != GDK_KEY_Escape || self->resizing == NULL)
    return FALSE;
  _convene_timeline_view_resize_restore (self);
  if (gesture != NULL)
    gtk_event_controller_reset (GTK_EVENT_CONTROLLER (gesture));
  return TRUE;
}

void
_convene_timeline_view_add_escape_key (ConveneTimelineView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* The palette */

void
_convene_timeline_view_build_palette (ConveneTimelineView *self)
{
  self->palette = convene_kind_palette_new ("timeline.insert-kind");
}
