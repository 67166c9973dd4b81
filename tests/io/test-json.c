/* The JSON form of a project: lossless round trips, the example project,
 * and every kind of bad input refused with the right code and a path. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "convene-json.h"
#include "convene-limits.h"
#include "convene-schedule.h"
#include "convene-validate.h"

/* Helpers */

static char *
example_path (void)
{
  const char *source = g_getenv ("CONVENE_SOURCE_DIR");

  g_assert_nonnull (source);
  return g_build_filename (source, "data", "examples", "side-event.json", NULL);
}

static char *
load_example (gsize *length)
{
  g_autofree char *path = example_path ();
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static ConveneProject *
import_ok (const char *data,
           gssize      length)
{
  g_autoptr(GError) error = NULL;
  ConveneProject *project = convene_json_import (data, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static gboolean
is_list_model_type (GType type)
{
  return g_type_is_a (type, G_TYPE_LIST_MODEL);
}

/* Compares every readable property of a and b, lists item by item, so a
 * property the JSON forgot shows up here by name. */
static void
assert_same_objects (GObject    *a,
                     GObject    *b,
                     const char *where)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      g_autofree char *here = g_strdup_printf ("%s.%s", where, pspec->name);

      if (!(pspec->flags & G_PARAM_READABLE))
        continue;
      /* A link is written as the pair it joins; its id is the project's
       * business and an import hands out fresh ones. */
      if (CONVENE_IS_OUTCOME_LINK (a) && g_str_equal (pspec->name, "id"))
        continue;

      g_value_init (&va, pspec->value_type);
      g_value_init (&vb, pspec->value_type);
      g_object_get_property (a, pspec->name, &va);
      g_object_get_property (b, pspec->name, &vb);

      if (is_list_model_type (pspec->value_type))
        {
          GListModel *la = g_value_get_object (&va);
          GListModel *lb = g_value_get_object (&vb);
          guint n = g_list_model_get_n_items (la);

          if (n != g_list_model_get_n_items (lb))
            g_error ("%s: %u items against %u", here, n, g_list_model_get_n_items (lb));
          for (guint j = 0; j < n; j++)
            {
              g_autoptr(GObject) ia = g_list_model_get_item (la, j);
              g_autoptr(GObject) ib = g_list_model_get_item (lb, j);
              g_autofree char *item_where = g_strdup_printf ("%s[%u]", here, j);

              assert_same_objects (ia, ib, item_where);
            }
        }
      else if (g_param_values_cmp (pspec, &va, &vb) != 0)
        {
          g_autofree char *sa = g_strdup_value_contents (&va);
          g_autofree char *sb = g_strdup_value_contents (&vb);

          g_error ("%s differs: %s against %s", here, sa, sb);
        }
    }
}

/* Records, per type and writable property, whether some object had a value
 * other than the property's default: the test project must exercise them all. */
static void
note_non_defaults (GObject    *object,
                   GHashTable *seen)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *key = g_strdup_printf ("%s:%s", G_OBJECT_TYPE_NAME (object), pspec->name);

      if (!(pspec->flags & G_PARAM_READABLE))
        continue;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (object, pspec->name, &value);

      if (is_list_model_type (pspec->value_type))
        {
          GListModel *list = g_value_get_object (&value);
          guint n = g_list_model_get_n_items (list);

          for (guint j = 0; j < n; j++)
            {
              g_autoptr(GObject) item = g_list_model_get_item (list, j);
              note_non_defaults (item, seen);
            }
          if (n > 0)
            g_hash_table_insert (seen, g_steal_pointer (&key), GINT_TO_POINTER (TRUE));
          else if (!g_hash_table_contains (seen, key))
            g_hash_table_insert (seen, g_steal_pointer (&key), GINT_TO_POINTER (FALSE));
          continue;
        }

      if (!(pspec->flags & G_PARAM_WRITABLE))
        continue;

      if (!g_param_value_defaults (pspec, &value))
        g_hash_table_insert (seen, g_steal_pointer (&key), GINT_TO_POINTER (TRUE));
      else if (!g_hash_table_contains (seen, key))
        g_hash_table_insert (seen, g_steal_pointer (&key), GINT_TO_POINTER (FALSE));
    }
}

static void
assert_exercises_every_property (ConveneProject *project)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  note_non_defaults (G_OBJECT (project), seen);
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!GPOINTER_TO_INT (value))
      g_error ("the test project leaves %s at its default", (const char *) key);

  /* Every model type took part. */
  g_assert_true (g_hash_table_contains (seen, "ConveneSpeaker:status"));
  g_assert_true (g_hash_table_contains (seen, "ConveneSegment:fixed-start"));
  g_assert_true (g_hash_table_contains (seen, "ConveneSegment:has-target"));
  g_assert_true (g_hash_table_contains (seen, "ConveneSegment:min-length"));
  g_assert_true (g_hash_table_contains (seen, "ConveneSegment:max-length"));
  g_assert_true (g_hash_table_contains (seen, "ConveneSegment:locked"));
  g_assert_true (g_hash_table_contains (seen, "ConveneSession:fit-step"));
  g_assert_true (g_hash_table_contains (seen, "ConveneOutcome:result-note"));
  g_assert_true (g_hash_table_contains (seen, "ConveneAssignment:role"));
  g_assert_true (g_hash_table_contains (seen, "ConveneSession:slot-minutes"));
}

static void
add_link (ConveneProject *project,
          ConveneOutcome *outcome,
          ConveneSegment *segment)
{
  g_autoptr(ConveneOutcomeLink) made =
    convene_outcome_link_new (convene_project_new_id (project), convene_outcome_get_id (outcome),
                              convene_segment_get_id (segment));

  g_list_store_append (convene_project_get_outcome_links (project), made);
}

static gboolean
is_linked (ConveneProject *project,
           ConveneOutcome *outcome,
           ConveneSegment *segment)
{
  return convene_project_find_outcome_link (project, convene_outcome_get_id (outcome),
                                            convene_segment_get_id (segment)) != NULL;
}

/* A project with every field set to something other than its default,
 * and text that needs escaping. */
