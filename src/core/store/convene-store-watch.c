#define G_LOG_DOMAIN "convene-store"
#include "config.h"

#include <string.h>

#include "convene-model-watch.h"
#include "convene-store-private.h"

/* The watcher follows an attached project: every object's property changes
 * (through the model's one hook, convene-model-watch.h: a handler on each
 * object cost megabytes at 10,000 segments) and every list's items-changed. It keeps its own copy of each list's members (with a
 * reference), because items-changed says where items went but not which
 * ones: the copy tells which objects left, so they are no longer watched, and
 * keeps them alive until then. Objects that come back (undo) are watched
 * again like any new one. */

typedef struct _ListWatch ListWatch;
typedef struct _Watch Watch;

struct _ListWatch
{
  ConveneStoreWatcher *watcher;   /* borrowed */
  GListStore          *list;      /* owned */
  GObject             *owner;     /* borrowed: owner's Watch owns this ListWatch */
  ConveneStoreList     kind;
  gulong               handler;
  GPtrArray           *members;   /* owned references, in list order */
};

struct _Watch
{
  GObject   *object;       /* owned */
  guint      count;        /* how many lists hold it (1, or briefly 2 mid-move) */
  ListWatch *container;    /* borrowed; NULL for the project */
  ListWatch *lists[4];     /* owned: the lists this object owns */
  guint      n_lists;
  /* The position the file holds for it, or -1 if unknown: members of a
   * changed list whose position did not change need no rewrite. */
  gint64     saved_position;
};

/* A list whose membership or order changed since the last flush. */
typedef struct
{
  GListStore       *list;   /* owned */
  GObject          *owner;  /* owned */
  ConveneStoreList  kind;
} DirtyList;

struct _ConveneStoreWatcher
{
  ConveneProject *project;      /* owned */
  /* GObject* -> Watch* (owned); changed under the model watch lock, as
   * the hook may read it on another thread. */
  GHashTable     *watches;
  guint           hook;         /* convene_model_watch_add() */
  GHashTable     *dirty;        /* GObject* (owned ref) set */
  GHashTable     *dirty_lists;  /* GListStore* -> DirtyList* (owned) */
  GArray         *written;      /* Pending: written, waiting for COMMIT */
  ConveneChanges *changes;      /* what the last flush wrote, for the document */
};

/* One object to write. Parents are written before their children, so
 * foreign keys hold at each step (the transaction also defers them, for
 * links across sessions). */
typedef struct
{
  GObject   *object;     /* borrowed from the watch table */
  ListWatch *container;  /* borrowed; NULL for the project */
  guint      position;
  guint      rank;
} Pending;

static void watch_object   (ConveneStoreWatcher *watcher, GObject *object, ListWatch *container);
static void unwatch_object (ConveneStoreWatcher *watcher, GObject *object, ListWatch *container);
static void watch_free     (gpointer data);

static void
dirty_list_free (gpointer data)
{
  DirtyList *dirty = data;

  g_object_unref (dirty->list);
  g_object_unref (dirty->owner);
  g_free (dirty);
}

static void
mark_dirty (ConveneStoreWatcher *watcher,
            GObject             *object)
{
  if (!g_hash_table_contains (watcher->dirty, object))
    g_hash_table_add (watcher->dirty, g_object_ref (object));
}

/* An object that joins a list is written whole, with everything it holds:
 * a re-inserted panel brings its items back, a session its segments. */
static void
mark_dirty_deep (ConveneStoreWatcher *watcher,
                 GObject             *object)
{
  GListModel *children[3] = { NULL, NULL, NULL };

  mark_dirty (watcher, object);

  if (CONVENE_IS_SESSION (object))
    {
      children[0] = G_LIST_MODEL (convene_session_get_segments (CONVENE_SESSION (object)));
      children[1] = G_LIST_MODEL (convene_session_get_outcomes (CONVENE_SESSION (object)));
      children[2] = G_LIST_MODEL (convene_session_get_live_events (CONVENE_SESSION (object)));
    }
  else if (CONVENE_IS_SEGMENT (object))
    {
      children[0] = G_LIST_MODEL (convene_segment_get_items (CONVENE_SEGMENT (object)));
    }

  for (guint c = 0; c < G_N_ELEMENTS (children) && children[c] != NULL; c++)
    for (guint i = 0; i < g_list_model_get_n_items (children[c]); i++)
      {
        g_autoptr(GObject) child = g_list_model_get_item (children[c], i);

        mark_dirty_deep (watcher, child);
      }
}

