#include "config.h"

#include <string.h>

#include "convene-edits.h"
#include "convene-history.h"
#include "convene-limits.h"
#include "convene-schedule.h"
#include "convene-validate.h"

/* A text picture of everything in a project: every property of every object
 * in list order, and each object's address, so "revert restores the exact
 * state" also means the very same objects are back. */
static void
dump_object (GString *out,
             GObject *object,
             guint    depth);

static void
dump_list (GString    *out,
           GListModel *list,
           guint       depth)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      dump_object (out, item, depth);
    }
}

static void
dump_object (GString *out,
             GObject *object,
             guint    depth)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_string_append_printf (out, "%*s%s %p\n", (int) depth * 2, "", G_OBJECT_TYPE_NAME (object), object);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);

      if (G_VALUE_HOLDS (&value, G_TYPE_LIST_MODEL))
        {
          g_string_append_printf (out, "%*s%s:\n", (int) depth * 2 + 2, "", pspecs[i]->name);
          dump_list (out, g_value_get_object (&value), depth + 2);
        }
      else
        {
          g_autofree char *contents = g_strdup_value_contents (&value);

          g_string_append_printf (out, "%*s%s=%s\n", (int) depth * 2 + 2, "", pspecs[i]->name, contents);
        }
    }
}

static char *
snapshot (gpointer object)
{
  GString *out = g_string_new (NULL);

  dump_object (out, object, 0);
  return g_string_free (out, FALSE);
}

static guint
n_items (gpointer list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static gpointer
item_at (gpointer list,
         guint    position)
{
  /* Borrowed: the list keeps the item alive. */
  GObject *item = g_list_model_get_item (G_LIST_MODEL (list), position);

  g_object_unref (item);
  return item;
}

/* Applies command, checks the state it leaves, reverts to the exact state
 * before, and re-applies to the exact state after. */
static void
check_round_trip (ConveneCommand *command,
                  gpointer        root)
{
  g_autofree char *before = snapshot (root);
  g_autofree char *after = NULL;
  g_autofree char *reverted = NULL;
  g_autofree char *reapplied = NULL;

  convene_command_apply (command);
  after = snapshot (root);
  convene_command_revert (command);
  reverted = snapshot (root);
  g_assert_cmpstr (reverted, ==, before);
  convene_command_apply (command);
  reapplied = snapshot (root);
  g_assert_cmpstr (reapplied, ==, after);
}

/* The side event: a session with opening, a panel of three talks, a
 * discussion and closing; moderators on the session, panelists on the talks,
 * outcomes linked to the panel and a talk. */
typedef struct
{
  ConveneProject *project;
  ConveneSession *session;
  ConveneSegment *opening;
  ConveneSegment *panel;
  ConveneSegment *talks[3];
  ConveneSegment *discussion;
  ConveneSegment *closing;
  ConveneSpeaker *moderator;
  ConveneSpeaker *panelists[3];
  ConveneOutcome *aim;
  ConveneOutcome *question;
  ConveneOutcome *follow_up;
} Fixture;

static ConveneSegment *
fixture_segment (Fixture            *f,
                 ConveneSegment     *parent,
                 ConveneSegmentKind  kind,
                 const char         *title,
                 guint               duration)
{
  g_autoptr(ConveneSegment) segment =
    convene_segment_new (convene_project_new_id (f->project), kind, title, duration);

  g_list_store_append (parent != NULL ? convene_segment_get_items (parent)
                                      : convene_session_get_segments (f->session),
                       segment);
  return segment;
}

static ConveneSpeaker *
fixture_speaker (Fixture    *f,
                 const char *name)
{
  g_autoptr(ConveneSpeaker) speaker = convene_speaker_new (convene_project_new_id (f->project), name);

  g_list_store_append (convene_project_get_speakers (f->project), speaker);
  return speaker;
}

static void
fixture_assign (Fixture        *f,
                ConveneSpeaker *speaker,
                ConveneSegment *segment,
                ConveneRole     role)
{
  g_autoptr(ConveneAssignment) assignment =
    convene_assignment_new_for_segment (convene_project_new_id (f->project),
                                        convene_speaker_get_id (speaker),
                                        convene_segment_get_id (segment), role);

  g_list_store_append (convene_project_get_assignments (f->project), assignment);
}

static ConveneOutcome *
fixture_outcome (Fixture            *f,
                 ConveneSession     *session,
                 ConveneOutcomeKind  kind,
                 const char         *text)
{
  g_autoptr(ConveneOutcome) outcome =
    convene_outcome_new (convene_project_new_id (f->project), kind, text);

  g_list_store_append (convene_session_get_outcomes (session), outcome);
  return outcome;
}

static void
fixture_link (Fixture        *f,
              ConveneOutcome *outcome,
              ConveneSegment *segment)
{
  g_autoptr(ConveneOutcomeLink) link =
    convene_outcome_link_new (convene_project_new_id (f->project), convene_outcome_get_id (outcome),
                              convene_segment_get_id (segment));

  g_list_store_append (convene_project_get_outcome_links (f->project), link);
}

static gboolean
is_linked (Fixture        *f,
           ConveneOutcome *outcome,
           ConveneSegment *segment)
{
  return convene_project_find_outcome_link (f->project, convene_outcome_get_id (outcome),
                                            convene_segment_get_id (segment)) != NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(ConveneAssignment) moderation = NULL;
  static const char * const names[] = { "Enrico Fos", "Santino Severoni", "Tamam Aloudat" };

  f->project = convene_project_new ();
  convene_project_set_title (f->project, "Health and migration side event");
  convene_project_set_time_zone (f->project, "Europe/Zurich");

  session = convene_session_new (convene_project_new_id (f->project), "Health and migration",
                                 "2027-05-24", 12 * 60 + 30, 90);
  g_list_store_append (convene_project_get_sessions (f->project), session);
  f->session = session;

  f->opening = fixture_segment (f, NULL, CONVENE_SEGMENT_KIND_OPENING, "Opening remarks", 10);
  f->panel = fixture_segment (f, NULL, CONVENE_SEGMENT_KIND_PANEL, "Panel", 60);
  for (guint i = 0; i < 3; i++)
    f->talks[i] = fixture_segment (f, f->panel, CONVENE_SEGMENT_KIND_PRESENTATION, names[i], 20);
  f->discussion = fixture_segment (f, NULL, CONVENE_SEGMENT_KIND_DISCUSSION, "Moderated discussion", 20);
  f->closing = fixture_segment (f, NULL, CONVENE_SEGMENT_KIND_CLOSING, "Closing remarks", 3);

  f->moderator = fixture_speaker (f, "James Campbell");
  for (guint i = 0; i < 3; i++)
    {
      f->panelists[i] = fixture_speaker (f, names[i]);
      fixture_assign (f, f->panelists[i], f->talks[i], CONVENE_ROLE_PANELIST);
    }
  fixture_assign (f, f->moderator, f->discussion, CONVENE_ROLE_MODERATOR);
  fixture_assign (f, f->moderator, f->panel, CONVENE_ROLE_MODERATOR);

  moderation = convene_assignment_new_for_session (convene_project_new_id (f->project),
                                                   convene_speaker_get_id (f->moderator),
                                                   convene_session_get_id (f->session),
                                                   CONVENE_ROLE_MODERATOR);
  g_list_store_append (convene_project_get_assignments (f->project), moderation);

  f->aim = fixture_outcome (f, f->session, CONVENE_OUTCOME_KIND_OBJECTIVE, "Share current perspectives");
  fixture_link (f, f->aim, f->panel);
  f->question = fixture_outcome (f, f->session, CONVENE_OUTCOME_KIND_GUIDING_QUESTION,
                                 "What could a sustainable platform look like?");
  fixture_link (f, f->question, f->talks[1]);
  f->follow_up = fixture_outcome (f, f->session, CONVENE_OUTCOME_KIND_FOLLOW_UP, "Send the summary");
  convene_outcome_set_owner_id (f->follow_up, convene_speaker_get_id (f->moderator));
  fixture_link (f, f->follow_up, f->closing);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
}

static guint
count_assignments (ConveneProject *project,
                   gint64          speaker_id,
                   gint64          segment_id,
                   gint64          session_id)
{
  GListStore *assignments = convene_project_get_assignments (project);
  guint count = 0;

  for (guint i = 0; i < n_items (assignments); i++)
    {
      ConveneAssignment *a = item_at (assignments, i);

      if ((speaker_id == 0 || convene_assignment_get_speaker_id (a) == speaker_id) &&
          (segment_id == 0 || convene_assignment_get_segment_id (a) == segment_id) &&
          (session_id == 0 || convene_assignment_get_session_id (a) == session_id))
        count++;
    }

  return count;
}

/* Generic commands. */

static void
test_set_property (void)
{
  g_autoptr(ConveneSegment) segment = convene_segment_new (1, CONVENE_SEGMENT_KIND_PANEL, "Panel", 60);
  g_autoptr(ConveneOutcome) outcome = convene_outcome_new (2, CONVENE_OUTCOME_KIND_OBJECTIVE, "Aim");
  g_autoptr(ConveneCommand) title = convene_command_set_string_new ("Rename", segment, "title", "Panel discussion");
  g_autoptr(ConveneCommand) duration = convene_command_set_int_new ("Resize", segment, "duration", 45);
  g_autoptr(ConveneCommand) fixed = convene_command_set_int_new ("Pin", segment, "fixed-start", 13 * 60);
  g_autoptr(ConveneCommand) kind = convene_command_set_int_new ("Kind", segment, "kind", CONVENE_SEGMENT_KIND_KEYNOTE);
  g_autoptr(ConveneCommand) done = convene_command_set_int_new ("Done", outcome, "done", TRUE);
  g_autoptr(ConveneCommand) owner = convene_command_set_int_new ("Owner", outcome, "owner-id", G_GINT64_CONSTANT (1) << 40);
  g_autoptr(ConveneCommand) via_value = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_cmpstr (convene_command_get_label (title), ==, "Rename");

  convene_command_apply (title);
  g_assert_cmpstr (convene_segment_get_title (segment), ==, "Panel discussion");
  convene_command_revert (title);
  g_assert_cmpstr (convene_segment_get_title (segment), ==, "Panel");
  check_round_trip (title, segment);

  /* The old value is the one at apply time, not at construction. */
  convene_segment_set_title (segment, "Changed meanwhile");
  convene_command_apply (title);
  convene_command_revert (title);
  g_assert_cmpstr (convene_segment_get_title (segment), ==, "Changed meanwhile");

  check_round_trip (duration, segment);
  g_assert_cmpuint (convene_segment_get_duration (segment), ==, 45);
  check_round_trip (fixed, segment);
  g_assert_cmpint (convene_segment_get_fixed_start (segment), ==, 780);
  check_round_trip (kind, segment);
  g_assert_cmpint (convene_segment_get_kind (segment), ==, CONVENE_SEGMENT_KIND_KEYNOTE);
  check_round_trip (done, outcome);
  g_assert_true (convene_outcome_get_done (outcome));
  check_round_trip (owner, outcome);
  g_assert_cmpint (convene_outcome_get_owner_id (outcome), ==, G_GINT64_CONSTANT (1) << 40);

  /* A value of another type is converted to the property's type. */
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, 25);
  via_value = convene_command_set_property_new ("Resize", G_OBJECT (segment), "duration", &value);
  check_round_trip (via_value, segment);
  g_assert_cmpuint (convene_segment_get_duration (segment), ==, 25);
}

