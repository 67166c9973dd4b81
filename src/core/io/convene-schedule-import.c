#define G_LOG_DOMAIN "convene-io"
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "convene-assignment.h"
#include "convene-concept-note.h"
#include "convene-edits.h"
#include "convene-limits.h"
#include "convene-schedule-import.h"
#include "convene-session.h"
#include "convene-speaker.h"
#include "convene-validate.h"

G_DEFINE_QUARK (convene-schedule-import-error-quark, convene_schedule_import_error)

typedef struct
{
  char      *id;            /* the file's own id of the person, or NULL */
  char      *name;
  char      *key;           /* convene_concept_note_dup_name_key (name) */
  char      *organisation;  /* or NULL */
} Person;

typedef struct
{
  char               *uuid;
  char               *title;
  char               *track;   /* what names its session when its group shares it */
  char               *room;
  char               *notes;
  ConveneSegmentKind  kind;
  guint               minutes;
  GDateTime          *start;   /* with the offset the file gives */
  GArray             *people;  /* guint: indexes into ConveneScheduleImport.people */
} Event;

typedef struct
{
  char      *room;
  GPtrArray *events;  /* Event*, borrowed from ConveneScheduleImport.events */
} Group;

struct _ConveneScheduleImport
{
  char      *name;
  char      *title;
  char      *time_zone;  /* the conference's, when this system knows it */
  GPtrArray *events;     /* Event*, in file order */
  GPtrArray *groups;     /* Group*, one per day and room, in file order */
  GPtrArray *people;     /* Person*, each once */
  guint      unscheduled;  /* Indico contributions without a start, left out */
};

static void
person_free (gpointer data)
{
  Person *person = data;

  g_free (person->id);
  g_free (person->name);
  g_free (person->key);
  g_free (person->organisation);
  g_free (person);
}

static void
event_free (gpointer data)
{
  Event *event = data;

  g_free (event->uuid);
  g_free (event->title);
  g_free (event->track);
  g_free (event->room);
  g_free (event->notes);
  g_clear_pointer (&event->start, g_date_time_unref);
  g_array_unref (event->people);
  g_free (event);
}

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->room);
  g_ptr_array_unref (group->events);
  g_free (group);
}

void
convene_schedule_import_free (ConveneScheduleImport *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->title);
  g_free (self->time_zone);
  g_ptr_array_unref (self->groups);
  g_ptr_array_unref (self->events);
  g_ptr_array_unref (self->people);
  g_free (self);
}

const char *
convene_schedule_import_get_title (ConveneScheduleImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

guint
convene_schedule_import_get_n_events (ConveneScheduleImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->events->len;
}

guint
convene_schedule_import_get_n_unscheduled (ConveneScheduleImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->unscheduled;
}

/* ---- reading the XML --------------------------------------------------------- */

typedef struct
{
  ConveneScheduleImport *self;
  GTimeZone             *tz;        /* the conference's: for times without an offset, Indico's days */
  GHashTable            *groups;    /* "day\nroom" -> Group*, borrowed */
  GHashTable            *uuids;     /* uuid -> Event*, borrowed */
  GHashTable            *person_ids;  /* file id -> index + 1 */
  GHashTable            *person_keys; /* name key -> index + 1 */
} Reader;

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, BAD_CAST name) == 0;
}

static xmlNode *
child (xmlNode    *parent,
       const char *name)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    if (is_element (node, name))
      return node;
  return NULL;
}

/* The text directly inside node, trimmed; entity references (there are none
 * in a file without a document type) are never followed. */
static char *
text_of (xmlNode *node)
{
  GString *text = g_string_new (NULL);

  for (xmlNode *part = node != NULL ? node->children : NULL; part != NULL; part = part->next)
    if ((part->type == XML_TEXT_NODE || part->type == XML_CDATA_SECTION_NODE) && part->content != NULL)
      g_string_append (text, (const char *) part->content);
  return g_strstrip (g_string_free (text, FALSE));
}

static char *
child_text (xmlNode    *parent,
            const char *name)
{
  return text_of (child (parent, name));
}

static char *
attribute (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy;

  if (value == NULL)
    return g_strdup ("");
  copy = g_strstrip (g_strdup ((const char *) value));
  xmlFree (value);
  return copy;
}

static gboolean
check_text (Reader      *reader,
            const char  *text,
            const char  *field,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (convene_validate_text (text, -1, field, &local_error))
    return TRUE;
  g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_INVALID,
               /* Translators: %s is a file name, then the reason (a sentence). */
               _("“%s” cannot be imported: %s"), reader->self->name, local_error->message);
  return FALSE;
}

static void
invalid (Reader      *reader,
         GError     **error,
         const char  *title,
         const char  *what)
{
  g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_INVALID,
               /* Translators: a file name, an event's title, then what is wrong with it. */
               _("“%s” cannot be imported: the event “%s” %s."), reader->self->name, title, what);
}

/* "H:MM", "HH:MM" or "HH:MM:SS" (seconds dropped), at most a day. */
static gboolean
parse_duration (const char *text,
                guint      *out_minutes)
{
  g_auto(GStrv) fields = g_strsplit (text, ":", -1);
  guint n = g_strv_length (fields);
  guint64 value[3] = { 0 };

  if (n < 2 || n > 3)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (fields[i][0] == '\0' || strlen (fields[i]) > 4 ||
          !g_ascii_string_to_unsigned (fields[i], 10, 0, 9999, &value[i], NULL))
        return FALSE;
      if (i > 0 && (strlen (fields[i]) != 2 || value[i] > 59))
        return FALSE;
    }
  if (value[0] * 60 + value[1] > CONVENE_MAX_DURATION_MINUTES)
    return FALSE;
  *out_minutes = (guint) (value[0] * 60 + value[1]);
  return TRUE;
}

/* A kind for what frab ("lecture", "workshop", "podium", "lightning_talk",
 * "meeting", "other"), pretalx (its submission types, named by each
 * conference), Indico ("Talk", "Poster"…) and Convene itself call an event. */
