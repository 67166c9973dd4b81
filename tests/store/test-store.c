/* The project file: round trip, persistence of changes, bad files, read-only
 * files, migration, a second process, copies. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "convene-schema.h"
#include "convene-store-private.h"
#include "store-fixtures.h"

typedef struct
{
  char *dir;
  char *path;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = fixture_make_dir ();
  f->path = g_build_filename (f->dir, "Side event.convene", NULL);
  f->file = g_file_new_for_path (f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fixture_remove_dir (f->dir);
  g_clear_object (&f->file);
  g_free (f->path);
  g_free (f->dir);
}

static void
write_full_project (Fixture *f)
{
  g_autoptr(ConveneProject) project = fixture_full_project ();

  fixture_write_project (f->path, project);
}

/* ---- round trip ---------------------------------------------------------- */

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ConveneProject) project = fixture_full_project ();
  g_autoptr(ConveneProject) loaded = NULL;
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = fixture_dump_project (project);
  g_autofree char *actual = NULL;

  store = convene_store_create (f->file, project, &error);
  g_assert_no_error (error);
  g_assert_false (convene_store_is_read_only (store));
  g_assert_true (convene_store_get_file (store) == f->file);
  /* Readable by others while still open, before any checkpoint. */
  actual = fixture_dump_file (f->path);
  g_assert_cmpstr (actual, ==, expected);
  g_clear_pointer (&actual, g_free);
  convene_store_close (store);
  g_clear_object (&store);
  g_assert_false (fixture_has_companions (f->path));

  /* What the file says about itself. */
  g_assert_cmpint (fixture_query_int (f->path, "PRAGMA application_id"), ==, CONVENE_APPLICATION_ID);
  g_assert_cmpint (fixture_query_int (f->path, "PRAGMA user_version"), ==, CONVENE_SCHEMA_VERSION);
  {
    g_autofree char *mode = fixture_query_text (f->path, "PRAGMA journal_mode");
    g_assert_cmpstr (mode, ==, "wal");
  }
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM segment WHERE parent IS NOT NULL"), ==, 3);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM segment"), ==, CONVENE_N_SEGMENT_KINDS + 3 + 2);

  store = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_false (convene_store_is_read_only (store));
  g_assert_null (convene_store_get_read_only_reason (store));
  loaded = convene_store_load (store, &error);
  g_assert_no_error (error);
  actual = fixture_dump_project (loaded);
  g_assert_cmpstr (actual, ==, expected);

  /* New ids do not collide with loaded ones. */
  {
    gint64 id = convene_project_new_id (loaded);

    g_assert_null (convene_project_find_segment (loaded, id, NULL));
    g_assert_null (convene_project_find_speaker (loaded, id));
    g_assert_null (convene_project_find_session (loaded, id));
  }
}

static void
test_create_refuses_existing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (f->path, "precious", -1, NULL));
  before = fixture_checksum (f->path);

  store = convene_store_create (f->file, project, &error);
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "Side event.convene"));
  g_assert_null (store);

  after = fixture_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Side event.convene"));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_symlink_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *link = g_build_filename (f->dir, "link.convene", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GError) error = NULL;

  write_full_project (f);
  g_assert_cmpint (symlink (f->path, link), ==, 0);

  store = convene_store_open (link_file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "link.convene"));
}

/* ---- changes are written at commit --------------------------------------- */

typedef struct
{
  ConveneStore *store;
  ConveneProject *project;
} Open;

static void
open_attached (Fixture *f,
               Open    *o)
{
  g_autoptr(GError) error = NULL;

  o->store = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  o->project = convene_store_load (o->store, &error);
  g_assert_no_error (error);
  convene_store_attach (o->store, o->project);
}

static void
close_attached (Open *o)
{
  convene_store_close (o->store);
  g_clear_object (&o->store);
  g_clear_object (&o->project);
}

static void
commit (Open *o)
{
  g_autoptr(GError) error = NULL;

  convene_store_commit (o->store, &error);
  g_assert_no_error (error);
}

static void
begin (Open *o)
{
  g_autoptr(GError) error = NULL;

  convene_store_begin (o->store, &error);
  g_assert_no_error (error);
}

static void
assert_file_matches (Fixture *f,
                     Open    *o)
{
  g_autofree char *expected = fixture_dump_project (o->project);
  g_autofree char *actual = fixture_dump_file (f->path);

  g_assert_cmpstr (actual, ==, expected);
}

static ConveneSession *
nth_session (ConveneProject *project,
             guint           n)
{
  g_autoptr(ConveneSession) session =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), n);
  return session;
}

static ConveneSegment *
nth_segment (GListStore *list,
             guint       n)
{
  g_autoptr(ConveneSegment) segment = g_list_model_get_item (G_LIST_MODEL (list), n);
  return segment;
}

static ConveneSegment *
find_panel (ConveneSession *session)
{
  GListModel *segments = G_LIST_MODEL (convene_session_get_segments (session));

  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);

      if (convene_segment_get_kind (segment) == CONVENE_SEGMENT_KIND_PANEL)
        return segment;
    }
  g_assert_not_reached ();
}

static void
test_changes_written (Fixture       *f,
                      gconstpointer  data)
{
  Open o = { 0, };
  ConveneSession *first, *second;
  ConveneSegment *panel, *item, *moved;
  g_autoptr(ConveneSegment) fresh = NULL;
  g_autoptr(ConveneSegment) kept = NULL;
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *assignments;
  guint position, n_assignments;

  write_full_project (f);
  open_attached (f, &o);
  assignments = convene_project_get_assignments (o.project);
  first = nth_session (o.project, 0);
  second = nth_session (o.project, 1);
  panel = find_panel (first);

  /* Properties of every level. */
  begin (&o);
  convene_project_set_title (o.project, "Renamed project");
  convene_session_set_room (first, "Room XX");
  convene_segment_set_title (panel, "Panel on trade");
  item = nth_segment (convene_segment_get_items (panel), 1);
  convene_segment_set_duration (item, 12);
  commit (&o);
  assert_file_matches (f, &o);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT duration FROM segment WHERE title = 'Talk b'"), ==, 12);

  /* Insert at the front: everything after shifts. */
  begin (&o);
  fresh = convene_segment_new (convene_project_new_id (o.project), CONVENE_SEGMENT_KIND_WELCOME,
                               "Early welcome", 2);
  g_list_store_insert (convene_session_get_segments (first), 0, fresh);
  commit (&o);
  assert_file_matches (f, &o);

  /* Move an item out of the panel into the other session's top level. */
  begin (&o);
  moved = nth_segment (convene_segment_get_items (panel), 0);
  kept = g_object_ref (moved);
  g_list_store_remove (convene_segment_get_items (panel), 0);
  g_list_store_append (convene_session_get_segments (second), kept);
  commit (&o);
  assert_file_matches (f, &o);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM segment WHERE title = 'Talk a' AND parent IS NULL"), ==, 1);

  /* A property change on an object that moved is still seen. */
  begin (&o);
  convene_segment_set_cues (kept, "Mic 3");
  commit (&o);
  assert_file_matches (f, &o);

  /* One step that unlinks a pair and links it again under a new id: the
   * old row must go before the new one comes, or the pair would be twice. */
  begin (&o);
  {
    GListStore *links = convene_project_get_outcome_links (o.project);
    g_autoptr(ConveneOutcomeLink) old_link = g_list_model_get_item (G_LIST_MODEL (links), 0);
    g_autoptr(ConveneOutcomeLink) new_link =
      convene_outcome_link_new (convene_project_new_id (o.project),
                                convene_outcome_link_get_outcome_id (old_link),
                                convene_outcome_link_get_segment_id (old_link));

    g_list_store_remove (links, 0);
    g_list_store_append (links, new_link);
    commit (&o);
    assert_file_matches (f, &o);
    g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM outcome_link"), ==, 4);
    g_assert_cmpint (fixture_query_int (f->path, "SELECT max(position) FROM outcome_link"), ==, 3);
  }

  /* Outcomes lose their links (as the edits do before removing segments). */
  begin (&o);
  g_list_store_remove_all (convene_project_get_outcome_links (o.project));
  commit (&o);
  assert_file_matches (f, &o);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM outcome_link"), ==, 0);

  /* Remove the panel and the assignments: its items go with it; put them
   * back: they return. */
  begin (&o);
  n_assignments = g_list_model_get_n_items (G_LIST_MODEL (assignments));
  for (guint i = 0; i < n_assignments; i++)
    g_ptr_array_add (saved, g_list_model_get_item (G_LIST_MODEL (assignments), i));
  g_list_store_remove_all (assignments);
  g_assert_true (g_list_store_find (convene_session_get_segments (first), panel, &position));
  g_object_ref (panel);
  g_list_store_remove (convene_session_get_segments (first), position);
  commit (&o);
  assert_file_matches (f, &o);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM segment WHERE title LIKE 'Talk%' AND parent IS NOT NULL"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM assignment"), ==, 0);

  begin (&o);
  g_list_store_insert (convene_session_get_segments (first), position, panel);
  g_list_store_splice (assignments, 0, 0, saved->pdata, saved->len);
  commit (&o);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM assignment"), ==, n_assignments);
  assert_file_matches (f, &o);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM segment WHERE parent IS NOT NULL"), ==, 2);

  /* The returned panel is watched again. */
  begin (&o);
  convene_segment_set_notes (panel, "Back again");
  convene_segment_set_title (nth_segment (convene_segment_get_items (panel), 0), "Talk B");
  commit (&o);
  assert_file_matches (f, &o);
  g_object_unref (panel);

  /* A whole session goes, with its segments and outcomes. */
  begin (&o);
  session = g_object_ref (second);
  g_list_store_remove (convene_project_get_sessions (o.project), 1);
  commit (&o);
  assert_file_matches (f, &o);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM outcome"), ==, CONVENE_N_OUTCOME_KINDS);

  /* Added and removed again before the commit: nothing is written. */
  begin (&o);
  g_list_store_append (convene_project_get_sessions (o.project), session);
  convene_session_set_title (session, "Never saved");
  g_list_store_remove (convene_project_get_sessions (o.project), 1);
  commit (&o);
  assert_file_matches (f, &o);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM session"), ==, 1);

  /* Rollback drops what was collected: the next commit does not write it. */
  begin (&o);
  convene_project_set_venue (o.project, "Elsewhere");
  convene_store_rollback (o.store);
  convene_project_set_venue (o.project, "Palais des Nations, Genève");
  begin (&o);
  commit (&o);
  assert_file_matches (f, &o);

  close_attached (&o);
  g_assert_false (fixture_has_companions (f->path));
}

