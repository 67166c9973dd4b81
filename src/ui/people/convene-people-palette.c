/* convene-people-palette.c: see the header. */
#define G_LOG_DOMAIN "convene-people-palette"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "convene-clock.h"
#include "convene-people-palette.h"
#include "convene-ui-util.h"
#include "convene-person-row.h"
#include "convene-person-summaries.h"
#include "convene-warnings.h"

struct _ConvenePeoplePalette
{
  GtkWidget          parent_instance;

  /* children */
  GtkSearchEntry    *search_entry;
  GtkStack          *stack;
  GtkListView       *list_view;
  GtkLabel          *empty_label;

  /* owned */
  ConveneDocument   *document;
  GSignalGroup *document_signals;  /* the document's change feed */
  GtkCustomFilter   *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel  *sorted;
  GtkSorter         *sorter;
  ConvenePersonSummaries *summaries;
  GHashTable        *bound_rows;  /* rows showing a person now */
  char              *search;      /* casefolded */
  char              *shown_names; /* the names the sorting and search last saw */
  gboolean           stale;       /* changes came while it was off screen */
};

G_DEFINE_FINAL_TYPE (ConvenePeoplePalette, convene_people_palette, GTK_TYPE_WIDGET)

enum {
  SIGNAL_PERSON_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
matches (gpointer item,
         gpointer data)
{
  ConvenePeoplePalette *self = data;
  ConveneSpeaker *speaker = item;

  return convene_speaker_matches (speaker, self->search);
}

static void
update_state (ConvenePeoplePalette *self)
{
  ConveneProject *project = self->document != NULL ? convene_document_get_project (self->document) : NULL;
  guint n_people = project != NULL ? g_list_model_get_n_items (G_LIST_MODEL (convene_project_get_speakers (project))) : 0;

  if (n_people == 0)
    gtk_label_set_text (self->empty_label, _("No people yet. Add them on the People page, then drag them onto segments."));
  else
    gtk_label_set_text (self->empty_label, _("Nobody matches the search."));
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0 ? "list" : "empty");
}

/* How many roles each person has and what to look at about them. */
static void
refresh (ConvenePeoplePalette *self)
{
  ConveneProject *project = self->document != NULL ? convene_document_get_project (self->document) : NULL;
  GHashTableIter iter;
  gpointer row;

  /* Off screen it waits: the palette is brought up to date when mapped. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  convene_person_summaries_clear (self->summaries);
  if (project != NULL)
    {
      GPtrArray *warnings = convene_document_get_warnings (self->document,
                                                           convene_clock_get_use_12h (convene_clock_get_default ()));

      /* Without "to confirm": that is what the status pill already says. */
      convene_person_summaries_add (self->summaries, project, warnings, FALSE);
    }

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    convene_person_summaries_show (self->summaries, row);

  /* A renamed person moves to their new place and a search follows new
   * names; otherwise the list is left alone, keeping its scroll and focus. */
  if (project != NULL)
    {
      GListModel *people = G_LIST_MODEL (convene_project_get_speakers (project));
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (people, i);
          g_autofree char *display = convene_speaker_dup_display_name (speaker);

          g_string_append_printf (names, "%s\n%s\n%s\n", display, convene_speaker_get_organisation (speaker),
                                  convene_speaker_get_job_title (speaker));
        }
      if (g_strcmp0 (names->str, self->shown_names) != 0)
        {
          g_free (self->shown_names);
          self->shown_names = g_string_free (g_steal_pointer (&names), FALSE);
          gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
          gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
        }
    }
  update_state (self);
}

static void
search_changed (ConvenePeoplePalette *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_free (self->search);
  self->search = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
stop_search (ConvenePeoplePalette *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Rows */

static void
row_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ConvenePeoplePalette     *self)
{
  gtk_list_item_set_child (item, convene_person_row_new ());
}

static void
person_activated (GtkListView          *list_view,
                  guint                 position,
                  ConvenePeoplePalette *self)
{
  g_autoptr(ConveneSpeaker) speaker = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (speaker != NULL)
    g_signal_emit (self, signals[SIGNAL_PERSON_ACTIVATED], 0, speaker);
}

static void
row_bind (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          ConvenePeoplePalette     *self)
{
  ConvenePersonRow *row = CONVENE_PERSON_ROW (gtk_list_item_get_child (item));
  ConveneSpeaker *speaker = gtk_list_item_get_item (item);
  g_autofree char *display = convene_speaker_dup_display_name (speaker);
  g_autofree char *description =
    /* Translators: accessible description of a person in the list beside the timeline. */
    g_strdup_printf (_("Drag %s onto a segment to assign them"), display);

  convene_person_row_set_speaker (row, speaker);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), description);
  g_hash_table_add (self->bound_rows, row);
  convene_person_summaries_show (self->summaries, row);
}

