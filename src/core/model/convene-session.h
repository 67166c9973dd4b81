/* convene-session.h: one session of a project (a side event, a workshop...). */
#pragma once

#include <gio/gio.h>
#include "convene-segment.h"
#include "convene-live-event.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_SESSION (convene_session_get_type ())
G_DECLARE_FINAL_TYPE (ConveneSession, convene_session, CONVENE, SESSION, GObject)

/* Properties: "id" (gint64, construct-only), "uuid" (string, read-only: as
 * convene_segment_get_uuid() says of segments), "title", "room", "description"
 * (strings, "" when empty), "date" ("YYYY-MM-DD" in the venue's calendar),
 * "start-time" (int, minutes since midnight, 0..1439, venue local time),
 * "slot-minutes" (guint, 1..CONVENE_MAX_SLOT_MINUTES), "fit-step" (guint,
 * 1..CONVENE_MAX_FIT_STEP: the lengths Fit to Slot proposes are multiples of it),
 * "segments" (GListModel of ConveneSegment), "outcomes" (GListModel of ConveneOutcome),
 * "live-events" (GListModel of ConveneLiveEvent). */
ConveneSession *convene_session_new              (gint64 id, const char *title,
                                                  const char *date, int start_time,
                                                  guint slot_minutes);
gint64          convene_session_get_id           (ConveneSession *self);
/* A lower-case random UUID, fresh for a new session, kept by files. */
const char     *convene_session_get_uuid         (ConveneSession *self);
/* uuid must be valid (g_uuid_string_is_valid()); stored in lower case. */
void            convene_session_set_uuid         (ConveneSession *self, const char *uuid);
const char     *convene_session_get_title        (ConveneSession *self);
void            convene_session_set_title        (ConveneSession *self, const char *title);
const char     *convene_session_get_date         (ConveneSession *self);
void            convene_session_set_date         (ConveneSession *self, const char *date);
int             convene_session_get_start_time   (ConveneSession *self);
void            convene_session_set_start_time   (ConveneSession *self, int minutes);
guint           convene_session_get_slot_minutes (ConveneSession *self);
void            convene_session_set_slot_minutes (ConveneSession *self, guint minutes);
guint           convene_session_get_fit_step     (ConveneSession *self);
void            convene_session_set_fit_step     (ConveneSession *self, guint minutes);
const char     *convene_session_get_room         (ConveneSession *self);
void            convene_session_set_room         (ConveneSession *self, const char *room);
const char     *convene_session_get_description  (ConveneSession *self);
void            convene_session_set_description  (ConveneSession *self, const char *description);
GListStore     *convene_session_get_segments     (ConveneSession *self);
GListStore     *convene_session_get_outcomes     (ConveneSession *self);
/* The record of running it live: ConveneLiveEvent in the order they
 * happened (see convene-live-event.h). Appended through commands. */
GListStore     *convene_session_get_live_events  (ConveneSession *self);

/* Finds a segment anywhere in this session (top level or an item).
 * Returns FALSE if absent; otherwise the list holding it and its position. */
gboolean        convene_session_locate_segment   (ConveneSession *self, gint64 segment_id,
                                                  GListStore **out_list, guint *out_position,
                                                  ConveneSegment **out_parent /* NULL at top level */);

G_END_DECLS
