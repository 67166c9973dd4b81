#define G_LOG_DOMAIN "convene-project-view"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "convene-assignment-list.h"
#include "convene-date-entry.h"
#include "convene-edits.h"
#include "convene-field-row.h"
#include "convene-outcomes-summary.h"
#include "convene-outcomes-view.h"
#include "convene-project-view.h"
#include "convene-row-layout.h"
#include "convene-roster-view.h"
#include "convene-schedule.h"
#include "convene-timeline-view.h"
#include "convene-session-edits.h"
#include "convene-session-row.h"
#include "convene-session-warnings.h"
#include "convene-time-zone-row.h"
#include "convene-ui-util.h"
#include "convene-validate.h"

/* A new session starts at 09:00 and lasts an hour until the planner says otherwise. */
#define NEW_SESSION_START (9 * 60)
#define NEW_SESSION_SLOT  60

struct _ConveneProjectView
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkWidget          *content;
  GtkListBox         *details_list;
  GtkListBoxRow      *details_row;
  GtkListBoxRow      *people_row;
  GtkLabel           *people_count_label;
  AdwBin             *people_page;
  GtkGridView        *sessions_view;
  GtkWidget          *no_sessions_label;
  GtkWidget          *back_button;
  GtkLabel           *content_title;
  GtkWidget          *remove_session_button;
  GtkStack           *content_stack;
  AdwBin             *details_page;
  GtkWidget          *session_group;
  AdwEntryRow        *session_title_row;
  ConveneDateEntry   *date_entry;
  AdwEntryRow        *start_row;
  AdwEntryRow        *room_row;
  GtkSpinButton      *slot_spin;
  GtkSpinButton      *step_spin;
  ConveneTimelineView *timeline;
  AdwViewStack       *session_stack;
  GtkWidget          *session_switcher;
  AdwSqueezer        *header_squeezer;
  GtkWidget          *title_with_tabs;
  GtkLabel           *title_beside_tabs;
  ConveneSessionWarnings *session_warnings;
  ConveneAssignmentList  *session_roles;
  AdwBin                 *outcomes_page;

  /* The project's details page, built the first time it shows (see
   * ensure_details()), then held by details_page; NULL until then. */
  GtkWidget              *project_group;
  AdwEntryRow            *project_title_row;
  AdwEntryRow            *organiser_row;
  AdwEntryRow            *venue_row;
  ConveneTimeZoneRow     *time_zone_row;
  ConveneOutcomesSummary *outcomes_summary;

  /* Built the first time the People page shows (most planners open a
   * project for its running order), then held by people_page. */
  ConveneRosterView  *roster_view;
  /* Built the first time the session's Outcomes tab shows, then held by
   * outcomes_page. */
  ConveneOutcomesView *outcomes_view;

  /* owned */
  ConveneDocument    *document;
  GtkSingleSelection *sessions_selection;
  ConveneSession     *session;
  /* The selected session while a move, an undo or a redo has it out of the
   * list: selected again when it comes back. */
  ConveneSession     *taken_out;
  GSignalGroup       *document_signals;   /* the document's change feed */

  /* borrowed from the document */
  ConveneProject     *project;

  gboolean            syncing;
  /* What each entry row last showed of the model (entry_fields order):
   * a change elsewhere leaves a field alone, and the planner's unsaved
   * typing in it, unless its own value moved. */
  char               *shown[6];
  gboolean            loading;
  gboolean            focus_sidebar_on_map;
  /* Whether the planner asked for the content page (folding then keeps it). */
  gboolean            content_chosen;
  /* Folded navigation to the content moves the keyboard to its back button
   * once the page is on screen. */
  gboolean            focus_back_pending;
  /* Without a session selected: the roster rather than the project's details. */
  gboolean            showing_people;
};

G_DEFINE_FINAL_TYPE (ConveneProjectView, convene_project_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The entry rows and the model property each edits. */
typedef struct {
  gsize       offset;
  gboolean    on_project;
  const char *property;
} EntryField;

static const EntryField entry_fields[] = {
  { G_STRUCT_OFFSET (ConveneProjectView, project_title_row), TRUE, "title" },
  { G_STRUCT_OFFSET (ConveneProjectView, organiser_row), TRUE, "organiser" },
  { G_STRUCT_OFFSET (ConveneProjectView, venue_row), TRUE, "venue" },
  { G_STRUCT_OFFSET (ConveneProjectView, session_title_row), FALSE, "title" },
  { G_STRUCT_OFFSET (ConveneProjectView, start_row), FALSE, "start-time" },
  { G_STRUCT_OFFSET (ConveneProjectView, room_row), FALSE, "room" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (entry_fields) == G_N_ELEMENTS (((ConveneProjectView *) NULL)->shown));


static AdwEntryRow *
field_row (ConveneProjectView *self,
           const EntryField   *field)
{
  return G_STRUCT_MEMBER (AdwEntryRow *, self, field->offset);
}

static gboolean
is_writable (ConveneProjectView *self)
{
  return convene_ui_is_writable (self->document);
}

/* The text a field shows for the model's current value. */
static char *
model_text (ConveneProjectView *self,
            const EntryField   *field)
{
  GObject *target = field->on_project ? G_OBJECT (self->project) : G_OBJECT (self->session);
  char *text = NULL;

  if (target == NULL)
    return g_strdup ("");

  if (!field->on_project && g_str_equal (field->property, "start-time"))
    return convene_format_time_of_day (convene_session_get_start_time (self->session));

  g_object_get (target, field->property, &text, NULL);
  return text != NULL ? text : g_strdup ("");
}

static void
sync_field (ConveneProjectView *self,
            const EntryField   *field)
{
  AdwEntryRow *row = field_row (self, field);
  char *text;
  char **shown = &self->shown[field - entry_fields];

  if (row == NULL)
    return;
  text = model_text (self, field);
  g_free (*shown);
  *shown = text;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) == 0)
    return;

  self->syncing = TRUE;
  convene_ui_editable_show_stored (GTK_EDITABLE (row), text);
  self->syncing = FALSE;
}