/* The store hears of property changes through the model's one hook: no
 * object of an attached project carries a handler of its own (at 10,000
 * segments those cost megabytes), and a change is still written, also to an
 * object of the second of two projects open at once. */
static void
test_changes_without_handlers (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (f->dir, "Other.convene", NULL);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_path);
  guint notify = g_signal_lookup ("notify", G_TYPE_OBJECT);
  Open o = { 0, }, other = { 0, };
  ConveneSession *session;
  ConveneSegment *panel, *item;
  g_autoptr(ConveneSpeaker) speaker = NULL;
  g_autoptr(ConveneAssignment) assignment = NULL;
  g_autoptr(GError) error = NULL;

  write_full_project (f);
  {
    g_autoptr(ConveneProject) copy = fixture_full_project ();

    fixture_write_project (other_path, copy);
  }
  open_attached (f, &o);
  other.store = convene_store_open (other_file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  other.project = convene_store_load (other.store, &error);
  g_assert_no_error (error);
  convene_store_attach (other.store, other.project);

  session = nth_session (o.project, 0);
  panel = find_panel (session);
  item = nth_segment (convene_segment_get_items (panel), 0);
  speaker = g_list_model_get_item (G_LIST_MODEL (convene_project_get_speakers (o.project)), 0);
  assignment = g_list_model_get_item (G_LIST_MODEL (convene_project_get_assignments (o.project)), 0);
  g_assert_false (g_signal_has_handler_pending (o.project, notify, 0, FALSE));
  g_assert_false (g_signal_has_handler_pending (session, notify, 0, FALSE));
  g_assert_false (g_signal_has_handler_pending (panel, notify, 0, FALSE));
  g_assert_false (g_signal_has_handler_pending (item, notify, 0, FALSE));
  g_assert_false (g_signal_has_handler_pending (speaker, notify, 0, FALSE));
  g_assert_false (g_signal_has_handler_pending (assignment, notify, 0, FALSE));

  begin (&other);
  convene_segment_set_title (nth_segment (convene_segment_get_items (find_panel (nth_session (other.project, 0))), 0),
                             "Only in the other file");
  commit (&other);
  begin (&o);
  convene_segment_set_duration (item, 17);
  convene_speaker_set_organisation (speaker, "Renamed organisation");
  commit (&o);
  assert_file_matches (f, &o);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM segment WHERE title = 'Only in the other file'"),
                   ==, 0);
  g_assert_cmpint (fixture_query_int (other_path, "SELECT count(*) FROM segment WHERE title = 'Only in the other file'"),
                   ==, 1);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM speaker WHERE organisation = 'Renamed organisation'"),
                   ==, 1);

  close_attached (&other);
  close_attached (&o);
}

/* ---- bad files ------------------------------------------------------------ */

/* Opens path both ways; each must fail with code, name the file, and leave
 * its bytes, and its folder, as they were. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *before = fixture_checksum (path);
  ConveneStoreMode modes[] = { CONVENE_STORE_READ_WRITE, CONVENE_STORE_READ_ONLY };

  g_assert_nonnull (before);
  g_assert_false (fixture_has_companions (path));

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ConveneStore) store = NULL;
      g_autoptr(ConveneProject) project = NULL;
      g_autofree char *after = NULL;

      store = convene_store_open (file, modes[m], &error);
      if (store != NULL)
        project = convene_store_load (store, &error);
      g_clear_object (&store);

      g_assert_null (project);
      g_assert_error (error, CONVENE_STORE_ERROR, code);
      g_assert_nonnull (strstr (error->message, basename));

      after = fixture_checksum (path);
      g_assert_cmpstr (before, ==, after);
      g_assert_false (fixture_has_companions (path));
    }
}

static void
test_not_sqlite (Fixture       *f,
                 gconstpointer  data)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
                                0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2);
  guint8 noise[8192];

  g_assert_true (g_file_set_contents (f->path, "Agenda\n12:30 Opening\n", -1, NULL));
  assert_refused (f->path, CONVENE_STORE_ERROR_NOT_DATABASE);

  g_assert_true (g_file_set_contents (f->path, (const char *) png, sizeof png, NULL));
  assert_refused (f->path, CONVENE_STORE_ERROR_NOT_DATABASE);

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (f->path, (const char *) noise, sizeof noise, NULL));
  assert_refused (f->path, CONVENE_STORE_ERROR_NOT_DATABASE);

  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  assert_refused (f->path, CONVENE_STORE_ERROR_NOT_DATABASE);

  /* A folder named like a project. */
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_cmpint (g_mkdir (f->path, 0755), ==, 0);
  {
    g_autoptr(ConveneStore) store = NULL;
    g_autoptr(GError) error = NULL;

    store = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
    g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_DATABASE);
  }
  g_assert_cmpint (g_rmdir (f->path), ==, 0);
}

static void
test_foreign (Fixture       *f,
              gconstpointer  data)
{
  /* Another program's database, in both journal modes. */
  fixture_exec (f->path, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                         "INSERT INTO moz_places (url) VALUES ('https://example.org');");
  assert_refused (f->path, CONVENE_STORE_ERROR_FOREIGN);

  fixture_exec (f->path, "PRAGMA journal_mode = WAL");
  assert_refused (f->path, CONVENE_STORE_ERROR_FOREIGN);
  g_assert_cmpint (g_unlink (f->path), ==, 0);

  /* One that claims an id, not ours. */
  fixture_exec (f->path, "PRAGMA application_id = 1234567; CREATE TABLE t (x);");
  assert_refused (f->path, CONVENE_STORE_ERROR_FOREIGN);
  g_assert_cmpint (g_unlink (f->path), ==, 0);

  /* Our id on somebody else's tables is still not a project. */
  fixture_exec (f->path, "PRAGMA application_id = 1129207374; PRAGMA user_version = 2;"
                         "CREATE TABLE t (x);");
  g_assert_cmpint (CONVENE_APPLICATION_ID, ==, 1129207374);
  assert_refused (f->path, CONVENE_STORE_ERROR_UNEXPECTED_SCHEMA);
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ConveneProject) project = fixture_full_project ();
  g_autofree char *contents = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "cut.convene", NULL);
  GListStore *speakers = convene_project_get_speakers (project);
  g_autofree char *long_bio = g_strnfill (3000, 'b');
  gsize length;
  gsize page;

  /* Enough rows for a file of many pages. */
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(ConveneSpeaker) speaker = convene_speaker_new (convene_project_new_id (project),
                                                               "Someone");
      convene_speaker_set_bio (speaker, long_bio);
      g_list_store_append (speakers, speaker);
    }
  fixture_write_project (f->path, project);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  page = (gsize) fixture_query_int (f->path, "PRAGMA page_size");
  g_assert_cmpuint (length, >, 40 * page);

  {
    gsize cuts[] = { 20, 60, 100, page, page + 100, 2 * page, 5 * page, length / 2,
                     length - page, length - 1 };

    for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
      {
        g_test_message ("cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT, cuts[i], length);
        g_assert_true (g_file_set_contents (copy, contents, (gssize) cuts[i], NULL));
        assert_refused (copy, CONVENE_STORE_ERROR_DAMAGED);
      }
  }
}

static void
test_corrupt_pages (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ConveneProject) project = fixture_full_project ();
  g_autofree char *copy = g_build_filename (f->dir, "scrambled.convene", NULL);
  g_autofree char *contents = NULL;
  gsize length, page;

  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(ConveneSegment) segment = convene_segment_new (convene_project_new_id (project),
                                                               CONVENE_SEGMENT_KIND_BREAK,
                                                               "Pause", i);
      g_list_store_append (convene_session_get_segments (nth_session (project, 1)), segment);
    }
  fixture_write_project (f->path, project);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  page = (gsize) fixture_query_int (f->path, "PRAGMA page_size");

  /* Same size, but a page in the middle scribbled over: the b-tree no
   * longer holds together. */
  for (gsize p = 1; p < length / page; p += MAX (1, length / page / 4))
    {
      g_autofree char *scrambled = g_memdup2 (contents, length);

      g_test_message ("page %" G_GSIZE_FORMAT, p);
      memset (scrambled + p * page, 0x5a, page / 2);
      g_assert_true (g_file_set_contents (copy, scrambled, (gssize) length, NULL));
      assert_refused (copy, CONVENE_STORE_ERROR_DAMAGED);
    }
}

static void
test_too_new (Fixture       *f,
              gconstpointer  data)
{
  write_full_project (f);
  {
    g_autofree char *newer = g_strdup_printf ("PRAGMA user_version = %d", CONVENE_SCHEMA_VERSION + 1);

    fixture_exec (f->path, newer);
  }
  assert_refused (f->path, CONVENE_STORE_ERROR_TOO_NEW);
}

