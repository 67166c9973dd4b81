/* convene-outcome-row.c: see the header. */
#define G_LOG_DOMAIN "Convene"

#include "config.h"

#include <glib/gi18n.h>

#include "convene-date-entry.h"
#include "convene-edits.h"
#include "convene-outcome-row.h"
#include "convene-outcomes.h"
#include "convene-ui-util.h"

struct _ConveneOutcomeRow
{
  GtkListBoxRow    parent_instance;

  /* children */
  GtkCheckButton  *check;
  GtkStack        *text_stack;
  GtkLabel        *text_label;
  GtkEntry        *text_entry;
  GtkWidget       *unlinked_icon;
  GtkLabel        *served_label;      /* the segments that serve it */
  GtkDropDown     *result_dropdown;   /* expected outcomes */
  GtkEntry        *note_entry;        /* expected outcomes */
  GtkDropDown     *owner_dropdown;    /* follow-ups */
  ConveneDateEntry *due_entry;       /* follow-ups */

  /* owned */
  ConveneDocument *document;
  ConveneSession  *session;
  ConveneOutcome  *outcome;
  GArray          *owner_ids;         /* gint64 per owner_dropdown entry; 0 = nobody */

  gboolean         syncing;
};

G_DEFINE_FINAL_TYPE (ConveneOutcomeRow, convene_outcome_row, GTK_TYPE_LIST_BOX_ROW)

static ConveneProject *
project_of (ConveneOutcomeRow *self)
{
  return convene_document_get_project (self->document);
}

guint
convene_outcome_row_kind_index (ConveneSession *session,
                                ConveneOutcome *outcome)
{
  GListModel *outcomes = G_LIST_MODEL (convene_session_get_outcomes (session));
  ConveneOutcomeKind kind = convene_outcome_get_kind (outcome);
  guint index = 0;

  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(ConveneOutcome) other = g_list_model_get_item (outcomes, i);

      if (other == outcome)
        return index;
      if (convene_outcome_get_kind (other) == kind)
        index++;
    }
  return index;
}

/* Shows the model */

static void
sync_unlinked (ConveneOutcomeRow *self)
{
  g_autoptr(GPtrArray) segments = convene_outcomes_list_segments (project_of (self), self->outcome);
  g_autoptr(GString) titles = g_string_new (NULL);
  g_autofree char *served = NULL;

  gtk_widget_set_visible (self->unlinked_icon, convene_outcomes_is_unlinked (project_of (self), self->outcome));
  for (guint i = 0; i < segments->len; i++)
    {
      if (i > 0)
        /* Translators: between the titles of the segments that serve an item */
        g_string_append (titles, _(" · "));
      g_string_append (titles, convene_segment_get_title (g_ptr_array_index (segments, i)));
    }
  if (segments->len > 0)
    /* Translators: under a checklist item; %s lists the segments that serve it */
    served = g_strdup_printf (_("Served by %s"), titles->str);
  convene_ui_label_set_user_text (self->served_label, served);
  gtk_widget_set_visible (GTK_WIDGET (self->served_label), served != NULL);
}

static void
sync_owners (ConveneOutcomeRow *self)
{
  GListModel *speakers;
  g_autoptr(GtkStringList) names = NULL;
  gint64 owner;
  guint selected = 0;
  gint64 nobody = 0;

  if (self->owner_dropdown == NULL)
    return;
  speakers = G_LIST_MODEL (convene_project_get_speakers (project_of (self)));
  owner = convene_outcome_get_owner_id (self->outcome);
  names = gtk_string_list_new (NULL);
  g_array_set_size (self->owner_ids, 0);
  /* Translators: the owner of a follow-up action when none is chosen */
  gtk_string_list_append (names, C_("owner", "Nobody"));
  g_array_append_val (self->owner_ids, nobody);
  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (speakers, i);
      g_autofree char *display = convene_speaker_dup_display_name (speaker);
      g_autofree char *name = convene_ui_dup_shown_text (display);
      gint64 id = convene_speaker_get_id (speaker);

      gtk_string_list_append (names, name);
      g_array_append_val (self->owner_ids, id);
      if (id == owner)
        selected = i + 1;
    }
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->owner_dropdown, selected);
  self->syncing = FALSE;
}