static ConveneSegmentKind
kind_for_type (const char *type)
{
  static const struct {
    const char         *word;
    ConveneSegmentKind  kind;
  } words[] = {
    { "keynote", CONVENE_SEGMENT_KIND_KEYNOTE },
    { "panel", CONVENE_SEGMENT_KIND_PANEL },
    { "podium", CONVENE_SEGMENT_KIND_PANEL },
    { "q&a", CONVENE_SEGMENT_KIND_QA },
    { "question", CONVENE_SEGMENT_KIND_QA },
    { "workshop", CONVENE_SEGMENT_KIND_DISCUSSION },
    { "discussion", CONVENE_SEGMENT_KIND_DISCUSSION },
    { "meeting", CONVENE_SEGMENT_KIND_DISCUSSION },
    { "round", CONVENE_SEGMENT_KIND_DISCUSSION },
    { "bof", CONVENE_SEGMENT_KIND_DISCUSSION },
    { "break", CONVENE_SEGMENT_KIND_BREAK },
    { "pause", CONVENE_SEGMENT_KIND_BREAK },
    { "lunch", CONVENE_SEGMENT_KIND_BREAK },
    { "coffee", CONVENE_SEGMENT_KIND_BREAK },
    { "networking", CONVENE_SEGMENT_KIND_NETWORKING },
    { "social", CONVENE_SEGMENT_KIND_NETWORKING },
    { "reception", CONVENE_SEGMENT_KIND_NETWORKING },
    { "party", CONVENE_SEGMENT_KIND_NETWORKING },
    { "opening", CONVENE_SEGMENT_KIND_OPENING },
    { "welcome", CONVENE_SEGMENT_KIND_WELCOME },
    { "closing", CONVENE_SEGMENT_KIND_CLOSING },
    { "talk", CONVENE_SEGMENT_KIND_PRESENTATION },
    { "lecture", CONVENE_SEGMENT_KIND_PRESENTATION },
    { "presentation", CONVENE_SEGMENT_KIND_PRESENTATION },
    { "poster", CONVENE_SEGMENT_KIND_PRESENTATION },
  };
  g_autofree char *folded = g_utf8_strdown (type, -1);
  ConveneSegmentKind kind;

  if (*folded == '\0')
    return CONVENE_SEGMENT_KIND_PRESENTATION;
  if (convene_segment_kind_from_nick (folded, &kind))
    return kind;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (folded, words[i].word) != NULL)
      return words[i].kind;
  return CONVENE_SEGMENT_KIND_CUSTOM;
}

/* A UUID for guid: itself when it is one, else a name-based UUID (SHA-1,
 * version 5 layout) of it, so the same guid always gives the same UUID. */
static char *
uuid_for (const char *guid)
{
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[20];
  gsize size = sizeof digest;

  if (g_uuid_string_is_valid (guid))
    return g_ascii_strdown (guid, -1);

  checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_checksum_update (checksum, (const guchar *) "convene-schedule-guid:", -1);
  g_checksum_update (checksum, (const guchar *) guid, -1);
  g_checksum_get_digest (checksum, digest, &size);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static gboolean
too_many (Reader      *reader,
          GError     **error,
          const char  *what,
          guint        cap)
{
  g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_TOO_LARGE,
               /* Translators: a file name, then "events" or "people", then their cap. */
               _("“%s” cannot be imported: it lists more %s than Convene takes from one schedule (%u)."),
               reader->self->name, what, cap);
  return FALSE;
}

/* ---- what both readers share ------------------------------------------------- */

/* Puts the person named name on event: the same file id (when there is
 * one), or a name that is the same but for case, accents and spacing, is
 * one person, who keeps the first organisation the file gives. */
static gboolean
add_person (Reader      *reader,
            Event       *event,
            const char  *id,
            const char  *name,
            const char  *organisation,
            GError     **error)
{
  ConveneScheduleImport *self = reader->self;
  g_autofree char *key = NULL;
  gpointer found = NULL;
  Person *person;
  guint index;

  if (*name == '\0')
    return TRUE;
  if (!check_text (reader, name, _("a name"), error) ||
      !check_text (reader, organisation, _("an organisation"), error))
    return FALSE;
  key = convene_concept_note_dup_name_key (name);

  if ((*id != '\0' && (found = g_hash_table_lookup (reader->person_ids, id)) != NULL) ||
      (found = g_hash_table_lookup (reader->person_keys, key)) != NULL)
    {
      index = GPOINTER_TO_UINT (found) - 1;
      person = g_ptr_array_index (self->people, index);
    }
  else
    {
      if (self->people->len >= CONVENE_SCHEDULE_IMPORT_MAX_PEOPLE)
        return too_many (reader, error, _("people"), CONVENE_SCHEDULE_IMPORT_MAX_PEOPLE);
      person = g_new0 (Person, 1);
      person->id = *id != '\0' ? g_strdup (id) : NULL;
      person->name = g_strdup (name);
      person->key = g_strdup (key);
      index = self->people->len;
      g_ptr_array_add (self->people, person);
      g_hash_table_insert (reader->person_keys, g_steal_pointer (&key), GUINT_TO_POINTER (index + 1));
    }
  if (person->organisation == NULL && *organisation != '\0')
    person->organisation = g_strdup (organisation);
  if (*id != '\0' && !g_hash_table_contains (reader->person_ids, id))
    g_hash_table_insert (reader->person_ids, g_strdup (id), GUINT_TO_POINTER (index + 1));

  for (guint i = 0; i < event->people->len; i++)
    if (g_array_index (event->people, guint, i) == index)
      return TRUE;
  g_array_append_val (event->people, index);
  return TRUE;
}

/* A new event of the schedule, within the cap. */
static Event *
new_event (Reader  *reader,
           GError **error)
{
  ConveneScheduleImport *self = reader->self;
  Event *event;

  if (self->events->len >= CONVENE_SCHEDULE_IMPORT_MAX_EVENTS)
    {
      too_many (reader, error, _("events"), CONVENE_SCHEDULE_IMPORT_MAX_EVENTS);
      return NULL;
    }
  event = g_new0 (Event, 1);
  event->people = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (self->events, event);
  return event;
}

/* The texts of an event can be stored, and it has a title (its kind's
 * name when the file gives none); before anything else is read, so that a
 * message about the rest can name it. */
static gboolean
check_event (Reader  *reader,
             Event   *event,
             GError **error)
{
  if (!check_text (reader, event->title, _("the title"), error) ||
      !check_text (reader, event->track, _("a track"), error) ||
      !check_text (reader, event->room, _("a room"), error) ||
      !check_text (reader, event->notes, _("the notes"), error))
    return FALSE;
  if (*event->title == '\0')
    {
      g_free (event->title);
      event->title = g_strdup (convene_segment_kind_get_label (event->kind));
    }
  return TRUE;
}

/* uuid (taken) is what matches the event on the next import: two events
 * of one file cannot share it. */
