/* Warnings and each person's own schedule: every kind of warning, its
 * absence once fixed, its return on undo through a real project file, the
 * example project, and a brute-force check of conflicts on a large project. */
#include "config.h"

#include <string.h>

#include "convene-document.h"
#include "convene-edits.h"
#include "convene-json.h"
#include "convene-person-schedule.h"
#include "convene-schedule.h"
#include "convene-validate.h"
#include "convene-warnings.h"
#include "store-fixtures.h"

/* Helpers */

static ConveneProject *
load_example (void)
{
  const char *source = g_getenv ("CONVENE_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  ConveneProject *project;

  g_assert_nonnull (source);
  path = g_build_filename (source, "data", "examples", "side-event.json", NULL);
  file = g_file_new_for_path (path);
  project = convene_json_import_file (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static ConveneSession *
add_session (ConveneProject *project,
             const char     *title,
             const char     *date,
             const char     *start,
             guint           slot)
{
  g_autoptr(ConveneSession) session = NULL;
  int minutes = 0;

  g_assert_true (convene_parse_time_of_day (start, &minutes));
  session = convene_session_new (convene_project_new_id (project), title, date, minutes, slot);
  g_list_store_append (convene_project_get_sessions (project), session);
  return session;  /* the project holds it */
}

static ConveneSegment *
add_segment (ConveneProject     *project,
             ConveneSession     *session,
             ConveneSegment     *parent,
             ConveneSegmentKind  kind,
             const char         *title,
             guint               minutes)
{
  g_autoptr(ConveneSegment) segment = convene_segment_new (convene_project_new_id (project), kind, title, minutes);

  g_list_store_append (parent != NULL ? convene_segment_get_items (parent) : convene_session_get_segments (session),
                       segment);
  return segment;
}

static ConveneSpeaker *
add_speaker (ConveneProject       *project,
             const char           *honorific,
             const char           *name,
             ConveneSpeakerStatus  status)
{
  g_autoptr(ConveneSpeaker) speaker = convene_speaker_new (convene_project_new_id (project), name);

  convene_speaker_set_honorific (speaker, honorific);
  convene_speaker_set_status (speaker, status);
  g_list_store_append (convene_project_get_speakers (project), speaker);
  return speaker;
}

static ConveneAssignment *
assign (ConveneProject *project,
        ConveneSpeaker *speaker,
        ConveneSegment *segment,
        ConveneRole     role)
{
  g_autoptr(ConveneAssignment) assignment =
    convene_assignment_new_for_segment (convene_project_new_id (project), convene_speaker_get_id (speaker),
                                        convene_segment_get_id (segment), role);

  g_list_store_append (convene_project_get_assignments (project), assignment);
  return assignment;
}

static ConveneAssignment *
assign_session (ConveneProject *project,
                ConveneSpeaker *speaker,
                ConveneSession *session,
                ConveneRole     role)
{
  g_autoptr(ConveneAssignment) assignment =
    convene_assignment_new_for_session (convene_project_new_id (project), convene_speaker_get_id (speaker),
                                        convene_session_get_id (session), role);

  g_list_store_append (convene_project_get_assignments (project), assignment);
  return assignment;
}

static guint
count_kind (GPtrArray          *warnings,
            ConveneWarningKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < warnings->len; i++)
    if (((ConveneWarning *) g_ptr_array_index (warnings, i))->kind == kind)
      n++;
  return n;
}

static const ConveneWarning *
find_kind (GPtrArray          *warnings,
           ConveneWarningKind  kind)
{
  for (guint i = 0; i < warnings->len; i++)
    if (((ConveneWarning *) g_ptr_array_index (warnings, i))->kind == kind)
      return g_ptr_array_index (warnings, i);
  g_assert_not_reached ();
}

static guint
project_count (ConveneProject     *project,
               ConveneWarningKind  kind)
{
  g_autoptr(GPtrArray) warnings = convene_warnings_for_project (project, FALSE);

  return count_kind (warnings, kind);
}

static guint
segment_count (ConveneProject *project,
               ConveneSegment *segment)
{
  g_autoptr(GPtrArray) warnings = convene_warnings_for_segment (project, segment, FALSE);

  return warnings->len;
}

static guint
project_total (ConveneProject *project)
{
  g_autoptr(GPtrArray) warnings = convene_warnings_for_project (project, FALSE);

  return warnings->len;
}

/* Two sessions on one day in Geneva: a side event with a panel of two
 * talks, and a plenary with a keynote. */
typedef struct
{
  ConveneProject *project;
  ConveneSession *side;
  ConveneSession *plenary;
  ConveneSegment *opening;
  ConveneSegment *panel;
  ConveneSegment *talk_a;
  ConveneSegment *talk_b;
  ConveneSegment *qa;
  ConveneSegment *keynote;
  ConveneSpeaker *campbell;
  ConveneSpeaker *pillay;
  ConveneSpeaker *zakaria;
} Event;

static void
event_init (Event *e)
{
  e->project = convene_project_new ();
  convene_project_set_time_zone (e->project, "Europe/Zurich");

  e->side = add_session (e->project, "Side event", "2027-05-23", "12:30", 90);
  e->opening = add_segment (e->project, e->side, NULL, CONVENE_SEGMENT_KIND_OPENING, "Opening", 10);
  e->panel = add_segment (e->project, e->side, NULL, CONVENE_SEGMENT_KIND_PANEL, "Panel", 60);
  e->talk_a = add_segment (e->project, e->side, e->panel, CONVENE_SEGMENT_KIND_PRESENTATION, "Talk A", 30);
  e->talk_b = add_segment (e->project, e->side, e->panel, CONVENE_SEGMENT_KIND_PRESENTATION, "Talk B", 30);
  e->qa = add_segment (e->project, e->side, NULL, CONVENE_SEGMENT_KIND_QA, "Q&A", 20);

  e->plenary = add_session (e->project, "Plenary", "2027-05-23", "13:00", 60);
  e->keynote = add_segment (e->project, e->plenary, NULL, CONVENE_SEGMENT_KIND_KEYNOTE, "Keynote", 30);

  e->campbell = add_speaker (e->project, "Dr", "James Campbell", CONVENE_SPEAKER_STATUS_CONFIRMED);
  e->pillay = add_speaker (e->project, "", "Stacey Pillay", CONVENE_SPEAKER_STATUS_CONFIRMED);
  e->zakaria = add_speaker (e->project, "", "Teresa Zakaria", CONVENE_SPEAKER_STATUS_CONFIRMED);

  /* Everything staffed and confirmed: no warnings to start with. */
  assign_session (e->project, e->pillay, e->side, CONVENE_ROLE_MODERATOR);
  assign (e->project, e->zakaria, e->talk_a, CONVENE_ROLE_PRESENTER);
  assign (e->project, e->zakaria, e->talk_b, CONVENE_ROLE_PRESENTER);
  assign (e->project, e->campbell, e->keynote, CONVENE_ROLE_PRESENTER);
}

static void
event_clear (Event *e)
{
  g_clear_object (&e->project);
}

/* Tests */

static void
test_clean (void)
{
  Event e;
  g_autoptr(GPtrArray) warnings = NULL;
  ConveneWarningSummary summary;
  g_autofree char *text = NULL;

  event_init (&e);
  warnings = convene_warnings_for_project (e.project, FALSE);
  g_assert_cmpuint (warnings->len, ==, 0);

  convene_warnings_summarize_session (e.project, e.side, &summary);
  g_assert_cmpuint (summary.total, ==, 0);
  text = convene_warning_summary_describe (&summary);
  g_assert_cmpstr (text, ==, "No open warnings");
  event_clear (&e);
}

static void
test_tbc (void)
{
  Event e;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) on_keynote = NULL;
  g_autoptr(GPtrArray) on_talk = NULL;
  const ConveneWarning *warning;

  event_init (&e);
  convene_speaker_set_status (e.campbell, CONVENE_SPEAKER_STATUS_TENTATIVE);

  warnings = convene_warnings_for_project (e.project, FALSE);
  g_assert_cmpuint (warnings->len, ==, 1);
  warning = g_ptr_array_index (warnings, 0);
  g_assert_cmpint (warning->kind, ==, CONVENE_WARNING_KIND_TBC);
  g_assert_cmpint (warning->severity, ==, CONVENE_WARNING_SEVERITY_INFO);
  g_assert_cmpint (warning->speaker_id, ==, convene_speaker_get_id (e.campbell));
  g_assert_cmpint (warning->segment_id, ==, convene_segment_get_id (e.keynote));
  g_assert_cmpint (warning->session_id, ==, convene_session_get_id (e.plenary));
  g_assert_cmpint (warning->assignment_id, !=, 0);
  g_assert_cmpstr (warning->message, ==,
                   "Dr James Campbell is on “Keynote” (Presenter) but is only tentative so far.");

  on_keynote = convene_warnings_for_segment (e.project, e.keynote, FALSE);
  g_assert_cmpuint (on_keynote->len, ==, 1);
  on_talk = convene_warnings_for_segment (e.project, e.talk_a, FALSE);
  g_assert_cmpuint (on_talk->len, ==, 0);

  convene_speaker_set_status (e.campbell, CONVENE_SPEAKER_STATUS_INVITED);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  warnings = convene_warnings_for_project (e.project, FALSE);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (((ConveneWarning *) g_ptr_array_index (warnings, 0))->message, ==,
                   "Dr James Campbell is on “Keynote” (Presenter) but has only been invited so far.");

  /* A session-level role is TBC too, and says which role. */
  convene_speaker_set_status (e.pillay, CONVENE_SPEAKER_STATUS_INVITED);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  warnings = convene_warnings_for_session (e.project, e.side, FALSE);
  g_assert_cmpuint (warnings->len, ==, 1);
  warning = g_ptr_array_index (warnings, 0);
  g_assert_cmpint (warning->segment_id, ==, 0);
  g_assert_cmpint (warning->session_id, ==, convene_session_get_id (e.side));
  g_assert_cmpstr (warning->message, ==,
                   "Stacey Pillay is on “Side event” (Moderator) but has only been invited so far.");

  /* Confirmed: gone. */
  convene_speaker_set_status (e.campbell, CONVENE_SPEAKER_STATUS_CONFIRMED);
  convene_speaker_set_status (e.pillay, CONVENE_SPEAKER_STATUS_CONFIRMED);
  g_assert_cmpuint (project_count (e.project, CONVENE_WARNING_KIND_TBC), ==, 0);
  event_clear (&e);
}

static void
test_declined (void)
{
  Event e;
  g_autoptr(GPtrArray) warnings = NULL;
  const ConveneWarning *warning;

  event_init (&e);
  convene_speaker_set_status (e.campbell, CONVENE_SPEAKER_STATUS_DECLINED);

  warnings = convene_warnings_for_project (e.project, FALSE);
  /* Declined is an error, and the keynote now has nobody who will come. */
  g_assert_cmpuint (warnings->len, ==, 2);
  warning = g_ptr_array_index (warnings, 0);
  g_assert_cmpint (warning->kind, ==, CONVENE_WARNING_KIND_DECLINED_ASSIGNED);
  g_assert_cmpint (warning->severity, ==, CONVENE_WARNING_SEVERITY_ERROR);
  g_assert_cmpstr (warning->message, ==, "Dr James Campbell declined but is still on “Keynote” (Presenter).");
  warning = g_ptr_array_index (warnings, 1);
  g_assert_cmpint (warning->kind, ==, CONVENE_WARNING_KIND_UNSTAFFED);
  g_assert_cmpint (warning->segment_id, ==, convene_segment_get_id (e.keynote));

  convene_speaker_set_status (e.campbell, CONVENE_SPEAKER_STATUS_CONFIRMED);
  g_assert_cmpuint (project_count (e.project, CONVENE_WARNING_KIND_DECLINED_ASSIGNED), ==, 0);
  g_assert_cmpuint (project_count (e.project, CONVENE_WARNING_KIND_UNSTAFFED), ==, 0);
  event_clear (&e);
}

static void
test_unstaffed (void)
{
  Event e;
  g_autoptr(GPtrArray) warnings = NULL;
  ConveneSegment *presentation;
  ConveneSegment *breather;
  ConveneSegment *discussion;
  const ConveneWarning *warning;

  event_init (&e);
  presentation = add_segment (e.project, e.plenary, NULL, CONVENE_SEGMENT_KIND_PRESENTATION, "", 10);
  breather = add_segment (e.project, e.plenary, NULL, CONVENE_SEGMENT_KIND_BREAK, "Coffee", 10);
  discussion = add_segment (e.project, e.plenary, NULL, CONVENE_SEGMENT_KIND_DISCUSSION, "Debate", 10);

  warnings = convene_warnings_for_project (e.project, FALSE);
  /* The untitled presentation and the discussion (the plenary has no
   * moderator); a break needs nobody. */
  g_assert_cmpuint (warnings->len, ==, 2);
  warning = g_ptr_array_index (warnings, 0);
  g_assert_cmpint (warning->kind, ==, CONVENE_WARNING_KIND_UNSTAFFED);
  g_assert_cmpint (warning->severity, ==, CONVENE_WARNING_SEVERITY_WARNING);
  g_assert_cmpint (warning->segment_id, ==, convene_segment_get_id (presentation));
  g_assert_cmpstr (warning->message, ==, "Nobody is assigned to “Presentation” yet.");
  warning = g_ptr_array_index (warnings, 1);
  g_assert_cmpint (warning->segment_id, ==, convene_segment_get_id (discussion));
  g_assert_cmpuint (segment_count (e.project, breather), ==, 0);

  /* A session chair hosts the discussion; a session-level presenter would not. */
  assign_session (e.project, e.campbell, e.plenary, CONVENE_ROLE_PRESENTER);
  g_assert_cmpuint (project_count (e.project, CONVENE_WARNING_KIND_UNSTAFFED), ==, 2);
  assign_session (e.project, e.pillay, e.plenary, CONVENE_ROLE_CHAIR);
  g_assert_cmpuint (project_count (e.project, CONVENE_WARNING_KIND_UNSTAFFED), ==, 1);
  assign (e.project, e.pillay, presentation, CONVENE_ROLE_PRESENTER);
  g_assert_cmpuint (project_count (e.project, CONVENE_WARNING_KIND_UNSTAFFED), ==, 0);

  /* The side event's opening is hosted by its moderator; without one it is bare. */
  g_list_store_remove (convene_project_get_assignments (e.project), 0);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  warnings = convene_warnings_for_session (e.project, e.side, FALSE);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpint (((ConveneWarning *) g_ptr_array_index (warnings, 0))->segment_id, ==,
                   convene_segment_get_id (e.opening));

  /* A panel whose talks have presenters is staffed; a talk without one is not,
   * and the panel still counts as staffed through its other talk. */
  g_list_store_remove (convene_project_get_assignments (e.project), 0);  /* Zakaria on talk A */
  g_clear_pointer (&warnings, g_ptr_array_unref);
  warnings = convene_warnings_for_session (e.project, e.side, FALSE);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpint (((ConveneWarning *) g_ptr_array_index (warnings, 1))->segment_id, ==,
                   convene_segment_get_id (e.talk_a));
  g_list_store_remove (convene_project_get_assignments (e.project), 0);  /* Zakaria on talk B */
  g_clear_pointer (&warnings, g_ptr_array_unref);
  warnings = convene_warnings_for_session (e.project, e.side, FALSE);
  g_assert_cmpuint (count_kind (warnings, CONVENE_WARNING_KIND_UNSTAFFED), ==, 4);  /* opening, panel, both talks */
  g_clear_pointer (&warnings, g_ptr_array_unref);
  warnings = convene_warnings_for_segment (e.project, e.panel, FALSE);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (((ConveneWarning *) g_ptr_array_index (warnings, 0))->message, ==,
                   "Nobody is assigned to “Panel” yet.");

  /* Someone on the panel itself staffs the panel but not its talks. */
  assign (e.project, e.zakaria, e.panel, CONVENE_ROLE_PANELIST);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  warnings = convene_warnings_for_segment (e.project, e.panel, FALSE);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (segment_count (e.project, e.talk_b), ==, 1);
  event_clear (&e);
}

static void
test_conflict (void)
{
  Event e;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) side = NULL;
  g_autoptr(GPtrArray) plenary = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GPtrArray) on_qa = NULL;
  g_autoptr(GPtrArray) twelve = NULL;
  const ConveneWarning *warning;
  ConveneWarningSummary summary;
  g_autofree char *text = NULL;

  event_init (&e);
  assign (e.project, e.campbell, e.panel, CONVENE_ROLE_PANELIST);

  warnings = convene_warnings_for_project (e.project, FALSE);
  g_assert_cmpuint (warnings->len, ==, 1);
  warning = g_ptr_array_index (warnings, 0);
  g_assert_cmpint (warning->kind, ==, CONVENE_WARNING_KIND_CONFLICT);
  g_assert_cmpint (warning->severity, ==, CONVENE_WARNING_SEVERITY_ERROR);
  g_assert_cmpint (warning->speaker_id, ==, convene_speaker_get_id (e.campbell));
  g_assert_cmpint (warning->segment_id, ==, convene_segment_get_id (e.panel));
  g_assert_cmpint (warning->session_id, ==, convene_session_get_id (e.side));
  g_assert_cmpint (warning->other_segment_id, ==, convene_segment_get_id (e.keynote));
  g_assert_cmpint (warning->other_session_id, ==, convene_session_get_id (e.plenary));
  g_assert_cmpstr (warning->message, ==,
                   "Dr James Campbell is on “Panel” (Side event, 12:40–13:40) and "
                   "“Keynote” (Plenary, 13:00–13:30) at the same time.");

  twelve = convene_warnings_for_project (e.project, TRUE);
  g_assert_nonnull (strstr (((ConveneWarning *) g_ptr_array_index (twelve, 0))->message, "12:40 PM–1:40 PM"));

  /* Both sessions, both segments and the person see it. */
  side = convene_warnings_for_session (e.project, e.side, FALSE);
  plenary = convene_warnings_for_session (e.project, e.plenary, FALSE);
  mine = convene_warnings_for_speaker (e.project, e.campbell, FALSE);
  others = convene_warnings_for_speaker (e.project, e.zakaria, FALSE);
  on_qa = convene_warnings_for_segment (e.project, e.qa, FALSE);
  g_assert_cmpuint (side->len, ==, 1);
  g_assert_cmpuint (plenary->len, ==, 1);
  g_assert_cmpuint (mine->len, ==, 1);
  g_assert_cmpuint (others->len, ==, 0);
  g_assert_cmpuint (on_qa->len, ==, 0);
  g_assert_cmpuint (segment_count (e.project, e.keynote), ==, 1);
  g_assert_true (convene_warning_involves_segment (warning, convene_segment_get_id (e.keynote)));
  g_assert_true (convene_warning_involves_session (warning, convene_session_get_id (e.side)));

  convene_warnings_summarize (side, &summary);
  g_assert_cmpuint (summary.by_severity[CONVENE_WARNING_SEVERITY_ERROR], ==, 1);
  g_assert_cmpuint (summary.by_kind[CONVENE_WARNING_KIND_CONFLICT], ==, 1);
  text = convene_warning_summary_describe (&summary);
  g_assert_cmpstr (text, ==, "1 error");

  /* Another date: no clash. */
  convene_session_set_date (e.plenary, "2027-05-24");
  g_assert_cmpuint (project_count (e.project, CONVENE_WARNING_KIND_CONFLICT), ==, 0);
  convene_session_set_date (e.plenary, "2027-05-23");
  g_assert_cmpuint (project_count (e.project, CONVENE_WARNING_KIND_CONFLICT), ==, 1);

  /* End to start is not a clash: the keynote from 13:40. */
  convene_session_set_start_time (e.plenary, 13 * 60 + 40);
  g_assert_cmpuint (project_count (e.project, CONVENE_WARNING_KIND_CONFLICT), ==, 0);
  convene_session_set_start_time (e.plenary, 13 * 60 + 39);
  g_assert_cmpuint (project_count (e.project, CONVENE_WARNING_KIND_CONFLICT), ==, 1);
  convene_session_set_start_time (e.plenary, 13 * 60);

  /* Two roles on the keynote are still one place: one conflict, not two. */
  assign (e.project, e.campbell, e.keynote, CONVENE_ROLE_CHAIR);
  g_assert_cmpuint (project_count (e.project, CONVENE_WARNING_KIND_CONFLICT), ==, 1);
  event_clear (&e);
}


