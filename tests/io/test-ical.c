/* The programme as iCalendar, read back with libical as calendars read it:
 * every event at the right instant in UTC, across a daylight-saving
 * change, with stable UIDs, and one person's own calendar. */
#include "config.h"

#include <string.h>
#include <libical/ical.h>

#include "convene-ical.h"
#include "convene-json.h"
#include "io-test-support.h"
#include "convene-programme.h"

static icalcomponent *
parse (GBytes *ics)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (ics, NULL), g_bytes_get_size (ics));
  icalcomponent *calendar = icalcomponent_new_from_string (text);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  /* Lines end in CR LF, as RFC 5545 asks. */
  g_assert_nonnull (strstr (text, "BEGIN:VCALENDAR\r\n"));
  return calendar;
}

static GPtrArray *
events_of (icalcomponent *calendar)
{
  GPtrArray *events = g_ptr_array_new ();

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    g_ptr_array_add (events, event);
  return events;
}

/* "20270523T103000Z": the instant, in UTC, as the calendar reads it. */
static char *
utc_text (struct icaltimetype time)
{
  struct icaltimetype utc = icaltime_convert_to_zone (time, icaltimezone_get_utc_timezone ());

  return g_strdup (icaltime_as_ical_string (utc));
}

static char *
expected_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

static GBytes *
export_ok (ConveneProject *project)
{
  g_autoptr(GError) error = NULL;
  GBytes *ics = convene_ical_export (project, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ics);
  return ics;
}

static ConveneSession *
nth_session (ConveneProject *project,
             guint           n)
{
  g_autoptr(ConveneSession) session =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), n);
  return session;
}

static ConveneSpeaker *
find_speaker (ConveneProject *project,
              const char     *name)
{
  GListModel *speakers = G_LIST_MODEL (convene_project_get_speakers (project));

  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (speakers, i);

      if (g_str_equal (convene_speaker_get_name (speaker), name))
        return speaker;
    }
  g_assert_not_reached ();
}

static void
test_example (void)
{
  g_autoptr(ConveneProject) project = io_test_load_example ();
  g_autoptr(ConveneProgramme) programme = convene_programme_new (project);
  g_autoptr(GBytes) ics = export_ok (project);
  icalcomponent *calendar = parse (ics);
  g_autoptr(GPtrArray) events = events_of (calendar);
  icalcomponent *vtimezone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);

  /* The venue's zone, under its own name. */
  g_assert_nonnull (vtimezone);
  g_assert_cmpstr (icalproperty_get_tzid (icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY)),
                   ==, "Europe/Zurich");

  /* One event per segment and item, at the programme's instants. */
  g_assert_cmpuint (events->len, ==, convene_programme_get_n_entries (programme));
  g_assert_cmpuint (events->len, ==, 10);
  for (guint i = 0; i < events->len; i++)
    {
      const ConveneProgrammeEntry *entry = convene_programme_get_entry (programme, i);
      icalcomponent *event = events->pdata[i];
      g_autofree char *start = utc_text (icalcomponent_get_dtstart (event));
      g_autofree char *end = utc_text (icalcomponent_get_dtend (event));
      g_autofree char *want_start = expected_utc (entry->start);
      g_autofree char *want_end = expected_utc (entry->end);

      g_assert_cmpstr (icalcomponent_get_uid (event), ==, convene_segment_get_uuid (entry->segment));
      g_assert_cmpstr (start, ==, want_start);
      g_assert_cmpstr (end, ==, want_end);
    }
  {
    g_autofree char *opening = utc_text (icalcomponent_get_dtstart (events->pdata[0]));

    /* 12:30 in Geneva in May is 10:30 UTC. */
    g_assert_cmpstr (opening, ==, "20270523T103000Z");
  }

  /* A talk of the panel: "title — speaker", its people with roles, and its
   * panel named and related. */
  g_assert_cmpstr (icalcomponent_get_summary (events->pdata[3]), ==,
                   "B. Manage the influx: the role of the health sector in managing large movements "
                   "of refugees and migrants — Santino Severoni");
  g_assert_nonnull (strstr (icalcomponent_get_description (events->pdata[3]),
                            "People: Santino Severoni (Presenter)"));
  g_assert_nonnull (strstr (icalcomponent_get_description (events->pdata[3]), "Part of: II. Panel"));
  g_assert_cmpstr (icalproperty_get_relatedto (icalcomponent_get_first_property (events->pdata[3],
                                                                               ICAL_RELATEDTO_PROPERTY)),
                   ==, icalcomponent_get_uid (events->pdata[1]));
  /* The moderated discussion names both moderators. */
  g_assert_cmpstr (icalcomponent_get_summary (events->pdata[8]), ==,
                   "III. Moderated discussion — Dr James Campbell, Kanokporn Kaojaroen");
  icalcomponent_free (calendar);
}

