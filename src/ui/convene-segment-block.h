/* convene-segment-block.h: one segment of the timeline, drawn as a block whose
 * height follows its duration: the clock ruler on the left, the kind's colour
 * and icon, the title, the people on it and the first line of its notes. */
#pragma once

#include <gtk/gtk.h>

#include "convene-project.h"
#include "convene-document.h"
#include "convene-schedule.h"

G_BEGIN_DECLS

/* Pixels per minute, and the smallest height that stays readable. */
#define CONVENE_BLOCK_PX_PER_MINUTE 2.4
#define CONVENE_BLOCK_MIN_HEIGHT    56
/* A segment with items is drawn as a heading of this height above them. */
#define CONVENE_BLOCK_HEADER_HEIGHT 64

#define CONVENE_TYPE_SEGMENT_BLOCK (convene_segment_block_get_type ())
G_DECLARE_FINAL_TYPE (ConveneSegmentBlock, convene_segment_block, CONVENE, SEGMENT_BLOCK, GtkWidget)

GtkWidget      *convene_segment_block_new         (void);
/* Shows entry of schedule; document gives the people (all borrowed for the call). */
void            convene_segment_block_show        (ConveneSegmentBlock        *self,
                                                   ConveneDocument            *document,
                                                   ConveneSchedule            *schedule,
                                                   const ConveneScheduleEntry *entry,
                                                   gboolean                    use_12h);
/* Binds the block to segment before it can be shown (NULL: unbound). */
void            convene_segment_block_set_segment (ConveneSegmentBlock *self,
                                                   ConveneSegment      *segment);
void            convene_segment_block_clear       (ConveneSegmentBlock *self);
/* The segment shown, or NULL. */
ConveneSegment *convene_segment_block_get_segment (ConveneSegmentBlock *self);
/* The strip along the block's bottom edge that resizes it by dragging. */
GtkWidget      *convene_segment_block_get_handle  (ConveneSegmentBlock *self);
/* Whether long titles (and the lines under them) wrap over up to three
 * lines rather than end in an ellipsis: on a narrow screen. */
void            convene_segment_block_set_wrap    (ConveneSegmentBlock *self,
                                                   gboolean             wrap);
/* "Panel, 12:40 to 13:40" followed by what just happened (may be NULL). */
void            convene_segment_block_announce    (ConveneSegmentBlock *self,
                                                   const char          *what);

G_END_DECLS
