/* convene-warnings.h: what a planner should look at before the day: people
 * not confirmed yet, people who declined but are still on the programme,
 * people in two places at once, and segments nobody is on.
 *
 * Warnings are pure functions of the model, computed afresh on each call
 * (O(n log n) in the number of assignments and segments), so a view
 * recomputes them whenever the model changes rather than keeping them in
 * step. Computing the whole project once and filtering is cheaper than
 * asking session by session when many sessions are on screen.
 *
 * The rules:
 * - TBC (info): one per assignment of a person who is invited or tentative.
 * - DECLINED_ASSIGNED (error): one per assignment of a person who declined.
 * - CONFLICT (error): one per pair of places a person is due at the same
 *   time, compared as real instants in the venue's zone (so two sessions on
 *   different dates never clash, and a session running past midnight
 *   clashes with the next morning's). Intervals touching end to start do not
 *   overlap; zero-minute segments take no time and never clash. A segment
 *   and its own items overlap by design and never clash. A session-level
 *   role (the session's moderator) spans the whole session, from its start
 *   to the later of its slot end and its last segment's end; it clashes
 *   only with places in OTHER sessions, since moderating a session includes
 *   being on its segments. Sessions without a valid date are left out of
 *   conflicts: their day is unknown.
 * - UNSTAFFED (warning): a segment whose kind needs people
 *   (convene_segment_kind_needs_people) with no one on it or on its items.
 *   People who declined do not count. Opening remarks, a welcome, a
 *   moderated discussion and closing remarks are hosted by the session's
 *   own moderator or chair when it has one (its opening-remarks person
 *   covers openings and welcomes, its closing-remarks person closings), so
 *   these are staffed by such a session-level role; keynotes,
 *   presentations and panels need their own people.
 * - OVER_TARGET, UNDER_TARGET (warning): a segment with items and a target
 *   length whose items take more or less than it (the segment lasts what its
 *   items take; see convene-schedule.h).
 *
 * Dangling references (an assignment to a person or segment that is gone)
 * are ignored. */
#pragma once

#include "convene-project.h"
#include "convene-schedule.h"

G_BEGIN_DECLS

typedef enum {
  CONVENE_WARNING_SEVERITY_INFO,
  CONVENE_WARNING_SEVERITY_WARNING,
  CONVENE_WARNING_SEVERITY_ERROR,
} ConveneWarningSeverity;
#define CONVENE_N_WARNING_SEVERITIES (CONVENE_WARNING_SEVERITY_ERROR + 1)

typedef enum {
  CONVENE_WARNING_KIND_TBC,
  CONVENE_WARNING_KIND_DECLINED_ASSIGNED,
  CONVENE_WARNING_KIND_CONFLICT,
  CONVENE_WARNING_KIND_UNSTAFFED,
  CONVENE_WARNING_KIND_OVER_TARGET,
  CONVENE_WARNING_KIND_UNDER_TARGET,
} ConveneWarningKind;
#define CONVENE_N_WARNING_KINDS (CONVENE_WARNING_KIND_UNDER_TARGET + 1)

/* One warning. Ids are 0 where they do not apply.
 * - TBC, DECLINED_ASSIGNED: speaker_id, assignment_id, session_id, and
 *   segment_id (0 when the role is on the whole session).
 * - CONFLICT: speaker_id; the earlier place in session_id/segment_id and
 *   the later in other_session_id/other_segment_id (a segment id of 0 means
 *   the whole session, i.e. a session-level role).
 * - UNSTAFFED, OVER_TARGET, UNDER_TARGET: session_id and segment_id. */
typedef struct {
  ConveneWarningKind     kind;
  ConveneWarningSeverity severity;
  gint64                 speaker_id;
  gint64                 assignment_id;
  gint64                 session_id;
  gint64                 segment_id;
  gint64                 other_session_id;
  gint64                 other_segment_id;
  /* One translated sentence naming the person and the place(s). */
  char                  *message;
} ConveneWarning;

#define CONVENE_TYPE_WARNING (convene_warning_get_type ())
GType           convene_warning_get_type  (void) G_GNUC_CONST;
ConveneWarning *convene_warning_copy      (const ConveneWarning *warning);
void            convene_warning_free      (ConveneWarning *warning);
/* Whether either side of the warning is this session (or segment). */
gboolean        convene_warning_involves_session (const ConveneWarning *warning, gint64 session_id);
gboolean        convene_warning_involves_segment (const ConveneWarning *warning, gint64 segment_id);

/* "TBC", "Declined", "Conflict", "Nobody assigned", "Over target", "Under
 * target": short translated tags for badges. */
const char     *convene_warning_kind_get_label (ConveneWarningKind kind);

/* The warnings as a new GPtrArray of ConveneWarning (freed with the array),
 * errors first, then warnings, then infos; within a severity in programme
 * order. use_12h picks the clock format of the times in messages.
 * - for_project: everything; each conflict once.
 * - for_session: those involving the session (a conflict with another
 *   session appears in both sessions' lists).
 * - for_segment: those involving exactly this segment or item (not its
 *   items'), including TBC/declined for people on it.
 * - for_speaker: those about this person. */
GPtrArray      *convene_warnings_for_project (ConveneProject *project, gboolean use_12h);
GPtrArray      *convene_warnings_for_session (ConveneProject *project, ConveneSession *session,
                                              gboolean use_12h);
GPtrArray      *convene_warnings_for_segment (ConveneProject *project, ConveneSegment *segment,
                                              gboolean use_12h);
GPtrArray      *convene_warnings_for_speaker (ConveneProject *project, ConveneSpeaker *speaker,
                                              gboolean use_12h);

/* Where the warnings take each session's schedule from, instead of working
 * it out again: a document keeps one per session and drops it only when
 * the session changes. Returns a schedule the caller borrows. */
typedef ConveneSchedule *(*ConveneScheduleLookup) (ConveneSession *session, gpointer data);

/* The same as for_project and for_session, with the schedules from lookup. */
GPtrArray      *convene_warnings_for_project_with  (ConveneProject *project, gboolean use_12h,
                                                    ConveneScheduleLookup lookup, gpointer data);
GPtrArray      *convene_warnings_for_session_with  (ConveneProject *project, ConveneSession *session,
                                                    gboolean use_12h, ConveneScheduleLookup lookup,
                                                    gpointer data);

/* Copies of those of warnings (everything, from for_project) that
 * for_session, for_segment or for_speaker would give: session_id,
 * segment_id or speaker_id is the one that is not 0. The same warnings, in
 * the same order, from one computation of the whole project that every
 * view shares. */
GPtrArray      *convene_warnings_filter      (GPtrArray *warnings, gint64 session_id, gint64 segment_id,
                                              gint64 speaker_id);

/* Counts of open warnings, e.g. for a session's header. */
typedef struct {
  guint by_severity[CONVENE_N_WARNING_SEVERITIES];
  guint by_kind[CONVENE_N_WARNING_KINDS];
  guint total;
} ConveneWarningSummary;

void            convene_warnings_summarize   (GPtrArray *warnings, ConveneWarningSummary *summary);
/* Fills summary for one session (the same counts as summarizing
 * convene_warnings_for_session). */
void            convene_warnings_summarize_session (ConveneProject *project, ConveneSession *session,
                                                    ConveneWarningSummary *summary);
/* "1 error, 2 warnings, 8 to confirm" or "No open warnings"; translated. */
char           *convene_warning_summary_describe (const ConveneWarningSummary *summary);

G_END_DECLS
