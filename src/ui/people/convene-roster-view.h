/* convene-roster-view.h: the project's people: a searchable, sortable list
 * with each person's status, warnings and roles, their details and own
 * schedule beside it, the open warnings of the whole programme, and the
 * roster's exchange with spreadsheets as CSV. Every change is a command on
 * the document, so it is saved at once and can be undone. */
#pragma once

#include <gtk/gtk.h>

#include "convene-document.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_ROSTER_VIEW (convene_roster_view_get_type ())
G_DECLARE_FINAL_TYPE (ConveneRosterView, convene_roster_view, CONVENE, ROSTER_VIEW, GtkWidget)

/* Actions (group "roster"): add-person, remove-person (the selected one,
 * offering Undo in a toast), import-csv, cancel-import, export-csv, search,
 * back.
 * Ctrl+F searches and Ctrl+Shift+P adds a person while the roster shows. */

void             convene_roster_view_set_document   (ConveneRosterView *self,
                                                     ConveneDocument   *document);
ConveneDocument *convene_roster_view_get_document   (ConveneRosterView *self);
/* The person whose details show, or NULL. */
ConveneSpeaker  *convene_roster_view_get_selected   (ConveneRosterView *self);
/* Shows speaker's details, clearing a search that hides them. */
void             convene_roster_view_select_speaker (ConveneRosterView *self,
                                                     ConveneSpeaker    *speaker);
/* What the file chooser's Import does with the chosen file: reads it in a
 * worker thread while a bar under the toolbar shows how far it has come,
 * with Cancel (action roster.cancel-import), then adds everyone in the
 * file as one undoable step, or no one, telling the planner which lines
 * are wrong. Property "importing" holds while it runs. */
void             convene_roster_view_import_file    (ConveneRosterView *self,
                                                     GFile             *file);
gboolean         convene_roster_view_get_importing  (ConveneRosterView *self);
/* What the file chooser's Export does with the chosen file. */
gboolean         convene_roster_view_export_file    (ConveneRosterView *self,
                                                     GFile             *file);

G_END_DECLS
