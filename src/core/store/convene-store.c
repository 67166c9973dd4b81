#define G_LOG_DOMAIN "convene-store"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "convene-schema.h"
#include "convene-store-private.h"

/* How long a second writer waits for the first to let go before opening the
 * project read-only, and how long SQLite waits on a lock held by a reader. */
#define LOCK_WAIT_STEP_US   (50 * 1000)
#define LOCK_WAIT_STEPS     20
#define BUSY_TIMEOUT_MS     2000

/* How long after the last commit the store waits before moving the -wal's
 * pages into the project file: long enough that a burst of edits costs one
 * checkpoint, short enough that the file alone is whole within two seconds. */
#define CHECKPOINT_DELAY_MS 1000
#define MAX_VIEW_SETTING_CHARS 256   /* the schema's CHECK on view_setting.value */

#define SQLITE_HEADER       "SQLite format 3"   /* 16 bytes with its NUL */
#define SQLITE_HEADER_SIZE  100

G_DEFINE_QUARK (convene-store-error-quark, convene_store_error)

/* One entry per project file this process has open, shared by every store on
 * it. POSIX locks (SQLite's) belong to the process and vanish when *any*
 * descriptor of the file is closed, so the process keeps exactly one extra
 * descriptor per file (for reading the header and for the flock that keeps
 * other Convene processes from writing) and closes it only after the last
 * SQLite connection to that file is gone. flock() locks are separate from
 * POSIX locks on Linux, so the two never interfere. */
typedef struct
{
  dev_t    dev;
  ino_t    ino;
  int      fd;
  guint    users;
  gboolean writer;   /* a store of this process holds the write lock */
  /* Its writer found the file moved or deleted. SQLite shares what it knows
   * of a file by inode within a process, -shm included, so no other store
   * may open it until that one is closed: the two would mix two -wal files. */
  gboolean stranded;
} FileEntry;

G_LOCK_DEFINE_STATIC (files);
static GPtrArray *files;

struct _ConveneStore
{
  GObject              parent_instance;

  GFile               *file;
  char                *path;
  char                *display_name;

  sqlite3             *db;
  FileEntry           *entry;         /* in files; NULL once closed */
  gboolean             holds_lock;    /* this store is entry's writer */
  gboolean             read_only;
  char                *read_only_reason;
  ConveneStoreFileState file_state;
  guint                version;
  char               **load_notices;  /* never NULL */
  /* How db was opened, for the second connection save_copy reads through. */
  char                *open_name;
  int                  open_flags;

  gboolean             in_transaction;
  ConveneStoreWriter  *writer;
  sqlite3_stmt        *get_view_setting; /* cached when first used */
  sqlite3_stmt        *put_view_setting;
  ConveneStoreWatcher *watcher;
  /* The checkpoint due after the last commit, attached to that commit's
   * thread-default main context; NULL when none is due. */
  GSource             *checkpoint_source;
};

G_DEFINE_FINAL_TYPE (ConveneStore, convene_store, G_TYPE_OBJECT)

static FileEntry *
file_entry_find_locked (dev_t dev,
                        ino_t ino)
{
  if (files == NULL)
    return NULL;

  for (guint i = 0; i < files->len; i++)
    {
      FileEntry *entry = g_ptr_array_index (files, i);

      if (entry->dev == dev && entry->ino == ino)
        return entry;
    }

  return NULL;
}

static FileEntry *
file_entry_add_locked (int                fd,
                       const struct stat *st)
{
  FileEntry *entry = g_new0 (FileEntry, 1);

  entry->dev = st->st_dev;
  entry->ino = st->st_ino;
  entry->fd = fd;
  entry->users = 1;

  if (files == NULL)
    files = g_ptr_array_new ();
  g_ptr_array_add (files, entry);
  return entry;
}

/* Called only once this store's SQLite connection is closed. */
static void
file_entry_release (FileEntry *entry,
                    gboolean   writer)
{
  G_LOCK (files);

  if (writer)
    {
      flock (entry->fd, LOCK_UN);
      entry->writer = FALSE;
    }

  if (--entry->users == 0)
    {
      g_ptr_array_remove (files, entry);
      if (files->len == 0)
        g_clear_pointer (&files, g_ptr_array_unref);
      close (entry->fd);
      g_free (entry);
    }

  G_UNLOCK (files);
}

static gboolean
errno_is_unsupported (int err)
{
  return err == ENOSYS || err == EOPNOTSUPP || err == ENOLCK || err == EINVAL;
}

/* Takes the write lock for this process; waits up to a second for another
 * process to let go. Returns FALSE if someone else writes the file. */
static gboolean
file_entry_lock_for_writing (FileEntry *entry)
{
  G_LOCK (files);
  if (entry->writer)
    {
      /* Another window of this very process: waiting would not help. */
      G_UNLOCK (files);
      return FALSE;
    }
  entry->writer = TRUE;
  G_UNLOCK (files);

  for (guint attempt = 0; ; attempt++)
    {
      if (flock (entry->fd, LOCK_EX | LOCK_NB) == 0)
        return TRUE;

      if (errno == EINTR)
        continue;

      /* File systems without flock (some FUSE mounts, the document portal):
       * SQLite's own locking still keeps the file consistent. */
      if (errno_is_unsupported (errno))
        return TRUE;

      if (errno != EWOULDBLOCK || attempt + 1 >= LOCK_WAIT_STEPS)
        break;

      g_usleep (LOCK_WAIT_STEP_US);
    }

  G_LOCK (files);
  entry->writer = FALSE;
  G_UNLOCK (files);
  return FALSE;
}

char *
convene_store_dup_display_name (ConveneStore *self)
{
  return g_strdup (self->display_name);
}

guint
convene_store_get_version (ConveneStore *self)
{
  return self->version;
}

