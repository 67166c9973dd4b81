#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "convene-fit.h"
#include "convene-limits.h"
#include "convene-validate.h"

static const ConveneSegmentKind default_priority[] = {
  CONVENE_SEGMENT_KIND_BREAK,
  CONVENE_SEGMENT_KIND_NETWORKING,
  CONVENE_SEGMENT_KIND_QA,
  CONVENE_SEGMENT_KIND_DISCUSSION,
  CONVENE_SEGMENT_KIND_CUSTOM,
  CONVENE_SEGMENT_KIND_WELCOME,
  CONVENE_SEGMENT_KIND_OPENING,
  CONVENE_SEGMENT_KIND_CLOSING,
  CONVENE_SEGMENT_KIND_PANEL,
  CONVENE_SEGMENT_KIND_PRESENTATION,
  CONVENE_SEGMENT_KIND_KEYNOTE,
};
G_STATIC_ASSERT (G_N_ELEMENTS (default_priority) == CONVENE_N_SEGMENT_KINDS);

const ConveneSegmentKind *
convene_fit_get_default_priority (guint *n_kinds)
{
  if (n_kinds != NULL)
    *n_kinds = G_N_ELEMENTS (default_priority);
  return default_priority;
}

gboolean
convene_fit_parse_priority (const char          *text,
                            ConveneSegmentKind   out[CONVENE_N_SEGMENT_KINDS],
                            GError             **error)
{
  ConveneSegmentKind order[CONVENE_N_SEGMENT_KINDS];
  gboolean listed[CONVENE_N_SEGMENT_KINDS] = { FALSE };
  g_auto(GStrv) names = NULL;
  guint n = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!convene_validate_text (text, -1, _("the priority order"), error))
    return FALSE;

  names = g_strsplit (text, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      ConveneSegmentKind kind;

      /* "a,,b" or a trailing comma: nothing between commas is nothing. */
      if (*name == '\0')
        continue;
      if (!convene_segment_kind_from_nick (name, &kind))
        {
          g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND,
                       /* Translators: %s is what was typed as a segment kind. */
                       _("“%s” is not a kind of segment. The kinds are break, networking, qa, "
                         "discussion, custom, welcome, opening, closing, panel, presentation "
                         "and keynote."), name);
          return FALSE;
        }
      if (listed[kind])
        {
          g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TEXT,
                       /* Translators: %s is a segment kind's name, such as “break”. */
                       _("“%s” is listed twice in the priority order."), name);
          return FALSE;
        }
      listed[kind] = TRUE;
      order[n++] = kind;
    }

  for (guint i = 0; i < G_N_ELEMENTS (default_priority); i++)
    if (!listed[default_priority[i]])
      order[n++] = default_priority[i];
  g_assert (n == CONVENE_N_SEGMENT_KINDS);

  memcpy (out, order, sizeof order);
  return TRUE;
}

char *
convene_fit_priority_to_string (const ConveneSegmentKind *order,
                                guint                     n)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (order != NULL || n == 0, NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, convene_segment_kind_to_nick (order[i]));
    }
  return g_string_free (text, FALSE);
}

/* ---- The solver ----------------------------------------------------- */

/* Past this many table cells (64 MiB) the solver stops counting changes. */
#define MAX_COUNTED_CELLS ((gsize) 16 << 20)

/* A unit's reachable lengths on the step: lo..hi by step; lo > hi when it
 * has none. */
typedef struct {
  int lo;
  int hi;
  gboolean changeable;
  gboolean on_grid;   /* its length now is one of them */
} Grid;

static Grid
unit_grid (const ConveneFitUnit *unit,
           int                   step)
{
  Grid grid = { 0 };
  int min = MAX ((int) unit->min, 1);
  int max = unit->max > 0 ? (int) unit->max : CONVENE_MAX_DURATION_MINUTES;

  grid.lo = (min + step - 1) / step * step;
  grid.hi = max / step * step;
  grid.changeable = !unit->fixed && grid.lo <= grid.hi;
  grid.on_grid = grid.changeable && (int) unit->length % step == 0 &&
                 (int) unit->length >= grid.lo && (int) unit->length <= grid.hi;
  return grid;
}

/* Shares amount steps among the units of idx (whose rooms in steps are
 * room[]) in proportion to their rooms, largest remainders first, ties to
 * the lower rank and then the earlier unit. Each share stays within its
 * room; amount is at most the sum of the rooms. */
