#define G_LOG_DOMAIN "convene-live-view"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-clock.h"
#include "convene-live-view.h"
#include "convene-presenter-window.h"
#include "convene-ui-util.h"

struct _ConveneLiveView
{
  AdwWindow parent_instance;

  /* owned by the widget tree */
  AdwWindowTitle  *title;
  AdwToastOverlay *overlay;
  GtkStack        *stack;
  GtkLabel        *state_label;
  GtkLabel        *current_label;
  GtkLabel        *panel_label;
  GtkLabel        *left_label;
  GtkLabel        *elapsed_label;
  GtkLabel        *clock_label;
  GtkLabel        *over_label;
  GtkLabel        *end_label;
  GtkLabel        *next_label;
  GtkLabel        *next_people_label;
  GtkListView     *steps_view;
  GtkGrid         *report_grid;

  /* owned */
  ConveneDocument *document;
  ConveneSession  *session;
  ConveneLive     *live;
  GListStore      *steps;       /* the steps' ConveneSegments, in order */
  GPtrArray       *rows;        /* the bound rows' boxes (borrowed) */
  ConveneLiveClock clock;
  gpointer         clock_data;
  gulong           document_handler;
  gulong           live_handler;
  guint            tick_id;
  GtkWidget       *choice;      /* the recovery question while it is open (weak) */
  GtkWidget       *presenter;   /* the stage's window while it is open */
  GtkMenuButton   *message_button;
  GtkEditable     *message_entry;
  GtkLabel        *message_status;
};

G_DEFINE_FINAL_TYPE (ConveneLiveView, convene_live_view, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
use_12h (void)
{
  return convene_clock_get_use_12h (convene_clock_get_default ());
}

static char *
format_clock (ConveneLiveView *self,
              gint64           instant)
{
  return convene_live_format_clock (self->live, instant, use_12h ());
}

/* "+2:05" / "−1:00" / "0:00": a difference, signed. */
static char *
format_difference (gint64 difference)
{
  g_autofree char *text = convene_live_format_duration (difference);

  if (difference >= G_USEC_PER_SEC)
    return g_strconcat ("+", text, NULL);
  return g_steal_pointer (&text);
}

/* The step a row of the list shows: its position. */
static guint
row_step (GtkWidget *row)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "convene-step"));
}

static void
set_strike (GtkLabel *label,
            gboolean  strike)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  if (strike)
    pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

/* One segment's row: planned start (struck through when it moved),
 * projected start, title, and what is happening to it. */
static void
refresh_row (ConveneLiveView *self,
             GtkWidget       *row)
{
  ConveneLive *live = self->live;
  guint step = row_step (row);
  GtkWidget *planned = gtk_widget_get_first_child (row);
  GtkWidget *projected = gtk_widget_get_next_sibling (planned);
  GtkWidget *title = gtk_widget_get_next_sibling (projected);
  GtkWidget *note = gtk_widget_get_next_sibling (title);
  gint64 planned_start, projected_start, gap;
  g_autofree char *planned_text = NULL;
  g_autofree char *projected_text = NULL;
  g_autofree char *note_text = NULL;
  g_autofree char *accessible = NULL;
  const ConveneLiveRecord *record;
  int current = convene_live_get_current (live);
  gboolean moved;

  if (step >= convene_live_get_n_steps (live))
    return;

  record = convene_live_get_record (live, step);
  planned_start = convene_live_get_planned_start (live, step);
  projected_start = convene_live_get_projected_start (live, step);
  gap = convene_live_get_projected_gap (live, step);
  /* Compared to the minute shown. */
  moved = projected_start / CONVENE_LIVE_MINUTE != planned_start / CONVENE_LIVE_MINUTE;
  planned_text = format_clock (self, planned_start);
  projected_text = projected_start != 0 ? format_clock (self, projected_start) : g_strdup ("");

  gtk_label_set_text (GTK_LABEL (planned), planned_text);
  set_strike (GTK_LABEL (planned), moved && projected_start != 0);
  gtk_label_set_text (GTK_LABEL (projected), moved ? projected_text : "");
  convene_ui_label_set_user_text (GTK_LABEL (title),
                                  convene_segment_get_title (convene_live_get_step_segment (live, step)));

  if ((int) step == current)
    note_text = g_strdup (convene_live_get_held (live) ? _("on hold") : _("now"));
  else if (record->actual_end != 0)
    note_text = g_strdup (_("done"));
  else if (convene_live_get_step_pinned (live, step) && gap > 0)
    {
      g_autofree char *amount = convene_live_format_duration (gap);

      /* Translators: the time left free before a segment pinned to a clock time. */
      note_text = g_strdup_printf (_("pinned, %s gap"), amount);
    }
  else if (convene_live_get_step_pinned (live, step) && gap < 0)
    {
      g_autofree char *amount = convene_live_format_duration (-gap);

      /* Translators: how far the segment before overlaps a pinned one. */
      note_text = g_strdup_printf (_("pinned, %s overlap"), amount);
    }
  else if (convene_live_get_step_pinned (live, step))
    note_text = g_strdup (_("pinned"));
  else
    note_text = g_strdup ("");
  gtk_label_set_text (GTK_LABEL (note), note_text);
  if (convene_live_get_step_pinned (live, step) && gap < 0 && record->actual_start == 0)
    gtk_widget_add_css_class (note, "error");
  else
    gtk_widget_remove_css_class (note, "error");
  if ((int) step == current)
    gtk_widget_add_css_class (title, "heading");
  else
    gtk_widget_remove_css_class (title, "heading");

  if (moved && projected_start != 0)
    /* Translators: a segment's row read aloud: title, planned and projected start, note. */
    accessible = g_strdup_printf (_("%s, planned %s, now %s, %s"),
                                  convene_segment_get_title (convene_live_get_step_segment (live, step)),
                                  planned_text, projected_text, note_text);
  else
    /* Translators: a segment's row read aloud: title, planned start, note. */
    accessible = g_strdup_printf (_("%s, at %s, %s"),
                                  convene_segment_get_title (convene_live_get_step_segment (live, step)),
                                  planned_text, note_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
set_duration_label (GtkLabel *label,
                    gint64    duration)
{
  g_autofree char *text = convene_live_format_duration (duration);

  gtk_label_set_text (label, text);
}

static void
clear_report (ConveneLiveView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->report_grid))) != NULL)
    gtk_grid_remove (self->report_grid, child);
}

