/* The schedule formats conference apps read: what they say about the
 * example and about a large congress, checked against the published schema
 * (../shared/schemas beside the source tree; the checks skip, saying so,
 * where it is absent), and read back. */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "convene-json.h"
#include "io-test-support.h"
#include "convene-programme.h"
#include "convene-schedule-json.h"
#include "convene-schedule-xml.h"
#include <json-glib/json-glib.h>

/* ---- helpers ------------------------------------------------------------- */

static char *
schemas_dir (void)
{
  const char *source = g_getenv ("CONVENE_SOURCE_DIR");
  g_autofree char *parent = NULL;
  char *dir;

  g_assert_nonnull (source);
  parent = g_path_get_dirname (source);
  dir = g_build_filename (parent, "shared", "schemas", NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_free (dir);
      return NULL;
    }
  return dir;
}

/* Runs argv; the test fails with the program's own words if it does. */
static void
assert_program_accepts (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s refused the export:\n%s%s", argv[0], out, err);
}

/* Validates with xmllint --schema, as the format's users do. */
static gboolean
validate_xml (GBytes *xml)
{
  g_autofree char *dir = schemas_dir ();
  g_autofree char *schema = NULL;
  g_autofree char *path = NULL;
  g_autofree char *xmllint = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  if (dir == NULL)
    {
      g_test_skip ("../shared/schemas is not beside the source tree: the schedule XML is not validated");
      return FALSE;
    }
  xmllint = g_find_program_in_path ("xmllint");
  if (xmllint == NULL)
    {
      g_test_skip ("xmllint (libxml2-utils) is not installed: the schedule XML is not validated");
      return FALSE;
    }
  schema = g_build_filename (dir, "schedule.xml.xsd", NULL);

  fd = g_file_open_tmp ("convene-schedule-XXXXXX.xml", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (xml, NULL), (gssize) g_bytes_get_size (xml), &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { "xmllint", "--noout", "--nonet", "--schema", schema, path, NULL };

    assert_program_accepts (argv);
  }
  g_unlink (path);
  return TRUE;
}

/* Validates with the jsonschema module, as the schema's own validator does. */
static gboolean
validate_json (GBytes *json)
{
  g_autofree char *dir = schemas_dir ();
  g_autofree char *schema = NULL;
  g_autofree char *script = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  int fd;

  if (dir == NULL)
    {
      g_test_skip ("../shared/schemas is not beside the source tree: the schedule JSON is not validated");
      return FALSE;
    }
  schema = g_build_filename (dir, "schedule.json-schema.json", NULL);
  script = g_build_filename (g_getenv ("CONVENE_SOURCE_DIR"), "tests", "io", "check-schedule-json.py", NULL);

  fd = g_file_open_tmp ("convene-schedule-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (json, NULL), (gssize) g_bytes_get_size (json), &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { "python3", script, schema, path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                  &status, &error);
    g_assert_no_error (error);
  }
  g_unlink (path);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("python3-jsonschema is not installed: the schedule JSON is not validated");
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("the schema refused the export:\n%s%s", out, err);
  return TRUE;
}

static JsonNode *
parse_json (GBytes *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (json, &length);

  json_parser_load_from_data (parser, data, (gssize) length, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* schedule.conference.days[day].rooms, as a list of events in room order. */
static GPtrArray *
json_events (JsonNode *root,
             guint     day)
{
  JsonObject *conference = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (root), "schedule"), "conference");
  JsonObject *rooms = json_object_get_object_member (
    json_array_get_object_element (json_object_get_array_member (conference, "days"), day), "rooms");
  g_autoptr(GList) names = json_object_get_members (rooms);
  GPtrArray *events = g_ptr_array_new ();

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonArray *list = json_object_get_array_member (rooms, l->data);

      for (guint i = 0; i < json_array_get_length (list); i++)
        g_ptr_array_add (events, json_array_get_object_element (list, i));
    }
  return events;
}

static GBytes *
export_json (ConveneProject *project)
{
  g_autoptr(GError) error = NULL;
  GBytes *json = convene_schedule_json_export (project, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  return json;
}

static xmlDoc *
parse_xml (GBytes *xml)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (xml, &length);
  xmlDoc *doc = xmlReadMemory (data, (int) length, "schedule.xml", "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOBLANKS);

  g_assert_nonnull (doc);
  return doc;
}

static void
collect_elements (xmlNode    *node,
                  const char *name,
                  GPtrArray  *found)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal ((const char *) child->name, name))
        g_ptr_array_add (found, child);
      collect_elements (child, name, found);
    }
}

