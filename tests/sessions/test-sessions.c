/* Sessions and session formats as a planner uses them: moving, duplicating
 * and starting sessions from formats go through a document on a real project
 * file, which is read again after each step, and undo and redo walk the whole
 * way back and forth. Saved formats are written to and read from a folder of
 * their own, including files a hostile hand has put there. */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "convene-document.h"
#include "convene-formats.h"
#include "convene-limits.h"
#include "convene-schedule.h"
#include "convene-session-edits.h"
#include "convene-validate.h"
#include "store-fixtures.h"

typedef struct
{
  char *dir;
  char *path;
  GFile *file;
  ConveneDocument *document;
  ConveneProject *project;       /* borrowed from the document */
  GPtrArray *dumps;              /* the project before each step */
  guint n_performed;
} Fixture;

static ConveneSession *
nth_session (ConveneProject *project,
             guint           n)
{
  g_autoptr(ConveneSession) session =
    g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), n);
  return session;
}

static guint
n_items (gpointer list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ConveneProject) project = fixture_full_project ();
  g_autoptr(ConveneSession) third = NULL;
  g_autoptr(GError) error = NULL;

  third = convene_session_new (convene_project_new_id (project), "Press briefing", "2025-06-13",
                               9 * 60, 30);
  g_list_store_append (convene_project_get_sessions (project), third);

  f->dir = fixture_make_dir ();
  f->path = g_build_filename (f->dir, "Sessions.convene", NULL);
  f->file = g_file_new_for_path (f->path);
  f->document = convene_document_create (f->file, project, &error);
  g_assert_no_error (error);
  f->project = convene_document_get_project (f->document);
  f->dumps = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  convene_document_close (f->document);
  g_clear_object (&f->document);
  g_assert_false (fixture_has_companions (f->path));
  fixture_remove_dir (f->dir);
  g_clear_object (&f->file);
  g_clear_pointer (&f->dumps, g_ptr_array_unref);
  g_free (f->path);
  g_free (f->dir);
}

/* The file, read again by a second store, says what the model says. */
static void
assert_persisted (Fixture *f)
{
  g_autofree char *expected = fixture_dump_project (f->project);
  g_autofree char *actual = fixture_dump_file (f->path);

  g_assert_cmpstr (actual, ==, expected);
}

static void
perform (Fixture        *f,
         ConveneCommand *command,
         const char     *label)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (command);
  g_assert_cmpstr (convene_command_get_label (command), ==, label);
  g_ptr_array_add (f->dumps, fixture_dump_project (f->project));
  g_assert_true (convene_document_perform (f->document, command, &error));
  g_assert_no_error (error);
  f->n_performed++;
  assert_persisted (f);
}

static void
assert_refused (Fixture        *f,
                ConveneCommand *command,
                GError         *error,
                int             code)
{
  g_autofree char *before = fixture_checksum (f->path);
  g_autofree char *after = NULL;

  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, code);
  after = fixture_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  assert_persisted (f);
}

/* Walks the whole history back, checking model and file against the dump
 * taken before each step, then forward again. */
static void
undo_and_redo_everything (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *final = fixture_dump_project (f->project);
  g_autofree char *again = NULL;

  g_ptr_array_add (f->dumps, g_strdup (final));

  for (guint i = f->n_performed; i > 0; i--)
    {
      g_autofree char *now = NULL;

      g_assert_true (convene_document_undo (f->document, &error));
      g_assert_no_error (error);
      assert_persisted (f);
      now = fixture_dump_project (f->project);
      g_assert_cmpstr (now, ==, g_ptr_array_index (f->dumps, i - 1));
    }

  for (guint i = 1; i <= f->n_performed; i++)
    {
      g_autofree char *now = NULL;

      g_assert_true (convene_document_redo (f->document, &error));
      g_assert_no_error (error);
      assert_persisted (f);
      now = fixture_dump_project (f->project);
      g_assert_cmpstr (now, ==, g_ptr_array_index (f->dumps, i));
    }

  again = fixture_dump_project (f->project);
  g_assert_cmpstr (again, ==, final);
}

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  ConveneSession *first = nth_session (f->project, 0);
  ConveneSession *second = nth_session (f->project, 1);
  ConveneSession *third = nth_session (f->project, 2);
  g_autoptr(ConveneSession) stranger = convene_session_new (999999, "Elsewhere", "", 0, 10);
  GError *error = NULL;
  ConveneCommand *command;

  /* Down to the end, then the last one up to the top. */
  perform (f, convene_edit_move_session (f->project, first, 2, NULL), "Move Session");
  g_assert_true (nth_session (f->project, 0) == second);
  g_assert_true (nth_session (f->project, 1) == third);
  g_assert_true (nth_session (f->project, 2) == first);

  perform (f, convene_edit_move_session (f->project, first, 0, NULL), "Move Session");
  g_assert_true (nth_session (f->project, 0) == first);

  /* One step down (the keyboard's Alt+Down). */
  perform (f, convene_edit_move_session (f->project, second, 2, NULL), "Move Session");
  g_assert_true (nth_session (f->project, 1) == third);
  g_assert_true (nth_session (f->project, 2) == second);

  /* Past the end means the end; the same place and a stranger are refused. */
  command = convene_edit_move_session (f->project, third, 0, &error);
  perform (f, command, "Move Session");
  command = convene_edit_move_session (f->project, second, 100, &error);
  assert_refused (f, command, error, CONVENE_MODEL_ERROR_INVALID_NESTING);
  g_clear_error (&error);
  command = convene_edit_move_session (f->project, stranger, 0, &error);
  assert_refused (f, command, error, CONVENE_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  undo_and_redo_everything (f);
}

