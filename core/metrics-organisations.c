/* The metrics' organisations: which co-organise the period's events
 * (dir_org_events), with how many; organisations only, never a person. */
#include "core/metrics-internal.h"
#include "common/xalloc.h"

int
metrics_organisations(struct db *db, struct metrics_report *r, int64_t now)
{
	sqlite3_stmt *st;
	int64_t until = now < r->to ? now : r->to;
	int rc;

	if (until <= r->from)
		return 0;
	if ((st = db_prepare(db, "SELECT g.id, g.kind, g.name, count(*) "
	    "FROM dir_org_events x JOIN dir_orgs g ON g.id = x.org_id "
	    "WHERE x.event_id IN (" METRICS_EVENTS_HELD ") GROUP BY g.id "
	    "ORDER BY count(*) DESC, g.name, g.id LIMIT ?3")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, r->from);
	sqlite3_bind_int64(st, 2, until);
	sqlite3_bind_int(st, 3, METRICS_ORGS_MAX);
	r->orgs = xcalloc(METRICS_ORGS_MAX, sizeof *r->orgs);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct metrics_org *o = &r->orgs[r->norgs++];

		o->id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, o->kind, sizeof o->kind);
		db_column_copy(st, 2, o->name, sizeof o->name);
		o->events = sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}
