#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-command.h"
#include "convene-fit.h"
#include "convene-limits.h"
#include "convene-live.h"
#include "convene-model-private.h"

typedef struct {
  ConveneSegment *segment;   /* borrowed from the schedule */
  ConveneSegment *panel;     /* borrowed; NULL at top level */
  gboolean        pinned;
  gint64          planned_start;
  gint64          planned_length;
  ConveneLiveRecord record;
} Step;

typedef struct {
  guint  step;
  gint64 amount;
} Absorption;

/* One transition, kept so Back can undo it exactly. */
typedef struct {
  int               from;       /* the step that ended */
  int               to;         /* the step that started; n_steps for the end */
  ConveneLiveRecord saved_from; /* from's record before it ended */
  ConveneLiveRecord saved_to;   /* to's record before it started (it may have run before) */
  GArray           *absorbed;   /* Absorption */
} Transition;

struct _ConveneLive
{
  GObject parent_instance;

  ConveneSession *session;
  ConveneSchedule *schedule;
  ConveneLiveClock clock;
  gpointer clock_data;
  GDestroyNotify clock_data_free;

  GArray *steps;          /* Step */
  GArray *transitions;    /* Transition */
  gint64 planned_end;

  gboolean started;
  int current;            /* -1 before the start; n_steps after the end */
  gint64 held_since;      /* 0 when not on hold */

  /* The session's record, replayed: while an event is applied, the time
   * is the event's. */
  GListStore *events;
  gulong events_handler;
  guint n_applied;
  gint64 replay_at;
};

G_DEFINE_FINAL_TYPE (ConveneLive, convene_live, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
transition_clear (gpointer data)
{
  Transition *transition = data;

  g_clear_pointer (&transition->absorbed, g_array_unref);
}

static void
convene_live_finalize (GObject *object)
{
  ConveneLive *self = CONVENE_LIVE (object);

  g_clear_signal_handler (&self->events_handler, self->events);
  g_clear_object (&self->events);
  if (self->clock_data_free != NULL)
    self->clock_data_free (self->clock_data);
  g_clear_pointer (&self->transitions, g_array_unref);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->schedule, convene_schedule_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (convene_live_parent_class)->finalize (object);
}

static void
convene_live_class_init (ConveneLiveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = convene_live_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
convene_live_init (ConveneLive *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  self->transitions = g_array_new (FALSE, TRUE, sizeof (Transition));
  g_array_set_clear_func (self->transitions, transition_clear);
  self->current = -1;
}

static gint64
default_clock (gpointer user_data)
{
  return g_get_real_time ();
}

static gint64
instant_at (ConveneSchedule *schedule,
            int              offset)
{
  g_autoptr(GDateTime) clock = convene_schedule_dup_clock (schedule, offset);

  return clock != NULL ? g_date_time_to_unix (clock) * G_USEC_PER_SEC : 0;
}

static gboolean apply_event (ConveneLive *self, ConveneLiveEvent *event);

/* Applies the events not applied yet, at their own times. */
static void
apply_pending (ConveneLive *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events));

  for (; self->n_applied < n; self->n_applied++)
    {
      g_autoptr(ConveneLiveEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events),
                                                                 self->n_applied);

      /* An event that no longer applies (its segment was deleted since)
       * is passed over. */
      self->replay_at = MAX (convene_live_event_get_at (event), 1);
      apply_event (self, event);
      self->replay_at = 0;
    }
}

/* Forgets everything that happened and replays the record from the start. */
static void
replay (ConveneLive *self)
{
  for (guint i = 0; i < self->steps->len; i++)
    memset (&g_array_index (self->steps, Step, i).record, 0, sizeof (ConveneLiveRecord));
  g_array_set_size (self->transitions, 0);
  self->started = FALSE;
  self->current = -1;
  self->held_since = 0;
  self->n_applied = 0;
  apply_pending (self);
}

