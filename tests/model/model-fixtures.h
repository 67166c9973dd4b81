/* model-fixtures.h: building sessions by hand for the model's tests. */
#pragma once

#include "convene-session.h"

G_BEGIN_DECLS

/* Appends a new segment to session's running order, or to parent's items
 * when parent is not NULL. Returns it, borrowed from the list. */
ConveneSegment *fixture_add_segment (ConveneSession     *session,
                                     ConveneSegment     *parent,
                                     gint64              id,
                                     ConveneSegmentKind  kind,
                                     const char         *title,
                                     guint               duration);

G_END_DECLS
