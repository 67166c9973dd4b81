/* convene-outcomes-view.c: see the header. */
#define G_LOG_DOMAIN "Convene"

#include "config.h"

#include <glib/gi18n.h>

#include "convene-edits.h"
#include "convene-clock.h"
#include "convene-outcome-row.h"
#include "convene-outcomes-view.h"
#include "convene-outcomes.h"
#include "convene-ui-util.h"

/* The setting behind the "every segment serves an objective" check. */
#define CHECK_OBJECTIVES_KEY "check-segment-objectives"

static const char * const add_titles[CONVENE_N_OUTCOME_KINDS] = {
  N_("Add an objective"),
  N_("Add an expected outcome"),
  N_("Add a guiding question"),
  N_("Add a follow-up action"),
};

struct _ConveneOutcomesView
{
  GtkWidget            parent_instance;

  /* children */
  GtkWidget           *scroller;
  GtkSwitch           *check_switch;
  GtkListBox          *unserved_list;
  AdwPreferencesGroup *groups[CONVENE_N_OUTCOME_KINDS];
  GtkListBox          *lists[CONVENE_N_OUTCOME_KINDS];
  AdwEntryRow         *add_rows[CONVENE_N_OUTCOME_KINDS];

  /* owned */
  GtkFilterListModel  *filtered[CONVENE_N_OUTCOME_KINDS];
  ConveneDocument     *document;
  ConveneSession      *session;
  GSettings           *settings;
  GSignalGroup *document_signals;  /* the document's change feed */
};

G_DEFINE_FINAL_TYPE (ConveneOutcomesView, convene_outcomes_view, GTK_TYPE_WIDGET)

static ConveneProject *
project_of (ConveneOutcomesView *self)
{
  return convene_document_get_project (self->document);
}

/* What the groups say about the model */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
refresh_unserved (ConveneOutcomesView *self)
{
  g_autoptr(GPtrArray) segments = NULL;
  GtkWidget *row;

  clear_list (self->unserved_list);
  if (self->session == NULL || !gtk_switch_get_active (self->check_switch))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->unserved_list), FALSE);
      return;
    }
  segments = convene_outcomes_list_segments_without_objective (project_of (self), self->session);
  if (segments->len == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Every segment serves an objective"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      gtk_list_box_append (self->unserved_list, row);
    }
  for (guint i = 0; i < segments->len; i++)
    {
      ConveneSegment *segment = g_ptr_array_index (segments, i);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *shown = convene_ui_dup_shown_text (convene_segment_get_title (segment));
      g_autofree char *title = g_markup_escape_text (shown, -1);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Serves no objective"));
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->unserved_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unserved_list), TRUE);
}

static void
refresh (ConveneOutcomesView *self)
{
  for (guint kind = 0; kind < CONVENE_N_OUTCOME_KINDS; kind++)
    {
      ConveneOutcomeProgress progress = { 0, };
      g_autofree char *sentence = NULL;

      if (self->session != NULL)
        convene_outcomes_get_progress (self->session, kind, &progress);
      sentence = convene_outcomes_format_progress (kind, &progress);
      adw_preferences_group_set_description (self->groups[kind], sentence);
      gtk_widget_set_visible (GTK_WIDGET (self->lists[kind]),
                              g_list_model_get_n_items (G_LIST_MODEL (self->filtered[kind])) > 0);
    }
  refresh_unserved (self);
}

/* Rows */

static GtkWidget *
create_row (gpointer item,
            gpointer data)
{
  ConveneOutcomesView *self = data;

  return convene_outcome_row_new (self->document, self->session, item);
}

static gboolean
kind_matches (gpointer item,
              gpointer data)
{
  return convene_outcome_get_kind (item) == (ConveneOutcomeKind) GPOINTER_TO_UINT (data);
}

static ConveneOutcomeRow *
row_for (ConveneOutcomesView *self,
         ConveneOutcome      *outcome)
{
  GtkListBox *list = self->lists[convene_outcome_get_kind (outcome)];
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (CONVENE_IS_OUTCOME_ROW (row) && convene_outcome_row_get_outcome (CONVENE_OUTCOME_ROW (row)) == outcome)
      return CONVENE_OUTCOME_ROW (row);
  return NULL;
}

