#define G_LOG_DOMAIN "convene-io"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "convene-csv.h"
#include "convene-export-file.h"
#include "convene-limits.h"
#include "convene-validate.h"

G_DEFINE_QUARK (convene-csv-error-quark, convene_csv_error)

/* A bad file lists at most this many problems; the rest are counted. */
#define MAX_PROBLEMS_LISTED 20

/* Characters that make a spreadsheet read a cell as a formula. */
#define FORMULA_STARTS "=+-@\t\r"

/* The speaker fields, in the order of the exported header. */
typedef enum {
  FIELD_HONORIFIC,
  FIELD_NAME,
  FIELD_JOB_TITLE,
  FIELD_ORGANISATION,
  FIELD_EMAIL,
  FIELD_PHONE,
  FIELD_STATUS,
  FIELD_BIO,
  FIELD_NOTES,
  FIELD_FIRST_NAME,
  FIELD_LAST_NAME,
  N_FIELDS,
  /* Header words that are not fields of their own. */
  FIELD_TITLE = N_FIELDS,
  FIELD_ROLE,
  FIELD_UNKNOWN,
} Field;

/* The property each exported field comes from, and its words in messages. */
static const struct {
  const char *property;
  const char *description;
} fields[N_FIELDS] = {
  [FIELD_HONORIFIC]    = { "honorific",    N_("the honorific") },
  [FIELD_NAME]         = { "name",         N_("the name") },
  [FIELD_JOB_TITLE]    = { "job-title",    N_("the job title") },
  [FIELD_ORGANISATION] = { "organisation", N_("the organisation") },
  [FIELD_EMAIL]        = { "email",        N_("the email address") },
  [FIELD_PHONE]        = { "phone",        N_("the phone number") },
  [FIELD_STATUS]       = { "status",       N_("the status") },
  [FIELD_BIO]          = { "bio",          N_("the biography") },
  [FIELD_NOTES]        = { "notes",        N_("the notes") },
  [FIELD_FIRST_NAME]   = { NULL,           N_("the first name") },
  [FIELD_LAST_NAME]    = { NULL,           N_("the last name") },
};

#define N_EXPORTED_FIELDS (FIELD_NOTES + 1)

/* Header names as matched: lower case, letters and digits only. */
static const struct {
  const char *key;
  Field       field;
} header_words[] = {
  { "honorific", FIELD_HONORIFIC },
  { "honorifics", FIELD_HONORIFIC },
  { "salutation", FIELD_HONORIFIC },
  { "prefix", FIELD_HONORIFIC },
  { "name", FIELD_NAME },
  { "fullname", FIELD_NAME },
  { "firstname", FIELD_FIRST_NAME },
  { "givenname", FIELD_FIRST_NAME },
  { "forename", FIELD_FIRST_NAME },
  { "lastname", FIELD_LAST_NAME },
  { "surname", FIELD_LAST_NAME },
  { "familyname", FIELD_LAST_NAME },
  { "jobtitle", FIELD_JOB_TITLE },
  { "position", FIELD_JOB_TITLE },
  { "designation", FIELD_JOB_TITLE },
  { "organisation", FIELD_ORGANISATION },
  { "organization", FIELD_ORGANISATION },
  { "affiliation", FIELD_ORGANISATION },
  { "company", FIELD_ORGANISATION },
  { "institution", FIELD_ORGANISATION },
  { "email", FIELD_EMAIL },
  { "emailaddress", FIELD_EMAIL },
  { "phone", FIELD_PHONE },
  { "phonenumber", FIELD_PHONE },
  { "telephone", FIELD_PHONE },
  { "tel", FIELD_PHONE },
  { "mobile", FIELD_PHONE },
  { "status", FIELD_STATUS },
  { "bio", FIELD_BIO },
  { "biography", FIELD_BIO },
  { "notes", FIELD_NOTES },
  { "note", FIELD_NOTES },
  { "comments", FIELD_NOTES },
  { "remarks", FIELD_NOTES },
  { "title", FIELD_TITLE },
  { "role", FIELD_ROLE },
};

/* Words that make up honorifics ("Dr", "Prof. Dr", "H.E."), to tell a
 * "Title" column of honorifics from one of job titles. */
static const char * const honorific_words[] = {
  "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame",
  "lord", "lady", "rev", "revd", "reverend", "fr", "h", "e", "he", "hon",
  "honourable", "honorable", "amb", "ambassador", "excellency", "mme",
  "mlle", "m", "herr", "frau", "dott", "dra", "sr", "sra", "srta", "ing",
};

/* Reading
 *
 * The text is read one record at a time. A record keeps the values of the
 * columns that are imported, each a NUL-terminated run in one buffer that
 * the next record reuses, and only counts the others, so a spreadsheet's
 * thousands of trailing empty columns cost nothing per row. Problems of
 * form (a quote never closed) stay with the record, reported with the
 * others. */

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;       /* the physical line at pos */
  char        separator;
} Reader;

typedef struct
{
  guint     line;          /* the physical line the record starts on */
  guint     n_values;      /* values in the record, kept or not */
  gboolean  filled;        /* whether any value is not empty */
  gboolean  filled_beyond; /* whether a value past the header's columns is not empty */
  GString  *text;          /* the kept values, each followed by a NUL */
  GArray   *starts;        /* guint: where each kept value starts in text */
  char     *problem;       /* a quoting problem, translated, or NULL */
} Record;

/* A value of a record; str is NUL-terminated but may hold NULs before len. */
typedef struct
{
  const char *str;
  gsize       len;
} Value;

