#define G_LOG_DOMAIN "convene-test-window"
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "convene-application.h"
#include "convene-date-entry.h"
#include "convene-document.h"
#include "convene-edits.h"
#include "convene-history.h"
#include "convene-icons.h"
#include "convene-project-files.h"
#include "convene-start-page.h"
#include "convene-timeline-view.h"
#include "convene-ui-util.h"
#include "convene-window.h"
#include "ui-test-support.h"

static char *tmp_dir;

static guint
count_of_type (GtkWidget   *root,
               const char  *type_name,
               const char  *css_class)
{
  guint n = 0;

  if (g_str_equal (G_OBJECT_TYPE_NAME (root), type_name) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    n++;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_of_type (child, type_name, css_class);
  return n;
}

static ConveneSession *
session_at (ConveneProject *project,
            guint           position)
{
  /* The store keeps its own reference; borrowed like the model's getters. */
  g_autoptr(ConveneSession) session =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), position);

  return session;
}

static guint
n_sessions (ConveneProject *project)
{
  return g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (project)));
}

/* A Condition: the widget data can be used. */
static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (data));
}

static void
test_add_and_edit_session (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "edit.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(ConveneProject) on_disk = NULL;
  ConveneProject *project;
  ConveneWindow *window;
  GtkWidget *sessions_view;
  GtkWidget *title_row;
  GtkWidget *date_field;

  document = convene_document_create (file, NULL, &error);
  g_assert_no_error (error);
  project = convene_document_get_project (document);
  window = show_window (document, -1, -1);

  g_assert_true (convene_window_get_document (window) == document);
  sessions_view = require_widget (GTK_WIDGET (window), "sessions_view");
  title_row = require_widget (GTK_WIDGET (window), "session_title_row");
  /* The entry of the session's date (its calendar is test-choosers'). */
  date_field = first_of_type (require_widget (GTK_WIDGET (window), "date_entry"), GTK_TYPE_ENTRY);

  /* Undo is off until there is something to undo. */
  g_assert_false (gtk_widget_get_sensitive (require_widget (GTK_WIDGET (window), "undo_button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-blank-session", NULL));
  g_assert_cmpuint (n_sessions (project), ==, 1);
  g_assert_true (gtk_widget_get_sensitive (require_widget (GTK_WIDGET (window), "undo_button")));
  wait_for_label (sessions_view, "New Session");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "New Session");

  /* A rename through the entry row reaches the model, the sidebar and the file. */
  activate_entry (title_row, "Health and Migration");
  g_assert_cmpstr (convene_session_get_title (session_at (project, 0)), ==, "Health and Migration");
  wait_for_label (sessions_view, "Health and Migration");
  on_disk = load_file (file);
  g_assert_cmpuint (n_sessions (on_disk), ==, 1);
  g_assert_cmpstr (convene_session_get_title (session_at (on_disk, 0)), ==, "Health and Migration");
  g_clear_object (&on_disk);

  /* An impossible date is refused and the field shows the date again. */
  {
    g_autofree char *date = g_strdup (convene_session_get_date (session_at (project, 0)));
    g_autofree char *shown = convene_date_format (date);

    activate_entry (date_field, "2025-02-30");
    g_assert_cmpstr (convene_session_get_date (session_at (project, 0)), ==, date);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_field)), ==, shown);

    activate_entry (date_field, "2025-09-15");
    g_assert_cmpstr (convene_session_get_date (session_at (project, 0)), ==, "2025-09-15");
  }

  /* Undo walks back through the date, the title and the new session. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (convene_session_get_title (session_at (project, 0)), ==, "New Session");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "New Session");
  wait_for_label (sessions_view, "New Session");
  on_disk = load_file (file);
  g_assert_cmpstr (convene_session_get_title (session_at (on_disk, 0)), ==, "New Session");
  g_clear_object (&on_disk);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (n_sessions (project), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (n_sessions (project), ==, 1);

  /* Removing the selected session can be undone. */
  gtk_selection_model_select_item (gtk_grid_view_get_model (GTK_GRID_VIEW (sessions_view)), 0, TRUE);
  wait_until (is_sensitive, require_widget (GTK_WIDGET (window), "remove_session_button"),
              "the Remove button to be available");
  g_assert_true (gtk_widget_get_sensitive (require_widget (GTK_WIDGET (window), "remove_session_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-session", NULL));
  g_assert_cmpuint (n_sessions (project), ==, 0);
  on_disk = load_file (file);
  g_assert_cmpuint (n_sessions (on_disk), ==, 0);
  g_clear_object (&on_disk);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (n_sessions (project), ==, 1);
  on_disk = load_file (file);
  g_assert_cmpuint (n_sessions (on_disk), ==, 1);

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

/* GNOME's interface settings, when this system has them. */
static GSettings *
desktop_interface_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "clock-format"))
    return NULL;
  return g_settings_new ("org.gnome.desktop.interface");
}

static gboolean
all_segments_shown (gpointer data)
{
  return count_of_type (data, "ConveneSegmentBlock", NULL) == 10;
}

