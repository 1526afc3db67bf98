/* The metrics' events: the occurrences held each month (published, not
 * cancelled, ended in the month and by now), the answers to them and how
 * many were "going" with a place; and, for the period as one, the events
 * held by eldership and how many list accessibility features. An
 * occurrence lasts at most CAL_DAYS_MAX days, so those that ended in a
 * month started at most that long before it: a range of the start index
 * (cal_occurrences_start) finds them. */
#include "core/metrics-internal.h"
#include "core/calendar.h"
#include "common/xalloc.h"

#include <string.h>

_Static_assert(CAL_DAYS_MAX * 86400 == 1209600, "METRICS_HELD's reach");
_Static_assert(CAL_PUBLISHED == 1, "HELD reads state 1 as published");
_Static_assert(CAL_GOING == 1, "the answers' query reads 1 as going");

int
metrics_events(struct db *db, struct metrics_report *r, int64_t now)
{
	sqlite3_stmt *held, *answers;
	int64_t v[2];
	int ret = -1;

	held = db_prepare(db, "SELECT count(*) FROM cal_occurrences o "
	    "WHERE " METRICS_HELD);
	answers = db_prepare(db, "SELECT count(*), sum(a.answer = 1 AND "
	    "a.waitlist = 0) FROM cal_occurrences o JOIN cal_answers a "
	    "ON a.event_id = o.event_id AND a.recur_utc = o.recur_utc "
	    "WHERE " METRICS_HELD);
	if (held == NULL || answers == NULL)
		goto out;
	for (size_t i = 0; i < r->nmonths; i++) {
		struct metrics_month *m = &r->months[i];
		int64_t until = metrics_until(m, now);

		if (until <= m->from)
			continue;
		if (metrics_row(held, m->from, until, &m->events_held, 1) != 0
		    || metrics_row(answers, m->from, until, v, 2) != 0)
			goto out;
		m->event_answers = v[0];
		m->event_going = v[1];
		r->total.events_held += m->events_held;
		r->total.event_answers += m->event_answers;
		r->total.event_going += m->event_going;
	}
	ret = 0;
out:
	sqlite3_finalize(held);
	sqlite3_finalize(answers);
	return ret;
}

int
metrics_event_places(struct db *db, struct metrics_report *r, int64_t now)
{
	sqlite3_stmt *access, *places;
	int64_t v[6], until = now < r->to ? now : r->to;
	size_t cap = 0;
	int rc = SQLITE_DONE, ret = -1;

	_Static_assert(CAL_ACCESS_STEP_FREE == 1 && CAL_ACCESS_HEARING_LOOP ==
	    2 && CAL_ACCESS_SIGN_LANGUAGE == 4 && CAL_ACCESS_EASY_READ == 8,
	    "the bits the access query reads");
	access = db_prepare(db, "SELECT count(*), sum(access != 0), "
	    "sum(access & 1 != 0), sum(access & 2 != 0), sum(access & 4 != 0), "
	    "sum(access & 8 != 0) FROM cal_events WHERE id IN (" METRICS_EVENTS_HELD
	    ")");
	places = db_prepare(db, "SELECT eldership, count(*) FROM cal_events "
	    "WHERE id IN (" METRICS_EVENTS_HELD ") GROUP BY eldership "
	    "ORDER BY count(*) DESC, eldership");
	if (access == NULL || places == NULL)
		goto out;
	if (until <= r->from) {
		ret = 0;
		goto out;
	}
	if (metrics_row(access, r->from, until, v, 6) != 0)
		goto out;
	r->events = v[0];
	r->events_accessible = v[1];
	memcpy(r->events_access, v + 2, sizeof r->events_access);
	sqlite3_bind_int64(places, 1, r->from);
	sqlite3_bind_int64(places, 2, until);
	while ((rc = sqlite3_step(places)) == SQLITE_ROW) {
		struct metrics_eldership *e;

		if (r->nelderships == cap) {
			cap = cap ? cap * 2 : 16;
			r->elderships = xreallocarray(r->elderships, cap,
			    sizeof *r->elderships);
		}
		e = &r->elderships[r->nelderships++];
		db_column_copy(places, 0, e->eldership, sizeof e->eldership);
		e->events = sqlite3_column_int64(places, 1);
	}
	ret = rc == SQLITE_DONE ? 0 : -1;
out:
	sqlite3_finalize(access);
	sqlite3_finalize(places);
	return ret;
}
