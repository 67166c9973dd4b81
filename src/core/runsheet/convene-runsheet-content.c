#define G_LOG_DOMAIN "convene-runsheet"
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "convene-runsheet-private.h"
#include "convene-limits.h"
#include "convene-live.h"
#include "convene-schedule.h"

/* One session to print, with its clock times formatted once. */
typedef struct {
  ConveneSession  *session;   /* borrowed */
  ConveneSchedule *schedule;
  GPtrArray       *clocks;    /* start and end of each entry: 2 strings per entry */
  char            *start;     /* the session start */
  char            *slot_end;  /* the slot's end */
} Plan;

typedef struct {
  ConveneRole role;
  int         entry;          /* schedule entry, or -1 for the whole session */
} Appearance;

typedef struct {
  ConveneSpeaker *speaker;    /* borrowed */
  GArray         *appearances;
} Person;

typedef struct {
  ConveneRunsheet *self;
  GHashTable      *speakers;     /* gint64* → ConveneSpeaker* (borrowed) */
  GHashTable      *by_segment;   /* gint64* → GPtrArray of ConveneAssignment* (borrowed) */
  GHashTable      *by_session;   /* gint64* → GPtrArray of ConveneAssignment* (borrowed) */
  RsText           t;

  /* The session being built */
  Plan            *plan;
  char            *date_text;
  GPtrArray       *people;       /* Person*, in order of appearance */
  int              running;
  int              table_head;
} Builder;

static void
plan_free (Plan *plan)
{
  g_clear_pointer (&plan->schedule, convene_schedule_unref);
  g_clear_pointer (&plan->clocks, g_ptr_array_unref);
  g_free (plan->start);
  g_free (plan->slot_end);
  g_free (plan);
}

static void
person_free (Person *person)
{
  g_array_unref (person->appearances);
  g_free (person);
}

static gpointer
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static GPtrArray *
lookup_assignments (GHashTable *table,
                    gint64      id)
{
  return g_hash_table_lookup (table, &id);
}

static ConveneSpeaker *
lookup_speaker (Builder *b,
                gint64   id)
{
  return g_hash_table_lookup (b->speakers, &id);
}

static void
index_project (Builder *b)
{
  ConveneProject *project = b->self->project;
  GListModel *speakers = G_LIST_MODEL (convene_project_get_speakers (project));
  GListModel *assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  guint n;

  b->speakers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  b->by_segment = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  b->by_session = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);

  n = g_list_model_get_n_items (speakers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (speakers, i);

      g_hash_table_insert (b->speakers, id_key (convene_speaker_get_id (speaker)), speaker);
    }

  n = g_list_model_get_n_items (assignments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);
      gint64 segment_id = convene_assignment_get_segment_id (assignment);
      gint64 session_id = convene_assignment_get_session_id (assignment);
      GHashTable *table = segment_id != 0 ? b->by_segment : b->by_session;
      gint64 id = segment_id != 0 ? segment_id : session_id;
      GPtrArray *list;

      if (lookup_speaker (b, convene_assignment_get_speaker_id (assignment)) == NULL)
        continue;

      list = lookup_assignments (table, id);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (table, id_key (id), list);
        }
      g_ptr_array_add (list, assignment);
    }
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  ConveneSession *sa = *(ConveneSession **) a;
  ConveneSession *sb = *(ConveneSession **) b;
  int cmp = strcmp (convene_session_get_date (sa), convene_session_get_date (sb));

  if (cmp != 0)
    return cmp;
  return convene_session_get_start_time (sa) - convene_session_get_start_time (sb);
}

/* The sessions to print, in the order of the day (the sort is stable). */
static GPtrArray *
select_sessions (ConveneRunsheet *self,
                 GError         **error)
{
  GListModel *sessions = G_LIST_MODEL (convene_project_get_sessions (self->project));
  gint64 wanted = convene_runsheet_options_get_session_id (self->options);
  const char *date = convene_runsheet_options_get_date (self->options);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (sessions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (sessions, i);

      if (wanted != 0 && convene_session_get_id (session) != wanted)
        continue;
      if (*date != '\0' && g_strcmp0 (convene_session_get_date (session), date) != 0)
        continue;
      g_ptr_array_add (chosen, session);
    }

  if (chosen->len == 0)
    {
      if (wanted != 0)
        g_set_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_NO_SESSION,
                     _("This project has no session with the identifier %lld."),
                     (long long) wanted);
      else if (*date != '\0')
        g_set_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_NO_SESSION,
                     _("No session of this project takes place on %s."), date);
      else
        g_set_error_literal (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_NO_SESSION,
                             _("This project has no sessions to print yet."));
      return NULL;
    }

  g_ptr_array_sort (chosen, compare_sessions);
  return g_steal_pointer (&chosen);
}

static Plan *
plan_new (ConveneRunsheet *self,
          ConveneSession  *session,
          GTimeZone       *tz)
{
  Plan *plan = g_new0 (Plan, 1);
  guint n;

  plan->session = session;
  plan->schedule = convene_schedule_compute (session, tz);
  n = convene_schedule_get_n_entries (plan->schedule);
  plan->clocks = g_ptr_array_new_full (2 * n, g_free);
  for (guint i = 0; i < n; i++)
    {
      const ConveneScheduleEntry *e = convene_schedule_get_entry (plan->schedule, i);

      g_ptr_array_add (plan->clocks, convene_schedule_format_clock (plan->schedule, e->start, self->use_12h));
      g_ptr_array_add (plan->clocks, convene_schedule_format_clock (plan->schedule, e->end, self->use_12h));
    }
  plan->start = convene_schedule_format_clock (plan->schedule, 0, self->use_12h);
  plan->slot_end = convene_schedule_format_clock (plan->schedule,
                                                  convene_schedule_get_slot_minutes (plan->schedule),
                                                  self->use_12h);
  return plan;
}

static const char *
clock_start (Builder *b,
             guint    entry)
{
  return g_ptr_array_index (b->plan->clocks, 2 * entry);
}

static const char *
clock_end (Builder *b,
           guint    entry)
{
  return g_ptr_array_index (b->plan->clocks, 2 * entry + 1);
}

static char *
format_minutes (int minutes)
{
  /* Translators: a duration in minutes, as in a timetable */
  return g_strdup_printf (_("%d min"), minutes);
}

/* The width of t's text on one line. */
static double
measure (Builder *b)
{
  RsRow row;
  double width;

  rs_row_init (&row, RS_ROW_NOTE, 0, 0);
  rs_row_set_cell (b->self, &row, 0, &b->t, 0, 0, 100000, PANGO_ALIGN_LEFT, RS_CELL_SHRINK);
  width = row.cells[0].source ? row.cells[0].width : 0;
  return width;
}

/* The height of the gap rs_text_para (t, gap) puts between two
 * paragraphs, for text split into cells that must sit as if it were one. */
static double
gap_height (Builder *b,
            double   gap)
{
  RsRow row;
  double one;

  rs_row_init (&row, RS_ROW_NOTE, 0, 0);
  rs_text_add (&b->t, "x", 0, 1.0, RS_INK);
  rs_row_set_cell (b->self, &row, 0, &b->t, 0, 0, 100000, PANGO_ALIGN_LEFT, 0);
  one = row.cells[0].height;
  rs_text_add (&b->t, "x", 0, 1.0, RS_INK);
  rs_text_para (&b->t, gap);
  rs_text_add (&b->t, "x", 0, 1.0, RS_INK);
  rs_row_set_cell (b->self, &row, 0, &b->t, 0, 0, 100000, PANGO_ALIGN_LEFT, 0);
  return row.cells[0].height - 2 * one;
}

/* Column widths of the main table: the times and minutes as wide as the
 * widest of them (so they never wrap in a normal run sheet), the rest
 * shared between the item and the people. */
