/* convene-icons.c: themed icons live as long as the process.
 *
 * GTK 4.8 caches the icons it looks up by name, size and flags, and a
 * widget that shows an icon asks for it to be loaded on a worker thread
 * ahead of drawing. That thread holds the icon until it has loaded it. If
 * the widget has gone meanwhile and the cache's short recently-used list
 * has moved on, the thread drops the last reference, and the icon is
 * finalized there while it is still in the cache: a lookup of the same
 * icon on the main thread at that moment finds it, fails to take a
 * reference to an object already finalizing ("g_object_ref: assertion
 * failed") and goes on with a null icon. A window opened while another
 * closed hit this.
 *
 * Holding one reference to every icon the theme creates closes that
 * window: no cached icon is ever finalized, so none is finalized on the
 * worker thread, and a second lookup finds its texture loaded and starts
 * no thread at all. The set is bounded by the distinct icons (names,
 * size, scale, flags) the window shows, a few hundred at most, each a
 * small texture; when the desktop switches icon themes, the old theme's
 * stay held too (they are out of the cache, so letting them go would be
 * safe, but a switch is rare and the set small). Icons made from files (no
 * icon name) are not cached by the theme and are left to their owners. */
#include "config.h"

#include <gtk/gtk.h>

#include "convene-icons.h"

static void (*icon_constructed) (GObject *object);
static GPtrArray *kept;
static GMutex kept_lock;

static void
keep_icon (GObject *object)
{
  if (icon_constructed != NULL)
    icon_constructed (object);

  /* The theme looks icons up on whichever thread asks. */
  if (gtk_icon_paintable_get_icon_name (GTK_ICON_PAINTABLE (object)) != NULL)
    {
      g_mutex_lock (&kept_lock);
      g_ptr_array_add (kept, g_object_ref (object));
      g_mutex_unlock (&kept_lock);
    }
}

void
convene_icons_keep_alive (void)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      /* The class stays referenced: the hook lives as long as the type. */
      GObjectClass *klass = g_type_class_ref (GTK_TYPE_ICON_PAINTABLE);

      kept = g_ptr_array_new ();
      icon_constructed = klass->constructed;
      klass->constructed = keep_icon;
      g_once_init_leave (&installed, 1);
    }
}