static void
share_proportionally (const guint          *idx,
                      guint                 n,
                      const int            *room,
                      const ConveneFitUnit *units,
                      int                   amount,
                      int                  *share)
{
  gint64 total = 0;
  int given = 0;

  for (guint i = 0; i < n; i++)
    total += room[idx[i]];
  if (total == 0 || amount == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      share[idx[i]] = (int) ((gint64) amount * room[idx[i]] / total);
      given += share[idx[i]];
    }

  while (given < amount)
    {
      guint best = G_MAXUINT;
      gint64 best_rest = -1;

      for (guint i = 0; i < n; i++)
        {
          guint u = idx[i];
          gint64 rest = (gint64) amount * room[u] % total;

          if (share[u] >= room[u])
            continue;
          /* A unit that already got its extra step has rest < 0 here. */
          if (share[u] > (int) ((gint64) amount * room[u] / total))
            rest = -1;
          if (best == G_MAXUINT || rest > best_rest ||
              (rest == best_rest && units[u].rank < units[best].rank))
            {
              best = u;
              best_rest = rest;
            }
        }
      g_assert (best != G_MAXUINT);
      share[best]++;
      given++;
    }
}

static int
compare_rank (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const ConveneFitUnit *units = data;
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  if (units[ua].rank != units[ub].rank)
    return units[ua].rank < units[ub].rank ? -1 : 1;
  return ua < ub ? -1 : ua > ub;
}

