/* libFuzzer target: the project loader. The input is a database image,
 * written to a file in memory (/dev/shm when there is one) because the store
 * opens files; it is opened read-only and loaded. A project it accepts must
 * export to JSON that imports again. */
#define G_LOG_DOMAIN "convene-fuzz"
#include "config.h"

#include <fcntl.h>
#include <stdint.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "convene-json.h"
#include "convene-store.h"
#include "fuzz-support.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *dir;
static char *path;

static void
remove_files (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

static void
clean_up (void)
{
  remove_files ();
  g_rmdir (dir);
  g_free (path);
  g_free (dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (base, "convene-fuzz-XXXXXX", NULL);

  fuzz_support_init ();
  dir = g_mkdtemp (g_steal_pointer (&template));
  if (dir == NULL)
    g_error ("cannot make a folder for the fuzzed files");
  path = g_build_filename (dir, "Fuzzed.convene", NULL);
  atexit (clean_up);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(ConveneProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gsize length = 0;

  remove_files ();
  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    g_error ("cannot write the fuzzed file");

  file = g_file_new_for_path (path);
  store = convene_store_open (file, CONVENE_STORE_READ_ONLY, &error);
  if (store != NULL)
    {
      project = convene_store_load (store, &error);
      convene_store_close (store);
    }
  if (project == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }

  json = convene_json_export (project, &length);
  again = convene_json_import (json, (gssize) length, &error);
  if (again == NULL)
    g_error ("a loaded project did not survive JSON: %s", error->message);
  return 0;
}
