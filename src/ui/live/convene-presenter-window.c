#define G_LOG_DOMAIN "convene-presenter"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-fit-label.h"
#include "convene-presenter-window.h"

/* The project's warning threshold, in its file's view settings. */
#define WARNING_SETTING "presenter-warning-minutes"

struct _ConvenePresenterWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwHeaderBar    *header_bar;
  GtkWidget       *stage;
  ConveneFitLabel *title_label;
  ConveneFitLabel *countdown_label;
  ConveneFitLabel *next_label;
  ConveneFitLabel *message_label;
  ConveneFitLabel *blackout;

  /* owned */
  ConveneLive     *live;
  ConveneDocument *document;
  char            *message;
  char            *spoken;       /* the countdown's accessible description */
  guint            tick;

  ConvenePresenterEffect effect;
  ConvenePresenterPhase  phase;
  guint                  warning_minutes;
};

G_DEFINE_FINAL_TYPE (ConvenePresenterWindow, convene_presenter_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const phase_classes[] = { NULL, "warning", "overtime" };

static void refresh (ConvenePresenterWindow *self);

/* A step as the room knows it: an item under its panel's title. */
static char *
step_title (ConveneLive *live,
            guint        step)
{
  ConveneSegment *panel = convene_live_get_step_panel (live, step);
  const char *title = convene_segment_get_title (convene_live_get_step_segment (live, step));

  if (title == NULL || *title == '\0')
    title = _("Untitled segment");
  if (panel != NULL)
    {
      const char *panel_title = convene_segment_get_title (panel);

      if (panel_title != NULL && *panel_title != '\0')
        /* Translators: a panel's title, then the title of its item running now */
        return g_strdup_printf (_("%s · %s"), panel_title, title);
    }
  return g_strdup (title);
}

static ConvenePresenterPhase
phase_for (ConvenePresenterWindow *self,
           gint64                  left)
{
  if (left <= 0)
    return CONVENE_PRESENTER_PHASE_OVERTIME;
  if (self->warning_minutes > 0 && left <= (gint64) self->warning_minutes * CONVENE_LIVE_MINUTE)
    return CONVENE_PRESENTER_PHASE_WARNING;
  return CONVENE_PRESENTER_PHASE_NORMAL;
}

/* The time left in words, to the minute: said again only when it changes,
 * so a screen reader is not told every second. */
static char *
describe_left (gint64 left)
{
  if (left > 0)
    {
      gint64 minutes = (left + CONVENE_LIVE_MINUTE - 1) / CONVENE_LIVE_MINUTE;

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute left", "%d minutes left",
                                           (gulong) minutes),
                              (int) minutes);
    }
  else
    {
      gint64 minutes = -left / CONVENE_LIVE_MINUTE;

      if (minutes == 0)
        return g_strdup (_("Time is up"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute over time", "%d minutes over time",
                                           (gulong) minutes),
                              (int) minutes);
    }
}

static void
set_phase (ConvenePresenterWindow *self,
           ConvenePresenterPhase   phase)
{
  if (self->phase == phase)
    return;
  if (phase_classes[self->phase] != NULL)
    gtk_widget_remove_css_class (self->stage, phase_classes[self->phase]);
  self->phase = phase;
  if (phase_classes[phase] != NULL)
    gtk_widget_add_css_class (self->stage, phase_classes[phase]);
}

static void
set_spoken (ConvenePresenterWindow *self,
            char                   *spoken)
{
  if (g_strcmp0 (self->spoken, spoken) == 0)
    {
      g_free (spoken);
      return;
    }
  g_free (self->spoken);
  self->spoken = spoken;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->countdown_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken,
                                  -1);
}