static void
report_cell (ConveneLiveView *self,
             const char      *text,
             int              column,
             int              row,
             gboolean         heading)
{
  GtkWidget *label = gtk_label_new (NULL);

  convene_ui_label_set_user_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_label_set_wrap (GTK_LABEL (label), column == 0);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (column == 0)
    gtk_widget_set_hexpand (label, TRUE);
  else
    gtk_widget_add_css_class (label, "numeric");
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->report_grid, label, column, row, 1, 1);
}

/* Planned against actual, per segment and in total. */
static void
build_report (ConveneLiveView *self)
{
  ConveneLive *live = self->live;
  guint n = convene_live_get_n_steps (live);
  gint64 planned_total = 0, actual_total = 0, difference_total = 0, skipped_total = 0;
  guint skipped = 0;
  gint64 first = 0, last = 0;
  int row = 1;

  clear_report (self);
  report_cell (self, _("Segment"), 0, 0, TRUE);
  report_cell (self, _("Planned"), 1, 0, TRUE);
  report_cell (self, _("Actual"), 2, 0, TRUE);
  report_cell (self, _("Difference"), 3, 0, TRUE);

  for (guint i = 0; i < n; i++, row++)
    {
      const ConveneLiveRecord *record = convene_live_get_record (live, i);
      ConveneSegment *segment = convene_live_get_step_segment (live, i);
      ConveneSegment *panel = convene_live_get_step_panel (live, i);
      gint64 planned = convene_live_get_planned_length (live, i);
      g_autofree char *title = NULL;
      g_autofree char *planned_text = NULL;

      planned_total += planned;
      title = panel != NULL
        /* Translators: an item of a panel in the planned-against-actual table, "Panel: Talk 1". */
        ? g_strdup_printf (_("%s: %s"), convene_segment_get_title (panel), convene_segment_get_title (segment))
        : g_strdup (convene_segment_get_title (segment));
      planned_text = convene_live_format_duration (planned);
      report_cell (self, title, 0, row, FALSE);
      report_cell (self, planned_text, 1, row, FALSE);
      if (record->actual_start != 0 && record->actual_end != 0)
        {
          gint64 actual = record->actual_end - record->actual_start;
          g_autofree char *actual_text = convene_live_format_duration (actual);
          g_autofree char *difference = format_difference (actual - planned);

          actual_total += actual;
          difference_total += actual - planned;
          first = first == 0 ? record->actual_start : MIN (first, record->actual_start);
          last = MAX (last, record->actual_end);
          report_cell (self, actual_text, 2, row, FALSE);
          report_cell (self, difference, 3, row, FALSE);
        }
      else
        {
          skipped++;
          skipped_total += planned;
          /* Translators: a segment that did not run, in the actual column. */
          report_cell (self, C_("live", "skipped"), 2, row, FALSE);
          report_cell (self, "", 3, row, FALSE);
        }
    }

  {
    g_autofree char *planned_text = convene_live_format_duration (planned_total);
    g_autofree char *actual_text = convene_live_format_duration (actual_total);
    /* The segments that ran against their plan: a skipped one is not
     * time won. */
    g_autofree char *difference = format_difference (difference_total);

    report_cell (self, _("Total"), 0, row, TRUE);
    report_cell (self, planned_text, 1, row, TRUE);
    report_cell (self, actual_text, 2, row, TRUE);
    report_cell (self, difference, 3, row, TRUE);
    row++;
  }
  if (first != 0)
    {
      g_autofree char *planned_start = format_clock (self, convene_live_get_planned_start (live, 0));
      g_autofree char *planned_end = format_clock (self, convene_live_get_planned_end (live));
      g_autofree char *actual_start = format_clock (self, first);
      g_autofree char *actual_end = format_clock (self, last);
      /* Translators: the session's real times against the plan, "Ran 12:31 to 14:06; planned 12:30 to 14:03." */
      g_autofree char *text = g_strdup_printf (_("Ran %s to %s; planned %s to %s."),
                                               actual_start, actual_end, planned_start, planned_end);
      GtkWidget *label;

      if (skipped > 0)
        {
          g_autofree char *length = convene_live_format_duration (skipped_total);
          /* Translators: after the real times, "2 segments (50:00 planned) did not run." */
          g_autofree char *note = g_strdup_printf (ngettext ("%u segment (%s planned) did not run.",
                                                             "%u segments (%s planned) did not run.",
                                                             skipped),
                                                   skipped, length);
          g_autofree char *both = g_strconcat (text, " ", note, NULL);

          g_free (text);
          text = g_steal_pointer (&both);
        }
      label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 12);
      gtk_grid_attach (self->report_grid, label, 0, row, 4, 1);
    }
}

