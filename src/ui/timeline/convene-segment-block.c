#define G_LOG_DOMAIN "convene-segment-block"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-row-layout.h"
#include "convene-segment-block.h"
#include "convene-ui-util.h"

/* How far an item sits in from its segment. */
#define ITEM_INDENT 28
/* How far a start sits down the rail from the top of its block. */
#define RAIL_TOP    4

struct _ConveneSegmentBlock
{
  GtkWidget parent_instance;

  GtkWidget *rail;           /* a GtkFixed: the times at their heights */
  GtkWidget *parent_bar;     /* an item's line in its segment's colour */
  GtkLabel  *gap_time_label; /* where a pinned segment's gap begins */
  GtkLabel  *start_label;
  GtkLabel  *end_label;      /* the last row: where the programme ends */
  GtkLabel  *slot_label;     /* the slot end, on the row it falls in */
  GtkWidget *gap_box;        /* the free time before a pinned segment */
  GtkLabel  *gap_label;
  GtkWidget *card_overlay;   /* the card, its resize handle over it */
  GtkWidget *tail_box;       /* the last row: the slot's remaining time */
  GtkLabel  *tail_label;
  GtkWidget *card;
  GtkWidget *bar;
  GtkImage  *icon;
  GtkLabel  *title_label;
  GtkLabel  *ghost_label;    /* "15 → 10 min" while Fit to Slot proposes it */
  GtkLabel  *range_label;    /* "12:40 – 13:40" on a segment with items */
  GtkLabel  *meta_label;
  GtkLabel  *target_label;   /* "30 min over its 60 min target" on a segment with items */
  GtkLabel  *people_label;
  GtkLabel  *notes_label;
  GtkWidget *warning;
  GtkWidget *handle;

  gboolean        wrap;           /* long titles take more lines */
  /* What fit_lines() shares out: the card's height (0 before the first
   * show) and whether the block is a group's heading. */
  int             card_height;
  gboolean        heading;
  /* Where the slot end falls: in which part of the block (SLOT_*) and how
   * far down it, 0 to 1; drawn as a line across the block. */
  int             slot_zone;
  double          slot_fraction;

  ConveneSegment *segment;        /* owned */
  char           *summary;        /* "Panel, 12:40 to 13:40" */
  char           *kind_class;     /* the CSS class now applied */
  char           *parent_class;   /* the same for the parent bar */
};

G_DEFINE_FINAL_TYPE (ConveneSegmentBlock, convene_segment_block, GTK_TYPE_WIDGET)

enum {
  SLOT_NONE,
  SLOT_GAP,
  SLOT_CARD,
  SLOT_TAIL,
};

static gboolean
has_items (ConveneSegment *segment)
{
  return g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (segment))) > 0;
}

static gboolean
is_last_row (ConveneSchedule            *schedule,
             const ConveneScheduleEntry *entry)
{
  guint n = convene_schedule_get_n_entries (schedule);

  return n > 0 && convene_schedule_get_entry (schedule, n - 1) == entry;
}

static int
minutes_to_px (int    minutes,
               double px_per_minute)
{
  return (int) (minutes * px_per_minute + 0.5);
}

void
convene_segment_block_minutes (ConveneSchedule            *schedule,
                               const ConveneScheduleEntry *entry,
                               ConveneBlockMinutes        *minutes)
{
  int slot;

  g_return_if_fail (schedule != NULL && entry != NULL && minutes != NULL);

  slot = convene_schedule_get_slot_minutes (schedule);
  minutes->gap = MAX (entry->gap_before, 0);
  /* A segment with items is only their heading: they show its time. */
  minutes->card = has_items (entry->segment) ? -1 : entry->end - entry->start;
  minutes->tail = is_last_row (schedule, entry) && slot > entry->end ? slot - entry->end : 0;
}

