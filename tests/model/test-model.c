#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "convene-limits.h"
#include "convene-project.h"
#include "convene-validate.h"

/* Counts notify emissions for one property. */
typedef struct
{
  guint count;
} NotifyCount;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    data)
{
  ((NotifyCount *) data)->count++;
}

static gulong
watch (gpointer     object,
       const char  *property,
       NotifyCount *counter)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  counter->count = 0;
  return g_signal_connect (object, signal, G_CALLBACK (on_notify), counter);
}

/* For every writable property of object: a change notifies exactly once and
 * reads back; setting the same value again does not notify. Strings never
 * read as NULL. */
static void
check_all_properties (gpointer object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  g_assert_cmpuint (n_pspecs, >, 0);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      GType type = G_TYPE_FUNDAMENTAL (pspec->value_type);
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) read = G_VALUE_INIT;
      NotifyCount counter;
      gulong handler;

      if (type == G_TYPE_STRING)
        {
          g_autofree char *initial = NULL;

          g_object_get (object, pspec->name, &initial, NULL);
          g_assert_nonnull (initial);
        }

      if (!(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;

      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

      g_value_init (&value, pspec->value_type);
      g_value_init (&read, pspec->value_type);
      g_object_get_property (object, pspec->name, &value);

      /* A different valid value of the property's type. */
      switch (type)
        {
        case G_TYPE_STRING:
          if (g_strcmp0 (pspec->name, "time-zone") == 0)
            g_value_set_string (&value, "Europe/Zurich");
          else if (g_strcmp0 (pspec->name, "date") == 0 || g_strcmp0 (pspec->name, "due-date") == 0)
            g_value_set_string (&value, "2027-03-28");
          else
            g_value_set_string (&value, "Tap the talent — “Ünïcode”");
          break;
        case G_TYPE_BOOLEAN:
          g_value_set_boolean (&value, !g_value_get_boolean (&value));
          break;
        case G_TYPE_INT:
          {
            GParamSpecInt *p = G_PARAM_SPEC_INT (pspec);
            g_value_set_int (&value, g_value_get_int (&value) == p->maximum ? p->minimum : p->maximum);
          }
          break;
        case G_TYPE_UINT:
          {
            GParamSpecUInt *p = G_PARAM_SPEC_UINT (pspec);
            g_value_set_uint (&value, g_value_get_uint (&value) == p->maximum ? p->minimum : p->maximum);
          }
          break;
        case G_TYPE_INT64:
          g_value_set_int64 (&value, g_value_get_int64 (&value) + 42);
          break;
        case G_TYPE_ENUM:
          {
            g_autoptr(GEnumClass) klass = g_type_class_ref (pspec->value_type);
            int current = g_value_get_enum (&value);
            g_value_set_enum (&value, klass->values[current == klass->values[0].value ? 1 : 0].value);
          }
          break;
        default:
          g_assert_not_reached ();
        }

      handler = watch (object, pspec->name, &counter);
      g_object_set_property (object, pspec->name, &value);
      g_assert_cmpuint (counter.count, ==, 1);
      g_object_get_property (object, pspec->name, &read);
      g_assert_cmpint (g_param_values_cmp (pspec, &value, &read), ==, 0);

      g_object_set_property (object, pspec->name, &value);
      g_assert_cmpuint (counter.count, ==, 1);
      g_signal_handler_disconnect (object, handler);
    }
}

static void
test_enums_segment_kind (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CONVENE_TYPE_SEGMENT_KIND);
  static const char * const nicks[] = {
    "opening", "welcome", "keynote", "presentation", "panel", "qa",
    "discussion", "break", "networking", "closing", "custom",
  };

  g_assert_cmpuint (klass->n_values, ==, CONVENE_N_SEGMENT_KINDS);
  g_assert_cmpuint (G_N_ELEMENTS (nicks), ==, CONVENE_N_SEGMENT_KINDS);

  for (guint i = 0; i < CONVENE_N_SEGMENT_KINDS; i++)
    {
      ConveneSegmentKind out = CONVENE_N_SEGMENT_KINDS;
      const char *icon = convene_segment_kind_get_icon_name (i);

      g_assert_cmpstr (convene_segment_kind_to_nick (i), ==, nicks[i]);
      g_assert_cmpstr (g_enum_get_value (klass, i)->value_nick, ==, nicks[i]);
      g_assert_true (convene_segment_kind_from_nick (nicks[i], &out));
      g_assert_cmpint (out, ==, i);
      g_assert_nonnull (convene_segment_kind_get_label (i));
      g_assert_cmpstr (convene_segment_kind_get_label (i), !=, "");
      g_assert_true (g_str_has_suffix (icon, "-symbolic"));
    }

  g_assert_cmpstr (convene_segment_kind_get_label (CONVENE_SEGMENT_KIND_QA), ==, "Q&A");
  g_assert_cmpstr (convene_segment_kind_get_label (CONVENE_SEGMENT_KIND_DISCUSSION), ==,
                   "Moderated discussion");

  g_assert_true (convene_segment_kind_holds_items (CONVENE_SEGMENT_KIND_PANEL));
  g_assert_true (convene_segment_kind_holds_items (CONVENE_SEGMENT_KIND_DISCUSSION));
  g_assert_false (convene_segment_kind_holds_items (CONVENE_SEGMENT_KIND_BREAK));
  g_assert_false (convene_segment_kind_holds_items (CONVENE_SEGMENT_KIND_KEYNOTE));
  g_assert_true (convene_segment_kind_needs_people (CONVENE_SEGMENT_KIND_KEYNOTE));
  g_assert_true (convene_segment_kind_needs_people (CONVENE_SEGMENT_KIND_PANEL));
  g_assert_false (convene_segment_kind_needs_people (CONVENE_SEGMENT_KIND_BREAK));
  g_assert_false (convene_segment_kind_needs_people (CONVENE_SEGMENT_KIND_NETWORKING));

  /* Every kind has a usual length a planner would book, within the limits. */
  for (guint kind = 0; kind < CONVENE_N_SEGMENT_KINDS; kind++)
    {
      g_assert_cmpuint (convene_segment_kind_get_default_minutes (kind), >=, 5);
      g_assert_cmpuint (convene_segment_kind_get_default_minutes (kind), <=, 60);
    }
  g_assert_cmpuint (convene_segment_kind_get_default_minutes (CONVENE_SEGMENT_KIND_QA), ==, 15);
  g_assert_cmpuint (convene_segment_kind_get_default_minutes (CONVENE_SEGMENT_KIND_PANEL), ==, 45);
  g_assert_cmpuint (convene_segment_kind_get_default_minutes (CONVENE_SEGMENT_KIND_BREAK), ==, 15);
}

