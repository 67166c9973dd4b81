/* Run-sheet renderer: what a stage manager reads in the PDF (through
 * pdftotext), how pages break, and how bad options and paths fail. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <cairo.h>

#include "convene-document.h"
#include "convene-live.h"
#include "convene-project.h"
#include "convene-schedule.h"
#include "convene-runsheet.h"
#include "../live-test-clock.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("convene-runsheet-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

/* Building projects */

static ConveneSpeaker *
add_speaker (ConveneProject       *project,
             const char           *honorific,
             const char           *name,
             const char           *job,
             const char           *organisation,
             ConveneSpeakerStatus  status)
{
  g_autoptr(ConveneSpeaker) speaker = convene_speaker_new (convene_project_new_id (project), name);

  convene_speaker_set_honorific (speaker, honorific);
  convene_speaker_set_job_title (speaker, job);
  convene_speaker_set_organisation (speaker, organisation);
  convene_speaker_set_status (speaker, status);
  g_list_store_append (convene_project_get_speakers (project), speaker);
  return speaker;
}

static ConveneSession *
add_session (ConveneProject *project,
             const char     *title,
             const char     *date,
             int             start,
             guint           slot)
{
  g_autoptr(ConveneSession) session =
    convene_session_new (convene_project_new_id (project), title, date, start, slot);

  g_list_store_append (convene_project_get_sessions (project), session);
  return session;
}

static ConveneSegment *
add_segment (ConveneProject     *project,
             ConveneSession     *session,
             ConveneSegment     *parent,
             ConveneSegmentKind  kind,
             const char         *title,
             guint               minutes)
{
  g_autoptr(ConveneSegment) segment =
    convene_segment_new (convene_project_new_id (project), kind, title, minutes);

  g_list_store_append (parent ? convene_segment_get_items (parent) : convene_session_get_segments (session),
                       segment);
  return segment;
}

static void
assign (ConveneProject *project,
        ConveneSpeaker *speaker,
        ConveneSegment *segment,
        ConveneRole     role)
{
  g_autoptr(ConveneAssignment) a =
    convene_assignment_new_for_segment (convene_project_new_id (project),
                                        convene_speaker_get_id (speaker),
                                        convene_segment_get_id (segment), role);

  g_list_store_append (convene_project_get_assignments (project), a);
}

static void
assign_session (ConveneProject *project,
                ConveneSpeaker *speaker,
                ConveneSession *session,
                ConveneRole     role)
{
  g_autoptr(ConveneAssignment) a =
    convene_assignment_new_for_session (convene_project_new_id (project),
                                        convene_speaker_get_id (speaker),
                                        convene_session_get_id (session), role);

  g_list_store_append (convene_project_get_assignments (project), a);
}

static void
add_outcome (ConveneProject     *project,
             ConveneSession     *session,
             ConveneOutcomeKind  kind,
             const char         *text)
{
  g_autoptr(ConveneOutcome) outcome = convene_outcome_new (convene_project_new_id (project), kind, text);

  g_list_store_append (convene_session_get_outcomes (session), outcome);
}

static const struct {
  const char *title;
  const char *name;
  const char *job;
  const char *organisation;
} panel[] = {
  { "A. Sustainable platform for multi-sectoral and international cooperation and governance to promote migrant health",
    "Enrico Fos", "Counsellor", "Philippines" },
  { "B. Manage the influx: the role of the health sector in managing large movements of refugees and migrants",
    "Santino Severoni", "Coordinator, Vulnerability and Health", "EURO" },
  { "C. Responding to the health needs of persons on the move",
    "Tamam Aloudat", "", "MSF" },
  { "D. Trends and governance of health worker migration",
    "Ibadat Dhillon", "Technical Officer, Health Workforce", "WHO" },
  { "F. Tap the talent: practical country experience on integrating migrant and refugee health workers",
    "Stacey Pillay", "Chief Innovation Officer", "Africa Health Placements, South Africa" },
  { "E. Working together across borders - experiences from West Africa",
    "Teresa Zakaria", "Migration Health Emergency Operations Officer", "IOM" },
};

static const char *questions[] = {
  "What health-related commitments could be included in the Global Compact for Safe, Orderly and "
  "Regular Migration in the context of international cooperation and governance, to effectively "
  "address health and migration?",
  "How can international cooperation and responsibility sharing better support countries with "
  "limited resources and consequent challenges in addressing domestic health needs, meet the health "
  "needs of migrants, especially when faced with large influxes?",
  "What could a sustainable platform and mechanism for multi-sectoral and international cooperation "
  "and governance on health and migration look like?",
  "What have been some good practices by countries of origin, transit and destination in national "
  "governance and international cooperation to promote the health of migrants and that of host "
  "populations?",
  "How can existing bilateral and global governance instruments on health worker migration help "
  "inform and benefit from the Global Compact for Safe, Orderly and Regular Migration?",
};

/* The side event of the concept note: 12:30 in a 90-minute slot, 93 minutes planned. */
static ConveneProject *
build_example (ConveneSession **out_session)
{
  ConveneProject *project = convene_project_new ();
  ConveneSession *session;
  ConveneSegment *opening, *panel_segment, *discussion, *closing;
  ConveneSpeaker *campbell, *kaojaroen;

  convene_project_set_title (project, "Health and migration side event");
  convene_project_set_time_zone (project, "Europe/Zurich");

  session = add_session (project, "Health and migration: international cooperation and governance",
                         "2027-05-23", 12 * 60 + 30, 90);
  opening = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_OPENING,
                         "Opening remarks and introductions by co-sponsoring country, WHO and IOM", 10);
  convene_segment_set_notes (opening, "Co-sponsoring country speaks first, then WHO, then IOM.");
  convene_segment_set_cues (opening, "House lights down; lectern mic live.");
  panel_segment = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_PANEL, "Panel", 60);
  for (guint i = 0; i < G_N_ELEMENTS (panel); i++)
    {
      ConveneSegment *item = add_segment (project, session, panel_segment,
                                          CONVENE_SEGMENT_KIND_PRESENTATION, panel[i].title, 10);
      ConveneSpeaker *speaker = add_speaker (project, "", panel[i].name, panel[i].job,
                                             panel[i].organisation, CONVENE_SPEAKER_STATUS_CONFIRMED);

      assign (project, speaker, item, CONVENE_ROLE_PRESENTER);
    }
  discussion = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_DISCUSSION,
                            "Moderated discussion", 20);
  closing = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_CLOSING, "Closing remarks", 3);
  (void) discussion;
  (void) closing;

  campbell = add_speaker (project, "Dr", "James Campbell", "", "WHO", CONVENE_SPEAKER_STATUS_CONFIRMED);
  kaojaroen = add_speaker (project, "", "Kanokporn Kaojaroen", "", "WHO", CONVENE_SPEAKER_STATUS_CONFIRMED);
  assign_session (project, campbell, session, CONVENE_ROLE_MODERATOR);
  assign_session (project, kaojaroen, session, CONVENE_ROLE_MODERATOR);

  add_outcome (project, session, CONVENE_OUTCOME_KIND_OBJECTIVE,
               "Provide a multisectoral dialogue for international cooperation and governance "
               "with regards to health and migration");
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    add_outcome (project, session, CONVENE_OUTCOME_KIND_GUIDING_QUESTION, questions[i]);

  if (out_session)
    *out_session = session;
  return project;
}

static ConveneRunsheetOptions *
fixed_options (void)
{
  ConveneRunsheetOptions *options = convene_runsheet_options_new ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2027, 5, 20, 9, 15, 0);

  convene_runsheet_options_set_printed_at (options, when);
  return options;
}

/* Reading the PDF back */