static ConveneProject *
build_full_project (void)
{
  ConveneProject *project = convene_project_new ();
  g_autoptr(ConveneSpeaker) ana = NULL;
  g_autoptr(ConveneSpeaker) ben = NULL;
  g_autoptr(ConveneSession) morning = NULL;
  g_autoptr(ConveneSession) evening = NULL;
  g_autoptr(ConveneSegment) keynote = NULL;
  g_autoptr(ConveneSegment) panel = NULL;
  g_autoptr(ConveneSegment) talk1 = NULL;
  g_autoptr(ConveneSegment) talk2 = NULL;
  g_autoptr(ConveneSegment) late = NULL;
  g_autoptr(ConveneOutcome) goal = NULL;
  g_autoptr(ConveneOutcome) follow = NULL;
  g_autoptr(ConveneAssignment) a1 = NULL;
  g_autoptr(ConveneAssignment) a2 = NULL;
  g_autoptr(ConveneAssignment) a3 = NULL;

  convene_project_set_title (project, "Tricky \"quoted\" title \\ with backslash / slash");
  convene_project_set_organiser (project, "Ünïcödé organiser – 会议 🎤");
  convene_project_set_venue (project, "Line one\nLine two\tTabbed\r\n");
  convene_project_set_notes (project, "Controls: \x01 \x08 \x0c \x1f \x7f end");
  convene_project_set_time_zone (project, "America/New_York");

  ana = convene_speaker_new (convene_project_new_id (project), "Ana Gómez");
  convene_speaker_set_honorific (ana, "Prof.");
  convene_speaker_set_job_title (ana, "Director, Health \"Systems\"");
  convene_speaker_set_organisation (ana, "Ministry of Health");
  convene_speaker_set_email (ana, "ana@example.org");
  convene_speaker_set_phone (ana, "+41 22 000 00 00");
  convene_speaker_set_bio (ana, "Two\nparagraphs.\n\nSecond.");
  convene_speaker_set_notes (ana, "Needs a lapel microphone.");
  convene_speaker_set_status (ana, CONVENE_SPEAKER_STATUS_TENTATIVE);
  g_list_store_append (convene_project_get_speakers (project), ana);

  ben = convene_speaker_new (convene_project_new_id (project), "Ben Okafor");
  convene_speaker_set_status (ben, CONVENE_SPEAKER_STATUS_DECLINED);
  g_list_store_append (convene_project_get_speakers (project), ben);

  morning = convene_session_new (convene_project_new_id (project), "Morning plenary",
                                 "2027-11-07", 23 * 60 + 30, 120);
  convene_session_set_room (morning, "Room XVII");
  convene_session_set_description (morning, "Crosses midnight.");
  convene_session_set_fit_step (morning, 10);
  /* Written in upper case, kept in lower case. */
  convene_session_set_uuid (morning, "0A5B1C2D-3E4F-4A5B-8C6D-7E8F9A0B1C2D");
  g_list_store_append (convene_project_get_sessions (project), morning);

  keynote = convene_segment_new (convene_project_new_id (project), CONVENE_SEGMENT_KIND_KEYNOTE,
                                 "Keynote", 25);
  convene_segment_set_fixed_start (keynote, 23 * 60 + 45);
  convene_segment_set_min_length (keynote, 20);
  convene_segment_set_max_length (keynote, 40);
  convene_segment_set_locked (keynote, TRUE);
  convene_segment_set_notes (keynote, "Slides on the USB stick.");
  convene_segment_set_cues (keynote, "Lights down; music off.");
  convene_segment_set_uuid (keynote, "1b2c3d4e-5f60-4172-8394-a5b6c7d8e9f0");
  g_list_store_append (convene_session_get_segments (morning), keynote);

  panel = convene_segment_new (convene_project_new_id (project), CONVENE_SEGMENT_KIND_PANEL,
                               "Panel", 40);
  convene_segment_set_has_target (panel, TRUE);
  convene_segment_set_uuid (panel, "2c3d4e5f-6071-4283-94a5-b6c7d8e9f001");
  g_list_store_append (convene_session_get_segments (morning), panel);
  talk1 = convene_segment_new (convene_project_new_id (project), CONVENE_SEGMENT_KIND_PRESENTATION,
                               "First talk", 20);
  convene_segment_set_fixed_start (talk1, 0);
  convene_segment_set_uuid (talk1, "3d4e5f60-7182-4394-a5b6-c7d8e9f00112");
  g_list_store_append (convene_segment_get_items (panel), talk1);
  talk2 = convene_segment_new (convene_project_new_id (project), CONVENE_SEGMENT_KIND_QA,
                               "Questions", CONVENE_MAX_DURATION_MINUTES);
  convene_segment_set_uuid (talk2, "4e5f6071-8293-44a5-b6c7-d8e9f0011223");
  g_list_store_append (convene_segment_get_items (panel), talk2);

  evening = convene_session_new (convene_project_new_id (project), "", "2028-02-29", 0, 1);
  convene_session_set_uuid (evening, "5f607182-93a4-45b6-87d8-e9f001122334");
  g_list_store_append (convene_project_get_sessions (project), evening);
  late = convene_segment_new (convene_project_new_id (project), CONVENE_SEGMENT_KIND_CUSTOM, "", 0);
  convene_segment_set_uuid (late, "60718293-a4b5-46c7-98e9-f00112233445");
  g_list_store_append (convene_session_get_segments (evening), late);

  goal = convene_outcome_new (convene_project_new_id (project), CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME,
                              "Agree on a \"next step\".");
  convene_outcome_set_done (goal, TRUE);
  convene_outcome_set_result (goal, CONVENE_OUTCOME_RESULT_PARTLY_MET);
  convene_outcome_set_result_note (goal, "Half agreed.");
  g_list_store_append (convene_session_get_outcomes (morning), goal);

  follow = convene_outcome_new (convene_project_new_id (project), CONVENE_OUTCOME_KIND_FOLLOW_UP,
                                "Send the slides");
  convene_outcome_set_owner_id (follow, convene_speaker_get_id (ana));
  convene_outcome_set_due_date (follow, "2027-12-01");
  g_list_store_append (convene_session_get_outcomes (morning), follow);

  a1 = convene_assignment_new_for_segment (convene_project_new_id (project), convene_speaker_get_id (ana),
                                           convene_segment_get_id (talk1), CONVENE_ROLE_PANELIST);
  a2 = convene_assignment_new_for_session (convene_project_new_id (project), convene_speaker_get_id (ben),
                                           convene_session_get_id (evening), CONVENE_ROLE_CHAIR);
  a3 = convene_assignment_new_for_segment (convene_project_new_id (project), convene_speaker_get_id (ben),
                                           convene_segment_get_id (keynote), CONVENE_ROLE_CLOSING_REMARKS);
  g_list_store_append (convene_project_get_assignments (project), a1);
  g_list_store_append (convene_project_get_assignments (project), a2);
  g_list_store_append (convene_project_get_assignments (project), a3);

  /* Links in the order an import makes them (outcome by outcome); the goal's
   * segments are listed later-made first, so the order is the links', not
   * the ids'. */
  add_link (project, goal, talk2);
  add_link (project, goal, keynote);
  add_link (project, follow, panel);

  /* The morning was run live across midnight: every action, both
   * recoveries, instants to the microsecond. */
  {
    static const struct {
      int minutes_after_start;  /* after 23:30 New York (04:30 UTC) */
      ConveneLiveAction action;
      int minutes;
      ConveneLiveRecovery recovery;
    } record[] = {
      { 1, CONVENE_LIVE_ACTION_START, 0, CONVENE_LIVE_PUSH },
      { 4, CONVENE_LIVE_ACTION_HOLD, 0, CONVENE_LIVE_PUSH },
      { 6, CONVENE_LIVE_ACTION_RESUME, 0, CONVENE_LIVE_PUSH },
      { 7, CONVENE_LIVE_ACTION_ADD, -1, CONVENE_LIVE_PUSH },
      { 40, CONVENE_LIVE_ACTION_NEXT, 0, CONVENE_LIVE_ABSORB },
      { 41, CONVENE_LIVE_ACTION_JUMP, 0, CONVENE_LIVE_PUSH },
      { 42, CONVENE_LIVE_ACTION_BACK, 0, CONVENE_LIVE_PUSH },
      { 70, CONVENE_LIVE_ACTION_NEXT, 0, CONVENE_LIVE_PUSH },
    };
    g_autoptr(GDateTime) start = g_date_time_new_utc (2027, 11, 8, 4, 30, 0);

    for (guint i = 0; i < G_N_ELEMENTS (record); i++)
      {
        g_autoptr(ConveneLiveEvent) event =
          convene_live_event_new (convene_project_new_id (project),
                                  g_date_time_to_unix (start) * G_USEC_PER_SEC +
                                  record[i].minutes_after_start * G_GINT64_CONSTANT (60000000) + 123457,
                                  record[i].action,
                                  record[i].action == CONVENE_LIVE_ACTION_JUMP ? convene_segment_get_id (talk2) : 0,
                                  record[i].minutes, record[i].recovery);

        g_list_store_append (convene_session_get_live_events (morning), event);
      }
  }

  return project;
}

