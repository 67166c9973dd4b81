/* convene-date-entry.c: see the header. */
#define G_LOG_DOMAIN "convene-date-entry"
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "convene-date-entry.h"
#include "convene-ui-util.h"
#include "convene-validate.h"

struct _ConveneDateEntry
{
  GtkWidget       parent_instance;

  /* children */
  GtkEntry       *entry;
  GtkMenuButton  *button;
  GtkPopover     *popover;
  GtkCalendar    *calendar;
  GtkWidget      *clear_button;

  /* owned */
  char           *date;          /* "YYYY-MM-DD" or "" */
  guint           pick_id;       /* a day picked, taken once its event is over */

  gboolean        optional;
};

G_DEFINE_FINAL_TYPE (ConveneDateEntry, convene_date_entry, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  PROP_OPTIONAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Formats and parses */

static GDateTime *
date_time_of (const char *date)
{
  if (date == NULL || !convene_validate_date (date, NULL))
    return NULL;
  return g_date_time_new_utc (atoi (date), atoi (date + 5), atoi (date + 8), 0, 0, 0);
}

char *
convene_date_format (const char *date)
{
  g_autoptr(GDateTime) dt = date_time_of (date);

  if (dt == NULL)
    return g_strdup (date != NULL ? date : "");

  /* Translators: a session's date in the sidebar, see g_date_time_format(). */
  return g_date_time_format (dt, C_("session date", "%a %-d %b %Y"));
}

/* Whether text holds number as a run of digits of its own, of exactly
 * digits digits when digits > 0. */
static gboolean
has_number (const char *text,
            int         number,
            int         digits)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;

      if (!g_ascii_isdigit (*p))
        {
          p++;
          continue;
        }
      start = p;
      while (g_ascii_isdigit (*p))
        p++;
      if ((digits == 0 || p - start == digits) && p - start <= 9 && atoi (start) == number)
        return TRUE;
    }
  return FALSE;
}

char *
convene_date_parse (const char *text)
{
  g_autofree char *stripped = NULL;
  GDate parsed;

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  if (convene_validate_date (stripped, NULL))
    return g_steal_pointer (&stripped);

  /* GLib reads the locale's order and month names, but fills in a year or a
   * day it does not see ("March 28" is the year 28): only a date whose year
   * (in full) and day were typed is taken. */
  g_date_clear (&parsed, 1);
  g_date_set_parse (&parsed, stripped);
  if (!g_date_valid (&parsed) ||
      !has_number (stripped, g_date_get_year (&parsed), 4) ||
      !has_number (stripped, g_date_get_day (&parsed), 0))
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&parsed), g_date_get_month (&parsed),
                          g_date_get_day (&parsed));
}

/* Shows the model */

static void
update_clear_button (ConveneDateEntry *self)
{
  if (self->clear_button == NULL)
    return;
  gtk_widget_set_visible (self->clear_button, self->optional);
  gtk_widget_set_sensitive (self->clear_button, *self->date != '\0');
}

static void
show_date (ConveneDateEntry *self)
{
  g_autofree char *text = convene_date_format (self->date);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  update_clear_button (self);
}

/* The planner's choice */

static void
choose (ConveneDateEntry *self,
        const char       *date)
{
  g_autoptr(ConveneDateEntry) keep = g_object_ref (self);

  if (!g_str_equal (date, self->date))
    g_signal_emit (self, signals[DATE_CHOSEN], 0, date);
  /* Whatever the owner made of it, the entry shows the date it now holds. */
  show_date (self);
}

