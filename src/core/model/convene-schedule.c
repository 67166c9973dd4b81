#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "convene-limits.h"
#include "convene-model-private.h"
#include "convene-schedule.h"
#include "convene-validate.h"

struct _ConveneSchedule
{
  gatomicrefcount ref_count;

  /* Keeps the segments the entries borrow alive as long as the schedule. */
  GPtrArray *segments;
  GArray *entries;
  /* ConveneSegment* -> index in entries + 1: lookups stay constant time
   * however long the session. */
  GHashTable *index;
  GTimeZone *tz;
  GDateTime *start;
  guint slot_minutes;
  int planned_minutes;
  int end;
};

G_DEFINE_BOXED_TYPE (ConveneSchedule, convene_schedule, convene_schedule_ref, convene_schedule_unref)

/* The clock at the session start in the venue's zone. A session without a
 * usable date is placed on today's date there, so its times still read. */
static GDateTime *
session_start_clock (ConveneSession *session,
                     GTimeZone      *tz)
{
  const char *date = convene_session_get_date (session);
  int start_time = convene_session_get_start_time (session);
  int year, month, day;
  GDateTime *start = NULL;

  if (convene_validate_date (date, NULL) &&
      sscanf (date, "%4d-%2d-%2d", &year, &month, &day) == 3)
    start = g_date_time_new (tz, year, month, day, start_time / 60, start_time % 60, 0);

  if (start == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (tz);

      start = g_date_time_new (tz,
                               g_date_time_get_year (now),
                               g_date_time_get_month (now),
                               g_date_time_get_day_of_month (now),
                               start_time / 60, start_time % 60, 0);
    }

  return start;
}

/* The length of segment, or the preview's length for the one segment being
 * resized. */
static int
duration_of (ConveneSegment *segment,
             ConveneSegment *preview,
             guint           preview_minutes,
             GHashTable     *lengths)
{
  gpointer proposed;

  if (segment == preview)
    return (int) preview_minutes;
  if (lengths != NULL && (proposed = g_hash_table_lookup (lengths, segment)) != NULL)
    return (int) GPOINTER_TO_UINT (proposed) - 1;
  return (int) convene_segment_get_duration (segment);
}

static ConveneSchedule *compute (ConveneSession *session, GTimeZone *tz, ConveneSegment *preview,
                                 guint preview_minutes, GHashTable *lengths);

ConveneSchedule *
convene_schedule_compute (ConveneSession *session,
                          GTimeZone      *tz)
{
  return convene_schedule_compute_preview (session, tz, NULL, 0);
}

ConveneSchedule *
convene_schedule_compute_preview (ConveneSession *session,
                                  GTimeZone      *tz,
                                  ConveneSegment *preview,
                                  guint           preview_minutes)
{
  return compute (session, tz, preview, preview_minutes, NULL);
}

ConveneSchedule *
convene_schedule_compute_with_lengths (ConveneSession *session,
                                       GTimeZone      *tz,
                                       GHashTable     *lengths)
{
  return compute (session, tz, NULL, 0, lengths);
}

static ConveneSchedule *
compute (ConveneSession *session,
         GTimeZone      *tz,
         ConveneSegment *preview,
         guint           preview_minutes,
         GHashTable     *lengths)
{
  ConveneSchedule *self;
  GListModel *segments;
  guint n;
  int cursor = 0;
  int session_start;

  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);

  self = g_new0 (ConveneSchedule, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->segments = g_ptr_array_new_with_free_func (g_object_unref);
  self->entries = g_array_new (FALSE, TRUE, sizeof (ConveneScheduleEntry));
  self->tz = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_utc ();
  self->start = session_start_clock (session, self->tz);
  self->slot_minutes = convene_session_get_slot_minutes (session);

  session_start = convene_session_get_start_time (session);
  segments = G_LIST_MODEL (convene_session_get_segments (session));
  n = g_list_model_get_n_items (segments);

  for (guint i = 0; i < n; i++)
    {
      ConveneSegment *segment = g_list_model_get_item (segments, i);
      GListModel *items = G_LIST_MODEL (convene_segment_get_items (segment));
      guint n_items = g_list_model_get_n_items (items);
      int fixed_start = convene_segment_get_fixed_start (segment);
      ConveneScheduleEntry entry = { 0 };
      int item_cursor;
      int length;

      g_ptr_array_add (self->segments, segment);

      entry.segment = segment;
      entry.depth = 0;
      entry.start = cursor;

      if (fixed_start != CONVENE_NO_FIXED_START)
        {
          /* The first time the clock shows fixed_start at or after the
           * session start: 00:30 in a session starting at 23:00 is the
           * next day. */
          int pinned = fixed_start - session_start;

          if (pinned < 0)
            pinned += CONVENE_MINUTES_PER_DAY;
          entry.gap_before = pinned - cursor;
          entry.start = pinned;
        }

      /* A segment with items lasts what its items take; its own duration
       * is then only the target they are measured against. */
      entry.target = -1;
      if (n_items > 0)
        {
          for (guint j = 0; j < n_items; j++)
            {
              g_autoptr(ConveneSegment) item = g_list_model_get_item (items, j);

              entry.items_minutes += duration_of (item, preview, preview_minutes, lengths);
            }
          length = entry.items_minutes;
          if (convene_segment_get_has_target (segment))
            entry.target = duration_of (segment, preview, preview_minutes, lengths);
        }
      else
        length = duration_of (segment, preview, preview_minutes, lengths);

      entry.end = entry.start + length;
      entry.crosses_slot_end = entry.end > (int) self->slot_minutes ||
                               entry.start > (int) self->slot_minutes;

      self->planned_minutes += length;
      cursor = entry.end;
      /* The session runs until its latest end, even when a pinned segment
       * overlaps the one before it. */
      self->end = MAX (self->end, entry.end);

      g_array_append_val (self->entries, entry);

      item_cursor = entry.start;
      for (guint j = 0; j < n_items; j++)
        {
          ConveneSegment *item = g_list_model_get_item (items, j);
          ConveneScheduleEntry item_entry = { 0 };
          int duration = duration_of (item, preview, preview_minutes, lengths);

          g_ptr_array_add (self->segments, item);

          item_entry.segment = item;
          item_entry.parent = segment;
          item_entry.target = -1;
          item_entry.depth = 1;
          item_entry.start = item_cursor;
          item_entry.end = item_cursor + duration;
          item_entry.crosses_slot_end = item_entry.end > (int) self->slot_minutes ||
                                        item_entry.start > (int) self->slot_minutes;
          item_cursor = item_entry.end;

          g_array_append_val (self->entries, item_entry);
        }
    }

  self->index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->entries->len; i++)
    g_hash_table_insert (self->index, g_array_index (self->entries, ConveneScheduleEntry, i).segment,
                         GUINT_TO_POINTER (i + 1));

  return self;
}