static void
on_events_changed (ConveneLive *self,
                   guint        position,
                   guint        removed,
                   guint        added)
{
  /* Recording appends; anything else (an undo) replays from the start. */
  if (removed == 0 && position == self->n_applied)
    apply_pending (self);
  else
    replay (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

ConveneLive *
convene_live_new (ConveneSession  *session,
                  GTimeZone       *tz,
                  ConveneLiveClock clock,
                  gpointer         clock_data,
                  GDestroyNotify   clock_data_free)
{
  ConveneLive *self;
  guint n;

  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);

  self = g_object_new (CONVENE_TYPE_LIVE, NULL);
  self->session = g_object_ref (session);
  self->schedule = convene_schedule_compute (session, tz);
  self->clock = clock != NULL ? clock : default_clock;
  self->clock_data = clock_data;
  self->clock_data_free = clock_data_free;
  self->planned_end = instant_at (self->schedule, convene_schedule_get_end (self->schedule));

  n = convene_schedule_get_n_entries (self->schedule);
  for (guint i = 0; i < n; i++)
    {
      const ConveneScheduleEntry *entry = convene_schedule_get_entry (self->schedule, i);
      gboolean has_items = entry->depth == 0 &&
                           g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (entry->segment))) > 0;
      Step step = { 0 };

      /* A panel runs as its items. */
      if (has_items)
        continue;

      step.segment = entry->segment;
      step.panel = entry->parent;
      step.planned_start = instant_at (self->schedule, entry->start);
      step.planned_length = (gint64) (entry->end - entry->start) * CONVENE_LIVE_MINUTE;
      if (entry->parent == NULL)
        step.pinned = convene_segment_get_fixed_start (entry->segment) != CONVENE_NO_FIXED_START;
      else
        {
          /* A pinned panel pins the start of its first item. */
          const ConveneScheduleEntry *panel = convene_schedule_lookup (self->schedule, entry->parent);

          step.pinned = panel->start == entry->start &&
                        convene_segment_get_fixed_start (entry->parent) != CONVENE_NO_FIXED_START;
        }
      g_array_append_val (self->steps, step);
    }

  self->events = g_object_ref (convene_session_get_live_events (session));
  self->events_handler = g_signal_connect_swapped (self->events, "items-changed",
                                                   G_CALLBACK (on_events_changed), self);
  replay (self);

  return self;
}

ConveneSession *
convene_live_get_session (ConveneLive *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), NULL);
  return self->session;
}

ConveneSchedule *
convene_live_get_schedule (ConveneLive *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), NULL);
  return self->schedule;
}

gint64
convene_live_now (ConveneLive *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), 0);
  if (self->replay_at != 0)
    return self->replay_at;
  return self->clock (self->clock_data);
}

static Step *
step_at (ConveneLive *self,
         guint        index)
{
  return &g_array_index (self->steps, Step, index);
}

guint
convene_live_get_n_steps (ConveneLive *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), 0);
  return self->steps->len;
}

ConveneSegment *
convene_live_get_step_segment (ConveneLive *self,
                               guint        step)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);
  return step_at (self, step)->segment;
}

ConveneSegment *
convene_live_get_step_panel (ConveneLive *self,
                             guint        step)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);
  return step_at (self, step)->panel;
}

int
convene_live_find_step (ConveneLive    *self,
                        ConveneSegment *segment)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), -1);

  for (guint i = 0; i < self->steps->len; i++)
    if (step_at (self, i)->segment == segment)
      return (int) i;
  return -1;
}

gboolean
convene_live_get_step_pinned (ConveneLive *self,
                              guint        step)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), FALSE);
  g_return_val_if_fail (step < self->steps->len, FALSE);
  return step_at (self, step)->pinned;
}

const ConveneLiveRecord *
convene_live_get_record (ConveneLive *self,
                         guint        step)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);
  return &step_at (self, step)->record;
}

static gboolean
is_running (ConveneLive *self)
{
  return self->started && self->current >= 0 && (guint) self->current < self->steps->len;
}

int
convene_live_get_current (ConveneLive *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), -1);
  return is_running (self) ? self->current : -1;
}

gboolean
convene_live_get_started (ConveneLive *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), FALSE);
  return self->started;
}

gboolean
convene_live_get_finished (ConveneLive *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), FALSE);
  return self->started && (guint) self->current >= self->steps->len;
}

gboolean
convene_live_get_held (ConveneLive *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), FALSE);
  return is_running (self) && self->held_since != 0;
}

gint64
convene_live_get_allotted (ConveneLive *self,
                           guint        step)
{
  Step *s;

  g_return_val_if_fail (CONVENE_IS_LIVE (self), 0);
  g_return_val_if_fail (step < self->steps->len, 0);

  s = step_at (self, step);
  return MAX (0, s->planned_length + s->record.adjust - s->record.absorbed);
}

