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
 *
 * Writing: UTF-8 with a byte order mark (so spreadsheet programs read
 * accents right), CRLF line ends, the fixed header
 * Honorific,Name,Job title,Organisation,Email,Phone,Status,Bio,Notes, the
 * status as its stable nick, fields quoted when they hold a comma, a quote,
 * a line break or leading or trailing spaces.
 *
 * Formula injection: a spreadsheet runs a cell starting with = + - or @ as
 * a formula, so such a value is written with a leading apostrophe ('=A1),
 * which spreadsheets show as text. Numbers such as phone numbers
 * ("+41 22 791 21 11", "-5": only digits, spaces and ( ) . / -) cannot call
 * anything and are written as they are. A value that already starts with
 * apostrophes followed by one of those characters gets one more, and the
 * reader removes one apostrophe before such a character, so export then
 * import gives back exactly the same roster. */
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
} ConveneCsvError;

GQuark     convene_csv_error_quark (void);

#define CONVENE_CSV_HEADER "Honorific,Name,Job title,Organisation,Email,Phone,Status,Bio,Notes"

/* Reads people from CSV text. On success returns a new GPtrArray of new
 * ConveneSpeaker (owned by the array) with fresh ids from project (ids are
 * taken only on success), ready for convene_edit_add_speakers(); the project
 * itself is not changed. notices (optional) receives a NULL-terminated array
 * of translated sentences about columns that were skipped or read one way
 * rather than another (free with g_strfreev); it is set to NULL on error. */
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

G_END_DECLS
