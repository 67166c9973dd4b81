#define G_LOG_DOMAIN "convene-formats"
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "convene-formats.h"
#include "convene-limits.h"
#include "convene-validate.h"

/* A new blank session lasts an hour, like one added by hand. */
#define BLANK_SLOT_MINUTES 60
/* Deeper JSON than a format needs is refused before parsing. */
#define MAX_JSON_DEPTH 16

struct _ConveneFormat
{
  GObject parent_instance;

  char       *id;
  char       *name;
  char       *description;
  char       *path;
  GListStore *segments;
  gboolean    builtin;
  guint       fit_step;   /* the rounding step a session made from it starts with */
};

G_DEFINE_FINAL_TYPE (ConveneFormat, convene_format, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_BUILTIN,
  PROP_TOTAL_MINUTES,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The built-in formats, as data. Titles and notes are translated when a
 * format is listed, so a session made from one speaks the planner's language. */
typedef struct
{
  ConveneSegmentKind kind;
  const char        *title;
  guint              duration;
  const char        *notes;
} BuiltinItem;

typedef struct
{
  ConveneSegmentKind kind;
  const char        *title;
  guint              duration;
  const char        *notes;
  const BuiltinItem *items;
  guint              n_items;
} BuiltinSegment;

typedef struct
{
  const char           *id;
  const char           *name;
  const char           *description;
  const BuiltinSegment *segments;
  guint                 n_segments;
} BuiltinFormat;

static const BuiltinItem panel_talks[] = {
  { CONVENE_SEGMENT_KIND_PRESENTATION, N_("First talk"), 15, NULL },
  { CONVENE_SEGMENT_KIND_PRESENTATION, N_("Second talk"), 15, NULL },
  { CONVENE_SEGMENT_KIND_PRESENTATION, N_("Third talk"), 15, NULL },
};

static const BuiltinSegment side_event_panel[] = {
  { CONVENE_SEGMENT_KIND_OPENING, N_("Opening remarks"), 10, NULL, NULL, 0 },
  { CONVENE_SEGMENT_KIND_PANEL, N_("Panel of talks"), 45,
    N_("Each panellist speaks in turn; the moderator keeps time."),
    panel_talks, G_N_ELEMENTS (panel_talks) },
  { CONVENE_SEGMENT_KIND_DISCUSSION, N_("Moderated discussion"), 25,
    N_("Questions from the floor and online, gathered by the moderator."), NULL, 0 },
  { CONVENE_SEGMENT_KIND_CLOSING, N_("Closing remarks"), 10, NULL, NULL, 0 },
};

static const BuiltinSegment technical_briefing[] = {
  { CONVENE_SEGMENT_KIND_WELCOME, N_("Welcome"), 5, NULL, NULL, 0 },
  { CONVENE_SEGMENT_KIND_PRESENTATION, N_("Briefing"), 25, NULL, NULL, 0 },
  { CONVENE_SEGMENT_KIND_QA, N_("Questions and answers"), 25, NULL, NULL, 0 },
  { CONVENE_SEGMENT_KIND_CLOSING, N_("Closing"), 5, NULL, NULL, 0 },
};

static const BuiltinSegment workshop[] = {
  { CONVENE_SEGMENT_KIND_WELCOME, N_("Welcome and introductions"), 15, NULL, NULL, 0 },
  { CONVENE_SEGMENT_KIND_PRESENTATION, N_("Framing the task"), 15, NULL, NULL, 0 },
  { CONVENE_SEGMENT_KIND_CUSTOM, N_("Group work"), 45,
    N_("Small groups, each with a facilitator and a note-taker."), NULL, 0 },
  { CONVENE_SEGMENT_KIND_BREAK, N_("Break"), 10, NULL, NULL, 0 },
  { CONVENE_SEGMENT_KIND_DISCUSSION, N_("Report back and discussion"), 25, NULL, NULL, 0 },
  { CONVENE_SEGMENT_KIND_CLOSING, N_("Wrap-up and next steps"), 10, NULL, NULL, 0 },
};

static const BuiltinSegment keynote_qa[] = {
  { CONVENE_SEGMENT_KIND_WELCOME, N_("Welcome"), 5, NULL, NULL, 0 },
  { CONVENE_SEGMENT_KIND_KEYNOTE, N_("Keynote"), 35, NULL, NULL, 0 },
  { CONVENE_SEGMENT_KIND_QA, N_("Questions and answers"), 15, NULL, NULL, 0 },
  { CONVENE_SEGMENT_KIND_CLOSING, N_("Closing"), 5, NULL, NULL, 0 },
};

static const BuiltinItem fishbowl_statements[] = {
  { CONVENE_SEGMENT_KIND_PRESENTATION, N_("First opening statement"), 5, NULL },
  { CONVENE_SEGMENT_KIND_PRESENTATION, N_("Second opening statement"), 5, NULL },
  { CONVENE_SEGMENT_KIND_PRESENTATION, N_("Third opening statement"), 5, NULL },
};

static const BuiltinSegment fishbowl[] = {
  { CONVENE_SEGMENT_KIND_OPENING, N_("Opening and the rules of the fishbowl"), 10, NULL, NULL, 0 },
  { CONVENE_SEGMENT_KIND_PANEL, N_("Opening statements"), 15, NULL,
    fishbowl_statements, G_N_ELEMENTS (fishbowl_statements) },
  { CONVENE_SEGMENT_KIND_DISCUSSION, N_("Fishbowl conversation"), 40,
    N_("One chair in the inner circle stays empty for anyone who wants to join."), NULL, 0 },
  { CONVENE_SEGMENT_KIND_CLOSING, N_("Closing reflections"), 10, NULL, NULL, 0 },
};

static const BuiltinSegment roundtable[] = {
  { CONVENE_SEGMENT_KIND_OPENING, N_("Opening by the chair"), 10, NULL, NULL, 0 },
  { CONVENE_SEGMENT_KIND_DISCUSSION, N_("Round of introductions"), 15, NULL, NULL, 0 },
  { CONVENE_SEGMENT_KIND_DISCUSSION, N_("Roundtable discussion"), 50, NULL, NULL, 0 },
  { CONVENE_SEGMENT_KIND_CLOSING, N_("Summary of conclusions"), 15, NULL, NULL, 0 },
};

static const BuiltinFormat builtin_formats[] = {
  { "blank", N_("Blank"), N_("An empty session of an hour"), NULL, 0 },
  { "side-event-panel", N_("Side-event panel"),
    N_("Opening remarks, a panel of talks, moderated discussion, closing remarks"),
    side_event_panel, G_N_ELEMENTS (side_event_panel) },
  { "technical-briefing", N_("Technical briefing"),
    N_("A briefing followed by questions and answers"),
    technical_briefing, G_N_ELEMENTS (technical_briefing) },
  { "workshop", N_("Workshop"),
    N_("Framing, group work, a break, report back and next steps"),
    workshop, G_N_ELEMENTS (workshop) },
  { "keynote-qa", N_("Keynote with Q&A"),
    N_("One keynote speech, then questions from the audience"),
    keynote_qa, G_N_ELEMENTS (keynote_qa) },
  { "fishbowl", N_("Fishbowl"),
    N_("Short statements, then an open conversation anyone can join"),
    fishbowl, G_N_ELEMENTS (fishbowl) },
  { "roundtable", N_("Roundtable"),
    N_("Introductions and a chaired discussion among peers"),
    roundtable, G_N_ELEMENTS (roundtable) },
};

static ConveneFormat *
format_new (const char *id,
            const char *name,
            const char *description,
            gboolean    builtin)
{
  ConveneFormat *self = g_object_new (CONVENE_TYPE_FORMAT, NULL);

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->description = g_strdup (description != NULL ? description : "");
  self->builtin = builtin;
  self->fit_step = CONVENE_DEFAULT_FIT_STEP;
  return self;
}

static ConveneSegment *
pattern_segment (ConveneSegmentKind  kind,
                 const char         *title,
                 guint               duration,
                 const char         *notes,
                 const char         *cues)
{
  ConveneSegment *segment = convene_segment_new (0, kind, title, duration);

  if (notes != NULL)
    convene_segment_set_notes (segment, notes);
  if (cues != NULL)
    convene_segment_set_cues (segment, cues);
  return segment;
}

static ConveneFormat *
builtin_to_format (const BuiltinFormat *builtin)
{
  ConveneFormat *self = format_new (builtin->id, _(builtin->name), _(builtin->description), TRUE);

  for (guint i = 0; i < builtin->n_segments; i++)
    {
      const BuiltinSegment *data = &builtin->segments[i];
      g_autoptr(ConveneSegment) segment =
        pattern_segment (data->kind, _(data->title), data->duration,
                         data->notes != NULL ? _(data->notes) : NULL, NULL);

      for (guint j = 0; j < data->n_items; j++)
        {
          const BuiltinItem *item_data = &data->items[j];
          g_autoptr(ConveneSegment) item =
            pattern_segment (item_data->kind, _(item_data->title), item_data->duration,
                             item_data->notes != NULL ? _(item_data->notes) : NULL, NULL);

          g_list_store_append (convene_segment_get_items (segment), item);
        }
      /* A built-in panel's length is what its talks should fill. */
      convene_segment_set_has_target (segment, data->n_items > 0);
      g_list_store_append (self->segments, segment);
    }

  return self;
}

GPtrArray *
convene_formats_list_builtin (void)
{
  GPtrArray *formats = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_formats); i++)
    g_ptr_array_add (formats, builtin_to_format (&builtin_formats[i]));
  return formats;
}

