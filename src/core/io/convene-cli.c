#define G_LOG_DOMAIN "convene-io"
#include "config.h"

#include <langinfo.h>
#include <math.h>
#include <string.h>
#include <stdint.h>
#include <glib/gi18n.h>

#include "convene-cli.h"
#include "convene-document.h"
#include "convene-export-file.h"
#include "convene-fit.h"
#include "convene-ical.h"
#include "convene-json.h"
#include "convene-limits.h"
#include "convene-programme-csv.h"
#include "convene-runsheet.h"
#include "convene-schedule-import.h"
#include "convene-schedule-json.h"
#include "convene-schedule-xml.h"
#include "convene-store.h"

/* Each format renders the whole file in memory; writing it safely to disk
 * is done once, below, for all of them. */
typedef struct
{
  const char           *extension;   /* lower case, with the dot */
  GBytes             *(*render) (ConveneProject *project, GError **error);
  gboolean              runsheet;    /* written by the run-sheet renderer instead */
  ConveneExportPrivacy  privacy;     /* private: it holds people's contact details */
} ExportFormat;

static GBytes *
render_json (ConveneProject  *project,
             GError         **error)
{
  gsize length = 0;
  char *data = convene_json_export (project, &length);

  return g_bytes_new_take (data, length);
}

/* Longer extensions first: the first that ends the name wins. */
static const ExportFormat export_formats[] = {
  { ".schedule.json", convene_schedule_json_export, FALSE, CONVENE_EXPORT_SHARED },
  { ".json", render_json, FALSE, CONVENE_EXPORT_PRIVATE },
  { ".xml", convene_schedule_xml_export, FALSE, CONVENE_EXPORT_SHARED },
  { ".ics", convene_ical_export, FALSE, CONVENE_EXPORT_SHARED },
  /* The programme; the roster's CSV is exported from the People page. */
  { ".csv", convene_programme_csv_export, FALSE, CONVENE_EXPORT_SHARED },
  { ".pdf", NULL, TRUE, CONVENE_EXPORT_PRIVATE },
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

void
convene_cli_get_locale_paper (double *width,
                              double *height)
{
  double width_mm = 210, height_mm = 297;

#ifdef __GLIBC__
  /* glibc returns these numbers (millimetres) in place of a string. */
  {
    int w = (int) (intptr_t) nl_langinfo (_NL_PAPER_WIDTH);
    int h = (int) (intptr_t) nl_langinfo (_NL_PAPER_HEIGHT);

    if (w > 0 && h > 0)
      {
        width_mm = w;
        height_mm = h;
      }
  }
#endif

  /* The locale gives whole millimetres: 216 × 279 for Letter (8.5 × 11 in). */
  if (width_mm == 216 && height_mm == 279)
    {
      *width = 612;
      *height = 792;
      return;
    }
  *width = width_mm * 72.0 / 25.4;
  *height = height_mm * 72.0 / 25.4;
}

gboolean
convene_cli_locale_uses_12h (void)
{
  const char *format = nl_langinfo (T_FMT);

  /* %r is the locale's AM/PM time; %I and %l are 12-hour hours. */
  return format != NULL &&
         (strstr (format, "%r") != NULL || strstr (format, "%I") != NULL ||
          strstr (format, "%l") != NULL || strstr (format, "%p") != NULL);
}

static gboolean
any_runsheet_option (const ConveneCliExportOptions *options,
                     const char                   **name)
{
  if (options == NULL)
    return FALSE;

  *name = options->session ? "--session" :
          options->paper ? "--paper" :
          options->landscape ? "--landscape" :
          options->font_size ? "--font-size" :
          options->no_notes ? "--no-notes" :
          options->no_actuals ? "--no-actuals" :
          options->sections ? "--sections" :
          options->date ? "--date" :
          options->clock == CONVENE_CLI_CLOCK_12H ? "--12h" :
          options->clock == CONVENE_CLI_CLOCK_24H ? "--24h" : NULL;
  return *name != NULL;
}

static gboolean
apply_sections (ConveneRunsheetOptions *runsheet,
                const char             *sections,
                GError                **error)
{
  g_auto(GStrv) names = g_strsplit (sections, ",", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      gboolean all = g_ascii_strcasecmp (name, "all") == 0;
      gboolean contacts = all || g_ascii_strcasecmp (name, "contacts") == 0;
      gboolean outcomes = all || g_ascii_strcasecmp (name, "outcomes") == 0;
      gboolean moderator = all || g_ascii_strcasecmp (name, "moderator") == 0;
      gboolean call_sheets = all || g_ascii_strcasecmp (name, "call-sheets") == 0;

      /* "contacts,,outcomes" or a trailing comma is forgiven */
      if (*name == '\0')
        continue;
      if (contacts)
        convene_runsheet_options_set_contact_sheet (runsheet, TRUE);
      if (outcomes)
        convene_runsheet_options_set_outcomes_checklist (runsheet, TRUE);
      if (moderator)
        convene_runsheet_options_set_moderator_card (runsheet, TRUE);
      if (call_sheets)
        convene_runsheet_options_set_call_sheets (runsheet, TRUE);

      if (!(contacts || outcomes || moderator || call_sheets))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not a run-sheet section; --sections takes a comma-separated "
                         "list of contacts, outcomes, moderator, call-sheets or all."),
                       name);
          return FALSE;
        }
    }
  return TRUE;
}

