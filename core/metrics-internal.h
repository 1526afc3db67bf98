/* What the files of the metrics (core/metrics-*.c) share: one function
 * per area filling its part of a report whose months are laid out, the
 * delays a median is taken of, and a counting step. */
#ifndef TINKLAS_METRICS_INTERNAL_H
#define TINKLAS_METRICS_INTERNAL_H

#include "core/db-internal.h"
#include "core/metrics.h"

#include <stddef.h>
#include <stdint.h>

/* The occurrences held in [?1, ?2), o being cal_occurrences: published,
 * not cancelled, ended in it; an occurrence lasts at most CAL_DAYS_MAX
 * (14) days, so it started at most that long before (asserted in
 * core/metrics-events.c). */
#define METRICS_HELD \
	"o.start_utc >= ?1 - 1209600 AND o.start_utc < ?2 " \
	"AND o.end_utc >= ?1 AND o.end_utc < ?2 AND o.cancelled = 0 " \
	"AND o.state = 1"
/* The events with an occurrence held in [?1, ?2). */
#define METRICS_EVENTS_HELD \
	"SELECT DISTINCT o.event_id FROM cal_occurrences o WHERE " METRICS_HELD

/* Seconds, for a median. */
struct metrics_delays {
	int64_t		*v;
	size_t		 n, cap;
};

void	metrics_delay_add(struct metrics_delays *d, int64_t s);
/* The median of d (the mean of the two middle ones, rounded down, for
 * an even count), or -1 when d is empty; sorts d. */
int64_t	metrics_median(struct metrics_delays *d);
void	metrics_delays_free(struct metrics_delays *d);
/* Binds ?1 and ?2 and steps st for one row of integers: columns 0 to
 * n - 1 into out (NULL as 0); resets st. 0 or -1. */
int	metrics_row(sqlite3_stmt *st, int64_t a, int64_t b, int64_t *out,
	    int n);
/* The end of what has happened in month m: its end, or now. */
int64_t	metrics_until(const struct metrics_month *m, int64_t now);

/* The registration times of all accounts and of the erased, sorted. */
struct metrics_accounts {
	int64_t		*created, *erased;
	size_t		 n, nerased;
};

int	metrics_accounts_load(struct db *db, struct metrics_accounts *acc);
void	metrics_accounts_free(struct metrics_accounts *acc);
/* The members at instant t: registered before it, not erased. */
int64_t	metrics_members_at(const struct metrics_accounts *acc, int64_t t);

/* Each area: 0 or -1. r->months (with bounds) is laid out; each fills
 * its fields of every month and of r->total. */
int	metrics_members(struct db *db, struct metrics_report *r, int64_t now,
	    const struct metrics_accounts *acc);
int	metrics_forums(struct db *db, struct metrics_report *r);
int	metrics_events(struct db *db, struct metrics_report *r, int64_t now);
int	metrics_mentoring(struct db *db, struct metrics_report *r);
int	metrics_messages(struct db *db, struct metrics_report *r);
/* The period's events as one: accessibility, elderships, organisations. */
int	metrics_event_places(struct db *db, struct metrics_report *r,
	    int64_t now);
int	metrics_organisations(struct db *db, struct metrics_report *r,
	    int64_t now);
/* The period's surveys, their titles in lang first. */
int	metrics_surveys(struct db *db, struct metrics_report *r, int64_t now,
	    const char *lang, const struct metrics_accounts *acc);
/* The members at the period's end by language, eldership and role. */
int	metrics_breakdowns(struct db *db, struct metrics_report *r);

#endif
