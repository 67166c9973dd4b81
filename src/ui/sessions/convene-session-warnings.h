/* convene-session-warnings.h: the open roster and running-order warnings of one session, summed
 * up ("1 error, 2 warnings, 8 to confirm") and listed on the session page. */
#pragma once

#include <adwaita.h>

#include "convene-document.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_SESSION_WARNINGS (convene_session_warnings_get_type ())
G_DECLARE_FINAL_TYPE (ConveneSessionWarnings, convene_session_warnings, CONVENE, SESSION_WARNINGS, GtkWidget)

GtkWidget *convene_session_warnings_new (void);
/* Signal "segment-activated" (gint64 segment_id): the planner activated a
 * warning about a segment or item of this session, to go and look at it
 * (the project view selects it in the timeline). */
/* Shows session's warnings (of document's project; both may be NULL). */
void       convene_session_warnings_set_session (ConveneSessionWarnings *self,
                                      ConveneDocument *document,
                                      ConveneSession  *session);

G_END_DECLS
