#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-session-edits.h"
#include "convene-validate.h"

ConveneCommand *
convene_edit_move_session (ConveneProject  *project,
                           ConveneSession  *session,
                           guint            position,
                           GError         **error)
{
  GListStore *sessions;
  guint from;
  guint n;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sessions = convene_project_get_sessions (project);
  if (!g_list_store_find (sessions, session, &from))
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND,
                           _("The session to move is not part of the project."));
      return NULL;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (sessions));
  position = MIN (position, n - 1);
  if (position == from)
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING,
                           _("The session is already in that place."));
      return NULL;
    }

  return convene_command_move_new (_("Move Session"), sessions, from, sessions, position);
}

/* Old id -> new id of everything copied, to carry references across. */
static gint64
mapped (GHashTable *ids,
        gint64      id)
{
  gpointer value;

  if (id != 0 && g_hash_table_lookup_extended (ids, &id, NULL, &value))
    return *(gint64 *) value;
  return 0;
}

static void
map_id (GHashTable *ids,
        gint64      from,
        gint64      to)
{
  g_hash_table_insert (ids, g_memdup2 (&from, sizeof from), g_memdup2 (&to, sizeof to));
}

static ConveneSegment *
copy_segment (ConveneProject *project,
              ConveneSegment *segment,
              GHashTable     *ids)
{
  GListModel *items = G_LIST_MODEL (convene_segment_get_items (segment));
  ConveneSegment *copy = convene_segment_new (convene_project_new_id (project),
                                              convene_segment_get_kind (segment),
                                              convene_segment_get_title (segment),
                                              convene_segment_get_duration (segment));

  convene_segment_set_notes (copy, convene_segment_get_notes (segment));
  convene_segment_set_cues (copy, convene_segment_get_cues (segment));
  convene_segment_set_fixed_start (copy, convene_segment_get_fixed_start (segment));
  convene_segment_set_has_target (copy, convene_segment_get_has_target (segment));
  convene_segment_copy_fit_settings (copy, segment);
  map_id (ids, convene_segment_get_id (segment), convene_segment_get_id (copy));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ConveneSegment) item = g_list_model_get_item (items, i);
      g_autoptr(ConveneSegment) item_copy = copy_segment (project, item, ids);

      g_list_store_append (convene_segment_get_items (copy), item_copy);
    }
  return copy;
}

static char *
copy_title (const char *title)
{
  /* Translators: the title of a duplicated session; %s is the original's title. */
  g_autofree char *copy = g_strdup_printf (_("%s (Copy)"), title);

  if (!convene_validate_text (copy, -1, NULL, NULL))
    return g_strdup (title);
  return g_steal_pointer (&copy);
}