/* Two lists of warnings say the same things in the same order. */
static void
assert_same_warnings (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const ConveneWarning *x = g_ptr_array_index (a, i);
      const ConveneWarning *y = g_ptr_array_index (b, i);

      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpint (x->severity, ==, y->severity);
      g_assert_cmpint (x->speaker_id, ==, y->speaker_id);
      g_assert_cmpint (x->session_id, ==, y->session_id);
      g_assert_cmpint (x->segment_id, ==, y->segment_id);
      g_assert_cmpint (x->other_session_id, ==, y->other_session_id);
      g_assert_cmpint (x->other_segment_id, ==, y->other_segment_id);
      g_assert_cmpstr (x->message, ==, y->message);
    }
}

static void
assert_filtered_segments (ConveneProject *project,
                          GPtrArray      *all,
                          GListModel     *segments)
{
  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);
      g_autoptr(GPtrArray) scoped = convene_warnings_for_segment (project, segment, FALSE);
      g_autoptr(GPtrArray) filtered = convene_warnings_filter (all, 0, convene_segment_get_id (segment), 0);

      assert_same_warnings (filtered, scoped);
      assert_filtered_segments (project, all, G_LIST_MODEL (convene_segment_get_items (segment)));
    }
}

/* What the views take from one computation of the whole project is what
 * asking for each session, segment and person gives. */
