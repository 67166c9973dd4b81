/* The programme spreadsheet, parsed back the way a spreadsheet reads CSV
 * (RFC 4180): every segment and item a row, quotes, commas and line breaks
 * kept, and cells a spreadsheet would run as formulas guarded. */
#include "config.h"

#include <string.h>

#include "io-test-support.h"
#include "convene-programme-csv.h"

/* RFC 4180: rows of fields, quoted fields with doubled quotes and line
 * breaks inside, CRLF between rows. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  g_assert_true (g_str_has_prefix (p, "\xEF\xBB\xBF"));
  p += 3;
  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              g_assert_cmpint (*p, !=, '\0');
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
          g_assert_true (*p == ',' || *p == '\r');
        }
      else
        {
          while (*p != ',' && *p != '\r' && *p != '\0')
            {
              g_assert_cmpint (*p, !=, '\n');
              g_assert_cmpint (*p, !=, '"');
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (row, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
        }
    }
  return rows;
}

static GPtrArray *
export_rows (ConveneProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = convene_programme_csv_export (project, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_assert_cmpuint (strlen (text), ==, g_bytes_get_size (csv));
  return parse_csv (text);
}

static void
test_example (void)
{
  g_autoptr(ConveneProject) project = io_test_load_example ();
  g_autoptr(GPtrArray) rows = NULL;
  char **row;

  rows = export_rows (project);
  /* The header, then the ten segments and items. */
  g_assert_cmpuint (rows->len, ==, 11);
  row = rows->pdata[0];
  g_assert_cmpuint (g_strv_length (row), ==, 13);
  g_assert_cmpstr (row[0], ==, "Date");
  g_assert_cmpstr (row[12], ==, "Cues");
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (rows->pdata[i]), ==, 13);

  /* A talk of the panel. */
  row = rows->pdata[3];
  g_assert_cmpstr (row[0], ==, "2027-05-23");
  g_assert_cmpstr (row[1], ==, "12:40");
  g_assert_cmpstr (row[2], ==, "12:50");
  g_assert_cmpstr (row[3], ==, "10");
  g_assert_cmpstr (row[6], ==, "Presentation");
  g_assert_cmpstr (row[8], ==, "II. Panel");
  g_assert_cmpstr (row[9], ==, "Enrico Fos (Presenter)");
  g_assert_cmpstr (row[10], ==, "Enrico Fos: Invited");
  /* The discussion and its two moderators; the closing ends at 14:03. */
  row = rows->pdata[9];
  g_assert_cmpstr (row[9], ==, "Dr James Campbell (Moderator), Kanokporn Kaojaroen (Moderator)");
  row = rows->pdata[10];
  g_assert_cmpstr (row[2], ==, "14:03");
}

/* Quotes, commas, line breaks and formula-like text come back as written,
 * less the apostrophe that keeps a spreadsheet from running them. */
static void
test_hostile_cells (void)
{
  static const struct {
    const char *written;
    const char *cell;      /* as the file holds it, once unquoted */
  } values[] = {
    { "Say \"hello\", then\r\nleave", "Say \"hello\", then\r\nleave" },
    { "=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")" },
    { "+41 22 791 21 11", "'+41 22 791 21 11" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "-2-3", "'-2-3" },
    { "-5", "-5" },
    { "'=already", "''=already" },
  };
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneSession) session = convene_session_new (convene_project_new_id (project),
                                                           "=cmd|' /C calc'!A0", "2027-05-23", 540, 60);
  g_autoptr(ConveneSession) undated = convene_session_new (convene_project_new_id (project),
                                                           "Someday", "", 540, 60);
  g_autoptr(ConveneSegment) later = convene_segment_new (convene_project_new_id (project),
                                                         CONVENE_SEGMENT_KIND_BREAK, "Coffee", 15);
  g_autoptr(GPtrArray) rows = NULL;

  convene_project_set_time_zone (project, "UTC");
  g_list_store_append (convene_project_get_sessions (project), undated);
  g_list_store_append (convene_project_get_sessions (project), session);
  g_list_store_append (convene_session_get_segments (undated), later);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(ConveneSegment) segment = convene_segment_new (convene_project_new_id (project),
                                                               CONVENE_SEGMENT_KIND_CUSTOM,
                                                               values[i].written, 5);

      convene_segment_set_notes (segment, values[i].written);
      convene_segment_set_cues (segment, values[i].written);
      g_list_store_append (convene_session_get_segments (session), segment);
    }

  rows = export_rows (project);
  g_assert_cmpuint (rows->len, ==, 1 + G_N_ELEMENTS (values) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      char **row = rows->pdata[1 + i];

      g_assert_cmpstr (row[4], ==, "'=cmd|' /C calc'!A0");
      g_assert_cmpstr (row[7], ==, values[i].cell);
      g_assert_cmpstr (row[11], ==, values[i].cell);
      g_assert_cmpstr (row[12], ==, values[i].cell);
    }
  {
    /* The dated session first; the undated one last, without clock times. */
    char **row = rows->pdata[rows->len - 1];

    g_assert_cmpstr (row[0], ==, "");
    g_assert_cmpstr (row[1], ==, "");
    g_assert_cmpstr (row[3], ==, "15");
    g_assert_cmpstr (row[4], ==, "Someday");
    g_assert_cmpstr (row[6], ==, "Break");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/programme-csv/example", test_example);
  g_test_add_func ("/programme-csv/hostile-cells", test_hostile_cells);

  return g_test_run ();
}
