/* The roster as CSV: spreadsheets' files read field by field, header
 * variants, bad rows reported by line with nothing imported, lossless round
 * trips and formulas kept from running. */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "convene-csv.h"
#include "convene-document.h"
#include "convene-edits.h"
#include "convene-limits.h"
#include "store-fixtures.h"

/* Helpers */

static GPtrArray *
import_ok (ConveneProject  *project,
           const char      *data,
           gssize           length,
           char          ***notices)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *people = convene_csv_import_people (project, data, length, notices, &error);

  g_assert_no_error (error);
  g_assert_nonnull (people);
  return people;
}

static ConveneSpeaker *
person (GPtrArray *people,
        guint      index)
{
  g_assert_cmpuint (index, <, people->len);
  return g_ptr_array_index (people, index);
}

static gboolean
has_notice (char       **notices,
            const char  *text)
{
  for (guint i = 0; notices != NULL && notices[i] != NULL; i++)
    if (strstr (notices[i], text) != NULL)
      return TRUE;
  return FALSE;
}

/* Next id the project would hand out, without keeping it. */
static gint64
peek_next_id (ConveneProject *project)
{
  gint64 id = convene_project_new_id (project);

  /* Handing one out moves the counter on; compare against the next one. */
  return id + 1;
}

/* Tests */

static void
test_good_file (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(GPtrArray) people = NULL;
  g_auto(GStrv) notices = NULL;
  /* BOM, CRLF, a quoted comma, doubled quotes, a line break inside quotes,
   * an empty line and a trailing line of empty fields. */
  const char *data =
    "\xEF\xBB\xBF" "Salutation,Full name,Position,Organization,E-mail,Telephone,STATUS,Biography,Notes\r\n"
    "Dr,James Campbell,Director,\"WHO, Geneva\",jc@example.org,+41 22 791 21 11,Confirmed,\"Leads the \"\"Health Workforce\"\" department.\",\"First line\r\nsecond line\"\r\n"
    "\r\n"
    ",Stacey Pillay,Chief Innovation Officer,Africa Health Placements,,,tentative,,\r\n"
    "Prof.,Ana Müller-Łukasz,,Universität Zürich,,,,,\r\n"
    ",,,,,,,,\r\n";

  people = import_ok (project, data, -1, &notices);
  g_assert_cmpuint (people->len, ==, 3);
  g_assert_nonnull (notices);
  g_assert_null (notices[0]);

  g_assert_cmpstr (convene_speaker_get_honorific (person (people, 0)), ==, "Dr");
  g_assert_cmpstr (convene_speaker_get_name (person (people, 0)), ==, "James Campbell");
  g_assert_cmpstr (convene_speaker_get_job_title (person (people, 0)), ==, "Director");
  g_assert_cmpstr (convene_speaker_get_organisation (person (people, 0)), ==, "WHO, Geneva");
  g_assert_cmpstr (convene_speaker_get_email (person (people, 0)), ==, "jc@example.org");
  g_assert_cmpstr (convene_speaker_get_phone (person (people, 0)), ==, "+41 22 791 21 11");
  g_assert_cmpint (convene_speaker_get_status (person (people, 0)), ==, CONVENE_SPEAKER_STATUS_CONFIRMED);
  g_assert_cmpstr (convene_speaker_get_bio (person (people, 0)), ==, "Leads the \"Health Workforce\" department.");
  g_assert_cmpstr (convene_speaker_get_notes (person (people, 0)), ==, "First line\r\nsecond line");

  g_assert_cmpstr (convene_speaker_get_honorific (person (people, 1)), ==, "");
  g_assert_cmpint (convene_speaker_get_status (person (people, 1)), ==, CONVENE_SPEAKER_STATUS_TENTATIVE);
  g_assert_cmpstr (convene_speaker_get_name (person (people, 2)), ==, "Ana Müller-Łukasz");
  g_assert_cmpstr (convene_speaker_get_organisation (person (people, 2)), ==, "Universität Zürich");
  /* No status: invited. */
  g_assert_cmpint (convene_speaker_get_status (person (people, 2)), ==, CONVENE_SPEAKER_STATUS_INVITED);

  /* Fresh ids, in order, from the project; the project itself is unchanged. */
  g_assert_cmpint (convene_speaker_get_id (person (people, 0)), ==, 1);
  g_assert_cmpint (convene_speaker_get_id (person (people, 2)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project))), ==, 0);
}

