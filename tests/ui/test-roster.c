#define G_LOG_DOMAIN "convene-test-roster"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "convene-document.h"
#include "convene-icons.h"
#include "convene-person-row.h"
#include "convene-roster-view.h"
#include "convene-warnings.h"
#include "convene-window.h"
#include "ui-test-support.h"

static char *tmp_dir;

/* The person rows the list has on screen. */
static void
collect_rows (GtkWidget *root,
              GPtrArray *rows)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (CONVENE_IS_PERSON_ROW (root) && convene_person_row_get_speaker (CONVENE_PERSON_ROW (root)) != NULL)
    g_ptr_array_add (rows, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static guint
n_visible_rows (GtkWidget *people_view)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (people_view, rows);
  return rows->len;
}

typedef struct {
  GtkWidget *people_view;
  guint      n;
} RowsWait;

static gboolean
rows_are_shown (gpointer data)
{
  RowsWait *wait = data;

  return n_visible_rows (wait->people_view) == wait->n;
}

static void
wait_for_rows (GtkWidget *people_view,
               guint      n)
{
  RowsWait wait = { people_view, n };
  g_autofree char *what = g_strdup_printf ("%u person rows", n);

  wait_until (rows_are_shown, &wait, what);
}

static guint
n_people (ConveneProject *project)
{
  return g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project)));
}

static ConveneSpeaker *
person_at (ConveneProject *project,
           guint           position)
{
  g_autoptr(ConveneSpeaker) speaker =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_speakers (project)), position);

  return speaker;
}

/* Opens the People page from the sidebar, as the planner does. */
static ConveneRosterView *
open_roster (ConveneWindow *window)
{
  GtkWidget *people_row = require_widget (GTK_WIDGET (window), "people_row");
  GtkWidget *roster;

  /* Built when the page first shows. */
  g_assert_true (gtk_widget_activate (people_row));
  roster = first_of_type (GTK_WIDGET (window), CONVENE_TYPE_ROSTER_VIEW);
  g_assert_nonnull (roster);
  wait_until (widget_is_mapped, roster, "the roster to show");
  wait_until (at_rest, &(AtRest) { .widget = roster }, "the roster to slide in");
  return CONVENE_ROSTER_VIEW (roster);
}