ConveneFormat *
convene_formats_find_builtin (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_formats); i++)
    if (g_str_equal (builtin_formats[i].id, id))
      return builtin_to_format (&builtin_formats[i]);
  return NULL;
}

const char *
convene_format_get_id (ConveneFormat *self)
{
  g_return_val_if_fail (CONVENE_IS_FORMAT (self), NULL);
  return self->id;
}

const char *
convene_format_get_name (ConveneFormat *self)
{
  g_return_val_if_fail (CONVENE_IS_FORMAT (self), NULL);
  return self->name;
}

const char *
convene_format_get_description (ConveneFormat *self)
{
  g_return_val_if_fail (CONVENE_IS_FORMAT (self), NULL);
  return self->description;
}

gboolean
convene_format_get_builtin (ConveneFormat *self)
{
  g_return_val_if_fail (CONVENE_IS_FORMAT (self), FALSE);
  return self->builtin;
}

guint
convene_format_get_fit_step (ConveneFormat *self)
{
  g_return_val_if_fail (CONVENE_IS_FORMAT (self), CONVENE_DEFAULT_FIT_STEP);
  return self->fit_step;
}

guint
convene_format_get_total_minutes (ConveneFormat *self)
{
  GListModel *segments;
  guint total = 0;

  g_return_val_if_fail (CONVENE_IS_FORMAT (self), 0);

  segments = G_LIST_MODEL (self->segments);
  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);

      total += convene_segment_get_length (segment);
    }
  return total;
}

