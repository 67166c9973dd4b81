/* convene-schedule-import.h: reading the conference schedule XML that frab
 * and pretalx write (and Convene's own export), and the XML of Indico's
 * export API (/export/event/ID.xml?detail=contributions or sessions), into
 * a project.
 *
 * Each <day> and <room> becomes a session: its date and start are those of
 * its first event in the project's time zone, its slot the span of its
 * events, its room the room's name, its title the track its events share
 * (or the room's name). Each <event> becomes a segment: title, type (as a
 * kind), duration, abstract (as notes), and a pinned start wherever it does
 * not follow the event before it. Its guid becomes the segment's UUID (a
 * guid that is not a UUID is turned into one by hashing it, so the same
 * event always gets the same UUID). Persons join the roster: a person
 * whose name is already there (case, accents and spacing aside) is reused,
 * the same id or name twice in the file is one person.
 *
 * Indico has no days or rooms of its own in the file: each <contribution>
 * of a <conference> is an event on its day in the event's <timezone> (its
 * times are written in UTC) in its room (roomFullname, else room, else the
 * session slot's or the event's). Its Indico session's title, else its
 * track, is what can name the session; description gives the notes,
 * duration (minutes) the length, its url the UUID. Its speakers join the
 * roster ("first_name last_name", person_id as the id, affiliation as the
 * organisation of a person new to the roster); authors who do not speak do
 * not. A contribution without a start is not in Indico's timetable: it is
 * left out and counted (ConveneScheduleImportSummary.unscheduled). A file
 * that names no time zone this computer knows is refused.
 *
 * Importing again: an event whose UUID is already a segment of the project
 * updates that segment (title, kind, notes, length, and for a top-level
 * segment its start, pinned when it changes) and adds the persons it lacks;
 * the segment stays in its session and nothing is removed. Only the events
 * that are new make new sessions.
 *
 * The file is untrusted: it is read with libxml2 with no network, no DTD
 * loading and no entity substitution; a file that declares a document type
 * is refused, as are files over CONVENE_SCHEDULE_IMPORT_MAX_BYTES, nesting
 * deeper than libxml2's 256 levels, more than
 * CONVENE_SCHEDULE_IMPORT_MAX_EVENTS events or
 * CONVENE_SCHEDULE_IMPORT_MAX_PEOPLE people. A refusal is one sentence that
 * names the file; nothing is changed. */
#pragma once

#include "convene-command.h"
#include "convene-project.h"

G_BEGIN_DECLS

#define CONVENE_SCHEDULE_IMPORT_MAX_BYTES   (16 * 1024 * 1024)
#define CONVENE_SCHEDULE_IMPORT_MAX_EVENTS  10000
#define CONVENE_SCHEDULE_IMPORT_MAX_PEOPLE  10000

#define CONVENE_SCHEDULE_IMPORT_ERROR (convene_schedule_import_error_quark ())

typedef enum {
  CONVENE_SCHEDULE_IMPORT_ERROR_READ,          /* the file cannot be read */
  CONVENE_SCHEDULE_IMPORT_ERROR_TOO_LARGE,     /* over a cap */
  CONVENE_SCHEDULE_IMPORT_ERROR_NOT_XML,       /* not well-formed XML */
  CONVENE_SCHEDULE_IMPORT_ERROR_NOT_SCHEDULE,  /* XML, but not a schedule */
  CONVENE_SCHEDULE_IMPORT_ERROR_INVALID,       /* a schedule with a value that cannot be used */
} ConveneScheduleImportError;

GQuark convene_schedule_import_error_quark (void);

typedef struct _ConveneScheduleImport ConveneScheduleImport;

/* What a build did, for the message after it. */
typedef struct {
  guint added;        /* events that became new segments */
  guint updated;      /* events that matched a segment already there */
  guint sessions;     /* new sessions */
  guint new_people;   /* people who joined the roster */
  guint unscheduled;  /* Indico contributions without a start, left out */
} ConveneScheduleImportSummary;

/* Reads length bytes of data; name is the file's name for messages. */
ConveneScheduleImport *convene_schedule_import_parse   (const char *data,
                                                        gsize       length,
                                                        const char *name,
                                                        GError    **error);
/* Reads file (refusing it unread when it is over the size cap). */
ConveneScheduleImport *convene_schedule_import_read    (GFile        *file,
                                                        GCancellable *cancellable,
                                                        GError      **error);
void                   convene_schedule_import_free    (ConveneScheduleImport *self);

/* The conference's title, or the file's name when it has none. */
const char            *convene_schedule_import_get_title     (ConveneScheduleImport *self);
guint                  convene_schedule_import_get_n_events  (ConveneScheduleImport *self);
/* Contributions of an Indico event without a start, left out. */
guint                  convene_schedule_import_get_n_unscheduled (ConveneScheduleImport *self);

/* The import into project as one undoable command ("Import Schedule"),
 * nothing applied. NULL with error set when the events cannot be laid out
 * in the project's time zone (a day in one room longer than a day). */
ConveneCommand        *convene_schedule_import_build   (ConveneScheduleImport        *self,
                                                        ConveneProject               *project,
                                                        ConveneScheduleImportSummary *out_summary,
                                                        GError                      **error);

/* A new project holding the schedule: titled after the conference, in the
 * conference's time zone when it names one this system knows (else the
 * fixed offset of its first event when that is whole hours, else the
 * computer's own zone). */
ConveneProject        *convene_schedule_import_new_project (ConveneScheduleImport *self,
                                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneScheduleImport, convene_schedule_import_free)

G_END_DECLS