static ConveneDocument *
create_document (const char *name,
                 GFile     **out_file)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  ConveneDocument *document;

  *out_file = g_file_new_for_path (path);
  document = convene_document_create (*out_file, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static gboolean
filter_has_one (gpointer data)
{
  return g_list_model_get_n_items (data) == 1;
}

static void
test_add_edit_search_delete (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ConveneDocument) document = create_document ("roster.convene", &file);
  g_autoptr(ConveneProject) on_disk = NULL;
  ConveneProject *project = convene_document_get_project (document);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneRosterView *roster = open_roster (window);
  GtkWidget *main_stack = require_widget (GTK_WIDGET (roster), "main_stack");
  GtkWidget *people_view = require_widget (GTK_WIDGET (roster), "people_view");
  GtkWidget *name_row = require_widget (GTK_WIDGET (roster), "name_row");
  GtkWidget *organisation_row = require_widget (GTK_WIDGET (roster), "organisation_row");
  GtkWidget *search_entry = require_widget (GTK_WIDGET (roster), "search_entry");
  GtkWidget *count_label = require_widget (GTK_WIDGET (window), "people_count_label");
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (people_view)));
  ConveneSpeaker *amina;

  /* An empty roster says what to do next. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (main_stack)), ==, "empty");
  wait_for_label (GTK_WIDGET (roster), "No People Yet");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (roster), "roster.add-person", NULL));
  g_assert_cmpuint (n_people (project), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (main_stack)), ==, "list");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "New Person");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count_label)), ==, "1");

  /* The name typed in the details reaches the model, the list and the file. */
  activate_entry (name_row, "Amina Diallo");
  amina = person_at (project, 0);
  g_assert_cmpstr (convene_speaker_get_name (amina), ==, "Amina Diallo");
  wait_for_label (people_view, "Amina Diallo");
  on_disk = load_file (file);
  g_assert_cmpuint (n_people (on_disk), ==, 1);
  g_assert_cmpstr (convene_speaker_get_name (person_at (on_disk, 0)), ==, "Amina Diallo");
  g_clear_object (&on_disk);

  /* A name nobody can read is refused and the field shows the name again. */
  activate_entry (name_row, "   ");
  g_assert_cmpstr (convene_speaker_get_name (amina), ==, "Amina Diallo");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Amina Diallo");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (roster), "roster.add-person", NULL));
  activate_entry (name_row, "Pierre Martin");
  activate_entry (organisation_row, "World Health Organization");
  g_assert_cmpstr (convene_speaker_get_organisation (person_at (project, 1)), ==,
                   "World Health Organization");
  wait_for_label (people_view, "World Health Organization");
  wait_for_rows (people_view, 2);

  /* The search matches organisations too, ignoring case. */
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "health org");
  wait_until (filter_has_one, shown, "the search to leave one person");
  wait_for_rows (people_view, 1);
  wait_for_label (people_view, "Pierre Martin");
  g_assert_false (shows_label (people_view, "Amina Diallo"));
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "nobody at all");
  wait_for_label (GTK_WIDGET (roster), "No Matches");
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "");
  wait_for_rows (people_view, 2);

  /* Removing a person can be undone, in the model and the file. */
  convene_roster_view_select_speaker (roster, amina);
  g_assert_true (convene_roster_view_get_selected (roster) == amina);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (roster), "roster.remove-person", NULL));
  g_assert_cmpuint (n_people (project), ==, 1);
  wait_for_rows (people_view, 1);
  on_disk = load_file (file);
  g_assert_cmpuint (n_people (on_disk), ==, 1);
  g_clear_object (&on_disk);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (n_people (project), ==, 2);
  wait_for_rows (people_view, 2);
  wait_for_label (people_view, "Amina Diallo");
  on_disk = load_file (file);
  g_assert_cmpuint (n_people (on_disk), ==, 2);
  g_assert_cmpstr (convene_speaker_get_name (person_at (on_disk, 0)), ==, "Amina Diallo");

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
close_message_dialogs (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        {
          gtk_window_destroy (l->data);
          n++;
        }
    }
  g_assert_cmpuint (n, ==, 1);
  wait_until (nothing_pending, NULL, "the dialog's clean-up");
}

/* A Condition: the list box has a first row. */
static gboolean
has_first_row (gpointer data)
{
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (data), 0) != NULL;
}

static gboolean
import_is_over (gpointer roster)
{
  return !convene_roster_view_get_importing (roster);
}

/* Imports file as the file chooser's Import does and waits until the
 * import is over, one way or the other. */
static void
import_and_wait (ConveneRosterView *roster,
                 GFile             *file)
{
  convene_roster_view_import_file (roster, file);
  g_assert_true (convene_roster_view_get_importing (roster));
  wait_until (import_is_over, roster, "the import to end");
}