ConveneFitOutcome
convene_fit_solve (const ConveneFitUnit *units,
                   guint                 n_units,
                   guint                 step_minutes,
                   int                   target,
                   ConveneFitStrategy    strategy,
                   guint                *out_lengths,
                   int                  *out_nearest)
{
  g_autofree Grid *grid = NULL;
  g_autofree guint *off = NULL;
  g_autofree int *value = NULL;
  g_autofree int *room = NULL;
  g_autofree int *share = NULL;
  g_autofree guint *idx = NULL;
  g_autofree gint32 *dp = NULL;
  int step = (int) MAX (step_minutes, 1);
  int rest = target, lo_on = 0, hi_on = 0, min_total = 0, max_total = 0;
  guint n_off = 0, n_counts, best_count = G_MAXUINT;
  gboolean count_changes;
  int best_a = -1, nearest_below = -1, nearest_above = G_MAXINT;
  gsize layer;

  g_return_val_if_fail (units != NULL || n_units == 0, CONVENE_FIT_TOO_SHORT);

  grid = g_new0 (Grid, MAX (n_units, 1));
  off = g_new0 (guint, MAX (n_units, 1));
  for (guint i = 0; i < n_units; i++)
    {
      int length = (int) units[i].length;

      grid[i] = unit_grid (&units[i], step);
      if (!grid[i].changeable)
        {
          rest -= length;
          min_total += length;
          max_total += length;
        }
      else if (grid[i].on_grid)
        {
          lo_on += grid[i].lo;
          hi_on += grid[i].hi;
          min_total += grid[i].lo;
          max_total += grid[i].hi;
        }
      else
        {
          off[n_off++] = i;
          min_total += MIN (length, grid[i].lo);
          max_total += MAX (length, grid[i].hi);
        }
    }

  if (min_total > target)
    {
      if (out_nearest != NULL)
        *out_nearest = min_total;
      return CONVENE_FIT_TOO_LONG;
    }
  if (max_total < target)
    {
      if (out_nearest != NULL)
        *out_nearest = max_total;
      return CONVENE_FIT_TOO_SHORT;
    }

  /* Which off-step lengths to change: dp[c][a] is the longest total the
   * units so far can reach when c of the off-step ones change and their
   * shortest total is a (the on-step ones counted at their shortest),
   * -1 when unreachable. Totals on the step from a to that longest are all
   * reachable, so a fit exists when a <= rest, a ≡ rest (mod step) and the
   * longest is >= rest. One table per unit lets the choice be read back;
   * fewest changes wins. Counting the changes squares the tables, so a
   * running order with hundreds of off-step lengths is fitted exactly
   * without that preference. */
  if (rest < lo_on)
    rest = -1;
  count_changes = (gsize) (n_off + 1) * (n_off + 1) * (gsize) (MAX (rest, 0) + 1) <= MAX_COUNTED_CELLS;
  n_counts = count_changes ? n_off + 1 : 1;
  layer = (gsize) n_counts * (gsize) (MAX (rest, 0) + 1);
  if (rest >= 0)
    {
      dp = g_new (gint32, layer * (n_off + 1));
      for (gsize i = 0; i < layer; i++)
        dp[i] = -1;
      dp[lo_on] = hi_on;
      for (guint k = 0; k < n_off; k++)
        {
          const gint32 *from = dp + layer * k;
          gint32 *to = dp + layer * (k + 1);
          const Grid *g = &grid[off[k]];
          int length = (int) units[off[k]].length;

          for (gsize i = 0; i < layer; i++)
            to[i] = -1;
          for (guint c = 0; c <= MIN (k, n_counts - 1); c++)
            for (int a = 0; a <= rest; a++)
              {
                gint32 b = from[(gsize) c * (rest + 1) + a];

                if (b < 0)
                  continue;
                if (a + length <= rest)
                  {
                    gint32 *cell = &to[(gsize) c * (rest + 1) + a + length];
                    *cell = MAX (*cell, b + length);
                  }
                if (a + g->lo <= rest)
                  {
                    gint32 *cell = &to[(gsize) (count_changes ? c + 1 : c) * (rest + 1) + a + g->lo];
                    *cell = MAX (*cell, b + g->hi);
                  }
              }
        }

      for (guint c = 0; c < n_counts; c++)
        for (int a = 0; a <= rest; a++)
          {
            gint32 b = dp[layer * n_off + (gsize) c * (rest + 1) + a];
            int below, above;

            if (b < 0)
              continue;
            /* The totals this state reaches nearest the target. */
            below = MIN (b, rest) - (MIN (b, rest) - a) % step;
            if (b >= rest)
              {
                above = a + (rest - a + step - 1) / step * step;
                if (above <= b)
                  nearest_above = MIN (nearest_above, above);
              }
            nearest_below = MAX (nearest_below, below);
            if (b >= rest && (rest - a) % step == 0 && best_count == G_MAXUINT)
              {
                best_count = c;
                best_a = a;
              }
          }
    }

  if (best_count == G_MAXUINT)
    {
      if (out_nearest != NULL)
        {
          /* Totals of the whole, not of what is left to share. */
          int fixed = target - MAX (rest, 0);

          if (rest < 0)
            *out_nearest = min_total;
          else if (nearest_below >= 0)
            *out_nearest = nearest_below + fixed;
          else
            *out_nearest = nearest_above != G_MAXINT ? nearest_above + fixed : min_total;
        }
      return CONVENE_FIT_OFF_STEP;
    }

  /* Read the choice back, last unit first. */
  value = g_new0 (int, MAX (n_units, 1));
  {
    guint c = best_count;
    int a = best_a;

    for (guint k = n_off; k > 0; k--)
      {
        const gint32 *from = dp + layer * (k - 1);
        const Grid *g = &grid[off[k - 1]];
        int length = (int) units[off[k - 1]].length;
        gint32 b = dp[layer * k + (gsize) c * (rest + 1) + a];

        if (a - length >= 0 && from[(gsize) c * (rest + 1) + a - length] >= 0 &&
            from[(gsize) c * (rest + 1) + a - length] + length == b)
          {
            value[off[k - 1]] = -1;   /* stays */
            a -= length;
          }
        else
          {
            guint before = count_changes ? c - 1 : c;

            g_assert ((!count_changes || c > 0) && a - g->lo >= 0);
            g_assert (from[(gsize) before * (rest + 1) + a - g->lo] + g->hi == b);
            value[off[k - 1]] = 1;    /* changes */
            a -= g->lo;
            c = before;
          }
      }
  }

  /* The units that move start from their length, or the nearest step
   * within their bounds for an off-step one; then the steps to win or give
   * are shared out. */
  room = g_new0 (int, MAX (n_units, 1));
  share = g_new0 (int, MAX (n_units, 1));
  idx = g_new0 (guint, MAX (n_units, 1));
  {
    int sum = 0, delta;
    guint n_moving = 0;

    for (guint i = 0; i < n_units; i++)
      {
        int length = (int) units[i].length;

        if (!grid[i].changeable)
          {
            out_lengths[i] = units[i].length;
            continue;
          }
        if (!grid[i].on_grid && value[i] < 0)
          {
            /* An off-step length that stays: rest still counts it. */
            out_lengths[i] = units[i].length;
            rest -= length;
            continue;
          }
        if (!grid[i].on_grid)
          length = CLAMP ((length + step / 2) / step * step, grid[i].lo, grid[i].hi);
        value[i] = length;
        sum += length;
        idx[n_moving++] = i;
      }

    delta = (rest - sum) / step;
    for (guint j = 0; j < n_moving; j++)
      {
        guint i = idx[j];

        room[i] = (delta < 0 ? value[i] - grid[i].lo : grid[i].hi - value[i]) / step;
      }

    if (strategy == CONVENE_FIT_PRIORITY)
      {
        int left = ABS (delta);

        g_qsort_with_data (idx, (int) n_moving, sizeof (guint), compare_rank, (gpointer) units);
        for (guint j = 0; j < n_moving && left > 0;)
          {
            guint end = j;
            int group_room = 0;

            while (end < n_moving && units[idx[end]].rank == units[idx[j]].rank)
              group_room += room[idx[end++]];
            share_proportionally (idx + j, end - j, room, units, MIN (left, group_room), share);
            left -= MIN (left, group_room);
            j = end;
          }
      }
    else
      share_proportionally (idx, n_moving, room, units, ABS (delta), share);

    for (guint j = 0; j < n_moving; j++)
      {
        guint i = idx[j];

        out_lengths[i] = (guint) (value[i] + (delta < 0 ? -share[i] : share[i]) * step);
      }
  }

  return CONVENE_FIT_SOLVED;
}

