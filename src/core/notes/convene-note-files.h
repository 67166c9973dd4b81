/* convene-note-files.h: the text of a concept note as a planner receives
 * it: a plain text or Markdown file, a Word document (.docx), an
 * OpenDocument text (.odt) or a PDF. PDF text is read with poppler, in
 * reading order, headings told by their font. The two zip containers are
 * opened with libarchive and their XML read with libxml2; the labels of automatically
 * numbered lists ("I.", "A.", "1."), which those files do not hold as text,
 * are rebuilt from their numbering definitions, and table rows become one
 * line each. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The note's text, UTF-8. name (the file's name, or NULL) only helps tell
 * a damaged document from text. NULL with a CONVENE_CONCEPT_NOTE_ERROR when
 * the file is not a note Convene can read. */
char *convene_note_extract_text (const char *data,
                                 gsize       length,
                                 const char *name,
                                 GError    **error);

G_END_DECLS