static char *
pdf_to_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_autofree char *program = g_find_program_in_path ("pdftotext");

  if (program == NULL)
    {
      g_test_message ("pdftotext (Debian package poppler-utils) is needed to read the PDF back");
      g_test_fail ();
      return g_strdup ("");
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

static char *
export_to_text (Fixture                *f,
                ConveneProject         *project,
                ConveneRunsheetOptions *options,
                const char             *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *keep = g_getenv ("CONVENE_SHOTS_DIR");

  convene_runsheet_export_pdf (project, options, file, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* For looking at the pages: keep a copy where the caller asked. */
  if (keep != NULL && *keep != '\0')
    {
      g_autofree char *copy = g_build_filename (keep, name, NULL);
      g_autoptr(GFile) dest = g_file_new_for_path (copy);

      g_mkdir_with_parents (keep, 0755);
      g_file_copy (file, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  return pdf_to_text (path);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;
  size_t len = strlen (needle);

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + len, needle))
    n++;
  return n;
}

static const char *
find_bytes (const char *data,
            gsize       length,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* pdftotext ends each page with a form feed. */
static char **
split_pages (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "\f", -1);
  guint n = g_strv_length (parts);
  GPtrArray *pages = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (parts[i]));

      /* After the last form feed there is nothing but the end of the text. */
      if (i == n - 1 && *stripped == '\0')
        break;
      g_ptr_array_add (pages, g_strdup (parts[i]));
    }
  g_ptr_array_add (pages, NULL);
  return (char **) g_ptr_array_free (pages, FALSE);
}

/* needle appears in the line holding anchor or one of the next lines. */
static gboolean
near (const char *text,
      const char *anchor,
      const char *needle,
      guint       lines)
{
  const char *p = strstr (text, anchor);
  const char *end;

  if (p == NULL)
    return FALSE;
  while (p > text && p[-1] != '\n')
    p--;
  end = p;
  for (guint i = 0; i <= lines && end != NULL && *end; i++)
    {
      end = strchr (end, '\n');
      if (end)
        end++;
    }
  if (end == NULL)
    end = p + strlen (p);
  return g_strstr_len (p, end - p, needle) != NULL;
}

/* Tests */

static void
test_example_content (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ConveneProject) project = build_example (NULL);
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  g_autofree char *text = export_to_text (f, project, options, "example.pdf");
  const char *times[] = { "12:30", "12:40", "13:40", "14:00", "14:03" };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    g_assert_nonnull (strstr (text, times[i]));

  /* The item times inside the panel, in the venue's zone (tests run in UTC). */
  g_assert_nonnull (strstr (text, "12:40–12:50"));
  g_assert_nonnull (strstr (text, "13:30–13:40"));
  g_assert_nonnull (strstr (text, "13:40–14:00"));
  g_assert_nonnull (strstr (text, "14:00–14:03"));

  g_assert_nonnull (strstr (text, "93 min planned in a 90 min slot: 3 min over"));
  g_assert_nonnull (strstr (text, "3 min over"));
  g_assert_nonnull (strstr (text, "Sunday 23 May 2027"));
  g_assert_nonnull (strstr (text, "12:30–14:00"));
  g_assert_nonnull (strstr (text, "90 min slot"));
  /* The long session title wraps in the header. */
  g_assert_true (near (text, "Health and migration: international cooperation", "governance", 1));
  g_assert_nonnull (strstr (text, "Moderated discussion"));
  g_assert_nonnull (strstr (text, "Closing remarks"));
  g_assert_nonnull (strstr (text, "10 min"));
  g_assert_nonnull (strstr (text, "60 min"));
  g_assert_nonnull (strstr (text, "3 min"));

  for (guint i = 0; i < G_N_ELEMENTS (panel); i++)
    {
      /* A long organisation may wrap after its first part. */
      g_auto(GStrv) parts = g_strsplit (panel[i].organisation, ",", 2);

      g_assert_true (near (text, panel[i].name, parts[0], 2));
      g_assert_cmpuint (count (text, panel[i].name), ==, 1);
    }

  g_assert_true (near (text, "Dr James Campbell", "WHO", 0));
  g_assert_true (near (text, "Kanokporn Kaojaroen", "WHO", 1));
  g_assert_nonnull (strstr (text, "Moderators:"));
  /* Everyone confirmed: nothing is to be confirmed. */
  g_assert_null (strstr (text, "TBC"));

  /* Notes and cues are included by default. */
  g_assert_nonnull (strstr (text, "Co-sponsoring country speaks first"));
  g_assert_nonnull (strstr (text, "House lights down"));

  g_assert_nonnull (strstr (text, "Page 1 of 1"));
  g_assert_nonnull (strstr (text, "Printed 20 May 2027, 09:15"));
  g_assert_cmpuint (count (text, "\f"), ==, 1);
}

/* The clock ranges "HH:MM–HH:MM" of text in reading order, as minutes. */
static GArray *
read_ranges (const char *text)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (int) * 2);
  g_autoptr(GRegex) regex = g_regex_new ("([0-9]{2}):([0-9]{2})–([0-9]{2}):([0-9]{2})", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      int range[2];
      g_autofree char *h1 = g_match_info_fetch (match, 1);
      g_autofree char *m1 = g_match_info_fetch (match, 2);
      g_autofree char *h2 = g_match_info_fetch (match, 3);
      g_autofree char *m2 = g_match_info_fetch (match, 4);

      range[0] = atoi (h1) * 60 + atoi (m1);
      range[1] = atoi (h2) * 60 + atoi (m2);
      g_array_append_vals (ranges, range, 1);
      g_match_info_next (match, NULL);
    }
  return ranges;
}

/* The six talks at 15 minutes each, 90 in a panel meant to last 60: on the
 * run sheet no time overlaps another's (two ranges are apart or one holds
 * the other, as a panel holds its talks), reading down never goes back in
 * time, the panel says by how much its talks miss its target and the fit
 * line counts them. */
static void
test_group_over_target (Fixture       *f,
                        gconstpointer  data)
{
  ConveneSession *session = NULL;
  g_autoptr(ConveneProject) project = build_example (&session);
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  g_autoptr(ConveneSegment) panel_segment =
    g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 1);
  GListModel *talks = G_LIST_MODEL (convene_segment_get_items (panel_segment));
  g_autofree char *text = NULL;
  g_autoptr(GArray) ranges = NULL;

  convene_segment_set_has_target (panel_segment, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr(ConveneSegment) talk = g_list_model_get_item (talks, i);

      convene_segment_set_duration (talk, 15);
    }
  text = export_to_text (f, project, options, "over-target.pdf");

  ranges = read_ranges (text);
  /* The session's own 12:30–14:00 in its heading, then every row. */
  g_assert_cmpuint (ranges->len, ==, 1 + 4 + 6);
  for (guint i = 1; i < ranges->len; i++)
    {
      const int *a = &g_array_index (ranges, int, 2 * i);

      g_assert_cmpint (a[0], <=, a[1]);
      if (i > 1)
        g_assert_cmpint (a[0], >=, g_array_index (ranges, int, 2 * (i - 1)));
      for (guint j = 1; j < i; j++)
        {
          const int *b = &g_array_index (ranges, int, 2 * j);
          gboolean apart = a[0] >= b[1] || b[0] >= a[1];
          gboolean nested = (b[0] <= a[0] && a[1] <= b[1]) || (a[0] <= b[0] && b[1] <= a[1]);

          if (!apart && !nested)
            g_error ("%02d:%02d–%02d:%02d overlaps %02d:%02d–%02d:%02d on the run sheet",
                     a[0] / 60, a[0] % 60, a[1] / 60, a[1] % 60, b[0] / 60, b[0] % 60, b[1] / 60, b[1] % 60);
        }
    }

  g_assert_nonnull (strstr (text, "12:40–14:10"));
  g_assert_nonnull (strstr (text, "13:55–14:10"));
  g_assert_nonnull (strstr (text, "14:10–14:30"));
  g_assert_null (strstr (text, "13:40–14:00"));
  g_assert_true (near (text, "Panel", "30 min over its 60 min target", 2));
  g_assert_nonnull (strstr (text, "123 min planned in a 90 min slot: 33 min over"));
}