static gboolean
set_uuid (Reader  *reader,
          Event   *event,
          char    *uuid,
          GError **error)
{
  event->uuid = uuid;
  if (g_hash_table_contains (reader->uuids, event->uuid))
    {
      invalid (reader, error, event->title, _("has the same guid as another event"));
      return FALSE;
    }
  g_hash_table_insert (reader->uuids, event->uuid, event);
  return TRUE;
}

/* Each day and room is one group, and so one session. */
static void
add_to_group (Reader     *reader,
              const char *day,
              Event      *event)
{
  g_autofree char *key = g_strdup_printf ("%s\n%s", day, event->room);
  Group *group = g_hash_table_lookup (reader->groups, key);

  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->room = g_strdup (event->room);
      group->events = g_ptr_array_new ();
      g_ptr_array_add (reader->self->groups, group);
      g_hash_table_insert (reader->groups, g_steal_pointer (&key), group);
    }
  g_ptr_array_add (group->events, event);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = *(const Event * const *) a;
  const Event *y = *(const Event * const *) b;

  return g_date_time_compare (x->start, y->start);
}

/* ---- frab, pretalx and Convene's own export ---------------------------------- */

static GDateTime *
read_start (Reader     *reader,
            xmlNode    *node,
            const char *day_date)
{
  g_autofree char *date = child_text (node, "date");
  g_autofree char *start = NULL;
  g_autofree char *joined = NULL;
  int minutes;

  /* frab and pretalx write the full date and time with its offset;
   * older files give only the day's date and the start's clock time. */
  if (*date != '\0')
    return g_date_time_new_from_iso8601 (date, reader->tz);

  start = child_text (node, "start");
  if (strlen (start) == 4 && start[1] == ':')
    {
      char *padded = g_strconcat ("0", start, NULL);

      g_free (start);
      start = padded;
    }
  if (!convene_parse_time_of_day (start, &minutes) || !convene_validate_date (day_date, NULL))
    return NULL;
  joined = g_strdup_printf ("%sT%02d:%02d:00", day_date, minutes / 60, minutes % 60);
  return g_date_time_new_from_iso8601 (joined, reader->tz);
}

static gboolean
read_event (Reader      *reader,
            xmlNode     *node,
            const char  *day,
            const char  *day_date,
            const char  *room,
            GError     **error)
{
  ConveneScheduleImport *self = reader->self;
  g_autofree char *guid = attribute (node, "guid");
  g_autofree char *id = attribute (node, "id");
  g_autofree char *duration = child_text (node, "duration");
  g_autofree char *type = child_text (node, "type");
  Event *event;
  xmlNode *persons;
  char *uuid;

  event = new_event (reader, error);
  if (event == NULL)
    return FALSE;
  event->title = child_text (node, "title");
  event->track = child_text (node, "track");
  event->room = g_strdup (room);
  event->notes = child_text (node, "abstract");
  event->kind = kind_for_type (type);
  if (!check_event (reader, event, error))
    return FALSE;

  if (!parse_duration (duration, &event->minutes))
    {
      g_autofree char *what = g_strdup_printf (_("lasts “%s”, which is not a length from 0:00 to 24:00"),
                                               duration);

      invalid (reader, error, event->title, what);
      return FALSE;
    }
  event->start = read_start (reader, node, day_date);
  if (event->start == NULL)
    {
      invalid (reader, error, event->title, _("has a start that is not a date and time"));
      return FALSE;
    }

  /* frab files before guids had only the id. */
  if (*guid != '\0')
    uuid = uuid_for (guid);
  else if (*id != '\0')
    {
      g_autofree char *named = g_strconcat ("id:", id, "@", self->title, NULL);

      uuid = uuid_for (named);
    }
  else
    uuid = g_uuid_string_random ();
  if (!set_uuid (reader, event, uuid, error))
    return FALSE;

  persons = child (node, "persons");
  for (xmlNode *person = persons != NULL ? persons->children : NULL; person != NULL; person = person->next)
    {
      g_autofree char *name = NULL;
      g_autofree char *person_id = NULL;

      if (!is_element (person, "person"))
        continue;
      name = text_of (person);
      person_id = attribute (person, "id");
      if (!add_person (reader, event, person_id, name, "", error))
        return FALSE;
    }

  add_to_group (reader, day, event);
  return TRUE;
}

