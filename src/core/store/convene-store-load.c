#define G_LOG_DOMAIN "convene-store"
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "convene-limits.h"
#include "convene-store-private.h"
#include "convene-validate.h"

/* The loader trusts nothing it reads: the schema's CHECK constraints can be
 * switched off by whoever wrote the file (PRAGMA ignore_check_constraints),
 * so every value is checked again here and a bad one is reported by what
 * and where it is, never used. */

typedef struct
{
  ConveneStore   *store;
  sqlite3        *db;
  ConveneProject *project;
  GHashTable     *ids;        /* every id seen: ids are unique across the project */
  GHashTable     *sessions;   /* id -> ConveneSession (borrowed) */
  GHashTable     *segments;   /* id -> ConveneSegment (borrowed) */
  GHashTable     *tops;       /* ids of top-level segments -> their session id */
  GHashTable     *speakers;   /* id -> ConveneSpeaker (borrowed) */
  GHashTable     *segment_sessions;  /* segment or item id -> its session id */
  GHashTable     *outcome_sessions;  /* outcome id -> its session id */
  GHashTable     *uuids;      /* every uuid seen (lower case): unique across the project */
  GArray         *legacy_links;      /* LegacyLink: links of a file before version 3 */
  /* What each list gets, added in one splice once every table is read: a
   * list then announces its members once, not once per row (one per row was
   * 4 % of opening 10,000 segments). */
  GHashTable     *batches;    /* GListStore* (borrowed) -> GPtrArray* of its new members */
  GListStore     *last_list;  /* the list of the last batch_append(), and its batch */
  GPtrArray      *last_batch;
  GPtrArray      *notices;    /* char*: what was set right, for the planner */
  /* Where the row being read is, for messages. */
  const char     *table;      /* translated: "segment" */
  gint64          row;
  GError         *error;
} Loader;

/* Before version 3 an outcome named one segment in its own row. */
typedef struct
{
  gint64 outcome_id;
  gint64 segment_id;
} LegacyLink;

static gint64 *
dup_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static void
batch_append (Loader     *loader,
              GListStore *list,
              gpointer    object)
{
  if (list != loader->last_list)
    {
      GPtrArray *batch = g_hash_table_lookup (loader->batches, list);

      if (batch == NULL)
        {
          batch = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (loader->batches, list, batch);
        }
      loader->last_list = list;
      loader->last_batch = batch;
    }
  g_ptr_array_add (loader->last_batch, g_object_ref (object));
}

/* Adds every batch to the end of its list, in the order read. */
static void
batch_flush (Loader *loader)
{
  GHashTableIter iter;
  gpointer list, batch;

  g_hash_table_iter_init (&iter, loader->batches);
  while (g_hash_table_iter_next (&iter, &list, &batch))
    {
      GPtrArray *members = batch;

      g_list_store_splice (list, g_list_model_get_n_items (list), 0, members->pdata, members->len);
    }
  g_hash_table_remove_all (loader->batches);
  loader->last_list = NULL;
  loader->last_batch = NULL;
}

static void
loader_fail (Loader     *loader,
             const char *problem)
{
  g_autofree char *name = convene_store_dup_display_name (loader->store);

  if (loader->error != NULL)
    return;

  if (loader->table != NULL)
    /* Translators: “file” holds data Convene cannot use (segment 12): The title is too long. */
    g_set_error (&loader->error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_INVALID_DATA,
                 _("“%s” holds data Convene cannot use (%s %lld): %s"),
                 name, loader->table, (long long) loader->row, problem);
  else
    g_set_error (&loader->error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_INVALID_DATA,
                 _("“%s” holds data Convene cannot use: %s"), name, problem);
}

static void
loader_fail_with (Loader *loader,
                  GError *problem)
{
  loader_fail (loader, problem->message);
  g_error_free (problem);
}

static gboolean
read_text (Loader        *loader,
           sqlite3_stmt  *stmt,
           int            column,
           const char    *field,
           const char   **out)
{
  const char *text;
  int length;
  GError *local = NULL;

  if (loader->error != NULL)
    return FALSE;

  if (sqlite3_column_type (stmt, column) != SQLITE_TEXT)
    {
      g_autofree char *problem = g_strdup_printf (_("The value of %s is not text."), _(field));

      loader_fail (loader, problem);
      return FALSE;
    }

  text = (const char *) sqlite3_column_text (stmt, column);
  length = sqlite3_column_bytes (stmt, column);

  /* field is translated only for a message: rows are many, problems few. */
  if (text == NULL || (!convene_validate_text (text, length, NULL, NULL) &&
                       !convene_validate_text (text, length, _(field), &local)))
    {
      if (local != NULL)
        loader_fail_with (loader, local);
      else
        loader_fail (loader, _("A text could not be read."));
      return FALSE;
    }

  *out = text;
  return TRUE;
}