static void
compute_columns (Builder   *b,
                 GPtrArray *plans)
{
  ConveneRunsheet *self = b->self;
  const char *longest_start = "00:00", *longest_end = "00:00";
  glong longest = 0;
  int max_minutes = 0;
  double time_w, min_w, rest, w = self->body_width;
  g_autofree char *minutes = NULL;

  for (guint p = 0; p < plans->len; p++)
    {
      Plan *plan = g_ptr_array_index (plans, p);

      for (guint i = 0; i + 1 < plan->clocks->len; i += 2)
        {
          const char *s = g_ptr_array_index (plan->clocks, i);
          const char *e = g_ptr_array_index (plan->clocks, i + 1);
          glong len = g_utf8_strlen (s, -1) + g_utf8_strlen (e, -1);
          const ConveneScheduleEntry *entry = convene_schedule_get_entry (plan->schedule, i / 2);

          if (len > longest)
            {
              longest = len;
              longest_start = s;
              longest_end = e;
            }
          max_minutes = MAX (max_minutes, entry->end - entry->start);
        }
    }

  rs_text_add (&b->t, longest_start, RS_BOLD | RS_TNUM, 1.0, RS_INK);
  rs_text_add (&b->t, "–", RS_BOLD, 1.0, RS_INK);
  rs_text_add (&b->t, longest_end, RS_BOLD | RS_TNUM, 1.0, RS_INK);
  time_w = measure (b) + 2 * self->hpad + 1;

  minutes = format_minutes (MAX (max_minutes, 100));
  rs_text_add (&b->t, minutes, RS_SEMIBOLD, 1.0, RS_INK);
  min_w = measure (b) + 2 * self->hpad + 1;

  time_w = MIN (time_w, w * 0.24);
  min_w = MIN (min_w, w * 0.12);
  rest = w - time_w - min_w;

  self->col_x[0] = 0;
  self->col_w[0] = time_w;
  self->col_x[1] = time_w;
  self->col_w[1] = min_w;
  self->col_x[2] = time_w + min_w;
  self->col_w[2] = rest * 0.57;
  self->col_x[3] = self->col_x[2] + self->col_w[2];
  self->col_w[3] = rest - self->col_w[2];
}

/* Puts t in column col of the main table; flags: RS_CELL_*. */
static void
table_cell (Builder        *b,
            RsRow          *row,
            guint           col,
            double          inset,
            PangoAlignment  align,
            guint           flags)
{
  ConveneRunsheet *self = b->self;

  rs_row_set_cell (self, row, col, &b->t,
                   self->col_x[col] + self->hpad + inset, row->pad,
                   self->col_w[col] - 2 * self->hpad - inset, align, flags);
}

static const char *
role_heading (ConveneRole role,
              guint       n)
{
  switch (role)
    {
    case CONVENE_ROLE_PRESENTER:
      return ngettext ("Presenter", "Presenters", n);
    case CONVENE_ROLE_PANELIST:
      return ngettext ("Panellist", "Panellists", n);
    case CONVENE_ROLE_MODERATOR:
      return ngettext ("Moderator", "Moderators", n);
    case CONVENE_ROLE_CHAIR:
      return ngettext ("Chair", "Chairs", n);
    case CONVENE_ROLE_DISCUSSANT:
      return ngettext ("Discussant", "Discussants", n);
    case CONVENE_ROLE_OPENING_REMARKS:
      return _("Opening remarks");
    case CONVENE_ROLE_CLOSING_REMARKS:
      return _("Closing remarks");
    default:
      return convene_role_get_label (role);
    }
}

/* "TBC" after anyone not confirmed; a declined person is struck out. */
static void
add_name (Builder        *b,
          ConveneSpeaker *speaker,
          guint           style,
          double          scale)
{
  g_autofree char *name = convene_speaker_dup_display_name (speaker);
  ConveneSpeakerStatus status = convene_speaker_get_status (speaker);

  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = g_strdup (_("Unnamed person"));
    }

  if (status == CONVENE_SPEAKER_STATUS_DECLINED)
    {
      rs_text_add (&b->t, name, RS_STRIKE, scale, RS_MUTED);
      rs_text_add (&b->t, " ", 0, scale, RS_INK);
      rs_text_add (&b->t, convene_speaker_status_get_label (status), RS_BOLD | RS_CAPS,
                   scale * 0.78, RS_ALERT);
    }
  else
    {
      rs_text_add (&b->t, name, style, scale, RS_INK);
      if (status != CONVENE_SPEAKER_STATUS_CONFIRMED)
        {
          rs_text_add (&b->t, " ", 0, scale, RS_INK);
          /* Translators: "to be confirmed", after a person who has not confirmed */
          rs_text_add (&b->t, _("TBC"), RS_BOLD, scale * 0.85, RS_TBC);
        }
    }
}

/* "Dr James Campbell (WHO)", for lists of people in running text. */
static void
add_name_with_organisation (Builder        *b,
                            ConveneSpeaker *speaker,
                            double          scale)
{
  const char *organisation = convene_speaker_get_organisation (speaker);

  add_name (b, speaker, RS_SEMIBOLD, scale);
  if (organisation && *organisation)
    {
      g_autofree char *text = g_strdup_printf (" (%s)", organisation);

      rs_text_add (&b->t, text, 0, scale, RS_MUTED);
    }
}

/* The people of a segment in the who column: the name on one line, role and
 * organisation under it. */
static void
add_who (Builder   *b,
         GPtrArray *assignments)
{
  for (guint i = 0; assignments && i < assignments->len; i++)
    {
      ConveneAssignment *a = g_ptr_array_index (assignments, i);
      ConveneSpeaker *speaker = lookup_speaker (b, convene_assignment_get_speaker_id (a));
      const char *organisation = convene_speaker_get_organisation (speaker);

      rs_text_para (&b->t, 0.35);
      add_name (b, speaker, RS_BOLD, 1.0);
      rs_text_para (&b->t, 0);
      rs_text_add (&b->t, convene_role_get_label (convene_assignment_get_role (a)), 0, 0.88, RS_MUTED);
      if (organisation && *organisation)
        {
          rs_text_add (&b->t, " · ", 0, 0.88, RS_FAINT);
          rs_text_add (&b->t, organisation, 0, 0.88, RS_MUTED);
        }
    }
}

/* Those who run the session first. */
static const ConveneRole session_roles[] = {
  CONVENE_ROLE_MODERATOR, CONVENE_ROLE_CHAIR, CONVENE_ROLE_PRESENTER, CONVENE_ROLE_PANELIST,
  CONVENE_ROLE_DISCUSSANT, CONVENE_ROLE_OPENING_REMARKS, CONVENE_ROLE_CLOSING_REMARKS,
};
G_STATIC_ASSERT (G_N_ELEMENTS (session_roles) == CONVENE_N_ROLES);

/* A discussion with nobody of its own is led by the session's moderators:
 * name them, marked as coming from the session. */
static gboolean
add_session_moderators (Builder *b)
{
  GPtrArray *list = lookup_assignments (b->by_session, convene_session_get_id (b->plan->session));
  g_autoptr(GPtrArray) moderators = g_ptr_array_new ();

  for (guint i = 0; list && i < list->len; i++)
    if (convene_assignment_get_role (g_ptr_array_index (list, i)) == CONVENE_ROLE_MODERATOR)
      g_ptr_array_add (moderators, g_ptr_array_index (list, i));
  if (moderators->len == 0)
    return FALSE;

  add_who (b, moderators);
  rs_text_para (&b->t, 0.1);
  rs_text_add (&b->t, _("(the session’s moderators)"), RS_ITALIC, 0.8, RS_FAINT);
  return TRUE;
}

/* The session-level people ("Moderators: …"), grouped by role. */
static void
add_session_people (Builder *b,
                    double   scale)
{
  GPtrArray *list = lookup_assignments (b->by_session, convene_session_get_id (b->plan->session));

  if (list == NULL)
    return;

  for (guint o = 0; o < G_N_ELEMENTS (session_roles); o++)
    {
      ConveneRole r = session_roles[o];
      guint n = 0, shown = 0;

      for (guint i = 0; i < list->len; i++)
        if (convene_assignment_get_role (g_ptr_array_index (list, i)) == r)
          n++;
      if (n == 0)
        continue;

      rs_text_para (&b->t, 0.15);
      rs_text_add (&b->t, role_heading (r, n), RS_BOLD, scale, RS_INK);
      /* Translators: between a role heading and the names, "Moderators: Jane Doe" */
      rs_text_add (&b->t, C_("role heading", ": "), RS_BOLD, scale, RS_INK);
      for (guint i = 0; i < list->len; i++)
        {
          ConveneAssignment *a = g_ptr_array_index (list, i);

          if (convene_assignment_get_role (a) != r)
            continue;
          if (shown++ > 0)
            rs_text_add (&b->t, ", ", 0, scale, RS_INK);
          add_name_with_organisation (b, lookup_speaker (b, convene_assignment_get_speaker_id (a)), scale);
        }
    }
}

