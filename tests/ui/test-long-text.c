/* test-long-text.c: a project whose titles and names are as long as a
 * project allows, each one unbroken word, opens in a window like any other.
 * Laying out such a word in full takes Pango minutes; the window shows a
 * bounded part of it. There is no timing here: without the bound the test
 * does not finish, and meson's timeout fails it. */
#define G_LOG_DOMAIN "convene-test-long-text"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "convene-document.h"
#include "convene-edits.h"
#include "convene-formats.h"
#include "convene-limits.h"
#include "convene-new-session-dialog.h"
#include "convene-segment-block.h"
#include "convene-ui-util.h"
#include "convene-window.h"
#include "ui-test-support.h"

static char *tmp_dir;

static void
set_text (ConveneDocument *document,
          gpointer         object,
          const char      *property,
          const char      *value)
{
  g_autoptr(GError) error = NULL;
  ConveneCommand *command = convene_edit_set_text (object, property, value, &error);

  g_assert_no_error (error);
  g_assert_true (convene_document_perform (document, command, &error));
  g_assert_no_error (error);
}

static guint
count_blocks (GtkWidget *root)
{
  guint n = g_str_equal (G_OBJECT_TYPE_NAME (root), "ConveneSegmentBlock");

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_blocks (child);
  return n;
}

static gboolean
blocks_drawn (gpointer data)
{
  /* The example's first session: four parts and the six panel talks. */
  return count_blocks (data) == 10;
}

/* A label showing the start of the long word, cut short. */
static gboolean
shows_start_of (GtkWidget  *root,
                const char *word)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_labels (root, texts);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (strlen (text) > 20 && strncmp (text, word, 20) == 0 && g_str_has_suffix (text, "…"))
        return TRUE;
    }
  return FALSE;
}

static void
test_long_words (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "long.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneProject *project = convene_document_get_project (document);
  g_autoptr(ConveneSession) session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);
  g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (G_LIST_MODEL (convene_project_get_speakers (project)), 0);
  g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (G_LIST_MODEL (convene_session_get_outcomes (session)), 0);
  GListModel *segments = G_LIST_MODEL (convene_session_get_segments (session));
  g_autofree char *word = g_strnfill (CONVENE_MAX_TEXT_BYTES, 'w');
  ConveneWindow *window;
  GtkWidget *timeline;

  /* Each text as long as a project allows, without a place to break a line. */
  set_text (document, project, "title", word);
  set_text (document, session, "title", word);
  set_text (document, speaker, "name", word);
  set_text (document, outcome, "text", word);
  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);
      GListModel *items = G_LIST_MODEL (convene_segment_get_items (segment));

      set_text (document, segment, "title", word);
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(ConveneSegment) item = g_list_model_get_item (items, j);

          set_text (document, item, "title", word);
        }
    }

  window = show_window (document, -1, -1);
  timeline = require_widget (GTK_WIDGET (window), "timeline");
  wait_until (blocks_drawn, timeline, "ten timeline blocks");
  wait_until (widget_is_mapped, first_of_type (timeline, CONVENE_TYPE_SEGMENT_BLOCK), "a block on screen");
  g_assert_true (shows_start_of (timeline, word));
  g_assert_true (shows_start_of (GTK_WIDGET (window), word));
  /* The model keeps every character. */
  g_assert_true (g_str_equal (convene_session_get_title (session), word));

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

/* Presses Enter in an entry row, as a planner leaving it unchanged does. */
static void
press_enter (GtkWidget *row)
{
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (row)), "activate");
}

/* The field shows the start of word and says that it shows only that. */
static void
assert_shows_part (GtkWidget  *row,
                   const char *word)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  g_assert_cmpuint (g_utf8_strlen (text, -1), ==, CONVENE_UI_MAX_EDIT_CHARS + 1);
  g_assert_true (strncmp (text, word, CONVENE_UI_MAX_EDIT_CHARS) == 0);
  g_assert_true (g_str_has_suffix (text, "…"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (row));
}

static char *
saved_segment_title (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneDocument) saved = convene_document_open (file, CONVENE_STORE_READ_ONLY, &error);
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(ConveneSegment) segment = NULL;

  g_assert_no_error (error);
  session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (convene_document_get_project (saved))), 0);
  segment = g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 0);
  return g_strdup (convene_segment_get_title (segment));
}

/* A text longer than an editing field holds (GTK's entries keep 65,534
 * bytes) is shown in part, and passing through the field keeps all of it;
 * what the planner types replaces it, and undo brings it back whole. */
