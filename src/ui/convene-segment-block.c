#define G_LOG_DOMAIN "convene-segment-block"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-segment-block.h"
#include "convene-ui-util.h"

/* How far an item sits in from its segment. */
#define ITEM_INDENT 28

struct _ConveneSegmentBlock
{
  GtkWidget parent_instance;

  GtkWidget *ruler;
  GtkWidget *parent_bar;     /* an item's line in its segment's colour */
  GtkLabel  *start_label;
  GtkLabel  *end_label;
  GtkWidget *card;
  GtkWidget *bar;
  GtkImage  *icon;
  GtkLabel  *title_label;
  GtkLabel  *range_label;    /* "12:40 – 13:40" on a segment with items */
  GtkLabel  *meta_label;
  GtkLabel  *target_label;   /* "30 min over its 60 min target" on a segment with items */
  GtkLabel  *people_label;
  GtkLabel  *notes_label;
  GtkWidget *warning;
  GtkWidget *handle;

  gboolean        wrap;           /* long titles take more lines */

  ConveneSegment *segment;        /* owned */
  char           *summary;        /* "Panel, 12:40 to 13:40" */
  char           *kind_class;     /* the CSS class now applied */
  char           *parent_class;   /* the same for the parent bar */
};

G_DEFINE_FINAL_TYPE (ConveneSegmentBlock, convene_segment_block, GTK_TYPE_WIDGET)

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

/* "Dr Amina Diallo, Jon Berg (TBC)": who is on the segment, unconfirmed
 * people marked. */
static char *
describe_people (ConveneDocument *document,
                 ConveneSegment  *segment)
{
  GPtrArray *assignments = convene_document_get_assignments_on (document, convene_segment_get_id (segment), 0);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < assignments->len; i++)
    {
      ConveneAssignment *assignment = g_ptr_array_index (assignments, i);
      ConveneSpeaker *speaker = convene_document_find_speaker (document,
                                                               convene_assignment_get_speaker_id (assignment));
      g_autofree char *name = NULL;

      if (speaker == NULL)
        continue;
      name = convene_speaker_dup_display_name (speaker);
      if (text->len > 0)
        g_string_append (text, ", ");
      if (convene_speaker_get_status (speaker) == CONVENE_SPEAKER_STATUS_CONFIRMED)
        g_string_append (text, name);
      else
        /* Translators: a person not confirmed yet, "Jon Berg (TBC)". */
        g_string_append_printf (text, _("%s (TBC)"), name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
convene_segment_block_show (ConveneSegmentBlock        *self,
                            ConveneDocument            *document,
                            ConveneSchedule            *schedule,
                            const ConveneScheduleEntry *entry,
                            gboolean                    use_12h)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *people = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *css_class = NULL;
  g_autofree char *target = NULL;
  ConveneSegmentKind kind;
  const char *title;
  const char *newline;
  guint duration;
  gboolean has_items;
  int height;

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

  start = convene_schedule_format_clock (schedule, entry->start, use_12h);
  end = convene_schedule_format_clock (schedule, entry->end, use_12h);
  convene_ui_label_set_user_text (self->start_label, start);
  convene_ui_label_set_user_text (self->end_label, end);
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
  convene_ui_label_set_user_text (self->meta_label, meta);

  /* A segment lasts what its items take: say how far that is from the
   * target length the planner gave it. */
  target = convene_schedule_entry_describe_target (entry);
  gtk_label_set_text (self->target_label, target != NULL ? target : "");
  gtk_widget_set_visible (GTK_WIDGET (self->target_label), target != NULL);
  set_class (GTK_WIDGET (self->target_label), "error", entry->target >= 0 && entry->items_minutes > entry->target);
  set_class (GTK_WIDGET (self->target_label), "warning", entry->target >= 0 && entry->items_minutes < entry->target);

  people = describe_people (document, entry->segment);
  convene_ui_label_set_user_text (self->people_label, people);
  gtk_widget_set_visible (GTK_WIDGET (self->people_label), people[0] != '\0');

  newline = strchr (convene_segment_get_notes (entry->segment), '\n');
  notes = newline != NULL
          ? g_strndup (convene_segment_get_notes (entry->segment),
                       (gsize) (newline - convene_segment_get_notes (entry->segment)))
          : g_strdup (convene_segment_get_notes (entry->segment));
  convene_ui_label_set_user_text (self->notes_label, notes);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes[0] != '\0');

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
   * names its whole span once instead of a start and end on the ruler that
   * would sit right beside its first item's start. */
  has_items = g_list_model_get_n_items (G_LIST_MODEL (convene_segment_get_items (entry->segment))) > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->start_label), !has_items);
  gtk_widget_set_visible (GTK_WIDGET (self->end_label), !has_items);
  gtk_widget_set_visible (GTK_WIDGET (self->range_label), has_items);
  if (has_items)
    {
      /* Translators: the span of a panel and its talks, "12:40 – 13:40". */
      g_autofree char *range = g_strdup_printf (C_("time range", "%s – %s"), start, end);

      convene_ui_label_set_user_text (self->range_label, range);
    }
  set_class (GTK_WIDGET (self), "timeline-parent", has_items);
  gtk_widget_set_visible (self->handle, !has_items);
  height = has_items ? CONVENE_BLOCK_HEADER_HEIGHT : (int) (duration * CONVENE_BLOCK_PX_PER_MINUTE);
  gtk_widget_set_size_request (GTK_WIDGET (self), -1, MAX (height, CONVENE_BLOCK_MIN_HEIGHT));

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
}

