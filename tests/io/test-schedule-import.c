/* Importing the schedule XML of frab and pretalx, and Indico's XML export:
 * the samples in tests/io/schedules become sessions, segments and people as
 * a planner expects; importing again updates instead of duplicating;
 * Convene's own export comes back as the same events; a hostile file is
 * refused with a sentence and changes nothing. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "convene-assignment.h"
#include "convene-cli.h"
#include "convene-document.h"
#include "convene-json.h"
#include "convene-limits.h"
#include "convene-schedule-import.h"
#include "convene-schedule-xml.h"
#include "convene-session.h"
#include "convene-speaker.h"
#include "io-test-support.h"

/* ---- helpers ------------------------------------------------------------- */

static char *
sample_path (const char *name)
{
  return g_build_filename (g_getenv ("CONVENE_SOURCE_DIR"), "tests", "io", "schedules", name, NULL);
}

static ConveneScheduleImport *
read_sample (const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ConveneScheduleImport *schedule = convene_schedule_import_read (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (schedule);
  return schedule;
}

static ConveneProject *
project_from_sample (const char *name)
{
  g_autoptr(ConveneScheduleImport) schedule = read_sample (name);
  g_autoptr(GError) error = NULL;
  ConveneProject *project = convene_schedule_import_new_project (schedule, &error);

  g_assert_no_error (error);
  return project;
}

static ConveneSession *
session_at (ConveneProject *project,
            guint           index)
{
  g_autoptr(ConveneSession) session =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), index);

  g_assert_nonnull (session);
  return session;
}

static ConveneSegment *
segment_at (ConveneSession *session,
            guint           index)
{
  g_autoptr(ConveneSegment) segment =
    g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), index);

  g_assert_nonnull (segment);
  return segment;
}

static guint
n_items (gpointer list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names of the people on segment, sorted, joined by "; ". */
static char *
people_on (ConveneProject *project,
           ConveneSegment *segment)
{
  GListModel *assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);

      if (convene_assignment_get_segment_id (assignment) == convene_segment_get_id (segment))
        g_ptr_array_add (names, (gpointer) convene_speaker_get_name (
                           convene_project_find_speaker (project, convene_assignment_get_speaker_id (assignment))));
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("; ", (char **) names->pdata);
}

static char *
export_json (ConveneProject *project)
{
  return convene_json_export (project, NULL);
}

/* ---- the samples --------------------------------------------------------- */

static void
test_frab (void)
{
  g_autoptr(ConveneProject) project = project_from_sample ("frab.xml");
  ConveneSession *plenary, *workshop, *sunday;
  g_autofree char *keynote_people = NULL;
  g_autofree char *podium_people = NULL;

  g_assert_cmpstr (convene_project_get_title (project), ==, "Lakeside Open Data Days");
  g_assert_cmpstr (convene_project_get_time_zone (project), ==, "Europe/Zurich");

  /* Each day and room: Saal 1 and the workshop room on Saturday, Saal 1 on
   * Sunday (after the clocks went back: still 09:00 on the venue's clock). */
  g_assert_cmpuint (n_items (convene_project_get_sessions (project)), ==, 3);
  plenary = session_at (project, 0);
  workshop = session_at (project, 1);
  sunday = session_at (project, 2);
  g_assert_cmpstr (convene_session_get_title (plenary), ==, "Plenary");
  g_assert_cmpstr (convene_session_get_room (plenary), ==, "Saal 1");
  g_assert_cmpstr (convene_session_get_date (plenary), ==, "2026-10-24");
  g_assert_cmpint (convene_session_get_start_time (plenary), ==, 9 * 60);
  /* 09:00 to half past midnight. */
  g_assert_cmpuint (convene_session_get_slot_minutes (plenary), ==, 15 * 60 + 30);
  g_assert_cmpstr (convene_session_get_title (workshop), ==, "Hands-on");
  g_assert_cmpstr (convene_session_get_room (workshop), ==, "Workshop Room");
  g_assert_cmpint (convene_session_get_start_time (workshop), ==, 10 * 60);
  g_assert_cmpstr (convene_session_get_date (sunday), ==, "2026-10-25");
  g_assert_cmpint (convene_session_get_start_time (sunday), ==, 9 * 60);

  g_assert_cmpuint (n_items (convene_session_get_segments (plenary)), ==, 4);
  {
    ConveneSegment *opening = segment_at (plenary, 0);
    ConveneSegment *keynote = segment_at (plenary, 1);
    ConveneSegment *podium = segment_at (plenary, 2);
    ConveneSegment *night = segment_at (plenary, 3);

    g_assert_cmpstr (convene_segment_get_uuid (opening), ==, "6f1d2c3a-0b4e-4c5d-9e8f-1a2b3c4d5e01");
    g_assert_cmpint (convene_segment_get_kind (opening), ==, CONVENE_SEGMENT_KIND_OPENING);
    g_assert_cmpstr (convene_segment_get_notes (opening), ==, "Welcome to the lake.");
    g_assert_cmpuint (convene_segment_get_duration (opening), ==, 30);
    g_assert_cmpint (convene_segment_get_fixed_start (opening), ==, CONVENE_NO_FIXED_START);

    g_assert_cmpstr (convene_segment_get_title (keynote), ==, "Open data & the commons");
    g_assert_cmpint (convene_segment_get_kind (keynote), ==, CONVENE_SEGMENT_KIND_PRESENTATION);
    g_assert_cmpstr (convene_segment_get_notes (keynote), ==, "Why <data> belongs to everyone.");
    g_assert_cmpuint (convene_segment_get_duration (keynote), ==, 75);
    /* It follows the opening: no pin. */
    g_assert_cmpint (convene_segment_get_fixed_start (keynote), ==, CONVENE_NO_FIXED_START);

    g_assert_cmpint (convene_segment_get_kind (podium), ==, CONVENE_SEGMENT_KIND_PANEL);
    g_assert_cmpuint (convene_segment_get_duration (podium), ==, 45);
    /* Half an hour after the keynote ends. */
    g_assert_cmpint (convene_segment_get_fixed_start (podium), ==, 11 * 60 + 15);

    /* After a gap: pinned, late in the evening. */
    g_assert_cmpint (convene_segment_get_kind (night), ==, CONVENE_SEGMENT_KIND_DISCUSSION);
    g_assert_cmpint (convene_segment_get_fixed_start (night), ==, 23 * 60 + 30);

    /* "Zoe Muller" is "Zoë Müller", and Jean Dupont is on two events. */
    keynote_people = people_on (project, keynote);
    podium_people = people_on (project, podium);
    g_assert_cmpstr (keynote_people, ==, "Jean Dupont; Zoë Müller");
    g_assert_cmpstr (podium_people, ==, "ANA GÓMEZ; Jean Dupont");
  }
  g_assert_cmpint (convene_segment_get_kind (segment_at (workshop, 0)), ==, CONVENE_SEGMENT_KIND_DISCUSSION);
  g_assert_cmpint (convene_segment_get_kind (segment_at (sunday, 0)), ==, CONVENE_SEGMENT_KIND_CUSTOM);
  g_assert_cmpint (convene_segment_get_fixed_start (segment_at (sunday, 1)), ==, 10 * 60);

  g_assert_cmpuint (n_items (convene_project_get_speakers (project)), ==, 4);
  g_assert_cmpuint (n_items (convene_project_get_assignments (project)), ==, 7);
}