static void
collect_ids (ConveneSession *session,
             GHashTable     *ids)
{
  GListModel *segments = G_LIST_MODEL (convene_session_get_segments (session));
  GListModel *outcomes = G_LIST_MODEL (convene_session_get_outcomes (session));

  g_hash_table_add (ids, g_memdup2 (&(gint64) { convene_session_get_id (session) }, sizeof (gint64)));
  for (guint i = 0; i < n_items (segments); i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);
      GListModel *items = G_LIST_MODEL (convene_segment_get_items (segment));

      g_hash_table_add (ids, g_memdup2 (&(gint64) { convene_segment_get_id (segment) }, sizeof (gint64)));
      for (guint j = 0; j < n_items (items); j++)
        {
          g_autoptr(ConveneSegment) item = g_list_model_get_item (items, j);

          g_hash_table_add (ids, g_memdup2 (&(gint64) { convene_segment_get_id (item) }, sizeof (gint64)));
        }
    }
  for (guint i = 0; i < n_items (outcomes); i++)
    {
      g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);

      g_hash_table_add (ids, g_memdup2 (&(gint64) { convene_outcome_get_id (outcome) }, sizeof (gint64)));
    }
}

static guint
count_assignments (ConveneProject *project,
                   GHashTable     *ids)
{
  GListModel *assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  guint count = 0;

  for (guint i = 0; i < n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);
      gint64 segment_id = convene_assignment_get_segment_id (assignment);
      gint64 session_id = convene_assignment_get_session_id (assignment);

      if (g_hash_table_contains (ids, &segment_id) || g_hash_table_contains (ids, &session_id))
        count++;
    }
  return count;
}

