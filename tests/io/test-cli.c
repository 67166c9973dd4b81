/* The headless command line: import creates a project file the store
 * opens, export writes what the project holds, and failures leave no file
 * behind and change nothing. */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "convene-cli.h"
#include "convene-json.h"
#include "convene-store.h"

typedef struct
{
  char  *dir;
  GFile *example;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *source = g_getenv ("CONVENE_SOURCE_DIR");

  g_assert_nonnull (source);
  fixture->dir = g_dir_make_tmp ("convene-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->example = g_file_new_build_filename (source, "data", "examples", "side-event.json", NULL);
}

static void
remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_object_unref (fixture->example);
}

static GFile *
file_in (Fixture    *fixture,
         const char *name)
{
  return g_file_new_build_filename (fixture->dir, name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The names in a folder, sorted and joined, to prove nothing was left. */
static char *
list_dir (const char *path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("/", (char **) names->pdata);
}

static char *
read_file (GFile *file,
           gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, length, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static ConveneProject *
load_project (GFile *file)
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

static void
assert_one_line_naming (const GError *error,
                        GFile        *file)
{
  g_autofree char *name = g_file_get_basename (file);

  g_assert_nonnull (error);
  g_assert_null (strchr (error->message, '\n'));
  if (strstr (error->message, name) == NULL)
    g_error ("“%s” does not name %s", error->message, name);
}

/* The example leaves out the UUIDs of its sessions and segments, so that
 * each project made from it gets its own: an export of it is the example
 * with one "uuid" line more for each. */
static char *
without_uuids (const char *json)
{
  g_autoptr(GRegex) uuid_line = g_regex_new ("^ *\"uuid\": \"[0-9a-f-]{36}\",\n", G_REGEX_MULTILINE,
                                             0, NULL);

  return g_regex_replace_literal (uuid_line, json, -1, 0, "", 0, NULL);
}

static void
test_import_creates_project (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) project_file = file_in (fixture, "side-event.convene");
  g_autoptr(ConveneProject) project = NULL;
  g_autofree char *example = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *stripped = NULL;

  g_assert_true (convene_cli_import (fixture->example, project_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (project_file, NULL));

  project = load_project (project_file);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project))), ==, 8);
  example = read_file (fixture->example, NULL);
  exported = convene_json_export (project, NULL);
  stripped = without_uuids (exported);
  g_assert_cmpstr (stripped, ==, example);
}

/* Every field, escapes and all, survives JSON -> project file -> JSON. */
static void
test_every_field_through_file (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) in = g_file_new_build_filename (g_getenv ("CONVENE_SOURCE_DIR"), "tests", "io",
                                                   "full-project.json", NULL);
  g_autoptr(GFile) project_file = file_in (fixture, "full.convene");
  g_autoptr(GFile) out = file_in (fixture, "full.json");
  g_autofree char *original = NULL;
  g_autofree char *written = NULL;

  g_assert_true (convene_cli_import (in, project_file, &error));
  g_assert_no_error (error);
  g_assert_true (convene_cli_export (project_file, out, &error));
  g_assert_no_error (error);

  original = read_file (in, NULL);
  written = read_file (out, NULL);
  g_assert_cmpstr (written, ==, original);
}

static void
test_import_refuses_existing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) project_file = file_in (fixture, "taken.convene");
  g_autofree char *path = g_file_get_path (project_file);
  g_autofree char *contents = NULL;
  const char *original = "not a project, and precious";

  g_file_set_contents (path, original, -1, &error);
  g_assert_no_error (error);

  g_assert_false (convene_cli_import (fixture->example, project_file, &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_EXISTS);
  assert_one_line_naming (error, project_file);

  contents = read_file (project_file, NULL);
  g_assert_cmpstr (contents, ==, original);
}

static void
test_import_bad_json (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) in = file_in (fixture, "bad.json");
  g_autoptr(GFile) missing = file_in (fixture, "missing.json");
  g_autoptr(GFile) project_file = file_in (fixture, "never.convene");
  g_autofree char *in_path = g_file_get_path (in);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_file_set_contents (in_path,
                       "{\"format\": \"convene-project\", \"version\": 1, \"project\": {},\n"
                       " \"sessions\": [{\"date\": \"2027-05-23\", \"start\": \"25:00\", \"slot_minutes\": 90}]}",
                       -1, &error);
  g_assert_no_error (error);
  before = list_dir (fixture->dir);

  g_assert_false (convene_cli_import (in, project_file, &error));
  g_assert_error (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_INVALID);
  assert_one_line_naming (error, in);
  g_assert_nonnull (strstr (error->message, "sessions[0].start: "));
  g_clear_error (&error);

  g_assert_false (convene_cli_import (missing, project_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_one_line_naming (error, missing);
  g_clear_error (&error);

  g_assert_false (g_file_query_exists (project_file, NULL));
  after = list_dir (fixture->dir);
  g_assert_cmpstr (before, ==, after);
}

static void
test_export_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) project_file = file_in (fixture, "p.convene");
  g_autoptr(GFile) out = file_in (fixture, "out.JSON");
  g_autoptr(ConveneProject) project = NULL;
  g_autofree char *project_before = NULL;
  g_autofree char *project_after = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *out_path = g_file_get_path (out);
  gsize before_len = 0, after_len = 0;

  g_assert_true (convene_cli_import (fixture->example, project_file, &error));
  g_assert_no_error (error);
  project_before = read_file (project_file, &before_len);

  /* An older export is replaced whole. */
  g_file_set_contents (out_path, "old contents", -1, &error);
  g_assert_no_error (error);

  g_assert_true (convene_cli_export (project_file, out, &error));
  g_assert_no_error (error);

  project = load_project (project_file);
  expected = convene_json_export (project, NULL);
  written = read_file (out, NULL);
  g_assert_cmpstr (written, ==, expected);

  /* Exporting reads the project without writing to it. */
  project_after = read_file (project_file, &after_len);
  g_assert_cmpmem (project_before, before_len, project_after, after_len);

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "out.JSON/p.convene");
}

