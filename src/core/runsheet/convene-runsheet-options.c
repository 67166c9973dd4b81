#define G_LOG_DOMAIN "convene-runsheet"
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "convene-runsheet-options.h"
#include "convene-validate.h"

struct _ConveneRunsheetOptions
{
  GObject parent_instance;

  double paper_width;
  double paper_height;
  ConveneRunsheetOrientation orientation;
  double margin;
  char *font_family;
  double font_size;
  gboolean use_12h;
  gboolean include_notes;
  gint64 session_id;
  char *date;
  gboolean contact_sheet;
  gboolean outcomes_checklist;
  gboolean moderator_card;
  gboolean call_sheets;
  gboolean planned_actual;
  GDateTime *printed_at;
};

G_DEFINE_FINAL_TYPE (ConveneRunsheetOptions, convene_runsheet_options, G_TYPE_OBJECT)

G_DEFINE_QUARK (convene-runsheet-error-quark, convene_runsheet_error)

enum {
  PROP_0,
  PROP_PAPER_WIDTH,
  PROP_PAPER_HEIGHT,
  PROP_ORIENTATION,
  PROP_MARGIN,
  PROP_FONT_FAMILY,
  PROP_FONT_SIZE,
  PROP_USE_12H,
  PROP_INCLUDE_NOTES,
  PROP_SESSION_ID,
  PROP_DATE,
  PROP_CONTACT_SHEET,
  PROP_OUTCOMES_CHECKLIST,
  PROP_MODERATOR_CARD,
  PROP_CALL_SHEETS,
  PROP_PLANNED_ACTUAL,
  PROP_PRINTED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  const char *name;
  double width;
  double height;
} Paper;

/* ISO sizes are given in millimetres; 72 / 25.4 points per millimetre. */
static const Paper papers[] = {
  { "a4", 595.28, 841.89 },
  { "letter", 612.0, 792.0 },
  { "a3", 841.89, 1190.55 },
  { "a5", 419.53, 595.28 },
  { "legal", 612.0, 1008.0 },
};

