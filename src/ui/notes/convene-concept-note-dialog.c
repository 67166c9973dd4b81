#define G_LOG_DOMAIN "convene-concept-note-dialog"
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "convene-clock.h"
#include "convene-concept-note.h"
#include "convene-concept-note-dialog.h"
#include "convene-limits.h"
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
  AdwLeaflet         *leaflet;
  GtkWidget          *switch_box;
  GtkToggleButton    *source_toggle;
  GtkListView        *source_list;

  /* owned */
  ConveneDocument    *document;
  ConveneConceptNote *note;          /* what the text reads as, or NULL */
  char               *fallback_title; /* the file's name, for a note with no title */
  GPtrArray          *groups;        /* the preview's groups, rebuilt with the text */
  GtkStringList      *source_lines;  /* the note's lines, shown with what each became */
  GtkWidget          *length_row;    /* borrowed: the draft's total against the slot */
  GPtrArray          *role_rows;     /* borrowed: each assignment's row, in note->roles order */
  guint               refill_source;
  guint               fold_source;
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

/* The programme's minutes against the slot. */
static char *
describe_length (ConveneConceptNote *note)
{
  guint planned = convene_concept_note_get_planned_minutes (note);

  if (planned == 0 && note->slot_minutes != CONVENE_NOTE_NO_MINUTES)
    /* Translators: a programme whose parts give no minutes, in a slot of %d minutes. */
    return g_strdup_printf (_("No part states its length; the slot is %d minutes"), note->slot_minutes);
  if (note->slot_minutes != CONVENE_NOTE_NO_MINUTES)
    /* Translators: the programme's minutes against the session's slot. */
    return g_strdup_printf (_("%u min planned in a %d-minute slot"), planned, note->slot_minutes);
  if (planned > 0)
    /* Translators: the programme's minutes when the note states no slot. */
    return g_strdup_printf (_("%u min planned; the note states no slot"), planned);
  return g_strdup (_("No part states its length"));
}

static void
fill_summary (ConveneConceptNoteDialog *self)
{
  ConveneConceptNote *note = self->note;
  const char *title = note->title[0] != '\0' ? note->title
                      : self->fallback_title != NULL ? self->fallback_title : _("Concept Note");
  GtkWidget *group = add_group (self, _("New Session"), NULL);
  g_autofree char *length = NULL;

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (title, _("Title")));

  length = describe_length (note);
  self->length_row = text_row (length, _("Length"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->length_row);

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

static void schedule_refill (ConveneConceptNoteDialog *self);

/* Which part (and item, or -1) a draft widget edits. */
static void
tag_part (GtkWidget *widget,
          guint      part,
          int        item)
{
  g_object_set_data (G_OBJECT (widget), "note-part", GUINT_TO_POINTER (part));
  g_object_set_data (G_OBJECT (widget), "note-item", GINT_TO_POINTER (item));
}

static ConveneNotePart *
tagged_part (ConveneConceptNoteDialog *self,
             GtkWidget                *widget)
{
  guint part = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "note-part"));
  int item = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "note-item"));
  ConveneNotePart *found;

  if (self->note == NULL || part >= self->note->parts->len)
    return NULL;
  found = g_ptr_array_index (self->note->parts, part);
  if (item >= 0)
    found = item < (int) found->items->len ? g_ptr_array_index (found->items, item) : NULL;
  return found;
}

/* After an edit: the part's row and the total say what it now is. */
static void
part_edited (ConveneConceptNoteDialog *self,
             GtkWidget                *editor,
             ConveneNotePart          *part)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (editor), "note-row");
  g_autofree char *subtitle = part_subtitle (part);
  g_autofree char *length = describe_length (self->note);

  /* A talk's row is the entry of its title, named by its kind and minutes. */
  if (ADW_IS_ENTRY_ROW (row))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subtitle);
  else if (row != NULL)
    set_row_text (row, part->title, subtitle);
  if (self->length_row != NULL)
    set_row_text (self->length_row, length, _("Length"));
}

