/* ui-test-support.h: what every widget test of Convene needs: run the main
 * loop until something holds (or fail instead of hanging), let redraws
 * settle, and find widgets and the text they show. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*Condition) (gpointer data);

/* Iterates the main loop until condition holds; after 15 s the test fails
 * naming what it waited for. */
void       wait_until     (Condition condition, gpointer data, const char *what);
/* Iterates the main loop for ms milliseconds, so pending layouts and
 * redraws happen. */
void       settle         (guint ms);
/* The widget whose .ui id is id, under root (root included), or NULL. */
GtkWidget *find_by_id     (GtkWidget *root, const char *id);
/* As find_by_id, but fails the test when there is none. */
GtkWidget *require_widget (GtkWidget *root, const char *id);
/* Appends the text of every visible label under root, in tree order. */
void       collect_labels (GtkWidget *root, GPtrArray *texts);
/* Whether a visible label under root shows exactly text. */
gboolean   shows_label    (GtkWidget *root, const char *text);
/* Waits until shows_label (root, text) holds. */
void       wait_for_label (GtkWidget *root, const char *text);

/* Real pointer and keyboard input through xdotool in the X server the test
 * runs in (GUIDE.md §5). */
/* Runs `xdotool args` while the main loop keeps turning. */
void       xdotool        (const char *args);
/* The centre (or the point at fraction fy of the height) of widget in
 * screen coordinates; its window must have a unique title. */
void       screen_point   (GtkWidget *widget, double fy, int *x, int *y);
/* Presses button 1 at (x1, y1), moves in ten steps to (x2, y2), releases. */
void       drag           (int x1, int y1, int x2, int y2);
/* Saves the screen as name (a .png) in $CONVENE_SHOTS_DIR, when set. */
void       screenshot     (const char *name);

G_END_DECLS
