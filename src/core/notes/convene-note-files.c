#define G_LOG_DOMAIN "convene-notes"
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <archive.h>
#include <archive_entry.h>
#include <gmodule.h>
#include <libxml/parser.h>

#include "convene-concept-note.h"
#include "convene-note-files.h"
#include "convene-note-files-private.h"
#include "convene-note-pdf.h"

/* All members read together stay under this. */
#define MAX_ARCHIVE_BYTES (64 * 1024 * 1024)
/* The members a note is read from; the others (pictures) are skipped. */
#define MAX_MEMBERS 2000

struct _ConveneNoteArchive
{
  GHashTable *members;  /* path -> GBytes */
};

void
convene_note_archive_free (ConveneNoteArchive *archive)
{
  if (archive == NULL)
    return;
  g_hash_table_unref (archive->members);
  g_free (archive);
}

static void
set_damaged (GError **error)
{
  g_set_error_literal (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT,
                       _("The document is damaged or is not a Word or OpenDocument file."));
}

static gboolean
wanted_member (const char *path)
{
  return g_str_has_suffix (path, ".xml");
}

ConveneNoteArchive *
convene_note_archive_open (const char *data,
                           gsize       length,
                           GError    **error)
{
  g_autoptr(ConveneNoteArchive) archive = g_new0 (ConveneNoteArchive, 1);
  struct archive *reader = archive_read_new ();
  struct archive_entry *entry;
  gsize total = 0;
  guint n = 0;
  int status;

  archive->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  archive_read_support_format_zip (reader);
  if (archive_read_open_memory (reader, data, length) != ARCHIVE_OK)
    {
      archive_read_free (reader);
      set_damaged (error);
      return NULL;
    }

  while ((status = archive_read_next_header (reader, &entry)) == ARCHIVE_OK)
    {
      const char *path = archive_entry_pathname (entry);
      GByteArray *bytes;
      char buffer[16384];
      la_ssize_t got;

      if (++n > MAX_MEMBERS)
        break;
      if (path == NULL || !wanted_member (path))
        continue;
      if (archive_entry_is_encrypted (entry))
        {
          archive_read_free (reader);
          g_set_error_literal (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT,
                               _("The document is protected with a password. Save it without one and try again."));
          return NULL;
        }

      bytes = g_byte_array_new ();
      while ((got = archive_read_data (reader, buffer, sizeof buffer)) > 0)
        {
          total += (gsize) got;
          if (bytes->len + (gsize) got > CONVENE_NOTE_MAX_PART_BYTES || total > MAX_ARCHIVE_BYTES)
            {
              g_byte_array_unref (bytes);
              archive_read_free (reader);
              g_set_error_literal (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_TOO_LARGE,
                                   _("The document unpacks to far more than a concept note holds; it may be damaged."));
              return NULL;
            }
          g_byte_array_append (bytes, (const guint8 *) buffer, (guint) got);
        }
      if (got < 0)
        {
          g_byte_array_unref (bytes);
          archive_read_free (reader);
          set_damaged (error);
          return NULL;
        }
      g_hash_table_replace (archive->members, g_strdup (path), g_byte_array_free_to_bytes (bytes));
    }
  archive_read_free (reader);
  if (status != ARCHIVE_EOF && status != ARCHIVE_OK)
    {
      set_damaged (error);
      return NULL;
    }
  return g_steal_pointer (&archive);
}

xmlDoc *
convene_note_archive_read_xml (ConveneNoteArchive *archive,
                               const char         *path,
                               GError            **error)
{
  GBytes *bytes = g_hash_table_lookup (archive->members, path);
  gsize size = 0;
  const char *data;
  xmlDoc *doc;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  /* No entity expansion, no DTD loading, no network: a document's entities
   * stay references and its text stays its own. */
  doc = xmlReadMemory (data, (int) size, path, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      set_damaged (error);
      return NULL;
    }
  return doc;
}

