/* convene-assignment.h: a person in a role, on a segment (or item) or on a
 * whole session (the session's moderators). Exactly one of segment-id and
 * session-id is non-zero. */
#pragma once

#include <glib-object.h>
#include "convene-enums.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_ASSIGNMENT (convene_assignment_get_type ())
G_DECLARE_FINAL_TYPE (ConveneAssignment, convene_assignment, CONVENE, ASSIGNMENT, GObject)

/* Properties: "id", "speaker-id", "segment-id", "session-id" (gint64, 0 = none;
 * id construct-only, the others read-write), "role" (ConveneRole). */
ConveneAssignment *convene_assignment_new_for_segment (gint64 id, gint64 speaker_id,
                                                       gint64 segment_id, ConveneRole role);
ConveneAssignment *convene_assignment_new_for_session (gint64 id, gint64 speaker_id,
                                                       gint64 session_id, ConveneRole role);
gint64             convene_assignment_get_id          (ConveneAssignment *self);
gint64             convene_assignment_get_speaker_id  (ConveneAssignment *self);
gint64             convene_assignment_get_segment_id  (ConveneAssignment *self);
gint64             convene_assignment_get_session_id  (ConveneAssignment *self);
ConveneRole        convene_assignment_get_role        (ConveneAssignment *self);
void               convene_assignment_set_role        (ConveneAssignment *self, ConveneRole role);

G_END_DECLS
