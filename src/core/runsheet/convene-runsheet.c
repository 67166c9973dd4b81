#define G_LOG_DOMAIN "convene-runsheet"
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "convene-runsheet-private.h"

/* Geometry tolerance in points: sizes come from Pango units (1/1024 pt). */
#define EPS 0.01

G_DEFINE_FINAL_TYPE (ConveneRunsheet, convene_runsheet, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_OPTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rich text */

void
rs_text_init (RsText *t,
              double  base)
{
  t->text = g_string_sized_new (128);
  t->runs = g_array_sized_new (FALSE, FALSE, sizeof (RsRun), 8);
  t->base = base;
}

void
rs_text_clear (RsText *t)
{
  if (t->text != NULL)
    g_string_free (t->text, TRUE);
  g_clear_pointer (&t->runs, g_array_unref);
  t->text = NULL;
}

gboolean
rs_text_is_empty (RsText *t)
{
  return t->text->len == 0;
}

static void
rs_text_reset (RsText *t)
{
  g_string_truncate (t->text, 0);
  g_array_set_size (t->runs, 0);
}

static void
rs_text_add_run (RsText  *t,
                 guint    start,
                 guint    end,
                 guint32  style,
                 double   scale,
                 guint32  color)
{
  RsRun run;

  memset (&run, 0, sizeof run);
  run.start = start;
  run.end = end;
  run.style = style;
  run.color = color;
  run.scale = scale;
  g_array_append_val (t->runs, run);
}

void
rs_text_add (RsText     *t,
             const char *text,
             guint       style,
             double      scale,
             guint32     color)
{
  g_autofree char *upper = NULL;
  guint start;

  if (text == NULL || *text == '\0')
    return;

  if (style & RS_CAPS)
    text = upper = g_utf8_strup (text, -1);

  start = t->text->len;
  g_string_append (t->text, text);
  rs_text_add_run (t, start, t->text->len, style, scale, color);
}

void
rs_text_para (RsText *t,
              double  gap)
{
  if (t->text->len == 0)
    return;

  g_string_append_c (t->text, '\n');
  if (gap > 0)
    {
      /* An empty paragraph takes the height of the font at its position, so
       * a small size on its newline makes a gap of that height. */
      g_string_append_c (t->text, '\n');
      rs_text_add_run (t, t->text->len - 1, t->text->len, RS_GAP, gap, RS_INK);
    }
}

static void
insert_attr (PangoAttrList  *attrs,
             PangoAttribute *attr,
             guint           start,
             guint           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

/* The Pango attributes of runs, for text in base point type. */
static PangoAttrList *
runs_to_attrs (const RsRun *runs,
               guint        n_runs,
               double       base)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  for (guint i = 0; i < n_runs; i++)
    {
      const RsRun *run = &runs[i];
      guint start = run->start, end = run->end;

      if (run->style & RS_GAP)
        {
          insert_attr (attrs, pango_attr_size_new_absolute ((int) (base * run->scale * PANGO_SCALE)),
                       start, end);
          continue;
        }
      if (run->style & RS_BOLD)
        insert_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, end);
      else if (run->style & RS_SEMIBOLD)
        insert_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD), start, end);
      if (run->style & RS_ITALIC)
        insert_attr (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, end);
      if (run->style & RS_STRIKE)
        insert_attr (attrs, pango_attr_strikethrough_new (TRUE), start, end);
      if (run->style & RS_CAPS)
        insert_attr (attrs, pango_attr_letter_spacing_new ((int) (base * 0.06 * PANGO_SCALE)), start, end);
      if (run->style & RS_TNUM)
        insert_attr (attrs, pango_attr_font_features_new ("tnum"), start, end);
      if (run->scale != 1.0)
        insert_attr (attrs, pango_attr_size_new_absolute ((int) (base * run->scale * PANGO_SCALE)),
                     start, end);
      if (run->color != RS_INK)
        insert_attr (attrs, pango_attr_foreground_new (((run->color >> 16) & 0xff) * 257,
                                                       ((run->color >> 8) & 0xff) * 257,
                                                       (run->color & 0xff) * 257),
                     start, end);
    }

  return attrs;
}

/* A new layout of text with runs, width points wide; flags: RS_CELL_*. */
static PangoLayout *
lay_out (ConveneRunsheet *self,
         const char      *text,
         guint            len,
         const RsRun     *runs,
         guint            n_runs,
         double           width,
         PangoAlignment   align,
         guint            flags)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoAttrList *attrs = runs_to_attrs (runs, n_runs, self->base);

  pango_layout_set_font_description (layout, self->font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, align);
  if (RS_CELL_MAX_LINES (flags) > 0)
    {
      /* A negative height limits the lines of each paragraph; the last is
       * ellipsized in the middle, so the text's start and end stay readable. */
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
      pango_layout_set_height (layout, -(int) RS_CELL_MAX_LINES (flags));
    }
  pango_layout_set_text (layout, text, (int) len);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* Laid-out text of t, width points wide, for labels drawn on many pages
 * (kept by the caller). Empties t. */