/* Everything that can be checked without the project, so a typo is
 * reported before any file is opened. */
static ConveneRunsheetOptions *
runsheet_options_from_cli (const ConveneCliExportOptions *options,
                           GError                       **error)
{
  g_autoptr(ConveneRunsheetOptions) runsheet = convene_runsheet_options_new ();
  ConveneCliClock clock = options ? options->clock : CONVENE_CLI_CLOCK_LOCALE;

  if (options != NULL && options->paper != NULL)
    {
      if (!convene_runsheet_options_set_paper (runsheet, options->paper, error))
        return NULL;
    }
  else
    {
      double width, height;

      convene_cli_get_locale_paper (&width, &height);
      convene_runsheet_options_set_paper_size (runsheet, width, height);
    }

  if (options != NULL && options->landscape)
    convene_runsheet_options_set_orientation (runsheet, CONVENE_RUNSHEET_LANDSCAPE);

  if (options != NULL && options->font_size != NULL)
    {
      char *end = NULL;
      double size = g_ascii_strtod (options->font_size, &end);

      if (end == options->font_size || *end != '\0' || !isfinite (size))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not a font size; give --font-size in points, such as 9 or 10.5."),
                       options->font_size);
          return NULL;
        }
      convene_runsheet_options_set_font_size (runsheet, size);
    }

  if (options != NULL && options->no_notes)
    convene_runsheet_options_set_include_notes (runsheet, FALSE);
  if (options != NULL && options->no_actuals)
    convene_runsheet_options_set_planned_actual (runsheet, FALSE);

  if (options != NULL && options->sections != NULL &&
      !apply_sections (runsheet, options->sections, error))
    return NULL;

  if (options != NULL && options->date != NULL)
    {
      /* A session is on one day already; both would only disagree. */
      if (options->session != NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("Use either --session or --date, not both."));
          return NULL;
        }
      if (*options->date == '\0')
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("--date needs a day written as YYYY-MM-DD."));
          return NULL;
        }
      convene_runsheet_options_set_date (runsheet, options->date);
    }

  convene_runsheet_options_set_use_12h (runsheet,
                                        clock == CONVENE_CLI_CLOCK_12H ||
                                        (clock == CONVENE_CLI_CLOCK_LOCALE &&
                                         convene_cli_locale_uses_12h ()));

  if (!convene_runsheet_options_validate (runsheet, error))
    return NULL;

  return g_steal_pointer (&runsheet);
}

static char *
list_sessions (ConveneProject *project)
{
  GListModel *sessions = G_LIST_MODEL (convene_project_get_sessions (project));
  g_autoptr(GString) list = g_string_new (NULL);
  guint n = g_list_model_get_n_items (sessions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (sessions, i);

      if (i > 0)
        g_string_append (list, "; ");
      /* Translators: a session in a list: its id, title and date. */
      g_string_append_printf (list, _("%lld “%s” (%s)"),
                              (long long) convene_session_get_id (session),
                              convene_session_get_title (session),
                              convene_session_get_date (session));
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* The session wanted names, an id first (digits only), then an exact title,
 * which must be unique; option is the option that named it. */
static ConveneSession *
find_session (ConveneProject  *project,
              const char      *wanted,
              const char      *option,
              const char      *project_name,
              GError         **error)
{
  GListModel *sessions = G_LIST_MODEL (convene_project_get_sessions (project));
  guint n = g_list_model_get_n_items (sessions);
  ConveneSession *found = NULL;
  guint n_found = 0;
  g_autofree char *list = NULL;
  guint64 id;

  if (g_ascii_string_to_unsigned (wanted, 10, 1, G_MAXINT64, &id, NULL) &&
      (found = convene_project_find_session (project, (gint64) id)) != NULL)
    return found;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (sessions, i);

      if (g_strcmp0 (convene_session_get_title (session), wanted) == 0)
        {
          found = session;
          n_found++;
        }
    }

  if (n_found == 1)
    return found;

  list = list_sessions (project);
  if (n_found > 1)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 /* Translators: the second %s is an option, such as --session */
                 _("Several sessions of “%s” are called “%s”; give %s the id of one: %s."),
                 project_name, wanted, option, list);
  else if (n == 0)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("“%s” has no sessions, so there is no session “%s”."),
                 project_name, wanted);
  else
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 /* Translators: the third %s is an option, such as --session */
                 _("“%s” has no session “%s”; give %s one of these ids or titles: %s."),
                 project_name, wanted, option, list);
  return NULL;
}

