#define G_LOG_DOMAIN "convene-io"
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "convene-limits.h"
#include "convene-programme.h"
#include "convene-schedule.h"

G_DEFINE_QUARK (convene-export-error-quark, convene_export_error)

struct _ConveneProgramme
{
  ConveneProject *project;
  GTimeZone      *tz;
  GPtrArray      *entries;   /* ConveneProgrammeEntry*, owned */
  GPtrArray      *days;      /* ConveneProgrammeDay*, owned */
  GPtrArray      *people;    /* ConveneProgrammePerson*, owned; entries borrow them */
  char           *version;
};

static void
entry_free (gpointer data)
{
  ConveneProgrammeEntry *entry = data;

  g_clear_pointer (&entry->start, g_date_time_unref);
  g_clear_pointer (&entry->end, g_date_time_unref);
  g_clear_pointer (&entry->people, g_ptr_array_unref);
  g_clear_pointer (&entry->items, g_ptr_array_unref);
  g_free (entry);
}

static void
day_free (gpointer data)
{
  ConveneProgrammeDay *day = data;

  g_free (day->date);
  g_clear_pointer (&day->start, g_date_time_unref);
  g_clear_pointer (&day->end, g_date_time_unref);
  g_clear_pointer (&day->rooms, g_ptr_array_unref);
  g_clear_pointer (&day->room_events, g_ptr_array_unref);
  g_free (day);
}

typedef struct
{
  ConveneSession *session;
  guint           position;
} SessionOrder;

/* The order sessions happen in; sessions without a date come last. */
static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  const SessionOrder *x = a, *y = b;
  const char *dx = convene_session_get_date (x->session);
  const char *dy = convene_session_get_date (y->session);
  int cmp;

  if ((*dx == '\0') != (*dy == '\0'))
    return *dx == '\0' ? 1 : -1;
  cmp = strcmp (dx, dy);
  if (cmp != 0)
    return cmp;
  cmp = convene_session_get_start_time (x->session) - convene_session_get_start_time (y->session);
  if (cmp != 0)
    return cmp;
  return x->position < y->position ? -1 : x->position > y->position;
}

static const char *
room_of (ConveneProject *project,
         ConveneSession *session)
{
  const char *room = convene_session_get_room (session);

  if (*room == '\0')
    room = convene_project_get_venue (project);
  if (*room == '\0')
    room = convene_session_get_title (session);
  if (*room == '\0')
    /* Translators: where a session with no room, no title and no venue is held. */
    room = _("Main room");
  return room;
}

/* segment id -> GPtrArray of ConveneProgrammePerson* (borrowed), in the
 * order of the project's assignments. */
static GHashTable *
people_by_segment (ConveneProgramme *self)
{
  GHashTable *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) speakers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GListModel *list = G_LIST_MODEL (convene_project_get_speakers (self->project));
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (list, i);
      gint64 id = convene_speaker_get_id (speaker);

      g_hash_table_insert (speakers, g_memdup2 (&id, sizeof id), speaker);
    }

  list = G_LIST_MODEL (convene_project_get_assignments (self->project));
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (list, i);
      gint64 segment_id = convene_assignment_get_segment_id (assignment);
      gint64 speaker_id = convene_assignment_get_speaker_id (assignment);
      ConveneSpeaker *speaker = g_hash_table_lookup (speakers, &speaker_id);
      ConveneProgrammePerson *person;
      GPtrArray *people;

      if (segment_id == 0 || speaker == NULL)
        continue;

      people = g_hash_table_lookup (table, &segment_id);
      if (people == NULL)
        {
          people = g_ptr_array_new ();
          g_hash_table_insert (table, g_memdup2 (&segment_id, sizeof segment_id), people);
        }
      person = g_new0 (ConveneProgrammePerson, 1);
      person->speaker = speaker;
      person->role = convene_assignment_get_role (assignment);
      g_ptr_array_add (self->people, person);
      g_ptr_array_add (people, person);
    }

  return table;
}

