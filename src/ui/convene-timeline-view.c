#define G_LOG_DOMAIN "convene-timeline-view"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-assignment-list.h"
#include "convene-clock.h"
#include "convene-edits.h"
#include "convene-limits.h"
#include "convene-outcome-links.h"
#include "convene-people-palette.h"
#include "convene-schedule.h"
#include "convene-segment-block.h"
#include "convene-timeline-view.h"
#include "convene-ui-util.h"
#include "convene-validate.h"


typedef enum {
  DROP_NONE,
  DROP_BEFORE,
  DROP_AFTER,
  DROP_INTO,
  DROP_END,
} DropZone;

struct _ConveneTimelineView
{
  GtkWidget parent_instance;

  GtkWidget          *main;       /* heading, palette and the list */
  GtkWidget          *side;       /* beside the list when wide, below it when narrow */
  GtkWidget          *side_stack;
  GtkLabel           *times_label;
  GtkLabel           *fit_label;
  GtkWidget          *palette;
  GtkWidget          *scroller;
  GtkListView        *list_view;
  GtkWidget          *empty_label;

  GtkWidget          *editor;
  GtkWidget          *no_selection;
  ConveneAssignmentList *segment_people;   /* the people on the selected segment */
  ConveneOutcomeLinks   *segment_outcomes; /* the checklist items it serves */
  ConvenePeoplePalette  *people;           /* people to drag onto segments */
  AdwEntryRow        *title_row;
  AdwComboRow        *kind_row;
  GtkSpinButton      *duration_spin;
  GtkSwitch          *fixed_switch;
  GtkEntry           *fixed_entry;
  GtkTextView        *notes_view;
  GtkTextView        *cues_view;

  ConveneDocument    *document;
  ConveneProject     *project;
  ConveneSession     *session;
  GSignalGroup       *document_signals;  /* the document's change feed */

  ConveneSchedule    *schedule;   /* the document's, or a resize preview's */
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  /* ConveneSegment* (owned) -> whether the tree gave it a row for items:
   * a segment whose answer changes needs the tree made anew. */
  GHashTable         *holds_items;
  GHashTable         *blocks;     /* bound ConveneSegmentBlock widgets (not owned) */
  char               *fit_text;

  ConveneSegmentBlock *drop_block;
  DropZone            drop_zone;

  ConveneSegment     *resizing;   /* the segment whose edge is dragged */
  GtkGesture         *resize_gesture;
  guint               resize_original;
  guint               resize_minutes; /* the length shown while dragging */

  gboolean            syncing;    /* the editor is being filled from the model */
  gboolean            wrap_titles; /* the list is narrow: long titles wrap */
  guint               wrap_tick;  /* applies a change of wrap_titles */
};

G_DEFINE_FINAL_TYPE (ConveneTimelineView, convene_timeline_view, GTK_TYPE_WIDGET)

/* A sensible first length for a new segment of each kind. */
static const guint default_minutes[CONVENE_N_SEGMENT_KINDS] = {
  [CONVENE_SEGMENT_KIND_OPENING] = 5,
  [CONVENE_SEGMENT_KIND_WELCOME] = 5,
  [CONVENE_SEGMENT_KIND_KEYNOTE] = 20,
  [CONVENE_SEGMENT_KIND_PRESENTATION] = 15,
  [CONVENE_SEGMENT_KIND_PANEL] = 45,
  [CONVENE_SEGMENT_KIND_QA] = 15,
  [CONVENE_SEGMENT_KIND_DISCUSSION] = 30,
  [CONVENE_SEGMENT_KIND_BREAK] = 15,
  [CONVENE_SEGMENT_KIND_NETWORKING] = 30,
  [CONVENE_SEGMENT_KIND_CLOSING] = 5,
  [CONVENE_SEGMENT_KIND_CUSTOM] = 10,
};

static void sync_editor (ConveneTimelineView *self);

static gboolean
is_writable (ConveneTimelineView *self)
{
  return self->session != NULL && convene_ui_is_writable (self->document);
}

/* Hands command (NULL when building it failed with build_error) to the
 * document; when it is refused the reason is shown and the editor goes back
 * to what the model holds. */
static gboolean
run_command (ConveneTimelineView *self,
             ConveneCommand      *command,
             GError              *build_error)
{
  if (!convene_ui_perform (GTK_WIDGET (self), self->document, command, build_error))
    {
      sync_editor (self);
      return FALSE;
    }
  return TRUE;
}

/* The schedule and everything shown from it. */

static void
refresh (ConveneTimelineView *self)
{
  GHashTableIter iter;
  gpointer key;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *slot_end = NULL;
  g_autofree char *times = NULL;
  gboolean use_12h = convene_clock_get_use_12h (convene_clock_get_default ());
  guint n_top = 0;

  g_clear_pointer (&self->schedule, convene_schedule_unref);
  g_clear_pointer (&self->fit_text, g_free);

  if (self->session == NULL)
    {
      gtk_label_set_text (self->times_label, "");
      gtk_label_set_text (self->fit_label, "");
      return;
    }

  if (self->resizing != NULL)
    {
      /* The preview is drawn from a schedule of its own; the model changes
       * only when the drag ends, by one command. */
      g_autoptr(GTimeZone) tz = convene_project_dup_gtime_zone (self->project);

      self->schedule = convene_schedule_compute_preview (self->session, tz, self->resizing,
                                                         self->resize_minutes);
    }
  else
    self->schedule = convene_schedule_ref (convene_document_get_schedule (self->document, self->session));
  start = convene_schedule_format_clock (self->schedule, 0, use_12h);
  end = convene_schedule_format_clock (self->schedule, convene_schedule_get_end (self->schedule), use_12h);
  slot_end = convene_schedule_format_clock (self->schedule, convene_schedule_get_slot_minutes (self->schedule),
                                            use_12h);
  /* Translators: the session's start, planned end and the end of its slot. */
  times = g_strdup_printf (_("Starts %s · planned end %s · slot ends %s"), start, end, slot_end);
  gtk_label_set_text (self->times_label, times);

  self->fit_text = convene_schedule_describe_fit (self->schedule);
  gtk_label_set_text (self->fit_label, self->fit_text);
  if (convene_schedule_get_over_minutes (self->schedule) > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->fit_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->fit_label), "error");

  n_top = g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_segments (self->session)));
  gtk_widget_set_visible (self->empty_label, n_top == 0);

  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      ConveneSegmentBlock *block = key;
      ConveneSegment *segment = convene_segment_block_get_segment (block);
      const ConveneScheduleEntry *entry;

      if (segment == NULL)
        continue;
      entry = convene_schedule_lookup (self->schedule, segment);
      if (entry != NULL)
        convene_segment_block_show (block, self->document, self->schedule, entry, use_12h);
    }
}

