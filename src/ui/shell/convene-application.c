#define G_LOG_DOMAIN "convene-application"
#include "config.h"

#include <signal.h>

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "convene-application.h"
#include "convene-cli.h"
#include "convene-clock.h"
#include "convene-document.h"
#include "convene-icons.h"
#include "convene-json.h"
#include "convene-note-cli.h"
#include "convene-project-files.h"
#include "convene-ui-util.h"
#include "convene-window.h"

#define EXAMPLE_RESOURCE "/io/github/convene/Convene/examples/side-event.json"

/* The signals a session sends when it ends (logout, `kill`, Ctrl+C in a
 * terminal, a closed terminal): each quits as Ctrl+Q does. */
static const int quit_signals[] = { SIGTERM, SIGINT, SIGHUP };

struct _ConveneApplication
{
  AdwApplication parent_instance;

  /* owned; created at startup so the command line never needs the schema */
  GSettings *settings;
  /* a watch per quit_signals entry, from startup to shutdown */
  guint      signal_ids[G_N_ELEMENTS (quit_signals)];

  /* The first project named on the command line, read on a worker thread
   * from startup (only the primary instance starts up) until its window
   * takes it: GTK's start and the window's construction run meanwhile. */
  GFile     *preload_file;
  GThread   *preload_thread;
};

typedef struct
{
  GFile           *file;
  ConveneDocument *document;
  GError          *error;
  gboolean         use_12h;
} Preload;

G_DEFINE_FINAL_TYPE (ConveneApplication, convene_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the project to FILE and exit: FILE.json is the whole project, "
       "FILE.xml or FILE.schedule.json its schedule for conference apps, "
       "FILE.ics its calendar, FILE.csv its programme as a spreadsheet, "
       "FILE.pdf its run sheet"), N_("FILE") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import FILE and exit: FILE.json creates the project; a frab, pretalx or Indico "
       "schedule (FILE.xml) or a concept note (.txt, .md, .odt, .docx, .pdf) is added to it, created "
       "when missing"), N_("FILE") },
  /* Run-sheet options, for --export=FILE.pdf only. Values are strings so a
   * bad one is reported by the export in its own words; they are read as
   * bytes (FILENAME) so that bytes which are not text get Convene's own
   * one-line message rather than GApplication's bare one. */
  { "session", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Run sheet: only this session, by id or exact title (default: every session, "
       "each from a new page)"), N_("ID|TITLE") },
  { "date", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Run sheet: the whole-day sheet of the sessions on this date (not with --session)"), N_("YYYY-MM-DD") },
  { "paper", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Run sheet: a4, a3, a5, letter, legal or a size such as 210x297mm, 8.5x11in "
       "(default: the paper of the locale, LC_PAPER)"), N_("PAPER") },
  { "landscape", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run sheet: print across the long side of the paper"), NULL },
  { "font-size", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Run sheet: type size in points, 6 to 16 (default: 9)"), N_("PT") },
  { "no-notes", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run sheet: leave out segment notes and cues"), NULL },
  { "no-actuals", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run sheet: leave out the planned and actual times of sessions run live"), NULL },
  { "sections", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Run sheet: extra sections, comma-separated: contacts, outcomes, moderator, "
       "call-sheets, or all"), N_("LIST") },
  { "12h", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run sheet: write times as 2:03 PM (default: as the locale writes times, LC_TIME)"), NULL },
  { "24h", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run sheet: write times as 14:03"), NULL },
  /* Fit to Slot, headless. */
  { "fit", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print the lengths that end this session on its slot, by id or exact title, and exit"),
    N_("ID|TITLE") },
  { "strategy", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Fit: share the time in proportion to each length’s room (proportional, the default) "
       "or take it from breaks and discussion first (priority)"), N_("STRATEGY") },
  { "step", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Fit: round changed lengths to multiples of these minutes (default: the session’s step)"),
    N_("MINUTES") },
  { "priority", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Fit: the kinds of segment to change first, comma-separated, such as break,networking,qa; "
       "implies the priority strategy (default: the order set in the window, else breaks and "
       "discussion first)"), N_("KINDS") },
  { "apply", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fit: also change the project file, as one step the window can undo"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[PROJECT.convene…]") },
  { NULL }
};

static ConveneWindow *
find_window_for_file (ConveneApplication *self,
                      GFile              *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      ConveneDocument *document;

      if (!CONVENE_IS_WINDOW (l->data))
        continue;
      document = convene_window_get_document (l->data);
      if (document != NULL && g_file_equal (convene_document_get_file (document), file))
        return l->data;
    }
  return NULL;
}

