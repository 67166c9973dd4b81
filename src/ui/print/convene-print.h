/* convene-print.h: the run sheet on paper. A GtkPrintOperation that lays the
 * run sheet out with the core renderer (so what prints is what exports),
 * with a "Run Sheet" tab in the print dialog for the session and the
 * optional sections, and the page setup, print settings and sections
 * remembered in GSettings across runs. Print preview (the dialog's Preview
 * button, or GTK_PRINT_OPERATION_ACTION_PREVIEW) opens Convene's own preview
 * window rather than an external viewer. Also the "Export Run Sheet as PDF…"
 * flow. */
#pragma once

#include <gtk/gtk.h>

#include "convene-project.h"
#include "convene-runsheet-options.h"
#include "convene-window.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_PRINT (convene_print_get_type ())
G_DECLARE_FINAL_TYPE (ConvenePrint, convene_print, CONVENE, PRINT, GtkPrintOperation)

/* session (may be NULL) is the one the dialog offers first, the rest being
 * "all sessions". settings (may be NULL) has the "print-settings",
 * "page-setup", "runsheet-sections" and "runsheet-include-notes" keys: read
 * now, written when a run is applied. */
ConvenePrint           *convene_print_new         (ConveneProject *project,
                                                   ConveneSession *session,
                                                   GSettings      *settings);
/* What will be printed; the dialog's tab edits it. */
ConveneRunsheetOptions *convene_print_get_options (ConvenePrint   *self);
/* gtk_print_operation_run(), with a failure to lay out the run sheet
 * reported as an error too (then GTK_PRINT_OPERATION_RESULT_ERROR). Saves
 * the settings on GTK_PRINT_OPERATION_RESULT_APPLY. */
GtkPrintOperationResult convene_print_run         (ConvenePrint            *self,
                                                   GtkPrintOperationAction  action,
                                                   GtkWindow               *parent,
                                                   GError                 **error);

/* The window's two entry points; results and errors are toasts in window. */
void convene_print_show_dialog    (ConveneWindow  *window,
                                   ConveneProject *project,
                                   ConveneSession *session,
                                   GSettings      *settings);
void convene_print_export_pdf     (ConveneWindow  *window,
                                   ConveneProject *project,
                                   ConveneSession *session,
                                   GSettings      *settings);

G_END_DECLS