/* ---- Fitting a session ---------------------------------------------- */

struct _ConveneFit
{
  gatomicrefcount ref_count;

  GArray *rows;       /* ConveneFitRow, segments and parents referenced */
  GArray *units;      /* ConveneFitUnit per row (unused for rows holding items) */
  guint step;
  int target;
  int old_total;
  int new_total;
  gboolean possible;
  char *summary;
};

G_DEFINE_BOXED_TYPE (ConveneFit, convene_fit, convene_fit_ref, convene_fit_unref)

ConveneFit *
convene_fit_ref (ConveneFit *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
convene_fit_unref (ConveneFit *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      ConveneFitRow *row = &g_array_index (self->rows, ConveneFitRow, i);

      g_object_unref (row->segment);
      g_clear_object (&row->parent);
    }
  g_array_unref (self->rows);
  g_array_unref (self->units);
  g_free (self->summary);
  g_free (self);
}

typedef struct {
  ConveneFit *fit;
  const ConveneFitOptions *options;
  ConveneSession *session;
  GString *why;          /* the first reason no fit exists */
} Builder;

static guint
kind_rank (const ConveneFitOptions *options,
           ConveneSegmentKind       kind)
{
  const ConveneSegmentKind *order = options->kind_order;
  guint n = options->n_kind_order;

  if (order == NULL)
    order = convene_fit_get_default_priority (&n);
  for (guint i = 0; i < n; i++)
    if (order[i] == kind)
      return i;
  return n;
}

static gboolean
is_selected (const ConveneFitOptions *options,
             ConveneSegment          *segment,
             ConveneSegment          *parent)
{
  if (options->selection == NULL)
    return TRUE;
  return g_ptr_array_find (options->selection, segment, NULL) ||
         (parent != NULL && g_ptr_array_find (options->selection, parent, NULL));
}

