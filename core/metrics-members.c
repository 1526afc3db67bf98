/* The metrics' members: how many there are at each month's end (or at
 * any instant, for a survey's audience), how many registered in it, and
 * how many logged in over its last 30 days. The registration times of
 * every account and of the erased ones are read once, in order, from
 * their indexes (accounts_created, accounts_erased), so a count at an
 * instant is two binary searches; the active come by a range of
 * accounts_last_login. */
#include "core/metrics-internal.h"
#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

static int
times(struct db *db, const char *sql, int64_t **v, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			*v = xreallocarray(*v, cap, sizeof **v);
		}
		(*v)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
metrics_accounts_load(struct db *db, struct metrics_accounts *acc)
{
	memset(acc, 0, sizeof *acc);
	/* An erased account keeps its row as "a removed account". */
	return times(db, "SELECT created FROM accounts ORDER BY created",
	    &acc->created, &acc->n) != 0 || times(db, "SELECT created FROM "
	    "accounts WHERE pwhash = '!' ORDER BY created", &acc->erased,
	    &acc->nerased) != 0 ? -1 : 0;
}

void
metrics_accounts_free(struct metrics_accounts *acc)
{
	free(acc->created);
	free(acc->erased);
	memset(acc, 0, sizeof *acc);
}

/* How many of the n sorted v are before t. */
static int64_t
before(const int64_t *v, size_t n, int64_t t)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid] < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (int64_t)lo;
}

int64_t
metrics_members_at(const struct metrics_accounts *acc, int64_t t)
{
	return before(acc->created, acc->n, t) -
	    before(acc->erased, acc->nerased, t);
}

int
metrics_members(struct db *db, struct metrics_report *r, int64_t now,
    const struct metrics_accounts *acc)
{
	sqlite3_stmt *active;
	int64_t until;
	int ret = 0;

	if ((active = db_prepare(db, "SELECT count(*) FROM accounts "
	    "WHERE last_login >= ?1 AND last_login < ?2 AND last_login > 0"))
	    == NULL)
		return -1;
	for (size_t i = 0; ret == 0 && i < r->nmonths; i++) {
		struct metrics_month *m = &r->months[i];

		m->registrations = before(acc->created, acc->n, m->to) -
		    before(acc->created, acc->n, m->from);
		m->members = metrics_members_at(acc, m->to);
		r->total.registrations += m->registrations;
		until = metrics_until(m, now);
		if (until > m->from)
			ret = metrics_row(active, until -
			    (int64_t)METRICS_ACTIVE_DAYS * 86400, until,
			    &m->active, 1);
	}
	sqlite3_finalize(active);
	r->total.members = r->months[r->nmonths - 1].members;
	r->total.active = r->months[r->nmonths - 1].active;
	return ret;
}
