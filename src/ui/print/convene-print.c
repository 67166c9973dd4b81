#define G_LOG_DOMAIN "convene-print"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "convene-cli.h"
#include "convene-clock.h"
#include "convene-export-file.h"
#include "convene-print.h"
#include "convene-runsheet.h"
#include "convene-ui-util.h"

struct _ConvenePrint
{
  GtkPrintOperation parent_instance;

  /* owned */
  ConveneProject         *project;
  ConveneSession         *session;
  GSettings              *settings;
  ConveneRunsheetOptions *options;
  ConveneRunsheet        *runsheet;     /* from begin-print to the end of the run */
  GtkPageSetup           *page_setup;   /* the one printed on, to remember */
  GError                 *error;        /* why begin-print gave up */
  GtkWindow              *preview_parent; /* from ::preview until ::ready */

  /* borrowed: the "Run Sheet" tab, owned by the print dialog */
  GtkCheckButton         *only_session;
  GtkCheckButton         *include_notes;
  GtkCheckButton         *contact_sheet;
  GtkCheckButton         *outcomes_checklist;
  GtkCheckButton         *moderator_card;
  GtkCheckButton         *call_sheets;
  GtkCheckButton         *planned_actual;
};

G_DEFINE_FINAL_TYPE (ConvenePrint, convene_print, GTK_TYPE_PRINT_OPERATION)

/* A stored a{sv}, or NULL when nothing was stored yet. */
static GVariant *
get_stored (GSettings  *settings,
            const char *key)
{
  g_autoptr(GVariant) value = NULL;

  if (settings == NULL)
    return NULL;
  value = g_settings_get_value (settings, key);
  if (g_variant_n_children (value) == 0)
    return NULL;
  return g_steal_pointer (&value);
}

/* The sections by the names the command line's --sections uses. */
static void
load_sections (ConveneRunsheetOptions *options,
               GSettings              *settings)
{
  g_auto(GStrv) sections = NULL;

  if (settings == NULL)
    return;
  sections = g_settings_get_strv (settings, "runsheet-sections");
  convene_runsheet_options_set_include_notes (options,
                                              g_settings_get_boolean (settings, "runsheet-include-notes"));
  convene_runsheet_options_set_contact_sheet (options, g_strv_contains ((const char * const *) sections, "contacts"));
  convene_runsheet_options_set_outcomes_checklist (options, g_strv_contains ((const char * const *) sections, "outcomes"));
  convene_runsheet_options_set_moderator_card (options, g_strv_contains ((const char * const *) sections, "moderator"));
  convene_runsheet_options_set_call_sheets (options, g_strv_contains ((const char * const *) sections, "call-sheets"));
  convene_runsheet_options_set_planned_actual (options,
                                               g_settings_get_boolean (settings, "runsheet-include-actuals"));
}

static void
save_sections (ConveneRunsheetOptions *options,
               GSettings              *settings)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) sections = NULL;

  if (convene_runsheet_options_get_contact_sheet (options))
    g_strv_builder_add (builder, "contacts");
  if (convene_runsheet_options_get_outcomes_checklist (options))
    g_strv_builder_add (builder, "outcomes");
  if (convene_runsheet_options_get_moderator_card (options))
    g_strv_builder_add (builder, "moderator");
  if (convene_runsheet_options_get_call_sheets (options))
    g_strv_builder_add (builder, "call-sheets");
  sections = g_strv_builder_end (builder);

  g_settings_set_strv (settings, "runsheet-sections", (const char * const *) sections);
  g_settings_set_boolean (settings, "runsheet-include-notes",
                          convene_runsheet_options_get_include_notes (options));
  g_settings_set_boolean (settings, "runsheet-include-actuals",
                          convene_runsheet_options_get_planned_actual (options));
}

static GtkPageSetup *
load_page_setup (GSettings *settings)
{
  g_autoptr(GVariant) value = get_stored (settings, "page-setup");

  return value != NULL ? gtk_page_setup_new_from_gvariant (value) : NULL;
}

