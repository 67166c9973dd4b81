#define G_LOG_DOMAIN "convene-window"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-concept-note-dialog.h"
#include "convene-exchange.h"
#include "convene-live-view.h"
#include "convene-new-session-dialog.h"
#include "convene-print.h"
#include "convene-project-files.h"
#include "convene-project-view.h"
#include "convene-start-page.h"
#include "convene-ui-util.h"
#include "convene-window.h"

struct _ConveneWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkMenuButton      *menu_button;
  GMenuModel         *primary_menu;
  GtkWidget          *undo_button;
  GtkWidget          *redo_button;
  AdwWindowTitle     *window_title;
  GtkRevealer        *read_only_revealer;
  GtkLabel           *read_only_label;
  GtkWidget          *save_copy_button;
  GtkStack           *stack;
  AdwBin             *start_page;  /* holds the start page once built */
  ConveneProjectView *project_view;

  /* owned */
  GSettings          *settings;
  ConveneDocument    *document;
  /* borrowed from the document, watched for its title */
  ConveneProject     *project;
  /* The planner chose to close although the file went away. */
  gboolean            close_confirmed;
  /* Close once the copy asked for on closing is saved. */
  gboolean            close_after_copy;
};

G_DEFINE_FINAL_TYPE (ConveneWindow, convene_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (ConveneWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *shown_name = NULL;
  const char *title;

  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Convene"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Convene"));
      return;
    }

  name = g_file_get_basename (convene_document_get_file (self->document));
  title = convene_project_get_title (self->project);
  if (title == NULL || title[0] == '\0')
    title = _("Untitled Project");

  shown = convene_ui_dup_shown_text (title);
  shown_name = convene_ui_dup_shown_text (name);
  adw_window_title_set_title (self->window_title, shown);
  adw_window_title_set_subtitle (self->window_title, shown_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_actions (ConveneWindow *self)
{
  gboolean has_document = self->document != NULL;
  gboolean writable = has_document && !convene_document_get_read_only (self->document);
  gboolean can_undo = FALSE;
  gboolean can_redo = FALSE;
  gboolean has_session = has_document && convene_project_view_get_session (self->project_view) != NULL;

  if (has_document)
    g_object_get (self->document, "can-undo", &can_undo, "can-redo", &can_redo, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", writable && can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", writable && can_redo);
  {
    ConveneHistory *history = has_document ? convene_document_get_history (self->document) : NULL;
    const char *undo_label = history != NULL ? convene_history_get_undo_label (history) : NULL;
    const char *redo_label = history != NULL ? convene_history_get_redo_label (history) : NULL;
    /* Translators: the Undo button's tooltip, %s what it undoes: "Undo Change Length". */
    g_autofree char *undo = undo_label != NULL ? g_strdup_printf (_("Undo %s"), undo_label) : g_strdup (_("Undo"));
    /* Translators: the Redo button's tooltip, %s what it redoes: "Redo Change Length". */
    g_autofree char *redo = redo_label != NULL ? g_strdup_printf (_("Redo %s"), redo_label) : g_strdup (_("Redo"));

    gtk_widget_set_tooltip_text (self->undo_button, undo);
    gtk_widget_set_tooltip_text (self->redo_button, redo);
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-session", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-blank-session", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-concept-note", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-schedule", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-session", has_session && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-session", has_session && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-session-up", has_session && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-session-down", has_session && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-session-format", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.run-live", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-runsheet", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-programme", has_document);
}

/* Whether the project's file was moved or deleted while it was open. */
static gboolean
file_gone (ConveneWindow *self)
{
  return self->document != NULL &&
         convene_document_get_file_state (self->document) != CONVENE_STORE_FILE_IN_PLACE;
}

static void
update_read_only (ConveneWindow *self)
{
  gboolean read_only = self->document != NULL && convene_document_get_read_only (self->document);

  gtk_widget_set_visible (self->save_copy_button, read_only && file_gone (self));
  if (read_only)
    {
      const char *reason = convene_document_get_read_only_reason (self->document);
      g_autofree char *text = NULL;

      /* That reason says what happened and what to do, next to the button. */
      if (file_gone (self))
        text = g_strdup (reason);
      else if (reason != NULL && reason[0] != '\0')
        /* Translators: %s is the reason, a sentence such as "The file is read-only." */
        text = g_strdup_printf (_("This project is open read-only: changes cannot be saved. %s"), reason);
      else
        text = g_strdup (_("This project is open read-only: changes cannot be saved."));
      gtk_label_set_text (self->read_only_label, text);
    }

  gtk_revealer_set_reveal_child (self->read_only_revealer, read_only);
  update_actions (self);
}

static void
show_toast_for_error (ConveneWindow *self,
                      const GError  *error)
{
  g_autofree char *shown = convene_ui_dup_shown_text (error->message);
  g_autofree char *escaped = g_markup_escape_text (shown, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  convene_ui_add_toast (self->toast_overlay, toast);
}

/* A short toast naming what Undo or Redo did, replacing the last one so
 * that pressing Ctrl+Z ten times does not queue ten toasts. */
G_GNUC_PRINTF (2, 3)
static void
show_done_toast (ConveneWindow *self,
                 const char    *format,
                 ...)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 2);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  convene_ui_add_toast (self->toast_overlay, toast);
}

