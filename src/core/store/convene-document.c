#define G_LOG_DOMAIN "convene-document"
#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "convene-document-private.h"
#include "convene-warnings.h"

struct _ConveneDocument
{
  GObject         parent_instance;

  ConveneProject *project;
  ConveneStore   *store;
  ConveneHistory *history;
  /* Derived data, computed when first asked for after a change and shared
   * by every view: ConveneSession* (owned) -> ConveneSchedule* (owned). */
  GHashTable     *schedules;
  /* Who is where, built when first asked for after a change of people:
   * speaker id -> ConveneSpeaker*, and segment or session id -> GPtrArray
   * of ConveneAssignment* (all borrowed from the model). */
  GHashTable     *speakers_by_id;
  GHashTable     *on_segment;
  GHashTable     *on_session;
  GPtrArray      *nobody;
  /* The whole project's warnings, in 24-hour [0] and 12-hour [1] wording. */
  GPtrArray      *warnings[2];
  /* One session's warnings by session id, in each wording: what the shown
   * session needs, without wording every other session's. */
  GHashTable     *session_warnings[2];
  /* View settings set while the project is open (key -> value, owned):
   * what the views read back even when the file could not take them. */
  GHashTable     *view_settings;
};

G_DEFINE_FINAL_TYPE (ConveneDocument, convene_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FILE,
  PROP_HISTORY,
  PROP_READ_ONLY,
  PROP_READ_ONLY_REASON,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
drop_people_index (ConveneDocument *self)
{
  g_clear_pointer (&self->speakers_by_id, g_hash_table_unref);
  g_clear_pointer (&self->on_segment, g_hash_table_unref);
  g_clear_pointer (&self->on_session, g_hash_table_unref);
}

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static void
build_people_index (ConveneDocument *self)
{
  GListModel *speakers = G_LIST_MODEL (convene_project_get_speakers (self->project));
  GListModel *assignments = G_LIST_MODEL (convene_project_get_assignments (self->project));
  guint n;

  if (self->speakers_by_id != NULL)
    return;

  self->speakers_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->on_segment = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  self->on_session = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);

  n = g_list_model_get_n_items (speakers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (speakers, i);

      g_hash_table_insert (self->speakers_by_id, id_key (convene_speaker_get_id (speaker)), speaker);
    }

  n = g_list_model_get_n_items (assignments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneAssignment) assignment = g_list_model_get_item (assignments, i);
      gint64 segment_id = convene_assignment_get_segment_id (assignment);
      GHashTable *table = segment_id != 0 ? self->on_segment : self->on_session;
      gint64 target = segment_id != 0 ? segment_id : convene_assignment_get_session_id (assignment);
      GPtrArray *list = g_hash_table_lookup (table, &target);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (table, id_key (target), list);
        }
      g_ptr_array_add (list, assignment);
    }
}

static void
drop_warnings (ConveneDocument *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->warnings); i++)
    {
      g_clear_pointer (&self->warnings[i], g_ptr_array_unref);
      g_clear_pointer (&self->session_warnings[i], g_hash_table_unref);
    }
}

/* Drops the derived data the change made stale, then tells the views. */
static void
announce (ConveneDocument *self,
          ConveneChanges  *changes)
{
  if (convene_changes_is_empty (changes))
    return;

  if (convene_changes_has (changes, CONVENE_CHANGE_SPEAKERS | CONVENE_CHANGE_ASSIGNMENTS))
    drop_people_index (self);
  /* Warnings follow from people, places and times, not from the checklist. */
  if (convene_changes_has (changes, ~(CONVENE_CHANGE_OUTCOMES | CONVENE_CHANGE_OUTCOME_LINKS)))
    drop_warnings (self);

  if (convene_changes_has (changes, CONVENE_CHANGE_PROJECT) ||
      (convene_changes_has (changes, CONVENE_CHANGE_SESSIONS) && convene_changes_contains (changes, self->project)))
    {
      /* The time zone, or which sessions there are (the project owns
       * that list; it also owns the people's, which move no times). */
      g_hash_table_remove_all (self->schedules);
    }
  else
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->schedules);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (convene_changes_touches_session (changes, key))
          g_hash_table_iter_remove (&iter);
    }

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, changes);
}

