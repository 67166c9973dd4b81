#define G_LOG_DOMAIN "convene-test-support"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "convene-icons.h"
#include "convene-json.h"
#include "convene-segment-block.h"
#include "convene-store.h"
#include "convene-timeline-view.h"
#include "ui-test-support.h"

#define WAIT_SECONDS 15
#define EXAMPLE_RESOURCE "/io/github/convene/Convene/examples/side-event.json"

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

gboolean
eventually (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

gboolean
at_rest (gpointer data)
{
  AtRest *rest = data;
  GtkNative *native;
  GdkFrameClock *clock;
  graphene_rect_t bounds;
  gint64 frame;

  if (rest->widget == NULL || !gtk_widget_get_mapped (rest->widget))
    return FALSE;
  native = gtk_widget_get_native (rest->widget);
  clock = gtk_widget_get_frame_clock (rest->widget);
  if (native == NULL || clock == NULL ||
      !gtk_widget_compute_bounds (rest->widget, GTK_WIDGET (native), &bounds))
    return FALSE;
  /* Frames keep coming while we look, so an animation shows as movement. */
  gtk_widget_queue_draw (GTK_WIDGET (native));
  frame = gdk_frame_clock_get_frame_counter (clock);
  if (!rest->seen || !graphene_rect_equal (&bounds, &rest->bounds))
    {
      rest->seen = TRUE;
      rest->bounds = bounds;
      rest->since = frame;
      return FALSE;
    }
  return frame - rest->since >= 3;
}

gboolean
nothing_pending (gpointer data)
{
  return !g_main_context_pending (NULL);
}

gboolean
focus_within (gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (data));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == data || gtk_widget_is_ancestor (focus, GTK_WIDGET (data)));
}