/* What gtk_page_setup_to_gvariant() gives, built here because GTK 4.8's
 * copy leaks the paper size's entries. The keys are the ones
 * gtk_page_setup_new_from_gvariant() reads. */
static GVariant *
page_setup_to_variant (GtkPageSetup *setup)
{
  g_autoptr(GVariant) paper = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  GVariant *entry;
  GEnumClass *orientations = g_type_class_ref (GTK_TYPE_PAGE_ORIENTATION);
  GEnumValue *orientation;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);

  paper = g_variant_ref_sink (gtk_paper_size_to_gvariant (gtk_page_setup_get_paper_size (setup)));
  g_variant_iter_init (&iter, paper);
  while ((entry = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_variant_builder_add_value (&builder, entry);
      g_variant_unref (entry);
    }

  g_variant_builder_add (&builder, "{sv}", "MarginTop",
                         g_variant_new_double (gtk_page_setup_get_top_margin (setup, GTK_UNIT_MM)));
  g_variant_builder_add (&builder, "{sv}", "MarginBottom",
                         g_variant_new_double (gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_MM)));
  g_variant_builder_add (&builder, "{sv}", "MarginLeft",
                         g_variant_new_double (gtk_page_setup_get_left_margin (setup, GTK_UNIT_MM)));
  g_variant_builder_add (&builder, "{sv}", "MarginRight",
                         g_variant_new_double (gtk_page_setup_get_right_margin (setup, GTK_UNIT_MM)));

  orientation = g_enum_get_value (orientations, gtk_page_setup_get_orientation (setup));
  if (orientation != NULL)
    g_variant_builder_add (&builder, "{sv}", "Orientation",
                           g_variant_new_string (orientation->value_nick));
  g_type_class_unref (orientations);

  return g_variant_builder_end (&builder);
}

static void
save_settings (ConvenePrint *self)
{
  GtkPrintSettings *print_settings;

  if (self->settings == NULL)
    return;

  print_settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  if (print_settings != NULL)
    g_settings_set_value (self->settings, "print-settings",
                          gtk_print_settings_to_gvariant (print_settings));
  if (self->page_setup != NULL)
    g_settings_set_value (self->settings, "page-setup",
                          page_setup_to_variant (self->page_setup));
  save_sections (self->options, self->settings);
}

static void
convene_print_begin_print (GtkPrintOperation *operation,
                           GtkPrintContext   *context)
{
  ConvenePrint *self = CONVENE_PRINT (operation);
  g_autoptr(ConveneRunsheetOptions) options = NULL;
  PangoContext *pango_context;
  gboolean laid_out;

  g_clear_error (&self->error);
  g_clear_object (&self->runsheet);
  g_clear_object (&self->page_setup);
  self->page_setup = gtk_page_setup_copy (gtk_print_context_get_page_setup (context));

  /* A copy: the dialog can be applied again while a preview is open. */
  options = convene_runsheet_options_copy (self->options);
  self->runsheet = convene_runsheet_new (self->project, options);
  pango_context = gtk_print_context_create_pango_context (context);

  laid_out = convene_runsheet_layout (self->runsheet, pango_context,
                                      gtk_print_context_get_width (context),
                                      gtk_print_context_get_height (context),
                                      &self->error);
  g_object_unref (pango_context);
  if (!laid_out)
    {
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, (int) convene_runsheet_get_n_pages (self->runsheet));
}

static void
convene_print_draw_page (GtkPrintOperation *operation,
                         GtkPrintContext   *context,
                         int                page_nr)
{
  ConvenePrint *self = CONVENE_PRINT (operation);

  if (self->runsheet == NULL || page_nr < 0)
    return;
  convene_runsheet_draw_page (self->runsheet, gtk_print_context_get_cairo_context (context),
                              (guint) page_nr);
}

static void
convene_print_end_print (GtkPrintOperation *operation,
                         GtkPrintContext   *context)
{
  g_clear_object (&CONVENE_PRINT (operation)->runsheet);
}

