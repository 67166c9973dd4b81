/* convene-runsheet.h: run sheets for the people running the day, laid out with
 * Pango and drawn with Cairo on any cairo_t, so the PDF export and the print
 * dialog draw exactly the same pages.
 *
 * Design:
 * - Two steps, the split GtkPrintOperation needs: layout() (begin-print:
 *   paginate, then gtk_print_operation_set_n_pages) and draw_page()
 *   (draw-page). layout() measures every cell and keeps what pagination
 *   and drawing need: each cell's text (as text and style runs, shared by
 *   identical cells), its size, the rows' heights and each page's rows.
 *   PangoLayouts are kept only while their text stays under a fixed budget
 *   (about 20 MiB of layouts); draw_page() lays a page's other cells out
 *   again and lets go of each layout after the last page that shows it.
 *   So the layouts' memory is bounded however many rows a run sheet has
 *   (what grows with it is text and a few numbers a cell), and a run sheet
 *   within the budget is still laid out only once. A row taller than
 *   the room left is cut between lines of its cells' layouts, laid out
 *   again if they were not kept.
 * - Units are points with the origin at the top-left of the page. The
 *   PangoContext given to layout() must measure in points: 72 dpi
 *   (gtk_print_context_create_pango_context() with GTK_UNIT_POINTS does, and
 *   so does convene_runsheet_create_pango_context()). Margins from the options
 *   are applied inside the page given.
 * - Each session starts on a new page: a header block (project, session, date
 *   in full, room and venue, start–end, slot, moderators, the over/under
 *   statement), then the table: time (start–end), minutes, the item (kind,
 *   title, notes and cues; items indented under their segment) and who (names
 *   with role and organisation, "TBC" for anyone not confirmed). Then the
 *   sections chosen in the options: planned and actual (for a session with a
 *   live record: each segment's planned and actual start and length and the
 *   difference, items under their panel, then the whole session), contact
 *   sheet, outcomes checklist, moderator card (own page), call sheets (a page
 *   per person).
 * - Later pages of a session repeat a compact header and the column titles
 *   (and the segment an item belongs to), each in one line however long the
 *   titles: a session's title is shown in full once, in its header, and
 *   restated elsewhere in a line or three, shortened in the middle. A row
 *   moves whole to the next page; only a row taller than a whole page is
 *   split, between lines, and goes on with "(continued)". No line's box
 *   reaches below the body, and drawing is clipped above the footer, so
 *   nothing prints over it. Footer: "Printed <date and time>" and
 *   "Page N of M".
 * - Text wraps at words (or characters when a word is too long), with the
 *   direction of each paragraph found from its text, so Arabic, Hebrew and
 *   CJK text lay out; nothing is clipped.
 * - The renderer reads the project and options when layout() runs; after a
 *   change to either, call layout() again. */
#pragma once

#include <gio/gio.h>
#include <pango/pango.h>
#include <cairo.h>

#include "convene-project.h"
#include "convene-runsheet-options.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_RUNSHEET (convene_runsheet_get_type ())
G_DECLARE_FINAL_TYPE (ConveneRunsheet, convene_runsheet, CONVENE, RUNSHEET, GObject)

/* Properties: "project", "options" (construct-only). */
ConveneRunsheet *convene_runsheet_new          (ConveneProject         *project,
                                                ConveneRunsheetOptions *options);
ConveneProject  *convene_runsheet_get_project  (ConveneRunsheet *self);
ConveneRunsheetOptions *convene_runsheet_get_options (ConveneRunsheet *self);

/* Lays the run sheet out on pages of page_width × page_height points,
 * measuring with context. Fails (nothing laid out, n_pages 0) if the options
 * are invalid, the chosen session or date has no session, or the page is too
 * small for the table. */
gboolean         convene_runsheet_layout       (ConveneRunsheet *self,
                                                PangoContext    *context,
                                                double           page_width,
                                                double           page_height,
                                                GError         **error);
/* Pages after the last layout(); 0 before. */
guint            convene_runsheet_get_n_pages  (ConveneRunsheet *self);
/* Draws page page_nr (0-based, as GtkPrintOperation counts) on cr, whose
 * origin is the page's top-left corner in points. Does not show the page. */
void             convene_runsheet_draw_page    (ConveneRunsheet *self,
                                                cairo_t         *cr,
                                                guint            page_nr);

/* A context measuring in points, unhinted, for drawing on vector surfaces
 * (PDF). The caller owns it. */
PangoContext    *convene_runsheet_create_pango_context (void);

/* The whole run sheet as a PDF, paper and orientation from options. Written
 * to a temporary file beside file and renamed over it only when complete:
 * on any error no file is left behind and an existing file is untouched.
 * The error names the file and the reason. */
gboolean         convene_runsheet_export_pdf   (ConveneProject         *project,
                                                ConveneRunsheetOptions *options,
                                                GFile                  *file,
                                                GError                **error);

G_END_DECLS