static void
test_csv (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ConveneDocument) document = create_document ("csv.convene", &file);
  g_autoptr(GFile) good = write_file ("good.csv",
                                      "Title,First name,Last name,Organisation,Status\n"
                                      "Dr,Amina,Diallo,WHO,confirmed\n"
                                      "Ms,Ana,Lima,IOM,tentative\n"
                                      "Mr,Ken,Sato,\"Ministry of Health, Japan\",\n");
  g_autoptr(GFile) bad = write_file ("bad.csv",
                                     "Name,Organisation,Status\n"
                                     "Lena Berg,UNHCR,confirmed\n"
                                     ",IOM,invited\n"
                                     "Omar Haddad,WHO,maybe\n");
  g_autoptr(GFile) exported = NULL;
  g_autofree char *export_path = g_build_filename (tmp_dir, "people.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  ConveneProject *project = convene_document_get_project (document);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneRosterView *roster = open_roster (window);
  GtkWidget *people_view = require_widget (GTK_WIDGET (roster), "people_view");

  import_and_wait (roster, good);
  g_assert_cmpuint (n_people (project), ==, 3);
  g_assert_cmpstr (convene_speaker_get_organisation (person_at (project, 2)), ==, "Ministry of Health, Japan");
  g_assert_cmpint (convene_speaker_get_status (person_at (project, 1)), ==, CONVENE_SPEAKER_STATUS_TENTATIVE);
  wait_for_rows (people_view, 3);
  wait_for_label (people_view, "Dr Amina Diallo");

  /* Everyone came in as one step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (n_people (project), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (n_people (project), ==, 3);

  /* A file with bad lines adds no one and says which lines. */
  import_and_wait (roster, bad);
  g_assert_cmpuint (n_people (project), ==, 3);
  {
    g_autoptr(ConveneProject) on_disk = load_file (file);

    g_assert_cmpuint (n_people (on_disk), ==, 3);
  }
  close_message_dialogs ();

  /* Export writes the roster a spreadsheet reads back. */
  exported = g_file_new_for_path (export_path);
  g_assert_true (convene_roster_view_export_file (roster, exported));
  g_file_get_contents (export_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Honorific,Name,"));
  g_assert_nonnull (strstr (contents, "\"Ministry of Health, Japan\""));
  g_remove (export_path);

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
  g_file_delete (good, NULL, NULL);
  g_file_delete (bad, NULL, NULL);
}

typedef struct
{
  GtkProgressBar *bar;
  GtkLabel       *label;
} ImportBar;

/* Reading has come some way, or is over and the bar says who is added. */
static gboolean
reading_has_begun (gpointer data)
{
  ImportBar *bar = data;

  return gtk_progress_bar_get_fraction (bar->bar) > 0 ||
         g_str_has_prefix (gtk_label_get_text (bar->label), "Adding ");
}

static gboolean
can_undo (ConveneDocument *document)
{
  gboolean result;

  g_object_get (document, "can-undo", &result, NULL);
  return result;
}

/* A roster of thousands is read while the window goes on, with a bar and
 * Cancel; Cancel adds no one, in the window or the file; the import then
 * shows everyone and is one step to undo. */
static void
test_csv_large (void)
{
  enum { N = 20000 };
  g_autoptr(GFile) file = NULL;
  g_autoptr(ConveneDocument) document = create_document ("large.convene", &file);
  g_autoptr(GString) csv = g_string_new ("Name,Organisation,Email,Status\r\n");
  g_autoptr(GFile) big = NULL;
  ConveneProject *project = convene_document_get_project (document);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneRosterView *roster = open_roster (window);
  GtkWidget *people_view = require_widget (GTK_WIDGET (roster), "people_view");
  GtkWidget *revealer = require_widget (GTK_WIDGET (roster), "import_revealer");
  ImportBar bar = {
    GTK_PROGRESS_BAR (require_widget (GTK_WIDGET (roster), "import_progress")),
    GTK_LABEL (require_widget (GTK_WIDGET (roster), "import_label")),
  };
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (people_view)));

  for (guint i = 1; i <= N; i++)
    g_string_append_printf (csv, "Person %05u,\"Organisation %u, Geneva\",p%u@example.org,%s\r\n",
                            i, i % 97, i, i % 3 == 0 ? "confirmed" : "invited");
  big = write_file ("large.csv", csv->str);

  /* Cancel while it reads: the bar goes, no one comes, nothing to undo. */
  convene_roster_view_import_file (roster, big);
  g_assert_true (convene_roster_view_get_importing (roster));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (bar.label), "Reading “large.csv”"));
  wait_until (reading_has_begun, &bar, "the import bar to move");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (roster), "roster.cancel-import", NULL));
  g_assert_false (convene_roster_view_get_importing (roster));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_cmpuint (n_people (project), ==, 0);
  g_assert_false (can_undo (document));
  {
    g_autoptr(ConveneProject) on_disk = load_file (file);

    g_assert_cmpuint (n_people (on_disk), ==, 0);
  }

  /* Imported to the end: the list holds everyone and shows the last one. A
   * cancelled read that still added its people would make twice as many. */
  import_and_wait (roster, big);
  g_assert_cmpuint (n_people (project), ==, N);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  wait_for_label (people_view, "Person 00001");
  gtk_widget_activate_action (people_view, "list.scroll-to-item", "u", N - 1);
  wait_for_label (people_view, "Person 20000");
  {
    g_autoptr(ConveneProject) on_disk = load_file (file);

    g_assert_cmpuint (n_people (on_disk), ==, N);
  }

  /* One step to undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (n_people (project), ==, 0);
  g_assert_false (can_undo (document));

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
  g_file_delete (big, NULL, NULL);
}

/* The example, in a new file in the test's folder. */
static ConveneDocument *
create_example_file (GFile **out_file)
{
  g_autofree char *path = g_build_filename (tmp_dir, "example.convene", NULL);

  *out_file = g_file_new_for_path (path);
  return create_example (*out_file);
}

