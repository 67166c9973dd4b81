#define G_LOG_DOMAIN "convene-io"
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "convene-export-file.h"
#include "convene-json.h"
#include "convene-limits.h"
#include "convene-live.h"
#include "convene-validate.h"

G_DEFINE_QUARK (convene-json-error-quark, convene_json_error)

/* Our format never nests deeper than 7 levels; refusing far deeper input
 * before the parser sees it keeps a hostile file from exhausting the stack. */
#define MAX_NESTING 64

/* Export
 *
 * The writer is our own rather than JsonGenerator so that the bytes depend
 * on nothing but this file: the same project gives the same JSON with any
 * json-glib, and every control character is escaped as RFC 8259 asks. */

#define WRITER_MAX_DEPTH 16

typedef struct
{
  GString        *out;
  ConveneProject *project;   /* borrowed: what is being written */
  guint           depth;
  gboolean        has_members[WRITER_MAX_DEPTH];
} Writer;

static void
write_escaped (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* Starts one member (key != NULL) or array element (key == NULL). */
static void
writer_begin_value (Writer     *w,
                    const char *key)
{
  if (w->depth > 0)
    {
      g_string_append (w->out, w->has_members[w->depth] ? ",\n" : "\n");
      w->has_members[w->depth] = TRUE;
      for (guint i = 0; i < w->depth; i++)
        g_string_append (w->out, "  ");
    }

  if (key != NULL)
    {
      write_escaped (w->out, key);
      g_string_append (w->out, ": ");
    }
}

static void
writer_open (Writer     *w,
             const char *key,
             char        bracket)
{
  writer_begin_value (w, key);
  g_string_append_c (w->out, bracket);
  w->depth++;
  g_assert (w->depth < WRITER_MAX_DEPTH);
  w->has_members[w->depth] = FALSE;
}

static void
writer_close (Writer *w,
              char    bracket)
{
  if (w->has_members[w->depth])
    {
      g_string_append_c (w->out, '\n');
      for (guint i = 0; i + 1 < w->depth; i++)
        g_string_append (w->out, "  ");
    }
  g_string_append_c (w->out, bracket);
  w->depth--;
}

static void
write_string (Writer     *w,
              const char *key,
              const char *value)
{
  writer_begin_value (w, key);
  write_escaped (w->out, value != NULL ? value : "");
}

static void
write_int (Writer     *w,
           const char *key,
           gint64      value)
{
  writer_begin_value (w, key);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

static void
write_bool (Writer     *w,
            const char *key,
            gboolean    value)
{
  writer_begin_value (w, key);
  g_string_append (w->out, value ? "true" : "false");
}

static void
write_null (Writer     *w,
            const char *key)
{
  writer_begin_value (w, key);
  g_string_append (w->out, "null");
}

/* 0 means "no reference" in the model and null in the file. */
static void
write_ref (Writer     *w,
           const char *key,
           gint64      id)
{
  if (id != 0)
    write_int (w, key, id);
  else
    write_null (w, key);
}

static void
write_time (Writer     *w,
            const char *key,
            int         minutes)
{
  g_autofree char *text = convene_format_time_of_day (minutes);
  write_string (w, key, text);
}

static void
write_segment (Writer         *w,
               ConveneSegment *segment,
               gboolean        is_item)
{
  int fixed_start = convene_segment_get_fixed_start (segment);

  writer_open (w, NULL, '{');
  write_int (w, "id", convene_segment_get_id (segment));
  write_string (w, "uuid", convene_segment_get_uuid (segment));
  write_string (w, "kind", convene_segment_kind_to_nick (convene_segment_get_kind (segment)));
  write_string (w, "title", convene_segment_get_title (segment));
  write_int (w, "duration", convene_segment_get_duration (segment));
  if (fixed_start == CONVENE_NO_FIXED_START)
    write_null (w, "fixed_start");
  else
    write_time (w, "fixed_start", fixed_start);
  write_bool (w, "has_target", convene_segment_get_has_target (segment));
  write_int (w, "min_length", convene_segment_get_min_length (segment));
  write_int (w, "max_length", convene_segment_get_max_length (segment));
  write_bool (w, "locked", convene_segment_get_locked (segment));
  write_string (w, "notes", convene_segment_get_notes (segment));
  write_string (w, "cues", convene_segment_get_cues (segment));

  /* Items hold nothing, so only top-level segments carry the key. */
  if (!is_item)
    {
      GListModel *items = G_LIST_MODEL (convene_segment_get_items (segment));
      guint n = g_list_model_get_n_items (items);

      writer_open (w, "items", '[');
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ConveneSegment) item = g_list_model_get_item (items, i);
          write_segment (w, item, TRUE);
        }
      writer_close (w, ']');
    }

  writer_close (w, '}');
}

static void
write_outcome (Writer         *w,
               ConveneOutcome *outcome)
{
  const char *due_date = convene_outcome_get_due_date (outcome);
  GListModel *links = G_LIST_MODEL (convene_project_get_outcome_links (w->project));
  gint64 outcome_id = convene_outcome_get_id (outcome);
  guint n_links = g_list_model_get_n_items (links);

  writer_open (w, NULL, '{');
  write_int (w, "id", outcome_id);
  write_string (w, "kind", convene_outcome_kind_to_nick (convene_outcome_get_kind (outcome)));
  write_string (w, "text", convene_outcome_get_text (outcome));
  write_bool (w, "done", convene_outcome_get_done (outcome));

  /* The project's links of this outcome, in the order they were made; the
   * links themselves have no id in the file, they are the pairs. */
  writer_open (w, "segments", '[');
  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr(ConveneOutcomeLink) link = g_list_model_get_item (links, i);

      if (convene_outcome_link_get_outcome_id (link) == outcome_id)
        write_int (w, NULL, convene_outcome_link_get_segment_id (link));
    }
  writer_close (w, ']');

  write_ref (w, "owner", convene_outcome_get_owner_id (outcome));
  if (due_date == NULL || *due_date == '\0')
    write_null (w, "due_date");
  else
    write_string (w, "due_date", due_date);
  write_string (w, "result", convene_outcome_result_to_nick (convene_outcome_get_result (outcome)));
  write_string (w, "result_note", convene_outcome_get_result_note (outcome));
  writer_close (w, '}');
}

/* An instant of the live record, in UTC to the microsecond, always in
 * the same shape so export -> import -> export gives the same bytes:
 * "2027-05-24T10:42:00.000000Z". */
static void
write_instant (Writer     *w,
               const char *key,
               gint64      instant)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;
  gint64 micro;
  int year, month, day;

  /* Within the years the format holds (an actual end derived from a record
   * at the very end of the range could pass it), the year in four digits
   * (GDateTime's "%Y" writes year 5 as "5"). */
  instant = CLAMP (instant, CONVENE_MIN_INSTANT, CONVENE_MAX_INSTANT);
  micro = instant % G_USEC_PER_SEC;
  if (micro < 0)
    micro += G_USEC_PER_SEC;
  utc = g_date_time_new_from_unix_utc ((instant - micro) / G_USEC_PER_SEC);
  g_date_time_get_ymd (utc, &year, &month, &day);
  text = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", year, month, day,
                          g_date_time_get_hour (utc), g_date_time_get_minute (utc),
                          g_date_time_get_second (utc), (int) micro);
  write_string (w, key, text);
}

