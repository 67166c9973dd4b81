/* convene-session-edits.h: edits of a project's list of sessions beyond
 * adding and deleting one (convene-edits.h): moving a session, duplicating
 * it with everything in it, and starting one from a session format. Like
 * every edit, each returns a command (or NULL with error set) to hand to
 * convene_document_perform(); nothing is applied here. */
#pragma once

#include "convene-command.h"
#include "convene-formats.h"
#include "convene-project.h"

G_BEGIN_DECLS

/* Moves session to position in the project's list, counted after it is
 * taken out. Refuses a session that is not in the project, and a move that
 * leaves it where it is (CONVENE_MODEL_ERROR_NOT_FOUND / _INVALID_NESTING). */
ConveneCommand *convene_edit_move_session      (ConveneProject  *project,
                                                ConveneSession  *session,
                                                guint            position,
                                                GError         **error);

/* A copy of session right after it: its segments with their items, its
 * outcomes with their links to the copied segments, and who is assigned to
 * the session and its segments, all with fresh ids. The copy is titled
 * "<title> (Copy)". out_copy (optional) gets the new session (borrowed from
 * the command). One undoable step. */
ConveneCommand *convene_edit_duplicate_session (ConveneProject  *project,
                                                ConveneSession  *session,
                                                ConveneSession **out_copy,
                                                GError         **error);

/* A new session following format (see convene_format_instantiate()) at
 * position. out_session (optional) gets it (borrowed from the command). */
ConveneCommand *convene_edit_add_session_from_format (ConveneProject  *project,
                                                      ConveneFormat   *format,
                                                      const char      *title,
                                                      const char      *date,
                                                      int              start_time,
                                                      guint            position,
                                                      ConveneSession **out_session,
                                                      GError         **error);

G_END_DECLS
