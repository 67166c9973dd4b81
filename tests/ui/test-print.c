#define G_LOG_DOMAIN "convene-test-print"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "convene-icons.h"
#include "convene-json.h"
#include "convene-print.h"
#include "ui-test-support.h"

/* The print dialog itself cannot be driven from a test (it needs a person,
 * or at least a printer); these tests run the same operation with
 * GTK_PRINT_OPERATION_ACTION_EXPORT, which goes through the same begin-print
 * and draw-page, and drive the "Run Sheet" tab's widget through the
 * operation's own signals. The preview runs for real, with
 * GTK_PRINT_OPERATION_ACTION_PREVIEW: Convene's own window, not a viewer. */

static char *tmp_dir;

static GtkWindow *find_preview_window (void);

static ConveneProject *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CONVENE_SOURCE_DIR"),
                                            "data", "examples", "side-event.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ConveneProject *project = convene_json_import_file (file, &error);

  g_assert_no_error (error);
  return project;
}

static ConveneSession *
first_session (ConveneProject *project)
{
  GListModel *sessions = G_LIST_MODEL (convene_project_get_sessions (project));
  g_autoptr(ConveneSession) session = g_list_model_get_item (sessions, 0);

  g_assert_nonnull (session);
  return session; /* the project keeps it alive */
}

static GSettings *
fresh_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "print-settings");
  g_settings_reset (settings, "page-setup");
  g_settings_reset (settings, "runsheet-sections");
  g_settings_reset (settings, "runsheet-include-notes");
  g_settings_reset (settings, "runsheet-include-actuals");
  return settings;
}

