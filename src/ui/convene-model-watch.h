/* convene-model-watch.h: tells a view that something in a project changed:
 * the project itself, its people, assignments and outcome links, its
 * sessions with their segments and items (times, lengths, kinds, names)
 * and their checklists of outcomes (every property of every item). The
 * roster warnings and the outcomes views depend on these. One "changed"
 * signal per main-loop turn, however many objects changed, so an undo of
 * a large step costs one refresh. */
#pragma once

#include <glib-object.h>

#include "convene-project.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_MODEL_WATCH (convene_model_watch_get_type ())
G_DECLARE_FINAL_TYPE (ConveneModelWatch, convene_model_watch, CONVENE, MODEL_WATCH, GObject)

/* Signal "changed" (no arguments), emitted from an idle after changes. */
ConveneModelWatch *convene_model_watch_new         (void);
/* Watches project (NULL: nothing); a different project counts as a change. */
void               convene_model_watch_set_project (ConveneModelWatch *self,
                                                    ConveneProject    *project);
ConveneProject    *convene_model_watch_get_project (ConveneModelWatch *self);
/* Emits "changed" at the next turn as if something had changed: for a view
 * that wants its refresh to wait until it has finished handling input. */
void               convene_model_watch_queue_changed (ConveneModelWatch *self);
/* Whether the desktop shows a 12-hour clock (a change emits "changed"):
 * for the times in warning sentences. */
gboolean           convene_model_watch_get_use_12h (ConveneModelWatch *self);

G_END_DECLS
