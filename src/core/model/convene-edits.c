#define G_LOG_DOMAIN "convene-model"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-edits.h"
#include "convene-limits.h"
#include "convene-validate.h"

static gboolean
find_in_store (GListStore *store,
               gpointer    item,
               guint      *position)
{
  return g_list_store_find (store, item, position);
}

typedef gboolean (*ItemMatch) (gpointer item, gpointer data);

/* Appends to group a removal of every item of store matching, highest
 * position first, so each removal's position is still right when it runs and
 * revert re-inserts them lowest first. */
static void
remove_where (ConveneCommand *group,
              GListStore     *store,
              ItemMatch       matches,
              gpointer        data)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i - 1);

      if (matches (item, data))
        convene_command_group_add (group,
                                   convene_command_remove_new (convene_command_get_label (group),
                                                               store, i - 1));
    }
}

static void
remove_assignments_where (ConveneCommand *group,
                          ConveneProject *project,
                          ItemMatch       matches,
                          gpointer        data)
{
  remove_where (group, convene_project_get_assignments (project), matches, data);
}

static void
remove_links_where (ConveneCommand *group,
                    ConveneProject *project,
                    ItemMatch       matches,
                    gpointer        data)
{
  remove_where (group, convene_project_get_outcome_links (project), matches, data);
}

static gboolean
id_in_array (GArray *ids,
             gint64  id)
{
  if (id == 0)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static gboolean
assignment_on_segments (gpointer item,
                        gpointer data)
{
  return id_in_array (data, convene_assignment_get_segment_id (item));
}

typedef struct
{
  gint64 session_id;
  GArray *segment_ids;
  GArray *outcome_ids;
} SessionMatch;

static gboolean
assignment_on_session (gpointer item,
                       gpointer data)
{
  SessionMatch *match = data;

  return convene_assignment_get_session_id (item) == match->session_id ||
         id_in_array (match->segment_ids, convene_assignment_get_segment_id (item));
}

static gboolean
assignment_of_speaker (gpointer item,
                       gpointer data)
{
  return convene_assignment_get_speaker_id (item) == *(gint64 *) data;
}

static gboolean
link_on_segments (gpointer item,
                  gpointer data)
{
  return id_in_array (data, convene_outcome_link_get_segment_id (item));
}

static gboolean
link_of_outcome (gpointer item,
                 gpointer data)
{
  return convene_outcome_link_get_outcome_id (item) == *(gint64 *) data;
}

/* Links of the session's outcomes or to its segments: either end going
 * takes the link with it. */
static gboolean
link_on_session (gpointer item,
                 gpointer data)
{
  SessionMatch *match = data;

  return id_in_array (match->segment_ids, convene_outcome_link_get_segment_id (item)) ||
         id_in_array (match->outcome_ids, convene_outcome_link_get_outcome_id (item));
}

static void
collect_segment_ids (ConveneSegment *segment,
                     GArray         *ids)
{
  GListModel *items = G_LIST_MODEL (convene_segment_get_items (segment));
  guint n = g_list_model_get_n_items (items);
  gint64 id = convene_segment_get_id (segment);

  g_array_append_val (ids, id);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSegment) item = g_list_model_get_item (items, i);

      collect_segment_ids (item, ids);
    }
}

static void
collect_session_segment_ids (ConveneSession *session,
                             GArray         *ids)
{
  GListModel *segments = G_LIST_MODEL (convene_session_get_segments (session));
  guint n = g_list_model_get_n_items (segments);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);

      collect_segment_ids (segment, ids);
    }
}

ConveneCommand *
convene_edit_add_session (ConveneProject *project,
                          ConveneSession *session,
                          guint           position)
{
  GListStore *sessions;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);

  sessions = convene_project_get_sessions (project);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (sessions)));
  return convene_command_insert_new (_("Add Session"), sessions, position, session);
}

