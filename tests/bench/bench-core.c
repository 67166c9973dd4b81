/* The core's side of the benchmarks (run by tests/bench/run, never a test).
 *
 *   bench-core generate N OUT.json   a synthetic project of N segments,
 *                                    2,000 speakers and outcomes, as JSON
 *   bench-core open PROJECT          open-to-ready time and peak memory
 *   bench-core edits PROJECT COUNT   persist time of COUNT single edits
 *   bench-core roster-csv N DIR      a roster of N people read from CSV into
 *                                    a new project in DIR as the window
 *                                    does it, then undone
 *
 * Results are printed as "key value" lines on stdout. The generator is
 * deterministic: the same N gives the same bytes. */
#define G_LOG_DOMAIN "convene-bench"
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "convene-csv.h"
#include "convene-document.h"
#include "convene-edits.h"
#include "convene-json.h"

#define N_SPEAKERS 2000
#define SEGMENTS_PER_SESSION 100

static const char *first_names[] = { "Ana", "Bilal", "Chen", "Dalia", "Emeka", "Fatima", "Goran",
                                     "Hana", "Ines", "Jomo", "Kiri", "Lena", "Mateo", "Nadia" };
static const char *last_names[] = { "Alvarez", "Bakr", "Chowdhury", "Dubois", "Eze", "Fischer",
                                    "Gupta", "Haddad", "Ivanova", "Jensen", "Kowalski", "Lindqvist" };
static const char *organisations[] = { "WHO", "IOM", "UNHCR", "MSF", "Ministry of Health", "EURO" };
static const ConveneSegmentKind kinds[] = {
  CONVENE_SEGMENT_KIND_OPENING, CONVENE_SEGMENT_KIND_PRESENTATION, CONVENE_SEGMENT_KIND_PANEL,
  CONVENE_SEGMENT_KIND_DISCUSSION, CONVENE_SEGMENT_KIND_QA, CONVENE_SEGMENT_KIND_BREAK,
  CONVENE_SEGMENT_KIND_CLOSING,
};
static const guint durations[] = { 3, 5, 10, 15, 20, 30, 60 };

/* n_segments in sessions of per_session, 2 of n_speakers people on each. */
static ConveneProject *
generate (guint n_segments,
          guint per_session,
          guint n_speakers)
{
  ConveneProject *project = convene_project_new ();
  GListStore *speakers = convene_project_get_speakers (project);
  GListStore *assignments = convene_project_get_assignments (project);
  GListStore *links = convene_project_get_outcome_links (project);
  ConveneSession *session = NULL;

  convene_project_set_title (project, "Synthetic benchmark project");
  convene_project_set_organiser (project, "Convene benchmarks");
  convene_project_set_time_zone (project, "Europe/Zurich");

  for (guint i = 0; i < n_speakers; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s %u", first_names[i % G_N_ELEMENTS (first_names)],
                                               last_names[(i / 3) % G_N_ELEMENTS (last_names)], i + 1);
      g_autoptr(ConveneSpeaker) speaker = convene_speaker_new (convene_project_new_id (project), name);

      convene_speaker_set_organisation (speaker, organisations[i % G_N_ELEMENTS (organisations)]);
      convene_speaker_set_status (speaker, (ConveneSpeakerStatus) (i % CONVENE_N_SPEAKER_STATUSES));
      g_list_store_append (speakers, speaker);
    }

  for (guint i = 0; i < n_segments; i++)
    {
      g_autofree char *title = g_strdup_printf ("Item %u: health and migration governance topic %u",
                                                i + 1, i * 7919 % 1000);
      g_autoptr(ConveneSegment) segment = NULL;

      if (i % per_session == 0)
        {
          g_autoptr(ConveneSession) next = NULL;
          g_autofree char *session_title = g_strdup_printf ("Session %u", i / per_session + 1);
          g_autofree char *date = g_strdup_printf ("2027-05-%02u", 1 + (i / per_session) % 28);

          next = convene_session_new (convene_project_new_id (project), session_title, date, 9 * 60, 30);
          g_list_store_append (convene_project_get_sessions (project), next);
          session = next;

          for (guint k = 0; k < CONVENE_N_OUTCOME_KINDS; k++)
            {
              g_autofree char *text = g_strdup_printf ("Outcome %u of %s", k + 1, session_title);
              g_autoptr(ConveneOutcome) outcome =
                convene_outcome_new (convene_project_new_id (project), (ConveneOutcomeKind) k, text);

              g_list_store_append (convene_session_get_outcomes (session), outcome);
            }
        }

      segment = convene_segment_new (convene_project_new_id (project), kinds[i % G_N_ELEMENTS (kinds)],
                                     title, durations[i % G_N_ELEMENTS (durations)]);
      if (i % 3 == 0)
        convene_segment_set_notes (segment, "Lapel mic; slides from USB; timekeeper shows 2-minute card");
      g_list_store_append (convene_session_get_segments (session), segment);

      for (guint k = 0; k < 2; k++)
        {
          ConveneSpeaker *speaker = g_list_model_get_item (G_LIST_MODEL (speakers),
                                                           (i * 2 + k) % n_speakers);
          g_autoptr(ConveneAssignment) assignment =
            convene_assignment_new_for_segment (convene_project_new_id (project),
                                                convene_speaker_get_id (speaker),
                                                convene_segment_get_id (segment),
                                                k == 0 ? CONVENE_ROLE_PRESENTER : CONVENE_ROLE_PANELIST);

          g_list_store_append (assignments, assignment);
          g_object_unref (speaker);
        }

      /* The first segment of each session serves its first outcome. */
      if (i % per_session == 0)
        {
          ConveneOutcome *outcome = g_list_model_get_item (G_LIST_MODEL (convene_session_get_outcomes (session)), 0);
          g_autoptr(ConveneOutcomeLink) link =
            convene_outcome_link_new (convene_project_new_id (project), convene_outcome_get_id (outcome),
                                      convene_segment_get_id (segment));

          g_list_store_append (links, link);
          g_object_unref (outcome);
        }
    }

  return project;
}

