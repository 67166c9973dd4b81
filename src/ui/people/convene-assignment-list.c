/* convene-assignment-list.c: see the header. */
#define G_LOG_DOMAIN "convene-assignment-list"

#include "config.h"

#include <glib/gi18n.h>

#include "convene-assignment-list.h"
#include "convene-edits.h"
#include "convene-clock.h"
#include "convene-expander-row.h"
#include "convene-field-row.h"
#include "convene-person-row.h"
#include "convene-row-layout.h"
#include "convene-ui-util.h"
#include "convene-warnings.h"

struct _ConveneAssignmentList
{
  GtkWidget          parent_instance;

  /* children */
  AdwPreferencesGroup *group;
  GtkListBox        *list;
  GtkWidget         *empty_row;
  GtkWidget         *empty_icon;
  ConveneExpanderRow *add_row;
  GtkSearchEntry    *person_search;
  GtkDropDown       *person_dropdown;
  AdwComboRow       *role_row;
  AdwActionRow      *confirm_row;

  /* owned */
  ConveneDocument   *document;
  ConveneSession    *session;
  ConveneSegment    *segment;
  GSignalGroup *document_signals;  /* the document's change feed */
  GtkFilterListModel *people;     /* the project's people the search finds, */
  GtkSortListModel  *sorted_people; /* in the order chosen: the chooser's model */
  GtkCustomFilter   *people_filter;
  GtkSorter         *people_sorter;
  char              *person_query; /* what the search holds, or NULL */
  GPtrArray         *rows;        /* assignment rows, in order; borrowed */
  char              *shown_keys;  /* the assignments the rows show */
  int                focus_after; /* row index to focus after a rebuild, or -1 */
  gboolean           syncing;
  gboolean           stale;       /* edited while off screen */
};

G_DEFINE_FINAL_TYPE (ConveneAssignmentList, convene_assignment_list, GTK_TYPE_WIDGET)

static ConveneProject *
get_project (ConveneAssignmentList *self)
{
  return self->document != NULL ? convene_document_get_project (self->document) : NULL;
}

static gboolean
is_writable (ConveneAssignmentList *self)
{
  return convene_ui_is_writable (self->document);
}

/* Whether assignment puts someone on what this list shows. */
static gboolean
is_ours (ConveneAssignmentList *self,
         ConveneAssignment     *assignment)
{
  if (self->segment != NULL)
    return convene_assignment_get_segment_id (assignment) == convene_segment_get_id (self->segment);
  return convene_assignment_get_segment_id (assignment) == 0 &&
         convene_assignment_get_session_id (assignment) == convene_session_get_id (self->session);
}

/* Whether the target still exists: after an undo it may be gone. */
static gboolean
target_exists (ConveneAssignmentList *self)
{
  ConveneProject *project = get_project (self);
  ConveneSession *found_session = NULL;

  if (project == NULL || self->session == NULL)
    return FALSE;
  if (self->segment == NULL)
    return convene_project_find_session (project, convene_session_get_id (self->session)) == self->session;
  return convene_project_find_segment (project, convene_segment_get_id (self->segment), &found_session) ==
         self->segment;
}

/* The role a person most likely takes here; the timeline's drop suggests the same. */
static ConveneRole
suggested_role (ConveneAssignmentList *self)
{
  ConveneSegment *parent = NULL;

  if (self->segment == NULL || self->session == NULL)
    return CONVENE_ROLE_MODERATOR;
  convene_session_locate_segment (self->session, convene_segment_get_id (self->segment), NULL, NULL, &parent);
  return convene_role_suggest (convene_segment_get_kind (self->segment),
                               parent != NULL && convene_segment_get_kind (parent) == CONVENE_SEGMENT_KIND_PANEL);
}

static GtkStringList *
role_labels (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < CONVENE_N_ROLES; i++)
    gtk_string_list_append (labels, convene_role_get_label (i));
  return labels;
}

static ConveneAssignment *
find_assignment (ConveneAssignmentList *self,
                 gint64                 id)
{
  ConveneProject *project = get_project (self);
  GListModel *assignments;

  if (project == NULL)
    return NULL;
  assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);

      if (convene_assignment_get_id (assignment) == id)
        return assignment;  /* the project's list keeps it alive */
    }
  return NULL;
}

