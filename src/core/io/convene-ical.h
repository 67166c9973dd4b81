/* convene-ical.h: the programme as an iCalendar file (RFC 5545), for
 * calendars: the venue's VTIMEZONE and one VEVENT per segment and item, on
 * the venue's clock. A segment's permanent UUID is its UID, so importing a
 * later export updates the calendar's events instead of adding them again.
 * SUMMARY is "title — people", LOCATION "room · venue", DESCRIPTION the
 * session, everyone with their role, a panel's talks and the notes; an item
 * is RELATED-TO its segment. Sessions without a date are left out. */
#pragma once

#include "convene-project.h"

G_BEGIN_DECLS

/* Fails with CONVENE_EXPORT_ERROR when no session has a date. */
GBytes *convene_ical_export        (ConveneProject *project, GError **error);

/* One person's own calendar: each segment or item they are on (the same
 * events, with the same UIDs, as the whole programme's), and a session they
 * chair or moderate as a whole as one event with the session's UUID. Fails
 * with CONVENE_EXPORT_ERROR when they appear in no dated session. */
GBytes *convene_ical_export_person (ConveneProject *project, ConveneSpeaker *speaker,
                                    GError **error);

G_END_DECLS