/* After an edit: the fields whose model value is not what they last showed. */
static void
follow_fields (ConveneProjectView *self,
               gboolean            on_project)
{
  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    {
      g_autofree char *text = NULL;

      /* (A field not built yet has nothing to follow.) */
      if (entry_fields[i].on_project != on_project || field_row (self, &entry_fields[i]) == NULL)
        continue;
      text = model_text (self, &entry_fields[i]);
      if (g_strcmp0 (text, self->shown[i]) != 0)
        sync_field (self, &entry_fields[i]);
    }
}

static void
sync_fields (ConveneProjectView *self,
             gboolean            on_project,
             const char         *property)
{
  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    {
      const EntryField *field = &entry_fields[i];

      if (field->on_project != on_project)
        continue;
      if (property == NULL || g_str_equal (property, field->property))
        sync_field (self, field);
    }
}

static void
sync_slot (ConveneProjectView *self)
{
  if (self->session == NULL)
    return;

  self->syncing = TRUE;
  gtk_spin_button_set_value (self->slot_spin, convene_session_get_slot_minutes (self->session));
  gtk_spin_button_set_value (self->step_spin, convene_session_get_fit_step (self->session));
  self->syncing = FALSE;
}

static void
commit_field (ConveneProjectView *self,
              const EntryField   *field)
{
  AdwEntryRow *row = field_row (self, field);
  gpointer target = field->on_project ? (gpointer) self->project : (gpointer) self->session;
  g_autofree char *current = NULL;
  g_autofree char *text = NULL;
  ConveneCommand *command;
  GError *error = NULL;

  if (self->syncing || target == NULL || !is_writable (self))
    return;

  if (convene_ui_editable_get_edited (GTK_EDITABLE (row)) == NULL)
    return;
  current = model_text (self, field);
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  if (g_str_equal (current, text))
    return;

  if (!field->on_project && g_str_equal (field->property, "start-time"))
    {
      int minutes;

      if (!convene_parse_typed_time (text, &minutes))
        {
          g_autofree char *message = NULL;

          /* Translators: %s is what the planner typed. */
          message = g_strdup_printf (_("“%s” is not a time of day. Use hours and minutes, such as 12:30."),
                                     text);
          error = g_error_new_literal (CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TIME, message);
          command = NULL;
        }
      else
        command = convene_edit_set_number (target, "start-time", minutes, &error);
    }
  else
    command = convene_edit_set_text (target, field->property, text, &error);

  /* Accepted or not, the field shows what the model now holds (refused
   * input is put back, accepted input normalised). The field's own refusal
   * goes once it is accepted. */
  convene_ui_perform (GTK_WIDGET (row), self->document, command, error);
  sync_field (self, field);
}

static const EntryField *
find_field (ConveneProjectView *self,
            AdwEntryRow        *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    {
      if (field_row (self, &entry_fields[i]) == row)
        return &entry_fields[i];
    }
  g_return_val_if_reached (NULL);
}

static void
entry_activated (AdwEntryRow        *row,
                 ConveneProjectView *self)
{
  const EntryField *field = find_field (self, row);

  if (field != NULL)
    commit_field (self, field);
}

static void
entry_focus_left (GtkEventControllerFocus *controller,
                  ConveneProjectView      *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  entry_activated (ADW_ENTRY_ROW (row), self);
}

/* The slot length and the rounding step: numbers of the session. */
static void
session_number_changed (GtkSpinButton      *spin,
                        ConveneProjectView *self)
{
  const char *property = spin == self->slot_spin ? "slot-minutes" : "fit-step";
  int minutes = gtk_spin_button_get_value_as_int (spin);
  ConveneCommand *command;
  GError *error = NULL;
  guint current;

  if (self->syncing || self->session == NULL || !is_writable (self))
    return;
  g_object_get (self->session, property, &current, NULL);
  if ((guint) minutes == current)
    return;

  command = convene_edit_set_number (self->session, property, minutes, &error);
  if (!convene_ui_perform (GTK_WIDGET (spin), self->document, command, error))
    sync_slot (self);
}

/* The session's date and the venue's zone are chosen in their own widgets,
 * which say what the planner chose; the command goes through the document
 * (undo, the file) and the widget then shows what the model holds. */
static void
sync_date (ConveneProjectView *self)
{
  if (self->session != NULL)
    convene_date_entry_set_date (self->date_entry, convene_session_get_date (self->session));
}

static void
sync_time_zone (ConveneProjectView *self)
{
  if (self->project != NULL && self->time_zone_row != NULL)
    convene_time_zone_row_set_zone (self->time_zone_row, convene_project_get_time_zone (self->project));
}

static void
date_chosen (ConveneDateEntry   *entry,
             const char         *date,
             ConveneProjectView *self)
{
  GError *error = NULL;
  ConveneCommand *command;

  (void) entry;
  if (self->session == NULL || !is_writable (self))
    return;
  command = convene_edit_set_text (self->session, "date", date, &error);
  convene_ui_perform (GTK_WIDGET (entry), self->document, command, error);
  sync_date (self);
}

static void
time_zone_chosen (ConveneTimeZoneRow *row,
                  const char         *zone,
                  ConveneProjectView *self)
{
  GError *error = NULL;
  ConveneCommand *command;

  if (self->project == NULL || !is_writable (self))
    return;
  command = convene_edit_set_text (self->project, "time-zone", zone, &error);
  convene_ui_perform (GTK_WIDGET (row), self->document, command, error);
  sync_time_zone (self);
}

/* Choosing a warning about a segment shows that segment in the timeline. */
static void
warning_segment_activated (ConveneProjectView *self,
                           gint64              segment_id)
{
  ConveneSegment *segment;

  if (self->project == NULL)
    return;
  segment = convene_project_find_segment (self->project, segment_id, NULL);
  if (segment == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->session_stack, "order");
  convene_timeline_view_select_segment (self->timeline, segment);
}