static gboolean
read_int (Loader       *loader,
          sqlite3_stmt *stmt,
          int           column,
          const char   *field,
          gint64        min,
          gint64        max,
          gint64       *out)
{
  gint64 value;

  if (loader->error != NULL)
    return FALSE;

  value = sqlite3_column_int64 (stmt, column);
  if (sqlite3_column_type (stmt, column) != SQLITE_INTEGER || value < min || value > max)
    {
      g_autofree char *problem = g_strdup_printf (_("%s is out of range."), _(field));

      loader_fail (loader, problem);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

/* NULL (or 0 when allowed) reads as 0: "no link". */
static gboolean
read_optional_id (Loader       *loader,
                  sqlite3_stmt *stmt,
                  int           column,
                  const char   *field,
                  gint64       *out)
{
  if (loader->error != NULL)
    return FALSE;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      *out = 0;
      return TRUE;
    }

  return read_int (loader, stmt, column, field, 1, CONVENE_MAX_STORED_ID, out);
}

static gboolean
claim_id (Loader *loader,
          gint64  id)
{
  if (g_hash_table_contains (loader->ids, &id))
    {
      loader_fail (loader, _("Its identifier is used by another object."));
      return FALSE;
    }

  g_hash_table_add (loader->ids, dup_id (id));
  convene_project_note_id (loader->project, id);
  return TRUE;
}

/* A file from before sessions and segments had UUIDs, read without
 * migrating, has NULL in the column: the object keeps the fresh UUID it was
 * made with, as the migration would give it one. */
static gboolean
read_uuid (Loader        *loader,
           sqlite3_stmt  *stmt,
           int            column,
           const char   **out)
{
  const char *uuid = NULL;
  g_autofree char *lower = NULL;
  GError *local = NULL;

  *out = NULL;
  if (loader->error != NULL)
    return FALSE;
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL &&
      convene_store_get_version (loader->store) < CONVENE_SCHEMA_VERSION_UUIDS)
    return TRUE;

  if (!read_text (loader, stmt, column, N_("the permanent identifier"), &uuid))
    return FALSE;
  if (!convene_validate_uuid (uuid, &local))
    {
      loader_fail_with (loader, local);
      return FALSE;
    }

  lower = g_ascii_strdown (uuid, -1);
  if (g_hash_table_contains (loader->uuids, lower))
    {
      loader_fail (loader, _("Its permanent identifier is used by another session or segment."));
      return FALSE;
    }
  g_hash_table_add (loader->uuids, g_steal_pointer (&lower));

  *out = uuid;
  return TRUE;
}

static void
unknown_nick (Loader     *loader,
              const char *field,
              const char *nick)
{
  g_autofree char *escaped = g_strescape (nick, NULL);
  /* Translators: "The kind “speech” is unknown." */
  g_autofree char *problem = g_strdup_printf (_("%s “%s” is unknown."), _(field), escaped);

  loader_fail (loader, problem);
}

static sqlite3_stmt *
prepare (Loader     *loader,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (loader->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      convene_store_set_sqlite_error (loader->store, &loader->error, rc,
                                      _("The project could not be read."));
      return NULL;
    }

  return stmt;
}

/* Steps through the rows of stmt; reports SQLite's error at the end. */
static gboolean
next_row (Loader       *loader,
          sqlite3_stmt *stmt)
{
  int rc;

  if (loader->error != NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      loader->row = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }

  if (rc != SQLITE_DONE)
    convene_store_set_sqlite_error (loader->store, &loader->error, rc,
                                    _("The project could not be read."));
  return FALSE;
}

/* A zone that is not a zone name of this computer (a path, a file of the
 * zone folder, a name from elsewhere) must never reach GLib, which would
 * read that file, or wait forever on a FIFO. The project still opens, with
 * nothing else lost; its clock is UTC until the planner chooses the zone,
 * and the planner is told so. */