ConveneSchedule *
convene_schedule_ref (ConveneSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
convene_schedule_unref (ConveneSchedule *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_free (self);
}

guint
convene_schedule_get_n_entries (ConveneSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

const ConveneScheduleEntry *
convene_schedule_get_entry (ConveneSchedule *self,
                            guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return &g_array_index (self->entries, ConveneScheduleEntry, index);
}

const ConveneScheduleEntry *
convene_schedule_lookup (ConveneSchedule *self,
                         ConveneSegment  *segment)
{
  guint index;

  g_return_val_if_fail (self != NULL, NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, segment));
  if (index == 0)
    return NULL;
  return &g_array_index (self->entries, ConveneScheduleEntry, index - 1);
}

int
convene_schedule_get_planned_minutes (ConveneSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->planned_minutes;
}

int
convene_schedule_get_end (ConveneSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->end;
}

int
convene_schedule_get_slot_minutes (ConveneSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return (int) self->slot_minutes;
}

int
convene_schedule_get_over_minutes (ConveneSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->end - (int) self->slot_minutes;
}

GDateTime *
convene_schedule_dup_clock (ConveneSchedule *self,
                            int              offset)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* Adding elapsed minutes to an absolute instant is what makes midnight
   * and daylight-saving changes come out right. */
  return g_date_time_add_minutes (self->start, offset);
}

char *
convene_model_format_time_of_day (GDateTime *clock,
                                  gboolean   use_12h)
{
  char *text;

  if (clock == NULL)
    return g_strdup ("");
  text = g_date_time_format (clock, use_12h ? "%-l:%M %p" : "%H:%M");
  if (text == NULL)
    return g_strdup ("");
  return g_strstrip (text);
}

char *
convene_schedule_format_clock (ConveneSchedule *self,
                               int              offset,
                               gboolean         use_12h)
{
  g_autoptr(GDateTime) clock = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  clock = convene_schedule_dup_clock (self, offset);
  return convene_model_format_time_of_day (clock, use_12h);
}

char *
convene_schedule_format_end (ConveneSchedule *self,
                             gboolean         use_12h)
{
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *clock = NULL;
  GDate first_day, last_day;
  int y, m, d;
  int days;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->start == NULL || (end = convene_schedule_dup_clock (self, self->end)) == NULL)
    return g_strdup ("");
  clock = convene_model_format_time_of_day (end, use_12h);

  /* Calendar days in the venue's zone, not 24 h periods: 00:30 after a
   * 23:00 start is the next day. */
  g_date_time_get_ymd (self->start, &y, &m, &d);
  g_date_set_dmy (&first_day, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  g_date_time_get_ymd (end, &y, &m, &d);
  g_date_set_dmy (&last_day, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  days = g_date_days_between (&first_day, &last_day);
  if (days <= 0)
    return g_steal_pointer (&clock);

  /* Translators: a session's planned end on a later day than its start,
   * "00:30 (+1 day)". */
  return g_strdup_printf (ngettext ("%s (+%d day)", "%s (+%d days)", days), clock, days);
}

char *
convene_schedule_describe_fit (ConveneSchedule *self)
{
  int over;

  g_return_val_if_fail (self != NULL, NULL);

  over = convene_schedule_get_over_minutes (self);

  if (over > 0)
    /* Translators: "93 min planned in a 90 min slot: 3 min over" */
    return g_strdup_printf (_("%d min planned in a %d min slot: %d min over"),
                            self->planned_minutes, (int) self->slot_minutes, over);
  if (over < 0)
    /* Translators: "85 min planned in a 90 min slot: 5 min under" */
    return g_strdup_printf (_("%d min planned in a %d min slot: %d min under"),
                            self->planned_minutes, (int) self->slot_minutes, -over);
  return g_strdup_printf (_("%d min planned in a %d min slot: on time"),
                          self->planned_minutes, (int) self->slot_minutes);
}

char *
convene_schedule_entry_describe_target (const ConveneScheduleEntry *entry)
{
  int difference;

  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->target < 0)
    return NULL;
  difference = entry->items_minutes - entry->target;
  if (difference > 0)
    /* Translators: a panel's talks take longer than the length the planner
     * set for it: "30 min over its 60 min target". */
    return g_strdup_printf (_("%d min over its %d min target"), difference, entry->target);
  if (difference < 0)
    /* Translators: a panel's talks take less than the length the planner
     * set for it: "10 min under its 60 min target". */
    return g_strdup_printf (_("%d min under its %d min target"), -difference, entry->target);
  return NULL;
}
