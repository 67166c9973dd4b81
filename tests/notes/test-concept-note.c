/* Reading concept notes: lengths in every common notation, notes in several
 * shapes (a numbered format with lettered talks, a programme written as
 * prose, a clock-time agenda, bullets, French headings) read part by part,
 * person by person; text that is no note refused with a sentence; and the
 * import into a project as one step that undo takes back, redo brings again
 * and the file keeps. */
#include "config.h"

#include <string.h>

#include "convene-concept-note.h"
#include "convene-document.h"
#include "convene-json.h"
#include "convene-note-files.h"
#include "convene-limits.h"
#include "convene-validate.h"
#include "note-pdf-fixture.h"
#include "store-fixtures.h"

static ConveneConceptNote *
parse_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CONVENE_SOURCE_DIR"), "tests", "notes", "notes",
                                            name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  ConveneConceptNote *note;
  gsize length = 0;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  note = convene_concept_note_parse (text, (gssize) length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (note);
  return note;
}

static ConveneNotePart *
part_at (ConveneConceptNote *note,
         guint               i)
{
  g_assert_cmpuint (i, <, note->parts->len);
  return g_ptr_array_index (note->parts, i);
}

static ConveneNotePart *
item_at (ConveneNotePart *part,
         guint            i)
{
  g_assert_cmpuint (i, <, part->items->len);
  return g_ptr_array_index (part->items, i);
}

static void
assert_part (ConveneNotePart    *part,
             const char         *title,
             ConveneSegmentKind  kind,
             int                 minutes)
{
  g_assert_cmpstr (part->title, ==, title);
  g_assert_cmpstr (convene_segment_kind_to_nick (part->kind), ==, convene_segment_kind_to_nick (kind));
  g_assert_cmpint (part->minutes, ==, minutes);
}

static void
assert_person (ConveneConceptNote *note,
               guint               i,
               const char         *honorific,
               const char         *name,
               const char         *job_title,
               const char         *organisation)
{
  ConveneNotePerson *person;

  g_assert_cmpuint (i, <, note->people->len);
  person = g_ptr_array_index (note->people, i);
  g_assert_cmpstr (person->honorific, ==, honorific);
  g_assert_cmpstr (person->name, ==, name);
  g_assert_cmpstr (person->job_title, ==, job_title);
  g_assert_cmpstr (person->organisation, ==, organisation);
}

/* "name role part item" for every role, one a line, to compare at once. */
static char *
describe_roles (ConveneConceptNote *note)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < note->roles->len; i++)
    {
      ConveneNoteRole *role = g_ptr_array_index (note->roles, i);
      ConveneNotePerson *person = g_ptr_array_index (note->people, role->person);

      g_string_append_printf (out, "%s %s %d %d\n", person->name, convene_role_to_nick (role->role),
                              role->part, role->item);
    }
  return g_string_free (out, FALSE);
}

static void
assert_outcome (ConveneConceptNote *note,
                guint               i,
                ConveneOutcomeKind  kind,
                const char         *text)
{
  ConveneNoteOutcome *outcome;

  g_assert_cmpuint (i, <, note->outcomes->len);
  outcome = g_ptr_array_index (note->outcomes, i);
  g_assert_cmpstr (convene_outcome_kind_to_nick (outcome->kind), ==, convene_outcome_kind_to_nick (kind));
  g_assert_cmpstr (outcome->text, ==, text);
}

