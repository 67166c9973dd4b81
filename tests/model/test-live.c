#include "config.h"

#include "model-fixtures.h"

#include <glib/gstdio.h>

#include "../live-test-clock.h"
#include "convene-document.h"
#include "convene-limits.h"
#include "convene-live.h"

#define MINUTE CONVENE_LIVE_MINUTE
#define SECOND G_GINT64_CONSTANT (1000000)

/* The clock the tests move by hand. */

/* The example side event: 12:30, opening (10), a panel of six 10-minute
 * talks, a discussion (20) and closing remarks (3): ends at 14:03. */
static ConveneSession *
make_side_event (void)
{
  ConveneSession *session = convene_session_new (1, "Health and migration", "2027-05-24", 12 * 60 + 30, 90);
  ConveneSegment *panel;

  fixture_add_segment (session, NULL, 2, CONVENE_SEGMENT_KIND_OPENING, "Opening", 10);
  panel = fixture_add_segment (session, NULL, 3, CONVENE_SEGMENT_KIND_PANEL, "Panel", 60);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *title = g_strdup_printf ("Talk %u", i + 1);

      fixture_add_segment (session, panel, 10 + i, CONVENE_SEGMENT_KIND_PRESENTATION, title, 10);
    }
  fixture_add_segment (session, NULL, 4, CONVENE_SEGMENT_KIND_DISCUSSION, "Discussion", 20);
  fixture_add_segment (session, NULL, 5, CONVENE_SEGMENT_KIND_CLOSING, "Closing", 3);
  return session;
}

typedef struct {
  ConveneSession *session;
  TestClock clock;
  ConveneLive *live;
  GTimeZone *tz;
} Fixture;

static gint64
at (Fixture    *f,
    int         hour,
    int         minute)
{
  g_autoptr(GDateTime) when = g_date_time_new (f->tz, 2027, 5, 24, hour, minute, 0);

  return g_date_time_to_unix (when) * G_USEC_PER_SEC;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->tz = g_time_zone_new_identifier ("Europe/Zurich");
  g_assert_nonnull (f->tz);
  f->session = make_side_event ();
  f->clock.now = at (f, 12, 0);
}

static ConveneLive *
fixture_live (Fixture *f)
{
  g_clear_object (&f->live);
  f->live = convene_live_new (f->session, f->tz, test_clock_read, &f->clock, NULL);
  return f->live;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->live);
  g_clear_object (&f->session);
  g_clear_pointer (&f->tz, g_time_zone_unref);
}

