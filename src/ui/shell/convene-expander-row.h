/* convene-expander-row.h: a list row that reveals rows below it, drawn as
 * libadwaita draws its expander rows.
 *
 * An expander row's header is an action row, whose title and subtitle are
 * laid out at a dozen trial widths whenever the row gets a new size (see
 * convene-field-row.h). The session's warnings and its "Add Person" row
 * are on screen from the first frame, so this row keeps the expander's
 * nodes, style classes and states (row.expander, .empty while it holds no
 * rows, :checked while expanded; its header a field row with the .header
 * class and image.expander-row-arrow; the rows in list.nested inside a
 * revealer) with a field row as its header.
 *
 * Activating the header (a click, Enter or Space) expands or collapses the
 * row, and the header says whether it is expanded to assistive
 * technologies. Its title is the preferences row's "title", shown as plain
 * text. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CONVENE_TYPE_EXPANDER_ROW (convene_expander_row_get_type ())
G_DECLARE_FINAL_TYPE (ConveneExpanderRow, convene_expander_row, CONVENE, EXPANDER_ROW, AdwPreferencesRow)

GtkWidget  *convene_expander_row_new          (void);

const char *convene_expander_row_get_subtitle (ConveneExpanderRow *self);
void        convene_expander_row_set_subtitle (ConveneExpanderRow *self,
                                               const char         *subtitle);
gboolean    convene_expander_row_get_expanded (ConveneExpanderRow *self);
void        convene_expander_row_set_expanded (ConveneExpanderRow *self,
                                               gboolean            expanded);
void        convene_expander_row_add_prefix   (ConveneExpanderRow *self,
                                               GtkWidget          *widget);
void        convene_expander_row_add_row      (ConveneExpanderRow *self,
                                               GtkWidget          *row);
void        convene_expander_row_remove       (ConveneExpanderRow *self,
                                               GtkWidget          *row);

G_END_DECLS