/* The record of running the session live: what the operator did, and the
 * actual start and end of each segment that follows from it (written for
 * readers; an import derives them again from the record). */
static void
write_live (Writer         *w,
            ConveneSession *session)
{
  GListModel *events = G_LIST_MODEL (convene_session_get_live_events (session));
  g_autoptr(GTimeZone) tz = convene_project_dup_gtime_zone (w->project);
  g_autoptr(ConveneLive) live = NULL;
  guint n = g_list_model_get_n_items (events);

  if (n == 0)
    return;

  writer_open (w, "live", '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneLiveEvent) event = g_list_model_get_item (events, i);

      writer_open (w, NULL, '{');
      write_int (w, "id", convene_live_event_get_id (event));
      write_instant (w, "at", convene_live_event_get_at (event));
      write_string (w, "action", convene_live_action_to_nick (convene_live_event_get_action (event)));
      write_ref (w, "segment", convene_live_event_get_segment_id (event));
      write_int (w, "minutes", convene_live_event_get_minutes (event));
      write_string (w, "recovery", convene_live_event_get_kept_recovery (event));
      writer_close (w, '}');
    }
  writer_close (w, ']');

  live = convene_live_new (session, tz, NULL, NULL, NULL);
  writer_open (w, "actuals", '[');
  for (guint i = 0; i < convene_live_get_n_steps (live); i++)
    {
      const ConveneLiveRecord *record = convene_live_get_record (live, i);

      if (record->actual_start == 0)
        continue;
      writer_open (w, NULL, '{');
      write_int (w, "segment", convene_segment_get_id (convene_live_get_step_segment (live, i)));
      write_instant (w, "start", record->actual_start);
      if (record->actual_end != 0)
        write_instant (w, "end", record->actual_end);
      else
        write_null (w, "end");
      writer_close (w, '}');
    }
  writer_close (w, ']');
}

static void
write_session (Writer         *w,
               ConveneSession *session)
{
  GListModel *segments = G_LIST_MODEL (convene_session_get_segments (session));
  GListModel *outcomes = G_LIST_MODEL (convene_session_get_outcomes (session));
  guint n;

  writer_open (w, NULL, '{');
  write_int (w, "id", convene_session_get_id (session));
  write_string (w, "uuid", convene_session_get_uuid (session));
  write_string (w, "title", convene_session_get_title (session));
  write_string (w, "date", convene_session_get_date (session));
  write_time (w, "start", convene_session_get_start_time (session));
  write_int (w, "slot_minutes", convene_session_get_slot_minutes (session));
  write_int (w, "fit_step", convene_session_get_fit_step (session));
  write_string (w, "room", convene_session_get_room (session));
  write_string (w, "description", convene_session_get_description (session));

  writer_open (w, "segments", '[');
  n = g_list_model_get_n_items (segments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);
      write_segment (w, segment, FALSE);
    }
  writer_close (w, ']');

  writer_open (w, "outcomes", '[');
  n = g_list_model_get_n_items (outcomes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);
      write_outcome (w, outcome);
    }
  writer_close (w, ']');

  write_live (w, session);

  writer_close (w, '}');
}

static void
write_speaker (Writer         *w,
               ConveneSpeaker *speaker)
{
  writer_open (w, NULL, '{');
  write_int (w, "id", convene_speaker_get_id (speaker));
  write_string (w, "honorific", convene_speaker_get_honorific (speaker));
  write_string (w, "name", convene_speaker_get_name (speaker));
  write_string (w, "job_title", convene_speaker_get_job_title (speaker));
  write_string (w, "organisation", convene_speaker_get_organisation (speaker));
  write_string (w, "email", convene_speaker_get_email (speaker));
  write_string (w, "phone", convene_speaker_get_phone (speaker));
  write_string (w, "bio", convene_speaker_get_bio (speaker));
  write_string (w, "notes", convene_speaker_get_notes (speaker));
  write_string (w, "status", convene_speaker_status_to_nick (convene_speaker_get_status (speaker)));
  writer_close (w, '}');
}

static void
write_assignment (Writer            *w,
                  ConveneAssignment *assignment)
{
  gint64 segment_id = convene_assignment_get_segment_id (assignment);

  writer_open (w, NULL, '{');
  write_int (w, "id", convene_assignment_get_id (assignment));
  write_int (w, "speaker", convene_assignment_get_speaker_id (assignment));
  if (segment_id != 0)
    write_int (w, "segment", segment_id);
  else
    write_int (w, "session", convene_assignment_get_session_id (assignment));
  write_string (w, "role", convene_role_to_nick (convene_assignment_get_role (assignment)));
  writer_close (w, '}');
}

static void
write_list (Writer     *w,
            const char *key,
            GListModel *list,
            void      (*write_one) (Writer *, gpointer))
{
  guint n = g_list_model_get_n_items (list);

  writer_open (w, key, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, i);
      write_one (w, object);
    }
  writer_close (w, ']');
}

static void
write_speaker_cb (Writer   *w,
                  gpointer  object)
{
  write_speaker (w, object);
}

static void
write_session_cb (Writer   *w,
                  gpointer  object)
{
  write_session (w, object);
}

static void
write_assignment_cb (Writer   *w,
                     gpointer  object)
{
  write_assignment (w, object);
}

char *
convene_json_export (ConveneProject *project,
                     gsize          *length)
{
  Writer w = { 0 };

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);

  w.out = g_string_sized_new (4096);
  w.project = project;

  writer_open (&w, NULL, '{');
  write_string (&w, "format", CONVENE_JSON_FORMAT);
  write_int (&w, "version", CONVENE_JSON_FORMAT_VERSION);

  writer_open (&w, "project", '{');
  write_string (&w, "title", convene_project_get_title (project));
  write_string (&w, "organiser", convene_project_get_organiser (project));
  write_string (&w, "venue", convene_project_get_venue (project));
  write_string (&w, "notes", convene_project_get_notes (project));
  write_string (&w, "time_zone", convene_project_get_time_zone (project));
  writer_close (&w, '}');

  write_list (&w, "speakers", G_LIST_MODEL (convene_project_get_speakers (project)), write_speaker_cb);
  write_list (&w, "sessions", G_LIST_MODEL (convene_project_get_sessions (project)), write_session_cb);
  write_list (&w, "assignments", G_LIST_MODEL (convene_project_get_assignments (project)), write_assignment_cb);

  writer_close (&w, '}');
  g_string_append_c (w.out, '\n');

  if (length != NULL)
    *length = w.out->len;
  return g_string_free (w.out, FALSE);
}

gboolean
convene_json_export_to_file (ConveneProject  *project,
                             GFile           *file,
                             GError         **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  gboolean ok;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = convene_json_export (project, &length);

  /* The whole project, people's contact details included. */
  ok = convene_export_file_write (file, data, length, CONVENE_EXPORT_PRIVATE, &local_error);
  if (!ok)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write “%s”: %s."), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Import: checking the text before json-glib parses it
 *
 * json-glib 1.6 accepts some things that are not JSON and would change a
 * project silently (integers beyond 64 bits wrap, "\u0000" cuts a string
 * short, a second value after the first is ignored) and parses nesting by
 * recursion. One pass over the bytes refuses all of these with the line. */

static guint
count_lines (const char *data,
             const char *upto)
{
  guint line = 1;

  for (const char *p = data; p < upto; p++)
    if (*p == '\n')
      line++;
  return line;
}

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
is_number_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '+' || c == '-';
}