static void
test_insert_remove (void)
{
  g_autoptr(ConveneSession) session = convene_session_new (1, "S", "2027-05-24", 600, 90);
  g_autoptr(ConveneSegment) a = convene_segment_new (2, CONVENE_SEGMENT_KIND_OPENING, "A", 10);
  g_autoptr(ConveneSegment) b = convene_segment_new (3, CONVENE_SEGMENT_KIND_PANEL, "B", 10);
  g_autoptr(ConveneSegment) c = convene_segment_new (4, CONVENE_SEGMENT_KIND_CLOSING, "C", 10);
  GListStore *segments = convene_session_get_segments (session);
  g_autoptr(ConveneCommand) insert = NULL;
  g_autoptr(ConveneCommand) append = NULL;
  g_autoptr(ConveneCommand) remove = NULL;

  g_list_store_append (segments, a);
  g_list_store_append (segments, c);

  insert = convene_command_insert_new ("Add", segments, 1, b);
  convene_command_apply (insert);
  g_assert_true (item_at (segments, 1) == b);
  g_assert_cmpuint (n_items (segments), ==, 3);
  convene_command_revert (insert);
  g_assert_cmpuint (n_items (segments), ==, 2);
  check_round_trip (insert, session);
  g_assert_true (item_at (segments, 0) == a);
  g_assert_true (item_at (segments, 1) == b);
  g_assert_true (item_at (segments, 2) == c);

  remove = convene_command_remove_new ("Delete", segments, 0);
  convene_command_apply (remove);
  g_assert_cmpuint (n_items (segments), ==, 2);
  g_assert_true (item_at (segments, 0) == b);
  convene_command_revert (remove);
  g_assert_true (item_at (segments, 0) == a);
  check_round_trip (remove, session);

  /* The removed object is held by the command, not only by the list. */
  g_clear_object (&a);
  convene_command_revert (remove);
  g_assert_cmpstr (convene_segment_get_title (item_at (segments, 0)), ==, "A");

  append = convene_command_insert_new ("Add", segments, n_items (segments), c);
  g_list_store_remove (segments, 2);
  check_round_trip (append, session);
  g_assert_true (item_at (segments, 2) == c);
}

