/* Exports and the files they replace: who may read them afterwards, links,
 * and targets that are not files. Every exporter (JSON, the people's CSV,
 * the run sheet, the command line) writes through convene-export-file. */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "convene-cli.h"
#include "convene-csv.h"
#include "convene-export-file.h"
#include "convene-json.h"
#include "convene-runsheet.h"
#include "convene-store.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("convene-export-XXXXXX", &error);
  g_assert_no_error (error);
  /* The common umask: new files readable by everyone unless made private. */
  umask (022);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->dir);
}

static mode_t
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  return st.st_mode & 07777;
}

static char *
contents_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
write_text (const char *path,
            const char *text,
            mode_t      mode)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

/* Nothing but the named files in the folder: no temporary left behind. */
static void
assert_only (Fixture    *f,
             guint       n_files)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  guint n = 0;
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (name[0] == '.');
      n++;
    }
  g_assert_cmpuint (n, ==, n_files);
}

static ConveneProject *
project_with_contacts (void)
{
  ConveneProject *project = convene_project_new ();
  g_autoptr(ConveneSpeaker) speaker = convene_speaker_new (convene_project_new_id (project), "Ana Gómez");
  g_autoptr(ConveneSession) session = convene_session_new (convene_project_new_id (project), "Panel",
                                                           "2027-05-23", 12 * 60, 90);

  convene_speaker_set_email (speaker, "ana@example.org");
  convene_speaker_set_phone (speaker, "+41 22 000 00 00");
  g_list_store_append (convene_project_get_speakers (project), speaker);
  g_list_store_append (convene_project_get_sessions (project), session);
  return project;
}

typedef gboolean (*ExportFunc) (ConveneProject *project, GFile *file, GError **error);

static gboolean
export_json (ConveneProject  *project,
             GFile           *file,
             GError         **error)
{
  return convene_json_export_to_file (project, file, error);
}

static gboolean
export_csv (ConveneProject  *project,
            GFile           *file,
            GError         **error)
{
  return convene_csv_export_people_to_file (project, file, error);
}

static gboolean
export_sheet (ConveneProject  *project,
              GFile           *file,
              GError         **error)
{
  g_autoptr(ConveneRunsheetOptions) options = convene_runsheet_options_new ();

  return convene_runsheet_export_pdf (project, options, file, error);
}

static gboolean
export_sheet_with_contacts (ConveneProject  *project,
                            GFile           *file,
                            GError         **error)
{
  g_autoptr(ConveneRunsheetOptions) options = convene_runsheet_options_new ();

  convene_runsheet_options_set_contact_sheet (options, TRUE);
  return convene_runsheet_export_pdf (project, options, file, error);
}

static const struct {
  const char *name;
  ExportFunc  export;
  mode_t      new_mode;   /* under umask 022 */
} exporters[] = {
  /* The whole project and the roster hold e-mail addresses and phones. */
  { "project.json", export_json, 0600 },
  { "people.csv", export_csv, 0600 },
  /* A run sheet holds them only with its contact section. */
  { "sheet.pdf", export_sheet, 0644 },
  { "contacts.pdf", export_sheet_with_contacts, 0600 },
};

/* A new export is private when it holds contact details, else follows the
 * umask; exporting again keeps whatever mode the file was given since, a
 * chmod 600 above all. */
static void
test_modes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ConveneProject) project = project_with_contacts ();
  static const mode_t kept[] = { 0600, 0640, 0644, 0664, 0400 };

  for (guint i = 0; i < G_N_ELEMENTS (exporters); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, exporters[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", exporters[i].name);
      g_assert_true (exporters[i].export (project, file, &error));
      g_assert_no_error (error);
      g_assert_cmpint (mode_of (path), ==, exporters[i].new_mode);

      for (guint k = 0; k < G_N_ELEMENTS (kept); k++)
        {
          g_assert_cmpint (g_chmod (path, kept[k]), ==, 0);
          g_assert_true (exporters[i].export (project, file, &error));
          g_assert_no_error (error);
          g_assert_cmpint (mode_of (path), ==, kept[k]);
        }
      g_assert_cmpint (g_unlink (path), ==, 0);
      assert_only (f, 0);
    }
}

/* A link is written through: the file it points to gets the export and
 * keeps its mode; the link stays a link. */
