#define G_LOG_DOMAIN "convene-notes"
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "convene-concept-note.h"
#include "convene-note-files-private.h"

/* Word keeps nine list levels. */
#define N_LEVELS 9

typedef struct
{
  int   start;
  char *format;   /* "upperRoman", "decimal", "bullet" … */
  char *text;     /* "%1.", "%2)" */
} Level;

typedef struct
{
  Level levels[N_LEVELS];
  int   counters[N_LEVELS];  /* 0: not used yet */
} AbstractNum;

typedef struct
{
  GHashTable *abstracts;  /* abstractNumId -> AbstractNum */
  GHashTable *nums;       /* numId -> abstractNumId (char *) */
  GHashTable *overrides;  /* "numId:ilvl" -> start (int in a pointer), for numbering that starts again */
  GString    *out;
} Reader;

static void
abstract_free (gpointer data)
{
  AbstractNum *abstract = data;

  for (guint i = 0; i < N_LEVELS; i++)
    {
      g_free (abstract->levels[i].format);
      g_free (abstract->levels[i].text);
    }
  g_free (abstract);
}

static char *
child_value (xmlNode    *node,
             const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (convene_note_xml_is (child, name))
      return convene_note_xml_attr (child, "w:val");
  return NULL;
}

static xmlNode *
child_named (xmlNode    *node,
             const char *name)
{
  for (xmlNode *child = node != NULL ? node->children : NULL; child != NULL; child = child->next)
    if (convene_note_xml_is (child, name))
      return child;
  return NULL;
}

/* numbering.xml: the list definitions that automatic numbers come from. */
static void
read_numbering (Reader *self,
                xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (convene_note_xml_is (node, "w:abstractNum"))
        {
          g_autofree char *id = convene_note_xml_attr (node, "w:abstractNumId");
          AbstractNum *abstract;

          if (id == NULL)
            continue;
          abstract = g_new0 (AbstractNum, 1);
          for (xmlNode *lvl = node->children; lvl != NULL; lvl = lvl->next)
            {
              g_autofree char *ilvl = NULL;
              g_autofree char *start = NULL;
              int level;

              if (!convene_note_xml_is (lvl, "w:lvl"))
                continue;
              ilvl = convene_note_xml_attr (lvl, "w:ilvl");
              level = convene_note_parse_number (ilvl, -1);
              if (level < 0 || level >= N_LEVELS)
                continue;
              start = child_value (lvl, "w:start");
              abstract->levels[level].start = convene_note_parse_number (start, 1);
              g_free (abstract->levels[level].format);
              abstract->levels[level].format = child_value (lvl, "w:numFmt");
              g_free (abstract->levels[level].text);
              abstract->levels[level].text = child_value (lvl, "w:lvlText");
            }
          g_hash_table_replace (self->abstracts, g_steal_pointer (&id), abstract);
        }
      else if (convene_note_xml_is (node, "w:num"))
        {
          g_autofree char *id = convene_note_xml_attr (node, "w:numId");
          char *abstract = child_value (node, "w:abstractNumId");

          if (id == NULL || abstract == NULL)
            {
              g_free (abstract);
              continue;
            }
          for (xmlNode *over = node->children; over != NULL; over = over->next)
            {
              g_autofree char *ilvl = NULL;
              g_autofree char *start = NULL;

              if (!convene_note_xml_is (over, "w:lvlOverride"))
                continue;
              ilvl = convene_note_xml_attr (over, "w:ilvl");
              start = child_value (over, "w:startOverride");
              if (ilvl != NULL && start != NULL)
                g_hash_table_replace (self->overrides, g_strdup_printf ("%s:%s", id, ilvl),
                                      GINT_TO_POINTER (convene_note_parse_number (start, 1)));
            }
          g_hash_table_replace (self->nums, g_steal_pointer (&id), abstract);
        }
    }
}

/* The label Word shows before a numbered paragraph ("II.", "A.", "•"),
 * counting it; NULL for a paragraph that is not numbered. */
static char *
paragraph_label (Reader  *self,
                 xmlNode *paragraph)
{
  xmlNode *numbering = child_named (child_named (paragraph, "w:pPr"), "w:numPr");
  g_autofree char *num_id = NULL;
  g_autofree char *ilvl = NULL;
  g_autofree char *override_key = NULL;
  const char *abstract_id;
  AbstractNum *abstract;
  GString *label;
  Level *level;
  int depth;
  gpointer override;

  if (numbering == NULL)
    return NULL;
  num_id = child_value (numbering, "w:numId");
  ilvl = child_value (numbering, "w:ilvl");
  depth = convene_note_parse_number (ilvl, 0);
  abstract_id = num_id != NULL ? g_hash_table_lookup (self->nums, num_id) : NULL;
  abstract = abstract_id != NULL ? g_hash_table_lookup (self->abstracts, abstract_id) : NULL;
  if (abstract == NULL || depth < 0 || depth >= N_LEVELS)
    return NULL;
  level = &abstract->levels[depth];

  /* A list that starts again (a numId with its own start) counts anew once. */
  override_key = g_strdup_printf ("%s:%d", num_id, depth);
  if (g_hash_table_steal_extended (self->overrides, override_key, NULL, &override))
    abstract->counters[depth] = GPOINTER_TO_INT (override) - 1;
  if (abstract->counters[depth] == 0 && level->start > 0)
    abstract->counters[depth] = level->start - 1;
  abstract->counters[depth]++;
  for (int deeper = depth + 1; deeper < N_LEVELS; deeper++)
    abstract->counters[deeper] = 0;

  if (level->format != NULL && g_str_equal (level->format, "bullet"))
    return g_strdup ("•");
  if (level->text == NULL)
    return NULL;

  label = g_string_new (NULL);
  for (const char *p = level->text; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] >= '1' && p[1] <= '9')
        {
          int which = p[1] - '1';
          int value = abstract->counters[which] > 0 ? abstract->counters[which]
                      : MAX (abstract->levels[which].start, 1);
          g_autofree char *number = convene_note_format_number (value, abstract->levels[which].format);

          g_string_append (label, number);
          p++;
        }
      else
        g_string_append_c (label, *p);
    }
  return g_string_free (label, FALSE);
}