static void update_role_places (ConveneConceptNoteDialog *self);

static void
title_changed (GtkEditable              *editable,
               ConveneConceptNoteDialog *self)
{
  ConveneNotePart *part = tagged_part (self, GTK_WIDGET (editable));
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (part == NULL || *title == '\0')
    return;
  g_free (part->title);
  part->title = g_steal_pointer (&title);
  part_edited (self, GTK_WIDGET (editable), part);
  update_role_places (self);
}

static void
minutes_changed (GtkSpinButton            *spin,
                 ConveneConceptNoteDialog *self)
{
  ConveneNotePart *part = tagged_part (self, GTK_WIDGET (spin));
  int minutes = gtk_spin_button_get_value_as_int (spin);

  if (part == NULL)
    return;
  part->minutes = minutes > 0 ? minutes : CONVENE_NOTE_NO_MINUTES;
  part->shared = FALSE;
  part_edited (self, GTK_WIDGET (spin), part);
}

static void
kind_changed (AdwComboRow              *row,
              GParamSpec               *pspec,
              ConveneConceptNoteDialog *self)
{
  ConveneNotePart *part = tagged_part (self, GTK_WIDGET (row));
  guint selected = adw_combo_row_get_selected (row);

  if (part == NULL || selected >= CONVENE_N_SEGMENT_KINDS)
    return;
  part->kind = (ConveneSegmentKind) selected;
  part_edited (self, GTK_WIDGET (row), part);
}

static void
remove_part_clicked (GtkButton                *button,
                     ConveneConceptNoteDialog *self)
{
  guint part = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "note-part"));
  int item = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "note-item"));

  if (tagged_part (self, GTK_WIDGET (button)) == NULL)
    return;
  convene_concept_note_remove_part (self->note, part, item);
  schedule_refill (self);
}

static GtkWidget *
remove_button (const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return button;
}

static GtkWidget *
minutes_spin (ConveneConceptNoteDialog *self,
              ConveneNotePart          *part,
              guint                     index,
              int                       item,
              GtkWidget                *row)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, CONVENE_MAX_SLOT_MINUTES, 1);
  int minutes = part->minutes;

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), minutes > 0 ? minutes : 0);
  tag_part (spin, index, item);
  g_object_set_data (G_OBJECT (spin), "note-row", row);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the minutes of a part in the draft; 0 is "not given". */
                                  _("Minutes (0: not given)"), -1);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (minutes_changed), self, 0);
  return spin;
}

