/* convene-outcome-link.h: an outcome served by a segment ("question 3 belongs
 * to the moderated discussion"). An outcome may be linked to several segments
 * or items of its own session, and a segment may serve several outcomes; each
 * pair is one link. Links are immutable: relinking is unlink plus link. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CONVENE_TYPE_OUTCOME_LINK (convene_outcome_link_get_type ())
G_DECLARE_FINAL_TYPE (ConveneOutcomeLink, convene_outcome_link, CONVENE, OUTCOME_LINK, GObject)

/* Properties: "id", "outcome-id", "segment-id" (gint64, construct-only). */
ConveneOutcomeLink *convene_outcome_link_new            (gint64 id, gint64 outcome_id,
                                                         gint64 segment_id);
gint64              convene_outcome_link_get_id         (ConveneOutcomeLink *self);
gint64              convene_outcome_link_get_outcome_id (ConveneOutcomeLink *self);
gint64              convene_outcome_link_get_segment_id (ConveneOutcomeLink *self);

G_END_DECLS
