/* convene-field-row.h: a list row with a title, a subtitle and widgets at
 * its ends, drawn as libadwaita draws its action rows.
 *
 * An action row lays its title and subtitle out beside its widgets in a
 * horizontal GtkBox, and such a box asks the text how wide it must be at
 * the row's height every time it is given a new size; GtkLabel answers that
 * for wrapping text by laying it out at a dozen widths. The session's
 * fields and roles beside the timeline are on screen from the first frame,
 * so this row keeps the same nodes and style classes (row > box.header >
 * box.title > label.title, label.subtitle; box.prefixes, box.suffixes) and
 * lays the header out with ConveneRowLayout, which asks the text only for
 * its width and for its height at the width it gets.
 *
 * It is a preferences row, so a preferences group lists it with the others,
 * and its title is the row's "title", shown as plain text. Activating the
 * row activates its activatable widget, as in an action row; the row is
 * labelled by its title and described by its subtitle. In a .ui file a
 * <child> is a suffix unless its type is "prefix". */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CONVENE_TYPE_FIELD_ROW (convene_field_row_get_type ())
G_DECLARE_FINAL_TYPE (ConveneFieldRow, convene_field_row, CONVENE, FIELD_ROW, AdwPreferencesRow)

GtkWidget  *convene_field_row_new                    (void);

const char *convene_field_row_get_subtitle           (ConveneFieldRow *self);
void        convene_field_row_set_subtitle           (ConveneFieldRow *self,
                                                      const char      *subtitle);
GtkWidget  *convene_field_row_get_activatable_widget (ConveneFieldRow *self);
void        convene_field_row_set_activatable_widget (ConveneFieldRow *self,
                                                      GtkWidget       *widget);
void        convene_field_row_add_prefix             (ConveneFieldRow *self,
                                                      GtkWidget       *widget);
void        convene_field_row_add_suffix             (ConveneFieldRow *self,
                                                      GtkWidget       *widget);

G_END_DECLS
