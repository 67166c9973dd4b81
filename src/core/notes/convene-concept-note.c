#define G_LOG_DOMAIN "convene-notes"
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "convene-concept-note.h"
#include "convene-assignment.h"
#include "convene-edits.h"
#include "convene-limits.h"
#include "convene-outcome.h"
#include "convene-session.h"
#include "convene-speaker.h"
#include "convene-validate.h"

/* A concept note longer than this is not a concept note. */
#define MAX_NOTE_BYTES (4 * 1024 * 1024)
/* A title line continues over at most this many lines. */
#define MAX_TITLE_BYTES 1000
/* More of any of these than a session holds is not a concept note. */
#define MAX_NOTE_SEGMENTS 500
#define MAX_NOTE_PEOPLE   500
#define MAX_NOTE_OUTCOMES 500
/* A checklist item continues over lines up to this length. */
#define MAX_ITEM_BYTES 4000
/* No part of a session is longer than a session. */
#define CONVENE_MAX_MINUTES_READ CONVENE_MAX_SLOT_MINUTES

G_DEFINE_QUARK (convene-concept-note-error-quark, convene_concept_note_error)

/* How a line is numbered. A single letter that is also a Roman numeral
 * ("C.", "I.") is told apart by its neighbours. */
typedef enum {
  LABEL_NONE,
  LABEL_ROMAN,
  LABEL_DIGIT,
  LABEL_UPPER,
  LABEL_LOWER,
  LABEL_ROMAN_LOWER,
  LABEL_BULLET,
  LABEL_CLOCK,
} LabelStyle;

typedef struct
{
  char      *text;          /* after the label */
  char      *label;         /* "II.", "a)", "" */
  LabelStyle style;
  LabelStyle alternative;   /* the other reading of an ambiguous letter, or LABEL_NONE */
  int        value;         /* 1 for "I.", "A.", "1."; the start minute for LABEL_CLOCK */
  int        alt_value;
  int        clock_end;     /* LABEL_CLOCK: the end minute, or CONVENE_NOTE_NO_TIME */
  gboolean   blank_before;
  gboolean   heading;       /* marked as one ("# Background", or a PDF's bigger or bold line) */
} Line;

typedef enum {
  MODE_PROSE,
  MODE_PROGRAMME,
  MODE_LIST,
  MODE_PEOPLE,
} Mode;

typedef struct
{
  ConveneConceptNote *note;
  Mode                mode;
  Mode                mode_before_people;
  ConveneOutcomeKind  list_kind;
  ConveneRole         people_role;
  int                 people_part;
  int                 people_item;
  LabelStyle          top_style;
  LabelStyle          item_style;
  ConveneNoteOutcome *outcome;       /* the list item lines continue */
  ConveneNotePart    *titled;        /* the part or item whose title lines continue */
  gboolean            seen_heading;
  GString            *prose;         /* every prose paragraph, for a programme written as prose */
  GString            *format_prose;  /* the prose of the format section: the description */
  GArray             *clock_starts;  /* int per part: its start, for agendas of start times */
  guint               n_items;       /* items of all parts */
  ConveneNoteMark     mark;          /* what the line being read was, when a branch says so */
  gboolean            marked;
} Parser;

/* Freeing */

static void
part_free (gpointer data)
{
  ConveneNotePart *part = data;

  g_free (part->title);
  g_ptr_array_unref (part->items);
  g_free (part);
}

static void
person_free (gpointer data)
{
  ConveneNotePerson *person = data;

  if (person == NULL)
    return;
  g_free (person->honorific);
  g_free (person->name);
  g_free (person->job_title);
  g_free (person->organisation);
  g_free (person);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneNotePerson, person_free)

static void
outcome_free (gpointer data)
{
  ConveneNoteOutcome *outcome = data;

  g_free (outcome->text);
  g_free (outcome);
}

void
convene_concept_note_free (ConveneConceptNote *note)
{
  if (note == NULL)
    return;
  g_free (note->title);
  g_free (note->date);
  g_free (note->venue);
  g_free (note->description);
  g_ptr_array_unref (note->parts);
  g_ptr_array_unref (note->people);
  g_ptr_array_unref (note->roles);
  g_ptr_array_unref (note->outcomes);
  if (note->lines != NULL)
    g_ptr_array_unref (note->lines);
  g_free (note);
}

static void
note_line_free (gpointer data)
{
  ConveneNoteLine *line = data;

  g_free (line->text);
  g_free (line->doubt);
  g_free (line);
}

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_free (line->text);
  g_free (line->label);
}

/* Small text helpers */

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2007;
}

/* A copy of text with its spaces (no-break ones too) made single and trimmed. */
static char *
squeeze (const char *text,
         gssize      length)
{
  GString *out = g_string_new (NULL);
  const char *end = length < 0 ? text + strlen (text) : text + length;
  gboolean space = FALSE;

  for (const char *p = text; p < end && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c) || c == 0xFEFF)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
fold (const char *text)
{
  return g_utf8_casefold (text, -1);
}

/* The key two names are the same person by: case, accents and spacing aside. */
static char *
name_key (const char *name)
{
  g_autofree char *decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFKD);
  g_autofree char *folded = NULL;
  GString *bare = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }
  folded = fold (bare->str);
  g_string_free (bare, TRUE);
  return squeeze (folded, -1);
}

/* Takes trailing and leading punctuation that separated a title from what
 * followed it (" :", " –", "(", ")") off text, in place. */
static void
trim_title (char *text)
{
  static const char *const trailing = " :;,-–—(/";
  gsize len;

  g_strstrip (text);
  len = strlen (text);
  while (len > 0)
    {
      const char *last = g_utf8_find_prev_char (text, text + len);
      gunichar c = g_utf8_get_char (last);
      gboolean strip = FALSE;

      for (const char *t = trailing; *t != '\0'; t = g_utf8_next_char (t))
        if (g_utf8_get_char (t) == c)
          strip = TRUE;
      if (c == ')' && strchr (text, '(') == NULL)
        strip = TRUE;
      if (!strip)
        break;
      len = last - text;
      text[len] = '\0';
    }
  g_strstrip (text);
}

static gboolean
starts_with_word (const char *folded,
                  const char *word)
{
  gsize n = strlen (word);

  return strncmp (folded, word, n) == 0 &&
         (folded[n] == '\0' || !g_unichar_isalnum (g_utf8_get_char (folded + n)));
}

/* Where word occurs in folded as a whole word (or phrase), or -1. */
static gssize
find_word (const char *folded,
           const char *word)
{
  gsize n = strlen (word);

  for (const char *p = strstr (folded, word); p != NULL; p = strstr (p + 1, word))
    {
      const char *after = p + n;
      gboolean start_ok = p == folded ||
                          !g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (folded, p)));

      /* "panels" is a panel; "panellists" is not. */
      if (*after == 's')
        after++;
      if (start_ok && (*after == '\0' || !g_unichar_isalnum (g_utf8_get_char (after))))
        return p - folded;
    }
  return -1;
}

/* Reading lengths and times */

static GRegex *
regex_once (GRegex    **slot,
            const char *pattern)
{
  if (g_once_init_enter (slot))
    {
      GRegex *regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (regex != NULL);
      g_once_init_leave (slot, regex);
    }
  return *slot;
}

#define MERIDIEM "(a\\.?m\\.?|p\\.?m\\.?)?"
#define CLOCK_RANGE_PATTERN \
  "\\b(\\d{1,2})(?:[:.h](\\d{2}))?\\s*" MERIDIEM "\\s*(?:-|–|—|to|à|till|until)\\s*(\\d{1,2})[:.h](\\d{2})\\s*" MERIDIEM

static GRegex *
clock_range_regex (void)
{
  static GRegex *regex;

  return regex_once (&regex, CLOCK_RANGE_PATTERN);
}

static int
clock_value (const char *hours,
             const char *minutes,
             const char *meridiem)
{
  int h = atoi (hours);
  int m = minutes != NULL && *minutes != '\0' ? atoi (minutes) : 0;

  if (meridiem != NULL && *meridiem != '\0')
    {
      gboolean pm = g_ascii_tolower (meridiem[0]) == 'p';

      if (h < 1 || h > 12)
        return CONVENE_NOTE_NO_TIME;
      h = h % 12 + (pm ? 12 : 0);
    }
  if (h > 23 || m > 59)
    return CONVENE_NOTE_NO_TIME;
  return h * 60 + m;
}

/* Reads a clock range at the start of match; returns FALSE when it is not one. */
static gboolean
read_clock_range (GMatchInfo *match,
                  int        *out_start,
                  int        *out_end)
{
  g_autofree char *h1 = g_match_info_fetch (match, 1);
  g_autofree char *m1 = g_match_info_fetch (match, 2);
  g_autofree char *ap1 = g_match_info_fetch (match, 3);
  g_autofree char *h2 = g_match_info_fetch (match, 4);
  g_autofree char *m2 = g_match_info_fetch (match, 5);
  g_autofree char *ap2 = g_match_info_fetch (match, 6);
  int start;
  int end;

  /* "2–3:30 pm": the first time takes the second's half of the day. */
  if ((ap1 == NULL || *ap1 == '\0') && ap2 != NULL && *ap2 != '\0')
    {
      int as_pm = clock_value (h1, m1, ap2);
      int end_pm = clock_value (h2, m2, ap2);

      start = as_pm != CONVENE_NOTE_NO_TIME && as_pm <= end_pm ? as_pm : clock_value (h1, m1, "am");
    }
  else
    start = clock_value (h1, m1, ap1);
  end = clock_value (h2, m2, ap2);
  if (start == CONVENE_NOTE_NO_TIME || end == CONVENE_NOTE_NO_TIME || end <= start)
    return FALSE;
  *out_start = start;
  *out_end = end;
  return TRUE;
}

int
convene_concept_note_read_minutes (const char *text,
                                   gsize      *out_start,
                                   gsize      *out_end)
{
  static GRegex *hours_minutes;
  static GRegex *minutes;
  static GRegex *hours;
  struct { GRegex *regex; int kind; } readers[4];
  int best = CONVENE_NOTE_NO_MINUTES;
  int best_start = -1;
  int best_end = -1;

  g_return_val_if_fail (text != NULL, CONVENE_NOTE_NO_MINUTES);

  readers[0].regex = clock_range_regex ();
  readers[0].kind = 0;
  readers[1].regex = regex_once (&hours_minutes,
                                 "\\b(\\d{1,2})\\s*(?:h|hrs?|hours?)\\s*(?:and\\s*)?(\\d{1,2})\\s*(?:mins?\\b|minutes?\\b|m\\b|['’′])?");
  readers[1].kind = 1;
  readers[2].regex = regex_once (&minutes,
                                 "\\b(\\d{1,3})\\s*-?\\s*(?:mins?\\b\\.?|minutes?\\b|mn\\b|['’′])");
  readers[2].kind = 2;
  readers[3].regex = regex_once (&hours,
                                 "\\b(\\d{1,2}(?:[.,]\\d{1,2})?)\\s*-?\\s*(?:h\\b|hrs?\\b|hours?\\b|heures?\\b)");
  readers[3].kind = 3;

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (readers[i].regex, text, 0, &match);
      while (g_match_info_matches (match))
        {
          int start = 0;
          int end = 0;
          int value = CONVENE_NOTE_NO_MINUTES;

          g_match_info_fetch_pos (match, 0, &start, &end);
          if (best_start >= 0 && start >= best_start)
            break;

          if (readers[i].kind == 0)
            {
              int from;
              int to;

              if (read_clock_range (match, &from, &to))
                value = to - from;
            }
          else
            {
              g_autofree char *a = g_match_info_fetch (match, 1);
              g_autofree char *b = readers[i].kind == 1 ? g_match_info_fetch (match, 2) : NULL;

              if (readers[i].kind == 1)
                value = atoi (a) * 60 + atoi (b);
              else if (readers[i].kind == 2)
                value = atoi (a);
              else
                {
                  g_autofree char *dotted = g_strdelimit (g_strdup (a), ",", '.');

                  value = (int) (g_ascii_strtod (dotted, NULL) * 60.0 + 0.5);
                }
            }

          if (value > 0 && value <= CONVENE_MAX_MINUTES_READ)
            {
              best = value;
              best_start = start;
              best_end = end;
              break;
            }
          g_match_info_next (match, NULL);
        }
    }

  if (best_start >= 0)
    {
      if (out_start != NULL)
        *out_start = best_start;
      if (out_end != NULL)
        *out_end = best_end;
    }
  return best;
}

/* Numbering */

static int
roman_value (const char *text,
             gsize       length)
{
  int total = 0;
  int previous = 0;

  for (gssize i = (gssize) length - 1; i >= 0; i--)
    {
      int v;

      switch (g_ascii_toupper (text[i]))
        {
        case 'I': v = 1; break;
        case 'V': v = 5; break;
        case 'X': v = 10; break;
        case 'L': v = 50; break;
        case 'C': v = 100; break;
        case 'D': v = 500; break;
        case 'M': v = 1000; break;
        default: return 0;
        }
      total += v < previous ? -v : v;
      previous = MAX (previous, v);
    }
  return total > 0 && total < 100 ? total : 0;
}