static void
test_example_schedule (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "example.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, -1, -1);
  GtkWidget *segments_view = require_widget (GTK_WIDGET (window), "timeline");
  GtkWidget *list_view = first_of_type (segments_view, GTK_TYPE_GRID_VIEW);
  g_autoptr(GSettings) interface_settings = desktop_interface_settings ();
  GListModel *rows = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list_view)));
  g_autofree char *fit = NULL;

  /* The first session opens by itself: four parts and the six panel talks. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 10);
  wait_until (all_segments_shown, segments_view, "ten timeline blocks");
  g_assert_cmpuint (count_of_type (segments_view, "ConveneSegmentBlock", "item"), ==, 6);

  wait_for_label (segments_view, "12:30");
  wait_for_label (segments_view, "12:40");
  wait_for_label (segments_view, "13:40");
  wait_for_label (segments_view, "14:03");

  fit = g_strdup (convene_timeline_view_get_fit_text (CONVENE_TIMELINE_VIEW (segments_view)));
  g_assert_nonnull (strstr (fit, "3 min over"));
  wait_for_label (segments_view, fit);

  /* Times follow the desktop's choice of a 12-hour clock. */
  if (interface_settings != NULL)
    {
      g_settings_set_string (interface_settings, "clock-format", "12h");
      wait_for_label (segments_view, "12:30 PM");
      wait_for_label (segments_view, "2:03 PM");
      g_settings_set_string (interface_settings, "clock-format", "24h");
      wait_for_label (segments_view, "12:30");
    }

  /* The project's title, edited in its details, names the window. The
   * details are built when they first show. */
  g_assert_null (find_by_id (GTK_WIDGET (window), "project_title_row"));
  /* Nor is the start page, in a window that opened on a project. */
  g_assert_null (first_of_type (GTK_WIDGET (window), CONVENE_TYPE_START_PAGE));
  activate_entry (open_project_details (GTK_WIDGET (window), "project_title_row"), "Health and Migration Side Event");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Health and Migration Side Event");
  g_assert_cmpstr (convene_project_get_title (convene_document_get_project (document)), ==,
                   "Health and Migration Side Event");

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

/* The combo row titled title under root, or NULL. */
static AdwComboRow *
combo_row_titled (GtkWidget  *root,
                  const char *title)
{
  if (ADW_IS_COMBO_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_COMBO_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = combo_row_titled (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} TooltipIs;

static gboolean
tooltip_is (gpointer data)
{
  TooltipIs *check = data;

  return g_strcmp0 (gtk_widget_get_tooltip_text (check->widget), check->text) == 0;
}

static gboolean
shows_text (gpointer data)
{
  TooltipIs *check = data;

  return shows_label (check->widget, check->text);
}

/* Undo and Redo say what they would act on, and a toast says what they
 * did. */
static void
test_undo_feedback (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "undo-feedback.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, -1, -1);
  GtkWidget *undo = require_widget (GTK_WIDGET (window), "undo_button");
  GtkWidget *redo = require_widget (GTK_WIDGET (window), "redo_button");
  ConveneSession *session = session_at (convene_document_get_project (document), 0);
  g_autoptr(ConveneSegment) opening = g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 0);
  g_autoptr(GError) error = NULL;
  ConveneCommand *command;
  g_autofree char *label = NULL;
  g_autofree char *undo_text = NULL;
  g_autofree char *redo_text = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Undo");
  command = convene_edit_set_number (opening, "duration", 15, &error);
  g_assert_no_error (error);
  label = g_strdup (convene_command_get_label (command));
  g_assert_nonnull (label);
  g_assert_true (convene_ui_perform (GTK_WIDGET (window), document, command, NULL));
  undo_text = g_strdup_printf ("Undo %s", label);
  redo_text = g_strdup_printf ("Redo %s", label);
  undone = g_strdup_printf ("Undone: %s", label);
  redone = g_strdup_printf ("Redone: %s", label);
  g_test_message ("after the edit: “%s”", gtk_widget_get_tooltip_text (undo));
  wait_until (tooltip_is, &(TooltipIs) { undo, undo_text }, "Undo to name the edit");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (redo), ==, "Redo");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (convene_segment_get_duration (opening), ==, 10);
  wait_until (shows_text, &(TooltipIs) { GTK_WIDGET (window), undone }, "the toast naming what was undone");
  wait_until (tooltip_is, &(TooltipIs) { redo, redo_text }, "Redo to name the edit");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Undo");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (convene_segment_get_duration (opening), ==, 15);
  wait_until (shows_text, &(TooltipIs) { GTK_WIDGET (window), redone }, "the toast naming what was redone");
  wait_until (tooltip_is, &(TooltipIs) { undo, undo_text }, "Undo to name the edit again");

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

static gboolean
dialog_shown (gpointer data)
{
  GtkWidget **dialog = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (window))
        {
          *dialog = window;
          return TRUE;
        }
    }
  return FALSE;
}

/* F1 where no help viewer is installed says what to install (GTK alone
 * would say "Operation not supported"). */
static void
test_help_without_viewer (void)
{
  g_autoptr(GAppInfo) viewer = g_app_info_get_default_for_uri_scheme ("help");
  GtkWidget *parent;
  GtkWidget *dialog = NULL;

  if (viewer != NULL)
    {
      g_test_skip ("a help viewer is installed here");
      return;
    }
  parent = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (parent));
  convene_ui_show_help (GTK_WINDOW (parent), NULL);
  wait_until (dialog_shown, &dialog, "the dialog saying there is no help viewer");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "No Help Viewer");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "yelp"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (parent));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (parent));
}

/* A panel holding talks does not become a break: the window says why and
 * the kind chooser goes back to Panel. */
