#define G_LOG_DOMAIN "convene-notes"
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "convene-concept-note.h"
#include "convene-document.h"
#include "convene-note-cli.h"
#include "convene-note-files.h"

/* A note file larger than this is no concept note. */
#define MAX_NOTE_FILE_BYTES (64 * 1024 * 1024)

gboolean
convene_note_cli_is_note (const char *name)
{
  static const char *const extensions[] = { ".txt", ".md", ".markdown", ".odt", ".docx", ".pdf" };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  lower = g_ascii_strdown (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

static ConveneConceptNote *
read_note (GFile   *note_file,
           GError **error)
{
  g_autofree char *name = g_file_get_basename (note_file);
  g_autofree char *shown = g_file_get_parse_name (note_file);
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  ConveneConceptNote *note;
  gsize length = 0;

  if (!g_file_load_contents (note_file, NULL, &data, &length, NULL, &local_error))
    {
      /* Translators: %s is a file name, then the reason. */
      g_set_error (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT,
                   _("“%s” could not be read: %s"), shown, local_error->message);
      return NULL;
    }
  if (length > MAX_NOTE_FILE_BYTES)
    {
      /* Translators: %s is a file name. */
      g_set_error (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_TOO_LARGE,
                   _("“%s” is far larger than a concept note."), shown);
      return NULL;
    }
  text = convene_note_extract_text (data, length, name, &local_error);
  note = text != NULL ? convene_concept_note_parse (text, -1, &local_error) : NULL;
  if (note == NULL)
    {
      /* Translators: %s is a file name, then a sentence saying why. */
      g_set_error (error, local_error->domain, local_error->code,
                   _("“%s” cannot be imported. %s"), shown, local_error->message);
      return NULL;
    }
  return note;
}

/* The file's name without its extension: the session's title when the note
 * names none. */
static char *
bare_name (GFile *file)
{
  char *name = g_file_get_basename (file);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';
  return name;
}

static char *
describe_import (ConveneConceptNote *note,
                 const char         *session_title,
                 const char         *project_name,
                 gboolean            created)
{
  GString *report = g_string_new (NULL);
  guint segments = 0;
  guint without_length = 0;

  for (guint i = 0; i < note->parts->len; i++)
    {
      ConveneNotePart *part = g_ptr_array_index (note->parts, i);

      segments++;
      without_length += convene_note_part_get_minutes (part) == CONVENE_NOTE_NO_MINUTES;
      for (guint j = 0; j < part->items->len; j++)
        {
          ConveneNotePart *item = g_ptr_array_index (part->items, j);

          segments++;
          without_length += item->minutes == CONVENE_NOTE_NO_MINUTES;
        }
    }

  if (created)
    /* Translators: the first %s is a file name, the second a session's title. */
    g_string_append_printf (report, _("Created “%s” with the session “%s”."), project_name, session_title);
  else
    /* Translators: the first %s is a session's title, the second a file name. */
    g_string_append_printf (report, _("Added the session “%s” to “%s”."), session_title, project_name);
  g_string_append_c (report, '\n');
  g_string_append_printf (report, ngettext ("%u segment", "%u segments", segments), segments);
  if (without_length > 0)
    {
      g_string_append (report, " (");
      g_string_append_printf (report, ngettext ("length not given for %u: fill it in",
                                                "length not given for %u: fill them in", without_length),
                              without_length);
      g_string_append_c (report, ')');
    }
  g_string_append_c (report, '\n');
  g_string_append_printf (report, ngettext ("%u person", "%u people", note->people->len), note->people->len);
  g_string_append_c (report, '\n');
  g_string_append_printf (report, ngettext ("%u checklist item", "%u checklist items", note->outcomes->len),
                          note->outcomes->len);
  g_string_append_c (report, '\n');
  return g_string_free (report, FALSE);
}

static gboolean
import_note (GFile   *note_file,
             GFile   *project_file,
             char   **out_report,
             GError **error)
{
  g_autofree char *project_name = g_file_get_parse_name (project_file);
  g_autofree char *fallback = bare_name (note_file);
  g_autoptr(ConveneConceptNote) note = read_note (note_file, error);
  g_autoptr(ConveneDocument) document = NULL;
  ConveneCommand *command;
  ConveneSession *session = NULL;
  gboolean created;
  gboolean ok;

  if (note == NULL)
    return FALSE;

  created = g_file_query_file_type (project_file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_UNKNOWN;
  if (created)
    {
      g_autoptr(ConveneProject) project = convene_project_new ();

      convene_project_set_title (project, *note->title != '\0' ? note->title : fallback);
      document = convene_document_create (project_file, project, error);
    }
  else
    document = convene_document_open (project_file, CONVENE_STORE_READ_WRITE, error);
  if (document == NULL)
    return FALSE;
  if (convene_document_get_read_only (document))
    {
      /* Translators: %s is a file name, then the reason. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY, _("“%s” cannot be changed: %s"), project_name,
                   convene_document_get_read_only_reason (document));
      convene_document_close (document);
      return FALSE;
    }

  command = convene_concept_note_build (note, convene_document_get_project (document), fallback, &session, error);
  ok = command != NULL && convene_document_perform (document, command, error);
  if (ok)
    *out_report = describe_import (note, convene_session_get_title (session), project_name, created);
  convene_document_close (document);
  /* A project made for a note that could not go in is no project. */
  if (!ok && created)
    g_file_delete (project_file, NULL, NULL);
  return ok;
}

gboolean
convene_note_cli_import (GFile   *note_file,
                         GFile   *project_file,
                         char   **out_report,
                         GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (note_file), FALSE);
  g_return_val_if_fail (G_IS_FILE (project_file), FALSE);
  g_return_val_if_fail (out_report != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (import_note (note_file, project_file, out_report, &local_error))
    return TRUE;
  g_strdelimit (local_error->message, "\r\n", ' ');
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