/* A window to show a project in: the asking window or the active one if it
 * still shows the start page, otherwise a new window. */
static ConveneWindow *
window_for_new_project (ConveneApplication *self,
                        GtkWindow          *from)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CONVENE_IS_WINDOW (from) && convene_window_get_document (CONVENE_WINDOW (from)) == NULL)
    return CONVENE_WINDOW (from);
  if (from == NULL && CONVENE_IS_WINDOW (active) &&
      convene_window_get_document (CONVENE_WINDOW (active)) == NULL)
    return CONVENE_WINDOW (active);
  return convene_window_new (self);
}

/* A window to show a message in: the asking one, the active one, or a new
 * start page when nothing is open (a bad file given on the command line). */
static ConveneWindow *
window_for_message (ConveneApplication *self,
                    GtkWindow          *from)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  ConveneWindow *window;

  if (CONVENE_IS_WINDOW (from))
    return CONVENE_WINDOW (from);
  if (CONVENE_IS_WINDOW (active))
    return CONVENE_WINDOW (active);

  window = convene_window_new (self);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
show_document_in (ConveneApplication *self,
                  ConveneWindow      *window,
                  ConveneDocument    *document)
{
  const char * const *notices = convene_document_get_load_notices (document);

  convene_window_set_document (window, document);
  convene_project_files_remember (self->settings, convene_document_get_file (document));
  gtk_window_present (GTK_WINDOW (window));

  /* What opening the file set right is a sentence or two, longer than a
   * toast shows: a dialog over the window keeps it until it has been read. */
  if (notices[0] != NULL)
    {
      g_autofree char *message = g_strjoinv ("\n\n", (char **) notices);

      convene_window_show_error (window, _("The Project Needs Attention"), message);
    }
}

static void
show_document (ConveneApplication *self,
               ConveneDocument    *document,
               GtkWindow          *from)
{
  show_document_in (self, window_for_new_project (self, from), document);
}

static gpointer
preload_run (gpointer data)
{
  Preload *preload = data;

  /* The store and the project are this thread's alone until the join. */
  preload->document = convene_document_open (preload->file, CONVENE_STORE_READ_WRITE, &preload->error);
  /* And what the window asks for first, while the main thread starts GTK. */
  if (preload->document != NULL)
    convene_document_prepare (preload->document, preload->use_12h);
  return preload;
}

static void
start_preload (ConveneApplication *self)
{
  Preload *preload;

  if (self->preload_file == NULL)
    return;

  preload = g_new0 (Preload, 1);
  preload->file = g_object_ref (self->preload_file);
  preload->use_12h = convene_clock_get_use_12h (convene_clock_get_default ());
  self->preload_thread = g_thread_new ("convene-open", preload_run, preload);
}

/* Waits for the worker if file is the project it reads: TRUE with the
 * document or the error it met, FALSE (and nothing set) for any other file. */
static gboolean
finish_preload (ConveneApplication  *self,
                GFile               *file,
                ConveneDocument    **document,
                GError             **error)
{
  Preload *preload;
  gboolean matches;

  if (self->preload_thread == NULL)
    return FALSE;

  preload = g_thread_join (g_steal_pointer (&self->preload_thread));
  g_clear_object (&self->preload_file);
  matches = file != NULL && g_file_equal (file, preload->file);
  if (matches)
    {
      *document = g_steal_pointer (&preload->document);
      if (preload->error != NULL)
        g_propagate_error (error, g_steal_pointer (&preload->error));
    }
  g_clear_object (&preload->document);
  g_clear_error (&preload->error);
  g_object_unref (preload->file);
  g_free (preload);
  return matches;
}

