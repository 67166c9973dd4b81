#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "convene-schedule.h"
#include "convene-validate.h"
#include "convene-warnings.h"

G_DEFINE_BOXED_TYPE (ConveneWarning, convene_warning, convene_warning_copy, convene_warning_free)

ConveneWarning *
convene_warning_copy (const ConveneWarning *warning)
{
  ConveneWarning *copy;

  g_return_val_if_fail (warning != NULL, NULL);

  copy = g_memdup2 (warning, sizeof *warning);
  copy->message = g_strdup (warning->message);
  return copy;
}

void
convene_warning_free (ConveneWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->message);
  g_free (warning);
}

gboolean
convene_warning_involves_session (const ConveneWarning *warning,
                                  gint64                session_id)
{
  g_return_val_if_fail (warning != NULL, FALSE);
  return session_id != 0 &&
         (warning->session_id == session_id || warning->other_session_id == session_id);
}

gboolean
convene_warning_involves_segment (const ConveneWarning *warning,
                                  gint64                segment_id)
{
  g_return_val_if_fail (warning != NULL, FALSE);
  return segment_id != 0 &&
         (warning->segment_id == segment_id || warning->other_segment_id == segment_id);
}

const char *
convene_warning_kind_get_label (ConveneWarningKind kind)
{
  switch (kind)
    {
    case CONVENE_WARNING_KIND_TBC:
      /* Translators: short badge: "to be confirmed" */
      return _("TBC");
    case CONVENE_WARNING_KIND_DECLINED_ASSIGNED:
      return _("Declined");
    case CONVENE_WARNING_KIND_CONFLICT:
      return _("Conflict");
    case CONVENE_WARNING_KIND_UNSTAFFED:
      return _("Nobody assigned");
    case CONVENE_WARNING_KIND_OVER_TARGET:
      /* Translators: short badge: a panel's talks take longer than its target length */
      return _("Over target");
    case CONVENE_WARNING_KIND_UNDER_TARGET:
      /* Translators: short badge: a panel's talks take less than its target length */
      return _("Under target");
    default:
      g_return_val_if_reached ("");
    }
}

/* What the computation knows about the project: each session's schedule
 * and each segment's place in it, found by id in constant time. */

typedef struct
{
  ConveneSession  *session;    /* borrowed */
  ConveneSchedule *schedule;   /* owned */
  gint64           id;
  guint            order;      /* programme order of the session itself */
  gboolean         dated;      /* has a real date, so it can clash */
  gint64           start_unix; /* the instant of its start, in seconds */
  int              span_end;   /* minutes from the start to its end */
  /* Which session-level roles host its openings, discussions, closings. */
  gboolean         hosted_by_chair;
  gboolean         hosted_opening;
  gboolean         hosted_closing;
} SessionInfo;

typedef struct
{
  gint64                      id;
  SessionInfo                *session;  /* borrowed */
  const ConveneScheduleEntry *entry;    /* borrowed from the session's schedule */
  gint64                      parent_id;
  guint                       order;
  gboolean                    staffed;  /* someone (not declined) is on it */
} SegmentInfo;

typedef struct
{
  gint64          id;
  ConveneSpeaker *speaker;   /* borrowed */
  char           *display_name;
} SpeakerInfo;

typedef struct
{
  gint64 session_id;
  gint64 segment_id;
  gint64 speaker_id;
} Scope;

typedef struct
{
  ConveneProject *project;      /* borrowed */
  gboolean        use_12h;
  Scope           scope;
  GPtrArray      *sessions;     /* SessionInfo, owned */
  GPtrArray      *segments;     /* SegmentInfo, owned */
  GPtrArray      *speakers;     /* SpeakerInfo, owned */
  GHashTable     *session_by_id;
  GHashTable     *segment_by_id;
  GHashTable     *speaker_by_id;
  GPtrArray      *assignments;  /* ConveneAssignment, owned references */
  GArray         *found;        /* Found */
  /* Translated once per computation, not once per assignment: a project's
   * every unconfirmed person on every segment makes a message. */
  const char     *role_labels[CONVENE_N_ROLES];
  const char     *role_place_format;
  const char     *declined_format;
  const char     *invited_format;
  const char     *tentative_format;
} Context;