static gint64
elapsed_at (ConveneLive *self,
            gint64       now)
{
  Step *s;
  gint64 until;

  if (!is_running (self))
    return 0;

  s = step_at (self, self->current);
  until = self->held_since != 0 ? self->held_since : now;
  return MAX (0, until - s->record.actual_start - s->record.paused);
}

gint64
convene_live_get_elapsed (ConveneLive *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), 0);
  return elapsed_at (self, convene_live_now (self));
}

static gint64
time_left_at (ConveneLive *self,
              gint64       now)
{
  if (!is_running (self))
    return 0;
  return convene_live_get_allotted (self, self->current) - elapsed_at (self, now);
}

gint64
convene_live_get_time_left (ConveneLive *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), 0);
  return time_left_at (self, convene_live_now (self));
}

gboolean
convene_live_get_needs_choice (ConveneLive *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), FALSE);
  return is_running (self) &&
         (guint) self->current + 1 < self->steps->len &&
         convene_live_get_time_left (self) < 0;
}

gint64
convene_live_get_planned_start (ConveneLive *self,
                                guint        step)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), 0);
  g_return_val_if_fail (step < self->steps->len, 0);
  return step_at (self, step)->planned_start;
}

gint64
convene_live_get_planned_length (ConveneLive *self,
                                 guint        step)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), 0);
  g_return_val_if_fail (step < self->steps->len, 0);
  return step_at (self, step)->planned_length;
}

gint64
convene_live_get_planned_end (ConveneLive *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), 0);
  return self->planned_end;
}

/* Walks the steps after the current one from the instant the current one
 * is expected to end. Fills starts/gaps (n_steps entries each, either may
 * be NULL) and returns the projected end of the session. */
static gint64
project (ConveneLive *self,
         gint64       now,
         gint64      *starts,
         gint64      *gaps)
{
  guint n = self->steps->len;
  gint64 cursor;
  gint64 end;
  guint first;

  if (n == 0)
    return self->planned_end;

  if (!self->started)
    {
      /* Not started yet: the first step starts as planned, or now if that
       * time has passed. */
      cursor = MAX (now, step_at (self, 0)->planned_start);
      first = 0;
    }
  else if ((guint) self->current >= n)
    {
      end = 0;
      for (guint i = 0; i < n; i++)
        {
          Step *s = step_at (self, i);

          if (starts != NULL)
            starts[i] = s->record.actual_start;
          end = MAX (end, s->record.actual_end);
        }
      return end;
    }
  else
    {
      cursor = now + MAX (0, time_left_at (self, now));
      first = self->current + 1;
      if (starts != NULL)
        for (guint i = 0; i < first; i++)
          starts[i] = step_at (self, i)->record.actual_start;
    }

  end = cursor;
  for (guint i = first; i < n; i++)
    {
      Step *s = step_at (self, i);
      gint64 start = cursor;

      /* The first step before the start is placed by the cursor already;
       * a pinned step keeps its time whatever runs before it. */
      if (s->pinned && !(i == 0 && !self->started))
        start = s->planned_start;
      if (starts != NULL)
        starts[i] = start;
      if (gaps != NULL)
        gaps[i] = s->pinned ? start - cursor : 0;
      cursor = start + convene_live_get_allotted (self, i);
      /* A step that overlaps a pinned one may end after it. */
      end = MAX (end, cursor);
    }

  return end;
}

gint64
convene_live_get_projected_start (ConveneLive *self,
                                  guint        step)
{
  g_autofree gint64 *starts = NULL;

  g_return_val_if_fail (CONVENE_IS_LIVE (self), 0);
  g_return_val_if_fail (step < self->steps->len, 0);

  starts = g_new0 (gint64, self->steps->len);
  project (self, convene_live_now (self), starts, NULL);
  return starts[step];
}

gint64
convene_live_get_projected_gap (ConveneLive *self,
                                guint        step)
{
  g_autofree gint64 *gaps = NULL;

  g_return_val_if_fail (CONVENE_IS_LIVE (self), 0);
  g_return_val_if_fail (step < self->steps->len, 0);

  gaps = g_new0 (gint64, self->steps->len);
  project (self, convene_live_now (self), NULL, gaps);
  return gaps[step];
}

gint64
convene_live_get_projected_end (ConveneLive *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), 0);
  return project (self, convene_live_now (self), NULL, NULL);
}

