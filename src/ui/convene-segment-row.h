/* convene-segment-row.h: one line of a session's running order: clock start
 * and end, kind, title and length; items indented under their segment. */
#pragma once

#include <gtk/gtk.h>

#include "convene-schedule.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_SEGMENT_ROW (convene_segment_row_get_type ())
G_DECLARE_FINAL_TYPE (ConveneSegmentRow, convene_segment_row, CONVENE, SEGMENT_ROW, GtkWidget)

GtkWidget *convene_segment_row_new  (void);
/* Shows entry of schedule (both borrowed for the call only). */
void       convene_segment_row_show (ConveneSegmentRow          *self,
                                     ConveneSchedule            *schedule,
                                     const ConveneScheduleEntry *entry,
                                     gboolean                    use_12h);

G_END_DECLS
