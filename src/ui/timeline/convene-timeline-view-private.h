/* convene-timeline-view-private.h: what the files of ConveneTimelineView
 * share: the instance struct and the functions one file calls in another.
 * The widget (convene-timeline-view.c), the details editor
 * (convene-timeline-editor.c), the edits and their keys
 * (convene-timeline-actions.c) and drag and drop with the resize gesture and
 * the palette (convene-timeline-dnd.c). */
#pragma once

#include "convene-assignment-list.h"
#include "convene-fit.h"
#include "convene-outcome-links.h"
#include "convene-people-palette.h"
#include "convene-schedule.h"
#include "convene-segment-block.h"
#include "convene-timeline-view.h"

G_BEGIN_DECLS

typedef enum {
  DROP_NONE,
  DROP_BEFORE,
  DROP_AFTER,
  DROP_INTO,
  DROP_END,
} DropZone;

struct _ConveneTimelineView
{
  GtkWidget parent_instance;

  GtkWidget          *main;       /* heading, palette and the list */
  GtkWidget          *side;       /* beside the list when wide, below it when narrow */
  GtkWidget          *side_stack;
  GtkWidget          *side_tabs;  /* toggle buttons, one per page of side_stack */
  GtkWidget          *side_back;  /* back to the list: narrow only */
  GtkWidget          *open_side;  /* to the details and people: narrow only */
  GtkLabel           *where_label; /* the session's day and room */
  GtkLabel           *times_label;
  GtkLabel           *fit_label;
  GtkWidget          *palette;
  GtkWidget          *scroller;
  GtkGridView        *list_view;  /* one column: see convene_timeline_view_init */
  GtkWidget          *empty_label;

  GtkWidget          *details;      /* the side column's "segment" page */
  GtkWidget          *editor;       /* built when a segment is first chosen */
  GtkWidget          *no_selection;
  ConveneAssignmentList *segment_people;   /* the people on the selected segment */
  ConveneOutcomeLinks   *segment_outcomes; /* the checklist items it serves */
  ConvenePeoplePalette  *people;           /* people to drag onto segments */
  AdwEntryRow        *title_row;
  AdwComboRow        *kind_row;
  GtkSpinButton      *duration_spin;
  GtkWidget          *target_row;  /* for a segment with items */
  GtkSwitch          *target_switch;
  GtkSpinButton      *target_spin;
  GtkWidget          *fit_items_row; /* opens Fit Items to Target */
  GtkSwitch          *fixed_switch;
  GtkSpinButton      *min_spin;    /* Fit to Slot's bounds, 0 for none */
  GtkSpinButton      *max_spin;
  GtkSwitch          *lock_switch;
  GtkEntry           *fixed_entry;
  GtkTextView        *notes_view;
  GtkTextView        *cues_view;

  ConveneDocument    *document;
  ConveneProject     *project;
  ConveneSession     *session;
  GSignalGroup       *document_signals;  /* the document's change feed */

  ConveneSchedule    *schedule;   /* the document's, or a resize preview's */
  GtkTreeListModel   *tree;
  /* The tree's rows the list shows: those that can be on screen in a
   * session's first frame, then all of them (see show_first_rows). */
  GtkSliceListModel  *rows;
  guint               rows_tick;
  guint               rows_ticks_seen;
  GtkSingleSelection *selection;
  /* ConveneSegment* (owned) -> whether the tree gave it a row for items:
   * a segment whose answer changes needs the tree made anew. */
  GHashTable         *holds_items;
  GHashTable         *blocks;     /* bound ConveneSegmentBlock widgets (not owned) */
  char               *fit_text;

  ConveneSegmentBlock *drop_block;
  DropZone            drop_zone;
  guint               autoscroll_tick; /* scrolls while a drag is near an edge */
  gint64              autoscroll_time; /* the frame of its last step */
  graphene_point_t    autoscroll_at;   /* the pointer, in the window's coordinates */

  /* Fit to Slot's proposal while its window is open (the ghost): drawn
   * from a schedule of its own, the model untouched until Apply. */
  ConveneFit         *ghost_fit;
  ConveneSession     *ghost_session;
  GHashTable         *ghost_rows;  /* ConveneSegment* -> its ConveneFitRow (the fit's) */

  ConveneSegment     *resizing;   /* the segment whose edge is dragged */
  GtkGesture         *resize_gesture;
  guint               resize_original;
  guint               resize_minutes; /* the length shown while dragging */
  double              resize_start_y; /* where the drag began, in the scroller */

  int                 zoom_level;       /* the planner's: steps closer than the fitted view */
  int                 shown_zoom_level; /* zoom_level as far as this height goes */
  int                 max_zoom_level;   /* the close-up at this height */
  double              px_per_minute;    /* what the blocks are drawn at */
  int                 viewport_height;  /* the list's height the fit was made for */
  double              zoom_scroll;      /* Ctrl and a touchpad: scrolling not yet a step */
  double              fit;              /* the scale at level 0 ... */
  ConveneSchedule    *fit_schedule;     /* ... worked out for this schedule (held, so */
  int                 fit_height;       /* it is never another's address) and height, */
  ConveneSession     *fit_session;      /* of this session (held) */
  gboolean            scale_stale;      /* the height changed: fit again before the next layout */

