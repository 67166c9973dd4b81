/* convene-fit-label.h: text drawn as large as its allocation allows, for a
 * screen read from across a room (the presenter window's countdown, titles
 * and messages). The font size follows the size the widget is given, never
 * the other way round: it asks for no room of its own, so the container
 * decides how much of the screen each text takes, and the text always stays
 * inside that frame, on at most "lines" lines.
 *
 * The colour, weight and family come from CSS; figures are tabular. With
 * "uniform-digits", the size is chosen for the text with every digit read
 * as 0, so a countdown keeps one size as its digits change. The accessible
 * name follows the text unless "accessible-follows-label" is FALSE (a
 * countdown that changes every second names itself once and describes the
 * time left in words, less often). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CONVENE_TYPE_FIT_LABEL (convene_fit_label_get_type ())
G_DECLARE_FINAL_TYPE (ConveneFitLabel, convene_fit_label, CONVENE, FIT_LABEL, GtkWidget)

/* Properties: "label" (string), "lines" (1–8, default 1), "uniform-digits"
 * (FALSE), "accessible-follows-label" (TRUE). */
GtkWidget  *convene_fit_label_new        (const char *label);
const char *convene_fit_label_get_label  (ConveneFitLabel *self);
void        convene_fit_label_set_label  (ConveneFitLabel *self, const char *label);
/* The font size the text is drawn at now, in pixels (0 before the first
 * allocation or for an empty text). */
double      convene_fit_label_get_font_size (ConveneFitLabel *self);

G_END_DECLS