static void
add_session (ConveneProgramme *self,
             ConveneSession   *session,
             GHashTable       *people)
{
  g_autoptr(ConveneSchedule) schedule = convene_schedule_compute (session, self->tz);
  gboolean dated = *convene_session_get_date (session) != '\0';
  const char *room = room_of (self->project, session);
  ConveneProgrammeEntry *top = NULL;
  guint n = convene_schedule_get_n_entries (schedule);

  for (guint i = 0; i < n; i++)
    {
      const ConveneScheduleEntry *scheduled = convene_schedule_get_entry (schedule, i);
      ConveneProgrammeEntry *entry = g_new0 (ConveneProgrammeEntry, 1);
      gint64 id = convene_segment_get_id (scheduled->segment);
      GPtrArray *own = g_hash_table_lookup (people, &id);

      entry->session = session;
      entry->segment = scheduled->segment;
      entry->parent = scheduled->parent;
      entry->room = room;
      entry->minutes = scheduled->end - scheduled->start;
      if (dated)
        {
          entry->start = convene_schedule_dup_clock (schedule, scheduled->start);
          entry->end = convene_schedule_dup_clock (schedule, scheduled->end);
        }
      entry->people = own != NULL ? g_ptr_array_ref (own) : g_ptr_array_new ();

      if (scheduled->parent == NULL)
        {
          entry->items = g_ptr_array_new ();
          top = entry;
        }
      else if (top != NULL)
        {
          entry->parent_entry = top;
          g_ptr_array_add (top->items, entry);
        }
      g_ptr_array_add (self->entries, entry);
    }
}

static int
compare_entry_starts (gconstpointer a,
                      gconstpointer b)
{
  const ConveneProgrammeEntry *x = *(ConveneProgrammeEntry * const *) a;
  const ConveneProgrammeEntry *y = *(ConveneProgrammeEntry * const *) b;

  return g_date_time_compare (x->start, y->start);
}

static void
lay_out_days (ConveneProgramme *self)
{
  ConveneProgrammeDay *day = NULL;
  g_autoptr(GPtrArray) events = NULL;

  /* Entries are in session order, dates ascending: a day is a run of one date. */
  for (guint i = 0; i <= self->entries->len; i++)
    {
      ConveneProgrammeEntry *entry = i < self->entries->len ? g_ptr_array_index (self->entries, i) : NULL;
      const char *date = entry != NULL ? convene_session_get_date (entry->session) : NULL;

      if (entry != NULL && (entry->parent != NULL || entry->start == NULL))
        continue;

      if (day != NULL && (date == NULL || strcmp (date, day->date) != 0))
        {
          /* Close the day: rooms in the order their first event starts.
           * The sort is stable, so simultaneous events keep session order. */
          g_ptr_array_sort (events, compare_entry_starts);
          for (guint e = 0; e < events->len; e++)
            {
              ConveneProgrammeEntry *event = g_ptr_array_index (events, e);
              guint r;

              for (r = 0; r < day->rooms->len; r++)
                if (g_str_equal (g_ptr_array_index (day->rooms, r), event->room))
                  break;
              if (r == day->rooms->len)
                {
                  g_ptr_array_add (day->rooms, (gpointer) event->room);
                  g_ptr_array_add (day->room_events, g_ptr_array_new ());
                }
              g_ptr_array_add (g_ptr_array_index (day->room_events, r), event);

              if (day->start == NULL || g_date_time_compare (event->start, day->start) < 0)
                {
                  g_clear_pointer (&day->start, g_date_time_unref);
                  day->start = g_date_time_ref (event->start);
                }
              if (day->end == NULL || g_date_time_compare (event->end, day->end) > 0)
                {
                  g_clear_pointer (&day->end, g_date_time_unref);
                  day->end = g_date_time_ref (event->end);
                }
            }
          g_ptr_array_add (self->days, day);
          day = NULL;
          g_clear_pointer (&events, g_ptr_array_unref);
        }

      if (entry == NULL)
        break;

      if (day == NULL)
        {
          day = g_new0 (ConveneProgrammeDay, 1);
          day->date = g_strdup (date);
          day->index = self->days->len + 1;
          day->rooms = g_ptr_array_new ();
          day->room_events = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
          events = g_ptr_array_new ();
        }
      g_ptr_array_add (events, entry);
    }
}

static void
checksum_text (GChecksum  *checksum,
               const char *text)
{
  /* With its terminating NUL, so "ab" + "c" differs from "a" + "bc". */
  g_checksum_update (checksum, (const guchar *) text, (gssize) strlen (text) + 1);
}

