#define G_LOG_DOMAIN "convene-notes"
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "convene-concept-note.h"
#include "convene-note-files-private.h"

#define N_LEVELS 10

typedef struct
{
  gboolean bullet;
  char    *format;    /* "I", "A", "1", "a", "i", "" */
  char    *prefix;
  char    *suffix;
  int      start;
  int      display;   /* how many levels the label shows: "1.2." */
} ListLevel;

typedef struct
{
  ListLevel levels[N_LEVELS];
  int       counters[N_LEVELS];
} ListStyle;

typedef struct
{
  GHashTable *styles;  /* style name -> ListStyle */
  GString    *out;
} Reader;

static void
style_free (gpointer data)
{
  ListStyle *style = data;

  for (guint i = 0; i < N_LEVELS; i++)
    {
      g_free (style->levels[i].format);
      g_free (style->levels[i].prefix);
      g_free (style->levels[i].suffix);
    }
  g_free (style);
}

/* text:list-style elements anywhere under node. */
static void
read_list_styles (Reader  *self,
                  xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *name = NULL;
      ListStyle *style;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!convene_note_xml_is (child, "text:list-style"))
        {
          if (convene_note_xml_is (child, "office:automatic-styles") || convene_note_xml_is (child, "office:styles"))
            read_list_styles (self, child);
          continue;
        }
      name = convene_note_xml_attr (child, "style:name");
      if (name == NULL)
        continue;
      style = g_new0 (ListStyle, 1);
      for (xmlNode *level_node = child->children; level_node != NULL; level_node = level_node->next)
        {
          g_autofree char *level_text = convene_note_xml_attr (level_node, "text:level");
          g_autofree char *start = NULL;
          g_autofree char *display = NULL;
          int level = convene_note_parse_number (level_text, 0) - 1;
          ListLevel *entry;

          if (level < 0 || level >= N_LEVELS)
            continue;
          entry = &style->levels[level];
          if (convene_note_xml_is (level_node, "text:list-level-style-bullet"))
            entry->bullet = TRUE;
          else if (!convene_note_xml_is (level_node, "text:list-level-style-number"))
            continue;
          g_free (entry->format);
          entry->format = convene_note_xml_attr (level_node, "style:num-format");
          g_free (entry->prefix);
          entry->prefix = convene_note_xml_attr (level_node, "style:num-prefix");
          g_free (entry->suffix);
          entry->suffix = convene_note_xml_attr (level_node, "style:num-suffix");
          start = convene_note_xml_attr (level_node, "text:start-value");
          entry->start = convene_note_parse_number (start, 1);
          display = convene_note_xml_attr (level_node, "text:display-levels");
          entry->display = CLAMP (convene_note_parse_number (display, 1), 1, level + 1);
        }
      g_hash_table_replace (self->styles, g_steal_pointer (&name), style);
    }
}

static void
collect_text (xmlNode *node,
              GString *out)
{
  for (xmlNode *child = node->children; child != NULL && out->len < CONVENE_NOTE_MAX_PART_BYTES;
       child = child->next)
    {
      if (child->type == XML_TEXT_NODE && child->content != NULL)
        g_string_append (out, (const char *) child->content);
      else if (convene_note_xml_is (child, "text:s"))
        {
          g_autofree char *count = convene_note_xml_attr (child, "text:c");
          int n = CLAMP (convene_note_parse_number (count, 1), 1, 100);

          for (int i = 0; i < n; i++)
            g_string_append_c (out, ' ');
        }
      else if (convene_note_xml_is (child, "text:tab"))
        g_string_append_c (out, '\t');
      else if (convene_note_xml_is (child, "text:line-break"))
        g_string_append_c (out, '\n');
      else if (convene_note_xml_is (child, "text:note") || convene_note_xml_is (child, "office:annotation") ||
               convene_note_xml_is (child, "text:tracked-changes"))
        continue;
      else if (child->type == XML_ELEMENT_NODE)
        collect_text (child, out);
    }
}

static char *
list_label (Reader     *self,
            const char *style_name,
            int         level)
{
  ListStyle *style = style_name != NULL ? g_hash_table_lookup (self->styles, style_name) : NULL;
  ListLevel *entry;
  GString *label;

  if (style == NULL || level < 0 || level >= N_LEVELS)
    return NULL;
  entry = &style->levels[level];
  style->counters[level]++;
  for (int deeper = level + 1; deeper < N_LEVELS; deeper++)
    style->counters[deeper] = 0;
  if (entry->bullet)
    return g_strdup ("•");
  if (entry->format == NULL || entry->format[0] == '\0')
    return NULL;

  label = g_string_new (entry->prefix);
  for (int shown = level - entry->display + 1; shown <= level; shown++)
    {
      int value = style->counters[shown] > 0 ? style->counters[shown] : MAX (style->levels[shown].start, 1);
      g_autofree char *number = convene_note_format_number (value, style->levels[shown].format);

      if (shown > level - entry->display + 1)
        g_string_append_c (label, '.');
      g_string_append (label, number);
    }
  if (entry->suffix != NULL)
    g_string_append (label, entry->suffix);
  return g_string_free (label, FALSE);
}

