#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "convene-enums.h"

/* One table per vocabulary: the GEnumValue arrays register the GTypes and
 * are also the single source of the stable nicks. Values are contiguous from
 * 0, so a value indexes its own row. */

static const GEnumValue segment_kind_values[] = {
  { CONVENE_SEGMENT_KIND_OPENING, "CONVENE_SEGMENT_KIND_OPENING", "opening" },
  { CONVENE_SEGMENT_KIND_WELCOME, "CONVENE_SEGMENT_KIND_WELCOME", "welcome" },
  { CONVENE_SEGMENT_KIND_KEYNOTE, "CONVENE_SEGMENT_KIND_KEYNOTE", "keynote" },
  { CONVENE_SEGMENT_KIND_PRESENTATION, "CONVENE_SEGMENT_KIND_PRESENTATION", "presentation" },
  { CONVENE_SEGMENT_KIND_PANEL, "CONVENE_SEGMENT_KIND_PANEL", "panel" },
  { CONVENE_SEGMENT_KIND_QA, "CONVENE_SEGMENT_KIND_QA", "qa" },
  { CONVENE_SEGMENT_KIND_DISCUSSION, "CONVENE_SEGMENT_KIND_DISCUSSION", "discussion" },
  { CONVENE_SEGMENT_KIND_BREAK, "CONVENE_SEGMENT_KIND_BREAK", "break" },
  { CONVENE_SEGMENT_KIND_NETWORKING, "CONVENE_SEGMENT_KIND_NETWORKING", "networking" },
  { CONVENE_SEGMENT_KIND_CLOSING, "CONVENE_SEGMENT_KIND_CLOSING", "closing" },
  { CONVENE_SEGMENT_KIND_CUSTOM, "CONVENE_SEGMENT_KIND_CUSTOM", "custom" },
  { 0, NULL, NULL }
};

static const char * const segment_kind_labels[] = {
  N_("Opening remarks"),
  N_("Welcome"),
  N_("Keynote"),
  N_("Presentation"),
  N_("Panel"),
  N_("Q&A"),
  N_("Moderated discussion"),
  N_("Break"),
  N_("Networking"),
  N_("Closing remarks"),
  N_("Custom"),
};

/* Icons from the Adwaita theme's non-legacy sets, so they survive newer runtimes. */
static const char * const segment_kind_icons[] = {
  "media-playback-start-symbolic",
  "emoji-people-symbolic",
  "starred-symbolic",
  "x-office-presentation-symbolic",
  "view-list-bullet-symbolic",
  "dialog-question-symbolic",
  "audio-input-microphone-symbolic",
  "emoji-food-symbolic",
  "network-workgroup-symbolic",
  "media-playback-stop-symbolic",
  "document-edit-symbolic",
};

/* Usual lengths, in minutes, as planners book them: remarks are short, a
 * talk takes a quarter of an hour, a panel most of an hour. */
static const guint segment_kind_default_minutes[] = {
  5,   /* opening */
  5,   /* welcome */
  20,  /* keynote */
  15,  /* presentation */
  45,  /* panel */
  15,  /* qa */
  30,  /* discussion */
  15,  /* break */
  30,  /* networking */
  5,   /* closing */
  10,  /* custom */
};

static const GEnumValue speaker_status_values[] = {
  { CONVENE_SPEAKER_STATUS_INVITED, "CONVENE_SPEAKER_STATUS_INVITED", "invited" },
  { CONVENE_SPEAKER_STATUS_TENTATIVE, "CONVENE_SPEAKER_STATUS_TENTATIVE", "tentative" },
  { CONVENE_SPEAKER_STATUS_CONFIRMED, "CONVENE_SPEAKER_STATUS_CONFIRMED", "confirmed" },
  { CONVENE_SPEAKER_STATUS_DECLINED, "CONVENE_SPEAKER_STATUS_DECLINED", "declined" },
  { 0, NULL, NULL }
};

static const char * const speaker_status_labels[] = {
  N_("Invited"),
  N_("Tentative"),
  N_("Confirmed"),
  N_("Declined"),
};

static const GEnumValue role_values[] = {
  { CONVENE_ROLE_PRESENTER, "CONVENE_ROLE_PRESENTER", "presenter" },
  { CONVENE_ROLE_PANELIST, "CONVENE_ROLE_PANELIST", "panelist" },
  { CONVENE_ROLE_MODERATOR, "CONVENE_ROLE_MODERATOR", "moderator" },
  { CONVENE_ROLE_CHAIR, "CONVENE_ROLE_CHAIR", "chair" },
  { CONVENE_ROLE_DISCUSSANT, "CONVENE_ROLE_DISCUSSANT", "discussant" },
  { CONVENE_ROLE_OPENING_REMARKS, "CONVENE_ROLE_OPENING_REMARKS", "opening-remarks" },
  { CONVENE_ROLE_CLOSING_REMARKS, "CONVENE_ROLE_CLOSING_REMARKS", "closing-remarks" },
  { 0, NULL, NULL }
};

