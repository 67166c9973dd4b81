/* convene-cli.h: the headless command line, `convene --export=OUT PROJECT`
 * and `convene --import=IN.json PROJECT`. No display is needed. Errors are
 * one sentence on one line that names the file involved, ready to print
 * after "convene: ". */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How times are written on a run sheet. */
typedef enum {
  CONVENE_CLI_CLOCK_LOCALE, /* as the locale writes times (LC_TIME) */
  CONVENE_CLI_CLOCK_24H,
  CONVENE_CLI_CLOCK_12H,
} ConveneCliClock;

/* The run-sheet options of an export, as typed on the command line: strings
 * are checked by the export, so a bad value is a one-line error, never a
 * crash. NULL (or FALSE, CONVENE_CLI_CLOCK_LOCALE) means "not given". They
 * apply only to a run sheet (.pdf); exporting to another format refuses
 * them. Zero-initialise and set what was given. */
typedef struct {
  const char      *session;    /* an id or an exact session title */
  const char      *paper;      /* a4, letter, 210x297mm...; default: the locale's paper */
  gboolean         landscape;
  const char      *font_size;  /* points, e.g. "10" or "10.5" */
  gboolean         no_notes;   /* leave out segment notes and cues */
  gboolean         no_actuals; /* leave out the planned and actual times */
  const char      *sections;   /* comma list: contacts, outcomes, moderator, call-sheets, all */
  const char      *date;       /* YYYY-MM-DD: the whole-day sheet of that date */
  ConveneCliClock  clock;
} ConveneCliExportOptions;

/* Opens project_file read-only and writes it to out in the format its
 * extension names: ".json" the whole project, ".xml" and ".schedule.json"
 * the schedule for conference apps, ".ics" the calendar, ".csv" the
 * programme as a spreadsheet, ".pdf" the run sheet. The file is
 * written beside out and renamed into place, so on failure no partial file
 * is left and an existing out is kept as it was. What opening the project
 * had to set right (a time zone that is not one, read as UTC) does not stop
 * the export; it is printed on stderr, one line each after "convene: ". */
gboolean convene_cli_export (GFile *project_file, GFile *out, GError **error);

/* The same with run-sheet options; options may be NULL. Option values are
 * checked before the project is opened. */
gboolean convene_cli_export_with_options (GFile                         *project_file,
                                          GFile                         *out,
                                          const ConveneCliExportOptions *options,
                                          GError                       **error);

/* The paper this computer's locale prints on (LC_PAPER), in points, upright;
 * A4 where the locale does not say. */
void     convene_cli_get_locale_paper (double *width, double *height);

/* Whether the locale writes times with a 12-hour clock (LC_TIME). */
gboolean convene_cli_locale_uses_12h  (void);

/* Fit to Slot from the command line, `convene --fit=SESSION PROJECT`: as
 * typed, checked here. NULL (FALSE) means "not given". */
typedef struct {
  const char *session;   /* an id or an exact session title; required */
  const char *strategy;  /* "proportional" (the default) or "priority" */
  const char *step;      /* whole minutes, 1 to 60; default: the session's step */
  const char *priority;  /* kinds first to change, "break,networking,…"; implies the
                          * priority strategy; default: the order the project remembers */
  gboolean    apply;     /* perform the proposal on the file, as one undoable step */
} ConveneCliFitOptions;

/* Proposes new lengths that end the session on its slot and puts them in
 * *out_report (lines of text: the summary, then each segment's old and new
 * length). With apply, the project is opened for writing and the proposal
 * performed on it. Fails with one line saying why when no fit exists, the
 * options are wrong or the file cannot be written. */
gboolean convene_cli_fit (GFile *project_file, const ConveneCliFitOptions *options,
                          char **out_report, GError **error);

/* Reads the JSON project in and creates project_file from it. Refuses to
 * replace an existing file, which is then left untouched. A schedule (in
 * ending in ".xml": frab, pretalx, Indico) creates project_file when it is
 * missing and is otherwise imported into it as one undoable step (see
 * convene-schedule-import.h); a refused schedule changes nothing. */
gboolean convene_cli_import (GFile *in, GFile *project_file, GError **error);

G_END_DECLS
