#define G_LOG_DOMAIN "convene-field-row"
#include "config.h"

#include "convene-field-row.h"

#include "convene-row-layout.h"

struct _ConveneFieldRow
{
  AdwPreferencesRow parent_instance;

  /* template widgets */
  GtkWidget *header;
  GtkWidget *prefixes;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *suffixes;

  /* owned */
  GBinding  *activatable_binding; /* a reference, as the widget may go first */

  /* borrowed */
  GtkWidget *activatable_widget;  /* weak */
  GtkWidget *list;                /* weak: the list whose activations are ours */
};

static void convene_field_row_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ConveneFieldRow, convene_field_row, ADW_TYPE_PREFERENCES_ROW,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, convene_field_row_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_SUBTITLE,
  PROP_ACTIVATABLE_WIDGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
row_activated (ConveneFieldRow *self,
               GtkListBoxRow   *row)
{
  if (row == GTK_LIST_BOX_ROW (self) && self->activatable_widget != NULL)
    gtk_widget_mnemonic_activate (self->activatable_widget, FALSE);
}

static void
stop_listening (ConveneFieldRow *self)
{
  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->list, row_activated, self);
      g_clear_weak_pointer (&self->list);
    }
}

/* A list box tells its rows' activations to the list, not to the row. */
static void
parent_changed (ConveneFieldRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  stop_listening (self);
  if (GTK_IS_LIST_BOX (parent))
    {
      g_set_weak_pointer (&self->list, parent);
      g_signal_connect_swapped (parent, "row-activated", G_CALLBACK (row_activated), self);
    }
}

static void
convene_field_row_dispose (GObject *object)
{
  ConveneFieldRow *self = CONVENE_FIELD_ROW (object);

  stop_listening (self);
  convene_field_row_set_activatable_widget (self, NULL);
  /* No gtk_widget_dispose_template(): the template's one widget is the list
   * row's child, which the row lets go of itself. */
  G_OBJECT_CLASS (convene_field_row_parent_class)->dispose (object);
}

static void
convene_field_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ConveneFieldRow *self = CONVENE_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      g_value_set_string (value, convene_field_row_get_subtitle (self));
      break;
    case PROP_ACTIVATABLE_WIDGET:
      g_value_set_object (value, self->activatable_widget);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_field_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ConveneFieldRow *self = CONVENE_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      convene_field_row_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_ACTIVATABLE_WIDGET:
      convene_field_row_set_activatable_widget (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_field_row_class_init (ConveneFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_field_row_dispose;
  object_class->get_property = convene_field_row_get_property;
  object_class->set_property = convene_field_row_set_property;

  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVATABLE_WIDGET] =
    g_param_spec_object ("activatable-widget", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CONVENE_TYPE_ROW_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/convene-field-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneFieldRow, header);
  gtk_widget_class_bind_template_child (widget_class, ConveneFieldRow, prefixes);
  gtk_widget_class_bind_template_child (widget_class, ConveneFieldRow, title);
  gtk_widget_class_bind_template_child (widget_class, ConveneFieldRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, ConveneFieldRow, suffixes);
}

static void
convene_field_row_init (ConveneFieldRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::parent", G_CALLBACK (parent_changed), NULL);
}

static void
convene_field_row_buildable_add_child (GtkBuildable *buildable,
                                       GtkBuilder   *builder,
                                       GObject      *child,
                                       const char   *type)
{
  ConveneFieldRow *self = CONVENE_FIELD_ROW (buildable);

  /* The template's own child is the row's, as in any list row. */
  if (self->header == NULL)
    parent_buildable_iface->add_child (buildable, builder, child, type);
  else if (GTK_IS_WIDGET (child) && g_strcmp0 (type, "prefix") == 0)
    convene_field_row_add_prefix (self, GTK_WIDGET (child));
  else if (GTK_IS_WIDGET (child) && (type == NULL || g_strcmp0 (type, "suffix") == 0))
    convene_field_row_add_suffix (self, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
convene_field_row_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = convene_field_row_buildable_add_child;
}

GtkWidget *
convene_field_row_new (void)
{
  return g_object_new (CONVENE_TYPE_FIELD_ROW, NULL);
}

const char *
convene_field_row_get_subtitle (ConveneFieldRow *self)
{
  g_return_val_if_fail (CONVENE_IS_FIELD_ROW (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->subtitle));
}

void
convene_field_row_set_subtitle (ConveneFieldRow *self,
                                const char      *subtitle)
{
  g_return_if_fail (CONVENE_IS_FIELD_ROW (self));

  if (g_strcmp0 (convene_field_row_get_subtitle (self), subtitle != NULL ? subtitle : "") == 0)
    return;
  gtk_label_set_text (GTK_LABEL (self->subtitle), subtitle);
  gtk_widget_set_visible (self->subtitle, subtitle != NULL && subtitle[0] != '\0');
  /* Both texts share the spare height: the title rests on the subtitle. */
  gtk_label_set_yalign (GTK_LABEL (self->title), gtk_widget_get_visible (self->subtitle) ? 1.0f : 0.5f);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

GtkWidget *
convene_field_row_get_activatable_widget (ConveneFieldRow *self)
{
  g_return_val_if_fail (CONVENE_IS_FIELD_ROW (self), NULL);

  return self->activatable_widget;
}

/* Activating the row (a click on its text, Enter or Space on it) activates
 * widget, and the row can be activated while widget is sensitive. */
void
convene_field_row_set_activatable_widget (ConveneFieldRow *self,
                                          GtkWidget       *widget)
{
  g_return_if_fail (CONVENE_IS_FIELD_ROW (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  if (self->activatable_widget == widget)
    return;
  if (self->activatable_binding != NULL)
    {
      g_binding_unbind (self->activatable_binding);
      g_clear_object (&self->activatable_binding);
    }
  g_clear_weak_pointer (&self->activatable_widget);
  if (widget != NULL)
    {
      g_set_weak_pointer (&self->activatable_widget, widget);
      self->activatable_binding = g_object_ref (g_object_bind_property (widget, "sensitive", self, "activatable",
                                                                        G_BINDING_SYNC_CREATE));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVATABLE_WIDGET]);
}

void
convene_field_row_add_prefix (ConveneFieldRow *self,
                              GtkWidget       *widget)
{
  g_return_if_fail (CONVENE_IS_FIELD_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_prepend (GTK_BOX (self->prefixes), widget);
  gtk_widget_set_visible (self->prefixes, TRUE);
}

void
convene_field_row_add_suffix (ConveneFieldRow *self,
                              GtkWidget       *widget)
{
  g_return_if_fail (CONVENE_IS_FIELD_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (self->suffixes), widget);
  gtk_widget_set_visible (self->suffixes, TRUE);
}
