/* The document: every edit, undo and redo is in the file the moment it is
 * made; a refused write leaves model and file agreeing. */
#include "config.h"

#include <glib/gstdio.h>

#include "convene-document-private.h"
#include "convene-edits.h"
#include "convene-json.h"
#include "convene-limits.h"
#include "convene-validate.h"
#include "convene-store-private.h"
#include "store-fixtures.h"

typedef struct
{
  char *dir;
  char *path;
  GFile *file;
  ConveneDocument *document;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ConveneProject) project = fixture_full_project ();
  g_autoptr(GError) error = NULL;

  f->dir = fixture_make_dir ();
  f->path = g_build_filename (f->dir, "Workshop.convene", NULL);
  f->file = g_file_new_for_path (f->path);
  fixture_write_project (f->path, project);

  f->document = convene_document_open (f->file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->document != NULL)
    convene_document_close (f->document);
  g_clear_object (&f->document);
  g_assert_false (fixture_has_companions (f->path));
  fixture_remove_dir (f->dir);
  g_clear_object (&f->file);
  g_free (f->path);
  g_free (f->dir);
}

/* The file, read by a second store, says what the model says. */
static void
assert_persisted (Fixture *f)
{
  g_autofree char *expected = fixture_dump_project (convene_document_get_project (f->document));
  g_autofree char *actual = fixture_dump_file (f->path);

  g_assert_cmpstr (actual, ==, expected);
}

static void
perform (Fixture        *f,
         ConveneCommand *command)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (command);
  g_assert_true (convene_document_perform (f->document, command, &error));
  g_assert_no_error (error);
  assert_persisted (f);
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
find_kind (ConveneSession     *session,
           ConveneSegmentKind  kind)
{
  GListModel *segments = G_LIST_MODEL (convene_session_get_segments (session));

  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);

      if (convene_segment_get_kind (segment) == kind)
        return segment;
    }
  g_assert_not_reached ();
}