/* The icons must exist in the Adwaita theme where it is installed. */
static void
test_enums_icons_exist (void)
{
  static const char * const contexts[] = {
    "actions", "categories", "devices", "emblems", "mimetypes", "places", "status",
  };

  if (!g_file_test ("/usr/share/icons/Adwaita/scalable", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The Adwaita icon theme is not installed here.");
      return;
    }

  for (guint i = 0; i < CONVENE_N_SEGMENT_KINDS; i++)
    {
      const char *icon = convene_segment_kind_get_icon_name (i);
      gboolean found = FALSE;

      for (guint c = 0; c < G_N_ELEMENTS (contexts) && !found; c++)
        {
          g_autofree char *file = g_strconcat ("/usr/share/icons/Adwaita/scalable/",
                                               contexts[c], "/", icon, ".svg", NULL);
          found = g_file_test (file, G_FILE_TEST_EXISTS);
        }

      if (!found)
        g_test_message ("icon %s is missing", icon);
      g_assert_true (found);
    }
}

typedef const char *(*ToNick) (int value);
typedef gboolean (*FromNick) (const char *nick, int *out);
typedef const char *(*GetLabel) (int value);

static void
check_vocabulary (GType        type,
                  guint        n_values,
                  ToNick       to_nick,
                  FromNick     from_nick,
                  GetLabel     get_label,
                  const char * const *nicks)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  static const char * const junk[] = { "", "Panel", "panel ", " invited", "INVITED", "unknown", "0", "-1" };

  g_assert_cmpuint (klass->n_values, ==, n_values);

  for (guint i = 0; i < n_values; i++)
    {
      int out = -1;

      g_assert_cmpstr (to_nick (i), ==, nicks[i]);
      g_assert_cmpstr (g_enum_get_value (klass, i)->value_nick, ==, nicks[i]);
      g_assert_true (from_nick (nicks[i], &out));
      g_assert_cmpint (out, ==, i);
      /* The live record's vocabularies have nicks only. */
      if (get_label != NULL)
        {
          g_assert_nonnull (get_label (i));
          g_assert_cmpstr (get_label (i), !=, "");
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    {
      int out = 12345;

      g_assert_false (from_nick (junk[i], &out));
      g_assert_cmpint (out, ==, 12345);
    }
  g_assert_false (from_nick (NULL, NULL));
}

static void
test_enums_vocabularies (void)
{
  static const char * const kinds[] = {
    "opening", "welcome", "keynote", "presentation", "panel", "qa",
    "discussion", "break", "networking", "closing", "custom",
  };
  static const char * const statuses[] = { "invited", "tentative", "confirmed", "declined" };
  static const char * const roles[] = {
    "presenter", "panelist", "moderator", "chair", "discussant", "opening-remarks", "closing-remarks",
  };
  static const char * const outcome_kinds[] = {
    "objective", "expected-outcome", "guiding-question", "follow-up",
  };
  static const char * const results[] = { "none", "met", "partly-met", "not-met" };
  static const char * const live_actions[] = {
    "start", "next", "back", "hold", "resume", "add", "jump",
  };
  static const char * const live_recoveries[] = { "push", "absorb", "compress" };

  check_vocabulary (CONVENE_TYPE_SEGMENT_KIND, CONVENE_N_SEGMENT_KINDS,
                    (ToNick) convene_segment_kind_to_nick, (FromNick) convene_segment_kind_from_nick,
                    (GetLabel) convene_segment_kind_get_label, kinds);
  check_vocabulary (CONVENE_TYPE_SPEAKER_STATUS, CONVENE_N_SPEAKER_STATUSES,
                    (ToNick) convene_speaker_status_to_nick, (FromNick) convene_speaker_status_from_nick,
                    (GetLabel) convene_speaker_status_get_label, statuses);
  check_vocabulary (CONVENE_TYPE_ROLE, CONVENE_N_ROLES,
                    (ToNick) convene_role_to_nick, (FromNick) convene_role_from_nick,
                    (GetLabel) convene_role_get_label, roles);
  check_vocabulary (CONVENE_TYPE_OUTCOME_KIND, CONVENE_N_OUTCOME_KINDS,
                    (ToNick) convene_outcome_kind_to_nick, (FromNick) convene_outcome_kind_from_nick,
                    (GetLabel) convene_outcome_kind_get_label, outcome_kinds);
  check_vocabulary (CONVENE_TYPE_OUTCOME_RESULT, CONVENE_N_OUTCOME_RESULTS,
                    (ToNick) convene_outcome_result_to_nick, (FromNick) convene_outcome_result_from_nick,
                    (GetLabel) convene_outcome_result_get_label, results);
  check_vocabulary (CONVENE_TYPE_LIVE_ACTION, CONVENE_N_LIVE_ACTIONS,
                    (ToNick) convene_live_action_to_nick, (FromNick) convene_live_action_from_nick,
                    NULL, live_actions);
  check_vocabulary (CONVENE_TYPE_LIVE_RECOVERY, CONVENE_N_LIVE_RECOVERIES,
                    (ToNick) convene_live_recovery_to_nick, (FromNick) convene_live_recovery_from_nick,
                    NULL, live_recoveries);
}

static void
test_segment (void)
{
  g_autoptr(ConveneSegment) segment = convene_segment_new (7, CONVENE_SEGMENT_KIND_PANEL, "Panel", 60);
  g_autoptr(ConveneSegment) empty = convene_segment_new (8, CONVENE_SEGMENT_KIND_BREAK, NULL, 5000);
  g_autoptr(GListModel) items = NULL;
  NotifyCount counter;

  g_assert_cmpint (convene_segment_get_id (segment), ==, 7);
  g_assert_cmpint (convene_segment_get_kind (segment), ==, CONVENE_SEGMENT_KIND_PANEL);
  g_assert_cmpstr (convene_segment_get_title (segment), ==, "Panel");
  g_assert_cmpuint (convene_segment_get_duration (segment), ==, 60);
  g_assert_cmpstr (convene_segment_get_notes (segment), ==, "");
  g_assert_cmpstr (convene_segment_get_cues (segment), ==, "");
  g_assert_cmpint (convene_segment_get_fixed_start (segment), ==, CONVENE_NO_FIXED_START);
  g_assert_true (G_IS_LIST_STORE (convene_segment_get_items (segment)));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (convene_segment_get_items (segment))) ==
                 CONVENE_TYPE_SEGMENT);
  g_object_get (segment, "items", &items, NULL);
  g_assert_true (items == G_LIST_MODEL (convene_segment_get_items (segment)));

  /* NULL reads back as "", durations are clamped to a day. */
  g_assert_cmpstr (convene_segment_get_title (empty), ==, "");
  g_assert_cmpuint (convene_segment_get_duration (empty), ==, CONVENE_MAX_DURATION_MINUTES);

  watch (segment, "title", &counter);
  convene_segment_set_title (segment, "Panel: health and migration");
  convene_segment_set_title (segment, "Panel: health and migration");
  g_assert_cmpuint (counter.count, ==, 1);
  convene_segment_set_title (segment, NULL);
  g_assert_cmpstr (convene_segment_get_title (segment), ==, "");
  g_assert_cmpuint (counter.count, ==, 2);
  convene_segment_set_title (segment, "");
  g_assert_cmpuint (counter.count, ==, 2);

  watch (segment, "duration", &counter);
  convene_segment_set_duration (segment, 45);
  convene_segment_set_duration (segment, 45);
  g_assert_cmpuint (counter.count, ==, 1);
  convene_segment_set_duration (segment, G_MAXUINT);
  g_assert_cmpuint (convene_segment_get_duration (segment), ==, CONVENE_MAX_DURATION_MINUTES);

  watch (segment, "fixed-start", &counter);
  convene_segment_set_fixed_start (segment, 13 * 60);
  g_assert_cmpint (convene_segment_get_fixed_start (segment), ==, 780);
  convene_segment_set_fixed_start (segment, 24 * 60);
  g_assert_cmpint (convene_segment_get_fixed_start (segment), ==, CONVENE_NO_FIXED_START);
  convene_segment_set_fixed_start (segment, -5);
  g_assert_cmpuint (counter.count, ==, 2);

  watch (segment, "kind", &counter);
  convene_segment_set_kind (segment, CONVENE_SEGMENT_KIND_KEYNOTE);
  convene_segment_set_kind (segment, CONVENE_SEGMENT_KIND_KEYNOTE);
  g_assert_cmpuint (counter.count, ==, 1);

  check_all_properties (segment);
}

