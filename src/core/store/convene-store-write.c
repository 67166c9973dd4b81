#define G_LOG_DOMAIN "convene-store"
#include "config.h"

#include "convene-store-private.h"

/* Every statement the store writes with, prepared once per connection and
 * kept (SQLITE_PREPARE_PERSISTENT); values are always bound. Upserts update in
 * place (ON CONFLICT DO UPDATE) rather than INSERT OR REPLACE, which would
 * delete the row first and cascade that deletion to its children. */
typedef enum {
  STMT_PUT_PROJECT,
  STMT_PUT_SESSION,
  STMT_PUT_SEGMENT,
  STMT_PUT_SPEAKER,
  STMT_PUT_ASSIGNMENT,
  STMT_PUT_OUTCOME,
  STMT_PUT_OUTCOME_LINK,
  STMT_PUT_LIVE_EVENT,
  STMT_IDS_SESSIONS,
  STMT_IDS_SPEAKERS,
  STMT_IDS_ASSIGNMENTS,
  STMT_IDS_SEGMENTS,
  STMT_IDS_ITEMS,
  STMT_IDS_OUTCOMES,
  STMT_IDS_OUTCOME_LINKS,
  STMT_IDS_LIVE_EVENTS,
  STMT_DELETE_SESSION,
  STMT_DELETE_SPEAKER,
  STMT_DELETE_ASSIGNMENT,
  STMT_DELETE_SEGMENT,
  STMT_DELETE_OUTCOME,
  STMT_DELETE_OUTCOME_LINK,
  STMT_DELETE_LIVE_EVENT,
  N_STMTS
} Stmt;

static const char * const stmt_sql[N_STMTS] = {
  [STMT_PUT_PROJECT] =
    "INSERT INTO project (id, title, organiser, venue, notes, time_zone) "
    "VALUES (1, ?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (id) DO UPDATE SET title = excluded.title, organiser = excluded.organiser, "
    "venue = excluded.venue, notes = excluded.notes, time_zone = excluded.time_zone",
  [STMT_PUT_SESSION] =
    "INSERT INTO session (id, position, title, date, start_time, slot_minutes, room, description, "
    "fit_step, uuid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
    "ON CONFLICT (id) DO UPDATE SET position = excluded.position, title = excluded.title, "
    "date = excluded.date, start_time = excluded.start_time, "
    "slot_minutes = excluded.slot_minutes, room = excluded.room, "
    "description = excluded.description, fit_step = excluded.fit_step, uuid = excluded.uuid",
  [STMT_PUT_SEGMENT] =
    "INSERT INTO segment (id, session, parent, position, kind, title, duration, notes, cues, "
    "fixed_start, has_target, min_length, max_length, locked, uuid) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
    "ON CONFLICT (id) DO UPDATE SET session = excluded.session, parent = excluded.parent, "
    "position = excluded.position, kind = excluded.kind, title = excluded.title, "
    "duration = excluded.duration, notes = excluded.notes, cues = excluded.cues, "
    "fixed_start = excluded.fixed_start, has_target = excluded.has_target, "
    "min_length = excluded.min_length, max_length = excluded.max_length, locked = excluded.locked, "
    "uuid = excluded.uuid",
  [STMT_PUT_SPEAKER] =
    "INSERT INTO speaker (id, position, honorific, name, job_title, organisation, email, phone, "
    "bio, notes, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
    "ON CONFLICT (id) DO UPDATE SET position = excluded.position, "
    "honorific = excluded.honorific, name = excluded.name, job_title = excluded.job_title, "
    "organisation = excluded.organisation, email = excluded.email, phone = excluded.phone, "
    "bio = excluded.bio, notes = excluded.notes, status = excluded.status",
  [STMT_PUT_ASSIGNMENT] =
    "INSERT INTO assignment (id, position, speaker, segment, session, role) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
    "ON CONFLICT (id) DO UPDATE SET position = excluded.position, speaker = excluded.speaker, "
    "segment = excluded.segment, session = excluded.session, role = excluded.role",
  [STMT_PUT_OUTCOME] =
    "INSERT INTO outcome (id, session, position, kind, text, done, owner, due_date, "
    "result, result_note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
    "ON CONFLICT (id) DO UPDATE SET session = excluded.session, position = excluded.position, "
    "kind = excluded.kind, text = excluded.text, done = excluded.done, "
    "owner = excluded.owner, due_date = excluded.due_date, "
    "result = excluded.result, result_note = excluded.result_note",
  [STMT_PUT_OUTCOME_LINK] =
    "INSERT INTO outcome_link (id, position, outcome, segment) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (id) DO UPDATE SET position = excluded.position, outcome = excluded.outcome, "
    "segment = excluded.segment",
  [STMT_PUT_LIVE_EVENT] =
    "INSERT INTO live_event (id, session, position, at, action, segment, minutes, recovery) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT (id) DO UPDATE SET session = excluded.session, position = excluded.position, "
    "at = excluded.at, action = excluded.action, segment = excluded.segment, "
    "minutes = excluded.minutes, recovery = excluded.recovery",
  [STMT_IDS_SESSIONS] = "SELECT id FROM session",
  [STMT_IDS_SPEAKERS] = "SELECT id FROM speaker",
  [STMT_IDS_ASSIGNMENTS] = "SELECT id FROM assignment",
  [STMT_IDS_SEGMENTS] = "SELECT id FROM segment WHERE session = ?1 AND parent IS NULL",
  [STMT_IDS_ITEMS] = "SELECT id FROM segment WHERE parent = ?1",
  [STMT_IDS_OUTCOMES] = "SELECT id FROM outcome WHERE session = ?1",
  [STMT_IDS_OUTCOME_LINKS] = "SELECT id FROM outcome_link",
  [STMT_IDS_LIVE_EVENTS] = "SELECT id FROM live_event WHERE session = ?1",
  [STMT_DELETE_SESSION] = "DELETE FROM session WHERE id = ?1",
  [STMT_DELETE_SPEAKER] = "DELETE FROM speaker WHERE id = ?1",
  [STMT_DELETE_ASSIGNMENT] = "DELETE FROM assignment WHERE id = ?1",
  [STMT_DELETE_SEGMENT] = "DELETE FROM segment WHERE id = ?1",
  [STMT_DELETE_OUTCOME] = "DELETE FROM outcome WHERE id = ?1",
  [STMT_DELETE_OUTCOME_LINK] = "DELETE FROM outcome_link WHERE id = ?1",
  [STMT_DELETE_LIVE_EVENT] = "DELETE FROM live_event WHERE id = ?1",
};