gboolean
convene_note_xml_is (xmlNode    *node,
                     const char *name)
{
  const char *colon = strchr (name, ':');

  if (node == NULL || node->type != XML_ELEMENT_NODE || colon == NULL)
    return FALSE;
  return node->ns != NULL && node->ns->prefix != NULL &&
         strncmp ((const char *) node->ns->prefix, name, colon - name) == 0 &&
         node->ns->prefix[colon - name] == '\0' &&
         strcmp ((const char *) node->name, colon + 1) == 0;
}

char *
convene_note_xml_attr (xmlNode    *node,
                       const char *name)
{
  const char *colon = strchr (name, ':');

  for (xmlAttr *attr = node != NULL ? node->properties : NULL; attr != NULL; attr = attr->next)
    {
      gboolean prefix_ok = colon == NULL
                           ? attr->ns == NULL
                           : attr->ns != NULL && attr->ns->prefix != NULL &&
                             strncmp ((const char *) attr->ns->prefix, name, colon - name) == 0 &&
                             attr->ns->prefix[colon - name] == '\0';

      if (prefix_ok && strcmp ((const char *) attr->name, colon != NULL ? colon + 1 : name) == 0)
        {
          xmlChar *value = xmlNodeGetContent ((xmlNode *) attr);
          char *copy = g_strdup ((const char *) value);

          xmlFree (value);
          return copy;
        }
    }
  return NULL;
}

int
convene_note_parse_number (const char *text,
                           int         fallback)
{
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 0, 100000, &value, NULL))
    return fallback;
  return (int) value;
}

void
convene_note_append_cell (GString    *line,
                          const char *cell,
                          gboolean   *first)
{
  if (cell[0] == '\0')
    return;
  if (!*first)
    g_string_append (line, "  ");
  g_string_append (line, cell);
  *first = FALSE;
}

static char *
roman (int value,
       gboolean upper)
{
  static const struct { int value; const char *digits; } steps[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
    { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (steps) && value > 0 && value < 4000; i++)
    while (value >= steps[i].value)
      {
        g_string_append (out, steps[i].digits);
        value -= steps[i].value;
      }
  if (upper)
    for (gsize i = 0; i < out->len; i++)
      out->str[i] = g_ascii_toupper (out->str[i]);
  return g_string_free (out, FALSE);
}

static char *
letters (int      value,
         gboolean upper)
{
  /* a … z, then aa, bb … as word processors number past z. */
  int repeat = (value - 1) / 26 + 1;
  char letter = (char) ((upper ? 'A' : 'a') + (value - 1) % 26);

  if (value < 1 || repeat > 10)
    return g_strdup_printf ("%d", value);
  return g_strnfill ((gsize) repeat, letter);
}

char *
convene_note_format_number (int         value,
                            const char *format)
{
  if (format == NULL)
    return g_strdup_printf ("%d", value);
  if (g_str_equal (format, "upperRoman") || g_str_equal (format, "I"))
    return roman (value, TRUE);
  if (g_str_equal (format, "lowerRoman") || g_str_equal (format, "i"))
    return roman (value, FALSE);
  if (g_str_equal (format, "upperLetter") || g_str_equal (format, "A"))
    return letters (value, TRUE);
  if (g_str_equal (format, "lowerLetter") || g_str_equal (format, "a"))
    return letters (value, FALSE);
  if (g_str_equal (format, "none") || format[0] == '\0')
    return g_strdup ("");
  return g_strdup_printf ("%d", value);
}

/* The PDF reader: set by convene_note_set_pdf_reader() or loaded from the
 * module the first time a PDF is read, then kept for the process. */
static GMutex pdf_lock;
static ConveneNotePdfReader pdf_reader;

void
convene_note_set_pdf_reader (ConveneNotePdfReader reader)
{
  g_mutex_lock (&pdf_lock);
  pdf_reader = reader;
  g_mutex_unlock (&pdf_lock);
}

/* Where the module may be: CONVENE_MODULE_DIR in the environment (the
 * tests' build tree), beside the running program (a build tree), and where
 * Convene is installed. */
static GPtrArray *
pdf_module_paths (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *dir = g_getenv ("CONVENE_MODULE_DIR");
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);

  if (dir != NULL && dir[0] != '\0')
    g_ptr_array_add (paths, g_module_build_path (dir, CONVENE_NOTE_PDF_MODULE));
  if (program != NULL)
    {
      g_autofree char *program_dir = g_path_get_dirname (program);

      g_ptr_array_add (paths, g_module_build_path (program_dir, CONVENE_NOTE_PDF_MODULE));
    }
  g_ptr_array_add (paths, g_module_build_path (CONVENE_MODULE_DIR, CONVENE_NOTE_PDF_MODULE));
  return paths;
}