static void
assert_clock (ConveneLive *live,
              gint64       instant,
              const char  *expected)
{
  g_autofree char *text = convene_live_format_clock (live, instant, FALSE);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_projected (ConveneLive *live,
                  guint        step,
                  const char  *expected)
{
  assert_clock (live, convene_live_get_projected_start (live, step), expected);
}

static void
test_steps (Fixture       *f,
            gconstpointer  data)
{
  ConveneLive *live = fixture_live (f);
  ConveneSegment *panel;

  /* Opening, six talks, discussion, closing: the panel runs as its talks. */
  g_assert_cmpuint (convene_live_get_n_steps (live), ==, 9);
  g_assert_cmpstr (convene_segment_get_title (convene_live_get_step_segment (live, 0)), ==, "Opening");
  g_assert_null (convene_live_get_step_panel (live, 0));
  panel = convene_live_get_step_panel (live, 1);
  g_assert_nonnull (panel);
  g_assert_cmpstr (convene_segment_get_title (panel), ==, "Panel");
  g_assert_cmpstr (convene_segment_get_title (convene_live_get_step_segment (live, 6)), ==, "Talk 6");
  g_assert_true (convene_live_get_step_panel (live, 6) == panel);
  g_assert_null (convene_live_get_step_panel (live, 7));
  g_assert_cmpint (convene_live_find_step (live, panel), ==, -1);
  g_assert_cmpint (convene_live_find_step (live, convene_live_get_step_segment (live, 7)), ==, 7);

  assert_clock (live, convene_live_get_planned_start (live, 2), "12:50");
  assert_clock (live, convene_live_get_planned_end (live), "14:03");

  /* Before the start, at noon, the plan is the projection. */
  g_assert_false (convene_live_get_started (live));
  g_assert_cmpint (convene_live_get_current (live), ==, -1);
  g_assert_cmpint (convene_live_get_over (live), ==, 0);
  assert_projected (live, 8, "14:00");
  g_assert_false (convene_live_next (live, CONVENE_LIVE_PUSH));
  g_assert_false (convene_live_back (live));
  g_assert_false (convene_live_hold (live));

  /* Not started at 12:35: everything is five minutes late already. */
  f->clock.now = at (f, 12, 35);
  g_assert_cmpint (convene_live_get_over (live), ==, 5 * MINUTE);
  assert_projected (live, 0, "12:35");
}

static void
count_change (guint *changes)
{
  (*changes)++;
}

static void
test_push (Fixture       *f,
           gconstpointer  data)
{
  ConveneLive *live = fixture_live (f);
  guint changes = 0;

  g_signal_connect_swapped (live, "changed", G_CALLBACK (count_change), &changes);
  f->clock.now = at (f, 12, 30);
  g_assert_true (convene_live_start (live));
  g_assert_false (convene_live_start (live));
  g_assert_cmpint (convene_live_get_current (live), ==, 0);
  g_assert_cmpint (convene_live_get_time_left (live), ==, 10 * MINUTE);

  f->clock.now += 4 * MINUTE;
  g_assert_cmpint (convene_live_get_elapsed (live), ==, 4 * MINUTE);
  g_assert_cmpint (convene_live_get_time_left (live), ==, 6 * MINUTE);
  g_assert_false (convene_live_get_needs_choice (live));
  g_assert_cmpint (convene_live_get_over (live), ==, 0);

  /* Twelve minutes in: two over, counting past zero. */
  f->clock.now += 8 * MINUTE;
  g_assert_cmpint (convene_live_get_time_left (live), ==, -2 * MINUTE);
  g_assert_true (convene_live_get_needs_choice (live));
  g_assert_cmpint (convene_live_get_over (live), ==, 2 * MINUTE);
  assert_projected (live, 1, "12:42");
  assert_projected (live, 2, "12:52");

  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (convene_live_next (live, CONVENE_LIVE_PUSH));
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpint (convene_live_get_current (live), ==, 1);
  g_assert_cmpint (convene_live_get_record (live, 0)->actual_end, ==, at (f, 12, 42));
  g_assert_cmpint (convene_live_get_record (live, 1)->actual_start, ==, at (f, 12, 42));
  g_assert_cmpint (convene_live_get_time_left (live), ==, 10 * MINUTE);
  assert_projected (live, 0, "12:30");
  assert_projected (live, 1, "12:42");
  assert_projected (live, 2, "12:52");
  assert_projected (live, 7, "13:42");
  assert_projected (live, 8, "14:02");
  assert_clock (live, convene_live_get_projected_end (live), "14:05");
  g_assert_cmpint (convene_live_get_over (live), ==, 2 * MINUTE);
}

static void
test_absorb (Fixture       *f,
             gconstpointer  data)
{
  ConveneLive *live = fixture_live (f);

  f->clock.now = at (f, 12, 30);
  convene_live_start (live);
  f->clock.now = at (f, 12, 42);
  g_assert_true (convene_live_next (live, CONVENE_LIVE_ABSORB));

  /* The first talk gives up the two minutes: later starts stay. */
  g_assert_cmpint (convene_live_get_allotted (live, 1), ==, 8 * MINUTE);
  g_assert_cmpint (convene_live_get_record (live, 1)->absorbed, ==, 2 * MINUTE);
  g_assert_cmpint (convene_live_get_time_left (live), ==, 8 * MINUTE);
  assert_projected (live, 2, "12:50");
  assert_projected (live, 8, "14:00");
  g_assert_cmpint (convene_live_get_over (live), ==, 0);

  /* An overrun larger than the next step takes from the ones after it,
   * each keeping a minute: talk 2 runs to 13:15, 15 minutes over. */
  f->clock.now = at (f, 12, 50);
  convene_live_next (live, CONVENE_LIVE_PUSH);
  f->clock.now = at (f, 13, 15);
  g_assert_cmpint (convene_live_get_time_left (live), ==, -15 * MINUTE);
  g_assert_true (convene_live_next (live, CONVENE_LIVE_ABSORB));
  g_assert_cmpint (convene_live_get_allotted (live, 3), ==, 1 * MINUTE);
  g_assert_cmpint (convene_live_get_allotted (live, 4), ==, 4 * MINUTE);
  g_assert_cmpint (convene_live_get_allotted (live, 5), ==, 10 * MINUTE);
  assert_projected (live, 4, "13:16");
  assert_projected (live, 5, "13:20");
  g_assert_cmpint (convene_live_get_over (live), ==, 0);

  /* Back undoes the transition and what it absorbed. */
  g_assert_true (convene_live_back (live));
  g_assert_cmpint (convene_live_get_current (live), ==, 2);
  g_assert_cmpint (convene_live_get_allotted (live, 3), ==, 10 * MINUTE);
  g_assert_cmpint (convene_live_get_allotted (live, 4), ==, 10 * MINUTE);
  g_assert_cmpint (convene_live_get_record (live, 3)->actual_start, ==, 0);
  g_assert_cmpint (convene_live_get_record (live, 2)->actual_end, ==, 0);
  g_assert_cmpint (convene_live_get_time_left (live), ==, -15 * MINUTE);
}

static void
test_pins (Fixture       *f,
           gconstpointer  data)
{
  ConveneSegment *closing = convene_live_get_step_segment (fixture_live (f), 8);
  ConveneLive *live;

  /* Closing pinned at 14:10: a 10-minute gap before it. */
  convene_segment_set_fixed_start (closing, 14 * 60 + 10);
  live = fixture_live (f);
  g_assert_true (convene_live_get_step_pinned (live, 8));
  g_assert_false (convene_live_get_step_pinned (live, 7));
  assert_clock (live, convene_live_get_planned_end (live), "14:13");
  g_assert_cmpint (convene_live_get_projected_gap (live, 8), ==, 10 * MINUTE);

  f->clock.now = at (f, 12, 30);
  convene_live_start (live);
  f->clock.now = at (f, 12, 44);
  convene_live_next (live, CONVENE_LIVE_PUSH);
  /* Pushed four minutes: the discussion moves, the pinned closing does
   * not; its gap shrinks to six minutes and the session still ends as
   * planned. */
  assert_projected (live, 7, "13:44");
  assert_projected (live, 8, "14:10");
  g_assert_cmpint (convene_live_get_projected_gap (live, 8), ==, 6 * MINUTE);
  g_assert_cmpint (convene_live_get_projected_gap (live, 7), ==, 0);
  g_assert_cmpint (convene_live_get_over (live), ==, 0);

  /* Talk 1 runs 15 minutes over: the closing now overlaps the discussion
   * by nine minutes. */
  f->clock.now = at (f, 13, 9);
  g_assert_cmpint (convene_live_get_projected_gap (live, 8), ==, -9 * MINUTE);
  assert_projected (live, 8, "14:10");
  /* The discussion ends at 14:19, after the pinned closing ends. */
  assert_clock (live, convene_live_get_projected_end (live), "14:19");
  g_assert_cmpint (convene_live_get_over (live), ==, 6 * MINUTE);

  /* Absorbing stops before the pinned step. */
  g_assert_true (convene_live_next (live, CONVENE_LIVE_ABSORB));
  g_assert_cmpint (convene_live_get_record (live, 8)->absorbed, ==, 0);
  g_assert_cmpint (convene_live_get_record (live, 2)->absorbed, ==, 9 * MINUTE);
  g_assert_cmpint (convene_live_get_record (live, 3)->absorbed, ==, 6 * MINUTE);
  g_assert_cmpint (convene_live_get_projected_gap (live, 8), ==, 6 * MINUTE);
}

static void
test_pinned_panel (Fixture       *f,
                   gconstpointer  data)
{
  ConveneLive *live = fixture_live (f);
  ConveneSegment *panel = convene_live_get_step_panel (live, 1);

  convene_segment_set_fixed_start (panel, 12 * 60 + 45);
  live = fixture_live (f);
  /* The panel's first talk keeps the panel's time; the others follow. */
  g_assert_true (convene_live_get_step_pinned (live, 1));
  g_assert_false (convene_live_get_step_pinned (live, 2));
  g_assert_cmpint (convene_live_get_projected_gap (live, 1), ==, 5 * MINUTE);
  assert_projected (live, 2, "12:55");
}

static void
test_hold (Fixture       *f,
           gconstpointer  data)
{
  ConveneLive *live = fixture_live (f);

  f->clock.now = at (f, 12, 30);
  convene_live_start (live);
  f->clock.now += 3 * MINUTE;
  g_assert_true (convene_live_hold (live));
  g_assert_false (convene_live_hold (live));
  g_assert_true (convene_live_get_held (live));

  /* Ten minutes on hold: the segment's clock stands still, the programme
   * moves later. */
  f->clock.now += 10 * MINUTE;
  g_assert_cmpint (convene_live_get_elapsed (live), ==, 3 * MINUTE);
  g_assert_cmpint (convene_live_get_time_left (live), ==, 7 * MINUTE);
  g_assert_false (convene_live_get_needs_choice (live));
  assert_projected (live, 1, "12:50");
  g_assert_cmpint (convene_live_get_over (live), ==, 10 * MINUTE);

  g_assert_true (convene_live_resume (live));
  g_assert_false (convene_live_resume (live));
  f->clock.now += MINUTE;
  g_assert_cmpint (convene_live_get_elapsed (live), ==, 4 * MINUTE);
  g_assert_cmpint (convene_live_get_record (live, 0)->paused, ==, 10 * MINUTE);

  /* Next while on hold ends the hold with the step. */
  convene_live_hold (live);
  f->clock.now += 2 * MINUTE;
  convene_live_next (live, CONVENE_LIVE_PUSH);
  g_assert_false (convene_live_get_held (live));
  g_assert_cmpint (convene_live_get_record (live, 0)->paused, ==, 12 * MINUTE);
  g_assert_cmpint (convene_live_get_elapsed (live), ==, 0);
}

static void
test_back_and_jump (Fixture       *f,
                    gconstpointer  data)
{
  ConveneLive *live = fixture_live (f);

  f->clock.now = at (f, 12, 30);
  convene_live_start (live);
  g_assert_false (convene_live_back (live));
  f->clock.now = at (f, 12, 38);
  convene_live_next (live, CONVENE_LIVE_PUSH);
  f->clock.now = at (f, 12, 39);

  /* Next was pressed by mistake: the opening continues, its clock having
   * run all along. */
  g_assert_true (convene_live_back (live));
  g_assert_cmpint (convene_live_get_current (live), ==, 0);
  g_assert_cmpint (convene_live_get_elapsed (live), ==, 9 * MINUTE);
  g_assert_cmpint (convene_live_get_record (live, 0)->actual_end, ==, 0);
  g_assert_cmpint (convene_live_get_record (live, 1)->actual_start, ==, 0);

  /* Jump to the discussion, skipping the panel. */
  f->clock.now = at (f, 12, 40);
  g_assert_true (convene_live_jump (live, 7, CONVENE_LIVE_PUSH));
  g_assert_false (convene_live_jump (live, 7, CONVENE_LIVE_PUSH));
  g_assert_false (convene_live_jump (live, 99, CONVENE_LIVE_PUSH));
  g_assert_cmpint (convene_live_get_current (live), ==, 7);
  assert_projected (live, 8, "13:00");
  assert_clock (live, convene_live_get_projected_end (live), "13:03");
  g_assert_cmpint (convene_live_get_over (live), ==, -60 * MINUTE);

  /* ... and back to the panel's second talk, which then runs again after
   * the discussion's record is set aside. */
  f->clock.now = at (f, 12, 45);
  g_assert_true (convene_live_jump (live, 2, CONVENE_LIVE_PUSH));
  g_assert_cmpint (convene_live_get_record (live, 7)->actual_end, ==, at (f, 12, 45));
  assert_projected (live, 7, "13:35");
  g_assert_true (convene_live_back (live));
  g_assert_cmpint (convene_live_get_current (live), ==, 7);
  g_assert_cmpint (convene_live_get_record (live, 7)->actual_start, ==, at (f, 12, 40));
  g_assert_cmpint (convene_live_get_record (live, 7)->actual_end, ==, 0);
}

static void
test_start_elsewhere (Fixture       *f,
                      gconstpointer  data)
{
  ConveneLive *live = fixture_live (f);

  /* The opening is dropped: the show starts with the panel's first talk. */
  f->clock.now = at (f, 12, 32);
  g_assert_true (convene_live_can (live, CONVENE_LIVE_ACTION_JUMP, 1, 0));
  g_assert_true (convene_live_jump (live, 1, CONVENE_LIVE_PUSH));
  g_assert_cmpint (convene_live_get_current (live), ==, 1);
  g_assert_cmpint (convene_live_get_record (live, 0)->actual_start, ==, 0);
  g_assert_cmpint (convene_live_get_record (live, 1)->actual_start, ==, at (f, 12, 32));
  g_assert_false (convene_live_back (live));
  g_assert_false (convene_live_start (live));
  assert_projected (live, 2, "12:42");
}

/* Back after a transition made on hold: the hold still counts as hold. */
static void
test_back_after_hold (Fixture       *f,
                      gconstpointer  data)
{
  ConveneLive *live = fixture_live (f);

  f->clock.now = at (f, 12, 30);
  convene_live_start (live);
  f->clock.now = at (f, 12, 35);
  convene_live_hold (live);
  f->clock.now = at (f, 12, 40);
  convene_live_next (live, CONVENE_LIVE_PUSH);
  f->clock.now = at (f, 12, 41);
  g_assert_true (convene_live_back (live));
  g_assert_false (convene_live_get_held (live));
  g_assert_cmpint (convene_live_get_record (live, 0)->paused, ==, 5 * MINUTE);
  g_assert_cmpint (convene_live_get_elapsed (live), ==, 6 * MINUTE);
}

static void
test_minutes (Fixture       *f,
              gconstpointer  data)
{
  ConveneLive *live = fixture_live (f);

  g_assert_false (convene_live_add_minutes (live, 1));
  f->clock.now = at (f, 12, 30);
  convene_live_start (live);
  g_assert_true (convene_live_add_minutes (live, 1));
  g_assert_true (convene_live_add_minutes (live, 1));
  g_assert_cmpint (convene_live_get_time_left (live), ==, 12 * MINUTE);
  g_assert_cmpint (convene_live_get_over (live), ==, 2 * MINUTE);
  assert_projected (live, 1, "12:42");
  g_assert_true (convene_live_add_minutes (live, -5));
  g_assert_cmpint (convene_live_get_time_left (live), ==, 7 * MINUTE);
  g_assert_cmpint (convene_live_get_over (live), ==, -3 * MINUTE);
  /* Taking more than it has leaves it at zero, running over from now. */
  g_assert_true (convene_live_add_minutes (live, -60));
  g_assert_cmpint (convene_live_get_allotted (live, 0), ==, 0);
  g_assert_false (convene_live_add_minutes (live, -1));
  f->clock.now += 30 * SECOND;
  g_assert_cmpint (convene_live_get_time_left (live), ==, -30 * SECOND);
}

/* A whole afternoon, second by second, in a few milliseconds. */
static void
test_whole_programme (Fixture       *f,
                      gconstpointer  data)
{
  ConveneLive *live = fixture_live (f);
  guint n = convene_live_get_n_steps (live);
  gint64 end;

  f->clock.now = at (f, 12, 30);
  convene_live_start (live);
  for (guint step = 0; step < n; step++)
    {
      /* Every step runs 30 seconds past its time, counted by a ticking
       * clock as the view would read it. */
      while (convene_live_get_time_left (live) > -30 * SECOND)
        f->clock.now += SECOND;
      g_assert_cmpint (convene_live_get_current (live), ==, (int) step);
      g_assert_cmpint (convene_live_get_over (live), ==, (gint64) (step + 1) * 30 * SECOND);
      g_assert_true (convene_live_next (live, CONVENE_LIVE_PUSH));
    }

  g_assert_true (convene_live_get_finished (live));
  g_assert_cmpint (convene_live_get_current (live), ==, -1);
  g_assert_false (convene_live_next (live, CONVENE_LIVE_PUSH));
  end = at (f, 14, 3) + n * 30 * SECOND;
  g_assert_cmpint (f->clock.now, ==, end);
  g_assert_cmpint (convene_live_get_projected_end (live), ==, end);
  /* Time passing after the end changes nothing. */
  f->clock.now += 60 * MINUTE;
  g_assert_cmpint (convene_live_get_over (live), ==, n * 30 * SECOND);
  g_assert_cmpint (convene_live_get_record (live, 8)->actual_end, ==, end);

  /* Back from the end: the closing continues. */
  g_assert_true (convene_live_back (live));
  g_assert_cmpint (convene_live_get_current (live), ==, 8);
  g_assert_false (convene_live_get_finished (live));
}

/* A session across midnight and a daylight-saving change in the venue's
 * zone: clock times follow the zone, durations stay real. */
static void
test_midnight_and_dst (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ConveneSession) session = convene_session_new (9, "Night", "2027-03-28", 1 * 60 + 30, 120);
  g_autoptr(ConveneLive) live = NULL;
  g_autoptr(GDateTime) start = g_date_time_new (f->tz, 2027, 3, 28, 1, 30, 0);

  fixture_add_segment (session, NULL, 20, CONVENE_SEGMENT_KIND_NETWORKING, "Before", 20);
  fixture_add_segment (session, NULL, 21, CONVENE_SEGMENT_KIND_NETWORKING, "Across", 20);
  live = convene_live_new (session, f->tz, test_clock_read, &f->clock, NULL);
  f->clock.now = g_date_time_to_unix (start) * G_USEC_PER_SEC;
  convene_live_start (live);
  f->clock.now += 25 * MINUTE;
  /* 01:50 + 5 min over: the next starts at 01:55 and ends at 03:15, the
   * clocks having gone forward at 02:00. */
  assert_projected (live, 1, "01:55");
  assert_clock (live, convene_live_get_projected_end (live), "03:15");
  assert_clock (live, convene_live_get_planned_end (live), "03:10");
  g_assert_cmpint (convene_live_get_over (live), ==, 5 * MINUTE);
}

