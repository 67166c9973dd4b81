#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include "convene-model-private.h"
#include "convene-outcome.h"
#include "convene-model-watch.h"

struct _ConveneOutcome
{
  GObject parent_instance;

  gint64 id;
  ConveneOutcomeKind kind;
  char *text;
  gboolean done;
  gint64 owner_id;
  char *due_date;
  ConveneOutcomeResult result;
  char *result_note;
};

G_DEFINE_FINAL_TYPE (ConveneOutcome, convene_outcome, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TEXT,
  PROP_DONE,
  PROP_OWNER_ID,
  PROP_DUE_DATE,
  PROP_RESULT,
  PROP_RESULT_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
convene_outcome_finalize (GObject *object)
{
  ConveneOutcome *self = (ConveneOutcome *) object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->due_date, g_free);
  g_clear_pointer (&self->result_note, g_free);

  G_OBJECT_CLASS (convene_outcome_parent_class)->finalize (object);
}

static void
convene_outcome_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ConveneOutcome *self = CONVENE_OUTCOME (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;
    case PROP_DUE_DATE:
      g_value_set_string (value, self->due_date);
      break;
    case PROP_RESULT:
      g_value_set_enum (value, self->result);
      break;
    case PROP_RESULT_NOTE:
      g_value_set_string (value, self->result_note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_outcome_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ConveneOutcome *self = CONVENE_OUTCOME (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_KIND:
      convene_outcome_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_TEXT:
      convene_outcome_set_text (self, g_value_get_string (value));
      break;
    case PROP_DONE:
      convene_outcome_set_done (self, g_value_get_boolean (value));
      break;
    case PROP_OWNER_ID:
      convene_outcome_set_owner_id (self, g_value_get_int64 (value));
      break;
    case PROP_DUE_DATE:
      convene_outcome_set_due_date (self, g_value_get_string (value));
      break;
    case PROP_RESULT:
      convene_outcome_set_result (self, g_value_get_enum (value));
      break;
    case PROP_RESULT_NOTE:
      convene_outcome_set_result_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_outcome_class_init (ConveneOutcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* The store hears of changes through one hook, not a handler per object. */
  object_class->notify = _convene_model_notify;

  object_class->finalize = convene_outcome_finalize;
  object_class->get_property = convene_outcome_get_property;
  object_class->set_property = convene_outcome_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CONVENE_TYPE_OUTCOME_KIND, CONVENE_OUTCOME_KIND_OBJECTIVE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE_DATE] =
    g_param_spec_string ("due-date", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESULT] =
    g_param_spec_enum ("result", NULL, NULL, CONVENE_TYPE_OUTCOME_RESULT, CONVENE_OUTCOME_RESULT_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESULT_NOTE] =
    g_param_spec_string ("result-note", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
convene_outcome_init (ConveneOutcome *self)
{
  self->kind = CONVENE_OUTCOME_KIND_OBJECTIVE;
  self->text = g_strdup ("");
  self->due_date = g_strdup ("");
  self->result = CONVENE_OUTCOME_RESULT_NONE;
  self->result_note = g_strdup ("");
}

ConveneOutcome *
convene_outcome_new (gint64              id,
                     ConveneOutcomeKind  kind,
                     const char         *text)
{
  ConveneOutcome *self = g_object_new (CONVENE_TYPE_OUTCOME, "id", id, NULL);

  if ((guint) kind < CONVENE_N_OUTCOME_KINDS)
    self->kind = kind;
  convene_model_replace_string (&self->text, text);
  return self;
}

gint64
convene_outcome_get_id (ConveneOutcome *self)
{
  g_return_val_if_fail (CONVENE_IS_OUTCOME (self), 0);
  return self->id;
}

ConveneOutcomeKind
convene_outcome_get_kind (ConveneOutcome *self)
{
  g_return_val_if_fail (CONVENE_IS_OUTCOME (self), CONVENE_OUTCOME_KIND_OBJECTIVE);
  return self->kind;
}

void
convene_outcome_set_kind (ConveneOutcome     *self,
                          ConveneOutcomeKind  kind)
{
  g_return_if_fail (CONVENE_IS_OUTCOME (self));
  g_return_if_fail ((guint) kind < CONVENE_N_OUTCOME_KINDS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
convene_outcome_get_text (ConveneOutcome *self)
{
  g_return_val_if_fail (CONVENE_IS_OUTCOME (self), "");
  return self->text;
}

void
convene_outcome_set_text (ConveneOutcome *self,
                          const char     *text)
{
  g_return_if_fail (CONVENE_IS_OUTCOME (self));
  if (convene_model_replace_string (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

gboolean
convene_outcome_get_done (ConveneOutcome *self)
{
  g_return_val_if_fail (CONVENE_IS_OUTCOME (self), FALSE);
  return self->done;
}

void
convene_outcome_set_done (ConveneOutcome *self,
                          gboolean        done)
{
  g_return_if_fail (CONVENE_IS_OUTCOME (self));

  done = !!done;
  if (self->done == done)
    return;
  self->done = done;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

gint64
convene_outcome_get_owner_id (ConveneOutcome *self)
{
  g_return_val_if_fail (CONVENE_IS_OUTCOME (self), 0);
  return self->owner_id;
}

void
convene_outcome_set_owner_id (ConveneOutcome *self,
                              gint64          speaker_id)
{
  g_return_if_fail (CONVENE_IS_OUTCOME (self));

  speaker_id = MAX (speaker_id, 0);
  if (self->owner_id == speaker_id)
    return;
  self->owner_id = speaker_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

const char *
convene_outcome_get_due_date (ConveneOutcome *self)
{
  g_return_val_if_fail (CONVENE_IS_OUTCOME (self), "");
  return self->due_date;
}

void
convene_outcome_set_due_date (ConveneOutcome *self,
                              const char     *date)
{
  g_return_if_fail (CONVENE_IS_OUTCOME (self));
  if (convene_model_replace_string (&self->due_date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE]);
}

ConveneOutcomeResult
convene_outcome_get_result (ConveneOutcome *self)
{
  g_return_val_if_fail (CONVENE_IS_OUTCOME (self), CONVENE_OUTCOME_RESULT_NONE);
  return self->result;
}

void
convene_outcome_set_result (ConveneOutcome       *self,
                            ConveneOutcomeResult  result)
{
  g_return_if_fail (CONVENE_IS_OUTCOME (self));
  g_return_if_fail ((guint) result < CONVENE_N_OUTCOME_RESULTS);

  if (self->result == result)
    return;
  self->result = result;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

const char *
convene_outcome_get_result_note (ConveneOutcome *self)
{
  g_return_val_if_fail (CONVENE_IS_OUTCOME (self), "");
  return self->result_note;
}

void
convene_outcome_set_result_note (ConveneOutcome *self,
                                 const char     *note)
{
  g_return_if_fail (CONVENE_IS_OUTCOME (self));
  if (convene_model_replace_string (&self->result_note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT_NOTE]);
}