/* The preview is drawn by Convene itself: GTK's own preview runs an
 * external viewer, which a sandbox or a bare desktop does not have. The
 * pages are the run sheet laid out in begin-print for the preview's print
 * context, drawn straight onto the screen at its scale so text stays sharp. */

#define PREVIEW_MARGIN 24.0
/* Screen pixels per point at 100 %: CSS pixels are 1/96 in, points 1/72 in. */
#define PREVIEW_ACTUAL_SCALE (96.0 / 72.0)

typedef struct {
  ConvenePrint      *print;         /* owned: the operation being previewed */
  ConveneRunsheet   *runsheet;      /* owned: the pages begin-print laid out */
  GtkWidget         *area;          /* borrowed from the window */
  GtkScrolledWindow *scroller;
  AdwWindowTitle    *title;
  GSimpleAction     *previous;      /* owned */
  GSimpleAction     *next;          /* owned */
  double             page_width;    /* points */
  double             page_height;
  guint              page;          /* 0-based */
  guint              n_pages;
  gboolean           zoom_to_fit;
  gboolean           ended;
} Preview;

static void
preview_free (Preview *preview)
{
  g_clear_object (&preview->print);
  g_clear_object (&preview->runsheet);
  g_clear_object (&preview->previous);
  g_clear_object (&preview->next);
  g_free (preview);
}

static void
preview_update (Preview *preview)
{
  g_autofree char *label = NULL;

  /* Translators: the page shown in the print preview, of how many. */
  label = g_strdup_printf (_("Page %u of %u"), preview->page + 1, preview->n_pages);
  adw_window_title_set_subtitle (preview->title, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (preview->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_simple_action_set_enabled (preview->previous, preview->page > 0);
  g_simple_action_set_enabled (preview->next, preview->page + 1 < preview->n_pages);

  if (preview->zoom_to_fit)
    {
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (preview->area), 0);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (preview->area), 0);
      gtk_scrolled_window_set_policy (preview->scroller, GTK_POLICY_NEVER, GTK_POLICY_NEVER);
    }
  else
    {
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (preview->area),
                                          (int) ceil (preview->page_width * PREVIEW_ACTUAL_SCALE + 2 * PREVIEW_MARGIN));
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (preview->area),
                                           (int) ceil (preview->page_height * PREVIEW_ACTUAL_SCALE + 2 * PREVIEW_MARGIN));
      gtk_scrolled_window_set_policy (preview->scroller, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
    }
  gtk_widget_queue_draw (preview->area);
}

static void
preview_draw (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  Preview *preview = user_data;
  double scale, paper_width, paper_height, x, y;

  if (preview->zoom_to_fit)
    scale = MIN ((width - 2 * PREVIEW_MARGIN) / preview->page_width,
                 (height - 2 * PREVIEW_MARGIN) / preview->page_height);
  else
    scale = PREVIEW_ACTUAL_SCALE;
  if (scale <= 0)
    return;

  paper_width = preview->page_width * scale;
  paper_height = preview->page_height * scale;
  x = floor (MAX (PREVIEW_MARGIN, (width - paper_width) / 2));
  y = floor (MAX (PREVIEW_MARGIN, (height - paper_height) / 2));

  /* A soft shadow of stacked translucent rings, a little lower than the
   * sheet: it reads as paper on a light window, and the white sheet stands
   * out on a dark one by itself. */
  for (int ring = 6; ring >= 1; ring--)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, 0.045);
      cairo_rectangle (cr, x - ring, y - ring + 2, paper_width + 2 * ring, paper_height + 2 * ring);
      cairo_fill (cr);
    }

  /* Paper is white whatever the style: this is what comes out of the printer. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, paper_width, paper_height);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, paper_width, paper_height);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  convene_runsheet_draw_page (preview->runsheet, cr, preview->page);
  cairo_restore (cr);
}

static void
preview_previous (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Preview *preview = user_data;

  if (preview->page > 0)
    preview->page--;
  preview_update (preview);
}

static void
preview_next (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  Preview *preview = user_data;

  if (preview->page + 1 < preview->n_pages)
    preview->page++;
  preview_update (preview);
}

static void
preview_zoom_to_fit (GSimpleAction *action,
                     GVariant      *state,
                     gpointer       user_data)
{
  Preview *preview = user_data;

  g_simple_action_set_state (action, state);
  preview->zoom_to_fit = g_variant_get_boolean (state);
  preview_update (preview);
}

/* However the window goes (closed, Escape, its parent destroyed), the
 * operation hears that the preview is over: that ends the run. */
