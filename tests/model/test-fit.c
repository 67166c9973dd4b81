#include "config.h"

#include <string.h>

#include "convene-fit.h"
#include "convene-limits.h"
#include "convene-schedule.h"
#include "convene-validate.h"

static ConveneSegment *
add_segment (ConveneSession     *session,
             ConveneSegment     *parent,
             gint64              id,
             ConveneSegmentKind  kind,
             const char         *title,
             guint               duration)
{
  g_autoptr(ConveneSegment) segment = convene_segment_new (id, kind, title, duration);
  GListStore *list = parent != NULL ? convene_segment_get_items (parent)
                                    : convene_session_get_segments (session);

  g_list_store_append (list, segment);
  return segment;
}

/* The example side event: 12:30, 90 minutes, 10 + a 60-minute panel of
 * six 10-minute talks (target 60) + 20 + 3 = 93. */
static ConveneSession *
make_side_event (ConveneSegment **out_panel)
{
  ConveneSession *session = convene_session_new (1, "Health and migration", "2027-05-24", 12 * 60 + 30, 90);
  ConveneSegment *panel;

  add_segment (session, NULL, 2, CONVENE_SEGMENT_KIND_OPENING, "Opening", 10);
  panel = add_segment (session, NULL, 3, CONVENE_SEGMENT_KIND_PANEL, "Panel", 60);
  convene_segment_set_has_target (panel, TRUE);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *title = g_strdup_printf ("Talk %u", i + 1);

      add_segment (session, panel, 10 + i, CONVENE_SEGMENT_KIND_PRESENTATION, title, 10);
    }
  add_segment (session, NULL, 4, CONVENE_SEGMENT_KIND_DISCUSSION, "Moderated discussion", 20);
  add_segment (session, NULL, 5, CONVENE_SEGMENT_KIND_CLOSING, "Closing remarks", 3);
  if (out_panel != NULL)
    *out_panel = panel;
  return session;
}

static ConveneSegment *
nth (GListStore *store,
     guint       i)
{
  g_autoptr(ConveneSegment) segment = g_list_model_get_item (G_LIST_MODEL (store), i);
  return segment; /* borrowed */
}

static void
apply_fit (ConveneFit *fit)
{
  g_autoptr(ConveneCommand) command = convene_fit_build_command (fit);

  g_assert_nonnull (command);
  convene_command_apply (command);
}

static int
planned (ConveneSession *session)
{
  g_autoptr(ConveneSchedule) schedule = convene_schedule_compute (session, NULL);
  return convene_schedule_get_end (schedule);
}

static void
test_example (void)
{
  ConveneSegment *panel;
  g_autoptr(ConveneSession) session = make_side_event (&panel);
  g_autoptr(ConveneFit) fit = NULL;
  g_autoptr(ConveneCommand) command = NULL;
  GListStore *segments = convene_session_get_segments (session);

  g_assert_cmpint (planned (session), ==, 93);
  fit = convene_fit_session (session, NULL);
  g_assert_true (convene_fit_is_possible (fit));
  g_assert_cmpint (convene_fit_get_old_total (fit), ==, 93);
  g_assert_cmpint (convene_fit_get_new_total (fit), ==, 90);
  g_assert_cmpint (convene_fit_get_target (fit), ==, 90);
  g_assert_cmpuint (convene_fit_get_step (fit), ==, 5);
  /* Rows: opening, panel, six talks, discussion, closing. */
  g_assert_cmpuint (convene_fit_get_n_rows (fit), ==, 10);
  g_assert_true (convene_fit_get_row (fit, 1)->holds_items);

  /* The proposal as a schedule, before anything changes. */
  {
    g_autoptr(ConveneSchedule) proposed = convene_fit_compute_schedule (fit, session, NULL);
    const ConveneScheduleEntry *closing = convene_schedule_lookup (proposed, nth (segments, 3));

    g_assert_cmpint (convene_schedule_get_end (proposed), ==, 90);
    g_assert_cmpint (closing->start, ==, 85);
    g_assert_cmpint (closing->end - closing->start, ==, 5);
    g_assert_cmpuint (convene_segment_get_duration (nth (segments, 2)), ==, 20);
    g_assert_cmpuint (convene_segment_get_duration (nth (segments, 3)), ==, 3);
    g_assert_cmpint (planned (session), ==, 93);
  }

  command = convene_fit_build_command (fit);
  convene_command_apply (command);
  g_assert_cmpuint (convene_segment_get_duration (nth (segments, 0)), ==, 10);
  g_assert_cmpuint (convene_segment_get_length (nth (segments, 1)), ==, 60);
  g_assert_cmpuint (convene_segment_get_duration (nth (segments, 2)), ==, 15);
  g_assert_cmpuint (convene_segment_get_duration (nth (segments, 3)), ==, 5);
  g_assert_cmpint (planned (session), ==, 90);
  g_assert_cmpstr (convene_command_get_label (command), ==, "Fit to Slot");

  /* One step back restores every length. */
  convene_command_revert (command);
  g_assert_cmpuint (convene_segment_get_duration (nth (segments, 2)), ==, 20);
  g_assert_cmpuint (convene_segment_get_duration (nth (segments, 3)), ==, 3);
  g_assert_cmpint (planned (session), ==, 93);
  convene_command_apply (command);
  g_assert_cmpint (planned (session), ==, 90);

  /* Fitted, it fits: nothing more to apply. */
  {
    g_autoptr(ConveneFit) again = convene_fit_session (session, NULL);

    g_assert_true (convene_fit_is_possible (again));
    g_assert_false (convene_fit_has_changes (again));
    g_assert_null (convene_fit_build_command (again));
  }
}

