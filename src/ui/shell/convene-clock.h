/* convene-clock.h: whether the window shows times on a 12- or 24-hour
 * clock. Read in this one place, from the desktop's clock format (or the
 * locale's where the desktop has none); every view and the run sheets ask
 * it and listen to its "use-12h" property. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CONVENE_TYPE_CLOCK (convene_clock_get_type ())
G_DECLARE_FINAL_TYPE (ConveneClock, convene_clock, CONVENE, CLOCK, GObject)

/* The process's one clock (borrowed). */
ConveneClock *convene_clock_get_default  (void);
gboolean      convene_clock_get_use_12h  (ConveneClock *self);

G_END_DECLS
