/* Upkeep of the database file for `tinklas admin check`, `status` and
 * `vacuum`:
 * SQLite's own integrity check and the foreign-key check (which finds
 * rows whose parent is gone, as a file written with foreign keys off
 * could hold), and VACUUM, which gives free pages back to the disk. */
#include "core/db.h"
#include "core/db-internal.h"

#include <stdio.h>
#include <string.h>

/* Calls fn with each row's problem of the pragma sql, made by line from
 * the row; the count, or -1. */
static int
each_problem(struct db *db, const char *sql,
    void (*line)(sqlite3_stmt *, char *, size_t),
    void (*fn)(const char *, void *), void *arg)
{
	sqlite3_stmt *st;
	char buf[512];
	int n = 0, rc;

	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		line(st, buf, sizeof buf);
		if (buf[0] == '\0')
			continue;
		fn(buf, arg);
		n++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? n : -1;
}

/* integrity_check says "ok" alone when all is well. */
static void
integrity_line(sqlite3_stmt *st, char *buf, size_t sz)
{
	const char *s = (const char *)sqlite3_column_text(st, 0);

	snprintf(buf, sz, "%s", s == NULL || strcmp(s, "ok") == 0 ? "" : s);
}

/* foreign_key_check: table, rowid, parent table, constraint index. */
static void
foreign_line(sqlite3_stmt *st, char *buf, size_t sz)
{
	snprintf(buf, sz, "%s row %lld refers to a missing row of %s",
	    (const char *)sqlite3_column_text(st, 0),
	    (long long)sqlite3_column_int64(st, 1),
	    (const char *)sqlite3_column_text(st, 2));
}

int
db_check(struct db *db, void (*fn)(const char *problem, void *arg),
    void *arg)
{
	int a, b;

	if ((a = each_problem(db, "PRAGMA integrity_check", integrity_line,
	    fn, arg)) < 0)
		return -1;
	if ((b = each_problem(db, "PRAGMA foreign_key_check", foreign_line,
	    fn, arg)) < 0)
		return -1;
	return a + b;
}

int
db_quick_check(struct db *db, void (*fn)(const char *problem, void *arg),
    void *arg)
{
	return each_problem(db, "PRAGMA quick_check", integrity_line, fn, arg);
}

int
db_vacuum(struct db *db, char *err, size_t errsz)
{
	if (sqlite3_exec(db->h, "VACUUM", NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(err, errsz, "vacuum failed: %s",
		    sqlite3_errmsg(db->h));
		return -1;
	}
	return 0;
}
