/* convene-assignment-list.h: the people on a segment, or the session's own roles (its
 * moderators and chairs), with their roles: add a person in a role, change a
 * role, remove; all without a mouse, each an undoable command. */
#pragma once

#include <adwaita.h>

#include "convene-document.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_ASSIGNMENT_LIST (convene_assignment_list_get_type ())
G_DECLARE_FINAL_TYPE (ConveneAssignmentList, convene_assignment_list, CONVENE, ASSIGNMENT_LIST, GtkWidget)

GtkWidget *convene_assignment_list_new (void);
/* Shows the people on segment of session; segment NULL: session's own
 * roles; session NULL: nothing. */
void       convene_assignment_list_set_target (ConveneAssignmentList *self,
                                      ConveneDocument *document,
                                      ConveneSession  *session,
                                      ConveneSegment  *segment);

G_END_DECLS
