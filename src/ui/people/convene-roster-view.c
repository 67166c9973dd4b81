#define G_LOG_DOMAIN "convene-roster-view"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "convene-csv.h"
#include "convene-edits.h"
#include "convene-export-file.h"
#include "convene-clock.h"
#include "convene-exchange.h"
#include "convene-person-editor.h"
#include "convene-person-row.h"
#include "convene-person-summaries.h"
#include "convene-roster-view.h"
#include "convene-ui-util.h"
#include "convene-warnings.h"

/* The sort drop-down's items, in order. */
typedef enum {
  SORT_BY_FIRST_NAME,
  SORT_BY_FAMILY_NAME,
  SORT_BY_ORGANISATION,
  SORT_BY_STATUS,
} SortKey;

struct _ConveneRosterView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget            *main_box;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *sort_dropdown;
  GtkWidget            *add_button;
  GtkWidget            *menu_button;
  GtkExpander          *warnings_expander;
  GtkWidget            *summary_icon;
  GtkLabel             *summary_label;
  GtkListBox           *warnings_list;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkListView          *people_view;
  GtkWidget            *list_scroller;
  GtkWidget            *no_matches_page;
  GtkWidget            *back_button;
  GtkStack             *details_stack;
  ConvenePersonEditor  *editor;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;

  /* owned */
  ConveneDocument      *document;
  GtkCustomFilter      *filter;
  GtkCustomSorter      *sorter;
  GtkFilterListModel   *filtered;
  GtkSingleSelection   *selection;
  ConvenePersonSummaries *summaries;
  GHashTable           *bound_rows;  /* ConvenePersonRow set */
  GSignalGroup         *document_signals;  /* the document's change feed */
  GPtrArray            *warnings;    /* ConveneWarning: what the list shows once opened */
  GtkFileChooserNative *chooser;
  char                 *search_key;  /* casefolded */
  guint                 refresh_id;
  /* A CSV import under way: read in a worker thread, then added here. */
  GTask                *import_task;
  ConveneCsvPeople     *import_people;    /* read, waiting to be added */
  GdkFrameClock        *import_clock;     /* drawing "Adding…" before adding */
  gulong                import_paint_id;
  guint                 import_timer_id;  /* the bar follows the reading */
  guint                 import_add_id;

  /* borrowed from the document */
  ConveneProject       *project;
};

G_DEFINE_FINAL_TYPE (ConveneRosterView, convene_roster_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_IMPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_writable (ConveneRosterView *self)
{
  return convene_ui_is_writable (self->document);
}

/* Searching and sorting */

static gboolean
person_matches (gpointer item,
                gpointer user_data)
{
  ConveneRosterView *self = user_data;
  ConveneSpeaker *speaker = item;

  return convene_speaker_matches (speaker, self->search_key);
}

/* Who needs attention first: people still to confirm, then those who
 * confirmed, then those who declined. */
static int
status_rank (ConveneSpeakerStatus status)
{
  switch (status)
    {
    case CONVENE_SPEAKER_STATUS_INVITED:
      return 0;
    case CONVENE_SPEAKER_STATUS_TENTATIVE:
      return 1;
    case CONVENE_SPEAKER_STATUS_CONFIRMED:
      return 2;
    case CONVENE_SPEAKER_STATUS_DECLINED:
    default:
      return 3;
    }
}

static int
compare_people (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  ConveneRosterView *self = user_data;
  ConveneSpeaker *first = (ConveneSpeaker *) a;
  ConveneSpeaker *second = (ConveneSpeaker *) b;
  int result = 0;

  switch ((SortKey) gtk_drop_down_get_selected (self->sort_dropdown))
    {
    case SORT_BY_ORGANISATION:
      result = convene_compare_text (convene_speaker_get_organisation (first),
                             convene_speaker_get_organisation (second));
      break;
    case SORT_BY_STATUS:
      result = status_rank (convene_speaker_get_status (first)) -
               status_rank (convene_speaker_get_status (second));
      break;
    case SORT_BY_FIRST_NAME:
    case SORT_BY_FAMILY_NAME:
    default:
      break;
    }

  /* Then by name, in the order chosen (which the other lists follow). */
  if (result == 0)
    result = convene_speaker_compare_names (first, second, convene_ui_get_name_order ());

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
search_changed (ConveneRosterView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search_key, g_free);
  if (stripped[0] != '\0')
    self->search_key = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
stop_search (ConveneRosterView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->people_view));
}