struct _ConveneStoreWriter
{
  sqlite3      *db;    /* borrowed: the store's connection outlives its writer */
  sqlite3_stmt *stmts[N_STMTS];
};

ConveneStoreWriter *
convene_store_writer_new (sqlite3 *db)
{
  ConveneStoreWriter *writer = g_new0 (ConveneStoreWriter, 1);

  writer->db = db;
  return writer;
}

void
convene_store_writer_free (ConveneStoreWriter *writer)
{
  if (writer == NULL)
    return;

  for (guint i = 0; i < N_STMTS; i++)
    sqlite3_finalize (writer->stmts[i]);
  g_free (writer);
}

static sqlite3_stmt *
get_stmt (ConveneStoreWriter *writer,
          Stmt                id,
          int                *rc)
{
  if (writer->stmts[id] == NULL)
    {
      *rc = sqlite3_prepare_v3 (writer->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                                &writer->stmts[id], NULL);
      if (*rc != SQLITE_OK)
        return NULL;
    }

  *rc = SQLITE_OK;
  return writer->stmts[id];
}

/* Steps a write statement once and readies it for the next use. */
static int
run (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The strings belong to model objects that do not change while the
 * statement runs, so SQLite need not copy them. */
static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_STATIC);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

int
convene_store_writer_put_project (ConveneStoreWriter *writer,
                                  ConveneProject     *project)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = get_stmt (writer, STMT_PUT_PROJECT, &rc)) == NULL)
    return rc;

  bind_text (stmt, 1, convene_project_get_title (project));
  bind_text (stmt, 2, convene_project_get_organiser (project));
  bind_text (stmt, 3, convene_project_get_venue (project));
  bind_text (stmt, 4, convene_project_get_notes (project));
  bind_text (stmt, 5, convene_project_get_time_zone (project));
  return run (stmt);
}