void
convene_segment_block_heights_at (const ConveneBlockMinutes *minutes,
                                  double                     px_per_minute,
                                  ConveneBlockHeights       *heights)
{
  g_return_if_fail (minutes != NULL && heights != NULL);

  heights->gap = minutes->gap > 0 ? MAX (minutes_to_px (minutes->gap, px_per_minute), CONVENE_BLOCK_GAP_MIN_HEIGHT) : 0;
  heights->card = minutes->card < 0 ? CONVENE_BLOCK_HEADER_HEIGHT
                  : MAX (minutes_to_px (minutes->card, px_per_minute), CONVENE_BLOCK_MIN_HEIGHT);
  heights->tail = minutes->tail > 0 ? MAX (minutes_to_px (minutes->tail, px_per_minute), CONVENE_BLOCK_GAP_MIN_HEIGHT) : 0;
}

void
convene_segment_block_heights (ConveneSchedule            *schedule,
                               const ConveneScheduleEntry *entry,
                               double                      px_per_minute,
                               ConveneBlockHeights        *heights)
{
  ConveneBlockMinutes minutes;

  g_return_if_fail (schedule != NULL && entry != NULL && heights != NULL);

  convene_segment_block_minutes (schedule, entry, &minutes);
  convene_segment_block_heights_at (&minutes, px_per_minute, heights);
}

static void
set_kind_class (ConveneSegmentBlock *self,
                const char          *css_class)
{
  if (g_strcmp0 (self->kind_class, css_class) == 0)
    return;
  if (self->kind_class != NULL)
    gtk_widget_remove_css_class (self->card, self->kind_class);
  g_free (self->kind_class);
  self->kind_class = g_strdup (css_class);
  if (css_class != NULL)
    gtk_widget_add_css_class (self->card, css_class);
}

/* Setting a tooltip asks the display where the pointer is: only on change. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  const char *current = gtk_widget_get_tooltip_text (widget);

  if (g_strcmp0 (current, text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* Whether entry is the last item of its segment, which closes the group. */
static gboolean
is_last_item (const ConveneScheduleEntry *entry)
{
  GListModel *items = G_LIST_MODEL (convene_segment_get_items (entry->parent));
  guint n = g_list_model_get_n_items (items);
  g_autoptr(ConveneSegment) last = n > 0 ? g_list_model_get_item (items, n - 1) : NULL;

  return last == entry->segment;
}

/* Every block asks for the height of a line of its labels' text at every
 * refresh, and laying a line out is most of a refresh's time: the answer is
 * kept per font, scale and font options, which a change of style, of the
 * text scaling or of the screen shows in the label's Pango context. */
typedef struct
{
  PangoFontDescription *font;
  double                resolution;
  int                   scale;
  gulong                options;   /* cairo_font_options_hash () */
} LineKey;

/* Many blocks share a few fonts; a table that grows past this many starts again. */
#define MAX_LINE_KEYS 64

static guint
line_key_hash (gconstpointer data)
{
  const LineKey *key = data;

  return pango_font_description_hash (key->font) ^ (guint) key->scale * 31u ^ (guint) key->options ^
         g_double_hash (&key->resolution);
}

static gboolean
line_key_equal (gconstpointer a,
                gconstpointer b)
{
  const LineKey *x = a, *y = b;

  return x->scale == y->scale && x->options == y->options && x->resolution == y->resolution &&
         pango_font_description_equal (x->font, y->font);
}

static void
line_key_free (gpointer data)
{
  LineKey *key = data;

  pango_font_description_free (key->font);
  g_free (key);
}

/* The height of one line of label's text in its own font. */
static int
line_height (GtkLabel *label)
{
  static GHashTable *heights;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (label));
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  LineKey key = {
    .font = pango_context_get_font_description (context),
    .resolution = pango_cairo_context_get_resolution (context),
    .scale = gtk_widget_get_scale_factor (GTK_WIDGET (label)),
    .options = options != NULL ? cairo_font_options_hash (options) : 0,
  };
  g_autoptr(PangoLayout) layout = NULL;
  LineKey *kept;
  gpointer found;
  int height = 0;

  if (heights == NULL)
    heights = g_hash_table_new_full (line_key_hash, line_key_equal, line_key_free, NULL);
  if (g_hash_table_lookup_extended (heights, &key, NULL, &found))
    return GPOINTER_TO_INT (found);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (label), "Ag");
  pango_layout_get_pixel_size (layout, NULL, &height);
  if (g_hash_table_size (heights) >= MAX_LINE_KEYS)
    g_hash_table_remove_all (heights);
  kept = g_new (LineKey, 1);
  *kept = key;
  kept->font = pango_font_description_copy (key.font);
  g_hash_table_insert (heights, kept, GINT_TO_POINTER (height));
  return height;
}

