#define G_LOG_DOMAIN "convene-row-layout"
#include "config.h"

#include "convene-row-layout.h"

struct _ConveneRowLayout
{
  GtkLayoutManager parent_instance;

  int spacing;
};

G_DEFINE_FINAL_TYPE (ConveneRowLayout, convene_row_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_should_layout (child);
  return n;
}

/* The widths the children get out of width, in sizes[] (one per child that
 * is laid out, in order). */
static void
share_width (ConveneRowLayout *self,
             GtkWidget        *widget,
             int               width,
             GtkRequestedSize *sizes,
             guint             n)
{
  guint i = 0, n_expand = 0;
  int room = width - (int) (n - 1) * self->spacing;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1,
                          &sizes[i].minimum_size, &sizes[i].natural_size, NULL, NULL);
      sizes[i].data = child;
      room -= sizes[i].minimum_size;
      n_expand += gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      i++;
    }
  room = gtk_distribute_natural_allocation (MAX (room, 0), n, sizes);
  for (i = 0; i < n; i++)
    {
      if (n_expand > 0 && gtk_widget_compute_expand (sizes[i].data, GTK_ORIENTATION_HORIZONTAL))
        {
          int share = room / (int) n_expand;

          sizes[i].minimum_size += share;
          room -= share;
          n_expand--;
        }
    }
}

static GtkSizeRequestMode
convene_row_layout_get_request_mode (GtkLayoutManager *manager,
                                     GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
convene_row_layout_measure (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            GtkOrientation    orientation,
                            int               for_size,
                            int              *minimum,
                            int              *natural,
                            int              *minimum_baseline,
                            int              *natural_baseline)
{
  ConveneRowLayout *self = CONVENE_ROW_LAYOUT (manager);
  guint n = count_children (widget);
  GtkRequestedSize *sizes;

  *minimum = *natural = 0;
  if (n == 0)
    return;

  /* Width: the children's side by side. Height: at no width in particular,
   * the tallest child's; at a width, the tallest child's at the width it
   * gets there. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL || for_size < 0)
    {
      gboolean across = orientation == GTK_ORIENTATION_HORIZONTAL;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min = 0, child_nat = 0;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = across ? *minimum + child_min : MAX (*minimum, child_min);
          *natural = across ? *natural + child_nat : MAX (*natural, child_nat);
        }
      if (across)
        {
          *minimum += (int) (n - 1) * self->spacing;
          *natural += (int) (n - 1) * self->spacing;
        }
      return;
    }

  sizes = g_newa (GtkRequestedSize, n);
  share_width (self, widget, for_size, sizes, n);
  for (guint i = 0; i < n; i++)
    {
      int child_min = 0, child_nat = 0;

      gtk_widget_measure (sizes[i].data, orientation, sizes[i].minimum_size, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
convene_row_layout_allocate (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             int               width,
                             int               height,
                             int               baseline)
{
  ConveneRowLayout *self = CONVENE_ROW_LAYOUT (manager);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  guint n = count_children (widget);
  GtkRequestedSize *sizes;
  int x = 0;

  if (n == 0)
    return;
  sizes = g_newa (GtkRequestedSize, n);
  share_width (self, widget, width, sizes, n);
  for (guint i = 0; i < n; i++)
    {
      int child_width = sizes[i].minimum_size;

      gtk_widget_size_allocate (sizes[i].data,
                                &(GtkAllocation) { rtl ? width - x - child_width : x, 0, child_width, height }, -1);
      x += child_width + self->spacing;
    }
}

static void
convene_row_layout_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ConveneRowLayout *self = CONVENE_ROW_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_row_layout_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ConveneRowLayout *self = CONVENE_ROW_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      if (self->spacing != g_value_get_int (value))
        {
          self->spacing = g_value_get_int (value);
          gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_row_layout_class_init (ConveneRowLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->get_property = convene_row_layout_get_property;
  object_class->set_property = convene_row_layout_set_property;
  layout_class->get_request_mode = convene_row_layout_get_request_mode;
  layout_class->measure = convene_row_layout_measure;
  layout_class->allocate = convene_row_layout_allocate;

  /* The room between children, as a GtkBox's spacing. */
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
convene_row_layout_init (ConveneRowLayout *self)
{
}

GtkLayoutManager *
convene_row_layout_new (int spacing)
{
  return g_object_new (CONVENE_TYPE_ROW_LAYOUT, "spacing", MAX (spacing, 0), NULL);
}

GtkWidget *
convene_row_layout_box_new (int spacing)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_layout_manager (box, convene_row_layout_new (spacing));
  return box;
}
