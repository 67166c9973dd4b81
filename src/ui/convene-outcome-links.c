/* convene-outcome-links.c: see the header. */
#define G_LOG_DOMAIN "Convene"

#include "config.h"

#include <glib/gi18n.h>

#include "convene-edits.h"
#include "convene-clock.h"
#include "convene-outcome-links.h"
#include "convene-outcomes.h"
#include "convene-ui-util.h"

/* Longer items are shortened in the list to choose from. */
#define CHOICE_CHARS 70

struct _ConveneOutcomeLinks
{
  GtkWidget            parent_instance;

  /* children */
  AdwPreferencesGroup *group;
  AdwComboRow         *link_row;
  GPtrArray           *link_rows;   /* the rows of linked items, borrowed */

  /* owned */
  ConveneDocument     *document;
  ConveneSession      *session;
  ConveneSegment      *segment;
  GPtrArray           *choices;     /* ConveneOutcome behind link_row's entries 1.. */
  GSignalGroup        *document_signals;  /* the document's change feed */
  guint                refresh_id;
  gboolean             syncing;
};

G_DEFINE_FINAL_TYPE (ConveneOutcomeLinks, convene_outcome_links, GTK_TYPE_WIDGET)

static ConveneProject *
project_of (ConveneOutcomeLinks *self)
{
  return convene_document_get_project (self->document);
}

static char *
shorten (const char *text)
{
  if (g_utf8_strlen (text, -1) <= CHOICE_CHARS)
    return g_strdup (text);
  {
    g_autofree char *start = g_utf8_substring (text, 0, CHOICE_CHARS - 1);

    return g_strconcat (g_strchomp (start), "…", NULL);
  }
}

static void
unlink_clicked (GtkButton           *button,
                ConveneOutcomeLinks *self)
{
  ConveneOutcome *outcome = g_object_get_data (G_OBJECT (button), "convene-outcome");
  GError *error = NULL;
  ConveneCommand *command;

  if (self->segment == NULL || outcome == NULL)
    return;
  command = convene_edit_unlink_outcome (project_of (self), outcome, self->segment, &error);
  if (convene_ui_perform (GTK_WIDGET (self), self->document, command, error))
    gtk_widget_grab_focus (GTK_WIDGET (self->link_row));
}

static void
refresh (ConveneOutcomeLinks *self)
{
  g_autoptr(GPtrArray) linked = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *outcomes;

  for (guint i = 0; i < self->link_rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->link_rows, i));
  g_ptr_array_set_size (self->link_rows, 0);
  g_ptr_array_set_size (self->choices, 0);
  if (self->segment == NULL)
    return;

  linked = convene_outcomes_list_for_segment (project_of (self), self->segment);
  for (guint i = 0; i < linked->len; i++)
    {
      ConveneOutcome *outcome = g_ptr_array_index (linked, i);
      g_autofree char *shown = convene_ui_dup_shown_text (convene_outcome_get_text (outcome));
      g_autofree char *title = g_markup_escape_text (shown, -1);
      g_autofree char *label = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("edit-delete-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), convene_outcome_kind_get_label (convene_outcome_get_kind (outcome)));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "outcome-unlink");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Unlink"));
      /* Translators: the accessible name of the button that unlinks an item from a segment */
      label = g_strdup_printf (_("Unlink “%s”"), convene_outcome_get_text (outcome));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (button), "convene-outcome", g_object_ref (outcome), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (unlink_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->link_rows, row);
    }

  /* Translators: the first entry of the list of items a segment can be linked to */
  gtk_string_list_append (names, _("Choose an item…"));
  outcomes = G_LIST_MODEL (convene_session_get_outcomes (self->session));
  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);
      g_autofree char *name = NULL;

      if (convene_project_find_outcome_link (project_of (self), convene_outcome_get_id (outcome),
                                             convene_segment_get_id (self->segment)) != NULL)
        continue;
      name = shorten (convene_outcome_get_text (outcome));
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->choices, g_object_ref (outcome));
    }
  self->syncing = TRUE;
  adw_combo_row_set_model (self->link_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->link_row, 0);
  self->syncing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_row), self->choices->len > 0);
  adw_preferences_group_set_description (self->group,
                                         linked->len == 0 ? _("No objective, outcome or question linked yet")
                                                          : NULL);
}

