/* convene-fit-dialog.h: "Fit to Slot": previews the lengths that make a
 * session end on its slot (or a panel's items fill its target) as a table
 * of segment, old and new length, change and "at its minimum" marks, with
 * the strategy, the priority order (remembered per project) and the
 * rounding step to change; Apply performs the proposal as one undoable
 * command on the document and closes. Its "fit" property is the proposal
 * shown (notified on each change), for the timeline's preview of it. */
#pragma once

#include <adwaita.h>

#include "convene-document.h"
#include "convene-fit.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_FIT_DIALOG (convene_fit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ConveneFitDialog, convene_fit_dialog, CONVENE, FIT_DIALOG, AdwWindow)

/* panel NULL: the whole session against its slot; otherwise the items of
 * that panel against its target length. selected (optional) is offered as
 * "only the selected segment". */
ConveneFitDialog *convene_fit_dialog_new (GtkWindow       *parent,
                                          ConveneDocument *document,
                                          ConveneSession  *session,
                                          ConveneSegment  *panel,
                                          ConveneSegment  *selected);

/* The proposal shown, or NULL (a panel's fit that no longer applies). */
ConveneFit       *convene_fit_dialog_get_fit     (ConveneFitDialog *self);
ConveneSession   *convene_fit_dialog_get_session (ConveneFitDialog *self);

G_END_DECLS
