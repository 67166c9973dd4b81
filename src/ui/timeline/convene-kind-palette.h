/* convene-kind-palette.h: above the timeline, one button per kind of
 * segment: pressed, it adds a segment of that kind; dragged, it carries the
 * ConveneSegmentKind into the timeline. Each kind's name stands beside its
 * icon when the row has room for them; a narrow window shows the icons
 * alone, named by their tooltips and accessible labels. The keyboard
 * reaches it as one Tab stop and goes from kind to kind with the arrows. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CONVENE_TYPE_KIND_PALETTE (convene_kind_palette_get_type ())
G_DECLARE_FINAL_TYPE (ConveneKindPalette, convene_kind_palette, CONVENE, KIND_PALETTE, GtkWidget)

/* action_name takes the kind's nick ("qa") as its string parameter. */
GtkWidget *convene_kind_palette_new (const char *action_name);

G_END_DECLS