static void
test_priority (void)
{
  g_autoptr(ConveneSession) session = make_side_event (NULL);
  GListStore *segments = convene_session_get_segments (session);
  ConveneFitOptions options = { CONVENE_FIT_PRIORITY, 5, NULL, 0, NULL };
  g_autoptr(ConveneFit) fit = NULL;
  ConveneSegment *lunch;

  /* A break is the first to give time. */
  lunch = add_segment (session, NULL, 6, CONVENE_SEGMENT_KIND_BREAK, "Coffee", 30);
  convene_session_set_slot_minutes (session, 105);
  fit = convene_fit_session (session, &options);
  g_assert_true (convene_fit_is_possible (fit));
  apply_fit (fit);
  g_assert_cmpint (planned (session), ==, 105);
  /* 123 → 105: the closing goes on the step (5), the break gives 20. */
  g_assert_cmpuint (convene_segment_get_duration (lunch), ==, 10);
  g_assert_cmpuint (convene_segment_get_duration (nth (segments, 2)), ==, 20);
  g_assert_cmpuint (convene_segment_get_duration (nth (segments, 0)), ==, 10);

  /* An order the planner sets: closing remarks give first. */
  {
    static const ConveneSegmentKind order[] = { CONVENE_SEGMENT_KIND_OPENING };
    ConveneFitOptions mine = { CONVENE_FIT_PRIORITY, 5, order, 1, NULL };
    g_autoptr(ConveneFit) fit2 = NULL;

    convene_session_set_slot_minutes (session, 100);
    fit2 = convene_fit_session (session, &mine);
    apply_fit (fit2);
    g_assert_cmpuint (convene_segment_get_duration (nth (segments, 0)), ==, 5);
    g_assert_cmpint (planned (session), ==, 100);
  }
}

/* The planner's order as text (the command line's --priority and what a
 * project remembers): read back to the same order, every kind once. */
