/* test-choosers.c: the date and time zone choosers.
 *
 * As a widget test (TAP): dates typed in the session's date and a
 * follow-up's due date, a due date cleared, the time zone found by "zur" and
 * "new york" and chosen, each saved, undone and shown again; the popovers
 * inside a 360 px window. With --drag (run-in-xvfb.py) the same window is
 * driven with xdotool: a day clicked in the calendar for the session and for
 * a follow-up, a zone typed and chosen with Enter. */
#define G_LOG_DOMAIN "test-choosers"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "convene-date-entry.h"
#include "convene-edits.h"
#include "convene-outcome-row.h"
#include "convene-outcomes-view.h"
#include "convene-schedule.h"
#include "convene-time-zone-row.h"
#include "ui-test-support.h"

static char *tmp_dir;

static ConveneSession *
first_session (ConveneProject *project)
{
  g_autoptr(ConveneSession) session =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);

  return session;  /* the project keeps it */
}

static ConveneOutcome *
first_follow_up (ConveneSession *session)
{
  GListModel *outcomes = G_LIST_MODEL (convene_session_get_outcomes (session));

  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);

      if (convene_outcome_get_kind (outcome) == CONVENE_OUTCOME_KIND_FOLLOW_UP)
        return outcome;  /* the session keeps it */
    }
  return NULL;
}

/* The example has no follow-up action: one is added at the end. */
static ConveneOutcome *
add_follow_up (ConveneDocument *document)
{
  ConveneProject *project = convene_document_get_project (document);
  ConveneSession *session = first_session (project);
  g_autoptr(ConveneOutcome) outcome = convene_outcome_new (convene_project_new_id (project),
                                                           CONVENE_OUTCOME_KIND_FOLLOW_UP, "Send the summary");
  guint end = g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_outcomes (session)));

  g_assert_true (convene_document_perform (document, convene_edit_add_outcome (session, outcome, end), NULL));
  g_assert_true (first_follow_up (session) == outcome);
  return outcome;
}

static const char *
shown_text (GtkWidget *date_entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (first_of_type (date_entry, GTK_TYPE_ENTRY)));
}