static guint
count_links (ConveneProject *project,
             GHashTable     *ids)
{
  GListModel *links = G_LIST_MODEL (convene_project_get_outcome_links (project));
  guint count = 0;

  for (guint i = 0; i < n_items (links); i++)
    {
      g_autoptr(ConveneOutcomeLink) link = g_list_model_get_item (links, i);
      gint64 outcome_id = convene_outcome_link_get_outcome_id (link);
      gint64 segment_id = convene_outcome_link_get_segment_id (link);

      /* Both ends inside: a copied link never points back at the original. */
      if (g_hash_table_contains (ids, &outcome_id))
        {
          g_assert_true (g_hash_table_contains (ids, &segment_id));
          count++;
        }
    }
  return count;
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  ConveneSession *original = nth_session (f->project, 0);
  g_autoptr(GHashTable) original_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) copy_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(ConveneSegment) panel = NULL;
  g_autoptr(ConveneSegment) panel_copy = NULL;
  ConveneSession *copy = NULL;
  GHashTableIter iter;
  gpointer key;
  guint n_sessions = n_items (convene_project_get_sessions (f->project));
  guint n_assignments = n_items (convene_project_get_assignments (f->project));
  guint n_links = n_items (convene_project_get_outcome_links (f->project));

  perform (f, convene_edit_duplicate_session (f->project, original, &copy, NULL), "Duplicate Session");

  g_assert_cmpuint (n_items (convene_project_get_sessions (f->project)), ==, n_sessions + 1);
  g_assert_true (nth_session (f->project, 1) == copy);
  g_assert_cmpstr (convene_session_get_title (copy), ==, "High-level side event (Copy)");
  g_assert_cmpstr (convene_session_get_room (copy), ==, convene_session_get_room (original));
  g_assert_cmpstr (convene_session_get_date (copy), ==, convene_session_get_date (original));
  g_assert_cmpint (convene_session_get_start_time (copy), ==, convene_session_get_start_time (original));
  g_assert_cmpuint (convene_session_get_slot_minutes (copy), ==, convene_session_get_slot_minutes (original));
  g_assert_cmpuint (n_items (convene_session_get_segments (copy)), ==,
                    n_items (convene_session_get_segments (original)));
  g_assert_cmpuint (n_items (convene_session_get_outcomes (copy)), ==,
                    n_items (convene_session_get_outcomes (original)));

  /* The panel's items came along, with their titles and notes. */
  panel = g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (original)), 4);
  panel_copy = g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (copy)), 4);
  g_assert_cmpint (convene_segment_get_kind (panel_copy), ==, CONVENE_SEGMENT_KIND_PANEL);
  g_assert_cmpuint (n_items (convene_segment_get_items (panel_copy)), ==, 3);
  g_assert_cmpuint (convene_segment_get_duration (panel_copy), ==, convene_segment_get_duration (panel));
  /* A copy is another session for schedules and calendars. */
  g_assert_cmpstr (convene_session_get_uuid (copy), !=, convene_session_get_uuid (original));
  g_assert_cmpstr (convene_segment_get_uuid (panel_copy), !=, convene_segment_get_uuid (panel));

  /* Fresh ids everywhere; people and links came along, pointing at the copy. */
  collect_ids (original, original_ids);
  collect_ids (copy, copy_ids);
  g_assert_cmpuint (g_hash_table_size (copy_ids), ==, g_hash_table_size (original_ids));
  g_hash_table_iter_init (&iter, copy_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_false (g_hash_table_contains (original_ids, key));

  g_assert_cmpuint (count_assignments (f->project, copy_ids), ==,
                    count_assignments (f->project, original_ids));
  g_assert_cmpuint (count_assignments (f->project, copy_ids), >, 0);
  g_assert_cmpuint (n_items (convene_project_get_assignments (f->project)), ==,
                    n_assignments + count_assignments (f->project, copy_ids));
  g_assert_cmpuint (count_links (f->project, copy_ids), ==, count_links (f->project, original_ids));
  g_assert_cmpuint (count_links (f->project, copy_ids), >, 0);
  g_assert_cmpuint (n_items (convene_project_get_outcome_links (f->project)), ==,
                    n_links + count_links (f->project, copy_ids));

  /* The copy of the copy, and a session with nothing in it. */
  perform (f, convene_edit_duplicate_session (f->project, copy, NULL, NULL), "Duplicate Session");
  g_assert_cmpstr (convene_session_get_title (nth_session (f->project, 2)), ==,
                   "High-level side event (Copy) (Copy)");
  perform (f, convene_edit_duplicate_session (f->project, nth_session (f->project, 4), &copy, NULL),
           "Duplicate Session");
  g_assert_true (nth_session (f->project, 5) == copy);
  g_assert_cmpstr (convene_session_get_title (copy), ==, "Press briefing (Copy)");

  undo_and_redo_everything (f);

  /* Undo takes the whole copy away in one step, people and links too. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (convene_document_undo (f->document, NULL));
  g_assert_cmpuint (n_items (convene_project_get_sessions (f->project)), ==, n_sessions);
  g_assert_cmpuint (n_items (convene_project_get_assignments (f->project)), ==, n_assignments);
  g_assert_cmpuint (n_items (convene_project_get_outcome_links (f->project)), ==, n_links);
  assert_persisted (f);
}

static void
test_new_from_format (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) formats = convene_formats_list_builtin ();
  guint n_sessions = n_items (convene_project_get_sessions (f->project));
  ConveneCommand *command;
  GError *error = NULL;

  for (guint i = 0; i < formats->len; i++)
    {
      ConveneFormat *format = g_ptr_array_index (formats, i);
      ConveneSession *session = NULL;
      guint position = n_items (convene_project_get_sessions (f->project));

      perform (f, convene_edit_add_session_from_format (f->project, format, convene_format_get_name (format),
                                                        "2025-06-14", 10 * 60, position, &session, NULL),
               "New Session");
      g_assert_true (nth_session (f->project, position) == session);
      g_assert_cmpstr (convene_session_get_title (session), ==, convene_format_get_name (format));
      g_assert_cmpuint (n_items (convene_session_get_segments (session)), ==,
                        n_items (convene_format_get_segments (format)));
      if (convene_format_get_total_minutes (format) > 0)
        g_assert_cmpuint (convene_session_get_slot_minutes (session), ==,
                          convene_format_get_total_minutes (format));
      else
        g_assert_cmpuint (convene_session_get_slot_minutes (session), ==, 60);

      /* A built-in format's panels are filled by their talks exactly. */
      {
        g_autoptr(ConveneSchedule) schedule = convene_schedule_compute (session, NULL);

        for (guint j = 0; j < convene_schedule_get_n_entries (schedule); j++)
          {
            const ConveneScheduleEntry *entry = convene_schedule_get_entry (schedule, j);

            g_assert_true (entry->target < 0 || entry->target == entry->items_minutes);
          }
      }
    }

  /* The side-event panel: four segments, three talks in the panel, 90 minutes. */
  {
    ConveneSession *side_event = nth_session (f->project, n_sessions + 1);
    g_autoptr(ConveneSegment) panel = g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (side_event)), 1);
    g_autoptr(ConveneSegment) talk = g_list_model_get_item (G_LIST_MODEL (convene_segment_get_items (panel)), 0);

    g_assert_cmpstr (convene_session_get_title (side_event), ==, "Side-event panel");
    g_assert_cmpuint (n_items (convene_session_get_segments (side_event)), ==, 4);
    g_assert_cmpint (convene_segment_get_kind (panel), ==, CONVENE_SEGMENT_KIND_PANEL);
    g_assert_true (convene_segment_get_has_target (panel));
    g_assert_cmpuint (n_items (convene_segment_get_items (panel)), ==, 3);
    g_assert_cmpint (convene_segment_get_kind (talk), ==, CONVENE_SEGMENT_KIND_PRESENTATION);
    g_assert_cmpuint (convene_session_get_slot_minutes (side_event), ==, 90);
    g_assert_nonnull (convene_project_find_segment (f->project, convene_segment_get_id (talk), NULL));
  }

  /* A bad date or time is refused before anything happens. */
  command = convene_edit_add_session_from_format (f->project, g_ptr_array_index (formats, 1), "X",
                                                  "2025-02-30", 600, 0, NULL, &error);
  assert_refused (f, command, error, CONVENE_MODEL_ERROR_INVALID_DATE);
  g_clear_error (&error);
  command = convene_edit_add_session_from_format (f->project, g_ptr_array_index (formats, 1), "X",
                                                  "2025-02-03", 24 * 60, 0, NULL, &error);
  assert_refused (f, command, error, CONVENE_MODEL_ERROR_INVALID_TIME);
  g_clear_error (&error);

  undo_and_redo_everything (f);
}