static GListModel *create_children (gpointer item, gpointer user_data);
static guint       find_position   (ConveneTimelineView *self, ConveneSegment *segment);

/* Whether the tree gives segment a row for its items (what create_children
 * answers). */
static gboolean
holds_items (ConveneSegment *segment)
{
  return convene_segment_kind_holds_items (convene_segment_get_kind (segment)) ||
         g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (segment))) > 0;
}

/* The tree asks once per row whether a segment can have items; when a
 * segment's answer changed (its kind, or items arriving in a kind that takes
 * none) the tree is made anew (cheap: rows are only created for what is
 * shown) and the selection kept. */
static void
rebuild_tree (ConveneTimelineView *self)
{
  g_autoptr(ConveneSegment) selected = NULL;
  g_autoptr(GtkTreeListModel) old_tree = NULL;
  GListModel *segments;

  if (self->session == NULL || self->selection == NULL)
    return;
  if (convene_timeline_view_get_selected_segment (self) != NULL)
    selected = g_object_ref (convene_timeline_view_get_selected_segment (self));
  segments = G_LIST_MODEL (convene_session_get_segments (self->session));
  old_tree = g_steal_pointer (&self->tree);
  g_hash_table_remove_all (self->holds_items);
  self->tree = gtk_tree_list_model_new (g_object_ref (segments), FALSE, TRUE, create_children, self, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  gtk_single_selection_set_selected (self->selection, find_position (self, selected));
}

static gboolean
tree_shape_changed (ConveneTimelineView *self,
                    ConveneChanges      *changes)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->holds_items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (convene_changes_contains (changes, key) && holds_items (key) != GPOINTER_TO_INT (value))
      return TRUE;
  return FALSE;
}

/* The one place the timeline hears of edits: times, lengths, order, people. */
static void
document_changed (ConveneTimelineView *self,
                  ConveneChanges      *changes)
{
  if (self->session == NULL)
    return;
  if (!convene_changes_moves_times (changes, self->session) &&
      !convene_changes_has (changes, CONVENE_CHANGE_SPEAKERS | CONVENE_CHANGE_ASSIGNMENTS))
    return;

  if (convene_changes_has (changes, CONVENE_CHANGE_SEGMENTS) && tree_shape_changed (self, changes))
    rebuild_tree (self);
  refresh (self);
  if (self->resizing == NULL)
    sync_editor (self);
}

/* Selection */

/* The segment of a row of the flattened tree, borrowed (the row holds it). */
static ConveneSegment *
row_segment (GtkTreeListRow *row)
{
  g_autoptr(GObject) item = NULL;

  if (row == NULL)
    return NULL;
  item = gtk_tree_list_row_get_item (row);
  return CONVENE_SEGMENT (item);
}

ConveneSegment *
convene_timeline_view_get_selected_segment (ConveneTimelineView *self)
{
  g_return_val_if_fail (CONVENE_IS_TIMELINE_VIEW (self), NULL);

  if (self->selection == NULL)
    return NULL;
  return row_segment (gtk_single_selection_get_selected_item (self->selection));
}

static guint
find_position (ConveneTimelineView *self,
               ConveneSegment      *segment)
{
  guint n;

  if (self->tree == NULL || segment == NULL)
    return GTK_INVALID_LIST_POSITION;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);

      if (row_segment (row) == segment)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
convene_timeline_view_select_segment (ConveneTimelineView *self,
                                      ConveneSegment      *segment)
{
  guint position;

  g_return_if_fail (CONVENE_IS_TIMELINE_VIEW (self));

  if (self->selection == NULL)
    return;
  position = find_position (self, segment);
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

const char *
convene_timeline_view_get_fit_text (ConveneTimelineView *self)
{
  g_return_val_if_fail (CONVENE_IS_TIMELINE_VIEW (self), NULL);

  return self->fit_text != NULL ? self->fit_text : "";
}

static ConveneSegmentBlock *
find_block (ConveneTimelineView *self,
            ConveneSegment      *segment)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (convene_segment_block_get_segment (key) == segment)
      return key;
  return NULL;
}

/* Keeps the keyboard on the segment after an edit and says what happened. */
static void
follow (ConveneTimelineView *self,
        ConveneSegment      *segment,
        const char          *what)
{
  ConveneSegmentBlock *block;

  convene_timeline_view_select_segment (self, segment);
  block = find_block (self, segment);
  if (block != NULL && what != NULL)
    convene_segment_block_announce (block, what);
}

/* Edits */

static ConveneSegment *
new_segment (ConveneTimelineView *self,
             ConveneSegmentKind   kind)
{
  return convene_segment_new (convene_project_new_id (self->project), kind, "", default_minutes[kind]);
}

static void
insert_kind (ConveneTimelineView *self,
             ConveneSegmentKind   kind,
             ConveneSegment      *parent,
             guint                position)
{
  g_autoptr(ConveneSegment) segment = new_segment (self, kind);
  GError *error = NULL;
  ConveneCommand *command;

  command = convene_edit_add_segment (self->project, self->session, parent, position, segment, &error);
  if (run_command (self, command, error))
    follow (self, segment, _("added"));
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
  insert_kind (self, kind, parent, position);
}

static gboolean
move_segment (ConveneTimelineView *self,
              ConveneSegment      *segment,
              ConveneSegment      *parent,
              guint                position,
              const char          *what)
{
  GError *error = NULL;
  ConveneCommand *command;

  command = convene_edit_move_segment (self->project, self->session, segment, parent, position, &error);
  if (!run_command (self, command, error))
    return FALSE;
  follow (self, segment, what);
  return TRUE;
}