static gboolean
preload_is_for (ConveneApplication *self,
                GFile              *file)
{
  return self->preload_thread != NULL && g_file_equal (file, self->preload_file);
}

static void
report_open_error (ConveneApplication *self,
                   GtkWindow          *from,
                   const GError       *error)
{
  ConveneWindow *window = window_for_message (self, from);

  convene_window_show_error (window, _("Could Not Open the Project"), error->message);
}

void
convene_application_open_project (ConveneApplication *self,
                                  GFile              *file,
                                  GtkWindow          *from)
{
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  ConveneWindow *existing;

  g_return_if_fail (CONVENE_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A second store on the same file would only open read-only: show the
   * window that already has it. */
  existing = find_window_for_file (self, file);
  if (existing != NULL)
    {
      gtk_window_present (GTK_WINDOW (existing));
      return;
    }

  if (preload_is_for (self, file))
    {
      ConveneWindow *window = window_for_new_project (self, from);

      /* Realizing sets up the window's drawing (its GL context, its
       * shaders) while the worker still reads. */
      gtk_widget_realize (GTK_WIDGET (window));
      finish_preload (self, file, &document, &error);
      if (document == NULL)
        {
          gtk_window_present (GTK_WINDOW (window));
          report_open_error (self, GTK_WINDOW (window), error);
          return;
        }
      show_document_in (self, window, document);
      return;
    }

  document = convene_document_open (file, CONVENE_STORE_READ_WRITE, &error);
  if (document == NULL)
    {
      report_open_error (self, from, error);
      return;
    }

  show_document (self, document, from);
}

/* Writes project to a new file in the projects folder, named after name
 * (numbered if taken), and opens it; heading titles the error if that fails. */
static void
create_in_projects_folder (ConveneApplication *self,
                           GtkWindow          *from,
                           ConveneProject     *project,
                           const char         *name,
                           const char         *heading)
{
  g_autoptr(GFile) folder = convene_project_files_get_folder ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (convene_project_files_ensure_folder (&error))
    {
      file = convene_project_files_next_free (folder, name);
      document = convene_document_create (file, project, &error);
    }

  if (document == NULL)
    {
      convene_window_show_error (window_for_message (self, from), heading, error->message);
      return;
    }

  show_document (self, document, from);
}

static void
new_project (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ConveneApplication *self = user_data;
  g_autoptr(ConveneProject) project = convene_project_new ();

  /* Translators: the title of a new project, also its file name. */
  convene_project_set_title (project, _("Untitled Project"));
  create_in_projects_folder (self, gtk_application_get_active_window (GTK_APPLICATION (self)),
                             project, convene_project_get_title (project),
                             _("Could Not Create the Project"));
}

static void
open_example (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ConveneApplication *self = user_data;
  GtkWindow *from = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gconstpointer data;
  gsize length;

  bytes = g_resources_lookup_data (EXAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &length);
      project = convene_json_import (data, length, &error);
    }
  if (project == NULL)
    {
      convene_window_show_error (window_for_message (self, from),
                                 _("Could Not Open the Example"), error->message);
      return;
    }

  /* Translators: the file name of the copy of the example project. */
  create_in_projects_folder (self, from, project, _("Side Event Example"),
                             _("Could Not Open the Example"));
}