sqlite3 *
convene_store_get_connection (ConveneStore *self)
{
  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);

  return self->db;
}

static void
set_error_with_detail (GError     **error,
                       int          code,
                       const char  *sentence,
                       const char  *what)
{
  if (what != NULL)
    g_set_error (error, CONVENE_STORE_ERROR, code, "%s %s", sentence, what);
  else
    g_set_error_literal (error, CONVENE_STORE_ERROR, code, sentence);
}

void
convene_store_set_sqlite_error (ConveneStore  *self,
                                GError       **error,
                                int            rc,
                                const char    *what)
{
  g_autofree char *sentence = NULL;
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = CONVENE_STORE_ERROR_DISK_FULL;
      sentence = g_strdup_printf (_("There is no space left on the disk for “%s”."),
                                  self->display_name);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = CONVENE_STORE_ERROR_READ_ONLY;
      sentence = g_strdup_printf (_("“%s” cannot be written to."), self->display_name);
      break;
    case SQLITE_IOERR:
      /* The file system refused to store the change (an immutable file, a
       * device gone away); other input/output errors keep SQLite's words. */
      if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE ||
          rc == SQLITE_IOERR_DIR_FSYNC)
        {
          code = CONVENE_STORE_ERROR_FAILED;
          sentence = g_strdup_printf (_("“%s” cannot be written to: the disk refused the change."),
                                      self->display_name);
        }
      else
        {
          code = CONVENE_STORE_ERROR_FAILED;
          /* Translators: the second %s is SQLite's own explanation */
          sentence = g_strdup_printf (_("“%s” could not be used: %s."), self->display_name,
                                      self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
        }
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = CONVENE_STORE_ERROR_BUSY;
      sentence = g_strdup_printf (_("“%s” is in use by another program."), self->display_name);
      break;
    case SQLITE_CORRUPT:
      code = CONVENE_STORE_ERROR_DAMAGED;
      sentence = g_strdup_printf (_("“%s” is damaged."), self->display_name);
      break;
    case SQLITE_NOTADB:
      code = CONVENE_STORE_ERROR_NOT_DATABASE;
      sentence = g_strdup_printf (_("“%s” is not a Convene project."), self->display_name);
      break;
    case SQLITE_TOOBIG:
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
      code = CONVENE_STORE_ERROR_INVALID_DATA;
      /* Translators: the second %s is SQLite's own explanation */
      sentence = g_strdup_printf (_("“%s” would hold data Convene cannot use (%s)."),
                                  self->display_name,
                                  self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      break;
    default:
      code = CONVENE_STORE_ERROR_FAILED;
      /* Translators: the second %s is SQLite's own explanation */
      sentence = g_strdup_printf (_("“%s” could not be used: %s."), self->display_name,
                                  self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      break;
    }

  set_error_with_detail (error, code, sentence, what);
}

static int
exec (sqlite3    *db,
      const char *sql)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL);
}

/* Runs a statement that returns one integer. */
static int
query_int (sqlite3    *db,
           const char *sql,
           gint64     *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_OK;
    }
  else if (rc == SQLITE_DONE)
    {
      rc = SQLITE_ERROR;
    }

  sqlite3_finalize (stmt);
  return rc;
}

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) |
         ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

static gboolean
check_path (ConveneStore  *self,
            struct stat   *st,
            GError       **error)
{
  if (lstat (self->path, st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND,
                     _("“%s” does not exist."), self->display_name);
      else
        g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
                     _("“%s” cannot be opened: %s."), self->display_name,
                     g_strerror (saved_errno));
      return FALSE;
    }

  /* A link could be swapped under the store between its checks and its use;
   * the planner opens the file it points to instead. */
  if (S_ISLNK (st->st_mode))
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
                   _("“%s” is a symbolic link; open the file it points to instead."),
                   self->display_name);
      return FALSE;
    }

  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Convene project: it is not a file."), self->display_name);
      return FALSE;
    }

  return TRUE;
}

/* Finds or opens this process's descriptor for the file. */
static gboolean
acquire_entry (ConveneStore  *self,
               GError       **error)
{
  struct stat st, fst;
  FileEntry *entry;
  int fd;

  if (!check_path (self, &st, error))
    return FALSE;

  G_LOCK (files);
  entry = file_entry_find_locked (st.st_dev, st.st_ino);
  if (entry != NULL && entry->stranded)
    {
      G_UNLOCK (files);
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_BUSY,
                   _("“%s” is still open in a window where it was moved or renamed; save a copy "
                     "there or close that window, then open it again."), self->display_name);
      return FALSE;
    }
  if (entry != NULL)
    {
      entry->users++;
      self->entry = entry;
      G_UNLOCK (files);
      return TRUE;
    }

  fd = open (self->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0 || fstat (fd, &fst) != 0 || fst.st_dev != st.st_dev || fst.st_ino != st.st_ino)
    {
      int saved_errno = fd < 0 ? errno : EAGAIN;

      if (fd >= 0)
        close (fd);
      G_UNLOCK (files);

      if (saved_errno == EACCES)
        g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
                     _("You do not have permission to read “%s”."), self->display_name);
      else
        g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
                     _("“%s” cannot be opened: %s."), self->display_name,
                     g_strerror (saved_errno));
      return FALSE;
    }

  self->entry = file_entry_add_locked (fd, &fst);
  G_UNLOCK (files);
  return TRUE;
}

/* While another process has the project open, its -wal holds the newest
 * pages and a checkpoint may be rewriting the file: the header's page count
 * is then SQLite's business. */
static gboolean
has_live_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  return lstat (wal, &st) == 0 && st.st_size > 0;
}

/* The first check, before SQLite sees the file at all: is it a database,
 * and is it ours and not too new (both are in the 100-byte header). */
