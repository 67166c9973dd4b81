/* convene-schedule-xml.h: the conference schedule XML that frab and pretalx
 * write and Giggity, EventFahrplan and ConfClerk read
 * (application/vnd.c3voc.schedule+xml).
 *
 * Each day is the sessions of one date; each room holds the top-level
 * segments of the sessions there, one <event> each, with its segment's
 * permanent UUID as guid and its id as id, so a later export updates what
 * a conference app holds. A segment that holds items (a panel and its
 * talks) stays one event: the items are listed with their times and people
 * in its description, and everyone on it or its items is among its persons.
 * Talks as events of their own would overlap their panel in the same room,
 * which conference apps show as a clash. The session's title is the track;
 * the segment's kind is the type; its notes are the abstract. Sessions
 * without a date are left out. */
#pragma once

#include "convene-project.h"

G_BEGIN_DECLS

/* UTF-8, indented, ending in a newline. Fails with CONVENE_EXPORT_ERROR
 * when no session has a date. */
GBytes *convene_schedule_xml_export (ConveneProject *project, GError **error);

G_END_DECLS