/* A segment made with the UUID it was saved with keeps it (in lower case),
 * with no notification; without one, each gets a fresh one. */
static void
test_segment_uuid (void)
{
  g_autoptr(ConveneSegment) saved =
    convene_segment_new_with_uuid (3, "1B2C3D4E-5F60-4172-8394-A5B6C7D8E9F0", CONVENE_SEGMENT_KIND_PRESENTATION,
                                   "Talk", 10);
  g_autoptr(ConveneSegment) fresh =
    convene_segment_new_with_uuid (4, NULL, CONVENE_SEGMENT_KIND_PRESENTATION, "Talk", 10);
  g_autoptr(ConveneSegment) other = convene_segment_new (5, CONVENE_SEGMENT_KIND_PRESENTATION, "Talk", 10);
  NotifyCount counter;

  g_assert_cmpstr (convene_segment_get_uuid (saved), ==, "1b2c3d4e-5f60-4172-8394-a5b6c7d8e9f0");
  g_assert_cmpint (convene_segment_get_id (saved), ==, 3);
  g_assert_cmpstr (convene_segment_get_title (saved), ==, "Talk");
  g_assert_true (g_uuid_string_is_valid (convene_segment_get_uuid (fresh)));
  g_assert_true (g_uuid_string_is_valid (convene_segment_get_uuid (other)));
  g_assert_cmpstr (convene_segment_get_uuid (fresh), !=, convene_segment_get_uuid (other));

  watch (saved, "uuid", &counter);
  convene_segment_set_uuid (saved, "2c3d4e5f-6071-4283-94a5-b6c7d8e9f001");
  g_assert_cmpuint (counter.count, ==, 1);
  g_assert_cmpstr (convene_segment_get_uuid (saved), ==, "2c3d4e5f-6071-4283-94a5-b6c7d8e9f001");
}

static void
test_session (void)
{
  g_autoptr(ConveneSession) session = convene_session_new (3, "Health and migration",
                                                           "2027-05-24", 12 * 60 + 30, 90);
  g_autoptr(ConveneSession) odd = convene_session_new (4, NULL, NULL, 5000, 0);
  g_autoptr(ConveneSegment) panel = convene_segment_new (10, CONVENE_SEGMENT_KIND_PANEL, "Panel", 60);
  g_autoptr(ConveneSegment) talk = convene_segment_new (11, CONVENE_SEGMENT_KIND_PRESENTATION, "Talk", 10);
  g_autoptr(ConveneSegment) closing = convene_segment_new (12, CONVENE_SEGMENT_KIND_CLOSING, "Closing", 3);
  GListStore *list = NULL;
  ConveneSegment *parent = NULL;
  guint position = 99;
  NotifyCount counter;

  g_assert_cmpint (convene_session_get_id (session), ==, 3);
  g_assert_cmpstr (convene_session_get_title (session), ==, "Health and migration");
  g_assert_cmpstr (convene_session_get_date (session), ==, "2027-05-24");
  g_assert_cmpint (convene_session_get_start_time (session), ==, 750);
  g_assert_cmpuint (convene_session_get_slot_minutes (session), ==, 90);
  g_assert_cmpstr (convene_session_get_room (session), ==, "");
  g_assert_cmpstr (convene_session_get_description (session), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_segments (session))), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (convene_session_get_outcomes (session))), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (convene_session_get_outcomes (session))) ==
                 CONVENE_TYPE_OUTCOME);

  g_assert_cmpstr (convene_session_get_title (odd), ==, "");
  g_assert_cmpstr (convene_session_get_date (odd), ==, "");
  g_assert_cmpint (convene_session_get_start_time (odd), ==, CONVENE_MINUTES_PER_DAY - 1);
  g_assert_cmpuint (convene_session_get_slot_minutes (odd), ==, 1);

  watch (session, "slot-minutes", &counter);
  convene_session_set_slot_minutes (session, 120);
  convene_session_set_slot_minutes (session, 120);
  convene_session_set_slot_minutes (session, 0);
  g_assert_cmpuint (convene_session_get_slot_minutes (session), ==, 1);
  g_assert_cmpuint (counter.count, ==, 2);

  g_list_store_append (convene_session_get_segments (session), panel);
  g_list_store_append (convene_session_get_segments (session), closing);
  g_list_store_append (convene_segment_get_items (panel), talk);

  g_assert_true (convene_session_locate_segment (session, 12, &list, &position, &parent));
  g_assert_true (list == convene_session_get_segments (session));
  g_assert_cmpuint (position, ==, 1);
  g_assert_null (parent);

  g_assert_true (convene_session_locate_segment (session, 11, &list, &position, &parent));
  g_assert_true (list == convene_segment_get_items (panel));
  g_assert_cmpuint (position, ==, 0);
  g_assert_true (parent == panel);

  g_assert_false (convene_session_locate_segment (session, 99, NULL, NULL, NULL));

  check_all_properties (session);
}