static gboolean
locate (ConveneTimelineView *self,
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

  if (!is_writable (self) || !locate (self, segment, &list, &position, &parent))
    return;

  if (up && position > 0)
    move_segment (self, segment, parent, position - 1, _("moved up"));
  else if (!up && position + 1 < g_list_model_get_n_items (G_LIST_MODEL (list)))
    move_segment (self, segment, parent, position + 1, _("moved down"));
  else if (parent != NULL && locate (self, parent, NULL, &parent_position, NULL))
    /* The first or last item steps out of its segment. */
    move_segment (self, segment, NULL, up ? parent_position : parent_position + 1,
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

  if (!is_writable (self) || !locate (self, segment, &list, &position, &parent))
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
  move_segment (self, segment, previous,
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

  if (!is_writable (self) || !locate (self, segment, NULL, NULL, &parent))
    return;
  if (parent == NULL || !locate (self, parent, NULL, &parent_position, NULL))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  move_segment (self, segment, NULL, parent_position + 1, _("moved out of its segment"));
}

static void
set_duration (ConveneTimelineView *self,
              ConveneSegment      *segment,
              guint                minutes,
              const char          *what)
{
  GError *error = NULL;
  ConveneCommand *command;

  command = convene_edit_set_number (segment, "duration", minutes, &error);
  if (run_command (self, command, error))
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
  g_autofree char *what = NULL;

  if (!is_writable (self) || segment == NULL)
    return;
  duration = (int) convene_segment_get_duration (segment) + step;
  if (duration < 1 || duration > CONVENE_MAX_DURATION_MINUTES)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  /* Translators: said after a change of length, "now 45 min". */
  what = g_strdup_printf (_("now %d min"), duration);
  set_duration (self, segment, (guint) duration, what);
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

  if (!is_writable (self) || segment == NULL)
    return;
  title = convene_segment_get_title (segment);
  if (title[0] == '\0')
    title = convene_segment_kind_get_label (convene_segment_get_kind (segment));
  /* Translators: %s is the title of a segment just removed. */
  message = g_strdup_printf (_("“%s” removed"), title);
  position = gtk_single_selection_get_selected (self->selection);
  if (!run_command (self, convene_edit_remove_segment (self->project, self->session, segment), NULL))
    return;

  /* The keyboard stays where the segment was. */
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

  if (!is_writable (self) || !locate (self, segment, NULL, &position, &parent))
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
  if (run_command (self, command, error))
    follow (self, copy, _("duplicated"));
}

static void
insert_kind_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);
  ConveneSegmentKind kind;

  if (!is_writable (self) || !convene_segment_kind_from_nick (g_variant_get_string (parameter, NULL), &kind))
    return;
  insert_after_selection (self, kind);
}

/* The details editor */

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  g_autofree char *current = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (buffer, text, -1);
}

static char *
format_time_of_day (int minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

static void
sync_editor (ConveneTimelineView *self)
{
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  int fixed;

  gtk_widget_set_visible (self->editor, segment != NULL);
  gtk_widget_set_visible (self->no_selection, segment == NULL);
  convene_assignment_list_set_target (self->segment_people, segment != NULL ? self->document : NULL,
                                      self->session, segment);
  convene_outcome_links_set_segment (self->segment_outcomes, segment != NULL ? self->document : NULL,
                                     self->session, segment);
  if (segment == NULL)
    return;

  self->syncing = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)), convene_segment_get_title (segment)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), convene_segment_get_title (segment));
  adw_combo_row_set_selected (self->kind_row, convene_segment_get_kind (segment));
  gtk_spin_button_set_value (self->duration_spin, convene_segment_get_duration (segment));
  fixed = convene_segment_get_fixed_start (segment);
  gtk_switch_set_active (self->fixed_switch, fixed != CONVENE_NO_FIXED_START);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fixed_entry), fixed != CONVENE_NO_FIXED_START);
  if (fixed != CONVENE_NO_FIXED_START)
    {
      g_autofree char *text = format_time_of_day (fixed);
      gtk_editable_set_text (GTK_EDITABLE (self->fixed_entry), text);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->fixed_entry), "");
  set_text_view (self->notes_view, convene_segment_get_notes (segment));
  set_text_view (self->cues_view, convene_segment_get_cues (segment));
  gtk_widget_set_sensitive (self->editor, is_writable (self));
  self->syncing = FALSE;
}

static void
commit_text (ConveneTimelineView *self,
             const char          *property,
             const char          *value)
{
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  g_autofree char *current = NULL;
  GError *error = NULL;

  if (self->syncing || segment == NULL || !is_writable (self))
    return;
  g_object_get (segment, property, &current, NULL);
  if (g_strcmp0 (current, value) == 0)
    return;
  run_command (self, convene_edit_set_text (segment, property, value, &error), error);
}

static void
commit_number (ConveneTimelineView *self,
               const char          *property,
               gint64               value)
{
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  GError *error = NULL;

  if (self->syncing || segment == NULL || !is_writable (self))
    return;
  run_command (self, convene_edit_set_number (segment, property, value, &error), error);
}

static void
title_commit (ConveneTimelineView *self)
{
  commit_text (self, "title", gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
}

static char *
text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
notes_commit (ConveneTimelineView *self)
{
  g_autofree char *text = text_view_text (self->notes_view);

  commit_text (self, "notes", text);
}

static void
cues_commit (ConveneTimelineView *self)
{
  g_autofree char *text = text_view_text (self->cues_view);

  commit_text (self, "cues", text);
}

static void
kind_changed (ConveneTimelineView *self)
{
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (segment == NULL || kind >= CONVENE_N_SEGMENT_KINDS || kind == convene_segment_get_kind (segment))
    return;
  commit_number (self, "kind", kind);
}

static void
duration_changed (ConveneTimelineView *self)
{
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  int value = gtk_spin_button_get_value_as_int (self->duration_spin);

  if (segment == NULL || value == (int) convene_segment_get_duration (segment))
    return;
  commit_number (self, "duration", value);
}

static int
clock_start_of (ConveneTimelineView *self,
                ConveneSegment      *segment)
{
  const ConveneScheduleEntry *entry = self->schedule != NULL ? convene_schedule_lookup (self->schedule, segment) : NULL;
  int offset = entry != NULL ? entry->start : 0;

  return (convene_session_get_start_time (self->session) + offset) % (24 * 60);
}

static void
fixed_switch_changed (ConveneTimelineView *self)
{
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  gboolean active = gtk_switch_get_active (self->fixed_switch);

  if (self->syncing || segment == NULL)
    return;
  if (active == (convene_segment_get_fixed_start (segment) != CONVENE_NO_FIXED_START))
    return;
  /* Pinning keeps the segment where it is now; the planner then edits the time. */
  commit_number (self, "fixed-start", active ? clock_start_of (self, segment) : CONVENE_NO_FIXED_START);
}

static void
fixed_entry_commit (ConveneTimelineView *self)
{
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->fixed_entry));
  int value;

  if (self->syncing || segment == NULL || convene_segment_get_fixed_start (segment) == CONVENE_NO_FIXED_START)
    return;
  if (!convene_parse_typed_time (text, &value))
    {
      g_autofree char *message =
        /* Translators: %s is what the planner typed as a time. */
        g_strdup_printf (_("“%s” is not a time of day; write it as HH:MM, such as 13:00."), text);
      convene_ui_show_message (GTK_WIDGET (self), message);
      sync_editor (self);
      return;
    }
  if (value != convene_segment_get_fixed_start (segment))
    commit_number (self, "fixed-start", value);
}

static void
add_focus_commit (GtkWidget           *widget,
                  GCallback            callback,
                  ConveneTimelineView *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", callback, self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);
}