/* A warning with what it sorts by. */
typedef struct
{
  ConveneWarning *warning;
  guint           order;
  guint           seq;
} Found;

static void
session_info_free (gpointer data)
{
  SessionInfo *info = data;

  g_clear_pointer (&info->schedule, convene_schedule_unref);
  g_free (info);
}

static void
speaker_info_free (gpointer data)
{
  SpeakerInfo *info = data;

  g_free (info->display_name);
  g_free (info);
}

static void
context_clear (Context *ctx)
{
  for (guint i = 0; ctx->found != NULL && i < ctx->found->len; i++)
    convene_warning_free (g_array_index (ctx->found, Found, i).warning);
  g_clear_pointer (&ctx->found, g_array_unref);
  g_clear_pointer (&ctx->session_by_id, g_hash_table_unref);
  g_clear_pointer (&ctx->segment_by_id, g_hash_table_unref);
  g_clear_pointer (&ctx->speaker_by_id, g_hash_table_unref);
  g_clear_pointer (&ctx->sessions, g_ptr_array_unref);
  g_clear_pointer (&ctx->segments, g_ptr_array_unref);
  g_clear_pointer (&ctx->speakers, g_ptr_array_unref);
  g_clear_pointer (&ctx->assignments, g_ptr_array_unref);
}

static void
context_init (Context               *ctx,
              ConveneProject        *project,
              gboolean               use_12h,
              const Scope           *scope,
              ConveneScheduleLookup  lookup,
              gpointer               lookup_data)
{
  g_autoptr(GTimeZone) tz = convene_project_dup_gtime_zone (project);
  GListModel *sessions = G_LIST_MODEL (convene_project_get_sessions (project));
  GListModel *speakers = G_LIST_MODEL (convene_project_get_speakers (project));
  GListModel *assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  guint order = 0;

  ctx->project = project;
  ctx->use_12h = use_12h;
  ctx->scope = *scope;
  ctx->sessions = g_ptr_array_new_with_free_func (session_info_free);
  ctx->segments = g_ptr_array_new_with_free_func (g_free);
  ctx->speakers = g_ptr_array_new_with_free_func (speaker_info_free);
  ctx->session_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  ctx->segment_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  ctx->speaker_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  ctx->assignments = g_ptr_array_new_with_free_func (g_object_unref);
  ctx->found = g_array_new (FALSE, FALSE, sizeof (Found));

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(GDateTime) start = NULL;
      SessionInfo *info = g_new0 (SessionInfo, 1);
      guint n_entries;

      info->session = session;
      info->id = convene_session_get_id (session);
      info->schedule = lookup != NULL ? convene_schedule_ref (lookup (session, lookup_data))
                                      : convene_schedule_compute (session, tz);
      info->order = order++;
      info->dated = convene_validate_date (convene_session_get_date (session), NULL);
      start = convene_schedule_dup_clock (info->schedule, 0);
      info->start_unix = start != NULL ? g_date_time_to_unix (start) : 0;
      info->span_end = MAX (convene_schedule_get_end (info->schedule),
                            convene_schedule_get_slot_minutes (info->schedule));
      g_ptr_array_add (ctx->sessions, info);
      g_hash_table_insert (ctx->session_by_id, &info->id, info);

      n_entries = convene_schedule_get_n_entries (info->schedule);
      for (guint j = 0; j < n_entries; j++)
        {
          const ConveneScheduleEntry *entry = convene_schedule_get_entry (info->schedule, j);
          SegmentInfo *seg = g_new0 (SegmentInfo, 1);

          seg->id = convene_segment_get_id (entry->segment);
          seg->session = info;
          seg->entry = entry;
          seg->parent_id = entry->parent != NULL ? convene_segment_get_id (entry->parent) : 0;
          seg->order = order++;
          g_ptr_array_add (ctx->segments, seg);
          g_hash_table_insert (ctx->segment_by_id, &seg->id, seg);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (speakers, i);
      SpeakerInfo *info = g_new0 (SpeakerInfo, 1);

      info->id = convene_speaker_get_id (speaker);
      info->speaker = speaker;
      g_ptr_array_add (ctx->speakers, info);
      g_hash_table_insert (ctx->speaker_by_id, &info->id, info);
    }

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    g_ptr_array_add (ctx->assignments, g_list_model_get_item (assignments, i));
}