static void
count_changes (GListModel *list,
               guint       position,
               guint       removed,
               guint       added,
               guint      *count)
{
  (*count)++;
}

/* Many items go in and come out in one change of the list each way, and
 * revert finds them even when something moved them since. */
static void
test_insert_many (void)
{
  g_autoptr(ConveneSession) session = convene_session_new (1, "S", "2027-05-24", 600, 90);
  g_autoptr(ConveneSegment) first = convene_segment_new (2, CONVENE_SEGMENT_KIND_OPENING, "First", 10);
  g_autoptr(ConveneSegment) last = convene_segment_new (3, CONVENE_SEGMENT_KIND_CLOSING, "Last", 10);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ConveneCommand) insert = NULL;
  g_autoptr(ConveneCommand) beyond = NULL;
  GListStore *segments = convene_session_get_segments (session);
  guint changes = 0;

  g_list_store_append (segments, first);
  g_list_store_append (segments, last);
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Talk %u", i);

      g_ptr_array_add (batch, convene_segment_new (10 + i, CONVENE_SEGMENT_KIND_PRESENTATION, title, 5));
    }

  insert = convene_command_insert_many_new ("Add", segments, 1, batch);
  g_signal_connect (segments, "items-changed", G_CALLBACK (count_changes), &changes);
  convene_command_apply (insert);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (n_items (segments), ==, 1002);
  g_assert_true (item_at (segments, 0) == first);
  g_assert_true (item_at (segments, 1) == g_ptr_array_index (batch, 0));
  g_assert_true (item_at (segments, 1000) == g_ptr_array_index (batch, 999));
  g_assert_true (item_at (segments, 1001) == last);
  convene_command_revert (insert);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (n_items (segments), ==, 2);
  g_signal_handlers_disconnect_by_func (segments, count_changes, &changes);
  check_round_trip (insert, session);

  /* Something moved one of them since: each is still found and taken out. */
  g_list_store_remove (segments, 1 + 500);
  g_list_store_insert (segments, 0, g_ptr_array_index (batch, 500));
  convene_command_revert (insert);
  g_assert_cmpuint (n_items (segments), ==, 2);
  g_assert_true (item_at (segments, 0) == first);
  g_assert_true (item_at (segments, 1) == last);

  /* A position past the end appends, and revert takes the same ones out. */
  beyond = convene_command_insert_many_new ("Add", segments, 99, batch);
  check_round_trip (beyond, session);
  g_assert_true (item_at (segments, 2) == g_ptr_array_index (batch, 0));
}

static void
test_move (void)
{
  g_autoptr(ConveneSession) session = convene_session_new (1, "S", "2027-05-24", 600, 90);
  g_autoptr(ConveneSegment) panel = convene_segment_new (2, CONVENE_SEGMENT_KIND_PANEL, "Panel", 30);
  g_autoptr(ConveneSegment) x = convene_segment_new (3, CONVENE_SEGMENT_KIND_PRESENTATION, "X", 10);
  g_autoptr(ConveneSegment) y = convene_segment_new (4, CONVENE_SEGMENT_KIND_PRESENTATION, "Y", 10);
  g_autoptr(ConveneSegment) z = convene_segment_new (5, CONVENE_SEGMENT_KIND_PRESENTATION, "Z", 10);
  GListStore *segments = convene_session_get_segments (session);
  GListStore *items = convene_segment_get_items (panel);
  g_autoptr(ConveneCommand) within = NULL;
  g_autoptr(ConveneCommand) between = NULL;

  g_list_store_append (segments, x);
  g_list_store_append (segments, panel);
  g_list_store_append (segments, y);
  g_list_store_append (items, z);

  /* x to the end: counted after it is taken out. */
  within = convene_command_move_new ("Move", segments, 0, segments, 2);
  convene_command_apply (within);
  g_assert_true (item_at (segments, 0) == panel);
  g_assert_true (item_at (segments, 1) == y);
  g_assert_true (item_at (segments, 2) == x);
  convene_command_revert (within);
  g_assert_true (item_at (segments, 0) == x);
  check_round_trip (within, session);
  convene_command_revert (within);

  /* y into the panel, before z. */
  between = convene_command_move_new ("Nest", segments, 2, items, 0);
  convene_command_apply (between);
  g_assert_cmpuint (n_items (segments), ==, 2);
  g_assert_true (item_at (items, 0) == y);
  g_assert_true (item_at (items, 1) == z);
  convene_command_revert (between);
  g_assert_true (item_at (segments, 2) == y);
  g_assert_cmpuint (n_items (items), ==, 1);
  check_round_trip (between, session);
}

static void
test_group (void)
{
  g_autoptr(ConveneSession) session = convene_session_new (1, "S", "2027-05-24", 600, 90);
  g_autoptr(ConveneSegment) a = convene_segment_new (2, CONVENE_SEGMENT_KIND_OPENING, "A", 10);
  GListStore *segments = convene_session_get_segments (session);
  g_autoptr(ConveneCommand) group = convene_command_group_new ("Several");
  g_autoptr(ConveneCommand) empty = convene_command_group_new ("Nothing");
  g_autofree char *before = snapshot (session);
  g_autofree char *after_empty = NULL;

  /* Each child is built for the state the previous ones leave: the two
   * renames of the same property must revert to the very first title. */
  convene_command_group_add (group, convene_command_insert_new ("Add", segments, 0, a));
  convene_command_group_add (group, convene_command_set_string_new ("Rename", a, "title", "First"));
  convene_command_group_add (group, convene_command_set_string_new ("Rename", a, "title", "Second"));
  convene_command_group_add (group, convene_command_set_int_new ("Resize", a, "duration", 15));
  convene_command_group_add (group, convene_command_set_string_new ("Rename", session, "title", "Renamed"));
  g_assert_cmpuint (convene_command_group_get_size (group), ==, 5);
  g_assert_cmpstr (convene_command_get_label (group), ==, "Several");

  convene_command_apply (group);
  g_assert_cmpstr (convene_segment_get_title (a), ==, "Second");
  g_assert_cmpuint (convene_segment_get_duration (a), ==, 15);
  g_assert_cmpstr (convene_session_get_title (session), ==, "Renamed");
  g_assert_true (item_at (segments, 0) == a);

  convene_command_revert (group);
  g_assert_cmpstr (convene_segment_get_title (a), ==, "A");
  g_assert_cmpuint (n_items (segments), ==, 0);
  {
    g_autofree char *reverted = snapshot (session);
    g_assert_cmpstr (reverted, ==, before);
  }
  check_round_trip (group, session);

  g_assert_cmpuint (convene_command_group_get_size (empty), ==, 0);
  convene_command_apply (empty);
  after_empty = snapshot (session);
  convene_command_revert (empty);
  {
    g_autofree char *reverted = snapshot (session);
    g_assert_cmpstr (reverted, ==, after_empty);
  }
}