static void
test_midnight (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ConveneSession) session = convene_session_new (9, "Late", "2027-05-24", 23 * 60 + 50, 30);
  g_autoptr(ConveneLive) live = NULL;
  ConveneSegment *pinned;

  fixture_add_segment (session, NULL, 20, CONVENE_SEGMENT_KIND_NETWORKING, "Toast", 15);
  pinned = fixture_add_segment (session, NULL, 21, CONVENE_SEGMENT_KIND_NETWORKING, "Fireworks", 10);
  /* 00:10 pins to the next day. */
  convene_segment_set_fixed_start (pinned, 10);
  live = convene_live_new (session, f->tz, test_clock_read, &f->clock, NULL);
  f->clock.now = at (f, 23, 50);
  convene_live_start (live);
  g_assert_cmpint (convene_live_get_projected_gap (live, 1), ==, 5 * MINUTE);
  f->clock.now += 22 * MINUTE;
  assert_projected (live, 1, "00:10");
  g_assert_cmpint (convene_live_get_projected_gap (live, 1), ==, -2 * MINUTE);
  assert_clock (live, convene_live_get_projected_end (live), "00:20");
}

static void
assert_same_state (ConveneLive *a,
                   ConveneLive *b)
{
  g_assert_cmpuint (convene_live_get_n_steps (a), ==, convene_live_get_n_steps (b));
  g_assert_cmpint (convene_live_get_current (a), ==, convene_live_get_current (b));
  g_assert_cmpint (convene_live_get_started (a), ==, convene_live_get_started (b));
  g_assert_cmpint (convene_live_get_finished (a), ==, convene_live_get_finished (b));
  g_assert_cmpint (convene_live_get_held (a), ==, convene_live_get_held (b));
  g_assert_cmpint (convene_live_get_elapsed (a), ==, convene_live_get_elapsed (b));
  g_assert_cmpint (convene_live_get_time_left (a), ==, convene_live_get_time_left (b));
  g_assert_cmpint (convene_live_get_projected_end (a), ==, convene_live_get_projected_end (b));
  for (guint i = 0; i < convene_live_get_n_steps (a); i++)
    {
      const ConveneLiveRecord *ra = convene_live_get_record (a, i);
      const ConveneLiveRecord *rb = convene_live_get_record (b, i);

      g_assert_cmpint (convene_segment_get_id (convene_live_get_step_segment (a, i)), ==,
                       convene_segment_get_id (convene_live_get_step_segment (b, i)));
      g_assert_cmpint (ra->actual_start, ==, rb->actual_start);
      g_assert_cmpint (ra->actual_end, ==, rb->actual_end);
      g_assert_cmpint (ra->paused, ==, rb->paused);
      g_assert_cmpint (ra->adjust, ==, rb->adjust);
      g_assert_cmpint (ra->absorbed, ==, rb->absorbed);
      g_assert_cmpint (convene_live_get_projected_start (a, i), ==, convene_live_get_projected_start (b, i));
    }
}

