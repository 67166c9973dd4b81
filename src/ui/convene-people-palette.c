/* convene-people-palette.c: see the header. */
#define G_LOG_DOMAIN "Convene"

#include "config.h"

#include <glib/gi18n.h>

#include "convene-people-palette.h"

struct _ConvenePeoplePalette
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (ConvenePeoplePalette, convene_people_palette, GTK_TYPE_WIDGET)

static void
convene_people_palette_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (convene_people_palette_parent_class)->dispose (object);
}

static void
convene_people_palette_class_init (ConvenePeoplePaletteClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = convene_people_palette_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
convene_people_palette_init (ConvenePeoplePalette *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
convene_people_palette_new (void)
{
  return g_object_new (CONVENE_TYPE_PEOPLE_PALETTE, NULL);
}

void
convene_people_palette_set_document (ConvenePeoplePalette *self,
                                     ConveneDocument      *document)
{
  g_return_if_fail (CONVENE_IS_PEOPLE_PALETTE (self));
  (void) document;
}