/* Types text in a date entry and presses Enter. */
static void
type_date (GtkWidget  *date_entry,
           const char *text)
{
  GtkWidget *entry = first_of_type (date_entry, GTK_TYPE_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

static void
assert_shows_date (GtkWidget  *date_entry,
                   const char *date)
{
  g_autofree char *expected = convene_date_format (date);

  g_assert_cmpstr (shown_text (date_entry), ==, expected);
}

static GtkWidget *
find_outcome_row (GtkWidget      *root,
                  ConveneOutcome *outcome)
{
  if (CONVENE_IS_OUTCOME_ROW (root) && convene_outcome_row_get_outcome (CONVENE_OUTCOME_ROW (root)) == outcome)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_outcome_row (child, outcome);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The follow-up row's date entry, on the session's outcomes tab. */
static GtkWidget *
due_entry_of (ConveneWindow  *window,
              ConveneOutcome *outcome)
{
  GtkWidget *stack = require_widget (GTK_WIDGET (window), "session_stack");
  GtkWidget *view;
  GtkWidget *row;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "outcomes");
  view = first_of_type (GTK_WIDGET (window), CONVENE_TYPE_OUTCOMES_VIEW);
  wait_until (widget_is_mapped, view, "the outcomes tab to show");
  row = find_outcome_row (view, outcome);
  g_assert_nonnull (row);
  /* Added last, it may be below the fold: scrolled to, as a planner would. */
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    double x = 0, y = 0;

    wait_until (at_rest, &(AtRest) { .widget = row }, "the follow-up to be drawn");
    g_assert_true (gtk_widget_translate_coordinates (row, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                                     0, 0, &x, &y));
    gtk_adjustment_set_value (adjustment, MAX (0, y - 80));
    wait_until (at_rest, &(AtRest) { .widget = row }, "the page to scroll");
  }
  return first_of_type (row, CONVENE_TYPE_DATE_ENTRY);
}

static GtkWidget *
open_details (ConveneWindow *window)
{
  return open_project_details (GTK_WIDGET (window), "time_zone_row");
}

/* Opens the time zone chooser from its row and waits until it is shown. */
static GtkWidget *
open_zone_chooser (GtkWidget *row)
{
  PopoverAtRest wait = { .root = row };

  g_assert_true (gtk_widget_activate (row));
  wait_until (popover_at_rest, &wait, "the time zone chooser to open");
  return wait.rest.widget;
}

/* The names the chooser's list shows now. */
static char *
listed_zones (GtkWidget *popover)
{
  GtkListView *list = GTK_LIST_VIEW (first_of_type (popover, GTK_TYPE_LIST_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      g_string_append_printf (names, "%s%s", i > 0 ? " " : "", gtk_string_object_get_string (item));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

typedef struct
{
  GtkWidget  *popover;
  const char *expected;
} Listed;

static gboolean
lists (gpointer data)
{
  Listed *listed = data;
  g_autofree char *names = listed_zones (listed->popover);

  return g_str_equal (names, listed->expected);
}

static void
search_zones (GtkWidget  *popover,
              const char *text,
              const char *expected)
{
  gtk_editable_set_text (GTK_EDITABLE (first_of_type (popover, GTK_TYPE_SEARCH_ENTRY)), text);
  wait_until (lists, &(Listed) { popover, expected }, expected);
}

/* The timeline's header line for the session as saved in file. */
static char *
saved_times (GFile *file)
{
  g_autoptr(ConveneProject) saved = load_file (file);
  ConveneSession *session = first_session (saved);
  g_autoptr(GTimeZone) tz = convene_project_dup_gtime_zone (saved);
  g_autoptr(ConveneSchedule) schedule = convene_schedule_compute (session, tz);
  g_autofree char *start = convene_schedule_format_clock (schedule, 0, FALSE);
  g_autofree char *end = convene_schedule_format_clock (schedule, convene_schedule_get_end (schedule), FALSE);
  g_autofree char *slot_end = convene_schedule_format_clock (schedule, convene_schedule_get_slot_minutes (schedule),
                                                              FALSE);

  return g_strdup_printf ("%s – %s · slot ends %s", start, end, slot_end);
}

/* The popover lies inside the window, on the screen: its surface's place
 * on the window's, its content's on its surface. */
static void
assert_inside_window (GtkWidget *popover,
                      GtkWidget *window)
{
  GtkWidget *child = gtk_popover_get_child (GTK_POPOVER (popover));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
  double child_x = 0, child_y = 0, nx = 0, ny = 0, window_nx = 0, window_ny = 0;
  double left;

  g_assert_true (gtk_widget_translate_coordinates (child, popover, 0, 0, &child_x, &child_y));
  gtk_native_get_surface_transform (GTK_NATIVE (popover), &nx, &ny);
  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_nx, &window_ny);
  left = gdk_popup_get_position_x (GDK_POPUP (surface)) + nx + child_x - window_nx;
  if (left < 0 || left + gtk_widget_get_width (child) > gtk_widget_get_width (window))
    g_error ("the popover spans %.0f to %.0f px of a %d px window", left, left + gtk_widget_get_width (child),
             gtk_widget_get_width (window));
}

static void
test_typed_dates (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "typed.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneProject *project = convene_document_get_project (document);
  ConveneSession *session = first_session (project);
  ConveneOutcome *follow_up = add_follow_up (document);
  ConveneWindow *window = show_window (document, 1280, 800);
  GtkWidget *date_entry = require_widget (GTK_WIDGET (window), "date_entry");
  g_autofree char *old_date = g_strdup (convene_session_get_date (session));
  GtkWidget *due;

  /* The session's date as the locale writes it; typed dates in any form. */
  assert_shows_date (date_entry, old_date);
  type_date (date_entry, "2027-03-28");
  g_assert_cmpstr (convene_session_get_date (session), ==, "2027-03-28");
  assert_shows_date (date_entry, "2027-03-28");
  g_assert_cmpstr (shown_text (date_entry), ==, "Sun 28 Mar 2027");
  type_date (date_entry, "29 March 2027");
  g_assert_cmpstr (convene_session_get_date (session), ==, "2027-03-29");
  {
    g_autoptr(ConveneProject) saved = load_file (file);

    g_assert_cmpstr (convene_session_get_date (first_session (saved)), ==, "2027-03-29");
  }
  /* Not a date, or one without its year: refused, the date shown again. */
  type_date (date_entry, "March 30");
  g_assert_cmpstr (convene_session_get_date (session), ==, "2027-03-29");
  assert_shows_date (date_entry, "2027-03-29");
  type_date (date_entry, "2027-02-30");
  g_assert_cmpstr (convene_session_get_date (session), ==, "2027-03-29");
  /* A session keeps a date: emptied, the field shows it again. */
  type_date (date_entry, "");
  g_assert_cmpstr (convene_session_get_date (session), ==, "2027-03-29");
  assert_shows_date (date_entry, "2027-03-29");
  /* What the planner is typing stays while another field of the session
   * changes; Enter then takes it. */
  gtk_editable_set_text (GTK_EDITABLE (first_of_type (date_entry, GTK_TYPE_ENTRY)), "2027-04-02");
  g_assert_true (convene_document_perform (document, convene_edit_set_text (session, "room", "Room XII", NULL),
                                           NULL));
  g_assert_cmpstr (shown_text (date_entry), ==, "2027-04-02");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (shown_text (date_entry), ==, "2027-04-02");
  type_date (date_entry, "2027-04-02");
  g_assert_cmpstr (convene_session_get_date (session), ==, "2027-04-02");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  assert_shows_date (date_entry, "2027-03-29");

  /* Undo goes back through both dates, in the field too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  assert_shows_date (date_entry, "2027-03-28");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (convene_session_get_date (session), ==, old_date);
  assert_shows_date (date_entry, old_date);

  /* A follow-up's due date: typed, then cleared with the popover's button. */
  due = due_entry_of (window, follow_up);
  g_assert_cmpstr (convene_outcome_get_due_date (follow_up), ==, "");
  g_assert_cmpstr (shown_text (due), ==, "");
  type_date (due, "2027-06-01");
  g_assert_cmpstr (convene_outcome_get_due_date (follow_up), ==, "2027-06-01");
  assert_shows_date (due, "2027-06-01");
  {
    PopoverAtRest wait = { .root = due };
    GtkWidget *clear;

    wait_until (at_rest, &(AtRest) { .widget = due }, "the outcomes to be drawn");
    gtk_menu_button_popup (GTK_MENU_BUTTON (first_of_type (due, GTK_TYPE_MENU_BUTTON)));
    wait_until (popover_at_rest, &wait, "the calendar to open");
    clear = button_labelled (wait.rest.widget, "_Clear Date");
    g_assert_nonnull (clear);
    g_assert_true (gtk_widget_get_sensitive (clear));
    g_signal_emit_by_name (clear, "clicked");
    g_assert_false (gtk_widget_get_visible (wait.rest.widget));
  }
  g_assert_cmpstr (convene_outcome_get_due_date (follow_up), ==, "");
  g_assert_cmpstr (shown_text (due), ==, "");
  {
    g_autoptr(ConveneProject) saved = load_file (file);

    g_assert_cmpstr (convene_outcome_get_due_date (first_follow_up (first_session (saved))), ==, "");
  }
  /* Emptying the field clears it too; undo brings the date back. */
  type_date (due, "2027-06-02");
  type_date (due, "");
  g_assert_cmpstr (convene_outcome_get_due_date (follow_up), ==, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (convene_outcome_get_due_date (follow_up), ==, "2027-06-02");
  assert_shows_date (due, "2027-06-02");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (convene_outcome_get_due_date (follow_up), ==, "2027-06-01");
  assert_shows_date (due, "2027-06-01");
  {
    g_autoptr(ConveneProject) saved = load_file (file);

    g_assert_cmpstr (convene_outcome_get_due_date (first_follow_up (first_session (saved))), ==, "2027-06-01");
  }

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

static void
test_parse (void)
{
  static const struct { const char *text; const char *date; } cases[] = {
    { "2027-03-28", "2027-03-28" },
    { " 2027-03-28 ", "2027-03-28" },
    { "Sun 28 Mar 2027", "2027-03-28" },
    { "28 March 2027", "2027-03-28" },
    { "03/28/2027", "2027-03-28" },
    { "March 28", NULL },
    { "3/4", NULL },
    { "28", NULL },
    { "tomorrow", NULL },
    { "2027-02-29", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = convene_date_parse (cases[i].text);

      if (g_strcmp0 (date, cases[i].date) != 0)
        g_error ("“%s” read as %s, not %s", cases[i].text, date, cases[i].date);
    }
}

static void
test_zone_search (void)
{
  g_assert_true (convene_time_zone_matches ("Europe/Zurich", "zur"));
  g_assert_true (convene_time_zone_matches ("America/New_York", "new york"));
  g_assert_true (convene_time_zone_matches ("America/New_York", "NEW_york"));
  g_assert_true (convene_time_zone_matches ("America/New_York", "york america"));
  g_assert_false (convene_time_zone_matches ("America/New_York", "new jersey"));
  g_assert_true (convene_time_zone_matches ("Asia/Kolkata", ""));
}

static void
test_time_zone (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "zone.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneProject *project = convene_document_get_project (document);
  ConveneSession *session = first_session (project);
  ConveneWindow *window = show_window (document, 1280, 800);
  GtkWidget *timeline = GTK_WIDGET (timeline_of (window));
  g_autofree char *zurich_times = NULL;
  g_autofree char *new_york_times = NULL;
  GtkWidget *row;
  GtkWidget *popover;
  GtkWidget *list;

  /* A session across the night New York puts its clocks forward (14 March
   * 2027, 02:00), which Zurich does not: its times depend on the zone. */
  g_assert_true (convene_document_perform (document, convene_edit_set_text (session, "date", "2027-03-14", NULL),
                                           NULL));
  g_assert_true (convene_document_perform (document,
                                           convene_edit_set_number (session, "start-time", 90, NULL), NULL));
  g_assert_cmpstr (convene_project_get_time_zone (project), ==, "Europe/Zurich");
  zurich_times = saved_times (file);
  wait_for_label (timeline, zurich_times);

  row = open_details (window);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Europe/Zurich"));
  popover = open_zone_chooser (row);
  search_zones (popover, "zur", "Europe/Zurich");
  search_zones (popover, "new york", "America/New_York");
  search_zones (popover, "NEW_YORK", "America/New_York");

  /* Choosing it (Enter in the search) sets the project's zone, saved. */
  g_signal_emit_by_name (first_of_type (popover, GTK_TYPE_SEARCH_ENTRY), "activate");
  g_assert_cmpstr (convene_project_get_time_zone (project), ==, "America/New_York");
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "America/New_York · UTC"));
  new_york_times = saved_times (file);
  g_assert_cmpstr (new_york_times, !=, zurich_times);
  {
    g_autoptr(ConveneProject) saved = load_file (file);

    g_assert_cmpstr (convene_project_get_time_zone (saved), ==, "America/New_York");
  }

  /* Escape in the search closes the chooser, choosing nothing. */
  popover = open_zone_chooser (row);
  search_zones (popover, "tokyo", "Asia/Tokyo");
  g_signal_emit_by_name (first_of_type (popover, GTK_TYPE_SEARCH_ENTRY), "stop-search");
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpstr (convene_project_get_time_zone (project), ==, "America/New_York");

  /* A row of the list chosen by activating it. */
  popover = open_zone_chooser (row);
  search_zones (popover, "tokyo", "Asia/Tokyo");
  list = first_of_type (popover, GTK_TYPE_LIST_VIEW);
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_cmpstr (convene_project_get_time_zone (project), ==, "Asia/Tokyo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (convene_project_get_time_zone (project), ==, "America/New_York");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "America/New_York"));

  /* The session's timeline follows the zone. */
  g_signal_emit_by_name (require_widget (GTK_WIDGET (window), "sessions_view"), "activate", 0);
  wait_for_label (timeline, new_york_times);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (convene_project_get_time_zone (project), ==, "Europe/Zurich");
  wait_for_label (timeline, zurich_times);

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* At 360 px the calendar and the zone chooser open inside the window. */
static void
test_narrow (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "narrow.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneOutcome *follow_up = add_follow_up (document);
  ConveneWindow *window = show_window (document, 360, 740);
  GtkWidget *row;
  GtkWidget *popover;

  row = open_details (window);
  popover = open_zone_chooser (row);
  screenshot ("zone-chooser-360.png");
  assert_inside_window (popover, GTK_WIDGET (window));
  gtk_popover_popdown (GTK_POPOVER (popover));

  g_signal_emit_by_name (require_widget (GTK_WIDGET (window), "sessions_view"), "activate", 0);
  {
    GtkWidget *date_entry = require_widget (GTK_WIDGET (window), "date_entry");
    PopoverAtRest wait = { .root = date_entry };

    /* On a phone the session's fields are in the side column, which takes
     * the timeline's place. */
    wait_until (widget_is_mapped, GTK_WIDGET (timeline_of (window)), "the session's page to show");
    show_side_page (date_entry);
    wait_until (at_rest, &(AtRest) { .widget = date_entry }, "the session's page to be drawn");
    gtk_menu_button_popup (GTK_MENU_BUTTON (first_of_type (date_entry, GTK_TYPE_MENU_BUTTON)));
    wait_until (popover_at_rest, &wait, "the calendar to open");
    screenshot ("date-chooser-360.png");
    assert_inside_window (wait.rest.widget, GTK_WIDGET (window));
    gtk_popover_popdown (GTK_POPOVER (wait.rest.widget));
  }

  /* A follow-up's due date: its field and calendar below its owner. */
  {
    GtkWidget *due = due_entry_of (window, follow_up);
    PopoverAtRest wait = { .root = due };

    gtk_menu_button_popup (GTK_MENU_BUTTON (first_of_type (due, GTK_TYPE_MENU_BUTTON)));
    wait_until (popover_at_rest, &wait, "the calendar to open");
    screenshot ("due-date-chooser-360.png");
    assert_inside_window (wait.rest.widget, GTK_WIDGET (window));
    gtk_popover_popdown (GTK_POPOVER (wait.rest.widget));
  }

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* Real input */

typedef struct
{
  GFile      *file;
  const char *session_date;
  const char *due_date;
  const char *zone;
} Saved;

static gboolean
saved (gpointer data)
{
  Saved *s = data;
  g_autoptr(ConveneProject) project = load_file (s->file);
  ConveneSession *session = first_session (project);

  return (s->session_date == NULL || g_str_equal (convene_session_get_date (session), s->session_date)) &&
         (s->due_date == NULL || g_str_equal (convene_outcome_get_due_date (first_follow_up (session)), s->due_date)) &&
         (s->zone == NULL || g_str_equal (convene_project_get_time_zone (project), s->zone));
}

/* The calendar's label for day of the month it shows. */
static GtkWidget *
day_label (GtkWidget *calendar,
           int        day)
{
  g_autofree char *text = g_strdup_printf ("%d", day);

  for (GtkWidget *child = gtk_widget_get_first_child (calendar); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "day-number") &&
          !gtk_widget_has_css_class (child, "other-month") &&
          g_str_equal (gtk_label_get_text (GTK_LABEL (child)), text))
        return child;
      if ((found = day_label (child, day)) != NULL)
        return found;
    }
  return NULL;
}

/* As screen_point(), for a widget in a popover too: the popover's place
 * on its window's surface, that surface's place on the screen. */
static void
screen_centre (GtkWidget *widget,
               int       *x,
               int       *y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  GdkSurface *surface = gtk_native_get_surface (native);
  double wx = 0, wy = 0, nx = 0, ny = 0, window_nx = 0, window_ny = 0;
  int top_x, top_y;

  if (GTK_IS_WINDOW (native))
    {
      screen_point (widget, 0.5, x, y);
      return;
    }
  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native), gtk_widget_get_width (widget) / 2.0,
                                                   gtk_widget_get_height (widget) / 2.0, &wx, &wy));
  gtk_native_get_surface_transform (native, &nx, &ny);
  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_nx, &window_ny);
  /* The window's top edge, mid-width, on the screen; its surface's corner. */
  screen_point (window, 0.0, &top_x, &top_y);
  *x = (int) (top_x - gtk_widget_get_width (window) / 2.0 - window_nx + gdk_popup_get_position_x (GDK_POPUP (surface)) +
              nx + wx);
  *y = (int) (top_y - window_ny + gdk_popup_get_position_y (GDK_POPUP (surface)) + ny + wy);
}

static void
click (GtkWidget *widget)
{
  int x, y;
  g_autofree char *command = NULL;

  screen_centre (widget, &x, &y);
  command = g_strdup_printf ("mousemove %d %d click 1", x, y);
  xdotool (command);
}

typedef struct
{
  GtkWidget *calendar;
  int        month;    /* 0 for January */
} CalendarMonth;

static gboolean
calendar_shows_month (gpointer data)
{
  CalendarMonth *check = data;
  int month = -1;

  g_object_get (check->calendar, "month", &month, NULL);
  return month == check->month;
}

/* Opens the calendar of date_entry with a click; returns the calendar. */
static GtkWidget *
open_calendar (GtkWidget *date_entry)
{
  PopoverAtRest wait = { .root = date_entry };

  click (first_of_type (date_entry, GTK_TYPE_MENU_BUTTON));
  wait_until (popover_at_rest, &wait, "the calendar to open");
  return first_of_type (wait.rest.widget, GTK_TYPE_CALENDAR);
}

static int
run_real_input (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "real.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneProject *project = convene_document_get_project (document);
  ConveneSession *session = first_session (project);
  ConveneOutcome *follow_up = add_follow_up (document);
  ConveneWindow *window = NULL;
  GtkWidget *date_entry;
  g_autofree char *old_date = NULL;
  GtkWidget *calendar;
  guint test = 0;
  gboolean ok;

  /* On 31 May, a page turned back shows 30 April selected: GtkCalendar
   * says a day was selected, though none was picked. */
  g_assert_true (convene_document_perform (document, convene_edit_set_text (session, "date", "2027-05-31", NULL),
                                           NULL));
  old_date = g_strdup (convene_session_get_date (session));
  window = show_window (document, 1280, 800);
  date_entry = require_widget (GTK_WIDGET (window), "date_entry");
  gtk_window_set_title (GTK_WINDOW (window), "Convene Choosers Test");
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (window) }, "the window to be drawn");
  g_print ("1..7\n");

  /* The calendar's page turned back a month with the heading's first
   * button, then 12 April clicked. */
  calendar = open_calendar (date_entry);
  screenshot ("date-chooser-1280.png");
  click (first_of_type (calendar, GTK_TYPE_BUTTON));
  /* The click has reached the calendar (April shown) before any day of it
   * is looked for: a day found on May's page would be clicked on April's. */
  wait_until (calendar_shows_month, &(CalendarMonth) { calendar, 3 }, "the calendar to show April");
  wait_until (at_rest, &(AtRest) { .widget = day_label (calendar, 12) }, "April's days to be in place");
  ok = gtk_widget_get_mapped (calendar) && g_str_equal (convene_session_get_date (session), old_date) &&
       g_str_equal (shown_text (date_entry), "Mon 31 May 2027");
  g_print ("%s %u - turning the calendar's page picks nothing\n", ok ? "ok" : "not ok", ++test);
  click (day_label (calendar, 12));
  ok = eventually (saved, &(Saved) { .file = file, .session_date = "2027-04-12" }) &&
       g_str_equal (shown_text (date_entry), "Mon 12 Apr 2027") && !gtk_widget_get_mapped (calendar);
  g_print ("%s %u - a day clicked in the calendar is the session's date, saved and shown\n", ok ? "ok" : "not ok",
           ++test);
  click (require_widget (GTK_WIDGET (window), "undo_button"));
  ok = eventually (saved, &(Saved) { .file = file, .session_date = old_date });
  g_print ("%s %u - Undo puts the old date back\n", ok ? "ok" : "not ok", ++test);

  /* Typed from the keyboard, in the form the field shows. */
  click (first_of_type (date_entry, GTK_TYPE_ENTRY));
  wait_until (focus_within, date_entry, "the date's entry to have the keyboard");
  xdotool ("key ctrl+a");
  xdotool ("type --delay 20 'Tue 15 Jun 2027'");
  xdotool ("key Return");
  ok = eventually (saved, &(Saved) { .file = file, .session_date = "2027-06-15" });
  g_print ("%s %u - a date typed in the field and Enter is the session's date, saved\n", ok ? "ok" : "not ok",
           ++test);

  /* A follow-up without a due date: its calendar opens on today's month. */
  {
    GtkWidget *due = due_entry_of (window, follow_up);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *due_date = g_strdup_printf ("%04d-%02d-20", g_date_time_get_year (now),
                                                 g_date_time_get_month (now));

    wait_until (at_rest, &(AtRest) { .widget = due }, "the outcomes to be drawn");
    calendar = open_calendar (due);
    screenshot ("due-date-chooser-1280.png");
    click (day_label (calendar, 20));
    ok = eventually (saved, &(Saved) { .file = file, .due_date = due_date });
    g_print ("%s %u - a day clicked in a follow-up's calendar is its due date, saved\n", ok ? "ok" : "not ok",
             ++test);
  }

  /* The zone from the keyboard: Enter on its row, "new york" typed, Enter. */
  {
    GtkWidget *row = open_details (window);
    PopoverAtRest wait = { .root = row };

    wait_until (at_rest, &(AtRest) { .widget = row }, "the project details to be drawn");
    gtk_widget_grab_focus (row);
    wait_until (focus_within, row, "the time zone row to have the keyboard");
    xdotool ("key Return");
    wait_until (popover_at_rest, &wait, "the time zone chooser to open");
    xdotool ("type --delay 40 'new york'");
    ok = eventually (lists, &(Listed) { wait.rest.widget, "America/New_York" });
    g_print ("%s %u - “new york” typed in the chooser finds America/New_York alone\n", ok ? "ok" : "not ok",
             ++test);
    screenshot ("zone-chooser-1280.png");
    xdotool ("key Return");
    ok = eventually (saved, &(Saved) { .file = file, .zone = "America/New_York" });
    g_print ("%s %u - Enter chooses it: the project's time zone, saved\n", ok ? "ok" : "not ok", ++test);
  }

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

  /* Dates read and written in the C locale's words, whatever the machine's. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  if (ui_test_init (&argc, &argv, "convene-choosers-XXXXXX", &tmp_dir))
    status = run_real_input ();
  else
    {
      g_test_add_func ("/ui/choosers/parse", test_parse);
      g_test_add_func ("/ui/choosers/zone-search", test_zone_search);
      g_test_add_func ("/ui/choosers/typed-dates", test_typed_dates);
      g_test_add_func ("/ui/choosers/time-zone", test_time_zone);
      g_test_add_func ("/ui/choosers/narrow", test_narrow);
      status = g_test_run ();
    }

  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
