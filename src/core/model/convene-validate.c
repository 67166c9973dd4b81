#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
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
convene_validate_fit_step (gint64   minutes,
                           GError **error)
{
  if (minutes < 1 || minutes > CONVENE_MAX_FIT_STEP)
    {
      g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_DURATION,
                   _("The rounding step must be between 1 and %d minutes, not %'lld."),
                   CONVENE_MAX_FIT_STEP, (long long) minutes);
      return FALSE;
    }

  return TRUE;
}

gboolean
convene_validate_length_bounds (gint64   min_length,
                                gint64   max_length,
                                GError **error)
{
  if (!convene_validate_duration (min_length, error) ||
      !convene_validate_duration (max_length, error))
    return FALSE;

  if (min_length > 0 && max_length > 0 && min_length > max_length)
    {
      g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_DURATION,
                   _("The minimum length (%'lld min) cannot be longer than the maximum (%'lld min)."),
                   (long long) min_length, (long long) max_length);
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
convene_validate_uuid (const char  *uuid,
                       GError     **error)
{
  if (uuid != NULL && g_uuid_string_is_valid (uuid))
    return TRUE;

  if (uuid != NULL && *uuid != '\0' && strlen (uuid) <= 64 && g_utf8_validate (uuid, -1, NULL))
    g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_UUID,
                 _("“%s” is not a permanent identifier: that is a UUID, 32 hexadecimal digits in "
                   "groups of 8, 4, 4, 4 and 12, such as 6f1c2a3e-9b4d-4c1e-8f2a-0b1c2d3e4f50."),
                 uuid);
  else
    g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_UUID,
                         _("This is not a permanent identifier: that is a UUID, 32 hexadecimal "
                           "digits in groups of 8, 4, 4, 4 and 12, such as "
                           "6f1c2a3e-9b4d-4c1e-8f2a-0b1c2d3e4f50."));
  return FALSE;
}

/* Time zones
 *
 * A project names its venue's zone by its IANA name ("Europe/Zurich"), which
 * means the same clock on every computer. GLib would also take a path
 * ("/etc/localtime", "Europe/../Europe/Zurich") or any file in the zone
 * folder ("zone.tab"), which means something else on each computer, prints
 * criticals, or, for a FIFO, blocks forever. So a name is taken only if
 * it is in the system's list of zones and its file is a real zone file:
 *
 * - the list is tzdata.zi in the zone folder ($TZDIR, as GLib reads it, or
 *   /usr/share/zoneinfo): every zone and every link the system has (old
 *   names such as "US/Eastern" included); where it is missing, the zone
 *   names of zone1970.tab and zone.tab; where none of them exists, any name
 *   of the right shape whose file is a zone file;
 * - "UTC" is always taken: GLib knows it without any file.
 *
 * Either way the name is made of letters, digits, '_', '-', '+' and '/'
 * between non-empty parts, so no path can get through. */

#define ZONE_NAME_MAX_BYTES  255
#define ZONE_LIST_MAX_BYTES  (4 * 1024 * 1024)

G_LOCK_DEFINE_STATIC (zones);
static GHashTable *zone_list;        /* name -> name; NULL when there is no list */
static gboolean    zone_list_read;
static GHashTable *zones_taken;      /* names already checked and taken */

static const char *
zone_folder (void)
{
  const char *dir = g_getenv ("TZDIR");

  if (dir != NULL && *dir != '\0')
    return dir;
  if (!g_file_test ("/usr/share/zoneinfo", G_FILE_TEST_IS_DIR) &&
      g_file_test ("/usr/share/lib/zoneinfo", G_FILE_TEST_IS_DIR))
    return "/usr/share/lib/zoneinfo";
  return "/usr/share/zoneinfo";
}

/* Opens name in the zone folder only if it is a regular file (never waiting
 * on a FIFO); -1 otherwise. */
static int
open_zone_file (const char  *name,
                struct stat *st)
{
  g_autofree char *path = g_build_filename (zone_folder (), name, NULL);
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);

  if (fd < 0)
    return -1;
  if (fstat (fd, st) != 0 || !S_ISREG (st->st_mode))
    {
      close (fd);
      return -1;
    }
  return fd;
}

static char *
read_zone_list_file (const char *name)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize done = 0;
  int fd;

  fd = open_zone_file (name, &st);
  if (fd < 0)
    return NULL;
  if (st.st_size > ZONE_LIST_MAX_BYTES)
    {
      close (fd);
      return NULL;
    }

  data = g_malloc ((gsize) st.st_size + 1);
  while (done < (gsize) st.st_size)
    {
      ssize_t n = read (fd, data + done, (gsize) st.st_size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += (gsize) n;
    }
  close (fd);
  data[done] = '\0';
  return g_steal_pointer (&data);
}