static void
note_bad_time_zone (Loader     *loader,
                    const char *time_zone)
{
  g_autofree char *name = convene_store_dup_display_name (loader->store);
  gboolean quotable = *time_zone != '\0' && strlen (time_zone) <= 64;

  for (const char *p = time_zone; quotable && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      quotable = FALSE;

  convene_project_set_time_zone (loader->project, "UTC");
  if (quotable)
    g_ptr_array_add (loader->notices,
                     /* Translators: the first %s is a file name, the second what it gave as time zone */
                     g_strdup_printf (_("“%s” names the time zone “%s”, which is not a time zone "
                                        "known on this computer: its times are shown in UTC until "
                                        "you choose the venue’s time zone in Project Details."),
                                      name, time_zone));
  else
    g_ptr_array_add (loader->notices,
                     g_strdup_printf (_("“%s” names a time zone that is not known on this computer: "
                                        "its times are shown in UTC until you choose the venue’s "
                                        "time zone in Project Details."), name));
}

static void
load_project (Loader *loader)
{
  sqlite3_stmt *stmt;
  const char *title, *organiser, *venue, *notes, *time_zone;
  gint64 id;
  guint rows = 0;

  stmt = prepare (loader, "SELECT id, title, organiser, venue, notes, time_zone FROM project");
  if (stmt == NULL)
    return;

  loader->table = _("project");
  while (next_row (loader, stmt))
    {
      /* The project's row is always 1: it is written back by that id. */
      if (++rows > 1 ||
          !read_int (loader, stmt, 0, N_("The identifier"), 1, 1, &id) ||
          !read_text (loader, stmt, 1, N_("the title"), &title) ||
          !read_text (loader, stmt, 2, N_("the organiser"), &organiser) ||
          !read_text (loader, stmt, 3, N_("the venue"), &venue) ||
          !read_text (loader, stmt, 4, N_("the notes"), &notes) ||
          !read_text (loader, stmt, 5, N_("the time zone"), &time_zone))
        break;

      convene_project_set_title (loader->project, title);
      convene_project_set_organiser (loader->project, organiser);
      convene_project_set_venue (loader->project, venue);
      convene_project_set_notes (loader->project, notes);
      if (convene_validate_time_zone (time_zone, NULL))
        convene_project_set_time_zone (loader->project, time_zone);
      else
        note_bad_time_zone (loader, time_zone);
    }
  sqlite3_finalize (stmt);
  loader->table = NULL;

  if (loader->error == NULL && rows != 1)
    loader_fail (loader, _("It must hold exactly one project."));
}

static void
load_speakers (Loader *loader)
{
  GListStore *speakers = convene_project_get_speakers (loader->project);
  sqlite3_stmt *stmt;

  stmt = prepare (loader,
                  "SELECT id, honorific, name, job_title, organisation, email, phone, bio, notes, "
                  "status FROM speaker ORDER BY position, id");
  if (stmt == NULL)
    return;

  loader->table = _("speaker");
  while (next_row (loader, stmt))
    {
      g_autoptr(ConveneSpeaker) speaker = NULL;
      const char *honorific, *name, *job_title, *organisation, *email, *phone, *bio, *notes;
      const char *status_nick;
      ConveneSpeakerStatus status;
      gint64 id;

      if (!read_int (loader, stmt, 0, N_("The identifier"), 1, CONVENE_MAX_STORED_ID, &id) ||
          !claim_id (loader, id) ||
          !read_text (loader, stmt, 1, N_("the honorific"), &honorific) ||
          !read_text (loader, stmt, 2, N_("the name"), &name) ||
          !read_text (loader, stmt, 3, N_("the job title"), &job_title) ||
          !read_text (loader, stmt, 4, N_("the organisation"), &organisation) ||
          !read_text (loader, stmt, 5, N_("the email address"), &email) ||
          !read_text (loader, stmt, 6, N_("the phone number"), &phone) ||
          !read_text (loader, stmt, 7, N_("the biography"), &bio) ||
          !read_text (loader, stmt, 8, N_("the notes"), &notes) ||
          !read_text (loader, stmt, 9, N_("the status"), &status_nick))
        break;

      if (!convene_speaker_status_from_nick (status_nick, &status))
        {
          unknown_nick (loader, N_("The status"), status_nick);
          break;
        }

      speaker = convene_speaker_new (id, name);
      convene_speaker_set_honorific (speaker, honorific);
      convene_speaker_set_job_title (speaker, job_title);
      convene_speaker_set_organisation (speaker, organisation);
      convene_speaker_set_email (speaker, email);
      convene_speaker_set_phone (speaker, phone);
      convene_speaker_set_bio (speaker, bio);
      convene_speaker_set_notes (speaker, notes);
      convene_speaker_set_status (speaker, status);

      g_hash_table_insert (loader->speakers, dup_id (id), speaker);
      batch_append (loader, speakers, speaker);
    }
  sqlite3_finalize (stmt);
  loader->table = NULL;
}

static void
load_sessions (Loader *loader)
{
  GListStore *sessions = convene_project_get_sessions (loader->project);
  sqlite3_stmt *stmt;

  stmt = prepare (loader,
                  convene_store_get_version (loader->store) >= CONVENE_SCHEMA_VERSION_UUIDS
                  ? "SELECT id, title, date, start_time, slot_minutes, room, description, fit_step, uuid "
                    "FROM session ORDER BY position, id"
                  : convene_store_get_version (loader->store) >= CONVENE_SCHEMA_VERSION_FIT
                  ? "SELECT id, title, date, start_time, slot_minutes, room, description, fit_step, NULL "
                    "FROM session ORDER BY position, id"
                  : "SELECT id, title, date, start_time, slot_minutes, room, description, 5, NULL "
                    "FROM session ORDER BY position, id");
  if (stmt == NULL)
    return;

  loader->table = _("session");
  while (next_row (loader, stmt))
    {
      g_autoptr(ConveneSession) session = NULL;
      const char *title, *date, *room, *description, *uuid;
      gint64 id, start_time, slot_minutes, fit_step;
      GError *local = NULL;

      if (!read_int (loader, stmt, 0, N_("The identifier"), 1, CONVENE_MAX_STORED_ID, &id) ||
          !claim_id (loader, id) ||
          !read_text (loader, stmt, 1, N_("the title"), &title) ||
          !read_text (loader, stmt, 2, N_("the date"), &date) ||
          !read_int (loader, stmt, 3, N_("The start time"), 0, CONVENE_MINUTES_PER_DAY - 1,
                     &start_time) ||
          !read_int (loader, stmt, 4, N_("The slot length"), 1, CONVENE_MAX_SLOT_MINUTES,
                     &slot_minutes) ||
          !read_text (loader, stmt, 5, N_("the room"), &room) ||
          !read_text (loader, stmt, 6, N_("the description"), &description) ||
          !read_int (loader, stmt, 7, N_("The fit step"), 1, CONVENE_MAX_FIT_STEP, &fit_step) ||
          !read_uuid (loader, stmt, 8, &uuid))
        break;

      /* A session may not have its date yet. */
      if (*date != '\0' && !convene_validate_date (date, &local))
        {
          loader_fail_with (loader, local);
          break;
        }

      session = convene_session_new (id, title, date, (int) start_time, (guint) slot_minutes);
      convene_session_set_room (session, room);
      convene_session_set_description (session, description);
      convene_session_set_fit_step (session, (guint) fit_step);
      if (uuid != NULL)
        convene_session_set_uuid (session, uuid);

      g_hash_table_insert (loader->sessions, dup_id (id), session);
      batch_append (loader, sessions, session);
    }
  sqlite3_finalize (stmt);
  loader->table = NULL;
}

static void
load_segments (Loader *loader)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  guint version;

  /* Top-level segments first, so every item finds its parent. A file
   * before version 4 read without migrating gives its segments the target
   * the migration would, one from before Fit to Slot no bounds and no
   * locks, and one from before UUIDs none (fresh ones are made). */
  version = convene_store_get_version (loader->store);
  sql = g_strconcat ("SELECT id, session, parent, kind, title, duration, notes, cues, fixed_start, ",
                     version >= 4
                     ? "has_target, "
                     : "duration > 0 AND id IN (SELECT parent FROM segment WHERE parent IS NOT NULL), ",
                     version >= CONVENE_SCHEMA_VERSION_FIT
                     ? "min_length, max_length, locked, "
                     : "0, 0, 0, ",
                     version >= CONVENE_SCHEMA_VERSION_UUIDS ? "uuid " : "NULL ",
                     "FROM segment ORDER BY parent IS NOT NULL, position, id", NULL);
  stmt = prepare (loader, sql);
  if (stmt == NULL)
    return;

  loader->table = _("segment");
  while (next_row (loader, stmt))
    {
      g_autoptr(ConveneSegment) segment = NULL;
      ConveneSession *session;
      ConveneSegment *parent = NULL;
      const char *kind_nick, *title, *notes, *cues, *uuid;
      ConveneSegmentKind kind;
      gint64 id, session_id, parent_id, duration, fixed_start, has_target;
      gint64 min_length, max_length, locked;

      if (!read_int (loader, stmt, 0, N_("The identifier"), 1, CONVENE_MAX_STORED_ID, &id) ||
          !claim_id (loader, id) ||
          !read_int (loader, stmt, 1, N_("The session"), 1, CONVENE_MAX_STORED_ID, &session_id) ||
          !read_optional_id (loader, stmt, 2, N_("The parent"), &parent_id) ||
          !read_text (loader, stmt, 3, N_("the kind"), &kind_nick) ||
          !read_text (loader, stmt, 4, N_("the title"), &title) ||
          !read_int (loader, stmt, 5, N_("The duration"), 0, CONVENE_MAX_DURATION_MINUTES,
                     &duration) ||
          !read_text (loader, stmt, 6, N_("the notes"), &notes) ||
          !read_text (loader, stmt, 7, N_("the cues"), &cues) ||
          !read_int (loader, stmt, 8, N_("The fixed start"), CONVENE_NO_FIXED_START,
                     CONVENE_MINUTES_PER_DAY - 1, &fixed_start) ||
          !read_int (loader, stmt, 9, N_("The target length setting"), 0, 1, &has_target) ||
          !read_int (loader, stmt, 10, N_("The minimum length"), 0, CONVENE_MAX_DURATION_MINUTES,
                     &min_length) ||
          !read_int (loader, stmt, 11, N_("The maximum length"), 0, CONVENE_MAX_DURATION_MINUTES,
                     &max_length) ||
          !read_int (loader, stmt, 12, N_("The lock"), 0, 1, &locked) ||
          !read_uuid (loader, stmt, 13, &uuid))
        break;

      if (!convene_segment_kind_from_nick (kind_nick, &kind))
        {
          unknown_nick (loader, N_("The kind"), kind_nick);
          break;
        }

      session = g_hash_table_lookup (loader->sessions, &session_id);
      if (session == NULL)
        {
          loader_fail (loader, _("Its session does not exist."));
          break;
        }

      if (parent_id != 0)
        {
          gint64 *parent_session = g_hash_table_lookup (loader->tops, &parent_id);

          /* Items hold no items: the parent must be a top-level segment, and
           * of the same session. */
          if (parent_session == NULL || *parent_session != session_id)
            {
              loader_fail (loader, _("It is nested where no segment can be."));
              break;
            }
          parent = g_hash_table_lookup (loader->segments, &parent_id);
        }

      segment = convene_segment_new_with_uuid (id, uuid, kind, title, (guint) duration);
      convene_segment_set_notes (segment, notes);
      convene_segment_set_cues (segment, cues);
      convene_segment_set_fixed_start (segment, (int) fixed_start);
      convene_segment_set_has_target (segment, has_target != 0);
      convene_segment_set_min_length (segment, (guint) min_length);
      convene_segment_set_max_length (segment, (guint) max_length);
      convene_segment_set_locked (segment, locked != 0);

      g_hash_table_insert (loader->segments, dup_id (id), segment);
      g_hash_table_insert (loader->segment_sessions, dup_id (id), dup_id (session_id));
      if (parent != NULL)
        {
          batch_append (loader, convene_segment_get_items (parent), segment);
        }
      else
        {
          g_hash_table_insert (loader->tops, dup_id (id), dup_id (session_id));
          batch_append (loader, convene_session_get_segments (session), segment);
        }
    }
  sqlite3_finalize (stmt);
  loader->table = NULL;
}