/* When the day at the venue is now expected to end, in *end: the latest end
 * of the sessions on this session's date, each as its own live record
 * projects it (its plan, when it has not run), this one as it runs. FALSE
 * when no other session shares the date. */
static gboolean
projected_day_end (ConveneLiveView *self,
                   gint64          *end)
{
  ConveneProject *project = convene_document_get_project (self->document);
  GListModel *sessions = G_LIST_MODEL (convene_project_get_sessions (project));
  const char *date = convene_session_get_date (self->session);
  g_autoptr(GTimeZone) tz = NULL;
  gboolean others = FALSE;

  *end = convene_live_get_projected_end (self->live);
  if (*date == '\0')
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(ConveneLive) live = NULL;

      if (session == self->session || g_strcmp0 (convene_session_get_date (session), date) != 0)
        continue;
      if (tz == NULL)
        tz = convene_project_dup_gtime_zone (project);
      live = convene_live_new (session, tz, self->clock, self->clock_data, NULL);
      *end = MAX (*end, convene_live_get_projected_end (live));
      others = TRUE;
    }
  return others;
}

static void
refresh (ConveneLiveView *self)
{
  ConveneLive *live = self->live;
  guint n = convene_live_get_n_steps (live);
  int current = convene_live_get_current (live);
  gint64 now = convene_live_now (live);
  gint64 left = convene_live_get_time_left (live);
  gint64 over = convene_live_get_over (live);
  g_autofree char *clock = format_clock (self, now);
  g_autofree char *clock_text = NULL;
  g_autofree char *end = format_clock (self, convene_live_get_projected_end (live));
  g_autofree char *end_text = NULL;
  g_autofree char *over_text = NULL;
  gint64 day_end;
  int next;

  if (convene_live_get_finished (live))
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "report") != 0)
        {
          build_report (self);
          gtk_stack_set_visible_child_name (self->stack, "report");
        }
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "running");

  if (n == 0)
    gtk_label_set_text (self->state_label, _("This session has no segments to run."));
  else if (!convene_live_get_started (live))
    gtk_label_set_text (self->state_label, _("Not started. Press Space to start."));
  else if (convene_live_get_held (live))
    gtk_label_set_text (self->state_label, _("On hold. Press H to resume."));
  else if (convene_live_get_needs_choice (live))
    gtk_label_set_text (self->state_label, _("Running over. Press Space to choose how the rest takes it."));
  else
    gtk_label_set_text (self->state_label, _("Running. Press Space for the next segment."));

  if (current >= 0)
    {
      ConveneSegment *panel = convene_live_get_step_panel (live, current);

      convene_ui_label_set_user_text (self->current_label,
                                      convene_segment_get_title (convene_live_get_step_segment (live, current)));
      if (panel != NULL)
        {
          /* Translators: the panel the running segment is part of. */
          g_autofree char *text = g_strdup_printf (_("Part of “%s”"), convene_segment_get_title (panel));

          convene_ui_label_set_user_text (self->panel_label, text);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->panel_label), panel != NULL);
    }
  else
    {
      gtk_label_set_text (self->current_label, _("Not started"));
      gtk_widget_set_visible (GTK_WIDGET (self->panel_label), FALSE);
    }

  set_duration_label (self->left_label, left);
  if (left < 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->left_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->left_label), "error");
  set_duration_label (self->elapsed_label, convene_live_get_elapsed (live));

  /* Translators: the clock time at the venue now. */
  clock_text = g_strdup_printf (_("Venue time %s"), clock);
  gtk_label_set_text (self->clock_label, clock_text);

  if (over >= G_USEC_PER_SEC)
    {
      g_autofree char *amount = convene_live_format_duration (over);

      over_text = g_strdup_printf (_("Running %s over"), amount);
      gtk_widget_add_css_class (GTK_WIDGET (self->over_label), "error");
    }
  else
    {
      g_autofree char *amount = convene_live_format_duration (-over);

      over_text = over <= -G_USEC_PER_SEC ? g_strdup_printf (_("Running %s under"), amount)
                                          : g_strdup (_("On time"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->over_label), "error");
    }
  gtk_label_set_text (self->over_label, over_text);
  if (projected_day_end (self, &day_end))
    {
      g_autofree char *day = format_clock (self, day_end);

      /* Translators: when the session, then the day (the last session on
       * its date), is now expected to end. */
      end_text = g_strdup_printf (_("Projected end %s · day %s"), end, day);
    }
  else
    /* Translators: when the session is now expected to end. */
    end_text = g_strdup_printf (_("Projected end %s"), end);
  gtk_label_set_text (self->end_label, end_text);

  next = convene_live_get_started (live) ? current + 1 : 0;
  if (next >= 0 && (guint) next < n)
    {
      ConveneSegment *segment = convene_live_get_step_segment (live, next);
      g_autofree char *people = convene_ui_describe_people (self->document, segment, TRUE);

      convene_ui_label_set_user_text (self->next_label, convene_segment_get_title (segment));
      convene_ui_label_set_user_text (self->next_people_label, people);
      gtk_widget_set_visible (GTK_WIDGET (self->next_people_label), people[0] != '\0');
    }
  else
    {
      gtk_label_set_text (self->next_label, convene_live_get_started (live) ? _("The end of the session") : "");
      gtk_widget_set_visible (GTK_WIDGET (self->next_people_label), FALSE);
    }

  for (guint i = 0; i < self->rows->len; i++)
    refresh_row (self, g_ptr_array_index (self->rows, i));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "live.back",
                                 convene_live_can (live, CONVENE_LIVE_ACTION_BACK, 0, 0));
}