static gboolean
outcomes_shown (ConveneProjectView *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->session_stack), "outcomes") == 0;
}

/* The timeline keeps its own schedule of the session; the session's
 * warnings, roles and checklist follow the same session. */
static void
refresh_schedule (ConveneProjectView *self)
{
  ConveneDocument *document = self->session != NULL ? self->document : NULL;

  convene_timeline_view_set_session (self->timeline, document, self->session);
  convene_session_warnings_set_session (self->session_warnings, document, self->session);
  convene_assignment_list_set_target (self->session_roles, document, self->session, NULL);
  /* The checklist fills its rows when its tab shows; hidden, it lets go of
   * the session it showed rather than follow it. */
  if (!outcomes_shown (self))
    document = NULL;
  if (self->outcomes_view != NULL)
    convene_outcomes_view_set_session (self->outcomes_view, document, self->session);
}

/* The planner turned to the session's Outcomes tab. */
static void
session_page_changed (ConveneProjectView *self)
{
  if (!outcomes_shown (self))
    return;
  if (self->outcomes_view == NULL)
    {
      self->outcomes_view = CONVENE_OUTCOMES_VIEW (convene_outcomes_view_new ());
      adw_bin_set_child (self->outcomes_page, GTK_WIDGET (self->outcomes_view));
    }
  convene_outcomes_view_set_session (self->outcomes_view, self->session != NULL ? self->document : NULL,
                                       self->session);
}

/* An entry row commits what was typed on Enter and when it loses the focus. */
static void
connect_entry_row (ConveneProjectView *self,
                   AdwEntryRow        *row)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (row, "entry-activated", G_CALLBACK (entry_activated), self);
  g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_left), self);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

/* The project's details page: built the first time it shows, as most
 * planners open a project for its sessions. */
static void
ensure_details (ConveneProjectView *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->project_group != NULL)
    return;
  builder = gtk_builder_new_from_resource ("/io/github/convene/Convene/convene-project-details.ui");
  self->project_group = GTK_WIDGET (gtk_builder_get_object (builder, "project_group"));
  self->project_title_row = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "project_title_row"));
  self->organiser_row = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "organiser_row"));
  self->venue_row = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "venue_row"));
  self->time_zone_row = CONVENE_TIME_ZONE_ROW (gtk_builder_get_object (builder, "time_zone_row"));
  self->outcomes_summary = CONVENE_OUTCOMES_SUMMARY (gtk_builder_get_object (builder, "outcomes_summary"));
  adw_bin_set_child (self->details_page, GTK_WIDGET (gtk_builder_get_object (builder, "details_scroller")));

  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    if (entry_fields[i].on_project)
      connect_entry_row (self, field_row (self, &entry_fields[i]));
  g_signal_connect (self->time_zone_row, "zone-chosen", G_CALLBACK (time_zone_chosen), self);

  if (self->document == NULL)
    return;
  convene_outcomes_summary_set_document (self->outcomes_summary, self->document);
  sync_fields (self, TRUE, NULL);
  sync_time_zone (self);
  gtk_widget_set_sensitive (self->project_group, is_writable (self));
}

/* The planner turned to the project's details or to the People page: the
 * page is built now. */
static void
content_page_changed (ConveneProjectView *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);

  if (g_strcmp0 (page, "details") == 0)
    ensure_details (self);
  if (self->roster_view != NULL || g_strcmp0 (page, "people") != 0)
    return;
  self->roster_view = g_object_new (CONVENE_TYPE_ROSTER_VIEW, NULL);
  adw_bin_set_child (self->people_page, GTK_WIDGET (self->roster_view));
  convene_roster_view_set_document (self->roster_view, self->document);
}

static void
update_content_title (ConveneProjectView *self)
{
  const char *title;

  if (self->session == NULL)
    {
      gtk_label_set_text (self->content_title, self->showing_people ? _("People") : _("Project Details"));
      return;
    }

  title = convene_session_get_title (self->session);
  convene_ui_label_set_user_text (self->content_title, title[0] != '\0' ? title : _("Untitled Session"));
  convene_ui_label_set_user_text (self->title_beside_tabs, gtk_label_get_text (self->content_title));
}

/* The session's tabs take a row of their own under its title only when
 * they do not fit beside it: the row is the timeline's otherwise. */
static void
header_squeezer_changed (ConveneProjectView *self)
{
  gtk_widget_set_visible (self->session_switcher,
                          adw_squeezer_get_visible_child (self->header_squeezer) != self->title_with_tabs);
}

static void focus_sidebar (ConveneProjectView *self);


