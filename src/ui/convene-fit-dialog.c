#define G_LOG_DOMAIN "convene-fit-dialog"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-fit.h"
#include "convene-fit-dialog.h"
#include "convene-limits.h"
#include "convene-ui-util.h"

/* The strategies as the combo row lists them. */
enum {
  CHOICE_PROPORTIONAL,
  CHOICE_PRIORITY,
  CHOICE_SELECTION,
};

struct _ConveneFitDialog
{
  AdwWindow parent_instance;

  /* owned by the widget tree */
  GtkWidget     *apply_button;
  GtkLabel      *summary_label;
  AdwComboRow   *strategy_row;
  GtkSpinButton *step_spin;
  GtkListBox    *preview_list;

  /* owned */
  ConveneDocument *document;
  ConveneSession  *session;
  ConveneSegment  *panel;
  ConveneSegment  *selected;
  ConveneFit      *fit;
};

G_DEFINE_FINAL_TYPE (ConveneFitDialog, convene_fit_dialog, ADW_TYPE_WINDOW)

static char *
describe_row (const ConveneFitRow *row)
{
  int change = (int) row->new_length - (int) row->old_length;
  g_autoptr(GString) text = g_string_new (NULL);

  if (change == 0)
    /* Translators: a length the fit leaves as it is. */
    g_string_append_printf (text, _("%u min, unchanged"), row->old_length);
  else
    /* Translators: old → new length and the change, e.g. “20 → 15 min (−5)”. */
    g_string_append_printf (text, _("%u → %u min (%s%d)"), row->old_length, row->new_length,
                            change > 0 ? "+" : "−", ABS (change));
  if (row->at_minimum)
    g_string_append_printf (text, " · %s", _("at its minimum"));
  else if (row->at_maximum)
    g_string_append_printf (text, " · %s", _("at its maximum"));
  if (row->fixed && !row->holds_items)
    g_string_append_printf (text, " · %s", convene_segment_get_locked (row->segment) ||
                                           (row->parent != NULL && convene_segment_get_locked (row->parent))
                                           ? _("locked") : _("kept"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_fit (ConveneFitDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_list_box_remove (self->preview_list, child);

  gtk_label_set_text (self->summary_label, convene_fit_get_summary (self->fit));
  if (convene_fit_is_possible (self->fit))
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
  gtk_widget_set_sensitive (self->apply_button,
                            convene_fit_has_changes (self->fit) && convene_ui_is_writable (self->document));

  for (guint i = 0; i < convene_fit_get_n_rows (self->fit); i++)
    {
      const ConveneFitRow *row = convene_fit_get_row (self->fit, i);
      GtkWidget *widget = adw_action_row_new ();
      g_autofree char *title = convene_ui_dup_shown_text (convene_segment_get_title (row->segment));
      g_autofree char *subtitle = describe_row (row);
      g_autofree char *accessible = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget),
                                     title[0] != '\0' ? title
                                     : convene_segment_kind_get_label (convene_segment_get_kind (row->segment)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
      /* Items sit under their panel. */
      if (row->parent != NULL && self->panel == NULL)
        gtk_widget_add_css_class (widget, "fit-item");
      if (row->new_length != row->old_length && !row->holds_items)
        gtk_widget_add_css_class (widget, "fit-changed");
      accessible = g_strdup_printf ("%s, %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                                    subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_list_box_append (self->preview_list, widget);
    }
}

static void
recompute (ConveneFitDialog *self)
{
  g_autoptr(GPtrArray) selection = NULL;
  ConveneFitOptions options = { CONVENE_FIT_PROPORTIONAL, 0, NULL, 0, NULL };
  guint choice = adw_combo_row_get_selected (self->strategy_row);
  g_autoptr(GError) error = NULL;

  options.step = (guint) gtk_spin_button_get_value_as_int (self->step_spin);
  if (choice == CHOICE_PRIORITY)
    options.strategy = CONVENE_FIT_PRIORITY;
  else if (choice == CHOICE_SELECTION && self->selected != NULL)
    {
      selection = g_ptr_array_new ();
      g_ptr_array_add (selection, self->selected);
      options.selection = selection;
    }

  g_clear_pointer (&self->fit, convene_fit_unref);
  if (self->panel != NULL)
    self->fit = convene_fit_panel (self->session, self->panel, &options, &error);
  else
    self->fit = convene_fit_session (self->session, &options);

  if (self->fit == NULL)
    {
      /* The panel lost its items or its target meanwhile. */
      gtk_label_set_text (self->summary_label, error != NULL ? error->message : "");
      gtk_widget_set_sensitive (self->apply_button, FALSE);
      return;
    }
  show_fit (self);
}

static void
apply_clicked (ConveneFitDialog *self)
{
  ConveneCommand *command;

  if (self->fit == NULL || !convene_ui_is_writable (self->document))
    return;
  command = convene_fit_build_command (self->fit);
  if (command == NULL)
    return;
  if (convene_ui_perform (GTK_WIDGET (self), self->document, command, NULL))
    gtk_window_close (GTK_WINDOW (self));
}

static void
convene_fit_dialog_dispose (GObject *object)
{
  ConveneFitDialog *self = CONVENE_FIT_DIALOG (object);

  g_clear_pointer (&self->fit, convene_fit_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->session);
  g_clear_object (&self->panel);
  g_clear_object (&self->selected);

  G_OBJECT_CLASS (convene_fit_dialog_parent_class)->dispose (object);
}

static void
convene_fit_dialog_class_init (ConveneFitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_fit_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
convene_fit_dialog_init (ConveneFitDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *content = NULL;
  GtkWidget *scrolled = convene_ui_new_dialog_page (18, &content);
  GtkWidget *options = adw_preferences_group_new ();
  GtkWidget *preview = adw_preferences_group_new ();
  GtkWidget *row;

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 640);
  gtk_widget_set_size_request (GTK_WIDGET (self), 300, 294);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->apply_button = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (apply_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->apply_button);
  gtk_box_append (GTK_BOX (box), header);

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_selectable (self->summary_label, TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->summary_label));

  self->strategy_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->strategy_row), _("Share the Time"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (options), GTK_WIDGET (self->strategy_row));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Rounding Step"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Changed lengths are multiples of these minutes"));
  self->step_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, CONVENE_MAX_FIT_STEP, 1));
  gtk_spin_button_set_numeric (self->step_spin, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->step_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->step_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rounding step in minutes"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->step_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->step_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (options), row);
  gtk_box_append (GTK_BOX (content), options);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (preview), _("Proposal"));
  self->preview_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->preview_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Proposed lengths"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (preview), GTK_WIDGET (self->preview_list));
  gtk_box_append (GTK_BOX (content), preview);

  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
}

