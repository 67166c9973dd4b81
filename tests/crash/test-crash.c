/* Crash safety: a child performing a burst of edits is killed with SIGKILL
 * at random (seeded) moments, many times over; the file must always pass
 * PRAGMA integrity_check, open, and hold every edit acknowledged before the
 * kill. Then a disk that fills up and a file that stops accepting writes in
 * the middle of a session: a clear error, and the model equals the file. */
#define G_LOG_DOMAIN "convene-crash"
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "convene-document.h"
#include "convene-document-private.h"
#include "convene-edits.h"
#include "convene-limits.h"
#include "convene-store-private.h"
#include "crash-edits.h"
#include "store-fixtures.h"

#define N_KILLS 40
#define MAX_ACKS_BEFORE_KILL 250
#define MAX_DELAY_US 3000

/* The project after the first n edits of the burst seeded with seed. */
static char *
replay_dump (guint32 seed,
             guint   n)
{
  g_autoptr(ConveneProject) project = crash_base_project ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 1; i <= n; i++)
    {
      g_autoptr(ConveneCommand) command = crash_next_edit (project, rand, i);

      convene_command_apply (command);
    }

  return fixture_dump_project (project);
}

/* Reads "ack N" lines until at least target were read or the pipe ends;
 * returns the last N (0 before any). */
static guint
read_acks (FILE  *out,
           guint  last,
           guint  target)
{
  char line[64];

  while (last < target && fgets (line, sizeof line, out) != NULL)
    {
      guint n = 0;

      g_assert_cmpint (sscanf (line, "ack %u", &n), ==, 1);
      g_assert_cmpuint (n, ==, last + 1);
      last = n;
    }

  return last;
}

static char *
dump_opened_read_write (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneDocument) document = convene_document_open (file, CONVENE_STORE_READ_WRITE, &error);
  char *dump;

  g_assert_no_error (error);
  dump = fixture_dump_project (convene_document_get_project (document));
  convene_document_close (document);
  return dump;
}

static void
test_sigkill (void)
{
  g_autofree char *dir = fixture_make_dir ();
  g_autofree char *base = g_build_filename (dir, "Base.convene", NULL);
  g_autofree char *path = g_build_filename (dir, "Burst.convene", NULL);
  g_autofree char *editor = g_test_build_filename (G_TEST_BUILT, "crash-editor", NULL);
  g_autoptr(GRand) moments = g_rand_new_with_seed (20270523);
  g_autoptr(ConveneProject) base_project = crash_base_project ();
  guint total_acks = 0;
  guint beyond = 0;

  fixture_write_project (base, base_project);

  for (guint k = 0; k < N_KILLS; k++)
    {
      g_autoptr(GFile) from = g_file_new_for_path (base);
      g_autoptr(GFile) to = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *seed_text = NULL;
      g_autofree char *found = NULL;
      g_autofree char *acked_dump = NULL;
      g_autofree char *integrity = NULL;
      guint32 seed = 1000 + k;
      guint target = g_rand_int_range (moments, 0, MAX_ACKS_BEFORE_KILL);
      gulong delay = g_rand_int_range (moments, 0, MAX_DELAY_US);
      const char *argv[4];
      GPid pid;
      int out_fd;
      int status = 0;
      FILE *out;
      guint acked;

      g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
      g_assert_no_error (error);

      seed_text = g_strdup_printf ("%u", seed);
      argv[0] = editor;
      argv[1] = path;
      argv[2] = seed_text;
      argv[3] = NULL;
      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      out = fdopen (out_fd, "r");
      g_assert_nonnull (out);

      acked = read_acks (out, 0, target);
      g_assert_cmpuint (acked, ==, target);
      g_usleep (delay);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      /* Every ack written before the kill is still in the pipe. */
      acked = read_acks (out, acked, G_MAXUINT);
      fclose (out);
      while (waitpid (pid, &status, 0) < 0)
        g_assert_cmpint (errno, ==, EINTR);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      /* Half the time the app opens the file first (recovering the WAL
       * itself), half the time a plain SQLite connection does. */
      if (k % 2 == 0)
        {
          found = dump_opened_read_write (path);
          integrity = fixture_query_text (path, "PRAGMA integrity_check");
        }
      else
        {
          integrity = fixture_query_text (path, "PRAGMA integrity_check");
          found = fixture_dump_file (path);
        }
      g_assert_cmpstr (integrity, ==, "ok");

      /* Every acknowledged edit is there; the one in flight may be too. */
      acked_dump = replay_dump (seed, acked);
      if (g_strcmp0 (found, acked_dump) != 0)
        {
          g_autofree char *next_dump = replay_dump (seed, acked + 1);

          g_assert_cmpstr (found, ==, next_dump);
          beyond++;
        }
      g_test_message ("kill %u: after %u acknowledged edits (+%lu us)", k, acked, delay);
      total_acks += acked;

      g_assert_true (g_file_delete (to, NULL, &error));
      g_assert_no_error (error);
    }

  g_test_message ("%u kills, %u acknowledged edits, %u files held the edit in flight too",
                  N_KILLS, total_acks, beyond);
  g_assert_cmpuint (total_acks, >, 0);
  fixture_remove_dir (dir);
}

