#define G_LOG_DOMAIN "convene-timeline-view"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-edits.h"
#include "convene-fit-dialog.h"
#include "convene-limits.h"
#include "convene-timeline-view-private.h"
#include "convene-ui-util.h"

/* Keeps the keyboard on the segment after an edit and says what happened. */
static void
follow (ConveneTimelineView *self,
        ConveneSegment      *segment,
        const char          *what)
{
  ConveneSegmentBlock *block;

  convene_timeline_view_select_segment (self, segment);
  block = _convene_timeline_view_find_block (self, segment);
  if (block != NULL && what != NULL)
    convene_segment_block_announce (block, what);
}

/* Edits */

/* A new segment is named after its kind ("Q&A", in the planner's
 * language) and has the kind's usual length, so it reads right on the run
 * sheet until it is renamed. */
static ConveneSegment *
new_segment (ConveneTimelineView *self,
             ConveneSegmentKind   kind)
{
  return convene_segment_new (convene_project_new_id (self->project), kind, convene_segment_kind_get_label (kind),
                              convene_segment_kind_get_default_minutes (kind));
}

void
_convene_timeline_view_insert_kind (ConveneTimelineView *self,
                                    ConveneSegmentKind   kind,
                                    ConveneSegment      *parent,
                                    guint                position)
{
  g_autoptr(ConveneSegment) segment = new_segment (self, kind);
  GError *error = NULL;
  ConveneCommand *command;

  command = convene_edit_add_segment (self->project, self->session, parent, position, segment, &error);
  if (!_convene_timeline_view_run_command (self, command, error))
    return;
  follow (self, segment, _("added"));
  /* The kind's name is only a start: the title is ready to be typed over. */
  _convene_timeline_view_edit_title (self);
}

/* Where a new segment goes from the keyboard: after the selected block, at
 * the end when nothing is selected. */
static void
insert_after_selection (ConveneTimelineView *self,
                        ConveneSegmentKind   kind)
{
  ConveneSegment *selected = convene_timeline_view_get_selected_segment (self);
  ConveneSegment *parent = NULL;
  guint position = G_MAXUINT;

  if (selected != NULL &&
      convene_session_locate_segment (self->session, convene_segment_get_id (selected), NULL,
                                      &position, &parent))
    {
      position++;
      /* Only simple kinds go among the items of a panel. */
      if (parent != NULL && convene_segment_kind_holds_items (kind))
        {
          convene_session_locate_segment (self->session, convene_segment_get_id (parent), NULL,
                                          &position, NULL);
          position++;
          parent = NULL;
        }
    }
  _convene_timeline_view_insert_kind (self, kind, parent, position);
}

gboolean
_convene_timeline_view_move_segment (ConveneTimelineView *self,
                                     ConveneSegment      *segment,
                                     ConveneSegment      *parent,
                                     guint                position,
                                     const char          *what)
{
  GError *error = NULL;
  ConveneCommand *command;

  command = convene_edit_move_segment (self->project, self->session, segment, parent, position, &error);
  if (!_convene_timeline_view_run_command (self, command, error))
    return FALSE;
  follow (self, segment, what);
  return TRUE;
}

gboolean
_convene_timeline_view_locate (ConveneTimelineView *self,
                               ConveneSegment      *segment,
                               GListStore         **list,
                               guint               *position,
                               ConveneSegment     **parent)
{
  return segment != NULL &&
         convene_session_locate_segment (self->session, convene_segment_get_id (segment),
                                         list, position, parent);
}

static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  gboolean up = g_str_equal (action_name, "timeline.move-up");
  ConveneSegment *parent = NULL;
  GListStore *list = NULL;
  guint position = 0;
  guint parent_position = 0;

  if (!_convene_timeline_view_is_writable (self) ||
      !_convene_timeline_view_locate (self, segment, &list, &position, &parent))
    return;

  if (up && position > 0)
    _convene_timeline_view_move_segment (self, segment, parent, position - 1, _("moved up"));
  else if (!up && position + 1 < g_list_model_get_n_items (G_LIST_MODEL (list)))
    _convene_timeline_view_move_segment (self, segment, parent, position + 1, _("moved down"));
  else if (parent != NULL && _convene_timeline_view_locate (self, parent, NULL, &parent_position, NULL))
    /* The first or last item steps out of its segment. */
    _convene_timeline_view_move_segment (self, segment, NULL, up ? parent_position : parent_position + 1,
                  up ? _("moved up out of its segment") : _("moved down out of its segment"));
  else
    gtk_widget_error_bell (widget);
}