static void
test_edits_persisted (Fixture       *f,
                      gconstpointer  data)
{
  ConveneProject *project = convene_document_get_project (f->document);
  ConveneHistory *history = convene_document_get_history (f->document);
  ConveneSession *first = nth_session (project, 0);
  ConveneSession *second = nth_session (project, 1);
  ConveneSegment *panel = find_kind (first, CONVENE_SEGMENT_KIND_PANEL);
  ConveneSegment *item = nth_segment (convene_segment_get_items (panel), 0);
  ConveneSpeaker *speaker;
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(ConveneSegment) segment = NULL;
  g_autoptr(ConveneSegment) talk = NULL;
  g_autoptr(ConveneSpeaker) person = NULL;
  g_autoptr(ConveneAssignment) assignment = NULL;
  g_autoptr(ConveneAssignment) first_assignment = NULL;
  g_autoptr(ConveneOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  guint n_performed = 0;
  g_autoptr(GPtrArray) dumps = g_ptr_array_new_with_free_func (g_free);

#define STEP(command) \
  G_STMT_START { \
    g_ptr_array_add (dumps, fixture_dump_project (project)); \
    perform (f, (command)); \
    n_performed++; \
  } G_STMT_END

  session = convene_session_new (convene_project_new_id (project), "Breakfast briefing",
                                 "2025-06-13", 8 * 60, 45);
  STEP (convene_edit_add_session (project, session, 0));

  segment = convene_segment_new (convene_project_new_id (project), CONVENE_SEGMENT_KIND_PANEL,
                                 "Briefing panel", 30);
  STEP (convene_edit_add_segment (project, session, NULL, 0, segment, &error));
  talk = convene_segment_new (convene_project_new_id (project), CONVENE_SEGMENT_KIND_PRESENTATION,
                              "Talk one", 10);
  STEP (convene_edit_add_segment (project, session, segment, 0, talk, &error));

  STEP (convene_edit_set_text (item, "title", "Talk A — revised", &error));
  STEP (convene_edit_set_number (item, "duration", 42, &error));
  STEP (convene_edit_set_number (panel, "fixed-start", 13 * 60, &error));
  STEP (convene_edit_set_number (first, "start-time", 12 * 60, &error));
  STEP (convene_edit_set_number (first, "slot-minutes", 120, &error));
  STEP (convene_edit_set_text (project, "venue", "CICG, Genève", &error));
  STEP (convene_edit_set_text (first, "date", "2025-06-14", &error));
  STEP (convene_edit_set_number (panel, "kind", CONVENE_SEGMENT_KIND_DISCUSSION, &error));

  /* Items in and out of a segment, and within the session. */
  STEP (convene_edit_move_segment (project, first, item, NULL, 0, &error));
  STEP (convene_edit_move_segment (project, first, item, panel, 1, &error));
  STEP (convene_edit_move_segment (project, first, panel, NULL, 0, &error));

  person = convene_speaker_new (convene_project_new_id (project), "Grace Hopper");
  STEP (convene_edit_add_speaker (project, person, 0));
  STEP (convene_edit_set_number (person, "status", CONVENE_SPEAKER_STATUS_CONFIRMED, &error));
  assignment = convene_assignment_new_for_segment (convene_project_new_id (project),
                                                   convene_speaker_get_id (person),
                                                   convene_segment_get_id (talk),
                                                   CONVENE_ROLE_PANELIST);
  STEP (convene_edit_add_assignment (project, assignment));
  STEP (convene_edit_set_number (assignment, "role", CONVENE_ROLE_CHAIR, &error));

  outcome = convene_outcome_new (convene_project_new_id (project),
                                 CONVENE_OUTCOME_KIND_FOLLOW_UP, "Share the slides");
  STEP (convene_edit_add_outcome (session, outcome, 0));
  STEP (convene_edit_set_number (outcome, "done", TRUE, &error));
  STEP (convene_edit_set_number (outcome, "owner-id", convene_speaker_get_id (person), &error));
  STEP (convene_edit_link_outcome (project, outcome, talk, &error));
  STEP (convene_edit_set_text (outcome, "due-date", "2025-07-15", &error));
  STEP (convene_edit_set_number (outcome, "result", CONVENE_OUTCOME_RESULT_MET, &error));

  /* Removals that reach into other lists: assignments, outcome links. */
  STEP (convene_edit_remove_segment (project, first, panel));
  STEP (convene_edit_remove_segment (project, session, segment));
  speaker = g_list_model_get_item (G_LIST_MODEL (convene_project_get_speakers (project)), 1);
  g_object_unref (speaker);
  STEP (convene_edit_remove_speaker (project, speaker));
  STEP (convene_edit_remove_outcome (project, session, outcome));
  STEP (convene_edit_remove_session (project, second));
  first_assignment = g_list_model_get_item (G_LIST_MODEL (convene_project_get_assignments (project)), 0);
  STEP (convene_edit_remove_assignment (project, first_assignment));
#undef STEP

  g_assert_true (convene_history_get_can_undo (history));
  g_ptr_array_add (dumps, fixture_dump_project (project));

  /* Undo each, checking the file at every step back... */
  for (guint i = n_performed; i > 0; i--)
    {
      g_autofree char *now = NULL;

      g_assert_true (convene_document_undo (f->document, &error));
      g_assert_no_error (error);
      assert_persisted (f);
      now = fixture_dump_project (project);
      g_assert_cmpstr (now, ==, g_ptr_array_index (dumps, i - 1));
    }
  g_assert_false (convene_history_get_can_undo (history));

  /* ...and redo each. */
  for (guint i = 1; i <= n_performed; i++)
    {
      g_autofree char *now = NULL;

      g_assert_true (convene_document_redo (f->document, &error));
      g_assert_no_error (error);
      assert_persisted (f);
      now = fixture_dump_project (project);
      g_assert_cmpstr (now, ==, g_ptr_array_index (dumps, i));
    }
  g_assert_false (convene_history_get_can_redo (history));

  /* A reopened document holds the final state. */
  {
    g_autofree char *expected = fixture_dump_project (project);
    g_autoptr(ConveneDocument) again = NULL;
    g_autofree char *actual = NULL;

    convene_document_close (f->document);
    g_clear_object (&f->document);
    again = convene_document_open (f->file, CONVENE_STORE_READ_WRITE, &error);
    g_assert_no_error (error);
    g_assert_false (convene_document_get_read_only (again));
    actual = fixture_dump_project (convene_document_get_project (again));
    g_assert_cmpstr (actual, ==, expected);
    convene_document_close (again);
  }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_undo_properties (Fixture       *f,
                      gconstpointer  data)
{
  ConveneProject *project = convene_document_get_project (f->document);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneProject) got_project = NULL;
  g_autoptr(GFile) got_file = NULL;
  guint undo_notes = 0, redo_notes = 0;
  gboolean can_undo = TRUE;

  g_object_get (f->document, "project", &got_project, "file", &got_file,
                "can-undo", &can_undo, NULL);
  g_assert_true (got_project == project);
  g_assert_true (g_file_equal (got_file, f->file));
  g_assert_false (can_undo);

  g_signal_connect (f->document, "notify::can-undo", G_CALLBACK (count_notify), &undo_notes);
  g_signal_connect (f->document, "notify::can-redo", G_CALLBACK (count_notify), &redo_notes);

  perform (f, convene_edit_set_text (project, "title", "One", &error));
  g_assert_cmpuint (undo_notes, ==, 1);
  perform (f, convene_edit_set_text (project, "title", "Two", &error));
  g_assert_cmpuint (undo_notes, ==, 1);

  g_assert_true (convene_document_undo (f->document, &error));
  g_assert_cmpuint (redo_notes, ==, 1);
  g_assert_true (convene_document_undo (f->document, &error));
  g_assert_cmpuint (undo_notes, ==, 2);
  g_object_get (f->document, "can-undo", &can_undo, NULL);
  g_assert_false (can_undo);
  g_assert_true (convene_document_get_read_only (f->document) == FALSE);

  /* Nothing left to undo is not an error. */
  g_assert_true (convene_document_undo (f->document, &error));
  g_assert_no_error (error);
  assert_persisted (f);
}

static void
set_page_budget (Fixture    *f,
                 const char *pragma)
{
  sqlite3 *db = convene_store_get_connection (convene_document_get_store (f->document));

  char *message = NULL;

  if (sqlite3_exec (db, pragma, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", pragma, message);
}

static void
test_disk_full_reverts (Fixture       *f,
                        gconstpointer  data)
{
  ConveneProject *project = convene_document_get_project (f->document);
  ConveneHistory *history = convene_document_get_history (f->document);
  g_autofree char *big = g_strnfill (60000, 'z');
  g_autofree char *model_before = fixture_dump_project (project);
  g_autofree char *file_before = fixture_dump_file (f->path);
  g_autoptr(GError) error = NULL;
  ConveneSession *session = nth_session (project, 0);
  g_autoptr(ConveneSegment) segment = NULL;
  guint n_segments = g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_segments (session)));

  /* The file may not grow by a single page: as good as a full disk. */
  set_page_budget (f, "PRAGMA max_page_count = 1");

  segment = convene_segment_new (convene_project_new_id (project), CONVENE_SEGMENT_KIND_BREAK,
                                 "Coffee", 15);
  convene_segment_set_notes (segment, big);
  g_assert_false (convene_document_perform (f->document,
                                            convene_edit_add_segment (project, session, NULL, 0,
                                                                      segment, &error),
                                            &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "Workshop.convene"));
  g_clear_error (&error);

  /* The model is back where the file is, and nothing can be undone. */
  {
    g_autofree char *model_after = fixture_dump_project (project);
    g_autofree char *file_after = fixture_dump_file (f->path);

    g_assert_cmpstr (model_after, ==, model_before);
    g_assert_cmpstr (file_after, ==, file_before);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_segments (session))),
                      ==, n_segments);
    g_assert_false (convene_history_get_can_undo (history));
  }

  /* With room again the same edit goes through, and small edits did all along. */
  set_page_budget (f, "PRAGMA max_page_count = 1000000");
  perform (f, convene_edit_add_segment (project, session, NULL, 0, segment, &error));
  g_assert_true (convene_history_get_can_undo (history));

  /* Redo that cannot be written leaves the command on the redo stack. */
  g_assert_true (convene_document_undo (f->document, &error));
  assert_persisted (f);
  /* VACUUM drops the pages the undo freed, so redo must grow the file. */
  sqlite3_limit (convene_store_get_connection (convene_document_get_store (f->document)),
                 SQLITE_LIMIT_ATTACHED, 1);
  set_page_budget (f, "VACUUM");
  set_page_budget (f, "PRAGMA max_page_count = 1");
  g_assert_false (convene_document_redo (f->document, &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_DISK_FULL);
  g_clear_error (&error);
  g_assert_true (convene_history_get_can_redo (history));
  assert_persisted (f);
  {
    g_autofree char *model_after = fixture_dump_project (project);

    g_assert_cmpstr (model_after, ==, model_before);
  }

  set_page_budget (f, "PRAGMA max_page_count = 1000000");
  g_assert_true (convene_document_redo (f->document, &error));
  g_assert_no_error (error);
  assert_persisted (f);
}