/* A context keeps a person's role apart from the run sheet's plural
 * headings of the same words (convene-runsheet-content.c). */
static const char * const role_labels[] = {
  NC_("role", "Presenter"),
  NC_("role", "Panellist"),
  NC_("role", "Moderator"),
  NC_("role", "Chair"),
  NC_("role", "Discussant"),
  NC_("role", "Opening remarks"),
  NC_("role", "Closing remarks"),
};

static const GEnumValue outcome_kind_values[] = {
  { CONVENE_OUTCOME_KIND_OBJECTIVE, "CONVENE_OUTCOME_KIND_OBJECTIVE", "objective" },
  { CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME, "CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME", "expected-outcome" },
  { CONVENE_OUTCOME_KIND_GUIDING_QUESTION, "CONVENE_OUTCOME_KIND_GUIDING_QUESTION", "guiding-question" },
  { CONVENE_OUTCOME_KIND_FOLLOW_UP, "CONVENE_OUTCOME_KIND_FOLLOW_UP", "follow-up" },
  { 0, NULL, NULL }
};

static const char * const outcome_kind_labels[] = {
  N_("Objective"),
  N_("Expected outcome"),
  N_("Guiding question"),
  N_("Follow-up"),
};

static const char * const outcome_kind_group_titles[] = {
  N_("Objectives"),
  N_("Expected Outcomes"),
  N_("Guiding Questions"),
  N_("Follow-up Actions"),
};

static const GEnumValue outcome_result_values[] = {
  { CONVENE_OUTCOME_RESULT_NONE, "CONVENE_OUTCOME_RESULT_NONE", "none" },
  { CONVENE_OUTCOME_RESULT_MET, "CONVENE_OUTCOME_RESULT_MET", "met" },
  { CONVENE_OUTCOME_RESULT_PARTLY_MET, "CONVENE_OUTCOME_RESULT_PARTLY_MET", "partly-met" },
  { CONVENE_OUTCOME_RESULT_NOT_MET, "CONVENE_OUTCOME_RESULT_NOT_MET", "not-met" },
  { 0, NULL, NULL }
};

static const char * const outcome_result_labels[] = {
  N_("Not assessed"),
  N_("Met"),
  N_("Partly met"),
  N_("Not met"),
};

/* The live record's vocabularies have no labels: the live view words
 * each action as a command of its own. */
static const GEnumValue live_action_values[] = {
  { CONVENE_LIVE_ACTION_START, "CONVENE_LIVE_ACTION_START", "start" },
  { CONVENE_LIVE_ACTION_NEXT, "CONVENE_LIVE_ACTION_NEXT", "next" },
  { CONVENE_LIVE_ACTION_BACK, "CONVENE_LIVE_ACTION_BACK", "back" },
  { CONVENE_LIVE_ACTION_HOLD, "CONVENE_LIVE_ACTION_HOLD", "hold" },
  { CONVENE_LIVE_ACTION_RESUME, "CONVENE_LIVE_ACTION_RESUME", "resume" },
  { CONVENE_LIVE_ACTION_ADD, "CONVENE_LIVE_ACTION_ADD", "add" },
  { CONVENE_LIVE_ACTION_JUMP, "CONVENE_LIVE_ACTION_JUMP", "jump" },
  { 0, NULL, NULL }
};

static const GEnumValue live_recovery_values[] = {
  { CONVENE_LIVE_PUSH, "CONVENE_LIVE_PUSH", "push" },
  { CONVENE_LIVE_ABSORB, "CONVENE_LIVE_ABSORB", "absorb" },
  { CONVENE_LIVE_COMPRESS, "CONVENE_LIVE_COMPRESS", "compress" },
  { 0, NULL, NULL }
};

