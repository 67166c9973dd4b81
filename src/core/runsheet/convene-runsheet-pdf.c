#define G_LOG_DOMAIN "convene-runsheet"
#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>

#include "convene-export-file.h"
#include "convene-runsheet-private.h"

/* Cairo writes the PDF through this into the export's stream; the first
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
  ConveneExportFile *export;
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

  /* Where it goes is settled before doing the work (a folder is refused).
   * A sheet with the contact section holds phone numbers and e-mail
   * addresses, so a new file of it is for its owner's eyes only. */
  export = convene_export_file_begin (file,
                                      convene_runsheet_options_get_contact_sheet (options)
                                        ? CONVENE_EXPORT_PRIVATE : CONVENE_EXPORT_SHARED,
                                      &local_error);
  if (export == NULL)
    {
      set_write_error_from (error, file, local_error);
      return FALSE;
    }

  convene_runsheet_options_get_page_size (options, &width, &height);
  sheet = convene_runsheet_new (project, options);
  context = convene_runsheet_create_pango_context ();
  ok = convene_runsheet_layout (sheet, context, width, height, error);
  g_object_unref (context);
  if (!ok)
    {
      convene_export_file_discard (export);
      return FALSE;
    }

  sink.stream = convene_export_file_get_stream (export);
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
    ok = convene_export_file_finish (export, &local_error);
  else
    convene_export_file_discard (export);

  if (!ok)
    {
      set_write_error_from (error, file, local_error);
      return FALSE;
    }

  return TRUE;
}