static void
indent_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  g_autoptr(ConveneSegment) previous = NULL;
  ConveneSegment *parent = NULL;
  GListStore *list = NULL;
  guint position = 0;

  if (!_convene_timeline_view_is_writable (self) ||
      !_convene_timeline_view_locate (self, segment, &list, &position, &parent))
    return;

  if (parent != NULL || position == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  previous = g_list_model_get_item (G_LIST_MODEL (list), position - 1);
  if (!convene_segment_kind_holds_items (convene_segment_get_kind (previous)))
    {
      g_autofree char *message =
        /* Translators: %s is a kind of segment, "Break". */
        g_strdup_printf (_("The segment above is a %s, which cannot hold items."),
                         convene_segment_kind_get_label (convene_segment_get_kind (previous)));
      convene_ui_show_message (GTK_WIDGET (self), message);
      return;
    }
  _convene_timeline_view_move_segment (self, segment, previous,
                g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (previous))),
                _("made an item of the segment above"));
}

static void
outdent_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  ConveneSegment *parent = NULL;
  guint parent_position = 0;

  if (!_convene_timeline_view_is_writable (self) || !_convene_timeline_view_locate (self, segment, NULL, NULL, &parent))
    return;
  if (parent == NULL || !_convene_timeline_view_locate (self, parent, NULL, &parent_position, NULL))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  _convene_timeline_view_move_segment (self, segment, NULL, parent_position + 1, _("moved out of its segment"));
}

void
_convene_timeline_view_set_duration (ConveneTimelineView *self,
                                     ConveneSegment      *segment,
                                     guint                minutes,
                                     const char          *what)
{
  GError *error = NULL;
  ConveneCommand *command;

  command = convene_edit_set_number (segment, "duration", minutes, &error);
  if (_convene_timeline_view_run_command (self, command, error))
    follow (self, segment, what);
}

static void
length_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  int step = g_variant_get_int32 (parameter);
  int duration;
  gboolean has_items;
  g_autofree char *what = NULL;

  if (!_convene_timeline_view_is_writable (self) || segment == NULL)
    return;
  has_items = g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (segment))) > 0;
  /* A segment with items lasts what they take: the keys change its target
   * length, when it has one. */
  if (has_items && !convene_segment_get_has_target (segment))
    {
      gtk_widget_error_bell (widget);
      convene_ui_show_message (widget, _("This segment lasts as long as its items take. Change the length of "
                                         "an item, or give the segment a target length in its details."));
      return;
    }
  duration = (int) convene_segment_get_duration (segment) + step;
  if (duration < 1 || duration > CONVENE_MAX_DURATION_MINUTES)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if (has_items)
    {
      GError *error = NULL;
      ConveneCommand *command = convene_edit_set_target (segment, TRUE, (guint) duration, &error);

      /* Translators: said after a change of a panel's target length, "target now 45 min". */
      what = g_strdup_printf (_("target now %d min"), duration);
      if (_convene_timeline_view_run_command (self, command, error))
        follow (self, segment, what);
      return;
    }
  /* Translators: said after a change of length, "now 45 min". */
  what = g_strdup_printf (_("now %d min"), duration);
  _convene_timeline_view_set_duration (self, segment, (guint) duration, what);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  g_autofree char *message = NULL;
  const char *title;
  guint position;

  if (!_convene_timeline_view_is_writable (self) || segment == NULL)
    return;
  title = convene_segment_get_title (segment);
  if (title[0] == '\0')
    title = convene_segment_kind_get_label (convene_segment_get_kind (segment));
  /* Translators: %s is the title of a segment just removed. */
  message = g_strdup_printf (_("“%s” removed"), title);
  position = gtk_single_selection_get_selected (self->selection);
  if (!_convene_timeline_view_run_command (self, convene_edit_remove_segment (self->project, self->session, segment),
                                           NULL))
    return;

  /* The keyboard stays where the segment was. */
  _convene_timeline_view_show_all_rows (self);
  if (self->tree != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->tree)) > 0)
    gtk_single_selection_set_selected (self->selection,
                                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->tree)) - 1));

  convene_ui_show_undo_toast (GTK_WIDGET (self), self->document, message);
}

