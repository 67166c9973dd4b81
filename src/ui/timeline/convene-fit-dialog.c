#define G_LOG_DOMAIN "convene-fit-dialog"
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "convene-fit.h"
#include "convene-fit-dialog.h"
#include "convene-limits.h"
#include "convene-ui-util.h"

/* One line of the proposal, as the table's list model holds it. */
#define CONVENE_TYPE_FIT_PREVIEW_ROW (convene_fit_preview_row_get_type ())
G_DECLARE_FINAL_TYPE (ConveneFitPreviewRow, convene_fit_preview_row, CONVENE, FIT_PREVIEW_ROW, GObject)

struct _ConveneFitPreviewRow
{
  GObject parent_instance;

  ConveneFit *fit;     /* owned: keeps the row's segments alive */
  guint       index;
};

G_DEFINE_FINAL_TYPE (ConveneFitPreviewRow, convene_fit_preview_row, G_TYPE_OBJECT)

/* "fit" (notify only): the row now shows another proposal for the same
 * segment, so its cells fill again without being made anew. */
static GParamSpec *row_fit_pspec;

static void
convene_fit_preview_row_finalize (GObject *object)
{
  ConveneFitPreviewRow *self = CONVENE_FIT_PREVIEW_ROW (object);

  g_clear_pointer (&self->fit, convene_fit_unref);
  G_OBJECT_CLASS (convene_fit_preview_row_parent_class)->finalize (object);
}

static void
convene_fit_preview_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ConveneFitPreviewRow *self = CONVENE_FIT_PREVIEW_ROW (object);

  if (prop_id == 1)
    g_value_set_boxed (value, self->fit);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
convene_fit_preview_row_class_init (ConveneFitPreviewRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = convene_fit_preview_row_finalize;
  object_class->get_property = convene_fit_preview_row_get_property;
  row_fit_pspec = g_param_spec_boxed ("fit", NULL, NULL, CONVENE_TYPE_FIT,
                                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, 1, row_fit_pspec);
}

static void
convene_fit_preview_row_init (ConveneFitPreviewRow *self)
{
}

static const ConveneFitRow *
preview_row_get (gpointer item)
{
  ConveneFitPreviewRow *self = CONVENE_FIT_PREVIEW_ROW (item);

  return convene_fit_get_row (self->fit, self->index);
}

/* The table's columns. */
typedef enum {
  COLUMN_SEGMENT,
  COLUMN_OLD,
  COLUMN_NEW,
  COLUMN_CHANGE,
  N_COLUMNS
} Column;

/* How tall the table grows before it scrolls (a session of about a dozen
 * rows shows whole). */
#define PREVIEW_MAX_HEIGHT 420

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
  GtkWidget     *priority_group;
  GtkListBox    *priority_list;
  GtkColumnView *preview_table;

  /* owned */
  ConveneDocument *document;
  ConveneSession  *session;
  ConveneSegment  *panel;
  ConveneSegment  *selected;
  ConveneFit      *fit;
  GListStore      *preview_rows;   /* ConveneFitPreviewRow */
  /* The planner's priority order, first to change first; every kind once. */
  ConveneSegmentKind order[CONVENE_N_SEGMENT_KINDS];
};

