/* convene-outcomes-view.h: a session's outcomes checklist: objectives, expected outcomes, guiding
 * questions and follow-up actions, grouped by kind, edited inline, reordered
 * by drag and keyboard, checked off, with results after the event. */
#pragma once

#include <adwaita.h>

#include "convene-document.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_OUTCOMES_VIEW (convene_outcomes_view_get_type ())
G_DECLARE_FINAL_TYPE (ConveneOutcomesView, convene_outcomes_view, CONVENE, OUTCOMES_VIEW, GtkWidget)

GtkWidget *convene_outcomes_view_new (void);
/* Shows session's checklist (of document's project; both may be NULL). */
void       convene_outcomes_view_set_session (ConveneOutcomesView *self,
                                      ConveneDocument *document,
                                      ConveneSession  *session);

G_END_DECLS
