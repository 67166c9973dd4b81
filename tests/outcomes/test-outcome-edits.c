/* The outcomes checklist edited as a planner edits it: every edit goes
 * through a document on a real project file, the file is read again after
 * each one, and undo and redo walk the whole way back and forth. */
#include "config.h"

#include <string.h>

#include "convene-document.h"
#include "convene-edits.h"
#include "convene-json.h"
#include "convene-limits.h"
#include "convene-outcomes.h"
#include "convene-validate.h"
#include "store-fixtures.h"

typedef struct
{
  char *dir;
  char *path;
  GFile *file;
  ConveneDocument *document;
  ConveneProject *project;       /* borrowed from the document */
  ConveneSession *side_event;    /* borrowed */
  ConveneSession *debrief;       /* borrowed */
  GPtrArray *dumps;              /* the project before each step */
  guint n_performed;
} Fixture;

static ConveneProject *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CONVENE_SOURCE_DIR"), "data", "examples",
                                            "side-event.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ConveneProject *project = convene_json_import_file (file, &error);

  g_assert_no_error (error);
  return project;
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

static ConveneOutcome *
nth_outcome (ConveneSession *session,
             guint           n)
{
  g_autoptr(ConveneOutcome) outcome =
    g_list_model_get_item (G_LIST_MODEL (convene_session_get_outcomes (session)), n);
  return outcome;
}

/* The example side event, plus a debrief session of its own with a segment
 * and a follow-up linked to it. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ConveneProject) project = load_example ();
  g_autoptr(ConveneSession) debrief = NULL;
  g_autoptr(ConveneSegment) meeting = NULL;
  g_autoptr(ConveneOutcome) minutes = NULL;
  g_autoptr(ConveneOutcomeLink) link = NULL;
  g_autoptr(GError) error = NULL;

  debrief = convene_session_new (convene_project_new_id (project), "Debrief", "2027-05-24", 9 * 60, 30);
  g_list_store_append (convene_project_get_sessions (project), debrief);
  meeting = convene_segment_new (convene_project_new_id (project), CONVENE_SEGMENT_KIND_CUSTOM,
                                 "Debrief meeting", 30);
  g_list_store_append (convene_session_get_segments (debrief), meeting);
  minutes = convene_outcome_new (convene_project_new_id (project), CONVENE_OUTCOME_KIND_FOLLOW_UP,
                                 "Circulate the minutes");
  g_list_store_append (convene_session_get_outcomes (debrief), minutes);
  link = convene_outcome_link_new (convene_project_new_id (project), convene_outcome_get_id (minutes),
                                   convene_segment_get_id (meeting));
  g_list_store_append (convene_project_get_outcome_links (project), link);

  f->dir = fixture_make_dir ();
  f->path = g_build_filename (f->dir, "Side event.convene", NULL);
  f->file = g_file_new_for_path (f->path);
  f->document = convene_document_create (f->file, project, &error);
  g_assert_no_error (error);
  f->project = convene_document_get_project (f->document);
  f->side_event = nth_session (f->project, 0);
  f->debrief = nth_session (f->project, 1);
  f->dumps = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  convene_document_close (f->document);
  g_clear_object (&f->document);
  g_assert_false (fixture_has_companions (f->path));
  fixture_remove_dir (f->dir);
  g_clear_object (&f->file);
  g_clear_pointer (&f->dumps, g_ptr_array_unref);
  g_free (f->path);
  g_free (f->dir);
}

/* The file, read again by a second store, says what the model says. */
static void
assert_persisted (Fixture *f)
{
  g_autofree char *expected = fixture_dump_project (f->project);
  g_autofree char *actual = fixture_dump_file (f->path);

  g_assert_cmpstr (actual, ==, expected);
}

static void
perform (Fixture        *f,
         ConveneCommand *command,
         const char     *label)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (command);
  g_assert_cmpstr (convene_command_get_label (command), ==, label);
  g_ptr_array_add (f->dumps, fixture_dump_project (f->project));
  g_assert_true (convene_document_perform (f->document, command, &error));
  g_assert_no_error (error);
  f->n_performed++;
  assert_persisted (f);
}