static void
test_speaker (void)
{
  g_autoptr(ConveneSpeaker) speaker = convene_speaker_new (5, "James Campbell");
  g_autofree char *display = NULL;
  g_autofree char *property_display = NULL;
  NotifyCount display_counter, name_counter;

  g_assert_cmpint (convene_speaker_get_id (speaker), ==, 5);
  g_assert_cmpstr (convene_speaker_get_name (speaker), ==, "James Campbell");
  g_assert_cmpstr (convene_speaker_get_honorific (speaker), ==, "");
  g_assert_cmpstr (convene_speaker_get_job_title (speaker), ==, "");
  g_assert_cmpstr (convene_speaker_get_organisation (speaker), ==, "");
  g_assert_cmpstr (convene_speaker_get_email (speaker), ==, "");
  g_assert_cmpstr (convene_speaker_get_phone (speaker), ==, "");
  g_assert_cmpstr (convene_speaker_get_bio (speaker), ==, "");
  g_assert_cmpstr (convene_speaker_get_notes (speaker), ==, "");
  g_assert_cmpint (convene_speaker_get_status (speaker), ==, CONVENE_SPEAKER_STATUS_INVITED);

  display = convene_speaker_dup_display_name (speaker);
  g_assert_cmpstr (display, ==, "James Campbell");
  g_clear_pointer (&display, g_free);

  watch (speaker, "display-name", &display_counter);
  watch (speaker, "honorific", &name_counter);
  convene_speaker_set_honorific (speaker, "Dr");
  convene_speaker_set_honorific (speaker, "Dr");
  g_assert_cmpuint (display_counter.count, ==, 1);
  g_assert_cmpuint (name_counter.count, ==, 1);
  display = convene_speaker_dup_display_name (speaker);
  g_assert_cmpstr (display, ==, "Dr James Campbell");
  g_object_get (speaker, "display-name", &property_display, NULL);
  g_assert_cmpstr (property_display, ==, "Dr James Campbell");

  convene_speaker_set_name (speaker, "James Campbell");
  g_assert_cmpuint (display_counter.count, ==, 1);
  convene_speaker_set_organisation (speaker, "WHO");
  g_assert_cmpuint (display_counter.count, ==, 1);
  g_assert_cmpstr (convene_speaker_get_organisation (speaker), ==, "WHO");
  convene_speaker_set_name (speaker, "Jim Campbell");
  g_assert_cmpuint (display_counter.count, ==, 2);

  convene_speaker_set_status (speaker, CONVENE_SPEAKER_STATUS_CONFIRMED);
  g_assert_cmpint (convene_speaker_get_status (speaker), ==, CONVENE_SPEAKER_STATUS_CONFIRMED);

  convene_speaker_set_name (speaker, NULL);
  g_clear_pointer (&display, g_free);
  display = convene_speaker_dup_display_name (speaker);
  g_assert_cmpstr (display, ==, "Dr");

  check_all_properties (speaker);
}

static void
test_assignment (void)
{
  g_autoptr(ConveneAssignment) on_segment =
    convene_assignment_new_for_segment (20, 5, 11, CONVENE_ROLE_PANELIST);
  g_autoptr(ConveneAssignment) on_session =
    convene_assignment_new_for_session (21, 6, 3, CONVENE_ROLE_MODERATOR);
  NotifyCount counter;

  g_assert_cmpint (convene_assignment_get_id (on_segment), ==, 20);
  g_assert_cmpint (convene_assignment_get_speaker_id (on_segment), ==, 5);
  g_assert_cmpint (convene_assignment_get_segment_id (on_segment), ==, 11);
  g_assert_cmpint (convene_assignment_get_session_id (on_segment), ==, 0);
  g_assert_cmpint (convene_assignment_get_role (on_segment), ==, CONVENE_ROLE_PANELIST);

  g_assert_cmpint (convene_assignment_get_segment_id (on_session), ==, 0);
  g_assert_cmpint (convene_assignment_get_session_id (on_session), ==, 3);
  g_assert_cmpint (convene_assignment_get_role (on_session), ==, CONVENE_ROLE_MODERATOR);

  watch (on_session, "role", &counter);
  convene_assignment_set_role (on_session, CONVENE_ROLE_CHAIR);
  convene_assignment_set_role (on_session, CONVENE_ROLE_CHAIR);
  g_assert_cmpuint (counter.count, ==, 1);

  check_all_properties (on_segment);
}

