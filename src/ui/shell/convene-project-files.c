#define G_LOG_DOMAIN "convene-project-files"
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "convene-export-file.h"
#include "convene-project-files.h"

GFile *
convene_project_files_get_folder (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "convene", "projects", NULL);

  return g_file_new_for_path (path);
}

gboolean
convene_project_files_ensure_folder (GError **error)
{
  g_autoptr(GFile) folder = convene_project_files_get_folder ();
  g_autoptr(GError) local_error = NULL;

  if (g_file_make_directory_with_parents (folder, NULL, &local_error))
    return TRUE;
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

GFile *
convene_project_files_next_free (GFile      *folder,
                                 const char *base)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GFile) file = NULL;

      if (n == 1)
        name = g_strdup_printf ("%s.convene", base);
      else
        name = g_strdup_printf ("%s (%u).convene", base, n);

      file = g_file_get_child (folder, name);
      if (!g_file_query_exists (file, NULL))
        return g_steal_pointer (&file);
    }
}

/* Whether name is "STEM.convene" or "STEM (N).convene": the name
 * convene_project_files_next_free() gives a project called stem. */
static gboolean
is_named_for (const char *name,
              const char *stem)
{
  gsize stem_length = strlen (stem);
  const char *rest;

  if (strncmp (name, stem, stem_length) != 0)
    return FALSE;
  rest = name + stem_length;
  if (g_str_equal (rest, ".convene"))
    return TRUE;
  if (!g_str_has_prefix (rest, " (") || !g_ascii_isdigit (rest[2]) || rest[2] == '0')
    return FALSE;
  rest += 2;
  while (g_ascii_isdigit (*rest))
    rest++;
  return g_str_equal (rest, ").convene");
}

GFile *
convene_project_files_file_for_title (GFile      *file,
                                      const char *title)
{
  g_autoptr(GFile) folder = convene_project_files_get_folder ();
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = NULL;
  g_autofree char *safe = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* A file the planner put somewhere else keeps the name they gave it. */
  if (parent == NULL || !g_file_equal (parent, folder))
    return NULL;

  /* Translators: the title of a new project, also its file name. */
  safe = convene_export_file_safe_name (title, ".convene", _("Untitled Project"));
  safe[strlen (safe) - strlen (".convene")] = '\0';
  name = g_file_get_basename (file);
  if (is_named_for (name, safe))
    return NULL;
  return convene_project_files_next_free (folder, safe);
}

static void
store_paths (GSettings *settings,
             GPtrArray *paths)
{
  g_ptr_array_add (paths, NULL);
  g_settings_set_strv (settings, "recent-projects", (const char * const *) paths->pdata);
}

void
convene_project_files_remember (GSettings *settings,
                                GFile     *file)
{
  g_auto(GStrv) old = g_settings_get_strv (settings, "recent-projects");
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return;

  g_ptr_array_add (paths, path);
  for (guint i = 0; old[i] != NULL && paths->len < CONVENE_MAX_RECENT_PROJECTS; i++)
    {
      if (g_strcmp0 (old[i], path) != 0)
        g_ptr_array_add (paths, old[i]);
    }

  store_paths (settings, paths);
}

void
convene_project_files_forget (GSettings *settings,
                              GFile     *file)
{
  g_auto(GStrv) old = g_settings_get_strv (settings, "recent-projects");
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL || !g_strv_contains ((const char * const *) old, path))
    return;

  for (guint i = 0; old[i] != NULL; i++)
    {
      if (g_strcmp0 (old[i], path) != 0)
        g_ptr_array_add (paths, old[i]);
    }

  store_paths (settings, paths);
}

static gboolean
contains_file (GPtrArray *files,
               GFile     *file)
{
  for (guint i = 0; i < files->len; i++)
    {
      if (g_file_equal (g_ptr_array_index (files, i), file))
        return TRUE;
    }
  return FALSE;
}

typedef struct {
  GFile  *file;
  guint64 modified;
} FolderEntry;

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const FolderEntry *ea = a;
  const FolderEntry *eb = b;

  if (ea->modified != eb->modified)
    return ea->modified > eb->modified ? -1 : 1;
  return 0;
}

static void
clear_folder_entry (gpointer data)
{
  FolderEntry *entry = data;

  g_clear_object (&entry->file);
}

static void
add_folder_projects (GPtrArray *files)
{
  g_autoptr(GFile) folder = convene_project_files_get_folder ();
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (FolderEntry));

  g_array_set_clear_func (found, clear_folder_entry);

  /* A missing or unreadable folder simply has no projects to offer. */
  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children == NULL)
    return;

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      FolderEntry entry;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, NULL) || info == NULL)
        break;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;
      if (!g_str_has_suffix (g_file_info_get_name (info), ".convene"))
        continue;

      entry.file = g_object_ref (child);
      entry.modified = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
      g_array_append_val (found, entry);
    }

  g_array_sort (found, compare_newest_first);

  for (guint i = 0; i < found->len; i++)
    {
      FolderEntry *entry = &g_array_index (found, FolderEntry, i);

      if (!contains_file (files, entry->file))
        g_ptr_array_add (files, g_object_ref (entry->file));
    }
}

GPtrArray *
convene_project_files_list (GSettings *settings)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-projects");
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = NULL;

      if (!g_path_is_absolute (recent[i]))
        continue;

      file = g_file_new_for_path (recent[i]);
      if (!g_file_query_exists (file, NULL))
        g_ptr_array_add (gone, g_steal_pointer (&file));
      else if (!contains_file (files, file))
        g_ptr_array_add (files, g_steal_pointer (&file));
    }

  for (guint i = 0; i < gone->len; i++)
    convene_project_files_forget (settings, g_ptr_array_index (gone, i));

  add_folder_projects (files);

  return g_steal_pointer (&files);
}
