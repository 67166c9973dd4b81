#define G_LOG_DOMAIN "convene-io"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "convene-export-file.h"

struct _ConveneExportFile
{
  GFile                *file;
  ConveneExportPrivacy  privacy;
  /* The file written: the target of a link, or NULL when file is not on
   * this computer (GIO then replaces it as the backend can). */
  char                 *target;
  gboolean              exists;
  mode_t                mode;     /* of the existing file */
  gid_t                 gid;
  /* A streamed export is built in memory and written in one go at the end,
   * so a failure part-way never touches the disk. */
  GOutputStream        *stream;
};

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
  return FALSE;
}

/* What is at path decides where the export goes, before a byte is written. */
static gboolean
resolve_target (ConveneExportFile  *self,
                const char         *path,
                GError            **error)
{
  struct stat st;

  if (lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      char *resolved = realpath (path, NULL);

      if (resolved == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("it is a link to a file that does not exist"));
          return FALSE;
        }
      self->target = g_strdup (resolved);
      free (resolved);
    }
  else
    {
      self->target = g_strdup (path);
    }

  if (stat (self->target, &st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      return set_errno_error (error, errno);
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("it is a folder"));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("it is not a regular file"));
      return FALSE;
    }

  self->exists = TRUE;
  self->mode = st.st_mode & 0777;
  self->gid = st.st_gid;
  return TRUE;
}

ConveneExportFile *
convene_export_file_begin (GFile                 *file,
                           ConveneExportPrivacy   privacy,
                           GError               **error)
{
  ConveneExportFile *self;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (ConveneExportFile, 1);
  self->file = g_object_ref (file);
  self->privacy = privacy;

  path = g_file_peek_path (file);
  if (path != NULL && !resolve_target (self, path, error))
    {
      convene_export_file_discard (self);
      return NULL;
    }

  self->stream = g_memory_output_stream_new_resizable ();
  return self;
}

GOutputStream *
convene_export_file_get_stream (ConveneExportFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->stream;
}

static void
export_file_free (ConveneExportFile *self)
{
  g_clear_object (&self->stream);
  g_clear_object (&self->file);
  g_free (self->target);
  g_free (self);
}

void
convene_export_file_discard (ConveneExportFile *self)
{
  g_return_if_fail (self != NULL);

  export_file_free (self);
}

/* The new file's permissions: an existing file's own, so re-exporting never
 * widens who may read it; 0600 for new contact details; else the umask. Its
 * group is kept where the system lets us; where it does not, the new file's
 * group gets none of the rights the old group had. */
static gboolean
set_permissions (ConveneExportFile  *self,
                 int                 fd,
                 GError            **error)
{
  struct stat st;
  mode_t mode = self->mode;

  if (!self->exists)
    return TRUE;

  if (fstat (fd, &st) != 0)
    return set_errno_error (error, errno);
  if (st.st_gid != self->gid && fchown (fd, (uid_t) -1, self->gid) != 0)
    mode &= ~(mode_t) S_IRWXG;
  if (fchmod (fd, mode) != 0)
    return set_errno_error (error, errno);
  return TRUE;
}

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          length,
           GError       **error)
{
  while (length > 0)
    {
      ssize_t written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        return set_errno_error (error, errno);
      data += written;
      length -= (gsize) written;
    }

  if (fsync (fd) != 0)
    return set_errno_error (error, errno);
  return TRUE;
}

/* Writes beside the target and renames over it: readers see the old file or
 * the whole new one. */
static gboolean
replace_target (ConveneExportFile  *self,
                const guint8       *data,
                gsize               length,
                GError            **error)
{
  g_autofree char *dir = g_path_get_dirname (self->target);
  g_autofree char *base = g_path_get_basename (self->target);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temporary = g_build_filename (dir, template, NULL);
  /* Made private, then given the existing file's mode once it is ours. */
  int create_mode = self->exists || self->privacy == CONVENE_EXPORT_PRIVATE ? 0600 : 0666;
  int fd;

  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, create_mode);
  if (fd < 0)
    return set_errno_error (error, errno);

  if (!set_permissions (self, fd, error) || !write_all (fd, data, length, error))
    {
      close (fd);
      g_unlink (temporary);
      return FALSE;
    }

  if (close (fd) != 0 || g_rename (temporary, self->target) != 0)
    {
      int saved_errno = errno;

      g_unlink (temporary);
      return set_errno_error (error, saved_errno);
    }

  return TRUE;
}

static gboolean
export_file_put (ConveneExportFile  *self,
                 const void         *data,
                 gsize               length,
                 GError            **error)
{
  if (self->target != NULL)
    return replace_target (self, data, length, error);

  return g_file_replace_contents (self->file, data, length, NULL, FALSE,
                                  self->privacy == CONVENE_EXPORT_PRIVATE ? G_FILE_CREATE_PRIVATE
                                                                         : G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}

gboolean
convene_export_file_finish (ConveneExportFile  *self,
                            GError            **error)
{
  GMemoryOutputStream *memory;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memory = G_MEMORY_OUTPUT_STREAM (self->stream);
  ok = g_output_stream_close (self->stream, NULL, error) &&
       export_file_put (self, g_memory_output_stream_get_data (memory),
                        g_memory_output_stream_get_data_size (memory), error);

  export_file_free (self);
  return ok;
}

gboolean
convene_export_file_write (GFile                 *file,
                           const void            *data,
                           gsize                  length,
                           ConveneExportPrivacy   privacy,
                           GError               **error)
{
  ConveneExportFile *self;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  self = convene_export_file_begin (file, privacy, error);
  if (self == NULL)
    return FALSE;

  ok = export_file_put (self, length > 0 ? data : "", length, error);
  export_file_free (self);
  return ok;
}

#define SAFE_NAME_MAX_BYTES 200

char *
convene_export_file_safe_name (const char *name,
                               const char *extension,
                               const char *fallback)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *stem = NULL;
  const char *ext = extension;
  gboolean space = FALSE;

  g_return_val_if_fail (fallback != NULL, NULL);

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    name = "";
  /* A name with its own extension keeps it: ".pdf" in "… run sheet.pdf". */
  if (ext == NULL)
    {
      const char *dot = strrchr (name, '.');

      if (dot != NULL && dot != name && strlen (dot) <= 8 && strpbrk (dot, " /\\") == NULL)
        {
          stem = g_strndup (name, dot - name);
          ext = dot;
        }
    }
  if (stem == NULL)
    stem = g_strdup (name);
  if (ext == NULL)
    ext = "";

  for (const char *p = stem; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean refused = c < 0x20 || c == 0x7f || g_unichar_iscntrl (c) ||
                         (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL) ||
                         g_unichar_type (c) == G_UNICODE_DASH_PUNCTUATION;
      gsize length = refused ? 1 : (gsize) (g_utf8_next_char (p) - p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      /* At most SAFE_NAME_MAX_BYTES, whole characters only. */
      if (out->len + (space ? 1 : 0) + length > SAFE_NAME_MAX_BYTES)
        break;
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (refused)
        g_string_append_c (out, '-');
      else
        g_string_append_len (out, p, length);
    }

  /* No space or dot at either end (Windows drops trailing ones; a leading
   * dot hides the file). */
  while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '.'))
    g_string_truncate (out, out->len - 1);
  while (out->len > 0 && (out->str[0] == ' ' || out->str[0] == '.'))
    g_string_erase (out, 0, 1);
  if (out->len == 0)
    g_string_assign (out, fallback);

  g_string_append (out, ext);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
