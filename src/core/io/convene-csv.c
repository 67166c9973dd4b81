#define G_LOG_DOMAIN "convene-io"
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

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
 * The text is split into records of fields first; problems of form (a
 * quote never closed) stay with the record, reported with the others. */

typedef struct
{
  guint      line;      /* the physical line the record starts on */
  GPtrArray *values;    /* GString */
  char      *problem;   /* a quoting problem, translated, or NULL */
} Record;

static void
record_free (gpointer data)
{
  Record *record = data;

  g_ptr_array_unref (record->values);
  g_free (record->problem);
  g_free (record);
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
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

static GPtrArray *
split_records (const char *data,
               gsize       length,
               char        separator)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (record_free);
  gsize pos = 0;
  guint line = 1;

  while (pos < length)
    {
      Record *record = g_new0 (Record, 1);
      gboolean more = TRUE;

      record->line = line;
      record->values = g_ptr_array_new_with_free_func (string_free);
      g_ptr_array_add (records, record);

      while (more)
        {
          GString *value = g_string_new (NULL);

          g_ptr_array_add (record->values, value);

          if (pos < length && data[pos] == '"')
            {
              gboolean closed = FALSE;

              pos++;
              while (pos < length)
                {
                  char c = data[pos];

                  if (c == '"')
                    {
                      if (pos + 1 < length && data[pos + 1] == '"')
                        {
                          g_string_append_c (value, '"');
                          pos += 2;
                          continue;
                        }
                      pos++;
                      closed = TRUE;
                      break;
                    }
                  /* Line breaks inside quotes are part of the value but
                   * still move the physical line on. */
                  if (c == '\n' || (c == '\r' && (pos + 1 >= length || data[pos + 1] != '\n')))
                    line++;
                  g_string_append_c (value, c);
                  pos++;
                }

              if (!closed && record->problem == NULL)
                record->problem = g_strdup_printf (_("Line %u: a quoted value is never closed, so it runs to the end of the file."),
                                                   record->line);

              /* Text between a closing quote and the separator: keep it, but
               * the row was not written the way the reader expects. */
              while (pos < length && data[pos] != separator && data[pos] != '\n' && data[pos] != '\r')
                {
                  if (record->problem == NULL)
                    record->problem = g_strdup_printf (_("Line %u: text follows a closing quote; a quote inside a quoted value must be doubled (\"\")."),
                                                       record->line);
                  g_string_append_c (value, data[pos]);
                  pos++;
                }
            }
          else
            {
              while (pos < length && data[pos] != separator && data[pos] != '\n' && data[pos] != '\r')
                g_string_append_c (value, data[pos++]);
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
              line++;
              more = FALSE;
            }
        }
    }

  return records;
}