/* Through the night the clocks go forward, with text a calendar must
 * escape, a room and a venue. */
static void
test_daylight_saving_and_text (void)
{
  static const char title[] = "Keynote, part 1; \"x\" \\ y\nsecond line — é";
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneSession) session = convene_session_new (convene_project_new_id (project), "Night",
                                                           "2027-03-28", 90, 240);
  g_autoptr(ConveneSegment) before = convene_segment_new (convene_project_new_id (project),
                                                          CONVENE_SEGMENT_KIND_OPENING, "Before", 30);
  g_autoptr(ConveneSegment) across = convene_segment_new (convene_project_new_id (project),
                                                          CONVENE_SEGMENT_KIND_KEYNOTE, title, 90);
  g_autoptr(GBytes) ics = NULL;
  g_autoptr(GPtrArray) events = NULL;
  icalcomponent *calendar;

  convene_project_set_time_zone (project, "Europe/Zurich");
  convene_project_set_venue (project, "Palais");
  convene_session_set_room (session, "Hall A");
  convene_segment_set_notes (across, "Notes, with; punctuation\nand lines.");
  g_list_store_append (convene_project_get_sessions (project), session);
  g_list_store_append (convene_session_get_segments (session), before);
  g_list_store_append (convene_session_get_segments (session), across);

  ics = export_ok (project);
  calendar = parse (ics);
  events = events_of (calendar);
  g_assert_cmpuint (events->len, ==, 2);
  {
    g_autofree char *start0 = utc_text (icalcomponent_get_dtstart (events->pdata[0]));
    g_autofree char *start1 = utc_text (icalcomponent_get_dtstart (events->pdata[1]));
    g_autofree char *end1 = utc_text (icalcomponent_get_dtend (events->pdata[1]));

    /* 01:30 CET, then 03:00 CEST (02:00 does not happen), then 04:30 CEST. */
    g_assert_cmpstr (start0, ==, "20270328T003000Z");
    g_assert_cmpstr (start1, ==, "20270328T010000Z");
    g_assert_cmpstr (end1, ==, "20270328T023000Z");
  }
  /* The zone is defined by the years of the programme alone, and that
   * definition (not libical's own copy of the zone) places the events on
   * both sides of the change. */
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (ics, NULL), g_bytes_get_size (ics));
    icalcomponent *vtimezone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
    icaltimezone *zone = icaltimezone_new ();
    struct icaltimetype before_change = icaltime_from_string ("20270328T013000");
    struct icaltimetype after_change = icaltime_from_string ("20270328T030000");
    int observances = 0;

    g_assert_null (strstr (text, "BMT"));
    g_assert_null (strstr (text, "1853"));
    g_assert_null (strstr (text, "+002946"));
    for (icalcomponent *part = icalcomponent_get_first_component (vtimezone, ICAL_ANY_COMPONENT);
         part != NULL; part = icalcomponent_get_next_component (vtimezone, ICAL_ANY_COMPONENT))
      {
        struct icaltimetype start = icalcomponent_get_dtstart (part);

        g_assert_cmpint (start.year, >=, 2027);
        observances++;
      }
    /* Winter at new year, summer from March, winter from October. */
    g_assert_cmpint (observances, ==, 3);

    g_assert_true (icaltimezone_set_component (zone, icalcomponent_new_clone (vtimezone)));
    icaltimezone_convert_time (&before_change, zone, icaltimezone_get_utc_timezone ());
    icaltimezone_convert_time (&after_change, zone, icaltimezone_get_utc_timezone ());
    g_assert_cmpint (before_change.hour, ==, 0);
    g_assert_cmpint (after_change.hour, ==, 1);
    icaltimezone_free (zone, 1);
  }
  g_assert_cmpstr (icalcomponent_get_summary (events->pdata[1]), ==, title);
  g_assert_cmpstr (icalcomponent_get_location (events->pdata[1]), ==, "Hall A · Palais");
  g_assert_nonnull (strstr (icalcomponent_get_description (events->pdata[1]),
                            "Notes, with; punctuation\nand lines."));
  icalcomponent_free (calendar);
}