/* Shows label when it has text and a line of it fits in *room, in as many
 * lines (up to max_lines, when it wraps) as fit; takes them from *room. */
static void
show_line (GtkLabel *label,
           int      *room,
           int       max_lines)
{
  int need;
  int lines;

  /* An empty line is not measured: measuring makes the label's font
   * context, which a label never shown does not otherwise need. */
  if (gtk_label_get_text (label)[0] == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      return;
    }
  need = line_height (label) + 2;
  lines = MIN (max_lines, *room / need);
  gtk_widget_set_visible (GTK_WIDGET (label), lines > 0);
  if (lines <= 0)
    return;
  if (gtk_label_get_wrap (label))
    gtk_label_set_lines (label, lines);
  *room -= lines * need;
}

/* Gives a wrapping title one more line if *room holds it. */
static void
more_title (ConveneSegmentBlock *self,
            int                  title_height,
            int                 *title_lines,
            int                 *room)
{
  if (self->wrap && *room >= title_height)
    {
      (*title_lines)++;
      *room -= title_height;
    }
}

/* The block is as tall as its minutes, never taller for its text, so a
 * longer segment never looks shorter: its lines share the card's height,
 * in this order: the title's first line, who is on it, the title's second
 * line (when titles wrap), its kind and length, the title's third line, its
 * notes. A group's heading is no length of its own and shows them all. */
static void
fit_lines (ConveneSegmentBlock *self)
{
  int title_height;
  int room;
  int title_lines = 1;

  if (self->card_height == 0)
    return;
  title_height = line_height (self->title_label);
  room = self->heading ? G_MAXINT / 2 : self->card_height - 12 - title_height;
  show_line (self->people_label, &room, self->heading ? 2 : 1);
  more_title (self, title_height, &title_lines, &room);
  show_line (self->meta_label, &room, self->heading ? 2 : 1);
  more_title (self, title_height, &title_lines, &room);
  show_line (self->notes_label, &room, 1);
  if (self->wrap)
    gtk_label_set_lines (self->title_label, title_lines);
}

static void
place (GtkWidget *rail,
       GtkLabel  *label,
       int        y)
{
  double x = 0, old_y = -1;

  gtk_fixed_get_child_position (GTK_FIXED (rail), GTK_WIDGET (label), &x, &old_y);
  if ((int) old_y != y)
    gtk_fixed_move (GTK_FIXED (rail), GTK_WIDGET (label), 0, MAX (y, 0));
}

/* Where the slot end falls in the block of entry, if it does: in the free
 * time before it, in its own time (a segment without items: its items
 * carry a group's time), or after the last row. */
static int
find_slot (ConveneSchedule            *schedule,
           const ConveneScheduleEntry *entry,
           double                     *fraction)
{
  int slot = convene_schedule_get_slot_minutes (schedule);

  if (entry->gap_before > 0 && slot > entry->start - entry->gap_before && slot <= entry->start)
    {
      *fraction = (double) (slot - (entry->start - entry->gap_before)) / entry->gap_before;
      return SLOT_GAP;
    }
  if (!has_items (entry->segment) && slot > entry->start && slot <= entry->end)
    {
      *fraction = (double) (slot - entry->start) / (entry->end - entry->start);
      return SLOT_CARD;
    }
  if (is_last_row (schedule, entry) && slot > entry->end)
    {
      *fraction = 1;
      return SLOT_TAIL;
    }
  *fraction = 0;
  return SLOT_NONE;
}