static void
test_lf_no_bom_and_no_final_newline (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(GPtrArray) people = NULL;
  const char *data =
    "name,email\n"
    "\"Kanokporn\nKaojaroen\",kk@example.org\n"
    "Tamam Aloudat,\"\"";

  people = import_ok (project, data, -1, NULL);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpstr (convene_speaker_get_name (person (people, 0)), ==, "Kanokporn\nKaojaroen");
  g_assert_cmpstr (convene_speaker_get_name (person (people, 1)), ==, "Tamam Aloudat");
  g_assert_cmpstr (convene_speaker_get_email (person (people, 1)), ==, "");
}

static void
test_blank_lines_above_header (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(GPtrArray) people = import_ok (project, "\n,,\r\nName\nAnn\n", -1, NULL);

  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (convene_speaker_get_name (person (people, 0)), ==, "Ann");
}

static void
test_header_variants (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) both = NULL;
  g_autoptr(GPtrArray) semicolons = NULL;
  g_autoptr(GPtrArray) tabs = NULL;
  g_auto(GStrv) notices = NULL;
  g_auto(GStrv) job_notices = NULL;
  g_auto(GStrv) both_notices = NULL;

  /* First and last names joined; "Title" holding honorifics; "Role" and
   * an unknown column skipped with a notice; Phone then Mobile. */
  people = import_ok (project,
                      " Title ,First_Name,Last name,Role,Shoe size,Phone,Mobile,Affiliation,status\n"
                      "Dr,James,Campbell,Moderator,44,,+41 79 000 00 00,WHO,CONFIRMED\n"
                      "H.E.,Enrico,Fos,Panelist,,+41 22 1,+41 79 1,Philippines,Declined\n"
                      ",,Pillay,,,,,,\n"
                      "Ms,Teresa,Zakaria,,,,,IOM,\n",
                      -1, &notices);
  g_assert_cmpuint (people->len, ==, 4);
  g_assert_cmpstr (convene_speaker_get_honorific (person (people, 0)), ==, "Dr");
  g_assert_cmpstr (convene_speaker_get_name (person (people, 0)), ==, "James Campbell");
  g_assert_cmpstr (convene_speaker_get_job_title (person (people, 0)), ==, "");
  g_assert_cmpstr (convene_speaker_get_phone (person (people, 0)), ==, "+41 79 000 00 00");
  g_assert_cmpstr (convene_speaker_get_phone (person (people, 1)), ==, "+41 22 1");
  g_assert_cmpstr (convene_speaker_get_honorific (person (people, 1)), ==, "H.E.");
  g_assert_cmpint (convene_speaker_get_status (person (people, 1)), ==, CONVENE_SPEAKER_STATUS_DECLINED);
  g_assert_cmpstr (convene_speaker_get_name (person (people, 2)), ==, "Pillay");
  g_assert_cmpstr (convene_speaker_get_organisation (person (people, 3)), ==, "IOM");

  g_assert_true (has_notice (notices, "“ Title ” was read as the honorific"));
  g_assert_true (has_notice (notices, "“Role” was not imported"));
  g_assert_true (has_notice (notices, "“Shoe size” is not one Convene knows"));
  g_assert_true (has_notice (notices, "“Phone”, “Mobile” all give the phone number"));
  g_assert_cmpuint (g_strv_length (notices), ==, 4);

  /* "Title" holding job titles is the job title. */
  jobs = import_ok (project, "Name,Title\nJames Campbell,Director of Health Workforce\nAnn,Dr\n", -1, &job_notices);
  g_assert_cmpstr (convene_speaker_get_job_title (person (jobs, 0)), ==, "Director of Health Workforce");
  g_assert_cmpstr (convene_speaker_get_honorific (person (jobs, 0)), ==, "");
  g_assert_true (has_notice (job_notices, "was read as the job title"));

  /* With an honorific column beside it, "Title" is the job title; with a
   * job title column, the honorific. */
  both = import_ok (project, "Honorific,Name,Title\nDr,James Campbell,Dr\n", -1, &both_notices);
  g_assert_cmpstr (convene_speaker_get_job_title (person (both, 0)), ==, "Dr");
  g_clear_pointer (&both, g_ptr_array_unref);
  g_clear_pointer (&both_notices, g_strfreev);
  both = import_ok (project, "Job title,Name,Title\nCounsellor,Enrico Fos,Director\n", -1, &both_notices);
  g_assert_cmpstr (convene_speaker_get_honorific (person (both, 0)), ==, "Director");
  g_assert_cmpstr (convene_speaker_get_job_title (person (both, 0)), ==, "Counsellor");

  /* Semicolons and tabs, as some locales' spreadsheets write. */
  semicolons = import_ok (project, "Name;Organisation\n\"Campbell; James\";WHO, Geneva\n", -1, NULL);
  g_assert_cmpstr (convene_speaker_get_name (person (semicolons, 0)), ==, "Campbell; James");
  g_assert_cmpstr (convene_speaker_get_organisation (person (semicolons, 0)), ==, "WHO, Geneva");
  tabs = import_ok (project, "Name\tEmail\nJames Campbell\tjc@example.org\n", -1, NULL);
  g_assert_cmpstr (convene_speaker_get_email (person (tabs, 0)), ==, "jc@example.org");
}

