/* test-keyboard.c: the window from the keyboard alone. The kinds palette is
 * one Tab stop whose arrows go from kind to kind and whose Enter adds the
 * kind; F6 and Shift+F6 go from pane to pane; the sidebar highlights what
 * the page shows, however the keyboard moved in it. A widget test (TAP);
 * with --drag the same palette steps run with real key presses from
 * xdotool in an X server of their own (run-in-xvfb.py). */
#define G_LOG_DOMAIN "convene-test-keyboard"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "convene-document.h"
#include "convene-kind-palette.h"
#include "convene-timeline-view.h"
#include "convene-window.h"
#include "ui-test-support.h"

static char *tmp_dir;

static GtkWidget *
focus_of (ConveneWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_is_within (ConveneWindow *window,
                 GtkWidget     *widget)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* What Tab and Shift+Tab do: GtkWindow's move-focus. */
static void
press_tab (ConveneWindow *window,
           gboolean       backwards)
{
  g_signal_emit_by_name (window, "move-focus", backwards ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
}

/* What an arrow key does where no widget takes it: GtkWindow's move-focus. */
static void
press_arrow (ConveneWindow    *window,
             GtkDirectionType  direction)
{
  g_signal_emit_by_name (window, "move-focus", direction);
}

static ConveneSession *
first_session (ConveneDocument *document)
{
  g_autoptr(ConveneSession) session =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (convene_document_get_project (document))), 0);

  return session;
}

static guint
n_top_segments (ConveneDocument *document)
{
  return g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_segments (first_session (document))));
}

typedef struct
{
  ConveneDocument *document;
  guint            expected;
} Count;

static gboolean
one_more_segment (gpointer data)
{
  Count *count = data;

  return n_top_segments (count->document) == count->expected;
}

/* The kind of the palette button (its "kind-NICK" style class). */
static GtkWidget *
kind_button (GtkWidget          *palette,
             ConveneSegmentKind  kind)
{
  g_autofree char *css_class = g_strdup_printf ("kind-%s", convene_segment_kind_to_nick (kind));

  for (GtkWidget *child = gtk_widget_get_first_child (palette); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_has_css_class (child, css_class))
        return child;
    }
  g_assert_not_reached ();
}

/* From the header bar's menu button, Tab reaches the palette in a few
 * presses, the palette is one stop, the arrows go from kind to kind and
 * Enter adds the kind the keyboard is on, as a click would. */
static void
test_palette_keys (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "palette-keys.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneTimelineView *timeline = timeline_of (window);
  GtkWidget *palette = first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_KIND_PALETTE);
  GtkWidget *menu_button = require_widget (GTK_WIDGET (window), "menu_button");
  GtkWidget *list = first_of_type (GTK_WIDGET (timeline), GTK_TYPE_GRID_VIEW);
  ConveneSegmentKind third = (ConveneSegmentKind) 2;
  guint segments = n_top_segments (document);
  guint tabs = 0;
  ConveneSegment *added;

  g_assert_nonnull (palette);
  gtk_widget_grab_focus (menu_button);
  g_assert_true (focus_is_within (window, menu_button));
  while (!focus_is_within (window, palette) && tabs < 60)
    {
      press_tab (window, FALSE);
      tabs++;
    }
  g_test_message ("%u Tab presses from the header bar to the kinds", tabs);
  g_assert_true (focus_is_within (window, palette));
  g_assert_cmpuint (tabs, <=, 12);
  g_assert_true (focus_of (window) == kind_button (palette, 0));

  /* One Tab stop: the next Tab leaves for the timeline. */
  press_tab (window, FALSE);
  g_assert_false (focus_is_within (window, palette));
  g_assert_true (focus_is_within (window, list));
  press_tab (window, TRUE);
  g_assert_true (focus_of (window) == kind_button (palette, 0));

  /* The arrows go from kind to kind and stop at the ends. */
  press_arrow (window, GTK_DIR_LEFT);
  g_assert_true (focus_of (window) == kind_button (palette, 0));
  press_arrow (window, GTK_DIR_RIGHT);
  press_arrow (window, GTK_DIR_RIGHT);
  g_assert_true (focus_of (window) == kind_button (palette, third));
  for (guint i = 0; i < CONVENE_N_SEGMENT_KINDS + 2; i++)
    press_arrow (window, GTK_DIR_RIGHT);
  g_assert_true (focus_of (window) == kind_button (palette, CONVENE_N_SEGMENT_KINDS - 1));
  for (guint i = 0; i < CONVENE_N_SEGMENT_KINDS - 1 - third; i++)
    press_arrow (window, GTK_DIR_LEFT);
  g_assert_true (focus_of (window) == kind_button (palette, third));

  /* Down goes to the row below when the kinds take more than one. */
  {
    graphene_rect_t from, to;

    press_arrow (window, GTK_DIR_DOWN);
    g_assert_true (gtk_widget_compute_bounds (kind_button (palette, third), palette, &from));
    g_assert_true (gtk_widget_compute_bounds (focus_of (window), palette, &to));
    if (focus_of (window) != kind_button (palette, third))
      g_assert_cmpfloat (to.origin.y, >, from.origin.y);
    press_arrow (window, GTK_DIR_UP);
    g_assert_true (focus_of (window) == kind_button (palette, third));
  }

  /* Enter (the button's activation) adds the kind, after the selection. */
  convene_timeline_view_select_segment (timeline, NULL);
  g_assert_true (gtk_widget_activate (focus_of (window)));
  /* A button's activation is a press that lasts a moment. */
  wait_until (one_more_segment, &(Count) { document, segments + 1 }, "the kind to be added");
  added = convene_timeline_view_get_selected_segment (timeline);
  g_assert_nonnull (added);
  g_assert_cmpint (convene_segment_get_kind (added), ==, third);
  {
    g_autoptr(ConveneProject) saved = load_file (file);

    g_assert_nonnull (convene_project_find_segment (saved, convene_segment_get_id (added), NULL));
  }

  /* Tab comes back to the kind last used. */
  gtk_widget_grab_focus (menu_button);
  for (guint i = 0; i < 60 && !focus_is_within (window, palette); i++)
    press_tab (window, FALSE);
  g_assert_true (focus_of (window) == kind_button (palette, third));

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

