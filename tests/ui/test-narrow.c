/* test-narrow.c: every page and tab of the window at a phone's 360 px. The
 * window must not widen itself, and on each page nothing shown may be cut:
 * no widget gets less width than it needs, none reaches past the window's
 * sides, and no short text (a time, a count) is ellipsised to a stub such
 * as "04". Screenshots of each page go to $CONVENE_SHOTS_DIR when set. */
#define G_LOG_DOMAIN "convene-test-narrow"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "convene-document.h"
#include "convene-new-session-dialog.h"
#include "convene-outcomes-view.h"
#include "convene-roster-view.h"
#include "convene-timeline-view.h"
#include "convene-window.h"
#include "ui-test-support.h"

#define NARROW 360
/* A window may be a pixel or two over what it was asked for (rounding of
 * its decorations), never a column of widgets more. */
#define SLACK  2

static char *tmp_dir;

/* Widgets that lay out more than they show, and scroll or clip it on
 * purpose; their insides are not judged against the window. */
static gboolean
scrolls_sideways (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkPolicyType policy;

      gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (widget), &policy, NULL);
      return policy != GTK_POLICY_NEVER;
    }
  /* The leaflet's pages off screen, and a view switcher's squeezed titles. */
  return ADW_IS_LEAFLET (widget) || ADW_IS_SQUEEZER (widget) || GTK_IS_STACK (widget) || ADW_IS_VIEW_STACK (widget) ||
         GTK_IS_POPOVER (widget);
}

static gboolean
is_short_text (const char *text)
{
  return g_utf8_strlen (text, -1) <= 8;
}

typedef struct
{
  GtkWidget *window;
  GString   *problems;
  guint      checked;
} Walk;

static void
describe (GtkWidget *widget,
          GString   *out)
{
  g_string_append (out, G_OBJECT_TYPE_NAME (widget));
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, " “%s”", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (out, " “%s”", gtk_button_get_label (GTK_BUTTON (widget)));
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (up));

      if (id != NULL)
        {
          g_string_append_printf (out, " in #%s", id);
          break;
        }
    }
}

/* The width widget was given, as gtk_widget_measure() counts it: its
 * content and its CSS box, with its margins. */
static int
outer_width (GtkWidget *widget)
{
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GtkBorder margin, border, padding;

  gtk_style_context_get_margin (style, &margin);
  gtk_style_context_get_border (style, &border);
  gtk_style_context_get_padding (style, &padding);
  return gtk_widget_get_width (widget) + margin.left + margin.right + border.left + border.right +
         padding.left + padding.right + gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget);
}

static void
walk (Walk      *w,
      GtkWidget *widget)
{
  graphene_rect_t bounds;
  int min_width = 0;

  /* Overlay scroll bars hang a little over the edge by design. */
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_child_visible (widget) || GTK_IS_SCROLLBAR (widget))
    return;
  w->checked++;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  if (outer_width (widget) + 1 < min_width)
    {
      g_string_append (w->problems, "  cut: ");
      describe (widget, w->problems);
      g_string_append_printf (w->problems, " has %d px of the %d it needs\n", outer_width (widget), min_width);
    }

  if (gtk_widget_compute_bounds (widget, w->window, &bounds) &&
      bounds.size.width > 0 &&
      (bounds.origin.x < -1 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (w->window) + 1))
    {
      g_string_append (w->problems, "  outside: ");
      describe (widget, w->problems);
      g_string_append_printf (w->problems, " spans %.0f to %.0f px\n", bounds.origin.x,
                              bounds.origin.x + bounds.size.width);
    }

  if (GTK_IS_LABEL (widget) && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))) &&
      is_short_text (gtk_label_get_text (GTK_LABEL (widget))))
    {
      g_string_append (w->problems, "  stub: ");
      describe (widget, w->problems);
      g_string_append (w->problems, " is ellipsised\n");
    }

  if (scrolls_sideways (widget) && widget != w->window)
    {
      /* Only what is shown of it: a stack's visible child is still judged
       * for being cut, against itself. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          Walk inner = { w->window, w->problems, 0 };

          if (GTK_IS_STACK (widget) || ADW_IS_VIEW_STACK (widget) || ADW_IS_LEAFLET (widget))
            {
              walk (&inner, child);
              w->checked += inner.checked;
            }
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (w, child);
}

/* Names the chain of widgets down to the one that makes widget so wide. */
static void
widest_path (GtkWidget *widget,
             GString   *out)
{
  GtkWidget *widest = NULL;
  int widest_min = -1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min = 0;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > widest_min)
        {
          widest_min = min;
          widest = child;
        }
    }
  if (widest == NULL)
    return;
  g_string_append_printf (out, " > ");
  describe (widest, out);
  g_string_append_printf (out, " (%d)", widest_min);
  widest_path (widest, out);
}

