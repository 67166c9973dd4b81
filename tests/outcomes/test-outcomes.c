/* The checklist at a glance: progress sentences, the items and segments to
 * flag, who owes which follow-up, what links an item to the running order,
 * and the example project's own checklist. */
#include "config.h"

#include <string.h>

#include "convene-json.h"
#include "convene-outcomes.h"

/* Building projects */

static ConveneSession *
add_session (ConveneProject *project,
             const char     *title)
{
  g_autoptr(ConveneSession) session =
    convene_session_new (convene_project_new_id (project), title, "2027-05-23", 12 * 60 + 30, 90);

  g_list_store_append (convene_project_get_sessions (project), session);
  return session;
}

static ConveneSegment *
add_segment (ConveneProject     *project,
             ConveneSession     *session,
             ConveneSegment     *parent,
             ConveneSegmentKind  kind,
             const char         *title)
{
  g_autoptr(ConveneSegment) segment = convene_segment_new (convene_project_new_id (project), kind, title, 10);

  g_list_store_append (parent != NULL ? convene_segment_get_items (parent)
                                      : convene_session_get_segments (session),
                       segment);
  return segment;
}

static ConveneOutcome *
add_outcome (ConveneProject     *project,
             ConveneSession     *session,
             ConveneOutcomeKind  kind,
             const char         *text)
{
  g_autoptr(ConveneOutcome) outcome = convene_outcome_new (convene_project_new_id (project), kind, text);

  g_list_store_append (convene_session_get_outcomes (session), outcome);
  return outcome;
}

static ConveneSpeaker *
add_speaker (ConveneProject *project,
             const char     *honorific,
             const char     *name)
{
  g_autoptr(ConveneSpeaker) speaker = convene_speaker_new (convene_project_new_id (project), name);

  convene_speaker_set_honorific (speaker, honorific);
  g_list_store_append (convene_project_get_speakers (project), speaker);
  return speaker;
}

static void
add_link (ConveneProject *project,
          ConveneOutcome *outcome,
          ConveneSegment *segment)
{
  g_autoptr(ConveneOutcomeLink) link =
    convene_outcome_link_new (convene_project_new_id (project), convene_outcome_get_id (outcome),
                              convene_segment_get_id (segment));

  g_list_store_append (convene_project_get_outcome_links (project), link);
}

static ConveneFollowUp *
follow_up_at (GPtrArray *follow_ups,
              guint      i)
{
  return g_ptr_array_index (follow_ups, i);
}

static void
assert_sentence (ConveneSession     *session,
                 ConveneOutcomeKind  kind,
                 const char         *expected)
{
  ConveneOutcomeProgress progress;
  g_autofree char *sentence = NULL;

  convene_outcomes_get_progress (session, kind, &progress);
  sentence = convene_outcomes_format_progress (kind, &progress);
  g_assert_cmpstr (sentence, ==, expected);
}

/* The link object */

static void
test_link_object (void)
{
  g_autoptr(ConveneOutcomeLink) link = convene_outcome_link_new (12, 20, 18);
  gint64 id = 0, outcome_id = 0, segment_id = 0;

  g_assert_cmpint (convene_outcome_link_get_id (link), ==, 12);
  g_assert_cmpint (convene_outcome_link_get_outcome_id (link), ==, 20);
  g_assert_cmpint (convene_outcome_link_get_segment_id (link), ==, 18);
  g_object_get (link, "id", &id, "outcome-id", &outcome_id, "segment-id", &segment_id, NULL);
  g_assert_cmpint (id, ==, 12);
  g_assert_cmpint (outcome_id, ==, 20);
  g_assert_cmpint (segment_id, ==, 18);

  /* A link is the pair it was made for: nothing about it can be changed. */
  g_assert_true (g_object_class_find_property (G_OBJECT_GET_CLASS (link), "segment-id")->flags &
                 G_PARAM_CONSTRUCT_ONLY);
  g_assert_true (g_object_class_find_property (G_OBJECT_GET_CLASS (link), "outcome-id")->flags &
                 G_PARAM_CONSTRUCT_ONLY);
}

/* Progress */