/* How far reading has come, for the caller's progress and Cancel. */
typedef struct
{
  ConveneCsvProgressFunc  func;
  gpointer                data;
  GCancellable           *cancellable;
  double                  base;   /* the share done before this pass */
  double                  span;   /* the share this pass stands for */
  guint                   count;
} Progress;

/* Records between two looks at progress and Cancel. */
#define RECORDS_PER_STEP 1024

static void
record_init (Record *record)
{
  memset (record, 0, sizeof *record);
  record->text = g_string_new (NULL);
  record->starts = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
record_clear (Record *record)
{
  if (record->text != NULL)
    g_string_free (record->text, TRUE);
  g_clear_pointer (&record->starts, g_array_unref);
  g_clear_pointer (&record->problem, g_free);
  record->text = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Record, record_clear)

/* Whether reading should stop: every RECORDS_PER_STEP records it says how
 * far it has come and looks at Cancel. */
static gboolean
progress_step (Progress     *progress,
               const Reader *reader)
{
  if (++progress->count % RECORDS_PER_STEP != 0)
    return FALSE;
  if (progress->func != NULL && reader->length > 0)
    progress->func (progress->base + progress->span * ((double) reader->pos / (double) reader->length),
                    progress->data);
  return g_cancellable_is_cancelled (progress->cancellable);
}

/* The header decides the separator: some spreadsheets write semicolons or
 * tabs where the locale uses the comma for decimals. */
static char
detect_separator (const char *data,
                  gsize       length)
{
  gsize counts[3] = { 0, 0, 0 };
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ',')
        counts[0]++;
      else if (!quoted && c == ';')
        counts[1]++;
      else if (!quoted && c == '\t')
        counts[2]++;
    }

  if (counts[1] > counts[0] && counts[1] >= counts[2])
    return ';';
  if (counts[2] > counts[0] && counts[2] > counts[1])
    return '\t';
  return ',';
}

static void
keep_text (Record     *record,
           gboolean    kept,
           const char *text,
           gsize       length)
{
  if (kept && length > 0)
    g_string_append_len (record->text, text, (gssize) length);
}

/* Reads the next record into record, keeping the values of its first keep
 * columns; columns from beyond on are past the header's. Returns FALSE at
 * the end of the text. */
static gboolean
reader_next (Reader *reader,
             Record *record,
             guint   keep,
             guint   beyond)
{
  const char *data = reader->data;
  gsize length = reader->length;
  char separator = reader->separator;
  gsize pos = reader->pos;
  gboolean more = TRUE;

  if (pos >= length)
    return FALSE;

  record->line = reader->line;
  record->n_values = 0;
  record->filled = FALSE;
  record->filled_beyond = FALSE;
  g_string_truncate (record->text, 0);
  g_array_set_size (record->starts, 0);
  g_clear_pointer (&record->problem, g_free);

  while (more)
    {
      guint column = record->n_values++;
      gboolean kept = column < keep;
      gsize value_length = 0;

      if (kept)
        {
          guint start = (guint) record->text->len;

          g_array_append_val (record->starts, start);
        }

      if (pos < length && data[pos] == '"')
        {
          gboolean closed = FALSE;

          pos++;
          while (pos < length)
            {
              gsize run = pos;
              char c;

              while (run < length && data[run] != '"' && data[run] != '\n' && data[run] != '\r')
                run++;
              keep_text (record, kept, data + pos, run - pos);
              value_length += run - pos;
              pos = run;
              if (pos >= length)
                break;

              c = data[pos];
              if (c == '"')
                {
                  if (pos + 1 < length && data[pos + 1] == '"')
                    {
                      keep_text (record, kept, "\"", 1);
                      value_length++;
                      pos += 2;
                      continue;
                    }
                  pos++;
                  closed = TRUE;
                  break;
                }
              /* Line breaks inside quotes are part of the value but still
               * move the physical line on. */
              if (c == '\n' || (c == '\r' && (pos + 1 >= length || data[pos + 1] != '\n')))
                reader->line++;
              keep_text (record, kept, &c, 1);
              value_length++;
              pos++;
            }

          if (!closed && record->problem == NULL)
            record->problem = g_strdup_printf (_("Line %u: a quoted value is never closed, so it runs to the end of the file."),
                                               record->line);

          /* Text between a closing quote and the separator: keep it, but the
           * row was not written the way the reader expects. */
          if (pos < length && data[pos] != separator && data[pos] != '\n' && data[pos] != '\r')
            {
              gsize run = pos;

              while (run < length && data[run] != separator && data[run] != '\n' && data[run] != '\r')
                run++;
              if (record->problem == NULL)
                record->problem = g_strdup_printf (_("Line %u: text follows a closing quote; a quote inside a quoted value must be doubled (\"\")."),
                                                   record->line);
              keep_text (record, kept, data + pos, run - pos);
              value_length += run - pos;
              pos = run;
            }
        }
      else
        {
          gsize run = pos;

          while (run < length && data[run] != separator && data[run] != '\n' && data[run] != '\r')
            run++;
          keep_text (record, kept, data + pos, run - pos);
          value_length = run - pos;
          pos = run;
        }

      if (kept)
        g_string_append_c (record->text, '\0');
      if (value_length > 0)
        {
          record->filled = TRUE;
          if (column >= beyond)
            record->filled_beyond = TRUE;
        }

      if (pos >= length)
        more = FALSE;
      else if (data[pos] == separator)
        pos++;
      else
        {
          if (data[pos] == '\r' && pos + 1 < length && data[pos + 1] == '\n')
            pos++;
          pos++;
          reader->line++;
          more = FALSE;
        }
    }

  reader->pos = pos;
  return TRUE;
}

