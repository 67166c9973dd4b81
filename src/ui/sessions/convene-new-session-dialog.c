#define G_LOG_DOMAIN "convene-new-session-dialog"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-new-session-dialog.h"
#include "convene-ui-util.h"

struct _ConveneNewSessionDialog
{
  AdwWindow parent_instance;

  /* owned by the widget tree */
  AdwToastOverlay *toast_overlay;
  GtkListBox      *builtin_list;
  GtkListBox      *saved_list;
  GtkWidget       *saved_group;

  /* owned */
  GPtrArray       *builtin;   /* ConveneFormat */
  GPtrArray       *saved;     /* ConveneFormat */
  ConveneFormat   *deleted;   /* the last deleted format, for Undo */
};

G_DEFINE_FINAL_TYPE (ConveneNewSessionDialog, convene_new_session_dialog, ADW_TYPE_WINDOW)

enum {
  FORMAT_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void fill_saved (ConveneNewSessionDialog *self);

static char *
format_minutes (ConveneFormat *format)
{
  guint minutes = convene_format_get_total_minutes (format);

  if (minutes == 0)
    return g_strdup ("");
  /* Translators: how long a session format lasts, in minutes ("90 min"). */
  return g_strdup_printf (_("%u min"), minutes);
}

static char *
describe_saved (ConveneFormat *format)
{
  GListModel *segments = convene_format_get_segments (format);
  guint n = g_list_model_get_n_items (segments);

  if (convene_format_get_description (format)[0] != '\0')
    return g_strdup (convene_format_get_description (format));
  if (n == 0)
    return g_strdup (_("No segments"));
  /* Translators: what a saved format holds. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u segment", "%u segments", n), n);
}

static GtkWidget *
format_row (ConveneFormat *format,
            const char    *subtitle)
{
  g_autofree char *minutes = format_minutes (format);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *length = gtk_label_new (minutes);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *name = convene_ui_dup_shown_text (convene_format_get_name (format));
  g_autofree char *shown_subtitle = convene_ui_dup_shown_text (subtitle);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown_subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "convene-format", g_object_ref (format), g_object_unref);

  gtk_widget_add_css_class (length, "dim-label");
  gtk_widget_add_css_class (length, "numeric");
  gtk_widget_set_visible (length, minutes[0] != '\0');
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), length);
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_can_target (arrow, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  return row;
}

static void
row_activated (GtkListBox              *list,
               GtkListBoxRow           *row,
               ConveneNewSessionDialog *self)
{
  ConveneFormat *format = g_object_get_data (G_OBJECT (row), "convene-format");

  if (format == NULL)
    return;

  g_object_ref (self);
  g_signal_emit (self, signals[FORMAT_CHOSEN], 0, format);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
undo_delete (AdwToast                *toast,
             ConveneNewSessionDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->deleted == NULL)
    return;

  if (!convene_format_save (self->deleted, NULL, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      convene_ui_add_toast (self->toast_overlay, adw_toast_new (escaped));
    }
  g_clear_object (&self->deleted);
  fill_saved (self);
}

static void
delete_clicked (GtkButton               *button,
                ConveneNewSessionDialog *self)
{
  ConveneFormat *format = g_object_get_data (G_OBJECT (button), "convene-format");
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (format == NULL)
    return;

  g_object_ref (format);
  if (!convene_format_delete (format, &error))
    {
      escaped = g_markup_escape_text (error->message, -1);
      convene_ui_add_toast (self->toast_overlay, adw_toast_new (escaped));
      g_object_unref (format);
      return;
    }

  g_set_object (&self->deleted, format);
  g_object_unref (format);

  shown = convene_ui_dup_shown_text (convene_format_get_name (self->deleted));
  escaped = g_markup_escape_text (shown, -1);
  /* Translators: %s is the name of a saved session format. */
  message = g_strdup_printf (_("“%s” deleted"), escaped);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete), self, 0);
  convene_ui_add_toast (self->toast_overlay, toast);

  fill_saved (self);
  /* The row with the keyboard is gone: keep it in the lists. */
  gtk_widget_grab_focus (GTK_WIDGET (self->builtin_list));
}

