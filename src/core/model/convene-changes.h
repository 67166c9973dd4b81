/* convene-changes.h: what one step of a document changed.
 *
 * After every commit, undo and redo the document announces one
 * ConveneChanges: which kinds of things changed, which objects (whose fields
 * changed, which joined a list, and the owners of lists that gained, lost or
 * reordered members) and which sessions hold any of them. Views look at it to
 * decide whether they need to refresh at all, instead of listening to every
 * object of the model themselves. */
#pragma once

#include "convene-session.h"

G_BEGIN_DECLS

typedef enum {
  CONVENE_CHANGE_PROJECT       = 1 << 0, /* the project's own fields (title, time zone …) */
  CONVENE_CHANGE_SESSIONS      = 1 << 1, /* a session's fields, or which sessions there are */
  CONVENE_CHANGE_SEGMENTS      = 1 << 2, /* a segment's fields, or a running order's members */
  CONVENE_CHANGE_SPEAKERS      = 1 << 3,
  CONVENE_CHANGE_ASSIGNMENTS   = 1 << 4,
  CONVENE_CHANGE_OUTCOMES      = 1 << 5,
  CONVENE_CHANGE_OUTCOME_LINKS = 1 << 6,
  CONVENE_CHANGE_LIVE          = 1 << 7, /* a session's live record */
  CONVENE_CHANGE_ALL           = (1 << 8) - 1,
} ConveneChangeFlags;

typedef struct _ConveneChanges ConveneChanges;

#define CONVENE_TYPE_CHANGES (convene_changes_get_type ())
GType               convene_changes_get_type   (void) G_GNUC_CONST;

ConveneChanges     *convene_changes_new        (void);
/* Everything may have changed (a project opened or replaced). */
ConveneChanges     *convene_changes_new_all    (void);
ConveneChanges     *convene_changes_ref        (ConveneChanges *self);
void                convene_changes_unref      (ConveneChanges *self);

/* Collecting (the store, while it writes a step). */
void                convene_changes_add_object  (ConveneChanges *self, gpointer object,
                                                 ConveneChangeFlags flags);
void                convene_changes_add_session (ConveneChanges *self, ConveneSession *session);
gboolean            convene_changes_is_empty    (ConveneChanges *self);

/* Reading (the views). */
ConveneChangeFlags  convene_changes_get_flags   (ConveneChanges *self);
/* Whether any of flags changed. */
gboolean            convene_changes_has         (ConveneChanges *self, ConveneChangeFlags flags);
/* Whether object itself was changed, added or had a list of its changed. */
gboolean            convene_changes_contains    (ConveneChanges *self, gpointer object);
/* Whether session's fields or anything inside it (segments, items, outcomes)
 * changed, or session joined or left the project. */
gboolean            convene_changes_touches_session (ConveneChanges *self, ConveneSession *session);
/* Whether the clock times of session may differ: its own fields or running
 * order changed, or the project's (its time zone). */
gboolean            convene_changes_moves_times (ConveneChanges *self, ConveneSession *session);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneChanges, convene_changes_unref)

G_END_DECLS
