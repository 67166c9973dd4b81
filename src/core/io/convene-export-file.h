/* convene-export-file.h: writing an export (JSON, CSV, a run sheet) to the
 * file the planner named, without ever leaving half a file or widening who
 * may read it.
 *
 * The export is written to a new file beside the target and renamed over it
 * once complete, so a failure leaves the previous file (or none).
 * - An existing file keeps its permissions (a chmod 600 export stays 600)
 *   and, where the system allows, its group.
 * - A new file holding people's e-mail addresses and phone numbers is made
 *   readable by its owner only (0600); any other new file follows the umask.
 * - A symbolic link is written through: the file it points to gets the new
 *   content (keeping its permissions) and the link stays a link. A link to
 *   nothing, a folder, or anything but a regular file (a FIFO, a device) is
 *   refused before anything is written.
 * Errors are G_IO_ERROR, with a message that completes "Could not write
 * “file”: …". */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  CONVENE_EXPORT_SHARED,   /* a new file follows the umask */
  CONVENE_EXPORT_PRIVATE,  /* a new file is 0600: it holds contact details */
} ConveneExportPrivacy;

typedef struct _ConveneExportFile ConveneExportFile;

/* Starts an export to file; write to convene_export_file_get_stream(), then
 * finish (or discard). */
ConveneExportFile *convene_export_file_begin      (GFile                 *file,
                                                   ConveneExportPrivacy   privacy,
                                                   GError               **error);
/* Borrowed; valid until finish or discard. */
GOutputStream     *convene_export_file_get_stream (ConveneExportFile     *self);
/* Puts the written file in place of the target. Frees self either way. */
gboolean           convene_export_file_finish     (ConveneExportFile     *self,
                                                   GError               **error);
/* Removes what was written; the target is as it was. Frees self. */
void               convene_export_file_discard    (ConveneExportFile     *self);

/* All of the above for data already in memory. */
gboolean           convene_export_file_write      (GFile                 *file,
                                                   const void            *data,
                                                   gsize                  length,
                                                   ConveneExportPrivacy   privacy,
                                                   GError               **error);

/* A file name made of name (what the planner called the thing: a title, a
 * translated "%s — run sheet.pdf") that every common file system and
 * desktop accepts: characters that some refuse or read specially (/ \ : * ?
 * " < > | and control characters) and dashes other than "-" become "-",
 * runs of spaces one space, no space or dot at either end, at most 200
 * bytes before the extension (cut on a character boundary). extension
 * (".pdf", or NULL when name has its own) is kept. An empty result gives
 * fallback. Newly allocated. */
char              *convene_export_file_safe_name  (const char            *name,
                                                   const char            *extension,
                                                   const char            *fallback);

G_END_DECLS