static void
fill_parts (ConveneConceptNoteDialog *self)
{
  GPtrArray *parts = self->note->parts;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *group;

  if (parts->len == 0)
    return;
  for (guint k = 0; k < CONVENE_N_SEGMENT_KINDS; k++)
    gtk_string_list_append (kinds, convene_segment_kind_get_label ((ConveneSegmentKind) k));

  group = add_group (self, _("Segments"), _("Expand a segment to change its title, length or kind, or to leave it out."));
  for (guint i = 0; i < parts->len; i++)
    {
      ConveneNotePart *part = g_ptr_array_index (parts, i);
      g_autofree char *subtitle = part_subtitle (part);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *title = adw_entry_row_new ();
      GtkWidget *length = adw_action_row_new ();
      GtkWidget *kind = adw_combo_row_new ();
      GtkWidget *remove = adw_action_row_new ();
      GtkWidget *button = remove_button (_("Leave This Segment Out"));

      set_row_text (row, part->title, subtitle);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), part->items->len > 0);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title), _("Title"));
      gtk_editable_set_text (GTK_EDITABLE (title), part->title);
      tag_part (title, i, -1);
      g_object_set_data (G_OBJECT (title), "note-row", row);
      g_signal_connect_object (title, "changed", G_CALLBACK (title_changed), self, 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), title);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (length), _("Minutes"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (length), minutes_spin (self, part, i, -1, row));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), length);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("Kind"));
      adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (kinds));
      adw_combo_row_set_selected (ADW_COMBO_ROW (kind), part->kind);
      tag_part (kind, i, -1);
      g_object_set_data (G_OBJECT (kind), "note-row", row);
      g_signal_connect_object (kind, "notify::selected", G_CALLBACK (kind_changed), self, 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), kind);

      for (guint j = 0; j < part->items->len; j++)
        {
          ConveneNotePart *item = g_ptr_array_index (part->items, j);
          g_autofree char *item_subtitle = part_subtitle (item);
          GtkWidget *item_row = adw_entry_row_new ();
          GtkWidget *item_button = remove_button (_("Leave This Item Out"));

          /* The talk's title is edited in place; the row's title says what it is. */
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item_row), item_subtitle);
          gtk_editable_set_text (GTK_EDITABLE (item_row), item->title);
          tag_part (item_row, i, (int) j);
          g_object_set_data (G_OBJECT (item_row), "note-row", item_row);
          g_signal_connect_object (item_row, "changed", G_CALLBACK (title_changed), self, 0);
          tag_part (item_button, i, (int) j);
          g_signal_connect_object (item_button, "clicked", G_CALLBACK (remove_part_clicked), self, 0);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (item_row), minutes_spin (self, item, i, (int) j, item_row));
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (item_row), item_button);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), item_row);
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove), _("Leave this segment out"));
      tag_part (button, i, -1);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_part_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (remove), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (remove), button);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

/* What a bin button beside a person, an assignment or a checklist item
 * takes out of the draft: from which list, with which review edit. */
typedef struct
{
  glong  list;  /* offset of the GPtrArray in ConveneConceptNote */
  void (*remove) (ConveneConceptNote *note, guint index);
} LeaveOut;

static const LeaveOut leave_out_person = { G_STRUCT_OFFSET (ConveneConceptNote, people),
                                           convene_concept_note_remove_person };
static const LeaveOut leave_out_role = { G_STRUCT_OFFSET (ConveneConceptNote, roles),
                                         convene_concept_note_remove_role };
static const LeaveOut leave_out_outcome = { G_STRUCT_OFFSET (ConveneConceptNote, outcomes),
                                            convene_concept_note_remove_outcome };

static void
leave_out_clicked (GtkButton                *button,
                   ConveneConceptNoteDialog *self)
{
  const LeaveOut *what = g_object_get_data (G_OBJECT (button), "note-leave-out");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "note-index"));

  if (self->note == NULL || index >= G_STRUCT_MEMBER (GPtrArray *, self->note, what->list)->len)
    return;
  what->remove (self->note, index);
  schedule_refill (self);
}

/* The bin button of the index-th entry of a list of the draft, as the
 * suffix of row. */
