/* crash-edits.h: the deterministic burst of edits that the crash test's
 * child performs and the test replays to know what the file must hold. */
#pragma once

#include "convene-command.h"
#include "convene-project.h"

G_BEGIN_DECLS

/* The project every burst starts from: one session with a few segments. */
ConveneProject *crash_base_project (void);
/* Edit number n (from 1) of the burst driven by rand, chosen from what the
 * project holds now: set text, durations, insert/remove/move segments, add
 * speakers and assignments. Never fails: only possible edits are built. */
ConveneCommand *crash_next_edit    (ConveneProject *project, GRand *rand, guint n);

G_END_DECLS