static void
count_changes (ConveneDocument *document,
               ConveneChanges  *changes,
               guint           *count)
{
  (*count)++;
}

/* How the project is looked at is kept in its file but is no edit: no
 * history, no change feed; a read-only project keeps it while open. */
static void
test_view_settings (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ConveneDocument) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint heard = 0;

  g_signal_connect (f->document, "changed", G_CALLBACK (count_changes), &heard);
  g_assert_null (convene_document_dup_view_setting (f->document, "timeline-zoom"));
  g_assert_true (convene_document_set_view_setting (f->document, "timeline-zoom", "3", &error));
  g_assert_no_error (error);
  value = convene_document_dup_view_setting (f->document, "timeline-zoom");
  g_assert_cmpstr (value, ==, "3");
  g_assert_false (convene_history_get_can_undo (convene_document_get_history (f->document)));
  g_assert_cmpuint (heard, ==, 0);
  convene_document_close (f->document);
  g_clear_object (&f->document);

  before = fixture_checksum (f->path);
  reader = convene_document_open (f->file, CONVENE_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_pointer (&value, g_free);
  value = convene_document_dup_view_setting (reader, "timeline-zoom");
  g_assert_cmpstr (value, ==, "3");
  g_assert_true (convene_document_set_view_setting (reader, "timeline-zoom", "5", &error));
  g_assert_no_error (error);
  g_clear_pointer (&value, g_free);
  value = convene_document_dup_view_setting (reader, "timeline-zoom");
  g_assert_cmpstr (value, ==, "5");
  convene_document_close (reader);
  after = fixture_checksum (f->path);
  g_assert_cmpstr (after, ==, before);

  f->document = convene_document_open (f->file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
}

static void
test_read_only_refuses (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ConveneDocument) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *reason = NULL;
  ConveneProject *project;
  gboolean read_only = FALSE;

  reader = convene_document_open (f->file, CONVENE_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  project = convene_document_get_project (reader);
  before = fixture_dump_project (project);

  g_object_get (reader, "read-only", &read_only, "read-only-reason", &reason, NULL);
  g_assert_true (read_only);
  g_assert_cmpstr (reason, ==, "The project was opened for reading only.");

  g_assert_false (convene_document_perform (reader,
                                            convene_edit_set_text (project, "title", "Nope", NULL),
                                            &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "Workshop.convene"));
  g_clear_error (&error);

  after = fixture_dump_project (project);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (convene_history_get_can_undo (convene_document_get_history (reader)));

  /* A command that could not be built: its error is kept. */
  g_assert_false (convene_document_perform (reader,
                                            convene_edit_set_number (project, "no-such", 1, &error),
                                            &error));
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND);

  convene_document_close (reader);
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "New.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSession) session = NULL;
  ConveneProject *project;

  document = convene_document_create (file, NULL, &error);
  g_assert_no_error (error);
  project = convene_document_get_project (document);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (project))), ==, 0);

  session = convene_session_new (convene_project_new_id (project), "First", "2025-01-01", 600, 60);
  g_assert_true (convene_document_perform (document, convene_edit_add_session (project, session, 0),
                                           &error));
  g_assert_no_error (error);
  convene_document_close (document);
  g_assert_true (convene_document_get_read_only (document));

  g_clear_object (&document);
  document = convene_document_create (file, NULL, &error);
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  document = convene_document_open (file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  project = convene_document_get_project (document);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (project))), ==, 1);
  convene_document_close (document);
}