static void
test_refused_kind (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "kind.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, -1, -1);
  ConveneTimelineView *timeline = timeline_of (window);
  ConveneSession *session = session_at (convene_document_get_project (document), 0);
  g_autoptr(ConveneSegment) panel = NULL;
  g_autoptr(ConveneCommand) refused = NULL;
  g_autoptr(GError) error = NULL;
  AdwComboRow *kind_row;

  for (guint i = 0; panel == NULL; i++)
    {
      g_autoptr(ConveneSegment) segment =
        g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), i);

      g_assert_nonnull (segment);
      if (g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (segment))) > 0)
        panel = g_steal_pointer (&segment);
    }
  refused = convene_edit_set_number (panel, "kind", CONVENE_SEGMENT_KIND_BREAK, &error);
  g_assert_null (refused);
  g_assert_nonnull (error);

  convene_timeline_view_select_segment (timeline, panel);
  kind_row = combo_row_titled (GTK_WIDGET (timeline), "Kind");
  g_assert_nonnull (kind_row);
  show_side_page (GTK_WIDGET (kind_row));
  g_assert_cmpuint (adw_combo_row_get_selected (kind_row), ==, convene_segment_get_kind (panel));

  adw_combo_row_set_selected (kind_row, CONVENE_SEGMENT_KIND_BREAK);
  wait_for_label (GTK_WIDGET (window), error->message);
  g_assert_cmpint (convene_segment_get_kind (panel), !=, CONVENE_SEGMENT_KIND_BREAK);
  g_assert_cmpuint (adw_combo_row_get_selected (kind_row), ==, convene_segment_get_kind (panel));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (panel))), >, 0);

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

/* At phone width the sidebar and the session fold into one column with a
 * way back. */
static void
test_narrow_window (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "narrow.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = convene_window_new (NULL);
  GtkWidget *leaflet;
  GtkWidget *back_button;
  GtkWidget *sessions_view;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  convene_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (widget_is_mapped, window, "the window to show");

  leaflet = require_widget (GTK_WIDGET (window), "leaflet");
  back_button = require_widget (GTK_WIDGET (window), "back_button");
  sessions_view = require_widget (GTK_WIDGET (window), "sessions_view");
  wait_until (is_folded, leaflet, "the leaflet to fold");
  wait_until (leaflet_settled, leaflet, "the leaflet to settle");
  g_assert_true (gtk_widget_get_visible (back_button));

  /* Folded, the project opens on its list of sessions, keyboard included. */
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "sidebar");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)),
                                         require_widget (GTK_WIDGET (window), "sidebar")));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);

  /* Choosing the session (Enter on its row) shows it in place of the sidebar. */
  g_signal_emit_by_name (sessions_view, "activate", 0);
  wait_until (leaflet_settled, leaflet, "the leaflet to show the session");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "content");
  g_assert_true (gtk_widget_has_focus (back_button));
  g_assert_true (gtk_widget_activate_action (back_button, "project.back", NULL));
  wait_until (leaflet_settled, leaflet, "the leaflet to go back");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "sidebar");

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

static void
collect_drawn_switchers (GtkWidget *widget,
                         GPtrArray *found)
{
  if (!gtk_widget_is_drawable (widget))
    return;
  if (ADW_IS_VIEW_SWITCHER (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_drawn_switchers (c, found);
}

static gboolean
one_switcher_drawn (gpointer data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_drawn_switchers (data, found);
  return found->len == 1;
}

/* The session's tabs: beside its title when there is room, so the timeline
 * gets their row; under it on a narrow window; never twice, never on the
 * project's own pages. */
static void
test_session_tabs (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "tabs.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  const int widths[] = { 1280, 360 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      ConveneWindow *window = show_window (document, widths[i], 800);
      GtkWidget *root = GTK_WIDGET (window);
      g_autoptr(GPtrArray) found = g_ptr_array_new ();
      GtkWidget *switcher;
      GtkWidget *warnings;
      graphene_rect_t tabs, below, title;

      if (widths[i] < 600)
        {
          g_signal_emit_by_name (require_widget (root, "sessions_view"), "activate", 0);
          wait_until (leaflet_settled, require_widget (root, "leaflet"), "the leaflet to show the session");
        }
      wait_until (one_switcher_drawn, root, "one row of session tabs");
      wait_until (at_rest, &(AtRest) { .widget = root }, "the window to be laid out");
      collect_drawn_switchers (root, found);
      g_assert_cmpuint (found->len, ==, 1);
      switcher = g_ptr_array_index (found, 0);
      warnings = require_widget (root, "warnings_scroller");
      g_assert_true (gtk_widget_compute_bounds (switcher, root, &tabs));
      g_assert_true (gtk_widget_compute_bounds (warnings, root, &below));
      g_assert_true (gtk_widget_compute_bounds (require_widget (root, "remove_session_button"), root, &title));
      if (widths[i] >= 1000)
        {
          /* In the title's row, and the title still readable beside it. */
          g_assert_true (gtk_widget_is_ancestor (switcher, require_widget (root, "title_with_tabs")));
          g_assert_cmpfloat (ABS (tabs.origin.y + tabs.size.height / 2 - (title.origin.y + title.size.height / 2)), <, 2);
          g_assert_cmpint (gtk_widget_get_width (require_widget (root, "title_beside_tabs")), >=, 200);
        }
      else
        {
          g_assert_true (switcher == require_widget (root, "session_switcher"));
          g_assert_cmpfloat (tabs.origin.y, >, title.origin.y + title.size.height - 1);
        }
      g_assert_cmpfloat (tabs.origin.y + tabs.size.height, <=, below.origin.y);

      /* The project's details have no session tabs. */
      if (widths[i] >= 1000)
        {
          GtkWidget *details_row = require_widget (root, "details_row");
          g_autoptr(GPtrArray) none = g_ptr_array_new ();

          g_signal_emit_by_name (gtk_widget_get_parent (details_row), "row-activated", details_row);
          g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (require_widget (root, "content_stack"))), ==,
                           "details");
          collect_drawn_switchers (root, none);
          g_assert_cmpuint (none->len, ==, 0);
        }

      close_window (window);
    }

  g_clear_object (&document);
  remove_project_file (file);
}

static gboolean
is_revealed (gpointer data)
{
  return gtk_revealer_get_reveal_child (data);
}