gint64
convene_live_get_over (ConveneLive *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), 0);
  return convene_live_get_projected_end (self) - self->planned_end;
}

static void
emit_changed (ConveneLive *self)
{
  /* A replay announces itself once, when it is done. */
  if (self->replay_at == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
convene_live_start (ConveneLive *self)
{
  Step *first;

  g_return_val_if_fail (CONVENE_IS_LIVE (self), FALSE);

  if (self->started || self->steps->len == 0)
    return FALSE;

  first = step_at (self, 0);
  self->started = TRUE;
  self->current = 0;
  self->held_since = 0;
  memset (&first->record, 0, sizeof first->record);
  first->record.actual_start = convene_live_now (self);
  emit_changed (self);
  return TRUE;
}

/* Takes overrun from the steps from `to` on, in order, each keeping a
 * minute, stopping before the next pinned step. */
static void
absorb (ConveneLive *self,
        guint        to,
        gint64       overrun,
        GArray      *absorbed)
{
  for (guint i = to; i < self->steps->len && overrun > 0; i++)
    {
      Step *s = step_at (self, i);
      gint64 room;
      Absorption taken;

      if (i > to && s->pinned)
        break;
      room = convene_live_get_allotted (self, i) - CONVENE_LIVE_MINUTE;
      if (room <= 0)
        continue;
      taken.step = i;
      taken.amount = MIN (room, overrun);
      s->record.absorbed += taken.amount;
      overrun -= taken.amount;
      g_array_append_val (absorbed, taken);
    }
}

/* The fit engine works on a running order, so the state of the day is
 * handed to it as one: a locked segment standing for everything up to now
 * (rounded up to the minute), then the steps from `to` on at the lengths
 * they have now, pinned where the plan pins them, with their own locks,
 * minimums and maximums. convene_fit_rest() fits that rest to end where
 * the plan ends, in whole minutes. `to` is about to start afresh, so it
 * counts at its planned length. */
static ConveneFit *
fit_rest_now (ConveneLive  *self,
              guint         to,
              gint64        now,
              char        **out_problem)
{
  static const ConveneFitOptions options = { CONVENE_FIT_PROPORTIONAL, 1, NULL, 0, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSession) scratch = NULL;
  g_autoptr(ConveneSegment) before = NULL;
  ConveneSegment *first = NULL;
  gint64 origin = instant_at (self->schedule, 0);
  gint64 run;
  ConveneFit *fit;

  scratch = convene_session_new (1, convene_session_get_title (self->session),
                                 convene_session_get_date (self->session),
                                 convene_session_get_start_time (self->session),
                                 convene_session_get_slot_minutes (self->session));
  run = (now - origin + CONVENE_LIVE_MINUTE - 1) / CONVENE_LIVE_MINUTE;
  before = convene_segment_new (1, CONVENE_SEGMENT_KIND_CUSTOM, _("What has run"),
                                (guint) CLAMP (run, 1, CONVENE_MINUTES_PER_DAY));
  convene_segment_set_locked (before, TRUE);
  g_list_store_append (convene_session_get_segments (scratch), before);

  for (guint i = to; i < self->steps->len; i++)
    {
      Step *s = step_at (self, i);
      gint64 allotted = i == to ? s->planned_length : convene_live_get_allotted (self, i);
      guint minutes = (guint) MIN ((allotted + CONVENE_LIVE_MINUTE - 1) / CONVENE_LIVE_MINUTE,
                                   CONVENE_MINUTES_PER_DAY);
      g_autoptr(ConveneSegment) copy = NULL;

      /* Its id is its step, two up (1 is what has run). */
      copy = convene_segment_new ((gint64) i + 2, convene_segment_get_kind (s->segment),
                                  convene_segment_get_title (s->segment), minutes);
      convene_segment_set_min_length (copy, convene_segment_get_min_length (s->segment));
      convene_segment_set_max_length (copy, convene_segment_get_max_length (s->segment));
      /* A step with no time left has nothing to give. */
      convene_segment_set_locked (copy, convene_segment_get_locked (s->segment) || minutes == 0);
      if (s->pinned)
        convene_segment_set_fixed_start (copy, convene_segment_get_fixed_start (s->panel != NULL ? s->panel
                                                                                               : s->segment));
      g_list_store_append (convene_session_get_segments (scratch), copy);
      if (first == NULL)
        first = copy;
    }

  if (first == NULL)
    {
      if (out_problem != NULL)
        *out_problem = g_strdup (_("Nothing is left to compress."));
      return NULL;
    }
  fit = convene_fit_rest (scratch, first, (int) ((self->planned_end - origin) / CONVENE_LIVE_MINUTE),
                          &options, &error);
  if (fit == NULL)
    {
      if (out_problem != NULL)
        *out_problem = g_strdup (error->message);
      return NULL;
    }
  if (!convene_fit_is_possible (fit))
    {
      if (out_problem != NULL)
        *out_problem = g_strdup (convene_fit_get_summary (fit));
      convene_fit_unref (fit);
      return NULL;
    }
  return fit;
}

gboolean
convene_live_check_compress (ConveneLive  *self,
                             guint         to,
                             char        **out_problem)
{
  g_autoptr(ConveneFit) fit = NULL;

  g_return_val_if_fail (CONVENE_IS_LIVE (self), FALSE);
  g_return_val_if_fail (out_problem == NULL || *out_problem == NULL, FALSE);

  if (to >= self->steps->len)
    {
      if (out_problem != NULL)
        *out_problem = g_strdup (_("Nothing is left to compress."));
      return FALSE;
    }
  fit = fit_rest_now (self, to, convene_live_now (self), out_problem);
  return fit != NULL;
}

/* Gives the steps from `to` on the lengths the fit found; returns FALSE,
 * changing nothing, when there is no fit. */
static gboolean
compress (ConveneLive *self,
          guint        to,
          gint64       now,
          GArray      *absorbed)
{
  g_autoptr(ConveneFit) fit = fit_rest_now (self, to, now, NULL);

  if (fit == NULL)
    return FALSE;

  for (guint r = 0; r < convene_fit_get_n_rows (fit); r++)
    {
      const ConveneFitRow *row = convene_fit_get_row (fit, r);
      gint64 id = convene_segment_get_id (row->segment);
      Absorption taken;

      if (id < 2 || row->fixed || row->new_length == row->old_length)
        continue;
      taken.step = (guint) (id - 2);
      taken.amount = convene_live_get_allotted (self, taken.step) -
                     (gint64) row->new_length * CONVENE_LIVE_MINUTE;
      step_at (self, taken.step)->record.absorbed += taken.amount;
      g_array_append_val (absorbed, taken);
    }
  return TRUE;
}

/* Ends the current step at now and starts `to` (n_steps: ends the session). */
static void
transition (ConveneLive         *self,
            guint                to,
            ConveneLiveRecovery  recovery)
{
  gint64 now = convene_live_now (self);
  gint64 overrun = -time_left_at (self, now);
  Step *from = step_at (self, self->current);
  Transition t = { 0 };

  t.from = self->current;
  t.to = (int) to;
  t.saved_from = from->record;
  t.absorbed = g_array_new (FALSE, FALSE, sizeof (Absorption));

  if (self->held_since != 0)
    {
      from->record.paused += now - self->held_since;
      self->held_since = 0;
    }
  from->record.actual_end = now;

  if (to < self->steps->len)
    {
      Step *next = step_at (self, to);

      t.saved_to = next->record;
      memset (&next->record, 0, sizeof next->record);
      next->record.actual_start = now;
      /* A compress that finds no fit leaves the later steps as they are:
       * they are pushed later. */
      if (overrun > 0 && recovery == CONVENE_LIVE_ABSORB)
        absorb (self, to, overrun, t.absorbed);
      else if (overrun > 0 && recovery == CONVENE_LIVE_COMPRESS)
        compress (self, to, now, t.absorbed);
    }

  self->current = (int) to;
  g_array_append_val (self->transitions, t);
}

gboolean
convene_live_next (ConveneLive         *self,
                   ConveneLiveRecovery  recovery)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), FALSE);

  if (!is_running (self))
    return FALSE;

  transition (self, self->current + 1, recovery);
  emit_changed (self);
  return TRUE;
}