/* Round trips */

static void
test_round_trip_full (void)
{
  g_autoptr(ConveneProject) project = build_full_project ();
  g_autoptr(ConveneProject) again = NULL;
  g_autoptr(ConveneProject) third = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *last = NULL;
  gsize first_len = 0, second_len = 0;

  assert_exercises_every_property (project);

  first = convene_json_export (project, &first_len);
  g_assert_cmpuint (first_len, ==, strlen (first));
  g_assert_true (g_str_has_suffix (first, "}\n"));
  g_assert_true (g_utf8_validate (first, -1, NULL));
  /* Control characters are escaped, never written raw. */
  for (const char *p = first; *p != '\0'; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n');
  g_assert_nonnull (strstr (first, "\\u001f"));

  again = import_ok (first, (gssize) first_len);
  assert_same_objects (G_OBJECT (project), G_OBJECT (again), "project");

  second = convene_json_export (again, &second_len);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (first_len, ==, second_len);

  /* And once more through the -1 length path. */
  third = import_ok (second, -1);
  last = convene_json_export (third, NULL);
  g_assert_cmpstr (first, ==, last);
}

/* The bytes themselves are the format: a change here needs a new format
 * version (and this file, which test-cli also pushes through a project file,
 * regenerated from build_full_project). */
static void
test_stable_bytes (void)
{
  g_autoptr(ConveneProject) project = build_full_project ();
  g_autofree char *exported = convene_json_export (project, NULL);
  g_autofree char *path = g_build_filename (g_getenv ("CONVENE_SOURCE_DIR"), "tests", "io",
                                            "full-project.json", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exported, ==, expected);
}

/* The example leaves out the UUIDs of its sessions and segments, so that
 * each project made from it gets its own: an export of it is the example
 * with one "uuid" line more for each. */
static char *
without_uuids (const char *json)
{
  g_autoptr(GRegex) uuid_line = g_regex_new ("^ *\"uuid\": \"[0-9a-f-]{36}\",\n", G_REGEX_MULTILINE,
                                             0, NULL);

  return g_regex_replace_literal (uuid_line, json, -1, 0, "", 0, NULL);
}

static void
test_round_trip_example (void)
{
  g_autofree char *example = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(ConveneProject) again = NULL;
  gsize length = 0;

  g_autofree char *stripped = NULL;
  g_autoptr(ConveneProject) copy = NULL;
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(ConveneSession) copy_session = NULL;

  example = load_example (&length);
  project = import_ok (example, (gssize) length);
  first = convene_json_export (project, NULL);
  /* The example is written in the exporter's own layout. */
  stripped = without_uuids (first);
  g_assert_cmpstr (stripped, ==, example);
  g_assert_nonnull (strstr (first, "\"uuid\": "));

  /* The UUIDs an export gives are kept by the next import. */
  again = import_ok (first, -1);
  assert_same_objects (G_OBJECT (project), G_OBJECT (again), "project");
  second = convene_json_export (again, NULL);
  g_assert_cmpstr (first, ==, second);

  /* Each project made from the example is a new one. */
  copy = import_ok (example, (gssize) length);
  session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);
  copy_session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (copy)), 0);
  g_assert_true (g_uuid_string_is_valid (convene_session_get_uuid (copy_session)));
  g_assert_cmpstr (convene_session_get_uuid (session), !=, convene_session_get_uuid (copy_session));
}

static void
test_empty_project_round_trip (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneProject) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  convene_project_set_time_zone (project, "UTC");
  first = convene_json_export (project, NULL);
  g_assert_nonnull (strstr (first, "\"speakers\": []"));
  again = import_ok (first, -1);
  second = convene_json_export (again, NULL);
  g_assert_cmpstr (first, ==, second);
}

/* A live record's instants at both ends of the years the format holds, and
 * in a year before 1000, written with four digits and read back alike. */
static void
test_round_trip_instants (void)
{
  static const struct { gint64 at; ConveneLiveAction action; const char *written; } instants[] = {
    { CONVENE_MIN_INSTANT, CONVENE_LIVE_ACTION_START, "\"0001-01-01T00:00:00.000000Z\"" },
    { G_GINT64_CONSTANT (-61996276800000000) + 7, CONVENE_LIVE_ACTION_HOLD, "\"0005-06-01T12:00:00.000007Z\"" },
    { CONVENE_MAX_INSTANT, CONVENE_LIVE_ACTION_RESUME, "\"9999-12-31T23:59:59.999999Z\"" },
  };
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneProject) again = NULL;
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(ConveneSession) read = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *second = NULL;
  GListModel *events;

  convene_project_set_time_zone (project, "UTC");
  session = convene_session_new (convene_project_new_id (project), "Day", "2027-05-23", 9 * 60, 60);
  g_list_store_append (convene_project_get_sessions (project), session);
  for (guint i = 0; i < G_N_ELEMENTS (instants); i++)
    {
      g_autoptr(ConveneLiveEvent) event = convene_live_event_new (convene_project_new_id (project), instants[i].at,
                                                                  instants[i].action, 0, 0, CONVENE_LIVE_PUSH);

      g_list_store_append (convene_session_get_live_events (session), event);
    }

  exported = convene_json_export (project, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (instants); i++)
    g_assert_nonnull (strstr (exported, instants[i].written));
  again = import_ok (exported, -1);
  read = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (again)), 0);
  events = G_LIST_MODEL (convene_session_get_live_events (read));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, G_N_ELEMENTS (instants));
  for (guint i = 0; i < G_N_ELEMENTS (instants); i++)
    {
      g_autoptr(ConveneLiveEvent) event = g_list_model_get_item (events, i);

      g_assert_cmpint (convene_live_event_get_at (event), ==, instants[i].at);
    }
  second = convene_json_export (again, NULL);
  g_assert_cmpstr (exported, ==, second);
}

/* The example project */

static ConveneSpeaker *
speaker_of (ConveneProject *project,
            gint64          segment_id,
            ConveneRole     role)
{
  GListModel *assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  ConveneSpeaker *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) a = g_list_model_get_item (assignments, i);

      if (convene_assignment_get_segment_id (a) == segment_id && convene_assignment_get_role (a) == role)
        {
          g_assert_null (found);
          found = convene_project_find_speaker (project, convene_assignment_get_speaker_id (a));
          g_assert_nonnull (found);
        }
    }
  return found;
}