/* F6 and Shift+F6: from pane to pane of the project's page. */
static void
pane_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);

  convene_project_view_focus_next_pane (self->project_view, g_str_equal (action_name, "win.previous-pane"));
}

/* The zoom keys reach the timeline wherever the keyboard is, while the
 * running order is shown (its buttons use the timeline's own actions). */
static void
zoom_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);
  GtkWidget *timeline = convene_project_view_get_timeline (self->project_view);
  g_autofree char *name = g_strconcat ("timeline.", action_name + strlen ("win."), NULL);

  if (gtk_widget_get_mapped (timeline))
    gtk_widget_activate_action (timeline, name, NULL);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (self->document == NULL)
    return;
  label = g_strdup (convene_history_get_undo_label (convene_document_get_history (self->document)));
  if (!convene_document_undo (self->document, &error))
    show_toast_for_error (self, error);
  else if (label != NULL)
    /* Translators: a toast once an edit is undone: "Undone: Change Length". */
    show_done_toast (self, _("Undone: %s"), label);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (self->document == NULL)
    return;
  label = g_strdup (convene_history_get_redo_label (convene_document_get_history (self->document)));
  if (!convene_document_redo (self->document, &error))
    show_toast_for_error (self, error);
  else if (label != NULL)
    /* Translators: a toast once an edit is redone: "Redone: Change Length". */
    show_done_toast (self, _("Redone: %s"), label);
}

static void
format_chosen (ConveneNewSessionDialog *dialog,
               ConveneFormat           *format,
               ConveneWindow           *self)
{
  convene_project_view_add_session_from_format (self->project_view, format);
}

/* "New Session": the planner picks the format it starts from. */
static void
add_session_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);
  ConveneNewSessionDialog *dialog;

  if (self->document == NULL || convene_document_get_read_only (self->document))
    return;

  dialog = convene_new_session_dialog_new (GTK_WINDOW (self));
  g_signal_connect_object (dialog, "format-chosen", G_CALLBACK (format_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
concept_note_imported (ConveneConceptNoteDialog *dialog,
                       ConveneSession           *session,
                       ConveneWindow            *self)
{
  convene_project_view_select_session (self->project_view, session);
}

static ConveneConceptNoteDialog *
open_concept_note_dialog (ConveneWindow *self)
{
  ConveneConceptNoteDialog *dialog = convene_concept_note_dialog_new (GTK_WINDOW (self), self->document);

  g_signal_connect_object (dialog, "imported", G_CALLBACK (concept_note_imported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* "Import Concept Note…": a new session from the note a planner was sent. */
static void
import_concept_note_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);

  if (convene_ui_is_writable (self->document))
    open_concept_note_dialog (self);
}

/* A file dropped on the project opens it in the same dialog. */
static gboolean
file_dropped (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              ConveneWindow *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL || !convene_ui_is_writable (self->document))
    return FALSE;
  convene_concept_note_dialog_load_file (open_concept_note_dialog (self), files->data);
  return TRUE;
}

static void
add_blank_session_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  convene_project_view_add_session (CONVENE_WINDOW (widget)->project_view);
}

static void
duplicate_session_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  convene_project_view_duplicate_session (CONVENE_WINDOW (widget)->project_view);
}

/* Runs the session shown live, in a window of its own; one per session. */
static void
run_live_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);
  ConveneSession *session = convene_project_view_get_session (self->project_view);
  ConveneLiveView *view;

  if (session == NULL || self->document == NULL)
    return;
  view = convene_live_view_find (session);
  if (view == NULL)
    view = convene_live_view_new (GTK_WINDOW (self), self->document, session, NULL, NULL);
  gtk_window_present (GTK_WINDOW (view));
}

static void
move_session_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  convene_project_view_move_session (CONVENE_WINDOW (widget)->project_view,
                                     g_str_equal (action_name, "win.move-session-up") ? -1 : 1);
}

