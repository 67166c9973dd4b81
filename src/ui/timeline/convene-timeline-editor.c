#define G_LOG_DOMAIN "convene-timeline-view"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-edits.h"
#include "convene-limits.h"
#include "convene-row-layout.h"
#include "convene-timeline-view-private.h"
#include "convene-ui-util.h"
#include "convene-validate.h"

/* The details editor */

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  g_autofree char *current = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (buffer, text, -1);
}

static char *
format_time_of_day (int minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

/* A segment with items lasts what they take: its length is shown, not
 * edited, and it may have a target length instead. */
static void
sync_length (ConveneTimelineView *self,
             ConveneSegment      *segment)
{
  gboolean has_items = g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (segment))) > 0;
  gboolean has_target = convene_segment_get_has_target (segment);
  g_autofree char *take = NULL;

  gtk_spin_button_set_value (self->duration_spin, convene_segment_get_length (segment));
  /* Rows keep their place (showing and hiding rows of the group as the
   * selection changes makes GTK measure the column inconsistently). */
  gtk_widget_set_sensitive (GTK_WIDGET (self->duration_spin), !has_items);
  gtk_widget_set_sensitive (self->target_row, has_items);
  if (has_items)
    /* Translators: under "Target Length", what a panel's talks add up to. */
    take = g_strdup_printf (_("Its items take %u min"), convene_segment_get_length (segment));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->target_row),
                               take != NULL ? take : _("For a segment with items"));
  gtk_switch_set_active (self->target_switch, has_target);
  gtk_widget_set_sensitive (self->fit_items_row, has_items && has_target);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_spin), has_target);
  gtk_spin_button_set_value (self->target_spin,
                             has_target ? convene_segment_get_duration (segment) : convene_segment_get_length (segment));
}

static void build_editor (ConveneTimelineView *self);

void
_convene_timeline_view_sync_editor (ConveneTimelineView *self)
{
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  int fixed;

  /* The fields are built when a segment is first chosen: a window opens
   * on the session's fields and may never need them. */
  if (segment != NULL && self->editor == NULL)
    {
      build_editor (self);
      gtk_box_append (GTK_BOX (self->details), self->editor);
    }
  gtk_widget_set_visible (self->no_selection, segment == NULL);
  if (self->editor == NULL)
    return;
  gtk_widget_set_visible (self->editor, segment != NULL);
  convene_assignment_list_set_target (self->segment_people, segment != NULL ? self->document : NULL,
                                      self->session, segment);
  convene_outcome_links_set_segment (self->segment_outcomes, segment != NULL ? self->document : NULL,
                                     self->session, segment);
  if (segment == NULL)
    return;

  self->syncing = TRUE;
  convene_ui_editable_show_stored (GTK_EDITABLE (self->title_row), convene_segment_get_title (segment));
  adw_combo_row_set_selected (self->kind_row, convene_segment_get_kind (segment));
  sync_length (self, segment);
  fixed = convene_segment_get_fixed_start (segment);
  gtk_switch_set_active (self->fixed_switch, fixed != CONVENE_NO_FIXED_START);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fixed_entry), fixed != CONVENE_NO_FIXED_START);
  if (fixed != CONVENE_NO_FIXED_START)
    {
      g_autofree char *text = format_time_of_day (fixed);
      gtk_editable_set_text (GTK_EDITABLE (self->fixed_entry), text);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->fixed_entry), "");
  gtk_spin_button_set_value (self->min_spin, convene_segment_get_min_length (segment));
  gtk_spin_button_set_value (self->max_spin, convene_segment_get_max_length (segment));
  gtk_switch_set_active (self->lock_switch, convene_segment_get_locked (segment));
  set_text_view (self->notes_view, convene_segment_get_notes (segment));
  set_text_view (self->cues_view, convene_segment_get_cues (segment));
  gtk_widget_set_sensitive (self->editor, _convene_timeline_view_is_writable (self));
  self->syncing = FALSE;
}

/* The segment an edit of the editor's fields goes to: none while the
 * fields are filled from the model or the project cannot be written. */