static void
set_entry_unless_editing (GtkEntry   *entry,
                          const char *text)
{
  if (entry == NULL || gtk_widget_get_focus_child (GTK_WIDGET (entry)) != NULL)
    return;
  convene_ui_editable_show_stored (GTK_EDITABLE (entry), text);
}

static void
sync_row (ConveneOutcomeRow *self)
{
  const char *text = convene_outcome_get_text (self->outcome);
  g_autofree char *done_label = NULL;

  self->syncing = TRUE;
  convene_ui_label_set_user_text (self->text_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->text_stack), "edit") != 0)
    convene_ui_editable_show_stored (GTK_EDITABLE (self->text_entry), text);
  gtk_check_button_set_active (self->check, convene_outcome_get_done (self->outcome));
  /* A ticked item steps back; an assessed outcome keeps its text plain,
   * its result beside it says how it went. */
  if (convene_outcome_get_done (self->outcome) &&
      convene_outcome_get_kind (self->outcome) != CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME)
    gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->text_label), "dim-label");
  /* Translators: the accessible name of the tick box of a checklist item */
  done_label = g_strdup_printf (_("Done: %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL, done_label, -1);
  if (self->result_dropdown != NULL)
    {
      gtk_drop_down_set_selected (self->result_dropdown, convene_outcome_get_result (self->outcome));
      set_entry_unless_editing (self->note_entry, convene_outcome_get_result_note (self->outcome));
    }
  if (self->due_entry != NULL)
    convene_date_entry_set_date (self->due_entry, convene_outcome_get_due_date (self->outcome));
  self->syncing = FALSE;
  if (self->owner_dropdown != NULL)
    {
      guint selected = 0;

      for (guint i = 0; i < self->owner_ids->len; i++)
        if (g_array_index (self->owner_ids, gint64, i) == convene_outcome_get_owner_id (self->outcome))
          selected = i;
      self->syncing = TRUE;
      gtk_drop_down_set_selected (self->owner_dropdown, selected);
      self->syncing = FALSE;
    }
}

/* Edits */

static gboolean
perform (ConveneOutcomeRow *self,
         ConveneCommand    *command,
         GError            *error)
{
  g_autoptr(ConveneOutcomeRow) keep = g_object_ref (self);

  return convene_ui_perform (GTK_WIDGET (self), self->document, command, error);
}

static void
check_toggled (ConveneOutcomeRow *self)
{
  gboolean active = gtk_check_button_get_active (self->check);

  if (self->syncing || active == convene_outcome_get_done (self->outcome))
    return;
  if (!perform (self, convene_edit_set_outcome_done (self->outcome, active), NULL))
    sync_row (self);
}

static void
show_label (ConveneOutcomeRow *self)
{
  gtk_stack_set_visible_child_name (self->text_stack, "show");
}

static void
text_commit (ConveneOutcomeRow *self)
{
  g_autofree char *text = NULL;
  const char *edited;
  GError *error = NULL;
  ConveneCommand *command;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->text_stack), "edit") != 0)
    return;
  edited = convene_ui_editable_get_edited (GTK_EDITABLE (self->text_entry));
  text = g_strstrip (g_strdup (edited != NULL ? edited : ""));
  show_label (self);
  if (*text == '\0' || g_str_equal (text, convene_outcome_get_text (self->outcome)))
    {
      sync_row (self);
      return;
    }
  command = convene_edit_set_text (self->outcome, "text", text, &error);
  perform (self, command, error);
  sync_row (self);
}

static void
text_activated (ConveneOutcomeRow *self)
{
  gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self->text_stack)) != NULL;

  text_commit (self);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
text_key_pressed (ConveneOutcomeRow *self,
                  guint              keyval)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  show_label (self);
  sync_row (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  return TRUE;
}

void
convene_outcome_row_start_editing (ConveneOutcomeRow *self)
{
  g_return_if_fail (CONVENE_IS_OUTCOME_ROW (self));

  convene_ui_editable_show_stored (GTK_EDITABLE (self->text_entry), convene_outcome_get_text (self->outcome));
  gtk_stack_set_visible_child_name (self->text_stack, "edit");
  gtk_widget_grab_focus (GTK_WIDGET (self->text_entry));
}

