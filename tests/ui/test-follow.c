/* What the window shows is what the file holds: after every edit that feeds
 * a time, a total or a warning, and after its undo and its redo, the
 * timeline's blocks, its header and fit line, the session's warnings and
 * the people beside the timeline agree with a fresh computation from the
 * saved file. */
#define G_LOG_DOMAIN "convene-test-follow"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "convene-clock.h"
#include "convene-edits.h"
#include "convene-expander-row.h"
#include "convene-outcome-row.h"
#include "convene-people-palette.h"
#include "convene-person-row.h"
#include "convene-roster-view.h"
#include "convene-schedule.h"
#include "convene-segment-block.h"
#include "convene-session-warnings.h"
#include "convene-warnings.h"
#include "ui-test-support.h"

static char *tmp_dir;

typedef struct
{
  ConveneWindow   *window;
  ConveneDocument *document;
  GFile           *file;
  gint64           session_id;
} Fixture;

static gboolean
shows_any (GtkWidget  *root,
           const char *prefix,
           const char *suffix)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_labels (root, texts);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (g_str_has_prefix (text, prefix) && g_str_has_suffix (text, suffix))
        return TRUE;
    }
  return FALSE;
}

/* Whether a label under root, shown or not, starts with prefix. */
static gboolean
holds_text (GtkWidget  *root,
            const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (holds_text (child, prefix))
      return TRUE;
  return FALSE;
}

/* The blocks the timeline shows against the file's schedule: each bound
 * block names a segment the file has, at the file's times and length. */
static char *
check_blocks (GtkWidget       *timeline,
              ConveneSchedule *schedule,
              gboolean         use_12h)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new ();
  guint n_checked = 0;

  collect_of_type (timeline, CONVENE_TYPE_SEGMENT_BLOCK, TRUE, blocks);
  for (guint i = 0; i < blocks->len; i++)
    {
      GtkWidget *block = g_ptr_array_index (blocks, i);
      ConveneSegment *shown = convene_segment_block_get_segment (CONVENE_SEGMENT_BLOCK (block));
      const ConveneScheduleEntry *entry = NULL;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autofree char *meta = NULL;
      gint64 id;

      if (shown == NULL || !gtk_widget_get_mapped (block))
        continue;
      id = convene_segment_get_id (shown);
      for (guint e = 0; e < convene_schedule_get_n_entries (schedule) && entry == NULL; e++)
        if (convene_segment_get_id (convene_schedule_get_entry (schedule, e)->segment) == id)
          entry = convene_schedule_get_entry (schedule, e);
      if (entry == NULL)
        return g_strdup_printf ("the timeline shows segment %" G_GINT64_FORMAT ", which the file no longer has", id);

      start = convene_schedule_format_clock (schedule, entry->start, use_12h);
      end = convene_schedule_format_clock (schedule, entry->end, use_12h);
      if (g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (entry->segment))) > 0)
        {
          g_autofree char *range = g_strdup_printf ("%s – %s", start, end);

          if (!shows_label (block, range))
            return g_strdup_printf ("segment %" G_GINT64_FORMAT " does not show %s", id, range);
        }
      /* The rail prints each start once; the end only after the last row. */
      else if (!shows_label (block, start) ||
               (entry == convene_schedule_get_entry (schedule, convene_schedule_get_n_entries (schedule) - 1) &&
                !shows_label (block, end)))
        return g_strdup_printf ("segment %" G_GINT64_FORMAT " does not show %s to %s", id, start, end);

      meta = g_strdup_printf ("%s · %d min",
                              convene_segment_kind_get_label (convene_segment_get_kind (entry->segment)),
                              entry->end - entry->start);
      /* (A short block may leave the line out for lack of height: it
       * still holds the file's length.) */
      if (!holds_text (block, meta))
        return g_strdup_printf ("segment %" G_GINT64_FORMAT " does not show “%s”", id, meta);
      if (!shows_label (block, convene_segment_get_title (entry->segment)))
        return g_strdup_printf ("segment %" G_GINT64_FORMAT " does not show its title “%s”", id,
                                convene_segment_get_title (entry->segment));
      n_checked++;
    }

  if (n_checked == 0 && convene_schedule_get_n_entries (schedule) > 0)
    return g_strdup ("the timeline shows no segment");
  return NULL;
}