static void
test_example_sections (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ConveneProject) project = build_example (NULL);
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  ConveneSpeaker *pillay;
  guint call_pages = 0;

  pillay = g_list_model_get_item (G_LIST_MODEL (convene_project_get_speakers (project)), 4);
  g_assert_cmpstr (convene_speaker_get_name (pillay), ==, "Stacey Pillay");
  convene_speaker_set_phone (pillay, "+27 21 000 0000");
  convene_speaker_set_email (pillay, "stacey@example.org");
  g_object_unref (pillay);

  convene_runsheet_options_set_contact_sheet (options, TRUE);
  convene_runsheet_options_set_outcomes_checklist (options, TRUE);
  convene_runsheet_options_set_moderator_card (options, TRUE);
  convene_runsheet_options_set_call_sheets (options, TRUE);
  text = export_to_text (f, project, options, "example-sections.pdf");
  pages = split_pages (text);

  /* Contact sheet: phone, email and the person's time on stage. */
  g_assert_nonnull (strstr (text, "SPEAKER CONTACT SHEET"));
  g_assert_nonnull (strstr (text, "+27 21 000 0000"));
  g_assert_nonnull (strstr (text, "stacey@example.org"));
  g_assert_true (near (text, "+27 21 000 0000", "13:20–13:30", 0));

  /* Outcomes checklist and the guiding questions on the moderator card. */
  g_assert_nonnull (strstr (text, "OUTCOMES CHECKLIST"));
  g_assert_nonnull (strstr (text, "Provide a multisectoral dialogue"));
  g_assert_nonnull (strstr (text, "MODERATOR CARD"));
  g_assert_nonnull (strstr (text, "Guiding questions"));
  g_assert_nonnull (strstr (text, "Running order"));
  g_assert_nonnull (strstr (text, "look like?"));

  /* A call sheet per person (6 panellists, 2 moderators), each on its own page. */
  for (guint i = 0; pages[i] != NULL; i++)
    {
      guint n = count (pages[i], "CALL SHEET");

      g_assert_cmpuint (n, <=, 1);
      call_pages += n;
    }
  g_assert_cmpuint (call_pages, ==, 8);
  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], "CALL SHEET") && strstr (pages[i], "Teresa Zakaria"))
      {
        g_assert_nonnull (strstr (pages[i], "13:30–13:40"));
        g_assert_nonnull (strstr (pages[i], "Presenter"));
        g_assert_null (strstr (pages[i], "Stacey Pillay"));
      }

  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, g_strv_length (pages));

      g_assert_nonnull (strstr (pages[i], footer));
    }

  /* Bookmarks: the session, its sections, each call sheet. */
  {
    g_autofree char *path = g_build_filename (f->dir, "example-sections.pdf", NULL);
    g_autofree char *pdf = NULL;
    gsize length;

    /* PDF is binary: search bytes, not a C string. */
    g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
    g_assert_nonnull (find_bytes (pdf, length, "/Title (Speaker contact sheet)"));
    g_assert_nonnull (find_bytes (pdf, length, "/Title (Moderator card)"));
    g_assert_nonnull (find_bytes (pdf, length, "/Title (Call sheet: Teresa Zakaria)"));
  }
}

static ConveneSegment *
top_segment (ConveneSession *session,
             guint           n)
{
  g_autoptr(ConveneSegment) segment =
    g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), n);
  return segment;
}

static void
link_outcome (ConveneProject *project,
              ConveneSession *session,
              guint           outcome_index,
              ConveneSegment *segment)
{
  g_autoptr(ConveneOutcome) outcome =
    g_list_model_get_item (G_LIST_MODEL (convene_session_get_outcomes (session)), outcome_index);
  g_autoptr(ConveneOutcomeLink) link =
    convene_outcome_link_new (convene_project_new_id (project), convene_outcome_get_id (outcome),
                              convene_segment_get_id (segment));

  g_list_store_append (convene_project_get_outcome_links (project), link);
}

/* The checklist names the segments that serve each item, at their start
 * times, in the order they were linked. */
static void
test_outcome_links (Fixture       *f,
                    gconstpointer  data)
{
  ConveneSession *session = NULL;
  g_autoptr(ConveneProject) project = build_example (&session);
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  g_autofree char *text = NULL;
  const char *checklist;
  ConveneSegment *panel_segment = top_segment (session, 1);
  ConveneSegment *discussion = top_segment (session, 2);

  /* The objective: discussion first, then the panel; question 3: the discussion. */
  link_outcome (project, session, 0, discussion);
  link_outcome (project, session, 0, panel_segment);
  link_outcome (project, session, 3, discussion);

  convene_runsheet_options_set_outcomes_checklist (options, TRUE);
  text = export_to_text (f, project, options, "outcome-links.pdf");
  /* The checklist comes last and runs to the end. */
  checklist = strstr (text, "OUTCOMES CHECKLIST");
  g_assert_nonnull (checklist);

  /* 12:40 the panel, 13:40 the moderated discussion. */
  g_assert_true (near (checklist, "Provide a multisectoral dialogue", "13:40", 3));
  g_assert_true (near (checklist, "Provide a multisectoral dialogue", "Moderated discussion", 3));
  g_assert_true (near (checklist, "Provide a multisectoral dialogue", "12:40", 3));
  g_assert_true (strstr (checklist, "13:40") < strstr (checklist, "12:40"));
  g_assert_true (near (checklist, "sustainable platform", "Moderated discussion", 3));
  /* Three links, three segment names: the unlinked questions name none. */
  g_assert_cmpuint (count (checklist, "Moderated discussion"), ==, 2);
  g_assert_cmpuint (count (checklist, "12:40"), ==, 1);
}

static void
test_people_status (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  ConveneSession *session = add_session (project, "Status check", "2027-05-24", 9 * 60, 30);
  ConveneSegment *talk = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_PRESENTATION, "Talk", 15);
  ConveneSegment *panel_segment = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_KEYNOTE, "Keynote", 10);
  ConveneSpeaker *tentative = add_speaker (project, "", "Una Tentative", "", "Org T",
                                           CONVENE_SPEAKER_STATUS_TENTATIVE);
  ConveneSpeaker *invited = add_speaker (project, "", "Ivo Invited", "", "Org I",
                                         CONVENE_SPEAKER_STATUS_INVITED);
  ConveneSpeaker *declined = add_speaker (project, "", "Dora Declined", "", "Org D",
                                          CONVENE_SPEAKER_STATUS_DECLINED);
  g_autofree char *text = NULL;

  assign (project, tentative, talk, CONVENE_ROLE_PRESENTER);
  assign (project, invited, talk, CONVENE_ROLE_DISCUSSANT);
  assign (project, declined, talk, CONVENE_ROLE_CHAIR);
  (void) panel_segment;

  text = export_to_text (f, project, options, "status.pdf");
  g_assert_true (near (text, "Una Tentative", "TBC", 0));
  g_assert_true (near (text, "Ivo Invited", "TBC", 0));
  g_assert_false (near (text, "Dora Declined", "TBC", 0));
  g_assert_true (near (text, "Dora Declined", "DECLINED", 0));
  /* A keynote with nobody assigned says so. */
  g_assert_nonnull (strstr (text, "Nobody assigned yet"));
  /* 25 minutes in a 30-minute slot. */
  g_assert_nonnull (strstr (text, "25 min planned in a 30 min slot: 5 min under"));
}

