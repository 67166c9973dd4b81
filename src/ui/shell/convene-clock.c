#define G_LOG_DOMAIN "convene-clock"
#include "config.h"

#include <gio/gio.h>

#include "convene-cli.h"
#include "convene-clock.h"

struct _ConveneClock
{
  GObject    parent_instance;

  GSettings *interface_settings;  /* NULL where GNOME's schema is missing */
  gboolean   use_12h;
};

G_DEFINE_FINAL_TYPE (ConveneClock, convene_clock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_USE_12H,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
read_use_12h (ConveneClock *self)
{
  g_autofree char *format = NULL;

  if (self->interface_settings == NULL)
    return convene_cli_locale_uses_12h ();
  format = g_settings_get_string (self->interface_settings, "clock-format");
  return g_strcmp0 (format, "12h") == 0;
}

static void
clock_format_changed (ConveneClock *self)
{
  gboolean use_12h = read_use_12h (self);

  if (use_12h == self->use_12h)
    return;
  self->use_12h = use_12h;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USE_12H]);
}

static void
convene_clock_dispose (GObject *object)
{
  ConveneClock *self = CONVENE_CLOCK (object);

  g_clear_object (&self->interface_settings);

  G_OBJECT_CLASS (convene_clock_parent_class)->dispose (object);
}

static void
convene_clock_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ConveneClock *self = CONVENE_CLOCK (object);

  switch (prop_id)
    {
    case PROP_USE_12H:
      g_value_set_boolean (value, self->use_12h);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_clock_class_init (ConveneClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = convene_clock_dispose;
  object_class->get_property = convene_clock_get_property;

  properties[PROP_USE_12H] =
    g_param_spec_boolean ("use-12h", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
convene_clock_init (ConveneClock *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "clock-format"))
    {
      self->interface_settings = g_settings_new_full (schema, NULL, NULL);
      g_signal_connect_object (self->interface_settings, "changed::clock-format",
                               G_CALLBACK (clock_format_changed), self, G_CONNECT_SWAPPED);
    }
  self->use_12h = read_use_12h (self);
}

ConveneClock *
convene_clock_get_default (void)
{
  static ConveneClock *clock;

  /* Lives as long as the process, like the settings it follows. */
  if (clock == NULL)
    clock = g_object_new (CONVENE_TYPE_CLOCK, NULL);
  return clock;
}

gboolean
convene_clock_get_use_12h (ConveneClock *self)
{
  g_return_val_if_fail (CONVENE_IS_CLOCK (self), FALSE);

  return self->use_12h;
}
