/* The project file stands alone: a moment after the last edit, the pages in
 * the -wal are in the .convene itself, so a copy of that one file (mailed,
 * backed up, left behind by a session that was killed) holds every edit. */
#include "config.h"

#include <glib/gstdio.h>

#include "convene-store-private.h"
#include "store-fixtures.h"

#define EDITED_TITLE "Checkpointed title"

typedef struct
{
  char           *dir;
  char           *path;
  GFile          *file;
  char           *copy_dir;
  char           *copy;
  char           *original_title;
  ConveneStore   *store;
  ConveneProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ConveneProject) project = fixture_full_project ();
  g_autoptr(GError) error = NULL;

  f->dir = fixture_make_dir ();
  f->path = g_build_filename (f->dir, "Side event.convene", NULL);
  f->file = g_file_new_for_path (f->path);
  /* The copy lives in a folder of its own, where no -wal can be beside it. */
  f->copy_dir = fixture_make_dir ();
  f->copy = g_build_filename (f->copy_dir, "Mailed.convene", NULL);

  fixture_write_project (f->path, project);
  f->original_title = g_strdup (convene_project_get_title (project));
  f->store = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  f->project = convene_store_load (f->store, &error);
  g_assert_no_error (error);
  convene_store_attach (f->store, f->project);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->project);
  fixture_remove_dir (f->copy_dir);
  fixture_remove_dir (f->dir);
  g_clear_object (&f->file);
  g_free (f->copy);
  g_free (f->original_title);
  g_free (f->copy_dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
edit_title (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (convene_store_begin (f->store, &error));
  g_assert_no_error (error);
  convene_project_set_title (f->project, EDITED_TITLE);
  g_assert_true (convene_store_commit (f->store, &error));
  g_assert_no_error (error);
}

/* Copies the .convene alone, as a planner mailing it would, and reads the
 * project's title from the copy with plain SQLite. */
static char *
title_in_copy_alone (Fixture *f)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (f->path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (f->copy, contents, length, &error);
  g_assert_no_error (error);
  g_assert_false (fixture_has_companions (f->copy));

  return fixture_query_text (f->copy, "SELECT title FROM project");
}

static gboolean
copy_holds_edit (Fixture *f)
{
  g_autofree char *title = title_in_copy_alone (f);

  return g_strcmp0 (title, EDITED_TITLE) == 0;
}

static gboolean
wake_up (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs context until condition holds, failing after a generous deadline;
 * a short tick makes sure the loop wakes to look again. */
static void
run_until (GMainContext *context,
           gboolean    (*condition) (Fixture *f),
           Fixture      *f,
           const char   *what)
{
  g_autoptr(GSource) tick = g_timeout_source_new (20);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_source_set_callback (tick, wake_up, NULL, NULL);
  g_source_attach (tick, context);

  while (!condition (f))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Waited in vain for %s", what);
      g_main_context_iteration (context, TRUE);
    }

  g_source_destroy (tick);
}

/* The store's pending checkpoint: the only source whose data is the store. */
static GSource *
checkpoint_source (Fixture      *f,
                   GMainContext *context)
{
  return g_main_context_find_source_by_user_data (context, f->store);
}

static void
test_after_commit (Fixture       *f,
                   gconstpointer  data)
{
  edit_title (f);

  /* The premise: right after the commit the edit is only in the -wal. */
  {
    g_autofree char *title = title_in_copy_alone (f);

    g_assert_cmpstr (title, ==, f->original_title);
  }

  run_until (NULL, copy_holds_edit, f, "the .convene alone to hold the edit");

  /* It was the checkpoint, not closing: the project is still open. */
  g_assert_false (convene_store_is_read_only (f->store));
  g_assert_null (checkpoint_source (f, NULL));

  convene_store_close (f->store);
  g_assert_false (fixture_has_companions (f->path));
  {
    g_autofree char *title = fixture_query_text (f->path, "SELECT title FROM project");

    g_assert_cmpstr (title, ==, EDITED_TITLE);
  }
}

/* When the first try was due. */
static gint64 first_ready_time;

static gboolean
checkpoint_tried (Fixture *f)
{
  GSource *source = checkpoint_source (f, NULL);

  /* Gone would mean it gave up (or copied pages a reader still needed). */
  g_assert_nonnull (source);
  return g_source_get_ready_time (source) > first_ready_time;
}

/* A reader holding an older snapshot keeps the checkpoint from copying the
 * newer pages; the store tries again and succeeds once the reader is done. */
static void
test_reader_postpones (Fixture       *f,
                       gconstpointer  data)
{
  sqlite3 *reader = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &reader, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (reader, "SELECT title FROM project", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sqlite3_finalize (stmt);

  edit_title (f);
  g_assert_nonnull (checkpoint_source (f, NULL));
  first_ready_time = g_source_get_ready_time (checkpoint_source (f, NULL));

  run_until (NULL, checkpoint_tried, f, "the first checkpoint to be tried");
  {
    g_autofree char *title = title_in_copy_alone (f);

    g_assert_cmpstr (title, ==, f->original_title);
  }

  g_assert_cmpint (sqlite3_exec (reader, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (reader), ==, SQLITE_OK);

  run_until (NULL, copy_holds_edit, f, "the .convene alone to hold the edit");
  g_assert_null (checkpoint_source (f, NULL));
}

/* The checkpoint waits on the main context of the thread that committed,
 * and closing the store takes it away: nothing fires on a closed store. */
static void
test_context_and_close (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GMainContext) context = g_main_context_new ();

  g_main_context_push_thread_default (context);
  edit_title (f);
  g_main_context_pop_thread_default (context);

  g_assert_nonnull (checkpoint_source (f, context));
  g_assert_null (checkpoint_source (f, NULL));

  /* A second edit restarts the wait. */
  g_main_context_push_thread_default (context);
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (convene_store_begin (f->store, &error));
    convene_project_set_venue (f->project, "Geneva");
    g_assert_true (convene_store_commit (f->store, &error));
    g_assert_no_error (error);
  }
  g_main_context_pop_thread_default (context);
  g_assert_nonnull (checkpoint_source (f, context));

  convene_store_close (f->store);
  g_assert_null (checkpoint_source (f, context));
  g_assert_false (g_main_context_pending (context));

  /* Closing checkpointed the edits without any main loop. */
  g_assert_false (fixture_has_companions (f->path));
  g_assert_true (copy_holds_edit (f));
}

/* Without a main loop (the command line) nothing is lost either: closing
 * puts every edit into the file. */
static void
test_no_main_loop (Fixture       *f,
                   gconstpointer  data)
{
  edit_title (f);
  g_clear_object (&f->store);

  g_assert_false (fixture_has_companions (f->path));
  g_assert_true (copy_holds_edit (f));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/checkpoint/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("after-commit", test_after_commit);
  ADD ("reader-postpones", test_reader_postpones);
  ADD ("context-and-close", test_context_and_close);
  ADD ("no-main-loop", test_no_main_loop);

  return g_test_run ();
}
