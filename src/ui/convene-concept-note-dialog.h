/* convene-concept-note-dialog.h: "Import Concept Note": the planner pastes
 * the text of a concept note or chooses a file, sees what it would become
 * (the session, its parts with their minutes or "length not given", the
 * people and their roles, the checklist) and imports it as a new session,
 * one undoable step. Emits "imported" (ConveneSession *) and closes. */
#pragma once

#include <adwaita.h>

#include "convene-document.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_CONCEPT_NOTE_DIALOG (convene_concept_note_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ConveneConceptNoteDialog, convene_concept_note_dialog, CONVENE, CONCEPT_NOTE_DIALOG, AdwWindow)

ConveneConceptNoteDialog *convene_concept_note_dialog_new       (GtkWindow       *parent,
                                                                 ConveneDocument *document);
/* Reads file (a .txt, .md, .docx or .odt note) into the dialog; an unreadable file gets a
 * toast in the dialog and changes nothing. */
void                      convene_concept_note_dialog_load_file (ConveneConceptNoteDialog *self,
                                                                 GFile                    *file);

G_END_DECLS