static void
mark_list_dirty (ConveneStoreWatcher *watcher,
                 ListWatch           *list_watch)
{
  DirtyList *dirty;

  if (g_hash_table_contains (watcher->dirty_lists, list_watch->list))
    return;

  dirty = g_new0 (DirtyList, 1);
  dirty->list = g_object_ref (list_watch->list);
  dirty->owner = g_object_ref (list_watch->owner);
  dirty->kind = list_watch->kind;
  g_hash_table_insert (watcher->dirty_lists, dirty->list, dirty);
}

/* Any model object changed: ours only if it is in the project. */
static void
on_model_changed (GObject  *object,
                  gpointer  user_data)
{
  ConveneStoreWatcher *watcher = user_data;

  if (g_hash_table_contains (watcher->watches, object))
    mark_dirty (watcher, object);
}

static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  ListWatch *list_watch = user_data;
  ConveneStoreWatcher *watcher = list_watch->watcher;

  mark_list_dirty (watcher, list_watch);

  g_return_if_fail (position + removed <= list_watch->members->len);

  /* Removed objects are collected too, for the change feed; flush does not
   * write them, since they are no longer attached. */
  for (guint i = 0; i < removed; i++)
    {
      GObject *item = g_ptr_array_index (list_watch->members, position + i);

      mark_dirty (watcher, item);
      unwatch_object (watcher, item, list_watch);
    }
  g_ptr_array_remove_range (list_watch->members, position, removed);

  if (added == 0)
    return;

  /* Room for all of them at once: a thousand people spliced in at the top
   * of the roster move the rest once, not a thousand times. */
  {
    GPtrArray *members = list_watch->members;
    guint moved = members->len - position;

    g_ptr_array_set_size (members, members->len + added);
    memmove (&members->pdata[position + added], &members->pdata[position], moved * sizeof (gpointer));
  }

  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (list, position + i);

      list_watch->members->pdata[position + i] = item;
      watch_object (watcher, item, list_watch);
      mark_dirty_deep (watcher, item);
    }
}

static ListWatch *
list_watch_new (ConveneStoreWatcher *watcher,
                GListStore          *list,
                GObject             *owner,
                ConveneStoreList     kind)
{
  ListWatch *list_watch = g_new0 (ListWatch, 1);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  list_watch->watcher = watcher;
  list_watch->list = g_object_ref (list);
  list_watch->owner = owner;
  list_watch->kind = kind;
  list_watch->members = g_ptr_array_new_full (n, g_object_unref);
  list_watch->handler = g_signal_connect (list, "items-changed",
                                          G_CALLBACK (on_items_changed), list_watch);

  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_list_model_get_item (G_LIST_MODEL (list), i);
      Watch *watch;

      g_ptr_array_add (list_watch->members, item);
      watch_object (watcher, item, list_watch);

      /* Watched from the start, the file has it where the list has it (for
       * objects added later this is moot: they are dirty). */
      watch = g_hash_table_lookup (watcher->watches, item);
      watch->saved_position = i;
    }

  return list_watch;
}

static void
list_watch_free (ListWatch *list_watch)
{
  g_clear_signal_handler (&list_watch->handler, list_watch->list);

  for (guint i = 0; i < list_watch->members->len; i++)
    unwatch_object (list_watch->watcher, g_ptr_array_index (list_watch->members, i), list_watch);

  g_ptr_array_unref (list_watch->members);
  g_object_unref (list_watch->list);
  g_free (list_watch);
}

