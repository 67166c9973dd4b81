#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include "convene-command.h"

/* ConveneCommand: the base class carries the label. */

typedef struct
{
  char *label;
} ConveneCommandPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (ConveneCommand, convene_command, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
convene_command_finalize (GObject *object)
{
  ConveneCommand *self = (ConveneCommand *) object;
  ConveneCommandPrivate *priv = convene_command_get_instance_private (self);

  g_clear_pointer (&priv->label, g_free);

  G_OBJECT_CLASS (convene_command_parent_class)->finalize (object);
}

static void
convene_command_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ConveneCommand *self = CONVENE_COMMAND (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, convene_command_get_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_command_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ConveneCommand *self = CONVENE_COMMAND (object);
  ConveneCommandPrivate *priv = convene_command_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_free (priv->label);
      priv->label = g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_command_real_noop (ConveneCommand *self)
{
}

static void
convene_command_class_init (ConveneCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = convene_command_finalize;
  object_class->get_property = convene_command_get_property;
  object_class->set_property = convene_command_set_property;

  klass->apply = convene_command_real_noop;
  klass->revert = convene_command_real_noop;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
convene_command_init (ConveneCommand *self)
{
}

const char *
convene_command_get_label (ConveneCommand *self)
{
  ConveneCommandPrivate *priv;

  g_return_val_if_fail (CONVENE_IS_COMMAND (self), NULL);

  priv = convene_command_get_instance_private (self);
  return priv->label != NULL ? priv->label : "";
}

void
convene_command_apply (ConveneCommand *self)
{
  g_return_if_fail (CONVENE_IS_COMMAND (self));
  CONVENE_COMMAND_GET_CLASS (self)->apply (self);
}

void
convene_command_revert (ConveneCommand *self)
{
  g_return_if_fail (CONVENE_IS_COMMAND (self));
  CONVENE_COMMAND_GET_CLASS (self)->revert (self);
}

/* Set one property. */

#define CONVENE_TYPE_SET_PROPERTY_COMMAND (convene_set_property_command_get_type ())
G_DECLARE_FINAL_TYPE (ConveneSetPropertyCommand, convene_set_property_command,
                      CONVENE, SET_PROPERTY_COMMAND, ConveneCommand)

struct _ConveneSetPropertyCommand
{
  ConveneCommand parent_instance;

  GObject *target;
  GParamSpec *pspec;
  GValue value;
  GValue old_value;
};

G_DEFINE_FINAL_TYPE (ConveneSetPropertyCommand, convene_set_property_command, CONVENE_TYPE_COMMAND)

static void
convene_set_property_command_apply (ConveneCommand *command)
{
  ConveneSetPropertyCommand *self = (ConveneSetPropertyCommand *) command;

  /* Captured now rather than at construction: inside a group an earlier
   * child may have changed the same property. */
  if (G_IS_VALUE (&self->old_value))
    g_value_unset (&self->old_value);
  g_value_init (&self->old_value, self->pspec->value_type);
  g_object_get_property (self->target, self->pspec->name, &self->old_value);
  g_object_set_property (self->target, self->pspec->name, &self->value);
}

static void
convene_set_property_command_revert (ConveneCommand *command)
{
  ConveneSetPropertyCommand *self = (ConveneSetPropertyCommand *) command;

  g_return_if_fail (G_IS_VALUE (&self->old_value));
  g_object_set_property (self->target, self->pspec->name, &self->old_value);
}

static void
convene_set_property_command_finalize (GObject *object)
{
  ConveneSetPropertyCommand *self = (ConveneSetPropertyCommand *) object;

  g_clear_object (&self->target);
  g_clear_pointer (&self->pspec, g_param_spec_unref);
  if (G_IS_VALUE (&self->value))
    g_value_unset (&self->value);
  if (G_IS_VALUE (&self->old_value))
    g_value_unset (&self->old_value);

  G_OBJECT_CLASS (convene_set_property_command_parent_class)->finalize (object);
}

static void
convene_set_property_command_class_init (ConveneSetPropertyCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ConveneCommandClass *command_class = CONVENE_COMMAND_CLASS (klass);

  object_class->finalize = convene_set_property_command_finalize;
  command_class->apply = convene_set_property_command_apply;
  command_class->revert = convene_set_property_command_revert;
}

static void
convene_set_property_command_init (ConveneSetPropertyCommand *self)
{
}

static GParamSpec *
find_writable_property (GObject    *target,
                        const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target), property);

  if (pspec == NULL || !(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
    return NULL;
  return pspec;
}

ConveneCommand *
convene_command_set_property_new (const char   *label,
                                  GObject      *target,
                                  const char   *property,
                                  const GValue *value)
{
  ConveneSetPropertyCommand *self;
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (target), NULL);
  g_return_val_if_fail (property != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  pspec = find_writable_property (target, property);
  g_return_val_if_fail (pspec != NULL, NULL);
  g_return_val_if_fail (g_value_type_transformable (G_VALUE_TYPE (value), pspec->value_type), NULL);

  self = g_object_new (CONVENE_TYPE_SET_PROPERTY_COMMAND, "label", label, NULL);
  self->target = g_object_ref (target);
  self->pspec = g_param_spec_ref (pspec);
  g_value_init (&self->value, pspec->value_type);
  if (!g_value_transform (value, &self->value))
    {
      g_object_unref (self);
      g_return_val_if_reached (NULL);
    }

  return CONVENE_COMMAND (self);
}

ConveneCommand *
convene_command_set_string_new (const char *label,
                                gpointer    target,
                                const char *property,
                                const char *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  return convene_command_set_property_new (label, target, property, &gvalue);
}

ConveneCommand *
convene_command_set_int_new (const char *label,
                             gpointer    target,
                             const char *property,
                             gint64      value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  GParamSpec *pspec;
  GType type;

  g_return_val_if_fail (G_IS_OBJECT (target), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  pspec = find_writable_property (target, property);
  g_return_val_if_fail (pspec != NULL, NULL);

  /* Build the value in the property's own type so no transform can lose
   * an enum or a 64-bit identifier. */
  type = pspec->value_type;
  g_value_init (&gvalue, type);
  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_INT:
      g_value_set_int (&gvalue, (int) CLAMP (value, G_MININT, G_MAXINT));
      break;
    case G_TYPE_UINT:
      g_value_set_uint (&gvalue, (guint) CLAMP (value, 0, G_MAXUINT));
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (&gvalue, value);
      break;
    case G_TYPE_UINT64:
      g_value_set_uint64 (&gvalue, (guint64) MAX (value, 0));
      break;
    case G_TYPE_LONG:
      g_value_set_long (&gvalue, (glong) CLAMP (value, G_MINLONG, G_MAXLONG));
      break;
    case G_TYPE_ULONG:
      g_value_set_ulong (&gvalue, (gulong) CLAMP (value, 0, (gint64) G_MAXLONG));
      break;
    case G_TYPE_ENUM:
      g_value_set_enum (&gvalue, (int) CLAMP (value, G_MININT, G_MAXINT));
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (&gvalue, value != 0);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  return convene_command_set_property_new (label, target, property, &gvalue);
}

/* Insert an item into a list. */

#define CONVENE_TYPE_INSERT_COMMAND (convene_insert_command_get_type ())
G_DECLARE_FINAL_TYPE (ConveneInsertCommand, convene_insert_command,
                      CONVENE, INSERT_COMMAND, ConveneCommand)

struct _ConveneInsertCommand
{
  ConveneCommand parent_instance;

  GListStore *list;
  guint position;
  GObject *item;
};

G_DEFINE_FINAL_TYPE (ConveneInsertCommand, convene_insert_command, CONVENE_TYPE_COMMAND)

static void
convene_insert_command_apply (ConveneCommand *command)
{
  ConveneInsertCommand *self = (ConveneInsertCommand *) command;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  g_list_store_insert (self->list, MIN (self->position, n), self->item);
}

static void
convene_insert_command_revert (ConveneCommand *command)
{
  ConveneInsertCommand *self = (ConveneInsertCommand *) command;
  guint position;

  if (g_list_store_find (self->list, self->item, &position))
    g_list_store_remove (self->list, position);
}

static void
convene_insert_command_finalize (GObject *object)
{
  ConveneInsertCommand *self = (ConveneInsertCommand *) object;

  g_clear_object (&self->list);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (convene_insert_command_parent_class)->finalize (object);
}

static void
convene_insert_command_class_init (ConveneInsertCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = convene_insert_command_finalize;
  CONVENE_COMMAND_CLASS (klass)->apply = convene_insert_command_apply;
  CONVENE_COMMAND_CLASS (klass)->revert = convene_insert_command_revert;
}

static void
convene_insert_command_init (ConveneInsertCommand *self)
{
}

ConveneCommand *
convene_command_insert_new (const char *label,
                            GListStore *list,
                            guint       position,
                            gpointer    item)
{
  ConveneInsertCommand *self;

  g_return_val_if_fail (G_IS_LIST_STORE (list), NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);
  g_return_val_if_fail (g_type_is_a (G_OBJECT_TYPE (item),
                                     g_list_model_get_item_type (G_LIST_MODEL (list))), NULL);

  self = g_object_new (CONVENE_TYPE_INSERT_COMMAND, "label", label, NULL);
  self->list = g_object_ref (list);
  self->position = position;
  self->item = g_object_ref (item);
  return CONVENE_COMMAND (self);
}

/* Insert many items into a list at once: one items-changed, so whoever
 * follows the list (the file, the views) hears of them once, and undo
 * takes them out in one splice instead of looking for each. */

#define CONVENE_TYPE_INSERT_MANY_COMMAND (convene_insert_many_command_get_type ())
G_DECLARE_FINAL_TYPE (ConveneInsertManyCommand, convene_insert_many_command,
                      CONVENE, INSERT_MANY_COMMAND, ConveneCommand)

struct _ConveneInsertManyCommand
{
  ConveneCommand parent_instance;

  GListStore *list;
  guint position;
  GPtrArray *items;  /* owned references */
};

G_DEFINE_FINAL_TYPE (ConveneInsertManyCommand, convene_insert_many_command, CONVENE_TYPE_COMMAND)

static void
convene_insert_many_command_apply (ConveneCommand *command)
{
  ConveneInsertManyCommand *self = (ConveneInsertManyCommand *) command;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  g_list_store_splice (self->list, MIN (self->position, n), 0, self->items->pdata, self->items->len);
}

/* Whether the items sit where apply put them, as they do when the
 * commands after this one were reverted first. */
static gboolean
items_in_place (ConveneInsertManyCommand *self,
                guint                     position)
{
  GListModel *list = G_LIST_MODEL (self->list);

  if (position + self->items->len > g_list_model_get_n_items (list))
    return FALSE;

  for (guint i = 0; i < self->items->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, position + i);

      if (item != g_ptr_array_index (self->items, i))
        return FALSE;
    }
  return TRUE;
}

static void
convene_insert_many_command_revert (ConveneCommand *command)
{
  ConveneInsertManyCommand *self = (ConveneInsertManyCommand *) command;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint position = MIN (self->position, n - MIN (n, self->items->len));

  if (items_in_place (self, position))
    {
      g_list_store_splice (self->list, position, self->items->len, NULL, 0);
      return;
    }

  /* Moved since: take each out where it is now. */
  for (guint i = 0; i < self->items->len; i++)
    {
      guint found;

      if (g_list_store_find (self->list, g_ptr_array_index (self->items, i), &found))
        g_list_store_remove (self->list, found);
    }
}

static void
convene_insert_many_command_finalize (GObject *object)
{
  ConveneInsertManyCommand *self = (ConveneInsertManyCommand *) object;

  g_clear_object (&self->list);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (convene_insert_many_command_parent_class)->finalize (object);
}

static void
convene_insert_many_command_class_init (ConveneInsertManyCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = convene_insert_many_command_finalize;
  CONVENE_COMMAND_CLASS (klass)->apply = convene_insert_many_command_apply;
  CONVENE_COMMAND_CLASS (klass)->revert = convene_insert_many_command_revert;
}

static void
convene_insert_many_command_init (ConveneInsertManyCommand *self)
{
}

ConveneCommand *
convene_command_insert_many_new (const char *label,
                                 GListStore *list,
                                 guint       position,
                                 GPtrArray  *items)
{
  ConveneInsertManyCommand *self;
  GType item_type;

  g_return_val_if_fail (G_IS_LIST_STORE (list), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  item_type = g_list_model_get_item_type (G_LIST_MODEL (list));
  for (guint i = 0; i < items->len; i++)
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (g_ptr_array_index (items, i), item_type), NULL);

  self = g_object_new (CONVENE_TYPE_INSERT_MANY_COMMAND, "label", label, NULL);
  self->list = g_object_ref (list);
  self->position = position;
  self->items = g_ptr_array_new_full (items->len, g_object_unref);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (items, i)));
  return CONVENE_COMMAND (self);
}

/* Remove an item from a list. */

#define CONVENE_TYPE_REMOVE_COMMAND (convene_remove_command_get_type ())
G_DECLARE_FINAL_TYPE (ConveneRemoveCommand, convene_remove_command,
                      CONVENE, REMOVE_COMMAND, ConveneCommand)

struct _ConveneRemoveCommand
{
  ConveneCommand parent_instance;

  GListStore *list;
  guint position;
  /* The object taken out, kept so revert puts back the very same one. */
  GObject *removed;
};

G_DEFINE_FINAL_TYPE (ConveneRemoveCommand, convene_remove_command, CONVENE_TYPE_COMMAND)

static void
convene_remove_command_apply (ConveneCommand *command)
{
  ConveneRemoveCommand *self = (ConveneRemoveCommand *) command;

  g_clear_object (&self->removed);
  self->removed = g_list_model_get_item (G_LIST_MODEL (self->list), self->position);
  g_return_if_fail (self->removed != NULL);
  g_list_store_remove (self->list, self->position);
}

static void
convene_remove_command_revert (ConveneCommand *command)
{
  ConveneRemoveCommand *self = (ConveneRemoveCommand *) command;

  g_return_if_fail (self->removed != NULL);
  g_list_store_insert (self->list, self->position, self->removed);
}

static void
convene_remove_command_finalize (GObject *object)
{
  ConveneRemoveCommand *self = (ConveneRemoveCommand *) object;

  g_clear_object (&self->list);
  g_clear_object (&self->removed);

  G_OBJECT_CLASS (convene_remove_command_parent_class)->finalize (object);
}

static void
convene_remove_command_class_init (ConveneRemoveCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = convene_remove_command_finalize;
  CONVENE_COMMAND_CLASS (klass)->apply = convene_remove_command_apply;
  CONVENE_COMMAND_CLASS (klass)->revert = convene_remove_command_revert;
}

static void
convene_remove_command_init (ConveneRemoveCommand *self)
{
}

ConveneCommand *
convene_command_remove_new (const char *label,
                            GListStore *list,
                            guint       position)
{
  ConveneRemoveCommand *self;

  g_return_val_if_fail (G_IS_LIST_STORE (list), NULL);

  self = g_object_new (CONVENE_TYPE_REMOVE_COMMAND, "label", label, NULL);
  self->list = g_object_ref (list);
  self->position = position;
  return CONVENE_COMMAND (self);
}

/* Move an item within a list or to another list. */

#define CONVENE_TYPE_MOVE_COMMAND (convene_move_command_get_type ())
G_DECLARE_FINAL_TYPE (ConveneMoveCommand, convene_move_command,
                      CONVENE, MOVE_COMMAND, ConveneCommand)

struct _ConveneMoveCommand
{
  ConveneCommand parent_instance;

  GListStore *from;
  guint from_position;
  GListStore *to;
  guint to_position;
  GObject *moved;
};

G_DEFINE_FINAL_TYPE (ConveneMoveCommand, convene_move_command, CONVENE_TYPE_COMMAND)

static void
convene_move_command_apply (ConveneCommand *command)
{
  ConveneMoveCommand *self = (ConveneMoveCommand *) command;

  g_clear_object (&self->moved);
  self->moved = g_list_model_get_item (G_LIST_MODEL (self->from), self->from_position);
  g_return_if_fail (self->moved != NULL);

  g_list_store_remove (self->from, self->from_position);
  g_list_store_insert (self->to,
                       MIN (self->to_position, g_list_model_get_n_items (G_LIST_MODEL (self->to))),
                       self->moved);
}

static void
convene_move_command_revert (ConveneCommand *command)
{
  ConveneMoveCommand *self = (ConveneMoveCommand *) command;
  guint position;

  g_return_if_fail (self->moved != NULL);

  if (!g_list_store_find (self->to, self->moved, &position))
    g_return_if_reached ();
  g_list_store_remove (self->to, position);
  g_list_store_insert (self->from, self->from_position, self->moved);
}

static void
convene_move_command_finalize (GObject *object)
{
  ConveneMoveCommand *self = (ConveneMoveCommand *) object;

  g_clear_object (&self->from);
  g_clear_object (&self->to);
  g_clear_object (&self->moved);

  G_OBJECT_CLASS (convene_move_command_parent_class)->finalize (object);
}

static void
convene_move_command_class_init (ConveneMoveCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = convene_move_command_finalize;
  CONVENE_COMMAND_CLASS (klass)->apply = convene_move_command_apply;
  CONVENE_COMMAND_CLASS (klass)->revert = convene_move_command_revert;
}

static void
convene_move_command_init (ConveneMoveCommand *self)
{
}

ConveneCommand *
convene_command_move_new (const char *label,
                          GListStore *from,
                          guint       from_position,
                          GListStore *to,
                          guint       to_position)
{
  ConveneMoveCommand *self;

  g_return_val_if_fail (G_IS_LIST_STORE (from), NULL);
  g_return_val_if_fail (G_IS_LIST_STORE (to), NULL);

  self = g_object_new (CONVENE_TYPE_MOVE_COMMAND, "label", label, NULL);
  self->from = g_object_ref (from);
  self->from_position = from_position;
  self->to = g_object_ref (to);
  self->to_position = to_position;
  return CONVENE_COMMAND (self);
}

/* A group of commands. */

#define CONVENE_TYPE_GROUP_COMMAND (convene_group_command_get_type ())
G_DECLARE_FINAL_TYPE (ConveneGroupCommand, convene_group_command,
                      CONVENE, GROUP_COMMAND, ConveneCommand)

struct _ConveneGroupCommand
{
  ConveneCommand parent_instance;

  GPtrArray *children;
};

G_DEFINE_FINAL_TYPE (ConveneGroupCommand, convene_group_command, CONVENE_TYPE_COMMAND)

static void
convene_group_command_apply (ConveneCommand *command)
{
  ConveneGroupCommand *self = (ConveneGroupCommand *) command;

  for (guint i = 0; i < self->children->len; i++)
    convene_command_apply (g_ptr_array_index (self->children, i));
}

static void
convene_group_command_revert (ConveneCommand *command)
{
  ConveneGroupCommand *self = (ConveneGroupCommand *) command;

  for (guint i = self->children->len; i > 0; i--)
    convene_command_revert (g_ptr_array_index (self->children, i - 1));
}

static void
convene_group_command_finalize (GObject *object)
{
  ConveneGroupCommand *self = (ConveneGroupCommand *) object;

  g_clear_pointer (&self->children, g_ptr_array_unref);

  G_OBJECT_CLASS (convene_group_command_parent_class)->finalize (object);
}

static void
convene_group_command_class_init (ConveneGroupCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = convene_group_command_finalize;
  CONVENE_COMMAND_CLASS (klass)->apply = convene_group_command_apply;
  CONVENE_COMMAND_CLASS (klass)->revert = convene_group_command_revert;
}

static void
convene_group_command_init (ConveneGroupCommand *self)
{
  self->children = g_ptr_array_new_with_free_func (g_object_unref);
}

ConveneCommand *
convene_command_group_new (const char *label)
{
  return g_object_new (CONVENE_TYPE_GROUP_COMMAND, "label", label, NULL);
}

void
convene_command_group_add (ConveneCommand *group,
                           ConveneCommand *child)
{
  g_return_if_fail (CONVENE_IS_GROUP_COMMAND (group));
  g_return_if_fail (CONVENE_IS_COMMAND (child));
  g_return_if_fail (group != child);

  g_ptr_array_add (CONVENE_GROUP_COMMAND (group)->children, child);
}

guint
convene_command_group_get_size (ConveneCommand *group)
{
  g_return_val_if_fail (CONVENE_IS_GROUP_COMMAND (group), 0);
  return CONVENE_GROUP_COMMAND (group)->children->len;
}
