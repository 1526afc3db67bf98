/* bench/bench-db: the database benchmarks' shared helpers (bench-db.h). */
#include "bench/bench-db.h"

#include "core/db.h"

#include <assert.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int
bench_open(char *dir, struct db **db)
{
	char path[128], err[256];

	if (mkdtemp(dir) == NULL) {
		perror(dir);
		return -1;
	}
	snprintf(path, sizeof path, "%s/tinklas.db", dir);
	if (db_open(path, db, err, sizeof err) != 0) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

static int
rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	return remove(p);
}

void
bench_close(char *dir, struct db *db)
{
	db_close(db);
	if (getenv("BENCH_KEEP") != NULL)
		printf("database kept in %s\n", dir);
	else
		nftw(dir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
}

void
bench_exec(struct db *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db->h, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "bench: %s: %s\n", sql, err);
		exit(1);
	}
}

sqlite3_stmt *
bench_prep(struct db *db, const char *sql)
{
	sqlite3_stmt *st = db_prepare(db, sql);

	if (st == NULL)
		exit(1);
	return st;
}

void
bench_done(sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE) {
		fprintf(stderr, "bench: %s\n",
		    sqlite3_errmsg(sqlite3_db_handle(st)));
		exit(1);
	}
	sqlite3_reset(st);
}

uint32_t
bench_rnd(uint32_t n)
{
	static uint64_t rng = 0x9e3779b97f4a7c15ULL;

	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % n);
}

double
bench_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

double
bench_report(const char *what, int width, int decimals,
    struct bench_timing *t, double target)
{
	double p99;

	assert(t->n > 0 && t->n <= BENCH_RUNS_MAX);
	qsort(t->v, (size_t)t->n, sizeof t->v[0], cmp);
	p99 = t->v[t->n * 99 / 100];
	printf("  %-*s p50 %8.*f  p99 %8.*f ms", width, what, decimals,
	    t->v[t->n / 2], decimals, p99);
	if (target > 0)
		printf("   target p99 <= %g ms %s", target,
		    p99 <= target ? "ok" : "MISSED");
	printf("\n");
	return p99;
}