static void
result_changed (ConveneOutcomeRow *self)
{
  ConveneOutcomeResult result = gtk_drop_down_get_selected (self->result_dropdown);
  GError *error = NULL;
  ConveneCommand *command;

  if (self->syncing || result >= CONVENE_N_OUTCOME_RESULTS || result == convene_outcome_get_result (self->outcome))
    return;
  command = convene_edit_set_outcome_result (self->outcome, result, convene_outcome_get_result_note (self->outcome),
                                             &error);
  if (!perform (self, command, error))
    sync_row (self);
}

static void
note_commit (ConveneOutcomeRow *self)
{
  const char *note = convene_ui_editable_get_edited (GTK_EDITABLE (self->note_entry));
  GError *error = NULL;
  ConveneCommand *command;

  if (note == NULL || g_str_equal (note, convene_outcome_get_result_note (self->outcome)))
    return;
  command = convene_edit_set_outcome_result (self->outcome, convene_outcome_get_result (self->outcome), note, &error);
  if (!perform (self, command, error))
    convene_ui_editable_show_stored (GTK_EDITABLE (self->note_entry), convene_outcome_get_result_note (self->outcome));
}

static void
owner_changed (ConveneOutcomeRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);
  GError *error = NULL;
  ConveneCommand *command;
  gint64 owner;

  if (self->syncing || selected >= self->owner_ids->len)
    return;
  owner = g_array_index (self->owner_ids, gint64, selected);
  if (owner == convene_outcome_get_owner_id (self->outcome))
    return;
  command = convene_edit_set_number (self->outcome, "owner-id", owner, &error);
  if (!perform (self, command, error))
    sync_row (self);
}

static void
due_chosen (ConveneOutcomeRow *self,
            const char        *date)
{
  GError *error = NULL;
  ConveneCommand *command;

  if (g_str_equal (date, convene_outcome_get_due_date (self->outcome)))
    return;
  command = convene_edit_set_text (self->outcome, "due-date", date, &error);
  perform (self, command, error);
  convene_date_entry_set_date (self->due_entry, convene_outcome_get_due_date (self->outcome));
}

/* Commits an entry when the focus leaves it. */
static void
commit_on_leave (GtkWidget         *entry,
                 GCallback          commit,
                 ConveneOutcomeRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", commit, self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (entry, focus);
}

/* ... and when Enter is pressed in it. */
static void
commit_on_enter_or_leave (GtkWidget         *entry,
                          GCallback          commit,
                          ConveneOutcomeRow *self)
{
  commit_on_leave (entry, commit, self);
  g_signal_connect_object (entry, "activate", commit, self, G_CONNECT_SWAPPED);
}

/* Actions: the keyboard twins of the buttons and of dragging */

static void
place (ConveneOutcomeRow *self,
       int                delta)
{
  guint index = convene_outcome_row_kind_index (self->session, self->outcome);

  if (delta < 0 && index == 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "outcomes.place", "(xu)",
                              convene_outcome_get_id (self->outcome), (guint) ((int) index + delta));
}

static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ConveneOutcomeRow *self = CONVENE_OUTCOME_ROW (widget);

  (void) parameter;
  if (g_str_equal (action_name, "row.move-up"))
    place (self, -1);
  else if (g_str_equal (action_name, "row.move-down"))
    place (self, 1);
  else if (g_str_equal (action_name, "row.edit"))
    convene_outcome_row_start_editing (self);
  else if (g_str_equal (action_name, "row.delete"))
    gtk_widget_activate_action (GTK_WIDGET (self), "outcomes.remove", "x", convene_outcome_get_id (self->outcome));
}

/* Drag and drop: an item dropped on another of its kind takes its place. */

static GdkContentProvider *
drag_prepare (ConveneOutcomeRow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->text_stack), "edit") == 0 ||
      convene_document_get_read_only (self->document))
    return NULL;
  return gdk_content_provider_new_typed (CONVENE_TYPE_OUTCOME, self->outcome);
}

static void
drag_begin (ConveneOutcomeRow *self,
            GdkDrag           *drag,
            GtkDragSource     *source)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  (void) drag;
  gtk_drag_source_set_icon (source, paintable, 12, 12);
}

static gboolean
drop_accept (ConveneOutcomeRow *self,
             const GValue      *value)
{
  ConveneOutcome *dropped = g_value_get_object (value);

  if (dropped == NULL || dropped == self->outcome ||
      convene_outcome_get_kind (dropped) != convene_outcome_get_kind (self->outcome))
    return FALSE;
  if (!g_list_store_find (convene_session_get_outcomes (self->session), dropped, NULL))
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "outcomes.place", "(xu)", convene_outcome_get_id (dropped),
                              convene_outcome_row_kind_index (self->session, self->outcome));
  return TRUE;
}

