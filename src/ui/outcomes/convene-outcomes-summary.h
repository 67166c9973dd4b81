/* convene-outcomes-summary.h: progress of the outcomes checklists across the project, at a
 * glance ("3 of 5 expected outcomes met"), and who owes which follow-up. */
#pragma once

#include <adwaita.h>

#include "convene-document.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_OUTCOMES_SUMMARY (convene_outcomes_summary_get_type ())
G_DECLARE_FINAL_TYPE (ConveneOutcomesSummary, convene_outcomes_summary, CONVENE, OUTCOMES_SUMMARY, GtkWidget)

GtkWidget *convene_outcomes_summary_new (void);
/* Summarises document's project (may be NULL). */
void       convene_outcomes_summary_set_document (ConveneOutcomesSummary *self,
                                      ConveneDocument *document);

G_END_DECLS