static void
refresh (ConvenePresenterWindow *self)
{
  ConveneLive *live = self->live;
  guint n = convene_live_get_n_steps (live);
  int current = convene_live_get_current (live);
  g_autofree char *title = NULL;
  g_autofree char *countdown = NULL;
  g_autofree char *next = NULL;
  g_autofree char *next_title = NULL;
  guint step;

  if (convene_live_get_finished (live) || n == 0)
    {
      convene_fit_label_set_label (self->title_label, n == 0 ? _("Nothing to run") : _("The session has ended"));
      convene_fit_label_set_label (self->countdown_label, NULL);
      convene_fit_label_set_label (self->next_label, NULL);
      gtk_widget_remove_css_class (self->stage, "held");
      set_phase (self, CONVENE_PRESENTER_PHASE_NORMAL);
      set_spoken (self, g_strdup (n == 0 ? _("Nothing to run") : _("The session has ended")));
      return;
    }

  if (current < 0)
    {
      /* Before the start: the first segment and the time it has. */
      step = 0;
      title = step_title (live, 0);
      countdown = convene_live_format_duration (convene_live_get_allotted (live, 0));
      set_phase (self, CONVENE_PRESENTER_PHASE_NORMAL);
      set_spoken (self, g_strdup (_("Not started yet")));
    }
  else
    {
      gint64 left = convene_live_get_time_left (live);
      g_autofree char *name = step_title (live, current);

      step = current;
      if (convene_live_get_held (live))
        /* Translators: the segment running, while the operator holds the clock */
        title = g_strdup_printf (_("On hold: %s"), name);
      else
        title = g_steal_pointer (&name);
      countdown = convene_live_format_duration (left);
      set_phase (self, phase_for (self, left));
      set_spoken (self, describe_left (left));
    }

  if (convene_live_get_held (live))
    gtk_widget_add_css_class (self->stage, "held");
  else
    gtk_widget_remove_css_class (self->stage, "held");

  if (step + 1 < n)
    {
      next_title = step_title (live, step + 1);
      /* Translators: the segment after the one on the countdown */
      next = g_strdup_printf (_("Next: %s"), next_title);
    }
  else
    next = g_strdup (_("Last segment"));

  convene_fit_label_set_label (self->title_label, title);
  convene_fit_label_set_label (self->countdown_label, countdown);
  convene_fit_label_set_label (self->next_label, next);
}

/* Once a second, when the countdown's second turns: it shows whole seconds
 * (rounded up before zero, down after), so that is when its text changes. */
static guint
ms_to_next_second (ConveneLive *live)
{
  gint64 left = convene_live_get_time_left (live);
  gint64 within;

  if (convene_live_get_current (live) < 0 || convene_live_get_held (live))
    return 1000;
  within = left > 0 ? left % G_USEC_PER_SEC : G_USEC_PER_SEC - (-left) % G_USEC_PER_SEC;
  if (within <= 0)
    within = G_USEC_PER_SEC;
  /* A little after the turn, never a busy loop. */
  return (guint) CLAMP (within / 1000 + 5, 20, 1000);
}

static gboolean
tick_cb (gpointer user_data)
{
  ConvenePresenterWindow *self = user_data;

  refresh (self);
  self->tick = g_timeout_add (ms_to_next_second (self->live), tick_cb, self);
  return G_SOURCE_REMOVE;
}

static void
start_ticking (ConvenePresenterWindow *self)
{
  g_clear_handle_id (&self->tick, g_source_remove);
  self->tick = g_timeout_add (ms_to_next_second (self->live), tick_cb, self);
}

static void
live_changed (ConvenePresenterWindow *self)
{
  refresh (self);
  /* The clock may have moved to another step: count from its second. */
  if (self->tick != 0)
    start_ticking (self);
}

/* Blinking only where the desktop allows animations; otherwise the band
 * stays lit, with a stronger frame, so a blink still reads as urgent. */
static void
update_message_style (ConvenePresenterWindow *self)
{
  gboolean animate = FALSE;
  gboolean blink = self->effect == CONVENE_PRESENTER_EFFECT_BLINK;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animate, NULL);
  if (blink && animate)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "blink");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "blink");
  if (blink && !animate)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "steady");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "steady");
}

static void
fullscreen_changed (ConvenePresenterWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar),
                          !gtk_window_is_fullscreen (GTK_WINDOW (self)));
}

static void
fullscreen_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
leave_fullscreen_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  gtk_window_unfullscreen (GTK_WINDOW (widget));
}

static void
convene_presenter_window_map (GtkWidget *widget)
{
  ConvenePresenterWindow *self = CONVENE_PRESENTER_WINDOW (widget);

  GTK_WIDGET_CLASS (convene_presenter_window_parent_class)->map (widget);
  refresh (self);
  start_ticking (self);
}

static void
convene_presenter_window_unmap (GtkWidget *widget)
{
  ConvenePresenterWindow *self = CONVENE_PRESENTER_WINDOW (widget);

  g_clear_handle_id (&self->tick, g_source_remove);
  GTK_WIDGET_CLASS (convene_presenter_window_parent_class)->unmap (widget);
}