/* Judges what window shows now, named what; shot is the screenshot's name.
 * A dialog has a size of its own: it only has to fit in 360 px. */
static void
check_window (GtkWidget  *window,
              const char *what,
              const char *shot,
              gboolean    is_dialog)
{
  Walk w = { window, g_string_new (NULL), 0 };
  GtkWidget *content;
  int min_width = 0;

  wait_until (at_rest, &(AtRest) { .widget = window }, "the window to settle");
  /* Once more after a frame: what a page shows can change its size once. */
  wait_until (nothing_pending, NULL, "the page to be laid out");
  wait_until (at_rest, &(AtRest) { .widget = window }, "the window to settle");
  /* A page's own leaflet (the People page's list and details) may still be
   * sliding, or folding, when the window as a whole is still. */
  wait_until (leaflets_still, window, "every leaflet to finish sliding");
  wait_until (layout_at_rest, &(LayoutRest) { .window = window }, "every widget to stop moving");
  render_shot (window, shot);

  /* The window's content: the window itself adds its shadow around it. */
  content = gtk_widget_get_first_child (window);
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  if (min_width > NARROW)
    {
      g_string_append_printf (w.problems, "  the window needs %d px:", min_width);
      widest_path (content, w.problems);
      g_string_append_c (w.problems, '\n');
    }
  if (!is_dialog && gtk_widget_get_width (content) > NARROW + SLACK)
    g_string_append_printf (w.problems, "  the window widened itself to %d px\n", gtk_widget_get_width (content));

  w.window = content;
  walk (&w, content);
  g_test_message ("%s: %u widgets checked", what, w.checked);
  if (w.problems->len > 0)
    g_error ("At %d px, %s:\n%s", NARROW, what, w.problems->str);
  g_string_free (w.problems, TRUE);
}

static void
check_page (GtkWidget  *window,
            const char *what,
            const char *shot)
{
  check_window (window, what, shot, FALSE);
}

static void
show_side (ConveneTimelineView *timeline,
           GtkWidget           *window,
           const char          *page)
{
  convene_timeline_view_show_side (timeline, page);
  wait_until (at_rest, &(AtRest) { .widget = window }, "the side page to show");
}

/* The add row of the part of the checklist for kind (the n-th entry row). */
static GtkWidget *
nth_entry_row (GtkWidget *root,
               guint      n)
{
  GtkWidget *found = NULL;
  guint seen = 0;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  /* Depth first, in tree order. */
  while (stack->len > 0 && found == NULL)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);
      g_autoptr(GPtrArray) children = g_ptr_array_new ();

      if (ADW_IS_ENTRY_ROW (widget) && seen++ == n)
        found = widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (children, child);
      for (guint i = children->len; i > 0; i--)
        g_ptr_array_add (stack, children->pdata[i - 1]);
    }
  g_assert_nonnull (found);
  return found;
}