static GPtrArray *
elements (xmlDoc     *doc,
          const char *name)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_elements ((xmlNode *) doc, name, found);
  return found;
}

static xmlNode *
child_element (xmlNode    *node,
               const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, name))
      return child;
  return NULL;
}

static char *
child_text (xmlNode    *node,
            const char *name)
{
  xmlNode *child = child_element (node, name);
  xmlChar *content;
  char *text;

  if (child == NULL)
    return NULL;
  content = xmlNodeGetContent (child);
  text = g_strdup ((const char *) content);
  xmlFree (content);
  return text;
}

static char *
attribute_text (xmlNode    *node,
                const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *text = g_strdup ((const char *) value);

  xmlFree (value);
  return text;
}

static ConveneSession *
add_session (ConveneProject *project,
             const char     *title,
             const char     *date,
             int             start,
             const char     *room)
{
  g_autoptr(ConveneSession) session = convene_session_new (convene_project_new_id (project), title,
                                                           date, start, 480);

  convene_session_set_room (session, room);
  g_list_store_append (convene_project_get_sessions (project), session);
  return session;
}

static ConveneSegment *
add_segment (ConveneProject     *project,
             GListStore         *into,
             ConveneSegmentKind  kind,
             const char         *title,
             guint               minutes)
{
  g_autoptr(ConveneSegment) segment = convene_segment_new (convene_project_new_id (project), kind,
                                                           title, minutes);

  g_list_store_append (into, segment);
  return segment;
}

static void
assign (ConveneProject *project,
        ConveneSpeaker *speaker,
        ConveneSegment *segment,
        ConveneRole     role)
{
  g_autoptr(ConveneAssignment) assignment =
    convene_assignment_new_for_segment (convene_project_new_id (project), convene_speaker_get_id (speaker),
                                        convene_segment_get_id (segment), role);

  g_list_store_append (convene_project_get_assignments (project), assignment);
}

/* A congress of n_segments segments and items over three days, one of them
 * the day clocks in Zurich go forward, in four rooms; sessions start as
 * early as 05:00 and run past midnight; some segments last over an hour;
 * every seventh is a panel of three talks. Deterministic. */
static ConveneProject *
build_congress (guint n_segments)
{
  static const char * const dates[] = { "2027-03-27", "2027-03-28", "2027-03-29" };
  static const char * const rooms[] = { "Hall A", "Hall B", "Room 3", "Salle «Jura» & Co" };
  static const guint minutes[] = { 5, 20, 45, 75, 10, 90, 30 };
  ConveneProject *project = convene_project_new ();
  ConveneSpeaker *speakers[5];
  guint made = 0;

  convene_project_set_title (project, "Congrès 2027");
  convene_project_set_venue (project, "Palais");
  convene_project_set_time_zone (project, "Europe/Zurich");
  for (guint i = 0; i < G_N_ELEMENTS (speakers); i++)
    {
      g_autofree char *name = g_strdup_printf ("Speaker %u", i + 1);
      g_autoptr(ConveneSpeaker) speaker = convene_speaker_new (convene_project_new_id (project), name);

      g_list_store_append (convene_project_get_speakers (project), speaker);
      speakers[i] = speaker;
    }

  for (guint s = 0; made < n_segments; s++)
    {
      const char *date = dates[s % G_N_ELEMENTS (dates)];
      const char *room = rooms[(s / G_N_ELEMENTS (dates)) % G_N_ELEMENTS (rooms)];
      /* 05:00, 09:00, 13:00, 17:00, 21:00 … */
      int start = (5 + 4 * (int) ((s / 12) % 5)) * 60;
      g_autofree char *title = g_strdup_printf ("Session %u", s + 1);
      ConveneSession *session = add_session (project, title, date, start, room);

      for (guint k = 0; k < 12 && made < n_segments; k++, made++)
        {
          g_autofree char *segment_title = g_strdup_printf ("Talk %u “on” <things> & stuff", made + 1);

          if (made % 7 == 6 && made + 3 < n_segments)
            {
              ConveneSegment *panel = add_segment (project, convene_session_get_segments (session),
                                                   CONVENE_SEGMENT_KIND_PANEL, segment_title, 60);

              assign (project, speakers[made % 5], panel, CONVENE_ROLE_MODERATOR);
              for (guint t = 0; t < 3; t++, made++)
                {
                  g_autofree char *talk = g_strdup_printf ("Panel talk %u", made + 2);
                  ConveneSegment *item = add_segment (project, convene_segment_get_items (panel),
                                                      CONVENE_SEGMENT_KIND_PRESENTATION, talk, 15);

                  assign (project, speakers[(made + t) % 5], item, CONVENE_ROLE_PRESENTER);
                }
            }
          else
            {
              ConveneSegment *segment = add_segment (project, convene_session_get_segments (session),
                                                     CONVENE_SEGMENT_KIND_PRESENTATION, segment_title,
                                                     minutes[made % G_N_ELEMENTS (minutes)]);

              assign (project, speakers[made % 5], segment, CONVENE_ROLE_PRESENTER);
            }
        }
    }
  return project;
}

