/* convene-assignment-list.c: see the header. */
#define G_LOG_DOMAIN "Convene"

#include "config.h"

#include <glib/gi18n.h>

#include "convene-assignment-list.h"

struct _ConveneAssignmentList
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (ConveneAssignmentList, convene_assignment_list, GTK_TYPE_WIDGET)

static void
convene_assignment_list_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (convene_assignment_list_parent_class)->dispose (object);
}

static void
convene_assignment_list_class_init (ConveneAssignmentListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = convene_assignment_list_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
convene_assignment_list_init (ConveneAssignmentList *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
convene_assignment_list_new (void)
{
  return g_object_new (CONVENE_TYPE_ASSIGNMENT_LIST, NULL);
}

void
convene_assignment_list_set_target (ConveneAssignmentList *self,
                                   ConveneDocument *document,
                                   ConveneSession  *session,
                                   ConveneSegment  *segment)
{
  g_return_if_fail (CONVENE_IS_ASSIGNMENT_LIST (self));
  (void) document;
  (void) session;
  (void) segment;
}