void
convene_segment_block_show (ConveneSegmentBlock        *self,
                            ConveneDocument            *document,
                            ConveneSchedule            *schedule,
                            const ConveneScheduleEntry *entry,
                            gboolean                    use_12h,
                            double                      px_per_minute)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *people = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *css_class = NULL;
  g_autofree char *target = NULL;
  ConveneBlockHeights heights;
  ConveneSegmentKind kind;
  const char *title;
  const char *newline;
  guint duration;
  gboolean items;
  gboolean last;
  int time_height;

  g_return_if_fail (CONVENE_IS_SEGMENT_BLOCK (self));
  g_return_if_fail (entry != NULL);

  if (self->segment != entry->segment)
    g_set_object (&self->segment, entry->segment);

  kind = convene_segment_get_kind (entry->segment);
  /* From the schedule, not the segment: a resize preview lengthens it there. */
  duration = (guint) (entry->end - entry->start);
  title = convene_segment_get_title (entry->segment);
  if (title[0] == '\0')
    title = convene_segment_kind_get_label (kind);
  items = has_items (entry->segment);
  last = is_last_row (schedule, entry);
  convene_segment_block_heights (schedule, entry, px_per_minute, &heights);

  start = convene_schedule_format_clock (schedule, entry->start, use_12h);
  end = convene_schedule_format_clock (schedule, entry->end, use_12h);
  convene_ui_label_set_user_text (self->title_label, title);

  /* Translators: kind and length of a segment, "Panel · 60 min". */
  meta = g_strdup_printf (_("%s · %u min"), convene_segment_kind_get_label (kind), duration);
  if (entry->gap_before > 0)
    {
      /* Translators: a pinned segment leaves this many minutes empty before it. */
      g_autofree char *gap = g_strdup_printf (_("%d min gap before"), entry->gap_before);
      g_autofree char *joined = g_strdup_printf ("%s · %s", meta, gap);
      g_free (meta);
      meta = g_steal_pointer (&joined);
    }
  else if (entry->gap_before < 0)
    {
      /* Translators: a pinned segment starts this many minutes before the previous one ends. */
      g_autofree char *overlap = g_strdup_printf (_("%d min overlap"), -entry->gap_before);
      g_autofree char *joined = g_strdup_printf ("%s · %s", meta, overlap);
      g_free (meta);
      meta = g_steal_pointer (&joined);
    }

  /* A segment lasts what its items take: say how far that is from the
   * target length the planner gave it. */
  target = convene_schedule_entry_describe_target (entry);
  gtk_label_set_text (self->target_label, target != NULL ? target : "");
  gtk_widget_set_visible (GTK_WIDGET (self->target_label), target != NULL);
  set_class (GTK_WIDGET (self->target_label), "error", entry->target >= 0 && entry->items_minutes > entry->target);
  set_class (GTK_WIDGET (self->target_label), "warning", entry->target >= 0 && entry->items_minutes < entry->target);

  people = convene_ui_describe_people (document, entry->segment, FALSE);
  newline = strchr (convene_segment_get_notes (entry->segment), '\n');
  notes = newline != NULL
          ? g_strndup (convene_segment_get_notes (entry->segment),
                       (gsize) (newline - convene_segment_get_notes (entry->segment)))
          : g_strdup (convene_segment_get_notes (entry->segment));

  /* What the lines under the title say; fit_lines() gives them the height
   * there is. */
  convene_ui_label_set_user_text (self->people_label, people);
  convene_ui_label_set_user_text (self->meta_label, meta);
  convene_ui_label_set_user_text (self->notes_label, notes);
  self->card_height = heights.card;
  self->heading = items;
  fit_lines (self);

  css_class = g_strdup_printf ("kind-%s", convene_segment_kind_to_nick (kind));
  set_kind_class (self, css_class);
  gtk_image_set_from_icon_name (self->icon, convene_segment_kind_get_icon_name (kind));

  gtk_widget_set_visible (self->warning, entry->crosses_slot_end);
  if (entry->crosses_slot_end)
    {
      gtk_widget_add_css_class (self->card, "crosses-slot-end");
      set_tooltip (self->card, _("This segment runs past the end of the session’s slot"));
    }
  else
    {
      gtk_widget_remove_css_class (self->card, "crosses-slot-end");
      set_tooltip (self->card, NULL);
    }

  if (self->parent_class != NULL)
    gtk_widget_remove_css_class (self->parent_bar, self->parent_class);
  g_clear_pointer (&self->parent_class, g_free);
  if (entry->parent != NULL)
    {
      self->parent_class = g_strdup_printf ("kind-%s", convene_segment_kind_to_nick (convene_segment_get_kind (entry->parent)));
      gtk_widget_add_css_class (self->parent_bar, self->parent_class);
      gtk_widget_add_css_class (GTK_WIDGET (self), "item");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "item");
  gtk_widget_set_visible (self->parent_bar, entry->parent != NULL);
  set_class (GTK_WIDGET (self), "timeline-item", entry->parent != NULL);
  set_class (GTK_WIDGET (self), "timeline-item-last", entry->parent != NULL && is_last_item (entry));

  /* A segment with items is only their heading: the items show its time, so
   * drawing it at full length too would count that time twice. The heading
   * names its whole span once instead of a start on the rail that would sit
   * right beside its first item's start. */
  gtk_widget_set_visible (GTK_WIDGET (self->range_label), items);
  if (items)
    {
      /* Translators: the span of a panel and its talks, "12:40 – 13:40". */
      g_autofree char *range = g_strdup_printf (C_("time range", "%s – %s"), start, end);

      convene_ui_label_set_user_text (self->range_label, range);
    }
  set_class (GTK_WIDGET (self), "timeline-parent", items);
  gtk_widget_set_visible (self->handle, !items);

  /* The parts of the block, each as tall as its minutes. */
  gtk_widget_set_size_request (self->gap_box, -1, heights.gap);
  gtk_widget_set_visible (self->gap_box, heights.gap > 0);
  gtk_widget_set_size_request (self->card_overlay, -1, heights.card);
  gtk_widget_set_size_request (self->tail_box, -1, heights.tail);
  gtk_widget_set_visible (self->tail_box, heights.tail > 0);
  if (heights.gap > 0)
    {
      /* Translators: the free time before a segment pinned to a clock time. */
      g_autofree char *free_time = g_strdup_printf (_("%d min free"), entry->gap_before);

      gtk_label_set_text (self->gap_label, free_time);
    }
  if (heights.tail > 0)
    {
      /* Translators: the time left in the session's slot after its last segment. */
      g_autofree char *left = g_strdup_printf (_("%d min left in the slot"),
                                               convene_schedule_get_slot_minutes (schedule) - entry->end);

      gtk_label_set_text (self->tail_label, left);
    }

  /* The rail prints each start once: the free time's, the block's own (a
   * group's heading names its span instead), the programme's end after the
   * last row, and the slot end where it falls. */
  time_height = line_height (self->start_label);
  if (heights.gap > 0)
    {
      g_autofree char *gap_start = convene_schedule_format_clock (schedule, entry->start - entry->gap_before,
                                                                  use_12h);

      convene_ui_label_set_user_text (self->gap_time_label, gap_start);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->gap_time_label), heights.gap > 0);
  convene_ui_label_set_user_text (self->start_label, start);
  gtk_widget_set_visible (GTK_WIDGET (self->start_label), !items);
  place (self->rail, self->gap_time_label, RAIL_TOP);
  place (self->rail, self->start_label, heights.gap + RAIL_TOP);

  self->slot_zone = find_slot (schedule, entry, &self->slot_fraction);
  gtk_widget_set_visible (GTK_WIDGET (self->slot_label), self->slot_zone != SLOT_NONE);
  if (self->slot_zone != SLOT_NONE)
    {
      g_autofree char *slot_end = convene_schedule_format_clock (schedule,
                                                                 convene_schedule_get_slot_minutes (schedule),
                                                                 use_12h);
      g_autofree char *tooltip = NULL;
      int line = self->slot_zone == SLOT_GAP ? (int) (heights.gap * self->slot_fraction)
               : self->slot_zone == SLOT_CARD ? heights.gap + (int) (heights.card * self->slot_fraction)
               : heights.gap + heights.card + heights.tail;
      /* Just above its line, below the start it may share the block with. */
      int y = line - time_height;

      if (self->slot_zone != SLOT_GAP)
        y = MAX (y, heights.gap + RAIL_TOP + time_height);
      convene_ui_label_set_user_text (self->slot_label, slot_end);
      /* Translators: the tooltip of the slot end on the timeline's time rail. */
      tooltip = g_strdup_printf (_("The session’s slot ends at %s"), slot_end);
      set_tooltip (GTK_WIDGET (self->slot_label), tooltip);
      place (self->rail, self->slot_label, y);
    }
  /* The programme's end, unless the slot ends right there too. */
  gtk_widget_set_visible (GTK_WIDGET (self->end_label),
                          last && !(self->slot_zone == SLOT_CARD && self->slot_fraction >= 1));
  if (last)
    {
      convene_ui_label_set_user_text (self->end_label, end);
      place (self->rail, self->end_label,
             MAX (heights.gap + heights.card - time_height - 2, heights.gap + RAIL_TOP + time_height));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_free (self->summary);
  /* Translators: what a screen reader says for a block, "Panel, 12:40 to 13:40". */
  self->summary = g_strdup_printf (_("%s, %s to %s"), title, start, end);
  convene_segment_block_announce (self, NULL);
}