static void
convene_presenter_window_constructed (GObject *object)
{
  ConvenePresenterWindow *self = CONVENE_PRESENTER_WINDOW (object);

  G_OBJECT_CLASS (convene_presenter_window_parent_class)->constructed (object);

  g_signal_connect_object (self->live, "changed", G_CALLBACK (live_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-enable-animations",
                           G_CALLBACK (update_message_style), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (fullscreen_changed), NULL);
  refresh (self);
}

static void
convene_presenter_window_dispose (GObject *object)
{
  ConvenePresenterWindow *self = CONVENE_PRESENTER_WINDOW (object);

  g_clear_handle_id (&self->tick, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_PRESENTER_WINDOW);
  g_clear_object (&self->live);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (convene_presenter_window_parent_class)->dispose (object);
}

static void
convene_presenter_window_finalize (GObject *object)
{
  ConvenePresenterWindow *self = CONVENE_PRESENTER_WINDOW (object);

  g_free (self->message);
  g_free (self->spoken);

  G_OBJECT_CLASS (convene_presenter_window_parent_class)->finalize (object);
}

static void
convene_presenter_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  ConvenePresenterWindow *self = CONVENE_PRESENTER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIVE:
      g_value_set_object (value, self->live);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_presenter_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  ConvenePresenterWindow *self = CONVENE_PRESENTER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIVE:
      self->live = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_presenter_window_class_init (ConvenePresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = convene_presenter_window_constructed;
  object_class->dispose = convene_presenter_window_dispose;
  object_class->finalize = convene_presenter_window_finalize;
  object_class->get_property = convene_presenter_window_get_property;
  object_class->set_property = convene_presenter_window_set_property;
  widget_class->map = convene_presenter_window_map;
  widget_class->unmap = convene_presenter_window_unmap;

  properties[PROP_LIVE] =
    g_param_spec_object ("live", NULL, NULL, CONVENE_TYPE_LIVE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CONVENE_TYPE_FIT_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/convene/Convene/convene-presenter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConvenePresenterWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ConvenePresenterWindow, stage);
  gtk_widget_class_bind_template_child (widget_class, ConvenePresenterWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ConvenePresenterWindow, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, ConvenePresenterWindow, next_label);
  gtk_widget_class_bind_template_child (widget_class, ConvenePresenterWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, ConvenePresenterWindow, blackout);

  gtk_widget_class_install_action (widget_class, "presenter.fullscreen", NULL, fullscreen_activated);
  gtk_widget_class_install_action (widget_class, "presenter.leave-fullscreen", NULL, leave_fullscreen_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "presenter.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "presenter.leave-fullscreen", NULL);
}

static void
convene_presenter_window_init (ConvenePresenterWindow *self)
{
  self->warning_minutes = CONVENE_PRESENTER_DEFAULT_WARNING_MINUTES;
  self->phase = CONVENE_PRESENTER_PHASE_NORMAL;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "presenter");
}

ConvenePresenterWindow *
convene_presenter_window_new (GtkApplication *app,
                              ConveneLive    *live)
{
  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (CONVENE_IS_LIVE (live), NULL);

  return g_object_new (CONVENE_TYPE_PRESENTER_WINDOW,
                       "application", app,
                       "live", live,
                       NULL);
}

void
convene_presenter_window_set_live (ConvenePresenterWindow *self,
                                   ConveneLive            *live)
{
  g_return_if_fail (CONVENE_IS_PRESENTER_WINDOW (self));
  g_return_if_fail (CONVENE_IS_LIVE (live));

  if (live == self->live)
    return;
  g_signal_handlers_disconnect_by_func (self->live, live_changed, self);
  g_set_object (&self->live, live);
  g_signal_connect_object (self->live, "changed", G_CALLBACK (live_changed), self, G_CONNECT_SWAPPED);
  live_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE]);
}

ConveneLive *
convene_presenter_window_get_live (ConvenePresenterWindow *self)
{
  g_return_val_if_fail (CONVENE_IS_PRESENTER_WINDOW (self), NULL);
  return self->live;
}

void
convene_presenter_window_set_document (ConvenePresenterWindow *self,
                                       ConveneDocument        *document)
{
  g_autofree char *value = NULL;
  guint64 minutes = CONVENE_PRESENTER_DEFAULT_WARNING_MINUTES;

  g_return_if_fail (CONVENE_IS_PRESENTER_WINDOW (self));
  g_return_if_fail (document == NULL || CONVENE_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document) || document == NULL)
    return;

  value = convene_document_dup_view_setting (document, WARNING_SETTING);
  /* Anything but a number of minutes reads as the default. */
  if (value == NULL ||
      !g_ascii_string_to_unsigned (value, 10, 0, CONVENE_PRESENTER_MAX_WARNING_MINUTES, &minutes, NULL))
    minutes = CONVENE_PRESENTER_DEFAULT_WARNING_MINUTES;
  self->warning_minutes = (guint) minutes;
  refresh (self);
}

