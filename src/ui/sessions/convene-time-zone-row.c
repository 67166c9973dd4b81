/* convene-time-zone-row.c: see the header. */
#define G_LOG_DOMAIN "convene-time-zone-row"
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "convene-time-zone-row.h"
#include "convene-ui-util.h"
#include "convene-validate.h"

struct _ConveneTimeZoneRow
{
  AdwActionRow        parent_instance;

  /* children */
  GtkMenuButton      *button;
  GtkPopover         *popover;
  GtkSearchEntry     *search;
  GtkListView        *list;

  /* owned */
  char               *zone;
  char               *search_text;  /* what the filter matches, as typed */
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GDateTime          *now;          /* when the offsets shown are taken */
};

G_DEFINE_FINAL_TYPE (ConveneTimeZoneRow, convene_time_zone_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ZONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ZONE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Names and offsets */

/* Each word of search, in any case, somewhere in the name: "new york" and
 * "york new" find America/New_York, as "New_York" does. */
gboolean
convene_time_zone_matches (const char *zone,
                           const char *search)
{
  g_autofree char *name = NULL;
  g_autofree char *wanted = NULL;
  g_auto(GStrv) words = NULL;

  if (zone == NULL)
    return FALSE;
  if (search == NULL)
    return TRUE;
  name = g_utf8_strdown (zone, -1);
  wanted = g_utf8_strdown (search, -1);
  words = g_strsplit_set (wanted, " \t_", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (name, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

char *
convene_time_zone_format_offset (const char *zone,
                                 GDateTime  *now)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) there = NULL;
  gint64 minutes;

  g_return_val_if_fail (now != NULL, g_strdup (""));

  /* Only a name of the list is read: never a path GLib would also take. */
  if (!convene_time_zone_is_known (zone))
    return g_strdup ("");
  tz = g_time_zone_new_identifier (zone);
  if (tz == NULL)
    return g_strdup ("");
  there = g_date_time_to_timezone (now, tz);
  if (there == NULL)
    return g_strdup ("");
  minutes = g_date_time_get_utc_offset (there) / G_TIME_SPAN_MINUTE;
  /* Translators: a time zone's offset from UTC now, such as UTC+01:00 or
   * UTC−05:00; %s is the sign, then hours and minutes. */
  return g_strdup_printf (_("UTC%s%02d:%02d"), minutes < 0 ? "−" : "+",
                          (int) (ABS (minutes) / 60), (int) (ABS (minutes) % 60));
}

/* Shows the model */

static void
show_zone (ConveneTimeZoneRow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *offset = convene_time_zone_format_offset (self->zone, now);
  g_autofree char *subtitle = NULL;

  if (*offset != '\0')
    /* Translators: a time zone and its offset now: "Europe/Zurich · UTC+01:00" */
    subtitle = g_strdup_printf (_("%s · %s"), self->zone, offset);
  else
    subtitle = g_strdup (self->zone);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

/* The popover */

static gboolean
zone_visible (gpointer item,
              gpointer data)
{
  ConveneTimeZoneRow *self = data;

  return convene_time_zone_matches (gtk_string_object_get_string (item), self->search_text);
}

static void
item_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *offset = gtk_label_new (NULL);

  (void) factory;
  (void) data;
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (offset, "dim-label");
  gtk_widget_add_css_class (offset, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), offset);
  gtk_list_item_set_child (item, box);
}

static void
item_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ConveneTimeZoneRow       *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *offset = gtk_widget_get_next_sibling (name);
  const char *zone = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_autofree char *shown_offset = convene_time_zone_format_offset (zone, self->now);
  g_autofree char *label = NULL;

  (void) factory;
  gtk_label_set_text (GTK_LABEL (name), zone);
  gtk_label_set_text (GTK_LABEL (offset), shown_offset);
  /* Translators: how a screen reader names a time zone in the chooser:
   * "Europe/Zurich, UTC+01:00" */
  label = g_strdup_printf (_("%s, %s"), zone, shown_offset);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
choose (ConveneTimeZoneRow *self,
        const char         *zone)
{
  g_autoptr(ConveneTimeZoneRow) keep = g_object_ref (self);
  g_autofree char *chosen = g_strdup (zone);

  gtk_popover_popdown (self->popover);
  if (chosen != NULL && !g_str_equal (chosen, self->zone))
    g_signal_emit (self, signals[ZONE_CHOSEN], 0, chosen);
  show_zone (self);
}

static void
list_activated (GtkListView        *list,
                guint               position,
                ConveneTimeZoneRow *self)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  (void) list;
  if (item != NULL)
    choose (self, gtk_string_object_get_string (item));
}

/* Enter in the search takes the zone selected: the first match, unless the
 * planner moved on. */
static void
search_activated (ConveneTimeZoneRow *self)
{
  GtkStringObject *item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL)
    choose (self, gtk_string_object_get_string (item));
}

static void
search_changed (ConveneTimeZoneRow *self)
{
  g_free (self->search_text);
  self->search_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

/* Down from the search goes to the list, as in GTK's own choosers. */
static gboolean
search_key_pressed (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    ConveneTimeZoneRow    *self)
{
  (void) controller;
  (void) keycode;
  (void) state;
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  return gtk_widget_child_focus (GTK_WIDGET (self->list), GTK_DIR_TAB_FORWARD);
}

static gboolean
scroll_to_selected (GtkWidget     *list,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  guint selected = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));

  (void) clock;
  (void) data;
  if (gtk_widget_get_height (list) == 0)
    return G_SOURCE_CONTINUE;
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", selected);
  return G_SOURCE_REMOVE;
}