static void
test_minutes (void)
{
  static const struct { const char *text; int minutes; const char *notation; } cases[] = {
    { "Opening remarks : (10 mins)", 10, "10 mins" },
    { "Keynote 20 min", 20, "20 min" },
    { "Welcome (5')", 5, "5'" },
    { "Welcome 5’", 5, "5’" },
    { "Panel 1h30", 90, "1h30" },
    { "Panel 1 h 15", 75, "1 h 15" },
    { "Round table 1h", 60, "1h" },
    { "Workshop 1.5 hours", 90, "1.5 hours" },
    { "Closing 12:30–12:40", 10, "12:30–12:40" },
    { "Lunch 12.30 - 13.45", 75, "12.30 - 13.45" },
    { "Reception 6–7:30 pm", 90, "6–7:30 pm" },
    { "a 90-minute session", 90, "90-minute" },
    { "Discussion (20 minutes)", 20, "20 minutes" },
    { "Session 2 of 3", CONVENE_NOTE_NO_MINUTES, NULL },
    { "Room 12, 2027", CONVENE_NOTE_NO_MINUTES, NULL },
    { "Closing 13:00–12:00", CONVENE_NOTE_NO_MINUTES, NULL },
    { "Marathon 3000 min", CONVENE_NOTE_NO_MINUTES, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize start = 0;
      gsize end = 0;
      int minutes = convene_concept_note_read_minutes (cases[i].text, &start, &end);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (minutes, ==, cases[i].minutes);
      if (cases[i].notation != NULL)
        {
          g_autofree char *notation = g_strndup (cases[i].text + start, end - start);

          g_assert_cmpstr (notation, ==, cases[i].notation);
        }
    }
}

/* The shape of a real side-event note: a 90-minute format whose Roman
 * numbers and letters stand alone on their lines (as text taken from a PDF
 * comes), two-line titles, one person line per talk, talks out of
 * alphabetical order, moderators after the programme, guiding questions
 * over several lines. */
static void
test_side_event (void)
{
  g_autoptr(ConveneConceptNote) note = parse_file ("side-event.txt");
  g_autofree char *roles = NULL;
  ConveneNotePart *panel;

  g_assert_cmpint (note->slot_minutes, ==, 90);
  g_assert_cmpstr (note->title, ==, "");
  g_assert_cmpstr (note->description, ==,
                   "This 90-minute moderated session will open with remarks from the hosts, followed by a "
                   "panel of short talks and an open discussion.");
  g_assert_cmpuint (note->parts->len, ==, 4);
  assert_part (part_at (note, 0), "I. Welcome and opening remarks by the host country, UNEP and UN-Habitat",
               CONVENE_SEGMENT_KIND_WELCOME, 10);
  panel = part_at (note, 1);
  assert_part (panel, "II. Panel", CONVENE_SEGMENT_KIND_PANEL, 60);
  assert_part (part_at (note, 2), "III. Moderated discussion", CONVENE_SEGMENT_KIND_DISCUSSION, 20);
  assert_part (part_at (note, 3), "IV. Closing remarks", CONVENE_SEGMENT_KIND_CLOSING, 3);
  g_assert_cmpuint (convene_concept_note_get_planned_minutes (note), ==, 93);

  g_assert_cmpuint (panel->items->len, ==, 6);
  assert_part (item_at (panel, 0),
               "A. Mapping flood risk street by street: a community survey method for informal settlements",
               CONVENE_SEGMENT_KIND_PRESENTATION, 10);
  assert_part (item_at (panel, 1),
               "B. Paying for protection: municipal bonds, insurance and the role of national budgets",
               CONVENE_SEGMENT_KIND_PRESENTATION, 10);
  assert_part (item_at (panel, 2), "C. Water utilities under pressure", CONVENE_SEGMENT_KIND_PRESENTATION, 10);
  assert_part (item_at (panel, 3), "D. Lessons from the 2024 floods in the delta region",
               CONVENE_SEGMENT_KIND_PRESENTATION, 10);
  assert_part (item_at (panel, 4), "F. Designing with nature: mangroves, dunes and living shorelines in practice",
               CONVENE_SEGMENT_KIND_PRESENTATION, 10);
  assert_part (item_at (panel, 5), "E. Working across borders - river basin cooperation in the Mekong",
               CONVENE_SEGMENT_KIND_PRESENTATION, 10);
  g_assert_true (item_at (panel, 0)->shared);

  g_assert_cmpuint (note->people->len, ==, 8);
  assert_person (note, 0, "", "Amara Okafor", "Senior Researcher", "Coastal Futures Lab");
  assert_person (note, 1, "", "Jonas Lindqvist", "Director, Adaptation Finance", "NORDFUND");
  assert_person (note, 2, "", "Mei Tanaka", "", "IWA");
  assert_person (note, 3, "", "Rafael Gómez-Ortiz", "Programme Officer, Disaster Risk", "UNDRR");
  assert_person (note, 4, "", "Leila Haddad", "Chief Engineer", "Blue Coast Partners, Morocco");
  assert_person (note, 5, "", "Sokha Chan", "Regional Coordinator", "MRC");
  assert_person (note, 6, "Dr", "Ingrid Berg", "", "UNEP");
  assert_person (note, 7, "", "Tomás Ruiz", "", "UN-Habitat");

  roles = describe_roles (note);
  g_assert_cmpstr (roles, ==,
                   "Amara Okafor presenter 1 0\n"
                   "Jonas Lindqvist presenter 1 1\n"
                   "Mei Tanaka presenter 1 2\n"
                   "Rafael Gómez-Ortiz presenter 1 3\n"
                   "Leila Haddad presenter 1 4\n"
                   "Sokha Chan presenter 1 5\n"
                   "Ingrid Berg moderator -1 -1\n"
                   "Tomás Ruiz moderator -1 -1\n"
                   "Ingrid Berg moderator 2 -1\n"
                   "Tomás Ruiz moderator 2 -1\n");

  /* "This side event aims to bring these actors together and to compare
   * what has worked": two objectives, before the questions. */
  g_assert_cmpuint (note->outcomes->len, ==, 7);
  assert_outcome (note, 0, CONVENE_OUTCOME_KIND_OBJECTIVE, "Bring these actors together.");
  assert_outcome (note, 1, CONVENE_OUTCOME_KIND_OBJECTIVE, "Compare what has worked.");
  assert_outcome (note, 2, CONVENE_OUTCOME_KIND_GUIDING_QUESTION,
                  "Which local data should every coastal city collect before it invests in protection, "
                  "and who should own that data?");
  assert_outcome (note, 6, CONVENE_OUTCOME_KIND_GUIDING_QUESTION,
                  "How can river basin agreements inform cooperation between coastal cities?");
}

/* Objectives and expected outcomes stated in sentences become checklist
 * items, one per aim; a note with an Objectives list keeps only its list. */
static void
test_purposes (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "The objectives of the event are to raise awareness of coastal flooding and to agree on a shared "
      "data standard.\nProgramme\n1. Opening (10 min)\n",
      "objective Raise awareness of coastal flooding.\nobjective Agree on a shared data standard.\n" },
    { "Programme\n1. Opening (10 min)\n\nThis side event aims to provide a dialogue on health, facilitate "
      "the sharing of perspectives and provide examples, instruments and activities.\n",
      "objective Provide a dialogue on health.\nobjective Facilitate the sharing of perspectives.\n"
      "objective Provide examples, instruments and activities.\n" },
    { "The main objective of this briefing is to present the strategy; to hear from students.\n"
      "Expected outcomes include a joint statement on nurse training; a list of pilot schools.\n"
      "Programme\n1. Opening (10 min)\n",
      "objective Present the strategy.\nobjective Hear from students.\n"
      "expected-outcome A joint statement on nurse training.\nexpected-outcome A list of pilot schools.\n" },
    { "Cet événement vise à renforcer la coopération et à partager les bonnes pratiques.\n"
      "Programme\n1. Ouverture (10 min)\n",
      "objective Renforcer la coopération.\nobjective Partager les bonnes pratiques.\n" },
    /* "aimed at" describes something else; an Objectives list wins over prose. */
    { "A code aimed at better understanding migration.\nProgramme\n1. Opening (10 min)\n", "" },
    { "This event aims to do many things.\n\nObjectives\n- Agree on a roadmap\n\nProgramme\n1. Opening (10 min)\n",
      "objective Agree on a roadmap\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ConveneConceptNote) note = convene_concept_note_parse (cases[i].text, -1, &error);
      GString *got = g_string_new (NULL);
      g_autofree char *described = NULL;

      g_assert_no_error (error);
      for (guint j = 0; j < note->outcomes->len; j++)
        {
          ConveneNoteOutcome *outcome = g_ptr_array_index (note->outcomes, j);

          g_string_append_printf (got, "%s %s\n", convene_outcome_kind_to_nick (outcome->kind), outcome->text);
        }
      described = g_string_free (got, FALSE);
      g_assert_cmpstr (described, ==, cases[i].expected);
    }
}

/* What each line became, for the review: its mark, what it points at, and
 * the lines in doubt with the reason; removing a result in the review takes
 * its roles with it and marks its lines removed. */
