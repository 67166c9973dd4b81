#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "convene-outcomes.h"

static void
add_progress (GListModel             *outcomes,
              ConveneOutcomeKind      kind,
              ConveneOutcomeProgress *progress)
{
  guint n = g_list_model_get_n_items (outcomes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);

      if (convene_outcome_get_kind (outcome) != kind)
        continue;

      progress->total++;
      if (kind == CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME)
        {
          switch (convene_outcome_get_result (outcome))
            {
            case CONVENE_OUTCOME_RESULT_MET:
              progress->done++;
              break;
            case CONVENE_OUTCOME_RESULT_PARTLY_MET:
              progress->partly_met++;
              break;
            case CONVENE_OUTCOME_RESULT_NOT_MET:
              progress->not_met++;
              break;
            case CONVENE_OUTCOME_RESULT_NONE:
            default:
              break;
            }
        }
      else if (convene_outcome_get_done (outcome))
        {
          progress->done++;
        }
    }
}

void
convene_outcomes_get_progress (ConveneSession         *session,
                               ConveneOutcomeKind      kind,
                               ConveneOutcomeProgress *progress)
{
  g_return_if_fail (progress != NULL);
  *progress = (ConveneOutcomeProgress) { 0, };
  g_return_if_fail (CONVENE_IS_SESSION (session));
  g_return_if_fail ((guint) kind < CONVENE_N_OUTCOME_KINDS);

  add_progress (G_LIST_MODEL (convene_session_get_outcomes (session)), kind, progress);
}

void
convene_outcomes_get_project_progress (ConveneProject         *project,
                                       ConveneOutcomeKind      kind,
                                       ConveneOutcomeProgress *progress)
{
  GListModel *sessions;

  g_return_if_fail (progress != NULL);
  *progress = (ConveneOutcomeProgress) { 0, };
  g_return_if_fail (CONVENE_IS_PROJECT (project));
  g_return_if_fail ((guint) kind < CONVENE_N_OUTCOME_KINDS);

  sessions = G_LIST_MODEL (convene_project_get_sessions (project));
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (sessions, i);

      add_progress (G_LIST_MODEL (convene_session_get_outcomes (session)), kind, progress);
    }
}

char *
convene_outcomes_format_progress (ConveneOutcomeKind            kind,
                                  const ConveneOutcomeProgress *progress)
{
  g_autofree char *sentence = NULL;
  g_autofree char *partly = NULL;

  g_return_val_if_fail (progress != NULL, NULL);
  g_return_val_if_fail ((guint) kind < CONVENE_N_OUTCOME_KINDS, NULL);

  if (progress->total == 0)
    {
      switch (kind)
        {
        case CONVENE_OUTCOME_KIND_OBJECTIVE:
          return g_strdup (_("No objectives yet"));
        case CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME:
          return g_strdup (_("No expected outcomes yet"));
        case CONVENE_OUTCOME_KIND_GUIDING_QUESTION:
          return g_strdup (_("No guiding questions yet"));
        case CONVENE_OUTCOME_KIND_FOLLOW_UP:
        default:
          return g_strdup (_("No follow-up actions yet"));
        }
    }

  /* The plural follows the total: "1 of 1 objective met", "0 of 2 objectives met". */
  switch (kind)
    {
    case CONVENE_OUTCOME_KIND_OBJECTIVE:
      sentence = g_strdup_printf (ngettext ("%u of %u objective met", "%u of %u objectives met",
                                            progress->total),
                                  progress->done, progress->total);
      break;
    case CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME:
      sentence = g_strdup_printf (ngettext ("%u of %u expected outcome met",
                                            "%u of %u expected outcomes met", progress->total),
                                  progress->done, progress->total);
      break;
    case CONVENE_OUTCOME_KIND_GUIDING_QUESTION:
      sentence = g_strdup_printf (ngettext ("%u of %u guiding question covered",
                                            "%u of %u guiding questions covered", progress->total),
                                  progress->done, progress->total);
      break;
    case CONVENE_OUTCOME_KIND_FOLLOW_UP:
    default:
      sentence = g_strdup_printf (ngettext ("%u of %u follow-up action done",
                                            "%u of %u follow-up actions done", progress->total),
                                  progress->done, progress->total);
      break;
    }

  if (kind != CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME || progress->partly_met == 0)
    return g_steal_pointer (&sentence);

  partly = g_strdup_printf (ngettext ("%u partly met", "%u partly met", progress->partly_met),
                            progress->partly_met);
  /* Translators: "3 of 5 expected outcomes met" and "1 partly met" */
  return g_strdup_printf (_("%s, %s"), sentence, partly);
}

