/* convene-model-watch.h: one hook for every property change of the model's
 * objects. The store hears of edits through it instead of a "notify"
 * handler on each object, which at 10,000 segments cost megabytes of
 * closures. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Called for each property change of a project, session, segment, speaker,
 * assignment, outcome, outcome link or live event, on the thread that made
 * it, with the data given to convene_model_watch_add(). */
typedef void (*ConveneModelChangedFunc) (GObject  *object,
                                         gpointer  data);

guint convene_model_watch_add    (ConveneModelChangedFunc func,
                                  gpointer                data);
void  convene_model_watch_remove (guint                   id);

/* Hooks run holding this lock: what a hook reads and the main thread
 * changes (the store's table of watched objects) is changed under it. */
void  convene_model_watch_lock   (void);
void  convene_model_watch_unlock (void);

/* The model classes' GObjectClass.notify. */
void  _convene_model_notify      (GObject                *object,
                                  GParamSpec             *pspec);

G_END_DECLS
