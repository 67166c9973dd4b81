#define G_LOG_DOMAIN "convene-test-live"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "../live-test-clock.h"
#include "convene-document.h"
#include "convene-edits.h"
#include "convene-live-view.h"
#include "convene-presenter-window.h"
#include "ui-test-support.h"

/* The operator's live view. Run without arguments it is a widget test (TAP)
 * against a clock the test moves by hand: what the view shows is compared
 * with a fresh engine replaying the same record, through a start, a hold,
 * a minute added, an overrun pushed later, undo, and the planned-against-
 * actual table at the end. With --drag it drives the view with real keys
 * through xdotool in a real X server (run-in-xvfb.py starts one) and reads
 * the live record back from the saved file.
 *
 * The clock: convene_live_view_new() takes the clock its engine reads, as
 * convene_live_new() does; the program passes none (the real time), these
 * tests pass theirs. The view ticks once a second of real time and shows
 * whatever that clock says, so a test moves the clock and waits for the
 * label, never for a time. */

#define MINUTE CONVENE_LIVE_MINUTE

static char *tmp_dir;


static ConveneSession *
first_session (ConveneDocument *document)
{
  g_autoptr(ConveneSession) session =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (convene_document_get_project (document))), 0);

  return session;
}

/* A fresh engine on the same session and clock: it replays the record the
 * view made. */
static ConveneLive *
fresh_engine (ConveneDocument *document,
              TestClock       *clock)
{
  g_autoptr(GTimeZone) tz = convene_project_dup_gtime_zone (convene_document_get_project (document));

  return convene_live_new (first_session (document), tz, test_clock_read, clock, NULL);
}

/* The visible label under root showing exactly text, or NULL. */
static GtkLabel *
label_showing (GtkWidget  *root,
               const char *text)
{
  GtkWidget *child;

  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);
  for (child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = label_showing (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_struck (GtkLabel *label)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  g_autoptr(GSList) list = NULL;
  gboolean struck = FALSE;

  if (attrs == NULL)
    return FALSE;
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_STRIKETHROUGH && ((PangoAttrInt *) attr)->value)
        struck = TRUE;
      pango_attribute_destroy (attr);
    }
  return struck;
}

/* What the view must show now, from a fresh engine: time left, elapsed,
 * venue time, running over or under, projected end and the current title. */
static void
expect_view (GtkWidget       *view,
             ConveneDocument *document,
             TestClock       *clock)
{
  g_autoptr(ConveneLive) live = fresh_engine (document, clock);
  g_autofree char *left = convene_live_format_duration (convene_live_get_time_left (live));
  g_autofree char *elapsed = convene_live_format_duration (convene_live_get_elapsed (live));
  g_autofree char *venue = convene_live_format_clock (live, clock->now, FALSE);
  g_autofree char *end = convene_live_format_clock (live, convene_live_get_projected_end (live), FALSE);
  g_autofree char *venue_text = g_strdup_printf ("Venue time %s", venue);
  g_autofree char *end_text = g_strdup_printf ("Projected end %s", end);
  gint64 over = convene_live_get_over (live);
  g_autofree char *amount = convene_live_format_duration (over >= 0 ? over : -over);
  g_autofree char *over_text = over >= G_USEC_PER_SEC ? g_strdup_printf ("Running %s over", amount)
                               : over <= -G_USEC_PER_SEC ? g_strdup_printf ("Running %s under", amount)
                               : g_strdup ("On time");
  int current = convene_live_get_current (live);
  GtkLabel *left_label;

  wait_for_label (view, left);
  wait_for_label (view, venue_text);
  wait_for_label (view, end_text);
  wait_for_label (view, over_text);
  wait_for_label (view, elapsed);
  if (current >= 0)
    wait_for_label (view, convene_segment_get_title (convene_live_get_step_segment (live, current)));
  /* Past zero, the time left is red. */
  left_label = label_showing (view, left);
  g_assert_nonnull (left_label);
  g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (left_label), "error"), ==,
                   convene_live_get_time_left (live) < 0);
}

static void
perform_action (GtkWidget  *view,
                const char *action,
                GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (view, action, parameter));
}

static guint
n_events (ConveneDocument *document)
{
  return g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_live_events (first_session (document))));
}

