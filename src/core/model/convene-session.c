#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include "convene-model-private.h"
#include "convene-limits.h"
#include "convene-outcome.h"
#include "convene-session.h"
#include "convene-model-watch.h"

struct _ConveneSession
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  char *title;
  char *date;
  int start_time;
  guint slot_minutes;
  guint fit_step;
  char *room;
  char *description;
  GListStore *segments;
  GListStore *outcomes;
  GListStore *live_events;
};

G_DEFINE_FINAL_TYPE (ConveneSession, convene_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_TITLE,
  PROP_DATE,
  PROP_START_TIME,
  PROP_SLOT_MINUTES,
  PROP_FIT_STEP,
  PROP_ROOM,
  PROP_DESCRIPTION,
  PROP_SEGMENTS,
  PROP_OUTCOMES,
  PROP_LIVE_EVENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A new session gets an hour-long slot unless told otherwise. */
#define DEFAULT_SLOT_MINUTES 60

static void
convene_session_finalize (GObject *object)
{
  ConveneSession *self = (ConveneSession *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->room, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_object (&self->segments);
  g_clear_object (&self->outcomes);
  g_clear_object (&self->live_events);

  G_OBJECT_CLASS (convene_session_parent_class)->finalize (object);
}

static void
convene_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ConveneSession *self = CONVENE_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_START_TIME:
      g_value_set_int (value, self->start_time);
      break;
    case PROP_SLOT_MINUTES:
      g_value_set_uint (value, self->slot_minutes);
      break;
    case PROP_FIT_STEP:
      g_value_set_uint (value, self->fit_step);
      break;
    case PROP_ROOM:
      g_value_set_string (value, self->room);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_SEGMENTS:
      g_value_set_object (value, self->segments);
      break;
    case PROP_OUTCOMES:
      g_value_set_object (value, self->outcomes);
      break;
    case PROP_LIVE_EVENTS:
      g_value_set_object (value, self->live_events);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ConveneSession *self = CONVENE_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_TITLE:
      convene_session_set_title (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      convene_session_set_date (self, g_value_get_string (value));
      break;
    case PROP_START_TIME:
      convene_session_set_start_time (self, g_value_get_int (value));
      break;
    case PROP_SLOT_MINUTES:
      convene_session_set_slot_minutes (self, g_value_get_uint (value));
      break;
    case PROP_FIT_STEP:
      convene_session_set_fit_step (self, g_value_get_uint (value));
      break;
    case PROP_ROOM:
      convene_session_set_room (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      convene_session_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_session_class_init (ConveneSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* The store hears of changes through one hook, not a handler per object. */
  object_class->notify = _convene_model_notify;

  object_class->finalize = convene_session_finalize;
  object_class->get_property = convene_session_get_property;
  object_class->set_property = convene_session_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_TIME] =
    g_param_spec_int ("start-time", NULL, NULL, 0, CONVENE_MINUTES_PER_DAY - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SLOT_MINUTES] =
    g_param_spec_uint ("slot-minutes", NULL, NULL, 1, CONVENE_MAX_SLOT_MINUTES, DEFAULT_SLOT_MINUTES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIT_STEP] =
    g_param_spec_uint ("fit-step", NULL, NULL, 1, CONVENE_MAX_FIT_STEP, CONVENE_DEFAULT_FIT_STEP,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROOM] =
    g_param_spec_string ("room", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENTS] =
    g_param_spec_object ("segments", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOMES] =
    g_param_spec_object ("outcomes", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIVE_EVENTS] =
    g_param_spec_object ("live-events", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
convene_session_init (ConveneSession *self)
{
  self->uuid = g_uuid_string_random ();
  self->title = g_strdup ("");
  self->date = g_strdup ("");
  self->room = g_strdup ("");
  self->description = g_strdup ("");
  self->slot_minutes = DEFAULT_SLOT_MINUTES;
  self->fit_step = CONVENE_DEFAULT_FIT_STEP;
  self->segments = g_list_store_new (CONVENE_TYPE_SEGMENT);
  self->outcomes = g_list_store_new (CONVENE_TYPE_OUTCOME);
  self->live_events = g_list_store_new (CONVENE_TYPE_LIVE_EVENT);
}

ConveneSession *
convene_session_new (gint64      id,
                     const char *title,
                     const char *date,
                     int         start_time,
                     guint       slot_minutes)
{
  ConveneSession *self = g_object_new (CONVENE_TYPE_SESSION, "id", id, NULL);

  convene_model_replace_string (&self->title, title);
  convene_model_replace_string (&self->date, date);
  self->start_time = CLAMP (start_time, 0, CONVENE_MINUTES_PER_DAY - 1);
  self->slot_minutes = CLAMP (slot_minutes, 1, CONVENE_MAX_SLOT_MINUTES);
  return self;
}

gint64
convene_session_get_id (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), 0);
  return self->id;
}

const char *
convene_session_get_uuid (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return self->uuid;
}

void
convene_session_set_uuid (ConveneSession *self,
                          const char     *uuid)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  g_return_if_fail (uuid != NULL && g_uuid_string_is_valid (uuid));

  if (convene_model_replace_uuid (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

const char *
convene_session_get_title (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), "");
  return self->title;
}

void
convene_session_set_title (ConveneSession *self,
                           const char     *title)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  if (convene_model_replace_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
convene_session_get_date (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), "");
  return self->date;
}

void
convene_session_set_date (ConveneSession *self,
                          const char     *date)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  if (convene_model_replace_string (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

int
convene_session_get_start_time (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), 0);
  return self->start_time;
}

void
convene_session_set_start_time (ConveneSession *self,
                                int             minutes)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));

  minutes = CLAMP (minutes, 0, CONVENE_MINUTES_PER_DAY - 1);
  if (self->start_time == minutes)
    return;
  self->start_time = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_TIME]);
}