/* The value of column in record, if the record has it and kept it. */
static gboolean
record_get (Record *record,
            guint   column,
            Value  *value)
{
  guint start, end;

  if (column >= record->starts->len)
    return FALSE;

  start = g_array_index (record->starts, guint, column);
  if (column + 1 < record->starts->len)
    end = g_array_index (record->starts, guint, column + 1) - 1;
  else
    end = (guint) record->text->len - 1;

  value->str = record->text->str + start;
  value->len = end - start;
  return TRUE;
}

/* "E-mail address " -> "emailaddress". */
static char *
header_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

/* The field a header name gives; *nameless says it has no letters or digits. */
static Field
header_field (const char *name,
              gboolean   *nameless)
{
  g_autofree char *key = header_key (name);

  *nameless = *key == '\0';
  for (guint i = 0; i < G_N_ELEMENTS (header_words); i++)
    if (g_str_equal (header_words[i].key, key))
      return header_words[i].field;
  return FIELD_UNKNOWN;
}

static gboolean
is_honorific (const char *value)
{
  g_autofree char *folded = g_utf8_casefold (value, -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " .", -1);
  gboolean any = FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean known = FALSE;

      if (*words[i] == '\0')
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (honorific_words) && !known; j++)
        known = g_str_equal (words[i], honorific_words[j]);
      if (!known)
        return FALSE;
      any = TRUE;
    }

  return any;
}

/* Whether every filled-in value of column (valid text only) is an
 * honorific: a pass over the rows below the header, from where start is. */
static gboolean
column_holds_honorifics (const Reader *start,
                         guint         column,
                         Progress     *progress)
{
  Reader reader = *start;
  g_auto(Record) record = { 0 };
  gboolean all = TRUE;

  record_init (&record);
  while (all && reader_next (&reader, &record, column + 1, G_MAXUINT))
    {
      Value value;

      if (progress_step (progress, &reader))
        break;
      if (!record_get (&record, column, &value) || value.len == 0)
        continue;
      if (!g_utf8_validate (value.str, (gssize) value.len, NULL) || !is_honorific (value.str))
        all = FALSE;
    }

  return all;
}

/* A spreadsheet runs a cell starting with =, +, -, @, a tab or a carriage
 * return as a formula: "-2-3" shows -5, "+41 22 791 21 11" an error, "+1"
 * loses its sign. Only a plain negative number ("-5", "-0.25") is read as
 * the very text it is, so only that is left unguarded. */