static gboolean
kind_needs_link (ConveneOutcomeKind kind)
{
  return kind != CONVENE_OUTCOME_KIND_FOLLOW_UP;
}

static gboolean
has_link (ConveneProject *project,
          gint64          outcome_id)
{
  GListModel *links = G_LIST_MODEL (convene_project_get_outcome_links (project));
  guint n = g_list_model_get_n_items (links);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneOutcomeLink) link = g_list_model_get_item (links, i);

      if (convene_outcome_link_get_outcome_id (link) == outcome_id)
        return TRUE;
    }
  return FALSE;
}

gboolean
convene_outcomes_is_unlinked (ConveneProject *project,
                              ConveneOutcome *outcome)
{
  g_return_val_if_fail (CONVENE_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (CONVENE_IS_OUTCOME (outcome), FALSE);

  return kind_needs_link (convene_outcome_get_kind (outcome)) &&
         !has_link (project, convene_outcome_get_id (outcome));
}

/* The ids of the outcomes that have at least one link. */
static GHashTable *
linked_outcome_ids (ConveneProject *project)
{
  GListModel *links = G_LIST_MODEL (convene_project_get_outcome_links (project));
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (links);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneOutcomeLink) link = g_list_model_get_item (links, i);
      gint64 id = convene_outcome_link_get_outcome_id (link);

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }
  return ids;
}

GPtrArray *
convene_outcomes_list_unlinked (ConveneProject *project,
                                ConveneSession *session)
{
  g_autoptr(GHashTable) linked = NULL;
  GPtrArray *unlinked;
  GListModel *outcomes;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);

  linked = linked_outcome_ids (project);
  unlinked = g_ptr_array_new_with_free_func (g_object_unref);
  outcomes = G_LIST_MODEL (convene_session_get_outcomes (session));
  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);
      gint64 id = convene_outcome_get_id (outcome);

      if (kind_needs_link (convene_outcome_get_kind (outcome)) &&
          !g_hash_table_contains (linked, &id))
        g_ptr_array_add (unlinked, g_steal_pointer (&outcome));
    }
  return unlinked;
}

static gboolean
segment_tree_in (ConveneSegment *segment,
                 GHashTable     *segment_ids)
{
  GListModel *items = G_LIST_MODEL (convene_segment_get_items (segment));
  gint64 id = convene_segment_get_id (segment);

  if (g_hash_table_contains (segment_ids, &id))
    return TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ConveneSegment) item = g_list_model_get_item (items, i);

      id = convene_segment_get_id (item);
      if (g_hash_table_contains (segment_ids, &id))
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
convene_outcomes_list_segments_without_objective (ConveneProject *project,
                                                  ConveneSession *session)
{
  g_autoptr(GHashTable) objectives = NULL;
  g_autoptr(GHashTable) serving = NULL;
  GListModel *outcomes, *links, *segments;
  GPtrArray *idle;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);

  objectives = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  outcomes = G_LIST_MODEL (convene_session_get_outcomes (session));
  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);
      gint64 id = convene_outcome_get_id (outcome);

      if (convene_outcome_get_kind (outcome) == CONVENE_OUTCOME_KIND_OBJECTIVE)
        g_hash_table_add (objectives, g_memdup2 (&id, sizeof id));
    }

  serving = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  links = G_LIST_MODEL (convene_project_get_outcome_links (project));
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(ConveneOutcomeLink) link = g_list_model_get_item (links, i);
      gint64 outcome_id = convene_outcome_link_get_outcome_id (link);
      gint64 segment_id = convene_outcome_link_get_segment_id (link);

      if (g_hash_table_contains (objectives, &outcome_id))
        g_hash_table_add (serving, g_memdup2 (&segment_id, sizeof segment_id));
    }

  idle = g_ptr_array_new_with_free_func (g_object_unref);
  segments = G_LIST_MODEL (convene_session_get_segments (session));
  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);

      if (convene_segment_get_kind (segment) != CONVENE_SEGMENT_KIND_BREAK &&
          !segment_tree_in (segment, serving))
        g_ptr_array_add (idle, g_steal_pointer (&segment));
    }
  return idle;
}