/* A project that cannot be written says so and offers no edits. */
static void
test_read_only (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "read-only.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) created = create_example (file);
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  ConveneWindow *window;
  GtkWidget *revealer;
  GtkWidget *label;

  g_clear_object (&created);
  document = convene_document_open (file, CONVENE_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (convene_document_get_read_only (document));

  window = show_window (document, -1, -1);
  revealer = require_widget (GTK_WIDGET (window), "read_only_revealer");
  label = require_widget (GTK_WIDGET (window), "read_only_label");
  wait_until (is_revealed, revealer, "the read-only notice");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "read-only"));
  g_assert_false (gtk_widget_get_sensitive (require_widget (GTK_WIDGET (window), "session_group")));
  g_assert_false (gtk_widget_get_sensitive (require_widget (GTK_WIDGET (window), "add_session_button")));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-blank-session", NULL);
  g_assert_cmpuint (n_sessions (convene_document_get_project (document)), ==, 1);

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static AdwToast *
watched_toast (const char  *title,
               AdwToast   **pointer)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  *pointer = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) pointer);
  return toast;
}

typedef struct
{
  GtkWidget *widget;
  gint64     frame;
} NextFrame;

static gboolean
frame_drawn (gpointer data)
{
  NextFrame *next = data;

  gtk_widget_queue_draw (next->widget);
  return gdk_frame_clock_get_frame_counter (gtk_widget_get_frame_clock (next->widget)) > next->frame + 1;
}

/* Waits until widget has been drawn again, as a person sees it. */
static void
wait_for_frame (GtkWidget *widget)
{
  NextFrame next = { widget, gdk_frame_clock_get_frame_counter (gtk_widget_get_frame_clock (widget)) };

  wait_until (frame_drawn, &next, "a frame to be drawn");
}

static void
flag_dismissed (AdwToast *toast,
                gboolean *dismissed)
{
  *dismissed = TRUE;
}

/* The toast shown on overlay, once it has slid in, watched for its
 * dismissal: only the main loop runs its time-out, so a toast found not
 * dismissed, then dismissed right after a step that did not iterate the
 * loop, was dismissed by that step. */