static ConvenePersonRow *
row_for (GtkWidget  *people_view,
         const char *name)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (people_view, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      ConvenePersonRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (convene_speaker_get_name (convene_person_row_get_speaker (row)), name))
        return row;
    }
  g_error ("no row for %s", name);
}

static GtkDragSource *
drag_source_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        return GTK_DRAG_SOURCE (controller);
    }
  return NULL;
}

static gboolean
warnings_are_counted (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static void
test_example_roster (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ConveneDocument) document = create_example_file (&file);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *summary_text = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  ConveneProject *project = convene_document_get_project (document);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneRosterView *roster = open_roster (window);
  GtkWidget *people_view = require_widget (GTK_WIDGET (roster), "people_view");
  GtkWidget *summary_label = require_widget (GTK_WIDGET (roster), "summary_label");
  GtkWidget *summary_icon = require_widget (GTK_WIDGET (roster), "summary_icon");
  ConveneWarningSummary summary;
  ConvenePersonRow *row;
  GtkDragSource *source;
  GdkContentProvider *content;

  /* The six panellists and two moderators, with organisations, all still to confirm. */
  g_assert_cmpuint (n_people (project), ==, 8);
  wait_for_rows (people_view, 8);
  wait_for_label (people_view, "Dr James Campbell");
  wait_for_label (people_view, "Chief Innovation Officer · Africa Health Placements, South Africa");
  wait_for_label (people_view, "MSF");
  wait_for_label (people_view, "Invited");

  /* Sorting by organisation, then back by name. */
  {
    GtkWidget *sort_dropdown = require_widget (GTK_WIDGET (roster), "sort_dropdown");
    GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (people_view)));
    g_autoptr(ConveneSpeaker) first = NULL;
    g_autoptr(ConveneSpeaker) last = NULL;

    gtk_drop_down_set_selected (GTK_DROP_DOWN (sort_dropdown), 2);
    first = g_list_model_get_item (shown, 0);
    last = g_list_model_get_item (shown, 7);
    g_assert_cmpstr (convene_speaker_get_name (first), ==, "Stacey Pillay");
    g_assert_cmpstr (convene_speaker_get_organisation (last), ==, "WHO");
    g_clear_object (&first);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (sort_dropdown), 0);
    first = g_list_model_get_item (shown, 0);
    g_assert_cmpstr (convene_speaker_get_name (first), ==, "Enrico Fos");
  }

  /* The programme's open warnings are counted above the list. */
  warnings = convene_warnings_for_project (project, FALSE);
  convene_warnings_summarize (warnings, &summary);
  g_assert_cmpuint (summary.by_kind[CONVENE_WARNING_KIND_TBC], >=, 8);
  summary_text = convene_warning_summary_describe (&summary);
  wait_until (warnings_are_counted, summary_icon, "the warnings summary");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (summary_label)), ==, summary_text);

  /* Each person on the programme shows their roles and a warning to confirm them. */
  row = row_for (people_view, "James Campbell");
  wait_for_label (GTK_WIDGET (row), "2 roles");
  {
    GtkWidget *icon = require_widget (GTK_WIDGET (row), "warning_icon");
    const char *tooltip;

    g_assert_true (gtk_widget_get_visible (icon));
    tooltip = gtk_widget_get_tooltip_text (icon);
    g_assert_nonnull (tooltip);
    g_assert_nonnull (strstr (tooltip, "James Campbell"));
  }

  /* A row is dragged as the person, what the timeline accepts. */
  source = drag_source_of (GTK_WIDGET (row));
  g_assert_nonnull (source);
  content = gtk_drag_source_get_content (source);
  g_assert_nonnull (content);
  g_value_init (&value, CONVENE_TYPE_SPEAKER);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_true (g_value_get_object (&value) == convene_person_row_get_speaker (row));

  /* The person's own schedule shows where they are due. */
  convene_roster_view_select_speaker (roster, convene_person_row_get_speaker (row));
  {
    GtkWidget *schedule_list = require_widget (GTK_WIDGET (roster), "schedule_list");

    wait_until (has_first_row, schedule_list, "the person's schedule");

    g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (schedule_list), 0));
    g_assert_true (ADW_IS_ACTION_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (schedule_list), 0)));
  }

  wait_for_label (require_widget (GTK_WIDGET (roster), "schedule_list"), "III. Moderated discussion");
  wait_for_label (require_widget (GTK_WIDGET (roster), "schedule_list"), "Moderator");

  /* Confirming the person through the status row clears their warnings. */
  {
    GtkWidget *status_row = require_widget (GTK_WIDGET (roster), "status_row");
    ConveneSpeaker *james = convene_person_row_get_speaker (row);
    g_autoptr(GPtrArray) after = NULL;
    g_autofree char *after_text = NULL;
    ConveneWarningSummary after_summary;

    adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), CONVENE_SPEAKER_STATUS_CONFIRMED);
    g_assert_cmpint (convene_speaker_get_status (james), ==, CONVENE_SPEAKER_STATUS_CONFIRMED);
    after = convene_warnings_for_project (project, FALSE);
    convene_warnings_summarize (after, &after_summary);
    g_assert_cmpuint (after_summary.by_kind[CONVENE_WARNING_KIND_TBC], ==,
                      summary.by_kind[CONVENE_WARNING_KIND_TBC] - 2);
    after_text = convene_warning_summary_describe (&after_summary);
    wait_for_label (summary_label, after_text);
    wait_for_label (people_view, "Confirmed");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_cmpint (convene_speaker_get_status (james), ==, CONVENE_SPEAKER_STATUS_INVITED);
    wait_for_label (summary_label, summary_text);
  }

  /* Choosing a warning in the list shows the person it is about. */
  {
    GtkWidget *warnings_list = require_widget (GTK_WIDGET (roster), "warnings_list");
    GtkListBoxRow *first;
    ConveneWarning *warning = g_ptr_array_index (warnings, 0);

    gtk_expander_set_expanded (GTK_EXPANDER (require_widget (GTK_WIDGET (roster), "warnings_expander")), TRUE);
    wait_until (has_first_row, warnings_list, "the roster's warnings");
    first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (warnings_list), 0);
    g_assert_nonnull (first);
    g_assert_cmpint (warning->speaker_id, !=, 0);
    g_signal_emit_by_name (warnings_list, "row-activated", first);
    g_assert_cmpint (convene_speaker_get_id (convene_roster_view_get_selected (roster)), ==,
                     warning->speaker_id);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (roster), "roster.search", NULL));
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (roster)));
      GtkWidget *search_entry = require_widget (GTK_WIDGET (roster), "search_entry");

      g_assert_nonnull (focus);
      g_assert_true (focus == search_entry || gtk_widget_is_ancestor (focus, search_entry));
    }
  }

  render_shot (GTK_WIDGET (window), "roster-1280-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  /* Restyled in the frames since. */
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (window) }, "the window to be restyled");
  render_shot (GTK_WIDGET (window), "roster-1280-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  close_window (window);

  g_clear_object (&document);
  remove_project_file (file);
  g_clear_object (&file);

  /* The same at phone width: the list, then one person's page. */
  if (g_getenv ("CONVENE_SHOTS_DIR") != NULL)
    {
      document = create_example_file (&file);
      window = show_window (document, 360, 720);
      roster = open_roster (window);
      render_shot (GTK_WIDGET (window), "roster-360-list-light.png");
      convene_roster_view_select_speaker (roster, person_at (convene_document_get_project (document), 6));
      wait_until (at_rest, &(AtRest) { .widget = require_widget (GTK_WIDGET (roster), "details_pane") },
                  "the person's page to slide in");
      render_shot (GTK_WIDGET (window), "roster-360-person-light.png");
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
      wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (window) }, "the window to be restyled");
      render_shot (GTK_WIDGET (window), "roster-360-person-dark.png");
      gtk_widget_activate_action (GTK_WIDGET (roster), "roster.back", NULL);
      wait_until (at_rest, &(AtRest) { .widget = require_widget (GTK_WIDGET (roster), "list_pane") },
                  "the list to slide back");
      render_shot (GTK_WIDGET (window), "roster-360-list-dark.png");
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
      close_window (window);
      g_clear_object (&document);
      remove_project_file (file);
    }
}