static void
test_pretalx (void)
{
  g_autoptr(ConveneProject) project = project_from_sample ("pretalx.xml");
  ConveneSession *session;

  g_assert_cmpstr (convene_project_get_title (project), ==, "Civic Tech Forum");
  g_assert_cmpstr (convene_project_get_time_zone (project), ==, "America/New_York");
  g_assert_cmpuint (n_items (convene_project_get_sessions (project)), ==, 1);
  session = session_at (project, 0);
  /* Two tracks in one room: the room names the session. */
  g_assert_cmpstr (convene_session_get_title (session), ==, "Auditorium");
  g_assert_cmpint (convene_session_get_start_time (session), ==, 10 * 60);
  g_assert_cmpuint (convene_session_get_slot_minutes (session), ==, 4 * 60 + 35);

  /* In the order they happen, whatever the file's order. */
  g_assert_cmpstr (convene_segment_get_title (segment_at (session, 0)), ==, "Keynote: Open councils");
  g_assert_cmpint (convene_segment_get_kind (segment_at (session, 0)), ==, CONVENE_SEGMENT_KIND_KEYNOTE);
  g_assert_cmpstr (convene_segment_get_title (segment_at (session, 1)), ==, "Reading city budgets");
  g_assert_cmpint (convene_segment_get_kind (segment_at (session, 1)), ==, CONVENE_SEGMENT_KIND_PRESENTATION);
  g_assert_cmpint (convene_segment_get_fixed_start (segment_at (session, 1)), ==, 11 * 60);
  g_assert_cmpint (convene_segment_get_kind (segment_at (session, 2)), ==, CONVENE_SEGMENT_KIND_PANEL);
  g_assert_cmpint (convene_segment_get_fixed_start (segment_at (session, 2)), ==, 13 * 60 + 30);
  g_assert_cmpint (convene_segment_get_kind (segment_at (session, 3)), ==, CONVENE_SEGMENT_KIND_PRESENTATION);
  g_assert_cmpint (convene_segment_get_fixed_start (segment_at (session, 3)), ==, CONVENE_NO_FIXED_START);
  g_assert_cmpstr (convene_segment_get_uuid (segment_at (session, 3)), ==, "3c8e0b9a-7d2f-5e4c-9a1b-2f3e4d5c6b04");

  /* "Samuel  Okafor" under another id is the same person. */
  g_assert_cmpuint (n_items (convene_project_get_speakers (project)), ==, 2);
  {
    g_autofree char *panel = people_on (project, segment_at (session, 2));

    g_assert_cmpstr (panel, ==, "Mei Lin; Samuel Okafor");
  }
}

/* The speakers of the Indico sample, in the order the file first names
 * them, with their affiliations. */
static const char *indico_people[][2] = {
  { "Gaëlle Lévesque", "Université de Montréal" },
  { "Søren Kjærgaard", "Niels Bohr Institute, University of Copenhagen" },
  { "Priya Raghunathan", "Perimeter Institute" },
  { "Thị Hoa Nguyễn", "Institute for Nuclear Science and Technology, Hanoi" },
  { "José Núñez-Ortega", "IFIC (CSIC – Universitat de València)" },
  { "Marie-Ève Tremblay", "SNOLAB" },
  { "Łukasz Wróbel", "Jagiellonian University, Kraków" },
  { "Ngozi Okonkwo-Adeyemi", "University of Toronto" },
};

