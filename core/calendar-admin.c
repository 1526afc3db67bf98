/* Every event for `tinklas admin event list`, whatever its state: the
 * views list occurrences a person may see, an administrator needs the
 * events themselves, proposals and rejected ones too. */
#include "core/calendar-admin.h"
#include "core/calendar-internal.h"
#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

const char *
cal_state_word(enum cal_state s)
{
	switch (s) {
	case CAL_PROPOSED:
		return "proposed";
	case CAL_PUBLISHED:
		return "published";
	case CAL_CANCELLED:
		return "cancelled";
	case CAL_REJECTED:
		return "rejected";
	}
	return "?";
}

int
calendar_admin_events(struct db *db, const struct actor *a, int offset,
    int limit, struct cal_admin_list *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (a->guest || a->role < ROLE_ADMIN || limit <= 0)
		return 0;
	if ((st = db_prepare(db, "SELECT e.id, e.state, e.start_utc, "
	    "e.rrule != '', (SELECT count(*) FROM cal_answers x "
	    "WHERE x.event_id = e.id AND (x.answer IN (1, 2) OR "
	    "x.waitlist > 0)), coalesce(ac.name, ''), e.title "
	    "FROM cal_events e LEFT JOIN accounts ac ON ac.id = e.organiser_id "
	    "ORDER BY e.id DESC LIMIT ?1 OFFSET ?2")) == NULL)
		return -1;
	sqlite3_bind_int(st, 1, limit + 1);
	sqlite3_bind_int(st, 2, offset > 0 ? offset : 0);
	out->v = xcalloc((size_t)limit, sizeof *out->v);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct cal_admin_event *e;

		if (out->n == (size_t)limit) {
			out->more = true;
			rc = SQLITE_DONE;
			break;
		}
		e = &out->v[out->n++];
		e->id = sqlite3_column_int64(st, 0);
		e->state = sqlite3_column_int(st, 1);
		e->start = sqlite3_column_int64(st, 2);
		e->recurs = sqlite3_column_int(st, 3);
		e->answers = sqlite3_column_int(st, 4);
		db_column_copy(st, 5, e->organiser, sizeof e->organiser);
		db_column_copy(st, 6, e->title, sizeof e->title);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		cal_admin_list_free(out);
		return -1;
	}
	return 0;
}

void
cal_admin_list_free(struct cal_admin_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}