static void
fill_saved (ConveneNewSessionDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->saved_list))) != NULL)
    gtk_list_box_remove (self->saved_list, child);

  g_clear_pointer (&self->saved, g_ptr_array_unref);
  self->saved = convene_formats_load_saved (NULL);

  for (guint i = 0; i < self->saved->len; i++)
    {
      ConveneFormat *format = g_ptr_array_index (self->saved, i);
      g_autofree char *subtitle = describe_saved (format);
      g_autofree char *label = NULL;
      GtkWidget *row = format_row (format, subtitle);
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete, "flat");
      gtk_widget_set_tooltip_text (delete, _("Delete Format"));
      /* Translators: accessible label of the delete button; %s is a format's name. */
      label = g_strdup_printf (_("Delete the format “%s”"), convene_format_get_name (format));
      gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (delete), "convene-format", g_object_ref (format), g_object_unref);
      g_signal_connect_object (delete, "clicked", G_CALLBACK (delete_clicked), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), delete);
      gtk_widget_set_name (row, convene_format_get_id (format));
      gtk_list_box_append (self->saved_list, row);
    }

  gtk_widget_set_visible (self->saved_group, self->saved->len > 0);
}

static void
fill_builtin (ConveneNewSessionDialog *self)
{
  self->builtin = convene_formats_list_builtin ();

  for (guint i = 0; i < self->builtin->len; i++)
    {
      ConveneFormat *format = g_ptr_array_index (self->builtin, i);
      GtkWidget *row = format_row (format, convene_format_get_description (format));

      gtk_widget_set_name (row, convene_format_get_id (format));
      gtk_list_box_append (self->builtin_list, row);
    }
}

static GtkWidget *
new_group (const char *title,
           const char *description,
           GtkListBox **out_list)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  *out_list = GTK_LIST_BOX (list);
  return group;
}

static void
convene_new_session_dialog_dispose (GObject *object)
{
  ConveneNewSessionDialog *self = CONVENE_NEW_SESSION_DIALOG (object);

  g_clear_pointer (&self->builtin, g_ptr_array_unref);
  g_clear_pointer (&self->saved, g_ptr_array_unref);
  g_clear_object (&self->deleted);

  G_OBJECT_CLASS (convene_new_session_dialog_parent_class)->dispose (object);
}

static void
convene_new_session_dialog_class_init (ConveneNewSessionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_new_session_dialog_dispose;

  /**
   * ConveneNewSessionDialog::format-chosen:
   * @format: the ConveneFormat the new session is to follow
   */
  signals[FORMAT_CHOSEN] =
    g_signal_new ("format-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CONVENE_TYPE_FORMAT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
convene_new_session_dialog_init (ConveneNewSessionDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (_("New Session"), NULL);
  GtkWidget *content = NULL;
  GtkWidget *scrolled = convene_ui_new_dialog_page (24, &content);
  GtkWidget *builtin_group;

  gtk_window_set_title (GTK_WINDOW (self), _("New Session"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 640);
  gtk_widget_set_size_request (GTK_WIDGET (self), 300, 294);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);

  builtin_group = new_group (_("Formats"),
                             _("The new session starts with the segments of the format you choose. "
                               "Change anything afterwards."),
                             &self->builtin_list);
  gtk_box_append (GTK_BOX (content), builtin_group);
  self->saved_group = new_group (_("Saved Formats"), NULL, &self->saved_list);
  gtk_box_append (GTK_BOX (content), self->saved_group);

  gtk_box_append (GTK_BOX (box), scrolled);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));

  g_signal_connect_object (self->builtin_list, "row-activated", G_CALLBACK (row_activated), self, 0);
  g_signal_connect_object (self->saved_list, "row-activated", G_CALLBACK (row_activated), self, 0);

  fill_builtin (self);
  fill_saved (self);

  /* The keyboard starts on Blank: Enter alone adds a plain session. */
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (gtk_list_box_get_row_at_index (self->builtin_list, 0)));
}

ConveneNewSessionDialog *
convene_new_session_dialog_new (GtkWindow *parent)
{
  return g_object_new (CONVENE_TYPE_NEW_SESSION_DIALOG,
                       "transient-for", parent,
                       NULL);
}