static void
test_indico (void)
{
  g_autoptr(ConveneProject) project = project_from_sample ("indico.xml");
  GListModel *speakers = G_LIST_MODEL (convene_project_get_speakers (project));
  g_autoptr(GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);
  ConveneSession *plenary, *parallel, *closing, *posters;

  g_assert_cmpstr (convene_project_get_title (project), ==, "Great Lakes Neutrino Workshop 2027");
  g_assert_cmpstr (convene_project_get_time_zone (project), ==, "America/Toronto");

  /* Each day and room, day by day, on Toronto's clock (Indico wrote UTC). */
  g_assert_cmpuint (n_items (convene_project_get_sessions (project)), ==, 4);
  plenary = session_at (project, 0);
  parallel = session_at (project, 1);
  closing = session_at (project, 2);
  posters = session_at (project, 3);

  /* Its contributions belong to two Indico sessions or none: the room
   * names it. The evening lecture starts on the next day in UTC, yet is
   * on the first day at the venue. */
  g_assert_cmpstr (convene_session_get_title (plenary), ==, "MP 102 - Auditorium");
  g_assert_cmpstr (convene_session_get_room (plenary), ==, "MP 102 - Auditorium");
  g_assert_cmpstr (convene_session_get_date (plenary), ==, "2027-06-14");
  g_assert_cmpint (convene_session_get_start_time (plenary), ==, 9 * 60);
  g_assert_cmpuint (convene_session_get_slot_minutes (plenary), ==, 12 * 60 + 30);
  g_assert_cmpuint (n_items (convene_session_get_segments (plenary)), ==, 5);
  {
    ConveneSegment *welcome = segment_at (plenary, 0);
    ConveneSegment *status = segment_at (plenary, 1);
    ConveneSegment *reactor = segment_at (plenary, 2);
    ConveneSegment *sterile = segment_at (plenary, 3);
    ConveneSegment *lecture = segment_at (plenary, 4);

    g_assert_cmpstr (convene_segment_get_title (welcome), ==, "Welcome and opening remarks");
    g_assert_cmpint (convene_segment_get_kind (welcome), ==, CONVENE_SEGMENT_KIND_OPENING);
    g_assert_cmpuint (convene_segment_get_duration (welcome), ==, 15);
    g_assert_cmpstr (convene_segment_get_notes (welcome), ==, "Welcome from the organisers & practical information.");
    g_assert_cmpint (convene_segment_get_fixed_start (welcome), ==, CONVENE_NO_FIXED_START);

    g_assert_cmpint (convene_segment_get_kind (status), ==, CONVENE_SEGMENT_KIND_PRESENTATION);
    g_assert_cmpuint (convene_segment_get_duration (status), ==, 45);
    g_assert_cmpint (convene_segment_get_fixed_start (status), ==, CONVENE_NO_FIXED_START);
    /* After the coffee break Indico does not export. */
    g_assert_cmpint (convene_segment_get_fixed_start (reactor), ==, 10 * 60 + 30);
    g_assert_cmpint (convene_segment_get_fixed_start (sterile), ==, CONVENE_NO_FIXED_START);
    g_assert_cmpstr (convene_segment_get_notes (sterile), ==, "");

    g_assert_cmpstr (convene_segment_get_title (lecture), ==, "Ghost particles from the Sun: a public lecture");
    g_assert_cmpint (convene_segment_get_fixed_start (lecture), ==, 20 * 60);
    g_assert_cmpuint (convene_segment_get_duration (lecture), ==, 90);
    g_assert_cmpstr (convene_segment_get_notes (lecture), ==,
                     "An evening lecture for everyone, in English with French slides — entrée libre.");

    /* Authors who do not speak are not on the programme. */
    {
      g_autofree char *on_reactor = people_on (project, reactor);
      g_autofree char *on_status = people_on (project, status);

      g_assert_cmpstr (on_reactor, ==, "Thị Hoa Nguyễn");
      g_assert_cmpstr (on_status, ==, "Søren Kjærgaard");
    }
  }

  /* Its Indico session names it; the tutorial runs into the evening. */
  g_assert_cmpstr (convene_session_get_title (parallel), ==, "Parallel A");
  g_assert_cmpstr (convene_session_get_room (parallel), ==, "Seminar Room 606");
  g_assert_cmpstr (convene_session_get_date (parallel), ==, "2027-06-14");
  g_assert_cmpint (convene_session_get_start_time (parallel), ==, 14 * 60);
  g_assert_cmpuint (convene_session_get_slot_minutes (parallel), ==, 5 * 60 + 30);
  g_assert_cmpuint (n_items (convene_session_get_segments (parallel)), ==, 3);
  g_assert_cmpint (convene_segment_get_fixed_start (segment_at (parallel, 1)), ==, CONVENE_NO_FIXED_START);
  g_assert_cmpint (convene_segment_get_kind (segment_at (parallel, 2)), ==, CONVENE_SEGMENT_KIND_CUSTOM);
  g_assert_cmpint (convene_segment_get_fixed_start (segment_at (parallel, 2)), ==, 16 * 60 + 30);
  g_assert_cmpuint (convene_segment_get_duration (segment_at (parallel, 2)), ==, 180);
  {
    g_autofree char *on_ml = people_on (project, segment_at (parallel, 0));

    g_assert_cmpstr (on_ml, ==, "Søren Kjærgaard");
  }

  g_assert_cmpstr (convene_session_get_title (closing), ==, "Plenary II");
  g_assert_cmpstr (convene_session_get_date (closing), ==, "2027-06-15");
  g_assert_cmpint (convene_session_get_start_time (closing), ==, 9 * 60);
  g_assert_cmpuint (convene_session_get_slot_minutes (closing), ==, 2 * 60 + 15);
  g_assert_cmpint (convene_segment_get_kind (segment_at (closing, 1)), ==, CONVENE_SEGMENT_KIND_PANEL);
  g_assert_cmpint (convene_segment_get_fixed_start (segment_at (closing, 1)), ==, 10 * 60);
  g_assert_cmpint (convene_segment_get_kind (segment_at (closing, 2)), ==, CONVENE_SEGMENT_KIND_CLOSING);
  g_assert_cmpint (convene_segment_get_fixed_start (segment_at (closing, 2)), ==, CONVENE_NO_FIXED_START);
  {
    g_autofree char *panel = people_on (project, segment_at (closing, 1));
    g_autofree char *closer = people_on (project, segment_at (closing, 2));

    g_assert_cmpstr (panel, ==, "Gaëlle Lévesque; José Núñez-Ortega; Łukasz Wróbel");
    g_assert_cmpstr (closer, ==, "Gaëlle Lévesque");
  }

  /* No Indico session: its track names it. Nobody speaks at it. */
  g_assert_cmpstr (convene_session_get_title (posters), ==, "Posters");
  g_assert_cmpstr (convene_session_get_date (posters), ==, "2027-06-15");
  g_assert_cmpint (convene_session_get_start_time (posters), ==, 9 * 60 + 30);
  g_assert_cmpuint (convene_session_get_slot_minutes (posters), ==, 60);

  /* Each speaker once, with their affiliation; the speaker of the
   * unscheduled contribution and the author who does not speak are not
   * there. */
  g_assert_cmpuint (g_list_model_get_n_items (speakers), ==, G_N_ELEMENTS (indico_people));
  for (guint i = 0; i < G_N_ELEMENTS (indico_people); i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (speakers, i);

      g_assert_cmpstr (convene_speaker_get_name (speaker), ==, indico_people[i][0]);
      g_assert_cmpstr (convene_speaker_get_organisation (speaker), ==, indico_people[i][1]);
    }
  /* Gaëlle three times, José, Søren and Łukasz twice, everyone else once. */
  g_assert_cmpuint (n_items (convene_project_get_assignments (project)), ==, 13);

  /* Every contribution has a UUID of its own. */
  for (guint i = 0; i < 4; i++)
    {
      ConveneSession *session = session_at (project, i);

      for (guint k = 0; k < n_items (convene_session_get_segments (session)); k++)
        {
          const char *uuid = convene_segment_get_uuid (segment_at (session, k));

          g_assert_true (g_uuid_string_is_valid (uuid));
          g_assert_true (g_hash_table_add (uuids, (gpointer) uuid));
        }
    }
  g_assert_cmpuint (g_hash_table_size (uuids), ==, 12);
}

/* Into a project of its own: the contribution without a start is counted,
 * and importing the export again changes nothing. */
static void
test_indico_summary (void)
{
  g_autoptr(ConveneProject) project = io_test_load_example ();
  g_autoptr(ConveneScheduleImport) schedule = read_sample ("indico.xml");
  g_autoptr(ConveneCommand) command = NULL;
  g_autoptr(ConveneCommand) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ConveneScheduleImportSummary summary;

  g_assert_cmpuint (convene_schedule_import_get_n_events (schedule), ==, 12);
  g_assert_cmpuint (convene_schedule_import_get_n_unscheduled (schedule), ==, 1);
  command = convene_schedule_import_build (schedule, project, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 12);
  g_assert_cmpuint (summary.updated, ==, 0);
  g_assert_cmpuint (summary.sessions, ==, 4);
  g_assert_cmpuint (summary.new_people, ==, 8);
  g_assert_cmpuint (summary.unscheduled, ==, 1);
  convene_command_apply (command);

  before = export_json (project);
  again = convene_schedule_import_build (schedule, project, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 0);
  g_assert_cmpuint (summary.updated, ==, 12);
  g_assert_cmpuint (summary.new_people, ==, 0);
  g_assert_cmpuint (summary.unscheduled, ==, 1);
  g_assert_cmpuint (convene_command_group_get_size (again), ==, 0);
  convene_command_apply (again);
  after = export_json (project);
  g_assert_cmpstr (after, ==, before);
}

