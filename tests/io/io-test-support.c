#include "config.h"

#include "convene-json.h"
#include "io-test-support.h"

ConveneProject *
io_test_load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CONVENE_SOURCE_DIR"), "data", "examples",
                                            "side-event.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  ConveneProject *project;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  project = convene_json_import (data, (gssize) length, &error);
  g_assert_no_error (error);
  return project;
}
