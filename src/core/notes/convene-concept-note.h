/* convene-concept-note.h: reading the concept note a planner was sent.
 *
 * A concept note is prose, a format or programme section with numbered
 * parts and their minutes, people lines ("Name, Title, Organisation",
 * "Moderator: …") and lists under headings such as Objectives or Guiding
 * questions. convene_concept_note_parse() turns its plain text into a
 * proposal: what a new session would hold. Nothing here touches a project;
 * convene_concept_note_build() turns the proposal into one undoable command. */
#pragma once

#include "convene-command.h"
#include "convene-enums.h"
#include "convene-note-error.h"
#include "convene-project.h"

G_BEGIN_DECLS

/* Minutes the note does not state. */
#define CONVENE_NOTE_NO_MINUTES (-1)
/* A clock time the note does not state. */
#define CONVENE_NOTE_NO_TIME    (-1)

typedef struct _ConveneNotePart ConveneNotePart;

struct _ConveneNotePart
{
  char               *title;    /* as written, with its label ("II. Panel"), minutes taken out */
  ConveneSegmentKind  kind;     /* guessed from its words */
  int                 minutes;  /* CONVENE_NOTE_NO_MINUTES when the note gives none */
  gboolean            shared;   /* minutes are an even share of the part's own minutes */
  GPtrArray          *items;    /* ConveneNotePart: its lettered or bulleted sub-items */
};

typedef struct
{
  char *honorific;     /* "Dr", or "" */
  char *name;
  char *job_title;     /* or "" */
  char *organisation;  /* or "" */
} ConveneNotePerson;

/* A person in a role on the session (part < 0), on a part (item < 0) or on
 * one of its items. */
typedef struct
{
  guint       person;   /* index into people */
  ConveneRole role;
  int         part;
  int         item;
} ConveneNoteRole;

typedef struct
{
  ConveneOutcomeKind  kind;
  char               *text;
} ConveneNoteOutcome;

/* What one line of the note became, for the review before import. */
typedef enum {
  CONVENE_NOTE_MARK_PROSE,      /* read as prose: the description, or passed over */
  CONVENE_NOTE_MARK_HEADING,    /* a heading that opened a section */
  CONVENE_NOTE_MARK_DETAIL,     /* the title, date, time, venue or length of the session */
  CONVENE_NOTE_MARK_SEGMENT,    /* a part of the programme (or the rest of its title) */
  CONVENE_NOTE_MARK_ITEM,       /* an item inside a part */
  CONVENE_NOTE_MARK_PERSON,     /* one or more people, with their role */
  CONVENE_NOTE_MARK_CHECKLIST,  /* a checklist item (or the rest of one) */
  CONVENE_NOTE_MARK_REMOVED,    /* what it became was taken out in the review */
} ConveneNoteMark;

typedef struct
{
  char            *text;     /* the line as read, its label included */
  ConveneNoteMark  mark;
  int              part;     /* SEGMENT, ITEM: which part; else -1 */
  int              item;     /* ITEM: which item of the part; else -1 */
  int              outcome;  /* CHECKLIST: which checklist item; else -1 */
  int              person;   /* PERSON: the first person it names; else -1 */
  char            *doubt;    /* why the reading may be wrong, in a sentence; NULL when sure */
} ConveneNoteLine;

typedef struct
{
  char      *title;         /* "" when the note names none */
  char      *date;          /* "YYYY-MM-DD", or "" */
  int        start_time;    /* minutes since midnight, or CONVENE_NOTE_NO_TIME */
  int        slot_minutes;  /* or CONVENE_NOTE_NO_MINUTES */
  char      *venue;         /* or "" */
  char      *description;   /* the prose of the format section, or "" */
  GPtrArray *parts;         /* ConveneNotePart, in order */
  GPtrArray *people;        /* ConveneNotePerson, each once */
  GPtrArray *roles;         /* ConveneNoteRole */
  GPtrArray *outcomes;      /* ConveneNoteOutcome, in order */
  GPtrArray *lines;         /* ConveneNoteLine: each non-blank line of the text, in order */
} ConveneConceptNote;

/* Reads text (UTF-8, length bytes or -1 for NUL-terminated). Returns NULL
 * with a CONVENE_CONCEPT_NOTE_ERROR when the text is not UTF-8, is empty,
 * or holds nothing a session could be made of. */
ConveneConceptNote *convene_concept_note_parse (const char *text,
                                                gssize      length,
                                                GError    **error);
void                convene_concept_note_free  (ConveneConceptNote *note);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneConceptNote, convene_concept_note_free)

/* The minutes a part takes as planned: its own minutes, or the sum of its
 * items' when it gives none; CONVENE_NOTE_NO_MINUTES when neither is known. */
int                 convene_note_part_get_minutes (ConveneNotePart *part);
/* The minutes all parts take, counting only the parts whose length is known. */
guint               convene_concept_note_get_planned_minutes (ConveneConceptNote *note);

/* Reads one length in any common notation: "(10 mins)", "10 min", "10'",
 * "1h30", "1 hour", "12:30–12:40", "a 90-minute session". Returns the
 * minutes, or CONVENE_NOTE_NO_MINUTES when text states none; when
 * out_start/out_end are given they get the byte range of the notation
 * (so a caller can take it out of a title). */
int                 convene_concept_note_read_minutes (const char *text,
                                                       gsize      *out_start,
                                                       gsize      *out_end);

/* Review edits: each takes something out of the proposal, with the roles
 * that point at it, and marks the lines that gave it as removed. item < 0
 * removes the whole part with its items. */
void                convene_concept_note_remove_part    (ConveneConceptNote *note,
                                                         guint               part,
                                                         int                 item);
void                convene_concept_note_remove_person  (ConveneConceptNote *note,
                                                         guint               person);
void                convene_concept_note_remove_outcome (ConveneConceptNote *note,
                                                         guint               outcome);
/* Takes one person's assignment out; the person stays in the draft. */
void                convene_concept_note_remove_role    (ConveneConceptNote *note,
                                                         guint               role);
/* How many lines are doubtful. */
guint               convene_concept_note_count_doubts   (ConveneConceptNote *note);

/* The roster person of project that a note person is: the same name,
 * ignoring case, accents and spacing; NULL when there is none. */
ConveneSpeaker     *convene_concept_note_find_person (ConveneProject    *project,
                                                      ConveneNotePerson *person);
/* The key that matcher compares names by (case, accents and spacing
 * aside), for callers that match many names at once. */
char               *convene_concept_note_dup_name_key (const char *name);

/* A new session made from note at the end of project's sessions, with its
 * segments and items, its checklist, the people it names (new ones added
 * to the roster, people already there reused) and their roles, as one
 * undoable command. fallback_title names the session when the note does not
 * (the file's name). out_session (optional) gets the session (borrowed from
 * the command). Returns NULL with error set when the note's values cannot
 * be used. */
ConveneCommand     *convene_concept_note_build (ConveneConceptNote *note,
                                                ConveneProject     *project,
                                                const char         *fallback_title,
                                                ConveneSession    **out_session,
                                                GError            **error);

G_END_DECLS
