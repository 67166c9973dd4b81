/* `convene --import=NOTE PROJECT.convene`: a concept note in any of its
 * containers becomes a new session of the project, which is created when
 * missing; the summary counts what was made; a note that cannot be read
 * changes nothing. Drives the function and the real program, headless. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gmodule.h>

#include "convene-concept-note.h"
#include "convene-document.h"
#include "convene-note-cli.h"
#include "convene-note-pdf.h"
#include "note-pdf-fixture.h"
#include "store-fixtures.h"

static const char *convene_program;

static char *
note_path (const char *name)
{
  return g_build_filename (g_getenv ("CONVENE_SOURCE_DIR"), "tests", "notes", "notes", name, NULL);
}

static guint
count_sessions (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneDocument) document = convene_document_open (file, CONVENE_STORE_READ_ONLY, &error);
  guint n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (convene_document_get_project (document))));
  convene_document_close (document);
  return n;
}

static void
test_is_note (void)
{
  g_assert_true (convene_note_cli_is_note ("note.txt"));
  g_assert_true (convene_note_cli_is_note ("Note.DOCX"));
  g_assert_true (convene_note_cli_is_note ("a.b.pdf"));
  g_assert_true (convene_note_cli_is_note ("x.md"));
  g_assert_true (convene_note_cli_is_note ("x.odt"));
  g_assert_false (convene_note_cli_is_note ("project.json"));
  g_assert_false (convene_note_cli_is_note ("schedule.xml"));
}

/* The side event's note (the text file) drawn as a PDF at path. */
static void
write_pdf_note (const char *path)
{
  static const char *const headings[] = { "Introduction", "Proposed format", NULL };
  g_autofree char *txt_path = note_path ("side-event.txt");
  g_autofree char *text = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (txt_path, &text, NULL, &error);
  g_assert_no_error (error);
  pdf = note_pdf_from_text (text, headings);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
}

/* A text note creates the project; the same note as PDF adds a second
 * session to it; the summary says what was made. */
static void
test_import (void)
{
  g_autofree char *dir = fixture_make_dir ();
  g_autofree char *project_path = g_build_filename (dir, "Side event.convene", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "side-event.pdf", NULL);
  g_autofree char *txt_path = note_path ("side-event.txt");
  g_autoptr(GFile) project = g_file_new_for_path (project_path);
  g_autoptr(GFile) txt = g_file_new_for_path (txt_path);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *second = NULL;

  g_assert_true (convene_note_cli_import (txt, project, &report, &error));
  g_assert_no_error (error);
  g_test_message ("%s", report);
  g_assert_true (g_str_has_prefix (report, "Created "));
  g_assert_nonnull (strstr (report, "\n10 segments\n8 people\n7 checklist items\n"));
  g_assert_cmpuint (count_sessions (project_path), ==, 1);

  write_pdf_note (pdf_path);
  g_assert_true (convene_note_cli_import (pdf, project, &second, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (second, "Added the session "));
  /* The people are on the roster already: the counts are the note's. */
  g_assert_nonnull (strstr (second, "\n10 segments\n8 people\n7 checklist items\n"));
  g_assert_cmpuint (count_sessions (project_path), ==, 2);

  fixture_remove_dir (dir);
}

/* A note that cannot be read: one sentence naming it, no project made, an
 * existing project unchanged. */
static void
test_refused (void)
{
  g_autofree char *dir = fixture_make_dir ();
  g_autofree char *project_path = g_build_filename (dir, "p.convene", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "scan.pdf", NULL);
  g_autoptr(GFile) project = g_file_new_for_path (project_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GBytes) scanned = note_pdf_pages (1, FALSE);
  g_autoptr(GError) error = NULL;
  char *report = NULL;

  g_file_set_contents (bad_path, g_bytes_get_data (scanned, NULL), (gssize) g_bytes_get_size (scanned), &error);
  g_assert_no_error (error);
  g_assert_false (convene_note_cli_import (bad, project, &report, &error));
  g_assert_null (report);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "scan.pdf"));
  g_assert_nonnull (strstr (error->message, "scanned"));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_false (g_file_test (project_path, G_FILE_TEST_EXISTS));
  fixture_remove_dir (dir);
}