/* An export with detail=sessions lists each session's contributions in
 * its slots; a contribution without a room is in its slot's, or the
 * event's; a date written as date, time and tz is read in that zone; the
 * name may come only as "Last, First". */
static void
test_indico_sessions (void)
{
  static const char xml[] =
    "<httpapiresult><results><conference id=\"7\">"
    "<title>Atelier</title><timezone>Europe/Zurich</timezone>"
    "<roomFullname>Aula</roomFullname>"
    "<contributions>"
    "<contribution id=\"1\"><title>Ouverture</title><type>Welcome</type>"
    "<startDate><collection><date>2027-03-27</date><time>09:00:00</time><tz>Europe/Zurich</tz></collection></startDate>"
    "<duration>10</duration><roomFullname/><room/>"
    "<speakers><contributionparticipation id=\"1\"><fullName>Dubois, Élise</fullName>"
    "<affiliation>EPFL</affiliation><person_id>3</person_id></contributionparticipation></speakers>"
    "</contribution></contributions>"
    "<sessions><sessionslot id=\"2\"><title>Posters</title><roomFullname>Foyer</roomFullname>"
    "<contributions><contribution id=\"2\"><title>Affiches</title>"
    "<startDate>2027-03-28T07:30:00+00:00</startDate><endDate>2027-03-28T08:15:00+00:00</endDate>"
    "<duration/><session>Posters</session>"
    "<speakers><contributionparticipation id=\"9\"><first_name>Élise</first_name><last_name>Dubois</last_name>"
    "<fullName>Dubois, Élise</fullName><affiliation>EPFL Lausanne</affiliation><person_id>3</person_id>"
    "</contributionparticipation></speakers>"
    "</contribution></contributions></sessionslot></sessions>"
    "</conference></results></httpapiresult>";
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneScheduleImport) schedule = convene_schedule_import_parse (xml, strlen (xml), "atelier.xml", &error);
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(ConveneSpeaker) elise = NULL;
  ConveneSession *first, *second;

  g_assert_no_error (error);
  project = convene_schedule_import_new_project (schedule, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (convene_project_get_title (project), ==, "Atelier");
  g_assert_cmpstr (convene_project_get_time_zone (project), ==, "Europe/Zurich");
  g_assert_cmpuint (n_items (convene_project_get_sessions (project)), ==, 2);
  first = session_at (project, 0);
  second = session_at (project, 1);
  g_assert_cmpstr (convene_session_get_room (first), ==, "Aula");
  g_assert_cmpstr (convene_session_get_date (first), ==, "2027-03-27");
  g_assert_cmpint (convene_session_get_start_time (first), ==, 9 * 60);
  g_assert_cmpint (convene_segment_get_kind (segment_at (first, 0)), ==, CONVENE_SEGMENT_KIND_WELCOME);
  /* The morning after the clocks went forward: 07:30 UTC is 09:30. */
  g_assert_cmpstr (convene_session_get_title (second), ==, "Posters");
  g_assert_cmpstr (convene_session_get_room (second), ==, "Foyer");
  g_assert_cmpstr (convene_session_get_date (second), ==, "2027-03-28");
  g_assert_cmpint (convene_session_get_start_time (second), ==, 9 * 60 + 30);
  /* No duration: the span to its end. */
  g_assert_cmpuint (convene_segment_get_duration (segment_at (second, 0)), ==, 45);

  /* One person, under the first affiliation given. */
  g_assert_cmpuint (n_items (convene_project_get_speakers (project)), ==, 1);
  elise = g_list_model_get_item (G_LIST_MODEL (convene_project_get_speakers (project)), 0);
  g_assert_cmpstr (convene_speaker_get_name (elise), ==, "Élise Dubois");
  g_assert_cmpstr (convene_speaker_get_organisation (elise), ==, "EPFL");
  g_assert_cmpuint (n_items (convene_project_get_assignments (project)), ==, 2);
}

/* Into a project with people of its own, as one step that undo takes out. */
static void
test_into_existing (void)
{
  g_autoptr(ConveneProject) project = io_test_load_example ();
  g_autoptr(ConveneScheduleImport) schedule = read_sample ("frab.xml");
  g_autoptr(ConveneCommand) command = NULL;
  g_autoptr(ConveneSpeaker) ana = convene_speaker_new (convene_project_new_id (project), "Ana Gomez");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ConveneScheduleImportSummary summary;
  guint sessions, speakers;

  g_list_store_append (convene_project_get_speakers (project), ana);
  sessions = n_items (convene_project_get_sessions (project));
  speakers = n_items (convene_project_get_speakers (project));
  before = export_json (project);

  command = convene_schedule_import_build (schedule, project, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 7);
  g_assert_cmpuint (summary.updated, ==, 0);
  g_assert_cmpuint (summary.sessions, ==, 3);
  /* Ana Gómez was there already. */
  g_assert_cmpuint (summary.new_people, ==, 3);
  /* Nothing happens before the command is performed. */
  after = export_json (project);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  convene_command_apply (command);
  g_assert_cmpuint (n_items (convene_project_get_sessions (project)), ==, sessions + 3);
  g_assert_cmpuint (n_items (convene_project_get_speakers (project)), ==, speakers + 3);
  {
    ConveneSession *plenary = session_at (project, sessions);
    g_autofree char *podium = people_on (project, segment_at (plenary, 2));

    g_assert_cmpstr (podium, ==, "Ana Gomez; Jean Dupont");
  }
  convene_command_revert (command);
  after = export_json (project);
  g_assert_cmpstr (after, ==, before);
}

/* Importing the same schedule again changes nothing; a changed schedule
 * updates the segments its guids name, where they are. */
