/* convene-schedule-json.h: the same schedule as convene-schedule-xml.h, in
 * the JSON form frab and pretalx publish beside the XML (the c3voc schedule
 * JSON schema): the same days, rooms and events, with the same guids, ids,
 * slugs and panels as one event. Each event's url is "urn:uuid:" and its
 * guid: the format requires a URL, and a planner's programme has no web
 * page for each event. */
#pragma once

#include "convene-project.h"

G_BEGIN_DECLS

/* UTF-8, indented by two spaces, ending in a newline. Fails with
 * CONVENE_EXPORT_ERROR when no session has a date. */
GBytes *convene_schedule_json_export (ConveneProject *project, GError **error);

G_END_DECLS