/* A project holding the largest id an import takes still grows, and the
 * file it then is opens again. */
static void
test_room_to_grow (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Large ids.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneProject) imported = NULL;
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(ConveneSpeaker) person = NULL;
  g_autoptr(GError) error = NULL;
  ConveneProject *project;
  const char json[] = "{\"format\": \"convene-project\", \"version\": 1, \"project\": {}, "
                      "\"speakers\": [{\"id\": 4611686018427387904, \"name\": \"Ada\"}]}";

  imported = convene_json_import (json, sizeof json - 1, &error);
  g_assert_no_error (error);
  document = convene_document_create (file, imported, &error);
  g_assert_no_error (error);
  project = convene_document_get_project (document);
  person = convene_speaker_new (convene_project_new_id (project), "Grace");
  g_assert_true (convene_document_perform (document, convene_edit_add_speaker (project, person, 1), &error));
  g_assert_no_error (error);
  g_assert_cmpint (convene_speaker_get_id (person), ==, CONVENE_MAX_ID + 1);
  convene_document_close (document);
  g_clear_object (&document);

  document = convene_document_open (file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  project = convene_document_get_project (document);
  g_assert_nonnull (convene_project_find_speaker (project, CONVENE_MAX_ID + 1));
  convene_document_close (document);
}