static void
test_example_content (void)
{
  static const struct {
    const char *letter;
    const char *speaker;
    const char *organisation;
  } talks[] = {
    { "A. Sustainable platform", "Enrico Fos", "Philippines" },
    { "B. Manage the influx", "Santino Severoni", "EURO" },
    { "C. Responding to the health needs", "Tamam Aloudat", "MSF" },
    { "D. Trends and governance", "Ibadat Dhillon", "WHO" },
    { "F. Tap the talent", "Stacey Pillay", "Africa Health Placements, South Africa" },
    { "E. Working together across borders", "Teresa Zakaria", "IOM" },
  };
  static const struct {
    ConveneSegmentKind kind;
    guint duration;
  } parts[] = {
    { CONVENE_SEGMENT_KIND_OPENING, 10 },
    { CONVENE_SEGMENT_KIND_PANEL, 60 },
    { CONVENE_SEGMENT_KIND_DISCUSSION, 20 },
    { CONVENE_SEGMENT_KIND_CLOSING, 3 },
  };
  g_autofree char *example = NULL;
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(ConveneSegment) panel = NULL;
  g_autoptr(ConveneSegment) discussion = NULL;
  g_autoptr(ConveneSchedule) schedule = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *end_clock = NULL;
  g_autofree char *slot_end_clock = NULL;
  g_autofree char *moderator = NULL;
  GListModel *segments, *items, *outcomes, *assignments;
  guint questions = 0, objectives = 0, session_moderators = 0, discussion_moderators = 0;
  gsize length;

  example = load_example (&length);
  project = import_ok (example, (gssize) length);

  g_assert_cmpstr (convene_project_get_title (project), ==,
                   "Health and migration: international cooperation and governance");
  g_assert_cmpstr (convene_project_get_time_zone (project), ==, "Europe/Zurich");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project))), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (project))), ==, 1);

  session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);
  g_assert_cmpstr (convene_session_get_date (session), ==, "2027-05-23");
  g_assert_cmpint (convene_session_get_start_time (session), ==, 12 * 60 + 30);
  g_assert_cmpuint (convene_session_get_slot_minutes (session), ==, 90);
  g_assert_nonnull (strstr (convene_session_get_description (session), "This side event aims to provide"));

  segments = G_LIST_MODEL (convene_session_get_segments (session));
  g_assert_cmpuint (g_list_model_get_n_items (segments), ==, G_N_ELEMENTS (parts));
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);

      g_assert_cmpint (convene_segment_get_kind (segment), ==, parts[i].kind);
      g_assert_cmpuint (convene_segment_get_duration (segment), ==, parts[i].duration);
    }

  panel = g_list_model_get_item (segments, 1);
  items = G_LIST_MODEL (convene_segment_get_items (panel));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, G_N_ELEMENTS (talks));
  for (guint i = 0; i < G_N_ELEMENTS (talks); i++)
    {
      g_autoptr(ConveneSegment) item = g_list_model_get_item (items, i);
      ConveneSpeaker *speaker;

      g_assert_true (g_str_has_prefix (convene_segment_get_title (item), talks[i].letter));
      g_assert_cmpint (convene_segment_get_kind (item), ==, CONVENE_SEGMENT_KIND_PRESENTATION);
      g_assert_cmpuint (convene_segment_get_duration (item), ==, 10);
      speaker = speaker_of (project, convene_segment_get_id (item), CONVENE_ROLE_PRESENTER);
      g_assert_nonnull (speaker);
      g_assert_cmpstr (convene_speaker_get_name (speaker), ==, talks[i].speaker);
      g_assert_cmpstr (convene_speaker_get_organisation (speaker), ==, talks[i].organisation);
    }

  discussion = g_list_model_get_item (segments, 2);
  outcomes = G_LIST_MODEL (convene_session_get_outcomes (session));
  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);

      if (convene_outcome_get_kind (outcome) == CONVENE_OUTCOME_KIND_GUIDING_QUESTION)
        {
          /* Each question belongs to the moderated discussion, and only to it. */
          questions++;
          g_assert_true (is_linked (project, outcome, discussion));
          g_assert_false (is_linked (project, outcome, panel));
          g_assert_true (g_str_has_suffix (convene_outcome_get_text (outcome), "?"));
        }
      else
        {
          /* The aims of the concept note: a dialogue and shared perspectives
           * (the panel and the discussion), concrete examples (the panel). */
          g_assert_cmpint (convene_outcome_get_kind (outcome), ==, CONVENE_OUTCOME_KIND_OBJECTIVE);
          g_assert_true (is_linked (project, outcome, panel));
          g_assert_true (is_linked (project, outcome, discussion) == (objectives < 2));
          objectives++;
        }
    }
  g_assert_cmpuint (questions, ==, 5);
  g_assert_cmpuint (objectives, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_outcome_links (project))),
                    ==, 5 + 2 + 2 + 1);
  {
    g_autoptr(ConveneOutcome) first = g_list_model_get_item (outcomes, 0);

    g_assert_true (g_str_has_prefix (convene_outcome_get_text (first),
                                     "Provide a unique multisectoral dialogue"));
  }

  assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) a = g_list_model_get_item (assignments, i);
      ConveneSpeaker *speaker = convene_project_find_speaker (project, convene_assignment_get_speaker_id (a));

      if (convene_assignment_get_role (a) != CONVENE_ROLE_MODERATOR)
        continue;
      g_assert_cmpstr (convene_speaker_get_organisation (speaker), ==, "WHO");
      if (convene_assignment_get_session_id (a) == convene_session_get_id (session))
        session_moderators++;
      else if (convene_assignment_get_segment_id (a) == convene_segment_get_id (discussion))
        discussion_moderators++;
    }
  g_assert_cmpuint (session_moderators, ==, 2);
  g_assert_cmpuint (discussion_moderators, ==, 2);

  moderator = convene_speaker_dup_display_name (convene_project_find_speaker (project, 7));
  g_assert_cmpstr (moderator, ==, "Dr James Campbell");

  tz = convene_project_dup_gtime_zone (project);
  schedule = convene_schedule_compute (session, tz);
  g_assert_cmpint (convene_schedule_get_planned_minutes (schedule), ==, 93);
  g_assert_cmpint (convene_schedule_get_end (schedule), ==, 93);
  g_assert_cmpint (convene_schedule_get_over_minutes (schedule), ==, 3);
  end_clock = convene_schedule_format_clock (schedule, 93, FALSE);
  slot_end_clock = convene_schedule_format_clock (schedule, 90, FALSE);
  g_assert_cmpstr (end_clock, ==, "14:03");
  g_assert_cmpstr (slot_end_clock, ==, "14:00");
}

/* Ids */

