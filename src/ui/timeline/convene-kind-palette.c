#define G_LOG_DOMAIN "convene-kind-palette"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-enums.h"
#include "convene-kind-palette.h"

/* Space between buttons, and between a button's icon and its name. */
#define SPACING         4
#define CONTENT_SPACING 4
/* Names are shown while they fit on this many rows (beside the side column
 * of a 1280 px window they take two); more would push the timeline down for
 * little gain, so the icons stand alone then, in one row from about 420 px. */
#define MAX_NAMED_ROWS  2
/* Room to spare before hidden names are shown again. */
#define NAMES_MARGIN    8

struct _ConveneKindPalette
{
  GtkWidget parent_instance;

  GtkWidget *buttons[CONVENE_N_SEGMENT_KINDS];
  GtkWidget *labels[CONVENE_N_SEGMENT_KINDS];

  int        named_width[CONVENE_N_SEGMENT_KINDS]; /* each button's width with its name, last shown */
  guint      current;     /* the kind the keyboard is on: the one Tab stop */
  gboolean   named;       /* the names are shown now */
  gboolean   want_named;  /* what the width last allocated calls for */
  guint      named_tick;  /* applies a change of named */
  gboolean   laid_out;    /* allocated at least once */
};

G_DEFINE_FINAL_TYPE (ConveneKindPalette, convene_kind_palette, GTK_TYPE_WIDGET)

/* Dragging a kind */

static GdkContentProvider *
drag_prepare (GtkDragSource *source,
              double         x,
              double         y,
              GtkWidget     *button)
{
  ConveneSegmentKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kind"));

  return gdk_content_provider_new_typed (CONVENE_TYPE_SEGMENT_KIND, kind);
}

static void
drag_begin (GtkDragSource *source,
            GdkDrag       *drag,
            GtkWidget     *button)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (button);

  gtk_drag_source_set_icon (source, paintable, 12, 12);
}

/* Layout. Every button keeps its natural width; whether the names are
 * shown depends only on the width given, never on what is shown now, so
 * measuring and allocating agree whichever way the names are. */

typedef struct
{
  int named[CONVENE_N_SEGMENT_KINDS];  /* each button's width with its name */
  int icon[CONVENE_N_SEGMENT_KINDS];   /* and with its icon alone */
  int row_height;
} Sizes;