static void
preview_destroyed (GtkWidget *window,
                   gpointer   user_data)
{
  Preview *preview = user_data;

  if (preview->ended)
    return;
  preview->ended = TRUE;
  gtk_print_operation_preview_end_preview (GTK_PRINT_OPERATION_PREVIEW (preview->print));
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                                          gtk_named_action_new (action_name)));
}

static void
convene_print_preview_ready (GtkPrintOperationPreview *operation_preview,
                             GtkPrintContext          *context,
                             gpointer                  user_data)
{
  ConvenePrint *self = CONVENE_PRINT (operation_preview);
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) zoom = NULL;
  g_autoptr(GtkWindow) parent = g_steal_pointer (&self->preview_parent);
  GtkEventController *shortcuts;
  GtkWidget *window, *box, *header, *buttons, *zoom_button;
  Preview *preview;

  if (self->runsheet == NULL)
    {
      gtk_print_operation_preview_end_preview (operation_preview);
      return;
    }

  preview = g_new0 (Preview, 1);
  preview->print = g_object_ref (self);
  preview->runsheet = g_object_ref (self->runsheet);
  preview->n_pages = convene_runsheet_get_n_pages (self->runsheet);
  preview->page_width = gtk_print_context_get_width (context);
  preview->page_height = gtk_print_context_get_height (context);
  preview->zoom_to_fit = TRUE;

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Print Preview"));
  gtk_window_set_default_size (GTK_WINDOW (window), 620, 760);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
    }
  g_object_set_data_full (G_OBJECT (window), "convene-print-preview", preview,
                          (GDestroyNotify) preview_free);
  g_signal_connect (window, "destroy", G_CALLBACK (preview_destroyed), preview);

  preview->previous = g_simple_action_new ("previous-page", NULL);
  g_signal_connect (preview->previous, "activate", G_CALLBACK (preview_previous), preview);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (preview->previous));
  preview->next = g_simple_action_new ("next-page", NULL);
  g_signal_connect (preview->next, "activate", G_CALLBACK (preview_next), preview);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (preview->next));
  zoom = g_simple_action_new_stateful ("zoom-to-fit", NULL, g_variant_new_boolean (TRUE));
  g_signal_connect (zoom, "change-state", G_CALLBACK (preview_zoom_to_fit), preview);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (zoom));
  gtk_widget_insert_action_group (window, "preview", G_ACTION_GROUP (actions));

  /* In the capture phase, so Page Up and Page Down turn pages rather than
   * scroll when the page is shown at full size. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Up, "preview.previous-page");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Down, "preview.next-page");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Escape, "window.close");
  gtk_widget_add_controller (window, shortcuts);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  preview->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Print Preview"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (preview->title));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (buttons, "linked");
  gtk_box_append (GTK_BOX (buttons),
                  convene_ui_icon_button ("go-previous-symbolic", "preview.previous-page", _("Previous Page")));
  gtk_box_append (GTK_BOX (buttons),
                  convene_ui_icon_button ("go-next-symbolic", "preview.next-page", _("Next Page")));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), buttons);

  zoom_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (zoom_button), "zoom-fit-best-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (zoom_button), "preview.zoom-to-fit");
  gtk_widget_set_tooltip_text (zoom_button, _("Zoom to Fit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Zoom to Fit"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), zoom_button);
  gtk_box_append (GTK_BOX (box), header);

  preview->area = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (preview->area, TRUE);
  gtk_widget_set_vexpand (preview->area, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (preview->area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("The printed page"), -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (preview->area), preview_draw, preview, NULL);
  preview->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (preview->scroller), TRUE);
  gtk_scrolled_window_set_child (preview->scroller, preview->area);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (preview->scroller));

  adw_window_set_content (ADW_WINDOW (window), box);
  preview_update (preview);
  gtk_window_present (GTK_WINDOW (window));
}

/* Only sets up measuring: begin-print needs a cairo_t on the context to lay
 * out in points, and ::ready (after begin-print) opens the window. */