/* History. */

typedef struct
{
  guint can_undo;
  guint can_redo;
  guint undo_label;
  guint redo_label;
} HistoryNotes;

static void
count_note (GObject    *object,
            GParamSpec *pspec,
            gpointer    data)
{
  HistoryNotes *notes = data;

  if (g_str_equal (pspec->name, "can-undo"))
    notes->can_undo++;
  else if (g_str_equal (pspec->name, "can-redo"))
    notes->can_redo++;
  else if (g_str_equal (pspec->name, "undo-label"))
    notes->undo_label++;
  else if (g_str_equal (pspec->name, "redo-label"))
    notes->redo_label++;
}

static void
test_history (void)
{
  g_autoptr(ConveneHistory) history = convene_history_new ();
  g_autoptr(ConveneSegment) segment = convene_segment_new (1, CONVENE_SEGMENT_KIND_PANEL, "Panel", 60);
  g_autoptr(ConveneCommand) rename = convene_command_set_string_new ("Rename Segment", segment, "title", "Talks");
  g_autoptr(ConveneCommand) resize = convene_command_set_int_new ("Change Duration", segment, "duration", 30);
  g_autoptr(ConveneCommand) pin = convene_command_set_int_new ("Pin Start Time", segment, "fixed-start", 600);
  HistoryNotes notes = { 0 };
  gboolean can_undo = TRUE;
  g_autofree char *undo_label = NULL;

  g_signal_connect (history, "notify", G_CALLBACK (count_note), &notes);

  g_assert_false (convene_history_get_can_undo (history));
  g_assert_false (convene_history_get_can_redo (history));
  g_assert_null (convene_history_get_undo_label (history));
  g_assert_null (convene_history_get_redo_label (history));
  g_assert_null (convene_history_peek_undo (history));
  g_assert_null (convene_history_peek_redo (history));

  convene_command_apply (rename);
  convene_history_push (history, rename);
  g_assert_true (convene_history_get_can_undo (history));
  g_assert_cmpstr (convene_history_get_undo_label (history), ==, "Rename Segment");
  g_assert_true (convene_history_peek_undo (history) == rename);
  g_assert_cmpuint (notes.can_undo, ==, 1);
  g_assert_cmpuint (notes.undo_label, ==, 1);
  g_assert_cmpuint (notes.can_redo, ==, 0);
  g_assert_cmpuint (notes.redo_label, ==, 0);

  convene_command_apply (resize);
  convene_history_push (history, resize);
  g_assert_cmpuint (notes.can_undo, ==, 1); /* still TRUE: no notification */
  g_assert_cmpuint (notes.undo_label, ==, 2);
  g_object_get (history, "can-undo", &can_undo, "undo-label", &undo_label, NULL);
  g_assert_true (can_undo);
  g_assert_cmpstr (undo_label, ==, "Change Duration");

  /* Undo as the document does it: revert, then tell the history. */
  convene_command_revert (convene_history_peek_undo (history));
  convene_history_did_undo (history);
  g_assert_cmpuint (convene_segment_get_duration (segment), ==, 60);
  g_assert_true (convene_history_get_can_redo (history));
  g_assert_cmpstr (convene_history_get_redo_label (history), ==, "Change Duration");
  g_assert_cmpstr (convene_history_get_undo_label (history), ==, "Rename Segment");
  g_assert_cmpuint (notes.can_redo, ==, 1);
  g_assert_cmpuint (notes.redo_label, ==, 1);
  g_assert_cmpuint (notes.undo_label, ==, 3);

  convene_command_revert (convene_history_peek_undo (history));
  convene_history_did_undo (history);
  g_assert_cmpstr (convene_segment_get_title (segment), ==, "Panel");
  g_assert_false (convene_history_get_can_undo (history));
  g_assert_null (convene_history_get_undo_label (history));
  g_assert_cmpstr (convene_history_get_redo_label (history), ==, "Rename Segment");
  g_assert_cmpuint (notes.can_undo, ==, 2);

  convene_command_apply (convene_history_peek_redo (history));
  convene_history_did_redo (history);
  g_assert_cmpstr (convene_segment_get_title (segment), ==, "Talks");
  g_assert_cmpstr (convene_history_get_undo_label (history), ==, "Rename Segment");
  g_assert_cmpstr (convene_history_get_redo_label (history), ==, "Change Duration");
  g_assert_true (convene_history_get_can_undo (history));
  g_assert_true (convene_history_get_can_redo (history));

  /* A new edit forgets what could be redone. */
  convene_command_apply (pin);
  convene_history_push (history, pin);
  g_assert_false (convene_history_get_can_redo (history));
  g_assert_null (convene_history_get_redo_label (history));
  g_assert_cmpstr (convene_history_get_undo_label (history), ==, "Pin Start Time");

  memset (&notes, 0, sizeof notes);
  convene_history_clear (history);
  g_assert_false (convene_history_get_can_undo (history));
  g_assert_cmpuint (notes.can_undo, ==, 1);
  g_assert_cmpuint (notes.undo_label, ==, 1);
  g_assert_cmpuint (notes.can_redo, ==, 0);

  memset (&notes, 0, sizeof notes);
  convene_history_clear (history);
  g_assert_cmpuint (notes.can_undo + notes.can_redo + notes.undo_label + notes.redo_label, ==, 0);
}

/* Edits. */

static void
test_edit_sessions (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ConveneSession) second = convene_session_new (convene_project_new_id (f->project),
                                                          "Follow-up meeting", "2027-05-25", 9 * 60, 60);
  g_autoptr(ConveneCommand) add = convene_edit_add_session (f->project, second, 0);
  g_autoptr(ConveneCommand) remove = NULL;
  GListStore *sessions = convene_project_get_sessions (f->project);

  check_round_trip (add, f->project);
  g_assert_cmpuint (n_items (sessions), ==, 2);
  g_assert_true (item_at (sessions, 0) == second);

  /* Deleting the side event takes every assignment on it with it. */
  remove = convene_edit_remove_session (f->project, f->session);
  g_assert_nonnull (remove);
  check_round_trip (remove, f->project);
  g_assert_cmpuint (n_items (sessions), ==, 1);
  g_assert_true (item_at (sessions, 0) == second);
  g_assert_cmpuint (n_items (convene_project_get_assignments (f->project)), ==, 0);
  g_assert_cmpuint (n_items (convene_project_get_outcome_links (f->project)), ==, 0);
  g_assert_cmpuint (n_items (convene_project_get_speakers (f->project)), ==, 4);

  convene_command_revert (remove);
  g_assert_cmpuint (n_items (convene_project_get_assignments (f->project)), ==, 6);
  g_assert_cmpuint (n_items (convene_project_get_outcome_links (f->project)), ==, 3);
  g_assert_true (item_at (sessions, 1) == f->session);
}

