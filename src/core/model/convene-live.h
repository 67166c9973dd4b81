/* convene-live.h: the time engine that runs a session on the day.
 *
 * The operator steps through the programme one step at a time: a top-level
 * segment without items is a step, and a segment with items (a panel) is
 * run as its items, each one a step whose panel is that segment. The
 * engine knows the plan (convene-schedule.h), what really happened (actual
 * starts and ends, holds, minutes added or taken) and the current time,
 * which it reads from an injected clock so tests can run hours of a
 * programme in milliseconds.
 *
 * Times are wall-clock instants in microseconds since the Unix epoch, as
 * g_get_real_time() gives them; durations are microseconds too.
 *
 * Projection: the current step ends when its time is up (now, when it
 * already runs over); each later step follows the one before it, except a
 * step pinned to a fixed clock time, which keeps that time and reports the
 * gap (positive) or overlap (negative) that leaves before it.
 *
 * Recovering from an overrun is chosen at the transition out of the step
 * that ran over:
 *   ABSORB  the later start times stay: the overrun is taken from the
 *           lengths of the steps that follow, in order, each keeping at
 *           least a minute, up to the next pinned step (whose fixed time
 *           takes what is left as a smaller gap or an overlap);
 *   PUSH    the later steps keep their lengths, so every later unpinned
 *           start moves later by the overrun;
 *   COMPRESS the steps still to run are fitted by the fit engine
 *           (convene_fit_rest(), convene-fit.h) to end when the plan ends:
 *           their lengths shrink in proportion to their room, in whole
 *           minutes, keeping locks, minimums, maximums and pinned times.
 *           When no such fit exists (convene_live_check_compress() says
 *           why), the later steps keep their lengths, as with PUSH. */
#pragma once

#include "convene-command.h"
#include "convene-live-event.h"
#include "convene-schedule.h"

G_BEGIN_DECLS

/* Returns the current wall time in microseconds since the Unix epoch. */
typedef gint64 (*ConveneLiveClock) (gpointer user_data);

/* What happened to one step. Every field is 0 until it applies. */
typedef struct {
  gint64 actual_start;  /* when it started (µs since the epoch) */
  gint64 actual_end;    /* when it ended */
  gint64 paused;        /* time spent on hold, not counted as elapsed */
  gint64 adjust;        /* time the operator added (+) or took (−) */
  gint64 absorbed;      /* time taken from it to absorb or compress an earlier
                         * overrun (negative: time a compress gave it) */
} ConveneLiveRecord;

#define CONVENE_LIVE_MINUTE G_GINT64_CONSTANT (60000000)

#define CONVENE_TYPE_LIVE (convene_live_get_type ())
G_DECLARE_FINAL_TYPE (ConveneLive, convene_live, CONVENE, LIVE, GObject)

/* tz: the venue's zone (NULL means UTC); clock: NULL reads g_get_real_time().
 * Signal "changed": emitted after every operation that changes the state
 * (not when time merely passes). */
ConveneLive     *convene_live_new                 (ConveneSession  *session,
                                                   GTimeZone       *tz,
                                                   ConveneLiveClock clock,
                                                   gpointer         clock_data,
                                                   GDestroyNotify   clock_data_free);
ConveneSession  *convene_live_get_session         (ConveneLive *self);
ConveneSchedule *convene_live_get_schedule        (ConveneLive *self);
gint64           convene_live_now                 (ConveneLive *self);

/* The steps, in programme order. */
guint            convene_live_get_n_steps         (ConveneLive *self);
ConveneSegment  *convene_live_get_step_segment    (ConveneLive *self, guint step);
/* The panel a step is an item of; NULL for a top-level step. */
ConveneSegment  *convene_live_get_step_panel      (ConveneLive *self, guint step);
/* The step running segment, or -1 when segment is not a step. */
int              convene_live_find_step           (ConveneLive *self, ConveneSegment *segment);
gboolean         convene_live_get_step_pinned     (ConveneLive *self, guint step);
const ConveneLiveRecord *convene_live_get_record  (ConveneLive *self, guint step);