const char *
convene_format_get_path (ConveneFormat *self)
{
  g_return_val_if_fail (CONVENE_IS_FORMAT (self), NULL);
  return self->path;
}

GListModel *
convene_format_get_segments (ConveneFormat *self)
{
  g_return_val_if_fail (CONVENE_IS_FORMAT (self), NULL);
  return G_LIST_MODEL (self->segments);
}

/* Saved formats: reading */

static gboolean
fail (GError    **error,
      const char *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  return FALSE;
}

/* Refuses JSON nested deeper than a format ever is, before a parser walks
 * it: hostile nesting must not exhaust the stack. */
static gboolean
check_depth (const char *data,
             gsize       length)
{
  gboolean in_string = FALSE;
  gboolean escaped = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* An optional string member: absent is "", anything else but a string is refused. */
static gboolean
read_string (JsonObject  *object,
             const char  *member,
             const char  *field,
             const char **out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  *out = "";
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, _("A text field holds something else."));

  value = json_node_get_string (node);
  if (!convene_validate_text (value, -1, field, error))
    return FALSE;
  *out = value;
  return TRUE;
}

/* An optional whole number: absent leaves *out as it is. */
static gboolean
read_optional_int (JsonObject  *object,
                   const char  *member,
                   gint64      *out,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (error, _("A number of minutes is not a whole number."));
  *out = json_node_get_int (node);
  return TRUE;
}