static void
test_reimport (void)
{
  g_autoptr(ConveneProject) project = project_from_sample ("frab.xml");
  g_autoptr(ConveneScheduleImport) again = read_sample ("frab.xml");
  g_autoptr(ConveneScheduleImport) changed = NULL;
  g_autoptr(ConveneCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = export_json (project);
  g_autofree char *after = NULL;
  g_autofree char *path = sample_path ("frab.xml");
  g_autofree char *text = NULL;
  g_autofree char *moved = NULL;
  ConveneScheduleImportSummary summary;
  ConveneSession *plenary;

  command = convene_schedule_import_build (again, project, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 0);
  g_assert_cmpuint (summary.updated, ==, 7);
  g_assert_cmpuint (summary.sessions, ==, 0);
  g_assert_cmpuint (summary.new_people, ==, 0);
  convene_command_apply (command);
  after = export_json (project);
  g_assert_cmpstr (after, ==, before);
  g_clear_object (&command);

  /* The keynote now lasts an hour and is retitled, the podium moves to
   * 11:00 and a new person joins it, the night event moves to 22:00. */
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GString) edit = g_string_new (text);

    g_assert_cmpuint (g_string_replace (edit, "<duration>01:15</duration>", "<duration>01:00</duration>", 1), ==, 1);
    g_assert_cmpuint (g_string_replace (edit, "Open data &amp; the commons", "Open data for all", 1), ==, 1);
    g_assert_cmpuint (g_string_replace (edit, "2026-10-24T11:15:00+02:00", "2026-10-24T11:00:00+02:00", 1), ==, 1);
    g_assert_cmpuint (g_string_replace (edit, "2026-10-24T23:30:00+02:00", "2026-10-24T22:00:00+02:00", 1), ==, 1);
    g_assert_cmpuint (g_string_replace (edit, "<person id=\"9\">ANA GÓMEZ</person>",
                                        "<person id=\"9\">ANA GÓMEZ</person><person id=\"11\">Li Wei</person>", 1), ==, 1);
    moved = g_string_free (g_steal_pointer (&edit), FALSE);
  }
  changed = convene_schedule_import_parse (moved, strlen (moved), "frab.xml", &error);
  g_assert_no_error (error);
  command = convene_schedule_import_build (changed, project, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 0);
  g_assert_cmpuint (summary.updated, ==, 7);
  g_assert_cmpuint (summary.new_people, ==, 1);
  convene_command_apply (command);

  g_assert_cmpuint (n_items (convene_project_get_sessions (project)), ==, 3);
  plenary = session_at (project, 0);
  g_assert_cmpuint (n_items (convene_session_get_segments (plenary)), ==, 4);
  g_assert_cmpstr (convene_segment_get_title (segment_at (plenary, 1)), ==, "Open data for all");
  g_assert_cmpuint (convene_segment_get_duration (segment_at (plenary, 1)), ==, 60);
  g_assert_cmpint (convene_segment_get_fixed_start (segment_at (plenary, 2)), ==, 11 * 60);
  g_assert_cmpint (convene_segment_get_fixed_start (segment_at (plenary, 3)), ==, 22 * 60);
  /* Its Sunday twin did not move. */
  g_assert_cmpint (convene_segment_get_fixed_start (segment_at (session_at (project, 2), 1)), ==, 10 * 60);
  {
    g_autofree char *podium = people_on (project, segment_at (plenary, 2));

    g_assert_cmpstr (podium, ==, "ANA GÓMEZ; Jean Dupont; Li Wei");
  }

  convene_command_revert (command);
  after = (g_free (after), export_json (project));
  g_assert_cmpstr (after, ==, before);
}

/* ---- import -> export -> import ------------------------------------------ */

/* One line per event of a schedule XML: everything a conference app keys
 * on, less the numeric id and slug (the new project numbers afresh). */
static char *
describe_events (GBytes *xml)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (xml, &size);
  xmlDocPtr doc = xmlReadMemory (data, (int) size, NULL, NULL, XML_PARSE_NONET);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *all = g_string_new (NULL);

  g_assert_nonnull (doc);
  for (xmlNode *day = xmlDocGetRootElement (doc)->children; day != NULL; day = day->next)
    for (xmlNode *room = day->children; room != NULL; room = room->next)
      for (xmlNode *event = room->children; event != NULL; event = event->next)
        {
          GString *line;
          xmlChar *guid;

          if (event->type != XML_ELEMENT_NODE || xmlStrcmp (event->name, BAD_CAST "event") != 0)
            continue;
          guid = xmlGetProp (event, BAD_CAST "guid");
          line = g_string_new ((const char *) guid);
          xmlFree (guid);
          for (xmlNode *field = event->children; field != NULL; field = field->next)
            {
              xmlChar *content;
              const char *name = (const char *) field->name;

              if (field->type != XML_ELEMENT_NODE || g_str_equal (name, "slug") || g_str_equal (name, "track") ||
                  g_str_equal (name, "description"))
                continue;
              content = xmlNodeGetContent (field);
              g_string_append_printf (line, " | %s=%s", name, (const char *) content);
              xmlFree (content);
            }
          g_ptr_array_add (lines, g_string_free (line, FALSE));
        }
  xmlFreeDoc (doc);
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (all, "%s\n", (const char *) g_ptr_array_index (lines, i));
  return g_string_free (all, FALSE);
}

static char *
strip_ids (char *description)
{
  g_autoptr(GRegex) id = g_regex_new ("<person id=\"[0-9]+\">", 0, 0, NULL);
  char *bare = g_regex_replace_literal (id, description, -1, 0, "<person>", 0, NULL);

  g_free (description);
  return bare;
}

static void
check_round_trip (ConveneProject *original)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = convene_schedule_xml_export (original, &error);
  g_autoptr(ConveneScheduleImport) schedule = NULL;
  g_autoptr(ConveneProject) imported = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(ConveneScheduleImport) third = NULL;
  g_autoptr(ConveneCommand) command = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ConveneScheduleImportSummary summary;

  g_assert_no_error (error);
  schedule = convene_schedule_import_parse (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                            "first.xml", &error);
  g_assert_no_error (error);
  imported = convene_schedule_import_new_project (schedule, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (convene_project_get_time_zone (imported), ==, convene_project_get_time_zone (original));

  second = convene_schedule_xml_export (imported, &error);
  g_assert_no_error (error);
  want = strip_ids (describe_events (first));
  got = strip_ids (describe_events (second));
  g_assert_cmpstr (got, ==, want);

  /* The second export brings nothing new into the first import. */
  third = convene_schedule_import_parse (g_bytes_get_data (second, NULL), g_bytes_get_size (second),
                                         "second.xml", &error);
  g_assert_no_error (error);
  before = export_json (imported);
  command = convene_schedule_import_build (third, imported, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 0);
  g_assert_cmpuint (summary.new_people, ==, 0);
  convene_command_apply (command);
  after = export_json (imported);
  g_assert_cmpstr (after, ==, before);
}

static void
test_round_trip_example (void)
{
  g_autoptr(ConveneProject) example = io_test_load_example ();

  check_round_trip (example);
}

/* A congress over the night the clocks change: three days, three rooms,
 * events from 05:30, gaps, panels holding talks, people on several. */