static void
load_outcomes (Loader *loader)
{
  guint version = convene_store_get_version (loader->store);
  gboolean has_segment = version < 3;
  int first_v2 = has_segment ? 6 : 5;
  sqlite3_stmt *stmt;

  /* A file of an older version read without migrating (opened read-only):
   * version 1 has no follow-up or result columns, which keep their
   * defaults; versions 1 and 2 name one linked segment in the row. */
  stmt = prepare (loader,
                  version >= 3 ? "SELECT id, session, kind, text, done, owner, due_date, result, "
                                 "result_note FROM outcome ORDER BY position, id"
                  : version == 2 ? "SELECT id, session, kind, text, done, segment, owner, due_date, "
                                   "result, result_note FROM outcome ORDER BY position, id"
                  : "SELECT id, session, kind, text, done, segment "
                    "FROM outcome ORDER BY position, id");
  if (stmt == NULL)
    return;

  loader->table = _("outcome");
  while (next_row (loader, stmt))
    {
      g_autoptr(ConveneOutcome) outcome = NULL;
      ConveneSession *session;
      const char *kind_nick, *text;
      const char *due_date = "", *result_nick = "none", *result_note = "";
      ConveneOutcomeKind kind;
      ConveneOutcomeResult result;
      gint64 id, session_id, done, segment_id = 0, owner_id = 0;
      gint64 *segment_session;
      GError *local = NULL;

      if (!read_int (loader, stmt, 0, N_("The identifier"), 1, CONVENE_MAX_STORED_ID, &id) ||
          !claim_id (loader, id) ||
          !read_int (loader, stmt, 1, N_("The session"), 1, CONVENE_MAX_STORED_ID, &session_id) ||
          !read_text (loader, stmt, 2, N_("the kind"), &kind_nick) ||
          !read_text (loader, stmt, 3, N_("the text"), &text) ||
          !read_int (loader, stmt, 4, N_("The done mark"), 0, 1, &done))
        break;

      if (has_segment && !read_optional_id (loader, stmt, 5, N_("The linked segment"), &segment_id))
        break;

      if (version >= 2 &&
          (!read_optional_id (loader, stmt, first_v2, N_("The owner"), &owner_id) ||
           !read_text (loader, stmt, first_v2 + 1, N_("the due date"), &due_date) ||
           !read_text (loader, stmt, first_v2 + 2, N_("the result"), &result_nick) ||
           !read_text (loader, stmt, first_v2 + 3, N_("the result note"), &result_note)))
        break;

      if (!convene_outcome_kind_from_nick (kind_nick, &kind))
        {
          unknown_nick (loader, N_("The kind"), kind_nick);
          break;
        }
      if (!convene_outcome_result_from_nick (result_nick, &result))
        {
          unknown_nick (loader, N_("The result"), result_nick);
          break;
        }
      if (*due_date != '\0' && !convene_validate_date (due_date, &local))
        {
          loader_fail_with (loader, local);
          break;
        }

      session = g_hash_table_lookup (loader->sessions, &session_id);
      if (session == NULL)
        {
          loader_fail (loader, _("Its session does not exist."));
          break;
        }
      segment_session = segment_id != 0 ? g_hash_table_lookup (loader->segment_sessions, &segment_id) : NULL;
      if (segment_id != 0 && segment_session == NULL)
        {
          loader_fail (loader, _("Its linked segment does not exist."));
          break;
        }
      if (owner_id != 0 && !g_hash_table_contains (loader->speakers, &owner_id))
        {
          loader_fail (loader, _("Its owner does not exist."));
          break;
        }

      /* Kept as the migration to version 3 keeps it: only within the session. */
      if (segment_session != NULL && *segment_session == session_id)
        {
          LegacyLink link = { id, segment_id };

          g_array_append_val (loader->legacy_links, link);
        }

      outcome = convene_outcome_new (id, kind, text);
      convene_outcome_set_done (outcome, done != 0);
      convene_outcome_set_owner_id (outcome, owner_id);
      convene_outcome_set_due_date (outcome, due_date);
      convene_outcome_set_result (outcome, result);
      convene_outcome_set_result_note (outcome, result_note);

      g_hash_table_insert (loader->outcome_sessions, dup_id (id), dup_id (session_id));
      batch_append (loader, convene_session_get_outcomes (session), outcome);
    }
  sqlite3_finalize (stmt);
  loader->table = NULL;
}