guint
convene_session_get_fit_step (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), CONVENE_DEFAULT_FIT_STEP);
  return self->fit_step;
}

void
convene_session_set_fit_step (ConveneSession *self,
                              guint           minutes)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));

  minutes = CLAMP (minutes, 1, CONVENE_MAX_FIT_STEP);
  if (self->fit_step == minutes)
    return;
  self->fit_step = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_STEP]);
}

guint
convene_session_get_slot_minutes (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), DEFAULT_SLOT_MINUTES);
  return self->slot_minutes;
}

void
convene_session_set_slot_minutes (ConveneSession *self,
                                  guint           minutes)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));

  minutes = CLAMP (minutes, 1, CONVENE_MAX_SLOT_MINUTES);
  if (self->slot_minutes == minutes)
    return;
  self->slot_minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLOT_MINUTES]);
}

const char *
convene_session_get_room (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), "");
  return self->room;
}

void
convene_session_set_room (ConveneSession *self,
                          const char     *room)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  if (convene_model_replace_string (&self->room, room))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOM]);
}

const char *
convene_session_get_description (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), "");
  return self->description;
}

void
convene_session_set_description (ConveneSession *self,
                                 const char     *description)
{
  g_return_if_fail (CONVENE_IS_SESSION (self));
  if (convene_model_replace_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

GListStore *
convene_session_get_segments (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return self->segments;
}

GListStore *
convene_session_get_outcomes (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return self->outcomes;
}

static gboolean
find_in_list (GListStore  *list,
              gint64       segment_id,
              guint       *out_position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (convene_segment_get_id (segment) == segment_id)
        {
          *out_position = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
convene_session_locate_segment (ConveneSession  *self,
                                gint64           segment_id,
                                GListStore     **out_list,
                                guint           *out_position,
                                ConveneSegment **out_parent)
{
  guint n, position;

  g_return_val_if_fail (CONVENE_IS_SESSION (self), FALSE);

  if (find_in_list (self->segments, segment_id, &position))
    {
      if (out_list != NULL)
        *out_list = self->segments;
      if (out_position != NULL)
        *out_position = position;
      if (out_parent != NULL)
        *out_parent = NULL;
      return TRUE;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->segments));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSegment) parent = g_list_model_get_item (G_LIST_MODEL (self->segments), i);
      GListStore *items = convene_segment_get_items (parent);

      if (find_in_list (items, segment_id, &position))
        {
          if (out_list != NULL)
            *out_list = items;
          if (out_position != NULL)
            *out_position = position;
          /* Borrowed: the session's list keeps the parent alive. */
          if (out_parent != NULL)
            *out_parent = parent;
          return TRUE;
        }
    }

  return FALSE;
}

GListStore *
convene_session_get_live_events (ConveneSession *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (self), NULL);
  return self->live_events;
}