static void
open_file (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  ConveneApplication *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  convene_application_open_project (self, file,
                                    gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
open_response (GtkNativeDialog *dialog,
               int              response,
               gpointer         user_data)
{
  g_autoptr(ConveneApplication) self = user_data;
  g_autoptr(GtkNativeDialog) owned = GTK_NATIVE_DIALOG (dialog);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GtkWindow *parent = gtk_native_dialog_get_transient_for (dialog);

      if (file != NULL)
        convene_application_open_project (self, file, parent);
    }
}

static void
open_project (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ConveneApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) projects = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open a Project"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (projects, _("Convene Projects"));
  gtk_file_filter_add_pattern (projects, "*.convene");
  gtk_file_filter_add_mime_type (projects, "application/x-convene");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), projects);
  gtk_file_filter_set_name (everything, _("All Files"));
  gtk_file_filter_add_pattern (everything, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), everything);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), projects);

  /* The dialog and the app stay alive until the response; the handler
   * drops both references. */
  g_signal_connect (chooser, "response", G_CALLBACK (open_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  ConveneApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Convene developers"), NULL };

  adw_show_about_window (parent,
                         "application-name", _("Convene"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Convene developers"),
                         "developers", developers,
                         "comments", _("Plan the running order of side events, panels and workshops"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.new-project", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "app.help", { "F1", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", NULL } },
  { "win.add-session", { "<Control><Shift>n", NULL } },
  { "win.save-copy", { "<Control><Shift>s", NULL } },
  /* GNOME's keys for going from pane to pane. */
  { "win.next-pane", { "F6", NULL } },
  { "win.previous-pane", { "<Shift>F6", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
  { "win.zoom-out", { "<Control>minus", NULL } },
  { "win.zoom-fit", { "<Control>0", NULL } },
};

const char *
convene_application_get_accel (guint                index,
                               const char * const **accels)
{
  if (index >= G_N_ELEMENTS (app_accels))
    return NULL;
  if (accels != NULL)
    *accels = app_accels[index].accels;
  return app_accels[index].action;
}

/* The keys of the application's own action (app_accels), space-separated
 * as GtkShortcutLabel reads them; NULL when action has none. */
static char *
accels_of_action (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    if (g_str_equal (app_accels[i].action, action))
      return g_strjoinv (" ", (char **) app_accels[i].accels);
  return NULL;
}

/* What the shortcuts window lists, group by group: an entry with a group
 * title starts a group; an entry naming an application action shows the
 * keys app_accels gives it, any other shows keys set by the widget that
 * handles them (timeline, sidebar, People, checklist). */
static const struct {
  const char *group;
  const char *title;
  const char *subtitle;
  const char *action;
  const char *keys;
} shortcut_entries[] = {
  { N_("Projects"), NULL, NULL, NULL, NULL },
  { NULL, N_("New Project"), NULL, "app.new-project", NULL },
  { NULL, N_("Open a Project"), NULL, "app.open", NULL },
  { NULL, N_("Save a Copy"), NULL, "win.save-copy", NULL },
  { NULL, N_("Print the Run Sheet"), NULL, NULL, "<Control>p" },
  { NULL, N_("Close the Window"), NULL, "window.close", NULL },
  { NULL, N_("Quit"), NULL, "app.quit", NULL },
  { N_("Editing"), NULL, NULL, NULL, NULL },
  { NULL, N_("Undo"), NULL, "win.undo", NULL },
  { NULL, N_("Redo"), NULL, "win.redo", NULL },
  { NULL, N_("Add a Session"), NULL, "win.add-session", NULL },
  { NULL, N_("Duplicate the Session in the Sidebar"), NULL, NULL, "<Control>d" },
  { NULL, N_("Move the Session Up in the Sidebar"), NULL, NULL, "<Alt>Up" },
  { NULL, N_("Move the Session Down in the Sidebar"), NULL, NULL, "<Alt>Down" },
  { N_("People"), NULL, NULL, NULL, NULL },
  { NULL, N_("Search People"), NULL, NULL, "<Control>f" },
  { NULL, N_("Add a Person"), NULL, NULL, "<Control><Shift>p" },
  { NULL, N_("Remove the Selected Person"), NULL, NULL, "Delete" },
  { N_("Timeline"), NULL, NULL, NULL, NULL },
  { NULL, N_("Choose a Kind of Segment to Add"), N_("In the kinds above the timeline"), NULL, "Left Right" },
  { NULL, N_("Add the Chosen Kind"), NULL, NULL, "Return" },
  { NULL, N_("Move Segment Up"), NULL, NULL, "<Alt>Up" },
  { NULL, N_("Move Segment Down"), NULL, NULL, "<Alt>Down" },
  { NULL, N_("Make an Item of the Segment Above"), NULL, NULL, "<Alt>Right" },
  { NULL, N_("Move an Item out of Its Segment"), NULL, NULL, "<Alt>Left" },
  { NULL, N_("Lengthen by 5 Minutes"), NULL, NULL, "<Alt>equal" },
  { NULL, N_("Shorten by 5 Minutes"), NULL, NULL, "<Alt>minus" },
  { NULL, N_("Lengthen by 1 Minute"), NULL, NULL, "<Alt><Shift>plus" },
  { NULL, N_("Shorten by 1 Minute"), NULL, NULL, "<Alt><Shift>underscore" },
  { NULL, N_("Remove Segment"), NULL, NULL, "Delete" },
  { NULL, N_("Duplicate Segment"), NULL, NULL, "<Control>d" },
  { NULL, N_("Cancel a Drag or Resize"), NULL, NULL, "Escape" },
  { NULL, N_("Zoom In"), NULL, "win.zoom-in", NULL },
  { NULL, N_("Zoom Out"), NULL, "win.zoom-out", NULL },
  { NULL, N_("Fit the Slot to the Window"), NULL, "win.zoom-fit", NULL },
  { N_("Outcomes Checklist"), NULL, NULL, NULL, NULL },
  { NULL, N_("Move Item Up"), NULL, NULL, "<Alt>Up" },
  { NULL, N_("Move Item Down"), NULL, NULL, "<Alt>Down" },
  { NULL, N_("Edit Item Text"), NULL, NULL, "F2" },
  { NULL, N_("Delete Item"), NULL, NULL, "Delete" },
  { N_("General"), NULL, NULL, NULL, NULL },
  { NULL, N_("Go to the Next Part of the Window"), N_("Sidebar, kinds, timeline, details"), "win.next-pane", NULL },
  { NULL, N_("Go to the Previous Part of the Window"), NULL, "win.previous-pane", NULL },
  { NULL, N_("Keyboard Shortcuts"), NULL, "app.shortcuts", NULL },
  { NULL, N_("Help"), NULL, "app.help", NULL },
};

/* A row naming a shortcut, its keys at the end; screen readers hear the
 * keys as the row's description. */
static GtkWidget *
shortcut_row (const char *title,
              const char *subtitle,
              const char *keys)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_shortcut_label_new (keys);
  g_auto(GStrv) each = g_strsplit (keys, " ", -1);
  g_autoptr(GPtrArray) spoken = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *description = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  for (guint i = 0; each[i] != NULL; i++)
    {
      guint key = 0;
      GdkModifierType mods = 0;

      if (gtk_accelerator_parse (each[i], &key, &mods))
        g_ptr_array_add (spoken, gtk_accelerator_get_label (key, mods));
    }
  g_ptr_array_add (spoken, NULL);
  /* TRANSLATORS: between two keys that do the same thing */
  description = g_strjoinv (_(" or "), (char **) spoken->pdata);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return row;
}

GtkWindow *
convene_application_build_shortcuts_window (GtkWindow *parent)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = NULL;
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Keyboard Shortcuts"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 640);
  gtk_widget_set_size_request (window, 300, 294);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, controller);

  for (guint i = 0; i < G_N_ELEMENTS (shortcut_entries); i++)
    {
      g_autofree char *keys = NULL;

      if (shortcut_entries[i].group != NULL)
        {
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(shortcut_entries[i].group));
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
          continue;
        }
      keys = shortcut_entries[i].action != NULL ? accels_of_action (shortcut_entries[i].action)
                                                : g_strdup (shortcut_entries[i].keys);
      g_assert (group != NULL && keys != NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 shortcut_row (_(shortcut_entries[i].title),
                                               shortcut_entries[i].subtitle != NULL ? _(shortcut_entries[i].subtitle) : NULL,
                                               keys));
    }

  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  return GTK_WINDOW (window);
}