/* Fit to Slot's minimum, maximum and lock; formats saved before them
 * (file version 1) have none, and their segments are free to change. */
static gboolean
read_fit_settings (JsonObject     *object,
                   ConveneSegment *segment,
                   GError        **error)
{
  JsonNode *member = json_object_get_member (object, "locked");
  gint64 min_length = 0, max_length = 0;

  if (!read_optional_int (object, "min_length", &min_length, error) ||
      !read_optional_int (object, "max_length", &max_length, error) ||
      !convene_validate_length_bounds (min_length, max_length, error))
    return FALSE;
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_BOOLEAN)
        return fail (error, _("A segment’s lock is not true or false."));
      convene_segment_set_locked (segment, json_node_get_boolean (member));
    }
  convene_segment_set_min_length (segment, (guint) min_length);
  convene_segment_set_max_length (segment, (guint) max_length);
  return TRUE;
}

static ConveneSegment *
read_segment (JsonNode  *node,
              gboolean   is_item,
              guint     *budget,
              GError   **error)
{
  g_autoptr(ConveneSegment) segment = NULL;
  ConveneSegmentKind kind;
  JsonObject *object;
  JsonNode *member;
  const char *kind_nick;
  const char *title;
  const char *notes;
  const char *cues;
  gint64 duration;

  if (*budget == 0)
    {
      fail (error, _("The format has too many segments."));
      return NULL;
    }
  (*budget)--;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, _("A segment is not described properly."));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!read_string (object, "kind", _("the kind"), &kind_nick, error) ||
      !read_string (object, "title", _("the title"), &title, error) ||
      !read_string (object, "notes", _("the notes"), &notes, error) ||
      !read_string (object, "cues", _("the cues"), &cues, error))
    return NULL;

  if (!convene_segment_kind_from_nick (kind_nick, &kind))
    {
      fail (error, _("A segment has a kind Convene does not know."));
      return NULL;
    }

  member = json_object_get_member (object, "duration");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_INT64)
    {
      fail (error, _("A segment has no duration in whole minutes."));
      return NULL;
    }
  duration = json_node_get_int (member);
  if (!convene_validate_duration (duration, error))
    return NULL;

  segment = pattern_segment (kind, title, (guint) duration, notes, cues);
  if (!read_fit_settings (object, segment, error))
    return NULL;

  member = json_object_get_member (object, "items");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      JsonArray *items;
      guint n;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          fail (error, _("A segment’s items are not a list."));
          return NULL;
        }
      items = json_node_get_array (member);
      n = json_array_get_length (items);
      if (n > 0 && is_item)
        {
          fail (error, _("An item cannot hold items of its own."));
          return NULL;
        }
      if (n > 0 && !convene_segment_kind_holds_items (kind))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* Translators: %s is a segment kind, such as “Break”. */
                       _("A segment of the kind “%s” cannot hold items."),
                       convene_segment_kind_get_label (kind));
          return NULL;
        }

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ConveneSegment) item = read_segment (json_array_get_element (items, i), TRUE,
                                                         budget, error);

          if (item == NULL)
            return NULL;
          g_list_store_append (convene_segment_get_items (segment), item);
        }
    }

  /* Formats saved before targets existed: a segment with items keeps its
   * duration as its target, as projects do. */
  member = json_object_get_member (object, "has_target");
  if (member == NULL || JSON_NODE_HOLDS_NULL (member))
    convene_segment_set_has_target (segment, duration > 0 &&
                                    g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (segment))) > 0);
  else if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_BOOLEAN)
    convene_segment_set_has_target (segment, json_node_get_boolean (member));
  else
    {
      fail (error, _("A segment’s target length switch is not true or false."));
      return NULL;
    }

  return g_steal_pointer (&segment);
}

