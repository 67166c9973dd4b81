/* Convene's window in French (fr_FR.UTF-8, the catalogue built in this
 * tree): the example project at 1280 and at 360 px wide, on each page a
 * planner reaches (running order, outcomes, project details, people, the
 * start page). On every page the labels are French and no label that can
 * neither ellipsize nor wrap is cut off: each is at least as wide as its
 * text and lies inside the window. Screenshots go to $CONVENE_SHOTS_DIR. */
#define G_LOG_DOMAIN "convene-test-french"
#include "config.h"

#include <locale.h>
#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "convene-document.h"
#include "convene-icons.h"
#include "convene-json.h"
#include "convene-roster-view.h"
#include "convene-timeline-view.h"
#include "convene-window.h"
#include "ui-test-support.h"

static char *tmp_dir;

/* Whether widget and all its ancestors up to the window are shown. */
static gboolean
is_showing (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_child_visible (widget);
}

/* Labels that must show their whole text: no ellipsis, no wrapping. Each
 * must be allocated the width of its text and lie inside the window. */
static void
find_clipped (GtkWidget *widget,
              GtkWidget *window,
              GPtrArray *problems)
{
  if (!is_showing (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      GtkLabel *label = GTK_LABEL (widget);
      const char *text = gtk_label_get_text (label);

      if (text != NULL && *text != '\0' &&
          gtk_label_get_ellipsize (label) == PANGO_ELLIPSIZE_NONE &&
          !gtk_label_get_wrap (label))
        {
          PangoRectangle logical;
          graphene_rect_t bounds;
          int width = gtk_widget_get_width (widget);
          int window_width = gtk_widget_get_width (window);

          pango_layout_get_pixel_extents (gtk_label_get_layout (label), NULL, &logical);
          if (logical.width > width)
            g_ptr_array_add (problems,
                             g_strdup_printf ("“%s” is %d px wide but its text needs %d px",
                                              text, width, logical.width));
          if (gtk_widget_compute_bounds (widget, window, &bounds) &&
              (bounds.origin.x < -0.5 ||
               bounds.origin.x + bounds.size.width > window_width + 0.5))
            g_ptr_array_add (problems,
                             g_strdup_printf ("“%s” reaches outside the window (x %.0f to %.0f of %d)",
                                              text, bounds.origin.x,
                                              bounds.origin.x + bounds.size.width, window_width));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_clipped (child, window, problems);
}

static gboolean
nothing_clipped (gpointer data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  find_clipped (data, data, problems);
  return problems->len == 0;
}

static void
check_page (GtkWidget  *window,
            const char *shot)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  wait_until (leaflets_still, window, "every leaflet to finish sliding");
  wait_until (layout_at_rest, &(LayoutRest) { .window = window }, "every widget to stop moving");
  /* A leaflet inside a page folds to the window's width a moment after the
   * page is shown, without moving anything first (the People page's list
   * and details at 360 px): what is clipped then is clipped for good only
   * if it stays so; the check below says what. */
  eventually (nothing_clipped, window);
  screenshot (shot);

  collect_labels (window, texts);
  for (guint i = 0; i < texts->len; i++)
    g_test_message ("%s: %s", shot, (const char *) g_ptr_array_index (texts, i));

  find_clipped (window, window, problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s: clipped: %s", shot, (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    g_test_fail_printf ("%s: %u clipped labels", shot, problems->len);
}

static void
assert_label (GtkWidget  *window,
              const char *text)
{
  if (!shows_label (window, text))
    g_test_fail_printf ("no visible label reads “%s”", text);
}

static void
assert_no_label (GtkWidget  *window,
                 const char *text)
{
  if (shows_label (window, text))
    g_test_fail_printf ("a visible label still reads the English “%s”", text);
}

static void
activate_row (GtkWidget  *window,
              const char *list_id,
              const char *row_id)
{
  GtkWidget *list = require_widget (window, list_id);
  GtkWidget *row = require_widget (window, row_id);

  g_signal_emit_by_name (list, "row-activated", row);
}

static void
show_in_french (gconstpointer data)
{
  int width = GPOINTER_TO_INT (data);
  gboolean narrow = width < 600;
  g_autofree char *name = g_strdup_printf ("french-%d.convene", width);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = convene_window_new (NULL);
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *leaflet, *sessions_view, *session_stack;
  g_autofree char *shot = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), width, narrow ? 640 : 800);
  gtk_window_set_title (GTK_WINDOW (window), "Convene");
  convene_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (widget_is_mapped, window, "the window to show");
  leaflet = require_widget (root, "leaflet");
  sessions_view = require_widget (root, "sessions_view");
  session_stack = require_widget (root, "session_stack");
  wait_until (leaflet_settled, leaflet, "the leaflet to settle");
  wait_until (layout_at_rest, &(LayoutRest) { .window = root }, "the window to take its size");

  /* The window fits the width asked for: nothing forces it wider. */
  g_assert_cmpint (gtk_widget_get_width (root), <=, width + 40);

  if (narrow)
    {
      /* Folded: first the sidebar with the sessions. */
      shot = g_strdup_printf ("french-%d-sidebar.png", width);
      check_page (root, shot);
      assert_label (root, "Personnes");
      assert_label (root, "Détails du projet");
      assert_label (root, "dim. 23 mai 2027 · 12:30 – 14:00");
      g_signal_emit_by_name (sessions_view, "activate", 0);
      wait_until (leaflet_settled, leaflet, "the leaflet to show the session");
    }

  /* The session's running order. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (session_stack), "order");
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("french-%d-order.png", width);
  check_page (root, shot);
  /* Kinds of segment, the times on the 24-hour clock, the day in French
   * and the sentence on the slot with its non-breaking space. */
  /* Close up, where a 10 min block has room for its kind and length. */
  {
    GtkWidget *view = first_of_type (root, CONVENE_TYPE_TIMELINE_VIEW);

    for (int i = 0; i < 40 && gtk_widget_activate_action (view, "timeline.zoom-in", NULL); i++)
      ;
  }
  wait_for_label (root, "Allocution d’ouverture · 10 min");
  assert_label (root, "Table ronde · 60 min");
  assert_label (root, "12:30 – 14:03 · fin du créneau 14:00");
  assert_label (root, "93 min prévues pour un créneau de 90 min\xc2\xa0: 3 min de dépassement");
  assert_label (root, "Ordre de passage");
  if (!narrow)
    assert_label (root, "dim. 23 mai 2027 · 12:30 – 14:00");
  assert_no_label (root, "Panel · 60 min");
  assert_no_label (root, "Running Order");

  /* The timeline itself, scrolled into view. */
  {
    GtkWidget *timeline = require_widget (root, "timeline");
    GtkWidget *scroller = gtk_widget_get_ancestor (timeline, GTK_TYPE_SCROLLED_WINDOW);
    graphene_point_t top;

    if (scroller != NULL &&
        gtk_widget_compute_point (timeline, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                  &GRAPHENE_POINT_INIT (0, 0), &top))
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                                top.y);
    g_clear_pointer (&shot, g_free);
    shot = g_strdup_printf ("french-%d-timeline.png", width);
    check_page (root, shot);
  }

  /* Its outcomes checklist. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (session_stack), "outcomes");
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("french-%d-outcomes.png", width);
  check_page (root, shot);
  assert_no_label (root, "Outcomes");
  assert_no_label (root, "Objectives");

  /* The project's details and the people. */
  if (narrow)
    {
      gtk_widget_activate_action (root, "project.back", NULL);
      wait_until (leaflet_settled, leaflet, "the leaflet to go back");
    }
  activate_row (root, "details_list", "details_row");
  if (narrow)
    wait_until (leaflet_settled, leaflet, "the leaflet to show the details");
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("french-%d-details.png", width);
  check_page (root, shot);
  assert_label (root, "Titre");
  assert_label (root, "Organisateur");
  assert_label (root, "Lieu");
  assert_no_label (root, "Venue");

  if (narrow)
    {
      gtk_widget_activate_action (root, "project.back", NULL);
      wait_until (leaflet_settled, leaflet, "the leaflet to go back");
    }
  activate_row (root, "details_list", "people_row");
  if (narrow)
    wait_until (leaflet_settled, leaflet, "the leaflet to show the people");
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("french-%d-people.png", width);
  check_page (root, shot);
  assert_no_label (root, "People");
  assert_no_label (root, "Confirmed");
  assert_no_label (root, "Invited");

  /* A person's details and schedule: the moderator, on two places. */
  {
    GListModel *speakers =
      G_LIST_MODEL (convene_project_get_speakers (convene_document_get_project (document)));
    g_autoptr(ConveneSpeaker) speaker = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (speakers) && speaker == NULL; i++)
      {
        g_autoptr(ConveneSpeaker) candidate = g_list_model_get_item (speakers, i);

        if (g_str_equal (convene_speaker_get_name (candidate), "James Campbell"))
          speaker = g_steal_pointer (&candidate);
      }
    g_assert_nonnull (speaker);
    convene_roster_view_select_speaker (CONVENE_ROSTER_VIEW (first_of_type (root, CONVENE_TYPE_ROSTER_VIEW)),
                                        speaker);
  }
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("french-%d-person.png", width);
  check_page (root, shot);
  assert_label (root, "Programme");
  assert_no_label (root, "Schedule");

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);

  /* The start page: a window with no project open. */
  window = convene_window_new (NULL);
  root = GTK_WIDGET (window);
  gtk_window_set_default_size (GTK_WINDOW (window), width, narrow ? 640 : 800);
  gtk_window_set_title (GTK_WINDOW (window), "Convene");
  gtk_window_present (GTK_WINDOW (window));
  wait_until (widget_is_mapped, window, "the window to show");
  g_assert_cmpint (gtk_widget_get_width (root), <=, width + 40);
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("french-%d-start.png", width);
  check_page (root, shot);
  assert_label (root, "Planifier une session");
  assert_no_label (root, "Plan a Session");
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  const char *build = g_getenv ("CONVENE_BUILD_DIR");
  g_autofree char *localedir = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (setlocale (LC_ALL, "") == NULL ||
      !g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "fr_FR"))
    {
      g_print ("1..0 # SKIP the fr_FR.UTF-8 locale is not available "
               "(build-aux/dev generates it)\n");
      return 0;
    }

  tmp_dir = g_dir_make_tmp ("convene-french-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);

  /* gtk_test_init() switches to en_US.UTF-8 (or C); this test runs in the
   * locale of its environment, French. */
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  g_assert_nonnull (build);
  localedir = g_build_filename (build, "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  convene_icons_keep_alive ();
  /* The application's style sheet: the widths checked are the real ones. */
  load_style ();

  g_test_add_data_func ("/ui/french/1280", GINT_TO_POINTER (1280), show_in_french);
  g_test_add_data_func ("/ui/french/360", GINT_TO_POINTER (360), show_in_french);

  status = g_test_run ();

  {
    g_autofree char *projects = g_build_filename (tmp_dir, "convene", "projects", NULL);
    g_autofree char *convene = g_build_filename (tmp_dir, "convene", NULL);

    g_rmdir (projects);
    g_rmdir (convene);
  }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