static gboolean
refresh_idle (gpointer data)
{
  ConveneOutcomeLinks *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* The list is rebuilt after the signal that changed it returns: the chosen
 * entry's combo row and the pressed Unlink button are in the list. Before
 * the next layout, so what is drawn is never a frame behind. */
static void
queue_refresh (ConveneOutcomeLinks *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle, self, NULL);
}

static void
link_selected (ConveneOutcomeLinks *self)
{
  guint selected = adw_combo_row_get_selected (self->link_row);
  GError *error = NULL;
  ConveneCommand *command;

  if (self->syncing || self->segment == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->choices->len)
    return;
  command = convene_edit_link_outcome (project_of (self), g_ptr_array_index (self->choices, selected - 1),
                                       self->segment, &error);
  convene_ui_perform (GTK_WIDGET (self), self->document, command, error);
  /* The list goes back to its first entry once this choice is handled,
   * whether or not the link was made. */
  queue_refresh (self);
}

static void
convene_outcome_links_dispose (GObject *object)
{
  ConveneOutcomeLinks *self = CONVENE_OUTCOME_LINKS (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->document_signals);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->link_rows, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_object (&self->segment);
  g_clear_object (&self->session);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (convene_outcome_links_parent_class)->dispose (object);
}

static void
convene_outcome_links_class_init (ConveneOutcomeLinksClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = convene_outcome_links_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
convene_outcome_links_init (ConveneOutcomeLinks *self)
{
  GtkWidget *choice_list;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->link_rows = g_ptr_array_new ();
  self->choices = g_ptr_array_new_with_free_func (g_object_unref);
  /* The session's checklist (texts) and the links decide the rows. */
  self->document_signals = g_signal_group_new (CONVENE_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (queue_refresh), self,
                                 G_CONNECT_SWAPPED);
  g_signal_connect_object (convene_clock_get_default (), "notify::use-12h", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  /* Translators: the heading of the checklist items a segment serves */
  adw_preferences_group_set_title (self->group, C_("outcomes", "Serves"));
  gtk_widget_set_parent (GTK_WIDGET (self->group), GTK_WIDGET (self));

  self->link_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->link_row), _("Link an Item"));
  gtk_widget_add_css_class (GTK_WIDGET (self->link_row), "outcome-link-choice");
  g_signal_connect_object (self->link_row, "notify::selected", G_CALLBACK (link_selected), self, G_CONNECT_SWAPPED);
  /* In a list of its own, so that it stays below the linked items. */
  choice_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (choice_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (choice_list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (choice_list), GTK_WIDGET (self->link_row));
  adw_preferences_group_add (self->group, choice_list);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
convene_outcome_links_new (void)
{
  return g_object_new (CONVENE_TYPE_OUTCOME_LINKS, NULL);
}

void
convene_outcome_links_set_segment (ConveneOutcomeLinks *self,
                                   ConveneDocument     *document,
                                   ConveneSession      *session,
                                   ConveneSegment      *segment)
{
  g_return_if_fail (CONVENE_IS_OUTCOME_LINKS (self));

  if (document == NULL || session == NULL || segment == NULL)
    {
      document = NULL;
      session = NULL;
      segment = NULL;
    }
  if (document == self->document && session == self->session && segment == self->segment)
    return;

  g_set_object (&self->document, document);
  g_set_object (&self->session, session);
  g_set_object (&self->segment, segment);
  gtk_widget_set_visible (GTK_WIDGET (self), segment != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self), document != NULL && !convene_document_get_read_only (document));
  g_signal_group_set_target (self->document_signals, self->document);
  refresh (self);
}