static SpeakerInfo *
lookup_speaker (Context *ctx,
                gint64   id)
{
  return g_hash_table_lookup (ctx->speaker_by_id, &id);
}

static SessionInfo *
lookup_session (Context *ctx,
                gint64   id)
{
  return g_hash_table_lookup (ctx->session_by_id, &id);
}

static SegmentInfo *
lookup_segment (Context *ctx,
                gint64   id)
{
  return g_hash_table_lookup (ctx->segment_by_id, &id);
}

static const char *
speaker_name (SpeakerInfo *info)
{
  if (info->display_name == NULL)
    {
      info->display_name = convene_speaker_dup_display_name (info->speaker);
      if (info->display_name == NULL || *info->display_name == '\0')
        {
          g_free (info->display_name);
          info->display_name = g_strdup (_("A person without a name"));
        }
    }
  return info->display_name;
}

static const char *
session_title (SessionInfo *info)
{
  const char *title = convene_session_get_title (info->session);

  return *title != '\0' ? title : _("Untitled session");
}

static const char *
segment_title (SegmentInfo *info)
{
  ConveneSegment *segment = info->entry->segment;
  const char *title = convene_segment_get_title (segment);

  return *title != '\0' ? title : convene_segment_kind_get_label (convene_segment_get_kind (segment));
}

/* "“Panel” (Presenter)" or, for a role on the whole session,
 * "“Side event” (Moderator)". */