G_DEFINE_FINAL_TYPE (ConveneFitDialog, convene_fit_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_FIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Why a row keeps its length, or where a changed one stopped; NULL for none. */
static const char *
row_mark (const ConveneFitRow *row)
{
  ConveneSegment *holder = row->parent;

  if (row->at_minimum)
    return _("at its minimum");
  if (row->at_maximum)
    return _("at its maximum");
  if (!row->fixed || row->holds_items)
    return NULL;
  if (convene_segment_get_locked (row->segment) || (holder != NULL && convene_segment_get_locked (holder)))
    return _("locked");
  if (convene_segment_get_fixed_start (row->segment) != CONVENE_NO_FIXED_START ||
      (holder != NULL && convene_segment_get_fixed_start (holder) != CONVENE_NO_FIXED_START))
    return _("pinned");
  /* Outside the selection. */
  return _("kept");
}

static char *
row_title (const ConveneFitRow *row)
{
  g_autofree char *title = convene_ui_dup_shown_text (convene_segment_get_title (row->segment));

  if (title[0] != '\0')
    return g_steal_pointer (&title);
  return g_strdup (convene_segment_kind_get_label (convene_segment_get_kind (row->segment)));
}

static char *
change_text (const ConveneFitRow *row)
{
  int change = (int) row->new_length - (int) row->old_length;

  if (change == 0)
    return g_strdup ("");
  /* A real minus sign, as the old → new lengths are read. */
  return g_strdup_printf ("%s%d", change > 0 ? "+" : "−", ABS (change));
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  Column column = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "fit-cell");
  gtk_list_item_set_activatable (item, FALSE);
  if (column == COLUMN_SEGMENT)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *mark = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_label_set_xalign (GTK_LABEL (mark), 0);
      gtk_widget_add_css_class (mark, "fit-cell");
      gtk_widget_add_css_class (mark, "fit-mark");
      gtk_widget_add_css_class (mark, "dim-label");
      gtk_widget_add_css_class (mark, "caption");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), mark);
      gtk_list_item_set_child (item, box);
      return;
    }
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
fill_cell (GtkListItem *item,
           Column       column)
{
  const ConveneFitRow *row = preview_row_get (gtk_list_item_get_item (item));
  GtkWidget *child = gtk_list_item_get_child (item);
  gboolean changed = row->new_length != row->old_length && !row->holds_items;
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  switch (column)
    {
    case COLUMN_SEGMENT:
      {
        GtkWidget *label = gtk_widget_get_first_child (child);
        GtkWidget *mark = gtk_widget_get_next_sibling (label);
        const char *mark_text = row_mark (row);

        text = row_title (row);
        gtk_label_set_text (GTK_LABEL (label), text);
        gtk_label_set_text (GTK_LABEL (mark), mark_text != NULL ? mark_text : "");
        gtk_widget_set_visible (mark, mark_text != NULL);
        /* Items sit under their panel. */
        gtk_widget_set_margin_start (child, row->parent != NULL ? 18 : 0);
        if (row->parent != NULL)
          {
            g_autofree char *parent = convene_ui_dup_shown_text (convene_segment_get_title (row->parent));

            /* Translators: an item of a panel in the Fit to Slot table, for a
             * screen reader: “Talk 1, in Panel”. */
            accessible = g_strdup_printf (_("%s, in %s"), text, parent);
          }
        else
          accessible = g_strdup (text);
        if (mark_text != NULL)
          {
            g_autofree char *shorter = g_steal_pointer (&accessible);

            accessible = g_strdup_printf ("%s, %s", shorter, mark_text);
          }
        gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
        return;
      }
    case COLUMN_OLD:
      /* Translators: a length in the Fit to Slot table. */
      text = g_strdup_printf (_("%u min"), row->old_length);
      /* Translators: a cell of the Fit to Slot table, for a screen reader. */
      accessible = g_strdup_printf (_("Now %u min"), row->old_length);
      break;
    case COLUMN_NEW:
      text = g_strdup_printf (_("%u min"), row->new_length);
      accessible = changed ? g_strdup_printf (_("Proposed %u min"), row->new_length)
                           : g_strdup_printf (_("Stays %u min"), row->new_length);
      break;
    case COLUMN_CHANGE:
    case N_COLUMNS:
    default:
      text = change_text (row);
      accessible = changed ? g_strdup_printf (_("Change %s min"), text) : g_strdup (_("No change"));
      break;
    }

  gtk_label_set_text (GTK_LABEL (child), text);
  if (column == COLUMN_NEW && changed)
    gtk_widget_add_css_class (child, "fit-changed");
  else
    gtk_widget_remove_css_class (child, "fit-changed");
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
row_refitted (GObject     *row,
              GParamSpec  *pspec,
              GtkListItem *item)
{
  fill_cell (item, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "convene-fit-column")));
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  g_object_set_data (G_OBJECT (item), "convene-fit-column", data);
  g_signal_connect (gtk_list_item_get_item (item), "notify::fit", G_CALLBACK (row_refitted), item);
  fill_cell (item, GPOINTER_TO_INT (data));
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), row_refitted, item);
}

static void
add_column (ConveneFitDialog *self,
            Column            column,
            const char       *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, column == COLUMN_SEGMENT);
  gtk_column_view_append_column (self->preview_table, view_column);
  g_object_unref (view_column);
}

/* Whether the table's rows stand for the same segments as the new fit's. */
static gboolean
same_rows (ConveneFitDialog *self)
{
  GListModel *rows = G_LIST_MODEL (self->preview_rows);
  guint n = convene_fit_get_n_rows (self->fit);

  if (g_list_model_get_n_items (rows) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneFitPreviewRow) row = g_list_model_get_item (rows, i);
      const ConveneFitRow *now = preview_row_get (row);
      const ConveneFitRow *next = convene_fit_get_row (self->fit, i);

      if (now->segment != next->segment || now->parent != next->parent)
        return FALSE;
    }
  return TRUE;
}

