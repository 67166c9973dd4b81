/* ui-test-support.h: what every widget test of Convene needs: run the main
 * loop until something holds (or fail instead of hanging), find widgets
 * and the text they show, make the example project, show it in a window
 * and read the saved file back. */
#pragma once

#include <gtk/gtk.h>

#include "convene-document.h"
#include "convene-timeline-view.h"
#include "convene-window.h"

G_BEGIN_DECLS

typedef gboolean (*Condition) (gpointer data);

/* Iterates the main loop until condition holds; after 15 s the test fails
 * naming what it waited for. */
void       wait_until     (Condition condition, gpointer data, const char *what);
/* As wait_until, but says whether condition came to hold instead of failing:
 * for the TAP-printing end-to-end checks, which report "not ok" and go on. */
gboolean   eventually     (Condition condition, gpointer data);
/* A Condition: widget is mapped and has kept its place in its window for
 * three frames (a toast or popover has finished sliding in), so a pointer
 * aimed at it lands on it. Zero-initialise all but the widget. */
typedef struct
{
  GtkWidget       *widget;
  gboolean         seen;
  graphene_rect_t  bounds;
  gint64           since;
} AtRest;
gboolean   at_rest        (gpointer data);
/* A Condition: the main loop has nothing ready to run (what a step set
 * going, idle callbacks included, has happened). */
gboolean   nothing_pending (gpointer data);
/* A Condition: the keyboard focus of the widget data's window is on it or
 * inside it (a list gives it to a row). */
gboolean   focus_within   (gpointer data);
/* A Condition: a popover under root is shown and at rest (see AtRest);
 * rest.widget is then that popover. Zero-initialise all but root. */
typedef struct
{
  GtkWidget *root;
  AtRest     rest;
} PopoverAtRest;
gboolean   popover_at_rest (gpointer data);
/* Iterates the main loop for ms milliseconds. Only for what is about
 * time itself (the double-click interval, X drag-and-drop exchanges no
 * widget shows): everything else waits for its condition. */
void       settle         (guint ms);
/* The widget whose .ui id is id, under root (root included), or NULL. */
GtkWidget *find_by_id     (GtkWidget *root, const char *id);
/* As find_by_id, but fails the test when there is none. */
GtkWidget *require_widget (GtkWidget *root, const char *id);
/* Turns the window to the project's details (built the first time they
 * show) and waits for them; returns their widget whose .ui id is id. */
GtkWidget *open_project_details (GtkWidget *window, const char *id);
/* Appends the text of every visible label under root, in tree order. */
void       collect_labels (GtkWidget *root, GPtrArray *texts);
/* Whether a visible label under root shows exactly text. */
gboolean   shows_label    (GtkWidget *root, const char *text);
/* Waits until shows_label (root, text) holds. */
void       wait_for_label (GtkWidget *root, const char *text);
/* Waits until no visible label under root shows text (a filter applied,
 * a row gone): slow machines draw later, so never assert after a fixed pause. */
void       wait_for_no_label (GtkWidget *root, const char *text);

/* Real pointer and keyboard input through xdotool in the X server the test
 * runs in (GUIDE.md §5). */
/* Runs `xdotool args` while the main loop keeps turning. */
void       xdotool        (const char *args);
/* As xdotool(), then waits until window has received one more event of
 * type (the key press or button release args sends), so what follows sees
 * its effect, or that it had none. */
void       xdotool_seen   (GtkWidget *window, const char *args, GdkEventType type);
/* The centre (or the point at fraction fy of the height) of widget in
 * screen coordinates; its window must have a unique title. */
void       screen_point   (GtkWidget *widget, double fy, int *x, int *y);
/* Presses button 1 at (x1, y1), moves in ten steps to (x2, y2), releases. */
void       drag           (int x1, int y1, int x2, int y2);
/* Presses button 1 at (x1, y1) and moves in ten steps to (x2, y2), keeping
 * it held; drag_release() lets go at (x, y). drag() does both. */
void       drag_hold      (int x1, int y1, int x2, int y2);
void       drag_release   (int x, int y);
/* Saves the screen as name (a .png) in $CONVENE_SHOTS_DIR, when set. */
void       screenshot     (const char *name);
/* Saves what window draws (its own rendering, no X server or ImageMagick
 * needed) as name in $CONVENE_SHOTS_DIR, when set. */
void       render_shot    (GtkWidget *window, const char *name);

/* No leaflet under the widget given is sliding between its pages (its
 * labels are then half outside the window on purpose). */
gboolean   leaflets_still   (gpointer data);
/* A Condition: no widget shown in window has moved for three frames, so a
 * leaflet folding (which says nothing while it does) has finished.
 * Zero-initialise all but the window. */
