#include "config.h"

#include "model-fixtures.h"

#include "convene-limits.h"
#include "convene-schedule.h"

/* The side event from the concept note: 12:30, a 90-minute slot, opening
 * (10), a panel (60) of six talks, a moderated discussion (20) and closing
 * remarks (3). */
static ConveneSession *
make_side_event (void)
{
  ConveneSession *session = convene_session_new (1, "Health and migration", "2027-05-24", 12 * 60 + 30, 90);
  static const char * const talks[] = {
    "Sustainable platform for multi-sectoral and international cooperation",
    "Manage the influx",
    "Responding to the health needs of persons on the move",
    "Trends and governance of health worker migration",
    "Tap the talent",
    "Working together across borders",
  };
  ConveneSegment *panel;

  fixture_add_segment (session, NULL, 2, CONVENE_SEGMENT_KIND_OPENING, "Opening remarks and introductions", 10);
  panel = fixture_add_segment (session, NULL, 3, CONVENE_SEGMENT_KIND_PANEL, "Panel", 60);
  for (guint i = 0; i < G_N_ELEMENTS (talks); i++)
    fixture_add_segment (session, panel, 10 + i, CONVENE_SEGMENT_KIND_PRESENTATION, talks[i], 10);
  fixture_add_segment (session, NULL, 4, CONVENE_SEGMENT_KIND_DISCUSSION, "Moderated discussion", 20);
  fixture_add_segment (session, NULL, 5, CONVENE_SEGMENT_KIND_CLOSING, "Closing remarks", 3);

  return session;
}

static void
assert_clock (ConveneSchedule *schedule,
              int              offset,
              const char      *expected_24h)
{
  g_autofree char *text = convene_schedule_format_clock (schedule, offset, FALSE);

  g_assert_cmpstr (text, ==, expected_24h);
}