static gboolean
read_day (Reader   *reader,
          xmlNode  *day,
          guint     day_index,
          GError  **error)
{
  g_autofree char *date = attribute (day, "date");
  g_autofree char *key = g_strdup_printf ("%u", day_index);

  for (xmlNode *room = day->children; room != NULL; room = room->next)
    {
      g_autofree char *name = NULL;

      if (!is_element (room, "room"))
        continue;
      name = attribute (room, "name");
      if (!check_text (reader, name, _("a room"), error))
        return FALSE;
      for (xmlNode *event = room->children; event != NULL; event = event->next)
        {
          g_autofree char *own_room = NULL;

          if (!is_element (event, "event"))
            continue;
          if (*name == '\0')
            own_room = child_text (event, "room");
          if (!read_event (reader, event, key, date, own_room != NULL ? own_room : name, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_schedule (Reader   *reader,
               xmlNode  *root,
               GError  **error)
{
  ConveneScheduleImport *self = reader->self;
  xmlNode *conference = child (root, "conference");
  guint day_index = 0;

  if (conference != NULL)
    {
      g_autofree char *title = child_text (conference, "title");
      g_autofree char *zone = child_text (conference, "time_zone_name");

      if (*title != '\0')
        {
          if (!check_text (reader, title, _("the title"), error))
            return FALSE;
          g_free (self->title);
          self->title = g_steal_pointer (&title);
        }
      if (convene_time_zone_is_known (zone))
        self->time_zone = g_steal_pointer (&zone);
    }
  reader->tz = self->time_zone != NULL ? g_time_zone_new_identifier (self->time_zone) : g_time_zone_new_utc ();

  for (xmlNode *day = root->children; day != NULL; day = day->next)
    if (is_element (day, "day") && !read_day (reader, day, day_index++, error))
      return FALSE;
  return TRUE;
}

/* ---- Indico's export (/export/event/ID.xml?detail=contributions) ------------- */

/* An Indico date and time, or NULL for an empty element. Indico writes ISO
 * 8601 text with its offset (UTC since version 2); a date given as date,
 * time and tz children (the shape of Indico's JSON export, directly or
 * inside one element) is read too. FALSE when it is neither, or names a
 * zone this computer does not know. */
static gboolean
read_indico_time (Reader     *reader,
                  xmlNode    *node,
                  GDateTime **out)
{
  xmlNode *parts = node;
  g_autofree char *text = NULL;

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (child (node, "date") == NULL)
    for (xmlNode *inner = node->children; inner != NULL; inner = inner->next)
      if (inner->type == XML_ELEMENT_NODE)
        {
          parts = inner;
          break;
        }
  if (parts != node || child (node, "date") != NULL)
    {
      g_autofree char *date = child_text (parts, "date");
      g_autofree char *time = child_text (parts, "time");
      g_autofree char *zone = child_text (parts, "tz");
      g_autofree char *joined = NULL;
      g_autoptr(GTimeZone) tz = NULL;

      if (!convene_validate_date (date, NULL) || !convene_time_zone_is_known (zone))
        return FALSE;
      joined = g_strconcat (date, "T", time, NULL);
      tz = g_time_zone_new_identifier (zone);
      *out = g_date_time_new_from_iso8601 (joined, tz);
      return *out != NULL;
    }

  text = text_of (node);
  if (*text == '\0')
    return TRUE;
  *out = g_date_time_new_from_iso8601 (text, reader->tz);
  return *out != NULL;
}

/* The zone a date given as date, time and tz children names, or "". */
static char *
indico_zone_of (xmlNode *node)
{
  if (node == NULL)
    return g_strdup ("");
  if (child (node, "tz") != NULL)
    return child_text (node, "tz");
  for (xmlNode *inner = node->children; inner != NULL; inner = inner->next)
    if (inner->type == XML_ELEMENT_NODE)
      return child_text (inner, "tz");
  return g_strdup ("");
}

/* A speaker: "First Last" from first_name and last_name, else from the
 * full name Indico writes as "Last, First"; person_id is the same person
 * on every contribution of the event (the element's own id is not). */
static gboolean
read_indico_person (Reader      *reader,
                    xmlNode     *node,
                    const char  *scope,
                    Event       *event,
                    GError     **error)
{
  g_autofree char *first = child_text (node, "first_name");
  g_autofree char *last = child_text (node, "last_name");
  g_autofree char *person_id = child_text (node, "person_id");
  g_autofree char *affiliation = child_text (node, "affiliation");
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  if (*first != '\0' || *last != '\0')
    name = g_strstrip (g_strjoin (" ", first, last, NULL));
  else
    {
      g_autofree char *full = child_text (node, "fullName");
      g_auto(GStrv) parts = g_strsplit (full, ",", -1);

      if (g_strv_length (parts) == 2)
        name = g_strstrip (g_strjoin (" ", g_strstrip (parts[1]), g_strstrip (parts[0]), NULL));
      else
        name = g_steal_pointer (&full);
    }
  if (*person_id != '\0')
    id = g_strconcat (scope, "/", person_id, NULL);
  return add_person (reader, event, id != NULL ? id : "", name, affiliation, error);
}

/* The room a contribution, a session slot or the event names: its full
 * name, else its short one. */
static char *
indico_room (xmlNode    *node,
             const char *fallback)
{
  g_autofree char *full = child_text (node, "roomFullname");
  g_autofree char *room = NULL;

  if (*full != '\0')
    return g_steal_pointer (&full);
  room = child_text (node, "room");
  if (*room != '\0')
    return g_steal_pointer (&room);
  return g_strdup (fallback);
}

static gboolean
read_contribution (Reader      *reader,
                   xmlNode     *node,
                   const char  *scope,
                   const char  *room,
                   GError     **error)
{
  ConveneScheduleImport *self = reader->self;
  g_autofree char *type = NULL;
  g_autofree char *session = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *url = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  gboolean start_ok;
  xmlNode *speakers;
  Event *event;
  char *uuid;

  /* Not in the timetable: nothing to place. */
  start_ok = read_indico_time (reader, child (node, "startDate"), &start);
  if (start_ok && start == NULL)
    {
      self->unscheduled++;
      return TRUE;
    }

  event = new_event (reader, error);
  if (event == NULL)
    return FALSE;
  type = child_text (node, "type");
  session = child_text (node, "session");
  event->title = child_text (node, "title");
  /* Its Indico session names the session it joins, else its track. */
  event->track = *session != '\0' ? g_steal_pointer (&session) : child_text (node, "track");
  event->room = indico_room (node, room);
  event->notes = child_text (node, "description");
  event->kind = kind_for_type (type);
  if (!check_event (reader, event, error))
    return FALSE;

  if (!start_ok)
    {
      invalid (reader, error, event->title, _("has a start that is not a date and time"));
      return FALSE;
    }
  event->start = g_steal_pointer (&start);

  duration = child_text (node, "duration");
  if (*duration != '\0')
    {
      guint64 minutes;

      if (!g_ascii_string_to_unsigned (duration, 10, 0, CONVENE_MAX_DURATION_MINUTES, &minutes, NULL))
        {
          g_autofree char *what =
            g_strdup_printf (_("lasts “%s” minutes, which is not a length from 0 to 1440 minutes"), duration);

          invalid (reader, error, event->title, what);
          return FALSE;
        }
      event->minutes = (guint) minutes;
    }
  else
    {
      g_autoptr(GDateTime) end = NULL;
      GTimeSpan span = 0;

      if (read_indico_time (reader, child (node, "endDate"), &end) && end != NULL)
        span = g_date_time_difference (end, event->start);
      if (end == NULL || span < 0 || span > CONVENE_MAX_DURATION_MINUTES * G_TIME_SPAN_MINUTE)
        {
          invalid (reader, error, event->title, _("has neither a duration nor an end within a day of its start"));
          return FALSE;
        }
      event->minutes = (guint) (span / G_TIME_SPAN_MINUTE);
    }

  /* Its address on the Indico server names it for good; without one, the
   * event's and its own number. */
  url = child_text (node, "url");
  id = attribute (node, "id");
  if (*url != '\0')
    uuid = uuid_for (url);
  else if (*id != '\0')
    {
      g_autofree char *named = g_strconcat ("indico-contribution:", scope, "/", id, NULL);

      uuid = uuid_for (named);
    }
  else
    uuid = g_uuid_string_random ();
  if (!set_uuid (reader, event, uuid, error))
    return FALSE;

  /* The speakers; authors who do not speak are not on the programme. */
  speakers = child (node, "speakers");
  for (xmlNode *person = speakers != NULL ? speakers->children : NULL; person != NULL; person = person->next)
    if (person->type == XML_ELEMENT_NODE && !read_indico_person (reader, person, scope, event, error))
      return FALSE;

  /* The day on the venue's clock, whatever the zone of the file's times. */
  local = g_date_time_to_timezone (event->start, reader->tz);
  day = g_date_time_format (local, "%Y-%m-%d");
  add_to_group (reader, day, event);
  return TRUE;
}

static gboolean
read_contributions (Reader      *reader,
                    xmlNode     *list,
                    const char  *scope,
                    const char  *room,
                    GError     **error)
{
  for (xmlNode *node = list != NULL ? list->children : NULL; node != NULL; node = node->next)
    if (is_element (node, "contribution") && !read_contribution (reader, node, scope, room, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_conference (Reader   *reader,
                 xmlNode  *conference,
                 GError  **error)
{
  ConveneScheduleImport *self = reader->self;
  g_autofree char *title = child_text (conference, "title");
  g_autofree char *zone = child_text (conference, "timezone");
  g_autofree char *id = attribute (conference, "id");
  g_autofree char *room = indico_room (conference, "");
  xmlNode *sessions = child (conference, "sessions");
  /* An export of several events is titled and zoned after the first. */
  gboolean first = self->time_zone == NULL;

  if (!check_text (reader, title, _("the title"), error))
    return FALSE;
  if (first && *title != '\0')
    {
      g_free (self->title);
      self->title = g_steal_pointer (&title);
    }

  /* Indico writes its times in UTC: without the event's zone they would
   * land hours away from the venue's clock. */
  if (!convene_time_zone_is_known (zone))
    {
      g_free (zone);
      zone = indico_zone_of (child (conference, "startDate"));
    }
  if (!convene_time_zone_is_known (zone))
    {
      g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_INVALID,
                   /* Translators: %s is a file name; <timezone> is a name in the file, not to be translated. */
                   _("“%s” cannot be imported: it does not name a time zone this computer knows (in "
                     "<timezone>), so its times cannot be put on the venue’s clock."),
                   self->name);
      return FALSE;
    }
  g_clear_pointer (&reader->tz, g_time_zone_unref);
  reader->tz = g_time_zone_new_identifier (zone);
  if (first)
    self->time_zone = g_steal_pointer (&zone);

  if (!read_contributions (reader, child (conference, "contributions"), id, room, error))
    return FALSE;
  /* With detail=sessions, the contributions of each session are in its slots. */
  for (xmlNode *slot = sessions != NULL ? sessions->children : NULL; slot != NULL; slot = slot->next)
    {
      g_autofree char *slot_room = NULL;

      if (slot->type != XML_ELEMENT_NODE)
        continue;
      slot_room = indico_room (slot, room);
      if (!read_contributions (reader, child (slot, "contributions"), id, slot_room, error))
        return FALSE;
    }
  return TRUE;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *x = *(const Group * const *) a;
  const Group *y = *(const Group * const *) b;

  return g_date_time_compare (((Event *) g_ptr_array_index (x->events, 0))->start,
                              ((Event *) g_ptr_array_index (y->events, 0))->start);
}

static gboolean
read_indico (Reader   *reader,
             xmlNode  *root,
             GError  **error)
{
  ConveneScheduleImport *self = reader->self;
  xmlNode *results = child (root, "results");

  for (xmlNode *node = results != NULL ? results->children : NULL; node != NULL; node = node->next)
    if (is_element (node, "conference") && !read_conference (reader, node, error))
      return FALSE;

  /* Indico lists contributions in no order of time: the sessions follow
   * the clock, day by day. */
  for (guint i = 0; i < self->groups->len; i++)
    g_ptr_array_sort (((Group *) g_ptr_array_index (self->groups, i))->events, compare_events);
  g_ptr_array_sort (self->groups, compare_groups);
  return TRUE;
}

#define DOCTYPE_REFUSAL \
  _("“%s” is not a schedule Convene reads: it declares a document type (<!DOCTYPE>), " \
    "which the schedules of frab, pretalx and Indico never do.")

ConveneScheduleImport *
convene_schedule_import_parse (const char  *data,
                               gsize        length,
                               const char  *name,
                               GError     **error)
{
  g_autoptr(ConveneScheduleImport) self = NULL;
  xmlParserCtxtPtr context;
  xmlDocPtr doc;
  xmlNode *root;
  Reader reader = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (ConveneScheduleImport, 1);
  self->name = g_strdup (name);
  self->title = g_strdup (name);
  self->events = g_ptr_array_new_with_free_func (event_free);
  self->groups = g_ptr_array_new_with_free_func (group_free);
  self->people = g_ptr_array_new_with_free_func (person_free);

  if (length > CONVENE_SCHEDULE_IMPORT_MAX_BYTES)
    {
      g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” cannot be imported: it is larger than the %u MiB Convene reads as a schedule."),
                   name, CONVENE_SCHEDULE_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  /* No network, no DTD loaded or checked, entities left as references (a
   * file declaring any is refused below), no XInclude; libxml2's own
   * limits (256 levels deep, 10 MB in one text) stay on. */
  context = xmlNewParserCtxt ();
  if (context == NULL)
    {
      g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_READ,
                   _("“%s” cannot be imported: out of memory."), name);
      return NULL;
    }
  doc = xmlCtxtReadMemory (context, length > 0 ? data : "", (int) length, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (doc == NULL || !context->wellFormed)
    {
      int line = MAX (context->lastError.line, 1);
      int code = context->lastError.code;
      const char *message = context->lastError.message;

      /* libxml2 stops at the first entity that expands too far, before
       * the document type could be refused below. */
      if (code == XML_ERR_ENTITY_LOOP)
        g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_SCHEDULE,
                     DOCTYPE_REFUSAL, name);
      else if (code == XML_ERR_INTERNAL_ERROR && message != NULL && strstr (message, "depth") != NULL)
        g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_TOO_LARGE,
                     _("“%s” is not a schedule: its elements nest more than 256 levels deep."), name);
      else if (code == XML_ERR_INVALID_CHAR || code == XML_ERR_INVALID_ENCODING)
        g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_XML,
                     /* Translators: %s is a file name, %d a line number. */
                     _("“%s” is not a schedule: line %d holds bytes that are not UTF-8 text."), name, line);
      else
        g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_XML,
                     /* Translators: %s is a file name, %d a line number. */
                     _("“%s” is not a schedule: it is not well-formed XML (the problem is near line %d)."),
                     name, line);
      g_clear_pointer (&doc, xmlFreeDoc);
      xmlFreeParserCtxt (context);
      return NULL;
    }
  xmlFreeParserCtxt (context);

  root = xmlDocGetRootElement (doc);
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_SCHEDULE,
                   DOCTYPE_REFUSAL, name);
      xmlFreeDoc (doc);
      return NULL;
    }
  if (root == NULL || (!is_element (root, "schedule") && !is_element (root, "httpapiresult")))
    {
      g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_SCHEDULE,
                   /* Translators: a file name, then the name of its first element. */
                   _("“%s” is not a schedule: a schedule starts with <schedule> (frab, pretalx) or "
                     "<httpapiresult> (Indico), this file with <%s>."),
                   name, root != NULL ? (const char *) root->name : "");
      xmlFreeDoc (doc);
      return NULL;
    }

  reader.self = self;
  reader.groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.uuids = g_hash_table_new (g_str_hash, g_str_equal);
  reader.person_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.person_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Both readers fill the same events, groups and people. */
  if (is_element (root, "httpapiresult"))
    ok = read_indico (&reader, root, error);
  else
    ok = read_schedule (&reader, root, error);
  if (ok && self->events->len == 0)
    {
      if (self->unscheduled > 0)
        g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_SCHEDULE,
                     _("“%s” has no contribution with a start time: there is nothing to import."), self->name);
      else
        g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_NOT_SCHEDULE,
                     _("“%s” is a schedule without events: there is nothing to import."), self->name);
      ok = FALSE;
    }
  g_hash_table_unref (reader.groups);
  g_hash_table_unref (reader.uuids);
  g_hash_table_unref (reader.person_ids);
  g_hash_table_unref (reader.person_keys);
  g_clear_pointer (&reader.tz, g_time_zone_unref);
  xmlFreeDoc (doc);

  return ok ? g_steal_pointer (&self) : NULL;
}