static void
test_outcome (void)
{
  g_autoptr(ConveneOutcome) outcome =
    convene_outcome_new (30, CONVENE_OUTCOME_KIND_GUIDING_QUESTION,
                         "What could a sustainable platform look like?");
  NotifyCount counter;

  g_assert_cmpint (convene_outcome_get_id (outcome), ==, 30);
  g_assert_cmpint (convene_outcome_get_kind (outcome), ==, CONVENE_OUTCOME_KIND_GUIDING_QUESTION);
  g_assert_cmpstr (convene_outcome_get_text (outcome), ==, "What could a sustainable platform look like?");
  g_assert_false (convene_outcome_get_done (outcome));
  g_assert_cmpint (convene_outcome_get_owner_id (outcome), ==, 0);
  g_assert_cmpstr (convene_outcome_get_due_date (outcome), ==, "");
  g_assert_cmpint (convene_outcome_get_result (outcome), ==, CONVENE_OUTCOME_RESULT_NONE);
  g_assert_cmpstr (convene_outcome_get_result_note (outcome), ==, "");

  watch (outcome, "done", &counter);
  convene_outcome_set_done (outcome, TRUE);
  convene_outcome_set_done (outcome, 2);
  g_assert_true (convene_outcome_get_done (outcome));
  g_assert_cmpuint (counter.count, ==, 1);

  convene_outcome_set_owner_id (outcome, 5);
  convene_outcome_set_due_date (outcome, "2027-06-30");
  convene_outcome_set_result (outcome, CONVENE_OUTCOME_RESULT_PARTLY_MET);
  convene_outcome_set_result_note (outcome, "Two of three");
  g_assert_cmpint (convene_outcome_get_owner_id (outcome), ==, 5);
  g_assert_cmpstr (convene_outcome_get_due_date (outcome), ==, "2027-06-30");
  g_assert_cmpint (convene_outcome_get_result (outcome), ==, CONVENE_OUTCOME_RESULT_PARTLY_MET);
  g_assert_cmpstr (convene_outcome_get_result_note (outcome), ==, "Two of three");

  check_all_properties (outcome);
}

static void
test_project (void)
{
  g_autoptr(ConveneProject) project = convene_project_new ();
  g_autoptr(ConveneSession) session = convene_session_new (3, "Side event", "2027-05-24", 750, 90);
  g_autoptr(ConveneSegment) panel = convene_segment_new (10, CONVENE_SEGMENT_KIND_PANEL, "Panel", 60);
  g_autoptr(ConveneSegment) talk = convene_segment_new (11, CONVENE_SEGMENT_KIND_PRESENTATION, "Talk", 10);
  g_autoptr(ConveneSpeaker) speaker = convene_speaker_new (5, "Teresa Zakaria");
  g_autoptr(GTimeZone) tz = NULL;
  ConveneSession *found_session = NULL;
  NotifyCount counter;
  gint64 id;

  g_assert_cmpstr (convene_project_get_title (project), ==, "");
  g_assert_cmpstr (convene_project_get_organiser (project), ==, "");
  g_assert_cmpstr (convene_project_get_venue (project), ==, "");
  g_assert_cmpstr (convene_project_get_notes (project), ==, "");
  /* The tests run with TZ=UTC: the default is this computer's zone. */
  g_assert_cmpstr (convene_project_get_time_zone (project), ==, "UTC");
  g_assert_true (convene_validate_time_zone (convene_project_get_time_zone (project), NULL));

  watch (project, "time-zone", &counter);
  convene_project_set_time_zone (project, "Europe/Zurich");
  convene_project_set_time_zone (project, "Europe/Zurich");
  g_assert_cmpuint (counter.count, ==, 1);
  tz = convene_project_dup_gtime_zone (project);
  g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, "Europe/Zurich");
  g_clear_pointer (&tz, g_time_zone_unref);

  /* An identifier unknown here still gives a usable zone. */
  convene_project_set_time_zone (project, "Mars/Olympus_Mons");
  tz = convene_project_dup_gtime_zone (project);
  g_assert_nonnull (tz);
  g_assert_cmpint (g_time_zone_get_offset (tz, 0), ==, 0);
  convene_project_set_time_zone (project, NULL);
  g_assert_cmpstr (convene_project_get_time_zone (project), ==, "UTC");

  /* Identifiers: one sequence, always above every noted id. */
  id = convene_project_new_id (project);
  g_assert_cmpint (id, ==, 1);
  convene_project_note_id (project, 41);
  g_assert_cmpint (convene_project_new_id (project), ==, 42);
  convene_project_note_id (project, 7);
  g_assert_cmpint (convene_project_new_id (project), ==, 43);

  g_list_store_append (convene_project_get_sessions (project), session);
  g_list_store_append (convene_session_get_segments (session), panel);
  g_list_store_append (convene_segment_get_items (panel), talk);
  g_list_store_append (convene_project_get_speakers (project), speaker);

  g_assert_true (convene_project_find_session (project, 3) == session);
  g_assert_null (convene_project_find_session (project, 4));
  g_assert_true (convene_project_find_speaker (project, 5) == speaker);
  g_assert_null (convene_project_find_speaker (project, 3));
  g_assert_true (convene_project_find_segment (project, 10, &found_session) == panel);
  g_assert_true (found_session == session);
  found_session = NULL;
  g_assert_true (convene_project_find_segment (project, 11, &found_session) == talk);
  g_assert_true (found_session == session);
  g_assert_null (convene_project_find_segment (project, 12, &found_session));
  g_assert_null (found_session);
  g_assert_true (convene_project_find_segment (project, 11, NULL) == talk);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (convene_project_get_assignments (project))) ==
                 CONVENE_TYPE_ASSIGNMENT);

  check_all_properties (project);
}