/* One row per assignment */

static void
role_selected (GtkDropDown           *dropdown,
               GParamSpec            *pspec,
               ConveneAssignmentList *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (dropdown), GTK_TYPE_LIST_BOX_ROW);
  ConveneAssignment *assignment = g_object_get_data (G_OBJECT (row), "assignment");
  guint selected = gtk_drop_down_get_selected (dropdown);
  GError *error = NULL;
  ConveneCommand *command;

  if (self->syncing || assignment == NULL || selected >= CONVENE_N_ROLES ||
      (ConveneRole) selected == convene_assignment_get_role (assignment))
    return;
  if (!is_writable (self))
    {
      gtk_drop_down_set_selected (dropdown, convene_assignment_get_role (assignment));
      return;
    }
  command = convene_edit_set_assignment_role (assignment, selected, &error);
  if (!convene_ui_perform (GTK_WIDGET (self), self->document, command, error))
    {
      self->syncing = TRUE;
      gtk_drop_down_set_selected (dropdown, convene_assignment_get_role (assignment));
      self->syncing = FALSE;
    }
}

static GtkWidget *
badge (const char *text,
       const char *style,
       const char *sentences)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "status-pill");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, style);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (label, sentences);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, sentences, -1);
  return label;
}

/* Brings a row up to date with its assignment, its person and warnings. */
static void
update_row (ConveneAssignmentList *self,
            GtkWidget             *row,
            GPtrArray             *warnings)
{
  ConveneAssignment *assignment = g_object_get_data (G_OBJECT (row), "assignment");
  ConveneSpeaker *speaker = convene_project_find_speaker (get_project (self),
                                                          convene_assignment_get_speaker_id (assignment));
  AdwAvatar *avatar = g_object_get_data (G_OBJECT (row), "avatar");
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (row), "role");
  GtkWidget *remove = g_object_get_data (G_OBJECT (row), "remove");
  GtkWidget *badges = g_object_get_data (G_OBJECT (row), "badges");
  g_autofree char *display = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GString) tbc = g_string_new (NULL);
  g_autoptr(GString) declined = g_string_new (NULL);
  g_autoptr(GString) conflicts = g_string_new (NULL);
  GtkWidget *child;

  if (speaker != NULL)
    {
      const char *job = convene_speaker_get_job_title (speaker);
      const char *organisation = convene_speaker_get_organisation (speaker);

      display = convene_speaker_dup_display_name (speaker);
      adw_avatar_set_text (avatar, *convene_speaker_get_name (speaker) != '\0'
                                   ? convene_speaker_get_name (speaker) : display);
      if (*job != '\0' && *organisation != '\0')
        /* Translators: a person's job title and organisation. */
        g_string_append_printf (subtitle, _("%s · %s"), job, organisation);
      else
        g_string_append (subtitle, *job != '\0' ? job : organisation);
    }
  else
    /* Translators: an assignment whose person is no longer on the roster. */
    display = g_strdup (_("Unknown Person"));
  if (*display == '\0')
    {
      g_free (display);
      display = g_strdup (_("Unnamed Person"));
    }

  for (guint i = 0; i < warnings->len; i++)
    {
      const ConveneWarning *warning = g_ptr_array_index (warnings, i);
      GString *into;

      if (warning->assignment_id == convene_assignment_get_id (assignment))
        into = warning->kind == CONVENE_WARNING_KIND_DECLINED_ASSIGNED ? declined : tbc;
      else if (warning->kind == CONVENE_WARNING_KIND_CONFLICT &&
               warning->speaker_id == convene_assignment_get_speaker_id (assignment))
        into = conflicts;
      else
        continue;
      if (into->len > 0)
        g_string_append_c (into, '\n');
      g_string_append (into, warning->message);
    }
  /* A problem to act on is spelt out; "to confirm" is a tag. */
  if (declined->len > 0)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "", declined->str);
  if (conflicts->len > 0)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "", conflicts->str);

  convene_ui_label_set_user_text (g_object_get_data (G_OBJECT (row), "name"), display);
  convene_ui_label_set_user_text (g_object_get_data (G_OBJECT (row), "detail"), subtitle->str);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "detail"), subtitle->len > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, display,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle->str, -1);

  while ((child = gtk_widget_get_first_child (badges)) != NULL)
    gtk_box_remove (GTK_BOX (badges), child);
  if (tbc->len > 0)
    gtk_box_append (GTK_BOX (badges), badge (convene_warning_kind_get_label (CONVENE_WARNING_KIND_TBC),
                                             "tentative", tbc->str));
  if (declined->len > 0)
    gtk_box_append (GTK_BOX (badges),
                    badge (convene_warning_kind_get_label (CONVENE_WARNING_KIND_DECLINED_ASSIGNED),
                           "declined", declined->str));
  if (conflicts->len > 0)
    gtk_box_append (GTK_BOX (badges), badge (convene_warning_kind_get_label (CONVENE_WARNING_KIND_CONFLICT),
                                             "declined", conflicts->str));
  gtk_widget_set_visible (badges, tbc->len + declined->len + conflicts->len > 0);

  self->syncing = TRUE;
  if (gtk_drop_down_get_selected (dropdown) != convene_assignment_get_role (assignment))
    gtk_drop_down_set_selected (dropdown, convene_assignment_get_role (assignment));
  self->syncing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (dropdown), is_writable (self));

  /* Translators: accessible name of the role choice of the person named. */
  label = g_strdup_printf (_("Role of %s"), display);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_free (label);
  label = g_strdup_printf (self->segment != NULL
                           /* Translators: tooltip of the button taking the person named off a segment. */
                           ? _("Remove %s From This Segment")
                           /* Translators: tooltip of the button taking a session-level role away. */
                           : _("Remove %s From the Session Roles"),
                           display);
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* A person on stage: avatar, name and warning tags, job and organisation,
 * then the role and the remove button on a line of their own, so the row
 * reads the same in the narrow column beside the timeline and on the
 * session page. */
