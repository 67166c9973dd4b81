/* convene-cli.h: the headless command line, `convene --export=OUT PROJECT`
 * and `convene --import=IN.json PROJECT`. No display is needed. Errors are
 * one sentence on one line that names the file involved, ready to print
 * after "convene: ". */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Opens project_file read-only and writes it to out in the format its
 * extension names (".json"). The file is written beside out and renamed
 * into place, so on failure no partial file is left and an existing out is
 * kept as it was. */
gboolean convene_cli_export (GFile *project_file, GFile *out, GError **error);

/* Reads the JSON project in and creates project_file from it. Refuses to
 * replace an existing file, which is then left untouched. */
gboolean convene_cli_import (GFile *in, GFile *project_file, GError **error);

G_END_DECLS
