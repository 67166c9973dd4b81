/* convene-outcomes-view.c: see the header. */
#define G_LOG_DOMAIN "Convene"

#include "config.h"

#include <glib/gi18n.h>

#include "convene-outcomes-view.h"

struct _ConveneOutcomesView
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (ConveneOutcomesView, convene_outcomes_view, GTK_TYPE_WIDGET)

static void
convene_outcomes_view_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (convene_outcomes_view_parent_class)->dispose (object);
}

static void
convene_outcomes_view_class_init (ConveneOutcomesViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = convene_outcomes_view_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
convene_outcomes_view_init (ConveneOutcomesView *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
convene_outcomes_view_new (void)
{
  return g_object_new (CONVENE_TYPE_OUTCOMES_VIEW, NULL);
}

void
convene_outcomes_view_set_session (ConveneOutcomesView *self,
                                  ConveneDocument *document,
                                  ConveneSession  *session)
{
  g_return_if_fail (CONVENE_IS_OUTCOMES_VIEW (self));
  (void) document;
  (void) session;
}
