#include "config.h"

#include <glib/gstdio.h>

#include "convene-limits.h"
#include "store-fixtures.h"

static ConveneSegment *
add_segment (ConveneProject     *project,
             GListStore         *list,
             ConveneSegmentKind  kind,
             const char         *title,
             guint               duration)
{
  ConveneSegment *segment = convene_segment_new (convene_project_new_id (project), kind,
                                                 title, duration);

  g_list_store_append (list, segment);
  g_object_unref (segment);
  return segment;
}

static ConveneSpeaker *
add_speaker (ConveneProject       *project,
             const char           *honorific,
             const char           *name,
             ConveneSpeakerStatus  status)
{
  ConveneSpeaker *speaker = convene_speaker_new (convene_project_new_id (project), name);

  convene_speaker_set_honorific (speaker, honorific);
  convene_speaker_set_job_title (speaker, "Director");
  convene_speaker_set_organisation (speaker, "Université de Genève");
  convene_speaker_set_email (speaker, "someone@example.org");
  convene_speaker_set_phone (speaker, "+41 22 000 00 00");
  convene_speaker_set_bio (speaker, "Works on trade and development.\nSecond line.");
  convene_speaker_set_notes (speaker, "Needs a lapel microphone.");
  convene_speaker_set_status (speaker, status);
  g_list_store_append (convene_project_get_speakers (project), speaker);
  g_object_unref (speaker);
  return speaker;
}

static void
add_assignment (ConveneProject *project,
                ConveneSpeaker *speaker,
                ConveneSegment *segment,
                ConveneSession *session,
                ConveneRole     role)
{
  g_autoptr(ConveneAssignment) assignment = NULL;
  gint64 id = convene_project_new_id (project);

  if (segment != NULL)
    assignment = convene_assignment_new_for_segment (id, convene_speaker_get_id (speaker),
                                                     convene_segment_get_id (segment), role);
  else
    assignment = convene_assignment_new_for_session (id, convene_speaker_get_id (speaker),
                                                     convene_session_get_id (session), role);
  g_list_store_append (convene_project_get_assignments (project), assignment);
}

static ConveneOutcome *
add_outcome (ConveneProject     *project,
             ConveneSession     *session,
             ConveneOutcomeKind  kind,
             const char         *text)
{
  ConveneOutcome *outcome = convene_outcome_new (convene_project_new_id (project), kind, text);

  g_list_store_append (convene_session_get_outcomes (session), outcome);
  g_object_unref (outcome);
  return outcome;
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

ConveneProject *
fixture_full_project (void)
{
  ConveneProject *project = convene_project_new ();
  ConveneSpeaker *speakers[CONVENE_N_SPEAKER_STATUSES];
  ConveneSession *session, *second;
  ConveneSegment *panel, *opening, *wrap_up, *item = NULL;
  ConveneOutcome *outcome, *objective = NULL;
  GListStore *segments;

  convene_project_set_title (project, "Trade, Climate and Development — Side Event");
  convene_project_set_organiser (project, "Convene Planners’ Network");
  convene_project_set_venue (project, "Palais des Nations, Genève");
  convene_project_set_notes (project, "Badges at gate 6.\nInterpretation: EN/FR/ES.");
  convene_project_set_time_zone (project, "Europe/Zurich");

  for (guint s = 0; s < CONVENE_N_SPEAKER_STATUSES; s++)
    {
      g_autofree char *name = g_strdup_printf ("Speaker Nº %u Ñandú", s + 1);

      speakers[s] = add_speaker (project, s % 2 ? "Dr" : "Ms", name, (ConveneSpeakerStatus) s);
    }

  session = convene_session_new (convene_project_new_id (project), "High-level side event",
                                 "2025-06-12", 12 * 60 + 30, 90);
  convene_session_set_room (session, "Room XXIII");
  convene_session_set_description (session, "A lunchtime panel on the concept note.");
  g_list_store_append (convene_project_get_sessions (project), session);
  g_object_unref (session);

  second = convene_session_new (convene_project_new_id (project), "Follow-up meeting",
                                "", 23 * 60 + 59, CONVENE_MAX_SLOT_MINUTES);
  g_list_store_append (convene_project_get_sessions (project), second);
  g_object_unref (second);

  /* Every kind once, in the first session; the panel holds three items. */
  segments = convene_session_get_segments (session);
  opening = add_segment (project, segments, CONVENE_SEGMENT_KIND_OPENING, "Opening", 5);
  convene_segment_set_notes (opening, "Chair opens.");
  convene_segment_set_cues (opening, "Lights up; slide 1.");
  convene_segment_set_fixed_start (opening, 12 * 60 + 30);
  panel = NULL;
  for (guint k = 1; k < CONVENE_N_SEGMENT_KINDS; k++)
    {
      ConveneSegment *segment = add_segment (project, segments, (ConveneSegmentKind) k,
                                             convene_segment_kind_to_nick ((ConveneSegmentKind) k),
                                             k * 3);
      if (k == CONVENE_SEGMENT_KIND_PANEL)
        panel = segment;
    }
  g_assert_nonnull (panel);
  convene_segment_set_duration (panel, 60);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Talk %c", 'a' + i);

      item = add_segment (project, convene_segment_get_items (panel),
                          CONVENE_SEGMENT_KIND_PRESENTATION, title, 8);
      convene_segment_set_notes (item, "Slides received.");
    }
  wrap_up = add_segment (project, convene_session_get_segments (second), CONVENE_SEGMENT_KIND_CUSTOM,
                         "Wrap-up", CONVENE_MAX_DURATION_MINUTES);
  add_segment (project, convene_session_get_segments (second), CONVENE_SEGMENT_KIND_BREAK,
               "", 0);

  /* Every role: on a segment, on an item and on the session itself. */
  for (guint r = 0; r < CONVENE_N_ROLES; r++)
    {
      ConveneSpeaker *speaker = speakers[r % CONVENE_N_SPEAKER_STATUSES];

      if (r == CONVENE_ROLE_MODERATOR)
        add_assignment (project, speaker, NULL, session, (ConveneRole) r);
      else if (r == CONVENE_ROLE_PRESENTER)
        add_assignment (project, speaker, item, NULL, (ConveneRole) r);
      else
        add_assignment (project, speaker, r % 2 ? panel : opening, NULL, (ConveneRole) r);
    }

  /* Every outcome kind and every result. */
  for (guint k = 0; k < CONVENE_N_OUTCOME_KINDS; k++)
    {
      g_autofree char *text = g_strdup_printf ("Outcome “%s”", convene_outcome_kind_to_nick (k));

      outcome = add_outcome (project, session, (ConveneOutcomeKind) k, text);
      convene_outcome_set_result (outcome, (ConveneOutcomeResult) (k % CONVENE_N_OUTCOME_RESULTS));
      if (k % 2)
        convene_outcome_set_done (outcome, TRUE);
      if (k == CONVENE_OUTCOME_KIND_OBJECTIVE)
        objective = outcome;
    }
  /* Links: one segment serving two items, one item served by a segment and
   * an item, and one in the other session. */
  add_link (project, objective, panel);
  add_link (project, outcome, item);
  add_link (project, outcome, panel);
  convene_outcome_set_owner_id (outcome, convene_speaker_get_id (speakers[1]));
  convene_outcome_set_due_date (outcome, "2025-07-01");
  convene_outcome_set_result_note (outcome, "Two of three met.");
  outcome = add_outcome (project, second, CONVENE_OUTCOME_KIND_FOLLOW_UP, "Send the report");
  add_link (project, outcome, wrap_up);

  /* The second session was run live: every action and both recoveries. */
  for (guint a = 0; a <= CONVENE_LIVE_ACTION_JUMP; a++)
    {
      g_autoptr(ConveneLiveEvent) event =
        convene_live_event_new (convene_project_new_id (project),
                                G_GINT64_CONSTANT (1810000000000000) + a * G_GINT64_CONSTANT (61000123),
                                (ConveneLiveAction) a,
                                a == CONVENE_LIVE_ACTION_JUMP ? convene_segment_get_id (wrap_up) : 0,
                                a == CONVENE_LIVE_ACTION_ADD ? -2 : 0,
                                a % 2 ? CONVENE_LIVE_ABSORB : CONVENE_LIVE_PUSH);

      g_list_store_append (convene_session_get_live_events (second), event);
    }

  return project;
}