static gboolean
check_header (ConveneStore  *self,
              GError       **error)
{
  guint8 header[SQLITE_HEADER_SIZE];
  ssize_t n;
  guint32 application_id, user_version;

  do
    n = pread (self->entry->fd, header, sizeof header, 0);
  while (n < 0 && errno == EINTR);

  if (n < 0)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
                   _("“%s” cannot be read: %s."), self->display_name, g_strerror (errno));
      return FALSE;
    }

  if (n == 0)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is empty; it is not a Convene project."), self->display_name);
      return FALSE;
    }

  if (n < (ssize_t) sizeof SQLITE_HEADER || memcmp (header, SQLITE_HEADER, sizeof SQLITE_HEADER) != 0)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Convene project."), self->display_name);
      return FALSE;
    }

  if (n < SQLITE_HEADER_SIZE)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged: the file is cut short."), self->display_name);
      return FALSE;
    }

  /* The header records how many pages the file holds (when its "valid
   * for" counter matches the change counter); a file shorter than that was
   * cut, whatever its remaining pages might still seem to say. */
  {
    guint32 page_size = ((guint32) header[16] << 8) | header[17];
    guint32 n_pages = read_be32 (header + 28);
    struct stat st;

    if (page_size == 1)
      page_size = 65536;

    if (n_pages > 0 && read_be32 (header + 24) == read_be32 (header + 92) &&
        !has_live_wal (self->path) &&
        fstat (self->entry->fd, &st) == 0 &&
        (guint64) st.st_size < (guint64) n_pages * page_size)
      {
        g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_DAMAGED,
                     _("“%s” is damaged: the file is cut short."), self->display_name);
        return FALSE;
      }
  }

  application_id = read_be32 (header + 68);
  user_version = read_be32 (header + 60);

  if (application_id != CONVENE_APPLICATION_ID)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FOREIGN,
                   _("“%s” is not a Convene project: it is a database of another program."),
                   self->display_name);
      return FALSE;
    }

  if (user_version > CONVENE_SCHEMA_VERSION)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Convene; update Convene to open it."),
                   self->display_name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
writable (const char *path,
          int        *err)
{
  if (access (path, W_OK) == 0)
    return TRUE;
  *err = errno;
  return FALSE;
}

/* Decides whether this store may write, and says why not in a sentence. */
static void
decide_access (ConveneStore     *self,
               ConveneStoreMode  mode,
               gboolean         *file_writable)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  int err = 0;

  /* SQLite writes a -wal and a -shm file beside the project, so the folder
   * must be writable too. */
  if (!writable (self->path, &err))
    {
      *file_writable = FALSE;
      if (err == EROFS)
        self->read_only_reason = g_strdup (_("The file is on a disk that cannot be written to."));
      else
        self->read_only_reason = g_strdup (_("The file is read-only."));
    }
  else if (!writable (dir, &err))
    {
      *file_writable = FALSE;
      self->read_only_reason = g_strdup (_("The folder holding the file cannot be written to."));
    }
  else
    {
      *file_writable = TRUE;
    }

  if (mode == CONVENE_STORE_READ_ONLY)
    {
      if (self->read_only_reason == NULL)
        self->read_only_reason = g_strdup (_("The project was opened for reading only."));
    }
  else if (*file_writable)
    {
      if (file_entry_lock_for_writing (self->entry))
        self->holds_lock = TRUE;
      else
        self->read_only_reason = g_strdup (_("The project is open in another window."));
    }

  self->read_only = self->read_only_reason != NULL;
}

static char *
immutable_uri (const char *path)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  return g_strdup_printf ("file:%s?immutable=1", escaped);
}

/* Per-connection settings: none of them writes to the file, so they are in
 * force before the first byte of an untrusted file is parsed. */
static int
configure_connection (sqlite3  *db,
                      gboolean  query_only)
{
  int rc;

  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  /* Texts are at most 64 KiB; a larger value is refused as it is read. */
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, 1000000);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  rc = exec (db, "PRAGMA foreign_keys = ON");
  if (rc == SQLITE_OK && query_only)
    rc = exec (db, "PRAGMA query_only = ON");
  return rc;
}