static char *
describe_role_place (Context     *ctx,
                     SessionInfo *session,
                     SegmentInfo *segment,
                     ConveneRole  role)
{
  if (ctx->role_place_format == NULL)
    /* Translators: a place and the person's role there: “Panel” (Presenter) */
    ctx->role_place_format = _("“%s” (%s)");
  if ((guint) role < CONVENE_N_ROLES && ctx->role_labels[role] == NULL)
    ctx->role_labels[role] = convene_role_get_label (role);

  /* The format is the translation of the literal above. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (ctx->role_place_format,
                          segment != NULL ? segment_title (segment) : session_title (session),
                          (guint) role < CONVENE_N_ROLES ? ctx->role_labels[role] : convene_role_get_label (role));
#pragma GCC diagnostic pop
}

/* "“Panel” (Side event, 12:40–13:40)" or "all of “Side event” (12:30–14:00)". */
static char *
describe_timed_place (Context     *ctx,
                      SessionInfo *session,
                      SegmentInfo *segment)
{
  int start = segment != NULL ? segment->entry->start : 0;
  int end = segment != NULL ? segment->entry->end : session->span_end;
  g_autofree char *from = convene_schedule_format_clock (session->schedule, start, ctx->use_12h);
  g_autofree char *to = convene_schedule_format_clock (session->schedule, end, ctx->use_12h);

  if (segment != NULL)
    /* Translators: a segment, its session and its times: “Panel” (Side event, 12:40–13:40) */
    return g_strdup_printf (_("“%s” (%s, %s–%s)"), segment_title (segment), session_title (session),
                            from, to);

  /* Translators: a whole session and its times: all of “Side event” (12:30–14:00) */
  return g_strdup_printf (_("all of “%s” (%s–%s)"), session_title (session), from, to);
}

static gboolean
in_scope (const Scope          *scope,
          const ConveneWarning *warning)
{
  if (scope->speaker_id != 0 && warning->speaker_id != scope->speaker_id)
    return FALSE;
  if (scope->session_id != 0 && !convene_warning_involves_session (warning, scope->session_id))
    return FALSE;
  if (scope->segment_id != 0 && !convene_warning_involves_segment (warning, scope->segment_id))
    return FALSE;
  return TRUE;
}

/* Takes ownership of message. */
static void
add_warning (Context                *ctx,
             const ConveneWarning   *fields,
             guint                   order,
             char                   *message)
{
  Found found;

  found.warning = g_memdup2 (fields, sizeof *fields);
  found.warning->message = message;
  found.order = order;
  found.seq = ctx->found->len;
  g_array_append_val (ctx->found, found);
}

static void
find_assignment_warnings (Context *ctx)
{
  for (guint i = 0; i < ctx->assignments->len; i++)
    {
      ConveneAssignment *assignment = g_ptr_array_index (ctx->assignments, i);
      SpeakerInfo *speaker = lookup_speaker (ctx, convene_assignment_get_speaker_id (assignment));
      gint64 segment_id = convene_assignment_get_segment_id (assignment);
      ConveneRole role = convene_assignment_get_role (assignment);
      ConveneWarning fields = { 0 };
      SegmentInfo *segment = NULL;
      SessionInfo *session;
      g_autofree char *place = NULL;
      const char *format;
      char *message;

      if (speaker == NULL)
        continue;

      if (segment_id != 0)
        {
          segment = lookup_segment (ctx, segment_id);
          if (segment == NULL)
            continue;
          session = segment->session;
        }
      else
        {
          session = lookup_session (ctx, convene_assignment_get_session_id (assignment));
          if (session == NULL)
            continue;
        }

      fields.speaker_id = speaker->id;
      fields.assignment_id = convene_assignment_get_id (assignment);
      fields.session_id = session->id;
      fields.segment_id = segment != NULL ? segment->id : 0;

      switch (convene_speaker_get_status (speaker->speaker))
        {
        case CONVENE_SPEAKER_STATUS_INVITED:
        case CONVENE_SPEAKER_STATUS_TENTATIVE:
          fields.kind = CONVENE_WARNING_KIND_TBC;
          fields.severity = CONVENE_WARNING_SEVERITY_INFO;
          break;
        case CONVENE_SPEAKER_STATUS_DECLINED:
          fields.kind = CONVENE_WARNING_KIND_DECLINED_ASSIGNED;
          fields.severity = CONVENE_WARNING_SEVERITY_ERROR;
          break;
        case CONVENE_SPEAKER_STATUS_CONFIRMED:
        default:
          continue;
        }

      if (!in_scope (&ctx->scope, &fields))
        continue;

      place = describe_role_place (ctx, session, segment, role);
      if (fields.kind == CONVENE_WARNING_KIND_DECLINED_ASSIGNED)
        {
          if (ctx->declined_format == NULL)
            /* Translators: Dr James Campbell declined but is still on “Panel” (Presenter). */
            ctx->declined_format = _("%s declined but is still on %s.");
          format = ctx->declined_format;
        }
      else if (convene_speaker_get_status (speaker->speaker) == CONVENE_SPEAKER_STATUS_INVITED)
        {
          if (ctx->invited_format == NULL)
            /* Translators: Dr James Campbell is on “Panel” (Presenter) but has only been invited so far. */
            ctx->invited_format = _("%s is on %s but has only been invited so far.");
          format = ctx->invited_format;
        }
      else
        {
          if (ctx->tentative_format == NULL)
            /* Translators: Dr James Campbell is on “Panel” (Presenter) but is only tentative so far. */
            ctx->tentative_format = _("%s is on %s but is only tentative so far.");
          format = ctx->tentative_format;
        }
      /* The formats are the translations of the literals above. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      message = g_strdup_printf (format, speaker_name (speaker), place);
#pragma GCC diagnostic pop

      add_warning (ctx, &fields, segment != NULL ? segment->order : session->order, message);
    }
}

static gboolean
staffs (ConveneSpeaker *speaker)
{
  return speaker != NULL && convene_speaker_get_status (speaker) != CONVENE_SPEAKER_STATUS_DECLINED;
}

/* The kinds a session's own host leads unless someone else is named. */
static gboolean
hosted_by_session (SessionInfo        *session,
                   ConveneSegmentKind  kind)
{
  switch (kind)
    {
    case CONVENE_SEGMENT_KIND_OPENING:
    case CONVENE_SEGMENT_KIND_WELCOME:
      return session->hosted_by_chair || session->hosted_opening;
    case CONVENE_SEGMENT_KIND_DISCUSSION:
      return session->hosted_by_chair;
    case CONVENE_SEGMENT_KIND_CLOSING:
      return session->hosted_by_chair || session->hosted_closing;
    default:
      return FALSE;
    }
}

static void
find_unstaffed (Context *ctx)
{
  for (guint i = 0; i < ctx->assignments->len; i++)
    {
      ConveneAssignment *assignment = g_ptr_array_index (ctx->assignments, i);
      SpeakerInfo *speaker = lookup_speaker (ctx, convene_assignment_get_speaker_id (assignment));
      gint64 segment_id = convene_assignment_get_segment_id (assignment);

      if (speaker == NULL || !staffs (speaker->speaker))
        continue;

      if (segment_id != 0)
        {
          SegmentInfo *segment = lookup_segment (ctx, segment_id);

          if (segment == NULL)
            continue;
          segment->staffed = TRUE;
          /* A panel whose talks have presenters is staffed. */
          if (segment->parent_id != 0)
            {
              SegmentInfo *parent = lookup_segment (ctx, segment->parent_id);

              if (parent != NULL)
                parent->staffed = TRUE;
            }
        }
      else
        {
          SessionInfo *session = lookup_session (ctx, convene_assignment_get_session_id (assignment));

          if (session == NULL)
            continue;
          switch (convene_assignment_get_role (assignment))
            {
            case CONVENE_ROLE_MODERATOR:
            case CONVENE_ROLE_CHAIR:
              session->hosted_by_chair = TRUE;
              break;
            case CONVENE_ROLE_OPENING_REMARKS:
              session->hosted_opening = TRUE;
              break;
            case CONVENE_ROLE_CLOSING_REMARKS:
              session->hosted_closing = TRUE;
              break;
            case CONVENE_ROLE_PRESENTER:
            case CONVENE_ROLE_PANELIST:
            case CONVENE_ROLE_DISCUSSANT:
            default:
              break;
            }
        }
    }

  for (guint i = 0; i < ctx->segments->len; i++)
    {
      SegmentInfo *segment = g_ptr_array_index (ctx->segments, i);
      ConveneSegmentKind kind = convene_segment_get_kind (segment->entry->segment);
      ConveneWarning fields = { 0 };

      if (segment->staffed || !convene_segment_kind_needs_people (kind) ||
          hosted_by_session (segment->session, kind))
        continue;

      fields.kind = CONVENE_WARNING_KIND_UNSTAFFED;
      fields.severity = CONVENE_WARNING_SEVERITY_WARNING;
      fields.session_id = segment->session->id;
      fields.segment_id = segment->id;
      if (!in_scope (&ctx->scope, &fields))
        continue;

      add_warning (ctx, &fields, segment->order,
                   /* Translators: Nobody is assigned to “Keynote” yet. */
                   g_strdup_printf (_("Nobody is assigned to “%s” yet."), segment_title (segment)));
    }
}

/* A segment whose items miss the target length the planner gave it. */
static void
find_off_target (Context *ctx)
{
  for (guint i = 0; i < ctx->segments->len; i++)
    {
      SegmentInfo *segment = g_ptr_array_index (ctx->segments, i);
      const ConveneScheduleEntry *entry = segment->entry;
      g_autofree char *difference = NULL;
      ConveneWarning fields = { 0 };

      if (entry->target < 0 || entry->items_minutes == entry->target)
        continue;

      fields.kind = entry->items_minutes > entry->target ? CONVENE_WARNING_KIND_OVER_TARGET
                                                         : CONVENE_WARNING_KIND_UNDER_TARGET;
      fields.severity = CONVENE_WARNING_SEVERITY_WARNING;
      fields.session_id = segment->session->id;
      fields.segment_id = segment->id;
      if (!in_scope (&ctx->scope, &fields))
        continue;

      difference = convene_schedule_entry_describe_target (entry);
      add_warning (ctx, &fields, segment->order,
                   /* Translators: The items of “Panel” take 90 min: 30 min over its 60 min target. */
                   g_strdup_printf (_("The items of “%s” take %d min: %s."), segment_title (segment),
                                    entry->items_minutes, difference));
    }
}

/* Conflicts: each person's timed places, sorted by start, swept once. */

typedef struct
{
  gint64       speaker_id;
  gint64       start;     /* unix seconds */
  gint64       end;
  SessionInfo *session;
  SegmentInfo *segment;   /* NULL: the whole session */
} Interval;

static guint
interval_order (const Interval *interval)
{
  return interval->segment != NULL ? interval->segment->order : interval->session->order;
}

static int
compare_intervals (gconstpointer a,
                   gconstpointer b)
{
  const Interval *x = a;
  const Interval *y = b;

  if (x->speaker_id != y->speaker_id)
    return x->speaker_id < y->speaker_id ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if (interval_order (x) != interval_order (y))
    return interval_order (x) < interval_order (y) ? -1 : 1;
  return 0;
}

static gboolean
same_place (const Interval *a,
            const Interval *b)
{
  return a->session == b->session && a->segment == b->segment;
}

static gboolean
clash (const Interval *a,
       const Interval *b)
{
  if (a->start >= b->end || b->start >= a->end)
    return FALSE;

  /* A session role covers its own session's segments. */
  if (a->segment == NULL || b->segment == NULL)
    return a->session != b->session;

  /* A segment and its items share their time by design. */
  if (a->segment->parent_id == b->segment->id || b->segment->parent_id == a->segment->id)
    return FALSE;

  return a->segment != b->segment;
}

static gboolean
interval_in_scope (const Scope    *scope,
                   const Interval *interval)
{
  if (scope->session_id != 0 && interval->session->id != scope->session_id)
    return FALSE;
  if (scope->segment_id != 0 && (interval->segment == NULL || interval->segment->id != scope->segment_id))
    return FALSE;
  return TRUE;
}

static void
report_clash (Context        *ctx,
              const Interval *first,
              const Interval *second)
{
  ConveneWarning fields = { 0 };
  SpeakerInfo *speaker = lookup_speaker (ctx, first->speaker_id);
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;

  fields.kind = CONVENE_WARNING_KIND_CONFLICT;
  fields.severity = CONVENE_WARNING_SEVERITY_ERROR;
  fields.speaker_id = first->speaker_id;
  fields.session_id = first->session->id;
  fields.segment_id = first->segment != NULL ? first->segment->id : 0;
  fields.other_session_id = second->session->id;
  fields.other_segment_id = second->segment != NULL ? second->segment->id : 0;

  if (!in_scope (&ctx->scope, &fields))
    return;

  one = describe_timed_place (ctx, first->session, first->segment);
  two = describe_timed_place (ctx, second->session, second->segment);
  add_warning (ctx, &fields, interval_order (first),
               /* Translators: Dr James Campbell is on “Panel” (Side event, 12:40–13:40)
                * and “Keynote” (Plenary, 13:00–13:30) at the same time. */
               g_strdup_printf (_("%s is on %s and %s at the same time."),
                                speaker_name (speaker), one, two));
}

static gboolean
add_interval (Context           *ctx,
              GArray            *intervals,
              ConveneAssignment *assignment)
{
  gint64 segment_id = convene_assignment_get_segment_id (assignment);
  Interval interval = { 0 };
  int start, end;

  interval.speaker_id = convene_assignment_get_speaker_id (assignment);
  if (lookup_speaker (ctx, interval.speaker_id) == NULL)
    return FALSE;

  if (segment_id != 0)
    {
      interval.segment = lookup_segment (ctx, segment_id);
      if (interval.segment == NULL)
        return FALSE;
      interval.session = interval.segment->session;
      start = interval.segment->entry->start;
      end = interval.segment->entry->end;
    }
  else
    {
      interval.session = lookup_session (ctx, convene_assignment_get_session_id (assignment));
      if (interval.session == NULL)
        return FALSE;
      start = 0;
      end = interval.session->span_end;
    }

  if (!interval.session->dated || end <= start)
    return FALSE;

  /* The schedule's clock is its start instant plus elapsed minutes, so
   * instants in seconds compare across sessions, dates and zone changes. */
  interval.start = interval.session->start_unix + (gint64) start * 60;
  interval.end = interval.session->start_unix + (gint64) end * 60;
  g_array_append_val (intervals, interval);
  return TRUE;
}

static void
find_conflicts (Context *ctx)
{
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (Interval));
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) wanted = NULL;
  gboolean scoped_by_place = ctx->scope.session_id != 0 || ctx->scope.segment_id != 0;
  guint kept = 0;

  /* When only one session or segment is asked about, only the people on it
   * can have conflicts there: note them first, then look at their places. */
  if (scoped_by_place)
    {
      wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < ctx->assignments->len; i++)
        {
          ConveneAssignment *assignment = g_ptr_array_index (ctx->assignments, i);

          if (!add_interval (ctx, intervals, assignment))
            continue;
          if (interval_in_scope (&ctx->scope, &g_array_index (intervals, Interval, intervals->len - 1)))
            g_hash_table_add (wanted, g_memdup2 (&g_array_index (intervals, Interval, intervals->len - 1).speaker_id,
                                                 sizeof (gint64)));
        }
      g_array_set_size (intervals, 0);
    }

  for (guint i = 0; i < ctx->assignments->len; i++)
    {
      ConveneAssignment *assignment = g_ptr_array_index (ctx->assignments, i);
      gint64 speaker_id = convene_assignment_get_speaker_id (assignment);

      if (ctx->scope.speaker_id != 0 && speaker_id != ctx->scope.speaker_id)
        continue;
      if (wanted != NULL && !g_hash_table_contains (wanted, &speaker_id))
        continue;
      add_interval (ctx, intervals, assignment);
    }

  g_array_sort (intervals, compare_intervals);

  /* One person on the same place twice (two roles) is one place. */
  for (guint i = 0; i < intervals->len; i++)
    {
      Interval *interval = &g_array_index (intervals, Interval, i);

      if (kept > 0)
        {
          Interval *last = &g_array_index (intervals, Interval, kept - 1);

          if (last->speaker_id == interval->speaker_id && same_place (last, interval))
            continue;
        }
      g_array_index (intervals, Interval, kept++) = *interval;
    }
  g_array_set_size (intervals, kept);

  for (guint i = 0; i < intervals->len; i++)
    {
      const Interval *current = &g_array_index (intervals, Interval, i);
      guint still = 0;

      /* Keep only the earlier places of this person still running now. */
      for (guint k = 0; k < active->len; k++)
        {
          guint index = g_array_index (active, guint, k);
          const Interval *earlier = &g_array_index (intervals, Interval, index);

          if (earlier->speaker_id == current->speaker_id && earlier->end > current->start)
            g_array_index (active, guint, still++) = index;
        }
      g_array_set_size (active, still);

      for (guint k = 0; k < active->len; k++)
        {
          const Interval *earlier = &g_array_index (intervals, Interval, g_array_index (active, guint, k));

          if (clash (earlier, current))
            report_clash (ctx, earlier, current);
        }

      g_array_append_val (active, i);
    }
}

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *x = a;
  const Found *y = b;

  if (x->warning->severity != y->warning->severity)
    return x->warning->severity > y->warning->severity ? -1 : 1;
  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  if (x->seq != y->seq)
    return x->seq < y->seq ? -1 : 1;
  return 0;
}

