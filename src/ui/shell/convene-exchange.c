#define G_LOG_DOMAIN "convene-ui"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-exchange.h"
#include "convene-export-file.h"
#include "convene-ical.h"
#include "convene-programme-csv.h"
#include "convene-schedule-import.h"
#include "convene-schedule-json.h"
#include "convene-schedule-xml.h"
#include "convene-ui-util.h"

typedef GBytes *(*RenderFunc) (ConveneProject *project, GError **error);

typedef struct
{
  const char *id;
  const char *title;        /* the chooser's title */
  const char *filter_name;
  const char *pattern;
  const char *mime_type;
  const char *extension;    /* added when the planner types a name without it */
  const char *file_word;    /* in the suggested name: "Congress — schedule.xml" */
  RenderFunc  render;
} Format;

static const Format formats[] = {
  { "schedule-xml", N_("Export Schedule for Conference Apps"), N_("Schedule XML"), "*.xml",
    "application/xml", ".xml", N_("schedule"), convene_schedule_xml_export },
  { "schedule-json", N_("Export Schedule as JSON"), N_("Schedule JSON"), "*.json",
    "application/json", ".json", N_("schedule"), convene_schedule_json_export },
  { "ical", N_("Export Programme as Calendar"), N_("Calendars"), "*.ics",
    "text/calendar", ".ics", N_("programme"), convene_ical_export },
  { "csv", N_("Export Programme as Spreadsheet"), N_("Spreadsheets (CSV)"), "*.csv",
    "text/csv", ".csv", N_("programme"), convene_programme_csv_export },
};

/* What the export needs until the file chooser answers. */
typedef struct
{
  GtkWidget      *widget;
  ConveneProject *project;
  ConveneSpeaker *speaker;   /* a person's calendar; NULL for the programme */
  const Format   *format;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->widget);
  g_clear_object (&export->project);
  g_clear_object (&export->speaker);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static const Format *
find_format (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].id, id))
      return &formats[i];
  return NULL;
}

/* A name typed without the extension still makes a file of the format. */
static GFile *
with_extension (GFile      *file,
                const char *extension)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *named = NULL;

  if (g_str_has_suffix (lower, extension) || parent == NULL)
    return g_object_ref (file);
  named = g_strconcat (name, extension, NULL);
  return g_file_get_child (parent, named);
}

static void
chooser_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GtkNativeDialog) owned = dialog;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (chosen == NULL)
    return;
  file = with_extension (chosen, export->format->extension);
  name = g_file_get_basename (file);

  bytes = export->speaker != NULL
    ? convene_ical_export_person (export->project, export->speaker, &error)
    : export->format->render (export->project, &error);
  if (bytes != NULL)
    convene_export_file_write (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               CONVENE_EXPORT_SHARED, &error);
  if (error != NULL)
    {
      /* Translators: %s is a file name, then why it could not be written. */
      g_autofree char *text = g_strdup_printf (_("Nothing was exported to “%s”: %s"), name, error->message);

      convene_ui_show_message (export->widget, text);
      return;
    }

  /* Translators: %s is a file name. */
  message = g_strdup_printf (_("Exported “%s”"), name);
  convene_ui_show_message (export->widget, message);
}