ConveneCommand *
convene_edit_remove_session (ConveneProject *project,
                             ConveneSession *session)
{
  g_autoptr(ConveneCommand) group = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) outcome_ids = NULL;
  GListModel *outcomes;
  GListStore *sessions;
  SessionMatch match;
  guint position;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);

  sessions = convene_project_get_sessions (project);
  if (!find_in_store (sessions, session, &position))
    g_return_val_if_reached (NULL);

  group = convene_command_group_new (_("Delete Session"));

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  collect_session_segment_ids (session, ids);
  outcome_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  outcomes = G_LIST_MODEL (convene_session_get_outcomes (session));
  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);
      gint64 outcome_id = convene_outcome_get_id (outcome);

      g_array_append_val (outcome_ids, outcome_id);
    }
  match.session_id = convene_session_get_id (session);
  match.segment_ids = ids;
  match.outcome_ids = outcome_ids;
  remove_assignments_where (group, project, assignment_on_session, &match);
  remove_links_where (group, project, link_on_session, &match);

  convene_command_group_add (group, convene_command_remove_new (_("Delete Session"), sessions, position));
  return g_steal_pointer (&group);
}

/* Where a segment may go: items are one level deep, and only into kinds
 * made of several contributions. */
static gboolean
check_nesting (ConveneSession  *session,
               ConveneSegment  *segment,
               ConveneSegment  *parent,
               GError         **error)
{
  ConveneSegment *grandparent = NULL;
  ConveneSegmentKind kind;

  if (parent == NULL)
    return TRUE;

  if (parent == segment)
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING,
                           _("A segment cannot be placed inside itself."));
      return FALSE;
    }

  if (!convene_session_locate_segment (session, convene_segment_get_id (parent), NULL, NULL, &grandparent))
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND,
                           _("The segment to hold this one is not part of the session."));
      return FALSE;
    }

  if (grandparent != NULL)
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING,
                           _("An item cannot hold other items; place it in a segment at the top level instead."));
      return FALSE;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (segment))) > 0)
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING,
                           _("A segment that holds items cannot become an item itself; move its items out first."));
      return FALSE;
    }

  kind = convene_segment_get_kind (parent);
  if (!convene_segment_kind_holds_items (kind))
    {
      g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING,
                   _("A segment of the kind “%s” cannot hold items."),
                   convene_segment_kind_get_label (kind));
      return FALSE;
    }

  return TRUE;
}

ConveneCommand *
convene_edit_add_segment (ConveneProject  *project,
                          ConveneSession  *session,
                          ConveneSegment  *parent,
                          guint            position,
                          ConveneSegment  *segment,
                          GError         **error)
{
  GListStore *list;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);
  g_return_val_if_fail (parent == NULL || CONVENE_IS_SEGMENT (parent), NULL);
  g_return_val_if_fail (CONVENE_IS_SEGMENT (segment), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (convene_session_locate_segment (session, convene_segment_get_id (segment), NULL, NULL, NULL))
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING,
                           _("This segment is already part of the session."));
      return NULL;
    }

  if (!check_nesting (session, segment, parent, error))
    return NULL;

  list = parent != NULL ? convene_segment_get_items (parent) : convene_session_get_segments (session);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (list)));
  return convene_command_insert_new (parent != NULL ? _("Add Item") : _("Add Segment"),
                                     list, position, segment);
}

ConveneCommand *
convene_edit_remove_segment (ConveneProject *project,
                             ConveneSession *session,
                             ConveneSegment *segment)
{
  g_autoptr(ConveneCommand) group = NULL;
  g_autoptr(GArray) ids = NULL;
  GListStore *list;
  ConveneSegment *parent;
  const char *label;
  guint position;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);
  g_return_val_if_fail (CONVENE_IS_SEGMENT (segment), NULL);

  if (!convene_session_locate_segment (session, convene_segment_get_id (segment), &list, &position, &parent))
    g_return_val_if_reached (NULL);

  label = parent != NULL ? _("Delete Item") : _("Delete Segment");
  group = convene_command_group_new (label);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  collect_segment_ids (segment, ids);
  remove_assignments_where (group, project, assignment_on_segments, ids);

  /* Outcomes keep their text but lose the links to what is gone. */
  remove_links_where (group, project, link_on_segments, ids);

  convene_command_group_add (group, convene_command_remove_new (label, list, position));
  return g_steal_pointer (&group);
}