static ConveneSegment *
edited_segment (ConveneTimelineView *self)
{
  if (self->syncing || !_convene_timeline_view_is_writable (self))
    return NULL;
  return convene_timeline_view_get_selected_segment (self);
}

void
_convene_timeline_view_edit_title (ConveneTimelineView *self)
{
  if (convene_timeline_view_get_selected_segment (self) == NULL || self->editor == NULL ||
      !gtk_widget_get_sensitive (self->editor))
    return;
  convene_timeline_view_show_side (self, "segment");
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}

static void
commit_text (ConveneTimelineView *self,
             const char          *property,
             const char          *value)
{
  ConveneSegment *segment = edited_segment (self);
  g_autofree char *current = NULL;
  ConveneCommand *command;
  GError *error = NULL;

  if (segment == NULL)
    return;
  g_object_get (segment, property, &current, NULL);
  if (g_strcmp0 (current, value) == 0)
    return;
  /* Built first: C leaves the order of a call's arguments open, and the
   * reason a command is refused must be set before it is passed on. */
  command = convene_edit_set_text (segment, property, value, &error);
  _convene_timeline_view_run_command (self, command, error);
}

static void
commit_number (ConveneTimelineView *self,
               const char          *property,
               gint64               value)
{
  ConveneSegment *segment = edited_segment (self);
  ConveneCommand *command;
  GError *error = NULL;

  if (segment == NULL)
    return;
  /* Built first: C leaves the order of a call's arguments open, and the
   * reason a command is refused must be set before it is passed on. */
  command = convene_edit_set_number (segment, property, value, &error);
  _convene_timeline_view_run_command (self, command, error);
}

static void
title_commit (ConveneTimelineView *self)
{
  const char *edited = convene_ui_editable_get_edited (GTK_EDITABLE (self->title_row));

  if (edited != NULL)
    commit_text (self, "title", edited);
}

static char *
text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
notes_commit (ConveneTimelineView *self)
{
  g_autofree char *text = text_view_text (self->notes_view);

  commit_text (self, "notes", text);
}

static void
cues_commit (ConveneTimelineView *self)
{
  g_autofree char *text = text_view_text (self->cues_view);

  commit_text (self, "cues", text);
}

static void
kind_changed (ConveneTimelineView *self)
{
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (segment == NULL || kind >= CONVENE_N_SEGMENT_KINDS || kind == convene_segment_get_kind (segment))
    return;
  commit_number (self, "kind", kind);
}

static void
duration_changed (ConveneTimelineView *self)
{
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  int value = gtk_spin_button_get_value_as_int (self->duration_spin);

  if (segment == NULL || value == (int) convene_segment_get_duration (segment) ||
      g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (segment))) > 0)
    return;
  commit_number (self, "duration", value);
}

static void
commit_target (ConveneTimelineView *self,
               ConveneSegment      *segment,
               gboolean             has_target,
               guint                minutes)
{
  GError *error = NULL;
  ConveneCommand *command = convene_edit_set_target (segment, has_target, minutes, &error);

  _convene_timeline_view_run_command (self, command, error);
}

static void
target_switch_changed (ConveneTimelineView *self)
{
  ConveneSegment *segment = edited_segment (self);
  gboolean active = gtk_switch_get_active (self->target_switch);

  if (segment == NULL || active == convene_segment_get_has_target (segment))
    return;
  /* A new target starts at what the items take now; the planner then
   * changes it. */
  commit_target (self, segment, active, convene_segment_get_length (segment));
}

static void
target_changed (ConveneTimelineView *self)
{
  ConveneSegment *segment = edited_segment (self);
  int value = gtk_spin_button_get_value_as_int (self->target_spin);

  if (segment == NULL || !convene_segment_get_has_target (segment) ||
      value == (int) convene_segment_get_duration (segment))
    return;
  commit_target (self, segment, TRUE, (guint) value);
}

