/* convene-schema.h: the project file's schema as an ordered list of migration
 * steps (private to the store and its tests).
 *
 * Step n turns a version n-1 file into a version n file. A new file runs all
 * of them; an older file runs the ones it lacks, inside one transaction. The
 * same steps, run in an empty in-memory database, are the reference that an
 * opened file's sqlite_schema must match exactly. A step is never edited once
 * released: files in the wild were made by its exact text. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The number of steps (== CONVENE_SCHEMA_VERSION). */
guint        convene_schema_get_n_steps (void);
/* The SQL of step version (1-based). */
const char  *convene_schema_get_step    (guint version);
/* Runs steps from_version+1 .. to_version on db and sets user_version to
 * to_version. The caller owns the transaction. On failure returns the SQLite
 * result code and sets *message (newly allocated) to SQLite's words. */
int          convene_schema_run_steps   (sqlite3 *db, guint from_version, guint to_version,
                                         char **message);
/* Whether db's sqlite_schema holds exactly the objects the steps up to
 * version create (same type, name, table and SQL text, nothing more). On a
 * mismatch *difference describes the first unexpected or missing object;
 * on a SQLite failure *result is its result code (else SQLITE_OK). */
gboolean     convene_schema_matches     (sqlite3 *db, guint version, int *result,
                                         char **difference);

G_END_DECLS