static void
test_bad_rows (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) data = g_string_new (NULL);
  g_auto(GStrv) notices = NULL;
  g_autofree char *huge = g_malloc (CONVENE_MAX_TEXT_BYTES + 2);
  GPtrArray *people;
  gint64 next;

  memset (huge, 'x', CONVENE_MAX_TEXT_BYTES + 1);
  huge[CONVENE_MAX_TEXT_BYTES + 1] = '\0';

  g_string_append (data, "Name,Status,Notes\n");                      /* line 1 */
  g_string_append (data, "James Campbell,confirmed,\"two\nlines\"\n"); /* lines 2-3 */
  g_string_append (data, ",confirmed,no name\n");                      /* line 4 */
  g_string_append (data, "Stacey Pillay,maybe,\n");                    /* line 5 */
  g_string_append (data, "Bad \xC3\x28 text,,\n");                     /* line 6 */
  g_string_append_printf (data, "Long notes,,%s\n", huge);             /* line 7 */
  g_string_append (data, "Too many,,,extra\n");                        /* line 8 */
  g_string_append (data, "   ,tentative,\n");                          /* line 9 */
  g_string_append (data, "Teresa Zakaria,declined,fine\n");            /* line 10 */
  g_string_append (data, "\"Ibadat\" Dhillon,,\n");                    /* line 11 */
  g_string_append (data, "\"Never closed,,\nmore\n");                  /* line 12 */

  next = peek_next_id (project);
  people = convene_csv_import_people (project, data->str, (gssize) data->len, &notices, &error);
  g_assert_null (people);
  g_assert_null (notices);
  g_assert_error (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_BAD_ROWS);
  g_test_message ("%s", error->message);

  g_assert_true (g_str_has_prefix (error->message, "8 rows cannot be imported, so no one was imported."));
  g_assert_nonnull (strstr (error->message, "\nLine 4: the name is empty."));
  g_assert_nonnull (strstr (error->message, "\nLine 5: “maybe” is not a status; use invited, tentative, confirmed or declined."));
  g_assert_nonnull (strstr (error->message, "\nLine 6: The text for the name is not valid"));
  g_assert_nonnull (strstr (error->message, "\nLine 7: The text for the notes is too long"));
  g_assert_nonnull (strstr (error->message, "\nLine 8: it has 4 values but the header names only 3 columns."));
  g_assert_nonnull (strstr (error->message, "\nLine 9: the name is empty."));
  g_assert_nonnull (strstr (error->message, "\nLine 11: text follows a closing quote"));
  g_assert_nonnull (strstr (error->message, "\nLine 12: a quoted value is never closed"));
  g_assert_null (strstr (error->message, "Line 2"));
  g_assert_null (strstr (error->message, "Line 3"));
  g_assert_null (strstr (error->message, "Line 10"));

  /* Nothing taken: not even ids. */
  g_assert_cmpint (convene_project_new_id (project), ==, next);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project))), ==, 0);
}