GType
convene_runsheet_orientation_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { CONVENE_RUNSHEET_PORTRAIT, "CONVENE_RUNSHEET_PORTRAIT", "portrait" },
        { CONVENE_RUNSHEET_LANDSCAPE, "CONVENE_RUNSHEET_LANDSCAPE", "landscape" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static ("ConveneRunsheetOrientation", values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

static void
convene_runsheet_options_finalize (GObject *object)
{
  ConveneRunsheetOptions *self = CONVENE_RUNSHEET_OPTIONS (object);

  g_clear_pointer (&self->font_family, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->printed_at, g_date_time_unref);

  G_OBJECT_CLASS (convene_runsheet_options_parent_class)->finalize (object);
}

static void
convene_runsheet_options_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  ConveneRunsheetOptions *self = CONVENE_RUNSHEET_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_PAPER_WIDTH:
      g_value_set_double (value, self->paper_width);
      break;
    case PROP_PAPER_HEIGHT:
      g_value_set_double (value, self->paper_height);
      break;
    case PROP_ORIENTATION:
      g_value_set_enum (value, self->orientation);
      break;
    case PROP_MARGIN:
      g_value_set_double (value, self->margin);
      break;
    case PROP_FONT_FAMILY:
      g_value_set_string (value, self->font_family);
      break;
    case PROP_FONT_SIZE:
      g_value_set_double (value, self->font_size);
      break;
    case PROP_USE_12H:
      g_value_set_boolean (value, self->use_12h);
      break;
    case PROP_INCLUDE_NOTES:
      g_value_set_boolean (value, self->include_notes);
      break;
    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_CONTACT_SHEET:
      g_value_set_boolean (value, self->contact_sheet);
      break;
    case PROP_OUTCOMES_CHECKLIST:
      g_value_set_boolean (value, self->outcomes_checklist);
      break;
    case PROP_MODERATOR_CARD:
      g_value_set_boolean (value, self->moderator_card);
      break;
    case PROP_CALL_SHEETS:
      g_value_set_boolean (value, self->call_sheets);
      break;
    case PROP_PLANNED_ACTUAL:
      g_value_set_boolean (value, self->planned_actual);
      break;
    case PROP_PRINTED_AT:
      g_value_set_boxed (value, self->printed_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_runsheet_options_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  ConveneRunsheetOptions *self = CONVENE_RUNSHEET_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_PAPER_WIDTH:
      convene_runsheet_options_set_paper_size (self, g_value_get_double (value), self->paper_height);
      break;
    case PROP_PAPER_HEIGHT:
      convene_runsheet_options_set_paper_size (self, self->paper_width, g_value_get_double (value));
      break;
    case PROP_ORIENTATION:
      convene_runsheet_options_set_orientation (self, g_value_get_enum (value));
      break;
    case PROP_MARGIN:
      convene_runsheet_options_set_margin (self, g_value_get_double (value));
      break;
    case PROP_FONT_FAMILY:
      convene_runsheet_options_set_font_family (self, g_value_get_string (value));
      break;
    case PROP_FONT_SIZE:
      convene_runsheet_options_set_font_size (self, g_value_get_double (value));
      break;
    case PROP_USE_12H:
      convene_runsheet_options_set_use_12h (self, g_value_get_boolean (value));
      break;
    case PROP_INCLUDE_NOTES:
      convene_runsheet_options_set_include_notes (self, g_value_get_boolean (value));
      break;
    case PROP_SESSION_ID:
      convene_runsheet_options_set_session_id (self, g_value_get_int64 (value));
      break;
    case PROP_DATE:
      convene_runsheet_options_set_date (self, g_value_get_string (value));
      break;
    case PROP_CONTACT_SHEET:
      convene_runsheet_options_set_contact_sheet (self, g_value_get_boolean (value));
      break;
    case PROP_OUTCOMES_CHECKLIST:
      convene_runsheet_options_set_outcomes_checklist (self, g_value_get_boolean (value));
      break;
    case PROP_MODERATOR_CARD:
      convene_runsheet_options_set_moderator_card (self, g_value_get_boolean (value));
      break;
    case PROP_CALL_SHEETS:
      convene_runsheet_options_set_call_sheets (self, g_value_get_boolean (value));
      break;
    case PROP_PLANNED_ACTUAL:
      convene_runsheet_options_set_planned_actual (self, g_value_get_boolean (value));
      break;
    case PROP_PRINTED_AT:
      convene_runsheet_options_set_printed_at (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_runsheet_options_class_init (ConveneRunsheetOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = convene_runsheet_options_finalize;
  object_class->get_property = convene_runsheet_options_get_property;
  object_class->set_property = convene_runsheet_options_set_property;

  /* Numeric ranges are wide on purpose: validate() explains a bad value in a
   * sentence, where a GParamSpec range would only print a critical. */
  properties[PROP_PAPER_WIDTH] =
    g_param_spec_double ("paper-width", NULL, NULL, 0, G_MAXDOUBLE, papers[0].width, flags);
  properties[PROP_PAPER_HEIGHT] =
    g_param_spec_double ("paper-height", NULL, NULL, 0, G_MAXDOUBLE, papers[0].height, flags);
  properties[PROP_ORIENTATION] =
    g_param_spec_enum ("orientation", NULL, NULL, CONVENE_TYPE_RUNSHEET_ORIENTATION,
                       CONVENE_RUNSHEET_PORTRAIT, flags);
  properties[PROP_MARGIN] =
    g_param_spec_double ("margin", NULL, NULL, 0, G_MAXDOUBLE, CONVENE_RUNSHEET_DEFAULT_MARGIN, flags);
  properties[PROP_FONT_FAMILY] =
    g_param_spec_string ("font-family", NULL, NULL, "Sans", flags);
  properties[PROP_FONT_SIZE] =
    g_param_spec_double ("font-size", NULL, NULL, 0, G_MAXDOUBLE,
                         CONVENE_RUNSHEET_DEFAULT_FONT_SIZE, flags);
  properties[PROP_USE_12H] =
    g_param_spec_boolean ("use-12h", NULL, NULL, FALSE, flags);
  properties[PROP_INCLUDE_NOTES] =
    g_param_spec_boolean ("include-notes", NULL, NULL, TRUE, flags);
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, "", flags);
  properties[PROP_CONTACT_SHEET] =
    g_param_spec_boolean ("contact-sheet", NULL, NULL, FALSE, flags);
  properties[PROP_OUTCOMES_CHECKLIST] =
    g_param_spec_boolean ("outcomes-checklist", NULL, NULL, FALSE, flags);
  properties[PROP_MODERATOR_CARD] =
    g_param_spec_boolean ("moderator-card", NULL, NULL, FALSE, flags);
  properties[PROP_CALL_SHEETS] =
    g_param_spec_boolean ("call-sheets", NULL, NULL, FALSE, flags);
  properties[PROP_PLANNED_ACTUAL] =
    g_param_spec_boolean ("planned-actual", NULL, NULL, TRUE, flags);
  properties[PROP_PRINTED_AT] =
    g_param_spec_boxed ("printed-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
convene_runsheet_options_init (ConveneRunsheetOptions *self)
{
  self->paper_width = papers[0].width;
  self->paper_height = papers[0].height;
  self->orientation = CONVENE_RUNSHEET_PORTRAIT;
  self->margin = CONVENE_RUNSHEET_DEFAULT_MARGIN;
  self->font_family = g_strdup ("Sans");
  self->font_size = CONVENE_RUNSHEET_DEFAULT_FONT_SIZE;
  self->include_notes = TRUE;
  self->planned_actual = TRUE;
  self->date = g_strdup ("");
}

ConveneRunsheetOptions *
convene_runsheet_options_new (void)
{
  return g_object_new (CONVENE_TYPE_RUNSHEET_OPTIONS, NULL);
}

ConveneRunsheetOptions *
convene_runsheet_options_copy (ConveneRunsheetOptions *self)
{
  ConveneRunsheetOptions *copy;

  g_return_val_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self), NULL);

  copy = convene_runsheet_options_new ();
  copy->paper_width = self->paper_width;
  copy->paper_height = self->paper_height;
  copy->orientation = self->orientation;
  copy->margin = self->margin;
  g_free (copy->font_family);
  copy->font_family = g_strdup (self->font_family);
  copy->font_size = self->font_size;
  copy->use_12h = self->use_12h;
  copy->include_notes = self->include_notes;
  copy->session_id = self->session_id;
  g_free (copy->date);
  copy->date = g_strdup (self->date);
  copy->contact_sheet = self->contact_sheet;
  copy->outcomes_checklist = self->outcomes_checklist;
  copy->moderator_card = self->moderator_card;
  copy->call_sheets = self->call_sheets;
  copy->planned_actual = self->planned_actual;
  copy->printed_at = self->printed_at ? g_date_time_ref (self->printed_at) : NULL;

  return copy;
}

static gboolean
parse_number (const char **p, double *out)
{
  char *end = NULL;
  double value = g_ascii_strtod (*p, &end);

  if (end == *p || !isfinite (value))
    return FALSE;
  *p = end;
  *out = value;
  return TRUE;
}

gboolean
convene_runsheet_options_set_paper (ConveneRunsheetOptions *self,
                                    const char             *paper,
                                    GError                **error)
{
  g_autofree char *spec = NULL;
  const char *p;
  double width, height, scale = 1.0;

  g_return_val_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self), FALSE);
  g_return_val_if_fail (paper != NULL, FALSE);

  spec = g_ascii_strdown (paper, -1);
  g_strstrip (spec);

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      if (g_str_equal (spec, papers[i].name))
        {
          convene_runsheet_options_set_paper_size (self, papers[i].width, papers[i].height);
          return TRUE;
        }
    }

  p = spec;
  if (parse_number (&p, &width) && (*p == 'x' || *p == '*'))
    {
      p++;
      if (parse_number (&p, &height))
        {
          if (g_str_equal (p, "mm"))
            scale = 72.0 / 25.4;
          else if (g_str_equal (p, "cm"))
            scale = 72.0 / 2.54;
          else if (g_str_equal (p, "in"))
            scale = 72.0;
          else if (!g_str_equal (p, "pt") && *p != '\0')
            p = NULL;

          if (p != NULL && width > 0 && height > 0)
            {
              convene_runsheet_options_set_paper_size (self, width * scale, height * scale);
              return TRUE;
            }
        }
    }

  g_set_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_INVALID_OPTION,
               _("“%s” is not a paper size Convene knows. Use a4, a3, a5, letter or legal, "
                 "or a size such as 210x297mm, 8.5x11in or 612x792pt."),
               paper);
  return FALSE;
}