static char *
compute_version (ConveneProgramme *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  checksum_text (checksum, convene_project_get_title (self->project));
  checksum_text (checksum, convene_project_get_venue (self->project));
  checksum_text (checksum, convene_project_get_time_zone (self->project));
  for (guint i = 0; i < self->entries->len; i++)
    {
      const ConveneProgrammeEntry *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *start = NULL;
      g_autofree char *minutes = g_strdup_printf ("%d", entry->minutes);

      if (entry->start == NULL)
        continue;
      start = g_date_time_format_iso8601 (entry->start);
      checksum_text (checksum, convene_segment_get_uuid (entry->segment));
      checksum_text (checksum, start);
      checksum_text (checksum, minutes);
      checksum_text (checksum, entry->room);
      checksum_text (checksum, convene_session_get_title (entry->session));
      checksum_text (checksum, convene_segment_kind_to_nick (convene_segment_get_kind (entry->segment)));
      checksum_text (checksum, convene_segment_get_title (entry->segment));
      checksum_text (checksum, convene_segment_get_notes (entry->segment));
      for (guint p = 0; p < entry->people->len; p++)
        {
          const ConveneProgrammePerson *person = g_ptr_array_index (entry->people, p);
          g_autofree char *name = convene_speaker_dup_display_name (person->speaker);

          checksum_text (checksum, name);
          checksum_text (checksum, convene_role_to_nick (person->role));
        }
    }

  return g_strndup (g_checksum_get_string (checksum), 12);
}

ConveneProgramme *
convene_programme_new (ConveneProject *project)
{
  ConveneProgramme *self;
  GListModel *sessions;
  g_autoptr(GArray) order = NULL;
  g_autoptr(GHashTable) people = NULL;
  guint n;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);

  self = g_new0 (ConveneProgramme, 1);
  self->project = g_object_ref (project);
  self->tz = convene_project_dup_gtime_zone (project);
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->days = g_ptr_array_new_with_free_func (day_free);
  self->people = g_ptr_array_new_with_free_func (g_free);

  sessions = G_LIST_MODEL (convene_project_get_sessions (project));
  n = g_list_model_get_n_items (sessions);
  order = g_array_sized_new (FALSE, FALSE, sizeof (SessionOrder), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (sessions, i);
      SessionOrder item = { session, i };

      g_array_append_val (order, item);
    }
  g_array_sort (order, compare_sessions);

  people = people_by_segment (self);
  for (guint i = 0; i < order->len; i++)
    add_session (self, g_array_index (order, SessionOrder, i).session, people);

  lay_out_days (self);
  self->version = compute_version (self);
  return self;
}

void
convene_programme_free (ConveneProgramme *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->days, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_object (&self->project);
  g_free (self->version);
  g_free (self);
}

ConveneProject *
convene_programme_get_project (ConveneProgramme *self)
{
  return self->project;
}

GTimeZone *
convene_programme_get_time_zone (ConveneProgramme *self)
{
  return self->tz;
}

guint
convene_programme_get_n_entries (ConveneProgramme *self)
{
  return self->entries->len;
}

const ConveneProgrammeEntry *
convene_programme_get_entry (ConveneProgramme *self,
                             guint             index)
{
  g_return_val_if_fail (index < self->entries->len, NULL);
  return g_ptr_array_index (self->entries, index);
}

guint
convene_programme_get_n_days (ConveneProgramme *self)
{
  return self->days->len;
}

const ConveneProgrammeDay *
convene_programme_get_day (ConveneProgramme *self,
                           guint             index)
{
  g_return_val_if_fail (index < self->days->len, NULL);
  return g_ptr_array_index (self->days, index);
}

const char *
convene_programme_get_version (ConveneProgramme *self)
{
  return self->version;
}

char *
convene_programme_describe_people (const ConveneProgrammeEntry *entry)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < entry->people->len; i++)
    {
      const ConveneProgrammePerson *person = g_ptr_array_index (entry->people, i);
      g_autofree char *name = convene_speaker_dup_display_name (person->speaker);

      if (i > 0)
        g_string_append (text, ", ");
      /* Translators: a person and their role in a list, "Ana Gómez (Moderator)". */
      g_string_append_printf (text, _("%s (%s)"), name, convene_role_get_label (person->role));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_speakers (GPtrArray                   *speakers,
              const ConveneProgrammeEntry *entry)
{
  for (guint i = 0; i < entry->people->len; i++)
    {
      const ConveneProgrammePerson *person = g_ptr_array_index (entry->people, i);

      if (!g_ptr_array_find (speakers, person->speaker, NULL))
        g_ptr_array_add (speakers, person->speaker);
    }
}

GPtrArray *
convene_programme_dup_speakers (const ConveneProgrammeEntry *entry)
{
  GPtrArray *speakers = g_ptr_array_new ();

  add_speakers (speakers, entry);
  if (entry->items != NULL)
    for (guint i = 0; i < entry->items->len; i++)
      add_speakers (speakers, g_ptr_array_index (entry->items, i));
  return speakers;
}

/* Lower-case ASCII letters and digits of text, each run of anything else
 * made one separator, none at either end, at most max bytes. */
static char *
ascii_identifier (const char *text,
                  char        separator,
                  gsize       max)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_new (NULL);
  gboolean pending = FALSE;

  for (const char *p = ascii; *p != '\0' && out->len < max; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (pending && out->len > 0 && out->len + 1 < max)
            g_string_append_c (out, separator);
          pending = FALSE;
          g_string_append_c (out, g_ascii_tolower (*p));
        }
      else
        pending = TRUE;
    }
  return g_string_free (out, FALSE);
}