static void
test_validate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_malloc (CONVENE_MAX_TEXT_BYTES + 2);
  int minutes = -1;

  memset (long_text, 'a', CONVENE_MAX_TEXT_BYTES + 1);
  long_text[CONVENE_MAX_TEXT_BYTES + 1] = '\0';

  g_assert_true (convene_validate_text (NULL, -1, "the title", NULL));
  g_assert_true (convene_validate_text ("Ünïcode ✓", -1, "the title", NULL));
  g_assert_true (convene_validate_text (long_text, CONVENE_MAX_TEXT_BYTES, "the title", NULL));

  g_assert_false (convene_validate_text (long_text, -1, "the title", &error));
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_TEXT_TOO_LONG);
  g_assert_cmpstr (error->message, ==, "The text for the title is too long (65537 bytes; at most 65536).");
  g_clear_error (&error);

  g_assert_false (convene_validate_text ("bad \xff byte", -1, "the notes", &error));
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TEXT);
  g_assert_cmpstr (error->message, ==, "The text for the notes is not valid: it must be UTF-8 without NUL characters.");
  g_clear_error (&error);

  g_assert_false (convene_validate_text ("nul\0inside", 10, "the notes", &error));
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TEXT);
  g_clear_error (&error);

  g_assert_true (convene_validate_duration (0, NULL));
  g_assert_true (convene_validate_duration (1440, NULL));
  g_assert_false (convene_validate_duration (-1, &error));
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_DURATION);
  g_assert_cmpstr (error->message, ==, "A duration must be between 0 and 1440 minutes, not -1.");
  g_clear_error (&error);
  g_assert_false (convene_validate_duration (G_MAXINT64, &error));
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_DURATION);
  g_clear_error (&error);

  g_assert_true (convene_validate_slot (1, NULL));
  g_assert_true (convene_validate_slot (1440, NULL));
  g_assert_false (convene_validate_slot (0, NULL));
  g_assert_false (convene_validate_slot (1441, NULL));

  g_assert_true (convene_validate_time_of_day (0, NULL));
  g_assert_true (convene_validate_time_of_day (1439, NULL));
  g_assert_false (convene_validate_time_of_day (1440, &error));
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TIME);
  g_clear_error (&error);
  g_assert_false (convene_validate_time_of_day (-1, NULL));

  g_assert_true (convene_validate_date ("2027-03-28", NULL));
  g_assert_true (convene_validate_date ("2028-02-29", NULL));
  g_assert_false (convene_validate_date ("2027-02-29", NULL));
  g_assert_false (convene_validate_date ("2027-02-30", &error));
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_DATE);
  g_assert_nonnull (strstr (error->message, "2027-02-30"));
  g_clear_error (&error);
  g_assert_false (convene_validate_date ("2027-13-01", NULL));
  g_assert_false (convene_validate_date ("2027-3-28", NULL));
  g_assert_false (convene_validate_date ("28/03/2027", NULL));
  g_assert_false (convene_validate_date ("", NULL));
  g_assert_false (convene_validate_date (NULL, NULL));
  g_assert_false (convene_validate_date ("0000-01-01", NULL));

  g_assert_true (convene_validate_time_zone ("Europe/Zurich", NULL));
  g_assert_true (convene_validate_time_zone ("UTC", NULL));
  g_assert_false (convene_validate_time_zone ("Europe/Atlantis", &error));
  g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TIME_ZONE);
  g_assert_nonnull (strstr (error->message, "Europe/Atlantis"));
  g_clear_error (&error);
  g_assert_false (convene_validate_time_zone ("", NULL));
  g_assert_false (convene_validate_time_zone (NULL, NULL));

  g_assert_true (convene_parse_time_of_day ("12:30", &minutes));
  g_assert_cmpint (minutes, ==, 750);
  g_assert_true (convene_parse_time_of_day ("0:05", &minutes));
  g_assert_cmpint (minutes, ==, 5);
  g_assert_true (convene_parse_time_of_day ("23:59", &minutes));
  g_assert_cmpint (minutes, ==, 1439);
  minutes = -7;
  g_assert_false (convene_parse_time_of_day ("24:00", &minutes));
  g_assert_false (convene_parse_time_of_day ("12:60", &minutes));
  g_assert_false (convene_parse_time_of_day ("12:3", &minutes));
  g_assert_false (convene_parse_time_of_day ("123:00", &minutes));
  g_assert_false (convene_parse_time_of_day ("12:30 ", &minutes));
  g_assert_false (convene_parse_time_of_day ("noon", &minutes));
  g_assert_false (convene_parse_time_of_day ("", &minutes));
  g_assert_false (convene_parse_time_of_day (NULL, &minutes));
  g_assert_cmpint (minutes, ==, -7);

  for (int m = 0; m < CONVENE_MINUTES_PER_DAY; m += 7)
    {
      g_autofree char *text = convene_format_time_of_day (m);
      int back = -1;

      g_assert_cmpuint (strlen (text), ==, 5);
      g_assert_true (convene_parse_time_of_day (text, &back));
      g_assert_cmpint (back, ==, m);
    }
  {
    g_autofree char *text = convene_format_time_of_day (750);
    g_assert_cmpstr (text, ==, "12:30");
  }
}

/* The role offered first when a person lands on a segment. */
static void
test_enums_role_suggestion (void)
{
  g_assert_cmpint (convene_role_suggest (CONVENE_SEGMENT_KIND_PRESENTATION, TRUE), ==, CONVENE_ROLE_PANELIST);
  g_assert_cmpint (convene_role_suggest (CONVENE_SEGMENT_KIND_PRESENTATION, FALSE), ==, CONVENE_ROLE_PRESENTER);
  g_assert_cmpint (convene_role_suggest (CONVENE_SEGMENT_KIND_PANEL, FALSE), ==, CONVENE_ROLE_PANELIST);
  g_assert_cmpint (convene_role_suggest (CONVENE_SEGMENT_KIND_DISCUSSION, FALSE), ==, CONVENE_ROLE_MODERATOR);
  g_assert_cmpint (convene_role_suggest (CONVENE_SEGMENT_KIND_QA, FALSE), ==, CONVENE_ROLE_MODERATOR);
  g_assert_cmpint (convene_role_suggest (CONVENE_SEGMENT_KIND_OPENING, FALSE), ==, CONVENE_ROLE_OPENING_REMARKS);
  g_assert_cmpint (convene_role_suggest (CONVENE_SEGMENT_KIND_WELCOME, FALSE), ==, CONVENE_ROLE_OPENING_REMARKS);
  g_assert_cmpint (convene_role_suggest (CONVENE_SEGMENT_KIND_CLOSING, FALSE), ==, CONVENE_ROLE_CLOSING_REMARKS);
  g_assert_cmpint (convene_role_suggest (CONVENE_SEGMENT_KIND_KEYNOTE, FALSE), ==, CONVENE_ROLE_PRESENTER);
}

/* The one rule of every people search. */
static void
test_speaker_matches (void)
{
  g_autoptr(ConveneSpeaker) karin = convene_speaker_new (1, "Karin Müller");
  g_autoptr(ConveneSpeaker) sofia = convene_speaker_new (2, "Sofia Berg");
  static const char *finds_karin[] = { "", "  ", "Karin", "karin", "Müller", "muller", "MULLER", "mül",
                                       "H.E", "karin ambassador", "who", "k.mueller",
                                       "world health", "Org", NULL };
  static const char *misses_karin[] = { "Sofia", "arin", "ller", "karin sofia", "unhcr", "ambassadors",
                                        NULL };

  convene_speaker_set_honorific (karin, "H.E.");
  convene_speaker_set_job_title (karin, "Ambassador");
  convene_speaker_set_organisation (karin, "World Health Organization");
  convene_speaker_set_email (karin, "k.mueller@who.int");
  convene_speaker_set_organisation (sofia, "UNHCR");

  for (guint i = 0; finds_karin[i] != NULL; i++)
    if (!convene_speaker_matches (karin, finds_karin[i]))
      g_error ("“%s” does not find Karin", finds_karin[i]);
  for (guint i = 0; misses_karin[i] != NULL; i++)
    if (convene_speaker_matches (karin, misses_karin[i]))
      g_error ("“%s” finds Karin", misses_karin[i]);
  g_assert_true (convene_speaker_matches (sofia, "berg"));
  g_assert_true (convene_speaker_matches (sofia, "Sofia"));
  g_assert_true (convene_speaker_matches (sofia, NULL));
}