/* -1 before the start and after the end. */
int              convene_live_get_current         (ConveneLive *self);
gboolean         convene_live_get_started         (ConveneLive *self);
gboolean         convene_live_get_finished        (ConveneLive *self);
gboolean         convene_live_get_held            (ConveneLive *self);

/* The current step: running time (holds excluded), the time it has
 * (planned length with the operator's and absorbed changes) and the time
 * left, negative once it runs over. 0 when no step is running. */
gint64           convene_live_get_elapsed         (ConveneLive *self);
gint64           convene_live_get_time_left       (ConveneLive *self);
/* The length a step has now: planned, plus adjust, minus absorbed. */
gint64           convene_live_get_allotted        (ConveneLive *self, guint step);
/* Whether leaving the current step now asks for a recovery choice: it runs
 * over and a later step remains. */
gboolean         convene_live_get_needs_choice    (ConveneLive *self);
/* Whether COMPRESS would find a fit if step to started now; if not,
 * out_problem (optional, free it) says why in the planner's words. */
gboolean         convene_live_check_compress      (ConveneLive *self, guint to, char **out_problem);

gint64           convene_live_get_planned_start   (ConveneLive *self, guint step);
gint64           convene_live_get_planned_end     (ConveneLive *self);
/* The length the plan gives a step. */
gint64           convene_live_get_planned_length  (ConveneLive *self, guint step);
/* The actual start of a step that has run or runs; for a later step, when
 * it is now expected to start. */
gint64           convene_live_get_projected_start (ConveneLive *self, guint step);
/* For a later pinned step: the gap (positive) or overlap (negative) its
 * fixed time now leaves after the step before it; 0 otherwise. */
gint64           convene_live_get_projected_gap   (ConveneLive *self, guint step);
gint64           convene_live_get_projected_end   (ConveneLive *self);
/* Projected end minus planned end: positive over, negative under. */
gint64           convene_live_get_over            (ConveneLive *self);

/* Operations. Each returns FALSE and changes nothing when it does not apply
 * (next before the start, back at the first step, ...). */
gboolean         convene_live_start               (ConveneLive *self);
/* Ends the current step and starts the next; on the last step, ends the
 * session. recovery is used only when the step ran over. */
gboolean         convene_live_next                (ConveneLive *self, ConveneLiveRecovery recovery);
/* Undoes the last transition: the step that ran before continues. */
gboolean         convene_live_back                (ConveneLive *self);
gboolean         convene_live_hold                (ConveneLive *self);
gboolean         convene_live_resume              (ConveneLive *self);
/* Adds minutes (negative takes) to the current step; it keeps at least 0. */
gboolean         convene_live_add_minutes         (ConveneLive *self, int minutes);
/* Ends the current step and starts step (which may have run before). */
gboolean         convene_live_jump                (ConveneLive *self, guint step, ConveneLiveRecovery recovery);

/* Recording. The engine replays its session's live events
 * (convene_session_get_live_events()) when it is made, applies each event
 * appended to them, and replays them all again when any is removed (undo):
 * the engine of a session in a document is driven by performing the
 * commands below, so every operation is in the file the moment it happens.
 * The operations above act on the engine alone, for what is not recorded.
 *
 * Whether action would apply now (step: for a jump; minutes: for add). */
gboolean         convene_live_can                 (ConveneLive *self, ConveneLiveAction action,
                                                   guint step, int minutes);
/* A command that appends the event "action, now" (id: a new id of the
 * project) to the session's record, or NULL when the action does not apply
 * now. A COMPRESS that would not run over or finds no fit is recorded as
 * PUSH, which is what then happens. */
ConveneCommand  *convene_live_record_new          (ConveneLive *self, gint64 id,
                                                   ConveneLiveAction action, guint step,
                                                   int minutes, ConveneLiveRecovery recovery);

/* Formatting helpers for views: "12:34" / "−1:05" (minutes:seconds, or
 * hours:minutes:seconds past an hour) and the venue's clock time of an
 * instant, "14:03" or "2:03 PM". */
char            *convene_live_format_duration     (gint64 duration);
char            *convene_live_format_clock        (ConveneLive *self, gint64 instant, gboolean use_12h);

G_END_DECLS