static void
save_format_response (AdwMessageDialog *dialog,
                      const char       *response,
                      ConveneWindow    *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  ConveneSession *session = convene_project_view_get_session (self->project_view);
  g_autoptr(ConveneFormat) format = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "save") || session == NULL)
    return;

  format = convene_format_new_from_session (session, gtk_editable_get_text (entry), &error);
  if (format == NULL || !convene_format_save (format, NULL, &error))
    {
      show_toast_for_error (self, error);
      return;
    }

  shown = convene_ui_dup_shown_text (convene_format_get_name (format));
  /* Translators: %s is the name of the session format just saved. */
  message = g_markup_printf_escaped (_("Saved the format “%s”"), shown);
  convene_ui_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
save_format_name_changed (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", name[0] != '\0');
}

/* "Save Session as Format…": asks for a name, proposing the session's title. */
static void
save_session_format_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);
  ConveneSession *session = convene_project_view_get_session (self->project_view);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (session == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Session as Format"),
                                   _("New sessions can start from this session’s segments, items, "
                                     "lengths, notes and cues. People and outcomes are not part of a format."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  convene_ui_editable_show_stored (GTK_EDITABLE (entry), convene_session_get_title (session));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Format name"), -1);
  gtk_widget_set_name (entry, "format_name_entry");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (entry, "changed", G_CALLBACK (save_format_name_changed), dialog, 0);
  save_format_name_changed (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_format_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
remove_session_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  convene_project_view_remove_session (CONVENE_WINDOW (widget)->project_view);
}

static void
save_copy_response (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(ConveneWindow) self = user_data;
  g_autoptr(GtkNativeDialog) owned = GTK_NATIVE_DIALOG (dialog);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (response != GTK_RESPONSE_ACCEPT || self->document == NULL)
    {
      self->close_after_copy = FALSE;
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file == NULL)
    {
      self->close_after_copy = FALSE;
      return;
    }

  name = g_file_get_basename (file);

  /* The file went away: the copy is where the work goes on. */
  if (file_gone (self))
    {
      if (!convene_document_save_as (self->document, file, &error))
        {
          show_toast_for_error (self, error);
          return;
        }
      convene_project_files_remember (self->settings, file);
      if (self->close_after_copy)
        {
          gtk_window_close (GTK_WINDOW (self));
          return;
        }
      /* Translators: %s is a file name. */
      message = g_markup_printf_escaped (_("Saved a copy as “%s”; changes now go there"), name);
      convene_ui_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  if (!convene_document_save_copy (self->document, file, &error))
    {
      show_toast_for_error (self, error);
      return;
    }

  /* Translators: %s is a file name. */
  message = g_markup_printf_escaped (_("Saved a copy as “%s”"), name);
  convene_ui_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
save_copy_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, _("Convene Projects"));
  gtk_file_filter_add_pattern (filter, "*.convene");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  name = g_file_get_basename (convene_document_get_file (self->document));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (save_copy_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);

  if (self->document != NULL)
    convene_print_show_dialog (self, self->project,
                               convene_project_view_get_session (self->project_view),
                               self->settings);
}

static void
export_runsheet_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);

  if (self->document != NULL)
    convene_print_export_pdf (self, self->project,
                              convene_project_view_get_session (self->project_view),
                              self->settings);
}

static void
export_programme_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);

  if (self->document != NULL)
    convene_exchange_export (GTK_WIDGET (self->project_view), self->project,
                             g_variant_get_string (parameter, NULL));
}

/* "Import Schedule…": the schedule XML of a conference planned in frab,
 * pretalx or Indico. */
static void
import_schedule_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ConveneWindow *self = CONVENE_WINDOW (widget);

  if (convene_ui_is_writable (self->document))
    convene_exchange_import_schedule (GTK_WIDGET (self->project_view), self->document);
}

static void
document_notify (ConveneWindow *self,
                 GParamSpec    *pspec,
                 GObject       *document)
{
  if (g_strcmp0 (pspec->name, "read-only") == 0 ||
      g_strcmp0 (pspec->name, "read-only-reason") == 0)
    update_read_only (self);
  else if (g_strcmp0 (pspec->name, "file") == 0)
    update_title (self);
  else
    update_actions (self);
}

/* A project in the app's own folder is named after its title: when the
 * title changes (or an undo brings an old one back) the file follows. The
 * project goes on in the renamed file; a rename refused (a name taken a
 * moment ago, the file system) only leaves the old name, so it is not
 * worth interrupting the planner for. */
