/* libFuzzer target: importing schedule XML. Whatever file comes in, the
 * reader answers with a schedule or one sentence; a schedule it accepts
 * builds into an empty project as one command that undo takes out again,
 * and importing it a second time adds no event. */
#define G_LOG_DOMAIN "convene-fuzz"
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "convene-schedule-import.h"
#include "fuzz-support.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_support_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneScheduleImport) schedule = NULL;
  g_autoptr(ConveneCommand) command = NULL;
  g_autoptr(ConveneCommand) again = NULL;
  g_autoptr(GError) error = NULL;
  ConveneScheduleImportSummary summary;

  convene_project_set_time_zone (project, "UTC");
  schedule = convene_schedule_import_parse ((const char *) data, size, "fuzz.xml", &error);
  if (schedule == NULL)
    {
      g_assert (error != NULL && strstr (error->message, "“fuzz.xml”") != NULL);
      return 0;
    }
  g_assert (convene_schedule_import_get_n_events (schedule) > 0);

  command = convene_schedule_import_build (schedule, project, &summary, &error);
  if (command == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  g_assert (summary.added == convene_schedule_import_get_n_events (schedule));
  convene_command_apply (command);

  again = convene_schedule_import_build (schedule, project, &summary, &error);
  g_assert (again != NULL);
  g_assert (summary.added == 0 && summary.sessions == 0 && summary.new_people == 0);
  convene_command_apply (again);
  convene_command_revert (again);

  convene_command_revert (command);
  g_assert (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (project))) == 0);
  g_assert (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project))) == 0);
  g_assert (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_assignments (project))) == 0);
  return 0;
}
