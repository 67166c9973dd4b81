/* convene-project.h: the whole document: its sessions, its roster, who is
 * assigned where. Identifiers are unique across the whole project (all kinds of
 * object share one sequence), so a reference is just a gint64. */
#pragma once

#include <gio/gio.h>
#include "convene-session.h"
#include "convene-speaker.h"
#include "convene-assignment.h"
#include "convene-outcome.h"
#include "convene-outcome-link.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_PROJECT (convene_project_get_type ())
G_DECLARE_FINAL_TYPE (ConveneProject, convene_project, CONVENE, PROJECT, GObject)

/* Properties: "title", "organiser", "venue", "notes" (strings, "" when empty),
 * "time-zone" (IANA identifier of the venue, e.g. "Europe/Zurich"; the default
 * is this computer's zone), "sessions", "speakers", "assignments",
 * "outcome-links" (GListModels). */
ConveneProject *convene_project_new                (void);
const char     *convene_project_get_title          (ConveneProject *self);
void            convene_project_set_title          (ConveneProject *self, const char *title);
const char     *convene_project_get_organiser      (ConveneProject *self);
void            convene_project_set_organiser      (ConveneProject *self, const char *organiser);
const char     *convene_project_get_venue          (ConveneProject *self);
void            convene_project_set_venue          (ConveneProject *self, const char *venue);
const char     *convene_project_get_notes          (ConveneProject *self);
void            convene_project_set_notes          (ConveneProject *self, const char *notes);
const char     *convene_project_get_time_zone      (ConveneProject *self);
void            convene_project_set_time_zone      (ConveneProject *self, const char *identifier);
/* The venue's zone; falls back to UTC if the identifier is unknown here. */
GTimeZone      *convene_project_dup_gtime_zone     (ConveneProject *self);

GListStore     *convene_project_get_sessions       (ConveneProject *self);
GListStore     *convene_project_get_speakers       (ConveneProject *self);
GListStore     *convene_project_get_assignments    (ConveneProject *self);
/* Which segments serve which outcomes (ConveneOutcomeLink), in the order
 * they were made: an outcome's links in this order are its segments. */
GListStore     *convene_project_get_outcome_links  (ConveneProject *self);

/* Identifiers: new_id hands out the next unused one; note_id tells the
 * project an id is in use (loaders and importers call it for every object). */
gint64          convene_project_new_id             (ConveneProject *self);
void            convene_project_note_id            (ConveneProject *self, gint64 id);

/* Look-ups by id (linear; NULL when absent). Borrowed references. */
ConveneSession *convene_project_find_session       (ConveneProject *self, gint64 id);
ConveneSpeaker *convene_project_find_speaker       (ConveneProject *self, gint64 id);
/* A segment or item anywhere; out_session (optional) gets its session. */
ConveneSegment *convene_project_find_segment       (ConveneProject *self, gint64 id,
                                                    ConveneSession **out_session);
/* An outcome anywhere; out_session (optional) gets its session. */
ConveneOutcome *convene_project_find_outcome       (ConveneProject *self, gint64 id,
                                                    ConveneSession **out_session);
/* The link between an outcome and a segment, if they are linked. */
ConveneOutcomeLink *convene_project_find_outcome_link (ConveneProject *self, gint64 outcome_id,
                                                       gint64 segment_id);

G_END_DECLS