void
convene_segment_block_announce (ConveneSegmentBlock *self,
                                const char          *what)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (CONVENE_IS_SEGMENT_BLOCK (self));

  if (self->summary == NULL)
    return;
  label = what != NULL ? g_strdup_printf ("%s, %s", self->summary, what) : g_strdup (self->summary);
  if (gtk_widget_get_visible (GTK_WIDGET (self->target_label)))
    description = g_strdup_printf ("%s · %s", gtk_label_get_text (self->meta_label),
                                   gtk_label_get_text (self->target_label));
  else
    description = g_strdup (gtk_label_get_text (self->meta_label));
  /* Who is on it, with their roles, even when the block is too short to
   * show them. */
  if (gtk_label_get_text (self->people_label)[0] != '\0')
    {
      g_autofree char *with_people = g_strdup_printf ("%s · %s", description,
                                                      gtk_label_get_text (self->people_label));

      g_free (description);
      description = g_steal_pointer (&with_people);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* One line ending in an ellipsis, or up to lines lines. (Pango wraps an
 * ellipsized layout that has a number of lines even when the label does
 * not, so the number is only set on a wrapping label.) */
static void
set_wrap (GtkLabel *label,
          gboolean  wrap,
          int       lines)
{
  gtk_label_set_wrap (label, wrap);
  gtk_label_set_lines (label, wrap ? lines : -1);
}

void
convene_segment_block_set_wrap (ConveneSegmentBlock *self,
                                gboolean             wrap)
{
  g_return_if_fail (CONVENE_IS_SEGMENT_BLOCK (self));

  wrap = !!wrap;
  if (self->wrap == wrap)
    return;
  self->wrap = wrap;
  set_wrap (self->title_label, wrap, 3);
  set_wrap (self->meta_label, wrap, 2);
  set_wrap (self->people_label, wrap, 2);
  fit_lines (self);
}

void
convene_segment_block_set_segment (ConveneSegmentBlock *self,
                                   ConveneSegment      *segment)
{
  g_return_if_fail (CONVENE_IS_SEGMENT_BLOCK (self));

  g_set_object (&self->segment, segment);
}

void
convene_segment_block_clear (ConveneSegmentBlock *self)
{
  g_return_if_fail (CONVENE_IS_SEGMENT_BLOCK (self));

  g_clear_object (&self->segment);
  convene_segment_block_set_ghost (self, NULL);
}

void
convene_segment_block_set_ghost (ConveneSegmentBlock *self,
                                 const char          *change)
{
  g_return_if_fail (CONVENE_IS_SEGMENT_BLOCK (self));

  /* Most blocks are never ghosts: touch nothing when nothing changes. */
  if (change == NULL && !gtk_widget_get_visible (GTK_WIDGET (self->ghost_label)))
    return;
  set_class (GTK_WIDGET (self), "fit-ghost", change != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->ghost_label), change != NULL);
  if (change == NULL)
    {
      convene_segment_block_announce (self, NULL);
      return;
    }
  gtk_label_set_text (self->ghost_label, change);
  /* Translators: what a screen reader adds to a block Fit to Slot would
   * change, “proposed: 15 → 10 min”. */
  {
    g_autofree char *what = g_strdup_printf (_("proposed: %s"), change);

    convene_segment_block_announce (self, what);
  }
}