static void
measure_buttons (ConveneKindPalette *self,
                 Sizes              *sizes)
{
  sizes->row_height = 0;
  for (guint i = 0; i < CONVENE_N_SEGMENT_KINDS; i++)
    {
      int width = 0, height = 0;

      gtk_widget_measure (self->buttons[i], GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      gtk_widget_measure (self->buttons[i], GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
      sizes->row_height = MAX (sizes->row_height, height);
      if (gtk_widget_get_visible (self->labels[i]))
        {
          int label_width = 0;

          gtk_widget_measure (self->labels[i], GTK_ORIENTATION_HORIZONTAL, -1, NULL, &label_width, NULL, NULL);
          sizes->named[i] = self->named_width[i] = width;
          sizes->icon[i] = width - label_width - CONTENT_SPACING;
        }
      else if (self->named_width[i] > 0)
        {
          /* As wide as when the name was last shown: the estimate below
           * cannot see the button's least width, which pads an icon alone. */
          sizes->icon[i] = width;
          sizes->named[i] = self->named_width[i];
        }
      else
        {
          /* A hidden label measures nothing, and its style is not kept up
           * to date: its text is measured instead in the palette's font,
           * the body's weight that the names have (see style.css). */
          g_autoptr(PangoLayout) layout =
            gtk_widget_create_pango_layout (GTK_WIDGET (self), gtk_label_get_text (GTK_LABEL (self->labels[i])));
          int text_width = 0;

          pango_layout_get_pixel_size (layout, &text_width, NULL);
          sizes->icon[i] = width;
          sizes->named[i] = width + CONTENT_SPACING + text_width + 1;
        }
    }
}

/* Whether the button of widths[i] starts a new row when the buttons fill
 * rows of width in order (x: where the row so far ends, 0 at its start).
 * Icons alone go as evenly as they can over the rows they need (six and
 * five, not eight and three), named buttons as many to a row as fit. */
static gboolean
breaks_before (const int *widths,
               guint      i,
               int        x,
               int        width,
               guint      per_row)
{
  if (i == 0)
    return FALSE;
  if (per_row > 0)
    return i % per_row == 0;
  return x > 0 && x + SPACING + widths[i] > width;
}

/* How many rows the buttons of widths take in width, filled in order. */
static int
count_rows (const int *widths,
            int        width)
{
  int rows = 1;
  int x = 0;

  for (guint i = 0; i < CONVENE_N_SEGMENT_KINDS; i++)
    {
      if (breaks_before (widths, i, x, width, 0))
        {
          rows++;
          x = 0;
        }
      x += (x > 0 ? SPACING : 0) + widths[i];
    }
  return rows;
}

/* Whether the names fit in width. Once shown they stay while they fit; to
 * come back they need a little room to spare, so that a width on the edge
 * (names measured shown and hidden differ by a pixel or two) does not flip
 * them in every frame. */
static gboolean
names_fit (const Sizes *sizes,
           int          width,
           gboolean     shown)
{
  return count_rows (sizes->named, shown ? width : width - NAMES_MARGIN) <= MAX_NAMED_ROWS;
}

static int
rows_height (const Sizes *sizes,
             int          rows)
{
  return rows * sizes->row_height + (rows - 1) * SPACING;
}

static GtkSizeRequestMode
convene_kind_palette_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
convene_kind_palette_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  ConveneKindPalette *self = CONVENE_KIND_PALETTE (widget);
  Sizes sizes;

  measure_buttons (self, &sizes);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int widest = 0, row = 0;

      for (guint i = 0; i < CONVENE_N_SEGMENT_KINDS; i++)
        {
          widest = MAX (widest, sizes.icon[i]);
          row += sizes.icon[i] + (i > 0 ? SPACING : 0);
        }
      /* Icons one under the other at the least, in one row at ease: the
       * names come with whatever width the page gives beyond that. */
      *minimum = widest;
      *natural = row;
    }
  else if (for_size < 0)
    {
      /* Height for the least width (one icon under the other); GTK wants
       * the natural height no smaller. */
      *minimum = *natural = rows_height (&sizes, CONVENE_N_SEGMENT_KINDS);
    }
  else
    {
      /* As the buttons are laid out now (see size_allocate). */
      *minimum = *natural = rows_height (&sizes, count_rows (self->named ? sizes.named : sizes.icon, for_size));
    }
}

static void
set_named (ConveneKindPalette *self,
           gboolean            named)
{
  self->named = named;
  for (guint i = 0; i < CONVENE_N_SEGMENT_KINDS; i++)
    gtk_widget_set_visible (self->labels[i], named);
  if (named)
    gtk_widget_add_css_class (GTK_WIDGET (self), "named");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "named");
}

/* Runs before the next layout, not inside one (but for the first): showing
 * or hiding the names changes the buttons' sizes, which would lay the
 * window out again. */
static gboolean
apply_named (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  ConveneKindPalette *self = CONVENE_KIND_PALETTE (widget);

  self->named_tick = 0;
  if (self->named != self->want_named)
    set_named (self, self->want_named);
  return G_SOURCE_REMOVE;
}

static void
convene_kind_palette_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  ConveneKindPalette *self = CONVENE_KIND_PALETTE (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  Sizes sizes;
  const int *widths;
  guint per_row = 0;
  int x = 0, y = 0;

  measure_buttons (self, &sizes);
  self->want_named = names_fit (&sizes, width, self->named);
  /* Nothing is drawn before the first layout: the names shown are those
   * the first width calls for, and the buttons are measured again. */
  if (!self->laid_out && self->want_named != self->named)
    {
      set_named (self, self->want_named);
      measure_buttons (self, &sizes);
    }
  self->laid_out = TRUE;
  if (self->want_named != self->named && self->named_tick == 0)
    self->named_tick = gtk_widget_add_tick_callback (widget, apply_named, NULL, NULL);

  /* Laid out as they are now; a change of names follows in the next frame. */
  widths = self->named ? sizes.named : sizes.icon;
  if (!self->named)
    {
      guint rows = (guint) count_rows (widths, width);

      per_row = (CONVENE_N_SEGMENT_KINDS + rows - 1) / rows;
    }
  for (guint i = 0; i < CONVENE_N_SEGMENT_KINDS; i++)
    {
      if (breaks_before (widths, i, x, width, per_row))
        {
          x = 0;
          y += sizes.row_height + SPACING;
        }
      gtk_widget_size_allocate (self->buttons[i],
                                &(GtkAllocation) { rtl ? width - x - widths[i] : x, y, widths[i], sizes.row_height },
                                -1);
      x += widths[i] + SPACING;
    }
}

