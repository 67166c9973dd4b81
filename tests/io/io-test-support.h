/* io-test-support.h: what the exchange formats' tests share. */
#pragma once

#include "convene-project.h"

G_BEGIN_DECLS

/* The example project (data/examples/side-event.json), imported. */
ConveneProject *io_test_load_example (void);

G_END_DECLS
