/* convene-csv.h: the roster as CSV, the way planners keep people in a
 * spreadsheet.
 *
 * Reading (RFC 4180, leniently): fields separated by commas (or by
 * semicolons or tabs when the header row uses those instead, as some
 * spreadsheets in some locales write), quoted fields with doubled quotes,
 * commas and line breaks inside quotes, CRLF or LF line ends, UTF-8 with or
 * without a byte order mark. The first row is the header; columns are
 * matched by name, ignoring case, spaces and punctuation:
 *   honorific: Honorific, Salutation, Prefix
 *   name: Name, Full name (or First name / Given name with Last name /
 *         Surname / Family name, joined with a space; Name wins where both
 *         are filled)
 *   job title: Job title, Position, Designation
 *   organisation: Organisation, Organization, Affiliation, Company, Institution
 *   email: Email, E-mail, Email address; phone: Phone, Telephone, Tel, Mobile
 *   status: Status (invited, tentative, confirmed, declined, or their
 *         translated labels, any case; empty means invited)
 *   bio: Bio, Biography; notes: Notes, Comments, Remarks
 * "Title" alone is ambiguous: it is the honorific when every value in it is
 * one (Dr, Ms, Prof., H.E. ...) or when another column holds the job
 * title, and the job title otherwise. "Role" is not imported: a role is
 * given when a person is assigned. Unknown columns are reported as notices
 * and skipped. Where several columns give the same field (Phone and
 * Mobile), each row takes the first of them that is filled in, with a
 * notice. Rows that are entirely empty are skipped.
 *
 * Import is all or nothing: if any row has no name, an unknown status, text
 * that is not UTF-8, a value over CONVENE_MAX_TEXT_BYTES, more values than
 * the header has columns, or broken quoting, the error lists the bad rows by
 * the line each starts on (the header is line 1) and no one is imported.
 * A file over CONVENE_CSV_MAX_BYTES or with more than CONVENE_CSV_MAX_PEOPLE
 * people is refused with its size in the message, and only regular files
 * are opened (a pipe or a device would block or never end).
 *
 * Reading keeps one record at a time, and of it only the columns that are
 * imported, so memory follows what the file says, not how many empty
 * fields it has; notices about columns are one per kind ("Columns 12–16384
 * have no name and were skipped"), however many columns there are.
 *
 * Reading needs no project: convene_csv_read_people() can run in a worker
 * thread (with progress and a GCancellable) while the window goes on, and
 * convene_csv_people_make_speakers() then takes the ids on the main thread.
 *
 * Writing: UTF-8 with a byte order mark (so spreadsheet programs read
 * accents right), CRLF line ends, the fixed header
 * Honorific,Name,Job title,Organisation,Email,Phone,Status,Bio,Notes, the
 * status as its stable nick, fields quoted when they hold a comma, a quote,
 * a line break or leading or trailing spaces.
 *
 * Formula injection: a spreadsheet runs a cell starting with = + - @, a tab
 * or a carriage return as a formula ("-2-3" shows -5, "+41 22 791 21 11"
 * an error), so such a value is written with a leading apostrophe ('=A1),
 * which spreadsheets show as text. Only a plain negative number ("-5",
 * "-0.25": a minus, digits, at most one decimal point with digits after
 * it) is read by a spreadsheet as the very text it is, and is written as
 * it is. A value that already starts with apostrophes followed by one of
 * those characters gets one more, and the reader removes one apostrophe
 * before such a character, so export then import gives back exactly the
 * same roster. */
#pragma once

#include <gio/gio.h>
#include "convene-project.h"

G_BEGIN_DECLS

#define CONVENE_CSV_ERROR (convene_csv_error_quark ())