static GPtrArray *
compute (ConveneProject        *project,
         gboolean               use_12h,
         const Scope           *scope,
         ConveneScheduleLookup  lookup,
         gpointer               lookup_data)
{
  Context ctx = { 0 };
  GPtrArray *result;

  context_init (&ctx, project, use_12h, scope, lookup, lookup_data);

  find_unstaffed (&ctx);
  find_off_target (&ctx);
  find_assignment_warnings (&ctx);
  find_conflicts (&ctx);

  g_array_sort (ctx.found, compare_found);

  result = g_ptr_array_new_full (ctx.found->len, (GDestroyNotify) convene_warning_free);
  for (guint i = 0; i < ctx.found->len; i++)
    g_ptr_array_add (result, g_steal_pointer (&g_array_index (ctx.found, Found, i).warning));
  g_array_set_size (ctx.found, 0);

  context_clear (&ctx);
  return result;
}

GPtrArray *
convene_warnings_for_project (ConveneProject *project,
                              gboolean        use_12h)
{
  Scope scope = { 0 };

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);

  return compute (project, use_12h, &scope, NULL, NULL);
}

GPtrArray *
convene_warnings_for_project_with (ConveneProject        *project,
                                   gboolean               use_12h,
                                   ConveneScheduleLookup  lookup,
                                   gpointer               data)
{
  Scope scope = { 0 };

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (lookup != NULL, NULL);

  return compute (project, use_12h, &scope, lookup, data);
}