ConveneSegment *
convene_segment_block_get_segment (ConveneSegmentBlock *self)
{
  g_return_val_if_fail (CONVENE_IS_SEGMENT_BLOCK (self), NULL);

  return self->segment;
}

gboolean
convene_segment_block_is_on_card (ConveneSegmentBlock *self,
                                  double               x,
                                  double               y)
{
  graphene_rect_t bounds;

  g_return_val_if_fail (CONVENE_IS_SEGMENT_BLOCK (self), FALSE);

  if (!gtk_widget_compute_bounds (self->card_overlay, GTK_WIDGET (self), &bounds))
    return FALSE;
  return y >= bounds.origin.y && y < bounds.origin.y + bounds.size.height;
}

GtkWidget *
convene_segment_block_get_handle (ConveneSegmentBlock *self)
{
  g_return_val_if_fail (CONVENE_IS_SEGMENT_BLOCK (self), NULL);

  return self->handle;
}

static GtkLabel *
add_label (GtkWidget  *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static GtkLabel *
add_rail_label (GtkWidget  *rail,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "segment-time");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_visible (label, FALSE);
  gtk_fixed_put (GTK_FIXED (rail), label, 0, 0);
  return GTK_LABEL (label);
}

/* The slot end as a line across the block, at its place in the part of the
 * block it falls in, in the colour of its time on the rail: drawn before
 * the block's children, so that a title it crosses stays legible over it
 * (the card's tint lets it through). */
