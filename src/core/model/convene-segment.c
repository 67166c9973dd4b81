#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include "convene-model-private.h"
#include "convene-limits.h"
#include "convene-segment.h"
#include "convene-model-watch.h"

struct _ConveneSegment
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  ConveneSegmentKind kind;
  char *title;
  char *notes;
  char *cues;
  guint duration;
  int fixed_start;
  gboolean has_target;
  guint min_length;
  guint max_length;
  gboolean locked;
  GListStore *items;
};

G_DEFINE_FINAL_TYPE (ConveneSegment, convene_segment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_KIND,
  PROP_TITLE,
  PROP_NOTES,
  PROP_CUES,
  PROP_DURATION,
  PROP_FIXED_START,
  PROP_HAS_TARGET,
  PROP_MIN_LENGTH,
  PROP_MAX_LENGTH,
  PROP_LOCKED,
  PROP_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
convene_segment_finalize (GObject *object)
{
  ConveneSegment *self = (ConveneSegment *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->cues, g_free);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (convene_segment_parent_class)->finalize (object);
}

static void
convene_segment_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ConveneSegment *self = CONVENE_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_CUES:
      g_value_set_string (value, self->cues);
      break;
    case PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;
    case PROP_FIXED_START:
      g_value_set_int (value, self->fixed_start);
      break;
    case PROP_HAS_TARGET:
      g_value_set_boolean (value, self->has_target);
      break;
    case PROP_MIN_LENGTH:
      g_value_set_uint (value, self->min_length);
      break;
    case PROP_MAX_LENGTH:
      g_value_set_uint (value, self->max_length);
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_segment_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ConveneSegment *self = CONVENE_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_UUID:
      /* Construct-only: NULL leaves the fresh one constructed() makes. */
      if (g_value_get_string (value) != NULL && g_uuid_string_is_valid (g_value_get_string (value)))
        convene_model_replace_uuid (&self->uuid, g_value_get_string (value));
      break;
    case PROP_KIND:
      convene_segment_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_TITLE:
      convene_segment_set_title (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      convene_segment_set_notes (self, g_value_get_string (value));
      break;
    case PROP_CUES:
      convene_segment_set_cues (self, g_value_get_string (value));
      break;
    case PROP_DURATION:
      convene_segment_set_duration (self, g_value_get_uint (value));
      break;
    case PROP_FIXED_START:
      convene_segment_set_fixed_start (self, g_value_get_int (value));
      break;
    case PROP_HAS_TARGET:
      convene_segment_set_has_target (self, g_value_get_boolean (value));
      break;
    case PROP_MIN_LENGTH:
      convene_segment_set_min_length (self, g_value_get_uint (value));
      break;
    case PROP_MAX_LENGTH:
      convene_segment_set_max_length (self, g_value_get_uint (value));
      break;
    case PROP_LOCKED:
      convene_segment_set_locked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A segment read from a file gets the UUID it was saved with at once: making
 * a random one first, to replace it, was 6 % of opening 10,000 segments. */
static void
convene_segment_constructed (GObject *object)
{
  ConveneSegment *self = CONVENE_SEGMENT (object);

  G_OBJECT_CLASS (convene_segment_parent_class)->constructed (object);

  if (self->uuid == NULL)
    self->uuid = g_uuid_string_random ();
}

static void
convene_segment_class_init (ConveneSegmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* The store hears of changes through one hook, not a handler per object. */
  object_class->notify = _convene_model_notify;

  object_class->constructed = convene_segment_constructed;
  object_class->finalize = convene_segment_finalize;
  object_class->get_property = convene_segment_get_property;
  object_class->set_property = convene_segment_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CONVENE_TYPE_SEGMENT_KIND, CONVENE_SEGMENT_KIND_CUSTOM,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUES] =
    g_param_spec_string ("cues", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DURATION] =
    g_param_spec_uint ("duration", NULL, NULL, 0, CONVENE_MAX_DURATION_MINUTES, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIXED_START] =
    g_param_spec_int ("fixed-start", NULL, NULL,
                      CONVENE_NO_FIXED_START, CONVENE_MINUTES_PER_DAY - 1, CONVENE_NO_FIXED_START,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_TARGET] =
    g_param_spec_boolean ("has-target", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_LENGTH] =
    g_param_spec_uint ("min-length", NULL, NULL, 0, CONVENE_MAX_DURATION_MINUTES, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_LENGTH] =
    g_param_spec_uint ("max-length", NULL, NULL, 0, CONVENE_MAX_DURATION_MINUTES, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
convene_segment_init (ConveneSegment *self)
{
  self->kind = CONVENE_SEGMENT_KIND_CUSTOM;
  self->title = g_strdup ("");
  self->notes = g_strdup ("");
  self->cues = g_strdup ("");
  self->fixed_start = CONVENE_NO_FIXED_START;
  self->items = g_list_store_new (CONVENE_TYPE_SEGMENT);
}

ConveneSegment *
convene_segment_new (gint64              id,
                     ConveneSegmentKind  kind,
                     const char         *title,
                     guint               duration)
{
  return convene_segment_new_with_uuid (id, NULL, kind, title, duration);
}

ConveneSegment *
convene_segment_new_with_uuid (gint64              id,
                               const char         *uuid,
                               ConveneSegmentKind  kind,
                               const char         *title,
                               guint               duration)
{
  ConveneSegment *self;

  g_return_val_if_fail (uuid == NULL || g_uuid_string_is_valid (uuid), NULL);

  self = g_object_new (CONVENE_TYPE_SEGMENT, "id", id, "uuid", uuid, NULL);

  if ((guint) kind < CONVENE_N_SEGMENT_KINDS)
    self->kind = kind;
  convene_model_replace_string (&self->title, title);
  self->duration = MIN (duration, CONVENE_MAX_DURATION_MINUTES);
  return self;
}

gint64
convene_segment_get_id (ConveneSegment *self)
{
  g_return_val_if_fail (CONVENE_IS_SEGMENT (self), 0);
  return self->id;
}

const char *
convene_segment_get_uuid (ConveneSegment *self)
{
  g_return_val_if_fail (CONVENE_IS_SEGMENT (self), NULL);
  return self->uuid;
}

void
convene_segment_set_uuid (ConveneSegment *self,
                          const char     *uuid)
{
  g_return_if_fail (CONVENE_IS_SEGMENT (self));
  g_return_if_fail (uuid != NULL && g_uuid_string_is_valid (uuid));

  if (convene_model_replace_uuid (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

ConveneSegmentKind
convene_segment_get_kind (ConveneSegment *self)
{
  g_return_val_if_fail (CONVENE_IS_SEGMENT (self), CONVENE_SEGMENT_KIND_CUSTOM);
  return self->kind;
}

void
convene_segment_set_kind (ConveneSegment     *self,
                          ConveneSegmentKind  kind)
{
  g_return_if_fail (CONVENE_IS_SEGMENT (self));
  g_return_if_fail ((guint) kind < CONVENE_N_SEGMENT_KINDS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
convene_segment_get_title (ConveneSegment *self)
{
  g_return_val_if_fail (CONVENE_IS_SEGMENT (self), "");
  return self->title;
}

void
convene_segment_set_title (ConveneSegment *self,
                           const char     *title)
{
  g_return_if_fail (CONVENE_IS_SEGMENT (self));
  if (convene_model_replace_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

guint
convene_segment_get_duration (ConveneSegment *self)
{
  g_return_val_if_fail (CONVENE_IS_SEGMENT (self), 0);
  return self->duration;
}

void
convene_segment_set_duration (ConveneSegment *self,
                              guint           minutes)
{
  g_return_if_fail (CONVENE_IS_SEGMENT (self));

  minutes = MIN (minutes, CONVENE_MAX_DURATION_MINUTES);
  if (self->duration == minutes)
    return;
  self->duration = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

const char *
convene_segment_get_notes (ConveneSegment *self)
{
  g_return_val_if_fail (CONVENE_IS_SEGMENT (self), "");
  return self->notes;
}

void
convene_segment_set_notes (ConveneSegment *self,
                           const char     *notes)
{
  g_return_if_fail (CONVENE_IS_SEGMENT (self));
  if (convene_model_replace_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

const char *
convene_segment_get_cues (ConveneSegment *self)
{
  g_return_val_if_fail (CONVENE_IS_SEGMENT (self), "");
  return self->cues;
}

void
convene_segment_set_cues (ConveneSegment *self,
                          const char     *cues)
{
  g_return_if_fail (CONVENE_IS_SEGMENT (self));
  if (convene_model_replace_string (&self->cues, cues))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUES]);
}

int
convene_segment_get_fixed_start (ConveneSegment *self)
{
  g_return_val_if_fail (CONVENE_IS_SEGMENT (self), CONVENE_NO_FIXED_START);
  return self->fixed_start;
}

void
convene_segment_set_fixed_start (ConveneSegment *self,
                                 int             minutes)
{
  g_return_if_fail (CONVENE_IS_SEGMENT (self));

  /* Anything that is not a time of day means "not pinned". */
  if (minutes < 0 || minutes >= CONVENE_MINUTES_PER_DAY)
    minutes = CONVENE_NO_FIXED_START;
  if (self->fixed_start == minutes)
    return;
  self->fixed_start = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIXED_START]);
}

gboolean
convene_segment_get_has_target (ConveneSegment *self)
{
  g_return_val_if_fail (CONVENE_IS_SEGMENT (self), FALSE);
  return self->has_target;
}

void
convene_segment_set_has_target (ConveneSegment *self,
                                gboolean        has_target)
{
  g_return_if_fail (CONVENE_IS_SEGMENT (self));

  has_target = !!has_target;
  if (self->has_target == has_target)
    return;
  self->has_target = has_target;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_TARGET]);
}

guint
convene_segment_get_min_length (ConveneSegment *self)
{
  g_return_val_if_fail (CONVENE_IS_SEGMENT (self), 0);
  return self->min_length;
}

void
convene_segment_set_min_length (ConveneSegment *self,
                                guint           minutes)
{
  g_return_if_fail (CONVENE_IS_SEGMENT (self));

  minutes = MIN (minutes, CONVENE_MAX_DURATION_MINUTES);
  if (self->min_length == minutes)
    return;
  self->min_length = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_LENGTH]);
}

guint
convene_segment_get_max_length (ConveneSegment *self)
{
  g_return_val_if_fail (CONVENE_IS_SEGMENT (self), 0);
  return self->max_length;
}

void
convene_segment_set_max_length (ConveneSegment *self,
                                guint           minutes)
{
  g_return_if_fail (CONVENE_IS_SEGMENT (self));

  minutes = MIN (minutes, CONVENE_MAX_DURATION_MINUTES);
  if (self->max_length == minutes)
    return;
  self->max_length = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_LENGTH]);
}

gboolean
convene_segment_get_locked (ConveneSegment *self)
{
  g_return_val_if_fail (CONVENE_IS_SEGMENT (self), FALSE);
  return self->locked;
}

void
convene_segment_set_locked (ConveneSegment *self,
                            gboolean        locked)
{
  g_return_if_fail (CONVENE_IS_SEGMENT (self));

  locked = !!locked;
  if (self->locked == locked)
    return;
  self->locked = locked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

void
convene_segment_copy_fit_settings (ConveneSegment *self,
                                   ConveneSegment *from)
{
  g_return_if_fail (CONVENE_IS_SEGMENT (self));
  g_return_if_fail (CONVENE_IS_SEGMENT (from));

  convene_segment_set_min_length (self, from->min_length);
  convene_segment_set_max_length (self, from->max_length);
  convene_segment_set_locked (self, from->locked);
}

guint
convene_segment_get_length (ConveneSegment *self)
{
  GListModel *items;
  guint n, total = 0;

  g_return_val_if_fail (CONVENE_IS_SEGMENT (self), 0);

  items = G_LIST_MODEL (self->items);
  n = g_list_model_get_n_items (items);
  if (n == 0)
    return self->duration;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSegment) item = g_list_model_get_item (items, i);

      total += item->duration;
    }
  return total;
}

GListStore *
convene_segment_get_items (ConveneSegment *self)
{
  g_return_val_if_fail (CONVENE_IS_SEGMENT (self), NULL);
  return self->items;
}
