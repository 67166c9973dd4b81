/* convene-note-pdf.h: a PDF concept note's text, read with poppler.
 *
 * Poppler and what it needs (NSS, lcms, openjpeg …) take some 4 ms to load
 * and link, which every launch of Convene would wait for although few open
 * a PDF. So the reader is built as a module of its own (libconvene-pdf),
 * which convene-note-files.c loads the first time a PDF is read; a program
 * that links convene-note-pdf.c in instead hands its reader over with
 * convene_note_set_pdf_reader(). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The module's name (for g_module_build_path) and what it exports. */
#define CONVENE_NOTE_PDF_MODULE "convene-pdf"
#define CONVENE_NOTE_PDF_SYMBOL "convene_note_pdf_text"

/* A PDF's text in reading order, headings marked "# " from their font;
 * NULL with a CONVENE_CONCEPT_NOTE_ERROR when it cannot be read. */
typedef char *(*ConveneNotePdfReader) (const char *data, gsize length, GError **error);

char *convene_note_pdf_text       (const char *data, gsize length, GError **error);

/* Reads PDFs with reader from now on rather than with the module. */
void  convene_note_set_pdf_reader (ConveneNotePdfReader reader);

G_END_DECLS