/* A later export of the same project gives its events the same UIDs; a UTC
 * venue is written in UTC, with no zone to define. */
static void
test_stable_uids_and_utc (void)
{
  g_autoptr(ConveneProject) project = io_test_load_example ();
  g_autofree char *json = convene_json_export (project, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneProject) again = convene_json_import (json, -1, &error);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  icalcomponent *a, *b;
  g_autoptr(GPtrArray) events_a = NULL;
  g_autoptr(GPtrArray) events_b = NULL;

  g_assert_no_error (error);
  convene_project_set_time_zone (again, "UTC");
  first = export_ok (project);
  second = export_ok (again);
  a = parse (first);
  b = parse (second);
  events_a = events_of (a);
  events_b = events_of (b);
  g_assert_cmpuint (events_a->len, ==, events_b->len);
  for (guint i = 0; i < events_a->len; i++)
    g_assert_cmpstr (icalcomponent_get_uid (events_a->pdata[i]), ==, icalcomponent_get_uid (events_b->pdata[i]));

  g_assert_null (icalcomponent_get_first_component (b, ICAL_VTIMEZONE_COMPONENT));
  g_assert_true (icaltime_is_utc (icalcomponent_get_dtstart (events_b->pdata[0])));
  {
    g_autofree char *start = utc_text (icalcomponent_get_dtstart (events_b->pdata[0]));

    g_assert_cmpstr (start, ==, "20270523T123000Z");
  }
  icalcomponent_free (a);
  icalcomponent_free (b);
}

/* One person's calendar: the segments they are on, and a session they
 * moderate as a whole, under the session's UUID. */
static void
test_person (void)
{
  g_autoptr(ConveneProject) project = io_test_load_example ();
  ConveneSpeaker *moderator = find_speaker (project, "Kanokporn Kaojaroen");
  ConveneSpeaker *presenter = find_speaker (project, "Enrico Fos");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ics = convene_ical_export_person (project, moderator, &error);
  g_autoptr(GBytes) other = NULL;
  g_autoptr(GPtrArray) events = NULL;
  icalcomponent *calendar;

  g_assert_no_error (error);
  calendar = parse (ics);
  events = events_of (calendar);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (icalcomponent_get_uid (events->pdata[0]), ==,
                   convene_session_get_uuid (nth_session (project, 0)));
  g_assert_cmpstr (icalcomponent_get_summary (events->pdata[0]), ==,
                   "Health and migration: international cooperation and governance");
  g_assert_cmpstr (icalcomponent_get_summary (events->pdata[1]), ==,
                   "III. Moderated discussion — Dr James Campbell, Kanokporn Kaojaroen");
  icalcomponent_free (calendar);

  other = convene_ical_export_person (project, presenter, &error);
  g_assert_no_error (error);
  calendar = parse (other);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = events_of (calendar);
  g_assert_cmpuint (events->len, ==, 1);
  icalcomponent_free (calendar);

  /* Someone on nothing gets a sentence, not an empty calendar. */
  {
    g_autoptr(ConveneSpeaker) nobody = convene_speaker_new (convene_project_new_id (project), "Nobody");
    g_autoptr(GBytes) none = NULL;

    g_list_store_append (convene_project_get_speakers (project), nobody);
    none = convene_ical_export_person (project, nobody, &error);
    g_assert_null (none);
    g_assert_error (error, CONVENE_EXPORT_ERROR, CONVENE_EXPORT_ERROR_NOTHING_SCHEDULED);
    g_assert_nonnull (strstr (error->message, "Nobody"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ical/example", test_example);
  g_test_add_func ("/ical/daylight-saving-and-text", test_daylight_saving_and_text);
  g_test_add_func ("/ical/stable-uids-and-utc", test_stable_uids_and_utc);
  g_test_add_func ("/ical/person", test_person);

  return g_test_run ();
}
