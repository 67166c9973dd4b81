/* convene-presenter-window.h: the window for the stage's confidence
 * monitor while a session runs live: a huge countdown of the current
 * segment's time left (counting on past zero), coloured by phase, the
 * segment's title, the next segment, and the operator's messages.
 *
 * It only shows: the operator's view drives the engine and calls
 * show_message(). It follows the engine's "changed" signal at once and its
 * clock once a second while shown. Dark by design, whatever the desktop's
 * style; its texts grow and shrink with the window (a projector's 4K and a
 * small preview read the same). Escape leaves fullscreen.
 *
 * The warning threshold is the project's: with a document set, it is read
 * from the file's view settings and saved there when changed (how the room
 * is run, not an edit of the programme, so not undone). */
#pragma once

#include <adwaita.h>

#include "convene-document.h"
#include "convene-live.h"

G_BEGIN_DECLS

typedef enum {
  CONVENE_PRESENTER_EFFECT_NONE,      /* the message in a band over the countdown */
  CONVENE_PRESENTER_EFFECT_BLINK,     /* the band blinks (steady where animations are off) */
  CONVENE_PRESENTER_EFFECT_BLACKOUT,  /* a black screen, with the message if there is one */
} ConvenePresenterEffect;

typedef enum {
  CONVENE_PRESENTER_PHASE_NORMAL,
  CONVENE_PRESENTER_PHASE_WARNING,    /* at most the warning minutes left */
  CONVENE_PRESENTER_PHASE_OVERTIME,   /* the time is up, and beyond */
} ConvenePresenterPhase;

#define CONVENE_PRESENTER_DEFAULT_WARNING_MINUTES 2
#define CONVENE_PRESENTER_MAX_WARNING_MINUTES     60

#define CONVENE_TYPE_PRESENTER_WINDOW (convene_presenter_window_get_type ())
G_DECLARE_FINAL_TYPE (ConvenePresenterWindow, convene_presenter_window, CONVENE, PRESENTER_WINDOW, AdwApplicationWindow)

/* app may be NULL (a window outside an application, as in tests). */
ConvenePresenterWindow *convene_presenter_window_new            (GtkApplication *app,
                                                                 ConveneLive    *live);
ConveneLive            *convene_presenter_window_get_live       (ConvenePresenterWindow *self);
/* Follows another engine for the same session (the operator's view makes a
 * new one when the running order changes). */
void                    convene_presenter_window_set_live       (ConvenePresenterWindow *self,
                                                                 ConveneLive            *live);
/* The project file the live session belongs to: its warning minutes are
 * read now and saved with every change. NULL keeps them in the window. */
void                    convene_presenter_window_set_document   (ConvenePresenterWindow *self,
                                                                 ConveneDocument        *document);

/* text: what the presenter reads (NULL or "" with BLACKOUT: a black screen
 * alone; with the other effects, the same as clear_message()). A new
 * message replaces the one shown. */
void                    convene_presenter_window_show_message   (ConvenePresenterWindow *self,
                                                                 const char             *text,
                                                                 ConvenePresenterEffect  effect);
void                    convene_presenter_window_clear_message  (ConvenePresenterWindow *self);
/* The message shown (NULL when none) and its effect. */
const char             *convene_presenter_window_get_message    (ConvenePresenterWindow *self);
ConvenePresenterEffect  convene_presenter_window_get_effect     (ConvenePresenterWindow *self);

/* 0 (no warning phase) to CONVENE_PRESENTER_MAX_WARNING_MINUTES; larger
 * values are clamped. */
void                    convene_presenter_window_set_warning_minutes (ConvenePresenterWindow *self,
                                                                      guint                   minutes);
guint                   convene_presenter_window_get_warning_minutes (ConvenePresenterWindow *self);
ConvenePresenterPhase   convene_presenter_window_get_phase      (ConvenePresenterWindow *self);

/* Fullscreen on monitor (NULL: the one the window is on). */
void                    convene_presenter_window_present_on_monitor (ConvenePresenterWindow *self,
                                                                     GdkMonitor             *monitor);

G_END_DECLS
