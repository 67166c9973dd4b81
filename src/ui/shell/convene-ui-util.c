/* convene-ui-util.c: toasts and commands shared by the project's views. */
#define G_LOG_DOMAIN "Convene"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "convene-ui-util.h"
#include "convene-validate.h"

/* libadwaita 1.2's overlay frees what it keeps about a toast when the
 * toast's fade-out ends, while the toast's slide-in may still have a frame to
 * run, which then writes to freed memory. That happens when the fade-out ends
 * first or in the same frame: a toast put on while another fades out slides
 * in for 500 ms, longer than a 300 ms fade-out, and a toast dismissed in the
 * frame it appeared (its Undo pressed at once, a newer toast replacing it)
 * ends both in one frame, the fade-out first.
 *
 * So each overlay holds one toast at a time: the next goes on only after the
 * overlay has let go of the last one (finalized, its fade-out over), and
 * slides in for the usual 300 ms. A toast dismissed, by anyone, before it
 * has finished sliding in is dismissed for the overlay only afterwards: the
 * toast's "dismissed" is stopped before it reaches the overlay (which
 * connects to it when the toast is added, after this queue) and emitted again
 * once the slide-in is over. A high-priority toast dismisses the one shown
 * rather than joining it on the overlay. */
#define TOAST_SLIDE_IN_US  (300 * 1000)  /* libadwaita's SHOW_DURATION */
#define TOAST_MARGIN_US    (100 * 1000)  /* its clock may be read a little later */

typedef struct
{
  AdwToastOverlay *overlay;    /* borrowed: the queue is the overlay's data */
  GQueue           pending;    /* AdwToast*, owned, next first */
  AdwToast        *shown;      /* weak: handed to the overlay, not yet let go */
  gulong           dismissed_id;
  gboolean         shown_dismissed;  /* the overlay has heard it */
  gboolean         dismiss_deferred; /* to tell the overlay once settled */
  gint64           shown_at;   /* frame time when it was handed over */
  gboolean         shown_settled; /* it has finished sliding in */
  guint            tick_id;    /* waiting for it to settle */
  guint            idle_id;    /* shows the next toast, or passes on a dismissal */
} ToastQueue;

static void toast_queue_update (ToastQueue *queue);

static gboolean
toast_queue_idle_cb (gpointer data)
{
  ToastQueue *queue = data;

  queue->idle_id = 0;
  toast_queue_update (queue);
  return G_SOURCE_REMOVE;
}

/* Work is done from the main loop, never inside the overlay's own handlers
 * or animation frames. */
static void
toast_queue_schedule (ToastQueue *queue)
{
  if (queue->idle_id == 0)
    queue->idle_id = g_idle_add (toast_queue_idle_cb, queue);
}

/* The overlay let go of the shown toast: its fade-out is over. */
static void
shown_toast_gone (gpointer  data,
                  GObject  *where_the_toast_was)
{
  ToastQueue *queue = data;

  queue->shown = NULL;
  queue->dismissed_id = 0;
  if (queue->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (queue->overlay), queue->tick_id);
  queue->tick_id = 0;
  if (!g_queue_is_empty (&queue->pending))
    toast_queue_schedule (queue);
}

/* Runs before the overlay's own handler. An unmapped overlay skips its
 * animations, so there is nothing sliding to wait for. */
static void
shown_toast_dismissed (ToastQueue *queue)
{
  if (!queue->shown_settled && gtk_widget_get_mapped (GTK_WIDGET (queue->overlay)))
    {
      g_signal_stop_emission_by_name (queue->shown, "dismissed");
      queue->dismiss_deferred = TRUE;
      return;
    }

  queue->shown_dismissed = TRUE;
  queue->dismiss_deferred = FALSE;
}

static gboolean
shown_toast_tick (GtkWidget     *overlay,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  ToastQueue *queue = data;

  if (gdk_frame_clock_get_frame_time (clock) < queue->shown_at + TOAST_SLIDE_IN_US + TOAST_MARGIN_US)
    return G_SOURCE_CONTINUE;

  queue->tick_id = 0;
  queue->shown_settled = TRUE;
  if (queue->dismiss_deferred)
    toast_queue_schedule (queue);
  return G_SOURCE_REMOVE;
}

static void
toast_queue_free (ToastQueue *queue)
{
  g_clear_handle_id (&queue->idle_id, g_source_remove);
  if (queue->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (queue->overlay), queue->tick_id);
  if (queue->shown != NULL)
    {
      g_clear_signal_handler (&queue->dismissed_id, queue->shown);
      g_object_weak_unref (G_OBJECT (queue->shown), shown_toast_gone, queue);
    }
  g_queue_clear_full (&queue->pending, g_object_unref);
  g_free (queue);
}