static void
add_leave_out_button (ConveneConceptNoteDialog *self,
                      GtkWidget                *row,
                      const char               *accessible_label,
                      const LeaveOut           *what,
                      guint                     index)
{
  GtkWidget *button = remove_button (accessible_label);

  g_object_set_data (G_OBJECT (button), "note-leave-out", (gpointer) what);
  g_object_set_data (G_OBJECT (button), "note-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", G_CALLBACK (leave_out_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
role_changed (AdwComboRow              *row,
              GParamSpec               *pspec,
              ConveneConceptNoteDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "note-role"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->note == NULL || index >= self->note->roles->len || selected >= CONVENE_N_ROLES)
    return;
  ((ConveneNoteRole *) g_ptr_array_index (self->note->roles, index))->role = (ConveneRole) selected;
}

static char *
person_name (ConveneNotePerson *person)
{
  return person->honorific[0] != '\0'
         ? g_strconcat (person->honorific, " ", person->name, NULL)
         : g_strdup (person->name);
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
      g_autofree char *name = person_name (person);

      /* Where each takes part, and in what role, is the Roles group's. */
      g_string_append (subtitle, person->job_title);
      if (person->job_title[0] != '\0' && person->organisation[0] != '\0')
        g_string_append (subtitle, ", ");
      g_string_append (subtitle, person->organisation);
      if (convene_concept_note_find_person (project, person) != NULL)
        {
          if (subtitle->len > 0)
            g_string_append_c (subtitle, '\n');
          g_string_append (subtitle, _("Already on the roster"));
        }
      {
        g_autofree char *shown = convene_ui_dup_shown_text (subtitle->str);
        GtkWidget *row = text_row (name, shown);

        add_leave_out_button (self, row, _("Leave This Person Out"), &leave_out_person, i);
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      }
    }
}

/* Each person's assignment: its role chosen from Convene's, or left out. */
static void
fill_roles (ConveneConceptNoteDialog *self)
{
  ConveneConceptNote *note = self->note;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *group;

  if (note->roles->len == 0)
    return;
  for (guint r = 0; r < CONVENE_N_ROLES; r++)
    gtk_string_list_append (labels, convene_role_get_label ((ConveneRole) r));
  group = add_group (self, _("Roles"), _("Change the role a person has, or leave the assignment out."));
  for (guint i = 0; i < note->roles->len; i++)
    {
      ConveneNoteRole *role = g_ptr_array_index (note->roles, i);
      g_autofree char *name = person_name (g_ptr_array_index (note->people, role->person));
      g_autofree char *shown_place = convene_ui_dup_shown_text (place_of (note, role));
      /* Translators: the accessible name of the role drop-down of one
       * assignment: the person, then where ("Role of Dr Eva Lind on the session"). */
      g_autofree char *label = g_strdup_printf (_("Role of %s on %s"), name, shown_place);
      GtkWidget *row = adw_combo_row_new ();

      set_row_text (row, name, shown_place);
      g_ptr_array_add (self->role_rows, row);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), role->role);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (row), "note-role", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (role_changed), self, 0);
      add_leave_out_button (self, row, _("Leave This Assignment Out"), &leave_out_role, i);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

/* A renamed segment or talk: the assignments on it say the new title. */
static void
update_role_places (ConveneConceptNoteDialog *self)
{
  for (guint i = 0; i < self->role_rows->len && i < self->note->roles->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->role_rows, i);
      g_autofree char *place = convene_ui_dup_shown_text (place_of (self->note,
                                                                    g_ptr_array_index (self->note->roles, i)));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), place);
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

      GtkWidget *row = text_row (outcome->text, convene_outcome_kind_get_label (outcome->kind));

      add_leave_out_button (self, row, _("Leave This Item Out"), &leave_out_outcome, i);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
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

/* The review: the source lines and the draft, from self->note as it is now. */
static void
fill_review (ConveneConceptNoteDialog *self)
{
  guint n_lines = g_list_model_get_n_items (G_LIST_MODEL (self->source_lines));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->preview_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  self->length_row = NULL;
  g_ptr_array_set_size (self->role_rows, 0);

  for (guint i = 0; self->note != NULL && i < self->note->lines->len; i++)
    g_ptr_array_add (texts, ((ConveneNoteLine *) g_ptr_array_index (self->note->lines, i))->text);
  g_ptr_array_add (texts, NULL);
  gtk_string_list_splice (self->source_lines, 0, n_lines, (const char * const *) texts->pdata);

  if (self->note == NULL)
    return;
  fill_summary (self);
  fill_parts (self);
  fill_people (self);
  fill_roles (self);
  fill_checklist (self);
}

static gboolean
refill_idle (gpointer data)
{
  ConveneConceptNoteDialog *self = data;

  self->refill_source = 0;
  fill_review (self);
  return G_SOURCE_REMOVE;
}

/* After taking something out: rebuilt once the click that did it is over,
 * so the button is not destroyed inside its own handler. */
static void
schedule_refill (ConveneConceptNoteDialog *self)
{
  if (self->refill_source == 0)
    self->refill_source = g_idle_add (refill_idle, self);
}