G_STATIC_ASSERT (G_N_ELEMENTS (segment_kind_values) == CONVENE_N_SEGMENT_KINDS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (segment_kind_labels) == CONVENE_N_SEGMENT_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (segment_kind_icons) == CONVENE_N_SEGMENT_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (segment_kind_default_minutes) == CONVENE_N_SEGMENT_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (speaker_status_values) == CONVENE_N_SPEAKER_STATUSES + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (speaker_status_labels) == CONVENE_N_SPEAKER_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (role_values) == CONVENE_N_ROLES + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (role_labels) == CONVENE_N_ROLES);
G_STATIC_ASSERT (G_N_ELEMENTS (outcome_kind_values) == CONVENE_N_OUTCOME_KINDS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (outcome_kind_labels) == CONVENE_N_OUTCOME_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (outcome_kind_group_titles) == CONVENE_N_OUTCOME_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (outcome_result_values) == CONVENE_N_OUTCOME_RESULTS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (outcome_result_labels) == CONVENE_N_OUTCOME_RESULTS);
G_STATIC_ASSERT (G_N_ELEMENTS (live_action_values) == CONVENE_N_LIVE_ACTIONS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (live_recovery_values) == CONVENE_N_LIVE_RECOVERIES + 1);

static GType
register_enum (GType *cache, const char *name, const GEnumValue *values)
{
  if (g_once_init_enter (cache))
    g_once_init_leave (cache, g_enum_register_static (g_intern_static_string (name), values));
  return *cache;
}

GType
convene_segment_kind_get_type (void)
{
  static GType type = 0;
  return register_enum (&type, "ConveneSegmentKind", segment_kind_values);
}

GType
convene_speaker_status_get_type (void)
{
  static GType type = 0;
  return register_enum (&type, "ConveneSpeakerStatus", speaker_status_values);
}

GType
convene_role_get_type (void)
{
  static GType type = 0;
  return register_enum (&type, "ConveneRole", role_values);
}

GType
convene_outcome_kind_get_type (void)
{
  static GType type = 0;
  return register_enum (&type, "ConveneOutcomeKind", outcome_kind_values);
}

GType
convene_outcome_result_get_type (void)
{
  static GType type = 0;
  return register_enum (&type, "ConveneOutcomeResult", outcome_result_values);
}

GType
convene_live_action_get_type (void)
{
  static GType type = 0;
  return register_enum (&type, "ConveneLiveAction", live_action_values);
}

GType
convene_live_recovery_get_type (void)
{
  static GType type = 0;
  return register_enum (&type, "ConveneLiveRecovery", live_recovery_values);
}

static const char *
value_to_nick (const GEnumValue *values, guint n_values, int value)
{
  g_return_val_if_fail (value >= 0 && (guint) value < n_values, NULL);
  return values[value].value_nick;
}