static void
test_ids (void)
{
  const char *json =
    "{\"format\": \"convene-project\", \"version\": 1, \"project\": {},\n"
    " \"speakers\": [{\"name\": \"No id\"}, {\"id\": 40, \"name\": \"Forty\"}],\n"
    " \"sessions\": [{\"date\": \"2027-01-01\", \"start\": \"9:05\", \"slot_minutes\": 30,\n"
    "   \"outcomes\": [{\"kind\": \"follow-up\", \"segments\": [77], \"owner\": 40}],\n"
    "   \"segments\": [{\"kind\": \"custom\"}, {\"id\": 77, \"kind\": \"break\"}]},\n"
    "  {\"id\": 5, \"date\": \"2027-01-02\", \"start\": \"10:00\", \"slot_minutes\": 30,\n"
    "   \"segments\": [{\"kind\": \"break\"}]}],\n"
    " \"assignments\": [{\"speaker\": 40, \"session\": 5, \"role\": \"chair\"}]}";
  g_autoptr(ConveneProject) project = import_ok (json, -1);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(ConveneSpeaker) first = NULL;
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(ConveneSegment) segment = NULL;
  g_autoptr(ConveneOutcome) outcome = NULL;
  g_autoptr(ConveneAssignment) assignment = NULL;
  g_autoptr(ConveneOutcomeLink) link = NULL;
  gint64 given[6];
  gint64 next;

  first = g_list_model_get_item (G_LIST_MODEL (convene_project_get_speakers (project)), 0);
  session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);
  segment = g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 0);
  outcome = g_list_model_get_item (G_LIST_MODEL (convene_session_get_outcomes (session)), 0);
  assignment = g_list_model_get_item (G_LIST_MODEL (convene_project_get_assignments (project)), 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_outcome_links (project))), ==, 1);
  link = g_list_model_get_item (G_LIST_MODEL (convene_project_get_outcome_links (project)), 0);

  /* Objects without an id got fresh ones that clash with nothing written;
   * so did the link, which has none in the file. */
  given[0] = convene_speaker_get_id (first);
  given[1] = convene_session_get_id (session);
  given[2] = convene_segment_get_id (segment);
  given[3] = convene_outcome_get_id (outcome);
  given[4] = convene_assignment_get_id (assignment);
  given[5] = convene_outcome_link_get_id (link);
  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    {
      g_assert_cmpint (given[i], >, 0);
      g_assert_cmpint (given[i], !=, 5);
      g_assert_cmpint (given[i], !=, 40);
      g_assert_cmpint (given[i], !=, 77);
      g_assert_false (g_hash_table_contains (ids, &given[i]));
      g_hash_table_add (ids, g_memdup2 (&given[i], sizeof given[i]));
    }

  /* Every id was noted, so the project hands out none of them again. */
  next = convene_project_new_id (project);
  g_assert_cmpint (next, >, 77);
  g_assert_false (g_hash_table_contains (ids, &next));

  /* The largest id an import takes still leaves room to grow. */
  {
    g_autoptr(ConveneProject) largest = import_ok ("{\"format\": \"convene-project\", \"version\": 1, "
                                                   "\"project\": {}, \"speakers\": [{\"id\": 4611686018427387904}]}", -1);

    g_assert_cmpint (convene_project_new_id (largest), ==, CONVENE_MAX_ID + 1);
  }

  /* References resolve wherever the object stands in the text: the outcome
   * is written before the segment it names. */
  g_assert_cmpint (convene_outcome_link_get_outcome_id (link), ==, convene_outcome_get_id (outcome));
  g_assert_cmpint (convene_outcome_link_get_segment_id (link), ==, 77);
  g_assert_cmpint (convene_outcome_get_owner_id (outcome), ==, 40);
  g_assert_cmpint (convene_session_get_start_time (session), ==, 9 * 60 + 5);
  g_assert_cmpint (convene_assignment_get_session_id (assignment), ==, 5);
  g_assert_cmpint (convene_assignment_get_segment_id (assignment), ==, 0);
}

static void
test_defaults (void)
{
  const char *json =
    "{\"format\": \"convene-project\", \"version\": 1, \"project\": {},\n"
    " \"sessions\": [{\"date\": \"2027-01-01\", \"start\": \"08:00\", \"slot_minutes\": 45,\n"
    "   \"segments\": [{\"kind\": \"panel\", \"items\": [{\"kind\": \"qa\", \"items\": []}]}],\n"
    "   \"outcomes\": [{\"kind\": \"objective\", \"due_date\": \"\"}]}]}";
  g_autoptr(ConveneProject) project = import_ok (json, -1);
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(ConveneSegment) segment = NULL;
  g_autoptr(ConveneOutcome) outcome = NULL;

  g_assert_cmpstr (convene_project_get_title (project), ==, "");
  session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);
  g_assert_cmpstr (convene_session_get_title (session), ==, "");
  segment = g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 0);
  g_assert_cmpuint (convene_segment_get_duration (segment), ==, 0);
  g_assert_cmpint (convene_segment_get_fixed_start (segment), ==, CONVENE_NO_FIXED_START);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (segment))), ==, 1);
  /* Files from before Fit to Slot: no bounds, no lock, a 5-minute step. */
  g_assert_cmpuint (convene_segment_get_min_length (segment), ==, 0);
  g_assert_cmpuint (convene_segment_get_max_length (segment), ==, 0);
  g_assert_false (convene_segment_get_locked (segment));
  g_assert_cmpuint (convene_session_get_fit_step (session), ==, 5);
  outcome = g_list_model_get_item (G_LIST_MODEL (convene_session_get_outcomes (session)), 0);
  g_assert_false (convene_outcome_get_done (outcome));
  g_assert_cmpint (convene_outcome_get_result (outcome), ==, CONVENE_OUTCOME_RESULT_NONE);
  g_assert_cmpstr (convene_outcome_get_due_date (outcome), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_outcome_links (project))), ==, 0);
}

/* Bad input */

#define HEAD "{\"format\": \"convene-project\", \"version\": 1, \"project\": {}, "
#define SESSION_OPEN "\"sessions\": [{\"date\": \"2027-05-23\", \"start\": \"12:30\", \"slot_minutes\": 90, "
#define SEGMENT(fields) HEAD SESSION_OPEN "\"segments\": [" fields "]}]}"

