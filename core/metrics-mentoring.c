/* The metrics' mentoring: requests made each month, how many of them were
 * accepted (the match rate) and answered, the median time from a request
 * to its answer; mentorships started (accepted), ended after being
 * active, and active at each month's end. A request withdrawn before an
 * answer ends with answered 0; a declined one keeps its answer time. The
 * table holds a few rows per member, so it is read whole. */
#include "core/metrics-internal.h"
#include "core/directory.h"

_Static_assert(DIR_MS_REQUESTED == 0 && DIR_MS_ACTIVE == 1 &&
    DIR_MS_DECLINED == 2 && DIR_MS_ENDED == 3, "the states the SQL reads");

/* Accepted: active now, or ended after an answer. */
#define ACCEPTED	"answered > 0 AND state IN (1, 3)"

int
metrics_mentoring(struct db *db, struct metrics_report *r)
{
	struct metrics_delays all = { 0 }, month = { 0 };
	sqlite3_stmt *req, *delays, *moves;
	int64_t v[3];
	int rc = SQLITE_DONE, ret = -1;

	req = db_prepare(db, "SELECT count(*), sum(" ACCEPTED "), "
	    "sum(answered > 0 AND state IN (1, 2, 3)) FROM dir_mentorships "
	    "WHERE requested >= ?1 AND requested < ?2");
	delays = db_prepare(db, "SELECT answered - requested FROM "
	    "dir_mentorships WHERE requested >= ?1 AND requested < ?2 "
	    "AND answered > 0 AND state IN (1, 2, 3)");
	moves = db_prepare(db, "SELECT "
	    "sum(" ACCEPTED " AND answered >= ?1 AND answered < ?2), "
	    "sum(state = 3 AND answered > 0 AND ended >= ?1 AND ended < ?2), "
	    "sum(" ACCEPTED " AND answered < ?2 AND (state = 1 OR ended >= ?2)) "
	    "FROM dir_mentorships");
	if (req == NULL || delays == NULL || moves == NULL)
		goto out;
	for (size_t i = 0; i < r->nmonths; i++) {
		struct metrics_month *m = &r->months[i];

		if (metrics_row(req, m->from, m->to, v, 3) != 0)
			goto out;
		m->ms_requests = v[0];
		m->ms_accepted = v[1];
		m->ms_answered = v[2];
		if (metrics_row(moves, m->from, m->to, v, 3) != 0)
			goto out;
		m->ms_started = v[0];
		m->ms_ended = v[1];
		m->ms_active = v[2];
		sqlite3_bind_int64(delays, 1, m->from);
		sqlite3_bind_int64(delays, 2, m->to);
		month.n = 0;
		while ((rc = sqlite3_step(delays)) == SQLITE_ROW) {
			metrics_delay_add(&month, sqlite3_column_int64(delays, 0));
			metrics_delay_add(&all, sqlite3_column_int64(delays, 0));
		}
		sqlite3_reset(delays);
		if (rc != SQLITE_DONE)
			goto out;
		m->ms_answer_median = metrics_median(&month);
		r->total.ms_requests += m->ms_requests;
		r->total.ms_accepted += m->ms_accepted;
		r->total.ms_answered += m->ms_answered;
		r->total.ms_started += m->ms_started;
		r->total.ms_ended += m->ms_ended;
	}
	r->total.ms_active = r->months[r->nmonths - 1].ms_active;
	r->total.ms_answer_median = metrics_median(&all);
	ret = 0;
out:
	sqlite3_finalize(req);
	sqlite3_finalize(delays);
	sqlite3_finalize(moves);
	metrics_delays_free(&all);
	metrics_delays_free(&month);
	return ret;
}
