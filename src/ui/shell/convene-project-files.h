/* convene-project-files.h: where projects live and which were used lately.
 * New projects go to the projects folder in the user's data directory (inside
 * Flatpak, the app's own); the recent list is kept in GSettings as absolute
 * paths, the most recent first. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CONVENE_MAX_RECENT_PROJECTS 10

/* $XDG_DATA_HOME/convene/projects. */
GFile     *convene_project_files_get_folder   (void);
/* Creates the projects folder when missing. */
gboolean   convene_project_files_ensure_folder (GError **error);
/* "BASE.convene" in folder, or "BASE (2).convene", "BASE (3).convene"...
 * the first name not taken. */
GFile     *convene_project_files_next_free    (GFile *folder, const char *base);
/* The file that the project in file, called title, should move to: in the
 * projects folder, files are named after their project's title (made safe
 * for every file system, numbered when taken). NULL when file already has
 * such a name, or lives anywhere else (a name the planner chose). */
GFile     *convene_project_files_file_for_title (GFile *file, const char *title);
/* Puts file at the front of the recent list (once, at most ten entries). */
void       convene_project_files_remember     (GSettings *settings, GFile *file);
void       convene_project_files_forget       (GSettings *settings, GFile *file);
/* The projects to offer on the start page: the recent ones first, then any
 * other project in the projects folder, newest first. Only files that exist;
 * recent entries whose file is gone are forgotten. An array of GFile. */
GPtrArray *convene_project_files_list         (GSettings *settings);

G_END_DECLS
