/* convene-ui-util.h: what every view of a project needs to tell the planner
 * about a change: toasts on the window's overlay, errors in their words, and
 * a command handed to the document with the reason shown when it is refused. */
#pragma once

#include <adwaita.h>

#include "convene-document.h"

G_BEGIN_DECLS

/* Shows toast on overlay (takes it). Every toast of Convene goes on its
 * overlay through here: one at a time, the next once the overlay has let go
 * of the last, and a high-priority toast in place of the one shown. */
void     convene_ui_add_toast    (AdwToastOverlay *overlay,
                                  AdwToast        *toast);
/* Shows toast on the nearest AdwToastOverlay above widget (takes it; drops
 * it when the widget is not in a window). */
void     convene_ui_show_toast   (GtkWidget       *widget,
                                  AdwToast        *toast);
/* A toast saying message (which may hold what the planner typed). */
void     convene_ui_show_message (GtkWidget       *widget,
                                  const char      *message);
/* A toast carrying error's message, escaped for markup. */
void     convene_ui_show_error   (GtkWidget       *widget,
                                  const GError    *error);
/* Whether edits to document can be made: there is one and it is not
 * read-only. */
gboolean convene_ui_is_writable  (ConveneDocument *document);
/* Performs command on document (command NULL: building it failed with
 * build_error, which may be NULL). Takes command and build_error. Shows the
 * reason and returns FALSE when nothing was done. */
gboolean convene_ui_perform      (GtkWidget       *widget,
                                  ConveneDocument *document,
                                  ConveneCommand  *command,
                                  GError          *build_error);
/* A toast saying message with an Undo button that undoes document's last
 * command. */
void     convene_ui_show_undo_toast (GtkWidget       *widget,
                                     ConveneDocument *document,
                                     const char      *message);

G_END_DECLS