static GtkWidget *
framed_text_view (GtkTextView **out_view,
                  const char   *accessible_label)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 64);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  *out_view = GTK_TEXT_VIEW (view);
  return frame;
}

static GtkWidget *
caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  return label;
}

static void
build_editor (ConveneTimelineView *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *row;
  GtkWidget *frame;

  self->editor = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->editor, "segment-editor");
  gtk_box_append (GTK_BOX (self->editor), group);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Selected Segment"));

  self->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _("Title"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->title_row));
  g_signal_connect_object (self->title_row, "entry-activated", G_CALLBACK (title_commit), self, G_CONNECT_SWAPPED);
  add_focus_commit (GTK_WIDGET (self->title_row), G_CALLBACK (title_commit), self);

  for (guint kind = 0; kind < CONVENE_N_SEGMENT_KINDS; kind++)
    gtk_string_list_append (kinds, convene_segment_kind_get_label (kind));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_changed), self, G_CONNECT_SWAPPED);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Length"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Minutes"));
  self->duration_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, CONVENE_MAX_DURATION_MINUTES, 5));
  gtk_spin_button_set_numeric (self->duration_spin, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->duration_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->duration_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Length in minutes"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->duration_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->duration_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_signal_connect_object (self->duration_spin, "value-changed", G_CALLBACK (duration_changed), self,
                           G_CONNECT_SWAPPED);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Fixed Start"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Pinned to a clock time, such as lunch at 13:00"));
  self->fixed_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->fixed_entry), 5);
  gtk_entry_set_placeholder_text (self->fixed_entry, "13:00");
  gtk_widget_set_valign (GTK_WIDGET (self->fixed_entry), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fixed_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fixed start time, HH:MM"), -1);
  self->fixed_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->fixed_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fixed_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fixed start"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->fixed_entry));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->fixed_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_signal_connect_object (self->fixed_switch, "notify::active", G_CALLBACK (fixed_switch_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->fixed_entry, "activate", G_CALLBACK (fixed_entry_commit), self,
                           G_CONNECT_SWAPPED);
  add_focus_commit (GTK_WIDGET (self->fixed_entry), G_CALLBACK (fixed_entry_commit), self);

  self->segment_people = CONVENE_ASSIGNMENT_LIST (convene_assignment_list_new ());
  gtk_box_append (GTK_BOX (self->editor), GTK_WIDGET (self->segment_people));
  self->segment_outcomes = CONVENE_OUTCOME_LINKS (convene_outcome_links_new ());
  gtk_box_append (GTK_BOX (self->editor), GTK_WIDGET (self->segment_outcomes));

  gtk_box_append (GTK_BOX (self->editor), caption (_("Notes")));
  frame = framed_text_view (&self->notes_view, _("Notes"));
  gtk_box_append (GTK_BOX (self->editor), frame);
  add_focus_commit (GTK_WIDGET (self->notes_view), G_CALLBACK (notes_commit), self);

  gtk_box_append (GTK_BOX (self->editor), caption (_("Cues for the Moderator and Technicians")));
  frame = framed_text_view (&self->cues_view, _("Cues"));
  gtk_box_append (GTK_BOX (self->editor), frame);
  add_focus_commit (GTK_WIDGET (self->cues_view), G_CALLBACK (cues_commit), self);
}

/* Drag and drop */

static void
clear_drop_indicator (ConveneTimelineView *self)
{
  if (self->drop_block != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->drop_block), "drop-before");
      gtk_widget_remove_css_class (GTK_WIDGET (self->drop_block), "drop-after");
      gtk_widget_remove_css_class (GTK_WIDGET (self->drop_block), "drop-into");
      g_object_remove_weak_pointer (G_OBJECT (self->drop_block), (gpointer *) &self->drop_block);
      self->drop_block = NULL;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->list_view), "drop-end");
  self->drop_zone = DROP_NONE;
}

/* The block under (x, y) of the list and which part of it: the top half
 * drops before it, the bottom half after, and the middle of a block that
 * holds items drops into it. */
static DropZone
drop_zone_at (ConveneTimelineView  *self,
              double                x,
              double                y,
              ConveneSegmentBlock **out_block)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *block = picked != NULL ? gtk_widget_get_ancestor (picked, CONVENE_TYPE_SEGMENT_BLOCK) : NULL;
  ConveneSegment *segment;
  double bx = 0, by = 0;
  int height;

  *out_block = NULL;
  if (block == NULL || convene_segment_block_get_segment (CONVENE_SEGMENT_BLOCK (block)) == NULL)
    return DROP_END;

  segment = convene_segment_block_get_segment (CONVENE_SEGMENT_BLOCK (block));
  gtk_widget_translate_coordinates (GTK_WIDGET (self->list_view), block, x, y, &bx, &by);
  height = MAX (gtk_widget_get_height (block), 1);
  *out_block = CONVENE_SEGMENT_BLOCK (block);
  if (convene_segment_kind_holds_items (convene_segment_get_kind (segment)) &&
      by > height * 0.25 && by < height * 0.75)
    return DROP_INTO;
  return by < height / 2.0 ? DROP_BEFORE : DROP_AFTER;
}

static GdkDragAction
drop_motion (GtkDropTarget       *target,
             double               x,
             double               y,
             ConveneTimelineView *self)
{
  ConveneSegmentBlock *block = NULL;
  DropZone zone = drop_zone_at (self, x, y, &block);
  static const char *classes[] = { NULL, "drop-before", "drop-after", "drop-into", NULL };
  GdkDrop *drop;

  if (block != self->drop_block || zone != self->drop_zone)
    {
      clear_drop_indicator (self);
      self->drop_zone = zone;
      if (block != NULL)
        {
          self->drop_block = block;
          g_object_add_weak_pointer (G_OBJECT (block), (gpointer *) &self->drop_block);
          gtk_widget_add_css_class (GTK_WIDGET (block), classes[zone]);
        }
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "drop-end");
    }
  if (!is_writable (self))
    return 0;
  /* One action: a block moves, a kind from the palette or a person is copied. */
  drop = gtk_drop_target_get_current_drop (target);
  if (drop != NULL && (gdk_drop_get_actions (drop) & GDK_ACTION_MOVE))
    return GDK_ACTION_MOVE;
  return GDK_ACTION_COPY;
}

static void
drop_leave (GtkDropTarget       *target,
            ConveneTimelineView *self)
{
  clear_drop_indicator (self);
}