typedef struct
{
  const char       *name;
  const char       *json;      /* NULL: built by the test */
  ConveneJsonError  code;
  const char       *expect;    /* must appear in the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "not-json", "this is not JSON", CONVENE_JSON_ERROR_SYNTAX, "JSON" },
  { "truncated", HEAD "\"speakers\": [", CONVENE_JSON_ERROR_SYNTAX, "cut short" },
  { "truncated-in-string", HEAD "\"speakers\": [{\"name\": \"Ama", CONVENE_JSON_ERROR_SYNTAX, "cut short" },
  { "truncated-after-escape", HEAD "\"speakers\": [{\"name\": \"Ama\\", CONVENE_JSON_ERROR_SYNTAX, "cut short" },
  { "truncated-first-byte", "{", CONVENE_JSON_ERROR_SYNTAX, "line 1 before the project does" },
  { "empty", "", CONVENE_JSON_ERROR_SYNTAX, "empty" },
  { "blank", "  \n\t ", CONVENE_JSON_ERROR_SYNTAX, "empty" },
  { "invalid-utf8", HEAD "\"speakers\": [{\"name\": \"caf\xC3\x28\"}]}", CONVENE_JSON_ERROR_SYNTAX, "UTF-8" },
  { "invalid-utf8-byte", "\xFF\xFE{}", CONVENE_JSON_ERROR_SYNTAX, "UTF-8" },
  { "trailing-value", HEAD "\"speakers\": []} {}", CONVENE_JSON_ERROR_SYNTAX, "after the end" },
  { "leading-zero", HEAD "\"speakers\": [{\"id\": 01}]}", CONVENE_JSON_ERROR_SYNTAX, "01" },
  { "comment", HEAD "/* hi */ \"speakers\": []}", CONVENE_JSON_ERROR_SYNTAX, "JSON" },
  { "array-at-top", "[{\"format\": \"convene-project\"}]", CONVENE_JSON_ERROR_NOT_PROJECT, "not a Convene project" },
  { "string-at-top", "\"convene-project\"", CONVENE_JSON_ERROR_NOT_PROJECT, "not a Convene project" },
  { "other-format", "{\"format\": \"other-app\", \"version\": 1, \"project\": {}}", CONVENE_JSON_ERROR_NOT_PROJECT, "format" },
  { "no-format", "{\"version\": 1, \"project\": {}}", CONVENE_JSON_ERROR_NOT_PROJECT, "format" },
  { "version-99", "{\"format\": \"convene-project\", \"version\": 99, \"project\": {}}", CONVENE_JSON_ERROR_TOO_NEW, "99" },
  { "version-0", "{\"format\": \"convene-project\", \"version\": 0, \"project\": {}}", CONVENE_JSON_ERROR_INVALID, "version: " },
  { "version-string", "{\"format\": \"convene-project\", \"version\": \"1\", \"project\": {}}", CONVENE_JSON_ERROR_INVALID, "version: " },
  { "no-version", "{\"format\": \"convene-project\", \"project\": {}}", CONVENE_JSON_ERROR_INVALID, "version: " },
  { "no-project", "{\"format\": \"convene-project\", \"version\": 1}", CONVENE_JSON_ERROR_INVALID, "project: " },
  { "project-array", "{\"format\": \"convene-project\", \"version\": 1, \"project\": []}", CONVENE_JSON_ERROR_INVALID, "project: " },
  { "unknown-top-field", HEAD "\"extras\": 1}", CONVENE_JSON_ERROR_INVALID, "extras: " },
  { "speakers-object", HEAD "\"speakers\": {}}", CONVENE_JSON_ERROR_INVALID, "speakers: " },
  { "speaker-not-object", HEAD "\"speakers\": [\"Ana\"]}", CONVENE_JSON_ERROR_INVALID, "speakers[0]: " },
  { "number-for-text", HEAD "\"speakers\": [{\"name\": 12}]}", CONVENE_JSON_ERROR_INVALID, "speakers[0].name: " },
  { "slot-as-string", HEAD "\"sessions\": [{\"date\": \"2027-05-23\", \"start\": \"12:30\", \"slot_minutes\": \"90\"}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].slot_minutes: " },
  { "slot-zero", HEAD "\"sessions\": [{\"date\": \"2027-05-23\", \"start\": \"12:30\", \"slot_minutes\": 0}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].slot_minutes: " },
  { "duration-string", SEGMENT ("{\"kind\": \"panel\", \"duration\": \"10\"}"), CONVENE_JSON_ERROR_INVALID,
    "sessions[0].segments[0].duration: " },
  { "duration-fraction", SEGMENT ("{\"kind\": \"panel\", \"duration\": 10.5}"), CONVENE_JSON_ERROR_INVALID,
    "sessions[0].segments[0].duration: " },
  { "duration-negative", SEGMENT ("{\"kind\": \"panel\"}, {\"kind\": \"qa\", \"duration\": -5}"),
    CONVENE_JSON_ERROR_INVALID, "sessions[0].segments[1].duration: A duration must be between" },
  { "duration-huge", SEGMENT ("{\"kind\": \"panel\", \"duration\": 100000}"), CONVENE_JSON_ERROR_INVALID,
    "sessions[0].segments[0].duration: A duration must be between" },
  { "duration-beyond-64-bits", SEGMENT ("{\"kind\": \"panel\", \"duration\": 99999999999999999999}"),
    CONVENE_JSON_ERROR_INVALID, "99999999999999999999" },
  { "duration-wraps-to-small", SEGMENT ("{\"kind\": \"panel\", \"duration\": -18446744073709551606}"),
    CONVENE_JSON_ERROR_INVALID, "18446744073709551606" },
  { "unknown-kind", SEGMENT ("{\"kind\": \"lecture\"}"), CONVENE_JSON_ERROR_INVALID,
    "sessions[0].segments[0].kind: “lecture”" },
  { "missing-kind", SEGMENT ("{\"title\": \"x\"}"), CONVENE_JSON_ERROR_INVALID,
    "sessions[0].segments[0].kind: This field is required" },
  { "unknown-field", SEGMENT ("{\"kind\": \"panel\", \"duraton\": 5}"), CONVENE_JSON_ERROR_INVALID,
    "sessions[0].segments[0].duraton: " },
  { "item-inside-item", SEGMENT ("{\"kind\": \"panel\", \"items\": [{\"kind\": \"presentation\", \"items\": [{\"kind\": \"qa\"}]}]}"),
    CONVENE_JSON_ERROR_INVALID, "sessions[0].segments[0].items[0].items: " },
  { "items-inside-break", SEGMENT ("{\"kind\": \"break\", \"items\": [{\"kind\": \"presentation\"}]}"),
    CONVENE_JSON_ERROR_INVALID,
    "sessions[0].segments[0].items: A segment of the kind “Break” cannot hold items." },
  { "min-above-max", SEGMENT ("{\"kind\": \"qa\", \"min_length\": 30, \"max_length\": 20}"),
    CONVENE_JSON_ERROR_INVALID, "sessions[0].segments[0].max_length: The minimum length (30 min) cannot be longer" },
  { "min-negative", SEGMENT ("{\"kind\": \"qa\", \"min_length\": -1}"), CONVENE_JSON_ERROR_INVALID,
    "sessions[0].segments[0].min_length: " },
  { "locked-number", SEGMENT ("{\"kind\": \"qa\", \"locked\": 1}"), CONVENE_JSON_ERROR_INVALID,
    "sessions[0].segments[0].locked: " },
  { "fit-step-zero", HEAD "\"sessions\": [{\"date\": \"2027-05-23\", \"start\": \"12:30\", \"slot_minutes\": 90, "
    "\"fit_step\": 0}]}", CONVENE_JSON_ERROR_INVALID, "sessions[0].fit_step: The rounding step must be between 1 and 60" },
  { "bad-fixed-start", SEGMENT ("{\"kind\": \"panel\", \"fixed_start\": \"7pm\"}"), CONVENE_JSON_ERROR_INVALID,
    "sessions[0].segments[0].fixed_start: " },
  { "duplicate-speaker-id", HEAD "\"speakers\": [{\"id\": 3}, {\"id\": 3}]}", CONVENE_JSON_ERROR_INVALID,
    "speakers[1].id: The id 3 is already used by speakers[0]" },
  { "duplicate-segment-id", SEGMENT ("{\"id\": 8, \"kind\": \"panel\", \"items\": [{\"id\": 8, \"kind\": \"qa\"}]}"),
    CONVENE_JSON_ERROR_INVALID, "sessions[0].segments[0].items[0].id: " },
  { "zero-id", HEAD "\"speakers\": [{\"id\": 0}]}", CONVENE_JSON_ERROR_INVALID, "speakers[0].id: " },
  /* The largest 64-bit id leaves no room for the next one. */
  { "largest-int64-id", HEAD "\"speakers\": [{\"id\": 9223372036854775807}]}", CONVENE_JSON_ERROR_INVALID,
    "speakers[0].id: An id must be a whole number from 1 to 4611686018427387904." },
  { "id-past-cap", HEAD "\"sessions\": [{\"id\": 4611686018427387905, \"date\": \"2027-05-23\", "
    "\"start\": \"12:30\", \"slot_minutes\": 90}]}", CONVENE_JSON_ERROR_INVALID, "sessions[0].id: An id must be" },
  { "string-id", HEAD "\"speakers\": [{\"id\": \"1\"}]}", CONVENE_JSON_ERROR_INVALID, "speakers[0].id: " },
  { "uuid-not-uuid", SEGMENT ("{\"uuid\": \"6f1c2a3e-9b4d-4c1e-8f2a\", \"kind\": \"qa\"}"),
    CONVENE_JSON_ERROR_INVALID,
    "sessions[0].segments[0].uuid: “6f1c2a3e-9b4d-4c1e-8f2a” is not a permanent identifier" },
  { "uuid-number", SEGMENT ("{\"uuid\": 7, \"kind\": \"qa\"}"), CONVENE_JSON_ERROR_INVALID,
    "sessions[0].segments[0].uuid: This must be text" },
  { "uuid-twice", HEAD SESSION_OPEN "\"uuid\": \"6F1C2A3E-9B4D-4C1E-8F2A-0B1C2D3E4F50\", "
    "\"segments\": [{\"uuid\": \"6f1c2a3e-9b4d-4c1e-8f2a-0b1c2d3e4f50\", \"kind\": \"qa\"}]}]}",
    CONVENE_JSON_ERROR_INVALID,
    "sessions[0].segments[0].uuid: The permanent identifier 6f1c2a3e-9b4d-4c1e-8f2a-0b1c2d3e4f50 "
    "is already used by sessions[0]." },
  { "dangling-speaker", HEAD "\"speakers\": [{\"id\": 1}], " SESSION_OPEN "\"id\": 2}], "
    "\"assignments\": [{\"speaker\": 9, \"session\": 2, \"role\": \"chair\"}]}",
    CONVENE_JSON_ERROR_INVALID, "assignments[0].speaker: There is no speaker with the id 9" },
  { "dangling-session", HEAD "\"speakers\": [{\"id\": 1}], "
    "\"assignments\": [{\"speaker\": 1, \"session\": 2, \"role\": \"chair\"}]}",
    CONVENE_JSON_ERROR_INVALID, "assignments[0].session: " },
  { "session-id-as-segment", HEAD "\"speakers\": [{\"id\": 1}], " SESSION_OPEN "\"id\": 2}], "
    "\"assignments\": [{\"speaker\": 1, \"segment\": 2, \"role\": \"chair\"}]}",
    CONVENE_JSON_ERROR_INVALID, "assignments[0].segment: " },
  { "assignment-both", HEAD "\"speakers\": [{\"id\": 1}], " SESSION_OPEN "\"id\": 2, \"segments\": [{\"id\": 3, \"kind\": \"qa\"}]}], "
    "\"assignments\": [{\"speaker\": 1, \"segment\": 3, \"session\": 2, \"role\": \"chair\"}]}",
    CONVENE_JSON_ERROR_INVALID, "assignments[0]: " },
  { "assignment-neither", HEAD "\"speakers\": [{\"id\": 1}], \"assignments\": [{\"speaker\": 1, \"role\": \"chair\"}]}",
    CONVENE_JSON_ERROR_INVALID, "assignments[0]: " },
  { "assignment-no-role", HEAD "\"speakers\": [{\"id\": 1}], " SESSION_OPEN "\"id\": 2}], "
    "\"assignments\": [{\"speaker\": 1, \"session\": 2}]}",
    CONVENE_JSON_ERROR_INVALID, "assignments[0].role: " },
  { "dangling-outcome-segment", HEAD SESSION_OPEN "\"outcomes\": [{\"kind\": \"objective\", \"segments\": [4]}]}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].outcomes[0].segments[0]: There is no segment or item with the id 4." },
  { "outcome-segments-not-array", HEAD SESSION_OPEN "\"segments\": [{\"id\": 4, \"kind\": \"qa\"}], "
    "\"outcomes\": [{\"kind\": \"objective\", \"segments\": 4}]}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].outcomes[0].segments: This must be a list in brackets [ ]." },
  { "outcome-segment-not-id", HEAD SESSION_OPEN "\"segments\": [{\"id\": 4, \"kind\": \"qa\"}], "
    "\"outcomes\": [{\"kind\": \"objective\", \"segments\": [4, \"4\"]}]}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].outcomes[0].segments[1]: This must be the id of a segment or item" },
  { "outcome-segment-twice", HEAD SESSION_OPEN "\"segments\": [{\"id\": 4, \"kind\": \"panel\", "
    "\"items\": [{\"id\": 6, \"kind\": \"presentation\"}]}], "
    "\"outcomes\": [{\"kind\": \"objective\", \"segments\": [6, 4, 6]}]}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].outcomes[0].segments[2]: The segment or item 6 is listed twice." },
  { "outcome-segment-other-session", HEAD "\"sessions\": ["
    "{\"date\": \"2027-05-23\", \"start\": \"12:30\", \"slot_minutes\": 90, \"segments\": [{\"id\": 3, \"kind\": \"qa\"}]}, "
    "{\"date\": \"2027-05-24\", \"start\": \"12:30\", \"slot_minutes\": 90, "
    "\"outcomes\": [{\"kind\": \"guiding-question\", \"segments\": [3]}]}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[1].outcomes[0].segments[0]: The segment or item 3 is part of another session" },
  { "outcome-old-segment-field", HEAD SESSION_OPEN "\"segments\": [{\"id\": 4, \"kind\": \"qa\"}], "
    "\"outcomes\": [{\"kind\": \"objective\", \"segment\": 4}]}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].outcomes[0].segment: Convene does not know this field." },
  { "dangling-owner", HEAD SESSION_OPEN "\"outcomes\": [{\"kind\": \"follow-up\", \"owner\": 4}]}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].outcomes[0].owner: " },
  { "done-as-string", HEAD SESSION_OPEN "\"outcomes\": [{\"kind\": \"objective\", \"done\": \"yes\"}]}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].outcomes[0].done: " },
  { "bad-due-date", HEAD SESSION_OPEN "\"outcomes\": [{\"kind\": \"follow-up\", \"due_date\": \"next week\"}]}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].outcomes[0].due_date: " },
  { "unknown-result", HEAD SESSION_OPEN "\"outcomes\": [{\"kind\": \"objective\", \"result\": \"great\"}]}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].outcomes[0].result: " },
  { "live-not-list", HEAD "\"sessions\": [{\"date\": \"2027-05-23\", \"start\": \"12:30\", \"slot_minutes\": 90, \"live\": {}}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].live: " },
  { "live-bad-instant", HEAD "\"sessions\": [{\"date\": \"2027-05-23\", \"start\": \"12:30\", \"slot_minutes\": 90, \"live\": [{\"at\": \"2027-05-24 10:42\", \"action\": \"start\"}]}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].live[0].at: " },
  { "live-local-instant", HEAD "\"sessions\": [{\"date\": \"2027-05-23\", \"start\": \"12:30\", \"slot_minutes\": 90, \"live\": [{\"at\": \"2027-05-24T10:42:00.000000+02\", \"action\": \"start\"}]}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].live[0].at: " },
  { "live-unknown-action", HEAD "\"sessions\": [{\"date\": \"2027-05-23\", \"start\": \"12:30\", \"slot_minutes\": 90, \"live\": [{\"at\": \"2027-05-24T10:42:00.000000Z\", \"action\": \"rewind\"}]}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].live[0].action: " },
  { "live-minutes-too-many", HEAD "\"sessions\": [{\"date\": \"2027-05-23\", \"start\": \"12:30\", \"slot_minutes\": 90, \"live\": [{\"at\": \"2027-05-24T10:42:00.000000Z\", \"action\": \"add\", \"minutes\": 5000}]}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].live[0].minutes: " },
  { "actuals-not-list", HEAD "\"sessions\": [{\"date\": \"2027-05-23\", \"start\": \"12:30\", \"slot_minutes\": 90, \"actuals\": 3}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].actuals: " },
  { "bad-date", HEAD "\"sessions\": [{\"date\": \"2027-02-30\", \"start\": \"12:30\", \"slot_minutes\": 90}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].date: “2027-02-30” is not a date" },
  { "missing-date", HEAD "\"sessions\": [{\"start\": \"12:30\", \"slot_minutes\": 90}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].date: " },
  { "bad-time", HEAD "\"sessions\": [{\"date\": \"2027-05-23\", \"start\": \"25:00\", \"slot_minutes\": 90}]}",
    CONVENE_JSON_ERROR_INVALID, "sessions[0].start: “25:00”" },
  { "unknown-time-zone", "{\"format\": \"convene-project\", \"version\": 1, \"project\": {\"time_zone\": \"Mars/Olympus_Mons\"}}",
    CONVENE_JSON_ERROR_INVALID, "project.time_zone: " },
  /* Paths and other files of the zone folder are not zones. */
  { "time-zone-path", "{\"format\": \"convene-project\", \"version\": 1, \"project\": {\"time_zone\": \"/etc/localtime\"}}",
    CONVENE_JSON_ERROR_INVALID, "project.time_zone: “/etc/localtime” is not a time zone" },
  { "time-zone-dot-dot", "{\"format\": \"convene-project\", \"version\": 1, \"project\": {\"time_zone\": \"Europe/../Europe/Zurich\"}}",
    CONVENE_JSON_ERROR_INVALID, "project.time_zone: " },
  { "time-zone-zone-tab", "{\"format\": \"convene-project\", \"version\": 1, \"project\": {\"time_zone\": \"zone.tab\"}}",
    CONVENE_JSON_ERROR_INVALID, "project.time_zone: " },
  { "unknown-status", HEAD "\"speakers\": [{\"status\": \"maybe\"}]}", CONVENE_JSON_ERROR_INVALID,
    "speakers[0].status: " },
  { "duplicate-member", SEGMENT ("{\"kind\": \"panel\",\n \"duration\": 5,\n \"duration\": 6}"),
    CONVENE_JSON_ERROR_INVALID, "“duration” appears twice" },
  { "nul-escape", HEAD "\"speakers\": [{\"name\": \"Ana\\u0000Gómez\"}]}", CONVENE_JSON_ERROR_INVALID, "u0000" },
  { "overlong-text", NULL, CONVENE_JSON_ERROR_INVALID, "project.title: " },
  { "deep-nesting", NULL, CONVENE_JSON_ERROR_SYNTAX, "nested" },
};