static GtkWidget *
assignment_row (ConveneAssignmentList *self,
                ConveneAssignment     *assignment)
{
  g_autoptr(GtkStringList) roles = role_labels ();
  GtkWidget *row = gtk_list_box_row_new ();
  /* Row layouts, not horizontal boxes: the name and detail wrap, and a box
   * would lay them out at a dozen widths (see convene-row-layout.h). */
  GtkWidget *box = convene_row_layout_box_new (12);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = convene_row_layout_box_new (6);
  GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *avatar = adw_avatar_new (32, NULL, TRUE);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&roles)), NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "assignment-row");
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_widget_set_valign (avatar, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (avatar), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (box), avatar);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (box), column);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (name, "assignment-name");
  gtk_box_append (GTK_BOX (heading), name);
  gtk_widget_set_valign (badges, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (heading), badges);
  gtk_box_append (GTK_BOX (column), heading);

  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (detail), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "assignment-detail");
  gtk_box_append (GTK_BOX (column), detail);

  gtk_widget_set_margin_top (controls, 6);
  gtk_widget_set_hexpand (dropdown, TRUE);
  gtk_widget_set_halign (dropdown, GTK_ALIGN_START);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), convene_assignment_get_role (assignment));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (role_selected), self, 0);
  gtk_box_append (GTK_BOX (controls), dropdown);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "assignment-remove");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "assignments.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", convene_assignment_get_id (assignment));
  gtk_box_append (GTK_BOX (controls), remove);
  gtk_box_append (GTK_BOX (column), controls);

  g_object_set_data_full (G_OBJECT (row), "assignment", g_object_ref (assignment), g_object_unref);
  g_object_set_data (G_OBJECT (row), "avatar", avatar);
  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "detail", detail);
  g_object_set_data (G_OBJECT (row), "badges", badges);
  g_object_set_data (G_OBJECT (row), "role", dropdown);
  g_object_set_data (G_OBJECT (row), "remove", remove);
  return row;
}

/* Keeping up with the model */