int
convene_store_writer_put_session (ConveneStoreWriter *writer,
                                  ConveneSession     *session,
                                  guint               position)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = get_stmt (writer, STMT_PUT_SESSION, &rc)) == NULL)
    return rc;

  sqlite3_bind_int64 (stmt, 1, convene_session_get_id (session));
  sqlite3_bind_int64 (stmt, 2, position);
  bind_text (stmt, 3, convene_session_get_title (session));
  bind_text (stmt, 4, convene_session_get_date (session));
  sqlite3_bind_int64 (stmt, 5, convene_session_get_start_time (session));
  sqlite3_bind_int64 (stmt, 6, convene_session_get_slot_minutes (session));
  bind_text (stmt, 7, convene_session_get_room (session));
  bind_text (stmt, 8, convene_session_get_description (session));
  sqlite3_bind_int64 (stmt, 9, convene_session_get_fit_step (session));
  bind_text (stmt, 10, convene_session_get_uuid (session));
  return run (stmt);
}

int
convene_store_writer_put_segment (ConveneStoreWriter *writer,
                                  ConveneSegment     *segment,
                                  gint64              session_id,
                                  gint64              parent_id,
                                  guint               position)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = get_stmt (writer, STMT_PUT_SEGMENT, &rc)) == NULL)
    return rc;

  sqlite3_bind_int64 (stmt, 1, convene_segment_get_id (segment));
  sqlite3_bind_int64 (stmt, 2, session_id);
  bind_id_or_null (stmt, 3, parent_id);
  sqlite3_bind_int64 (stmt, 4, position);
  bind_text (stmt, 5, convene_segment_kind_to_nick (convene_segment_get_kind (segment)));
  bind_text (stmt, 6, convene_segment_get_title (segment));
  sqlite3_bind_int64 (stmt, 7, convene_segment_get_duration (segment));
  bind_text (stmt, 8, convene_segment_get_notes (segment));
  bind_text (stmt, 9, convene_segment_get_cues (segment));
  sqlite3_bind_int64 (stmt, 10, convene_segment_get_fixed_start (segment));
  sqlite3_bind_int64 (stmt, 11, convene_segment_get_has_target (segment));
  sqlite3_bind_int64 (stmt, 12, convene_segment_get_min_length (segment));
  sqlite3_bind_int64 (stmt, 13, convene_segment_get_max_length (segment));
  sqlite3_bind_int64 (stmt, 14, convene_segment_get_locked (segment));
  bind_text (stmt, 15, convene_segment_get_uuid (segment));
  return run (stmt);
}

int
convene_store_writer_put_speaker (ConveneStoreWriter *writer,
                                  ConveneSpeaker     *speaker,
                                  guint               position)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = get_stmt (writer, STMT_PUT_SPEAKER, &rc)) == NULL)
    return rc;

  sqlite3_bind_int64 (stmt, 1, convene_speaker_get_id (speaker));
  sqlite3_bind_int64 (stmt, 2, position);
  bind_text (stmt, 3, convene_speaker_get_honorific (speaker));
  bind_text (stmt, 4, convene_speaker_get_name (speaker));
  bind_text (stmt, 5, convene_speaker_get_job_title (speaker));
  bind_text (stmt, 6, convene_speaker_get_organisation (speaker));
  bind_text (stmt, 7, convene_speaker_get_email (speaker));
  bind_text (stmt, 8, convene_speaker_get_phone (speaker));
  bind_text (stmt, 9, convene_speaker_get_bio (speaker));
  bind_text (stmt, 10, convene_speaker_get_notes (speaker));
  bind_text (stmt, 11, convene_speaker_status_to_nick (convene_speaker_get_status (speaker)));
  return run (stmt);
}

int
convene_store_writer_put_assignment (ConveneStoreWriter *writer,
                                     ConveneAssignment  *assignment,
                                     guint               position)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = get_stmt (writer, STMT_PUT_ASSIGNMENT, &rc)) == NULL)
    return rc;

  sqlite3_bind_int64 (stmt, 1, convene_assignment_get_id (assignment));
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_int64 (stmt, 3, convene_assignment_get_speaker_id (assignment));
  bind_id_or_null (stmt, 4, convene_assignment_get_segment_id (assignment));
  bind_id_or_null (stmt, 5, convene_assignment_get_session_id (assignment));
  bind_text (stmt, 6, convene_role_to_nick (convene_assignment_get_role (assignment)));
  return run (stmt);
}

