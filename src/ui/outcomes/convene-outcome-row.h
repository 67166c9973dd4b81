/* convene-outcome-row.h: one line of a session's outcomes checklist: a tick,
 * its text (edited in place), whether any segment serves it, and for expected
 * outcomes the result with its note, for follow-ups the owner and the due
 * date. Moving and deleting ask the enclosing ConveneOutcomesView through its
 * "outcomes.place" and "outcomes.remove" actions. */
#pragma once

#include <adwaita.h>

#include "convene-document.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_OUTCOME_ROW (convene_outcome_row_get_type ())
G_DECLARE_FINAL_TYPE (ConveneOutcomeRow, convene_outcome_row, CONVENE, OUTCOME_ROW, GtkListBoxRow)

GtkWidget      *convene_outcome_row_new         (ConveneDocument *document,
                                                 ConveneSession  *session,
                                                 ConveneOutcome  *outcome);
ConveneOutcome *convene_outcome_row_get_outcome (ConveneOutcomeRow *self);
/* Shows the text entry, focused, as the edit button does. */
void            convene_outcome_row_start_editing (ConveneOutcomeRow *self);
/* The place of outcome among the items of its kind in session (0 = first). */
guint           convene_outcome_row_kind_index  (ConveneSession *session,
                                                 ConveneOutcome *outcome);

G_END_DECLS