static void
test_round_trip_congress (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  static const char *dates[] = { "2027-03-27", "2027-03-28", "2027-03-29" };
  static const char *rooms[] = { "Room A", "Room B", "Hall" };
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);

  convene_project_set_title (project, "Spring Congress");
  convene_project_set_time_zone (project, "Europe/Zurich");
  for (guint p = 0; p < 12; p++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u Ñúñez", p);
      ConveneSpeaker *speaker = convene_speaker_new (convene_project_new_id (project), name);

      g_list_store_append (convene_project_get_speakers (project), speaker);
      g_ptr_array_add (people, speaker);
    }
  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    for (guint r = 0; r < G_N_ELEMENTS (rooms); r++)
      {
        g_autofree char *title = g_strdup_printf ("Track %u", r);
        g_autoptr(ConveneSession) session =
          convene_session_new (convene_project_new_id (project), title, dates[d], 5 * 60 + 30 + 60 * (int) r, 600);

        convene_session_set_room (session, rooms[r]);
        g_list_store_append (convene_project_get_sessions (project), session);
        for (guint k = 0; k < 10; k++)
          {
            g_autofree char *name = g_strdup_printf ("Talk %u.%u.%u", d, r, k);
            ConveneSegmentKind kind = k % 4 == 3 ? CONVENE_SEGMENT_KIND_PANEL : CONVENE_SEGMENT_KIND_PRESENTATION;
            g_autoptr(ConveneSegment) segment =
              convene_segment_new (convene_project_new_id (project), kind, name, 20 + 5 * k);
            ConveneSpeaker *speaker = g_ptr_array_index (people, (d + r + k) % people->len);
            g_autoptr(ConveneAssignment) assignment =
              convene_assignment_new_for_segment (convene_project_new_id (project), convene_speaker_get_id (speaker),
                                                  convene_segment_get_id (segment), CONVENE_ROLE_PRESENTER);

            if (k == 5)
              convene_segment_set_fixed_start (segment, (10 + (int) r) * 60);
            if (kind == CONVENE_SEGMENT_KIND_PANEL)
              for (guint i = 0; i < 2; i++)
                {
                  g_autoptr(ConveneSegment) item =
                    convene_segment_new (convene_project_new_id (project), CONVENE_SEGMENT_KIND_PRESENTATION, "Item", 15);

                  g_list_store_append (convene_segment_get_items (segment), item);
                }
            g_list_store_append (convene_session_get_segments (session), segment);
            g_list_store_append (convene_project_get_assignments (project), assignment);
          }
      }
  check_round_trip (project);
}

static void
test_round_trip_samples (void)
{
  g_autoptr(ConveneProject) frab = project_from_sample ("frab.xml");
  g_autoptr(ConveneProject) pretalx = project_from_sample ("pretalx.xml");

  check_round_trip (frab);
  check_round_trip (pretalx);
}

/* Indico's export comes back from Convene's schedule XML as the same
 * events; imported into the project it came from, that export finds every
 * contribution already there and changes nothing. */
static void
test_round_trip_indico (void)
{
  g_autoptr(ConveneProject) indico = project_from_sample ("indico.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(ConveneScheduleImport) back = NULL;
  g_autoptr(ConveneCommand) command = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ConveneScheduleImportSummary summary;

  check_round_trip (indico);

  xml = convene_schedule_xml_export (indico, &error);
  g_assert_no_error (error);
  back = convene_schedule_import_parse (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), "back.xml", &error);
  g_assert_no_error (error);
  before = export_json (indico);
  command = convene_schedule_import_build (back, indico, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 0);
  g_assert_cmpuint (summary.updated, ==, 12);
  g_assert_cmpuint (summary.new_people, ==, 0);
  g_assert_cmpuint (convene_command_group_get_size (command), ==, 0);
  convene_command_apply (command);
  after = export_json (indico);
  g_assert_cmpstr (after, ==, before);
}

/* ---- the command line: a new project, then into it ----------------------- */

