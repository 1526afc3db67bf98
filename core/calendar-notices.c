/* The calendar's notifications in the one inbox (core/inbox.h): an event
 * changed, moved or cancelled (whole or one occurrence) for everyone who
 * answered it, a place from the waitlist for the person promoted, and a
 * proposal approved or turned down for its proposer. Each is about the
 * event ("event" and its id) and carries its title and a detail (a
 * reason, or the date of the one occurrence changed); the kinds are the
 * calendar domain's (core/domain-calendar.c). */
#include "core/calendar-internal.h"
#include "core/calendar-notices.h"
#include "core/inbox.h"

#include <assert.h>
#include <stdio.h>

const struct inbox_kind calendar_inbox_kinds[] = {
	{ "calendar.changed", "calendar.notice.changed",
	    { "actor", "title", NULL } },
	{ "calendar.cancelled", "calendar.notice.cancelled",
	    { "actor", "title", "detail", NULL } },
	/* One occurrence; detail is its original date and time. */
	{ "calendar.occ_moved", "calendar.notice.occ_moved",
	    { "actor", "title", "detail", NULL } },
	{ "calendar.occ_cancelled", "calendar.notice.occ_cancelled",
	    { "actor", "title", "detail", NULL } },
	{ "calendar.promoted", "calendar.notice.promoted",
	    { "title", NULL } },
	{ "calendar.approved", "calendar.notice.approved",
	    { "title", NULL } },
	{ "calendar.rejected", "calendar.notice.rejected",
	    { "title", "detail", NULL } },
	{ NULL, NULL, { NULL } },
};

/* The event's title, copied to buf ("" when none). */
static void
event_title(struct db *db, int64_t id, char *buf, size_t bufsz)
{
	sqlite3_stmt *st;

	buf[0] = '\0';
	if ((st = db_prepare(db, "SELECT title FROM cal_events WHERE id = ?1"))
	    == NULL)
		return;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_copy(st, 0, buf, bufsz);
	sqlite3_finalize(st);
}

const char *
cal_tell(struct db *db, const struct actor *a, const char *kind, int64_t id,
    const struct cal_notify *who, const char *detail)
{
	char title[CAL_TITLE_MAX * 4 + 1];
	struct inbox_arg args[2] = {
		{ "title", title },
		{ "detail", detail != NULL ? detail : "" },
	};
	int64_t actor = a != NULL ? actor_audit_id(a) : 0;

	assert(inbox_kind_find(kind) != NULL);
	if (who == NULL || who->n == 0)
		return NULL;
	event_title(db, id, title, sizeof title);
	for (size_t i = 0; i < who->n; i++) {
		if (who->ids[i] == actor)
			continue;	/* the one who did it knows */
		if (inbox_add(db, who->ids[i], kind, "event", id, actor, args,
		    2) != 0)
			return "error.internal";
	}
	return NULL;
}

const char *
cal_tell_date(struct db *db, const struct actor *a, const char *kind,
    int64_t id, const struct cal_notify *who, int64_t recur_utc)
{
	struct i18n_wall w;
	char date[32];

	i18n_wall_from_utc(recur_utc, &w, NULL);
	snprintf(date, sizeof date, "%04d-%02d-%02d %02d:%02d", w.year,
	    w.month, w.day, w.hour, w.minute);
	return cal_tell(db, a, kind, id, who, date);
}

const char *
cal_promote_tell(struct db *db, int64_t id, int64_t recur_utc, int capacity,
    struct cal_notify *promoted)
{
	const char *err = cal_promote(db, id, recur_utc, capacity, promoted);

	/* Told by nobody: who gave the place up is not theirs to know. */
	if (err != NULL || promoted == NULL)
		return err;
	return cal_tell(db, NULL, "calendar.promoted", id, promoted, NULL);
}