/* The JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
number_is_valid (const char *p,
                 const char *end,
                 gboolean   *is_integer)
{
  *is_integer = TRUE;

  if (p < end && *p == '-')
    p++;
  if (p >= end || !g_ascii_isdigit (*p))
    return FALSE;
  if (*p == '0')
    p++;
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;

  if (p < end && *p == '.')
    {
      *is_integer = FALSE;
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      *is_integer = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  return p == end;
}

static gboolean
prescan (const char  *data,
         gsize        length,
         GError     **error)
{
  const char *end = data + length;
  const char *p = data;
  guint depth = 0;
  gboolean root_done = FALSE;
  gboolean cut_short = FALSE;

  /* A UTF-8 byte order mark is harmless; json-glib skips it too. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      char c = *p;

      if (is_json_space (c))
        {
          p++;
          continue;
        }

      if (root_done)
        {
          g_set_error (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_SYNTAX,
                       _("This is not valid JSON: line %u has more text after the end of the project."),
                       count_lines (data, p));
          return FALSE;
        }

      if (c == '"')
        {
          for (p++; p < end && *p != '"'; p++)
            {
              if (*p != '\\')
                continue;
              p++;
              if (p + 5 <= end && memcmp (p, "u0000", 5) == 0)
                {
                  g_set_error (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_INVALID,
                               _("Line %u: text cannot contain the character \\u0000."),
                               count_lines (data, p));
                  return FALSE;
                }
            }
          if (p >= end)
            {
              cut_short = TRUE;
              break;
            }
          p++;
          if (depth == 0)
            root_done = TRUE;
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_NESTING)
            {
              g_set_error (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_SYNTAX,
                           _("This is not a Convene project: line %u is nested more than %d levels deep."),
                           count_lines (data, p), MAX_NESTING);
              return FALSE;
            }
          p++;
        }
      else if (c == '}' || c == ']')
        {
          if (depth > 0 && --depth == 0)
            root_done = TRUE;
          p++;
        }
      else if (c == ',' || c == ':')
        {
          p++;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          const char *start = p;
          gboolean is_integer;

          while (p < end && is_number_char (*p))
            p++;

          if (!number_is_valid (start, p, &is_integer))
            {
              g_autofree char *token = g_strndup (start, MIN ((gsize) (p - start), 40));

              g_set_error (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_SYNTAX,
                           _("This is not valid JSON: “%s” on line %u is not a number."),
                           token, count_lines (data, start));
              return FALSE;
            }

          if (is_integer)
            {
              g_autofree char *token = g_strndup (start, (gsize) (p - start));

              if (!g_ascii_string_to_signed (token, 10, G_MININT64, G_MAXINT64, NULL, NULL))
                {
                  if (strlen (token) > 40)
                    token[40] = '\0';
                  g_set_error (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_INVALID,
                               _("Line %u: the number %s is far too large."),
                               count_lines (data, start), token);
                  return FALSE;
                }
            }
          if (depth == 0)
            root_done = TRUE;
        }
      else if (g_ascii_isalpha (c))
        {
          const char *start = p;
          gsize len;

          while (p < end && g_ascii_isalnum (*p))
            p++;
          len = (gsize) (p - start);

          if (!((len == 4 && memcmp (start, "true", 4) == 0) ||
                (len == 5 && memcmp (start, "false", 5) == 0) ||
                (len == 4 && memcmp (start, "null", 4) == 0)))
            {
              g_autofree char *word = g_strndup (start, MIN (len, 40));

              g_set_error (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_SYNTAX,
                           _("This is not valid JSON: “%s” on line %u is not a value "
                             "(text goes in double quotes)."),
                           word, count_lines (data, start));
              return FALSE;
            }
          if (depth == 0)
            root_done = TRUE;
        }
      else
        {
          gunichar ch = g_utf8_get_char (p);

          g_set_error (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_SYNTAX,
                       _("This is not valid JSON: unexpected character U+%04X on line %u."),
                       ch, count_lines (data, p));
          return FALSE;
        }
    }

  /* A file cut short (a copy interrupted, a download stopped) ends inside a
   * string or with brackets still open; the parser would name whatever
   * character it last saw, which tells the planner nothing. */
  if (cut_short || depth > 0)
    {
      g_set_error (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_SYNTAX,
                   _("This is not valid JSON: the file ends on line %u before the project does; "
                     "it may have been cut short."),
                   count_lines (data, end - 1));
      return FALSE;
    }

  return TRUE;
}

/* json-glib keeps the last of two members with the same name; a project
 * file where "duration" appears twice is ambiguous, so we count them. */
typedef struct
{
  GHashTable *counts;        /* JsonObject* -> number of members parsed */
  char       *duplicate;     /* the first repeated name */
  guint       line;
} DuplicateCheck;

static void
on_object_member (JsonParser     *parser,
                  JsonObject     *object,
                  const char     *member_name,
                  DuplicateCheck *check)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (check->counts, object)) + 1;

  g_hash_table_insert (check->counts, object, GUINT_TO_POINTER (count));
  if (check->duplicate == NULL && count > json_object_get_size (object))
    {
      check->duplicate = g_strdup (member_name);
      check->line = json_parser_get_current_line (parser);
    }
}

/* Import: building the project with a path for every error */

typedef struct
{
  ConveneProject *project;
  /* id -> the path of the object that holds it (for "used twice" messages) */
  GHashTable     *speaker_ids;
  GHashTable     *session_ids;
  GHashTable     *segment_ids;
  GHashTable     *outcome_ids;
  GHashTable     *live_event_ids;
  GHashTable     *assignment_ids;
  /* lower-case uuid -> the path of the session or segment that holds it */
  GHashTable     *uuids;
} Import;

typedef enum {
  REF_SPEAKER,
  REF_SESSION,
  REF_SEGMENT,
} RefKind;

static char *
join_path (const char *path,
           const char *name)
{
  if (name == NULL)
    return g_strdup (path);
  if (path == NULL || *path == '\0')
    return g_strdup (name);
  return g_strconcat (path, ".", name, NULL);
}

static gboolean fail_at (GError **error, const char *path, const char *name,
                         const char *format, ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail_at (GError     **error,
         const char  *path,
         const char  *name,
         const char  *format,
         ...)
{
  g_autofree char *where = join_path (path, name);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_INVALID, "%s: %s", where, message);
  return FALSE;
}

static gboolean
fail_with (GError     **error,
           const char  *path,
           const char  *name,
           GError      *inner)
{
  return fail_at (error, path, name, "%s", inner->message);
}

/* A short, printable form of a value the planner wrote, for messages. */
static char *
quote_value (const char *value)
{
  if (g_utf8_strlen (value, -1) > 40)
    {
      g_autofree char *head = g_utf8_substring (value, 0, 40);
      return g_strconcat (head, "…", NULL);
    }
  return g_strdup (value);
}