ConveneCommand *
convene_edit_move_segment (ConveneProject  *project,
                           ConveneSession  *session,
                           ConveneSegment  *segment,
                           ConveneSegment  *new_parent,
                           guint            position,
                           GError         **error)
{
  GListStore *from;
  GListStore *to;
  guint from_position;
  guint n_after;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);
  g_return_val_if_fail (CONVENE_IS_SEGMENT (segment), NULL);
  g_return_val_if_fail (new_parent == NULL || CONVENE_IS_SEGMENT (new_parent), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!convene_session_locate_segment (session, convene_segment_get_id (segment), &from, &from_position, NULL))
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND,
                           _("The segment to move is not part of the session."));
      return NULL;
    }

  if (!check_nesting (session, segment, new_parent, error))
    return NULL;

  to = new_parent != NULL ? convene_segment_get_items (new_parent) : convene_session_get_segments (session);
  n_after = g_list_model_get_n_items (G_LIST_MODEL (to));
  if (to == from)
    n_after--;
  position = MIN (position, n_after);

  return convene_command_move_new (_("Move Segment"), from, from_position, to, position);
}

ConveneCommand *
convene_edit_add_speaker (ConveneProject *project,
                          ConveneSpeaker *speaker,
                          guint           position)
{
  GListStore *speakers;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SPEAKER (speaker), NULL);

  speakers = convene_project_get_speakers (project);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (speakers)));
  /* Translators: the name of an undoable action, as in “Undo Add Person”. */
  return convene_command_insert_new (C_("command", "Add Person"), speakers, position, speaker);
}

ConveneCommand *
convene_edit_remove_speaker (ConveneProject *project,
                             ConveneSpeaker *speaker)
{
  g_autoptr(ConveneCommand) group = NULL;
  GListStore *speakers;
  GListModel *sessions;
  const char *label = _("Remove Person");
  gint64 speaker_id;
  guint position;
  guint n_sessions;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SPEAKER (speaker), NULL);

  speakers = convene_project_get_speakers (project);
  if (!find_in_store (speakers, speaker, &position))
    g_return_val_if_reached (NULL);

  group = convene_command_group_new (label);
  speaker_id = convene_speaker_get_id (speaker);
  remove_assignments_where (group, project, assignment_of_speaker, &speaker_id);

  sessions = G_LIST_MODEL (convene_project_get_sessions (project));
  n_sessions = g_list_model_get_n_items (sessions);
  for (guint s = 0; s < n_sessions; s++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (sessions, s);
      GListModel *outcomes = G_LIST_MODEL (convene_session_get_outcomes (session));
      guint n = g_list_model_get_n_items (outcomes);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ConveneOutcome) outcome = g_list_model_get_item (outcomes, i);

          if (speaker_id != 0 && convene_outcome_get_owner_id (outcome) == speaker_id)
            convene_command_group_add (group,
                                       convene_command_set_int_new (label, outcome, "owner-id", 0));
        }
    }

  convene_command_group_add (group, convene_command_remove_new (label, speakers, position));
  return g_steal_pointer (&group);
}

ConveneCommand *
convene_edit_add_assignment (ConveneProject    *project,
                             ConveneAssignment *assignment)
{
  GListStore *assignments;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_ASSIGNMENT (assignment), NULL);

  assignments = convene_project_get_assignments (project);
  return convene_command_insert_new (_("Assign Person"), assignments,
                                     g_list_model_get_n_items (G_LIST_MODEL (assignments)),
                                     assignment);
}

ConveneCommand *
convene_edit_remove_assignment (ConveneProject    *project,
                                ConveneAssignment *assignment)
{
  GListStore *assignments;
  guint position;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_ASSIGNMENT (assignment), NULL);

  assignments = convene_project_get_assignments (project);
  if (!find_in_store (assignments, assignment, &position))
    g_return_val_if_reached (NULL);

  return convene_command_remove_new (_("Unassign Person"), assignments, position);
}

ConveneCommand *
convene_edit_add_outcome (ConveneSession *session,
                          ConveneOutcome *outcome,
                          guint           position)
{
  GListStore *outcomes;

  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);
  g_return_val_if_fail (CONVENE_IS_OUTCOME (outcome), NULL);

  outcomes = convene_session_get_outcomes (session);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (outcomes)));
  return convene_command_insert_new (_("Add Outcome"), outcomes, position, outcome);
}

