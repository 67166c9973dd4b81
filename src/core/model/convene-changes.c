#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include "convene-changes.h"

struct _ConveneChanges
{
  gatomicrefcount     ref_count;
  ConveneChangeFlags  flags;
  gboolean            all;
  GHashTable         *objects;   /* GObject* (owned ref) set */
  GHashTable         *sessions;  /* ConveneSession* (owned ref) set */
};

G_DEFINE_BOXED_TYPE (ConveneChanges, convene_changes, convene_changes_ref, convene_changes_unref)

ConveneChanges *
convene_changes_new (void)
{
  ConveneChanges *self = g_new0 (ConveneChanges, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->objects = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->sessions = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  return self;
}

ConveneChanges *
convene_changes_new_all (void)
{
  ConveneChanges *self = convene_changes_new ();

  self->all = TRUE;
  self->flags = CONVENE_CHANGE_ALL;
  return self;
}

ConveneChanges *
convene_changes_ref (ConveneChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
convene_changes_unref (ConveneChanges *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->objects);
  g_hash_table_unref (self->sessions);
  g_free (self);
}

void
convene_changes_add_object (ConveneChanges     *self,
                            gpointer            object,
                            ConveneChangeFlags  flags)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_OBJECT (object));

  self->flags |= flags;
  if (!g_hash_table_contains (self->objects, object))
    g_hash_table_add (self->objects, g_object_ref (object));
}

void
convene_changes_add_session (ConveneChanges *self,
                             ConveneSession *session)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (CONVENE_IS_SESSION (session));

  if (!g_hash_table_contains (self->sessions, session))
    g_hash_table_add (self->sessions, g_object_ref (session));
}

gboolean
convene_changes_is_empty (ConveneChanges *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return !self->all && self->flags == 0 && g_hash_table_size (self->objects) == 0;
}

ConveneChangeFlags
convene_changes_get_flags (ConveneChanges *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->flags;
}

gboolean
convene_changes_has (ConveneChanges     *self,
                     ConveneChangeFlags  flags)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return (self->flags & flags) != 0;
}

gboolean
convene_changes_contains (ConveneChanges *self,
                          gpointer        object)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->all || g_hash_table_contains (self->objects, object);
}

gboolean
convene_changes_touches_session (ConveneChanges *self,
                                 ConveneSession *session)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->all || g_hash_table_contains (self->sessions, session);
}

gboolean
convene_changes_moves_times (ConveneChanges *self,
                             ConveneSession *session)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return convene_changes_has (self, CONVENE_CHANGE_PROJECT) ||
         convene_changes_touches_session (self, session);
}