const char *
convene_runsheet_options_get_paper_name (ConveneRunsheetOptions *self)
{
  g_return_val_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      if (fabs (self->paper_width - papers[i].width) < 0.5 &&
          fabs (self->paper_height - papers[i].height) < 0.5)
        return papers[i].name;
    }
  return "custom";
}

void
convene_runsheet_options_set_paper_size (ConveneRunsheetOptions *self,
                                         double                  width,
                                         double                  height)
{
  g_return_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->paper_width != width)
    {
      self->paper_width = width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER_WIDTH]);
    }
  if (self->paper_height != height)
    {
      self->paper_height = height;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER_HEIGHT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

double
convene_runsheet_options_get_paper_width (ConveneRunsheetOptions *self)
{
  g_return_val_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self), 0);
  return self->paper_width;
}

double
convene_runsheet_options_get_paper_height (ConveneRunsheetOptions *self)
{
  g_return_val_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self), 0);
  return self->paper_height;
}

void
convene_runsheet_options_get_page_size (ConveneRunsheetOptions *self,
                                        double                 *width,
                                        double                 *height)
{
  gboolean swap;

  g_return_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self));

  /* "Landscape" turns whichever way the paper is held into wide. */
  swap = (self->orientation == CONVENE_RUNSHEET_LANDSCAPE) == (self->paper_width < self->paper_height);
  if (width)
    *width = swap ? self->paper_height : self->paper_width;
  if (height)
    *height = swap ? self->paper_width : self->paper_height;
}

