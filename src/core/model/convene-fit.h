/* convene-fit.h: Fit to Slot. Proposes new lengths so that a running order
 * ends exactly where it must (the session's slot end, a panel's target
 * length, or any clock time from a segment onward), shrinking when it runs
 * over and stretching when it runs under.
 *
 * The rules, in exact whole minutes:
 * - locked segments, segments pinned to a clock time (with their items) and
 *   segments outside the selection keep their length;
 * - every length the fit changes lands on a multiple of the step, within
 *   the segment's minimum and maximum (at least 1 minute); lengths it leaves
 *   alone stay as they are, even off the step;
 * - the total lands exactly on the target whenever any such choice exists,
 *   changing as few lengths that are off the step as possible;
 * - the time to win or give is shared in proportion to each length's room
 *   (above its minimum when shrinking, below its maximum when stretching), or
 *   taken from the lowest-priority kinds first.
 * A segment holding items changes through its items. */
#pragma once

#include "convene-command.h"
#include "convene-schedule.h"
#include "convene-session.h"

G_BEGIN_DECLS

typedef enum {
  CONVENE_FIT_PROPORTIONAL,   /* in proportion to each length's room */
  CONVENE_FIT_PRIORITY,       /* lowest-priority kinds first */
} ConveneFitStrategy;
#define CONVENE_N_FIT_STRATEGIES (CONVENE_FIT_PRIORITY + 1)

typedef struct {
  ConveneFitStrategy        strategy;
  /* Minutes the changed lengths are multiples of; 0 means the session's. */
  guint                     step;
  /* CONVENE_FIT_PRIORITY: the kinds to change first, in order; kinds not
   * listed come after them. NULL: convene_fit_get_default_priority(). */
  const ConveneSegmentKind *kind_order;
  guint                     n_kind_order;
  /* NULL: every segment may change. Otherwise only these (borrowed
   * ConveneSegment; a segment holding items stands for its items). */
  GPtrArray                *selection;
} ConveneFitOptions;

/* Breaks, networking, Q&A and discussion first; keynotes last. */
const ConveneSegmentKind *convene_fit_get_default_priority (guint *n_kinds);

/* The view setting (convene_document_set_view_setting()) a project keeps
 * its planner's priority order under, written by
 * convene_fit_priority_to_string(). */
#define CONVENE_FIT_PRIORITY_SETTING "fit-priority"

/* A priority order as text: kind nicks separated by commas, first to change
 * first ("break,networking,qa"). Reads it into out, every kind once: the
 * kinds text leaves out follow in the default order. Spaces around a nick
 * are allowed; an empty text is the default order. FALSE with a message
 * naming the unknown or repeated kind (CONVENE_MODEL_ERROR_NOT_FOUND,
 * INVALID_TEXT), out left alone. */
gboolean                  convene_fit_parse_priority (const char         *text,
                                                      ConveneSegmentKind  out[CONVENE_N_SEGMENT_KINDS],
                                                      GError            **error);
/* The text convene_fit_parse_priority() reads back as order (n kinds). */
char                     *convene_fit_priority_to_string (const ConveneSegmentKind *order, guint n);

/* The solver on plain numbers, which the session-level calls use. */
typedef struct {
  guint    length;   /* minutes now */
  guint    min;      /* 0: no minimum (a length is at least 1 minute) */
  guint    max;      /* 0: no maximum (at most a day) */
  gboolean fixed;    /* keeps its length */
  guint    rank;     /* CONVENE_FIT_PRIORITY: lower ranks change first */
} ConveneFitUnit;

typedef enum {
  CONVENE_FIT_SOLVED,
  CONVENE_FIT_TOO_LONG,    /* even at their shortest they run over */
  CONVENE_FIT_TOO_SHORT,   /* even at their longest they end early */
  CONVENE_FIT_OFF_STEP,    /* in range, but no multiple of the step lands exactly */
} ConveneFitOutcome;

