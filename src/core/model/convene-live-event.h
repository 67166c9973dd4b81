/* convene-live-event.h: one thing the operator did while running a session
 * live (started it, went to the next segment, held, ...), at the instant it
 * happened. A session's events, in order, are its record of the day: the
 * live engine replays them to stand where the show stood, after a restart
 * as after a crash, and the actual start and end of every segment follow
 * from them. Events are immutable. */
#pragma once

#include "convene-enums.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_LIVE_EVENT (convene_live_event_get_type ())
G_DECLARE_FINAL_TYPE (ConveneLiveEvent, convene_live_event, CONVENE, LIVE_EVENT, GObject)

/* Properties (read-only): "id", "at", "segment-id" (gint64), "action",
 * "recovery" (their nicks), "minutes" (int).
 * at: microseconds since the Unix epoch. segment_id: the segment a jump
 * goes to (0 for every other action); minutes: what "add" adds, or for a
 * COMPRESS transition the minutes the rest was fitted into.
 *
 * The file (schema 7) and JSON know the recoveries "push" and "absorb"
 * only. A compress is kept as "absorb" with its minutes (> 0), which a
 * transition that absorbs never has: made from that kept form, an event
 * is a COMPRESS again, and a reader that knows no compress replays it as
 * the nearest choice, an absorb (later start times kept). */
ConveneLiveEvent   *convene_live_event_new           (gint64 id, gint64 at, ConveneLiveAction action,
                                                      gint64 segment_id, int minutes,
                                                      ConveneLiveRecovery recovery);
gint64              convene_live_event_get_id        (ConveneLiveEvent *self);
gint64              convene_live_event_get_at        (ConveneLiveEvent *self);
ConveneLiveAction   convene_live_event_get_action    (ConveneLiveEvent *self);
gint64              convene_live_event_get_segment_id (ConveneLiveEvent *self);
int                 convene_live_event_get_minutes   (ConveneLiveEvent *self);
ConveneLiveRecovery convene_live_event_get_recovery  (ConveneLiveEvent *self);
/* The recovery's nick as kept in the file and JSON: "push" or "absorb". */
const char         *convene_live_event_get_kept_recovery (ConveneLiveEvent *self);

G_END_DECLS