/* An edit that must be refused: no command, the model and the file as they were. */
static void
assert_refused (Fixture        *f,
                ConveneCommand *command,
                GError         *error,
                int             code)
{
  g_autofree char *before = fixture_checksum (f->path);
  g_autofree char *after = NULL;

  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_null (strchr (error->message, '\n'));
  after = fixture_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  assert_persisted (f);
}

static gboolean
is_linked (Fixture        *f,
           ConveneOutcome *outcome,
           ConveneSegment *segment)
{
  return convene_project_find_outcome_link (f->project, convene_outcome_get_id (outcome),
                                            convene_segment_get_id (segment)) != NULL;
}

static guint
n_links (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_outcome_links (f->project)));
}

/* Walks the whole history back, checking model and file against the dump
 * taken before each step, then forward again. */
static void
undo_and_redo_everything (Fixture *f)
{
  ConveneHistory *history = convene_document_get_history (f->document);
  g_autoptr(GError) error = NULL;
  g_autofree char *final = fixture_dump_project (f->project);

  g_ptr_array_add (f->dumps, g_strdup (final));

  for (guint i = f->n_performed; i > 0; i--)
    {
      g_autofree char *now = NULL;

      g_assert_true (convene_document_undo (f->document, &error));
      g_assert_no_error (error);
      assert_persisted (f);
      now = fixture_dump_project (f->project);
      g_assert_cmpstr (now, ==, g_ptr_array_index (f->dumps, i - 1));
    }
  g_assert_false (convene_history_get_can_undo (history));

  for (guint i = 1; i <= f->n_performed; i++)
    {
      g_autofree char *now = NULL;

      g_assert_true (convene_document_redo (f->document, &error));
      g_assert_no_error (error);
      assert_persisted (f);
      now = fixture_dump_project (f->project);
      g_assert_cmpstr (now, ==, g_ptr_array_index (f->dumps, i));
    }
  g_assert_false (convene_history_get_can_redo (history));
}