/* The zones are listed the first time the chooser opens: a list view binds
 * up to 200 rows as soon as it has a model, shown or not, and each row
 * reads its zone's rules from disk for the offset. */
static void
ensure_zones (ConveneTimeZoneRow *self)
{
  g_auto(GStrv) names = NULL;
  GtkStringList *zones;
  GtkFilterListModel *filtered;

  if (self->selection != NULL)
    return;
  names = convene_time_zone_list_names ();
  zones = gtk_string_list_new ((const char * const *) names);
  self->filter = gtk_custom_filter_new (zone_visible, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (zones), GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
}

/* The chooser opens on every zone, the project's selected and in view, the
 * search ready for typing. */
static void
popover_shown (ConveneTimeZoneRow *self)
{
  GListModel *zones;

  ensure_zones (self);
  zones = G_LIST_MODEL (self->selection);
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_new_now_utc ();
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  search_changed (self);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (zones, i);

      if (g_str_equal (gtk_string_object_get_string (item), self->zone))
        {
          gtk_single_selection_set_selected (self->selection, i);
          /* Scrolled to once the list has its size: GTK 4.8's list drew
           * nothing when asked before. */
          gtk_widget_add_tick_callback (GTK_WIDGET (self->list), scroll_to_selected, NULL, NULL);
          break;
        }
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
  convene_ui_popover_point_at (self->popover, GTK_WIDGET (self->button));
}

/* Building */

static void
convene_time_zone_row_dispose (GObject *object)
{
  ConveneTimeZoneRow *self = CONVENE_TIME_ZONE_ROW (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  G_OBJECT_CLASS (convene_time_zone_row_parent_class)->dispose (object);
}

static void
convene_time_zone_row_finalize (GObject *object)
{
  ConveneTimeZoneRow *self = CONVENE_TIME_ZONE_ROW (object);

  g_free (self->zone);
  g_free (self->search_text);
  g_clear_pointer (&self->now, g_date_time_unref);
  G_OBJECT_CLASS (convene_time_zone_row_parent_class)->finalize (object);
}

static void
convene_time_zone_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ConveneTimeZoneRow *self = CONVENE_TIME_ZONE_ROW (object);

  switch (prop_id)
    {
    case PROP_ZONE:
      g_value_set_string (value, self->zone);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_time_zone_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ConveneTimeZoneRow *self = CONVENE_TIME_ZONE_ROW (object);

  switch (prop_id)
    {
    case PROP_ZONE:
      convene_time_zone_row_set_zone (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_time_zone_row_class_init (ConveneTimeZoneRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = convene_time_zone_row_dispose;
  object_class->finalize = convene_time_zone_row_finalize;
  object_class->get_property = convene_time_zone_row_get_property;
  object_class->set_property = convene_time_zone_row_set_property;

  properties[PROP_ZONE] =
    g_param_spec_string ("zone", NULL, NULL, "UTC",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The planner chose a zone (its IANA name). */
  signals[ZONE_CHOSEN] =
    g_signal_new ("zone-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
convene_time_zone_row_init (ConveneTimeZoneRow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys;
  GtkWidget *scrolled;
  GtkWidget *box;

  self->zone = g_strdup ("UTC");
  self->now = g_date_time_new_now_utc ();

  g_signal_connect (factory, "setup", G_CALLBACK (item_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (item_bind), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (NULL, g_steal_pointer (&factory)));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Time zones"), -1);
  g_signal_connect_object (self->list, "activate", G_CALLBACK (list_activated), self, 0);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* Narrow enough for a 360 px window, tall enough to browse. */
  gtk_widget_set_size_request (scrolled, 280, 260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search time zones"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search time zones"), -1);
  g_signal_connect_object (self->search, "search-changed", G_CALLBACK (search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "activate", G_CALLBACK (search_activated), self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->search), keys);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (box), scrolled);
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, box);
  g_signal_connect_object (self->popover, "show", G_CALLBACK (popover_shown), self, G_CONNECT_SWAPPED);
  /* Escape, which the search takes for itself, closes the chooser. */
  g_signal_connect_object (self->search, "stop-search", G_CALLBACK (gtk_popover_popdown), self->popover,
                           G_CONNECT_SWAPPED);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "pan-down-symbolic");
  gtk_menu_button_set_popover (self->button, GTK_WIDGET (self->popover));
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Choose the Time Zone"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the Time Zone"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));

  show_zone (self);
}

GtkWidget *
convene_time_zone_row_new (void)
{
  return g_object_new (CONVENE_TYPE_TIME_ZONE_ROW, NULL);
}

const char *
convene_time_zone_row_get_zone (ConveneTimeZoneRow *self)
{
  g_return_val_if_fail (CONVENE_IS_TIME_ZONE_ROW (self), "UTC");
  return self->zone;
}

void
convene_time_zone_row_set_zone (ConveneTimeZoneRow *self,
                                const char         *zone)
{
  g_return_if_fail (CONVENE_IS_TIME_ZONE_ROW (self));

  if (zone == NULL || *zone == '\0')
    zone = "UTC";
  if (!g_str_equal (zone, self->zone))
    {
      g_free (self->zone);
      self->zone = g_strdup (zone);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZONE]);
    }
  show_zone (self);
}