static void
copy_details (ConveneSegment *copy,
              ConveneSegment *segment)
{
  convene_segment_set_notes (copy, convene_segment_get_notes (segment));
  convene_segment_set_cues (copy, convene_segment_get_cues (segment));
  convene_segment_set_has_target (copy, convene_segment_get_has_target (segment));
  convene_segment_copy_fit_settings (copy, segment);
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  g_autoptr(ConveneSegment) copy = NULL;
  ConveneSegment *parent = NULL;
  GError *error = NULL;
  guint position = 0;
  ConveneCommand *command;
  GListModel *items;

  if (!_convene_timeline_view_is_writable (self) ||
      !_convene_timeline_view_locate (self, segment, NULL, &position, &parent))
    return;
  copy = convene_segment_new (convene_project_new_id (self->project), convene_segment_get_kind (segment),
                              convene_segment_get_title (segment), convene_segment_get_duration (segment));
  copy_details (copy, segment);
  /* The items come along inside the copy, so one command adds them all. */
  items = G_LIST_MODEL (convene_segment_get_items (segment));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ConveneSegment) item = g_list_model_get_item (items, i);
      g_autoptr(ConveneSegment) item_copy =
        convene_segment_new (convene_project_new_id (self->project), convene_segment_get_kind (item),
                             convene_segment_get_title (item), convene_segment_get_duration (item));

      copy_details (item_copy, item);
      g_list_store_append (convene_segment_get_items (copy), item_copy);
    }
  command = convene_edit_add_segment (self->project, self->session, parent, position + 1, copy, &error);
  if (_convene_timeline_view_run_command (self, command, error))
    follow (self, copy, _("duplicated"));
}

static void
insert_kind_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);
  ConveneSegmentKind kind;

  if (!_convene_timeline_view_is_writable (self) ||
      !convene_segment_kind_from_nick (g_variant_get_string (parameter, NULL), &kind))
    return;
  insert_after_selection (self, kind);
}

gboolean
_convene_timeline_view_has_ghost (ConveneTimelineView *self)
{
  return self->ghost_fit != NULL && self->ghost_session == self->session && self->session != NULL &&
         convene_fit_has_changes (self->ghost_fit);
}

void
_convene_timeline_view_show_ghost (ConveneTimelineView *self,
                                   ConveneSegmentBlock *block)
{
  const ConveneFitRow *row = NULL;
  g_autofree char *change = NULL;

  if (_convene_timeline_view_has_ghost (self))
    row = g_hash_table_lookup (self->ghost_rows, convene_segment_block_get_segment (block));
  if (row != NULL && !row->holds_items && row->new_length != row->old_length)
    /* Translators: a length Fit to Slot proposes, on its block: “15 → 10 min”. */
    change = g_strdup_printf (_("%u → %u min"), row->old_length, row->new_length);
  convene_segment_block_set_ghost (block, change);
}

void
_convene_timeline_view_set_ghost (ConveneTimelineView *self,
                                  ConveneSession      *session,
                                  ConveneFit          *fit)
{
  gboolean had = _convene_timeline_view_has_ghost (self);

  g_clear_pointer (&self->ghost_fit, convene_fit_unref);
  g_clear_object (&self->ghost_session);
  g_clear_pointer (&self->ghost_rows, g_hash_table_unref);
  if (fit != NULL && session != NULL)
    {
      self->ghost_fit = convene_fit_ref (fit);
      self->ghost_session = g_object_ref (session);
      self->ghost_rows = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < convene_fit_get_n_rows (fit); i++)
        {
          const ConveneFitRow *row = convene_fit_get_row (fit, i);

          g_hash_table_insert (self->ghost_rows, row->segment, (gpointer) row);
        }
    }
  /* Only the blocks bound now restyle (the list recycles them); the rest
   * are shown with the ghost when they are bound. */
  if (had || _convene_timeline_view_has_ghost (self))
    _convene_timeline_view_refresh (self);
}

static void
fit_proposal_changed (ConveneFitDialog    *dialog,
                      GParamSpec          *pspec,
                      ConveneTimelineView *self)
{
  _convene_timeline_view_set_ghost (self, convene_fit_dialog_get_session (dialog),
                                    convene_fit_dialog_get_fit (dialog));
}

static void
fit_dialog_gone (ConveneTimelineView *self)
{
  _convene_timeline_view_set_ghost (self, NULL, NULL);
}