static gboolean
is_bullet (gunichar c)
{
  switch (c)
    {
    case '-': case '*': case '+': case 0x2022: case 0x00B7: case 0x2013: case 0x2014:
    case 0x25AA: case 0x25CF: case 0x25E6: case 0x2043: case 0x25A0: case 0x27A2: case 0x2219:
    case 0xF0B7: case 0xF0A7: case 0x2192: case 0x25BA:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Reads the numbering at the start of text into line (style, label, value)
 * and returns the rest. "II." "a)" "(3)" "1.2" "•" "12:30–12:40". */
static const char *
read_label (const char *text,
            Line       *line)
{
  g_autoptr(GMatchInfo) match = NULL;
  const char *p = text;
  const char *start;
  gboolean paren = FALSE;
  gsize n = 0;

  line->style = LABEL_NONE;
  line->alternative = LABEL_NONE;
  line->clock_end = CONVENE_NOTE_NO_TIME;

  if (is_bullet (g_utf8_get_char (p)))
    {
      const char *after = g_utf8_next_char (p);

      if (*after == '\0' || *after == ' ')
        {
          line->style = LABEL_BULLET;
          line->label = g_strndup (p, after - p);
          return after;
        }
    }

  /* An agenda line that starts with its clock times. */
  if (g_regex_match (clock_range_regex (), text, G_REGEX_MATCH_ANCHORED, &match))
    {
      int from;
      int to;
      int end_pos = 0;

      g_match_info_fetch_pos (match, 0, NULL, &end_pos);
      if (read_clock_range (match, &from, &to))
        {
          line->style = LABEL_CLOCK;
          line->value = from;
          line->clock_end = to;
          line->label = g_strndup (text, end_pos);
          return text + end_pos;
        }
    }
  g_clear_pointer (&match, g_match_info_free);
  {
    static GRegex *single_clock;
    GRegex *regex = regex_once (&single_clock, "^(\\d{1,2})[:.h](\\d{2})\\s*" MERIDIEM "(?=\\s|$)");

    if (g_regex_match (regex, text, 0, &match))
      {
        g_autofree char *h = g_match_info_fetch (match, 1);
        g_autofree char *m = g_match_info_fetch (match, 2);
        g_autofree char *ap = g_match_info_fetch (match, 3);
        int value = clock_value (h, m, ap);
        int end_pos = 0;

        g_match_info_fetch_pos (match, 0, NULL, &end_pos);
        if (value != CONVENE_NOTE_NO_TIME)
          {
            line->style = LABEL_CLOCK;
            line->value = value;
            line->label = g_strndup (text, end_pos);
            return text + end_pos;
          }
      }
  }

  if (*p == '(')
    {
      paren = TRUE;
      p++;
    }
  start = p;
  while (g_ascii_isalnum (p[n]) && n < 6)
    n++;
  if (n == 0 || (p[n] != '.' && p[n] != ')'))
    return text;
  if (paren && p[n] != ')')
    return text;
  /* "1.5 hours" and "e.g." are not numbering. */
  if (p[n + 1] != '\0' && p[n + 1] != ' ')
    return text;

  if (g_ascii_isdigit (p[0]))
    {
      for (gsize i = 0; i < n; i++)
        if (!g_ascii_isdigit (p[i]))
          return text;
      if (n > 2)
        return text;
      line->style = LABEL_DIGIT;
      line->value = atoi (start);
    }
  else if (n == 1 && g_ascii_isalpha (p[0]))
    {
      gboolean upper = g_ascii_isupper (p[0]);
      int roman = roman_value (p, 1);

      line->style = upper ? LABEL_UPPER : LABEL_LOWER;
      line->value = g_ascii_toupper (p[0]) - 'A' + 1;
      if (roman > 0)
        {
          line->alternative = upper ? LABEL_ROMAN : LABEL_ROMAN_LOWER;
          line->alt_value = roman;
        }
    }
  else
    {
      int roman = roman_value (p, n);
      gboolean upper = TRUE;
      gboolean lower = TRUE;

      for (gsize i = 0; i < n; i++)
        {
          upper = upper && g_ascii_isupper (p[i]);
          lower = lower && g_ascii_islower (p[i]);
        }
      if (roman == 0 || !(upper || lower))
        return text;
      line->style = upper ? LABEL_ROMAN : LABEL_ROMAN_LOWER;
      line->value = roman;
    }
  line->label = g_strndup (text, (p + n + 1) - text);
  return p + n + 1;
}

/* Kinds of segment */

typedef struct
{
  const char         *words;
  ConveneSegmentKind  kind;
} KindWord;

/* Words that name a kind of segment, folded; in English and French. */
static const KindWord kind_words[] = {
  { "opening", CONVENE_SEGMENT_KIND_OPENING },
  { "introductory remarks", CONVENE_SEGMENT_KIND_OPENING },
  { "introductions", CONVENE_SEGMENT_KIND_OPENING },
  { "ouverture", CONVENE_SEGMENT_KIND_OPENING },
  { "welcome", CONVENE_SEGMENT_KIND_WELCOME },
  { "welcoming", CONVENE_SEGMENT_KIND_WELCOME },
  { "accueil", CONVENE_SEGMENT_KIND_WELCOME },
  { "bienvenue", CONVENE_SEGMENT_KIND_WELCOME },
  { "keynote", CONVENE_SEGMENT_KIND_KEYNOTE },
  { "key note", CONVENE_SEGMENT_KIND_KEYNOTE },
  { "panel", CONVENE_SEGMENT_KIND_PANEL },
  { "table ronde", CONVENE_SEGMENT_KIND_PANEL },
  { "round table", CONVENE_SEGMENT_KIND_PANEL },
  { "roundtable", CONVENE_SEGMENT_KIND_PANEL },
  { "q&a", CONVENE_SEGMENT_KIND_QA },
  { "q & a", CONVENE_SEGMENT_KIND_QA },
  { "questions and answers", CONVENE_SEGMENT_KIND_QA },
  { "question and answer", CONVENE_SEGMENT_KIND_QA },
  { "questions from the floor", CONVENE_SEGMENT_KIND_QA },
  { "open floor", CONVENE_SEGMENT_KIND_QA },
  { "floor will", CONVENE_SEGMENT_KIND_QA },
  { "floor is opened", CONVENE_SEGMENT_KIND_QA },
  { "opened for questions", CONVENE_SEGMENT_KIND_QA },
  { "open for questions", CONVENE_SEGMENT_KIND_QA },
  { "questions-réponses", CONVENE_SEGMENT_KIND_QA },
  { "questions et réponses", CONVENE_SEGMENT_KIND_QA },
  { "discussion", CONVENE_SEGMENT_KIND_DISCUSSION },
  { "debate", CONVENE_SEGMENT_KIND_DISCUSSION },
  { "dialogue", CONVENE_SEGMENT_KIND_DISCUSSION },
  { "débat", CONVENE_SEGMENT_KIND_DISCUSSION },
  { "échange", CONVENE_SEGMENT_KIND_DISCUSSION },
  { "break", CONVENE_SEGMENT_KIND_BREAK },
  { "coffee", CONVENE_SEGMENT_KIND_BREAK },
  { "lunch", CONVENE_SEGMENT_KIND_BREAK },
  { "pause", CONVENE_SEGMENT_KIND_BREAK },
  { "déjeuner", CONVENE_SEGMENT_KIND_BREAK },
  { "networking", CONVENE_SEGMENT_KIND_NETWORKING },
  { "reception", CONVENE_SEGMENT_KIND_NETWORKING },
  { "cocktail", CONVENE_SEGMENT_KIND_NETWORKING },
  { "closing", CONVENE_SEGMENT_KIND_CLOSING },
  { "concluding", CONVENE_SEGMENT_KIND_CLOSING },
  { "conclusion", CONVENE_SEGMENT_KIND_CLOSING },
  { "wrap-up", CONVENE_SEGMENT_KIND_CLOSING },
  { "wrap up", CONVENE_SEGMENT_KIND_CLOSING },
  { "clôture", CONVENE_SEGMENT_KIND_CLOSING },
  { "presentation", CONVENE_SEGMENT_KIND_PRESENTATION },
  { "présentation", CONVENE_SEGMENT_KIND_PRESENTATION },
  { "talk", CONVENE_SEGMENT_KIND_PRESENTATION },
  { "address", CONVENE_SEGMENT_KIND_PRESENTATION },
  { "briefing", CONVENE_SEGMENT_KIND_PRESENTATION },
  { "intervention", CONVENE_SEGMENT_KIND_PRESENTATION },
};

/* The kind whose word comes first in text; where found (byte offset of the
 * folded text) in out_at. */
static gboolean
guess_kind (const char         *text,
            ConveneSegmentKind *out_kind,
            gssize             *out_at)
{
  g_autofree char *folded = fold (text);
  gssize best = -1;

  for (guint i = 0; i < G_N_ELEMENTS (kind_words); i++)
    {
      gssize at = find_word (folded, kind_words[i].words);

      if (at >= 0 && (best < 0 || at < best))
        {
          best = at;
          *out_kind = kind_words[i].kind;
        }
    }
  if (out_at != NULL)
    *out_at = best;
  return best >= 0;
}

static ConveneSegmentKind
kind_of (const char *title)
{
  ConveneSegmentKind kind = CONVENE_SEGMENT_KIND_CUSTOM;

  guess_kind (title, &kind, NULL);
  return kind;
}

/* People */

static const char *const honorifics[] = {
  "Dr", "Dr.", "Prof", "Prof.", "Professor", "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Mx",
  "H.E.", "HE", "Hon.", "Sir", "Dame", "Pr", "Pr.", "M.", "Mme", "Mme.", "Dre",
};

static const char *const name_particles[] = {
  "van", "von", "de", "da", "del", "der", "den", "di", "du", "la", "le", "bin", "binti",
  "al", "el", "dos", "das", "do", "y", "ter", "ten", "zu",
};

/* Takes a leading honorific off *text (advancing it); returns it or "". */
static char *
take_honorific (const char **text)
{
  for (guint i = 0; i < G_N_ELEMENTS (honorifics); i++)
    {
      gsize n = strlen (honorifics[i]);

      if (strncmp (*text, honorifics[i], n) == 0 && (*text)[n] == ' ')
        {
          *text += n + 1;
          while (**text == ' ')
            (*text)++;
          return g_strndup (honorifics[i], honorifics[i][n - 1] == '.' && n <= 3 ? n - 1 : n);
        }
    }
  return g_strdup ("");
}

/* Two to five words, each capitalised (or a particle such as "van"), no
 * digits: "Kanokporn Kaojaroen", "Ludwig van Beethoven". */
static gboolean
looks_like_name (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words);
  guint capitalised = 0;

  if (n < 2 || n > 5 || strlen (text) > 80)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gunichar first = g_utf8_get_char (words[i]);
      gboolean particle = FALSE;

      if (*words[i] == '\0')
        return FALSE;
      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!g_unichar_isalpha (c) && c != '-' && c != '\'' && c != 0x2019 && c != '.')
            return FALSE;
        }
      for (guint j = 0; j < G_N_ELEMENTS (name_particles); j++)
        particle = particle || g_str_equal (words[i], name_particles[j]);
      if (g_unichar_isupper (first))
        capitalised++;
      else if (!particle)
        return FALSE;
    }
  return capitalised >= 2;
}

/* An organisation given as an acronym ("WHO", "EURO", "UNHCR"). */
static gboolean
is_acronym (const char *text)
{
  gsize letters = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c) || c == ' ')
        return FALSE;
      if (g_unichar_isupper (c))
        letters++;
    }
  return letters >= 2;
}

static ConveneNotePerson *
person_new (const char *honorific,
            const char *name,
            const char *job_title,
            const char *organisation)
{
  ConveneNotePerson *person = g_new0 (ConveneNotePerson, 1);

  person->honorific = g_strdup (honorific);
  person->name = squeeze (name, -1);
  person->job_title = squeeze (job_title, -1);
  person->organisation = squeeze (organisation, -1);
  trim_title (person->job_title);
  trim_title (person->organisation);
  return person;
}

/* "Name, Title, Organisation", "Name/Org", "Dr Name (Org)", "Name (Title, Org)".
 * NULL when chunk does not start with a name. */