/* Turns a zone into a parent and a position in its list as it is now. */
static void
drop_destination (ConveneTimelineView  *self,
                  ConveneSegment       *target,
                  DropZone              zone,
                  ConveneSegment      **out_parent,
                  guint                *out_position)
{
  ConveneSegment *parent = NULL;
  guint position = 0;

  if (zone == DROP_END || target == NULL)
    {
      *out_parent = NULL;
      *out_position = g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_segments (self->session)));
      return;
    }
  if (zone == DROP_INTO)
    {
      *out_parent = target;
      *out_position = g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (target)));
      return;
    }
  /* Just below a heading is the top of its items. */
  if (zone == DROP_AFTER &&
      g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (target))) > 0)
    {
      *out_parent = target;
      *out_position = 0;
      return;
    }
  locate (self, target, NULL, &position, &parent);
  *out_parent = parent;
  *out_position = zone == DROP_AFTER ? position + 1 : position;
}

static void
assign_speaker (ConveneTimelineView *self,
                ConveneSpeaker      *speaker,
                ConveneSegment      *segment,
                ConveneRole          role)
{
  g_autoptr(ConveneAssignment) assignment = NULL;

  assignment = convene_assignment_new_for_segment (convene_project_new_id (self->project),
                                                   convene_speaker_get_id (speaker),
                                                   convene_segment_get_id (segment), role);
  run_command (self, convene_edit_add_assignment (self->project, assignment), NULL);
}

static void
role_chosen (GtkButton           *button,
             ConveneTimelineView *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  ConveneSpeaker *speaker = g_object_get_data (G_OBJECT (popover), "speaker");
  ConveneSegment *segment = g_object_get_data (G_OBJECT (popover), "segment");
  ConveneRole role = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "role"));

  if (self->project != NULL && speaker != NULL && segment != NULL)
    assign_speaker (self, speaker, segment, role);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
role_popover_closed (GtkPopover *popover)
{
  gtk_widget_unparent (GTK_WIDGET (popover));
}

/* Asks which role the dropped person takes, the likely one first. */
static void
ask_role (ConveneTimelineView *self,
          ConveneSegmentBlock *block,
          ConveneSpeaker      *speaker)
{
  ConveneSegment *segment = convene_segment_block_get_segment (block);
  ConveneSegment *parent = NULL;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *name = convene_speaker_dup_display_name (speaker);
  /* Translators: heading of the role choice for a person dropped on a segment. */
  g_autofree char *heading = g_strdup_printf (_("%s’s Role"), name);
  GtkWidget *label = gtk_label_new (heading);
  ConveneRole suggested;
  GtkWidget *first = NULL;

  locate (self, segment, NULL, NULL, &parent);
  suggested = convene_role_suggest (convene_segment_get_kind (segment),
                                    parent != NULL && convene_segment_get_kind (parent) == CONVENE_SEGMENT_KIND_PANEL);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  for (guint i = 0; i < CONVENE_N_ROLES; i++)
    {
      ConveneRole role = i == 0 ? suggested : (i <= suggested ? i - 1 : i);
      GtkWidget *button = gtk_button_new_with_label (convene_role_get_label (role));

      g_object_set_data (G_OBJECT (button), "role", GUINT_TO_POINTER (role));
      if (i == 0)
        {
          gtk_widget_add_css_class (button, "suggested-action");
          first = button;
        }
      else
        gtk_widget_add_css_class (button, "flat");
      g_signal_connect_object (button, "clicked", G_CALLBACK (role_chosen), self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_object_set_data_full (G_OBJECT (popover), "speaker", g_object_ref (speaker), g_object_unref);
  g_object_set_data_full (G_OBJECT (popover), "segment", g_object_ref (segment), g_object_unref);
  gtk_widget_set_parent (popover, GTK_WIDGET (block));
  g_signal_connect (popover, "closed", G_CALLBACK (role_popover_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_widget_grab_focus (first);
}

/* The keyboard twin of dropping a person: Enter on a person in the people
 * list asks their role on the selected segment. */
static void
person_activated (ConveneTimelineView *self,
                  ConveneSpeaker      *speaker)
{
  ConveneSegment *segment = convene_timeline_view_get_selected_segment (self);
  ConveneSegmentBlock *block;

  if (!is_writable (self))
    return;
  if (segment == NULL)
    {
      convene_ui_show_toast (GTK_WIDGET (self),
                             adw_toast_new (_("Select a segment first, then choose who goes on it.")));
      return;
    }
  block = find_block (self, segment);
  if (block == NULL)
    {
      convene_timeline_view_select_segment (self, segment);
      block = find_block (self, segment);
    }
  if (block == NULL)
    return;
  /* The block may be scrolled out of the page; focusing it brings it back
   * so the popover opens where the planner looks. */
  gtk_widget_grab_focus (GTK_WIDGET (block));
  ask_role (self, block, speaker);
}

static gboolean
drop_done (GtkDropTarget       *target,
           const GValue        *value,
           double               x,
           double               y,
           ConveneTimelineView *self)
{
  ConveneSegmentBlock *block = NULL;
  DropZone zone = drop_zone_at (self, x, y, &block);
  ConveneSegment *target_segment = block != NULL ? convene_segment_block_get_segment (block) : NULL;
  ConveneSegment *parent = NULL;
  guint position = 0;

  clear_drop_indicator (self);
  if (!is_writable (self))
    return FALSE;

  /* The payloads are the model's own objects (and a kind), never text to
   * parse back; ones from another project are not ours to take. */
  if (G_VALUE_HOLDS (value, CONVENE_TYPE_SEGMENT_KIND))
    {
      ConveneSegmentKind kind = g_value_get_enum (value);

      if ((guint) kind >= CONVENE_N_SEGMENT_KINDS)
        return FALSE;
      drop_destination (self, target_segment, zone, &parent, &position);
      insert_kind (self, kind, parent, position);
      return TRUE;
    }

  if (G_VALUE_HOLDS (value, CONVENE_TYPE_SEGMENT))
    {
      ConveneSegment *segment = g_value_get_object (value);
      ConveneSegment *old_parent = NULL;
      guint old_position = 0;

      if (segment == NULL || segment == target_segment || !locate (self, segment, NULL, &old_position, &old_parent))
        return FALSE;
      drop_destination (self, target_segment, zone, &parent, &position);
      /* The position counts after the segment is taken out. */
      if (parent == old_parent && old_position < position)
        position--;
      if (parent == old_parent && position == old_position)
        return TRUE;
      return move_segment (self, segment, parent, position, _("moved"));
    }

  if (G_VALUE_HOLDS (value, CONVENE_TYPE_SPEAKER) && block != NULL)
    {
      ConveneSpeaker *speaker = g_value_get_object (value);

      if (speaker == NULL ||
          convene_document_find_speaker (self->document, convene_speaker_get_id (speaker)) != speaker)
        return FALSE;
      ask_role (self, block, speaker);
      return TRUE;
    }
  return FALSE;
}

static GdkContentProvider *
block_drag_prepare (GtkDragSource       *source,
                    double               x,
                    double               y,
                    ConveneSegmentBlock *block)
{
  ConveneSegment *segment = convene_segment_block_get_segment (block);

  if (segment == NULL)
    return NULL;
  return gdk_content_provider_new_typed (CONVENE_TYPE_SEGMENT, segment);
}

static void
block_drag_begin (GtkDragSource       *source,
                  GdkDrag             *drag,
                  ConveneSegmentBlock *block)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (block));

  gtk_drag_source_set_icon (source, paintable, 24, 16);
}

/* Resizing by the bottom edge: the duration changes live on the segment
 * while dragging (a preview, not in the history), then one command. */

static void
resize_restore (ConveneTimelineView *self)
{
  if (self->resizing == NULL)
    return;
  g_clear_object (&self->resizing);
  self->resize_gesture = NULL;
  if (self->session != NULL)
    refresh (self);
}

static void
resize_begin (GtkGestureDrag      *gesture,
              double               x,
              double               y,
              ConveneSegmentBlock *block)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (block),
                                                                              CONVENE_TYPE_TIMELINE_VIEW));
  ConveneSegment *segment = convene_segment_block_get_segment (block);

  if (self == NULL || segment == NULL || !is_writable (self))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_set_object (&self->resizing, segment);
  self->resize_gesture = GTK_GESTURE (gesture);
  self->resize_original = convene_segment_get_duration (segment);
  self->resize_minutes = self->resize_original;
}

