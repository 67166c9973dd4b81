/* test-row-layout.c: ConveneRowLayout shares a row's width as a horizontal
 * box does, reverses for right-to-left text, and never asks a child how
 * wide it must be at a given height (which a wrapping label answers by
 * laying its text out at a dozen widths). */
#include "config.h"

#include <adwaita.h>

#include "convene-icons.h"
#include "convene-row-layout.h"

/* A child with fixed widths that counts the questions it is asked. */
#define TEST_TYPE_PROBE (test_probe_get_type ())
G_DECLARE_FINAL_TYPE (TestProbe, test_probe, TEST, PROBE, GtkWidget)

struct _TestProbe
{
  GtkWidget parent_instance;
  int       minimum;
  int       natural;
  guint     width_for_height; /* horizontal measures with a height */
};

G_DEFINE_FINAL_TYPE (TestProbe, test_probe, GTK_TYPE_WIDGET)

static void
test_probe_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  TestProbe *self = TEST_PROBE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      self->width_for_height += for_size >= 0;
      *minimum = self->minimum;
      *natural = self->natural;
    }
  else
    {
      /* Taller when narrower, like a wrapping text. */
      *minimum = *natural = for_size >= 0 && for_size < self->natural ? 40 : 20;
    }
}

static GtkSizeRequestMode
test_probe_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
test_probe_class_init (TestProbeClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = test_probe_measure;
  GTK_WIDGET_CLASS (klass)->get_request_mode = test_probe_get_request_mode;
}

static void
test_probe_init (TestProbe *self)
{
}

static TestProbe *
probe_new (int minimum,
           int natural)
{
  TestProbe *probe = g_object_new (TEST_TYPE_PROBE, NULL);

  probe->minimum = minimum;
  probe->natural = natural;
  return probe;
}

static graphene_rect_t
bounds_in (GtkWidget *child,
           GtkWidget *row)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (child, row, &bounds));
  return bounds;
}

static void
allocate (GtkWidget *row,
          int        width)
{
  int height = 0;

  gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  gtk_widget_size_allocate (row, &(GtkAllocation) { 0, 0, width, height }, -1);
}

static void
test_widths (void)
{
  GtkWidget *row = g_object_ref_sink (convene_row_layout_box_new (10));
  TestProbe *a = probe_new (50, 100), *b = probe_new (20, 40), *c = probe_new (30, 30);
  int minimum = 0, natural = 0, height = 0;
  graphene_rect_t bounds;

  gtk_box_append (GTK_BOX (row), GTK_WIDGET (a));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (b));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (c));
  gtk_widget_set_hexpand (GTK_WIDGET (b), TRUE);

  /* The children's widths and the spacing between them. */
  gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 50 + 20 + 30 + 2 * 10);
  g_assert_cmpint (natural, ==, 100 + 40 + 30 + 2 * 10);

  /* 300 px: each child its natural width, the rest to the one that
   * expands; its height is the tallest child's at the width it gets. */
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, 300, &height, NULL, NULL, NULL);
  g_assert_cmpint (height, ==, 20);
  allocate (row, 300);
  bounds = bounds_in (GTK_WIDGET (a), row);
  g_assert_cmpfloat (bounds.origin.x, ==, 0);
  g_assert_cmpfloat (bounds.size.width, ==, 100);
  bounds = bounds_in (GTK_WIDGET (b), row);
  g_assert_cmpfloat (bounds.origin.x, ==, 110);
  g_assert_cmpfloat (bounds.size.width, ==, 150);
  bounds = bounds_in (GTK_WIDGET (c), row);
  g_assert_cmpfloat (bounds.origin.x, ==, 270);
  g_assert_cmpfloat (bounds.size.width, ==, 30);

  /* 140 px: minimum widths first, the 20 px left towards the natural
   * widths; a child below its natural width is taller. */
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, 140, &height, NULL, NULL, NULL);
  g_assert_cmpint (height, ==, 40);
  allocate (row, 140);
  g_assert_cmpfloat (bounds_in (GTK_WIDGET (a), row).size.width + bounds_in (GTK_WIDGET (b), row).size.width, ==,
                     50 + 20 + 20);
  g_assert_cmpfloat (bounds_in (GTK_WIDGET (c), row).size.width, ==, 30);

  /* Right to left: the first child on the right. */
  gtk_widget_set_direction (row, GTK_TEXT_DIR_RTL);
  allocate (row, 300);
  g_assert_cmpfloat (bounds_in (GTK_WIDGET (a), row).origin.x, ==, 200);
  g_assert_cmpfloat (bounds_in (GTK_WIDGET (b), row).origin.x, ==, 40);
  g_assert_cmpfloat (bounds_in (GTK_WIDGET (c), row).origin.x, ==, 0);

  /* A hidden child takes no room. */
  gtk_widget_set_visible (GTK_WIDGET (c), FALSE);
  gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, ==, 50 + 20 + 10);

  g_assert_cmpuint (a->width_for_height + b->width_for_height + c->width_for_height, ==, 0);
  g_object_unref (row);
}

/* A wrapping label in a row nested in other boxes is never asked for its
 * width at a height: its height at a width is all the row needs. */
static void
test_wrapping_text (void)
{
  GtkWidget *outer = g_object_ref_sink (convene_row_layout_box_new (12));
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = convene_row_layout_box_new (6);
  GtkWidget *label = gtk_label_new ("A title long enough to wrap onto a second line at a narrow width");
  TestProbe *badge = probe_new (30, 30);
  TestProbe *icon = probe_new (32, 32);
  int narrow = 0, wide = 0;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (heading), label);
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (badge));
  gtk_box_append (GTK_BOX (column), heading);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (icon));
  gtk_box_append (GTK_BOX (outer), column);

  gtk_widget_measure (outer, GTK_ORIENTATION_VERTICAL, 200, &narrow, NULL, NULL, NULL);
  gtk_widget_measure (outer, GTK_ORIENTATION_VERTICAL, 2000, &wide, NULL, NULL, NULL);
  g_assert_cmpint (narrow, >, wide);
  allocate (outer, 200);
  g_assert_cmpfloat (bounds_in (label, outer).size.width, ==, 200 - 32 - 12 - 30 - 6);
  g_assert_cmpfloat (bounds_in (GTK_WIDGET (badge), outer).origin.x, ==, 200 - 30);
  g_assert_cmpuint (badge->width_for_height + icon->width_for_height, ==, 0);
  g_object_unref (outer);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  convene_icons_keep_alive ();
  g_test_add_func ("/ui/row-layout/widths", test_widths);
  g_test_add_func ("/ui/row-layout/wrapping-text", test_wrapping_text);
  return g_test_run ();
}
