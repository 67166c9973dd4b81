/* libFuzzer target: reading a concept note. Whatever file comes in (text,
 * a Word or OpenDocument zip, or a PDF), the readers answer with a proposal
 * or one sentence; each line's mark points at something the proposal holds,
 * also after review edits take things out; a proposal they accept must
 * build into a project and come out again on undo. */
#define G_LOG_DOMAIN "convene-fuzz"
#include "config.h"

#include <stdint.h>

#include "convene-concept-note.h"
#include "convene-note-files.h"
#include "convene-note-pdf.h"
#include "fuzz-support.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_support_init ();
  /* The PDF reader is linked in, instrumented, rather than loaded. */
  convene_note_set_pdf_reader (convene_note_pdf_text);
  return 0;
}

static void
check_lines (ConveneConceptNote *note)
{
  for (guint i = 0; i < note->lines->len; i++)
    {
      ConveneNoteLine *line = g_ptr_array_index (note->lines, i);

      g_assert (line->part < (int) note->parts->len);
      if (line->item >= 0)
        g_assert (line->part >= 0 &&
                  line->item < (int) ((ConveneNotePart *) g_ptr_array_index (note->parts, line->part))->items->len);
      g_assert (line->person < (int) note->people->len);
      g_assert (line->outcome < (int) note->outcomes->len);
      g_assert (line->doubt == NULL || line->doubt[0] != '\0');
    }
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
  check_lines (note);
  /* What the review can take out, while something else is left to build. */
  if (note->parts->len > 1)
    convene_concept_note_remove_part (note, 0, -1);
  if (note->parts->len > 0 && ((ConveneNotePart *) g_ptr_array_index (note->parts, 0))->items->len > 0)
    convene_concept_note_remove_part (note, 0, 0);
  if (note->people->len > 1)
    convene_concept_note_remove_person (note, 0);
  if (note->outcomes->len > 1)
    convene_concept_note_remove_outcome (note, 0);
  check_lines (note);

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