static void
toast_queue_update (ToastQueue *queue)
{
  GtkWidget *widget = GTK_WIDGET (queue->overlay);
  GdkFrameClock *clock;
  AdwToast *toast;

  if (queue->shown != NULL)
    {
      if (queue->dismiss_deferred && (queue->shown_settled || !gtk_widget_get_mapped (widget)))
        {
          queue->shown_settled = TRUE;
          g_signal_emit_by_name (queue->shown, "dismissed");
        }
      return;
    }

  toast = g_queue_pop_head (&queue->pending);
  if (toast == NULL)
    return;

  queue->shown = toast;
  queue->shown_dismissed = FALSE;
  queue->dismiss_deferred = FALSE;
  queue->shown_settled = TRUE;
  g_object_weak_ref (G_OBJECT (toast), shown_toast_gone, queue);
  queue->dismissed_id = g_signal_connect_swapped (toast, "dismissed",
                                                  G_CALLBACK (shown_toast_dismissed), queue);

  clock = gtk_widget_get_mapped (widget) ? gtk_widget_get_frame_clock (widget) : NULL;
  if (clock != NULL)
    {
      queue->shown_at = gdk_frame_clock_get_frame_time (clock);
      queue->shown_settled = FALSE;
      queue->tick_id = gtk_widget_add_tick_callback (widget, shown_toast_tick, queue, NULL);
    }

  adw_toast_overlay_add_toast (queue->overlay, toast);
}

void
convene_ui_add_toast (AdwToastOverlay *overlay,
                      AdwToast        *toast)
{
  ToastQueue *queue;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  queue = g_object_get_data (G_OBJECT (overlay), "convene-toast-queue");
  if (queue == NULL)
    {
      queue = g_new0 (ToastQueue, 1);
      queue->overlay = overlay;
      g_queue_init (&queue->pending);
      g_object_set_data_full (G_OBJECT (overlay), "convene-toast-queue", queue,
                              (GDestroyNotify) toast_queue_free);
    }

  if (adw_toast_get_priority (toast) == ADW_TOAST_PRIORITY_HIGH)
    {
      /* A newer high-priority toast (an Undo after a delete) makes the
       * older ones that never got shown stale: their Undo would undo it. */
      for (GList *l = queue->pending.head; l != NULL; )
        {
          GList *next = l->next;

          if (adw_toast_get_priority (l->data) == ADW_TOAST_PRIORITY_HIGH)
            {
              g_object_unref (l->data);
              g_queue_delete_link (&queue->pending, l);
            }
          l = next;
        }
      g_queue_push_head (&queue->pending, toast);
      if (queue->shown != NULL && !queue->shown_dismissed)
        adw_toast_dismiss (queue->shown);
    }
  else
    {
      g_queue_push_tail (&queue->pending, toast);
    }

  toast_queue_update (queue);
}

void
convene_ui_withdraw_toast (AdwToastOverlay *overlay,
                           AdwToast        *toast)
{
  ToastQueue *queue;
  GList *link;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  queue = g_object_get_data (G_OBJECT (overlay), "convene-toast-queue");
  if (queue == NULL)
    return;
  link = g_queue_find (&queue->pending, toast);
  if (link != NULL)
    {
      /* Never shown: it simply goes. */
      g_queue_delete_link (&queue->pending, link);
      g_object_unref (toast);
    }
  else if (queue->shown == toast && !queue->shown_dismissed && !queue->dismiss_deferred)
    adw_toast_dismiss (toast);
}

void
convene_ui_show_toast (GtkWidget *widget,
                       AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    convene_ui_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static AdwToast *
message_toast (const char *message)
{
  /* A message may quote a title of any length. */
  g_autofree char *shown = convene_ui_dup_shown_text (message);
  g_autofree char *escaped = g_markup_escape_text (shown, -1);

  return adw_toast_new (escaped);
}

void
convene_ui_show_message (GtkWidget  *widget,
                         const char *message)
{
  convene_ui_show_toast (widget, message_toast (message));
}

void
convene_ui_show_error (GtkWidget    *widget,
                       const GError *error)
{
  convene_ui_show_message (widget, error->message);
}

gboolean
convene_ui_is_writable (ConveneDocument *document)
{
  return document != NULL && !convene_document_get_read_only (document);
}

/* The toast saying why widget's last edit was refused stays only until an
 * edit through the same widget is accepted: its cause is then gone (a time
 * typed again right, another zone chosen). Held weakly: a toast the overlay
 * is done with goes. */
#define REFUSAL_KEY "convene-refusal-toast"

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
show_refusal (GtkWidget    *widget,
              const GError *error)
{
  AdwToast *toast = message_toast (error->message);
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, toast);
  g_object_set_data_full (G_OBJECT (widget), REFUSAL_KEY, ref, free_weak_ref);
  convene_ui_show_toast (widget, toast);
}

