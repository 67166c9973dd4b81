#define G_LOG_DOMAIN "convene-io"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-csv.h"
#include "convene-programme.h"
#include "convene-programme-csv.h"

static const char *
title_or_kind (ConveneSegment *segment)
{
  const char *title = convene_segment_get_title (segment);

  return *title != '\0' ? title : convene_segment_kind_get_label (convene_segment_get_kind (segment));
}

/* "Confirmed" when everyone on it has confirmed; otherwise who has not,
 * with their status: "Ben Okafor: Invited". */
static char *
describe_status (const ConveneProgrammeEntry *entry)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  if (entry->people->len == 0)
    return g_strdup ("");

  for (guint i = 0; i < entry->people->len; i++)
    {
      const ConveneProgrammePerson *person = g_ptr_array_index (entry->people, i);
      ConveneSpeakerStatus status = convene_speaker_get_status (person->speaker);
      g_autofree char *name = NULL;

      if (status == CONVENE_SPEAKER_STATUS_CONFIRMED || g_ptr_array_find (seen, person->speaker, NULL))
        continue;
      g_ptr_array_add (seen, person->speaker);
      name = convene_speaker_dup_display_name (person->speaker);
      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: a person who has not confirmed, and their status: "Ben Okafor: Invited". */
      g_string_append_printf (text, _("%s: %s"), name, convene_speaker_status_get_label (status));
    }

  if (text->len == 0)
    return g_strdup (convene_speaker_status_get_label (CONVENE_SPEAKER_STATUS_CONFIRMED));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
append_row (GString            *out,
            const char * const *values,
            guint               n_values)
{
  for (guint i = 0; i < n_values; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      convene_csv_append_value (out, values[i]);
    }
  g_string_append (out, "\r\n");
}

GBytes *
convene_programme_csv_export (ConveneProject  *project,
                              GError         **error)
{
  g_autoptr(ConveneProgramme) programme = NULL;
  const char *header[] = {
    _("Date"), _("Start"), _("End"), _("Minutes"), _("Session"), _("Room"), _("Kind"),
    _("Title"), _("Parent"), _("People"), _("Status"), _("Notes"), _("Cues"),
  };
  GString *out;
  gsize length;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  programme = convene_programme_new (project);

  /* The byte order mark tells spreadsheet programs the file is UTF-8. */
  out = g_string_new ("\xEF\xBB\xBF");
  append_row (out, header, G_N_ELEMENTS (header));

  for (guint i = 0; i < convene_programme_get_n_entries (programme); i++)
    {
      const ConveneProgrammeEntry *entry = convene_programme_get_entry (programme, i);
      g_autofree char *start = entry->start != NULL ? g_date_time_format (entry->start, "%H:%M") : g_strdup ("");
      g_autofree char *end = entry->end != NULL ? g_date_time_format (entry->end, "%H:%M") : g_strdup ("");
      g_autofree char *minutes = g_strdup_printf ("%d", entry->minutes);
      g_autofree char *people = convene_programme_describe_people (entry);
      g_autofree char *status = describe_status (entry);
      const char *row[] = {
        convene_session_get_date (entry->session),
        start,
        end,
        minutes,
        convene_session_get_title (entry->session),
        convene_session_get_room (entry->session),
        convene_segment_kind_get_label (convene_segment_get_kind (entry->segment)),
        title_or_kind (entry->segment),
        entry->parent != NULL ? title_or_kind (entry->parent) : "",
        people,
        status,
        convene_segment_get_notes (entry->segment),
        convene_segment_get_cues (entry->segment),
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (row) == 13);
      append_row (out, row, G_N_ELEMENTS (row));
    }

  length = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), length);
}
