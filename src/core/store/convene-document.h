/* convene-document.h: an open project: its model, its file and its history.
 * Everything the planner does goes through convene_document_perform(); the
 * command is applied, written in one transaction and only then recorded for
 * undo. If the file refuses the write (disk full, made read-only), the
 * command is reverted so the model and the file never disagree. */
#pragma once

#include "convene-store.h"
#include "convene-history.h"
#include "convene-schedule.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_DOCUMENT (convene_document_get_type ())
G_DECLARE_FINAL_TYPE (ConveneDocument, convene_document, CONVENE, DOCUMENT, GObject)

/* Properties (read-only): "project", "file", "history", "read-only",
 * "read-only-reason", "can-undo", "can-redo" (mirrors of the history).
 *
 * Signal "changed" (ConveneChanges *changes): emitted once after every
 * perform, undo and redo that changed the model, after the file holds it.
 * It is the one change feed views listen to; none of them watches the
 * model's objects itself. */
ConveneDocument *convene_document_open      (GFile *file, ConveneStoreMode mode, GError **error);
/* A new file holding project (a new empty project when NULL). */
ConveneDocument *convene_document_create    (GFile *file, ConveneProject *project, GError **error);
ConveneProject  *convene_document_get_project (ConveneDocument *self);
GFile           *convene_document_get_file    (ConveneDocument *self);
ConveneHistory  *convene_document_get_history (ConveneDocument *self);
/* What opening the file had to set right (convene_store_get_load_notices()):
 * sentences to show the planner once. */
const char * const *convene_document_get_load_notices (ConveneDocument *self);
gboolean         convene_document_get_read_only (ConveneDocument *self);
const char      *convene_document_get_read_only_reason (ConveneDocument *self);
/* Takes ownership of command (may be NULL only if error is already set by the
 * edit that failed to build it; then returns FALSE). */
gboolean         convene_document_perform   (ConveneDocument *self, ConveneCommand *command,
                                             GError **error);
gboolean         convene_document_undo      (ConveneDocument *self, GError **error);
gboolean         convene_document_redo      (ConveneDocument *self, GError **error);
/* The clock times of session, computed once per change and shared by every
 * view (borrowed: valid until the next "changed"). */
ConveneSchedule *convene_document_get_schedule (ConveneDocument *self, ConveneSession *session);
/* Every warning of the project (convene_warnings_for_project()), computed
 * once per change and shared (borrowed: valid until the next "changed");
 * convene_warnings_filter() narrows it to a session, segment or person. */
GPtrArray       *convene_document_get_warnings (ConveneDocument *self, gboolean use_12h);
/* The warnings involving session (as convene_warnings_for_session(), or the
 * whole project's narrowed with convene_warnings_filter()), computed once per
 * change and shared (borrowed: valid until the next "changed"): what a view
 * of one session needs without wording every other session's warnings. */
GPtrArray       *convene_document_get_session_warnings (ConveneDocument *self, ConveneSession *session,
                                                        gboolean use_12h);
/* Works out now what a window showing the document asks for first: who is
 * where, and the first session's schedule and warnings (with the schedules
 * they need). For the thread that opened the document, before it hands the
 * document over; later edits recompute as usual. */
void             convene_document_prepare (ConveneDocument *self, gboolean use_12h);
/* Who is where, indexed once per change of people and shared (borrowed:
 * valid until the next "changed"). The person with id, or NULL. */
ConveneSpeaker  *convene_document_find_speaker (ConveneDocument *self, gint64 id);
/* The assignments on the segment segment_id, or (segment_id 0) the whole
 * session session_id, in the project's order; an empty array for none. */
GPtrArray       *convene_document_get_assignments_on (ConveneDocument *self, gint64 segment_id,
                                                      gint64 session_id);
/* How the project is looked at (the timeline's zoom), kept in its file
 * (convene_store_set_view_setting()) but not part of it: no command, no undo,
 * no "changed". A read-only project keeps what is set for as long as it is
 * open. The value of key, or NULL when never set. */
char            *convene_document_dup_view_setting (ConveneDocument *self, const char *key);
/* FALSE with error when the file did not take it (the value still holds
 * while the project is open). Nothing is written for a read-only project. */
gboolean         convene_document_set_view_setting (ConveneDocument *self, const char *key,
                                                    const char *value, GError **error);
gboolean         convene_document_save_copy (ConveneDocument *self, GFile *dest, GError **error);
/* Whether the file is still where it was opened (convene_store_check_file()),
 * checked now; announces "read-only" and "read-only-reason" when it is not
 * any more. */
ConveneStoreFileState convene_document_check_file (ConveneDocument *self);
ConveneStoreFileState convene_document_get_file_state (ConveneDocument *self);
/* Saves a copy at dest (convene_store_save_copy()) and goes on in it: from
 * now on edits are written there, and undo and redo go on as before.
 * Announces "file", "read-only" and "read-only-reason". For a project whose
 * file was moved or deleted, this is how the planner keeps working. */
gboolean         convene_document_save_as   (ConveneDocument *self, GFile *dest, GError **error);
/* Gives the project's file the name dest (in the same folder) and goes on
 * in it: edits go on being saved, undo and redo go on as before. Refuses,
 * keeping the file as it was, when dest exists, the file is read-only or
 * was moved, or the file system says no. Announces "file". */
gboolean         convene_document_rename    (ConveneDocument *self, GFile *dest, GError **error);
void             convene_document_close     (ConveneDocument *self);

G_END_DECLS
