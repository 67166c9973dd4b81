/* convene-person-editor.h: one person's details, edited in place (each
 * change is one undoable step, saved at once), with the warnings about
 * them and their own schedule across sessions. */
#pragma once

#include <gtk/gtk.h>

#include "convene-document.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_PERSON_EDITOR (convene_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (ConvenePersonEditor, convene_person_editor, CONVENE, PERSON_EDITOR, GtkWidget)

GtkWidget      *convene_person_editor_new         (void);
/* Both borrowed by reference; the speaker must belong to the document. */
void            convene_person_editor_set_person  (ConvenePersonEditor *self,
                                                   ConveneDocument     *document,
                                                   ConveneSpeaker      *speaker);
ConveneSpeaker *convene_person_editor_get_speaker (ConvenePersonEditor *self);
/* Recomputes the warnings and the schedule shown (the programme changed). */
void            convene_person_editor_refresh     (ConvenePersonEditor *self,
                                                   gboolean             use_12h);
/* Moves the keyboard to the name, its text selected. */
void            convene_person_editor_focus_name  (ConvenePersonEditor *self);

G_END_DECLS