/* Whether "Add Person" has been opened and its rows built (build_add_rows()
 * makes the confirming row last). */
static gboolean
add_rows_built (ConveneAssignmentList *self)
{
  return self->confirm_row != NULL;
}

static void
update_confirm_row (ConveneAssignmentList *self)
{
  ConveneSpeaker *speaker;
  guint role;
  g_autofree char *display = NULL;
  g_autofree char *title = NULL;

  if (!add_rows_built (self))
    return;
  speaker = gtk_drop_down_get_selected_item (self->person_dropdown);
  role = adw_combo_row_get_selected (self->role_row);
  if (speaker == NULL || role >= CONVENE_N_ROLES)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->confirm_row), _("Add"));
      return;
    }
  {
    g_autofree char *full = convene_speaker_dup_display_name (speaker);

    display = convene_ui_dup_shown_text (full);
  }
  /* Translators: the row that assigns the chosen person in the chosen role. */
  title = g_strdup_printf (_("Add %s as %s"), display, convene_role_get_label (role));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->confirm_row), title);
}

static void
refresh (ConveneAssignmentList *self)
{
  ConveneProject *project = get_project (self);
  g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GString) keys = g_string_new (NULL);
  gboolean use_12h = convene_clock_get_use_12h (convene_clock_get_default ());
  GPtrArray *assignments;
  gboolean has_people;
  const char *unstaffed = NULL;

  if (!target_exists (self))
    {
      for (guint i = 0; i < self->rows->len; i++)
        gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
      g_ptr_array_set_size (self->rows, 0);
      g_clear_pointer (&self->shown_keys, g_free);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);

  /* The document's index of who is where, in the project's order. */
  assignments = convene_document_get_assignments_on (self->document,
                                                     self->segment != NULL ? convene_segment_get_id (self->segment) : 0,
                                                     self->segment != NULL ? 0 : convene_session_get_id (self->session));
  for (guint i = 0; i < assignments->len; i++)
    {
      ConveneAssignment *assignment = g_ptr_array_index (assignments, i);

      g_string_append_printf (keys, "%" G_GINT64_FORMAT ",", convene_assignment_get_id (assignment));
      g_ptr_array_add (mine, g_object_ref (assignment));
    }

  /* A segment's warnings are among its session's. */
  if (self->segment != NULL)
    warnings = convene_warnings_filter (convene_document_get_session_warnings (self->document, self->session,
                                                                               use_12h),
                                        0, convene_segment_get_id (self->segment), 0);
  else
    {
      gint64 session_id = convene_session_get_id (self->session);

      /* Only those about the session's own roles, not its segments'. */
      warnings = convene_warnings_filter (convene_document_get_session_warnings (self->document, self->session,
                                                                                 use_12h),
                                          session_id, 0, 0);
      for (guint i = warnings->len; i > 0; i--)
        {
          const ConveneWarning *warning = g_ptr_array_index (warnings, i - 1);
          gboolean whole = (warning->session_id == session_id && warning->segment_id == 0) ||
                           (warning->other_session_id == session_id && warning->other_segment_id == 0);

          if (!whole || warning->kind == CONVENE_WARNING_KIND_UNSTAFFED)
            g_ptr_array_remove_index (warnings, i - 1);
        }
    }

  if (g_strcmp0 (keys->str, self->shown_keys) != 0)
    {
      for (guint i = 0; i < self->rows->len; i++)
        gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
      g_ptr_array_set_size (self->rows, 0);
      for (guint i = 0; i < mine->len; i++)
        {
          GtkWidget *row = assignment_row (self, g_ptr_array_index (mine, i));

          gtk_list_box_insert (self->list, row, (int) i);
          g_ptr_array_add (self->rows, row);
        }
      g_free (self->shown_keys);
      self->shown_keys = g_string_free (g_steal_pointer (&keys), FALSE);
    }
  for (guint i = 0; i < self->rows->len; i++)
    update_row (self, g_ptr_array_index (self->rows, i), warnings);

  /* After a removal the keyboard stays where the removed row was. */
  if (self->focus_after >= 0)
    {
      if (self->rows->len > 0)
        {
          GtkWidget *row = g_ptr_array_index (self->rows, MIN ((guint) self->focus_after, self->rows->len - 1));

          gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "remove"));
        }
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
      self->focus_after = -1;
    }

  for (guint i = 0; i < warnings->len; i++)
    {
      const ConveneWarning *warning = g_ptr_array_index (warnings, i);

      if (warning->kind == CONVENE_WARNING_KIND_UNSTAFFED)
        unstaffed = warning->message;
    }
  gtk_widget_set_visible (self->empty_row, self->rows->len == 0);
  convene_field_row_set_subtitle (CONVENE_FIELD_ROW (self->empty_row),
                                  unstaffed != NULL ? unstaffed
                                  : self->segment != NULL ? _("Add a person below, or drag one from the People list onto the segment")
                                  : _("Add the session's moderator or chair below"));
  gtk_widget_set_visible (self->empty_icon, unstaffed != NULL);

  /* A read-only project shows its people but offers no changes. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assignments.add", is_writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assignments.remove", is_writable (self));
  has_people = g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project))) > 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_row), has_people && is_writable (self));
  convene_expander_row_set_subtitle (self->add_row,
                                     !has_people ? _("Add people on the People page first")
                                     : self->segment != NULL ? _("Choose a person and their role on this segment")
                                     : _("Choose a person and their role in the whole session"));
  update_confirm_row (self);
}

/* The chooser starts on the first person not yet here. */
static void
choose_unassigned_person (ConveneAssignmentList *self)
{
  ConveneProject *project = get_project (self);
  g_autoptr(GHashTable) here = NULL;
  GListModel *assignments;
  GListModel *people;

  if (project == NULL || !target_exists (self) || !add_rows_built (self))
    return;
  here = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);
      gint64 speaker_id = convene_assignment_get_speaker_id (assignment);

      if (is_ours (self, assignment))
        g_hash_table_add (here, g_memdup2 (&speaker_id, sizeof speaker_id));
    }
  /* In the chooser's order, among those the search finds. */
  people = G_LIST_MODEL (self->sorted_people);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (people, i);
      gint64 id = convene_speaker_get_id (speaker);

      if (!g_hash_table_contains (here, &id))
        {
          gtk_drop_down_set_selected (self->person_dropdown, i);
          return;
        }
    }
}