static PangoLayout *
rs_text_lay_out (ConveneRunsheet *self,
                 RsText          *t,
                 double           width)
{
  PangoLayout *layout = lay_out (self, t->text->str, t->text->len,
                                 (const RsRun *) (gpointer) t->runs->data, t->runs->len,
                                 width, PANGO_ALIGN_LEFT, 0);

  rs_text_reset (t);
  return layout;
}

/* Sources: the text of cells, shared by identical cells */

/* Kept layouts may hold this much text; each byte of text costs about 80
 * bytes of layout (glyphs, items, lines), so this is about 20 MiB. A run
 * sheet within it is laid out once; a longer one lays out again, page by
 * page, what it could not keep. */
#define RS_KEEP_BYTES (256 * 1024)

static guint
hash_bytes (guint       h,
            const void *data,
            gsize       n)
{
  const guchar *p = data;

  for (gsize i = 0; i < n; i++)
    h = (h ^ p[i]) * 16777619u;
  return h;
}

static guint
source_hash (gconstpointer key)
{
  return ((const RsSource *) key)->hash;
}

static gboolean
source_equal (gconstpointer a,
              gconstpointer b)
{
  const RsSource *x = a, *y = b;

  return x->hash == y->hash && x->len == y->len && x->n_runs == y->n_runs &&
         x->width == y->width && x->align == y->align && x->flags == y->flags &&
         memcmp (x->text, y->text, x->len) == 0 &&
         memcmp (x->runs, y->runs, x->n_runs * sizeof (RsRun)) == 0;
}

static void
source_free (gpointer data)
{
  RsSource *source = data;

  g_clear_object (&source->layout);
  g_free (source->text);
  g_free (source->runs);
  g_free (source);
}

static void
source_release (ConveneRunsheet *self,
                RsSource        *source)
{
  if (source->layout == NULL)
    return;
  g_clear_object (&source->layout);
  self->kept_bytes -= source->len;
}

/* keep: keep the layout even over the budget (until the last page that
 * shows it has been drawn). */
static PangoLayout *
cell_layout (ConveneRunsheet *self,
             const RsCell    *cell,
             gboolean         keep)
{
  RsSource *source = cell->source;
  PangoLayout *layout;

  g_assert (source != NULL);

  if (source->layout != NULL)
    return g_object_ref (source->layout);

  layout = lay_out (self, source->text, source->len, source->runs, source->n_runs,
                    source->width, source->align, source->flags);
  if (keep || self->kept_bytes + source->len <= RS_KEEP_BYTES)
    {
      source->layout = g_object_ref (layout);
      self->kept_bytes += source->len;
    }
  return layout;
}

PangoLayout *
rs_cell_layout (ConveneRunsheet *self,
                const RsCell    *cell)
{
  return cell_layout (self, cell, FALSE);
}

/* The source holding t's text laid out this way: an existing identical one,
 * or a new one, measured. */
static RsSource *
intern_source (ConveneRunsheet *self,
               RsText          *t,
               double           width,
               PangoAlignment   align,
               guint            flags)
{
  RsSource key = { 0 };
  RsSource *source;
  guint h = 2166136261u;

  key.text = t->text->str;
  key.len = t->text->len;
  key.runs = (RsRun *) (gpointer) t->runs->data;
  key.n_runs = t->runs->len;
  key.width = width;
  key.align = align;
  key.flags = flags;
  h = hash_bytes (h, key.text, key.len);
  h = hash_bytes (h, key.runs, key.n_runs * sizeof (RsRun));
  h = hash_bytes (h, &width, sizeof width);
  h = hash_bytes (h, &align, sizeof align);
  h = hash_bytes (h, &flags, sizeof flags);
  key.hash = h;

  source = g_hash_table_lookup (self->sources, &key);
  if (source == NULL)
    {
      g_autoptr(PangoLayout) layout = NULL;
      RsCell cell = { 0 };
      int w, h_units;

      source = g_new (RsSource, 1);
      *source = key;
      source->text = g_strndup (key.text, key.len);
      source->runs = g_memdup2 (key.runs, key.n_runs * sizeof (RsRun));
      source->layout = NULL;
      g_hash_table_add (self->sources, source);

      cell.source = source;
      layout = rs_cell_layout (self, &cell);
      pango_layout_get_size (layout, &w, &h_units);
      source->height = (double) h_units / PANGO_SCALE;
      source->natural = (double) w / PANGO_SCALE;
    }

  return source;
}

/* Rows */

void
rs_row_init (RsRow     *row,
             RsRowKind  kind,
             guint      flags,
             double     pad)
{
  memset (row, 0, sizeof *row);
  row->kind = kind;
  row->flags = flags;
  row->pad = pad;
  row->running = -1;
  row->table_head = -1;
  row->again = -1;
}