static void
watch_object (ConveneStoreWatcher *watcher,
              GObject             *object,
              ListWatch           *container)
{
  Watch *watch = g_hash_table_lookup (watcher->watches, object);

  if (watch != NULL)
    {
      watch->count++;
      watch->container = container;
      return;
    }

  watch = g_new0 (Watch, 1);
  watch->object = g_object_ref (object);
  watch->count = 1;
  watch->saved_position = -1;
  watch->container = container;
  convene_model_watch_lock ();
  g_hash_table_insert (watcher->watches, object, watch);
  convene_model_watch_unlock ();

  if (CONVENE_IS_PROJECT (object))
    {
      ConveneProject *project = CONVENE_PROJECT (object);

      watch->lists[watch->n_lists++] =
        list_watch_new (watcher, convene_project_get_speakers (project), object,
                        CONVENE_STORE_LIST_SPEAKERS);
      watch->lists[watch->n_lists++] =
        list_watch_new (watcher, convene_project_get_sessions (project), object,
                        CONVENE_STORE_LIST_SESSIONS);
      watch->lists[watch->n_lists++] =
        list_watch_new (watcher, convene_project_get_assignments (project), object,
                        CONVENE_STORE_LIST_ASSIGNMENTS);
      watch->lists[watch->n_lists++] =
        list_watch_new (watcher, convene_project_get_outcome_links (project), object,
                        CONVENE_STORE_LIST_OUTCOME_LINKS);
    }
  else if (CONVENE_IS_SESSION (object))
    {
      ConveneSession *session = CONVENE_SESSION (object);

      watch->lists[watch->n_lists++] =
        list_watch_new (watcher, convene_session_get_segments (session), object,
                        CONVENE_STORE_LIST_SEGMENTS);
      watch->lists[watch->n_lists++] =
        list_watch_new (watcher, convene_session_get_outcomes (session), object,
                        CONVENE_STORE_LIST_OUTCOMES);
      watch->lists[watch->n_lists++] =
        list_watch_new (watcher, convene_session_get_live_events (session), object,
                        CONVENE_STORE_LIST_LIVE_EVENTS);
    }
  else if (CONVENE_IS_SEGMENT (object))
    {
      watch->lists[watch->n_lists++] =
        list_watch_new (watcher, convene_segment_get_items (CONVENE_SEGMENT (object)), object,
                        CONVENE_STORE_LIST_ITEMS);
    }
}

static void
unwatch_object (ConveneStoreWatcher *watcher,
                GObject             *object,
                ListWatch           *container)
{
  Watch *watch = g_hash_table_lookup (watcher->watches, object);

  if (watch == NULL)
    return;

  if (watch->container == container)
    watch->container = NULL;

  if (--watch->count > 0)
    return;

  for (guint i = 0; i < watch->n_lists; i++)
    list_watch_free (watch->lists[i]);
  watch->n_lists = 0;

  convene_model_watch_lock ();
  g_hash_table_steal (watcher->watches, object);
  convene_model_watch_unlock ();
  watch_free (watch);
}

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_object_unref (watch->object);
  g_free (watch);
}

ConveneStoreWatcher *
convene_store_watcher_new (ConveneProject *project)
{
  ConveneStoreWatcher *watcher = g_new0 (ConveneStoreWatcher, 1);

  watcher->project = g_object_ref (project);
  watcher->watches = g_hash_table_new_full (NULL, NULL, NULL, watch_free);
  watcher->dirty = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  watcher->dirty_lists = g_hash_table_new_full (NULL, NULL, NULL, dirty_list_free);
  watcher->written = g_array_new (FALSE, FALSE, sizeof (Pending));

  watch_object (watcher, G_OBJECT (project), NULL);
  watcher->hook = convene_model_watch_add (on_model_changed, watcher);

  return watcher;
}

void
convene_store_watcher_free (ConveneStoreWatcher *watcher)
{
  if (watcher == NULL)
    return;

  convene_model_watch_remove (watcher->hook);
  unwatch_object (watcher, G_OBJECT (watcher->project), NULL);
  g_assert (g_hash_table_size (watcher->watches) == 0);

  g_hash_table_unref (watcher->watches);
  g_hash_table_unref (watcher->dirty);
  g_hash_table_unref (watcher->dirty_lists);
  g_array_unref (watcher->written);
  g_clear_pointer (&watcher->changes, convene_changes_unref);
  g_object_unref (watcher->project);
  g_free (watcher);
}

void
convene_store_watcher_forget (ConveneStoreWatcher *watcher)
{
  g_hash_table_remove_all (watcher->dirty);
  g_hash_table_remove_all (watcher->dirty_lists);
  g_array_set_size (watcher->written, 0);
  g_clear_pointer (&watcher->changes, convene_changes_unref);
}

