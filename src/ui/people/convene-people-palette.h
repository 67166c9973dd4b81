/* convene-people-palette.h: beside the timeline, the project's people as a compact,
 * searchable list whose rows are dragged onto segments to put them on stage
 * (the drag carries the ConveneSpeaker, which the timeline accepts). */
#pragma once

#include <adwaita.h>

#include "convene-document.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_PEOPLE_PALETTE (convene_people_palette_get_type ())
G_DECLARE_FINAL_TYPE (ConvenePeoplePalette, convene_people_palette, CONVENE, PEOPLE_PALETTE, GtkWidget)

GtkWidget *convene_people_palette_new (void);
/* Signal "person-activated" (ConveneSpeaker *speaker): Enter (or a double
 * click) on a person, the keyboard twin of dragging them: the timeline can
 * offer the role choice for its selected segment. */
/* Lists document's people (NULL: nobody). */
void       convene_people_palette_set_document (ConvenePeoplePalette *self,
                                                ConveneDocument      *document);

G_END_DECLS