static gboolean
convene_print_preview (GtkPrintOperation        *operation,
                       GtkPrintOperationPreview *preview,
                       GtkPrintContext          *context,
                       GtkWindow                *parent)
{
  ConvenePrint *self = CONVENE_PRINT (operation);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_set_object (&self->preview_parent, parent);
  return TRUE;
}

static GtkCheckButton *
add_check (GtkBox     *box,
           const char *label,
           gboolean    active)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_box_append (box, check);
  return GTK_CHECK_BUTTON (check);
}

static GtkWidget *
add_heading (GtkBox     *box,
             const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (box, label);
  return label;
}

static GtkWidget *
convene_print_create_custom_widget (GtkPrintOperation *operation)
{
  ConvenePrint *self = CONVENE_PRINT (operation);
  ConveneRunsheetOptions *options = self->options;
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  GtkCheckButton *all_sessions;
  GtkWidget *heading;

  gtk_widget_set_margin_top (GTK_WIDGET (box), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (box), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (box), 12);

  heading = add_heading (box, _("Sessions"));
  self->only_session = NULL;
  if (self->session != NULL)
    {
      g_autofree char *label = NULL;
      g_autofree char *title = convene_ui_dup_shown_text (convene_session_get_title (self->session));

      /* Translators: %s is the title of the session shown in the window. */
      label = g_strdup_printf (_("_This session: %s"), title);
      self->only_session = add_check (box, label,
                                      convene_runsheet_options_get_session_id (options) != 0);
      gtk_label_set_ellipsize (GTK_LABEL (gtk_widget_get_last_child (GTK_WIDGET (self->only_session))),
                               PANGO_ELLIPSIZE_END);
    }
  all_sessions = add_check (box, _("_All sessions, each from a new page"),
                            convene_runsheet_options_get_session_id (options) == 0);
  if (self->only_session != NULL)
    gtk_check_button_set_group (all_sessions, self->only_session);
  else
    gtk_widget_set_sensitive (GTK_WIDGET (all_sessions), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (all_sessions),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);

  heading = add_heading (box, _("Include"));
  gtk_widget_set_margin_top (heading, 12);
  self->include_notes = add_check (box, _("Segment _notes and cues"),
                                   convene_runsheet_options_get_include_notes (options));
  self->contact_sheet = add_check (box, _("Speaker _contact sheet"),
                                   convene_runsheet_options_get_contact_sheet (options));
  self->outcomes_checklist = add_check (box, _("_Outcomes checklist"),
                                        convene_runsheet_options_get_outcomes_checklist (options));
  self->moderator_card = add_check (box, _("_Moderator card with the guiding questions"),
                                    convene_runsheet_options_get_moderator_card (options));
  self->call_sheets = add_check (box, _("A call _sheet for each person"),
                                 convene_runsheet_options_get_call_sheets (options));
  self->planned_actual = add_check (box, _("_Planned and actual times, for a session run live"),
                                    convene_runsheet_options_get_planned_actual (options));

  return GTK_WIDGET (box);
}

static void
convene_print_custom_widget_apply (GtkPrintOperation *operation,
                                   GtkWidget         *widget)
{
  ConvenePrint *self = CONVENE_PRINT (operation);
  ConveneRunsheetOptions *options = self->options;
  gboolean only = self->only_session != NULL &&
                  gtk_check_button_get_active (self->only_session);

  convene_runsheet_options_set_session_id (options,
                                           only ? convene_session_get_id (self->session) : 0);
  convene_runsheet_options_set_include_notes (options,
                                              gtk_check_button_get_active (self->include_notes));
  convene_runsheet_options_set_contact_sheet (options,
                                              gtk_check_button_get_active (self->contact_sheet));
  convene_runsheet_options_set_outcomes_checklist (options,
                                                   gtk_check_button_get_active (self->outcomes_checklist));
  convene_runsheet_options_set_moderator_card (options,
                                               gtk_check_button_get_active (self->moderator_card));
  convene_runsheet_options_set_call_sheets (options,
                                            gtk_check_button_get_active (self->call_sheets));
  convene_runsheet_options_set_planned_actual (options,
                                               gtk_check_button_get_active (self->planned_actual));
}