static void
test_many_bad_rows (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) data = g_string_new ("Name,Status\n");
  GPtrArray *people;

  for (guint i = 0; i < 30; i++)
    g_string_append (data, "Someone,unsure\n");

  people = convene_csv_import_people (project, data->str, -1, NULL, &error);
  g_assert_null (people);
  g_assert_error (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_BAD_ROWS);
  g_assert_true (g_str_has_prefix (error->message, "30 rows cannot be imported"));
  g_assert_nonnull (strstr (error->message, "\nLine 21: "));
  g_assert_null (strstr (error->message, "\nLine 22: "));
  g_assert_true (g_str_has_suffix (error->message, "\n…and 10 more problems."));
}

static void
test_bad_files (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  static const struct {
    const char *data;
    gssize      length;
    int         code;
  } cases[] = {
    { "", 0, CONVENE_CSV_ERROR_EMPTY },
    { "\xEF\xBB\xBF", 3, CONVENE_CSV_ERROR_EMPTY },
    { "Name,Email\r\n", -1, CONVENE_CSV_ERROR_EMPTY },
    { "Name,Email\n,\n\n", -1, CONVENE_CSV_ERROR_EMPTY },
    { "Email,Phone\na@example.org,1\n", -1, CONVENE_CSV_ERROR_NO_NAME_COLUMN },
    { "\xFF\xFEN\0a\0m\0e\0", 10, CONVENE_CSV_ERROR_ENCODING },
    { "N\0a\0m\0e\0", 8, CONVENE_CSV_ERROR_ENCODING },
    { "Na\xFFme\nAnn\n", -1, CONVENE_CSV_ERROR_ENCODING },
    { "\"Name,Email\nAnn,a@example.org\n", -1, CONVENE_CSV_ERROR_BAD_ROWS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GPtrArray *people = convene_csv_import_people (project, cases[i].data, cases[i].length, NULL, &error);

      g_test_message ("case %u", i);
      g_assert_null (people);
      g_assert_error (error, CONVENE_CSV_ERROR, cases[i].code);
    }
}

static void
assert_same_speaker (ConveneSpeaker *a,
                     ConveneSpeaker *b)
{
  static const char * const properties[] = {
    "honorific", "name", "job-title", "organisation", "email", "phone", "bio", "notes",
  };

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_autofree char *x = NULL;
      g_autofree char *y = NULL;

      g_object_get (a, properties[i], &x, NULL);
      g_object_get (b, properties[i], &y, NULL);
      g_assert_cmpstr (x, ==, y);
    }
  g_assert_cmpint (convene_speaker_get_status (a), ==, convene_speaker_get_status (b));
}

static ConveneSpeaker *
add_person (ConveneProject       *project,
            const char           *name,
            ConveneSpeakerStatus  status)
{
  g_autoptr(ConveneSpeaker) speaker = convene_speaker_new (convene_project_new_id (project), name);

  convene_speaker_set_status (speaker, status);
  g_list_store_append (convene_project_get_speakers (project), speaker);
  return speaker;
}

static ConveneProject *
tricky_roster (void)
{
  ConveneProject *project = convene_project_new ();
  ConveneSpeaker *s;

  s = add_person (project, "James Campbell", CONVENE_SPEAKER_STATUS_CONFIRMED);
  convene_speaker_set_honorific (s, "Dr");
  convene_speaker_set_organisation (s, "WHO, Geneva");
  convene_speaker_set_bio (s, "Says \"hello\",\nthen \"bye\".\r\nEnd");
  convene_speaker_set_phone (s, "+41 22 791 21 11");
  convene_speaker_set_notes (s, "  padded  ");

  s = add_person (project, "=HYPERLINK(\"http://example.org\",\"x\")", CONVENE_SPEAKER_STATUS_INVITED);
  convene_speaker_set_job_title (s, "+SUM(1,2)");
  convene_speaker_set_organisation (s, "-2+3");
  convene_speaker_set_email (s, "@home");
  convene_speaker_set_phone (s, "-5");
  convene_speaker_set_notes (s, "\tindented");
  convene_speaker_set_bio (s, "'=already guarded");

  s = add_person (project, "'Quoted name'", CONVENE_SPEAKER_STATUS_TENTATIVE);
  convene_speaker_set_job_title (s, "''+1");
  convene_speaker_set_organisation (s, "'+41 22");
  convene_speaker_set_email (s, "'");
  convene_speaker_set_notes (s, "\rcarriage");

  s = add_person (project, "Kanokporn Kaojaroen", CONVENE_SPEAKER_STATUS_DECLINED);
  convene_speaker_set_organisation (s, "Organisation mondiale de la Santé; OMS");

  /* What a spreadsheet computes although it calls nothing. */
  s = add_person (project, "Number Cases", CONVENE_SPEAKER_STATUS_INVITED);
  convene_speaker_set_honorific (s, "-5.");
  convene_speaker_set_job_title (s, "=");
  convene_speaker_set_organisation (s, "-2-3");
  convene_speaker_set_email (s, "@");
  convene_speaker_set_phone (s, "+1");
  convene_speaker_set_bio (s, "-0.25");
  convene_speaker_set_notes (s, "-1 234");

  return project;
}

