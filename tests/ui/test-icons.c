/* Themed icons outlive the widgets that showed them (convene-icons.c), so
 * GTK never finalizes one on its icon-loading thread while the cache
 * still lists it. */
#include "config.h"

#include <adwaita.h>

#include "convene-icons.h"

#define ICON "list-add-symbolic"

static GtkIconPaintable *
look_up (int size)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  return gtk_icon_theme_lookup_icon (theme, ICON, NULL, size, 1, GTK_TEXT_DIR_LTR, 0);
}

/* The theme keeps the icons it looked up last (fewer than a hundred in GTK
 * 4.8); once more than that have been looked up, an icon no widget shows
 * any more would be finalized. */
static void
test_cached_icons_stay (void)
{
  GtkIconPaintable *first = look_up (16);
  GtkIconPaintable *again;
  gpointer alive = first;

  g_object_add_weak_pointer (G_OBJECT (first), &alive);
  g_object_unref (first);
  for (int size = 17; size < 17 + 200; size++)
    g_object_unref (look_up (size));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_nonnull (alive);
  again = look_up (16);
  g_assert_true (again == alive);
  g_object_remove_weak_pointer (G_OBJECT (again), &alive);
  g_object_unref (again);
}

/* Icons made from a file are not in the theme's cache: their owners
 * decide how long they live. */
static void
test_file_icons_are_not_kept (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/convene-icon.svg");
  GtkIconPaintable *icon = gtk_icon_paintable_new_for_file (file, 16, 1);
  gpointer alive = icon;

  g_object_add_weak_pointer (G_OBJECT (icon), &alive);
  g_object_unref (icon);
  g_assert_null (alive);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  convene_icons_keep_alive ();
  convene_icons_keep_alive ();
  g_test_add_func ("/ui/icons/cached-icons-stay", test_cached_icons_stay);
  g_test_add_func ("/ui/icons/file-icons-are-not-kept", test_file_icons_are_not_kept);
  return g_test_run ();
}
