#include "config.h"

#include <string.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "note-pdf-fixture.h"

#define PAGE_WIDTH  842.0
#define PAGE_HEIGHT 595.0
#define MARGIN      36.0

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
is_heading (const char         *line,
            const char * const *headings)
{
  return headings != NULL && g_strv_contains (headings, line);
}

static double
line_height (PangoLayout *layout)
{
  int height = 0;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

GBytes *
note_pdf_from_text (const char         *text,
                    const char * const *headings)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_array, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *body = pango_font_description_from_string ("DejaVu Sans 8");
  PangoFontDescription *heading = pango_font_description_from_string ("DejaVu Sans Bold 12");
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  double y = MARGIN;
  double body_height;

  pango_layout_set_font_description (layout, body);
  pango_layout_set_text (layout, "Ag", -1);
  body_height = line_height (layout);

  for (guint i = 0; lines[i] != NULL;)
    {
      guint end = i;
      double block = 0;

      /* One paragraph: the lines up to the next blank one. */
      while (lines[end] != NULL && *g_strstrip (lines[end]) != '\0')
        {
          block += is_heading (lines[end], headings) ? body_height * 2 : body_height;
          end++;
        }
      if (end > i && y + block > PAGE_HEIGHT - MARGIN && y > MARGIN)
        {
          cairo_show_page (cr);
          y = MARGIN;
        }
      for (guint j = i; j < end; j++)
        {
          gboolean big = is_heading (lines[j], headings);

          pango_layout_set_font_description (layout, big ? heading : body);
          pango_layout_set_text (layout, lines[j], -1);
          cairo_move_to (cr, MARGIN, y);
          pango_cairo_show_layout (cr, layout);
          y += line_height (layout);
        }
      /* The blank lines: one gap, however many there are. */
      i = end;
      if (lines[i] != NULL)
        {
          y += body_height * 1.5;
          while (lines[i] != NULL && *g_strstrip (lines[i]) == '\0')
            i++;
        }
    }

  pango_font_description_free (body);
  pango_font_description_free (heading);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

GBytes *
note_pdf_pages (guint    n_pages,
                gboolean with_text)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_array, bytes, 200, 200);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_layout_set_text (layout, "Page", -1);
  for (guint i = 0; i < n_pages; i++)
    {
      if (with_text)
        {
          cairo_move_to (cr, 20, 20);
          pango_cairo_show_layout (cr, layout);
        }
      else
        {
          cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
          cairo_rectangle (cr, 20, 20, 160, 160);
          cairo_fill (cr);
        }
      cairo_show_page (cr);
    }
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

static const guint8 password_padding[32] = {
  0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
  0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
};

static void
pad_password (const char *password,
              guint8      out[32])
{
  gsize n = MIN (strlen (password), 32);

  memcpy (out, password, n);
  memcpy (out + n, password_padding, 32 - n);
}

static void
rc4 (const guint8 *key,
     gsize         key_length,
     const guint8 *in,
     guint8       *out,
     gsize         length)
{
  guint8 state[256];
  guint8 i = 0;
  guint8 j = 0;

  for (guint k = 0; k < 256; k++)
    state[k] = (guint8) k;
  for (guint k = 0; k < 256; k++)
    {
      guint8 swap;

      j = (guint8) (j + state[k] + key[k % key_length]);
      swap = state[k];
      state[k] = state[j];
      state[j] = swap;
    }
  j = 0;
  for (gsize k = 0; k < length; k++)
    {
      guint8 swap;

      i++;
      j = (guint8) (j + state[i]);
      swap = state[i];
      state[i] = state[j];
      state[j] = swap;
      out[k] = in[k] ^ state[(guint8) (state[i] + state[j])];
    }
}

static void
md5_first (const guint8 *data,
           gsize         length,
           guint8        out[5])
{
  GChecksum *md5 = g_checksum_new (G_CHECKSUM_MD5);
  guint8 digest[16];
  gsize size = sizeof digest;

  g_checksum_update (md5, data, (gssize) length);
  g_checksum_get_digest (md5, digest, &size);
  memcpy (out, digest, 5);
  g_checksum_free (md5);
}

static void
append_hex (GString      *out,
            const guint8 *data,
            gsize         length)
{
  g_string_append_c (out, '<');
  for (gsize i = 0; i < length; i++)
    g_string_append_printf (out, "%02X", data[i]);
  g_string_append_c (out, '>');
}

GBytes *
note_pdf_encrypted (void)
{
  static const guint8 id[16] = { 'c', 'o', 'n', 'v', 'e', 'n', 'e', '-', 'l', 'o', 'c', 'k', 'e', 'd', '-', '1' };
  const gint32 permissions = -44;
  guint8 user[32];
  guint8 owner[32];
  guint8 owner_key[5];
  guint8 o_value[32];
  guint8 u_value[32];
  guint8 key[5];
  GByteArray *material = g_byte_array_new ();
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[5];
  gsize xref;
  guint8 p_bytes[4];

  pad_password ("secret", user);
  pad_password ("owner", owner);
  md5_first (owner, 32, owner_key);
  rc4 (owner_key, 5, user, o_value, 32);
  for (guint i = 0; i < 4; i++)
    p_bytes[i] = (guint8) (((guint32) permissions >> (8 * i)) & 0xFF);
  g_byte_array_append (material, user, 32);
  g_byte_array_append (material, o_value, 32);
  g_byte_array_append (material, p_bytes, 4);
  g_byte_array_append (material, id, 16);
  md5_first (material->data, material->len, key);
  g_byte_array_unref (material);
  rc4 (key, 5, password_padding, u_value, 32);

  offsets[1] = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[2] = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  offsets[3] = pdf->len;
  g_string_append (pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n");
  offsets[4] = pdf->len;
  g_string_append (pdf, "4 0 obj\n<< /Filter /Standard /V 1 /R 2 /O ");
  append_hex (pdf, o_value, 32);
  g_string_append (pdf, " /U ");
  append_hex (pdf, u_value, 32);
  g_string_append_printf (pdf, " /P %d >>\nendobj\n", permissions);
  xref = pdf->len;
  g_string_append (pdf, "xref\n0 5\n0000000000 65535 f \n");
  for (guint i = 1; i < 5; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append (pdf, "trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [");
  append_hex (pdf, id, 16);
  append_hex (pdf, id, 16);
  g_string_append_printf (pdf, "] >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref);
  return g_string_free_to_bytes (pdf);
}