ConveneScheduleImport *
convene_schedule_import_read (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream != NULL)
    {
      /* One byte past the cap tells a file over it without reading it all. */
      data = g_malloc (CONVENE_SCHEDULE_IMPORT_MAX_BYTES + 1);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data, CONVENE_SCHEDULE_IMPORT_MAX_BYTES + 1,
                                    &length, cancellable, &local_error))
        g_clear_pointer (&data, g_free);
    }
  if (data == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_READ,
                 _("“%s” does not exist."), name);
  else if (data == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_READ,
                 _("“%s” is a folder, not a schedule."), name);
  else if (data == NULL)
    g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_READ,
                 /* Translators: %s is a file name, then the system's reason. */
                 _("“%s” cannot be read: %s"), name, local_error->message);
  if (data == NULL)
    return NULL;
  return convene_schedule_import_parse (data, length, name, error);
}

/* ---- into a project ---------------------------------------------------------- */

typedef struct
{
  ConveneSegment *segment;
  ConveneSession *session;
  ConveneSegment *parent;  /* NULL at top level */
} Match;

typedef struct
{
  ConveneScheduleImport *self;
  ConveneProject        *project;
  GTimeZone             *tz;
  ConveneCommand        *group;
  const char            *label;
  GHashTable            *matches;     /* uuid -> Match* */
  GHashTable            *events_of;   /* matched ConveneSegment* -> its Event* */
  GHashTable            *assigned;    /* "segment-id:speaker-id" already on the project */
  gint64                *speaker_ids; /* for each person of the file */
  GPtrArray             *new_people;
  GPtrArray             *assignments;
  GPtrArray             *sessions;    /* new ones */
  ConveneScheduleImportSummary summary;
} Builder;