static ConveneNoteLine *
line_at (ConveneConceptNote *note,
         const char         *start)
{
  for (guint i = 0; i < note->lines->len; i++)
    {
      ConveneNoteLine *line = g_ptr_array_index (note->lines, i);

      if (g_str_has_prefix (line->text, start))
        return line;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_review_marks (void)
{
  g_autoptr(ConveneConceptNote) note = parse_file ("review.txt");
  ConveneNoteLine *line;

  g_assert_cmpuint (note->lines->len, ==, 13);
  g_assert_cmpint (line_at (note, "Water for all")->mark, ==, CONVENE_NOTE_MARK_DETAIL);
  g_assert_cmpint (line_at (note, "Objectives")->mark, ==, CONVENE_NOTE_MARK_HEADING);
  line = line_at (note, "- Agree");
  g_assert_cmpint (line->mark, ==, CONVENE_NOTE_MARK_CHECKLIST);
  g_assert_cmpint (line->outcome, ==, 0);
  line = line_at (note, "1. Opening");
  g_assert_cmpint (line->mark, ==, CONVENE_NOTE_MARK_SEGMENT);
  g_assert_cmpint (line->part, ==, 0);
  g_assert_null (line->doubt);
  line = line_at (note, "b) Rivers");
  g_assert_cmpint (line->mark, ==, CONVENE_NOTE_MARK_ITEM);
  g_assert_cmpint (line->part, ==, 1);
  g_assert_cmpint (line->item, ==, 1);
  /* No minutes for the panel or its talks. */
  g_assert_nonnull (line_at (note, "2. Panel")->doubt);
  g_assert_nonnull (line->doubt);
  line = line_at (note, "Ana Silva");
  g_assert_cmpint (line->mark, ==, CONVENE_NOTE_MARK_PERSON);
  g_assert_null (line->doubt);
  /* A name alone: who is it with? */
  line = line_at (note, "Ben Okoro");
  g_assert_cmpint (line->mark, ==, CONVENE_NOTE_MARK_PROSE);
  g_assert_nonnull (strstr (line->doubt, "no organisation"));
  line = line_at (note, "Coffee break");
  g_assert_cmpint (line->mark, ==, CONVENE_NOTE_MARK_PROSE);
  g_assert_nonnull (line->doubt);
  g_assert_nonnull (strstr (line->doubt, "not numbered"));
  g_assert_cmpint (line_at (note, "Moderator:")->mark, ==, CONVENE_NOTE_MARK_PERSON);
  g_assert_cmpuint (convene_concept_note_count_doubts (note), >=, 3);

  /* Taking the panel out takes its talks, their presenter and the lines. */
  g_assert_cmpuint (note->roles->len, ==, 2);
  convene_concept_note_remove_part (note, 1, -1);
  g_assert_cmpuint (note->parts->len, ==, 2);
  g_assert_cmpint (line_at (note, "2. Panel")->mark, ==, CONVENE_NOTE_MARK_REMOVED);
  g_assert_null (line_at (note, "2. Panel")->doubt);
  g_assert_cmpint (line_at (note, "a) Rain")->mark, ==, CONVENE_NOTE_MARK_REMOVED);
  g_assert_cmpint (line_at (note, "3. Closing")->part, ==, 1);
  g_assert_cmpuint (note->roles->len, ==, 1);
  g_assert_cmpint (((ConveneNoteRole *) g_ptr_array_index (note->roles, 0))->part, <, 0);

  convene_concept_note_remove_person (note, 0);
  g_assert_cmpint (line_at (note, "Ana Silva")->mark, ==, CONVENE_NOTE_MARK_REMOVED);
  g_assert_cmpint (line_at (note, "Moderator:")->person, ==, 0);
  g_assert_cmpuint (note->roles->len, ==, 1);
  /* Leaving the moderator's assignment out keeps the moderator. */
  convene_concept_note_remove_role (note, 0);
  g_assert_cmpuint (note->roles->len, ==, 0);
  g_assert_cmpuint (note->people->len, ==, 1);
  g_assert_cmpint (line_at (note, "Moderator:")->mark, ==, CONVENE_NOTE_MARK_PERSON);
  convene_concept_note_remove_outcome (note, 0);
  g_assert_cmpuint (note->outcomes->len, ==, 0);
  g_assert_cmpint (line_at (note, "- Agree")->mark, ==, CONVENE_NOTE_MARK_REMOVED);
}

/* The programme told in one sentence: four parts in order, no lengths. */
static void
test_prose (void)
{
  g_autoptr(ConveneConceptNote) note = parse_file ("prose.txt");
  ConveneNoteLine *line;

  g_assert_cmpstr (note->title, ==, "Briefing on the new regional strategy for nursing education");
  g_assert_cmpstr (note->date, ==, "2027-03-14");
  g_assert_cmpint (note->start_time, ==, 13 * 60 + 15);
  g_assert_cmpint (note->slot_minutes, ==, 75);
  g_assert_cmpstr (note->venue, ==, "Conference Room 3, Palais des Nations");

  g_assert_cmpuint (note->parts->len, ==, 4);
  assert_part (part_at (note, 0), "Presentation on the main findings of the regional survey",
               CONVENE_SEGMENT_KIND_PRESENTATION, CONVENE_NOTE_NO_MINUTES);
  assert_part (part_at (note, 1), "Moderated panel discussion with three chief nursing officers",
               CONVENE_SEGMENT_KIND_PANEL, CONVENE_NOTE_NO_MINUTES);
  assert_part (part_at (note, 2), convene_segment_kind_get_label (CONVENE_SEGMENT_KIND_QA),
               CONVENE_SEGMENT_KIND_QA, CONVENE_NOTE_NO_MINUTES);
  assert_part (part_at (note, 3), "Closing remarks by the president of the council",
               CONVENE_SEGMENT_KIND_CLOSING, CONVENE_NOTE_NO_MINUTES);
  g_assert_cmpuint (convene_concept_note_get_planned_minutes (note), ==, 0);
  /* In the review, the sentence is what gave the segments, none timed. */
  line = line_at (note, "The briefing will start with");
  g_assert_cmpint (line->mark, ==, CONVENE_NOTE_MARK_SEGMENT);
  g_assert_nonnull (line->doubt);

  g_assert_cmpuint (note->outcomes->len, ==, 2);
  assert_outcome (note, 0, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME,
                  "Member States understand the strategy's five priorities.");
  assert_outcome (note, 1, CONVENE_OUTCOME_KIND_EXPECTED_OUTCOME,
                  "Countries identify focal points for the first year.");
}

/* An agenda of clock times, a list of panellists, a chair. */
static void
test_agenda (void)
{
  g_autoptr(ConveneConceptNote) note = parse_file ("agenda.txt");
  g_autofree char *roles = NULL;

  g_assert_cmpstr (note->title, ==, "Youth and the future of work: a dialogue with employers");
  g_assert_cmpstr (note->date, ==, "2026-06-09");
  g_assert_cmpint (note->start_time, ==, 9 * 60 + 30);
  g_assert_cmpint (note->slot_minutes, ==, CONVENE_NOTE_NO_MINUTES);

  g_assert_cmpuint (note->parts->len, ==, 6);
  assert_part (part_at (note, 0), "Welcome by the Director-General", CONVENE_SEGMENT_KIND_WELCOME, 10);
  assert_part (part_at (note, 1), "Keynote: skills that will matter in 2035", CONVENE_SEGMENT_KIND_KEYNOTE, 30);
  assert_part (part_at (note, 2), "Panel discussion", CONVENE_SEGMENT_KIND_PANEL, 50);
  assert_part (part_at (note, 3), "Coffee break", CONVENE_SEGMENT_KIND_BREAK, 15);
  assert_part (part_at (note, 4), "Q&A with the audience", CONVENE_SEGMENT_KIND_QA, 30);
  assert_part (part_at (note, 5), "Closing and next steps", CONVENE_SEGMENT_KIND_CLOSING, 15);

  assert_person (note, 0, "", "Aisha Rahman", "", "ILO");
  assert_person (note, 1, "", "Peter Novak", "", "Business Europe");
  assert_person (note, 2, "", "Chloé Martin", "", "European Youth Forum");
  assert_person (note, 3, "Mr", "Daniel Osei", "Ambassador", "Permanent Mission of Ghana");
  roles = describe_roles (note);
  g_assert_cmpstr (roles, ==,
                   "Aisha Rahman panelist 2 -1\n"
                   "Peter Novak panelist 2 -1\n"
                   "Chloé Martin panelist 2 -1\n"
                   "Daniel Osei chair -1 -1\n");

  g_assert_cmpuint (note->outcomes->len, ==, 3);
  assert_outcome (note, 0, CONVENE_OUTCOME_KIND_OBJECTIVE,
                  "Share employers' forecasts of the skills young people will need.");
  assert_outcome (note, 2, CONVENE_OUTCOME_KIND_FOLLOW_UP,
                  "Circulate a summary to all participants within two weeks.");
}

/* Bullets without numbers, lengths as 5', "20 min", 1h, a clock range, none. */
static void
test_bullets (void)
{
  g_autoptr(ConveneConceptNote) note = parse_file ("bullets.txt");
  g_autofree char *roles = NULL;

  g_assert_cmpstr (note->title, ==, "Open data for health emergencies");
  g_assert_cmpint (note->slot_minutes, ==, 90);
  g_assert_cmpuint (note->parts->len, ==, 5);
  assert_part (part_at (note, 0), "Opening remarks", CONVENE_SEGMENT_KIND_OPENING, 5);
  assert_part (part_at (note, 1), "Keynote on lessons from recent outbreaks", CONVENE_SEGMENT_KIND_KEYNOTE, 20);
  assert_part (part_at (note, 2), "Round table with ministries of health", CONVENE_SEGMENT_KIND_PANEL, 60);
  assert_part (part_at (note, 3), "Networking", CONVENE_SEGMENT_KIND_NETWORKING, CONVENE_NOTE_NO_MINUTES);
  assert_part (part_at (note, 4), "Closing remarks", CONVENE_SEGMENT_KIND_CLOSING, 10);
  g_assert_cmpuint (convene_concept_note_get_planned_minutes (note), ==, 95);

  assert_person (note, 0, "", "Hana Kovač", "", "WHO");
  assert_person (note, 1, "", "Jean Dupont", "", "WHO");
  assert_person (note, 2, "Dr", "Sara Lind", "", "Karolinska Institutet");
  roles = describe_roles (note);
  /* Under the round table, its moderators; under the closing, the session's. */
  g_assert_cmpstr (roles, ==,
                   "Hana Kovač moderator 2 -1\n"
                   "Jean Dupont moderator 2 -1\n"
                   "Sara Lind moderator -1 -1\n");

  g_assert_cmpuint (note->outcomes->len, ==, 4);
  assert_outcome (note, 0, CONVENE_OUTCOME_KIND_OBJECTIVE, "To agree on a minimum data set for outbreak reports");
  assert_outcome (note, 3, CONVENE_OUTCOME_KIND_GUIDING_QUESTION,
                  "Which safeguards make sharing acceptable to patients?");
}

static void
test_french (void)
{
  g_autoptr(ConveneConceptNote) note = parse_file ("french.txt");
  g_autofree char *roles = NULL;

  g_assert_cmpstr (note->title, ==, "Les villes face à la chaleur extrême");
  g_assert_cmpstr (note->date, ==, "2026-07-03");
  g_assert_cmpstr (note->venue, ==, "Salle XVII");
  g_assert_cmpuint (note->parts->len, ==, 4);
  assert_part (part_at (note, 0), "1. Ouverture", CONVENE_SEGMENT_KIND_OPENING, 10);
  assert_part (part_at (note, 1), "2. Table ronde : les maires témoignent", CONVENE_SEGMENT_KIND_PANEL, 45);
  assert_part (part_at (note, 2), "3. Questions-réponses", CONVENE_SEGMENT_KIND_QA, 20);
  assert_part (part_at (note, 3), "4. Clôture", CONVENE_SEGMENT_KIND_CLOSING, 5);
  assert_person (note, 0, "Dr", "Élodie Moreau", "", "OMS");
  roles = describe_roles (note);
  g_assert_cmpstr (roles, ==, "Élodie Moreau moderator -1 -1\nÉlodie Moreau moderator 2 -1\n");
  g_assert_cmpuint (note->outcomes->len, ==, 4);
  assert_outcome (note, 1, CONVENE_OUTCOME_KIND_OBJECTIVE, "Proposer des indicateurs communs.");
  assert_outcome (note, 3, CONVENE_OUTCOME_KIND_GUIDING_QUESTION, "Comment financer l'ombre en ville ?");
}

/* Text that is not a note gets one sentence and no proposal. */
static void
test_refused (void)
{
  static const struct { const char *text; gssize length; int code; } cases[] = {
    { "", 0, CONVENE_CONCEPT_NOTE_ERROR_EMPTY },
    { " \n\t\r\n  \n", -1, CONVENE_CONCEPT_NOTE_ERROR_EMPTY },
    { "Opening \xff\xfe remarks (10 min)", -1, CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT },
    { "Opening\0remarks (10 min)", 24, CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT },
    { "Dear colleagues,\nthank you for your letter of last week.\nKind regards.\n", -1,
      CONVENE_CONCEPT_NOTE_ERROR_NO_PROGRAMME },
  };
  g_autofree char *huge = g_malloc (5 * 1024 * 1024 + 1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ConveneConceptNote) note = convene_concept_note_parse (cases[i].text, cases[i].length, &error);

      g_assert_null (note);
      g_assert_error (error, CONVENE_CONCEPT_NOTE_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
    }

  memset (huge, 'a', 5 * 1024 * 1024);
  huge[5 * 1024 * 1024] = '\0';
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ConveneConceptNote) note = convene_concept_note_parse (huge, -1, &error);

    g_assert_null (note);
    g_assert_error (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_TOO_LARGE);
  }

  /* One long line with no line breaks is read in bounded time and kept whole. */
  memset (huge, 'a', 1024 * 1024);
  huge[1024 * 1024] = '\0';
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ConveneConceptNote) note = convene_concept_note_parse (huge, -1, &error);

    g_assert_null (note);
    g_assert_error (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_NO_PROGRAMME);
  }
}

