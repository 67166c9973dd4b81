#define G_LOG_DOMAIN "convene-test-concept-note"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "convene-concept-note-dialog.h"
#include "convene-document.h"
#include "convene-window.h"
#include "note-pdf-fixture.h"
#include "ui-test-support.h"

/* "Import Concept Note…" as a planner uses it: the dialog opened from the
 * main menu's action, a note pasted into it, the preview read, Import
 * pressed; the new session shown in the window and saved in the file, and
 * taken out again by Undo. Files the dialog cannot read get a message and
 * change nothing. The window is 1280 px wide in one test and 360 px in the
 * other. */

static char *tmp_dir;

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CONVENE_IS_CONCEPT_NOTE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  GtkWindow *dialog = find_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static GtkWidget *
open_dialog (ConveneWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-concept-note", NULL));
  wait_until (dialog_shown, NULL, "the Import Concept Note dialog");
  return GTK_WIDGET (find_dialog ());
}

static void
paste (GtkWidget  *dialog,
       const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (first_of_type (dialog, GTK_TYPE_TEXT_VIEW));

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static char *
read_note (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CONVENE_SOURCE_DIR"), "tests", "notes", "notes", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* A Condition: a visible label under root starts with prefix. */
typedef struct
{
  GtkWidget  *root;
  const char *prefix;
} Prefix;

static gboolean
shows_prefix (gpointer data)
{
  Prefix *wanted = data;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_labels (wanted->root, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (texts, i), wanted->prefix))
      return TRUE;
  return FALSE;
}

static guint
n_sessions (ConveneProject *project)
{
  return g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (project)));
}

static ConveneSession *
last_session (ConveneProject *project)
{
  g_autoptr(ConveneSession) session =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), n_sessions (project) - 1);

  return session;
}

/* "kind/minutes[…]" of a session's segments. */
static char *
describe_session (ConveneSession *session)
{
  GListModel *segments = G_LIST_MODEL (convene_session_get_segments (session));
  GString *text = g_string_new (convene_session_get_title (session));

  g_string_append_printf (text, " %u:", convene_session_get_slot_minutes (session));
  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);
      GListModel *items = G_LIST_MODEL (convene_segment_get_items (segment));

      g_string_append_printf (text, " %s/%u", convene_segment_kind_to_nick (convene_segment_get_kind (segment)),
                              convene_segment_get_duration (segment));
      if (g_list_model_get_n_items (items) > 0)
        g_string_append_printf (text, "[%u]", g_list_model_get_n_items (items));
    }
  g_string_append_printf (text, " (%u checklist)",
                          g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_outcomes (session))));
  return g_string_free (text, FALSE);
}

static gboolean
import_enabled (gpointer data)
{
  gboolean enabled = FALSE;

  g_object_get (data, "sensitive", &enabled, NULL);
  return enabled && gtk_widget_is_sensitive (GTK_WIDGET (data));
}

static gboolean
session_selected (gpointer data)
{
  ConveneWindow *window = data;
  ConveneProject *project = convene_document_get_project (convene_window_get_document (window));

  return selected_session (window) == last_session (project);
}

/* The shape of a real side-event note, pasted: the preview shows the parts
 * with their minutes and the talks' share, the people and the questions;
 * Import makes the session, selects it, shows its timeline and saves it;
 * Undo takes it out of the window and the file. */
