/* convene-concept-note-dialog.h: "Import Concept Note": the planner pastes
 * the text of a concept note or chooses a file and reviews it: the source
 * lines, each marked with what it became (doubtful ones flagged with the
 * reason), beside the draft (the session, its parts with their minutes or
 * "length not given", the people and their roles, the checklist), where
 * titles, minutes and kinds can be changed and anything left out. Import
 * creates the draft as a new session, one undoable step. Emits "imported"
 * (ConveneSession *) and closes. */
#pragma once

#include <adwaita.h>

#include "convene-document.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_CONCEPT_NOTE_DIALOG (convene_concept_note_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ConveneConceptNoteDialog, convene_concept_note_dialog, CONVENE, CONCEPT_NOTE_DIALOG, AdwWindow)

ConveneConceptNoteDialog *convene_concept_note_dialog_new       (GtkWindow       *parent,
                                                                 ConveneDocument *document);
/* Reads file (a .txt, .md, .docx, .odt or .pdf note) into the dialog; an unreadable file gets a
 * toast in the dialog and changes nothing. */
void                      convene_concept_note_dialog_load_file (ConveneConceptNoteDialog *self,
                                                                 GFile                    *file);

G_END_DECLS