static void
test_round_trip (void)
{
  g_autoptr(ConveneProject) project = tricky_roster ();
  g_autoptr(ConveneProject) other = convene_project_new ();
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *again = NULL;
  GListModel *roster = G_LIST_MODEL (convene_project_get_speakers (project));
  gsize length = 0;

  csv = convene_csv_export_people (project, &length);
  g_assert_cmpuint (length, ==, strlen (csv));
  g_test_message ("%s", csv);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" CONVENE_CSV_HEADER "\r\n"));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));

  people = import_ok (other, csv, (gssize) length, NULL);
  g_assert_cmpuint (people->len, ==, g_list_model_get_n_items (roster));
  for (guint i = 0; i < people->len; i++)
    {
      g_autoptr(ConveneSpeaker) original = g_list_model_get_item (roster, i);

      assert_same_speaker (original, person (people, i));
    }

  /* And again: the same bytes. */
  for (guint i = 0; i < people->len; i++)
    g_list_store_append (convene_project_get_speakers (other), person (people, i));
  again = convene_csv_export_people (other, NULL);
  g_assert_cmpstr (again, ==, csv);
}

static void
test_formula_guard (void)
{
  g_autoptr(ConveneProject) project = tricky_roster ();
  g_autofree char *csv = convene_csv_export_people (project, NULL);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(ConveneProject) other = convene_project_new ();

  /* Quoted where needed; a phone number guarded, since a spreadsheet reads
   * "+41 22 791 21 11" as a sum with spaces and shows an error. */
  g_assert_nonnull (strstr (csv, "\r\nDr,James Campbell,,\"WHO, Geneva\",,'+41 22 791 21 11,confirmed,"
                                 "\"Says \"\"hello\"\",\nthen \"\"bye\"\".\r\nEnd\",\"  padded  \"\r\n"));
  /* Every value a spreadsheet would run starts with an apostrophe; the
   * plain negative numbers do not. */
  g_assert_nonnull (strstr (csv, "\r\n,\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\",\"'+SUM(1,2)\","
                                 "'-2+3,'@home,-5,invited,''=already guarded,\"'\tindented\"\r\n"));
  /* Apostrophes before a formula character get one more; others stay as they are. */
  g_assert_nonnull (strstr (csv, "\r\n,'Quoted name','''+1,''+41 22,',,tentative,,\"'\rcarriage\"\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n,Kanokporn Kaojaroen,,\"Organisation mondiale de la Santé; OMS\",,,declined,,\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n'-5.,Number Cases,'=,'-2-3,'@,'+1,invited,-0.25,'-1 234\r\n"));
  g_assert_null (strstr (csv, "'-5,"));

  /* What a spreadsheet user typed with an apostrophe to force text is read back as text. */
  people = import_ok (other, "Name,Phone\n'=1+1,'+41 22 791\n'Ann,'-\n", -1, NULL);
  g_assert_cmpstr (convene_speaker_get_name (person (people, 0)), ==, "=1+1");
  g_assert_cmpstr (convene_speaker_get_phone (person (people, 0)), ==, "+41 22 791");
  g_assert_cmpstr (convene_speaker_get_name (person (people, 1)), ==, "'Ann");
  g_assert_cmpstr (convene_speaker_get_phone (person (people, 1)), ==, "-");
}