static void
row_unbind (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ConvenePeoplePalette     *self)
{
  ConvenePersonRow *row = CONVENE_PERSON_ROW (gtk_list_item_get_child (item));

  g_hash_table_remove (self->bound_rows, row);
  convene_person_row_set_speaker (row, NULL);
}

static void
convene_people_palette_dispose (GObject *object)
{
  ConvenePeoplePalette *self = CONVENE_PEOPLE_PALETTE (object);
  GtkWidget *child;

  g_clear_object (&self->document_signals);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->document);
  g_clear_pointer (&self->summaries, convene_person_summaries_free);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->shown_names, g_free);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (convene_people_palette_parent_class)->dispose (object);
}

/* The people are sorted and given to the list once the palette is on
 * screen: beside the timeline it is a page the planner may never open, and
 * sorting thousands of names would only delay the window. */
static void
attach_people (ConvenePeoplePalette *self)
{
  ConveneProject *project = self->document != NULL ? convene_document_get_project (self->document) : NULL;

  if (project != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      gtk_sort_list_model_get_model (self->sorted) == NULL)
    gtk_sort_list_model_set_model (self->sorted, G_LIST_MODEL (convene_project_get_speakers (project)));
}

static void
convene_people_palette_map (GtkWidget *widget)
{
  ConvenePeoplePalette *self = CONVENE_PEOPLE_PALETTE (widget);

  GTK_WIDGET_CLASS (convene_people_palette_parent_class)->map (widget);
  attach_people (self);
  if (self->stale)
    refresh (self);
}

static void
convene_people_palette_class_init (ConvenePeoplePaletteClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = convene_people_palette_map;

  G_OBJECT_CLASS (klass)->dispose = convene_people_palette_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "peoplepalette");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  signals[SIGNAL_PERSON_ACTIVATED] = g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass),
                                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                   G_TYPE_NONE, 1, CONVENE_TYPE_SPEAKER);
}

static void
convene_people_palette_init (ConvenePeoplePalette *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSelectionModel) selection = NULL;
  GtkWidget *header;
  GtkWidget *title;
  GtkWidget *hint;
  GtkWidget *scroller;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("People"), -1);

  self->summaries = convene_person_summaries_new ();
  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->document_signals = g_signal_group_new (CONVENE_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed", G_CALLBACK (refresh), self,
                                 G_CONNECT_SWAPPED);
  g_signal_connect_object (convene_clock_get_default (), "notify::use-12h", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);

  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  title = gtk_label_new (_("People"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);
  hint = gtk_label_new (_("Drag a person onto a segment"));
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (header), hint);
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search people"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search people"), -1);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (stop_search), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_parent (GTK_WIDGET (self->search_entry), GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->sorter = convene_ui_new_people_sorter ();
  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (self->sorter));
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered))));

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (g_object_ref (selection), g_object_ref (factory)));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "people-palette");
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (person_activated), self, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People to drag onto segments"), -1);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* As tall as the people need, up to about nine of them; then it scrolls. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 520);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));

  self->empty_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->empty_label, TRUE);
  gtk_label_set_justify (self->empty_label, GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (GTK_WIDGET (self->empty_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->empty_label), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->empty_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->empty_label), 12);
  gtk_widget_set_valign (GTK_WIDGET (self->empty_label), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_label), "dim-label");

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_label), "empty");
  gtk_widget_add_css_class (GTK_WIDGET (self->stack), "card");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self->stack), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  update_state (self);
}

GtkWidget *
convene_people_palette_new (void)
{
  return g_object_new (CONVENE_TYPE_PEOPLE_PALETTE, NULL);
}

void
convene_people_palette_set_document (ConvenePeoplePalette *self,
                                     ConveneDocument      *document)
{
  g_return_if_fail (CONVENE_IS_PEOPLE_PALETTE (self));
  g_return_if_fail (document == NULL || CONVENE_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_set_object (&self->document, document);
  gtk_sort_list_model_set_model (self->sorted, NULL);
  g_clear_pointer (&self->shown_names, g_free);
  attach_people (self);
  g_signal_group_set_target (self->document_signals, self->document);
  refresh (self);
}
