#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include "convene-model-watch.h"

/* Few hooks (one per open document), read on every property change: an
 * array under a lock. A change made on a worker thread (people read from a
 * file are made there) only reads it. */

typedef struct
{
  guint                   id;
  ConveneModelChangedFunc func;
  gpointer                data;
} Hook;

static GMutex  hooks_lock;
static GArray *hooks;
static guint   last_id;

guint
convene_model_watch_add (ConveneModelChangedFunc func,
                         gpointer                data)
{
  Hook hook = { 0, func, data };

  g_return_val_if_fail (func != NULL, 0);

  g_mutex_lock (&hooks_lock);
  if (hooks == NULL)
    hooks = g_array_new (FALSE, FALSE, sizeof (Hook));
  hook.id = ++last_id;
  g_array_append_val (hooks, hook);
  g_mutex_unlock (&hooks_lock);
  return hook.id;
}

void
convene_model_watch_remove (guint id)
{
  g_mutex_lock (&hooks_lock);
  for (guint i = 0; hooks != NULL && i < hooks->len; i++)
    if (g_array_index (hooks, Hook, i).id == id)
      {
        g_array_remove_index (hooks, i);
        break;
      }
  if (hooks != NULL && hooks->len == 0)
    g_clear_pointer (&hooks, g_array_unref);
  g_mutex_unlock (&hooks_lock);
}

void
convene_model_watch_lock (void)
{
  g_mutex_lock (&hooks_lock);
}

void
convene_model_watch_unlock (void)
{
  g_mutex_unlock (&hooks_lock);
}

void
_convene_model_notify (GObject    *object,
                       GParamSpec *pspec)
{
  (void) pspec;

  g_mutex_lock (&hooks_lock);
  for (guint i = 0; hooks != NULL && i < hooks->len; i++)
    {
      Hook *hook = &g_array_index (hooks, Hook, i);

      hook->func (object, hook->data);
    }
  g_mutex_unlock (&hooks_lock);
}
