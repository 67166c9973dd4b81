/* convene-row-layout.h: children side by side, as a horizontal GtkBox lays
 * them out, for rows that hold wrapping text.
 *
 * A horizontal GtkBox asks each child how wide it must be at a given
 * height; GtkLabel answers that for a wrapping text by laying the text out
 * at a dozen widths, and a box several levels up asks again for every
 * label below it. A row of names, a fit line or a heading then costs
 * hundreds of text layouts per change. This layout asks its children only
 * for their widths and for their heights at the width they get, which is
 * all a row whose height follows its width needs.
 *
 * Widths: every child gets its minimum, the rest is shared out towards the
 * natural widths, what is still left goes to children that expand
 * horizontally. Each child gets the row's full height and places itself
 * with its own valign. Right-to-left text reverses the order. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CONVENE_TYPE_ROW_LAYOUT (convene_row_layout_get_type ())
G_DECLARE_FINAL_TYPE (ConveneRowLayout, convene_row_layout, CONVENE, ROW_LAYOUT, GtkLayoutManager)

GtkLayoutManager *convene_row_layout_new (int spacing);

/* A widget laid out by a new row layout: a horizontal GtkBox (so it takes
 * children with gtk_box_append) whose layout is a ConveneRowLayout. */
GtkWidget        *convene_row_layout_box_new (int spacing);

G_END_DECLS