static void schedule_tick (ConveneLiveView *self);

static gboolean
tick (gpointer data)
{
  ConveneLiveView *self = data;

  self->tick_id = 0;
  refresh (self);
  schedule_tick (self);
  return G_SOURCE_REMOVE;
}

/* Once a second, just after the second turns on the engine's clock, so the
 * time left changes when a wall clock's seconds do. */
static void
schedule_tick (ConveneLiveView *self)
{
  gint64 now = convene_live_now (self->live);
  gint64 into = now % G_USEC_PER_SEC;
  guint delay;

  if (into < 0)
    into += G_USEC_PER_SEC;
  delay = (guint) ((G_USEC_PER_SEC - into) / 1000) + 1;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  self->tick_id = g_timeout_add (delay, tick, self);
}

static void
on_live_changed (ConveneLiveView *self)
{
  refresh (self);
}

static void
set_live (ConveneLiveView *self)
{
  g_autoptr(GTimeZone) tz = convene_project_dup_gtime_zone (convene_document_get_project (self->document));
  guint n;

  if (self->live != NULL)
    g_clear_signal_handler (&self->live_handler, self->live);
  g_clear_object (&self->live);
  self->live = convene_live_new (self->session, tz, self->clock, self->clock_data, NULL);
  self->live_handler = g_signal_connect_swapped (self->live, "changed", G_CALLBACK (on_live_changed), self);

  n = convene_live_get_n_steps (self->live);
  {
    g_autoptr(GPtrArray) segments = g_ptr_array_new ();

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (segments, convene_live_get_step_segment (self->live, i));
    g_list_store_splice (self->steps, 0, g_list_model_get_n_items (G_LIST_MODEL (self->steps)),
                         segments->pdata, segments->len);
  }
  adw_window_title_set_subtitle (self->title, convene_session_get_title (self->session));
  if (self->presenter != NULL)
    convene_presenter_window_set_live (CONVENE_PRESENTER_WINDOW (self->presenter), self->live);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE]);
}

