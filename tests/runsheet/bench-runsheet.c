/* Exports the synthetic run sheet of ../shared/bench/gen-runsheet-csv.py (the
 * same N rows: kinds, titles, two people each, notes on every third) as one
 * Convene session to PDF, so the whole process can be timed against the bare
 * Pango/Cairo floor and a spreadsheet on the same rows.
 * Use: bench-runsheet N OUT.pdf   (prints the export time to stderr) */
#include "config.h"

#include <stdlib.h>

#include "convene-limits.h"
#include "convene-project.h"
#include "convene-runsheet.h"

static const char *kinds[] = { "Opening remarks", "Presentation", "Panel", "Moderated discussion",
                               "Q&A", "Break", "Closing remarks" };
static const ConveneSegmentKind kind_values[] = {
  CONVENE_SEGMENT_KIND_OPENING, CONVENE_SEGMENT_KIND_PRESENTATION, CONVENE_SEGMENT_KIND_PANEL,
  CONVENE_SEGMENT_KIND_DISCUSSION, CONVENE_SEGMENT_KIND_QA, CONVENE_SEGMENT_KIND_BREAK,
  CONVENE_SEGMENT_KIND_CLOSING,
};
static const char *people[] = { "Enrico Fos", "Santino Severoni", "Tamam Aloudat", "Ibadat Dhillon",
                                "Stacey Pillay", "Teresa Zakaria", "James Campbell" };
static const guint durations[] = { 3, 5, 10, 15, 20, 30, 60 };

static ConveneProject *
build (guint n)
{
  ConveneProject *project = convene_project_new ();
  g_autoptr(ConveneSession) session = NULL;
  ConveneSpeaker *speakers[G_N_ELEMENTS (people)];
  GListStore *segments;

  convene_project_set_title (project, "Benchmark");
  convene_project_set_time_zone (project, "UTC");
  session = convene_session_new (convene_project_new_id (project), "Synthetic run sheet",
                                 "2027-05-23", 9 * 60, CONVENE_MAX_SLOT_MINUTES);
  g_list_store_append (convene_project_get_sessions (project), session);
  segments = convene_session_get_segments (session);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(ConveneSpeaker) speaker = convene_speaker_new (convene_project_new_id (project), people[i]);

      convene_speaker_set_status (speaker, CONVENE_SPEAKER_STATUS_CONFIRMED);
      g_list_store_append (convene_project_get_speakers (project), speaker);
      speakers[i] = speaker;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s %u: health and migration governance topic %u",
                                                kinds[i % 7], i + 1, i * 7919 % 1000);
      g_autoptr(ConveneSegment) segment =
        convene_segment_new (convene_project_new_id (project), kind_values[i % 7], title, durations[i % 7]);

      if (i % 3 == 0)
        convene_segment_set_notes (segment, "Lapel mic; slides from USB; timekeeper shows 2-minute card");
      g_list_store_append (segments, segment);

      for (guint k = 0; k < 2; k++)
        {
          g_autoptr(ConveneAssignment) a =
            convene_assignment_new_for_segment (convene_project_new_id (project),
                                                convene_speaker_get_id (speakers[(i + 3 * k) % 7]),
                                                convene_segment_get_id (segment),
                                                CONVENE_ROLE_PRESENTER);

          g_list_store_append (convene_project_get_assignments (project), a);
        }
    }

  return project;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(ConveneRunsheetOptions) options = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (argc < 3)
    {
      g_printerr ("usage: %s N OUT.pdf\n", argv[0]);
      return 2;
    }

  project = build ((guint) strtoul (argv[1], NULL, 10));
  options = convene_runsheet_options_new ();
  out = g_file_new_for_commandline_arg (argv[2]);

  start = g_get_monotonic_time ();
  if (!convene_runsheet_export_pdf (project, options, out, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_printerr ("export %.3f s\n", (g_get_monotonic_time () - start) / 1e6);
  return 0;
}