static gboolean
record_is_empty (Record *record)
{
  for (guint i = 0; i < record->values->len; i++)
    if (((GString *) g_ptr_array_index (record->values, i))->len > 0)
      return FALSE;
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

static Field
header_field (const char *name)
{
  g_autofree char *key = header_key (name);

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

/* Whether every filled-in value of column (valid text only) is an honorific. */
static gboolean
column_holds_honorifics (GPtrArray *records,
                         guint      column)
{
  for (guint r = 1; r < records->len; r++)
    {
      Record *record = g_ptr_array_index (records, r);
      GString *value;

      if (column >= record->values->len)
        continue;
      value = g_ptr_array_index (record->values, column);
      if (value->len == 0)
        continue;
      if (!g_utf8_validate (value->str, (gssize) value->len, NULL) || !is_honorific (value->str))
        return FALSE;
    }

  return TRUE;
}

/* A spreadsheet would run =, +, -, @ as a formula; a guarded value starts
 * with an apostrophe the reader takes off again. */
static gboolean
is_plain_number (const char *value)
{
  gboolean digit = FALSE;

  if (value[0] != '+' && value[0] != '-')
    return FALSE;
  for (const char *p = value + 1; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (strchr (" ()./-", *p) == NULL)
        return FALSE;
    }
  return digit;
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

static const char *
remove_formula_guard (const char *value)
{
  const char *p = value;

  if (*value != '\'')
    return value;
  while (*p == '\'')
    p++;
  if (*p != '\0' && strchr (FORMULA_STARTS, *p) != NULL)
    return value + 1;
  return value;
}

static gboolean
parse_status (const char           *text,
              ConveneSpeakerStatus *status)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);

  if (*folded == '\0')
    {
      *status = CONVENE_SPEAKER_STATUS_INVITED;
      return TRUE;
    }

  for (guint i = 0; i < CONVENE_N_SPEAKER_STATUSES; i++)
    {
      g_autofree char *label = g_utf8_casefold (convene_speaker_status_get_label (i), -1);
      const char *nick = convene_speaker_status_to_nick (i);

      if (g_str_equal (folded, nick) || g_str_equal (folded, label))
        {
          *status = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* A short, printable piece of what the row holds, for a message. */
static char *
quote_for_message (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  glong n = g_utf8_strlen (valid, -1);

  if (n > 40)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, 40);
      return g_strconcat (head, "…", NULL);
    }
  return g_steal_pointer (&valid);
}

typedef struct
{
  GPtrArray *columns[N_FIELDS];  /* guint column indexes, in header order */
  guint      n_columns;
} Mapping;

static void
mapping_clear (Mapping *mapping)
{
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&mapping->columns[i], g_ptr_array_unref);
}

static void
map_column (Mapping *mapping,
            Field    field,
            guint    column)
{
  if (mapping->columns[field] == NULL)
    mapping->columns[field] = g_ptr_array_new ();
  g_ptr_array_add (mapping->columns[field], GUINT_TO_POINTER (column));
}

/* Reads the header: which columns feed which field. */
static gboolean
map_header (GPtrArray  *records,
            Mapping    *mapping,
            GPtrArray  *notices,
            GError    **error)
{
  Record *header = g_ptr_array_index (records, 0);
  g_autoptr(GArray) titles = g_array_new (FALSE, FALSE, sizeof (guint));

  mapping->n_columns = header->values->len;

  for (guint i = 0; i < header->values->len; i++)
    {
      GString *name = g_ptr_array_index (header->values, i);
      Field field;

      if (!g_utf8_validate (name->str, (gssize) name->len, NULL))
        {
          g_set_error_literal (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_ENCODING,
                               _("The header row is not UTF-8 text. Save the spreadsheet as “CSV UTF-8” and import that."));
          return FALSE;
        }

      field = header_field (name->str);
      switch ((int) field)
        {
        case FIELD_TITLE:
          g_array_append_val (titles, i);
          break;
        case FIELD_ROLE:
          g_ptr_array_add (notices,
                           g_strdup_printf (_("The column “%s” was not imported: a person’s role is given when they are assigned to a segment."),
                                            name->str));
          break;
        case FIELD_UNKNOWN:
          {
            g_autofree char *key = header_key (name->str);

            if (*key == '\0')
              g_ptr_array_add (notices, g_strdup_printf (_("Column %u has no name and was skipped."), i + 1));
            else
              g_ptr_array_add (notices,
                               g_strdup_printf (_("The column “%s” is not one Convene knows and was skipped."),
                                                name->str));
          }
          break;
        default:
          map_column (mapping, field, i);
          break;
        }
    }

  /* "Title" means the honorific in some sheets and the job title in others. */
  for (guint t = 0; t < titles->len; t++)
    {
      guint column = g_array_index (titles, guint, t);
      const char *name = ((GString *) g_ptr_array_index (header->values, column))->str;
      gboolean has_honorific = mapping->columns[FIELD_HONORIFIC] != NULL;
      gboolean has_job_title = mapping->columns[FIELD_JOB_TITLE] != NULL;

      if (has_honorific && has_job_title)
        {
          g_ptr_array_add (notices,
                           g_strdup_printf (_("The column “%s” was skipped: other columns already give the honorific and the job title."),
                                            name));
        }
      else if (has_job_title || (!has_honorific && column_holds_honorifics (records, column)))
        {
          map_column (mapping, FIELD_HONORIFIC, column);
          g_ptr_array_add (notices, g_strdup_printf (_("The column “%s” was read as the honorific."), name));
        }
      else
        {
          map_column (mapping, FIELD_JOB_TITLE, column);
          g_ptr_array_add (notices, g_strdup_printf (_("The column “%s” was read as the job title."), name));
        }
    }

  for (guint f = 0; f < N_FIELDS; f++)
    {
      GPtrArray *columns = mapping->columns[f];
      g_autoptr(GString) names = NULL;

      if (columns == NULL || columns->len < 2)
        continue;

      names = g_string_new (NULL);
      for (guint i = 0; i < columns->len; i++)
        {
          guint column = GPOINTER_TO_UINT (g_ptr_array_index (columns, i));

          if (i > 0)
            /* Translators: the separator in a list of column names */
            g_string_append (names, _(", "));
          g_string_append_printf (names, "“%s”", ((GString *) g_ptr_array_index (header->values, column))->str);
        }
      g_ptr_array_add (notices,
                       /* Translators: The columns “Phone”, “Mobile” all give the phone number; ... */
                       g_strdup_printf (_("The columns %s all give %s; each person gets the first of them that is filled in."),
                                        names->str, _(fields[f].description)));
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

/* The first filled-in value of field in record, or NULL. */
static GString *
record_value (Record  *record,
              Mapping *mapping,
              Field    field)
{
  GPtrArray *columns = mapping->columns[field];

  for (guint i = 0; columns != NULL && i < columns->len; i++)
    {
      guint column = GPOINTER_TO_UINT (g_ptr_array_index (columns, i));
      GString *value;

      if (column >= record->values->len)
        continue;
      value = g_ptr_array_index (record->values, column);
      if (value->len > 0)
        return value;
    }
  return NULL;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Checks one row and, when it is right, fills texts (owned strings, one per
 * exported field) and status. Problems go to problems. */
static gboolean
read_row (Record               *record,
          Mapping              *mapping,
          char                **texts,
          ConveneSpeakerStatus *status,
          GPtrArray            *problems)
{
  guint before = problems->len;

  if (record->problem != NULL)
    g_ptr_array_add (problems, g_strdup (record->problem));

  if (record->values->len > mapping->n_columns)
    {
      for (guint i = mapping->n_columns; i < record->values->len; i++)
        if (((GString *) g_ptr_array_index (record->values, i))->len > 0)
          {
            g_ptr_array_add (problems,
                             g_strdup_printf (_("Line %u: it has %u values but the header names only %u columns."),
                                              record->line, record->values->len, mapping->n_columns));
            break;
          }
    }

  for (guint f = 0; f < N_FIELDS; f++)
    {
      GString *value = record_value (record, mapping, f);
      g_autoptr(GError) local_error = NULL;

      if (value == NULL)
        continue;
      if (!convene_validate_text (value->str, (gssize) value->len, _(fields[f].description), &local_error))
        {
          /* Translators: "Line 4: The text for the name is too long (...)." */
          g_ptr_array_add (problems, g_strdup_printf (_("Line %u: %s"), record->line, local_error->message));
          continue;
        }
      texts[f] = g_strdup (remove_formula_guard (value->str));
    }

  if (problems->len > before)
    return FALSE;

  if (!parse_status (texts[FIELD_STATUS] != NULL ? texts[FIELD_STATUS] : "", status))
    {
      g_autofree char *shown = quote_for_message (texts[FIELD_STATUS]);

      g_ptr_array_add (problems,
                       g_strdup_printf (_("Line %u: “%s” is not a status; use invited, tentative, confirmed or declined."),
                                        record->line, shown));
    }

  if (texts[FIELD_NAME] == NULL || is_blank (texts[FIELD_NAME]))
    {
      g_autoptr(GString) joined = g_string_new (NULL);
      g_autoptr(GError) local_error = NULL;

      for (guint f = FIELD_FIRST_NAME; f <= FIELD_LAST_NAME; f++)
        {
          if (texts[f] == NULL || is_blank (texts[f]))
            continue;
          if (joined->len > 0)
            g_string_append_c (joined, ' ');
          g_string_append (joined, texts[f]);
        }

      if (joined->len == 0)
        g_ptr_array_add (problems, g_strdup_printf (_("Line %u: the name is empty."), record->line));
      else if (!convene_validate_text (joined->str, (gssize) joined->len, _(fields[FIELD_NAME].description),
                                       &local_error))
        g_ptr_array_add (problems, g_strdup_printf (_("Line %u: %s"), record->line, local_error->message));
      else
        {
          g_free (texts[FIELD_NAME]);
          texts[FIELD_NAME] = g_string_free (g_steal_pointer (&joined), FALSE);
        }
    }

  return problems->len == before;
}

static char *
describe_problems (GPtrArray *problems,
                   guint      n_bad_rows)
{
  GString *message = g_string_new (NULL);
  guint listed = MIN (problems->len, MAX_PROBLEMS_LISTED);

  g_string_append_printf (message,
                          ngettext ("%u row cannot be imported, so no one was imported. Correct it and import the file again:",
                                    "%u rows cannot be imported, so no one was imported. Correct them and import the file again:",
                                    n_bad_rows),
                          n_bad_rows);
  for (guint i = 0; i < listed; i++)
    {
      g_string_append_c (message, '\n');
      g_string_append (message, g_ptr_array_index (problems, i));
    }
  if (problems->len > listed)
    {
      guint rest = problems->len - listed;

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
set_notices (char      ***notices,
             GPtrArray  **list)
{
  if (notices == NULL)
    return;
  g_ptr_array_add (*list, NULL);
  *notices = (char **) g_ptr_array_free (g_steal_pointer (list), FALSE);
}

GPtrArray *
convene_csv_import_people (ConveneProject  *project,
                           const char      *data,
                           gssize           length,
                           char          ***notices,
                           GError         **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) notice_list = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) people = NULL;
  Mapping mapping = { 0 };
  gsize size;
  guint n_bad_rows = 0;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (notices != NULL)
    *notices = NULL;

  size = length < 0 ? strlen (data) : (gsize) length;

  if (!check_encoding (data, size, error))
    return NULL;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  records = split_records (data, size, detect_separator (data, size));
  /* Blank lines above the header are common in hand-made sheets. */
  while (records->len > 0 && record_is_empty (g_ptr_array_index (records, 0)) &&
         ((Record *) g_ptr_array_index (records, 0))->problem == NULL)
    g_ptr_array_remove_index (records, 0);
  if (records->len == 0)
    {
      g_set_error_literal (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_EMPTY,
                           _("There is no one in this file: it needs a first row naming the columns, then a row for each person."));
      return NULL;
    }

  /* A header with broken quoting would swallow the rows below it. */
  if (((Record *) g_ptr_array_index (records, 0))->problem != NULL)
    {
      g_autoptr(GPtrArray) header_problem = g_ptr_array_new ();
      g_autofree char *message = NULL;

      g_ptr_array_add (header_problem, ((Record *) g_ptr_array_index (records, 0))->problem);
      message = describe_problems (header_problem, 1);
      g_set_error_literal (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_BAD_ROWS, message);
      return NULL;
    }

  notice_list = g_ptr_array_new_with_free_func (g_free);
  if (!map_header (records, &mapping, notice_list, error))
    {
      mapping_clear (&mapping);
      return NULL;
    }

  problems = g_ptr_array_new_with_free_func (g_free);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint r = 1; r < records->len; r++)
    {
      Record *record = g_ptr_array_index (records, r);
      char **texts;
      ConveneSpeakerStatus status = CONVENE_SPEAKER_STATUS_INVITED;

      if (record_is_empty (record) && record->problem == NULL)
        continue;

      /* NULL-terminated, so a row is freed with g_strfreev. */
      texts = g_new0 (char *, N_FIELDS + 1);
      if (!read_row (record, &mapping, texts, &status, problems))
        {
          for (guint f = 0; f < N_FIELDS; f++)
            g_free (texts[f]);
          g_free (texts);
          n_bad_rows++;
          continue;
        }

      g_free (texts[FIELD_STATUS]);
      texts[FIELD_STATUS] = g_strdup (convene_speaker_status_to_nick (status));
      /* g_strfreev stops at the first NULL: keep no holes before the end. */
      for (guint f = 0; f < N_FIELDS; f++)
        if (texts[f] == NULL)
          texts[f] = g_strdup ("");
      g_ptr_array_add (rows, texts);
    }

  mapping_clear (&mapping);

  if (n_bad_rows > 0)
    {
      g_autofree char *message = describe_problems (problems, n_bad_rows);

      g_set_error_literal (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_BAD_ROWS, message);
      return NULL;
    }

  if (rows->len == 0)
    {
      g_set_error_literal (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_EMPTY,
                           _("There is no one in this file: below the first row, which names the columns, every row is empty."));
      return NULL;
    }

  /* Every row is right: only now are ids taken. */
  people = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint r = 0; r < rows->len; r++)
    {
      char **texts = g_ptr_array_index (rows, r);
      ConveneSpeaker *speaker = convene_speaker_new (convene_project_new_id (project), texts[FIELD_NAME]);
      ConveneSpeakerStatus status;

      convene_speaker_set_honorific (speaker, texts[FIELD_HONORIFIC]);
      convene_speaker_set_job_title (speaker, texts[FIELD_JOB_TITLE]);
      convene_speaker_set_organisation (speaker, texts[FIELD_ORGANISATION]);
      convene_speaker_set_email (speaker, texts[FIELD_EMAIL]);
      convene_speaker_set_phone (speaker, texts[FIELD_PHONE]);
      convene_speaker_set_bio (speaker, texts[FIELD_BIO]);
      convene_speaker_set_notes (speaker, texts[FIELD_NOTES]);
      if (convene_speaker_status_from_nick (texts[FIELD_STATUS], &status))
        convene_speaker_set_status (speaker, status);
      g_ptr_array_add (people, speaker);
    }

  set_notices (notices, &notice_list);
  return g_steal_pointer (&people);
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

GPtrArray *
convene_csv_import_people_file (ConveneProject  *project,
                                GFile           *file,
                                char          ***notices,
                                GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  GPtrArray *people;
  gsize length = 0;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (notices != NULL)
    *notices = NULL;

  name = g_file_get_parse_name (file);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read “%s”: %s"), name, describe_read_error (local_error));
      return NULL;
    }

  people = convene_csv_import_people (project, contents, (gssize) length, notices, &local_error);
  if (people == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not import “%s”: %s"), name, local_error->message);
      return NULL;
    }

  return people;
}

/* Writing */

static void
append_value (GString    *out,
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
            append_value (out, convene_speaker_status_to_nick (convene_speaker_get_status (speaker)));
          else
            {
              g_object_get (speaker, fields[f].property, &text, NULL);
              append_value (out, text != NULL ? text : "");
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