static void
follow_title (ConveneWindow *self)
{
  GFile *file = convene_document_get_file (self->document);
  g_autoptr(GFile) old_file = g_object_ref (file);
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GError) error = NULL;

  if (!convene_ui_is_writable (self->document))
    return;
  dest = convene_project_files_file_for_title (file, convene_project_get_title (self->project));
  if (dest == NULL)
    return;
  if (!convene_document_rename (self->document, dest, &error))
    {
      g_debug ("The project keeps its file name: %s", error->message);
      return;
    }
  convene_project_files_forget (self->settings, old_file);
  convene_project_files_remember (self->settings, dest);
}

/* Coming back to the window is when a file moved meanwhile is noticed,
 * before the planner types anything. */
static void
active_changed (ConveneWindow *self,
                GParamSpec    *pspec,
                gpointer       user_data)
{
  if (self->document != NULL && gtk_window_is_active (GTK_WINDOW (self)))
    convene_document_check_file (self->document);
}

static gboolean
close_confirmed_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_gone_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ConveneWindow    *self)
{
  /* The window goes once the dialog, which belongs to it, is done. */
  if (g_str_equal (response, "close"))
    {
      self->close_confirmed = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_confirmed_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_copy = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save-copy", NULL);
    }
}

/* Closing a project whose file went away asks first: a deleted file's
 * contents exist nowhere else, and a moved one is not where the planner
 * will look for it. */
static void
ask_before_closing (ConveneWindow *self)
{
  gboolean deleted = convene_document_get_file_state (self->document) == CONVENE_STORE_FILE_DELETED;
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   deleted ? _("Save the Project Before Closing?")
                                           : _("Save a Copy Before Closing?"),
                                   convene_document_get_read_only_reason (self->document));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "close", deleted ? _("Close _Without Saving") : _("_Close"),
                                    "save", _("_Save a Copy…"),
                                    NULL);
  if (deleted)
    adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                                ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_gone_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
disconnect_document (ConveneWindow *self)
{
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  self->project = NULL;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      convene_project_view_set_document (self->project_view, NULL);
      convene_document_close (self->document);
      g_clear_object (&self->document);
    }
  self->close_confirmed = FALSE;
  self->close_after_copy = FALSE;
}