GPtrArray *
convene_warnings_for_session_with (ConveneProject        *project,
                                   ConveneSession        *session,
                                   gboolean               use_12h,
                                   ConveneScheduleLookup  lookup,
                                   gpointer               data)
{
  Scope scope = { 0 };

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);
  g_return_val_if_fail (lookup != NULL, NULL);

  scope.session_id = convene_session_get_id (session);
  return compute (project, use_12h, &scope, lookup, data);
}

GPtrArray *
convene_warnings_for_session (ConveneProject *project,
                              ConveneSession *session,
                              gboolean        use_12h)
{
  Scope scope = { 0 };

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);

  scope.session_id = convene_session_get_id (session);
  return compute (project, use_12h, &scope, NULL, NULL);
}

GPtrArray *
convene_warnings_for_segment (ConveneProject *project,
                              ConveneSegment *segment,
                              gboolean        use_12h)
{
  Scope scope = { 0 };

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SEGMENT (segment), NULL);

  scope.segment_id = convene_segment_get_id (segment);
  return compute (project, use_12h, &scope, NULL, NULL);
}

GPtrArray *
convene_warnings_for_speaker (ConveneProject *project,
                              ConveneSpeaker *speaker,
                              gboolean        use_12h)
{
  Scope scope = { 0 };

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SPEAKER (speaker), NULL);

  scope.speaker_id = convene_speaker_get_id (speaker);
  /* A person with id 0 matches nothing rather than everyone. */
  if (scope.speaker_id == 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) convene_warning_free);
  return compute (project, use_12h, &scope, NULL, NULL);
}