ConveneSegment *
convene_segment_block_get_segment (ConveneSegmentBlock *self)
{
  g_return_val_if_fail (CONVENE_IS_SEGMENT_BLOCK (self), NULL);

  return self->segment;
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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
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

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_HORIZONTAL);

  self->ruler = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->ruler, "ruler");
  gtk_widget_set_parent (self->ruler, GTK_WIDGET (self));
  self->start_label = add_label (self->ruler, "segment-time");
  gtk_widget_set_vexpand (GTK_WIDGET (self->start_label), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->start_label), GTK_ALIGN_START);
  self->end_label = add_label (self->ruler, "segment-time");
  gtk_widget_add_css_class (GTK_WIDGET (self->end_label), "dim-label");
  gtk_widget_set_valign (GTK_WIDGET (self->end_label), GTK_ALIGN_END);

  self->parent_bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->parent_bar, "parent-bar");
  gtk_widget_set_margin_end (self->parent_bar, ITEM_INDENT - 6);
  gtk_widget_set_visible (self->parent_bar, FALSE);
  gtk_widget_set_parent (self->parent_bar, GTK_WIDGET (self));

  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_widget_set_parent (column, GTK_WIDGET (self));

  /* The card's own bottom edge is the resize handle, drawn over it. */
  overlay = gtk_overlay_new ();
  gtk_widget_set_vexpand (overlay, TRUE);
  gtk_box_append (GTK_BOX (column), overlay);
  self->card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->card, "block");
  gtk_widget_set_vexpand (self->card, TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->card);

  self->bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->bar, "kind-bar");
  gtk_box_append (GTK_BOX (self->card), self->bar);

  inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (inner, "block-body");
  gtk_widget_set_hexpand (inner, TRUE);
  gtk_box_append (GTK_BOX (self->card), inner);

  heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (inner), heading);
  self->icon = GTK_IMAGE (gtk_image_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  /* Beside the first line of a title that wraps. */
  gtk_widget_set_valign (GTK_WIDGET (self->icon), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), "kind-icon");
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->icon));
  self->title_label = add_label (heading, "heading");
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  self->warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_valign (self->warning, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->warning, "warning");
  gtk_widget_set_tooltip_text (self->warning, _("Runs past the end of the slot"));
  gtk_box_append (GTK_BOX (heading), self->warning);

  body = inner;
  meta = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
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