/* The minimum, the maximum and the lock Fit to Slot keeps to. */
static void
bound_changed (GtkSpinButton       *spin,
               ConveneTimelineView *self)
{
  ConveneSegment *segment = edited_segment (self);
  const char *property = spin == self->min_spin ? "min-length" : "max-length";
  int value = gtk_spin_button_get_value_as_int (spin);
  guint current;

  if (segment == NULL)
    return;
  g_object_get (segment, property, &current, NULL);
  if ((guint) value == current)
    return;
  commit_number (self, property, value);
  /* A refused bound shows what the segment keeps. */
  _convene_timeline_view_sync_editor (self);
}

static void
lock_changed (ConveneTimelineView *self)
{
  ConveneSegment *segment = edited_segment (self);
  gboolean active = gtk_switch_get_active (self->lock_switch);

  if (segment == NULL || active == convene_segment_get_locked (segment))
    return;
  commit_number (self, "locked", active);
}

static GtkSpinButton *
add_bound_row (ConveneTimelineView *self,
               GtkWidget           *group,
               const char          *title,
               const char          *accessible_label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, CONVENE_MAX_DURATION_MINUTES, 5));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Minutes, 0 for none"));
  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (bound_changed), self, 0);
  return spin;
}

static int
clock_start_of (ConveneTimelineView *self,
                ConveneSegment      *segment)
{
  const ConveneScheduleEntry *entry = self->schedule != NULL ? convene_schedule_lookup (self->schedule, segment) : NULL;
  int offset = entry != NULL ? entry->start : 0;

  return (convene_session_get_start_time (self->session) + offset) % (24 * 60);
}

static void
fixed_switch_changed (ConveneTimelineView *self)
{
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  gboolean active = gtk_switch_get_active (self->fixed_switch);

  if (self->syncing || segment == NULL)
    return;
  if (active == (convene_segment_get_fixed_start (segment) != CONVENE_NO_FIXED_START))
    return;
  /* Pinning keeps the segment where it is now; the planner then edits the time. */
  commit_number (self, "fixed-start", active ? clock_start_of (self, segment) : CONVENE_NO_FIXED_START);
}

static void
fixed_entry_commit (ConveneTimelineView *self)
{
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->fixed_entry));
  int value;

  if (self->syncing || segment == NULL || convene_segment_get_fixed_start (segment) == CONVENE_NO_FIXED_START)
    return;
  if (!convene_parse_typed_time (text, &value))
    {
      g_autofree char *message =
        /* Translators: %s is what the planner typed as a time. */
        g_strdup_printf (_("“%s” is not a time of day; write it as HH:MM, such as 13:00."), text);
      convene_ui_show_message (GTK_WIDGET (self), message);
      _convene_timeline_view_sync_editor (self);
      return;
    }
  if (value != convene_segment_get_fixed_start (segment))
    commit_number (self, "fixed-start", value);
}

static void
add_focus_commit (GtkWidget           *widget,
                  GCallback            callback,
                  ConveneTimelineView *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", callback, self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);
}

static GtkWidget *
framed_text_view (GtkTextView **out_view,
                  const char   *accessible_label)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 64);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  *out_view = GTK_TEXT_VIEW (view);
  return frame;
}

static GtkWidget *
caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  return label;
}