static void
load_assignments (Loader *loader)
{
  GListStore *assignments = convene_project_get_assignments (loader->project);
  sqlite3_stmt *stmt;

  stmt = prepare (loader,
                  "SELECT id, speaker, segment, session, role FROM assignment "
                  "ORDER BY position, id");
  if (stmt == NULL)
    return;

  loader->table = _("assignment");
  while (next_row (loader, stmt))
    {
      g_autoptr(ConveneAssignment) assignment = NULL;
      const char *role_nick;
      ConveneRole role;
      gint64 id, speaker_id, segment_id, session_id;

      if (!read_int (loader, stmt, 0, N_("The identifier"), 1, CONVENE_MAX_STORED_ID, &id) ||
          !claim_id (loader, id) ||
          !read_int (loader, stmt, 1, N_("The speaker"), 1, CONVENE_MAX_STORED_ID, &speaker_id) ||
          !read_optional_id (loader, stmt, 2, N_("The segment"), &segment_id) ||
          !read_optional_id (loader, stmt, 3, N_("The session"), &session_id) ||
          !read_text (loader, stmt, 4, N_("the role"), &role_nick))
        break;

      if (!convene_role_from_nick (role_nick, &role))
        {
          unknown_nick (loader, N_("The role"), role_nick);
          break;
        }
      if (!g_hash_table_contains (loader->speakers, &speaker_id))
        {
          loader_fail (loader, _("Its speaker does not exist."));
          break;
        }
      if ((segment_id == 0) == (session_id == 0))
        {
          loader_fail (loader, _("It must be on either a segment or a session."));
          break;
        }
      if ((segment_id != 0 && !g_hash_table_contains (loader->segments, &segment_id)) ||
          (session_id != 0 && !g_hash_table_contains (loader->sessions, &session_id)))
        {
          loader_fail (loader, _("What it is assigned to does not exist."));
          break;
        }

      if (segment_id != 0)
        assignment = convene_assignment_new_for_segment (id, speaker_id, segment_id, role);
      else
        assignment = convene_assignment_new_for_session (id, speaker_id, session_id, role);

      batch_append (loader, assignments, assignment);
    }
  sqlite3_finalize (stmt);
  loader->table = NULL;
}

