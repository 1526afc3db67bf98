/* Organisations as event organisers (issue 9): an event of the calendar
 * may name one organisation of the directory, which then lists it on its
 * page and in its own iCalendar feed (org-ID.ics). The event stays the
 * calendar's: who may edit it is the calendar's rule (asked through
 * calendar_event_get's may_edit, never re-made here), and its export and
 * erasure are the calendar's; this keeps only the link, which goes with
 * the event or the organisation (ON DELETE CASCADE).
 *
 * Who may do what:
 *   - attach: whoever may edit the event (its organiser, moderators,
 *     admins) and is a member of the organisation, or a site moderator or
 *     admin; one organisation per event;
 *   - detach: whoever may edit the event and is a member of its
 *     organisation, the organisation's admins, site moderators and admins.
 * Keys: "error.directory.guest", "error.directory.suspended",
 * "error.directory.not_found" (no such event or organisation, or no
 * link), "error.directory.not_allowed", "error.directory.event_has_org"
 * (the event names an organisation already), "error.internal". */
#ifndef TINKLAS_DIRECTORY_ORG_EVENTS_H
#define TINKLAS_DIRECTORY_ORG_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/directory.h"

struct db;

/* At most this many of an organisation's upcoming events are listed. */
#define DIR_ORG_EVENTS_MAX	100

struct core_error directory_org_event_attach(struct db *db,
    const struct actor *a, int64_t org, int64_t event_id);
struct core_error directory_org_event_detach(struct db *db,
    const struct actor *a, int64_t event_id);
/* Whether detach would be allowed now (the page offers it then). */
bool directory_org_event_may_detach(struct db *db, const struct actor *a,
    int64_t event_id);
/* The organisation an event names: 0 with *org_id and out (when not
 * NULL) filled, 1 when it names none, -1 on error. */
int directory_event_org(struct db *db, const struct actor *viewer,
    int64_t event_id, int64_t *org_id, struct dir_org *out);
/* The organisations the actor is a member of (any role), by name: those
 * they may organise for. 0 or -1. */
int directory_orgs_of_member(struct db *db, const struct actor *a,
    struct dir_org_list *out);
/* The organisation's upcoming events as the viewer may see them
 * (published or cancelled, with an occurrence ending after now), each
 * event once with its next occurrence, in start order; at most limit
 * (<= DIR_ORG_EVENTS_MAX), out->more when more follow. 0 or -1. */
int directory_org_events(struct db *db, const struct actor *viewer,
    int64_t org, int64_t now, int limit, struct cal_occurrence_list *out);
/* The actor's own upcoming events (the calendar's agenda, organiser the
 * actor) that name no organisation yet: what they may attach. Each event
 * once, its next occurrence, at most limit. 0 or -1. */
int directory_org_event_candidates(struct db *db, const struct actor *a,
    int64_t now, int limit, struct cal_occurrence_list *out);
/* The ids of every event linked to the organisation (for its feed;
 * the calendar picks the upcoming public ones). *ids is freed by the
 * caller. 0 or -1. */
int directory_org_event_ids(struct db *db, int64_t org, int64_t **ids,
    size_t *n);

#endif