int
convene_store_writer_put_outcome (ConveneStoreWriter *writer,
                                  ConveneOutcome     *outcome,
                                  gint64              session_id,
                                  guint               position)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = get_stmt (writer, STMT_PUT_OUTCOME, &rc)) == NULL)
    return rc;

  sqlite3_bind_int64 (stmt, 1, convene_outcome_get_id (outcome));
  sqlite3_bind_int64 (stmt, 2, session_id);
  sqlite3_bind_int64 (stmt, 3, position);
  bind_text (stmt, 4, convene_outcome_kind_to_nick (convene_outcome_get_kind (outcome)));
  bind_text (stmt, 5, convene_outcome_get_text (outcome));
  sqlite3_bind_int (stmt, 6, convene_outcome_get_done (outcome) ? 1 : 0);
  bind_id_or_null (stmt, 7, convene_outcome_get_owner_id (outcome));
  bind_text (stmt, 8, convene_outcome_get_due_date (outcome));
  bind_text (stmt, 9, convene_outcome_result_to_nick (convene_outcome_get_result (outcome)));
  bind_text (stmt, 10, convene_outcome_get_result_note (outcome));
  return run (stmt);
}

int
convene_store_writer_put_outcome_link (ConveneStoreWriter *writer,
                                       ConveneOutcomeLink *link,
                                       guint               position)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = get_stmt (writer, STMT_PUT_OUTCOME_LINK, &rc)) == NULL)
    return rc;

  sqlite3_bind_int64 (stmt, 1, convene_outcome_link_get_id (link));
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_int64 (stmt, 3, convene_outcome_link_get_outcome_id (link));
  sqlite3_bind_int64 (stmt, 4, convene_outcome_link_get_segment_id (link));
  return run (stmt);
}

int
convene_store_writer_put_live_event (ConveneStoreWriter *writer,
                                     ConveneLiveEvent   *event,
                                     gint64              session_id,
                                     guint               position)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = get_stmt (writer, STMT_PUT_LIVE_EVENT, &rc)) == NULL)
    return rc;

  sqlite3_bind_int64 (stmt, 1, convene_live_event_get_id (event));
  sqlite3_bind_int64 (stmt, 2, session_id);
  sqlite3_bind_int64 (stmt, 3, position);
  sqlite3_bind_int64 (stmt, 4, convene_live_event_get_at (event));
  bind_text (stmt, 5, convene_live_action_to_nick (convene_live_event_get_action (event)));
  sqlite3_bind_int64 (stmt, 6, convene_live_event_get_segment_id (event));
  sqlite3_bind_int (stmt, 7, convene_live_event_get_minutes (event));
  bind_text (stmt, 8, convene_live_event_get_kept_recovery (event));
  return run (stmt);
}

static gint64
object_id (ConveneStoreList  kind,
           gpointer          object)
{
  switch (kind)
    {
    case CONVENE_STORE_LIST_SESSIONS:
      return convene_session_get_id (object);
    case CONVENE_STORE_LIST_SPEAKERS:
      return convene_speaker_get_id (object);
    case CONVENE_STORE_LIST_ASSIGNMENTS:
      return convene_assignment_get_id (object);
    case CONVENE_STORE_LIST_SEGMENTS:
    case CONVENE_STORE_LIST_ITEMS:
      return convene_segment_get_id (object);
    case CONVENE_STORE_LIST_OUTCOMES:
      return convene_outcome_get_id (object);
    case CONVENE_STORE_LIST_OUTCOME_LINKS:
      return convene_outcome_link_get_id (object);
    case CONVENE_STORE_LIST_LIVE_EVENTS:
      return convene_live_event_get_id (object);
    default:
      g_assert_not_reached ();
    }
}