ConveneFormat *
convene_format_new_from_data (const char  *data,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(ConveneFormat) self = NULL;
  JsonObject *root;
  JsonNode *member;
  JsonArray *segments;
  const char *name;
  const char *description;
  guint budget = CONVENE_FORMAT_MAX_SEGMENTS;
  guint n;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > CONVENE_FORMAT_MAX_FILE_BYTES)
    {
      fail (error, _("The file is too big to be a session format."));
      return NULL;
    }
  if (length == 0 || !g_utf8_validate (data, length, NULL) || memchr (data, '\0', length) != NULL)
    {
      fail (error, _("The file is not text."));
      return NULL;
    }
  if (!check_depth (data, length))
    {
      fail (error, _("The file is nested too deeply to be a session format."));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, NULL))
    {
      fail (error, _("The file is not valid JSON."));
      return NULL;
    }

  /* Only white space parses to no root at all. */
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      fail (error, _("The file is not a Convene session format."));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  member = json_object_get_member (root, "convene-format");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_INT64)
    {
      fail (error, _("The file is not a Convene session format."));
      return NULL;
    }
  /* Version 1 lacks Fit to Slot's settings, which read as their defaults. */
  if (json_node_get_int (member) < 1 || json_node_get_int (member) > CONVENE_FORMAT_FILE_VERSION)
    {
      fail (error, _("The format was saved by a newer version of Convene."));
      return NULL;
    }

  if (!read_string (root, "name", _("the name"), &name, error) ||
      !read_string (root, "description", _("the description"), &description, error))
    return NULL;
  if (name[0] == '\0')
    {
      fail (error, _("The format has no name."));
      return NULL;
    }

  member = json_object_get_member (root, "segments");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      fail (error, _("The format has no list of segments."));
      return NULL;
    }
  segments = json_node_get_array (member);
  n = json_array_get_length (segments);

  self = format_new (NULL, name, description, FALSE);
  {
    gint64 fit_step = CONVENE_DEFAULT_FIT_STEP;

    if (!read_optional_int (root, "fit_step", &fit_step, error) ||
        !convene_validate_fit_step (fit_step, error))
      return NULL;
    self->fit_step = (guint) fit_step;
  }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSegment) segment = read_segment (json_array_get_element (segments, i), FALSE,
                                                        &budget, error);

      if (segment == NULL)
        return NULL;
      g_list_store_append (self->segments, segment);
    }

  return g_steal_pointer (&self);
}

char *
convene_formats_dup_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "convene", "formats", NULL);
}

