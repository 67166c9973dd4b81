#define G_LOG_DOMAIN "convene-concept-note-dialog"
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "convene-clock.h"
#include "convene-concept-note.h"
#include "convene-concept-note-dialog.h"
#include "convene-note-files.h"
#include "convene-ui-util.h"

/* A concept note file larger than this is not one, even a Word file with
 * pictures in it. */
#define MAX_FILE_BYTES (64 * 1024 * 1024)

struct _ConveneConceptNoteDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkTextView        *text_view;
  GtkBox             *preview_box;
  GtkLabel           *status_label;

  /* owned */
  ConveneDocument    *document;
  ConveneConceptNote *note;          /* what the text reads as, or NULL */
  char               *fallback_title; /* the file's name, for a note with no title */
  GPtrArray          *groups;        /* the preview's groups, rebuilt with the text */
  GCancellable       *cancellable;
  guint               parse_source;
};

G_DEFINE_FINAL_TYPE (ConveneConceptNoteDialog, convene_concept_note_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The preview */

static char *
describe_minutes (ConveneNotePart *part)
{
  int minutes = convene_note_part_get_minutes (part);

  if (minutes == CONVENE_NOTE_NO_MINUTES)
    return g_strdup (_("length not given"));
  if (part->shared)
    /* Translators: the length of a talk the note does not time, an even
     * share of its panel's minutes: "10 min, a share of the part". */
    return g_strdup_printf (_("%u min, a share of the part"), (guint) minutes);
  /* Translators: how long a part lasts, in minutes ("10 min"). */
  return g_strdup_printf (_("%u min"), (guint) minutes);
}

static GtkWidget *
add_group (ConveneConceptNoteDialog *self,
           const char               *title,
           const char               *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->preview_box, group);
  g_ptr_array_add (self->groups, group);
  return group;
}

static void
set_row_text (GtkWidget  *row,
              const char *title,
              const char *subtitle)
{
  g_autofree char *shown_title = convene_ui_dup_shown_text (title);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shown_title);
  if (ADW_IS_ACTION_ROW (row))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
    }
  else
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  set_row_text (row, title, subtitle);
  return row;
}

static char *
part_subtitle (ConveneNotePart *part)
{
  g_autofree char *minutes = describe_minutes (part);

  /* Translators: a part of the imported programme: its kind and length, "Panel · 60 min". */
  return g_strdup_printf (_("%s · %s"), convene_segment_kind_get_label (part->kind), minutes);
}

static void
fill_summary (ConveneConceptNoteDialog *self)
{
  ConveneConceptNote *note = self->note;
  const char *title = note->title[0] != '\0' ? note->title
                      : self->fallback_title != NULL ? self->fallback_title : _("Concept Note");
  guint planned = convene_concept_note_get_planned_minutes (note);
  GtkWidget *group = add_group (self, _("New Session"), NULL);
  g_autofree char *length = NULL;

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (title, _("Title")));

  if (planned == 0 && note->slot_minutes != CONVENE_NOTE_NO_MINUTES)
    /* Translators: a programme whose parts give no minutes, in a slot of %d minutes. */
    length = g_strdup_printf (_("No part states its length; the slot is %d minutes"), note->slot_minutes);
  else if (note->slot_minutes != CONVENE_NOTE_NO_MINUTES)
    /* Translators: the programme's minutes against the session's slot. */
    length = g_strdup_printf (_("%u min planned in a %d-minute slot"), planned, note->slot_minutes);
  else if (planned > 0)
    /* Translators: the programme's minutes when the note states no slot. */
    length = g_strdup_printf (_("%u min planned; the note states no slot"), planned);
  else
    length = g_strdup (_("No part states its length"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (length, _("Length")));

  if (note->date[0] != '\0' || note->start_time != CONVENE_NOTE_NO_TIME)
    {
      g_autofree char *date = note->date[0] != '\0'
                              /* Translators: a date as in "Tuesday 9 June 2026" (g_date_time_format). */
                              ? convene_ui_format_date (note->date, _("%A %-d %B %Y")) : g_strdup ("");
      g_autofree char *when = NULL;

      if (note->start_time != CONVENE_NOTE_NO_TIME)
        {
          g_autoptr(GDateTime) time = g_date_time_new_utc (2000, 1, 1, note->start_time / 60,
                                                           note->start_time % 60, 0);
          gboolean use_12h = convene_clock_get_use_12h (convene_clock_get_default ());
          g_autofree char *clock = g_date_time_format (time, use_12h ? "%-I:%M %p" : "%H:%M");

          /* Translators: when the session starts: a date and a time. */
          when = date[0] != '\0' ? g_strdup_printf (_("%s at %s"), date, clock) : g_strdup (clock);
        }
      else
        when = g_strdup (date);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (when, _("When")));
    }
  if (note->venue[0] != '\0')
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (note->venue, _("Venue")));
}