static ConveneNotePerson *
person_from_chunk (const char *chunk,
                   const char *organisation)
{
  g_autofree char *text = squeeze (chunk, -1);
  const char *rest = text;
  g_autofree char *honorific = take_honorific (&rest);
  g_autofree char *name = NULL;
  const char *slash;
  const char *paren;
  const char *comma;

  trim_title ((char *) rest);
  slash = strchr (rest, '/');
  paren = strchr (rest, '(');
  comma = strchr (rest, ',');

  if (slash != NULL && (comma == NULL || slash < comma))
    {
      name = g_strstrip (g_strndup (rest, slash - rest));
      if (!looks_like_name (name))
        return NULL;
      return person_new (honorific, name, "", slash + 1);
    }
  if (paren != NULL && (comma == NULL || paren < comma))
    {
      g_autofree char *inside = NULL;
      const char *close = strchr (paren, ')');
      const char *last_comma;

      name = g_strstrip (g_strndup (rest, paren - rest));
      if (!looks_like_name (name) || close == NULL)
        return NULL;
      inside = g_strndup (paren + 1, close - paren - 1);
      last_comma = strrchr (inside, ',');
      if (last_comma != NULL)
        {
          g_autofree char *job = g_strndup (inside, last_comma - inside);

          return person_new (honorific, name, job, last_comma + 1);
        }
      return person_new (honorific, name, "", inside);
    }
  if (comma == NULL)
    {
      if (!looks_like_name (rest))
        return NULL;
      return person_new (honorific, rest, "", organisation != NULL ? organisation : "");
    }

  {
    g_auto(GStrv) parts = g_strsplit (rest, ",", -1);
    guint n = g_strv_length (parts);
    guint org_from;
    g_autofree char *job = NULL;
    g_autofree char *org = NULL;

    for (guint i = 0; i < n; i++)
      g_strstrip (parts[i]);
    if (!looks_like_name (parts[0]) || n > 7)
      return NULL;
    /* The last part is the organisation; an organisation written out in
     * words followed by its country ("Africa Health Placements, South
     * Africa") keeps the two together, an acronym stands alone. */
    org_from = n - 1;
    if (n >= 4 && !is_acronym (parts[n - 1]))
      org_from = n - 2;
    if (n == 2)
      return person_new (honorific, parts[0], "", parts[1]);
    {
      char *saved = parts[org_from];

      parts[org_from] = NULL;
      job = g_strjoinv (", ", parts + 1);
      parts[org_from] = saved;
    }
    org = g_strjoinv (", ", parts + org_from);
    return person_new (honorific, parts[0], job, org);
  }
}

/* Splits a list of people ("A and B (WHO)", "Dr A/WHO, B/WHO", "A; B")
 * into people; appends them to out. */
static void
people_from_list (const char *text,
                  GPtrArray  *out)
{
  static GRegex *separators;
  GRegex *split = regex_once (&separators, "\\s*(?:;|\\band\\b|&|\\bet\\b)\\s*");
  g_autofree char *squeezed = squeeze (text, -1);
  g_autoptr(ConveneNotePerson) whole = NULL;

  trim_title (squeezed);
  if (*squeezed == '\0')
    return;

  /* One person with a title and an organisation. */
  whole = person_from_chunk (squeezed, NULL);
  if (whole != NULL && strchr (squeezed, '/') == NULL && strstr (squeezed, " and ") == NULL &&
      strchr (squeezed, ';') == NULL && strstr (squeezed, " & ") == NULL)
    {
      g_auto(GStrv) commas = g_strsplit (squeezed, ",", -1);
      gboolean all_names = g_strv_length (commas) > 1;

      for (guint i = 0; commas[i] != NULL && all_names; i++)
        {
          g_autofree char *part = g_strstrip (g_strdup (commas[i]));
          const char *rest = part;
          g_autofree char *honorific = take_honorific (&rest);

          /* "Anna Berg (UNHCR), Carl Diaz (IOM)": names with their organisations. */
          part[strcspn (part, "(/")] = '\0';
          g_strchomp (part);

          all_names = looks_like_name (rest) && !is_acronym (rest);
        }
      if (!all_names)
        {
          g_ptr_array_add (out, g_steal_pointer (&whole));
          return;
        }
    }

  /* Groups that end with "(Org)" give it to every name before it. */
  {
    const char *p = squeezed;

    while (*p != '\0')
      {
        const char *open = strchr (p, '(');
        const char *close = open != NULL ? strchr (open, ')') : NULL;
        g_autofree char *names = NULL;
        g_autofree char *org = NULL;
        g_auto(GStrv) chunks = NULL;

        if (open == NULL || close == NULL)
          {
            names = g_strdup (p);
            p += strlen (p);
          }
        else
          {
            names = g_strndup (p, open - p);
            org = g_strndup (open + 1, close - open - 1);
            p = close + 1;
          }
        chunks = g_regex_split (split, names, 0);
        for (guint i = 0; chunks[i] != NULL; i++)
          {
            g_auto(GStrv) commas = strchr (chunks[i], '/') != NULL || strchr (chunks[i], ',') != NULL
                                   ? g_strsplit (chunks[i], ",", -1) : g_strsplit (chunks[i], "\n", -1);

            for (guint j = 0; commas[j] != NULL; j++)
              {
                ConveneNotePerson *person;

                g_strstrip (commas[j]);
                if (*commas[j] == '\0')
                  continue;
                person = person_from_chunk (commas[j], org);
                if (person != NULL)
                  g_ptr_array_add (out, person);
              }
          }
      }
  }
}

typedef struct
{
  const char  *words;
  ConveneRole  role;
} RoleWord;

/* Line openings that say who takes which role, folded; English and French. */
static const RoleWord role_words[] = {
  { "co-moderators", CONVENE_ROLE_MODERATOR },
  { "co-moderator", CONVENE_ROLE_MODERATOR },
  { "moderators", CONVENE_ROLE_MODERATOR },
  { "moderator", CONVENE_ROLE_MODERATOR },
  { "moderated by", CONVENE_ROLE_MODERATOR },
  { "facilitators", CONVENE_ROLE_MODERATOR },
  { "facilitator", CONVENE_ROLE_MODERATOR },
  { "facilitated by", CONVENE_ROLE_MODERATOR },
  { "modérateurs", CONVENE_ROLE_MODERATOR },
  { "modératrices", CONVENE_ROLE_MODERATOR },
  { "modérateur", CONVENE_ROLE_MODERATOR },
  { "modératrice", CONVENE_ROLE_MODERATOR },
  { "animé par", CONVENE_ROLE_MODERATOR },
  { "co-chairs", CONVENE_ROLE_CHAIR },
  { "co-chair", CONVENE_ROLE_CHAIR },
  { "chairs", CONVENE_ROLE_CHAIR },
  { "chairperson", CONVENE_ROLE_CHAIR },
  { "chair", CONVENE_ROLE_CHAIR },
  { "chaired by", CONVENE_ROLE_CHAIR },
  { "présidé par", CONVENE_ROLE_CHAIR },
  { "présidence", CONVENE_ROLE_CHAIR },
  { "panellists", CONVENE_ROLE_PANELIST },
  { "panelists", CONVENE_ROLE_PANELIST },
  { "panellist", CONVENE_ROLE_PANELIST },
  { "panelist", CONVENE_ROLE_PANELIST },
  { "panélistes", CONVENE_ROLE_PANELIST },
  { "discussants", CONVENE_ROLE_DISCUSSANT },
  { "discussant", CONVENE_ROLE_DISCUSSANT },
  { "keynote speaker", CONVENE_ROLE_PRESENTER },
  { "speakers", CONVENE_ROLE_PRESENTER },
  { "speaker", CONVENE_ROLE_PRESENTER },
  { "presenters", CONVENE_ROLE_PRESENTER },
  { "presenter", CONVENE_ROLE_PRESENTER },
  { "presented by", CONVENE_ROLE_PRESENTER },
  { "intervenants", CONVENE_ROLE_PRESENTER },
  { "intervenant", CONVENE_ROLE_PRESENTER },
  { "orateurs", CONVENE_ROLE_PRESENTER },
};

/* "Moderator: …", "Chaired by …": the role and where the names start. */
static gboolean
read_role_line (const char  *text,
                ConveneRole *out_role,
                const char **out_names)
{
  g_autofree char *folded = fold (text);

  for (guint i = 0; i < G_N_ELEMENTS (role_words); i++)
    {
      gsize n = strlen (role_words[i].words);
      const char *after;
      gboolean by = g_str_has_suffix (role_words[i].words, " by") ||
                    g_str_has_suffix (role_words[i].words, " par");

      if (!starts_with_word (folded, role_words[i].words))
        continue;
      after = folded + n;
      while (*after == ' ')
        after++;
      if (*after != ':' && !by)
        continue;
      if (*after == ':')
        after++;
      *out_role = role_words[i].role;
      *out_names = g_utf8_offset_to_pointer (text, g_utf8_pointer_to_offset (folded, after));
      return TRUE;
    }
  return FALSE;
}

/* Headings, fields, dates */

typedef enum {
  HEADING_NONE,
  HEADING_PROGRAMME,
  HEADING_OUTCOMES,
  HEADING_OTHER,
} HeadingKind;

typedef struct
{
  const char         *words;
  HeadingKind         heading;
  ConveneOutcomeKind  kind;
} HeadingWord;

/* Headings, folded; English and French. */
static const HeadingWord heading_words[] = {
  { "objectives", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_OBJECTIVE },
  { "objective", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_OBJECTIVE },
  { "specific objectives", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_OBJECTIVE },
  { "aims", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_OBJECTIVE },
  { "aim", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_OBJECTIVE },
  { "goals", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_OBJECTIVE },
  { "purpose", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_OBJECTIVE },
  { "objectifs", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_OBJECTIVE },
  { "expected outcomes", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME },
  { "expected outcome", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME },
  { "expected results", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME },
  { "outcomes", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME },
  { "deliverables", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME },
  { "résultats attendus", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME },
  { "guiding questions", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_GUIDING_QUESTION },
  { "key questions", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_GUIDING_QUESTION },
  { "discussion questions", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_GUIDING_QUESTION },
  { "questions for discussion", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_GUIDING_QUESTION },
  { "questions", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_GUIDING_QUESTION },
  { "questions directrices", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_GUIDING_QUESTION },
  { "questions clés", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_GUIDING_QUESTION },
  { "follow-up", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_FOLLOW_UP },
  { "follow up", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_FOLLOW_UP },
  { "next steps", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_FOLLOW_UP },
  { "suivi", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_FOLLOW_UP },
  { "prochaines étapes", HEADING_OUTCOMES, CONVENE_OUTCOME_KIND_FOLLOW_UP },
  { "proposed format", HEADING_PROGRAMME, 0 },
  { "format", HEADING_PROGRAMME, 0 },
  { "programme", HEADING_PROGRAMME, 0 },
  { "program", HEADING_PROGRAMME, 0 },
  { "agenda", HEADING_PROGRAMME, 0 },
  { "draft programme", HEADING_PROGRAMME, 0 },
  { "draft agenda", HEADING_PROGRAMME, 0 },
  { "provisional programme", HEADING_PROGRAMME, 0 },
  { "provisional agenda", HEADING_PROGRAMME, 0 },
  { "tentative programme", HEADING_PROGRAMME, 0 },
  { "tentative agenda", HEADING_PROGRAMME, 0 },
  { "proposed programme", HEADING_PROGRAMME, 0 },
  { "proposed agenda", HEADING_PROGRAMME, 0 },
  { "running order", HEADING_PROGRAMME, 0 },
  { "schedule", HEADING_PROGRAMME, 0 },
  { "ordre du jour", HEADING_PROGRAMME, 0 },
  { "programme provisoire", HEADING_PROGRAMME, 0 },
  { "format proposé", HEADING_PROGRAMME, 0 },
  { "déroulé", HEADING_PROGRAMME, 0 },
  { "introduction", HEADING_OTHER, 0 },
  { "background", HEADING_OTHER, 0 },
  { "context", HEADING_OTHER, 0 },
  { "rationale", HEADING_OTHER, 0 },
  { "contexte", HEADING_OTHER, 0 },
  { "justification", HEADING_OTHER, 0 },
  { "participants", HEADING_OTHER, 0 },
  { "target audience", HEADING_OTHER, 0 },
  { "audience", HEADING_OTHER, 0 },
  { "contact", HEADING_OTHER, 0 },
  { "contacts", HEADING_OTHER, 0 },
  { "logistics", HEADING_OTHER, 0 },
  { "organisers", HEADING_OTHER, 0 },
  { "organizers", HEADING_OTHER, 0 },
  { "co-sponsors", HEADING_OTHER, 0 },
  { "concept note", HEADING_OTHER, 0 },
  { "note conceptuelle", HEADING_OTHER, 0 },
};

/* Whether text is a heading; out_rest gets any text after "Heading:". */
static HeadingKind
read_heading (const char         *text,
              ConveneOutcomeKind *out_kind,
              const char        **out_rest)
{
  g_autofree char *folded = fold (text);
  gsize words = 1;
  gsize length = strlen (folded);
  gboolean colon;

  *out_rest = NULL;
  for (const char *p = folded; *p != '\0'; p++)
    words += *p == ' ';
  colon = length > 0 && folded[length - 1] == ':';

  for (guint i = 0; i < G_N_ELEMENTS (heading_words); i++)
    {
      gsize n = strlen (heading_words[i].words);
      const char *after;

      if (!starts_with_word (folded, heading_words[i].words))
        continue;
      after = folded + n;
      while (*after == ' ')
        after++;
      if (*after == ':' && after[1] != '\0' && heading_words[i].heading == HEADING_OUTCOMES)
        {
          *out_kind = heading_words[i].kind;
          *out_rest = g_utf8_offset_to_pointer (text, g_utf8_pointer_to_offset (folded, after + 1));
          return HEADING_OUTCOMES;
        }
      /* "Objectives of the side event", not a sentence that starts with "Aim". */
      if (*after == '\0' || *after == ':' ||
          (words <= 6 && !g_str_has_suffix (folded, ".") && (colon || *after == '(' ||
                                                          starts_with_word (after, "of") ||
                                                          starts_with_word (after, "for") ||
                                                          starts_with_word (after, "du") ||
                                                          starts_with_word (after, "de"))))
        {
          *out_kind = heading_words[i].kind;
          return heading_words[i].heading;
        }
    }

  /* "The panel will assist in responding to questions such as:" */
  if (colon && words <= 30 && find_word (folded, "question") >= 0)
    {
      *out_kind = CONVENE_OUTCOME_KIND_GUIDING_QUESTION;
      return HEADING_OUTCOMES;
    }
  return HEADING_NONE;
}