static void
test_priority_text (void)
{
  ConveneSegmentKind order[CONVENE_N_SEGMENT_KINDS];
  ConveneSegmentKind again[CONVENE_N_SEGMENT_KINDS];
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const ConveneSegmentKind *defaults;
  guint n_defaults;

  defaults = convene_fit_get_default_priority (&n_defaults);
  g_assert_cmpuint (n_defaults, ==, CONVENE_N_SEGMENT_KINDS);

  g_assert_true (convene_fit_parse_priority (" keynote , closing,,", order, &error));
  g_assert_no_error (error);
  g_assert_cmpint (order[0], ==, CONVENE_SEGMENT_KIND_KEYNOTE);
  g_assert_cmpint (order[1], ==, CONVENE_SEGMENT_KIND_CLOSING);
  /* The rest follow in the default order. */
  g_assert_cmpint (order[2], ==, defaults[0]);
  for (guint i = 0; i < CONVENE_N_SEGMENT_KINDS; i++)
    for (guint j = i + 1; j < CONVENE_N_SEGMENT_KINDS; j++)
      g_assert_cmpint (order[i], !=, order[j]);

  text = convene_fit_priority_to_string (order, CONVENE_N_SEGMENT_KINDS);
  g_assert_cmpstr (text, ==, "keynote,closing,break,networking,qa,discussion,custom,welcome,opening,panel,presentation");
  g_assert_true (convene_fit_parse_priority (text, again, &error));
  g_assert_cmpmem (again, sizeof again, order, sizeof order);

  g_assert_true (convene_fit_parse_priority ("", again, &error));
  g_assert_cmpmem (again, sizeof again, defaults, sizeof again);

  /* Refused, and out left as it was. */
  memcpy (again, order, sizeof order);
  g_assert_false (convene_fit_parse_priority ("break,lunch", again, &error));
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“lunch”"));
  g_clear_error (&error);
  g_assert_false (convene_fit_parse_priority ("break,qa,break", again, &error));
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TEXT);
  g_clear_error (&error);
  g_assert_false (convene_fit_parse_priority ("\xff", again, &error));
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TEXT);
  g_clear_error (&error);
  g_assert_cmpmem (again, sizeof again, order, sizeof order);

  /* The whole order, as the engine takes it: keynotes give first. */
  {
    g_autoptr(ConveneSession) session = make_side_event (NULL);
    GListStore *segments = convene_session_get_segments (session);
    ConveneFitOptions options = { CONVENE_FIT_PRIORITY, 5, order, CONVENE_N_SEGMENT_KINDS, NULL };
    g_autoptr(ConveneFit) fit = NULL;

    add_segment (session, NULL, 6, CONVENE_SEGMENT_KIND_KEYNOTE, "Keynote", 30);
    add_segment (session, NULL, 7, CONVENE_SEGMENT_KIND_BREAK, "Coffee", 30);
    convene_session_set_slot_minutes (session, 138);
    fit = convene_fit_session (session, &options);
    g_assert_true (convene_fit_is_possible (fit));
    apply_fit (fit);
    g_assert_cmpint (planned (session), ==, 138);
    /* 153 → 138: the keynote gives all 15, the break (first by default) none. */
    g_assert_cmpuint (convene_segment_get_duration (nth (segments, 4)), ==, 15);
    g_assert_cmpuint (convene_segment_get_duration (nth (segments, 5)), ==, 30);
    g_assert_cmpuint (convene_segment_get_duration (nth (segments, 2)), ==, 20);
  }
}

static void
test_panel_target (void)
{
  ConveneSegment *panel;
  g_autoptr(ConveneSession) session = make_side_event (&panel);
  g_autoptr(ConveneFit) fit = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *items = convene_segment_get_items (panel);

  convene_segment_set_duration (panel, 45);
  convene_segment_set_locked (nth (items, 0), TRUE);
  convene_segment_set_min_length (nth (items, 1), 10);
  fit = convene_fit_panel (session, panel, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (convene_fit_is_possible (fit));
  g_assert_cmpint (convene_fit_get_old_total (fit), ==, 60);
  g_assert_cmpint (convene_fit_get_target (fit), ==, 45);
  apply_fit (fit);
  g_assert_cmpuint (convene_segment_get_length (panel), ==, 45);
  g_assert_cmpuint (convene_segment_get_duration (nth (items, 0)), ==, 10);
  g_assert_cmpuint (convene_segment_get_duration (nth (items, 1)), ==, 10);
  for (guint i = 2; i < 6; i++)
    g_assert_cmpuint (convene_segment_get_duration (nth (items, i)) % 5, ==, 0);

  /* The discussion holds no items: nothing to fit to. */
  g_clear_pointer (&fit, convene_fit_unref);
  fit = convene_fit_panel (session, nth (convene_session_get_segments (session), 2), NULL, &error);
  g_assert_null (fit);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING);
}

static void
test_locks_and_pins (void)
{
  g_autoptr(ConveneSession) session = make_side_event (NULL);
  GListStore *segments = convene_session_get_segments (session);
  ConveneSegment *discussion = nth (segments, 2);
  ConveneSegment *closing = nth (segments, 3);
  g_autoptr(ConveneFit) fit = NULL;

  /* Discussion locked, closing pinned at 13:55 (85 min in): the opening
   * and the panel give the time, the pinned closing keeps its 3 minutes
   * and the stretch before it ends at the pin. */
  convene_segment_set_locked (discussion, TRUE);
  convene_segment_set_fixed_start (closing, 13 * 60 + 55);
  convene_session_set_slot_minutes (session, 88);
  fit = convene_fit_session (session, NULL);
  g_assert_true (convene_fit_is_possible (fit));
  apply_fit (fit);
  g_assert_cmpuint (convene_segment_get_duration (discussion), ==, 20);
  g_assert_cmpuint (convene_segment_get_duration (closing), ==, 3);
  g_assert_cmpuint (convene_segment_get_duration (nth (segments, 0)) +
                    convene_segment_get_length (nth (segments, 1)), ==, 65);
  g_assert_cmpint (planned (session), ==, 88);
}