static gboolean
title_repeats_kind (const char *title,
                    const char *label)
{
  g_autofree char *t = g_utf8_casefold (title, -1);
  g_autofree char *l = g_utf8_casefold (label, -1);

  return g_str_has_prefix (t, l);
}

static const char *
segment_title (ConveneSegment *segment)
{
  const char *title = convene_segment_get_title (segment);

  return (title && *title) ? title : _("Untitled");
}

static char *
fit_text (Builder *b)
{
  ConveneSchedule *schedule = b->plan->schedule;
  g_autofree char *fit = convene_schedule_describe_fit (schedule);
  g_autofree char *end = convene_schedule_format_end (schedule, b->self->use_12h);

  /* Translators: the over/under statement, then when the session will end */
  return g_strdup_printf (_("%s  ·  ends %s"), fit, end);
}

/* The session header */

static void
add_when_where (Builder *b,
                double   scale)
{
  ConveneSession *session = b->plan->session;
  ConveneProject *project = b->self->project;
  g_autofree char *slot = NULL;
  g_autofree char *range = NULL;
  const char *room = convene_session_get_room (session);
  const char *venue = convene_project_get_venue (project);

  rs_text_add (&b->t, b->date_text, RS_SEMIBOLD, scale * 1.1, RS_INK);
  rs_text_add (&b->t, "  ·  ", 0, scale * 1.1, RS_FAINT);
  range = g_strdup_printf ("%s–%s", b->plan->start, b->plan->slot_end);
  rs_text_add (&b->t, range, RS_SEMIBOLD | RS_TNUM, scale * 1.1, RS_INK);
  rs_text_add (&b->t, "  ·  ", 0, scale * 1.1, RS_FAINT);
  /* Translators: the session's time slot, in minutes */
  slot = g_strdup_printf (_("%u min slot"), convene_session_get_slot_minutes (session));
  rs_text_add (&b->t, slot, 0, scale * 1.1, RS_INK);

  if ((room && *room) || (venue && *venue))
    {
      rs_text_para (&b->t, 0.15);
      rs_text_add (&b->t, room, RS_SEMIBOLD, scale, RS_INK);
      if (room && *room && venue && *venue)
        rs_text_add (&b->t, "  ·  ", 0, scale, RS_FAINT);
      rs_text_add (&b->t, venue, 0, scale, RS_MUTED);
    }
}

static void
build_session_header (Builder  *b,
                      gboolean  first)
{
  ConveneRunsheet *self = b->self;
  ConveneProject *project = self->project;
  ConveneSession *session = b->plan->session;
  const char *project_title = convene_project_get_title (project);
  const char *organiser = convene_project_get_organiser (project);
  const char *title = convene_session_get_title (session);
  const char *zone = convene_project_get_time_zone (project);
  g_autofree char *fit = NULL;
  RsRow row;
  double pill_x;

  rs_row_init (&row, RS_ROW_SESSION_HEADER,
               RS_ROW_KEEP_WITH_NEXT | (first ? 0 : RS_ROW_BREAK_BEFORE), 0);
  if (convene_schedule_get_over_minutes (b->plan->schedule) > 0)
    row.flags |= RS_ROW_ALERT;

  rs_text_add (&b->t, _("Run sheet"), RS_CAPS | RS_SEMIBOLD, 0.78, RS_MUTED);
  if (project_title && *project_title)
    {
      rs_text_add (&b->t, "  ·  ", 0, 0.78, RS_FAINT);
      rs_text_add (&b->t, project_title, RS_CAPS | RS_SEMIBOLD, 0.78, RS_MUTED);
    }
  if (organiser && *organiser)
    {
      rs_text_add (&b->t, "  ·  ", 0, 0.78, RS_FAINT);
      rs_text_add (&b->t, organiser, RS_CAPS, 0.78, RS_MUTED);
    }
  rs_text_para (&b->t, 0.3);
  rs_text_add (&b->t, (title && *title) ? title : _("Untitled session"), RS_BOLD, 1.9, RS_INK);
  rs_text_para (&b->t, 0.35);
  add_when_where (b, 1.0);
  if (zone && *zone)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the venue's time zone, such as Europe/Zurich */
      text = g_strdup_printf (_("Times are local to the venue (%s)"), zone);
      rs_text_para (&b->t, 0);
      rs_text_add (&b->t, text, 0, 0.85, RS_MUTED);
    }
  add_session_people (b, 1.0);
  rs_row_set_cell (self, &row, 0, &b->t, 0, 0, self->body_width, PANGO_ALIGN_LEFT, 0);

  /* The over/under statement in a coloured band: the first thing a stage
   * manager needs to know about the plan. */
  fit = fit_text (b);
  rs_text_add (&b->t, fit, RS_BOLD, 1.05,
               (row.flags & RS_ROW_ALERT) ? RS_ALERT : RS_GOOD);
  pill_x = self->base * 1.2;
  rs_row_set_cell (self, &row, 1, &b->t, pill_x, row.cells[0].height + self->base * 1.0,
                   self->body_width - 2 * pill_x, PANGO_ALIGN_LEFT, RS_CELL_SHRINK);
  row.height = row.cells[1].y + row.cells[1].height + self->base * 1.9;
  row.outline = g_strdup ((title && *title) ? title : _("Untitled session"));

  rs_row_add (self, &row, TRUE);
}

static int
build_running_header (Builder *b)
{
  ConveneRunsheet *self = b->self;
  const char *title = convene_session_get_title (b->plan->session);
  const char *project_title = convene_project_get_title (self->project);
  RsRow row;

  rs_row_init (&row, RS_ROW_RUNNING_HEADER, 0, 0);
  rs_text_add (&b->t, (title && *title) ? title : _("Untitled session"), RS_BOLD, 0.95, RS_INK);
  if (project_title && *project_title)
    {
      rs_text_add (&b->t, "  ·  ", 0, 0.9, RS_FAINT);
      rs_text_add (&b->t, project_title, 0, 0.9, RS_MUTED);
    }
  rs_text_add (&b->t, "  ·  ", 0, 0.9, RS_FAINT);
  rs_text_add (&b->t, b->date_text, 0, 0.9, RS_MUTED);
  rs_text_add (&b->t, "  ", 0, 0.9, RS_FAINT);
  rs_text_add (&b->t, _("(continued)"), RS_ITALIC, 0.9, RS_MUTED);
  /* One line on every later page, however long the titles. */
  rs_row_set_cell (self, &row, 0, &b->t, 0, 0, self->body_width, PANGO_ALIGN_LEFT, RS_CELL_ONE_LINE);
  row.height = row.cells[0].height + self->base * 1.1;

  return rs_row_add (self, &row, FALSE);
}

/* Column titles over the main table's columns. */
static int
build_table_head (Builder     *b,
                  const char  *labels[4])
{
  ConveneRunsheet *self = b->self;
  RsRow row;

  rs_row_init (&row, RS_ROW_TABLE_HEAD, RS_ROW_KEEP_WITH_NEXT, self->base * 0.3);
  row.running = b->running;
  for (guint col = 0; col < 4; col++)
    {
      rs_text_add (&b->t, labels[col], RS_CAPS | RS_SEMIBOLD, 0.72, RS_MUTED);
      table_cell (b, &row, col, 0, col == 1 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, 0);
    }
  return rs_row_add (self, &row, TRUE);
}

/* A segment repeated at the top of a page that goes on with its items. */
static int
build_parent_again (Builder *b,
                    guint    entry)
{
  ConveneRunsheet *self = b->self;
  const ConveneScheduleEntry *e = convene_schedule_get_entry (b->plan->schedule, entry);
  g_autofree char *range = g_strdup_printf ("%s–%s", clock_start (b, entry), clock_end (b, entry));
  RsRow row;

  rs_row_init (&row, RS_ROW_PARENT_AGAIN, RS_ROW_LIGHT_RULE, self->base * 0.3);
  rs_text_add (&b->t, range, RS_TNUM, 0.9, RS_MUTED);
  table_cell (b, &row, 0, 0, PANGO_ALIGN_LEFT, 0);
  rs_text_add (&b->t, segment_title (e->segment), RS_SEMIBOLD, 0.9, RS_MUTED);
  rs_text_add (&b->t, " ", 0, 0.9, RS_MUTED);
  rs_text_add (&b->t, _("(continued)"), RS_ITALIC, 0.9, RS_MUTED);
  table_cell (b, &row, 2, 0, PANGO_ALIGN_LEFT, RS_CELL_ONE_LINE);
  return rs_row_add (self, &row, FALSE);
}