/* Choosing first or family name sets the order of every list of people;
 * by organisation or status, names keep that order within each. */
static void
sort_changed (ConveneRosterView *self)
{
  switch ((SortKey) gtk_drop_down_get_selected (self->sort_dropdown))
    {
    case SORT_BY_FIRST_NAME:
      g_settings_set_string (convene_ui_get_settings (), "name-order", "first");
      break;
    case SORT_BY_FAMILY_NAME:
      g_settings_set_string (convene_ui_get_settings (), "name-order", "family");
      break;
    case SORT_BY_ORGANISATION:
    case SORT_BY_STATUS:
    default:
      break;
    }
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
name_order_changed (ConveneRosterView *self)
{
  SortKey shown = gtk_drop_down_get_selected (self->sort_dropdown);

  if (shown == SORT_BY_FIRST_NAME || shown == SORT_BY_FAMILY_NAME)
    gtk_drop_down_set_selected (self->sort_dropdown, convene_ui_get_name_order () == CONVENE_NAME_ORDER_FAMILY
                                                     ? SORT_BY_FAMILY_NAME : SORT_BY_FIRST_NAME);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* Warnings and roles */

static void
warning_activated (ConveneRosterView *self,
                   GtkListBoxRow     *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "speaker-id");
  ConveneSpeaker *speaker;

  if (id == NULL || self->project == NULL)
    return;

  speaker = convene_project_find_speaker (self->project, *id);
  if (speaker != NULL)
    convene_roster_view_select_speaker (self, speaker);
}

static GtkWidget *
warning_row (ConveneWarning *warning)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon;
  g_autofree char *message = convene_ui_dup_shown_text (warning->message);
  GtkWidget *label = gtk_label_new (message);
  const char *icon_name = "dialog-information-symbolic";
  const char *css = "dim-label";

  if (warning->severity == CONVENE_WARNING_SEVERITY_ERROR)
    {
      icon_name = "dialog-error-symbolic";
      css = "error";
    }
  else if (warning->severity == CONVENE_WARNING_SEVERITY_WARNING)
    {
      icon_name = "dialog-warning-symbolic";
      css = "warning";
    }

  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_add_css_class (icon, css);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  convene_warning_kind_get_label (warning->kind), -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  if (warning->speaker_id != 0)
    {
      gint64 *id = g_new (gint64, 1);

      *id = warning->speaker_id;
      g_object_set_data_full (G_OBJECT (row), "speaker-id", id, g_free);
    }
  else
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

/* A long programme can have thousands of warnings: their rows exist only
 * while the planner has the list open, so a closed one costs no layout. */
static void
fill_warnings (ConveneRosterView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_list))) != NULL)
    gtk_list_box_remove (self->warnings_list, child);
  if (self->warnings == NULL || !gtk_expander_get_expanded (self->warnings_expander))
    return;
  for (guint i = 0; i < self->warnings->len; i++)
    gtk_list_box_append (self->warnings_list, warning_row (g_ptr_array_index (self->warnings, i)));
}

static void
refresh_warnings (ConveneRosterView *self)
{
  GPtrArray *warnings;
  g_autofree char *description = NULL;
  ConveneWarningSummary summary;
  gboolean use_12h = convene_clock_get_use_12h (convene_clock_get_default ());
  GHashTableIter iter;
  gpointer row;

  convene_person_summaries_clear (self->summaries);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  fill_warnings (self);

  /* Off screen, the whole project's warnings wait until the page is shown
   * (see convene_roster_view_map): opening a project or editing its
   * timeline does not word them for a page nobody sees. */
  if (self->project == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  warnings = convene_document_get_warnings (self->document, use_12h);
  self->warnings = g_ptr_array_ref (warnings);
  fill_warnings (self);
  convene_person_summaries_add (self->summaries, self->project, warnings, TRUE);

  convene_warnings_summarize (warnings, &summary);
  description = convene_warning_summary_describe (&summary);
  gtk_label_set_text (self->summary_label, description);
  gtk_widget_set_visible (self->summary_icon, summary.total > 0);
  gtk_widget_remove_css_class (self->summary_icon, "error");
  gtk_widget_remove_css_class (self->summary_icon, "warning");
  if (summary.by_severity[CONVENE_WARNING_SEVERITY_ERROR] > 0)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (self->summary_icon), "dialog-error-symbolic");
      gtk_widget_add_css_class (self->summary_icon, "error");
    }
  else
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (self->summary_icon), "dialog-warning-symbolic");
      gtk_widget_add_css_class (self->summary_icon, "warning");
    }
  /* Nothing to expand when all is well. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->warnings_expander), summary.total > 0);
  if (summary.total == 0)
    gtk_expander_set_expanded (self->warnings_expander, FALSE);

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    convene_person_summaries_show (self->summaries, row);

  convene_person_editor_refresh (self->editor, use_12h);
}

static gboolean
refresh_idle (gpointer data)
{
  ConveneRosterView *self = data;

  self->refresh_id = 0;
  refresh_warnings (self);
  return G_SOURCE_REMOVE;
}

/* Warnings follow from the whole programme; one recomputation serves a
 * command that changes many things at once. */
