/* convene-segment.h: one block of a session's format (opening remarks, a panel...).
 * A segment may hold child items (the talks in a panel); items hold none. */
#pragma once

#include <gio/gio.h>
#include "convene-enums.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_SEGMENT (convene_segment_get_type ())
G_DECLARE_FINAL_TYPE (ConveneSegment, convene_segment, CONVENE, SEGMENT, GObject)

/* Properties: "id" (gint64, construct-only), "uuid" (string, read-only: see
 * convene_segment_get_uuid()), "kind" (ConveneSegmentKind),
 * "title", "notes", "cues" (strings, never NULL when read: "" for empty),
 * "duration" (guint minutes, 0..CONVENE_MAX_DURATION_MINUTES),
 * "fixed-start" (int, minutes since the session date's midnight 0..1439, or
 * CONVENE_NO_FIXED_START), "has-target" (gboolean), "min-length" and
 * "max-length" (guint minutes, 0 for none: the bounds Fit to Slot keeps
 * it within), "locked" (gboolean: Fit to Slot leaves it alone), "items"
 * (GListModel of ConveneSegment, read-only).
 *
 * The length of a segment that holds items is what its items take, one
 * after the other: its own "duration" is then its target length when
 * "has-target" is set (the schedule says how far the items run over or
 * under it), and is otherwise not used until its last item leaves. A
 * segment without items lasts its "duration". */
ConveneSegment     *convene_segment_new            (gint64 id, ConveneSegmentKind kind,
                                                    const char *title, guint duration);
/* The same with the UUID it was saved with (valid, as for
 * convene_segment_set_uuid()), or a fresh one when uuid is NULL. */
ConveneSegment     *convene_segment_new_with_uuid  (gint64 id, const char *uuid,
                                                    ConveneSegmentKind kind,
                                                    const char *title, guint duration);
gint64              convene_segment_get_id         (ConveneSegment *self);
/* The segment's permanent identity for other programs (schedule exports,
 * calendars): a lower-case random (version 4) UUID. A new segment gets a
 * fresh one, so a copy is a different segment; loaders give a segment read
 * from a file the one it was saved with. */
const char         *convene_segment_get_uuid       (ConveneSegment *self);
/* uuid must be valid (g_uuid_string_is_valid()); stored in lower case. */
void                convene_segment_set_uuid       (ConveneSegment *self, const char *uuid);
ConveneSegmentKind  convene_segment_get_kind       (ConveneSegment *self);
void                convene_segment_set_kind       (ConveneSegment *self, ConveneSegmentKind kind);
const char         *convene_segment_get_title      (ConveneSegment *self);
void                convene_segment_set_title      (ConveneSegment *self, const char *title);
guint               convene_segment_get_duration   (ConveneSegment *self);
void                convene_segment_set_duration   (ConveneSegment *self, guint minutes);
const char         *convene_segment_get_notes      (ConveneSegment *self);
void                convene_segment_set_notes      (ConveneSegment *self, const char *notes);
const char         *convene_segment_get_cues       (ConveneSegment *self);
void                convene_segment_set_cues       (ConveneSegment *self, const char *cues);
int                 convene_segment_get_fixed_start (ConveneSegment *self);
void                convene_segment_set_fixed_start (ConveneSegment *self, int minutes);
gboolean            convene_segment_get_has_target (ConveneSegment *self);
void                convene_segment_set_has_target (ConveneSegment *self, gboolean has_target);
guint               convene_segment_get_min_length (ConveneSegment *self);
void                convene_segment_set_min_length (ConveneSegment *self, guint minutes);
guint               convene_segment_get_max_length (ConveneSegment *self);
void                convene_segment_set_max_length (ConveneSegment *self, guint minutes);
gboolean            convene_segment_get_locked     (ConveneSegment *self);
void                convene_segment_set_locked     (ConveneSegment *self, gboolean locked);
/* Gives self the minimum, maximum and lock of from (when copying). */
void                convene_segment_copy_fit_settings (ConveneSegment *self, ConveneSegment *from);
/* The minutes it takes: the sum of its items' durations when it holds
 * items, its duration otherwise. */
guint               convene_segment_get_length     (ConveneSegment *self);
/* The child items, a GListStore of ConveneSegment owned by the segment. Edits go
 * through commands; the store is exposed so commands and loaders can fill it. */
GListStore         *convene_segment_get_items      (ConveneSegment *self);

G_END_DECLS
