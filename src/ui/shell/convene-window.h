/* convene-window.h: a main window: the start page, or one project. */
#pragma once

#include <adwaita.h>

#include "convene-application.h"
#include "convene-document.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_WINDOW (convene_window_get_type ())
G_DECLARE_FINAL_TYPE (ConveneWindow, convene_window, CONVENE, WINDOW, AdwApplicationWindow)

/* application may be NULL (a window not yet added to an application). */
ConveneWindow   *convene_window_new          (ConveneApplication *application);
/* Shows document (the window keeps a reference and closes it with itself);
 * NULL goes back to the start page. */
void             convene_window_set_document (ConveneWindow   *self,
                                              ConveneDocument *document);
ConveneDocument *convene_window_get_document (ConveneWindow   *self);
/* A blocking message (a file that could not be opened...). */
void             convene_window_show_error   (ConveneWindow   *self,
                                              const char      *heading,
                                              const char      *message);
void             convene_window_add_toast    (ConveneWindow   *self,
                                              AdwToast        *toast);

G_END_DECLS