ConveneRunsheetOrientation
convene_runsheet_options_get_orientation (ConveneRunsheetOptions *self)
{
  g_return_val_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self), CONVENE_RUNSHEET_PORTRAIT);
  return self->orientation;
}

void
convene_runsheet_options_set_orientation (ConveneRunsheetOptions     *self,
                                          ConveneRunsheetOrientation  orientation)
{
  g_return_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self));
  g_return_if_fail (orientation == CONVENE_RUNSHEET_PORTRAIT ||
                    orientation == CONVENE_RUNSHEET_LANDSCAPE);

  if (self->orientation == orientation)
    return;
  self->orientation = orientation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIENTATION]);
}

double
convene_runsheet_options_get_margin (ConveneRunsheetOptions *self)
{
  g_return_val_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self), 0);
  return self->margin;
}

void
convene_runsheet_options_set_margin (ConveneRunsheetOptions *self,
                                     double                  margin)
{
  g_return_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self));

  if (self->margin == margin)
    return;
  self->margin = margin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARGIN]);
}

const char *
convene_runsheet_options_get_font_family (ConveneRunsheetOptions *self)
{
  g_return_val_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self), NULL);
  return self->font_family;
}

void
convene_runsheet_options_set_font_family (ConveneRunsheetOptions *self,
                                          const char             *family)
{
  g_return_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self));

  if (family == NULL)
    family = "";
  if (g_strcmp0 (self->font_family, family) == 0)
    return;
  g_free (self->font_family);
  self->font_family = g_strdup (family);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_FAMILY]);
}

double
convene_runsheet_options_get_font_size (ConveneRunsheetOptions *self)
{
  g_return_val_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self), 0);
  return self->font_size;
}

void
convene_runsheet_options_set_font_size (ConveneRunsheetOptions *self,
                                        double                  size)
{
  g_return_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self));

  if (self->font_size == size)
    return;
  self->font_size = size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SIZE]);
}

#define BOOLEAN_ACCESSORS(field, PROP)                                          \
gboolean                                                                        \
convene_runsheet_options_get_##field (ConveneRunsheetOptions *self)             \
{                                                                               \
  g_return_val_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self), FALSE);             \
  return self->field;                                                           \
}                                                                               \
                                                                                \
void                                                                            \
convene_runsheet_options_set_##field (ConveneRunsheetOptions *self,             \
                                      gboolean                value)            \
{                                                                               \
  g_return_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self));                        \
                                                                                \
  value = !!value;                                                              \
  if (self->field == value)                                                     \
    return;                                                                     \
  self->field = value;                                                          \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);                 \
}

BOOLEAN_ACCESSORS (use_12h, PROP_USE_12H)
BOOLEAN_ACCESSORS (include_notes, PROP_INCLUDE_NOTES)
BOOLEAN_ACCESSORS (contact_sheet, PROP_CONTACT_SHEET)
BOOLEAN_ACCESSORS (outcomes_checklist, PROP_OUTCOMES_CHECKLIST)
BOOLEAN_ACCESSORS (moderator_card, PROP_MODERATOR_CARD)
BOOLEAN_ACCESSORS (call_sheets, PROP_CALL_SHEETS)
BOOLEAN_ACCESSORS (planned_actual, PROP_PLANNED_ACTUAL)

