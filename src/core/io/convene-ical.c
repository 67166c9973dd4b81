#define G_LOG_DOMAIN "convene-io"
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libical/ical.h>

#include "convene-ical.h"
#include "convene-person-schedule.h"
#include "convene-programme.h"

typedef struct
{
  ConveneProgramme *programme;
  icalcomponent    *calendar;
  /* The venue's zone as libical knows it; NULL when times are written in
   * UTC (a UTC venue, or a zone libical cannot find). */
  icaltimezone     *zone;
  const char       *zone_name;
  struct icaltimetype stamp;
} Calendar;

/* 1 January of the UTC year of time, or of the year after it. */
static struct icaltimetype
new_year (GDateTime *time,
          int        years_after)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  struct icaltimetype t = icaltime_null_time ();

  t.year = g_date_time_get_year (utc) + years_after;
  t.month = 1;
  t.day = 1;
  t.is_date = 0;
  return icaltime_set_timezone (&t, icaltimezone_get_utc_timezone ());
}

/* libical's zone carries its whole history (Zurich's starts in 1853 with
 * Bern Mean Time, an offset in seconds that calendars choke on). Only the
 * observances in force in the years the programme spans are kept: what a
 * calendar needs to place its events. */
static void
cut_to_programme (icalcomponent    *vtimezone,
                  ConveneProgramme *programme)
{
  guint n_days = convene_programme_get_n_days (programme);

  if (n_days == 0)
    return;
  icaltimezone_truncate_vtimezone (vtimezone,
                                   new_year (convene_programme_get_day (programme, 0)->start, 0),
                                   new_year (convene_programme_get_day (programme, n_days - 1)->end, 1),
                                   0);
}