/* What opening the file set right is not a failure: the export goes on, and
 * each is said on a line of its own. */
static void
print_load_notices (const char * const *notices)
{
  for (guint i = 0; notices != NULL && notices[i] != NULL; i++)
    {
      g_autofree char *line = g_strdelimit (g_strdup (notices[i]), "\r\n", ' ');

      g_printerr ("convene: %s\n", line);
    }
}

static gboolean
export_project (GFile                         *project_file,
                GFile                         *out,
                const ConveneCliExportOptions *options,
                GError                       **error)
{
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(ConveneRunsheetOptions) runsheet = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *out_name = g_file_get_parse_name (out);
  const ExportFormat *format;
  const char *out_path;
  const char *option_name = NULL;

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

  if (!format->runsheet && any_runsheet_option (options, &option_name))
    {
      /* Translators: %s is an option such as --paper, then a file name. */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("%s applies only to run sheets: export to a file ending in .pdf, "
                     "not “%s”."),
                   option_name, out_name);
      return FALSE;
    }

  if (format->runsheet)
    {
      runsheet = runsheet_options_from_cli (options, error);
      if (runsheet == NULL)
        return FALSE;
    }

  store = convene_store_open (project_file, CONVENE_STORE_READ_ONLY, error);
  if (store == NULL)
    return FALSE;

  project = convene_store_load (store, error);
  if (project != NULL)
    print_load_notices (convene_store_get_load_notices (store));
  convene_store_close (store);
  if (project == NULL)
    return FALSE;

  if (format->runsheet)
    {
      if (options != NULL && options->session != NULL)
        {
          g_autofree char *project_name = g_file_get_parse_name (project_file);

          ConveneSession *session = find_session (project, options->session, "--session",
                                                  project_name, error);

          if (session == NULL)
            return FALSE;
          convene_runsheet_options_set_session_id (runsheet, convene_session_get_id (session));
        }
      return convene_runsheet_export_pdf (project, runsheet, out, error);
    }

  bytes = format->render (project, error);
  if (bytes == NULL)
    {
      g_prefix_error (error, _("Nothing was written to “%s”. "), out_name);
      return FALSE;
    }

  {
    g_autoptr(GError) local_error = NULL;
    gsize length;
    const void *data = g_bytes_get_data (bytes, &length);

    if (!convene_export_file_write (out, data, length, format->privacy, &local_error))
      {
        g_set_error (error, local_error->domain, local_error->code,
                     _("Could not write “%s”: %s."), out_name, local_error->message);
        return FALSE;
      }
  }
  return TRUE;
}