static gboolean
dialog_shown (gpointer data)
{
  return toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG, data) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return !dialog_shown (data);
}

/* Answers the recovery question and waits for it to go. */
static void
answer (ConveneLiveView *view,
        const char      *response)
{
  GtkWindow *dialog;

  wait_until (dialog_shown, view, "the recovery question");
  dialog = toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (view));
  /* As its button does: the answer, then the dialog closes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_close (dialog);
  wait_until (dialog_gone, view, "the recovery question to close");
}

static void
test_view (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "live.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  g_autoptr(ConveneLive) plan = NULL;
  g_autoptr(ConveneProject) saved = NULL;
  g_autoptr(GError) error = NULL;
  TestClock clock = { 0 };
  ConveneLiveView *view;
  gint64 t0;

  clock.now = 1;
  plan = fresh_engine (document, &clock);
  t0 = convene_live_get_planned_start (plan, 0);
  clock.now = t0 - 5 * MINUTE;

  view = convene_live_view_new (NULL, document, first_session (document), test_clock_read, &clock);
  gtk_window_present (GTK_WINDOW (view));
  wait_until (widget_is_mapped, view, "the live view to show");
  g_assert_true (convene_live_view_get_live (view) != NULL);
  wait_for_label (GTK_WIDGET (view), "Not started. Press Space to start.");
  expect_view (GTK_WIDGET (view), document, &clock);

  /* Started on time; four minutes in. */
  clock.now = t0;
  perform_action (GTK_WIDGET (view), "live.next", NULL);
  g_assert_cmpuint (n_events (document), ==, 1);
  clock.now = t0 + 4 * MINUTE;
  expect_view (GTK_WIDGET (view), document, &clock);

  /* Held for two minutes, resumed, a minute added. */
  perform_action (GTK_WIDGET (view), "live.hold", NULL);
  wait_for_label (GTK_WIDGET (view), "On hold. Press H to resume.");
  clock.now = t0 + 6 * MINUTE;
  expect_view (GTK_WIDGET (view), document, &clock);
  perform_action (GTK_WIDGET (view), "live.hold", NULL);
  perform_action (GTK_WIDGET (view), "live.add-minutes", g_variant_new_int32 (1));
  g_assert_cmpuint (n_events (document), ==, 4);
  expect_view (GTK_WIDGET (view), document, &clock);

  /* The opening has 11 minutes, 2 of them held: at 16 minutes it runs
   * three over, the time left red and every later start projected later,
   * the planned one struck through. */
  clock.now = t0 + 16 * MINUTE;
  expect_view (GTK_WIDGET (view), document, &clock);
  wait_for_label (GTK_WIDGET (view), "Running over. Press Space to choose how the rest takes it.");
  {
    g_autoptr(ConveneLive) live = fresh_engine (document, &clock);
    g_autofree char *planned = convene_live_format_clock (live, convene_live_get_planned_start (live, 1), FALSE);
    g_autofree char *projected = convene_live_format_clock (live, convene_live_get_projected_start (live, 1), FALSE);
    GtkLabel *planned_label;

    wait_for_label (GTK_WIDGET (view), projected);
    planned_label = label_showing (GTK_WIDGET (view), planned);
    g_assert_nonnull (planned_label);
    g_assert_true (is_struck (planned_label));
  }

  /* Space at the overrun asks how the rest takes it: pushed later. */
  perform_action (GTK_WIDGET (view), "live.next", NULL);
  wait_until (dialog_shown, view, "the recovery question");
  g_assert_cmpuint (n_events (document), ==, 4);
  answer (view, "push");
  g_assert_cmpuint (n_events (document), ==, 5);
  {
    g_autoptr(ConveneLiveEvent) event =
      g_list_model_get_item (G_LIST_MODEL (convene_session_get_live_events (first_session (document))), 4);

    g_assert_cmpint (convene_live_event_get_action (event), ==, CONVENE_LIVE_ACTION_NEXT);
    g_assert_cmpint (convene_live_event_get_recovery (event), ==, CONVENE_LIVE_PUSH);
  }
  expect_view (GTK_WIDGET (view), document, &clock);

  /* Undo takes the transition back: the opening runs again. */
  g_assert_true (convene_document_undo (document, &error));
  g_assert_no_error (error);
  expect_view (GTK_WIDGET (view), document, &clock);
  g_assert_true (convene_document_redo (document, &error));
  g_assert_no_error (error);

  /* Jumping to the last segment and ending: planned against actual. */
  clock.now = t0 + 30 * MINUTE;
  perform_action (GTK_WIDGET (view), "live.jump",
                  g_variant_new_uint32 (convene_live_get_n_steps (plan) - 1));
  /* The first talk ran four over since 16 minutes in. */
  answer (view, "push");
  clock.now = t0 + 33 * MINUTE;
  perform_action (GTK_WIDGET (view), "live.next", NULL);
  g_assert_true (convene_live_get_finished (convene_live_view_get_live (view)));
  wait_for_label (GTK_WIDGET (view), "Total");
  {
    g_autoptr(ConveneLive) live = fresh_engine (document, &clock);
    const ConveneLiveRecord *record = convene_live_get_record (live, 0);
    g_autofree char *actual = convene_live_format_duration (record->actual_end - record->actual_start);

    /* The opening ran 16 minutes. */
    g_assert_true (convene_live_get_finished (live));
    g_assert_cmpstr (actual, ==, "16:00");
    wait_for_label (GTK_WIDGET (view), actual);
    wait_for_label (GTK_WIDGET (view), "skipped");
    /* Six and four minutes over; the segments skipped count apart. */
    wait_for_label (GTK_WIDGET (view), "+10:00");
    wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (view) }, "the table to be laid out");
    render_shot (GTK_WIDGET (view), "live-report.png");
  }

  /* The record is in the file. */
  saved = load_file (file);
  {
    ConveneSession *session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (saved)), 0);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_live_events (session))), ==,
                      n_events (document));
    g_object_unref (session);
  }

  /* Closed and opened again, the view stands where it stood. */
  gtk_window_destroy (GTK_WINDOW (view));
  g_clear_object (&document);
  document = convene_document_open (file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  view = convene_live_view_new (NULL, document, first_session (document), test_clock_read, &clock);
  gtk_window_present (GTK_WINDOW (view));
  g_assert_true (convene_live_get_finished (convene_live_view_get_live (view)));
  wait_for_label (GTK_WIDGET (view), "16:00");
  perform_action (GTK_WIDGET (view), "live.back", NULL);
  g_assert_false (convene_live_get_finished (convene_live_view_get_live (view)));
  wait_for_label (GTK_WIDGET (view), "Running. Press Space for the next segment.");

  gtk_window_destroy (GTK_WINDOW (view));
  g_clear_object (&document);
  remove_project_file (file);
}