ConveneCommand *
convene_edit_remove_outcome (ConveneProject *project,
                             ConveneSession *session,
                             ConveneOutcome *outcome)
{
  g_autoptr(ConveneCommand) group = NULL;
  const char *label = _("Delete Outcome");
  GListStore *outcomes;
  gint64 outcome_id;
  guint position;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);
  g_return_val_if_fail (CONVENE_IS_OUTCOME (outcome), NULL);

  outcomes = convene_session_get_outcomes (session);
  if (!find_in_store (outcomes, outcome, &position))
    g_return_val_if_reached (NULL);

  group = convene_command_group_new (label);
  outcome_id = convene_outcome_get_id (outcome);
  remove_links_where (group, project, link_of_outcome, &outcome_id);
  convene_command_group_add (group, convene_command_remove_new (label, outcomes, position));
  return g_steal_pointer (&group);
}

/* The text properties a planner edits, with the words for messages and for
 * the Undo menu. */
typedef struct
{
  const char *property;
  const char *field;   /* for "%s is too long" */
  const char *label;   /* the command */
} TextField;

static const TextField text_fields[] = {
  { "title",        N_("the title"),            N_("Rename") },
  { "notes",        N_("the notes"),            N_("Edit Notes") },
  { "cues",         N_("the stage and AV cues"), N_("Edit Cues") },
  { "room",         N_("the room"),             N_("Change Room") },
  { "description",  N_("the description"),      N_("Edit Description") },
  { "organiser",    N_("the organiser"),        N_("Change Organiser") },
  { "venue",        N_("the venue"),            N_("Change Venue") },
  { "honorific",    N_("the honorific"),        N_("Change Honorific") },
  { "name",         N_("the name"),             N_("Rename Person") },
  { "job-title",    N_("the job title"),        N_("Change Job Title") },
  { "organisation", N_("the organisation"),     N_("Change Organisation") },
  { "email",        N_("the email address"),    N_("Change Email Address") },
  { "phone",        N_("the phone number"),     N_("Change Phone Number") },
  { "bio",          N_("the biography"),        N_("Edit Biography") },
  { "text",         N_("the text"),             N_("Edit Outcome") },
  { "result-note",  N_("the result note"),      N_("Edit Result Note") },
  { "date",         N_("the date"),             N_("Change Date") },
  { "due-date",     N_("the due date"),         N_("Change Due Date") },
  { "time-zone",    N_("the time zone"),        N_("Change Time Zone") },
};

static GParamSpec *
find_property (gpointer     object,
               const char  *property,
               GType        fundamental,
               GError     **error)
{
  GParamSpec *pspec = NULL;

  if (property != NULL)
    pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  if (pspec == NULL || !(pspec->flags & G_PARAM_WRITABLE) ||
      (pspec->flags & G_PARAM_CONSTRUCT_ONLY) ||
      (fundamental != G_TYPE_INVALID && G_TYPE_FUNDAMENTAL (pspec->value_type) != fundamental))
    {
      g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND,
                   _("A %s has no editable value called “%s”."),
                   G_OBJECT_TYPE_NAME (object), property != NULL ? property : "");
      return NULL;
    }

  return pspec;
}

ConveneCommand *
convene_edit_set_text (gpointer     object,
                       const char  *property,
                       const char  *value,
                       GError     **error)
{
  const TextField *field = NULL;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (find_property (object, property, G_TYPE_STRING, error) == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (g_str_equal (text_fields[i].property, property))
      field = &text_fields[i];

  if (field == NULL)
    {
      g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND,
                   _("A %s has no editable value called “%s”."),
                   G_OBJECT_TYPE_NAME (object), property);
      return NULL;
    }

  if (value == NULL)
    value = "";

  if (!convene_validate_text (value, -1, _(field->field), error))
    return NULL;

  if (g_str_equal (property, "date") && !convene_validate_date (value, error))
    return NULL;
  /* A follow-up may have no due date. */
  if (g_str_equal (property, "due-date") && *value != '\0' && !convene_validate_date (value, error))
    return NULL;
  if (g_str_equal (property, "time-zone") && !convene_validate_time_zone (value, error))
    return NULL;

  return convene_command_set_string_new (_(field->label), object, property, value);
}

static gboolean
validate_reference (gint64   value,
                    GError **error)
{
  if (value < 0)
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND,
                           _("This refers to something that does not exist."));
      return FALSE;
    }
  return TRUE;
}

/* A segment that holds items keeps to kinds made of several contributions:
 * a break holding talks would be saved and exported as something no reader
 * accepts. The planner moves the items out first. */
