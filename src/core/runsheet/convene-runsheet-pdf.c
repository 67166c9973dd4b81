#define G_LOG_DOMAIN "convene-runsheet"
#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>

#include "convene-runsheet-private.h"

/* Cairo writes the PDF through this, so any GFile works and the first
 * write error is kept to explain the failure. */
typedef struct {
  GOutputStream *stream;
  GError        *error;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError      **error,
                 GFile        *file,
                 const char   *reason)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_set_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_WRITE,
               _("Could not write the run sheet to “%s”: %s."), name, reason);
}

static void
set_write_error_from (GError      **error,
                      GFile        *file,
                      const GError *cause)
{
  const char *reason = cause->message;

  if (cause->domain == G_IO_ERROR)
    {
      switch (cause->code)
        {
        case G_IO_ERROR_NOT_FOUND:
          reason = _("its folder does not exist");
          break;
        case G_IO_ERROR_PERMISSION_DENIED:
          reason = _("permission to write there was denied");
          break;
        case G_IO_ERROR_NO_SPACE:
          reason = _("the disk is full");
          break;
        case G_IO_ERROR_IS_DIRECTORY:
        case G_IO_ERROR_WOULD_MERGE:
          reason = _("it is a folder");
          break;
        case G_IO_ERROR_READ_ONLY:
          reason = _("the location is read-only");
          break;
        case G_IO_ERROR_NOT_DIRECTORY:
          reason = _("part of its path is not a folder");
          break;
        default:
          break;
        }
    }
  set_write_error (error, file, reason);
}

/* A new, uniquely named file beside file. */
static GFileOutputStream *
create_temporary (GFile   *file,
                  GFile  **out_temporary,
                  GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);

  if (parent == NULL)
    {
      set_write_error (error, file, _("it is not a file name"));
      return NULL;
    }

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", basename, g_random_int ());
      g_autoptr(GFile) temporary = g_file_get_child (parent, name);
      GFileOutputStream *stream;

      stream = g_file_create (temporary, G_FILE_CREATE_NONE, NULL, &local_error);
      if (stream != NULL)
        {
          *out_temporary = g_steal_pointer (&temporary);
          return stream;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          set_write_error_from (error, file, local_error);
          return NULL;
        }
    }

  set_write_error (error, file, _("no temporary file could be made beside it"));
  return NULL;
}

static void
set_metadata (cairo_surface_t        *surface,
              ConveneProject         *project,
              ConveneRunsheetOptions *options)
{
  const char *project_title = convene_project_get_title (project);
  GDateTime *printed_at = convene_runsheet_options_get_printed_at (options);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;

  if (project_title && *project_title)
    /* Translators: the PDF's title: the project's title, then "Run sheet" */
    title = g_strdup_printf (_("%s — Run sheet"), project_title);
  else
    title = g_strdup (_("Run sheet"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Convene " PACKAGE_VERSION);

  /* The printed-at time, so the same options give the same file. */
  if (printed_at == NULL)
    printed_at = now = g_date_time_new_now_local ();
  date = g_date_time_format_iso8601 (printed_at);
  if (date != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

typedef struct {
  cairo_surface_t *surface;
  int              session;   /* the outline item of the current session */
} Outline;

static void
add_outline (int         level,
             const char *text,
             guint       page,
             gpointer    user_data)
{
  Outline *outline = user_data;
  g_autofree char *link = g_strdup_printf ("page=%u", page + 1);
  int id;

  id = cairo_pdf_surface_add_outline (outline->surface,
                                      level == 0 ? CAIRO_PDF_OUTLINE_ROOT : outline->session,
                                      text, link, 0);
  if (level == 0)
    outline->session = id;
}

gboolean
convene_runsheet_export_pdf (ConveneProject         *project,
                             ConveneRunsheetOptions *options,
                             GFile                  *file,
                             GError                **error)
{
  g_autoptr(ConveneRunsheet) sheet = NULL;
  PangoContext *context;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Sink sink = { NULL, NULL };
  double width, height;
  gboolean ok;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (options), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!convene_runsheet_options_validate (options, error))
    return FALSE;

  /* Say so before doing the work: a rename cannot replace a folder. */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      set_write_error (error, file, _("it is a folder"));
      return FALSE;
    }

  convene_runsheet_options_get_page_size (options, &width, &height);
  sheet = convene_runsheet_new (project, options);
  context = convene_runsheet_create_pango_context ();
  ok = convene_runsheet_layout (sheet, context, width, height, error);
  g_object_unref (context);
  if (!ok)
    return FALSE;

  stream = create_temporary (file, &temporary, error);
  if (stream == NULL)
    return FALSE;

  sink.stream = G_OUTPUT_STREAM (stream);
  surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, width, height);
  set_metadata (surface, project, options);
  cr = cairo_create (surface);
  for (guint i = 0; i < convene_runsheet_get_n_pages (sheet); i++)
    {
      convene_runsheet_draw_page (sheet, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  {
    Outline outline = { surface, CAIRO_PDF_OUTLINE_ROOT };

    rs_foreach_outline (sheet, add_outline, &outline);
  }
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL)
    {
      local_error = g_steal_pointer (&sink.error);
      ok = FALSE;
    }
  else if (status != CAIRO_STATUS_SUCCESS)
    {
      local_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      ok = FALSE;
    }
  else
    ok = TRUE;

  if (ok)
    ok = g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error);
  else
    g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);

  if (ok)
    ok = g_file_move (temporary, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                      NULL, NULL, NULL, &local_error);

  if (!ok)
    {
      g_file_delete (temporary, NULL, NULL);
      set_write_error_from (error, file, local_error);
      return FALSE;
    }

  return TRUE;
}
