/* convene-runsheet-options.h: what a planner chooses before printing a run
 * sheet: paper, orientation, type size, which sessions, which extra sections.
 *
 * Setters store what they are given; convene_runsheet_options_validate()
 * (called again by the renderer before laying out) turns a value that cannot
 * make a readable sheet into a GError a planner understands, so a bad value
 * from the command line or a dialog is never a critical warning. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CONVENE_RUNSHEET_ERROR (convene_runsheet_error_quark ())

typedef enum {
  CONVENE_RUNSHEET_ERROR_INVALID_OPTION, /* a size, margin or paper name that cannot work */
  CONVENE_RUNSHEET_ERROR_NO_SESSION,     /* the chosen session or date has nothing to print */
  CONVENE_RUNSHEET_ERROR_PAGE_TOO_SMALL, /* the page given to layout cannot hold a table */
  CONVENE_RUNSHEET_ERROR_WRITE,          /* the PDF could not be written; names the file */
} ConveneRunsheetError;

GQuark convene_runsheet_error_quark (void);

typedef enum {
  CONVENE_RUNSHEET_PORTRAIT,
  CONVENE_RUNSHEET_LANDSCAPE,
} ConveneRunsheetOrientation;

#define CONVENE_TYPE_RUNSHEET_ORIENTATION (convene_runsheet_orientation_get_type ())
GType convene_runsheet_orientation_get_type (void) G_GNUC_CONST;

/* Bounds checked by validate(). */
#define CONVENE_RUNSHEET_MIN_FONT_SIZE   6.0
#define CONVENE_RUNSHEET_MAX_FONT_SIZE   16.0
#define CONVENE_RUNSHEET_DEFAULT_FONT_SIZE 9.0
#define CONVENE_RUNSHEET_MIN_PAPER_SIDE  288.0     /* points: 4 inches, about A6 */
#define CONVENE_RUNSHEET_MAX_PAPER_SIDE  14400.0   /* points: the PDF limit, 200 inches */
#define CONVENE_RUNSHEET_DEFAULT_MARGIN  36.0      /* points: half an inch */

#define CONVENE_TYPE_RUNSHEET_OPTIONS (convene_runsheet_options_get_type ())
G_DECLARE_FINAL_TYPE (ConveneRunsheetOptions, convene_runsheet_options, CONVENE, RUNSHEET_OPTIONS, GObject)

/* Properties (all read-write):
 *   "paper-width", "paper-height"  double, points, the sheet held upright
 *                                  (default A4, 595.28 × 841.89)
 *   "orientation"                  ConveneRunsheetOrientation (portrait)
 *   "margin"                       double, points on every side (36)
 *   "font-family"                  string ("Sans")
 *   "font-size"                    double, points, 6–16 (9)
 *   "use-12h"                      gboolean: "2:03 PM" instead of "14:03" (FALSE)
 *   "include-notes"                gboolean: segment notes and stage/AV cues (TRUE)
 *   "session-id"                   gint64: only this session; 0 = every session (0)
 *   "date"                         "YYYY-MM-DD": only sessions on that day (the
 *                                  whole-day sheet); "" = any day ("")
 *   "contact-sheet"                gboolean: who, organisation, phone, email, their times
 *   "outcomes-checklist"           gboolean: the session's outcomes with boxes to tick
 *   "moderator-card"               gboolean: guiding questions and running order, own page
 *   "call-sheets"                  gboolean: one page per person with their own times
 *   "planned-actual"               gboolean: for a session run live, each segment's
 *                                  planned and actual start and length (TRUE)
 *   "printed-at"                   GDateTime: the "Printed" time in the footer;
 *                                  NULL = the moment of laying out (tests fix it)
 * Each session starts on a new page; the sections follow its table. */
ConveneRunsheetOptions *convene_runsheet_options_new (void);
ConveneRunsheetOptions *convene_runsheet_options_copy (ConveneRunsheetOptions *self);

/* "a4", "a3", "a5", "letter", "legal" (any case), or explicit sizes
 * "210x297mm", "8.5x11in", "612x792pt" (a bare "612x792" is points).
 * Sets paper-width and paper-height as given (upright). */
