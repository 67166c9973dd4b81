/* convene-time-zone-row.h: the venue's time zone, chosen from the system's.
 *
 * A row showing the zone and its offset from UTC now ("Europe/Zurich ·
 * UTC+01:00"); activating it opens a popover with a search entry over every
 * zone of the system's list (convene_time_zone_list_names()), each with its
 * offset now. The search matches each word typed anywhere in the name,
 * whatever its case, "_" read as a space: "zur" finds Europe/Zurich, "new
 * york" America/New_York.
 *
 * The row edits nothing itself: "zone-chosen" gives the name the planner
 * chose; the owner performs the command and sets the zone the model holds. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CONVENE_TYPE_TIME_ZONE_ROW (convene_time_zone_row_get_type ())
G_DECLARE_FINAL_TYPE (ConveneTimeZoneRow, convene_time_zone_row, CONVENE, TIME_ZONE_ROW, AdwActionRow)

GtkWidget  *convene_time_zone_row_new      (void);
const char *convene_time_zone_row_get_zone (ConveneTimeZoneRow *self);
/* Shows zone (an IANA name), without "zone-chosen". */
void        convene_time_zone_row_set_zone (ConveneTimeZoneRow *self,
                                            const char         *zone);

/* Whether the zone name matches what the planner typed (see above). */
gboolean    convene_time_zone_matches      (const char *zone,
                                            const char *search);
/* The offset from UTC of zone at now: "UTC+01:00", "UTC−05:00", "UTC+05:45"
 * ("" for a zone GLib cannot read). */
char       *convene_time_zone_format_offset (const char *zone,
                                             GDateTime  *now);

G_END_DECLS