static void
resize_update (GtkGestureDrag      *gesture,
               double               dx,
               double               dy,
               ConveneSegmentBlock *block)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (block),
                                                                              CONVENE_TYPE_TIMELINE_VIEW));
  GdkModifierType state;
  double minutes;
  int step;
  int value;

  if (self == NULL || self->resizing == NULL)
    return;
  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  step = (state & GDK_SHIFT_MASK) ? 1 : 5;
  minutes = self->resize_original + dy / CONVENE_BLOCK_PX_PER_MINUTE;
  value = (int) (minutes / step + 0.5) * step;
  value = CLAMP (value, step, CONVENE_MAX_DURATION_MINUTES);
  if ((guint) value != self->resize_minutes)
    {
      self->resize_minutes = (guint) value;
      refresh (self);
    }
}

static void
resize_end (GtkGestureDrag      *gesture,
            double               dx,
            double               dy,
            ConveneSegmentBlock *block)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (block),
                                                                              CONVENE_TYPE_TIMELINE_VIEW));
  g_autoptr(ConveneSegment) segment = NULL;
  guint value;

  if (self == NULL || self->resizing == NULL)
    return;
  segment = g_object_ref (self->resizing);
  value = self->resize_minutes;
  resize_restore (self);
  if (value != self->resize_original)
    set_duration (self, segment, value, _("resized"));
}

static void
resize_cancel (GtkGesture          *gesture,
               GdkEventSequence    *sequence,
               ConveneSegmentBlock *block)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (block),
                                                                              CONVENE_TYPE_TIMELINE_VIEW));

  if (self == NULL || self->resizing == NULL)
    return;
  resize_restore (self);
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             ConveneTimelineView   *self)
{
  GtkGesture *gesture = self->resize_gesture;

  if (keyval != GDK_KEY_Escape || self->resizing == NULL)
    return FALSE;
  resize_restore (self);
  if (gesture != NULL)
    gtk_event_controller_reset (GTK_EVENT_CONTROLLER (gesture));
  return TRUE;
}

/* The list */

static void
block_setup (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ConveneTimelineView      *self)
{
  GtkWidget *block = convene_segment_block_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkGesture *resize = gtk_gesture_drag_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (block_drag_prepare), block);
  g_signal_connect (source, "drag-begin", G_CALLBACK (block_drag_begin), block);
  gtk_widget_add_controller (block, GTK_EVENT_CONTROLLER (source));

  g_signal_connect (resize, "drag-begin", G_CALLBACK (resize_begin), block);
  g_signal_connect (resize, "drag-update", G_CALLBACK (resize_update), block);
  g_signal_connect (resize, "drag-end", G_CALLBACK (resize_end), block);
  g_signal_connect (resize, "cancel", G_CALLBACK (resize_cancel), block);
  gtk_widget_add_controller (convene_segment_block_get_handle (CONVENE_SEGMENT_BLOCK (block)),
                             GTK_EVENT_CONTROLLER (resize));

  gtk_list_item_set_child (item, block);
}

static void
block_bind (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ConveneTimelineView      *self)
{
  ConveneSegmentBlock *block = CONVENE_SEGMENT_BLOCK (gtk_list_item_get_child (item));
  ConveneSegment *segment = row_segment (gtk_list_item_get_item (item));
  const ConveneScheduleEntry *entry = NULL;

  /* A block bound before the schedule catches up is shown by refresh(). */
  g_hash_table_add (self->blocks, block);
  convene_segment_block_set_wrap (block, self->wrap_titles);
  convene_segment_block_set_segment (block, segment);
  if (self->schedule != NULL)
    entry = convene_schedule_lookup (self->schedule, segment);
  if (entry != NULL)
    convene_segment_block_show (block, self->document, self->schedule, entry,
                                convene_clock_get_use_12h (convene_clock_get_default ()));
}

static void
block_unbind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ConveneTimelineView      *self)
{
  ConveneSegmentBlock *block = CONVENE_SEGMENT_BLOCK (gtk_list_item_get_child (item));

  g_hash_table_remove (self->blocks, block);
  convene_segment_block_clear (block);
}

static void
block_teardown (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ConveneTimelineView      *self)
{
  GtkWidget *block = gtk_list_item_get_child (item);

  if (block != NULL)
    g_hash_table_remove (self->blocks, block);
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  ConveneTimelineView *self = user_data;
  ConveneSegment *segment = item;
  gboolean holds = holds_items (segment);

  g_hash_table_replace (self->holds_items, g_object_ref (segment), GINT_TO_POINTER (holds));
  if (!holds)
    return NULL;
  return G_LIST_MODEL (g_object_ref (convene_segment_get_items (segment)));
}

static void
selection_changed (ConveneTimelineView *self)
{
  sync_editor (self);
}