static void
on_document_changed (ConveneLiveView *self,
                     ConveneChanges  *changes)
{
  guint position;

  if (!g_list_store_find (convene_project_get_sessions (convene_document_get_project (self->document)),
                          self->session, &position))
    {
      /* The session is gone (deleted, or its adding undone). */
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (convene_changes_moves_times (changes, self->session) ||
      convene_changes_has (changes, CONVENE_CHANGE_SEGMENTS))
    set_live (self);
  refresh (self);
}

/* Records action as a command on the document. */
static void
perform (ConveneLiveView     *self,
         ConveneLiveAction    action,
         guint                step,
         int                  minutes,
         ConveneLiveRecovery  recovery)
{
  ConveneProject *project = convene_document_get_project (self->document);
  ConveneCommand *command;

  if (!convene_ui_is_writable (self->document))
    {
      convene_ui_show_message (GTK_WIDGET (self->overlay),
                               _("This project is read-only: the live record cannot be kept."));
      return;
    }
  command = convene_live_record_new (self->live, convene_project_new_id (project), action, step,
                                     minutes, recovery);
  if (command == NULL)
    return;
  convene_ui_perform (GTK_WIDGET (self->overlay), self->document, command, NULL);
}

typedef struct {
  ConveneLiveView  *self;
  ConveneLiveAction action;
  guint             step;
} Transition;

static void
transition_free (Transition *t)
{
  g_object_unref (t->self);
  g_free (t);
}

static void
choice_response (AdwMessageDialog *dialog,
                 const char       *response,
                 Transition       *t)
{
  ConveneLiveView *self = t->self;
  guint to = t->action == CONVENE_LIVE_ACTION_NEXT ? (guint) convene_live_get_current (self->live) + 1 : t->step;

  if (GTK_WIDGET (dialog) != self->choice)
    return;
  g_clear_weak_pointer (&self->choice);
  if (g_strcmp0 (response, "absorb") == 0)
    perform (self, t->action, t->step, 0, CONVENE_LIVE_ABSORB);
  else if (g_strcmp0 (response, "push") == 0)
    perform (self, t->action, t->step, 0, CONVENE_LIVE_PUSH);
  else if (g_strcmp0 (response, "compress") == 0)
    {
      g_autofree char *problem = NULL;

      if (convene_live_check_compress (self->live, to, &problem))
        perform (self, t->action, t->step, 0, CONVENE_LIVE_COMPRESS);
      else
        {
          /* Translators: %s says why, in the fit's words. */
          g_autofree char *message = g_strdup_printf (_("The rest cannot end on time: %s It was pushed later instead."),
                                                      problem);

          perform (self, t->action, t->step, 0, CONVENE_LIVE_PUSH);
          convene_ui_show_message (GTK_WIDGET (self->overlay), message);
        }
    }
}

/* Leaves the current step for step (or the next one): after an overrun,
 * asks how the rest takes it first. */
static void
leave_step (ConveneLiveView   *self,
            ConveneLiveAction  action,
            guint              step)
{
  ConveneLive *live = self->live;
  g_autofree char *over = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  Transition *t;
  gboolean last = action == CONVENE_LIVE_ACTION_NEXT &&
                  (guint) convene_live_get_current (live) + 1 >= convene_live_get_n_steps (live);

  if (self->choice != NULL || !convene_live_can (live, action, step, 0))
    return;
  if (!convene_live_get_started (live) || last || convene_live_get_time_left (live) >= 0)
    {
      perform (self, action, step, 0, CONVENE_LIVE_PUSH);
      return;
    }

  over = convene_live_format_duration (-convene_live_get_time_left (live));
  /* Translators: %s is how long the segment ran over, "2:05". */
  heading = g_strdup_printf (_("Ran %s Over"), over);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("How should the rest of the session take it?")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "absorb", _("_Absorb"),
                                    "push", _("_Push Later"),
                                    "compress", _("C_ompress"),
                                    NULL);
  adw_message_dialog_set_body (dialog, _("Absorb keeps the later start times and takes the time from the next segments. "
                                         "Push Later moves every later start by the overrun. "
                                         "Compress shortens the rest so the session ends on time."));
  adw_message_dialog_set_default_response (dialog, "push");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_appearance (dialog, "push", ADW_RESPONSE_SUGGESTED);
  t = g_new0 (Transition, 1);
  t->self = g_object_ref (self);
  t->action = action;
  t->step = step;
  g_signal_connect_data (dialog, "response", G_CALLBACK (choice_response), t,
                         (GClosureNotify) (void (*) (void)) transition_free, 0);
  /* It goes with the view, which it acts on. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_set_weak_pointer (&self->choice, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneLiveView *self = CONVENE_LIVE_VIEW (widget);

  if (!convene_live_get_started (self->live))
    perform (self, CONVENE_LIVE_ACTION_START, 0, 0, CONVENE_LIVE_PUSH);
  else
    leave_step (self, CONVENE_LIVE_ACTION_NEXT, 0);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  perform (CONVENE_LIVE_VIEW (widget), CONVENE_LIVE_ACTION_BACK, 0, 0, CONVENE_LIVE_PUSH);
}

static void
hold_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneLiveView *self = CONVENE_LIVE_VIEW (widget);

  perform (self, convene_live_get_held (self->live) ? CONVENE_LIVE_ACTION_RESUME : CONVENE_LIVE_ACTION_HOLD,
           0, 0, CONVENE_LIVE_PUSH);
}

static void
minutes_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  perform (CONVENE_LIVE_VIEW (widget), CONVENE_LIVE_ACTION_ADD, 0, g_variant_get_int32 (parameter),
           CONVENE_LIVE_PUSH);
}

static void
jump_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneLiveView *self = CONVENE_LIVE_VIEW (widget);
  guint step = g_variant_get_uint32 (parameter);

  if (!convene_live_get_started (self->live))
    perform (self, CONVENE_LIVE_ACTION_JUMP, step, 0, CONVENE_LIVE_PUSH);
  else
    leave_step (self, CONVENE_LIVE_ACTION_JUMP, step);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneLiveView *self = CONVENE_LIVE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (convene_ui_is_writable (self->document) && !convene_document_undo (self->document, &error) && error != NULL)
    convene_ui_show_error (GTK_WIDGET (self->overlay), error);
}

static void
help_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  convene_ui_show_help (GTK_WINDOW (widget), "live");
}

static void
row_activated (ConveneLiveView *self,
               guint            position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "live.jump", "u", position);
}

static void
row_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ConveneLiveView          *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *planned = gtk_label_new (NULL);
  GtkWidget *projected = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *note = gtk_label_new (NULL);

  gtk_widget_add_css_class (row, "live-step");
  gtk_widget_add_css_class (planned, "numeric");
  gtk_widget_add_css_class (planned, "dim-label");
  gtk_widget_add_css_class (projected, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (planned), 5);
  gtk_label_set_width_chars (GTK_LABEL (projected), 5);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (note, "caption");
  gtk_box_append (GTK_BOX (row), planned);
  gtk_box_append (GTK_BOX (row), projected);
  gtk_box_append (GTK_BOX (row), title);
  gtk_box_append (GTK_BOX (row), note);
  gtk_list_item_set_child (item, row);
}

static void
row_bind (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          ConveneLiveView          *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (row), "convene-step", GUINT_TO_POINTER (gtk_list_item_get_position (item)));
  g_ptr_array_add (self->rows, row);
  refresh_row (self, row);
}

static void
row_unbind (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ConveneLiveView          *self)
{
  g_ptr_array_remove_fast (self->rows, gtk_list_item_get_child (item));
}

static void
on_map (ConveneLiveView *self)
{
  refresh (self);
  schedule_tick (self);
}

static void
on_unmap (ConveneLiveView *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
}

static GtkLabel *
add_label (GtkWidget  *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

/* "Time left 4:12": a caption and its figure, side by side in a column. */
static GtkLabel *
add_figure (GtkWidget  *row,
            const char *caption,
            const char *css_class)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (caption);
  GtkLabel *figure;

  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (column), label);
  figure = add_label (column, css_class);
  gtk_widget_add_css_class (GTK_WIDGET (figure), "numeric");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (figure), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (row), column);
  return figure;
}

static GtkWidget *
control_button (const char *label,
                const char *action_name,
                GVariant   *target,
                const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

/* The presenter window: the stage's screen for the same session */

static void
update_presenter_actions (ConveneLiveView *self)
{
  gboolean open = self->presenter != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "live.message", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "live.send-message", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "live.clear-message", open);
  gtk_widget_set_visible (GTK_WIDGET (self->message_button), open);
}

static void
presenter_destroyed (ConveneLiveView *self)
{
  self->presenter = NULL;
  update_presenter_actions (self);
}

/* A monitor other than the one the operator's view is on, or NULL. */
static GdkMonitor *
other_monitor (ConveneLiveView *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *own = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      /* The display keeps its monitors. */
      if (monitor != own)
        return monitor;
    }
  return NULL;
}

