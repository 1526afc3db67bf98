/* The metrics' mentoring: requests made each month, how many of them were
 * accepted (the match rate) and answered, the median time from a request
 * to its answer; mentorships started (accepted), ended after being
 * active, and active at each month's end. A request withdrawn before an
 * answer ends with answered 0; a declined one keeps its answer time. The
 * table holds a few rows per member, so it is read once, in one pass, and
 * each row counted in the months it touches. */
#include "core/metrics-internal.h"
#include "core/directory.h"
#include "common/xalloc.h"

#include <stdbool.h>
#include <stdlib.h>

static bool
in(const struct metrics_month *m, int64_t t)
{
	return t >= m->from && t < m->to;
}

int
metrics_mentoring(struct db *db, struct metrics_report *r)
{
	struct metrics_delays all = { 0 }, *month;
	sqlite3_stmt *st;
	int rc;

	if ((st = db_prepare(db, "SELECT requested, answered, ended, state "
	    "FROM dir_mentorships WHERE requested < ?1")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, r->to);
	month = xcalloc(r->nmonths, sizeof *month);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t req = sqlite3_column_int64(st, 0),
		    ans = sqlite3_column_int64(st, 1),
		    end = sqlite3_column_int64(st, 2);
		int state = sqlite3_column_int(st, 3);
		bool answered = ans > 0 && state != DIR_MS_REQUESTED,
		    accepted = ans > 0 && (state == DIR_MS_ACTIVE ||
		    state == DIR_MS_ENDED);

		for (size_t i = 0; i < r->nmonths; i++) {
			struct metrics_month *m = &r->months[i];

			if (in(m, req)) {
				m->ms_requests++;
				m->ms_accepted += accepted;
				m->ms_answered += answered;
				if (answered) {
					metrics_delay_add(&month[i], ans - req);
					metrics_delay_add(&all, ans - req);
				}
			}
			if (!accepted)
				continue;
			m->ms_started += in(m, ans);
			m->ms_ended += state == DIR_MS_ENDED && in(m, end);
			m->ms_active += ans < m->to &&
			    (state == DIR_MS_ACTIVE || end >= m->to);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		for (size_t i = 0; i < r->nmonths; i++)
			metrics_delays_free(&month[i]);
		free(month);
		metrics_delays_free(&all);
		return -1;
	}
	for (size_t i = 0; i < r->nmonths; i++) {
		struct metrics_month *m = &r->months[i];

		m->ms_answer_median = metrics_median(&month[i]);
		metrics_delays_free(&month[i]);
		r->total.ms_requests += m->ms_requests;
		r->total.ms_accepted += m->ms_accepted;
		r->total.ms_answered += m->ms_answered;
		r->total.ms_started += m->ms_started;
		r->total.ms_ended += m->ms_ended;
	}
	free(month);
	r->total.ms_active = r->months[r->nmonths - 1].ms_active;
	r->total.ms_answer_median = metrics_median(&all);
	metrics_delays_free(&all);
	return 0;
}
