/* The metrics' breakdowns: the members at the period's end by language,
 * eldership (dir_profiles; '' when not given or no profile) and role,
 * by accounts_groups and the profiles, each under the small-group rule
 * (core/smallgroup.h) with the members in all as its published total. */
#include "core/metrics-internal.h"
#include "common/xalloc.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Adds count to the group label of b (kept by label, as the query sorts
 * only by its first column). */
static void
add(struct metrics_breakdown *b, const char *label, long long count)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		if (strcmp(b->v[i].label, label) == 0) {
			b->v[i].count += count;
			return;
		}
	b->v = xreallocarray(b->v, b->n + 1, sizeof *b->v);
	memset(&b->v[b->n], 0, sizeof b->v[b->n]);
	snprintf(b->v[b->n].label, sizeof b->v[b->n].label, "%s", label);
	b->v[b->n++].count = count;
}

static int
label_cmp(const void *x, const void *y)
{
	return strcmp(((const struct metrics_group *)x)->label,
	    ((const struct metrics_group *)y)->label);
}

/* Sorts b and applies the rule to it. */
static void
apply(struct metrics_breakdown *b, long long total, int k)
{
	struct smallgroup *g = xcalloc(b->n ? b->n : 1, sizeof *g);

	if (b->n > 0)
		qsort(b->v, b->n, sizeof *b->v, label_cmp);
	for (size_t i = 0; i < b->n; i++) {
		g[i].label = b->v[i].label;
		g[i].count = b->v[i].count;
	}
	b->hidden = smallgroup_apply(g, b->n, total, k);
	for (size_t i = 0; i < b->n; i++)
		b->v[i].why = g[i].why;
	free(g);
}

int
metrics_breakdowns(struct db *db, struct metrics_report *r)
{
	sqlite3_stmt *st;
	char label[64];
	long long n, total = 0, given = 0;
	int rc;

	if ((st = db_prepare(db, "SELECT lang, role, count(*) FROM accounts "
	    "WHERE created < ?1 AND pwhash != '!' GROUP BY lang, role")) ==
	    NULL)
		return -1;
	sqlite3_bind_int64(st, 1, r->to);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n = sqlite3_column_int64(st, 2);
		total += n;
		db_column_copy(st, 0, label, sizeof label);
		add(&r->by_lang, label, n);
		db_column_copy(st, 1, label, sizeof label);
		add(&r->by_role, label, n);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	/* The profiles are the fewer, so they lead (CROSS JOIN), each
	 * account found by its id, not by a range of registrations (+);
	 * those without a profile or an eldership are the rest. */
	if ((st = db_prepare(db, "SELECT p.eldership, count(*) FROM "
	    "dir_profiles p CROSS JOIN accounts a ON a.id = p.account_id "
	    "WHERE +a.created < ?1 AND a.pwhash != '!' AND p.eldership != '' "
	    "GROUP BY p.eldership")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, r->to);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n = sqlite3_column_int64(st, 1);
		given += n;
		db_column_copy(st, 0, label, sizeof label);
		add(&r->by_eldership, label, n);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	if (total > given)
		add(&r->by_eldership, "", total - given);
	assert(total == r->total.members);
	apply(&r->by_lang, total, r->min_group);
	apply(&r->by_role, total, r->min_group);
	apply(&r->by_eldership, total, r->min_group);
	return 0;
}
