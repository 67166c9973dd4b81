/* convene-ui-util.h: what every view of a project needs to tell the planner
 * about a change: toasts on the window's overlay, errors in their words, and
 * a command handed to the document with the reason shown when it is refused. */
#pragma once

#include <adwaita.h>

#include "convene-document.h"

G_BEGIN_DECLS

/* Shows toast on overlay (takes it). Every toast of Convene goes on its
 * overlay through here: one at a time, the next once the overlay has let go
 * of the last, and a high-priority toast in place of the one shown. */
void     convene_ui_add_toast    (AdwToastOverlay *overlay,
                                  AdwToast        *toast);
/* Takes toast off overlay: dismissed if shown, dropped if still waiting. */
void     convene_ui_withdraw_toast (AdwToastOverlay *overlay,
                                    AdwToast        *toast);
/* Shows toast on the nearest AdwToastOverlay above widget (takes it; drops
 * it when the widget is not in a window). */
void     convene_ui_show_toast   (GtkWidget       *widget,
                                  AdwToast        *toast);
/* A toast saying message (which may hold what the planner typed). */
void     convene_ui_show_message (GtkWidget       *widget,
                                  const char      *message);
/* A toast carrying error's message, escaped for markup. */
void     convene_ui_show_error   (GtkWidget       *widget,
                                  const GError    *error);
/* Whether edits to document can be made: there is one and it is not
 * read-only. */
gboolean convene_ui_is_writable  (ConveneDocument *document);
/* Performs command on document (command NULL: building it failed with
 * build_error, which may be NULL). Takes command and build_error. Shows the
 * reason and returns FALSE when nothing was done; that toast goes once an
 * edit through the same widget (pass the field edited) is accepted. */
gboolean convene_ui_perform      (GtkWidget       *widget,
                                  ConveneDocument *document,
                                  ConveneCommand  *command,
                                  GError          *build_error);
/* A "YYYY-MM-DD" date shown with format (a translated g_date_time_format()
 * pattern); anything else comes back as it is. */
char    *convene_ui_format_date  (const char *date,
                                  const char *format);

/* Opens Convene's help (page: a page of it, or NULL for its start) in
 * the desktop's help viewer; where none is installed, says so over parent
 * and names what to install, instead of the toolkit's "Operation not
 * supported". */
void     convene_ui_show_help    (GtkWindow  *parent,
                                  const char *page);

/* Convene's settings, one object for the process (borrowed). */
GSettings       *convene_ui_get_settings   (void);
/* The order of lists of people the planner chose on the People page:
 * the "name-order" setting; views follow its "changed::name-order". */
ConveneNameOrder convene_ui_get_name_order (void);
/* A sorter of ConveneSpeakers by name in that order, re-sorting itself
 * when the order is changed (new reference). */
GtkSorter       *convene_ui_new_people_sorter (void);

/* A toast saying message with an Undo button that undoes document's last
 * command. */
void     convene_ui_show_undo_toast (GtkWidget       *widget,
                                     ConveneDocument *document,
                                     const char      *message);

/* How many characters of what the planner typed one label lays out. Pango
 * takes time far beyond linear in the length of a word it cannot break (a
 * title of 64 KiB without a space took minutes), and no label shows more
 * than this anyway: the full text stays in the model and its editor. */
#define CONVENE_UI_MAX_SHOWN_CHARS 240

/* text with each line longer than CONVENE_UI_MAX_SHOWN_CHARS characters cut
 * there, on a character boundary, and ended with "…". NULL gives "". */
char    *convene_ui_dup_shown_text (const char *text);
/* Sets label's text to what convene_ui_dup_shown_text() keeps of text,
 * only when that differs from what it shows. */
void     convene_ui_label_set_user_text (GtkLabel   *label,
                                         const char *text);

/* How many characters of a stored text one editing field holds. GTK's
 * entries keep at most 65,534 bytes, less than a text may be
 * (CONVENE_MAX_TEXT_BYTES), and lay out all they hold each time they are
 * shown; no title or name a planner types comes near this. */
#define CONVENE_UI_MAX_EDIT_CHARS 4096

/* Shows stored in editable: whole, or its first CONVENE_UI_MAX_EDIT_CHARS
 * characters and "…" with a tooltip saying so. Remembers what it showed, and
 * changes nothing when editable shows that already. NULL shows "". */
void        convene_ui_editable_show_stored (GtkEditable *editable,
                                             const char  *stored);
/* What to store from editable: NULL while it still shows what
 * convene_ui_editable_show_stored() gave it, so a text shown in part is
 * never cut by a field the planner only passed through; else its text. */
const char *convene_ui_editable_get_edited  (GtkEditable *editable);

/* A button showing icon_name that activates action_name, its tooltip also
 * its accessible label. */
GtkWidget *convene_ui_icon_button (const char *icon_name,
                                   const char *action_name,
                                   const char *tooltip);

/* Makes popover, a menu button's, point at target, or at the nearest of its
 * ancestors (up to its row) under which the popover, centred, fits inside
 * the window: at the end of a row in a narrow window, a popover pointing at
 * its button would hang outside. Call it as the popover is shown. */
void     convene_ui_popover_point_at    (GtkPopover *popover,
                                         GtkWidget  *target);

/* Runs func (widget) once, right after the next frame of widget's window is
 * drawn, or at once when widget is not on screen. Requests made before that
 * frame are one run. For what an edit changes besides what the planner acted
 * on (warnings, counts): the frame showing the edit itself is not held back
 * by them. Pending runs end with widget. */
typedef void (*ConveneUiFrameFunc) (GtkWidget *widget);

void     convene_ui_after_frame         (GtkWidget          *widget,
                                         ConveneUiFrameFunc  func);
/* A dialog's scrolling page: a scrolled window holding a clamp (560 px at
 * most) around a vertical box with the usual margins, spacing children
 * spacing apart. *out_content (borrowed) is that box. */
GtkWidget *convene_ui_new_dialog_page (int         spacing,
                                       GtkWidget **out_content);

/* "Dr Amina Diallo (Moderator), Jon Berg (Panellist, TBC)": who is on
 * segment in which role, anyone not confirmed marked TBC, or (mark_declined)
 * a person who declined marked so. */
char      *convene_ui_describe_people (ConveneDocument *document,
                                       ConveneSegment  *segment,
                                       gboolean         mark_declined);

G_END_DECLS