/* The session's warnings against the file's. */
static char *
check_warnings (GtkWidget      *window,
                ConveneProject *fresh,
                ConveneSession *session,
                gboolean        use_12h)
{
  GtkWidget *view = first_of_type (window, CONVENE_TYPE_SESSION_WARNINGS);
  g_autoptr(GPtrArray) warnings = convene_warnings_for_session (fresh, session, use_12h);

  g_assert_nonnull (view);
  /* Their rows exist while the list is open, as the planner opens it. */
  convene_expander_row_set_expanded (CONVENE_EXPANDER_ROW (first_of_type (view, CONVENE_TYPE_EXPANDER_ROW)), TRUE);
  if (warnings->len == 0)
    return gtk_widget_get_visible (view) ? g_strdup ("warnings are shown for a session that has none") : NULL;
  if (!gtk_widget_get_visible (view))
    return g_strdup ("the session's warnings are not shown");
  for (guint i = 0; i < warnings->len; i++)
    {
      const ConveneWarning *warning = g_ptr_array_index (warnings, i);
      g_autofree char *escaped = g_markup_escape_text (warning->message, -1);

      if (!shows_label (view, warning->message) && !shows_label (view, escaped))
        return g_strdup_printf ("the warning “%s” is not shown", warning->message);
    }
  {
    ConveneWarningSummary summary;
    g_autofree char *text = NULL;

    convene_warnings_summarize (warnings, &summary);
    text = convene_warning_summary_describe (&summary);
    if (!shows_label (view, text))
      return g_strdup_printf ("the warnings' summary “%s” is not shown", text);
  }
  return NULL;
}

/* The people beside the timeline: each shown person's count of roles and
 * whether a warning (beyond "to confirm") names them. */
static char *
check_people (GtkWidget      *timeline,
              ConveneProject *fresh,
              gboolean        use_12h)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) warnings = convene_warnings_for_project (fresh, use_12h);
  GListModel *assignments = G_LIST_MODEL (convene_project_get_assignments (fresh));

  collect_of_type (timeline, CONVENE_TYPE_PERSON_ROW, TRUE, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      ConvenePersonRow *row = g_ptr_array_index (rows, i);
      ConveneSpeaker *speaker = convene_person_row_get_speaker (row);
      GtkWidget *icon = find_by_id (GTK_WIDGET (row), "warning_icon");
      g_autofree char *roles = NULL;
      gboolean warned = FALSE;
      guint n_roles = 0;
      gint64 id;

      if (speaker == NULL)
        continue;
      id = convene_speaker_get_id (speaker);
      if (convene_project_find_speaker (fresh, id) == NULL)
        return g_strdup_printf ("person %" G_GINT64_FORMAT " is shown but no longer in the file", id);
      for (guint a = 0; a < g_list_model_get_n_items (assignments); a++)
        {
          g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, a);

          n_roles += convene_assignment_get_speaker_id (assignment) == id;
        }
      for (guint w = 0; w < warnings->len; w++)
        {
          const ConveneWarning *warning = g_ptr_array_index (warnings, w);

          warned |= warning->speaker_id == id && warning->severity != CONVENE_WARNING_SEVERITY_INFO;
        }
      if (n_roles > 0)
        {
          roles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u role", "%u roles", n_roles), n_roles);
          if (!shows_label (GTK_WIDGET (row), roles))
            return g_strdup_printf ("person %" G_GINT64_FORMAT " does not show “%s”", id, roles);
        }
      else if (shows_any (GTK_WIDGET (row), "", " role") || shows_any (GTK_WIDGET (row), "", " roles"))
        return g_strdup_printf ("person %" G_GINT64_FORMAT " shows roles but has none", id);
      if (icon != NULL && gtk_widget_get_visible (icon) != warned)
        return g_strdup_printf ("person %" G_GINT64_FORMAT " %s a warning", id, warned ? "lacks" : "shows");
    }
  return NULL;
}

/* NULL when everything shown agrees with the file; else the first thing
 * that does not. */
