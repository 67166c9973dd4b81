/* convene-outcome-links.h: in a segment's details, the checklist items it serves; link and
 * unlink items without a mouse. */
#pragma once

#include <adwaita.h>

#include "convene-document.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_OUTCOME_LINKS (convene_outcome_links_get_type ())
G_DECLARE_FINAL_TYPE (ConveneOutcomeLinks, convene_outcome_links, CONVENE, OUTCOME_LINKS, GtkWidget)

GtkWidget *convene_outcome_links_new (void);
/* Shows the items segment (of session, of document's project) serves;
 * segment NULL shows nothing. */
void       convene_outcome_links_set_segment (ConveneOutcomeLinks *self,
                                      ConveneDocument *document,
                                      ConveneSession  *session,
                                      ConveneSegment  *segment);

G_END_DECLS