static void
test_concept_note (void)
{
  g_autoptr(ConveneSession) session = make_side_event ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Zurich");
  g_autoptr(ConveneSchedule) schedule = NULL;
  g_autofree char *fit = NULL;
  g_autofree char *end_12h = NULL;
  g_autofree char *start_12h = NULL;
  static const int top_starts[] = { 0, 10, 70, 90 };
  static const char * const top_clocks[] = { "12:30", "12:40", "13:40", "14:00" };
  static const char * const item_clocks[] = { "12:40", "12:50", "13:00", "13:10", "13:20", "13:30" };
  const ConveneScheduleEntry *entry;
  guint top = 0, item = 0;

  g_assert_nonnull (tz);
  schedule = convene_schedule_compute (session, tz);

  g_assert_cmpuint (convene_schedule_get_n_entries (schedule), ==, 4 + 6);
  g_assert_cmpint (convene_schedule_get_planned_minutes (schedule), ==, 93);
  g_assert_cmpint (convene_schedule_get_end (schedule), ==, 93);
  g_assert_cmpint (convene_schedule_get_slot_minutes (schedule), ==, 90);
  g_assert_cmpint (convene_schedule_get_over_minutes (schedule), ==, 3);
  assert_clock (schedule, convene_schedule_get_end (schedule), "14:03");
  assert_clock (schedule, convene_schedule_get_slot_minutes (schedule), "14:00");

  fit = convene_schedule_describe_fit (schedule);
  g_assert_cmpstr (fit, ==, "93 min planned in a 90 min slot: 3 min over");

  for (guint i = 0; i < convene_schedule_get_n_entries (schedule); i++)
    {
      entry = convene_schedule_get_entry (schedule, i);

      if (entry->depth == 0)
        {
          g_assert_null (entry->parent);
          g_assert_cmpint (entry->start, ==, top_starts[top]);
          g_assert_cmpint (entry->end, ==, entry->start + (int) convene_segment_get_duration (entry->segment));
          g_assert_cmpint (entry->gap_before, ==, 0);
          assert_clock (schedule, entry->start, top_clocks[top]);
          top++;
        }
      else
        {
          g_assert_cmpuint (entry->depth, ==, 1);
          g_assert_nonnull (entry->parent);
          g_assert_cmpint (convene_segment_get_id (entry->parent), ==, 3);
          g_assert_cmpint (entry->start, ==, 10 + 10 * (int) item);
          g_assert_cmpint (entry->end, ==, entry->start + 10);
          g_assert_false (entry->crosses_slot_end);
          assert_clock (schedule, entry->start, item_clocks[item]);
          item++;
        }
    }
  g_assert_cmpuint (top, ==, 4);
  g_assert_cmpuint (item, ==, 6);

  /* Reading order: the panel is followed by its six items. */
  g_assert_cmpint (convene_segment_get_id (convene_schedule_get_entry (schedule, 1)->segment), ==, 3);
  g_assert_cmpint (convene_segment_get_id (convene_schedule_get_entry (schedule, 2)->segment), ==, 10);
  g_assert_cmpint (convene_segment_get_id (convene_schedule_get_entry (schedule, 8)->segment), ==, 4);

  /* The panel's items fill exactly its 60 minutes. */
  entry = convene_schedule_get_entry (schedule, 1);
  g_assert_cmpint (entry->items_minutes, ==, 60);
  g_assert_cmpint (convene_schedule_get_entry (schedule, 0)->items_minutes, ==, 0);

  /* Only the closing remarks run past 14:00; the discussion ends exactly then. */
  g_assert_false (convene_schedule_get_entry (schedule, 8)->crosses_slot_end);
  g_assert_true (convene_schedule_get_entry (schedule, 9)->crosses_slot_end);

  start_12h = convene_schedule_format_clock (schedule, 0, TRUE);
  end_12h = convene_schedule_format_clock (schedule, 93, TRUE);
  g_assert_cmpstr (start_12h, ==, "12:30 PM");
  g_assert_cmpstr (end_12h, ==, "2:03 PM");

  /* The venue's clock, whatever zone this computer is in. */
  {
    g_autoptr(GDateTime) clock = convene_schedule_dup_clock (schedule, 0);
    g_autoptr(GDateTime) utc = g_date_time_to_utc (clock);

    g_assert_cmpint (g_date_time_get_hour (clock), ==, 12);
    g_assert_cmpint (g_date_time_get_hour (utc), ==, 10); /* CEST is UTC+2 in May */
  }
}

static void
test_lookup_and_refs (void)
{
  g_autoptr(ConveneSession) session = make_side_event ();
  ConveneSchedule *schedule = convene_schedule_compute (session, NULL);
  g_autoptr(ConveneSegment) stranger = convene_segment_new (99, CONVENE_SEGMENT_KIND_BREAK, "Coffee", 15);
  g_autoptr(ConveneSegment) talk = NULL;
  const ConveneScheduleEntry *entry;
  GListStore *items;

  g_assert_true (G_TYPE_IS_BOXED (CONVENE_TYPE_SCHEDULE));

  items = convene_segment_get_items (convene_schedule_get_entry (schedule, 1)->segment);
  talk = g_list_model_get_item (G_LIST_MODEL (items), 4);
  entry = convene_schedule_lookup (schedule, talk);
  g_assert_nonnull (entry);
  g_assert_true (entry->segment == talk);
  g_assert_cmpint (entry->start, ==, 50);
  g_assert_null (convene_schedule_lookup (schedule, stranger));

  /* A copy through the boxed type shares the same computation. */
  {
    ConveneSchedule *copy = g_boxed_copy (CONVENE_TYPE_SCHEDULE, schedule);

    g_assert_true (copy == schedule);
    g_boxed_free (CONVENE_TYPE_SCHEDULE, copy);
  }

  /* Entries stay valid after the session lets the segments go. */
  g_list_store_remove_all (convene_session_get_segments (session));
  g_clear_object (&session);
  entry = convene_schedule_get_entry (schedule, 9);
  g_assert_cmpstr (convene_segment_get_title (entry->segment), ==, "Closing remarks");

  /* With no zone given, the clock is UTC. */
  {
    g_autoptr(GDateTime) clock = convene_schedule_dup_clock (schedule, 0);

    g_assert_cmpint (g_date_time_get_utc_offset (clock), ==, 0);
    g_assert_cmpint (g_date_time_get_hour (clock), ==, 12);
  }

  convene_schedule_unref (schedule);
}