static guint
count_segments (ConveneProject *project,
                gboolean        top_level_only)
{
  GListModel *sessions = G_LIST_MODEL (convene_project_get_sessions (project));
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (sessions, i);
      GListModel *segments = G_LIST_MODEL (convene_session_get_segments (session));

      for (guint j = 0; j < g_list_model_get_n_items (segments); j++)
        {
          g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, j);

          count++;
          if (!top_level_only)
            count += g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (segment)));
        }
    }
  return count;
}

static GBytes *
export_xml (ConveneProject *project)
{
  g_autoptr(GError) error = NULL;
  GBytes *xml = convene_schedule_xml_export (project, &error);

  g_assert_no_error (error);
  g_assert_nonnull (xml);
  return xml;
}

/* ---- schedule XML -------------------------------------------------------- */

static void
test_xml_example (void)
{
  g_autoptr(ConveneProject) project = io_test_load_example ();
  g_autoptr(GBytes) xml = export_xml (project);
  xmlDoc *doc = parse_xml (xml);
  g_autoptr(GPtrArray) events = elements (doc, "event");
  g_autoptr(GPtrArray) days = elements (doc, "day");
  g_autoptr(GPtrArray) persons = NULL;
  g_autofree char *panel_date = NULL;
  g_autofree char *panel_duration = NULL;
  g_autofree char *panel_description = NULL;
  g_autofree char *day_start = NULL;
  g_autofree char *guid = NULL;

  validate_xml (xml);

  /* The four segments are four events; the panel's six talks are in its
   * description, their presenters among its persons. */
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpuint (events->len, ==, 4);
  panel_date = child_text (events->pdata[1], "date");
  panel_duration = child_text (events->pdata[1], "duration");
  panel_description = child_text (events->pdata[1], "description");
  g_assert_cmpstr (panel_date, ==, "2027-05-23T12:40:00+02:00");
  g_assert_cmpstr (panel_duration, ==, "01:00");
  g_assert_nonnull (strstr (panel_description, "12:50–13:00 B. Manage the influx"));
  g_assert_nonnull (strstr (panel_description, "— Santino Severoni (Presenter)"));
  persons = g_ptr_array_new ();
  collect_elements (events->pdata[1], "person", persons);
  g_assert_cmpuint (persons->len, ==, 6);
  day_start = attribute_text (days->pdata[0], "start");
  g_assert_cmpstr (day_start, ==, "2027-05-23T12:30:00+02:00");

  /* The guid is the segment's permanent UUID. */
  guid = attribute_text (events->pdata[3], "guid");
  {
    g_autoptr(ConveneSession) session =
      g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);
    g_autoptr(ConveneSegment) closing =
      g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 3);

    g_assert_cmpstr (guid, ==, convene_segment_get_uuid (closing));
  }
  xmlFreeDoc (doc);
}