GPtrArray *
convene_warnings_filter (GPtrArray *warnings,
                         gint64     session_id,
                         gint64     segment_id,
                         gint64     speaker_id)
{
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) convene_warning_free);
  Scope scope = { 0 };

  g_return_val_if_fail (warnings != NULL, kept);
  g_return_val_if_fail ((session_id != 0) + (segment_id != 0) + (speaker_id != 0) == 1, kept);

  scope.session_id = session_id;
  scope.segment_id = segment_id;
  scope.speaker_id = speaker_id;
  for (guint i = 0; i < warnings->len; i++)
    if (in_scope (&scope, g_ptr_array_index (warnings, i)))
      g_ptr_array_add (kept, convene_warning_copy (g_ptr_array_index (warnings, i)));
  return kept;
}

void
convene_warnings_summarize (GPtrArray             *warnings,
                            ConveneWarningSummary *summary)
{
  g_return_if_fail (warnings != NULL);
  g_return_if_fail (summary != NULL);

  memset (summary, 0, sizeof *summary);
  for (guint i = 0; i < warnings->len; i++)
    {
      const ConveneWarning *warning = g_ptr_array_index (warnings, i);

      if ((guint) warning->severity < CONVENE_N_WARNING_SEVERITIES)
        summary->by_severity[warning->severity]++;
      if ((guint) warning->kind < CONVENE_N_WARNING_KINDS)
        summary->by_kind[warning->kind]++;
      summary->total++;
    }
}