static void
load_outcome_links (Loader *loader)
{
  GListStore *links = convene_project_get_outcome_links (loader->project);
  g_autoptr(GHashTable) pairs = NULL;
  sqlite3_stmt *stmt;

  stmt = prepare (loader, "SELECT id, outcome, segment FROM outcome_link ORDER BY position, id");
  if (stmt == NULL)
    return;

  /* "outcome:segment" for each link read: the schema's UNIQUE can be
   * dropped by whoever wrote the file, so pairs are checked here too. */
  pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  loader->table = _("outcome link");
  while (next_row (loader, stmt))
    {
      g_autoptr(ConveneOutcomeLink) link = NULL;
      gint64 id, outcome_id, segment_id;
      gint64 *outcome_session, *segment_session;
      char *pair;

      if (!read_int (loader, stmt, 0, N_("The identifier"), 1, CONVENE_MAX_STORED_ID, &id) ||
          !claim_id (loader, id) ||
          !read_int (loader, stmt, 1, N_("The outcome"), 1, CONVENE_MAX_STORED_ID, &outcome_id) ||
          !read_int (loader, stmt, 2, N_("The segment"), 1, CONVENE_MAX_STORED_ID, &segment_id))
        break;

      outcome_session = g_hash_table_lookup (loader->outcome_sessions, &outcome_id);
      segment_session = g_hash_table_lookup (loader->segment_sessions, &segment_id);
      if (outcome_session == NULL || segment_session == NULL)
        {
          loader_fail (loader, _("What it links does not exist."));
          break;
        }
      if (*outcome_session != *segment_session)
        {
          loader_fail (loader, _("It links an item to a segment of another session."));
          break;
        }

      pair = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, outcome_id, segment_id);
      if (!g_hash_table_add (pairs, pair))
        {
          loader_fail (loader, _("The same item and segment are linked twice."));
          break;
        }

      link = convene_outcome_link_new (id, outcome_id, segment_id);
      batch_append (loader, links, link);
    }
  sqlite3_finalize (stmt);
  loader->table = NULL;
}