GPtrArray *
convene_outcomes_list_segments (ConveneProject *project,
                                ConveneOutcome *outcome)
{
  GListModel *links;
  GPtrArray *segments;
  gint64 outcome_id;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_OUTCOME (outcome), NULL);

  outcome_id = convene_outcome_get_id (outcome);
  segments = g_ptr_array_new_with_free_func (g_object_unref);
  links = G_LIST_MODEL (convene_project_get_outcome_links (project));
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(ConveneOutcomeLink) link = g_list_model_get_item (links, i);
      ConveneSegment *segment;

      if (convene_outcome_link_get_outcome_id (link) != outcome_id)
        continue;

      segment = convene_project_find_segment (project, convene_outcome_link_get_segment_id (link), NULL);
      if (segment != NULL)
        g_ptr_array_add (segments, g_object_ref (segment));
    }
  return segments;
}

GPtrArray *
convene_outcomes_list_for_segment (ConveneProject *project,
                                   ConveneSegment *segment)
{
  g_autoptr(GHashTable) linked = NULL;
  ConveneSession *session = NULL;
  GListModel *links, *outcomes;
  GPtrArray *result;
  gint64 segment_id;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SEGMENT (segment), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  segment_id = convene_segment_get_id (segment);
  if (convene_project_find_segment (project, segment_id, &session) == NULL)
    return result;

  linked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  links = G_LIST_MODEL (convene_project_get_outcome_links (project));
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(ConveneOutcomeLink) link = g_list_model_get_item (links, i);
      gint64 outcome_id = convene_outcome_link_get_outcome_id (link);

      if (convene_outcome_link_get_segment_id (link) == segment_id)
        g_hash_table_add (linked, g_memdup2 (&outcome_id, sizeof outcome_id));
    }

  outcomes = G_LIST_MODEL (convene_session_get_outcomes (session));
  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);
      gint64 id = convene_outcome_get_id (outcome);

      if (g_hash_table_contains (linked, &id))
        g_ptr_array_add (result, g_steal_pointer (&outcome));
    }
  return result;
}

void
convene_follow_up_free (ConveneFollowUp *follow_up)
{
  if (follow_up == NULL)
    return;

  g_clear_object (&follow_up->outcome);
  g_clear_object (&follow_up->session);
  g_clear_object (&follow_up->owner);
  g_free (follow_up->owner_name);
  g_free (follow_up->due_date);
  g_free (follow_up);
}

/* The project's people by id, made on first need: a linear search per
 * follow-up made listing a programme's follow-ups quadratic. */
static ConveneSpeaker *
find_owner (ConveneProject  *project,
            GHashTable     **people,
            gint64           id)
{
  if (*people == NULL)
    {
      GListModel *speakers = G_LIST_MODEL (convene_project_get_speakers (project));

      *people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
        {
          ConveneSpeaker *speaker = g_list_model_get_item (speakers, i);
          gint64 *key = g_new (gint64, 1);

          *key = convene_speaker_get_id (speaker);
          g_hash_table_insert (*people, key, speaker);
        }
    }
  return g_hash_table_lookup (*people, &id);
}

