/* convene-command.h: every edit a planner makes is a command that knows how to
 * apply and revert itself. Undo/redo, autosave (the document persists each
 * command in one transaction) and tests all rest on this one mechanism.
 *
 * The building blocks are generic (set a property, insert/remove/move an item
 * of a GListStore) and compose into groups; higher-level edits are built from
 * them by convene-edits.h. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CONVENE_TYPE_COMMAND (convene_command_get_type ())
G_DECLARE_DERIVABLE_TYPE (ConveneCommand, convene_command, CONVENE, COMMAND, GObject)

struct _ConveneCommandClass
{
  GObjectClass parent_class;

  void (*apply)  (ConveneCommand *self);
  void (*revert) (ConveneCommand *self);
};

/* "label" property: a translated phrase for the Undo/Redo menu ("Rename Segment"). */
const char     *convene_command_get_label (ConveneCommand *self);
void            convene_command_apply     (ConveneCommand *self);
void            convene_command_revert    (ConveneCommand *self);

/* Sets one property of target to value. The previous value is captured each
 * time the command is applied, so it reverts correctly inside groups. */
ConveneCommand *convene_command_set_property_new (const char   *label,
                                                  GObject      *target,
                                                  const char   *property,
                                                  const GValue *value);
/* Conveniences over set_property_new. */
ConveneCommand *convene_command_set_string_new   (const char *label, gpointer target,
                                                  const char *property, const char *value);
ConveneCommand *convene_command_set_int_new      (const char *label, gpointer target,
                                                  const char *property, gint64 value); /* int, uint, int64, enum, boolean */

/* Inserts item into list at position (position == n_items appends). */
ConveneCommand *convene_command_insert_new       (const char *label, GListStore *list,
                                                  guint position, gpointer item);
/* Inserts items (a GPtrArray of objects, referenced) into list at position
 * in one splice, so the list changes once however many there are. */
ConveneCommand *convene_command_insert_many_new  (const char *label, GListStore *list,
                                                  guint position, GPtrArray *items);
/* Removes the item at position; revert puts the same object back. */
ConveneCommand *convene_command_remove_new       (const char *label, GListStore *list,
                                                  guint position);
/* Moves the item at from_position of from to to_position of to (from and to
 * may be the same list; to_position is counted after the removal). */
ConveneCommand *convene_command_move_new         (const char *label,
                                                  GListStore *from, guint from_position,
                                                  GListStore *to, guint to_position);

/* A sequence applied in order and reverted in reverse order. Each child must
 * be built for the state left by the children before it. */
ConveneCommand *convene_command_group_new        (const char *label);
void            convene_command_group_add        (ConveneCommand *group,
                                                  ConveneCommand *child); /* takes ownership */
guint           convene_command_group_get_size   (ConveneCommand *group);

G_END_DECLS
