/* convene-runsheet-private.h: the pieces shared by the run-sheet renderer's
 * files: rich text for cells, rows of cells, and the renderer's state.
 *
 * A run sheet is a flow of rows. Each row holds up to RS_MAX_CELLS cells;
 * a cell keeps its text, as plain text and style runs, and its measured
 * size, not its PangoLayout: identical cells share one RsSource, which is
 * laid out when the row is built (to measure it) and again when a page
 * showing it is drawn, unless its layout is still kept (see rs_cell_layout).
 * Rows that repeat at the top of later pages (the compact session header,
 * column titles, the segment an item belongs to) are rows outside the flow,
 * referenced by index. */
#pragma once

#include <pango/pangocairo.h>

#include "convene-runsheet.h"

G_BEGIN_DECLS

#define RS_MAX_CELLS 6

/* Colours, 0xRRGGBB. Chosen to stay distinct when printed in grey. */
#define RS_INK        0x1b1f24
#define RS_MUTED      0x59616b
#define RS_FAINT      0x8b939d
#define RS_RULE       0x2b3138
#define RS_SEP        0xc3c9d1
#define RS_SEP_LIGHT  0xe1e5ea
#define RS_TINT       0xedf1f5
#define RS_RAIL       0x9aa7b6
#define RS_ALERT      0xb42318
#define RS_ALERT_BG   0xfdeceb
#define RS_GOOD       0x1d6b40
#define RS_GOOD_BG    0xe6f3eb
#define RS_TBC        0xb54708
#define RS_CUE        0x1f4f8a

/* Text styles for rs_text_add(). */
enum {
  RS_BOLD     = 1 << 0,
  RS_ITALIC   = 1 << 1,
  RS_CAPS     = 1 << 2,  /* upper case, letter-spaced: labels */
  RS_STRIKE   = 1 << 3,
  RS_SEMIBOLD = 1 << 4,
  RS_TNUM     = 1 << 5,  /* tabular figures, for clock times */
};

/* A stretch of text in one style; a paragraph gap is a run of RS_GAP with
 * the gap as its scale. No padding, so runs compare as bytes. */
typedef struct {
  guint32 start, end;    /* bytes */
  guint32 style;
  guint32 color;
  double  scale;
} RsRun;

#define RS_GAP (1u << 31)

typedef struct {
  GString *text;
  GArray  *runs;         /* RsRun */
  double   base;         /* points: the run sheet's font size */
} RsText;

void rs_text_init  (RsText *t, double base);
void rs_text_clear (RsText *t);
/* Appends text (nothing for NULL or "") with a style, a size relative to the
 * base and a colour. */
void rs_text_add   (RsText *t, const char *text, guint style, double scale, guint32 color);
/* Starts a new paragraph unless the text is empty; gap > 0 puts a blank line
 * gap × base high in between. */
void rs_text_para  (RsText *t, double gap);
gboolean rs_text_is_empty (RsText *t);

typedef enum {
  RS_ROW_SESSION_HEADER,
  RS_ROW_RUNNING_HEADER,
  RS_ROW_TABLE_HEAD,
  RS_ROW_SEGMENT,
  RS_ROW_ITEM,
  RS_ROW_PARENT_AGAIN,
  RS_ROW_SLOT_END,
  RS_ROW_NOTE,
  RS_ROW_HEADING,
  RS_ROW_PLAIN,
  RS_ROW_CHECK,
  RS_ROW_QUESTION,
} RsRowKind;

enum {
  RS_ROW_BREAK_BEFORE   = 1 << 0,  /* starts on a new page */
  RS_ROW_KEEP_WITH_NEXT = 1 << 1,
  RS_ROW_PARENT         = 1 << 2,  /* a segment holding items: tinted */
  RS_ROW_LIGHT_RULE     = 1 << 3,  /* the next row is an item of the same group */
  RS_ROW_ALERT          = 1 << 4,  /* over the slot */
  RS_ROW_DONE           = 1 << 5,  /* a ticked outcome */
  RS_ROW_NO_RULE        = 1 << 6,
};

/* How a cell is laid out, besides its width and alignment. */
enum {
  RS_CELL_SHRINK = 1 << 0,  /* the cell's width becomes its text's */
};
/* Each paragraph at most n lines (1 to 15), the last shortened in the middle
 * if need be: for text restated as a reminder, such as the titles at the top
 * of later pages, which must not grow with the text. */