static ConveneProject *
build_long (guint            n_segments,
            ConveneSession **out_session)
{
  ConveneProject *project = convene_project_new ();
  ConveneSession *session;
  ConveneSpeaker *speakers[7];
  const char *names[7] = { "Enrico Fos", "Santino Severoni", "Tamam Aloudat", "Ibadat Dhillon",
                           "Stacey Pillay", "Teresa Zakaria", "James Campbell" };

  convene_project_set_title (project, "Long programme");
  convene_project_set_time_zone (project, "UTC");
  session = add_session (project, "Marathon session", "2027-06-01", 8 * 60, 600);
  for (guint i = 0; i < G_N_ELEMENTS (speakers); i++)
    speakers[i] = add_speaker (project, "", names[i], "", "Org", CONVENE_SPEAKER_STATUS_CONFIRMED);

  for (guint i = 0; i < n_segments; i++)
    {
      g_autofree char *title = g_strdup_printf ("Topic-%04u: health and migration governance", i + 1);
      g_autofree char *notes = g_strdup_printf ("Note-%04u lapel mic; slides from USB; timekeeper shows "
                                                "the two-minute card", i + 1);
      ConveneSegment *segment = add_segment (project, session, NULL,
                                             CONVENE_SEGMENT_KIND_PRESENTATION, title, 1 + i % 5);

      if (i % 3 == 0)
        convene_segment_set_notes (segment, notes);
      assign (project, speakers[i % 7], segment, CONVENE_ROLE_PRESENTER);
    }

  if (out_session)
    *out_session = session;
  return project;
}

static void
test_pagination (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ConveneProject) project = build_long (300, NULL);
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  g_autoptr(ConveneRunsheet) sheet = convene_runsheet_new (project, options);
  g_autoptr(GError) error = NULL;
  PangoContext *context = convene_runsheet_create_pango_context ();
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  g_assert_true (convene_runsheet_layout (sheet, context, 595.28, 841.89, &error));
  g_assert_no_error (error);
  g_object_unref (context);
  n_pages = convene_runsheet_get_n_pages (sheet);
  g_assert_cmpuint (n_pages, >=, 4);

  text = export_to_text (f, project, options, "long.pdf");
  pages = split_pages (text);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages);

  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

      /* The session and the column titles head every page. */
      g_assert_nonnull (strstr (pages[p], "Marathon session"));
      g_assert_nonnull (strstr (pages[p], "TIME"));
      g_assert_nonnull (strstr (pages[p], "ITEM"));
      g_assert_nonnull (strstr (pages[p], "WHO"));
      g_assert_cmpuint (count (pages[p], footer), ==, 1);
      if (p > 0)
        g_assert_nonnull (strstr (pages[p], "(continued)"));
    }

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *title = g_strdup_printf ("Topic-%04u", i + 1);
      g_autofree char *note = g_strdup_printf ("Note-%04u", i + 1);
      guint on_page = G_MAXUINT;

      g_assert_cmpuint (count (text, title), ==, 1);
      for (guint p = 0; p < n_pages; p++)
        if (strstr (pages[p], title))
          on_page = p;
      g_assert_cmpuint (on_page, <, n_pages);
      /* No row is split: its note is on the page of its title. */
      if (i % 3 == 0)
        {
          g_assert_cmpuint (count (text, note), ==, 1);
          g_assert_nonnull (strstr (pages[on_page], note));
        }
    }
}

/* A segment's items run over a page break: the segment is named again. */
static void
test_group_across_pages (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  ConveneSession *session = add_session (project, "Long panel", "2027-06-02", 9 * 60, 200);
  ConveneSegment *parent = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_PANEL,
                                        "Grand panel of many voices", 160);
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;

  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *title = g_strdup_printf ("Voice-%02u speaks about cooperation", i + 1);

      add_segment (project, session, parent, CONVENE_SEGMENT_KIND_PRESENTATION, title, 2);
    }

  text = export_to_text (f, project, options, "group.pdf");
  pages = split_pages (text);
  g_assert_cmpuint (g_strv_length (pages), >=, 2);
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *title = g_strdup_printf ("Voice-%02u", i + 1);

      g_assert_cmpuint (count (text, title), ==, 1);
    }
  g_assert_nonnull (strstr (pages[1], "Grand panel of many voices (continued)"));
  g_assert_nonnull (strstr (text, "09:00–11:40"));
  g_assert_nonnull (strstr (text, "11:38–11:40"));
}

static void
test_huge_row (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  ConveneSession *session = add_session (project, "Briefing", "2027-06-03", 10 * 60, 60);
  ConveneSegment *segment;
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_words = 2500;

  add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_OPENING, "Welcome", 5);
  segment = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_DISCUSSION, "Security briefing", 30);
  add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_CLOSING, "Wrap-up", 5);
  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (note, "w%04u%s", i, i % 40 == 39 ? "\n" : " ");
  convene_segment_set_notes (segment, note->str);

  text = export_to_text (f, project, options, "huge.pdf");
  pages = split_pages (text);
  g_assert_cmpuint (g_strv_length (pages), >=, 3);

  /* Every word once, in order: nothing lost, nothing drawn twice. */
  {
    const char *p = text;

    for (guint i = 0; i < n_words; i++)
      {
        char word[16];
        const char *at;

        g_snprintf (word, sizeof word, "w%04u", i);
        g_assert_cmpuint (count (text, word), ==, 1);
        at = strstr (text, word);
        g_assert_true (at >= p);
        p = at;
      }
  }

  g_assert_cmpuint (count (text, "Security briefing"), ==, 1);
  /* Later parts say what they continue. */
  for (guint i = 1; i + 1 < g_strv_length (pages); i++)
    g_assert_true (near (pages[i], "10:05–10:35", "(continued)", 1));
  g_assert_nonnull (strstr (pages[g_strv_length (pages) - 1], "Wrap-up"));
  g_assert_nonnull (strstr (pages[0], "Welcome"));
}

/* A first row longer than a page still starts under its session's header. */
static void
test_huge_first_row (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  ConveneSession *session = add_session (project, "Evacuation drill", "2027-06-03", 10 * 60, 60);
  ConveneSegment *segment;
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;

  segment = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_CUSTOM, "Drill briefing", 30);
  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (note, "x%04u ", i);
  convene_segment_set_notes (segment, note->str);

  text = export_to_text (f, project, options, "huge-first.pdf");
  pages = split_pages (text);
  g_assert_cmpuint (g_strv_length (pages), >=, 2);
  g_assert_nonnull (strstr (pages[0], "Evacuation drill"));
  g_assert_nonnull (strstr (pages[0], "TIME"));
  g_assert_nonnull (strstr (pages[0], "Drill briefing"));
  g_assert_nonnull (strstr (pages[0], "x0000"));
  g_assert_cmpuint (count (text, "x1499"), ==, 1);
}

/* Where the words are: pdftotext -bbox gives each word's box in points,
 * page by page. */

typedef struct {
  double y0, y1;
  char  *text;
} Word;

static void
word_free (Word *word)
{
  g_free (word->text);
  g_free (word);
}

static double
attribute (const char *tag,
           const char *name)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *p = strstr (tag, key);

  g_assert_nonnull (p);
  return g_ascii_strtod (p + strlen (key), NULL);
}

/* An array of pages, each an array of Word. */
static GPtrArray *
pdf_words (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *page = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  /* A line for each page and each word: short strings to search (and cut
   * out with memchr(), which does not go over the rest of the text). */
  for (const char *at = out, *stop = out + strlen (out); at < stop;)
    {
      const char *newline = memchr (at, '\n', stop - at);
      g_autofree char *line = g_strndup (at, newline ? newline - at : stop - at);
      const char *p = line + strspn (line, " ");

      at = newline ? newline + 1 : stop;

      if (g_str_has_prefix (p, "<page "))
        {
          page = g_ptr_array_new_with_free_func ((GDestroyNotify) word_free);
          g_ptr_array_add (pages, page);
        }
      else if (g_str_has_prefix (p, "<word "))
        {
          const char *close = strchr (p, '>');
          const char *end = strstr (p, "</word>");
          g_autofree char *tag = NULL;
          Word *word = g_new0 (Word, 1);

          g_assert_nonnull (page);
          g_assert_nonnull (close);
          g_assert_nonnull (end);
          tag = g_strndup (p, close - p);
          word->y0 = attribute (tag, "yMin");
          word->y1 = attribute (tag, "yMax");
          word->text = g_strndup (close + 1, end - close - 1);
          g_ptr_array_add (page, word);
        }
    }

  return pages;
}