static void
presenter_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ConveneLiveView *self = CONVENE_LIVE_VIEW (widget);
  ConvenePresenterWindow *presenter;
  GdkMonitor *monitor;

  if (self->presenter != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->presenter));
      return;
    }
  presenter = convene_presenter_window_new (gtk_window_get_application (GTK_WINDOW (self)), self->live);
  convene_presenter_window_set_document (presenter, self->document);
  self->presenter = GTK_WIDGET (presenter);
  g_signal_connect_object (presenter, "destroy", G_CALLBACK (presenter_destroyed), self, G_CONNECT_SWAPPED);
  /* On a second screen (the stage's), it fills that screen; with one
   * screen it opens as a window the operator can move. */
  monitor = other_monitor (self);
  if (monitor != NULL)
    convene_presenter_window_present_on_monitor (presenter, monitor);
  else
    gtk_window_present (GTK_WINDOW (presenter));
  /* The operator's keys stay with the operator's view. */
  gtk_window_present (GTK_WINDOW (self));
  update_presenter_actions (self);
}

static void
send_message (ConveneLiveView        *self,
              const char             *text,
              ConvenePresenterEffect  effect)
{
  g_autofree char *status = NULL;

  if (self->presenter == NULL || effect > CONVENE_PRESENTER_EFFECT_BLACKOUT)
    return;
  convene_presenter_window_show_message (CONVENE_PRESENTER_WINDOW (self->presenter), text, effect);
  if (g_strcmp0 (gtk_editable_get_text (self->message_entry), text) != 0)
    gtk_editable_set_text (self->message_entry, text);

  text = convene_presenter_window_get_message (CONVENE_PRESENTER_WINDOW (self->presenter));
  if (effect == CONVENE_PRESENTER_EFFECT_BLACKOUT && (text == NULL || *text == '\0'))
    status = g_strdup (_("The stage screen is black"));
  else if (text == NULL)
    status = g_strdup (_("No message on the stage screen"));
  else if (effect == CONVENE_PRESENTER_EFFECT_BLINK)
    /* Translators: what the stage's screen shows, blinking; %s is the message */
    status = g_strdup_printf (_("Blinking on the stage screen: “%s”"), text);
  else if (effect == CONVENE_PRESENTER_EFFECT_BLACKOUT)
    /* Translators: the stage's screen is black but for the message %s */
    status = g_strdup_printf (_("On a black stage screen: “%s”"), text);
  else
    /* Translators: what the stage's screen shows; %s is the message */
    status = g_strdup_printf (_("On the stage screen: “%s”"), text);
  convene_ui_label_set_user_text (self->message_status, status);
}

static void
message_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *text;
  guint32 effect;

  g_variant_get (parameter, "(&su)", &text, &effect);
  send_message (CONVENE_LIVE_VIEW (widget), text, effect);
}

static void
send_message_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ConveneLiveView *self = CONVENE_LIVE_VIEW (widget);
  g_autofree char *text = g_strdup (gtk_editable_get_text (self->message_entry));

  send_message (self, text, g_variant_get_uint32 (parameter));
}

static void
clear_message_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ConveneLiveView *self = CONVENE_LIVE_VIEW (widget);

  if (self->presenter == NULL)
    return;
  convene_presenter_window_clear_message (CONVENE_PRESENTER_WINDOW (self->presenter));
  convene_ui_label_set_user_text (self->message_status, _("No message on the stage screen"));
}

/* Enter in the message shows it, steady. */
static void
message_entry_activated (ConveneLiveView *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (self->message_entry));

  send_message (self, text, CONVENE_PRESENTER_EFFECT_NONE);
}

static GtkWidget *
message_button (const char             *label,
                const char             *text,
                ConvenePresenterEffect  effect)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "live.message");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new ("(su)", text, effect));
  return button;
}

static GtkWidget *
effect_button (const char             *label,
               ConvenePresenterEffect  effect,
               const char             *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "live.send-message");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_uint32 (effect));
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
compose_message_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ConveneLiveView *self = CONVENE_LIVE_VIEW (widget);

  if (self->presenter == NULL)
    return;
  gtk_menu_button_popup (self->message_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->message_entry));
}

/* Messages for the stage: ready ones, or typed and shown steady, blinking
 * or on a black screen. */