static void
show_shortcuts (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  ConveneApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (convene_application_build_shortcuts_window (parent));
}

static void
show_help (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  ConveneApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  convene_ui_show_help (parent, NULL);
}

static void
quit (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  ConveneApplication *self = user_data;
  GList *windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                                     (GCopyFunc) g_object_ref, NULL);

  /* Closing (rather than destroying) lets each window remember its size;
   * every edit is already in the file. (Held: closing a project's window
   * also destroys a message open over it, later in the list.) */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

/* Closing every window closes every project, so the .convene files are left
 * whole, with no edit waiting in a -wal beside them. */
static gboolean
quit_on_signal (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_actions[] = {
  { "new-project", new_project },
  { "open", open_project },
  { "open-example", open_example },
  { "open-file", open_file, "s" },
  { "about", show_about },
  { "shortcuts", show_shortcuts },
  { "help", show_help },
  { "quit", quit },
};


/* The windows' icon is the scalable application icon, which only X11
 * draws: setting it renders that icon at the window manager's sizes, and
 * loads the SVG library to do so, 12 M instructions of the main thread's
 * before the first frame could show the project. So a window added before
 * the icon is set takes it once it has drawn its first frame, and sets it
 * for the windows after it. */
static void
set_window_icon (GdkFrameClock *clock,
                 GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, set_window_icon, window);
  gtk_window_set_icon_name (window, APP_ID);
  if (gtk_window_get_default_icon_name () == NULL)
    gtk_window_set_default_icon_name (APP_ID);
}