static AdwToast *
watch_shown_toast (GtkWidget *overlay,
                   gboolean  *dismissed)
{
  GtkWidget *toast_widget = first_of_type (overlay, g_type_from_name ("AdwToastWidget"));
  AdwToast *toast = NULL;

  g_assert_nonnull (toast_widget);
  wait_until (at_rest, &(AtRest) { .widget = toast_widget }, "the toast to slide in");
  g_object_get (toast_widget, "toast", &toast, NULL);
  g_assert_nonnull (toast);
  *dismissed = FALSE;
  g_signal_connect (toast, "dismissed", G_CALLBACK (flag_dismissed), dismissed);
  g_object_unref (toast);
  return toast;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Waits for toast to be dismissed after a step that began at started,
 * sooner than its own time-out could have: the step dismissed it. The
 * window may hold a dismissal back until the toast has finished sliding in
 * (libadwaita 1.2 crashed otherwise), which is slower under AddressSanitizer
 * than the test's own wait for it to be at rest. */
static void
assert_dismissed_by_step (AdwToast *toast,
                          gboolean *dismissed,
                          gint64    started)
{
  guint timeout = adw_toast_get_timeout (toast);

  wait_until (flag_is_set, dismissed, "the refusal's toast to go");
  if (timeout > 0)
    g_assert_cmpint (g_get_monotonic_time () - started, <, (gint64) timeout * G_USEC_PER_SEC);
}

/* The toast saying why a field's input was refused goes once the field
 * is given something it accepts; an edit elsewhere leaves it. */
static void
test_refusal_withdrawn (void)
{
  gboolean dismissed = FALSE;
  AdwToast *toast;
  gint64 started;
  g_autofree char *path = g_build_filename (tmp_dir, "refusal.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  GtkWidget *overlay = require_widget (GTK_WIDGET (window), "toast_overlay");
  GtkWidget *start_row = require_widget (GTK_WIDGET (window), "start_row");
  GtkWidget *room_row = require_widget (GTK_WIDGET (window), "room_row");
  const char *wrong = "“25:99” is not a time of day. Use hours and minutes, such as 12:30.";
  const char *other = "“99” is not a time of day. Use hours and minutes, such as 12:30.";

  activate_entry (start_row, "25:99");
  wait_for_label (overlay, wrong);
  toast = watch_shown_toast (overlay, &dismissed);
  render_shot (GTK_WIDGET (window), "refused-time-toast-1280.png");
  g_assert_false (dismissed);
  started = g_get_monotonic_time ();
  activate_entry (start_row, "13:05");
  assert_dismissed_by_step (toast, &dismissed, started);
  g_signal_handlers_disconnect_by_func (toast, flag_dismissed, &dismissed);
  g_assert_cmpuint (convene_session_get_start_time (session_at (convene_document_get_project (document), 0)), ==,
                    13 * 60 + 5);
  wait_for_no_label (overlay, wrong);

  /* Another field's edit is no answer to this one's refusal. */
  activate_entry (start_row, "99");
  wait_for_label (overlay, other);
  toast = watch_shown_toast (overlay, &dismissed);
  started = g_get_monotonic_time ();
  activate_entry (room_row, "Room XIX");
  g_assert_false (dismissed);
  activate_entry (start_row, "13:10");
  assert_dismissed_by_step (toast, &dismissed, started);
  g_signal_handlers_disconnect_by_func (toast, flag_dismissed, &dismissed);
  wait_for_no_label (overlay, other);

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

/* One toast at a time on the window's overlay. libadwaita 1.2 wrote to freed
 * memory when a toast's fade-out ended before its slide-in (or in the same
 * frame): a toast put on as the last one fades out slides in for longer, so
 * dismissing it soon after crashed (the outcomes test, 3 runs in 4 with GL
 * off); a toast dismissed in the frame it appeared, by its own button or by
 * a high-priority toast put on at once, crashed the same way. */
static void
test_toasts_one_at_a_time (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "toasts.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, -1, -1);
  GtkWidget *overlay = first_of_type (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *first = NULL, *second = NULL, *third = NULL, *fourth = NULL, *fifth = NULL;

  for (guint round = 0; round < 2; round++)
    {
      convene_ui_add_toast (ADW_TOAST_OVERLAY (overlay), watched_toast ("First toast", &first));
      wait_for_label (overlay, "First toast");
      wait_for_frame (overlay);
      adw_toast_dismiss (first);
      convene_ui_add_toast (ADW_TOAST_OVERLAY (overlay), watched_toast ("Second toast", &second));
      /* Not beside the first while that one fades out. */
      g_assert_false (shows_label (overlay, "Second toast"));
      wait_for_label (overlay, "Second toast");
      g_assert_null (first);
      wait_for_frame (overlay);
      adw_toast_dismiss (second);
      wait_until (is_null, &second, "the second toast to fade out");

      /* A high-priority toast replaces the one shown, once that one has
       * slid in and faded out. */
      convene_ui_add_toast (ADW_TOAST_OVERLAY (overlay), watched_toast ("Third toast", &third));
      {
        AdwToast *urgent = watched_toast ("Fourth toast", &fourth);

        adw_toast_set_priority (urgent, ADW_TOAST_PRIORITY_HIGH);
        convene_ui_add_toast (ADW_TOAST_OVERLAY (overlay), urgent);
      }
      g_assert_true (shows_label (overlay, "Third toast"));
      g_assert_false (shows_label (overlay, "Fourth toast"));
      wait_until (is_null, &third, "the replaced toast to fade out");
      wait_for_label (overlay, "Fourth toast");
      wait_for_frame (overlay);
      adw_toast_dismiss (fourth);
      wait_until (is_null, &fourth, "the fourth toast to fade out");

      /* Dismissed in the very frame it was put on (its button pressed at
       * once): the overlay hears of it once the toast has slid in. */
      convene_ui_add_toast (ADW_TOAST_OVERLAY (overlay), watched_toast ("Fifth toast", &fifth));
      adw_toast_dismiss (fifth);
      g_assert_true (shows_label (overlay, "Fifth toast"));
      wait_until (is_null, &fifth, "the fifth toast to fade out");
    }

  close_window (window);
  convene_document_close (document);
  g_clear_object (&document);
  remove_project_file (file);
}

/* ---- the project's file moved or deleted while open ----------------------- */

static gboolean
banner_says_gone (gpointer data)
{
  GtkWidget *window = data;
  GtkWidget *revealer = require_widget (window, "read_only_revealer");
  GtkWidget *label = require_widget (window, "read_only_label");

  return gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)) &&
         strstr (gtk_label_get_text (GTK_LABEL (label)), "save a copy") != NULL;
}

/* Nothing of SQLite's is left beside where the file was. */
static void
assert_no_companions (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static gboolean
pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The project's file is moved while the window shows it: the next edit is
 * refused, the window says what happened and offers Save a Copy; closing
 * asks first, and a copy saved there holds everything. */
static void
test_file_moved (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "moving.convene", NULL);
  g_autofree char *moved = g_build_filename (tmp_dir, "moved away.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) moved_file = g_file_new_for_path (moved);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneProject *project = convene_document_get_project (document);
  ConveneWindow *window = show_window (document, -1, -1);
  guint sessions = n_sessions (project);
  GtkWindow *dialog;
  GtkWindow *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-blank-session", NULL));
  g_assert_cmpuint (n_sessions (project), ==, ++sessions);
  g_assert_cmpint (g_rename (path, moved), ==, 0);

  /* The next edit is refused, and the window says why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-blank-session", NULL));
  g_assert_cmpuint (n_sessions (project), ==, sessions);
  wait_until (banner_says_gone, window, "the notice that the file moved");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (require_widget (GTK_WIDGET (window), "read_only_label"))),
                            "moving.convene"));
  g_assert_true (gtk_widget_get_visible (require_widget (GTK_WIDGET (window), "save_copy_button")));
  g_assert_false (gtk_widget_is_sensitive (require_widget (GTK_WIDGET (window), "undo_button")));

  /* Closing asks; Cancel keeps the window. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  wait_until (nothing_pending, NULL, "the answer to be handled");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (convene_window_get_document (window) == document);

  /* Save a Copy from the question offers a file chooser (saving the copy
   * and going on in it is in tests/store/test-document.c); cancelled, the
   * window stays as it was. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  chooser = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (window));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  wait_until (nothing_pending, NULL, "the answer to be handled");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (convene_window_get_document (window) == document);

  /* Closing after all. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Save a Copy Before Closing?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  wait_until (pointer_is_null, &window, "the window to close");

  /* The moved file has every edit; nothing is left where it was. */
  {
    g_autoptr(ConveneProject) away = load_file (moved_file);

    g_assert_cmpuint (n_sessions (away), ==, sessions);
  }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_no_companions (path);

  g_clear_object (&document);
  remove_project_file (moved_file);
}

/* Deleted while open: closing asks, and closing without saving is a choice
 * the planner makes, in those words. */
static void
test_file_deleted (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "deleted.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, -1, -1);
  GtkWindow *dialog;

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Save the Project Before Closing?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "deleted"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "close"), ==,
                   "Close _Without Saving");
  wait_until (banner_says_gone, window, "the notice that the file was deleted");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  wait_until (pointer_is_null, &window, "the window to close");
  assert_no_companions (path);
  g_clear_object (&document);
}

static GFile *
touch_project (GFile      *folder,
               const char *name)
{
  GFile *file = g_file_get_child (folder, name);
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, "", 0, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  return file;
}

static gboolean
child_exists (GFile      *folder,
              const char *name)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);

  return g_file_query_exists (file, NULL);
}

