#define G_LOG_DOMAIN "convene-test-sessions"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "convene-document.h"
#include "convene-formats.h"
#include "convene-new-session-dialog.h"
#include "convene-session-row.h"
#include "convene-window.h"
#include "ui-test-support.h"

/* The sessions sidebar and session formats, as a planner uses them. Run
 * without arguments it is a widget test (TAP): duplicate, move, start a
 * session from a format through the New Session dialog, save a session as a
 * format and use and delete it, each checked in the model and in the saved
 * file, and undone. With --drag it drives the real window with xdotool in a
 * real X server (run-in-xvfb.py starts one): a session row dragged onto
 * another's place, Alt+Up / Alt+Down on a row, and screenshots of the
 * dialog. */

#define EXAMPLE_TITLE "Health and migration: international cooperation and governance"

static char *tmp_dir;

/* The example side event and two short sessions after it. */
static ConveneDocument *
create_project (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneProject) project = example_project ();
  g_autoptr(ConveneSession) briefing = NULL;
  g_autoptr(ConveneSession) reception = NULL;
  g_autoptr(ConveneSegment) talk = NULL;
  ConveneDocument *document;

  briefing = convene_session_new (convene_project_new_id (project), "Press briefing", "2027-05-25", 9 * 60, 30);
  talk = convene_segment_new (convene_project_new_id (project), CONVENE_SEGMENT_KIND_PRESENTATION,
                              "Statement", 20);
  g_list_store_append (convene_session_get_segments (briefing), talk);
  g_list_store_append (convene_project_get_sessions (project), briefing);
  reception = convene_session_new (convene_project_new_id (project), "Evening reception", "2027-05-25",
                                   18 * 60, 90);
  g_list_store_append (convene_project_get_sessions (project), reception);

  document = convene_document_create (file, project, &error);
  g_assert_no_error (error);
  return document;
}

/* "kind/minutes,kind/minutes[kind/minutes]" */
static void
describe_segments (GString    *text,
                   GListModel *list)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (list, i);
      GListModel *items = G_LIST_MODEL (convene_segment_get_items (segment));

      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append_printf (text, "%s/%u", convene_segment_kind_to_nick (convene_segment_get_kind (segment)),
                              convene_segment_get_duration (segment));
      if (g_list_model_get_n_items (items) > 0)
        {
          g_string_append_c (text, '[');
          describe_segments (text, items);
          g_string_append_c (text, ']');
        }
    }
}

/* Every session: "Title {structure} (n people)" joined by " | ". */
static char *
describe_project (ConveneProject *project)
{
  GListModel *sessions = G_LIST_MODEL (convene_project_get_sessions (project));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (sessions, i);

      if (i > 0)
        g_string_append (text, " | ");
      g_string_append_printf (text, "%s {", convene_session_get_title (session));
      describe_segments (text, G_LIST_MODEL (convene_session_get_segments (session)));
      g_string_append_c (text, '}');
    }
  return g_string_free (text, FALSE);
}

/* What the file holds, read the way another program would. */
static char *
describe_file (GFile *file)
{
  g_autoptr(ConveneProject) project = load_file (file);

  return describe_project (project);
}

/* The model and the file agree, and match expected (NULL: just agree). */
static char *
assert_saved (ConveneDocument *document,
              GFile           *file)
{
  g_autofree char *model = describe_project (convene_document_get_project (document));
  g_autofree char *on_disk = describe_file (file);

  g_assert_cmpstr (on_disk, ==, model);
  return g_steal_pointer (&model);
}

static ConveneSession *
session_at (ConveneDocument *document,
            guint            position)
{
  g_autoptr(ConveneSession) session =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (convene_document_get_project (document))),
                           position);
  return session;
}

static guint
n_sessions (ConveneDocument *document)
{
  return g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (convene_document_get_project (document))));
}

/* A Condition: the window shows session. */
typedef struct
{
  ConveneWindow  *window;
  ConveneSession *session;
} Opened;

static gboolean
is_opened (gpointer data)
{
  Opened *opened = data;

  return selected_session (opened->window) == opened->session;
}

static void
select_position (ConveneWindow *window,
                 guint          position)
{
  g_signal_emit_by_name (require_widget (GTK_WIDGET (window), "sessions_view"), "activate", position);
  wait_until (is_opened, &(Opened) { window, session_at (convene_window_get_document (window), position) },
              "the session to open");
}