static char *
build_bad_json (const BadCase *bad)
{
  if (bad->json != NULL)
    return g_strdup (bad->json);

  if (g_str_equal (bad->name, "overlong-text"))
    {
      g_autofree char *title = g_strnfill (70 * 1024, 'x');
      return g_strdup_printf ("{\"format\": \"convene-project\", \"version\": 1, "
                              "\"project\": {\"title\": \"%s\"}}", title);
    }

  if (g_str_equal (bad->name, "deep-nesting"))
    {
      g_autoptr(GString) deep = g_string_new (HEAD "\"speakers\": ");
      for (guint i = 0; i < 200000; i++)
        g_string_append_c (deep, '[');
      for (guint i = 0; i < 200000; i++)
        g_string_append_c (deep, ']');
      g_string_append_c (deep, '}');
      return g_string_free (g_steal_pointer (&deep), FALSE);
    }

  g_assert_not_reached ();
}

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *json = build_bad_json (bad);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneProject) project = NULL;

  project = convene_json_import (json, (gssize) strlen (json), &error);
  g_assert_null (project);
  g_assert_error (error, CONVENE_JSON_ERROR, (int) bad->code);
  if (bad->expect != NULL && strstr (error->message, bad->expect) == NULL)
    g_error ("message “%s” lacks “%s”", error->message, bad->expect);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* A room given as a number, with the rest valid: the path names the field. */
