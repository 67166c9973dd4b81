/* The child of the crash test: opens PROJECT and performs the burst of edits
 * of crash-edits.c driven by SEED, printing "ack N" once edit N is written
 * (convene_document_perform returned TRUE). It runs until it is killed.
 * Use: crash-editor PROJECT SEED */
#define G_LOG_DOMAIN "convene-crash"
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "convene-document.h"
#include "crash-edits.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ConveneDocument) document = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GError) error = NULL;
  ConveneProject *project;

  if (argc != 3)
    {
      fprintf (stderr, "usage: crash-editor PROJECT SEED\n");
      return 2;
    }

  file = g_file_new_for_path (argv[1]);
  rand = g_rand_new_with_seed ((guint32) strtoul (argv[2], NULL, 10));
  document = convene_document_open (file, CONVENE_STORE_READ_WRITE, &error);
  if (document == NULL)
    {
      fprintf (stderr, "crash-editor: %s\n", error->message);
      return 1;
    }
  project = convene_document_get_project (document);

  for (guint n = 1; n < G_MAXUINT; n++)
    {
      if (!convene_document_perform (document, crash_next_edit (project, rand, n), &error))
        {
          fprintf (stderr, "crash-editor: edit %u: %s\n", n, error->message);
          return 1;
        }
      printf ("ack %u\n", n);
      fflush (stdout);
    }

  convene_document_close (document);
  return 0;
}