static void
window_mapped (GtkWidget *window,
               gpointer   data)
{
  g_signal_handlers_disconnect_by_func (window, window_mapped, data);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (set_window_icon), window, 0);
}

static void
convene_application_window_added (GtkApplication *app,
                                  GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (convene_application_parent_class)->window_added (app, window);
  if (gtk_window_get_default_icon_name () == NULL)
    g_signal_connect (window, "map", G_CALLBACK (window_mapped), NULL);
}

static void
convene_application_startup (GApplication *app)
{
  ConveneApplication *self = CONVENE_APPLICATION (app);

  start_preload (self);
  G_APPLICATION_CLASS (convene_application_parent_class)->startup (app);
  convene_icons_keep_alive ();

  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), app_accels[i].action,
                                           app_accels[i].accels);

  for (guint i = 0; i < G_N_ELEMENTS (quit_signals); i++)
    self->signal_ids[i] = g_unix_signal_add (quit_signals[i], quit_on_signal, self);
}

static void
convene_application_shutdown (GApplication *app)
{
  ConveneApplication *self = CONVENE_APPLICATION (app);

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_ids); i++)
    g_clear_handle_id (&self->signal_ids[i], g_source_remove);
  finish_preload (self, NULL, NULL, NULL);

  G_APPLICATION_CLASS (convene_application_parent_class)->shutdown (app);
}

static void
convene_application_activate (GApplication *app)
{
  ConveneApplication *self = CONVENE_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (convene_window_new (self));
  gtk_window_present (window);
}

static void
convene_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  ConveneApplication *self = CONVENE_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    convene_application_open_project (self, files[i], NULL);
}

static int
run_cli (const char                    *option,
         const char                    *path,
         const char                   **remaining,
         const ConveneCliExportOptions *export_options)
{
  g_autoptr(GFile) other = NULL;
  g_autoptr(GFile) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (remaining == NULL || remaining[0] == NULL || remaining[1] != NULL)
    {
      /* Translators: %s is the option, --export or --import. */
      g_printerr (_("convene: %s needs exactly one PROJECT.convene file after it\n"), option);
      return 1;
    }

  other = g_file_new_for_commandline_arg (path);
  project = g_file_new_for_commandline_arg (remaining[0]);

  if (export_options != NULL)
    ok = convene_cli_export_with_options (project, other, export_options, &error);
  else if (convene_note_cli_is_note (path))
    {
      g_autofree char *report = NULL;

      ok = convene_note_cli_import (other, project, &report, &error);
      if (ok)
        g_print ("%s", report);
    }
  else
    ok = convene_cli_import (other, project, &error);

  if (!ok)
    {
      g_printerr ("convene: %s\n", error->message);
      return 1;
    }
  return 0;
}