/* Records an operation the way the live view does: a command in the
 * document, so it is in the file the moment it happens. */
static void
record (ConveneDocument     *document,
        ConveneLive         *live,
        ConveneLiveAction    action,
        guint                step,
        int                  minutes,
        ConveneLiveRecovery  recovery)
{
  g_autoptr(GError) error = NULL;
  ConveneProject *project = convene_document_get_project (document);
  ConveneCommand *command = convene_live_record_new (live, convene_project_new_id (project),
                                                     action, step, minutes, recovery);

  g_assert_nonnull (command);
  g_assert_true (convene_document_perform (document, command, &error));
  g_assert_no_error (error);
}

/* A project file at file holding the fixture's session, opened;
 * *out_session is the document's session (borrowed). */
static ConveneDocument *
fixture_document (Fixture         *f,
                  GFile           *file,
                  ConveneSession **out_session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneSession) session = NULL;
  ConveneDocument *document;

  convene_project_set_time_zone (project, "Europe/Zurich");
  g_list_store_append (convene_project_get_sessions (project), f->session);
  for (gint64 id = 1; id < 20; id++)
    convene_project_note_id (project, id);
  document = convene_document_create (file, project, &error);
  g_assert_no_error (error);
  session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (convene_document_get_project (document))), 0);
  *out_session = session;
  return document;
}

