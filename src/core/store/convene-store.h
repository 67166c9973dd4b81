/* convene-store.h: a Convene project file, a SQLite database.
 *
 * Opening verifies the file before trusting it (SQLite header, application_id,
 * user_version, the exact set of schema objects, quick_check, foreign keys)
 * without writing to it; only then are WAL and the other settings applied and
 * older versions migrated. A file that fails any check is left byte for byte
 * as it was. Once attached to a project, the store watches the model and, at
 * commit, writes every changed object in the open transaction. */
#pragma once

#include <gio/gio.h>
#include "convene-project.h"
#include "convene-changes.h"

G_BEGIN_DECLS

#define CONVENE_STORE_ERROR (convene_store_error_quark ())

typedef enum {
  CONVENE_STORE_ERROR_NOT_FOUND,      /* no such file */
  CONVENE_STORE_ERROR_NOT_DATABASE,   /* not SQLite at all (text, image, random bytes, empty) */
  CONVENE_STORE_ERROR_FOREIGN,        /* a SQLite database of another program */
  CONVENE_STORE_ERROR_TOO_NEW,        /* made by a newer Convene */
  CONVENE_STORE_ERROR_DAMAGED,        /* truncated or corrupt */
  CONVENE_STORE_ERROR_UNEXPECTED_SCHEMA, /* objects we did not create (triggers, views...) */
  CONVENE_STORE_ERROR_INVALID_DATA,   /* rows with impossible values */
  CONVENE_STORE_ERROR_BUSY,           /* in use by another program for longer than we wait */
  CONVENE_STORE_ERROR_READ_ONLY,      /* a write was attempted on a read-only project */
  CONVENE_STORE_ERROR_DISK_FULL,
  CONVENE_STORE_ERROR_EXISTS,         /* creating over an existing file */
  CONVENE_STORE_ERROR_FAILED,         /* anything else SQLite or the system reported */
  CONVENE_STORE_ERROR_GONE,           /* moved, renamed or deleted while open */
} ConveneStoreError;

GQuark convene_store_error_quark (void);

/* Convene's PRAGMA application_id ("CNVN") and the schema version it writes. */
#define CONVENE_APPLICATION_ID 0x434E564E
#define CONVENE_SCHEMA_VERSION 8
/* The first version whose files hold Fit to Slot's bounds, locks and step. */
#define CONVENE_SCHEMA_VERSION_FIT 5

typedef enum {
  CONVENE_STORE_READ_WRITE,           /* read-only if the file or another process says so */
  CONVENE_STORE_READ_ONLY,            /* never write (the command line's export) */
} ConveneStoreMode;

/* Where the file a store opened is now, as far as its path can tell. */
typedef enum {
  CONVENE_STORE_FILE_IN_PLACE,        /* the path still names it */
  CONVENE_STORE_FILE_MOVED,           /* moved or renamed: it lives on elsewhere */
  CONVENE_STORE_FILE_DELETED,         /* deleted: only this store still holds it */
} ConveneStoreFileState;

#define CONVENE_TYPE_STORE (convene_store_get_type ())
G_DECLARE_FINAL_TYPE (ConveneStore, convene_store, CONVENE, STORE, GObject)

/* Opens an existing project file. Messages name the file and the reason. */
ConveneStore   *convene_store_open           (GFile *file, ConveneStoreMode mode, GError **error);
/* Creates a new project file (refuses to replace an existing one) and writes
 * project into it in one transaction. */
ConveneStore   *convene_store_create         (GFile *file, ConveneProject *project, GError **error);
GFile          *convene_store_get_file       (ConveneStore *self);
/* Whether writes are impossible, and why, in a sentence for the planner
 * ("The file is read-only." / "The project is open in another window."). */
gboolean        convene_store_is_read_only   (ConveneStore *self);
const char     *convene_store_get_read_only_reason (ConveneStore *self);
/* Whether the path still names the file the store opened: the same device
 * and inode, still linked somewhere. Once it does not, the store writes no
 * more: SQLite would put every later edit in a -wal beside the old path,
 * where the file no longer is. Every edit made so far is first put in the
 * file itself (wherever it is now, or, deleted, in what this store still
 * holds for a copy), then the store is read-only and its reason says what
 * happened. Checked before every commit and when the store closes; call it
 * too whenever the planner may have moved the file (the window coming back
 * to the front). A read-only store is not checked. */
ConveneStoreFileState convene_store_check_file     (ConveneStore *self);
/* What the last check found. */
ConveneStoreFileState convene_store_get_file_state (ConveneStore *self);
/* Reads the whole project. */
ConveneProject *convene_store_load           (ConveneStore *self, GError **error);
/* What the last load had to set right without refusing the file, each a
 * sentence for the planner naming the file: a time zone that is not one is
 * read as UTC. Empty (never NULL) when there was nothing. */
const char * const *convene_store_get_load_notices (ConveneStore *self);
/* Starts watching project: from now on, changes are collected and written by
 * convene_store_commit(). */
void            convene_store_attach         (ConveneStore *self, ConveneProject *project);
gboolean        convene_store_begin          (ConveneStore *self, GError **error);
/* Writes every object changed since begin, then commits. On failure the
 * transaction is rolled back and the collected changes are dropped: the
 * caller reverts the model so it matches the file again. */
gboolean        convene_store_commit         (ConveneStore *self, GError **error);
void            convene_store_rollback       (ConveneStore *self);
/* What the last successful commit changed (transfer full); an empty change
 * when it wrote nothing. */
ConveneChanges *convene_store_take_changes   (ConveneStore *self);
/* A consistent snapshot of the file at dest (backup API; dest is written
 * beside itself and renamed into place, so a failure leaves no partial file).
 * Works as well once the file was moved or deleted: the copy is read through
 * the store's own connection, never through the old path. */
gboolean        convene_store_save_copy      (ConveneStore *self, GFile *dest, GError **error);
/* View state kept in the file beside the project (the timeline's zoom):
 * not part of the project, so not in its history, its changes or its JSON.
 * The value of key, or NULL when it was never set (or the file is of a
 * version before view settings and opened read-only). */
char           *convene_store_dup_view_setting (ConveneStore *self, const char *key);
/* Writes key = value at once, in a transaction of its own. */
gboolean        convene_store_set_view_setting (ConveneStore *self, const char *key,
                                                const char *value, GError **error);
void            convene_store_close          (ConveneStore *self);

G_END_DECLS
