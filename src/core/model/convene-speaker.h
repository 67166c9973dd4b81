/* convene-speaker.h: a person on the project's roster. */
#pragma once

#include <glib-object.h>
#include "convene-enums.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_SPEAKER (convene_speaker_get_type ())
G_DECLARE_FINAL_TYPE (ConveneSpeaker, convene_speaker, CONVENE, SPEAKER, GObject)

/* Properties: "id" (gint64, construct-only), "honorific" ("Dr"), "name",
 * "job-title", "organisation", "email", "phone", "bio", "notes" (strings, ""
 * when empty), "status" (ConveneSpeakerStatus), and read-only "display-name"
 * (honorific + name, notified when either changes). */
ConveneSpeaker      *convene_speaker_new              (gint64 id, const char *name);
gint64               convene_speaker_get_id           (ConveneSpeaker *self);
const char          *convene_speaker_get_honorific    (ConveneSpeaker *self);
void                 convene_speaker_set_honorific    (ConveneSpeaker *self, const char *value);
const char          *convene_speaker_get_name         (ConveneSpeaker *self);
void                 convene_speaker_set_name         (ConveneSpeaker *self, const char *value);
const char          *convene_speaker_get_job_title    (ConveneSpeaker *self);
void                 convene_speaker_set_job_title    (ConveneSpeaker *self, const char *value);
const char          *convene_speaker_get_organisation (ConveneSpeaker *self);
void                 convene_speaker_set_organisation (ConveneSpeaker *self, const char *value);
const char          *convene_speaker_get_email        (ConveneSpeaker *self);
void                 convene_speaker_set_email        (ConveneSpeaker *self, const char *value);
const char          *convene_speaker_get_phone        (ConveneSpeaker *self);
void                 convene_speaker_set_phone        (ConveneSpeaker *self, const char *value);
const char          *convene_speaker_get_bio          (ConveneSpeaker *self);
void                 convene_speaker_set_bio          (ConveneSpeaker *self, const char *value);
const char          *convene_speaker_get_notes        (ConveneSpeaker *self);
void                 convene_speaker_set_notes        (ConveneSpeaker *self, const char *value);
ConveneSpeakerStatus convene_speaker_get_status       (ConveneSpeaker *self);
void                 convene_speaker_set_status       (ConveneSpeaker *self, ConveneSpeakerStatus status);
/* "Dr James Campbell"; newly allocated. */
char                *convene_speaker_dup_display_name (ConveneSpeaker *self);
/* Whether what the planner typed in a people search finds this person:
 * every word of query starts a word of the honorific, name, organisation,
 * job title or e-mail, ignoring case and accents ("berg", "Sofia",
 * "muller" and "Müller", "who" for an address at who.int). An empty query
 * finds everyone. The one rule of every people search. */
gboolean             convene_speaker_matches          (ConveneSpeaker *self, const char *query);

/* How lists of people are ordered: by the name as written ("Karin Müller"
 * under K) or by family name, taken as the name's last word ("Karin Müller"
 * under M, "Ludwig van Beethoven" under B). */
typedef enum {
  CONVENE_NAME_ORDER_FIRST,
  CONVENE_NAME_ORDER_FAMILY,
} ConveneNameOrder;

/* Where name's family name starts (its last word, with any spaces after
 * it; the whole of a one-word name), borrowed from name. */
const char          *convene_name_get_family          (const char *name);
/* Compares two texts by the locale's collation, empty texts last. */
int                  convene_compare_text             (const char *a,
                                                       const char *b);
/* Compares two people's names in order, by the locale's collation, empty
 * names last, then by id so that no two people compare equal. */
int                  convene_speaker_compare_names    (ConveneSpeaker   *a,
                                                       ConveneSpeaker   *b,
                                                       ConveneNameOrder  order);

G_END_DECLS