static gboolean
popover_under (GtkWidget *root,
               AtRest    *rest)
{
  if (GTK_IS_POPOVER (root) && gtk_widget_get_mapped (root))
    {
      if (rest->widget != root)
        *rest = (AtRest) { .widget = root };
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (popover_under (child, rest))
      return TRUE;
  return FALSE;
}

gboolean
popover_at_rest (gpointer data)
{
  PopoverAtRest *wait = data;

  return popover_under (wait->root, &wait->rest) && at_rest (&wait->rest);
}

/* What a window has been sent, counted by the window itself. */
typedef struct
{
  guint counts[GDK_EVENT_LAST];
} InputCounts;

static gboolean
count_input (GtkEventControllerLegacy *controller,
             GdkEvent                 *event,
             gpointer                  data)
{
  InputCounts *counts = data;
  GdkEventType type = gdk_event_get_event_type (event);

  if (type < GDK_EVENT_LAST)
    counts->counts[type]++;
  return GDK_EVENT_PROPAGATE;
}

typedef struct
{
  InputCounts  *counts;
  GdkEventType  type;
  guint         before;
} InputWait;

static gboolean
input_arrived (gpointer data)
{
  InputWait *wait = data;

  return wait->counts->counts[wait->type] > wait->before;
}

void
xdotool_seen (GtkWidget    *window,
              const char   *args,
              GdkEventType  type)
{
  InputCounts *counts = g_object_get_data (G_OBJECT (window), "test-input-counts");
  InputWait wait;
  g_autofree char *what = NULL;

  if (counts == NULL)
    {
      GtkEventController *controller = gtk_event_controller_legacy_new ();

      counts = g_new0 (InputCounts, 1);
      g_object_set_data_full (G_OBJECT (window), "test-input-counts", counts, g_free);
      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      g_signal_connect (controller, "event", G_CALLBACK (count_input), counts);
      gtk_widget_add_controller (window, controller);
    }
  wait = (InputWait) { counts, type, counts->counts[type] };
  xdotool (args);
  what = g_strdup_printf ("the window to receive “%s”", args);
  wait_until (input_arrived, &wait, what);
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

GtkWidget *
open_project_details (GtkWidget  *window,
                      const char *id)
{
  GtkWidget *widget;

  g_assert_true (gtk_widget_activate (require_widget (window, "details_row")));
  widget = require_widget (window, id);
  wait_until (widget_is_mapped, widget, "the project details to show");
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

typedef struct {
  double  y;
  char   *text;
} TableLine;

static void
collect_classed_labels (GtkWidget  *root,
                        const char *css_class,
                        GString    *line)
{
  if (!gtk_widget_get_visible (root))
    return;
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, css_class))
    {
      if (line->len > 0)
        g_string_append (line, " | ");
      g_string_append (line, gtk_label_get_text (GTK_LABEL (root)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_classed_labels (child, css_class, line);
}

static void
collect_table_lines (GtkWidget  *root,
                     GtkWidget  *table,
                     const char *css_class,
                     GArray     *lines)
{
  if (!gtk_widget_get_visible (root))
    return;
  if (root != table && g_str_equal (gtk_widget_get_css_name (root), "row"))
    {
      graphene_rect_t bounds;
      TableLine line = { 0 };
      g_autoptr(GString) text = g_string_new (NULL);

      if (!gtk_widget_compute_bounds (root, table, &bounds))
        return;
      collect_classed_labels (root, css_class, text);
      line.y = bounds.origin.y;
      line.text = g_strdup (text->str);
      g_array_append_val (lines, line);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_table_lines (child, table, css_class, lines);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const TableLine *la = a, *lb = b;

  return la->y < lb->y ? -1 : la->y > lb->y;
}

GtkWidget *
find_accessible (GtkWidget  *root,
                 GType       type,
                 const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (root),
                                                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      if (mismatch == NULL)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_accessible (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

ConveneDocument *
create_long_day (GFile *file,
                 guint  n_segments)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(GError) error = NULL;
  ConveneDocument *document;

  session = convene_session_new (convene_project_new_id (project), "Long day", "2026-06-01", 8 * 60, 1440);
  for (guint i = 0; i < n_segments; i++)
    {
      g_autoptr(ConveneSegment) segment =
        convene_segment_new (convene_project_new_id (project), (ConveneSegmentKind) (i % CONVENE_N_SEGMENT_KINDS),
                             "", 1 + i % 3);

      g_list_store_append (convene_session_get_segments (session), segment);
    }
  g_list_store_append (convene_project_get_sessions (project), session);
  document = convene_document_create (file, project, &error);
  g_assert_no_error (error);
  return document;
}

ConveneSegment *
top_segment (ConveneDocument *document,
             guint            position)
{
  g_autoptr(ConveneSession) session =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (convene_document_get_project (document))), 0);
  g_autoptr(ConveneSegment) segment =
    g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), position);

  return segment;
}

char *
table_text (GtkWidget  *root,
            const char *css_class)
{
  GtkWidget *table = first_of_type (root, GTK_TYPE_COLUMN_VIEW);
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (TableLine));
  GString *text = g_string_new (NULL);

  g_assert_nonnull (table);
  collect_table_lines (table, table, css_class, lines);
  g_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    {
      TableLine *line = &g_array_index (lines, TableLine, i);

      g_string_append (text, line->text);
      g_string_append_c (text, '\n');
      g_free (line->text);
    }
  return g_string_free (text, FALSE);
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

static gboolean
label_is_gone (gpointer data)
{
  LabelWait *wait = data;

  return !shows_label (wait->root, wait->text);
}

void
wait_for_no_label (GtkWidget  *root,
                   const char *text)
{
  LabelWait wait = { root, text };
  g_autofree char *what = g_strdup_printf ("the label “%s” to go", text);

  wait_until (label_is_gone, &wait, what);
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
drag_hold (int x1, int y1, int x2, int y2)
{
  g_autofree char *down = g_strdup_printf ("mousemove %d %d mousedown 1", x1, y1);

  /* These pauses stay, on purpose. Once the pointer has moved past the
   * threshold, X drag and drop runs as messages through the X server
   * (the target answers each position with a status), and the release
   * only drops when the answer to the last position has come back; no
   * widget shows that, and the source and target are not known here.
   * Steps apart in time also keep the motions from being merged into one
   * jump. The tests then wait for what the drop changed (the file). */
  xdotool (down);
  settle (150);
  for (int i = 1; i <= 10; i++)
    {
      g_autofree char *step = g_strdup_printf ("mousemove %d %d", x1 + (x2 - x1) * i / 10, y1 + (y2 - y1) * i / 10);
      xdotool (step);
      settle (40);
    }
  settle (200);
}

void
drag_release (int x, int y)
{
  g_autofree char *up = g_strdup_printf ("mousemove %d %d mouseup 1", x, y);

  /* The drop, too, is an exchange through the X server (drop, then
   * finished) that no widget shows: give it time before the next step. */
  xdotool (up);
  settle (400);
}

void
drag (int x1, int y1, int x2, int y2)
{
  drag_hold (x1, y1, x2, y2);
  drag_release (x2, y2);
}

/* Whether a leaflet under widget is still sliding between its pages: its
 * labels are then half outside the window on purpose. */
static gboolean
leaflet_sliding (GtkWidget *widget)
{
  if (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (leaflet_sliding (child))
      return TRUE;
  return FALSE;
}

/* Where every widget shown is, as text. */
static void
append_layout (GtkWidget *window,
               GtkWidget *widget,
               GString   *out)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_child_visible (widget))
    return;
  if (gtk_widget_compute_bounds (widget, window, &bounds))
    g_string_append_printf (out, "%p %.0f %.0f %.0f %.0f\n", (void *) widget, bounds.origin.x, bounds.origin.y,
                            bounds.size.width, bounds.size.height);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_layout (window, child, out);
}


/* No widget shown has moved for three frames: a leaflet folding (which
 * says nothing while it does) has finished. */
gboolean
layout_at_rest (gpointer data)
{
  LayoutRest *rest = data;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (rest->window);
  g_autoptr(GString) layout = g_string_new (NULL);
  gint64 frame;

  if (clock == NULL)
    return FALSE;
  gtk_widget_queue_draw (rest->window);
  frame = gdk_frame_clock_get_frame_counter (clock);
  append_layout (rest->window, rest->window, layout);
  if (g_strcmp0 (layout->str, rest->layout) != 0)
    {
      g_free (rest->layout);
      rest->layout = g_string_free (g_steal_pointer (&layout), FALSE);
      rest->since = frame;
      return FALSE;
    }
  if (frame - rest->since < 3)
    return FALSE;
  g_clear_pointer (&rest->layout, g_free);
  return TRUE;
}

gboolean
leaflets_still (gpointer data)
{
  return !leaflet_sliding (data);
}

gboolean
leaflet_settled (gpointer data)
{
  return !adw_leaflet_get_child_transition_running (data);
}

GtkWindow *
toplevel_of_type (GType      type,
                  GtkWindow *transient_for)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* GTK's own */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (transient_for == NULL || gtk_window_get_transient_for (window) == transient_for))
        return window;  /* GTK keeps its toplevels */
    }
  return NULL;
}