static void
show_fit (ConveneFitDialog *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_label_set_text (self->summary_label, convene_fit_get_summary (self->fit));
  if (convene_fit_is_possible (self->fit))
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
  gtk_widget_set_sensitive (self->apply_button,
                            convene_fit_has_changes (self->fit) && convene_ui_is_writable (self->document));

  /* Another proposal for the same rows (a strategy, a step, an order):
   * the rows shown fill again, without the table making its rows anew,
   * which a long session would feel. */
  if (same_rows (self))
    {
      for (guint i = 0; i < convene_fit_get_n_rows (self->fit); i++)
        {
          g_autoptr(ConveneFitPreviewRow) row = g_list_model_get_item (G_LIST_MODEL (self->preview_rows), i);

          g_clear_pointer (&row->fit, convene_fit_unref);
          row->fit = convene_fit_ref (self->fit);
          g_object_notify_by_pspec (G_OBJECT (row), row_fit_pspec);
        }
      return;
    }

  for (guint i = 0; i < convene_fit_get_n_rows (self->fit); i++)
    {
      ConveneFitPreviewRow *row = g_object_new (CONVENE_TYPE_FIT_PREVIEW_ROW, NULL);

      row->fit = convene_fit_ref (self->fit);
      row->index = i;
      g_ptr_array_add (rows, row);
    }
  g_list_store_splice (self->preview_rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->preview_rows)),
                       rows->pdata, rows->len);
}

/* ---- The priority order ---- */

static void
load_priority (ConveneFitDialog *self)
{
  g_autofree char *saved = convene_document_dup_view_setting (self->document, CONVENE_FIT_PRIORITY_SETTING);
  const ConveneSegmentKind *defaults;

  /* Anything the engine cannot read (a file from elsewhere) is the usual order. */
  if (saved != NULL && convene_fit_parse_priority (saved, self->order, NULL))
    return;
  defaults = convene_fit_get_default_priority (NULL);
  memcpy (self->order, defaults, sizeof self->order);
}

static void
show_priority (ConveneFitDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->priority_list))) != NULL)
    gtk_list_box_remove (self->priority_list, child);

  for (guint i = 0; i < CONVENE_N_SEGMENT_KINDS; i++)
    {
      const char *label = convene_segment_kind_get_label (self->order[i]);
      const char *nick = convene_segment_kind_to_nick (self->order[i]);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *earlier_label = NULL;
      g_autofree char *later_label = NULL;
      GtkWidget *earlier;
      GtkWidget *later;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_label_new (number));
      /* Translators: a button moving a kind up the Fit to Slot priority order. */
      earlier_label = g_strdup_printf (_("Change %s Sooner"), label);
      /* Translators: a button moving a kind down the Fit to Slot priority order. */
      later_label = g_strdup_printf (_("Change %s Later"), label);
      earlier = convene_ui_icon_button ("go-up-symbolic", "fit.sooner", earlier_label);
      later = convene_ui_icon_button ("go-down-symbolic", "fit.later", later_label);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (earlier), "s", nick);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (later), "s", nick);
      /* The first cannot go sooner, the last later: an action would make
       * their buttons sensitive again. */
      if (i == 0)
        gtk_actionable_set_action_name (GTK_ACTIONABLE (earlier), NULL);
      if (i + 1 == CONVENE_N_SEGMENT_KINDS)
        gtk_actionable_set_action_name (GTK_ACTIONABLE (later), NULL);
      gtk_widget_set_sensitive (earlier, i > 0);
      gtk_widget_set_sensitive (later, i + 1 < CONVENE_N_SEGMENT_KINDS);
      for (GtkWidget *button = earlier; button != NULL; button = button == earlier ? later : NULL)
        {
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_name (button, button == earlier ? "sooner" : "later");
          gtk_widget_add_css_class (button, button == earlier ? "priority-sooner" : "priority-later");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_widget_set_name (row, nick);
      gtk_list_box_append (self->priority_list, row);
    }
}