static char *
mismatch (Fixture *f)
{
  g_autoptr(ConveneProject) fresh = load_file (f->file);
  ConveneSession *session = convene_project_find_session (fresh, f->session_id);
  GtkWidget *timeline = GTK_WIDGET (timeline_of (f->window));
  gboolean use_12h = convene_clock_get_use_12h (convene_clock_get_default ());
  g_autoptr(GTimeZone) tz = convene_project_dup_gtime_zone (fresh);
  g_autoptr(ConveneSchedule) schedule = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *slot_end = NULL;
  g_autofree char *times = NULL;
  g_autofree char *fit = NULL;
  char *problem;

  g_assert_nonnull (session);
  schedule = convene_schedule_compute (session, tz);
  start = convene_schedule_format_clock (schedule, 0, use_12h);
  end = convene_schedule_format_clock (schedule, convene_schedule_get_end (schedule), use_12h);
  slot_end = convene_schedule_format_clock (schedule, convene_schedule_get_slot_minutes (schedule), use_12h);
  times = g_strdup_printf ("%s – %s · slot ends %s", start, end, slot_end);
  if (!shows_label (timeline, times))
    return g_strdup_printf ("the timeline's header does not say “%s”", times);
  fit = convene_schedule_describe_fit (schedule);
  if (!shows_label (timeline, fit))
    return g_strdup_printf ("the fit line does not say “%s”", fit);

  if ((problem = check_blocks (timeline, schedule, use_12h)) != NULL ||
      (problem = check_warnings (GTK_WIDGET (f->window), fresh, session, use_12h)) != NULL ||
      (problem = check_people (timeline, fresh, use_12h)) != NULL)
    return problem;
  return NULL;
}

/* Waits until the window agrees with the file, failing with the last
 * disagreement when it never does. */
static void
assert_follows (Fixture    *f,
                const char *step)
{
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  g_autofree char *problem = NULL;

  for (;;)
    {
      g_free (problem);
      problem = mismatch (f);
      if (problem == NULL)
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("after %s: %s", step, problem);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* Performs command, then undoes and redoes it, checking the window each time. */
static void
step (Fixture        *f,
      const char     *what,
      ConveneCommand *command,
      GError         *error)
{
  g_autofree char *undone = g_strdup_printf ("undoing %s", what);
  g_autofree char *redone = g_strdup_printf ("redoing %s", what);
  GError *perform_error = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (command);
  g_assert_true (convene_document_perform (f->document, command, &perform_error));
  g_assert_no_error (perform_error);
  assert_follows (f, what);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  assert_follows (f, undone);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  assert_follows (f, redone);
}

static ConveneSegment *
segment_titled (ConveneSession *session,
                const char     *prefix)
{
  GListModel *segments = G_LIST_MODEL (convene_session_get_segments (session));

  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);
      GListModel *items = G_LIST_MODEL (convene_segment_get_items (segment));

      if (g_str_has_prefix (convene_segment_get_title (segment), prefix))
        return segment;
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(ConveneSegment) item = g_list_model_get_item (items, j);

          if (g_str_has_prefix (convene_segment_get_title (item), prefix))
            return item;
        }
    }
  g_assert_not_reached ();
}

