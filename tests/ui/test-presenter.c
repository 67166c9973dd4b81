/* The presenter window, driven as the operator's view drives it: a live
 * engine on a clock the test moves by hand, and the window's API. What the
 * room reads (countdown, phase colour, title, next segment, messages), how
 * the texts follow the window's size, reduced motion, the accessible
 * description, and the warning minutes kept in the project file.
 * Pictures at 1280×720 go to $CONVENE_SHOTS_DIR when set. */
#include "config.h"

#include <glib/gstdio.h>

#include "ui-test-support.h"
#include "convene-fit-label.h"
#include "convene-presenter-window.h"
#include "../live-test-clock.h"

#define MINUTE CONVENE_LIVE_MINUTE
#define SECOND G_USEC_PER_SEC

static char *tmp_dir;

typedef struct {
  GFile                  *file;
  ConveneDocument        *document;
  ConveneSession         *session;
  TestClock               clock;
  ConveneLive            *live;
  ConvenePresenterWindow *window;
} Fixture;

static ConveneLive *
live_for (Fixture *f)
{
  g_autoptr(GTimeZone) tz = convene_project_dup_gtime_zone (convene_document_get_project (f->document));

  g_clear_object (&f->session);
  f->session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (convene_document_get_project (f->document))), 0);
  return convene_live_new (f->session, tz, test_clock_read, &f->clock, NULL);
}

static ConvenePresenterWindow *
show_presenter (ConveneLive *live,
                int          width,
                int          height)
{
  ConvenePresenterWindow *window = convene_presenter_window_new (NULL, live);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (widget_is_mapped, window, "the presenter window to be shown");
  return window;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (tmp_dir, "presenter.convene", NULL);

  f->file = g_file_new_for_path (path);
  f->document = create_example (f->file);
  f->live = live_for (f);
  f->clock.now = convene_live_get_planned_start (f->live, 0) - 5 * MINUTE;
  f->window = show_presenter (f->live, 1280, 720);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->live);
  g_clear_object (&f->session);
  g_clear_object (&f->document);
  remove_project_file (f->file);
  g_clear_object (&f->file);
}

static ConveneFitLabel *
fit_label (ConvenePresenterWindow *window,
           const char             *id)
{
  return CONVENE_FIT_LABEL (require_widget (GTK_WIDGET (window), id));
}

typedef struct {
  ConveneFitLabel *label;
  const char      *text;
} Shows;

static gboolean
shows_text (gpointer data)
{
  Shows *shows = data;

  return g_strcmp0 (convene_fit_label_get_label (shows->label), shows->text) == 0;
}

/* Waits until the label id shows text: the window follows the engine's
 * clock by itself, once a second. */
static void
wait_for_text (ConvenePresenterWindow *window,
               const char             *id,
               const char             *text)
{
  Shows shows = { fit_label (window, id), text };
  g_autofree char *what = g_strdup_printf ("%s to show “%s”", id, text ? text : "(nothing)");

  wait_until (shows_text, &shows, what);
}

static void
assert_text (ConvenePresenterWindow *window,
             const char             *id,
             const char             *text)
{
  g_assert_cmpstr (convene_fit_label_get_label (fit_label (window, id)), ==, text);
}

/* The stage's phase class, as the countdown's colour shows it. */
static void
assert_phase (ConvenePresenterWindow *window,
              ConvenePresenterPhase   phase)
{
  GtkWidget *stage = require_widget (GTK_WIDGET (window), "stage");

  g_assert_cmpint (convene_presenter_window_get_phase (window), ==, phase);
  g_assert_cmpint (gtk_widget_has_css_class (stage, "warning"), ==, phase == CONVENE_PRESENTER_PHASE_WARNING);
  g_assert_cmpint (gtk_widget_has_css_class (stage, "overtime"), ==, phase == CONVENE_PRESENTER_PHASE_OVERTIME);
}

/* Moves the clock to the instant the current step has left to go. */
static void
set_left (Fixture *f,
          gint64   left)
{
  f->clock.now += convene_live_get_time_left (f->live) - left;
}

