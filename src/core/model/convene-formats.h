/* convene-formats.h: session formats, the shape a new session starts from.
 *
 * A format is a list of segments (kind, title, minutes, notes, cues, and
 * Fit to Slot's minimum, maximum and lock) with their items and the rounding
 * step, without people, dates or outcomes. Convene ships a few built
 * in ("Side-event panel", "Workshop"...), described here as data; a planner
 * saves more from a session of theirs, as small JSON files in
 * $XDG_DATA_HOME/convene/formats/. Saved files are read defensively: a file
 * that is too big, malformed or out of bounds is skipped, never trusted. */
#pragma once

#include <gio/gio.h>

#include "convene-project.h"

G_BEGIN_DECLS

/* Bounds on what a saved format may hold (see convene-limits.h for text). */
#define CONVENE_FORMAT_MAX_FILE_BYTES  (1024 * 1024)
#define CONVENE_FORMAT_MAX_FILES       200
#define CONVENE_FORMAT_MAX_TOTAL_BYTES (16 * 1024 * 1024) /* all files read at once */
#define CONVENE_FORMAT_MAX_SEGMENTS    500   /* top-level segments and items together */
/* 2 adds each segment's min_length, max_length and locked, and the
 * format's fit_step; version 1 files still load, without them. */
#define CONVENE_FORMAT_FILE_VERSION    2

#define CONVENE_TYPE_FORMAT (convene_format_get_type ())
G_DECLARE_FINAL_TYPE (ConveneFormat, convene_format, CONVENE, FORMAT, GObject)

/* Properties (read-only): "id" (a built-in's stable name, "blank", or the
 * saved file's base name), "name", "description" (translated for built-ins),
 * "builtin" (gboolean), "total-minutes" (sum of the top-level lengths, see
 * convene_segment_get_length),
 * "path" (the saved file; NULL for built-ins). */
const char     *convene_format_get_id            (ConveneFormat *self);
const char     *convene_format_get_name          (ConveneFormat *self);
const char     *convene_format_get_description   (ConveneFormat *self);
gboolean        convene_format_get_builtin       (ConveneFormat *self);
guint           convene_format_get_total_minutes (ConveneFormat *self);
const char     *convene_format_get_path          (ConveneFormat *self);
/* The rounding step a session made from it starts with (minutes). */
guint           convene_format_get_fit_step      (ConveneFormat *self);
/* The format's segments, a list of ConveneSegment with id 0 and their items:
 * a pattern only, never to be put in a project (use instantiate). */
GListModel     *convene_format_get_segments      (ConveneFormat *self);

/* "Blank" first, then the built-in formats, in a stable order. A new array
 * of ConveneFormat each call. */
GPtrArray      *convene_formats_list_builtin     (void);
/* The built-in (or "blank") format with this id, or NULL. */
ConveneFormat  *convene_formats_find_builtin     (const char *id);

/* The folder saved formats live in: $XDG_DATA_HOME/convene/formats. */
char           *convene_formats_dup_user_dir     (void);
/* Every saved format in dir (NULL: the user's folder), sorted by name.
 * Files that cannot be trusted are skipped with a message; a missing folder
 * is an empty list. */
GPtrArray      *convene_formats_load_saved       (const char *dir);
/* Reads one saved format from data (what a file holds). */
ConveneFormat  *convene_format_new_from_data     (const char *data, gsize length, GError **error);

/* A format holding session's structure (segments, items, kinds, titles,
 * durations, notes, cues, minimums, maximums, locks and the rounding step;
 * no people) under name. */
ConveneFormat  *convene_format_new_from_session  (ConveneSession *session, const char *name,
                                                  GError **error);
/* Writes a new file for self in dir (NULL: the user's folder), atomically,
 * and records its path. */
gboolean        convene_format_save              (ConveneFormat *self, const char *dir,
                                                  GError **error);
/* Removes a saved format's file. Built-ins cannot be deleted. */
gboolean        convene_format_delete            (ConveneFormat *self, GError **error);
/* The JSON text a saved format is written as. */
char           *convene_format_to_data           (ConveneFormat *self, gsize *length);

/* A new session following self: segments and items copied with fresh ids
 * from project, slot as long as the format (at least the blank default). */
ConveneSession *convene_format_instantiate       (ConveneFormat *self, ConveneProject *project,
                                                  const char *title, const char *date,
                                                  int start_time);

G_END_DECLS
