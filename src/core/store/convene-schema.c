#define G_LOG_DOMAIN "convene-store"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-schema.h"
#include "convene-store.h"

/* Enumerations are stored as their stable nicks (readable with the sqlite3
 * tool, and unchanged if the C enums are ever reordered); each column lists
 * the nicks it accepts. The lists are literal text on purpose: generating them
 * from the enums would silently change the text of a released step. */
static const char * const steps[] = {
  /* Version 1: the first project file. */
  "CREATE TABLE project (\n"
  "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  title TEXT NOT NULL,\n"
  "  organiser TEXT NOT NULL,\n"
  "  venue TEXT NOT NULL,\n"
  "  notes TEXT NOT NULL,\n"
  "  time_zone TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE session (\n"
  "  id INTEGER PRIMARY KEY CHECK (id > 0),\n"
  "  position INTEGER NOT NULL CHECK (position >= 0),\n"
  "  title TEXT NOT NULL,\n"
  "  date TEXT NOT NULL,\n"
  "  start_time INTEGER NOT NULL CHECK (start_time BETWEEN 0 AND 1439),\n"
  "  slot_minutes INTEGER NOT NULL CHECK (slot_minutes BETWEEN 1 AND 1440),\n"
  "  room TEXT NOT NULL,\n"
  "  description TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE segment (\n"
  "  id INTEGER PRIMARY KEY CHECK (id > 0),\n"
  "  session INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,\n"
  "  parent INTEGER REFERENCES segment (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL CHECK (position >= 0),\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('opening', 'welcome', 'keynote', 'presentation',\n"
  "                                     'panel', 'qa', 'discussion', 'break',\n"
  "                                     'networking', 'closing', 'custom')),\n"
  "  title TEXT NOT NULL,\n"
  "  duration INTEGER NOT NULL CHECK (duration BETWEEN 0 AND 1440),\n"
  "  notes TEXT NOT NULL,\n"
  "  cues TEXT NOT NULL,\n"
  "  fixed_start INTEGER NOT NULL CHECK (fixed_start = -1 OR fixed_start BETWEEN 0 AND 1439),\n"
  "  CHECK (parent IS NULL OR parent <> id)\n"
  ") STRICT;\n"
  "CREATE INDEX segment_session ON segment (session);\n"
  "CREATE INDEX segment_parent ON segment (parent);\n"
  "CREATE TABLE speaker (\n"
  "  id INTEGER PRIMARY KEY CHECK (id > 0),\n"
  "  position INTEGER NOT NULL CHECK (position >= 0),\n"
  "  honorific TEXT NOT NULL,\n"
  "  name TEXT NOT NULL,\n"
  "  job_title TEXT NOT NULL,\n"
  "  organisation TEXT NOT NULL,\n"
  "  email TEXT NOT NULL,\n"
  "  phone TEXT NOT NULL,\n"
  "  bio TEXT NOT NULL,\n"
  "  notes TEXT NOT NULL,\n"
  "  status TEXT NOT NULL CHECK (status IN ('invited', 'tentative', 'confirmed', 'declined'))\n"
  ") STRICT;\n"
  "CREATE TABLE assignment (\n"
  "  id INTEGER PRIMARY KEY CHECK (id > 0),\n"
  "  position INTEGER NOT NULL CHECK (position >= 0),\n"
  "  speaker INTEGER NOT NULL REFERENCES speaker (id) ON DELETE CASCADE,\n"
  "  segment INTEGER REFERENCES segment (id) ON DELETE CASCADE,\n"
  "  session INTEGER REFERENCES session (id) ON DELETE CASCADE,\n"
  "  role TEXT NOT NULL CHECK (role IN ('presenter', 'panelist', 'moderator', 'chair',\n"
  "                                     'discussant', 'opening-remarks', 'closing-remarks')),\n"
  "  CHECK ((segment IS NULL) <> (session IS NULL))\n"
  ") STRICT;\n"
  "CREATE INDEX assignment_speaker ON assignment (speaker);\n"
  "CREATE INDEX assignment_segment ON assignment (segment);\n"
  "CREATE INDEX assignment_session ON assignment (session);\n"
  "CREATE TABLE outcome (\n"
  "  id INTEGER PRIMARY KEY CHECK (id > 0),\n"
  "  session INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL CHECK (position >= 0),\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('objective', 'expected-outcome',\n"
  "                                     'guiding-question', 'follow-up')),\n"
  "  text TEXT NOT NULL,\n"
  "  done INTEGER NOT NULL CHECK (done IN (0, 1)),\n"
  "  segment INTEGER REFERENCES segment (id) ON DELETE SET NULL\n"
  ") STRICT;\n"
  "CREATE INDEX outcome_session ON outcome (session);\n"
  "CREATE INDEX outcome_segment ON outcome (segment);\n",

  /* Version 2: follow-ups get an owner and a due date; after the event each
   * outcome gets a result and a note. */
  "ALTER TABLE outcome ADD COLUMN owner INTEGER REFERENCES speaker (id) ON DELETE SET NULL;\n"
  "ALTER TABLE outcome ADD COLUMN due_date TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE outcome ADD COLUMN result TEXT NOT NULL DEFAULT 'none'\n"
  "  CHECK (result IN ('none', 'met', 'partly-met', 'not-met'));\n"
  "ALTER TABLE outcome ADD COLUMN result_note TEXT NOT NULL DEFAULT '';\n"
  "CREATE INDEX outcome_owner ON outcome (owner);\n",

  /* Version 3: an outcome may be served by several segments, so its single
   * segment column becomes a table of links. The outcome table is rebuilt
   * with its definition written out in full (rather than altered with DROP
   * COLUMN), so its text in sqlite_schema is exactly this step's text, as
   * every opened file is compared against. The rows are set aside, the table
   * is dropped and made again under its own name (nothing refers to outcome
   * yet, so dropping it cascades nowhere), and the rows come back.
   *
   * Existing links keep their outcome and segment and get fresh ids above
   * every id in the file, which all kinds of object share. A link to a
   * segment of another session is not carried over: Convene links an item
   * only to the segments of its own session. */
  "CREATE TABLE outcome_before_v3 AS SELECT * FROM outcome;\n"
  "DROP TABLE outcome;\n"
  "CREATE TABLE outcome (\n"
  "  id INTEGER PRIMARY KEY CHECK (id > 0),\n"
  "  session INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL CHECK (position >= 0),\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('objective', 'expected-outcome',\n"
  "                                     'guiding-question', 'follow-up')),\n"
  "  text TEXT NOT NULL,\n"
  "  done INTEGER NOT NULL CHECK (done IN (0, 1)),\n"
  "  owner INTEGER REFERENCES speaker (id) ON DELETE SET NULL,\n"
  "  due_date TEXT NOT NULL,\n"
  "  result TEXT NOT NULL CHECK (result IN ('none', 'met', 'partly-met', 'not-met')),\n"
  "  result_note TEXT NOT NULL\n"
  ") STRICT;\n"
  "INSERT INTO outcome (id, session, position, kind, text, done, owner, due_date, result,\n"
  "                     result_note)\n"
  "  SELECT id, session, position, kind, text, done, owner, due_date, result, result_note\n"
  "  FROM outcome_before_v3;\n"
  "CREATE INDEX outcome_session ON outcome (session);\n"
  "CREATE INDEX outcome_owner ON outcome (owner);\n"
  "CREATE TABLE outcome_link (\n"
  "  id INTEGER PRIMARY KEY CHECK (id > 0),\n"
  "  position INTEGER NOT NULL CHECK (position >= 0),\n"
  "  outcome INTEGER NOT NULL REFERENCES outcome (id) ON DELETE CASCADE,\n"
  "  segment INTEGER NOT NULL REFERENCES segment (id) ON DELETE CASCADE,\n"
  "  UNIQUE (outcome, segment)\n"
  ") STRICT;\n"
  "CREATE INDEX outcome_link_segment ON outcome_link (segment);\n"
  "INSERT INTO outcome_link (id, position, outcome, segment)\n"
  "  SELECT (SELECT coalesce (max (id), 0) FROM (SELECT id FROM session\n"
  "                                            UNION ALL SELECT id FROM segment\n"
  "                                            UNION ALL SELECT id FROM speaker\n"
  "                                            UNION ALL SELECT id FROM assignment\n"
  "                                            UNION ALL SELECT id FROM outcome))\n"
  "           + row_number () OVER (ORDER BY o.position, o.id),\n"
  "         row_number () OVER (ORDER BY o.position, o.id) - 1,\n"
  "         o.id, o.segment\n"
  "  FROM outcome_before_v3 AS o\n"
  "  JOIN segment AS s ON s.id = o.segment AND s.session = o.session;\n"
  "DROP TABLE outcome_before_v3;\n",

  /* Version 4: a segment holding items lasts what its items take, and its
   * own duration is a target length only when has_target says so. A
   * segment that holds items in an older file keeps its duration as its
   * target (unless that was 0), so a panel whose talks outgrew it says so
   * rather than silently changing meaning. */
  "ALTER TABLE segment ADD COLUMN has_target INTEGER NOT NULL DEFAULT 0\n"
  "  CHECK (has_target IN (0, 1));\n"
  "UPDATE segment SET has_target = 1\n"
  "  WHERE duration > 0 AND id IN (SELECT parent FROM segment WHERE parent IS NOT NULL);\n",

  /* Version 5: Fit to Slot. A segment may carry a minimum and a maximum
   * length (0 for none) and a lock; a session has the step its fitted
   * lengths are rounded to. Older files get no bounds, no locks and a
   * 5-minute step. */
  "ALTER TABLE segment ADD COLUMN min_length INTEGER NOT NULL DEFAULT 0\n"
  "  CHECK (min_length BETWEEN 0 AND 1440);\n"
  "ALTER TABLE segment ADD COLUMN max_length INTEGER NOT NULL DEFAULT 0\n"
  "  CHECK (max_length BETWEEN 0 AND 1440);\n"
  "ALTER TABLE segment ADD COLUMN locked INTEGER NOT NULL DEFAULT 0\n"
  "  CHECK (locked IN (0, 1));\n"
  "ALTER TABLE session ADD COLUMN fit_step INTEGER NOT NULL DEFAULT 5\n"
  "  CHECK (fit_step BETWEEN 1 AND 60);\n",

  /* Version 6: every session and segment gets a permanent UUID, so that
   * schedule exports and calendars update what other programs hold instead
   * of adding it again. Existing rows get random UUIDs (RFC 4122 version 4): sixteen
   * random bytes in hexadecimal, then the version digit and the variant
   * digit (8, 9, a or b, chosen by the random digit it replaces) put in
   * place. */
  "ALTER TABLE session ADD COLUMN uuid TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE segment ADD COLUMN uuid TEXT NOT NULL DEFAULT '';\n"
  "UPDATE session SET uuid = lower (hex (randomblob (16)));\n"
  "UPDATE segment SET uuid = lower (hex (randomblob (16)));\n"
  "UPDATE session SET uuid = substr (uuid, 1, 8) || '-' || substr (uuid, 9, 4) || '-4'\n"
  "  || substr (uuid, 14, 3) || '-'\n"
  "  || substr ('89ab89ab89ab89ab', instr ('0123456789abcdef', substr (uuid, 17, 1)), 1)\n"
  "  || substr (uuid, 18, 3) || '-' || substr (uuid, 21, 12);\n"
  "UPDATE segment SET uuid = substr (uuid, 1, 8) || '-' || substr (uuid, 9, 4) || '-4'\n"
  "  || substr (uuid, 14, 3) || '-'\n"
  "  || substr ('89ab89ab89ab89ab', instr ('0123456789abcdef', substr (uuid, 17, 1)), 1)\n"
  "  || substr (uuid, 18, 3) || '-' || substr (uuid, 21, 12);\n"
  "CREATE UNIQUE INDEX session_uuid ON session (uuid);\n"
  "CREATE UNIQUE INDEX segment_uuid ON segment (uuid);\n",

  /* Version 7: the record of running a session live, one row per thing the
   * operator did (start, next, hold ...) at the instant it happened, in
   * microseconds since the Unix epoch. The segment a jump went to is kept
   * as a plain id, not a reference: deleting the segment later must not
   * rewrite what happened on the day (replaying passes over the jump). */
  "CREATE TABLE live_event (\n"
  "  id INTEGER PRIMARY KEY CHECK (id > 0),\n"
  "  session INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL CHECK (position >= 0),\n"
  "  at INTEGER NOT NULL,\n"
  "  action TEXT NOT NULL CHECK (action IN ('start', 'next', 'back', 'hold', 'resume',\n"
  "                                         'add', 'jump')),\n"
  "  segment INTEGER NOT NULL CHECK (segment >= 0),\n"
  "  minutes INTEGER NOT NULL CHECK (minutes BETWEEN -1440 AND 1440),\n"
  "  recovery TEXT NOT NULL CHECK (recovery IN ('push', 'absorb'))\n"
  ") STRICT;\n"
  "CREATE INDEX live_event_session ON live_event (session);\n",

  /* Version 8: how the project was last looked at (the timeline's zoom),
   * kept with it but outside its content: no undo, no JSON. One row per
   * named setting; the values are short texts each view reads itself. */
  "CREATE TABLE view_setting (\n"
  "  key TEXT PRIMARY KEY CHECK (length (key) BETWEEN 1 AND 64),\n"
  "  value TEXT NOT NULL CHECK (length (value) <= 256)\n"
  ") STRICT;\n",
};

