/* note-pdf-fixture.h: concept notes as PDF, drawn by the tests themselves
 * with Pango and Cairo, so no binary fixture is kept. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A PDF of text, one line of the PDF per line of text, blank lines as the
 * gap between paragraphs, a paragraph never split over two pages. Lines
 * equal to one of headings (NULL-terminated, may be NULL) are set bigger
 * and bold, as a word processor sets headings. */
GBytes *note_pdf_from_text (const char         *text,
                            const char * const *headings);

/* A PDF of n_pages pages, each with one line of text when with_text, else
 * only a grey box, as a scanned page with no text layer. */
GBytes *note_pdf_pages     (guint    n_pages,
                            gboolean with_text);

/* A one-page PDF locked with a user password (the standard security
 * handler, 40-bit RC4), so it cannot be opened without it. */
GBytes *note_pdf_encrypted (void);

G_END_DECLS
