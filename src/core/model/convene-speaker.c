#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include <string.h>

#include "convene-model-private.h"
#include "convene-speaker.h"
#include "convene-model-watch.h"

/* The text fields share one array, indexed by their property id, so the
 * accessors stay one line each. */
enum {
  PROP_0,
  PROP_ID,
  PROP_STATUS,
  PROP_DISPLAY_NAME,
  PROP_HONORIFIC,
  PROP_NAME,
  PROP_JOB_TITLE,
  PROP_ORGANISATION,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_BIO,
  PROP_NOTES,
  N_PROPS
};

#define FIRST_TEXT PROP_HONORIFIC
#define N_TEXTS (N_PROPS - FIRST_TEXT)

struct _ConveneSpeaker
{
  GObject parent_instance;

  gint64 id;
  ConveneSpeakerStatus status;
  char *texts[N_TEXTS];
  /* Collation keys of the name and of its family part, made when a sort
   * first asks: a roster of thousands is sorted with n log n comparisons,
   * each of which would otherwise normalise and collate both names anew. */
  char *name_key;
  char *family_key;
};

G_DEFINE_FINAL_TYPE (ConveneSpeaker, convene_speaker, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const char *
get_text (ConveneSpeaker *self,
          guint           prop_id)
{
  g_return_val_if_fail (CONVENE_IS_SPEAKER (self), "");
  return self->texts[prop_id - FIRST_TEXT];
}

static void
set_text (ConveneSpeaker *self,
          guint           prop_id,
          const char     *value)
{
  char **field;

  g_return_if_fail (CONVENE_IS_SPEAKER (self));

  field = &self->texts[prop_id - FIRST_TEXT];
  if (!convene_model_replace_string (field, value))
    return;
  if (prop_id == PROP_NAME)
    {
      g_clear_pointer (&self->name_key, g_free);
      g_clear_pointer (&self->family_key, g_free);
    }

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (prop_id == PROP_HONORIFIC || prop_id == PROP_NAME)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
convene_speaker_finalize (GObject *object)
{
  ConveneSpeaker *self = (ConveneSpeaker *) object;

  for (guint i = 0; i < N_TEXTS; i++)
    g_clear_pointer (&self->texts[i], g_free);
  g_clear_pointer (&self->name_key, g_free);
  g_clear_pointer (&self->family_key, g_free);

  G_OBJECT_CLASS (convene_speaker_parent_class)->finalize (object);
}

static void
convene_speaker_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ConveneSpeaker *self = CONVENE_SPEAKER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_DISPLAY_NAME:
      g_value_take_string (value, convene_speaker_dup_display_name (self));
      break;
    case PROP_HONORIFIC:
    case PROP_NAME:
    case PROP_JOB_TITLE:
    case PROP_ORGANISATION:
    case PROP_EMAIL:
    case PROP_PHONE:
    case PROP_BIO:
    case PROP_NOTES:
      g_value_set_string (value, get_text (self, prop_id));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_speaker_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ConveneSpeaker *self = CONVENE_SPEAKER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_STATUS:
      convene_speaker_set_status (self, g_value_get_enum (value));
      break;
    case PROP_HONORIFIC:
    case PROP_NAME:
    case PROP_JOB_TITLE:
    case PROP_ORGANISATION:
    case PROP_EMAIL:
    case PROP_PHONE:
    case PROP_BIO:
    case PROP_NOTES:
      set_text (self, prop_id, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_speaker_class_init (ConveneSpeakerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const text_names[N_TEXTS] = {
    "honorific", "name", "job-title", "organisation", "email", "phone", "bio", "notes",
  };

  /* The store hears of changes through one hook, not a handler per object. */
  object_class->notify = _convene_model_notify;

  object_class->finalize = convene_speaker_finalize;
  object_class->get_property = convene_speaker_get_property;
  object_class->set_property = convene_speaker_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CONVENE_TYPE_SPEAKER_STATUS,
                       CONVENE_SPEAKER_STATUS_INVITED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  for (guint i = 0; i < N_TEXTS; i++)
    properties[FIRST_TEXT + i] =
      g_param_spec_string (text_names[i], NULL, NULL, "",
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
convene_speaker_init (ConveneSpeaker *self)
{
  for (guint i = 0; i < N_TEXTS; i++)
    self->texts[i] = g_strdup ("");
  self->status = CONVENE_SPEAKER_STATUS_INVITED;
}

ConveneSpeaker *
convene_speaker_new (gint64      id,
                     const char *name)
{
  ConveneSpeaker *self = g_object_new (CONVENE_TYPE_SPEAKER, "id", id, NULL);

  g_free (self->texts[PROP_NAME - FIRST_TEXT]);
  self->texts[PROP_NAME - FIRST_TEXT] = g_strdup (name != NULL ? name : "");
  return self;
}

gint64
convene_speaker_get_id (ConveneSpeaker *self)
{
  g_return_val_if_fail (CONVENE_IS_SPEAKER (self), 0);
  return self->id;
}

const char *
convene_speaker_get_honorific (ConveneSpeaker *self)
{
  return get_text (self, PROP_HONORIFIC);
}

void
convene_speaker_set_honorific (ConveneSpeaker *self,
                               const char     *value)
{
  set_text (self, PROP_HONORIFIC, value);
}

const char *
convene_speaker_get_name (ConveneSpeaker *self)
{
  return get_text (self, PROP_NAME);
}

void
convene_speaker_set_name (ConveneSpeaker *self,
                          const char     *value)
{
  set_text (self, PROP_NAME, value);
}

const char *
convene_speaker_get_job_title (ConveneSpeaker *self)
{
  return get_text (self, PROP_JOB_TITLE);
}

void
convene_speaker_set_job_title (ConveneSpeaker *self,
                               const char     *value)
{
  set_text (self, PROP_JOB_TITLE, value);
}

const char *
convene_speaker_get_organisation (ConveneSpeaker *self)
{
  return get_text (self, PROP_ORGANISATION);
}

void
convene_speaker_set_organisation (ConveneSpeaker *self,
                                  const char     *value)
{
  set_text (self, PROP_ORGANISATION, value);
}

const char *
convene_speaker_get_email (ConveneSpeaker *self)
{
  return get_text (self, PROP_EMAIL);
}

void
convene_speaker_set_email (ConveneSpeaker *self,
                           const char     *value)
{
  set_text (self, PROP_EMAIL, value);
}

const char *
convene_speaker_get_phone (ConveneSpeaker *self)
{
  return get_text (self, PROP_PHONE);
}

void
convene_speaker_set_phone (ConveneSpeaker *self,
                           const char     *value)
{
  set_text (self, PROP_PHONE, value);
}

const char *
convene_speaker_get_bio (ConveneSpeaker *self)
{
  return get_text (self, PROP_BIO);
}

void
convene_speaker_set_bio (ConveneSpeaker *self,
                         const char     *value)
{
  set_text (self, PROP_BIO, value);
}

const char *
convene_speaker_get_notes (ConveneSpeaker *self)
{
  return get_text (self, PROP_NOTES);
}

void
convene_speaker_set_notes (ConveneSpeaker *self,
                           const char     *value)
{
  set_text (self, PROP_NOTES, value);
}


ConveneSpeakerStatus
convene_speaker_get_status (ConveneSpeaker *self)
{
  g_return_val_if_fail (CONVENE_IS_SPEAKER (self), CONVENE_SPEAKER_STATUS_INVITED);
  return self->status;
}

void
convene_speaker_set_status (ConveneSpeaker       *self,
                            ConveneSpeakerStatus  status)
{
  g_return_if_fail (CONVENE_IS_SPEAKER (self));
  g_return_if_fail ((guint) status < CONVENE_N_SPEAKER_STATUSES);

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

char *
convene_speaker_dup_display_name (ConveneSpeaker *self)
{
  g_autofree char *honorific = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CONVENE_IS_SPEAKER (self), NULL);

  honorific = g_strstrip (g_strdup (get_text (self, PROP_HONORIFIC)));
  name = g_strstrip (g_strdup (get_text (self, PROP_NAME)));

  if (*honorific == '\0')
    return g_steal_pointer (&name);
  if (*name == '\0')
    return g_steal_pointer (&honorific);
  return g_strconcat (honorific, " ", name, NULL);
}

gboolean
convene_speaker_matches (ConveneSpeaker *self,
                         const char     *query)
{
  g_autofree char *haystack = NULL;

  g_return_val_if_fail (CONVENE_IS_SPEAKER (self), FALSE);

  if (query == NULL)
    return TRUE;
  while (g_ascii_isspace (*query))
    query++;
  if (*query == '\0')
    return TRUE;

  haystack = g_strjoin (" ", convene_speaker_get_honorific (self), convene_speaker_get_name (self),
                        convene_speaker_get_organisation (self), convene_speaker_get_job_title (self),
                        convene_speaker_get_email (self), NULL);
  /* GLib folds case and, with alternates, accents on both sides the way
   * GNOME's own searches do. */
  return g_str_match_string (query, haystack, TRUE);
}

const char *
convene_name_get_family (const char *name)
{
  const char *end;
  const char *start;

  g_return_val_if_fail (name != NULL, NULL);

  /* Past trailing spaces, back to the space before the last word. */
  end = name + strlen (name);
  while (end > name && g_ascii_isspace (end[-1]))
    end--;
  start = end;
  while (start > name && !g_ascii_isspace (start[-1]))
    start--;
  return start;
}

int
convene_compare_text (const char *a,
                      const char *b)
{
  if (a[0] == '\0' || b[0] == '\0')
    return (a[0] == '\0') - (b[0] == '\0');
  return g_utf8_collate (a, b);
}

/* What convene_compare_text does with two texts, by their collation keys:
 * an empty text after every other. */
static int
compare_keys (const char *a,
              const char *b)
{
  if (a[0] == '\0' || b[0] == '\0')
    return (a[0] == '\0') - (b[0] == '\0');
  return strcmp (a, b);
}

/* An empty text keeps an empty key, so that it still sorts last. */
static char *
collate_key (const char *text)
{
  return text[0] == '\0' ? g_strdup ("") : g_utf8_collate_key (text, -1);
}

static const char *
get_name_key (ConveneSpeaker *self)
{
  if (self->name_key == NULL)
    self->name_key = collate_key (convene_speaker_get_name (self));
  return self->name_key;
}

static const char *
get_family_key (ConveneSpeaker *self)
{
  if (self->family_key == NULL)
    {
      g_autofree char *family = g_strchomp (g_strdup (convene_name_get_family (convene_speaker_get_name (self))));

      self->family_key = collate_key (family);
    }
  return self->family_key;
}

int
convene_speaker_compare_names (ConveneSpeaker   *a,
                               ConveneSpeaker   *b,
                               ConveneNameOrder  order)
{
  int result = 0;

  g_return_val_if_fail (CONVENE_IS_SPEAKER (a), 0);
  g_return_val_if_fail (CONVENE_IS_SPEAKER (b), 0);

  if (order == CONVENE_NAME_ORDER_FAMILY)
    result = compare_keys (get_family_key (a), get_family_key (b));
  if (result == 0)
    result = compare_keys (get_name_key (a), get_name_key (b));
  if (result == 0)
    result = (convene_speaker_get_id (a) > convene_speaker_get_id (b)) -
             (convene_speaker_get_id (a) < convene_speaker_get_id (b));
  return result;
}