static void
on_history_notify (GObject    *history,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  ConveneDocument *self = user_data;

  /* The history notifies only on real changes, so the mirrors do too. */
  if (g_str_equal (pspec->name, "can-undo"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  else if (g_str_equal (pspec->name, "can-redo"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static ConveneDocument *
document_new (ConveneStore   *store,
              ConveneProject *project)
{
  ConveneDocument *self = g_object_new (CONVENE_TYPE_DOCUMENT, NULL);

  self->store = g_object_ref (store);
  self->project = g_object_ref (project);
  self->history = convene_history_new ();
  g_signal_connect_object (self->history, "notify", G_CALLBACK (on_history_notify), self, 0);

  convene_store_attach (store, project);
  return self;
}

ConveneDocument *
convene_document_open (GFile             *file,
                       ConveneStoreMode   mode,
                       GError           **error)
{
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(ConveneProject) project = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = convene_store_open (file, mode, error);
  if (store == NULL)
    return NULL;

  project = convene_store_load (store, error);
  if (project == NULL)
    return NULL;

  return document_new (store, project);
}

ConveneDocument *
convene_document_create (GFile           *file,
                         ConveneProject  *project,
                         GError         **error)
{
  g_autoptr(ConveneProject) owned = NULL;
  g_autoptr(ConveneStore) store = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (project == NULL || CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  owned = project != NULL ? g_object_ref (project) : convene_project_new ();

  store = convene_store_create (file, owned, error);
  if (store == NULL)
    return NULL;

  return document_new (store, owned);
}

ConveneProject *
convene_document_get_project (ConveneDocument *self)
{
  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), NULL);

  return self->project;
}

GFile *
convene_document_get_file (ConveneDocument *self)
{
  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), NULL);

  return convene_store_get_file (self->store);
}

ConveneStore *
convene_document_get_store (ConveneDocument *self)
{
  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), NULL);

  return self->store;
}

ConveneHistory *
convene_document_get_history (ConveneDocument *self)
{
  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), NULL);

  return self->history;
}

const char * const *
convene_document_get_load_notices (ConveneDocument *self)
{
  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), NULL);

  return convene_store_get_load_notices (self->store);
}

gboolean
convene_document_get_read_only (ConveneDocument *self)
{
  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), TRUE);

  return convene_store_is_read_only (self->store);
}

const char *
convene_document_get_read_only_reason (ConveneDocument *self)
{
  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), NULL);

  return convene_store_get_read_only_reason (self->store);
}

static void
notify_read_only (ConveneDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY_REASON]);
}

/* A refused write may be the store finding its file gone: it is read-only
 * from then on, and the views hear so. */
static gboolean
refused (ConveneDocument *self,
         gboolean         was_read_only)
{
  if (!was_read_only && convene_store_is_read_only (self->store))
    notify_read_only (self);
  return FALSE;
}

/* Applies (forward) or reverts a command inside one transaction. If the file
 * refuses it, the opposite undoes the model change, so model and file agree
 * again, and the changes that undoing collected are dropped: the file never
 * saw them. */
static gboolean
run_in_transaction (ConveneDocument  *self,
                    ConveneCommand   *command,
                    gboolean          forward,
                    ConveneChanges  **out_changes,
                    GError          **error)
{
  gboolean was_read_only = convene_store_is_read_only (self->store);

  if (!convene_store_begin (self->store, error))
    return refused (self, was_read_only);

  if (forward)
    convene_command_apply (command);
  else
    convene_command_revert (command);

  if (!convene_store_commit (self->store, error))
    {
      if (forward)
        convene_command_revert (command);
      else
        convene_command_apply (command);
      convene_store_rollback (self->store);
      return refused (self, was_read_only);
    }

  if (out_changes != NULL)
    *out_changes = convene_store_take_changes (self->store);
  return TRUE;
}