static void
test_edit_add_segment (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ConveneSegment) coffee = convene_segment_new (convene_project_new_id (f->project),
                                                          CONVENE_SEGMENT_KIND_BREAK, "Coffee", 15);
  g_autoptr(ConveneSegment) talk = convene_segment_new (convene_project_new_id (f->project),
                                                        CONVENE_SEGMENT_KIND_PRESENTATION,
                                                        "Tap the talent", 10);
  g_autoptr(ConveneSegment) orphan = convene_segment_new (500, CONVENE_SEGMENT_KIND_CUSTOM, "Orphan", 5);
  g_autoptr(ConveneCommand) add = NULL;
  g_autoptr(ConveneCommand) refused = NULL;
  g_autoptr(GError) error = NULL;

  add = convene_edit_add_segment (f->project, f->session, NULL, 2, coffee, &error);
  g_assert_no_error (error);
  check_round_trip (add, f->project);
  g_assert_true (item_at (convene_session_get_segments (f->session), 2) == coffee);
  g_clear_object (&add);

  add = convene_edit_add_segment (f->project, f->session, f->panel, 99, talk, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (convene_command_get_label (add), ==, "Add Item");
  check_round_trip (add, f->project);
  g_assert_true (item_at (convene_segment_get_items (f->panel), 3) == talk);

  /* A break does not hold items. */
  refused = convene_edit_add_segment (f->project, f->session, coffee, 0, orphan, &error);
  g_assert_null (refused);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING);
  g_assert_nonnull (strstr (error->message, "Break"));
  g_clear_error (&error);

  /* Nothing goes inside an item. */
  {
    g_autoptr(ConveneSegment) deeper = convene_segment_new (501, CONVENE_SEGMENT_KIND_CUSTOM, "Deeper", 5);

    refused = convene_edit_add_segment (f->project, f->session, f->talks[0], 0, deeper, &error);
    g_assert_null (refused);
    g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING);
    g_clear_error (&error);

    /* A segment already in the session cannot be added again. */
    refused = convene_edit_add_segment (f->project, f->session, NULL, 0, f->closing, &error);
    g_assert_null (refused);
    g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING);
    g_clear_error (&error);
  }
}

static void
test_edit_remove_segment (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ConveneCommand) remove = convene_edit_remove_segment (f->project, f->session, f->panel);
  g_autoptr(ConveneCommand) remove_item = NULL;
  g_autofree char *before = snapshot (f->project);
  g_autofree char *after = NULL;
  gint64 moderator = convene_speaker_get_id (f->moderator);

  g_assert_cmpuint (count_assignments (f->project, 0, 0, 0), ==, 6);

  convene_command_apply (remove);
  after = snapshot (f->project);
  /* The panel and its talks are gone, with the three panelists' places and
   * the moderator's place on the panel; the rest stays. */
  g_assert_cmpuint (n_items (convene_session_get_segments (f->session)), ==, 3);
  g_assert_cmpuint (count_assignments (f->project, 0, 0, 0), ==, 2);
  g_assert_cmpuint (count_assignments (f->project, moderator, convene_segment_get_id (f->discussion), 0), ==, 1);
  g_assert_cmpuint (count_assignments (f->project, moderator, 0, convene_session_get_id (f->session)), ==, 1);
  g_assert_false (is_linked (f, f->aim, f->panel));
  g_assert_false (is_linked (f, f->question, f->talks[1]));
  g_assert_true (is_linked (f, f->follow_up, f->closing));
  g_assert_cmpuint (n_items (convene_project_get_outcome_links (f->project)), ==, 1);
  g_assert_cmpstr (convene_outcome_get_text (f->aim), ==, "Share current perspectives");

  convene_command_revert (remove);
  {
    g_autofree char *reverted = snapshot (f->project);
    g_assert_cmpstr (reverted, ==, before);
  }
  g_assert_true (is_linked (f, f->question, f->talks[1]));
  g_assert_cmpuint (count_assignments (f->project, 0, 0, 0), ==, 6);

  convene_command_apply (remove);
  {
    g_autofree char *reapplied = snapshot (f->project);
    g_assert_cmpstr (reapplied, ==, after);
  }
  convene_command_revert (remove);

  /* One talk: only its panelist and the question linked to it. */
  remove_item = convene_edit_remove_segment (f->project, f->session, f->talks[1]);
  g_assert_cmpstr (convene_command_get_label (remove_item), ==, "Delete Item");
  check_round_trip (remove_item, f->project);
  g_assert_cmpuint (n_items (convene_segment_get_items (f->panel)), ==, 2);
  g_assert_cmpuint (count_assignments (f->project, 0, 0, 0), ==, 5);
  g_assert_false (is_linked (f, f->question, f->talks[1]));
  g_assert_true (is_linked (f, f->aim, f->panel));
}

static void
test_edit_move_segment (Fixture       *f,
                        gconstpointer  data)
{
  GListStore *segments = convene_session_get_segments (f->session);
  GListStore *items = convene_segment_get_items (f->panel);
  g_autoptr(ConveneCommand) move = NULL;
  g_autoptr(GError) error = NULL;

  /* Reorder: closing first. */
  move = convene_edit_move_segment (f->project, f->session, f->closing, NULL, 0, &error);
  g_assert_no_error (error);
  check_round_trip (move, f->project);
  g_assert_true (item_at (segments, 0) == f->closing);
  convene_command_revert (move);
  g_clear_object (&move);

  /* Past the end is the end. */
  move = convene_edit_move_segment (f->project, f->session, f->opening, NULL, 100, &error);
  g_assert_no_error (error);
  check_round_trip (move, f->project);
  g_assert_true (item_at (segments, 3) == f->opening);
  convene_command_revert (move);
  g_clear_object (&move);

  /* A talk out of the panel to the top level, then back in elsewhere. */
  move = convene_edit_move_segment (f->project, f->session, f->talks[2], NULL, 1, &error);
  g_assert_no_error (error);
  check_round_trip (move, f->project);
  g_assert_true (item_at (segments, 1) == f->talks[2]);
  g_assert_cmpuint (n_items (items), ==, 2);
  convene_command_revert (move);
  g_clear_object (&move);

  /* The closing remarks (no items) into the discussion, which holds items. */
  move = convene_edit_move_segment (f->project, f->session, f->closing, f->discussion, 0, &error);
  g_assert_no_error (error);
  check_round_trip (move, f->project);
  g_assert_true (item_at (convene_segment_get_items (f->discussion), 0) == f->closing);
  convene_command_revert (move);
  g_clear_object (&move);

  /* Within the panel. */
  move = convene_edit_move_segment (f->project, f->session, f->talks[0], f->panel, 2, &error);
  g_assert_no_error (error);
  check_round_trip (move, f->project);
  g_assert_true (item_at (items, 2) == f->talks[0]);
  g_assert_true (item_at (items, 0) == f->talks[1]);
  convene_command_revert (move);
  g_clear_object (&move);

  /* Refusals. */
  move = convene_edit_move_segment (f->project, f->session, f->discussion, f->discussion, 0, &error);
  g_assert_null (move);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING);
  g_clear_error (&error);

  move = convene_edit_move_segment (f->project, f->session, f->panel, f->discussion, 0, &error);
  g_assert_null (move);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING);
  g_clear_error (&error);

  move = convene_edit_move_segment (f->project, f->session, f->opening, f->talks[0], 0, &error);
  g_assert_null (move);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING);
  g_clear_error (&error);

  convene_segment_set_kind (f->discussion, CONVENE_SEGMENT_KIND_BREAK);
  move = convene_edit_move_segment (f->project, f->session, f->opening, f->discussion, 0, &error);
  g_assert_null (move);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING);
  g_assert_cmpstr (error->message, ==, "A segment of the kind “Break” cannot hold items.");
  g_clear_error (&error);

  {
    g_autoptr(ConveneSegment) stranger = convene_segment_new (900, CONVENE_SEGMENT_KIND_BREAK, "Elsewhere", 5);

    move = convene_edit_move_segment (f->project, f->session, stranger, NULL, 0, &error);
    g_assert_null (move);
    g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  g_assert_true (item_at (segments, 0) == f->opening);
  g_assert_cmpuint (n_items (segments), ==, 4);
}

