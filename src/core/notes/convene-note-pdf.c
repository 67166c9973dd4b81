#define G_LOG_DOMAIN "convene-notes"
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <poppler.h>

#include "convene-note-error.h"
#include "convene-note-pdf.h"

/* A concept note has a few pages; a document far longer is something else,
 * and reading it would keep the planner waiting. */
#define MAX_PDF_PAGES 150
/* Text read from all pages together stays under this. */
#define MAX_PDF_TEXT_BYTES (4 * 1024 * 1024)
/* A line this much bigger than the body text is a heading. */
#define HEADING_SCALE 1.15
/* Headings are short and are no sentence. */
#define MAX_HEADING_CHARS 90

typedef struct
{
  char    *text;
  double   top;
  double   bottom;
  double   size;      /* the largest font size on the line */
  gboolean bold;      /* every letter of it in a bold face */
  gboolean page_start;
} PdfLine;

static void
pdf_line_clear (gpointer data)
{
  PdfLine *line = data;

  g_free (line->text);
}

static gboolean
is_bold_face (const char *font_name)
{
  static const char *const weights[] = { "bold", "black", "heavy", "semibold", "demibold", "extrabold" };
  g_autofree char *folded = g_ascii_strdown (font_name != NULL ? font_name : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    if (strstr (folded, weights[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The font of the character at offset: its attributes' run, if any. */
static PopplerTextAttributes *
attributes_at (GList **cursor,
               guint   offset)
{
  while (*cursor != NULL && ((PopplerTextAttributes *) (*cursor)->data)->end_index < (int) offset)
    *cursor = (*cursor)->next;
  if (*cursor == NULL || ((PopplerTextAttributes *) (*cursor)->data)->start_index > (int) offset)
    return NULL;
  return (*cursor)->data;
}

/* The page's lines in poppler's reading order, each with where it sits and
 * the size and weight of its font. */
static void
read_page (PopplerPage *page,
           GArray      *lines,
           GHashTable  *sizes)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  GList *attributes;
  GList *cursor;
  guint n_rects = 0;
  guint offset = 0;
  gboolean first = TRUE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return;
  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    n_rects = 0;
  attributes = poppler_page_get_text_attributes (page);
  cursor = attributes;

  for (const char *p = text; *p != '\0';)
    {
      const char *eol = strchr (p, '\n');
      gsize bytes = eol != NULL ? (gsize) (eol - p) : strlen (p);
      PdfLine line = { 0 };
      gboolean any = FALSE;
      guint letters = 0;
      guint bold_letters = 0;
      const char *c = p;

      line.top = G_MAXDOUBLE;
      line.bottom = -G_MAXDOUBLE;
      for (; c < p + bytes; c = g_utf8_next_char (c), offset++)
        {
          gunichar ch = g_utf8_get_char (c);
          PopplerTextAttributes *font;

          if (g_unichar_isspace (ch))
            continue;
          if (offset < n_rects)
            {
              line.top = MIN (line.top, MIN (rects[offset].y1, rects[offset].y2));
              line.bottom = MAX (line.bottom, MAX (rects[offset].y1, rects[offset].y2));
              any = TRUE;
            }
          font = attributes_at (&cursor, offset);
          if (font != NULL)
            {
              double rounded = font->font_size > 0 ? (double) (int) (font->font_size * 2 + 0.5) / 2 : 0;
              gpointer key = GINT_TO_POINTER ((int) (rounded * 2));

              line.size = MAX (line.size, rounded);
              letters++;
              bold_letters += is_bold_face (font->font_name);
              g_hash_table_insert (sizes, key,
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (sizes, key)) + 1));
            }
        }
      /* The newline's own place in the layout. */
      if (eol != NULL)
        offset++;

      line.text = g_strndup (p, bytes);
      g_strstrip (line.text);
      line.bold = letters > 0 && bold_letters == letters;
      if (!any)
        line.top = line.bottom = lines->len > 0 ? g_array_index (lines, PdfLine, lines->len - 1).bottom : 0;
      if (*line.text != '\0')
        {
          line.page_start = first;
          first = FALSE;
          g_array_append_val (lines, line);
        }
      else
        g_free (line.text);
      p = eol != NULL ? eol + 1 : p + bytes;
    }
  poppler_page_free_text_attributes (attributes);
}

/* The font size most of the text is set in. */
static double
body_size (GHashTable *sizes)
{
  GHashTableIter iter;
  gpointer key;
  gpointer count;
  guint best_count = 0;
  int best = 0;

  g_hash_table_iter_init (&iter, sizes);
  while (g_hash_table_iter_next (&iter, &key, &count))
    if (GPOINTER_TO_UINT (count) > best_count ||
        (GPOINTER_TO_UINT (count) == best_count && GPOINTER_TO_INT (key) < best))
      {
        best_count = GPOINTER_TO_UINT (count);
        best = GPOINTER_TO_INT (key);
      }
  return best / 2.0;
}

static gboolean
is_heading (const PdfLine *line,
            double         body,
            gboolean       body_bold)
{
  gsize length = g_utf8_strlen (line->text, -1);
  gunichar last = length > 0 ? g_utf8_get_char (g_utf8_find_prev_char (line->text, line->text + strlen (line->text))) : 0;

  if (length == 0 || length > MAX_HEADING_CHARS || last == '.' || last == ',' || last == ';')
    return FALSE;
  return (body > 0 && line->size >= body * HEADING_SCALE) || (line->bold && !body_bold);
}

/* The lines as text: a blank line where the page leaves a gap (a new
 * paragraph) or a new page starts, and "# " before a heading, as Markdown
 * marks one, so the classifier knows it from its look and not only from
 * its words. */
static char *
lines_to_text (GArray *lines,
               double  body)
{
  GString *out = g_string_new (NULL);
  guint bold = 0;
  gboolean body_bold;

  for (guint i = 0; i < lines->len; i++)
    bold += g_array_index (lines, PdfLine, i).bold;
  body_bold = lines->len > 0 && bold * 2 > lines->len;

  for (guint i = 0; i < lines->len; i++)
    {
      const PdfLine *line = &g_array_index (lines, PdfLine, i);
      gboolean heading = is_heading (line, body, body_bold);

      if (i > 0)
        {
          const PdfLine *before = &g_array_index (lines, PdfLine, i - 1);
          double height = MAX (before->bottom - before->top, 1.0);
          gboolean gap = line->page_start || line->top - before->bottom > height * 0.8 ||
                         heading || is_heading (before, body, body_bold);

          g_string_append (out, gap ? "\n\n" : "\n");
        }
      if (heading)
        g_string_append (out, "# ");
      g_string_append (out, line->text);
    }
  if (out->len > 0)
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* Reads every page's lines, within the bounds a concept note keeps to. */
static gboolean
read_document (PopplerDocument *document,
               GArray          *lines,
               GHashTable      *sizes,
               GError         **error)
{
  int n_pages = poppler_document_get_n_pages (document);
  gsize total = 0;

  if (n_pages > MAX_PDF_PAGES)
    {
      g_set_error (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_TOO_LARGE,
                   /* Translators: %d is a number of pages, always more than a hundred. */
                   _("The PDF has %d pages, far more than a concept note."), n_pages);
      return FALSE;
    }

  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      guint before = lines->len;

      if (page == NULL)
        continue;
      read_page (page, lines, sizes);
      g_object_unref (page);
      for (guint j = before; j < lines->len; j++)
        total += strlen (g_array_index (lines, PdfLine, j).text) + 1;
      if (total > MAX_PDF_TEXT_BYTES)
        {
          g_set_error_literal (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_TOO_LARGE,
                               _("The PDF holds far more text than a concept note."));
          return FALSE;
        }
    }

  if (lines->len == 0)
    {
      g_set_error_literal (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_EMPTY,
                           _("No text found: this looks like a scanned document. "
                             "Run it through text recognition, or paste its text here."));
      return FALSE;
    }
  return TRUE;
}

char *
convene_note_pdf_text (const char *data,
                       gsize       length,
                       GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GHashTable) sizes = NULL;
  char *text = NULL;

  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT,
                             _("The PDF is protected with a password. Save a copy without one and try again."));
      else
        g_set_error_literal (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT,
                             _("The PDF is damaged or incomplete: it cannot be opened."));
      return NULL;
    }
  lines = g_array_new (FALSE, TRUE, sizeof (PdfLine));
  g_array_set_clear_func (lines, pdf_line_clear);
  sizes = g_hash_table_new (NULL, NULL);
  if (read_document (document, lines, sizes, error))
    text = lines_to_text (lines, body_size (sizes));
  g_object_unref (document);
  return text;
}