static void
test_link_and_unlink (Fixture       *f,
                      gconstpointer  data)
{
  ConveneSegment *panel = nth_segment (convene_session_get_segments (f->side_event), 1);
  ConveneSegment *discussion = nth_segment (convene_session_get_segments (f->side_event), 2);
  ConveneSegment *closing = nth_segment (convene_session_get_segments (f->side_event), 3);
  ConveneSegment *talk = nth_segment (convene_segment_get_items (panel), 4);
  ConveneSegment *meeting = nth_segment (convene_session_get_segments (f->debrief), 0);
  ConveneOutcome *dialogue = nth_outcome (f->side_event, 0);
  ConveneOutcome *examples = nth_outcome (f->side_event, 2);
  ConveneOutcome *question = nth_outcome (f->side_event, 5);
  ConveneCommand *command;
  g_autoptr(GPtrArray) segments = NULL;
  GError *error = NULL;

  g_assert_cmpuint (n_links (f), ==, 11);

  /* "Provide specific examples" is also served by the discussion and by one talk. */
  perform (f, convene_edit_link_outcome (f->project, examples, discussion, &error), "Link Segment");
  g_assert_no_error (error);
  perform (f, convene_edit_link_outcome (f->project, examples, talk, &error), "Link Segment");
  g_assert_no_error (error);
  g_assert_true (is_linked (f, examples, discussion));
  g_assert_true (is_linked (f, examples, talk));
  g_assert_cmpuint (n_links (f), ==, 13);
  /* In the order linked, after the panel it had. */
  segments = convene_outcomes_list_segments (f->project, examples);
  g_assert_cmpuint (segments->len, ==, 3);
  g_assert_true (g_ptr_array_index (segments, 0) == panel);
  g_assert_true (g_ptr_array_index (segments, 1) == discussion);
  g_assert_true (g_ptr_array_index (segments, 2) == talk);

  /* Refused: the same pair again, a segment of another session. */
  command = convene_edit_link_outcome (f->project, question, discussion, &error);
  assert_refused (f, command, error, CONVENE_MODEL_ERROR_INVALID_LINK);
  g_assert_nonnull (strstr (error->message, "III. Moderated discussion"));
  g_clear_error (&error);
  command = convene_edit_link_outcome (f->project, question, meeting, &error);
  assert_refused (f, command, error, CONVENE_MODEL_ERROR_INVALID_LINK);
  g_assert_nonnull (strstr (error->message, "another session"));
  g_clear_error (&error);

  /* Unlink the dialogue from the panel; unlinking what is not linked is refused. */
  perform (f, convene_edit_unlink_outcome (f->project, dialogue, panel, &error), "Unlink Segment");
  g_assert_no_error (error);
  g_assert_false (is_linked (f, dialogue, panel));
  g_assert_true (is_linked (f, dialogue, discussion));
  command = convene_edit_unlink_outcome (f->project, dialogue, closing, &error);
  assert_refused (f, command, error, CONVENE_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The question linked once more, to the closing remarks too. */
  perform (f, convene_edit_link_outcome (f->project, question, closing, &error), "Link Segment");
  g_assert_no_error (error);
  g_assert_cmpuint (n_links (f), ==, 13);

  undo_and_redo_everything (f);
  g_assert_true (is_linked (f, question, closing));
  g_assert_false (is_linked (f, dialogue, panel));
}

static void
test_removals_take_links (Fixture       *f,
                          gconstpointer  data)
{
  GListStore *segments = convene_session_get_segments (f->side_event);
  ConveneSegment *panel = nth_segment (segments, 1);
  ConveneSegment *discussion = nth_segment (segments, 2);
  ConveneSegment *talk = nth_segment (convene_segment_get_items (panel), 0);
  ConveneOutcome *dialogue = nth_outcome (f->side_event, 0);
  ConveneOutcome *examples = nth_outcome (f->side_event, 2);
  ConveneOutcome *question = nth_outcome (f->side_event, 3);
  GError *error = NULL;

  perform (f, convene_edit_link_outcome (f->project, examples, talk, &error), "Link Segment");
  g_assert_no_error (error);
  g_assert_cmpuint (n_links (f), ==, 12);

  /* An item goes: only its own link goes with it. */
  perform (f, convene_edit_remove_segment (f->project, f->side_event, talk), "Delete Item");
  g_assert_cmpuint (n_links (f), ==, 11);
  g_assert_true (is_linked (f, examples, panel));

  /* An outcome goes with both its links. */
  perform (f, convene_edit_remove_outcome (f->project, f->side_event, dialogue), "Delete Outcome");
  g_assert_cmpuint (n_links (f), ==, 9);
  g_assert_null (convene_project_find_outcome (f->project, convene_outcome_get_id (dialogue), NULL));

  /* The panel goes: the two objectives it served lose it, nothing else. */
  perform (f, convene_edit_remove_segment (f->project, f->side_event, panel), "Delete Segment");
  g_assert_cmpuint (n_links (f), ==, 7);
  g_assert_false (is_linked (f, examples, panel));
  g_assert_true (is_linked (f, question, discussion));
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM outcome_link"), ==, 7);

  /* The discussion goes: every question is left unlinked, and says so. */
  perform (f, convene_edit_remove_segment (f->project, f->side_event, discussion), "Delete Segment");
  g_assert_cmpuint (n_links (f), ==, 1);
  {
    g_autoptr(GPtrArray) unlinked = convene_outcomes_list_unlinked (f->project, f->side_event);

    /* Two objectives and five questions. */
    g_assert_cmpuint (unlinked->len, ==, 7);
  }

  /* A whole session: its follow-up's link goes with it. */
  perform (f, convene_edit_remove_session (f->project, f->debrief), "Delete Session");
  g_assert_cmpuint (n_links (f), ==, 0);
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM outcome_link"), ==, 0);

  undo_and_redo_everything (f);
}

static void
test_move_result_done (Fixture       *f,
                       gconstpointer  data)
{
  GListStore *outcomes = convene_session_get_outcomes (f->side_event);
  ConveneOutcome *last_question = nth_outcome (f->side_event, 7);
  ConveneOutcome *first_question = nth_outcome (f->side_event, 3);
  g_autoptr(ConveneOutcome) expected = NULL;
  g_autofree char *huge = g_strnfill (CONVENE_MAX_TEXT_BYTES + 1, 'x');
  ConveneCommand *command;
  GError *error = NULL;
  guint position;

  /* The fifth question becomes the first question; objectives stay first. */
  position = convene_outcomes_position_for_kind_index (f->side_event, last_question, 0);
  g_assert_cmpuint (position, ==, 3);
  perform (f, convene_edit_move_outcome (f->side_event, last_question, position, &error), "Move Outcome");
  g_assert_no_error (error);
  g_assert_true (nth_outcome (f->side_event, 3) == last_question);
  g_assert_true (nth_outcome (f->side_event, 4) == first_question);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outcomes)), ==, 8);

  /* Past the end: the last place of the list. */
  perform (f, convene_edit_move_outcome (f->side_event, last_question, 1000, &error), "Move Outcome");
  g_assert_no_error (error);
  g_assert_true (nth_outcome (f->side_event, 7) == last_question);
  /* One of another session cannot be moved here. */
  command = convene_edit_move_outcome (f->side_event, nth_outcome (f->debrief, 0), 0, &error);
  assert_refused (f, command, error, CONVENE_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* After the event: an expected outcome, its result and note in one step. */
  expected = convene_outcome_new (convene_project_new_id (f->project),
                                  CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME,
                                  "Health commitments proposed for the Global Compact");
  perform (f, convene_edit_add_outcome (f->side_event, expected, 3), "Add Outcome");
  perform (f, convene_edit_set_outcome_result (expected, CONVENE_OUTCOME_RESULT_PARTLY_MET,
                                               "Two of four commitments drafted.", &error),
           "Record Result");
  g_assert_no_error (error);
  g_assert_cmpint (convene_outcome_get_result (expected), ==, CONVENE_OUTCOME_RESULT_PARTLY_MET);
  g_assert_cmpstr (convene_outcome_get_result_note (expected), ==, "Two of four commitments drafted.");
  g_assert_cmpint (fixture_query_int (f->path, "SELECT count(*) FROM outcome WHERE result = 'partly-met' "
                                               "AND result_note = 'Two of four commitments drafted.'"), ==, 1);

  command = convene_edit_set_outcome_result (expected, CONVENE_OUTCOME_RESULT_MET, huge, &error);
  assert_refused (f, command, error, CONVENE_MODEL_ERROR_TEXT_TOO_LONG);
  g_clear_error (&error);
  command = convene_edit_set_outcome_result (expected, (ConveneOutcomeResult) 99, "", &error);
  assert_refused (f, command, error, CONVENE_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (convene_outcome_get_result (expected), ==, CONVENE_OUTCOME_RESULT_PARTLY_MET);

  /* Ticked off, and unticked. */
  perform (f, convene_edit_set_outcome_done (first_question, TRUE), "Mark as Done");
  g_assert_true (convene_outcome_get_done (first_question));
  perform (f, convene_edit_set_outcome_done (expected, TRUE), "Mark as Done");
  perform (f, convene_edit_set_outcome_done (expected, FALSE), "Mark as Not Done");
  g_assert_false (convene_outcome_get_done (expected));
  g_assert_cmpint (fixture_query_int (f->path, "SELECT done FROM outcome WHERE text LIKE 'What health-related%'"), ==, 1);

  /* Owner and due date of the debrief's follow-up. */
  perform (f, convene_edit_set_number (nth_outcome (f->debrief, 0), "owner-id", 7, &error), "Change Owner");
  perform (f, convene_edit_set_text (nth_outcome (f->debrief, 0), "due-date", "2027-06-01", &error),
           "Change Due Date");
  g_assert_no_error (error);

  undo_and_redo_everything (f);

  /* Undo of the result is one step that restores both fields. */
  {
    ConveneHistory *history = convene_document_get_history (f->document);

    while (g_strcmp0 (convene_history_get_undo_label (history), "Record Result") != 0)
      {
        g_assert_true (convene_document_undo (f->document, &error));
        g_assert_no_error (error);
      }
    g_assert_true (convene_document_undo (f->document, &error));
    g_assert_no_error (error);
    g_assert_cmpint (convene_outcome_get_result (expected), ==, CONVENE_OUTCOME_RESULT_NONE);
    g_assert_cmpstr (convene_outcome_get_result_note (expected), ==, "");
    assert_persisted (f);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/outcomes/edits/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("link-and-unlink", test_link_and_unlink);
  ADD ("removals-take-links", test_removals_take_links);
  ADD ("move-result-done", test_move_result_done);

#undef ADD

  return g_test_run ();
}