/* Keyboard: the palette is one Tab stop, on the kind last used; the arrow
 * keys go from kind to kind (Up and Down to the row above or below when
 * the kinds take several), Home and End to the first and last, and Enter
 * or Space add the kind, as a click does (GtkButton's own keys). */

static guint
nearest_in_row (ConveneKindPalette *self,
                int                 row_step)
{
  graphene_rect_t from;
  double from_x, from_y, best_dy = G_MAXDOUBLE, best_dx = G_MAXDOUBLE;
  guint best = self->current;

  if (!gtk_widget_compute_bounds (self->buttons[self->current], GTK_WIDGET (self), &from))
    return self->current;
  from_x = from.origin.x + from.size.width / 2;
  from_y = from.origin.y + from.size.height / 2;

  for (guint i = 0; i < CONVENE_N_SEGMENT_KINDS; i++)
    {
      graphene_rect_t bounds;
      double dx, dy;

      if (!gtk_widget_compute_bounds (self->buttons[i], GTK_WIDGET (self), &bounds))
        continue;
      dy = (bounds.origin.y + bounds.size.height / 2 - from_y) * row_step;
      dx = ABS (bounds.origin.x + bounds.size.width / 2 - from_x);
      /* Only rows on the side asked for; the nearest row, then the
       * nearest button in it. */
      if (dy < 1)
        continue;
      if (dy < best_dy - 1 || (dy <= best_dy + 1 && dx < best_dx))
        {
          best_dy = dy;
          best_dx = dx;
          best = i;
        }
    }
  return best;
}