typedef struct
{
  GtkWidget *window;
  char      *layout;
  gint64     since;
} LayoutRest;
gboolean   layout_at_rest   (gpointer data);
/* A Condition: the AdwLeaflet data has finished moving between pages. */
gboolean   leaflet_settled   (gpointer data);
/* A shown window of type (transient for transient_for, unless NULL), or
 * NULL; wait_for_toplevel() waits until there is one. */
GtkWindow *toplevel_of_type  (GType type, GtkWindow *transient_for);
GtkWindow *wait_for_toplevel (GType type, GtkWindow *parent);

/* Finding widgets (root included), in tree order; NULL when there is none. */
GtkWidget *first_of_type    (GtkWidget *root, GType type);
/* Every widget of type under root, root included, depth first; with
 * only_visible, hidden widgets and all they hold are passed over. */
void        collect_of_type  (GtkWidget *root, GType type, gboolean only_visible, GPtrArray *found);
GtkWidget *first_with_class (GtkWidget *root, const char *css_class);
/* The first widget of type under root (root included) whose accessible
 * label is label, or NULL. */
GtkWidget *find_accessible  (GtkWidget *root, GType type, const char *label);
/* The first button under root whose label is label. */
GtkWidget *button_labelled  (GtkWidget *root, const char *label);
/* What a table (GtkColumnView) under root shows: one line per row shown,
 * top to bottom, its visible labels of class css_class joined by " | ",
 * each line ended by "\n". */
char      *table_text       (GtkWidget *root, const char *css_class);
/* The timeline block showing segment, among those that exist. */
GtkWidget *block_of         (GtkWidget *root, ConveneSegment *segment);
/* Waits for the file chooser an action opened (the toolkit's own dialog:
 * tests run without a portal), gives the name it suggests in *suggested
 * (free it; suggested may be NULL), types path in its name field, as a
 * planner may type a whole path, and presses the button accept_label. */
void       answer_file_chooser (const char *accept_label, const char *path, char **suggested);
/* Waits for the open-file chooser an action opened, selects the file at
 * path in it and presses the button accept_label. */
void       answer_open_chooser (const char *accept_label, const char *path);
/* A Condition: whether the file at the path data exists. */
gboolean   file_exists      (gpointer data);
/* A Condition: whether the widget data is mapped. */
gboolean   widget_is_mapped (gpointer data);
/* Asserts that keyval, without modifiers, is bound on window to the action
 * action_name (a shortcut controller's named action). */
void       assert_shortcut  (GtkWidget *window, guint keyval, const char *action_name);
/* The page holding child: its ancestor that a GtkStack holds. */
GtkWidget *stack_page_of    (GtkWidget *child);
/* Brings the stack page holding child (the timeline's people list or the
 * segment's details) to the front, as its tab would, and waits until child
 * is on screen. */
void       show_side_page   (GtkWidget *child);
/* Types text into the entry row and presses Enter in it. */
void       activate_entry   (GtkWidget *row, const char *text);

/* The project. load_style() and the example read the program's resources:
 * a test using them compiles in convene_ui_resources (tests/ui/meson.build). */
/* Adds the application's style sheet to the display, as the application
 * does (these tests have no application). */
void             load_style          (void);
/* The example side event (a resource of the program). */
ConveneProject  *example_project     (void);
/* A new project file at file holding the example, opened. */
ConveneDocument *create_example      (GFile *file);
/* Deletes a closed project file and the SQLite files beside it. */
void             remove_project_file (GFile *file);
/* What the saved file holds, read the way another program would. */
ConveneProject  *load_file           (GFile *file);

/* Starts a widget test program: a new folder of its own (template as for
 * g_dir_make_tmp()) as XDG_DATA_HOME, returned in *tmp_dir; GTK (set up for
 * GTest unless the first argument is --drag), libadwaita and the style
 * sheet. Returns whether --drag was given. */
gboolean         ui_test_init        (int *argc, char ***argv, const char *template, char **tmp_dir);

/* The window */
/* A window showing document, width × height (-1, -1: its own default
 * size), presented and mapped. */
ConveneWindow       *show_window  (ConveneDocument *document, int width, int height);
void                 close_window (ConveneWindow *window);
/* The timeline of the window's session page. */
ConveneTimelineView *timeline_of  (ConveneWindow *window);
/* A new project in file: one session, "Long day", 08:00 for 24 hours, of
 * n_segments untitled segments of 1 to 3 minutes, kinds in turn. */
ConveneDocument     *create_long_day (GFile *file, guint n_segments);
/* The top-level segment at position of the project's first session
 * (borrowed: the session holds it). */
ConveneSegment      *top_segment  (ConveneDocument *document, guint position);
/* The session the window shows (borrowed), or NULL. */
ConveneSession      *selected_session (ConveneWindow *window);

G_END_DECLS