static char *
run_tool (const char *tool,
          const char *pdf)
{
  const char *argv[] = { tool, "-layout", pdf, "-", NULL };
  const char *info_argv[] = { tool, pdf, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) (g_str_equal (tool, "pdfinfo") ? info_argv : argv), NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static guint
count_pages (const char *pdfinfo)
{
  const char *line = strstr (pdfinfo, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

static GtkPrintOperationResult
export_to (ConvenePrint  *print,
           const char    *name,
           char         **out_path,
           GError       **error)
{
  *out_path = g_build_filename (tmp_dir, name, NULL);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (print), *out_path);
  return convene_print_run (print, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
}

static void
test_export_prints_run_sheet (void)
{
  g_autoptr(ConveneProject) project = load_example ();
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(ConvenePrint) print = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) page_setup = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  const char *expected[] = { "12:30", "12:40", "13:40", "14:00", "14:03", "3 min over",
                             "Enrico Fos", "Philippines", "Teresa Zakaria", "IOM",
                             "James Campbell", "Kanokporn Kaojaroen", "Page 1 of 1" };

  page_setup = g_settings_get_value (settings, "page-setup");
  g_assert_cmpuint (g_variant_n_children (page_setup), ==, 0);
  g_clear_pointer (&page_setup, g_variant_unref);

  print = convene_print_new (project, first_session (project), settings);
  g_assert_cmpint (export_to (print, "print.pdf", &path, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  info = run_tool ("pdfinfo", path);
  g_assert_cmpuint (count_pages (info), ==, 1);
  text = run_tool ("pdftotext", path);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("“%s” is missing from the printed run sheet:\n%s", expected[i], text);

  /* An applied run is remembered for the next one. */
  page_setup = g_settings_get_value (settings, "page-setup");
  g_assert_cmpuint (g_variant_n_children (page_setup), >, 0);

  g_unlink (path);
}

static void
test_settings_remembered (void)
{
  g_autoptr(ConveneProject) project = load_example ();
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new ();
  g_autoptr(ConvenePrint) print = NULL;
  g_autoptr(GtkPageSetup) restored = NULL;
  g_autoptr(GVariant) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autoptr(ConvenePrint) first = convene_print_new (project, NULL, settings);
  g_autofree char *first_path = NULL;

  /* A run on landscape Letter, as if chosen in the dialog, is remembered... */
  gtk_page_setup_set_paper_size (setup, letter);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (first), setup);
  g_assert_cmpint (export_to (first, "first.pdf", &first_path, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_unlink (first_path);

  /* ...and so are the printer and copies, by the next run. */
  gtk_print_settings_set_printer (print_settings, "Production Office");
  gtk_print_settings_set_n_copies (print_settings, 3);
  g_settings_set_value (settings, "print-settings", gtk_print_settings_to_gvariant (print_settings));

  print = convene_print_new (project, NULL, settings);
  /* Forgotten after reading, so what is found below was written back. */
  g_settings_reset (settings, "print-settings");
  g_settings_reset (settings, "page-setup");
  g_assert_cmpint (export_to (print, "letter.pdf", &path, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  stored = g_settings_get_value (settings, "print-settings");
  g_clear_object (&print_settings);
  print_settings = gtk_print_settings_new_from_gvariant (stored);
  g_assert_cmpstr (gtk_print_settings_get_printer (print_settings), ==, "Production Office");
  g_assert_cmpint (gtk_print_settings_get_n_copies (print_settings), ==, 3);
  g_clear_pointer (&stored, g_variant_unref);

  info = run_tool ("pdfinfo", path);
  g_assert_nonnull (strstr (info, "792 x 612 pts"));
  text = run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, "14:03"));

  /* Written back as it was used. */
  stored = g_settings_get_value (settings, "page-setup");
  restored = gtk_page_setup_new_from_gvariant (stored);
  g_assert_cmpint (gtk_page_setup_get_orientation (restored), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (restored)), ==,
                   GTK_PAPER_NAME_LETTER);

  g_unlink (path);
}

static GtkCheckButton *
find_check (GtkWidget  *box,
            const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_CHECK_BUTTON (child) &&
        g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (child)), label) == 0)
      return GTK_CHECK_BUTTON (child);
  g_error ("no check button “%s” in the Run Sheet tab", label);
  return NULL;
}

static void
test_custom_tab (void)
{
  g_autoptr(ConveneProject) project = load_example ();
  ConveneSession *session = first_session (project);
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(ConvenePrint) print = convene_print_new (project, session, settings);
  g_autoptr(ConvenePrint) next = NULL;
  ConveneRunsheetOptions *options = convene_print_get_options (print);
  g_auto(GStrv) sections = NULL;
  const char *expected_sections[] = { "contacts", "call-sheets", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *only_label = NULL;
  GtkWidget *tab = NULL;

  /* The session on screen is chosen first. */
  g_assert_cmpint (convene_runsheet_options_get_session_id (options), ==,
                   convene_session_get_id (session));

  g_signal_emit_by_name (print, "create-custom-widget", &tab);
  g_assert_true (GTK_IS_WIDGET (tab));
  g_object_ref_sink (tab);

  only_label = g_strdup_printf ("_This session: %s", convene_session_get_title (session));
  g_assert_true (gtk_check_button_get_active (find_check (tab, only_label)));
  g_assert_true (gtk_check_button_get_active (find_check (tab, "Segment _notes and cues")));
  g_assert_false (gtk_check_button_get_active (find_check (tab, "Speaker _contact sheet")));
  g_assert_true (gtk_check_button_get_active (find_check (tab, "_Planned and actual times, for a session run live")));

  gtk_check_button_set_active (find_check (tab, "_All sessions, each from a new page"), TRUE);
  gtk_check_button_set_active (find_check (tab, "Segment _notes and cues"), FALSE);
  gtk_check_button_set_active (find_check (tab, "Speaker _contact sheet"), TRUE);
  gtk_check_button_set_active (find_check (tab, "A call _sheet for each person"), TRUE);
  gtk_check_button_set_active (find_check (tab, "_Planned and actual times, for a session run live"), FALSE);
  g_signal_emit_by_name (print, "custom-widget-apply", tab);

  g_assert_cmpint (convene_runsheet_options_get_session_id (options), ==, 0);
  g_assert_false (convene_runsheet_options_get_include_notes (options));
  g_assert_true (convene_runsheet_options_get_contact_sheet (options));
  g_assert_false (convene_runsheet_options_get_outcomes_checklist (options));
  g_assert_false (convene_runsheet_options_get_moderator_card (options));
  g_assert_true (convene_runsheet_options_get_call_sheets (options));
  g_assert_false (convene_runsheet_options_get_planned_actual (options));
  g_object_unref (tab);

  /* The ticks reach the paper: more than the one page of the table. */
  g_assert_cmpint (export_to (print, "sections.pdf", &path, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  text = run_tool ("pdfinfo", path);
  g_assert_cmpuint (count_pages (text), >, 1);
  g_unlink (path);

  /* The ticks are remembered for the next print. */
  sections = g_settings_get_strv (settings, "runsheet-sections");
  g_assert_cmpstrv (sections, expected_sections);
  g_assert_false (g_settings_get_boolean (settings, "runsheet-include-notes"));
  g_assert_false (g_settings_get_boolean (settings, "runsheet-include-actuals"));
  next = convene_print_new (project, session, settings);
  options = convene_print_get_options (next);
  g_assert_false (convene_runsheet_options_get_planned_actual (options));
  g_assert_false (convene_runsheet_options_get_include_notes (options));
  g_assert_true (convene_runsheet_options_get_contact_sheet (options));
  g_assert_true (convene_runsheet_options_get_call_sheets (options));
  g_assert_false (convene_runsheet_options_get_moderator_card (options));
  g_assert_cmpint (convene_runsheet_options_get_session_id (options), ==,
                   convene_session_get_id (session));
}

static void
test_nothing_to_print (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConvenePrint) print = convene_print_new (project, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_assert_cmpint (export_to (print, "empty.pdf", &path, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_ERROR);
  g_assert_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_NO_SESSION);
  g_assert_nonnull (error->message);
  g_clear_error (&error);

  /* A preview of nothing says why, and opens no window. */
  g_clear_object (&print);
  print = convene_print_new (project, NULL, NULL);
  g_assert_cmpint (convene_print_run (print, GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_ERROR);
  g_assert_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_NO_SESSION);
  g_assert_null (find_preview_window ());
}

/* The preview: the operation runs its own recursive main loop until the
 * preview ends, so the window is driven from a timeout inside that loop. */
typedef struct {
  int                     n_pages;      /* as begin-print set it */
  guint                   ticks;
  guint                   mapped_ticks;
  gboolean                checked;
  gboolean                done;
  GtkPrintOperationResult done_result;
} PreviewRun;

static GtkWindow *
find_preview_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), "Print Preview") == 0)
        return window; /* GTK keeps it alive while it is a toplevel */
    }
  return NULL;
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *action_name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (action_name == NULL ||
       (GTK_IS_ACTIONABLE (root) &&
        g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_page_label (GtkWindow *window,
                   guint      page,
                   int        n_pages)
{
  GtkWidget *title = find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, NULL);
  g_autofree char *expected = g_strdup_printf ("Page %u of %d", page, n_pages);

  g_assert_nonnull (title);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, expected);
}