static void
test_paste_and_import (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "paste.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneProject *project = convene_document_get_project (document);
  ConveneWindow *window = show_window (document, 1280, 800);
  g_autofree char *note = read_note ("side-event.txt");
  guint before = n_sessions (project);
  g_autofree char *described = NULL;
  GtkWidget *dialog;
  GtkWidget *import;

  dialog = open_dialog (window);
  import = require_widget (dialog, "import_button");
  g_assert_false (gtk_widget_is_sensitive (import));

  paste (dialog, note);
  wait_until (import_enabled, import, "Import to be possible");
  wait_for_label (dialog, "II. Panel");
  g_assert_true (shows_label (dialog, "Panel · 60 min"));
  g_assert_true (shows_label (dialog, "C. Water utilities under pressure"));
  g_assert_true (shows_label (dialog, "Presentation · 10 min, a share of the part"));
  g_assert_true (shows_label (dialog, "IV. Closing remarks"));
  g_assert_true (shows_label (dialog, "Dr Ingrid Berg"));
  g_assert_true (shows_label (dialog, "93 min planned in a 90-minute slot"));
  g_assert_true (shows_label (dialog, "How can river basin agreements inform cooperation between coastal cities?"));
  screenshot ("concept-note-dialog.png");

  g_assert_true (gtk_widget_activate_action (dialog, "note.import", NULL));
  wait_until (dialog_gone, NULL, "the dialog to close");
  g_assert_cmpuint (n_sessions (project), ==, before + 1);
  wait_until (session_selected, window, "the new session to be shown");
  wait_for_label (GTK_WIDGET (window), "II. Panel");
  wait_for_label (GTK_WIDGET (window), "III. Moderated discussion");

  described = describe_session (last_session (project));
  g_assert_cmpstr (described, ==, "Concept Note 90: welcome/10 panel/60[6] discussion/20 closing/3 (7 checklist)");
  {
    g_autoptr(ConveneProject) saved = load_file (file);
    g_autofree char *on_disk = describe_session (last_session (saved));

    g_assert_cmpuint (n_sessions (saved), ==, before + 1);
    g_assert_cmpstr (on_disk, ==, described);
  }

  /* One step: Undo takes all of it away, in the window and in the file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (n_sessions (project), ==, before);
  wait_for_no_label (GTK_WIDGET (window), "III. Moderated discussion");
  {
    g_autoptr(ConveneProject) saved = load_file (file);

    g_assert_cmpuint (n_sessions (saved), ==, before);
  }

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* At 360 px: a note in prose whose parts give no length says so, and a
 * person already on the roster is recognised; files the dialog cannot
 * read say why and leave the text as it was. */
static void
test_narrow_and_unreadable (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "narrow.convene", NULL);
  g_autofree char *binary = g_build_filename (tmp_dir, "scan.txt", NULL);
  g_autofree char *word = g_build_filename (g_getenv ("CONVENE_BUILD_DIR"), "tests", "notes", "side-event.docx", NULL);
  g_autofree char *named = g_build_filename (tmp_dir, "Nursing briefing.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) binary_file = g_file_new_for_path (binary);
  g_autoptr(GFile) word_file = g_file_new_for_path (word);
  g_autoptr(GFile) named_file = g_file_new_for_path (named);
  g_autoptr(GFile) missing_file = NULL;
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneProject *project = convene_document_get_project (document);
  ConveneWindow *window = show_window (document, 360, 640);
  g_autofree char *note = read_note ("prose.txt");
  g_autofree char *with_moderator = g_strconcat (note, "\nModerator: Dr James Campbell (WHO)\n", NULL);
  g_autoptr(GError) error = NULL;
  guint before = n_sessions (project);
  GtkWidget *dialog;
  int width = 0;

  dialog = open_dialog (window);
  paste (dialog, "Dear colleagues, thank you for your letter.");
  wait_for_label (dialog, "No programme, people or objectives were found in the text.");
  g_assert_false (gtk_widget_is_sensitive (require_widget (dialog, "import_button")));

  paste (dialog, with_moderator);
  wait_for_label (dialog, "Presentation on the main findings of the regional survey");
  g_assert_true (shows_label (dialog, "Presentation · length not given"));
  g_assert_true (shows_label (dialog, "No part states its length; the slot is 75 minutes"));
  g_assert_true (shows_label (dialog, "Conference Room 3, Palais des Nations"));
  g_assert_true (shows_label (dialog, "Dr James Campbell"));
  /* Filled with the preview, it still fits a 360 px screen. */
  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  g_assert_cmpint (width, <=, 360);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  wait_until (at_rest, &(AtRest) { .widget = require_widget (dialog, "import_button") },
              "the dialog to be laid out");
  screenshot ("concept-note-dialog-narrow.png");

  /* Not text, a file that is not there: a message each, the text kept. */
  g_file_set_contents (binary, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, &error);
  g_assert_no_error (error);
  convene_concept_note_dialog_load_file (CONVENE_CONCEPT_NOTE_DIALOG (dialog), binary_file);
  wait_for_label (dialog, "“scan.txt” cannot be imported. This is neither plain text in UTF-8 nor a PDF, Word "
                          "or OpenDocument file. Open it where it was made, copy its text and paste it into "
                          "Import Concept Note.");
  missing_file = g_file_new_build_filename (tmp_dir, "gone.docx", NULL);
  convene_concept_note_dialog_load_file (CONVENE_CONCEPT_NOTE_DIALOG (dialog), missing_file);
  wait_until (shows_prefix, &(Prefix) { dialog, "“gone.docx” could not be read: " }, "the reason gone.docx was not read");
  g_assert_true (shows_label (dialog, "Presentation · length not given"));

  /* A Word file: its automatic list numbers become the parts' labels. */
  convene_concept_note_dialog_load_file (CONVENE_CONCEPT_NOTE_DIALOG (dialog), word_file);
  wait_for_label (dialog, "II. Panel");
  g_assert_true (shows_label (dialog, "D. Lessons from the 2024 floods in the delta region"));
  g_assert_true (shows_label (dialog, "side-event"));

  /* A readable file replaces the text; its name titles a note without one. */
  g_file_set_contents (named, "Programme\n1. Welcome (5 min)\n2. Keynote (25 min)\n", -1, &error);
  g_assert_no_error (error);
  convene_concept_note_dialog_load_file (CONVENE_CONCEPT_NOTE_DIALOG (dialog), named_file);
  wait_for_label (dialog, "2. Keynote");
  g_assert_true (shows_label (dialog, "Nursing briefing"));

  g_assert_true (gtk_widget_activate_action (dialog, "note.import", NULL));
  wait_until (dialog_gone, NULL, "the dialog to close");
  g_assert_cmpuint (n_sessions (project), ==, before + 1);
  {
    g_autoptr(ConveneProject) saved = load_file (file);
    g_autofree char *on_disk = describe_session (last_session (saved));

    g_assert_cmpstr (on_disk, ==, "Nursing briefing 30: welcome/5 keynote/25 (0 checklist)");
  }

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
  g_unlink (binary);
  g_unlink (named);
}

/* The first widget of type under root whose text (as text_of reads it) is text. */
static GtkWidget *
of_type_with_text (GtkWidget   *root,
                   GType        type,
                   const char *(*text_of) (GtkWidget *widget),
                   const char  *text)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_of_type (root, type, FALSE, found);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (text_of (g_ptr_array_index (found, i)), text) == 0)
      return g_ptr_array_index (found, i);
  return NULL;
}