static ConveneFormat *
load_file (const char  *path,
           gsize       *budget,
           GError     **error)
{
  g_autofree char *data = NULL;
  ConveneFormat *self;
  GStatBuf st;
  gsize length;

  /* Only plain files: a link could point anywhere, a fifo would block. */
  if (g_lstat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      fail (error, _("It is not a regular file."));
      return NULL;
    }
  if (st.st_size > CONVENE_FORMAT_MAX_FILE_BYTES)
    {
      fail (error, _("The file is too big to be a session format."));
      return NULL;
    }
  if ((gsize) st.st_size > *budget)
    {
      fail (error, _("The saved formats together are too big to read."));
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  /* The file may have grown since it was looked at. */
  if (length > *budget || length > CONVENE_FORMAT_MAX_FILE_BYTES)
    {
      fail (error, _("The file is too big to be a session format."));
      return NULL;
    }
  *budget -= length;

  self = convene_format_new_from_data (data, length, error);
  if (self != NULL)
    {
      self->path = g_strdup (path);
      g_free (self->id);
      self->id = g_path_get_basename (path);
    }
  return self;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_formats (gconstpointer a,
                 gconstpointer b)
{
  ConveneFormat *fa = *(ConveneFormat * const *) a;
  ConveneFormat *fb = *(ConveneFormat * const *) b;
  int by_name = g_utf8_collate (fa->name, fb->name);

  return by_name != 0 ? by_name : strcmp (fa->id, fb->id);
}

GPtrArray *
convene_formats_load_saved (const char *dir)
{
  g_autofree char *own_dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *formats = g_ptr_array_new_with_free_func (g_object_unref);
  gsize budget = CONVENE_FORMAT_MAX_TOTAL_BYTES;
  const char *name;

  if (dir == NULL)
    dir = own_dir = convene_formats_dup_user_dir ();

  handle = g_dir_open (dir, 0, &error);
  if (handle == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_message ("Cannot read the saved session formats in %s: %s", dir, error->message);
      return formats;
    }

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      if (name[0] == '.' || !g_str_has_suffix (name, ".json"))
        continue;
      g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  if (names->len > CONVENE_FORMAT_MAX_FILES)
    {
      g_message ("Reading only the first %u of %u saved session formats in %s",
                 CONVENE_FORMAT_MAX_FILES, names->len, dir);
      g_ptr_array_set_size (names, CONVENE_FORMAT_MAX_FILES);
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(GError) load_error = NULL;
      ConveneFormat *format = load_file (path, &budget, &load_error);

      if (format == NULL)
        {
          g_message ("Skipping the saved session format %s: %s", path, load_error->message);
          continue;
        }
      g_ptr_array_add (formats, format);
    }

  g_ptr_array_sort (formats, compare_formats);
  return formats;
}

/* Saved formats: writing */

static ConveneSegment *
copy_pattern (ConveneSegment *segment,
              gboolean        with_items)
{
  ConveneSegment *copy = pattern_segment (convene_segment_get_kind (segment),
                                          convene_segment_get_title (segment),
                                          convene_segment_get_duration (segment),
                                          convene_segment_get_notes (segment),
                                          convene_segment_get_cues (segment));
  GListModel *items = G_LIST_MODEL (convene_segment_get_items (segment));

  convene_segment_set_has_target (copy, convene_segment_get_has_target (segment));
  convene_segment_copy_fit_settings (copy, segment);
  for (guint i = 0; with_items && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ConveneSegment) item = g_list_model_get_item (items, i);
      g_autoptr(ConveneSegment) item_copy = copy_pattern (item, FALSE);

      g_list_store_append (convene_segment_get_items (copy), item_copy);
    }
  return copy;
}

ConveneFormat *
convene_format_new_from_session (ConveneSession  *session,
                                 const char      *name,
                                 GError         **error)
{
  g_autoptr(ConveneFormat) self = NULL;
  g_autofree char *stripped = NULL;
  GListModel *segments;
  guint count = 0;

  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!convene_validate_text (name, -1, _("the name"), error))
    return NULL;
  stripped = g_strstrip (g_strdup (name));
  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TEXT,
                           _("A format needs a name."));
      return NULL;
    }

  self = format_new (NULL, stripped, NULL, FALSE);
  self->fit_step = convene_session_get_fit_step (session);
  segments = G_LIST_MODEL (convene_session_get_segments (session));
  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);
      g_autoptr(ConveneSegment) copy = copy_pattern (segment, TRUE);

      count += 1 + g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (copy)));
      g_list_store_append (self->segments, copy);
    }

  if (count > CONVENE_FORMAT_MAX_SEGMENTS)
    {
      g_set_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_NESTING,
                   _("A format holds at most %u segments and items."), CONVENE_FORMAT_MAX_SEGMENTS);
      return NULL;
    }

  return g_steal_pointer (&self);
}

