/* convene-person-summaries.h: what a person row shows beyond the person's
 * own fields, for every person of a project at once: how many places they
 * are assigned to and the warnings that name them. The roster and the
 * people palette beside the timeline both fill their rows from one. */
#pragma once

#include <glib.h>

#include "convene-person-row.h"
#include "convene-project.h"

G_BEGIN_DECLS

typedef struct _ConvenePersonSummaries ConvenePersonSummaries;

ConvenePersonSummaries *convene_person_summaries_new   (void);
void                    convene_person_summaries_free  (ConvenePersonSummaries *self);
/* Forgets every person: rows show no roles and no warnings. */
void                    convene_person_summaries_clear (ConvenePersonSummaries *self);
/* Adds project's assignments and those of warnings (ConveneWarning *, from
 * convene_warnings_for_project()) that name a person; with_info FALSE
 * leaves out the ones of CONVENE_WARNING_SEVERITY_INFO. */
void                    convene_person_summaries_add   (ConvenePersonSummaries *self,
                                                        ConveneProject         *project,
                                                        GPtrArray              *warnings,
                                                        gboolean                with_info);
/* Shows on row what is known of its person (nothing if it has none). */
void                    convene_person_summaries_show  (ConvenePersonSummaries *self,
                                                        ConvenePersonRow       *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConvenePersonSummaries, convene_person_summaries_free)

G_END_DECLS
