#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include "convene-assignment.h"
#include "convene-model-watch.h"

struct _ConveneAssignment
{
  GObject parent_instance;

  gint64 id;
  gint64 speaker_id;
  gint64 segment_id;
  gint64 session_id;
  ConveneRole role;
};

G_DEFINE_FINAL_TYPE (ConveneAssignment, convene_assignment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SPEAKER_ID,
  PROP_SEGMENT_ID,
  PROP_SESSION_ID,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_reference (ConveneAssignment *self,
               gint64            *field,
               gint64             value,
               guint              prop_id)
{
  value = MAX (value, 0);
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
convene_assignment_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ConveneAssignment *self = CONVENE_ASSIGNMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_SPEAKER_ID:
      g_value_set_int64 (value, self->speaker_id);
      break;
    case PROP_SEGMENT_ID:
      g_value_set_int64 (value, self->segment_id);
      break;
    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_assignment_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ConveneAssignment *self = CONVENE_ASSIGNMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_SPEAKER_ID:
      set_reference (self, &self->speaker_id, g_value_get_int64 (value), prop_id);
      break;
    case PROP_SEGMENT_ID:
      set_reference (self, &self->segment_id, g_value_get_int64 (value), prop_id);
      break;
    case PROP_SESSION_ID:
      set_reference (self, &self->session_id, g_value_get_int64 (value), prop_id);
      break;
    case PROP_ROLE:
      convene_assignment_set_role (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_assignment_class_init (ConveneAssignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* The store hears of changes through one hook, not a handler per object. */
  object_class->notify = _convene_model_notify;

  object_class->get_property = convene_assignment_get_property;
  object_class->set_property = convene_assignment_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEAKER_ID] =
    g_param_spec_int64 ("speaker-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT_ID] =
    g_param_spec_int64 ("segment-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, CONVENE_TYPE_ROLE, CONVENE_ROLE_PRESENTER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
convene_assignment_init (ConveneAssignment *self)
{
  self->role = CONVENE_ROLE_PRESENTER;
}

ConveneAssignment *
convene_assignment_new_for_segment (gint64      id,
                                    gint64      speaker_id,
                                    gint64      segment_id,
                                    ConveneRole role)
{
  ConveneAssignment *self = g_object_new (CONVENE_TYPE_ASSIGNMENT, "id", id, NULL);

  self->speaker_id = MAX (speaker_id, 0);
  self->segment_id = MAX (segment_id, 0);
  if ((guint) role < CONVENE_N_ROLES)
    self->role = role;
  return self;
}

ConveneAssignment *
convene_assignment_new_for_session (gint64      id,
                                    gint64      speaker_id,
                                    gint64      session_id,
                                    ConveneRole role)
{
  ConveneAssignment *self = g_object_new (CONVENE_TYPE_ASSIGNMENT, "id", id, NULL);

  self->speaker_id = MAX (speaker_id, 0);
  self->session_id = MAX (session_id, 0);
  if ((guint) role < CONVENE_N_ROLES)
    self->role = role;
  return self;
}

gint64
convene_assignment_get_id (ConveneAssignment *self)
{
  g_return_val_if_fail (CONVENE_IS_ASSIGNMENT (self), 0);
  return self->id;
}

gint64
convene_assignment_get_speaker_id (ConveneAssignment *self)
{
  g_return_val_if_fail (CONVENE_IS_ASSIGNMENT (self), 0);
  return self->speaker_id;
}

gint64
convene_assignment_get_segment_id (ConveneAssignment *self)
{
  g_return_val_if_fail (CONVENE_IS_ASSIGNMENT (self), 0);
  return self->segment_id;
}

gint64
convene_assignment_get_session_id (ConveneAssignment *self)
{
  g_return_val_if_fail (CONVENE_IS_ASSIGNMENT (self), 0);
  return self->session_id;
}

ConveneRole
convene_assignment_get_role (ConveneAssignment *self)
{
  g_return_val_if_fail (CONVENE_IS_ASSIGNMENT (self), CONVENE_ROLE_PRESENTER);
  return self->role;
}

void
convene_assignment_set_role (ConveneAssignment *self,
                             ConveneRole        role)
{
  g_return_if_fail (CONVENE_IS_ASSIGNMENT (self));
  g_return_if_fail ((guint) role < CONVENE_N_ROLES);

  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}