/* Actions */

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConveneAssignmentList *self = CONVENE_ASSIGNMENT_LIST (widget);
  ConveneProject *project = get_project (self);
  ConveneSpeaker *speaker;
  guint role;
  g_autoptr(ConveneAssignment) assignment = NULL;
  GListModel *assignments;

  if (!add_rows_built (self))
    return;
  speaker = gtk_drop_down_get_selected_item (self->person_dropdown);
  role = adw_combo_row_get_selected (self->role_row);
  if (!is_writable (self) || !target_exists (self) || speaker == NULL || role >= CONVENE_N_ROLES)
    return;

  assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) existing = g_list_model_get_item (assignments, i);

      if (is_ours (self, existing) && convene_assignment_get_role (existing) == role &&
          convene_assignment_get_speaker_id (existing) == convene_speaker_get_id (speaker))
        {
          g_autofree char *display = convene_speaker_dup_display_name (speaker);
          g_autofree char *message =
            /* Translators: a person and a role, when that person already has that role here. */
            g_strdup_printf (_("%s is already here as %s"), display, convene_role_get_label (role));

          g_autofree char *escaped = g_markup_escape_text (message, -1);

          convene_ui_show_toast (GTK_WIDGET (self), adw_toast_new (escaped));
          return;
        }
    }

  if (self->segment != NULL)
    assignment = convene_assignment_new_for_segment (convene_project_new_id (project),
                                                     convene_speaker_get_id (speaker),
                                                     convene_segment_get_id (self->segment), role);
  else
    assignment = convene_assignment_new_for_session (convene_project_new_id (project),
                                                     convene_speaker_get_id (speaker),
                                                     convene_session_get_id (self->session), role);
  convene_ui_perform (GTK_WIDGET (self), self->document, convene_edit_add_assignment (project, assignment), NULL);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConveneAssignmentList *self = CONVENE_ASSIGNMENT_LIST (widget);
  ConveneAssignment *assignment = find_assignment (self, g_variant_get_int64 (parameter));
  g_autoptr(ConveneAssignment) held = NULL;
  ConveneSpeaker *speaker;
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;
  int index = -1;

  if (assignment == NULL || !is_writable (self) || !is_ours (self, assignment))
    return;
  held = g_object_ref (assignment);
  speaker = convene_project_find_speaker (get_project (self), convene_assignment_get_speaker_id (assignment));
  display = speaker != NULL ? convene_speaker_dup_display_name (speaker) : g_strdup (_("Unknown Person"));
  for (guint i = 0; i < self->rows->len; i++)
    if (g_object_get_data (g_ptr_array_index (self->rows, i), "assignment") == assignment)
      index = (int) i;

  if (!convene_ui_perform (GTK_WIDGET (self), self->document,
                           convene_edit_remove_assignment (get_project (self), assignment), NULL))
    return;
  self->focus_after = index >= 0 ? index : 0;
  message = g_strdup_printf (self->segment != NULL
                             /* Translators: toast after taking the person named off a segment. */
                             ? _("%s removed from this segment")
                             /* Translators: toast after taking a session-level role away. */
                             : _("%s removed from the session roles"),
                             display);
  convene_ui_show_undo_toast (GTK_WIDGET (self), self->document, message);
}