static const char *const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december",
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
  "septembre", "octobre", "novembre", "décembre",
};

static int
month_of (const char *word)
{
  g_autofree char *folded = fold (word);

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_str_equal (folded, month_names[i]) ||
        (strlen (folded) >= 3 && i < 12 && g_str_has_prefix (month_names[i], folded)))
      return (int) (i % 12) + 1;
  return 0;
}

/* The first date written in text ("23 May 2027", "May 23, 2027",
 * "2027-05-23", "23/05/2027"), as "YYYY-MM-DD"; NULL when none. */
static char *
read_date (const char *text)
{
  static GRegex *day_month;
  static GRegex *month_day;
  static GRegex *iso;
  static GRegex *numeric;
  g_autoptr(GMatchInfo) match = NULL;
  int day = 0;
  int month = 0;
  int year = 0;

  if (g_regex_match (regex_once (&iso, "\\b(\\d{4})-(\\d{2})-(\\d{2})\\b"), text, 0, &match))
    {
      g_autofree char *y = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *d = g_match_info_fetch (match, 3);

      year = atoi (y), month = atoi (m), day = atoi (d);
    }
  g_clear_pointer (&match, g_match_info_free);
  if (year == 0 &&
      g_regex_match (regex_once (&day_month, "\\b(\\d{1,2})(?:st|nd|rd|th|er)?\\s+(\\w+)\\.?,?\\s+(\\d{4})\\b"),
                     text, 0, &match))
    {
      g_autofree char *d = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *y = g_match_info_fetch (match, 3);

      month = month_of (m), day = atoi (d), year = month > 0 ? atoi (y) : 0;
    }
  g_clear_pointer (&match, g_match_info_free);
  if (year == 0 &&
      g_regex_match (regex_once (&month_day, "\\b(\\w+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b"),
                     text, 0, &match))
    {
      g_autofree char *m = g_match_info_fetch (match, 1);
      g_autofree char *d = g_match_info_fetch (match, 2);
      g_autofree char *y = g_match_info_fetch (match, 3);

      month = month_of (m), day = atoi (d), year = month > 0 ? atoi (y) : 0;
    }
  g_clear_pointer (&match, g_match_info_free);
  /* Day first, as the United Nations and most of the world write it. */
  if (year == 0 &&
      g_regex_match (regex_once (&numeric, "\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})\\b"), text, 0, &match))
    {
      g_autofree char *d = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *y = g_match_info_fetch (match, 3);

      day = atoi (d), month = atoi (m), year = atoi (y);
    }

  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* The first clock time or range in text: start, and the minutes a range spans. */
static gboolean
read_times (const char *text,
            int        *out_start,
            int        *out_minutes)
{
  static GRegex *single;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (clock_range_regex (), text, 0, &match))
    {
      int from;
      int to;

      if (read_clock_range (match, &from, &to))
        {
          *out_start = from;
          *out_minutes = to - from;
          return TRUE;
        }
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (regex_once (&single, "\\b(\\d{1,2})[:.h](\\d{2})\\s*" MERIDIEM), text, 0, &match))
    {
      g_autofree char *h = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *ap = g_match_info_fetch (match, 3);
      int value = clock_value (h, m, ap);

      if (value != CONVENE_NOTE_NO_TIME)
        {
          *out_start = value;
          *out_minutes = CONVENE_NOTE_NO_MINUTES;
          return TRUE;
        }
    }
  return FALSE;
}

/* "a 90-minute session", "this two-hour event", "1h30 side event". */
static int
read_slot (const char *text)
{
  static GRegex *slot;
  g_autoptr(GMatchInfo) match = NULL;
  GRegex *regex = regex_once (&slot,
                              "\\b(\\d{1,3}(?:[.,]5)?)[- ](minutes?|hours?)[- ](?:long\\s+)?(?:\\w+\\s+){0,3}?"
                              "(session|event|meeting|briefing|workshop|dialogue|webinar|panel|discussion|roundtable|round table)\\b");

  if (g_regex_match (regex, text, 0, &match))
    {
      g_autofree char *number = g_strdelimit (g_match_info_fetch (match, 1), ",", '.');
      g_autofree char *unit = g_match_info_fetch (match, 2);
      double value = g_ascii_strtod (number, NULL);
      int minutes = (int) (g_ascii_tolower (unit[0]) == 'h' ? value * 60 + 0.5 : value + 0.5);

      if (minutes > 0 && minutes <= CONVENE_MAX_SLOT_MINUTES)
        return minutes;
    }
  return CONVENE_NOTE_NO_MINUTES;
}

typedef struct
{
  const char *words;
  int         field;
} FieldWord;

enum { FIELD_TITLE, FIELD_DATE, FIELD_TIME, FIELD_VENUE, FIELD_LENGTH };

static const FieldWord field_words[] = {
  { "title", FIELD_TITLE }, { "event", FIELD_TITLE }, { "side event", FIELD_TITLE },
  { "titre", FIELD_TITLE }, { "session", FIELD_TITLE },
  { "date", FIELD_DATE }, { "day", FIELD_DATE }, { "when", FIELD_DATE },
  { "date and time", FIELD_DATE }, { "date & time", FIELD_DATE }, { "date et heure", FIELD_DATE },
  { "time", FIELD_TIME }, { "heure", FIELD_TIME }, { "horaire", FIELD_TIME },
  { "venue", FIELD_VENUE }, { "location", FIELD_VENUE }, { "room", FIELD_VENUE }, { "place", FIELD_VENUE },
  { "where", FIELD_VENUE }, { "lieu", FIELD_VENUE }, { "salle", FIELD_VENUE },
  { "duration", FIELD_LENGTH }, { "length", FIELD_LENGTH }, { "durée", FIELD_LENGTH },
};

/* "Venue: Room XII": the field and its value. */
static gboolean
read_field (const char  *text,
            int         *out_field,
            const char **out_value)
{
  g_autofree char *folded = fold (text);
  gsize best = 0;

  for (guint i = 0; i < G_N_ELEMENTS (field_words); i++)
    {
      gsize n = strlen (field_words[i].words);
      const char *after = folded + n;

      if (n <= best || !starts_with_word (folded, field_words[i].words))
        continue;
      while (*after == ' ')
        after++;
      if (*after != ':')
        continue;
      after++;
      while (*after == ' ')
        after++;
      if (*after == '\0')
        continue;
      best = n;
      *out_field = field_words[i].field;
      *out_value = g_utf8_offset_to_pointer (text, g_utf8_pointer_to_offset (folded, after));
    }
  return best > 0;
}

/* The parser */

static ConveneNotePart *
part_new (const char *label,
          const char *text,
          int         minutes)
{
  ConveneNotePart *part = g_new0 (ConveneNotePart, 1);

  part->title = *label != '\0' && *text != '\0' ? g_strconcat (label, " ", text, NULL)
                                                : g_strdup (*text != '\0' ? text : label);
  part->minutes = minutes;
  part->items = g_ptr_array_new_with_free_func (part_free);
  return part;
}

/* Takes the minutes out of part's title and reads its kind again. */
static void
part_reread (ConveneNotePart *part)
{
  gsize start;
  gsize end;
  int minutes = convene_concept_note_read_minutes (part->title, &start, &end);

  if (minutes != CONVENE_NOTE_NO_MINUTES)
    {
      g_autofree char *title = part->title;
      GString *cleaned = g_string_new_len (title, start);
      const char *rest = title + end;

      trim_title (cleaned->str);
      cleaned->len = strlen (cleaned->str);
      /* What followed the minutes stays: "Panel (60 min) with …". */
      while (*rest == ')' || *rest == ' ' || *rest == ':' || *rest == ',')
        rest++;
      if (*rest != '\0')
        {
          if (cleaned->len > 0)
            g_string_append_c (cleaned, ' ');
          g_string_append (cleaned, rest);
        }
      part->title = g_string_free (cleaned, FALSE);
      if (part->minutes == CONVENE_NOTE_NO_MINUTES)
        part->minutes = minutes;
    }
  part->kind = kind_of (part->title);
}

static ConveneNotePart *
current_part (Parser *self)
{
  GPtrArray *parts = self->note->parts;

  return parts->len > 0 ? g_ptr_array_index (parts, parts->len - 1) : NULL;
}

static int
current_item_index (Parser *self)
{
  ConveneNotePart *part = current_part (self);

  return part != NULL ? (int) part->items->len - 1 : -1;
}

static guint
add_person (Parser            *self,
            ConveneNotePerson *person)
{
  GPtrArray *people = self->note->people;
  g_autofree char *key = name_key (person->name);

  for (guint i = 0; i < people->len; i++)
    {
      ConveneNotePerson *known = g_ptr_array_index (people, i);
      g_autofree char *known_key = name_key (known->name);

      if (g_str_equal (key, known_key))
        {
          /* A second mention may say more. */
          if (*known->honorific == '\0')
            {
              g_free (known->honorific);
              known->honorific = g_strdup (person->honorific);
            }
          if (*known->job_title == '\0')
            {
              g_free (known->job_title);
              known->job_title = g_strdup (person->job_title);
            }
          if (*known->organisation == '\0')
            {
              g_free (known->organisation);
              known->organisation = g_strdup (person->organisation);
            }
          person_free (person);
          return i;
        }
    }
  g_ptr_array_add (people, person);
  return people->len - 1;
}

static void
add_role (Parser      *self,
          guint        person,
          ConveneRole  role,
          int          part,
          int          item)
{
  GPtrArray *roles = self->note->roles;
  ConveneNoteRole *entry;

  for (guint i = 0; i < roles->len; i++)
    {
      ConveneNoteRole *known = g_ptr_array_index (roles, i);

      if (known->person == person && known->part == part && known->item == item)
        return;
    }
  entry = g_new0 (ConveneNoteRole, 1);
  entry->person = person;
  entry->role = role;
  entry->part = part;
  entry->item = item;
  g_ptr_array_add (roles, entry);
}

/* Kinds of part a moderator or chair can lead; on others (closing remarks)
 * such a line speaks of the whole session. */
static gboolean
kind_is_led (ConveneSegmentKind kind)
{
  return kind == CONVENE_SEGMENT_KIND_PANEL || kind == CONVENE_SEGMENT_KIND_DISCUSSION ||
         kind == CONVENE_SEGMENT_KIND_QA || kind == CONVENE_SEGMENT_KIND_CUSTOM;
}

static void
add_people_with_role (Parser      *self,
                      GPtrArray   *people,
                      ConveneRole  role,
                      int          part,
                      int          item)
{
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < people->len; i++)
    {
      guint index = add_person (self, g_ptr_array_index (people, i));

      g_ptr_array_index (people, i) = NULL;
      g_array_append_val (indices, index);
      add_role (self, index, role, part, item);
    }

  /* The session's moderators moderate its discussion too. */
  if (part >= 0 || role != CONVENE_ROLE_MODERATOR)
    return;
  for (guint p = 0; p < self->note->parts->len; p++)
    {
      ConveneNotePart *each = g_ptr_array_index (self->note->parts, p);

      if (each->kind != CONVENE_SEGMENT_KIND_DISCUSSION && each->kind != CONVENE_SEGMENT_KIND_QA)
        continue;
      for (guint i = 0; i < indices->len; i++)
        add_role (self, g_array_index (indices, guint, i), role, (int) p, -1);
    }
}

/* Where a role line belongs: the part (or item) it is written under when
 * that part is one such a person leads or speaks in, else the session. */
static void
role_target (Parser      *self,
             ConveneRole  role,
             int         *out_part,
             int         *out_item)
{
  ConveneNotePart *part = current_part (self);

  *out_part = -1;
  *out_item = -1;
  if (self->mode != MODE_PROGRAMME || part == NULL)
    return;
  if (role == CONVENE_ROLE_MODERATOR || role == CONVENE_ROLE_CHAIR)
    {
      if (!kind_is_led (part->kind) || part->items->len > 0)
        return;
      *out_part = (int) self->note->parts->len - 1;
      return;
    }
  *out_part = (int) self->note->parts->len - 1;
  if (role == CONVENE_ROLE_PRESENTER)
    *out_item = current_item_index (self);
}

static void
handle_role_line (Parser      *self,
                  ConveneRole  role,
                  const char  *names)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (person_free);
  int part;
  int item;

  role_target (self, role, &part, &item);
  people_from_list (names, people);
  if (people->len == 0)
    {
      /* "Panellists:" followed by one person a line. */
      if (self->mode != MODE_PEOPLE)
        self->mode_before_people = self->mode;
      self->mode = MODE_PEOPLE;
      self->people_role = role;
      self->people_part = part;
      self->people_item = item;
      return;
    }
  add_people_with_role (self, people, role, part, item);
}

/* Whether a line that follows a title continues it: it starts in lower
 * case, or the title stopped on a word that needs more. */
static gboolean
continues_title (const char *title,
                 const Line *line)
{
  static const char *const open_ends[] = { " and", " of", " the", " for", " to", " in", " on", " with", " a", "-", ",", "–" };
  gunichar first = g_utf8_get_char (line->text);

  if (line->style != LABEL_NONE || line->blank_before || strlen (title) > MAX_TITLE_BYTES)
    return FALSE;
  if (g_unichar_islower (first))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (open_ends); i++)
    if (g_str_has_suffix (title, open_ends[i]))
      return TRUE;
  return FALSE;
}

