#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include "convene-model-private.h"
#include "convene-limits.h"
#include "convene-project.h"
#include "convene-model-watch.h"
#include "convene-validate.h"

struct _ConveneProject
{
  GObject parent_instance;

  char *title;
  char *organiser;
  char *venue;
  char *notes;
  char *time_zone;
  GListStore *sessions;
  GListStore *speakers;
  GListStore *assignments;
  GListStore *outcome_links;
  /* Highest identifier handed out or noted. */
  gint64 last_id;
};

G_DEFINE_FINAL_TYPE (ConveneProject, convene_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ORGANISER,
  PROP_VENUE,
  PROP_NOTES,
  PROP_TIME_ZONE,
  PROP_SESSIONS,
  PROP_SPEAKERS,
  PROP_ASSIGNMENTS,
  PROP_OUTCOME_LINKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The zone of this computer as an IANA name. GLib may only know it as a path
 * ("/etc/localtime") or a TZ value with a leading colon; those mean nothing on
 * another computer, so they become UTC. */
static char *
dup_local_zone_identifier (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *identifier = g_time_zone_get_identifier (local);

  if (identifier != NULL && *identifier == ':')
    identifier++;

  if (!convene_time_zone_is_known (identifier))
    return g_strdup ("UTC");

  return g_strdup (identifier);
}

static void
convene_project_finalize (GObject *object)
{
  ConveneProject *self = (ConveneProject *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->organiser, g_free);
  g_clear_pointer (&self->venue, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_object (&self->sessions);
  g_clear_object (&self->speakers);
  g_clear_object (&self->assignments);
  g_clear_object (&self->outcome_links);

  G_OBJECT_CLASS (convene_project_parent_class)->finalize (object);
}

static void
convene_project_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ConveneProject *self = CONVENE_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ORGANISER:
      g_value_set_string (value, self->organiser);
      break;
    case PROP_VENUE:
      g_value_set_string (value, self->venue);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;
    case PROP_SESSIONS:
      g_value_set_object (value, self->sessions);
      break;
    case PROP_SPEAKERS:
      g_value_set_object (value, self->speakers);
      break;
    case PROP_ASSIGNMENTS:
      g_value_set_object (value, self->assignments);
      break;
    case PROP_OUTCOME_LINKS:
      g_value_set_object (value, self->outcome_links);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_project_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ConveneProject *self = CONVENE_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      convene_project_set_title (self, g_value_get_string (value));
      break;
    case PROP_ORGANISER:
      convene_project_set_organiser (self, g_value_get_string (value));
      break;
    case PROP_VENUE:
      convene_project_set_venue (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      convene_project_set_notes (self, g_value_get_string (value));
      break;
    case PROP_TIME_ZONE:
      convene_project_set_time_zone (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_project_class_init (ConveneProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* The store hears of changes through one hook, not a handler per object. */
  object_class->notify = _convene_model_notify;

  object_class->finalize = convene_project_finalize;
  object_class->get_property = convene_project_get_property;
  object_class->set_property = convene_project_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISER] =
    g_param_spec_string ("organiser", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VENUE] =
    g_param_spec_string ("venue", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL, "UTC",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSIONS] =
    g_param_spec_object ("sessions", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEAKERS] =
    g_param_spec_object ("speakers", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSIGNMENTS] =
    g_param_spec_object ("assignments", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOME_LINKS] =
    g_param_spec_object ("outcome-links", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
convene_project_init (ConveneProject *self)
{
  self->title = g_strdup ("");
  self->organiser = g_strdup ("");
  self->venue = g_strdup ("");
  self->notes = g_strdup ("");
  self->time_zone = dup_local_zone_identifier ();
  self->sessions = g_list_store_new (CONVENE_TYPE_SESSION);
  self->speakers = g_list_store_new (CONVENE_TYPE_SPEAKER);
  self->assignments = g_list_store_new (CONVENE_TYPE_ASSIGNMENT);
  self->outcome_links = g_list_store_new (CONVENE_TYPE_OUTCOME_LINK);
}

ConveneProject *
convene_project_new (void)
{
  return g_object_new (CONVENE_TYPE_PROJECT, NULL);
}

#define TEXT_ACCESSORS(name)                                                   \
  const char *                                                                 \
  convene_project_get_##name (ConveneProject *self)                            \
  {                                                                            \
    g_return_val_if_fail (CONVENE_IS_PROJECT (self), "");                      \
    return self->name;                                                         \
  }

TEXT_ACCESSORS (title)
TEXT_ACCESSORS (organiser)
TEXT_ACCESSORS (venue)
TEXT_ACCESSORS (notes)
TEXT_ACCESSORS (time_zone)

void
convene_project_set_title (ConveneProject *self,
                           const char     *title)
{
  g_return_if_fail (CONVENE_IS_PROJECT (self));
  if (convene_model_replace_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
convene_project_set_organiser (ConveneProject *self,
                               const char     *organiser)
{
  g_return_if_fail (CONVENE_IS_PROJECT (self));
  if (convene_model_replace_string (&self->organiser, organiser))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISER]);
}

void
convene_project_set_venue (ConveneProject *self,
                           const char     *venue)
{
  g_return_if_fail (CONVENE_IS_PROJECT (self));
  if (convene_model_replace_string (&self->venue, venue))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VENUE]);
}

void
convene_project_set_notes (ConveneProject *self,
                           const char     *notes)
{
  g_return_if_fail (CONVENE_IS_PROJECT (self));
  if (convene_model_replace_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

void
convene_project_set_time_zone (ConveneProject *self,
                               const char     *identifier)
{
  g_return_if_fail (CONVENE_IS_PROJECT (self));

  /* An empty zone has no meaning; the venue clock is then UTC. */
  if (identifier == NULL || *identifier == '\0')
    identifier = "UTC";
  if (convene_model_replace_string (&self->time_zone, identifier))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
}

GTimeZone *
convene_project_dup_gtime_zone (ConveneProject *self)
{
  GTimeZone *tz;

  g_return_val_if_fail (CONVENE_IS_PROJECT (self), g_time_zone_new_utc ());

  /* Only a name from the system's list of zones reaches GLib, which would
   * take a path, or block on a FIFO. */
  tz = convene_time_zone_is_known (self->time_zone) ? g_time_zone_new_identifier (self->time_zone) : NULL;
  return tz != NULL ? tz : g_time_zone_new_utc ();
}

GListStore *
convene_project_get_sessions (ConveneProject *self)
{
  g_return_val_if_fail (CONVENE_IS_PROJECT (self), NULL);
  return self->sessions;
}

GListStore *
convene_project_get_speakers (ConveneProject *self)
{
  g_return_val_if_fail (CONVENE_IS_PROJECT (self), NULL);
  return self->speakers;
}

GListStore *
convene_project_get_assignments (ConveneProject *self)
{
  g_return_val_if_fail (CONVENE_IS_PROJECT (self), NULL);
  return self->assignments;
}

GListStore *
convene_project_get_outcome_links (ConveneProject *self)
{
  g_return_val_if_fail (CONVENE_IS_PROJECT (self), NULL);
  return self->outcome_links;
}

gint64
convene_project_new_id (ConveneProject *self)
{
  g_return_val_if_fail (CONVENE_IS_PROJECT (self), 0);
  /* Only a file made to hold the largest ids gets here; 0 is refused when
   * the change is saved, and the file still opens. */
  if (self->last_id >= CONVENE_MAX_STORED_ID)
    return 0;
  return ++self->last_id;
}

void
convene_project_note_id (ConveneProject *self,
                         gint64          id)
{
  g_return_if_fail (CONVENE_IS_PROJECT (self));
  if (id > self->last_id)
    self->last_id = id;
}

ConveneSession *
convene_project_find_session (ConveneProject *self,
                              gint64          id)
{
  guint n;

  g_return_val_if_fail (CONVENE_IS_PROJECT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (G_LIST_MODEL (self->sessions), i);

      /* Borrowed: the list keeps it alive. */
      if (convene_session_get_id (session) == id)
        return session;
    }

  return NULL;
}

ConveneSpeaker *
convene_project_find_speaker (ConveneProject *self,
                              gint64          id)
{
  guint n;

  g_return_val_if_fail (CONVENE_IS_PROJECT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->speakers));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (G_LIST_MODEL (self->speakers), i);

      if (convene_speaker_get_id (speaker) == id)
        return speaker;
    }

  return NULL;
}

ConveneSegment *
convene_project_find_segment (ConveneProject  *self,
                              gint64           id,
                              ConveneSession **out_session)
{
  guint n;

  g_return_val_if_fail (CONVENE_IS_PROJECT (self), NULL);

  if (out_session != NULL)
    *out_session = NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (G_LIST_MODEL (self->sessions), i);
      GListStore *list;
      guint position;

      if (convene_session_locate_segment (session, id, &list, &position, NULL))
        {
          g_autoptr(ConveneSegment) segment = g_list_model_get_item (G_LIST_MODEL (list), position);

          if (out_session != NULL)
            *out_session = session;
          return segment;
        }
    }

  return NULL;
}

ConveneOutcome *
convene_project_find_outcome (ConveneProject  *self,
                              gint64           id,
                              ConveneSession **out_session)
{
  guint n;

  g_return_val_if_fail (CONVENE_IS_PROJECT (self), NULL);

  if (out_session != NULL)
    *out_session = NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (G_LIST_MODEL (self->sessions), i);
      GListModel *outcomes = G_LIST_MODEL (convene_session_get_outcomes (session));
      guint m = g_list_model_get_n_items (outcomes);

      for (guint j = 0; j < m; j++)
        {
          g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, j);

          if (convene_outcome_get_id (outcome) == id)
            {
              if (out_session != NULL)
                *out_session = session;
              return outcome;
            }
        }
    }

  return NULL;
}

ConveneOutcomeLink *
convene_project_find_outcome_link (ConveneProject *self,
                                   gint64          outcome_id,
                                   gint64          segment_id)
{
  guint n;

  g_return_val_if_fail (CONVENE_IS_PROJECT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->outcome_links));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneOutcomeLink) link = g_list_model_get_item (G_LIST_MODEL (self->outcome_links), i);

      if (convene_outcome_link_get_outcome_id (link) == outcome_id &&
          convene_outcome_link_get_segment_id (link) == segment_id)
        return link;
    }

  return NULL;
}
