/* convene-exchange.h: "Export Programme" in the window: the schedule for
 * conference apps (XML or JSON), the calendar (iCalendar) and the programme
 * as a spreadsheet (CSV), each through the file chooser; one person's own
 * calendar from their page; and "Import Schedule…". Results and errors are
 * toasts. */
#pragma once

#include <gtk/gtk.h>

#include "convene-document.h"
#include "convene-project.h"

G_BEGIN_DECLS

/* format: "schedule-xml", "schedule-json", "ical" or "csv" (the window's
 * win.export-programme parameter). widget: a widget under the window's
 * toast overlay (the project view, a person's page): the toasts go there,
 * and the chooser is modal to its window. */
void convene_exchange_export         (GtkWidget      *widget,
                                      ConveneProject *project,
                                      const char     *format);
/* One person's calendar of appearances. */
void convene_exchange_export_person  (GtkWidget      *widget,
                                      ConveneProject *project,
                                      ConveneSpeaker *speaker);

/* "Import Schedule…": a schedule XML file from frab, pretalx or Indico
 * chosen in the file chooser goes into document as one undoable step (see
 * convene-schedule-import.h); a toast with Undo says what it did, or why
 * nothing was imported. */
void convene_exchange_import_schedule (GtkWidget       *widget,
                                       ConveneDocument *document);
/* The same without the chooser. */
void convene_exchange_import_schedule_file (GtkWidget       *widget,
                                            ConveneDocument *document,
                                            GFile           *file);

G_END_DECLS