static void
commit_text (ConveneDateEntry *self)
{
  g_autofree char *shown = convene_date_format (self->date);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autofree char *date = NULL;

  if (g_str_equal (text, shown))
    return;

  if (*text == '\0')
    {
      if (self->optional)
        choose (self, "");
      else
        show_date (self);
      return;
    }

  date = convene_date_parse (text);
  if (date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      g_autofree char *example = convene_date_format (today);
      g_autofree char *message = NULL;

      /* Translators: the first %s is what the planner typed, the second a date
       * such as "Sun 28 Mar 2027". */
      message = g_strdup_printf (_("“%s” is not a date. Type one such as %s, or pick it in the calendar."),
                                 text, example);
      convene_ui_show_message (GTK_WIDGET (self), message);
      show_date (self);
      return;
    }

  choose (self, date);
}

static void
entry_focus_left (ConveneDateEntry *self)
{
  commit_text (self);
}

static void
pick_calendar_day (ConveneDateEntry *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  g_autofree char *date = g_date_time_format (picked, "%Y-%m-%d");

  gtk_popover_popdown (self->popover);
  choose (self, date);
}

static gboolean
pick_idle (gpointer data)
{
  ConveneDateEntry *self = data;

  self->pick_id = 0;
  pick_calendar_day (self);
  return G_SOURCE_REMOVE;
}

/* The popover closes after the click or key that picked has been handled
 * everywhere: closed during it, the window's account of the pressed
 * widgets goes wrong. */
static void
pick_later (ConveneDateEntry *self)
{
  if (self->pick_id == 0)
    self->pick_id = g_idle_add (pick_idle, self);
}

/* GtkCalendar selects a day when the month changes too, so its
 * "day-selected" cannot tell a pick from a turn of the page: a release on a
 * day's number, or Space on the focused day, is a pick. */
static void
calendar_released (GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   ConveneDateEntry *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->calendar), x, y, GTK_PICK_DEFAULT);

  (void) gesture;
  (void) n_press;
  for (; picked != NULL && picked != GTK_WIDGET (self->calendar); picked = gtk_widget_get_parent (picked))
    if (gtk_widget_has_css_class (picked, "day-number"))
      {
        pick_later (self);
        return;
      }
}

static void
calendar_key_released (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       ConveneDateEntry      *self)
{
  (void) controller;
  (void) keycode;
  if ((keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0)
    pick_later (self);
}

static void
clear_clicked (ConveneDateEntry *self)
{
  gtk_popover_popdown (self->popover);
  choose (self, "");
}

/* The calendar opens on the date shown, or on today when there is none. */
static void
popover_shown (ConveneDateEntry *self)
{
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) day = NULL;

  /* The entry's typing counts first, as if the planner had pressed Enter. */
  commit_text (self);
  shown = date_time_of (self->date);
  if (shown != NULL)
    day = g_date_time_new_local (g_date_time_get_year (shown), g_date_time_get_month (shown),
                                 g_date_time_get_day_of_month (shown), 0, 0, 0);
  else
    day = g_date_time_new_now_local ();
  if (day != NULL)
    gtk_calendar_select_day (self->calendar, day);
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
  convene_ui_popover_point_at (self->popover, GTK_WIDGET (self));
}

/* Closed, the calendar hands the keyboard back to the entry, which shows
 * what was picked and takes typing again. */
static void
popover_closed (ConveneDateEntry *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || focus == GTK_WIDGET (self->button) ||
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->popover)))
    gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* Building */

/* The calendar is built the first time it opens: a form may hold many
 * dates (every follow-up has one) and a calendar is dozens of widgets. */
static void
build_popover (GtkMenuButton *button,
               gpointer       data)
{
  ConveneDateEntry *self = data;
  GtkEventController *controller;
  GtkGesture *click;
  GtkWidget *box;

  if (self->popover != NULL)
    return;

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (calendar_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (click));
  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-released", G_CALLBACK (calendar_key_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), controller);

  self->clear_button = gtk_button_new_with_mnemonic (_("_Clear Date"));
  gtk_widget_add_css_class (self->clear_button, "flat");
  g_signal_connect_object (self->clear_button, "clicked", G_CALLBACK (clear_clicked), self, G_CONNECT_SWAPPED);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  gtk_box_append (GTK_BOX (box), self->clear_button);
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, box);
  g_signal_connect_object (self->popover, "show", G_CALLBACK (popover_shown), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->popover, "closed", G_CALLBACK (popover_closed), self, G_CONNECT_SWAPPED);
  update_clear_button (self);
  gtk_menu_button_set_popover (button, GTK_WIDGET (self->popover));
}

