/* convene-outcome-links.c: see the header. */
#define G_LOG_DOMAIN "Convene"

#include "config.h"

#include <glib/gi18n.h>

#include "convene-edits.h"
#include "convene-clock.h"
#include "convene-outcome-links.h"
#include "convene-outcomes.h"
#include "convene-ui-util.h"

struct _ConveneOutcomeLinks
{
  GtkWidget            parent_instance;

  /* children */
  AdwPreferencesGroup *group;
  AdwExpanderRow      *link_row;    /* "Link an Item", opening the items to choose from */
  GtkSearchEntry      *search;
  GPtrArray           *link_rows;   /* the rows of linked items, borrowed */
  GPtrArray           *choice_rows; /* headings and items inside link_row, borrowed */

  /* owned */
  ConveneDocument     *document;
  ConveneSession      *session;
  ConveneSegment      *segment;
  char                *query;       /* what the search holds, or NULL */
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

static void queue_refresh (ConveneOutcomeLinks *self);

/* Shows the items whose text has every word of the search, ignoring case
 * and accents, and the headings of those shown. */
static void
apply_search (ConveneOutcomeLinks *self)
{
  for (guint i = 0; i < self->choice_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->choice_rows, i);
      ConveneOutcome *outcome = g_object_get_data (G_OBJECT (row), "convene-outcome");

      if (outcome != NULL)
        gtk_widget_set_visible (row, self->query == NULL ||
                                     g_str_match_string (self->query, convene_outcome_get_text (outcome), TRUE));
      else
        gtk_widget_set_visible (row, FALSE);
    }
  for (guint i = 0; i < self->choice_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->choice_rows, i);
      GtkWidget *heading = g_object_get_data (G_OBJECT (row), "convene-heading");

      if (heading != NULL && gtk_widget_get_visible (row))
        gtk_widget_set_visible (heading, TRUE);
    }
}

static void
search_changed (ConveneOutcomeLinks *self)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search))));

  g_clear_pointer (&self->query, g_free);
  if (stripped[0] != '\0')
    self->query = g_steal_pointer (&stripped);
  apply_search (self);
}

/* An item chosen: linked, and gone from the choices once the list is
 * rebuilt; the search keeps the keyboard for the next one. */
static void
choice_activated (ConveneOutcomeLinks *self,
                  AdwActionRow        *row)
{
  ConveneOutcome *outcome = g_object_get_data (G_OBJECT (row), "convene-outcome");
  GError *error = NULL;
  ConveneCommand *command;

  if (self->segment == NULL || outcome == NULL)
    return;
  command = convene_edit_link_outcome (project_of (self), outcome, self->segment, &error);
  if (convene_ui_perform (GTK_WIDGET (self), self->document, command, error))
    gtk_widget_grab_focus (GTK_WIDGET (self->search));
  queue_refresh (self);
}

static void
refresh (ConveneOutcomeLinks *self)
{
  g_autoptr(GPtrArray) linked = NULL;
  GListModel *outcomes;
  guint n_choices;

  for (guint i = 0; i < self->link_rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->link_rows, i));
  g_ptr_array_set_size (self->link_rows, 0);
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

  /* The session's items not linked yet, under their kind's heading, each
   * in full. */
  for (guint i = 0; i < self->choice_rows->len; i++)
    adw_expander_row_remove (self->link_row, g_ptr_array_index (self->choice_rows, i));
  g_ptr_array_set_size (self->choice_rows, 0);
  outcomes = G_LIST_MODEL (convene_session_get_outcomes (self->session));
  for (ConveneOutcomeKind kind = 0; kind < CONVENE_N_OUTCOME_KINDS; kind++)
    {
      GtkWidget *heading = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
        {
          g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);
          g_autofree char *shown = NULL;
          g_autofree char *title = NULL;
          GtkWidget *row;

          if (convene_outcome_get_kind (outcome) != kind ||
              convene_project_find_outcome_link (project_of (self), convene_outcome_get_id (outcome),
                                                 convene_segment_get_id (self->segment)) != NULL)
            continue;
          if (heading == NULL)
            {
              GtkWidget *label = gtk_label_new (convene_outcome_kind_get_group_title (kind));

              gtk_label_set_xalign (GTK_LABEL (label), 0);
              gtk_widget_add_css_class (label, "heading");
              gtk_widget_set_margin_start (label, 12);
              gtk_widget_set_margin_top (label, 9);
              gtk_widget_set_margin_bottom (label, 3);
              heading = gtk_list_box_row_new ();
              gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (heading), label);
              gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (heading), FALSE);
              gtk_widget_set_focusable (heading, FALSE);
              gtk_widget_add_css_class (heading, "outcome-link-heading");
              adw_expander_row_add_row (self->link_row, heading);
              g_ptr_array_add (self->choice_rows, heading);
            }
          shown = convene_ui_dup_shown_text (convene_outcome_get_text (outcome));
          title = g_markup_escape_text (shown, -1);
          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_widget_add_css_class (row, "outcome-link-option");
          g_object_set_data_full (G_OBJECT (row), "convene-outcome", g_object_ref (outcome), g_object_unref);
          g_object_set_data (G_OBJECT (row), "convene-heading", heading);
          g_signal_connect_object (row, "activated", G_CALLBACK (choice_activated), self, G_CONNECT_SWAPPED);
          adw_expander_row_add_row (self->link_row, row);
          g_ptr_array_add (self->choice_rows, row);
        }
    }
  n_choices = self->choice_rows->len;
  apply_search (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_row), n_choices > 0);
  if (n_choices == 0)
    adw_expander_row_set_expanded (self->link_row, FALSE);
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
convene_outcome_links_dispose (GObject *object)
{
  ConveneOutcomeLinks *self = CONVENE_OUTCOME_LINKS (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->document_signals);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->link_rows, g_ptr_array_unref);
  g_clear_pointer (&self->choice_rows, g_ptr_array_unref);
  g_clear_pointer (&self->query, g_free);
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
  self->choice_rows = g_ptr_array_new ();
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

  self->link_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->link_row), _("Link an Item"));
  adw_expander_row_set_subtitle (self->link_row, _("Objectives, expected outcomes, questions and follow-ups this segment serves"));
  gtk_widget_add_css_class (GTK_WIDGET (self->link_row), "outcome-link-choice");
  {
    GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");
    GtkWidget *row = gtk_list_box_row_new ();

    gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
    adw_expander_row_add_prefix (self->link_row, icon);
    self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
    g_object_set (self->search, "placeholder-text", _("Search the checklist"), NULL);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Search the checklist items to link"), -1);
    gtk_widget_set_margin_top (GTK_WIDGET (self->search), 6);
    gtk_widget_set_margin_bottom (GTK_WIDGET (self->search), 6);
    gtk_widget_set_margin_start (GTK_WIDGET (self->search), 12);
    gtk_widget_set_margin_end (GTK_WIDGET (self->search), 12);
    g_signal_connect_object (self->search, "search-changed", G_CALLBACK (search_changed), self,
                             G_CONNECT_SWAPPED);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), GTK_WIDGET (self->search));
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    adw_expander_row_add_row (self->link_row, row);
  }
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