static void
test_countdown (Fixture       *f,
                gconstpointer  data)
{
  ConvenePresenterWindow *window = f->window;
  guint n = convene_live_get_n_steps (f->live);

  /* Before the start: the first segment and the time it has. */
  assert_text (window, "title_label", "I. Opening remarks and introductions by co-sponsoring country, WHO and IOM");
  assert_text (window, "countdown_label", "10:00");
  g_assert_true (g_str_has_prefix (convene_fit_label_get_label (fit_label (window, "next_label")), "Next: "));
  assert_phase (window, CONVENE_PRESENTER_PHASE_NORMAL);
  render_shot (GTK_WIDGET (window), "presenter-before-start.png");

  /* Started: shown at once, then counting down with the clock. */
  f->clock.now = convene_live_get_planned_start (f->live, 0);
  g_assert_true (convene_live_start (f->live));
  assert_text (window, "countdown_label", "10:00");
  f->clock.now += SECOND;
  wait_for_text (window, "countdown_label", "9:59");
  f->clock.now += 400000;
  wait_for_text (window, "countdown_label", "9:59");
  assert_phase (window, CONVENE_PRESENTER_PHASE_NORMAL);
  render_shot (GTK_WIDGET (window), "presenter-normal.png");

  /* The warning at two minutes left, not a second before. */
  set_left (f, 2 * MINUTE + SECOND);
  wait_for_text (window, "countdown_label", "2:01");
  assert_phase (window, CONVENE_PRESENTER_PHASE_NORMAL);
  set_left (f, 2 * MINUTE);
  wait_for_text (window, "countdown_label", "2:00");
  assert_phase (window, CONVENE_PRESENTER_PHASE_WARNING);
  render_shot (GTK_WIDGET (window), "presenter-warning.png");
  set_left (f, 1);
  wait_for_text (window, "countdown_label", "0:01");
  assert_phase (window, CONVENE_PRESENTER_PHASE_WARNING);

  /* Overtime at zero, and counting on past it. */
  set_left (f, 0);
  wait_for_text (window, "countdown_label", "0:00");
  assert_phase (window, CONVENE_PRESENTER_PHASE_OVERTIME);
  set_left (f, -65 * SECOND);
  wait_for_text (window, "countdown_label", "−1:05");
  assert_phase (window, CONVENE_PRESENTER_PHASE_OVERTIME);
  render_shot (GTK_WIDGET (window), "presenter-overtime.png");

  /* The next segment starts: a new countdown, at once. The panel's talks
   * are shown under the panel's title. */
  g_assert_true (convene_live_next (f->live, CONVENE_LIVE_PUSH));
  g_assert_nonnull (convene_live_get_step_panel (f->live, 1));
  {
    g_autofree char *expected = g_strdup_printf ("%s · %s",
                                                 convene_segment_get_title (convene_live_get_step_panel (f->live, 1)),
                                                 convene_segment_get_title (convene_live_get_step_segment (f->live, 1)));
    g_autofree char *next = g_strdup_printf ("Next: %s · %s",
                                             convene_segment_get_title (convene_live_get_step_panel (f->live, 2)),
                                             convene_segment_get_title (convene_live_get_step_segment (f->live, 2)));
    g_autofree char *countdown = convene_live_format_duration (convene_live_get_allotted (f->live, 1));

    assert_text (window, "title_label", expected);
    assert_text (window, "next_label", next);
    assert_text (window, "countdown_label", countdown);
    assert_phase (window, CONVENE_PRESENTER_PHASE_NORMAL);

    /* On hold: said in the title; the countdown stands still. */
    f->clock.now += 30 * SECOND;
    g_assert_true (convene_live_hold (f->live));
    g_assert_true (g_str_has_prefix (convene_fit_label_get_label (fit_label (window, "title_label")), "On hold: "));
    g_assert_true (gtk_widget_has_css_class (require_widget (GTK_WIDGET (window), "stage"), "held"));
    g_assert_true (convene_live_resume (f->live));
    assert_text (window, "title_label", expected);
  }

  /* The last segment has no next one; after it, the session has ended. */
  g_assert_true (convene_live_jump (f->live, n - 1, CONVENE_LIVE_PUSH));
  assert_text (window, "next_label", "Last segment");
  g_assert_true (convene_live_next (f->live, CONVENE_LIVE_PUSH));
  assert_text (window, "title_label", "The session has ended");
  assert_text (window, "countdown_label", NULL);
  assert_phase (window, CONVENE_PRESENTER_PHASE_NORMAL);
}

static void
set_animations (gboolean enable)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", enable, NULL);
}