static void
test_midnight (void)
{
  g_autoptr(ConveneSession) session = convene_session_new (1, "Late", "2027-12-31", 23 * 60 + 30, 90);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Zurich");
  g_autoptr(ConveneSchedule) schedule = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  fixture_add_segment (session, NULL, 2, CONVENE_SEGMENT_KIND_NETWORKING, "Reception", 60);
  schedule = convene_schedule_compute (session, tz);

  start = convene_schedule_dup_clock (schedule, 0);
  end = convene_schedule_dup_clock (schedule, convene_schedule_get_end (schedule));
  g_assert_cmpint (g_date_time_get_day_of_month (start), ==, 31);
  g_assert_cmpint (g_date_time_get_year (end), ==, 2028);
  g_assert_cmpint (g_date_time_get_month (end), ==, 1);
  g_assert_cmpint (g_date_time_get_day_of_month (end), ==, 1);
  assert_clock (schedule, 0, "23:30");
  assert_clock (schedule, 60, "00:30");
}

/* The planned end says on which day it falls when that is not the first:
 * past midnight, and a programme far longer than any day. */
static void
test_end_day (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Zurich");
  const struct { int start; guint minutes; const char *end; } cases[] = {
    { 12 * 60 + 30, 93, "14:03" },
    { 23 * 60 + 30, 30, "00:00 (+1 day)" },
    { 23 * 60 + 30, 29, "23:59" },
    { 23 * 60 + 30, 60, "00:30 (+1 day)" },
    { 9 * 60, 14 * 24 * 60 + 3 * 60 + 49, "12:49 (+14 days)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ConveneSession) session = convene_session_new (1, "Long", "2027-05-23", cases[i].start, 30);
      g_autoptr(ConveneSchedule) schedule = NULL;
      g_autofree char *end = NULL;

      /* A segment lasts a day at most. */
      for (guint left = cases[i].minutes, id = 2; left > 0; left -= MIN (left, 24 * 60), id++)
        fixture_add_segment (session, NULL, id, CONVENE_SEGMENT_KIND_CUSTOM, "Part", MIN (left, 24 * 60));
      schedule = convene_schedule_compute (session, tz);
      end = convene_schedule_format_end (schedule, FALSE);
      g_assert_cmpstr (end, ==, cases[i].end);
    }
}

static void
test_daylight_saving (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Zurich");
  g_autoptr(ConveneSession) spring = convene_session_new (1, "Night shift", "2027-03-28", 90, 120);
  g_autoptr(ConveneSession) autumn = convene_session_new (2, "Night shift", "2027-10-31", 90, 120);
  g_autoptr(ConveneSchedule) schedule = NULL;

  /* Clocks go from 02:00 to 03:00 on the last Sunday of March: an hour of
   * elapsed time after 01:30 reads 03:30. */
  fixture_add_segment (spring, NULL, 3, CONVENE_SEGMENT_KIND_PRESENTATION, "Hour", 60);
  schedule = convene_schedule_compute (spring, tz);
  assert_clock (schedule, 0, "01:30");
  assert_clock (schedule, 30, "03:00");
  assert_clock (schedule, 60, "03:30");
  g_clear_pointer (&schedule, convene_schedule_unref);

  /* And back from 03:00 to 02:00 on the last Sunday of October. */
  fixture_add_segment (autumn, NULL, 4, CONVENE_SEGMENT_KIND_PRESENTATION, "Two hours", 120);
  schedule = convene_schedule_compute (autumn, tz);
  assert_clock (schedule, 60, "02:30");
  assert_clock (schedule, 120, "02:30");
  assert_clock (schedule, 120 + 30, "03:00");
}

static void
test_pinned (void)
{
  g_autoptr(ConveneSession) session = convene_session_new (1, "Morning", "2027-05-24", 9 * 60, 120);
  g_autoptr(ConveneSchedule) schedule = NULL;
  ConveneSegment *welcome, *keynote, *lunch, *after;
  const ConveneScheduleEntry *entry;

  welcome = fixture_add_segment (session, NULL, 2, CONVENE_SEGMENT_KIND_WELCOME, "Welcome", 30);
  keynote = fixture_add_segment (session, NULL, 3, CONVENE_SEGMENT_KIND_KEYNOTE, "Keynote", 45);
  convene_segment_set_fixed_start (keynote, 10 * 60);       /* a 30-minute gap */
  lunch = fixture_add_segment (session, NULL, 4, CONVENE_SEGMENT_KIND_BREAK, "Lunch", 30);
  convene_segment_set_fixed_start (lunch, 10 * 60 + 40);    /* 5 minutes of overlap */
  after = fixture_add_segment (session, NULL, 5, CONVENE_SEGMENT_KIND_NETWORKING, "Networking", 10);

  schedule = convene_schedule_compute (session, NULL);

  entry = convene_schedule_lookup (schedule, welcome);
  g_assert_cmpint (entry->start, ==, 0);
  g_assert_cmpint (entry->gap_before, ==, 0);

  entry = convene_schedule_lookup (schedule, keynote);
  g_assert_cmpint (entry->start, ==, 60);
  g_assert_cmpint (entry->end, ==, 105);
  g_assert_cmpint (entry->gap_before, ==, 30);
  assert_clock (schedule, entry->start, "10:00");

  entry = convene_schedule_lookup (schedule, lunch);
  g_assert_cmpint (entry->start, ==, 100);
  g_assert_cmpint (entry->gap_before, ==, -5);
  g_assert_cmpint (entry->end, ==, 130);
  g_assert_true (entry->crosses_slot_end);

  entry = convene_schedule_lookup (schedule, after);
  g_assert_cmpint (entry->start, ==, 130);
  g_assert_cmpint (entry->gap_before, ==, 0);

  g_assert_cmpint (convene_schedule_get_planned_minutes (schedule), ==, 115);
  g_assert_cmpint (convene_schedule_get_end (schedule), ==, 140);
  g_assert_cmpint (convene_schedule_get_over_minutes (schedule), ==, 20);
}

static void
test_pinned_after_midnight (void)
{
  g_autoptr(ConveneSession) session = convene_session_new (1, "Late", "2027-05-24", 23 * 60, 180);
  g_autoptr(ConveneSchedule) schedule = NULL;
  g_autoptr(GDateTime) clock = NULL;
  ConveneSegment *first, *late;
  const ConveneScheduleEntry *entry;

  first = fixture_add_segment (session, NULL, 2, CONVENE_SEGMENT_KIND_NETWORKING, "Drinks", 30);
  late = fixture_add_segment (session, NULL, 3, CONVENE_SEGMENT_KIND_CLOSING, "Last words", 5);
  convene_segment_set_fixed_start (late, 30);
  /* Pinned to the session start itself: no gap. */
  convene_segment_set_fixed_start (first, 23 * 60);

  schedule = convene_schedule_compute (session, NULL);
  entry = convene_schedule_lookup (schedule, first);
  g_assert_cmpint (entry->start, ==, 0);
  g_assert_cmpint (entry->gap_before, ==, 0);

  entry = convene_schedule_lookup (schedule, late);
  g_assert_cmpint (entry->start, ==, 90);
  g_assert_cmpint (entry->gap_before, ==, 60);
  clock = convene_schedule_dup_clock (schedule, entry->start);
  g_assert_cmpint (g_date_time_get_day_of_month (clock), ==, 25);
  assert_clock (schedule, entry->start, "00:30");
}

/* No clock time overlaps the next one's because of a group: each top-level
 * segment starts at or after the end of the one before (nothing here is
 * pinned), and each item lies inside its segment, one after the other. */
static void
assert_no_overlap (ConveneSchedule *schedule)
{
  const ConveneScheduleEntry *top = NULL;
  int item_cursor = 0;

  for (guint i = 0; i < convene_schedule_get_n_entries (schedule); i++)
    {
      const ConveneScheduleEntry *entry = convene_schedule_get_entry (schedule, i);

      g_assert_cmpint (entry->end, >=, entry->start);
      if (entry->depth == 0)
        {
          if (top != NULL)
            g_assert_cmpint (entry->start, >=, top->end);
          top = entry;
          item_cursor = entry->start;
        }
      else
        {
          g_assert_true (entry->parent == top->segment);
          g_assert_cmpint (entry->start, ==, item_cursor);
          g_assert_cmpint (entry->end, <=, top->end);
          item_cursor = entry->end;
        }
    }
}

static void
set_talks (ConveneSession *session,
           guint           minutes)
{
  g_autoptr(ConveneSegment) panel = g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 1);
  GListModel *talks = G_LIST_MODEL (convene_segment_get_items (panel));

  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr(ConveneSegment) talk = g_list_model_get_item (talks, i);

      convene_segment_set_duration (talk, minutes);
    }
}