typedef struct {
  char *dir;
  char *path;
  ConveneDocument *document;
  ConveneProject *project;
} Session;

static void
session_open (Session *s)
{
  g_autoptr(ConveneProject) base = crash_base_project ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  s->dir = fixture_make_dir ();
  s->path = g_build_filename (s->dir, "Pressure.convene", NULL);
  file = g_file_new_for_path (s->path);
  s->document = convene_document_create (file, base, &error);
  g_assert_no_error (error);
  s->project = convene_document_get_project (s->document);
}

static void
session_close (Session *s)
{
  convene_document_close (s->document);
  g_clear_object (&s->document);
  fixture_remove_dir (s->dir);
  g_free (s->dir);
  g_free (s->path);
}

static void
session_exec (Session    *s,
              const char *sql)
{
  sqlite3 *db = convene_store_get_connection (convene_document_get_store (s->document));
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
assert_model_is_file (Session *s)
{
  g_autofree char *model = fixture_dump_project (s->project);
  g_autofree char *file = fixture_dump_file (s->path);

  g_assert_cmpstr (model, ==, file);
}

/* A big edit that cannot fit in the pages the file may still use. */
static ConveneCommand *
big_edit (Session *s)
{
  ConveneSession *session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (s->project)), 0);
  ConveneSegment *segment = g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 0);
  g_autofree char *big = g_strnfill (CONVENE_MAX_TEXT_BYTES - 1000, 'x');
  ConveneCommand *command = convene_edit_set_text (segment, "notes", big, NULL);

  g_object_unref (segment);
  g_object_unref (session);
  g_assert_nonnull (command);
  return command;
}

static void
test_disk_full_burst (void)
{
  Session s = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  guint refused = 0;
  guint written = 0;
  guint n = 0;

  session_open (&s);

  /* The file may not grow past its current size: a full disk. Small edits
   * still fit in the pages SQLite has free; big ones do not. */
  {
    g_autofree char *pages = fixture_query_text (s.path, "PRAGMA page_count");
    g_autofree char *budget = g_strdup_printf ("PRAGMA max_page_count = %s", pages);

    session_exec (&s, budget);
  }

  for (guint step = 0; step < 150; step++)
    {
      g_autoptr(GError) error = NULL;
      gboolean big = step % 5 == 4;
      ConveneCommand *command = big ? big_edit (&s) : crash_next_edit (s.project, rand, ++n);

      if (convene_document_perform (s.document, command, &error))
        {
          g_assert_no_error (error);
          g_assert_false (big);
          written++;
        }
      else
        {
          g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_DISK_FULL);
          g_assert_nonnull (strstr (error->message, "Pressure.convene"));
          g_assert_cmpuint (strlen (error->message), >, strlen ("“Pressure.convene”"));
          g_assert_null (strchr (error->message, '\n'));
          refused++;
        }
      /* Written or refused, the model is what the file holds. */
      if (step % 10 == 0 || big)
        assert_model_is_file (&s);
    }
  assert_model_is_file (&s);
  g_test_message ("disk full: %u edits written, %u refused", written, refused);
  g_assert_cmpuint (refused, >=, 30);
  g_assert_cmpuint (written, >, 0);

  /* With room again, the same big edit goes through. */
  session_exec (&s, "PRAGMA max_page_count = 1000000");
  g_assert_true (convene_document_perform (s.document, big_edit (&s), NULL));
  assert_model_is_file (&s);

  session_close (&s);
}

