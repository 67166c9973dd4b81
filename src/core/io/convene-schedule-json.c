#define G_LOG_DOMAIN "convene-io"
#include "config.h"

#include <json-glib/json-glib.h>

#include "convene-programme.h"
#include "convene-schedule-json.h"

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_date_time (JsonBuilder *builder,
               const char  *name,
               GDateTime   *time)
{
  g_autofree char *text = convene_programme_format_date_time (time);

  add_string (builder, name, text);
}

static void
add_event (JsonBuilder                 *builder,
           ConveneProgramme            *programme,
           const ConveneProgrammeEntry *entry)
{
  ConveneSegment *segment = entry->segment;
  g_autofree char *start = g_date_time_format (entry->start, "%H:%M");
  g_autofree char *duration = g_strdup_printf ("%02d:%02d", entry->minutes / 60, entry->minutes % 60);
  g_autofree char *slug = convene_programme_dup_slug (programme, entry);
  g_autofree char *url = g_strconcat ("urn:uuid:", convene_segment_get_uuid (segment), NULL);
  g_autofree char *items = convene_programme_describe_items (entry);
  g_autoptr(GPtrArray) speakers = convene_programme_dup_speakers (entry);
  const char *title = convene_segment_get_title (segment);

  if (*title == '\0')
    title = convene_segment_kind_get_label (convene_segment_get_kind (segment));

  json_builder_begin_object (builder);
  add_string (builder, "guid", convene_segment_get_uuid (segment));
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, convene_segment_get_id (segment));
  add_date_time (builder, "date", entry->start);
  add_string (builder, "start", start);
  add_date_time (builder, "end", entry->end);
  add_string (builder, "duration", duration);
  add_string (builder, "room", entry->room);
  add_string (builder, "slug", slug);
  add_string (builder, "url", url);
  add_string (builder, "title", title);
  add_string (builder, "subtitle", "");
  add_string (builder, "track", convene_session_get_title (entry->session));
  add_string (builder, "type", convene_segment_kind_to_nick (convene_segment_get_kind (segment)));
  json_builder_set_member_name (builder, "language");
  json_builder_add_null_value (builder);
  add_string (builder, "abstract", convene_segment_get_notes (segment));
  json_builder_set_member_name (builder, "description");
  if (*items != '\0')
    json_builder_add_string_value (builder, items);
  else
    json_builder_add_null_value (builder);

  /* A pretalx person: its name (and the id it has in this project). */
  json_builder_set_member_name (builder, "persons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < speakers->len; i++)
    {
      ConveneSpeaker *speaker = g_ptr_array_index (speakers, i);
      g_autofree char *name = convene_speaker_dup_display_name (speaker);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, convene_speaker_get_id (speaker));
      add_string (builder, "name", name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_day (JsonBuilder               *builder,
         ConveneProgramme          *programme,
         const ConveneProgrammeDay *day)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "index");
  json_builder_add_int_value (builder, day->index);
  add_string (builder, "date", day->date);
  add_date_time (builder, "day_start", day->start);
  add_date_time (builder, "day_end", day->end);
  json_builder_set_member_name (builder, "rooms");
  json_builder_begin_object (builder);
  for (guint r = 0; r < day->rooms->len; r++)
    {
      GPtrArray *events = g_ptr_array_index (day->room_events, r);

      json_builder_set_member_name (builder, g_ptr_array_index (day->rooms, r));
      json_builder_begin_array (builder);
      for (guint e = 0; e < events->len; e++)
        add_event (builder, programme, g_ptr_array_index (events, e));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* The schema takes only zone names of the form Area/Location, or UTC. */
static gboolean
zone_name_is_accepted (const char *zone)
{
  return g_regex_match_simple ("^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$", zone, 0, 0);
}

GBytes *
convene_schedule_json_export (ConveneProject  *project,
                              GError         **error)
{
  g_autoptr(ConveneProgramme) programme = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *acronym = NULL;
  const ConveneProgrammeDay *first, *last;
  const char *zone;
  guint n_days;
  GString *text;
  gsize length = 0;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  programme = convene_programme_new (project);
  if (!convene_programme_check_scheduled (programme, error) ||
      !convene_programme_check_event_lengths (programme, error))
    return NULL;

  n_days = convene_programme_get_n_days (programme);
  first = convene_programme_get_day (programme, 0);
  last = convene_programme_get_day (programme, n_days - 1);
  acronym = convene_programme_dup_acronym (programme);
  zone = convene_project_get_time_zone (project);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "$schema", "https://c3voc.de/schedule/schema.json");
  json_builder_set_member_name (builder, "generator");
  json_builder_begin_object (builder);
  add_string (builder, "name", "Convene");
  add_string (builder, "version", PACKAGE_VERSION);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "schedule");
  json_builder_begin_object (builder);
  add_string (builder, "version", convene_programme_get_version (programme));
  json_builder_set_member_name (builder, "conference");
  json_builder_begin_object (builder);
  add_string (builder, "acronym", acronym);
  add_string (builder, "title", convene_project_get_title (project));
  add_date_time (builder, "start", first->start);
  add_date_time (builder, "end", last->end);
  json_builder_set_member_name (builder, "daysCount");
  json_builder_add_int_value (builder, n_days);
  add_string (builder, "timeslot_duration", "00:05");
  if (zone_name_is_accepted (zone))
    add_string (builder, "time_zone_name", zone);
  json_builder_set_member_name (builder, "days");
  json_builder_begin_array (builder);
  for (guint d = 0; d < n_days; d++)
    add_day (builder, programme, convene_programme_get_day (programme, d));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = g_string_new (NULL);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');
  length = text->len;
  return g_bytes_new_take (g_string_free (text, FALSE), length);
}