static gboolean
open_connection (ConveneStore  *self,
                 gboolean       file_writable,
                 GError       **error)
{
  int rc;

  if (!self->read_only || file_writable)
    {
      /* A read-only store on a file it could write still connects
       * read-write, with query_only: only a read-write connection removes
       * the -wal and -shm files when it closes as the last one. */
      self->open_name = g_strdup (self->path);
      self->open_flags = SQLITE_OPEN_READWRITE;
    }
  else
    {
      g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);

      /* Nobody can write this file, so unless a -wal holds changes still
       * to be merged, SQLite may read it as immutable: no -shm is needed,
       * which a read-only folder could not hold. */
      if (g_file_test (wal, G_FILE_TEST_EXISTS))
        {
          self->open_name = g_strdup (self->path);
          self->open_flags = SQLITE_OPEN_READONLY;
        }
      else
        {
          self->open_name = immutable_uri (self->path);
          self->open_flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
        }
    }

  /* NOMUTEX: a connection is only ever used by one thread at a time (the
   * window's, or the one that reads the project at start until it is
   * joined), so SQLite need not lock it around every call, which reading
   * 10,000 segments did ~500,000 times. */
  self->open_flags |= SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX;

  rc = sqlite3_open_v2 (self->open_name, &self->db, self->open_flags, NULL);
  if (rc == SQLITE_OK)
    rc = configure_connection (self->db, self->read_only);

  if (rc != SQLITE_OK)
    {
      convene_store_set_sqlite_error (self, error, rc, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Reads PRAGMA quick_check. Constraint failures (a NULL where none belongs,
 * a value of the wrong type) mean someone wrote impossible values; anything
 * else means the file itself is broken.
 *
 * The CHECK constraints are not tested here: whoever wrote the file could
 * switch them off, so the loader tests every value again anyway, and
 * SQLite's test of them was most of the time the whole check takes (its
 * IN lists cost about 2.4 µs a row: 100 of 120 ms for 10,000 segments). */
static gboolean
check_integrity (ConveneStore  *self,
                 GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *first = NULL;
  gboolean only_values = TRUE;
  int rc;

  rc = sqlite3_exec (self->db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (line == NULL || g_str_equal (line, "ok"))
        continue;

      if (first == NULL)
        first = g_strescape (line, NULL);

      if (!g_str_has_prefix (line, "CHECK constraint failed") &&
          !g_str_has_prefix (line, "NULL value in") &&
          !g_str_has_prefix (line, "non-"))
        only_values = FALSE;
    }
  sqlite3_finalize (stmt);
  /* Every write of this connection is held to the constraints again. */
  if (sqlite3_exec (self->db, "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL) != SQLITE_OK &&
      rc == SQLITE_DONE)
    rc = sqlite3_errcode (self->db);

  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_IOERR)
        g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_DAMAGED,
                     _("“%s” is damaged and cannot be opened."), self->display_name);
      else
        convene_store_set_sqlite_error (self, error, rc, NULL);
      return FALSE;
    }

  if (first == NULL)
    return TRUE;

  if (only_values)
    /* Translators: the second %s is SQLite's description, e.g. "CHECK constraint failed in segment" */
    g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_INVALID_DATA,
                 _("“%s” holds values Convene cannot use (%s)."), self->display_name, first);
  else
    /* Translators: the second %s is SQLite's description of the damage */
    g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_DAMAGED,
                 _("“%s” is damaged and cannot be opened (%s)."), self->display_name, first);
  return FALSE;
}

static gboolean
check_references (ConveneStore  *self,
                  GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *table = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 0);

          table = g_strescape (name != NULL ? name : "", NULL);
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      convene_store_set_sqlite_error (self, error, rc, NULL);
      return FALSE;
    }

  if (table != NULL)
    {
      /* Translators: the second %s is a table such as "segment" */
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_INVALID_DATA,
                   _("“%s” holds data Convene cannot use: a %s refers to something that does not exist."),
                   self->display_name, table);
      return FALSE;
    }

  return TRUE;
}

/* Everything that may be learnt about the file without changing it. */
static gboolean
verify (ConveneStore  *self,
        GError       **error)
{
  g_autofree char *difference = NULL;
  gint64 application_id = 0, user_version = 0;
  int rc;

  rc = query_int (self->db, "PRAGMA application_id", &application_id);
  if (rc == SQLITE_OK)
    rc = query_int (self->db, "PRAGMA user_version", &user_version);
  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_DAMAGED,
                     _("“%s” is damaged and cannot be opened."), self->display_name);
      else
        convene_store_set_sqlite_error (self, error, rc, NULL);
      return FALSE;
    }

  /* The header was checked already, but a -wal file may carry a newer first
   * page, so SQLite's view is checked again. */
  if (application_id != CONVENE_APPLICATION_ID)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FOREIGN,
                   _("“%s” is not a Convene project: it is a database of another program."),
                   self->display_name);
      return FALSE;
    }

  if (user_version > CONVENE_SCHEMA_VERSION)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Convene; update Convene to open it."),
                   self->display_name);
      return FALSE;
    }

  if (user_version < 1)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged: it does not say which version of Convene made it."),
                   self->display_name);
      return FALSE;
    }

  if (!convene_schema_matches (self->db, (guint) user_version, &rc, &difference))
    {
      if (rc == SQLITE_OK)
        /* Translators: the second %s explains, e.g. "it holds a trigger “x” that Convene did not create" */
        g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_UNEXPECTED_SCHEMA,
                     _("“%s” cannot be trusted: %s."), self->display_name, difference);
      else if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_ERROR)
        /* A schema SQLite cannot even parse is damage, or a trap. */
        g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_DAMAGED,
                     _("“%s” is damaged and cannot be opened."), self->display_name);
      else
        convene_store_set_sqlite_error (self, error, rc, NULL);
      return FALSE;
    }

  if (!check_integrity (self, error) || !check_references (self, error))
    return FALSE;

  self->version = (guint) user_version;
  return TRUE;
}

static void
cancel_checkpoint (ConveneStore *self)
{
  if (self->checkpoint_source == NULL)
    return;

  g_source_destroy (self->checkpoint_source);
  g_clear_pointer (&self->checkpoint_source, g_source_unref);
}

/* Committed edits first land in the -wal beside the project; until they are
 * copied into the project file, a copy of the .convene alone (mailed, backed
 * up, or left behind by a session that ended without closing the project)
 * lacks them. PASSIVE copies every page no reader still needs and never
 * waits, so the window cannot freeze behind another program reading the
 * file; a reader holding an older snapshot only postpones the rest to the
 * next try. That is enough: the file then holds every committed page, and
 * SQLite starts the -wal over at the next commit. */
static gboolean
checkpoint_cb (gpointer user_data)
{
  ConveneStore *self = user_data;
  int n_log = -1, n_copied = -1;
  int rc;

  /* An edit is under way: its commit schedules a checkpoint of its own. */
  if (self->in_transaction)
    return G_SOURCE_CONTINUE;

  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, &n_log, &n_copied);

  /* Another connection is checkpointing, or a reader holds pages back. */
  if (rc == SQLITE_BUSY || (rc == SQLITE_OK && n_copied < n_log))
    return G_SOURCE_CONTINUE;

  /* Nothing the planner can act on: the edits are safe in the -wal, the
   * next commit tries again, and closing the project checkpoints anyway. */
  if (rc != SQLITE_OK)
    g_debug ("Checkpoint of “%s” failed: %s", self->display_name, sqlite3_errmsg (self->db));

  g_clear_pointer (&self->checkpoint_source, g_source_unref);
  return G_SOURCE_REMOVE;
}