static JsonNode *
segment_to_json (ConveneSegment *segment)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *items = G_LIST_MODEL (convene_segment_get_items (segment));
  guint n = g_list_model_get_n_items (items);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, convene_segment_kind_to_nick (convene_segment_get_kind (segment)));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, convene_segment_get_title (segment));
  json_builder_set_member_name (builder, "duration");
  json_builder_add_int_value (builder, convene_segment_get_duration (segment));
  json_builder_set_member_name (builder, "has_target");
  json_builder_add_boolean_value (builder, convene_segment_get_has_target (segment));
  json_builder_set_member_name (builder, "min_length");
  json_builder_add_int_value (builder, convene_segment_get_min_length (segment));
  json_builder_set_member_name (builder, "max_length");
  json_builder_add_int_value (builder, convene_segment_get_max_length (segment));
  json_builder_set_member_name (builder, "locked");
  json_builder_add_boolean_value (builder, convene_segment_get_locked (segment));
  json_builder_set_member_name (builder, "notes");
  json_builder_add_string_value (builder, convene_segment_get_notes (segment));
  json_builder_set_member_name (builder, "cues");
  json_builder_add_string_value (builder, convene_segment_get_cues (segment));
  if (n > 0)
    {
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ConveneSegment) item = g_list_model_get_item (items, i);

          json_builder_add_value (builder, segment_to_json (item));
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
convene_format_to_data (ConveneFormat *self,
                        gsize         *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *segments;

  g_return_val_if_fail (CONVENE_IS_FORMAT (self), NULL);

  segments = G_LIST_MODEL (self->segments);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "convene-format");
  json_builder_add_int_value (builder, CONVENE_FORMAT_FILE_VERSION);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, self->description);
  json_builder_set_member_name (builder, "fit_step");
  json_builder_add_int_value (builder, self->fit_step);
  json_builder_set_member_name (builder, "segments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(ConveneSegment) segment = g_list_model_get_item (segments, i);

      json_builder_add_value (builder, segment_to_json (segment));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, length);
}

/* A file name from the format's name: lower-case ASCII letters and digits,
 * the rest as dashes, so any name gives a safe, readable file name. */
static char *
file_stem (const char *name)
{
  GString *stem = g_string_new (NULL);

  for (const char *p = name; *p != '\0' && stem->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (stem, g_ascii_tolower (*p));
      else if (stem->len > 0 && stem->str[stem->len - 1] != '-')
        g_string_append_c (stem, '-');
    }
  while (stem->len > 0 && stem->str[stem->len - 1] == '-')
    g_string_truncate (stem, stem->len - 1);
  if (stem->len == 0)
    g_string_append (stem, "format");
  return g_string_free (stem, FALSE);
}

/* Reads data back as loading a saved file would, so that what is saved is
 * always listed again: a file the loader skips is never written. */