static void
fill_parts (ConveneConceptNoteDialog *self)
{
  GPtrArray *parts = self->note->parts;
  GtkWidget *group;

  if (parts->len == 0)
    return;
  group = add_group (self, _("Segments"), NULL);
  for (guint i = 0; i < parts->len; i++)
    {
      ConveneNotePart *part = g_ptr_array_index (parts, i);
      g_autofree char *subtitle = part_subtitle (part);
      GtkWidget *row;

      if (part->items->len == 0)
        {
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (part->title, subtitle));
          continue;
        }
      row = adw_expander_row_new ();
      set_row_text (row, part->title, subtitle);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      for (guint j = 0; j < part->items->len; j++)
        {
          ConveneNotePart *item = g_ptr_array_index (part->items, j);
          g_autofree char *item_subtitle = part_subtitle (item);

          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (item->title, item_subtitle));
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static const char *
place_of (ConveneConceptNote *note,
          ConveneNoteRole    *role)
{
  ConveneNotePart *part;

  if (role->part < 0)
    return _("the session");
  part = g_ptr_array_index (note->parts, role->part);
  if (role->item >= 0)
    part = g_ptr_array_index (part->items, role->item);
  return part->title;
}

static void
fill_people (ConveneConceptNoteDialog *self)
{
  ConveneConceptNote *note = self->note;
  ConveneProject *project = convene_document_get_project (self->document);
  GtkWidget *group;

  if (note->people->len == 0)
    return;
  group = add_group (self, _("People"), NULL);
  for (guint i = 0; i < note->people->len; i++)
    {
      ConveneNotePerson *person = g_ptr_array_index (note->people, i);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *name = person->honorific[0] != '\0'
                              ? g_strconcat (person->honorific, " ", person->name, NULL)
                              : g_strdup (person->name);

      if (person->job_title[0] != '\0' || person->organisation[0] != '\0')
        {
          g_string_append (subtitle, person->job_title);
          if (person->job_title[0] != '\0' && person->organisation[0] != '\0')
            g_string_append (subtitle, ", ");
          g_string_append (subtitle, person->organisation);
          g_string_append_c (subtitle, '\n');
        }
      for (guint j = 0, n = 0; j < note->roles->len; j++)
        {
          ConveneNoteRole *role = g_ptr_array_index (note->roles, j);

          if (role->person != i)
            continue;
          if (n++ > 0)
            g_string_append (subtitle, "; ");
          /* Translators: a person's role and where: "Moderator, III. Moderated discussion". */
          g_string_append_printf (subtitle, _("%s, %s"), convene_role_get_label (role->role),
                                  place_of (note, role));
        }
      if (convene_concept_note_find_person (project, person) != NULL)
        {
          g_string_append_c (subtitle, '\n');
          g_string_append (subtitle, _("Already on the roster"));
        }
      {
        g_autofree char *shown = convene_ui_dup_shown_text (subtitle->str);

        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (name, shown));
      }
    }
}

static void
fill_checklist (ConveneConceptNoteDialog *self)
{
  GPtrArray *outcomes = self->note->outcomes;
  GtkWidget *group;

  if (outcomes->len == 0)
    return;
  group = add_group (self, _("Checklist"), NULL);
  for (guint i = 0; i < outcomes->len; i++)
    {
      ConveneNoteOutcome *outcome = g_ptr_array_index (outcomes, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 text_row (outcome->text, convene_outcome_kind_get_label (outcome->kind)));
    }
}