static void
test_messages (Fixture       *f,
               gconstpointer  data)
{
  ConvenePresenterWindow *window = f->window;
  GtkWidget *band = require_widget (GTK_WIDGET (window), "message_label");
  GtkWidget *next = require_widget (GTK_WIDGET (window), "next_label");
  GtkWidget *blackout = require_widget (GTK_WIDGET (window), "blackout");
  GtkWidget *stage = require_widget (GTK_WIDGET (window), "stage");

  f->clock.now = convene_live_get_planned_start (f->live, 0);
  g_assert_true (convene_live_start (f->live));
  set_left (f, 5 * MINUTE);
  g_signal_emit_by_name (f->live, "changed");
  assert_text (window, "countdown_label", "5:00");
  g_assert_false (gtk_widget_get_visible (band));

  set_animations (TRUE);
  convene_presenter_window_show_message (window, "5 minutes", CONVENE_PRESENTER_EFFECT_NONE);
  g_assert_true (gtk_widget_get_visible (band));
  assert_text (window, "message_label", "5 minutes");
  g_assert_false (gtk_widget_has_css_class (band, "blink"));
  g_assert_false (gtk_widget_has_css_class (band, "steady"));
  /* The countdown goes on above the band, in place of the next segment. */
  g_assert_true (gtk_widget_get_visible (stage));
  g_assert_false (gtk_widget_get_visible (next));
  render_shot (GTK_WIDGET (window), "presenter-message.png");

  /* Blinking where animations run; a steady highlight where they do not,
   * and when the desktop's setting changes while it is shown. */
  convene_presenter_window_show_message (window, "Wrap up", CONVENE_PRESENTER_EFFECT_BLINK);
  assert_text (window, "message_label", "Wrap up");
  g_assert_cmpint (convene_presenter_window_get_effect (window), ==, CONVENE_PRESENTER_EFFECT_BLINK);
  g_assert_true (gtk_widget_has_css_class (band, "blink"));
  g_assert_false (gtk_widget_has_css_class (band, "steady"));
  set_animations (FALSE);
  g_assert_false (gtk_widget_has_css_class (band, "blink"));
  g_assert_true (gtk_widget_has_css_class (band, "steady"));
  render_shot (GTK_WIDGET (window), "presenter-blink-reduced-motion.png");
  convene_presenter_window_show_message (window, "Wrap up now", CONVENE_PRESENTER_EFFECT_BLINK);
  g_assert_false (gtk_widget_has_css_class (band, "blink"));
  g_assert_true (gtk_widget_has_css_class (band, "steady"));
  set_animations (TRUE);
  g_assert_true (gtk_widget_has_css_class (band, "blink"));

  /* Blackout: a black screen, with the message when there is one. */
  convene_presenter_window_show_message (window, "Back in five minutes", CONVENE_PRESENTER_EFFECT_BLACKOUT);
  g_assert_true (gtk_widget_get_visible (blackout));
  g_assert_false (gtk_widget_get_visible (band));
  g_assert_false (gtk_widget_get_visible (stage));
  assert_text (window, "blackout", "Back in five minutes");
  g_assert_false (gtk_widget_has_css_class (band, "blink"));
  render_shot (GTK_WIDGET (window), "presenter-blackout-message.png");
  convene_presenter_window_show_message (window, NULL, CONVENE_PRESENTER_EFFECT_BLACKOUT);
  g_assert_true (gtk_widget_get_visible (blackout));
  assert_text (window, "blackout", NULL);
  g_assert_null (convene_presenter_window_get_message (window));

  /* Cleared: the countdown alone again. */
  convene_presenter_window_clear_message (window);
  g_assert_false (gtk_widget_get_visible (blackout));
  g_assert_false (gtk_widget_get_visible (band));
  g_assert_true (gtk_widget_get_visible (stage));
  g_assert_true (gtk_widget_get_visible (next));
  g_assert_null (convene_presenter_window_get_message (window));
  g_assert_cmpint (convene_presenter_window_get_effect (window), ==, CONVENE_PRESENTER_EFFECT_NONE);

  /* An empty message is no message. */
  convene_presenter_window_show_message (window, "", CONVENE_PRESENTER_EFFECT_BLINK);
  g_assert_false (gtk_widget_get_visible (band));
  g_assert_null (convene_presenter_window_get_message (window));
}

static void
assert_description (GtkWidget  *widget,
                    const char *expected)
{
  char *message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);

  if (message != NULL)
    g_error ("countdown's description: %s", message);
}