/* Positions only order rows, and the loader reads them in that order
 * without looking at them; the schema still says none is negative, so a
 * file that says otherwise was written past its constraints. */
static void
check_positions (Loader     *loader,
                 const char *table,
                 const char *label)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE position < 0 LIMIT 1", table);
  sqlite3_stmt *stmt;

  if (loader->error != NULL)
    return;

  stmt = prepare (loader, sql);
  if (stmt == NULL)
    return;

  loader->table = label;
  if (next_row (loader, stmt))
    {
      g_autofree char *problem = g_strdup_printf (_("%s is out of range."), _("The position"));

      loader_fail (loader, problem);
    }
  sqlite3_finalize (stmt);
  loader->table = NULL;
}

/* The record of running sessions live (from CONVENE_SCHEMA_VERSION_LIVE). */
static void
load_live_events (Loader *loader)
{
  sqlite3_stmt *stmt;

  stmt = prepare (loader, "SELECT id, session, at, action, segment, minutes, recovery "
                          "FROM live_event ORDER BY position, id");
  if (stmt == NULL)
    return;

  loader->table = _("live event");
  while (next_row (loader, stmt))
    {
      g_autoptr(ConveneLiveEvent) event = NULL;
      ConveneSession *session;
      const char *action_nick, *recovery_nick;
      ConveneLiveAction action;
      ConveneLiveRecovery recovery;
      gint64 id, session_id, at, segment_id, minutes;

      if (!read_int (loader, stmt, 0, N_("The identifier"), 1, CONVENE_MAX_STORED_ID, &id) ||
          !claim_id (loader, id) ||
          !read_int (loader, stmt, 1, N_("The session"), 1, CONVENE_MAX_STORED_ID, &session_id) ||
          !read_int (loader, stmt, 2, N_("The time"), CONVENE_MIN_INSTANT, CONVENE_MAX_INSTANT, &at) ||
          !read_text (loader, stmt, 3, N_("the action"), &action_nick) ||
          !read_int (loader, stmt, 4, N_("The segment"), 0, CONVENE_MAX_STORED_ID, &segment_id) ||
          !read_int (loader, stmt, 5, N_("The minutes"), -CONVENE_MINUTES_PER_DAY,
                     CONVENE_MINUTES_PER_DAY, &minutes) ||
          !read_text (loader, stmt, 6, N_("the recovery"), &recovery_nick))
        break;

      if (!convene_live_action_from_nick (action_nick, &action))
        {
          unknown_nick (loader, N_("The action"), action_nick);
          break;
        }
      if (!convene_live_recovery_from_nick (recovery_nick, &recovery))
        {
          unknown_nick (loader, N_("The recovery"), recovery_nick);
          break;
        }

      session = g_hash_table_lookup (loader->sessions, &session_id);
      if (session == NULL)
        {
          loader_fail (loader, _("Its session does not exist."));
          break;
        }

      event = convene_live_event_new (id, at, action, segment_id, (int) minutes, recovery);
      batch_append (loader, convene_session_get_live_events (session), event);
    }
  sqlite3_finalize (stmt);
  loader->table = NULL;
}

