/* convene-new-session-dialog.h: "New Session": the formats a session can
 * start from (Blank, the built-in formats with what they hold and how long
 * they last, and the planner's saved formats, which can be deleted here).
 * Activating one emits "format-chosen" (ConveneFormat *) and closes. */
#pragma once

#include <adwaita.h>

#include "convene-formats.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_NEW_SESSION_DIALOG (convene_new_session_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ConveneNewSessionDialog, convene_new_session_dialog, CONVENE, NEW_SESSION_DIALOG, AdwWindow)

ConveneNewSessionDialog *convene_new_session_dialog_new (GtkWindow *parent);

G_END_DECLS