/* The person chooser */

static void
person_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  with_detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), name);
  if (with_detail != NULL)
    {
      GtkWidget *detail = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (detail), 0);
      gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (detail, "caption");
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_box_append (GTK_BOX (box), detail);
    }
  gtk_list_item_set_child (item, box);
}

static void
person_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  with_detail)
{
  ConveneSpeaker *speaker = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  g_autofree char *display = convene_speaker_dup_display_name (speaker);

  convene_ui_label_set_user_text (GTK_LABEL (name), *display != '\0' ? display : _("Unnamed Person"));
  if (with_detail != NULL)
    {
      GtkWidget *detail = gtk_widget_get_next_sibling (name);
      const char *organisation = convene_speaker_get_organisation (speaker);

      convene_ui_label_set_user_text (GTK_LABEL (detail), organisation);
      gtk_widget_set_visible (detail, *organisation != '\0');
    }
}

static GtkListItemFactory *
person_factory (gboolean with_detail)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (person_setup), GINT_TO_POINTER (with_detail));
  g_signal_connect (factory, "bind", G_CALLBACK (person_bind), GINT_TO_POINTER (with_detail));
  return factory;
}

/* Add Person's search: the one rule of every people search. */
static gboolean
person_found (gpointer item,
              gpointer data)
{
  ConveneAssignmentList *self = data;

  return convene_speaker_matches (item, self->person_query);
}

static void
person_search_changed (ConveneAssignmentList *self)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->person_search))));

  g_clear_pointer (&self->person_query, g_free);
  if (stripped[0] != '\0')
    self->person_query = g_steal_pointer (&stripped);
  gtk_filter_changed (GTK_FILTER (self->people_filter), GTK_FILTER_CHANGE_DIFFERENT);
  choose_unassigned_person (self);
}

/* Enter in the search: on to the role, the person chosen. */
static void
person_search_activated (ConveneAssignmentList *self)
{
  if (gtk_drop_down_get_selected_item (self->person_dropdown) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->role_row));
}

/* The rows that choose whom to add, in which role, are built when the
 * planner first opens "Add Person": most lists are only read. */