/* The countdown is named once ("Time left") and described in whole
 * minutes, so a screen reader hears of it once a minute, not every second. */
static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *countdown = require_widget (GTK_WIDGET (f->window), "countdown_label");
  char *message;

  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (countdown),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, "Time left");
  g_assert_null (message);
  assert_description (countdown, "Not started yet");

  f->clock.now = convene_live_get_planned_start (f->live, 0);
  g_assert_true (convene_live_start (f->live));
  assert_description (countdown, "10 minutes left");
  for (int s = 1; s < 60; s += 7)
    {
      g_autofree char *text = NULL;

      f->clock.now = convene_live_get_planned_start (f->live, 0) + s * SECOND;
      text = convene_live_format_duration (convene_live_get_time_left (f->live));
      wait_for_text (f->window, "countdown_label", text);
      assert_description (countdown, "10 minutes left");
    }
  set_left (f, 9 * MINUTE);
  wait_for_text (f->window, "countdown_label", "9:00");
  assert_description (countdown, "9 minutes left");
  set_left (f, -30 * SECOND);
  wait_for_text (f->window, "countdown_label", "−0:30");
  assert_description (countdown, "Time is up");
  set_left (f, -61 * SECOND);
  wait_for_text (f->window, "countdown_label", "−1:01");
  assert_description (countdown, "1 minute over time");

  /* The title and next segment are read as they show. */
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (require_widget (GTK_WIDGET (f->window), "title_label")),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "I. Opening remarks and introductions by co-sponsoring country, WHO and IOM");
  g_assert_null (message);
}

/* The warning threshold is the project's: saved in its file, read back
 * when the presenter window opens on it again. */
static void
test_warning_minutes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  convene_presenter_window_set_document (f->window, f->document);
  g_assert_cmpuint (convene_presenter_window_get_warning_minutes (f->window), ==, 2);

  f->clock.now = convene_live_get_planned_start (f->live, 0);
  g_assert_true (convene_live_start (f->live));
  set_left (f, 4 * MINUTE + 59 * SECOND);
  g_signal_emit_by_name (f->live, "changed");
  assert_phase (f->window, CONVENE_PRESENTER_PHASE_NORMAL);
  convene_presenter_window_set_warning_minutes (f->window, 5);
  assert_phase (f->window, CONVENE_PRESENTER_PHASE_WARNING);
  stored = convene_document_dup_view_setting (f->document, "presenter-warning-minutes");
  g_assert_cmpstr (stored, ==, "5");

  /* Closed and opened again, as after a restart. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  g_clear_object (&f->live);
  g_clear_object (&f->session);
  g_clear_object (&f->document);
  f->document = convene_document_open (f->file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  f->live = live_for (f);
  f->window = show_presenter (f->live, 1280, 720);
  g_assert_cmpuint (convene_presenter_window_get_warning_minutes (f->window), ==, 2);
  convene_presenter_window_set_document (f->window, f->document);
  g_assert_cmpuint (convene_presenter_window_get_warning_minutes (f->window), ==, 5);

  /* No warning at all, and more than an hour is an hour. */
  convene_presenter_window_set_warning_minutes (f->window, 0);
  g_assert_true (convene_live_start (f->live));
  set_left (f, 10 * SECOND);
  g_signal_emit_by_name (f->live, "changed");
  assert_phase (f->window, CONVENE_PRESENTER_PHASE_NORMAL);
  convene_presenter_window_set_warning_minutes (f->window, 500);
  g_assert_cmpuint (convene_presenter_window_get_warning_minutes (f->window), ==, 60);

  /* A value the program did not write reads as the default. */
  g_assert_true (convene_document_set_view_setting (f->document, "presenter-warning-minutes", "soon", &error));
  g_assert_no_error (error);
  convene_presenter_window_set_document (f->window, NULL);
  convene_presenter_window_set_document (f->window, f->document);
  g_assert_cmpuint (convene_presenter_window_get_warning_minutes (f->window), ==, 2);
}

typedef struct {
  ConveneFitLabel *label;
  double           below;
  double           above;
} SizeBetween;

static gboolean
size_between (gpointer data)
{
  SizeBetween *s = data;
  double size = convene_fit_label_get_font_size (s->label);

  return size > s->below && size < s->above;
}

/* The texts follow the window: half the window, about half the type, and
 * every text inside its frame. */