static void
assert_filter_matches (ConveneProject *project,
                       gboolean        each_segment)
{
  g_autoptr(GPtrArray) all = convene_warnings_for_project (project, FALSE);
  GListModel *sessions = G_LIST_MODEL (convene_project_get_sessions (project));
  GListModel *speakers = G_LIST_MODEL (convene_project_get_speakers (project));

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(GPtrArray) scoped = convene_warnings_for_session (project, session, FALSE);
      g_autoptr(GPtrArray) filtered = convene_warnings_filter (all, convene_session_get_id (session), 0, 0);

      assert_same_warnings (filtered, scoped);
      if (each_segment)
        assert_filtered_segments (project, all, G_LIST_MODEL (convene_session_get_segments (session)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (speakers, i);
      g_autoptr(GPtrArray) scoped = convene_warnings_for_speaker (project, speaker, FALSE);
      g_autoptr(GPtrArray) filtered = convene_warnings_filter (all, 0, 0, convene_speaker_get_id (speaker));

      assert_same_warnings (filtered, scoped);
    }
}

static void
test_conflict_items_and_sessions (void)
{
  Event e;
  g_autoptr(GPtrArray) warnings = NULL;
  ConveneSession *late;
  ConveneSession *early;
  ConveneSegment *night;
  ConveneSegment *dawn;
  const ConveneWarning *clash;

  event_init (&e);

  /* On the panel and on its talks: overlapping by design, no conflict. */
  assign (e.project, e.zakaria, e.panel, CONVENE_ROLE_MODERATOR);
  /* Twice on the same talk in two roles: one place. */
  assign (e.project, e.zakaria, e.talk_a, CONVENE_ROLE_DISCUSSANT);
  /* The session's moderator on its own segments: no conflict. */
  assign (e.project, e.pillay, e.panel, CONVENE_ROLE_MODERATOR);
  assign (e.project, e.pillay, e.talk_b, CONVENE_ROLE_PRESENTER);
  g_assert_cmpuint (project_count (e.project, CONVENE_WARNING_KIND_CONFLICT), ==, 0);

  /* The side event's moderator (12:30–14:00) on the other session's keynote: a clash. */
  assign (e.project, e.pillay, e.keynote, CONVENE_ROLE_CHAIR);
  warnings = convene_warnings_for_project (e.project, FALSE);
  g_assert_cmpuint (count_kind (warnings, CONVENE_WARNING_KIND_CONFLICT), ==, 3);
  {
    /* The whole side event and the panel and talk B all overlap the keynote. */
    gboolean whole = FALSE;

    for (guint i = 0; i < warnings->len; i++)
      {
        const ConveneWarning *w = g_ptr_array_index (warnings, i);

        g_assert_cmpint (w->kind, ==, CONVENE_WARNING_KIND_CONFLICT);
        g_assert_true (convene_warning_involves_segment (w, convene_segment_get_id (e.keynote)));
        if (w->segment_id == 0)
          {
            whole = TRUE;
            g_assert_cmpint (w->session_id, ==, convene_session_get_id (e.side));
            g_assert_cmpstr (w->message, ==,
                             "Stacey Pillay is on all of “Side event” (12:30–14:00) and "
                             "“Keynote” (Plenary, 13:00–13:30) at the same time.");
          }
      }
    g_assert_true (whole);
  }
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* Two moderators' roles on overlapping sessions clash too. */
  g_list_store_remove_all (convene_project_get_assignments (e.project));
  assign_session (e.project, e.campbell, e.side, CONVENE_ROLE_MODERATOR);
  assign_session (e.project, e.campbell, e.plenary, CONVENE_ROLE_CHAIR);
  warnings = convene_warnings_for_project (e.project, FALSE);
  g_assert_cmpuint (count_kind (warnings, CONVENE_WARNING_KIND_CONFLICT), ==, 1);
  clash = find_kind (warnings, CONVENE_WARNING_KIND_CONFLICT);
  g_assert_cmpint (clash->segment_id, ==, 0);
  g_assert_cmpint (clash->other_segment_id, ==, 0);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* Real instants: a session past midnight clashes with the next morning. */
  g_list_store_remove_all (convene_project_get_assignments (e.project));
  late = add_session (e.project, "Gala", "2027-05-23", "23:30", 90);
  night = add_segment (e.project, late, NULL, CONVENE_SEGMENT_KIND_KEYNOTE, "Toast", 60);
  early = add_session (e.project, "Breakfast", "2027-05-24", "00:15", 30);
  dawn = add_segment (e.project, early, NULL, CONVENE_SEGMENT_KIND_KEYNOTE, "Dawn talk", 20);
  assign (e.project, e.zakaria, night, CONVENE_ROLE_PRESENTER);
  assign (e.project, e.zakaria, dawn, CONVENE_ROLE_PRESENTER);
  g_assert_cmpuint (project_count (e.project, CONVENE_WARNING_KIND_CONFLICT), ==, 1);
  /* Same clock times a day apart: none. */
  convene_session_set_date (early, "2027-05-25");
  g_assert_cmpuint (project_count (e.project, CONVENE_WARNING_KIND_CONFLICT), ==, 0);
  /* A session without a date has no day to clash on. */
  convene_session_set_date (early, "2027-05-23");
  convene_session_set_start_time (early, 23 * 60 + 40);
  g_assert_cmpuint (project_count (e.project, CONVENE_WARNING_KIND_CONFLICT), ==, 1);
  convene_session_set_date (early, "");
  convene_session_set_date (late, "");
  g_assert_cmpuint (project_count (e.project, CONVENE_WARNING_KIND_CONFLICT), ==, 0);
  assert_filter_matches (e.project, TRUE);
  event_clear (&e);
}

/* The example: every person is invited, so exactly one TBC per assignment,
 * and nothing else (the moderators host the opening, discussion and closing). */
static void
test_example (void)
{
  g_autoptr(ConveneProject) project = load_example ();
  g_autoptr(GPtrArray) warnings = convene_warnings_for_project (project, FALSE);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GListModel *speakers = G_LIST_MODEL (convene_project_get_speakers (project));
  GListModel *assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  g_autoptr(ConveneSession) session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);
  ConveneWarningSummary summary;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) after = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (speakers), ==, 8);
  g_assert_cmpuint (warnings->len, ==, g_list_model_get_n_items (assignments));
  for (guint i = 0; i < warnings->len; i++)
    {
      const ConveneWarning *warning = g_ptr_array_index (warnings, i);
      ConveneSpeaker *speaker = convene_project_find_speaker (project, warning->speaker_id);

      g_assert_cmpint (warning->kind, ==, CONVENE_WARNING_KIND_TBC);
      g_assert_nonnull (speaker);
      g_assert_cmpint (convene_speaker_get_status (speaker), ==, CONVENE_SPEAKER_STATUS_INVITED);
      g_hash_table_add (people, g_memdup2 (&warning->speaker_id, sizeof (gint64)));
    }
  g_assert_cmpuint (g_hash_table_size (people), ==, 8);

  g_assert_cmpstr (((ConveneWarning *) g_ptr_array_index (warnings, 2))->message, ==,
                   "Enrico Fos is on “A. Sustainable platform for multi-sectoral and international "
                   "cooperation and governance to promote migrant health” (Presenter) but has only "
                   "been invited so far.");

  convene_warnings_summarize_session (project, session, &summary);
  g_assert_cmpuint (summary.by_kind[CONVENE_WARNING_KIND_TBC], ==, 10);
  g_assert_cmpuint (summary.by_kind[CONVENE_WARNING_KIND_CONFLICT], ==, 0);
  g_assert_cmpuint (summary.by_kind[CONVENE_WARNING_KIND_UNSTAFFED], ==, 0);
  text = convene_warning_summary_describe (&summary);
  g_assert_cmpstr (text, ==, "10 to confirm");

  /* Everyone confirms: nothing left. */
  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (speakers, i);

      convene_speaker_set_status (speaker, CONVENE_SPEAKER_STATUS_CONFIRMED);
    }
  after = convene_warnings_for_project (project, FALSE);
  g_assert_cmpuint (after->len, ==, 0);
}