/* (Re)starts the wait, so the checkpoint comes once the edits pause. Where
 * no main loop runs (the command line) it never fires, and closing the store
 * checkpoints instead. */
static void
schedule_checkpoint (ConveneStore *self)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

  cancel_checkpoint (self);

  self->checkpoint_source = g_timeout_source_new (CHECKPOINT_DELAY_MS);
  g_source_set_static_name (self->checkpoint_source, "[convene] checkpoint");
  g_source_set_callback (self->checkpoint_source, checkpoint_cb, self, NULL);
  g_source_attach (self->checkpoint_source, context);
}

/* Durability: a planner's edit is saved the moment it is made, one small
 * transaction per edit by hand. synchronous=FULL syncs the WAL at every
 * commit, so not even a power cut loses an edit the window already showed
 * as done; at human editing speed the extra fsync is not noticeable. */
static gboolean
prepare_for_writing (ConveneStore  *self,
                     GError       **error)
{
  int rc;

  rc = exec (self->db, "PRAGMA journal_mode = WAL");
  if (rc == SQLITE_OK)
    rc = exec (self->db, "PRAGMA synchronous = FULL");
  if (rc != SQLITE_OK)
    {
      convene_store_set_sqlite_error (self, error, rc, NULL);
      return FALSE;
    }

  self->writer = convene_store_writer_new (self->db);
  return TRUE;
}

static gboolean
migrate (ConveneStore  *self,
         GError       **error)
{
  g_autofree char *message = NULL;
  int rc;

  if (self->version == CONVENE_SCHEMA_VERSION)
    return TRUE;

  rc = exec (self->db, "BEGIN IMMEDIATE");
  if (rc == SQLITE_OK)
    rc = convene_schema_run_steps (self->db, self->version, CONVENE_SCHEMA_VERSION, &message);
  if (rc == SQLITE_OK)
    rc = exec (self->db, "COMMIT");

  if (rc != SQLITE_OK)
    {
      if (!sqlite3_get_autocommit (self->db))
        exec (self->db, "ROLLBACK");
      convene_store_set_sqlite_error (self, error, rc,
                                      _("It could not be updated for this version of Convene."));
      return FALSE;
    }

  self->version = CONVENE_SCHEMA_VERSION;
  schedule_checkpoint (self);
  return TRUE;
}

static gboolean
store_init_path (ConveneStore  *self,
                 GFile         *file,
                 GError       **error)
{
  self->file = g_object_ref (file);
  self->path = g_file_get_path (file);

  if (self->path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
                   _("“%s” is not on this computer; copy it here to open it."), name);
      return FALSE;
    }

  self->display_name = g_filename_display_basename (self->path);
  return TRUE;
}

ConveneStore *
convene_store_open (GFile             *file,
                    ConveneStoreMode   mode,
                    GError           **error)
{
  g_autoptr(ConveneStore) self = NULL;
  gboolean file_writable = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CONVENE_TYPE_STORE, NULL);

  if (!store_init_path (self, file, error) ||
      !acquire_entry (self, error) ||
      !check_header (self, error))
    return NULL;

  decide_access (self, mode, &file_writable);

  if (!open_connection (self, file_writable, error) || !verify (self, error))
    return NULL;

  /* Switching to WAL and migrating write the file, so an older file's data
   * is read and checked first: a file with bad data is refused as it was,
   * not half updated. */
  if (!self->read_only && self->version < CONVENE_SCHEMA_VERSION)
    {
      g_autoptr(ConveneProject) checked = convene_store_read_project (self, error);

      if (checked == NULL)
        return NULL;
    }

  if (!self->read_only && (!prepare_for_writing (self, error) || !migrate (self, error)))
    return NULL;

  return g_steal_pointer (&self);
}

static void
remove_with_companions (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

ConveneStore *
convene_store_create (GFile           *file,
                      ConveneProject  *project,
                      GError         **error)
{
  g_autoptr(ConveneStore) self = NULL;
  g_autofree char *message = NULL;
  struct stat st;
  int fd, rc;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CONVENE_TYPE_STORE, NULL);
  if (!store_init_path (self, file, error))
    return NULL;

  /* O_EXCL claims the name: an existing file (or link) is never replaced,
   * even one that appears between a check and the creation. */
  fd = open (self->path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_EXISTS,
                     _("“%s” already exists; Convene does not replace it."), self->display_name);
      else
        g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
                     _("“%s” cannot be created: %s."), self->display_name,
                     g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (self->path);
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
                   _("“%s” cannot be created: %s."), self->display_name,
                   g_strerror (saved_errno));
      return NULL;
    }

  G_LOCK (files);
  self->entry = file_entry_add_locked (fd, &st);
  G_UNLOCK (files);

  if (file_entry_lock_for_writing (self->entry))
    self->holds_lock = TRUE;

  self->open_name = g_strdup (self->path);
  self->open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX;

  /* The first transaction goes straight into the file (rollback journal),
   * so its header carries Convene's application_id from the start, before
   * any -wal exists: other programs, and Convene's own header check, can
   * tell it is a project even while this store keeps it open. */
  rc = sqlite3_open_v2 (self->open_name, &self->db, self->open_flags, NULL);
  if (rc == SQLITE_OK)
    rc = configure_connection (self->db, FALSE);
  if (rc == SQLITE_OK)
    rc = exec (self->db, "PRAGMA synchronous = FULL");
  if (rc == SQLITE_OK)
    rc = exec (self->db, "BEGIN IMMEDIATE");
  if (rc == SQLITE_OK)
    rc = exec (self->db, "PRAGMA defer_foreign_keys = ON");
  if (rc == SQLITE_OK)
    rc = convene_schema_run_steps (self->db, 0, CONVENE_SCHEMA_VERSION, &message);
  if (rc == SQLITE_OK)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d",
                                                 (int) CONVENE_APPLICATION_ID);
      rc = exec (self->db, pragma);
    }
  if (rc == SQLITE_OK)
    {
      self->writer = convene_store_writer_new (self->db);
      rc = convene_store_writer_write_all (self->writer, project);
    }
  if (rc == SQLITE_OK)
    rc = exec (self->db, "COMMIT");
  if (rc == SQLITE_OK)
    rc = exec (self->db, "PRAGMA journal_mode = WAL");

  if (rc != SQLITE_OK)
    {
      convene_store_set_sqlite_error (self, error, rc, _("The project was not created."));
      convene_store_close (self);
      remove_with_companions (self->path);
      return NULL;
    }

  self->version = CONVENE_SCHEMA_VERSION;
  return g_steal_pointer (&self);
}