G_STATIC_ASSERT (G_N_ELEMENTS (steps) == CONVENE_SCHEMA_VERSION);

guint
convene_schema_get_n_steps (void)
{
  return G_N_ELEMENTS (steps);
}

const char *
convene_schema_get_step (guint version)
{
  g_return_val_if_fail (version >= 1 && version <= G_N_ELEMENTS (steps), NULL);

  return steps[version - 1];
}

int
convene_schema_run_steps (sqlite3  *db,
                          guint     from_version,
                          guint     to_version,
                          char    **message)
{
  g_autofree char *pragma = NULL;
  char *errmsg = NULL;
  int rc;

  g_return_val_if_fail (to_version <= G_N_ELEMENTS (steps), SQLITE_MISUSE);
  g_return_val_if_fail (from_version <= to_version, SQLITE_MISUSE);

  for (guint v = from_version + 1; v <= to_version; v++)
    {
      rc = sqlite3_exec (db, steps[v - 1], NULL, NULL, &errmsg);
      if (rc != SQLITE_OK)
        goto failed;
    }

  /* PRAGMA takes no bound parameters; the value is our own integer. */
  pragma = g_strdup_printf ("PRAGMA user_version = %u", to_version);
  rc = sqlite3_exec (db, pragma, NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    goto failed;

  return SQLITE_OK;

failed:
  if (message != NULL)
    *message = g_strdup (errmsg != NULL ? errmsg : sqlite3_errstr (rc));
  sqlite3_free (errmsg);
  return rc;
}

typedef struct {
  char *type;
  char *name;
  char *tbl_name;
  char *sql;   /* NULL for automatic indexes */
} SchemaObject;

static void
schema_object_free (gpointer data)
{
  SchemaObject *object = data;

  g_free (object->type);
  g_free (object->name);
  g_free (object->tbl_name);
  g_free (object->sql);
  g_free (object);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  if (text == NULL)
    return NULL;

  return g_strndup ((const char *) text, (gsize) sqlite3_column_bytes (stmt, column));
}

static int
read_schema (sqlite3    *db,
             GPtrArray **out)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (schema_object_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT type, name, tbl_name, sql FROM sqlite_schema",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SchemaObject *object = g_new0 (SchemaObject, 1);

      object->type = dup_column (stmt, 0);
      object->name = dup_column (stmt, 1);
      object->tbl_name = dup_column (stmt, 2);
      object->sql = dup_column (stmt, 3);
      g_ptr_array_add (objects, object);
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return rc;

  *out = g_steal_pointer (&objects);
  return SQLITE_OK;
}

static const char *
describe_type (const char *type)
{
  if (g_strcmp0 (type, "table") == 0)
    return _("table");
  if (g_strcmp0 (type, "index") == 0)
    return _("index");
  if (g_strcmp0 (type, "view") == 0)
    return _("view");
  if (g_strcmp0 (type, "trigger") == 0)
    return _("trigger");
  return _("object");
}

/* Names are escaped: they come from the file and end up in a message. */
static char *
describe_object (const SchemaObject *object)
{
  g_autofree char *name = g_strescape (object->name != NULL ? object->name : "", NULL);

  return g_strdup_printf ("%s “%s”", describe_type (object->type), name);
}

/* Schemas hold a few dozen objects: a linear search is plenty. */
static const SchemaObject *
find_object (GPtrArray          *objects,
             const SchemaObject *like)
{
  for (guint i = 0; i < objects->len; i++)
    {
      const SchemaObject *object = g_ptr_array_index (objects, i);

      if (g_strcmp0 (object->type, like->type) == 0 &&
          g_strcmp0 (object->name, like->name) == 0)
        return object;
    }

  return NULL;
}

static GPtrArray *
reference_schema (guint  version,
                  int   *result)
{
  GPtrArray *objects = NULL;
  sqlite3 *memory = NULL;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = convene_schema_run_steps (memory, 0, version, NULL);
  if (rc == SQLITE_OK)
    rc = read_schema (memory, &objects);

  sqlite3_close (memory);
  *result = rc;
  return objects;
}

gboolean
convene_schema_matches (sqlite3  *db,
                        guint     version,
                        int      *result,
                        char    **difference)
{
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) actual = NULL;
  int rc;

  *result = SQLITE_OK;
  *difference = NULL;

  expected = reference_schema (version, &rc);
  if (expected == NULL)
    {
      *result = rc;
      return FALSE;
    }

  rc = read_schema (db, &actual);
  if (rc != SQLITE_OK)
    {
      *result = rc;
      return FALSE;
    }

  for (guint i = 0; i < actual->len; i++)
    {
      const SchemaObject *have = g_ptr_array_index (actual, i);
      const SchemaObject *want = find_object (expected, have);

      if (want == NULL)
        {
          g_autofree char *what = describe_object (have);
          /* Translators: %s is e.g. trigger “log_changes” */
          *difference = g_strdup_printf (_("it holds a %s that Convene did not create"), what);
          return FALSE;
        }

      if (g_strcmp0 (want->tbl_name, have->tbl_name) != 0 ||
          g_strcmp0 (want->sql, have->sql) != 0)
        {
          g_autofree char *what = describe_object (have);
          /* Translators: %s is e.g. table “segment” */
          *difference = g_strdup_printf (_("the %s has a definition Convene did not write"), what);
          return FALSE;
        }
    }

  for (guint i = 0; i < expected->len; i++)
    {
      const SchemaObject *want = g_ptr_array_index (expected, i);

      if (find_object (actual, want) == NULL)
        {
          g_autofree char *what = describe_object (want);
          *difference = g_strdup_printf (_("the %s is missing"), what);
          return FALSE;
        }
    }

  return TRUE;
}
