/* bench/bench-db: what the database benchmarks (bench/calendar, directory,
 * forums, metrics) share: a database in a temporary folder, SQL that ends
 * the benchmark when it fails (a bench has nothing to recover), a seeded
 * random number, the clock and the p50/p99 line of a timing. */
#ifndef BENCH_BENCH_DB_H
#define BENCH_BENCH_DB_H

#include "core/db-internal.h"

#include <stdint.h>

#define BENCH_RUNS_MAX	300	/* the most runs a timing holds */

struct bench_timing {
	double	 v[BENCH_RUNS_MAX];
	int	 n;
};

/* Makes the temporary folder of dir (a mkdtemp template, changed in place)
 * and opens dir/tinklas.db in *db; -1, said on stderr, when it cannot. */
int	 bench_open(char *dir, struct db **db);
/* Closes db and removes dir, unless BENCH_KEEP is set (to look at query
 * plans): then it says where the database is. */
void	 bench_close(char *dir, struct db *db);

/* SQL, prepared statements and a step to SQLITE_DONE (then reset); each
 * exits on failure. */
void	 bench_exec(struct db *db, const char *sql);
sqlite3_stmt *bench_prep(struct db *db, const char *sql);
void	 bench_done(sqlite3_stmt *st);

/* A pseudo-random number below n (xorshift64, the same sequence in every
 * run, so that two runs build the same data). */
uint32_t bench_rnd(uint32_t n);

/* A monotonic clock in milliseconds. */
double	 bench_now_ms(void);

/* Sorts t and prints "  what p50 ... p99 ... ms", what in width columns
 * and the times with decimals places, with "target p99 <= target ms ok"
 * (or MISSED) when target > 0; returns the p99 (nearest rank). */
double	 bench_report(const char *what, int width, int decimals,
	    struct bench_timing *t, double target);

#endif