static void
build_slot_end (Builder *b,
                int      again)
{
  ConveneRunsheet *self = b->self;
  g_autofree char *text = NULL;
  RsRow row;

  rs_row_init (&row, RS_ROW_SLOT_END, 0, self->base * 0.3);
  row.running = b->running;
  row.table_head = b->table_head;
  row.again = again;
  /* Translators: a marker in the run sheet: "14:00  End of the 90 min slot" */
  text = g_strdup_printf (_("%s  End of the %u min slot"), b->plan->slot_end,
                          convene_schedule_get_slot_minutes (b->plan->schedule));
  rs_text_add (&b->t, text, RS_BOLD | RS_TNUM, 0.85, RS_ALERT);
  rs_row_set_cell (self, &row, 0, &b->t, self->hpad, row.pad, self->body_width * 0.6,
                   PANGO_ALIGN_LEFT, RS_CELL_SHRINK);
  rs_row_add (self, &row, TRUE);
}

static void
build_entry_row (Builder *b,
                 guint    index,
                 int      again)
{
  ConveneRunsheet *self = b->self;
  ConveneSchedule *schedule = b->plan->schedule;
  const ConveneScheduleEntry *e = convene_schedule_get_entry (schedule, index);
  const ConveneScheduleEntry *next = NULL;
  ConveneSegment *segment = e->segment;
  ConveneSegmentKind kind = convene_segment_get_kind (segment);
  const char *title = segment_title (segment);
  const char *label = convene_segment_kind_get_label (kind);
  const char *notes = convene_segment_get_notes (segment);
  const char *cues = convene_segment_get_cues (segment);
  gboolean top = e->depth == 0;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (segment)));
  guint32 time_color = e->crosses_slot_end ? RS_ALERT : RS_INK;
  GPtrArray *who;
  g_autofree char *minutes = NULL;
  g_autofree char *target = NULL;
  RsRow row;

  if (index + 1 < convene_schedule_get_n_entries (schedule))
    next = convene_schedule_get_entry (schedule, index + 1);

  rs_row_init (&row, top ? RS_ROW_SEGMENT : RS_ROW_ITEM, 0,
               self->base * (top ? 0.55 : 0.4));
  row.running = b->running;
  row.table_head = b->table_head;
  row.again = top ? -1 : again;
  if (top && n_items > 0)
    row.flags |= RS_ROW_PARENT | RS_ROW_KEEP_WITH_NEXT;
  if (next != NULL && next->parent != NULL &&
      next->parent == (top ? segment : e->parent))
    row.flags |= RS_ROW_LIGHT_RULE;
  if (e->crosses_slot_end)
    row.flags |= RS_ROW_ALERT;

  /* Time */
  rs_text_add (&b->t, clock_start (b, index), (top ? RS_BOLD : RS_SEMIBOLD) | RS_TNUM, 1.0, time_color);
  rs_text_add (&b->t, "–", 0, 1.0, time_color);
  rs_text_add (&b->t, clock_end (b, index), RS_TNUM, 1.0, time_color);
  if (convene_segment_get_fixed_start (segment) != CONVENE_NO_FIXED_START)
    {
      rs_text_para (&b->t, 0);
      rs_text_add (&b->t, _("Fixed time"), RS_CAPS, 0.7, RS_MUTED);
    }
  if (e->gap_before != 0)
    {
      g_autofree char *gap = NULL;

      rs_text_para (&b->t, 0);
      if (e->gap_before > 0)
        gap = g_strdup_printf (_("after a %d min gap"), e->gap_before);
      else
        gap = g_strdup_printf (_("overlaps by %d min"), -e->gap_before);
      rs_text_add (&b->t, gap, RS_ITALIC, 0.8, e->gap_before > 0 ? RS_MUTED : RS_ALERT);
    }
  table_cell (b, &row, 0, 0, PANGO_ALIGN_LEFT, 0);

  /* Minutes */
  minutes = format_minutes (e->end - e->start);
  rs_text_add (&b->t, minutes, top ? RS_SEMIBOLD : 0, 1.0, RS_INK);
  table_cell (b, &row, 1, 0, PANGO_ALIGN_RIGHT, 0);

  /* Item */
  if (!title_repeats_kind (title, label))
    {
      rs_text_add (&b->t, label, RS_CAPS | RS_SEMIBOLD, 0.7, RS_MUTED);
      rs_text_para (&b->t, 0.12);
    }
  rs_text_add (&b->t, title, top ? RS_BOLD : 0, top ? 1.1 : 1.0, RS_INK);
  /* The segment lasts what its items take; say how far that is from the
   * length it was meant to have. */
  target = convene_schedule_entry_describe_target (e);
  if (target != NULL)
    {
      rs_text_para (&b->t, 0.12);
      rs_text_add (&b->t, target, RS_ITALIC, 0.85, RS_ALERT);
    }
  if (self->include_notes && notes && *notes)
    {
      rs_text_para (&b->t, 0.25);
      rs_text_add (&b->t, notes, RS_ITALIC, 0.9, 0x3d444d);
    }
  if (self->include_notes && cues && *cues)
    {
      rs_text_para (&b->t, 0.25);
      /* Translators: a stage or AV cue, shown before its text */
      rs_text_add (&b->t, _("Cue"), RS_CAPS | RS_BOLD, 0.72, RS_CUE);
      rs_text_add (&b->t, "  ", 0, 0.9, RS_CUE);
      rs_text_add (&b->t, cues, RS_ITALIC, 0.9, RS_CUE);
    }
  table_cell (b, &row, 2, top ? 0 : self->indent, PANGO_ALIGN_LEFT, 0);

  /* Who */
  who = lookup_assignments (b->by_segment, convene_segment_get_id (segment));
  if (who != NULL && who->len > 0)
    add_who (b, who);
  else if ((kind == CONVENE_SEGMENT_KIND_DISCUSSION || kind == CONVENE_SEGMENT_KIND_QA) &&
           add_session_moderators (b))
    ;
  else if (convene_segment_kind_needs_people (kind) && !(top && n_items > 0))
    rs_text_add (&b->t, _("Nobody assigned yet"), RS_ITALIC, 0.9, RS_TBC);
  table_cell (b, &row, 3, 0, PANGO_ALIGN_LEFT, 0);

  rs_row_add (self, &row, TRUE);
}

/* The first entry that runs past the slot: where the slot ends. Within a
 * segment holding items, the first item past the end is more precise. */
static int
find_slot_end_entry (Builder *b)
{
  ConveneSchedule *schedule = b->plan->schedule;
  guint n = convene_schedule_get_n_entries (schedule);

  if (convene_schedule_get_over_minutes (schedule) <= 0)
    return -1;

  for (guint i = 0; i < n; i++)
    {
      const ConveneScheduleEntry *e = convene_schedule_get_entry (schedule, i);

      if (!e->crosses_slot_end)
        continue;
      for (guint j = i + 1; e->depth == 0 && j < n; j++)
        {
          const ConveneScheduleEntry *item = convene_schedule_get_entry (schedule, j);

          if (item->parent != e->segment)
            break;
          if (item->crosses_slot_end)
            return j;
        }
      return i;
    }
  return -1;
}

static void
build_table (Builder *b)
{
  ConveneRunsheet *self = b->self;
  ConveneSchedule *schedule = b->plan->schedule;
  const char *labels[4] = { _("Time"), _("Min"), _("Item"), _("Who") };
  guint n = convene_schedule_get_n_entries (schedule);
  int slot_end = find_slot_end_entry (b);
  int again = -1;

  b->table_head = build_table_head (b, labels);

  if (n == 0)
    {
      RsRow row;

      rs_row_init (&row, RS_ROW_NOTE, 0, self->base * 0.8);
      row.running = b->running;
      row.table_head = b->table_head;
      rs_text_add (&b->t, _("Nothing is planned in this session yet."), RS_ITALIC, 1.0, RS_MUTED);
      table_cell (b, &row, 2, 0, PANGO_ALIGN_LEFT, 0);
      rs_row_add (self, &row, TRUE);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      const ConveneScheduleEntry *e = convene_schedule_get_entry (schedule, i);

      if (e->depth == 0)
        again = -1;
      if (e->depth == 0 && g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (e->segment))) > 0)
        again = build_parent_again (b, i);
      if ((int) i == slot_end)
        build_slot_end (b, e->depth == 0 ? -1 : again);
      build_entry_row (b, i, again);
    }
}

