/* convene-project-view.h: an open project: its sessions in a sidebar, and the
 * selected session (or the project's details) beside them. Every change goes
 * through the document as a command; the view only observes the model. */
#pragma once

#include <gtk/gtk.h>

#include "convene-document.h"
#include "convene-formats.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_PROJECT_VIEW (convene_project_view_get_type ())
G_DECLARE_FINAL_TYPE (ConveneProjectView, convene_project_view, CONVENE, PROJECT_VIEW, GtkWidget)

/* Properties: "document" (read-write), "session" (the selected session, or
 * NULL; read-only). */
void             convene_project_view_set_document   (ConveneProjectView *self,
                                                      ConveneDocument    *document);
ConveneDocument *convene_project_view_get_document   (ConveneProjectView *self);
ConveneSession  *convene_project_view_get_session    (ConveneProjectView *self);
/* The running order's timeline (borrowed). */
GtkWidget       *convene_project_view_get_timeline   (ConveneProjectView *self);
/* Adds a new session after the others and selects it. */
void             convene_project_view_add_session    (ConveneProjectView *self);
/* Removes the selected session, offering Undo in a toast. */
void             convene_project_view_remove_session (ConveneProjectView *self);
/* Adds a new session following format after the others and selects it
 * ("blank" is the same as add_session). */
void             convene_project_view_add_session_from_format (ConveneProjectView *self,
                                                               ConveneFormat      *format);
/* Selects session (one of the project's), as after adding it. */
void             convene_project_view_select_session (ConveneProjectView *self,
                                                      ConveneSession     *session);
/* Copies the selected session (segments, outcomes, people) right after it
 * and selects the copy. */
void             convene_project_view_duplicate_session (ConveneProjectView *self);
/* Moves the selected session up (delta < 0) or down (delta > 0) one place,
 * keeping it selected and focused; nothing at either end. */
void             convene_project_view_move_session   (ConveneProjectView *self,
                                                      int                 delta);
/* Moves the keyboard to the next (backwards: previous) part of the page,
 * wrapping around: the sidebar, then on a session's Running Order the
 * kinds palette, the timeline and the side column, or else the page shown.
 * What F6 and Shift+F6 do. */
void             convene_project_view_focus_next_pane (ConveneProjectView *self,
                                                       gboolean            backwards);

G_END_DECLS