static void
convene_segment_block_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  ConveneSegmentBlock *self = CONVENE_SEGMENT_BLOCK (widget);
  GtkWidget *zone = NULL;
  graphene_rect_t bounds;
  GdkRGBA color;
  double y;

  switch (self->slot_zone)
    {
    case SLOT_GAP:
      zone = self->gap_box;
      break;
    case SLOT_CARD:
      zone = self->card_overlay;
      break;
    case SLOT_TAIL:
      zone = self->tail_box;
      break;
    default:
      break;
    }
  if (zone != NULL && gtk_widget_get_visible (zone) && gtk_widget_compute_bounds (zone, widget, &bounds))
    {
      y = bounds.origin.y + bounds.size.height * self->slot_fraction;
      y = CLAMP (y - 1, 0, gtk_widget_get_height (widget) - 2);
      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self->slot_label)), &color);
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (0, (float) y, (float) gtk_widget_get_width (widget), 2));
    }

  GTK_WIDGET_CLASS (convene_segment_block_parent_class)->snapshot (widget, snapshot);
}

static void
convene_segment_block_dispose (GObject *object)
{
  ConveneSegmentBlock *self = CONVENE_SEGMENT_BLOCK (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->segment);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->kind_class, g_free);
  g_clear_pointer (&self->parent_class, g_free);

  G_OBJECT_CLASS (convene_segment_block_parent_class)->dispose (object);
}

