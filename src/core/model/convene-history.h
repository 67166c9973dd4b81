/* convene-history.h: the undo and redo stacks. It only keeps commands; the
 * document applies, reverts and persists them, and moves them between stacks
 * once the file has accepted the change. */
#pragma once

#include "convene-command.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_HISTORY (convene_history_get_type ())
G_DECLARE_FINAL_TYPE (ConveneHistory, convene_history, CONVENE, HISTORY, GObject)

/* Properties (read-only, notified): "can-undo", "can-redo",
 * "undo-label", "redo-label" (the label of the command each would act on, or NULL). */
ConveneHistory *convene_history_new          (void);
/* Records a command that has just been applied; clears the redo stack. */
void            convene_history_push         (ConveneHistory *self, ConveneCommand *command);
ConveneCommand *convene_history_peek_undo    (ConveneHistory *self); /* borrowed, or NULL */
ConveneCommand *convene_history_peek_redo    (ConveneHistory *self);
/* After the command from peek_undo was reverted and persisted: move it to redo. */
void            convene_history_did_undo     (ConveneHistory *self);
/* After the command from peek_redo was applied and persisted: move it to undo. */
void            convene_history_did_redo     (ConveneHistory *self);
gboolean        convene_history_get_can_undo (ConveneHistory *self);
gboolean        convene_history_get_can_redo (ConveneHistory *self);
const char     *convene_history_get_undo_label (ConveneHistory *self);
const char     *convene_history_get_redo_label (ConveneHistory *self);
void            convene_history_clear        (ConveneHistory *self);

G_END_DECLS