static ConveneSegment *
nth_segment (GListStore *list,
             guint       n)
{
  g_autoptr(ConveneSegment) segment = g_list_model_get_item (G_LIST_MODEL (list), n);

  g_assert_nonnull (segment);
  return segment;
}

/* "who role on what" for every assignment of project, in order. */
static char *
describe_assignments (ConveneProject *project)
{
  GListModel *assignments = G_LIST_MODEL (convene_project_get_assignments (project));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);
      ConveneSpeaker *speaker = convene_project_find_speaker (project, convene_assignment_get_speaker_id (assignment));
      const char *target = "the session";

      if (convene_assignment_get_segment_id (assignment) != 0)
        {
          ConveneSegment *segment = convene_project_find_segment (project, convene_assignment_get_segment_id (assignment), NULL);

          target = convene_segment_get_title (segment);
        }
      g_string_append_printf (out, "%s %s on %s\n", convene_speaker_get_name (speaker),
                              convene_role_to_nick (convene_assignment_get_role (assignment)), target);
    }
  return g_string_free (out, FALSE);
}

static void
assert_same_segments (GListStore *expected,
                      GListStore *actual)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (expected));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (actual)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      ConveneSegment *a = nth_segment (expected, i);
      ConveneSegment *b = nth_segment (actual, i);

      g_assert_cmpstr (convene_segment_get_title (b), ==, convene_segment_get_title (a));
      g_assert_cmpint (convene_segment_get_kind (b), ==, convene_segment_get_kind (a));
      g_assert_cmpuint (convene_segment_get_duration (b), ==, convene_segment_get_duration (a));
      g_assert_cmpint (convene_segment_get_has_target (b), ==, convene_segment_get_has_target (a));
      assert_same_segments (convene_segment_get_items (a), convene_segment_get_items (b));
    }
}