/* Sections */

static GPtrArray *
collect_people (Builder *b)
{
  ConveneSchedule *schedule = b->plan->schedule;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  guint n = convene_schedule_get_n_entries (schedule);

  for (int i = -1; i < (int) n; i++)
    {
      GPtrArray *list;

      if (i < 0)
        list = lookup_assignments (b->by_session, convene_session_get_id (b->plan->session));
      else
        list = lookup_assignments (b->by_segment,
                                   convene_segment_get_id (convene_schedule_get_entry (schedule, i)->segment));

      for (guint k = 0; list && k < list->len; k++)
        {
          ConveneAssignment *a = g_ptr_array_index (list, k);
          ConveneSpeaker *speaker = lookup_speaker (b, convene_assignment_get_speaker_id (a));
          Appearance app = { convene_assignment_get_role (a), i };
          Person *person = g_hash_table_lookup (seen, speaker);

          if (person == NULL)
            {
              person = g_new0 (Person, 1);
              person->speaker = speaker;
              person->appearances = g_array_new (FALSE, FALSE, sizeof (Appearance));
              g_hash_table_insert (seen, speaker, person);
              g_ptr_array_add (people, person);
            }
          g_array_append_val (person->appearances, app);
        }
    }

  return people;
}

/* A section title under a small kicker (NULL for a sub-heading, set
 * smaller); break_before puts it at the top of a new page. */
static void
build_heading (Builder    *b,
               const char *kicker,
               const char *title,
               gboolean    break_before)
{
  ConveneRunsheet *self = b->self;
  RsRow row;

  rs_row_init (&row, RS_ROW_HEADING,
               RS_ROW_KEEP_WITH_NEXT | (break_before ? RS_ROW_BREAK_BEFORE : 0), 0);
  row.running = break_before ? -1 : b->running;
  if (kicker != NULL)
    {
      rs_text_add (&b->t, kicker, RS_CAPS | RS_SEMIBOLD, 0.78, RS_MUTED);
      rs_text_para (&b->t, 0.2);
    }
  rs_text_add (&b->t, title, RS_BOLD, kicker ? 1.6 : 1.2, RS_INK);
  /* The title restates the session's, shown in full in its header. */
  rs_row_set_cell (self, &row, 0, &b->t, 0,
                   break_before ? 0 : self->base * (kicker ? 2.2 : 1.6),
                   self->body_width, PANGO_ALIGN_LEFT, RS_CELL_LINES (3));
  row.height = row.cells[0].y + row.cells[0].height + self->base * 1.1;
  if (kicker != NULL)
    {
      row.outline = g_strdup (kicker);
      row.outline_level = 1;
    }
  rs_row_add (self, &row, TRUE);
}

/* Running text across the page, in the session's flow. */
static void
build_text_row (Builder *b,
                RsRowKind kind,
                guint     flags,
                double    pad)
{
  ConveneRunsheet *self = b->self;
  RsRow row;

  rs_row_init (&row, kind, flags | RS_ROW_NO_RULE, pad);
  row.running = b->running;
  rs_row_set_cell (self, &row, 0, &b->t, 0, pad, self->body_width, PANGO_ALIGN_LEFT, 0);
  rs_row_add (self, &row, TRUE);
}

static void
add_appearance_time (Builder          *b,
                     const Appearance *app,
                     guint             style,
                     double            scale)
{
  g_autofree char *range = NULL;

  if (app->entry < 0)
    range = g_strdup_printf ("%s–%s", b->plan->start, b->plan->slot_end);
  else
    range = g_strdup_printf ("%s–%s", clock_start (b, app->entry), clock_end (b, app->entry));
  rs_text_add (&b->t, range, style | RS_TNUM, scale, RS_INK);
}

static const char *
appearance_title (Builder          *b,
                  const Appearance *app)
{
  if (app->entry < 0)
    return _("The whole session");
  return segment_title (convene_schedule_get_entry (b->plan->schedule, app->entry)->segment);
}

static void
build_contact_sheet (Builder *b)
{
  ConveneRunsheet *self = b->self;
  const double share[4] = { 0.28, 0.17, 0.25, 0.30 };
  const char *labels[4] = { _("Person"), _("Phone"), _("Email"), _("On stage") };
  double x[4], w[4];
  RsRow row;
  int head;

  build_heading (b, _("Speaker contact sheet"), convene_session_get_title (b->plan->session), FALSE);

  if (b->people->len == 0)
    {
      rs_text_add (&b->t, _("Nobody is assigned to this session yet."), RS_ITALIC, 1.0, RS_MUTED);
      build_text_row (b, RS_ROW_NOTE, 0, self->base * 0.4);
      return;
    }

  for (guint c = 0; c < 4; c++)
    {
      x[c] = c == 0 ? 0 : x[c - 1] + w[c - 1];
      w[c] = self->body_width * share[c];
    }

  rs_row_init (&row, RS_ROW_TABLE_HEAD, RS_ROW_KEEP_WITH_NEXT, self->base * 0.3);
  row.running = b->running;
  for (guint c = 0; c < 4; c++)
    {
      rs_text_add (&b->t, labels[c], RS_CAPS | RS_SEMIBOLD, 0.72, RS_MUTED);
      rs_row_set_cell (self, &row, c, &b->t, x[c] + self->hpad, row.pad, w[c] - 2 * self->hpad,
                       PANGO_ALIGN_LEFT, 0);
    }
  head = rs_row_add (self, &row, TRUE);

  for (guint p = 0; p < b->people->len; p++)
    {
      Person *person = g_ptr_array_index (b->people, p);
      ConveneSpeaker *speaker = person->speaker;
      const char *job = convene_speaker_get_job_title (speaker);
      const char *organisation = convene_speaker_get_organisation (speaker);
      const char *phone = convene_speaker_get_phone (speaker);
      const char *email = convene_speaker_get_email (speaker);

      rs_row_init (&row, RS_ROW_PLAIN, 0, self->base * 0.5);
      row.running = b->running;
      row.table_head = head;

      add_name (b, speaker, RS_BOLD, 1.0);
      if (job && *job)
        {
          rs_text_para (&b->t, 0);
          rs_text_add (&b->t, job, 0, 0.88, RS_MUTED);
        }
      if (organisation && *organisation)
        {
          rs_text_para (&b->t, 0);
          rs_text_add (&b->t, organisation, RS_SEMIBOLD, 0.88, RS_MUTED);
        }
      rs_row_set_cell (self, &row, 0, &b->t, x[0] + self->hpad, row.pad, w[0] - 2 * self->hpad,
                       PANGO_ALIGN_LEFT, 0);

      rs_text_add (&b->t, (phone && *phone) ? phone : "—", RS_TNUM, 1.0,
                   (phone && *phone) ? RS_INK : RS_FAINT);
      rs_row_set_cell (self, &row, 1, &b->t, x[1] + self->hpad, row.pad, w[1] - 2 * self->hpad,
                       PANGO_ALIGN_LEFT, 0);

      rs_text_add (&b->t, (email && *email) ? email : "—", 0, 0.95,
                   (email && *email) ? RS_INK : RS_FAINT);
      rs_row_set_cell (self, &row, 2, &b->t, x[2] + self->hpad, row.pad, w[2] - 2 * self->hpad,
                       PANGO_ALIGN_LEFT, 0);

      for (guint a = 0; a < person->appearances->len; a++)
        {
          const Appearance *app = &g_array_index (person->appearances, Appearance, a);

          rs_text_para (&b->t, 0.25);
          add_appearance_time (b, app, RS_SEMIBOLD, 0.9);
          rs_text_add (&b->t, "  ", 0, 0.9, RS_INK);
          rs_text_add (&b->t, convene_role_get_label (app->role), 0, 0.85, RS_MUTED);
          rs_text_para (&b->t, 0);
          rs_text_add (&b->t, appearance_title (b, app), 0, 0.85, RS_INK);
        }
      rs_row_set_cell (self, &row, 3, &b->t, x[3] + self->hpad, row.pad, w[3] - 2 * self->hpad,
                       PANGO_ALIGN_LEFT, 0);
      rs_row_add (self, &row, TRUE);
    }
}

