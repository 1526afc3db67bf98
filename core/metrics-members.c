/* The metrics' members: how many there are at each month's end, how many
 * registered in it, and how many logged in over its last 30 days. Each is
 * a count over an index range of accounts (accounts_created,
 * accounts_erased, accounts_last_login). */
#include "core/metrics-internal.h"

int
metrics_members(struct db *db, struct metrics_report *r, int64_t now)
{
	sqlite3_stmt *reg, *before, *erased, *active;
	int64_t base, v, until;
	int ret = -1;

	reg = db_prepare(db, "SELECT count(*) FROM accounts "
	    "WHERE created >= ?1 AND created < ?2");
	before = db_prepare(db, "SELECT count(*) FROM accounts "
	    "WHERE created < ?1 AND ?2 = 0");
	/* An erased account keeps its row as "a removed account". */
	erased = db_prepare(db, "SELECT count(*) FROM accounts "
	    "WHERE pwhash = '!' AND created < ?1 AND ?2 = 0");
	active = db_prepare(db, "SELECT count(*) FROM accounts "
	    "WHERE last_login >= ?1 AND last_login < ?2 AND last_login > 0");
	if (reg == NULL || before == NULL || erased == NULL || active == NULL)
		goto out;
	if (metrics_row(before, r->from, 0, &base, 1) != 0)
		goto out;
	for (size_t i = 0; i < r->nmonths; i++) {
		struct metrics_month *m = &r->months[i];

		if (metrics_row(reg, m->from, m->to, &m->registrations, 1) != 0
		    || metrics_row(erased, m->to, 0, &v, 1) != 0)
			goto out;
		base += m->registrations;
		m->members = base - v;
		until = metrics_until(m, now);
		if (until > m->from && metrics_row(active, until -
		    (int64_t)METRICS_ACTIVE_DAYS * 86400, until, &m->active, 1)
		    != 0)
			goto out;
		r->total.registrations += m->registrations;
	}
	r->total.members = r->months[r->nmonths - 1].members;
	r->total.active = r->months[r->nmonths - 1].active;
	ret = 0;
out:
	sqlite3_finalize(reg);
	sqlite3_finalize(before);
	sqlite3_finalize(erased);
	sqlite3_finalize(active);
	return ret;
}