static void
update_preview (ConveneConceptNoteDialog *self)
{
  g_autofree char *text = buffer_text (self);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->refill_source, g_source_remove);
  g_clear_pointer (&self->note, convene_concept_note_free);

  self->note = convene_concept_note_parse (text, -1, &error);
  if (self->note == NULL)
    {
      gtk_label_set_text (self->status_label,
                          text[0] == '\0'
                          ? _("Paste the text of the concept note above, or choose a file (.txt, .md, "
                              ".docx, .odt or .pdf). What it will become is shown here before anything is created.")
                          : error->message);
    }
  else
    {
      guint doubts = convene_concept_note_count_doubts (self->note);
      g_autofree char *status = NULL;

      if (doubts > 0)
        status = g_strdup_printf (ngettext ("This is what Import will create; edit it here first. "
                                            "%u line of the note is in doubt: see Source.",
                                            "This is what Import will create; edit it here first. "
                                            "%u lines of the note are in doubt: see Source.", doubts),
                                  doubts);
      else
        status = g_strdup (_("This is what Import will create; edit it here first. Parts whose length "
                             "is not given start empty, for you to fill in."));
      gtk_label_set_text (self->status_label, status);
    }
  fill_review (self);
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

/* The source pane: each line with what it became */

static const char *
mark_label (ConveneNoteMark mark)
{
  switch (mark)
    {
    case CONVENE_NOTE_MARK_HEADING:
      return C_("note line", "Heading");
    case CONVENE_NOTE_MARK_DETAIL:
      return C_("note line", "Session detail");
    case CONVENE_NOTE_MARK_SEGMENT:
      return C_("note line", "Segment");
    case CONVENE_NOTE_MARK_ITEM:
      return C_("note line", "Item");
    case CONVENE_NOTE_MARK_PERSON:
      return C_("note line", "Person");
    case CONVENE_NOTE_MARK_CHECKLIST:
      return C_("note line", "Checklist");
    case CONVENE_NOTE_MARK_REMOVED:
      return C_("note line", "Left out");
    case CONVENE_NOTE_MARK_PROSE:
    default:
      return C_("note line", "Not used");
    }
}

static const char *
mark_icon (ConveneNoteMark mark)
{
  switch (mark)
    {
    case CONVENE_NOTE_MARK_HEADING:
      return "format-text-bold-symbolic";
    case CONVENE_NOTE_MARK_DETAIL:
      return "x-office-calendar-symbolic";
    case CONVENE_NOTE_MARK_SEGMENT:
      return "view-list-symbolic";
    case CONVENE_NOTE_MARK_ITEM:
      return "go-next-symbolic";
    case CONVENE_NOTE_MARK_PERSON:
      return "avatar-default-symbolic";
    case CONVENE_NOTE_MARK_CHECKLIST:
      return "object-select-symbolic";
    case CONVENE_NOTE_MARK_REMOVED:
      return "user-trash-symbolic";
    case CONVENE_NOTE_MARK_PROSE:
    default:
      return "format-justify-left-symbolic";
    }
}

static void
source_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *mark = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *doubt = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (mark, "caption");
  gtk_widget_add_css_class (mark, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (mark), 0);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (doubt), 0);
  gtk_label_set_wrap (GTK_LABEL (doubt), TRUE);
  gtk_widget_add_css_class (doubt, "caption");
  gtk_widget_add_css_class (doubt, "warning");
  gtk_box_append (GTK_BOX (top), icon);
  gtk_box_append (GTK_BOX (top), mark);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), doubt);
  gtk_list_item_set_child (item, box);
}