static void
emit_paragraph (Reader     *self,
                xmlNode    *paragraph,
                const char *label)
{
  g_autoptr(GString) text = g_string_new (NULL);

  collect_text (paragraph, text);
  if (label != NULL && label[0] != '\0')
    {
      g_string_append (self->out, label);
      g_string_append_c (self->out, ' ');
    }
  g_string_append (self->out, text->str);
  g_string_append_c (self->out, '\n');
}

static void read_block (Reader *self, xmlNode *node);

static void
read_list (Reader     *self,
           xmlNode    *list,
           const char *inherited_style,
           int         level)
{
  g_autofree char *own_style = convene_note_xml_attr (list, "text:style-name");
  g_autofree char *continues = convene_note_xml_attr (list, "text:continue-numbering");
  g_autofree char *continue_list = convene_note_xml_attr (list, "text:continue-list");
  const char *style_name = own_style != NULL ? own_style : inherited_style;
  ListStyle *style = style_name != NULL ? g_hash_table_lookup (self->styles, style_name) : NULL;

  /* A list numbers from its start again unless it says it continues. */
  if (style != NULL && level < N_LEVELS && g_strcmp0 (continues, "true") != 0 && continue_list == NULL)
    style->counters[level] = MAX (style->levels[level].start, 1) - 1;

  for (xmlNode *item = list->children; item != NULL; item = item->next)
    {
      gboolean first = TRUE;
      gboolean numbered = convene_note_xml_is (item, "text:list-item");

      if (!numbered && !convene_note_xml_is (item, "text:list-header"))
        continue;
      if (numbered && style != NULL && level < N_LEVELS)
        {
          g_autofree char *start = convene_note_xml_attr (item, "text:start-value");

          if (start != NULL)
            style->counters[level] = convene_note_parse_number (start, 1) - 1;
        }
      for (xmlNode *child = item->children; child != NULL; child = child->next)
        {
          if (convene_note_xml_is (child, "text:p") || convene_note_xml_is (child, "text:h"))
            {
              g_autofree char *label = numbered && first ? list_label (self, style_name, level) : NULL;

              emit_paragraph (self, child, label);
              first = FALSE;
            }
          else if (convene_note_xml_is (child, "text:list") && level + 1 < N_LEVELS)
            read_list (self, child, style_name, level + 1);
        }
    }
}

static void
read_table (Reader  *self,
            xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      gboolean first = TRUE;

      if (convene_note_xml_is (child, "table:table-header-rows") || convene_note_xml_is (child, "table:table-rows") ||
          convene_note_xml_is (child, "table:table-row-group"))
        {
          read_table (self, child);
          continue;
        }
      if (!convene_note_xml_is (child, "table:table-row"))
        continue;
      for (xmlNode *cell = child->children; cell != NULL; cell = cell->next)
        {
          g_autoptr(GString) cell_text = g_string_new (NULL);

          if (!convene_note_xml_is (cell, "table:table-cell"))
            continue;
          for (xmlNode *paragraph = cell->children; paragraph != NULL; paragraph = paragraph->next)
            if (convene_note_xml_is (paragraph, "text:p") || convene_note_xml_is (paragraph, "text:h"))
              {
                if (cell_text->len > 0)
                  g_string_append_c (cell_text, ' ');
                collect_text (paragraph, cell_text);
              }
          convene_note_append_cell (self->out, cell_text->str, &first);
        }
      g_string_append_c (self->out, '\n');
    }
}

static void
read_block (Reader  *self,
            xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL && self->out->len < CONVENE_NOTE_MAX_PART_BYTES;
       child = child->next)
    {
      if (convene_note_xml_is (child, "text:p") || convene_note_xml_is (child, "text:h"))
        emit_paragraph (self, child, NULL);
      else if (convene_note_xml_is (child, "text:list"))
        read_list (self, child, NULL, 0);
      else if (convene_note_xml_is (child, "table:table"))
        read_table (self, child);
      else if (convene_note_xml_is (child, "text:section") || convene_note_xml_is (child, "office:text") ||
               convene_note_xml_is (child, "office:body"))
        read_block (self, child);
    }
}

char *
convene_note_odt_text (ConveneNoteArchive *archive,
                       GError            **error)
{
  xmlDoc *content = convene_note_archive_read_xml (archive, "content.xml", error);
  xmlDoc *styles = NULL;
  Reader reader = { 0 };

  if (content == NULL)
    return NULL;
  reader.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, style_free);
  reader.out = g_string_new (NULL);

  styles = convene_note_archive_read_xml (archive, "styles.xml", NULL);
  if (styles != NULL)
    read_list_styles (&reader, xmlDocGetRootElement (styles));
  read_list_styles (&reader, xmlDocGetRootElement (content));
  read_block (&reader, xmlDocGetRootElement (content));

  if (styles != NULL)
    xmlFreeDoc (styles);
  xmlFreeDoc (content);
  g_hash_table_unref (reader.styles);
  return g_string_free (reader.out, FALSE);
}
