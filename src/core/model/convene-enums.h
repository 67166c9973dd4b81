/* convene-enums.h: the closed vocabularies of a Convene project.
 *
 * Each value has a stable nick (used in the project file and in JSON, never
 * translated) and a translated label for people.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  CONVENE_SEGMENT_KIND_OPENING,       /* "opening"    Opening remarks */
  CONVENE_SEGMENT_KIND_WELCOME,       /* "welcome"    Welcome */
  CONVENE_SEGMENT_KIND_KEYNOTE,       /* "keynote"    Keynote */
  CONVENE_SEGMENT_KIND_PRESENTATION,  /* "presentation" Presentation */
  CONVENE_SEGMENT_KIND_PANEL,         /* "panel"      Panel */
  CONVENE_SEGMENT_KIND_QA,            /* "qa"         Q&A */
  CONVENE_SEGMENT_KIND_DISCUSSION,    /* "discussion" Moderated discussion */
  CONVENE_SEGMENT_KIND_BREAK,         /* "break"      Break */
  CONVENE_SEGMENT_KIND_NETWORKING,    /* "networking" Networking */
  CONVENE_SEGMENT_KIND_CLOSING,       /* "closing"    Closing remarks */
  CONVENE_SEGMENT_KIND_CUSTOM,        /* "custom"     Custom */
} ConveneSegmentKind;
#define CONVENE_N_SEGMENT_KINDS (CONVENE_SEGMENT_KIND_CUSTOM + 1)

typedef enum {
  CONVENE_SPEAKER_STATUS_INVITED,     /* "invited" */
  CONVENE_SPEAKER_STATUS_TENTATIVE,   /* "tentative" */
  CONVENE_SPEAKER_STATUS_CONFIRMED,   /* "confirmed" */
  CONVENE_SPEAKER_STATUS_DECLINED,    /* "declined" */
} ConveneSpeakerStatus;
#define CONVENE_N_SPEAKER_STATUSES (CONVENE_SPEAKER_STATUS_DECLINED + 1)

typedef enum {
  CONVENE_ROLE_PRESENTER,             /* "presenter" */
  CONVENE_ROLE_PANELIST,              /* "panelist" */
  CONVENE_ROLE_MODERATOR,             /* "moderator" */
  CONVENE_ROLE_CHAIR,                 /* "chair" */
  CONVENE_ROLE_DISCUSSANT,            /* "discussant" */
  CONVENE_ROLE_OPENING_REMARKS,       /* "opening-remarks" */
  CONVENE_ROLE_CLOSING_REMARKS,       /* "closing-remarks" */
} ConveneRole;
#define CONVENE_N_ROLES (CONVENE_ROLE_CLOSING_REMARKS + 1)

typedef enum {
  CONVENE_OUTCOME_KIND_OBJECTIVE,         /* "objective" */
  CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME,  /* "expected-outcome" */
  CONVENE_OUTCOME_KIND_GUIDING_QUESTION,  /* "guiding-question" */
  CONVENE_OUTCOME_KIND_FOLLOW_UP,         /* "follow-up" */
} ConveneOutcomeKind;
#define CONVENE_N_OUTCOME_KINDS (CONVENE_OUTCOME_KIND_FOLLOW_UP + 1)

typedef enum {
  CONVENE_OUTCOME_RESULT_NONE,        /* "none"   not assessed yet */
  CONVENE_OUTCOME_RESULT_MET,         /* "met" */
  CONVENE_OUTCOME_RESULT_PARTLY_MET,  /* "partly-met" */
  CONVENE_OUTCOME_RESULT_NOT_MET,     /* "not-met" */
} ConveneOutcomeResult;
#define CONVENE_N_OUTCOME_RESULTS (CONVENE_OUTCOME_RESULT_NOT_MET + 1)

/* What the operator did while running a session live (convene-live-event.h). */
typedef enum {
  CONVENE_LIVE_ACTION_START,    /* "start"  the first segment starts */
  CONVENE_LIVE_ACTION_NEXT,     /* "next"   the next segment starts (or the session ends) */
  CONVENE_LIVE_ACTION_BACK,     /* "back"   the last transition is undone */
  CONVENE_LIVE_ACTION_HOLD,     /* "hold" */
  CONVENE_LIVE_ACTION_RESUME,   /* "resume" */
  CONVENE_LIVE_ACTION_ADD,      /* "add"    minutes added (negative: taken) */
  CONVENE_LIVE_ACTION_JUMP,     /* "jump"   segment starts */
} ConveneLiveAction;
#define CONVENE_N_LIVE_ACTIONS (CONVENE_LIVE_ACTION_JUMP + 1)

