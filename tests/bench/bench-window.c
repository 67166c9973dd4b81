#define G_LOG_DOMAIN "convene-bench-window"
#include "config.h"

#include <math.h>
#include <time.h>
#include <sys/resource.h>
#include <adwaita.h>

#include "convene-document.h"
#include "convene-edits.h"
#include "convene-timeline-view.h"
#include "convene-window.h"

/* What the planner waits for once a project is open in the whole window:
 * one edit (the first segment 5 minutes longer, so every later time moves)
 * made on a window at rest, as a planner's edits come seconds apart, from
 * the command to the next frame drawn; then to the frame after it, which
 * shows what is worded after the first (the warnings, the people's lists);
 * and the window's own CPU time for the first, which the load of other
 * programs does not inflate; one step of the timeline's
 * zoom (in, then out) to the frame that shows it; scrolling the fitted
 * timeline, a page at a time (Page Down, Page Up) and by steps of the wheel
 * (as GtkScrolledWindow moves for one notch), each step to its frame; and
 * the window's memory.
 * Not a test: tests/bench/run runs it under an X server and reads
 *   edit_median_s, edit_p90_s, edit_cpu_median_s, settled_median_s,
 *   settled_p90_s, zoom_median_s, zoom_p90_s, zoom_cpu_median_s,
 *   scroll_page_median_s, scroll_page_p95_s, scroll_page_cpu_median_s,
 *   scroll_wheel_median_s, scroll_wheel_p95_s, scroll_wheel_cpu_median_s,
 *   refresh_interval_s, zoom_late, scroll_page_late, scroll_wheel_late (steps
 *   drawn a frame late or more), peak_kib. */

#define EDITS   41
#define ZOOMS   40
#define SCROLLS 60

static gboolean painted;
static gint64 painted_at;
static gint64 painted_cpu;

/* The CPU time this thread has used, in microseconds: on a busy machine the
 * wall clock also counts the time other programs had the CPU. */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* Connected before anything in the window asks for a run after the frame,
 * so it notes the time the frame was drawn, not what follows it. */
static void
after_paint (GdkFrameClock *clock,
             gpointer       data)
{
  painted = TRUE;
  painted_at = g_get_monotonic_time ();
  painted_cpu = thread_cpu_time ();
}

/* The next frame: the one the edit asked for, drawing what it changed (a
 * frame is requested too, so an edit that changed nothing visible cannot
 * wait forever). */
static void
wait_for_frame (GtkWidget *window)
{
  painted = FALSE;
  gdk_frame_clock_request_phase (gtk_widget_get_frame_clock (window), GDK_FRAME_CLOCK_PHASE_PAINT);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
is_timeline (GtkWidget *widget)
{
  return CONVENE_IS_TIMELINE_VIEW (widget);
}

/* The scrolled window holding the timeline's list of blocks. */
static gboolean
is_scroller (GtkWidget *widget)
{
  return GTK_IS_SCROLLED_WINDOW (widget) &&
         GTK_IS_GRID_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget)));
}