static void
test_progress_sentences (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  ConveneSession *session = add_session (project, "Side event");
  ConveneSession *other = add_session (project, "Debrief");
  static const ConveneOutcomeResult results[] = {
    CONVENE_OUTCOME_RESULT_MET, CONVENE_OUTCOME_RESULT_MET, CONVENE_OUTCOME_RESULT_NOT_MET,
    CONVENE_OUTCOME_RESULT_MET, CONVENE_OUTCOME_RESULT_NONE,
  };
  ConveneOutcome *objective, *partly = NULL;
  ConveneOutcomeProgress progress;

  /* Nothing yet: each kind says so. */
  assert_sentence (session, CONVENE_OUTCOME_KIND_OBJECTIVE, "No objectives yet");
  assert_sentence (session, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME, "No expected outcomes yet");
  assert_sentence (session, CONVENE_OUTCOME_KIND_GUIDING_QUESTION, "No guiding questions yet");
  assert_sentence (session, CONVENE_OUTCOME_KIND_FOLLOW_UP, "No follow-up actions yet");

  /* Expected outcomes count "met" only; a tick alone is not a result. */
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      ConveneOutcome *expected = add_outcome (project, session, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME,
                                              "Expected");

      convene_outcome_set_result (expected, results[i]);
      if (results[i] == CONVENE_OUTCOME_RESULT_NONE)
        {
          convene_outcome_set_done (expected, TRUE);
          partly = expected;
        }
    }
  assert_sentence (session, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME, "3 of 5 expected outcomes met");
  convene_outcome_set_result (partly, CONVENE_OUTCOME_RESULT_PARTLY_MET);
  assert_sentence (session, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME, "3 of 5 expected outcomes met, 1 partly met");
  convene_outcomes_get_progress (session, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME, &progress);
  g_assert_cmpuint (progress.total, ==, 5);
  g_assert_cmpuint (progress.done, ==, 3);
  g_assert_cmpuint (progress.partly_met, ==, 1);
  g_assert_cmpuint (progress.not_met, ==, 1);

  /* The other kinds count ticks; one of one is singular. */
  objective = add_outcome (project, session, CONVENE_OUTCOME_KIND_OBJECTIVE, "Aim");
  assert_sentence (session, CONVENE_OUTCOME_KIND_OBJECTIVE, "0 of 1 objective met");
  convene_outcome_set_done (objective, TRUE);
  assert_sentence (session, CONVENE_OUTCOME_KIND_OBJECTIVE, "1 of 1 objective met");
  add_outcome (project, session, CONVENE_OUTCOME_KIND_OBJECTIVE, "Second aim");
  assert_sentence (session, CONVENE_OUTCOME_KIND_OBJECTIVE, "1 of 2 objectives met");
  /* A result on an objective does not make it done. */
  convene_outcome_set_result (objective, CONVENE_OUTCOME_RESULT_PARTLY_MET);
  assert_sentence (session, CONVENE_OUTCOME_KIND_OBJECTIVE, "1 of 2 objectives met");

  for (guint i = 0; i < 5; i++)
    convene_outcome_set_done (add_outcome (project, session, CONVENE_OUTCOME_KIND_GUIDING_QUESTION, "?"),
                              i < 2);
  assert_sentence (session, CONVENE_OUTCOME_KIND_GUIDING_QUESTION, "2 of 5 guiding questions covered");
  convene_outcome_set_done (add_outcome (project, session, CONVENE_OUTCOME_KIND_FOLLOW_UP, "Report"), TRUE);
  assert_sentence (session, CONVENE_OUTCOME_KIND_FOLLOW_UP, "1 of 1 follow-up action done");

  /* Project-wide: the sums over sessions. */
  add_outcome (project, other, CONVENE_OUTCOME_KIND_FOLLOW_UP, "Minutes");
  add_outcome (project, other, CONVENE_OUTCOME_KIND_FOLLOW_UP, "Thank the speakers");
  assert_sentence (other, CONVENE_OUTCOME_KIND_FOLLOW_UP, "0 of 2 follow-up actions done");
  convene_outcomes_get_project_progress (project, CONVENE_OUTCOME_KIND_FOLLOW_UP, &progress);
  g_assert_cmpuint (progress.total, ==, 3);
  g_assert_cmpuint (progress.done, ==, 1);
  {
    g_autofree char *sentence = convene_outcomes_format_progress (CONVENE_OUTCOME_KIND_FOLLOW_UP, &progress);

    g_assert_cmpstr (sentence, ==, "1 of 3 follow-up actions done");
  }
  convene_outcomes_get_project_progress (project, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME, &progress);
  g_assert_cmpuint (progress.total, ==, 5);
  g_assert_cmpuint (progress.done, ==, 3);
}

