/* convene-schedule.h: clock times of a session's segments, computed from the
 * session start and the durations, in the venue's local time.
 *
 * A segment that holds items (a panel and its talks) lasts as long as its
 * items take together, whatever its own duration says, so the segment
 * after it starts when its last item ends and no two clock times overlap
 * because of a group. Its own duration is a target length the items are
 * compared against when the planner set one (see convene-segment.h). */
#pragma once

#include "convene-session.h"

G_BEGIN_DECLS

typedef struct {
  ConveneSegment *segment;   /* borrowed */
  ConveneSegment *parent;    /* borrowed; NULL for a top-level segment */
  guint           depth;     /* 0 top level, 1 item */
  /* Minutes from the session start (elapsed time). */
  int             start;
  int             end;
  /* Top level only: minutes between the previous segment's end and this
   * start, when this segment is pinned to a fixed clock time. Positive is a
   * gap, negative an overlap; 0 otherwise. */
  int             gap_before;
  /* Segments with items: the sum of the items' durations, which is also
   * the segment's length (end - start). */
  int             items_minutes;
  /* Segments with items and a target length (convene_segment_get_has_target):
   * the target in minutes; -1 otherwise. items_minutes - target is how far
   * the items run over (positive) or under (negative) it. */
  int             target;
  /* Whether this segment ends after the slot end (or starts after it). */
  gboolean        crosses_slot_end;
} ConveneScheduleEntry;

typedef struct _ConveneSchedule ConveneSchedule;

#define CONVENE_TYPE_SCHEDULE (convene_schedule_get_type ())
GType                       convene_schedule_get_type       (void) G_GNUC_CONST;

/* tz: the venue's zone (convene_project_dup_gtime_zone()); NULL means UTC. */
ConveneSchedule            *convene_schedule_compute        (ConveneSession *session, GTimeZone *tz);
/* The same, as if preview (a segment of session) lasted preview_minutes:
 * what the timeline shows while an edge is dragged, before any command. */
ConveneSchedule            *convene_schedule_compute_preview (ConveneSession *session, GTimeZone *tz,
                                                              ConveneSegment *preview,
                                                              guint           preview_minutes);
/* The same, as if each segment in lengths (ConveneSegment* ->
 * GUINT_TO_POINTER (minutes + 1)) lasted those minutes: a proposal (Fit to
 * Slot's) shown before any command. */
ConveneSchedule            *convene_schedule_compute_with_lengths (ConveneSession *session, GTimeZone *tz,
                                                                   GHashTable     *lengths);
ConveneSchedule            *convene_schedule_ref            (ConveneSchedule *self);
void                        convene_schedule_unref          (ConveneSchedule *self);
/* Entries in reading order: each top-level segment followed by its items. */
guint                       convene_schedule_get_n_entries  (ConveneSchedule *self);
const ConveneScheduleEntry *convene_schedule_get_entry      (ConveneSchedule *self, guint index);
const ConveneScheduleEntry *convene_schedule_lookup         (ConveneSchedule *self, ConveneSegment *segment);
/* Sum of the top-level lengths, a segment with items counting what its
 * items take (93 for the example). */
int                         convene_schedule_get_planned_minutes (ConveneSchedule *self);
/* Minutes from the session start to the end of the last segment (includes
 * gaps made by pinned times). */
int                         convene_schedule_get_end        (ConveneSchedule *self);
int                         convene_schedule_get_slot_minutes (ConveneSchedule *self);
/* end - slot: positive over, negative under, 0 exactly on time. */
int                         convene_schedule_get_over_minutes (ConveneSchedule *self);
/* The wall-clock time offset minutes after the session start, in the venue's
 * zone (crosses midnight and daylight-saving changes correctly). */
GDateTime                  *convene_schedule_dup_clock      (ConveneSchedule *self, int offset);
/* "14:03" (24 h) or "2:03 PM" (12 h) for offset minutes after the start. */
char                       *convene_schedule_format_clock   (ConveneSchedule *self, int offset,
                                                             gboolean use_12h);
/* The programme's end as convene_schedule_format_clock() gives it, with how
 * many days after the session's first day it falls when it does:
 * "14:03", "00:30 (+1 day)". */
char                       *convene_schedule_format_end     (ConveneSchedule *self, gboolean use_12h);
/* "93 min planned in a 90 min slot: 3 min over" / "…: 5 min under" / "…: on time". */
char                       *convene_schedule_describe_fit   (ConveneSchedule *self);
/* "30 min over its 60 min target" / "10 min under its 60 min target" for a
 * segment whose items miss its target length; NULL when it has no target
 * or its items meet it. */
char                       *convene_schedule_entry_describe_target (const ConveneScheduleEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneSchedule, convene_schedule_unref)

G_END_DECLS