void
convene_timeline_view_set_session (ConveneTimelineView *self,
                                   ConveneDocument     *document,
                                   ConveneSession      *session)
{
  g_return_if_fail (CONVENE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (document == NULL || CONVENE_IS_DOCUMENT (document));
  g_return_if_fail (session == NULL || CONVENE_IS_SESSION (session));

  if (self->document == document && self->session == session)
    return;

  resize_restore (self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_hash_table_remove_all (self->holds_items);
  g_clear_object (&self->session);
  g_clear_object (&self->document);
  self->project = NULL;

  if (document != NULL && session != NULL)
    {
      GListModel *segments = G_LIST_MODEL (convene_session_get_segments (session));

      self->document = g_object_ref (document);
      self->project = convene_document_get_project (document);
      self->session = g_object_ref (session);
      self->tree = gtk_tree_list_model_new (g_object_ref (segments), FALSE, TRUE, create_children, self, NULL);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed), self,
                               G_CONNECT_SWAPPED);
      refresh (self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }
  else
    refresh (self);

  g_signal_group_set_target (self->document_signals, self->document);
  gtk_widget_set_sensitive (self->palette, is_writable (self));
  convene_people_palette_set_document (self->people, self->document);
  gtk_widget_set_sensitive (GTK_WIDGET (self->people), is_writable (self));
  sync_editor (self);
}

/* The palette */

static GdkContentProvider *
palette_drag_prepare (GtkDragSource *source,
                      double         x,
                      double         y,
                      GtkWidget     *button)
{
  ConveneSegmentKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kind"));

  return gdk_content_provider_new_typed (CONVENE_TYPE_SEGMENT_KIND, kind);
}

static void
palette_drag_begin (GtkDragSource *source,
                    GdkDrag       *drag,
                    GtkWidget     *button)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (button);

  gtk_drag_source_set_icon (source, paintable, 12, 12);
}

static void
build_palette (ConveneTimelineView *self)
{
  GtkWidget *strip = gtk_flow_box_new ();

  /* Compact buttons that wrap (a scrolled strip would break GTK 4.8's
   * pointer state when a drag starts in it): one row on a desktop, two on
   * a phone. Each names its kind in its tooltip and accessible label. */
  self->palette = strip;
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (strip), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (strip), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (strip), 4);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (strip), CONVENE_N_SEGMENT_KINDS);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (strip), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (strip), 4);
  gtk_widget_add_css_class (strip, "kind-strip");
  gtk_accessible_update_property (GTK_ACCESSIBLE (strip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kinds of segment: drag one into the timeline, or press it to add it after the selected segment"),
                                  -1);

  for (guint kind = 0; kind < CONVENE_N_SEGMENT_KINDS; kind++)
    {
      const char *nick = convene_segment_kind_to_nick (kind);
      g_autofree char *css_class = g_strdup_printf ("kind-%s", nick);
      g_autofree char *tooltip = NULL;
      GtkWidget *button = gtk_button_new ();
      GtkDragSource *source = gtk_drag_source_new ();

      gtk_button_set_icon_name (GTK_BUTTON (button), convene_segment_kind_get_icon_name (kind));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      convene_segment_kind_get_label (kind), -1);
      gtk_widget_add_css_class (button, "palette-kind");
      gtk_widget_add_css_class (button, css_class);
      /* Translators: %s is a kind of segment, "Add Panel". */
      tooltip = g_strdup_printf (_("Add %s (or drag it into the timeline)"), convene_segment_kind_get_label (kind));
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "timeline.insert-kind");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", nick);
      g_object_set_data (G_OBJECT (button), "kind", GUINT_TO_POINTER (kind));

      gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
      g_signal_connect (source, "prepare", G_CALLBACK (palette_drag_prepare), button);
      g_signal_connect (source, "drag-begin", G_CALLBACK (palette_drag_begin), button);
      gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (source));

      gtk_flow_box_append (GTK_FLOW_BOX (strip), button);
    }
}

static void
build_side (ConveneTimelineView *self)
{
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  /* The selected segment's details and the people to drag onto segments
   * take turns in one column, so both stay next to the list. */
  self->side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (self->side, "timeline-side");
  gtk_widget_set_parent (self->side, GTK_WIDGET (self));

  self->side_stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (self->side_stack), FALSE);
  gtk_stack_set_hhomogeneous (GTK_STACK (self->side_stack), TRUE);
  gtk_stack_set_transition_type (GTK_STACK (self->side_stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (self->side_stack));
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (switcher), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show the selected segment or the people"), -1);
  gtk_box_append (GTK_BOX (self->side), switcher);
  gtk_box_append (GTK_BOX (self->side), self->side_stack);

  self->no_selection = gtk_label_new (_("Select a segment to change its title, length, people and notes."));
  gtk_label_set_wrap (GTK_LABEL (self->no_selection), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->no_selection), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->no_selection, "dim-label");
  gtk_widget_set_margin_top (self->no_selection, 12);
  gtk_box_append (GTK_BOX (details), self->no_selection);
  build_editor (self);
  gtk_box_append (GTK_BOX (details), self->editor);
  /* Translators: the tab beside the timeline with the selected segment's details. */
  gtk_stack_add_titled (GTK_STACK (self->side_stack), details, "segment", _("Segment"));

  self->people = CONVENE_PEOPLE_PALETTE (convene_people_palette_new ());
  g_signal_connect_object (self->people, "person-activated", G_CALLBACK (person_activated), self,
                           G_CONNECT_SWAPPED);
  /* Translators: the tab beside the timeline listing people to drag onto segments. */
  gtk_stack_add_titled (GTK_STACK (self->side_stack), GTK_WIDGET (self->people), "people", _("People"));
}

/* Layout: the side column (details and people) stands beside the list when
 * the view is wide enough for both, below it otherwise. The choice depends
 * only on the width the view is given, never on its children's heights, so
 * measuring and allocating agree and nothing is laid out twice. */

#define SIDE_WIDTH     340
#define SIDE_SPACING   18
#define WIDE_MIN_WIDTH 780
/* A list narrower than this wraps long titles instead of cutting them. */
#define WRAP_BELOW     600

static int
side_width (ConveneTimelineView *self)
{
  int minimum = 0;

  gtk_widget_measure (self->side, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return MAX (SIDE_WIDTH, minimum);
}

/* Whether width holds the list and the side column next to each other. */
static gboolean
is_wide (ConveneTimelineView *self,
         int                  width)
{
  int main_minimum = 0;

  if (width < WIDE_MIN_WIDTH)
    return FALSE;
  gtk_widget_measure (self->main, GTK_ORIENTATION_HORIZONTAL, -1, &main_minimum, NULL, NULL, NULL);
  return width >= main_minimum + SIDE_SPACING + side_width (self);
}

/* Runs before the next layout, never inside one: a label that starts or
 * stops wrapping changes its height, which must not happen mid-allocation. */
static gboolean
apply_wrap (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);
  GHashTableIter iter;
  gpointer key;

  self->wrap_tick = 0;
  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    convene_segment_block_set_wrap (key, self->wrap_titles);
  return G_SOURCE_REMOVE;
}

static void
set_wrap_titles (ConveneTimelineView *self,
                 gboolean             wrap)
{
  if (self->wrap_titles == wrap)
    return;
  self->wrap_titles = wrap;
  if (self->wrap_tick == 0)
    self->wrap_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), apply_wrap, NULL, NULL);
}