static void
test_edit_speakers (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ConveneSpeaker) newcomer = convene_speaker_new (convene_project_new_id (f->project), "Stacey Pillay");
  g_autoptr(ConveneCommand) add = convene_edit_add_speaker (f->project, newcomer, 1);
  g_autoptr(ConveneCommand) remove = NULL;
  GListStore *speakers = convene_project_get_speakers (f->project);
  gint64 moderator = convene_speaker_get_id (f->moderator);

  check_round_trip (add, f->project);
  g_assert_true (item_at (speakers, 1) == newcomer);

  remove = convene_edit_remove_speaker (f->project, f->moderator);
  check_round_trip (remove, f->project);
  g_assert_cmpuint (count_assignments (f->project, moderator, 0, 0), ==, 0);
  g_assert_cmpuint (count_assignments (f->project, 0, 0, 0), ==, 3);
  g_assert_cmpint (convene_outcome_get_owner_id (f->follow_up), ==, 0);
  g_assert_cmpuint (n_items (speakers), ==, 4);

  convene_command_revert (remove);
  g_assert_cmpint (convene_outcome_get_owner_id (f->follow_up), ==, moderator);
  g_assert_cmpuint (count_assignments (f->project, moderator, 0, 0), ==, 3);
  g_assert_true (item_at (speakers, 0) == f->moderator);
}

static void
test_edit_assignments_and_outcomes (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(ConveneAssignment) chair =
    convene_assignment_new_for_session (convene_project_new_id (f->project),
                                        convene_speaker_get_id (f->panelists[0]),
                                        convene_session_get_id (f->session), CONVENE_ROLE_CHAIR);
  g_autoptr(ConveneOutcome) expected =
    convene_outcome_new (convene_project_new_id (f->project), CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME,
                         "Commitments for the Global Compact");
  g_autoptr(ConveneCommand) add = convene_edit_add_assignment (f->project, chair);
  g_autoptr(ConveneCommand) remove = NULL;
  g_autoptr(ConveneCommand) add_outcome = NULL;
  g_autoptr(ConveneCommand) remove_outcome = NULL;
  GListStore *assignments = convene_project_get_assignments (f->project);
  GListStore *outcomes = convene_session_get_outcomes (f->session);

  check_round_trip (add, f->project);
  g_assert_true (item_at (assignments, n_items (assignments) - 1) == chair);

  remove = convene_edit_remove_assignment (f->project, item_at (assignments, 0));
  check_round_trip (remove, f->project);
  g_assert_cmpuint (n_items (assignments), ==, 6);

  add_outcome = convene_edit_add_outcome (f->session, expected, 1);
  check_round_trip (add_outcome, f->project);
  g_assert_true (item_at (outcomes, 1) == expected);

  remove_outcome = convene_edit_remove_outcome (f->project, f->session, f->aim);
  check_round_trip (remove_outcome, f->project);
  g_assert_true (item_at (outcomes, 0) == expected);
  g_assert_cmpuint (n_items (outcomes), ==, 3);
  /* Its link to the panel went with it; the others stay. */
  g_assert_false (is_linked (f, f->aim, f->panel));
  g_assert_true (is_linked (f, f->question, f->talks[1]));
  g_assert_cmpuint (n_items (convene_project_get_outcome_links (f->project)), ==, 2);
}