/* Nothing but the footer reaches the footer's rule, on any page: the rule
 * lies 0.4 em above the footer's text, "Printed 20 May 2027, 09:15" and
 * "Page N of M" (fixed_options()). Returns the number of pages. */
static guint
assert_nothing_over_footer (const char *pdf,
                            double      base)
{
  g_autoptr(GPtrArray) pages = pdf_words (pdf);

  for (guint p = 0; p < pages->len; p++)
    {
      GPtrArray *words = g_ptr_array_index (pages, p);
      g_autofree char *page = g_strdup_printf ("%u", p + 1);
      g_autofree char *of = g_strdup_printf ("%u", pages->len);
      const char *footer[] = { "Printed", "20", "May", "2027,", "09:15", "Page", page, "of", of };
      Word *printed = NULL;
      double rule;
      guint in_footer = 0;

      for (guint i = 0; i < words->len; i++)
        {
          Word *word = g_ptr_array_index (words, i);

          if (g_str_equal (word->text, "Printed") && (printed == NULL || word->y0 > printed->y0))
            printed = word;
        }
      g_assert_nonnull (printed);
      rule = printed->y0 - 0.4 * base;

      for (guint i = 0; i < words->len; i++)
        {
          Word *word = g_ptr_array_index (words, i);
          gboolean footer_word = FALSE;

          if (word->y1 <= rule)
            continue;
          for (guint k = 0; k < G_N_ELEMENTS (footer); k++)
            footer_word |= g_str_equal (word->text, footer[k]);
          if (!footer_word || word->y0 < printed->y0 - 0.5)
            g_error ("page %u of %s: \"%.40s\" reaches down to %.1f pt, over the footer rule at %.1f pt",
                     p + 1, pdf, word->text, word->y1, rule);
          in_footer++;
        }
      g_assert_cmpuint (in_footer, ==, G_N_ELEMENTS (footer));
    }

  return pages->len;
}

/* Exports, checks the footer of every page, and returns the number of
 * pages and, if out_text is given, the text. */
static guint
export_pages (Fixture                *f,
              ConveneProject         *project,
              ConveneRunsheetOptions *options,
              const char             *name,
              char                  **out_text)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *text = export_to_text (f, project, options, name);

  if (out_text != NULL)
    *out_text = g_steal_pointer (&text);
  return assert_nothing_over_footer (path, convene_runsheet_options_get_font_size (options));
}

static void
all_sections (ConveneRunsheetOptions *options)
{
  convene_runsheet_options_set_contact_sheet (options, TRUE);
  convene_runsheet_options_set_outcomes_checklist (options, TRUE);
  convene_runsheet_options_set_moderator_card (options, TRUE);
  convene_runsheet_options_set_call_sheets (options, TRUE);
}

/* A session titled with 10,000 characters: the title is shown in full once,
 * in the session's header; the headers of later pages and of the sections
 * restate it in a line or a few, so the run sheet does not grow with it. */
static void
test_long_title (Fixture       *f,
                 gconstpointer  data)
{
  ConveneSession *session;
  g_autoptr(ConveneProject) project = build_long (120, &session);
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *text = NULL;
  ConveneSegment *parent;
  guint normal, n_pages;

  parent = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_PANEL, "Panel of many voices", 100);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *item = g_strdup_printf ("Voice-%02u speaks", i + 1);

      add_segment (project, session, parent, CONVENE_SEGMENT_KIND_PRESENTATION, item, 2);
    }
  all_sections (options);
  normal = export_pages (f, project, options, "short-title.pdf", NULL);

  while (title->len < 5000)
    g_string_append (title, "Governance ");
  g_string_append (title, "Midpoint ");
  while (title->len < 10000)
    g_string_append (title, "Governance ");
  g_string_truncate (title, 10000);
  convene_session_set_title (session, title->str);
  n_pages = export_pages (f, project, options, "long-title.pdf", &text);

  /* The session's header shows it all, a few pages of it; nothing else
   * shows its middle. */
  g_assert_cmpuint (count (text, "Midpoint"), ==, 1);
  g_assert_cmpuint (n_pages, <=, normal + 8);
}

/* Text made to break layout: words of thousands of letters, letters under
 * stacks of combining marks, right-to-left and left-to-right mixed, notes at
 * the 64 KiB limit. Everything still fits its pages, and the pages hold a
 * fair amount of it each. */

static void
append_until (GString    *s,
              const char *unit,
              gsize       bytes)
{
  while (s->len + strlen (unit) <= bytes)
    g_string_append (s, unit);
}

static char *
hostile_text (guint kind,
              gsize bytes)
{
  GString *s = g_string_new (NULL);

  switch (kind % 4)
    {
    case 0: /* one word, no space to break at */
      append_until (s, "Donaudampfschifffahrtsgesellschaftskapitän", bytes);
      break;
    case 1: /* each letter under six marks, above and below */
      append_until (s, "a\u0301\u0316\u0308\u0323\u030A\u0331 ", bytes);
      break;
    case 2: /* Hebrew, Arabic and Latin in one paragraph */
      append_until (s, "שלום עולם مرحبا بالعالم hello world 2027 ", bytes);
      break;
    default: /* all of them, in lines */
      append_until (s, "سلام\u0651\u064E Zürich-Genève-Wien-שלום-Ω\u0342\u0345 42\n", bytes);
      break;
    }
  return g_string_free (s, FALSE);
}

static void
test_hostile_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  g_autofree char *session_title = hostile_text (2, 2000);
  g_autofree char *parent_title = hostile_text (0, 3000);
  ConveneSession *session;
  ConveneSegment *parent;
  ConveneSpeaker *people[3];
  gsize text_bytes = 0;
  guint n_pages;

  convene_project_set_title (project, "مشروع Projekt פרויקט");
  convene_project_set_time_zone (project, "UTC");
  session = add_session (project, session_title, "2027-06-05", 9 * 60, 240);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *name = hostile_text (i, 600);
      g_autofree char *organisation = hostile_text (i + 1, 300);

      people[i] = add_speaker (project, "", name, "", organisation, CONVENE_SPEAKER_STATUS_CONFIRMED);
      assign_session (project, people[i], session, CONVENE_ROLE_MODERATOR);
      text_bytes += strlen (name) + strlen (organisation);
    }

  parent = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_PANEL, parent_title, 60);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *title = hostile_text (i, 1500);
      g_autofree char *notes = hostile_text (i, 64 * 1024);
      g_autofree char *cues = hostile_text (i + 1, 2000);
      ConveneSegment *segment = add_segment (project, session, i < 2 ? parent : NULL,
                                             CONVENE_SEGMENT_KIND_PRESENTATION, title, 15);

      convene_segment_set_notes (segment, notes);
      convene_segment_set_cues (segment, cues);
      assign (project, people[i % 3], segment, CONVENE_ROLE_PRESENTER);
      text_bytes += strlen (title) + strlen (notes) + strlen (cues);
    }
  add_outcome (project, session, CONVENE_OUTCOME_KIND_GUIDING_QUESTION, parent_title);
  all_sections (options);

  n_pages = export_pages (f, project, options, "hostile.pdf", NULL);
  /* A page of notes holds some 4,000 bytes of this text, and the call
   * sheets print each person's notes once more: a run sheet of more than a
   * page per 1,000 bytes would have pages nearly empty. */
  g_test_message ("%u pages for %" G_GSIZE_FORMAT " bytes of text", n_pages, text_bytes);
  g_assert_cmpuint (n_pages, <=, text_bytes / 1000);
}