/* The real side-event note the example project was made from, when this
 * checkout sits beside the shared samples, gives the example's programme:
 * compared with data/examples/side-event.json field by field. */
static void
test_shared_sample (void)
{
  const char *source = g_getenv ("CONVENE_SOURCE_DIR");
  g_autofree char *sample = g_build_filename (source, "..", "shared", "samples",
                                              "side-event-concept-note.txt", NULL);
  g_autofree char *example = g_build_filename (source, "data", "examples", "side-event.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *expected_people = NULL;
  g_autofree char *actual_people = NULL;
  g_autoptr(ConveneConceptNote) note = NULL;
  g_autoptr(ConveneProject) wanted = NULL;
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  ConveneSession *session = NULL;
  ConveneSession *want;
  GListModel *speakers;
  GListModel *outcomes;
  guint questions = 0;
  gsize length = 0;

  if (!g_file_get_contents (sample, &text, &length, NULL))
    {
      g_test_skip ("The shared sample concept note is not beside this checkout.");
      return;
    }
  g_file_get_contents (example, &json, NULL, &error);
  g_assert_no_error (error);
  wanted = convene_json_import (json, -1, &error);
  g_assert_no_error (error);
  want = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (wanted)), 0);
  g_object_unref (want);

  note = convene_concept_note_parse (text, (gssize) length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (convene_concept_note_get_planned_minutes (note), ==, 93);
  command = convene_concept_note_build (note, project, convene_session_get_title (want), &session, &error);
  g_assert_no_error (error);
  convene_command_apply (command);

  g_assert_cmpstr (convene_session_get_title (session), ==, convene_session_get_title (want));
  g_assert_cmpuint (convene_session_get_slot_minutes (session), ==, convene_session_get_slot_minutes (want));
  assert_same_segments (convene_session_get_segments (want), convene_session_get_segments (session));

  speakers = G_LIST_MODEL (convene_project_get_speakers (wanted));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project))), ==,
                    g_list_model_get_n_items (speakers));
  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(ConveneSpeaker) a = g_list_model_get_item (speakers, i);
      g_autoptr(ConveneSpeaker) b = g_list_model_get_item (G_LIST_MODEL (convene_project_get_speakers (project)), i);

      g_assert_cmpstr (convene_speaker_get_honorific (b), ==, convene_speaker_get_honorific (a));
      g_assert_cmpstr (convene_speaker_get_name (b), ==, convene_speaker_get_name (a));
      g_assert_cmpstr (convene_speaker_get_job_title (b), ==, convene_speaker_get_job_title (a));
      g_assert_cmpstr (convene_speaker_get_organisation (b), ==, convene_speaker_get_organisation (a));
    }
  expected_people = describe_assignments (wanted);
  actual_people = describe_assignments (project);
  g_assert_cmpstr (actual_people, ==, expected_people);

  /* The checklist, in order: the three objectives the introduction states
   * in one sentence ("This side event aims to provide …, facilitate … and
   * provide …"), then the five guiding questions. */
  outcomes = G_LIST_MODEL (convene_session_get_outcomes (want));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_outcomes (session))), ==,
                    g_list_model_get_n_items (outcomes));
  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(ConveneOutcome) a = g_list_model_get_item (outcomes, i);
      g_autoptr(ConveneOutcome) b = g_list_model_get_item (G_LIST_MODEL (convene_session_get_outcomes (session)), i);

      g_assert_cmpint (convene_outcome_get_kind (b), ==, convene_outcome_get_kind (a));
      g_assert_cmpstr (convene_outcome_get_text (b), ==, convene_outcome_get_text (a));
      questions += convene_outcome_get_kind (b) == CONVENE_OUTCOME_KIND_GUIDING_QUESTION;
    }
  g_assert_cmpuint (questions, ==, 5);
}