gboolean
convene_document_perform (ConveneDocument  *self,
                          ConveneCommand   *command,
                          GError          **error)
{
  g_autoptr(ConveneCommand) owned = command;
  g_autoptr(ConveneChanges) changes = NULL;

  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (owned == NULL || CONVENE_IS_COMMAND (owned), FALSE);

  /* The edit that should have built the command failed and said why. */
  if (owned == NULL)
    return FALSE;

  if (!run_in_transaction (self, owned, TRUE, &changes, error))
    return FALSE;

  convene_history_push (self->history, owned);
  announce (self, changes);
  return TRUE;
}

gboolean
convene_document_undo (ConveneDocument  *self,
                       GError          **error)
{
  g_autoptr(ConveneChanges) changes = NULL;
  ConveneCommand *command;

  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), FALSE);

  command = convene_history_peek_undo (self->history);
  if (command == NULL)
    return TRUE;

  if (!run_in_transaction (self, command, FALSE, &changes, error))
    return FALSE;

  convene_history_did_undo (self->history);
  announce (self, changes);
  return TRUE;
}

gboolean
convene_document_redo (ConveneDocument  *self,
                       GError          **error)
{
  g_autoptr(ConveneChanges) changes = NULL;
  ConveneCommand *command;

  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), FALSE);

  command = convene_history_peek_redo (self->history);
  if (command == NULL)
    return TRUE;

  if (!run_in_transaction (self, command, TRUE, &changes, error))
    return FALSE;

  convene_history_did_redo (self->history);
  announce (self, changes);
  return TRUE;
}

ConveneSchedule *
convene_document_get_schedule (ConveneDocument *self,
                               ConveneSession  *session)
{
  ConveneSchedule *schedule;

  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);

  schedule = g_hash_table_lookup (self->schedules, session);
  if (schedule == NULL)
    {
      g_autoptr(GTimeZone) tz = convene_project_dup_gtime_zone (self->project);

      schedule = convene_schedule_compute (session, tz);
      g_hash_table_insert (self->schedules, g_object_ref (session), schedule);
    }
  return schedule;
}

/* The warnings take the schedules this document keeps: an edit in one
 * session of a hundred works out one schedule again, not a hundred. */
static ConveneSchedule *
lookup_schedule (ConveneSession *session,
                 gpointer        data)
{
  return convene_document_get_schedule (data, session);
}

GPtrArray *
convene_document_get_warnings (ConveneDocument *self,
                               gboolean         use_12h)
{
  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), NULL);

  use_12h = !!use_12h;
  if (self->warnings[use_12h] == NULL)
    self->warnings[use_12h] = convene_warnings_for_project_with (self->project, use_12h, lookup_schedule, self);
  return self->warnings[use_12h];
}

GPtrArray *
convene_document_get_session_warnings (ConveneDocument *self,
                                       ConveneSession  *session,
                                       gboolean         use_12h)
{
  GPtrArray *warnings;
  gint64 id;

  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);

  use_12h = !!use_12h;
  id = convene_session_get_id (session);
  if (self->session_warnings[use_12h] == NULL)
    self->session_warnings[use_12h] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                             (GDestroyNotify) g_ptr_array_unref);
  warnings = g_hash_table_lookup (self->session_warnings[use_12h], &id);
  if (warnings == NULL)
    {
      /* The same warnings either way; narrowing the whole project's is
       * cheaper when they exist already. */
      if (self->warnings[use_12h] != NULL)
        warnings = convene_warnings_filter (self->warnings[use_12h], id, 0, 0);
      else
        warnings = convene_warnings_for_session_with (self->project, session, use_12h, lookup_schedule, self);
      g_hash_table_insert (self->session_warnings[use_12h], g_memdup2 (&id, sizeof id), warnings);
    }
  return warnings;
}

void
convene_document_prepare (ConveneDocument *self,
                          gboolean         use_12h)
{
  g_autoptr(ConveneSession) first = NULL;

  g_return_if_fail (CONVENE_IS_DOCUMENT (self));

  build_people_index (self);
  first = g_list_model_get_item (G_LIST_MODEL (convene_project_get_sessions (self->project)), 0);
  if (first != NULL)
    convene_document_get_session_warnings (self, first, use_12h);
}

