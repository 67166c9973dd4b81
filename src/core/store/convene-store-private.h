/* convene-store-private.h: what the store's own files share, and the
 * connection for the store's tests (to look at the file with SQL while the
 * store has it open, and to shrink the file's page budget to play a full
 * disk). Nothing outside src/core/store and tests/store includes this. */
#pragma once

#include <sqlite3.h>
#include "convene-store.h"
#include "convene-changes.h"

G_BEGIN_DECLS

/* The first schema version whose sessions and segments carry a uuid. */
#define CONVENE_SCHEMA_VERSION_UUIDS 6
/* The first version whose files hold the record of running sessions live. */
#define CONVENE_SCHEMA_VERSION_LIVE 7

/* The open connection, or NULL once closed. Borrowed. */
sqlite3 *convene_store_get_connection (ConveneStore *self);

/* Between the store's files. */
char    *convene_store_dup_display_name   (ConveneStore *self);
guint    convene_store_get_version        (ConveneStore *self);
/* Sets error from a SQLite result code; what says what was being done. */
void     convene_store_set_sqlite_error   (ConveneStore *self, GError **error, int rc,
                                           const char *what);

/* What the last read set right (transfer full, NULL-terminated). */
void     convene_store_set_load_notices   (ConveneStore *self, char **notices);

/* convene-store-load.c */
ConveneProject *convene_store_read_project (ConveneStore *self, GError **error);

/* convene-store-write.c: cached statements and the upserts. */
typedef struct _ConveneStoreWriter ConveneStoreWriter;
ConveneStoreWriter *convene_store_writer_new  (sqlite3 *db);
void                convene_store_writer_free (ConveneStoreWriter *writer);
/* Each returns a SQLite result code. position is the index in its list;
 * parent_id is 0 for a top-level segment. */
int convene_store_writer_put_project    (ConveneStoreWriter *writer, ConveneProject *project);
int convene_store_writer_put_session    (ConveneStoreWriter *writer, ConveneSession *session,
                                         guint position);
int convene_store_writer_put_segment    (ConveneStoreWriter *writer, ConveneSegment *segment,
                                         gint64 session_id, gint64 parent_id, guint position);
int convene_store_writer_put_speaker    (ConveneStoreWriter *writer, ConveneSpeaker *speaker,
                                         guint position);
int convene_store_writer_put_assignment (ConveneStoreWriter *writer, ConveneAssignment *assignment,
                                         guint position);
int convene_store_writer_put_outcome    (ConveneStoreWriter *writer, ConveneOutcome *outcome,
                                         gint64 session_id, guint position);
int convene_store_writer_put_outcome_link (ConveneStoreWriter *writer, ConveneOutcomeLink *link,
                                           guint position);
int convene_store_writer_put_live_event (ConveneStoreWriter *writer, ConveneLiveEvent *event,
                                         gint64 session_id, guint position);

/* The lists of a project, by what they hold and who owns them. */
typedef enum {
  CONVENE_STORE_LIST_SESSIONS,     /* owner: the project */
  CONVENE_STORE_LIST_SPEAKERS,     /* owner: the project */
  CONVENE_STORE_LIST_ASSIGNMENTS,  /* owner: the project */
  CONVENE_STORE_LIST_SEGMENTS,     /* owner: a session (its top-level segments) */
  CONVENE_STORE_LIST_ITEMS,        /* owner: a segment */
  CONVENE_STORE_LIST_OUTCOMES,     /* owner: a session */
  CONVENE_STORE_LIST_OUTCOME_LINKS, /* owner: the project */
  CONVENE_STORE_LIST_LIVE_EVENTS,  /* owner: a session */
} ConveneStoreList;

/* Deletes the rows that belong to the list owned by owner_id (0 for the
 * project) whose ids are no longer in list. Rows that moved to another list
 * were rewritten with their new owner first, so they are not touched. */
int convene_store_writer_delete_missing (ConveneStoreWriter *writer, ConveneStoreList kind,
                                         gint64 owner_id, GListModel *list);
/* Writes the whole project (a new file). Returns a SQLite result code. */
int                 convene_store_writer_write_all (ConveneStoreWriter *writer,
                                                    ConveneProject     *project);

/* Watching an attached project and writing what changed. */
typedef struct _ConveneStoreWatcher ConveneStoreWatcher;
ConveneStoreWatcher *convene_store_watcher_new   (ConveneProject *project);
void                 convene_store_watcher_free  (ConveneStoreWatcher *watcher);
/* Writes every changed object and removes the rows of removed ones; returns a
 * SQLite result code. The collected changes are dropped either way; the
 * caller then reports COMMIT with _committed() or ROLLBACK with _forget(). */
int                  convene_store_watcher_flush (ConveneStoreWatcher *watcher,
                                                  ConveneStoreWriter  *writer);
/* After COMMIT succeeded: what flush wrote is now what the file holds. */
void                 convene_store_watcher_committed (ConveneStoreWatcher *watcher);
/* Drops the collected changes (and what flush wrote, after a ROLLBACK). */
void                 convene_store_watcher_forget (ConveneStoreWatcher *watcher);
/* What the last flush wrote, as the views need to hear it; NULL when nothing
 * was flushed since. Transfer full. */
ConveneChanges      *convene_store_watcher_take_changes (ConveneStoreWatcher *watcher);

G_END_DECLS