static void
queue_refresh (ConveneRosterView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle, self, NULL);
}

static void
update_state (ConveneRosterView *self)
{
  guint total = 0;
  guint shown = 0;

  if (self->project != NULL)
    total = g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (self->project)));
  if (self->filtered != NULL)
    shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  gtk_stack_set_visible_child_name (self->main_stack, total > 0 ? "list" : "empty");
  gtk_widget_set_visible (self->list_scroller, shown > 0);
  gtk_widget_set_visible (self->no_matches_page, shown == 0 && total > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), total > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sort_dropdown), total > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.export-csv", total > 0);
}

/* The one place the roster hears of edits. People re-sort and re-filter
 * only when told; the warnings follow from the whole programme, so any
 * change brings them up to date while the roster is on screen (and mapping
 * it does the same). */
static void
document_changed (ConveneRosterView *self,
                  ConveneChanges    *changes)
{
  if (convene_changes_has (changes, CONVENE_CHANGE_SPEAKERS))
    {
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
      update_state (self);
    }
  if (convene_changes_has (changes, CONVENE_CHANGE_SPEAKERS | CONVENE_CHANGE_ASSIGNMENTS) ||
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    queue_refresh (self);
}

/* Selection and the details pane */

static void
selection_changed (ConveneRosterView *self)
{
  ConveneSpeaker *speaker = gtk_single_selection_get_selected_item (self->selection);

  convene_person_editor_set_person (self->editor, self->document, speaker);
  gtk_stack_set_visible_child_name (self->details_stack, speaker != NULL ? "person" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.remove-person",
                                 speaker != NULL && is_writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.export-calendar", speaker != NULL);
  if (speaker == NULL)
    adw_leaflet_set_visible_child_name (self->leaflet, "people");
}

static void
person_activated (GtkListView       *view,
                  guint              position,
                  ConveneRosterView *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child_name (self->leaflet, "person");
}

static guint
position_of (ConveneRosterView *self,
             ConveneSpeaker    *speaker)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSpeaker) item = g_list_model_get_item (model, i);

      if (item == speaker)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
convene_roster_view_select_speaker (ConveneRosterView *self,
                                    ConveneSpeaker    *speaker)
{
  guint position;

  g_return_if_fail (CONVENE_IS_ROSTER_VIEW (self));
  g_return_if_fail (CONVENE_IS_SPEAKER (speaker));

  if (self->selection == NULL)
    return;

  position = position_of (self, speaker);
  if (position == GTK_INVALID_LIST_POSITION &&
      gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      search_changed (self);
      position = position_of (self, speaker);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->people_view), "list.scroll-to-item", "u", position);
  adw_leaflet_set_visible_child_name (self->leaflet, "person");
}

ConveneSpeaker *
convene_roster_view_get_selected (ConveneRosterView *self)
{
  g_return_val_if_fail (CONVENE_IS_ROSTER_VIEW (self), NULL);

  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

/* List rows */

static void
row_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (item, convene_person_row_new ());
}

static void
row_bind (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          ConveneRosterView        *self)
{
  ConvenePersonRow *row = CONVENE_PERSON_ROW (gtk_list_item_get_child (item));

  convene_person_row_set_speaker (row, gtk_list_item_get_item (item));
  g_hash_table_add (self->bound_rows, row);
  convene_person_summaries_show (self->summaries, row);
}

static void
row_unbind (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ConveneRosterView        *self)
{
  ConvenePersonRow *row = CONVENE_PERSON_ROW (gtk_list_item_get_child (item));

  g_hash_table_remove (self->bound_rows, row);
  convene_person_row_set_speaker (row, NULL);
}