static void
open_fit_dialog (ConveneTimelineView *self,
                 ConveneSegment      *panel)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ConveneFitDialog *dialog;

  if (self->session == NULL || !_convene_timeline_view_is_writable (self))
    return;
  dialog = convene_fit_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->document,
                                   self->session, panel,
                                   convene_timeline_view_get_selected_segment (self));
  /* The timeline shows the proposal as a ghost while the window is open;
   * Cancel, closing or Apply (which closes it) take the ghost away. */
  g_signal_connect_object (dialog, "notify::fit", G_CALLBACK (fit_proposal_changed), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (fit_dialog_gone), self, G_CONNECT_SWAPPED);
  fit_proposal_changed (dialog, NULL, self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fit_to_slot_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_fit_dialog (CONVENE_TIMELINE_VIEW (widget), NULL);
}

static void
fit_items_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);

  if (segment == NULL || !convene_segment_get_has_target (segment) ||
      g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (segment))) == 0)
    return;
  open_fit_dialog (self, segment);
}

void
_convene_timeline_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "timeline.fit-to-slot", NULL, fit_to_slot_activated);
  gtk_widget_class_install_action (widget_class, "timeline.fit-items", NULL, fit_items_activated);
  gtk_widget_class_install_action (widget_class, "timeline.insert-kind", "s", insert_kind_activated);
  gtk_widget_class_install_action (widget_class, "timeline.move-up", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "timeline.move-down", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "timeline.indent", NULL, indent_activated);
  gtk_widget_class_install_action (widget_class, "timeline.outdent", NULL, outdent_activated);
  gtk_widget_class_install_action (widget_class, "timeline.change-length", "i", length_activated);
  gtk_widget_class_install_action (widget_class, "timeline.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "timeline.duplicate", NULL, duplicate_activated);
}

static void
add_key (GtkEventController *shortcuts,
         guint               keyval,
         GdkModifierType     modifiers,
         const char         *action,
         int                 minutes)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers), gtk_named_action_new (action));

  if (minutes != 0)
    gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (minutes));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
}

/* The keyboard twins of the drags act on the selected segment while the
 * timeline or its palette has the focus, not while the planner types or
 * picks in the side column (Delete there must not remove the segment). */
void
_convene_timeline_view_add_keys (ConveneTimelineView *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  add_key (shortcuts, GDK_KEY_Up, GDK_ALT_MASK, "timeline.move-up", 0);
  add_key (shortcuts, GDK_KEY_Down, GDK_ALT_MASK, "timeline.move-down", 0);
  add_key (shortcuts, GDK_KEY_Right, GDK_ALT_MASK, "timeline.indent", 0);
  add_key (shortcuts, GDK_KEY_Left, GDK_ALT_MASK, "timeline.outdent", 0);
  add_key (shortcuts, GDK_KEY_equal, GDK_ALT_MASK, "timeline.change-length", 5);
  add_key (shortcuts, GDK_KEY_plus, GDK_ALT_MASK, "timeline.change-length", 5);
  add_key (shortcuts, GDK_KEY_KP_Add, GDK_ALT_MASK, "timeline.change-length", 5);
  add_key (shortcuts, GDK_KEY_minus, GDK_ALT_MASK, "timeline.change-length", -5);
  add_key (shortcuts, GDK_KEY_KP_Subtract, GDK_ALT_MASK, "timeline.change-length", -5);
  add_key (shortcuts, GDK_KEY_equal, GDK_ALT_MASK | GDK_SHIFT_MASK, "timeline.change-length", 1);
  add_key (shortcuts, GDK_KEY_plus, GDK_ALT_MASK | GDK_SHIFT_MASK, "timeline.change-length", 1);
  add_key (shortcuts, GDK_KEY_minus, GDK_ALT_MASK | GDK_SHIFT_MASK, "timeline.change-length", -1);
  add_key (shortcuts, GDK_KEY_underscore, GDK_ALT_MASK | GDK_SHIFT_MASK, "timeline.change-length", -1);
  add_key (shortcuts, GDK_KEY_Delete, 0, "timeline.delete", 0);
  add_key (shortcuts, GDK_KEY_KP_Delete, 0, "timeline.delete", 0);
  add_key (shortcuts, GDK_KEY_d, GDK_CONTROL_MASK, "timeline.duplicate", 0);
  gtk_widget_add_controller (self->main, shortcuts);
}