/* Importing into an open project: one step, people already on the roster
 * reused (whatever their case and accents), undo and redo, the file keeps it. */
static void
test_import (void)
{
  g_autoptr(ConveneProject) start = fixture_full_project ();
  g_autoptr(ConveneSpeaker) known = convene_speaker_new (convene_project_new_id (start), "MEI  TANÁKA");
  g_autoptr(ConveneConceptNote) note = parse_file ("side-event.txt");
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(ConveneDocument) reopened = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = fixture_make_dir ();
  g_autofree char *path = g_build_filename (dir, "Import.convene", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  g_autofree char *people = NULL;
  ConveneCommand *command;
  ConveneProject *project;
  ConveneSession *session = NULL;
  ConveneSegment *segment;
  guint n_sessions;
  guint n_speakers;
  guint n_assignments;

  g_list_store_append (convene_project_get_speakers (start), known);
  file = g_file_new_for_path (path);
  document = convene_document_create (file, start, &error);
  g_assert_no_error (error);
  project = convene_document_get_project (document);
  n_sessions = g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (project)));
  n_speakers = g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project)));
  n_assignments = g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_assignments (project)));
  before = fixture_dump_project (project);

  command = convene_concept_note_build (note, project, "Coastal cities", &session, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (convene_command_get_label (command), ==, "Import Concept Note");
  g_assert_true (convene_document_perform (document, command, &error));
  g_assert_no_error (error);

  /* A new session at the end, named after the file since the note has no title. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (project))), ==,
                    n_sessions + 1);
  {
    g_autoptr(ConveneSession) last = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (project)),
                                                            n_sessions);
    g_assert_true (last == session);
  }
  g_assert_cmpstr (convene_session_get_title (session), ==, "Coastal cities");
  g_assert_cmpuint (convene_session_get_slot_minutes (session), ==, 90);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_segments (session))), ==, 4);
  segment = nth_segment (convene_session_get_segments (session), 1);
  g_assert_true (convene_segment_get_has_target (segment));
  g_assert_cmpuint (convene_segment_get_duration (segment), ==, 60);
  g_assert_cmpuint (convene_segment_get_length (segment), ==, 60);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_outcomes (session))), ==, 7);

  /* Seven new people: Mei Tanaka was already there. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project))), ==,
                    n_speakers + 7);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_assignments (project))), ==,
                    n_assignments + 10);
  people = describe_assignments (project);
  g_assert_nonnull (strstr (people, "MEI  TANÁKA presenter on C. Water utilities under pressure\n"));
  g_assert_nonnull (strstr (people, "Ingrid Berg moderator on the session\n"));
  g_assert_nonnull (strstr (people, "Tomás Ruiz moderator on III. Moderated discussion\n"));

  after = fixture_dump_project (project);
  {
    g_autofree char *stored = fixture_dump_file (path);

    g_assert_cmpstr (stored, ==, after);
  }

  g_assert_true (convene_document_undo (document, &error));
  g_assert_no_error (error);
  {
    g_autofree char *now = fixture_dump_project (project);
    g_autofree char *stored = fixture_dump_file (path);

    g_assert_cmpstr (now, ==, before);
    g_assert_cmpstr (stored, ==, before);
  }
  g_assert_true (convene_document_redo (document, &error));
  g_assert_no_error (error);
  again = fixture_dump_project (project);
  g_assert_cmpstr (again, ==, after);

  convene_document_close (document);
  reopened = convene_document_open (file, CONVENE_STORE_READ_WRITE, &error);
  g_assert_no_error (error);
  {
    g_autofree char *loaded = fixture_dump_project (convene_document_get_project (reopened));

    g_assert_cmpstr (loaded, ==, after);
  }
  convene_document_close (reopened);
  fixture_remove_dir (dir);
}

/* A part the note gives no length is created empty, and says so. */
static void
test_import_without_lengths (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneConceptNote) note = parse_file ("prose.txt");
  g_autoptr(ConveneCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  ConveneSession *session = NULL;
  ConveneSegment *segment;

  command = convene_concept_note_build (note, project, NULL, &session, &error);
  g_assert_no_error (error);
  convene_command_apply (command);
  g_assert_cmpstr (convene_session_get_date (session), ==, "2027-03-14");
  g_assert_cmpint (convene_session_get_start_time (session), ==, 13 * 60 + 15);
  g_assert_cmpstr (convene_session_get_room (session), ==, "Conference Room 3, Palais des Nations");
  segment = nth_segment (convene_session_get_segments (session), 0);
  g_assert_cmpuint (convene_segment_get_duration (segment), ==, 0);
  g_assert_cmpstr (convene_segment_get_notes (segment), ==, "The concept note gives no length for this part.");
  convene_command_revert (command);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_sessions (project))), ==, 0);
}

/* Large notes are read in bounded time: a question continued over
 * thousands of lines stops growing at a sensible length, the description at
 * what a session holds, and more parts than a session holds is refused. */