static void
test_edit_set_text (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ConveneCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_malloc (70001);

  command = convene_edit_set_text (f->panel, "title", "Panel: health and migration", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (convene_command_get_label (command), ==, "Rename");
  check_round_trip (command, f->project);
  g_assert_cmpstr (convene_segment_get_title (f->panel), ==, "Panel: health and migration");
  g_clear_object (&command);

  command = convene_edit_set_text (f->moderator, "organisation", "WHO", &error);
  g_assert_no_error (error);
  check_round_trip (command, f->project);
  g_clear_object (&command);

  command = convene_edit_set_text (f->session, "date", "2027-05-25", &error);
  g_assert_no_error (error);
  check_round_trip (command, f->project);
  g_clear_object (&command);

  command = convene_edit_set_text (f->follow_up, "due-date", "", &error);
  g_assert_no_error (error);
  g_clear_object (&command);

  command = convene_edit_set_text (f->project, "time-zone", "America/New_York", &error);
  g_assert_no_error (error);
  check_round_trip (command, f->project);
  g_assert_cmpstr (convene_project_get_time_zone (f->project), ==, "America/New_York");
  g_clear_object (&command);

  memset (huge, 'x', 70000);
  huge[70000] = '\0';
  command = convene_edit_set_text (f->panel, "notes", huge, &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_TEXT_TOO_LONG);
  g_assert_cmpstr (error->message, ==, "The text for the notes is too long (70000 bytes; at most 65536).");
  g_clear_error (&error);

  command = convene_edit_set_text (f->moderator, "name", "Caf\xe9", &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TEXT);
  g_clear_error (&error);

  command = convene_edit_set_text (f->session, "date", "2027-02-30", &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_DATE);
  g_clear_error (&error);

  command = convene_edit_set_text (f->follow_up, "due-date", "next week", &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_DATE);
  g_clear_error (&error);

  command = convene_edit_set_text (f->project, "time-zone", "Europe/Atlantis", &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TIME_ZONE);
  g_clear_error (&error);

  /* What the window's time-zone field takes: a zone name, never a path. */
  command = convene_edit_set_text (f->project, "time-zone", "/etc/localtime", &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TIME_ZONE);
  g_clear_error (&error);

  command = convene_edit_set_text (f->panel, "no-such-thing", "x", &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  command = convene_edit_set_text (f->panel, "duration", "10", &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpstr (convene_session_get_date (f->session), ==, "2027-05-25");
  g_assert_cmpstr (convene_segment_get_notes (f->panel), ==, "");
}

static void
test_edit_set_number (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ConveneCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  static const gint64 bad_durations[] = { -1, CONVENE_MAX_DURATION_MINUTES + 1, G_MAXINT64, G_MININT64,
                                          (gint64) G_MAXUINT + 5 };

  command = convene_edit_set_number (f->panel, "duration", 45, &error);
  g_assert_no_error (error);
  check_round_trip (command, f->project);
  g_assert_cmpuint (convene_segment_get_duration (f->panel), ==, 45);
  g_clear_object (&command);

  for (guint i = 0; i < G_N_ELEMENTS (bad_durations); i++)
    {
      command = convene_edit_set_number (f->panel, "duration", bad_durations[i], &error);
      g_assert_null (command);
      g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_DURATION);
      g_clear_error (&error);
    }

  command = convene_edit_set_number (f->session, "slot-minutes", 0, &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_DURATION);
  g_clear_error (&error);

  command = convene_edit_set_number (f->session, "slot-minutes", 120, &error);
  g_assert_no_error (error);
  check_round_trip (command, f->project);
  g_clear_object (&command);

  command = convene_edit_set_number (f->session, "start-time", 1440, &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TIME);
  g_clear_error (&error);

  command = convene_edit_set_number (f->session, "start-time", -30, &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TIME);
  g_clear_error (&error);

  command = convene_edit_set_number (f->session, "start-time", 13 * 60, &error);
  g_assert_no_error (error);
  check_round_trip (command, f->project);
  g_clear_object (&command);

  command = convene_edit_set_number (f->closing, "fixed-start", 14 * 60, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (convene_command_get_label (command), ==, "Pin Start Time");
  check_round_trip (command, f->project);
  g_clear_object (&command);

  command = convene_edit_set_number (f->closing, "fixed-start", CONVENE_NO_FIXED_START, &error);
  g_assert_no_error (error);
  check_round_trip (command, f->project);
  g_assert_cmpint (convene_segment_get_fixed_start (f->closing), ==, CONVENE_NO_FIXED_START);
  g_clear_object (&command);

  command = convene_edit_set_number (f->closing, "fixed-start", 1440, &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TIME);
  g_clear_error (&error);

  command = convene_edit_set_number (f->closing, "kind", CONVENE_SEGMENT_KIND_NETWORKING, &error);
  g_assert_no_error (error);
  check_round_trip (command, f->project);
  g_clear_object (&command);

  command = convene_edit_set_number (f->closing, "kind", CONVENE_N_SEGMENT_KINDS, &error);
  g_assert_null (command);
  g_assert_nonnull (error);
  g_clear_error (&error);

  command = convene_edit_set_number (f->moderator, "status", CONVENE_SPEAKER_STATUS_CONFIRMED, &error);
  g_assert_no_error (error);
  check_round_trip (command, f->project);
  g_clear_object (&command);

  command = convene_edit_set_number (f->follow_up, "done", TRUE, &error);
  g_assert_no_error (error);
  check_round_trip (command, f->project);
  g_assert_true (convene_outcome_get_done (f->follow_up));
  g_clear_object (&command);

  command = convene_edit_set_number (f->follow_up, "owner-id", convene_speaker_get_id (f->panelists[2]), &error);
  g_assert_no_error (error);
  check_round_trip (command, f->project);
  g_clear_object (&command);

  command = convene_edit_set_number (f->follow_up, "owner-id", -4, &error);
  g_assert_null (command);
  g_assert_nonnull (error);
  g_clear_error (&error);

  command = convene_edit_set_number (f->panel, "title", 3, &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  command = convene_edit_set_number (f->panel, "id", 3, &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

/* Several edits through one history, undone and redone in order. */
static void
test_edit_kind_keeps_items (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(ConveneCommand) command = NULL;
  g_autoptr(GError) error = NULL;

  /* A panel holding talks does not become a break: its talks would sit
   * where nothing may hold items. */
  command = convene_edit_set_number (f->panel, "kind", CONVENE_SEGMENT_KIND_BREAK, &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING);
  g_assert_nonnull (strstr (error->message, "Panel"));
  g_assert_nonnull (strstr (error->message, "Break"));
  g_assert_nonnull (strstr (error->message, "3 items"));
  g_clear_error (&error);
  g_assert_cmpint (convene_segment_get_kind (f->panel), ==, CONVENE_SEGMENT_KIND_PANEL);

  /* Another kind made of contributions is fine. */
  command = convene_edit_set_number (f->panel, "kind", CONVENE_SEGMENT_KIND_DISCUSSION, &error);
  g_assert_no_error (error);
  check_round_trip (command, f->project);
  g_clear_object (&command);

  /* So is a break made of a segment without items, and an item of any kind. */
  command = convene_edit_set_number (f->discussion, "kind", CONVENE_SEGMENT_KIND_BREAK, &error);
  g_assert_no_error (error);
  check_round_trip (command, f->project);
  g_clear_object (&command);
  command = convene_edit_set_number (f->talks[0], "kind", CONVENE_SEGMENT_KIND_BREAK, &error);
  g_assert_no_error (error);
  check_round_trip (command, f->project);
}

static void
test_edit_history (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ConveneHistory) history = convene_history_new ();
  g_autofree char *start = snapshot (f->project);
  g_autofree char *end = NULL;

  /* Each edit is built for the state the earlier ones left, as the window
   * builds them one at a time. */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(ConveneCommand) command = NULL;

      switch (i)
        {
        case 0:
          command = convene_edit_set_text (f->panel, "title", "Panel discussion", NULL);
          break;
        case 1:
          command = convene_edit_remove_segment (f->project, f->session, f->opening);
          break;
        case 2:
          command = convene_edit_move_segment (f->project, f->session, f->closing, NULL, 0, NULL);
          break;
        default:
          command = convene_edit_remove_speaker (f->project, f->moderator);
          break;
        }

      g_assert_nonnull (command);
      convene_command_apply (command);
      convene_history_push (history, command);
    }
  end = snapshot (f->project);
  g_assert_cmpstr (convene_history_get_undo_label (history), ==, "Remove Person");

  while (convene_history_get_can_undo (history))
    {
      convene_command_revert (convene_history_peek_undo (history));
      convene_history_did_undo (history);
    }
  {
    g_autofree char *undone = snapshot (f->project);
    g_assert_cmpstr (undone, ==, start);
  }
  g_assert_cmpstr (convene_history_get_redo_label (history), ==, "Rename");

  while (convene_history_get_can_redo (history))
    {
      convene_command_apply (convene_history_peek_redo (history));
      convene_history_did_redo (history);
    }
  {
    g_autofree char *redone = snapshot (f->project);
    g_assert_cmpstr (redone, ==, end);
  }
}

/* Where the panel ends and how it compares with its target, read from a
 * fresh schedule: "70 (10 min over its 60 min target)". */
static char *
describe_panel (Fixture *f)
{
  g_autoptr(ConveneSchedule) schedule = convene_schedule_compute (f->session, NULL);
  const ConveneScheduleEntry *entry = convene_schedule_lookup (schedule, f->panel);
  const ConveneScheduleEntry *next = convene_schedule_lookup (schedule, f->discussion);
  g_autofree char *target = convene_schedule_entry_describe_target (entry);

  /* The discussion starts where the panel's last item ends. */
  g_assert_cmpint (next->start, ==, entry->end);
  return g_strdup_printf ("%d (%s)", entry->end - entry->start, target != NULL ? target : "no difference");
}

static void
test_edit_target (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ConveneHistory) history = convene_history_new ();
  g_autoptr(ConveneSegment) coffee = convene_segment_new (900, CONVENE_SEGMENT_KIND_BREAK, "Coffee", 15);
  g_autoptr(GError) error = NULL;
  ConveneCommand *command;
  g_autofree char *text = NULL;

  /* No target: the panel follows its talks, whatever they add up to. */
  g_assert_false (convene_segment_get_has_target (f->panel));
  command = convene_edit_set_number (f->talks[0], "duration", 30, &error);
  g_assert_no_error (error);
  convene_command_apply (command);
  convene_history_push (history, command);
  g_object_unref (command);
  text = describe_panel (f);
  g_assert_cmpstr (text, ==, "70 (no difference)");
  g_clear_pointer (&text, g_free);

  /* A 50-minute target: the talks run 20 minutes over it, the panel still
   * lasts what they take. */
  command = convene_edit_set_target (f->panel, TRUE, 50, &error);
  g_assert_no_error (error);
  check_round_trip (command, f->project);
  convene_command_revert (command);
  convene_command_apply (command);
  convene_history_push (history, command);
  g_object_unref (command);
  g_assert_true (convene_segment_get_has_target (f->panel));
  g_assert_cmpuint (convene_segment_get_duration (f->panel), ==, 50);
  g_assert_cmpstr (convene_history_get_undo_label (history), ==, "Set Target Length");
  text = describe_panel (f);
  g_assert_cmpstr (text, ==, "70 (20 min over its 50 min target)");
  g_clear_pointer (&text, g_free);

  /* The talk back to 20 minutes: 10 under; and then exactly on target. */
  command = convene_edit_set_number (f->talks[0], "duration", 10, &error);
  g_assert_no_error (error);
  convene_command_apply (command);
  convene_history_push (history, command);
  g_object_unref (command);
  text = describe_panel (f);
  g_assert_cmpstr (text, ==, "50 (no difference)");
  g_clear_pointer (&text, g_free);
  command = convene_edit_set_number (f->talks[1], "duration", 10, &error);
  g_assert_no_error (error);
  convene_command_apply (command);
  convene_history_push (history, command);
  g_object_unref (command);
  text = describe_panel (f);
  g_assert_cmpstr (text, ==, "40 (10 min under its 50 min target)");
  g_clear_pointer (&text, g_free);

  /* Undo goes back through each state, target included. */
  convene_command_revert (convene_history_peek_undo (history));
  convene_history_did_undo (history);
  convene_command_revert (convene_history_peek_undo (history));
  convene_history_did_undo (history);
  text = describe_panel (f);
  g_assert_cmpstr (text, ==, "70 (20 min over its 50 min target)");
  g_clear_pointer (&text, g_free);
  convene_command_revert (convene_history_peek_undo (history));
  convene_history_did_undo (history);
  g_assert_false (convene_segment_get_has_target (f->panel));
  g_assert_cmpuint (convene_segment_get_duration (f->panel), ==, 60);
  text = describe_panel (f);
  g_assert_cmpstr (text, ==, "70 (no difference)");
  g_clear_pointer (&text, g_free);
  convene_command_apply (convene_history_peek_redo (history));
  convene_history_did_redo (history);
  text = describe_panel (f);
  g_assert_cmpstr (text, ==, "70 (20 min over its 50 min target)");
  g_clear_pointer (&text, g_free);

  /* Taking the target away keeps the number for the next time. */
  command = convene_edit_set_target (f->panel, FALSE, 0, &error);
  g_assert_no_error (error);
  check_round_trip (command, f->project);
  g_assert_false (convene_segment_get_has_target (f->panel));
  g_assert_cmpuint (convene_segment_get_duration (f->panel), ==, 50);
  g_assert_cmpstr (convene_command_get_label (command), ==, "Remove Target Length");
  g_object_unref (command);

  /* A break holds no items, so it has no target; a target has a length's bounds. */
  command = convene_edit_set_target (coffee, TRUE, 15, &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING);
  g_assert_nonnull (strstr (error->message, "Break"));
  g_clear_error (&error);
  command = convene_edit_set_target (f->panel, TRUE, CONVENE_MAX_DURATION_MINUTES + 1, &error);
  g_assert_null (command);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_DURATION);
}

#define ADD_EDIT_TEST(path, func) \
  g_test_add ("/commands/edits/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/commands/set-property", test_set_property);
  g_test_add_func ("/commands/insert-remove", test_insert_remove);
  g_test_add_func ("/commands/insert-many", test_insert_many);
  g_test_add_func ("/commands/move", test_move);
  g_test_add_func ("/commands/group", test_group);
  g_test_add_func ("/commands/history", test_history);
  ADD_EDIT_TEST ("sessions", test_edit_sessions);
  ADD_EDIT_TEST ("add-segment", test_edit_add_segment);
  ADD_EDIT_TEST ("remove-segment", test_edit_remove_segment);
  ADD_EDIT_TEST ("move-segment", test_edit_move_segment);
  ADD_EDIT_TEST ("speakers", test_edit_speakers);
  ADD_EDIT_TEST ("assignments-and-outcomes", test_edit_assignments_and_outcomes);
  ADD_EDIT_TEST ("set-text", test_edit_set_text);
  ADD_EDIT_TEST ("set-number", test_edit_set_number);
  ADD_EDIT_TEST ("kind-keeps-items", test_edit_kind_keeps_items);
  ADD_EDIT_TEST ("target", test_edit_target);
  ADD_EDIT_TEST ("history", test_edit_history);

  return g_test_run ();
}