static void
collect_follow_ups (ConveneProject *project,
                    ConveneSession *session,
                    GHashTable    **people,
                    GPtrArray      *out)
{
  GListModel *outcomes = G_LIST_MODEL (convene_session_get_outcomes (session));

  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);
      ConveneFollowUp *follow_up;
      ConveneSpeaker *owner;

      if (convene_outcome_get_kind (outcome) != CONVENE_OUTCOME_KIND_FOLLOW_UP)
        continue;

      owner = find_owner (project, people, convene_outcome_get_owner_id (outcome));
      follow_up = g_new0 (ConveneFollowUp, 1);
      follow_up->session = g_object_ref (session);
      follow_up->owner = owner != NULL ? g_object_ref (owner) : NULL;
      follow_up->owner_name = owner != NULL ? convene_speaker_dup_display_name (owner) : g_strdup ("");
      follow_up->due_date = g_strdup (convene_outcome_get_due_date (outcome));
      follow_up->outcome = g_steal_pointer (&outcome);
      g_ptr_array_add (out, follow_up);
    }
}

/* Dates are "YYYY-MM-DD", so they sort as text; no date sorts last. GLib's
 * sort is stable (guaranteed since 2.32), so equal dates keep checklist order. */
static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const ConveneFollowUp *fa = *(ConveneFollowUp * const *) a;
  const ConveneFollowUp *fb = *(ConveneFollowUp * const *) b;
  gboolean a_dated = *fa->due_date != '\0';
  gboolean b_dated = *fb->due_date != '\0';

  if (a_dated != b_dated)
    return a_dated ? -1 : 1;
  return strcmp (fa->due_date, fb->due_date);
}

GPtrArray *
convene_outcomes_list_follow_ups (ConveneProject *project,
                                  ConveneSession *session)
{
  g_autoptr(GHashTable) people = NULL;
  GPtrArray *follow_ups;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (session == NULL || CONVENE_IS_SESSION (session), NULL);

  follow_ups = g_ptr_array_new_with_free_func ((GDestroyNotify) convene_follow_up_free);
  if (session != NULL)
    {
      collect_follow_ups (project, session, &people, follow_ups);
    }
  else
    {
      GListModel *sessions = G_LIST_MODEL (convene_project_get_sessions (project));

      for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
        {
          g_autoptr(ConveneSession) each = g_list_model_get_item (sessions, i);

          collect_follow_ups (project, each, &people, follow_ups);
        }
    }

  g_ptr_array_sort (follow_ups, compare_due);
  return follow_ups;
}

guint
convene_outcomes_position_for_kind_index (ConveneSession *session,
                                          ConveneOutcome *outcome,
                                          guint           index)
{
  GListModel *outcomes;
  ConveneOutcomeKind kind;
  guint n, current = 0, seen = 0, after_last = 0;
  gboolean any = FALSE;

  g_return_val_if_fail (CONVENE_IS_SESSION (session), 0);
  g_return_val_if_fail (CONVENE_IS_OUTCOME (outcome), 0);
  g_return_val_if_fail (g_list_store_find (convene_session_get_outcomes (session), outcome, &current), 0);

  outcomes = G_LIST_MODEL (convene_session_get_outcomes (session));
  n = g_list_model_get_n_items (outcomes);
  kind = convene_outcome_get_kind (outcome);

  /* Positions are counted in the list without outcome, as the move counts them. */
  for (guint i = 0, p = 0; i < n; i++)
    {
      g_autoptr(ConveneOutcome) other = g_list_model_get_item (outcomes, i);

      if (other == outcome)
        continue;

      if (convene_outcome_get_kind (other) == kind)
        {
          if (seen == index)
            return p;
          seen++;
          any = TRUE;
          after_last = p + 1;
        }
      p++;
    }

  /* The only one of its kind stays where it is. */
  return any ? after_last : current;
}
