/* convene-icons.h: keeps every themed icon the window has looked up alive
 * for the life of the process, so that GTK never finalizes one on its
 * icon-loading thread (see convene-icons.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Call once GTK is initialised and before the first window; calling it
 * again does nothing. */
void convene_icons_keep_alive (void);

G_END_DECLS