static void
test_person_schedule (void)
{
  g_autoptr(ConveneProject) project = load_example ();
  ConveneSpeaker *campbell = convene_project_find_speaker (project, 7);
  ConveneSpeaker *fos = convene_project_find_speaker (project, 1);
  ConveneSession *side = convene_project_find_session (project, 9);
  ConveneSession *morning;
  ConveneSession *evening;
  ConveneSegment *welcome;
  ConveneSegment *dinner;
  g_autoptr(GPtrArray) schedule = NULL;
  g_autoptr(GPtrArray) twelve = NULL;
  g_autoptr(GPtrArray) nothing = NULL;
  const ConvenePersonScheduleEntry *entry;
  g_autofree char *start = NULL;

  g_assert_nonnull (campbell);
  g_assert_nonnull (side);

  /* Sessions added out of time order: a later day first, then an earlier one. */
  evening = add_session (project, "Reception", "2027-05-24", "18:00", 60);
  dinner = add_segment (project, evening, NULL, CONVENE_SEGMENT_KIND_WELCOME, "Toast", 5);
  morning = add_session (project, "Briefing", "2027-05-23", "09:00", 30);
  welcome = add_segment (project, morning, NULL, CONVENE_SEGMENT_KIND_WELCOME, "", 10);
  assign (project, campbell, dinner, CONVENE_ROLE_OPENING_REMARKS);
  assign (project, campbell, welcome, CONVENE_ROLE_CHAIR);

  schedule = convene_person_schedule_compute (project, campbell, FALSE);
  g_assert_cmpuint (schedule->len, ==, 4);

  entry = g_ptr_array_index (schedule, 0);
  g_assert_cmpstr (entry->session_title, ==, "Briefing");
  g_assert_cmpstr (entry->segment_title, ==, "Welcome");  /* untitled: its kind */
  g_assert_cmpstr (entry->date, ==, "2027-05-23");
  g_assert_cmpstr (entry->start_text, ==, "09:00");
  g_assert_cmpstr (entry->end_text, ==, "09:10");
  g_assert_cmpint (entry->role, ==, CONVENE_ROLE_CHAIR);
  g_assert_cmpint (entry->segment_id, ==, convene_segment_get_id (welcome));

  /* The whole side event as moderator: 12:30 to its last segment's end (93 min). */
  entry = g_ptr_array_index (schedule, 1);
  g_assert_cmpint (entry->session_id, ==, 9);
  g_assert_cmpint (entry->segment_id, ==, 0);
  g_assert_null (entry->segment_title);
  g_assert_cmpint (entry->role, ==, CONVENE_ROLE_MODERATOR);
  g_assert_cmpstr (entry->start_text, ==, "12:30");
  g_assert_cmpstr (entry->end_text, ==, "14:03");
  start = g_date_time_format (entry->start, "%F %H:%M %Z");
  g_assert_cmpstr (start, ==, "2027-05-23 12:30 CEST");

  entry = g_ptr_array_index (schedule, 2);
  g_assert_cmpint (entry->segment_id, ==, 18);
  g_assert_cmpstr (entry->segment_title, ==, "III. Moderated discussion");
  g_assert_cmpstr (entry->start_text, ==, "13:40");
  g_assert_cmpstr (entry->end_text, ==, "14:00");

  entry = g_ptr_array_index (schedule, 3);
  g_assert_cmpstr (entry->session_title, ==, "Reception");
  g_assert_cmpstr (entry->start_text, ==, "18:00");
  g_assert_cmpint (entry->role, ==, CONVENE_ROLE_OPENING_REMARKS);

  /* Items carry their parent; the clock follows the 12-hour setting. */
  twelve = convene_person_schedule_compute (project, fos, TRUE);
  g_assert_cmpuint (twelve->len, ==, 1);
  entry = g_ptr_array_index (twelve, 0);
  g_assert_cmpint (entry->parent_id, ==, 11);
  g_assert_cmpstr (entry->start_text, ==, "12:40 PM");
  g_assert_cmpstr (entry->end_text, ==, "12:50 PM");

  /* Same start: the session role, then the segment, then its item. */
  {
    g_autoptr(ConveneProject) p = convene_project_new ();
    ConveneSession *s = add_session (p, "S", "2027-01-10", "10:00", 30);
    ConveneSegment *panel = add_segment (p, s, NULL, CONVENE_SEGMENT_KIND_PANEL, "Panel", 30);
    ConveneSegment *talk = add_segment (p, s, panel, CONVENE_SEGMENT_KIND_PRESENTATION, "Talk", 30);
    ConveneSpeaker *who = add_speaker (p, "", "Who", CONVENE_SPEAKER_STATUS_CONFIRMED);
    g_autoptr(GPtrArray) order = NULL;

    assign (p, who, talk, CONVENE_ROLE_PRESENTER);
    assign (p, who, panel, CONVENE_ROLE_PANELIST);
    assign_session (p, who, s, CONVENE_ROLE_CHAIR);
    order = convene_person_schedule_compute (p, who, FALSE);
    g_assert_cmpuint (order->len, ==, 3);
    g_assert_cmpint (((ConvenePersonScheduleEntry *) g_ptr_array_index (order, 0))->segment_id, ==, 0);
    g_assert_cmpint (((ConvenePersonScheduleEntry *) g_ptr_array_index (order, 1))->segment_id, ==,
                     convene_segment_get_id (panel));
    g_assert_cmpint (((ConvenePersonScheduleEntry *) g_ptr_array_index (order, 2))->segment_id, ==,
                     convene_segment_get_id (talk));
  }

  /* Someone on nothing has an empty schedule. */
  {
    ConveneSpeaker *idle = add_speaker (project, "", "Idle", CONVENE_SPEAKER_STATUS_CONFIRMED);

    nothing = convene_person_schedule_compute (project, idle, FALSE);
    g_assert_cmpuint (nothing->len, ==, 0);
  }

  /* Copies are deep. */
  {
    ConvenePersonScheduleEntry *copy = convene_person_schedule_entry_copy (g_ptr_array_index (schedule, 0));

    g_assert_cmpstr (copy->session_title, ==, "Briefing");
    convene_person_schedule_entry_free (copy);
  }
}