/* The show is recorded as it runs; the program dies mid-session (the
 * document is dropped without ending anything) and, opened again, the
 * engine stands exactly where it stood. */
static void
test_record_and_resume (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("convene-live-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "day.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(ConveneDocument) reopened = NULL;
  g_autoptr(ConveneLive) live = NULL;
  g_autoptr(ConveneLive) resumed = NULL;
  ConveneSession *session;
  guint changes = 0;

  g_assert_no_error (error);
  document = fixture_document (f, file, &session);

  live = convene_live_new (session, f->tz, test_clock_read, &f->clock, NULL);
  g_signal_connect_swapped (live, "changed", G_CALLBACK (count_change), &changes);
  g_assert_null (convene_live_record_new (live, 99, CONVENE_LIVE_ACTION_NEXT, 0, 0, CONVENE_LIVE_PUSH));

  f->clock.now = at (f, 12, 31);
  record (document, live, CONVENE_LIVE_ACTION_START, 0, 0, CONVENE_LIVE_PUSH);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (convene_live_get_current (live), ==, 0);
  f->clock.now = at (f, 12, 44);
  record (document, live, CONVENE_LIVE_ACTION_NEXT, 0, 0, CONVENE_LIVE_ABSORB);
  f->clock.now = at (f, 12, 47);
  record (document, live, CONVENE_LIVE_ACTION_ADD, 0, 1, CONVENE_LIVE_PUSH);
  record (document, live, CONVENE_LIVE_ACTION_HOLD, 0, 0, CONVENE_LIVE_PUSH);
  f->clock.now = at (f, 12, 50);
  record (document, live, CONVENE_LIVE_ACTION_RESUME, 0, 0, CONVENE_LIVE_PUSH);
  f->clock.now = at (f, 12, 52);
  record (document, live, CONVENE_LIVE_ACTION_JUMP, 5, 0, CONVENE_LIVE_PUSH);
  f->clock.now = at (f, 12, 53);
  record (document, live, CONVENE_LIVE_ACTION_BACK, 0, 0, CONVENE_LIVE_PUSH);
  f->clock.now = at (f, 12, 55);
  record (document, live, CONVENE_LIVE_ACTION_HOLD, 0, 0, CONVENE_LIVE_PUSH);
  g_assert_cmpuint (changes, ==, 8);
  g_assert_cmpint (convene_live_get_current (live), ==, 1);
  g_assert_true (convene_live_get_held (live));
  g_assert_cmpint (convene_live_get_record (live, 1)->absorbed, ==, 3 * MINUTE);

  /* Undo takes the last recorded action back like any edit. */
  g_assert_true (convene_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_false (convene_live_get_held (live));
  g_assert_true (convene_document_redo (document, &error));
  g_assert_no_error (error);
  g_assert_true (convene_live_get_held (live));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_live_events (session))), ==, 8);

  /* Killed at 12:58, without ending the hold or the session. */
  f->clock.now = at (f, 12, 58);
  g_clear_object (&document);

  reopened = convene_document_open (file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (convene_document_get_project (reopened))), 0);
  g_object_unref (session);
  resumed = convene_live_new (session, f->tz, test_clock_read, &f->clock, NULL);
  assert_same_state (live, resumed);
  g_assert_true (convene_live_get_held (resumed));
  g_assert_cmpint (convene_live_get_record (resumed, 1)->actual_start, ==, at (f, 12, 44));

  /* ... and goes on from there. */
  f->clock.now = at (f, 13, 0);
  record (reopened, resumed, CONVENE_LIVE_ACTION_RESUME, 0, 0, CONVENE_LIVE_PUSH);
  /* Three minutes on hold before the jump, five now. */
  g_assert_cmpint (convene_live_get_record (resumed, 1)->paused, ==, 8 * MINUTE);
  g_clear_object (&reopened);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}