static void
append_continuation (char      **text,
                     const char *more)
{
  g_autofree char *old = *text;

  /* A word hyphenated over the line break ("multi-\nsectoral") stays one. */
  if (g_str_has_suffix (old, "-") && g_unichar_islower (g_utf8_get_char (more)))
    *text = g_strconcat (old, more, NULL);
  else
    *text = g_strconcat (old, " ", more, NULL);
}

/* Whether the value reads a number as the next of a list after previous. */
static gboolean
is_next (int previous,
         int value)
{
  return value == previous + 1;
}

static void
start_part (Parser     *self,
            const Line *line,
            LabelStyle  style)
{
  ConveneNotePart *part;
  int minutes = CONVENE_NOTE_NO_MINUTES;
  int clock_start;

  if (line->style == LABEL_CLOCK && line->clock_end != CONVENE_NOTE_NO_TIME)
    minutes = line->clock_end - line->value;
  part = part_new (line->style == LABEL_CLOCK || style == LABEL_BULLET ? "" : line->label, line->text, minutes);
  part_reread (part);
  self->top_style = style;
  self->item_style = LABEL_NONE;
  g_ptr_array_add (self->note->parts, part);
  clock_start = line->style == LABEL_CLOCK ? line->value : CONVENE_NOTE_NO_TIME;
  g_array_append_val (self->clock_starts, clock_start);
  self->titled = part;
  self->mode = MODE_PROGRAMME;
}

static void
start_item (Parser     *self,
            const Line *line,
            LabelStyle  style)
{
  ConveneNotePart *parent = current_part (self);
  ConveneNotePart *item = part_new (style == LABEL_BULLET ? "" : line->label, line->text, CONVENE_NOTE_NO_MINUTES);

  part_reread (item);
  self->n_items++;
  self->item_style = style;
  g_ptr_array_add (parent->items, item);
  self->titled = item;
}

/* Which reading of line's numbering continues the programme, if any:
 * TRUE with *top set for a new part, FALSE when the line is not numbered
 * like the programme at all. */
static gboolean
place_numbered_line (Parser     *self,
                     const Line *line,
                     gboolean   *top,
                     LabelStyle *style)
{
  GPtrArray *parts = self->note->parts;
  ConveneNotePart *part = current_part (self);
  int top_count = (int) parts->len;

  if (parts->len == 0 || self->top_style == LABEL_NONE)
    {
      /* A first "I." is a Roman one, a first "C." a letter. */
      *top = TRUE;
      *style = line->alternative != LABEL_NONE && line->alt_value == 1 ? line->alternative : line->style;
      return TRUE;
    }

  /* The next part at the top level. */
  if (line->style == self->top_style && (self->top_style == LABEL_BULLET || self->top_style == LABEL_CLOCK ||
                                         is_next (top_count, line->value)))
    {
      *top = TRUE;
      *style = line->style;
      return TRUE;
    }
  if (line->alternative == self->top_style && is_next (top_count, line->alt_value) &&
      (self->item_style != line->style || part->items->len == 0 ||
       !is_next ((int) part->items->len, line->value)))
    {
      *top = TRUE;
      *style = line->alternative;
      return TRUE;
    }

  /* Anything else numbered inside a part is one of its items. */
  *top = FALSE;
  *style = line->style;
  if (self->item_style != LABEL_NONE && line->alternative == self->item_style)
    *style = line->alternative;
  return TRUE;
}

static void
handle_prose (Parser     *self,
              const Line *line,
              const char *text)
{
  int slot = read_slot (text);

  if (slot != CONVENE_NOTE_NO_MINUTES && self->note->slot_minutes == CONVENE_NOTE_NO_MINUTES)
    {
      self->note->slot_minutes = slot;
      self->mark = CONVENE_NOTE_MARK_DETAIL;
      self->marked = TRUE;
    }
  if (*self->note->date == '\0')
    {
      g_autofree char *date = read_date (text);

      if (date != NULL)
        {
          int start;
          int minutes;

          g_free (self->note->date);
          self->note->date = g_steal_pointer (&date);
          self->mark = CONVENE_NOTE_MARK_DETAIL;
          self->marked = TRUE;
          if (read_times (text, &start, &minutes) && self->note->start_time == CONVENE_NOTE_NO_TIME)
            {
              self->note->start_time = start;
              if (minutes != CONVENE_NOTE_NO_MINUTES && self->note->slot_minutes == CONVENE_NOTE_NO_MINUTES)
                self->note->slot_minutes = minutes;
            }
        }
    }

  if (self->prose->len > 0)
    g_string_append (self->prose, line->blank_before ? "\n" : " ");
  g_string_append (self->prose, text);
  /* The description keeps what a session's description can hold. */
  if (self->mode == MODE_PROGRAMME && self->format_prose->len + strlen (text) + 2 < CONVENE_MAX_TEXT_BYTES)
    {
      if (self->format_prose->len > 0)
        g_string_append (self->format_prose, line->blank_before ? "\n\n" : " ");
      g_string_append (self->format_prose, text);
    }
}

static void
handle_field (Parser     *self,
              int         field,
              const char *value)
{
  ConveneConceptNote *note = self->note;
  int start;
  int minutes;

  switch (field)
    {
    case FIELD_TITLE:
      g_free (note->title);
      note->title = squeeze (value, -1);
      break;
    case FIELD_DATE:
      {
        g_autofree char *date = read_date (value);

        if (date != NULL)
          {
            g_free (note->date);
            note->date = g_steal_pointer (&date);
          }
      }
      G_GNUC_FALLTHROUGH;
    case FIELD_TIME:
      if (read_times (value, &start, &minutes))
        {
          note->start_time = start;
          if (minutes != CONVENE_NOTE_NO_MINUTES)
            note->slot_minutes = minutes;
        }
      break;
    case FIELD_VENUE:
      g_free (note->venue);
      note->venue = squeeze (value, -1);
      break;
    case FIELD_LENGTH:
      minutes = convene_concept_note_read_minutes (value, NULL, NULL);
      if (minutes != CONVENE_NOTE_NO_MINUTES)
        note->slot_minutes = minutes;
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
add_outcome (Parser     *self,
             const char *text)
{
  ConveneNoteOutcome *outcome = g_new0 (ConveneNoteOutcome, 1);

  outcome->kind = self->list_kind;
  outcome->text = squeeze (text, -1);
  g_ptr_array_add (self->note->outcomes, outcome);
  self->outcome = outcome;
}

static gboolean
is_cover_heading (const char *text)
{
  g_autofree char *folded = fold (text);

  return starts_with_word (folded, "concept note") || starts_with_word (folded, "note conceptuelle");
}

/* A line of prose rather than an agenda entry: long, or with a verb that
 * tells what will happen. */
static gboolean
is_sentence (const char *text)
{
  static const char *const verbs[] = { "will", "is", "are", "shall", "would", "sera", "seront" };
  g_autofree char *folded = fold (text);

  if (g_utf8_strlen (text, -1) > 120)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (find_word (folded, verbs[i]) >= 0)
      return TRUE;
  return FALSE;
}

static gboolean handle_line (Parser *self, const Line *line);

static gboolean
handle_people_line (Parser     *self,
                    const Line *line)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (person_free);

  if (line->style == LABEL_NONE || line->style == LABEL_BULLET)
    people_from_list (line->text, people);
  if (people->len == 0 || (line->blank_before && line->style == LABEL_NONE && people->len == 0))
    {
      self->mode = self->mode_before_people;
      return FALSE;
    }
  add_people_with_role (self, people, self->people_role, self->people_part, self->people_item);
  return TRUE;
}

static gboolean
handle_line (Parser     *self,
             const Line *line)
{
  ConveneOutcomeKind kind = CONVENE_OUTCOME_KIND_OBJECTIVE;
  const char *rest = NULL;
  const char *value = NULL;
  HeadingKind heading;
  ConveneRole role;
  int field;

  if (line->style == LABEL_NONE && read_field (line->text, &field, &value))
    {
      handle_field (self, field, value);
      self->mark = CONVENE_NOTE_MARK_DETAIL;
      self->marked = TRUE;
      return TRUE;
    }

  heading = read_heading (line->text, &kind, &rest);
  /* A line set as a heading that names no section Convene knows: the
   * document's title when nothing came before, else a section to pass over.
   * Numbered lines, lines with minutes and role lines keep their meaning. */
  if (heading == HEADING_NONE && line->heading && line->style == LABEL_NONE &&
      convene_concept_note_read_minutes (line->text, NULL, NULL) == CONVENE_NOTE_NO_MINUTES &&
      !read_role_line (line->text, &role, &value))
    {
      if (!self->seen_heading && *self->note->title == '\0' && self->note->parts->len == 0)
        {
          g_free (self->note->title);
          self->note->title = g_strdup (line->text);
          trim_title (self->note->title);
          self->mark = CONVENE_NOTE_MARK_DETAIL;
          self->marked = TRUE;
          return TRUE;
        }
      heading = HEADING_OTHER;
    }
  if (heading != HEADING_NONE)
    {
      self->mark = CONVENE_NOTE_MARK_HEADING;
      self->marked = TRUE;
      /* "CONCEPT NOTE" above the title does not end the search for it. */
      self->seen_heading = self->seen_heading || heading != HEADING_OTHER || !is_cover_heading (line->text);
      self->titled = NULL;
      self->outcome = NULL;
      switch (heading)
        {
        case HEADING_PROGRAMME:
          self->mode = MODE_PROGRAMME;
          self->top_style = self->note->parts->len > 0 ? self->top_style : LABEL_NONE;
          break;
        case HEADING_OUTCOMES:
          self->mode = MODE_LIST;
          self->list_kind = kind;
          if (rest != NULL)
            {
              add_outcome (self, rest);
              self->mode = MODE_PROSE;
            }
          break;
        case HEADING_OTHER:
        case HEADING_NONE:
        default:
          self->mode = MODE_PROSE;
          break;
        }
      return TRUE;
    }

  if ((line->style == LABEL_NONE || line->style == LABEL_BULLET) && read_role_line (line->text, &role, &value))
    {
      handle_role_line (self, role, value);
      /* "Panellists:" alone opens the list of people below it. */
      self->mark = CONVENE_NOTE_MARK_HEADING;
      self->marked = TRUE;
      return TRUE;
    }

  if (self->mode == MODE_PEOPLE && !handle_people_line (self, line))
    return handle_line (self, line);
  if (self->mode == MODE_PEOPLE)
    return TRUE;

  if (self->mode == MODE_LIST)
    {
      if (line->style != LABEL_NONE && line->style != LABEL_CLOCK)
        {
          add_outcome (self, line->text);
          return TRUE;
        }
      if (self->outcome != NULL && !line->blank_before &&
          strlen (self->outcome->text) + strlen (line->text) < MAX_ITEM_BYTES)
        {
          append_continuation (&self->outcome->text, line->text);
          return TRUE;
        }
      if (self->outcome == NULL && !line->blank_before)
        {
          /* A list written as one item a line, without numbers. */
          add_outcome (self, line->text);
          return TRUE;
        }
      self->outcome = NULL;
      self->mode = self->note->parts->len > 0 && self->titled != NULL ? MODE_PROGRAMME : MODE_PROSE;
    }

  if (line->style != LABEL_NONE)
    {
      gboolean top = FALSE;
      LabelStyle style = LABEL_NONE;
      gboolean programme_like = line->style == LABEL_CLOCK ||
                                convene_concept_note_read_minutes (line->text, NULL, NULL) != CONVENE_NOTE_NO_MINUTES ||
                                kind_of (line->text) != CONVENE_SEGMENT_KIND_CUSTOM;

      /* Outside a programme, a numbered line starts one only when it looks like a part. */
      if (self->mode != MODE_PROGRAMME && !programme_like)
        {
          handle_prose (self, line, line->text);
          return TRUE;
        }
      if (self->mode != MODE_PROGRAMME)
        {
          self->mode = MODE_PROGRAMME;
          self->top_style = self->note->parts->len > 0 ? self->top_style : LABEL_NONE;
        }
      place_numbered_line (self, line, &top, &style);
      if (top || current_part (self) == NULL)
        start_part (self, line, style);
      else
        start_item (self, line, style);
      return TRUE;
    }

  if (self->mode == MODE_PROGRAMME)
    {
      g_autoptr(ConveneNotePerson) person = NULL;
      ConveneNotePart *part;

      if (self->titled != NULL && continues_title (self->titled->title, line))
        {
          append_continuation (&self->titled->title, line->text);
          part_reread (self->titled);
          return TRUE;
        }
      part = current_part (self);
      person = part != NULL ? person_from_chunk (line->text, NULL) : NULL;
      if (part != NULL && person != NULL && (strchr (line->text, ',') != NULL || strchr (line->text, '(') != NULL ||
                             strchr (line->text, '/') != NULL))
        {
          int item = current_item_index (self);
          ConveneRole person_role = item >= 0 ? CONVENE_ROLE_PRESENTER
                                              : convene_role_suggest (part->kind, FALSE);
          guint index = add_person (self, g_steal_pointer (&person));

          add_role (self, index, person_role, (int) self->note->parts->len - 1, item);
          self->titled = NULL;
          return TRUE;
        }
      /* An unnumbered agenda line with its minutes is a part. */
      if (convene_concept_note_read_minutes (line->text, NULL, NULL) != CONVENE_NOTE_NO_MINUTES &&
          !is_sentence (line->text) && (self->top_style == LABEL_NONE || self->top_style == LABEL_BULLET) &&
          (self->note->parts->len > 0 || kind_of (line->text) != CONVENE_SEGMENT_KIND_CUSTOM))
        {
          Line bare = *line;

          bare.style = LABEL_BULLET;
          bare.label = (char *) "";
          start_part (self, &bare, LABEL_BULLET);
          return TRUE;
        }
      self->titled = NULL;
    }

  /* The document's title: a short line before any heading. */
  if (!self->seen_heading && *self->note->title == '\0' && self->note->parts->len == 0 &&
      g_utf8_strlen (line->text, -1) <= 150 && !g_str_has_suffix (line->text, "."))
    {
      g_free (self->note->title);
      self->note->title = g_strdup (line->text);
      trim_title (self->note->title);
      self->mark = CONVENE_NOTE_MARK_DETAIL;
      self->marked = TRUE;
      return TRUE;
    }

  handle_prose (self, line, line->text);
  return TRUE;
}

/* A programme written as prose */

/* Words that order the parts of a programme in a sentence, folded. */
static const char *const sequence_markers[] = {
  "will start with", "will begin with", "will open with", "starts with", "begins with", "opens with",
  "start with", "begin with", "open with", "followed by", "after which", "and then", "then",
  "will conclude with", "will close with", "will end with", "concludes with", "closes with",
  "ends with", "conclude with", "close with", "end with",
  "commencera par", "débutera par", "suivi de", "suivie de", "suivis de", "puis",
  "se terminera par", "se conclura par", "s'achèvera par",
};

/* The clause that follows the last marker in clause (all of it when none). */
static const char *
after_marker (const char *clause,
              const char *folded,
              gboolean   *found)
{
  const char *best = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sequence_markers); i++)
    {
      gssize at = find_word (folded, sequence_markers[i]);

      if (at >= 0)
        {
          const char *end = folded + at + strlen (sequence_markers[i]);

          if (best == NULL || end > best)
            best = end;
        }
    }
  *found = best != NULL;
  if (best == NULL)
    return clause;
  return g_utf8_offset_to_pointer (clause, g_utf8_pointer_to_offset (folded, best));
}