/* A project in the app's folder is named after its title, and renamed
 * with it: safely (the project goes on in the renamed file, every edit
 * before and after is in it), never over another project, and never a
 * file the planner keeps elsewhere. */
static void
test_file_follows_title (void)
{
  g_autoptr(GFile) folder = convene_project_files_get_folder ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) renamed = g_file_get_child (folder, "Team Briefing - Day 1.convene");
  g_autoptr(GFile) numbered = g_file_get_child (folder, "Clash (2).convene");
  g_autoptr(GFile) clash = NULL;
  g_autofree char *outside_path = g_build_filename (tmp_dir, "my own name.convene", NULL);
  g_autoptr(GFile) outside = g_file_new_for_path (outside_path);
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) recent = NULL;
  ConveneWindow *window;
  GtkWidget *title_row;
  guint sessions;

  g_assert_true (convene_project_files_ensure_folder (&error));
  g_assert_no_error (error);
  convene_project_set_title (project, "Untitled Project");
  file = convene_project_files_next_free (folder, "Untitled Project");
  document = convene_document_create (file, project, &error);
  g_assert_no_error (error);
  window = show_window (document, 1280, 800);
  title_row = require_widget (GTK_WIDGET (window), "project_title_row");

  /* Renamed, the file takes the title (its dash made safe). */
  activate_entry (title_row, "Team Briefing — Day 1");
  g_assert_true (g_file_equal (convene_document_get_file (document), renamed));
  g_assert_true (g_file_query_exists (renamed, NULL));
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_true (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (window)), "Day 1"));
  recent = g_settings_get_strv (convene_ui_get_settings (), "recent-projects");
  g_assert_false (g_strv_contains ((const char * const *) recent, g_file_peek_path (file)));

  render_shot (GTK_WIDGET (window), "file-follows-title-1280.png");

  /* Editing goes on in the renamed file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-blank-session", NULL));
  sessions = n_sessions (project);

  /* A name taken by another project gets a number. */
  clash = touch_project (folder, "Clash.convene");
  activate_entry (title_row, "Clash");
  g_assert_true (g_file_equal (convene_document_get_file (document), numbered));
  g_assert_false (g_file_query_exists (renamed, NULL));
  g_assert_true (g_file_query_exists (clash, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-blank-session", NULL));
  sessions++;
  g_assert_cmpuint (n_sessions (project), ==, sessions);

  /* An edit that keeps the title keeps the name; undoing the title brings
   * the file back to its name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (convene_project_get_title (project), ==, "Team Briefing — Day 1");
  g_assert_true (g_file_equal (convene_document_get_file (document), renamed));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (g_file_equal (convene_document_get_file (document), numbered));
  g_assert_false (child_exists (folder, "Team Briefing - Day 1.convene"));
  close_window (window);
  g_clear_object (&document);

  /* Reopened, it holds every edit. */
  {
    g_autoptr(ConveneProject) saved = load_file (numbered);

    g_assert_cmpstr (convene_project_get_title (saved), ==, "Clash");
    g_assert_cmpuint (n_sessions (saved), ==, sessions);
  }
  assert_no_companions (g_file_peek_path (numbered));
  remove_project_file (numbered);
  remove_project_file (clash);

  /* A file kept elsewhere keeps the name the planner gave it. */
  g_clear_object (&project);
  project = convene_project_new ();
  document = convene_document_create (outside, project, &error);
  g_assert_no_error (error);
  window = show_window (document, -1, -1);
  activate_entry (require_widget (GTK_WIDGET (window), "project_title_row"), "Somewhere Else");
  g_assert_true (g_file_equal (convene_document_get_file (document), outside));
  g_assert_true (g_file_query_exists (outside, NULL));
  close_window (window);
  g_clear_object (&document);
  remove_project_file (outside);
}

/* The recent list: most recent first, each once, at most ten, and files that
 * have gone are dropped; projects in the folder are offered too. */
static void
test_project_files (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) folder = convene_project_files_get_folder ();
  g_autoptr(GFile) elsewhere = g_file_new_for_path (tmp_dir);
  g_autoptr(GFile) untitled = NULL;
  g_autoptr(GFile) untitled_2 = NULL;
  g_autoptr(GFile) outside = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) recent = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (convene_project_files_ensure_folder (&error));
  g_assert_no_error (error);
  g_assert_true (convene_project_files_ensure_folder (&error));

  untitled = convene_project_files_next_free (folder, "Untitled Project");
  g_assert_true (g_str_has_suffix (g_file_peek_path (untitled), "/convene/projects/Untitled Project.convene"));
  g_object_unref (touch_project (folder, "Untitled Project.convene"));
  untitled_2 = convene_project_files_next_free (folder, "Untitled Project");
  g_assert_true (g_str_has_suffix (g_file_peek_path (untitled_2), "/Untitled Project (2).convene"));

  outside = touch_project (elsewhere, "Elsewhere.convene");
  convene_project_files_remember (settings, untitled);
  convene_project_files_remember (settings, outside);
  convene_project_files_remember (settings, untitled);
  recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_cmpstr (recent[0], ==, g_file_peek_path (untitled));
  g_assert_cmpstr (recent[1], ==, g_file_peek_path (outside));

  /* The folder's other projects follow the recent ones. */
  g_object_unref (touch_project (folder, "Untitled Project (2).convene"));
  listed = convene_project_files_list (settings);
  g_assert_cmpuint (listed->len, ==, 3);
  g_assert_true (g_file_equal (g_ptr_array_index (listed, 0), untitled));
  g_assert_true (g_file_equal (g_ptr_array_index (listed, 1), outside));
  g_assert_true (g_file_equal (g_ptr_array_index (listed, 2), untitled_2));
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* A project deleted behind our back disappears from the list and the settings. */
  g_assert_no_errno (g_remove (g_file_peek_path (outside)));
  listed = convene_project_files_list (settings);
  g_assert_cmpuint (listed->len, ==, 2);
  g_clear_pointer (&recent, g_strfreev);
  recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_cmpuint (g_strv_length (recent), ==, 1);

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("many-%u.convene", i);

      g_ptr_array_add (many, touch_project (elsewhere, name));
      convene_project_files_remember (settings, g_ptr_array_index (many, i));
    }
  g_clear_pointer (&recent, g_strfreev);
  recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_cmpuint (g_strv_length (recent), ==, CONVENE_MAX_RECENT_PROJECTS);
  g_assert_cmpstr (recent[0], ==, g_file_peek_path (g_ptr_array_index (many, 11)));

  for (guint i = 0; i < many->len; i++)
    g_assert_no_errno (g_remove (g_file_peek_path (g_ptr_array_index (many, i))));
  g_assert_no_errno (g_remove (g_file_peek_path (untitled)));
  g_assert_no_errno (g_remove (g_file_peek_path (untitled_2)));
  g_settings_reset (settings, "recent-projects");
}