static void
test_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("convene-schedule-import-XXXXXX", &error);
  g_autofree char *project_path = g_build_filename (dir, "lake.convene", NULL);
  g_autofree char *frab = sample_path ("frab.xml");
  g_autofree char *pretalx = sample_path ("pretalx.xml");
  g_autoptr(GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr(GFile) frab_file = g_file_new_for_path (frab);
  g_autoptr(GFile) pretalx_file = g_file_new_for_path (pretalx);
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(ConveneProject) expected = project_from_sample ("frab.xml");
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  ConveneProject *project;

  g_assert_no_error (error);
  g_assert_true (convene_cli_import (frab_file, project_file, &error));
  g_assert_no_error (error);
  /* Again: updated in place, nothing added. */
  g_assert_true (convene_cli_import (frab_file, project_file, &error));
  g_assert_no_error (error);
  g_assert_true (convene_cli_import (pretalx_file, project_file, &error));
  g_assert_no_error (error);

  document = convene_document_open (project_file, CONVENE_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  project = convene_document_get_project (document);
  g_assert_cmpuint (n_items (convene_project_get_sessions (project)), ==, 4);
  g_assert_cmpuint (n_items (convene_project_get_speakers (project)), ==, 6);
  /* The frab part is what a fresh import makes. */
  g_list_store_remove (convene_project_get_sessions (project), 3);
  {
    g_autoptr(GBytes) theirs = convene_schedule_xml_export (expected, &error);
    g_autoptr(GBytes) mine = NULL;

    g_assert_no_error (error);
    mine = convene_schedule_xml_export (project, &error);
    g_assert_no_error (error);
    want = strip_ids (describe_events (theirs));
    got = strip_ids (describe_events (mine));
  }
  g_assert_cmpstr (got, ==, want);
  convene_document_close (document);

  g_unlink (project_path);
  g_rmdir (dir);
}

/* convene --import=indico.xml workshop.convene: a new project, the same as
 * the import makes in memory; again: nothing added. */
static void
test_cli_indico (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("convene-schedule-import-XXXXXX", &error);
  g_autofree char *project_path = g_build_filename (dir, "workshop.convene", NULL);
  g_autofree char *indico = sample_path ("indico.xml");
  g_autoptr(GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr(GFile) indico_file = g_file_new_for_path (indico);
  g_autoptr(ConveneProject) expected = project_from_sample ("indico.xml");

  g_assert_no_error (error);
  g_assert_true (convene_cli_import (indico_file, project_file, &error));
  g_assert_no_error (error);
  g_assert_true (convene_cli_import (indico_file, project_file, &error));
  g_assert_no_error (error);

  {
    g_autoptr(ConveneDocument) document = convene_document_open (project_file, CONVENE_STORE_READ_ONLY, &error);
    ConveneProject *project;

    g_assert_no_error (error);
    project = convene_document_get_project (document);
    g_assert_cmpstr (convene_project_get_title (project), ==, "Great Lakes Neutrino Workshop 2027");
    g_assert_cmpstr (convene_project_get_time_zone (project), ==, "America/Toronto");
    g_assert_cmpuint (n_items (convene_project_get_sessions (project)), ==, 4);
    g_assert_cmpuint (n_items (convene_project_get_speakers (project)), ==, 8);
    /* The same events as the import makes in memory, and its people
     * with their organisations, saved. */
    {
      g_autoptr(GBytes) theirs = convene_schedule_xml_export (expected, &error);
      g_autoptr(GBytes) mine = convene_schedule_xml_export (project, NULL);
      g_autofree char *want_events = strip_ids (describe_events (theirs));
      g_autofree char *got_events = strip_ids (describe_events (mine));

      g_assert_cmpstr (got_events, ==, want_events);
    }
    for (guint i = 0; i < G_N_ELEMENTS (indico_people); i++)
      {
        g_autoptr(ConveneSpeaker) speaker =
          g_list_model_get_item (G_LIST_MODEL (convene_project_get_speakers (project)), i);

        g_assert_cmpstr (convene_speaker_get_name (speaker), ==, indico_people[i][0]);
        g_assert_cmpstr (convene_speaker_get_organisation (speaker), ==, indico_people[i][1]);
      }
    convene_document_close (document);
  }

  g_unlink (project_path);
  g_rmdir (dir);
}

/* ---- refusals ------------------------------------------------------------ */

static void
assert_refused (const char *data,
                gssize      length,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneScheduleImport) schedule =
    convene_schedule_import_parse (data, length < 0 ? strlen (data) : (gsize) length, "bad.xml", &error);

  g_assert_null (schedule);
  g_assert_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, code);
  g_assert_nonnull (strstr (error->message, "“bad.xml”"));
  g_assert_null (strchr (error->message, '\n'));
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

#define EVENT(guid, date, duration) \
  "<event guid=\"" guid "\"><date>" date "</date><duration>" duration "</duration><title>T</title></event>"
#define SCHEDULE(events) \
  "<schedule><conference><title>C</title></conference><day date=\"2026-05-01\"><room name=\"R\">" \
  events "</room></day></schedule>"

static char *
many_events (guint n)
{
  GString *xml = g_string_new ("<schedule><day date=\"2026-05-01\"><room name=\"R\">");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (xml, "<event id=\"%u\"><date>2026-05-01T10:00:00Z</date>"
                            "<duration>00:01</duration><title>E</title></event>", i);
  g_string_append (xml, "</room></day></schedule>");
  return g_string_free (xml, FALSE);
}

static void
test_refusals (void)
{
  g_autofree char *deep = NULL;
  g_autofree char *many = many_events (100000);
  g_autofree char *cap = many_events (CONVENE_SCHEDULE_IMPORT_MAX_EVENTS + 1);
  g_autofree char *huge = g_malloc0 (CONVENE_SCHEDULE_IMPORT_MAX_BYTES + 2);

  assert_refused ("", 0, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_XML, "not well-formed XML");
  assert_refused ("<schedule><day>", -1, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_XML, "near line 1");
  assert_refused ("<html><body/></html>", -1, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_SCHEDULE, "<html>");
  assert_refused ("<schedule/>", -1, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_SCHEDULE, "nothing to import");
  assert_refused ("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                  "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                  "<schedule><conference><title>&lol2;</title></conference></schedule>",
                  -1, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_SCHEDULE, "document type");
  {
    GString *laughs = g_string_new ("<!DOCTYPE schedule [<!ENTITY l0 \"ha\">");

    for (guint i = 1; i < 10; i++)
      {
        g_string_append_printf (laughs, "<!ENTITY l%u \"", i);
        for (guint k = 0; k < 10; k++)
          g_string_append_printf (laughs, "&l%u;", i - 1);
        g_string_append (laughs, "\">");
      }
    g_string_append (laughs, "]><schedule><conference><title>&l9;</title></conference></schedule>");
    assert_refused (laughs->str, -1, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_SCHEDULE, "document type");
    g_string_free (laughs, TRUE);
  }
  assert_refused ("<!DOCTYPE schedule [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                  SCHEDULE (EVENT ("a", "2026-05-01T10:00:00Z", "00:10")),
                  -1, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_SCHEDULE, "document type");
  assert_refused ("<!DOCTYPE schedule SYSTEM \"http://example.invalid/schedule.dtd\">"
                  SCHEDULE (EVENT ("a", "2026-05-01T10:00:00Z", "00:10")),
                  -1, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_SCHEDULE, "document type");
  assert_refused (SCHEDULE ("<event><title>\xc0\xaf</title></event>"), -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_NOT_XML, "not UTF-8");
  assert_refused (SCHEDULE (EVENT ("a", "2026-05-01T10:00:00Z", "-01:00")), -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "“-01:00”");
  assert_refused (SCHEDULE (EVENT ("a", "2026-05-01T10:00:00Z", "999:00")), -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "“999:00”");
  assert_refused (SCHEDULE (EVENT ("a", "2026-05-01T10:00:00Z", "00:75")), -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, NULL);
  assert_refused (SCHEDULE (EVENT ("a", "2026-05-01T10:00:00Z", "ten minutes")), -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, NULL);
  assert_refused (SCHEDULE (EVENT ("a", "yesterday at ten", "00:10")), -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "not a date and time");
  assert_refused (SCHEDULE (EVENT ("a", "2026-02-30T10:00:00Z", "00:10")), -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "not a date and time");
  assert_refused (SCHEDULE ("<event guid=\"a\"><start>25:00</start><duration>00:10</duration></event>"), -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "not a date and time");
  assert_refused (SCHEDULE (EVENT ("a", "2026-05-01T10:00:00Z", "00:10") EVENT ("a", "2026-05-01T11:00:00Z", "00:10")),
                  -1, CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "same guid");
  assert_refused (cap, -1, CONVENE_SCHEDULE_IMPORT_ERROR_TOO_LARGE, "10000");
  assert_refused (many, -1, CONVENE_SCHEDULE_IMPORT_ERROR_TOO_LARGE, "more events");
  {
    GString *crowd = g_string_new ("<schedule><day><room name=\"R\"><event><date>2026-05-01T10:00:00Z</date>"
                                   "<duration>00:05</duration><persons>");

    for (guint i = 0; i <= CONVENE_SCHEDULE_IMPORT_MAX_PEOPLE; i++)
      g_string_append_printf (crowd, "<person>P%u</person>", i);
    g_string_append (crowd, "</persons></event></room></day></schedule>");
    assert_refused (crowd->str, -1, CONVENE_SCHEDULE_IMPORT_ERROR_TOO_LARGE, "more people");
    g_string_free (crowd, TRUE);
  }
  assert_refused (huge, CONVENE_SCHEDULE_IMPORT_MAX_BYTES + 1, CONVENE_SCHEDULE_IMPORT_ERROR_TOO_LARGE, "16 MiB");

  {
    GString *nest = g_string_new ("<schedule>");

    for (guint i = 0; i < 100000; i++)
      g_string_append (nest, "<day>");
    for (guint i = 0; i < 100000; i++)
      g_string_append (nest, "</day>");
    g_string_append (nest, "</schedule>");
    deep = g_string_free (nest, FALSE);
    assert_refused (deep, -1, CONVENE_SCHEDULE_IMPORT_ERROR_TOO_LARGE, "256 levels");
  }
}

/* An Indico export with one change in its text. */
static char *
indico_with (const char *from,
             const char *to)
{
  g_autofree char *path = sample_path ("indico.xml");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) edit = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  edit = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edit, from, to, 1), ==, 1);
  return g_string_free (g_steal_pointer (&edit), FALSE);
}