static void
test_xml_congress (void)
{
  g_autoptr(ConveneProject) project = build_congress (1000);
  g_autoptr(GBytes) xml = export_xml (project);
  xmlDoc *doc = parse_xml (xml);
  g_autoptr(GPtrArray) events = elements (doc, "event");
  g_autoptr(GPtrArray) days = elements (doc, "day");
  g_autoptr(GPtrArray) rooms = NULL;

  g_assert_cmpuint (count_segments (project, FALSE), ==, 1000);
  validate_xml (xml);
  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpuint (events->len, ==, count_segments (project, TRUE));
  rooms = g_ptr_array_new ();
  for (xmlNode *child = ((xmlNode *) days->pdata[0])->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      g_ptr_array_add (rooms, child);
  g_assert_cmpuint (rooms->len, ==, 4);
  xmlFreeDoc (doc);
}

/* The night clocks in Zurich go forward: the offset changes from one event
 * to the next, an event before 06:00 opens the day, and an event over an
 * hour says so in hours and minutes. */
static void
test_xml_daylight_saving (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  ConveneSession *session;
  g_autoptr(GBytes) xml = NULL;
  xmlDoc *doc;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) days = NULL;
  const char * const expected[][3] = {
    { "2027-03-28T01:30:00+01:00", "01:30", "00:30" },
    { "2027-03-28T03:00:00+02:00", "03:00", "01:30" },
    { "2027-03-28T04:30:00+02:00", "04:30", "00:00" },
  };

  convene_project_set_title (project, "Nuit");
  convene_project_set_time_zone (project, "Europe/Zurich");
  session = add_session (project, "Night owls", "2027-03-28", 90, "");
  add_segment (project, convene_session_get_segments (session), CONVENE_SEGMENT_KIND_OPENING, "Before", 30);
  add_segment (project, convene_session_get_segments (session), CONVENE_SEGMENT_KIND_KEYNOTE, "Across", 90);
  add_segment (project, convene_session_get_segments (session), CONVENE_SEGMENT_KIND_CLOSING, "", 0);

  xml = export_xml (project);
  validate_xml (xml);
  doc = parse_xml (xml);
  events = elements (doc, "event");
  days = elements (doc, "day");
  g_assert_cmpuint (events->len, ==, 3);
  for (guint i = 0; i < events->len; i++)
    {
      g_autofree char *date = child_text (events->pdata[i], "date");
      g_autofree char *start = child_text (events->pdata[i], "start");
      g_autofree char *duration = child_text (events->pdata[i], "duration");
      g_autofree char *room = child_text (events->pdata[i], "room");

      g_assert_cmpstr (date, ==, expected[i][0]);
      g_assert_cmpstr (start, ==, expected[i][1]);
      g_assert_cmpstr (duration, ==, expected[i][2]);
      /* No room and no venue: the session's title names the place. */
      g_assert_cmpstr (room, ==, "Night owls");
    }
  {
    g_autofree char *title = child_text (events->pdata[2], "title");
    g_autofree char *start = attribute_text (days->pdata[0], "start");
    g_autofree char *end = attribute_text (days->pdata[0], "end");

    /* An untitled segment is called by its kind. */
    g_assert_cmpstr (title, ==, "Closing remarks");
    g_assert_cmpstr (start, ==, "2027-03-28T01:30:00+01:00");
    g_assert_cmpstr (end, ==, "2027-03-28T04:30:00+02:00");
  }
  xmlFreeDoc (doc);
}

/* Markup, quotes and characters XML cannot hold, in every text: the file
 * stays well-formed and valid, and reads back as written (what XML cannot
 * hold as U+FFFD). */
static void
test_xml_hostile_text (void)
{
  static const char hostile[] = "</title><script>alert(\"x\")</script> & &amp; ' ]]> \x01\x1f end";
  static const char read_back[] = "</title><script>alert(\"x\")</script> & &amp; ' ]]> \xef\xbf\xbd\xef\xbf\xbd end";
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneSpeaker) speaker = convene_speaker_new (convene_project_new_id (project), hostile);
  ConveneSession *session;
  ConveneSegment *segment;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) rooms = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  xmlDoc *doc;

  convene_project_set_title (project, hostile);
  convene_project_set_time_zone (project, "UTC");
  g_list_store_append (convene_project_get_speakers (project), speaker);
  session = add_session (project, hostile, "2027-01-01", 600, hostile);
  segment = add_segment (project, convene_session_get_segments (session), CONVENE_SEGMENT_KIND_PANEL,
                         hostile, 10);
  convene_segment_set_notes (segment, hostile);
  assign (project, speaker, segment, CONVENE_ROLE_MODERATOR);
  segment = add_segment (project, convene_segment_get_items (segment), CONVENE_SEGMENT_KIND_PRESENTATION,
                         hostile, 10);
  assign (project, speaker, segment, CONVENE_ROLE_PRESENTER);

  xml = export_xml (project);
  validate_xml (xml);
  doc = parse_xml (xml);
  events = elements (doc, "event");
  rooms = elements (doc, "room");  /* the day's room comes before the event's */
  persons = elements (doc, "person");
  g_assert_cmpuint (events->len, ==, 1);
  {
    g_autofree char *title = child_text (events->pdata[0], "title");
    g_autofree char *abstract = child_text (events->pdata[0], "abstract");
    g_autofree char *track = child_text (events->pdata[0], "track");
    g_autofree char *description = child_text (events->pdata[0], "description");
    g_autofree char *room = attribute_text (rooms->pdata[0], "name");
    xmlChar *person = xmlNodeGetContent (persons->pdata[0]);

    g_assert_cmpstr (title, ==, read_back);
    g_assert_cmpstr (abstract, ==, read_back);
    g_assert_cmpstr (track, ==, read_back);
    g_assert_cmpstr (room, ==, read_back);
    g_assert_nonnull (strstr (description, read_back));
    g_assert_cmpstr ((const char *) person, ==, read_back);
    xmlFree (person);
  }
  /* One person, though on the panel and on its talk. */
  g_assert_cmpuint (persons->len, ==, 1);
  xmlFreeDoc (doc);
}