static void
add_row (Builder        *b,
         ConveneSegment *segment,
         ConveneSegment *parent,
         gboolean        fixed)
{
  ConveneFitRow row = { 0 };
  ConveneFitUnit unit = { 0 };
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (segment)));

  row.segment = g_object_ref (segment);
  row.parent = parent != NULL ? g_object_ref (parent) : NULL;
  row.old_length = row.new_length = convene_segment_get_length (segment);
  row.holds_items = n_items > 0;
  row.fixed = fixed || convene_segment_get_locked (segment) ||
              !is_selected (b->options, segment, parent);

  unit.length = row.old_length;
  unit.min = convene_segment_get_min_length (segment);
  unit.max = convene_segment_get_max_length (segment);
  unit.fixed = row.fixed;
  unit.rank = kind_rank (b->options, convene_segment_get_kind (segment));

  g_array_append_val (b->fit->rows, row);
  g_array_append_val (b->fit->units, unit);

  /* A segment holding items changes through them; a locked or pinned one
   * holds them all still. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ConveneSegment) item =
        g_list_model_get_item (G_LIST_MODEL (convene_segment_get_items (segment)), i);

      add_row (b, item, segment, row.fixed && (fixed || convene_segment_get_locked (segment)));
    }
}

static ConveneFit *
fit_new (const ConveneFitOptions *options,
         ConveneSession          *session)
{
  ConveneFit *self = g_new0 (ConveneFit, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->rows = g_array_new (FALSE, TRUE, sizeof (ConveneFitRow));
  self->units = g_array_new (FALSE, TRUE, sizeof (ConveneFitUnit));
  self->step = options->step > 0 ? MIN (options->step, CONVENE_MAX_FIT_STEP)
                                 : convene_session_get_fit_step (session);
  self->possible = TRUE;
  return self;
}

static const char *
name_of (ConveneSegment *segment)
{
  const char *title = convene_segment_get_title (segment);

  return *title != '\0' ? title : convene_segment_kind_get_label (convene_segment_get_kind (segment));
}

static void
append_reason (GString    *list,
               const char *reason)
{
  if (list->len > 0)
    g_string_append (list, _("; "));
  g_string_append (list, reason);
}

/* Why rows first..end (leaves only) cannot go shorter (or longer). */
static char *
describe_holds (Builder  *b,
                guint     first,
                guint     end,
                gboolean  too_long,
                guint     max_named)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint named = 0, more = 0;

  for (guint i = first; i < end; i++)
    {
      const ConveneFitRow *row = &g_array_index (b->fit->rows, ConveneFitRow, i);
      g_autofree char *reason = NULL;

      /* A locked segment holding items is named once, for all of them. */
      if ((row->holds_items && !convene_segment_get_locked (row->segment)) ||
          (row->parent != NULL && convene_segment_get_locked (row->parent)))
        continue;

      if (row->fixed && convene_segment_get_locked (row->segment))
        /* Translators: a reason a fit fails, e.g. “Keynote” is locked at 30 min */
        reason = g_strdup_printf (_("“%s” is locked at %u min"), name_of (row->segment), row->old_length);
      else if (row->fixed && b->options->selection != NULL &&
               !is_selected (b->options, row->segment, row->parent))
        reason = g_strdup_printf (_("“%s” is not selected (%u min)"), name_of (row->segment), row->old_length);
      else if (too_long && convene_segment_get_min_length (row->segment) > 0)
        reason = g_strdup_printf (_("“%s” has a minimum of %u min"), name_of (row->segment),
                                  convene_segment_get_min_length (row->segment));
      else if (!too_long && convene_segment_get_max_length (row->segment) > 0)
        reason = g_strdup_printf (_("“%s” has a maximum of %u min"), name_of (row->segment),
                                  convene_segment_get_max_length (row->segment));
      if (reason == NULL)
        continue;
      if (named < max_named)
        {
          append_reason (list, reason);
          named++;
        }
      else
        more++;
    }

  if (more > 0)
    {
      g_autofree char *tail = g_strdup_printf (ngettext ("and %u more", "and %u more", more), more);
      append_reason (list, tail);
    }
  return list->len > 0 ? g_string_free (g_steal_pointer (&list), FALSE) : NULL;
}

/* Fits rows first..end (the leaves among them) to target minutes. */
static gboolean
fit_rows (Builder    *b,
          guint       first,
          guint       end,
          int         target,
          const char *pin_note)
{
  g_autofree ConveneFitUnit *units = NULL;
  g_autofree guint *lengths = NULL;
  g_autofree guint *map = NULL;
  ConveneFitOutcome outcome;
  guint n = 0;
  int nearest = 0, total = 0;
  g_autofree char *holds = NULL;
  g_autofree char *what = NULL;

  units = g_new0 (ConveneFitUnit, end - first + 1);
  lengths = g_new0 (guint, end - first + 1);
  map = g_new0 (guint, end - first + 1);
  for (guint i = first; i < end; i++)
    {
      const ConveneFitRow *row = &g_array_index (b->fit->rows, ConveneFitRow, i);

      if (row->holds_items)
        continue;
      units[n] = g_array_index (b->fit->units, ConveneFitUnit, i);
      total += (int) units[n].length;
      map[n++] = i;
    }

  if (target < 0)
    outcome = CONVENE_FIT_TOO_LONG, nearest = total;
  else
    outcome = convene_fit_solve (units, n, b->fit->step, target, b->options->strategy, lengths, &nearest);

  if (outcome == CONVENE_FIT_SOLVED)
    {
      for (guint j = 0; j < n; j++)
        {
          ConveneFitRow *row = &g_array_index (b->fit->rows, ConveneFitRow, map[j]);
          int lo = MAX ((int) units[j].min, 1);
          int hi = units[j].max > 0 ? (int) units[j].max : CONVENE_MAX_DURATION_MINUTES;

          row->new_length = lengths[j];
          /* Held by its own bound: another step would cross it. */
          row->at_minimum = !units[j].fixed && units[j].min > 0 &&
                            (int) row->new_length - (int) b->fit->step < lo;
          row->at_maximum = !units[j].fixed && units[j].max > 0 &&
                            (int) row->new_length + (int) b->fit->step > hi;
        }
      return TRUE;
    }

  b->fit->possible = FALSE;
  if (b->why->len > 0)
    return FALSE;

  holds = describe_holds (b, first, end, outcome != CONVENE_FIT_TOO_SHORT, 4);
  switch (outcome)
    {
    case CONVENE_FIT_TOO_LONG:
      what = g_strdup_printf (_("No fit: even at their shortest these segments take %d min, "
                                "%d min more than the %d min available."),
                              nearest, nearest - target, MAX (target, 0));
      break;
    case CONVENE_FIT_TOO_SHORT:
      what = g_strdup_printf (_("No fit: even at their longest these segments take %d min, "
                                "%d min less than the %d min to fill."),
                              nearest, target - nearest, target);
      break;
    case CONVENE_FIT_OFF_STEP:
    case CONVENE_FIT_SOLVED:
    default:
      what = g_strdup_printf (_("No fit lands exactly on %d min with lengths rounded to %u min: "
                                "the lengths that cannot change are not multiples of it. "
                                "The nearest is %d min (%d min off); a smaller step may fit."),
                              target, b->fit->step, nearest, ABS (nearest - target));
      break;
    }
  g_string_append (b->why, what);
  if (pin_note != NULL)
    g_string_append_printf (b->why, " %s", pin_note);
  if (holds != NULL)
    /* Translators: followed by a list such as “Keynote” is locked at 30 min; … */
    g_string_append_printf (b->why, " %s %s.", _("Holding it back:"), holds);
  return FALSE;
}