/* Undo through the real document: each fix removes its warning, undo
 * brings it back, redo removes it again; the file follows. */

typedef struct
{
  char *dir;
  char *path;
  ConveneDocument *document;
  Event e;
} DocFixture;

static void
doc_set_up (DocFixture    *f,
            gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  event_init (&f->e);
  f->dir = fixture_make_dir ();
  f->path = g_build_filename (f->dir, "Roster.convene", NULL);
  file = g_file_new_for_path (f->path);
  f->document = convene_document_create (file, f->e.project, &error);
  g_assert_no_error (error);
  g_assert_true (convene_document_get_project (f->document) == f->e.project);
}

static void
doc_tear_down (DocFixture    *f,
               gconstpointer  data)
{
  convene_document_close (f->document);
  g_clear_object (&f->document);
  event_clear (&f->e);
  fixture_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The file says what the model says, and the warnings the document shares
 * are those a fresh computation gives. */
static void
assert_file_matches (DocFixture *f)
{
  g_autofree char *expected = fixture_dump_project (f->e.project);
  g_autofree char *actual = fixture_dump_file (f->path);
  g_autoptr(GPtrArray) fresh = convene_warnings_for_project (f->e.project, TRUE);

  GListModel *assignments = G_LIST_MODEL (convene_project_get_assignments (f->e.project));
  GListModel *speakers = G_LIST_MODEL (convene_project_get_speakers (f->e.project));
  g_autoptr(GHashTable) targets = g_hash_table_new (NULL, NULL);
  guint indexed = 0;

  GListModel *sessions = G_LIST_MODEL (convene_project_get_sessions (f->e.project));

  g_assert_cmpstr (actual, ==, expected);
  /* One session's warnings, asked first (worded for that session alone)
   * and after the whole project's (narrowed from them), are a fresh
   * computation's for that session. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = pass; i < g_list_model_get_n_items (sessions); i += 2)
        {
          g_autoptr(ConveneSession) session = g_list_model_get_item (sessions, i);
          g_autoptr(GPtrArray) scoped = convene_warnings_for_session (f->e.project, session, TRUE);

          assert_same_warnings (convene_document_get_session_warnings (f->document, session, TRUE), scoped);
        }
      if (pass == 0)
        assert_same_warnings (convene_document_get_warnings (f->document, TRUE), fresh);
    }

  /* And so does its index of who is where. */
  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (speakers, i);

      g_assert_true (convene_document_find_speaker (f->document, convene_speaker_get_id (speaker)) == speaker);
    }
  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);
      GPtrArray *on = convene_document_get_assignments_on (f->document,
                                                           convene_assignment_get_segment_id (assignment),
                                                           convene_assignment_get_segment_id (assignment) != 0
                                                           ? 0 : convene_assignment_get_session_id (assignment));

      g_assert_true (g_ptr_array_find (on, assignment, NULL));
      if (!g_hash_table_contains (targets, on))
        {
          g_hash_table_add (targets, on);
          indexed += on->len;
        }
    }
  g_assert_cmpuint (indexed, ==, g_list_model_get_n_items (assignments));
}