/* Every accelerator under widget, normalised, into accels; each row that
 * names a shortcut must show its keys. Returns how many rows it saw. */
static guint
collect_accelerators (GtkWidget  *widget,
                      GHashTable *accels)
{
  guint rows = 0;

  if (ADW_IS_ACTION_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      GtkWidget *label = first_of_type (widget, GTK_TYPE_SHORTCUT_LABEL);
      const char *accelerator = label != NULL ? gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (label)) : NULL;
      g_auto(GStrv) keys = NULL;

      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "");
      /* A shortcut listed without its keys is the defect this catches. */
      if (accelerator == NULL || accelerator[0] == '\0')
        g_error ("“%s” is listed without its keys", title);
      keys = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          guint key = 0;
          GdkModifierType mods = 0;

          g_assert_true (gtk_accelerator_parse (keys[i], &key, &mods));
          g_hash_table_add (accels, gtk_accelerator_name (key, mods));
        }
      return 1;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rows += collect_accelerators (child, accels);
  return rows;
}

/* data points at a weak pointer to a window. */
static gboolean
window_destroyed (gpointer data)
{
  return *(GtkWindow **) data == NULL;
}

/* The shortcuts window lists every accelerator the application sets, each
 * with its keys, fits a 360 px wide screen, closes with Escape, and opens
 * without any warning (tests run with fatal warnings). */
static void
test_shortcuts_window (void)
{
  GtkWidget *parent = gtk_window_new ();
  GtkWindow *shortcuts;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char * const *accels;
  const char *action;
  int minimum = 0;

  gtk_window_present (GTK_WINDOW (parent));
  shortcuts = convene_application_build_shortcuts_window (GTK_WINDOW (parent));
  gtk_window_set_default_size (shortcuts, 360, 640);
  gtk_window_present (shortcuts);
  wait_until (widget_is_mapped, shortcuts, "the shortcuts window");
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (shortcuts) }, "the shortcuts window to be drawn");
  g_assert_cmpuint (collect_accelerators (GTK_WIDGET (shortcuts), listed), >, 30);
  g_assert_cmpuint (g_hash_table_size (listed), >, 10);

  for (guint i = 0; (action = convene_application_get_accel (i, &accels)) != NULL; i++)
    for (guint j = 0; accels[j] != NULL; j++)
      {
        guint key = 0;
        GdkModifierType mods = 0;
        g_autofree char *name = NULL;

        g_assert_true (gtk_accelerator_parse (accels[j], &key, &mods));
        name = gtk_accelerator_name (key, mods);
        if (!g_hash_table_contains (listed, name))
          g_error ("%s (%s) is not in the shortcuts window", action, accels[j]);
      }

  /* Usable on a phone-sized screen. */
  gtk_widget_measure (GTK_WIDGET (shortcuts), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (shortcuts)), <=, 360);
  render_shot (GTK_WIDGET (shortcuts), "shortcuts-360.png");

  /* Escape closes it. */
  g_object_add_weak_pointer (G_OBJECT (shortcuts), (gpointer *) &shortcuts);
  assert_shortcut (GTK_WIDGET (shortcuts), GDK_KEY_Escape, "window.close");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shortcuts), "window.close", NULL));
  wait_until (window_destroyed, &shortcuts, "the shortcuts window to close on Escape");

  gtk_window_destroy (GTK_WINDOW (parent));
}

/* Main Menu › Export Programme › Schedule for Conference Apps: the chooser
 * suggests a name from the project's title; a name typed without its
 * extension gets it; the file holds the schedule and a toast says so. */