#define INDICO(contributions) \
  "<httpapiresult><results><conference id=\"1\"><title>C</title><timezone>Europe/Zurich</timezone>" \
  "<contributions>" contributions "</contributions></conference></results></httpapiresult>"
#define CONTRIBUTION(start, duration) \
  "<contribution id=\"1\"><title>T</title><startDate>" start "</startDate><duration>" duration "</duration>" \
  "<roomFullname>R</roomFullname></contribution>"

static void
test_indico_refusals (void)
{
  g_autofree char *path = sample_path ("indico.xml");
  g_autofree char *sample = NULL;
  g_autofree char *mars = indico_with ("<timezone>America/Toronto</timezone>", "<timezone>Mars/Olympus_Mons</timezone>");
  g_autofree char *no_zone = indico_with ("<timezone>America/Toronto</timezone>", "");
  g_autofree char *path_zone = indico_with ("<timezone>America/Toronto</timezone>", "<timezone>../../../etc/passwd</timezone>");
  g_autofree char *twice = indico_with ("contributions/38102/", "contributions/38101/");
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  assert_refused (mars, -1, CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "time zone");
  assert_refused (no_zone, -1, CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "time zone");
  assert_refused (path_zone, -1, CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "time zone");
  assert_refused (twice, -1, CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "same guid");

  /* Cut anywhere: not well-formed. */
  g_file_get_contents (path, &sample, &length, &error);
  g_assert_no_error (error);
  assert_refused (sample, 1, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_XML, "not well-formed XML");
  assert_refused (sample, length / 2, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_XML, "not well-formed XML");
  assert_refused (sample, length - 3, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_XML, "not well-formed XML");

  {
    GString *laughs = g_string_new ("<!DOCTYPE httpapiresult [<!ENTITY l0 \"ha\">");

    for (guint i = 1; i < 10; i++)
      {
        g_string_append_printf (laughs, "<!ENTITY l%u \"", i);
        for (guint k = 0; k < 10; k++)
          g_string_append_printf (laughs, "&l%u;", i - 1);
        g_string_append (laughs, "\">");
      }
    g_string_append (laughs, "]>" INDICO ("<contribution><title>&l9;</title></contribution>"));
    assert_refused (laughs->str, -1, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_SCHEDULE, "document type");
    g_string_free (laughs, TRUE);
  }

  assert_refused (INDICO (CONTRIBUTION ("2027-06-14T13:00:00+00:00", "-5")), -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "“-5” minutes");
  assert_refused (INDICO (CONTRIBUTION ("2027-06-14T13:00:00+00:00", "1441")), -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "“1441” minutes");
  assert_refused (INDICO (CONTRIBUTION ("2027-06-14T13:00:00+00:00", "ninety")), -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, NULL);
  assert_refused (INDICO (CONTRIBUTION ("2027-06-14T13:00:00+00:00", "")), -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "neither a duration nor an end");
  assert_refused (INDICO (CONTRIBUTION ("soon", "20")), -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "not a date and time");
  assert_refused (INDICO (CONTRIBUTION ("<unknown/>", "20")), -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "not a date and time");
  assert_refused (INDICO (CONTRIBUTION ("<date>2027-06-14</date><time>09:00:00</time><tz>Mars/Base</tz>", "20")), -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "not a date and time");
  assert_refused (INDICO (CONTRIBUTION ("<date>2027-02-30</date><time>09:00:00</time><tz>UTC</tz>", "20")), -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "not a date and time");
  assert_refused (INDICO (CONTRIBUTION ("", "20")), -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_NOT_SCHEDULE, "no contribution with a start time");
  assert_refused ("<httpapiresult><count>0</count><results/></httpapiresult>", -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_NOT_SCHEDULE, "nothing to import");
  assert_refused ("<httpapiresult><results><conference><title>C</title></conference></results></httpapiresult>", -1,
                  CONVENE_SCHEDULE_IMPORT_ERROR_INVALID, "time zone");
}

/* Events more than a day apart in one room of one day cannot share a
 * session: refused when the project is built, with nothing changed. */
static void
test_refused_layout (void)
{
  const char *xml = SCHEDULE (EVENT ("a", "2026-05-01T10:00:00Z", "00:10") EVENT ("b", "2026-05-03T10:00:00Z", "00:10"));
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneScheduleImport) schedule = convene_schedule_import_parse (xml, strlen (xml), "long.xml", &error);
  g_autoptr(ConveneProject) project = io_test_load_example ();
  g_autoptr(ConveneCommand) command = NULL;
  g_autofree char *before = export_json (project);
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  command = convene_schedule_import_build (schedule, project, NULL, &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“long.xml”"));
  after = export_json (project);
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schedule-import/frab", test_frab);
  g_test_add_func ("/schedule-import/pretalx", test_pretalx);
  g_test_add_func ("/schedule-import/indico", test_indico);
  g_test_add_func ("/schedule-import/indico-summary", test_indico_summary);
  g_test_add_func ("/schedule-import/indico-sessions", test_indico_sessions);
  g_test_add_func ("/schedule-import/into-existing", test_into_existing);
  g_test_add_func ("/schedule-import/reimport", test_reimport);
  g_test_add_func ("/schedule-import/round-trip-example", test_round_trip_example);
  g_test_add_func ("/schedule-import/round-trip-samples", test_round_trip_samples);
  g_test_add_func ("/schedule-import/round-trip-congress", test_round_trip_congress);
  g_test_add_func ("/schedule-import/round-trip-indico", test_round_trip_indico);
  g_test_add_func ("/schedule-import/cli", test_cli);
  g_test_add_func ("/schedule-import/cli-indico", test_cli_indico);
  g_test_add_func ("/schedule-import/refusals", test_refusals);
  g_test_add_func ("/schedule-import/indico-refusals", test_indico_refusals);
  g_test_add_func ("/schedule-import/refused-layout", test_refused_layout);

  return g_test_run ();
}