  gboolean            syncing;    /* the editor is being filled from the model */
  gboolean            wrap_titles; /* the list is narrow: long titles wrap */
  gboolean            narrow;     /* the list and the side column take turns */
  gboolean            narrow_shown; /* what the buttons last showed of narrow */
  gboolean            laid_out;     /* allocated at least once */
  gboolean            side_open;  /* narrow: the side column is the one shown */
  guint               wrap_tick;  /* applies a change of wrap_titles or narrow */
};

/* convene-timeline-view.c */
gboolean             _convene_timeline_view_is_writable          (ConveneTimelineView  *self);
gboolean             _convene_timeline_view_run_command          (ConveneTimelineView  *self,
                                                                  ConveneCommand       *command,
                                                                  GError               *build_error);
void                 _convene_timeline_view_refresh              (ConveneTimelineView  *self);
void                 _convene_timeline_view_show_all_rows        (ConveneTimelineView  *self);
ConveneSegmentBlock *_convene_timeline_view_find_block           (ConveneTimelineView  *self,
                                                                  ConveneSegment       *segment);

void                 _convene_timeline_view_set_side_open        (ConveneTimelineView  *self,
                                                                  gboolean              open);

/* convene-timeline-editor.c */
void                 _convene_timeline_view_sync_editor          (ConveneTimelineView  *self);
void                 _convene_timeline_view_build_side           (ConveneTimelineView  *self);
/* Shows the selected segment's details and puts the keyboard in its title,
 * the text selected so typing replaces it. */
void                 _convene_timeline_view_edit_title           (ConveneTimelineView  *self);

/* convene-timeline-actions.c */
void                 _convene_timeline_view_insert_kind          (ConveneTimelineView  *self,
                                                                  ConveneSegmentKind    kind,
                                                                  ConveneSegment       *parent,
                                                                  guint                 position);
gboolean             _convene_timeline_view_move_segment         (ConveneTimelineView  *self,
                                                                  ConveneSegment       *segment,
                                                                  ConveneSegment       *parent,
                                                                  guint                 position,
                                                                  const char           *what);
gboolean             _convene_timeline_view_locate               (ConveneTimelineView  *self,
                                                                  ConveneSegment       *segment,
                                                                  GListStore          **list,
                                                                  guint                *position,
                                                                  ConveneSegment      **parent);
void                 _convene_timeline_view_set_duration         (ConveneTimelineView  *self,
                                                                  ConveneSegment       *segment,
                                                                  guint                 minutes,
                                                                  const char           *what);
void                 _convene_timeline_view_install_actions      (GtkWidgetClass       *widget_class);
/* Shows fit (proposed for session; NULL: none) as a ghost on the blocks. */
void                 _convene_timeline_view_set_ghost            (ConveneTimelineView  *self,
                                                                  ConveneSession       *session,
                                                                  ConveneFit           *fit);
/* Whether a ghost is shown now: a proposal with changes for this session. */
gboolean             _convene_timeline_view_has_ghost            (ConveneTimelineView  *self);
/* Puts block in its ghost state, or out of it, after it is shown. */
void                 _convene_timeline_view_show_ghost           (ConveneTimelineView  *self,
                                                                  ConveneSegmentBlock  *block);
void                 _convene_timeline_view_add_keys             (ConveneTimelineView  *self);

/* convene-timeline-zoom.c */
/* Works out px_per_minute from the schedule, the list's height and the zoom
 * level, and which zoom actions apply. */
void                 _convene_timeline_view_update_scale         (ConveneTimelineView  *self);
/* Reads the zoom level saved with the document. */
void                 _convene_timeline_view_load_zoom            (ConveneTimelineView  *self);
void                 _convene_timeline_view_install_zoom_actions (GtkWidgetClass       *widget_class);
/* Zoom out, fit and zoom in buttons. */
GtkWidget           *_convene_timeline_view_build_zoom           (ConveneTimelineView  *self);
/* Ctrl and the wheel over the list zoom it. */
void                 _convene_timeline_view_add_zoom_scroll      (ConveneTimelineView  *self);

/* convene-timeline-dnd.c */
void                 _convene_timeline_view_clear_drop_indicator (ConveneTimelineView  *self);
void                 _convene_timeline_view_stop_autoscroll      (ConveneTimelineView  *self);
/* The list takes blocks, kinds from the palette and people dropped on it. */
void                 _convene_timeline_view_add_drop_target      (ConveneTimelineView  *self);
void                 _convene_timeline_view_person_activated     (ConveneTimelineView  *self,
                                                                  ConveneSpeaker       *speaker);
/* A block is dragged by its body and resized by its bottom edge. */
void                 _convene_timeline_view_add_block_drags      (GtkWidget            *block);
void                 _convene_timeline_view_resize_restore       (ConveneTimelineView  *self);
/* Escape while resizing puts the length back. */
void                 _convene_timeline_view_add_escape_key       (ConveneTimelineView  *self);
void                 _convene_timeline_view_build_palette        (ConveneTimelineView  *self);

G_END_DECLS