static void
test_scripts (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  ConveneSession *session = add_session (project, "الصحة والهجرة", "2027-06-04", 14 * 60, 45);
  ConveneSegment *segment;
  ConveneSpeaker *speaker;
  g_autofree char *text = NULL;
  g_autoptr(GString) long_cjk = g_string_new (NULL);

  segment = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_OPENING, "会议开幕致辞", 10);
  for (guint i = 0; i < 60; i++)
    g_string_append (long_cjk, "移民健康合作");
  convene_segment_set_notes (segment, long_cjk->str);
  speaker = add_speaker (project, "", "王小明", "", "世界卫生组织", CONVENE_SPEAKER_STATUS_CONFIRMED);
  assign (project, speaker, segment, CONVENE_ROLE_OPENING_REMARKS);
  segment = add_segment (project, session, NULL, CONVENE_SEGMENT_KIND_DISCUSSION, "نقاش مفتوح حول صحة المهاجرين", 30);
  speaker = add_speaker (project, "", "سارة أحمد", "", "المنظمة الدولية للهجرة", CONVENE_SPEAKER_STATUS_CONFIRMED);
  assign (project, speaker, segment, CONVENE_ROLE_MODERATOR);

  text = export_to_text (f, project, options, "scripts.pdf");
  g_assert_nonnull (strstr (text, "会议开幕致辞"));
  g_assert_nonnull (strstr (text, "王小明"));
  g_assert_nonnull (strstr (text, "世界卫生组织"));
  /* The long unbroken CJK note wraps inside its column: all 60 repeats are there. */
  {
    g_autoptr(GString) joined = g_string_new (NULL);

    for (const char *p = text; *p; p++)
      if (*p != '\n' && *p != ' ')
        g_string_append_c (joined, *p);
    g_assert_cmpuint (count (joined->str, "移民健康合作"), >=, 55);
  }
  /* Arabic is shaped and extracted (poppler gives it back in reading order). */
  g_assert_nonnull (strstr (text, "14:00–14:10"));
  g_assert_true (strstr (text, "المهاجرين") != NULL || strstr (text, "ﻦﻳﺮﺟﺎﻬﻤﻟﺍ") != NULL);
}

static void
test_twelve_hour (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ConveneProject) project = build_example (NULL);
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  g_autofree char *text = NULL;

  convene_runsheet_options_set_use_12h (options, TRUE);
  convene_runsheet_options_set_include_notes (options, FALSE);
  text = export_to_text (f, project, options, "twelve.pdf");
  g_assert_nonnull (strstr (text, "12:30 PM"));
  g_assert_nonnull (strstr (text, "2:03 PM"));
  g_assert_null (strstr (text, "14:03"));
  g_assert_null (strstr (text, "Co-sponsoring country speaks first"));
  g_assert_null (strstr (text, "House lights down"));
}

static void
test_session_choice (Fixture       *f,
                     gconstpointer  data)
{
  ConveneSession *example;
  g_autoptr(ConveneProject) project = build_example (&example);
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  ConveneSession *later = add_session (project, "Afternoon workshop", "2027-05-23", 15 * 60, 60);
  ConveneSession *earlier = add_session (project, "Breakfast briefing", "2027-05-22", 8 * 60, 30);
  g_autofree char *all = NULL;
  g_autofree char *one = NULL;
  g_autofree char *day = NULL;
  g_auto(GStrv) pages = NULL;

  add_segment (project, later, NULL, CONVENE_SEGMENT_KIND_PRESENTATION, "Workshop talk", 30);
  (void) earlier;

  /* Every session, each from a new page, in the order of the days. */
  all = export_to_text (f, project, options, "all.pdf");
  pages = split_pages (all);
  g_assert_cmpuint (g_strv_length (pages), ==, 3);
  g_assert_nonnull (strstr (pages[0], "Breakfast briefing"));
  g_assert_nonnull (strstr (pages[0], "Nothing is planned in this session yet."));
  g_assert_nonnull (strstr (pages[1], "Health and migration: international cooperation"));
  g_assert_nonnull (strstr (pages[2], "Afternoon workshop"));
  g_assert_nonnull (strstr (pages[2], "Page 3 of 3"));

  convene_runsheet_options_set_session_id (options, convene_session_get_id (later));
  one = export_to_text (f, project, options, "one.pdf");
  g_assert_nonnull (strstr (one, "Afternoon workshop"));
  g_assert_null (strstr (one, "Breakfast briefing"));
  g_assert_nonnull (strstr (one, "Page 1 of 1"));

  /* The whole-day sheet. */
  convene_runsheet_options_set_session_id (options, 0);
  convene_runsheet_options_set_date (options, "2027-05-23");
  day = export_to_text (f, project, options, "day.pdf");
  g_assert_nonnull (strstr (day, "Afternoon workshop"));
  g_assert_nonnull (strstr (day, "Health and migration: international cooperation"));
  g_assert_null (strstr (day, "Breakfast briefing"));
  g_assert_nonnull (strstr (day, "Page 2 of 2"));
}

static void
assert_no_file_left (const char *dir,
                     guint       expected_entries)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  g_dir_close (d);
  g_assert_cmpuint (n, ==, expected_entries);
}

static void
test_bad_options (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ConveneProject) project = build_example (NULL);
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  g_autofree char *path = g_build_filename (f->dir, "bad.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneRunsheet) sheet = NULL;
  PangoContext *context;

  convene_runsheet_options_set_font_size (options, 0);
  g_assert_false (convene_runsheet_export_pdf (project, options, file, &error));
  g_assert_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_INVALID_OPTION);
  g_assert_nonnull (strstr (error->message, "font size"));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  convene_runsheet_options_set_font_size (options, 17);
  g_assert_false (convene_runsheet_options_validate (options, &error));
  g_assert_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_INVALID_OPTION);
  g_clear_error (&error);
  convene_runsheet_options_set_font_size (options, 9);

  convene_runsheet_options_set_paper_size (options, 1, 1);
  g_assert_false (convene_runsheet_export_pdf (project, options, file, &error));
  g_assert_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_INVALID_OPTION);
  g_assert_nonnull (strstr (error->message, "paper size"));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_false (convene_runsheet_options_set_paper (options, "napkin", &error));
  g_assert_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_INVALID_OPTION);
  g_assert_nonnull (strstr (error->message, "napkin"));
  g_clear_error (&error);

  g_assert_true (convene_runsheet_options_set_paper (options, "A4", &error));
  g_assert_no_error (error);
  convene_runsheet_options_set_margin (options, 400);
  g_assert_false (convene_runsheet_options_validate (options, &error));
  g_assert_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_INVALID_OPTION);
  g_clear_error (&error);
  convene_runsheet_options_set_margin (options, 36);

  convene_runsheet_options_set_date (options, "2027-02-30");
  g_assert_false (convene_runsheet_options_validate (options, &error));
  g_assert_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_INVALID_OPTION);
  g_clear_error (&error);
  convene_runsheet_options_set_date (options, "");

  /* A session that does not exist, and a day without sessions. */
  convene_runsheet_options_set_session_id (options, 987654);
  g_assert_false (convene_runsheet_export_pdf (project, options, file, &error));
  g_assert_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_NO_SESSION);
  g_assert_nonnull (strstr (error->message, "987654"));
  g_clear_error (&error);
  convene_runsheet_options_set_session_id (options, 0);
  convene_runsheet_options_set_date (options, "2030-01-01");
  g_assert_false (convene_runsheet_export_pdf (project, options, file, &error));
  g_assert_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_NO_SESSION);
  g_clear_error (&error);
  convene_runsheet_options_set_date (options, "");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A page given by a printer that is too small for the table. */
  sheet = convene_runsheet_new (project, options);
  context = convene_runsheet_create_pango_context ();
  g_assert_false (convene_runsheet_layout (sheet, context, 100, 100, &error));
  g_assert_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_PAGE_TOO_SMALL);
  g_assert_cmpuint (convene_runsheet_get_n_pages (sheet), ==, 0);
  g_clear_error (&error);
  g_assert_true (convene_runsheet_layout (sheet, context, 612, 792, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (convene_runsheet_get_n_pages (sheet), ==, 1);
  g_object_unref (context);

  assert_no_file_left (f->dir, 0);
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ConveneProject) project = build_example (NULL);
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "sheet.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "a-folder.pdf", NULL);
  g_autofree char *existing = g_build_filename (f->dir, "existing.pdf", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  file = g_file_new_for_path (missing);
  g_assert_false (convene_runsheet_export_pdf (project, options, file, &error));
  g_assert_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);
  g_clear_object (&file);
  assert_no_file_left (f->dir, 0);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  file = g_file_new_for_path (folder);
  g_assert_false (convene_runsheet_export_pdf (project, options, file, &error));
  g_assert_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);
  g_clear_object (&file);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  assert_no_file_left (folder, 0);
  assert_no_file_left (f->dir, 1);

  /* A failed export leaves an existing file as it was... */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  file = g_file_new_for_path (existing);
  convene_runsheet_options_set_session_id (options, 424242);
  g_assert_false (convene_runsheet_export_pdf (project, options, file, &error));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);

  /* ...and a good one replaces it whole. */
  convene_runsheet_options_set_session_id (options, 0);
  g_assert_true (convene_runsheet_export_pdf (project, options, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  assert_no_file_left (f->dir, 2);

  /* A read-only folder (unless we are root, who may write anyway). */
  if (geteuid () != 0)
    {
      g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
      g_autofree char *target = g_build_filename (locked, "sheet.pdf", NULL);

      g_clear_object (&file);
      g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
      file = g_file_new_for_path (target);
      g_assert_false (convene_runsheet_export_pdf (project, options, file, &error));
      g_assert_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, target));
      g_clear_error (&error);
      assert_no_file_left (locked, 0);
      g_chmod (locked, 0755);
    }
}