static gboolean
check_kind_holds_items (ConveneSegment      *segment,
                        ConveneSegmentKind   kind,
                        GError             **error)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (segment)));
  const char *title = convene_segment_get_title (segment);

  if (n_items == 0 || convene_segment_kind_holds_items (kind))
    return TRUE;

  g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING,
               /* Translators: the first %s is a segment's title, the second a kind such as “Break”. */
               ngettext ("“%s” holds %u item, and a segment of the kind “%s” cannot hold items. "
                         "Move the item out of it first.",
                         "“%s” holds %u items, and a segment of the kind “%s” cannot hold items. "
                         "Move the items out of it first.", n_items),
               *title != '\0' ? title : convene_segment_kind_get_label (convene_segment_get_kind (segment)),
               n_items, convene_segment_kind_get_label (kind));
  return FALSE;
}

ConveneCommand *
convene_edit_set_number (gpointer     object,
                         const char  *property,
                         gint64       value,
                         GError     **error)
{
  GParamSpec *pspec;
  const char *label = NULL;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pspec = find_property (object, property, G_TYPE_INVALID, error);
  if (pspec == NULL)
    return NULL;

  if (g_str_equal (property, "duration"))
    {
      if (!convene_validate_duration (value, error))
        return NULL;
      label = _("Change Length");
    }
  else if (g_str_equal (property, "slot-minutes"))
    {
      if (!convene_validate_slot (value, error))
        return NULL;
      label = _("Change Slot Length");
    }
  else if (g_str_equal (property, "min-length") && CONVENE_IS_SEGMENT (object))
    {
      if (!convene_validate_length_bounds (value, convene_segment_get_max_length (object), error))
        return NULL;
      label = value == 0 ? _("Remove Minimum Length") : _("Set Minimum Length");
    }
  else if (g_str_equal (property, "max-length") && CONVENE_IS_SEGMENT (object))
    {
      if (!convene_validate_length_bounds (convene_segment_get_min_length (object), value, error))
        return NULL;
      label = value == 0 ? _("Remove Maximum Length") : _("Set Maximum Length");
    }
  else if (g_str_equal (property, "locked"))
    {
      label = value ? _("Lock Length") : _("Unlock Length");
    }
  else if (g_str_equal (property, "fit-step"))
    {
      if (!convene_validate_fit_step (value, error))
        return NULL;
      label = _("Change Rounding Step");
    }
  else if (g_str_equal (property, "start-time"))
    {
      if (!convene_validate_time_of_day (value, error))
        return NULL;
      label = _("Change Start Time");
    }
  else if (g_str_equal (property, "fixed-start"))
    {
      if (value != CONVENE_NO_FIXED_START && !convene_validate_time_of_day (value, error))
        return NULL;
      label = value == CONVENE_NO_FIXED_START ? _("Unpin Start Time") : _("Pin Start Time");
    }
  else if (g_str_equal (property, "done"))
    {
      label = value ? _("Mark as Done") : _("Mark as Not Done");
    }
  else if (g_str_equal (property, "segment-id") || g_str_equal (property, "owner-id") ||
           g_str_equal (property, "speaker-id") || g_str_equal (property, "session-id"))
    {
      if (!validate_reference (value, error))
        return NULL;
      label = g_str_equal (property, "segment-id") ? _("Change Segment")
            : g_str_equal (property, "owner-id") ? _("Change Owner")
            : g_str_equal (property, "speaker-id") ? _("Change Person")
            : _("Change Session");
    }
  else if (G_TYPE_IS_ENUM (pspec->value_type))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (pspec->value_type);

      if (value < G_MININT || value > G_MAXINT || g_enum_get_value (enum_class, (int) value) == NULL)
        {
          g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND,
                               _("This choice is not one Convene knows."));
          return NULL;
        }

      if (g_str_equal (property, "kind") && CONVENE_IS_SEGMENT (object) &&
          !check_kind_holds_items (CONVENE_SEGMENT (object), (ConveneSegmentKind) value, error))
        return NULL;

      label = g_str_equal (property, "kind") ? _("Change Kind")
            : g_str_equal (property, "status") ? _("Change Status")
            : g_str_equal (property, "role") ? _("Change Role")
            : g_str_equal (property, "result") ? _("Record Result")
            : NULL;
    }

  if (label == NULL)
    {
      g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND,
                   _("A %s has no editable value called “%s”."),
                   G_OBJECT_TYPE_NAME (object), property);
      return NULL;
    }

  return convene_command_set_int_new (label, object, property, value);
}