static void
convene_date_entry_dispose (GObject *object)
{
  ConveneDateEntry *self = CONVENE_DATE_ENTRY (object);
  GtkWidget *child;

  g_clear_handle_id (&self->pick_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (convene_date_entry_parent_class)->dispose (object);
}

static void
convene_date_entry_finalize (GObject *object)
{
  ConveneDateEntry *self = CONVENE_DATE_ENTRY (object);

  g_free (self->date);
  G_OBJECT_CLASS (convene_date_entry_parent_class)->finalize (object);
}

static void
convene_date_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ConveneDateEntry *self = CONVENE_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_OPTIONAL:
      g_value_set_boolean (value, self->optional);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_date_entry_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ConveneDateEntry *self = CONVENE_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_DATE:
      convene_date_entry_set_date (self, g_value_get_string (value));
      break;
    case PROP_OPTIONAL:
      convene_date_entry_set_optional (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
convene_date_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CONVENE_DATE_ENTRY (widget)->entry));
}

static void
convene_date_entry_class_init (ConveneDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_date_entry_dispose;
  object_class->finalize = convene_date_entry_finalize;
  object_class->get_property = convene_date_entry_get_property;
  object_class->set_property = convene_date_entry_set_property;
  widget_class->grab_focus = convene_date_entry_grab_focus;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPTIONAL] =
    g_param_spec_boolean ("optional", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The planner chose a date ("YYYY-MM-DD"), or none (""). */
  signals[DATE_CHOSEN] =
    g_signal_new ("date-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "convene-date-entry");
}

static void
convene_date_entry_init (ConveneDateEntry *self)
{
  GtkEventController *controller;

  self->date = g_strdup ("");
  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 14);
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->entry), GTK_WIDGET (self));
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (commit_text), self, G_CONNECT_SWAPPED);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (entry_focus_left), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "x-office-calendar-symbolic");
  gtk_menu_button_set_create_popup_func (self->button, build_popover, self, NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Pick in a Calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pick in a Calendar"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));

  show_date (self);
}

GtkWidget *
convene_date_entry_new (void)
{
  return g_object_new (CONVENE_TYPE_DATE_ENTRY, NULL);
}

const char *
convene_date_entry_get_date (ConveneDateEntry *self)
{
  g_return_val_if_fail (CONVENE_IS_DATE_ENTRY (self), "");
  return self->date;
}

void
convene_date_entry_set_date (ConveneDateEntry *self,
                             const char       *date)
{
  g_return_if_fail (CONVENE_IS_DATE_ENTRY (self));

  if (date == NULL)
    date = "";
  /* The same date leaves the field alone, and what the planner is typing
   * in it: the owner sets it again after every change to its object. */
  if (g_str_equal (date, self->date))
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  show_date (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

gboolean
convene_date_entry_get_optional (ConveneDateEntry *self)
{
  g_return_val_if_fail (CONVENE_IS_DATE_ENTRY (self), FALSE);
  return self->optional;
}

void
convene_date_entry_set_optional (ConveneDateEntry *self,
                                 gboolean          optional)
{
  g_return_if_fail (CONVENE_IS_DATE_ENTRY (self));

  optional = !!optional;
  if (optional == self->optional)
    return;
  self->optional = optional;
  /* Translators: what the entry of a date that may be left out shows when it is */
  gtk_entry_set_placeholder_text (self->entry, optional ? _("No date") : NULL);
  show_date (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPTIONAL]);
}

void
convene_date_entry_set_title (ConveneDateEntry *self,
                              const char       *title)
{
  g_return_if_fail (CONVENE_IS_DATE_ENTRY (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), title);
}
