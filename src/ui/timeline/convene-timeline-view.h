/* convene-timeline-view.h: a session's format as a vertical timeline the
 * planner builds by dragging: a palette of kinds, blocks sized by duration,
 * the session's day and the fit of the slot above, and a side column
 * (beside the list on a wide window, in its place on a narrow one) with the
 * session's fields, the selected block's details and the people to drag
 * onto blocks. Every change is a command performed on
 * the document. */
#pragma once

#include <adwaita.h>

#include "convene-document.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_TIMELINE_VIEW (convene_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (ConveneTimelineView, convene_timeline_view, CONVENE, TIMELINE_VIEW, GtkWidget)

GtkWidget      *convene_timeline_view_new                  (void);
/* Shows session (of document's project; both may be NULL). */
void            convene_timeline_view_set_session          (ConveneTimelineView *self,
                                                            ConveneDocument     *document,
                                                            ConveneSession      *session);
ConveneSegment *convene_timeline_view_get_selected_segment (ConveneTimelineView *self);
/* Selects segment (NULL: nothing) and scrolls it into view. */
void            convene_timeline_view_select_segment       (ConveneTimelineView *self,
                                                            ConveneSegment      *segment);
/* Shows page ("session", "segment" or "people") of the side column, and
 * the column itself on a narrow window. */
void            convene_timeline_view_show_side            (ConveneTimelineView *self,
                                                            const char          *page);
/* The parts of the running order the keyboard jumps between (F6), in the
 * order Tab visits them. */
typedef enum {
  CONVENE_TIMELINE_PANE_PALETTE,  /* the kinds to add */
  CONVENE_TIMELINE_PANE_LIST,     /* the timeline itself */
  CONVENE_TIMELINE_PANE_SIDE,     /* session, segment and people tabs */
  CONVENE_TIMELINE_N_PANES
} ConveneTimelinePane;
/* The pane holding the keyboard focus, or -1. */
int             convene_timeline_view_get_focused_pane     (ConveneTimelineView *self);
/* Gives pane the keyboard (bringing it forward on a narrow window); FALSE
 * when it cannot take it (the palette of a read-only project). */
gboolean        convene_timeline_view_focus_pane           (ConveneTimelineView *self,
                                                            ConveneTimelinePane  pane);
/* The text above the timeline: "93 min planned in a 90 min slot: 3 min over". */
const char     *convene_timeline_view_get_fit_text         (ConveneTimelineView *self);
/* The zoom: 0 when the slot fits the list's height, one more per step
 * closer (timeline.zoom-in, timeline.zoom-out, timeline.zoom-fit), and the
 * pixels a minute takes at it. */
int             convene_timeline_view_get_zoom_level       (ConveneTimelineView *self);
double          convene_timeline_view_get_px_per_minute    (ConveneTimelineView *self);

G_END_DECLS
