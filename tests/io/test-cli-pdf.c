/* The run sheet from the command line's export: every session from a new
 * page, one session picked by id or title, the options checked before any
 * file is opened, and the locale's paper and clock. */
#define G_LOG_DOMAIN "convene-test-cli-pdf"
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "convene-cli.h"
#include "convene-json.h"
#include "convene-store.h"

typedef struct
{
  char  *dir;
  GFile *project_file;
  gint64 first_id;
  gint64 second_id;
} Fixture;

/* The example plus a second session, on the next day, called "Plenary". */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) example = NULL;
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(ConveneSession) plenary = NULL;
  g_autoptr(ConveneSession) first = NULL;
  g_autoptr(ConveneStore) store = NULL;
  const char *source = g_getenv ("CONVENE_SOURCE_DIR");
  const char *second_title = data != NULL ? data : "Plenary";

  g_assert_nonnull (source);
  fixture->dir = g_dir_make_tmp ("convene-cli-pdf-XXXXXX", &error);
  g_assert_no_error (error);

  example = g_file_new_build_filename (source, "data", "examples", "side-event.json", NULL);
  project = convene_json_import_file (example, &error);
  g_assert_no_error (error);

  first = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);
  fixture->first_id = convene_session_get_id (first);
  fixture->second_id = convene_project_new_id (project);
  plenary = convene_session_new (fixture->second_id, second_title, "2027-05-24", 9 * 60, 60);
  g_list_store_append (convene_project_get_sessions (project), plenary);

  fixture->project_file = g_file_new_build_filename (fixture->dir, "two.convene", NULL);
  store = convene_store_create (fixture->project_file, project, &error);
  g_assert_no_error (error);
  convene_store_close (store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_object_unref (fixture->project_file);
}