void
convene_store_watcher_committed (ConveneStoreWatcher *watcher)
{
  for (guint i = 0; i < watcher->written->len; i++)
    {
      const Pending *entry = &g_array_index (watcher->written, Pending, i);
      Watch *watch = g_hash_table_lookup (watcher->watches, entry->object);

      if (watch != NULL)
        watch->saved_position = entry->position;
    }
  g_array_set_size (watcher->written, 0);
}

/* Where each member of a list is, learnt once per flush: looking each
 * changed object up among its list's members one by one would make adding
 * n people to a roster of n cost n × n. The first lookup in a list walks
 * it, as a single edit needs no more; a second builds the index. */
typedef struct
{
  guint       lookups;
  GHashTable *positions;  /* GObject* -> position + 1 */
} ListIndex;

static void
list_index_free (gpointer data)
{
  ListIndex *index = data;

  g_clear_pointer (&index->positions, g_hash_table_unref);
  g_free (index);
}

static gboolean
member_position (GHashTable *indexes,
                 ListWatch  *list_watch,
                 GObject    *object,
                 guint      *position)
{
  ListIndex *index = g_hash_table_lookup (indexes, list_watch);
  gpointer found;

  if (index == NULL)
    {
      index = g_new0 (ListIndex, 1);
      g_hash_table_insert (indexes, list_watch, index);
    }

  if (index->positions == NULL && index->lookups++ == 0)
    return g_ptr_array_find (list_watch->members, object, position);

  if (index->positions == NULL)
    {
      index->positions = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < list_watch->members->len; i++)
        {
          gpointer member = g_ptr_array_index (list_watch->members, i);

          if (!g_hash_table_contains (index->positions, member))
            g_hash_table_insert (index->positions, member, GUINT_TO_POINTER (i + 1));
        }
    }

  found = g_hash_table_lookup (index->positions, object);
  if (found == NULL)
    return FALSE;
  *position = GPOINTER_TO_UINT (found) - 1;
  return TRUE;
}

/* Whether object is still part of the project: each link up to the project
 * must still hold it. An object added and removed again before the flush, or
 * one inside a removed session, is not written. Gives the list holding it
 * and its place there (NULL and 0 for the project). */
static gboolean
is_attached (ConveneStoreWatcher *watcher,
             GHashTable          *indexes,
             GObject             *object,
             ListWatch          **out_container,
             guint               *out_position)
{
  Watch *watch = g_hash_table_lookup (watcher->watches, object);
  ListWatch *above;
  guint above_position;

  *out_container = NULL;
  *out_position = 0;

  if (watch == NULL)
    return FALSE;

  if (object == G_OBJECT (watcher->project))
    return TRUE;

  if (watch->container == NULL ||
      !member_position (indexes, watch->container, object, out_position))
    return FALSE;

  *out_container = watch->container;
  return is_attached (watcher, indexes, watch->container->owner, &above, &above_position);
}

static guint
rank_of (GObject   *object,
         ListWatch *container)
{
  if (CONVENE_IS_PROJECT (object))
    return 0;
  if (CONVENE_IS_SPEAKER (object))
    return 1;
  if (CONVENE_IS_SESSION (object))
    return 2;
  if (CONVENE_IS_SEGMENT (object))
    return container->kind == CONVENE_STORE_LIST_ITEMS ? 4 : 3;
  if (CONVENE_IS_OUTCOME (object))
    return 5;
  if (CONVENE_IS_ASSIGNMENT (object))
    return 6;
  if (CONVENE_IS_LIVE_EVENT (object))
    return 8;
  return 7;
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const Pending *pa = a;
  const Pending *pb = b;

  return (pa->rank > pb->rank) - (pa->rank < pb->rank);
}

static void
add_pending (ConveneStoreWatcher *watcher,
             GHashTable          *indexes,
             GHashTable          *seen,
             GArray              *pending,
             GObject             *object,
             gboolean             only_if_moved)
{
  Pending entry = { 0, };

  if (g_hash_table_contains (seen, object))
    return;
  g_hash_table_add (seen, object);

  if (!is_attached (watcher, indexes, object, &entry.container, &entry.position))
    return;

  if (only_if_moved)
    {
      Watch *watch = g_hash_table_lookup (watcher->watches, object);

      if (watch->saved_position == (gint64) entry.position)
        return;
    }

  entry.object = object;
  entry.rank = rank_of (object, entry.container);
  g_array_append_val (pending, entry);
}