static void
prose_part (Parser     *self,
            const char *clause)
{
  g_autofree char *folded = fold (clause);
  gboolean marked = FALSE;
  const char *rest = after_marker (clause, folded, &marked);
  g_autofree char *title = squeeze (rest, -1);
  g_autofree char *folded_title = fold (title);
  ConveneSegmentKind kind = CONVENE_SEGMENT_KIND_CUSTOM;
  ConveneNotePart *part;

  /* What follows "conclude with" names the part better than "the briefing". */
  if (!guess_kind (rest, &kind, NULL) && !guess_kind (clause, &kind, NULL))
    return;

  trim_title (title);
  /* "a presentation on …" names a part; "the floor will then be opened"
   * says what happens, and the part takes its kind's name. */
  if (find_word (folded_title, "will") >= 0 || find_word (folded_title, "be") >= 0 || *title == '\0')
    {
      g_free (title);
      title = g_strdup (convene_segment_kind_get_label (kind));
    }
  else
    {
      static const char *const articles[] = { "a ", "an ", "the ", "un ", "une ", "le ", "la ", "les ", "des " };
      const char *start = title;
      g_autofree char *first = NULL;
      char *capitalised;

      for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
        if (g_str_has_prefix (folded_title, articles[i]))
          start = title + strlen (articles[i]);
      first = g_utf8_strup (start, g_utf8_next_char (start) - start);
      capitalised = g_strconcat (first, g_utf8_next_char (start), NULL);
      g_free (title);
      title = capitalised;
      if (title[strlen (title) - 1] == '.')
        title[strlen (title) - 1] = '\0';
    }

  part = part_new ("", title, CONVENE_NOTE_NO_MINUTES);
  part_reread (part);
  part->kind = kind;
  g_ptr_array_add (self->note->parts, part);
  {
    int no_time = CONVENE_NOTE_NO_TIME;

    g_array_append_val (self->clock_starts, no_time);
  }
}

/* "The briefing will start with a presentation on …, followed by a
 * moderated panel discussion …; the floor will then be opened for
 * questions; the briefing will conclude with closing remarks." */
static void
read_prose_programme (Parser *self)
{
  static GRegex *sentences;
  static GRegex *clauses;
  g_auto(GStrv) each = g_regex_split (regex_once (&sentences, "(?<=[.!?])\\s+(?=[[:upper:]])|\\n"),
                                      self->prose->str, 0);

  for (guint i = 0; each[i] != NULL; i++)
    {
      g_autofree char *folded = fold (each[i]);
      g_auto(GStrv) parts = NULL;
      guint markers = 0;

      for (guint m = 0; m < G_N_ELEMENTS (sequence_markers); m++)
        markers += find_word (folded, sequence_markers[m]) >= 0;
      if (markers < 2)
        continue;

      parts = g_regex_split (regex_once (&clauses,
                                         "\\s*;\\s*|,?\\s+(?=followed by|after which|and then|suivie? de|suivis de|puis)"),
                             each[i], 0);
      for (guint c = 0; parts[c] != NULL; c++)
        prose_part (self, parts[c]);
      if (self->note->parts->len > 0)
        {
          g_autofree char *start = g_strndup (each[i], 24);

          /* The line the sentence starts on gave the segments. */
          for (guint l = 0; l < self->note->lines->len; l++)
            {
              ConveneNoteLine *line = g_ptr_array_index (self->note->lines, l);

              if (line->mark == CONVENE_NOTE_MARK_PROSE && strstr (line->text, start) != NULL)
                {
                  line->mark = CONVENE_NOTE_MARK_SEGMENT;
                  line->part = 0;
                  break;
                }
            }
          g_free (self->note->description);
          self->note->description = squeeze (each[i], -1);
          return;
        }
    }
}

/* Objectives and expected outcomes written as prose */

/* What a sentence says the event is for, or expects to come of it, and the
 * words it starts the list with. English and French. */
static const struct { const char *pattern; ConveneOutcomeKind kind; } purpose_patterns[] = {
  { "\\b(?:main\\s+|key\\s+|specific\\s+)?(?:objectives?|aims?|goals?|purpose)\\s+(?:of\\s+[^.;:]{1,80}?\\s+)?"
    "(?:are|is|will\\s+be)\\s+(?:to\\s+|as\\s+follows\\s*:?\\s*)(.+)", CONVENE_OUTCOME_KIND_OBJECTIVE },
  { "\\b(?:aims?|seeks?|intends?|is\\s+intended|is\\s+designed|will\\s+aim|will\\s+seek)\\s+(?:to|at)\\s+(.+)",
    CONVENE_OUTCOME_KIND_OBJECTIVE },
  { "\\b(?:vise|visent|cherche|cherchent)\\s+à\\s+(.+)", CONVENE_OUTCOME_KIND_OBJECTIVE },
  { "\\ba\\s+pour\\s+(?:objectifs?|but)\\s+de\\s+(.+)", CONVENE_OUTCOME_KIND_OBJECTIVE },
  { "\\bobjectifs?\\s+(?:de\\s+[^.;:]{1,80}?\\s+)?(?:sont|est)\\s+(?:de\\s+|d['’]\\s*)(.+)",
    CONVENE_OUTCOME_KIND_OBJECTIVE },
  { "\\bexpected\\s+(?:outcomes?|results?)\\s+(?:of\\s+[^.;:]{1,80}?\\s+)?(?:include|includes|are|is|will\\s+be)"
    "\\s*:?\\s+(.+)", CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME },
  { "\\bis\\s+expected\\s+to\\s+(?:result\\s+in|produce|lead\\s+to|yield|deliver)\\s+(.+)",
    CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME },
  { "\\brésultats\\s+attendus\\s+(?:sont|incluent|comprennent)\\s*:?\\s+(.+)",
    CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME },
};

/* Verbs an objective starts with: "provide X, facilitate Y and share Z" is
 * three objectives, "examples, instruments and activities" is one. */
#define OBJECTIVE_VERBS \
  "provide|facilitate|raise|agree|share|discuss|identify|explore|promote|strengthen|foster|review|present|" \
  "highlight|showcase|build|develop|exchange|examine|launch|mobili[sz]e|enhance|increase|improve|support|" \
  "encourage|engage|inform|create|establish|adopt|endorse|take|reflect|bring|compare|learn|consider|assess|" \
  "advocate|outline|map|offer|generate|catalys?[sz]e|showcase|discuss|celebrate|recognise|recognize|ensure|" \
  "renforcer|promouvoir|partager|identifier|examiner|favoriser|sensibiliser|présenter|discuter|échanger"

/* The objectives of one list: "to raise X and to agree on Y; to share Z". */
static void
add_purpose_items (ConveneConceptNote *note,
                   ConveneOutcomeKind  kind,
                   const char         *list,
                   guint              *at)
{
  static GRegex *always;
  static GRegex *verbs;
  g_autofree char *text = squeeze (list, -1);
  g_auto(GStrv) pieces = NULL;

  /* The sentence's end is no part of its last item. */
  while (*text != '\0' && strchr (".!", text[strlen (text) - 1]) != NULL)
    text[strlen (text) - 1] = '\0';
  pieces = g_regex_split (regex_once (&always, "\\s*;\\s*|,?\\s+and\\s+to\\s+|,?\\s+et\\s+(?:à|de)\\s+"), text, 0);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_auto(GStrv) items = kind == CONVENE_OUTCOME_KIND_OBJECTIVE
                            ? g_regex_split (regex_once (&verbs, ",\\s+(?:and\\s+|et\\s+)?(?=(?:" OBJECTIVE_VERBS ")\\b)|"
                                                                 "\\s+(?:and|et)\\s+(?=(?:" OBJECTIVE_VERBS ")\\b)"),
                                             pieces[i], 0)
                            : g_strdupv ((char *[]) { pieces[i], NULL });

      for (guint j = 0; items[j] != NULL && note->outcomes->len < MAX_NOTE_OUTCOMES; j++)
        {
          char *item = g_strstrip (items[j]);
          ConveneNoteOutcome *outcome;
          g_autofree char *first = NULL;
          gsize length;

          if (g_ascii_strncasecmp (item, "to ", 3) == 0)
            item += 3;
          length = strlen (item);
          if (g_utf8_strlen (item, -1) < 3 || length >= MAX_ITEM_BYTES)
            continue;
          first = g_utf8_strup (item, g_utf8_next_char (item) - item);
          outcome = g_new0 (ConveneNoteOutcome, 1);
          outcome->kind = kind;
          outcome->text = g_strconcat (first, g_utf8_next_char (item),
                                       strchr (".?!", item[length - 1]) != NULL ? "" : ".", NULL);
          g_ptr_array_insert (note->outcomes, (gint) (*at)++, outcome);
        }
    }
}

static gboolean
has_outcome_of (ConveneConceptNote *note,
                ConveneOutcomeKind  kind)
{
  for (guint i = 0; i < note->outcomes->len; i++)
    if (((ConveneNoteOutcome *) g_ptr_array_index (note->outcomes, i))->kind == kind)
      return TRUE;
  return FALSE;
}

/* "The objectives of the event are to raise awareness of X and to agree
 * on Y." "This side event aims to …" "Expected outcomes include …": the
 * checklist a note without an Objectives heading still gives. They come
 * first, as the prose that states them comes before the lists. */
static void
read_prose_purposes (Parser *self)
{
  static GRegex *sentences;
  static GRegex *compiled[G_N_ELEMENTS (purpose_patterns)];
  g_auto(GStrv) each = g_regex_split (regex_once (&sentences, "(?<=[.!?])\\s+(?=[[:upper:]])|\\n"),
                                      self->prose->str, 0);
  gboolean had[CONVENE_N_OUTCOME_KINDS] = { FALSE };
  guint at = 0;

  for (guint k = 0; k < G_N_ELEMENTS (had); k++)
    had[k] = has_outcome_of (self->note, (ConveneOutcomeKind) k);

  for (guint i = 0; each[i] != NULL; i++)
    for (guint p = 0; p < G_N_ELEMENTS (purpose_patterns); p++)
      {
        g_autoptr(GMatchInfo) match = NULL;

        if (had[purpose_patterns[p].kind] ||
            !g_regex_match (regex_once (&compiled[p], purpose_patterns[p].pattern), each[i], 0, &match))
          continue;
        {
          g_autofree char *list = g_match_info_fetch (match, 1);
          g_autofree char *start = NULL;
          guint first = at;
          int from = 0;

          add_purpose_items (self->note, purpose_patterns[p].kind, list, &at);
          /* The lines after it point further down the checklist now; the
           * line that says it becomes the first of them. */
          g_match_info_fetch_pos (match, 0, &from, NULL);
          start = g_strndup (each[i] + from, 24);
          for (guint l = 0; l < self->note->lines->len; l++)
            {
              ConveneNoteLine *line = g_ptr_array_index (self->note->lines, l);

              if (line->outcome >= (int) first)
                line->outcome += (int) (at - first);
              else if (line->mark == CONVENE_NOTE_MARK_PROSE && at > first && strstr (line->text, start) != NULL)
                {
                  line->mark = CONVENE_NOTE_MARK_CHECKLIST;
                  line->outcome = (int) first;
                }
            }
        }
        break;
      }
}