gboolean
convene_live_jump (ConveneLive         *self,
                   guint                step,
                   ConveneLiveRecovery  recovery)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), FALSE);

  if (step >= self->steps->len)
    return FALSE;
  if (!self->started)
    {
      /* Starting somewhere else than the first step: the steps before it
       * never ran. */
      Step *s = step_at (self, step);

      self->started = TRUE;
      self->current = (int) step;
      self->held_since = 0;
      memset (&s->record, 0, sizeof s->record);
      s->record.actual_start = convene_live_now (self);
      emit_changed (self);
      return TRUE;
    }
  if (!is_running (self) || (guint) self->current == step)
    return FALSE;

  transition (self, step, recovery);
  emit_changed (self);
  return TRUE;
}

gboolean
convene_live_back (ConveneLive *self)
{
  Transition *t;

  g_return_val_if_fail (CONVENE_IS_LIVE (self), FALSE);

  if (self->transitions->len == 0)
    return FALSE;

  t = &g_array_index (self->transitions, Transition, self->transitions->len - 1);
  for (guint i = 0; i < t->absorbed->len; i++)
    {
      Absorption *a = &g_array_index (t->absorbed, Absorption, i);

      step_at (self, a->step)->record.absorbed -= a->amount;
    }
  if ((guint) t->to < self->steps->len)
    step_at (self, t->to)->record = t->saved_to;
  /* The step that ran before continues: its clock kept running meanwhile,
   * except for the hold it was in, which ended at the transition. */
  {
    Step *from = step_at (self, t->from);
    gint64 paused = from->record.paused;

    from->record = t->saved_from;
    from->record.paused = paused;
  }
  self->current = t->from;
  self->held_since = 0;
  g_array_set_size (self->transitions, self->transitions->len - 1);
  emit_changed (self);
  return TRUE;
}