static int
pin_offset (ConveneSession *session,
            ConveneSegment *segment)
{
  int pinned = convene_segment_get_fixed_start (segment) - convene_session_get_start_time (session);

  if (pinned < 0)
    pinned += CONVENE_MINUTES_PER_DAY;
  return pinned;
}

/* Where each top-level segment ends, given the rows' old or new lengths,
 * from first_top starting at start; returns the latest end. */
static int
simulate_end (Builder  *b,
              int       start,
              gboolean  use_new)
{
  int cursor = start, latest = start;

  for (guint i = 0; i < b->fit->rows->len; i++)
    {
      const ConveneFitRow *row = &g_array_index (b->fit->rows, ConveneFitRow, i);

      if (row->parent != NULL)
        continue;
      if (convene_segment_get_fixed_start (row->segment) != CONVENE_NO_FIXED_START)
        cursor = pin_offset (b->session, row->segment);
      if (row->holds_items)
        {
          for (guint j = i + 1; j < b->fit->rows->len; j++)
            {
              const ConveneFitRow *item = &g_array_index (b->fit->rows, ConveneFitRow, j);

              if (item->parent != row->segment)
                break;
              cursor += (int) (use_new ? item->new_length : item->old_length);
            }
        }
      else
        cursor += (int) (use_new ? row->new_length : row->old_length);
      latest = MAX (latest, cursor);
    }
  return latest;
}

static void
refresh_group_rows (ConveneFit *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      ConveneFitRow *row = &g_array_index (self->rows, ConveneFitRow, i);

      if (!row->holds_items)
        continue;
      row->new_length = 0;
      for (guint j = i + 1; j < self->rows->len; j++)
        {
          const ConveneFitRow *item = &g_array_index (self->rows, ConveneFitRow, j);

          if (item->parent != row->segment)
            break;
          row->new_length += item->new_length;
        }
    }
}

static void
finish_summary (Builder *b)
{
  ConveneFit *self = b->fit;
  guint changed = 0;

  refresh_group_rows (self);
  if (!self->possible)
    {
      self->new_total = self->old_total;
      self->summary = g_string_free (g_steal_pointer (&b->why), FALSE);
      return;
    }
  g_string_free (g_steal_pointer (&b->why), TRUE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const ConveneFitRow *row = &g_array_index (self->rows, ConveneFitRow, i);

      if (!row->holds_items && row->new_length != row->old_length)
        changed++;
    }

  if (changed == 0)
    self->summary = g_strdup_printf (_("It already fits: %d min in %d min."), self->old_total, self->target);
  else
    self->summary = g_strdup_printf (ngettext ("%d min → %d min, to fill %d min exactly: %u length changes.",
                                               "%d min → %d min, to fill %d min exactly: %u lengths change.",
                                               changed),
                                     self->old_total, self->new_total, self->target, changed);
}

static const ConveneFitOptions default_options = { CONVENE_FIT_PROPORTIONAL, 0, NULL, 0, NULL };

/* Fits the top-level segments from index first on so the last ends at end
 * (minutes after the session start); the first starts at start. */