/* A second export of the same project, through its JSON, is the same file:
 * an app that reads it again updates its events. */
static void
test_xml_stable (void)
{
  g_autoptr(ConveneProject) project = build_congress (60);
  g_autoptr(GBytes) first = export_xml (project);
  g_autofree char *json = convene_json_export (project, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneProject) again = convene_json_import (json, -1, &error);
  g_autoptr(GBytes) second = NULL;

  g_assert_no_error (error);
  second = export_xml (again);
  g_assert_true (g_bytes_equal (first, second));

  /* A change shows in the schedule's version. */
  {
    g_autoptr(ConveneSession) session =
      g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (again)), 0);
    g_autoptr(GBytes) third = NULL;
    xmlDoc *a, *b;
    g_autofree char *version_a = NULL;
    g_autofree char *version_b = NULL;

    convene_session_set_start_time (session, convene_session_get_start_time (session) + 5);
    third = export_xml (again);
    a = parse_xml (first);
    b = parse_xml (third);
    version_a = child_text (xmlDocGetRootElement (a), "version");
    version_b = child_text (xmlDocGetRootElement (b), "version");
    g_assert_cmpstr (version_a, !=, version_b);
    xmlFreeDoc (a);
    xmlFreeDoc (b);
  }
}

static void
test_xml_nothing_scheduled (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml = NULL;
  ConveneSession *session = add_session (project, "Someday", "", 600, "");

  add_segment (project, convene_session_get_segments (session), CONVENE_SEGMENT_KIND_KEYNOTE, "K", 20);
  xml = convene_schedule_xml_export (project, &error);
  g_assert_null (xml);
  g_assert_error (error, CONVENE_EXPORT_ERROR, CONVENE_EXPORT_ERROR_NOTHING_SCHEDULED);
}

/* A panel whose items add up to a day cannot be an event of a conference
 * schedule (lengths there are under 24 hours): both formats refuse it and
 * name it; a day less one minute is still written. */
static void
test_day_long_panel (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  ConveneSession *session = add_session (project, "Marathon", "2027-05-23", 0, "Hall");
  ConveneSegment *panel = add_segment (project, convene_session_get_segments (session),
                                       CONVENE_SEGMENT_KIND_PANEL, "Readathon", 60);
  ConveneSegment *last = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 24; i++)
    last = add_segment (project, convene_segment_get_items (panel), CONVENE_SEGMENT_KIND_PRESENTATION,
                        "Chapter", 60);

  xml = convene_schedule_xml_export (project, &error);
  g_assert_null (xml);
  g_assert_error (error, CONVENE_EXPORT_ERROR, CONVENE_EXPORT_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "“Readathon” lasts 24 h 00 min"));
  g_clear_error (&error);
  json = convene_schedule_json_export (project, &error);
  g_assert_null (json);
  g_assert_error (error, CONVENE_EXPORT_ERROR, CONVENE_EXPORT_ERROR_TOO_LONG);
  g_clear_error (&error);

  convene_segment_set_duration (last, 59);
  xml = export_xml (project);
  json = export_json (project);
  {
    xmlDoc *doc = parse_xml (xml);
    g_autoptr(GPtrArray) events = elements (doc, "event");
    g_autofree char *duration = child_text (events->pdata[0], "duration");

    g_assert_cmpstr (duration, ==, "23:59");
    xmlFreeDoc (doc);
  }
}

/* ---- schedule JSON ------------------------------------------------------- */