static int
write_pending (ConveneStoreWriter *writer,
               const Pending      *entry)
{
  guint position = entry->position;
  ListWatch *container = entry->container;

  switch (entry->rank)
    {
    case 0:
      return convene_store_writer_put_project (writer, CONVENE_PROJECT (entry->object));
    case 1:
      return convene_store_writer_put_speaker (writer, CONVENE_SPEAKER (entry->object), position);
    case 2:
      return convene_store_writer_put_session (writer, CONVENE_SESSION (entry->object), position);
    case 3:
      return convene_store_writer_put_segment (writer, CONVENE_SEGMENT (entry->object),
                                               convene_session_get_id (CONVENE_SESSION (container->owner)),
                                               0, position);
    case 4:
      {
        /* An item: its session is its parent's container's owner. */
        ConveneSegment *parent = CONVENE_SEGMENT (container->owner);
        Watch *parent_watch = g_hash_table_lookup (container->watcher->watches, parent);
        ConveneSession *session = CONVENE_SESSION (parent_watch->container->owner);

        return convene_store_writer_put_segment (writer, CONVENE_SEGMENT (entry->object),
                                                 convene_session_get_id (session),
                                                 convene_segment_get_id (parent), position);
      }
    case 5:
      return convene_store_writer_put_outcome (writer, CONVENE_OUTCOME (entry->object),
                                               convene_session_get_id (CONVENE_SESSION (container->owner)),
                                               position);
    case 6:
      return convene_store_writer_put_assignment (writer, CONVENE_ASSIGNMENT (entry->object),
                                                  position);
    case 8:
      return convene_store_writer_put_live_event (writer, CONVENE_LIVE_EVENT (entry->object),
                                                  convene_session_get_id (CONVENE_SESSION (container->owner)),
                                                  position);
    default:
      return convene_store_writer_put_outcome_link (writer, CONVENE_OUTCOME_LINK (entry->object),
                                                    position);
    }
}

static gint64
owner_id (GObject *owner)
{
  if (CONVENE_IS_SESSION (owner))
    return convene_session_get_id (CONVENE_SESSION (owner));
  if (CONVENE_IS_SEGMENT (owner))
    return convene_segment_get_id (CONVENE_SEGMENT (owner));
  return 0;
}

static ConveneChangeFlags
flags_of_object (GObject *object)
{
  if (CONVENE_IS_PROJECT (object))
    return CONVENE_CHANGE_PROJECT;
  if (CONVENE_IS_SESSION (object))
    return CONVENE_CHANGE_SESSIONS;
  if (CONVENE_IS_SEGMENT (object))
    return CONVENE_CHANGE_SEGMENTS;
  if (CONVENE_IS_SPEAKER (object))
    return CONVENE_CHANGE_SPEAKERS;
  if (CONVENE_IS_ASSIGNMENT (object))
    return CONVENE_CHANGE_ASSIGNMENTS;
  if (CONVENE_IS_OUTCOME (object))
    return CONVENE_CHANGE_OUTCOMES;
  if (CONVENE_IS_LIVE_EVENT (object))
    return CONVENE_CHANGE_LIVE;
  return CONVENE_CHANGE_OUTCOME_LINKS;
}

static ConveneChangeFlags
flags_of_list (ConveneStoreList kind)
{
  switch (kind)
    {
    case CONVENE_STORE_LIST_SESSIONS:
      return CONVENE_CHANGE_SESSIONS;
    case CONVENE_STORE_LIST_SPEAKERS:
      return CONVENE_CHANGE_SPEAKERS;
    case CONVENE_STORE_LIST_ASSIGNMENTS:
      return CONVENE_CHANGE_ASSIGNMENTS;
    case CONVENE_STORE_LIST_SEGMENTS:
    case CONVENE_STORE_LIST_ITEMS:
      return CONVENE_CHANGE_SEGMENTS;
    case CONVENE_STORE_LIST_OUTCOMES:
      return CONVENE_CHANGE_OUTCOMES;
    case CONVENE_STORE_LIST_LIVE_EVENTS:
      return CONVENE_CHANGE_LIVE;
    case CONVENE_STORE_LIST_OUTCOME_LINKS:
    default:
      return CONVENE_CHANGE_OUTCOME_LINKS;
    }
}

