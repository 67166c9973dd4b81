/* convene-session-warnings.c: see the header. */
#define G_LOG_DOMAIN "Convene"

#include "config.h"

#include <glib/gi18n.h>

#include "convene-session-warnings.h"

struct _ConveneSessionWarnings
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (ConveneSessionWarnings, convene_session_warnings, GTK_TYPE_WIDGET)

static void
convene_session_warnings_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (convene_session_warnings_parent_class)->dispose (object);
}

static void
convene_session_warnings_class_init (ConveneSessionWarningsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = convene_session_warnings_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
convene_session_warnings_init (ConveneSessionWarnings *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
convene_session_warnings_new (void)
{
  return g_object_new (CONVENE_TYPE_SESSION_WARNINGS, NULL);
}

void
convene_session_warnings_set_session (ConveneSessionWarnings *self,
                                     ConveneDocument *document,
                                     ConveneSession  *session)
{
  g_return_if_fail (CONVENE_IS_SESSION_WARNINGS (self));
  (void) document;
  (void) session;
}
