/* libFuzzer target: the JSON import. Whatever it accepts must export, and
 * that export must import again to the same bytes (the import's promise). */
#define G_LOG_DOMAIN "convene-fuzz"
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "convene-json.h"
#include "fuzz-support.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_support_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(ConveneProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length = 0;
  gsize second_length = 0;

  project = convene_json_import ((const char *) data, (gssize) size, &error);
  if (project == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }

  first = convene_json_export (project, &first_length);
  again = convene_json_import (first, (gssize) first_length, &error);
  if (again == NULL)
    g_error ("an accepted project did not import again: %s", error->message);
  second = convene_json_export (again, &second_length);
  g_assert (first_length == second_length && memcmp (first, second, first_length) == 0);
  return 0;
}