static void
test_every_page (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "narrow.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = convene_window_new (NULL);
  GtkWidget *leaflet;
  GtkWidget *details_row;
  GtkWidget *people_row;
  GtkWidget *session_stack;
  ConveneTimelineView *timeline;

  gtk_window_set_default_size (GTK_WINDOW (window), NARROW, 720);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (widget_is_mapped, window, "the window to show");
  check_page (GTK_WIDGET (window), "the start page", "narrow-start.png");

  convene_window_set_document (window, document);
  leaflet = require_widget (GTK_WIDGET (window), "leaflet");
  wait_until (leaflet_settled, leaflet, "the leaflet to settle");
  check_page (GTK_WIDGET (window), "the sidebar", "narrow-sidebar.png");

  details_row = require_widget (GTK_WIDGET (window), "details_row");
  people_row = require_widget (GTK_WIDGET (window), "people_row");
  g_signal_emit_by_name (gtk_widget_get_parent (details_row), "row-activated", details_row);
  wait_until (leaflet_settled, leaflet, "the details to show");
  check_page (GTK_WIDGET (window), "Project Details", "narrow-details.png");

  g_signal_emit_by_name (gtk_widget_get_parent (people_row), "row-activated", people_row);
  wait_until (leaflet_settled, leaflet, "the people to show");
  check_page (GTK_WIDGET (window), "the People page", "narrow-people.png");

  /* A person being added: the editor in the list. */
  g_assert_true (gtk_widget_activate_action (first_of_type (GTK_WIDGET (window), CONVENE_TYPE_ROSTER_VIEW),
                                             "roster.add-person", NULL));
  check_page (GTK_WIDGET (window), "a new person’s editor", "narrow-person-editor.png");
  /* The editor's field lets go of the keyboard before the undo takes it. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));

  /* The New Session dialog, over the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-session", NULL));
  {
    GtkWidget *dialog = GTK_WIDGET (wait_for_toplevel (CONVENE_TYPE_NEW_SESSION_DIALOG, GTK_WINDOW (window)));

    gtk_window_set_default_size (GTK_WINDOW (dialog), NARROW, 640);
    check_window (dialog, "the New Session dialog", "narrow-new-session.png", TRUE);
    gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  g_signal_emit_by_name (require_widget (GTK_WIDGET (window), "sessions_view"), "activate", 0);
  wait_until (leaflet_settled, leaflet, "the session to show");
  timeline = timeline_of (window);
  /* The kinds from the keyboard: F6 to them, Right to the second. */
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  g_assert_true (convene_timeline_view_focus_pane (timeline, CONVENE_TIMELINE_PANE_PALETTE));
  g_signal_emit_by_name (window, "move-focus", GTK_DIR_RIGHT);
  check_page (GTK_WIDGET (window), "the Running Order", "narrow-running-order.png");

  show_side (timeline, GTK_WIDGET (window), "session");
  check_page (GTK_WIDGET (window), "the Session tab", "narrow-side-session.png");
  convene_timeline_view_select_segment (timeline, NULL);
  show_side (timeline, GTK_WIDGET (window), "segment");
  check_page (GTK_WIDGET (window), "the Segment tab with nothing selected", "narrow-side-no-segment.png");
  {
    g_autoptr(ConveneSession) session =
      g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (convene_document_get_project (document))), 0);
    g_autoptr(ConveneSegment) panel =
      g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 1);

    convene_timeline_view_select_segment (timeline, panel);
  }
  show_side (timeline, GTK_WIDGET (window), "segment");
  check_page (GTK_WIDGET (window), "the Segment tab", "narrow-side-segment.png");
  show_side (timeline, GTK_WIDGET (window), "people");
  check_page (GTK_WIDGET (window), "the People tab", "narrow-side-people.png");

  session_stack = require_widget (GTK_WIDGET (window), "session_stack");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (session_stack), "outcomes");
  check_page (GTK_WIDGET (window), "the Outcomes checklist", "narrow-outcomes.png");
  /* An expected outcome with its result and note, further down. */
  {
    GtkWidget *view = first_of_type (GTK_WIDGET (window), CONVENE_TYPE_OUTCOMES_VIEW);
    GtkWidget *add_row = nth_entry_row (view, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME);
    GtkWidget *result;
    GtkWidget *scroller = first_of_type (view, GTK_TYPE_SCROLLED_WINDOW);
    double x = 0, y = 0;

    gtk_editable_set_text (GTK_EDITABLE (add_row), "Draft recommendations agreed by the co-sponsors");
    g_signal_emit_by_name (add_row, "entry-activated");
    result = first_of_type (gtk_widget_get_ancestor (first_of_type (view, GTK_TYPE_DROP_DOWN), GTK_TYPE_LIST_BOX_ROW),
                            GTK_TYPE_DROP_DOWN);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (result), CONVENE_OUTCOME_RESULT_PARTLY_MET);
    gtk_widget_translate_coordinates (result, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                      0, 0, &x, &y);
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), MAX (0, y - 200));
    check_page (GTK_WIDGET (window), "an expected outcome’s result", "narrow-outcome-result.png");
  }

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_init (&argc, &argv, "convene-narrow-XXXXXX", &tmp_dir);
  g_test_add_func ("/ui/narrow/every-page", test_every_page);
  status = g_test_run ();

  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