/* Run Session Live in the main menu opens the view for the session shown,
 * and only one. */
static void
test_open (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "open.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneLiveView *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.run-live", NULL));
  view = CONVENE_LIVE_VIEW (wait_for_toplevel (CONVENE_TYPE_LIVE_VIEW, GTK_WINDOW (window)));
  g_assert_true (convene_live_view_get_session (view) == selected_session (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.run-live", NULL));
  g_assert_true (convene_live_view_find (selected_session (window)) == view);
  gtk_window_destroy (GTK_WINDOW (view));
  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

/* A widget under root named name, shown or not (a popover's content). */
static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static ConvenePresenterWindow *
presenter_window (void)
{
  return CONVENE_PRESENTER_WINDOW (toplevel_of_type (CONVENE_TYPE_PRESENTER_WINDOW, NULL));
}

static gboolean
presenter_gone (gpointer data)
{
  return presenter_window () == NULL;
}

/* The stage's screen opens from the operator's view, on the same engine
 * (also once the running order changes), shows the operator's messages and
 * goes with the view. */
static void
test_presenter (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "presenter.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  g_autoptr(ConveneLive) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSegment) segment = NULL;
  TestClock clock = { 1 };
  ConveneLiveView *view;
  ConvenePresenterWindow *presenter;
  GtkWidget *entry;
  ConveneCommand *command;

  plan = fresh_engine (document, &clock);
  clock.now = convene_live_get_planned_start (plan, 0);
  view = convene_live_view_new (NULL, document, first_session (document), test_clock_read, &clock);
  gtk_window_present (GTK_WINDOW (view));
  wait_until (widget_is_mapped, view, "the live view to show");
  perform_action (GTK_WIDGET (view), "live.next", NULL);

  /* No stage screen yet: nothing to send messages to. */
  g_assert_null (presenter_window ());
  g_assert_false (gtk_widget_get_visible (first_of_type (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON)));
  perform_action (GTK_WIDGET (view), "live.presenter", NULL);
  presenter = presenter_window ();
  g_assert_nonnull (presenter);
  g_assert_true (convene_presenter_window_get_live (presenter) == convene_live_view_get_live (view));
  g_assert_true (gtk_widget_get_visible (first_of_type (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON)));
  /* Asked again, the same window comes forward. */
  perform_action (GTK_WIDGET (view), "live.presenter", NULL);
  g_assert_true (presenter_window () == presenter);

  /* A ready message, blinking. */
  perform_action (GTK_WIDGET (view), "live.message",
                  g_variant_new ("(su)", "Wrap up", CONVENE_PRESENTER_EFFECT_BLINK));
  g_assert_cmpstr (convene_presenter_window_get_message (presenter), ==, "Wrap up");
  g_assert_cmpint (convene_presenter_window_get_effect (presenter), ==, CONVENE_PRESENTER_EFFECT_BLINK);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (view), "live_message_status"))), ==,
                   "Blinking on the stage screen: “Wrap up”");

  /* A typed one: Enter shows it steady, Black Out puts it on black. */
  entry = named (GTK_WIDGET (view), "live_message_entry");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Two more questions");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  g_assert_cmpstr (convene_presenter_window_get_message (presenter), ==, "Two more questions");
  g_assert_cmpint (convene_presenter_window_get_effect (presenter), ==, CONVENE_PRESENTER_EFFECT_NONE);
  perform_action (GTK_WIDGET (view), "live.send-message", g_variant_new_uint32 (CONVENE_PRESENTER_EFFECT_BLACKOUT));
  g_assert_cmpint (convene_presenter_window_get_effect (presenter), ==, CONVENE_PRESENTER_EFFECT_BLACKOUT);
  perform_action (GTK_WIDGET (view), "live.clear-message", NULL);
  g_assert_null (convene_presenter_window_get_message (presenter));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (view), "live_message_status"))), ==,
                   "No message on the stage screen");
  /* Messages are for the room, not the record. */
  g_assert_cmpuint (n_events (document), ==, 1);

  /* The running order changes: the view makes a new engine, and the
   * stage's screen follows it. */
  segment = g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (first_session (document))), 3);
  command = convene_edit_set_number (segment, "duration", 5, &error);
  g_assert_no_error (error);
  g_assert_true (convene_document_perform (document, command, &error));
  g_assert_no_error (error);
  g_assert_true (convene_presenter_window_get_live (presenter) == convene_live_view_get_live (view));
  g_assert_true (convene_presenter_window_get_live (presenter) != NULL);

  /* The stage's screen goes with the operator's view. */
  gtk_window_destroy (GTK_WINDOW (view));
  wait_until (presenter_gone, NULL, "the stage's screen to close");
  g_clear_object (&document);
  remove_project_file (file);
}