static gint64
sum_allotted (ConveneLive *live,
              guint        from)
{
  gint64 total = 0;

  for (guint i = from; i < convene_live_get_n_steps (live); i++)
    total += convene_live_get_allotted (live, i);
  return total;
}

static void
test_compress (Fixture       *f,
               gconstpointer  data)
{
  ConveneLive *live = fixture_live (f);
  g_autofree char *problem = NULL;

  f->clock.now = at (f, 12, 30);
  convene_live_start (live);
  /* Two minutes over: the 83 minutes still to run must fit into the 81
   * left before 14:03. */
  f->clock.now = at (f, 12, 42);
  g_assert_true (convene_live_check_compress (live, 1, &problem));
  g_assert_null (problem);
  g_assert_true (convene_live_next (live, CONVENE_LIVE_COMPRESS));
  g_assert_cmpint (sum_allotted (live, 1), ==, 81 * MINUTE);
  for (guint i = 1; i < convene_live_get_n_steps (live); i++)
    {
      gint64 allotted = convene_live_get_allotted (live, i);

      /* Shared out in whole minutes, nobody gaining. */
      g_assert_cmpint (allotted % MINUTE, ==, 0);
      g_assert_cmpint (allotted, <=, convene_live_get_allotted (live, i) + convene_live_get_record (live, i)->absorbed);
      g_assert_cmpint (convene_live_get_record (live, i)->absorbed, >=, 0);
    }
  /* The discussion, the longest, gives the most. */
  g_assert_cmpint (convene_live_get_record (live, 7)->absorbed, >=, convene_live_get_record (live, 1)->absorbed);
  assert_clock (live, convene_live_get_projected_end (live), "14:03");
  g_assert_cmpint (convene_live_get_over (live), ==, 0);

  /* Back undoes the compress with the transition. */
  g_assert_true (convene_live_back (live));
  for (guint i = 1; i < convene_live_get_n_steps (live); i++)
    g_assert_cmpint (convene_live_get_record (live, i)->absorbed, ==, 0);
  g_assert_cmpint (sum_allotted (live, 1), ==, 83 * MINUTE);

  /* Half a minute later, the rest is fitted to the whole minutes left:
   * it ends on time or less than a minute early. */
  f->clock.now = at (f, 12, 45) + 30 * SECOND;
  g_assert_true (convene_live_next (live, CONVENE_LIVE_COMPRESS));
  g_assert_cmpint (convene_live_get_over (live), <=, 0);
  g_assert_cmpint (convene_live_get_over (live), >, -MINUTE);
}

