/* libFuzzer target: reading a concept note. Whatever file comes in (text,
 * or a Word or OpenDocument zip), the readers answer with a proposal or one
 * sentence; a proposal they accept must build into a project and come out
 * again on undo. */
#define G_LOG_DOMAIN "convene-fuzz"
#include "config.h"

#include <stdint.h>

#include "convene-concept-note.h"
#include "convene-note-files.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A warning caused by input is a bug: make it a crash the fuzzer keeps. */
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneConceptNote) note = NULL;
  g_autoptr(ConveneCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = convene_note_extract_text ((const char *) data, size, NULL, &error);

  if (text == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  note = convene_concept_note_parse (text, -1, &error);
  if (note == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  g_assert (note->parts->len > 0 || note->people->len > 0 || note->outcomes->len > 0);

  command = convene_concept_note_build (note, project, "Fuzz", NULL, &error);
  if (command == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  convene_command_apply (command);
  g_assert (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (project))) == 1);
  convene_command_revert (command);
  g_assert (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (project))) == 0);
  g_assert (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project))) == 0);
  return 0;
}