static GtkSizeRequestMode
convene_timeline_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
convene_timeline_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);
  int main_min = 0, main_nat = 0, side_min = 0, side_nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->main, orientation, -1, &main_min, &main_nat, NULL, NULL);
      gtk_widget_measure (self->side, orientation, -1, &side_min, &side_nat, NULL, NULL);
      /* Narrow, one above the other; at ease, side by side. */
      *minimum = MAX (main_min, side_min);
      *natural = MAX (*minimum, main_nat + SIDE_SPACING + MAX (side_nat, side_width (self)));
    }
  else if (for_size >= 0 && is_wide (self, for_size))
    {
      int width = side_width (self);

      gtk_widget_measure (self->main, orientation, for_size - SIDE_SPACING - width, &main_min, &main_nat, NULL, NULL);
      gtk_widget_measure (self->side, orientation, width, &side_min, &side_nat, NULL, NULL);
      *minimum = MAX (main_min, side_min);
      *natural = MAX (main_nat, side_nat);
    }
  else
    {
      gtk_widget_measure (self->main, orientation, for_size, &main_min, &main_nat, NULL, NULL);
      gtk_widget_measure (self->side, orientation, for_size, &side_min, &side_nat, NULL, NULL);
      *minimum = main_min + SIDE_SPACING + side_min;
      *natural = main_nat + SIDE_SPACING + side_nat;
    }
}

static void
convene_timeline_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  if (is_wide (self, width))
    {
      int column = side_width (self);
      int main_width = width - SIDE_SPACING - column;

      gtk_widget_size_allocate (self->main,
                                &(GtkAllocation) { rtl ? column + SIDE_SPACING : 0, 0, main_width, height }, -1);
      gtk_widget_size_allocate (self->side,
                                &(GtkAllocation) { rtl ? 0 : main_width + SIDE_SPACING, 0, column, height }, -1);
      set_wrap_titles (self, main_width < WRAP_BELOW);
    }
  else
    {
      int main_min = 0, side_min = 0, side_nat = 0;
      int main_height, side_height;

      gtk_widget_measure (self->main, GTK_ORIENTATION_VERTICAL, width, &main_min, NULL, NULL, NULL);
      gtk_widget_measure (self->side, GTK_ORIENTATION_VERTICAL, width, &side_min, &side_nat, NULL, NULL);
      /* The list takes what the side column does not need. */
      side_height = MAX (side_min, MIN (side_nat, height - SIDE_SPACING - main_min));
      main_height = MAX (main_min, height - SIDE_SPACING - side_height);
      gtk_widget_size_allocate (self->main, &(GtkAllocation) { 0, 0, width, main_height }, -1);
      gtk_widget_size_allocate (self->side,
                                &(GtkAllocation) { 0, main_height + SIDE_SPACING, width, side_height }, -1);
      set_wrap_titles (self, width < WRAP_BELOW);
    }
}

static void
convene_timeline_view_dispose (GObject *object)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (object);

  convene_timeline_view_set_session (self, NULL, NULL);
  g_clear_object (&self->document_signals);
  clear_drop_indicator (self);
  if (self->wrap_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->wrap_tick);
  self->wrap_tick = 0;
  g_clear_pointer (&self->main, gtk_widget_unparent);
  g_clear_pointer (&self->side, gtk_widget_unparent);
  g_clear_pointer (&self->schedule, convene_schedule_unref);
  g_clear_pointer (&self->fit_text, g_free);

  G_OBJECT_CLASS (convene_timeline_view_parent_class)->dispose (object);
}

static void
convene_timeline_view_finalize (GObject *object)
{
  ConveneTimelineView *self = CONVENE_TIMELINE_VIEW (object);

  g_hash_table_unref (self->holds_items);
  g_hash_table_unref (self->blocks);

  G_OBJECT_CLASS (convene_timeline_view_parent_class)->finalize (object);
}

static void
convene_timeline_view_class_init (ConveneTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_timeline_view_dispose;
  object_class->finalize = convene_timeline_view_finalize;

  widget_class->get_request_mode = convene_timeline_view_get_request_mode;
  widget_class->measure = convene_timeline_view_measure;
  widget_class->size_allocate = convene_timeline_view_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "timelineview");

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
static void
add_keys (ConveneTimelineView *self)
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

static void
convene_timeline_view_init (ConveneTimelineView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  GType payloads[] = { CONVENE_TYPE_SEGMENT, CONVENE_TYPE_SEGMENT_KIND, CONVENE_TYPE_SPEAKER };
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkWidget *header;
  GtkWidget *label;

  self->holds_items = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->blocks = g_hash_table_new (NULL, NULL);
  self->document_signals = g_signal_group_new (CONVENE_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (document_changed), self,
                                 G_CONNECT_SWAPPED);
  g_signal_connect_object (convene_clock_get_default (), "notify::use-12h", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);

  self->main = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (self->main, "timeline-main");
  gtk_widget_set_parent (self->main, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (self->main), header);
  label = gtk_label_new (_("Timeline"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (header), label);
  self->times_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->times_label, 0);
  gtk_label_set_wrap (self->times_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->times_label), "segment-time");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->times_label));
  self->fit_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->fit_label, 0);
  gtk_label_set_wrap (self->fit_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->fit_label), "fit");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->fit_label));

  build_palette (self);
  gtk_box_append (GTK_BOX (self->main), self->palette);

  self->empty_label = gtk_label_new (_("No segments yet. Drag a kind from above into the timeline, or press it."));
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (self->main), self->empty_label);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "timeline");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timeline"), -1);
  g_signal_connect (factory, "setup", G_CALLBACK (block_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (block_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (block_unbind), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (block_teardown), self);
  gtk_list_view_set_factory (self->list_view, factory);

  gtk_drop_target_set_gtypes (drop, payloads, G_N_ELEMENTS (payloads));
  g_signal_connect (drop, "motion", G_CALLBACK (drop_motion), self);
  g_signal_connect (drop, "enter", G_CALLBACK (drop_motion), self);
  g_signal_connect (drop, "leave", G_CALLBACK (drop_leave), self);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_done), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (drop));

  /* Its own scrolling keeps the list virtual: only visible blocks exist. */
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scroller), 480);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list_view));
  gtk_widget_add_css_class (self->scroller, "card");
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_box_append (GTK_BOX (self->main), self->scroller);

  build_side (self);
  add_keys (self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  refresh (self);
  sync_editor (self);
}

GtkWidget *
convene_timeline_view_new (void)
{
  return g_object_new (CONVENE_TYPE_TIMELINE_VIEW, NULL);
}