static void
set_session (ConveneProjectView *self,
             ConveneSession     *session)
{
  if (self->session == session)
    return;

  g_set_object (&self->session, session);

  if (session != NULL)
    {
      sync_fields (self, FALSE, NULL);
      sync_date (self);
      sync_slot (self);
    }

  update_content_title (self);
  gtk_widget_set_visible (self->remove_session_button, session != NULL);
  gtk_widget_set_visible (self->title_with_tabs, session != NULL);
  refresh_schedule (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
focus_sidebar (ConveneProjectView *self)
{
  GListModel *sessions = G_LIST_MODEL (convene_project_get_sessions (self->project));

  /* The list has no rows to focus before its first allocation. */
  if (g_list_model_get_n_items (sessions) == 0 ||
      !gtk_widget_grab_focus (GTK_WIDGET (self->sessions_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->details_row));
}

static void
show_content (ConveneProjectView *self)
{
  if (!self->loading)
    {
      self->content_chosen = TRUE;
      self->focus_back_pending = adw_leaflet_get_folded (self->leaflet);
      adw_leaflet_set_visible_child_name (self->leaflet, "content");
    }
}

static void
selection_changed (ConveneProjectView *self)
{
  ConveneSession *session = NULL;

  if (self->sessions_selection != NULL)
    session = gtk_single_selection_get_selected_item (self->sessions_selection);

  if (session == NULL && self->session != NULL && self->project != NULL &&
      !g_list_store_find (convene_project_get_sessions (self->project), self->session, NULL))
    g_set_object (&self->taken_out, self->session);
  else if (session != NULL)
    g_clear_object (&self->taken_out);

  set_session (self, session);

  if (session != NULL)
    {
      self->showing_people = FALSE;
      gtk_list_box_unselect_all (self->details_list);
      gtk_stack_set_visible_child_name (self->content_stack, "session");
      show_content (self);
    }
  else
    {
      gtk_list_box_select_row (self->details_list,
                               self->showing_people ? self->people_row : self->details_row);
      gtk_stack_set_visible_child_name (self->content_stack,
                                        self->showing_people ? "people" : "details");
      update_content_title (self);
    }
}

/* Enter or a double click on a session: open it, even if it was already
 * selected (the way back to it when the leaflet is folded). */
static void
session_activated (GtkGridView        *view,
                   guint               position,
                   ConveneProjectView *self)
{
  if (self->sessions_selection == NULL)
    return;

  if (gtk_single_selection_get_selected (self->sessions_selection) != position)
    gtk_single_selection_set_selected (self->sessions_selection, position);
  else if (self->session != NULL)
    show_content (self);
}

static void
details_activated (ConveneProjectView *self,
                   GtkListBoxRow      *row)
{
  self->showing_people = row == self->people_row;
  if (self->sessions_selection != NULL)
    gtk_single_selection_set_selected (self->sessions_selection, GTK_INVALID_LIST_POSITION);
  gtk_list_box_select_row (self->details_list, row);
  gtk_stack_set_visible_child_name (self->content_stack, self->showing_people ? "people" : "details");
  update_content_title (self);
  show_content (self);
}

/* GTK 4.8's list box selects the row the keyboard moves to, by Tab as by
 * the arrows: passing through the sidebar would highlight Project Details
 * or People while a session is shown. The highlight stays on what the
 * page shows; Enter or a click on a row opens it (row-activated). */
static void
details_selected (ConveneProjectView *self,
                  GtkListBoxRow      *row)
{
  GtkListBoxRow *shown;

  if (self->project == NULL || self->loading)
    return;
  shown = self->session != NULL ? NULL : self->showing_people ? self->people_row : self->details_row;
  if (row == shown)
    return;
  if (shown != NULL)
    gtk_list_box_select_row (self->details_list, shown);
  else
    gtk_list_box_unselect_all (self->details_list);
}

static void
update_people_count (ConveneProjectView *self)
{
  g_autofree char *count = NULL;

  if (self->project != NULL)
    count = g_strdup_printf ("%u", g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (self->project))));
  gtk_label_set_text (self->people_count_label, count != NULL ? count : "");
}

static gboolean
has_focus_within (ConveneProjectView *self,
                  GtkWidget          *widget)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Folded with only the sidebar showing, nothing is selected, so touching a
 * row (even the one shown before) always opens it. Also runs when a
 * transition ends: only then is the new page able to take the focus. */
static void
leaflet_changed (ConveneProjectView *self)
{
  gboolean mapped = gtk_widget_get_mapped (GTK_WIDGET (self));

  if (!adw_leaflet_get_folded (self->leaflet))
    return;

  /* Unfolded, the leaflet's visible page follows the focus; on folding,
   * show the session only if the planner chose one. */
  if (!self->content_chosen)
    adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");

  /* Folded, the keyboard follows the page on screen. */
  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") == 0)
    {
      if (mapped && !adw_leaflet_get_child_transition_running (self->leaflet) &&
          (self->focus_back_pending || !has_focus_within (self, self->content)) &&
          gtk_widget_grab_focus (self->back_button))
        self->focus_back_pending = FALSE;
      return;
    }

  self->content_chosen = FALSE;
  if (self->sessions_selection != NULL)
    gtk_single_selection_set_selected (self->sessions_selection, GTK_INVALID_LIST_POSITION);
  gtk_list_box_unselect_all (self->details_list);

  if (self->project != NULL && mapped && !has_focus_within (self, self->sidebar))
    focus_sidebar (self);
}

/* Runs after the selection has seen the change: a session taken out while
 * selected (moved, or its deletion undone) is selected again. */
static void
sessions_changed (ConveneProjectView *self,
                  guint               position,
                  guint               removed,
                  guint               added)
{
  guint found;

  if (self->taken_out == NULL || added == 0 || self->sessions_selection == NULL)
    return;

  if (g_list_store_find (convene_project_get_sessions (self->project), self->taken_out, &found) &&
      found >= position && found < position + added)
    {
      g_clear_object (&self->taken_out);
      gtk_single_selection_set_selected (self->sessions_selection, found);
    }
}

static void
update_sessions_empty (ConveneProjectView *self)
{
  gboolean empty = self->project == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (self->project))) == 0;

  gtk_widget_set_visible (self->no_sessions_label, empty);
}