static void
test_impossible (void)
{
  g_autoptr(ConveneSession) session = make_side_event (NULL);
  GListStore *segments = convene_session_get_segments (session);
  g_autoptr(ConveneFit) fit = NULL;
  const char *summary;

  /* Everything locked but the closing: 90 is out of reach by 0.. the
   * closing would need to be 0. */
  convene_segment_set_locked (nth (segments, 0), TRUE);
  convene_segment_set_locked (nth (segments, 1), TRUE);
  convene_segment_set_min_length (nth (segments, 2), 20);
  convene_session_set_slot_minutes (session, 85);
  fit = convene_fit_session (session, NULL);
  g_assert_false (convene_fit_is_possible (fit));
  g_assert_null (convene_fit_build_command (fit));
  summary = convene_fit_get_summary (fit);
  g_assert_nonnull (strstr (summary, "93 min, 8 min more than the 85 min"));
  g_assert_nonnull (strstr (summary, "“Opening” is locked at 10 min"));
  g_assert_nonnull (strstr (summary, "“Panel” is locked at 60 min"));
  g_assert_nonnull (strstr (summary, "“Moderated discussion” has a minimum of 20 min"));

  /* Too short: a maximum stops the stretch. */
  g_clear_pointer (&fit, convene_fit_unref);
  convene_segment_set_min_length (nth (segments, 2), 0);
  convene_segment_set_max_length (nth (segments, 2), 30);
  convene_segment_set_max_length (nth (segments, 3), 5);
  convene_session_set_slot_minutes (session, 120);
  fit = convene_fit_session (session, NULL);
  g_assert_false (convene_fit_is_possible (fit));
  summary = convene_fit_get_summary (fit);
  g_assert_nonnull (strstr (summary, "105 min, 15 min less than the 120 min"));
  g_assert_nonnull (strstr (summary, "“Moderated discussion” has a maximum of 30 min"));

  /* Off the step: locked 3 minutes can never join multiples of 5 at 90. */
  g_clear_pointer (&fit, convene_fit_unref);
  for (guint i = 0; i < 4; i++)
    {
      convene_segment_set_locked (nth (segments, i), FALSE);
      convene_segment_set_max_length (nth (segments, i), 0);
    }
  convene_segment_set_locked (nth (segments, 3), TRUE);
  convene_session_set_slot_minutes (session, 90);
  fit = convene_fit_session (session, NULL);
  g_assert_false (convene_fit_is_possible (fit));
  summary = convene_fit_get_summary (fit);
  g_assert_nonnull (strstr (summary, "rounded to 5 min"));
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, "The nearest is 88 min (2 min off)"));
  g_assert_nonnull (strstr (summary, "“Closing remarks” is locked at 3 min"));

  /* A step of 1 minute fits it. */
  {
    ConveneFitOptions options = { CONVENE_FIT_PROPORTIONAL, 1, NULL, 0, NULL };
    g_autoptr(ConveneFit) fine = convene_fit_session (session, &options);

    g_assert_true (convene_fit_is_possible (fine));
    apply_fit (fine);
    g_assert_cmpint (planned (session), ==, 90);
  }

  /* A pin too early for what comes before it. */
  {
    g_autoptr(ConveneFit) pinned = NULL;

    convene_segment_set_locked (nth (segments, 3), FALSE);
    convene_segment_set_locked (nth (segments, 1), TRUE);
    convene_segment_set_fixed_start (nth (segments, 2), 13 * 60 + 20); /* 50 min in */
    pinned = convene_fit_session (session, NULL);
    g_assert_false (convene_fit_is_possible (pinned));
    summary = convene_fit_get_summary (pinned);
    g_test_message ("%s", summary);
    g_assert_nonnull (strstr (summary, "The pinned start of “Moderated discussion” at 13:20 leaves 50 min before it."));
    g_assert_nonnull (strstr (summary, "“Panel” is locked at"));
  }
}