static void
count_notify (guint *counter)
{
  (*counter)++;
}

static void
test_options (void)
{
  g_autoptr(ConveneRunsheetOptions) options = convene_runsheet_options_new ();
  g_autoptr(ConveneRunsheetOptions) copy = NULL;
  g_autoptr(GError) error = NULL;
  double w, h;
  guint notified = 0;

  g_assert_cmpfloat (convene_runsheet_options_get_font_size (options), ==, 9.0);
  g_assert_cmpstr (convene_runsheet_options_get_paper_name (options), ==, "a4");
  g_assert_false (convene_runsheet_options_get_use_12h (options));
  g_assert_true (convene_runsheet_options_get_include_notes (options));
  g_assert_true (convene_runsheet_options_get_planned_actual (options));
  g_assert_true (convene_runsheet_options_validate (options, &error));
  g_assert_no_error (error);

  g_signal_connect_swapped (options, "notify", G_CALLBACK (count_notify), &notified);
  convene_runsheet_options_set_font_size (options, 11);
  convene_runsheet_options_set_font_size (options, 11);
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (options, "orientation", CONVENE_RUNSHEET_LANDSCAPE, NULL);
  g_assert_cmpuint (notified, ==, 2);

  convene_runsheet_options_get_page_size (options, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 841.89, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 595.28, 0.01);

  g_assert_true (convene_runsheet_options_set_paper (options, "Letter", &error));
  g_assert_cmpstr (convene_runsheet_options_get_paper_name (options), ==, "letter");
  g_assert_true (convene_runsheet_options_set_paper (options, "210x297mm", &error));
  g_assert_cmpstr (convene_runsheet_options_get_paper_name (options), ==, "a4");
  g_assert_true (convene_runsheet_options_set_paper (options, "8.5x14in", &error));
  g_assert_cmpstr (convene_runsheet_options_get_paper_name (options), ==, "legal");
  g_assert_true (convene_runsheet_options_set_paper (options, "400x500", &error));
  g_assert_cmpstr (convene_runsheet_options_get_paper_name (options), ==, "custom");
  g_assert_cmpfloat (convene_runsheet_options_get_paper_width (options), ==, 400);
  g_assert_no_error (error);
  g_assert_false (convene_runsheet_options_set_paper (options, "12xfoo", &error));
  g_assert_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_INVALID_OPTION);
  g_clear_error (&error);
  g_assert_false (convene_runsheet_options_set_paper (options, "-5x10mm", &error));
  g_clear_error (&error);

  convene_runsheet_options_set_contact_sheet (options, TRUE);
  g_object_set (options, "planned-actual", FALSE, NULL);
  copy = convene_runsheet_options_copy (options);
  g_assert_true (convene_runsheet_options_get_contact_sheet (copy));
  g_assert_false (convene_runsheet_options_get_planned_actual (copy));
  g_assert_cmpfloat (convene_runsheet_options_get_font_size (copy), ==, 11);
  g_assert_cmpint (convene_runsheet_options_get_orientation (copy), ==, CONVENE_RUNSHEET_LANDSCAPE);
}

/* The same pages can be drawn on any cairo_t, more than once, in any order
 * (print preview does that), and landscape gives fewer, wider pages. */
static void
test_draw_any_surface (void)
{
  g_autoptr(ConveneProject) project = build_long (120, NULL);
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  g_autoptr(ConveneRunsheet) sheet = convene_runsheet_new (project, options);
  g_autoptr(GError) error = NULL;
  PangoContext *context = convene_runsheet_create_pango_context ();
  cairo_surface_t *surface;
  cairo_t *cr;
  guint portrait;

  g_assert_true (convene_runsheet_layout (sheet, context, 595.28, 841.89, &error));
  portrait = convene_runsheet_get_n_pages (sheet);
  g_assert_cmpuint (portrait, >=, 2);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 596, 842);
  cr = cairo_create (surface);
  for (int i = (int) portrait - 1; i >= 0; i--)
    convene_runsheet_draw_page (sheet, cr, i);
  convene_runsheet_draw_page (sheet, cr, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_true (convene_runsheet_layout (sheet, context, 841.89, 595.28, &error));
  g_assert_cmpuint (convene_runsheet_get_n_pages (sheet), >=, 2);

  /* Bigger type takes more pages. */
  convene_runsheet_options_set_font_size (options, 14);
  g_assert_true (convene_runsheet_layout (sheet, context, 595.28, 841.89, &error));
  g_assert_cmpuint (convene_runsheet_get_n_pages (sheet), >, portrait);
  g_assert_no_error (error);

  g_object_unref (context);
}

/* Planned and actual */

static gint64
zurich (int hour,
        int minute,
        int second)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Zurich");
  g_autoptr(GDateTime) when = g_date_time_new (tz, 2027, 5, 23, hour, minute, second);

  return g_date_time_to_unix (when) * G_USEC_PER_SEC;
}

/* The operator's action at the clock's time, recorded in the document as
 * the live view records it. */
static void
record_live (ConveneDocument     *document,
             ConveneLive         *live,
             ConveneLiveAction    action,
             ConveneLiveRecovery  recovery)
{
  g_autoptr(GError) error = NULL;
  ConveneCommand *command = convene_live_record_new (live,
                                                     convene_project_new_id (convene_document_get_project (document)),
                                                     action, 0, 0, recovery);

  g_assert_nonnull (command);
  g_assert_true (convene_document_perform (document, command, &error));
  g_assert_no_error (error);
}

/* The example side event in a project file, run live: the opening takes
 * 12 minutes (2 over, pushed on), the six talks take 9, 11, 10, 10, 10 and
 * 10 minutes, the discussion 17 and the closing 4: the session ends at
 * 14:03 as planned. With partial, it stops in the middle of the discussion. */