static gboolean
value_from_nick (const GEnumValue *values, const char *nick, int *out)
{
  if (nick == NULL)
    return FALSE;

  for (guint i = 0; values[i].value_nick != NULL; i++)
    {
      if (strcmp (values[i].value_nick, nick) == 0)
        {
          if (out != NULL)
            *out = values[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

static const char *
value_label (const char *context, const char * const *labels, guint n_labels, int value)
{
  g_return_val_if_fail (value >= 0 && (guint) value < n_labels, NULL);
  if (context != NULL)
    return g_dpgettext2 (NULL, context, labels[value]);
  return _(labels[value]);
}

#define DEFINE_NICKS_ONLY(prefix, Type, values, n)                             \
  const char *                                                                 \
  prefix##_to_nick (Type value)                                                \
  {                                                                            \
    return value_to_nick (values, n, (int) value);                             \
  }                                                                            \
                                                                               \
  gboolean                                                                     \
  prefix##_from_nick (const char *nick, Type *out)                             \
  {                                                                            \
    int value;                                                                 \
                                                                               \
    if (!value_from_nick (values, nick, &value))                               \
      return FALSE;                                                            \
    if (out != NULL)                                                           \
      *out = (Type) value;                                                     \
    return TRUE;                                                               \
  }

#define DEFINE_NICKS(prefix, Type, values, labels, n, context)                 \
  DEFINE_NICKS_ONLY (prefix, Type, values, n)                                  \
                                                                               \
  const char *                                                                 \
  prefix##_get_label (Type value)                                              \
  {                                                                            \
    return value_label (context, labels, n, (int) value);                      \
  }

DEFINE_NICKS (convene_segment_kind, ConveneSegmentKind, segment_kind_values,
              segment_kind_labels, CONVENE_N_SEGMENT_KINDS, NULL)
DEFINE_NICKS (convene_speaker_status, ConveneSpeakerStatus, speaker_status_values,
              speaker_status_labels, CONVENE_N_SPEAKER_STATUSES, NULL)
DEFINE_NICKS (convene_role, ConveneRole, role_values, role_labels, CONVENE_N_ROLES,
              "role")
DEFINE_NICKS (convene_outcome_kind, ConveneOutcomeKind, outcome_kind_values,
              outcome_kind_labels, CONVENE_N_OUTCOME_KINDS, NULL)
DEFINE_NICKS (convene_outcome_result, ConveneOutcomeResult, outcome_result_values,
              outcome_result_labels, CONVENE_N_OUTCOME_RESULTS, NULL)
DEFINE_NICKS_ONLY (convene_live_action, ConveneLiveAction, live_action_values,
                   CONVENE_N_LIVE_ACTIONS)
DEFINE_NICKS_ONLY (convene_live_recovery, ConveneLiveRecovery, live_recovery_values,
                   CONVENE_N_LIVE_RECOVERIES)

const char *
convene_outcome_kind_get_group_title (ConveneOutcomeKind kind)
{
  g_return_val_if_fail ((guint) kind < CONVENE_N_OUTCOME_KINDS, NULL);
  return _(outcome_kind_group_titles[kind]);
}

const char *
convene_segment_kind_get_icon_name (ConveneSegmentKind kind)
{
  g_return_val_if_fail ((guint) kind < CONVENE_N_SEGMENT_KINDS, NULL);
  return segment_kind_icons[kind];
}

guint
convene_segment_kind_get_default_minutes (ConveneSegmentKind kind)
{
  g_return_val_if_fail ((guint) kind < CONVENE_N_SEGMENT_KINDS, 0);
  return segment_kind_default_minutes[kind];
}

gboolean
convene_segment_kind_holds_items (ConveneSegmentKind kind)
{
  /* Kinds that are made of several contributions: the talks of a panel, the
   * remarks of several hosts at the opening or closing, the prompts of a
   * moderated discussion; custom is the planner's free choice. */
  switch (kind)
    {
    case CONVENE_SEGMENT_KIND_OPENING:
    case CONVENE_SEGMENT_KIND_PANEL:
    case CONVENE_SEGMENT_KIND_DISCUSSION:
    case CONVENE_SEGMENT_KIND_CLOSING:
    case CONVENE_SEGMENT_KIND_CUSTOM:
      return TRUE;
    case CONVENE_SEGMENT_KIND_WELCOME:
    case CONVENE_SEGMENT_KIND_KEYNOTE:
    case CONVENE_SEGMENT_KIND_PRESENTATION:
    case CONVENE_SEGMENT_KIND_QA:
    case CONVENE_SEGMENT_KIND_BREAK:
    case CONVENE_SEGMENT_KIND_NETWORKING:
    default:
      return FALSE;
    }
}

gboolean
convene_segment_kind_needs_people (ConveneSegmentKind kind)
{
  switch (kind)
    {
    case CONVENE_SEGMENT_KIND_OPENING:
    case CONVENE_SEGMENT_KIND_WELCOME:
    case CONVENE_SEGMENT_KIND_KEYNOTE:
    case CONVENE_SEGMENT_KIND_PRESENTATION:
    case CONVENE_SEGMENT_KIND_PANEL:
    case CONVENE_SEGMENT_KIND_DISCUSSION:
    case CONVENE_SEGMENT_KIND_CLOSING:
      return TRUE;
    case CONVENE_SEGMENT_KIND_QA:
    case CONVENE_SEGMENT_KIND_BREAK:
    case CONVENE_SEGMENT_KIND_NETWORKING:
    case CONVENE_SEGMENT_KIND_CUSTOM:
    default:
      return FALSE;
    }
}

ConveneRole
convene_role_suggest (ConveneSegmentKind kind,
                      gboolean           in_panel)
{
  if (in_panel)
    return CONVENE_ROLE_PANELIST;
  switch (kind)
    {
    case CONVENE_SEGMENT_KIND_PANEL:
      return CONVENE_ROLE_PANELIST;
    case CONVENE_SEGMENT_KIND_DISCUSSION:
    case CONVENE_SEGMENT_KIND_QA:
      return CONVENE_ROLE_MODERATOR;
    case CONVENE_SEGMENT_KIND_OPENING:
    case CONVENE_SEGMENT_KIND_WELCOME:
      return CONVENE_ROLE_OPENING_REMARKS;
    case CONVENE_SEGMENT_KIND_CLOSING:
      return CONVENE_ROLE_CLOSING_REMARKS;
    case CONVENE_SEGMENT_KIND_KEYNOTE:
    case CONVENE_SEGMENT_KIND_PRESENTATION:
    case CONVENE_SEGMENT_KIND_BREAK:
    case CONVENE_SEGMENT_KIND_NETWORKING:
    case CONVENE_SEGMENT_KIND_CUSTOM:
    default:
      return CONVENE_ROLE_PRESENTER;
    }
}