static ConveneFit *
fit_tops (ConveneSession          *session,
          guint                    first,
          int                      start,
          int                      end,
          const ConveneFitOptions *options)
{
  GListModel *segments = G_LIST_MODEL (convene_session_get_segments (session));
  guint n = g_list_model_get_n_items (segments);
  Builder b = { NULL, options, session, g_string_new (NULL) };
  g_autoptr(GArray) top_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  guint stretch_first = 0;
  int stretch_start = start;

  b.fit = fit_new (options, session);
  b.fit->target = end - start;

  for (guint i = first; i < n; i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);
      guint row = b.fit->rows->len;

      g_array_append_val (top_rows, row);
      add_row (&b, segment, NULL, convene_segment_get_fixed_start (segment) != CONVENE_NO_FIXED_START);
    }

  /* Stretches run from one pinned start to the next. */
  for (guint t = 0; t <= top_rows->len; t++)
    {
      gboolean last = t == top_rows->len;
      ConveneFitRow *row = last ? NULL : &g_array_index (b.fit->rows, ConveneFitRow,
                                                         g_array_index (top_rows, guint, t));
      gboolean pinned = row != NULL &&
                        convene_segment_get_fixed_start (row->segment) != CONVENE_NO_FIXED_START;
      guint stretch_end = last ? b.fit->rows->len : g_array_index (top_rows, guint, t);
      int limit;

      if (!last && (!pinned || t == 0))
        {
          if (pinned)
            stretch_start = pin_offset (session, row->segment);
          continue;
        }

      limit = last ? end : pin_offset (session, row->segment);
      if (last)
        {
          g_autofree char *note = NULL;
          const ConveneFitRow *head = top_rows->len > 0
            ? &g_array_index (b.fit->rows, ConveneFitRow, stretch_first) : NULL;

          if (head != NULL && convene_segment_get_fixed_start (head->segment) != CONVENE_NO_FIXED_START)
            {
              g_autofree char *clock = convene_format_time_of_day (convene_segment_get_fixed_start (head->segment));

              /* Translators: %s is a segment's title, then a time such as 14:00 */
              note = g_strdup_printf (_("The pinned start of “%s” at %s leaves %d min to the end."),
                                      name_of (head->segment), clock, limit - stretch_start);
            }
          fit_rows (&b, stretch_first, stretch_end, limit - stretch_start, note);
        }
      else
        {
          int taken = 0;

          for (guint i = stretch_first; i < stretch_end; i++)
            {
              const ConveneFitRow *r = &g_array_index (b.fit->rows, ConveneFitRow, i);

              if (!r->holds_items)
                taken += (int) r->old_length;
            }
          /* A gap before a pinned start is the planner's to keep; running
           * into it is not. */
          if (taken > limit - stretch_start)
            {
              g_autofree char *clock = convene_format_time_of_day (convene_segment_get_fixed_start (row->segment));
              g_autofree char *note =
                g_strdup_printf (_("The pinned start of “%s” at %s leaves %d min before it."),
                                 name_of (row->segment), clock, MAX (limit - stretch_start, 0));

              fit_rows (&b, stretch_first, stretch_end, limit - stretch_start, note);
            }
          stretch_start = limit;
        }
      stretch_first = stretch_end;
    }

  b.fit->old_total = simulate_end (&b, start, FALSE) - start;
  b.fit->new_total = simulate_end (&b, start, TRUE) - start;
  if (b.fit->possible && b.fit->new_total != b.fit->target && b.why->len == 0)
    {
      /* Only possible when a pinned segment itself ends past the end. */
      b.fit->possible = FALSE;
      g_string_append_printf (b.why, _("No fit: the pinned segments alone run %d min past the end."),
                              b.fit->new_total - b.fit->target);
    }
  finish_summary (&b);
  return b.fit;
}

ConveneFit *
convene_fit_session (ConveneSession          *session,
                     const ConveneFitOptions *options)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);

  return fit_tops (session, 0, 0, (int) convene_session_get_slot_minutes (session),
                   options != NULL ? options : &default_options);
}

ConveneFit *
convene_fit_rest (ConveneSession           *session,
                  ConveneSegment           *from,
                  int                       end_offset,
                  const ConveneFitOptions  *options,
                  GError                  **error)
{
  GListModel *segments;
  guint position;
  int start = 0;

  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);
  g_return_val_if_fail (CONVENE_IS_SEGMENT (from), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (end_offset < 0 || end_offset > 2 * CONVENE_MINUTES_PER_DAY)
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TIME,
                           _("The rest of a session must end within two days of the session’s start."));
      return NULL;
    }
  segments = G_LIST_MODEL (convene_session_get_segments (session));
  if (!g_list_store_find (convene_session_get_segments (session), from, &position))
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND,
                           _("Only a segment at the top level of this session can start the rest."));
      return NULL;
    }

  /* Where from starts now: the segments before it keep their lengths. */
  for (guint i = 0; i <= position; i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);

      if (convene_segment_get_fixed_start (segment) != CONVENE_NO_FIXED_START)
        start = pin_offset (session, segment);
      if (i < position)
        start += (int) convene_segment_get_length (segment);
    }

  return fit_tops (session, position, start, end_offset, options != NULL ? options : &default_options);
}

