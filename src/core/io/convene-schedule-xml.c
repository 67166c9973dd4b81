#define G_LOG_DOMAIN "convene-io"
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/xmlwriter.h>

#include "convene-programme.h"
#include "convene-schedule-xml.h"

/* libxml2's writer escapes markup (& < > and quotes in attributes); what
 * XML cannot hold at all is replaced first. Every call's result is kept:
 * one failure fails the export. */
typedef struct
{
  xmlTextWriterPtr writer;
  gboolean         failed;
} Out;

static void
check (Out *out,
       int  rc)
{
  if (rc < 0)
    out->failed = TRUE;
}

static void
open_element (Out        *out,
              const char *name)
{
  check (out, xmlTextWriterStartElement (out->writer, BAD_CAST name));
}

static void
close_element (Out *out)
{
  check (out, xmlTextWriterEndElement (out->writer));
}

static void
attribute (Out        *out,
           const char *name,
           const char *value)
{
  g_autofree char *safe = convene_programme_dup_xml_text (value);

  check (out, xmlTextWriterWriteAttribute (out->writer, BAD_CAST name, BAD_CAST safe));
}

static void
element (Out        *out,
         const char *name,
         const char *text)
{
  g_autofree char *safe = convene_programme_dup_xml_text (text);

  check (out, xmlTextWriterWriteElement (out->writer, BAD_CAST name, BAD_CAST safe));
}

static void
element_date_time (Out        *out,
                   const char *name,
                   GDateTime  *time)
{
  g_autofree char *text = convene_programme_format_date_time (time);

  element (out, name, text);
}

static void
write_event (Out                         *out,
             ConveneProgramme            *programme,
             const ConveneProgrammeEntry *entry)
{
  ConveneSegment *segment = entry->segment;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, convene_segment_get_id (segment));
  g_autofree char *start = g_date_time_format (entry->start, "%H:%M");
  g_autofree char *duration = g_strdup_printf ("%02d:%02d", entry->minutes / 60, entry->minutes % 60);
  g_autofree char *slug = convene_programme_dup_slug (programme, entry);
  g_autofree char *items = convene_programme_describe_items (entry);
  g_autoptr(GPtrArray) speakers = convene_programme_dup_speakers (entry);
  const char *title = convene_segment_get_title (segment);

  if (*title == '\0')
    title = convene_segment_kind_get_label (convene_segment_get_kind (segment));

  open_element (out, "event");
  attribute (out, "guid", convene_segment_get_uuid (segment));
  attribute (out, "id", id);
  element_date_time (out, "date", entry->start);
  element (out, "start", start);
  element (out, "duration", duration);
  element (out, "room", entry->room);
  element (out, "slug", slug);
  element (out, "title", title);
  element (out, "track", convene_session_get_title (entry->session));
  element (out, "type", convene_segment_kind_to_nick (convene_segment_get_kind (segment)));
  element (out, "abstract", convene_segment_get_notes (segment));
  if (*items != '\0')
    element (out, "description", items);

  open_element (out, "persons");
  for (guint i = 0; i < speakers->len; i++)
    {
      ConveneSpeaker *speaker = g_ptr_array_index (speakers, i);
      g_autofree char *name = convene_speaker_dup_display_name (speaker);
      g_autofree char *speaker_id = g_strdup_printf ("%" G_GINT64_FORMAT, convene_speaker_get_id (speaker));
      g_autofree char *safe = convene_programme_dup_xml_text (name);

      open_element (out, "person");
      attribute (out, "id", speaker_id);
      check (out, xmlTextWriterWriteString (out->writer, BAD_CAST safe));
      close_element (out);
    }
  close_element (out);

  close_element (out);
}

static void
write_day (Out                       *out,
           ConveneProgramme          *programme,
           const ConveneProgrammeDay *day)
{
  g_autofree char *index = g_strdup_printf ("%u", day->index);
  g_autofree char *start = convene_programme_format_date_time (day->start);
  g_autofree char *end = convene_programme_format_date_time (day->end);

  /* The day's start is its first event's, so a consumer that hides events
   * before a usual day start (Giggity: 06:00) shows early ones. */
  open_element (out, "day");
  attribute (out, "index", index);
  attribute (out, "date", day->date);
  attribute (out, "start", start);
  attribute (out, "end", end);
  for (guint r = 0; r < day->rooms->len; r++)
    {
      GPtrArray *events = g_ptr_array_index (day->room_events, r);

      open_element (out, "room");
      attribute (out, "name", g_ptr_array_index (day->rooms, r));
      for (guint e = 0; e < events->len; e++)
        write_event (out, programme, g_ptr_array_index (events, e));
      close_element (out);
    }
  close_element (out);
}

static void
write_conference (Out              *out,
                  ConveneProgramme *programme)
{
  ConveneProject *project = convene_programme_get_project (programme);
  const ConveneProgrammeDay *first = convene_programme_get_day (programme, 0);
  const ConveneProgrammeDay *last =
    convene_programme_get_day (programme, convene_programme_get_n_days (programme) - 1);
  g_autofree char *acronym = convene_programme_dup_acronym (programme);
  g_autofree char *days = g_strdup_printf ("%u", convene_programme_get_n_days (programme));

  open_element (out, "conference");
  element (out, "title", convene_project_get_title (project));
  element (out, "acronym", acronym);
  element_date_time (out, "start", first->start);
  element_date_time (out, "end", last->end);
  element (out, "days", days);
  /* Convene plans to the minute; five minutes is the grid apps draw. */
  element (out, "timeslot_duration", "00:05");
  element (out, "time_zone_name", convene_project_get_time_zone (project));
  close_element (out);
}

GBytes *
convene_schedule_xml_export (ConveneProject  *project,
                             GError         **error)
{
  g_autoptr(ConveneProgramme) programme = NULL;
  xmlBufferPtr buffer;
  Out out = { 0 };
  GBytes *bytes = NULL;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  programme = convene_programme_new (project);
  if (!convene_programme_check_scheduled (programme, error) ||
      !convene_programme_check_event_lengths (programme, error))
    return NULL;

  buffer = xmlBufferCreate ();
  out.writer = buffer != NULL ? xmlNewTextWriterMemory (buffer, 0) : NULL;
  if (out.writer == NULL)
    {
      g_clear_pointer (&buffer, xmlBufferFree);
      g_set_error_literal (error, CONVENE_EXPORT_ERROR, CONVENE_EXPORT_ERROR_FAILED,
                           _("The schedule could not be written: out of memory."));
      return NULL;
    }

  check (&out, xmlTextWriterSetIndent (out.writer, 1));
  check (&out, xmlTextWriterSetIndentString (out.writer, BAD_CAST "  "));
  check (&out, xmlTextWriterStartDocument (out.writer, "1.0", "UTF-8", NULL));
  open_element (&out, "schedule");

  open_element (&out, "generator");
  attribute (&out, "name", "Convene");
  attribute (&out, "version", PACKAGE_VERSION);
  close_element (&out);
  element (&out, "version", convene_programme_get_version (programme));
  write_conference (&out, programme);
  for (guint d = 0; d < convene_programme_get_n_days (programme); d++)
    write_day (&out, programme, convene_programme_get_day (programme, d));

  close_element (&out);
  check (&out, xmlTextWriterEndDocument (out.writer));
  xmlFreeTextWriter (out.writer);

  if (!out.failed)
    bytes = g_bytes_new (xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));
  else
    g_set_error_literal (error, CONVENE_EXPORT_ERROR, CONVENE_EXPORT_ERROR_FAILED,
                         _("The schedule could not be written: out of memory."));
  xmlBufferFree (buffer);
  return bytes;
}
