/* convene-note-cli.h: `convene --import=NOTE PROJECT.convene` for concept
 * notes, without a display. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Whether name (a file name) is a concept note by its extension: .txt,
 * .md, .odt, .docx or .pdf. */
gboolean convene_note_cli_is_note (const char *name);

/* Reads the concept note in and adds what it holds to project_file as a new
 * session (with its people and checklist), creating the project when there
 * is no such file. out_report gets a few lines for the planner: the
 * session, its segments (and how many have no length yet), people and
 * checklist items. Nothing is written when the note cannot be read. */
gboolean convene_note_cli_import (GFile   *note_file,
                                  GFile   *project_file,
                                  char   **out_report,
                                  GError **error);

G_END_DECLS
