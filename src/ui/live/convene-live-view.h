/* convene-live-view.h: the operator's window for running a session live.
 *
 * It shows the segment running now (and its panel), the time it has left,
 * counting past zero in red, its elapsed time, the venue's clock, who is
 * next and in which role (TBC and declined marked), how far the session
 * runs over or under and when it is now expected to end; every segment with
 * its projected start beside the planned one, pinned ones with the gap or
 * overlap they now make. Space starts and goes on, Backspace goes back, H
 * holds and resumes, + and − add or take a minute, and activating a
 * segment's row jumps to it; after an overrun, the operator chooses how the
 * rest takes it (absorb, push later, compress). Every operation is a
 * command on the document (convene_live_record_new()), so it is in the
 * file at once, undo takes it back and reopening the project resumes. Once
 * the session has ended the window shows planned against actual lengths.
 *
 * A window of its own rather than a page of the project window: the
 * operator keeps it beside the plan (or on another monitor) for hours,
 * while the project window stays free for looking things up.
 */
#pragma once

#include <adwaita.h>

#include "convene-document.h"
#include "convene-live.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_LIVE_VIEW (convene_live_view_get_type ())
G_DECLARE_FINAL_TYPE (ConveneLiveView, convene_live_view, CONVENE, LIVE_VIEW, AdwWindow)

/* clock: what the engine reads the time from (NULL: the real time), as
 * convene_live_new() takes it; tests pass their own. Property "live"
 * (read-only): the engine it runs, made again (and notified) when the
 * running order changes. */
ConveneLiveView *convene_live_view_new      (GtkWindow        *parent,
                                             ConveneDocument  *document,
                                             ConveneSession   *session,
                                             ConveneLiveClock  clock,
                                             gpointer          clock_data);
/* The live view of session already open, or NULL. */
ConveneLiveView *convene_live_view_find     (ConveneSession   *session);
/* The engine the view runs (borrowed): what a presenter window for the same
 * session follows; connect to "notify::live" for the engine that replaces
 * it when the running order changes. */
ConveneLive     *convene_live_view_get_live (ConveneLiveView  *self);
ConveneSession  *convene_live_view_get_session (ConveneLiveView *self);

G_END_DECLS
