/* fuzz-support.h: what each of Convene's libFuzzer targets sets up first. */
#pragma once

#include <signal.h>
#include <stdlib.h>

#include <glib.h>

/* GLib stops on a fatal message with SIGTRAP, which libFuzzer does not
 * catch: the input that caused it would be lost. abort() instead, which
 * libFuzzer turns into a crash-* file holding the input. */
static void
fuzz_support_trap (int signal_number)
{
  (void) signal_number;
  abort ();
}

/* A warning or a critical caused by input is a bug, as is a g_error() of
 * the target's own checks: each is made a crash that the fuzzer keeps. */
static inline void
fuzz_support_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  signal (SIGTRAP, fuzz_support_trap);
}