/* The review: what each line became */

typedef struct
{
  guint               parts;
  guint               items;
  guint               people;
  guint               roles;
  guint               outcomes;
  ConveneNoteOutcome *outcome;
  gsize               outcome_length;
  ConveneNotePart    *titled;
  gsize               titled_length;
  Mode                mode;
} Snapshot;

static void
take_snapshot (Parser   *self,
               Snapshot *snapshot)
{
  snapshot->parts = self->note->parts->len;
  snapshot->items = self->n_items;
  snapshot->people = self->note->people->len;
  snapshot->roles = self->note->roles->len;
  snapshot->outcomes = self->note->outcomes->len;
  snapshot->outcome = self->outcome;
  snapshot->outcome_length = self->outcome != NULL ? strlen (self->outcome->text) : 0;
  snapshot->titled = self->titled;
  snapshot->titled_length = self->titled != NULL ? strlen (self->titled->title) : 0;
  snapshot->mode = self->mode;
  self->marked = FALSE;
}

/* Where part (a part or an item) is: *out_part, and *out_item or -1. */
static gboolean
locate_part (ConveneConceptNote *note,
             ConveneNotePart    *wanted,
             int                *out_part,
             int                *out_item)
{
  for (guint i = 0; i < note->parts->len; i++)
    {
      ConveneNotePart *part = g_ptr_array_index (note->parts, i);

      *out_part = (int) i;
      *out_item = -1;
      if (part == wanted)
        return TRUE;
      for (guint j = 0; j < part->items->len; j++)
        if (g_ptr_array_index (part->items, j) == wanted)
          {
            *out_item = (int) j;
            return TRUE;
          }
    }
  return FALSE;
}

static void
record_line (Parser         *self,
             const Line     *line,
             const Snapshot *before)
{
  ConveneConceptNote *note = self->note;
  ConveneNoteLine *record = g_new0 (ConveneNoteLine, 1);

  record->text = *line->label != '\0' ? g_strconcat (line->label, " ", line->text, NULL) : g_strdup (line->text);
  record->mark = CONVENE_NOTE_MARK_PROSE;
  record->part = record->item = record->outcome = record->person = -1;

  if (note->parts->len > before->parts)
    {
      record->mark = CONVENE_NOTE_MARK_SEGMENT;
      record->part = (int) note->parts->len - 1;
    }
  else if (self->n_items > before->items)
    {
      record->mark = CONVENE_NOTE_MARK_ITEM;
      record->part = (int) note->parts->len - 1;
      record->item = current_item_index (self);
    }
  else if (note->roles->len > before->roles || note->people->len > before->people)
    {
      record->mark = CONVENE_NOTE_MARK_PERSON;
      record->person = note->roles->len > before->roles
                       ? (int) ((ConveneNoteRole *) g_ptr_array_index (note->roles, before->roles))->person
                       : (int) before->people;
      for (guint i = before->roles; i < note->roles->len && record->doubt == NULL; i++)
        {
          ConveneNotePerson *person = g_ptr_array_index (note->people,
                                                         ((ConveneNoteRole *) g_ptr_array_index (note->roles, i))->person);

          if (*person->organisation == '\0')
            /* Translators: a doubt about a line of the concept note. */
            record->doubt = g_strdup_printf (_("No organisation found for %s."), person->name);
        }
    }
  else if (note->outcomes->len > before->outcomes)
    {
      record->mark = CONVENE_NOTE_MARK_CHECKLIST;
      record->outcome = (int) note->outcomes->len - 1;
    }
  else if (self->marked)
    record->mark = self->mark;
  else if (before->outcome != NULL && self->outcome == before->outcome &&
           strlen (before->outcome->text) != before->outcome_length)
    {
      record->mark = CONVENE_NOTE_MARK_CHECKLIST;
      for (guint i = 0; i < note->outcomes->len; i++)
        if (g_ptr_array_index (note->outcomes, i) == self->outcome)
          record->outcome = (int) i;
    }
  else if (before->titled != NULL && strlen (before->titled->title) != before->titled_length &&
           locate_part (note, before->titled, &record->part, &record->item))
    record->mark = record->item >= 0 ? CONVENE_NOTE_MARK_ITEM : CONVENE_NOTE_MARK_SEGMENT;
  else if (before->mode == MODE_PROGRAMME && kind_of (line->text) != CONVENE_SEGMENT_KIND_CUSTOM &&
           !is_sentence (line->text) && g_utf8_strlen (line->text, -1) <= 80 &&
           !g_str_has_suffix (line->text, ".") && !g_unichar_islower (g_utf8_get_char (line->text)))
    record->doubt = g_strdup (_("Looks like a part of the programme but is not numbered, so it was not made a segment."));
  else if (before->mode == MODE_PROGRAMME && note->parts->len > 0 && line->style == LABEL_NONE &&
           looks_like_name (line->text))
    record->doubt = g_strdup (_("Looks like a name, but no organisation or role came with it, so it was not added "
                                "to the people."));

  g_ptr_array_add (note->lines, record);
}

/* Doubts that only the whole note settles: parts whose length is still
 * unknown once the lengths are shared out. */
static void
finish_doubts (ConveneConceptNote *note)
{
  for (guint i = 0; i < note->lines->len; i++)
    {
      ConveneNoteLine *line = g_ptr_array_index (note->lines, i);
      ConveneNotePart *part;
      int minutes;

      if ((line->mark != CONVENE_NOTE_MARK_SEGMENT && line->mark != CONVENE_NOTE_MARK_ITEM) || line->doubt != NULL)
        continue;
      /* Only the line that starts a part or item, not the rest of its title. */
      if (i > 0)
        {
          ConveneNoteLine *previous = g_ptr_array_index (note->lines, i - 1);

          if (previous->mark == line->mark && previous->part == line->part && previous->item == line->item)
            continue;
        }
      part = g_ptr_array_index (note->parts, line->part);
      if (line->item >= 0)
        part = g_ptr_array_index (part->items, line->item);
      minutes = line->item >= 0 ? part->minutes : convene_note_part_get_minutes (part);
      if (minutes == CONVENE_NOTE_NO_MINUTES)
        line->doubt = g_strdup (_("No length found: give it one in the draft."));
    }
}

static void
line_removed (ConveneNoteLine *line)
{
  line->mark = CONVENE_NOTE_MARK_REMOVED;
  line->part = line->item = line->outcome = line->person = -1;
  g_clear_pointer (&line->doubt, g_free);
}

/* After the person or checklist item at index (the int at offset in each
 * line) went: its lines are marked removed, the lines after point one less. */
static void
lines_follow_removal (ConveneConceptNote *note,
                      gsize               offset,
                      int                 index)
{
  for (guint i = 0; i < note->lines->len; i++)
    {
      ConveneNoteLine *line = g_ptr_array_index (note->lines, i);
      int *value = G_STRUCT_MEMBER_P (line, offset);

      if (*value == index)
        line_removed (line);
      else if (*value > index)
        (*value)--;
    }
}

void
convene_concept_note_remove_part (ConveneConceptNote *note,
                                  guint               part,
                                  int                 item)
{
  ConveneNotePart *whole;

  g_return_if_fail (note != NULL);
  g_return_if_fail (part < note->parts->len);
  whole = g_ptr_array_index (note->parts, part);
  g_return_if_fail (item < (int) whole->items->len);

  for (guint i = note->roles->len; i-- > 0;)
    {
      ConveneNoteRole *role = g_ptr_array_index (note->roles, i);

      if (role->part == (int) part && (item < 0 || role->item == item))
        g_ptr_array_remove_index (note->roles, i);
      else if (item < 0 && role->part > (int) part)
        role->part--;
      else if (item >= 0 && role->part == (int) part && role->item > item)
        role->item--;
    }
  for (guint i = 0; i < note->lines->len; i++)
    {
      ConveneNoteLine *line = g_ptr_array_index (note->lines, i);

      if (line->part < 0)
        continue;
      if (line->part == (int) part && (item < 0 || line->item == item))
        line_removed (line);
      else if (item < 0 && line->part > (int) part)
        line->part--;
      else if (item >= 0 && line->part == (int) part && line->item > item)
        line->item--;
    }
  if (item < 0)
    g_ptr_array_remove_index (note->parts, part);
  else
    g_ptr_array_remove_index (whole->items, (guint) item);
}

void
convene_concept_note_remove_person (ConveneConceptNote *note,
                                    guint               person)
{
  g_return_if_fail (note != NULL);
  g_return_if_fail (person < note->people->len);

  for (guint i = note->roles->len; i-- > 0;)
    {
      ConveneNoteRole *role = g_ptr_array_index (note->roles, i);

      if (role->person == person)
        g_ptr_array_remove_index (note->roles, i);
      else if (role->person > person)
        role->person--;
    }
  lines_follow_removal (note, G_STRUCT_OFFSET (ConveneNoteLine, person), (int) person);
  g_ptr_array_remove_index (note->people, person);
}

void
convene_concept_note_remove_outcome (ConveneConceptNote *note,
                                     guint               outcome)
{
  g_return_if_fail (note != NULL);
  g_return_if_fail (outcome < note->outcomes->len);

  lines_follow_removal (note, G_STRUCT_OFFSET (ConveneNoteLine, outcome), (int) outcome);
  g_ptr_array_remove_index (note->outcomes, outcome);
}

void
convene_concept_note_remove_role (ConveneConceptNote *note,
                                  guint               role)
{
  g_return_if_fail (note != NULL);
  g_return_if_fail (role < note->roles->len);

  g_ptr_array_remove_index (note->roles, role);
}

guint
convene_concept_note_count_doubts (ConveneConceptNote *note)
{
  guint n = 0;

  g_return_val_if_fail (note != NULL, 0);
  for (guint i = 0; i < note->lines->len; i++)
    n += ((ConveneNoteLine *) g_ptr_array_index (note->lines, i))->doubt != NULL;
  return n;
}

/* Putting it together */

/* The note's lines, squeezed, with a label alone on its line ("I." then
 * the part's title on the next) joined to the line it numbers. */
static GArray *
read_lines (const char *text,
            gsize       length)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  const char *end = text + length;
  const char *p = text;
  gboolean blank = FALSE;
  Line *pending = NULL;

  g_array_set_clear_func (lines, line_clear);
  while (p < end)
    {
      const char *eol = p;
      g_autofree char *squeezed = NULL;
      const char *rest;
      Line line = { 0 };

      while (eol < end && *eol != '\n' && *eol != '\r' && *eol != '\f' &&
             !(eol + 2 < end && (guchar) eol[0] == 0xE2 && (guchar) eol[1] == 0x80 &&
               ((guchar) eol[2] == 0xA8 || (guchar) eol[2] == 0xA9)))
        eol++;
      squeezed = squeeze (p, eol - p);
      if (eol < end && (guchar) *eol == 0xE2)
        p = eol + 3;
      else
        p = eol < end ? eol + 1 : end;

      if (*squeezed == '\0')
        {
          blank = TRUE;
          continue;
        }

      if (pending != NULL && pending->text[0] == '\0')
        {
          /* The title of the label on the line before. */
          g_free (pending->text);
          pending->text = g_steal_pointer (&squeezed);
          pending = NULL;
          blank = FALSE;
          continue;
        }

      /* A Markdown heading, or a line a PDF sets as one. */
      {
        const char *hashes = squeezed;

        while (*hashes == '#' && hashes - squeezed < 6)
          hashes++;
        if (hashes > squeezed && *hashes == ' ')
          {
            char *bare = g_strdup (hashes + 1);

            g_free (squeezed);
            squeezed = bare;
            line.heading = TRUE;
          }
      }
      rest = read_label (squeezed, &line);
      if (line.label == NULL)
        line.label = g_strdup ("");
      line.text = g_strstrip (g_strdup (rest));
      line.blank_before = blank;
      blank = FALSE;
      g_array_append_val (lines, line);
      pending = line.style != LABEL_NONE && line.style != LABEL_CLOCK
                ? &g_array_index (lines, Line, lines->len - 1) : NULL;
    }
  return lines;
}

/* Parts written as clock start times last until the next one starts; an
 * item without minutes takes an even share of its part's. */
