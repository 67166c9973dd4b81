#define G_LOG_DOMAIN "convene-fit-label"
#include "config.h"

#include "convene-fit-label.h"

#define MAX_LINES 8

struct _ConveneFitLabel
{
  GtkWidget parent_instance;

  char    *label;
  guint    lines;
  gboolean uniform_digits;
  gboolean accessible_follows_label;

  /* The size found for the text, width, height and font it was found for. */
  char                 *fit_text;
  int                   fit_width;
  int                   fit_height;
  PangoFontDescription *fit_font;
  double                font_size;
};

G_DEFINE_FINAL_TYPE (ConveneFitLabel, convene_fit_label, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_LINES,
  PROP_UNIFORM_DIGITS,
  PROP_ACCESSIBLE_FOLLOWS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The text the size is chosen for. */
static char *
sizing_text (ConveneFitLabel *self)
{
  char *text = g_strdup (self->label ? self->label : "");

  if (self->uniform_digits)
    for (char *p = text; *p != '\0'; p++)
      if (g_ascii_isdigit (*p))
        *p = '0';
  return text;
}

/* A layout of text at size pixels, wrapped to width when more than one
 * line is allowed. */
static PangoLayout *
make_layout (ConveneFitLabel            *self,
             const char                 *text,
             const PangoFontDescription *base,
             double                      size,
             int                         width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (base);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  /* Figures of one width: a countdown does not shift as it counts. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  if (self->lines > 1)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

static gboolean
fits (ConveneFitLabel *self,
      PangoLayout     *layout,
      int              width,
      int              height)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.width <= width && logical.height <= height &&
         (guint) pango_layout_get_line_count (layout) <= self->lines;
}

/* Finds the largest size at which the text fits the allocation: sizes
 * only grow the text, so halve the interval down to a fraction of a pixel. */
static void
ensure_fit (ConveneFitLabel *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  const PangoFontDescription *base = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  g_autofree char *text = sizing_text (self);
  double low = 1, high;

  if (self->fit_text != NULL && g_str_equal (self->fit_text, text) &&
      self->fit_width == width && self->fit_height == height &&
      self->fit_font != NULL && pango_font_description_equal (self->fit_font, base))
    return;

  g_free (self->fit_text);
  self->fit_text = g_strdup (text);
  self->fit_width = width;
  self->fit_height = height;
  g_clear_pointer (&self->fit_font, pango_font_description_free);
  self->fit_font = pango_font_description_copy (base);

  if (*text == '\0' || width <= 0 || height <= 0)
    {
      self->font_size = 0;
      return;
    }

  high = height;
  for (int i = 0; i < 16 && high - low > 0.25; i++)
    {
      double middle = (low + high) / 2;
      g_autoptr(PangoLayout) layout = make_layout (self, text, base, middle, width);

      if (fits (self, layout, width, height))
        low = middle;
      else
        high = middle;
    }
  self->font_size = low;
}

static void
convene_fit_label_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ConveneFitLabel *self = CONVENE_FIT_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  GdkRGBA color;
  double x;

  ensure_fit (self);
  if (self->font_size <= 0)
    return;

  layout = make_layout (self, self->label, self->fit_font, self->font_size, width);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  x = self->lines > 1 ? 0 : (width - logical.width) / 2.0 - logical.x;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  /* The size was chosen to fit; the clip keeps a glyph whose ink reaches
   * past its box inside the frame all the same. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, (height - logical.height) / 2.0 - logical.y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

/* Asks for no room: the container gives it its share of the screen. */
static void
convene_fit_label_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = 0;
  *natural = 0;
}

static void
convene_fit_label_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  gtk_widget_queue_draw (widget);
}

static void
update_accessible (ConveneFitLabel *self)
{
  if (self->accessible_follows_label)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, self->label ? self->label : "",
                                    -1);
}

static void
convene_fit_label_finalize (GObject *object)
{
  ConveneFitLabel *self = CONVENE_FIT_LABEL (object);

  g_free (self->label);
  g_free (self->fit_text);
  g_clear_pointer (&self->fit_font, pango_font_description_free);

  G_OBJECT_CLASS (convene_fit_label_parent_class)->finalize (object);
}

static void
convene_fit_label_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ConveneFitLabel *self = CONVENE_FIT_LABEL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_LINES:
      g_value_set_uint (value, self->lines);
      break;
    case PROP_UNIFORM_DIGITS:
      g_value_set_boolean (value, self->uniform_digits);
      break;
    case PROP_ACCESSIBLE_FOLLOWS_LABEL:
      g_value_set_boolean (value, self->accessible_follows_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_fit_label_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ConveneFitLabel *self = CONVENE_FIT_LABEL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      convene_fit_label_set_label (self, g_value_get_string (value));
      break;
    case PROP_LINES:
      if (self->lines != g_value_get_uint (value))
        {
          self->lines = g_value_get_uint (value);
          g_clear_pointer (&self->fit_text, g_free);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_UNIFORM_DIGITS:
      if (self->uniform_digits != g_value_get_boolean (value))
        {
          self->uniform_digits = g_value_get_boolean (value);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_ACCESSIBLE_FOLLOWS_LABEL:
      if (self->accessible_follows_label != g_value_get_boolean (value))
        {
          self->accessible_follows_label = g_value_get_boolean (value);
          update_accessible (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_fit_label_class_init (ConveneFitLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = convene_fit_label_finalize;
  object_class->get_property = convene_fit_label_get_property;
  object_class->set_property = convene_fit_label_set_property;
  widget_class->snapshot = convene_fit_label_snapshot;
  widget_class->measure = convene_fit_label_measure;
  widget_class->size_allocate = convene_fit_label_size_allocate;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_LINES] = g_param_spec_uint ("lines", NULL, NULL, 1, MAX_LINES, 1, flags);
  properties[PROP_UNIFORM_DIGITS] = g_param_spec_boolean ("uniform-digits", NULL, NULL, FALSE, flags);
  properties[PROP_ACCESSIBLE_FOLLOWS_LABEL] =
    g_param_spec_boolean ("accessible-follows-label", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "fitlabel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
convene_fit_label_init (ConveneFitLabel *self)
{
  self->lines = 1;
  self->accessible_follows_label = TRUE;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
convene_fit_label_new (const char *label)
{
  return g_object_new (CONVENE_TYPE_FIT_LABEL, "label", label, NULL);
}

const char *
convene_fit_label_get_label (ConveneFitLabel *self)
{
  g_return_val_if_fail (CONVENE_IS_FIT_LABEL (self), NULL);
  return self->label;
}

void
convene_fit_label_set_label (ConveneFitLabel *self,
                             const char      *label)
{
  g_return_if_fail (CONVENE_IS_FIT_LABEL (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

double
convene_fit_label_get_font_size (ConveneFitLabel *self)
{
  g_return_val_if_fail (CONVENE_IS_FIT_LABEL (self), 0);
  ensure_fit (self);
  return self->font_size;
}