static void
show_chooser (Export     *export,
              const char *suggested)
{
  GtkRoot *root = gtk_widget_get_root (export->widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *safe = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_(export->format->title),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, _(export->format->filter_name));
  gtk_file_filter_add_pattern (filter, export->format->pattern);
  gtk_file_filter_add_mime_type (filter, export->format->mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  safe = convene_export_file_safe_name (suggested, export->format->extension, _("Programme"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), safe);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
convene_exchange_export (GtkWidget      *widget,
                         ConveneProject *project,
                         const char     *format)
{
  const Format *found = find_format (format);
  const char *title;
  g_autofree char *suggested = NULL;
  Export *export;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (CONVENE_IS_PROJECT (project));
  g_return_if_fail (found != NULL);

  export = g_new0 (Export, 1);
  export->widget = g_object_ref (widget);
  export->project = g_object_ref (project);
  export->format = found;

  title = convene_project_get_title (project);
  /* Translators: a suggested file name (before its extension): the
   * project's title — what the file holds, such as "schedule". */
  suggested = g_strdup_printf (_("%s — %s"), *title != '\0' ? title : _("Untitled Project"),
                               _(found->file_word));
  show_chooser (export, suggested);
}

void
convene_exchange_export_person (GtkWidget      *widget,
                                ConveneProject *project,
                                ConveneSpeaker *speaker)
{
  g_autofree char *name = NULL;
  g_autofree char *suggested = NULL;
  Export *export;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (CONVENE_IS_PROJECT (project));
  g_return_if_fail (CONVENE_IS_SPEAKER (speaker));

  export = g_new0 (Export, 1);
  export->widget = g_object_ref (widget);
  export->project = g_object_ref (project);
  export->speaker = g_object_ref (speaker);
  export->format = find_format ("ical");

  name = convene_speaker_dup_display_name (speaker);
  suggested = g_strdup_printf (_("%s — %s"), *name != '\0' ? name : _("Person"), _("calendar"));
  show_chooser (export, suggested);
}

void
convene_exchange_import_schedule_file (GtkWidget       *widget,
                                       ConveneDocument *document,
                                       GFile           *file)
{
  g_autoptr(ConveneScheduleImport) schedule = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  ConveneScheduleImportSummary summary = { 0 };
  ConveneCommand *command;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (CONVENE_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  if (!convene_ui_is_writable (document))
    return;
  schedule = convene_schedule_import_read (file, NULL, &error);
  if (schedule == NULL)
    {
      convene_ui_show_error (widget, error);
      return;
    }
  command = convene_schedule_import_build (schedule, convene_document_get_project (document), &summary, &error);
  name = g_file_get_basename (file);
  if (command != NULL && convene_command_group_get_size (command) == 0)
    {
      g_object_unref (command);
      /* Translators: a file name. */
      message = g_strdup_printf (_("The project already holds “%s” as it is: nothing to import"), name);
      convene_ui_show_message (widget, message);
      return;
    }
  if (!convene_ui_perform (widget, document, command, g_steal_pointer (&error)))
    return;

  if (summary.updated == 0)
    /* Translators: the number of events, then a file name. */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u event from “%s”",
                                            "Imported %u events from “%s”", summary.added),
                               summary.added, name);
  else
    /* Translators: a file name, then how many of its events were new and
     * how many updated segments already in the project. */
    message = g_strdup_printf (_("Imported “%s”: %u new events, %u updated"), name, summary.added, summary.updated);
  if (summary.unscheduled > 0)
    {
      g_autofree char *imported = g_steal_pointer (&message);

      /* Translators: what was imported (a sentence above), then how many
       * contributions of an Indico event are not in its timetable. */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u contribution without a start time left out",
                                              "%s; %u contributions without a start time left out",
                                              summary.unscheduled),
                                 imported, summary.unscheduled);
    }
  convene_ui_show_undo_toast (widget, document, message);
}

typedef struct
{
  GtkWidget       *widget;
  ConveneDocument *document;
} Import;

static void
import_free (Import *import)
{
  g_clear_object (&import->widget);
  g_clear_object (&import->document);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

static void
import_chooser_response (GtkNativeDialog *dialog,
                         int              response,
                         gpointer         user_data)
{
  g_autoptr(Import) import = user_data;
  g_autoptr(GtkNativeDialog) owned = dialog;
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    convene_exchange_import_schedule_file (import->widget, import->document, file);
}

void
convene_exchange_import_schedule (GtkWidget       *widget,
                                  ConveneDocument *document)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  Import *import;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (CONVENE_IS_DOCUMENT (document));

  import = g_new0 (Import, 1);
  import->widget = g_object_ref (widget);
  import->document = g_object_ref (document);

  chooser = gtk_file_chooser_native_new (_("Import Schedule"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Schedule XML (frab, pretalx, Indico)"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "text/xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chooser_response), import);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