/* People in the order a planner chose: as written, or by family name. */
static void
test_speaker_name_order (void)
{
  static const char *names[] = { "Sofia Berg", "Ludwig van Beethoven", "Karin Müller", "", "Aisha", "Anna Berg " };
  ConveneSpeaker *people[G_N_ELEMENTS (names)];
  GString *order = g_string_new (NULL);

  g_assert_cmpstr (convene_name_get_family ("Karin Müller"), ==, "Müller");
  g_assert_cmpstr (convene_name_get_family ("Aisha"), ==, "Aisha");
  g_assert_cmpstr (convene_name_get_family ("Anna Berg "), ==, "Berg ");
  g_assert_cmpstr (convene_name_get_family (""), ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    people[i] = convene_speaker_new (i + 1, names[i]);

  for (int order_kind = CONVENE_NAME_ORDER_FIRST; order_kind <= CONVENE_NAME_ORDER_FAMILY; order_kind++)
    {
      g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          guint at = 0;

          /* Insertion, so the comparison alone decides. */
          while (at < sorted->len && convene_speaker_compare_names (g_ptr_array_index (sorted, at), people[i],
                                                                    order_kind) < 0)
            at++;
          g_ptr_array_insert (sorted, at, people[i]);
        }
      g_string_truncate (order, 0);
      for (guint i = 0; i < sorted->len; i++)
        g_string_append_printf (order, "%s|", convene_speaker_get_name (g_ptr_array_index (sorted, i)));
      g_assert_cmpstr (order->str, ==,
                       order_kind == CONVENE_NAME_ORDER_FIRST
                       ? "Aisha|Anna Berg |Karin Müller|Ludwig van Beethoven|Sofia Berg||"
                       : "Aisha|Ludwig van Beethoven|Anna Berg |Sofia Berg|Karin Müller||");
    }
  g_assert_cmpint (convene_speaker_compare_names (people[0], people[0], CONVENE_NAME_ORDER_FAMILY), ==, 0);

  /* A renamed person sorts by the new name (the keys compared are made
   * once per name, and made again after a rename). */
  g_assert_cmpint (convene_speaker_compare_names (people[0], people[2], CONVENE_NAME_ORDER_FIRST), >, 0);
  g_assert_cmpint (convene_speaker_compare_names (people[0], people[2], CONVENE_NAME_ORDER_FAMILY), <, 0);
  convene_speaker_set_name (people[0], "Bruno Zeller");
  g_assert_cmpint (convene_speaker_compare_names (people[0], people[2], CONVENE_NAME_ORDER_FIRST), <, 0);
  g_assert_cmpint (convene_speaker_compare_names (people[0], people[2], CONVENE_NAME_ORDER_FAMILY), >, 0);
  convene_speaker_set_name (people[0], "");
  g_assert_cmpint (convene_speaker_compare_names (people[0], people[4], CONVENE_NAME_ORDER_FIRST), >, 0);
  g_assert_cmpint (convene_speaker_compare_names (people[4], people[0], CONVENE_NAME_ORDER_FAMILY), <, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (people[i]);
  g_string_free (order, TRUE);
}

/* What a planner types, on either clock; the window's time fields all read
 * it this way. */
static void
test_typed_time (void)
{
  static const struct { const char *text; int minutes; } good[] = {
    { "13:00", 13 * 60 }, { "9:05", 9 * 60 + 5 }, { "09:05", 9 * 60 + 5 }, { " 0:00 ", 0 },
    { "2:30 PM", 14 * 60 + 30 }, { "2:30pm", 14 * 60 + 30 }, { "2:30 p.m.", 14 * 60 + 30 },
    { "2 PM", 14 * 60 }, { "2pm", 14 * 60 }, { "12:15 AM", 15 }, { "12 am", 0 }, { "12:00 PM", 12 * 60 },
    { "12:59 pm", 12 * 60 + 59 }, { "11:59 P.M.", 23 * 60 + 59 }, { "7:45 am", 7 * 60 + 45 },
  };
  static const char *bad[] = {
    "", "  ", "noon", "24:00", "12:60", "2:3", "123:00", "13:00 PM", "0:30 AM", "2", "14",
    "2:30 PMX", "2:30 P", "2:30 xm", "2::30", ":30", "2:30:00", NULL,
  };
  int minutes;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      minutes = -1;
      g_assert_true (convene_parse_typed_time (good[i].text, &minutes));
      g_assert_cmpint (minutes, ==, good[i].minutes);
    }
  for (guint i = 0; bad[i] != NULL; i++)
    {
      if (convene_parse_typed_time (bad[i], &minutes))
        g_error ("“%s” was read as %d", bad[i], minutes);
    }
  g_assert_false (convene_parse_typed_time (NULL, &minutes));
  /* Files keep their strict form. */
  g_assert_false (convene_parse_time_of_day ("2:30 PM", &minutes));
}

/* Only IANA names from the system's list: never a path, another file of the
 * zone folder, or a name GLib would read from elsewhere. */