/* The day's projected end: the latest of the sessions on the date, this
 * one as it runs. */
static void
test_day_end (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "day.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneProject *project = convene_document_get_project (document);
  g_autoptr(ConveneSession) later = NULL;
  g_autoptr(ConveneSegment) talk = NULL;
  g_autoptr(ConveneLive) plan = NULL;
  g_autoptr(GError) error = NULL;
  TestClock clock = { 1 };
  ConveneLiveView *view;
  gint64 t0;

  /* A second session that day, 14:00 to 14:30: the day ends after the
   * example's session (14:03 as planned). */
  later = convene_session_new (convene_project_new_id (project), "Press briefing",
                               convene_session_get_date (first_session (document)), 14 * 60, 30);
  g_assert_true (convene_document_perform (document, convene_edit_add_session (project, later, 1), &error));
  g_assert_no_error (error);
  talk = convene_segment_new (convene_project_new_id (project), CONVENE_SEGMENT_KIND_PRESENTATION, "Briefing", 30);
  g_assert_true (convene_document_perform (document,
                                           convene_edit_add_segment (project, later, NULL, 0, talk, &error),
                                           &error));
  g_assert_no_error (error);

  plan = fresh_engine (document, &clock);
  t0 = convene_live_get_planned_start (plan, 0);
  clock.now = t0;
  view = convene_live_view_new (NULL, document, first_session (document), test_clock_read, &clock);
  gtk_window_present (GTK_WINDOW (view));
  perform_action (GTK_WIDGET (view), "live.next", NULL);
  wait_for_label (GTK_WIDGET (view), "Projected end 14:03 · day 14:30");

  /* The opening runs 40 minutes over: the session now ends after the day's
   * other session, and ends the day. */
  clock.now = t0 + 50 * MINUTE;
  wait_for_label (GTK_WIDGET (view), "Projected end 14:43 · day 14:43");

  gtk_window_destroy (GTK_WINDOW (view));
  g_clear_object (&document);
  remove_project_file (file);
}