GFile *
convene_store_get_file (ConveneStore *self)
{
  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);

  return self->file;
}

gboolean
convene_store_is_read_only (ConveneStore *self)
{
  g_return_val_if_fail (CONVENE_IS_STORE (self), TRUE);

  return self->read_only || self->db == NULL;
}

const char *
convene_store_get_read_only_reason (ConveneStore *self)
{
  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);

  if (self->db == NULL && self->read_only_reason == NULL)
    return _("The project is closed.");

  return self->read_only_reason;
}

ConveneProject *
convene_store_load (ConveneStore  *self,
                    GError       **error)
{
  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->db == NULL)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
                   _("“%s” is closed."), self->display_name);
      return NULL;
    }

  return convene_store_read_project (self, error);
}

void
convene_store_set_load_notices (ConveneStore  *self,
                                char         **notices)
{
  g_strfreev (self->load_notices);
  self->load_notices = notices;
}

const char * const *
convene_store_get_load_notices (ConveneStore *self)
{
  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);

  return (const char * const *) self->load_notices;
}

void
convene_store_attach (ConveneStore   *self,
                      ConveneProject *project)
{
  g_return_if_fail (CONVENE_IS_STORE (self));
  g_return_if_fail (CONVENE_IS_PROJECT (project));
  g_return_if_fail (self->watcher == NULL);

  /* A read-only store never writes, so it has nothing to collect. */
  if (convene_store_is_read_only (self))
    return;

  self->watcher = convene_store_watcher_new (project);
}

/* Compares the path with the file the store holds; records what it found. */
static gboolean
file_in_place (ConveneStore *self)
{
  struct stat st, held;

  if (fstat (self->entry->fd, &held) == 0 && held.st_nlink == 0)
    self->file_state = CONVENE_STORE_FILE_DELETED;
  else if (lstat (self->path, &st) != 0 || st.st_dev != self->entry->dev || st.st_ino != self->entry->ino)
    self->file_state = CONVENE_STORE_FILE_MOVED;
  else
    return TRUE;
  return FALSE;
}

/* The file went away (file_state says how): put every committed edit in it
 * and write no more. SQLite neither checkpoints nor removes the -wal of a
 * file that moved when it closes, so the edits would stay in a -wal beside
 * the old path; TRUNCATE copies them into the file (through the descriptor
 * SQLite holds, wherever the file now is) and empties that -wal. A deleted
 * file gets them too, so that a copy read through this connection has them
 * all. */
static void
strand (ConveneStore *self)
{
  int rc;

  cancel_checkpoint (self);
  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  if (rc != SQLITE_OK)
    /* The edits are still in the -wal this connection reads: a copy has them. */
    g_debug ("Checkpoint of the moved “%s” failed: %s", self->display_name, sqlite3_errmsg (self->db));

  G_LOCK (files);
  self->entry->stranded = TRUE;
  G_UNLOCK (files);

  g_free (self->read_only_reason);
  if (self->file_state == CONVENE_STORE_FILE_DELETED)
    self->read_only_reason =
      g_strdup_printf (_("“%s” was deleted while it was open. Its contents are still here, "
                         "but nowhere on the disk: save a copy to keep them."), self->display_name);
  else
    self->read_only_reason =
      g_strdup_printf (_("“%s” was moved or renamed while it was open. Every change up to now "
                         "is in it at its new place, but no more can be saved to it here: "
                         "save a copy to go on working."), self->display_name);
  self->read_only = TRUE;
}

ConveneStoreFileState
convene_store_check_file (ConveneStore *self)
{
  g_return_val_if_fail (CONVENE_IS_STORE (self), CONVENE_STORE_FILE_IN_PLACE);

  /* Only a store that writes has anything at stake. */
  if (self->file_state != CONVENE_STORE_FILE_IN_PLACE || self->read_only || self->db == NULL)
    return self->file_state;

  if (!file_in_place (self))
    {
      if (self->in_transaction)
        convene_store_rollback (self);
      strand (self);
    }
  return self->file_state;
}

ConveneStoreFileState
convene_store_get_file_state (ConveneStore *self)
{
  g_return_val_if_fail (CONVENE_IS_STORE (self), CONVENE_STORE_FILE_IN_PLACE);

  return self->file_state;
}

static gboolean
refuse_read_only (ConveneStore  *self,
                  GError       **error)
{
  if (!convene_store_is_read_only (self))
    return FALSE;

  /* Short: the reason, which says what to do, is shown beside it. */
  if (self->file_state == CONVENE_STORE_FILE_DELETED)
    g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_GONE,
                 _("“%s” was deleted, so the change was not saved."), self->display_name);
  else if (self->file_state == CONVENE_STORE_FILE_MOVED)
    g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_GONE,
                 _("“%s” was moved or renamed, so the change was not saved."), self->display_name);
  else
    /* Translators: the second %s is the reason, e.g. "The file is read-only." */
    g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_READ_ONLY,
                 _("“%s” cannot be changed. %s"), self->display_name,
                 convene_store_get_read_only_reason (self));
  return TRUE;
}

