#define G_LOG_DOMAIN "convene-session-row"
#include "config.h"

#include <glib/gi18n.h>

#include "convene-clock.h"
#include "convene-date-entry.h"
#include "convene-session-row.h"
#include "convene-ui-util.h"

struct _ConveneSessionRow
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkLabel *title_label;
  GtkLabel *when_label;
  GtkLabel *room_label;

  /* owned */
  ConveneSession *session;
  ConveneDocument *document;
  GSignalGroup   *document_signals;  /* the document's change feed while bound */
  /* Where the drag started, so the row follows the pointer from there. */
  int             drag_x;
  int             drag_y;
};

G_DEFINE_FINAL_TYPE (ConveneSessionRow, convene_session_row, GTK_TYPE_WIDGET)

enum {
  SESSION_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update (ConveneSessionRow *self)
{
  ConveneSchedule *schedule;
  gboolean use_12h;
  g_autofree char *date = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *when = NULL;
  const char *title;
  const char *room;

  if (self->session == NULL)
    return;

  use_12h = convene_clock_get_use_12h (convene_clock_get_default ());
  schedule = convene_document_get_schedule (self->document, self->session);
  date = convene_date_format (convene_session_get_date (self->session));
  start = convene_schedule_format_clock (schedule, 0, use_12h);
  end = convene_schedule_format_clock (schedule, convene_session_get_slot_minutes (self->session), use_12h);
  /* Translators: date, start and end of a session: "Mon 15 Sep 2025 · 12:30 – 14:00". */
  when = g_strdup_printf (_("%s · %s – %s"), date, start, end);

  title = convene_session_get_title (self->session);
  if (title[0] == '\0')
    title = _("Untitled Session");
  room = convene_session_get_room (self->session);

  convene_ui_label_set_user_text (self->title_label, title);
  gtk_label_set_text (self->when_label, when);
  convene_ui_label_set_user_text (self->room_label, room);
  gtk_widget_set_visible (GTK_WIDGET (self->room_label), room[0] != '\0');
}

static void
document_changed (ConveneSessionRow *self,
                  ConveneChanges    *changes)
{
  if (self->session != NULL && convene_changes_moves_times (changes, self->session))
    update (self);
}

void
convene_session_row_set_session (ConveneSessionRow *self,
                                 ConveneDocument   *document,
                                 ConveneSession    *session)
{
  g_return_if_fail (CONVENE_IS_SESSION_ROW (self));
  g_return_if_fail (document == NULL || CONVENE_IS_DOCUMENT (document));
  g_return_if_fail (session == NULL || CONVENE_IS_SESSION (session));
  g_return_if_fail ((document == NULL) == (session == NULL));

  g_signal_group_set_target (self->document_signals, document);
  g_set_object (&self->document, document);
  g_set_object (&self->session, session);
  update (self);
}

ConveneSession *
convene_session_row_get_session (ConveneSessionRow *self)
{
  g_return_val_if_fail (CONVENE_IS_SESSION_ROW (self), NULL);

  return self->session;
}

/* Dragging a row carries its session; the drop says which half of the
 * target row it landed on, shown by a line while the pointer is over it. */
static GdkContentProvider *
drag_prepare (GtkDragSource     *source,
              double             x,
              double             y,
              ConveneSessionRow *self)
{
  if (self->session == NULL)
    return NULL;

  self->drag_x = (int) x;
  self->drag_y = (int) y;
  return gdk_content_provider_new_typed (CONVENE_TYPE_SESSION, self->session);
}

static void
drag_begin (GtkDragSource     *source,
            GdkDrag           *drag,
            ConveneSessionRow *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, self->drag_x, self->drag_y);
}

static void
clear_drop_marks (ConveneSessionRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-before");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-after");
}

static gboolean
drop_is_after (ConveneSessionRow *self,
               double             y)
{
  return y > gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
}

static GdkDragAction
drop_motion (GtkDropTarget     *target,
             double             x,
             double             y,
             ConveneSessionRow *self)
{
  gboolean after = drop_is_after (self, y);

  gtk_widget_remove_css_class (GTK_WIDGET (self), after ? "drop-before" : "drop-after");
  gtk_widget_add_css_class (GTK_WIDGET (self), after ? "drop-after" : "drop-before");
  return GDK_ACTION_MOVE;
}

static void
drop_leave (GtkDropTarget     *target,
            ConveneSessionRow *self)
{
  clear_drop_marks (self);
}

static gboolean
drop_done (GtkDropTarget     *target,
           const GValue      *value,
           double             x,
           double             y,
           ConveneSessionRow *self)
{
  ConveneSession *dragged = g_value_get_object (value);

  clear_drop_marks (self);
  if (dragged == NULL || self->session == NULL || dragged == self->session)
    return FALSE;

  g_signal_emit (self, signals[SESSION_DROPPED], 0, dragged, drop_is_after (self, y));
  return TRUE;
}

static void
convene_session_row_dispose (GObject *object)
{
  ConveneSessionRow *self = CONVENE_SESSION_ROW (object);
  GtkWidget *child;

  convene_session_row_set_session (self, NULL, NULL);
  g_clear_object (&self->document_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_SESSION_ROW);
  /* Template children without an id are not unparented by the above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (convene_session_row_parent_class)->dispose (object);
}

static void
convene_session_row_class_init (ConveneSessionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_session_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/convene/Convene/convene-session-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneSessionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneSessionRow, when_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneSessionRow, room_label);
  gtk_widget_class_set_css_name (widget_class, "sessionrow");

  /**
   * ConveneSessionRow::session-dropped:
   * @dragged: the session dropped on this row
   * @after: whether it was dropped on the lower half (to go after this one)
   */
  signals[SESSION_DROPPED] =
    g_signal_new ("session-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, CONVENE_TYPE_SESSION, G_TYPE_BOOLEAN);
}

static void
convene_session_row_init (ConveneSessionRow *self)
{
  GtkDragSource *source;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->document_signals = g_signal_group_new (CONVENE_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (document_changed), self,
                                 G_CONNECT_SWAPPED);
  g_signal_connect_object (convene_clock_get_default (), "notify::use-12h", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare), self, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (CONVENE_TYPE_SESSION, GDK_ACTION_MOVE);
  g_signal_connect_object (target, "motion", G_CALLBACK (drop_motion), self, 0);
  g_signal_connect_object (target, "enter", G_CALLBACK (drop_motion), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_done), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
convene_session_row_new (void)
{
  return g_object_new (CONVENE_TYPE_SESSION_ROW, NULL);
}
