#define G_LOG_DOMAIN "convene-person-editor"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "convene-edits.h"
#include "convene-person-editor.h"
#include "convene-ui-util.h"
#include "convene-person-row.h"
#include "convene-person-schedule.h"
#include "convene-warnings.h"

struct _ConvenePersonEditor
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget       *scroller;
  AdwAvatar       *avatar;
  GtkLabel        *title_label;
  GtkLabel        *status_label;
  GtkWidget       *warnings_group;
  GtkListBox      *warnings_list;
  GtkWidget       *details_group;
  AdwEntryRow     *honorific_row;
  AdwEntryRow     *name_row;
  AdwEntryRow     *job_title_row;
  AdwEntryRow     *organisation_row;
  AdwEntryRow     *email_row;
  AdwEntryRow     *phone_row;
  AdwComboRow     *status_row;
  GtkTextView     *bio_view;
  GtkTextView     *notes_view;
  GtkListBox      *schedule_list;
  GtkWidget       *remove_button;

  /* owned */
  ConveneDocument *document;
  ConveneSpeaker  *speaker;

  gboolean         use_12h;
  gboolean         syncing;
};

G_DEFINE_FINAL_TYPE (ConvenePersonEditor, convene_person_editor, GTK_TYPE_WIDGET)

/* The entry rows and text views, and the property each edits. */
typedef struct {
  gsize       offset;
  const char *property;
} Field;

static const Field fields[] = {
  { G_STRUCT_OFFSET (ConvenePersonEditor, honorific_row), "honorific" },
  { G_STRUCT_OFFSET (ConvenePersonEditor, name_row), "name" },
  { G_STRUCT_OFFSET (ConvenePersonEditor, job_title_row), "job-title" },
  { G_STRUCT_OFFSET (ConvenePersonEditor, organisation_row), "organisation" },
  { G_STRUCT_OFFSET (ConvenePersonEditor, email_row), "email" },
  { G_STRUCT_OFFSET (ConvenePersonEditor, phone_row), "phone" },
  { G_STRUCT_OFFSET (ConvenePersonEditor, bio_view), "bio" },
  { G_STRUCT_OFFSET (ConvenePersonEditor, notes_view), "notes" },
};

static GtkWidget *
field_widget (ConvenePersonEditor *self,
              const Field         *field)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, field->offset);
}

static char *
widget_text (GtkWidget *widget)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_widget_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_EDITABLE (widget))
    convene_ui_editable_show_stored (GTK_EDITABLE (widget), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_writable (ConvenePersonEditor *self)
{
  return self->speaker != NULL && convene_ui_is_writable (self->document);
}

static void
sync_field (ConvenePersonEditor *self,
            const Field         *field)
{
  GtkWidget *widget = field_widget (self, field);
  g_autofree char *model = NULL;
  g_autofree char *shown = widget_text (widget);

  if (self->speaker != NULL)
    g_object_get (self->speaker, field->property, &model, NULL);
  if (model == NULL)
    model = g_strdup ("");
  if (g_str_equal (model, shown))
    return;

  self->syncing = TRUE;
  set_widget_text (widget, model);
  self->syncing = FALSE;
}

static void
sync_header (ConvenePersonEditor *self)
{
  g_autofree char *display = NULL;
  ConveneSpeakerStatus status;
  const char *name;

  if (self->speaker == NULL)
    return;

  display = convene_speaker_dup_display_name (self->speaker);
  name = convene_speaker_get_name (self->speaker);
  status = convene_speaker_get_status (self->speaker);
  {
    g_autofree char *initials_from = convene_ui_dup_shown_text (name[0] != '\0' ? name : display);

    adw_avatar_set_text (self->avatar, initials_from);
  }
  convene_ui_label_set_user_text (self->title_label, display[0] != '\0' ? display : _("Unnamed Person"));

  gtk_label_set_text (self->status_label, convene_speaker_status_get_label (status));
  for (guint i = 0; i < CONVENE_N_SPEAKER_STATUSES; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label),
                                 convene_person_row_status_css_class (i));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label),
                            convene_person_row_status_css_class (status));

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->status_row, status);
  self->syncing = FALSE;
}