static void
convene_segment_block_class_init (ConveneSegmentBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_segment_block_dispose;
  widget_class->snapshot = convene_segment_block_snapshot;

  /* The rail, the parent's bar and the card side by side. A row layout and
   * not a box's, here and in the card: the card's lines wrap, and a box
   * would ask each how wide it must be at every height (see
   * convene-row-layout.h). */
  gtk_widget_class_set_layout_manager_type (widget_class, CONVENE_TYPE_ROW_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "segmentblock");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
convene_segment_block_init (ConveneSegmentBlock *self)
{
  GtkWidget *column;
  GtkWidget *overlay;
  GtkWidget *grip;
  GtkWidget *inner;
  GtkWidget *heading;
  GtkWidget *body;
  GtkWidget *meta;

  self->rail = gtk_fixed_new ();
  gtk_widget_add_css_class (self->rail, "ruler");
  gtk_widget_set_parent (self->rail, GTK_WIDGET (self));
  self->gap_time_label = add_rail_label (self->rail, "dim-label");
  self->start_label = add_rail_label (self->rail, NULL);
  self->end_label = add_rail_label (self->rail, "dim-label");
  self->slot_label = add_rail_label (self->rail, "slot-end");

  self->parent_bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->parent_bar, "parent-bar");
  gtk_widget_set_margin_end (self->parent_bar, ITEM_INDENT - 6);
  gtk_widget_set_visible (self->parent_bar, FALSE);
  gtk_widget_set_parent (self->parent_bar, GTK_WIDGET (self));

  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_widget_set_parent (column, GTK_WIDGET (self));

  /* Free time before a pinned segment, as tall as its minutes. */
  self->gap_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->gap_box, "free-time");
  gtk_widget_set_visible (self->gap_box, FALSE);
  gtk_box_append (GTK_BOX (column), self->gap_box);
  self->gap_label = add_label (self->gap_box, "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->gap_label), "dim-label");

  /* The card's own bottom edge is the resize handle, drawn over it. */
  overlay = gtk_overlay_new ();
  self->card_overlay = overlay;
  gtk_widget_set_vexpand (overlay, TRUE);
  gtk_box_append (GTK_BOX (column), overlay);
  self->card = convene_row_layout_box_new (0);
  gtk_widget_add_css_class (self->card, "block");
  gtk_widget_set_vexpand (self->card, TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->card);

  /* The last row: what is left of the slot after the programme. */
  self->tail_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->tail_box, "free-time");
  gtk_widget_set_visible (self->tail_box, FALSE);
  gtk_box_append (GTK_BOX (column), self->tail_box);
  self->tail_label = add_label (self->tail_box, "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->tail_label), "dim-label");

  self->bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->bar, "kind-bar");
  gtk_box_append (GTK_BOX (self->card), self->bar);

  inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (inner, "block-body");
  gtk_widget_set_hexpand (inner, TRUE);
  gtk_box_append (GTK_BOX (self->card), inner);

  heading = convene_row_layout_box_new (6);
  gtk_box_append (GTK_BOX (inner), heading);
  self->icon = GTK_IMAGE (gtk_image_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  /* Beside the first line of a title that wraps. */
  gtk_widget_set_valign (GTK_WIDGET (self->icon), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), "kind-icon");
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->icon));
  self->title_label = add_label (heading, "heading");
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  self->ghost_label = add_label (heading, "caption-heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->ghost_label), "fit-ghost-change");
  gtk_label_set_ellipsize (self->ghost_label, PANGO_ELLIPSIZE_NONE);
  gtk_widget_set_valign (GTK_WIDGET (self->ghost_label), GTK_ALIGN_START);
  gtk_widget_set_visible (GTK_WIDGET (self->ghost_label), FALSE);
  self->warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_valign (self->warning, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->warning, "warning");
  gtk_widget_set_tooltip_text (self->warning, _("Runs past the end of the slot"));
  gtk_box_append (GTK_BOX (heading), self->warning);

  body = inner;
  meta = convene_row_layout_box_new (8);
  gtk_box_append (GTK_BOX (body), meta);
  self->range_label = add_label (meta, "caption-heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->range_label), "segment-range");
  gtk_label_set_ellipsize (self->range_label, PANGO_ELLIPSIZE_NONE);
  gtk_widget_set_valign (GTK_WIDGET (self->range_label), GTK_ALIGN_START);
  gtk_widget_set_visible (GTK_WIDGET (self->range_label), FALSE);
  self->meta_label = add_label (meta, "caption");
  gtk_widget_set_hexpand (GTK_WIDGET (self->meta_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->meta_label), "dim-label");
  self->target_label = add_label (body, "caption-heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->target_label), "segment-target");
  gtk_widget_set_visible (GTK_WIDGET (self->target_label), FALSE);
  self->people_label = add_label (body, "caption");
  self->notes_label = add_label (body, "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_label), "dim-label");

  /* A strip along the bottom of the card, with a grip that shows on hover
   * and while the block has the focus (Alt+plus and Alt+minus are the
   * keyboard's way). No tooltip: GTK 4.8 crashes handling one on a widget
   * drawn over another while a drag passes over it. */
  self->handle = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->handle, "resize-handle");
  gtk_widget_set_valign (self->handle, GTK_ALIGN_END);
  gtk_widget_set_cursor_from_name (self->handle, "ns-resize");
  grip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (grip, "grip");
  gtk_widget_set_hexpand (grip, TRUE);
  gtk_widget_set_halign (grip, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (grip, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (self->handle), grip);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->handle);
}

GtkWidget *
convene_segment_block_new (void)
{
  return g_object_new (CONVENE_TYPE_SEGMENT_BLOCK, NULL);
}
