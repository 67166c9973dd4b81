/* convene-date-entry.h: a date the planner types or picks in a calendar.
 *
 * An entry showing the date as the locale writes it ("Sun 28 Mar 2027"),
 * linked to a button whose popover holds a GtkCalendar and, for a date that
 * may be left out (a follow-up's due date), a button that clears it. The
 * entry still takes a typed date: the form it shows, the locale's numeric
 * form or YYYY-MM-DD.
 *
 * The widget edits nothing itself: "date-chosen" says what the planner chose
 * ("YYYY-MM-DD", or "" for none), the owner performs the command and sets
 * the date the model then holds. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CONVENE_TYPE_DATE_ENTRY (convene_date_entry_get_type ())
G_DECLARE_FINAL_TYPE (ConveneDateEntry, convene_date_entry, CONVENE, DATE_ENTRY, GtkWidget)

GtkWidget  *convene_date_entry_new          (void);
/* "YYYY-MM-DD", or "" for none. */
const char *convene_date_entry_get_date     (ConveneDateEntry *self);
/* Shows date ("YYYY-MM-DD", "" or NULL for none), without "date-chosen";
 * the date shown already leaves the field as it is. */
void        convene_date_entry_set_date     (ConveneDateEntry *self,
                                             const char       *date);
/* Whether the date may be cleared (default FALSE). */
gboolean    convene_date_entry_get_optional (ConveneDateEntry *self);
void        convene_date_entry_set_optional (ConveneDateEntry *self,
                                             gboolean          optional);
/* The accessible name of the entry ("Date of the session"). */
void        convene_date_entry_set_title    (ConveneDateEntry *self,
                                             const char       *title);

/* "YYYY-MM-DD" as the locale writes a date in a line ("Sun 28 Mar 2027");
 * anything else is returned as it is (NULL gives ""). */
char       *convene_date_format             (const char *date);
/* What a planner types as a date: YYYY-MM-DD, the form convene_date_format()
 * writes, or a date in the locale's order with its year in full
 * ("28/03/2027", "28 March 2027"). Returns "YYYY-MM-DD", or NULL for
 * anything else ("3/4", "March 28": a year left out is never guessed). */
char       *convene_date_parse              (const char *text);

G_END_DECLS
