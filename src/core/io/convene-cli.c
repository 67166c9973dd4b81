#define G_LOG_DOMAIN "convene-io"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "convene-cli.h"
#include "convene-json.h"
#include "convene-store.h"

/* Each format renders the whole file in memory; writing it safely to disk
 * is done once, below, for all of them. */
typedef struct
{
  const char *extension;   /* lower case, with the dot */
  GBytes   *(*render) (ConveneProject *project, GError **error);
} ExportFormat;

static GBytes *
render_json (ConveneProject  *project,
             GError         **error)
{
  gsize length = 0;
  char *data = convene_json_export (project, &length);

  return g_bytes_new_take (data, length);
}

static const ExportFormat export_formats[] = {
  { ".json", render_json },
};

static const ExportFormat *
find_format (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (g_str_has_suffix (lower, export_formats[i].extension))
      return &export_formats[i];
  return NULL;
}

static char *
list_extensions (void)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, export_formats[i].extension);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Messages end up after "convene: " on one line of a terminal. */
static void
flatten_message (GError *error)
{
  if (error != NULL && error->message != NULL)
    g_strdelimit (error->message, "\r\n", ' ');
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *display_name)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s."), display_name, g_strerror (saved_errno));
  return FALSE;
}

/* Writes bytes to a new file beside path and renames it over path, so
 * readers see the old file or the whole new one, never part of it. */
static gboolean
write_atomically (const char  *path,
                  GBytes      *bytes,
                  const char  *display_name,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = NULL;
  g_autofree char *tmp_path = NULL;
  const char *data;
  gsize remaining;
  int fd;

  template = g_strdup_printf (".%s.XXXXXX", base);
  tmp_path = g_build_filename (dir, template, NULL);

  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    return set_errno_error (error, errno, display_name);

  data = g_bytes_get_data (bytes, &remaining);
  while (remaining > 0)
    {
      ssize_t written = write (fd, data, remaining);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          int saved_errno = errno;

          g_close (fd, NULL);
          g_unlink (tmp_path);
          return set_errno_error (error, saved_errno, display_name);
        }
      data += written;
      remaining -= (gsize) written;
    }

  if (g_fsync (fd) != 0)
    {
      int saved_errno = errno;

      g_close (fd, NULL);
      g_unlink (tmp_path);
      return set_errno_error (error, saved_errno, display_name);
    }

  if (!g_close (fd, NULL) || g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      return set_errno_error (error, saved_errno, display_name);
    }

  return TRUE;
}

static gboolean
export_project (GFile   *project_file,
                GFile   *out,
                GError **error)
{
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *out_name = g_file_get_parse_name (out);
  const ExportFormat *format;
  const char *out_path;

  out_path = g_file_peek_path (out);
  if (out_path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot export to “%s”: Convene writes only to files on this computer."),
                   out_name);
      return FALSE;
    }

  /* Checked first so a typo costs nothing and touches nothing. */
  format = find_format (out_path);
  if (format == NULL)
    {
      g_autofree char *extensions = list_extensions ();

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot export to “%s”: Convene does not know that format; "
                     "end the file name with %s."),
                   out_name, extensions);
      return FALSE;
    }

  store = convene_store_open (project_file, CONVENE_STORE_READ_ONLY, error);
  if (store == NULL)
    return FALSE;

  project = convene_store_load (store, error);
  convene_store_close (store);
  if (project == NULL)
    return FALSE;

  bytes = format->render (project, error);
  if (bytes == NULL)
    return FALSE;

  return write_atomically (out_path, bytes, out_name, error);
}

gboolean
convene_cli_export (GFile   *project_file,
                    GFile   *out,
                    GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (project_file), FALSE);
  g_return_val_if_fail (G_IS_FILE (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (export_project (project_file, out, &local_error))
    return TRUE;

  flatten_message (local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
import_project (GFile   *in,
                GFile   *project_file,
                GError **error)
{
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(ConveneStore) store = NULL;

  /* Refused before reading the input, and convene_store_create refuses
   * again should the file appear in between. */
  if (g_file_query_file_type (project_file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL)
      != G_FILE_TYPE_UNKNOWN)
    {
      g_autofree char *name = g_file_get_parse_name (project_file);

      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_EXISTS,
                   _("Cannot create “%s”: a file with that name already exists, "
                     "and Convene does not overwrite it."),
                   name);
      return FALSE;
    }

  project = convene_json_import_file (in, error);
  if (project == NULL)
    return FALSE;

  store = convene_store_create (project_file, project, error);
  if (store == NULL)
    return FALSE;

  convene_store_close (store);
  return TRUE;
}

gboolean
convene_cli_import (GFile   *in,
                    GFile   *project_file,
                    GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (in), FALSE);
  g_return_val_if_fail (G_IS_FILE (project_file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (import_project (in, project_file, &local_error))
    return TRUE;

  flatten_message (local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
