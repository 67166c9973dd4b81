/* convene-programme-csv.h: the whole programme as a spreadsheet (CSV), the
 * one a venue manager asks for: one row per segment and item, in the order
 * they happen, with the columns Date, Start, End, Minutes, Session, Room,
 * Kind, Title, Parent (the segment an item belongs to), People (each with
 * their role), Status (whether the people have confirmed), Notes and Cues.
 * Headers and labels are in the planner's language; dates are YYYY-MM-DD
 * and times HH:MM on the venue's clock (empty for a session without a date).
 * Written as the roster CSV is (convene-csv.h): UTF-8 with a byte order
 * mark, CRLF line ends, quoting where needed, and a leading apostrophe on a
 * value a spreadsheet would run as a formula. This is not the roster CSV,
 * which lists people and can be read back. */
#pragma once

#include "convene-project.h"

G_BEGIN_DECLS

GBytes *convene_programme_csv_export (ConveneProject *project, GError **error);

G_END_DECLS