static void
test_builtin_formats (void)
{
  g_autoptr(GPtrArray) formats = convene_formats_list_builtin ();
  const char *ids[] = { "blank", "side-event-panel", "technical-briefing", "workshop",
                        "keynote-qa", "fishbowl", "roundtable" };

  g_assert_cmpuint (formats->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < formats->len; i++)
    {
      ConveneFormat *format = g_ptr_array_index (formats, i);
      g_autoptr(ConveneFormat) found = convene_formats_find_builtin (ids[i]);

      g_assert_cmpstr (convene_format_get_id (format), ==, ids[i]);
      g_assert_true (convene_format_get_builtin (format));
      g_assert_null (convene_format_get_path (format));
      g_assert_cmpstr (convene_format_get_description (format), !=, "");
      g_assert_nonnull (found);
      g_assert_cmpstr (convene_format_get_name (found), ==, convene_format_get_name (format));
      g_assert_cmpuint (convene_format_get_total_minutes (format) > 0, ==, i > 0);
    }
  g_assert_cmpuint (convene_format_get_total_minutes (g_ptr_array_index (formats, 1)), ==, 90);
  g_assert_null (convene_formats_find_builtin ("nonsense"));
}

static void
assert_same_structure (GListModel *a,
                       GListModel *b)
{
  g_assert_cmpuint (n_items (a), ==, n_items (b));
  for (guint i = 0; i < n_items (a); i++)
    {
      g_autoptr(ConveneSegment) sa = g_list_model_get_item (a, i);
      g_autoptr(ConveneSegment) sb = g_list_model_get_item (b, i);

      g_assert_cmpint (convene_segment_get_kind (sa), ==, convene_segment_get_kind (sb));
      g_assert_cmpstr (convene_segment_get_title (sa), ==, convene_segment_get_title (sb));
      g_assert_cmpuint (convene_segment_get_duration (sa), ==, convene_segment_get_duration (sb));
      g_assert_cmpstr (convene_segment_get_notes (sa), ==, convene_segment_get_notes (sb));
      g_assert_cmpstr (convene_segment_get_cues (sa), ==, convene_segment_get_cues (sb));
      assert_same_structure (G_LIST_MODEL (convene_segment_get_items (sa)),
                             G_LIST_MODEL (convene_segment_get_items (sb)));
    }
}