ConveneSpeaker *
convene_document_find_speaker (ConveneDocument *self,
                               gint64           id)
{
  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), NULL);

  build_people_index (self);
  return g_hash_table_lookup (self->speakers_by_id, &id);
}

GPtrArray *
convene_document_get_assignments_on (ConveneDocument *self,
                                     gint64           segment_id,
                                     gint64           session_id)
{
  GPtrArray *list;

  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail ((segment_id != 0) != (session_id != 0), NULL);

  build_people_index (self);
  list = segment_id != 0 ? g_hash_table_lookup (self->on_segment, &segment_id)
                         : g_hash_table_lookup (self->on_session, &session_id);
  return list != NULL ? list : self->nobody;
}

gboolean
convene_document_save_copy (ConveneDocument  *self,
                            GFile            *dest,
                            GError          **error)
{
  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), FALSE);

  return convene_store_save_copy (self->store, dest, error);
}

ConveneStoreFileState
convene_document_check_file (ConveneDocument *self)
{
  gboolean was_read_only;
  ConveneStoreFileState state;

  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), CONVENE_STORE_FILE_IN_PLACE);

  was_read_only = convene_store_is_read_only (self->store);
  state = convene_store_check_file (self->store);
  refused (self, was_read_only);
  return state;
}

ConveneStoreFileState
convene_document_get_file_state (ConveneDocument *self)
{
  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), CONVENE_STORE_FILE_IN_PLACE);

  return convene_store_get_file_state (self->store);
}

char *
convene_document_dup_view_setting (ConveneDocument *self,
                                   const char      *key)
{
  const char *set;

  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  set = g_hash_table_lookup (self->view_settings, key);
  if (set != NULL)
    return g_strdup (set);
  return convene_store_dup_view_setting (self->store, key);
}

gboolean
convene_document_set_view_setting (ConveneDocument  *self,
                                   const char       *key,
                                   const char       *value,
                                   GError          **error)
{
  gboolean was_read_only;

  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_hash_table_replace (self->view_settings, g_strdup (key), g_strdup (value));
  was_read_only = convene_store_is_read_only (self->store);
  if (was_read_only)
    return TRUE;
  if (!convene_store_set_view_setting (self->store, key, value, error))
    return refused (self, was_read_only);
  return TRUE;
}

gboolean
convene_document_save_as (ConveneDocument  *self,
                          GFile            *dest,
                          GError          **error)
{
  g_autoptr(ConveneStore) store = NULL;

  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!convene_store_save_copy (self->store, dest, error))
    return FALSE;

  /* The old store lets go first: while it is open, nothing else in this
   * process may open the file it holds, and the copy may have taken the
   * name it had. The copy holds exactly the model, so it is not read
   * again; the model and its history carry on, written to the copy. */
  convene_store_close (self->store);
  store = convene_store_open (dest, CONVENE_STORE_READ_WRITE, error);
  if (store == NULL)
    {
      /* The copy is whole; only going on in it failed. */
      notify_read_only (self);
      return FALSE;
    }

  g_set_object (&self->store, store);
  convene_store_attach (self->store, self->project);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  notify_read_only (self);
  return TRUE;
}

/* Opens path's store and goes on in it, as save_as does after its copy. */
static gboolean
go_on_in (ConveneDocument  *self,
          GFile            *file,
          GError          **error)
{
  g_autoptr(ConveneStore) store = convene_store_open (file, CONVENE_STORE_READ_WRITE, error);

  if (store == NULL)
    return FALSE;
  g_set_object (&self->store, store);
  convene_store_attach (self->store, self->project);
  return TRUE;
}

