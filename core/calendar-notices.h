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

/* Tells everyone in who (but the actor a) of kind about event id, with
 * its title and detail (NULL: none) as arguments. NULL or
 * "error.internal". */
const char *cal_tell(struct db *db, const struct actor *a, const char *kind,
    int64_t id, const struct cal_notify *who, const char *detail);

#endif