static int
run_fit (const char                 **remaining,
         const ConveneCliFitOptions  *fit_options)
{
  g_autoptr(GFile) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  if (remaining == NULL || remaining[0] == NULL || remaining[1] != NULL)
    {
      g_printerr (_("convene: %s needs exactly one PROJECT.convene file after it\n"), "--fit");
      return 1;
    }

  project = g_file_new_for_commandline_arg (remaining[0]);
  if (!convene_cli_fit (project, fit_options, &report, &error))
    {
      g_printerr ("convene: %s\n", error->message);
      return 1;
    }
  g_print ("%s", report);
  return 0;
}

/* Reads the option name, given as bytes in the locale's encoding, into
 * *owned (UTF-8) and *out; says so on one line when it is not text. */
static gboolean
lookup_text_option (GVariantDict  *options,
                    const char    *name,
                    char         **owned,
                    const char   **out)
{
  const char *bytes = NULL;

  if (!g_variant_dict_lookup (options, name, "^&ay", &bytes))
    return TRUE;

  *owned = g_locale_to_utf8 (bytes, -1, NULL, NULL, NULL);
  if (*owned == NULL)
    {
      /* Translators: %s is an option such as --session */
      g_autofree char *message = g_strdup_printf (_("The value of --%s is not text in this computer’s "
                                                    "character set."), name);

      g_printerr ("convene: %s\n", message);
      return FALSE;
    }

  *out = *owned;
  return TRUE;
}

/* Runs before startup: the version and the headless export/import are done
 * here so they need neither a display nor GTK. */
static int
convene_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  ConveneApplication *self = CONVENE_APPLICATION (app);
  g_autofree const char **remaining = NULL;
  const char *export_path = NULL;
  const char *import_path = NULL;
  ConveneCliExportOptions export_options = { 0 };
  g_autofree char *session = NULL;
  g_autofree char *date = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *font_size = NULL;
  g_autofree char *sections = NULL;
  ConveneCliFitOptions fit_options = { 0 };
  g_autofree char *fit_session = NULL;
  g_autofree char *strategy = NULL;
  g_autofree char *step = NULL;
  g_autofree char *priority = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("convene %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  g_variant_dict_lookup (options, "import", "^&ay", &import_path);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);

  if (export_path != NULL && import_path != NULL)
    {
      g_printerr ("convene: %s\n", _("Use either --export or --import, not both."));
      return 1;
    }
  if (!lookup_text_option (options, "session", &session, &export_options.session) ||
      !lookup_text_option (options, "date", &date, &export_options.date) ||
      !lookup_text_option (options, "paper", &paper, &export_options.paper) ||
      !lookup_text_option (options, "font-size", &font_size, &export_options.font_size) ||
      !lookup_text_option (options, "sections", &sections, &export_options.sections))
    return 1;
  export_options.landscape = g_variant_dict_contains (options, "landscape");
  export_options.no_notes = g_variant_dict_contains (options, "no-notes");
  export_options.no_actuals = g_variant_dict_contains (options, "no-actuals");
  if (g_variant_dict_contains (options, "12h") && g_variant_dict_contains (options, "24h"))
    {
      g_printerr ("convene: %s\n", _("Use either --12h or --24h, not both."));
      return 1;
    }
  if (g_variant_dict_contains (options, "12h"))
    export_options.clock = CONVENE_CLI_CLOCK_12H;
  else if (g_variant_dict_contains (options, "24h"))
    export_options.clock = CONVENE_CLI_CLOCK_24H;

  if (!lookup_text_option (options, "fit", &fit_session, &fit_options.session) ||
      !lookup_text_option (options, "strategy", &strategy, &fit_options.strategy) ||
      !lookup_text_option (options, "step", &step, &fit_options.step) ||
      !lookup_text_option (options, "priority", &priority, &fit_options.priority))
    return 1;
  fit_options.apply = g_variant_dict_contains (options, "apply");
  if (fit_options.session != NULL && (export_path != NULL || import_path != NULL))
    {
      g_printerr ("convene: %s\n", _("Use --fit on its own, not with --export or --import."));
      return 1;
    }
  if (fit_options.session != NULL)
    return run_fit (remaining, &fit_options);
  /* Fit options without --fit would be silently ignored. */
  if (fit_options.strategy != NULL || fit_options.step != NULL || fit_options.priority != NULL ||
      fit_options.apply)
    {
      g_printerr ("convene: %s\n", _("--strategy, --step, --priority and --apply need --fit=SESSION."));
      return 1;
    }

  if (export_path != NULL)
    return run_cli ("--export", export_path, remaining, &export_options);

  /* Run-sheet options without an export would be silently ignored. */
  if (export_options.session || export_options.date || export_options.paper ||
      export_options.font_size || export_options.sections || export_options.landscape ||
      export_options.no_notes || export_options.no_actuals || export_options.clock != CONVENE_CLI_CLOCK_LOCALE)
    {
      g_printerr ("convene: %s\n",
                  _("The run-sheet options need --export=FILE.pdf."));
      return 1;
    }
  if (import_path != NULL)
    return run_cli ("--import", import_path, remaining, NULL);

  if (remaining != NULL && remaining[0] != NULL)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      /* Our G_OPTION_REMAINING entry takes the file arguments away from
       * GApplication, so hand them to the (possibly remote) instance here. */
      for (guint i = 0; remaining[i] != NULL; i++)
        g_ptr_array_add (files, g_file_new_for_commandline_arg (remaining[i]));
      g_set_object (&self->preload_file, files->pdata[0]);

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("convene: %s\n", error->message);
          return 1;
        }
      g_application_open (app, (GFile **) files->pdata, files->len, "");

      /* A remote instance now has the files; the first instance goes on to
       * run (its activation only presents the window just opened). */
      return g_application_get_is_remote (app) ? 0 : -1;
    }

  return -1;
}