gboolean
convene_document_rename (ConveneDocument  *self,
                         GFile            *dest,
                         GError          **error)
{
  g_autoptr(GFile) old_file = NULL;
  g_autofree char *old_path = NULL;
  g_autofree char *dest_path = NULL;
  g_autofree char *old_wal = NULL;
  g_autofree char *dest_name = NULL;
  GError *open_error = NULL;
  int saved_errno;

  g_return_val_if_fail (CONVENE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old_file = g_object_ref (convene_store_get_file (self->store));
  old_path = g_file_get_path (old_file);
  dest_path = g_file_get_path (dest);
  dest_name = g_file_get_basename (dest);
  if (convene_document_check_file (self) != CONVENE_STORE_FILE_IN_PLACE ||
      convene_store_is_read_only (self->store) || old_path == NULL || dest_path == NULL)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_READ_ONLY,
                   _("The project cannot be renamed to “%s” now."), dest_name);
      return FALSE;
    }

  /* Closed, the file is whole (SQLite moved the -wal into it): renaming it
   * then is renaming any file. A -wal still there means another connection
   * of this process holds it, which a rename would strand. */
  convene_store_close (self->store);
  old_wal = g_strconcat (old_path, "-wal", NULL);
  if (g_file_test (old_wal, G_FILE_TEST_EXISTS))
    saved_errno = EBUSY;
  /* link() never replaces a file that is there: no project is overwritten,
   * even one that appeared a moment ago. */
  else if (link (old_path, dest_path) != 0)
    saved_errno = errno;
  else if (g_unlink (old_path) != 0)
    {
      saved_errno = errno;
      g_unlink (dest_path);
    }
  else
    saved_errno = 0;

  if (saved_errno == 0 && go_on_in (self, dest, &open_error))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      notify_read_only (self);
      return TRUE;
    }

  /* Back to the old name, where the project goes on as before. */
  if (saved_errno == 0 && link (dest_path, old_path) == 0)
    g_unlink (dest_path);
  if (!go_on_in (self, old_file, NULL))
    notify_read_only (self);

  if (open_error != NULL)
    g_propagate_error (error, open_error);
  else if (saved_errno == EEXIST)
    g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_EXISTS,
                 _("There is already a file called “%s”."), dest_name);
  else
    g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_FAILED,
                 _("The project could not be renamed to “%s”: %s."), dest_name,
                 g_strerror (saved_errno));
  return FALSE;
}

void
convene_document_close (ConveneDocument *self)
{
  gboolean was_read_only;

  g_return_if_fail (CONVENE_IS_DOCUMENT (self));

  was_read_only = convene_store_is_read_only (self->store);
  convene_store_close (self->store);

  if (!was_read_only)
    notify_read_only (self);
}

static void
convene_document_dispose (GObject *object)
{
  ConveneDocument *self = CONVENE_DOCUMENT (object);

  if (self->store != NULL)
    convene_store_close (self->store);

  G_OBJECT_CLASS (convene_document_parent_class)->dispose (object);
}

static void
convene_document_finalize (GObject *object)
{
  ConveneDocument *self = CONVENE_DOCUMENT (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->schedules, g_hash_table_unref);
  drop_people_index (self);
  g_clear_pointer (&self->nobody, g_ptr_array_unref);
  g_clear_pointer (&self->view_settings, g_hash_table_unref);
  drop_warnings (self);
  g_clear_object (&self->history);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (convene_document_parent_class)->finalize (object);
}

static void
convene_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ConveneDocument *self = CONVENE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_FILE:
      g_value_set_object (value, convene_document_get_file (self));
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, convene_document_get_read_only (self));
      break;
    case PROP_READ_ONLY_REASON:
      g_value_set_string (value, convene_document_get_read_only_reason (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, convene_history_get_can_undo (self->history));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, convene_history_get_can_redo (self->history));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_document_class_init (ConveneDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = convene_document_dispose;
  object_class->finalize = convene_document_finalize;
  object_class->get_property = convene_document_get_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, CONVENE_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, CONVENE_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_READ_ONLY_REASON] =
    g_param_spec_string ("read-only-reason", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Once after every commit, undo and redo that changed something: the one
   * change feed every view of the document listens to. */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CONVENE_TYPE_CHANGES | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
convene_document_init (ConveneDocument *self)
{
  self->schedules = g_hash_table_new_full (NULL, NULL, g_object_unref,
                                           (GDestroyNotify) convene_schedule_unref);
  self->nobody = g_ptr_array_new ();
  self->view_settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}