ConveneCommand *
convene_edit_set_target (ConveneSegment  *segment,
                         gboolean         has_target,
                         guint            minutes,
                         GError         **error)
{
  ConveneSegmentKind kind;
  ConveneCommand *group;
  const char *label;

  g_return_val_if_fail (CONVENE_IS_SEGMENT (segment), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kind = convene_segment_get_kind (segment);
  if (!convene_segment_kind_holds_items (kind))
    {
      g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING,
                   /* Translators: %s is a segment kind, such as “Break”. */
                   _("A segment of the kind “%s” holds no items, so its length is all there is: "
                     "it has no target length."),
                   convene_segment_kind_get_label (kind));
      return NULL;
    }
  if (has_target && !convene_validate_duration (minutes, error))
    return NULL;

  label = has_target ? _("Set Target Length") : _("Remove Target Length");
  group = convene_command_group_new (label);
  convene_command_group_add (group, convene_command_set_int_new (label, segment, "has-target", !!has_target));
  if (has_target)
    convene_command_group_add (group, convene_command_set_int_new (label, segment, "duration", minutes));
  return group;
}

ConveneCommand *
convene_edit_add_speakers (ConveneProject  *project,
                           GPtrArray       *speakers,
                           guint            position,
                           GError         **error)
{
  g_autoptr(GHashTable) ids = NULL;
  GListStore *roster;
  guint n_roster;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (speakers != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (speakers->len == 0)
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND,
                           _("There is nobody to add."));
      return NULL;
    }

  roster = convene_project_get_speakers (project);
  n_roster = g_list_model_get_n_items (G_LIST_MODEL (roster));
  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < n_roster; i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (G_LIST_MODEL (roster), i);
      gint64 *id = g_new (gint64, 1);

      *id = convene_speaker_get_id (speaker);
      g_hash_table_add (ids, id);
    }

  for (guint i = 0; i < speakers->len; i++)
    {
      ConveneSpeaker *speaker = g_ptr_array_index (speakers, i);
      gint64 *id;

      g_return_val_if_fail (CONVENE_IS_SPEAKER (speaker), NULL);

      /* Ids come from convene_project_new_id(): a repeat is a caller's bug. */
      id = g_new (gint64, 1);
      *id = convene_speaker_get_id (speaker);
      if (!g_hash_table_add (ids, id))
        g_return_val_if_reached (NULL);
    }

  /* One splice: a roster of thousands from a spreadsheet is one change. */
  return convene_command_insert_many_new (ngettext ("Add Person", "Add People", speakers->len), roster,
                                          MIN (position, n_roster), speakers);
}

ConveneCommand *
convene_edit_set_assignment_role (ConveneAssignment  *assignment,
                                  ConveneRole         role,
                                  GError            **error)
{
  g_return_val_if_fail (CONVENE_IS_ASSIGNMENT (assignment), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return convene_edit_set_number (assignment, "role", role, error);
}

/* How a segment is named in a message: its title, or its kind when untitled. */
static const char *
segment_name (ConveneSegment *segment)
{
  const char *title = convene_segment_get_title (segment);

  return *title != '\0' ? title : convene_segment_kind_get_label (convene_segment_get_kind (segment));
}

/* The session holding outcome, or NULL with error set. */
static ConveneSession *
outcome_session (ConveneProject  *project,
                 ConveneOutcome  *outcome,
                 GError         **error)
{
  ConveneSession *session = NULL;

  if (convene_project_find_outcome (project, convene_outcome_get_id (outcome), &session) != outcome)
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND,
                           _("This item is not part of the project any more."));
      return NULL;
    }

  return session;
}

