/* convene-validate.h: checks shared by the model's commands, the importers and
 * the store's loader, so a bad value gets the same words wherever it comes from. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CONVENE_MODEL_ERROR (convene_model_error_quark ())

typedef enum {
  CONVENE_MODEL_ERROR_INVALID_TEXT,      /* not UTF-8, or contains NUL */
  CONVENE_MODEL_ERROR_TEXT_TOO_LONG,     /* over CONVENE_MAX_TEXT_BYTES */
  CONVENE_MODEL_ERROR_INVALID_DURATION,  /* outside 0..CONVENE_MAX_DURATION_MINUTES */
  CONVENE_MODEL_ERROR_INVALID_TIME,      /* not a time of day */
  CONVENE_MODEL_ERROR_INVALID_DATE,      /* not a real YYYY-MM-DD date */
  CONVENE_MODEL_ERROR_INVALID_TIME_ZONE, /* not an IANA zone this system knows */
  CONVENE_MODEL_ERROR_INVALID_NESTING,   /* an item inside an item, a segment in itself */
  CONVENE_MODEL_ERROR_NOT_FOUND,         /* a reference to nothing */
  CONVENE_MODEL_ERROR_INVALID_LINK,      /* an outcome linked twice to a segment, or across sessions */
  CONVENE_MODEL_ERROR_INVALID_UUID,      /* not 8-4-4-4-12 hexadecimal digits */
} ConveneModelError;

GQuark   convene_model_error_quark (void);

/* field is a translated, lower-case name for the message ("the title"). */
gboolean convene_validate_text      (const char *text, gssize length,
                                     const char *field, GError **error);
gboolean convene_validate_duration  (gint64 minutes, GError **error);
gboolean convene_validate_slot      (gint64 minutes, GError **error);
/* Fit to Slot's rounding step, 1..CONVENE_MAX_FIT_STEP minutes. */
gboolean convene_validate_fit_step  (gint64 minutes, GError **error);
/* A segment's minimum and maximum length, each 0 (none) or a duration,
 * the minimum no longer than the maximum when both are set. */
gboolean convene_validate_length_bounds (gint64 min_length, gint64 max_length, GError **error);
/* A time of day in minutes since midnight, 0..1439. */
gboolean convene_validate_time_of_day (gint64 minutes, GError **error);
/* "YYYY-MM-DD", a real calendar date. */
gboolean convene_validate_date      (const char *date, GError **error);
/* An IANA zone name in this system's list of zones ("Europe/Zurich", "UTC"),
 * never a path or another file of the zone folder: see convene-validate.c. */
gboolean convene_validate_time_zone (const char *identifier, GError **error);
gboolean convene_time_zone_is_known (const char *identifier);
/* Every zone name of the system's list (the one convene_time_zone_is_known()
 * checks against), sorted, "UTC" always among them; for choosers. Free with
 * g_strfreev(). A name may still fail convene_time_zone_is_known() when its
 * file is missing. */
char   **convene_time_zone_list_names (void);

/* A UUID as the schedule formats and iCalendar write it: 8-4-4-4-12
 * hexadecimal digits, either case. */
gboolean convene_validate_uuid      (const char *uuid, GError **error);

/* "HH:MM" (24 h) <-> minutes since midnight. parse returns FALSE on junk. */
gboolean convene_parse_time_of_day  (const char *text, int *minutes);
char    *convene_format_time_of_day (int minutes);  /* always "HH:MM" */
/* What a planner types as a time of day, on either clock: "13:00", "9:05",
 * "2:30 PM", "2:30pm", "2 p.m.", "12:15 am" (spaces around it ignored).
 * FALSE for anything else, such as "24:00", "13:00 PM" or "2:3". Files keep
 * the strict "HH:MM" of convene_parse_time_of_day(). */
gboolean convene_parse_typed_time   (const char *text, int *minutes);

G_END_DECLS