/* Today in the venue's zone, "YYYY-MM-DD". */
static char *
venue_today (ConveneProjectView *self)
{
  g_autoptr(GTimeZone) tz = convene_project_dup_gtime_zone (self->project);
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The one place the project view hears of edits: its fields, the people
 * count. The timeline, rows and lists below follow the same feed. */
static void
document_changed (ConveneProjectView *self,
                  ConveneChanges     *changes)
{
  if (convene_changes_has (changes, CONVENE_CHANGE_PROJECT))
    {
      follow_fields (self, TRUE);
      sync_time_zone (self);
    }
  if (self->session != NULL && convene_changes_contains (changes, self->session))
    {
      follow_fields (self, FALSE);
      sync_date (self);
      sync_slot (self);
      update_content_title (self);
    }
  if (convene_changes_has (changes, CONVENE_CHANGE_SPEAKERS))
    update_people_count (self);
}

static void session_dropped (ConveneSessionRow *row, ConveneSession *dragged, gboolean after,
                             ConveneProjectView *self);

static void
session_row_setup (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   ConveneProjectView       *self)
{
  GtkWidget *row = convene_session_row_new ();

  g_signal_connect_object (row, "session-dropped", G_CALLBACK (session_dropped), self, 0);
  gtk_list_item_set_child (item, row);
}

static void
session_row_bind (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  ConveneProjectView       *self)
{
  convene_session_row_set_session (CONVENE_SESSION_ROW (gtk_list_item_get_child (item)),
                                   self->document, gtk_list_item_get_item (item));
}

static void
session_row_unbind (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  convene_session_row_set_session (CONVENE_SESSION_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
disconnect_document (ConveneProjectView *self)
{
  set_session (self, NULL);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (convene_project_get_sessions (self->project), self);
  g_signal_group_set_target (self->document_signals, NULL);
  self->project = NULL;
  if (self->roster_view != NULL)
    convene_roster_view_set_document (self->roster_view, NULL);
  if (self->outcomes_summary != NULL)
    convene_outcomes_summary_set_document (self->outcomes_summary, NULL);

  if (self->sessions_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->sessions_selection, self);
  gtk_grid_view_set_model (self->sessions_view, NULL);
  g_clear_object (&self->sessions_selection);
  g_clear_object (&self->taken_out);
  g_clear_object (&self->document);
}

void
convene_project_view_set_document (ConveneProjectView *self,
                                   ConveneDocument    *document)
{
  GListModel *sessions;
  gboolean writable;

  g_return_if_fail (CONVENE_IS_PROJECT_VIEW (self));
  g_return_if_fail (document == NULL || CONVENE_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  disconnect_document (self);

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->project = convene_document_get_project (document);
      sessions = G_LIST_MODEL (convene_project_get_sessions (self->project));

      self->sessions_selection = gtk_single_selection_new (g_object_ref (sessions));
      gtk_single_selection_set_autoselect (self->sessions_selection, FALSE);
      gtk_single_selection_set_can_unselect (self->sessions_selection, TRUE);
      gtk_single_selection_set_selected (self->sessions_selection, GTK_INVALID_LIST_POSITION);
      gtk_grid_view_set_model (self->sessions_view, GTK_SELECTION_MODEL (self->sessions_selection));

      /* Connected after the first selection below, which selection_changed()
       * then handles as loading rather than as the planner's choice. */
      g_signal_connect_object (sessions, "items-changed", G_CALLBACK (update_sessions_empty),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sessions, "items-changed", G_CALLBACK (sessions_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_group_set_target (self->document_signals, document);
      if (self->roster_view != NULL)
        convene_roster_view_set_document (self->roster_view, document);
      if (self->outcomes_summary != NULL)
        convene_outcomes_summary_set_document (self->outcomes_summary, document);
      self->showing_people = FALSE;

      sync_fields (self, TRUE, NULL);
      sync_time_zone (self);

      writable = is_writable (self);
      if (self->project_group != NULL)
        gtk_widget_set_sensitive (self->project_group, writable);
      gtk_widget_set_sensitive (self->session_group, writable);

      /* Open on the first session, without leaving the sidebar when folded. */
      self->content_chosen = FALSE;
      adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
      if (g_list_model_get_n_items (sessions) > 0 && !adw_leaflet_get_folded (self->leaflet))
        gtk_single_selection_set_selected (self->sessions_selection, 0);
    }

  self->loading = TRUE;
  selection_changed (self);
  self->loading = FALSE;
  update_sessions_empty (self);
  update_people_count (self);

  if (self->sessions_selection != NULL)
    g_signal_connect_object (self->sessions_selection, "notify::selected-item",
                             G_CALLBACK (selection_changed), self, G_CONNECT_SWAPPED);

  /* The keyboard starts in the sidebar; that also makes it the page a
   * folded leaflet shows first. */
  if (document != NULL)
    {
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        focus_sidebar (self);
      else
        self->focus_sidebar_on_map = TRUE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

ConveneDocument *
convene_project_view_get_document (ConveneProjectView *self)
{
  g_return_val_if_fail (CONVENE_IS_PROJECT_VIEW (self), NULL);

  return self->document;
}

GtkWidget *
convene_project_view_get_timeline (ConveneProjectView *self)
{
  g_return_val_if_fail (CONVENE_IS_PROJECT_VIEW (self), NULL);

  return GTK_WIDGET (self->timeline);
}

ConveneSession *
convene_project_view_get_session (ConveneProjectView *self)
{
  g_return_val_if_fail (CONVENE_IS_PROJECT_VIEW (self), NULL);

  return self->session;
}

void
convene_project_view_add_session (ConveneProjectView *self)
{
  g_autoptr(ConveneSession) session = NULL;
  g_autofree char *today = NULL;
  GListModel *sessions;
  guint position;

  g_return_if_fail (CONVENE_IS_PROJECT_VIEW (self));

  if (!is_writable (self))
    return;

  sessions = G_LIST_MODEL (convene_project_get_sessions (self->project));
  position = g_list_model_get_n_items (sessions);
  today = venue_today (self);
  session = convene_session_new (convene_project_new_id (self->project), _("New Session"),
                                 today, NEW_SESSION_START, NEW_SESSION_SLOT);

  if (!convene_ui_perform (GTK_WIDGET (self), self->document, convene_edit_add_session (self->project, session, position), NULL))
    return;

  gtk_single_selection_set_selected (self->sessions_selection, position);
  convene_timeline_view_show_side (self->timeline, "session");
  gtk_widget_grab_focus (GTK_WIDGET (self->session_title_row));
  /* A new session is named first, even at phone width. */
  self->focus_back_pending = FALSE;
}

void
convene_project_view_remove_session (ConveneProjectView *self)
{
  g_autoptr(ConveneSession) session = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  const char *title;

  g_return_if_fail (CONVENE_IS_PROJECT_VIEW (self));

  if (!is_writable (self) || self->session == NULL)
    return;

  session = g_object_ref (self->session);
  if (!convene_ui_perform (GTK_WIDGET (self), self->document, convene_edit_remove_session (self->project, session), NULL))
    return;

  title = convene_session_get_title (session);
  shown = convene_ui_dup_shown_text (title[0] != '\0' ? title : _("Untitled Session"));
  escaped = g_markup_escape_text (shown, -1);
  /* Translators: %s is the title of the session that was removed. */
  message = g_strdup_printf (_("“%s” removed"), escaped);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  convene_ui_show_toast (GTK_WIDGET (self), toast);

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
}

static void focus_session_row (ConveneProjectView *self, ConveneSession *session);

/* Selects session (keeping the keyboard on its row when focus is set),
 * without the passing loss of selection a move makes showing anywhere. */
static void
select_session (ConveneProjectView *self,
                ConveneSession     *session,
                gboolean            focus)
{
  guint position;

  if (!g_list_store_find (convene_project_get_sessions (self->project), session, &position))
    return;

  gtk_single_selection_set_selected (self->sessions_selection, position);
  if (focus)
    focus_session_row (self, session);
}

void
convene_project_view_add_session_from_format (ConveneProjectView *self,
                                              ConveneFormat      *format)
{
  g_autofree char *today = NULL;
  ConveneSession *session = NULL;
  ConveneCommand *command;
  GError *error = NULL;

  g_return_if_fail (CONVENE_IS_PROJECT_VIEW (self));
  g_return_if_fail (CONVENE_IS_FORMAT (format));

  if (!is_writable (self))
    return;

  if (convene_format_get_builtin (format) && g_str_equal (convene_format_get_id (format), "blank"))
    {
      convene_project_view_add_session (self);
      return;
    }

  today = venue_today (self);
  command = convene_edit_add_session_from_format (self->project, format, convene_format_get_name (format),
                                                  today, NEW_SESSION_START,
                                                  g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (self->project))),
                                                  &session, &error);
  if (!convene_ui_perform (GTK_WIDGET (self), self->document, command, error))
    return;

  select_session (self, session, FALSE);
  convene_timeline_view_show_side (self->timeline, "session");
  gtk_widget_grab_focus (GTK_WIDGET (self->session_title_row));
  self->focus_back_pending = FALSE;
}

void
convene_project_view_select_session (ConveneProjectView *self,
                                     ConveneSession     *session)
{
  g_return_if_fail (CONVENE_IS_PROJECT_VIEW (self));
  g_return_if_fail (CONVENE_IS_SESSION (session));

  select_session (self, session, FALSE);
  convene_timeline_view_show_side (self->timeline, "session");
}

static ConveneSession *focused_session (ConveneProjectView *self);

void
convene_project_view_duplicate_session (ConveneProjectView *self)
{
  ConveneSession *session;
  ConveneSession *copy = NULL;
  ConveneCommand *command;
  GError *error = NULL;
  gboolean from_sidebar;

  g_return_if_fail (CONVENE_IS_PROJECT_VIEW (self));

  if (!is_writable (self))
    return;

  session = focused_session (self);
  from_sidebar = session != NULL;
  if (session == NULL)
    session = self->session;
  if (session == NULL)
    return;

  command = convene_edit_duplicate_session (self->project, session, &copy, &error);
  if (!convene_ui_perform (GTK_WIDGET (self), self->document, command, error))
    return;

  /* The copy opens, to be given its own date or time. */
  select_session (self, copy, from_sidebar);
}

/* Puts the keyboard on session's row. The list view reuses row widgets, so
 * after a move the focused widget may show another session; when the row is
 * not bound yet, try again once the list has been laid out. */
static gboolean
grab_row_focus (ConveneProjectView *self,
                ConveneSession     *session)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sessions_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (row != NULL && CONVENE_IS_SESSION_ROW (row) &&
          convene_session_row_get_session (CONVENE_SESSION_ROW (row)) == session)
        return gtk_widget_grab_focus (child);
    }
  return FALSE;
}

static gboolean
focus_row_later (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  ConveneProjectView *self = CONVENE_PROJECT_VIEW (widget);
  ConveneSession *session = user_data;

  if (self->project != NULL &&
      g_list_store_find (convene_project_get_sessions (self->project), session, NULL))
    grab_row_focus (self, session);
  return G_SOURCE_REMOVE;
}

static void
focus_session_row (ConveneProjectView *self,
                   ConveneSession     *session)
{
  guint position;

  if (!g_list_store_find (convene_project_get_sessions (self->project), session, &position))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self->sessions_view), "list.scroll-to-item", "u", position);
  if (!grab_row_focus (self, session))
    gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_row_later, g_object_ref (session), g_object_unref);
}