static void
build_editor (ConveneTimelineView *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *row;
  GtkWidget *frame;

  self->editor = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->editor, "segment-editor");
  gtk_box_append (GTK_BOX (self->editor), group);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Selected Segment"));

  self->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _("Title"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->title_row));
  g_signal_connect_object (self->title_row, "entry-activated", G_CALLBACK (title_commit), self, G_CONNECT_SWAPPED);
  add_focus_commit (GTK_WIDGET (self->title_row), G_CALLBACK (title_commit), self);

  for (guint kind = 0; kind < CONVENE_N_SEGMENT_KINDS; kind++)
    gtk_string_list_append (kinds, convene_segment_kind_get_label (kind));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_changed), self, G_CONNECT_SWAPPED);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Length"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Minutes"));
  self->duration_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, CONVENE_MAX_DURATION_MINUTES, 5));
  gtk_spin_button_set_numeric (self->duration_spin, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->duration_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->duration_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Length in minutes"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->duration_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->duration_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_signal_connect_object (self->duration_spin, "value-changed", G_CALLBACK (duration_changed), self,
                           G_CONNECT_SWAPPED);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Fixed Start"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Pinned to a clock time, such as lunch at 13:00"));
  self->fixed_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->fixed_entry), 5);
  gtk_entry_set_placeholder_text (self->fixed_entry, "13:00");
  gtk_widget_set_valign (GTK_WIDGET (self->fixed_entry), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fixed_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fixed start time, HH:MM"), -1);
  self->fixed_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->fixed_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fixed_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fixed start"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->fixed_entry));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->fixed_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_signal_connect_object (self->fixed_switch, "notify::active", G_CALLBACK (fixed_switch_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->fixed_entry, "activate", G_CALLBACK (fixed_entry_commit), self,
                           G_CONNECT_SWAPPED);
  add_focus_commit (GTK_WIDGET (self->fixed_entry), G_CALLBACK (fixed_entry_commit), self);

  /* For a segment with items, whose length its items make. After Fixed
   * Start, so that the length and the pin stay the first spin button and
   * switch of the editor. */
  row = adw_action_row_new ();
  self->target_row = row;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Target Length"));
  self->target_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, CONVENE_MAX_DURATION_MINUTES, 5));
  gtk_spin_button_set_numeric (self->target_spin, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->target_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Target length in minutes"), -1);
  self->target_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->target_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Target length"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->target_spin));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->target_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_signal_connect_object (self->target_switch, "notify::active", G_CALLBACK (target_switch_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_spin, "value-changed", G_CALLBACK (target_changed), self,
                           G_CONNECT_SWAPPED);

  row = adw_action_row_new ();
  self->fit_items_row = row;
  gtk_widget_add_css_class (row, "fit-items");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Fit Items to Target…"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Propose lengths for its items that fill the target"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "timeline.fit-items");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  /* What Fit to Slot may do with this segment. */
  self->min_spin = add_bound_row (self, group, _("Minimum Length"), _("Minimum length in minutes"));
  self->max_spin = add_bound_row (self, group, _("Maximum Length"), _("Maximum length in minutes"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Lock Length"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Fit to Slot leaves its length as it is"));
  self->lock_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->lock_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lock_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Lock length"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->lock_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->lock_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_signal_connect_object (self->lock_switch, "notify::active", G_CALLBACK (lock_changed), self,
                           G_CONNECT_SWAPPED);

  self->segment_people = CONVENE_ASSIGNMENT_LIST (convene_assignment_list_new ());
  gtk_box_append (GTK_BOX (self->editor), GTK_WIDGET (self->segment_people));
  self->segment_outcomes = CONVENE_OUTCOME_LINKS (convene_outcome_links_new ());
  gtk_box_append (GTK_BOX (self->editor), GTK_WIDGET (self->segment_outcomes));

  gtk_box_append (GTK_BOX (self->editor), caption (_("Notes")));
  frame = framed_text_view (&self->notes_view, _("Notes"));
  gtk_box_append (GTK_BOX (self->editor), frame);
  add_focus_commit (GTK_WIDGET (self->notes_view), G_CALLBACK (notes_commit), self);

  gtk_box_append (GTK_BOX (self->editor), caption (_("Cues for the Moderator and Technicians")));
  frame = framed_text_view (&self->cues_view, _("Cues"));
  gtk_box_append (GTK_BOX (self->editor), frame);
  add_focus_commit (GTK_WIDGET (self->cues_view), G_CALLBACK (cues_commit), self);
}

/* The side column's tabs: linked toggle buttons whose labels may shorten,
 * so that three of them fit a phone's width (a GtkStackSwitcher's do not). */
static void
tab_toggled (GtkToggleButton     *button,
             ConveneTimelineView *self)
{
  if (gtk_toggle_button_get_active (button))
    gtk_stack_set_visible_child_name (GTK_STACK (self->side_stack),
                                      g_object_get_data (G_OBJECT (button), "convene-page"));
}

static void
page_shown (ConveneTimelineView *self)
{
  const char *name = gtk_stack_get_visible_child_name (GTK_STACK (self->side_stack));

  for (GtkWidget *child = gtk_widget_get_first_child (self->side_tabs); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "convene-page"), name) == 0)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), TRUE);
}

