/* convene-limits.h: the bounds every layer agrees on (model setters clamp or
 * refuse, the store's CHECK constraints enforce, importers validate). */
#pragma once

#define CONVENE_MAX_DURATION_MINUTES  (24 * 60)   /* one segment: at most a day */
#define CONVENE_MAX_SLOT_MINUTES      (24 * 60)   /* one session slot */
#define CONVENE_MINUTES_PER_DAY       (24 * 60)
#define CONVENE_MAX_TEXT_BYTES        (64 * 1024) /* titles, names, notes... */
#define CONVENE_MAX_NESTING           1           /* segments hold items; items hold none */
#define CONVENE_NO_FIXED_START        (-1)