static void
build_outcomes (Builder *b)
{
  ConveneRunsheet *self = b->self;
  GListModel *outcomes = G_LIST_MODEL (convene_session_get_outcomes (b->plan->session));
  GListModel *links = G_LIST_MODEL (convene_project_get_outcome_links (self->project));
  guint n = g_list_model_get_n_items (outcomes);
  guint n_links = g_list_model_get_n_items (links);
  double text_x = self->hpad + self->base * 2.2;

  build_heading (b, _("Outcomes checklist"), convene_session_get_title (b->plan->session), FALSE);

  if (n == 0)
    {
      rs_text_add (&b->t, _("No outcomes are listed for this session yet."), RS_ITALIC, 1.0, RS_MUTED);
      build_text_row (b, RS_ROW_NOTE, 0, self->base * 0.4);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);
      const char *text = convene_outcome_get_text (outcome);
      ConveneSpeaker *owner = lookup_speaker (b, convene_outcome_get_owner_id (outcome));
      const char *due = convene_outcome_get_due_date (outcome);
      gboolean has_links = FALSE;
      gboolean first_part = TRUE;
      RsRow row;

      for (guint k = 0; k < n_links && !has_links; k++)
        {
          g_autoptr(ConveneOutcomeLink) link = g_list_model_get_item (links, k);

          has_links = convene_outcome_link_get_outcome_id (link) == convene_outcome_get_id (outcome);
        }

      rs_row_init (&row, RS_ROW_CHECK, convene_outcome_get_done (outcome) ? RS_ROW_DONE : 0,
                   self->base * 0.55);
      row.running = b->running;

      rs_text_add (&b->t, convene_outcome_kind_get_label (convene_outcome_get_kind (outcome)),
                   RS_CAPS | RS_SEMIBOLD, 0.7, RS_MUTED);
      rs_text_para (&b->t, 0.12);
      rs_text_add (&b->t, (text && *text) ? text : _("Untitled"), 0, 1.05, RS_INK);

      if (has_links || owner != NULL || (due && *due))
        rs_text_para (&b->t, 0.1);

      /* The segments that serve it, in the order they were linked, each at
       * the time it starts. */
      for (guint l = 0; l < n_links; l++)
        {
          g_autoptr(ConveneOutcomeLink) link = g_list_model_get_item (links, l);
          gint64 segment_id = convene_outcome_link_get_segment_id (link);
          guint m = convene_schedule_get_n_entries (b->plan->schedule);

          if (convene_outcome_link_get_outcome_id (link) != convene_outcome_get_id (outcome))
            continue;

          for (guint k = 0; k < m; k++)
            {
              const ConveneScheduleEntry *candidate = convene_schedule_get_entry (b->plan->schedule, k);

              if (convene_segment_get_id (candidate->segment) == segment_id)
                {
                  g_autofree char *at = g_strdup_printf ("%s  ", clock_start (b, k));

                  if (!first_part)
                    rs_text_add (&b->t, "  ·  ", 0, 0.85, RS_FAINT);
                  first_part = FALSE;
                  rs_text_add (&b->t, at, RS_SEMIBOLD | RS_TNUM, 0.85, RS_MUTED);
                  rs_text_add (&b->t, segment_title (candidate->segment), 0, 0.85, RS_MUTED);
                  break;
                }
            }
        }
      if (owner != NULL)
        {
          if (!first_part)
            rs_text_add (&b->t, "  ·  ", 0, 0.85, RS_FAINT);
          first_part = FALSE;
          rs_text_add (&b->t, _("Owner: "), RS_SEMIBOLD, 0.85, RS_MUTED);
          add_name (b, owner, 0, 0.85);
        }
      if (due && *due)
        {
          g_autofree char *text_due = g_strdup_printf (_("due %s"), due);

          if (!first_part)
            rs_text_add (&b->t, "  ·  ", 0, 0.85, RS_FAINT);
          rs_text_add (&b->t, text_due, 0, 0.85, RS_MUTED);
        }

      rs_row_set_cell (self, &row, 0, &b->t, text_x, row.pad, self->body_width - text_x - self->hpad,
                       PANGO_ALIGN_LEFT, 0);
      rs_row_add (self, &row, TRUE);
    }
}

static void
build_moderator_card (Builder *b)
{
  ConveneRunsheet *self = b->self;
  ConveneSchedule *schedule = b->plan->schedule;
  GListModel *outcomes = G_LIST_MODEL (convene_session_get_outcomes (b->plan->session));
  const char *title = convene_session_get_title (b->plan->session);
  guint n = g_list_model_get_n_items (outcomes);
  guint n_entries = convene_schedule_get_n_entries (schedule);
  g_autofree char *fit = fit_text (b);
  guint number = 0;
  RsRow row;

  build_heading (b, _("Moderator card"), (title && *title) ? title : _("Untitled session"), TRUE);

  add_when_where (b, 0.95);
  add_session_people (b, 1.0);
  rs_text_para (&b->t, 0.3);
  rs_text_add (&b->t, fit, RS_BOLD, 1.0,
               convene_schedule_get_over_minutes (schedule) > 0 ? RS_ALERT : RS_GOOD);
  build_text_row (b, RS_ROW_PLAIN, 0, self->base * 0.2);

  build_heading (b, NULL, _("Guiding questions"), FALSE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);
      g_autofree char *num = NULL;

      if (convene_outcome_get_kind (outcome) != CONVENE_OUTCOME_KIND_GUIDING_QUESTION)
        continue;

      rs_row_init (&row, RS_ROW_QUESTION, 0, self->base * 0.75);
      row.running = b->running;
      num = g_strdup_printf ("%u", ++number);
      rs_text_add (&b->t, num, RS_BOLD | RS_TNUM, 1.35, RS_MUTED);
      rs_row_set_cell (self, &row, 0, &b->t, self->hpad, row.pad, self->base * 2.2,
                       PANGO_ALIGN_LEFT, 0);
      rs_text_add (&b->t, convene_outcome_get_text (outcome), 0, 1.2, RS_INK);
      rs_row_set_cell (self, &row, 1, &b->t, self->hpad + self->base * 2.6, row.pad,
                       self->body_width - 2 * self->hpad - self->base * 2.6, PANGO_ALIGN_LEFT, 0);
      rs_row_add (self, &row, TRUE);
    }
  if (number == 0)
    {
      rs_text_add (&b->t, _("No guiding questions are listed for this session yet."),
                   RS_ITALIC, 1.0, RS_MUTED);
      build_text_row (b, RS_ROW_NOTE, 0, self->base * 0.4);
    }

  build_heading (b, NULL, _("Running order"), FALSE);
  for (guint i = 0; i < n_entries; i++)
    {
      const ConveneScheduleEntry *e = convene_schedule_get_entry (schedule, i);
      GPtrArray *who = lookup_assignments (b->by_segment, convene_segment_get_id (e->segment));
      g_autofree char *minutes = format_minutes (e->end - e->start);
      gboolean top = e->depth == 0;

      rs_row_init (&row, RS_ROW_PLAIN, 0, self->base * 0.3);
      row.running = b->running;
      rs_text_add (&b->t, clock_start (b, i), (top ? RS_BOLD : 0) | RS_TNUM, 1.0,
                   e->crosses_slot_end ? RS_ALERT : RS_INK);
      table_cell (b, &row, 0, 0, PANGO_ALIGN_LEFT, 0);
      rs_text_add (&b->t, minutes, 0, 0.9, RS_MUTED);
      table_cell (b, &row, 1, 0, PANGO_ALIGN_RIGHT, 0);
      rs_text_add (&b->t, segment_title (e->segment), top ? RS_BOLD : 0, 1.0, RS_INK);
      for (guint k = 0; who && k < who->len; k++)
        {
          ConveneAssignment *a = g_ptr_array_index (who, k);

          rs_text_add (&b->t, k == 0 ? "  —  " : ", ", 0, 1.0, RS_FAINT);
          add_name_with_organisation (b, lookup_speaker (b, convene_assignment_get_speaker_id (a)), 0.95);
        }
      rs_row_set_cell (self, &row, 2, &b->t,
                       self->col_x[2] + self->hpad + (top ? 0 : self->indent), row.pad,
                       self->body_width - self->col_x[2] - 2 * self->hpad - (top ? 0 : self->indent),
                       PANGO_ALIGN_LEFT, 0);
      rs_row_add (self, &row, TRUE);
    }
}