static void
add_tab (ConveneTimelineView *self,
         const char          *page,
         const char          *title,
         const char          *tooltip)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *first = gtk_widget_get_first_child (self->side_tabs);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (button), "convene-page", g_strdup (page), g_free);
  if (first != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (first));
  g_signal_connect (button, "toggled", G_CALLBACK (tab_toggled), self);
  gtk_box_append (GTK_BOX (self->side_tabs), button);
}

static void
side_back_clicked (ConveneTimelineView *self)
{
  _convene_timeline_view_set_side_open (self, FALSE);
}

void
_convene_timeline_view_build_side (ConveneTimelineView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller;

  /* The session's fields, the selected segment's details and the people to
   * drag onto segments take turns in one column beside the list, scrolling
   * on their own; on a narrow window the column takes the list's place
   * until its back button is pressed. */
  self->side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (self->side, "timeline-side");
  gtk_widget_set_parent (self->side, GTK_WIDGET (self));

  self->side_stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (self->side_stack), FALSE);
  gtk_stack_set_hhomogeneous (GTK_STACK (self->side_stack), FALSE);
  gtk_stack_set_transition_type (GTK_STACK (self->side_stack), GTK_STACK_TRANSITION_TYPE_NONE);
  g_signal_connect_object (self->side_stack, "notify::visible-child", G_CALLBACK (page_shown), self,
                           G_CONNECT_SWAPPED);
  self->side_tabs = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->side_tabs, "linked");
  gtk_widget_add_css_class (self->side_tabs, "side-tabs");
  gtk_widget_set_hexpand (self->side_tabs, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->side_tabs), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show the session, the selected segment or the people"), -1);
  /* Translators: the tab beside the timeline with the session's fields and roles. */
  add_tab (self, "session", C_("side tab", "Session"), _("The session’s title, date, times, room and roles"));
  /* Translators: the tab beside the timeline with the selected segment's details. */
  add_tab (self, "segment", C_("side tab", "Segment"), _("The selected segment’s details"));
  /* Translators: the tab beside the timeline listing people to drag onto segments. */
  add_tab (self, "people", C_("side tab", "People"), _("People to drag onto segments"));

  self->side_back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->side_back, _("Back to the Timeline"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->side_back), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back to the Timeline"), -1);
  gtk_widget_add_css_class (self->side_back, "side-back");
  gtk_widget_set_visible (self->side_back, FALSE);
  g_signal_connect_swapped (self->side_back, "clicked", G_CALLBACK (side_back_clicked), self);
  gtk_box_append (GTK_BOX (bar), self->side_back);
  gtk_box_append (GTK_BOX (bar), self->side_tabs);
  gtk_box_append (GTK_BOX (self->side), bar);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->side_stack);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (self->side), scroller);

  self->details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->no_selection = gtk_label_new (_("Select a segment to change its title, length, people and notes."));
  gtk_label_set_wrap (GTK_LABEL (self->no_selection), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->no_selection), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->no_selection, "dim-label");
  gtk_widget_set_margin_top (self->no_selection, 12);
  gtk_box_append (GTK_BOX (self->details), self->no_selection);
  gtk_stack_add_named (GTK_STACK (self->side_stack), self->details, "segment");

  self->people = CONVENE_PEOPLE_PALETTE (convene_people_palette_new ());
  g_signal_connect_object (self->people, "person-activated", G_CALLBACK (_convene_timeline_view_person_activated), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (GTK_STACK (self->side_stack), GTK_WIDGET (self->people), "people");
  /* Filled by a template's <child type="session">: see
   * convene_timeline_view_add_child(). Shown until a block is chosen.
   * The stack asks its page how wide it must be at the column's height,
   * which a box answers by asking every row below it, and each row's
   * wrapping labels at a dozen widths: hundreds of text layouts in every
   * layout of the window. The column scrolls, so its width never depends
   * on its height: a row layout asks its one child for its width alone. */
  gtk_stack_add_named (GTK_STACK (self->side_stack), convene_row_layout_box_new (0), "session");
  gtk_stack_set_visible_child_name (GTK_STACK (self->side_stack), "session");
  page_shown (self);
}