static void
test_string_where_number (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneProject) project = NULL;

  project = convene_json_import (HEAD SESSION_OPEN "\"room\": 17}]}", -1, &error);
  g_assert_null (project);
  g_assert_error (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "sessions[0].room: This must be text in double quotes.");
}

/* Every prefix and many single-byte changes of the example are either
 * refused with an error or imported: never a crash, never both or neither. */
static void
test_damaged_example (void)
{
  g_autofree char *example = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270523);
  gsize length;

  example = load_example (&length);

  /* Only the final newline may be cut off a complete project. */
  for (gsize cut = 0; cut + 1 < length; cut += 37)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ConveneProject) project = convene_json_import (example, (gssize) cut, &error);

      g_assert_null (project);
      g_assert_nonnull (error);
      g_assert_true (error->domain == CONVENE_JSON_ERROR);
    }

  for (guint round = 0; round < 2000; round++)
    {
      g_autofree char *copy = g_memdup2 (example, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(ConveneProject) project = NULL;
      gsize at = (gsize) g_rand_int_range (rand, 0, (gint32) length);

      copy[at] = (char) g_rand_int_range (rand, 1, 256);
      project = convene_json_import (copy, (gssize) length, &error);
      g_assert_true ((project == NULL) != (error == NULL));
      if (project != NULL)
        {
          g_autofree char *exported = convene_json_export (project, NULL);
          g_autoptr(ConveneProject) again = import_ok (exported, -1);
          g_autofree char *second = convene_json_export (again, NULL);

          g_assert_cmpstr (exported, ==, second);
        }
    }
}

/* Files */

static void
test_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("convene-json-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *missing_path = NULL;
  g_autofree char *bad_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GFile) nowhere = NULL;
  g_autoptr(ConveneProject) project = build_full_project ();
  g_autoptr(ConveneProject) loaded = NULL;
  g_autofree char *expected = convene_json_export (project, NULL);
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "project.json", NULL);
  file = g_file_new_for_path (path);

  g_assert_true (convene_json_export_to_file (project, file, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &written, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);

  loaded = convene_json_import_file (file, &error);
  g_assert_no_error (error);
  again = convene_json_export (loaded, NULL);
  g_assert_cmpstr (again, ==, expected);

  missing_path = g_build_filename (dir, "missing.json", NULL);
  missing = g_file_new_for_path (missing_path);
  g_assert_null (convene_json_import_file (missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing_path));
  g_clear_error (&error);

  bad_path = g_build_filename (dir, "bad.json", NULL);
  g_file_set_contents (bad_path, HEAD "\"speakers\": [{\"name\": 1}]}", -1, &error);
  g_assert_no_error (error);
  bad = g_file_new_for_path (bad_path);
  g_assert_null (convene_json_import_file (bad, &error));
  g_assert_error (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, bad_path));
  g_assert_nonnull (strstr (error->message, "speakers[0].name: "));
  g_clear_error (&error);

  nowhere = g_file_new_build_filename (dir, "no", "such", "folder.json", NULL);
  g_assert_false (convene_json_export_to_file (project, nowhere, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "folder.json"));
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_unlink (bad_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/json/round-trip/full", test_round_trip_full);
  g_test_add_func ("/io/json/round-trip/example", test_round_trip_example);
  g_test_add_func ("/io/json/round-trip/stable-bytes", test_stable_bytes);
  g_test_add_func ("/io/json/round-trip/empty", test_empty_project_round_trip);
  g_test_add_func ("/io/json/round-trip/instants", test_round_trip_instants);
  g_test_add_func ("/io/json/example/content", test_example_content);
  g_test_add_func ("/io/json/import/ids", test_ids);
  g_test_add_func ("/io/json/import/defaults", test_defaults);
  g_test_add_func ("/io/json/import/string-where-number", test_string_where_number);
  g_test_add_func ("/io/json/import/damaged-example", test_damaged_example);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/io/json/bad/%s", bad_cases[i].name);
      g_test_add_data_func (name, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/io/json/files", test_files);

  return g_test_run ();
}
