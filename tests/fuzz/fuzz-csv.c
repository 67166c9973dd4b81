/* libFuzzer target: the roster's CSV import. Whatever it accepts must make
 * people that export, and that export must import again to the same bytes
 * (the import's promise, with the formula guard taken off again). */
#define G_LOG_DOMAIN "convene-fuzz"
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "convene-csv.h"
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

static char *
export_people (GPtrArray *people,
               gsize     *length)
{
  g_autoptr(ConveneProject) project = convene_project_new ();

  for (guint i = 0; i < people->len; i++)
    g_list_store_append (convene_project_get_speakers (project), g_ptr_array_index (people, i));
  return convene_csv_export_people (project, length);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneCsvPeople) read = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length = 0;
  gsize second_length = 0;

  read = convene_csv_read_people ((const char *) data, (gssize) size, NULL, NULL, NULL, &error);
  if (read == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  g_assert (convene_csv_people_get_count (read) > 0);
  g_assert (convene_csv_people_get_notices (read) != NULL);

  people = convene_csv_people_make_speakers (read, project);
  first = export_people (people, &first_length);
  again = convene_csv_import_people (project, first, (gssize) first_length, NULL, &error);
  if (again == NULL)
    g_error ("an accepted roster did not import again: %s", error->message);
  second = export_people (again, &second_length);
  g_assert (first_length == second_length && memcmp (first, second, first_length) == 0);
  return 0;
}
