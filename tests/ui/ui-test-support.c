#define G_LOG_DOMAIN "convene-test-support"
#include "config.h"

#include "ui-test-support.h"

#define WAIT_SECONDS 15

/* Runs the main loop until condition holds; fails the test after a while
 * rather than hanging. */
void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

GtkWidget *
find_by_id (GtkWidget  *root,
            const char *id)
{
  const char *own = NULL;

  if (GTK_IS_BUILDABLE (root))
    own = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root));
  if (g_strcmp0 (own, id) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
require_widget (GtkWidget  *root,
                const char *id)
{
  GtkWidget *widget = find_by_id (root, id);

  if (widget == NULL)
    g_error ("no widget with id %s", id);
  return widget;
}

/* The text of every visible label under root, in tree order. */
void
collect_labels (GtkWidget *root,
                GPtrArray *texts)
{
  if (!gtk_widget_get_visible (root))
    return;
  if (GTK_IS_LABEL (root))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (root))));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_labels (root, texts);
  for (guint i = 0; i < texts->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (texts, i), text))
        return TRUE;
    }
  return FALSE;
}