static void
row_teardown (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ConveneRosterView        *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  if (row != NULL && self->bound_rows != NULL)
    g_hash_table_remove (self->bound_rows, row);
}

/* Actions */

static void
add_person_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ConveneRosterView *self = CONVENE_ROSTER_VIEW (widget);
  g_autoptr(ConveneSpeaker) speaker = NULL;
  GListModel *speakers;

  if (!is_writable (self))
    return;

  speakers = G_LIST_MODEL (convene_project_get_speakers (self->project));
  speaker = convene_speaker_new (convene_project_new_id (self->project), _("New Person"));
  if (!convene_ui_perform (GTK_WIDGET (self), self->document, convene_edit_add_speaker (self->project, speaker,
                                                    g_list_model_get_n_items (speakers)),
                    NULL))
    return;

  convene_roster_view_select_speaker (self, speaker);
  convene_person_editor_focus_name (self->editor);
}

/* The selected person's own calendar of appearances. */
static void
export_calendar_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ConveneRosterView *self = CONVENE_ROSTER_VIEW (widget);
  ConveneSpeaker *selected = convene_roster_view_get_selected (self);

  if (selected != NULL && self->project != NULL)
    convene_exchange_export_person (widget, self->project, selected);
}

static void
remove_person_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ConveneRosterView *self = CONVENE_ROSTER_VIEW (widget);
  ConveneSpeaker *selected = convene_roster_view_get_selected (self);
  g_autoptr(ConveneSpeaker) speaker = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  guint position;

  if (!is_writable (self) || selected == NULL)
    return;

  speaker = g_object_ref (selected);
  position = gtk_single_selection_get_selected (self->selection);
  if (!convene_ui_perform (GTK_WIDGET (self), self->document, convene_edit_remove_speaker (self->project, speaker), NULL))
    return;

  name = convene_speaker_dup_display_name (speaker);
  /* Translators: %s is the name of the person removed from the roster. */
  message = g_strdup_printf (_("“%s” removed"), name[0] != '\0' ? name : _("Unnamed Person"));
  convene_ui_show_undo_toast (GTK_WIDGET (self), self->document, message);

  /* The keyboard stays in the list, on the next person. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->selection)) - 1);
      gtk_widget_activate_action (GTK_WIDGET (self->people_view), "list.scroll-to-item", "u", position);
      gtk_widget_grab_focus (GTK_WIDGET (self->people_view));
    }
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConveneRosterView *self = CONVENE_ROSTER_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneRosterView *self = CONVENE_ROSTER_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "people");
  gtk_widget_grab_focus (GTK_WIDGET (self->people_view));
}

/* Shortcuts act only while the roster is on screen. */
static gboolean
shortcut_search (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  if (!gtk_widget_is_drawable (widget))
    return FALSE;
  return gtk_widget_activate_action (widget, "roster.search", NULL);
}

static gboolean
shortcut_add (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  if (!gtk_widget_is_drawable (widget))
    return FALSE;
  return gtk_widget_activate_action (widget, "roster.add-person", NULL);
}

/* CSV
 *
 * Reading a file runs in a worker thread, so the window goes on while a
 * roster of thousands is read, with the bar showing how far it has come
 * and Cancel stopping it. Only what has been read is added, here on the
 * main thread, as one command: one step to undo, one change announced. */

typedef struct
{
  GFile *file;
  int    permille;  /* how far reading has come; written by the thread */
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_object_unref (job->file);
  g_free (job);
}

/* In the reading thread. */
static void
note_progress (double   fraction,
               gpointer data)
{
  ImportJob *job = data;

  g_atomic_int_set (&job->permille, (int) (fraction * 1000));
}

/* In the reading thread. */
static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;
  ConveneCsvPeople *people;

  people = convene_csv_read_people_file (job->file, cancellable, note_progress, job, &error);
  if (people == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, people, (GDestroyNotify) convene_csv_people_free);
}

static void
update_import_actions (ConveneRosterView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.import-csv",
                                 is_writable (self) && self->import_task == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.cancel-import", self->import_task != NULL);
}

/* Drops the import under way, if any, cancelling what is still reading;
 * nothing has been added. */