static gboolean
is_plain_number (const char *value)
{
  const char *p = value;

  if (*p++ != '-' || !g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    {
      if (!g_ascii_isdigit (*++p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

static gboolean
needs_formula_guard (const char *value)
{
  const char *p = value;

  while (*p == '\'')
    p++;
  if (*p == '\0' || strchr (FORMULA_STARTS, *p) == NULL)
    return FALSE;
  /* Apostrophes before a formula character must survive the reader, so
   * such a value is guarded too (it is never a plain number). */
  return !is_plain_number (value);
}

static Value
remove_formula_guard (Value value)
{
  gsize i = 0;

  if (value.len == 0 || value.str[0] != '\'')
    return value;
  while (i < value.len && value.str[i] == '\'')
    i++;
  if (i < value.len && strchr (FORMULA_STARTS, value.str[i]) != NULL)
    {
      value.str++;
      value.len--;
    }
  return value;
}

/* The statuses' words, folded once per file rather than once per row. */
typedef struct
{
  char *labels[CONVENE_N_SPEAKER_STATUSES];
} StatusWords;

static void
status_words_init (StatusWords *words)
{
  for (guint i = 0; i < CONVENE_N_SPEAKER_STATUSES; i++)
    words->labels[i] = g_utf8_casefold (convene_speaker_status_get_label (i), -1);
}

static void
status_words_clear (StatusWords *words)
{
  for (guint i = 0; i < CONVENE_N_SPEAKER_STATUSES; i++)
    g_clear_pointer (&words->labels[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StatusWords, status_words_clear)

static gboolean
parse_status (const StatusWords    *words,
              Value                 text,
              ConveneSpeakerStatus *status)
{
  g_autofree char *stripped = g_strstrip (g_strndup (text.str, text.len));
  g_autofree char *folded = NULL;

  if (*stripped == '\0')
    {
      *status = CONVENE_SPEAKER_STATUS_INVITED;
      return TRUE;
    }

  folded = g_utf8_casefold (stripped, -1);
  for (guint i = 0; i < CONVENE_N_SPEAKER_STATUSES; i++)
    if (g_str_equal (folded, convene_speaker_status_to_nick (i)) || g_str_equal (folded, words->labels[i]))
      {
        *status = i;
        return TRUE;
      }

  return FALSE;
}

/* A short, printable piece of text, for a message. */
static char *
quote_for_message (const char *text,
                   gssize      length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  glong n = g_utf8_strlen (valid, -1);

  if (n > 40)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, 40);
      return g_strconcat (head, "…", NULL);
    }
  return g_steal_pointer (&valid);
}

/* Which columns feed which field. */
typedef struct
{
  GArray *columns[N_FIELDS];  /* guint column indexes, in header order */
  guint   n_columns;          /* the header's */
  guint   keep;               /* columns a row must keep: past the last one read */
} Mapping;

static void
mapping_clear (Mapping *mapping)
{
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&mapping->columns[i], g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Mapping, mapping_clear)

static void
map_column (Mapping *mapping,
            Field    field,
            guint    column)
{
  if (mapping->columns[field] == NULL)
    mapping->columns[field] = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (mapping->columns[field], column);
  mapping->keep = MAX (mapping->keep, column + 1);
}

/* A notice names at most this many columns; the rest are counted. */
#define MAX_NAMES_LISTED 5

/* “A”, “B”, “C” and 12 more: the header's names of columns. */
static char *
list_columns (Record *header,
              GArray *columns)
{
  GString *list = g_string_new (NULL);
  guint listed = MIN (columns->len, MAX_NAMES_LISTED);

  for (guint i = 0; i < listed; i++)
    {
      Value name = { "", 0 };
      g_autofree char *shown = NULL;

      record_get (header, g_array_index (columns, guint, i), &name);
      shown = quote_for_message (name.str, (gssize) name.len);
      if (i > 0)
        /* Translators: the separator in a list of column names */
        g_string_append (list, _(", "));
      /* Translators: a column's name in a list of them */
      g_string_append_printf (list, _("“%s”"), shown);
    }
  if (columns->len > listed)
    {
      guint rest = columns->len - listed;

      /* Translators: ends a list of column names: “A”, “B” and 3 more */
      g_string_append_printf (list, ngettext (" and %'u more", " and %'u more", rest), rest);
    }

  return g_string_free (list, FALSE);
}

/* "3, 5, 7–16384": column numbers (counted from 1) as runs. */
static char *
list_column_numbers (GArray *columns)
{
  GString *list = g_string_new (NULL);
  guint runs = 0;
  guint i = 0;

  while (i < columns->len)
    {
      guint first = g_array_index (columns, guint, i);
      guint last = first;

      while (i + 1 < columns->len && g_array_index (columns, guint, i + 1) == last + 1)
        last = g_array_index (columns, guint, ++i);
      i++;

      if (runs == MAX_NAMES_LISTED)
        {
          guint rest = columns->len - i + (last - first + 1);

          /* Translators: ends a list of column numbers: 3, 5, 7–9 and 3 more */
          g_string_append_printf (list, ngettext (" and %'u more", " and %'u more", rest), rest);
          break;
        }
      if (runs++ > 0)
        g_string_append (list, _(", "));
      if (first == last)
        g_string_append_printf (list, "%'u", first + 1);
      else
        /* Translators: a run of column numbers, such as 7–16384 */
        g_string_append_printf (list, _("%'u–%'u"), first + 1, last + 1);
    }

  return g_string_free (list, FALSE);
}

/* Reads the header: which columns feed which field, with one notice for
 * each kind of column skipped or read one way rather than another. rows is
 * where the rows start, for a look at a "Title" column's values. */
static gboolean
map_header (Record        *header,
            const Reader  *rows,
            Progress      *progress,
            Mapping       *mapping,
            GPtrArray     *notices,
            GError       **error)
{
  g_autoptr(GArray) titles = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) roles = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) unknown = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) nameless = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) skipped_titles = g_array_new (FALSE, FALSE, sizeof (guint));

  mapping->n_columns = header->n_values;

  for (guint i = 0; i < header->n_values; i++)
    {
      Value name = { "", 0 };
      gboolean no_name;
      Field field;

      record_get (header, i, &name);
      if (!g_utf8_validate (name.str, (gssize) name.len, NULL))
        {
          g_set_error_literal (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_ENCODING,
                               _("The header row is not UTF-8 text. Save the spreadsheet as “CSV UTF-8” and import that."));
          return FALSE;
        }

      field = header_field (name.str, &no_name);
      switch ((int) field)
        {
        case FIELD_TITLE:
          g_array_append_val (titles, i);
          break;
        case FIELD_ROLE:
          g_array_append_val (roles, i);
          break;
        case FIELD_UNKNOWN:
          g_array_append_val (no_name ? nameless : unknown, i);
          break;
        default:
          map_column (mapping, field, i);
          break;
        }
    }

  if (roles->len > 0)
    {
      g_autofree char *names = list_columns (header, roles);

      g_ptr_array_add (notices,
                       g_strdup_printf (ngettext ("The column %s was not imported: a person’s role is given when they are assigned to a segment.",
                                                  "The columns %s were not imported: a person’s role is given when they are assigned to a segment.",
                                                  roles->len),
                                        names));
    }
  if (unknown->len > 0)
    {
      g_autofree char *names = list_columns (header, unknown);

      g_ptr_array_add (notices,
                       g_strdup_printf (ngettext ("The column %s is not one Convene knows and was skipped.",
                                                  "The columns %s are not ones Convene knows and were skipped.",
                                                  unknown->len),
                                        names));
    }
  if (nameless->len > 0)
    {
      g_autofree char *numbers = list_column_numbers (nameless);

      g_ptr_array_add (notices,
                       g_strdup_printf (ngettext ("Column %s has no name and was skipped.",
                                                  "Columns %s have no name and were skipped.",
                                                  nameless->len),
                                        numbers));
    }

  /* "Title" means the honorific in some sheets and the job title in others. */
  for (guint t = 0; t < titles->len; t++)
    {
      guint column = g_array_index (titles, guint, t);
      gboolean has_honorific = mapping->columns[FIELD_HONORIFIC] != NULL;
      gboolean has_job_title = mapping->columns[FIELD_JOB_TITLE] != NULL;
      g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autofree char *name = NULL;
      gboolean as_honorific;

      if (has_honorific && has_job_title)
        {
          g_array_append_val (skipped_titles, column);
          continue;
        }

      g_array_append_val (one, column);
      name = list_columns (header, one);
      as_honorific = has_job_title;
      if (!has_job_title && !has_honorific)
        {
          /* A look at every row: a pass of its own, half of the reading. */
          progress->span = 0.5;
          as_honorific = column_holds_honorifics (rows, column, progress);
          progress->base = 0.5;
        }
      if (as_honorific)
        {
          map_column (mapping, FIELD_HONORIFIC, column);
          g_ptr_array_add (notices, g_strdup_printf (_("The column %s was read as the honorific."), name));
        }
      else
        {
          map_column (mapping, FIELD_JOB_TITLE, column);
          g_ptr_array_add (notices, g_strdup_printf (_("The column %s was read as the job title."), name));
        }
    }
  if (skipped_titles->len > 0)
    {
      g_autofree char *names = list_columns (header, skipped_titles);

      g_ptr_array_add (notices,
                       g_strdup_printf (ngettext ("The column %s was skipped: other columns already give the honorific and the job title.",
                                                  "The columns %s were skipped: other columns already give the honorific and the job title.",
                                                  skipped_titles->len),
                                        names));
    }

  for (guint f = 0; f < N_FIELDS; f++)
    {
      GArray *columns = mapping->columns[f];
      g_autofree char *names = NULL;

      if (columns == NULL || columns->len < 2)
        continue;

      names = list_columns (header, columns);
      g_ptr_array_add (notices,
                       /* Translators: The columns “Phone”, “Mobile” all give the phone number; ... */
                       g_strdup_printf (_("The columns %s all give %s; each person gets the first of them that is filled in."),
                                        names, _(fields[f].description)));
    }

  if (mapping->columns[FIELD_NAME] == NULL && mapping->columns[FIELD_FIRST_NAME] == NULL &&
      mapping->columns[FIELD_LAST_NAME] == NULL)
    {
      g_set_error_literal (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_NO_NAME_COLUMN,
                           _("The first row must name the columns, and one of them must hold the names (“Name”, or “First name” and “Last name”)."));
      return FALSE;
    }

  return TRUE;
}

/* The first filled-in value of field in record; FALSE when there is none. */
static gboolean
record_value (Record  *record,
              Mapping *mapping,
              Field    field,
              Value   *value)
{
  GArray *columns = mapping->columns[field];

  for (guint i = 0; columns != NULL && i < columns->len; i++)
    if (record_get (record, g_array_index (columns, guint, i), value) && value->len > 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_blank (Value value)
{
  for (gsize i = 0; i < value.len; i++)
    if (!g_ascii_isspace (value.str[i]))
      return FALSE;
  return TRUE;
}

/* What is wrong with a file's rows: the first few problems in full, and
 * how many there are. */
typedef struct
{
  GPtrArray *listed;  /* char*, at most MAX_PROBLEMS_LISTED */
  guint      total;
  guint      bad_rows;
} Problems;

static void
add_problem (Problems *problems,
             char     *problem)
{
  problems->total++;
  if (problems->listed->len < MAX_PROBLEMS_LISTED)
    g_ptr_array_add (problems->listed, problem);
  else
    g_free (problem);
}

/* Checks one row and, when it is right, fills values (pointing into record
 * or into joined, one per field, empty where the row has nothing) and
 * status. Problems go to problems. */
static gboolean
read_row (Record               *record,
          Mapping              *mapping,
          const StatusWords    *status_words,
          GString              *joined,
          Value                *values,
          ConveneSpeakerStatus *status,
          Problems             *problems)
{
  guint before = problems->total;

  if (record->problem != NULL)
    add_problem (problems, g_strdup (record->problem));

  if (record->filled_beyond)
    add_problem (problems,
                 g_strdup_printf (_("Line %u: it has %u values but the header names only %u columns."),
                                  record->line, record->n_values, mapping->n_columns));

  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_autoptr(GError) local_error = NULL;

      values[f].str = "";
      values[f].len = 0;
      if (!record_value (record, mapping, f, &values[f]))
        continue;
      if (!convene_validate_text (values[f].str, (gssize) values[f].len, _(fields[f].description), &local_error))
        {
          /* Translators: "Line 4: The text for the name is too long (...)." */
          add_problem (problems, g_strdup_printf (_("Line %u: %s"), record->line, local_error->message));
          continue;
        }
      values[f] = remove_formula_guard (values[f]);
    }

  if (problems->total > before)
    return FALSE;

  if (!parse_status (status_words, values[FIELD_STATUS], status))
    {
      g_autofree char *shown = quote_for_message (values[FIELD_STATUS].str, (gssize) values[FIELD_STATUS].len);

      add_problem (problems,
                   g_strdup_printf (_("Line %u: “%s” is not a status; use invited, tentative, confirmed or declined."),
                                    record->line, shown));
    }

  if (is_blank (values[FIELD_NAME]))
    {
      g_autoptr(GError) local_error = NULL;

      g_string_truncate (joined, 0);
      for (guint f = FIELD_FIRST_NAME; f <= FIELD_LAST_NAME; f++)
        {
          if (is_blank (values[f]))
            continue;
          if (joined->len > 0)
            g_string_append_c (joined, ' ');
          g_string_append_len (joined, values[f].str, (gssize) values[f].len);
        }

      if (joined->len == 0)
        add_problem (problems, g_strdup_printf (_("Line %u: the name is empty."), record->line));
      else if (!convene_validate_text (joined->str, (gssize) joined->len, _(fields[FIELD_NAME].description),
                                       &local_error))
        add_problem (problems, g_strdup_printf (_("Line %u: %s"), record->line, local_error->message));
      else
        {
          values[FIELD_NAME].str = joined->str;
          values[FIELD_NAME].len = joined->len;
        }
    }

  return problems->total == before;
}

static char *
describe_problems (Problems *problems)
{
  GString *message = g_string_new (NULL);

  g_string_append_printf (message,
                          ngettext ("%u row cannot be imported, so no one was imported. Correct it and import the file again:",
                                    "%u rows cannot be imported, so no one was imported. Correct them and import the file again:",
                                    problems->bad_rows),
                          problems->bad_rows);
  for (guint i = 0; i < problems->listed->len; i++)
    {
      g_string_append_c (message, '\n');
      g_string_append (message, g_ptr_array_index (problems->listed, i));
    }
  if (problems->total > problems->listed->len)
    {
      guint rest = problems->total - problems->listed->len;

      g_string_append_c (message, '\n');
      g_string_append_printf (message, ngettext ("…and %u more problem.", "…and %u more problems.", rest), rest);
    }

  return g_string_free (message, FALSE);
}

static gboolean
check_encoding (const char  *data,
                gsize        length,
                GError     **error)
{
  const guchar *bytes = (const guchar *) data;

  /* UTF-16 and UTF-32 (what "Unicode text" exports write) start with a
   * byte order mark or have NUL bytes among the first characters. */
  if ((length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) ||
      (length >= 4 && memchr (data, '\0', 4) != NULL))
    {
      g_set_error_literal (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_ENCODING,
                           _("The file is saved as UTF-16 or UTF-32 text. Save the spreadsheet as “CSV UTF-8” and import that."));
      return FALSE;
    }
  return TRUE;
}

static void
set_too_big (GError **error,
             guint64  size)
{
  g_autofree char *shown = g_format_size (size);
  g_autofree char *limit = g_format_size (CONVENE_CSV_MAX_BYTES);

  g_set_error (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_TOO_BIG,
               /* Translators: "it is 80.2 MB, and Convene reads CSV files of up to 64.0 MB." */
               _("it is %s, and Convene reads CSV files of up to %s. Delete empty rows and columns in the spreadsheet, or split the people over several files, and import each."),
               shown, limit);
}

/* The people of a file: every text in one buffer, each person a row of
 * offsets into it (0 is the empty text), so a person costs what their
 * values hold and a few bytes more. */
typedef struct
{
  guint32 texts[N_EXPORTED_FIELDS];  /* FIELD_STATUS unused */
  guint32 status;
} Person;

struct _ConveneCsvPeople
{
  GString *text;
  GArray  *people;   /* Person */
  char   **notices;
};

void
convene_csv_people_free (ConveneCsvPeople *self)
{
  if (self == NULL)
    return;

  g_string_free (self->text, TRUE);
  g_array_unref (self->people);
  g_strfreev (self->notices);
  g_free (self);
}

static guint32
store_text (GString *text,
            Value    value)
{
  guint32 offset;

  if (value.len == 0)
    return 0;
  offset = (guint32) text->len;
  g_string_append_len (text, value.str, (gssize) value.len);
  g_string_append_c (text, '\0');
  return offset;
}

/* Finds the header (blank lines above it are common in hand-made sheets)
 * and reads it into mapping; reader is left where the rows start. */
static gboolean
read_header (Reader     *reader,
             Progress   *progress,
             Mapping    *mapping,
             GPtrArray  *notices,
             GError    **error)
{
  g_auto(Record) header = { 0 };

  record_init (&header);
  do
    {
      if (!reader_next (reader, &header, G_MAXUINT, G_MAXUINT))
        {
          g_set_error_literal (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_EMPTY,
                               _("There is no one in this file: it needs a first row naming the columns, then a row for each person."));
          return FALSE;
        }
    }
  while (!header.filled && header.problem == NULL);

  /* A header with broken quoting would swallow the rows below it. */
  if (header.problem != NULL)
    {
      g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
      Problems problems = { listed, 0, 1 };
      g_autofree char *message = NULL;

      add_problem (&problems, g_steal_pointer (&header.problem));
      message = describe_problems (&problems);
      g_set_error_literal (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_BAD_ROWS, message);
      return FALSE;
    }

  return map_header (&header, reader, progress, mapping, notices, error);
}

ConveneCsvPeople *
convene_csv_read_people (const char              *data,
                         gssize                   length,
                         GCancellable            *cancellable,
                         ConveneCsvProgressFunc   progress_func,
                         gpointer                 progress_data,
                         GError                 **error)
{
  g_autoptr(ConveneCsvPeople) self = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_auto(Mapping) mapping = { 0 };
  g_auto(StatusWords) status_words = { 0 };
  g_auto(Record) record = { 0 };
  Progress progress = { progress_func, progress_data, cancellable, 0.0, 1.0, 0 };
  Problems problems = { listed, 0, 0 };
  Reader reader = { 0 };
  gsize size;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  size = length < 0 ? strlen (data) : (gsize) length;

  if (size > CONVENE_CSV_MAX_BYTES)
    {
      g_autoptr(GError) too_big = NULL;

      set_too_big (&too_big, size);
      /* Translators: the rest of the sentence says how big the text is. */
      g_set_error (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_TOO_BIG, _("The text is too big: %s"),
                   too_big->message);
      return NULL;
    }

  if (!check_encoding (data, size, error))
    return NULL;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  reader.data = data;
  reader.length = size;
  reader.line = 1;
  reader.separator = detect_separator (data, size);

  if (!read_header (&reader, &progress, &mapping, notices, error))
    return NULL;

  self = g_new0 (ConveneCsvPeople, 1);
  self->text = g_string_new_len ("", 1);
  self->people = g_array_new (FALSE, FALSE, sizeof (Person));

  status_words_init (&status_words);
  record_init (&record);
  while (reader_next (&reader, &record, mapping.keep, mapping.n_columns))
    {
      Value values[N_FIELDS];
      ConveneSpeakerStatus status = CONVENE_SPEAKER_STATUS_INVITED;
      Person person;

      if (progress_step (&progress, &reader))
        break;
      if (!record.filled && record.problem == NULL)
        continue;

      if (!read_row (&record, &mapping, &status_words, joined, values, &status, &problems))
        {
          /* No one is imported now: only the problems are still of use. */
          if (problems.bad_rows++ == 0)
            {
              g_string_truncate (self->text, 1);
              g_array_set_size (self->people, 0);
            }
          continue;
        }
      if (problems.bad_rows > 0)
        continue;

      if (self->people->len == CONVENE_CSV_MAX_PEOPLE)
        {
          g_set_error (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_TOO_MANY_PEOPLE,
                       ngettext ("There are more than %'u person in this file, and Convene imports at most %'u at a time. Split the people over several files and import each.",
                                 "There are more than %'u people in this file, and Convene imports at most %'u at a time. Split the people over several files and import each.",
                                 CONVENE_CSV_MAX_PEOPLE),
                       CONVENE_CSV_MAX_PEOPLE, CONVENE_CSV_MAX_PEOPLE);
          return NULL;
        }

      for (guint f = 0; f < N_EXPORTED_FIELDS; f++)
        person.texts[f] = f == FIELD_STATUS ? 0 : store_text (self->text, values[f]);
      person.status = status;
      g_array_append_val (self->people, person);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (problems.bad_rows > 0)
    {
      g_autofree char *message = describe_problems (&problems);

      g_set_error_literal (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_BAD_ROWS, message);
      return NULL;
    }

  if (self->people->len == 0)
    {
      g_set_error_literal (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_EMPTY,
                           _("There is no one in this file: below the first row, which names the columns, every row is empty."));
      return NULL;
    }

  if (progress_func != NULL)
    progress_func (1.0, progress_data);

  g_ptr_array_add (notices, NULL);
  self->notices = (char **) g_ptr_array_free (g_steal_pointer (&notices), FALSE);
  return g_steal_pointer (&self);
}

guint
convene_csv_people_get_count (ConveneCsvPeople *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->people->len;
}

const char * const *
convene_csv_people_get_notices (ConveneCsvPeople *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->notices;
}

GPtrArray *
convene_csv_people_make_speakers (ConveneCsvPeople *self,
                                  ConveneProject   *project)
{
  static void (* const setters[N_EXPORTED_FIELDS]) (ConveneSpeaker *, const char *) = {
    [FIELD_HONORIFIC]    = convene_speaker_set_honorific,
    [FIELD_JOB_TITLE]    = convene_speaker_set_job_title,
    [FIELD_ORGANISATION] = convene_speaker_set_organisation,
    [FIELD_EMAIL]        = convene_speaker_set_email,
    [FIELD_PHONE]        = convene_speaker_set_phone,
    [FIELD_BIO]          = convene_speaker_set_bio,
    [FIELD_NOTES]        = convene_speaker_set_notes,
  };
  GPtrArray *speakers;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);

  speakers = g_ptr_array_new_full (self->people->len, g_object_unref);
  for (guint i = 0; i < self->people->len; i++)
    {
      const Person *person = &g_array_index (self->people, Person, i);
      ConveneSpeaker *speaker = convene_speaker_new (convene_project_new_id (project),
                                                     self->text->str + person->texts[FIELD_NAME]);

      /* New objects: an empty value is already what they hold. */
      for (guint f = 0; f < N_EXPORTED_FIELDS; f++)
        if (setters[f] != NULL && person->texts[f] != 0)
          setters[f] (speaker, self->text->str + person->texts[f]);
      if (person->status != CONVENE_SPEAKER_STATUS_INVITED)
        convene_speaker_set_status (speaker, (ConveneSpeakerStatus) person->status);
      g_ptr_array_add (speakers, speaker);
    }

  return speakers;
}

/* Reading a file */

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

static void
set_not_a_file (GError **error)
{
  g_set_error_literal (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_NOT_A_FILE,
                       _("it is not an ordinary file but a pipe, a device or a socket. Save the spreadsheet as a CSV file and import that."));
}

static void
set_errno_error (GError **error,
                 int      saved)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
}

/* Reads count bytes at most into buffer: the number read, 0 at the end,
 * -1 with error set. */
typedef gssize (*ReadFunc) (gpointer       source,
                            char          *buffer,
                            gsize          count,
                            GCancellable  *cancellable,
                            GError       **error);

static gssize
read_fd (gpointer       source,
         char          *buffer,
         gsize          count,
         GCancellable  *cancellable,
         GError       **error)
{
  int fd = GPOINTER_TO_INT (source);

  for (;;)
    {
      gssize got;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
      got = read (fd, buffer, count);
      if (got >= 0)
        return got;
      if (errno != EINTR)
        {
          set_errno_error (error, errno);
          return -1;
        }
    }
}

static gssize
read_stream (gpointer       source,
             char          *buffer,
             gsize          count,
             GCancellable  *cancellable,
             GError       **error)
{
  return g_input_stream_read (source, buffer, count, cancellable, error);
}

/* Reads everything, but never more than CONVENE_CSV_MAX_BYTES: a file that
 * grew since its size was looked at is still refused. expected is the size
 * it had then. */
static char *
read_capped (ReadFunc       read_func,
             gpointer       source,
             gsize          expected,
             GCancellable  *cancellable,
             gsize         *out_length,
             GError       **error)
{
  /* Room for one byte over the limit, to know it is over, and a NUL. */
  gsize allocated = MIN (expected, (gsize) CONVENE_CSV_MAX_BYTES) + 2;
  g_autofree char *buffer = g_malloc (allocated);
  gsize length = 0;

  for (;;)
    {
      gssize got;

      if (length > CONVENE_CSV_MAX_BYTES)
        {
          set_too_big (error, length);
          return NULL;
        }
      if (length + 1 == allocated)
        {
          allocated = MIN (MAX (allocated * 2, 4096), (gsize) CONVENE_CSV_MAX_BYTES + 2);
          buffer = g_realloc (buffer, allocated);
        }

      got = read_func (source, buffer + length, MIN (allocated - 1 - length, (gsize) 1 << 20),
                       cancellable, error);
      if (got < 0)
        return NULL;
      if (got == 0)
        break;
      length += (gsize) got;
    }

  buffer[length] = '\0';
  *out_length = length;
  return g_steal_pointer (&buffer);
}

/* Only a regular file is read: a pipe would block until something writes
 * to it, a device may never end. The file is looked at before it is
 * opened (opening some devices does something), opened without waiting,
 * and looked at again through what was opened. */
static char *
load_local (const char    *path,
            GCancellable  *cancellable,
            gsize         *length,
            GError       **error)
{
  GStatBuf st;
  struct stat opened;
  char *contents;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, g_strerror (EISDIR));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      set_not_a_file (error);
      return NULL;
    }
  if (st.st_size > CONVENE_CSV_MAX_BYTES)
    {
      set_too_big (error, (guint64) st.st_size);
      return NULL;
    }

  fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  if (fstat (fd, &opened) != 0 || !S_ISREG (opened.st_mode) ||
      opened.st_dev != st.st_dev || opened.st_ino != st.st_ino)
    {
      close (fd);
      set_not_a_file (error);
      return NULL;
    }

  contents = read_capped (read_fd, GINT_TO_POINTER (fd), (gsize) opened.st_size, cancellable, length, error);
  close (fd);
  return contents;
}