static void
withdraw_refusal (GtkWidget *widget)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (widget), REFUSAL_KEY);
  g_autoptr(AdwToast) toast = ref != NULL ? g_weak_ref_get (ref) : NULL;
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (toast != NULL && overlay != NULL)
    convene_ui_withdraw_toast (ADW_TOAST_OVERLAY (overlay), toast);
  if (ref != NULL)
    g_object_set_data (G_OBJECT (widget), REFUSAL_KEY, NULL);
}

gboolean
convene_ui_perform (GtkWidget       *widget,
                    ConveneDocument *document,
                    ConveneCommand  *command,
                    GError          *build_error)
{
  g_autoptr(GError) error = build_error;

  if (command == NULL)
    {
      if (error != NULL)
        show_refusal (widget, error);
      return FALSE;
    }
  if (document == NULL)
    {
      g_object_unref (command);
      return FALSE;
    }
  if (!convene_document_perform (document, command, &error))
    {
      show_refusal (widget, error);
      return FALSE;
    }
  withdraw_refusal (widget);
  return TRUE;
}

static void
undo_clicked (AdwToast  *toast,
              GtkWidget *widget)
{
  ConveneDocument *document = g_object_get_data (G_OBJECT (toast), "convene-document");
  g_autoptr(GError) error = NULL;

  if (!convene_document_undo (document, &error))
    convene_ui_show_error (widget, error);
}

void
convene_ui_show_undo_toast (GtkWidget       *widget,
                            ConveneDocument *document,
                            const char      *message)
{
  g_autofree char *shown = convene_ui_dup_shown_text (message);
  g_autofree char *escaped = g_markup_escape_text (shown, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "convene-document", g_object_ref (document), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked), widget, 0);
  convene_ui_show_toast (widget, toast);
}

char *
convene_ui_dup_shown_text (const char *text)
{
  GString *shown;
  const char *p;
  guint n = 0;

  if (text == NULL)
    return g_strdup ("");

  /* Each line is bounded on its own: a list of warnings keeps every line,
   * each of which may quote a long title. */
  shown = g_string_sized_new (MIN (strlen (text), 4 * CONVENE_UI_MAX_SHOWN_CHARS));
  for (p = text; *p != '\0'; )
    {
      const char *next = g_utf8_next_char (p);

      if (*p == '\n')
        n = 0;
      else if (n == CONVENE_UI_MAX_SHOWN_CHARS)
        {
          g_string_append (shown, "…");
          p = strchr (p, '\n');
          if (p == NULL)
            break;
          continue;
        }
      else
        n++;
      g_string_append_len (shown, p, next - p);
      p = next;
    }
  return g_string_free (shown, FALSE);
}

void
convene_ui_label_set_user_text (GtkLabel   *label,
                                const char *text)
{
  g_autofree char *shown = convene_ui_dup_shown_text (text);

  if (g_strcmp0 (gtk_label_get_text (label), shown) != 0)
    gtk_label_set_text (label, shown);
}

#define SHOWN_STORED_KEY "convene-shown-stored"

void
convene_ui_editable_show_stored (GtkEditable *editable,
                                 const char  *stored)
{
  const char *text = stored != NULL ? stored : "";
  const char *cut = text;
  glong n_chars = 0;
  char *shown;

  /* Counted only as far as the bound: a stored text may be 64 KiB. */
  while (*cut != '\0' && n_chars < CONVENE_UI_MAX_EDIT_CHARS)
    {
      cut = g_utf8_next_char (cut);
      n_chars++;
    }
  if (*cut == '\0')
    {
      shown = g_strdup (text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (editable), NULL);
    }
  else
    {
      GString *part = g_string_new_len (text, cut - text);
      g_autofree char *count = g_strdup_printf ("%'ld", g_utf8_strlen (text, -1));
      /* Translators: the tooltip of a field showing only the start of a very
       * long title or name; %s is its length in characters */
      g_autofree char *tip = g_strdup_printf (_("Only the start of this text is shown: it has %s characters. "
                                                "Changing it here keeps what the field shows."), count);

      g_string_append (part, "…");
      shown = g_string_free (part, FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (editable), tip);
    }
  if (g_strcmp0 (gtk_editable_get_text (editable), shown) != 0)
    gtk_editable_set_text (editable, shown);
  g_object_set_data_full (G_OBJECT (editable), SHOWN_STORED_KEY, shown, g_free);
}