static void
test_large (void)
{
  GString *text = g_string_new ("Guiding questions\n1. What");
  g_autoptr(ConveneConceptNote) note = NULL;
  g_autoptr(GError) error = NULL;
  ConveneNoteOutcome *outcome;

  while (text->len < 3 * 1024 * 1024)
    g_string_append (text, "\nand then another clause that goes on and on");
  g_string_append (text, "\n\nProgramme\n");
  for (guint i = 0; i < 2000; i++)
    g_string_append (text, "A long line of prose about the programme that goes on and on and on.\n");
  g_string_append (text, "1. Opening remarks (10 min)\n");
  note = convene_concept_note_parse (text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (note->outcomes->len, ==, 1);
  outcome = g_ptr_array_index (note->outcomes, 0);
  g_assert_cmpuint (strlen (outcome->text), <, 4000);
  g_assert_cmpuint (strlen (note->description), <, CONVENE_MAX_TEXT_BYTES);
  g_assert_cmpuint (note->parts->len, ==, 1);
  g_clear_pointer (&note, convene_concept_note_free);

  g_string_assign (text, "Programme\n");
  for (guint i = 1; i <= 600; i++)
    g_string_append_printf (text, "%u. Talk (5 min)\n- Speaker, Organisation\n", i % 99 + 1);
  note = convene_concept_note_parse (text->str, (gssize) text->len, &error);
  g_assert_null (note);
  g_assert_error (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_TOO_LARGE);
  g_string_free (text, TRUE);
}

/* The whole proposal as text, to compare two readings at once. */
static char *
describe_note (ConveneConceptNote *note)
{
  GString *out = g_string_new (NULL);
  g_autofree char *roles = describe_roles (note);

  g_string_append_printf (out, "%s|%s|%d|%d|%s|%s\n", note->title, note->date, note->start_time,
                          note->slot_minutes, note->venue, note->description);
  for (guint i = 0; i < note->parts->len; i++)
    {
      ConveneNotePart *part = g_ptr_array_index (note->parts, i);

      g_string_append_printf (out, "%s %s %d\n", convene_segment_kind_to_nick (part->kind), part->title,
                              part->minutes);
      for (guint j = 0; j < part->items->len; j++)
        {
          ConveneNotePart *item = g_ptr_array_index (part->items, j);

          g_string_append_printf (out, "  %s %s %d\n", convene_segment_kind_to_nick (item->kind), item->title,
                                  item->minutes);
        }
    }
  for (guint i = 0; i < note->people->len; i++)
    {
      ConveneNotePerson *person = g_ptr_array_index (note->people, i);

      g_string_append_printf (out, "%s|%s|%s|%s\n", person->honorific, person->name, person->job_title,
                              person->organisation);
    }
  g_string_append (out, roles);
  for (guint i = 0; i < note->outcomes->len; i++)
    {
      ConveneNoteOutcome *outcome = g_ptr_array_index (note->outcomes, i);

      g_string_append_printf (out, "%s: %s\n", convene_outcome_kind_to_nick (outcome->kind), outcome->text);
    }
  return g_string_free (out, FALSE);
}

static char *
document_path (const char *name)
{
  return g_build_filename (g_getenv ("CONVENE_BUILD_DIR"), "tests", "notes", name, NULL);
}

static ConveneConceptNote *
parse_document (const char *name)
{
  g_autofree char *path = document_path (name);
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  ConveneConceptNote *note;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  text = convene_note_extract_text (data, length, name, &error);
  g_assert_no_error (error);
  note = convene_concept_note_parse (text, -1, &error);
  g_assert_no_error (error);
  return note;
}

/* The side-event note saved by a word processor, its parts and talks in
 * automatically numbered lists (the labels only in numbering.xml or the ODF
 * list styles), reads exactly as the plain text does. */
static void
test_documents (void)
{
  g_autoptr(ConveneConceptNote) text = parse_file ("side-event.txt");
  g_autoptr(ConveneConceptNote) docx = parse_document ("side-event.docx");
  g_autoptr(ConveneConceptNote) odt = parse_document ("side-event.odt");
  g_autoptr(ConveneConceptNote) agenda = parse_document ("agenda-table.docx");
  g_autofree char *expected = describe_note (text);
  g_autofree char *from_docx = describe_note (docx);
  g_autofree char *from_odt = describe_note (odt);

  g_assert_cmpstr (from_docx, ==, expected);
  g_assert_cmpstr (from_odt, ==, expected);
  g_assert_cmpstr (part_at (docx, 1)->title, ==, "II. Panel");
  g_assert_cmpstr (item_at (part_at (odt, 1), 3)->title, ==, "D. Lessons from the 2024 floods in the delta region");

  /* A table row is a line: the agenda's clock times and titles. */
  g_assert_cmpuint (agenda->parts->len, ==, 4);
  assert_part (part_at (agenda, 0), "Welcome by the Director-General", CONVENE_SEGMENT_KIND_WELCOME, 10);
  assert_part (part_at (agenda, 3), "Coffee break", CONVENE_SEGMENT_KIND_BREAK, 15);
  g_assert_cmpint (agenda->start_time, ==, 9 * 60 + 30);
  assert_person (agenda, 0, "Mr", "Daniel Osei", "Ambassador", "Permanent Mission of Ghana");
}

static char *
pdf_text (GBytes  *pdf,
          GError **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (pdf, &length);

  return convene_note_extract_text (data, length, "note.pdf", error);
}

static ConveneConceptNote *
parse_pdf_of (const char         *text,
              const char * const *headings)
{
  g_autoptr(GBytes) pdf = note_pdf_from_text (text, headings);
  g_autoptr(GError) error = NULL;
  g_autofree char *read = pdf_text (pdf, &error);
  ConveneConceptNote *note;

  g_assert_no_error (error);
  note = convene_concept_note_parse (read, -1, &error);
  g_assert_no_error (error);
  return note;
}

/* The side-event note as a PDF, its headings set bigger and bold, reads
 * exactly as its text: the lines in reading order, the paragraphs told by
 * the gaps between them, the headings by their font. */
static void
test_pdf (void)
{
  static const char *const headings[] = { "Introduction", "Proposed format", NULL };
  g_autofree char *path = g_build_filename (g_getenv ("CONVENE_SOURCE_DIR"), "tests", "notes", "notes",
                                            "side-event.txt", NULL);
  g_autofree char *sample = g_build_filename (g_getenv ("CONVENE_SOURCE_DIR"), "..", "shared", "samples",
                                              "side-event-concept-note.txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *sample_text = NULL;
  g_autoptr(ConveneConceptNote) expected = parse_file ("side-event.txt");
  g_autoptr(ConveneConceptNote) from_pdf = NULL;
  g_autofree char *want = describe_note (expected);
  g_autofree char *got = NULL;

  g_file_get_contents (path, &text, NULL, NULL);
  g_assert_nonnull (text);
  from_pdf = parse_pdf_of (text, headings);
  got = describe_note (from_pdf);
  g_assert_cmpstr (got, ==, want);

  /* The real sample, when it is beside this checkout. */
  if (g_file_get_contents (sample, &sample_text, NULL, NULL))
    {
      g_autoptr(ConveneConceptNote) plain = convene_concept_note_parse (sample_text, -1, NULL);
      g_autoptr(ConveneConceptNote) pdf = parse_pdf_of (sample_text, headings);
      g_autofree char *plain_described = describe_note (plain);
      g_autofree char *pdf_described = describe_note (pdf);

      g_assert_cmpstr (pdf_described, ==, plain_described);
    }
}

/* Headings known only by their look: a big first line is the title; a
 * bold heading whose words Convene does not know ends the list before it. */
static void
test_pdf_headings (void)
{
  static const char *const headings[] = { "Water for all", "Objectives", "Speakers and logistics", NULL };
  static const char text[] =
    "Water for all\n"
    "\n"
    "Objectives\n"
    "- Agree on a roadmap\n"
    "- Share what worked\n"
    "\n"
    "Speakers and logistics\n"
    "The room seats eighty.\n"
    "\n"
    "Programme\n"
    "1. Opening (10 min)\n"
    "2. Panel (45 min)\n";
  g_autoptr(ConveneConceptNote) note = parse_pdf_of (text, headings);
  g_autoptr(GBytes) pdf = note_pdf_from_text (text, headings);
  g_autofree char *read = pdf_text (pdf, NULL);

  g_assert_true (strstr (read, "# Water for all\n") != NULL);
  g_assert_true (strstr (read, "# Speakers and logistics\n") != NULL);
  g_assert_true (strstr (read, "# The room") == NULL);
  g_assert_cmpstr (note->title, ==, "Water for all");
  g_assert_cmpuint (note->outcomes->len, ==, 2);
  g_assert_cmpuint (note->parts->len, ==, 2);
  assert_part (part_at (note, 1), "2. Panel", CONVENE_SEGMENT_KIND_PANEL, 45);
}

/* PDFs that are no note: one sentence each, and nothing read. */
static void
test_hostile_pdf (void)
{
  static const char *const headings[] = { "Programme", NULL };
  g_autoptr(GBytes) whole = note_pdf_from_text ("Programme\n1. Opening (10 min)\n", headings);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 3);
  g_autoptr(GBytes) scanned = note_pdf_pages (2, FALSE);
  g_autoptr(GBytes) thousand = note_pdf_pages (1000, TRUE);
  g_autoptr(GBytes) encrypted = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  GByteArray *noise = g_byte_array_new ();
  g_autoptr(GBytes) random = NULL;
  struct { GBytes *pdf; int code; const char *words; } cases[] = {
    { truncated, CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT, "damaged" },
    { scanned, CONVENE_CONCEPT_NOTE_ERROR_EMPTY, "scanned" },
    { thousand, CONVENE_CONCEPT_NOTE_ERROR_TOO_LARGE, "1000 pages" },
    { NULL, CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT, "damaged" },
    { NULL, CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT, "password" },
  };

  g_byte_array_append (noise, (const guint8 *) "%PDF-1.5\n", 9);
  for (guint i = 0; i < 4096; i++)
    {
      guint8 byte = (guint8) g_rand_int_range (rand, 0, 256);

      g_byte_array_append (noise, &byte, 1);
    }
  random = g_byte_array_free_to_bytes (noise);
  cases[3].pdf = random;
  encrypted = note_pdf_encrypted ();
  cases[4].pdf = encrypted;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = pdf_text (cases[i].pdf, &error);

      g_test_message ("case %u", i);
      g_assert_null (text);
      g_assert_error (error, CONVENE_CONCEPT_NOTE_ERROR, cases[i].code);
      g_assert_true (strstr (error->message, cases[i].words) != NULL);
    }
}

