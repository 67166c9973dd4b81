/* convene-model-watch.c: see the header. */
#define G_LOG_DOMAIN "convene-model-watch"

#include "config.h"

#include <gio/gio.h>

#include "convene-model-watch.h"

struct _ConveneModelWatch
{
  GObject         parent_instance;

  /* owned */
  ConveneProject *project;
  GPtrArray      *watched;     /* objects and lists with a handler of ours */
  guint           idle_id;
  gboolean        rewatch;     /* a list changed: new members need handlers */
  GSettings      *interface_settings;  /* NULL where GNOME's schema is missing */
  gboolean        use_12h;
};

G_DEFINE_FINAL_TYPE (ConveneModelWatch, convene_model_watch, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void watch_all (ConveneModelWatch *self);

static void
unwatch_all (ConveneModelWatch *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

static gboolean
emit_changed (gpointer data)
{
  ConveneModelWatch *self = data;

  self->idle_id = 0;
  if (self->rewatch)
    {
      self->rewatch = FALSE;
      unwatch_all (self);
      watch_all (self);
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
schedule (ConveneModelWatch *self)
{
  /* Before the next layout, so what is drawn is never a frame behind. */
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, emit_changed, self, NULL);
}

static void
object_notify (ConveneModelWatch *self)
{
  schedule (self);
}

static void
list_changed (ConveneModelWatch *self)
{
  self->rewatch = TRUE;
  schedule (self);
}

static void
watch_object (ConveneModelWatch *self,
              gpointer           object)
{
  g_ptr_array_add (self->watched, g_object_ref (object));
  g_signal_connect_object (object, "notify", G_CALLBACK (object_notify), self, G_CONNECT_SWAPPED);
}

static void
watch_list (ConveneModelWatch *self,
            GListModel        *list,
            gboolean           members_too)
{
  g_ptr_array_add (self->watched, g_object_ref (list));
  g_signal_connect_object (list, "items-changed", G_CALLBACK (list_changed), self, G_CONNECT_SWAPPED);
  if (!members_too)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, i);

      watch_object (self, object);
    }
}

static void
watch_segments (ConveneModelWatch *self,
                GListModel        *segments)
{
  watch_list (self, segments, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);

      watch_segments (self, G_LIST_MODEL (convene_segment_get_items (segment)));
    }
}

static void
watch_all (ConveneModelWatch *self)
{
  GListModel *sessions;

  if (self->project == NULL)
    return;

  watch_object (self, self->project);
  watch_list (self, G_LIST_MODEL (convene_project_get_speakers (self->project)), TRUE);
  watch_list (self, G_LIST_MODEL (convene_project_get_assignments (self->project)), TRUE);
  watch_list (self, G_LIST_MODEL (convene_project_get_outcome_links (self->project)), FALSE);
  sessions = G_LIST_MODEL (convene_project_get_sessions (self->project));
  watch_list (self, sessions, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(ConveneSession) session = g_list_model_get_item (sessions, i);

      watch_segments (self, G_LIST_MODEL (convene_session_get_segments (session)));
      watch_list (self, G_LIST_MODEL (convene_session_get_outcomes (session)), TRUE);
    }
}

static void
clock_format_changed (ConveneModelWatch *self)
{
  g_autofree char *format = g_settings_get_string (self->interface_settings, "clock-format");
  gboolean use_12h = g_strcmp0 (format, "12h") == 0;

  if (use_12h == self->use_12h)
    return;
  self->use_12h = use_12h;
  schedule (self);
}

static void
convene_model_watch_dispose (GObject *object)
{
  ConveneModelWatch *self = CONVENE_MODEL_WATCH (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  unwatch_all (self);
  g_clear_object (&self->project);
  if (self->interface_settings != NULL)
    g_signal_handlers_disconnect_by_data (self->interface_settings, self);
  g_clear_object (&self->interface_settings);

  G_OBJECT_CLASS (convene_model_watch_parent_class)->dispose (object);
}

static void
convene_model_watch_finalize (GObject *object)
{
  ConveneModelWatch *self = CONVENE_MODEL_WATCH (object);

  g_ptr_array_unref (self->watched);

  G_OBJECT_CLASS (convene_model_watch_parent_class)->finalize (object);
}

static void
convene_model_watch_class_init (ConveneModelWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = convene_model_watch_dispose;
  object_class->finalize = convene_model_watch_finalize;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
convene_model_watch_init (ConveneModelWatch *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);

  /* Times in warnings follow the desktop's clock format. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "clock-format"))
    {
      g_autofree char *format = NULL;

      self->interface_settings = g_settings_new ("org.gnome.desktop.interface");
      format = g_settings_get_string (self->interface_settings, "clock-format");
      self->use_12h = g_strcmp0 (format, "12h") == 0;
      g_signal_connect_object (self->interface_settings, "changed::clock-format",
                               G_CALLBACK (clock_format_changed), self, G_CONNECT_SWAPPED);
    }
}

ConveneModelWatch *
convene_model_watch_new (void)
{
  return g_object_new (CONVENE_TYPE_MODEL_WATCH, NULL);
}

void
convene_model_watch_set_project (ConveneModelWatch *self,
                                 ConveneProject    *project)
{
  g_return_if_fail (CONVENE_IS_MODEL_WATCH (self));
  g_return_if_fail (project == NULL || CONVENE_IS_PROJECT (project));

  if (self->project == project)
    return;

  unwatch_all (self);
  g_set_object (&self->project, project);
  watch_all (self);
  self->rewatch = FALSE;
  schedule (self);
}

ConveneProject *
convene_model_watch_get_project (ConveneModelWatch *self)
{
  g_return_val_if_fail (CONVENE_IS_MODEL_WATCH (self), NULL);

  return self->project;
}

void
convene_model_watch_queue_changed (ConveneModelWatch *self)
{
  g_return_if_fail (CONVENE_IS_MODEL_WATCH (self));

  schedule (self);
}

gboolean
convene_model_watch_get_use_12h (ConveneModelWatch *self)
{
  g_return_val_if_fail (CONVENE_IS_MODEL_WATCH (self), FALSE);

  return self->use_12h;
}