static void recompute (ConveneFitDialog *self);

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
move_kind (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ConveneFitDialog *self = CONVENE_FIT_DIALOG (widget);
  int delta = g_str_equal (action_name, "fit.sooner") ? -1 : 1;
  const char *nick = g_variant_get_string (parameter, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  ConveneSegmentKind kind, swap;
  guint at = 0;
  GtkWidget *row;

  if (!convene_segment_kind_from_nick (nick, &kind))
    return;
  while (at < CONVENE_N_SEGMENT_KINDS && self->order[at] != kind)
    at++;
  if (at == CONVENE_N_SEGMENT_KINDS || (delta < 0 && at == 0) || (delta > 0 && at + 1 == CONVENE_N_SEGMENT_KINDS))
    return;

  swap = self->order[at + delta];
  self->order[at + delta] = kind;
  self->order[at] = swap;

  /* Remembered with the project, as the timeline's zoom is: no undo. One
   * that cannot be saved still holds while the project is open. */
  text = convene_fit_priority_to_string (self->order, CONVENE_N_SEGMENT_KINDS);
  if (!convene_document_set_view_setting (self->document, CONVENE_FIT_PRIORITY_SETTING, text, &error))
    g_debug ("The priority order was not saved: %s", error->message);

  show_priority (self);
  /* The keyboard stays on the kind that moved, on the same button where it
   * still can go that way. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->priority_list, (int) at + delta));
  if (row != NULL)
    {
      GtkWidget *button = find_named (row, delta < 0 ? "sooner" : "later");

      if (button == NULL || !gtk_widget_get_sensitive (button))
        button = find_named (row, delta < 0 ? "later" : "sooner");
      if (button != NULL)
        gtk_widget_grab_focus (button);
    }
  recompute (self);
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
    {
      options.strategy = CONVENE_FIT_PRIORITY;
      options.kind_order = self->order;
      options.n_kind_order = CONVENE_N_SEGMENT_KINDS;
    }
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

  gtk_widget_set_visible (self->priority_group, choice == CHOICE_PRIORITY);
  if (self->fit == NULL)
    {
      /* The panel lost its items or its target meanwhile. */
      gtk_label_set_text (self->summary_label, error != NULL ? error->message : "");
      gtk_widget_set_sensitive (self->apply_button, FALSE);
      g_list_store_remove_all (self->preview_rows);
    }
  else
    show_fit (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT]);
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
  g_clear_object (&self->preview_rows);

  G_OBJECT_CLASS (convene_fit_dialog_parent_class)->dispose (object);
}

static void
convene_fit_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ConveneFitDialog *self = CONVENE_FIT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FIT:
      g_value_set_boxed (value, self->fit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_fit_dialog_class_init (ConveneFitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_fit_dialog_dispose;
  object_class->get_property = convene_fit_dialog_get_property;

  properties[PROP_FIT] =
    g_param_spec_boxed ("fit", NULL, NULL, CONVENE_TYPE_FIT,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "fit.sooner", "s", move_kind);
  gtk_widget_class_install_action (widget_class, "fit.later", "s", move_kind);
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
  GtkWidget *table_scroller;
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

  /* The order "lowest priority first" takes kinds in, the planner's to set. */
  self->priority_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->priority_group), _("Order of Priority"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->priority_group),
                                         _("Kinds at the top give or take time first; Convene "
                                           "remembers the order for this project"));
  self->priority_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->priority_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->priority_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->priority_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Order of priority"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->priority_group), GTK_WIDGET (self->priority_list));
  gtk_widget_set_visible (self->priority_group, FALSE);
  gtk_box_append (GTK_BOX (content), self->priority_group);

  /* The proposal as a table: segment (with why it stopped or stays, under
   * its title, and items indented under their panel), then the lengths.
   * Four columns fit 360 px, so the table needs no narrow layout. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (preview), _("Proposal"));
  self->preview_rows = g_list_store_new (CONVENE_TYPE_FIT_PREVIEW_ROW);
  self->preview_table =
    GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (
      G_LIST_MODEL (g_object_ref (self->preview_rows))))));
  gtk_column_view_set_reorderable (self->preview_table, FALSE);
  gtk_column_view_set_show_row_separators (self->preview_table, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_table), "fit-preview");
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_table), "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview_table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Proposed lengths"), -1);
  add_column (self, COLUMN_SEGMENT, _("Segment"));
  /* Translators: column headings of the Fit to Slot table: the length now,
   * the proposed one and the difference. Keep them short (360 px). */
  add_column (self, COLUMN_OLD, C_("fit table", "Now"));
  add_column (self, COLUMN_NEW, C_("fit table", "New"));
  add_column (self, COLUMN_CHANGE, C_("fit table", "±"));
  /* A long session's table scrolls on its own, so that only the rows in
   * sight have widgets; a short one shows whole, without a scroll bar. */
  table_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (table_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (table_scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (table_scroller), PREVIEW_MAX_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (table_scroller), GTK_WIDGET (self->preview_table));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (preview), table_scroller);
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
  gtk_string_list_append (strategies, _("Lowest priority first"));
  if (selected != NULL && panel == NULL)
    gtk_string_list_append (strategies, _("Only the selected segment"));
  adw_combo_row_set_model (self->strategy_row, G_LIST_MODEL (strategies));
  gtk_spin_button_set_value (self->step_spin, convene_session_get_fit_step (session));
  load_priority (self);
  show_priority (self);

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

ConveneFit *
convene_fit_dialog_get_fit (ConveneFitDialog *self)
{
  g_return_val_if_fail (CONVENE_IS_FIT_DIALOG (self), NULL);
  return self->fit;
}

ConveneSession *
convene_fit_dialog_get_session (ConveneFitDialog *self)
{
  g_return_val_if_fail (CONVENE_IS_FIT_DIALOG (self), NULL);
  return self->session;
}