/* Only when asked (CONVENE_SHOTS_DIR), so that a person can look at it. */
static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("CONVENE_SHOTS_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static gboolean
drive_preview (gpointer user_data)
{
  PreviewRun *run = user_data;
  GtkWindow *window = find_preview_window ();
  GtkWidget *previous, *next;

  if (++run->ticks > 600)
    g_error ("the print preview window did not appear");
  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;
  /* A few frames, so that the page has been drawn for the screenshot. */
  if (++run->mapped_ticks < 4)
    return G_SOURCE_CONTINUE;

  g_assert_cmpint (run->n_pages, >, 1);
  assert_page_label (window, 1, run->n_pages);

  previous = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "preview.previous-page");
  next = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "preview.next-page");
  g_assert_nonnull (previous);
  g_assert_nonnull (next);
  g_assert_false (gtk_widget_get_sensitive (previous));
  g_assert_true (gtk_widget_get_sensitive (next));

  save_shot (GTK_WIDGET (window), "print-preview.png");
  if (g_getenv ("CONVENE_SHOTS_DIR") != NULL)
    {
      AdwStyleManager *style = adw_style_manager_get_default ();

      /* The same sheet on a dark desktop: the page must still read as paper. */
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      for (int i = 0; i < 20; i++)
        {
          g_usleep (10000);
          while (g_main_context_iteration (NULL, FALSE))
            ;
        }
      save_shot (GTK_WIDGET (window), "print-preview-dark.png");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
    }

  g_signal_emit_by_name (next, "clicked");
  assert_page_label (window, 2, run->n_pages);
  g_assert_true (gtk_widget_get_sensitive (previous));
  g_signal_emit_by_name (previous, "clicked");
  assert_page_label (window, 1, run->n_pages);

  /* The last page, then no further. */
  for (int i = 1; i < run->n_pages; i++)
    g_signal_emit_by_name (next, "clicked");
  assert_page_label (window, (guint) run->n_pages, run->n_pages);
  g_assert_false (gtk_widget_get_sensitive (next));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "preview.previous-page", NULL));
  assert_page_label (window, (guint) run->n_pages - 1, run->n_pages);

  /* Zoom to fit off and on again keeps the page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "preview.zoom-to-fit", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "preview.zoom-to-fit", NULL));
  assert_page_label (window, (guint) run->n_pages - 1, run->n_pages);

  assert_shortcut (GTK_WIDGET (window), GDK_KEY_Page_Down, "preview.next-page");
  assert_shortcut (GTK_WIDGET (window), GDK_KEY_Page_Up, "preview.previous-page");
  assert_shortcut (GTK_WIDGET (window), GDK_KEY_Escape, "window.close");

  run->checked = TRUE;
  g_assert_false (run->done);
  /* What Escape does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL));
  return G_SOURCE_REMOVE;
}

static void
preview_begin_print (GtkPrintOperation *operation,
                     GtkPrintContext   *context,
                     gpointer           user_data)
{
  PreviewRun *run = user_data;

  g_object_get (operation, "n-pages", &run->n_pages, NULL);
}

static void
preview_done (GtkPrintOperation       *operation,
              GtkPrintOperationResult  result,
              gpointer                 user_data)
{
  PreviewRun *run = user_data;

  run->done = TRUE;
  run->done_result = result;
}

static void
test_preview (void)
{
  g_autoptr(ConveneProject) project = load_example ();
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(ConvenePrint) print = convene_print_new (project, NULL, settings);
  ConveneRunsheetOptions *options = convene_print_get_options (print);
  g_autoptr(GError) error = NULL;
  PreviewRun run = { 0 };

  /* All sessions and a call sheet per person: several pages to turn. */
  convene_runsheet_options_set_call_sheets (options, TRUE);
  g_signal_connect_after (print, "begin-print", G_CALLBACK (preview_begin_print), &run);
  g_signal_connect (print, "done", G_CALLBACK (preview_done), &run);
  g_timeout_add (50, drive_preview, &run);

  g_assert_cmpint (convene_print_run (print, GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (run.checked);
  g_assert_true (run.done);
  g_assert_cmpint (run.done_result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_null (find_preview_window ());
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  convene_icons_keep_alive ();

  tmp_dir = g_dir_make_tmp ("convene-test-print-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/ui/print/export-run-sheet", test_export_prints_run_sheet);
  g_test_add_func ("/ui/print/settings-remembered", test_settings_remembered);
  g_test_add_func ("/ui/print/custom-tab", test_custom_tab);
  g_test_add_func ("/ui/print/nothing-to-print", test_nothing_to_print);
  g_test_add_func ("/ui/print/preview", test_preview);

  status = g_test_run ();

  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