/* F6 goes sidebar → kinds → timeline → details → sidebar on a session's
 * Running Order, Shift+F6 the other way; on another page, sidebar and page. */
static void
test_panes (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "panes.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneTimelineView *timeline = timeline_of (window);
  GtkWidget *sidebar = require_widget (GTK_WIDGET (window), "sidebar");
  GtkWidget *palette = first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_KIND_PALETTE);
  GtkWidget *list = first_of_type (GTK_WIDGET (timeline), GTK_TYPE_GRID_VIEW);
  GtkWidget *side = first_with_class (GTK_WIDGET (timeline), "timeline-side");
  GtkWidget *panes[4];
  GtkWidget *details_row = require_widget (GTK_WIDGET (window), "details_row");
  GtkWidget *content_stack = require_widget (GTK_WIDGET (window), "content_stack");

  panes[0] = sidebar;
  panes[1] = palette;
  panes[2] = list;
  panes[3] = side;
  g_assert_nonnull (side);

  gtk_widget_grab_focus (require_widget (GTK_WIDGET (window), "menu_button"));
  for (guint i = 0; i < 9; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-pane", NULL));
      if (!focus_is_within (window, panes[i % 4]))
        g_error ("F6 press %u did not reach pane %u", i + 1, i % 4);
    }
  /* Twice round and back in the sidebar; backwards through them all. */
  for (guint i = 0; i < 5; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-pane", NULL));
      if (!focus_is_within (window, panes[(8 - i - 1) % 4]))
        g_error ("Shift+F6 press %u did not reach pane %u", i + 1, (8 - i - 1) % 4);
    }

  /* From the session's heading, F6 goes on to the kinds. */
  gtk_widget_grab_focus (first_with_class (GTK_WIDGET (timeline), "session-summary"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-pane", NULL));
  g_assert_true (focus_is_within (window, palette));

  /* Project Details: two panes. */
  g_signal_emit_by_name (gtk_widget_get_parent (details_row), "row-activated", details_row);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (content_stack)), ==, "details");
  gtk_widget_grab_focus (details_row);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-pane", NULL));
  g_assert_true (focus_is_within (window, gtk_stack_get_visible_child (GTK_STACK (content_stack))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-pane", NULL));
  g_assert_true (focus_is_within (window, sidebar));

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

/* The highlighted sidebar entry is the page shown, after the keyboard
 * moves in the sidebar as well as after a click. */
static void
test_sidebar_highlight (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "highlight.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  GtkWidget *details_row = require_widget (GTK_WIDGET (window), "details_row");
  GtkWidget *people_row = require_widget (GTK_WIDGET (window), "people_row");
  GtkListBox *details_list = GTK_LIST_BOX (require_widget (GTK_WIDGET (window), "details_list"));
  GtkStack *content_stack = GTK_STACK (require_widget (GTK_WIDGET (window), "content_stack"));

  /* A click on Project Details. */
  g_signal_emit_by_name (details_list, "row-activated", details_row);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "details");
  g_assert_true (gtk_list_box_get_selected_row (details_list) == GTK_LIST_BOX_ROW (details_row));

  /* Down moves the keyboard to People; the highlight stays on the page
   * shown until Enter opens People. */
  gtk_widget_grab_focus (details_row);
  g_signal_emit_by_name (details_list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  g_assert_true (focus_of (window) == people_row);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "details");
  g_assert_true (gtk_list_box_get_selected_row (details_list) == GTK_LIST_BOX_ROW (details_row));
  g_signal_emit_by_name (details_list, "activate-cursor-row");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "people");
  g_assert_true (gtk_list_box_get_selected_row (details_list) == GTK_LIST_BOX_ROW (people_row));

  /* A session open, Tab and Shift+Tab through the sidebar highlight
   * neither entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-blank-session", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "session");
  g_assert_null (gtk_list_box_get_selected_row (details_list));
  gtk_widget_grab_focus (require_widget (GTK_WIDGET (window), "menu_button"));
  for (guint i = 0; i < 8; i++)
    {
      press_tab (window, FALSE);
      g_assert_null (gtk_list_box_get_selected_row (details_list));
    }
  gtk_widget_grab_focus (require_widget (GTK_WIDGET (window), "add_session_button"));
  for (guint i = 0; i < 4; i++)
    {
      press_tab (window, TRUE);
      g_assert_null (gtk_list_box_get_selected_row (details_list));
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "session");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));

  /* Undone, the page goes back to what the sidebar highlights. */
  if (g_str_equal (gtk_stack_get_visible_child_name (content_stack), "session"))
    g_assert_null (gtk_list_box_get_selected_row (details_list));
  else
    g_assert_true (gtk_list_box_get_selected_row (details_list) ==
                   GTK_LIST_BOX_ROW (g_str_equal (gtk_stack_get_visible_child_name (content_stack), "people")
                                     ? people_row : details_row));

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

/* Real key presses: Tab from the header bar to the kinds, Right twice,
 * Enter; the saved file has the new segment. */
static gboolean
saved_segments (gpointer data)
{
  GFile *file = ((gpointer *) data)[0];
  guint expected = GPOINTER_TO_UINT (((gpointer *) data)[1]);
  g_autoptr(ConveneProject) saved = load_file (file);
  g_autoptr(ConveneSession) session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (saved)), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_segments (session))) == expected;
}