static long
peak_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static ConveneDocument *
open_document (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ConveneDocument *document = convene_document_open (file, CONVENE_STORE_READ_WRITE, &error);

  if (document == NULL)
    {
      fprintf (stderr, "bench-core: %s\n", error->message);
      exit (1);
    }
  return document;
}

/* N people as a spreadsheet exports them: every column, a quoted
 * organisation with a comma, a bio on some rows, notes on few. */
static GString *
roster_rows (guint n)
{
  GString *csv = g_string_new ("\xEF\xBB\xBF" "Honorific,First name,Last name,Job title,Organisation,"
                               "Email,Phone,Status,Bio,Notes\r\n");
  static const char * const statuses[] = { "invited", "tentative", "confirmed", "declined" };

  for (guint i = 0; i < n; i++)
    {
      const char *first = first_names[i % G_N_ELEMENTS (first_names)];
      const char *last = last_names[(i / 3) % G_N_ELEMENTS (last_names)];

      g_string_append_printf (csv, "%s,%s,%s %u,Senior adviser,\"%s, Geneva\",%c.%s%u@example.org,"
                              "+41 22 791 %04u,%s,%s,%s\r\n",
                              i % 2 == 0 ? "Dr" : "Ms", first, last, i + 1,
                              organisations[i % G_N_ELEMENTS (organisations)],
                              g_ascii_tolower (first[0]), last, i + 1, i % 10000,
                              statuses[i % G_N_ELEMENTS (statuses)],
                              i % 4 == 0 ? "\"Works on health financing, migration and data.\"" : "",
                              i % 10 == 0 ? "Needs a visa letter" : "");
    }
  return csv;
}

/* The time from the file's bytes to the people in the saved project (and
 * of the reading alone), and of undoing it, for a roster of n people. */