/* The first of widget and its descendants that matches. */
static GtkWidget *
find_widget (GtkWidget *widget,
             gboolean (*matches) (GtkWidget *widget))
{
  if (matches (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, matches);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Until the window is at rest: a frame drawn after whatever earlier work
 * asked for, nothing left to dispatch, and that frame a while ago (the frame
 * clock spaces frames a refresh apart: an edit right after a frame would
 * wait for the next one, which a planner's edit never does). */
static void
wait_for_rest (GtkWidget *window)
{
  wait_for_frame (window);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_usleep (50 * G_TIME_SPAN_MILLISECOND);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* How many of the n sorted times took longer than a frame and a half:
 * steps that follow each other wait for the frame clock's next frame, so
 * a step drawn in time takes about one refresh interval; a late one, two. */
static guint
count_late (const gint64 *times,
            guint         n,
            gint64        interval)
{
  guint late = 0;

  for (guint i = 0; i < n; i++)
    late += times[i] * 2 > interval * 3;
  return late;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* SCROLLS steps of step pixels down the list, turning back at either end,
 * each from the adjustment's change to the frame drawn: times, sorted. */
static void
scroll_steps (GtkWidget     *window,
              GtkAdjustment *adjustment,
              gboolean       by_page,
              gint64        *times,
              gint64        *cpu)
{
  double direction = 1;

  gtk_adjustment_set_value (adjustment, 0);
  wait_for_frame (window);
  for (guint i = 0; i < SCROLLS; i++)
    {
      double page = gtk_adjustment_get_page_size (adjustment);
      /* One notch of the wheel: what GtkScrolledWindow scrolls for it. */
      double step = by_page ? page : pow (page, 2.0 / 3.0);
      double value = gtk_adjustment_get_value (adjustment);
      double last = gtk_adjustment_get_upper (adjustment) - page;
      gint64 start, start_cpu;

      if ((direction > 0 && value + step > last) || (direction < 0 && value - step < 0))
        direction = -direction;
      start = g_get_monotonic_time ();
      start_cpu = thread_cpu_time ();
      gtk_adjustment_set_value (adjustment, CLAMP (value + direction * step, 0, last));
      wait_for_frame (window);
      times[i] = painted_at - start;
      cpu[i] = painted_cpu - start_cpu;
    }
  qsort (times, SCROLLS, sizeof times[0], compare_times);
  qsort (cpu, SCROLLS, sizeof cpu[0], compare_times);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(ConveneSegment) first = NULL;
  gint64 times[EDITS];
  gint64 settled[EDITS];
  gint64 cpu[EDITS];
  gint64 zooms[ZOOMS];
  gint64 zooms_cpu[ZOOMS];
  gint64 pages[SCROLLS];
  gint64 pages_cpu[SCROLLS];
  gint64 wheels[SCROLLS];
  gint64 wheels_cpu[SCROLLS];
  GtkAdjustment *adjustment;
  struct rusage usage;
  gint64 interval = 0;
  ConveneWindow *window;
  GtkWidget *timeline;

  if (argc != 2)
    {
      g_printerr ("usage: bench-window PROJECT.convene\n");
      return 2;
    }
  gtk_init ();
  adw_init ();

  file = g_file_new_for_commandline_arg (argv[1]);
  document = convene_document_open (file, CONVENE_STORE_READ_WRITE, &error);
  if (document == NULL)
    g_error ("%s", error->message);
  session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (convene_document_get_project (document))), 0);
  first = g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 0);

  window = convene_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  convene_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (after_paint), NULL);
  wait_for_frame (GTK_WIDGET (window));

  for (guint i = 0; i < EDITS; i++)
    {
      guint length = convene_segment_get_duration (first) + (i % 2 == 0 ? 5 : -5);
      gint64 start, start_cpu;

      wait_for_rest (GTK_WIDGET (window));
      start = g_get_monotonic_time ();
      start_cpu = thread_cpu_time ();
      if (!convene_document_perform (document, convene_edit_set_number (first, "duration", length, &error),
                                     &error))
        g_error ("%s", error->message);
      wait_for_frame (GTK_WIDGET (window));
      times[i] = painted_at - start;
      cpu[i] = painted_cpu - start_cpu;
      wait_for_frame (GTK_WIDGET (window));
      settled[i] = painted_at - start;
    }
  qsort (times, EDITS, sizeof times[0], compare_times);
  qsort (settled, EDITS, sizeof settled[0], compare_times);
  qsort (cpu, EDITS, sizeof cpu[0], compare_times);

  /* From the fitted view, a step in and a step out, each to its frame. */
  timeline = find_widget (GTK_WIDGET (window), is_timeline);
  g_assert (timeline != NULL);
  gtk_widget_activate_action (timeline, "timeline.zoom-fit", NULL);
  wait_for_frame (GTK_WIDGET (window));
  for (guint i = 0; i < ZOOMS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 start_cpu = thread_cpu_time ();

      gtk_widget_activate_action (timeline, i % 2 == 0 ? "timeline.zoom-in" : "timeline.zoom-out", NULL);
      wait_for_frame (GTK_WIDGET (window));
      zooms[i] = painted_at - start;
      zooms_cpu[i] = painted_cpu - start_cpu;
    }
  qsort (zooms, ZOOMS, sizeof zooms[0], compare_times);
  qsort (zooms_cpu, ZOOMS, sizeof zooms_cpu[0], compare_times);

  /* Scrolling the fitted view, where a long programme's blocks are at
   * their smallest and the most of them come into view at each step. */
  gtk_widget_activate_action (timeline, "timeline.zoom-fit", NULL);
  wait_for_frame (GTK_WIDGET (window));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (find_widget (timeline, is_scroller)));
  scroll_steps (GTK_WIDGET (window), adjustment, TRUE, pages, pages_cpu);
  scroll_steps (GTK_WIDGET (window), adjustment, FALSE, wheels, wheels_cpu);

  gdk_frame_clock_get_refresh_info (gtk_widget_get_frame_clock (GTK_WIDGET (window)), 0, &interval, NULL);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("edit_median_s %.6f\nedit_p90_s %.6f\nedit_cpu_median_s %.6f\n"
           "settled_median_s %.6f\nsettled_p90_s %.6f\nzoom_median_s %.6f\nzoom_p90_s %.6f\n"
           "zoom_cpu_median_s %.6f\nscroll_page_median_s %.6f\nscroll_page_p95_s %.6f\n"
           "scroll_page_cpu_median_s %.6f\nscroll_wheel_median_s %.6f\nscroll_wheel_p95_s %.6f\n"
           "scroll_wheel_cpu_median_s %.6f\nrefresh_interval_s %.6f\nzoom_late %u\nscroll_page_late %u\n"
           "scroll_wheel_late %u\npeak_kib %ld\n",
           times[EDITS / 2] / 1e6, times[EDITS * 9 / 10] / 1e6, cpu[EDITS / 2] / 1e6,
           settled[EDITS / 2] / 1e6, settled[EDITS * 9 / 10] / 1e6,
           zooms[ZOOMS / 2] / 1e6, zooms[ZOOMS * 9 / 10] / 1e6, zooms_cpu[ZOOMS / 2] / 1e6,
           pages[SCROLLS / 2] / 1e6, pages[SCROLLS * 95 / 100] / 1e6, pages_cpu[SCROLLS / 2] / 1e6,
           wheels[SCROLLS / 2] / 1e6, wheels[SCROLLS * 95 / 100] / 1e6, wheels_cpu[SCROLLS / 2] / 1e6,
           interval / 1e6, count_late (zooms, ZOOMS, interval), count_late (pages, SCROLLS, interval),
           count_late (wheels, SCROLLS, interval), usage.ru_maxrss);

  gtk_window_destroy (GTK_WINDOW (window));
  convene_document_close (document);
  return 0;
}