static void
test_time_zone_names (void)
{
  static const char * const good[] = {
    "UTC", "Europe/Zurich", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "Etc/GMT-14",
    /* A link of tzdata.zi: an old name files may still carry. */
    "US/Eastern",
  };
  static const char * const bad[] = {
    "/etc/localtime", "/usr/share/zoneinfo/Europe/Zurich", "Europe/../Europe/Zurich",
    "./Europe/Zurich", "Europe/./Zurich", "Europe//Zurich", "Europe/Zurich/", "/UTC",
    "zone.tab", "zone1970.tab", "tzdata.zi", "leapseconds", "iso3166.tab", "posixrules",
    "posix/Europe/Zurich", "right/Europe/Zurich", "Europe", "..", ".", "",
    ":Europe/Zurich", "Europe/Zurich ", "europe/zurich", "Mars/Olympus_Mons",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    if (!convene_validate_time_zone (good[i], NULL))
      g_error ("“%s” was refused", good[i]);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (convene_validate_time_zone (bad[i], &error))
        g_error ("“%s” was taken as a time zone", bad[i]);
      g_assert_error (error, CONVENE_MODEL_ERROR, CONVENE_MODEL_ERROR_INVALID_TIME_ZONE);
      g_clear_error (&error);
    }

  /* The choosers' list: the same names, sorted, each one taken. */
  {
    g_auto(GStrv) names = convene_time_zone_list_names ();
    guint n = g_strv_length (names);

    g_assert_cmpuint (n, >, 300);
    for (guint i = 0; i < G_N_ELEMENTS (good); i++)
      g_assert_true (g_strv_contains ((const char * const *) names, good[i]));
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      g_assert_false (g_strv_contains ((const char * const *) names, bad[i]));
    for (guint i = 1; i < n; i++)
      g_assert_cmpint (strcmp (names[i - 1], names[i]), <, 0);
  }

  /* A project that somehow holds such a name keeps UTC's clock. */
  {
    g_autoptr(ConveneProject) project = convene_project_new ();
    g_autoptr(GTimeZone) tz = NULL;

    convene_project_set_time_zone (project, "/etc/localtime");
    tz = convene_project_dup_gtime_zone (project);
    g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, "UTC");
  }
}

/* A FIFO in the zone folder, even one the list names, is never opened: GLib
 * would wait on it forever. Run in a process of its own, whose zone folder
 * ($TZDIR, read once) is a folder of the test's. */
static void
test_time_zone_fifo (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("convene-zones-XXXXXX", &error);
      g_autofree char *area = g_build_filename (dir, "Test", NULL);
      g_autofree char *pipe = g_build_filename (area, "Pipe", NULL);
      g_autofree char *list = g_build_filename (dir, "tzdata.zi", NULL);
      g_autofree char *utc = g_build_filename (dir, "Test", "Zone", NULL);
      /* Too short for the header GLib checks before reading a zone. */
      const char tzif[] = "TZif2";

      g_assert_no_error (error);
      g_assert_cmpint (g_mkdir (area, 0700), ==, 0);
      g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
      g_assert_true (g_file_set_contents (list, "# version test\nZ Test/Pipe 0 - X\nZ Test/Zone 0 - Y\n"
                                                "L Test/Zone Test/Link\n", -1, NULL));
      g_assert_true (g_file_set_contents (utc, tzif, sizeof tzif - 1, NULL));
      g_setenv ("TZDIR", dir, TRUE);

      g_assert_false (convene_validate_time_zone ("Test/Pipe", NULL));
      /* Listed, but not a zone file GLib can read; a name not listed at all. */
      g_assert_false (convene_validate_time_zone ("Test/Zone", NULL));
      g_assert_false (convene_validate_time_zone ("Test/Link", NULL));
      g_assert_true (convene_validate_time_zone ("UTC", NULL));

      g_unlink (pipe);
      g_unlink (utc);
      g_unlink (list);
      g_rmdir (area);
      g_rmdir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Without tzdata.zi the names of zone1970.tab and zone.tab are the list. */
static void
test_time_zone_tab_list (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("convene-zones-XXXXXX", &error);
      g_autofree char *area = g_build_filename (dir, "Test", NULL);
      g_autofree char *listed = g_build_filename (area, "Listed", NULL);
      g_autofree char *unlisted = g_build_filename (area, "Unlisted", NULL);
      g_autofree char *tab = g_build_filename (dir, "zone1970.tab", NULL);
      g_autofree char *zone = NULL;
      gsize length = 0;

      g_assert_no_error (error);
      g_assert_true (g_file_get_contents ("/usr/share/zoneinfo/Europe/Zurich", &zone, &length, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_mkdir (area, 0700), ==, 0);
      g_assert_true (g_file_set_contents (listed, zone, (gssize) length, NULL));
      g_assert_true (g_file_set_contents (unlisted, zone, (gssize) length, NULL));
      g_assert_true (g_file_set_contents (tab, "# comment\nCH\t+4723+00832\tTest/Listed\n", -1, NULL));
      g_setenv ("TZDIR", dir, TRUE);

      g_assert_true (convene_validate_time_zone ("Test/Listed", NULL));
      g_assert_false (convene_validate_time_zone ("Test/Unlisted", NULL));
      g_assert_false (convene_validate_time_zone ("zone1970.tab", NULL));
      /* The choosers offer the same list, and UTC. */
      {
        g_auto(GStrv) names = convene_time_zone_list_names ();

        g_assert_cmpuint (g_strv_length (names), ==, 2);
        g_assert_cmpstr (names[0], ==, "Test/Listed");
        g_assert_cmpstr (names[1], ==, "UTC");
      }

      g_unlink (listed);
      g_unlink (unlisted);
      g_unlink (tab);
      g_rmdir (area);
      g_rmdir (dir);
      return;
    }

  if (!g_file_test ("/usr/share/zoneinfo/Europe/Zurich", G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("no zone file to copy");
      return;
    }
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/typed-time", test_typed_time);
  g_test_add_func ("/model/speaker-matches", test_speaker_matches);
  g_test_add_func ("/model/speaker-name-order", test_speaker_name_order);
  g_test_add_func ("/model/enums/segment-kind", test_enums_segment_kind);
  g_test_add_func ("/model/enums/icons-exist", test_enums_icons_exist);
  g_test_add_func ("/model/enums/vocabularies", test_enums_vocabularies);
  g_test_add_func ("/model/enums/role-suggestion", test_enums_role_suggestion);
  g_test_add_func ("/model/segment", test_segment);
  g_test_add_func ("/model/segment-uuid", test_segment_uuid);
  g_test_add_func ("/model/session", test_session);
  g_test_add_func ("/model/speaker", test_speaker);
  g_test_add_func ("/model/assignment", test_assignment);
  g_test_add_func ("/model/outcome", test_outcome);
  g_test_add_func ("/model/project", test_project);
  g_test_add_func ("/model/validate", test_validate);
  g_test_add_func ("/model/time-zone/names", test_time_zone_names);
  g_test_add_func ("/model/time-zone/fifo", test_time_zone_fifo);
  g_test_add_func ("/model/time-zone/tab-list", test_time_zone_tab_list);

  return g_test_run ();
}