/* A document read and prepared on another thread, as the window's first
 * project is while GTK starts, holds then what a fresh computation gives:
 * the first session's warnings and who is where. */
static gpointer
open_and_prepare (gpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_path (data);
  g_autoptr(GError) error = NULL;
  ConveneDocument *document = convene_document_open (file, CONVENE_STORE_READ_WRITE, &error);

  g_assert_no_error (error);
  convene_document_prepare (document, FALSE);
  return document;
}

static void
test_prepared_on_a_thread (DocFixture    *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Prepared.convene", NULL);
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(ConveneSession) first = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  ConveneProject *project;
  GListModel *assignments;

  /* Pillay chairs the plenary too, which overlaps the side event: a clash. */
  assign_session (f->e.project, f->e.pillay, f->e.plenary, CONVENE_ROLE_CHAIR);
  fixture_write_project (path, f->e.project);
  document = g_thread_join (g_thread_new ("prepare", open_and_prepare, path));
  project = convene_document_get_project (document);
  first = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)), 0);

  fresh = convene_warnings_for_session (project, first, FALSE);
  g_assert_cmpuint (count_kind (fresh, CONVENE_WARNING_KIND_CONFLICT), ==, 1);

  assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    g_ptr_array_add (all, g_list_model_get_item (assignments, i));
  g_assert_cmpuint (all->len, >, 0);

  /* Worked out on the thread, not when asked: with every assignment taken
   * out behind the document's back (no edit, so nothing recomputes), the
   * prepared warnings and index still hold them, while the other clock's
   * warnings, computed only now, have no clash left. */
  g_list_store_remove_all (convene_project_get_assignments (project));
  assert_same_warnings (convene_document_get_session_warnings (document, first, FALSE), fresh);
  g_assert_cmpuint (count_kind (convene_document_get_session_warnings (document, first, TRUE),
                                CONVENE_WARNING_KIND_CONFLICT), ==, 0);
  for (guint i = 0; i < all->len; i++)
    {
      ConveneAssignment *assignment = g_ptr_array_index (all, i);
      gint64 segment_id = convene_assignment_get_segment_id (assignment);

      g_assert_true (g_ptr_array_find (convene_document_get_assignments_on (document, segment_id,
                                                                            segment_id != 0 ? 0
                                                                            : convene_assignment_get_session_id (assignment)),
                                       assignment, NULL));
    }
  convene_document_close (document);
}

static void
perform (DocFixture     *f,
         ConveneCommand *command)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (command);
  g_assert_true (convene_document_perform (f->document, command, &error));
  g_assert_no_error (error);
  assert_file_matches (f);
}

static void
undo (DocFixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (convene_document_undo (f->document, &error));
  g_assert_no_error (error);
  assert_file_matches (f);
}

static void
redo (DocFixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (convene_document_redo (f->document, &error));
  g_assert_no_error (error);
  assert_file_matches (f);
}

static ConveneAssignment *
find_assignment (ConveneProject *project,
                 ConveneSpeaker *speaker,
                 ConveneSegment *segment)
{
  GListModel *assignments = G_LIST_MODEL (convene_project_get_assignments (project));

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);

      if (convene_assignment_get_speaker_id (assignment) == convene_speaker_get_id (speaker) &&
          convene_assignment_get_segment_id (assignment) == convene_segment_get_id (segment))
        return assignment;
    }
  g_assert_not_reached ();
}

static void
test_undo_tbc (DocFixture    *f,
               gconstpointer  data)
{
  ConveneProject *project = f->e.project;
  g_autoptr(GError) error = NULL;

  perform (f, convene_edit_set_number (f->e.campbell, "status", CONVENE_SPEAKER_STATUS_TENTATIVE, &error));
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_TBC), ==, 1);
  perform (f, convene_edit_set_number (f->e.campbell, "status", CONVENE_SPEAKER_STATUS_CONFIRMED, &error));
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_TBC), ==, 0);
  undo (f);
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_TBC), ==, 1);
  redo (f);
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_TBC), ==, 0);
}

static void
test_undo_declined (DocFixture    *f,
                    gconstpointer  data)
{
  ConveneProject *project = f->e.project;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneAssignment) replacement = NULL;

  perform (f, convene_edit_set_number (f->e.campbell, "status", CONVENE_SPEAKER_STATUS_DECLINED, &error));
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_DECLINED_ASSIGNED), ==, 1);
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_UNSTAFFED), ==, 1);

  /* The fix a planner makes: take the person off and put someone else on. */
  perform (f, convene_edit_remove_assignment (project, find_assignment (project, f->e.campbell, f->e.keynote)));
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_DECLINED_ASSIGNED), ==, 0);
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_UNSTAFFED), ==, 1);
  replacement = convene_assignment_new_for_segment (convene_project_new_id (project),
                                                    convene_speaker_get_id (f->e.pillay),
                                                    convene_segment_get_id (f->e.keynote),
                                                    CONVENE_ROLE_PRESENTER);
  perform (f, convene_edit_add_assignment (project, replacement));
  g_assert_cmpuint (project_total (project), ==, 1);  /* Pillay now clashes */
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_UNSTAFFED), ==, 0);
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_CONFLICT), ==, 1);

  undo (f);
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_UNSTAFFED), ==, 1);
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_CONFLICT), ==, 0);
  undo (f);
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_DECLINED_ASSIGNED), ==, 1);
}

static void
test_undo_conflict (DocFixture    *f,
                    gconstpointer  data)
{
  ConveneProject *project = f->e.project;
  g_autoptr(ConveneAssignment) extra = NULL;
  g_autoptr(GError) error = NULL;

  extra = convene_assignment_new_for_segment (convene_project_new_id (project),
                                              convene_speaker_get_id (f->e.campbell),
                                              convene_segment_get_id (f->e.talk_b),
                                              CONVENE_ROLE_PRESENTER);
  perform (f, convene_edit_add_assignment (project, extra));
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_CONFLICT), ==, 1);

  /* Moving the keynote to the next day fixes it. */
  perform (f, convene_edit_set_text (f->e.plenary, "date", "2027-05-24", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_CONFLICT), ==, 0);
  undo (f);
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_CONFLICT), ==, 1);

  /* So does taking him off the talk. */
  perform (f, convene_edit_remove_assignment (project, extra));
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_CONFLICT), ==, 0);
  undo (f);
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_CONFLICT), ==, 1);
}

static void
test_undo_unstaffed (DocFixture    *f,
                     gconstpointer  data)
{
  ConveneProject *project = f->e.project;
  g_autoptr(ConveneSegment) talk = convene_segment_new (convene_project_new_id (project),
                                                        CONVENE_SEGMENT_KIND_PRESENTATION, "New talk", 10);
  g_autoptr(ConveneAssignment) assignment = NULL;
  g_autoptr(GError) error = NULL;

  perform (f, convene_edit_add_segment (project, f->e.plenary, NULL, 1, talk, &error));
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_UNSTAFFED), ==, 1);

  assignment = convene_assignment_new_for_segment (convene_project_new_id (project),
                                                   convene_speaker_get_id (f->e.zakaria),
                                                   convene_segment_get_id (talk),
                                                   CONVENE_ROLE_PRESENTER);
  perform (f, convene_edit_add_assignment (project, assignment));
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_UNSTAFFED), ==, 0);
  undo (f);
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_UNSTAFFED), ==, 1);
  redo (f);
  g_assert_cmpuint (project_count (project, CONVENE_WARNING_KIND_UNSTAFFED), ==, 0);
}

static void
test_change_role (DocFixture    *f,
                  gconstpointer  data)
{
  ConveneProject *project = f->e.project;
  ConveneAssignment *assignment = find_assignment (project, f->e.campbell, f->e.keynote);
  g_autoptr(GError) error = NULL;
  ConveneCommand *command;

  command = convene_edit_set_assignment_role (assignment, CONVENE_ROLE_DISCUSSANT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (convene_command_get_label (command), ==, "Change Role");
  perform (f, command);
  g_assert_cmpint (convene_assignment_get_role (assignment), ==, CONVENE_ROLE_DISCUSSANT);
  undo (f);
  g_assert_cmpint (convene_assignment_get_role (assignment), ==, CONVENE_ROLE_PRESENTER);

  g_assert_null (convene_edit_set_assignment_role (assignment, (ConveneRole) 99, &error));
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND);
}

