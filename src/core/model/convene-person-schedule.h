/* convene-person-schedule.h: one person's own programme, everything they
 * are on across all sessions, in the order they will live it. */
#pragma once

#include "convene-project.h"

G_BEGIN_DECLS

/* One place a person is due. A role on a whole session (the session's
 * moderator) spans the session, from its start to the later of its slot end
 * and its last segment's end. */
typedef struct {
  gint64       assignment_id;
  gint64       session_id;
  gint64       segment_id;      /* 0 for a role on the whole session */
  gint64       parent_id;       /* the segment holding this item, or 0 */
  ConveneRole  role;
  char        *session_title;
  char        *segment_title;   /* the segment's title (its kind's label when untitled); NULL for a session role */
  char        *date;            /* the session's "YYYY-MM-DD" */
  GDateTime   *start;           /* the venue's wall clock, in the venue's zone */
  GDateTime   *end;
  char        *start_text;      /* "12:40" or "12:40 PM" */
  char        *end_text;
} ConvenePersonScheduleEntry;

#define CONVENE_TYPE_PERSON_SCHEDULE_ENTRY (convene_person_schedule_entry_get_type ())
GType                       convene_person_schedule_entry_get_type (void) G_GNUC_CONST;
ConvenePersonScheduleEntry *convene_person_schedule_entry_copy (const ConvenePersonScheduleEntry *entry);
void                        convene_person_schedule_entry_free (ConvenePersonScheduleEntry *entry);

/* Every assignment of speaker, as a new GPtrArray of ConvenePersonScheduleEntry
 * (freed with the array), sorted by real start time, then end time, then
 * programme order (a session role before the session's segments, a segment
 * before its items). Assignments to segments or sessions that are gone are
 * left out. use_12h picks the format of start_text and end_text. */
GPtrArray *convene_person_schedule_compute (ConveneProject *project, ConveneSpeaker *speaker,
                                            gboolean use_12h);

G_END_DECLS