ConveneFitDialog *
convene_fit_dialog_new (GtkWindow       *parent,
                        ConveneDocument *document,
                        ConveneSession  *session,
                        ConveneSegment  *panel,
                        ConveneSegment  *selected)
{
  ConveneFitDialog *self;
  g_autoptr(GtkStringList) strategies = gtk_string_list_new (NULL);
  const char *title = panel != NULL ? _("Fit Items to Target") : _("Fit to Slot");

  g_return_val_if_fail (CONVENE_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);

  self = g_object_new (CONVENE_TYPE_FIT_DIALOG, "transient-for", parent, "title", title, NULL);
  self->document = g_object_ref (document);
  self->session = g_object_ref (session);
  self->panel = panel != NULL ? g_object_ref (panel) : NULL;
  self->selected = selected != NULL ? g_object_ref (selected) : NULL;

  gtk_string_list_append (strategies, _("In proportion to their room"));
  gtk_string_list_append (strategies, _("Breaks and discussion first"));
  if (selected != NULL && panel == NULL)
    gtk_string_list_append (strategies, _("Only the selected segment"));
  adw_combo_row_set_model (self->strategy_row, G_LIST_MODEL (strategies));
  gtk_spin_button_set_value (self->step_spin, convene_session_get_fit_step (session));

  recompute (self);
  g_signal_connect_object (self->strategy_row, "notify::selected", G_CALLBACK (recompute), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->step_spin, "value-changed", G_CALLBACK (recompute), self, G_CONNECT_SWAPPED);
  /* An undo or a change from elsewhere while it is open: the proposal
   * follows what the session holds now. */
  g_signal_connect_object (document, "changed", G_CALLBACK (recompute), self, G_CONNECT_SWAPPED);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->strategy_row));
  return self;
}