static gboolean
drop (GtkDropTarget     *target,
      const GValue      *value,
      double             x,
      double             y,
      ConveneOutcomeRow *self)
{
  (void) target;
  (void) x;
  (void) y;
  return drop_accept (self, value);
}

/* Building */

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip,
             const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  return button;
}

static GtkEntry *
small_entry (const char *placeholder,
             const char *accessible_label,
             int         width_chars)
{
  GtkEntry *entry = GTK_ENTRY (gtk_entry_new ());

  gtk_entry_set_placeholder_text (entry, placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), accessible_label);
  return entry;
}

static GtkDropDown *
labelled_dropdown (GListModel *model,
                   const char *accessible_label)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new (model != NULL ? g_object_ref (model) : NULL, NULL));

  gtk_widget_set_valign (GTK_WIDGET (dropdown), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown), accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return dropdown;
}

/* The result and note (or owner and due date) side by side when the row is
 * wide enough, one above the other on a phone. */
static GtkWidget *
details_box (void)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  return flow;
}

static void
details_append (GtkWidget *flow,
                GtkWidget *child)
{
  gtk_flow_box_append (GTK_FLOW_BOX (flow), child);
  gtk_widget_set_focusable (gtk_widget_get_parent (child), FALSE);
}

static void
build (ConveneOutcomeRow *self)
{
  ConveneOutcomeKind kind = convene_outcome_get_kind (self->outcome);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *middle = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *details = NULL;
  GtkEventController *keys;
  GtkDragSource *source;
  GtkDropTarget *target;

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  self->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->check), GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->check),
                               kind == CONVENE_OUTCOME_KIND_GUIDING_QUESTION ? _("Covered") : _("Done"));
  g_signal_connect_object (self->check, "toggled", G_CALLBACK (check_toggled), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->check));
  /* An expected outcome is not ticked off but assessed: its result (not
   * assessed, met, partly met, not met) is its one control, and marks it
   * done once chosen. */
  gtk_widget_set_visible (GTK_WIDGET (self->check), kind != CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME);

  self->text_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->text_stack, FALSE);
  gtk_stack_set_hhomogeneous (self->text_stack, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->text_stack), TRUE);
  self->text_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->text_label, TRUE);
  gtk_label_set_wrap_mode (self->text_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->text_label, 0);
  gtk_widget_set_valign (GTK_WIDGET (self->text_label), GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (GTK_WIDGET (self->text_label), 4);
  gtk_stack_add_named (self->text_stack, GTK_WIDGET (self->text_label), "show");
  self->text_entry = small_entry (NULL, _("Text of the item"), 10);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->text_entry), NULL);
  gtk_stack_add_named (self->text_stack, GTK_WIDGET (self->text_entry), "edit");
  gtk_stack_set_visible_child_name (self->text_stack, "show");
  commit_on_leave (GTK_WIDGET (self->text_entry), G_CALLBACK (text_commit), self);
  g_signal_connect_object (self->text_entry, "activate", G_CALLBACK (text_activated), self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (text_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_entry), keys);
  gtk_box_append (GTK_BOX (middle), GTK_WIDGET (self->text_stack));
  self->served_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->served_label, TRUE);
  gtk_label_set_xalign (self->served_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->served_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->served_label), "dim-label");
  gtk_box_append (GTK_BOX (middle), GTK_WIDGET (self->served_label));

  if (kind == CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME)
    {
      g_autoptr(GtkStringList) results = gtk_string_list_new (NULL);

      for (guint i = 0; i < CONVENE_N_OUTCOME_RESULTS; i++)
        gtk_string_list_append (results, convene_outcome_result_get_label (i));
      details = details_box ();
      self->result_dropdown = labelled_dropdown (G_LIST_MODEL (results), _("Result after the event"));
      details_append (details, GTK_WIDGET (self->result_dropdown));
      self->note_entry = small_entry (_("Note on the result"), _("Note on the result"), 14);
      details_append (details, GTK_WIDGET (self->note_entry));
      g_signal_connect_object (self->result_dropdown, "notify::selected", G_CALLBACK (result_changed), self,
                               G_CONNECT_SWAPPED);
      commit_on_enter_or_leave (GTK_WIDGET (self->note_entry), G_CALLBACK (note_commit), self);
    }
  else if (kind == CONVENE_OUTCOME_KIND_FOLLOW_UP)
    {
      details = details_box ();
      self->owner_dropdown = labelled_dropdown (NULL, _("Owner"));
      details_append (details, GTK_WIDGET (self->owner_dropdown));
      self->due_entry = CONVENE_DATE_ENTRY (convene_date_entry_new ());
      convene_date_entry_set_optional (self->due_entry, TRUE);
      convene_date_entry_set_title (self->due_entry, _("Due date"));
      details_append (details, GTK_WIDGET (self->due_entry));
      g_signal_connect_object (self->owner_dropdown, "notify::selected", G_CALLBACK (owner_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->due_entry, "date-chosen", G_CALLBACK (due_chosen), self, G_CONNECT_SWAPPED);
    }
  if (details != NULL)
    gtk_box_append (GTK_BOX (middle), details);
  gtk_box_append (GTK_BOX (box), middle);

  self->unlinked_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->unlinked_icon, "warning");
  gtk_widget_set_valign (self->unlinked_icon, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->unlinked_icon,
                               _("No segment serves this item yet: link it in a segment’s details"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->unlinked_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Not linked to any segment"), -1);
  gtk_box_append (GTK_BOX (box), self->unlinked_icon);

  gtk_box_append (GTK_BOX (box), icon_button ("document-edit-symbolic", _("Edit Text"), "row.edit"));
  gtk_box_append (GTK_BOX (box), icon_button ("user-trash-symbolic", _("Delete"), "row.delete"));
  /* A project open read-only is shown, not edited. */
  gtk_widget_set_sensitive (box, !convene_document_get_read_only (self->document));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
  target = gtk_drop_target_new (CONVENE_TYPE_OUTCOME, GDK_ACTION_MOVE);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
convene_outcome_row_dispose (GObject *object)
{
  ConveneOutcomeRow *self = CONVENE_OUTCOME_ROW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->outcome);
  g_clear_object (&self->session);
  g_clear_object (&self->document);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  G_OBJECT_CLASS (convene_outcome_row_parent_class)->dispose (object);
}

static void
convene_outcome_row_class_init (ConveneOutcomeRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = convene_outcome_row_dispose;
  gtk_widget_class_install_action (widget_class, "row.move-up", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "row.move-down", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "row.edit", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, row_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "row.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "row.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "row.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "row.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "row.delete", NULL);
}

static void
convene_outcome_row_init (ConveneOutcomeRow *self)
{
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_add_css_class (GTK_WIDGET (self), "outcome-row");
}

/* The row hears of edits from the document's feed: its own item, the
 * segments that serve it (links, titles) and the people who may own it. */
static void
document_changed (ConveneOutcomeRow *self,
                  ConveneChanges    *changes)
{
  if (self->outcome == NULL)
    return;
  if (convene_changes_contains (changes, self->outcome))
    sync_row (self);
  if (convene_changes_has (changes, CONVENE_CHANGE_OUTCOME_LINKS | CONVENE_CHANGE_SEGMENTS))
    sync_unlinked (self);
  if (convene_changes_has (changes, CONVENE_CHANGE_SPEAKERS))
    sync_owners (self);
}

GtkWidget *
convene_outcome_row_new (ConveneDocument *document,
                         ConveneSession  *session,
                         ConveneOutcome  *outcome)
{
  ConveneOutcomeRow *self;

  g_return_val_if_fail (CONVENE_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);
  g_return_val_if_fail (CONVENE_IS_OUTCOME (outcome), NULL);

  self = g_object_new (CONVENE_TYPE_OUTCOME_ROW, NULL);
  self->document = g_object_ref (document);
  self->session = g_object_ref (session);
  self->outcome = g_object_ref (outcome);
  build (self);
  sync_owners (self);
  sync_row (self);
  sync_unlinked (self);
  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

ConveneOutcome *
convene_outcome_row_get_outcome (ConveneOutcomeRow *self)
{
  g_return_val_if_fail (CONVENE_IS_OUTCOME_ROW (self), NULL);
  return self->outcome;
}