static void
test_unexpected_schema (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const plants[] = {
    "CREATE TRIGGER wipe AFTER UPDATE ON segment BEGIN DELETE FROM session; END",
    "CREATE TEMP TRIGGER harmless AFTER UPDATE ON segment BEGIN SELECT 1; END; "
      "CREATE VIEW everything AS SELECT * FROM segment",
    "CREATE TABLE notes_of_someone_else (x TEXT)",
    "CREATE INDEX extra_index ON speaker (name)",
    "ALTER TABLE segment RENAME COLUMN cues TO stage_cues",
    "ALTER TABLE speaker ADD COLUMN shoe_size INTEGER",
    "DROP INDEX outcome_owner",
    /* The same name, a looser definition. */
    "PRAGMA writable_schema = ON; "
      "UPDATE sqlite_schema SET sql = replace(sql, 'BETWEEN 0 AND 1440', 'BETWEEN 0 AND 99999') "
      "WHERE name = 'segment'; PRAGMA writable_schema = OFF",
  };

  for (guint i = 0; i < G_N_ELEMENTS (plants); i++)
    {
      g_test_message ("%s", plants[i]);
      write_full_project (f);
      fixture_exec (f->path, plants[i]);
      assert_refused (f->path, CONVENE_STORE_ERROR_UNEXPECTED_SCHEMA);
      g_assert_cmpint (g_unlink (f->path), ==, 0);
    }
}

static void
test_invalid_values (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const edits[] = {
    /* Past the CHECK constraints, which the writer switched off. */
    "PRAGMA ignore_check_constraints = ON; UPDATE segment SET duration = 5000 WHERE parent IS NULL",
    "PRAGMA ignore_check_constraints = ON; UPDATE segment SET kind = 'speech'",
    "PRAGMA ignore_check_constraints = ON; UPDATE session SET start_time = 2000",
    "PRAGMA ignore_check_constraints = ON; UPDATE outcome SET result = 'brilliant'",
    "PRAGMA ignore_check_constraints = ON; UPDATE assignment SET session = NULL, segment = NULL",
    /* Values the schema cannot express a rule for. */
    "UPDATE session SET title = CAST(x'54c328' AS TEXT)",
    "UPDATE speaker SET bio = CAST(x'616200' AS TEXT)",
    "UPDATE project SET notes = printf('%.*c', 70000, 'x')",
    "UPDATE session SET date = '2025-02-30' WHERE date <> ''",
    "UPDATE outcome SET due_date = 'soon' WHERE due_date <> ''",
    "UPDATE segment SET parent = (SELECT min(id) FROM segment WHERE parent IS NOT NULL) "
      "WHERE id = (SELECT max(id) FROM segment WHERE parent IS NOT NULL)",
    "UPDATE speaker SET id = (SELECT min(id) FROM session) WHERE id = (SELECT min(id) FROM speaker)",
    "DELETE FROM project",
    /* References to nothing, written with foreign keys off. */
    "UPDATE outcome_link SET segment = 999999 WHERE id = (SELECT min(id) FROM outcome_link)",
    "UPDATE outcome_link SET outcome = 999999 WHERE id = (SELECT min(id) FROM outcome_link)",
    /* A link across sessions, which no rule of the schema can express. */
    "UPDATE outcome_link SET segment = (SELECT min(id) FROM segment WHERE session = "
      "(SELECT max(id) FROM session)) WHERE id = (SELECT min(id) FROM outcome_link)",

    "UPDATE assignment SET speaker = 999999",
    /* Permanent identifiers that are not UUIDs, or not unique (a session's
     * and a segment's are not in the same index). */
    "UPDATE segment SET uuid = 'not-a-uuid' WHERE id = (SELECT min(id) FROM segment)",
    "UPDATE session SET uuid = '' WHERE id = (SELECT min(id) FROM session)",
    "PRAGMA ignore_check_constraints = ON; UPDATE segment SET uuid = 7 WHERE id = (SELECT min(id) FROM segment)",
    "UPDATE segment SET uuid = (SELECT upper (uuid) FROM session ORDER BY id LIMIT 1) "
      "WHERE id = (SELECT min(id) FROM segment)",
    /* A live record's time outside the years 1 to 9999, which no JSON
     * export could write. */
    "INSERT INTO live_event (id, session, position, at, action, segment, minutes, recovery) "
      "VALUES (900001, (SELECT min(id) FROM session), 0, -62135596800000001, 'start', 0, 0, 'push')",
    "INSERT INTO live_event (id, session, position, at, action, segment, minutes, recovery) "
      "VALUES (900001, (SELECT min(id) FROM session), 0, 253402300800000000, 'start', 0, 0, 'push')",
    /* An id that leaves no room for the next one. */
    "INSERT INTO speaker (id, position, honorific, name, job_title, organisation, email, phone, bio, "
      "notes, status) VALUES (9223372036854775807, 99, '', 'Last', '', '', '', '', '', '', 'invited')",
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_test_message ("%s", edits[i]);
      write_full_project (f);
      fixture_exec (f->path, edits[i]);
      assert_refused (f->path, CONVENE_STORE_ERROR_INVALID_DATA);
      g_assert_cmpint (g_unlink (f->path), ==, 0);
    }
}

/* Every CHECK constraint of the schema broken in turn, with the constraints
 * switched off as a hostile writer would. Opening does not ask SQLite to
 * test them again (see check_integrity), so the loader alone must refuse
 * each of these: adding a CHECK to the schema means adding its case here. */
static void
test_every_check_refused (Fixture       *f,
                          gconstpointer  data)
{
#define ONE_SEGMENT "WHERE id = (SELECT min(id) FROM segment)"
#define LIVE_EVENT(values) \
  "INSERT INTO live_event (id, session, position, at, action, segment, minutes, recovery) " \
  "VALUES (900001, (SELECT min(id) FROM session), " values ")"
  static const char * const edits[] = {
    "UPDATE project SET id = 2",
    "UPDATE session SET position = -1 WHERE id = (SELECT min(id) FROM session)",
    "UPDATE session SET slot_minutes = 0",
    "UPDATE session SET slot_minutes = 1441",
    "UPDATE session SET start_time = 1440",
    "UPDATE session SET fit_step = 0",
    "UPDATE session SET fit_step = 61",
    "UPDATE segment SET position = -1 " ONE_SEGMENT,
    "UPDATE segment SET kind = 'Panel' " ONE_SEGMENT,
    "UPDATE segment SET duration = -1 " ONE_SEGMENT,
    "UPDATE segment SET duration = 1441 " ONE_SEGMENT,
    "UPDATE segment SET fixed_start = -2 " ONE_SEGMENT,
    "UPDATE segment SET fixed_start = 1440 " ONE_SEGMENT,
    "UPDATE segment SET has_target = 2 " ONE_SEGMENT,
    "UPDATE segment SET min_length = 1441 " ONE_SEGMENT,
    "UPDATE segment SET max_length = -1 " ONE_SEGMENT,
    "UPDATE segment SET locked = 2 " ONE_SEGMENT,
    "UPDATE speaker SET position = -1 WHERE id = (SELECT min(id) FROM speaker)",
    "UPDATE speaker SET status = 'maybe' WHERE id = (SELECT min(id) FROM speaker)",
    "UPDATE assignment SET position = -1 WHERE id = (SELECT min(id) FROM assignment)",
    "UPDATE assignment SET role = 'singer' WHERE id = (SELECT min(id) FROM assignment)",
    "UPDATE assignment SET session = (SELECT min(id) FROM session) "
      "WHERE id = (SELECT min(id) FROM assignment WHERE segment IS NOT NULL)",
    "UPDATE outcome SET position = -1 WHERE id = (SELECT min(id) FROM outcome)",
    "UPDATE outcome SET kind = 'wish' WHERE id = (SELECT min(id) FROM outcome)",
    "UPDATE outcome SET done = 2 WHERE id = (SELECT min(id) FROM outcome)",
    "UPDATE outcome_link SET position = -1 WHERE id = (SELECT min(id) FROM outcome_link)",
    LIVE_EVENT ("-1, 0, 'start', 0, 0, 'push'"),
    LIVE_EVENT ("0, 0, 'rewind', 0, 0, 'push'"),
    LIVE_EVENT ("0, 0, 'start', -1, 0, 'push'"),
    LIVE_EVENT ("0, 0, 'add', 0, 1441, 'push'"),
    LIVE_EVENT ("0, 0, 'add', 0, -1441, 'push'"),
    LIVE_EVENT ("0, 0, 'start', 0, 0, 'skip'"),
  };
#undef ONE_SEGMENT
#undef LIVE_EVENT
  g_autofree char *check = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *edit = g_strconcat ("PRAGMA ignore_check_constraints = ON; ", edits[i], NULL);

      g_test_message ("%s", edit);
      write_full_project (f);
      g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM outcome_link"), >, 0);
      fixture_exec (f->path, edit);
      /* SQLite itself sees the broken constraint: the edit took. */
      check = fixture_query_text (f->path, "PRAGMA quick_check");
      g_assert_true (g_str_has_prefix (check, "CHECK constraint failed"));
      g_clear_pointer (&check, g_free);
      assert_refused (f->path, CONVENE_STORE_ERROR_INVALID_DATA);
      g_assert_cmpint (g_unlink (f->path), ==, 0);
    }
}

/* A time zone that is not one (a path, a FIFO, another file of the zone
 * folder) is never handed to GLib: the project opens with UTC's clock,
 * nothing else lost, and a notice naming the file says so. The file is not
 * written until the planner changes something. */