/* Flags */

static void
test_flags (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  ConveneSession *session = add_session (project, "Side event");
  ConveneSession *other = add_session (project, "Debrief");
  ConveneSegment *opening = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_OPENING, "Opening");
  ConveneSegment *panel = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_PANEL, "Panel");
  ConveneSegment *talk = add_segment (project, session, panel, CONVENE_SEGMENT_KIND_PRESENTATION, "Talk");
  ConveneSegment *coffee = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_BREAK, "Coffee");
  ConveneSegment *discussion = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_DISCUSSION, "Discussion");
  ConveneSegment *closing = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_CLOSING, "Closing");
  ConveneSegment *wrap_up = add_segment (project, other, NULL, CONVENE_SEGMENT_KIND_CUSTOM, "Wrap-up");
  ConveneOutcome *aim = add_outcome (project, session, CONVENE_OUTCOME_KIND_OBJECTIVE, "Aim");
  ConveneOutcome *question = add_outcome (project, session, CONVENE_OUTCOME_KIND_GUIDING_QUESTION, "Question");
  ConveneOutcome *expected = add_outcome (project, session, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME, "Expected");
  ConveneOutcome *follow_up = add_outcome (project, session, CONVENE_OUTCOME_KIND_FOLLOW_UP, "Report");
  ConveneOutcome *second_aim = add_outcome (project, other, CONVENE_OUTCOME_KIND_OBJECTIVE, "Other aim");
  g_autoptr(GPtrArray) unlinked = NULL;
  g_autoptr(GPtrArray) idle = NULL;

  (void) coffee;

  /* Nothing linked: every item but the follow-up is flagged, in checklist order. */
  unlinked = convene_outcomes_list_unlinked (project, session);
  g_assert_cmpuint (unlinked->len, ==, 3);
  g_assert_true (g_ptr_array_index (unlinked, 0) == aim);
  g_assert_true (g_ptr_array_index (unlinked, 1) == question);
  g_assert_true (g_ptr_array_index (unlinked, 2) == expected);
  g_assert_false (convene_outcomes_is_unlinked (project, follow_up));
  g_assert_true (convene_outcomes_is_unlinked (project, question));
  g_clear_pointer (&unlinked, g_ptr_array_unref);

  /* Every segment but the break serves no objective yet. */
  idle = convene_outcomes_list_segments_without_objective (project, session);
  g_assert_cmpuint (idle->len, ==, 4);
  g_assert_true (g_ptr_array_index (idle, 0) == opening);
  g_assert_true (g_ptr_array_index (idle, 1) == panel);
  g_assert_true (g_ptr_array_index (idle, 2) == discussion);
  g_assert_true (g_ptr_array_index (idle, 3) == closing);
  g_clear_pointer (&idle, g_ptr_array_unref);

  /* The aim served by one talk of the panel, the question by the discussion,
   * the other session's aim by its wrap-up. */
  add_link (project, aim, talk);
  add_link (project, question, discussion);
  add_link (project, second_aim, wrap_up);

  unlinked = convene_outcomes_list_unlinked (project, session);
  g_assert_cmpuint (unlinked->len, ==, 1);
  g_assert_true (g_ptr_array_index (unlinked, 0) == expected);
  g_assert_false (convene_outcomes_is_unlinked (project, aim));

  /* The panel serves the aim through its talk; a question is no objective,
   * so the discussion still serves none. */
  idle = convene_outcomes_list_segments_without_objective (project, session);
  g_assert_cmpuint (idle->len, ==, 3);
  g_assert_true (g_ptr_array_index (idle, 0) == opening);
  g_assert_true (g_ptr_array_index (idle, 1) == discussion);
  g_assert_true (g_ptr_array_index (idle, 2) == closing);
  g_clear_pointer (&idle, g_ptr_array_unref);

  idle = convene_outcomes_list_segments_without_objective (project, other);
  g_assert_cmpuint (idle->len, ==, 0);
}

/* Links seen from either end */