static void
test_compress_locks_and_pins (Fixture       *f,
                              gconstpointer  data)
{
  ConveneLive *live = fixture_live (f);
  ConveneSegment *discussion = convene_live_get_step_segment (live, 7);
  ConveneSegment *closing = convene_live_get_step_segment (live, 8);

  /* The discussion is locked and the closing pinned at 14:00, where it
   * is planned. */
  convene_segment_set_locked (discussion, TRUE);
  convene_segment_set_fixed_start (closing, 14 * 60);
  live = fixture_live (f);
  f->clock.now = at (f, 12, 30);
  convene_live_start (live);
  f->clock.now = at (f, 12, 44);
  g_assert_true (convene_live_next (live, CONVENE_LIVE_COMPRESS));

  /* The talks alone give the four minutes: the locked discussion and the
   * pinned closing keep their lengths, and the closing its time. */
  g_assert_cmpint (convene_live_get_allotted (live, 7), ==, 20 * MINUTE);
  g_assert_cmpint (convene_live_get_allotted (live, 8), ==, 3 * MINUTE);
  g_assert_cmpint (sum_allotted (live, 1) - 23 * MINUTE, ==, 56 * MINUTE);
  assert_projected (live, 7, "13:40");
  assert_projected (live, 8, "14:00");
  g_assert_cmpint (convene_live_get_projected_gap (live, 8), ==, 0);
  g_assert_cmpint (convene_live_get_over (live), ==, 0);
}

/* Records an action straight into the session's events, without a
 * document. */
static void
apply_record (ConveneLive         *live,
              ConveneLiveAction    action,
              ConveneLiveRecovery  recovery)
{
  g_autoptr(ConveneCommand) command = convene_live_record_new (live, 50, action, 0, 0, recovery);

  g_assert_nonnull (command);
  convene_command_apply (command);
}