const char *
convene_ui_editable_get_edited (GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);

  if (g_strcmp0 (text, g_object_get_data (G_OBJECT (editable), SHOWN_STORED_KEY)) == 0)
    return NULL;
  return text;
}

char *
convene_ui_format_date (const char *date,
                        const char *format)
{
  int year, month, day;
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || !convene_validate_date (date, NULL) ||
      sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (date != NULL ? date : "");
  dt = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (dt == NULL)
    return g_strdup (date);
  return g_date_time_format (dt, format);
}

static ConveneNameOrder name_order = CONVENE_NAME_ORDER_FIRST;

static void
read_name_order (GSettings *settings)
{
  g_autofree char *order = g_settings_get_string (settings, "name-order");

  name_order = g_strcmp0 (order, "family") == 0 ? CONVENE_NAME_ORDER_FAMILY : CONVENE_NAME_ORDER_FIRST;
}

GSettings *
convene_ui_get_settings (void)
{
  static GSettings *settings;

  if (settings == NULL)
    {
      settings = g_settings_new (APP_ID);
      /* Connected first, so the order is read again before any sorter
       * hears of the change. */
      g_signal_connect (settings, "changed::name-order", G_CALLBACK (read_name_order), NULL);
      read_name_order (settings);
    }
  return settings;
}

/* Read once and on change, not at each of a sort's comparisons. */
ConveneNameOrder
convene_ui_get_name_order (void)
{
  convene_ui_get_settings ();
  return name_order;
}

static int
compare_people (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  int result = convene_speaker_compare_names ((ConveneSpeaker *) a, (ConveneSpeaker *) b,
                                              convene_ui_get_name_order ());

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
name_order_changed (GtkSorter *sorter)
{
  gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

GtkSorter *
convene_ui_new_people_sorter (void)
{
  GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_people, NULL, NULL));

  g_signal_connect_object (convene_ui_get_settings (), "changed::name-order", G_CALLBACK (name_order_changed),
                           sorter, G_CONNECT_SWAPPED);
  return sorter;
}