/* The session that holds object (itself, for a session), following the
 * lists up; NULL for what no session holds, or what left the project. */
static ConveneSession *
session_of (ConveneStoreWatcher *watcher,
            GObject             *object)
{
  while (object != NULL && !CONVENE_IS_SESSION (object))
    {
      Watch *watch = g_hash_table_lookup (watcher->watches, object);

      if (watch == NULL || watch->container == NULL)
        return NULL;
      object = watch->container->owner;
    }
  return object != NULL ? CONVENE_SESSION (object) : NULL;
}

static void
add_change (ConveneStoreWatcher *watcher,
            ConveneChanges      *changes,
            GObject             *object,
            ConveneChangeFlags   flags)
{
  ConveneSession *session = session_of (watcher, object);

  convene_changes_add_object (changes, object, flags);
  if (session != NULL)
    convene_changes_add_session (changes, session);
}

/* What the collected changes mean to the views: every changed, added or
 * removed object, and the owner of every list whose members changed. */
static ConveneChanges *
collect_changes (ConveneStoreWatcher *watcher)
{
  ConveneChanges *changes = convene_changes_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, watcher->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    add_change (watcher, changes, key, flags_of_object (key));

  g_hash_table_iter_init (&iter, watcher->dirty_lists);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      DirtyList *dirty = value;

      add_change (watcher, changes, dirty->owner, flags_of_list (dirty->kind));
    }

  return changes;
}

int
convene_store_watcher_flush (ConveneStoreWatcher *watcher,
                             ConveneStoreWriter  *writer)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) indexes = g_hash_table_new_full (NULL, NULL, NULL, list_index_free);
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  GHashTableIter iter;
  gpointer key, value;
  int rc = SQLITE_OK;

  /* Members of a changed list are rewritten when an insertion or a removal
   * shifted them; the rest of a long list is left alone. */
  g_hash_table_iter_init (&iter, watcher->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    add_pending (watcher, indexes, seen, pending, key, FALSE);

  g_hash_table_iter_init (&iter, watcher->dirty_lists);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      DirtyList *dirty = value;
      guint n = g_list_model_get_n_items (G_LIST_MODEL (dirty->list));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (dirty->list), i);

          add_pending (watcher, indexes, seen, pending, item, TRUE);
        }
    }

  g_array_sort (pending, compare_pending);

  /* Links never move to another list, so the ones that went can go first:
   * a link removed and another made for the same pair in one step would
   * otherwise meet the file's rule that a pair is linked once. */
  g_hash_table_iter_init (&iter, watcher->dirty_lists);
  while (rc == SQLITE_OK && g_hash_table_iter_next (&iter, NULL, &value))
    {
      DirtyList *dirty = value;

      if (dirty->kind == CONVENE_STORE_LIST_OUTCOME_LINKS)
        rc = convene_store_writer_delete_missing (writer, dirty->kind, 0,
                                                  G_LIST_MODEL (dirty->list));
    }

  for (guint i = 0; i < pending->len && rc == SQLITE_OK; i++)
    rc = write_pending (writer, &g_array_index (pending, Pending, i));

  /* Removals last: rows that moved were rewritten with their new owner above,
   * so only what really left the project goes (with its children, by the
   * schema's cascades). */
  g_hash_table_iter_init (&iter, watcher->dirty_lists);
  while (rc == SQLITE_OK && g_hash_table_iter_next (&iter, NULL, &value))
    {
      DirtyList *dirty = value;

      if (dirty->kind != CONVENE_STORE_LIST_OUTCOME_LINKS)
        rc = convene_store_writer_delete_missing (writer, dirty->kind, owner_id (dirty->owner),
                                                  G_LIST_MODEL (dirty->list));
    }

  g_clear_pointer (&watcher->changes, convene_changes_unref);
  if (rc == SQLITE_OK)
    watcher->changes = collect_changes (watcher);

  g_hash_table_remove_all (watcher->dirty);
  g_hash_table_remove_all (watcher->dirty_lists);
  g_array_set_size (watcher->written, 0);
  if (rc == SQLITE_OK)
    g_array_append_vals (watcher->written, pending->data, pending->len);
  return rc;
}

ConveneChanges *
convene_store_watcher_take_changes (ConveneStoreWatcher *watcher)
{
  return g_steal_pointer (&watcher->changes);
}