/* Pictures of a running view at 1280 px, light and dark, when asked for. */
static void
shoot_wide (ConveneDocument *document,
            TestClock       *clock)
{
  ConveneLiveView *view = convene_live_view_new (NULL, document, first_session (document), test_clock_read, clock);

  gtk_window_set_default_size (GTK_WINDOW (view), 1280, 800);
  gtk_window_present (GTK_WINDOW (view));
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (view) }, "the wide live view to be laid out");
  render_shot (GTK_WIDGET (view), "live-1280-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (view) }, "the wide live view to be drawn dark");
  render_shot (GTK_WIDGET (view), "live-1280-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (view));
}

/* At 360 px the view keeps its width, light and dark. */
static void
test_narrow (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "narrow.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  g_autoptr(ConveneLive) plan = NULL;
  TestClock clock = { 1 };
  ConveneLiveView *view;

  plan = fresh_engine (document, &clock);
  clock.now = convene_live_get_planned_start (plan, 0);
  view = convene_live_view_new (NULL, document, first_session (document), test_clock_read, &clock);
  gtk_window_set_default_size (GTK_WINDOW (view), 360, 720);
  gtk_window_present (GTK_WINDOW (view));
  perform_action (GTK_WIDGET (view), "live.next", NULL);
  clock.now += 12 * MINUTE;
  wait_for_label (GTK_WIDGET (view), "−2:00");
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (view) }, "the live view to be laid out");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), <=, 360);
  render_shot (GTK_WIDGET (view), "live-360-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (view) }, "the live view to be drawn dark");
  render_shot (GTK_WIDGET (view), "live-360-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), <=, 360);
  if (g_getenv ("CONVENE_SHOTS_DIR") != NULL)
    shoot_wide (document, &clock);

  gtk_window_destroy (GTK_WINDOW (view));
  g_clear_object (&document);
  remove_project_file (file);
}

static gboolean
keyboard_not_held (gpointer data)
{
  GdkDisplay *display = gtk_widget_get_display (data);

  return !gdk_display_device_is_grabbed (display, gdk_seat_get_keyboard (gdk_display_get_default_seat (display)));
}

/* A key for the window. A popover that was open held the keyboard, and for
 * a moment after it closes GTK may still send it a key (the hidden message
 * popover got the H one run in five with two busy loops and ASan): the key
 * waits until GTK holds the keyboard no more. With no window manager the
 * keyboard follows the pointer, and the stage's screen may have taken it:
 * the window is given the focus, as a window manager gives it. */
static void
key (GtkWidget  *window,
     const char *keys)
{
  g_autofree char *args = g_strdup_printf ("key %s", keys);
  g_autofree char *focus = g_strdup_printf ("search --name \"^%s$\" windowfocus --sync",
                                            gtk_window_get_title (GTK_WINDOW (window)));

  wait_until (keyboard_not_held, window, "GTK to let go of the keyboard");
  xdotool (focus);
  xdotool_seen (window, args, GDK_KEY_PRESS);
}

static gboolean
minute_added (gpointer data)
{
  return convene_live_get_record (convene_live_view_get_live (data), 1)->adjust == MINUTE;
}

static gboolean
pushed (gpointer data)
{
  return convene_live_get_current (convene_live_view_get_live (data)) == 2 &&
         toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (data)) == NULL;
}