/* The six talks of the example at 15 minutes each, 90 in a panel meant to
 * last 60: the panel lasts 90, the discussion follows its last talk, and the
 * plan counts the 30 minutes more. */
static void
test_group_over_target (void)
{
  g_autoptr(ConveneSession) session = make_side_event ();
  g_autoptr(ConveneSchedule) schedule = NULL;
  g_autoptr(ConveneSegment) panel = g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 1);
  g_autofree char *fit = NULL;
  g_autofree char *target = NULL;
  const ConveneScheduleEntry *entry;

  convene_segment_set_has_target (panel, TRUE);
  set_talks (session, 15);
  schedule = convene_schedule_compute (session, NULL);
  assert_no_overlap (schedule);

  entry = convene_schedule_lookup (schedule, panel);
  g_assert_cmpint (entry->start, ==, 10);
  g_assert_cmpint (entry->end, ==, 100);
  g_assert_cmpint (entry->items_minutes, ==, 90);
  g_assert_cmpint (entry->target, ==, 60);
  g_assert_true (entry->crosses_slot_end);
  target = convene_schedule_entry_describe_target (entry);
  g_assert_cmpstr (target, ==, "30 min over its 60 min target");

  /* Talk E ends at 14:10 and the discussion starts then, not at 13:40. */
  entry = convene_schedule_get_entry (schedule, 7);
  assert_clock (schedule, entry->start, "13:55");
  assert_clock (schedule, entry->end, "14:10");
  entry = convene_schedule_get_entry (schedule, 8);
  g_assert_cmpint (convene_segment_get_id (entry->segment), ==, 4);
  assert_clock (schedule, entry->start, "14:10");
  assert_clock (schedule, entry->end, "14:30");

  g_assert_cmpint (convene_schedule_get_planned_minutes (schedule), ==, 123);
  g_assert_cmpint (convene_schedule_get_end (schedule), ==, 123);
  fit = convene_schedule_describe_fit (schedule);
  g_assert_cmpstr (fit, ==, "123 min planned in a 90 min slot: 33 min over");
}

