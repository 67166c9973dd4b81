/* convene-json.h: the lossless JSON form of a whole project (see
 * help/C/project-file.page for the format). export -> import -> export gives
 * identical bytes. */
#pragma once

#include <gio/gio.h>
#include "convene-project.h"

G_BEGIN_DECLS

#define CONVENE_JSON_ERROR (convene_json_error_quark ())

typedef enum {
  CONVENE_JSON_ERROR_SYNTAX,        /* not JSON */
  CONVENE_JSON_ERROR_NOT_PROJECT,   /* JSON, but not a Convene project */
  CONVENE_JSON_ERROR_TOO_NEW,       /* a newer format version */
  CONVENE_JSON_ERROR_INVALID,       /* a field missing, of the wrong type or value; the message says where */
} ConveneJsonError;

GQuark          convene_json_error_quark (void);

#define CONVENE_JSON_FORMAT "convene-project"
#define CONVENE_JSON_FORMAT_VERSION 5

/* Pretty-printed, UTF-8, ending in a newline. */
char           *convene_json_export        (ConveneProject *project, gsize *length);
gboolean        convene_json_export_to_file (ConveneProject *project, GFile *file, GError **error);
ConveneProject *convene_json_import        (const char *data, gssize length, GError **error);
ConveneProject *convene_json_import_file   (GFile *file, GError **error);

G_END_DECLS