/* The text of the runs under node. */
static void
collect_runs (xmlNode *node,
              GString *out)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (convene_note_xml_is (child, "w:t"))
        {
          for (xmlNode *text = child->children; text != NULL; text = text->next)
            if (text->type == XML_TEXT_NODE && text->content != NULL)
              g_string_append (out, (const char *) text->content);
        }
      else if (convene_note_xml_is (child, "w:tab"))
        g_string_append_c (out, '\t');
      else if (convene_note_xml_is (child, "w:br") || convene_note_xml_is (child, "w:cr"))
        g_string_append_c (out, '\n');
      else if (convene_note_xml_is (child, "w:noBreakHyphen"))
        g_string_append_c (out, '-');
      else if (convene_note_xml_is (child, "w:pPr") || convene_note_xml_is (child, "w:rPr") ||
               convene_note_xml_is (child, "w:del") || convene_note_xml_is (child, "w:instrText") ||
               convene_note_xml_is (child, "w:delText"))
        continue;
      else if (out->len < CONVENE_NOTE_MAX_PART_BYTES)
        collect_runs (child, out);
    }
}

static char *
paragraph_text (Reader  *self,
                xmlNode *paragraph)
{
  g_autofree char *label = paragraph_label (self, paragraph);
  GString *text = g_string_new (NULL);

  collect_runs (paragraph, text);
  if (label != NULL && label[0] != '\0')
    {
      g_string_prepend_c (text, ' ');
      g_string_prepend (text, label);
    }
  return g_string_free (text, FALSE);
}

static void read_block (Reader *self, xmlNode *node);

/* A table row is one line, its cells apart: an agenda's time and title. */
static void
read_table (Reader  *self,
            xmlNode *table)
{
  for (xmlNode *row = table->children; row != NULL; row = row->next)
    {
      gboolean first = TRUE;

      if (!convene_note_xml_is (row, "w:tr"))
        continue;
      for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
        {
          g_autoptr(GString) cell_text = g_string_new (NULL);

          if (!convene_note_xml_is (cell, "w:tc"))
            continue;
          for (xmlNode *paragraph = cell->children; paragraph != NULL; paragraph = paragraph->next)
            if (convene_note_xml_is (paragraph, "w:p"))
              {
                g_autofree char *text = paragraph_text (self, paragraph);

                if (text[0] == '\0')
                  continue;
                if (cell_text->len > 0)
                  g_string_append_c (cell_text, ' ');
                g_string_append (cell_text, text);
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
      if (convene_note_xml_is (child, "w:p"))
        {
          g_autofree char *text = paragraph_text (self, child);

          g_string_append (self->out, text);
          g_string_append_c (self->out, '\n');
        }
      else if (convene_note_xml_is (child, "w:tbl"))
        read_table (self, child);
      else if (convene_note_xml_is (child, "w:sdt") || convene_note_xml_is (child, "w:sdtContent") ||
               convene_note_xml_is (child, "w:customXml"))
        read_block (self, child);
    }
}

char *
convene_note_docx_text (ConveneNoteArchive *archive,
                        GError            **error)
{
  xmlDoc *document = convene_note_archive_read_xml (archive, "word/document.xml", error);
  xmlDoc *numbering = NULL;
  xmlNode *body;
  Reader reader = { 0 };

  if (document == NULL)
    return NULL;
  reader.abstracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, abstract_free);
  reader.nums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader.overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.out = g_string_new (NULL);

  numbering = convene_note_archive_read_xml (archive, "word/numbering.xml", NULL);
  if (numbering != NULL)
    read_numbering (&reader, numbering);

  body = child_named (xmlDocGetRootElement (document), "w:body");
  if (body != NULL)
    read_block (&reader, body);

  if (numbering != NULL)
    xmlFreeDoc (numbering);
  xmlFreeDoc (document);
  g_hash_table_unref (reader.abstracts);
  g_hash_table_unref (reader.nums);
  g_hash_table_unref (reader.overrides);
  return g_string_free (reader.out, FALSE);
}