static void
convene_print_dispose (GObject *object)
{
  ConvenePrint *self = CONVENE_PRINT (object);

  g_clear_object (&self->runsheet);
  g_clear_object (&self->project);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->options);
  g_clear_object (&self->page_setup);
  g_clear_object (&self->preview_parent);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (convene_print_parent_class)->dispose (object);
}

static void
convene_print_class_init (ConvenePrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = convene_print_dispose;

  print_class->begin_print = convene_print_begin_print;
  print_class->draw_page = convene_print_draw_page;
  print_class->end_print = convene_print_end_print;
  print_class->preview = convene_print_preview;
  print_class->create_custom_widget = convene_print_create_custom_widget;
  print_class->custom_widget_apply = convene_print_custom_widget_apply;
}

static void
convene_print_init (ConvenePrint *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  self->options = convene_runsheet_options_new ();
  convene_runsheet_options_set_use_12h (self->options, convene_clock_get_use_12h (convene_clock_get_default ()));

  /* The renderer keeps its own margins on the whole sheet, exactly as in
   * the PDF export, so printing and exporting give the same pages. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _("Run Sheet"));

  g_signal_connect (self, "ready", G_CALLBACK (convene_print_preview_ready), NULL);
}

ConvenePrint *
convene_print_new (ConveneProject *project,
                   ConveneSession *session,
                   GSettings      *settings)
{
  ConvenePrint *self;
  g_autoptr(GVariant) stored = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autofree char *job_name = NULL;
  const char *title;

  g_return_val_if_fail (CONVENE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (session == NULL || CONVENE_IS_SESSION (session), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CONVENE_TYPE_PRINT, NULL);
  self->project = g_object_ref (project);
  self->session = session ? g_object_ref (session) : NULL;
  self->settings = settings ? g_object_ref (settings) : NULL;

  load_sections (self->options, settings);

  /* The session on screen is what a planner means by "print". */
  if (session != NULL)
    convene_runsheet_options_set_session_id (self->options, convene_session_get_id (session));

  stored = get_stored (settings, "print-settings");
  if (stored != NULL)
    {
      g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new_from_gvariant (stored);

      gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), print_settings);
    }
  page_setup = load_page_setup (settings);
  if (page_setup != NULL)
    gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);

  title = session ? convene_session_get_title (session) : convene_project_get_title (project);
  /* Translators: the print job's name; %s is a session or project title. */
  job_name = g_strdup_printf (_("Run sheet — %s"), title && *title ? title : _("Untitled Project"));
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), job_name);

  return self;
}

ConveneRunsheetOptions *
convene_print_get_options (ConvenePrint *self)
{
  g_return_val_if_fail (CONVENE_IS_PRINT (self), NULL);

  return self->options;
}

GtkPrintOperationResult
convene_print_run (ConvenePrint            *self,
                   GtkPrintOperationAction  action,
                   GtkWindow               *parent,
                   GError                 **error)
{
  GtkPrintOperationResult result;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CONVENE_IS_PRINT (self), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (error == NULL || *error == NULL, GTK_PRINT_OPERATION_RESULT_ERROR);

  g_clear_error (&self->error);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self), action, parent, &local_error);
  g_clear_object (&self->runsheet);
  g_clear_object (&self->preview_parent);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return GTK_PRINT_OPERATION_RESULT_ERROR;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return result;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (self);
  return result;
}

static void
toast_error (ConveneWindow *window,
             const char    *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  convene_window_add_toast (window, toast);
}