static void
build_add_rows (ConveneAssignmentList *self)
{
  g_autoptr(GtkStringList) roles = role_labels ();
  g_autoptr(GtkListItemFactory) button_factory = person_factory (FALSE);
  g_autoptr(GtkListItemFactory) list_factory = person_factory (TRUE);
  ConveneProject *project = get_project (self);
  GtkWidget *row;

  /* Finds people by any word of their name, organisation, job title or
   * e-mail, as the People page does (the chooser's own search would match
   * the start of the whole name only). */
  self->person_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->person_search, "placeholder-text", _("Search people"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->person_search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search people to add by name, organisation, job title or email"), -1);
  gtk_widget_set_margin_top (GTK_WIDGET (self->person_search), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->person_search), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->person_search), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->person_search), 12);
  g_signal_connect_object (self->person_search, "search-changed", G_CALLBACK (person_search_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->person_search, "activate", G_CALLBACK (person_search_activated), self,
                           G_CONNECT_SWAPPED);
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), GTK_WIDGET (self->person_search));
  convene_expander_row_add_row (self->add_row, row);

  row = adw_action_row_new ();
  /* Translators: the chooser of whom to assign. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), C_("assignment", "Person"));
  self->person_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_drop_down_set_factory (self->person_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->person_dropdown, list_factory);
  gtk_widget_set_valign (GTK_WIDGET (self->person_dropdown), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (self->person_dropdown), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->person_dropdown), GTK_ALIGN_END);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->person_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Person to add"), -1);
  g_signal_connect_object (self->person_dropdown, "notify::selected", G_CALLBACK (update_confirm_row), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->person_dropdown));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->person_dropdown));
  convene_expander_row_add_row (self->add_row, row);

  self->role_row = ADW_COMBO_ROW (adw_combo_row_new ());
  /* Translators: the chooser of the role a person takes. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->role_row), C_("assignment", "Role"));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  g_signal_connect_object (self->role_row, "notify::selected", G_CALLBACK (update_confirm_row), self,
                           G_CONNECT_SWAPPED);
  convene_expander_row_add_row (self->add_row, GTK_WIDGET (self->role_row));

  self->confirm_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->confirm_row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->confirm_row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->confirm_row), "assignments.add");
  gtk_widget_add_css_class (GTK_WIDGET (self->confirm_row), "assignment-confirm");
  {
    GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");

    gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
    gtk_widget_add_css_class (icon, "accent");
    adw_action_row_add_suffix (self->confirm_row, icon);
  }
  convene_expander_row_add_row (self->add_row, GTK_WIDGET (self->confirm_row));

  self->people_filter = gtk_custom_filter_new (person_found, self, NULL);
  self->people = gtk_filter_list_model_new (project != NULL ? g_object_ref (G_LIST_MODEL (convene_project_get_speakers (project)))
                                            : NULL,
                                            g_object_ref (GTK_FILTER (self->people_filter)));
  self->people_sorter = convene_ui_new_people_sorter ();
  self->sorted_people = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->people)),
                                                 g_object_ref (self->people_sorter));
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (self->sorted_people));
  adw_combo_row_set_selected (self->role_row, suggested_role (self));
  choose_unassigned_person (self);
  update_confirm_row (self);
}

static void
add_row_expanded (ConveneAssignmentList *self)
{
  if (!add_rows_built (self) && convene_expander_row_get_expanded (self->add_row))
    build_add_rows (self);
}

static void
build (ConveneAssignmentList *self)
{
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->group), GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_preferences_group_add (self->group, GTK_WIDGET (self->list));

  /* On screen from the first frame beside the timeline: see
   * convene-field-row.h. */
  self->empty_row = convene_field_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _("Nobody Assigned Yet"));
  self->empty_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->empty_icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->empty_icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
  convene_field_row_add_prefix (CONVENE_FIELD_ROW (self->empty_row), self->empty_icon);
  gtk_list_box_append (self->list, self->empty_row);

  self->add_row = CONVENE_EXPANDER_ROW (convene_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), C_("button", "Add Person"));
  gtk_list_box_append (self->list, GTK_WIDGET (self->add_row));
  {
    GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");

    gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
    convene_expander_row_add_prefix (self->add_row, icon);
  }

  g_signal_connect_object (self->add_row, "notify::expanded", G_CALLBACK (add_row_expanded), self,
                           G_CONNECT_SWAPPED);
}