static GtkWidget *
button_with_tooltip (GtkWidget  *root,
                     const char *tooltip)
{
  return of_type_with_text (root, GTK_TYPE_BUTTON, gtk_widget_get_tooltip_text, tooltip);
}

static const char *
row_title (GtkWidget *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static gboolean
switch_shown (gpointer data)
{
  return gtk_widget_get_visible (data) && gtk_widget_get_mapped (data);
}

static gboolean
source_shown (gpointer data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (first_of_type (data, ADW_TYPE_LEAFLET));

  return g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "source") == 0 &&
         !adw_leaflet_get_child_transition_running (leaflet);
}

/* The draft's role drop-down of the assignment of the person called name,
 * or NULL: the segments' kind rows are titled "Kind", a role's by the person. */
static GtkWidget *
role_row (GtkWidget  *dialog,
          const char *name)
{
  return of_type_with_text (dialog, ADW_TYPE_COMBO_ROW, row_title, name);
}

static gboolean
role_row_gone (gpointer data)
{
  return role_row (data, "Ana Silva") == NULL;
}

/* The assignments of project, of the speaker called name. */
static GPtrArray *
assignments_of (ConveneProject *project,
                const char     *name)
{
  GListModel *speakers = G_LIST_MODEL (convene_project_get_speakers (project));
  GListModel *assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 id = -1;

  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (speakers, i);

      if (g_strcmp0 (convene_speaker_get_name (speaker), name) == 0)
        id = convene_speaker_get_id (speaker);
    }
  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);

      if (convene_assignment_get_speaker_id (assignment) == id)
        g_ptr_array_add (found, g_steal_pointer (&assignment));
    }
  return found;
}