static void
collect_matches (Builder *builder)
{
  GListModel *sessions = G_LIST_MODEL (convene_project_get_sessions (builder->project));

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (sessions, i);
      GListModel *segments = G_LIST_MODEL (convene_session_get_segments (session));

      for (guint j = 0; j < g_list_model_get_n_items (segments); j++)
        {
          g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, j);
          GListModel *items = G_LIST_MODEL (convene_segment_get_items (segment));
          Match *match = g_new0 (Match, 1);

          match->segment = segment;
          match->session = session;
          g_hash_table_insert (builder->matches, (gpointer) convene_segment_get_uuid (segment), match);
          for (guint k = 0; k < g_list_model_get_n_items (items); k++)
            {
              g_autoptr(ConveneSegment) item = g_list_model_get_item (items, k);

              match = g_new0 (Match, 1);
              match->segment = item;
              match->session = session;
              match->parent = segment;
              g_hash_table_insert (builder->matches, (gpointer) convene_segment_get_uuid (item), match);
            }
        }
    }
}

static void
collect_people (Builder *builder)
{
  ConveneScheduleImport *self = builder->self;
  GListModel *speakers = G_LIST_MODEL (convene_project_get_speakers (builder->project));
  GListModel *assignments = G_LIST_MODEL (convene_project_get_assignments (builder->project));
  g_autoptr(GHashTable) roster = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The concept note's matcher, by name; the first of two people with the
   * same name on the roster is the one reused. */
  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (speakers, i);
      char *key = convene_concept_note_dup_name_key (convene_speaker_get_name (speaker));

      if (g_hash_table_contains (roster, key))
        g_free (key);
      else
        g_hash_table_insert (roster, key, speaker);
    }

  builder->speaker_ids = g_new0 (gint64, MAX (self->people->len, 1));
  for (guint i = 0; i < self->people->len; i++)
    {
      Person *person = g_ptr_array_index (self->people, i);
      ConveneSpeaker *known = g_hash_table_lookup (roster, person->key);

      if (known != NULL)
        builder->speaker_ids[i] = convene_speaker_get_id (known);
      else
        {
          gint64 id = convene_project_new_id (builder->project);

          ConveneSpeaker *speaker = convene_speaker_new (id, person->name);

          if (person->organisation != NULL)
            convene_speaker_set_organisation (speaker, person->organisation);
          g_ptr_array_add (builder->new_people, speaker);
          builder->speaker_ids[i] = id;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);

      g_hash_table_add (builder->assigned,
                        g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                         convene_assignment_get_segment_id (assignment),
                                         convene_assignment_get_speaker_id (assignment)));
    }
}

static void
assign_people (Builder        *builder,
               Event          *event,
               ConveneSegment *segment,
               gboolean        in_panel)
{
  ConveneRole role = convene_role_suggest (convene_segment_get_kind (segment), in_panel);

  for (guint i = 0; i < event->people->len; i++)
    {
      gint64 speaker_id = builder->speaker_ids[g_array_index (event->people, guint, i)];
      char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                   convene_segment_get_id (segment), speaker_id);

      if (!g_hash_table_add (builder->assigned, key))
        continue;
      g_ptr_array_add (builder->assignments,
                       convene_assignment_new_for_segment (convene_project_new_id (builder->project),
                                                           speaker_id, convene_segment_get_id (segment), role));
    }
}