ConveneFit *
convene_fit_panel (ConveneSession           *session,
                   ConveneSegment           *panel,
                   const ConveneFitOptions  *options,
                   GError                  **error)
{
  ConveneSegment *parent = NULL;
  Builder b = { NULL, NULL, session, NULL };
  GListModel *items;
  guint n;

  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);
  g_return_val_if_fail (CONVENE_IS_SEGMENT (panel), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!convene_session_locate_segment (session, convene_segment_get_id (panel), NULL, NULL, &parent) ||
      parent != NULL)
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND,
                           _("This segment is not at the top level of the session."));
      return NULL;
    }
  items = G_LIST_MODEL (convene_segment_get_items (panel));
  n = g_list_model_get_n_items (items);
  if (n == 0 || !convene_segment_get_has_target (panel))
    {
      g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING,
                   _("“%s” has no items with a target length to fit; give it a target length first."),
                   name_of (panel));
      return NULL;
    }

  b.options = options != NULL ? options : &default_options;
  b.why = g_string_new (NULL);
  b.fit = fit_new (b.options, session);
  b.fit->target = (int) convene_segment_get_duration (panel);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSegment) item = g_list_model_get_item (items, i);

      add_row (&b, item, panel, convene_segment_get_locked (panel));
    }
  fit_rows (&b, 0, b.fit->rows->len, b.fit->target, NULL);
  b.fit->old_total = (int) convene_segment_get_length (panel);
  b.fit->new_total = 0;
  for (guint i = 0; i < b.fit->rows->len; i++)
    b.fit->new_total += (int) g_array_index (b.fit->rows, ConveneFitRow, i).new_length;
  finish_summary (&b);
  return b.fit;
}

gboolean
convene_fit_is_possible (ConveneFit *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->possible;
}

gboolean
convene_fit_has_changes (ConveneFit *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->possible)
    return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      const ConveneFitRow *row = &g_array_index (self->rows, ConveneFitRow, i);

      if (!row->holds_items && row->new_length != row->old_length)
        return TRUE;
    }
  return FALSE;
}

const char *
convene_fit_get_summary (ConveneFit *self)
{
  g_return_val_if_fail (self != NULL, "");
  return self->summary;
}

int
convene_fit_get_target (ConveneFit *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->target;
}

int
convene_fit_get_old_total (ConveneFit *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->old_total;
}

int
convene_fit_get_new_total (ConveneFit *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->new_total;
}

guint
convene_fit_get_step (ConveneFit *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->step;
}

guint
convene_fit_get_n_rows (ConveneFit *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

const ConveneFitRow *
convene_fit_get_row (ConveneFit *self,
                     guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return &g_array_index (self->rows, ConveneFitRow, index);
}

ConveneSchedule *
convene_fit_compute_schedule (ConveneFit     *self,
                              ConveneSession *session,
                              GTimeZone      *tz)
{
  g_autoptr(GHashTable) lengths = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);

  for (guint i = 0; self->possible && i < self->rows->len; i++)
    {
      const ConveneFitRow *row = &g_array_index (self->rows, ConveneFitRow, i);

      /* A segment holding items lasts what they take: its items carry it. */
      if (!row->holds_items && row->new_length != row->old_length)
        g_hash_table_insert (lengths, row->segment, GUINT_TO_POINTER (row->new_length + 1));
    }
  return convene_schedule_compute_with_lengths (session, tz, lengths);
}

ConveneCommand *
convene_fit_build_command (ConveneFit *self)
{
  g_autoptr(ConveneCommand) group = NULL;
  const char *label = _("Fit to Slot");

  g_return_val_if_fail (self != NULL, NULL);

  if (!convene_fit_has_changes (self))
    return NULL;

  group = convene_command_group_new (label);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const ConveneFitRow *row = &g_array_index (self->rows, ConveneFitRow, i);

      if (row->holds_items)
        {
          /* The target follows the items the fit changed. */
          if (convene_segment_get_has_target (row->segment) && row->new_length != row->old_length)
            convene_command_group_add (group, convene_command_set_int_new (label, row->segment, "duration",
                                                                           row->new_length));
          continue;
        }
      if (row->new_length != row->old_length)
        convene_command_group_add (group, convene_command_set_int_new (label, row->segment, "duration",
                                                                       row->new_length));
    }
  return g_steal_pointer (&group);
}