ConveneCommand *
convene_edit_link_outcome (ConveneProject  *project,
                           ConveneOutcome  *outcome,
                           ConveneSegment  *segment,
                           GError         **error)
{
  g_autoptr(ConveneOutcomeLink) link = NULL;
  ConveneSession *session;
  ConveneSession *segment_session = NULL;
  GListStore *links;
  gint64 segment_id;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_OUTCOME (outcome), NULL);
  g_return_val_if_fail (CONVENE_IS_SEGMENT (segment), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  session = outcome_session (project, outcome, error);
  if (session == NULL)
    return NULL;

  segment_id = convene_segment_get_id (segment);
  if (convene_project_find_segment (project, segment_id, &segment_session) != segment)
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND,
                           _("The segment to link is not part of the project any more."));
      return NULL;
    }

  /* A segment serves the aims of its own session; a link across sessions
   * would make one session's checklist depend on another's running order. */
  if (segment_session != session)
    {
      g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_LINK,
                   _("“%s” is part of another session; an item can only be linked to the segments of its own session."),
                   segment_name (segment));
      return NULL;
    }

  if (convene_project_find_outcome_link (project, convene_outcome_get_id (outcome), segment_id) != NULL)
    {
      g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_LINK,
                   _("This item is already linked to “%s”."), segment_name (segment));
      return NULL;
    }

  links = convene_project_get_outcome_links (project);
  link = convene_outcome_link_new (convene_project_new_id (project),
                                   convene_outcome_get_id (outcome), segment_id);
  return convene_command_insert_new (_("Link Segment"), links,
                                     g_list_model_get_n_items (G_LIST_MODEL (links)), link);
}

ConveneCommand *
convene_edit_unlink_outcome (ConveneProject  *project,
                             ConveneOutcome  *outcome,
                             ConveneSegment  *segment,
                             GError         **error)
{
  ConveneOutcomeLink *link;
  guint position;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CONVENE_IS_OUTCOME (outcome), NULL);
  g_return_val_if_fail (CONVENE_IS_SEGMENT (segment), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  link = convene_project_find_outcome_link (project, convene_outcome_get_id (outcome),
                                            convene_segment_get_id (segment));
  if (link == NULL || !find_in_store (convene_project_get_outcome_links (project), link, &position))
    {
      g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND,
                   _("This item is not linked to “%s”."), segment_name (segment));
      return NULL;
    }

  return convene_command_remove_new (_("Unlink Segment"), convene_project_get_outcome_links (project),
                                     position);
}

ConveneCommand *
convene_edit_move_outcome (ConveneSession  *session,
                           ConveneOutcome  *outcome,
                           guint            position,
                           GError         **error)
{
  GListStore *outcomes;
  guint from;

  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);
  g_return_val_if_fail (CONVENE_IS_OUTCOME (outcome), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  outcomes = convene_session_get_outcomes (session);
  if (!find_in_store (outcomes, outcome, &from))
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_NOT_FOUND,
                           _("The item to move is not part of the session."));
      return NULL;
    }

  /* Counted after the item is taken out: the last place is n - 1. */
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (outcomes)) - 1);
  return convene_command_move_new (_("Move Outcome"), outcomes, from, outcomes, position);
}

ConveneCommand *
convene_edit_set_outcome_result (ConveneOutcome        *outcome,
                                 ConveneOutcomeResult   result,
                                 const char            *note,
                                 GError               **error)
{
  g_autoptr(ConveneCommand) group = NULL;
  ConveneCommand *set_result;
  ConveneCommand *set_note;

  g_return_val_if_fail (CONVENE_IS_OUTCOME (outcome), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  set_result = convene_edit_set_number (outcome, "result", result, error);
  if (set_result == NULL)
    return NULL;
  group = convene_command_group_new (convene_command_get_label (set_result));
  convene_command_group_add (group, set_result);

  set_note = convene_edit_set_text (outcome, "result-note", note, error);
  if (set_note == NULL)
    return NULL;
  convene_command_group_add (group, set_note);

  /* The result is the one thing the planner sets on an expected outcome:
   * it counts as done (ticked on the run sheet) once assessed. */
  convene_command_group_add (group, convene_edit_set_outcome_done (outcome, result != CONVENE_OUTCOME_RESULT_NONE));

  return g_steal_pointer (&group);
}

ConveneCommand *
convene_edit_set_outcome_done (ConveneOutcome *outcome,
                               gboolean        done)
{
  g_return_val_if_fail (CONVENE_IS_OUTCOME (outcome), NULL);

  return convene_edit_set_number (outcome, "done", done ? TRUE : FALSE, NULL);
}
