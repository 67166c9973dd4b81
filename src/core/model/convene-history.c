#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include "convene-history.h"

struct _ConveneHistory
{
  GObject parent_instance;

  /* The last element of each array is the top of its stack. */
  GPtrArray *undo;
  GPtrArray *redo;
};

G_DEFINE_FINAL_TYPE (ConveneHistory, convene_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  char *undo_label;
  char *redo_label;
} State;

static void
state_capture (ConveneHistory *self,
               State          *state)
{
  state->can_undo = convene_history_get_can_undo (self);
  state->can_redo = convene_history_get_can_redo (self);
  state->undo_label = g_strdup (convene_history_get_undo_label (self));
  state->redo_label = g_strdup (convene_history_get_redo_label (self));
}

/* Notifies what differs from before, then frees before. */
static void
state_notify_changes (ConveneHistory *self,
                      State          *before)
{
  State after;

  state_capture (self, &after);

  g_object_freeze_notify (G_OBJECT (self));
  if (before->can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before->can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (g_strcmp0 (before->undo_label, after.undo_label) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (g_strcmp0 (before->redo_label, after.redo_label) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));

  g_free (before->undo_label);
  g_free (before->redo_label);
  g_free (after.undo_label);
  g_free (after.redo_label);
}

static void
convene_history_finalize (GObject *object)
{
  ConveneHistory *self = (ConveneHistory *) object;

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (convene_history_parent_class)->finalize (object);
}

static void
convene_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ConveneHistory *self = CONVENE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, convene_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, convene_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, convene_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, convene_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_history_class_init (ConveneHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = convene_history_finalize;
  object_class->get_property = convene_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
convene_history_init (ConveneHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo = g_ptr_array_new_with_free_func (g_object_unref);
}

ConveneHistory *
convene_history_new (void)
{
  return g_object_new (CONVENE_TYPE_HISTORY, NULL);
}

static ConveneCommand *
stack_top (GPtrArray *stack)
{
  return stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

void
convene_history_push (ConveneHistory *self,
                      ConveneCommand *command)
{
  State before;

  g_return_if_fail (CONVENE_IS_HISTORY (self));
  g_return_if_fail (CONVENE_IS_COMMAND (command));

  state_capture (self, &before);
  g_ptr_array_add (self->undo, g_object_ref (command));
  g_ptr_array_set_size (self->redo, 0);
  state_notify_changes (self, &before);
}

ConveneCommand *
convene_history_peek_undo (ConveneHistory *self)
{
  g_return_val_if_fail (CONVENE_IS_HISTORY (self), NULL);
  return stack_top (self->undo);
}

ConveneCommand *
convene_history_peek_redo (ConveneHistory *self)
{
  g_return_val_if_fail (CONVENE_IS_HISTORY (self), NULL);
  return stack_top (self->redo);
}

static void
move_top (ConveneHistory *self,
          GPtrArray      *from,
          GPtrArray      *to)
{
  State before;

  g_return_if_fail (from->len > 0);

  state_capture (self, &before);
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  state_notify_changes (self, &before);
}

void
convene_history_did_undo (ConveneHistory *self)
{
  g_return_if_fail (CONVENE_IS_HISTORY (self));
  move_top (self, self->undo, self->redo);
}

void
convene_history_did_redo (ConveneHistory *self)
{
  g_return_if_fail (CONVENE_IS_HISTORY (self));
  move_top (self, self->redo, self->undo);
}

gboolean
convene_history_get_can_undo (ConveneHistory *self)
{
  g_return_val_if_fail (CONVENE_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
convene_history_get_can_redo (ConveneHistory *self)
{
  g_return_val_if_fail (CONVENE_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

const char *
convene_history_get_undo_label (ConveneHistory *self)
{
  ConveneCommand *top;

  g_return_val_if_fail (CONVENE_IS_HISTORY (self), NULL);
  top = stack_top (self->undo);
  return top != NULL ? convene_command_get_label (top) : NULL;
}

const char *
convene_history_get_redo_label (ConveneHistory *self)
{
  ConveneCommand *top;

  g_return_val_if_fail (CONVENE_IS_HISTORY (self), NULL);
  top = stack_top (self->redo);
  return top != NULL ? convene_command_get_label (top) : NULL;
}

void
convene_history_clear (ConveneHistory *self)
{
  State before;

  g_return_if_fail (CONVENE_IS_HISTORY (self));

  state_capture (self, &before);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  state_notify_changes (self, &before);
}