/* Chooses new lengths (out_lengths, n_units of them) whose sum is target.
 * When it cannot, out_lengths is left alone and *out_nearest (optional)
 * holds the shortest total possible (TOO_LONG), the longest (TOO_SHORT) or
 * the nearest total below the target it can reach (OFF_STEP; above it when
 * there is none below). */
ConveneFitOutcome convene_fit_solve (const ConveneFitUnit *units, guint n_units, guint step,
                                     int target, ConveneFitStrategy strategy,
                                     guint *out_lengths, int *out_nearest);

typedef struct {
  ConveneSegment *segment;    /* borrowed */
  ConveneSegment *parent;     /* borrowed; NULL for a top-level segment */
  guint           old_length;
  guint           new_length;
  gboolean        holds_items; /* its lengths are its items' sum */
  gboolean        fixed;       /* locked, pinned or not selected */
  gboolean        at_minimum;  /* has a minimum, and another step less would cross it */
  gboolean        at_maximum;  /* has a maximum, and another step more would cross it */
} ConveneFitRow;

typedef struct _ConveneFit ConveneFit;

#define CONVENE_TYPE_FIT (convene_fit_get_type ())
GType               convene_fit_get_type         (void) G_GNUC_CONST;

/* Fits the session's running order to its slot. A stretch before a pinned
 * segment that runs into it is shrunk to end at the pin; the stretch after
 * the last pin (or the whole order) is fitted to end exactly at the slot
 * end. options NULL: proportional, the session's step. */
ConveneFit         *convene_fit_session          (ConveneSession *session,
                                                  const ConveneFitOptions *options);
/* Fits a panel's items to its target length. Refused (NOT_FOUND,
 * INVALID_NESTING) for a segment not in session or without a target. */
ConveneFit         *convene_fit_panel            (ConveneSession *session, ConveneSegment *panel,
                                                  const ConveneFitOptions *options, GError **error);
/* "Make the rest end at end_offset": from the top-level segment from
 * onward, so that the last ends end_offset minutes after the session start.
 * Segments before from keep their lengths. */
ConveneFit         *convene_fit_rest             (ConveneSession *session, ConveneSegment *from,
                                                  int end_offset, const ConveneFitOptions *options,
                                                  GError **error);

ConveneFit         *convene_fit_ref              (ConveneFit *self);
void                convene_fit_unref            (ConveneFit *self);
gboolean            convene_fit_is_possible      (ConveneFit *self);
/* Whether applying would change any length. */
gboolean            convene_fit_has_changes      (ConveneFit *self);
/* What it proposes, or why no fit exists: by how many minutes, and the
 * locks, minimums, maximums or pins that stop it. Translated. */
const char         *convene_fit_get_summary      (ConveneFit *self);
/* Minutes the fitted stretch must take, and what it takes before and after. */
int                 convene_fit_get_target       (ConveneFit *self);
int                 convene_fit_get_old_total    (ConveneFit *self);
int                 convene_fit_get_new_total    (ConveneFit *self);
guint               convene_fit_get_step         (ConveneFit *self);
/* One row per segment and item of the fitted stretch, in reading order. */
guint               convene_fit_get_n_rows       (ConveneFit *self);
const ConveneFitRow *convene_fit_get_row         (ConveneFit *self, guint index);
/* The schedule of session as if the proposal were applied (the timeline's
 * preview of it); nothing changes in the model. An impossible fit proposes
 * nothing: the session's schedule as it is. */
ConveneSchedule    *convene_fit_compute_schedule (ConveneFit *self, ConveneSession *session,
                                                  GTimeZone *tz);
/* Every change as one undoable step ("Fit to Slot"); a panel with a target
 * whose items change takes their new sum as its target. NULL when there is
 * nothing to apply (impossible, or no change). */
ConveneCommand     *convene_fit_build_command    (ConveneFit *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneFit, convene_fit_unref)

G_END_DECLS
