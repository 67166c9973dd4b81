#define G_LOG_DOMAIN "convene-expander-row"
#include "config.h"

#include "convene-expander-row.h"

#include "convene-field-row.h"

struct _ConveneExpanderRow
{
  AdwPreferencesRow parent_instance;

  /* template widgets, below the list row's child, which the row lets go of
   * itself (so no gtk_widget_dispose_template()) */
  GtkWidget *header;    /* a ConveneFieldRow */
  GtkWidget *revealer;
  GtkWidget *rows;      /* list.nested */

  /* made for the first prefix, in the header */
  GtkWidget *prefixes;

  gboolean   expanded;
};

G_DEFINE_FINAL_TYPE (ConveneExpanderRow, convene_expander_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_SUBTITLE,
  PROP_EXPANDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
header_activated (ConveneExpanderRow *self,
                  GtkListBoxRow      *row)
{
  if (row == GTK_LIST_BOX_ROW (self->header))
    convene_expander_row_set_expanded (self, !self->expanded);
}

/* Up or Down past the first or last row goes on to the widget before or
 * after this row, as in the list around it. */
static gboolean
keynav_failed (ConveneExpanderRow *self,
               GtkDirectionType    direction)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root == NULL || (direction != GTK_DIR_UP && direction != GTK_DIR_DOWN))
    return FALSE;
  return gtk_widget_child_focus (GTK_WIDGET (root),
                                 direction == GTK_DIR_UP ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
}

/* The row itself never holds the keyboard: its header and rows do. */
static gboolean
convene_expander_row_focus (GtkWidget        *widget,
                            GtkDirectionType  direction)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  return child != NULL && gtk_widget_child_focus (child, direction);
}

static gboolean
convene_expander_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (CONVENE_EXPANDER_ROW (widget)->header);
}

static void
convene_expander_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ConveneExpanderRow *self = CONVENE_EXPANDER_ROW (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      g_value_set_string (value, convene_expander_row_get_subtitle (self));
      break;
    case PROP_EXPANDED:
      g_value_set_boolean (value, self->expanded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_expander_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ConveneExpanderRow *self = CONVENE_EXPANDER_ROW (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      convene_expander_row_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_EXPANDED:
      convene_expander_row_set_expanded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_expander_row_class_init (ConveneExpanderRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = convene_expander_row_get_property;
  object_class->set_property = convene_expander_row_set_property;
  widget_class->focus = convene_expander_row_focus;
  widget_class->grab_focus = convene_expander_row_grab_focus;

  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CONVENE_TYPE_FIELD_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/convene-expander-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneExpanderRow, header);
  gtk_widget_class_bind_template_child (widget_class, ConveneExpanderRow, revealer);
  gtk_widget_class_bind_template_child (widget_class, ConveneExpanderRow, rows);
  gtk_widget_class_bind_template_callback (widget_class, header_activated);
  gtk_widget_class_bind_template_callback (widget_class, keynav_failed);
}

static void
convene_expander_row_init (ConveneExpanderRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->header), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
}

GtkWidget *
convene_expander_row_new (void)
{
  return g_object_new (CONVENE_TYPE_EXPANDER_ROW, NULL);
}

const char *
convene_expander_row_get_subtitle (ConveneExpanderRow *self)
{
  g_return_val_if_fail (CONVENE_IS_EXPANDER_ROW (self), NULL);

  return convene_field_row_get_subtitle (CONVENE_FIELD_ROW (self->header));
}

void
convene_expander_row_set_subtitle (ConveneExpanderRow *self,
                                   const char         *subtitle)
{
  g_return_if_fail (CONVENE_IS_EXPANDER_ROW (self));

  if (g_strcmp0 (convene_expander_row_get_subtitle (self), subtitle != NULL ? subtitle : "") == 0)
    return;
  convene_field_row_set_subtitle (CONVENE_FIELD_ROW (self->header), subtitle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

gboolean
convene_expander_row_get_expanded (ConveneExpanderRow *self)
{
  g_return_val_if_fail (CONVENE_IS_EXPANDER_ROW (self), FALSE);

  return self->expanded;
}

void
convene_expander_row_set_expanded (ConveneExpanderRow *self,
                                   gboolean            expanded)
{
  g_return_if_fail (CONVENE_IS_EXPANDER_ROW (self));

  expanded = !!expanded;
  if (self->expanded == expanded)
    return;
  self->expanded = expanded;
  if (expanded)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), expanded);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->header), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

/* Prefixes sit 12 pixels apart, as in an expander row. */
void
convene_expander_row_add_prefix (ConveneExpanderRow *self,
                                 GtkWidget          *widget)
{
  g_return_if_fail (CONVENE_IS_EXPANDER_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (self->prefixes == NULL)
    {
      self->prefixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      convene_field_row_add_prefix (CONVENE_FIELD_ROW (self->header), self->prefixes);
    }
  gtk_box_append (GTK_BOX (self->prefixes), widget);
}

void
convene_expander_row_add_row (ConveneExpanderRow *self,
                              GtkWidget          *row)
{
  g_return_if_fail (CONVENE_IS_EXPANDER_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (row));

  gtk_list_box_append (GTK_LIST_BOX (self->rows), row);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "empty");
}

void
convene_expander_row_remove (ConveneExpanderRow *self,
                             GtkWidget          *row)
{
  g_return_if_fail (CONVENE_IS_EXPANDER_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (row));

  /* A widget that is not a list row was given one around it. */
  if (gtk_widget_get_parent (row) != self->rows)
    row = gtk_widget_get_parent (row);
  g_return_if_fail (row != NULL && gtk_widget_get_parent (row) == self->rows);

  gtk_list_box_remove (GTK_LIST_BOX (self->rows), row);
  if (gtk_widget_get_first_child (self->rows) == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "empty");
}