typedef struct
{
  GType      type;
  GtkWindow *parent;
} Toplevel;

static gboolean
toplevel_shown (gpointer data)
{
  Toplevel *wanted = data;

  return toplevel_of_type (wanted->type, wanted->parent) != NULL;
}

GtkWindow *
wait_for_toplevel (GType      type,
                   GtkWindow *parent)
{
  Toplevel wanted = { type, parent };

  wait_until (toplevel_shown, &wanted, g_type_name (type));
  return toplevel_of_type (type, parent);
}

void
render_shot (GtkWidget  *window,
             const char *name)
{
  const char *dir = g_getenv ("CONVENE_SHOTS_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  wait_until (at_rest, &(AtRest) { .widget = window }, "the window to be drawn");

  /* A toplevel's own paintable draws nothing: its content is drawn, on the
   * window's background (libadwaita's, light or dark). */
  paintable = gtk_widget_paintable_new (gtk_widget_get_first_child (window));
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot,
                             adw_style_manager_get_dark (adw_style_manager_get_default ())
                               ? &(GdkRGBA) { 0.14, 0.14, 0.14, 1 } : &(GdkRGBA) { 0.98, 0.98, 0.98, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (window), gtk_widget_get_height (window)));
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (window),
                                                              gtk_widget_get_height (window)));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_print ("# screenshot %s\n", path);
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
  /* Every window shown has finished what it was doing (sliding pages,
   * toasts coming in) and is drawn. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

        if (gtk_widget_get_mapped (window))
          wait_until (at_rest, &(AtRest) { .widget = window }, "the windows to be drawn");
      }
  }
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_print ("# screenshot %s\n", path);
}


/* Finding widgets */

