/* convene-outcomes.h: the outcomes checklist at a glance. Pure functions over
 * the model: progress per kind ("3 of 5 expected outcomes met"), the items
 * and segments to flag, who owes which follow-up, and what links an item to
 * the running order. Nothing here changes the project; views recompute when
 * the lists they show change. */
#pragma once

#include "convene-project.h"

G_BEGIN_DECLS

/* How far one kind of item has come. An expected outcome counts as done when
 * its result is "met"; "partly met" and "not met" are counted beside it. The
 * other kinds count as done when ticked off. */
typedef struct
{
  guint total;
  guint done;
  guint partly_met;   /* expected outcomes only */
  guint not_met;      /* expected outcomes only */
} ConveneOutcomeProgress;

void  convene_outcomes_get_progress          (ConveneSession *session, ConveneOutcomeKind kind,
                                              ConveneOutcomeProgress *progress);
/* The same over every session of the project. */
void  convene_outcomes_get_project_progress  (ConveneProject *project, ConveneOutcomeKind kind,
                                              ConveneOutcomeProgress *progress);
/* A translated sentence: "3 of 5 expected outcomes met", "3 of 5 expected
 * outcomes met, 1 partly met", "2 of 5 guiding questions covered", "No
 * follow-up actions yet". Newly allocated. */
char *convene_outcomes_format_progress       (ConveneOutcomeKind kind,
                                              const ConveneOutcomeProgress *progress);

/* Whether outcome is linked to no segment although its kind should be:
 * objectives, expected outcomes and guiding questions are served by the
 * running order; follow-up actions come after the event and are never flagged. */
gboolean   convene_outcomes_is_unlinked      (ConveneProject *project, ConveneOutcome *outcome);
/* The session's items convene_outcomes_is_unlinked() flags, in checklist
 * order (ConveneOutcome, owned references). */
GPtrArray *convene_outcomes_list_unlinked    (ConveneProject *project, ConveneSession *session);
/* The session's top-level segments that serve no objective: neither the
 * segment nor any of its items is linked to one. Breaks are left out (they
 * serve nobody's aims by design). For the check a planner switches on; in
 * running order (ConveneSegment, owned references). */
GPtrArray *convene_outcomes_list_segments_without_objective (ConveneProject *project,
                                                             ConveneSession *session);

/* The segments and items outcome is linked to, in the order the links were
 * made (ConveneSegment, owned references). */
GPtrArray *convene_outcomes_list_segments    (ConveneProject *project, ConveneOutcome *outcome);
/* The items linked to segment, in checklist order (ConveneOutcome, owned
 * references): what the segment's details show. */
GPtrArray *convene_outcomes_list_for_segment (ConveneProject *project, ConveneSegment *segment);

/* One follow-up action and who owes it. */
typedef struct
{
  ConveneOutcome *outcome;     /* owned reference */
  ConveneSession *session;     /* owned reference */
  ConveneSpeaker *owner;       /* owned reference, or NULL when nobody owns it */
  char           *owner_name;  /* "Dr James Campbell", or "" */
  char           *due_date;    /* "YYYY-MM-DD", or "" */
} ConveneFollowUp;

void       convene_follow_up_free            (ConveneFollowUp *follow_up);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneFollowUp, convene_follow_up_free)

/* The follow-up actions of session (NULL: of every session), soonest due
 * first, those without a due date last; equal dates keep checklist order
 * (sessions in project order). Elements are ConveneFollowUp, freed with the array. */
GPtrArray *convene_outcomes_list_follow_ups  (ConveneProject *project, ConveneSession *session);

/* Where convene_edit_move_outcome() must put outcome so that it becomes the
 * index-th item of its kind (0 = first; an index past the end puts it after
 * the last one). Items of other kinds keep their places relative to it. */
guint      convene_outcomes_position_for_kind_index (ConveneSession *session,
                                                     ConveneOutcome *outcome, guint index);

G_END_DECLS