gint64
convene_runsheet_options_get_session_id (ConveneRunsheetOptions *self)
{
  g_return_val_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self), 0);
  return self->session_id;
}

void
convene_runsheet_options_set_session_id (ConveneRunsheetOptions *self,
                                         gint64                  session_id)
{
  g_return_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self));
  g_return_if_fail (session_id >= 0);

  if (self->session_id == session_id)
    return;
  self->session_id = session_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ID]);
}

const char *
convene_runsheet_options_get_date (ConveneRunsheetOptions *self)
{
  g_return_val_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self), NULL);
  return self->date;
}

void
convene_runsheet_options_set_date (ConveneRunsheetOptions *self,
                                   const char             *date)
{
  g_return_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self));

  if (date == NULL)
    date = "";
  if (g_strcmp0 (self->date, date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

GDateTime *
convene_runsheet_options_get_printed_at (ConveneRunsheetOptions *self)
{
  g_return_val_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self), NULL);
  return self->printed_at;
}

void
convene_runsheet_options_set_printed_at (ConveneRunsheetOptions *self,
                                         GDateTime              *when)
{
  g_return_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self));

  if (self->printed_at == when ||
      (self->printed_at && when && g_date_time_equal (self->printed_at, when)))
    return;
  g_clear_pointer (&self->printed_at, g_date_time_unref);
  self->printed_at = when ? g_date_time_ref (when) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRINTED_AT]);
}

gboolean
convene_runsheet_options_validate (ConveneRunsheetOptions *self,
                                   GError                **error)
{
  double smaller;

  g_return_val_if_fail (CONVENE_IS_RUNSHEET_OPTIONS (self), FALSE);

  if (!(self->font_size >= CONVENE_RUNSHEET_MIN_FONT_SIZE &&
        self->font_size <= CONVENE_RUNSHEET_MAX_FONT_SIZE))
    {
      g_set_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_INVALID_OPTION,
                   _("The run sheet’s font size must be between %g and %g points, not %g."),
                   CONVENE_RUNSHEET_MIN_FONT_SIZE, CONVENE_RUNSHEET_MAX_FONT_SIZE,
                   isfinite (self->font_size) ? self->font_size : 0.0);
      return FALSE;
    }

  if (!(self->paper_width >= CONVENE_RUNSHEET_MIN_PAPER_SIDE &&
        self->paper_height >= CONVENE_RUNSHEET_MIN_PAPER_SIDE &&
        self->paper_width <= CONVENE_RUNSHEET_MAX_PAPER_SIDE &&
        self->paper_height <= CONVENE_RUNSHEET_MAX_PAPER_SIDE))
    {
      g_set_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_INVALID_OPTION,
                   _("A paper size of %g × %g points cannot hold a run sheet: each side must be "
                     "between %g points (4 inches) and %g points (200 inches)."),
                   isfinite (self->paper_width) ? self->paper_width : 0.0,
                   isfinite (self->paper_height) ? self->paper_height : 0.0,
                   CONVENE_RUNSHEET_MIN_PAPER_SIDE, CONVENE_RUNSHEET_MAX_PAPER_SIDE);
      return FALSE;
    }

  smaller = MIN (self->paper_width, self->paper_height);
  if (!(self->margin >= 0 && self->margin <= smaller / 4))
    {
      g_set_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_INVALID_OPTION,
                   _("A margin of %g points leaves too little of the page to print on; "
                     "use between 0 and %g points."),
                   isfinite (self->margin) ? self->margin : 0.0, floor (smaller / 4));
      return FALSE;
    }

  if (self->font_family == NULL || *self->font_family == '\0' ||
      !g_utf8_validate (self->font_family, -1, NULL))
    {
      g_set_error_literal (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_INVALID_OPTION,
                           _("A font family is needed to print the run sheet."));
      return FALSE;
    }

  if (*self->date != '\0')
    {
      g_autoptr(GError) local_error = NULL;

      if (!convene_validate_date (self->date, &local_error))
        {
          g_set_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_INVALID_OPTION,
                       _("Cannot print the sessions of “%s”: %s"), self->date, local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}
