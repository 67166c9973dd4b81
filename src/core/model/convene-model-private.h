/* convene-model-private.h: helpers shared by the model's classes only. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Stores a copy of value (NULL reads as "") in *field; returns whether it
 * changed, so the caller notifies only on a real change. */
gboolean convene_model_replace_string (char **field, const char *value);

/* The same for a UUID, stored in lower case so that one identity has one
 * spelling in every file and export. */
gboolean convene_model_replace_uuid (char **field, const char *uuid);

/* A clock's time of day, "14:03" or "2:03 PM"; "" for no clock. */
char    *convene_model_format_time_of_day (GDateTime *clock, gboolean use_12h);

G_END_DECLS