void
convene_print_show_dialog (ConveneWindow  *window,
                           ConveneProject *project,
                           ConveneSession *session,
                           GSettings      *settings)
{
  g_autoptr(ConvenePrint) print = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CONVENE_IS_WINDOW (window));
  g_return_if_fail (CONVENE_IS_PROJECT (project));

  print = convene_print_new (project, session, settings);
  if (convene_print_run (print, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                         GTK_WINDOW (window), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast_error (window, error->message);
}

/* What the export needs until the file chooser answers. */
typedef struct {
  ConveneWindow          *window;
  ConveneProject         *project;
  ConveneRunsheetOptions *options;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->project);
  g_clear_object (&data->options);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

static void
export_response (GtkNativeDialog *dialog,
                 int              response,
                 gpointer         user_data)
{
  g_autoptr(ExportData) data = user_data;
  g_autoptr(GtkNativeDialog) owned = GTK_NATIVE_DIALOG (dialog);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file == NULL)
    return;

  name = g_file_get_basename (file);
  /* A name typed without the extension still makes a PDF file. */
  if (!g_str_has_suffix (name, ".pdf") && !g_str_has_suffix (name, ".PDF"))
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *with_pdf = g_strconcat (name, ".pdf", NULL);

      if (parent != NULL)
        {
          g_object_unref (file);
          file = g_file_get_child (parent, with_pdf);
          g_free (name);
          name = g_steal_pointer (&with_pdf);
        }
    }

  if (!convene_runsheet_export_pdf (data->project, data->options, file, &error))
    {
      toast_error (data->window, error->message);
      return;
    }

  /* Translators: %s is a file name. */
  message = g_markup_printf_escaped (_("Exported the run sheet as “%s”"), name);
  convene_window_add_toast (data->window, adw_toast_new (message));
}

void
convene_print_export_pdf (ConveneWindow  *window,
                          ConveneProject *project,
                          ConveneSession *session,
                          GSettings      *settings)
{
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *safe = NULL;
  ExportData *data;
  GtkFileChooserNative *chooser;
  GtkPaperSize *paper;
  GtkPageOrientation orientation;
  const char *title;

  g_return_if_fail (CONVENE_IS_WINDOW (window));
  g_return_if_fail (CONVENE_IS_PROJECT (project));

  data = g_new0 (ExportData, 1);
  data->window = g_object_ref (window);
  data->project = g_object_ref (project);
  data->options = convene_runsheet_options_new ();
  convene_runsheet_options_set_use_12h (data->options, convene_clock_get_use_12h (convene_clock_get_default ()));
  load_sections (data->options, settings);
  if (session != NULL)
    convene_runsheet_options_set_session_id (data->options, convene_session_get_id (session));

  /* The paper last printed on, or this computer's default paper. */
  page_setup = load_page_setup (settings);
  if (page_setup == NULL)
    page_setup = gtk_page_setup_new ();
  paper = gtk_page_setup_get_paper_size (page_setup);
  orientation = gtk_page_setup_get_orientation (page_setup);
  convene_runsheet_options_set_paper_size (data->options,
                                           gtk_paper_size_get_width (paper, GTK_UNIT_POINTS),
                                           gtk_paper_size_get_height (paper, GTK_UNIT_POINTS));
  convene_runsheet_options_set_orientation (data->options,
                                            orientation == GTK_PAGE_ORIENTATION_LANDSCAPE ||
                                            orientation == GTK_PAGE_ORIENTATION_REVERSE_LANDSCAPE
                                            ? CONVENE_RUNSHEET_LANDSCAPE
                                            : CONVENE_RUNSHEET_PORTRAIT);

  chooser = gtk_file_chooser_native_new (_("Export Run Sheet as PDF"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  title = session ? convene_session_get_title (session) : convene_project_get_title (project);
  /* Translators: the suggested file name; %s is a session or project title. */
  name = g_strdup_printf (_("%s — run sheet.pdf"), title && *title ? title : _("Untitled Project"));
  safe = convene_export_file_safe_name (name, NULL, _("Run Sheet"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), safe);

  g_signal_connect (chooser, "response", G_CALLBACK (export_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