/* What the saved session says: its title and its first talk's. */
static void
assert_draft_saved (ConveneProject *project,
                    guint           index)
{
  g_autoptr(ConveneSession) session =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), index);
  g_autoptr(ConveneSegment) panel =
    g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 1);
  g_autoptr(ConveneSegment) rain =
    g_list_model_get_item (G_LIST_MODEL (convene_segment_get_items (panel)), 0);
  g_autoptr(GPtrArray) eva = assignments_of (project, "Eva Lind");
  g_autoptr(GPtrArray) ana = assignments_of (project, "Ana Silva");

  g_assert_cmpstr (convene_segment_get_title (rain), ==, "Rain in cities and towns");
  /* The moderator became the chair, on the session; the talk's presenter
   * joined the roster without her assignment. */
  g_assert_cmpuint (eva->len, ==, 1);
  g_assert_cmpint (convene_assignment_get_role (g_ptr_array_index (eva, 0)), ==, CONVENE_ROLE_CHAIR);
  g_assert_cmpint (convene_assignment_get_session_id (g_ptr_array_index (eva, 0)), ==,
                   convene_session_get_id (session));
  g_assert_cmpuint (ana->len, ==, 0);
}

/* The review: each source line marked with what it became, the doubtful
 * ones flagged with their reason; edits in the draft (a title, minutes, a
 * kind, a person left out) reach the created session; Undo takes all of it
 * away. */