static void
test_bad_time_zone (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "zone-pipe", NULL);
  g_autofree char *expected = NULL;
  const char *zones[] = { fifo, "/etc/localtime", "Europe/../Europe/Zurich", "zone.tab", "leapseconds",
                          "Line\nbreak" };
  g_autoptr(ConveneProject) project = fixture_full_project ();

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  convene_project_set_time_zone (project, "UTC");
  expected = fixture_dump_project (project);

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      char *sql = sqlite3_mprintf ("UPDATE project SET time_zone = %Q", zones[i]);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *dump = NULL;
      g_autoptr(ConveneStore) store = NULL;
      g_autoptr(ConveneProject) loaded = NULL;
      g_autoptr(GTimeZone) tz = NULL;
      g_autoptr(GError) error = NULL;
      const char * const *notices;

      g_test_message ("time zone %s", zones[i]);
      write_full_project (f);
      fixture_exec (f->path, sql);
      sqlite3_free (sql);
      before = fixture_checksum (f->path);

      store = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
      g_assert_no_error (error);
      loaded = convene_store_load (store, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (convene_project_get_time_zone (loaded), ==, "UTC");
      tz = convene_project_dup_gtime_zone (loaded);
      g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, "UTC");
      dump = fixture_dump_project (loaded);
      g_assert_cmpstr (dump, ==, expected);

      notices = convene_store_get_load_notices (store);
      g_assert_nonnull (notices[0]);
      g_assert_null (notices[1]);
      g_assert_nonnull (strstr (notices[0], "Side event.convene"));
      g_assert_nonnull (strstr (notices[0], "UTC"));
      if (strchr (zones[i], '\n') == NULL)
        g_assert_nonnull (strstr (notices[0], zones[i]));
      else
        g_assert_null (strchr (notices[0], '\n'));

      convene_store_close (store);
      after = fixture_checksum (f->path);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (g_unlink (f->path), ==, 0);
    }

  /* A good zone gives no notice. */
  {
    g_autoptr(ConveneStore) store = NULL;
    g_autoptr(ConveneProject) loaded = NULL;
    g_autoptr(GError) error = NULL;

    write_full_project (f);
    store = convene_store_open (f->file, CONVENE_STORE_READ_ONLY, &error);
    g_assert_no_error (error);
    loaded = convene_store_load (store, &error);
    g_assert_no_error (error);
    g_assert_null (convene_store_get_load_notices (store)[0]);
  }
  g_unlink (fifo);
}

/* ---- read-only ------------------------------------------------------------- */

static void
test_read_only_mode (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_full_project (f);
  before = fixture_checksum (f->path);

  store = convene_store_open (f->file, CONVENE_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (convene_store_is_read_only (store));
  g_assert_cmpstr (convene_store_get_read_only_reason (store), ==,
                   "The project was opened for reading only.");
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  convene_store_attach (store, project);

  g_assert_false (convene_store_begin (store, &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "Side event.convene"));
  g_clear_error (&error);

  /* Even SQL sent straight to the connection cannot write. */
  g_assert_cmpint (sqlite3_exec (convene_store_get_connection (store),
                                 "UPDATE project SET title = 'x'", NULL, NULL, NULL),
                   !=, SQLITE_OK);

  convene_store_close (store);
  after = fixture_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (fixture_has_companions (f->path));
}

/* Runs in a child without root's power to ignore permissions: the file and
 * then the folder are made read-only, and the store must open read-only,
 * say why, and still read everything. Exit status 0 means all held. */
static int
read_only_permissions_child (const char *dir,
                             const char *path,
                             const char *expected)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *reasons[] = { "The file is read-only.", "The folder holding the file cannot be written to." };

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(ConveneStore) store = NULL;
      g_autoptr(ConveneProject) project = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *dump = NULL;

      if (round == 0 ? g_chmod (path, 0444) != 0 : (g_chmod (path, 0644) != 0 || g_chmod (dir, 0555) != 0))
        return 10;
      if (access (round == 0 ? path : dir, W_OK) == 0)
        return 11;

      store = convene_store_open (file, CONVENE_STORE_READ_WRITE, &error);
      if (store == NULL)
        return 12;
      if (!convene_store_is_read_only (store) ||
          g_strcmp0 (convene_store_get_read_only_reason (store), reasons[round]) != 0)
        return 13;
      project = convene_store_load (store, &error);
      if (project == NULL)
        return 14;
      dump = fixture_dump_project (project);
      if (g_strcmp0 (dump, expected) != 0)
        return 15;
      if (convene_store_begin (store, &error) ||
          !g_error_matches (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_READ_ONLY))
        return 16;
      convene_store_close (store);
      if (fixture_has_companions (path))
        return 17;
    }

  g_chmod (dir, 0755);
  return 0;
}

static void
test_read_only_permissions (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(ConveneProject) project = fixture_full_project ();
  g_autofree char *expected = fixture_dump_project (project);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int status;
  pid_t pid;

  fixture_write_project (f->path, project);
  before = fixture_checksum (f->path);

  if (geteuid () != 0)
    {
      g_assert_cmpint (read_only_permissions_child (f->dir, f->path, expected), ==, 0);
    }
  else
    {
      /* Root may write read-only files, so the check runs in a child that
       * gives root up for an ordinary user owning the folder. */
      const uid_t nobody = 65534;

      g_assert_cmpint (chown (f->dir, nobody, nobody), ==, 0);
      g_assert_cmpint (chown (f->path, nobody, nobody), ==, 0);

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          int result = 20;

          if (setgid (nobody) == 0 && setuid (nobody) == 0)
            result = read_only_permissions_child (f->dir, f->path, expected);
          /* The child holds its own copies of these; freeing them keeps a
           * leak checker running in the child (valgrind) from counting them. */
          g_clear_pointer (&expected, g_free);
          g_clear_pointer (&before, g_free);
          g_clear_object (&project);
          _exit (result);
        }
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_chmod (f->dir, 0755);
    }

  after = fixture_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* ---- migration ------------------------------------------------------------ */

static void
make_version_1_file (const char *path)
{
  sqlite3 *db = NULL;
  g_autofree char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (convene_schema_run_steps (db, 0, 1, &message), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA application_id = 1129207374;"
    "INSERT INTO project VALUES (1, 'Old project', 'Org', 'Venue', 'Notes', 'Europe/Zurich');"
    "INSERT INTO speaker VALUES (2, 0, 'Dr', 'Ada', 'Chair', 'Uni', 'a@example.org', '1', 'Bio', '', 'confirmed');"
    "INSERT INTO session VALUES (3, 0, 'Session', '2024-11-05', 750, 90, 'Room 1', 'Desc');"
    "INSERT INTO segment VALUES (4, 3, NULL, 0, 'panel', 'Panel', 60, 'n', 'c', -1);"
    "INSERT INTO segment VALUES (5, 3, 4, 0, 'presentation', 'Talk', 10, '', '', -1);"
    "INSERT INTO segment VALUES (6, 3, NULL, 1, 'closing', 'Close', 5, '', '', 840);"
    "INSERT INTO assignment VALUES (7, 0, 2, 5, NULL, 'presenter');"
    "INSERT INTO assignment VALUES (8, 1, 2, NULL, 3, 'moderator');"
    "INSERT INTO outcome VALUES (9, 3, 0, 'follow-up', 'Write it up', 1, 4);"
    "INSERT INTO outcome VALUES (10, 3, 1, 'objective', 'Agree', 0, NULL);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static ConveneOutcomeLink *
nth_link (ConveneProject *project,
          guint           n)
{
  g_autoptr(ConveneOutcomeLink) link =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_outcome_links (project)), n);
  return link;
}

static void
assert_version_1_content (ConveneProject *project)
{
  ConveneSession *session = nth_session (project, 0);
  ConveneSegment *panel = nth_segment (convene_session_get_segments (session), 0);
  ConveneSegment *talk = nth_segment (convene_segment_get_items (panel), 0);
  g_autoptr(ConveneOutcome) outcome =
    g_list_model_get_item (G_LIST_MODEL (convene_session_get_outcomes (session)), 0);

  g_assert_cmpstr (convene_project_get_title (project), ==, "Old project");
  g_assert_cmpstr (convene_project_get_time_zone (project), ==, "Europe/Zurich");
  g_assert_cmpint (convene_session_get_start_time (session), ==, 750);
  g_assert_cmpstr (convene_segment_get_title (talk), ==, "Talk");
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_segments (session))), ==, 2);
  g_assert_cmpint (convene_segment_get_fixed_start (nth_segment (convene_session_get_segments (session), 1)), ==, 840);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_assignments (project))), ==, 2);
  g_assert_cmpint (convene_outcome_get_kind (outcome), ==, CONVENE_OUTCOME_KIND_FOLLOW_UP);
  g_assert_true (convene_outcome_get_done (outcome));
  /* Its one segment became its one link, with an id above all others. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_outcome_links (project))), ==, 1);
  g_assert_cmpint (convene_outcome_link_get_id (nth_link (project, 0)), ==, 11);
  g_assert_cmpint (convene_outcome_link_get_outcome_id (nth_link (project, 0)), ==, 9);
  g_assert_cmpint (convene_outcome_link_get_segment_id (nth_link (project, 0)), ==, 4);
  /* The fields version 2 added have their defaults. */
  g_assert_cmpint (convene_outcome_get_owner_id (outcome), ==, 0);
  g_assert_cmpstr (convene_outcome_get_due_date (outcome), ==, "");
  g_assert_cmpint (convene_outcome_get_result (outcome), ==, CONVENE_OUTCOME_RESULT_NONE);
  g_assert_cmpstr (convene_outcome_get_result_note (outcome), ==, "");
}