static void
test_long_fields (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "fields.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneProject *project = convene_document_get_project (document);
  g_autoptr(ConveneSession) session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);
  g_autoptr(ConveneSegment) segment = g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 0);
  g_autofree char *word = g_strnfill (CONVENE_MAX_TEXT_BYTES, 'x');
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  ConveneWindow *window;
  GtkWidget *timeline, *session_row, *title_row;

  set_text (document, session, "title", word);
  set_text (document, segment, "title", word);
  window = show_window (document, -1, -1);

  session_row = require_widget (GTK_WIDGET (window), "session_title_row");
  assert_shows_part (session_row, word);
  press_enter (session_row);
  g_assert_cmpstr (convene_session_get_title (session), ==, word);

  timeline = require_widget (GTK_WIDGET (window), "timeline");
  convene_timeline_view_select_segment (CONVENE_TIMELINE_VIEW (timeline), segment);
  title_row = first_of_type (first_with_class (timeline, "segment-editor"), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (title_row);
  show_side_page (title_row);
  assert_shows_part (title_row, word);
  press_enter (title_row);
  g_assert_cmpstr (convene_segment_get_title (segment), ==, word);
  saved = saved_segment_title (file);
  g_assert_cmpstr (saved, ==, word);
  g_clear_pointer (&saved, g_free);

  activate_entry (title_row, "Welcome");
  g_assert_cmpstr (convene_segment_get_title (segment), ==, "Welcome");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Welcome");
  g_assert_null (gtk_widget_get_tooltip_text (title_row));
  saved = saved_segment_title (file);
  g_assert_cmpstr (saved, ==, "Welcome");
  g_clear_pointer (&saved, g_free);

  g_assert_true (convene_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (convene_segment_get_title (segment), ==, word);
  assert_shows_part (title_row, word);
  saved = saved_segment_title (file);
  g_assert_cmpstr (saved, ==, word);

  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

/* A saved format whose name is one long word is offered in New Session. */
static void
test_long_format_name (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "formats.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneProject *project = convene_document_get_project (document);
  g_autoptr(ConveneSession) session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);
  g_autofree char *word = g_strnfill (CONVENE_MAX_TEXT_BYTES, 'f');
  g_autoptr(ConveneFormat) format = NULL;
  g_autoptr(GError) error = NULL;
  ConveneWindow *window = show_window (document, -1, -1);
  GtkWidget *dialog;

  format = convene_format_new_from_session (session, word, &error);
  g_assert_no_error (error);
  g_assert_true (convene_format_save (format, NULL, &error));
  g_assert_no_error (error);

  dialog = GTK_WIDGET (convene_new_session_dialog_new (GTK_WINDOW (window)));
  gtk_window_present (GTK_WINDOW (dialog));
  wait_until (widget_is_mapped, dialog, "the New Session dialog shown");
  g_assert_true (shows_start_of (dialog, word));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (convene_format_delete (format, &error));
  close_window (window);
  g_clear_object (&document);
  remove_project_file (file);
}

/* What a label keeps: whole characters, each line bounded on its own. */
static void
test_shown_text (void)
{
  g_autoptr(GString) accents = g_string_new (NULL);
  g_autofree char *shown = NULL;
  g_autofree char *two_lines = NULL;
  g_autofree char *shown_lines = NULL;
  g_autofree char *empty = convene_ui_dup_shown_text (NULL);
  g_autofree char *short_text = convene_ui_dup_shown_text ("Panel\nQ&A");

  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (short_text, ==, "Panel\nQ&A");

  for (guint i = 0; i < CONVENE_UI_MAX_SHOWN_CHARS + 10; i++)
    g_string_append (accents, "é");
  shown = convene_ui_dup_shown_text (accents->str);
  g_assert_true (g_utf8_validate (shown, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (shown, -1), ==, CONVENE_UI_MAX_SHOWN_CHARS + 1);
  g_assert_true (g_str_has_suffix (shown, "é…"));

  two_lines = g_strdup_printf ("%s\nshort\n%s", accents->str, accents->str);
  shown_lines = convene_ui_dup_shown_text (two_lines);
  {
    g_auto(GStrv) lines = g_strsplit (shown_lines, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_cmpstr (lines[0], ==, shown);
    g_assert_cmpstr (lines[1], ==, "short");
    g_assert_cmpstr (lines[2], ==, shown);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_init (&argc, &argv, "convene-long-text-XXXXXX", &tmp_dir);

  g_test_add_func ("/ui/long-text/shown-text", test_shown_text);
  g_test_add_func ("/ui/long-text/words", test_long_words);
  g_test_add_func ("/ui/long-text/format-name", test_long_format_name);
  g_test_add_func ("/ui/long-text/fields", test_long_fields);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