static void
test_scales (Fixture       *f,
             gconstpointer  data)
{
  ConveneFitLabel *countdown = fit_label (f->window, "countdown_label");
  ConveneFitLabel *title = fit_label (f->window, "title_label");
  ConvenePresenterWindow *small;
  double large_size, small_size;
  PangoLayout *layout;
  int width, height;

  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (countdown) }, "the countdown to be drawn");
  large_size = convene_fit_label_get_font_size (countdown);
  g_assert_cmpfloat (large_size, >, 150);

  small = show_presenter (f->live, 640, 360);
  wait_until (at_rest, &(AtRest) { .widget = require_widget (GTK_WIDGET (small), "countdown_label") },
              "the small window to be drawn");
  small_size = convene_fit_label_get_font_size (fit_label (small, "countdown_label"));
  g_assert_cmpfloat (small_size, >, large_size * 0.35);
  g_assert_cmpfloat (small_size, <, large_size * 0.65);

  /* At the size chosen, the countdown lies within its frame. */
  width = gtk_widget_get_width (GTK_WIDGET (countdown));
  height = gtk_widget_get_height (GTK_WIDGET (countdown));
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (countdown), convene_fit_label_get_label (countdown));
  {
    PangoAttrList *attrs = pango_attr_list_new ();

    PangoFontDescription *font = pango_font_description_copy (
      pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (countdown))));
    PangoRectangle logical;

    pango_font_description_set_absolute_size (font, large_size * PANGO_SCALE);
    pango_layout_set_font_description (layout, font);
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
    pango_layout_set_attributes (layout, attrs);
    pango_attr_list_unref (attrs);
    pango_layout_get_pixel_extents (layout, NULL, &logical);
    g_assert_cmpint (logical.width, <=, width);
    g_assert_cmpint (logical.height, <=, height);
    pango_font_description_free (font);
  }
  g_object_unref (layout);

  /* A long title wraps to two lines and shrinks to stay inside. */
  {
    SizeBetween s = { title, 4, convene_fit_label_get_font_size (title) };

    convene_fit_label_set_label (title, "A very long segment title that the organisers wrote in full, "
                                        "with every sponsor named and the room added at the end");
    wait_until (size_between, &s, "the long title to shrink");
    render_shot (GTK_WIDGET (f->window), "presenter-long-title.png");
  }

  gtk_window_destroy (GTK_WINDOW (small));
  small = show_presenter (f->live, 360, 640);
  wait_until (at_rest, &(AtRest) { .widget = require_widget (GTK_WIDGET (small), "countdown_label") },
              "the narrow window to be drawn");
  render_shot (GTK_WIDGET (small), "presenter-narrow.png");
  g_assert_cmpfloat (convene_fit_label_get_font_size (fit_label (small, "countdown_label")), >, 20);
  gtk_window_destroy (GTK_WINDOW (small));
}

static gboolean
is_fullscreen (gpointer data)
{
  return gtk_window_is_fullscreen (GTK_WINDOW (data));
}

/* Fullscreen on the chosen monitor, as the operator's view opens it, without
 * its header bar; Escape and F11 are bound to leaving and toggling it. (Under
 * Xvfb there is no window manager to size a fullscreen window or to end
 * fullscreen once the window is shown: a window asked before it is shown
 * is marked fullscreen, which is what is checked here.) */
static void
test_fullscreen (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  ConvenePresenterWindow *window = convene_presenter_window_new (NULL, f->live);
  GtkWidget *header = first_of_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);

  assert_shortcut (GTK_WIDGET (window), GDK_KEY_Escape, "presenter.leave-fullscreen");
  assert_shortcut (GTK_WIDGET (window), GDK_KEY_F11, "presenter.fullscreen");
  g_assert_true (gtk_widget_get_visible (header));

  convene_presenter_window_present_on_monitor (window, monitor);
  wait_until (widget_is_mapped, window, "the presenter window to be shown");
  wait_until (is_fullscreen, window, "the presenter window to be fullscreen");
  g_assert_false (gtk_widget_get_visible (header));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_init (&argc, &argv, "convene-presenter-XXXXXX", &tmp_dir);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/presenter/countdown", test_countdown);
  ADD ("/presenter/messages", test_messages);
  ADD ("/presenter/accessible", test_accessible);
  ADD ("/presenter/warning-minutes", test_warning_minutes);
  ADD ("/presenter/scales", test_scales);
  ADD ("/presenter/fullscreen", test_fullscreen);
#undef ADD

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
