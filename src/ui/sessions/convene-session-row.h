/* convene-session-row.h: one session in the project's sidebar: its title,
 * date, clock times and room, kept up to date as the session changes. A row
 * can be dragged onto another to reorder sessions: it emits
 * "session-dropped" (ConveneSession *dragged, gboolean after) on the row it
 * lands on, marking the place with a line while the pointer is over it. */
#pragma once

#include <gtk/gtk.h>

#include "convene-document.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_SESSION_ROW (convene_session_row_get_type ())
G_DECLARE_FINAL_TYPE (ConveneSessionRow, convene_session_row, CONVENE, SESSION_ROW, GtkWidget)

GtkWidget *convene_session_row_new         (void);
/* The session shown, or NULL. */
ConveneSession *convene_session_row_get_session (ConveneSessionRow *self);
/* Shows session of document; both NULL unbinds. */
void       convene_session_row_set_session (ConveneSessionRow *self,
                                            ConveneDocument   *document,
                                            ConveneSession    *session);

G_END_DECLS