gboolean
convene_store_begin (ConveneStore  *self,
                     GError       **error)
{
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  convene_store_check_file (self);
  if (refuse_read_only (self, error))
    return FALSE;

  /* IMMEDIATE takes the write lock now, so the edit either can be saved or
   * is refused before the model changes. Foreign keys are checked at COMMIT:
   * a change may link to an object written later in the same transaction. */
  rc = exec (self->db, "BEGIN IMMEDIATE");
  if (rc == SQLITE_OK)
    {
      rc = exec (self->db, "PRAGMA defer_foreign_keys = ON");
      if (rc != SQLITE_OK)
        exec (self->db, "ROLLBACK");
    }

  if (rc != SQLITE_OK)
    {
      convene_store_set_sqlite_error (self, error, rc, _("The change was not saved."));
      return FALSE;
    }

  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
convene_store_commit (ConveneStore  *self,
                      GError       **error)
{
  int rc = SQLITE_OK;

  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (self->watcher != NULL)
    rc = convene_store_watcher_flush (self->watcher, self->writer);

  /* The file may have gone since begin; then the edit goes no further. */
  if (rc == SQLITE_OK && !file_in_place (self))
    {
      convene_store_rollback (self);
      strand (self);
      refuse_read_only (self, error);
      return FALSE;
    }

  if (rc == SQLITE_OK)
    rc = exec (self->db, "COMMIT");

  if (rc != SQLITE_OK)
    {
      convene_store_set_sqlite_error (self, error, rc, _("The change was not saved."));
      convene_store_rollback (self);
      return FALSE;
    }

  if (self->watcher != NULL)
    convene_store_watcher_committed (self->watcher);
  self->in_transaction = FALSE;
  schedule_checkpoint (self);
  return TRUE;
}

void
convene_store_rollback (ConveneStore *self)
{
  g_return_if_fail (CONVENE_IS_STORE (self));

  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    exec (self->db, "ROLLBACK");
  if (self->watcher != NULL)
    convene_store_watcher_forget (self->watcher);
  self->in_transaction = FALSE;
}

ConveneChanges *
convene_store_take_changes (ConveneStore *self)
{
  ConveneChanges *changes = NULL;

  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);

  if (self->watcher != NULL)
    changes = convene_store_watcher_take_changes (self->watcher);
  return changes != NULL ? changes : convene_changes_new ();
}

/* View settings: the version that has them, and one statement each, kept
 * (a zoom by the wheel writes many in a row). */
#define VIEW_SETTINGS_VERSION 8

static int
prepare_cached (ConveneStore  *self,
                sqlite3_stmt **stmt,
                const char    *sql)
{
  int rc = SQLITE_OK;

  if (*stmt == NULL)
    rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL);
  return rc;
}

char *
convene_store_dup_view_setting (ConveneStore *self,
                                const char   *key)
{
  char *value = NULL;

  g_return_val_if_fail (CONVENE_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (self->db == NULL || self->version < VIEW_SETTINGS_VERSION ||
      prepare_cached (self, &self->get_view_setting,
                      "SELECT value FROM view_setting WHERE key = ?1") != SQLITE_OK)
    return NULL;

  sqlite3_bind_text (self->get_view_setting, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (self->get_view_setting) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (self->get_view_setting, 0);
      int length = sqlite3_column_bytes (self->get_view_setting, 0);

      /* The file's CHECK on its length is not tested when it opens, and a
       * setting is no content: one that is not a short text reads as unset. */
      if (text != NULL && g_utf8_validate (text, length, NULL) &&
          memchr (text, '\0', length) == NULL &&
          g_utf8_strlen (text, length) <= MAX_VIEW_SETTING_CHARS)
        value = g_strndup (text, length);
    }
  sqlite3_reset (self->get_view_setting);
  sqlite3_clear_bindings (self->get_view_setting);
  return value;
}

gboolean
convene_store_set_view_setting (ConveneStore  *self,
                                const char    *key,
                                const char    *value,
                                GError       **error)
{
  int rc;

  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  convene_store_check_file (self);
  if (refuse_read_only (self, error))
    return FALSE;

  /* One statement is its own transaction; the file check above is what
   * begin and commit would add. */
  rc = prepare_cached (self, &self->put_view_setting,
                       "INSERT INTO view_setting (key, value) VALUES (?1, ?2)\n"
                       "  ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (self->put_view_setting, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->put_view_setting, 2, value, -1, SQLITE_STATIC);
      rc = sqlite3_step (self->put_view_setting);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      sqlite3_reset (self->put_view_setting);
      sqlite3_clear_bindings (self->put_view_setting);
    }
  if (rc != SQLITE_OK)
    {
      convene_store_set_sqlite_error (self, error, rc, _("The change was not saved."));
      return FALSE;
    }
  schedule_checkpoint (self);
  return TRUE;
}

/* Whether path names the file the store holds, wherever that now is. */
static gboolean
is_held_file (ConveneStore *self,
              const char   *path)
{
  struct stat st;

  return self->entry != NULL && stat (path, &st) == 0 &&
         st.st_dev == self->entry->dev && st.st_ino == self->entry->ino;
}

gboolean
convene_store_save_copy (ConveneStore  *self,
                         GFile         *dest,
                         GError       **error)
{
  g_autofree char *dest_path = NULL;
  g_autofree char *dest_name = NULL;
  g_autofree char *part = NULL;
  sqlite3 *source = NULL;
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int fd, rc = SQLITE_OK;

  g_return_val_if_fail (CONVENE_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dest_path = g_file_get_path (dest);
  if (dest_path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (dest);

      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
                   _("A copy cannot be saved to “%s”: it is not on this computer."), name);
      return FALSE;
    }
  dest_name = g_filename_display_basename (dest_path);

  if (self->db == NULL)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
                   _("“%s” is closed."), self->display_name);
      return FALSE;
    }

  if (is_held_file (self, dest_path))
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_EXISTS,
                   _("“%s” is the project itself; choose another name for the copy."), dest_name);
      return FALSE;
    }

  part = g_strconcat (dest_path, ".part-XXXXXX", NULL);
  fd = g_mkstemp_full (part, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
                   _("A copy cannot be saved as “%s”: %s."), dest_name, g_strerror (errno));
      return FALSE;
    }
  close (fd);

  /* Outside an edit the store's own connection holds exactly what was
   * committed, and it reads the file wherever it went. In the middle of an
   * edit the copy reads through a connection of its own, which sees only
   * committed transactions, through the path; the file must still be there. */
  if (!self->in_transaction)
    {
      source = self->db;
    }
  else if (!is_held_file (self, self->path))
    {
      rc = SQLITE_CANTOPEN;
    }
  else
    {
      rc = sqlite3_open_v2 (self->open_name, &source, self->open_flags, NULL);
      if (rc == SQLITE_OK)
        rc = configure_connection (source, TRUE);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (part, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", source, "main");
      if (backup == NULL)
        {
          rc = sqlite3_errcode (target);
        }
      else
        {
          /* One step copies every page under a single read transaction. */
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          if (sqlite3_backup_finish (backup) != SQLITE_OK && rc == SQLITE_OK)
            rc = sqlite3_errcode (target);
        }
    }

  /* The copy stands alone: one file, no -wal beside it. */
  if (rc == SQLITE_OK)
    rc = exec (target, "PRAGMA journal_mode = DELETE");

  if (target != NULL && sqlite3_close (target) != SQLITE_OK && rc == SQLITE_OK)
    rc = SQLITE_IOERR;
  if (source != self->db)
    sqlite3_close (source);

  if (rc == SQLITE_OK && g_rename (part, dest_path) != 0)
    {
      int saved_errno = errno;

      remove_with_companions (part);
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
                   _("A copy cannot be saved as “%s”: %s."), dest_name, g_strerror (saved_errno));
      return FALSE;
    }

  if (rc != SQLITE_OK)
    {
      remove_with_companions (part);
      if ((rc & 0xff) == SQLITE_FULL)
        g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_DISK_FULL,
                     _("There is no space left on the disk for “%s”."), dest_name);
      else
        g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
                     _("A copy cannot be saved as “%s”: %s."), dest_name, sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

