#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include "convene-person-schedule.h"
#include "convene-schedule.h"

G_DEFINE_BOXED_TYPE (ConvenePersonScheduleEntry, convene_person_schedule_entry,
                     convene_person_schedule_entry_copy, convene_person_schedule_entry_free)

ConvenePersonScheduleEntry *
convene_person_schedule_entry_copy (const ConvenePersonScheduleEntry *entry)
{
  ConvenePersonScheduleEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_memdup2 (entry, sizeof *entry);
  copy->session_title = g_strdup (entry->session_title);
  copy->segment_title = g_strdup (entry->segment_title);
  copy->date = g_strdup (entry->date);
  copy->start = entry->start != NULL ? g_date_time_ref (entry->start) : NULL;
  copy->end = entry->end != NULL ? g_date_time_ref (entry->end) : NULL;
  copy->start_text = g_strdup (entry->start_text);
  copy->end_text = g_strdup (entry->end_text);
  return copy;
}

void
convene_person_schedule_entry_free (ConvenePersonScheduleEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->session_title);
  g_free (entry->segment_title);
  g_free (entry->date);
  g_clear_pointer (&entry->start, g_date_time_unref);
  g_clear_pointer (&entry->end, g_date_time_unref);
  g_free (entry->start_text);
  g_free (entry->end_text);
  g_free (entry);
}

/* An entry with the programme position it sorts by when times tie. */
typedef struct
{
  ConvenePersonScheduleEntry *entry;
  guint                       session_index;
  guint                       entry_index;   /* 0 for the session role, 1 + schedule index otherwise */
} Sortable;

static int
compare_sortable (gconstpointer a,
                  gconstpointer b)
{
  const Sortable *x = a;
  const Sortable *y = b;
  int cmp;

  cmp = g_date_time_compare (x->entry->start, y->entry->start);
  if (cmp != 0)
    return cmp;
  cmp = g_date_time_compare (x->entry->end, y->entry->end);
  if (cmp != 0)
    return cmp;
  if (x->session_index != y->session_index)
    return x->session_index < y->session_index ? -1 : 1;
  if (x->entry_index != y->entry_index)
    return x->entry_index < y->entry_index ? -1 : 1;
  return 0;
}

/* The schedules array has holes for sessions this person is not on. */
static void
schedule_unref0 (gpointer schedule)
{
  if (schedule != NULL)
    convene_schedule_unref (schedule);
}

/* Finds where segment_id sits in the schedule: its index, or -1. */
static int
find_entry (ConveneSchedule *schedule,
            gint64           segment_id)
{
  guint n = convene_schedule_get_n_entries (schedule);

  for (guint i = 0; i < n; i++)
    if (convene_segment_get_id (convene_schedule_get_entry (schedule, i)->segment) == segment_id)
      return (int) i;
  return -1;
}

GPtrArray *
convene_person_schedule_compute (ConveneProject *project,
                                 ConveneSpeaker *speaker,
                                 gboolean        use_12h)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GArray) sortables = NULL;
  g_autoptr(GPtrArray) schedules = NULL;
  GListModel *sessions;
  GListModel *assignments;
  GPtrArray *result;
  gint64 speaker_id;
  guint n_sessions;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SPEAKER (speaker), NULL);

  tz = convene_project_dup_gtime_zone (project);
  sessions = G_LIST_MODEL (convene_project_get_sessions (project));
  assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  speaker_id = convene_speaker_get_id (speaker);
  n_sessions = g_list_model_get_n_items (sessions);
  sortables = g_array_new (FALSE, FALSE, sizeof (Sortable));
  /* Schedules are computed only for sessions this person is on. */
  schedules = g_ptr_array_new_full (n_sessions, schedule_unref0);
  g_ptr_array_set_size (schedules, (int) n_sessions);

  for (guint i = 0; speaker_id != 0 && i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);
      gint64 segment_id = convene_assignment_get_segment_id (assignment);
      gint64 session_id = convene_assignment_get_session_id (assignment);
      ConvenePersonScheduleEntry *entry;
      ConveneSchedule *schedule = NULL;
      g_autoptr(ConveneSession) session = NULL;
      const ConveneScheduleEntry *place = NULL;
      Sortable sortable = { 0 };
      int start, end;

      if (convene_assignment_get_speaker_id (assignment) != speaker_id)
        continue;

      for (guint s = 0; s < n_sessions && schedule == NULL; s++)
        {
          g_autoptr(ConveneSession) candidate = g_list_model_get_item (sessions, s);
          int index = -1;

          if (segment_id != 0)
            {
              if (!convene_session_locate_segment (candidate, segment_id, NULL, NULL, NULL))
                continue;
            }
          else if (convene_session_get_id (candidate) != session_id)
            continue;

          if (g_ptr_array_index (schedules, s) == NULL)
            g_ptr_array_index (schedules, s) = convene_schedule_compute (candidate, tz);
          schedule = g_ptr_array_index (schedules, s);
          session = g_steal_pointer (&candidate);
          sortable.session_index = s;

          if (segment_id != 0)
            {
              index = find_entry (schedule, segment_id);
              if (index >= 0)
                place = convene_schedule_get_entry (schedule, (guint) index);
              sortable.entry_index = (guint) index + 1;
            }
        }

      if (schedule == NULL || (segment_id != 0 && place == NULL))
        continue;

      /* A role on the whole session lasts as long as the session runs. */
      start = place != NULL ? place->start : 0;
      end = place != NULL ? place->end
                          : MAX (convene_schedule_get_end (schedule), convene_schedule_get_slot_minutes (schedule));

      entry = g_new0 (ConvenePersonScheduleEntry, 1);
      entry->assignment_id = convene_assignment_get_id (assignment);
      entry->session_id = convene_session_get_id (session);
      entry->segment_id = place != NULL ? segment_id : 0;
      entry->parent_id = place != NULL && place->parent != NULL ? convene_segment_get_id (place->parent) : 0;
      entry->role = convene_assignment_get_role (assignment);
      entry->session_title = g_strdup (convene_session_get_title (session));
      if (place != NULL)
        {
          const char *title = convene_segment_get_title (place->segment);

          entry->segment_title = g_strdup (*title != '\0' ? title
                                           : convene_segment_kind_get_label (convene_segment_get_kind (place->segment)));
        }
      entry->date = g_strdup (convene_session_get_date (session));
      entry->start = convene_schedule_dup_clock (schedule, start);
      entry->end = convene_schedule_dup_clock (schedule, end);
      entry->start_text = convene_schedule_format_clock (schedule, start, use_12h);
      entry->end_text = convene_schedule_format_clock (schedule, end, use_12h);
      /* Out of GDateTime's range: no time to place it at. */
      if (entry->start == NULL || entry->end == NULL)
        {
          convene_person_schedule_entry_free (entry);
          continue;
        }

      sortable.entry = entry;
      g_array_append_val (sortables, sortable);
    }

  g_array_sort (sortables, compare_sortable);

  result = g_ptr_array_new_full (sortables->len, (GDestroyNotify) convene_person_schedule_entry_free);
  for (guint i = 0; i < sortables->len; i++)
    g_ptr_array_add (result, g_array_index (sortables, Sortable, i).entry);

  return result;
}