static void
test_review (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "review.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneProject *project = convene_document_get_project (document);
  ConveneWindow *window = show_window (document, 1280, 800);
  guint before = n_sessions (project);
  guint people = g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project)));
  guint assignments = g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_assignments (project)));
  g_autofree char *review_note = read_note ("review.txt");
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  GListModel *segments;
  GtkWidget *dialog;
  GtkWidget *doubt;

  dialog = open_dialog (window);
  paste (dialog, review_note);
  wait_for_label (dialog, "Coffee break");

  /* Both panes side by side: no buttons to switch between them. */
  g_assert_false (gtk_widget_get_visible (require_widget (dialog, "switch_box")));
  /* Each line's mark, and the doubtful ones with why. */
  g_assert_true (shows_label (dialog, "Segment"));
  g_assert_true (shows_label (dialog, "Item"));
  g_assert_true (shows_label (dialog, "Person"));
  g_assert_true (shows_label (dialog, "Checklist"));
  g_assert_true (shows_label (dialog, "Heading"));
  g_assert_true (shows_label (dialog, "Looks like a part of the programme but is not numbered, so it was not made a segment."));
  g_assert_true (shows_label (dialog, "No length found: give it one in the draft."));
  doubt = first_with_class (dialog, "note-doubt");
  g_assert_nonnull (doubt);
  g_assert_true (shows_label (dialog, "This is what Import will create; edit it here first. "
                                      "5 lines of the note are in doubt: see Source."));
  screenshot ("concept-note-review.png");

  /* Edits in the draft: the first segment's title, the panel's minutes, the
   * closing's kind; the first talk's title. */
  collect_of_type (dialog, ADW_TYPE_ENTRY_ROW, FALSE, entries);
  collect_of_type (dialog, GTK_TYPE_SPIN_BUTTON, FALSE, spins);
  collect_of_type (dialog, ADW_TYPE_COMBO_ROW, FALSE, combos);
  /* A title for each of the three segments and each of the panel's two talks. */
  g_assert_cmpuint (entries->len, ==, 5);
  /* A spin for each of the three segments and each of the panel's two talks. */
  g_assert_cmpuint (spins->len, ==, 5);
  /* A kind for each segment, a role for each of the two people's assignments. */
  g_assert_cmpuint (combos->len, ==, 5);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "Opening by the Mayor");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 2)), "Rain in cities and towns");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (g_ptr_array_index (spins, 1)), 45);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (g_ptr_array_index (spins, 3)), 15);
  adw_combo_row_set_selected (ADW_COMBO_ROW (g_ptr_array_index (combos, 2)), CONVENE_SEGMENT_KIND_QA);
  wait_for_label (dialog, "Opening by the Mayor");
  g_assert_true (shows_label (dialog, "60 min planned; the note states no slot"));
  g_assert_true (shows_label (dialog, "Panel · 45 min"));

  /* Roles: the moderator made chair, the talk's presenter left out (she
   * stays in the draft); the draft keeps the role when it is shown again. */
  g_assert_nonnull (role_row (dialog, "Dr Eva Lind"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (role_row (dialog, "Dr Eva Lind"))), ==,
                   "the session");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (role_row (dialog, "Dr Eva Lind"))), ==,
                    CONVENE_ROLE_MODERATOR);
  adw_combo_row_set_selected (ADW_COMBO_ROW (role_row (dialog, "Dr Eva Lind")), CONVENE_ROLE_CHAIR);
  g_assert_nonnull (role_row (dialog, "Ana Silva"));
  /* Her assignment names her talk by its new title. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (role_row (dialog, "Ana Silva"))), ==,
                   "Rain in cities and towns");
  gtk_widget_activate (button_with_tooltip (role_row (dialog, "Ana Silva"), "Leave This Assignment Out"));
  wait_until (role_row_gone, dialog, "the assignment to be left out");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (role_row (dialog, "Dr Eva Lind"))), ==,
                    CONVENE_ROLE_CHAIR);
  g_assert_true (shows_label (dialog, "Ana Silva"));

  g_assert_true (gtk_widget_activate_action (dialog, "note.import", NULL));
  wait_until (dialog_gone, NULL, "the dialog to close");
  g_assert_cmpuint (n_sessions (project), ==, before + 1);
  assert_draft_saved (project, before);
  segments = G_LIST_MODEL (convene_session_get_segments (last_session (project)));
  {
    g_autoptr(ConveneSegment) first = g_list_model_get_item (segments, 0);
    g_autoptr(ConveneSegment) panel = g_list_model_get_item (segments, 1);
    g_autoptr(ConveneSegment) closing = g_list_model_get_item (segments, 2);

    g_assert_cmpstr (convene_segment_get_title (first), ==, "Opening by the Mayor");
    g_assert_cmpuint (convene_segment_get_duration (panel), ==, 45);
    {
      g_autoptr(ConveneSegment) rivers =
        g_list_model_get_item (G_LIST_MODEL (convene_segment_get_items (panel)), 1);

      g_assert_cmpuint (convene_segment_get_duration (rivers), ==, 15);
    }
    g_assert_cmpint (convene_segment_get_kind (closing), ==, CONVENE_SEGMENT_KIND_QA);
  }
  /* Both people joined the roster. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project))), ==, people + 2);
  {
    g_autoptr(ConveneProject) saved = load_file (file);
    g_autoptr(ConveneSession) session =
      g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (saved)), before);
    g_autoptr(ConveneSegment) first =
      g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 0);

    g_assert_cmpstr (convene_segment_get_title (first), ==, "Opening by the Mayor");
    assert_draft_saved (saved, before);
  }

  /* One step: Undo takes the session and the people it brought away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (n_sessions (project), ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project))), ==, people);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_assignments (project))), ==,
                    assignments);
  {
    g_autoptr(ConveneProject) saved = load_file (file);

    g_assert_cmpuint (n_sessions (saved), ==, before);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (saved))), ==, people);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_assignments (saved))), ==,
                      assignments);
  }

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* At 360 px the two panes fold: Source and Draft switch between them. */
static void
test_review_narrow (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "review-narrow.convene", NULL);
  g_autofree char *review_note = read_note ("review.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 360, 640);
  ConveneProject *project = convene_document_get_project (document);
  guint people = g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project)));
  GtkWidget *dialog = open_dialog (window);
  GtkWidget *switcher = require_widget (dialog, "switch_box");
  int width = 0;

  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  paste (dialog, review_note);
  wait_for_label (dialog, "Leave this segment out");
  wait_until (switch_shown, switcher, "the Source and Draft buttons");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (require_widget (dialog, "source_toggle")), TRUE);
  wait_until (source_shown, dialog, "the source pane");
  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  g_assert_cmpint (width, <=, 360);
  screenshot ("concept-note-review-narrow.png");

  /* The draft with its role rows fits too; a person left out there does
   * not join the roster. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (require_widget (dialog, "source_toggle")), FALSE);
  g_assert_nonnull (role_row (dialog, "Dr Eva Lind"));
  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  g_assert_cmpint (width, <=, 360);
  gtk_widget_grab_focus (role_row (dialog, "Dr Eva Lind"));
  screenshot ("concept-note-draft-narrow.png");
  gtk_widget_activate (button_with_tooltip (dialog, "Leave This Person Out"));
  wait_for_label (dialog, "Left out");
  g_assert_false (shows_label (dialog, "Ana Silva"));
  g_assert_null (role_row (dialog, "Ana Silva"));
  g_assert_true (gtk_widget_activate_action (dialog, "note.import", NULL));
  wait_until (dialog_gone, NULL, "the dialog to close");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project))), ==, people + 1);
  {
    g_autoptr(ConveneSpeaker) added =
      g_list_model_get_item (G_LIST_MODEL (convene_project_get_speakers (project)), people);

    g_assert_cmpstr (convene_speaker_get_name (added), ==, "Eva Lind");
  }
  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* A PDF chosen in the dialog: read with its headings, the same draft as
 * the text it was made from. */