static void
test_json_example (void)
{
  g_autoptr(ConveneProject) project = io_test_load_example ();
  g_autoptr(GBytes) json = export_json (project);
  g_autoptr(GBytes) xml = export_xml (project);
  g_autoptr(JsonNode) root = parse_json (json);
  g_autoptr(GPtrArray) events = json_events (root, 0);
  xmlDoc *doc = parse_xml (xml);
  g_autoptr(GPtrArray) xml_events = elements (doc, "event");
  JsonObject *panel;

  validate_json (json);
  g_assert_cmpuint (events->len, ==, 4);
  panel = events->pdata[1];
  g_assert_cmpstr (json_object_get_string_member (panel, "date"), ==, "2027-05-23T12:40:00+02:00");
  g_assert_cmpstr (json_object_get_string_member (panel, "end"), ==, "2027-05-23T13:40:00+02:00");
  g_assert_cmpstr (json_object_get_string_member (panel, "duration"), ==, "01:00");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (panel, "persons")), ==, 6);
  g_assert_nonnull (strstr (json_object_get_string_member (panel, "description"), "B. Manage the influx"));

  /* The same events as the XML, by guid. */
  for (guint i = 0; i < events->len; i++)
    {
      g_autofree char *guid = attribute_text (xml_events->pdata[i], "guid");

      g_assert_cmpstr (json_object_get_string_member (events->pdata[i], "guid"), ==, guid);
    }
  xmlFreeDoc (doc);
}

static void
test_json_congress (void)
{
  g_autoptr(ConveneProject) project = build_congress (1000);
  g_autoptr(GBytes) json = export_json (project);
  g_autoptr(JsonNode) root = parse_json (json);
  guint n_events = 0;

  validate_json (json);
  for (guint d = 0; d < 3; d++)
    {
      g_autoptr(GPtrArray) events = json_events (root, d);

      n_events += events->len;
    }
  g_assert_cmpuint (n_events, ==, count_segments (project, TRUE));
}

static void
test_json_daylight_saving_and_hostile_text (void)
{
  static const char hostile[] = "\"}]} </script> \\ \x01 \xe2\x80\xa8 end";
  g_autoptr(ConveneProject) project = convene_project_new ();
  ConveneSession *session;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) events = NULL;

  convene_project_set_title (project, hostile);
  convene_project_set_time_zone (project, "Europe/Zurich");
  session = add_session (project, hostile, "2027-03-28", 90, hostile);
  add_segment (project, convene_session_get_segments (session), CONVENE_SEGMENT_KIND_OPENING, hostile, 30);
  add_segment (project, convene_session_get_segments (session), CONVENE_SEGMENT_KIND_KEYNOTE, "Across", 90);

  json = export_json (project);
  validate_json (json);
  root = parse_json (json);
  events = json_events (root, 0);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (json_object_get_string_member (events->pdata[0], "title"), ==, hostile);
  g_assert_cmpstr (json_object_get_string_member (events->pdata[0], "room"), ==, hostile);
  g_assert_cmpstr (json_object_get_string_member (events->pdata[0], "date"), ==, "2027-03-28T01:30:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (events->pdata[1], "date"), ==, "2027-03-28T03:00:00+02:00");
  g_assert_cmpstr (json_object_get_string_member (events->pdata[1], "start"), ==, "03:00");
  g_assert_cmpstr (json_object_get_string_member (events->pdata[1], "duration"), ==, "01:30");
  g_assert_cmpstr (json_object_get_string_member (events->pdata[1], "end"), ==, "2027-03-28T04:30:00+02:00");
}

static void
test_json_nothing_scheduled (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) json = NULL;

  add_session (project, "Someday", "", 600, "");
  json = convene_schedule_json_export (project, &error);
  g_assert_null (json);
  g_assert_error (error, CONVENE_EXPORT_ERROR, CONVENE_EXPORT_ERROR_NOTHING_SCHEDULED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schedule/xml/example", test_xml_example);
  g_test_add_func ("/schedule/xml/congress", test_xml_congress);
  g_test_add_func ("/schedule/xml/daylight-saving", test_xml_daylight_saving);
  g_test_add_func ("/schedule/xml/hostile-text", test_xml_hostile_text);
  g_test_add_func ("/schedule/xml/stable", test_xml_stable);
  g_test_add_func ("/schedule/xml/nothing-scheduled", test_xml_nothing_scheduled);
  g_test_add_func ("/schedule/day-long-panel", test_day_long_panel);
  g_test_add_func ("/schedule/json/example", test_json_example);
  g_test_add_func ("/schedule/json/congress", test_json_congress);
  g_test_add_func ("/schedule/json/daylight-saving-and-hostile-text", test_json_daylight_saving_and_hostile_text);
  g_test_add_func ("/schedule/json/nothing-scheduled", test_json_nothing_scheduled);

  return g_test_run ();
}