static void
test_export_programme (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "export.convene", NULL);
  g_autofree char *exported = g_build_filename (tmp_dir, "for the app.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, -1, -1);
  ConveneProject *project = convene_document_get_project (document);
  ConveneSession *session = session_at (project, 0);
  g_autoptr(ConveneSegment) opening =
    g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *guid = NULL;
  g_autofree char *typed = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-programme", "s",
                                             "schedule-xml"));
  /* The name is typed without its extension. */
  typed = g_build_filename (tmp_dir, "for the app", NULL);
  answer_file_chooser ("_Export", typed, &suggested);
  g_assert_cmpstr (suggested, ==,
                   "Health and migration- international cooperation and governance - schedule.xml");

  wait_until (file_exists, exported, "the exported schedule");
  wait_for_label (GTK_WIDGET (window), "Exported “for the app.xml”");
  g_file_get_contents (exported, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  guid = g_strdup_printf ("<event guid=\"%s\"", convene_segment_get_uuid (opening));
  g_assert_nonnull (strstr (contents, guid));

  g_assert_cmpint (g_unlink (exported), ==, 0);
  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

static gboolean
has_sessions (gpointer data)
{
  gpointer *want = data;

  return g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (want[0]))) ==
         GPOINTER_TO_UINT (want[1]);
}

/* Main Menu › Import Schedule…: a frab file chosen in the chooser becomes
 * sessions of the open project, saved; importing it again adds nothing;
 * Undo takes the import out, in the window and in the file. */
static void
test_import_schedule (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "import.convene", NULL);
  g_autofree char *schedule = g_build_filename (g_getenv ("CONVENE_SOURCE_DIR"), "tests", "io", "schedules",
                                                "frab.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, -1, -1);
  ConveneProject *project = convene_document_get_project (document);
  guint before = g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (project)));
  guint speakers = g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project)));
  gpointer want[2] = { project, GUINT_TO_POINTER (before + 3) };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-schedule", NULL));
  answer_open_chooser ("_Import", schedule);
  wait_until (has_sessions, want, "the schedule's three sessions");
  wait_for_label (GTK_WIDGET (window), "Imported 7 events from “frab.xml”");
  {
    g_autoptr(ConveneProject) saved = load_file (file);
    g_autoptr(ConveneSession) last =
      g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (saved)), before + 2);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (saved))), ==, before + 3);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (saved))), ==, speakers + 4);
    g_assert_cmpstr (convene_session_get_date (last), ==, "2026-10-25");
  }

  /* Again: nothing new, and no step in the history. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-schedule", NULL));
  answer_open_chooser ("_Import", schedule);
  wait_for_label (GTK_WIDGET (window), "The project already holds “frab.xml” as it is: nothing to import");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (project))), ==, before + 3);
  g_assert_cmpstr (convene_history_get_undo_label (convene_document_get_history (document)), ==, "Import Schedule");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  want[1] = GUINT_TO_POINTER (before);
  wait_until (has_sessions, want, "undo to take the sessions out");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project))), ==, speakers);
  {
    g_autoptr(ConveneProject) saved = load_file (file);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (saved))), ==, before);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (saved))), ==, speakers);
  }

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

/* Import Schedule… takes Indico's export too, and the toast says how many
 * of its contributions had no start time. */
static void
test_import_indico (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "indico.convene", NULL);
  g_autofree char *schedule = g_build_filename (g_getenv ("CONVENE_SOURCE_DIR"), "tests", "io", "schedules",
                                                "indico.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, -1, -1);
  ConveneProject *project = convene_document_get_project (document);
  guint before = g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (project)));
  gpointer want[2] = { project, GUINT_TO_POINTER (before + 4) };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-schedule", NULL));
  answer_open_chooser ("_Import", schedule);
  wait_until (has_sessions, want, "the Indico event's four sessions");
  wait_for_label (GTK_WIDGET (window),
                  "Imported 12 events from “indico.xml”; 1 contribution without a start time left out");
  {
    g_autoptr(ConveneProject) saved = load_file (file);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (saved))), ==, before + 4);
  }

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("convene-ui-XXXXXX", &error);
  g_assert_no_error (error);
  /* The start page reads the projects folder: keep it inside the test. */
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);

  /* Exits with an error (never hangs) when there is no display. */
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  convene_icons_keep_alive ();

  g_test_add_func ("/ui/window/add-and-edit-session", test_add_and_edit_session);
  g_test_add_func ("/ui/window/example-schedule", test_example_schedule);
  g_test_add_func ("/ui/window/export-programme", test_export_programme);
  g_test_add_func ("/ui/window/import-schedule", test_import_schedule);
  g_test_add_func ("/ui/window/import-indico", test_import_indico);
  g_test_add_func ("/ui/window/refused-kind", test_refused_kind);
  g_test_add_func ("/ui/window/narrow", test_narrow_window);
  g_test_add_func ("/ui/window/session-tabs", test_session_tabs);
  g_test_add_func ("/ui/window/shortcuts", test_shortcuts_window);
  g_test_add_func ("/ui/window/undo-feedback", test_undo_feedback);
  g_test_add_func ("/ui/window/help-without-viewer", test_help_without_viewer);
  g_test_add_func ("/ui/window/read-only", test_read_only);
  g_test_add_func ("/ui/window/toasts-one-at-a-time", test_toasts_one_at_a_time);
  g_test_add_func ("/ui/window/refusal-withdrawn", test_refusal_withdrawn);
  g_test_add_func ("/ui/window/file-moved", test_file_moved);
  g_test_add_func ("/ui/window/file-deleted", test_file_deleted);
  g_test_add_func ("/ui/project-files", test_project_files);
  g_test_add_func ("/ui/window/file-follows-title", test_file_follows_title);

  status = g_test_run ();

  /* The projects folder the tests made, then the directory itself. */
  {
    g_autofree char *projects = g_build_filename (tmp_dir, "convene", "projects", NULL);
    g_autofree char *convene = g_build_filename (tmp_dir, "convene", NULL);

    /* The toolkit notes saved files among the recently used, when it likes. */
    g_autofree char *recent = g_build_filename (tmp_dir, "recently-used.xbel", NULL);

    g_rmdir (projects);
    g_rmdir (convene);
    g_unlink (recent);
  }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