void
convene_window_set_document (ConveneWindow   *self,
                             ConveneDocument *document)
{
  g_return_if_fail (CONVENE_IS_WINDOW (self));
  g_return_if_fail (document == NULL || CONVENE_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  disconnect_document (self);

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->project = convene_document_get_project (document);
      g_signal_connect_object (document, "notify", G_CALLBACK (document_notify),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->project, "notify::title", G_CALLBACK (update_title),
                               self, G_CONNECT_SWAPPED);
      /* After the views: the file is renamed once everything shows the edit. */
      g_signal_connect_object (document, "changed", G_CALLBACK (follow_title),
                               self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      /* What Undo and Redo would act on changes with every edit, while
       * whether they can stays the same. */
      g_signal_connect_object (convene_document_get_history (document), "notify::undo-label",
                               G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (convene_document_get_history (document), "notify::redo-label",
                               G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
    }

  convene_project_view_set_document (self->project_view, document);
  gtk_stack_set_visible_child_name (self->stack, document != NULL ? "project" : "start");
  gtk_widget_set_visible (self->undo_button, document != NULL);
  gtk_widget_set_visible (self->redo_button, document != NULL);

  update_title (self);
  update_read_only (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

ConveneDocument *
convene_window_get_document (ConveneWindow *self)
{
  g_return_val_if_fail (CONVENE_IS_WINDOW (self), NULL);

  return self->document;
}

static gboolean
quit_when_idle (gpointer data)
{
  g_action_group_activate_action (G_ACTION_GROUP (data), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
quit_application (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   data)
{
  /* Once the key has been handled: quitting closes the window under the
   * message, which destroys the message that is handling the key. */
  g_idle_add_full (G_PRIORITY_DEFAULT, quit_when_idle, g_object_ref (data), g_object_unref);
  return TRUE;
}

/* A message is a window of its own, outside the application's: it takes
 * the application's quit shortcuts (Ctrl+Q) too, so that quitting works
 * while it is open. */
static void
quit_from (GtkWidget      *dialog,
           GtkApplication *application)
{
  g_auto(GStrv) accels = NULL;
  GtkEventController *controller;

  if (application == NULL)
    return;
  accels = gtk_application_get_accels_for_action (application, "app.quit");
  controller = gtk_shortcut_controller_new ();
  for (guint i = 0; accels[i] != NULL; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accels[i]),
                                                            gtk_callback_action_new (quit_application,
                                                                                     application, NULL)));
  gtk_widget_add_controller (dialog, controller);
}

void
convene_window_show_error (ConveneWindow *self,
                           const char    *heading,
                           const char    *message)
{
  GtkWidget *dialog;

  g_return_if_fail (CONVENE_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  quit_from (dialog, gtk_window_get_application (GTK_WINDOW (self)));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
convene_window_add_toast (ConveneWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (CONVENE_IS_WINDOW (self));

  convene_ui_add_toast (self->toast_overlay, toast);
}

static gboolean
convene_window_close_request (GtkWindow *window)
{
  ConveneWindow *self = CONVENE_WINDOW (window);
  int width, height;

  if (self->document != NULL && !self->close_confirmed &&
      convene_document_check_file (self->document) != CONVENE_STORE_FILE_IN_PLACE)
    {
      ask_before_closing (self);
      return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  /* Every edit is already in the file; closing only releases it. */
  disconnect_document (self);

  return GTK_WINDOW_CLASS (convene_window_parent_class)->close_request (window);
}

static void
convene_window_dispose (GObject *object)
{
  ConveneWindow *self = CONVENE_WINDOW (object);

  disconnect_document (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (convene_window_parent_class)->dispose (object);
}

static void
convene_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ConveneWindow *self = CONVENE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ConveneWindow *self = CONVENE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      convene_window_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The start page is built the first time the window shows it: a window
 * opened on a project may never need it. */
static void
ensure_start_page (ConveneWindow *self)
{
  if (adw_bin_get_child (self->start_page) == NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "start") == 0)
    adw_bin_set_child (self->start_page, g_object_new (CONVENE_TYPE_START_PAGE, NULL));
}

static void
convene_window_map (GtkWidget *widget)
{
  ensure_start_page (CONVENE_WINDOW (widget));
  GTK_WIDGET_CLASS (convene_window_parent_class)->map (widget);
}

static void
convene_window_class_init (ConveneWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = convene_window_dispose;
  object_class->get_property = convene_window_get_property;
  object_class->set_property = convene_window_set_property;
  widget_class->map = convene_window_map;
  window_class->close_request = convene_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CONVENE_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CONVENE_TYPE_START_PAGE);
  g_type_ensure (CONVENE_TYPE_PROJECT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/convene-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, save_copy_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, ConveneWindow, project_view);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.next-pane", NULL, pane_activated);
  gtk_widget_class_install_action (widget_class, "win.previous-pane", NULL, pane_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "win.add-session", NULL, add_session_activated);
  gtk_widget_class_install_action (widget_class, "win.remove-session", NULL, remove_session_activated);
  gtk_widget_class_install_action (widget_class, "win.add-blank-session", NULL, add_blank_session_activated);
  gtk_widget_class_install_action (widget_class, "win.import-concept-note", NULL, import_concept_note_activated);
  gtk_widget_class_install_action (widget_class, "win.import-schedule", NULL, import_schedule_activated);
  gtk_widget_class_install_action (widget_class, "win.duplicate-session", NULL, duplicate_session_activated);
  gtk_widget_class_install_action (widget_class, "win.move-session-up", NULL, move_session_activated);
  gtk_widget_class_install_action (widget_class, "win.move-session-down", NULL, move_session_activated);
  gtk_widget_class_install_action (widget_class, "win.save-session-format", NULL, save_session_format_activated);
  gtk_widget_class_install_action (widget_class, "win.run-live", NULL, run_live_activated);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_activated);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "win.export-runsheet", NULL, export_runsheet_activated);
  gtk_widget_class_install_action (widget_class, "win.export-programme", "s", export_programme_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}

/* The main menu's popover is built when it first opens (F10 or a click). */
static void
build_primary_menu (GtkMenuButton *button,
                    gpointer       data)
{
  ConveneWindow *self = data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
convene_window_init (ConveneWindow *self)
{
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, build_primary_menu, self, NULL);

  self->settings = g_settings_new (APP_ID);
  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 294));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (self->project_view, "notify::session", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed), NULL);
  g_signal_connect_object (self->stack, "notify::visible-child-name", G_CALLBACK (ensure_start_page),
                           self, G_CONNECT_SWAPPED);

  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect_object (drop, "drop", G_CALLBACK (file_dropped), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->project_view), GTK_EVENT_CONTROLLER (drop));
  }

  update_actions (self);
}

ConveneWindow *
convene_window_new (ConveneApplication *application)
{
  return g_object_new (CONVENE_TYPE_WINDOW, "application", application, NULL);
}
