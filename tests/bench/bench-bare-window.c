/* The floor for "launch to window shown": a bare libadwaita application
 * that shows one empty AdwApplicationWindow and nothing else. Like Convene
 * under CONVENE_BENCH_SHOWN, it says "shown" on standard error once its
 * first frame is drawn. */
#define G_LOG_DOMAIN "convene-bench"
#include "config.h"

#include <adwaita.h>

static void
after_paint (GdkFrameClock *clock,
             gpointer       data)
{
  g_printerr ("bare window: shown\n");
  g_signal_handlers_disconnect_by_func (clock, after_paint, data);
}

static void
mapped (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint), NULL);
}

static void
activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  g_signal_connect (window, "map", G_CALLBACK (mapped), NULL);
  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.convene.BenchBareWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