static void
test_window_follows_every_edit (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "follow.convene", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSpeaker) person = NULL;
  g_autoptr(ConveneAssignment) assignment = NULL;
  ConveneProject *project;
  ConveneSession *session;
  ConveneSegment *panel, *discussion, *closing, *talk;
  ConveneSpeaker *speaker;
  Fixture f = { 0, };

  f.file = g_file_new_for_path (path);
  f.document = create_example (f.file);
  f.window = show_window (f.document, 1280, 1000);
  project = convene_document_get_project (f.document);
  session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);
  g_object_unref (session);
  f.session_id = convene_session_get_id (session);
  panel = segment_titled (session, "II.");
  discussion = segment_titled (session, "III.");
  closing = segment_titled (session, "IV.");
  talk = segment_titled (session, "B.");

  /* The people beside the timeline are checked where the planner sees them. */
  show_side_page (first_of_type (GTK_WIDGET (timeline_of (f.window)), CONVENE_TYPE_PEOPLE_PALETTE));
  assert_follows (&f, "opening the example");

  /* The session's own fields: date, start, slot. */
  step (&f, "moving the start to 13:00", convene_edit_set_number (session, "start-time", 13 * 60, &error), error);
  step (&f, "a 120-minute slot", convene_edit_set_number (session, "slot-minutes", 120, &error), error);
  step (&f, "another date", convene_edit_set_text (session, "date", "2027-03-28", &error), error);
  /* The project's time zone. */
  step (&f, "another time zone", convene_edit_set_text (project, "time-zone", "America/New_York", &error), error);

  /* Segments: length, kind, pinned start, nesting, order, removal. */
  step (&f, "a longer talk", convene_edit_set_number (talk, "duration", 15, &error), error);
  step (&f, "a longer discussion", convene_edit_set_number (discussion, "duration", 25, &error), error);
  step (&f, "another kind", convene_edit_set_number (discussion, "kind", CONVENE_SEGMENT_KIND_QA, &error), error);
  step (&f, "a pinned closing", convene_edit_set_number (closing, "fixed-start", 14 * 60 + 45, &error), error);
  step (&f, "a talk out of its panel",
        convene_edit_move_segment (project, session, talk, NULL, 0, &error), error);
  step (&f, "the discussion into the panel",
        convene_edit_move_segment (project, session, discussion, panel, 0, &error), error);
  step (&f, "the closing first",
        convene_edit_move_segment (project, session, closing, NULL, 0, &error), error);
  step (&f, "removing the panel", convene_edit_remove_segment (project, session, panel), error);

  /* People: added, put on a segment, their status, removed. */
  person = convene_speaker_new (convene_project_new_id (project), "Ada Ndiaye");
  step (&f, "adding a person", convene_edit_add_speaker (project, person, 0), error);
  assignment = convene_assignment_new_for_segment (convene_project_new_id (project),
                                                   convene_speaker_get_id (person),
                                                   convene_segment_get_id (closing), CONVENE_ROLE_PRESENTER);
  step (&f, "putting the person on the closing", convene_edit_add_assignment (project, assignment), error);
  step (&f, "the person declining",
        convene_edit_set_number (person, "status", CONVENE_SPEAKER_STATUS_DECLINED, &error), error);
  speaker = g_list_model_get_item (G_LIST_MODEL (convene_project_get_speakers (project)), 1);
  g_object_unref (speaker);
  step (&f, "removing a person", convene_edit_remove_speaker (project, speaker), error);

  close_window (f.window);
  convene_document_close (f.document);
  g_clear_object (&f.document);
  remove_project_file (f.file);
  g_clear_object (&f.file);
}

/* A change elsewhere (a segment, the session's start) leaves a field the
 * planner is typing in alone; a change of that field's own value shows. */
static void
test_typing_survives_other_edits (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "typing.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = create_example (file);
  ConveneWindow *window = show_window (document, 1280, 1000);
  ConveneProject *project = convene_document_get_project (document);
  ConveneSession *session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);
  GtkWidget *room = require_widget (GTK_WIDGET (window), "room_row");
  GtkWidget *start = require_widget (GTK_WIDGET (window), "start_row");
  g_autoptr(GError) error = NULL;

  g_object_unref (session);
  gtk_editable_set_text (GTK_EDITABLE (room), "Room XII, unsaved");
  g_assert_true (convene_document_perform (document, convene_edit_set_number (segment_titled (session, "III."),
                                                                              "duration", 25, &error),
                                           &error));
  g_assert_true (convene_document_perform (document, convene_edit_set_number (session, "start-time", 13 * 60,
                                                                              &error),
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (room)), ==, "Room XII, unsaved");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "13:00");
  g_assert_true (convene_document_undo (document, &error));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "12:30");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (room)), ==, "Room XII, unsaved");

  close_window (window);
  convene_document_close (document);
  remove_project_file (file);
}

/* How many widgets of type root shows. */
static guint
count_of_type (GtkWidget *root,
               GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_of_type (root, type, TRUE, found);
  return found->len;
}

typedef struct {
  GtkWidget *root;
  guint      n;
} OutcomeRows;

static gboolean
outcome_rows_shown (gpointer data)
{
  OutcomeRows *rows = data;

  return count_of_type (rows->root, CONVENE_TYPE_OUTCOME_ROW) == rows->n;
}

/* Lists the planner has not opened (the People page, the people beside the
 * timeline) build no rows, and show every change made meanwhile once opened. */