void
convene_warnings_summarize_session (ConveneProject        *project,
                                    ConveneSession        *session,
                                    ConveneWarningSummary *summary)
{
  g_autoptr(GPtrArray) warnings = NULL;

  g_return_if_fail (summary != NULL);

  warnings = convene_warnings_for_session (project, session, FALSE);
  if (warnings == NULL)
    {
      memset (summary, 0, sizeof *summary);
      return;
    }
  convene_warnings_summarize (warnings, summary);
}

char *
convene_warning_summary_describe (const ConveneWarningSummary *summary)
{
  guint errors, warnings, infos;
  GPtrArray *parts;
  char *text;

  g_return_val_if_fail (summary != NULL, NULL);

  errors = summary->by_severity[CONVENE_WARNING_SEVERITY_ERROR];
  warnings = summary->by_severity[CONVENE_WARNING_SEVERITY_WARNING];
  infos = summary->by_severity[CONVENE_WARNING_SEVERITY_INFO];

  if (errors + warnings + infos == 0)
    return g_strdup (_("No open warnings"));

  parts = g_ptr_array_new_with_free_func (g_free);
  if (errors > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors));
  if (warnings > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings));
  if (infos > 0)
    /* Translators: people assigned who have not confirmed yet */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u to confirm", "%u to confirm", infos), infos));
  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between "1 error", "2 warnings" and "8 to confirm" */
  text = g_strjoinv (_(", "), (char **) parts->pdata);
  g_ptr_array_unref (parts);
  return text;
}