static void
test_read_only_mid_session (void)
{
  Session s = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (78);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  guint n = 0;

  session_open (&s);
  for (guint i = 0; i < 20; i++)
    g_assert_true (convene_document_perform (s.document, crash_next_edit (s.project, rand, ++n), NULL));
  before = fixture_dump_project (s.project);

  /* The file stops accepting writes under the open session. As root,
   * permissions do not stop writes, so the store's own connection is made
   * refuse them (what SQLite reports for a file that became read-only). */
  session_exec (&s, "PRAGMA query_only = 1");
  for (guint i = 0; i < 10; i++)
    {
      g_assert_false (convene_document_perform (s.document, crash_next_edit (s.project, rand, ++n), &error));
      g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, "Pressure.convene"));
      g_clear_error (&error);
      {
        g_autofree char *now = fixture_dump_project (s.project);

        g_assert_cmpstr (now, ==, before);
      }
    }
  assert_model_is_file (&s);

  /* Writable again: edits are written again, nothing was half-kept. */
  session_exec (&s, "PRAGMA query_only = 0");
  g_assert_true (convene_document_perform (s.document, crash_next_edit (s.project, rand, ++n), &error));
  g_assert_no_error (error);
  assert_model_is_file (&s);

  session_close (&s);
}

static gboolean
chattr (const char *flag,
        const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  const char *argv[] = { "chattr", flag, path, wal, NULL };
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

static void
test_immutable_mid_session (void)
{
  Session s = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (79);
  g_autofree char *before = NULL;
  gboolean refused[5];
  GError *errors[5] = { NULL };
  guint n = 0;

  session_open (&s);
  for (guint i = 0; i < 20; i++)
    g_assert_true (convene_document_perform (s.document, crash_next_edit (s.project, rand, ++n), NULL));
  before = fixture_dump_project (s.project);

  /* The real thing, where the file system allows it: the project and its
   * write-ahead log become immutable (chattr +i binds root too). The -shm
   * is left alone: SQLite maps it, and a mapping that cannot be written
   * ends the process with SIGBUS whatever the program does. */
  if (!chattr ("+i", s.path))
    {
      chattr ("-i", s.path);
      session_close (&s);
      g_test_skip ("chattr +i is not possible here (needs root and a file system with the flag)");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    refused[i] = !convene_document_perform (s.document, crash_next_edit (s.project, rand, ++n),
                                            &errors[i]);
  /* Undo the flag before asserting, so the folder can always be removed. */
  g_assert_true (chattr ("-i", s.path));

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      g_assert_true (refused[i]);
      g_assert_nonnull (errors[i]);
      g_test_message ("immutable: %s", errors[i]->message);
      g_assert_true (errors[i]->domain == CONVENE_STORE_ERROR);
      g_assert_nonnull (strstr (errors[i]->message, "Pressure.convene"));
      /* In the planner's words, not SQLite's "disk I/O error". */
      g_assert_null (strstr (errors[i]->message, "I/O"));
      g_clear_error (&errors[i]);
    }
  {
    g_autofree char *now = fixture_dump_project (s.project);

    g_assert_cmpstr (now, ==, before);
  }
  assert_model_is_file (&s);
  g_assert_true (convene_document_perform (s.document, crash_next_edit (s.project, rand, ++n), NULL));
  assert_model_is_file (&s);

  session_close (&s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/sigkill-during-burst", test_sigkill);
  g_test_add_func ("/crash/disk-full-burst", test_disk_full_burst);
  g_test_add_func ("/crash/read-only-mid-session", test_read_only_mid_session);
  g_test_add_func ("/crash/immutable-mid-session", test_immutable_mid_session);

  return g_test_run ();
}
