/* convene-outcomes-summary.c: see the header. */
#define G_LOG_DOMAIN "Convene"

#include "config.h"

#include <glib/gi18n.h>

#include "convene-outcomes-summary.h"

struct _ConveneOutcomesSummary
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (ConveneOutcomesSummary, convene_outcomes_summary, GTK_TYPE_WIDGET)

static void
convene_outcomes_summary_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (convene_outcomes_summary_parent_class)->dispose (object);
}

static void
convene_outcomes_summary_class_init (ConveneOutcomesSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = convene_outcomes_summary_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
convene_outcomes_summary_init (ConveneOutcomesSummary *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
convene_outcomes_summary_new (void)
{
  return g_object_new (CONVENE_TYPE_OUTCOMES_SUMMARY, NULL);
}

void
convene_outcomes_summary_set_document (ConveneOutcomesSummary *self,
                                      ConveneDocument *document)
{
  g_return_if_fail (CONVENE_IS_OUTCOMES_SUMMARY (self));
  (void) document;
}