static gboolean
node_holds (JsonNode *node,
            GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
check_members (JsonObject          *object,
               const char          *path,
               const char * const  *known,
               GError             **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (const GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      return fail_at (error, path, l->data, _("Convene does not know this field."));

  return TRUE;
}

static gboolean
expect_object (JsonNode     *node,
               const char   *path,
               JsonObject  **out,
               GError      **error)
{
  *out = NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (error, path, NULL, _("This must be an object in braces { }."));
  *out = json_node_get_object (node);
  return TRUE;
}

/* Absent is fine (out is set to NULL); present must be an array. */
static gboolean
get_array (JsonObject  *object,
           const char  *path,
           const char  *name,
           JsonArray  **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_at (error, path, name, _("This must be a list in brackets [ ]."));
  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
required (JsonNode    *node,
          const char  *path,
          const char  *name,
          GError     **error)
{
  if (node == NULL)
    return fail_at (error, path, name, _("This field is required."));
  return TRUE;
}

/* Strings: absent leaves *out untouched (the caller's default). */
static gboolean
read_string (JsonObject  *object,
             const char  *path,
             const char  *name,
             gboolean     is_required,
             const char **out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return is_required ? required (node, path, name, error) : TRUE;
  if (!node_holds (node, G_TYPE_STRING))
    return fail_at (error, path, name, _("This must be text in double quotes."));
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_text (JsonObject  *object,
           const char  *path,
           const char  *name,
           const char  *label,
           const char **out,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!read_string (object, path, name, FALSE, out, error))
    return FALSE;
  if (!convene_validate_text (*out, -1, label, &local_error))
    return fail_with (error, path, name, local_error);
  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *path,
          const char  *name,
          gboolean     is_required,
          gint64      *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return is_required ? required (node, path, name, error) : TRUE;
  if (!node_holds (node, G_TYPE_INT64))
    return fail_at (error, path, name, _("This must be a whole number."));
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
read_bool (JsonObject  *object,
           const char  *path,
           const char  *name,
           gboolean    *out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return TRUE;
  if (!node_holds (node, G_TYPE_BOOLEAN))
    return fail_at (error, path, name, _("This must be true or false."));
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_enum (JsonObject  *object,
           const char  *path,
           const char  *name,
           gboolean     is_required,
           GType        enum_type,
           int         *out,
           GError     **error)
{
  const char *nick = NULL;
  GEnumClass *klass;
  GEnumValue *value;
  gboolean ok = TRUE;

  if (!read_string (object, path, name, is_required, &nick, error))
    return FALSE;
  if (nick == NULL)
    return TRUE;

  klass = g_type_class_ref (enum_type);
  value = g_enum_get_value_by_nick (klass, nick);
  if (value != NULL)
    {
      *out = value->value;
    }
  else
    {
      g_autoptr(GString) choices = g_string_new (NULL);
      g_autofree char *shown = quote_value (nick);

      for (guint i = 0; i < klass->n_values; i++)
        {
          if (i > 0)
            g_string_append (choices, ", ");
          g_string_append (choices, klass->values[i].value_nick);
        }
      ok = fail_at (error, path, name,
                    /* Translators: the second %s lists the accepted words */
                    _("“%s” is not one of the values Convene knows here (%s)."),
                    shown, choices->str);
    }
  g_type_class_unref (klass);
  return ok;
}

/* "HH:MM"; null only where nullable (out becomes CONVENE_NO_FIXED_START). */
static gboolean
read_time (JsonObject  *object,
           const char  *path,
           const char  *name,
           gboolean     is_required,
           gboolean     nullable,
           int         *out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autoptr(GError) local_error = NULL;
  const char *text;
  int minutes;

  if (node == NULL)
    return is_required ? required (node, path, name, error) : TRUE;
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *out = CONVENE_NO_FIXED_START;
      return TRUE;
    }
  if (!node_holds (node, G_TYPE_STRING))
    return fail_at (error, path, name,
                    nullable ? _("This must be a time of day in double quotes, such as \"13:05\", or null.")
                             : _("This must be a time of day in double quotes, such as \"13:05\"."));

  text = json_node_get_string (node);
  if (!convene_parse_time_of_day (text, &minutes))
    {
      g_autofree char *shown = quote_value (text);
      return fail_at (error, path, name,
                      _("“%s” is not a time of day; write times as HH:MM on the 24-hour clock, such as 13:05."),
                      shown);
    }
  if (!convene_validate_time_of_day (minutes, &local_error))
    return fail_with (error, path, name, local_error);

  *out = minutes;
  return TRUE;
}

static gboolean
read_date (JsonObject  *object,
           const char  *path,
           const char  *name,
           gboolean     is_required,
           gboolean     nullable,
           const char **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autoptr(GError) local_error = NULL;
  const char *text;

  if (node == NULL)
    return is_required ? required (node, path, name, error) : TRUE;
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *out = "";
      return TRUE;
    }
  if (!node_holds (node, G_TYPE_STRING))
    return fail_at (error, path, name,
                    nullable ? _("This must be a date in double quotes, such as \"2027-05-23\", or null.")
                             : _("This must be a date in double quotes, such as \"2027-05-23\"."));

  text = json_node_get_string (node);
  if (nullable && *text == '\0')
    {
      *out = "";
      return TRUE;
    }
  if (!convene_validate_date (text, &local_error))
    return fail_with (error, path, name, local_error);

  *out = text;
  return TRUE;
}

static gboolean
read_id (JsonObject  *object,
         const char  *path,
         gint64      *out,
         GError     **error)
{
  gint64 id = 0;

  if (!read_int (object, path, "id", FALSE, &id, error))
    return FALSE;
  /* Capped so that the ids a project makes next can never overflow. */
  if (json_object_has_member (object, "id") && (id <= 0 || id > CONVENE_MAX_ID))
    return fail_at (error, path, "id", _("An id must be a whole number from 1 to %'lld."),
                    (long long) CONVENE_MAX_ID);
  *out = id;
  return TRUE;
}

static GHashTable *
ids_for (Import  *import,
         RefKind  kind)
{
  switch (kind)
    {
    case REF_SPEAKER: return import->speaker_ids;
    case REF_SESSION: return import->session_ids;
    case REF_SEGMENT: return import->segment_ids;
    default: g_assert_not_reached ();
    }
}

/* A reference by id: null (when nullable) gives 0; otherwise the id must
 * belong to an object of the right kind somewhere in the file. */
static gboolean
read_ref (Import      *import,
          JsonObject  *object,
          const char  *path,
          const char  *name,
          RefKind      kind,
          gboolean     nullable,
          gint64      *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  gint64 id;

  *out = 0;
  if (node == NULL && !nullable)
    return required (node, path, name, error);
  if (node == NULL || (nullable && JSON_NODE_HOLDS_NULL (node)))
    return TRUE;
  if (!node_holds (node, G_TYPE_INT64))
    return fail_at (error, path, name,
                    nullable ? _("This must be the id of another object (a whole number), or null.")
                             : _("This must be the id of another object (a whole number)."));

  id = json_node_get_int (node);
  if (!g_hash_table_contains (ids_for (import, kind), &id))
    {
      switch (kind)
        {
        case REF_SPEAKER:
          return fail_at (error, path, name, _("There is no speaker with the id %lld."), (long long) id);
        case REF_SESSION:
          return fail_at (error, path, name, _("There is no session with the id %lld."), (long long) id);
        case REF_SEGMENT:
          return fail_at (error, path, name, _("There is no segment or item with the id %lld."), (long long) id);
        default:
          g_assert_not_reached ();
        }
    }

  *out = id;
  return TRUE;
}

/* First pass: every id in the file, so references can point forward and
 * objects without an id get one that cannot clash. Wrong shapes are skipped
 * here and reported by the second pass. */
static gboolean
note_id (Import      *import,
         GHashTable  *ids,
         JsonNode    *node,
         const char  *path,
         GError     **error)
{
  JsonObject *object;
  const char *other;
  gint64 id = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;
  object = json_node_get_object (node);
  if (!read_id (object, path, &id, error))
    return FALSE;
  if (id == 0)
    return TRUE;

  other = g_hash_table_lookup (ids, &id);
  if (other != NULL)
    return fail_at (error, path, "id", _("The id %lld is already used by %s."), (long long) id, other);

  g_hash_table_insert (ids, g_memdup2 (&id, sizeof id), g_strdup (path));
  convene_project_note_id (import->project, id);
  return TRUE;
}

typedef gboolean (*ElementFunc) (Import *import, JsonNode *node, const char *path,
                                 gpointer user_data, GError **error);

/* Calls func for each element of object[name] with the path "path.name[i]".
 * A member that is absent or not an array is skipped: the caller decides. */
static gboolean
for_each_element (Import      *import,
                  JsonObject  *object,
                  const char  *path,
                  const char  *name,
                  ElementFunc  func,
                  gpointer     user_data,
                  GError     **error)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  g_autofree char *base = join_path (path, name);
  JsonArray *array;
  guint n;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return TRUE;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", base, i);

      if (!func (import, json_array_get_element (array, i), element_path, user_data, error))
        return FALSE;
    }
  return TRUE;
}

static JsonObject *
node_object_or_null (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
collect_id (Import      *import,
            JsonNode    *node,
            const char  *path,
            gpointer     user_data,
            GError     **error)
{
  return note_id (import, user_data, node, path, error);
}

static gboolean
collect_segment_ids (Import      *import,
                     JsonNode    *node,
                     const char  *path,
                     gpointer     user_data,
                     GError     **error)
{
  if (!note_id (import, import->segment_ids, node, path, error))
    return FALSE;
  /* Items of items are refused by the second pass; their ids do not matter. */
  if (user_data != NULL)
    return TRUE;
  return for_each_element (import, node_object_or_null (node), path, "items",
                           collect_segment_ids, GINT_TO_POINTER (1), error);
}

static gboolean
collect_session_ids (Import      *import,
                     JsonNode    *node,
                     const char  *path,
                     gpointer     user_data,
                     GError     **error)
{
  JsonObject *object = node_object_or_null (node);

  return note_id (import, import->session_ids, node, path, error) &&
         for_each_element (import, object, path, "segments", collect_segment_ids, NULL, error) &&
         for_each_element (import, object, path, "outcomes", collect_id, import->outcome_ids, error) &&
         for_each_element (import, object, path, "live", collect_id, import->live_event_ids, error);
}

/* "uuid": absent in files from before format version 3, and optional in
 * files written by hand, where the object gets a fresh one. Each may appear
 * once in the file, sessions and segments together. */
static gboolean
read_uuid (Import      *import,
           JsonObject  *object,
           const char  *path,
           const char **out,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *lower = NULL;
  const char *uuid = NULL, *other;

  *out = NULL;
  if (!read_string (object, path, "uuid", FALSE, &uuid, error))
    return FALSE;
  if (uuid == NULL)
    return TRUE;
  if (!convene_validate_uuid (uuid, &local_error))
    return fail_with (error, path, "uuid", local_error);

  lower = g_ascii_strdown (uuid, -1);
  other = g_hash_table_lookup (import->uuids, lower);
  if (other != NULL)
    return fail_at (error, path, "uuid", _("The permanent identifier %s is already used by %s."),
                    lower, other);
  g_hash_table_insert (import->uuids, g_steal_pointer (&lower), g_strdup (path));

  *out = uuid;
  return TRUE;
}

static gint64
id_or_new (Import *import,
           gint64  id)
{
  return id != 0 ? id : convene_project_new_id (import->project);
}

static const char * const segment_members[] = {
  "id", "uuid", "kind", "title", "duration", "fixed_start", "has_target", "min_length", "max_length",
  "locked", "notes", "cues", "items", NULL
};

/* Where build_segment puts what it builds, and whether those are items. */
typedef struct
{
  GListStore *into;
  gboolean    is_item;
} SegmentTarget;

static gboolean
build_segment (Import      *import,
               JsonNode    *node,
               const char  *path,
               gpointer     user_data,
               GError     **error)
{
  const SegmentTarget *target = user_data;
  g_autoptr(ConveneSegment) segment = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonArray *items;
  const char *title = "", *notes = "", *cues = "", *uuid = NULL;
  gint64 id = 0, duration = 0;
  int kind = CONVENE_SEGMENT_KIND_CUSTOM;
  int fixed_start = CONVENE_NO_FIXED_START;
  gboolean has_target;
  gint64 min_length = 0, max_length = 0;
  gboolean locked = FALSE;

  if (!expect_object (node, path, &object, error) ||
      !check_members (object, path, segment_members, error) ||
      !read_id (object, path, &id, error) ||
      !read_uuid (import, object, path, &uuid, error) ||
      !read_enum (object, path, "kind", TRUE, CONVENE_TYPE_SEGMENT_KIND, &kind, error) ||
      !read_text (object, path, "title", _("the title"), &title, error) ||
      !read_int (object, path, "duration", FALSE, &duration, error))
    return FALSE;

  if (!convene_validate_duration (duration, &local_error))
    return fail_with (error, path, "duration", local_error);

  if (!read_time (object, path, "fixed_start", FALSE, TRUE, &fixed_start, error) ||
      !read_text (object, path, "notes", _("the notes"), &notes, error) ||
      !read_text (object, path, "cues", _("the cues"), &cues, error) ||
      !get_array (object, path, "items", &items, error))
    return FALSE;

  /* Without the member (files from before it existed), a segment holding
   * items keeps its duration as its target, as the project file's
   * migration does. */
  has_target = !target->is_item && items != NULL && json_array_get_length (items) > 0 && duration > 0;
  if (!read_bool (object, path, "has_target", &has_target, error))
    return FALSE;

  /* Files from before Fit to Slot have no bounds and no locks. */
  if (!read_int (object, path, "min_length", FALSE, &min_length, error) ||
      !read_int (object, path, "max_length", FALSE, &max_length, error) ||
      !read_bool (object, path, "locked", &locked, error))
    return FALSE;
  if (!convene_validate_length_bounds (min_length, max_length, &local_error))
    return fail_with (error, path, max_length > 0 && min_length > max_length ? "max_length" : "min_length",
                      local_error);

  if (target->is_item && items != NULL && json_array_get_length (items) > 0)
    return fail_at (error, path, "items",
                    _("An item cannot hold items of its own; only top-level segments hold items."));
  if (items != NULL && json_array_get_length (items) > 0 && !convene_segment_kind_holds_items (kind))
    return fail_at (error, path, "items",
                    /* Translators: %s is a segment kind, such as “Break”. */
                    _("A segment of the kind “%s” cannot hold items."),
                    convene_segment_kind_get_label (kind));

  segment = convene_segment_new (id_or_new (import, id), kind, title, (guint) duration);
  if (uuid != NULL)
    convene_segment_set_uuid (segment, uuid);
  convene_segment_set_fixed_start (segment, fixed_start);
  convene_segment_set_has_target (segment, has_target);
  convene_segment_set_min_length (segment, (guint) min_length);
  convene_segment_set_max_length (segment, (guint) max_length);
  convene_segment_set_locked (segment, locked);
  convene_segment_set_notes (segment, notes);
  convene_segment_set_cues (segment, cues);

  if (!target->is_item)
    {
      SegmentTarget items_target = { convene_segment_get_items (segment), TRUE };

      if (!for_each_element (import, object, path, "items", build_segment, &items_target, error))
        return FALSE;
    }

  g_list_store_append (target->into, segment);
  return TRUE;
}

static const char * const outcome_members[] = {
  "id", "kind", "text", "done", "segments", "owner", "due_date", "result", "result_note", NULL
};

/* "segments": the ids of the segments and items of the outcome's own session
 * that serve it, each once. They become links of the project, in this order. */
static gboolean
read_outcome_links (Import          *import,
                    JsonObject      *object,
                    const char      *path,
                    ConveneSession  *session,
                    ConveneOutcome  *outcome,
                    GError         **error)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *base = NULL;
  JsonArray *array;
  guint n;

  if (!get_array (object, path, "segments", &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  base = join_path (path, "segments");
  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneOutcomeLink) link = NULL;
      g_autofree char *element = g_strdup_printf ("%s[%u]", base, i);
      JsonNode *node = json_array_get_element (array, i);
      gint64 id;

      if (!node_holds (node, G_TYPE_INT64))
        return fail_at (error, element, NULL,
                        _("This must be the id of a segment or item (a whole number)."));

      id = json_node_get_int (node);
      if (!g_hash_table_contains (import->segment_ids, &id))
        return fail_at (error, element, NULL,
                        _("There is no segment or item with the id %lld."), (long long) id);
      if (!convene_session_locate_segment (session, id, NULL, NULL, NULL))
        return fail_at (error, element, NULL,
                        _("The segment or item %lld is part of another session; "
                          "an item can only be linked to the segments of its own session."), (long long) id);
      if (!g_hash_table_add (seen, g_memdup2 (&id, sizeof id)))
        return fail_at (error, element, NULL,
                        _("The segment or item %lld is listed twice."), (long long) id);

      link = convene_outcome_link_new (convene_project_new_id (import->project),
                                       convene_outcome_get_id (outcome), id);
      g_list_store_append (convene_project_get_outcome_links (import->project), link);
    }

  return TRUE;
}

static gboolean
build_outcome (Import      *import,
               JsonNode    *node,
               const char  *path,
               gpointer     user_data,
               GError     **error)
{
  ConveneSession *session = user_data;
  g_autoptr(ConveneOutcome) outcome = NULL;
  JsonObject *object;
  const char *text = "", *due_date = "", *result_note = "";
  gint64 id = 0, owner_id = 0;
  int kind = CONVENE_OUTCOME_KIND_OBJECTIVE;
  int result = CONVENE_OUTCOME_RESULT_NONE;
  gboolean done = FALSE;

  if (!expect_object (node, path, &object, error) ||
      !check_members (object, path, outcome_members, error) ||
      !read_id (object, path, &id, error) ||
      !read_enum (object, path, "kind", TRUE, CONVENE_TYPE_OUTCOME_KIND, &kind, error) ||
      !read_text (object, path, "text", _("the text"), &text, error) ||
      !read_bool (object, path, "done", &done, error) ||
      !read_ref (import, object, path, "owner", REF_SPEAKER, TRUE, &owner_id, error) ||
      !read_date (object, path, "due_date", FALSE, TRUE, &due_date, error) ||
      !read_enum (object, path, "result", FALSE, CONVENE_TYPE_OUTCOME_RESULT, &result, error) ||
      !read_text (object, path, "result_note", _("the note on the result"), &result_note, error))
    return FALSE;

  outcome = convene_outcome_new (id_or_new (import, id), kind, text);
  convene_outcome_set_done (outcome, done);
  convene_outcome_set_owner_id (outcome, owner_id);
  convene_outcome_set_due_date (outcome, due_date);
  convene_outcome_set_result (outcome, result);
  convene_outcome_set_result_note (outcome, result_note);

  if (!read_outcome_links (import, object, path, session, outcome, error))
    return FALSE;

  g_list_store_append (convene_session_get_outcomes (session), outcome);
  return TRUE;
}

static const char * const live_event_members[] = {
  "id", "at", "action", "segment", "minutes", "recovery", NULL
};

/* "2027-05-24T10:42:00.000000Z", exactly as written by write_instant(). */
static gboolean
read_instant (JsonObject  *object,
              const char  *path,
              const char  *name,
              gint64      *out,
              GError     **error)
{
  const char *text = NULL;
  int year, month, day, hour, minute, second, micro, length = 0;
  g_autoptr(GDateTime) utc = NULL;

  if (!read_string (object, path, name, TRUE, &text, error))
    return FALSE;
  if (strlen (text) != 27 ||
      sscanf (text, "%4d-%2d-%2dT%2d:%2d:%2d.%6dZ%n", &year, &month, &day, &hour, &minute,
              &second, &micro, &length) != 7 || length != 27 ||
      (utc = g_date_time_new_utc (year, month, day, hour, minute, second)) == NULL)
    return fail_at (error, path, name,
                    _("This must be a time in UTC like “2027-05-24T10:42:00.000000Z”."));
  *out = g_date_time_to_unix (utc) * G_USEC_PER_SEC + micro;
  return TRUE;
}

static gboolean
build_live_event (Import      *import,
                  JsonNode    *node,
                  const char  *path,
                  gpointer     user_data,
                  GError     **error)
{
  ConveneSession *session = user_data;
  g_autoptr(ConveneLiveEvent) event = NULL;
  JsonObject *object;
  const char *action_nick = NULL, *recovery_nick = "push";
  ConveneLiveAction action;
  ConveneLiveRecovery recovery;
  gint64 id = 0, at = 0, segment_id = 0, minutes = 0;
  JsonNode *segment;

  if (!expect_object (node, path, &object, error) ||
      !check_members (object, path, live_event_members, error) ||
      !read_id (object, path, &id, error) ||
      !read_instant (object, path, "at", &at, error) ||
      !read_string (object, path, "action", TRUE, &action_nick, error) ||
      !read_int (object, path, "minutes", FALSE, &minutes, error) ||
      !read_string (object, path, "recovery", FALSE, &recovery_nick, error))
    return FALSE;

  if (!convene_live_action_from_nick (action_nick, &action))
    return fail_at (error, path, "action",
                    _("This must be one of “start”, “next”, “back”, “hold”, “resume”, “add” or “jump”."));
  /* "compress" is kept as "absorb" with its minutes (convene-live-event.h). */
  if (!convene_live_recovery_from_nick (recovery_nick, &recovery) || recovery == CONVENE_LIVE_COMPRESS)
    return fail_at (error, path, "recovery", _("This must be “push” or “absorb”."));
  if (minutes < -CONVENE_MINUTES_PER_DAY || minutes > CONVENE_MINUTES_PER_DAY)
    return fail_at (error, path, "minutes", _("This must be a whole number from −1440 to 1440."));

  /* The segment a jump went to, kept as it was even if it is gone since. */
  segment = json_object_get_member (object, "segment");
  if (segment != NULL && !JSON_NODE_HOLDS_NULL (segment))
    {
      if (!read_int (object, path, "segment", FALSE, &segment_id, error))
        return FALSE;
      if (segment_id <= 0 || segment_id > CONVENE_MAX_ID)
        return fail_at (error, path, "segment", _("An id must be a whole number from 1 to %'lld."),
                        (long long) CONVENE_MAX_ID);
    }

  event = convene_live_event_new (id_or_new (import, id), at, action, segment_id, (int) minutes,
                                  recovery);
  g_list_store_append (convene_session_get_live_events (session), event);
  return TRUE;
}

static const char * const session_members[] = {
  "id", "uuid", "title", "date", "start", "slot_minutes", "fit_step", "room", "description", "segments",
  "outcomes", "live", "actuals", NULL
};

static gboolean
build_session (Import      *import,
               JsonNode    *node,
               const char  *path,
               gpointer     user_data,
               GError     **error)
{
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonArray *segments, *outcomes;
  JsonArray *live, *actuals;
  SegmentTarget segments_target = { NULL, FALSE };
  const char *title = "", *date = NULL, *room = "", *description = "", *uuid = NULL;
  gint64 id = 0, slot = 0, fit_step = CONVENE_DEFAULT_FIT_STEP;
  int start = 0;

  if (!expect_object (node, path, &object, error) ||
      !check_members (object, path, session_members, error) ||
      !read_id (object, path, &id, error) ||
      !read_uuid (import, object, path, &uuid, error) ||
      !read_text (object, path, "title", _("the title"), &title, error) ||
      !read_date (object, path, "date", TRUE, FALSE, &date, error) ||
      !read_time (object, path, "start", TRUE, FALSE, &start, error) ||
      !read_int (object, path, "slot_minutes", TRUE, &slot, error))
    return FALSE;

  if (!convene_validate_slot (slot, &local_error))
    return fail_with (error, path, "slot_minutes", local_error);

  /* Files from before Fit to Slot round to the default step. */
  if (!read_int (object, path, "fit_step", FALSE, &fit_step, error))
    return FALSE;
  if (!convene_validate_fit_step (fit_step, &local_error))
    return fail_with (error, path, "fit_step", local_error);

  if (!read_text (object, path, "room", _("the room"), &room, error) ||
      !read_text (object, path, "description", _("the description"), &description, error) ||
      !get_array (object, path, "segments", &segments, error) ||
      !get_array (object, path, "outcomes", &outcomes, error))
    return FALSE;

  /* The live record is optional (formats before 3 have none); the actuals
   * beside it are derived from it, so only their shape is checked. */
  if (!get_array (object, path, "live", &live, error) ||
      !get_array (object, path, "actuals", &actuals, error))
    return FALSE;

  session = convene_session_new (id_or_new (import, id), title, date, start, (guint) slot);
  if (uuid != NULL)
    convene_session_set_uuid (session, uuid);
  convene_session_set_room (session, room);
  convene_session_set_description (session, description);
  convene_session_set_fit_step (session, (guint) fit_step);

  segments_target.into = convene_session_get_segments (session);
  if (!for_each_element (import, object, path, "segments", build_segment, &segments_target, error) ||
      !for_each_element (import, object, path, "outcomes", build_outcome, session, error) ||
      !for_each_element (import, object, path, "live", build_live_event, session, error))
    return FALSE;

  g_list_store_append (convene_project_get_sessions (import->project), session);
  return TRUE;
}

static const char * const speaker_members[] = {
  "id", "honorific", "name", "job_title", "organisation", "email", "phone", "bio", "notes",
  "status", NULL
};

static gboolean
build_speaker (Import      *import,
               JsonNode    *node,
               const char  *path,
               gpointer     user_data,
               GError     **error)
{
  g_autoptr(ConveneSpeaker) speaker = NULL;
  JsonObject *object;
  const char *honorific = "", *name = "", *job_title = "", *organisation = "";
  const char *email = "", *phone = "", *bio = "", *notes = "";
  gint64 id = 0;
  int status = CONVENE_SPEAKER_STATUS_INVITED;

  if (!expect_object (node, path, &object, error) ||
      !check_members (object, path, speaker_members, error) ||
      !read_id (object, path, &id, error) ||
      !read_text (object, path, "honorific", _("the honorific"), &honorific, error) ||
      !read_text (object, path, "name", _("the name"), &name, error) ||
      !read_text (object, path, "job_title", _("the job title"), &job_title, error) ||
      !read_text (object, path, "organisation", _("the organisation"), &organisation, error) ||
      !read_text (object, path, "email", _("the email address"), &email, error) ||
      !read_text (object, path, "phone", _("the phone number"), &phone, error) ||
      !read_text (object, path, "bio", _("the biography"), &bio, error) ||
      !read_text (object, path, "notes", _("the notes"), &notes, error) ||
      !read_enum (object, path, "status", FALSE, CONVENE_TYPE_SPEAKER_STATUS, &status, error))
    return FALSE;

  speaker = convene_speaker_new (id_or_new (import, id), name);
  convene_speaker_set_honorific (speaker, honorific);
  convene_speaker_set_job_title (speaker, job_title);
  convene_speaker_set_organisation (speaker, organisation);
  convene_speaker_set_email (speaker, email);
  convene_speaker_set_phone (speaker, phone);
  convene_speaker_set_bio (speaker, bio);
  convene_speaker_set_notes (speaker, notes);
  convene_speaker_set_status (speaker, status);

  g_list_store_append (convene_project_get_speakers (import->project), speaker);
  return TRUE;
}

static gboolean
member_present (JsonObject *object,
                const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

static const char * const assignment_members[] = {
  "id", "speaker", "segment", "session", "role", NULL
};

static gboolean
build_assignment (Import      *import,
                  JsonNode    *node,
                  const char  *path,
                  gpointer     user_data,
                  GError     **error)
{
  g_autoptr(ConveneAssignment) assignment = NULL;
  JsonObject *object;
  gint64 id = 0, speaker_id = 0, segment_id = 0, session_id = 0;
  gboolean has_segment, has_session;
  int role = CONVENE_ROLE_PRESENTER;

  if (!expect_object (node, path, &object, error) ||
      !check_members (object, path, assignment_members, error) ||
      !read_id (object, path, &id, error) ||
      !read_ref (import, object, path, "speaker", REF_SPEAKER, FALSE, &speaker_id, error))
    return FALSE;

  /* null counts as absent, so "segment": null beside a session is fine. */
  has_segment = member_present (object, "segment");
  has_session = member_present (object, "session");
  if (has_segment && has_session)
    return fail_at (error, path, NULL,
                    _("An assignment is either to a segment or to a whole session, not both."));
  if (!has_segment && !has_session)
    return fail_at (error, path, NULL,
                    _("An assignment needs a \"segment\" or a \"session\" to say where the speaker takes part."));

  if (!read_ref (import, object, path, has_segment ? "segment" : "session",
                 has_segment ? REF_SEGMENT : REF_SESSION, FALSE,
                 has_segment ? &segment_id : &session_id, error) ||
      !read_enum (object, path, "role", TRUE, CONVENE_TYPE_ROLE, &role, error))
    return FALSE;

  if (has_segment)
    assignment = convene_assignment_new_for_segment (id_or_new (import, id), speaker_id, segment_id, role);
  else
    assignment = convene_assignment_new_for_session (id_or_new (import, id), speaker_id, session_id, role);

  g_list_store_append (convene_project_get_assignments (import->project), assignment);
  return TRUE;
}

static const char * const top_members[] = {
  "format", "version", "project", "speakers", "sessions", "assignments", NULL
};

static const char * const project_members[] = {
  "title", "organiser", "venue", "notes", "time_zone", NULL
};

static gboolean
read_project (Import      *import,
              JsonObject  *root,
              GError     **error)
{
  ConveneProject *project = import->project;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonArray *unused;
  const char *title = "", *organiser = "", *venue = "", *notes = "", *time_zone = NULL;

  if (!check_members (root, "", top_members, error) ||
      !required (json_object_get_member (root, "project"), "", "project", error) ||
      !expect_object (json_object_get_member (root, "project"), "project", &object, error) ||
      !check_members (object, "project", project_members, error) ||
      !read_text (object, "project", "title", _("the title"), &title, error) ||
      !read_text (object, "project", "organiser", _("the organiser"), &organiser, error) ||
      !read_text (object, "project", "venue", _("the venue"), &venue, error) ||
      !read_text (object, "project", "notes", _("the notes"), &notes, error) ||
      !read_string (object, "project", "time_zone", FALSE, &time_zone, error))
    return FALSE;

  /* Absent, the project keeps the zone a new project gets on this computer. */
  if (time_zone != NULL && !convene_validate_time_zone (time_zone, &local_error))
    return fail_with (error, "project", "time_zone", local_error);

  convene_project_set_title (project, title);
  convene_project_set_organiser (project, organiser);
  convene_project_set_venue (project, venue);
  convene_project_set_notes (project, notes);
  if (time_zone != NULL)
    convene_project_set_time_zone (project, time_zone);

  if (!get_array (root, "", "speakers", &unused, error) ||
      !get_array (root, "", "sessions", &unused, error) ||
      !get_array (root, "", "assignments", &unused, error))
    return FALSE;

  /* Every id first, then the objects in reading order. */
  return for_each_element (import, root, "", "speakers", collect_id, import->speaker_ids, error) &&
         for_each_element (import, root, "", "sessions", collect_session_ids, NULL, error) &&
         for_each_element (import, root, "", "assignments", collect_id, import->assignment_ids, error) &&
         for_each_element (import, root, "", "speakers", build_speaker, NULL, error) &&
         for_each_element (import, root, "", "sessions", build_session, NULL, error) &&
         for_each_element (import, root, "", "assignments", build_assignment, NULL, error);
}

static GHashTable *
new_id_table (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static gboolean
check_header (JsonNode    *root,
              GError     **error)
{
  JsonObject *object;
  JsonNode *format, *version;
  gint64 number;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_NOT_PROJECT,
                           _("This is JSON, but not a Convene project: it does not start with { \"format\": \"convene-project\" …"));
      return FALSE;
    }

  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");
  if (!node_holds (format, G_TYPE_STRING) ||
      g_strcmp0 (json_node_get_string (format), CONVENE_JSON_FORMAT) != 0)
    {
      g_set_error_literal (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_NOT_PROJECT,
                           _("This is JSON, but not a Convene project: its \"format\" is not \"convene-project\"."));
      return FALSE;
    }

  version = json_object_get_member (object, "version");
  if (!required (version, "", "version", error))
    return FALSE;
  if (!node_holds (version, G_TYPE_INT64))
    return fail_at (error, "", "version", _("This must be a whole number."));

  number = json_node_get_int (version);
  if (number > CONVENE_JSON_FORMAT_VERSION)
    {
      g_set_error (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_TOO_NEW,
                   _("This project was written by a newer version of Convene (format version %lld); "
                     "this version reads up to version %d. Update Convene to open it."),
                   (long long) number, CONVENE_JSON_FORMAT_VERSION);
      return FALSE;
    }
  if (number < 1)
    return fail_at (error, "", "version", _("Format versions start at 1."));

  return TRUE;
}

/* json-glib says "<data>:3:14: Parse error: unexpected character"; the
 * planner needs the line, the column and the reason. */
static void
set_parse_error (GError       **error,
                 const GError  *parse_error)
{
  const char *message = parse_error->message;
  const char *reason;
  guint line = 0, column = 0;

  if (sscanf (message, "<data>:%u:%u:", &line, &column) == 2 &&
      (reason = strstr (message, "Parse error: ")) != NULL)
    {
      reason += strlen ("Parse error: ");
      g_set_error (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_SYNTAX,
                   _("This is not valid JSON: line %u, column %u: %s."),
                   line, column, reason);
    }
  else
    {
      g_set_error (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_SYNTAX,
                   _("This is not valid JSON: %s."), message);
    }
}

ConveneProject *
convene_json_import (const char  *data,
                     gssize       length,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ConveneProject) project = NULL;
  DuplicateCheck check = { 0 };
  const char *bad = NULL;
  Import import = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);

  if (length == 0)
    {
      g_set_error_literal (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_SYNTAX,
                           _("This is not a Convene project: the file is empty."));
      return NULL;
    }

  if (!g_utf8_validate (data, length, &bad))
    {
      g_set_error (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_SYNTAX,
                   _("This is not a Convene project: line %u holds bytes that are not UTF-8 text."),
                   count_lines (data, bad));
      return NULL;
    }

  if (!prescan (data, (gsize) length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  check.counts = g_hash_table_new (NULL, NULL);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &check);
  ok = json_parser_load_from_data (parser, data, length, &local_error);
  g_clear_pointer (&check.counts, g_hash_table_unref);

  if (!ok)
    {
      set_parse_error (error, local_error);
      g_free (check.duplicate);
      return NULL;
    }

  if (check.duplicate != NULL)
    {
      g_autofree char *shown = quote_value (check.duplicate);

      g_set_error (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_INVALID,
                   _("Line %u: the field “%s” appears twice in the same object."),
                   check.line, shown);
      g_free (check.duplicate);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, CONVENE_JSON_ERROR, CONVENE_JSON_ERROR_SYNTAX,
                           _("This is not a Convene project: the file is empty."));
      return NULL;
    }

  if (!check_header (json_parser_get_root (parser), error))
    return NULL;

  project = convene_project_new ();
  import.project = project;
  import.speaker_ids = new_id_table ();
  import.session_ids = new_id_table ();
  import.segment_ids = new_id_table ();
  import.outcome_ids = new_id_table ();
  import.live_event_ids = new_id_table ();
  import.assignment_ids = new_id_table ();
  import.uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  ok = read_project (&import, json_node_get_object (json_parser_get_root (parser)), error);

  g_hash_table_unref (import.speaker_ids);
  g_hash_table_unref (import.session_ids);
  g_hash_table_unref (import.segment_ids);
  g_hash_table_unref (import.outcome_ids);
  g_hash_table_unref (import.live_event_ids);
  g_hash_table_unref (import.assignment_ids);
  g_hash_table_unref (import.uuids);

  return ok ? g_steal_pointer (&project) : NULL;
}

static const char *
describe_read_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("there is no such file.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return _("it is a folder, not a file.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("you do not have permission to read it.");
  return error->message;
}

ConveneProject *
convene_json_import_file (GFile   *file,
                          GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  ConveneProject *project;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read “%s”: %s"), name, describe_read_error (local_error));
      return NULL;
    }

  project = convene_json_import (contents, (gssize) length, &local_error);
  if (project == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not import “%s”: %s"), name, local_error->message);
      return NULL;
    }

  return project;
}
