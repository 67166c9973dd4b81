/* convene-person-row.h: one person in the roster: avatar, name, job title
 * and organisation, status, open warnings and how many roles they hold.
 * The row is also where a person is dragged from onto the programme. */
#pragma once

#include <gtk/gtk.h>

#include "convene-speaker.h"

G_BEGIN_DECLS

/* A row is dragged as its ConveneSpeaker (CONVENE_TYPE_SPEAKER). */

#define CONVENE_TYPE_PERSON_ROW (convene_person_row_get_type ())
G_DECLARE_FINAL_TYPE (ConvenePersonRow, convene_person_row, CONVENE, PERSON_ROW, GtkWidget)

GtkWidget      *convene_person_row_new         (void);
/* speaker NULL unbinds. */
void            convene_person_row_set_speaker (ConvenePersonRow *self,
                                                ConveneSpeaker   *speaker);
ConveneSpeaker *convene_person_row_get_speaker (ConvenePersonRow *self);
/* n_roles: how many places the person is assigned to. warnings: one
 * sentence per line, or NULL; has_error picks the error style. */
void            convene_person_row_set_summary (ConvenePersonRow *self,
                                                guint             n_roles,
                                                const char       *warnings,
                                                gboolean          has_error);

/* "confirmed" etc. style class of a status pill. */
const char     *convene_person_row_status_css_class (ConveneSpeakerStatus status);

G_END_DECLS