/* Talks that leave part of the target empty: the panel ends with its last
 * talk and says by how much it falls short. */
static void
test_group_under_target (void)
{
  g_autoptr(ConveneSession) session = make_side_event ();
  g_autoptr(ConveneSchedule) schedule = NULL;
  g_autoptr(ConveneSegment) panel = g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 1);
  g_autofree char *fit = NULL;
  g_autofree char *target = NULL;
  const ConveneScheduleEntry *entry;

  convene_segment_set_has_target (panel, TRUE);
  set_talks (session, 5);
  schedule = convene_schedule_compute (session, NULL);
  assert_no_overlap (schedule);

  entry = convene_schedule_lookup (schedule, panel);
  g_assert_cmpint (entry->end - entry->start, ==, 30);
  g_assert_cmpint (entry->target, ==, 60);
  target = convene_schedule_entry_describe_target (entry);
  g_assert_cmpstr (target, ==, "30 min under its 60 min target");
  g_assert_cmpint (convene_schedule_get_entry (schedule, 8)->start, ==, 40);
  g_assert_cmpint (convene_schedule_get_planned_minutes (schedule), ==, 63);
  fit = convene_schedule_describe_fit (schedule);
  g_assert_cmpstr (fit, ==, "63 min planned in a 90 min slot: 27 min under");
}