static GtkWidget *
build_message_popover (ConveneLiveView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (_("Message to the Stage"));
  GtkWidget *ready = gtk_flow_box_new ();
  GtkWidget *effects = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Clear Message"));
  GtkWidget *popover = gtk_popover_new ();

  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (ready), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (ready), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (ready), 6);
  gtk_flow_box_append (GTK_FLOW_BOX (ready), message_button (_("_5 Minutes"), _("5 minutes"),
                                                             CONVENE_PRESENTER_EFFECT_NONE));
  gtk_flow_box_append (GTK_FLOW_BOX (ready), message_button (_("_Wrap Up"), _("Wrap up"),
                                                             CONVENE_PRESENTER_EFFECT_NONE));
  gtk_flow_box_append (GTK_FLOW_BOX (ready), message_button (_("_Time Is Up"), _("Time is up"),
                                                             CONVENE_PRESENTER_EFFECT_BLINK));
  gtk_box_append (GTK_BOX (box), ready);

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Your message"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Message for the stage"), -1);
  gtk_widget_set_name (entry, "live_message_entry");
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (message_entry_activated), self);
  gtk_box_append (GTK_BOX (box), entry);
  self->message_entry = GTK_EDITABLE (entry);

  gtk_box_set_homogeneous (GTK_BOX (effects), TRUE);
  gtk_box_append (GTK_BOX (effects), effect_button (_("_Show"), CONVENE_PRESENTER_EFFECT_NONE,
                                                    _("Show the message (Enter)")));
  gtk_box_append (GTK_BOX (effects), effect_button (_("_Blink"), CONVENE_PRESENTER_EFFECT_BLINK,
                                                    _("Show the message blinking")));
  gtk_box_append (GTK_BOX (effects), effect_button (_("Blac_k Out"), CONVENE_PRESENTER_EFFECT_BLACKOUT,
                                                    _("Black out the stage screen, with the message if there is one")));
  gtk_box_append (GTK_BOX (box), effects);

  self->message_status = GTK_LABEL (gtk_label_new (_("No message on the stage screen")));
  gtk_widget_set_name (GTK_WIDGET (self->message_status), "live_message_status");
  gtk_label_set_wrap (self->message_status, TRUE);
  gtk_label_set_xalign (self->message_status, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message_status), "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stage screen"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message_status));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "live.clear-message");
  gtk_box_append (GTK_BOX (box), clear);

  gtk_widget_set_size_request (box, 260, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

static void
build (ConveneLiveView *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *help = convene_ui_icon_button ("help-browser-symbolic", "live.help", _("Help"));
  GtkWidget *scrolled, *clamp, *box, *figures, *controls, *report_box, *report_scrolled, *report_clamp;
  GtkListItemFactory *factory;
  GtkWidget *heading;

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Live"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), help);
  /* The stage's screen for the same session, and messages to it. */
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             convene_ui_icon_button ("display-projector-symbolic", "live.presenter",
                                                     _("Presenter Screen")));
  self->message_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->message_button, "chat-message-new-symbolic");
  gtk_menu_button_set_popover (self->message_button, build_message_popover (self));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->message_button), _("Message to the Stage (M)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Message to the Stage"), -1);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->message_button));
  gtk_box_append (GTK_BOX (outer), header);

  self->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->overlay), TRUE);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->overlay));
  self->stack = GTK_STACK (gtk_stack_new ());
  adw_toast_overlay_set_child (self->overlay, GTK_WIDGET (self->stack));

  /* Running: what is on now, then every segment. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  self->state_label = add_label (box, "dim-label");
  self->current_label = add_label (box, "title-1");
  self->panel_label = add_label (box, "dim-label");
  figures = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (figures), TRUE);
  self->left_label = add_figure (figures, _("Time left"), "title-1");
  gtk_widget_add_css_class (GTK_WIDGET (self->left_label), "live-time-left");
  self->elapsed_label = add_figure (figures, _("Elapsed"), "title-3");
  gtk_box_append (GTK_BOX (box), figures);

  figures = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (figures), TRUE);
  self->clock_label = add_label (figures, "numeric");
  self->over_label = add_label (figures, NULL);
  self->end_label = add_label (figures, "numeric");
  gtk_widget_set_hexpand (GTK_WIDGET (self->clock_label), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->over_label), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->end_label), TRUE);
  gtk_box_append (GTK_BOX (box), figures);

  heading = gtk_label_new (_("Next Up"));
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);
  self->next_label = add_label (box, "title-4");
  self->next_people_label = add_label (box, NULL);
  gtk_label_set_justify (self->next_label, GTK_JUSTIFY_LEFT);
  gtk_label_set_xalign (self->next_label, 0);
  gtk_label_set_justify (self->next_people_label, GTK_JUSTIFY_LEFT);
  gtk_label_set_xalign (self->next_people_label, 0);

  controls = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (controls), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (controls), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (controls), 5);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (controls), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (controls), 6);
  gtk_flow_box_append (GTK_FLOW_BOX (controls),
                       control_button (_("_Back"), "live.back", NULL, _("Back to the previous segment (Backspace)")));
  gtk_flow_box_append (GTK_FLOW_BOX (controls),
                       control_button (_("_Next"), "live.next", NULL, _("Start, or go to the next segment (Space)")));
  gtk_flow_box_append (GTK_FLOW_BOX (controls),
                       control_button (_("_Hold"), "live.hold", NULL, _("Hold or resume the clock (H)")));
  gtk_flow_box_append (GTK_FLOW_BOX (controls),
                       control_button (_("−1 min"), "live.add-minutes", g_variant_new_int32 (-1),
                                       _("Take a minute from this segment (−)")));
  gtk_flow_box_append (GTK_FLOW_BOX (controls),
                       control_button (_("+1 min"), "live.add-minutes", g_variant_new_int32 (1),
                                       _("Add a minute to this segment (+)")));
  gtk_box_append (GTK_BOX (box), controls);

  heading = gtk_label_new (_("Running Order"));
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind), self);
  self->steps_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->steps)))),
                                                       factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->steps_view), "boxed-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->steps_view), "live-steps");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->steps_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Running order; activate a segment to go to it"), -1);
  g_signal_connect_swapped (self->steps_view, "activate", G_CALLBACK (row_activated), self);
  gtk_widget_set_vexpand (GTK_WIDGET (self->steps_view), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->steps_view));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, "running");

  /* Ended: planned against actual. */
  report_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (report_box, 12);
  gtk_widget_set_margin_end (report_box, 12);
  gtk_widget_set_margin_top (report_box, 12);
  gtk_widget_set_margin_bottom (report_box, 12);
  heading = gtk_label_new (_("Planned and Actual"));
  gtk_widget_add_css_class (heading, "title-2");
  gtk_box_append (GTK_BOX (report_box), heading);
  self->report_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->report_grid, 12);
  gtk_grid_set_row_spacing (self->report_grid, 6);
  gtk_box_append (GTK_BOX (report_box), GTK_WIDGET (self->report_grid));
  {
    GtkWidget *back = control_button (_("Back to the _Last Segment"), "live.back", NULL,
                                      _("The session did not end: the last segment goes on (Backspace)"));

    gtk_widget_set_halign (back, GTK_ALIGN_CENTER);
    gtk_box_append (GTK_BOX (report_box), back);
  }
  report_clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (report_clamp), 700);
  adw_clamp_set_child (ADW_CLAMP (report_clamp), report_box);
  report_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (report_scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (report_scrolled), report_clamp);
  gtk_stack_add_named (self->stack, report_scrolled, "report");

  adw_window_set_content (ADW_WINDOW (self), outer);
}