int
convene_store_writer_delete_missing (ConveneStoreWriter *writer,
                                     ConveneStoreList    kind,
                                     gint64              owner_id,
                                     GListModel         *list)
{
  static const Stmt ids_stmt[] = {
    [CONVENE_STORE_LIST_SESSIONS] = STMT_IDS_SESSIONS,
    [CONVENE_STORE_LIST_SPEAKERS] = STMT_IDS_SPEAKERS,
    [CONVENE_STORE_LIST_ASSIGNMENTS] = STMT_IDS_ASSIGNMENTS,
    [CONVENE_STORE_LIST_SEGMENTS] = STMT_IDS_SEGMENTS,
    [CONVENE_STORE_LIST_ITEMS] = STMT_IDS_ITEMS,
    [CONVENE_STORE_LIST_OUTCOMES] = STMT_IDS_OUTCOMES,
    [CONVENE_STORE_LIST_OUTCOME_LINKS] = STMT_IDS_OUTCOME_LINKS,
    [CONVENE_STORE_LIST_LIVE_EVENTS] = STMT_IDS_LIVE_EVENTS,
  };
  static const Stmt delete_stmt[] = {
    [CONVENE_STORE_LIST_SESSIONS] = STMT_DELETE_SESSION,
    [CONVENE_STORE_LIST_SPEAKERS] = STMT_DELETE_SPEAKER,
    [CONVENE_STORE_LIST_ASSIGNMENTS] = STMT_DELETE_ASSIGNMENT,
    [CONVENE_STORE_LIST_SEGMENTS] = STMT_DELETE_SEGMENT,
    [CONVENE_STORE_LIST_ITEMS] = STMT_DELETE_SEGMENT,
    [CONVENE_STORE_LIST_OUTCOMES] = STMT_DELETE_OUTCOME,
    [CONVENE_STORE_LIST_OUTCOME_LINKS] = STMT_DELETE_OUTCOME_LINK,
    [CONVENE_STORE_LIST_LIVE_EVENTS] = STMT_DELETE_LIVE_EVENT,
  };
  g_autoptr(GHashTable) keep = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) current = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) doomed = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_items = g_list_model_get_n_items (list);
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_size (current, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_array_index (current, gint64, i) = object_id (kind, item);
      g_hash_table_add (keep, &g_array_index (current, gint64, i));
    }

  if ((stmt = get_stmt (writer, ids_stmt[kind], &rc)) == NULL)
    return rc;

  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, owner_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!g_hash_table_contains (keep, &id))
        g_array_append_val (doomed, id);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return rc;

  if ((stmt = get_stmt (writer, delete_stmt[kind], &rc)) == NULL)
    return rc;

  for (guint i = 0; i < doomed->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (doomed, gint64, i));
      if ((rc = run (stmt)) != SQLITE_OK)
        return rc;
    }

  return SQLITE_OK;
}

static int
write_segments (ConveneStoreWriter *writer,
                GListModel         *segments,
                gint64              session_id,
                gint64              parent_id)
{
  guint n = g_list_model_get_n_items (segments);
  int rc;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);

      rc = convene_store_writer_put_segment (writer, segment, session_id, parent_id, i);
      if (rc == SQLITE_OK)
        rc = write_segments (writer, G_LIST_MODEL (convene_segment_get_items (segment)),
                             session_id, convene_segment_get_id (segment));
      if (rc != SQLITE_OK)
        return rc;
    }

  return SQLITE_OK;
}

int
convene_store_writer_write_all (ConveneStoreWriter *writer,
                                ConveneProject     *project)
{
  GListModel *sessions = G_LIST_MODEL (convene_project_get_sessions (project));
  GListModel *speakers = G_LIST_MODEL (convene_project_get_speakers (project));
  GListModel *assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  GListModel *links = G_LIST_MODEL (convene_project_get_outcome_links (project));
  int rc;

  if ((rc = convene_store_writer_put_project (writer, project)) != SQLITE_OK)
    return rc;

  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (speakers, i);

      if ((rc = convene_store_writer_put_speaker (writer, speaker, i)) != SQLITE_OK)
        return rc;
    }

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (sessions, i);
      GListModel *outcomes = G_LIST_MODEL (convene_session_get_outcomes (session));
      GListModel *events = G_LIST_MODEL (convene_session_get_live_events (session));
      gint64 session_id = convene_session_get_id (session);

      if ((rc = convene_store_writer_put_session (writer, session, i)) != SQLITE_OK)
        return rc;

      rc = write_segments (writer, G_LIST_MODEL (convene_session_get_segments (session)),
                           session_id, 0);
      if (rc != SQLITE_OK)
        return rc;

      for (guint j = 0; j < g_list_model_get_n_items (outcomes); j++)
        {
          g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, j);

          rc = convene_store_writer_put_outcome (writer, outcome, session_id, j);
          if (rc != SQLITE_OK)
            return rc;
        }

      for (guint j = 0; j < g_list_model_get_n_items (events); j++)
        {
          g_autoptr(ConveneLiveEvent) event = g_list_model_get_item (events, j);

          rc = convene_store_writer_put_live_event (writer, event, session_id, j);
          if (rc != SQLITE_OK)
            return rc;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);

      if ((rc = convene_store_writer_put_assignment (writer, assignment, i)) != SQLITE_OK)
        return rc;
    }

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(ConveneOutcomeLink) link = g_list_model_get_item (links, i);

      if ((rc = convene_store_writer_put_outcome_link (writer, link, i)) != SQLITE_OK)
        return rc;
    }

  return SQLITE_OK;
}
