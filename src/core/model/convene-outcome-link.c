#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include "convene-outcome-link.h"
#include "convene-model-watch.h"

struct _ConveneOutcomeLink
{
  GObject parent_instance;

  gint64 id;
  gint64 outcome_id;
  gint64 segment_id;
};

G_DEFINE_FINAL_TYPE (ConveneOutcomeLink, convene_outcome_link, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_OUTCOME_ID,
  PROP_SEGMENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
convene_outcome_link_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ConveneOutcomeLink *self = CONVENE_OUTCOME_LINK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_OUTCOME_ID:
      g_value_set_int64 (value, self->outcome_id);
      break;
    case PROP_SEGMENT_ID:
      g_value_set_int64 (value, self->segment_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_outcome_link_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ConveneOutcomeLink *self = CONVENE_OUTCOME_LINK (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_OUTCOME_ID:
      self->outcome_id = g_value_get_int64 (value);
      break;
    case PROP_SEGMENT_ID:
      self->segment_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_outcome_link_class_init (ConveneOutcomeLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* The store hears of changes through one hook, not a handler per object. */
  object_class->notify = _convene_model_notify;

  object_class->get_property = convene_outcome_link_get_property;
  object_class->set_property = convene_outcome_link_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOME_ID] =
    g_param_spec_int64 ("outcome-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT_ID] =
    g_param_spec_int64 ("segment-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
convene_outcome_link_init (ConveneOutcomeLink *self)
{
}

ConveneOutcomeLink *
convene_outcome_link_new (gint64 id,
                          gint64 outcome_id,
                          gint64 segment_id)
{
  return g_object_new (CONVENE_TYPE_OUTCOME_LINK,
                       "id", MAX (id, 0),
                       "outcome-id", MAX (outcome_id, 0),
                       "segment-id", MAX (segment_id, 0),
                       NULL);
}

gint64
convene_outcome_link_get_id (ConveneOutcomeLink *self)
{
  g_return_val_if_fail (CONVENE_IS_OUTCOME_LINK (self), 0);
  return self->id;
}

gint64
convene_outcome_link_get_outcome_id (ConveneOutcomeLink *self)
{
  g_return_val_if_fail (CONVENE_IS_OUTCOME_LINK (self), 0);
  return self->outcome_id;
}

gint64
convene_outcome_link_get_segment_id (ConveneOutcomeLink *self)
{
  g_return_val_if_fail (CONVENE_IS_OUTCOME_LINK (self), 0);
  return self->segment_id;
}