gboolean    convene_runsheet_options_set_paper       (ConveneRunsheetOptions *self,
                                                      const char             *paper,
                                                      GError                **error);
/* The known name matching the current size ("a4"...), or "custom". */
const char *convene_runsheet_options_get_paper_name  (ConveneRunsheetOptions *self);
void        convene_runsheet_options_set_paper_size  (ConveneRunsheetOptions *self,
                                                      double width, double height);
double      convene_runsheet_options_get_paper_width (ConveneRunsheetOptions *self);
double      convene_runsheet_options_get_paper_height (ConveneRunsheetOptions *self);
/* The page as printed, orientation applied (landscape swaps the sides). */
void        convene_runsheet_options_get_page_size   (ConveneRunsheetOptions *self,
                                                      double *width, double *height);

ConveneRunsheetOrientation convene_runsheet_options_get_orientation (ConveneRunsheetOptions *self);
void        convene_runsheet_options_set_orientation (ConveneRunsheetOptions *self,
                                                      ConveneRunsheetOrientation orientation);
double      convene_runsheet_options_get_margin      (ConveneRunsheetOptions *self);
void        convene_runsheet_options_set_margin      (ConveneRunsheetOptions *self, double margin);
const char *convene_runsheet_options_get_font_family (ConveneRunsheetOptions *self);
void        convene_runsheet_options_set_font_family (ConveneRunsheetOptions *self, const char *family);
double      convene_runsheet_options_get_font_size   (ConveneRunsheetOptions *self);
void        convene_runsheet_options_set_font_size   (ConveneRunsheetOptions *self, double size);
gboolean    convene_runsheet_options_get_use_12h     (ConveneRunsheetOptions *self);
void        convene_runsheet_options_set_use_12h     (ConveneRunsheetOptions *self, gboolean use_12h);
gboolean    convene_runsheet_options_get_include_notes (ConveneRunsheetOptions *self);
void        convene_runsheet_options_set_include_notes (ConveneRunsheetOptions *self, gboolean include);
gint64      convene_runsheet_options_get_session_id  (ConveneRunsheetOptions *self);
void        convene_runsheet_options_set_session_id  (ConveneRunsheetOptions *self, gint64 session_id);
const char *convene_runsheet_options_get_date        (ConveneRunsheetOptions *self);
void        convene_runsheet_options_set_date        (ConveneRunsheetOptions *self, const char *date);
gboolean    convene_runsheet_options_get_contact_sheet (ConveneRunsheetOptions *self);
void        convene_runsheet_options_set_contact_sheet (ConveneRunsheetOptions *self, gboolean include);
gboolean    convene_runsheet_options_get_outcomes_checklist (ConveneRunsheetOptions *self);
void        convene_runsheet_options_set_outcomes_checklist (ConveneRunsheetOptions *self, gboolean include);
gboolean    convene_runsheet_options_get_moderator_card (ConveneRunsheetOptions *self);
void        convene_runsheet_options_set_moderator_card (ConveneRunsheetOptions *self, gboolean include);
gboolean    convene_runsheet_options_get_call_sheets (ConveneRunsheetOptions *self);
void        convene_runsheet_options_set_call_sheets (ConveneRunsheetOptions *self, gboolean include);
gboolean    convene_runsheet_options_get_planned_actual (ConveneRunsheetOptions *self);
void        convene_runsheet_options_set_planned_actual (ConveneRunsheetOptions *self, gboolean include);
GDateTime  *convene_runsheet_options_get_printed_at  (ConveneRunsheetOptions *self);
void        convene_runsheet_options_set_printed_at  (ConveneRunsheetOptions *self, GDateTime *when);

/* Font size in 6–16 pt, paper sides in 288–14400 pt, a margin that leaves
 * at least half of each side, a real date if one is set, a font family. */
gboolean    convene_runsheet_options_validate        (ConveneRunsheetOptions *self,
                                                      GError                **error);

G_END_DECLS