static void
test_lists_off_screen_catch_up (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "off-screen.convene", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSpeaker) person = NULL;
  g_autoptr(ConveneAssignment) assignment = NULL;
  ConveneProject *project;
  ConveneSession *session;
  GtkWidget *palette, *roster;
  Fixture f = { 0, };

  f.file = g_file_new_for_path (path);
  f.document = create_example (f.file);
  f.window = show_window (f.document, 1280, 1000);
  project = convene_document_get_project (f.document);
  session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);
  g_object_unref (session);
  f.session_id = convene_session_get_id (session);
  palette = first_of_type (GTK_WIDGET (timeline_of (f.window)), CONVENE_TYPE_PEOPLE_PALETTE);
  g_assert_nonnull (palette);
  g_assert_false (gtk_widget_get_mapped (palette));
  g_assert_cmpuint (count_of_type (palette, CONVENE_TYPE_PERSON_ROW), ==, 0);
  /* The People page is not even built, nor the hidden checklist filled. */
  g_assert_null (first_of_type (GTK_WIDGET (f.window), CONVENE_TYPE_ROSTER_VIEW));
  g_assert_cmpuint (count_of_type (GTK_WIDGET (f.window), CONVENE_TYPE_OUTCOME_ROW), ==, 0);
  /* Nor the fields of a segment, before one is chosen. */
  g_assert_null (first_with_class (GTK_WIDGET (timeline_of (f.window)), "segment-editor"));

  /* Meanwhile: a new person on the closing, who then declines. */
  person = convene_speaker_new (convene_project_new_id (project), "Ada Ndiaye");
  g_assert_true (convene_document_perform (f.document, convene_edit_add_speaker (project, person, 0), &error));
  assignment = convene_assignment_new_for_segment (convene_project_new_id (project),
                                                   convene_speaker_get_id (person),
                                                   convene_segment_get_id (segment_titled (session, "IV.")),
                                                   CONVENE_ROLE_PRESENTER);
  g_assert_true (convene_document_perform (f.document, convene_edit_add_assignment (project, assignment), &error));
  g_assert_true (convene_document_perform (f.document,
                                           convene_edit_set_number (person, "status",
                                                                    CONVENE_SPEAKER_STATUS_DECLINED, &error),
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_of_type (palette, CONVENE_TYPE_PERSON_ROW), ==, 0);

  show_side_page (palette);
  wait_for_label (palette, "Ada Ndiaye");
  assert_follows (&f, "opening the people beside the timeline");

  /* Choosing the closing builds its fields, with what was done meanwhile. */
  {
    ConveneSegment *closing = segment_titled (session, "IV.");
    GtkWidget *editor;

    convene_timeline_view_select_segment (timeline_of (f.window), closing);
    editor = first_with_class (GTK_WIDGET (timeline_of (f.window)), "segment-editor");
    g_assert_nonnull (editor);
    show_side_page (editor);
    wait_for_label (editor, "Ada Ndiaye");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (first_of_type (editor, ADW_TYPE_ENTRY_ROW))), ==,
                     convene_segment_get_title (closing));
  }

  g_assert_true (gtk_widget_activate (require_widget (GTK_WIDGET (f.window), "people_row")));
  roster = first_of_type (GTK_WIDGET (f.window), CONVENE_TYPE_ROSTER_VIEW);
  g_assert_nonnull (roster);
  wait_until (widget_is_mapped, roster, "the People page to show");
  wait_for_label (roster, "Ada Ndiaye");
  g_assert_cmpuint (count_of_type (roster, CONVENE_TYPE_PERSON_ROW), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project))));

  /* The checklist fills when its tab shows: one row per outcome. */
  g_signal_emit_by_name (require_widget (GTK_WIDGET (f.window), "sessions_view"), "activate", 0);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (require_widget (GTK_WIDGET (f.window), "session_stack")),
                                         "outcomes");
  wait_until (outcome_rows_shown, &(OutcomeRows) { GTK_WIDGET (f.window),
                                                   g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_outcomes (session))) },
              "the checklist to fill");

  close_window (f.window);
  convene_document_close (f.document);
  g_clear_object (&f.document);
  remove_project_file (f.file);
  g_clear_object (&f.file);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv, "convene-test-follow-XXXXXX", &tmp_dir);

  g_test_add_func ("/ui/follow/every-edit", test_window_follows_every_edit);
  g_test_add_func ("/ui/follow/typing-survives-other-edits", test_typing_survives_other_edits);
  g_test_add_func ("/ui/follow/lists-off-screen-catch-up", test_lists_off_screen_catch_up);

  return g_test_run ();
}