static void
test_linked_items (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  ConveneSession *session = add_session (project, "Side event");
  ConveneSegment *panel = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_PANEL, "Panel");
  ConveneSegment *talk = add_segment (project, session, panel, CONVENE_SEGMENT_KIND_PRESENTATION, "Talk");
  ConveneSegment *discussion = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_DISCUSSION, "Discussion");
  ConveneSegment *stray = convene_segment_new (999, CONVENE_SEGMENT_KIND_CUSTOM, "Not in the project", 5);
  ConveneOutcome *first = add_outcome (project, session, CONVENE_OUTCOME_KIND_OBJECTIVE, "First");
  ConveneOutcome *second = add_outcome (project, session, CONVENE_OUTCOME_KIND_GUIDING_QUESTION, "Second");
  ConveneOutcome *third = add_outcome (project, session, CONVENE_OUTCOME_KIND_GUIDING_QUESTION, "Third");
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) segments = NULL;

  /* Linked in another order than the checklist's. */
  add_link (project, third, discussion);
  add_link (project, first, discussion);
  add_link (project, first, talk);
  add_link (project, first, panel);

  /* A segment's details list its items in checklist order. */
  items = convene_outcomes_list_for_segment (project, discussion);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_true (g_ptr_array_index (items, 0) == first);
  g_assert_true (g_ptr_array_index (items, 1) == third);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = convene_outcomes_list_for_segment (project, talk);
  g_assert_cmpuint (items->len, ==, 1);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = convene_outcomes_list_for_segment (project, stray);
  g_assert_cmpuint (items->len, ==, 0);

  /* An item's segments in the order they were linked. */
  segments = convene_outcomes_list_segments (project, first);
  g_assert_cmpuint (segments->len, ==, 3);
  g_assert_true (g_ptr_array_index (segments, 0) == discussion);
  g_assert_true (g_ptr_array_index (segments, 1) == talk);
  g_assert_true (g_ptr_array_index (segments, 2) == panel);
  g_clear_pointer (&segments, g_ptr_array_unref);
  segments = convene_outcomes_list_segments (project, second);
  g_assert_cmpuint (segments->len, ==, 0);

  g_assert_nonnull (convene_project_find_outcome_link (project, convene_outcome_get_id (first),
                                                       convene_segment_get_id (talk)));
  g_assert_null (convene_project_find_outcome_link (project, convene_outcome_get_id (second),
                                                    convene_segment_get_id (talk)));
  g_object_unref (stray);
}

/* Who owes what */

static void
test_follow_ups (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  ConveneSession *session = add_session (project, "Side event");
  ConveneSession *other = add_session (project, "Debrief");
  ConveneSpeaker *campbell = add_speaker (project, "Dr", "James Campbell");
  ConveneSpeaker *pillay = add_speaker (project, "", "Stacey Pillay");
  ConveneOutcome *undated = add_outcome (project, session, CONVENE_OUTCOME_KIND_FOLLOW_UP, "Thank the speakers");
  ConveneOutcome *late = add_outcome (project, session, CONVENE_OUTCOME_KIND_FOLLOW_UP, "Publish the report");
  ConveneOutcome *soon = add_outcome (project, session, CONVENE_OUTCOME_KIND_FOLLOW_UP, "Send the slides");
  ConveneOutcome *same_day = add_outcome (project, other, CONVENE_OUTCOME_KIND_FOLLOW_UP, "Circulate the minutes");
  ConveneOutcome *first_same_day = add_outcome (project, session, CONVENE_OUTCOME_KIND_FOLLOW_UP, "Book the room");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) only = NULL;

  /* Not follow-ups: never listed. */
  add_outcome (project, session, CONVENE_OUTCOME_KIND_OBJECTIVE, "Aim");
  convene_outcome_set_due_date (add_outcome (project, other, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME, "x"),
                                "2027-01-01");

  convene_outcome_set_owner_id (late, convene_speaker_get_id (campbell));
  convene_outcome_set_due_date (late, "2027-07-15");
  convene_outcome_set_owner_id (soon, convene_speaker_get_id (pillay));
  convene_outcome_set_due_date (soon, "2027-05-30");
  convene_outcome_set_owner_id (same_day, convene_speaker_get_id (campbell));
  convene_outcome_set_due_date (same_day, "2027-06-01");
  convene_outcome_set_due_date (first_same_day, "2027-06-01");
  convene_outcome_set_done (soon, TRUE);

  /* Soonest first; the same date keeps checklist order (sessions in order);
   * without a date last. */
  all = convene_outcomes_list_follow_ups (project, NULL);
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_true (follow_up_at (all, 0)->outcome == soon);
  g_assert_true (follow_up_at (all, 1)->outcome == first_same_day);
  g_assert_true (follow_up_at (all, 2)->outcome == same_day);
  g_assert_true (follow_up_at (all, 3)->outcome == late);
  g_assert_true (follow_up_at (all, 4)->outcome == undated);

  g_assert_cmpstr (follow_up_at (all, 0)->owner_name, ==, "Stacey Pillay");
  g_assert_cmpstr (follow_up_at (all, 0)->due_date, ==, "2027-05-30");
  g_assert_true (follow_up_at (all, 0)->owner == pillay);
  g_assert_true (follow_up_at (all, 2)->session == other);
  g_assert_cmpstr (follow_up_at (all, 2)->owner_name, ==, "Dr James Campbell");
  g_assert_null (follow_up_at (all, 1)->owner);
  g_assert_cmpstr (follow_up_at (all, 1)->owner_name, ==, "");
  g_assert_cmpstr (follow_up_at (all, 4)->due_date, ==, "");

  /* One session's. */
  only = convene_outcomes_list_follow_ups (project, other);
  g_assert_cmpuint (only->len, ==, 1);
  g_assert_true (follow_up_at (only, 0)->outcome == same_day);

  /* An owner no longer on the roster owes nothing by name. */
  g_list_store_remove (convene_project_get_speakers (project), 1);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = convene_outcomes_list_follow_ups (project, session);
  g_assert_true (follow_up_at (all, 0)->outcome == soon);
  g_assert_null (follow_up_at (all, 0)->owner);
  g_assert_cmpstr (follow_up_at (all, 0)->owner_name, ==, "");
}