static void
test_symlink (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ConveneProject) project = project_with_contacts ();
  g_autofree char *target = g_build_filename (f->dir, "real.json", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.json", NULL);
  g_autofree char *dangling = g_build_filename (f->dir, "dangling.json", NULL);
  g_autofree char *nothing = g_build_filename (f->dir, "nothing.json", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GFile) dangling_file = g_file_new_for_path (dangling);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = convene_json_export (project, NULL);
  struct stat st;

  write_text (target, "old", 0640);
  g_assert_cmpint (symlink ("real.json", link), ==, 0);
  g_assert_true (convene_json_export_to_file (project, link_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  written = contents_of (target);
  g_assert_cmpstr (written, ==, expected);
  g_assert_cmpint (mode_of (target), ==, 0640);

  /* A link to nothing is refused; nothing is made where it points. */
  g_assert_cmpint (symlink ("nothing.json", dangling), ==, 0);
  g_assert_false (convene_json_export_to_file (project, dangling_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "dangling.json"));
  g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
  assert_only (f, 3);
}

/* A folder, a FIFO (which would block a reader) and a device are not
 * replaced, and nothing is left behind. */
static void
test_not_a_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ConveneProject) project = project_with_contacts ();
  g_autofree char *folder = g_build_filename (f->dir, "folder.json", NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "pipe.pdf", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GFile) device = g_file_new_for_path ("/dev/null");
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (exporters); i++)
    {
      g_assert_false (exporters[i].export (project, folder_file, &error));
      g_assert_nonnull (strstr (error->message, "folder"));
      g_clear_error (&error);
      g_assert_false (exporters[i].export (project, fifo_file, &error));
      g_assert_nonnull (strstr (error->message, "not a regular file"));
      g_clear_error (&error);
      g_assert_false (exporters[i].export (project, device, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }

  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpint (lstat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  assert_only (f, 2);
}

/* The command line's exports go the same way. */
static void
test_command_line (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ConveneProject) project = project_with_contacts ();
  g_autofree char *project_path = g_build_filename (f->dir, "event.convene", NULL);
  g_autofree char *json = g_build_filename (f->dir, "event.json", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "event.pdf", NULL);
  g_autoptr(GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr(GFile) json_file = g_file_new_for_path (json);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = convene_store_create (project_file, project, &error);
  g_assert_no_error (error);
  convene_store_close (store);

  g_assert_true (convene_cli_export (project_file, json_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (json), ==, 0600);
  g_assert_true (convene_cli_export (project_file, pdf_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (pdf), ==, 0644);

  g_assert_cmpint (g_chmod (json, 0640), ==, 0);
  g_assert_cmpint (g_chmod (pdf, 0600), ==, 0);
  g_assert_true (convene_cli_export (project_file, json_file, &error));
  g_assert_true (convene_cli_export (project_file, pdf_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (json), ==, 0640);
  g_assert_cmpint (mode_of (pdf), ==, 0600);
  assert_only (f, 3);
}

/* Suggested names that every file system accepts. */
static void
test_safe_names (void)
{
  static const struct {
    const char *name, *extension, *expected;
  } cases[] = {
    { "Health and migration: governance — run sheet.pdf", NULL, "Health and migration- governance - run sheet.pdf" },
    { "Q&A / wrap-up", ".csv", "Q&A - wrap-up.csv" },
    { "a\\b*c?d\"e<f>g|h", ".json", "a-b-c-d-e-f-g-h.json" },
    { "  lots   of\tspace  ", ".pdf", "lots of space.pdf" },
    { "...hidden...", ".pdf", "hidden.pdf" },
    { "", ".pdf", "Untitled.pdf" },
    { "   ", NULL, "Untitled" },
    { "Conférence – Zürich 2027", ".pdf", "Conférence - Zürich 2027.pdf" },
    { "line\nbreak\x01", ".pdf", "line break-.pdf" },
    { "Run.sheet v2", NULL, "Run.sheet v2" },
  };
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *cut = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = convene_export_file_safe_name (cases[i].name, cases[i].extension, "Untitled");

      g_assert_cmpstr (safe, ==, cases[i].expected);
    }

  /* Long titles stop at 200 bytes, between characters, before the extension. */
  for (guint i = 0; i < 150; i++)
    g_string_append (long_name, "é");
  cut = convene_export_file_safe_name (long_name->str, ".pdf", "Untitled");
  g_assert_true (g_utf8_validate (cut, -1, NULL));
  g_assert_true (g_str_has_suffix (cut, ".pdf"));
  g_assert_cmpuint (strlen (cut), ==, 200 + strlen (".pdf"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/export-file/safe-names", test_safe_names);

#define ADD(name, func) \
  g_test_add ("/io/export-file/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("modes", test_modes);
  ADD ("symlink", test_symlink);
  ADD ("not-a-file", test_not_a_file);
  ADD ("command-line", test_command_line);

  return g_test_run ();
}