static void
count_list_changes (GListModel *list,
                    guint       position,
                    guint       removed,
                    guint       added,
                    guint      *count)
{
  (*count)++;
}

static void
test_add_speakers (DocFixture    *f,
                   gconstpointer  data)
{
  guint list_changes = 0;
  ConveneProject *project = f->e.project;
  GListModel *roster = G_LIST_MODEL (convene_project_get_speakers (project));
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  ConveneCommand *command;

  g_ptr_array_add (people, convene_speaker_new (convene_project_new_id (project), "Ibadat Dhillon"));
  g_ptr_array_add (people, convene_speaker_new (convene_project_new_id (project), "Tamam Aloudat"));

  command = convene_edit_add_speakers (project, people, G_MAXUINT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (convene_command_get_label (command), ==, "Add People");
  /* The roster changes once for all of them, not once for each: what
   * follows it (the file, the views) does its work once. */
  g_signal_connect (roster, "items-changed", G_CALLBACK (count_list_changes), &list_changes);
  perform (f, command);
  g_signal_handlers_disconnect_by_func (roster, count_list_changes, &list_changes);
  g_assert_cmpuint (list_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (roster), ==, 5);
  g_assert_true (g_list_model_get_item (roster, 3) == g_ptr_array_index (people, 0));
  g_object_unref (g_ptr_array_index (people, 0));

  /* One undo takes them all away. */
  undo (f);
  g_assert_cmpuint (g_list_model_get_n_items (roster), ==, 3);
  redo (f);
  g_assert_cmpuint (g_list_model_get_n_items (roster), ==, 5);

  g_assert_null (convene_edit_add_speakers (project, none, 0, &error));
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND);
}

/* A large project, deterministic: conflicts found by the sweep equal those
 * found by comparing every pair of one person's places by their clocks. */

static gboolean
overlaps_by_design (ConveneProject    *project,
                    ConveneAssignment *a,
                    ConveneAssignment *b)
{
  gint64 sa = convene_assignment_get_segment_id (a), sb = convene_assignment_get_segment_id (b);
  ConveneSession *session_a = NULL, *session_b = NULL;
  ConveneSegment *parent = NULL;

  if (sa == 0 || sb == 0)
    {
      if (sa != 0)
        convene_project_find_segment (project, sa, &session_a);
      else
        session_a = convene_project_find_session (project, convene_assignment_get_session_id (a));
      if (sb != 0)
        convene_project_find_segment (project, sb, &session_b);
      else
        session_b = convene_project_find_session (project, convene_assignment_get_session_id (b));
      return session_a == session_b;
    }
  if (sa == sb)
    return TRUE;
  convene_project_find_segment (project, sa, &session_a);
  convene_session_locate_segment (session_a, sa, NULL, NULL, &parent);
  if (parent != NULL && convene_segment_get_id (parent) == sb)
    return TRUE;
  convene_project_find_segment (project, sb, &session_b);
  convene_session_locate_segment (session_b, sb, NULL, NULL, &parent);
  return parent != NULL && convene_segment_get_id (parent) == sa;
}

static void
clock_span (ConveneProject    *project,
            GTimeZone         *tz,
            ConveneAssignment *a,
            gint64            *start,
            gint64            *end)
{
  ConveneSession *session = NULL;
  g_autoptr(ConveneSchedule) schedule = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  int s, e;

  if (convene_assignment_get_segment_id (a) != 0)
    {
      ConveneSegment *segment = convene_project_find_segment (project, convene_assignment_get_segment_id (a), &session);
      const ConveneScheduleEntry *entry;

      schedule = convene_schedule_compute (session, tz);
      entry = convene_schedule_lookup (schedule, segment);
      s = entry->start;
      e = entry->end;
    }
  else
    {
      session = convene_project_find_session (project, convene_assignment_get_session_id (a));
      schedule = convene_schedule_compute (session, tz);
      s = 0;
      e = MAX (convene_schedule_get_end (schedule), convene_schedule_get_slot_minutes (schedule));
    }

  from = convene_schedule_dup_clock (schedule, s);
  to = convene_schedule_dup_clock (schedule, e);
  *start = g_date_time_to_unix (from);
  *end = g_date_time_to_unix (to);
}

static void
test_large (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270523);
  g_autoptr(GPtrArray) segments = g_ptr_array_new ();
  g_autoptr(GPtrArray) sessions = g_ptr_array_new ();
  g_autoptr(GPtrArray) speakers = g_ptr_array_new ();
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *assignments;
  gint64 before;
  guint n_conflicts = 0;

  convene_project_set_time_zone (project, "Europe/Zurich");
  tz = convene_project_dup_gtime_zone (project);

  /* 20 sessions over 3 days, 1,000 segments (some panels with talks),
   * 2,000 people, 1,500 assignments. */
  for (guint s = 0; s < 20; s++)
    {
      g_autofree char *date = g_strdup_printf ("2027-05-%02u", 23 + s % 3);
      g_autofree char *start = g_strdup_printf ("%02u:%02u", 8 + g_rand_int_range (rand, 0, 10),
                                                g_rand_int_range (rand, 0, 4) * 15);
      ConveneSession *session = add_session (project, "Session", date, start, 240);

      g_ptr_array_add (sessions, session);
      for (guint i = 0; i < 50; i++)
        {
          gboolean panel = i % 10 == 0;
          ConveneSegment *segment = add_segment (project, session, NULL,
                                                 panel ? CONVENE_SEGMENT_KIND_PANEL : CONVENE_SEGMENT_KIND_PRESENTATION,
                                                 "Segment", g_rand_int_range (rand, 0, 8));

          g_ptr_array_add (segments, segment);
          if (panel)
            for (guint j = 0; j < 3; j++)
              g_ptr_array_add (segments, add_segment (project, session, segment,
                                                      CONVENE_SEGMENT_KIND_PRESENTATION, "Talk",
                                                      g_rand_int_range (rand, 1, 4)));
        }
    }
  for (guint i = 0; i < 2000; i++)
    g_ptr_array_add (speakers, add_speaker (project, "", "Person", CONVENE_SPEAKER_STATUS_CONFIRMED));
  /* Most people on one place; 60 busy people on many. */
  for (guint i = 0; i < 1500; i++)
    {
      ConveneSpeaker *who = g_ptr_array_index (speakers, i < 1000 ? i : (guint) g_rand_int_range (rand, 0, 60));

      if (g_rand_int_range (rand, 0, 20) == 0)
        assign_session (project, who, g_ptr_array_index (sessions, g_rand_int_range (rand, 0, sessions->len)),
                        CONVENE_ROLE_MODERATOR);
      else
        assign (project, who, g_ptr_array_index (segments, g_rand_int_range (rand, 0, segments->len)),
                CONVENE_ROLE_PRESENTER);
    }

  before = g_get_monotonic_time ();
  warnings = convene_warnings_for_project (project, FALSE);
  g_test_message ("all warnings of 1,300 segments and 2,000 people in %" G_GINT64_FORMAT " µs",
                  g_get_monotonic_time () - before);
  /* Generous: it takes milliseconds; this only catches a quadratic blow-up. */
  g_assert_cmpint (g_get_monotonic_time () - before, <, 10 * G_USEC_PER_SEC);

  for (guint i = 0; i < warnings->len; i++)
    {
      const ConveneWarning *w = g_ptr_array_index (warnings, i);

      if (w->kind != CONVENE_WARNING_KIND_CONFLICT)
        continue;
      n_conflicts++;
    }

  /* Brute force over pairs of one person's assignments. */
  assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    for (guint j = i + 1; j < g_list_model_get_n_items (assignments); j++)
      {
        g_autoptr(ConveneAssignment) a = g_list_model_get_item (assignments, i);
        g_autoptr(ConveneAssignment) b = g_list_model_get_item (assignments, j);
        gint64 as, ae, bs, be;
        g_autofree char *key = NULL;
        gint64 ka, kb;

        if (convene_assignment_get_speaker_id (a) != convene_assignment_get_speaker_id (b))
          continue;
        if (overlaps_by_design (project, a, b))
          continue;
        clock_span (project, tz, a, &as, &ae);
        clock_span (project, tz, b, &bs, &be);
        if (as == ae || bs == be || as >= be || bs >= ae)
          continue;
        /* One pair of places, however many roles join them. */
        ka = convene_assignment_get_segment_id (a) != 0 ? convene_assignment_get_segment_id (a)
                                                       : -convene_assignment_get_session_id (a);
        kb = convene_assignment_get_segment_id (b) != 0 ? convene_assignment_get_segment_id (b)
                                                       : -convene_assignment_get_session_id (b);
        key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                               convene_assignment_get_speaker_id (a), MIN (ka, kb), MAX (ka, kb));
        g_hash_table_add (expected, g_steal_pointer (&key));
      }

  g_assert_cmpuint (g_hash_table_size (expected), >, 20);
  g_test_message ("%u conflicts among %u warnings", n_conflicts, warnings->len);
  g_assert_cmpuint (n_conflicts, ==, g_hash_table_size (expected));

  /* Each found conflict is one the brute force found. */
  for (guint i = 0; i < warnings->len; i++)
    {
      const ConveneWarning *w = g_ptr_array_index (warnings, i);
      g_autofree char *key = NULL;
      gint64 ka, kb;

      if (w->kind != CONVENE_WARNING_KIND_CONFLICT)
        continue;
      ka = w->segment_id != 0 ? w->segment_id : -w->session_id;
      kb = w->other_segment_id != 0 ? w->other_segment_id : -w->other_session_id;
      key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                             w->speaker_id, MIN (ka, kb), MAX (ka, kb));
      g_assert_true (g_hash_table_contains (expected, key));
    }

  /* Session by session, the conflicts add up: each appears in one or two sessions. */
  {
    guint sum = 0;

    for (guint s = 0; s < sessions->len; s++)
      {
        g_autoptr(GPtrArray) list = convene_warnings_for_session (project, g_ptr_array_index (sessions, s), FALSE);

        for (guint i = 0; i < list->len; i++)
          {
            const ConveneWarning *w = g_ptr_array_index (list, i);

            if (w->kind == CONVENE_WARNING_KIND_CONFLICT)
              sum += w->session_id == w->other_session_id ? 2 : 1;
          }
      }
    g_assert_cmpuint (sum, ==, 2 * n_conflicts);
  }
  /* Each segment of a large programme asked alone would take long; the
   * smaller cases check segments. */
  assert_filter_matches (project, FALSE);
}