/* Hostile and broken documents: one sentence each, nothing read. */
static void
test_hostile_documents (void)
{
  static const struct { const char *name; int code; } cases[] = {
    { "bomb.docx", CONVENE_CONCEPT_NOTE_ERROR_TOO_LARGE },
    { "laughs.docx", CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT },
    { "empty.docx", CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT },
    { "truncated.docx", CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT },
  };
  static const char pdf[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n";
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = document_path (cases[i].name);
      g_autofree char *data = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      gsize length = 0;

      g_test_message ("%s", cases[i].name);
      g_file_get_contents (path, &data, &length, &error);
      g_assert_no_error (error);
      text = convene_note_extract_text (data, length, cases[i].name, &error);
      g_assert_null (text);
      g_assert_error (error, CONVENE_CONCEPT_NOTE_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = convene_note_extract_text (pdf, sizeof pdf - 1, "note.pdf", &error);

    g_assert_null (text);
    g_assert_error (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = convene_note_extract_text (binary, sizeof binary - 1, "scan.png", &error);

    g_assert_null (text);
    g_assert_error (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = convene_note_extract_text ("\xEF\xBB\xBFOpening (5 min)\n", 19, "bom.txt", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (text, ==, "Opening (5 min)\n");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notes/minutes", test_minutes);
  g_test_add_func ("/notes/side-event", test_side_event);
  g_test_add_func ("/notes/prose", test_prose);
  g_test_add_func ("/notes/purposes", test_purposes);
  g_test_add_func ("/notes/review-marks", test_review_marks);
  g_test_add_func ("/notes/agenda", test_agenda);
  g_test_add_func ("/notes/bullets", test_bullets);
  g_test_add_func ("/notes/french", test_french);
  g_test_add_func ("/notes/refused", test_refused);
  g_test_add_func ("/notes/large", test_large);
  g_test_add_func ("/notes/documents", test_documents);
  g_test_add_func ("/notes/hostile-documents", test_hostile_documents);
  g_test_add_func ("/notes/pdf", test_pdf);
  g_test_add_func ("/notes/pdf-headings", test_pdf_headings);
  g_test_add_func ("/notes/hostile-pdf", test_hostile_pdf);
  g_test_add_func ("/notes/shared-sample", test_shared_sample);
  g_test_add_func ("/notes/import", test_import);
  g_test_add_func ("/notes/import-without-lengths", test_import_without_lengths);

  return g_test_run ();
}