static void
test_pdf (void)
{
  static const char *const headings[] = { "Background", "Proposed format", NULL };
  g_autofree char *path = g_build_filename (tmp_dir, "pdf.convene", NULL);
  g_autofree char *pdf_path = g_build_filename (tmp_dir, "Side event.pdf", NULL);
  g_autofree char *note = read_note ("side-event.txt");
  g_autoptr(GBytes) pdf = note_pdf_from_text (note, headings);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  dialog = open_dialog (window);
  convene_concept_note_dialog_load_file (CONVENE_CONCEPT_NOTE_DIALOG (dialog), pdf_file);
  wait_for_label (dialog, "II. Panel");
  g_assert_true (shows_label (dialog, "93 min planned in a 90-minute slot"));
  g_assert_true (shows_label (dialog, "C. Water utilities under pressure"));
  g_assert_true (shows_label (dialog, "Dr Ingrid Berg"));
  /* The headings came from the PDF's fonts. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (first_of_type (dialog, GTK_TYPE_TEXT_VIEW)));
    GtkTextIter start;
    GtkTextIter end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_nonnull (strstr (text, "\n# Proposed format\n"));
  }

  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (dialog_gone, NULL, "the dialog to close");
  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
  g_unlink (pdf_path);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_init (&argc, &argv, "convene-concept-note-XXXXXX", &tmp_dir);
  g_test_add_func ("/ui/concept-note/paste-and-import", test_paste_and_import);
  g_test_add_func ("/ui/concept-note/narrow-and-unreadable", test_narrow_and_unreadable);
  g_test_add_func ("/ui/concept-note/review", test_review);
  g_test_add_func ("/ui/concept-note/review-narrow", test_review_narrow);
  g_test_add_func ("/ui/concept-note/pdf", test_pdf);
  status = g_test_run ();

  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