static void
test_selection_and_rest (void)
{
  g_autoptr(ConveneSession) session = make_side_event (NULL);
  GListStore *segments = convene_session_get_segments (session);
  g_autoptr(GPtrArray) selection = g_ptr_array_new ();
  ConveneFitOptions options = { CONVENE_FIT_PROPORTIONAL, 5, NULL, 0, selection };
  g_autoptr(ConveneFit) fit = NULL;
  g_autoptr(ConveneFit) rest = NULL;
  g_autoptr(GError) error = NULL;

  /* Only the panel's talks may change: the closing stays at 3. */
  g_ptr_array_add (selection, nth (segments, 1));
  convene_session_set_slot_minutes (session, 88);
  fit = convene_fit_session (session, &options);
  g_assert_true (convene_fit_is_possible (fit));
  apply_fit (fit);
  g_assert_cmpuint (convene_segment_get_duration (nth (segments, 0)), ==, 10);
  g_assert_cmpuint (convene_segment_get_length (nth (segments, 1)), ==, 55);
  g_assert_cmpuint (convene_segment_get_duration (nth (segments, 1)), ==, 55); /* the target follows */
  g_assert_cmpuint (convene_segment_get_duration (nth (segments, 2)), ==, 20);
  g_assert_cmpuint (convene_segment_get_duration (nth (segments, 3)), ==, 3);

  /* "Make the rest end at 14:00" from the discussion on: 90 minutes in,
   * the discussion starts at 65 and has 25 with the closing. */
  rest = convene_fit_rest (session, nth (segments, 2), 90, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (convene_fit_is_possible (rest));
  g_assert_cmpint (convene_fit_get_target (rest), ==, 25);
  g_assert_cmpuint (convene_fit_get_n_rows (rest), ==, 2);
  apply_fit (rest);
  g_assert_cmpuint (convene_segment_get_duration (nth (segments, 0)), ==, 10);
  g_assert_cmpuint (convene_segment_get_length (nth (segments, 1)), ==, 55);
  g_assert_cmpint (planned (session), ==, 90);

  /* An item cannot start "the rest". */
  g_clear_pointer (&rest, convene_fit_unref);
  rest = convene_fit_rest (session, nth (convene_segment_get_items (nth (segments, 1)), 0), 90, NULL, &error);
  g_assert_null (rest);
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND);
}

/* ---- Properties over generated sessions ----------------------------- */

typedef struct {
  ConveneFitUnit units[6];
  guint n;
  guint step;
  int target;
} Case;

static void
random_case (GRand *rand,
             Case  *c,
             guint  max_units)
{
  static const guint steps[] = { 1, 2, 3, 5, 5, 5, 10, 15 };

  c->n = (guint) g_rand_int_range (rand, 1, (gint32) max_units + 1);
  c->step = steps[g_rand_int_range (rand, 0, G_N_ELEMENTS (steps))];
  c->target = 0;
  for (guint i = 0; i < c->n; i++)
    {
      ConveneFitUnit *u = &c->units[i];

      u->length = (guint) g_rand_int_range (rand, 1, 41);
      u->min = g_rand_boolean (rand) ? (guint) g_rand_int_range (rand, 1, 25) : 0;
      u->max = g_rand_boolean (rand) ? (guint) g_rand_int_range (rand, MAX (u->min, 1), 61) : 0;
      u->fixed = g_rand_int_range (rand, 0, 5) == 0;
      u->rank = (guint) g_rand_int_range (rand, 0, 3);
      c->target += (int) u->length;
    }
  c->target += g_rand_int_range (rand, -40, 41);
  c->target = MAX (c->target, 0);
}

static gboolean
length_allowed (const ConveneFitUnit *u,
                guint                 step,
                int                   v)
{
  int lo = MAX ((int) u->min, 1);
  int hi = u->max > 0 ? (int) u->max : CONVENE_MAX_DURATION_MINUTES;

  if (v == (int) u->length)
    return TRUE;
  return !u->fixed && v % (int) step == 0 && v >= lo && v <= hi;
}

/* Every choice of lengths, for small cases: whether any reaches the
 * target, and the fewest off-step lengths such a choice changes. */