static void
sync_all (ConvenePersonEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    sync_field (self, &fields[i]);
  sync_header (self);
}

static void
speaker_notify (ConvenePersonEditor *self,
                GParamSpec          *pspec)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_str_equal (fields[i].property, pspec->name))
        sync_field (self, &fields[i]);
    }
  sync_header (self);
}

static void
commit_field (ConvenePersonEditor *self,
              const Field         *field)
{
  g_autofree char *current = NULL;
  g_autofree char *text = NULL;
  GError *error = NULL;
  ConveneCommand *command;

  if (self->syncing || !is_writable (self))
    return;

  if (GTK_IS_EDITABLE (field_widget (self, field)) &&
      convene_ui_editable_get_edited (GTK_EDITABLE (field_widget (self, field))) == NULL)
    return;
  g_object_get (self->speaker, field->property, &current, NULL);
  text = widget_text (field_widget (self, field));
  if (g_strcmp0 (current, text) == 0)
    return;

  /* Everyone on the roster is someone the planner can name. */
  if (g_str_equal (field->property, "name") && is_blank (text))
    {
      convene_ui_show_message (GTK_WIDGET (self), _("A person needs a name."));
      sync_field (self, field);
      return;
    }

  command = convene_edit_set_text (self->speaker, field->property, text, &error);
  convene_ui_perform (GTK_WIDGET (self), self->document, command, error);
  /* Refused input is put back; accepted input shows as the model holds it. */
  sync_field (self, field);
}

static const Field *
find_field (ConvenePersonEditor *self,
            GtkWidget           *widget)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (field_widget (self, &fields[i]) == widget)
        return &fields[i];
    }
  g_return_val_if_reached (NULL);
}

static void
entry_activated (GtkWidget           *widget,
                 ConvenePersonEditor *self)
{
  const Field *field = find_field (self, widget);

  if (field != NULL)
    commit_field (self, field);
}

static void
focus_left (GtkEventControllerFocus *controller,
            ConvenePersonEditor     *self)
{
  entry_activated (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)), self);
}

static void
status_selected (ConvenePersonEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);
  GError *error = NULL;
  ConveneCommand *command;

  if (self->syncing || !is_writable (self) || selected >= CONVENE_N_SPEAKER_STATUSES)
    return;
  if (selected == convene_speaker_get_status (self->speaker))
    return;

  command = convene_edit_set_number (self->speaker, "status", selected, &error);
  if (!convene_ui_perform (GTK_WIDGET (self), self->document, command, error))
    sync_header (self);
}

static GtkWidget *
message_row (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

void
convene_person_editor_refresh (ConvenePersonEditor *self,
                               gboolean             use_12h)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) schedule = NULL;
  ConveneProject *project;

  g_return_if_fail (CONVENE_IS_PERSON_EDITOR (self));

  self->use_12h = use_12h;
  clear_list (self->warnings_list);
  clear_list (self->schedule_list);
  if (self->speaker == NULL || self->document == NULL)
    return;

  project = convene_document_get_project (self->document);
  warnings = convene_warnings_filter (convene_document_get_warnings (self->document, use_12h), 0, 0,
                                      convene_speaker_get_id (self->speaker));
  for (guint i = 0; i < warnings->len; i++)
    {
      ConveneWarning *warning = g_ptr_array_index (warnings, i);
      const char *css = warning->severity == CONVENE_WARNING_SEVERITY_ERROR ? "error" :
                        warning->severity == CONVENE_WARNING_SEVERITY_WARNING ? "warning" : NULL;

      gtk_list_box_append (self->warnings_list, message_row (warning->message, css));
    }
  gtk_widget_set_visible (self->warnings_group, warnings->len > 0);

  schedule = convene_person_schedule_compute (project, self->speaker, use_12h);
  for (guint i = 0; i < schedule->len; i++)
    {
      ConvenePersonScheduleEntry *entry = g_ptr_array_index (schedule, i);
      /* Translators: a date in a person's schedule, see g_date_time_format(). */
      g_autofree char *date = convene_ui_format_date (entry->date, C_("schedule date", "%a %-d %b"));
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;
      g_autofree char *shown_title = NULL;
      g_autofree char *shown_session = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *role = gtk_label_new (convene_role_get_label (entry->role));

      shown_title = convene_ui_dup_shown_text (entry->segment_title != NULL ? entry->segment_title
                                                                             : entry->session_title);
      shown_session = convene_ui_dup_shown_text (entry->session_title);
      title = g_markup_escape_text (shown_title, -1);
      /* Translators: where a person is due: session, date, start and end. */
      subtitle = g_strdup_printf (_("%s · %s, %s – %s"), shown_session, date,
                                  entry->start_text, entry->end_text);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      {
        g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      }
      gtk_widget_add_css_class (role, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (role), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), role);
      gtk_list_box_append (self->schedule_list, row);
    }
  if (schedule->len == 0)
    gtk_list_box_append (self->schedule_list,
                         message_row (_("Not on the programme yet. Drag them from the People tab beside a session’s timeline onto a segment."),
                                      "dim-label"));
}