static ConveneOutcome *
find_outcome (ConveneOutcomesView *self,
              gint64               id,
              guint               *position)
{
  GListModel *outcomes;

  if (self->session == NULL)
    return NULL;
  outcomes = G_LIST_MODEL (convene_session_get_outcomes (self->session));
  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);

      if (convene_outcome_get_id (outcome) == id)
        {
          if (position != NULL)
            *position = i;
          return outcome;  /* the session keeps it alive */
        }
    }
  return NULL;
}

/* Actions */

static void
place_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ConveneOutcomesView *self = CONVENE_OUTCOMES_VIEW (widget);
  GError *error = NULL;
  ConveneCommand *command;
  ConveneOutcome *outcome;
  ConveneOutcomeRow *row;
  gint64 id;
  guint index, position, current = 0, count;

  (void) action_name;
  g_variant_get (parameter, "(xu)", &id, &index);
  outcome = find_outcome (self, id, &current);
  if (outcome == NULL)
    return;
  count = g_list_model_get_n_items (G_LIST_MODEL (self->filtered[convene_outcome_get_kind (outcome)]));
  if (index >= count)
    return;
  position = convene_outcomes_position_for_kind_index (self->session, outcome, index);
  if (position == current)
    return;
  command = convene_edit_move_outcome (self->session, outcome, position, &error);
  if (!convene_ui_perform (widget, self->document, command, error))
    return;
  row = row_for (self, outcome);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConveneOutcomesView *self = CONVENE_OUTCOMES_VIEW (widget);
  g_autoptr(ConveneOutcome) outcome = NULL;
  g_autofree char *message = NULL;
  ConveneOutcomeKind kind;
  GtkListBoxRow *next;
  guint index;

  (void) action_name;
  outcome = find_outcome (self, g_variant_get_int64 (parameter), NULL);
  if (outcome == NULL)
    return;
  g_object_ref (outcome);
  kind = convene_outcome_get_kind (outcome);
  index = convene_outcome_row_kind_index (self->session, outcome);
  if (!convene_ui_perform (widget, self->document,
                           convene_edit_remove_outcome (project_of (self), self->session, outcome), NULL))
    return;
  /* Translators: a toast after deleting a checklist item; %s is its text */
  message = g_strdup_printf (_("“%s” deleted"), convene_outcome_get_text (outcome));
  convene_ui_show_undo_toast (widget, self->document, message);
  /* The keyboard stays in the list: on the next item, or the add field. */
  next = gtk_list_box_get_row_at_index (self->lists[kind], index);
  if (next == NULL && index > 0)
    next = gtk_list_box_get_row_at_index (self->lists[kind], index - 1);
  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (next));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_rows[kind]));
}

static void
add_activated (ConveneOutcomesView *self,
               AdwEntryRow         *entry_row)
{
  ConveneOutcomeKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry_row), "convene-kind"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry_row))));
  g_autoptr(ConveneOutcome) outcome = NULL;
  ConveneProject *project;
  guint n;

  if (self->session == NULL || *text == '\0')
    return;
  project = project_of (self);
  outcome = convene_outcome_new (convene_project_new_id (project), kind, text);
  n = g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_outcomes (self->session)));
  if (convene_ui_perform (GTK_WIDGET (self), self->document, convene_edit_add_outcome (self->session, outcome, n), NULL))
    gtk_editable_set_text (GTK_EDITABLE (entry_row), "");
}

static void
add_clicked (GtkButton           *button,
             ConveneOutcomesView *self)
{
  add_activated (self, g_object_get_data (G_OBJECT (button), "convene-entry-row"));
}

/* Building */

static void
convene_outcomes_view_dispose (GObject *object)
{
  ConveneOutcomesView *self = CONVENE_OUTCOMES_VIEW (object);
  GtkWidget *child;

  g_clear_object (&self->document_signals);
  for (guint kind = 0; kind < CONVENE_N_OUTCOME_KINDS; kind++)
    if (self->lists[kind] != NULL)
      gtk_list_box_bind_model (self->lists[kind], NULL, NULL, NULL, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  for (guint kind = 0; kind < CONVENE_N_OUTCOME_KINDS; kind++)
    {
      self->lists[kind] = NULL;
      g_clear_object (&self->filtered[kind]);
    }
  g_clear_object (&self->session);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (convene_outcomes_view_parent_class)->dispose (object);
}

static void
convene_outcomes_view_class_init (ConveneOutcomesViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = convene_outcomes_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_install_action (widget_class, "outcomes.place", "(xu)", place_action);
  gtk_widget_class_install_action (widget_class, "outcomes.remove", "x", remove_action);
}

static GtkListBox *
boxed_list (void)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());

  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  return list;
}