/* A file GIO reaches without a local path (a network share). */
static char *
load_remote (GFile         *file,
             GCancellable  *cancellable,
             gsize         *length,
             GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, g_strerror (EISDIR));
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      set_not_a_file (error);
      return NULL;
    }
  if (g_file_info_get_size (info) > CONVENE_CSV_MAX_BYTES)
    {
      set_too_big (error, (guint64) g_file_info_get_size (info));
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  return read_capped (read_stream, stream, (gsize) MAX (g_file_info_get_size (info), 0), cancellable,
                      length, error);
}

ConveneCsvPeople *
convene_csv_read_people_file (GFile                   *file,
                              GCancellable            *cancellable,
                              ConveneCsvProgressFunc   progress,
                              gpointer                 progress_data,
                              GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  const char *path;
  ConveneCsvPeople *people;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  path = g_file_peek_path (file);

  if (path != NULL)
    contents = load_local (path, cancellable, &length, &local_error);
  else
    contents = load_remote (file, cancellable, &length, &local_error);
  if (contents == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Could not read “%s”: %s"), name, describe_read_error (local_error));
      return NULL;
    }

  people = convene_csv_read_people (contents, (gssize) length, cancellable, progress, progress_data,
                                    &local_error);
  if (people == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Could not import “%s”: %s"), name, local_error->message);
      return NULL;
    }

  return people;
}