static int
run_keys (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "keys.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneTimelineView *timeline = timeline_of (window);
  GtkWidget *palette = first_of_type (GTK_WIDGET (timeline), CONVENE_TYPE_KIND_PALETTE);
  GtkWidget *title = require_widget (GTK_WIDGET (window), "window_title");
  guint segments = n_top_segments (document);
  guint tabs = 0;
  gboolean ok;
  int x, y;

  gtk_window_set_title (GTK_WINDOW (window), "Convene Keyboard Test");
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (window) }, "the window to be drawn");
  g_print ("1..3\n");
  /* The keyboard goes to the window under the pointer (no window manager). */
  screen_point (title, 0.5, &x, &y);
  {
    g_autofree char *move = g_strdup_printf ("mousemove %d %d", x, y);

    xdotool (move);
  }
  gtk_widget_grab_focus (require_widget (GTK_WIDGET (window), "menu_button"));
  while (!focus_is_within (window, palette) && tabs < 60)
    {
      xdotool_seen (GTK_WIDGET (window), "key Tab", GDK_KEY_PRESS);
      tabs++;
    }
  ok = focus_is_within (window, palette) && tabs <= 12;
  g_print ("%s 1 - %u Tab presses from the header bar reach the kinds\n", ok ? "ok" : "not ok", tabs);

  xdotool_seen (GTK_WIDGET (window), "key Right", GDK_KEY_PRESS);
  xdotool_seen (GTK_WIDGET (window), "key Right", GDK_KEY_PRESS);
  ok = focus_of (window) == kind_button (palette, 2);
  g_print ("%s 2 - Right twice goes to the third kind\n", ok ? "ok" : "not ok");
  render_shot (GTK_WIDGET (window), "palette-keys-1280.png");

  xdotool_seen (GTK_WIDGET (window), "key Return", GDK_KEY_PRESS);
  ok = eventually (saved_segments, (gpointer[]) { file, GUINT_TO_POINTER (segments + 1) });
  ok = ok && convene_timeline_view_get_selected_segment (timeline) != NULL &&
       convene_segment_get_kind (convene_timeline_view_get_selected_segment (timeline)) == 2;
  g_print ("%s 3 - Enter adds a segment of that kind, and it is saved\n", ok ? "ok" : "not ok");

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (ui_test_init (&argc, &argv, "convene-keyboard-XXXXXX", &tmp_dir))
    status = run_keys ();
  else
    {
      g_test_add_func ("/ui/keyboard/palette", test_palette_keys);
      g_test_add_func ("/ui/keyboard/panes", test_panes);
      g_test_add_func ("/ui/keyboard/sidebar-highlight", test_sidebar_highlight);
      status = g_test_run ();
    }

  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
