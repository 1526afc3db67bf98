/* Small helpers for the statements every domain runs: a page of rows, a
 * statement with integer parameters, one integer answer. */
#include "core/db-internal.h"

int
db_page_step(sqlite3_stmt *st, size_t n, int limit, bool *more)
{
	int rc;

	if ((rc = sqlite3_step(st)) == SQLITE_ROW && n == (size_t)limit) {
		*more = true;
		return SQLITE_DONE;
	}
	return rc;
}

int
db_exec_ints(struct db *db, const char *sql, int64_t a, int64_t b, int64_t c)
{
	sqlite3_stmt *st;
	int n;

	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	n = sqlite3_bind_parameter_count(st);
	if (n >= 1)
		sqlite3_bind_int64(st, 1, a);
	if (n >= 2)
		sqlite3_bind_int64(st, 2, b);
	if (n >= 3)
		sqlite3_bind_int64(st, 3, c);
	return db_step_done(st) == SQLITE_DONE ? 0 : -1;
}

int
db_exec_steps(struct db *db, const char *const *sql, size_t n, int64_t a)
{
	for (size_t i = 0; i < n; i++)
		if (db_exec_ints(db, sql[i], a, 0, 0) != 0)
			return -1;
	return 0;
}

int64_t
db_scalar(struct db *db, const char *sql, int64_t a, int64_t b,
    int64_t fallback)
{
	sqlite3_stmt *st;
	int64_t v = fallback;
	int n;

	if ((st = db_prepare(db, sql)) == NULL)
		return fallback;
	n = sqlite3_bind_parameter_count(st);
	if (n >= 1)
		sqlite3_bind_int64(st, 1, a);
	if (n >= 2)
		sqlite3_bind_int64(st, 2, b);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}
