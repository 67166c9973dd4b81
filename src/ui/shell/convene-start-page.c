#define G_LOG_DOMAIN "convene-start-page"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "convene-project-files.h"
#include "convene-start-page.h"
#include "convene-store.h"
#include "convene-ui-util.h"

struct _ConveneStartPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget  *status_page;
  GtkWidget  *new_button;
  GtkListBox *recent_list;
  GtkWidget  *empty_label;

  /* owned */
  GSettings  *settings;
};

G_DEFINE_FINAL_TYPE (ConveneStartPage, convene_start_page, GTK_TYPE_WIDGET)

/* The project's title, read without writing to the file; the file name when
 * the file cannot be read (the open will then explain why). */
static char *
read_title (GFile *file)
{
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(ConveneProject) project = NULL;
  g_autofree char *name = g_file_get_basename (file);

  store = convene_store_open (file, CONVENE_STORE_READ_ONLY, NULL);
  if (store != NULL)
    project = convene_store_load (store, NULL);
  if (store != NULL)
    convene_store_close (store);

  if (project != NULL && convene_project_get_title (project)[0] != '\0')
    return g_strdup (convene_project_get_title (project));

  if (g_str_has_suffix (name, ".convene"))
    name[strlen (name) - strlen (".convene")] = '\0';
  return g_steal_pointer (&name);
}

static char *
display_path (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);

  if (home_len > 1 && g_str_has_prefix (path, home) && path[home_len] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + home_len, NULL);
  return g_steal_pointer (&path);
}

static GtkWidget *
create_row (GFile *file)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *full_title = read_title (file);
  g_autofree char *title = convene_ui_dup_shown_text (full_title);
  g_autofree char *full_path = display_path (file);
  g_autofree char *path = convene_ui_dup_shown_text (full_path);
  g_autofree char *uri = g_file_get_uri (file);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), path);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-file");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open"), -1);

  return row;
}

void
convene_start_page_refresh (ConveneStartPage *self)
{
  g_autoptr(GPtrArray) files = NULL;
  GtkWidget *child;

  g_return_if_fail (CONVENE_IS_START_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  files = convene_project_files_list (self->settings);
  for (guint i = 0; i < files->len; i++)
    gtk_list_box_append (self->recent_list, create_row (g_ptr_array_index (files, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), files->len > 0);
  gtk_widget_set_visible (self->empty_label, files->len == 0);
}

static void
recent_projects_changed (ConveneStartPage *self)
{
  /* An unmapped page refreshes when it is shown again. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    convene_start_page_refresh (self);
}

static void
convene_start_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (convene_start_page_parent_class)->map (widget);

  convene_start_page_refresh (CONVENE_START_PAGE (widget));
  /* The keyboard starts on the suggested action; the recent projects
   * follow it in the focus chain. */
  gtk_widget_grab_focus (CONVENE_START_PAGE (widget)->new_button);
}

static void
convene_start_page_dispose (GObject *object)
{
  ConveneStartPage *self = CONVENE_START_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_START_PAGE);
  /* Template children without an id are not unparented by the above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (convene_start_page_parent_class)->dispose (object);
}

static void
convene_start_page_class_init (ConveneStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_start_page_dispose;
  widget_class->map = convene_start_page_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/convene-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneStartPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, ConveneStartPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneStartPage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, ConveneStartPage, empty_label);
}

static void
convene_start_page_init (ConveneStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (recent_projects_changed), self, G_CONNECT_SWAPPED);
}
