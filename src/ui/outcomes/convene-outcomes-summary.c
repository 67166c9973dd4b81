/* convene-outcomes-summary.c: see the header. */
#define G_LOG_DOMAIN "Convene"

#include "config.h"

#include <glib/gi18n.h>

#include "convene-outcomes-summary.h"
#include "convene-outcomes.h"
#include "convene-ui-util.h"

static const char * const kind_titles[CONVENE_N_OUTCOME_KINDS] = {
  N_("Objectives"),
  N_("Expected Outcomes"),
  N_("Guiding Questions"),
  N_("Follow-up Actions"),
};

struct _ConveneOutcomesSummary
{
  GtkWidget            parent_instance;

  /* children */
  AdwPreferencesGroup *progress_group;
  AdwActionRow        *progress_rows[CONVENE_N_OUTCOME_KINDS];
  AdwPreferencesGroup *follow_up_group;
  GPtrArray           *follow_up_rows;  /* borrowed */

  /* owned */
  ConveneDocument     *document;
  GSignalGroup *document_signals;  /* the document's change feed */
  gboolean      stale;             /* changes came while it was off screen */
};

G_DEFINE_FINAL_TYPE (ConveneOutcomesSummary, convene_outcomes_summary, GTK_TYPE_WIDGET)

static char *
describe_follow_up (ConveneFollowUp *follow_up)
{
  const char *session = convene_session_get_title (follow_up->session);

  if (*follow_up->owner_name != '\0' && *follow_up->due_date != '\0')
    /* Translators: who owes a follow-up action, by when, from which session */
    return g_strdup_printf (_("%s · due %s · %s"), follow_up->owner_name, follow_up->due_date, session);
  if (*follow_up->owner_name != '\0')
    /* Translators: who owes a follow-up action and from which session */
    return g_strdup_printf (_("%s · no due date · %s"), follow_up->owner_name, session);
  if (*follow_up->due_date != '\0')
    /* Translators: a follow-up action nobody owns yet, its due date and session */
    return g_strdup_printf (_("Nobody yet · due %s · %s"), follow_up->due_date, session);
  /* Translators: a follow-up action with no owner and no due date, and its session */
  return g_strdup_printf (_("Nobody yet · no due date · %s"), session);
}

static void
refresh (ConveneOutcomesSummary *self)
{
  ConveneProject *project = self->document != NULL ? convene_document_get_project (self->document) : NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), project != NULL);
  /* Off screen (the Project Details page is not shown) it waits, and is
   * brought up to date when mapped: a programme of many sessions has as
   * many follow-up rows to rebuild. */
  if (project != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  for (guint i = 0; i < self->follow_up_rows->len; i++)
    adw_preferences_group_remove (self->follow_up_group, g_ptr_array_index (self->follow_up_rows, i));
  g_ptr_array_set_size (self->follow_up_rows, 0);
  if (project == NULL)
    return;

  for (guint kind = 0; kind < CONVENE_N_OUTCOME_KINDS; kind++)
    {
      ConveneOutcomeProgress progress = { 0, };
      g_autofree char *sentence = NULL;

      convene_outcomes_get_project_progress (project, kind, &progress);
      sentence = convene_outcomes_format_progress (kind, &progress);
      adw_action_row_set_subtitle (self->progress_rows[kind], sentence);
    }

  follow_ups = convene_outcomes_list_follow_ups (project, NULL);
  for (guint i = 0; i < follow_ups->len; i++)
    {
      ConveneFollowUp *follow_up = g_ptr_array_index (follow_ups, i);
      g_autofree char *text = convene_ui_dup_shown_text (convene_outcome_get_text (follow_up->outcome));
      g_autofree char *title = g_markup_escape_text (text, -1);
      g_autofree char *description = describe_follow_up (follow_up);
      g_autofree char *shown = convene_ui_dup_shown_text (description);
      g_autofree char *subtitle = g_markup_escape_text (shown, -1);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (convene_outcome_get_done (follow_up->outcome))
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

          gtk_widget_set_tooltip_text (icon, _("Done"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
      adw_preferences_group_add (self->follow_up_group, row);
      g_ptr_array_add (self->follow_up_rows, row);
    }
  adw_preferences_group_set_description (self->follow_up_group,
                                         follow_ups->len == 0 ? _("No follow-up actions yet") : NULL);
}

/* Only the checklists, the people owning follow-ups and the sessions'
 * titles show here. */
static void
document_changed (ConveneOutcomesSummary *self,
                  ConveneChanges         *changes)
{
  if (convene_changes_has (changes, CONVENE_CHANGE_SESSIONS | CONVENE_CHANGE_SPEAKERS | CONVENE_CHANGE_OUTCOMES))
    refresh (self);
}

static void
convene_outcomes_summary_map (GtkWidget *widget)
{
  ConveneOutcomesSummary *self = CONVENE_OUTCOMES_SUMMARY (widget);

  GTK_WIDGET_CLASS (convene_outcomes_summary_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

static void
convene_outcomes_summary_dispose (GObject *object)
{
  ConveneOutcomesSummary *self = CONVENE_OUTCOMES_SUMMARY (object);
  GtkWidget *child;

  g_clear_object (&self->document_signals);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->follow_up_rows, g_ptr_array_unref);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (convene_outcomes_summary_parent_class)->dispose (object);
}

static void
convene_outcomes_summary_class_init (ConveneOutcomesSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = convene_outcomes_summary_dispose;
  GTK_WIDGET_CLASS (klass)->map = convene_outcomes_summary_map;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
convene_outcomes_summary_init (ConveneOutcomesSummary *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  /* Every session's checklist and the roster (owners' names). */
  self->document_signals = g_signal_group_new (CONVENE_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (document_changed), self,
                                 G_CONNECT_SWAPPED);
  self->follow_up_rows = g_ptr_array_new ();

  self->progress_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->progress_group, _("Outcomes"));
  adw_preferences_group_set_description (self->progress_group, _("Progress of every session’s checklist"));
  for (guint kind = 0; kind < CONVENE_N_OUTCOME_KINDS; kind++)
    {
      self->progress_rows[kind] = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->progress_rows[kind]), _(kind_titles[kind]));
      adw_preferences_group_add (self->progress_group, GTK_WIDGET (self->progress_rows[kind]));
    }
  gtk_widget_set_parent (GTK_WIDGET (self->progress_group), GTK_WIDGET (self));

  self->follow_up_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->follow_up_group, _("Who Owes Which Follow-up"));
  gtk_widget_set_parent (GTK_WIDGET (self->follow_up_group), GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
convene_outcomes_summary_new (void)
{
  return g_object_new (CONVENE_TYPE_OUTCOMES_SUMMARY, NULL);
}

void
convene_outcomes_summary_set_document (ConveneOutcomesSummary *self,
                                       ConveneDocument        *document)
{
  g_return_if_fail (CONVENE_IS_OUTCOMES_SUMMARY (self));

  if (document == self->document)
    return;
  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, self->document);
  refresh (self);
}
