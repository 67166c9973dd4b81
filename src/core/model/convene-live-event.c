#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include "convene-live-event.h"
#include "convene-model-watch.h"

struct _ConveneLiveEvent
{
  GObject parent_instance;

  gint64 id;
  gint64 at;
  ConveneLiveAction action;
  gint64 segment_id;
  int minutes;
  ConveneLiveRecovery recovery;
};

G_DEFINE_FINAL_TYPE (ConveneLiveEvent, convene_live_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AT,
  PROP_ACTION,
  PROP_SEGMENT_ID,
  PROP_MINUTES,
  PROP_RECOVERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
convene_live_event_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ConveneLiveEvent *self = CONVENE_LIVE_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_AT:
      g_value_set_int64 (value, self->at);
      break;
    case PROP_ACTION:
      g_value_set_string (value, convene_live_action_to_nick (self->action));
      break;
    case PROP_SEGMENT_ID:
      g_value_set_int64 (value, self->segment_id);
      break;
    case PROP_MINUTES:
      g_value_set_int (value, self->minutes);
      break;
    case PROP_RECOVERY:
      g_value_set_string (value, convene_live_recovery_to_nick (self->recovery));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_live_event_class_init (ConveneLiveEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* The store hears of changes through one hook, not a handler per object. */
  object_class->notify = _convene_model_notify;

  object_class->get_property = convene_live_event_get_property;

  /* Read-only: an event is made whole by convene_live_event_new(). */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AT] =
    g_param_spec_int64 ("at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT_ID] =
    g_param_spec_int64 ("segment-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MINUTES] =
    g_param_spec_int ("minutes", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECOVERY] =
    g_param_spec_string ("recovery", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
convene_live_event_init (ConveneLiveEvent *self)
{
}

ConveneLiveEvent *
convene_live_event_new (gint64              id,
                        gint64              at,
                        ConveneLiveAction   action,
                        gint64              segment_id,
                        int                 minutes,
                        ConveneLiveRecovery recovery)
{
  ConveneLiveEvent *self = g_object_new (CONVENE_TYPE_LIVE_EVENT, NULL);

  self->id = MAX (id, 0);
  self->at = at;
  self->action = (guint) action < CONVENE_N_LIVE_ACTIONS ? action : CONVENE_LIVE_ACTION_START;
  self->segment_id = MAX (segment_id, 0);
  self->minutes = minutes;
  self->recovery = (guint) recovery < CONVENE_N_LIVE_RECOVERIES ? recovery : CONVENE_LIVE_PUSH;
  if ((action == CONVENE_LIVE_ACTION_NEXT || action == CONVENE_LIVE_ACTION_JUMP) &&
      self->recovery == CONVENE_LIVE_ABSORB && minutes > 0)
    self->recovery = CONVENE_LIVE_COMPRESS;
  else if (self->recovery == CONVENE_LIVE_COMPRESS && minutes <= 0)
    self->recovery = CONVENE_LIVE_ABSORB;
  return self;
}

gint64
convene_live_event_get_id (ConveneLiveEvent *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE_EVENT (self), 0);
  return self->id;
}

gint64
convene_live_event_get_at (ConveneLiveEvent *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE_EVENT (self), 0);
  return self->at;
}

ConveneLiveAction
convene_live_event_get_action (ConveneLiveEvent *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE_EVENT (self), CONVENE_LIVE_ACTION_START);
  return self->action;
}

gint64
convene_live_event_get_segment_id (ConveneLiveEvent *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE_EVENT (self), 0);
  return self->segment_id;
}

int
convene_live_event_get_minutes (ConveneLiveEvent *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE_EVENT (self), 0);
  return self->minutes;
}

ConveneLiveRecovery
convene_live_event_get_recovery (ConveneLiveEvent *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE_EVENT (self), CONVENE_LIVE_PUSH);
  return self->recovery;
}

const char *
convene_live_event_get_kept_recovery (ConveneLiveEvent *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE_EVENT (self), "push");
  if (self->recovery == CONVENE_LIVE_COMPRESS)
    return convene_live_recovery_to_nick (CONVENE_LIVE_ABSORB);
  return convene_live_recovery_to_nick (self->recovery);
}