gboolean
convene_live_hold (ConveneLive *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), FALSE);

  if (!is_running (self) || self->held_since != 0)
    return FALSE;
  self->held_since = convene_live_now (self);
  emit_changed (self);
  return TRUE;
}

gboolean
convene_live_resume (ConveneLive *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), FALSE);

  if (!is_running (self) || self->held_since == 0)
    return FALSE;
  step_at (self, self->current)->record.paused += convene_live_now (self) - self->held_since;
  self->held_since = 0;
  emit_changed (self);
  return TRUE;
}

gboolean
convene_live_add_minutes (ConveneLive *self,
                          int          minutes)
{
  Step *s;
  gint64 allotted;
  gint64 change;

  g_return_val_if_fail (CONVENE_IS_LIVE (self), FALSE);

  if (!is_running (self) || minutes == 0)
    return FALSE;
  s = step_at (self, self->current);
  allotted = convene_live_get_allotted (self, self->current);
  change = MAX ((gint64) minutes * CONVENE_LIVE_MINUTE, -allotted);
  if (change == 0)
    return FALSE;
  s->record.adjust += change;
  emit_changed (self);
  return TRUE;
}

char *
convene_live_format_duration (gint64 duration)
{
  gint64 seconds = (duration < 0 ? -duration : duration) / G_USEC_PER_SEC;
  /* Counting down, a partial second still shows as the second it is in;
   * past zero, counting up, it shows the seconds completed. */
  if (duration > 0 && duration % G_USEC_PER_SEC != 0)
    seconds++;

  if (seconds >= 3600)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT ":%02d:%02d", duration < 0 ? "−" : "",
                            seconds / 3600, (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%s%d:%02d", duration < 0 && seconds > 0 ? "−" : "",
                          (int) (seconds / 60), (int) (seconds % 60));
}

char *
convene_live_format_clock (ConveneLive *self,
                           gint64       instant,
                           gboolean     use_12h)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) start = NULL;

  g_return_val_if_fail (CONVENE_IS_LIVE (self), NULL);

  /* The schedule's start carries the venue's zone. */
  start = convene_schedule_dup_clock (self->schedule, 0);
  utc = g_date_time_new_from_unix_utc (instant / G_USEC_PER_SEC);
  if (start == NULL || utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (utc, g_date_time_get_timezone (start));
  return convene_model_format_time_of_day (local, use_12h);
}

