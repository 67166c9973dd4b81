/* convene-note-pdf-module.c: what the PDF reader's module (libconvene-pdf)
 * needs besides convene-note-pdf.c. Convene's own functions are not visible
 * to a module it loads, so the concept notes' error domain is defined here
 * too, by the same name: both give the same GQuark. */
#include "config.h"

#include "convene-note-error.h"

G_DEFINE_QUARK (convene-concept-note-error-quark, convene_concept_note_error)
