/* convene-note-error.h: the error domain of reading concept notes, on its
 * own so that the PDF reader's module needs nothing else of Convene's. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CONVENE_CONCEPT_NOTE_ERROR (convene_concept_note_error_quark ())
GQuark convene_concept_note_error_quark (void);

typedef enum {
  CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT,  /* not UTF-8 */
  CONVENE_CONCEPT_NOTE_ERROR_EMPTY,         /* nothing but blanks */
  CONVENE_CONCEPT_NOTE_ERROR_NO_PROGRAMME,  /* no part, person or checklist item found */
  CONVENE_CONCEPT_NOTE_ERROR_TOO_LARGE,     /* more text than a concept note holds */
} ConveneConceptNoteError;

G_END_DECLS