static gboolean
convene_kind_palette_focus (GtkWidget        *widget,
                            GtkDirectionType  direction)
{
  ConveneKindPalette *self = CONVENE_KIND_PALETTE (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  guint next = self->current;

  if (!gtk_widget_is_sensitive (widget))
    return FALSE;

  /* Coming in, by Tab or by an arrow from outside: the current kind. */
  if (gtk_widget_get_focus_child (widget) == NULL)
    return gtk_widget_child_focus (self->buttons[self->current], direction);

  switch (direction)
    {
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
      /* Tab leaves the palette: every kind is one stop. */
      return FALSE;
    case GTK_DIR_LEFT:
    case GTK_DIR_RIGHT:
      if ((direction == GTK_DIR_RIGHT) != rtl)
        next = MIN (self->current + 1, CONVENE_N_SEGMENT_KINDS - 1);
      else
        next = self->current > 0 ? self->current - 1 : 0;
      break;
    case GTK_DIR_UP:
    case GTK_DIR_DOWN:
      next = nearest_in_row (self, direction == GTK_DIR_DOWN ? 1 : -1);
      break;
    default:
      break;
    }

  /* At an edge the focus stays (an arrow does not wander off into the
   * header or the timeline). */
  if (next != self->current)
    gtk_widget_grab_focus (self->buttons[next]);
  else
    gtk_widget_error_bell (widget);
  return TRUE;
}

/* Whichever way a kind got the focus (a click, the arrows), it is the one
 * Tab comes back to. */
static void
convene_kind_palette_set_focus_child (GtkWidget *widget,
                                      GtkWidget *child)
{
  ConveneKindPalette *self = CONVENE_KIND_PALETTE (widget);

  GTK_WIDGET_CLASS (convene_kind_palette_parent_class)->set_focus_child (widget, child);
  for (guint i = 0; child != NULL && i < CONVENE_N_SEGMENT_KINDS; i++)
    {
      if (self->buttons[i] == child)
        self->current = i;
    }
}

static gboolean
home_end_pressed (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  ConveneKindPalette    *self)
{
  if ((state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Home || keyval == GDK_KEY_KP_Home)
    gtk_widget_grab_focus (self->buttons[0]);
  else if (keyval == GDK_KEY_End || keyval == GDK_KEY_KP_End)
    gtk_widget_grab_focus (self->buttons[CONVENE_N_SEGMENT_KINDS - 1]);
  else
    return FALSE;
  return TRUE;
}

static void
convene_kind_palette_dispose (GObject *object)
{
  ConveneKindPalette *self = CONVENE_KIND_PALETTE (object);

  if (self->named_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->named_tick);
  self->named_tick = 0;
  for (guint i = 0; i < CONVENE_N_SEGMENT_KINDS; i++)
    {
      g_clear_pointer (&self->buttons[i], gtk_widget_unparent);
      self->labels[i] = NULL;
    }

  G_OBJECT_CLASS (convene_kind_palette_parent_class)->dispose (object);
}

static void
convene_kind_palette_class_init (ConveneKindPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_kind_palette_dispose;

  widget_class->get_request_mode = convene_kind_palette_get_request_mode;
  widget_class->measure = convene_kind_palette_measure;
  widget_class->size_allocate = convene_kind_palette_size_allocate;
  widget_class->focus = convene_kind_palette_focus;
  widget_class->set_focus_child = convene_kind_palette_set_focus_child;
  gtk_widget_class_set_css_name (widget_class, "kindpalette");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
convene_kind_palette_init (ConveneKindPalette *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect (keys, "key-pressed", G_CALLBACK (home_end_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_widget_add_css_class (GTK_WIDGET (self), "kind-strip");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kinds of segment: drag one into the timeline, or press it to add it after the selected segment; the arrow keys go from kind to kind"),
                                  -1);

  for (guint kind = 0; kind < CONVENE_N_SEGMENT_KINDS; kind++)
    {
      const char *label = convene_segment_kind_get_label (kind);
      g_autofree char *css_class = g_strdup_printf ("kind-%s", convene_segment_kind_to_nick (kind));
      g_autofree char *tooltip = NULL;
      GtkWidget *button = gtk_button_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, CONTENT_SPACING);
      GtkWidget *icon = gtk_image_new_from_icon_name (convene_segment_kind_get_icon_name (kind));
      GtkDragSource *source = gtk_drag_source_new ();

      /* The button's accessible label names the kind whether or not its
       * name is shown; the label and icon inside add nothing to it. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_box_append (GTK_BOX (content), icon);
      self->labels[kind] = gtk_label_new (label);
      gtk_box_append (GTK_BOX (content), self->labels[kind]);
      gtk_button_set_child (GTK_BUTTON (button), content);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_add_css_class (button, "palette-kind");
      gtk_widget_add_css_class (button, css_class);
      /* Translators: %s is a kind of segment, "Add Panel". */
      /* (GTK also gives the tooltip to assistive technologies as the
       * button's description.) */
      tooltip = g_strdup_printf (_("Add %s (or drag it into the timeline)"), label);
      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data (G_OBJECT (button), "kind", GUINT_TO_POINTER (kind));

      gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
      g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare), button);
      g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin), button);
      gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (source));

      self->buttons[kind] = button;
      gtk_widget_set_parent (button, GTK_WIDGET (self));
    }
  set_named (self, TRUE);
}

GtkWidget *
convene_kind_palette_new (const char *action_name)
{
  ConveneKindPalette *self = g_object_new (CONVENE_TYPE_KIND_PALETTE, NULL);

  g_return_val_if_fail (action_name != NULL, NULL);

  for (guint kind = 0; kind < CONVENE_N_SEGMENT_KINDS; kind++)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->buttons[kind]), action_name);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->buttons[kind]), "s",
                                        convene_segment_kind_to_nick (kind));
    }
  return GTK_WIDGET (self);
}