static void
move_session_to (ConveneProjectView *self,
                 ConveneSession     *session,
                 guint               position,
                 gboolean            focus)
{
  g_autoptr(ConveneSession) moving = g_object_ref (session);
  gboolean was_selected = moving == self->session;
  ConveneCommand *command;
  GError *error = NULL;
  gboolean done;

  if (!is_writable (self))
    return;

  command = convene_edit_move_session (self->project, moving, position, &error);
  if (command == NULL)
    {
      /* Already there (the top or the end): nothing to say. */
      g_clear_error (&error);
      return;
    }

  /* A move takes the row out and puts it back; the selection would pass
   * through nothing on the way, so the content stays as it is meanwhile. */
  g_signal_handlers_block_by_func (self->sessions_selection, selection_changed, self);
  done = convene_ui_perform (GTK_WIDGET (self), self->document, command, NULL);
  if (was_selected)
    select_session (self, moving, FALSE);
  g_signal_handlers_unblock_by_func (self->sessions_selection, selection_changed, self);

  if (done && focus)
    focus_session_row (self, moving);
}

/* The session of the row holding the keyboard in the sidebar, if any:
 * folded, no session is selected, yet the planner moves the focused one. */
static ConveneSession *
focused_session (ConveneProjectView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sessions_view)))
    return NULL;

  row = CONVENE_IS_SESSION_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, CONVENE_TYPE_SESSION_ROW);
  if (row == NULL && CONVENE_IS_SESSION_ROW (gtk_widget_get_first_child (focus)))
    row = gtk_widget_get_first_child (focus);
  return row != NULL ? convene_session_row_get_session (CONVENE_SESSION_ROW (row)) : NULL;
}