/* Minutes from midnight of date (in the builder's zone) to time's clock
 * there: 25:30 for half past one the next night. */
static gint64
clock_minutes (GDateTime *time,
               GDate     *date)
{
  int y, m, d;
  g_autoptr(GDateTime) local = NULL;
  GDate day;

  g_date_time_get_ymd (time, &y, &m, &d);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return (gint64) g_date_days_between (date, &day) * CONVENE_MINUTES_PER_DAY +
         g_date_time_get_hour (time) * 60 + g_date_time_get_minute (time);
}

static gboolean
add_group (Builder  *builder,
           Group    *group,
           GError  **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(ConveneSession) session = NULL;
  g_autofree char *date = NULL;
  const char *track = NULL;
  GDate day;
  int y, m, d;
  int start_time;
  gint64 cursor = 0;
  gint64 end = 1;

  for (guint i = 0; i < group->events->len; i++)
    {
      Event *event = g_ptr_array_index (group->events, i);

      if (!g_hash_table_contains (builder->matches, event->uuid))
        g_ptr_array_add (events, event);
    }
  if (events->len == 0)
    return TRUE;
  g_ptr_array_sort (events, compare_events);

  /* The track its events share names the session; else its room does. */
  for (guint i = 0; i < events->len; i++)
    {
      Event *event = g_ptr_array_index (events, i);

      if (i == 0)
        track = event->track;
      else if (g_strcmp0 (track, event->track) != 0)
        track = NULL;
    }
  if (track == NULL || *track == '\0')
    track = group->room;

  first = g_date_time_to_timezone (((Event *) g_ptr_array_index (events, 0))->start, builder->tz);
  g_date_time_get_ymd (first, &y, &m, &d);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  date = g_date_time_format (first, "%Y-%m-%d");
  start_time = g_date_time_get_hour (first) * 60 + g_date_time_get_minute (first);

  session = convene_session_new (convene_project_new_id (builder->project), track, date, start_time, 60);
  convene_session_set_room (session, group->room);

  for (guint i = 0; i < events->len; i++)
    {
      Event *event = g_ptr_array_index (events, i);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (event->start, builder->tz);
      gint64 offset = clock_minutes (local, &day) - start_time;
      g_autoptr(ConveneSegment) segment = NULL;

      if (offset >= CONVENE_MINUTES_PER_DAY)
        {
          g_set_error (error, CONVENE_SCHEDULE_IMPORT_ERROR, CONVENE_SCHEDULE_IMPORT_ERROR_INVALID,
                       /* Translators: a file name, a room, a date: one session holds at most a day. */
                       _("“%s” cannot be imported: the events in “%s” from %s span more than a day, "
                         "more than one session holds."),
                       builder->self->name, group->room, date);
          return FALSE;
        }
      segment = convene_segment_new (convene_project_new_id (builder->project), event->kind, event->title,
                                     event->minutes);
      convene_segment_set_uuid (segment, event->uuid);
      convene_segment_set_notes (segment, event->notes);
      /* Pinned where it does not simply follow the event before it. */
      if (offset != cursor)
        convene_segment_set_fixed_start (segment, (int) ((start_time + offset) % CONVENE_MINUTES_PER_DAY));
      cursor = offset + event->minutes;
      end = MAX (end, cursor);
      g_list_store_append (convene_session_get_segments (session), segment);
      assign_people (builder, event, segment, FALSE);
      builder->summary.added++;
    }
  convene_session_set_slot_minutes (session, (guint) MIN (end, CONVENE_MAX_SLOT_MINUTES));

  g_ptr_array_add (builder->sessions, g_steal_pointer (&session));
  builder->summary.sessions++;
  return TRUE;
}

static gboolean
add_edit (Builder        *builder,
          ConveneCommand *command,
          GError        **error)
{
  if (command == NULL)
    return FALSE;
  convene_command_group_add (builder->group, command);
  return TRUE;
}

/* Updates the segments the file's events match, session by session: an
 * event whose start is not where the segment falls now (with the new
 * lengths of the segments before it) gets that start pinned. */
static gboolean
update_session (Builder         *builder,
                ConveneSession  *session,
                GError         **error)
{
  GListModel *segments = G_LIST_MODEL (convene_session_get_segments (session));
  int start_time = convene_session_get_start_time (session);
  GDate day;
  gint64 cursor = 0;

  g_date_clear (&day, 1);
  /* "YYYY-MM-DD" whatever the locale; an undated session keeps its pins. */
  if (convene_validate_date (convene_session_get_date (session), NULL))
    {
      unsigned y = 0, m = 0, d = 0;

      if (sscanf (convene_session_get_date (session), "%u-%u-%u", &y, &m, &d) == 3)
        g_date_set_dmy (&day, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
    }

  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);
      GListModel *items = G_LIST_MODEL (convene_segment_get_items (segment));
      Event *event = g_hash_table_lookup (builder->events_of, segment);
      int fixed = convene_segment_get_fixed_start (segment);
      gint64 start = cursor;
      gint64 length = 0;

      if (fixed != CONVENE_NO_FIXED_START)
        start = fixed - start_time < 0 ? fixed - start_time + CONVENE_MINUTES_PER_DAY : fixed - start_time;

      for (guint k = 0; k < g_list_model_get_n_items (items); k++)
        {
          g_autoptr(ConveneSegment) item = g_list_model_get_item (items, k);
          Event *item_event = g_hash_table_lookup (builder->events_of, item);

          length += item_event != NULL ? item_event->minutes : convene_segment_get_duration (item);
        }
      if (g_list_model_get_n_items (items) == 0)
        length = event != NULL ? event->minutes : convene_segment_get_duration (segment);

      if (event != NULL && g_date_valid (&day))
        {
          g_autoptr(GDateTime) local = g_date_time_to_timezone (event->start, builder->tz);
          gint64 wanted = clock_minutes (local, &day) - start_time;

          if (wanted >= 0 && wanted < CONVENE_MINUTES_PER_DAY && wanted != start)
            {
              if (!add_edit (builder, convene_edit_set_number (segment, "fixed-start",
                                                               (start_time + wanted) % CONVENE_MINUTES_PER_DAY,
                                                               error), error))
                return FALSE;
              start = wanted;
            }
        }
      cursor = start + length;
    }
  return TRUE;
}