static void
stop_import (ConveneRosterView *self)
{
  if (self->import_task == NULL)
    return;

  g_cancellable_cancel (g_task_get_cancellable (self->import_task));
  g_clear_object (&self->import_task);
  g_clear_pointer (&self->import_people, convene_csv_people_free);
  g_clear_handle_id (&self->import_timer_id, g_source_remove);
  g_clear_handle_id (&self->import_add_id, g_source_remove);
  if (self->import_clock != NULL)
    g_clear_signal_handler (&self->import_paint_id, self->import_clock);
  g_clear_object (&self->import_clock);
}

/* The window after an import, whatever became of it. */
static void
end_import (ConveneRosterView *self)
{
  gboolean was_importing = self->import_task != NULL;

  stop_import (self);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  update_import_actions (self);
  if (was_importing)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
}

static gboolean
show_progress (gpointer data)
{
  ConveneRosterView *self = data;
  ImportJob *job = g_task_get_task_data (self->import_task);

  gtk_progress_bar_set_fraction (self->import_progress, g_atomic_int_get (&job->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
show_import_error (ConveneRosterView *self,
                   const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("No One Was Imported"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_people (ConveneRosterView *self,
            ConveneCsvPeople  *people)
{
  g_autoptr(GPtrArray) speakers = convene_csv_people_make_speakers (people, self->project);
  const char * const *notices = convene_csv_people_get_notices (people);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  ConveneCommand *command;
  guint n = speakers->len;

  command = convene_edit_add_speakers (self->project, speakers,
                                       g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (self->project))),
                                       &error);
  if (!convene_ui_perform (GTK_WIDGET (self), self->document, command, g_steal_pointer (&error)))
    return;

  for (guint i = 0; notices[i] != NULL; i++)
    convene_ui_show_message (GTK_WIDGET (self), notices[i]);
  /* Translators: after reading people from a CSV file. */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person imported", "%u people imported", n), n);
  convene_ui_show_undo_toast (GTK_WIDGET (self), self->document, message);
}

static gboolean
add_imported (gpointer data)
{
  ConveneRosterView *self = data;
  g_autoptr(ConveneCsvPeople) people = g_steal_pointer (&self->import_people);

  self->import_add_id = 0;
  if (people != NULL && self->project != NULL)
    add_people (self, people);
  end_import (self);
  return G_SOURCE_REMOVE;
}

/* The frame showing "Adding…" is on screen: add them now. */
static void
adding_shown (GdkFrameClock     *clock,
              ConveneRosterView *self)
{
  g_clear_signal_handler (&self->import_paint_id, clock);
  g_clear_object (&self->import_clock);
  g_clear_handle_id (&self->import_add_id, g_source_remove);
  self->import_add_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, add_imported, self, NULL);
}

static void
import_read (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ConveneRosterView *self = CONVENE_ROSTER_VIEW (source);
  g_autoptr(ConveneCsvPeople) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GdkFrameClock *clock = NULL;
  guint n;

  people = g_task_propagate_pointer (G_TASK (result), &error);

  /* Cancelled, or the view has another project or none by now. */
  if (G_TASK (result) != self->import_task)
    return;

  if (people == NULL)
    {
      end_import (self);
      show_import_error (self, error->message);
      return;
    }

  n = convene_csv_people_get_count (people);
  self->import_people = g_steal_pointer (&people);
  g_clear_handle_id (&self->import_timer_id, g_source_remove);
  gtk_progress_bar_set_fraction (self->import_progress, 1.0);
  /* Translators: while the people read from a CSV file are added. */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Adding %'u person…", "Adding %'u people…", n), n);
  gtk_label_set_text (self->import_label, label);

  /* Adding many people keeps the window busy for a moment: it says so
   * first. A window not drawn now (hidden, minimised) does not wait. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock != NULL)
    {
      self->import_clock = g_object_ref (clock);
      self->import_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (adding_shown), self);
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      self->import_add_id = g_timeout_add (500, add_imported, self);
    }
  else
    self->import_add_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, add_imported, self, NULL);
}

void
convene_roster_view_import_file (ConveneRosterView *self,
                                 GFile             *file)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *label = NULL;
  ImportJob *job;

  g_return_if_fail (CONVENE_IS_ROSTER_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!is_writable (self) || self->import_task != NULL)
    return;

  job = g_new0 (ImportJob, 1);
  job->file = g_object_ref (file);
  cancellable = g_cancellable_new ();
  self->import_task = g_task_new (self, cancellable, import_read, NULL);
  g_task_set_source_tag (self->import_task, convene_roster_view_import_file);
  g_task_set_task_data (self->import_task, job, import_job_free);

  basename = g_file_get_basename (file);
  shown = g_filename_display_name (basename);
  /* Translators: %s is the name of the CSV file being read. */
  label = g_strdup_printf (_("Reading “%s”…"), shown);
  gtk_label_set_text (self->import_label, label);
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  self->import_timer_id = g_timeout_add (100, show_progress, self);
  update_import_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);

  g_task_run_in_thread (self->import_task, read_in_thread);
}

gboolean
convene_roster_view_get_importing (ConveneRosterView *self)
{
  g_return_val_if_fail (CONVENE_IS_ROSTER_VIEW (self), FALSE);

  return self->import_task != NULL;
}

gboolean
convene_roster_view_export_file (ConveneRosterView *self,
                                 GFile             *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (CONVENE_IS_ROSTER_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->project == NULL)
    return FALSE;

  if (!convene_csv_export_people_to_file (self->project, file, &error))
    {
      convene_ui_show_message (GTK_WIDGET (self), error->message);
      return FALSE;
    }

  name = g_file_get_basename (file);
  /* Translators: %s is the name of the CSV file written. */
  message = g_strdup_printf (_("People saved as “%s”"), name);
  convene_ui_show_message (GTK_WIDGET (self), message);
  return TRUE;
}

static void
chooser_response (GtkNativeDialog   *chooser,
                  int                response,
                  ConveneRosterView *self)
{
  g_autoptr(GFile) file = NULL;
  gboolean saving = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    {
      if (saving)
        convene_roster_view_export_file (self, file);
      else
        convene_roster_view_import_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
open_chooser (ConveneRosterView    *self,
              GtkFileChooserAction  action)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  gboolean saving = action == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (saving ? _("Export People as CSV") : _("Import People from CSV"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               action,
                                               saving ? _("_Export") : _("_Import"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  if (!saving)
    {
      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
    }
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), csv);

  if (saving)
    {
      const char *title = convene_project_get_title (self->project);
      g_autofree char *suggested = NULL;
      g_autofree char *safe = NULL;

      /* Translators: the suggested file name for an exported roster; %s is the project's title. */
      suggested = g_strdup_printf (_("%s – People.csv"), title[0] != '\0' ? title : _("Convene"));
      safe = convene_export_file_safe_name (suggested, NULL, _("People"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), safe);
    }

  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConveneRosterView *self = CONVENE_ROSTER_VIEW (widget);

  if (is_writable (self))
    open_chooser (self, GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
cancel_import_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  end_import (CONVENE_ROSTER_VIEW (widget));
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConveneRosterView *self = CONVENE_ROSTER_VIEW (widget);

  if (self->project != NULL)
    open_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE);
}

/* The document */

static void
disconnect_document (ConveneRosterView *self)
{
  /* What is being read was meant for this project. */
  end_import (self);
  g_signal_group_set_target (self->document_signals, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);

  gtk_list_view_set_model (self->people_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  convene_person_editor_set_person (self->editor, NULL, NULL);
  self->project = NULL;
  g_clear_object (&self->document);
}

void
convene_roster_view_set_document (ConveneRosterView *self,
                                  ConveneDocument   *document)
{
  GtkSortListModel *sorted;
  GListModel *speakers;
  gboolean writable;

  g_return_if_fail (CONVENE_IS_ROSTER_VIEW (self));
  g_return_if_fail (document == NULL || CONVENE_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  disconnect_document (self);

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->project = convene_document_get_project (document);
      speakers = G_LIST_MODEL (convene_project_get_speakers (self->project));

      self->filtered = gtk_filter_list_model_new (g_object_ref (speakers),
                                                  g_object_ref (GTK_FILTER (self->filter)));
      sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                        g_object_ref (GTK_SORTER (self->sorter)));
      self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      /* Off screen (another page is shown) the list is given its people
       * when it is first mapped: a roster of thousands builds no rows the
       * planner has not asked to see. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        gtk_list_view_set_model (self->people_view, GTK_SELECTION_MODEL (self->selection));

      g_signal_connect_object (self->selection, "notify::selected-item",
                               G_CALLBACK (selection_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_state),
                               self, G_CONNECT_SWAPPED);
      g_signal_group_set_target (self->document_signals, document);
    }

  writable = is_writable (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.add-person", writable);
  update_import_actions (self);
  if (self->selection != NULL)
    selection_changed (self);
  update_state (self);
  refresh_warnings (self);
}

ConveneDocument *
convene_roster_view_get_document (ConveneRosterView *self)
{
  g_return_val_if_fail (CONVENE_IS_ROSTER_VIEW (self), NULL);

  return self->document;
}

/* Sessions and segments change elsewhere; the warnings are brought up to
 * date whenever the roster comes back on screen, and the list gets its
 * people the first time. */
static void
convene_roster_view_map (GtkWidget *widget)
{
  ConveneRosterView *self = CONVENE_ROSTER_VIEW (widget);

  GTK_WIDGET_CLASS (convene_roster_view_parent_class)->map (widget);
  if (self->selection != NULL && gtk_list_view_get_model (self->people_view) == NULL)
    gtk_list_view_set_model (self->people_view, GTK_SELECTION_MODEL (self->selection));
  refresh_warnings (self);
}

static void
convene_roster_view_dispose (GObject *object)
{
  ConveneRosterView *self = CONVENE_ROSTER_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  stop_import (self);
  disconnect_document (self);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
    }
  g_clear_object (&self->chooser);
  g_clear_object (&self->document_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_ROSTER_VIEW);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->summaries, convene_person_summaries_free);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (convene_roster_view_parent_class)->dispose (object);
}

static void
convene_roster_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ConveneRosterView *self = CONVENE_ROSTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_IMPORTING:
      g_value_set_boolean (value, convene_roster_view_get_importing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_roster_view_class_init (ConveneRosterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_roster_view_dispose;
  object_class->get_property = convene_roster_view_get_property;
  widget_class->map = convene_roster_view_map;

  properties[PROP_IMPORTING] =
    g_param_spec_boolean ("importing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CONVENE_TYPE_PERSON_EDITOR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/convene-roster-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, main_box);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, add_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, warnings_expander);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, people_view);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, no_matches_page);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, back_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, details_stack);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, editor);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, import_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneRosterView, import_progress);

  gtk_widget_class_install_action (widget_class, "roster.add-person", NULL, add_person_activated);
  gtk_widget_class_install_action (widget_class, "roster.remove-person", NULL, remove_person_activated);
  gtk_widget_class_install_action (widget_class, "roster.export-calendar", NULL, export_calendar_activated);
  gtk_widget_class_install_action (widget_class, "roster.import-csv", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "roster.cancel-import", NULL, cancel_import_activated);
  gtk_widget_class_install_action (widget_class, "roster.export-csv", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "roster.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "roster.back", NULL, back_activated);
}

static void
convene_roster_view_init (ConveneRosterView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *shortcuts;
  GtkEventController *list_keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->summaries = convene_person_summaries_new ();
  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->document_signals = g_signal_group_new (CONVENE_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (document_changed), self,
                                 G_CONNECT_SWAPPED);
  g_signal_connect_object (convene_clock_get_default (), "notify::use-12h", G_CALLBACK (queue_refresh), self,
                           G_CONNECT_SWAPPED);
  self->filter = gtk_custom_filter_new (person_matches, self, NULL);
  self->sorter = gtk_custom_sorter_new (compare_people, self, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (row_teardown), self);
  gtk_list_view_set_factory (self->people_view, factory);
  g_signal_connect (self->people_view, "activate", G_CALLBACK (person_activated), self);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (stop_search), self);
  gtk_drop_down_set_selected (self->sort_dropdown, convene_ui_get_name_order () == CONVENE_NAME_ORDER_FAMILY
                                                   ? SORT_BY_FAMILY_NAME : SORT_BY_FIRST_NAME);
  g_signal_connect_swapped (self->sort_dropdown, "notify::selected", G_CALLBACK (sort_changed), self);
  g_signal_connect_object (convene_ui_get_settings (), "changed::name-order", G_CALLBACK (name_order_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->warnings_list, "row-activated", G_CALLBACK (warning_activated), self);
  g_signal_connect_swapped (self->warnings_expander, "notify::expanded", G_CALLBACK (fill_warnings), self);

  /* Ctrl+F and Ctrl+Shift+P work wherever the keyboard is in the window. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (shortcut_search, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                          gtk_callback_action_new (shortcut_add, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* Delete removes the person under the keyboard in the list. */
  list_keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (list_keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("roster.remove-person")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (list_keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                                                          gtk_named_action_new ("roster.remove-person")));
  gtk_widget_add_controller (GTK_WIDGET (self->people_view), list_keys);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.remove-person", FALSE);
  update_import_actions (self);
  update_state (self);
  refresh_warnings (self);
}
