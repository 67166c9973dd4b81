/* convene-outcome-links.c: see the header. */
#define G_LOG_DOMAIN "Convene"

#include "config.h"

#include <glib/gi18n.h>

#include "convene-outcome-links.h"

struct _ConveneOutcomeLinks
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (ConveneOutcomeLinks, convene_outcome_links, GTK_TYPE_WIDGET)

static void
convene_outcome_links_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (convene_outcome_links_parent_class)->dispose (object);
}

static void
convene_outcome_links_class_init (ConveneOutcomeLinksClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = convene_outcome_links_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
convene_outcome_links_init (ConveneOutcomeLinks *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
convene_outcome_links_new (void)
{
  return g_object_new (CONVENE_TYPE_OUTCOME_LINKS, NULL);
}

void
convene_outcome_links_set_segment (ConveneOutcomeLinks *self,
                                  ConveneDocument *document,
                                  ConveneSession  *session,
                                  ConveneSegment  *segment)
{
  g_return_if_fail (CONVENE_IS_OUTCOME_LINKS (self));
  (void) document;
  (void) session;
  (void) segment;
}
