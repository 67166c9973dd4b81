#define G_LOG_DOMAIN "convene-crash"
#include "config.h"

#include "convene-edits.h"
#include "convene-limits.h"
#include "crash-edits.h"

ConveneProject *
crash_base_project (void)
{
  ConveneProject *project = convene_project_new ();
  g_autoptr(ConveneSession) session = NULL;

  convene_project_set_title (project, "Crash burst");
  convene_project_set_time_zone (project, "UTC");
  session = convene_session_new (convene_project_new_id (project), "Plenary", "2027-05-23", 9 * 60, 5);
  g_list_store_append (convene_project_get_sessions (project), session);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *title = g_strdup_printf ("Segment %u", i + 1);
      g_autoptr(ConveneSegment) segment =
        convene_segment_new (convene_project_new_id (project), CONVENE_SEGMENT_KIND_PRESENTATION,
                             title, 10);

      g_list_store_append (convene_session_get_segments (session), segment);
    }

  return project;
}

static gpointer
nth (GListStore *list,
     guint       position)
{
  /* Borrowed: the list keeps it alive. */
  ConveneSegment *item = g_list_model_get_item (G_LIST_MODEL (list), position);

  g_object_unref (item);
  return item;
}

static ConveneCommand *
must (ConveneCommand *command,
      GError         *error)
{
  if (command == NULL)
    g_error ("a crash-test edit could not be built: %s", error ? error->message : "?");
  return command;
}

ConveneCommand *
crash_next_edit (ConveneProject *project,
                 GRand          *rand,
                 guint           n)
{
  ConveneSession *session = nth (convene_project_get_sessions (project), 0);
  GListStore *segments = convene_session_get_segments (session);
  GListStore *speakers = convene_project_get_speakers (project);
  guint n_segments = g_list_model_get_n_items (G_LIST_MODEL (segments));
  guint n_speakers = g_list_model_get_n_items (G_LIST_MODEL (speakers));
  g_autofree char *text = g_strdup_printf ("edit %u", n);
  GError *error = NULL;
  ConveneCommand *command;
  guint op = g_rand_int_range (rand, 0, 9);

  /* Keep the session between 2 and 40 segments so every edit is possible. */
  if (op == 5 && n_segments <= 2)
    op = 4;
  if (op == 4 && n_segments >= 40)
    op = 5;
  if (op == 8 && n_speakers == 0)
    op = 7;

  switch (op)
    {
    case 0:
      command = convene_edit_set_text (project, "title", text, &error);
      break;
    case 1:
      command = convene_edit_set_text (nth (segments, g_rand_int_range (rand, 0, n_segments)),
                                       "title", text, &error);
      break;
    case 2:
      command = convene_edit_set_text (nth (segments, g_rand_int_range (rand, 0, n_segments)),
                                       "notes", text, &error);
      break;
    case 3:
      command = convene_edit_set_number (nth (segments, g_rand_int_range (rand, 0, n_segments)),
                                         "duration", g_rand_int_range (rand, 0, 240), &error);
      break;
    case 4:
      {
        g_autoptr(ConveneSegment) segment =
          convene_segment_new (convene_project_new_id (project), CONVENE_SEGMENT_KIND_PANEL, text,
                               g_rand_int_range (rand, 1, 60));

        command = convene_edit_add_segment (project, session, NULL,
                                            g_rand_int_range (rand, 0, n_segments + 1), segment,
                                            &error);
      }
      break;
    case 5:
      command = convene_edit_remove_segment (project, session,
                                             nth (segments, g_rand_int_range (rand, 0, n_segments)));
      break;
    case 6:
      {
        ConveneSegment *segment = nth (segments, g_rand_int_range (rand, 0, n_segments));

        command = convene_edit_move_segment (project, session, segment, NULL,
                                             g_rand_int_range (rand, 0, n_segments), &error);
      }
      break;
    case 7:
      {
        g_autoptr(ConveneSpeaker) speaker = convene_speaker_new (convene_project_new_id (project), text);

        command = convene_edit_add_speaker (project, speaker, n_speakers);
      }
      break;
    default:
      {
        ConveneSpeaker *speaker = nth (speakers, g_rand_int_range (rand, 0, n_speakers));
        ConveneSegment *segment = nth (segments, g_rand_int_range (rand, 0, n_segments));
        g_autoptr(ConveneAssignment) assignment =
          convene_assignment_new_for_segment (convene_project_new_id (project),
                                              convene_speaker_get_id (speaker),
                                              convene_segment_get_id (segment),
                                              CONVENE_ROLE_PANELIST);

        command = convene_edit_add_assignment (project, assignment);
      }
      break;
    }

  return must (command, error);
}