static void
source_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ConveneConceptNoteDialog *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (top);
  GtkWidget *doubt = gtk_widget_get_next_sibling (text);
  guint position = gtk_list_item_get_position (item);
  ConveneNoteLine *line;
  g_autofree char *shown = NULL;
  g_autofree char *accessible = NULL;

  if (self->note == NULL || position >= self->note->lines->len)
    return;
  line = g_ptr_array_index (self->note->lines, position);
  shown = convene_ui_dup_shown_text (line->text);
  gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (top)),
                                line->doubt != NULL ? "dialog-warning-symbolic" : mark_icon (line->mark));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (top)), mark_label (line->mark));
  gtk_label_set_text (GTK_LABEL (text), shown);
  gtk_label_set_text (GTK_LABEL (doubt), line->doubt != NULL ? line->doubt : "");
  gtk_widget_set_visible (doubt, line->doubt != NULL);
  if (line->doubt != NULL)
    gtk_widget_add_css_class (box, "note-doubt");
  else
    gtk_widget_remove_css_class (box, "note-doubt");
  if (line->mark == CONVENE_NOTE_MARK_PROSE || line->mark == CONVENE_NOTE_MARK_REMOVED)
    gtk_widget_add_css_class (text, "dim-label");
  else
    gtk_widget_remove_css_class (text, "dim-label");

  /* Translators: a line of the concept note for a screen reader: what it
   * became, then the line, then why it is in doubt (or nothing). */
  accessible = g_strdup_printf (_("%s: %s. %s"), mark_label (line->mark), shown, line->doubt != NULL ? line->doubt : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, g_strstrip (accessible), -1);
}

static void
page_toggled (ConveneConceptNoteDialog *self)
{
  const char *name = gtk_toggle_button_get_active (self->source_toggle) ? "source" : "draft";

  /* The buttons are set up before the pages while the template is built. */
  if (self->leaflet != NULL && adw_leaflet_get_child_by_name (self->leaflet, name) != NULL)
    adw_leaflet_set_visible_child_name (self->leaflet, name);
}

static gboolean
fold_idle (gpointer data)
{
  ConveneConceptNoteDialog *self = data;

  self->fold_source = 0;
  gtk_widget_set_visible (self->switch_box, adw_leaflet_get_folded (self->leaflet));
  return G_SOURCE_REMOVE;
}

/* The Source and Draft buttons only when the two panes do not fit side by
 * side; shown after the layout that folded the leaflet, not during it. */
static void
folded_changed (ConveneConceptNoteDialog *self)
{
  if (self->fold_source == 0)
    self->fold_source = g_idle_add (fold_idle, self);
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
  gtk_file_filter_set_name (filter, _("Concept Notes (text, Markdown, Word, OpenDocument, PDF)"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.text");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_filter_add_suffix (filter, "docx");
  gtk_file_filter_add_suffix (filter, "odt");
  gtk_file_filter_add_suffix (filter, "pdf");
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
  g_clear_handle_id (&self->refill_source, g_source_remove);
  g_clear_handle_id (&self->fold_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_CONCEPT_NOTE_DIALOG);
  g_clear_object (&self->document);
  g_clear_pointer (&self->note, convene_concept_note_free);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->role_rows, g_ptr_array_unref);
  g_clear_object (&self->source_lines);
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
  gtk_widget_class_bind_template_child (widget_class, ConveneConceptNoteDialog, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ConveneConceptNoteDialog, switch_box);
  gtk_widget_class_bind_template_child (widget_class, ConveneConceptNoteDialog, source_toggle);
  gtk_widget_class_bind_template_child (widget_class, ConveneConceptNoteDialog, source_list);
  gtk_widget_class_bind_template_callback (widget_class, page_toggled);

  gtk_widget_class_install_action (widget_class, "note.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "note.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "note.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "note.open", NULL);
}

static void
convene_concept_note_dialog_init (ConveneConceptNoteDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  self->role_rows = g_ptr_array_new ();
  self->source_lines = gtk_string_list_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (source_setup), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (source_bind), self, 0);
  adw_leaflet_set_visible_child_name (self->leaflet, "draft");
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->source_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->source_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->source_lines)))));
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
