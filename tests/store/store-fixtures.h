/* store-fixtures.h: shared helpers of the store tests. */
#pragma once

#include <sqlite3.h>
#include "convene-project.h"
#include "convene-store.h"

G_BEGIN_DECLS

/* A project that uses every field of every type, every enum value, items,
 * assignments on segments, items and sessions, and linked outcomes. */
ConveneProject *fixture_full_project   (void);
/* Every field of every object, in order, as text: two projects are equal
 * exactly when their dumps are. */
char           *fixture_dump_project   (ConveneProject *project);
/* Opens path read-only with a fresh store, loads it and dumps it. */
char           *fixture_dump_file      (const char *path);
/* A temporary folder, removed with everything in it by fixture_remove_dir. */
char           *fixture_make_dir       (void);
void            fixture_remove_dir     (const char *dir);
/* SHA-256 of the file's bytes, or NULL if it cannot be read. */
char           *fixture_checksum       (const char *path);
/* Whether path-wal or path-shm exists. */
gboolean        fixture_has_companions (const char *path);
/* A raw read-write connection (closing it cleans up -wal/-shm); runs sql. */
void            fixture_exec           (const char *path, const char *sql);
gint64          fixture_query_int      (const char *path, const char *sql);
char           *fixture_query_text     (const char *path, const char *sql);
/* Creates a project file at path holding project and closes it. */
void            fixture_write_project  (const char *path, ConveneProject *project);

G_END_DECLS