static void
convene_application_dispose (GObject *object)
{
  ConveneApplication *self = CONVENE_APPLICATION (object);

  finish_preload (self, NULL, NULL, NULL);
  g_clear_object (&self->preload_file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (convene_application_parent_class)->dispose (object);
}

static void
convene_application_class_init (ConveneApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = convene_application_dispose;

  app_class->startup = convene_application_startup;
  app_class->shutdown = convene_application_shutdown;
  app_class->activate = convene_application_activate;
  app_class->open = convene_application_open;
  gtk_app_class->window_added = convene_application_window_added;
  app_class->handle_local_options = convene_application_handle_local_options;
}

static void
convene_application_init (ConveneApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan the running order of events.\n\n"
                                              "Without options, opens the given projects in the window.\n"
                                              "  convene --export=OUT.json PROJECT.convene   writes the project as JSON\n"
                                              "  convene --export=OUT.pdf PROJECT.convene    writes its run sheet as PDF\n"
                                              "  convene --import=IN.json PROJECT.convene    creates PROJECT from the JSON\n"
                                              "  convene --import=NOTE.docx PROJECT.convene  adds a concept note (.txt, .md, .odt, .docx, .pdf) as a session\n"
                                              "  convene --import=IN.xml PROJECT.convene     imports a conference schedule into PROJECT\n"
                                              "  convene --fit=SESSION PROJECT.convene       proposes lengths that fit its slot\n"
                                              "Export, import and fit need no display."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("The run-sheet options apply only to --export=FILE.pdf. "
                                                  "--import=FILE.json refuses to replace an existing project file; "
                                                  "a concept note is added to the project, which is created when missing; "
                                                  "--import=FILE.xml adds to it as one undoable step, updating the "
                                                  "events it already holds. "
                                                  "The exit status is 0 on success; on failure a one-line "
                                                  "message is printed and the status is 1."));
}

ConveneApplication *
convene_application_new (void)
{
  return g_object_new (CONVENE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/convene/Convene",
                       NULL);
}