static gboolean
apply_event (ConveneLive      *self,
             ConveneLiveEvent *event)
{
  ConveneLiveRecovery recovery = convene_live_event_get_recovery (event);

  switch (convene_live_event_get_action (event))
    {
    case CONVENE_LIVE_ACTION_START:
      return convene_live_start (self);
    case CONVENE_LIVE_ACTION_NEXT:
      return convene_live_next (self, recovery);
    case CONVENE_LIVE_ACTION_BACK:
      return convene_live_back (self);
    case CONVENE_LIVE_ACTION_HOLD:
      return convene_live_hold (self);
    case CONVENE_LIVE_ACTION_RESUME:
      return convene_live_resume (self);
    case CONVENE_LIVE_ACTION_ADD:
      return convene_live_add_minutes (self, convene_live_event_get_minutes (event));
    case CONVENE_LIVE_ACTION_JUMP:
      for (guint i = 0; i < self->steps->len; i++)
        if (convene_segment_get_id (step_at (self, i)->segment) == convene_live_event_get_segment_id (event))
          return convene_live_jump (self, i, recovery);
      return FALSE;
    default:
      return FALSE;
    }
}

gboolean
convene_live_can (ConveneLive       *self,
                  ConveneLiveAction  action,
                  guint              step,
                  int                minutes)
{
  g_return_val_if_fail (CONVENE_IS_LIVE (self), FALSE);

  switch (action)
    {
    case CONVENE_LIVE_ACTION_START:
      return !self->started && self->steps->len > 0;
    case CONVENE_LIVE_ACTION_NEXT:
      return is_running (self);
    case CONVENE_LIVE_ACTION_BACK:
      return self->transitions->len > 0;
    case CONVENE_LIVE_ACTION_HOLD:
      return is_running (self) && self->held_since == 0;
    case CONVENE_LIVE_ACTION_RESUME:
      return is_running (self) && self->held_since != 0;
    case CONVENE_LIVE_ACTION_ADD:
      return is_running (self) && minutes != 0 &&
             (minutes > 0 || convene_live_get_allotted (self, self->current) > 0);
    case CONVENE_LIVE_ACTION_JUMP:
      return step < self->steps->len &&
             (!self->started || (is_running (self) && (guint) self->current != step));
    default:
      return FALSE;
    }
}

static const char *
action_label (ConveneLiveAction action)
{
  switch (action)
    {
    case CONVENE_LIVE_ACTION_START:
      return _("Start Live");
    case CONVENE_LIVE_ACTION_NEXT:
      return _("Next Segment");
    case CONVENE_LIVE_ACTION_BACK:
      return _("Back to the Previous Segment");
    case CONVENE_LIVE_ACTION_HOLD:
      return _("Hold");
    case CONVENE_LIVE_ACTION_RESUME:
      return _("Resume");
    case CONVENE_LIVE_ACTION_ADD:
      return _("Change Time Left");
    case CONVENE_LIVE_ACTION_JUMP:
    default:
      return _("Go to Segment");
    }
}

ConveneCommand *
convene_live_record_new (ConveneLive         *self,
                         gint64               id,
                         ConveneLiveAction    action,
                         guint                step,
                         int                  minutes,
                         ConveneLiveRecovery  recovery)
{
  g_autoptr(ConveneLiveEvent) event = NULL;
  gint64 segment_id = 0;

  g_return_val_if_fail (CONVENE_IS_LIVE (self), NULL);

  if (!convene_live_can (self, action, step, minutes))
    return NULL;

  if (action == CONVENE_LIVE_ACTION_JUMP)
    segment_id = convene_segment_get_id (step_at (self, step)->segment);
  if (action != CONVENE_LIVE_ACTION_ADD)
    minutes = 0;
  if (recovery == CONVENE_LIVE_COMPRESS)
    {
      guint to = action == CONVENE_LIVE_ACTION_NEXT ? (guint) self->current + 1 : step;
      gint64 now = convene_live_now (self);

      /* The event keeps the minutes the rest was fitted into. A compress
       * that cannot apply is recorded as what happens instead, a push. */
      if ((action == CONVENE_LIVE_ACTION_NEXT || action == CONVENE_LIVE_ACTION_JUMP) && self->started &&
          time_left_at (self, now) < 0 && convene_live_check_compress (self, to, NULL))
        minutes = (int) CLAMP ((self->planned_end - now) / CONVENE_LIVE_MINUTE, 1, CONVENE_MINUTES_PER_DAY);
      else
        recovery = CONVENE_LIVE_PUSH;
    }
  event = convene_live_event_new (id, convene_live_now (self), action, segment_id, minutes, recovery);
  return convene_command_insert_new (action_label (action), self->events,
                                     g_list_model_get_n_items (G_LIST_MODEL (self->events)),
                                     event);
}