static void
test_save_load_delete (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *user_dir = convene_formats_dup_user_dir ();
  g_autoptr(ConveneFormat) format = NULL;
  g_autoptr(ConveneFormat) twin = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  ConveneSession *source = nth_session (f->project, 0);
  ConveneSession *session = NULL;
  ConveneFormat *loaded;
  struct stat st;

  /* The tests point XDG_DATA_HOME at a folder of their own. */
  g_assert_true (g_str_has_prefix (user_dir, g_getenv ("XDG_DATA_HOME")));

  g_assert_null (convene_format_new_from_session (source, "  ", &error));
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TEXT);
  g_clear_error (&error);

  format = convene_format_new_from_session (source, " Our lunchtime panel ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (convene_format_get_name (format), ==, "Our lunchtime panel");
  g_assert_false (convene_format_get_builtin (format));
  g_assert_true (convene_format_save (format, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (convene_format_get_id (format), ==, "our-lunchtime-panel.json");
  g_assert_true (g_str_has_prefix (convene_format_get_path (format), user_dir));
  g_assert_cmpint (g_stat (convene_format_get_path (format), &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));

  /* The same name again is a second file, not an overwrite. */
  twin = convene_format_new_from_session (nth_session (f->project, 1), "Our lunchtime panel", &error);
  g_assert_true (convene_format_save (twin, NULL, &error));
  g_assert_cmpstr (convene_format_get_id (twin), ==, "our-lunchtime-panel-2.json");

  saved = convene_formats_load_saved (NULL);
  g_assert_cmpuint (saved->len, ==, 2);
  /* Same names sort by file; the first save is the one without a number. */
  loaded = g_ptr_array_index (saved, 1);
  g_assert_cmpstr (convene_format_get_id (loaded), ==, "our-lunchtime-panel.json");
  g_assert_cmpstr (convene_format_get_id (g_ptr_array_index (saved, 0)), ==, "our-lunchtime-panel-2.json");
  g_assert_cmpstr (convene_format_get_name (loaded), ==, "Our lunchtime panel");
  g_assert_false (convene_format_get_builtin (loaded));
  assert_same_structure (convene_format_get_segments (loaded), G_LIST_MODEL (convene_session_get_segments (source)));
  g_assert_cmpuint (convene_format_get_total_minutes (loaded), >, 0);

  /* No people, no outcomes: a session from it has only the structure. */
  perform (f, convene_edit_add_session_from_format (f->project, loaded, "Again", "2025-06-20", 12 * 60,
                                                    0, &session, NULL),
           "New Session");
  g_assert_true (nth_session (f->project, 0) == session);
  assert_same_structure (G_LIST_MODEL (convene_session_get_segments (session)),
                         G_LIST_MODEL (convene_session_get_segments (source)));
  g_assert_cmpuint (n_items (convene_session_get_outcomes (session)), ==, 0);
  {
    g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

    collect_ids (session, ids);
    g_assert_cmpuint (count_assignments (f->project, ids), ==, 0);
  }
  undo_and_redo_everything (f);

  /* Delete: the file goes; built-ins cannot be deleted. */
  g_assert_true (convene_format_delete (loaded, &error));
  g_assert_no_error (error);
  g_assert_null (convene_format_get_path (loaded));
  g_clear_pointer (&saved, g_ptr_array_unref);
  saved = convene_formats_load_saved (NULL);
  g_assert_cmpuint (saved->len, ==, 1);
  g_assert_cmpstr (convene_format_get_id (g_ptr_array_index (saved, 0)), ==, "our-lunchtime-panel-2.json");
  {
    g_autoptr(ConveneFormat) builtin = convene_formats_find_builtin ("workshop");

    g_assert_false (convene_format_delete (builtin, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
    g_clear_error (&error);
  }
  g_assert_true (convene_format_delete (g_ptr_array_index (saved, 0), &error));
  g_clear_pointer (&saved, g_ptr_array_unref);
  saved = convene_formats_load_saved (NULL);
  g_assert_cmpuint (saved->len, ==, 0);
}

/* A file the loader would skip is never written: saving says why instead of
 * saying "saved" for a format that never appears. */
static void
test_save_refuses_unloadable (void)
{
  g_autofree char *dir = fixture_make_dir ();
  g_autofree char *formats_dir = g_build_filename (dir, "formats", NULL);
  g_autofree char *long_notes = g_strnfill (CONVENE_MAX_TEXT_BYTES - 1, 'n');
  g_autoptr(ConveneSession) session = convene_session_new (1, "Lunch", "2027-05-24", 12 * 60, 90);
  g_autoptr(ConveneSegment) pause = convene_segment_new (2, CONVENE_SEGMENT_KIND_BREAK, "Lunch break", 30);
  g_autoptr(ConveneSegment) talk = convene_segment_new (3, CONVENE_SEGMENT_KIND_PRESENTATION, "Talk", 10);
  g_autoptr(ConveneFormat) format = NULL;
  g_autoptr(ConveneFormat) wordy = NULL;
  g_autoptr(ConveneSession) notes_session = convene_session_new (4, "Notes", "2027-05-24", 9 * 60, 600);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) saved = NULL;

  /* A break holding a talk, as a project from an older version may. */
  g_list_store_append (convene_segment_get_items (pause), talk);
  g_list_store_append (convene_session_get_segments (session), pause);
  format = convene_format_new_from_session (session, "Broken", &error);
  g_assert_no_error (error);
  g_assert_false (convene_format_save (format, formats_dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Broken"));
  g_assert_nonnull (strstr (error->message, "Break"));
  g_clear_error (&error);
  g_assert_null (convene_format_get_path (format));
  g_assert_false (g_file_test (formats_dir, G_FILE_TEST_EXISTS));

  /* Each segment's notes within bounds, together more than a format file holds. */
  for (guint i = 0; i < CONVENE_FORMAT_MAX_FILE_BYTES / CONVENE_MAX_TEXT_BYTES + 1; i++)
    {
      g_autoptr(ConveneSegment) segment = convene_segment_new (10 + i, CONVENE_SEGMENT_KIND_PRESENTATION,
                                                               "Talk", 10);

      convene_segment_set_notes (segment, long_notes);
      g_list_store_append (convene_session_get_segments (notes_session), segment);
    }
  wordy = convene_format_new_from_session (notes_session, "Wordy", &error);
  g_assert_no_error (error);
  g_assert_false (convene_format_save (wordy, formats_dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "notes"));
  g_clear_error (&error);
  g_assert_false (g_file_test (formats_dir, G_FILE_TEST_EXISTS));

  /* Moved out of the break, the talk saves and loads again. */
  g_list_store_remove_all (convene_segment_get_items (pause));
  g_list_store_append (convene_session_get_segments (session), talk);
  g_clear_object (&format);
  format = convene_format_new_from_session (session, "Mended", &error);
  g_assert_no_error (error);
  g_assert_true (convene_format_save (format, formats_dir, &error));
  g_assert_no_error (error);
  saved = convene_formats_load_saved (formats_dir);
  g_assert_cmpuint (saved->len, ==, 1);

  fixture_remove_dir (dir);
}

static void
write_file (const char *dir,
            const char *name,
            const char *data,
            gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static char *
segments_json (guint n)
{
  GString *out = g_string_new ("{\"convene-format\": 1, \"name\": \"Many\", \"segments\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s{\"kind\": \"break\", \"title\": \"B\", \"duration\": 1}",
                            i > 0 ? "," : "");
  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
}

static void
test_hostile_formats (void)
{
  g_autofree char *dir = fixture_make_dir ();
  g_autofree char *huge = NULL;
  g_autofree char *deep = NULL;
  g_autofree char *too_many = NULL;
  g_autofree char *just_enough = NULL;
  g_autofree char *long_title = NULL;
  g_autofree char *subdir = g_build_filename (dir, "folder.json", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autofree char *target = g_build_filename (dir, "target.txt", NULL);
  g_autoptr(GPtrArray) saved = NULL;
  const char good[] = "{\"convene-format\": 1, \"name\": \"Good\", \"segments\": ["
                      "{\"kind\": \"panel\", \"title\": \"P\", \"duration\": 30,"
                      " \"items\": [{\"kind\": \"presentation\", \"title\": \"T\", \"duration\": 10}]}]}";
  const char bad_utf8[] = "{\"convene-format\": 1, \"name\": \"\xff\xfe\", \"segments\": []}";
  const char with_nul[] = "{\"convene-format\": 1, \"name\": \"A\0B\", \"segments\": []}";
  const struct { const char *name; const char *data; } bad[] = {
    { "empty.json", "" },
    { "blank.json", " \n\t \n" },
    { "not-json.json", "this is not json" },
    { "array.json", "[1, 2, 3]" },
    { "no-version.json", "{\"name\": \"X\", \"segments\": []}" },
    { "newer.json", "{\"convene-format\": 3, \"name\": \"X\", \"segments\": []}" },
    { "version-0.json", "{\"convene-format\": 0, \"name\": \"X\", \"segments\": []}" },
    { "min-over-max.json", "{\"convene-format\": 2, \"name\": \"X\", \"segments\": "
                           "[{\"kind\": \"break\", \"title\": \"\", \"duration\": 5, \"min_length\": 20,"
                           " \"max_length\": 10}]}" },
    { "min-negative.json", "{\"convene-format\": 2, \"name\": \"X\", \"segments\": "
                           "[{\"kind\": \"break\", \"title\": \"\", \"duration\": 5, \"min_length\": -1}]}" },
    { "max-text.json", "{\"convene-format\": 2, \"name\": \"X\", \"segments\": "
                       "[{\"kind\": \"break\", \"title\": \"\", \"duration\": 5, \"max_length\": \"9\"}]}" },
    { "lock-number.json", "{\"convene-format\": 2, \"name\": \"X\", \"segments\": "
                          "[{\"kind\": \"break\", \"title\": \"\", \"duration\": 5, \"locked\": 1}]}" },
    { "step-zero.json", "{\"convene-format\": 2, \"name\": \"X\", \"fit_step\": 0, \"segments\": []}" },
    { "step-huge.json", "{\"convene-format\": 2, \"name\": \"X\", \"fit_step\": 61, \"segments\": []}" },
    { "version-text.json", "{\"convene-format\": \"1\", \"name\": \"X\", \"segments\": []}" },
    { "no-name.json", "{\"convene-format\": 1, \"segments\": []}" },
    { "name-number.json", "{\"convene-format\": 1, \"name\": 5, \"segments\": []}" },
    { "no-segments.json", "{\"convene-format\": 1, \"name\": \"X\"}" },
    { "segments-object.json", "{\"convene-format\": 1, \"name\": \"X\", \"segments\": {}}" },
    { "segment-string.json", "{\"convene-format\": 1, \"name\": \"X\", \"segments\": [\"a\"]}" },
    { "unknown-kind.json", "{\"convene-format\": 1, \"name\": \"X\", \"segments\": "
                           "[{\"kind\": \"party\", \"title\": \"\", \"duration\": 5}]}" },
    { "negative.json", "{\"convene-format\": 1, \"name\": \"X\", \"segments\": "
                       "[{\"kind\": \"break\", \"title\": \"\", \"duration\": -5}]}" },
    { "too-long.json", "{\"convene-format\": 1, \"name\": \"X\", \"segments\": "
                       "[{\"kind\": \"break\", \"title\": \"\", \"duration\": 1441}]}" },
    { "huge-number.json", "{\"convene-format\": 1, \"name\": \"X\", \"segments\": "
                          "[{\"kind\": \"break\", \"title\": \"\", \"duration\": 99999999999999999999}]}" },
    { "fraction.json", "{\"convene-format\": 1, \"name\": \"X\", \"segments\": "
                       "[{\"kind\": \"break\", \"title\": \"\", \"duration\": 5.5}]}" },
    { "no-duration.json", "{\"convene-format\": 1, \"name\": \"X\", \"segments\": "
                          "[{\"kind\": \"break\", \"title\": \"\"}]}" },
    { "items-in-break.json", "{\"convene-format\": 1, \"name\": \"X\", \"segments\": "
                             "[{\"kind\": \"break\", \"title\": \"\", \"duration\": 5, \"items\": "
                             "[{\"kind\": \"break\", \"title\": \"\", \"duration\": 5}]}]}" },
    { "nested-items.json", "{\"convene-format\": 1, \"name\": \"X\", \"segments\": "
                           "[{\"kind\": \"panel\", \"title\": \"\", \"duration\": 5, \"items\": "
                           "[{\"kind\": \"panel\", \"title\": \"\", \"duration\": 5, \"items\": "
                           "[{\"kind\": \"break\", \"title\": \"\", \"duration\": 5}]}]}]}" },
    { "items-object.json", "{\"convene-format\": 1, \"name\": \"X\", \"segments\": "
                           "[{\"kind\": \"panel\", \"title\": \"\", \"duration\": 5, \"items\": {}}]}" },
    { "title-array.json", "{\"convene-format\": 1, \"name\": \"X\", \"segments\": "
                          "[{\"kind\": \"break\", \"title\": [], \"duration\": 5}]}" },
    { "truncated.json", "{\"convene-format\": 1, \"name\": \"X\", \"segments\": [{\"kind\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    write_file (dir, bad[i].name, bad[i].data, -1);
  write_file (dir, "bad-utf8.json", bad_utf8, sizeof bad_utf8 - 1);
  write_file (dir, "nul.json", with_nul, sizeof with_nul - 1);
  write_file (dir, "good.json", good, -1);
  write_file (dir, "ignored.txt", good, -1);
  write_file (dir, ".hidden.json", good, -1);

  /* Too big, too deep, too many segments; and exactly the limit, accepted. */
  huge = g_malloc (CONVENE_FORMAT_MAX_FILE_BYTES + 2);
  memset (huge, ' ', CONVENE_FORMAT_MAX_FILE_BYTES + 1);
  huge[0] = '{';
  huge[CONVENE_FORMAT_MAX_FILE_BYTES] = '}';
  huge[CONVENE_FORMAT_MAX_FILE_BYTES + 1] = '\0';
  write_file (dir, "huge.json", huge, -1);
  deep = g_strnfill (100000, '[');
  write_file (dir, "deep.json", deep, -1);
  too_many = segments_json (CONVENE_FORMAT_MAX_SEGMENTS + 1);
  write_file (dir, "too-many.json", too_many, -1);
  just_enough = segments_json (CONVENE_FORMAT_MAX_SEGMENTS);
  write_file (dir, "many.json", just_enough, -1);
  {
    g_autofree char *title = g_strnfill (CONVENE_MAX_TEXT_BYTES + 1, 'a');

    long_title = g_strdup_printf ("{\"convene-format\": 1, \"name\": \"%s\", \"segments\": []}", title);
    write_file (dir, "long-name.json", long_title, -1);
  }

  /* Not plain files: a folder, a pipe (reading it would block), a link. */
  g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  write_file (dir, "target.txt", good, -1);
  g_assert_cmpint (symlink (target, link), ==, 0);

  saved = convene_formats_load_saved (dir);
  g_assert_cmpuint (saved->len, ==, 2);
  g_assert_cmpstr (convene_format_get_name (g_ptr_array_index (saved, 0)), ==, "Good");
  /* The panel lasts what its one talk takes; saved before targets existed,
   * it keeps its 30 minutes as its target. */
  g_assert_cmpuint (convene_format_get_total_minutes (g_ptr_array_index (saved, 0)), ==, 10);
  {
    g_autoptr(ConveneSegment) panel =
      g_list_model_get_item (convene_format_get_segments (g_ptr_array_index (saved, 0)), 0);

    g_assert_true (convene_segment_get_has_target (panel));
    g_assert_cmpuint (convene_segment_get_duration (panel), ==, 30);
  }
  g_assert_cmpstr (convene_format_get_name (g_ptr_array_index (saved, 1)), ==, "Many");
  g_assert_cmpuint (convene_format_get_total_minutes (g_ptr_array_index (saved, 1)), ==,
                    CONVENE_FORMAT_MAX_SEGMENTS);

  /* A missing folder is simply empty. */
  {
    g_autofree char *missing = g_build_filename (dir, "missing", NULL);
    g_autoptr(GPtrArray) none = convene_formats_load_saved (missing);

    g_assert_cmpuint (none->len, ==, 0);
  }

  fixture_remove_dir (dir);
}

/* What is written reads back the same, text of any kind included. */
static void
test_round_trip (void)
{
  g_autoptr(ConveneSession) session = convene_session_new (1, "S", "2025-01-01", 600, 60);
  g_autoptr(ConveneSegment) segment = convene_segment_new (2, CONVENE_SEGMENT_KIND_PANEL,
                                                           "Panel “quoted” \\ \n ünïcødé 🎤", 30);
  g_autoptr(ConveneSegment) item = convene_segment_new (3, CONVENE_SEGMENT_KIND_CUSTOM, "", 0);
  g_autoptr(ConveneFormat) format = NULL;
  g_autoptr(ConveneFormat) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  convene_segment_set_notes (segment, "{\"json\": [1]}");
  convene_segment_set_cues (segment, "Mic 2");
  convene_segment_set_fixed_start (segment, 700);
  g_list_store_append (convene_segment_get_items (segment), item);
  g_list_store_append (convene_session_get_segments (session), segment);

  format = convene_format_new_from_session (session, "Ünïcødé / ../ name", &error);
  g_assert_no_error (error);
  data = convene_format_to_data (format, &length);
  again = convene_format_new_from_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (convene_format_get_name (again), ==, "Ünïcødé / ../ name");
  assert_same_structure (convene_format_get_segments (again), convene_format_get_segments (format));
  assert_same_structure (convene_format_get_segments (again), G_LIST_MODEL (convene_session_get_segments (session)));
}

/* Fit to Slot's settings: a session's minimums, maximums, locks (on
 * segments and items) and rounding step travel through a saved format into
 * a new session, and into the project file; a format file saved before they
 * existed still loads, with none. */
static void
assert_fit_settings (ConveneSegment *segment,
                     guint           min_length,
                     guint           max_length,
                     gboolean        locked)
{
  g_assert_cmpuint (convene_segment_get_min_length (segment), ==, min_length);
  g_assert_cmpuint (convene_segment_get_max_length (segment), ==, max_length);
  g_assert_cmpint (convene_segment_get_locked (segment), ==, locked);
}

static void
assert_format_fit_settings (GListModel *segments)
{
  g_autoptr(ConveneSegment) opening = g_list_model_get_item (segments, 0);
  g_autoptr(ConveneSegment) panel = g_list_model_get_item (segments, 1);
  g_autoptr(ConveneSegment) talk = g_list_model_get_item (G_LIST_MODEL (convene_segment_get_items (panel)), 0);
  g_autoptr(ConveneSegment) other = g_list_model_get_item (G_LIST_MODEL (convene_segment_get_items (panel)), 1);
  g_autoptr(ConveneSegment) closing = g_list_model_get_item (segments, 2);

  assert_fit_settings (opening, 0, 0, TRUE);
  assert_fit_settings (panel, 30, 60, FALSE);
  assert_fit_settings (talk, 5, 0, FALSE);
  assert_fit_settings (other, 0, 25, TRUE);
  assert_fit_settings (closing, 0, 0, FALSE);
}

static void
test_fit_settings (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = fixture_make_dir ();
  g_autoptr(ConveneSession) source = convene_session_new (1, "S", "2025-01-01", 600, 90);
  g_autoptr(ConveneSegment) opening = convene_segment_new (2, CONVENE_SEGMENT_KIND_OPENING, "Opening", 10);
  g_autoptr(ConveneSegment) panel = convene_segment_new (3, CONVENE_SEGMENT_KIND_PANEL, "Panel", 45);
  g_autoptr(ConveneSegment) talk = convene_segment_new (4, CONVENE_SEGMENT_KIND_PRESENTATION, "Talk", 20);
  g_autoptr(ConveneSegment) other = convene_segment_new (5, CONVENE_SEGMENT_KIND_PRESENTATION, "Other", 20);
  g_autoptr(ConveneSegment) closing = convene_segment_new (6, CONVENE_SEGMENT_KIND_CLOSING, "Closing", 5);
  g_autoptr(ConveneFormat) format = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  ConveneSession *session = NULL;
  const char old[] = "{\"convene-format\": 1, \"name\": \"Old\", \"segments\": ["
                     "{\"kind\": \"break\", \"title\": \"Coffee\", \"duration\": 15}]}";

  convene_segment_set_locked (opening, TRUE);
  convene_segment_set_min_length (panel, 30);
  convene_segment_set_max_length (panel, 60);
  convene_segment_set_min_length (talk, 5);
  convene_segment_set_max_length (other, 25);
  convene_segment_set_locked (other, TRUE);
  g_list_store_append (convene_segment_get_items (panel), talk);
  g_list_store_append (convene_segment_get_items (panel), other);
  g_list_store_append (convene_session_get_segments (source), opening);
  g_list_store_append (convene_session_get_segments (source), panel);
  g_list_store_append (convene_session_get_segments (source), closing);
  convene_session_set_fit_step (source, 10);

  format = convene_format_new_from_session (source, "Bounded", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (convene_format_get_fit_step (format), ==, 10);
  assert_format_fit_settings (convene_format_get_segments (format));
  g_assert_true (convene_format_save (format, dir, &error));
  g_assert_no_error (error);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (convene_format_get_path (format), &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "\"convene-format\" : 2"));
  }
  write_file (dir, "old.json", old, -1);

  saved = convene_formats_load_saved (dir);
  g_assert_cmpuint (saved->len, ==, 2);
  g_assert_cmpstr (convene_format_get_name (g_ptr_array_index (saved, 0)), ==, "Bounded");
  g_assert_cmpuint (convene_format_get_fit_step (g_ptr_array_index (saved, 0)), ==, 10);
  assert_format_fit_settings (convene_format_get_segments (g_ptr_array_index (saved, 0)));
  assert_same_structure (convene_format_get_segments (g_ptr_array_index (saved, 0)),
                         G_LIST_MODEL (convene_session_get_segments (source)));

  /* The old file: its segment, free to change, and the default step. */
  {
    ConveneFormat *old_format = g_ptr_array_index (saved, 1);
    g_autoptr(ConveneSegment) coffee = g_list_model_get_item (convene_format_get_segments (old_format), 0);

    g_assert_cmpstr (convene_format_get_name (old_format), ==, "Old");
    g_assert_cmpuint (convene_format_get_fit_step (old_format), ==, CONVENE_DEFAULT_FIT_STEP);
    g_assert_cmpstr (convene_segment_get_title (coffee), ==, "Coffee");
    g_assert_cmpuint (convene_segment_get_duration (coffee), ==, 15);
    assert_fit_settings (coffee, 0, 0, FALSE);
  }

  /* New Session from the saved format: the settings reach the project file. */
  perform (f, convene_edit_add_session_from_format (f->project, g_ptr_array_index (saved, 0), "From format",
                                                    "2025-06-14", 10 * 60, 0, &session, NULL),
           "New Session");
  g_assert_cmpuint (convene_session_get_fit_step (session), ==, 10);
  assert_format_fit_settings (G_LIST_MODEL (convene_session_get_segments (session)));
  {
    g_autoptr(ConveneDocument) reopened = NULL;
    ConveneSession *again;

    convene_document_close (f->document);
    g_clear_object (&f->document);
    reopened = convene_document_open (f->file, CONVENE_STORE_READ_WRITE, &error);
    g_assert_no_error (error);
    again = nth_session (convene_document_get_project (reopened), 0);
    g_assert_cmpstr (convene_session_get_title (again), ==, "From format");
    g_assert_cmpuint (convene_session_get_fit_step (again), ==, 10);
    assert_format_fit_settings (G_LIST_MODEL (convene_session_get_segments (again)));
    f->document = g_steal_pointer (&reopened);
    f->project = convene_document_get_project (f->document);
  }

  fixture_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int result;

  /* Saved formats go to a folder of the test's own, never the user's. */
  data_home = g_dir_make_tmp ("convene-sessions-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sessions/move", Fixture, NULL, fixture_set_up, test_move, fixture_tear_down);
  g_test_add ("/sessions/duplicate", Fixture, NULL, fixture_set_up, test_duplicate, fixture_tear_down);
  g_test_add ("/sessions/new-from-format", Fixture, NULL, fixture_set_up, test_new_from_format,
              fixture_tear_down);
  g_test_add_func ("/formats/builtin", test_builtin_formats);
  g_test_add ("/formats/save-load-delete", Fixture, NULL, fixture_set_up, test_save_load_delete,
              fixture_tear_down);
  g_test_add_func ("/formats/hostile-files", test_hostile_formats);
  g_test_add_func ("/formats/save-refuses-unloadable", test_save_refuses_unloadable);
  g_test_add_func ("/formats/round-trip", test_round_trip);
  g_test_add ("/formats/fit-settings", Fixture, NULL, fixture_set_up, test_fit_settings, fixture_tear_down);

  result = g_test_run ();
  fixture_remove_dir (data_home);
  return result;
}