static gboolean
update_segment (Builder  *builder,
                Event    *event,
                Match    *match,
                GError  **error)
{
  ConveneSegment *segment = match->segment;
  gboolean holds_items = g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (segment))) > 0;

  if (g_strcmp0 (convene_segment_get_title (segment), event->title) != 0 &&
      !add_edit (builder, convene_edit_set_text (segment, "title", event->title, error), error))
    return FALSE;
  if (g_strcmp0 (convene_segment_get_notes (segment), event->notes) != 0 &&
      !add_edit (builder, convene_edit_set_text (segment, "notes", event->notes, error), error))
    return FALSE;
  /* A kind that holds no items is not given to a segment holding some,
   * nor one that holds items to an item. */
  if (convene_segment_get_kind (segment) != event->kind &&
      (holds_items ? convene_segment_kind_holds_items (event->kind)
                   : match->parent == NULL || !convene_segment_kind_holds_items (event->kind)) &&
      !add_edit (builder, convene_edit_set_number (segment, "kind", event->kind, error), error))
    return FALSE;
  /* A segment holding items lasts what they take. */
  if (!holds_items && convene_segment_get_duration (segment) != event->minutes &&
      !add_edit (builder, convene_edit_set_number (segment, "duration", event->minutes, error), error))
    return FALSE;

  assign_people (builder, event, segment, match->parent != NULL);
  builder->summary.updated++;
  return TRUE;
}

static void
builder_clear (Builder *builder)
{
  g_clear_pointer (&builder->matches, g_hash_table_unref);
  g_clear_pointer (&builder->events_of, g_hash_table_unref);
  g_clear_pointer (&builder->assigned, g_hash_table_unref);
  g_clear_pointer (&builder->speaker_ids, g_free);
  g_clear_pointer (&builder->new_people, g_ptr_array_unref);
  g_clear_pointer (&builder->assignments, g_ptr_array_unref);
  g_clear_pointer (&builder->sessions, g_ptr_array_unref);
  g_clear_pointer (&builder->tz, g_time_zone_unref);
  g_clear_object (&builder->group);
}

static gboolean
build (Builder  *builder,
       GError  **error)
{
  ConveneScheduleImport *self = builder->self;
  g_autoptr(GPtrArray) updated_sessions = g_ptr_array_new ();
  gboolean ok = TRUE;

  builder->summary.unscheduled = self->unscheduled;
  collect_matches (builder);
  collect_people (builder);

  if (builder->new_people->len > 0)
    {
      GListModel *speakers = G_LIST_MODEL (convene_project_get_speakers (builder->project));

      if (!add_edit (builder, convene_edit_add_speakers (builder->project, builder->new_people,
                                                         g_list_model_get_n_items (speakers), error), error))
        return FALSE;
      builder->summary.new_people = builder->new_people->len;
    }

  for (guint i = 0; ok && i < self->events->len; i++)
    {
      Event *event = g_ptr_array_index (self->events, i);
      Match *match = g_hash_table_lookup (builder->matches, event->uuid);

      if (match == NULL)
        continue;
      ok = update_segment (builder, event, match, error);
      /* The session's start times are worked out below, with every new
       * length known. */
      g_hash_table_insert (builder->events_of, match->segment, event);
      if (match->parent == NULL && !g_ptr_array_find (updated_sessions, match->session, NULL))
        g_ptr_array_add (updated_sessions, match->session);
    }
  for (guint i = 0; ok && i < updated_sessions->len; i++)
    ok = update_session (builder, g_ptr_array_index (updated_sessions, i), error);

  for (guint i = 0; ok && i < self->groups->len; i++)
    ok = add_group (builder, g_ptr_array_index (self->groups, i), error);
  if (!ok)
    return FALSE;

  if (builder->sessions->len > 0)
    {
      GListStore *list = convene_project_get_sessions (builder->project);

      convene_command_group_add (builder->group,
                                 convene_command_insert_many_new (builder->label, list,
                                                                  g_list_model_get_n_items (G_LIST_MODEL (list)),
                                                                  builder->sessions));
    }
  if (builder->assignments->len > 0)
    {
      GListStore *list = convene_project_get_assignments (builder->project);

      convene_command_group_add (builder->group,
                                 convene_command_insert_many_new (builder->label, list,
                                                                  g_list_model_get_n_items (G_LIST_MODEL (list)),
                                                                  builder->assignments));
    }
  return TRUE;
}

ConveneCommand *
convene_schedule_import_build (ConveneScheduleImport        *self,
                               ConveneProject               *project,
                               ConveneScheduleImportSummary *out_summary,
                               GError                      **error)
{
  Builder builder = { 0 };
  ConveneCommand *command = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  builder.self = self;
  builder.project = project;
  builder.label = _("Import Schedule");
  builder.tz = convene_project_dup_gtime_zone (project);
  builder.group = convene_command_group_new (builder.label);
  builder.matches = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  builder.events_of = g_hash_table_new (NULL, NULL);
  builder.assigned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  builder.new_people = g_ptr_array_new_with_free_func (g_object_unref);
  builder.assignments = g_ptr_array_new_with_free_func (g_object_unref);
  builder.sessions = g_ptr_array_new_with_free_func (g_object_unref);

  if (build (&builder, error))
    {
      command = g_steal_pointer (&builder.group);
      if (out_summary != NULL)
        *out_summary = builder.summary;
    }
  builder_clear (&builder);
  return command;
}

/* "Etc/GMT-2" for +02:00: the IANA name of a whole-hour offset. */
static char *
zone_for_offset (GDateTime *time)
{
  GTimeSpan offset = g_date_time_get_utc_offset (time);
  gint64 hours = offset / G_TIME_SPAN_HOUR;

  if (offset % G_TIME_SPAN_HOUR != 0 || hours < -12 || hours > 14)
    return NULL;
  if (hours == 0)
    return g_strdup ("UTC");
  return g_strdup_printf ("Etc/GMT%+d", (int) -hours);
}

ConveneProject *
convene_schedule_import_new_project (ConveneScheduleImport  *self,
                                     GError                **error)
{
  g_autoptr(ConveneProject) project = NULL;
  g_autoptr(ConveneCommand) command = NULL;
  g_autofree char *zone = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  project = convene_project_new ();
  convene_project_set_title (project, self->title);
  zone = g_strdup (self->time_zone);
  if (zone == NULL)
    zone = zone_for_offset (((Event *) g_ptr_array_index (self->events, 0))->start);
  if (zone != NULL && convene_time_zone_is_known (zone))
    convene_project_set_time_zone (project, zone);

  command = convene_schedule_import_build (self, project, NULL, error);
  if (command == NULL)
    return NULL;
  convene_command_apply (command);
  return g_steal_pointer (&project);
}