GtkWidget *
convene_person_editor_new (void)
{
  return g_object_new (CONVENE_TYPE_PERSON_EDITOR, NULL);
}

void
convene_person_editor_set_person (ConvenePersonEditor *self,
                                  ConveneDocument     *document,
                                  ConveneSpeaker      *speaker)
{
  gboolean writable;

  g_return_if_fail (CONVENE_IS_PERSON_EDITOR (self));

  if (self->speaker == speaker && self->document == document)
    return;

  if (self->speaker != NULL)
    g_signal_handlers_disconnect_by_data (self->speaker, self);
  g_set_object (&self->speaker, speaker);
  g_set_object (&self->document, document);

  if (speaker != NULL)
    g_signal_connect_object (speaker, "notify", G_CALLBACK (speaker_notify), self,
                             G_CONNECT_SWAPPED);

  sync_all (self);
  writable = is_writable (self);
  gtk_widget_set_sensitive (self->details_group, writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bio_view), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->notes_view), writable);
  gtk_widget_set_visible (self->remove_button, writable);
  convene_person_editor_refresh (self, self->use_12h);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

ConveneSpeaker *
convene_person_editor_get_speaker (ConvenePersonEditor *self)
{
  g_return_val_if_fail (CONVENE_IS_PERSON_EDITOR (self), NULL);

  return self->speaker;
}

void
convene_person_editor_focus_name (ConvenePersonEditor *self)
{
  g_return_if_fail (CONVENE_IS_PERSON_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  gtk_editable_select_region (GTK_EDITABLE (self->name_row), 0, -1);
}

static void
convene_person_editor_dispose (GObject *object)
{
  ConvenePersonEditor *self = CONVENE_PERSON_EDITOR (object);

  if (self->speaker != NULL)
    g_signal_handlers_disconnect_by_data (self->speaker, self);
  g_clear_object (&self->speaker);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_PERSON_EDITOR);

  G_OBJECT_CLASS (convene_person_editor_parent_class)->dispose (object);
}

static void
convene_person_editor_class_init (ConvenePersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_person_editor_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/convene-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, avatar);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, details_group);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, honorific_row);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, job_title_row);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, bio_view);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, schedule_list);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonEditor, remove_button);
}

static void
convene_person_editor_init (ConvenePersonEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < CONVENE_N_SPEAKER_STATUSES; i++)
    gtk_string_list_append (statuses, convene_speaker_status_get_label (i));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (status_selected), self);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *widget = field_widget (self, &fields[i]);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      if (ADW_IS_ENTRY_ROW (widget))
        g_signal_connect (widget, "entry-activated", G_CALLBACK (entry_activated), self);
      g_signal_connect (focus, "leave", G_CALLBACK (focus_left), self);
      gtk_widget_add_controller (widget, focus);
    }
}