/* Removes bytes [from, to) of t's text, with what its runs cover there. */
static void
rs_text_erase (RsText *t,
               guint   from,
               guint   to)
{
  guint removed = to - from;

  g_string_erase (t->text, from, removed);
  for (guint i = t->runs->len; i-- > 0;)
    {
      RsRun *run = &g_array_index (t->runs, RsRun, i);

      run->start = run->start >= to ? run->start - removed : MIN (run->start, from);
      run->end = run->end >= to ? run->end - removed : MIN (run->end, from);
      if (run->start == run->end)
        g_array_remove_index (t->runs, i);
    }
}

/* Shortens each paragraph of t longer than max_chars in its middle, where
 * an ellipsis takes the place of what could never be shown: text limited
 * to a few lines is ellipsized there anyway, and the PDF would otherwise
 * carry the hidden text of a 64 KiB title on every page, as the ellipsis's
 * text. */
static void
rs_text_cut_middle (RsText *t,
                    glong   max_chars)
{
  guint start = 0;

  while (start < t->text->len)
    {
      const char *para = t->text->str + start;
      const char *newline = memchr (para, '\n', t->text->len - start);
      guint end = newline ? (guint) (newline - t->text->str) : t->text->len;
      glong n = g_utf8_strlen (para, end - start);

      if (n > max_chars)
        {
          guint head = g_utf8_offset_to_pointer (para, max_chars / 2) - t->text->str;
          guint tail = g_utf8_offset_to_pointer (para, n - max_chars / 2) - t->text->str;

          rs_text_erase (t, head, tail);
          /* The ellipsis takes the style of the text before it. */
          g_string_insert (t->text, head, "…");
          for (guint i = 0; i < t->runs->len; i++)
            {
              RsRun *run = &g_array_index (t->runs, RsRun, i);

              if (run->start >= head)
                run->start += strlen ("…");
              if (run->end >= head)
                run->end += strlen ("…");
            }
          end -= (tail - head) - strlen ("…");
        }
      start = end + 1;
    }
}

void
rs_row_set_cell (ConveneRunsheet *self,
                 RsRow           *row,
                 guint            index,
                 RsText          *t,
                 double           x,
                 double           y,
                 double           width,
                 PangoAlignment   align,
                 guint            flags)
{
  RsCell *cell;

  g_assert (index < RS_MAX_CELLS);

  cell = &row->cells[index];
  row->n_cells = MAX (row->n_cells, index + 1);
  cell->source = NULL;
  cell->x = x;
  cell->y = y;
  cell->width = MAX (width, 1);
  cell->height = 0;

  if (t->text->len == 0)
    {
      rs_text_reset (t);
      return;
    }

  /* No glyph is narrower than about 0.15 em: more characters than that
   * fill the lines allowed can never all be shown. */
  if (RS_CELL_MAX_LINES (flags) > 0)
    rs_text_cut_middle (t, RS_CELL_MAX_LINES (flags) * ((glong) (cell->width / (0.15 * self->base)) + 1));

  cell->source = intern_source (self, t, cell->width, align, flags);
  cell->height = cell->source->height;
  if (flags & RS_CELL_SHRINK)
    cell->width = MIN (cell->width, cell->source->natural);

  rs_text_reset (t);
}

guint
rs_row_add (ConveneRunsheet *self,
            RsRow           *row,
            gboolean         in_flow)
{
  double bottom = 0;
  guint index;

  for (guint i = 0; i < row->n_cells; i++)
    if (row->cells[i].source != NULL)
      bottom = MAX (bottom, row->cells[i].y + row->cells[i].height);
  row->height = MAX (bottom + row->pad, row->height);

  index = self->rows->len;
  g_array_append_vals (self->rows, row, 1);
  if (in_flow)
    g_array_append_val (self->flow, index);
  memset (row, 0, sizeof *row);

  return index;
}

RsRow *
rs_row_get (ConveneRunsheet *self,
            guint            index)
{
  g_assert (index < self->rows->len);
  return &g_array_index (self->rows, RsRow, index);
}

static void
rs_row_clear (gpointer data)
{
  RsRow *row = data;

  g_clear_object (&row->continued);
  g_clear_pointer (&row->outline, g_free);
}

/* Object */

static void
convene_runsheet_reset (ConveneRunsheet *self)
{
  g_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->sources);
  self->kept_bytes = 0;
  g_array_set_size (self->flow, 0);
  g_array_set_size (self->placements, 0);
  g_array_set_size (self->pages, 0);
  g_clear_object (&self->printed);
  g_clear_object (&self->context);
  g_clear_pointer (&self->font, pango_font_description_free);
}

static void
convene_runsheet_finalize (GObject *object)
{
  ConveneRunsheet *self = CONVENE_RUNSHEET (object);

  convene_runsheet_reset (self);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->flow, g_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_object (&self->project);
  g_clear_object (&self->options);

  G_OBJECT_CLASS (convene_runsheet_parent_class)->finalize (object);
}

