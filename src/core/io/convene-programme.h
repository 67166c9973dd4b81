/* convene-programme.h: the whole programme of a project laid out once for
 * the exchange formats (schedule XML and JSON, iCalendar, the programme
 * spreadsheet): every segment and item with its clock times in the venue's
 * zone, its room and its people, sessions in the order they happen, and
 * the days and rooms the schedule formats group events by. */
#pragma once

#include "convene-project.h"

G_BEGIN_DECLS

#define CONVENE_EXPORT_ERROR (convene_export_error_quark ())

typedef enum {
  CONVENE_EXPORT_ERROR_NOTHING_SCHEDULED, /* no session has a date: no schedule to write */
  CONVENE_EXPORT_ERROR_FAILED,            /* the library writing the format failed */
  CONVENE_EXPORT_ERROR_TOO_LONG,          /* an event lasts a day or more */
} ConveneExportError;

GQuark convene_export_error_quark (void);

typedef struct {
  ConveneSpeaker *speaker;         /* borrowed */
  ConveneRole     role;
} ConveneProgrammePerson;

typedef struct _ConveneProgrammeEntry ConveneProgrammeEntry;

struct _ConveneProgrammeEntry {
  ConveneSession        *session;  /* borrowed from the project */
  ConveneSegment        *segment;
  ConveneSegment        *parent;   /* the segment holding this item; NULL at top level */
  ConveneProgrammeEntry *parent_entry;
  /* In the venue's zone; NULL when the session has no date yet. */
  GDateTime             *start;
  GDateTime             *end;
  int                    minutes;  /* end - start */
  const char            *room;     /* never NULL: see convene_programme_new() */
  /* ConveneProgrammePerson*: who is on this segment or item, in the order
   * they were assigned. */
  GPtrArray             *people;
  /* Top level: the entries of its items, in order. */
  GPtrArray             *items;
};

typedef struct {
  char      *date;                 /* "YYYY-MM-DD": the sessions' date */
  guint      index;                /* 1, 2, … in date order */
  GDateTime *start;                /* its first event's start and last event's end */
  GDateTime *end;
  /* Room names in the order their first event starts, and for each (same
   * index) a GPtrArray of the top-level ConveneProgrammeEntry* held there,
   * by start time. */
  GPtrArray *rooms;
  GPtrArray *room_events;
} ConveneProgrammeDay;

typedef struct _ConveneProgramme ConveneProgramme;

/* Lays out project's programme. Sessions are taken in the order they happen
 * (date, then start time, then the project's order); undated sessions come
 * last, with no clock times. A session's room is its room, or else the
 * project's venue, or else the session's title, or else "Main room". The
 * programme holds a reference on the project and must not outlive a change
 * to it. */
ConveneProgramme            *convene_programme_new             (ConveneProject *project);
void                         convene_programme_free            (ConveneProgramme *self);
ConveneProject              *convene_programme_get_project     (ConveneProgramme *self);
GTimeZone                   *convene_programme_get_time_zone   (ConveneProgramme *self);
/* Every segment and item: each top-level segment followed by its items. */
guint                        convene_programme_get_n_entries   (ConveneProgramme *self);
const ConveneProgrammeEntry *convene_programme_get_entry       (ConveneProgramme *self, guint index);
/* The days of dated sessions, in date order. */
guint                        convene_programme_get_n_days      (ConveneProgramme *self);
const ConveneProgrammeDay   *convene_programme_get_day         (ConveneProgramme *self, guint index);
/* "Name (role), Name (role)" in the project's language, with each person's
 * display name and the role's label; "" for nobody. */
char                        *convene_programme_describe_people (const ConveneProgrammeEntry *entry);
/* People of the entry, and for a top-level segment, of its items too, each
 * once, in that order: who appears in the event. speaker* borrowed. */
GPtrArray                   *convene_programme_dup_speakers    (const ConveneProgrammeEntry *entry);
/* A lower-case ASCII identifier of the project's title for the schedule
 * formats' acronym: letters and digits joined by "_", 4 to 32 characters
 * ("convene" when the title gives fewer than 4). */
char                        *convene_programme_dup_acronym     (ConveneProgramme *self);
/* The entry's slug, unique in the programme: "<acronym>-<id>-<title>", the
 * title in lower-case ASCII letters and digits joined by "-". */
char                        *convene_programme_dup_slug        (ConveneProgramme *self,
                                                                const ConveneProgrammeEntry *entry);
/* A version of the schedule: a short fingerprint of everything the schedule
 * formats say, so it changes whenever the published schedule does. */
const char                  *convene_programme_get_version     (ConveneProgramme *self);
/* Sets CONVENE_EXPORT_ERROR_NOTHING_SCHEDULED and returns FALSE when no
 * session has a date, so a schedule would hold no day. */
gboolean                     convene_programme_check_scheduled (ConveneProgramme *self,
                                                                GError **error);
/* "2027-05-23T12:30:00+02:00": the instant with the venue's offset then. */
/* Conference schedules (XML and JSON) give each event's length as hours and
 * minutes under a day; a panel whose items add up to a day or more cannot
 * be written there. FALSE, with the event named, when one does. */
gboolean                     convene_programme_check_event_lengths (ConveneProgramme *self,
                                                                    GError          **error);
char                        *convene_programme_format_date_time (GDateTime *time);
/* text made safe for XML 1.0: characters it cannot hold (controls other
 * than tab, line feed and carriage return; U+FFFE, U+FFFF) become U+FFFD. */
char                        *convene_programme_dup_xml_text    (const char *text);
/* "12:40–12:50 A. Title — Ana Gómez (Presenter)", one line per item of a
 * segment that holds items; "" for a segment without items. */
char                        *convene_programme_describe_items  (const ConveneProgrammeEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneProgramme, convene_programme_free)

G_END_DECLS