/* Whether a database may be using path's -wal and -shm: something at path
 * that is not a plain file other than SQLite's. */
static gboolean
may_be_database (const char *path)
{
  char header[sizeof SQLITE_HEADER];
  ssize_t n;
  struct stat st;
  int fd;

  if (lstat (path, &st) != 0)
    return errno != ENOENT;
  if (!S_ISREG (st.st_mode))
    return TRUE;

  fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    return TRUE;
  do
    n = read (fd, header, sizeof header);
  while (n < 0 && errno == EINTR);
  close (fd);
  return n == sizeof header && memcmp (header, SQLITE_HEADER, sizeof header) == 0;
}

/* SQLite leaves the emptied -wal and the -shm of a file that went away
 * beside its old path. They are removed unless a database took that name:
 * its -wal and -shm would be these very files. */
static void
remove_stranded_companions (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  struct stat st;

  if (may_be_database (path))
    return;
  if (lstat (wal, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0)
    g_unlink (wal);
  if (lstat (wal, &st) != 0 && errno == ENOENT)
    g_unlink (shm);
}

void
convene_store_close (ConveneStore *self)
{
  g_return_if_fail (CONVENE_IS_STORE (self));

  if (self->in_transaction)
    convene_store_rollback (self);

  /* A file that went away since the last edit gets its edits now: closing
   * would leave them in the -wal beside the old path. */
  convene_store_check_file (self);

  cancel_checkpoint (self);
  g_clear_pointer (&self->get_view_setting, sqlite3_finalize);
  g_clear_pointer (&self->put_view_setting, sqlite3_finalize);
  g_clear_pointer (&self->watcher, convene_store_watcher_free);
  g_clear_pointer (&self->writer, convene_store_writer_free);

  /* As the last connection, closing checkpoints and removes the -wal. */
  if (self->db != NULL)
    {
      sqlite3_close (self->db);
      self->db = NULL;
      if (self->file_state != CONVENE_STORE_FILE_IN_PLACE)
        remove_stranded_companions (self->path);
    }

  /* Only now may the descriptor go: closing it drops the process's POSIX
   * locks on the file, which SQLite relied on until the close above. */
  if (self->entry != NULL)
    {
      /* Its connection is gone: the file may be opened again. */
      if (self->file_state != CONVENE_STORE_FILE_IN_PLACE)
        {
          G_LOCK (files);
          self->entry->stranded = FALSE;
          G_UNLOCK (files);
        }
      file_entry_release (self->entry, self->holds_lock);
      self->entry = NULL;
      self->holds_lock = FALSE;
    }
}

static void
convene_store_finalize (GObject *object)
{
  ConveneStore *self = CONVENE_STORE (object);

  convene_store_close (self);

  g_clear_object (&self->file);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->open_name, g_free);
  g_clear_pointer (&self->load_notices, g_strfreev);

  G_OBJECT_CLASS (convene_store_parent_class)->finalize (object);
}

static void
convene_store_class_init (ConveneStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = convene_store_finalize;
}

static void
convene_store_init (ConveneStore *self)
{
  self->load_notices = g_new0 (char *, 1);
}
