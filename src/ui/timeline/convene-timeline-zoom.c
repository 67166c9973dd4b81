#define G_LOG_DOMAIN "convene-timeline-view"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-timeline-view-private.h"
#include "convene-ui-util.h"

/* The timeline's zoom: how many pixels a minute takes. Level 0 fits the
 * session's slot (and whatever runs past it) to the height of the list;
 * each level is a step closer, up to a close-up where a 5 min segment is
 * as tall as the smallest block. The level is how the planner looks at the
 * project, saved in its file as a view setting: not an edit, so not undone. */

#define ZOOM_SETTING   "timeline-zoom"
#define ZOOM_STEP      G_SQRT2
#define CLOSE_UP       8.0   /* pixels per minute */
#define FARTHEST       0.02  /* pixels per minute: a congress day of minimum blocks */
#define MAX_ZOOM_LEVEL 40

/* How tall the list's rows are at px_per_minute, from each row's minutes. */
static double
total_height (const GArray *minutes,
              double        px_per_minute)
{
  double total = 0;

  for (guint i = 0; i < minutes->len; i++)
    {
      ConveneBlockHeights heights;

      convene_segment_block_heights_at (&g_array_index (minutes, ConveneBlockMinutes, i), px_per_minute, &heights);
      total += heights.gap + heights.card + heights.tail + CONVENE_BLOCK_ROW_PADDING;
    }
  return total;
}

/* The largest scale at which every row fits in height. When even the
 * minimum heights do not, the largest at which every block still is at its
 * minimum: any farther would look the same, so each step in from there
 * shows. The rows' minutes are read once for the many scales tried. */
static double
fit_scale (ConveneSchedule *schedule,
           int              height)
{
  guint n = convene_schedule_get_n_entries (schedule);
  g_autoptr(GArray) minutes = NULL;
  double low = FARTHEST, high = CLOSE_UP;
  double room;

  if (height <= 0 || n == 0)
    return CLOSE_UP;
  minutes = g_array_sized_new (FALSE, FALSE, sizeof (ConveneBlockMinutes), n);
  g_array_set_size (minutes, n);
  for (guint i = 0; i < n; i++)
    convene_segment_block_minutes (schedule, convene_schedule_get_entry (schedule, i),
                                   &g_array_index (minutes, ConveneBlockMinutes, i));
  room = MAX (height, total_height (minutes, low));
  if (total_height (minutes, high) <= room)
    return high;
  /* Heights only grow with the scale: halve the interval until it is
   * finer than a pixel makes a difference. */
  for (int i = 0; i < 24 && high - low > 0.0005; i++)
    {
      double middle = (low + high) / 2;

      if (total_height (minutes, middle) <= room)
        low = middle;
      else
        high = middle;
    }
  return low;
}

/* The scale at level steps closer than fit, up to the close-up. */
static double
level_scale (double fit,
             int    level)
{
  double scale = fit;

  for (int i = 0; i < level && scale < CLOSE_UP; i++)
    scale *= ZOOM_STEP;
  return MIN (scale, MAX (fit, CLOSE_UP));
}

/* The closest level there is from fit (0 when fit is already a close-up). */
static int
max_level (double fit)
{
  int level = 0;

  while (level < MAX_ZOOM_LEVEL && level_scale (fit, level) < CLOSE_UP)
    level++;
  return level;
}

static void
update_actions (ConveneTimelineView *self)
{
  gboolean has_rows = self->schedule != NULL && convene_schedule_get_n_entries (self->schedule) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-in",
                                 has_rows && self->shown_zoom_level < self->max_zoom_level);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-out", has_rows && self->shown_zoom_level > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-fit", has_rows && self->shown_zoom_level > 0);
}

void
_convene_timeline_view_update_scale (ConveneTimelineView *self)
{
  double fit;

  /* A block whose edge is being dragged keeps the scale it started at,
   * so it follows the pointer; a proposal shows at the scale of what it
   * changes, so the blocks it shortens look shorter. */
  if (self->schedule == NULL || self->resizing != NULL || _convene_timeline_view_has_ghost (self))
    {
      update_actions (self);
      return;
    }
  /* The list's own border and padding are not room for rows. The fit
   * changes with the height and the session, and in the fitted view with
   * every edit, never with a zoom step. Closer in, an edit keeps the scale:
   * a block whose edge was dragged ends under the pointer, and the others
   * do not grow or shrink because it did. */
  if (self->fit_schedule == NULL || self->fit_height != self->viewport_height ||
      self->fit_session != self->session || (self->zoom_level == 0 && self->fit_schedule != self->schedule))
    {
      self->fit_height = self->viewport_height;
      g_set_object (&self->fit_session, self->session);
      self->fit = fit_scale (self->schedule, self->viewport_height - 8);
    }
  if (self->fit_schedule != self->schedule)
    {
      g_clear_pointer (&self->fit_schedule, convene_schedule_unref);
      self->fit_schedule = convene_schedule_ref (self->schedule);
    }
  fit = self->fit;
  self->max_zoom_level = max_level (fit);
  self->shown_zoom_level = MIN (self->zoom_level, self->max_zoom_level);
  self->px_per_minute = level_scale (fit, self->shown_zoom_level);
  update_actions (self);
}