/* The real program: exit status, the summary on stdout, one line on stderr. */
static void
test_program (void)
{
  g_autofree char *dir = fixture_make_dir ();
  g_autofree char *project_path = g_build_filename (dir, "Prose.convene", NULL);
  g_autofree char *note = note_path ("prose.txt");
  g_autofree char *import = g_strconcat ("--import=", note, NULL);
  g_autofree char *bad_import = g_strconcat ("--import=", dir, "/missing.docx", NULL);
  const char *argv[] = { convene_program, import, project_path, NULL };
  const char *bad_argv[] = { convene_program, bad_import, project_path, NULL };
  g_auto(GStrv) env = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *bad_out = NULL;
  g_autofree char *bad_err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (convene_program == NULL)
    {
      g_test_skip ("The program's path was not given.");
      return;
    }
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "Created "));
  /* The prose note gives four segments with their lengths not given. */
  g_assert_nonnull (strstr (out, "4 segments (length not given for 4: fill them in)"));
  g_assert_cmpuint (count_sessions (project_path), ==, 1);

  g_spawn_sync (NULL, (char **) bad_argv, env, G_SPAWN_DEFAULT, NULL, NULL, &bad_out, &bad_err, &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (bad_out, ==, "");
  g_assert_true (g_str_has_prefix (bad_err, "convene: "));
  g_assert_nonnull (strstr (bad_err, "missing.docx"));
  g_assert_cmpuint (count_sessions (project_path), ==, 1);
  fixture_remove_dir (dir);
}

/* Runs the program with argv[1..] and env; its status, and what the
 * dynamic linker said it loaded (LD_DEBUG=files) with its own stderr. */
static gboolean
run_program (const char  *program,
             const char  *const *args,
             char       **env,
             char       **out,
             char       **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

/* Poppler is not loaded with the program, only with the PDF reader's
 * module, the first time a PDF is read; without the module a PDF is
 * refused in one sentence and nothing is written. */
static void
test_pdf_module (void)
{
  g_autofree char *dir = fixture_make_dir ();
  g_autofree char *project_path = g_build_filename (dir, "Side event.convene", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "side-event.pdf", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "convene", NULL);
  g_autofree char *installed = g_module_build_path (CONVENE_MODULE_DIR, CONVENE_NOTE_PDF_MODULE);
  g_autofree char *import = g_strconcat ("--import=", pdf_path, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GFile) program = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LD_DEBUG", "files", TRUE);
  const char *version[] = { "--version", NULL };
  const char *import_argv[] = { import, project_path, NULL };

  if (convene_program == NULL)
    {
      g_test_skip ("The program's path was not given.");
      return;
    }
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  write_pdf_note (pdf_path);

  g_assert_true (run_program (convene_program, version, env, &out, &err));
  g_assert_nonnull (strstr (err, "libgtk-4.so"));
  g_assert_null (strstr (err, "libpoppler"));
  g_assert_null (strstr (err, "libconvene-pdf"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (run_program (convene_program, import_argv, env, &out, &err));
  g_assert_true (g_str_has_prefix (out, "Created "));
  g_assert_nonnull (strstr (err, "libconvene-pdf.so"));
  g_assert_nonnull (strstr (err, "libpoppler-glib.so"));
  g_assert_cmpuint (count_sessions (project_path), ==, 1);
  g_assert_true (g_remove (project_path) == 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The same program where no module is: a copy in the temporary folder,
   * with no module folder named (unless Convene is installed here). */
  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    {
      fixture_remove_dir (dir);
      g_test_skip ("Convene is installed on this computer: its PDF reader cannot be missing.");
      return;
    }
  program = g_file_new_for_path (convene_program);
  copy = g_file_new_for_path (copy_path);
  g_file_copy (program, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_chmod (copy_path, 0755) == 0);
  env = g_environ_unsetenv (env, "CONVENE_MODULE_DIR");
  env = g_environ_unsetenv (env, "LD_DEBUG");
  g_assert_false (run_program (copy_path, import_argv, env, &out, &err));
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "convene: "));
  g_assert_nonnull (strstr (err, "PDF reader could not be loaded"));
  g_assert_nonnull (strstr (err, "side-event.pdf"));
  g_assert_false (g_file_test (project_path, G_FILE_TEST_EXISTS));
  fixture_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  convene_program = argc > 1 ? argv[1] : NULL;

  g_test_add_func ("/note-cli/is-note", test_is_note);
  g_test_add_func ("/note-cli/import", test_import);
  g_test_add_func ("/note-cli/refused", test_refused);
  g_test_add_func ("/note-cli/program", test_program);
  g_test_add_func ("/note-cli/pdf-module", test_pdf_module);

  return g_test_run ();
}