gboolean
convene_cli_export_with_options (GFile                         *project_file,
                                 GFile                         *out,
                                 const ConveneCliExportOptions *options,
                                 GError                       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (project_file), FALSE);
  g_return_val_if_fail (G_IS_FILE (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (export_project (project_file, out, options, &local_error))
    return TRUE;

  flatten_message (local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
convene_cli_export (GFile   *project_file,
                    GFile   *out,
                    GError **error)
{
  return convene_cli_export_with_options (project_file, out, NULL, error);
}

static gboolean
parse_fit_options (const ConveneCliFitOptions *options,
                   ConveneFitOptions          *fit,
                   ConveneSegmentKind          order[CONVENE_N_SEGMENT_KINDS],
                   GError                    **error)
{
  guint64 step = 0;

  if (options->session == NULL || *options->session == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--fit needs a session, by id or exact title."));
      return FALSE;
    }
  if (options->priority != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (options->strategy != NULL && !g_str_equal (options->strategy, "priority"))
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("--priority orders the priority strategy; use it without "
                                 "--strategy or with --strategy=priority."));
          return FALSE;
        }
      if (!convene_fit_parse_priority (options->priority, order, &local_error))
        {
          /* Translators: %s says what is wrong with the list of kinds. */
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--priority: %s"),
                       local_error->message);
          return FALSE;
        }
      fit->strategy = CONVENE_FIT_PRIORITY;
      fit->kind_order = order;
      fit->n_kind_order = CONVENE_N_SEGMENT_KINDS;
    }
  else if (options->strategy == NULL || g_str_equal (options->strategy, "proportional"))
    fit->strategy = CONVENE_FIT_PROPORTIONAL;
  else if (g_str_equal (options->strategy, "priority"))
    fit->strategy = CONVENE_FIT_PRIORITY;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--strategy is proportional or priority, not “%s”."), options->strategy);
      return FALSE;
    }
  if (options->step != NULL &&
      !g_ascii_string_to_unsigned (options->step, 10, 1, CONVENE_MAX_FIT_STEP, &step, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--step is a whole number of minutes from 1 to %d, not “%s”."),
                   CONVENE_MAX_FIT_STEP, options->step);
      return FALSE;
    }
  fit->step = (guint) step;
  return TRUE;
}

static char *
describe_fit (ConveneSession *session,
              ConveneFit     *fit)
{
  g_autoptr(GString) report = g_string_new (NULL);

  /* Translators: a session's title, then what Fit to Slot proposes. */
  g_string_append_printf (report, _("“%s”: %s"), convene_session_get_title (session),
                          convene_fit_get_summary (fit));
  g_string_append_c (report, '\n');
  for (guint i = 0; i < convene_fit_get_n_rows (fit); i++)
    {
      const ConveneFitRow *row = convene_fit_get_row (fit, i);
      const char *title = convene_segment_get_title (row->segment);

      g_string_append (report, row->parent != NULL ? "    " : "  ");
      if (row->new_length != row->old_length)
        /* Translators: a segment's old and new length, e.g. “20 → 15 min”. */
        g_string_append_printf (report, _("%u → %u min"), row->old_length, row->new_length);
      else
        g_string_append_printf (report, _("%u min"), row->old_length);
      g_string_append_printf (report, "  %s", *title != '\0' ? title
                              : convene_segment_kind_get_label (convene_segment_get_kind (row->segment)));
      if (row->at_minimum)
        g_string_append_printf (report, " (%s)", _("at its minimum"));
      else if (row->at_maximum)
        g_string_append_printf (report, " (%s)", _("at its maximum"));
      g_string_append_c (report, '\n');
    }
  return g_string_free (g_steal_pointer (&report), FALSE);
}

static gboolean
fit_project (GFile                      *project_file,
             const ConveneCliFitOptions *options,
             char                      **out_report,
             GError                    **error)
{
  ConveneFitOptions fit_options = { CONVENE_FIT_PROPORTIONAL, 0, NULL, 0, NULL };
  ConveneSegmentKind order[CONVENE_N_SEGMENT_KINDS];
  g_autofree char *project_name = g_file_get_parse_name (project_file);
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(ConveneFit) fit = NULL;
  g_autofree char *report = NULL;
  ConveneSession *session;

  if (!parse_fit_options (options, &fit_options, order, error))
    return FALSE;

  document = convene_document_open (project_file,
                                    options->apply ? CONVENE_STORE_READ_WRITE : CONVENE_STORE_READ_ONLY,
                                    error);
  if (document == NULL)
    return FALSE;
  print_load_notices (convene_document_get_load_notices (document));

  session = find_session (convene_document_get_project (document), options->session, "--fit",
                          project_name, error);
  if (session == NULL)
    {
      convene_document_close (document);
      return FALSE;
    }

  /* By priority without --priority: the order the planner set in the
   * window for this project, if any (one that no longer reads is ignored,
   * as the window ignores it). */
  if (fit_options.strategy == CONVENE_FIT_PRIORITY && fit_options.kind_order == NULL)
    {
      g_autofree char *remembered = convene_document_dup_view_setting (document,
                                                                       CONVENE_FIT_PRIORITY_SETTING);

      if (remembered != NULL && convene_fit_parse_priority (remembered, order, NULL))
        {
          fit_options.kind_order = order;
          fit_options.n_kind_order = CONVENE_N_SEGMENT_KINDS;
        }
    }

  fit = convene_fit_session (session, &fit_options);
  if (!convene_fit_is_possible (fit))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, convene_fit_get_summary (fit));
      convene_document_close (document);
      return FALSE;
    }
  report = describe_fit (session, fit);

  if (options->apply && convene_fit_has_changes (fit))
    {
      if (convene_document_get_read_only (document))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("“%s” cannot be changed: %s"), project_name,
                       convene_document_get_read_only_reason (document));
          convene_document_close (document);
          return FALSE;
        }
      if (!convene_document_perform (document, convene_fit_build_command (fit), error))
        {
          convene_document_close (document);
          return FALSE;
        }
      {
        g_autofree char *done = g_strdup_printf (_("Applied to “%s”."), project_name);
        g_autofree char *proposal = g_steal_pointer (&report);

        report = g_strconcat (proposal, done, "\n", NULL);
      }
    }

  convene_document_close (document);
  *out_report = g_steal_pointer (&report);
  return TRUE;
}

