/* The calendar's inbox kinds and the one call that writes them, inside
 * the writer's transaction (core/calendar-notices.c). Not for use outside
 * core/. */
#ifndef TINKLAS_CALENDAR_NOTICES_H
#define TINKLAS_CALENDAR_NOTICES_H

#include <stdint.h>

#include "core/inbox.h"
#include "core/queue.h"

struct actor;
struct cal_notify;
struct db;

extern const struct inbox_kind calendar_inbox_kinds[];
/* "calendar.proposal" (core/calendar-queue.c). */
extern const struct queue_kind calendar_queue_kinds[];

/* Tells everyone in who (but the actor a; NULL: nobody did it, as a
 * promotion from the waitlist) of kind about event id, with its title and
 * detail (NULL: none) as arguments. NULL or "error.internal". */
const char *cal_tell(struct db *db, const struct actor *a, const char *kind,
    int64_t id, const struct cal_notify *who, const char *detail);
/* The same about one occurrence: the detail is its original start in the
 * site zone, "2026-12-10 18:00". */
const char *cal_tell_date(struct db *db, const struct actor *a,
    const char *kind, int64_t id, const struct cal_notify *who,
    int64_t recur_utc);
/* cal_promote, and the ones promoted (appended to promoted, which may
 * be NULL: then no one is told) are told. */
const char *cal_promote_tell(struct db *db, int64_t id, int64_t recur_utc,
    int capacity, struct cal_notify *promoted);
/* Puts a member's event before the moderators, inside the writer's
 * transaction (core/calendar-queue.c). NULL or "error.internal". */
const char *cal_propose(struct db *db, int64_t id, int64_t proposer,
    const char *title);

#endif