/* F6: the panes of the page, in Tab order. The sidebar when it is beside
 * the content (folded, the back button leads to it), then the content: on
 * a session's Running Order its palette, timeline and side column, on any
 * other page that page as a whole. */
typedef enum {
  PANE_SIDEBAR = -2,
  PANE_CONTENT = -1,
  /* 0 and above: a ConveneTimelinePane */
} Pane;

static gboolean
showing_running_order (ConveneProjectView *self)
{
  return self->session != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "session") == 0 &&
         g_strcmp0 (adw_view_stack_get_visible_child_name (self->session_stack), "order") == 0;
}

static guint
list_panes (ConveneProjectView *self,
            int                 panes[CONVENE_TIMELINE_N_PANES + 1])
{
  guint n = 0;

  if (!adw_leaflet_get_folded (self->leaflet))
    panes[n++] = PANE_SIDEBAR;
  if (showing_running_order (self))
    {
      for (int pane = 0; pane < CONVENE_TIMELINE_N_PANES; pane++)
        panes[n++] = pane;
    }
  else
    panes[n++] = PANE_CONTENT;
  return n;
}

/* Where the focus is among panes, in half steps: 2i in pane i, 2i - 1
 * just before it (a session's heading and tabs, before its palette), -1
 * when in none of them. */
static int
focus_position (ConveneProjectView *self,
                const int          *panes,
                guint               n)
{
  int current = G_MININT;

  if (has_focus_within (self, self->sidebar))
    current = PANE_SIDEBAR;
  else if (showing_running_order (self) && convene_timeline_view_get_focused_pane (self->timeline) >= 0)
    current = convene_timeline_view_get_focused_pane (self->timeline);
  else if (has_focus_within (self, self->content))
    current = showing_running_order (self) ? G_MAXINT : PANE_CONTENT;

  for (guint i = 0; i < n; i++)
    {
      if (panes[i] == current)
        return 2 * (int) i;
      if (current == G_MAXINT && panes[i] == CONVENE_TIMELINE_PANE_PALETTE)
        return 2 * (int) i - 1;
    }
  return -1;
}

static gboolean
focus_pane (ConveneProjectView *self,
            int                 pane)
{
  if (pane == PANE_SIDEBAR)
    {
      /* The shown entry: the selected session, or Project Details or People. */
      if (self->session != NULL && gtk_widget_grab_focus (GTK_WIDGET (self->sessions_view)))
        return TRUE;
      return gtk_widget_child_focus (self->sidebar, GTK_DIR_TAB_FORWARD);
    }
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  if (pane == PANE_CONTENT)
    return gtk_widget_child_focus (gtk_stack_get_visible_child (self->content_stack), GTK_DIR_TAB_FORWARD);
  return convene_timeline_view_focus_pane (self->timeline, pane);
}

void
convene_project_view_focus_next_pane (ConveneProjectView *self,
                                      gboolean            backwards)
{
  int panes[CONVENE_TIMELINE_N_PANES + 1];
  int n, position, next;

  g_return_if_fail (CONVENE_IS_PROJECT_VIEW (self));

  if (self->document == NULL)
    return;
  n = (int) list_panes (self, panes);
  position = focus_position (self, panes, n);
  next = backwards ? (position % 2 == 0 ? position / 2 - 1 : (position - 1) / 2)
                   : (position % 2 == 0 ? position / 2 + 1 : (position + 1) / 2);
  if (position == -1)
    next = backwards ? n - 1 : 0;

  /* The next pane that takes the focus (the palette of a read-only
   * project does not), wrapping around. */
  for (int step = 0; step < n; step++)
    {
      int i = ((backwards ? next - step : next + step) % n + n) % n;

      if (focus_pane (self, panes[i]))
        return;
    }
}

void
convene_project_view_move_session (ConveneProjectView *self,
                                   int                 delta)
{
  ConveneSession *session;
  gboolean from_sidebar;
  guint position;

  g_return_if_fail (CONVENE_IS_PROJECT_VIEW (self));

  if (self->project == NULL || delta == 0)
    return;

  session = focused_session (self);
  from_sidebar = session != NULL;
  if (session == NULL)
    session = self->session;
  if (session == NULL ||
      !g_list_store_find (convene_project_get_sessions (self->project), session, &position))
    return;
  if (delta < 0 && position == 0)
    return;

  move_session_to (self, session, delta < 0 ? position - 1 : position + 1, from_sidebar);
}

static void
session_dropped (ConveneSessionRow  *row,
                 ConveneSession     *dragged,
                 gboolean            after,
                 ConveneProjectView *self)
{
  ConveneSession *target = convene_session_row_get_session (row);
  GListStore *sessions;
  guint from, to;

  if (self->project == NULL || target == NULL)
    return;

  sessions = convene_project_get_sessions (self->project);
  if (!g_list_store_find (sessions, dragged, &from) || !g_list_store_find (sessions, target, &to))
    return;

  /* The place before or after the target, counted once the dragged row is out. */
  if (after)
    to++;
  if (from < to)
    to--;
  if (to != from)
    move_session_to (self, dragged, to, FALSE);
}