static void
test_migration_from_1 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  make_version_1_file (f->path);
  g_assert_cmpint (fixture_query_int (f->path, "PRAGMA user_version"), ==, 1);
  before = fixture_checksum (f->path);

  /* Read-only: read as it is, not migrated. */
  store = convene_store_open (f->file, CONVENE_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  assert_version_1_content (project);
  g_clear_object (&project);
  g_clear_object (&store);
  after = fixture_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  /* Read-write: migrated, content intact, new fields usable. */
  store = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  assert_version_1_content (project);
  g_assert_cmpint (convene_store_get_version (store), ==, CONVENE_SCHEMA_VERSION);
  convene_store_attach (store, project);
  {
    ConveneSession *session = nth_session (project, 0);
    g_autoptr(ConveneOutcome) outcome =
      g_list_model_get_item (G_LIST_MODEL (convene_session_get_outcomes (session)), 0);

    g_assert_true (convene_store_begin (store, &error));
    convene_outcome_set_owner_id (outcome, 2);
    convene_outcome_set_result (outcome, CONVENE_OUTCOME_RESULT_PARTLY_MET);
    g_assert_true (convene_store_commit (store, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);

  g_assert_cmpint (fixture_query_int (f->path, "PRAGMA user_version"), ==, CONVENE_SCHEMA_VERSION);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT owner FROM outcome WHERE id = 9"), ==, 2);
  {
    g_autofree char *expected = fixture_dump_project (project);
    g_autofree char *actual = fixture_dump_file (f->path);

    g_assert_cmpstr (actual, ==, expected);
  }
}

/* A version 2 file: follow-ups with owners and results, outcomes linked to a
 * segment, to an item, to nothing, and (as version 2 allowed) to a segment
 * of another session. */
static void
make_version_2_file (const char *path)
{
  sqlite3 *db = NULL;
  g_autofree char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (convene_schema_run_steps (db, 0, 2, &message), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA application_id = 1129207374;"
    "INSERT INTO project VALUES (1, 'Side event', 'Org', 'Venue', '', 'Europe/Zurich');"
    "INSERT INTO speaker VALUES (2, 0, 'Dr', 'Ada', 'Chair', 'Uni', '', '', '', '', 'confirmed');"
    "INSERT INTO session VALUES (3, 0, 'Side event', '2027-05-23', 750, 90, 'Room XXIII', '');"
    "INSERT INTO session VALUES (20, 1, 'Debrief', '2027-05-24', 540, 30, '', '');"
    "INSERT INTO segment VALUES (4, 3, NULL, 0, 'panel', 'Panel', 60, '', '', -1);"
    "INSERT INTO segment VALUES (5, 3, 4, 0, 'presentation', 'Talk', 10, '', '', -1);"
    "INSERT INTO segment VALUES (6, 3, NULL, 1, 'discussion', 'Discussion', 20, '', '', -1);"
    "INSERT INTO segment VALUES (21, 20, NULL, 0, 'custom', 'Debrief', 30, '', '', -1);"
    "INSERT INTO assignment VALUES (7, 0, 2, NULL, 3, 'moderator');"
    "INSERT INTO outcome VALUES (8, 3, 2, 'guiding-question', 'Which commitments?', 0, 6, NULL, '', 'none', '');"
    "INSERT INTO outcome VALUES (9, 3, 0, 'objective', 'Share perspectives', 1, 4, NULL, '', 'none', '');"
    "INSERT INTO outcome VALUES (10, 3, 1, 'expected-outcome', 'Agree', 0, 5, NULL, '', 'partly-met', 'Half');"
    "INSERT INTO outcome VALUES (11, 3, 3, 'follow-up', 'Send the report', 0, NULL, 2, '2027-06-30', 'none', '');"
    "INSERT INTO outcome VALUES (12, 3, 4, 'objective', 'Across', 0, 21, NULL, '', 'none', '');"
    "INSERT INTO outcome VALUES (22, 20, 0, 'follow-up', 'Minutes', 0, 21, 2, '', 'none', '');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
assert_version_2_content (ConveneProject *project)
{
  static const struct { gint64 id, outcome, segment; } links[] = {
    /* Ordered as the outcomes are (position, then id), ids after the highest (22). */
    { 23, 9, 4 },
    { 24, 22, 21 },
    { 25, 10, 5 },
    { 26, 8, 6 },
  };
  ConveneSession *session = nth_session (project, 0);
  GListModel *outcomes = G_LIST_MODEL (convene_session_get_outcomes (session));
  g_autoptr(ConveneOutcome) agree = g_list_model_get_item (outcomes, 1);
  g_autoptr(ConveneOutcome) report = g_list_model_get_item (outcomes, 3);

  g_assert_cmpuint (g_list_model_get_n_items (outcomes), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_outcome_links (project))),
                    ==, G_N_ELEMENTS (links));
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      ConveneOutcomeLink *link = nth_link (project, i);

      g_assert_cmpint (convene_outcome_link_get_id (link), ==, links[i].id);
      g_assert_cmpint (convene_outcome_link_get_outcome_id (link), ==, links[i].outcome);
      g_assert_cmpint (convene_outcome_link_get_segment_id (link), ==, links[i].segment);
    }
  /* The link across sessions (outcome 12 to segment 21) was not carried over. */
  g_assert_null (convene_project_find_outcome_link (project, 12, 21));

  g_assert_cmpstr (convene_outcome_get_text (agree), ==, "Agree");
  g_assert_cmpint (convene_outcome_get_result (agree), ==, CONVENE_OUTCOME_RESULT_PARTLY_MET);
  g_assert_cmpstr (convene_outcome_get_result_note (agree), ==, "Half");
  g_assert_cmpint (convene_outcome_get_owner_id (report), ==, 2);
  g_assert_cmpstr (convene_outcome_get_due_date (report), ==, "2027-06-30");
  g_assert_cmpint (convene_project_new_id (project), ==, 27);
}

static void
test_migration_from_2 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *read_only_dump = NULL;

  make_version_2_file (f->path);
  g_assert_cmpint (fixture_query_int (f->path, "PRAGMA user_version"), ==, 2);
  before = fixture_checksum (f->path);

  /* Read-only: read as it is, links made from the old column. */
  store = convene_store_open (f->file, CONVENE_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  read_only_dump = fixture_dump_project (project);
  assert_version_2_content (project);
  g_clear_object (&project);
  g_clear_object (&store);
  after = fixture_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  /* Read-write: migrated to the link table, the same project as read above. */
  store = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  {
    g_autofree char *migrated_dump = fixture_dump_project (project);

    g_assert_cmpstr (migrated_dump, ==, read_only_dump);
  }
  assert_version_2_content (project);
  g_assert_cmpint (convene_store_get_version (store), ==, CONVENE_SCHEMA_VERSION);
  g_assert_cmpint (fixture_query_int (f->path, "PRAGMA user_version"), ==, CONVENE_SCHEMA_VERSION);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'outcome_before_v3'"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM pragma_table_info('outcome') WHERE name = 'segment'"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT position FROM outcome_link WHERE id = 26"), ==, 3);

  /* Links made after the migration are written, and cascade with their segment. */
  convene_store_attach (store, project);
  {
    g_autoptr(ConveneOutcomeLink) link = convene_outcome_link_new (convene_project_new_id (project), 12, 6);

    g_assert_true (convene_store_begin (store, &error));
    g_list_store_append (convene_project_get_outcome_links (project), link);
    g_assert_true (convene_store_commit (store, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM outcome_link WHERE outcome = 12 AND segment = 6 AND position = 4"), ==, 1);
  {
    g_autofree char *expected = fixture_dump_project (project);
    g_autofree char *actual = fixture_dump_file (f->path);

    g_assert_cmpstr (actual, ==, expected);
  }
  fixture_exec (f->path, "PRAGMA foreign_keys = ON; DELETE FROM segment WHERE id = 6");
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM outcome_link WHERE segment = 6"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM outcome_link"), ==, 3);
}

/* A version 3 file: a panel whose talks outgrew it, an empty panel, and a
 * panel of length 0 with a talk. */
static void
make_version_3_file (const char *path)
{
  sqlite3 *db = NULL;
  g_autofree char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (convene_schema_run_steps (db, 0, 3, &message), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA application_id = 1129207374;"
    "INSERT INTO project VALUES (1, 'Side event', 'Org', 'Venue', '', 'Europe/Zurich');"
    "INSERT INTO session VALUES (2, 0, 'Side event', '2027-05-23', 750, 90, '', '');"
    "INSERT INTO segment VALUES (3, 2, NULL, 0, 'panel', 'Panel', 60, '', '', -1);"
    "INSERT INTO segment VALUES (4, 2, 3, 0, 'presentation', 'A', 45, '', '', -1);"
    "INSERT INTO segment VALUES (5, 2, 3, 1, 'presentation', 'B', 45, '', '', -1);"
    "INSERT INTO segment VALUES (6, 2, NULL, 1, 'discussion', 'Discussion', 20, '', '', -1);"
    "INSERT INTO segment VALUES (7, 2, NULL, 2, 'panel', 'Empty panel', 30, '', '', -1);"
    "INSERT INTO segment VALUES (8, 2, NULL, 3, 'panel', 'No length', 0, '', '', -1);"
    "INSERT INTO segment VALUES (9, 2, 8, 0, 'presentation', 'C', 5, '', '', -1);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
assert_version_3_content (ConveneProject *project)
{
  ConveneSession *session = nth_session (project, 0);
  GListStore *segments = convene_session_get_segments (session);

  /* The panel holding talks keeps its 60 minutes as its target. */
  g_assert_true (convene_segment_get_has_target (nth_segment (segments, 0)));
  g_assert_cmpuint (convene_segment_get_duration (nth_segment (segments, 0)), ==, 60);
  g_assert_false (convene_segment_get_has_target (nth_segment (convene_segment_get_items (nth_segment (segments, 0)), 0)));
  g_assert_false (convene_segment_get_has_target (nth_segment (segments, 1)));
  g_assert_false (convene_segment_get_has_target (nth_segment (segments, 2)));
  g_assert_false (convene_segment_get_has_target (nth_segment (segments, 3)));
}

static void
test_migration_from_3 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *read_only_dump = NULL;

  make_version_3_file (f->path);
  before = fixture_checksum (f->path);

  /* Read-only: read as it is, with the targets the migration would give. */
  store = convene_store_open (f->file, CONVENE_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  assert_version_3_content (project);
  read_only_dump = fixture_dump_project (project);
  g_clear_object (&project);
  g_clear_object (&store);
  after = fixture_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  /* Read-write: migrated, the same project as read above. */
  store = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  {
    g_autofree char *migrated_dump = fixture_dump_project (project);

    g_assert_cmpstr (migrated_dump, ==, read_only_dump);
  }
  g_assert_cmpint (fixture_query_int (f->path, "PRAGMA user_version"), ==, CONVENE_SCHEMA_VERSION);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT sum(has_target) FROM segment"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT has_target FROM segment WHERE id = 3"), ==, 1);

  /* The setting is written with every change of it. */
  convene_store_attach (store, project);
  {
    ConveneSegment *empty = nth_segment (convene_session_get_segments (nth_session (project, 0)), 2);

    g_assert_true (convene_store_begin (store, &error));
    convene_segment_set_has_target (empty, TRUE);
    g_assert_true (convene_store_commit (store, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT has_target FROM segment WHERE id = 7"), ==, 1);
  {
    g_autofree char *expected = fixture_dump_project (project);
    g_autofree char *actual = fixture_dump_file (f->path);

    g_assert_cmpstr (actual, ==, expected);
  }

}

/* A file of the version before UUIDs. */
static void
make_file_before_uuids (const char *path)
{
  sqlite3 *db = NULL;
  g_autofree char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (convene_schema_run_steps (db, 0, CONVENE_SCHEMA_VERSION_UUIDS - 1, &message),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA application_id = 1129207374;"
    /* Columns named: steps after version 4 may add some with defaults. */
    "INSERT INTO project (id, title, organiser, venue, notes, time_zone) "
    "  VALUES (1, 'Congress', 'Org', 'Venue', '', 'Europe/Zurich');"
    "INSERT INTO session (id, position, title, date, start_time, slot_minutes, room, description) "
    "  VALUES (2, 0, 'Day one', '2027-05-23', 540, 480, 'Hall A', ''),"
    "         (3, 1, 'Day two', '2027-05-24', 540, 480, 'Hall B', '');"
    "INSERT INTO segment (id, session, parent, position, kind, title, duration, notes, cues, "
    "                     fixed_start, has_target) "
    "  VALUES (4, 2, NULL, 0, 'panel', 'Panel', 60, '', '', -1, 1),"
    "         (5, 2, 4, 0, 'presentation', 'A', 20, '', '', -1, 0),"
    "         (6, 2, 4, 1, 'presentation', 'B', 20, '', '', -1, 0),"
    "         (7, 3, NULL, 0, 'keynote', 'Keynote', 45, '', '', -1, 0);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Every session's and segment's UUID, in loading order. */
static GPtrArray *
collect_uuids (ConveneProject *project)
{
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  GListModel *sessions = G_LIST_MODEL (convene_project_get_sessions (project));

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      ConveneSession *session = nth_session (project, i);
      GListModel *segments = G_LIST_MODEL (convene_session_get_segments (session));

      g_ptr_array_add (uuids, g_strdup (convene_session_get_uuid (session)));
      for (guint j = 0; j < g_list_model_get_n_items (segments); j++)
        {
          ConveneSegment *segment = nth_segment (G_LIST_STORE (segments), j);
          GListModel *items = G_LIST_MODEL (convene_segment_get_items (segment));

          g_ptr_array_add (uuids, g_strdup (convene_segment_get_uuid (segment)));
          for (guint k = 0; k < g_list_model_get_n_items (items); k++)
            g_ptr_array_add (uuids, g_strdup (convene_segment_get_uuid (nth_segment (G_LIST_STORE (items), k))));
        }
    }
  return uuids;
}

static void
assert_distinct_uuids (GPtrArray *uuids)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < uuids->len; i++)
    {
      const char *uuid = g_ptr_array_index (uuids, i);

      g_assert_true (g_uuid_string_is_valid (uuid));
      g_assert_false (g_hash_table_contains (seen, uuid));
      g_hash_table_add (seen, (gpointer) uuid);
    }
}

static void
test_migration_to_uuids (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) uuids = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *read_only_dump = NULL;

  make_file_before_uuids (f->path);
  before = fixture_checksum (f->path);

  /* Read-only: read as it is; its sessions and segments get UUIDs for the
   * time they are open, and the file is not touched. */
  store = convene_store_open (f->file, CONVENE_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  uuids = collect_uuids (project);
  g_assert_cmpuint (uuids->len, ==, 6);
  assert_distinct_uuids (uuids);
  g_clear_pointer (&uuids, g_ptr_array_unref);
  read_only_dump = fixture_dump_project (project);
  g_clear_object (&project);
  g_clear_object (&store);
  after = fixture_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  /* Read-write: migrated; every row has a distinct random UUID (version 4,
   * RFC 4122 variant), which the project carries. */
  store = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  {
    g_autofree char *migrated_dump = fixture_dump_project (project);

    g_assert_cmpstr (migrated_dump, ==, read_only_dump);
  }
  g_assert_cmpint (fixture_query_int (f->path, "PRAGMA user_version"), ==, CONVENE_SCHEMA_VERSION);
  g_assert_cmpint (fixture_query_int (f->path,
    "SELECT count(DISTINCT uuid) FROM (SELECT uuid FROM session UNION ALL SELECT uuid FROM segment) "
    "WHERE uuid GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-"
    "[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-4[0-9a-f][0-9a-f][0-9a-f]-[89ab][0-9a-f][0-9a-f][0-9a-f]-"
    "[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'"),
    ==, 6);
  uuids = collect_uuids (project);
  assert_distinct_uuids (uuids);
  {
    g_autofree char *first_session = fixture_query_text (f->path, "SELECT uuid FROM session WHERE id = 2");
    g_autofree char *item = fixture_query_text (f->path, "SELECT uuid FROM segment WHERE id = 6");

    g_assert_cmpstr (g_ptr_array_index (uuids, 0), ==, first_session);
    g_assert_cmpstr (g_ptr_array_index (uuids, 3), ==, item);
  }
  g_clear_object (&project);
  g_clear_object (&store);

  /* And they stay what they are. */
  store = convene_store_open (f->file, CONVENE_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) again = collect_uuids (project);

    for (guint i = 0; i < uuids->len; i++)
      g_assert_cmpstr (g_ptr_array_index (again, i), ==, g_ptr_array_index (uuids, i));
  }
}

/* A new session's and segment's UUIDs are written with them, and a copy is
 * a new segment. */
static void
test_uuids_saved (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ConveneProject) project = fixture_full_project ();
  g_autoptr(ConveneProject) loaded = NULL;
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = collect_uuids (project);
  g_autoptr(GPtrArray) actual = NULL;

  assert_distinct_uuids (expected);
  fixture_write_project (f->path, project);
  store = convene_store_open (f->file, CONVENE_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  loaded = convene_store_load (store, &error);
  g_assert_no_error (error);
  actual = collect_uuids (loaded);
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (g_ptr_array_index (actual, i), ==, g_ptr_array_index (expected, i));
}

/* A version 4 file, before Fit to Slot: no bounds, no locks, no step. */
static void
test_migration_from_4 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *read_only_dump = NULL;
  sqlite3 *db = NULL;
  ConveneSession *session;
  ConveneSegment *talk;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (convene_schema_run_steps (db, 0, 4, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA application_id = 1129207374;"
    "INSERT INTO project VALUES (1, 'Side event', 'Org', 'Venue', '', 'Europe/Zurich');"
    "INSERT INTO session VALUES (2, 0, 'Side event', '2027-05-23', 750, 90, '', '');"
    "INSERT INTO segment VALUES (3, 2, NULL, 0, 'panel', 'Panel', 60, '', '', -1, 1);"
    "INSERT INTO segment VALUES (4, 2, 3, 0, 'presentation', 'A', 45, '', '', -1, 0);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  before = fixture_checksum (f->path);

  /* Read-only: read as it is, left byte for byte. */
  store = convene_store_open (f->file, CONVENE_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  session = nth_session (project, 0);
  talk = nth_segment (convene_segment_get_items (nth_segment (convene_session_get_segments (session), 0)), 0);
  g_assert_cmpuint (convene_session_get_fit_step (session), ==, 5);
  g_assert_cmpuint (convene_segment_get_min_length (talk), ==, 0);
  g_assert_cmpuint (convene_segment_get_max_length (talk), ==, 0);
  g_assert_false (convene_segment_get_locked (talk));
  read_only_dump = fixture_dump_project (project);
  g_clear_object (&project);
  g_clear_object (&store);
  {
    g_autofree char *after = fixture_checksum (f->path);

    g_assert_cmpstr (before, ==, after);
  }

  /* Read-write: migrated to the same project. */
  store = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  {
    g_autofree char *migrated_dump = fixture_dump_project (project);

    g_assert_cmpstr (migrated_dump, ==, read_only_dump);
  }
  g_assert_cmpint (fixture_query_int (f->path, "PRAGMA user_version"), ==, CONVENE_SCHEMA_VERSION);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT fit_step FROM session WHERE id = 2"), ==, 5);

  /* Bounds, lock and step are written with every change and read back. */
  convene_store_attach (store, project);
  session = nth_session (project, 0);
  talk = nth_segment (convene_segment_get_items (nth_segment (convene_session_get_segments (session), 0)), 0);
  g_assert_true (convene_store_begin (store, &error));
  convene_segment_set_min_length (talk, 30);
  convene_segment_set_max_length (talk, 50);
  convene_segment_set_locked (talk, TRUE);
  convene_session_set_fit_step (session, 10);
  g_assert_true (convene_store_commit (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT min_length * 10000 + max_length * 10 + locked "
                                               "FROM segment WHERE id = 4"), ==, 300501);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT fit_step FROM session WHERE id = 2"), ==, 10);
  {
    g_autofree char *expected = fixture_dump_project (project);
    g_autofree char *actual = fixture_dump_file (f->path);

    g_assert_cmpstr (actual, ==, expected);
  }
}

/* A version 4 file (the version 3 file above, migrated one step), before
 * the live record: it gains an empty one, and from then on keeps what is recorded. */
static void
test_migration_to_live (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(ConveneLiveEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ConveneSession *session;
  sqlite3 *db = NULL;

  make_version_3_file (f->path);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (convene_schema_run_steps (db, 3, 4, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_cmpint (fixture_query_int (f->path, "PRAGMA user_version"), ==, 4);
  before = fixture_checksum (f->path);

  /* Read-only: read as it is, with no record, the file untouched. */
  store = convene_store_open (f->file, CONVENE_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  session = nth_session (project, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_live_events (session))), ==, 0);
  g_clear_object (&project);
  g_clear_object (&store);
  after = fixture_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  store = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture_query_int (f->path, "PRAGMA user_version"), ==, CONVENE_SCHEMA_VERSION);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM live_event"), ==, 0);

  convene_store_attach (store, project);
  session = nth_session (project, 0);
  event = convene_live_event_new (convene_project_new_id (project), G_GINT64_CONSTANT (1811000000000001),
                                  CONVENE_LIVE_ACTION_JUMP, 6, 0, CONVENE_LIVE_ABSORB);
  g_assert_true (convene_store_begin (store, &error));
  g_list_store_append (convene_session_get_live_events (session), event);
  g_assert_true (convene_store_commit (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT at FROM live_event"), ==, G_GINT64_CONSTANT (1811000000000001));
  {
    g_autofree char *action = fixture_query_text (f->path, "SELECT action || ' ' || recovery FROM live_event");

    g_assert_cmpstr (action, ==, "jump absorb");
  }
  {
    g_autofree char *expected = fixture_dump_project (project);
    g_autofree char *actual = fixture_dump_file (f->path);

    g_assert_cmpstr (actual, ==, expected);
  }

  /* A record whose action is unknown is refused with the row named. */
  fixture_exec (f->path, "PRAGMA ignore_check_constraints = ON; UPDATE live_event SET action = 'rewind'");
  assert_refused (f->path, CONVENE_STORE_ERROR_INVALID_DATA);
}


/* A version 4 file: the project as it was, with no view settings yet. */
static void
make_version_4_file (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (convene_schema_run_steps (db, 0, 4, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA application_id = 1129207374;"
    "INSERT INTO project VALUES (1, 'Side event', 'Org', 'Venue', '', 'Europe/Zurich');"
    "INSERT INTO session VALUES (2, 0, 'Side event', '2027-05-23', 750, 90, '', '');"
    "INSERT INTO segment VALUES (3, 2, NULL, 0, 'panel', 'Panel', 60, '', '', -1, 1);"
    "INSERT INTO segment VALUES (4, 2, 3, 0, 'presentation', 'A', 45, '', '', -1, 0);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A view setting written past the schema's CHECK (too long), or that is no
 * text at all, reads as unset: the project still opens and shows. */
static void
test_bad_view_setting (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const values[] = {
    "printf('%.*c', 257, '9')",
    "CAST(x'33ff' AS TEXT)",
    "CAST(x'330034' AS TEXT)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(ConveneStore) store = NULL;
      g_autoptr(ConveneProject) project = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *edit = g_strdup_printf ("PRAGMA ignore_check_constraints = ON; "
                                               "INSERT INTO view_setting VALUES ('timeline-zoom', %s); "
                                               "INSERT INTO view_setting VALUES ('other', '3')",
                                               values[i]);
      g_autofree char *other = NULL;

      g_test_message ("%s", edit);
      write_full_project (f);
      fixture_exec (f->path, edit);
      store = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
      g_assert_no_error (error);
      project = convene_store_load (store, &error);
      g_assert_no_error (error);
      g_assert_null (convene_store_dup_view_setting (store, "timeline-zoom"));
      other = convene_store_dup_view_setting (store, "other");
      g_assert_cmpstr (other, ==, "3");
      g_clear_object (&store);
      g_assert_cmpint (g_unlink (f->path), ==, 0);
    }
}

static void
test_migration_to_view_settings (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *read_only_dump = NULL;
  g_autofree char *value = NULL;

  make_version_4_file (f->path);
  before = fixture_checksum (f->path);

  /* Read-only: read as it is; it has no view settings and takes none. */
  store = convene_store_open (f->file, CONVENE_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  read_only_dump = fixture_dump_project (project);
  g_assert_null (convene_store_dup_view_setting (store, "timeline-zoom"));
  g_assert_false (convene_store_set_view_setting (store, "timeline-zoom", "3", &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&project);
  g_clear_object (&store);
  after = fixture_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  /* Read-write: migrated, the same project, and view settings kept. */
  store = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  {
    g_autofree char *migrated_dump = fixture_dump_project (project);

    g_assert_cmpstr (migrated_dump, ==, read_only_dump);
  }
  g_assert_cmpint (fixture_query_int (f->path, "PRAGMA user_version"), ==, CONVENE_SCHEMA_VERSION);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM view_setting"), ==, 0);
  g_assert_null (convene_store_dup_view_setting (store, "timeline-zoom"));
  g_assert_true (convene_store_set_view_setting (store, "timeline-zoom", "3", &error));
  g_assert_no_error (error);
  g_assert_true (convene_store_set_view_setting (store, "timeline-zoom", "4", &error));
  g_assert_no_error (error);
  value = convene_store_dup_view_setting (store, "timeline-zoom");
  g_assert_cmpstr (value, ==, "4");
  g_clear_object (&project);
  g_clear_object (&store);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM view_setting"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT value FROM view_setting WHERE key = 'timeline-zoom'"), ==, 4);

  /* Opened again, read-only too, it is there. */
  store = convene_store_open (f->file, CONVENE_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_pointer (&value, g_free);
  value = convene_store_dup_view_setting (store, "timeline-zoom");
  g_assert_cmpstr (value, ==, "4");
}


static void
test_migration_refuses_bad_data (Fixture       *f,
                                 gconstpointer  data)
{
  /* A version 1 file whose data is bad is refused before it is migrated,
   * so it stays a version 1 file, byte for byte. */
  make_version_1_file (f->path);
  fixture_exec (f->path, "UPDATE speaker SET name = CAST(x'ff' AS TEXT)");
  assert_refused (f->path, CONVENE_STORE_ERROR_INVALID_DATA);
  g_assert_cmpint (fixture_query_int (f->path, "PRAGMA user_version"), ==, 1);
}

/* The texts of the released steps, as files in the wild were made by them. */
#define STEP_1_SHA256 "39aee0d3ee3ce0c90d170c18257359858a5e4b8dc1cb01afa771044e49242146"
#define STEP_2_SHA256 "6b32f410d4ea9fa45d3fa294326c7b61c051eac899b9492ca20962a17948bed5"
#define STEP_3_SHA256 "12a519aaa94100fb1e1b39c1ca5d1802f25232b7e599f10d4f3ef3a9e6de39d9"
#define STEP_4_SHA256 "7524ea56204ce77d61beddf0b7eb641301a29eadd7ea0d7a6c04958352d87285"

static void
test_schema_steps (void)
{
  sqlite3 *db = NULL;
  g_autofree char *difference = NULL;
  int rc;

  g_assert_cmpuint (convene_schema_get_n_steps (), ==, CONVENE_SCHEMA_VERSION);

  /* Each version's reference matches itself and not the other. */
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (convene_schema_run_steps (db, 0, 1, NULL), ==, SQLITE_OK);
  g_assert_true (convene_schema_matches (db, 1, &rc, &difference));
  g_assert_false (convene_schema_matches (db, 2, &rc, &difference));
  g_assert_cmpint (rc, ==, SQLITE_OK);
  g_assert_nonnull (strstr (difference, "outcome"));
  g_clear_pointer (&difference, g_free);
  g_assert_cmpint (convene_schema_run_steps (db, 1, 2, NULL), ==, SQLITE_OK);
  g_assert_true (convene_schema_matches (db, 2, &rc, &difference));
  g_assert_false (convene_schema_matches (db, 3, &rc, &difference));
  g_assert_nonnull (strstr (difference, "outcome"));
  g_clear_pointer (&difference, g_free);
  g_assert_cmpint (convene_schema_run_steps (db, 2, 3, NULL), ==, SQLITE_OK);
  g_assert_true (convene_schema_matches (db, 3, &rc, &difference));
  g_assert_false (convene_schema_matches (db, 4, &rc, &difference));
  g_assert_nonnull (strstr (difference, "segment"));
  g_clear_pointer (&difference, g_free);
  g_assert_cmpint (convene_schema_run_steps (db, 3, 4, NULL), ==, SQLITE_OK);
  g_assert_true (convene_schema_matches (db, 4, &rc, &difference));
  g_assert_cmpint (convene_schema_run_steps (db, 4, 7, NULL), ==, SQLITE_OK);
  g_assert_true (convene_schema_matches (db, 7, &rc, &difference));
  g_assert_false (convene_schema_matches (db, 8, &rc, &difference));
  g_assert_nonnull (strstr (difference, "view_setting"));
  g_clear_pointer (&difference, g_free);
  g_assert_cmpint (convene_schema_run_steps (db, 7, 8, NULL), ==, SQLITE_OK);
  g_assert_true (convene_schema_matches (db, 8, &rc, &difference));
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIEW v AS SELECT 1", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (convene_schema_matches (db, 8, &rc, &difference));
  g_assert_nonnull (strstr (difference, "view"));
  sqlite3_close (db);

  /* Released steps are never edited: files in the wild were made by them. */
  {
    g_autofree char *one = g_compute_checksum_for_string (G_CHECKSUM_SHA256, convene_schema_get_step (1), -1);
    g_autofree char *two = g_compute_checksum_for_string (G_CHECKSUM_SHA256, convene_schema_get_step (2), -1);
    g_autofree char *three = g_compute_checksum_for_string (G_CHECKSUM_SHA256, convene_schema_get_step (3), -1);
    g_autofree char *four = g_compute_checksum_for_string (G_CHECKSUM_SHA256, convene_schema_get_step (4), -1);

    g_assert_cmpstr (one, ==, STEP_1_SHA256);
    g_assert_cmpstr (two, ==, STEP_2_SHA256);
    g_assert_cmpstr (three, ==, STEP_3_SHA256);
    g_assert_cmpstr (four, ==, STEP_4_SHA256);
  }
}

/* ---- a second process ------------------------------------------------------ */

static void
test_second_process (Fixture       *f,
                     gconstpointer  data)
{
  int ready[2], done[2];
  char byte = 0;
  pid_t pid;
  int status;

  write_full_project (f);
  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (done), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* The other copy of Convene: open for writing, write, and hold. */
      g_autoptr(ConveneStore) store = NULL;
      g_autoptr(ConveneProject) project = NULL;
      char go = 'x';

      close (ready[0]);
      close (done[1]);
      store = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, NULL);
      if (store == NULL || convene_store_is_read_only (store))
        _exit (1);
      project = convene_store_load (store, NULL);
      if (project == NULL)
        _exit (2);
      convene_store_attach (store, project);
      if (!convene_store_begin (store, NULL))
        _exit (3);
      convene_project_set_title (project, "Written by the other window");
      if (!convene_store_commit (store, NULL))
        _exit (4);
      if (write (ready[1], &go, 1) != 1)
        _exit (5);
      if (read (done[0], &go, 1) != 1)
        _exit (6);
      convene_store_close (store);
      _exit (0);
    }

  close (ready[1]);
  close (done[0]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);

  {
    g_autoptr(ConveneStore) store = NULL;
    g_autoptr(ConveneProject) project = NULL;
    g_autoptr(GError) error = NULL;
    gint64 start = g_get_monotonic_time ();

    store = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
    g_assert_no_error (error);
    /* It waited for the other one, then gave up on writing. */
    g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC / 2);
    g_assert_true (convene_store_is_read_only (store));
    g_assert_cmpstr (convene_store_get_read_only_reason (store), ==,
                     "The project is open in another window.");

    project = convene_store_load (store, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (convene_project_get_title (project), ==, "Written by the other window");

    convene_store_attach (store, project);
    g_assert_false (convene_store_begin (store, &error));
    g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_READ_ONLY);
    g_assert_nonnull (strstr (error->message, "another window"));
  }

  g_assert_cmpint (write (done[1], &byte, 1), ==, 1);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  close (ready[0]);
  close (done[1]);

  /* Once it is gone, the file is ours to write, and whole. */
  {
    g_autoptr(ConveneStore) store = NULL;
    g_autoptr(GError) error = NULL;

    store = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
    g_assert_no_error (error);
    g_assert_false (convene_store_is_read_only (store));
  }
  g_assert_false (fixture_has_companions (f->path));
}

static void
test_second_store_same_process (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(ConveneStore) first = NULL;
  g_autoptr(ConveneStore) second = NULL;
  g_autoptr(ConveneStore) third = NULL;
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(GError) error = NULL;

  write_full_project (f);
  first = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_false (convene_store_is_read_only (first));

  second = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_true (convene_store_is_read_only (second));
  g_assert_cmpstr (convene_store_get_read_only_reason (second), ==,
                   "The project is open in another window.");

  /* Closing the second must not disturb the first's hold on the file. */
  g_clear_object (&second);
  project = convene_store_load (first, &error);
  g_assert_no_error (error);
  convene_store_attach (first, project);
  g_assert_true (convene_store_begin (first, &error));
  convene_project_set_notes (project, "Still writable");
  g_assert_true (convene_store_commit (first, &error));

  third = convene_store_open (f->file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_true (convene_store_is_read_only (third));
  g_clear_object (&first);

  {
    g_autofree char *notes = fixture_query_text (f->path, "SELECT notes FROM project");
    g_assert_cmpstr (notes, ==, "Still writable");
  }
}

/* ---- copies ---------------------------------------------------------------- */

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
test_save_copy (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *copy_path = g_build_filename (f->dir, "Copy.convene", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-folder/Copy.convene");
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *copied = NULL;
  Open o = { 0, };

  write_full_project (f);
  open_attached (f, &o);
  saved = fixture_dump_project (o.project);

  /* Mid-edit: the store's own connection has written but not committed;
   * the copy holds the last committed state. */
  begin (&o);
  g_assert_cmpint (sqlite3_exec (convene_store_get_connection (o.store),
                                 "UPDATE project SET title = 'half done'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_true (convene_store_save_copy (o.store, copy, &error));
  g_assert_no_error (error);
  convene_store_rollback (o.store);

  g_assert_false (fixture_has_companions (copy_path));
  copied = fixture_dump_file (copy_path);
  g_assert_cmpstr (copied, ==, saved);
  g_clear_pointer (&copied, g_free);
  {
    g_autofree char *mode = fixture_query_text (copy_path, "PRAGMA journal_mode");
    g_assert_cmpstr (mode, ==, "delete");
  }

  /* After an edit, a copy over the old copy holds the edit. */
  begin (&o);
  convene_project_set_title (o.project, "After the edit");
  commit (&o);
  g_assert_true (convene_store_save_copy (o.store, copy, &error));
  g_assert_no_error (error);
  copied = fixture_dump_file (copy_path);
  g_clear_pointer (&saved, g_free);
  saved = fixture_dump_project (o.project);
  g_assert_cmpstr (copied, ==, saved);

  /* The copy is a project of its own, writable. */
  {
    g_autoptr(ConveneStore) other = convene_store_open (copy, CONVENE_STORE_READ_WRITE, &error);

    g_assert_no_error (error);
    g_assert_false (convene_store_is_read_only (other));
  }

  /* A failed copy leaves nothing behind; the project itself is refused. */
  g_assert_false (convene_store_save_copy (o.store, nowhere, &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (convene_store_save_copy (o.store, f->file, &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  close_attached (&o);
  /* The project and the copy, nothing else (no .part, no -wal). */
  g_assert_cmpuint (count_entries (f->dir), ==, 2);
}

/* ---- a full disk ----------------------------------------------------------- */

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *big = g_strnfill (60000, 'n');
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  Open o = { 0, };
  ConveneSession *session;

  write_full_project (f);
  open_attached (f, &o);
  before = fixture_dump_file (f->path);

  /* No page beyond the ones the file has: the next growth fails as a full
   * disk does. */
  g_assert_cmpint (sqlite3_exec (convene_store_get_connection (o.store),
                                 "PRAGMA max_page_count = 1", NULL, NULL, NULL), ==, SQLITE_OK);

  session = nth_session (o.project, 0);
  begin (&o);
  convene_session_set_description (session, big);
  g_assert_false (convene_store_commit (o.store, &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "Side event.convene"));
  g_clear_error (&error);

  {
    g_autofree char *after = fixture_dump_file (f->path);
    g_assert_cmpstr (after, ==, before);
  }

  /* The caller puts the model back (the document reverts the command);
   * with room again, the next change is written. */
  convene_session_set_description (session, "A lunchtime panel on the concept note.");
  g_assert_cmpint (sqlite3_exec (convene_store_get_connection (o.store),
                                 "PRAGMA max_page_count = 1000000", NULL, NULL, NULL), ==, SQLITE_OK);
  begin (&o);
  convene_session_set_room (session, "Room XIX");
  commit (&o);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT length(description) FROM session WHERE room = 'Room XIX'"),
                   <, 1000);
  assert_file_matches (f, &o);

  close_attached (&o);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("create-refuses-existing", test_create_refuses_existing);
  ADD ("not-found", test_not_found);
  ADD ("symlink-refused", test_symlink_refused);
  ADD ("changes-written", test_changes_written);
  ADD ("changes-without-handlers", test_changes_without_handlers);
  ADD ("bad/not-sqlite", test_not_sqlite);
  ADD ("bad/foreign", test_foreign);
  ADD ("bad/truncated", test_truncated);
  ADD ("bad/corrupt-pages", test_corrupt_pages);
  ADD ("bad/too-new", test_too_new);
  ADD ("bad/unexpected-schema", test_unexpected_schema);
  ADD ("bad/invalid-values", test_invalid_values);
  ADD ("bad/every-check", test_every_check_refused);
  ADD ("bad/view-setting", test_bad_view_setting);
  ADD ("bad/time-zone", test_bad_time_zone);
  ADD ("read-only/mode", test_read_only_mode);
  ADD ("read-only/permissions", test_read_only_permissions);
  ADD ("migration/from-1", test_migration_from_1);
  ADD ("migration/from-2", test_migration_from_2);
  ADD ("migration/from-3", test_migration_from_3);
  ADD ("migration/to-uuids", test_migration_to_uuids);
  ADD ("uuids-saved", test_uuids_saved);
  ADD ("migration/to-live", test_migration_to_live);
  ADD ("migration/to-view-settings", test_migration_to_view_settings);
  ADD ("migration/from-4", test_migration_from_4);
  ADD ("migration/refuses-bad-data", test_migration_refuses_bad_data);
  g_test_add_func ("/store/migration/steps", test_schema_steps);
  ADD ("second-process", test_second_process);
  ADD ("second-store-same-process", test_second_store_same_process);
  ADD ("save-copy", test_save_copy);
  ADD ("disk-full", test_disk_full);

  return g_test_run ();
}