static void
test_export_unknown_extension (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char * const names[] = { "out.txt", "out", "out.json.bak", "out.convene" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) project_file = file_in (fixture, "p.convene");
  g_autofree char *before = NULL;

  g_assert_true (convene_cli_import (fixture->example, project_file, &error));
  g_assert_no_error (error);
  before = list_dir (fixture->dir);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) out = file_in (fixture, names[i]);
      g_autofree char *after = NULL;

      g_assert_false (convene_cli_export (project_file, out, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      assert_one_line_naming (error, out);
      g_assert_nonnull (strstr (error->message, ".json"));
      g_clear_error (&error);

      after = list_dir (fixture->dir);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_export_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) project_file = file_in (fixture, "p.convene");
  g_autoptr(GFile) no_dir = g_file_new_build_filename (fixture->dir, "no", "such", "out.json", NULL);
  g_autoptr(GFile) is_dir = file_in (fixture, "folder.json");
  g_autoptr(GFile) locked_dir = file_in (fixture, "locked");
  g_autoptr(GFile) in_locked = g_file_new_build_filename (fixture->dir, "locked", "out.json", NULL);
  g_autofree char *is_dir_path = g_file_get_path (is_dir);
  g_autofree char *locked_path = g_file_get_path (locked_dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *inside = NULL;

  g_assert_true (convene_cli_import (fixture->example, project_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (is_dir_path, 0700), ==, 0);
  before = list_dir (fixture->dir);

  g_assert_false (convene_cli_export (project_file, no_dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_one_line_naming (error, no_dir);
  g_clear_error (&error);

  /* The rename onto a folder fails after the data was written: the
   * temporary file must not stay behind. */
  g_assert_false (convene_cli_export (project_file, is_dir, &error));
  g_assert_nonnull (error);
  assert_one_line_naming (error, is_dir);
  g_clear_error (&error);
  inside = list_dir (is_dir_path);
  g_assert_cmpstr (inside, ==, "");

  after = list_dir (fixture->dir);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (g_mkdir (locked_path, 0500), ==, 0);
  if (access (locked_path, W_OK) == 0)
    {
      /* The superuser writes anywhere; the two cases above still ran. */
      g_test_message ("running with privileges that ignore folder permissions");
    }
  else
    {
      g_autofree char *locked_listing = NULL;

      g_assert_false (convene_cli_export (project_file, in_locked, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      assert_one_line_naming (error, in_locked);
      g_clear_error (&error);
      locked_listing = list_dir (locked_path);
      g_assert_cmpstr (locked_listing, ==, "");
    }
}

static void
test_export_bad_project (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) missing = file_in (fixture, "missing.convene");
  g_autoptr(GFile) not_project = file_in (fixture, "text.convene");
  g_autoptr(GFile) out = file_in (fixture, "out.json");
  g_autofree char *not_project_path = g_file_get_path (not_project);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_file_set_contents (not_project_path, "hello", -1, &error);
  g_assert_no_error (error);
  before = list_dir (fixture->dir);

  g_assert_false (convene_cli_export (missing, out, &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND);
  assert_one_line_naming (error, missing);
  g_clear_error (&error);

  g_assert_false (convene_cli_export (not_project, out, &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_DATABASE);
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);

  after = list_dir (fixture->dir);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/io/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("import/creates-project", test_import_creates_project);
  ADD ("import/refuses-existing", test_import_refuses_existing);
  ADD ("round-trip/every-field", test_every_field_through_file);
  ADD ("import/bad-json", test_import_bad_json);
  ADD ("export/json", test_export_json);
  ADD ("export/unknown-extension", test_export_unknown_extension);
  ADD ("export/unwritable", test_export_unwritable);
  ADD ("export/bad-project", test_export_bad_project);

#undef ADD

  return g_test_run ();
}