static void
dump_object (GString *out,
             GObject *object,
             guint    depth)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_string_append_printf (out, "%*s%s\n", (int) depth * 2, "", G_OBJECT_TYPE_NAME (object));
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      /* A file from before UUIDs read without migrating gives its sessions
       * and segments UUIDs made up at each read, and migrating it makes
       * others: the dump compares content. The store's tests check UUIDs
       * themselves. */
      if (!(pspec->flags & G_PARAM_READABLE) || g_str_equal (pspec->name, "uuid"))
        continue;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (object, pspec->name, &value);

      if (G_VALUE_HOLDS_OBJECT (&value) && G_IS_LIST_MODEL (g_value_get_object (&value)))
        {
          GListModel *list = g_value_get_object (&value);

          g_string_append_printf (out, "%*s%s: [\n", (int) depth * 2 + 2, "", pspec->name);
          for (guint j = 0; j < g_list_model_get_n_items (list); j++)
            {
              g_autoptr(GObject) item = g_list_model_get_item (list, j);

              dump_object (out, item, depth + 2);
            }
          g_string_append_printf (out, "%*s]\n", (int) depth * 2 + 2, "");
        }
      else
        {
          g_autofree char *contents = g_strdup_value_contents (&value);

          g_string_append_printf (out, "%*s%s = %s\n", (int) depth * 2 + 2, "",
                                  pspec->name, contents);
        }
    }
}

char *
fixture_dump_project (ConveneProject *project)
{
  GString *out = g_string_new (NULL);

  dump_object (out, G_OBJECT (project), 0);
  return g_string_free (out, FALSE);
}

char *
fixture_dump_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(ConveneProject) project = NULL;

  store = convene_store_open (file, CONVENE_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  project = convene_store_load (store, &error);
  g_assert_no_error (error);
  convene_store_close (store);

  return fixture_dump_project (project);
}

char *
fixture_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("convene-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
fixture_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          g_chmod (path, 0755);
          fixture_remove_dir (path);
        }
      else
        g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

char *
fixture_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

gboolean
fixture_has_companions (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  return g_file_test (wal, G_FILE_TEST_EXISTS) || g_file_test (shm, G_FILE_TEST_EXISTS) ||
         g_file_test (journal, G_FILE_TEST_EXISTS);
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  return db;
}

void
fixture_exec (const char *path,
              const char *sql)
{
  sqlite3 *db = raw_open (path);
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

gint64
fixture_query_int (const char *path,
                   const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return value;
}

char *
fixture_query_text (const char *path,
                    const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return value;
}

void
fixture_write_project (const char     *path,
                       ConveneProject *project)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneStore) store = NULL;

  store = convene_store_create (file, project, &error);
  g_assert_no_error (error);
  convene_store_close (store);
}