static void
calendar_init (Calendar         *cal,
               ConveneProgramme *programme)
{
  ConveneProject *project = convene_programme_get_project (programme);
  const char *zone_name = convene_project_get_time_zone (project);
  g_autofree char *title = convene_programme_dup_xml_text (convene_project_get_title (project));

  cal->programme = programme;
  cal->calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property (cal->calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (cal->calendar,
                              icalproperty_new_prodid ("-//Convene//Convene " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (cal->calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  if (*title != '\0')
    {
      icalproperty *name = icalproperty_new_x (title);

      icalproperty_set_x_name (name, "X-WR-CALNAME");
      icalcomponent_add_property (cal->calendar, name);
    }

  if (g_strcmp0 (zone_name, "UTC") != 0)
    cal->zone = icaltimezone_get_builtin_timezone (zone_name);
  if (cal->zone != NULL)
    {
      /* libical names its zones after a prefix of its own; the file names
       * the zone as the project does, which every calendar knows. */
      icalcomponent *vtimezone = icalcomponent_new_clone (icaltimezone_get_component (cal->zone));
      icalproperty *tzid = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);

      if (tzid != NULL)
        icalproperty_set_tzid (tzid, zone_name);
      cut_to_programme (vtimezone, programme);
      icalcomponent_add_component (cal->calendar, vtimezone);
      cal->zone_name = zone_name;
    }

  cal->stamp = icaltime_from_timet_with_zone (g_get_real_time () / G_USEC_PER_SEC, 0,
                                              icaltimezone_get_utc_timezone ());
}

/* On the venue's clock with its TZID, or in UTC. */
static icalproperty *
time_property (Calendar      *cal,
               icalproperty *(*make) (struct icaltimetype),
               GDateTime     *time)
{
  struct icaltimetype t = icaltime_null_time ();
  g_autoptr(GDateTime) utc = NULL;
  GDateTime *shown = time;
  icalproperty *property;

  if (cal->zone == NULL)
    shown = utc = g_date_time_to_utc (time);

  t.year = g_date_time_get_year (shown);
  t.month = g_date_time_get_month (shown);
  t.day = g_date_time_get_day_of_month (shown);
  t.hour = g_date_time_get_hour (shown);
  t.minute = g_date_time_get_minute (shown);
  t.second = 0;
  t.is_date = 0;
  if (cal->zone == NULL)
    t = icaltime_set_timezone (&t, icaltimezone_get_utc_timezone ());

  property = make (t);
  if (cal->zone != NULL)
    icalproperty_add_parameter (property, icalparameter_new_tzid (cal->zone_name));
  return property;
}

static void
add_text (icalcomponent  *event,
          icalproperty *(*make) (const char *),
          const char     *text)
{
  g_autofree char *safe = convene_programme_dup_xml_text (text);

  icalcomponent_add_property (event, make (safe));
}

static char *
names_of (GPtrArray *people)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; i < people->len; i++)
    {
      const ConveneProgrammePerson *person = g_ptr_array_index (people, i);
      g_autofree char *name = NULL;

      if (g_ptr_array_find (seen, person->speaker, NULL))
        continue;
      g_ptr_array_add (seen, person->speaker);
      name = convene_speaker_dup_display_name (person->speaker);
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
location_of (ConveneProject *project,
             ConveneSession *session)
{
  const char *room = convene_session_get_room (session);
  const char *venue = convene_project_get_venue (project);

  if (*room != '\0' && *venue != '\0')
    /* Translators: an event's location in a calendar: room · venue. */
    return g_strdup_printf (_("%s · %s"), room, venue);
  return g_strdup (*room != '\0' ? room : venue);
}

static void
add_event (Calendar                    *cal,
           const ConveneProgrammeEntry *entry)
{
  ConveneProject *project = convene_programme_get_project (cal->programme);
  ConveneSegment *segment = entry->segment;
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  const char *title = convene_segment_get_title (segment);
  const char *notes = convene_segment_get_notes (segment);
  g_autofree char *names = names_of (entry->people);
  g_autofree char *people = convene_programme_describe_people (entry);
  g_autofree char *items = convene_programme_describe_items (entry);
  g_autofree char *location = location_of (project, entry->session);
  g_autofree char *summary = NULL;
  g_autoptr(GString) description = g_string_new (NULL);

  if (*title == '\0')
    title = convene_segment_kind_get_label (convene_segment_get_kind (segment));
  summary = *names != '\0'
    /* Translators: a calendar event's title: the segment's title — its people. */
    ? g_strdup_printf (_("%s — %s"), title, names)
    : g_strdup (title);

  /* Translators: the first line of a calendar event's description. */
  g_string_append_printf (description, _("Session: %s"), convene_session_get_title (entry->session));
  if (entry->parent != NULL)
    {
      const char *parent = convene_segment_get_title (entry->parent);

      if (*parent == '\0')
        parent = convene_segment_kind_get_label (convene_segment_get_kind (entry->parent));
      g_string_append_c (description, '\n');
      /* Translators: in a calendar event's description, the segment an item belongs to. */
      g_string_append_printf (description, _("Part of: %s"), parent);
    }
  if (*people != '\0')
    {
      g_string_append_c (description, '\n');
      /* Translators: in a calendar event's description: who is on it, with roles. */
      g_string_append_printf (description, _("People: %s"), people);
    }
  if (*items != '\0')
    g_string_append_printf (description, "\n\n%s", items);
  if (*notes != '\0')
    g_string_append_printf (description, "\n\n%s", notes);

  icalcomponent_add_property (event, icalproperty_new_uid (convene_segment_get_uuid (segment)));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (cal->stamp));
  icalcomponent_add_property (event, time_property (cal, icalproperty_new_dtstart, entry->start));
  /* A moment (a segment of no length) has a start only. */
  if (entry->minutes > 0)
    icalcomponent_add_property (event, time_property (cal, icalproperty_new_dtend, entry->end));
  add_text (event, icalproperty_new_summary, summary);
  if (*location != '\0')
    add_text (event, icalproperty_new_location, location);
  add_text (event, icalproperty_new_description, description->str);
  add_text (event, icalproperty_new_categories,
            convene_segment_kind_get_label (convene_segment_get_kind (segment)));
  if (entry->parent != NULL)
    icalcomponent_add_property (event, icalproperty_new_relatedto (convene_segment_get_uuid (entry->parent)));
  icalcomponent_add_component (cal->calendar, event);
}

/* A role on a whole session: the session's span, under the session's UUID. */
static void
add_session_event (Calendar                         *cal,
                   ConveneSession                   *session,
                   const ConvenePersonScheduleEntry *appearance)
{
  ConveneProject *project = convene_programme_get_project (cal->programme);
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autofree char *location = location_of (project, session);
  g_autofree char *description = NULL;
  const char *description_text = convene_session_get_description (session);

  description = *description_text != '\0'
    ? g_strdup_printf ("%s\n\n%s", convene_role_get_label (appearance->role), description_text)
    : g_strdup (convene_role_get_label (appearance->role));

  icalcomponent_add_property (event, icalproperty_new_uid (convene_session_get_uuid (session)));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (cal->stamp));
  icalcomponent_add_property (event, time_property (cal, icalproperty_new_dtstart, appearance->start));
  if (g_date_time_compare (appearance->end, appearance->start) > 0)
    icalcomponent_add_property (event, time_property (cal, icalproperty_new_dtend, appearance->end));
  add_text (event, icalproperty_new_summary, convene_session_get_title (session));
  if (*location != '\0')
    add_text (event, icalproperty_new_location, location);
  add_text (event, icalproperty_new_description, description);
  icalcomponent_add_component (cal->calendar, event);
}

static GBytes *
calendar_finish (Calendar *cal)
{
  char *text = icalcomponent_as_ical_string_r (cal->calendar);
  GBytes *bytes = g_bytes_new (text, strlen (text));

  icalmemory_free_buffer (text);
  icalcomponent_free (cal->calendar);
  return bytes;
}

GBytes *
convene_ical_export (ConveneProject  *project,
                     GError         **error)
{
  g_autoptr(ConveneProgramme) programme = NULL;
  Calendar cal = { 0 };

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  programme = convene_programme_new (project);
  if (!convene_programme_check_scheduled (programme, error))
    return NULL;

  calendar_init (&cal, programme);
  for (guint i = 0; i < convene_programme_get_n_entries (programme); i++)
    {
      const ConveneProgrammeEntry *entry = convene_programme_get_entry (programme, i);

      if (entry->start != NULL)
        add_event (&cal, entry);
    }
  return calendar_finish (&cal);
}

static const ConveneProgrammeEntry *
find_entry (ConveneProgramme *programme,
            gint64            segment_id)
{
  for (guint i = 0; i < convene_programme_get_n_entries (programme); i++)
    {
      const ConveneProgrammeEntry *entry = convene_programme_get_entry (programme, i);

      if (convene_segment_get_id (entry->segment) == segment_id)
        return entry;
    }
  return NULL;
}

GBytes *
convene_ical_export_person (ConveneProject  *project,
                            ConveneSpeaker  *speaker,
                            GError         **error)
{
  g_autoptr(ConveneProgramme) programme = NULL;
  g_autoptr(GPtrArray) appearances = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  Calendar cal = { 0 };

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SPEAKER (speaker), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  programme = convene_programme_new (project);
  appearances = convene_person_schedule_compute (project, speaker, FALSE);

  calendar_init (&cal, programme);
  for (guint i = 0; i < appearances->len; i++)
    {
      const ConvenePersonScheduleEntry *appearance = g_ptr_array_index (appearances, i);
      ConveneSession *session = convene_project_find_session (project, appearance->session_id);
      gconstpointer key;

      /* Undated sessions have no place in a calendar. */
      if (session == NULL || *convene_session_get_date (session) == '\0')
        continue;

      if (appearance->segment_id != 0)
        {
          const ConveneProgrammeEntry *entry = find_entry (programme, appearance->segment_id);

          /* Two roles on one segment are one event. */
          if (entry == NULL || g_ptr_array_find (added, entry, NULL))
            continue;
          add_event (&cal, entry);
          key = entry;
        }
      else
        {
          if (g_ptr_array_find (added, session, NULL))
            continue;
          add_session_event (&cal, session, appearance);
          key = session;
        }
      g_ptr_array_add (added, (gpointer) key);
    }

  if (added->len == 0)
    {
      g_autofree char *name = convene_speaker_dup_display_name (speaker);

      icalcomponent_free (cal.calendar);
      g_set_error (error, CONVENE_EXPORT_ERROR, CONVENE_EXPORT_ERROR_NOTHING_SCHEDULED,
                   /* Translators: %s is a person's name. */
                   _("%s is not on anything with a date yet, so there is nothing to put in a calendar."),
                   name);
      return NULL;
    }
  return calendar_finish (&cal);
}
