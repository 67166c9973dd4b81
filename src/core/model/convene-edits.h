/* convene-edits.h: the planner's edits, built from the generic commands so that
 * each keeps the project consistent (deleting a segment also removes who was
 * assigned to it and unlinks outcomes that pointed at it, and undo restores
 * all of it). Each returns a new command, or NULL with error set when the edit
 * is impossible (bad value, bad nesting). Nothing is applied: hand the command
 * to convene_document_perform(). */
#pragma once

#include "convene-command.h"
#include "convene-project.h"

G_BEGIN_DECLS

ConveneCommand *convene_edit_add_session      (ConveneProject *project, ConveneSession *session,
                                               guint position);
ConveneCommand *convene_edit_remove_session   (ConveneProject *project, ConveneSession *session);
ConveneCommand *convene_edit_add_segment      (ConveneProject *project, ConveneSession *session,
                                               ConveneSegment *parent /* NULL: top level */,
                                               guint position, ConveneSegment *segment,
                                               GError **error);
ConveneCommand *convene_edit_remove_segment   (ConveneProject *project, ConveneSession *session,
                                               ConveneSegment *segment);
/* Moves a segment to new_parent (NULL = top level) at position, counted
 * after it is taken out. Refuses an item inside an item, a segment holding
 * items into another segment, a segment into itself. */
ConveneCommand *convene_edit_move_segment     (ConveneProject *project, ConveneSession *session,
                                               ConveneSegment *segment, ConveneSegment *new_parent,
                                               guint position, GError **error);
ConveneCommand *convene_edit_add_speaker      (ConveneProject *project, ConveneSpeaker *speaker,
                                               guint position);
ConveneCommand *convene_edit_remove_speaker   (ConveneProject *project, ConveneSpeaker *speaker);
ConveneCommand *convene_edit_add_assignment   (ConveneProject *project, ConveneAssignment *assignment);
ConveneCommand *convene_edit_remove_assignment (ConveneProject *project, ConveneAssignment *assignment);
ConveneCommand *convene_edit_add_outcome      (ConveneSession *session, ConveneOutcome *outcome,
                                               guint position);
/* Also removes the outcome's links to segments (undo restores them). */
ConveneCommand *convene_edit_remove_outcome   (ConveneProject *project, ConveneSession *session,
                                               ConveneOutcome *outcome);
/* Validated property edits: text length and UTF-8, duration and slot bounds,
 * times of day, dates, time zones. property names as on the objects. */
ConveneCommand *convene_edit_set_text         (gpointer object, const char *property,
                                               const char *value, GError **error);
ConveneCommand *convene_edit_set_number       (gpointer object, const char *property,
                                               gint64 value, GError **error);

/* Gives a segment that may hold items (a panel) a target length of minutes,
 * or with has_target FALSE lets its length follow its items alone (minutes
 * is then not used), as one step. Refused for a kind that holds no items. */
ConveneCommand *convene_edit_set_target       (ConveneSegment *segment, gboolean has_target,
                                               guint minutes, GError **error);

/* Adds every ConveneSpeaker of speakers (in order, from position) as one
 * undoable step: what a CSV import hands over. An empty array is refused
 * with an error; each person must have a fresh id (convene_project_new_id). */
ConveneCommand *convene_edit_add_speakers     (ConveneProject *project, GPtrArray *speakers,
                                               guint position, GError **error);
/* Changes the role of an assignment (the "Change Role" step). */
ConveneCommand *convene_edit_set_assignment_role (ConveneAssignment *assignment, ConveneRole role,
                                                  GError **error);

/* The outcomes checklist. */

/* Links outcome to a segment or item that serves it. Both must be in the
 * project and in the same session; a pair already linked is refused
 * (CONVENE_MODEL_ERROR_INVALID_LINK, as is a segment of another session). */
ConveneCommand *convene_edit_link_outcome     (ConveneProject *project, ConveneOutcome *outcome,
                                               ConveneSegment *segment, GError **error);
/* Removes that link; NOT_FOUND when they are not linked. */
ConveneCommand *convene_edit_unlink_outcome   (ConveneProject *project, ConveneOutcome *outcome,
                                               ConveneSegment *segment, GError **error);
/* Moves an outcome within its session's list to position, counted after it
 * is taken out (convene_outcomes_position_for_kind_index() turns a place
 * within its kind into this position). */
ConveneCommand *convene_edit_move_outcome     (ConveneSession *session, ConveneOutcome *outcome,
                                               guint position, GError **error);
/* Records how an expected outcome went, with its note, as one step; it is
 * done (ticked) exactly when it has a result other than "not assessed". */
ConveneCommand *convene_edit_set_outcome_result (ConveneOutcome *outcome, ConveneOutcomeResult result,
                                                 const char *note, GError **error);
/* Ticks an item off, or clears its tick. */
ConveneCommand *convene_edit_set_outcome_done (ConveneOutcome *outcome, gboolean done);

G_END_DECLS