static gboolean
move_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  ConveneProjectView *self = user_data;

  convene_project_view_move_session (self, g_variant_get_int32 (args));
  return TRUE;
}

static gboolean
duplicate_shortcut (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  convene_project_view_duplicate_session (CONVENE_PROJECT_VIEW (user_data));
  return TRUE;
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneProjectView *self = CONVENE_PROJECT_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
convene_project_view_map (GtkWidget *widget)
{
  ConveneProjectView *self = CONVENE_PROJECT_VIEW (widget);

  GTK_WIDGET_CLASS (convene_project_view_parent_class)->map (widget);

  if (self->focus_sidebar_on_map && self->project != NULL)
    focus_sidebar (self);
  self->focus_sidebar_on_map = FALSE;
}

static void
convene_project_view_dispose (GObject *object)
{
  ConveneProjectView *self = CONVENE_PROJECT_VIEW (object);
  GtkWidget *child;

  disconnect_document (self);
  g_clear_object (&self->document_signals);
  /* people_page's and outcomes_page's, disposed with them */
  self->roster_view = NULL;
  self->outcomes_view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_PROJECT_VIEW);
  /* Template children without an id are not unparented by the above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  for (guint i = 0; i < G_N_ELEMENTS (self->shown); i++)
    g_clear_pointer (&self->shown[i], g_free);

  G_OBJECT_CLASS (convene_project_view_parent_class)->dispose (object);
}

static void
convene_project_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ConveneProjectView *self = CONVENE_PROJECT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_project_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ConveneProjectView *self = CONVENE_PROJECT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      convene_project_view_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_project_view_class_init (ConveneProjectViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_project_view_dispose;
  object_class->get_property = convene_project_view_get_property;
  object_class->set_property = convene_project_view_set_property;
  widget_class->map = convene_project_view_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CONVENE_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CONVENE_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CONVENE_TYPE_ROSTER_VIEW);
  g_type_ensure (CONVENE_TYPE_DATE_ENTRY);
  g_type_ensure (CONVENE_TYPE_TIME_ZONE_ROW);
  g_type_ensure (CONVENE_TYPE_TIMELINE_VIEW);
  g_type_ensure (CONVENE_TYPE_SESSION_WARNINGS);
  g_type_ensure (CONVENE_TYPE_ASSIGNMENT_LIST);
  g_type_ensure (CONVENE_TYPE_OUTCOMES_VIEW);
  g_type_ensure (CONVENE_TYPE_OUTCOMES_SUMMARY);
  g_type_ensure (CONVENE_TYPE_ROW_LAYOUT);
  g_type_ensure (CONVENE_TYPE_FIELD_ROW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/convene-project-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, content);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, details_list);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, details_row);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, people_row);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, people_count_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, people_page);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, sessions_view);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, no_sessions_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, back_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, content_title);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, remove_session_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, details_page);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, session_group);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, session_title_row);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, date_entry);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, start_row);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, room_row);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, slot_spin);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, step_spin);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, timeline);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, session_stack);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, session_switcher);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, header_squeezer);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, title_with_tabs);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, title_beside_tabs);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, session_warnings);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, session_roles);
  gtk_widget_class_bind_template_child (widget_class, ConveneProjectView, outcomes_page);

  gtk_widget_class_install_action (widget_class, "project.back", NULL, back_activated);
}

static void
convene_project_view_init (ConveneProjectView *self)
{
  g_autoptr(GtkListItemFactory) session_factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->document_signals = g_signal_group_new (CONVENE_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (document_changed), self,
                                 G_CONNECT_SWAPPED);

  g_signal_connect (session_factory, "setup", G_CALLBACK (session_row_setup), self);
  g_signal_connect (session_factory, "bind", G_CALLBACK (session_row_bind), self);
  g_signal_connect (session_factory, "unbind", G_CALLBACK (session_row_unbind), self);
  gtk_grid_view_set_factory (self->sessions_view, session_factory);

  /* Alt+Up / Alt+Down move the session whose row has the keyboard; Ctrl+D
   * duplicates it (as Ctrl+D duplicates a segment in the timeline). */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();
    const struct { guint key; int delta; } keys[] = {
      { GDK_KEY_Up, -1 }, { GDK_KEY_KP_Up, -1 }, { GDK_KEY_Down, 1 }, { GDK_KEY_KP_Down, 1 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, GDK_ALT_MASK),
                                                  gtk_callback_action_new (move_shortcut, self, NULL));

        gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (keys[i].delta));
        gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
      }
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_d, GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (duplicate_shortcut, self, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self->sessions_view), shortcuts);
  }

  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    if (!entry_fields[i].on_project)
      connect_entry_row (self, field_row (self, &entry_fields[i]));
  g_signal_connect (self->slot_spin, "value-changed", G_CALLBACK (session_number_changed), self);
  g_signal_connect (self->step_spin, "value-changed", G_CALLBACK (session_number_changed), self);
  g_signal_connect (self->date_entry, "date-chosen", G_CALLBACK (date_chosen), self);
  convene_date_entry_set_title (self->date_entry, _("Date of the session"));
  g_signal_connect_object (self->session_warnings, "segment-activated",
                           G_CALLBACK (warning_segment_activated), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->header_squeezer, "notify::visible-child",
                           G_CALLBACK (header_squeezer_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->content_stack, "notify::visible-child-name",
                           G_CALLBACK (content_page_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session_stack, "notify::visible-child-name",
                           G_CALLBACK (session_page_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details_list, "row-activated", G_CALLBACK (details_activated),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details_list, "row-selected", G_CALLBACK (details_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self->sessions_view, "activate", G_CALLBACK (session_activated), self);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (leaflet_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child", G_CALLBACK (leaflet_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::child-transition-running",
                           G_CALLBACK (leaflet_changed), self, G_CONNECT_SWAPPED);

  update_content_title (self);
  gtk_widget_set_visible (self->remove_session_button, FALSE);
  header_squeezer_changed (self);
}