static void
build_call_sheets (Builder *b)
{
  ConveneRunsheet *self = b->self;
  const char *labels[4] = { _("Time"), _("Min"), _("Item"), _("Role") };
  ConveneSession *session = b->plan->session;
  const char *session_title = convene_session_get_title (session);
  double kicker_gap = gap_height (b, 0.2);

  for (guint p = 0; p < b->people->len; p++)
    {
      Person *person = g_ptr_array_index (b->people, p);
      ConveneSpeaker *speaker = person->speaker;
      const char *job = convene_speaker_get_job_title (speaker);
      const char *organisation = convene_speaker_get_organisation (speaker);
      int head;
      RsRow row;

      /* The column titles' rule closes this header: no rule of its own. */
      rs_row_init (&row, RS_ROW_HEADING,
                   RS_ROW_KEEP_WITH_NEXT | RS_ROW_BREAK_BEFORE | RS_ROW_NO_RULE, 0);
      rs_text_add (&b->t, _("Call sheet"), RS_CAPS | RS_SEMIBOLD, 0.78, RS_MUTED);
      rs_text_add (&b->t, "  ·  ", 0, 0.78, RS_FAINT);
      rs_text_add (&b->t, (session_title && *session_title) ? session_title : _("Untitled session"),
                   RS_CAPS | RS_SEMIBOLD, 0.78, RS_MUTED);
      /* A reminder of the session on each person's page: one line. */
      rs_row_set_cell (self, &row, 0, &b->t, 0, 0, self->body_width, PANGO_ALIGN_LEFT, RS_CELL_ONE_LINE);
      add_name (b, speaker, RS_BOLD, 1.7);
      if ((job && *job) || (organisation && *organisation))
        {
          rs_text_para (&b->t, 0.1);
          rs_text_add (&b->t, job, 0, 1.0, RS_MUTED);
          if (job && *job && organisation && *organisation)
            rs_text_add (&b->t, ", ", 0, 1.0, RS_MUTED);
          rs_text_add (&b->t, organisation, RS_SEMIBOLD, 1.0, RS_MUTED);
        }
      rs_text_para (&b->t, 0.5);
      add_when_where (b, 0.95);
      add_session_people (b, 0.95);
      rs_row_set_cell (self, &row, 1, &b->t, 0, row.cells[0].height + kicker_gap,
                       self->body_width, PANGO_ALIGN_LEFT, 0);
      row.height = row.cells[1].y + row.cells[1].height + self->base * 1.6;
      {
        g_autofree char *name = convene_speaker_dup_display_name (speaker);

        /* Translators: a bookmark in the PDF, %s is a person's name */
        row.outline = g_strdup_printf (_("Call sheet: %s"), name ? name : "");
        row.outline_level = 1;
      }
      rs_row_add (self, &row, TRUE);

      head = build_table_head (b, labels);

      for (guint a = 0; a < person->appearances->len; a++)
        {
          const Appearance *app = &g_array_index (person->appearances, Appearance, a);
          g_autofree char *minutes = NULL;

          rs_row_init (&row, RS_ROW_PLAIN, 0, self->base * 0.55);
          row.running = b->running;
          row.table_head = head;

          add_appearance_time (b, app, RS_BOLD, 1.0);
          table_cell (b, &row, 0, 0, PANGO_ALIGN_LEFT, 0);

          if (app->entry >= 0)
            {
              const ConveneScheduleEntry *e = convene_schedule_get_entry (b->plan->schedule, app->entry);
              const char *notes = convene_segment_get_notes (e->segment);
              const char *cues = convene_segment_get_cues (e->segment);

              minutes = format_minutes (e->end - e->start);
              if (e->parent != NULL)
                {
                  rs_text_add (&b->t, segment_title (e->parent), RS_CAPS | RS_SEMIBOLD, 0.7, RS_MUTED);
                  rs_text_para (&b->t, 0.12);
                }
              rs_text_add (&b->t, segment_title (e->segment), RS_BOLD, 1.05, RS_INK);
              if (self->include_notes && notes && *notes)
                {
                  rs_text_para (&b->t, 0.25);
                  rs_text_add (&b->t, notes, RS_ITALIC, 0.9, 0x3d444d);
                }
              if (self->include_notes && cues && *cues)
                {
                  rs_text_para (&b->t, 0.25);
                  rs_text_add (&b->t, _("Cue"), RS_CAPS | RS_BOLD, 0.72, RS_CUE);
                  rs_text_add (&b->t, "  ", 0, 0.9, RS_CUE);
                  rs_text_add (&b->t, cues, RS_ITALIC, 0.9, RS_CUE);
                }
            }
          else
            {
              minutes = format_minutes ((int) convene_session_get_slot_minutes (session));
              rs_text_add (&b->t, _("The whole session"), RS_BOLD, 1.05, RS_INK);
            }
          table_cell (b, &row, 2, 0, PANGO_ALIGN_LEFT, 0);
          rs_text_add (&b->t, minutes, 0, 1.0, RS_INK);
          table_cell (b, &row, 1, 0, PANGO_ALIGN_RIGHT, 0);
          rs_text_add (&b->t, convene_role_get_label (app->role), RS_SEMIBOLD, 1.0, RS_INK);
          table_cell (b, &row, 3, 0, PANGO_ALIGN_LEFT, 0);
          rs_row_add (self, &row, TRUE);
        }
    }
}

/* The planned and actual section: one row per segment run live (items
 * indented under their panel), then the totals. */
#define PA_COLUMNS 6

typedef struct {
  double x[PA_COLUMNS];
  double w[PA_COLUMNS];
} PaColumns;

static void
pa_cell (Builder         *b,
         RsRow           *row,
         const PaColumns *cols,
         guint            col,
         double           inset)
{
  ConveneRunsheet *self = b->self;

  rs_row_set_cell (self, row, col, &b->t, cols->x[col] + self->hpad + inset, row->pad,
                   cols->w[col] - 2 * self->hpad - inset,
                   col == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT, 0);
}

/* "+2:35", "−0:40" or "0:00". */
static char *
format_difference (gint64 difference)
{
  g_autofree char *text = convene_live_format_duration (difference);

  if (difference >= G_USEC_PER_SEC)
    return g_strconcat ("+", text, NULL);
  return g_steal_pointer (&text);
}

/* One line of the table. start/length: 0 for what is not known (a segment
 * not run, or still running); a difference is shown only when both lengths
 * are known. */
static void
build_pa_row (Builder         *b,
              const PaColumns *cols,
              int              head,
              RsRowKind        kind,
              guint            flags,
              double           inset,
              const char      *title,
              guint            title_style,
              ConveneLive     *live,
              gint64           planned_start,
              gint64           actual_start,
              gint64           planned_length,
              gint64           actual_length)
{
  ConveneRunsheet *self = b->self;
  guint style = (title_style & RS_BOLD) | RS_TNUM;
  RsRow row;

  rs_row_init (&row, kind, flags, self->base * 0.45);
  row.running = b->running;
  row.table_head = head;

  rs_text_add (&b->t, title, title_style, 1.0, RS_INK);
  pa_cell (b, &row, cols, 0, inset);

  if (planned_start != 0)
    {
      g_autofree char *text = convene_live_format_clock (live, planned_start, self->use_12h);

      rs_text_add (&b->t, text, style, 1.0, RS_MUTED);
    }
  pa_cell (b, &row, cols, 1, 0);

  if (actual_start != 0)
    {
      g_autofree char *text = convene_live_format_clock (live, actual_start, self->use_12h);

      rs_text_add (&b->t, text, style, 1.0, RS_INK);
    }
  else
    rs_text_add (&b->t, _("not run"), RS_ITALIC, 0.9, RS_FAINT);
  pa_cell (b, &row, cols, 2, 0);

  {
    g_autofree char *text = convene_live_format_duration (planned_length);

    rs_text_add (&b->t, text, style, 1.0, RS_MUTED);
    pa_cell (b, &row, cols, 3, 0);
  }

  if (actual_length > 0)
    {
      g_autofree char *text = convene_live_format_duration (actual_length);
      g_autofree char *difference = format_difference (actual_length - planned_length);
      gint64 delta = actual_length - planned_length;

      rs_text_add (&b->t, text, style, 1.0, RS_INK);
      pa_cell (b, &row, cols, 4, 0);
      rs_text_add (&b->t, difference, style | RS_SEMIBOLD, 1.0,
                   delta >= G_USEC_PER_SEC ? RS_ALERT :
                   delta <= -G_USEC_PER_SEC ? RS_GOOD : RS_INK);
      pa_cell (b, &row, cols, 5, 0);
    }
  else if (actual_start != 0)
    {
      rs_text_add (&b->t, _("running"), RS_ITALIC, 0.9, RS_FAINT);
      pa_cell (b, &row, cols, 4, 0);
    }

  rs_row_add (self, &row, TRUE);
}

