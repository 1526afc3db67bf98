/* The metrics' forums: posts and threads written each month and still
 * shown, and the forum's health: the share of those threads that someone
 * other than their author answered, and the median time to that first
 * answer (threads.first_reply_at, which the forums' triggers keep: the
 * first shown post of someone else). Both are ranges of an index alone
 * (posts_created, threads_created). */
#include "core/metrics-internal.h"

int
metrics_forums(struct db *db, struct metrics_report *r)
{
	struct metrics_delays all = { 0 }, month = { 0 };
	sqlite3_stmt *posts, *threads;
	int rc = SQLITE_DONE, ret = -1;

	posts = db_prepare(db, "SELECT count(*) FROM posts WHERE created >= ?1 "
	    "AND created < ?2 AND hidden = 0 AND deleted = 0");
	threads = db_prepare(db, "SELECT created, first_reply_at FROM threads "
	    "WHERE created >= ?1 AND created < ?2 AND hidden = 0");
	if (posts == NULL || threads == NULL)
		goto out;
	for (size_t i = 0; i < r->nmonths; i++) {
		struct metrics_month *m = &r->months[i];

		if (metrics_row(posts, m->from, m->to, &m->posts, 1) != 0)
			goto out;
		sqlite3_bind_int64(threads, 1, m->from);
		sqlite3_bind_int64(threads, 2, m->to);
		month.n = 0;
		while ((rc = sqlite3_step(threads)) == SQLITE_ROW) {
			int64_t reply;

			m->threads++;
			if (sqlite3_column_int64(threads, 1) == 0)
				continue;
			reply = sqlite3_column_int64(threads, 1) -
			    sqlite3_column_int64(threads, 0);
			m->threads_answered++;
			metrics_delay_add(&month, reply);
			metrics_delay_add(&all, reply);
		}
		sqlite3_reset(threads);
		if (rc != SQLITE_DONE)
			goto out;
		m->first_reply_median = metrics_median(&month);
		r->total.posts += m->posts;
		r->total.threads += m->threads;
		r->total.threads_answered += m->threads_answered;
	}
	r->total.first_reply_median = metrics_median(&all);
	ret = 0;
out:
	sqlite3_finalize(posts);
	sqlite3_finalize(threads);
	metrics_delays_free(&all);
	metrics_delays_free(&month);
	return ret;
}