static void
add_zone (GHashTable *list,
          const char *name)
{
  if (name != NULL && *name != '\0')
    g_hash_table_add (list, g_strdup (name));
}

/* The zone names of a list: in tzdata.zi, "Z name ..." for a zone and
 * "L target name" for a link; in zone1970.tab and zone.tab, the third
 * column of each line that is not a comment. */
static void
read_zone_names (GHashTable *list,
                 const char *data,
                 gboolean    zi)
{
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_auto(GStrv) fields = NULL;
      guint column;

      if (zi && (line[0] == 'Z' || line[0] == 'L') && line[1] == ' ')
        column = line[0] == 'Z' ? 1 : 2;
      else if (!zi && line[0] != '#' && line[0] != '\0')
        column = 2;
      else
        continue;

      fields = g_strsplit (line, zi ? " " : "\t", 4);
      if (g_strv_length (fields) > column)
        add_zone (list, fields[column]);
    }
}

static GHashTable *
read_zone_list (void)
{
  g_autoptr(GHashTable) list = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *zi = read_zone_list_file ("tzdata.zi");

  if (zi != NULL)
    {
      read_zone_names (list, zi, TRUE);
    }
  else
    {
      static const char * const tabs[] = { "zone1970.tab", "zone.tab" };

      for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
        {
          g_autofree char *tab = read_zone_list_file (tabs[i]);

          if (tab != NULL)
            read_zone_names (list, tab, FALSE);
        }
    }

  if (g_hash_table_size (list) == 0)
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
has_zone_name_shape (const char *name)
{
  gboolean part_start = TRUE;
  gsize length = 0;

  for (const char *p = name; *p != '\0'; p++, length++)
    {
      if (*p == '/')
        {
          if (part_start)
            return FALSE;
          part_start = TRUE;
          continue;
        }
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '+')
        return FALSE;
      part_start = FALSE;
    }

  return length > 0 && length <= ZONE_NAME_MAX_BYTES && !part_start;
}

/* A compiled zone file: at least its 44-byte header, starting "TZif" (what
 * GLib asserts before it reads one). */
#define ZONE_FILE_HEADER_BYTES 44

static gboolean
is_zone_file (const char *name)
{
  struct stat st;
  char header[ZONE_FILE_HEADER_BYTES];
  ssize_t n;
  int fd = open_zone_file (name, &st);

  if (fd < 0)
    return FALSE;
  do
    n = read (fd, header, sizeof header);
  while (n < 0 && errno == EINTR);
  close (fd);
  return n == sizeof header && memcmp (header, "TZif", 4) == 0;
}

/* Reads the system's list once; called with the lock held. */
static void
ensure_zone_list_locked (void)
{
  if (zone_list_read)
    return;
  zone_list = read_zone_list ();
  zones_taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  zone_list_read = TRUE;
}

gboolean
convene_time_zone_is_known (const char *identifier)
{
  gboolean known;

  if (identifier == NULL || !has_zone_name_shape (identifier))
    return FALSE;
  if (g_str_equal (identifier, "UTC"))
    return TRUE;

  G_LOCK (zones);
  ensure_zone_list_locked ();
  known = g_hash_table_contains (zones_taken, identifier);
  G_UNLOCK (zones);
  if (known)
    return TRUE;

  /* Outside the lock: the list, once read, never changes. */
  if (zone_list != NULL && !g_hash_table_contains (zone_list, identifier))
    return FALSE;
  if (!is_zone_file (identifier))
    return FALSE;

  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (identifier);

    if (tz == NULL)
      return FALSE;
  }

  G_LOCK (zones);
  g_hash_table_add (zones_taken, g_strdup (identifier));
  G_UNLOCK (zones);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
convene_time_zone_list_names (void)
{
  GPtrArray *names = g_ptr_array_new ();

  G_LOCK (zones);
  ensure_zone_list_locked ();
  G_UNLOCK (zones);

  /* Outside the lock: the list, once read, never changes. */
  if (zone_list != NULL)
    {
      GHashTableIter iter;
      gpointer name;

      g_hash_table_iter_init (&iter, zone_list);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        if (has_zone_name_shape (name))
          g_ptr_array_add (names, g_strdup (name));
    }
  if (zone_list == NULL || !g_hash_table_contains (zone_list, "UTC"))
    g_ptr_array_add (names, g_strdup ("UTC"));

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

gboolean
convene_validate_time_zone (const char  *identifier,
                            GError     **error)
{
  if (convene_time_zone_is_known (identifier))
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

gboolean
convene_model_replace_uuid (char       **field,
                            const char  *uuid)
{
  g_autofree char *lower = g_ascii_strdown (uuid, -1);

  return convene_model_replace_string (field, lower);
}