ConveneCommand *
convene_edit_duplicate_session (ConveneProject  *project,
                                ConveneSession  *session,
                                ConveneSession **out_copy,
                                GError         **error)
{
  g_autoptr(ConveneCommand) group = NULL;
  g_autoptr(ConveneSession) copy = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autofree char *title = NULL;
  const char *label = _("Duplicate Session");
  GListStore *sessions;
  GListModel *segments;
  GListModel *outcomes;
  GListModel *assignments;
  GListModel *links;
  gint64 session_id;
  guint position;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sessions = convene_project_get_sessions (project);
  if (!g_list_store_find (sessions, session, &position))
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND,
                           _("The session to duplicate is not part of the project."));
      return NULL;
    }

  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  title = copy_title (convene_session_get_title (session));
  copy = convene_session_new (convene_project_new_id (project), title,
                              convene_session_get_date (session),
                              convene_session_get_start_time (session),
                              convene_session_get_slot_minutes (session));
  convene_session_set_room (copy, convene_session_get_room (session));
  convene_session_set_description (copy, convene_session_get_description (session));
  convene_session_set_fit_step (copy, convene_session_get_fit_step (session));
  session_id = convene_session_get_id (copy);
  map_id (ids, convene_session_get_id (session), session_id);

  segments = G_LIST_MODEL (convene_session_get_segments (session));
  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);
      g_autoptr(ConveneSegment) segment_copy = copy_segment (project, segment, ids);

      g_list_store_append (convene_session_get_segments (copy), segment_copy);
    }

  outcomes = G_LIST_MODEL (convene_session_get_outcomes (session));
  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);
      g_autoptr(ConveneOutcome) outcome_copy =
        convene_outcome_new (convene_project_new_id (project), convene_outcome_get_kind (outcome),
                             convene_outcome_get_text (outcome));

      convene_outcome_set_done (outcome_copy, convene_outcome_get_done (outcome));
      convene_outcome_set_owner_id (outcome_copy, convene_outcome_get_owner_id (outcome));
      convene_outcome_set_due_date (outcome_copy, convene_outcome_get_due_date (outcome));
      convene_outcome_set_result (outcome_copy, convene_outcome_get_result (outcome));
      convene_outcome_set_result_note (outcome_copy, convene_outcome_get_result_note (outcome));
      map_id (ids, convene_outcome_get_id (outcome), convene_outcome_get_id (outcome_copy));
      g_list_store_append (convene_session_get_outcomes (copy), outcome_copy);
    }

  group = convene_command_group_new (label);
  convene_command_group_add (group, convene_command_insert_new (label, sessions, position + 1, copy));

  /* The people on the session and on its segments come along. */
  assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  for (guint i = 0, n = g_list_model_get_n_items (assignments), added = 0; i < n; i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);
      gint64 segment_id = mapped (ids, convene_assignment_get_segment_id (assignment));
      g_autoptr(ConveneAssignment) assignment_copy = NULL;

      if (convene_assignment_get_session_id (assignment) == convene_session_get_id (session))
        assignment_copy = convene_assignment_new_for_session (convene_project_new_id (project),
                                                              convene_assignment_get_speaker_id (assignment),
                                                              session_id,
                                                              convene_assignment_get_role (assignment));
      else if (segment_id != 0)
        assignment_copy = convene_assignment_new_for_segment (convene_project_new_id (project),
                                                              convene_assignment_get_speaker_id (assignment),
                                                              segment_id,
                                                              convene_assignment_get_role (assignment));
      else
        continue;

      convene_command_group_add (group,
                                 convene_command_insert_new (label, convene_project_get_assignments (project),
                                                             n + added++, assignment_copy));
    }

  /* Links between the copied outcomes and the copied segments. */
  links = G_LIST_MODEL (convene_project_get_outcome_links (project));
  {
    guint n_links = g_list_model_get_n_items (links);
    guint added = 0;

    for (guint i = 0; i < n_links; i++)
      {
        g_autoptr(ConveneOutcomeLink) link = g_list_model_get_item (links, i);
        gint64 outcome_id = mapped (ids, convene_outcome_link_get_outcome_id (link));
        gint64 segment_id = mapped (ids, convene_outcome_link_get_segment_id (link));
        g_autoptr(ConveneOutcomeLink) link_copy = NULL;

        if (outcome_id == 0 || segment_id == 0)
          continue;

        link_copy = convene_outcome_link_new (convene_project_new_id (project), outcome_id, segment_id);
        convene_command_group_add (group,
                                   convene_command_insert_new (label, convene_project_get_outcome_links (project),
                                                               n_links + added, link_copy));
        added++;
      }
  }

  if (out_copy != NULL)
    *out_copy = copy;
  return g_steal_pointer (&group);
}

ConveneCommand *
convene_edit_add_session_from_format (ConveneProject  *project,
                                      ConveneFormat   *format,
                                      const char      *title,
                                      const char      *date,
                                      int              start_time,
                                      guint            position,
                                      ConveneSession **out_session,
                                      GError         **error)
{
  g_autoptr(ConveneSession) session = NULL;
  GListStore *sessions;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_FORMAT (format), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!convene_validate_text (title, -1, _("the title"), error) ||
      !convene_validate_date (date, error) ||
      !convene_validate_time_of_day (start_time, error))
    return NULL;

  session = convene_format_instantiate (format, project, title, date, start_time);
  sessions = convene_project_get_sessions (project);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (sessions)));
  if (out_session != NULL)
    *out_session = session;
  return convene_command_insert_new (_("New Session"), sessions, position, session);
}
