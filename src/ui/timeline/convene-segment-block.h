/* convene-segment-block.h: one segment of the timeline, drawn as a block whose
 * height follows its duration: the time rail on the left (its start, and the
 * slot end where it falls), the kind's colour and icon, the title, the people
 * on it with their roles and the first line of its notes, as many of those
 * lines as its height holds. */
#pragma once

#include <gtk/gtk.h>

#include "convene-project.h"
#include "convene-document.h"
#include "convene-schedule.h"

G_BEGIN_DECLS

/* A block is as tall as its minutes at the timeline's zoom (pixels per
 * minute), never below the smallest height that stays readable. */
#define CONVENE_BLOCK_MIN_HEIGHT    40
/* A segment with items is drawn as a heading of this height above them. */
#define CONVENE_BLOCK_HEADER_HEIGHT 64
/* The empty time before a pinned segment, and after the last segment up to
 * the slot end, never shows shorter than this. */
#define CONVENE_BLOCK_GAP_MIN_HEIGHT 24
/* What a row adds around its block (the block's padding). */
#define CONVENE_BLOCK_ROW_PADDING   4

/* The heights a block takes for entry at px_per_minute: the free time
 * before it (a pinned segment's gap), its card, and after it the slot's
 * remaining time (the last row only; 0 elsewhere). */
typedef struct {
  int gap;
  int card;
  int tail;
} ConveneBlockHeights;

void            convene_segment_block_heights     (ConveneSchedule            *schedule,
                                                   const ConveneScheduleEntry *entry,
                                                   double                      px_per_minute,
                                                   ConveneBlockHeights        *heights);

/* The minutes behind those heights, which do not depend on the zoom: the
 * timeline's fit tries many scales on the same schedule. card is -1 for a
 * segment with items, a heading of fixed height. */
typedef struct {
  int gap;
  int card;
  int tail;
} ConveneBlockMinutes;

void            convene_segment_block_minutes     (ConveneSchedule            *schedule,
                                                   const ConveneScheduleEntry *entry,
                                                   ConveneBlockMinutes        *minutes);
void            convene_segment_block_heights_at  (const ConveneBlockMinutes  *minutes,
                                                   double                      px_per_minute,
                                                   ConveneBlockHeights        *heights);

#define CONVENE_TYPE_SEGMENT_BLOCK (convene_segment_block_get_type ())
G_DECLARE_FINAL_TYPE (ConveneSegmentBlock, convene_segment_block, CONVENE, SEGMENT_BLOCK, GtkWidget)

GtkWidget      *convene_segment_block_new         (void);
/* Shows entry of schedule at px_per_minute; document gives the people (all
 * borrowed for the call). */
void            convene_segment_block_show        (ConveneSegmentBlock        *self,
                                                   ConveneDocument            *document,
                                                   ConveneSchedule            *schedule,
                                                   const ConveneScheduleEntry *entry,
                                                   gboolean                    use_12h,
                                                   double                      px_per_minute);
/* Binds the block to segment before it can be shown (NULL: unbound). */
void            convene_segment_block_set_segment (ConveneSegmentBlock *self,
                                                   ConveneSegment      *segment);
void            convene_segment_block_clear       (ConveneSegmentBlock *self);
/* The segment shown, or NULL. */
ConveneSegment *convene_segment_block_get_segment (ConveneSegmentBlock *self);
/* Whether (x, y), in the block's coordinates, is on its card rather than
 * on the free time before or after it. */
gboolean        convene_segment_block_is_on_card  (ConveneSegmentBlock *self,
                                                   double               x,
                                                   double               y);
/* The strip along the block's bottom edge that resizes it by dragging. */
GtkWidget      *convene_segment_block_get_handle  (ConveneSegmentBlock *self);
/* Whether long titles (and the lines under them) wrap over up to three
 * lines rather than end in an ellipsis: on a narrow screen. */
void            convene_segment_block_set_wrap    (ConveneSegmentBlock *self,
                                                   gboolean             wrap);
/* Shows the block as part of a proposal not yet applied (Fit to Slot's):
 * a dashed, translucent card with change ("15 → 10 min") beside its title;
 * NULL shows it as it is. Call after convene_segment_block_show(). */
void            convene_segment_block_set_ghost   (ConveneSegmentBlock *self,
                                                   const char          *change);
/* "Panel, 12:40 to 13:40" followed by what just happened (may be NULL). */
void            convene_segment_block_announce    (ConveneSegmentBlock *self,
                                                   const char          *what);

G_END_DECLS