static ConveneNotePdfReader
load_pdf_reader (GError **error)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *failure = NULL;
  ConveneNotePdfReader reader;

  g_mutex_lock (&pdf_lock);
  if (pdf_reader == NULL)
    {
      paths = pdf_module_paths ();
      for (guint i = 0; i < paths->len && pdf_reader == NULL; i++)
        {
          const char *path = g_ptr_array_index (paths, i);
          GModule *module;
          gpointer symbol = NULL;

          if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
            continue;
          module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
          if (module != NULL && g_module_symbol (module, CONVENE_NOTE_PDF_SYMBOL, &symbol) && symbol != NULL)
            {
              g_module_make_resident (module);
              pdf_reader = (ConveneNotePdfReader) symbol;
              break;
            }
          if (failure == NULL)
            failure = g_strdup (g_module_error ());
          if (module != NULL)
            g_module_close (module);
        }
      if (pdf_reader == NULL && failure == NULL)
        failure = g_strdup_printf ("%s: not found", (const char *) g_ptr_array_index (paths, paths->len - 1));
    }
  reader = pdf_reader;
  g_mutex_unlock (&pdf_lock);

  if (reader == NULL)
    /* Translators: %s is the system's own account of the failure, e.g.
     * "libpoppler-glib.so.8: cannot open shared object file" */
    g_set_error (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT,
                 _("Convene cannot read PDF files on this computer: its PDF reader could not be loaded (%s). "
                   "Open the PDF elsewhere, copy its text and paste it into Import Concept Note."), failure);
  return reader;
}

static gboolean
is_zip (const char *data,
        gsize       length)
{
  return length >= 4 && memcmp (data, "PK\003\004", 4) == 0;
}

char *
convene_note_extract_text (const char *data,
                           gsize       length,
                           const char *name,
                           GError    **error)
{
  g_autoptr(ConveneNoteArchive) archive = NULL;
  char *text;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length >= 5 && memcmp (data, "%PDF-", 5) == 0)
    {
      ConveneNotePdfReader reader = load_pdf_reader (error);

      return reader != NULL ? reader (data, length, error) : NULL;
    }
  if (!is_zip (data, length))
    {
      if (memchr (data, '\0', length) != NULL || !g_utf8_validate_len (data, length, NULL))
        {
          g_set_error_literal (error, CONVENE_CONCEPT_NOTE_ERROR, CONVENE_CONCEPT_NOTE_ERROR_INVALID_TEXT,
                               _("This is neither plain text in UTF-8 nor a PDF, Word or OpenDocument file. "
                                 "Open it where it was made, copy its text and paste it into Import Concept Note."));
          return NULL;
        }
      /* A byte-order mark is no part of the note. */
      if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        return g_strndup (data + 3, length - 3);
      return g_strndup (data, length);
    }

  archive = convene_note_archive_open (data, length, error);
  if (archive == NULL)
    return NULL;
  if (g_hash_table_contains (archive->members, "word/document.xml"))
    text = convene_note_docx_text (archive, error);
  else if (g_hash_table_contains (archive->members, "content.xml"))
    text = convene_note_odt_text (archive, error);
  else
    {
      set_damaged (error);
      return NULL;
    }
  return text;
}