static char *
run_tool (const char *tool,
          const char *pdf)
{
  const char *argv[] = { tool, pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static guint
count_pages (const char *pdf)
{
  g_autofree char *info = run_tool ("pdfinfo", pdf);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

static gboolean
export (Fixture                       *fixture,
        const char                    *name,
        const ConveneCliExportOptions *options,
        char                         **out_path,
        GError                       **error)
{
  g_autoptr(GFile) out = g_file_new_build_filename (fixture->dir, name, NULL);

  *out_path = g_file_get_path (out);
  return convene_cli_export_with_options (fixture->project_file, out, options, error);
}

static void
test_all_sessions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *side_event, *plenary;

  g_assert_true (export (fixture, "all.pdf", NULL, &path, &error));
  g_assert_no_error (error);

  /* The side event fills one page; the plenary starts on the next. */
  g_assert_cmpuint (count_pages (path), ==, 2);
  text = run_tool ("pdftotext", path);
  side_event = strstr (text, "14:03");
  plenary = strstr (text, "Plenary");
  g_assert_nonnull (side_event);
  g_assert_nonnull (plenary);
  g_assert_true (side_event < plenary);
  g_assert_nonnull (strchr (side_event, '\f'));
  g_assert_true (strchr (side_event, '\f') < plenary);
}

static void
test_pick_session (Fixture       *fixture,
                   gconstpointer  data)
{
  ConveneCliExportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->second_id);
  g_autofree char *by_title = NULL;
  g_autofree char *by_id = NULL;
  g_autofree char *text = NULL;

  options.session = "Plenary";
  g_assert_true (export (fixture, "title.pdf", &options, &by_title, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_pages (by_title), ==, 1);
  text = run_tool ("pdftotext", by_title);
  g_assert_nonnull (strstr (text, "Plenary"));
  g_assert_null (strstr (text, "14:03"));
  g_clear_pointer (&text, g_free);

  options.session = id;
  g_assert_true (export (fixture, "id.pdf", &options, &by_id, &error));
  g_assert_no_error (error);
  text = run_tool ("pdftotext", by_id);
  g_assert_nonnull (strstr (text, "Plenary"));
  g_assert_null (strstr (text, "14:03"));
}

static void
test_unknown_session (Fixture       *fixture,
                      gconstpointer  data)
{
  ConveneCliExportOptions options = { .session = "Closing plenary" };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *first = g_strdup_printf ("%" G_GINT64_FORMAT " “Health and migration", fixture->first_id);
  g_autofree char *second = g_strdup_printf ("%" G_GINT64_FORMAT " “Plenary” (2027-05-24)", fixture->second_id);

  g_assert_false (export (fixture, "none.pdf", &options, &path, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "Closing plenary"));
  g_assert_nonnull (strstr (error->message, first));
  g_assert_nonnull (strstr (error->message, second));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_ambiguous_title (Fixture       *fixture,
                      gconstpointer  data)
{
  ConveneCliExportOptions options = {
    .session = "Health and migration: international cooperation and governance",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* The fixture gave both sessions this title. */
  g_assert_false (export (fixture, "twice.pdf", &options, &path, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "Several sessions"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_whole_day (Fixture       *fixture,
                gconstpointer  data)
{
  ConveneCliExportOptions options = { .date = "2027-05-24" };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_assert_true (export (fixture, "day.pdf", &options, &path, &error));
  g_assert_no_error (error);
  text = run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, "Plenary"));
  g_assert_null (strstr (text, "14:03"));
}

/* Bad values are reported before the project is even opened: here it does
 * not exist, and the error is still about the option. */
static void
test_options_checked_first (Fixture       *fixture,
                            gconstpointer  data)
{
  static const struct {
    ConveneCliExportOptions options;
    const char *out;
    const char *expected;
  } cases[] = {
    { { .paper = "b9" }, "x.pdf", "b9" },
    { { .paper = "0x0mm" }, "x.pdf", "0x0mm" },
    { { .font_size = "0" }, "x.pdf", "between 6 and 16" },
    { { .font_size = "17" }, "x.pdf", "between 6 and 16" },
    { { .font_size = "9pt" }, "x.pdf", "“9pt” is not a font size" },
    { { .font_size = "nan" }, "x.pdf", "“nan” is not a font size" },
    { { .sections = "contacts,seating" }, "x.pdf", "“seating” is not a run-sheet section" },
    { { .date = "2027-02-30" }, "x.pdf", "2027-02-30" },
    { { .date = "" }, "x.pdf", "YYYY-MM-DD" },
    { { .date = "2027-05-24", .session = "9" }, "x.pdf", "--session or --date" },
    { { .paper = "a4" }, "x.json", "--paper applies only to run sheets" },
    { { .landscape = TRUE }, "x.json", "--landscape applies only to run sheets" },
    { { .clock = CONVENE_CLI_CLOCK_12H }, "x.json", "--12h applies only to run sheets" },
    { { .session = "1" }, "x.json", "--session applies only to run sheets" },
  };
  g_autoptr(GFile) missing = g_file_new_build_filename (fixture->dir, "missing.convene", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) out = g_file_new_build_filename (fixture->dir, cases[i].out, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (convene_cli_export_with_options (missing, out, &cases[i].options, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].expected) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, cases[i].expected, error->message);
      g_assert_null (strchr (error->message, '\n'));
      g_assert_false (g_file_query_exists (out, NULL));
      g_assert_false (g_file_query_exists (missing, NULL));
    }
}

static void
test_sections_and_paper (Fixture       *fixture,
                         gconstpointer  data)
{
  ConveneCliExportOptions options = {
    .session = "Health and migration: international cooperation and governance",
    .paper = "letter",
    .landscape = TRUE,
    .sections = " contacts , outcomes,moderator,call-sheets,",
    .clock = CONVENE_CLI_CLOCK_12H,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  g_assert_true (export (fixture, "sections.pdf", &options, &path, &error));
  g_assert_no_error (error);
  info = run_tool ("pdfinfo", path);
  g_assert_nonnull (strstr (info, "792 x 612 pts"));
  g_assert_cmpuint (count_pages (path), >, 2);
  text = run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, "2:03 PM"));
}

static void
test_locale_defaults (void)
{
  double width = 0, height = 0;

  /* The C locale prints on A4 and writes 24-hour times. */
  convene_cli_get_locale_paper (&width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  g_assert_false (convene_cli_locale_uses_12h ());
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/io/cli-pdf/all-sessions", Fixture, NULL,
              fixture_set_up, test_all_sessions, fixture_tear_down);
  g_test_add ("/io/cli-pdf/pick-session", Fixture, NULL,
              fixture_set_up, test_pick_session, fixture_tear_down);
  g_test_add ("/io/cli-pdf/unknown-session", Fixture, NULL,
              fixture_set_up, test_unknown_session, fixture_tear_down);
  g_test_add ("/io/cli-pdf/ambiguous-title", Fixture,
              "Health and migration: international cooperation and governance",
              fixture_set_up, test_ambiguous_title, fixture_tear_down);
  g_test_add ("/io/cli-pdf/whole-day", Fixture, NULL,
              fixture_set_up, test_whole_day, fixture_tear_down);
  g_test_add ("/io/cli-pdf/options-checked-first", Fixture, NULL,
              fixture_set_up, test_options_checked_first, fixture_tear_down);
  g_test_add ("/io/cli-pdf/sections-and-paper", Fixture, NULL,
              fixture_set_up, test_sections_and_paper, fixture_tear_down);
  g_test_add_func ("/io/cli-pdf/locale-defaults", test_locale_defaults);

  return g_test_run ();
}