/* Reordering within a kind */

static guint
position_of (ConveneSession *session,
             ConveneOutcome *outcome)
{
  guint position = G_MAXUINT;

  g_assert_true (g_list_store_find (convene_session_get_outcomes (session), outcome, &position));
  return position;
}

static void
move_within_kind (ConveneSession *session,
                  ConveneOutcome *outcome,
                  guint           index)
{
  GListStore *outcomes = convene_session_get_outcomes (session);
  guint target = convene_outcomes_position_for_kind_index (session, outcome, index);
  guint from = position_of (session, outcome);

  /* What convene_edit_move_outcome() does, without the history. */
  g_object_ref (outcome);
  g_list_store_remove (outcomes, from);
  g_list_store_insert (outcomes, target, outcome);
  g_object_unref (outcome);
}

static void
test_position_for_kind_index (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  ConveneSession *session = add_session (project, "Side event");
  /* Mixed kinds: q1 o1 q2 o2 q3 f1 */
  ConveneOutcome *q1 = add_outcome (project, session, CONVENE_OUTCOME_KIND_GUIDING_QUESTION, "q1");
  ConveneOutcome *o1 = add_outcome (project, session, CONVENE_OUTCOME_KIND_OBJECTIVE, "o1");
  ConveneOutcome *q2 = add_outcome (project, session, CONVENE_OUTCOME_KIND_GUIDING_QUESTION, "q2");
  ConveneOutcome *o2 = add_outcome (project, session, CONVENE_OUTCOME_KIND_OBJECTIVE, "o2");
  ConveneOutcome *q3 = add_outcome (project, session, CONVENE_OUTCOME_KIND_GUIDING_QUESTION, "q3");
  ConveneOutcome *f1 = add_outcome (project, session, CONVENE_OUTCOME_KIND_FOLLOW_UP, "f1");

  /* q3 first among questions: before q1. */
  g_assert_cmpuint (convene_outcomes_position_for_kind_index (session, q3, 0), ==, 0);
  move_within_kind (session, q3, 0);
  g_assert_cmpuint (position_of (session, q3), ==, 0);
  g_assert_cmpuint (position_of (session, q1), ==, 1);

  /* q3 o... now: q3 q1 o1 q2 o2 f1. q3 to the second place: before q2, after q1. */
  move_within_kind (session, q3, 1);
  g_assert_cmpuint (position_of (session, q1), ==, 0);
  g_assert_cmpuint (position_of (session, q3), ==, 2);
  g_assert_cmpuint (position_of (session, q2), ==, 3);

  /* Past the end of its kind: right after the last question. */
  move_within_kind (session, q1, 99);
  g_assert_cmpuint (position_of (session, q1), ==, position_of (session, q2) + 1);
  g_assert_true (position_of (session, q1) < position_of (session, o2));

  /* Objectives keep their order relative to each other until moved. */
  g_assert_true (position_of (session, o1) < position_of (session, o2));
  move_within_kind (session, o2, 0);
  g_assert_true (position_of (session, o2) < position_of (session, o1));

  /* The only one of its kind stays where it is. */
  g_assert_cmpuint (convene_outcomes_position_for_kind_index (session, f1, 0), ==, position_of (session, f1));
  g_assert_cmpuint (convene_outcomes_position_for_kind_index (session, f1, 3), ==, position_of (session, f1));
}