static void
convene_live_view_dispose (GObject *object)
{
  ConveneLiveView *self = CONVENE_LIVE_VIEW (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_weak_pointer (&self->choice);
  /* The stage's screen goes with the operator's view. */
  if (self->presenter != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presenter));
  if (self->document != NULL)
    g_clear_signal_handler (&self->document_handler, self->document);
  if (self->live != NULL)
    g_clear_signal_handler (&self->live_handler, self->live);

  G_OBJECT_CLASS (convene_live_view_parent_class)->dispose (object);
}

static void
convene_live_view_finalize (GObject *object)
{
  ConveneLiveView *self = CONVENE_LIVE_VIEW (object);

  g_clear_object (&self->live);
  g_clear_object (&self->steps);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (convene_live_view_parent_class)->finalize (object);
}

static void
convene_live_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ConveneLiveView *self = CONVENE_LIVE_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIVE:
      g_value_set_object (value, self->live);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_live_view_class_init (ConveneLiveViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_live_view_dispose;
  object_class->finalize = convene_live_view_finalize;
  object_class->get_property = convene_live_view_get_property;

  properties[PROP_LIVE] =
    g_param_spec_object ("live", NULL, NULL, CONVENE_TYPE_LIVE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "live.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "live.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "live.hold", NULL, hold_activated);
  gtk_widget_class_install_action (widget_class, "live.add-minutes", "i", minutes_activated);
  gtk_widget_class_install_action (widget_class, "live.jump", "u", jump_activated);
  gtk_widget_class_install_action (widget_class, "live.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "live.help", NULL, help_activated);
  gtk_widget_class_install_action (widget_class, "live.presenter", NULL, presenter_activated);
  gtk_widget_class_install_action (widget_class, "live.message", "(su)", message_activated);
  gtk_widget_class_install_action (widget_class, "live.send-message", "u", send_message_activated);
  gtk_widget_class_install_action (widget_class, "live.clear-message", NULL, clear_message_activated);
  gtk_widget_class_install_action (widget_class, "live.compose-message", NULL, compose_message_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, 0, "live.compose-message", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, 0, "live.presenter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "live.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "live.help", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

/* The operator's keys act wherever the focus is: before a focused button or
 * row takes Space for itself. */
static void
add_operator_keys (ConveneLiveView *self)
{
  static const struct { guint key; const char *action; int minutes; } keys[] = {
    { GDK_KEY_space, "live.next", 0 },
    { GDK_KEY_BackSpace, "live.back", 0 },
    { GDK_KEY_h, "live.hold", 0 },
    { GDK_KEY_H, "live.hold", 0 },
    { GDK_KEY_plus, "live.add-minutes", 1 },
    { GDK_KEY_equal, "live.add-minutes", 1 },
    { GDK_KEY_KP_Add, "live.add-minutes", 1 },
    { GDK_KEY_minus, "live.add-minutes", -1 },
    { GDK_KEY_KP_Subtract, "live.add-minutes", -1 },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcutAction *action = gtk_named_action_new (keys[i].action);
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0), action);

      if (keys[i].minutes != 0)
        gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (keys[i].minutes));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
convene_live_view_init (ConveneLiveView *self)
{
  self->steps = g_list_store_new (CONVENE_TYPE_SEGMENT);
  self->rows = g_ptr_array_new ();
  build (self);
  add_operator_keys (self);
  update_presenter_actions (self);
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 760);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), NULL);
}

ConveneLiveView *
convene_live_view_new (GtkWindow        *parent,
                       ConveneDocument  *document,
                       ConveneSession   *session,
                       ConveneLiveClock  clock,
                       gpointer          clock_data)
{
  ConveneLiveView *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CONVENE_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);

  self = g_object_new (CONVENE_TYPE_LIVE_VIEW, NULL);
  if (parent != NULL)
    {
      /* Closing the project closes its live view; the record is saved. */
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
    }
  self->document = g_object_ref (document);
  self->session = g_object_ref (session);
  self->clock = clock;
  self->clock_data = clock_data;
  set_live (self);
  self->document_handler = g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
  refresh (self);
  return self;
}

ConveneLiveView *
convene_live_view_find (ConveneSession *session)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CONVENE_IS_LIVE_VIEW (window) && CONVENE_LIVE_VIEW (window)->session == session)
        return CONVENE_LIVE_VIEW (window);
    }
  return NULL;
}

ConveneLive *
convene_live_view_get_live (ConveneLiveView *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE_VIEW (self), NULL);
  return self->live;
}

ConveneSession *
convene_live_view_get_session (ConveneLiveView *self)
{
  g_return_val_if_fail (CONVENE_IS_LIVE_VIEW (self), NULL);
  return self->session;
}