/* How an overrun was recovered at a transition (see convene-live.h). */
typedef enum {
  CONVENE_LIVE_PUSH,            /* "push" */
  CONVENE_LIVE_ABSORB,          /* "absorb" */
  CONVENE_LIVE_COMPRESS,        /* "compress"; the file and JSON keep it as
                                 * "absorb" (convene-live-event.h) */
} ConveneLiveRecovery;
#define CONVENE_N_LIVE_RECOVERIES (CONVENE_LIVE_COMPRESS + 1)

#define CONVENE_TYPE_SEGMENT_KIND (convene_segment_kind_get_type ())
#define CONVENE_TYPE_SPEAKER_STATUS (convene_speaker_status_get_type ())
#define CONVENE_TYPE_ROLE (convene_role_get_type ())
#define CONVENE_TYPE_OUTCOME_KIND (convene_outcome_kind_get_type ())
#define CONVENE_TYPE_OUTCOME_RESULT (convene_outcome_result_get_type ())
#define CONVENE_TYPE_LIVE_ACTION (convene_live_action_get_type ())
#define CONVENE_TYPE_LIVE_RECOVERY (convene_live_recovery_get_type ())

GType convene_segment_kind_get_type   (void) G_GNUC_CONST;
GType convene_speaker_status_get_type (void) G_GNUC_CONST;
GType convene_role_get_type           (void) G_GNUC_CONST;
GType convene_outcome_kind_get_type   (void) G_GNUC_CONST;
GType convene_outcome_result_get_type (void) G_GNUC_CONST;
GType convene_live_action_get_type    (void) G_GNUC_CONST;
GType convene_live_recovery_get_type  (void) G_GNUC_CONST;

/* Stable nick <-> value. from_nick returns FALSE for an unknown or NULL nick. */
const char *convene_segment_kind_to_nick     (ConveneSegmentKind kind);
gboolean    convene_segment_kind_from_nick   (const char *nick, ConveneSegmentKind *out);
const char *convene_segment_kind_get_label   (ConveneSegmentKind kind);  /* translated */
const char *convene_segment_kind_get_icon_name (ConveneSegmentKind kind); /* a symbolic icon */
/* Kinds that hold child items (the talks in a panel). */
gboolean    convene_segment_kind_holds_items (ConveneSegmentKind kind);
/* Kinds where a segment with nobody assigned deserves a warning. */
gboolean    convene_segment_kind_needs_people (ConveneSegmentKind kind);
/* The usual length of a new segment of kind, in minutes: what a segment
 * added from the timeline's palette starts with. */
guint       convene_segment_kind_get_default_minutes (ConveneSegmentKind kind);

const char *convene_speaker_status_to_nick   (ConveneSpeakerStatus status);
gboolean    convene_speaker_status_from_nick (const char *nick, ConveneSpeakerStatus *out);
const char *convene_speaker_status_get_label (ConveneSpeakerStatus status);

const char *convene_role_to_nick             (ConveneRole role);
gboolean    convene_role_from_nick           (const char *nick, ConveneRole *out);
const char *convene_role_get_label           (ConveneRole role);
/* The role a person most likely takes on a segment of kind; in_panel: the
 * segment is an item inside a panel (a talk). What the timeline's drop and
 * the segment details offer first. */
ConveneRole convene_role_suggest             (ConveneSegmentKind kind, gboolean in_panel);

const char *convene_outcome_kind_to_nick     (ConveneOutcomeKind kind);
gboolean    convene_outcome_kind_from_nick   (const char *nick, ConveneOutcomeKind *out);
const char *convene_outcome_kind_get_label   (ConveneOutcomeKind kind);
/* The heading of a list of that kind: "Objectives", "Expected Outcomes". */
const char *convene_outcome_kind_get_group_title (ConveneOutcomeKind kind);

const char *convene_outcome_result_to_nick   (ConveneOutcomeResult result);
gboolean    convene_outcome_result_from_nick (const char *nick, ConveneOutcomeResult *out);
const char *convene_outcome_result_get_label (ConveneOutcomeResult result);

const char *convene_live_action_to_nick      (ConveneLiveAction action);
gboolean    convene_live_action_from_nick    (const char *nick, ConveneLiveAction *out);
const char *convene_live_recovery_to_nick    (ConveneLiveRecovery recovery);
gboolean    convene_live_recovery_from_nick  (const char *nick, ConveneLiveRecovery *out);

G_END_DECLS
