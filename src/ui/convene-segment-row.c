#define G_LOG_DOMAIN "convene-segment-row"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-segment-row.h"

/* How far an item sits in from its segment. */
#define ITEM_INDENT 24

struct _ConveneSegmentRow
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *box;
  GtkLabel  *time_label;
  GtkLabel  *title_label;
  GtkLabel  *kind_label;
  GtkWidget *warning_image;
  GtkLabel  *duration_label;
};

G_DEFINE_FINAL_TYPE (ConveneSegmentRow, convene_segment_row, GTK_TYPE_WIDGET)

void
convene_segment_row_show (ConveneSegmentRow          *self,
                          ConveneSchedule            *schedule,
                          const ConveneScheduleEntry *entry,
                          gboolean                    use_12h)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *times = NULL;
  g_autofree char *duration = NULL;
  ConveneSegmentKind kind;
  const char *title;

  g_return_if_fail (CONVENE_IS_SEGMENT_ROW (self));
  g_return_if_fail (entry != NULL);

  kind = convene_segment_get_kind (entry->segment);
  title = convene_segment_get_title (entry->segment);
  if (title[0] == '\0')
    title = convene_segment_kind_get_label (kind);

  start = convene_schedule_format_clock (schedule, entry->start, use_12h);
  end = convene_schedule_format_clock (schedule, entry->end, use_12h);
  /* Translators: start and end clock times of a segment, "12:30 – 12:40". */
  times = g_strdup_printf (_("%s – %s"), start, end);
  /* Translators: a length in minutes, "10 min". */
  duration = g_strdup_printf (_("%u min"), convene_segment_get_duration (entry->segment));

  gtk_label_set_text (self->time_label, times);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->kind_label, convene_segment_kind_get_label (kind));
  gtk_label_set_text (self->duration_label, duration);
  gtk_widget_set_visible (self->warning_image, entry->crosses_slot_end);
  gtk_widget_set_margin_start (self->box, 12 + (int) entry->depth * ITEM_INDENT);

  if (entry->depth == 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "item");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "heading");
      gtk_widget_add_css_class (GTK_WIDGET (self), "item");
    }
}

static void
convene_segment_row_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), CONVENE_TYPE_SEGMENT_ROW);
  /* Template children without an id are not unparented by the above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (convene_segment_row_parent_class)->dispose (object);
}

static void
convene_segment_row_class_init (ConveneSegmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_segment_row_dispose;

  gtk_widget_class_set_css_name (widget_class, "segmentrow");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/convene-segment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneSegmentRow, box);
  gtk_widget_class_bind_template_child (widget_class, ConveneSegmentRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneSegmentRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneSegmentRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneSegmentRow, warning_image);
  gtk_widget_class_bind_template_child (widget_class, ConveneSegmentRow, duration_label);
}

static void
convene_segment_row_init (ConveneSegmentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
convene_segment_row_new (void)
{
  return g_object_new (CONVENE_TYPE_SEGMENT_ROW, NULL);
}
