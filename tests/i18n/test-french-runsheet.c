/* The example's run sheet in French, exported the way `convene --import`
 * and `convene --export=OUT.pdf` do it, read back with pdftotext: the date
 * written out in French, times on the 24-hour clock, and the headings of
 * every section translated. Uses the catalogue built in this build tree. */
#define G_LOG_DOMAIN "convene-test-french-runsheet"
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "convene-cli.h"

typedef struct
{
  char  *dir;
  GFile *project_file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) example = NULL;
  const char *source = g_getenv ("CONVENE_SOURCE_DIR");

  g_assert_nonnull (source);
  fixture->dir = g_dir_make_tmp ("convene-french-XXXXXX", &error);
  g_assert_no_error (error);

  example = g_file_new_build_filename (source, "data", "examples", "side-event.json", NULL);
  fixture->project_file = g_file_new_build_filename (fixture->dir, "exemple.convene", NULL);
  g_assert_true (convene_cli_import (example, fixture->project_file, &error));
  g_assert_no_error (error);
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

/* pdftotext's plain text of the PDF, without -layout, so that each
 * table cell and heading comes out whole. */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static char *
export (Fixture                       *fixture,
        const char                    *name,
        const ConveneCliExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) out = g_file_new_build_filename (fixture->dir, name, NULL);
  g_autofree char *path = g_file_get_path (out);

  g_assert_true (convene_cli_export_with_options (fixture->project_file, out, options, &error));
  g_assert_no_error (error);
  return pdf_text (path);
}

/* Headings are set in capitals, so the text is compared case-folded. */
static gboolean
contains (const char *text,
          const char *part)
{
  g_autofree char *folded_text = g_utf8_casefold (text, -1);
  g_autofree char *folded_part = g_utf8_casefold (part, -1);

  return strstr (folded_text, folded_part) != NULL;
}

static void
assert_has (const char *text,
            const char *wanted)
{
  if (!contains (text, wanted))
    {
      g_test_message ("the run sheet reads:\n%s", text);
      g_test_message ("it lacks “%s”", wanted);
      g_test_fail ();
    }
}

static void
assert_lacks (const char *text,
              const char *unwanted)
{
  if (contains (text, unwanted))
    {
      g_test_message ("the run sheet reads:\n%s", text);
      g_test_message ("it still has the English “%s”", unwanted);
      g_test_fail ();
    }
}

static void
assert_24h (const char *text)
{
  if (g_regex_match_simple ("[0-9] ?[AaPp]\\.? ?[Mm]\\b", text, 0, 0))
    {
      g_test_message ("the run sheet reads:\n%s", text);
      g_test_message ("it writes times on the 12-hour clock");
      g_test_fail ();
    }
}

static void
test_sheet (Fixture       *fixture,
            gconstpointer  data)
{
  ConveneCliExportOptions options = { .sections = "all" };
  g_autofree char *text = export (fixture, "deroule.pdf", &options);

  /* The session's date in full, as French writes it. */
  assert_has (text, "dimanche 23 mai 2027");
  /* The locale's clock is the 24-hour one: the panel's talk at 14:03. */
  assert_has (text, "14:03");
  assert_24h (text);

  /* The headings of the sheet and of every optional section. */
  assert_has (text, "Déroulé");
  assert_has (text, "Heures locales du lieu (Europe/Zurich)");
  assert_has (text, "Heure");
  assert_has (text, "Qui");
  assert_has (text, "Coordonnées des intervenants");
  assert_has (text, "Liste de contrôle des résultats");
  assert_has (text, "Fiche du modérateur");
  assert_has (text, "Questions directrices");
  assert_has (text, "Feuille de service");
  assert_has (text, "Créneau de 90 min");
  assert_has (text, "Imprimé le");
  assert_has (text, "Page 1 sur");
  assert_has (text, "Table ronde");

  assert_lacks (text, "Run sheet");
  assert_lacks (text, "Times are local");
  assert_lacks (text, "Speaker contact sheet");
  assert_lacks (text, "Outcomes checklist");
  assert_lacks (text, "Moderator card");
  assert_lacks (text, "Call sheet");
  assert_lacks (text, "Printed ");
}

static void
test_whole_day (Fixture       *fixture,
                gconstpointer  data)
{
  ConveneCliExportOptions options = { .date = "2027-05-23" };
  g_autofree char *text = export (fixture, "journee.pdf", &options);

  assert_has (text, "dimanche 23 mai 2027");
  assert_has (text, "14:03");
  assert_24h (text);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  ConveneCliExportOptions options = { .date = "2027-05-24" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) out = g_file_new_build_filename (fixture->dir, "vide.pdf", NULL);

  /* The one-line errors of the command line are French too. */
  g_assert_false (convene_cli_export_with_options (fixture->project_file, out, &options, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Aucune session"));
}

int
main (int   argc,
      char *argv[])
{
  const char *build = g_getenv ("CONVENE_BUILD_DIR");
  g_autofree char *localedir = NULL;

  if (setlocale (LC_ALL, "") == NULL ||
      !g_str_has_prefix (setlocale (LC_TIME, NULL), "fr_FR"))
    {
      /* TAP: the whole program is skipped. */
      g_print ("1..0 # SKIP the fr_FR.UTF-8 locale is not available "
               "(build-aux/dev generates it)\n");
      return 0;
    }

  g_assert_nonnull (build);
  localedir = g_build_filename (build, "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/i18n/french/run-sheet", Fixture, NULL,
              fixture_set_up, test_sheet, fixture_tear_down);
  g_test_add ("/i18n/french/whole-day", Fixture, NULL,
              fixture_set_up, test_whole_day, fixture_tear_down);
  g_test_add ("/i18n/french/errors", Fixture, NULL,
              fixture_set_up, test_errors, fixture_tear_down);

  return g_test_run ();
}