void
convene_ui_show_help (GtkWindow  *parent,
                      const char *page)
{
  g_autofree char *uri = page != NULL ? g_strdup_printf ("help:convene/%s", page) : g_strdup ("help:convene");
  g_autoptr(GAppInfo) viewer = g_app_info_get_default_for_uri_scheme ("help");
  GtkWidget *dialog;

  /* In a Flatpak sandbox the desktop's portal finds the viewer outside. */
  if (viewer != NULL || g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
      return;
    }

  dialog = adw_message_dialog_new (parent, _("No Help Viewer"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s",
                                  _("Convene’s help opens in GNOME Help, which is not installed on this "
                                    "computer. Install the “yelp” package (GNOME Help) from your software "
                                    "centre or with your package manager, then press F1 again."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
convene_ui_popover_point_at (GtkPopover *popover,
                             GtkWidget  *target)
{
  GtkWidget *button = gtk_widget_get_parent (GTK_WIDGET (popover));
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (target));
  GtkWidget *chosen = target;
  graphene_rect_t bounds;
  int width = 0;

  g_return_if_fail (GTK_IS_POPOVER (popover));
  g_return_if_fail (GTK_IS_WIDGET (target));

  if (button == NULL || window == NULL)
    return;
  gtk_widget_measure (GTK_WIDGET (popover), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  for (GtkWidget *widget = target; widget != NULL && widget != window; widget = gtk_widget_get_parent (widget))
    {
      double centre;

      if (!gtk_widget_compute_bounds (widget, window, &bounds))
        break;
      chosen = widget;
      centre = bounds.origin.x + bounds.size.width / 2;
      if ((centre - width / 2.0 >= 0 && centre + width / 2.0 <= gtk_widget_get_width (window)) ||
          GTK_IS_LIST_BOX_ROW (widget))
        break;
    }

  if (!gtk_widget_compute_bounds (chosen, button, &bounds))
    return;
  gtk_popover_set_pointing_to (popover,
                               &(GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                                                 (int) bounds.size.width, (int) bounds.size.height });
  /* Shown already ("show" runs after the popover's own handler): placed
   * again now rather than at its next change of size. */
  if (gtk_widget_get_visible (GTK_WIDGET (popover)))
    gtk_popover_present (popover);
}

/* One pending run per widget and function, held on the widget. */
typedef struct
{
  GtkWidget          *widget;
  ConveneUiFrameFunc  func;
  GdkFrameClock      *clock;
  gulong              handler;
} FrameRun;

static GQuark
frame_run_quark (ConveneUiFrameFunc func)
{
  g_autofree char *name = g_strdup_printf ("convene-ui-after-frame-%p", (gpointer) func);

  return g_quark_from_string (name);
}

static void
frame_run_free (gpointer data)
{
  FrameRun *run = data;

  /* A frame clock drops its handlers as its window goes. */
  if (run->handler != 0 && g_signal_handler_is_connected (run->clock, run->handler))
    g_signal_handler_disconnect (run->clock, run->handler);
  g_clear_object (&run->clock);
  g_free (run);
}

static void
frame_drawn (GdkFrameClock *clock,
             FrameRun      *run)
{
  GtkWidget *widget = run->widget;
  ConveneUiFrameFunc func = run->func;

  (void) clock;
  /* Frees run (and disconnects this handler) before func runs, so that
   * func may ask for the next frame. */
  g_object_set_qdata (G_OBJECT (widget), frame_run_quark (func), NULL);
  /* Taken out of its window (or disposed) meanwhile: nothing to show. */
  if (gtk_widget_get_root (widget) != NULL)
    func (widget);
}

void
convene_ui_after_frame (GtkWidget          *widget,
                        ConveneUiFrameFunc  func)
{
  GQuark quark;
  GdkFrameClock *clock;
  GtkWidget *root;
  FrameRun *run;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  quark = frame_run_quark (func);
  if (g_object_get_qdata (G_OBJECT (widget), quark) != NULL)
    return;
  root = GTK_WIDGET (gtk_widget_get_root (widget));
  /* Hidden itself (a warnings row with nothing to say) but in a window on
   * screen: its window's next frame. */
  clock = root != NULL && gtk_widget_get_mapped (root) ? gtk_widget_get_frame_clock (root) : NULL;
  if (clock == NULL)
    {
      func (widget);
      return;
    }
  run = g_new0 (FrameRun, 1);
  run->widget = widget;
  run->func = func;
  run->clock = g_object_ref (clock);
  run->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_drawn), run);
  g_object_set_qdata_full (G_OBJECT (widget), quark, run, frame_run_free);
  /* The frame is asked for: an edit that changes nothing on screen still
   * gets its run. */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

GtkWidget *
convene_ui_new_dialog_page (int         spacing,
                            GtkWidget **out_content)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, spacing);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  *out_content = content;
  return scrolled;
}

GtkWidget *
convene_ui_icon_button (const char *icon_name,
                        const char *action_name,
                        const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

/* "Dr Amina Diallo (Moderator), Jon Berg (Panellist, TBC)": who is on the
 * segment in which role, unconfirmed people marked. */
char *
convene_ui_describe_people (ConveneDocument *document,
                            ConveneSegment  *segment,
                            gboolean         mark_declined)
{
  GPtrArray *assignments = convene_document_get_assignments_on (document, convene_segment_get_id (segment), 0);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < assignments->len; i++)
    {
      ConveneAssignment *assignment = g_ptr_array_index (assignments, i);
      ConveneSpeaker *speaker = convene_document_find_speaker (document,
                                                               convene_assignment_get_speaker_id (assignment));
      g_autofree char *name = NULL;
      const char *role;

      if (speaker == NULL)
        continue;
      name = convene_speaker_dup_display_name (speaker);
      if (text->len > 0)
        g_string_append (text, ", ");
      role = convene_role_get_label (convene_assignment_get_role (assignment));
      if (mark_declined && convene_speaker_get_status (speaker) == CONVENE_SPEAKER_STATUS_DECLINED)
        /* Translators: a person who declined and their role, "Jon Berg (Panellist, declined)". */
        g_string_append_printf (text, _("%s (%s, declined)"), name, role);
      else if (convene_speaker_get_status (speaker) == CONVENE_SPEAKER_STATUS_CONFIRMED)
        /* Translators: a person on a timeline block and their role there,
         * "Dr Amina Diallo (Moderator)". */
        g_string_append_printf (text, _("%s (%s)"), name, role);
      else
        /* Translators: a person not confirmed yet and their role, "Jon Berg (Panellist, TBC)". */
        g_string_append_printf (text, _("%s (%s, TBC)"), name, role);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