static void
brute_force (const Case *c,
             guint       i,
             int         sum,
             guint       off_changed,
             gboolean   *found,
             guint      *fewest)
{
  const ConveneFitUnit *u;
  int hi;

  if (i == c->n)
    {
      if (sum == c->target)
        {
          *found = TRUE;
          *fewest = MIN (*fewest, off_changed);
        }
      return;
    }
  u = &c->units[i];
  hi = u->max > 0 ? (int) u->max : 80;
  for (int v = 1; v <= MAX (hi, (int) u->length) && sum + v <= c->target; v++)
    if (length_allowed (u, c->step, v))
      brute_force (c, i + 1, sum + v, off_changed + (v != (int) u->length && u->length % c->step != 0),
                   found, fewest);
}

static guint
off_step_changes (const Case  *c,
                  const guint *lengths)
{
  guint n = 0;

  for (guint i = 0; i < c->n; i++)
    if (lengths[i] != c->units[i].length && c->units[i].length % c->step != 0)
      n++;
  return n;
}

static void
check_solution (const Case        *c,
                ConveneFitOutcome  outcome,
                const guint       *lengths)
{
  int sum = 0;

  g_assert_cmpint (outcome, ==, CONVENE_FIT_SOLVED);
  for (guint i = 0; i < c->n; i++)
    {
      const ConveneFitUnit *u = &c->units[i];

      g_assert_cmpuint (lengths[i], >=, 1);
      g_assert_true (length_allowed (u, c->step, (int) lengths[i]));
      if (u->fixed)
        g_assert_cmpuint (lengths[i], ==, u->length);
      sum += (int) lengths[i];
    }
  g_assert_cmpint (sum, ==, c->target);
}

static void
test_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261202);
  guint solved = 0, refused = 0;

  for (guint round = 0; round < 3000; round++)
    {
      Case c;
      guint lengths[6], again[6];
      ConveneFitStrategy strategy = round % 2 ? CONVENE_FIT_PRIORITY : CONVENE_FIT_PROPORTIONAL;
      ConveneFitOutcome outcome;
      gboolean found = FALSE;
      guint fewest = G_MAXUINT;
      int nearest = -1;

      random_case (rand, &c, 4);
      c.target = MIN (c.target, 100);
      outcome = convene_fit_solve (c.units, c.n, c.step, c.target, strategy, lengths, &nearest);
      brute_force (&c, 0, 0, 0, &found, &fewest);

      if (!found)
        {
          g_assert_cmpint (outcome, !=, CONVENE_FIT_SOLVED);
          g_assert_cmpint (nearest, !=, c.target);
          refused++;
          continue;
        }
      check_solution (&c, outcome, lengths);
      /* As few off-step lengths change as any fit can manage. */
      g_assert_cmpuint (off_step_changes (&c, lengths), ==, fewest);
      /* Deterministic. */
      g_assert_cmpint (convene_fit_solve (c.units, c.n, c.step, c.target, strategy, again, NULL), ==, outcome);
      g_assert_cmpmem (lengths, c.n * sizeof (guint), again, c.n * sizeof (guint));
      solved++;
    }
  /* The generator exercises both sides. */
  g_assert_cmpuint (solved, >, 500);
  g_assert_cmpuint (refused, >, 300);
}

static void
test_properties (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);

  for (guint round = 0; round < 5000; round++)
    {
      Case c;
      ConveneFitUnit big[40];
      guint lengths[40];
      guint n = (guint) g_rand_int_range (rand, 1, 41);
      int target = 0, sum = 0;
      ConveneFitOutcome outcome;

      for (guint i = 0; i < n; i++)
        {
          random_case (rand, &c, 1);
          big[i] = c.units[0];
          target += (int) big[i].length;
        }
      target = MAX (target + g_rand_int_range (rand, -60, 61), 0);
      c.step = (guint) g_rand_int_range (rand, 1, 16);
      outcome = convene_fit_solve (big, n, c.step, target,
                                   round % 2 ? CONVENE_FIT_PRIORITY : CONVENE_FIT_PROPORTIONAL,
                                   lengths, NULL);
      if (outcome != CONVENE_FIT_SOLVED)
        continue;
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpuint (lengths[i], >=, 1);
          g_assert_true (length_allowed (&big[i], c.step, (int) lengths[i]));
          sum += (int) lengths[i];
        }
      g_assert_cmpint (sum, ==, target);
    }
}

/* A long running order of off-step lengths: too many to count the changes,
 * still exact. 200 × 7 = 1,400 minutes into 1,000 at a 5-minute step. */