static void
test_boxed (void)
{
  ConveneWarning warning = { CONVENE_WARNING_KIND_UNSTAFFED, CONVENE_WARNING_SEVERITY_WARNING,
                             0, 0, 3, 4, 0, 0, (char *) "Nobody" };
  ConveneWarning *copy = g_boxed_copy (CONVENE_TYPE_WARNING, &warning);

  g_assert_cmpint (copy->segment_id, ==, 4);
  g_assert_cmpstr (copy->message, ==, "Nobody");
  g_assert_true (copy->message != warning.message);
  g_assert_false (convene_warning_involves_segment (copy, 0));
  g_assert_false (convene_warning_involves_session (copy, 4));
  g_boxed_free (CONVENE_TYPE_WARNING, copy);

  g_assert_cmpstr (convene_warning_kind_get_label (CONVENE_WARNING_KIND_TBC), ==, "TBC");
}

/* Schedules handed in (a document's) give the same warnings as schedules
 * worked out afresh, and each session's is asked for once. */
typedef struct
{
  GHashTable *schedules; /* ConveneSession* -> ConveneSchedule* (owned) */
  guint       asked;
} Schedules;

static ConveneSchedule *
lookup_schedule (ConveneSession *session,
                 gpointer        data)
{
  Schedules *schedules = data;
  ConveneSchedule *schedule = g_hash_table_lookup (schedules->schedules, session);

  schedules->asked++;
  if (schedule == NULL)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Zurich");

      schedule = convene_schedule_compute (session, tz);
      g_hash_table_insert (schedules->schedules, session, schedule);
    }
  return schedule;
}

static void
test_schedules_handed_in (void)
{
  Event e;
  Schedules schedules = { g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) convene_schedule_unref), 0 };
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GPtrArray) handed = NULL;
  g_autoptr(GPtrArray) fresh_side = NULL;
  g_autoptr(GPtrArray) handed_side = NULL;

  event_init (&e);
  /* Campbell gives the keynote at 13:00 and talk A at 12:40–13:10. */
  assign (e.project, e.campbell, e.talk_a, CONVENE_ROLE_PRESENTER);
  convene_speaker_set_status (e.pillay, CONVENE_SPEAKER_STATUS_TENTATIVE);

  fresh = convene_warnings_for_project (e.project, FALSE);
  handed = convene_warnings_for_project_with (e.project, FALSE, lookup_schedule, &schedules);
  g_assert_cmpuint (count_kind (fresh, CONVENE_WARNING_KIND_CONFLICT), ==, 1);
  assert_same_warnings (fresh, handed);
  g_assert_cmpuint (schedules.asked, ==, 2);

  fresh_side = convene_warnings_for_session (e.project, e.side, TRUE);
  handed_side = convene_warnings_for_session_with (e.project, e.side, TRUE, lookup_schedule, &schedules);
  g_assert_cmpuint (fresh_side->len, >=, 2);
  assert_same_warnings (fresh_side, handed_side);
  g_assert_cmpuint (schedules.asked, ==, 4);
  g_assert_cmpuint (g_hash_table_size (schedules.schedules), ==, 2);

  g_hash_table_unref (schedules.schedules);
  event_clear (&e);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/warnings/clean", test_clean);
  g_test_add_func ("/warnings/schedules-handed-in", test_schedules_handed_in);
  g_test_add_func ("/warnings/tbc", test_tbc);
  g_test_add_func ("/warnings/declined", test_declined);
  g_test_add_func ("/warnings/unstaffed", test_unstaffed);
  g_test_add_func ("/warnings/conflict", test_conflict);
  g_test_add_func ("/warnings/conflict-items-and-sessions", test_conflict_items_and_sessions);
  g_test_add_func ("/warnings/example", test_example);
  g_test_add_func ("/warnings/large", test_large);
  g_test_add_func ("/warnings/boxed", test_boxed);
  g_test_add_func ("/person-schedule/order", test_person_schedule);
  g_test_add ("/warnings/undo/tbc", DocFixture, NULL, doc_set_up, test_undo_tbc, doc_tear_down);
  g_test_add ("/warnings/undo/declined", DocFixture, NULL, doc_set_up, test_undo_declined, doc_tear_down);
  g_test_add ("/warnings/undo/conflict", DocFixture, NULL, doc_set_up, test_undo_conflict, doc_tear_down);
  g_test_add ("/warnings/undo/unstaffed", DocFixture, NULL, doc_set_up, test_undo_unstaffed, doc_tear_down);
  g_test_add ("/warnings/document/prepared-on-a-thread", DocFixture, NULL, doc_set_up, test_prepared_on_a_thread,
              doc_tear_down);
  g_test_add ("/edits/change-role", DocFixture, NULL, doc_set_up, test_change_role, doc_tear_down);
  g_test_add ("/edits/add-speakers", DocFixture, NULL, doc_set_up, test_add_speakers, doc_tear_down);

  return g_test_run ();
}