void
collect_of_type (GtkWidget *root,
                 GType      type,
                 gboolean   only_visible,
                 GPtrArray *found)
{
  if (only_visible && !gtk_widget_get_visible (root))
    return;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_of_type (child, type, only_visible, found);
}

GtkWidget *
first_of_type (GtkWidget *root,
               GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
first_with_class (GtkWidget  *root,
                  const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
button_labelled (GtkWidget  *root,
                 const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
block_of (GtkWidget      *root,
          ConveneSegment *segment)
{
  if (CONVENE_IS_SEGMENT_BLOCK (root) &&
      convene_segment_block_get_segment (CONVENE_SEGMENT_BLOCK (root)) == segment)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = block_of (child, segment);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
shown_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
file_chooser_shown (gpointer data)
{
  return shown_file_chooser () != NULL;
}

void
answer_file_chooser (const char  *accept_label,
                     const char  *path,
                     char       **suggested)
{
  GtkWidget *chooser;
  GtkWidget *accept;

  wait_until (file_chooser_shown, NULL, "the file chooser");
  chooser = shown_file_chooser ();
  if (suggested != NULL)
    *suggested = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), path);
  /* As a click: the chooser checks the name, then answers. */
  accept = button_labelled (chooser, accept_label);
  g_assert_nonnull (accept);
  gtk_widget_activate (accept);
}

typedef struct
{
  GtkFileChooser *chooser;
  GFile          *file;
} Chosen;

static gboolean
file_chosen (gpointer data)
{
  Chosen *chosen = data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chosen->chooser);

  return file != NULL && g_file_equal (file, chosen->file);
}

void
answer_open_chooser (const char *accept_label,
                     const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *chooser;
  GtkWidget *accept;
  Chosen chosen;

  wait_until (file_chooser_shown, NULL, "the file chooser");
  chooser = shown_file_chooser ();
  gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error);
  g_assert_no_error (error);
  /* The chooser selects the file once it has listed its folder. */
  chosen.chooser = GTK_FILE_CHOOSER (chooser);
  chosen.file = file;
  wait_until (file_chosen, &chosen, "the file chooser to select the file");
  accept = button_labelled (chooser, accept_label);
  g_assert_nonnull (accept);
  gtk_widget_activate (accept);
}

gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

void
assert_shortcut (GtkWidget  *window,
                 guint       keyval,
                 const char *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0 &&
              GTK_IS_NAMED_ACTION (action) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), action_name) == 0)
            return;
        }
    }
  g_error ("no shortcut %s for %s in %s", gdk_keyval_name (keyval), action_name, G_OBJECT_TYPE_NAME (window));
}

GtkWidget *
stack_page_of (GtkWidget *child)
{
  GtkWidget *page = child;

  while (gtk_widget_get_parent (page) != NULL && !GTK_IS_STACK (gtk_widget_get_parent (page)))
    page = gtk_widget_get_parent (page);
  g_assert_nonnull (gtk_widget_get_parent (page));
  return page;
}

void
show_side_page (GtkWidget *child)
{
  GtkWidget *page = stack_page_of (child);
  AtRest rest = { .widget = child };

  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (page)), page);
  /* On a narrow window the side column first takes the timeline's place. */
  if (gtk_widget_get_ancestor (page, CONVENE_TYPE_TIMELINE_VIEW) != NULL)
    convene_timeline_view_show_side (CONVENE_TIMELINE_VIEW (gtk_widget_get_ancestor (page, CONVENE_TYPE_TIMELINE_VIEW)),
                                     gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (page))));
  wait_until (widget_is_mapped, child, "the side page to show");
  wait_until (at_rest, &rest, "the side page to settle");
}