/* Talks that fill the target exactly say nothing more. */
static void
test_group_on_target (void)
{
  g_autoptr(ConveneSession) session = make_side_event ();
  g_autoptr(ConveneSchedule) schedule = NULL;
  g_autoptr(ConveneSegment) panel = g_list_model_get_item (G_LIST_MODEL (convene_session_get_segments (session)), 1);
  const ConveneScheduleEntry *entry;

  convene_segment_set_has_target (panel, TRUE);
  schedule = convene_schedule_compute (session, NULL);
  assert_no_overlap (schedule);

  entry = convene_schedule_lookup (schedule, panel);
  g_assert_cmpint (entry->target, ==, 60);
  g_assert_cmpint (entry->items_minutes, ==, 60);
  g_assert_null (convene_schedule_entry_describe_target (entry));
  g_assert_cmpint (convene_schedule_get_planned_minutes (schedule), ==, 93);
}

/* Without a target a group simply lasts what its items take, whatever its
 * own duration says; emptied, it lasts its own duration again. */
static void
test_group_without_target (void)
{
  g_autoptr(ConveneSession) session = convene_session_new (1, "Short", "2027-05-24", 600, 30);
  g_autoptr(ConveneSchedule) schedule = NULL;
  g_autoptr(ConveneSchedule) emptied = NULL;
  ConveneSegment *panel;
  ConveneSegment *after;
  const ConveneScheduleEntry *entry;

  panel = fixture_add_segment (session, NULL, 2, CONVENE_SEGMENT_KIND_PANEL, "Panel", 20);
  fixture_add_segment (session, panel, 3, CONVENE_SEGMENT_KIND_PRESENTATION, "A", 15);
  fixture_add_segment (session, panel, 4, CONVENE_SEGMENT_KIND_PRESENTATION, "B", 20);
  after = fixture_add_segment (session, NULL, 5, CONVENE_SEGMENT_KIND_CLOSING, "Close", 5);
  g_assert_false (convene_segment_get_has_target (panel));
  g_assert_cmpuint (convene_segment_get_length (panel), ==, 35);

  schedule = convene_schedule_compute (session, NULL);
  assert_no_overlap (schedule);
  entry = convene_schedule_lookup (schedule, panel);
  g_assert_cmpint (entry->items_minutes, ==, 35);
  g_assert_cmpint (entry->end, ==, 35);
  g_assert_cmpint (entry->target, ==, -1);
  g_assert_null (convene_schedule_entry_describe_target (entry));
  g_assert_true (entry->crosses_slot_end);
  entry = convene_schedule_get_entry (schedule, 2);
  g_assert_cmpint (entry->start, ==, 15);
  g_assert_cmpint (entry->end, ==, 35);
  g_assert_true (entry->crosses_slot_end);
  g_assert_cmpint (convene_schedule_lookup (schedule, after)->start, ==, 35);
  g_assert_cmpint (convene_schedule_get_end (schedule), ==, 40);
  g_assert_cmpint (convene_schedule_get_planned_minutes (schedule), ==, 40);

  /* A resize preview of an item moves its segment's end and what follows. */
  {
    g_autoptr(ConveneSchedule) preview = NULL;
    g_autoptr(ConveneSegment) first = g_list_model_get_item (G_LIST_MODEL (convene_segment_get_items (panel)), 0);

    preview = convene_schedule_compute_preview (session, NULL, first, 25);
    assert_no_overlap (preview);
    g_assert_cmpint (convene_schedule_lookup (preview, panel)->end, ==, 45);
    g_assert_cmpint (convene_schedule_lookup (preview, after)->start, ==, 45);
  }

  g_list_store_remove_all (convene_segment_get_items (panel));
  emptied = convene_schedule_compute (session, NULL);
  entry = convene_schedule_lookup (emptied, panel);
  g_assert_cmpint (entry->end, ==, 20);
  g_assert_cmpint (entry->items_minutes, ==, 0);
  g_assert_cmpint (entry->target, ==, -1);
  g_assert_cmpuint (convene_segment_get_length (panel), ==, 20);
}