/* The example project */

static void
test_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CONVENE_SOURCE_DIR"), "data", "examples",
                                            "side-event.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneProject) project = convene_json_import_file (file, &error);
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(ConveneSegment) opening = NULL;
  g_autoptr(ConveneSegment) panel = NULL;
  g_autoptr(ConveneSegment) discussion = NULL;
  g_autoptr(ConveneSegment) closing = NULL;
  g_autoptr(GPtrArray) served = NULL;
  g_autoptr(GPtrArray) unlinked = NULL;
  g_autoptr(GPtrArray) idle = NULL;
  GListModel *segments;
  guint questions = 0, objectives = 0;

  g_assert_no_error (error);
  session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);
  segments = G_LIST_MODEL (convene_session_get_segments (session));
  opening = g_list_model_get_item (segments, 0);
  panel = g_list_model_get_item (segments, 1);
  discussion = g_list_model_get_item (segments, 2);
  closing = g_list_model_get_item (segments, 3);
  g_assert_cmpint (convene_segment_get_kind (discussion), ==, CONVENE_SEGMENT_KIND_DISCUSSION);

  /* The discussion's details: the two aims it serves, then the five questions. */
  served = convene_outcomes_list_for_segment (project, discussion);
  g_assert_cmpuint (served->len, ==, 7);
  for (guint i = 0; i < served->len; i++)
    {
      ConveneOutcome *outcome = g_ptr_array_index (served, i);

      if (convene_outcome_get_kind (outcome) == CONVENE_OUTCOME_KIND_GUIDING_QUESTION)
        {
          g_autoptr(GPtrArray) linked = convene_outcomes_list_segments (project, outcome);

          g_assert_cmpuint (i, >=, 2);
          g_assert_cmpuint (linked->len, ==, 1);
          g_assert_true (g_ptr_array_index (linked, 0) == discussion);
          questions++;
        }
      else
        {
          g_assert_cmpint (convene_outcome_get_kind (outcome), ==, CONVENE_OUTCOME_KIND_OBJECTIVE);
          objectives++;
        }
    }
  g_assert_cmpuint (questions, ==, 5);
  g_assert_cmpuint (objectives, ==, 2);
  g_clear_pointer (&served, g_ptr_array_unref);

  /* The aims: all three served by the panel. */
  served = convene_outcomes_list_for_segment (project, panel);
  g_assert_cmpuint (served->len, ==, 3);

  /* Nothing is left unlinked; asked, Convene names the opening and closing. */
  unlinked = convene_outcomes_list_unlinked (project, session);
  g_assert_cmpuint (unlinked->len, ==, 0);
  idle = convene_outcomes_list_segments_without_objective (project, session);
  g_assert_cmpuint (idle->len, ==, 2);
  g_assert_true (g_ptr_array_index (idle, 0) == opening);
  g_assert_true (g_ptr_array_index (idle, 1) == closing);

  /* Before the event nothing is ticked off. */
  assert_sentence (session, CONVENE_OUTCOME_KIND_OBJECTIVE, "0 of 3 objectives met");
  assert_sentence (session, CONVENE_OUTCOME_KIND_GUIDING_QUESTION, "0 of 5 guiding questions covered");
  assert_sentence (session, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME, "No expected outcomes yet");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/outcomes/link-object", test_link_object);
  g_test_add_func ("/outcomes/progress", test_progress_sentences);
  g_test_add_func ("/outcomes/flags", test_flags);
  g_test_add_func ("/outcomes/linked-items", test_linked_items);
  g_test_add_func ("/outcomes/follow-ups", test_follow_ups);
  g_test_add_func ("/outcomes/position-for-kind-index", test_position_for_kind_index);
  g_test_add_func ("/outcomes/example", test_example);

  return g_test_run ();
}
