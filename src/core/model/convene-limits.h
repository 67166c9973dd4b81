/* convene-limits.h: the bounds every layer agrees on (model setters clamp or
 * refuse, the store's CHECK constraints enforce, importers validate). */
#pragma once

#include <glib.h>

#define CONVENE_MAX_DURATION_MINUTES  (24 * 60)   /* one segment: at most a day */
#define CONVENE_MAX_SLOT_MINUTES      (24 * 60)   /* one session slot */
#define CONVENE_DEFAULT_FIT_STEP      5           /* Fit to Slot rounds to 5 minutes */
#define CONVENE_MAX_FIT_STEP          60
#define CONVENE_MINUTES_PER_DAY       (24 * 60)
#define CONVENE_MAX_TEXT_BYTES        (64 * 1024) /* titles, names, notes... */
#define CONVENE_MAX_NESTING           1           /* segments hold items; items hold none */
#define CONVENE_NO_FIXED_START        (-1)
/* An instant of a live record, in microseconds since the Unix epoch: from
 * 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z, the times that a
 * GDateTime and the JSON format ("2027-05-24T10:42:00.000000Z") can hold. */
#define CONVENE_MIN_INSTANT           G_GINT64_CONSTANT (-62135596800000000)
#define CONVENE_MAX_INSTANT           G_GINT64_CONSTANT (253402300799999999)
/* Ids. Convene numbers new objects after the largest id it has seen, so an
 * id near the top of the 64-bit range would leave no room for another "Add".
 * An import takes ids up to CONVENE_MAX_ID (2^62): a project holding it
 * still has about 2^62 new ids to hand out, more than anyone could ever use.
 * A project file holds ids up to CONVENE_MAX_STORED_ID (it grows past an
 * imported id); Convene never hands out a larger one, so every file it
 * writes opens again. */
#define CONVENE_MAX_ID                G_GINT64_CONSTANT (4611686018427387904)
#define CONVENE_MAX_STORED_ID         (G_MAXINT64 - G_GINT64_CONSTANT (4294967296))