typedef enum {
  CONVENE_CSV_ERROR_ENCODING,         /* the file is UTF-16 or UTF-32, not UTF-8 */
  CONVENE_CSV_ERROR_EMPTY,            /* no header row, or no one below it */
  CONVENE_CSV_ERROR_NO_NAME_COLUMN,   /* no column the names could come from */
  CONVENE_CSV_ERROR_BAD_ROWS,         /* some rows are wrong; the message lists them by line */
  CONVENE_CSV_ERROR_NOT_A_FILE,       /* a pipe, a device or a socket, not a regular file */
  CONVENE_CSV_ERROR_TOO_BIG,          /* over CONVENE_CSV_MAX_BYTES */
  CONVENE_CSV_ERROR_TOO_MANY_PEOPLE,  /* over CONVENE_CSV_MAX_PEOPLE */
} ConveneCsvError;

GQuark     convene_csv_error_quark (void);

#define CONVENE_CSV_HEADER "Honorific,Name,Job title,Organisation,Email,Phone,Status,Bio,Notes"

/* The largest file read: 64 MB (decimal, as file managers show sizes), room
 * for 100,000 people with a paragraph of biography each. */
#define CONVENE_CSV_MAX_BYTES  (64 * 1000 * 1000)
/* The most people one file brings in: each costs memory in the project and
 * the window however few bytes its row has. */
#define CONVENE_CSV_MAX_PEOPLE 100000

/* People read from CSV and checked, not yet part of any project. */
typedef struct _ConveneCsvPeople ConveneCsvPeople;

/* Called now and then from the thread that reads, with the share done
 * (0 to 1). */
typedef void (*ConveneCsvProgressFunc) (double fraction, gpointer user_data);

/* Reads and checks people from CSV text, or NULL with error (G_IO_ERROR_CANCELLED
 * when cancellable was cancelled). Touches no project: safe in any thread. */
ConveneCsvPeople   *convene_csv_read_people      (const char *data, gssize length,
                                                  GCancellable *cancellable,
                                                  ConveneCsvProgressFunc progress,
                                                  gpointer progress_data, GError **error);
/* The same from a file, which must be a regular file; error messages name it. */
ConveneCsvPeople   *convene_csv_read_people_file (GFile *file, GCancellable *cancellable,
                                                  ConveneCsvProgressFunc progress,
                                                  gpointer progress_data, GError **error);
guint               convene_csv_people_get_count   (ConveneCsvPeople *self);
/* Translated sentences about columns that were skipped or read one way
 * rather than another; NULL-terminated, possibly empty. */
const char * const *convene_csv_people_get_notices (ConveneCsvPeople *self);
/* New ConveneSpeaker for each person, in the file's order, with fresh ids
 * from project, ready for convene_edit_add_speakers(). Main thread. */
GPtrArray          *convene_csv_people_make_speakers (ConveneCsvPeople *self,
                                                      ConveneProject   *project);
void                convene_csv_people_free        (ConveneCsvPeople *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneCsvPeople, convene_csv_people_free)

/* Both steps at once, for callers that need no thread. On success returns
 * a new GPtrArray of new ConveneSpeaker (owned by the array) with fresh ids
 * from project (ids are taken only on success), ready for
 * convene_edit_add_speakers(); the project itself is not changed. notices
 * (optional) receives the notices as a NULL-terminated array (free with
 * g_strfreev); it is set to NULL on error. */
GPtrArray *convene_csv_import_people      (ConveneProject *project, const char *data,
                                           gssize length, char ***notices, GError **error);
/* The same from a file; error messages name the file. */
GPtrArray *convene_csv_import_people_file (ConveneProject *project, GFile *file,
                                           char ***notices, GError **error);

/* The roster in its order as CSV; length (optional) receives the byte count. */
char      *convene_csv_export_people      (ConveneProject *project, gsize *length);
/* Written beside file and renamed over it, so a failure leaves no half file. */
gboolean   convene_csv_export_people_to_file (ConveneProject *project, GFile *file,
                                              GError **error);

/* Appends value to out as one CSV field, as the roster is written: quoted
 * when it must be, and guarded with an apostrophe when a spreadsheet would
 * run it as a formula. For the other spreadsheets Convene writes. */
void       convene_csv_append_value       (GString *out, const char *value);

G_END_DECLS
