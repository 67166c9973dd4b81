/* convene-start-page.h: what a window shows before a project is open: new,
 * open, the example, and the recent projects. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CONVENE_TYPE_START_PAGE (convene_start_page_get_type ())
G_DECLARE_FINAL_TYPE (ConveneStartPage, convene_start_page, CONVENE, START_PAGE, GtkWidget)

/* Reads the recent projects again (also done whenever the page is shown). */
void convene_start_page_refresh (ConveneStartPage *self);

G_END_DECLS
