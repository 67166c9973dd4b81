/* convene-person-summaries.c: see the header. */
#define G_LOG_DOMAIN "convene-person-summaries"

#include "config.h"

#include "convene-person-summaries.h"
#include "convene-warnings.h"

typedef struct {
  guint     n_roles;
  GString  *warnings;   /* one sentence a line, or NULL */
  gboolean  has_error;
} PersonSummary;

struct _ConvenePersonSummaries
{
  GHashTable *by_id;   /* speaker id → PersonSummary */
};

static void
person_summary_free (gpointer data)
{
  PersonSummary *summary = data;

  if (summary->warnings != NULL)
    g_string_free (summary->warnings, TRUE);
  g_free (summary);
}

static PersonSummary *
summary_for (ConvenePersonSummaries *self,
             gint64                  id)
{
  PersonSummary *summary = g_hash_table_lookup (self->by_id, &id);

  if (summary == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      summary = g_new0 (PersonSummary, 1);
      g_hash_table_insert (self->by_id, key, summary);
    }
  return summary;
}

ConvenePersonSummaries *
convene_person_summaries_new (void)
{
  ConvenePersonSummaries *self = g_new0 (ConvenePersonSummaries, 1);

  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, person_summary_free);
  return self;
}

void
convene_person_summaries_free (ConvenePersonSummaries *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_id);
  g_free (self);
}

void
convene_person_summaries_clear (ConvenePersonSummaries *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->by_id);
}

void
convene_person_summaries_add (ConvenePersonSummaries *self,
                              ConveneProject         *project,
                              GPtrArray              *warnings,
                              gboolean                with_info)
{
  GListModel *assignments;

  g_return_if_fail (self != NULL);
  g_return_if_fail (CONVENE_IS_PROJECT (project));
  g_return_if_fail (warnings != NULL);

  assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);

      summary_for (self, convene_assignment_get_speaker_id (assignment))->n_roles++;
    }

  for (guint i = 0; i < warnings->len; i++)
    {
      const ConveneWarning *warning = g_ptr_array_index (warnings, i);
      PersonSummary *person;

      if (warning->speaker_id == 0 || (!with_info && warning->severity == CONVENE_WARNING_SEVERITY_INFO))
        continue;
      person = summary_for (self, warning->speaker_id);
      if (person->warnings == NULL)
        person->warnings = g_string_new (warning->message);
      else
        g_string_append_printf (person->warnings, "\n%s", warning->message);
      if (warning->severity == CONVENE_WARNING_SEVERITY_ERROR)
        person->has_error = TRUE;
    }
}

void
convene_person_summaries_show (ConvenePersonSummaries *self,
                               ConvenePersonRow       *row)
{
  ConveneSpeaker *speaker;
  PersonSummary *summary;
  gint64 id;

  g_return_if_fail (self != NULL);
  g_return_if_fail (CONVENE_IS_PERSON_ROW (row));

  speaker = convene_person_row_get_speaker (row);
  if (speaker == NULL)
    return;
  id = convene_speaker_get_id (speaker);
  summary = g_hash_table_lookup (self->by_id, &id);
  if (summary == NULL)
    convene_person_row_set_summary (row, 0, NULL, FALSE);
  else
    convene_person_row_set_summary (row, summary->n_roles,
                                    summary->warnings != NULL ? summary->warnings->str : NULL,
                                    summary->has_error);
}