void
activate_entry (GtkWidget  *row,
                const char *text)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_assert_true (GTK_IS_TEXT (delegate));
  /* What pressing Enter does (GtkText has no activate_signal in GTK 4.8,
   * so gtk_widget_activate() would not reach it). */
  g_signal_emit_by_name (delegate, "activate");
}

/* The project */

void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/convene/Convene/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* A warning or a critical fails the test (G_DEBUG=fatal-warnings); once it
 * is written, and before the test stops, the stack it came from goes to
 * standard error too (gdb attaches, when there is one), so that a failure
 * seen once can be traced from its log. gdb writes there itself: this
 * process is stopped while it is attached and could not read a pipe. */
static GLogWriterOutput
write_with_stack (GLogLevelFlags   level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         data)
{
  GLogWriterOutput written = g_log_writer_default (level, fields, n_fields, data);

  /* GLib drops the fatal flag before a message reaches the writer. */
  if (level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_autofree char *gdb = g_find_program_in_path ("gdb");
      g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
      const char *argv[] = {
        "/bin/sh", "-c", "exec \"$0\" -q -batch -nx -p \"$1\" -ex 'thread apply all bt' 1>&2 </dev/null",
        gdb, pid, NULL
      };

      if (gdb != NULL)
        g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, NULL, NULL);
    }
  return written;
}

gboolean
ui_test_init (int         *argc,
              char      ***argv,
              const char  *template,
              char       **tmp_dir)
{
  g_autoptr(GError) error = NULL;
  gboolean drags = *argc > 1 && g_str_equal ((*argv)[1], "--drag");

  g_log_set_writer_func (write_with_stack, NULL, NULL);
  *tmp_dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", *tmp_dir, TRUE);

  if (drags)
    gtk_init ();
  else
    gtk_test_init (argc, argv, NULL);
  adw_init ();
  convene_icons_keep_alive ();
  load_style ();
  return drags;
}

ConveneProject *
example_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ConveneProject *project;
  gconstpointer data;
  gsize length;

  bytes = g_resources_lookup_data (EXAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  project = convene_json_import (data, length, &error);
  g_assert_no_error (error);
  return project;
}

ConveneDocument *
create_example (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneProject) project = example_project ();
  ConveneDocument *document;

  document = convene_document_create (file, project, &error);
  g_assert_no_error (error);
  return document;
}

void
remove_project_file (GFile *file)
{
  g_autofree char *wal = g_strconcat (g_file_peek_path (file), "-wal", NULL);
  g_autofree char *shm = g_strconcat (g_file_peek_path (file), "-shm", NULL);

  g_remove (wal);
  g_remove (shm);
  g_assert_no_errno (g_remove (g_file_peek_path (file)));
}

ConveneProject *
load_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneStore) store = convene_store_open (file, CONVENE_STORE_READ_ONLY, &error);
  ConveneProject *project;

  g_assert_no_error (error);
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  convene_store_close (store);
  return project;
}

/* The window */

ConveneWindow *
show_window (ConveneDocument *document,
             int              width,
             int              height)
{
  ConveneWindow *window = convene_window_new (NULL);

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  convene_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (widget_is_mapped, window, "the window to show");
  /* Laid out at its size, drawn, and no longer changing. */
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (window) }, "the window to be laid out");
  return window;
}

void
close_window (ConveneWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  /* What the closing set going (unrealising, idle clean-ups) has run. */
  wait_until (nothing_pending, NULL, "the closed window's clean-up");
}

ConveneTimelineView *
timeline_of (ConveneWindow *window)
{
  GtkWidget *timeline = first_of_type (GTK_WIDGET (window), CONVENE_TYPE_TIMELINE_VIEW);

  g_assert_nonnull (timeline);
  return CONVENE_TIMELINE_VIEW (timeline);
}

ConveneSession *
selected_session (ConveneWindow *window)
{
  ConveneSession *session = NULL;

  g_object_get (find_by_id (GTK_WIDGET (window), "project_view"), "session", &session, NULL);
  if (session != NULL)
    g_object_unref (session);
  return session;
}