static gboolean
undo (ConveneWindow *window)
{
  return gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
}

static gboolean
redo (ConveneWindow *window)
{
  return gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
}

/* Duplicate: one step, the copy right after with "(Copy)", segments,
 * outcomes and people along; undo and redo. */
static void
test_duplicate (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "duplicate.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_project (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  ConveneProject *project = convene_document_get_project (document);
  GtkWidget *sessions_view = require_widget (GTK_WIDGET (window), "sessions_view");
  g_autofree char *before = assert_saved (document, file);
  g_autofree char *after = NULL;
  guint n_assignments = g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_assignments (project)));
  ConveneSession *original;
  ConveneSession *copy;

  select_position (window, 0);
  original = session_at (document, 0);
  g_assert_true (selected_session (window) == original);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.duplicate-session", NULL));
  g_assert_cmpuint (n_sessions (document), ==, 4);
  copy = session_at (document, 1);
  g_assert_cmpstr (convene_session_get_title (copy), ==, EXAMPLE_TITLE " (Copy)");
  g_assert_true (selected_session (window) == copy);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_outcomes (copy))), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_outcomes (original))));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_assignments (project))), >,
                    n_assignments);
  wait_for_label (sessions_view, EXAMPLE_TITLE " (Copy)");
  after = assert_saved (document, file);
  g_assert_true (g_str_has_prefix (after, EXAMPLE_TITLE " {"));
  g_assert_nonnull (strstr (after, " | " EXAMPLE_TITLE " (Copy) {"));

  /* One undo takes the copy and its people away; redo brings them back. */
  g_assert_true (undo (window));
  g_assert_cmpuint (n_sessions (document), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_assignments (project))), ==,
                    n_assignments);
  {
    g_autofree char *undone = assert_saved (document, file);

    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_true (redo (window));
  {
    g_autofree char *redone = assert_saved (document, file);

    g_assert_cmpstr (redone, ==, after);
  }

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

static guint
count_session_rows (GtkWidget *widget)
{
  guint n = CONVENE_IS_SESSION_ROW (widget) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_session_rows (c);
  return n;
}

typedef struct
{
  GtkWidget      *sessions_view;
  ConveneSession *session;
} RowShown;

static gboolean
row_is_shown (gpointer data)
{
  RowShown *shown = data;

  for (GtkWidget *c = gtk_widget_get_first_child (shown->sessions_view); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *row = gtk_widget_get_first_child (c);

      if (row != NULL && CONVENE_IS_SESSION_ROW (row) && gtk_widget_get_mapped (row) &&
          gtk_widget_get_child_visible (c) &&
          convene_session_row_get_session (CONVENE_SESSION_ROW (row)) == shown->session)
        return TRUE;
    }
  return FALSE;
}

/* A project of many sessions builds rows only for those near the screen;
 * the list scrolls on its own under the project's rows, which stay put,
 * and its last session can be reached and opened. */
static void
test_many (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "many.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneProject) project = example_project ();
  g_autoptr(ConveneDocument) document = NULL;
  ConveneWindow *window;
  GtkWidget *sessions_view;
  GtkWidget *details_row;
  ConveneSession *last;
  graphene_rect_t before, after;
  guint n;

  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *title = g_strdup_printf ("Breakout %u", i + 1);
      g_autoptr(ConveneSession) session =
        convene_session_new (convene_project_new_id (project), title, "2027-05-26", 9 * 60, 45);

      g_list_store_append (convene_project_get_sessions (project), session);
    }
  document = convene_document_create (file, project, &error);
  g_assert_no_error (error);
  window = show_window (document, 1280, 800);
  sessions_view = require_widget (GTK_WIDGET (window), "sessions_view");
  details_row = require_widget (GTK_WIDGET (window), "details_row");
  n = n_sessions (document);
  g_assert_cmpuint (n, ==, 151);

  g_test_message ("%u session rows built for %u sessions", count_session_rows (sessions_view), n);
  g_assert_cmpuint (count_session_rows (sessions_view), <, 60);

  g_assert_true (gtk_widget_compute_bounds (details_row, GTK_WIDGET (window), &before));
  last = session_at (document, n - 1);
  gtk_widget_activate_action (sessions_view, "list.scroll-to-item", "u", n - 1);
  wait_until (row_is_shown, &(RowShown) { sessions_view, last }, "the last session's row");
  g_assert_true (gtk_widget_compute_bounds (details_row, GTK_WIDGET (window), &after));
  g_assert_cmpfloat (before.origin.y, ==, after.origin.y);
  g_assert_cmpuint (count_session_rows (sessions_view), <, 60);

  select_position (window, n - 1);
  g_assert_true (selected_session (window) == last);

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* Moving through the window's actions keeps the moved session selected. */
static void
test_move_actions (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "move.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_project (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  g_autofree char *before = assert_saved (document, file);
  ConveneSession *briefing = session_at (document, 1);

  select_position (window, 1);
  g_assert_true (selected_session (window) == briefing);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-session-up", NULL));
  g_assert_true (session_at (document, 0) == briefing);
  g_assert_true (selected_session (window) == briefing);
  {
    g_autofree char *state = assert_saved (document, file);

    g_assert_true (g_str_has_prefix (state, "Press briefing {presentation/20} | " EXAMPLE_TITLE));
  }

  /* At the top, up does nothing (and says nothing). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-session-up", NULL));
  g_assert_true (session_at (document, 0) == briefing);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-session-down", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-session-down", NULL));
  g_assert_true (session_at (document, 2) == briefing);
  g_assert_true (selected_session (window) == briefing);
  {
    g_autofree char *state = assert_saved (document, file);

    g_assert_true (g_str_has_suffix (state, " | Press briefing {presentation/20}"));
  }

  /* Three undos walk back to the start, in the file too. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (undo (window));
  {
    g_autofree char *state = assert_saved (document, file);

    g_assert_cmpstr (state, ==, before);
  }
  /* Undo took the session out and back: it is still the one open. */
  g_assert_true (selected_session (window) == briefing);
  g_assert_true (redo (window));
  g_assert_true (session_at (document, 0) == briefing);
  g_assert_true (selected_session (window) == briefing);

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  GtkWindow *dialog = find_toplevel (GPOINTER_TO_SIZE (data));

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
dialog_gone (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static GtkWidget *
open_new_session_dialog (ConveneWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-session", NULL));
  wait_until (dialog_shown, GSIZE_TO_POINTER (CONVENE_TYPE_NEW_SESSION_DIALOG), "the New Session dialog");
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (find_toplevel (CONVENE_TYPE_NEW_SESSION_DIALOG)) },
              "the New Session dialog to be laid out");
  return GTK_WIDGET (find_toplevel (CONVENE_TYPE_NEW_SESSION_DIALOG));
}

static GtkWidget *
find_by_name (GtkWidget  *root,
              const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_name (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
choose_format (GtkWidget  *dialog,
               const char *id)
{
  GtkWidget *row = find_by_name (dialog, id);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (gtk_widget_activate (row));
  wait_until (dialog_gone, GSIZE_TO_POINTER (CONVENE_TYPE_NEW_SESSION_DIALOG), "the dialog to close");
}

/* The dialog lists Blank and the built-ins with their minutes; a built-in
 * makes a session with its segments, in one undoable step. */
static void
test_new_from_format (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "formats.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_project (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  g_autofree char *before = assert_saved (document, file);
  GtkWidget *dialog;
  ConveneSession *session;

  dialog = open_new_session_dialog (window);
  g_assert_true (shows_label (dialog, "Blank"));
  g_assert_true (shows_label (dialog, "Side-event panel"));
  g_assert_true (shows_label (dialog, "Opening remarks, a panel of talks, moderated discussion, closing remarks"));
  g_assert_true (shows_label (dialog, "90 min"));
  g_assert_true (shows_label (dialog, "Technical briefing"));
  g_assert_true (shows_label (dialog, "Workshop"));
  g_assert_true (shows_label (dialog, "Keynote with Q&A"));
  g_assert_true (shows_label (dialog, "Fishbowl"));
  g_assert_true (shows_label (dialog, "Roundtable"));
  /* No saved formats yet: their group is hidden. */
  g_assert_false (shows_label (dialog, "Saved Formats"));

  choose_format (dialog, "side-event-panel");
  g_assert_cmpuint (n_sessions (document), ==, 4);
  session = session_at (document, 3);
  g_assert_true (selected_session (window) == session);
  g_assert_cmpstr (convene_session_get_title (session), ==, "Side-event panel");
  g_assert_cmpuint (convene_session_get_slot_minutes (session), ==, 90);
  {
    g_autofree char *state = assert_saved (document, file);

    g_assert_true (g_str_has_suffix (state, " | Side-event panel {opening/10,panel/45[presentation/15,"
                                            "presentation/15,presentation/15],discussion/25,closing/10}"));
  }

  /* Escape closes the dialog without adding anything. */
  dialog = open_new_session_dialog (window);
  gtk_widget_activate_action (dialog, "window.close", NULL);
  wait_until (dialog_gone, GSIZE_TO_POINTER (CONVENE_TYPE_NEW_SESSION_DIALOG), "the dialog to close");
  g_assert_cmpuint (n_sessions (document), ==, 4);

  /* Blank is the plain new session. */
  dialog = open_new_session_dialog (window);
  choose_format (dialog, "blank");
  g_assert_cmpuint (n_sessions (document), ==, 5);
  g_assert_cmpstr (convene_session_get_title (session_at (document, 4)), ==, "New Session");

  g_assert_true (undo (window));
  g_assert_true (undo (window));
  {
    g_autofree char *state = assert_saved (document, file);

    g_assert_cmpstr (state, ==, before);
  }

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* Save a session as a format, start a session from it, delete it (and
 * bring it back with Undo). */
static void
test_saved_format (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "saved.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_project (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  g_autofree char *formats_dir = convene_formats_dup_user_dir ();
  g_autofree char *format_path = g_build_filename (formats_dir, "our-side-event.json", NULL);
  g_autofree char *original = NULL;
  AdwMessageDialog *ask;
  GtkWidget *entry;
  GtkWidget *dialog;
  GtkWidget *row;
  GtkWidget *delete;

  g_assert_true (g_str_has_prefix (formats_dir, tmp_dir));
  select_position (window, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-session-format", NULL));
  wait_until (dialog_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the name of the format");
  ask = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  entry = adw_message_dialog_get_extra_child (ask);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, EXAMPLE_TITLE);
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ask, "save"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Our side event");
  g_assert_true (adw_message_dialog_get_response_enabled (ask, "save"));
  /* The format is saved at once. */
  adw_message_dialog_response (ask, "save");
  g_assert_true (g_file_test (format_path, G_FILE_TEST_IS_REGULAR));

  /* The saved format has the session's structure and no people. */
  {
    g_autofree char *data = NULL;
    g_autoptr(GError) error = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (format_path, &data, &length, &error));
    g_assert_nonnull (strstr (data, "\"Our side event\""));
    g_assert_null (strstr (data, "speaker"));
  }

  /* It is offered in the dialog and makes a session of the same shape. */
  dialog = open_new_session_dialog (window);
  g_assert_true (shows_label (dialog, "Saved Formats"));
  g_assert_true (shows_label (dialog, "Our side event"));
  choose_format (dialog, "our-side-event.json");
  g_assert_cmpuint (n_sessions (document), ==, 4);
  g_assert_cmpstr (convene_session_get_title (session_at (document, 3)), ==, "Our side event");
  {
    g_autofree char *state = assert_saved (document, file);
    g_auto(GStrv) parts = g_strsplit (state, " | ", -1);
    const char *shape_original = strchr (parts[0], '{');
    const char *shape_copy = strchr (parts[3], '{');

    g_assert_cmpstr (shape_copy, ==, shape_original);
    original = g_strdup (shape_original);
  }
  g_assert_true (undo (window));
  g_assert_cmpuint (n_sessions (document), ==, 3);
  g_free (assert_saved (document, file));

  /* Delete from the dialog; Undo writes it back. */
  dialog = open_new_session_dialog (window);
  row = find_by_name (dialog, "our-side-event.json");
  g_assert_nonnull (row);
  delete = first_of_type (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (delete);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (delete), ==, "Delete Format");
  g_signal_emit_by_name (delete, "clicked");
  wait_for_no_label (dialog, "Our side event");
  g_assert_false (g_file_test (format_path, G_FILE_TEST_EXISTS));
  g_assert_false (shows_label (dialog, "Our side event"));
  {
    /* The toast's Undo button, in the dialog's own overlay. */
    GtkWidget *undo_button = button_labelled (dialog, "_Undo");

    g_assert_nonnull (undo_button);
    g_signal_emit_by_name (undo_button, "clicked");
    wait_for_label (dialog, "Our side event");
  }
  g_assert_true (g_file_test (format_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (shows_label (dialog, "Our side event"));
  gtk_widget_activate_action (dialog, "window.close", NULL);
  wait_until (dialog_gone, GSIZE_TO_POINTER (CONVENE_TYPE_NEW_SESSION_DIALOG), "the dialog to close");

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
  g_remove (format_path);
}

/* Real input: a drag of a row onto another's place, Alt+Up / Alt+Down. */

static GtkWidget *
session_row_of (GtkWidget      *sessions_view,
                ConveneSession *session)
{
  GPtrArray *stack = g_ptr_array_new ();
  GtkWidget *found = NULL;

  g_ptr_array_add (stack, sessions_view);
  while (stack->len > 0 && found == NULL)
    {
      GtkWidget *top = g_ptr_array_steal_index (stack, stack->len - 1);

      if (CONVENE_IS_SESSION_ROW (top) && gtk_widget_get_mapped (top) &&
          convene_session_row_get_session (CONVENE_SESSION_ROW (top)) == session)
        found = top;
      for (GtkWidget *c = gtk_widget_get_first_child (top); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_ptr_array_unref (stack);
  g_assert_nonnull (found);
  return found;
}

static char *
session_order (ConveneDocument *document,
               GFile           *file)
{
  g_autofree char *state = assert_saved (document, file);
  g_auto(GStrv) parts = g_strsplit (state, " | ", -1);
  GString *order = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *brace = strchr (parts[i], '{');

      if (brace != NULL && brace > parts[i])
        brace[-1] = '\0';
      g_string_append_printf (order, "%s%.12s", i > 0 ? "," : "", parts[i]);
    }
  return g_string_free (order, FALSE);
}

/* The shown window titled title. */
static GtkWindow *
toplevel_titled (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), title) == 0 && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  g_error ("no window titled %s", title);
}

static gboolean
window_is_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

static void
window_shot (const char *title,
             const char *name)
{
  const char *dir = g_getenv ("CONVENE_SHOTS_DIR");
  g_autofree char *path = NULL;
  g_autofree char *script = NULL;

  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (toplevel_titled (title)) }, "the window to be drawn");
  path = g_build_filename (dir, name, NULL);
  script = g_strdup_printf ("import -window \"$(xdotool search --name '^%s$' | head -n 1)\" '%s'", title, path);
  {
    g_autofree char *quoted = g_shell_quote (script);
    g_autofree char *full = g_strdup_printf ("sh -c %s", quoted);

    g_assert_true (g_spawn_command_line_sync (full, NULL, NULL, NULL, NULL));
  }
  g_print ("# screenshot %s\n", path);
}

/* As drag(), with a screenshot just before the release; returns whether
 * target showed the drop line (css_class) then. */
static gboolean
drag_with_shot (int         x1,
                int         y1,
                int         x2,
                int         y2,
                GtkWidget  *target,
                const char *css_class,
                const char *name)
{
  gboolean marked;

  drag_hold (x1, y1, x2, y2);
  marked = gtk_widget_has_css_class (target, css_class);
  screenshot (name);
  drag_release (x2, y2);
  return marked && !gtk_widget_has_css_class (target, css_class);
}

/* Conditions the keyboard steps wait for. */
typedef struct
{
  ConveneDocument *document;
  ConveneSession  *session;
  guint            position;
} SessionAt;

static gboolean
session_is_at (gpointer data)
{
  SessionAt *at = data;

  return session_at (at->document, at->position) == at->session;
}

typedef struct
{
  ConveneDocument *document;
  guint            n;
} SessionCount;

static gboolean
has_sessions (gpointer data)
{
  SessionCount *count = data;

  return n_sessions (count->document) == count->n;
}

static int
run_drags (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "drag.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_project (file);
  ConveneWindow *window = show_window (document, 1280, 800);
  GtkWidget *sessions_view = require_widget (GTK_WIDGET (window), "sessions_view");
  ConveneSession *example = session_at (document, 0);
  ConveneSession *briefing = session_at (document, 1);
  ConveneSession *reception = session_at (document, 2);
  g_autofree char *order = NULL;
  g_autofree char *click = NULL;
  GtkWidget *dialog;
  int x1, y1, x2, y2;
  guint test = 0;
  gboolean ok;

  gtk_window_set_title (GTK_WINDOW (window), "Convene Sessions Drag Test");
  /* A few frames on, the X server has the title xdotool looks for. */
  wait_until (at_rest, &(AtRest) { .widget = GTK_WIDGET (window) }, "the window to be drawn");
  g_print ("1..7\n");
  screenshot ("sessions-1280-light.png");

  /* 1. The first session dragged onto the lower half of the last: it goes last. */
  screen_point (session_row_of (sessions_view, example), 0.5, &x1, &y1);
  screen_point (session_row_of (sessions_view, reception), 0.8, &x2, &y2);
  ok = drag_with_shot (x1, y1, x2, y2, session_row_of (sessions_view, reception), "drop-after",
                       "sessions-drop-indicator.png");
  g_print ("# the line under the last row showed during the drag: %s\n", ok ? "yes" : "no");
  order = session_order (document, file);
  g_print ("# after the drag: %s\n", order);
  ok = ok && session_at (document, 2) == example && session_at (document, 0) == briefing;
  g_print ("%s %u - a session dragged onto the last row's lower half (a line below it) goes last, in the file too\n",
           ok ? "ok" : "not ok", ++test);
  g_clear_pointer (&order, g_free);

  /* 2. Back onto the upper half of the first row: first again. */
  screen_point (session_row_of (sessions_view, example), 0.5, &x1, &y1);
  screen_point (session_row_of (sessions_view, briefing), 0.2, &x2, &y2);
  drag (x1, y1, x2, y2);
  order = session_order (document, file);
  g_print ("# after the second drag: %s\n", order);
  ok = session_at (document, 0) == example && session_at (document, 1) == briefing;
  g_print ("%s %u - dropped on the upper half of the first row it goes first\n", ok ? "ok" : "not ok", ++test);
  g_clear_pointer (&order, g_free);

  /* 3. Undo of a drag puts it back, in the file too. */
  g_assert_true (convene_document_undo (document, NULL));
  order = session_order (document, file);
  ok = session_at (document, 2) == example;
  g_print ("%s %u - undo puts the dragged session back\n", ok ? "ok" : "not ok", ++test);
  g_assert_true (convene_document_undo (document, NULL));
  g_clear_pointer (&order, g_free);

  /* 4, 5. Alt+Down on the briefing's row (clicked, so it is selected and
   *    has the keyboard), then Alt+Up twice; three undos. */
  wait_until (at_rest, &(AtRest) { .widget = session_row_of (sessions_view, briefing) }, "the row to be in place");
  screen_point (session_row_of (sessions_view, briefing), 0.5, &x1, &y1);
  click = g_strdup_printf ("mousemove %d %d click 1", x1, y1);
  xdotool_seen (GTK_WIDGET (window), click, GDK_BUTTON_RELEASE);
  wait_until (is_opened, &(Opened) { window, briefing }, "the clicked session to open");
  wait_until (at_rest, &(AtRest) { .widget = session_row_of (sessions_view, briefing) }, "the row to be in place");
  /* The one pause about time: a second click sooner than the double-click
   * time would be a double click, not the second click meant here. */
  {
    int double_click_ms = 400;

    g_object_get (gtk_settings_get_default (), "gtk-double-click-time", &double_click_ms, NULL);
    settle ((guint) double_click_ms + 100);
  }
  /* Selecting a session opens it beside the list; a second click on the
   * open session's row puts the keyboard on that row. */
  xdotool (click);
  wait_until (focus_within, sessions_view, "the keyboard on the sessions list");
  xdotool ("key alt+Down");
  ok = eventually (session_is_at, &(SessionAt) { document, briefing, 2 });
  order = session_order (document, file);
  g_print ("# after Alt+Down: %s\n", order);
  g_clear_pointer (&order, g_free);
  xdotool ("key alt+Up");
  eventually (session_is_at, &(SessionAt) { document, briefing, 1 });
  order = session_order (document, file);
  g_print ("# after Alt+Up: %s\n", order);
  g_clear_pointer (&order, g_free);
  xdotool ("key alt+Up");
  ok = eventually (session_is_at, &(SessionAt) { document, briefing, 0 }) && ok;
  order = session_order (document, file);
  g_print ("# after the keys: %s\n", order);
  ok = ok && session_at (document, 0) == briefing && selected_session (window) == briefing;
  g_print ("%s %u - Alt+Down and Alt+Up move the focused session, saved at once\n", ok ? "ok" : "not ok", ++test);
  for (guint i = 0; i < 3; i++)
    g_assert_true (convene_document_undo (document, NULL));
  g_clear_pointer (&order, g_free);
  order = session_order (document, file);
  ok = session_at (document, 0) == example && session_at (document, 1) == briefing;
  g_print ("%s %u - three undos restore the order\n", ok ? "ok" : "not ok", ++test);

  /* 6. The dialog (Ctrl+Shift+N in the application; the action here) opens
   *    on Blank and is used from the keyboard: Down to the side-event panel,
   *    Enter. */
  dialog = open_new_session_dialog (window);
  window_shot ("New Session", "new-session-1280-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  window_shot ("New Session", "new-session-1280-dark.png");
  screenshot ("new-session-screen-1280-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == find_by_name (dialog, "blank"));
  xdotool_seen (dialog, "key Down", GDK_KEY_PRESS);
  xdotool ("key Return");
  wait_until (dialog_gone, GSIZE_TO_POINTER (CONVENE_TYPE_NEW_SESSION_DIALOG), "the dialog to close");
  ok = n_sessions (document) == 4 &&
       g_strcmp0 (convene_session_get_title (session_at (document, 3)), "Side-event panel") == 0;
  g_free (assert_saved (document, file));
  g_print ("%s %u - the New Session dialog works from the keyboard\n", ok ? "ok" : "not ok", ++test);

  /* 7. Ctrl+D on the new side event's row in the sidebar duplicates it. */
  /* Without a window manager nobody hands the window back the keyboard
   * when the dialog goes: do it, as a window manager would. */
  xdotool ("search --name \"^Convene Sessions Drag Test$\" windowfocus --sync");
  wait_until (window_is_active, window, "the window to have the keyboard");
  wait_until (at_rest, &(AtRest) { .widget = session_row_of (sessions_view, session_at (document, 3)) },
              "the row to be in place");
  screen_point (session_row_of (sessions_view, session_at (document, 3)), 0.5, &x1, &y1);
  g_free (click);
  click = g_strdup_printf ("mousemove %d %d click 1", x1, y1);
  xdotool_seen (GTK_WIDGET (window), click, GDK_BUTTON_RELEASE);
  wait_until (is_opened, &(Opened) { window, session_at (document, 3) }, "the clicked session to open");
  xdotool ("key ctrl+d");
  ok = eventually (has_sessions, &(SessionCount) { document, 5 }) &&
       g_strcmp0 (convene_session_get_title (session_at (document, 4)), "Side-event panel (Copy)") == 0 &&
       selected_session (window) == session_at (document, 4);
  g_clear_pointer (&order, g_free);
  order = session_order (document, file);
  g_print ("# after Ctrl+D: %s\n", order);
  g_print ("%s %u - Ctrl+D on a session's row duplicates it\n", ok ? "ok" : "not ok", ++test);

  /* The name asked for when saving a format. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-session-format", NULL));
  wait_until (dialog_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the name of the format");
  screenshot ("save-format-1280-light.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "save");

  close_window (window);

  /* The dialog at phone width, light and dark. Closing the window closed
   * the project: open it again, as a planner would. */
  g_clear_object (&document);
  document = convene_document_open (file, CONVENE_STORE_READ_WRITE, NULL);
  g_assert_nonnull (document);
  window = show_window (document, 360, 780);
  dialog = open_new_session_dialog (window);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 700);
  gtk_widget_set_size_request (dialog, 360, 700);
  window_shot ("New Session", "new-session-360-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  window_shot ("New Session", "new-session-360-dark.png");
  gtk_widget_activate_action (dialog, "window.close", NULL);
  wait_until (dialog_gone, GSIZE_TO_POINTER (CONVENE_TYPE_NEW_SESSION_DIALOG), "the dialog to close");
  screenshot ("sessions-360-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
  return 0;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Projects and saved formats go to a folder of the test's own. */
  if (ui_test_init (&argc, &argv, "convene-sessions-XXXXXX", &tmp_dir))
    status = run_drags ();
  else
    {
      g_test_add_func ("/ui/sessions/duplicate", test_duplicate);
      g_test_add_func ("/ui/sessions/move-actions", test_move_actions);
      g_test_add_func ("/ui/sessions/new-from-format", test_new_from_format);
      g_test_add_func ("/ui/sessions/saved-format", test_saved_format);
      g_test_add_func ("/ui/sessions/many", test_many);
      status = g_test_run ();
    }

  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
