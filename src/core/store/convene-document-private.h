/* convene-document-private.h: the document's store, for the store's tests
 * (to look at the file through the document's own connection). Nothing
 * outside src/core/store and tests/store includes this. */
#pragma once

#include "convene-document.h"

G_BEGIN_DECLS

/* Borrowed. */
ConveneStore *convene_document_get_store (ConveneDocument *self);

G_END_DECLS
