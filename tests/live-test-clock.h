/* live-test-clock.h: the clock tests give a live engine (ConveneLive), moved
 * by hand so an hour of a programme passes in a line:
 *   TestClock clock = { start };
 *   live = convene_live_new (session, tz, test_clock_read, &clock, NULL);
 *   clock.now += 10 * CONVENE_LIVE_MINUTE; */
#pragma once

#include <glib.h>

typedef struct {
  gint64 now;  /* microseconds since the Unix epoch */
} TestClock;

static inline gint64
test_clock_read (gpointer user_data)
{
  return ((TestClock *) user_data)->now;
}