static void
test_compress_impossible (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *problem = NULL;
  ConveneLive *live = fixture_live (f);
  g_autoptr(ConveneLiveEvent) event = NULL;

  /* Every talk at its minimum: only the discussion and closing can give. */
  for (guint i = 1; i <= 6; i++)
    convene_segment_set_min_length (convene_live_get_step_segment (live, i), 10);
  convene_segment_set_locked (convene_live_get_step_segment (live, 7), TRUE);
  convene_segment_set_locked (convene_live_get_step_segment (live, 8), TRUE);
  live = fixture_live (f);
  f->clock.now = at (f, 12, 30);
  convene_live_start (live);
  f->clock.now = at (f, 12, 45);

  /* A clear message, and nothing changes. */
  g_assert_false (convene_live_check_compress (live, 1, &problem));
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem, !=, "");
  g_test_message ("%s", problem);
  g_assert_false (convene_live_check_compress (live, 9, NULL));

  /* Compress then falls back to a push: the later steps keep their
   * lengths and the session ends five minutes late. */
  g_assert_true (convene_live_next (live, CONVENE_LIVE_COMPRESS));
  g_assert_cmpint (sum_allotted (live, 1), ==, 83 * MINUTE);
  g_assert_cmpint (convene_live_get_over (live), ==, 5 * MINUTE);
  g_assert_true (convene_live_back (live));

  /* ... and is recorded as the push it was. */
  f->clock.now = at (f, 12, 45);
  apply_record (live, CONVENE_LIVE_ACTION_NEXT, CONVENE_LIVE_COMPRESS);
  event = g_list_model_get_item (G_LIST_MODEL (convene_session_get_live_events (f->session)), 0);
  g_assert_cmpint (convene_live_event_get_recovery (event), ==, CONVENE_LIVE_PUSH);
  g_assert_cmpint (convene_live_event_get_minutes (event), ==, 0);
  g_assert_cmpint (convene_live_get_over (live), ==, 5 * MINUTE);
}

/* A compress is kept in the file as "absorb" with the minutes the rest was
 * fitted into, and replays as a compress. */
static void
test_compress_recorded (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("convene-live-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "day.convene", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(ConveneDocument) reopened = NULL;
  g_autoptr(ConveneLive) live = NULL;
  g_autoptr(ConveneLive) resumed = NULL;
  g_autoptr(ConveneLiveEvent) event = NULL;
  ConveneSession *session;

  g_assert_no_error (error);
  document = fixture_document (f, file, &session);
  live = convene_live_new (session, f->tz, test_clock_read, &f->clock, NULL);

  f->clock.now = at (f, 12, 30);
  record (document, live, CONVENE_LIVE_ACTION_START, 0, 0, CONVENE_LIVE_PUSH);
  f->clock.now = at (f, 12, 42);
  record (document, live, CONVENE_LIVE_ACTION_NEXT, 0, 0, CONVENE_LIVE_COMPRESS);
  g_assert_cmpint (convene_live_get_over (live), ==, 0);
  event = g_list_model_get_item (G_LIST_MODEL (convene_session_get_live_events (session)), 1);
  g_assert_cmpint (convene_live_event_get_recovery (event), ==, CONVENE_LIVE_COMPRESS);
  g_assert_cmpint (convene_live_event_get_minutes (event), ==, 81);
  g_assert_cmpstr (convene_live_event_get_kept_recovery (event), ==, "absorb");
  g_clear_object (&event);

  /* Undo takes the compress back with the transition. */
  g_assert_true (convene_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sum_allotted (live, 1), ==, 83 * MINUTE);
  g_assert_true (convene_document_redo (document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sum_allotted (live, 1), ==, 81 * MINUTE);
  g_clear_object (&document);

  reopened = convene_document_open (file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  session = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (convene_document_get_project (reopened))), 0);
  g_object_unref (session);
  event = g_list_model_get_item (G_LIST_MODEL (convene_session_get_live_events (session)), 1);
  g_assert_cmpint (convene_live_event_get_recovery (event), ==, CONVENE_LIVE_COMPRESS);
  resumed = convene_live_new (session, f->tz, test_clock_read, &f->clock, NULL);
  assert_same_state (live, resumed);
  g_clear_object (&reopened);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_format (void)
{
  static const struct { gint64 duration; const char *text; } cases[] = {
    { 0, "0:00" },
    { 10 * MINUTE, "10:00" },
    { 10 * MINUTE - 1, "10:00" },
    { 9 * MINUTE + 59 * SECOND, "9:59" },
    { -1, "0:00" },
    { -SECOND, "−0:01" },
    { -2 * MINUTE - 5 * SECOND, "−2:05" },
    { 75 * MINUTE, "1:15:00" },
    { -75 * MINUTE - SECOND, "−1:15:01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = convene_live_format_duration (cases[i].duration);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/live/steps", test_steps);
  ADD ("/live/push", test_push);
  ADD ("/live/absorb", test_absorb);
  ADD ("/live/pins", test_pins);
  ADD ("/live/pinned-panel", test_pinned_panel);
  ADD ("/live/hold", test_hold);
  ADD ("/live/back-and-jump", test_back_and_jump);
  ADD ("/live/minutes", test_minutes);
  ADD ("/live/start-elsewhere", test_start_elsewhere);
  ADD ("/live/back-after-hold", test_back_after_hold);
  ADD ("/live/whole-programme", test_whole_programme);
  ADD ("/live/midnight-and-dst", test_midnight_and_dst);
  ADD ("/live/midnight", test_midnight);
  ADD ("/live/record-and-resume", test_record_and_resume);
  ADD ("/live/compress", test_compress);
  ADD ("/live/compress-locks-and-pins", test_compress_locks_and_pins);
  ADD ("/live/compress-impossible", test_compress_impossible);
  ADD ("/live/compress-recorded", test_compress_recorded);
#undef ADD
  g_test_add_func ("/live/format", test_format);

  return g_test_run ();
}