char *
convene_programme_dup_acronym (ConveneProgramme *self)
{
  char *acronym = ascii_identifier (convene_project_get_title (self->project), '_', 32);

  if (strlen (acronym) < 4)
    {
      g_free (acronym);
      return g_strdup ("convene");
    }
  return acronym;
}

char *
convene_programme_dup_slug (ConveneProgramme            *self,
                            const ConveneProgrammeEntry *entry)
{
  g_autofree char *acronym = convene_programme_dup_acronym (self);
  g_autofree char *title = ascii_identifier (convene_segment_get_title (entry->segment), '-', 48);

  if (*title == '\0')
    {
      g_free (title);
      title = g_strdup (convene_segment_kind_to_nick (convene_segment_get_kind (entry->segment)));
    }
  return g_strdup_printf ("%s-%" G_GINT64_FORMAT "-%s", acronym,
                          convene_segment_get_id (entry->segment), title);
}

gboolean
convene_programme_check_scheduled (ConveneProgramme  *self,
                                   GError           **error)
{
  if (self->days->len > 0)
    return TRUE;

  g_set_error_literal (error, CONVENE_EXPORT_ERROR, CONVENE_EXPORT_ERROR_NOTHING_SCHEDULED,
                       _("There is nothing to put in a schedule yet: no session has a date."));
  return FALSE;
}

gboolean
convene_programme_check_event_lengths (ConveneProgramme  *self,
                                       GError           **error)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      const ConveneProgrammeEntry *entry = g_ptr_array_index (self->entries, i);
      const char *title;

      if (entry->parent != NULL || entry->start == NULL || entry->minutes < CONVENE_MINUTES_PER_DAY)
        continue;
      title = convene_segment_get_title (entry->segment);
      if (*title == '\0')
        title = convene_segment_kind_get_label (convene_segment_get_kind (entry->segment));
      g_set_error (error, CONVENE_EXPORT_ERROR, CONVENE_EXPORT_ERROR_TOO_LONG,
                   /* Translators: %s is a segment's title, %d and %02d its hours and minutes */
                   _("“%s” lasts %d h %02d min: a conference schedule holds only events shorter than a day. "
                     "Shorten it or its items to export the schedule."),
                   title, entry->minutes / 60, entry->minutes % 60);
      return FALSE;
    }
  return TRUE;
}

char *
convene_programme_format_date_time (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
}

char *
convene_programme_dup_xml_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

char *
convene_programme_describe_items (const ConveneProgrammeEntry *entry)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (entry->items == NULL)
    return g_strdup ("");

  for (guint i = 0; i < entry->items->len; i++)
    {
      const ConveneProgrammeEntry *item = g_ptr_array_index (entry->items, i);
      g_autofree char *people = convene_programme_describe_people (item);
      const char *title = convene_segment_get_title (item->segment);

      if (*title == '\0')
        title = convene_segment_kind_get_label (convene_segment_get_kind (item->segment));
      if (i > 0)
        g_string_append_c (text, '\n');
      if (item->start != NULL)
        {
          g_autofree char *start = g_date_time_format (item->start, "%H:%M");
          g_autofree char *end = g_date_time_format (item->end, "%H:%M");

          /* Translators: an item of a panel in a schedule: its times and title. */
          g_string_append_printf (text, _("%s–%s %s"), start, end, title);
        }
      else
        g_string_append (text, title);
      if (*people != '\0')
        /* Translators: what follows an item's title in a schedule: its people. */
        g_string_append_printf (text, _(" — %s"), people);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
