/* convene-note-files-private.h: what the readers of each container share. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* A document unpacks to at most this much XML: more is a zip bomb. */
#define CONVENE_NOTE_MAX_PART_BYTES (32 * 1024 * 1024)

typedef struct _ConveneNoteArchive ConveneNoteArchive;

/* The members of a zip archive, read with bounded sizes; NULL with an
 * error when data is no zip or is damaged or too large. */
ConveneNoteArchive *convene_note_archive_open   (const char *data, gsize length, GError **error);
void                convene_note_archive_free   (ConveneNoteArchive *archive);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneNoteArchive, convene_note_archive_free)
/* The parsed member path (without entity expansion or network), or NULL
 * when there is no such member; error set when it is there but broken. */
xmlDoc             *convene_note_archive_read_xml (ConveneNoteArchive *archive, const char *path,
                                                   GError **error);

/* The readers of each container: the text, or NULL with error. */
char               *convene_note_docx_text (ConveneNoteArchive *archive, GError **error);
char               *convene_note_odt_text  (ConveneNoteArchive *archive, GError **error);

/* Helpers for walking the XML. */
gboolean            convene_note_xml_is   (xmlNode *node, const char *name);
char               *convene_note_xml_attr (xmlNode *node, const char *name);
/* A whole number attribute, or fallback when it is missing or not one. */
int                 convene_note_parse_number  (const char *text, int fallback);
/* Adds a table cell's text to its row's line, two spaces after the cell
 * before it (*first: no cell yet); an empty cell adds nothing. */
void                convene_note_append_cell   (GString *line, const char *cell, gboolean *first);
/* A number in a list style: "III", "C", "3", "c", "iii" for value in format
 * (Word's "upperRoman"… or ODF's "I", "A", "1", "a", "i"). */
char               *convene_note_format_number (int value, const char *format);

G_END_DECLS