/* Both steps at once, for callers that need no thread. */
static GPtrArray *
make_or_fail (ConveneCsvPeople   *read,
              ConveneProject     *project,
              char             ***notices)
{
  if (read == NULL)
    return NULL;
  if (notices != NULL)
    *notices = g_strdupv ((char **) read->notices);
  return convene_csv_people_make_speakers (read, project);
}

GPtrArray *
convene_csv_import_people (ConveneProject  *project,
                           const char      *data,
                           gssize           length,
                           char          ***notices,
                           GError         **error)
{
  g_autoptr(ConveneCsvPeople) read = NULL;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);

  if (notices != NULL)
    *notices = NULL;

  read = convene_csv_read_people (data, length, NULL, NULL, NULL, error);
  return make_or_fail (read, project, notices);
}

GPtrArray *
convene_csv_import_people_file (ConveneProject  *project,
                                GFile           *file,
                                char          ***notices,
                                GError         **error)
{
  g_autoptr(ConveneCsvPeople) read = NULL;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);

  if (notices != NULL)
    *notices = NULL;

  read = convene_csv_read_people_file (file, NULL, NULL, NULL, error);
  return make_or_fail (read, project, notices);
}

/* Writing */

void
convene_csv_append_value (GString    *out,
                          const char *value)
{
  gsize length = strlen (value);
  gboolean guard = needs_formula_guard (value);
  gboolean quote = strpbrk (value, ",\"\r\n;\t") != NULL ||
                   (length > 0 && (value[0] == ' ' || value[length - 1] == ' '));

  if (quote)
    g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');

  if (quote)
    {
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
}

char *
convene_csv_export_people (ConveneProject *project,
                           gsize          *length)
{
  GListModel *speakers;
  GString *out;
  guint n;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);

  speakers = G_LIST_MODEL (convene_project_get_speakers (project));
  n = g_list_model_get_n_items (speakers);

  /* The byte order mark tells spreadsheet programs the file is UTF-8. */
  out = g_string_new ("\xEF\xBB\xBF" CONVENE_CSV_HEADER "\r\n");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (speakers, i);

      for (guint f = 0; f < N_EXPORTED_FIELDS; f++)
        {
          g_autofree char *text = NULL;

          if (f > 0)
            g_string_append_c (out, ',');
          if (f == FIELD_STATUS)
            convene_csv_append_value (out, convene_speaker_status_to_nick (convene_speaker_get_status (speaker)));
          else
            {
              g_object_get (speaker, fields[f].property, &text, NULL);
              convene_csv_append_value (out, text != NULL ? text : "");
            }
        }
      g_string_append (out, "\r\n");
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
convene_csv_export_people_to_file (ConveneProject  *project,
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

  data = convene_csv_export_people (project, &length);

  /* People's e-mail addresses and phone numbers. */
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
