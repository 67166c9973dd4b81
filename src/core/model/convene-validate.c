#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "convene-limits.h"
#include "convene-model-private.h"
#include "convene-validate.h"

G_DEFINE_QUARK (convene-model-error-quark, convene_model_error)

gboolean
convene_validate_text (const char  *text,
                       gssize       length,
                       const char  *field,
                       GError     **error)
{
  gsize len;

  if (text == NULL)
    return TRUE;

  len = length < 0 ? strlen (text) : (gsize) length;

  if (len > CONVENE_MAX_TEXT_BYTES)
    {
      g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_TEXT_TOO_LONG,
                   /* Translators: %s is a field such as "the title" */
                   _("The text for %s is too long (%'lu bytes; at most %'d)."),
                   field != NULL ? field : _("this field"), (unsigned long) len, CONVENE_MAX_TEXT_BYTES);
      return FALSE;
    }

  /* With an explicit length g_utf8_validate also refuses embedded NULs,
   * which the project file and the widgets could not keep. */
  if (!g_utf8_validate (text, (gssize) len, NULL))
    {
      g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TEXT,
                   /* Translators: %s is a field such as "the title" */
                   _("The text for %s is not valid: it must be UTF-8 without NUL characters."),
                   field != NULL ? field : _("this field"));
      return FALSE;
    }

  return TRUE;
}

gboolean
convene_validate_duration (gint64   minutes,
                           GError **error)
{
  if (minutes < 0 || minutes > CONVENE_MAX_DURATION_MINUTES)
    {
      g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_DURATION,
                   _("A duration must be between 0 and %'d minutes, not %'lld."),
                   CONVENE_MAX_DURATION_MINUTES, (long long) minutes);
      return FALSE;
    }

  return TRUE;
}

gboolean
convene_validate_slot (gint64   minutes,
                       GError **error)
{
  if (minutes < 1 || minutes > CONVENE_MAX_SLOT_MINUTES)
    {
      g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_DURATION,
                   _("A session slot must be between 1 and %'d minutes long, not %'lld."),
                   CONVENE_MAX_SLOT_MINUTES, (long long) minutes);
      return FALSE;
    }

  return TRUE;
}

gboolean
convene_validate_time_of_day (gint64   minutes,
                              GError **error)
{
  if (minutes < 0 || minutes >= CONVENE_MINUTES_PER_DAY)
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TIME,
                           _("A time of day must be between 00:00 and 23:59."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_date (const char *date,
            int        *year,
            int        *month,
            int        *day)
{
  int y = 0, m = 0, d = 0;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (date[i]))
        return FALSE;
    }

  y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
  m = (date[5] - '0') * 10 + (date[6] - '0');
  d = (date[8] - '0') * 10 + (date[9] - '0');

  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  *year = y;
  *month = m;
  *day = d;
  return TRUE;
}

gboolean
convene_validate_date (const char  *date,
                       GError     **error)
{
  int y, m, d;

  if (parse_date (date, &y, &m, &d))
    return TRUE;

  if (date != NULL && *date != '\0' && strlen (date) <= 64 && g_utf8_validate (date, -1, NULL))
    g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_DATE,
                 _("“%s” is not a date in the calendar; write dates as YYYY-MM-DD, for example 2027-03-28."),
                 date);
  else
    g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_DATE,
                         _("This is not a date in the calendar; write dates as YYYY-MM-DD, for example 2027-03-28."));
  return FALSE;
}

gboolean
convene_validate_time_zone (const char  *identifier,
                            GError     **error)
{
  g_autoptr(GTimeZone) tz = NULL;

  if (identifier != NULL && *identifier != '\0' && strlen (identifier) <= 255 &&
      g_utf8_validate (identifier, -1, NULL))
    tz = g_time_zone_new_identifier (identifier);

  if (tz != NULL)
    return TRUE;

  if (identifier != NULL && *identifier != '\0' && strlen (identifier) <= 64 &&
      g_utf8_validate (identifier, -1, NULL))
    g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TIME_ZONE,
                 _("“%s” is not a time zone known on this computer; use a name such as Europe/Zurich."),
                 identifier);
  else
    g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TIME_ZONE,
                         _("This is not a time zone known on this computer; use a name such as Europe/Zurich."));
  return FALSE;
}

gboolean
convene_parse_time_of_day (const char *text,
                           int        *minutes)
{
  int hours = 0, mins;
  const char *p = text;
  int digits = 0;

  if (text == NULL)
    return FALSE;

  while (g_ascii_isdigit (*p) && digits < 2)
    {
      hours = hours * 10 + (*p - '0');
      p++;
      digits++;
    }

  if (digits == 0 || *p != ':')
    return FALSE;
  p++;

  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || p[2] != '\0')
    return FALSE;

  mins = (p[0] - '0') * 10 + (p[1] - '0');
  if (hours > 23 || mins > 59)
    return FALSE;

  if (minutes != NULL)
    *minutes = hours * 60 + mins;
  return TRUE;
}

/* Skips "am", "a.m.", "AM" … at p; *pm says which. Returns the rest, or
 * NULL when p holds neither. */
static const char *
skip_meridiem (const char *p,
               gboolean   *pm)
{
  char first = g_ascii_tolower (*p);

  if (first != 'a' && first != 'p')
    return NULL;
  *pm = first == 'p';
  p++;
  if (*p == '.')
    p++;
  if (g_ascii_tolower (*p) != 'm')
    return NULL;
  p++;
  if (*p == '.')
    p++;
  return p;
}

gboolean
convene_parse_typed_time (const char *text,
                          int        *minutes)
{
  const char *p = text;
  int hours = 0, mins = 0, digits = 0;
  gboolean has_minutes = FALSE, meridiem = FALSE, pm = FALSE;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;
  while (g_ascii_isdigit (*p) && digits < 2)
    {
      hours = hours * 10 + (*p - '0');
      p++;
      digits++;
    }
  if (digits == 0)
    return FALSE;
  if (*p == ':')
    {
      if (!g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]))
        return FALSE;
      mins = (p[1] - '0') * 10 + (p[2] - '0');
      has_minutes = TRUE;
      p += 3;
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    {
      p = skip_meridiem (p, &pm);
      if (p == NULL)
        return FALSE;
      meridiem = TRUE;
      while (g_ascii_isspace (*p))
        p++;
      if (*p != '\0')
        return FALSE;
    }

  if (mins > 59)
    return FALSE;
  if (meridiem)
    {
      /* 12 AM is midnight, 12 PM noon. */
      if (hours < 1 || hours > 12)
        return FALSE;
      hours = hours % 12 + (pm ? 12 : 0);
    }
  else if (!has_minutes || hours > 23)
    return FALSE;

  if (minutes != NULL)
    *minutes = hours * 60 + mins;
  return TRUE;
}

char *
convene_format_time_of_day (int minutes)
{
  /* Callers pass validated times; wrap anything else onto the clock face
   * rather than print nonsense. */
  minutes %= CONVENE_MINUTES_PER_DAY;
  if (minutes < 0)
    minutes += CONVENE_MINUTES_PER_DAY;

  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

gboolean
convene_model_replace_string (char       **field,
                              const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}