/* The message band in the lower two fifths of the stage, in place of the
 * next segment, the countdown moved up above it: the presenter still sees
 * the time. */
static void
show_band (ConvenePresenterWindow *self,
           gboolean                shown)
{
  GtkLayoutManager *grid = gtk_widget_get_layout_manager (self->stage);
  GtkLayoutChild *countdown = gtk_layout_manager_get_layout_child (grid, GTK_WIDGET (self->countdown_label));

  gtk_widget_set_visible (GTK_WIDGET (self->message_label), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->next_label), !shown);
  gtk_grid_layout_child_set_row_span (GTK_GRID_LAYOUT_CHILD (countdown), shown ? 2 : 3);
}

void
convene_presenter_window_show_message (ConvenePresenterWindow *self,
                                       const char             *text,
                                       ConvenePresenterEffect  effect)
{
  gboolean blackout = effect == CONVENE_PRESENTER_EFFECT_BLACKOUT;

  g_return_if_fail (CONVENE_IS_PRESENTER_WINDOW (self));
  g_return_if_fail (effect <= CONVENE_PRESENTER_EFFECT_BLACKOUT);

  if (!blackout && (text == NULL || *text == '\0'))
    {
      convene_presenter_window_clear_message (self);
      return;
    }

  g_free (self->message);
  self->message = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
  self->effect = effect;

  convene_fit_label_set_label (self->message_label, blackout ? NULL : self->message);
  convene_fit_label_set_label (self->blackout, blackout ? self->message : NULL);
  update_message_style (self);
  show_band (self, !blackout);
  gtk_widget_set_visible (GTK_WIDGET (self->blackout), blackout);
  /* Under a black screen the rest is not there for a screen reader either. */
  gtk_widget_set_visible (self->stage, !blackout);
}

void
convene_presenter_window_clear_message (ConvenePresenterWindow *self)
{
  g_return_if_fail (CONVENE_IS_PRESENTER_WINDOW (self));

  g_clear_pointer (&self->message, g_free);
  self->effect = CONVENE_PRESENTER_EFFECT_NONE;
  convene_fit_label_set_label (self->message_label, NULL);
  convene_fit_label_set_label (self->blackout, NULL);
  update_message_style (self);
  show_band (self, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->blackout), FALSE);
  gtk_widget_set_visible (self->stage, TRUE);
}

const char *
convene_presenter_window_get_message (ConvenePresenterWindow *self)
{
  g_return_val_if_fail (CONVENE_IS_PRESENTER_WINDOW (self), NULL);
  return self->message;
}

ConvenePresenterEffect
convene_presenter_window_get_effect (ConvenePresenterWindow *self)
{
  g_return_val_if_fail (CONVENE_IS_PRESENTER_WINDOW (self), CONVENE_PRESENTER_EFFECT_NONE);
  return self->effect;
}

void
convene_presenter_window_set_warning_minutes (ConvenePresenterWindow *self,
                                              guint                   minutes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_return_if_fail (CONVENE_IS_PRESENTER_WINDOW (self));

  minutes = MIN (minutes, CONVENE_PRESENTER_MAX_WARNING_MINUTES);
  if (minutes == self->warning_minutes)
    return;
  self->warning_minutes = minutes;
  refresh (self);

  if (self->document == NULL)
    return;
  value = g_strdup_printf ("%u", minutes);
  /* A threshold that could not be saved still holds while the window is
   * open; the file's trouble is reported by the next edit. */
  if (!convene_document_set_view_setting (self->document, WARNING_SETTING, value, &error))
    g_debug ("The warning minutes were not saved: %s", error->message);
}

guint
convene_presenter_window_get_warning_minutes (ConvenePresenterWindow *self)
{
  g_return_val_if_fail (CONVENE_IS_PRESENTER_WINDOW (self), CONVENE_PRESENTER_DEFAULT_WARNING_MINUTES);
  return self->warning_minutes;
}

ConvenePresenterPhase
convene_presenter_window_get_phase (ConvenePresenterWindow *self)
{
  g_return_val_if_fail (CONVENE_IS_PRESENTER_WINDOW (self), CONVENE_PRESENTER_PHASE_NORMAL);
  return self->phase;
}

void
convene_presenter_window_present_on_monitor (ConvenePresenterWindow *self,
                                             GdkMonitor             *monitor)
{
  g_return_if_fail (CONVENE_IS_PRESENTER_WINDOW (self));
  g_return_if_fail (monitor == NULL || GDK_IS_MONITOR (monitor));

  if (monitor != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
}