static gboolean
check_saveable (ConveneFormat  *self,
                const char     *data,
                gsize           length,
                GError        **error)
{
  g_autoptr(ConveneFormat) reread = NULL;
  g_autoptr(GError) local_error = NULL;

  if (length > CONVENE_FORMAT_MAX_FILE_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is the format's name, %u a size in MiB. */
                   _("Cannot save the format “%s”: its titles, notes and cues together are too long "
                     "for a format (at most %u MiB). Shorten the notes and try again."),
                   self->name, CONVENE_FORMAT_MAX_FILE_BYTES / (1024 * 1024));
      return FALSE;
    }

  reread = convene_format_new_from_data (data, length, &local_error);
  if (reread == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is the format's name, the second why it cannot be read back. */
                   _("Cannot save the format “%s”: %s"), self->name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
convene_format_save (ConveneFormat  *self,
                     const char     *dir,
                     GError        **error)
{
  g_autofree char *own_dir = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  gsize length;

  g_return_val_if_fail (CONVENE_IS_FORMAT (self), FALSE);
  g_return_val_if_fail (!self->builtin, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = convene_format_to_data (self, &length);
  if (!check_saveable (self, data, length, error))
    return FALSE;

  if (dir == NULL)
    dir = own_dir = convene_formats_dup_user_dir ();

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: %s is a folder, the second a reason. */
                   _("Cannot create the folder for saved formats “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  stem = file_stem (self->name);
  for (guint i = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK); i++)
    {
      g_autofree char *base = i == 1 ? g_strdup_printf ("%s.json", stem)
                                     : g_strdup_printf ("%s-%u.json", stem, i);

      g_free (path);
      path = g_build_filename (dir, base, NULL);
    }

  if (!g_file_set_contents (path, data, (gssize) length, error))
    return FALSE;

  g_free (self->path);
  self->path = g_steal_pointer (&path);
  g_free (self->id);
  self->id = g_path_get_basename (self->path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  return TRUE;
}

gboolean
convene_format_delete (ConveneFormat  *self,
                       GError        **error)
{
  g_return_val_if_fail (CONVENE_IS_FORMAT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->builtin || self->path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only saved formats can be deleted."));
      return FALSE;
    }

  if (g_unlink (self->path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: %s is the format's name, the second a reason. */
                   _("Cannot delete the format “%s”: %s"), self->name, g_strerror (saved));
      return FALSE;
    }

  g_clear_pointer (&self->path, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  return TRUE;
}

ConveneSession *
convene_format_instantiate (ConveneFormat  *self,
                            ConveneProject *project,
                            const char     *title,
                            const char     *date,
                            int             start_time)
{
  ConveneSession *session;
  GListModel *segments;
  guint total;

  g_return_val_if_fail (CONVENE_IS_FORMAT (self), NULL);
  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);

  total = convene_format_get_total_minutes (self);
  if (total == 0)
    total = BLANK_SLOT_MINUTES;
  total = MIN (total, CONVENE_MAX_SLOT_MINUTES);

  session = convene_session_new (convene_project_new_id (project), title, date, start_time, total);
  convene_session_set_fit_step (session, self->fit_step);
  segments = G_LIST_MODEL (self->segments);
  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(ConveneSegment) pattern = g_list_model_get_item (segments, i);
      GListModel *items = G_LIST_MODEL (convene_segment_get_items (pattern));
      g_autoptr(ConveneSegment) segment =
        convene_segment_new (convene_project_new_id (project), convene_segment_get_kind (pattern),
                             convene_segment_get_title (pattern), convene_segment_get_duration (pattern));

      convene_segment_set_notes (segment, convene_segment_get_notes (pattern));
      convene_segment_set_cues (segment, convene_segment_get_cues (pattern));
      convene_segment_set_has_target (segment, convene_segment_get_has_target (pattern));
      convene_segment_copy_fit_settings (segment, pattern);
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(ConveneSegment) item_pattern = g_list_model_get_item (items, j);
          g_autoptr(ConveneSegment) item =
            convene_segment_new (convene_project_new_id (project), convene_segment_get_kind (item_pattern),
                                 convene_segment_get_title (item_pattern),
                                 convene_segment_get_duration (item_pattern));

          convene_segment_set_notes (item, convene_segment_get_notes (item_pattern));
          convene_segment_set_cues (item, convene_segment_get_cues (item_pattern));
          convene_segment_copy_fit_settings (item, item_pattern);
          g_list_store_append (convene_segment_get_items (segment), item);
        }
      g_list_store_append (convene_session_get_segments (session), segment);
    }

  return session;
}

static void
convene_format_finalize (GObject *object)
{
  ConveneFormat *self = CONVENE_FORMAT (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_free (self->path);
  g_clear_object (&self->segments);

  G_OBJECT_CLASS (convene_format_parent_class)->finalize (object);
}

static void
convene_format_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ConveneFormat *self = CONVENE_FORMAT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_BUILTIN:
      g_value_set_boolean (value, self->builtin);
      break;
    case PROP_TOTAL_MINUTES:
      g_value_set_uint (value, convene_format_get_total_minutes (self));
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_format_class_init (ConveneFormatClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = convene_format_finalize;
  object_class->get_property = convene_format_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUILTIN] =
    g_param_spec_boolean ("builtin", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TOTAL_MINUTES] =
    g_param_spec_uint ("total-minutes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
convene_format_init (ConveneFormat *self)
{
  self->segments = g_list_store_new (CONVENE_TYPE_SEGMENT);
}