/* What a panel's items did together: the first item's actual start, and
 * from it to the last item's end when every item that started has ended. */
static void
panel_actuals (ConveneLive *live,
               guint        first,
               guint        last,
               gint64      *actual_start,
               gint64      *actual_length)
{
  gint64 start = 0, end = 0;
  gboolean open = FALSE;

  for (guint i = first; i <= last; i++)
    {
      const ConveneLiveRecord *record = convene_live_get_record (live, i);

      if (record->actual_start == 0)
        continue;
      if (start == 0 || record->actual_start < start)
        start = record->actual_start;
      if (record->actual_end == 0)
        open = TRUE;
      end = MAX (end, record->actual_end);
    }
  *actual_start = start;
  *actual_length = (start != 0 && !open && end > start) ? end - start : 0;
}

static void
build_planned_actual (Builder *b)
{
  ConveneRunsheet *self = b->self;
  ConveneSession *session = b->plan->session;
  const double share[PA_COLUMNS] = { 0.35, 0.13, 0.13, 0.13, 0.13, 0.13 };
  const char *labels[PA_COLUMNS] = {
    _("Segment"), _("Planned start"), _("Actual start"),
    _("Planned length"), _("Actual length"), _("Difference"),
  };
  g_autoptr(GTimeZone) tz = convene_project_dup_gtime_zone (self->project);
  g_autoptr(ConveneLive) live = NULL;
  gint64 first_start = 0, last_end = 0, planned_total = 0;
  gboolean ran = FALSE, open = FALSE;
  guint n_steps;
  PaColumns cols;
  RsRow row;
  int head;

  if (g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_live_events (session))) == 0)
    return;
  /* The records only are read, so the real clock does no harm. */
  live = convene_live_new (session, tz, NULL, NULL, NULL);
  n_steps = convene_live_get_n_steps (live);
  for (guint i = 0; i < n_steps; i++)
    {
      const ConveneLiveRecord *record = convene_live_get_record (live, i);

      if (record->actual_start == 0)
        continue;
      ran = TRUE;
      if (first_start == 0 || record->actual_start < first_start)
        first_start = record->actual_start;
      if (record->actual_end == 0)
        open = TRUE;
      last_end = MAX (last_end, record->actual_end);
    }
  if (!ran)
    return;

  build_heading (b, _("Planned and actual"), convene_session_get_title (session), FALSE);
  rs_text_add (&b->t, _("Lengths in minutes and seconds, as the session was run live. Time on hold "
                        "counts in the actual length; a positive difference ran over."),
               0, 0.88, RS_MUTED);
  build_text_row (b, RS_ROW_NOTE, RS_ROW_KEEP_WITH_NEXT, self->base * 0.2);

  for (guint c = 0; c < PA_COLUMNS; c++)
    {
      cols.x[c] = c == 0 ? 0 : cols.x[c - 1] + cols.w[c - 1];
      cols.w[c] = self->body_width * share[c];
    }
  rs_row_init (&row, RS_ROW_TABLE_HEAD, RS_ROW_KEEP_WITH_NEXT, self->base * 0.3);
  row.running = b->running;
  for (guint c = 0; c < PA_COLUMNS; c++)
    {
      rs_text_add (&b->t, labels[c], RS_CAPS | RS_SEMIBOLD, 0.72, RS_MUTED);
      pa_cell (b, &row, &cols, c, 0);
    }
  head = rs_row_add (self, &row, TRUE);

  for (guint i = 0; i < n_steps; i++)
    {
      ConveneSegment *panel = convene_live_get_step_panel (live, i);
      ConveneSegment *segment = convene_live_get_step_segment (live, i);
      const ConveneLiveRecord *record = convene_live_get_record (live, i);
      const ConveneScheduleEntry *entry = convene_schedule_lookup (convene_live_get_schedule (live), segment);
      gint64 planned_length = (gint64) (entry->end - entry->start) * CONVENE_LIVE_MINUTE;

      planned_total += planned_length;
      if (panel != NULL && (i == 0 || convene_live_get_step_panel (live, i - 1) != panel))
        {
          const ConveneScheduleEntry *pe = convene_schedule_lookup (convene_live_get_schedule (live), panel);
          gint64 actual_start, actual_length;
          guint last = i;

          while (last + 1 < n_steps && convene_live_get_step_panel (live, last + 1) == panel)
            last++;
          panel_actuals (live, i, last, &actual_start, &actual_length);
          build_pa_row (b, &cols, head, RS_ROW_SEGMENT, RS_ROW_PARENT | RS_ROW_KEEP_WITH_NEXT, 0,
                        segment_title (panel), RS_BOLD, live,
                        convene_live_get_planned_start (live, i), actual_start,
                        (gint64) (pe->end - pe->start) * CONVENE_LIVE_MINUTE, actual_length);
        }

      build_pa_row (b, &cols, head, RS_ROW_PLAIN, 0, panel != NULL ? self->indent : 0,
                    segment_title (segment), panel != NULL ? 0 : RS_SEMIBOLD, live,
                    convene_live_get_planned_start (live, i), record->actual_start,
                    planned_length,
                    record->actual_end != 0 ? record->actual_end - record->actual_start : 0);
    }

  build_pa_row (b, &cols, head, RS_ROW_SEGMENT, RS_ROW_PARENT, 0, _("The whole session"), RS_BOLD,
                live, convene_live_get_planned_start (live, 0), first_start, planned_total,
                open ? 0 : last_end - first_start);
}

static void
build_session (Builder  *b,
               Plan     *plan,
               gboolean  first)
{
  ConveneRunsheetOptions *options = b->self->options;
  g_autoptr(GDateTime) start = NULL;

  b->plan = plan;
  start = convene_schedule_dup_clock (plan->schedule, 0);
  g_free (b->date_text);
  /* Translators: a session's date in full, g_date_time_format() */
  b->date_text = start ? g_date_time_format (start, _("%A %-d %B %Y")) : NULL;
  if (b->date_text == NULL)
    b->date_text = g_strdup (convene_session_get_date (plan->session));

  build_session_header (b, first);
  b->running = build_running_header (b);
  build_table (b);

  g_clear_pointer (&b->people, g_ptr_array_unref);
  b->people = collect_people (b);

  if (convene_runsheet_options_get_planned_actual (options))
    build_planned_actual (b);
  if (convene_runsheet_options_get_contact_sheet (options))
    build_contact_sheet (b);
  if (convene_runsheet_options_get_outcomes_checklist (options))
    build_outcomes (b);
  if (convene_runsheet_options_get_moderator_card (options))
    build_moderator_card (b);
  if (convene_runsheet_options_get_call_sheets (options))
    build_call_sheets (b);
}

gboolean
rs_build_content (ConveneRunsheet *self,
                  GError         **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  Builder b = { 0 };

  sessions = select_sessions (self, error);
  if (sessions == NULL)
    return FALSE;

  b.self = self;
  b.running = -1;
  b.table_head = -1;
  rs_text_init (&b.t, self->base);
  index_project (&b);

  tz = convene_project_dup_gtime_zone (self->project);
  plans = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_free);
  for (guint i = 0; i < sessions->len; i++)
    g_ptr_array_add (plans, plan_new (self, g_ptr_array_index (sessions, i), tz));

  compute_columns (&b, plans);

  for (guint i = 0; i < plans->len; i++)
    build_session (&b, g_ptr_array_index (plans, i), i == 0);

  g_clear_pointer (&b.people, g_ptr_array_unref);
  g_free (b.date_text);
  g_hash_table_unref (b.speakers);
  g_hash_table_unref (b.by_segment);
  g_hash_table_unref (b.by_session);
  rs_text_clear (&b.t);

  return TRUE;
}
