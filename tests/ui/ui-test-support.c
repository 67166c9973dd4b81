#define G_LOG_DOMAIN "convene-test-support"
#include "config.h"

#include <stdlib.h>
#include <sys/wait.h>

#include "ui-test-support.h"

#define WAIT_SECONDS 15

/* Runs the main loop until condition holds; fails the test after a while
 * rather than hanging. */
void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

GtkWidget *
find_by_id (GtkWidget  *root,
            const char *id)
{
  const char *own = NULL;

  if (GTK_IS_BUILDABLE (root))
    own = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root));
  if (g_strcmp0 (own, id) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
require_widget (GtkWidget  *root,
                const char *id)
{
  GtkWidget *widget = find_by_id (root, id);

  if (widget == NULL)
    g_error ("no widget with id %s", id);
  return widget;
}

/* The text of every visible label under root, in tree order. */
void
collect_labels (GtkWidget *root,
                GPtrArray *texts)
{
  if (!gtk_widget_get_visible (root))
    return;
  if (GTK_IS_LABEL (root))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (root))));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_labels (root, texts);
  for (guint i = 0; i < texts->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (texts, i), text))
        return TRUE;
    }
  return FALSE;
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_is_shown (gpointer data)
{
  LabelWait *wait = data;

  return shows_label (wait->root, wait->text);
}

void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  LabelWait wait = { root, text };
  g_autofree char *what = g_strdup_printf ("the label “%s”", text);

  wait_until (label_is_shown, &wait, what);
}

/* Real input in a real X server, for the end-to-end tests. */

/* Runs xdotool with args while the main loop keeps turning, so the
 * window handles the events as they come. */
void
xdotool (const char *args)
{
  g_autofree char *command = g_strdup_printf ("xdotool %s", args);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  GPid pid;
  gboolean done = FALSE;

  g_assert_true (g_shell_parse_argv (command, NULL, &argv, &error));
  g_assert_true (g_spawn_async (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  while (!done)
    {
      int status = 0;

      if (waitpid (pid, &status, WNOHANG) == pid)
        done = TRUE;
      else if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  g_spawn_close_pid (pid);
}

/* The centre (or a point at fraction fy of the height) of widget in screen
 * coordinates: the window sits at the origin of the screen. */
void
screen_point (GtkWidget *widget,
              double     fy,
              int       *x,
              int       *y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  double nx = 0, ny = 0, wx = 0, wy = 0;
  int surface_x = 0, surface_y = 0;
  g_autofree char *out = NULL;
  g_autofree char *command = NULL;

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native),
                                                   gtk_widget_get_width (widget) / 2.0,
                                                   gtk_widget_get_height (widget) * fy, &wx, &wy));
  gtk_native_get_surface_transform (native, &nx, &ny);
  command = g_strdup_printf ("xdotool search --name \"^%s$\" getwindowgeometry --shell",
                             gtk_window_get_title (GTK_WINDOW (native)));
  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, NULL, NULL));
  {
    g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      {
        if (g_str_has_prefix (lines[i], "X="))
          surface_x = atoi (lines[i] + 2);
        else if (g_str_has_prefix (lines[i], "Y="))
          surface_y = atoi (lines[i] + 2);
      }
  }
  *x = surface_x + (int) (wx + nx);
  *y = surface_y + (int) (wy + ny);
}

void
drag (int x1, int y1, int x2, int y2)
{
  g_autofree char *down = g_strdup_printf ("mousemove %d %d mousedown 1", x1, y1);
  g_autofree char *up = g_strdup_printf ("mousemove %d %d mouseup 1", x2, y2);

  xdotool (down);
  settle (150);
  for (int i = 1; i <= 10; i++)
    {
      g_autofree char *step = g_strdup_printf ("mousemove %d %d", x1 + (x2 - x1) * i / 10, y1 + (y2 - y1) * i / 10);
      xdotool (step);
      settle (40);
    }
  settle (200);
  xdotool (up);
  settle (400);
}

void
screenshot (const char *name)
{
  const char *dir = g_getenv ("CONVENE_SHOTS_DIR");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  settle (500);
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_print ("# screenshot %s\n", path);
}