static void
test_files (void)
{
  g_autoptr(ConveneProject) project = tricky_roster ();
  g_autoptr(ConveneProject) other = convene_project_new ();
  g_autofree char *dir = fixture_make_dir ();
  g_autofree char *path = g_build_filename (dir, "Roster.csv", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "Nobody.csv", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "Bad.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-folder/Roster.csv");
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notices = NULL;

  g_assert_true (convene_csv_export_people_to_file (project, file, &error));
  g_assert_no_error (error);
  people = convene_csv_import_people_file (other, file, &notices, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 5);
  g_assert_cmpuint (g_strv_length (notices), ==, 0);

  g_assert_null (convene_csv_import_people_file (other, missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Nobody.csv"));
  g_assert_nonnull (strstr (error->message, "there is no such file"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (bad_path, "Name,Status\nAnn,perhaps\n", -1, NULL));
  g_assert_null (convene_csv_import_people_file (other, bad, NULL, &error));
  g_assert_error (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_BAD_ROWS);
  g_assert_true (g_str_has_prefix (error->message, "Could not import “"));
  g_assert_nonnull (strstr (error->message, "Bad.csv”: 1 row cannot be imported"));
  g_assert_nonnull (strstr (error->message, "\nLine 2: “perhaps” is not a status"));
  g_clear_error (&error);

  g_assert_false (convene_csv_export_people_to_file (project, nowhere, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Roster.csv"));

  fixture_remove_dir (dir);
}

/* Import, then add everyone in one undoable step through the document. */
/* Opens the writing end of a pipe, which waits for a reader, then writes
 * a roster into it: what a reader that opens anything it is given gets. */
static gpointer
write_to_pipe (gpointer path)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);

  if (fd >= 0)
    {
      g_assert_cmpint (write (fd, "Name\nAnn\n", 9), ==, 9);
      close (fd);
    }
  return NULL;
}

/* Only regular files are read: a pipe would hold the window until someone
 * writes to it, a device may never end. Both are refused at once. */
static void
test_not_a_file (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autofree char *dir = fixture_make_dir ();
  g_autofree char *pipe_path = g_build_filename (dir, "Roster.csv", NULL);
  g_autoptr(GFile) pipe = g_file_new_for_path (pipe_path);
  g_autoptr(GFile) device = g_file_new_for_path ("/dev/null");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  GThread *writer;
  int fd;

  g_assert_cmpint (mkfifo (pipe_path, 0600), ==, 0);
  writer = g_thread_new ("pipe-writer", write_to_pipe, pipe_path);

  g_assert_null (convene_csv_import_people_file (project, pipe, NULL, &error));
  g_assert_error (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_NOT_A_FILE);
  g_assert_nonnull (strstr (error->message, "Could not read “"));
  g_assert_nonnull (strstr (error->message, "Roster.csv”: it is not an ordinary file"));
  g_clear_error (&error);

  /* Let the writer go. */
  fd = open (pipe_path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  g_thread_join (writer);
  close (fd);

  g_assert_null (convene_csv_import_people_file (project, device, NULL, &error));
  g_assert_error (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_NOT_A_FILE);
  g_clear_error (&error);

  g_assert_null (convene_csv_import_people_file (project, folder, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "it is a folder, not a file."));

  fixture_remove_dir (dir);
}

/* A file over the limit is refused before it is read, in sizes a planner
 * knows from the file manager. */
static void
test_too_big (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autofree char *dir = fixture_make_dir ();
  g_autofree char *path = g_build_filename (dir, "Everyone.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  int fd = open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);

  /* 80 MB without writing them: a file with a hole. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 80 * 1000 * 1000), ==, 0);
  close (fd);

  g_assert_null (convene_csv_import_people_file (project, file, NULL, &error));
  g_assert_error (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_TOO_BIG);
  g_test_message ("%s", error->message);
  /* GLib puts a no-break space between a size and its unit. */
  g_assert_nonnull (strstr (error->message, "Everyone.csv”: it is 80.0\u00A0MB, and Convene reads CSV files of up to 64.0\u00A0MB."));

  fixture_remove_dir (dir);
}

static void
test_too_many_people (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(GString) data = g_string_new ("Name\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;

  for (guint i = 0; i < CONVENE_CSV_MAX_PEOPLE; i++)
    g_string_append (data, "P\n");
  people = import_ok (project, data->str, (gssize) data->len, NULL);
  g_assert_cmpuint (people->len, ==, CONVENE_CSV_MAX_PEOPLE);

  g_string_append (data, "One more\n");
  g_assert_null (convene_csv_import_people (project, data->str, (gssize) data->len, NULL, &error));
  g_assert_error (error, CONVENE_CSV_ERROR, CONVENE_CSV_ERROR_TOO_MANY_PEOPLE);
  g_assert_nonnull (strstr (error->message, "Convene imports at most 100000 at a time"));
}

/* A spreadsheet's export with 16,384 columns, all but one empty and
 * nameless: memory follows the content (it took 190 bytes per empty field,
 * 3 GB for such a file), and one notice names the skipped columns. */
static void
test_wide_file (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(ConveneProject) project = convene_project_new ();
      g_autoptr(GString) data = g_string_new ("Name");
      g_autoptr(GPtrArray) people = NULL;
      g_auto(GStrv) notices = NULL;
      struct rusage before, after;
      g_autofree char *empty = g_malloc (16383 + 1);

      memset (empty, ',', 16383);
      empty[16383] = '\0';
      g_string_append_printf (data, "%s\r\n", empty);
      for (guint i = 0; i < 300; i++)
        g_string_append_printf (data, "Person %u%s\r\n", i + 1, empty);

      getrusage (RUSAGE_SELF, &before);
      people = import_ok (project, data->str, (gssize) data->len, &notices);
      getrusage (RUSAGE_SELF, &after);

      /* 5 MB of commas; a few MB at most besides (in KiB). */
      g_test_message ("peak grew by %ld KiB for %zu bytes", after.ru_maxrss - before.ru_maxrss, data->len);
      g_assert_cmpint (after.ru_maxrss - before.ru_maxrss, <, 64 * 1024);
      g_assert_cmpuint (people->len, ==, 300);
      g_assert_cmpstr (convene_speaker_get_name (person (people, 299)), ==, "Person 300");
      g_assert_cmpuint (g_strv_length (notices), ==, 1);
      g_assert_cmpstr (notices[0], ==, "Columns 2–16384 have no name and were skipped.");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Columns skipped for the same reason make one notice, naming a few. */
static void
test_notices (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(GPtrArray) people = NULL;
  g_auto(GStrv) notices = NULL;

  people = import_ok (project,
                      "Name,Shoe size,,Hat size,,,Glove size,Sock size,Belt size,Tie size,Role,Title,Title,Title,Title\n"
                      "Ann,44,,,,,,,,,Chair,Dr,Director,x,y\n",
                      -1, &notices);
  g_assert_cmpstr (convene_speaker_get_honorific (person (people, 0)), ==, "Dr");
  g_assert_cmpstr (convene_speaker_get_job_title (person (people, 0)), ==, "Director");
  g_assert_cmpuint (g_strv_length (notices), ==, 6);
  g_assert_true (has_notice (notices, "The column “Role” was not imported"));
  g_assert_true (has_notice (notices, "The columns “Shoe size”, “Hat size”, “Glove size”, “Sock size”, “Belt size” and 1 more are not ones Convene knows and were skipped."));
  g_assert_true (has_notice (notices, "Columns 3, 5–6 have no name and were skipped."));
  g_assert_true (has_notice (notices, "The column “Title” was read as the honorific."));
  g_assert_true (has_notice (notices, "The column “Title” was read as the job title."));
  g_assert_true (has_notice (notices, "The columns “Title”, “Title” were skipped: other columns already give the honorific and the job title."));
}

typedef struct
{
  GCancellable *cancellable;
  double        last;
  guint         calls;
  double        cancel_at;
} ProgressLog;

static void
log_progress (double   fraction,
              gpointer data)
{
  ProgressLog *log = data;

  g_assert_cmpfloat (fraction, >=, log->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  log->last = fraction;
  log->calls++;
  if (log->cancel_at > 0 && fraction >= log->cancel_at)
    g_cancellable_cancel (log->cancellable);
}

/* Reading says how far it has come, only ever forward, through the look
 * at a "Title" column too, and stops when cancelled. */
static void
test_progress_and_cancel (void)
{
  g_autoptr(GString) data = g_string_new ("Title,Name\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ConveneCsvPeople) people = NULL;
  g_autoptr(GError) error = NULL;
  ProgressLog log = { cancellable, 0.0, 0, 0.0 };

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (data, "Dr,Person %u\n", i);

  people = convene_csv_read_people (data->str, (gssize) data->len, cancellable, log_progress, &log, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (convene_csv_people_get_count (people), ==, 20000);
  g_assert_cmpuint (log.calls, >, 10);
  g_assert_cmpfloat (log.last, ==, 1.0);
  g_clear_pointer (&people, convene_csv_people_free);

  log = (ProgressLog) { cancellable, 0.0, 0, 0.75 };
  people = convene_csv_read_people (data->str, (gssize) data->len, cancellable, log_progress, &log, &error);
  g_assert_null (people);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (log.last, <, 1.0);
}

static void
test_import_into_document (void)
{
  g_autofree char *dir = fixture_make_dir ();
  g_autofree char *path = g_build_filename (dir, "Event.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(ConveneSpeaker) existing = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dumped = NULL;
  g_autofree char *expected = NULL;
  ConveneProject *project;
  GListModel *roster;

  document = convene_document_create (file, NULL, &error);
  g_assert_no_error (error);
  project = convene_document_get_project (document);
  roster = G_LIST_MODEL (convene_project_get_speakers (project));
  existing = convene_speaker_new (convene_project_new_id (project), "Already here");
  g_assert_true (convene_document_perform (document, convene_edit_add_speaker (project, existing, 0), &error));
  g_assert_no_error (error);

  people = convene_csv_import_people (project, "Name,Status\nAnn,confirmed\nBea,\nCy,declined\n", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (convene_document_perform (document, convene_edit_add_speakers (project, people, G_MAXUINT, &error), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (roster), ==, 4);

  expected = fixture_dump_project (project);
  dumped = fixture_dump_file (path);
  g_assert_cmpstr (dumped, ==, expected);

  g_assert_true (convene_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (roster), ==, 1);
  g_clear_pointer (&dumped, g_free);
  dumped = fixture_dump_file (path);
  g_clear_pointer (&expected, g_free);
  expected = fixture_dump_project (project);
  g_assert_cmpstr (dumped, ==, expected);

  /* Spliced in above someone: everyone below moves down, in the file too. */
  g_assert_true (convene_document_perform (document, convene_edit_add_speakers (project, people, 0, &error), &error));
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item (roster, 3) == (gpointer) existing);
  g_object_unref (existing);
  g_clear_pointer (&dumped, g_free);
  dumped = fixture_dump_file (path);
  g_clear_pointer (&expected, g_free);
  expected = fixture_dump_project (project);
  g_assert_cmpstr (dumped, ==, expected);

  convene_document_close (document);
  fixture_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/import/good", test_good_file);
  g_test_add_func ("/csv/import/lf", test_lf_no_bom_and_no_final_newline);
  g_test_add_func ("/csv/import/headers", test_header_variants);
  g_test_add_func ("/csv/import/blank-lines-above-header", test_blank_lines_above_header);
  g_test_add_func ("/csv/import/bad-rows", test_bad_rows);
  g_test_add_func ("/csv/import/many-bad-rows", test_many_bad_rows);
  g_test_add_func ("/csv/import/bad-files", test_bad_files);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/formula-guard", test_formula_guard);
  g_test_add_func ("/csv/files", test_files);
  g_test_add_func ("/csv/not-a-file", test_not_a_file);
  g_test_add_func ("/csv/too-big", test_too_big);
  g_test_add_func ("/csv/too-many-people", test_too_many_people);
  g_test_add_func ("/csv/wide-file", test_wide_file);
  g_test_add_func ("/csv/notices", test_notices);
  g_test_add_func ("/csv/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/csv/import-into-document", test_import_into_document);

  return g_test_run ();
}
