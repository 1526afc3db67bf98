/* Live sessions per account. A connection process that dies without
 * calling session_end leaves a row behind; rows whose pid no longer exists
 * are pruned whenever an account's sessions are counted. */
#include "core/sessions.h"
#include "core/db-internal.h"
#include "common/xalloc.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>

static int	prune_and_count(struct db *, int64_t);
static int	insert_row(struct db *, int64_t, pid_t, const char *);

int
session_begin(struct db *db, int64_t account_id, pid_t pid,
    const char *source, int max)
{
	int n;

	if (db_begin(db) != 0)
		return -1;
	if ((n = prune_and_count(db, account_id)) < 0)
		goto fail;
	if (n >= max) {
		db_rollback(db);
		return SESSION_FULL;
	}
	if (insert_row(db, account_id, pid, source) != 0)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return -1;
}

int
session_take_oldest(struct db *db, int64_t account_id, pid_t pid,
    const char *source, int max, pid_t *ended)
{
	sqlite3_stmt *st;
	int n, rc;

	*ended = 0;
	if (db_begin(db) != 0)
		return -1;
	if ((n = prune_and_count(db, account_id)) < 0)
		goto fail;
	if (n >= max) {
		st = db_prepare(db, "SELECT pid FROM sessions WHERE "
		    "account_id = ?1 ORDER BY started, rowid LIMIT 1");
		if (st == NULL)
			goto fail;
		sqlite3_bind_int64(st, 1, account_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			*ended = (pid_t)sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		if (*ended <= 0)
			goto fail;
		session_end(db, *ended);
		n--;
	}
	if (n >= max) {
		rc = db_commit(db);
		return rc != 0 ? -1 : SESSION_FULL;
	}
	if (insert_row(db, account_id, pid, source) != 0)
		goto fail;
	return db_commit(db);
fail:
	*ended = 0;
	db_rollback(db);
	return -1;
}

/* A reused pid replaces the dead process's row. Returns 0 or -1. */
static int
insert_row(struct db *db, int64_t account_id, pid_t pid, const char *source)
{
	sqlite3_stmt *st;

	st = db_prepare(db, "INSERT OR REPLACE INTO sessions (pid, "
	    "account_id, source, started) VALUES (?1, ?2, ?3, ?4)");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, pid);
	sqlite3_bind_int64(st, 2, account_id);
	db_bind_text(st, 3, source != NULL ? source : "");
	sqlite3_bind_int64(st, 4, db_now());
	return db_step_done(st) == SQLITE_DONE ? 0 : -1;
}

void
session_end(struct db *db, pid_t pid)
{
	sqlite3_stmt *st;

	if ((st = db_prepare(db, "DELETE FROM sessions WHERE pid = ?1")) ==
	    NULL)
		return;
	sqlite3_bind_int64(st, 1, pid);
	db_step_done(st);
}

int
session_count(struct db *db, int64_t account_id)
{
	int n;

	if (db_begin(db) != 0)
		return -1;
	if ((n = prune_and_count(db, account_id)) < 0 || db_commit(db) != 0) {
		db_rollback(db);
		return -1;
	}
	return n;
}

/* Inside a write transaction: deletes the account's rows whose process is
 * gone and returns how many remain, or -1. The dead pids are collected
 * first, so the table does not change under the running SELECT. */
static int
prune_and_count(struct db *db, int64_t account_id)
{
	sqlite3_stmt *st;
	int64_t *dead = NULL, pid;
	int n = 0, ndead = 0, i, rc;

	st = db_prepare(db, "SELECT pid FROM sessions WHERE account_id = ?1");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pid = sqlite3_column_int64(st, 0);
		if (pid > 0 && (kill((pid_t)pid, 0) == 0 || errno == EPERM))
			n++;
		else {
			dead = xrealloc(dead, (ndead + 1) * sizeof *dead);
			dead[ndead++] = pid;
		}
	}
	sqlite3_finalize(st);
	for (i = 0; rc == SQLITE_DONE && i < ndead; i++) {
		st = db_prepare(db, "DELETE FROM sessions WHERE pid = ?1");
		if (st == NULL)
			rc = SQLITE_ERROR;
		else {
			sqlite3_bind_int64(st, 1, dead[i]);
			rc = db_step_done(st);
		}
	}
	free(dead);
	return rc == SQLITE_DONE ? n : -1;
}

/* Counts the table's rows as they are (guests are not recorded here). */
int
session_totals(struct db *db, int *members, int *guests)
{
	int64_t n = db_scalar(db, "SELECT count(*) FROM sessions", 0, 0, -1);

	if (n < 0)
		return -1;
	*members = (int)n;
	*guests = 0;
	return 0;
}