/* The links of a file before version 3 get ids after every id the file
 * holds, in the order the migration to version 3 gives them, so a file
 * read as it is and the same file migrated load alike. */
static void
add_legacy_links (Loader *loader)
{
  GListStore *links = convene_project_get_outcome_links (loader->project);

  for (guint i = 0; i < loader->legacy_links->len; i++)
    {
      const LegacyLink *legacy = &g_array_index (loader->legacy_links, LegacyLink, i);
      g_autoptr(ConveneOutcomeLink) link =
        convene_outcome_link_new (convene_project_new_id (loader->project),
                                  legacy->outcome_id, legacy->segment_id);

      g_list_store_append (links, link);
    }
}

ConveneProject *
convene_store_read_project (ConveneStore  *self,
                            GError       **error)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  Loader loader = { 0, };
  gboolean in_read;

  loader.store = self;
  loader.db = convene_store_get_connection (self);
  loader.project = project;
  loader.ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  loader.sessions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  loader.segments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  loader.tops = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  loader.speakers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  loader.segment_sessions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  loader.outcome_sessions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  loader.uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.legacy_links = g_array_new (FALSE, FALSE, sizeof (LegacyLink));
  loader.batches = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  loader.notices = g_ptr_array_new_with_free_func (g_free);

  /* One read transaction: every table from the same moment, even if another
   * program writes the file meanwhile. */
  in_read = sqlite3_get_autocommit (loader.db) &&
            sqlite3_exec (loader.db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;

  load_project (&loader);
  if (loader.error == NULL)
    load_speakers (&loader);
  if (loader.error == NULL)
    load_sessions (&loader);
  if (loader.error == NULL)
    load_segments (&loader);
  if (loader.error == NULL)
    load_outcomes (&loader);
  if (loader.error == NULL)
    load_assignments (&loader);
  if (loader.error == NULL && convene_store_get_version (self) >= 3)
    load_outcome_links (&loader);
  else if (loader.error == NULL)
    add_legacy_links (&loader);
  if (loader.error == NULL && convene_store_get_version (self) >= CONVENE_SCHEMA_VERSION_LIVE)
    load_live_events (&loader);
  if (loader.error == NULL)
    batch_flush (&loader);

  check_positions (&loader, "session", _("session"));
  check_positions (&loader, "segment", _("segment"));
  check_positions (&loader, "speaker", _("speaker"));
  check_positions (&loader, "assignment", _("assignment"));
  check_positions (&loader, "outcome", _("outcome"));
  if (convene_store_get_version (self) >= 3)
    check_positions (&loader, "outcome_link", _("outcome link"));
  if (convene_store_get_version (self) >= CONVENE_SCHEMA_VERSION_LIVE)
    check_positions (&loader, "live_event", _("live event"));

  if (in_read)
    sqlite3_exec (loader.db, "COMMIT", NULL, NULL, NULL);

  g_hash_table_unref (loader.ids);
  g_hash_table_unref (loader.sessions);
  g_hash_table_unref (loader.segments);
  g_hash_table_unref (loader.tops);
  g_hash_table_unref (loader.speakers);
  g_hash_table_unref (loader.segment_sessions);
  g_hash_table_unref (loader.outcome_sessions);
  g_hash_table_unref (loader.uuids);
  g_array_unref (loader.legacy_links);
  g_hash_table_unref (loader.batches);

  if (loader.error != NULL)
    {
      g_ptr_array_unref (loader.notices);
      g_propagate_error (error, loader.error);
      return NULL;
    }

  g_ptr_array_add (loader.notices, NULL);
  convene_store_set_load_notices (self, (char **) g_ptr_array_free (loader.notices, FALSE));
  return g_steal_pointer (&project);
}
