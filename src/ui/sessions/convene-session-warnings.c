/* convene-session-warnings.c: see the header. */
#define G_LOG_DOMAIN "convene-session-warnings"

#include "config.h"

#include <glib/gi18n.h>

#include "convene-clock.h"
#include "convene-expander-row.h"
#include "convene-session-warnings.h"
#include "convene-warnings.h"
#include "convene-ui-util.h"

struct _ConveneSessionWarnings
{
  GtkWidget           parent_instance;

  /* children */
  GtkWidget           *group;
  ConveneExpanderRow  *expander;
  GtkImage            *icon;
  GPtrArray           *rows;       /* the expander's rows, borrowed */

  /* owned */
  ConveneDocument     *document;
  ConveneSession      *session;
  GSignalGroup        *document_signals;  /* the document's change feed */
  char                *shown;      /* the warnings' sentences as last shown */
  GPtrArray           *warnings;   /* ConveneWarning: what the rows show once expanded */
};

G_DEFINE_FINAL_TYPE (ConveneSessionWarnings, convene_session_warnings, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SEGMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
severity_icon (ConveneWarningSeverity severity)
{
  switch (severity)
    {
    case CONVENE_WARNING_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case CONVENE_WARNING_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case CONVENE_WARNING_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
severity_class (ConveneWarningSeverity severity)
{
  switch (severity)
    {
    case CONVENE_WARNING_SEVERITY_ERROR:
      return "error";
    case CONVENE_WARNING_SEVERITY_WARNING:
      return "warning";
    case CONVENE_WARNING_SEVERITY_INFO:
    default:
      return "accent";
    }
}

static void
style_icon (GtkWidget              *image,
            ConveneWarningSeverity  severity)
{
  gtk_image_set_from_icon_name (GTK_IMAGE (image), severity_icon (severity));
  for (guint i = 0; i < CONVENE_N_WARNING_SEVERITIES; i++)
    gtk_widget_remove_css_class (image, severity_class (i));
  gtk_widget_add_css_class (image, severity_class (severity));
}

static void
clear_rows (ConveneSessionWarnings *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    convene_expander_row_remove (self->expander, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
row_activated (AdwActionRow           *row,
               ConveneSessionWarnings *self)
{
  gint64 *segment_id = g_object_get_data (G_OBJECT (row), "segment-id");

  if (segment_id != NULL)
    g_signal_emit (self, signals[SIGNAL_SEGMENT_ACTIVATED], 0, *segment_id);
}

/* The segment of this session the warning is about, or 0. */
static gint64
warning_segment (ConveneSessionWarnings *self,
                 const ConveneWarning   *warning)
{
  gint64 session_id = convene_session_get_id (self->session);

  if (warning->session_id == session_id && warning->segment_id != 0)
    return warning->segment_id;
  if (warning->other_session_id == session_id && warning->other_segment_id != 0)
    return warning->other_segment_id;
  return 0;
}

static GtkWidget *
warning_row (ConveneSessionWarnings *self,
             const ConveneWarning   *warning)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();
  gint64 segment_id = warning_segment (self, warning);

  if (segment_id != 0)
    {
      GtkWidget *go = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (go), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "segment-id", g_memdup2 (&segment_id, sizeof segment_id), g_free);
      /* Translators: what activating a warning about a segment does. */
      gtk_widget_set_tooltip_text (row, _("Show the segment in the timeline"));
      g_signal_connect_object (row, "activated", G_CALLBACK (row_activated), self, 0);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  {
    g_autofree char *message = convene_ui_dup_shown_text (warning->message);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), convene_warning_kind_get_label (warning->kind));
  style_icon (icon, warning->severity);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  /* The row's text names the kind; the icon repeats its severity. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  warning->severity == CONVENE_WARNING_SEVERITY_ERROR ? _("Error")
                                  : warning->severity == CONVENE_WARNING_SEVERITY_WARNING ? _("Warning")
                                  : C_("warning severity", "To confirm"),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, "session-warning");
  return row;
}

static void build_rows (ConveneSessionWarnings *self);

static void
refresh (ConveneSessionWarnings *self)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GString) sentences = g_string_new (NULL);
  g_autofree char *summary_text = NULL;
  ConveneWarningSummary summary;
  ConveneProject *project;
  ConveneWarningSeverity worst = CONVENE_WARNING_SEVERITY_INFO;

  project = self->document != NULL ? convene_document_get_project (self->document) : NULL;
  if (project == NULL || self->session == NULL ||
      convene_project_find_session (project, convene_session_get_id (self->session)) != self->session)
    {
      g_clear_pointer (&self->shown, g_free);
      g_clear_pointer (&self->warnings, g_ptr_array_unref);
      clear_rows (self);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  warnings = g_ptr_array_ref (convene_document_get_session_warnings (self->document, self->session,
                                                                    convene_clock_get_use_12h (convene_clock_get_default ())));
  convene_warnings_summarize (warnings, &summary);
  for (guint i = 0; i < warnings->len; i++)
    {
      const ConveneWarning *warning = g_ptr_array_index (warnings, i);

      g_string_append_printf (sentences, "%d:%s\n", warning->severity, warning->message);
      worst = MAX (worst, warning->severity);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), summary.total > 0);
  /* Same warnings: leave the rows (and the keyboard focus among them) alone. */
  if (g_strcmp0 (self->shown, sentences->str) == 0)
    return;
  g_free (self->shown);
  self->shown = g_string_free (g_steal_pointer (&sentences), FALSE);

  summary_text = convene_warning_summary_describe (&summary);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->expander), summary_text);
  style_icon (GTK_WIDGET (self->icon), worst);

  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  self->warnings = g_steal_pointer (&warnings);
  build_rows (self);
}

/* A long programme can have a warning for each of its segments: their rows
 * exist only while the planner has the list open, so a closed list costs
 * no layout. */
static void
build_rows (ConveneSessionWarnings *self)
{
  clear_rows (self);
  if (self->warnings == NULL || !convene_expander_row_get_expanded (self->expander))
    return;
  for (guint i = 0; i < self->warnings->len; i++)
    {
      GtkWidget *row = warning_row (self, g_ptr_array_index (self->warnings, i));

      convene_expander_row_add_row (self->expander, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
refresh_after_frame (GtkWidget *widget)
{
  refresh (CONVENE_SESSION_WARNINGS (widget));
}

/* The frame showing an edit is drawn first; the warnings it causes follow
 * in the next. */
static void
document_changed (ConveneSessionWarnings *self)
{
  convene_ui_after_frame (GTK_WIDGET (self), refresh_after_frame);
}

static void
convene_session_warnings_dispose (GObject *object)
{
  ConveneSessionWarnings *self = CONVENE_SESSION_WARNINGS (object);
  GtkWidget *child;

  g_clear_object (&self->document_signals);
  g_clear_object (&self->document);
  g_clear_object (&self->session);
  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (convene_session_warnings_parent_class)->dispose (object);
}

static void
convene_session_warnings_class_init (ConveneSessionWarningsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = convene_session_warnings_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "sessionwarnings");

  signals[SIGNAL_SEGMENT_ACTIVATED] = g_signal_new ("segment-activated", G_TYPE_FROM_CLASS (klass),
                                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                    G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
convene_session_warnings_init (ConveneSessionWarnings *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->rows = g_ptr_array_new ();
  self->document_signals = g_signal_group_new (CONVENE_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (document_changed), self,
                                 G_CONNECT_SWAPPED);
  g_signal_connect_object (convene_clock_get_default (), "notify::use-12h", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);

  self->group = adw_preferences_group_new ();
  gtk_widget_set_parent (self->group, GTK_WIDGET (self));

  /* On screen from the first frame: see convene-expander-row.h. */
  self->expander = CONVENE_EXPANDER_ROW (convene_expander_row_new ());
  convene_expander_row_set_subtitle (self->expander, _("Open warnings of this session"));
  self->icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->icon), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Warnings"), -1);
  convene_expander_row_add_prefix (self->expander, GTK_WIDGET (self->icon));
  g_signal_connect_object (self->expander, "notify::expanded", G_CALLBACK (build_rows), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), GTK_WIDGET (self->expander));

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
convene_session_warnings_new (void)
{
  return g_object_new (CONVENE_TYPE_SESSION_WARNINGS, NULL);
}

void
convene_session_warnings_set_session (ConveneSessionWarnings *self,
                                      ConveneDocument        *document,
                                      ConveneSession         *session)
{
  g_return_if_fail (CONVENE_IS_SESSION_WARNINGS (self));
  g_return_if_fail (document == NULL || CONVENE_IS_DOCUMENT (document));
  g_return_if_fail (session == NULL || CONVENE_IS_SESSION (session));

  if (self->document == document && self->session == session)
    return;

  g_set_object (&self->document, document);
  g_set_object (&self->session, session);
  g_clear_pointer (&self->shown, g_free);
  g_signal_group_set_target (self->document_signals, self->document);
  refresh (self);
}