/* The change feed: one announcement per perform, undo and redo, naming what
 * changed and which sessions it touched; none for a refused edit. */
typedef struct
{
  guint           count;
  ConveneChanges *last;
} Heard;

static void
heard_changed (ConveneDocument *document,
               ConveneChanges  *changes,
               Heard           *heard)
{
  heard->count++;
  g_clear_pointer (&heard->last, convene_changes_unref);
  heard->last = convene_changes_ref (changes);
}

static void
expect_one (Heard *heard,
            guint *count)
{
  g_assert_cmpuint (heard->count, ==, *count + 1);
  g_assert_nonnull (heard->last);
  *count = heard->count;
}

static void
test_change_feed (Fixture       *f,
                  gconstpointer  data)
{
  ConveneProject *project = convene_document_get_project (f->document);
  ConveneSession *first = nth_session (project, 0);
  ConveneSession *second = nth_session (project, 1);
  ConveneSegment *panel = find_kind (first, CONVENE_SEGMENT_KIND_PANEL);
  ConveneSegment *item = nth_segment (convene_segment_get_items (panel), 0);
  ConveneSchedule *schedule;
  const ConveneScheduleEntry *entry;
  g_autoptr(ConveneSpeaker) person = NULL;
  g_autoptr(GError) error = NULL;
  Heard heard = { 0, };
  guint count = 0;

  g_signal_connect (f->document, "changed", G_CALLBACK (heard_changed), &heard);

  /* A session's start moves its times, not the other session's. */
  schedule = convene_document_get_schedule (f->document, first);
  g_assert_true (schedule == convene_document_get_schedule (f->document, first));
  perform (f, convene_edit_set_number (first, "start-time", 7 * 60, &error));
  expect_one (&heard, &count);
  g_assert_true (convene_changes_has (heard.last, CONVENE_CHANGE_SESSIONS));
  g_assert_false (convene_changes_has (heard.last, CONVENE_CHANGE_SEGMENTS | CONVENE_CHANGE_PROJECT));
  g_assert_true (convene_changes_contains (heard.last, first));
  g_assert_true (convene_changes_touches_session (heard.last, first));
  g_assert_false (convene_changes_touches_session (heard.last, second));
  g_assert_true (convene_changes_moves_times (heard.last, first));
  g_assert_false (convene_changes_moves_times (heard.last, second));
  {
    g_autofree char *clock = convene_schedule_format_clock (convene_document_get_schedule (f->document, first),
                                                            0, FALSE);
    g_assert_cmpstr (clock, ==, "07:00");
  }

  /* An item's length: the segment is named, and its session. */
  perform (f, convene_edit_set_number (item, "duration", convene_segment_get_duration (item) + 5, &error));
  expect_one (&heard, &count);
  g_assert_true (convene_changes_has (heard.last, CONVENE_CHANGE_SEGMENTS));
  g_assert_true (convene_changes_contains (heard.last, item));
  g_assert_true (convene_changes_touches_session (heard.last, first));
  g_assert_false (convene_changes_touches_session (heard.last, second));
  schedule = convene_document_get_schedule (f->document, first);
  entry = convene_schedule_lookup (schedule, nth_segment (convene_segment_get_items (panel), 1));
  g_assert_nonnull (entry);

  /* Undo and redo announce the same things. */
  g_assert_true (convene_document_undo (f->document, &error));
  expect_one (&heard, &count);
  g_assert_true (convene_changes_contains (heard.last, item));
  g_assert_true (convene_changes_touches_session (heard.last, first));
  g_assert_true (convene_document_redo (f->document, &error));
  expect_one (&heard, &count);
  g_assert_true (convene_changes_contains (heard.last, item));

  /* Removing an item names it and the panel that lost it. */
  perform (f, convene_edit_remove_segment (project, first, item));
  expect_one (&heard, &count);
  g_assert_true (convene_changes_contains (heard.last, panel));
  g_assert_true (convene_changes_contains (heard.last, item));
  g_assert_true (convene_changes_touches_session (heard.last, first));
  g_assert_null (convene_schedule_lookup (convene_document_get_schedule (f->document, first), item));
  g_assert_true (convene_document_undo (f->document, &error));
  expect_one (&heard, &count);
  g_assert_nonnull (convene_schedule_lookup (convene_document_get_schedule (f->document, first), item));

  /* The project's time zone moves every session's times. */
  perform (f, convene_edit_set_text (project, "time-zone", "Asia/Tokyo", &error));
  expect_one (&heard, &count);
  g_assert_true (convene_changes_has (heard.last, CONVENE_CHANGE_PROJECT));
  g_assert_true (convene_changes_moves_times (heard.last, second));
  g_assert_false (convene_changes_touches_session (heard.last, second));

  /* People: flags, not sessions. */
  person = convene_speaker_new (convene_project_new_id (project), "Grace Hopper");
  /* Held, so that a new schedule could not take the old one's address. */
  schedule = convene_schedule_ref (convene_document_get_schedule (f->document, first));
  perform (f, convene_edit_add_speaker (project, person, 0));
  /* A new person moves no times: the shared schedule is kept. */
  g_assert_true (convene_document_get_schedule (f->document, first) == schedule);
  convene_schedule_unref (schedule);
  expect_one (&heard, &count);
  g_assert_true (convene_changes_has (heard.last, CONVENE_CHANGE_SPEAKERS));
  g_assert_true (convene_changes_contains (heard.last, person));
  g_assert_false (convene_changes_touches_session (heard.last, first));

  /* A session leaving the project is named. */
  perform (f, convene_edit_remove_session (project, second));
  expect_one (&heard, &count);
  g_assert_true (convene_changes_touches_session (heard.last, second));
  g_assert_true (convene_changes_contains (heard.last, project));

  /* Nothing to undo, and a refused edit, say nothing. */
  convene_document_close (f->document);
  g_assert_false (convene_document_perform (f->document,
                                            convene_edit_set_text (project, "title", "Late", &error),
                                            &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (heard.count, ==, count);
  g_clear_pointer (&heard.last, convene_changes_unref);
}

/* ---- the file moved, renamed or deleted while open ----------------------- */

static ConveneSpeaker *
add_person (Fixture    *f,
            const char *name,
            GError    **error)
{
  ConveneProject *project = convene_document_get_project (f->document);
  ConveneSpeaker *person = convene_speaker_new (convene_project_new_id (project), name);

  if (!convene_document_perform (f->document, convene_edit_add_speaker (project, person, 0), error))
    g_clear_object (&person);
  return person;
}

/* The people of the project file at path, read as another program would
 * (immutable: the file alone, no -wal, no locks, nothing shared with the
 * store that may still hold it), as "name|name|…". */
static char *
people_in_file (const char *path)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?immutable=1", escaped);
  g_autoptr(GString) names = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM speaker ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (names, "%s%s", names->len > 0 ? "|" : "", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
has_person (ConveneProject *project,
            const char     *name)
{
  GListModel *speakers = G_LIST_MODEL (convene_project_get_speakers (project));

  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (speakers, i);

      if (g_str_equal (convene_speaker_get_name (speaker), name))
        return TRUE;
    }
  return FALSE;
}

/* After the file went away: the next edit is refused in words that name the
 * file and say what to do, the model is as before, the document is
 * read-only, and every earlier edit is in the file wherever it is. Then
 * "Save a Copy" goes on in the copy, undo included. */
static void
check_gone (Fixture               *f,
            ConveneStoreFileState  expected,
            const char            *moved_to,
            const char            *sentence)
{
  ConveneProject *project = convene_document_get_project (f->document);
  g_autofree char *copy_path = g_build_filename (f->dir, "Rescued.convene", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(ConveneSpeaker) refused = NULL;
  g_autoptr(ConveneSpeaker) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = fixture_dump_project (project);
  g_autofree char *after = NULL;
  g_autofree char *reason = NULL;
  guint notified = 0;

  g_signal_connect (f->document, "notify::read-only", G_CALLBACK (count_notify), &notified);
  refused = add_person (f, "Refused Person", &error);
  g_assert_null (refused);
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_GONE);
  g_assert_nonnull (strstr (error->message, "Workshop.convene"));
  g_assert_nonnull (strstr (error->message, sentence));
  g_clear_error (&error);
  after = fixture_dump_project (project);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (has_person (project, "Refused Person"));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (convene_document_get_read_only (f->document));
  g_assert_cmpint (convene_document_get_file_state (f->document), ==, expected);
  g_object_get (f->document, "read-only-reason", &reason, NULL);
  g_assert_nonnull (strstr (reason, "save a copy"));

  /* Refused again, the same way, without a second notice. */
  refused = add_person (f, "Refused Person", &error);
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_GONE);
  g_clear_error (&error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (convene_document_check_file (f->document), ==, expected);
  g_signal_handlers_disconnect_by_func (f->document, count_notify, &notified);

  /* Nothing of it in a -wal beside the old path; the file holds it all. */
  if (moved_to != NULL)
    {
      g_autofree char *people = people_in_file (moved_to);

      g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
      g_assert_true (g_str_has_prefix (people, "Ada Early|Speaker"));
      g_assert_null (strstr (people, "Refused"));
    }

  /* Save a Copy, and go on working in it. */
  g_assert_true (convene_document_save_as (f->document, copy, &error));
  g_assert_no_error (error);
  g_assert_false (convene_document_get_read_only (f->document));
  g_assert_true (g_file_equal (convene_document_get_file (f->document), copy));
  g_assert_cmpint (convene_document_get_file_state (f->document), ==, CONVENE_STORE_FILE_IN_PLACE);
  later = add_person (f, "Later Person", &error);
  g_assert_no_error (error);
  g_assert_nonnull (later);
  g_assert_true (convene_document_undo (f->document, &error));
  g_assert_true (convene_document_redo (f->document, &error));
  g_assert_no_error (error);
  {
    g_autofree char *expected_dump = fixture_dump_project (project);
    g_autofree char *copied = fixture_dump_file (copy_path);

    g_assert_cmpstr (copied, ==, expected_dump);
  }

  /* The old place is clean: no -wal or -shm left where the file was. */
  g_assert_false (fixture_has_companions (f->path));
  convene_document_close (f->document);
  g_assert_false (fixture_has_companions (copy_path));
  if (moved_to != NULL)
    g_assert_false (fixture_has_companions (moved_to));
}

static void
test_file_moved (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *moved = g_build_filename (f->dir, "Elsewhere.convene", NULL);
  g_autoptr(ConveneSpeaker) early = NULL;
  g_autoptr(GError) error = NULL;

  early = add_person (f, "Ada Early", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_rename (f->path, moved), ==, 0);
  check_gone (f, CONVENE_STORE_FILE_MOVED, moved, "moved or renamed");

  /* The moved file opens on its own, with the edit made before the move. */
  {
    g_autofree char *people = people_in_file (moved);

    g_assert_true (g_str_has_prefix (people, "Ada Early|Speaker"));
    g_assert_null (strstr (people, "Later"));
  }
}

static void
test_file_deleted (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ConveneSpeaker) early = NULL;
  g_autoptr(GError) error = NULL;

  early = add_person (f, "Ada Early", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  check_gone (f, CONVENE_STORE_FILE_DELETED, NULL, "deleted");
  g_assert_true (has_person (convene_document_get_project (f->document), "Ada Early"));
}

/* Another program saved a file of its own under the name (written beside
 * it, renamed over it): the project's file is gone, the other file is left
 * exactly as it is. */
static void
test_file_replaced (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.tmp", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ConveneSpeaker) refused = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (other, "Not a project any more", -1, NULL));
  g_assert_cmpint (g_rename (other, f->path), ==, 0);
  before = fixture_checksum (f->path);
  refused = add_person (f, "Refused Person", &error);
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_GONE);
  g_assert_cmpint (convene_document_get_file_state (f->document), ==, CONVENE_STORE_FILE_DELETED);
  convene_document_close (f->document);
  after = fixture_checksum (f->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (g_unlink (f->path), ==, 0);
}

/* Moved, then closed without another edit: the edits go into the moved
 * file, not into a -wal left beside the old path. */
static void
test_file_moved_then_closed (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *moved = g_build_filename (f->dir, "Elsewhere.convene", NULL);
  g_autoptr(ConveneSpeaker) early = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *people = NULL;

  early = add_person (f, "Ada Early", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_rename (f->path, moved), ==, 0);
  convene_document_close (f->document);
  g_assert_false (fixture_has_companions (f->path));
  g_assert_false (fixture_has_companions (moved));
  people = people_in_file (moved);
  g_assert_true (g_str_has_prefix (people, "Ada Early|Speaker"));
}

/* Renaming the open file: the document goes on in it (edits, undo, redo),
 * nothing is left under the old name, and a name taken is refused with
 * both files untouched. */
static void
test_file_renamed (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *renamed_path = g_build_filename (f->dir, "Briefing.convene", NULL);
  g_autofree char *taken_path = g_build_filename (f->dir, "Taken.convene", NULL);
  g_autoptr(GFile) renamed = g_file_new_for_path (renamed_path);
  g_autoptr(GFile) taken = g_file_new_for_path (taken_path);
  g_autoptr(ConveneSpeaker) early = NULL;
  g_autoptr(ConveneSpeaker) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  guint notified = 0;

  early = add_person (f, "Ada Early", &error);
  g_assert_no_error (error);
  g_signal_connect (f->document, "notify::file", G_CALLBACK (count_notify), &notified);
  g_assert_true (convene_document_rename (f->document, renamed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (g_file_equal (convene_document_get_file (f->document), renamed));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_false (fixture_has_companions (f->path));
  g_assert_false (convene_document_get_read_only (f->document));

  later = add_person (f, "Later Person", &error);
  g_assert_no_error (error);
  g_assert_true (convene_document_undo (f->document, &error));
  g_assert_true (convene_document_redo (f->document, &error));
  g_assert_no_error (error);
  {
    g_autofree char *expected = fixture_dump_project (convene_document_get_project (f->document));
    g_autofree char *actual = fixture_dump_file (renamed_path);

    g_assert_cmpstr (actual, ==, expected);
  }

  /* A name taken: refused, the other file as it was, work goes on. */
  g_assert_true (g_file_set_contents (taken_path, "another project", -1, NULL));
  g_assert_false (convene_document_rename (f->document, taken, &error));
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (taken_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "another project");
  g_assert_true (g_file_equal (convene_document_get_file (f->document), renamed));
  g_assert_false (convene_document_get_read_only (f->document));
  g_clear_object (&later);
  later = add_person (f, "Last Person", &error);
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_func (f->document, count_notify, &notified);

  convene_document_close (f->document);
  g_assert_false (fixture_has_companions (renamed_path));
  {
    g_autofree char *people = people_in_file (renamed_path);

    g_assert_nonnull (strstr (people, "Last Person"));
    g_assert_nonnull (strstr (people, "Later Person"));
  }
  g_remove (taken_path);
  /* The fixture's tear-down finds the file under its first name. */
  g_assert_cmpint (g_rename (renamed_path, f->path), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/document/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("edits-persisted", test_edits_persisted);
  ADD ("undo-properties", test_undo_properties);
  ADD ("disk-full-reverts", test_disk_full_reverts);
  ADD ("read-only-refuses", test_read_only_refuses);
  ADD ("view-settings", test_view_settings);
  ADD ("create", test_create);
  ADD ("room-to-grow", test_room_to_grow);
  ADD ("change-feed", test_change_feed);
  ADD ("file/moved", test_file_moved);
  ADD ("file/deleted", test_file_deleted);
  ADD ("file/replaced", test_file_replaced);
  ADD ("file/moved-then-closed", test_file_moved_then_closed);
  ADD ("file/renamed", test_file_renamed);

  return g_test_run ();
}