static void
test_empty_and_on_time (void)
{
  g_autoptr(ConveneSession) session = convene_session_new (1, "Empty", "2027-05-24", 12 * 60 + 30, 90);
  g_autoptr(ConveneSchedule) schedule = convene_schedule_compute (session, NULL);
  g_autofree char *fit = NULL;

  g_assert_cmpuint (convene_schedule_get_n_entries (schedule), ==, 0);
  g_assert_cmpint (convene_schedule_get_planned_minutes (schedule), ==, 0);
  g_assert_cmpint (convene_schedule_get_end (schedule), ==, 0);
  g_assert_cmpint (convene_schedule_get_over_minutes (schedule), ==, -90);
  fit = convene_schedule_describe_fit (schedule);
  g_assert_cmpstr (fit, ==, "0 min planned in a 90 min slot: 90 min under");
  assert_clock (schedule, 0, "12:30");
  g_clear_pointer (&fit, g_free);
  g_clear_pointer (&schedule, convene_schedule_unref);

  fixture_add_segment (session, NULL, 2, CONVENE_SEGMENT_KIND_PANEL, "Panel", 85);
  schedule = convene_schedule_compute (session, NULL);
  fit = convene_schedule_describe_fit (schedule);
  g_assert_cmpstr (fit, ==, "85 min planned in a 90 min slot: 5 min under");
  g_clear_pointer (&fit, g_free);
  g_clear_pointer (&schedule, convene_schedule_unref);

  fixture_add_segment (session, NULL, 3, CONVENE_SEGMENT_KIND_CLOSING, "Closing", 5);
  schedule = convene_schedule_compute (session, NULL);
  fit = convene_schedule_describe_fit (schedule);
  g_assert_cmpstr (fit, ==, "90 min planned in a 90 min slot: on time");
  g_assert_cmpint (convene_schedule_get_over_minutes (schedule), ==, 0);
}

static void
test_undated_session (void)
{
  g_autoptr(ConveneSession) session = convene_session_new (1, "Someday", NULL, 8 * 60, 60);
  g_autoptr(ConveneSchedule) schedule = NULL;
  g_autoptr(GDateTime) clock = NULL;

  fixture_add_segment (session, NULL, 2, CONVENE_SEGMENT_KIND_KEYNOTE, "Keynote", 45);
  schedule = convene_schedule_compute (session, NULL);
  clock = convene_schedule_dup_clock (schedule, 45);
  g_assert_nonnull (clock);
  assert_clock (schedule, 45, "08:45");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schedule/concept-note", test_concept_note);
  g_test_add_func ("/schedule/lookup-and-refs", test_lookup_and_refs);
  g_test_add_func ("/schedule/midnight", test_midnight);
  g_test_add_func ("/schedule/end-day", test_end_day);
  g_test_add_func ("/schedule/daylight-saving", test_daylight_saving);
  g_test_add_func ("/schedule/pinned", test_pinned);
  g_test_add_func ("/schedule/pinned-after-midnight", test_pinned_after_midnight);
  g_test_add_func ("/schedule/group/over-target", test_group_over_target);
  g_test_add_func ("/schedule/group/under-target", test_group_under_target);
  g_test_add_func ("/schedule/group/on-target", test_group_on_target);
  g_test_add_func ("/schedule/group/without-target", test_group_without_target);
  g_test_add_func ("/schedule/empty-and-on-time", test_empty_and_on_time);
  g_test_add_func ("/schedule/undated-session", test_undated_session);

  return g_test_run ();
}
