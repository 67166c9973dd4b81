/* convene-ui-util.c: toasts and commands shared by the project's views. */
#define G_LOG_DOMAIN "Convene"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "convene-ui-util.h"

void
convene_ui_show_toast (GtkWidget *widget,
                       AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
convene_ui_show_message (GtkWidget  *widget,
                         const char *message)
{
  /* A message may quote a title of any length. */
  g_autofree char *shown = convene_ui_dup_shown_text (message);
  g_autofree char *escaped = g_markup_escape_text (shown, -1);

  convene_ui_show_toast (widget, adw_toast_new (escaped));
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
        convene_ui_show_error (widget, error);
      return FALSE;
    }
  if (document == NULL)
    {
      g_object_unref (command);
      return FALSE;
    }
  if (!convene_document_perform (document, command, &error))
    {
      convene_ui_show_error (widget, error);
      return FALSE;
    }
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
