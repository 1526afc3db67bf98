/* The metrics' private messages: how many were sent each month, by the
 * pm_messages_created range; never who wrote or what. */
#include "core/metrics-internal.h"

int
metrics_messages(struct db *db, struct metrics_report *r)
{
	sqlite3_stmt *st;
	int ret = 0;

	if ((st = db_prepare(db, "SELECT count(*) FROM pm_messages "
	    "WHERE created >= ?1 AND created < ?2")) == NULL)
		return -1;
	for (size_t i = 0; ret == 0 && i < r->nmonths; i++) {
		struct metrics_month *m = &r->months[i];

		ret = metrics_row(st, m->from, m->to, &m->messages, 1);
		r->total.messages += m->messages;
	}
	sqlite3_finalize(st);
	return ret;
}
