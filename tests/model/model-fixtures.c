#include "config.h"

#include "model-fixtures.h"

ConveneSegment *
fixture_add_segment (ConveneSession     *session,
                     ConveneSegment     *parent,
                     gint64              id,
                     ConveneSegmentKind  kind,
                     const char         *title,
                     guint               duration)
{
  g_autoptr(ConveneSegment) segment = convene_segment_new (id, kind, title, duration);
  GListStore *list = parent != NULL ? convene_segment_get_items (parent)
                                    : convene_session_get_segments (session);

  g_list_store_append (list, segment);
  return segment; /* borrowed from the list */
}
