#define G_LOG_DOMAIN "convene-bench-timeline"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "convene-document.h"
#include "convene-edits.h"
#include "convene-timeline-view.h"

/* How long the timeline takes to lay out and draw a session of 10, 100 and
 * 1,000 segments in a 1000 x 800 window, and to show one edit. Not a test:
 * run it under an X server (build-aux/dev bench) and read the table. */

#define ROUNDS 5

static gboolean painted;

static void
after_paint (GdkFrameClock *clock,
             gpointer       data)
{
  painted = TRUE;
}

/* Runs the main loop until the window has drawn a frame. */
static void
wait_for_frame (GtkWidget *window)
{
  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static ConveneDocument *
make_document (const char *dir,
               guint       n_segments)
{
  g_autofree char *name = g_strdup_printf ("bench-%u.convene", n_segments);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(GError) error = NULL;
  ConveneDocument *document;

  session = convene_session_new (convene_project_new_id (project), "Bench", "2026-06-01", 8 * 60, 1440);
  for (guint i = 0; i < n_segments; i++)
    {
      g_autoptr(ConveneSegment) segment =
        convene_segment_new (convene_project_new_id (project), (ConveneSegmentKind) (i % CONVENE_N_SEGMENT_KINDS),
                             "Segment", 1 + i % 3);

      g_list_store_append (convene_session_get_segments (session), segment);
    }
  g_list_store_append (convene_project_get_sessions (project), session);
  document = convene_document_create (file, project, &error);
  if (document == NULL)
    g_error ("%s", error->message);
  return document;
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 10, 100, 1000 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("convene-bench-XXXXXX", &error);
  GtkWidget *window;
  GtkWidget *timeline;
  GdkFrameClock *clock;

  if (dir == NULL)
    g_error ("%s", error->message);
  gtk_init ();
  adw_init ();

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  timeline = convene_timeline_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), timeline);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), NULL);

  g_print ("%10s %18s %18s\n", "segments", "show (ms, mean)", "one edit (ms)");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(ConveneDocument) document = make_document (dir, sizes[s]);
      ConveneProject *project = convene_document_get_project (document);
      g_autoptr(ConveneSession) session =
        g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);
      g_autoptr(ConveneSegment) first =
        g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 0);
      double show_total = 0, edit_total = 0;

      for (guint round = 0; round < ROUNDS; round++)
        {
          gint64 start = g_get_monotonic_time ();

          convene_timeline_view_set_session (CONVENE_TIMELINE_VIEW (timeline), document, session);
          wait_for_frame (window);
          show_total += (g_get_monotonic_time () - start) / 1000.0;

          start = g_get_monotonic_time ();
          if (!convene_document_perform (document,
                                         convene_edit_set_number (first, "duration", 5 + round, NULL), &error))
            g_error ("%s", error->message);
          wait_for_frame (window);
          edit_total += (g_get_monotonic_time () - start) / 1000.0;

          convene_timeline_view_set_session (CONVENE_TIMELINE_VIEW (timeline), NULL, NULL);
          wait_for_frame (window);
        }
      g_print ("%10u %18.2f %18.2f\n", sizes[s], show_total / ROUNDS, edit_total / ROUNDS);
      {
        g_autofree char *name = g_strdup_printf ("bench-%u.convene", sizes[s]);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autofree char *wal = g_strconcat (path, "-wal", NULL);
        g_autofree char *shm = g_strconcat (path, "-shm", NULL);

        convene_document_close (document);
        g_remove (wal);
        g_remove (shm);
        g_remove (path);
      }
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_rmdir (dir);
  return 0;
}