/* Zooms to level (clamped), keeps the selected block in view and saves the
 * level with the project. */
static void
set_zoom_level (ConveneTimelineView *self,
                int                  level)
{
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;
  ConveneSegment *selected;

  level = CLAMP (level, 0, self->max_zoom_level);
  if (self->document == NULL || level == self->shown_zoom_level)
    return;
  self->zoom_level = level;
  /* Back to the fitted view: fit what the session holds now. */
  if (level == 0)
    g_clear_pointer (&self->fit_schedule, convene_schedule_unref);
  _convene_timeline_view_refresh (self);

  selected = convene_timeline_view_get_selected_segment (self);
  if (selected != NULL)
    convene_timeline_view_select_segment (self, selected);

  value = g_strdup_printf ("%d", level);
  /* A zoom that could not be saved still holds while the project is open;
   * the file's trouble is reported by the next edit. */
  if (!convene_document_set_view_setting (self->document, ZOOM_SETTING, value, &error))
    g_debug ("The zoom was not saved: %s", error->message);
}

void
_convene_timeline_view_load_zoom (ConveneTimelineView *self)
{
  g_autofree char *value = NULL;
  gint64 level = 0;

  if (self->document != NULL)
    value = convene_document_dup_view_setting (self->document, ZOOM_SETTING);
  /* Anything but a level reads as the fitted view. */
  if (value == NULL || !g_ascii_string_to_signed (value, 10, 0, MAX_ZOOM_LEVEL, &level, NULL))
    level = 0;
  self->zoom_level = (int) level;
}

int
convene_timeline_view_get_zoom_level (ConveneTimelineView *self)
{
  g_return_val_if_fail (CONVENE_IS_TIMELINE_VIEW (self), 0);

  return self->shown_zoom_level;
}

double
convene_timeline_view_get_px_per_minute (ConveneTimelineView *self)
{
  g_return_val_if_fail (CONVENE_IS_TIMELINE_VIEW (self), 0);

  return self->px_per_minute;
}

static void
zoom_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);

  if (g_str_equal (action_name, "timeline.zoom-in"))
    set_zoom_level (self, self->shown_zoom_level + 1);
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    set_zoom_level (self, self->shown_zoom_level - 1);
  else
    set_zoom_level (self, 0);
}

void
_convene_timeline_view_install_zoom_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, zoom_activated);
}

/* Ctrl and the wheel zoom; a touchpad's smooth scrolling adds up to whole
 * steps. Without Ctrl the list scrolls as ever. */
static gboolean
scrolled (GtkEventControllerScroll *controller,
          double                    dx,
          double                    dy,
          ConveneTimelineView      *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0)
    return FALSE;
  self->zoom_scroll += dy;
  while (self->zoom_scroll <= -1)
    {
      self->zoom_scroll += 1;
      set_zoom_level (self, self->shown_zoom_level + 1);
    }
  while (self->zoom_scroll >= 1)
    {
      self->zoom_scroll -= 1;
      set_zoom_level (self, self->shown_zoom_level - 1);
    }
  return TRUE;
}

static GtkWidget *
zoom_button (const char *icon_name,
             const char *action_name,
             const char *tooltip)
{
  GtkWidget *button = convene_ui_icon_button (icon_name, action_name, tooltip);

  gtk_widget_add_css_class (button, "flat");
  return button;
}

GtkWidget *
_convene_timeline_view_build_zoom (ConveneTimelineView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_add_css_class (box, "zoom");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), zoom_button ("zoom-out-symbolic", "timeline.zoom-out", _("Zoom Out")));
  gtk_box_append (GTK_BOX (box), zoom_button ("zoom-fit-best-symbolic", "timeline.zoom-fit",
                                              _("Fit the Slot to the Window")));
  gtk_box_append (GTK_BOX (box), zoom_button ("zoom-in-symbolic", "timeline.zoom-in", _("Zoom In")));
  return box;
}

void
_convene_timeline_view_add_zoom_scroll (ConveneTimelineView *self)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  /* Before the list scrolls: Ctrl and the wheel never scroll it too. */
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scrolled), self);
  gtk_widget_add_controller (self->scroller, scroll);
}