static ConveneDocument *
run_example_live (Fixture   *f,
                  gboolean   partial)
{
  g_autoptr(ConveneProject) project = build_example (NULL);
  g_autofree char *path = g_build_filename (f->dir, partial ? "partial.convene" : "live.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(ConveneLive) live = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Zurich");
  ConveneDocument *document;
  TestClock clock = { zurich (12, 30, 0) };
  const int talks[] = { 9, 11, 10, 10, 10, 10 };
  int minute = 12 * 60 + 30;

  document = convene_document_create (file, project, &error);
  g_assert_no_error (error);
  session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (convene_document_get_project (document))), 0);
  live = convene_live_new (session, tz, test_clock_read, &clock, NULL);

  record_live (document, live, CONVENE_LIVE_ACTION_START, CONVENE_LIVE_PUSH);
  minute += 12;
  clock.now = zurich (minute / 60, minute % 60, 0);
  record_live (document, live, CONVENE_LIVE_ACTION_NEXT, CONVENE_LIVE_PUSH);
  for (guint i = 0; i < G_N_ELEMENTS (talks); i++)
    {
      minute += talks[i];
      clock.now = zurich (minute / 60, minute % 60, 0);
      record_live (document, live, CONVENE_LIVE_ACTION_NEXT, CONVENE_LIVE_PUSH);
    }
  if (partial)
    return document;
  minute += 17;
  clock.now = zurich (minute / 60, minute % 60, 0);
  record_live (document, live, CONVENE_LIVE_ACTION_NEXT, CONVENE_LIVE_PUSH);
  minute += 4;
  clock.now = zurich (minute / 60, minute % 60, 0);
  record_live (document, live, CONVENE_LIVE_ACTION_NEXT, CONVENE_LIVE_PUSH);
  g_assert_true (convene_live_get_finished (live));
  return document;
}

/* The line of the text holding needle (the first), without its neighbours. */
static char *
line_with (const char *text,
           const char *needle)
{
  const char *at = strstr (text, needle);
  const char *start, *end;

  if (at == NULL)
    return NULL;
  for (start = at; start > text && start[-1] != '\n'; start--)
    ;
  end = strchr (at, '\n');
  return g_strndup (start, end ? (gsize) (end - start) : strlen (start));
}

static void
assert_columns (const char *text,
                const char *needle,
                const char *expected)
{
  g_autofree char *line = line_with (text, needle);
  g_auto(GStrv) words = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  g_assert_nonnull (line);
  words = g_strsplit_set (line, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (builder, words[i]);
  kept = g_strv_builder_end (builder);
  joined = g_strjoinv (" ", kept);
  if (!g_str_has_suffix (joined, expected))
    g_error ("the line of “%s” reads “%s”, not ending in “%s”", needle, joined, expected);
}

static void
test_planned_actual (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ConveneDocument) document = run_example_live (f, FALSE);
  ConveneProject *project = convene_document_get_project (document);
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  g_autofree char *text = NULL;
  g_autofree char *without = NULL;
  const char *section;

  export_pages (f, project, options, "planned-actual.pdf", &text);
  section = strstr (text, "PLANNED AND ACTUAL");
  g_assert_nonnull (section);
  /* The section follows the main table, under its own column titles. */
  g_assert_nonnull (strstr (section, "SEGMENT"));
  g_assert_nonnull (strstr (section, "DIFFERENCE"));

  /* Planned start, actual start, planned length, actual length, difference. */
  assert_columns (section, "Opening remarks", "12:30 12:30 10:00 12:00 +2:00");
  /* The panel: from its first talk's start to its last talk's end. */
  assert_columns (section, "Panel", "12:40 12:42 1:00:00 1:00:00 0:00");
  assert_columns (section, "A. Sustainable", "12:40 12:42 10:00 9:00 −1:00");
  assert_columns (section, "B. Manage", "12:50 12:51 10:00 11:00 +1:00");
  assert_columns (section, "Moderated discussion", "13:40 13:42 20:00 17:00 −3:00");
  assert_columns (section, "Closing remarks", "14:00 13:59 3:00 4:00 +1:00");
  assert_columns (section, "The whole session", "12:30 12:30 1:33:00 1:33:00 0:00");

  /* Left out when the planner says so. */
  convene_runsheet_options_set_planned_actual (options, FALSE);
  export_pages (f, project, options, "no-planned-actual.pdf", &without);
  g_assert_null (strstr (without, "PLANNED AND ACTUAL"));
  g_assert_nonnull (strstr (without, "Moderated discussion"));
}

/* A session stopped half way: what did not run says so, the running
 * segment has no length yet, and a session never run has no section. */
static void
test_planned_actual_partial (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ConveneDocument) document = run_example_live (f, TRUE);
  g_autoptr(ConveneProject) plain = build_example (NULL);
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  g_autofree char *text = NULL;
  g_autofree char *never = NULL;
  const char *section;

  export_pages (f, convene_document_get_project (document), options, "partial.pdf", &text);
  section = strstr (text, "PLANNED AND ACTUAL");
  g_assert_nonnull (section);
  assert_columns (section, "Moderated discussion", "13:40 13:42 20:00 running");
  assert_columns (section, "Closing remarks", "14:00 not run 3:00");
  /* The whole session is still running: no length, no difference. */
  assert_columns (section, "The whole session", "12:30 12:30 1:33:00 running");

  export_pages (f, plain, options, "never-run.pdf", &never);
  g_assert_null (strstr (never, "PLANNED AND ACTUAL"));
}

/* A long session run live: the section goes on over pages, repeating its
 * column titles, and nothing is printed over the footer. */
static void
test_planned_actual_pages (Fixture       *f,
                           gconstpointer  data)
{
  ConveneSession *session;
  g_autoptr(ConveneProject) project = build_long (150, &session);
  g_autofree char *path = g_build_filename (f->dir, "long-live.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneRunsheetOptions) options = fixed_options ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(ConveneSession) live_session = NULL;
  g_autoptr(ConveneLive) live = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2027, 6, 1, 8, 0, 0);
  TestClock clock = { g_date_time_to_unix (start) * G_USEC_PER_SEC };
  guint with_head = 0, n;

  document = convene_document_create (file, project, &error);
  g_assert_no_error (error);
  live_session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (convene_document_get_project (document))), 0);
  live = convene_live_new (live_session, NULL, test_clock_read, &clock, NULL);
  record_live (document, live, CONVENE_LIVE_ACTION_START, CONVENE_LIVE_PUSH);
  n = convene_live_get_n_steps (live);
  for (guint i = 0; i < n; i++)
    {
      clock.now += 3 * CONVENE_LIVE_MINUTE + 7 * G_USEC_PER_SEC;
      record_live (document, live, CONVENE_LIVE_ACTION_NEXT, CONVENE_LIVE_PUSH);
    }
  g_assert_true (convene_live_get_finished (live));

  export_pages (f, convene_document_get_project (document), options, "long-live.pdf", &text);
  pages = split_pages (text);
  for (guint p = 0; pages[p] != NULL; p++)
    if (strstr (pages[p], "ACTUAL START") != NULL)
      with_head++;
  g_assert_cmpuint (with_head, >=, 2);
  assert_columns (strstr (text, "PLANNED AND ACTUAL"), "Topic-0001", "08:00 08:00 1:00 3:07 +2:07");
  assert_columns (strstr (text, "PLANNED AND ACTUAL"), "Topic-0150", "5:00 3:07 −1:53");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/runsheet/options", test_options);
  g_test_add_func ("/runsheet/draw-any-surface", test_draw_any_surface);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/runsheet/example/content", test_example_content);
  ADD ("/runsheet/example/sections", test_example_sections);
  ADD ("/runsheet/group-over-target", test_group_over_target);
  ADD ("/runsheet/outcome-links", test_outcome_links);
  ADD ("/runsheet/people-status", test_people_status);
  ADD ("/runsheet/pagination", test_pagination);
  ADD ("/runsheet/group-across-pages", test_group_across_pages);
  ADD ("/runsheet/huge-row", test_huge_row);
  ADD ("/runsheet/huge-first-row", test_huge_first_row);
  ADD ("/runsheet/long-title", test_long_title);
  ADD ("/runsheet/hostile-text", test_hostile_text);
  ADD ("/runsheet/scripts", test_scripts);
  ADD ("/runsheet/twelve-hour", test_twelve_hour);
  ADD ("/runsheet/session-choice", test_session_choice);
  ADD ("/runsheet/bad-options", test_bad_options);
  ADD ("/runsheet/unwritable", test_unwritable);
  ADD ("/runsheet/planned-actual", test_planned_actual);
  ADD ("/runsheet/planned-actual/partial", test_planned_actual_partial);
  ADD ("/runsheet/planned-actual/pages", test_planned_actual_pages);
#undef ADD

  return g_test_run ();
}