static void
finish_lengths (Parser *self)
{
  GPtrArray *parts = self->note->parts;

  for (guint i = 0; i < parts->len; i++)
    {
      ConveneNotePart *part = g_ptr_array_index (parts, i);
      int start = g_array_index (self->clock_starts, int, i);
      guint without = 0;

      if (part->minutes == CONVENE_NOTE_NO_MINUTES && start != CONVENE_NOTE_NO_TIME && i + 1 < parts->len)
        {
          int next = g_array_index (self->clock_starts, int, i + 1);

          if (next != CONVENE_NOTE_NO_TIME && next > start)
            part->minutes = next - start;
        }
      if (i == 0 && start != CONVENE_NOTE_NO_TIME && self->note->start_time == CONVENE_NOTE_NO_TIME)
        self->note->start_time = start;

      for (guint j = 0; j < part->items->len; j++)
        {
          ConveneNotePart *item = g_ptr_array_index (part->items, j);

          item->kind = item->kind == CONVENE_SEGMENT_KIND_CUSTOM ? CONVENE_SEGMENT_KIND_PRESENTATION : item->kind;
          without += item->minutes == CONVENE_NOTE_NO_MINUTES;
        }
      if (without == part->items->len && without > 0 && part->minutes != CONVENE_NOTE_NO_MINUTES &&
          convene_segment_kind_holds_items (part->kind))
        for (guint j = 0; j < part->items->len; j++)
          {
            ConveneNotePart *item = g_ptr_array_index (part->items, j);

            item->minutes = part->minutes / (int) part->items->len;
            item->shared = TRUE;
          }
    }
}

static gboolean
too_many (Parser *self)
{
  return self->note->parts->len + self->n_items > MAX_NOTE_SEGMENTS ||
         self->note->people->len > MAX_NOTE_PEOPLE ||
         self->note->outcomes->len > MAX_NOTE_OUTCOMES;
}

ConveneConceptNote *
convene_concept_note_parse (const char *text,
                            gssize      length,
                            GError    **error)
{
  g_autoptr(ConveneConceptNote) note = NULL;
  g_autoptr(GArray) lines = NULL;
  Parser parser = { 0 };
  gsize size;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  size = length < 0 ? strlen (text) : (gsize) length;
  if (size > MAX_NOTE_BYTES)
    {
      g_set_error_literal (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_TOO_LARGE,
                           _("The text is far longer than a concept note."));
      return NULL;
    }
  if (!g_utf8_validate_len (text, size, NULL))
    {
      g_set_error_literal (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT,
                           _("The text is not in a character encoding Convene can read (UTF-8)."));
      return NULL;
    }

  note = g_new0 (ConveneConceptNote, 1);
  note->title = g_strdup ("");
  note->date = g_strdup ("");
  note->venue = g_strdup ("");
  note->description = g_strdup ("");
  note->start_time = CONVENE_NOTE_NO_TIME;
  note->slot_minutes = CONVENE_NOTE_NO_MINUTES;
  note->parts = g_ptr_array_new_with_free_func (part_free);
  note->people = g_ptr_array_new_with_free_func (person_free);
  note->roles = g_ptr_array_new_with_free_func (g_free);
  note->outcomes = g_ptr_array_new_with_free_func (outcome_free);
  note->lines = g_ptr_array_new_with_free_func (note_line_free);

  lines = read_lines (text, size);
  if (lines->len == 0)
    {
      g_set_error_literal (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_EMPTY,
                           _("The concept note is empty."));
      return NULL;
    }

  parser.note = note;
  parser.mode = MODE_PROSE;
  parser.prose = g_string_new (NULL);
  parser.format_prose = g_string_new (NULL);
  parser.clock_starts = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < lines->len && !too_many (&parser); i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      Snapshot before;

      take_snapshot (&parser, &before);
      handle_line (&parser, line);
      record_line (&parser, line, &before);
    }

  read_prose_purposes (&parser);
  if (note->parts->len == 0)
    read_prose_programme (&parser);
  else if (parser.format_prose->len > 0)
    {
      g_free (note->description);
      note->description = g_strdup (parser.format_prose->str);
    }
  finish_lengths (&parser);
  finish_doubts (note);

  g_string_free (parser.prose, TRUE);
  g_string_free (parser.format_prose, TRUE);
  g_array_unref (parser.clock_starts);

  if (too_many (&parser))
    {
      g_set_error_literal (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_TOO_LARGE,
                           _("The text names more parts, people or checklist items than a session can hold."));
      return NULL;
    }
  if (note->parts->len == 0 && note->people->len == 0 && note->outcomes->len == 0)
    {
      g_set_error_literal (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_NO_PROGRAMME,
                           _("No programme, people or objectives were found in the text."));
      return NULL;
    }
  return g_steal_pointer (&note);
}

int
convene_note_part_get_minutes (ConveneNotePart *part)
{
  int sum = 0;

  g_return_val_if_fail (part != NULL, CONVENE_NOTE_NO_MINUTES);

  if (part->minutes != CONVENE_NOTE_NO_MINUTES || part->items->len == 0)
    return part->minutes;
  for (guint i = 0; i < part->items->len; i++)
    {
      ConveneNotePart *item = g_ptr_array_index (part->items, i);

      if (item->minutes == CONVENE_NOTE_NO_MINUTES)
        return CONVENE_NOTE_NO_MINUTES;
      sum += item->minutes;
    }
  return sum;
}

guint
convene_concept_note_get_planned_minutes (ConveneConceptNote *note)
{
  guint total = 0;

  g_return_val_if_fail (note != NULL, 0);

  for (guint i = 0; i < note->parts->len; i++)
    {
      int minutes = convene_note_part_get_minutes (g_ptr_array_index (note->parts, i));

      if (minutes != CONVENE_NOTE_NO_MINUTES)
        total += (guint) minutes;
    }
  return total;
}

/* Into the project */

ConveneSpeaker *
convene_concept_note_find_person (ConveneProject    *project,
                                  ConveneNotePerson *person)
{
  GListModel *speakers;
  g_autofree char *key = NULL;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (person != NULL, NULL);

  key = name_key (person->name);
  speakers = G_LIST_MODEL (convene_project_get_speakers (project));
  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (speakers, i);
      g_autofree char *speaker_key = name_key (convene_speaker_get_name (speaker));

      if (g_str_equal (key, speaker_key))
        return speaker;
    }
  return NULL;
}

char *
convene_concept_note_dup_name_key (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return name_key (name);
}

static gboolean
check_text (const char  *text,
            const char  *field,
            GError     **error)
{
  return convene_validate_text (text, -1, field, error);
}

static ConveneSegment *
segment_from_part (ConveneProject  *project,
                   ConveneNotePart *part,
                   gboolean         is_item,
                   GError         **error)
{
  ConveneSegmentKind kind = part->kind;
  int minutes = convene_note_part_get_minutes (part);
  ConveneSegment *segment;

  if (!check_text (part->title, _("the title of a part"), error))
    return NULL;
  /* A part with sub-items must be a kind that holds them. */
  if (!is_item && part->items->len > 0 && !convene_segment_kind_holds_items (kind))
    kind = CONVENE_SEGMENT_KIND_PANEL;
  if (minutes != CONVENE_NOTE_NO_MINUTES && !convene_validate_duration (minutes, error))
    return NULL;

  segment = convene_segment_new (convene_project_new_id (project), kind, part->title,
                                 minutes != CONVENE_NOTE_NO_MINUTES ? (guint) minutes : 0);
  if (minutes == CONVENE_NOTE_NO_MINUTES)
    convene_segment_set_notes (segment, _("The concept note gives no length for this part."));
  if (!is_item && part->items->len > 0)
    {
      convene_segment_set_has_target (segment, part->minutes != CONVENE_NOTE_NO_MINUTES);
      if (part->minutes != CONVENE_NOTE_NO_MINUTES)
        convene_segment_set_duration (segment, (guint) part->minutes);
      for (guint i = 0; i < part->items->len; i++)
        {
          ConveneSegment *item = segment_from_part (project, g_ptr_array_index (part->items, i), TRUE, error);

          if (item == NULL)
            {
              g_object_unref (segment);
              return NULL;
            }
          g_list_store_append (convene_segment_get_items (segment), item);
          g_object_unref (item);
        }
    }
  return segment;
}

static char *
default_date (ConveneProject *project)
{
  GListModel *sessions = G_LIST_MODEL (convene_project_get_sessions (project));
  guint n = g_list_model_get_n_items (sessions);
  g_autoptr(GDateTime) now = NULL;

  /* Another side event of the same meeting, most likely on its last day. */
  if (n > 0)
    {
      g_autoptr(ConveneSession) last = g_list_model_get_item (sessions, n - 1);

      return g_strdup (convene_session_get_date (last));
    }
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

ConveneCommand *
convene_concept_note_build (ConveneConceptNote *note,
                            ConveneProject     *project,
                            const char         *fallback_title,
                            ConveneSession    **out_session,
                            GError            **error)
{
  const char *label = _("Import Concept Note");
  g_autoptr(ConveneCommand) group = NULL;
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(GPtrArray) new_people = NULL;
  g_autoptr(GPtrArray) speaker_ids = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GPtrArray) assignments = NULL;
  g_autofree char *date = NULL;
  const char *title;
  int slot;
  GListStore *sessions;

  g_return_val_if_fail (note != NULL, NULL);
  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  title = *note->title != '\0' ? note->title
          : fallback_title != NULL && *fallback_title != '\0' ? fallback_title
          : _("Concept Note");
  slot = note->slot_minutes;
  if (slot == CONVENE_NOTE_NO_MINUTES)
    slot = (int) convene_concept_note_get_planned_minutes (note);
  if (slot <= 0)
    slot = 60;
  slot = MIN (slot, CONVENE_MAX_SLOT_MINUTES);
  date = *note->date != '\0' ? g_strdup (note->date) : default_date (project);

  if (!check_text (title, _("the title"), error) ||
      !check_text (note->venue, _("the venue"), error) ||
      !check_text (note->description, _("the description"), error))
    return NULL;

  session = convene_session_new (convene_project_new_id (project), title, date,
                                 note->start_time != CONVENE_NOTE_NO_TIME ? note->start_time : 9 * 60,
                                 (guint) slot);
  convene_session_set_room (session, note->venue);
  convene_session_set_description (session, note->description);

  segments = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < note->parts->len; i++)
    {
      ConveneSegment *segment = segment_from_part (project, g_ptr_array_index (note->parts, i), FALSE, error);

      if (segment == NULL)
        return NULL;
      g_ptr_array_add (segments, segment);
      g_list_store_append (convene_session_get_segments (session), segment);
    }

  for (guint i = 0; i < note->outcomes->len; i++)
    {
      ConveneNoteOutcome *outcome = g_ptr_array_index (note->outcomes, i);
      g_autoptr(ConveneOutcome) made = NULL;

      if (!check_text (outcome->text, _("a checklist item"), error))
        return NULL;
      made = convene_outcome_new (convene_project_new_id (project), outcome->kind, outcome->text);
      g_list_store_append (convene_session_get_outcomes (session), made);
    }

  /* People already on the roster are reused; the others join it. */
  new_people = g_ptr_array_new_with_free_func (g_object_unref);
  speaker_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < note->people->len; i++)
    {
      ConveneNotePerson *person = g_ptr_array_index (note->people, i);
      ConveneSpeaker *known = convene_concept_note_find_person (project, person);
      gint64 id;

      if (known != NULL)
        id = convene_speaker_get_id (known);
      else
        {
          ConveneSpeaker *speaker;

          if (!check_text (person->name, _("a name"), error) ||
              !check_text (person->job_title, _("a job title"), error) ||
              !check_text (person->organisation, _("an organisation"), error))
            return NULL;
          id = convene_project_new_id (project);
          speaker = convene_speaker_new (id, person->name);
          convene_speaker_set_honorific (speaker, person->honorific);
          convene_speaker_set_job_title (speaker, person->job_title);
          convene_speaker_set_organisation (speaker, person->organisation);
          g_ptr_array_add (new_people, speaker);
        }
      g_ptr_array_add (speaker_ids, g_memdup2 (&id, sizeof id));
    }

  assignments = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < note->roles->len; i++)
    {
      ConveneNoteRole *role = g_ptr_array_index (note->roles, i);
      gint64 speaker_id = *(gint64 *) g_ptr_array_index (speaker_ids, role->person);
      gint64 id = convene_project_new_id (project);

      if (role->part < 0)
        g_ptr_array_add (assignments,
                         convene_assignment_new_for_session (id, speaker_id, convene_session_get_id (session),
                                                             role->role));
      else
        {
          ConveneSegment *segment = g_ptr_array_index (segments, role->part);

          if (role->item >= 0)
            {
              g_autoptr(ConveneSegment) item =
                g_list_model_get_item (G_LIST_MODEL (convene_segment_get_items (segment)), (guint) role->item);

              segment = item;
            }
          g_ptr_array_add (assignments,
                           convene_assignment_new_for_segment (id, speaker_id, convene_segment_get_id (segment),
                                                               role->role));
        }
    }

  group = convene_command_group_new (label);
  if (new_people->len > 0)
    {
      GListModel *speakers = G_LIST_MODEL (convene_project_get_speakers (project));
      ConveneCommand *add = convene_edit_add_speakers (project, new_people,
                                                       g_list_model_get_n_items (speakers), error);

      if (add == NULL)
        return NULL;
      convene_command_group_add (group, add);
    }
  sessions = convene_project_get_sessions (project);
  convene_command_group_add (group,
                             convene_command_insert_new (label, sessions,
                                                         g_list_model_get_n_items (G_LIST_MODEL (sessions)),
                                                         session));
  if (assignments->len > 0)
    {
      GListStore *list = convene_project_get_assignments (project);

      convene_command_group_add (group,
                                 convene_command_insert_many_new (label, list,
                                                                  g_list_model_get_n_items (G_LIST_MODEL (list)),
                                                                  assignments));
    }

  if (out_session != NULL)
    *out_session = session;
  return g_steal_pointer (&group);
}
