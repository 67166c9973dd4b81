/* convene-outcome.h: one line of a session's outcomes checklist. The
 * segments that serve it are ConveneOutcomeLinks of the project. */
#pragma once

#include <glib-object.h>
#include "convene-enums.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_OUTCOME (convene_outcome_get_type ())
G_DECLARE_FINAL_TYPE (ConveneOutcome, convene_outcome, CONVENE, OUTCOME, GObject)

/* Properties: "id" (gint64, construct-only), "kind" (ConveneOutcomeKind),
 * "text" (string), "done" (gboolean),
 * "owner-id" (gint64 speaker, 0 = nobody; for follow-ups), "due-date"
 * ("YYYY-MM-DD" or ""), "result" (ConveneOutcomeResult), "result-note" (string). */
ConveneOutcome      *convene_outcome_new             (gint64 id, ConveneOutcomeKind kind,
                                                      const char *text);
gint64               convene_outcome_get_id          (ConveneOutcome *self);
ConveneOutcomeKind   convene_outcome_get_kind        (ConveneOutcome *self);
void                 convene_outcome_set_kind        (ConveneOutcome *self, ConveneOutcomeKind kind);
const char          *convene_outcome_get_text        (ConveneOutcome *self);
void                 convene_outcome_set_text        (ConveneOutcome *self, const char *text);
gboolean             convene_outcome_get_done        (ConveneOutcome *self);
void                 convene_outcome_set_done        (ConveneOutcome *self, gboolean done);
gint64               convene_outcome_get_owner_id    (ConveneOutcome *self);
void                 convene_outcome_set_owner_id    (ConveneOutcome *self, gint64 speaker_id);
const char          *convene_outcome_get_due_date    (ConveneOutcome *self);
void                 convene_outcome_set_due_date    (ConveneOutcome *self, const char *date);
ConveneOutcomeResult convene_outcome_get_result      (ConveneOutcome *self);
void                 convene_outcome_set_result      (ConveneOutcome *self, ConveneOutcomeResult result);
const char          *convene_outcome_get_result_note (ConveneOutcome *self);
void                 convene_outcome_set_result_note (ConveneOutcome *self, const char *note);

G_END_DECLS