static void
convene_assignment_list_dispose (GObject *object)
{
  ConveneAssignmentList *self = CONVENE_ASSIGNMENT_LIST (object);
  GtkWidget *child;

  g_clear_object (&self->document_signals);
  g_clear_object (&self->document);
  g_clear_object (&self->session);
  g_clear_object (&self->segment);
  g_clear_pointer (&self->shown_keys, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->person_query, g_free);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->sorted_people);
  g_clear_object (&self->people);
  g_clear_object (&self->people_filter);
  g_clear_object (&self->people_sorter);
  G_OBJECT_CLASS (convene_assignment_list_parent_class)->dispose (object);
}

static void
convene_assignment_list_class_init (ConveneAssignmentListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = convene_assignment_list_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "assignmentlist");

  gtk_widget_class_install_action (widget_class, "assignments.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "assignments.remove", "x", remove_activated);
}

/* Every edit can change who is where and their warnings, and a refresh
 * words every row's warnings again: a list off screen (another
 * segment's tab, a page not shown) catches up when it is shown again. */
static void
refresh_after_frame (GtkWidget *widget)
{
  refresh (CONVENE_ASSIGNMENT_LIST (widget));
}

static void
document_changed (ConveneAssignmentList *self,
                  ConveneChanges        *changes)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) && gtk_widget_get_visible (GTK_WIDGET (self)))
    self->stale = TRUE;
  /* Segments lengthened or moved keep the same people: only the warnings
   * on their rows may change, worded after the frame showing the edit (the
   * session's warnings are computed anew for it). */
  else if (!convene_changes_has (changes, CONVENE_CHANGE_ALL & ~CONVENE_CHANGE_SEGMENTS) && target_exists (self))
    convene_ui_after_frame (GTK_WIDGET (self), refresh_after_frame);
  else
    refresh (self);
}

static void
list_mapped (ConveneAssignmentList *self)
{
  if (self->stale)
    {
      self->stale = FALSE;
      refresh (self);
    }
}

static void
convene_assignment_list_init (ConveneAssignmentList *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->rows = g_ptr_array_new ();
  self->focus_after = -1;
  self->document_signals = g_signal_group_new (CONVENE_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (document_changed), self,
                                 G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (list_mapped), NULL);
  g_signal_connect_object (convene_clock_get_default (), "notify::use-12h", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  build (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
convene_assignment_list_new (void)
{
  return g_object_new (CONVENE_TYPE_ASSIGNMENT_LIST, NULL);
}

void
convene_assignment_list_set_target (ConveneAssignmentList *self,
                                    ConveneDocument       *document,
                                    ConveneSession        *session,
                                    ConveneSegment        *segment)
{
  ConveneProject *project;
  gboolean same_project;

  g_return_if_fail (CONVENE_IS_ASSIGNMENT_LIST (self));
  g_return_if_fail (document == NULL || CONVENE_IS_DOCUMENT (document));
  g_return_if_fail (session == NULL || CONVENE_IS_SESSION (session));
  g_return_if_fail (segment == NULL || CONVENE_IS_SEGMENT (segment));

  if (self->document == document && self->session == session && self->segment == segment)
    return;

  project = document != NULL ? convene_document_get_project (document) : NULL;
  same_project = self->document != NULL && project == convene_document_get_project (self->document);
  g_set_object (&self->document, document);
  g_set_object (&self->session, session);
  g_set_object (&self->segment, segment);
  g_clear_pointer (&self->shown_keys, g_free);
  self->focus_after = -1;

  adw_preferences_group_set_title (self->group, segment != NULL ? _("People on This Segment") : _("Session Roles"));
  adw_preferences_group_set_description (self->group, segment != NULL ? NULL
                                         : _("Moderators and chairs of the whole session"));
  if (!same_project)
    {
      if (add_rows_built (self))
        gtk_filter_list_model_set_model (self->people,
                                         project != NULL ? G_LIST_MODEL (convene_project_get_speakers (project)) : NULL);
      g_signal_group_set_target (self->document_signals, self->document);
    }
  if (add_rows_built (self))
    adw_combo_row_set_selected (self->role_row, suggested_role (self));
  convene_expander_row_set_expanded (self->add_row, FALSE);
  refresh (self);
  choose_unassigned_person (self);
}