/* A person's page: Export Calendar… beside their schedule saves their own
 * appearances, named after them. */
static void
test_person_calendar (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ConveneDocument) document = create_example_file (&file);
  ConveneProject *project = convene_document_get_project (document);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneRosterView *roster = open_roster (window);
  g_autofree char *typed = g_build_filename (tmp_dir, "moderator", NULL);
  g_autofree char *exported = g_build_filename (tmp_dir, "moderator.ics", NULL);
  g_autofree char *suggested = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  ConveneSpeaker *moderator = person_at (project, 7);
  GtkWidget *button;

  g_assert_cmpstr (convene_speaker_get_name (moderator), ==, "Kanokporn Kaojaroen");
  convene_roster_view_select_speaker (roster, moderator);
  button = button_labelled (GTK_WIDGET (roster), "_Export Calendar…");
  g_assert_nonnull (button);
  wait_until (widget_is_mapped, button, "the person's page");
  g_assert_true (gtk_widget_activate (button));

  answer_file_chooser ("_Export", typed, &suggested);
  g_assert_cmpstr (suggested, ==, "Kanokporn Kaojaroen - calendar.ics");
  wait_until (file_exists, exported, "the person's calendar");
  wait_for_label (GTK_WIDGET (window), "Exported “moderator.ics”");

  /* The session they moderate and the discussion they lead, nothing else. */
  g_file_get_contents (exported, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (contents, "SUMMARY:III. Moderated discussion"));
  g_assert_null (strstr (contents, "SUMMARY:II. Panel"));
  {
    guint events = 0;

    for (const char *p = contents; (p = strstr (p, "BEGIN:VEVENT")) != NULL; p++)
      events++;
    g_assert_cmpuint (events, ==, 2);
  }

  g_remove (exported);
  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  tmp_dir = g_dir_make_tmp ("convene-test-roster-XXXXXX", &error);
  g_assert_no_error (error);
  /* What the toolkit keeps of files saved (recently used) stays here. */
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  convene_icons_keep_alive ();

  load_style ();

  g_test_add_func ("/roster/add-edit-search-delete", test_add_edit_search_delete);
  g_test_add_func ("/roster/csv", test_csv);
  g_test_add_func ("/roster/csv-large", test_csv_large);
  g_test_add_func ("/roster/example", test_example_roster);
  g_test_add_func ("/roster/person-calendar", test_person_calendar);

  result = g_test_run ();

  {
    /* The toolkit notes saved files among the recently used, when it likes. */
    g_autofree char *recent = g_build_filename (tmp_dir, "recently-used.xbel", NULL);

    g_remove (recent);
  }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return result;
}