static char *
buffer_text (ConveneConceptNoteDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_preview (ConveneConceptNoteDialog *self)
{
  g_autofree char *text = buffer_text (self);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->preview_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_clear_pointer (&self->note, convene_concept_note_free);

  self->note = convene_concept_note_parse (text, -1, &error);
  if (self->note == NULL)
    {
      gtk_label_set_text (self->status_label,
                          text[0] == '\0'
                          ? _("Paste the text of the concept note above, or choose a file (.txt, .md, "
                              ".docx or .odt). What it will become is shown here before anything is created.")
                          : error->message);
    }
  else
    {
      gtk_label_set_text (self->status_label,
                          _("This is what Import will create. Parts whose length is not given start "
                            "empty, for you to fill in."));
      fill_summary (self);
      fill_parts (self);
      fill_people (self);
      fill_checklist (self);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "note.import",
                                 self->note != NULL && convene_ui_is_writable (self->document));
}

static gboolean
parse_idle (gpointer data)
{
  ConveneConceptNoteDialog *self = data;

  self->parse_source = 0;
  update_preview (self);
  return G_SOURCE_REMOVE;
}

/* Reading once typing or pasting pauses, not at each key. */
static void
text_changed (ConveneConceptNoteDialog *self)
{
  if (self->parse_source == 0)
    self->parse_source = g_idle_add_full (G_PRIORITY_LOW, parse_idle, self, NULL);
}

/* Files */

static void
show_message (ConveneConceptNoteDialog *self,
              const char               *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  /* What went wrong with the last file is what matters, at once. */
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  convene_ui_add_toast (self->toast_overlay, toast);
}

static void
file_loaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ConveneConceptNoteDialog *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *shown_name = NULL;
  g_autofree char *message = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = CONVENE_CONCEPT_NOTE_DIALOG (user_data);
  name = g_file_get_basename (G_FILE (source));
  shown_name = convene_ui_dup_shown_text (name);

  if (error != NULL)
    /* Translators: %s is a file name, then the reason. */
    message = g_strdup_printf (_("“%s” could not be read: %s"), shown_name, error->message);
  else if (length > MAX_FILE_BYTES)
    /* Translators: %s is a file name. */
    message = g_strdup_printf (_("“%s” is far larger than a concept note."), shown_name);
  else
    {
      text = convene_note_extract_text (contents, length, name, &error);
      if (text == NULL)
        /* Translators: %s is a file name, then a sentence saying why. */
        message = g_strdup_printf (_("“%s” cannot be imported. %s"), shown_name, error->message);
    }

  if (message != NULL)
    {
      show_message (self, message);
      return;
    }

  g_free (self->fallback_title);
  self->fallback_title = g_strdup (name);
  if (strrchr (self->fallback_title, '.') != NULL && strrchr (self->fallback_title, '.') != self->fallback_title)
    *strrchr (self->fallback_title, '.') = '\0';
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}

void
convene_concept_note_dialog_load_file (ConveneConceptNoteDialog *self,
                                       GFile                    *file)
{
  g_return_if_fail (CONVENE_IS_CONCEPT_NOTE_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_file_load_contents_async (file, self->cancellable, file_loaded, self);
}

static void
open_response (GtkNativeDialog *chooser,
               int              response,
               gpointer         user_data)
{
  g_autoptr(ConveneConceptNoteDialog) self = user_data;
  g_autoptr(GtkNativeDialog) owned = chooser;
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    convene_concept_note_dialog_load_file (self, file);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneConceptNoteDialog *self = CONVENE_CONCEPT_NOTE_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Concept Note"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Concept Notes (text, Markdown, Word, OpenDocument)"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.text");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_filter_add_suffix (filter, "docx");
  gtk_file_filter_add_suffix (filter, "odt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConveneConceptNoteDialog *self = CONVENE_CONCEPT_NOTE_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  ConveneSession *session = NULL;
  ConveneCommand *command;
  GError *error = NULL;

  /* Text typed in the last instant is what is imported. */
  if (self->parse_source != 0)
    {
      g_clear_handle_id (&self->parse_source, g_source_remove);
      update_preview (self);
    }
  if (self->note == NULL || !convene_ui_is_writable (self->document))
    return;

  command = convene_concept_note_build (self->note, convene_document_get_project (self->document),
                                        self->fallback_title, &session, &error);
  if (command == NULL)
    {
      show_message (self, error->message);
      g_error_free (error);
      return;
    }
  if (!convene_ui_perform (parent != NULL ? GTK_WIDGET (parent) : widget, self->document, command, NULL))
    return;
  g_signal_emit (self, signals[IMPORTED], 0, session);
  gtk_window_close (GTK_WINDOW (self));
}

static void
convene_concept_note_dialog_dispose (GObject *object)
{
  ConveneConceptNoteDialog *self = CONVENE_CONCEPT_NOTE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->parse_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_CONCEPT_NOTE_DIALOG);
  g_clear_object (&self->document);
  g_clear_pointer (&self->note, convene_concept_note_free);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->fallback_title, g_free);

  G_OBJECT_CLASS (convene_concept_note_dialog_parent_class)->dispose (object);
}

static void
convene_concept_note_dialog_class_init (ConveneConceptNoteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_concept_note_dialog_dispose;

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, CONVENE_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/convene/Convene/convene-concept-note-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneConceptNoteDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ConveneConceptNoteDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, ConveneConceptNoteDialog, preview_box);
  gtk_widget_class_bind_template_child (widget_class, ConveneConceptNoteDialog, status_label);

  gtk_widget_class_install_action (widget_class, "note.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "note.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "note.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "note.open", NULL);
}

static void
convene_concept_note_dialog_init (ConveneConceptNoteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (text_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "note.import", FALSE);
}

ConveneConceptNoteDialog *
convene_concept_note_dialog_new (GtkWindow       *parent,
                                 ConveneDocument *document)
{
  ConveneConceptNoteDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CONVENE_IS_DOCUMENT (document), NULL);

  self = g_object_new (CONVENE_TYPE_CONCEPT_NOTE_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return self;
}