#define RS_CELL_LINES(n)         ((guint) (n) << 4)
#define RS_CELL_ONE_LINE         RS_CELL_LINES (1)
#define RS_CELL_MAX_LINES(flags) (((flags) >> 4) & 0xf)

/* A cell's text and how it is laid out: shared by identical cells. Owned by
 * the renderer's table of sources from layout() to the next reset. */
typedef struct {
  char          *text;
  guint          len;
  RsRun         *runs;
  guint          n_runs;
  double         width;      /* the layout's width */
  PangoAlignment align;
  guint          flags;
  guint          hash;
  double         height;     /* measured */
  double         natural;    /* the width its text takes */
  guint          last_page;  /* the last page showing it, after pagination */
  PangoLayout   *layout;     /* kept while the budget allows, or NULL */
} RsSource;

typedef struct {
  RsSource *source;      /* borrowed; NULL for an empty cell */
  double    x, y;        /* the layout's top-left inside the row */
  double    width;       /* the layout's width (or its text's, when shrunk) */
  double    height;
} RsCell;

typedef struct {
  RsRowKind kind;
  guint     flags;
  guint     n_cells;
  int       running;     /* row repeated first on later pages, or -1 */
  int       table_head;  /* column titles repeated on later pages, or -1 */
  int       again;       /* the item's segment repeated on later pages, or -1 */
  double    pad;         /* space above and below the text */
  double    height;      /* the whole row, padding included */
  RsCell    cells[RS_MAX_CELLS];
  PangoLayout *continued; /* owned: the label of its later parts, once split */
  char     *outline;     /* owned: a PDF bookmark starting here, or NULL */
  int       outline_level; /* 0 a session, 1 a section of it */
} RsRow;

typedef struct {
  guint  row;
  double y;        /* top on the page */
  double height;   /* height used on the page */
  double from, to; /* the part of the row shown: lines whose top is in [from, to) */
} RsPlacement;

typedef struct {
  guint first;     /* index into placements */
  guint n;
} RsPage;

struct _ConveneRunsheet
{
  GObject parent_instance;

  ConveneProject         *project;
  ConveneRunsheetOptions *options;

  /* Set by layout() */
  PangoContext         *context;
  PangoFontDescription *font;
  double                base;
  gboolean              use_12h;
  gboolean              include_notes;
  double                page_width;
  double                page_height;
  double                margin;
  double                body_width;
  double                body_top;
  double                body_bottom;
  double                hpad;
  double                indent;
  double                col_x[4];
  double                col_w[4];
  GHashTable           *sources;     /* RsSource, owned */
  gsize                 kept_bytes;  /* text of the sources whose layout is kept */
  GArray               *rows;        /* RsRow */
  GArray               *flow;        /* guint row indices in reading order */
  GArray               *placements;  /* RsPlacement */
  GArray               *pages;       /* RsPage */
  PangoLayout          *printed;     /* "Printed …" */
  double                footer_height;
};

void  rs_row_init     (RsRow *row, RsRowKind kind, guint flags, double pad);
/* Puts t (then empties it) in cell index of row, at x, y inside the row, and
 * measures it; an empty cell when t is empty. flags: RS_CELL_*. */
void  rs_row_set_cell (ConveneRunsheet *self, RsRow *row, guint index, RsText *t,
                       double x, double y, double width, PangoAlignment align,
                       guint flags);
/* The layout of a cell that has text (a new reference): the kept one, or
 * laid out again. A layout is kept while the text of all kept layouts stays
 * under a budget, so memory does not grow with the length of the run sheet. */
PangoLayout *rs_cell_layout (ConveneRunsheet *self, const RsCell *cell);
/* Copies row into the renderer and, if in_flow, appends it to the reading
 * order. Returns its index. */
guint rs_row_add      (ConveneRunsheet *self, RsRow *row, gboolean in_flow);
RsRow *rs_row_get     (ConveneRunsheet *self, guint index);

/* Builds every row of the run sheet (convene-runsheet-content.c). */
gboolean rs_build_content (ConveneRunsheet *self, GError **error);

/* Calls func for each bookmark in page order: its level, text and page (0-based). */
typedef void (*RsOutlineFunc) (int level, const char *text, guint page, gpointer user_data);
void rs_foreach_outline (ConveneRunsheet *self, RsOutlineFunc func, gpointer user_data);

G_END_DECLS
