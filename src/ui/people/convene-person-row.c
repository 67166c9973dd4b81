#define G_LOG_DOMAIN "convene-person-row"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "convene-person-row.h"
#include "convene-ui-util.h"

struct _ConvenePersonRow
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget      *box;
  AdwAvatar      *avatar;
  GtkLabel       *name_label;
  GtkLabel       *detail_label;
  GtkWidget      *warning_icon;
  GtkLabel       *roles_label;
  GtkLabel       *status_label;

  /* owned */
  ConveneSpeaker *speaker;
  GtkDragSource  *drag_source;
};

G_DEFINE_FINAL_TYPE (ConvenePersonRow, convene_person_row, GTK_TYPE_WIDGET)

static const char * const status_classes[CONVENE_N_SPEAKER_STATUSES] = {
  [CONVENE_SPEAKER_STATUS_INVITED] = "invited",
  [CONVENE_SPEAKER_STATUS_TENTATIVE] = "tentative",
  [CONVENE_SPEAKER_STATUS_CONFIRMED] = "confirmed",
  [CONVENE_SPEAKER_STATUS_DECLINED] = "declined",
};

const char *
convene_person_row_status_css_class (ConveneSpeakerStatus status)
{
  g_return_val_if_fail (status < CONVENE_N_SPEAKER_STATUSES, "invited");

  return status_classes[status];
}

static void
update (ConvenePersonRow *self)
{
  g_autofree char *display = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(GdkContentProvider) content = NULL;
  const char *job;
  const char *organisation;
  const char *name;
  ConveneSpeakerStatus status;

  if (self->speaker == NULL)
    return;

  display = convene_speaker_dup_display_name (self->speaker);
  name = convene_speaker_get_name (self->speaker);
  job = convene_speaker_get_job_title (self->speaker);
  organisation = convene_speaker_get_organisation (self->speaker);
  status = convene_speaker_get_status (self->speaker);

  /* Initials come from the name, not from an honorific such as "H.E.". */
  {
    g_autofree char *initials_from = convene_ui_dup_shown_text (name[0] != '\0' ? name : display);

    adw_avatar_set_text (self->avatar, initials_from);
  }
  convene_ui_label_set_user_text (self->name_label, display[0] != '\0' ? display : _("Unnamed Person"));

  if (job[0] != '\0' && organisation[0] != '\0')
    /* Translators: a person's job title and organisation in the roster. */
    detail = g_strdup_printf (_("%s · %s"), job, organisation);
  else
    detail = g_strdup (job[0] != '\0' ? job : organisation);
  convene_ui_label_set_user_text (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail[0] != '\0');

  gtk_label_set_text (self->status_label, convene_speaker_status_get_label (status));
  for (guint i = 0; i < CONVENE_N_SPEAKER_STATUSES; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[status]);

  /* The person itself, which the timeline and the details beside it take. */
  content = gdk_content_provider_new_typed (CONVENE_TYPE_SPEAKER, self->speaker);
  gtk_drag_source_set_content (self->drag_source, content);
}

GtkWidget *
convene_person_row_new (void)
{
  return g_object_new (CONVENE_TYPE_PERSON_ROW, NULL);
}

void
convene_person_row_set_speaker (ConvenePersonRow *self,
                                ConveneSpeaker   *speaker)
{
  g_return_if_fail (CONVENE_IS_PERSON_ROW (self));
  g_return_if_fail (speaker == NULL || CONVENE_IS_SPEAKER (speaker));

  if (self->speaker == speaker)
    return;

  if (self->speaker != NULL)
    g_signal_handlers_disconnect_by_data (self->speaker, self);
  g_set_object (&self->speaker, speaker);

  if (speaker != NULL)
    {
      g_signal_connect_object (speaker, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      update (self);
    }
  else
    gtk_drag_source_set_content (self->drag_source, NULL);
}

ConveneSpeaker *
convene_person_row_get_speaker (ConvenePersonRow *self)
{
  g_return_val_if_fail (CONVENE_IS_PERSON_ROW (self), NULL);

  return self->speaker;
}

void
convene_person_row_set_summary (ConvenePersonRow *self,
                                guint             n_roles,
                                const char       *warnings,
                                gboolean          has_error)
{
  g_autofree char *roles = NULL;

  g_return_if_fail (CONVENE_IS_PERSON_ROW (self));

  if (n_roles > 0)
    /* Translators: how many places on the programme a person is assigned to. */
    roles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u role", "%u roles", n_roles), n_roles);
  /* Every change of the programme shows the summaries again: touch only
   * what differs (setting a tooltip asks the display where the pointer is). */
  if (g_strcmp0 (gtk_label_get_text (self->roles_label), roles != NULL ? roles : "") != 0)
    gtk_label_set_text (self->roles_label, roles != NULL ? roles : "");
  gtk_widget_set_visible (GTK_WIDGET (self->roles_label), roles != NULL);

  gtk_widget_set_visible (self->warning_icon, warnings != NULL);
  if (g_strcmp0 (gtk_widget_get_tooltip_text (self->warning_icon), warnings) != 0)
    {
      gtk_widget_set_tooltip_text (self->warning_icon, warnings);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning_icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, warnings != NULL ? warnings : "",
                                      -1);
    }
  if (has_error)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (self->warning_icon), "dialog-error-symbolic");
      gtk_widget_add_css_class (self->warning_icon, "error");
      gtk_widget_remove_css_class (self->warning_icon, "warning");
    }
  else
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (self->warning_icon), "dialog-warning-symbolic");
      gtk_widget_add_css_class (self->warning_icon, "warning");
      gtk_widget_remove_css_class (self->warning_icon, "error");
    }
}

static void
drag_begin (GtkDragSource    *source,
            GdkDrag          *drag,
            ConvenePersonRow *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self->avatar));

  gtk_drag_source_set_icon (source, icon, 20, 20);
}

static void
convene_person_row_dispose (GObject *object)
{
  ConvenePersonRow *self = CONVENE_PERSON_ROW (object);

  if (self->speaker != NULL)
    g_signal_handlers_disconnect_by_data (self->speaker, self);
  g_clear_object (&self->speaker);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_PERSON_ROW);

  G_OBJECT_CLASS (convene_person_row_parent_class)->dispose (object);
}

static void
convene_person_row_class_init (ConvenePersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_person_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "personrow");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/convene-person-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonRow, box);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonRow, warning_icon);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonRow, roles_label);
  gtk_widget_class_bind_template_child (widget_class, ConvenePersonRow, status_label);
}

static void
convene_person_row_init (ConvenePersonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->drag_source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (self->drag_source, GDK_ACTION_COPY);
  g_signal_connect (self->drag_source, "drag-begin", G_CALLBACK (drag_begin), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag_source));
}