static void
convene_runsheet_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ConveneRunsheet *self = CONVENE_RUNSHEET (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_OPTIONS:
      g_value_set_object (value, self->options);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_runsheet_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ConveneRunsheet *self = CONVENE_RUNSHEET (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_OPTIONS:
      self->options = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_runsheet_constructed (GObject *object)
{
  ConveneRunsheet *self = CONVENE_RUNSHEET (object);

  G_OBJECT_CLASS (convene_runsheet_parent_class)->constructed (object);

  if (self->options == NULL)
    self->options = convene_runsheet_options_new ();
}

static void
convene_runsheet_class_init (ConveneRunsheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = convene_runsheet_finalize;
  object_class->get_property = convene_runsheet_get_property;
  object_class->set_property = convene_runsheet_set_property;
  object_class->constructed = convene_runsheet_constructed;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, CONVENE_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPTIONS] =
    g_param_spec_object ("options", NULL, NULL, CONVENE_TYPE_RUNSHEET_OPTIONS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
convene_runsheet_init (ConveneRunsheet *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (RsRow));
  g_array_set_clear_func (self->rows, rs_row_clear);
  self->sources = g_hash_table_new_full (source_hash, source_equal, source_free, NULL);
  self->flow = g_array_new (FALSE, FALSE, sizeof (guint));
  self->placements = g_array_new (FALSE, FALSE, sizeof (RsPlacement));
  self->pages = g_array_new (FALSE, FALSE, sizeof (RsPage));
}

ConveneRunsheet *
convene_runsheet_new (ConveneProject         *project,
                      ConveneRunsheetOptions *options)
{
  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options == NULL || CONVENE_IS_RUNSHEET_OPTIONS (options), NULL);

  return g_object_new (CONVENE_TYPE_RUNSHEET,
                       "project", project,
                       "options", options,
                       NULL);
}

ConveneProject *
convene_runsheet_get_project (ConveneRunsheet *self)
{
  g_return_val_if_fail (CONVENE_IS_RUNSHEET (self), NULL);
  return self->project;
}

ConveneRunsheetOptions *
convene_runsheet_get_options (ConveneRunsheet *self)
{
  g_return_val_if_fail (CONVENE_IS_RUNSHEET (self), NULL);
  return self->options;
}

PangoContext *
convene_runsheet_create_pango_context (void)
{
  PangoContext *context;
  cairo_font_options_t *font_options;

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (context, 72.0);
  /* Hinted metrics would snap advances to a device grid that a PDF does not
   * have, and make widths depend on the output. */
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

/* Pagination */

typedef struct {
  double   y;
  gboolean has_content;   /* a flow row is on the current page */
} Pager;

static void
place (ConveneRunsheet *self,
       Pager           *pager,
       guint            row_index,
       double           height,
       double           from,
       double           to)
{
  RsPlacement pl = { row_index, pager->y, height, from, to };
  RsPage *page = &g_array_index (self->pages, RsPage, self->pages->len - 1);
  RsRow *row = rs_row_get (self, row_index);

  /* Drawing lets go of a layout after the last page that shows it. */
  for (guint i = 0; i < row->n_cells; i++)
    if (row->cells[i].source != NULL)
      row->cells[i].source->last_page = self->pages->len - 1;

  g_array_append_val (self->placements, pl);
  page->n++;
  pager->y += height;
}

static double
repeats_height (ConveneRunsheet *self,
                RsRow           *row)
{
  double h = 0;

  if (row->running >= 0)
    h += rs_row_get (self, row->running)->height;
  if (row->table_head >= 0 && row->kind != RS_ROW_TABLE_HEAD)
    h += rs_row_get (self, row->table_head)->height;
  if (row->again >= 0)
    h += rs_row_get (self, row->again)->height;
  return h;
}

/* Starts a page. continuing: the row about to be placed, when the page goes
 * on with something begun on an earlier page (its headers are repeated). */
static void
start_page (ConveneRunsheet *self,
            Pager           *pager,
            guint            continuing)
{
  RsPage page = { self->placements->len, 0 };
  RsRow *row;

  g_array_append_val (self->pages, page);
  pager->y = self->body_top;
  pager->has_content = FALSE;

  if (continuing == G_MAXUINT)
    return;

  row = rs_row_get (self, continuing);
  if (row->running >= 0)
    place (self, pager, row->running, rs_row_get (self, row->running)->height, 0, G_MAXDOUBLE);
  row = rs_row_get (self, continuing);
  if (row->table_head >= 0 && row->kind != RS_ROW_TABLE_HEAD)
    place (self, pager, row->table_head, rs_row_get (self, row->table_head)->height, 0, G_MAXDOUBLE);
  row = rs_row_get (self, continuing);
  if (row->again >= 0)
    place (self, pager, row->again, rs_row_get (self, row->again)->height, 0, G_MAXDOUBLE);
}

/* Where to cut a row that does not fit: lines are shown on the page where
 * their top falls; a cut never goes through a line of any cell. Returns the
 * cut (row-relative) and, in extent, the lowest bottom of the lines shown. */
static double
next_cut (RsRow        *row,
          PangoLayout **layouts,
          double        from,
          double        limit,
          double       *extent)
{
  double content_end = row->height - row->pad;
  double cut = content_end;
  double first_bottom = G_MAXDOUBLE;

  for (guint i = 0; i < row->n_cells; i++)
    {
      RsCell *cell = &row->cells[i];
      PangoLayoutIter *iter;

      if (layouts[i] == NULL)
        continue;

      iter = pango_layout_get_iter (layouts[i]);
      do
        {
          PangoRectangle r;
          double top, bottom;

          pango_layout_iter_get_line_extents (iter, NULL, &r);
          top = cell->y + (double) r.y / PANGO_SCALE;
          bottom = top + (double) r.height / PANGO_SCALE;
          if (top < from - EPS)
            continue;
          first_bottom = MIN (first_bottom, bottom);
          if (bottom > limit + EPS)
            {
              cut = MIN (cut, top);
              break;
            }
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  /* Not even one line fits (a line taller than the room left): show the
   * first line anyway rather than loop. */
  if (cut <= from + EPS)
    cut = MIN (first_bottom, content_end);

  *extent = from;
  for (guint i = 0; i < row->n_cells; i++)
    {
      RsCell *cell = &row->cells[i];
      PangoLayoutIter *iter;

      if (layouts[i] == NULL)
        continue;

      iter = pango_layout_get_iter (layouts[i]);
      do
        {
          PangoRectangle r;
          double top;

          pango_layout_iter_get_line_extents (iter, NULL, &r);
          top = cell->y + (double) r.y / PANGO_SCALE;
          if (top >= cut - EPS)
            break;
          if (top >= from - EPS)
            *extent = MAX (*extent, top + (double) r.height / PANGO_SCALE);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  return cut;
}

/* The later parts of a split row say what they continue: the first line of
 * its first cell (the time, in the table), then "(continued)". */
static void
make_continued_label (ConveneRunsheet *self,
                      RsRow           *row)
{
  g_autofree char *first = NULL;
  const char *text, *newline;
  RsText t;

  if (row->continued != NULL || row->n_cells == 0 || row->cells[0].source == NULL)
    return;

  text = row->cells[0].source->text;
  newline = strchr (text, '\n');
  first = g_strndup (text, newline ? (gsize) (newline - text) : strlen (text));

  rs_text_init (&t, self->base);
  rs_text_add (&t, first, RS_TNUM, 0.85, RS_MUTED);
  rs_text_para (&t, 0);
  rs_text_add (&t, _("(continued)"), RS_ITALIC, 0.85, RS_MUTED);
  row->continued = rs_text_lay_out (self, &t, MAX (row->cells[0].width, 1));
  rs_text_clear (&t);
}

static void
split_row (ConveneRunsheet *self,
           Pager           *pager,
           guint            row_index)
{
  RsRow *first = rs_row_get (self, row_index);
  PangoLayout *layouts[RS_MAX_CELLS] = { NULL, };
  double from = 0;

  /* Laid out once for all the cuts, kept or not. */
  for (guint i = 0; i < first->n_cells; i++)
    if (first->cells[i].source != NULL)
      layouts[i] = rs_cell_layout (self, &first->cells[i]);

  for (;;)
    {
      RsRow *row = rs_row_get (self, row_index);
      double top_pad = from > 0 ? row->pad : 0;
      double limit = from + (self->body_bottom - pager->y) - top_pad - row->pad;
      double extent, cut;

      cut = next_cut (row, layouts, from, limit, &extent);
      if (cut >= row->height - row->pad - EPS)
        {
          place (self, pager, row_index, top_pad + row->height - from, from, row->height);
          pager->has_content = TRUE;
          break;
        }

      place (self, pager, row_index, top_pad + extent - from + row->pad, from, cut);
      make_continued_label (self, row);
      start_page (self, pager, row_index);
      pager->has_content = TRUE;
      from = cut;
    }

  for (guint i = 0; i < RS_MAX_CELLS; i++)
    g_clear_object (&layouts[i]);
}

/* The least room a row needs to begin on a page: all of it, or, for a row
 * taller than a page (which will be split), its first few lines. */
static double
start_room (ConveneRunsheet *self,
            RsRow           *row)
{
  double fresh = self->body_bottom - self->body_top - repeats_height (self, row);
  double first;

  if (row->height <= fresh)
    return row->height;
  first = row->n_cells > 0 ? row->cells[0].y + row->cells[0].height : 0;
  return MIN (row->height, first + 3 * self->base * 1.3 + 2 * row->pad);
}

static void
paginate (ConveneRunsheet *self)
{
  Pager pager = { 0 };

  start_page (self, &pager, G_MAXUINT);

  for (guint k = 0; k < self->flow->len; k++)
    {
      guint index = g_array_index (self->flow, guint, k);
      RsRow *row = rs_row_get (self, index);
      double need;

      if ((row->flags & RS_ROW_BREAK_BEFORE) && pager.has_content)
        start_page (self, &pager, G_MAXUINT);

      /* A row kept with the next ones (a header, column titles, a segment
       * with its items) moves on with them rather than end a page alone. */
      need = start_room (self, row);
      for (guint j = k; j + 1 < self->flow->len && j < k + 3; j++)
        {
          if (!(rs_row_get (self, g_array_index (self->flow, guint, j))->flags & RS_ROW_KEEP_WITH_NEXT))
            break;
          need += start_room (self, rs_row_get (self, g_array_index (self->flow, guint, j + 1)));
        }

      if (pager.has_content && need > self->body_bottom - pager.y + EPS)
        start_page (self, &pager, index);

      row = rs_row_get (self, index);
      if (row->height <= self->body_bottom - pager.y + EPS)
        {
          place (self, &pager, index, row->height, 0, row->height);
          pager.has_content = TRUE;
        }
      else
        split_row (self, &pager, index);
    }
}

gboolean
convene_runsheet_layout (ConveneRunsheet *self,
                         PangoContext    *context,
                         double           page_width,
                         double           page_height,
                         GError         **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *when = NULL;
  g_autofree char *printed = NULL;
  GDateTime *printed_at;
  RsText t;
  double min_width, min_height;

  g_return_val_if_fail (CONVENE_IS_RUNSHEET (self), FALSE);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), FALSE);

  convene_runsheet_reset (self);

  if (!convene_runsheet_options_validate (self->options, error))
    return FALSE;

  self->base = convene_runsheet_options_get_font_size (self->options);
  self->use_12h = convene_runsheet_options_get_use_12h (self->options);
  self->include_notes = convene_runsheet_options_get_include_notes (self->options);
  self->margin = convene_runsheet_options_get_margin (self->options);
  self->page_width = page_width;
  self->page_height = page_height;

  /* The narrowest table that still reads: about 30 characters of item text
   * beside the times; and room for a header, a row and the footer. */
  min_width = 2 * self->margin + 24 * self->base;
  min_height = 2 * self->margin + 20 * self->base;
  if (!(page_width >= min_width && page_height >= min_height) ||
      !isfinite (page_width) || !isfinite (page_height))
    {
      g_set_error (error, CONVENE_RUNSHEET_ERROR, CONVENE_RUNSHEET_ERROR_PAGE_TOO_SMALL,
                   _("A page of %g × %g points is too small for a run sheet in %g point type "
                     "with %g point margins; it needs at least %g × %g points."),
                   isfinite (page_width) ? page_width : 0.0,
                   isfinite (page_height) ? page_height : 0.0,
                   self->base, self->margin, ceil (min_width), ceil (min_height));
      return FALSE;
    }

  self->context = g_object_ref (context);
  self->font = pango_font_description_new ();
  pango_font_description_set_family (self->font, convene_runsheet_options_get_font_family (self->options));
  pango_font_description_set_absolute_size (self->font, self->base * PANGO_SCALE);

  self->body_width = page_width - 2 * self->margin;
  self->hpad = self->base * 0.45;
  self->indent = self->base * 1.5;

  printed_at = convene_runsheet_options_get_printed_at (self->options);
  if (printed_at == NULL)
    printed_at = now = g_date_time_new_now_local ();
  when = g_date_time_format (printed_at, self->use_12h
                             /* Translators: when a run sheet was printed, g_date_time_format() */
                             ? _("%-d %B %Y, %-I:%M %p")
                             : _("%-d %B %Y, %H:%M"));

  rs_text_init (&t, self->base);
  {
    int w, h;

    /* The footer's label: laid out once, drawn on every page. */
    printed = g_strdup_printf (_("Printed %s"), when ? when : "");
    rs_text_add (&t, printed, 0, 0.8, RS_MUTED);
    self->printed = rs_text_lay_out (self, &t, self->body_width * 0.6);
    pango_layout_get_size (self->printed, &w, &h);
    self->footer_height = (double) h / PANGO_SCALE + self->base * 1.6;
  }
  rs_text_clear (&t);

  self->body_top = self->margin;
  self->body_bottom = page_height - self->margin - self->footer_height;

  if (!rs_build_content (self, error))
    {
      convene_runsheet_reset (self);
      return FALSE;
    }

  paginate (self);

  return TRUE;
}

void
rs_foreach_outline (ConveneRunsheet *self,
                    RsOutlineFunc    func,
                    gpointer         user_data)
{
  for (guint p = 0; p < self->pages->len; p++)
    {
      RsPage *page = &g_array_index (self->pages, RsPage, p);

      for (guint i = 0; i < page->n; i++)
        {
          RsPlacement *pl = &g_array_index (self->placements, RsPlacement, page->first + i);
          RsRow *row = rs_row_get (self, pl->row);

          if (row->outline != NULL && pl->from <= 0)
            func (row->outline_level, row->outline, p, user_data);
        }
    }
}

guint
convene_runsheet_get_n_pages (ConveneRunsheet *self)
{
  g_return_val_if_fail (CONVENE_IS_RUNSHEET (self), 0);
  return self->pages->len;
}

/* Drawing */

static void
set_color (cairo_t *cr,
           guint32  color)
{
  cairo_set_source_rgb (cr,
                        ((color >> 16) & 0xff) / 255.0,
                        ((color >> 8) & 0xff) / 255.0,
                        (color & 0xff) / 255.0);
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y,
       double   width,
       guint32  color)
{
  cairo_save (cr);
  set_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
fill_rect (cairo_t *cr,
           double   x,
           double   y,
           double   w,
           double   h,
           guint32  color)
{
  set_color (cr, color);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_background (ConveneRunsheet   *self,
                 cairo_t           *cr,
                 RsRow             *row,
                 const RsPlacement *pl)
{
  double x0 = self->margin;
  double y = pl->y, h = pl->height;

  switch (row->kind)
    {
    case RS_ROW_SEGMENT:
      if (row->flags & RS_ROW_PARENT)
        fill_rect (cr, x0, y, self->body_width, h, RS_TINT);
      break;

    case RS_ROW_PARENT_AGAIN:
      fill_rect (cr, x0, y, self->body_width, h, RS_TINT);
      break;

    case RS_ROW_ITEM:
      fill_rect (cr, x0 + self->col_x[2] + self->hpad + self->indent * 0.25, y,
                 self->base * 0.18, h, RS_RAIL);
      break;

    case RS_ROW_SESSION_HEADER:
      if (row->n_cells > 1 && row->cells[1].source != NULL && pl->from <= 0)
        {
          RsCell *pill = &row->cells[1];
          double px = self->base * 0.8, py = self->base * 0.35;

          set_color (cr, (row->flags & RS_ROW_ALERT) ? RS_ALERT_BG : RS_GOOD_BG);
          rounded_rect (cr, x0 + pill->x - px, y + pill->y - py,
                        pill->width + 2 * px, pill->height + 2 * py, self->base * 0.4);
          cairo_fill (cr);
          set_color (cr, (row->flags & RS_ROW_ALERT) ? RS_ALERT : RS_GOOD);
          cairo_rectangle (cr, x0 + pill->x - px, y + pill->y - py, self->base * 0.3, pill->height + 2 * py);
          cairo_fill (cr);
        }
      break;

    case RS_ROW_RUNNING_HEADER:
    case RS_ROW_TABLE_HEAD:
    case RS_ROW_SLOT_END:
    case RS_ROW_NOTE:
    case RS_ROW_HEADING:
    case RS_ROW_PLAIN:
    case RS_ROW_CHECK:
    case RS_ROW_QUESTION:
    default:
      break;
    }
}

static void
draw_rules (ConveneRunsheet   *self,
            cairo_t           *cr,
            RsRow             *row,
            const RsPlacement *pl)
{
  double x0 = self->margin, x1 = self->margin + self->body_width;
  double bottom = pl->y + pl->height;

  if (row->flags & RS_ROW_NO_RULE)
    return;

  switch (row->kind)
    {
    case RS_ROW_SEGMENT:
    case RS_ROW_ITEM:
    case RS_ROW_PARENT_AGAIN:
      if (row->flags & RS_ROW_LIGHT_RULE)
        hline (cr, x0 + self->col_x[2] + self->hpad + self->indent, x1, bottom, 0.4, RS_SEP_LIGHT);
      else
        hline (cr, x0, x1, bottom, 0.5, RS_SEP);
      break;

    case RS_ROW_PLAIN:
    case RS_ROW_CHECK:
    case RS_ROW_QUESTION:
      hline (cr, x0, x1, bottom, 0.4, RS_SEP_LIGHT);
      break;

    case RS_ROW_TABLE_HEAD:
      hline (cr, x0, x1, bottom - 0.5, 1.0, RS_RULE);
      break;

    case RS_ROW_RUNNING_HEADER:
      hline (cr, x0, x1, bottom - self->base * 0.5, 0.5, RS_SEP);
      break;

    case RS_ROW_HEADING:
      hline (cr, x0, x1, bottom - self->base * 0.4, 0.8, RS_RULE);
      break;

    case RS_ROW_SLOT_END:
      if (row->cells[0].source != NULL)
        {
          RsCell *label = &row->cells[0];
          double mid = pl->y + label->y + label->height / 2;
          double dash = self->base * 0.45;

          cairo_save (cr);
          set_color (cr, RS_ALERT);
          cairo_set_line_width (cr, 0.9);
          cairo_set_dash (cr, &dash, 1, 0);
          cairo_move_to (cr, x0 + label->x + label->width + self->base * 0.6, mid);
          cairo_line_to (cr, x1, mid);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      break;

    case RS_ROW_SESSION_HEADER:
    case RS_ROW_NOTE:
    default:
      break;
    }

  if (row->kind == RS_ROW_CHECK && pl->from <= 0)
    {
      double size = self->base * 1.05;
      double bx = x0 + self->hpad + 0.5, by = pl->y + row->pad + self->base * 0.15;

      cairo_save (cr);
      set_color (cr, RS_RULE);
      cairo_set_line_width (cr, 0.8);
      cairo_rectangle (cr, bx, by, size, size);
      cairo_stroke (cr);
      if (row->flags & RS_ROW_DONE)
        {
          cairo_set_line_width (cr, 1.2);
          cairo_move_to (cr, bx + size * 0.2, by + size * 0.55);
          cairo_line_to (cr, bx + size * 0.42, by + size * 0.78);
          cairo_line_to (cr, bx + size * 0.82, by + size * 0.22);
          cairo_stroke (cr);
        }
      cairo_restore (cr);
    }
}

/* Shows the lines of cell whose top lies in [from, to), shifted so that from
 * lands at y. Returns whether any line was shown. */
static gboolean
draw_cell_lines (cairo_t     *cr,
                 RsCell      *cell,
                 PangoLayout *layout,
                 double       x,
                 double       y,
                 double       from,
                 double       to)
{
  PangoLayoutIter *iter;
  gboolean shown = FALSE;

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle r;
      double top;

      pango_layout_iter_get_line_extents (iter, NULL, &r);
      top = cell->y + (double) r.y / PANGO_SCALE;
      if (top >= to - EPS)
        break;
      if (top >= from - EPS)
        {
          double baseline = cell->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

          cairo_move_to (cr, x + cell->x + (double) r.x / PANGO_SCALE, y + baseline - from);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
          shown = TRUE;
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return shown;
}

static void
draw_placement (ConveneRunsheet   *self,
                cairo_t           *cr,
                const RsPlacement *pl,
                guint              page_nr)
{
  RsRow *row = rs_row_get (self, pl->row);
  double x0 = self->margin;
  gboolean whole = pl->from <= 0 && pl->to >= row->height - row->pad - EPS;

  draw_background (self, cr, row, pl);

  set_color (cr, RS_INK);
  if (whole)
    {
      for (guint i = 0; i < row->n_cells; i++)
        {
          RsCell *cell = &row->cells[i];
          g_autoptr(PangoLayout) layout = NULL;

          if (cell->source == NULL)
            continue;
          layout = rs_cell_layout (self, cell);
          cairo_move_to (cr, x0 + cell->x, pl->y + cell->y);
          pango_cairo_show_layout (cr, layout);
        }
    }
  else
    {
      double top_pad = pl->from > 0 ? row->pad : 0;
      gboolean first_cell_shown = FALSE;

      for (guint i = 0; i < row->n_cells; i++)
        {
          RsCell *cell = &row->cells[i];
          g_autoptr(PangoLayout) layout = NULL;
          gboolean shown;

          if (cell->source == NULL)
            continue;
          /* A row split over pages needs the same lines on the next. */
          layout = cell_layout (self, cell, cell->source->last_page > page_nr);
          shown = draw_cell_lines (cr, cell, layout, x0, pl->y + top_pad, pl->from, pl->to);
          if (i == 0)
            first_cell_shown = shown;
        }

      if (pl->from > 0 && !first_cell_shown && row->continued != NULL)
        {
          cairo_move_to (cr, x0 + row->cells[0].x, pl->y + top_pad);
          pango_cairo_show_layout (cr, row->continued);
        }
    }

  draw_rules (self, cr, row, pl);
}

static void
draw_footer (ConveneRunsheet *self,
             cairo_t         *cr,
             guint            page_nr)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  double y = self->page_height - self->margin - self->footer_height + self->base * 1.1;
  double x1 = self->margin + self->body_width;
  int w, h;

  hline (cr, self->margin, x1, y, 0.5, RS_SEP);
  y += self->base * 0.4;

  set_color (cr, RS_MUTED);
  cairo_move_to (cr, self->margin, y);
  pango_cairo_show_layout (cr, self->printed);

  text = g_strdup_printf (_("Page %u of %u"), page_nr + 1, self->pages->len);
  layout = pango_layout_new (self->context);
  font = pango_font_description_copy (self->font);
  pango_font_description_set_absolute_size (font, self->base * 0.8 * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_SEMIBOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  set_color (cr, RS_INK);
  cairo_move_to (cr, x1 - (double) w / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, layout);
}

void
convene_runsheet_draw_page (ConveneRunsheet *self,
                            cairo_t         *cr,
                            guint            page_nr)
{
  RsPage *page;

  g_return_if_fail (CONVENE_IS_RUNSHEET (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_nr < self->pages->len);

  page = &g_array_index (self->pages, RsPage, page_nr);

  cairo_save (cr);
  /* Pagination keeps every line's box above the footer; this keeps ink out
   * of it too, such as a stack of combining marks under the last line. */
  cairo_rectangle (cr, 0, 0, self->page_width, self->body_bottom + self->base * 0.5);
  cairo_clip (cr);
  for (guint i = 0; i < page->n; i++)
    draw_placement (self, cr, &g_array_index (self->placements, RsPlacement, page->first + i), page_nr);
  cairo_restore (cr);
  cairo_save (cr);
  draw_footer (self, cr, page_nr);
  cairo_restore (cr);

  /* What no later page shows need not be kept: that makes room under the
   * budget for the layouts of the pages still to come. */
  for (guint i = 0; i < page->n; i++)
    {
      RsRow *row = rs_row_get (self, g_array_index (self->placements, RsPlacement, page->first + i).row);

      for (guint c = 0; c < row->n_cells; c++)
        if (row->cells[c].source != NULL && row->cells[c].source->last_page <= page_nr)
          source_release (self, row->cells[c].source);
    }
}