static int
roster_csv (guint       n,
            const char *dir)
{
  g_autoptr(GString) csv = roster_rows (n);
  g_autofree char *csv_path = g_build_filename (dir, "roster.csv", NULL);
  g_autofree char *project_path = g_build_filename (dir, "roster.convene", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(ConveneCsvPeople) read_people = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  ConveneProject *project;
  gint64 start, read, added, undone;

  if (!g_file_set_contents (csv_path, csv->str, (gssize) csv->len, &error) ||
      (document = convene_document_create (project_file, NULL, &error)) == NULL)
    {
      fprintf (stderr, "bench-core: %s\n", error->message);
      return 1;
    }
  project = convene_document_get_project (document);

  /* The roster view reads in a worker thread, then makes the people and
   * adds them in one command on the main thread: the same calls. */
  start = g_get_monotonic_time ();
  read_people = convene_csv_read_people_file (csv_file, NULL, NULL, NULL, &error);
  read = g_get_monotonic_time ();
  if (read_people != NULL)
    people = convene_csv_people_make_speakers (read_people, project);
  if (people == NULL ||
      !convene_document_perform (document, convene_edit_add_speakers (project, people, G_MAXUINT, &error),
                                 &error))
    {
      fprintf (stderr, "bench-core: %s\n", error->message);
      return 1;
    }
  added = g_get_monotonic_time ();
  if (!convene_document_undo (document, &error))
    {
      fprintf (stderr, "bench-core: %s\n", error->message);
      return 1;
    }
  undone = g_get_monotonic_time ();

  printf ("read_s %.6f\nimport_s %.6f\nundo_s %.6f\npeak_kib %ld\n",
          (read - start) / 1e6, (added - start) / 1e6, (undone - added) / 1e6, peak_kib ());
  convene_document_close (document);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  /* generate N OUT: sessions of 100 segments, 2,000 people; generate-session
   * N OUT: one long session (a plenary day), 60 people. */
  if (argc == 4 && (g_str_equal (argv[1], "generate") || g_str_equal (argv[1], "generate-session")))
    {
      guint n = (guint) strtoul (argv[2], NULL, 10);
      gboolean one_session = g_str_equal (argv[1], "generate-session");
      g_autoptr(ConveneProject) project = generate (n, one_session ? MAX (n, 1) : SEGMENTS_PER_SESSION,
                                                    one_session ? 60 : N_SPEAKERS);
      g_autoptr(GFile) out = g_file_new_for_path (argv[3]);
      g_autoptr(GError) error = NULL;

      if (!convene_json_export_to_file (project, out, &error))
        {
          fprintf (stderr, "bench-core: %s\n", error->message);
          return 1;
        }
      return 0;
    }

  if (argc == 3 && g_str_equal (argv[1], "open"))
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(ConveneDocument) document = open_document (argv[2]);
      gint64 ready = g_get_monotonic_time ();

      printf ("open_s %.6f\npeak_kib %ld\n", (ready - start) / 1e6, peak_kib ());
      convene_document_close (document);
      return 0;
    }

  if (argc == 4 && g_str_equal (argv[1], "edits"))
    {
      g_autoptr(ConveneDocument) document = open_document (argv[2]);
      ConveneProject *project = convene_document_get_project (document);
      ConveneSession *session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);
      GListModel *segments = G_LIST_MODEL (convene_session_get_segments (session));
      guint count = (guint) strtoul (argv[3], NULL, 10);
      g_autofree gint64 *times = g_new (gint64, MAX (count, 1));

      for (guint i = 0; i < count; i++)
        {
          ConveneSegment *segment = g_list_model_get_item (segments, i % g_list_model_get_n_items (segments));
          g_autofree char *title = g_strdup_printf ("Edited title %u", i);
          g_autoptr(GError) error = NULL;
          gint64 start = g_get_monotonic_time ();

          if (!convene_document_perform (document, convene_edit_set_text (segment, "title", title, &error),
                                         &error))
            {
              fprintf (stderr, "bench-core: %s\n", error->message);
              return 1;
            }
          times[i] = g_get_monotonic_time () - start;
          g_object_unref (segment);
        }
      qsort (times, count, sizeof *times, compare_times);
      printf ("median_s %.6f\np99_s %.6f\n", times[count / 2] / 1e6, times[count * 99 / 100] / 1e6);
      g_object_unref (session);
      convene_document_close (document);
      return 0;
    }

  if (argc == 4 && g_str_equal (argv[1], "roster-csv"))
    return roster_csv ((guint) strtoul (argv[2], NULL, 10), argv[3]);

  fprintf (stderr, "usage: bench-core generate N OUT.json | open PROJECT | edits PROJECT COUNT"
           " | roster-csv N DIR\n");
  return 2;
}
