/* convene-application.h: the single Convene instance: its windows, its
 * command line (headless export and import) and its app-wide actions. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CONVENE_TYPE_APPLICATION (convene_application_get_type ())
G_DECLARE_FINAL_TYPE (ConveneApplication, convene_application, CONVENE, APPLICATION, AdwApplication)

ConveneApplication *convene_application_new          (void);
/* Opens file in a window (presenting the one that already shows it); from
 * is the window the request came from, reused when it shows no project. An
 * error is shown in a dialog and leaves the file untouched. */
void                convene_application_open_project (ConveneApplication *self,
                                                      GFile              *file,
                                                      GtkWindow          *from);

/* The keyboard shortcuts of the application's and windows' actions: the
 * action ("win.undo") and its accelerators, NULL-terminated, for the
 * action at index (NULL past the last). */
const char         *convene_application_get_accel    (guint                index,
                                                      const char * const **accels);
/* The window listing every keyboard shortcut, built anew, for parent. */
GtkWindow          *convene_application_build_shortcuts_window (GtkWindow *parent);

G_END_DECLS