static gboolean
presenter_open (gpointer data)
{
  ConvenePresenterWindow *presenter = presenter_window ();

  return presenter != NULL && gtk_widget_get_mapped (GTK_WIDGET (presenter));
}

static gboolean
message_entry_focused (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) == named (data, "live_message_entry");
}

static gboolean
message_typed (gpointer data)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (named (data, "live_message_entry"))), "Hi there") == 0;
}

/* The stage's screen of the keys test, once open. */
static ConvenePresenterWindow *stage;

static gboolean
message_on_stage (gpointer data)
{
  return stage != NULL && g_strcmp0 (convene_presenter_window_get_message (stage), "Hi there") == 0;
}

static gboolean
message_closed (gpointer data)
{
  return !gtk_widget_get_mapped (named (data, "live_message_entry"));
}

static gboolean
held (gpointer data)
{
  return convene_live_get_held (convene_live_view_get_live (data));
}

/* Real keys on the real view; the live record read back from the file. */
static int
run_keys (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "keys.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  g_autoptr(ConveneLive) plan = NULL;
  g_autoptr(ConveneProject) saved = NULL;
  g_autoptr(GString) actions = g_string_new (NULL);
  TestClock clock = { 1 };
  ConveneLiveView *view;
  ConveneSession *session;
  GListModel *events;
  GtkWindow *dialog;
  gint64 t0;
  guint test = 0;
  gboolean ok;

  plan = fresh_engine (document, &clock);
  t0 = convene_live_get_planned_start (plan, 0);
  clock.now = t0;
  view = convene_live_view_new (NULL, document, first_session (document), test_clock_read, &clock);
  gtk_window_set_title (GTK_WINDOW (view), "Convene Live Keys Test");
  gtk_window_set_default_size (GTK_WINDOW (view), 1280, 800);
  gtk_window_present (GTK_WINDOW (view));
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (view) }, "the live view to be drawn");
  g_print ("1..9\n");

  /* Space starts; five minutes on, Space goes to the first talk. */
  key (GTK_WIDGET (view), "space");
  ok = n_events (document) == 1 && convene_live_get_current (convene_live_view_get_live (view)) == 0;
  g_print ("%s %u - Space starts the session\n", ok ? "ok" : "not ok", ++test);
  screenshot ("live-1280-running.png");
  clock.now = t0 + 10 * MINUTE;
  key (GTK_WIDGET (view), "space");
  ok = convene_live_get_current (convene_live_view_get_live (view)) == 1;
  g_print ("%s %u - Space goes to the next segment\n", ok ? "ok" : "not ok", ++test);

  /* H holds and resumes; + adds a minute. */
  clock.now = t0 + 11 * MINUTE;
  key (GTK_WIDGET (view), "h");
  ok = convene_live_get_held (convene_live_view_get_live (view));
  clock.now = t0 + 12 * MINUTE;
  key (GTK_WIDGET (view), "h");
  ok = ok && !convene_live_get_held (convene_live_view_get_live (view));
  g_print ("%s %u - H holds and resumes\n", ok ? "ok" : "not ok", ++test);
  /* "plus" is Shift and "=": the first key press seen may be the Shift. */
  key (GTK_WIDGET (view), "plus");
  ok = eventually (minute_added, view);
  g_print ("%s %u - + adds a minute\n", ok ? "ok" : "not ok", ++test);

  /* The talk (10 + 1 minutes, 1 held) runs to 25 minutes in: three over.
   * Space asks; Alt+P pushes the rest later. */
  clock.now = t0 + 25 * MINUTE;
  wait_for_label (GTK_WIDGET (view), "−3:00");
  screenshot ("live-1280-overrun.png");
  key (GTK_WIDGET (view), "space");
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (view));
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (dialog) }, "the question to be drawn");
  screenshot ("live-1280-choice.png");
  /* The answer closes the dialog: wait for its effect, not for the
   * dialog to see the key. */
  xdotool ("key alt+p");
  ok = eventually (pushed, view);
  ok = ok && convene_live_get_current (convene_live_view_get_live (view)) == 2 &&
       convene_live_get_over (convene_live_view_get_live (view)) == 5 * MINUTE;
  /* Three over, plus the minute added and the minute held: the session
   * now ends five minutes late. */
  wait_for_label (GTK_WIDGET (view), "Running 5:00 over");
  screenshot ("live-1280-pushed.png");
  g_print ("%s %u - at the overrun, Alt+P pushes the rest later (the session ends 5:00 late)\n", ok ? "ok" : "not ok", ++test);

  /* What the file holds. */
  saved = load_file (file);
  session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (saved)), 0);
  events = G_LIST_MODEL (convene_session_get_live_events (session));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(ConveneLiveEvent) event = g_list_model_get_item (events, i);

      g_string_append_printf (actions, "%s%s", i > 0 ? "," : "",
                              convene_live_action_to_nick (convene_live_event_get_action (event)));
      if (convene_live_event_get_action (event) == CONVENE_LIVE_ACTION_ADD)
        g_string_append_printf (actions, "(%+d)", convene_live_event_get_minutes (event));
      if (i == g_list_model_get_n_items (events) - 1)
        g_string_append_printf (actions, "/%s", convene_live_event_get_kept_recovery (event));
    }
  g_print ("# the file's live record: %s\n", actions->str);
  ok = g_strcmp0 (actions->str, "start,next,hold,resume,add(+1),next/push") == 0;
  g_print ("%s %u - the file holds start, next, hold, resume, add +1 and next with push\n",
           ok ? "ok" : "not ok", ++test);
  g_object_unref (session);

  /* P opens the stage's screen and the operator keeps the keys: M opens
   * a message, in which Space and H are letters, and Enter shows it. */
  xdotool ("key p");
  ok = eventually (presenter_open, NULL);
  g_print ("%s %u - P opens the stage's screen\n", ok ? "ok" : "not ok", ++test);
  /* Xvfb has no window manager: the keyboard goes to the window under the
   * pointer, and the stage's screen opened over the view. On the day it is
   * on the stage's monitor; here it is hidden so the keys reach the view. */
  stage = presenter_window ();
  if (stage != NULL)
    gtk_widget_set_visible (GTK_WIDGET (stage), FALSE);
  key (GTK_WIDGET (view), "m");
  ok = eventually (message_entry_focused, view);
  xdotool ("type --delay 50 'Hi there'");
  ok = ok && eventually (message_typed, view);
  xdotool ("key Return");
  ok = ok && eventually (message_on_stage, NULL);
  ok = ok && convene_live_get_current (convene_live_view_get_live (view)) == 2 &&
       !convene_live_get_held (convene_live_view_get_live (view)) &&
       g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_live_events (first_session (document)))) == 6;
  screenshot ("live-1280-message.png");
  g_print ("%s %u - M, a message typed with spaces and an h, Enter: on the stage, the programme untouched\n",
           ok ? "ok" : "not ok", ++test);
  xdotool ("key Escape");
  ok = eventually (message_closed, view);
  /* The keyboard goes to the window under the pointer (no window manager):
   * the pointer is put on the view, away from where the popover was. */
  {
    int x, y;
    g_autofree char *move = NULL;

    screen_point (GTK_WIDGET (view), 0.9, &x, &y);
    move = g_strdup_printf ("mousemove %d %d", x, y);
    xdotool (move);
  }
  key (GTK_WIDGET (view), "h");
  ok = ok && eventually (held, view);
  g_print ("%s %u - the message closed, H holds again\n", ok ? "ok" : "not ok", ++test);

  gtk_window_destroy (GTK_WINDOW (view));
  g_clear_object (&document);
  remove_project_file (file);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (ui_test_init (&argc, &argv, "convene-live-XXXXXX", &tmp_dir))
    status = run_keys ();
  else
    {
      g_test_add_func ("/ui/live/view", test_view);
      g_test_add_func ("/ui/live/open", test_open);
      g_test_add_func ("/ui/live/narrow", test_narrow);
      g_test_add_func ("/ui/live/presenter", test_presenter);
      g_test_add_func ("/ui/live/day-end", test_day_end);
      status = g_test_run ();
    }

  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
