/* The metrics' period (core/metrics.h): its months in the site zone, who
 * may read it, each area in turn, and the helpers the areas share. */
#include "core/metrics-internal.h"
#include "core/actor.h"
#include "common/xalloc.h"
#include "i18n/calendar.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

int
metrics_month_bounds(int year, int month, int64_t *from, int64_t *to)
{
	struct i18n_wall w = { year, month, 1, 0, 0 };

	if (month < 1 || month > 12 || year < 1970 || year > 9998 ||
	    i18n_wall_to_utc_rfc(&w, from) != 0)
		return -1;
	w.year += month == 12;
	w.month = month == 12 ? 1 : month + 1;
	return i18n_wall_to_utc_rfc(&w, to);
}

struct core_error
metrics_compute(struct db *db, const struct actor *a,
    const struct metrics_period *p, struct metrics_report *out)
{
	struct metrics_accounts acc;
	struct metrics_month *m;

	memset(out, 0, sizeof *out);
	if (a->guest || a->role < ROLE_MODERATOR)
		return CORE_ERR("error.metrics.not_allowed", NULL);
	if (p->nmonths < 1 || p->nmonths > METRICS_MONTHS_MAX ||
	    p->month < 1 || p->month > 12)
		return CORE_ERR("error.metrics.period", NULL);
	assert(p->min_group >= 1);
	out->months = xcalloc((size_t)p->nmonths, sizeof *out->months);
	out->nmonths = (size_t)p->nmonths;
	out->min_group = p->min_group;
	for (int i = 0; i < p->nmonths; i++) {
		m = &out->months[i];
		m->year = p->year + (p->month - 1 + i) / 12;
		m->month = (p->month - 1 + i) % 12 + 1;
		if (metrics_month_bounds(m->year, m->month, &m->from, &m->to)
		    != 0)
			return CORE_ERR("error.metrics.period", NULL);
	}
	out->from = out->months[0].from;
	out->to = out->months[p->nmonths - 1].to;
	out->total.year = p->year;
	out->total.month = p->month;
	out->total.from = out->from;
	out->total.to = out->to;
	if (metrics_accounts_load(db, &acc) != 0 ||
	    metrics_members(db, out, p->now, &acc) != 0 ||
	    metrics_forums(db, out) != 0 ||
	    metrics_events(db, out, p->now) != 0 ||
	    metrics_mentoring(db, out) != 0 ||
	    metrics_messages(db, out) != 0 ||
	    metrics_event_places(db, out, p->now) != 0 ||
	    metrics_organisations(db, out, p->now) != 0 ||
	    metrics_surveys(db, out, p->now, p->lang, &acc) != 0 ||
	    metrics_breakdowns(db, out) != 0) {
		metrics_accounts_free(&acc);
		return CORE_ERR("error.internal", NULL);
	}
	metrics_accounts_free(&acc);
	return CORE_OK;
}

void
metrics_report_free(struct metrics_report *r)
{
	free(r->months);
	free(r->elderships);
	free(r->orgs);
	free(r->surveys);
	free(r->by_lang.v);
	free(r->by_eldership.v);
	free(r->by_role.v);
	memset(r, 0, sizeof *r);
}

double
metrics_share(int64_t part, int64_t whole)
{
	return whole > 0 ? 100.0 * (double)part / (double)whole : 0.0;
}

void
metrics_delay_add(struct metrics_delays *d, int64_t s)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->v = xreallocarray(d->v, d->cap, sizeof *d->v);
	}
	d->v[d->n++] = s;
}

static int
delay_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

int64_t
metrics_median(struct metrics_delays *d)
{
	int64_t lo, hi;

	if (d->n == 0)
		return -1;
	qsort(d->v, d->n, sizeof *d->v, delay_cmp);
	hi = d->v[d->n / 2];
	lo = d->n % 2 ? hi : d->v[d->n / 2 - 1];
	return lo + (hi - lo) / 2;
}

void
metrics_delays_free(struct metrics_delays *d)
{
	free(d->v);
	memset(d, 0, sizeof *d);
}

int
metrics_row(sqlite3_stmt *st, int64_t a, int64_t b, int64_t *out, int n)
{
	int rc;

	assert(n <= sqlite3_column_count(st));
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	rc = sqlite3_step(st);
	for (int i = 0; i < n; i++)
		out[i] = rc == SQLITE_ROW ? sqlite3_column_int64(st, i) : 0;
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int64_t
metrics_until(const struct metrics_month *m, int64_t now)
{
	return now < m->to ? now : m->to;
}