gboolean
convene_cli_fit (GFile                      *project_file,
                 const ConveneCliFitOptions *options,
                 char                      **out_report,
                 GError                    **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (project_file), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (out_report != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (fit_project (project_file, options, out_report, &local_error))
    return TRUE;

  flatten_message (local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
create_project_file (GFile           *project_file,
                     ConveneProject  *project,
                     GError         **error)
{
  g_autoptr(ConveneStore) store = convene_store_create (project_file, project, error);

  if (store == NULL)
    return FALSE;
  convene_store_close (store);
  return TRUE;
}

static gboolean
import_project (GFile   *in,
                GFile   *project_file,
                GError **error)
{
  g_autoptr(ConveneProject) project = NULL;

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
  return project != NULL && create_project_file (project_file, project, error);
}

/* After an import, one line saying how many contributions of an Indico
 * event were left out for having no start time, when any were. */
static void
print_unscheduled (GFile                 *in,
                   ConveneScheduleImport *schedule)
{
  guint n = convene_schedule_import_get_n_unscheduled (schedule);
  g_autofree char *name = NULL;

  if (n == 0)
    return;
  name = g_file_get_basename (in);
  /* Translators: a file name, then how many contributions of an Indico
   * event are not in its timetable. */
  g_printerr (g_dngettext (GETTEXT_PACKAGE,
                           "convene: “%s”: %u contribution without a start time was left out\n",
                           "convene: “%s”: %u contributions without a start time were left out\n", n),
              name, n);
}

/* Schedule XML makes a new project when project_file is missing, and is
 * otherwise one more undoable step of the project there. */
static gboolean
import_schedule (GFile   *in,
                 GFile   *project_file,
                 GError **error)
{
  g_autofree char *project_name = g_file_get_parse_name (project_file);
  g_autoptr(ConveneScheduleImport) schedule = NULL;
  g_autoptr(ConveneDocument) document = NULL;
  ConveneCommand *command;
  gboolean ok;

  schedule = convene_schedule_import_read (in, NULL, error);
  if (schedule == NULL)
    return FALSE;

  if (g_file_query_file_type (project_file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_UNKNOWN)
    {
      g_autoptr(ConveneProject) project = convene_schedule_import_new_project (schedule, error);

      ok = project != NULL && create_project_file (project_file, project, error);
      if (ok)
        print_unscheduled (in, schedule);
      return ok;
    }

  document = convene_document_open (project_file, CONVENE_STORE_READ_WRITE, error);
  if (document == NULL)
    return FALSE;
  print_load_notices (convene_document_get_load_notices (document));
  if (convene_document_get_read_only (document))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("“%s” cannot be changed: %s"), project_name,
                   convene_document_get_read_only_reason (document));
      convene_document_close (document);
      return FALSE;
    }
  command = convene_schedule_import_build (schedule, convene_document_get_project (document), NULL, error);
  /* The same schedule again changes nothing: no empty step in the history. */
  if (command != NULL && convene_command_group_get_size (command) == 0)
    {
      g_object_unref (command);
      ok = TRUE;
    }
  else
    ok = convene_document_perform (document, command, error);
  convene_document_close (document);
  if (ok)
    print_unscheduled (in, schedule);
  return ok;
}

static gboolean
has_extension (GFile      *file,
               const char *extension)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return folded != NULL && g_str_has_suffix (folded, extension);
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

  if (has_extension (in, ".xml") ? import_schedule (in, project_file, &local_error)
                                  : import_project (in, project_file, &local_error))
    return TRUE;

  flatten_message (local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