static void
test_many_off_step (void)
{
  ConveneFitUnit units[200];
  guint lengths[200];
  int sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    units[i] = (ConveneFitUnit) { .length = 7, .rank = i % 3 };
  g_assert_cmpint (convene_fit_solve (units, G_N_ELEMENTS (units), 5, 1000, CONVENE_FIT_PROPORTIONAL,
                                      lengths, NULL), ==, CONVENE_FIT_SOLVED);
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_assert_cmpuint (lengths[i] % 5, ==, 0);
      sum += (int) lengths[i];
    }
  g_assert_cmpint (sum, ==, 1000);
  /* No mix of 7s and multiples of 5 makes 1,001. */
  g_assert_cmpint (convene_fit_solve (units, G_N_ELEMENTS (units), 5, 1001, CONVENE_FIT_PROPORTIONAL,
                                      lengths, NULL), ==, CONVENE_FIT_OFF_STEP);
}

/* Whole sessions: the fitted schedule ends on the slot, pinned and locked
 * segments do not move. */
static void
test_sessions (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (90);
  guint fitted = 0;

  for (guint round = 0; round < 1000; round++)
    {
      g_autoptr(ConveneSession) session = convene_session_new (1, "S", "2027-01-01", 9 * 60,
                                                               (guint) g_rand_int_range (rand, 30, 241));
      g_autoptr(ConveneFit) fit = NULL;
      g_autoptr(GPtrArray) fixed = g_ptr_array_new ();
      g_autoptr(GArray) fixed_lengths = g_array_new (FALSE, FALSE, sizeof (guint));
      guint n = (guint) g_rand_int_range (rand, 1, 9);
      gint64 id = 2;

      for (guint i = 0; i < n; i++)
        {
          ConveneSegmentKind kind = (ConveneSegmentKind) g_rand_int_range (rand, 0, CONVENE_N_SEGMENT_KINDS);
          ConveneSegment *segment = add_segment (session, NULL, id++, kind, "x",
                                                 (guint) g_rand_int_range (rand, 1, 46));

          if (convene_segment_kind_holds_items (kind) && g_rand_boolean (rand))
            for (guint j = 0; j < 3; j++)
              add_segment (session, segment, id++, CONVENE_SEGMENT_KIND_PRESENTATION, "t",
                           (guint) g_rand_int_range (rand, 1, 21));
          if (g_rand_int_range (rand, 0, 6) == 0)
            convene_segment_set_locked (segment, TRUE);
          if (g_rand_int_range (rand, 0, 4) == 0)
            convene_segment_set_min_length (segment, (guint) g_rand_int_range (rand, 1, 20));
        }
      for (guint i = 0; i < n; i++)
        {
          ConveneSegment *segment = nth (convene_session_get_segments (session), i);
          guint length = convene_segment_get_length (segment);

          if (convene_segment_get_locked (segment))
            {
              g_ptr_array_add (fixed, segment);
              g_array_append_val (fixed_lengths, length);
            }
        }

      fit = convene_fit_session (session, NULL);
      if (!convene_fit_is_possible (fit))
        {
          g_assert_cmpstr (convene_fit_get_summary (fit), !=, "");
          continue;
        }
      if (convene_fit_has_changes (fit))
        apply_fit (fit);
      g_assert_cmpint (planned (session), ==, (int) convene_session_get_slot_minutes (session));
      for (guint i = 0; i < fixed->len; i++)
        g_assert_cmpuint (convene_segment_get_length (fixed->pdata[i]), ==,
                          g_array_index (fixed_lengths, guint, i));
      fitted++;
    }
  g_assert_cmpuint (fitted, >, 200);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fit/example", test_example);
  g_test_add_func ("/fit/priority", test_priority);
  g_test_add_func ("/fit/priority-text", test_priority_text);
  g_test_add_func ("/fit/panel-target", test_panel_target);
  g_test_add_func ("/fit/locks-and-pins", test_locks_and_pins);
  g_test_add_func ("/fit/impossible", test_impossible);
  g_test_add_func ("/fit/selection-and-rest", test_selection_and_rest);
  g_test_add_func ("/fit/brute-force", test_brute_force);
  g_test_add_func ("/fit/properties", test_properties);
  g_test_add_func ("/fit/sessions", test_sessions);
  g_test_add_func ("/fit/many-off-step", test_many_off_step);

  return g_test_run ();
}