static void
build_check_group (ConveneOutcomesView *self,
                   GtkBox              *content)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Running Order"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Check that every segment serves an objective"));
  self->check_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->check_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Check that every segment serves an objective"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->check_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->check_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->unserved_list = boxed_list ();
  gtk_widget_set_margin_top (GTK_WIDGET (self->unserved_list), 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->unserved_list));
  gtk_box_append (content, group);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, CHECK_OBJECTIVES_KEY, self->check_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->check_switch, "notify::active",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
}

static void
convene_outcomes_view_init (ConveneOutcomesView *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  /* Every change to the session's items, their links and its running
   * order may change a progress line or the list of segments. */
  self->document_signals = g_signal_group_new (CONVENE_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (refresh), self,
                                 G_CONNECT_SWAPPED);
  g_signal_connect_object (convene_clock_get_default (), "notify::use-12h", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);

  for (guint kind = 0; kind < CONVENE_N_OUTCOME_KINDS; kind++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkListBox *add_list = boxed_list ();
      GtkCustomFilter *filter = gtk_custom_filter_new (kind_matches, GUINT_TO_POINTER (kind), NULL);
      GtkWidget *add_button;

      self->groups[kind] = ADW_PREFERENCES_GROUP (group);
      adw_preferences_group_set_title (self->groups[kind], convene_outcome_kind_get_group_title (kind));
      self->filtered[kind] = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
      self->lists[kind] = boxed_list ();
      gtk_widget_add_css_class (GTK_WIDGET (self->lists[kind]), "outcome-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->lists[kind]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      convene_outcome_kind_get_group_title (kind), -1);
      gtk_list_box_bind_model (self->lists[kind], G_LIST_MODEL (self->filtered[kind]), create_row, self, NULL);
      adw_preferences_group_add (self->groups[kind], GTK_WIDGET (self->lists[kind]));

      self->add_rows[kind] = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_rows[kind]), _(add_titles[kind]));
      g_object_set_data (G_OBJECT (self->add_rows[kind]), "convene-kind", GUINT_TO_POINTER (kind));
      g_signal_connect_object (self->add_rows[kind], "entry-activated", G_CALLBACK (add_activated), self,
                               G_CONNECT_SWAPPED);
      add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
      gtk_widget_add_css_class (add_button, "flat");
      gtk_widget_set_valign (add_button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (add_button, _(add_titles[kind]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(add_titles[kind]), -1);
      g_object_set_data (G_OBJECT (add_button), "convene-entry-row", self->add_rows[kind]);
      g_signal_connect_object (add_button, "clicked", G_CALLBACK (add_clicked), self, 0);
      adw_entry_row_add_suffix (self->add_rows[kind], add_button);
      gtk_list_box_append (add_list, GTK_WIDGET (self->add_rows[kind]));
      gtk_widget_set_margin_top (GTK_WIDGET (add_list), 6);
      adw_preferences_group_add (self->groups[kind], GTK_WIDGET (add_list));
      gtk_box_append (GTK_BOX (content), group);
    }
  build_check_group (self, GTK_BOX (content));
  refresh (self);
}

GtkWidget *
convene_outcomes_view_new (void)
{
  return g_object_new (CONVENE_TYPE_OUTCOMES_VIEW, NULL);
}

void
convene_outcomes_view_set_session (ConveneOutcomesView *self,
                                   ConveneDocument     *document,
                                   ConveneSession      *session)
{
  g_return_if_fail (CONVENE_IS_OUTCOMES_VIEW (self));

  if (document == NULL || session == NULL)
    {
      document = NULL;
      session = NULL;
    }
  if (document == self->document && session == self->session)
    return;

  g_set_object (&self->document, document);
  g_set_object (&self->session, session);
  g_signal_group_set_target (self->document_signals, self->document);
  for (guint kind = 0; kind < CONVENE_N_OUTCOME_KINDS; kind++)
    {
      gtk_filter_list_model_set_model (self->filtered[kind],
                                       session != NULL ? G_LIST_MODEL (convene_session_get_outcomes (session)) : NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->add_rows[kind]),
                                session != NULL && !convene_document_get_read_only (document));
    }
  refresh (self);
}
