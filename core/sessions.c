/* Live sessions. A connection process that dies without calling
 * session_end leaves a row behind; a row is live while its pid runs the
 * process that started when the row says (so a pid the kernel gave to a
 * later process does not keep a dead session alive), and dead rows are
 * pruned whenever the table is read. */
#include "core/sessions.h"
#include "core/actor.h"
#include "core/db-internal.h"
#include "common/procstat.h"
#include "common/xalloc.h"

#include <assert.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[] = { "member", "guest", "register" };

static int	prune(struct db *);
static int	count_live(struct db *, int64_t);
static int	insert_row(struct db *, enum session_kind, int64_t, pid_t,
		    const char *);
static bool	row_live(int64_t, int64_t);

int
session_begin(struct db *db, int64_t account_id, pid_t pid,
    const char *source, int max)
{
	int n;

	assert(account_id > 0);
	if (db_begin(db) != 0)
		return -1;
	if (prune(db) != 0 || (n = count_live(db, account_id)) < 0)
		goto fail;
	if (n >= max) {
		db_rollback(db);
		return SESSION_FULL;
	}
	if (insert_row(db, SESSION_MEMBER, account_id, pid, source) != 0)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return -1;
}

int
session_begin_guest(struct db *db, enum session_kind kind, pid_t pid,
    const char *source)
{
	assert(kind == SESSION_GUEST || kind == SESSION_REGISTER);
	if (db_begin(db) != 0)
		return -1;
	if (insert_row(db, kind, 0, pid, source) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
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
	if (prune(db) != 0 || (n = count_live(db, account_id)) < 0)
		goto fail;
	if (n >= max) {
		st = db_prepare(db, "SELECT pid FROM sessions WHERE "
		    "account_id = ?1 ORDER BY started, id LIMIT 1");
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
	if (insert_row(db, SESSION_MEMBER, account_id, pid, source) != 0)
		goto fail;
	return db_commit(db);
fail:
	*ended = 0;
	db_rollback(db);
	return -1;
}

/* A reused pid replaces the dead process's row (pid is unique). A pid
 * that is gone already gets start time -1: the row is dead at once.
 * Returns 0 or -1. */
static int
insert_row(struct db *db, enum session_kind kind, int64_t account_id,
    pid_t pid, const char *source)
{
	sqlite3_stmt *st;
	int64_t now = db_now();

	st = db_prepare(db, "INSERT OR REPLACE INTO sessions (pid, starttime, "
	    "kind, account_id, source, started, active) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?6)");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, pid);
	sqlite3_bind_int64(st, 2, proc_starttime(pid));
	sqlite3_bind_text(st, 3, kind_names[kind], -1, SQLITE_STATIC);
	if (account_id > 0)
		sqlite3_bind_int64(st, 4, account_id);
	else
		sqlite3_bind_null(st, 4);
	db_bind_text(st, 5, source != NULL ? source : "");
	sqlite3_bind_int64(st, 6, now);
	return db_step_done(st) == SQLITE_DONE ? 0 : -1;
}

void
session_end(struct db *db, pid_t pid)
{
	db_exec_ints(db, "DELETE FROM sessions WHERE pid = ?1", pid, 0, 0);
}

int
session_recover(struct db *db)
{
	int n = -1;

	if (db_begin(db) != 0)
		return -1;
	if (prune(db) == 0)
		n = (int)db_scalar(db, "SELECT count(*) FROM sessions", 0, 0,
		    -1);
	if (n < 0 || db_commit(db) != 0) {
		db_rollback(db);
		return -1;
	}
	return n;
}

int
session_count(struct db *db, int64_t account_id)
{
	int n;

	if (db_begin(db) != 0)
		return -1;
	if (prune(db) != 0 || (n = count_live(db, account_id)) < 0 ||
	    db_commit(db) != 0) {
		db_rollback(db);
		return -1;
	}
	return n;
}

int64_t
session_id_of(struct db *db, pid_t pid)
{
	sqlite3_stmt *st;
	int64_t id = 0;

	st = db_prepare(db, "SELECT id, starttime FROM sessions WHERE "
	    "pid = ?1");
	if (st == NULL)
		return 0;
	sqlite3_bind_int64(st, 1, pid);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    row_live(pid, sqlite3_column_int64(st, 1)))
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

int
session_where(struct db *db, int64_t id, const char *part)
{
	sqlite3_stmt *st;
	char code[SESSION_PART_MAX + 1];

	snprintf(code, sizeof code, "%s", part);
	st = db_prepare(db, "UPDATE sessions SET part = ?2, active = ?3 "
	    "WHERE id = ?1");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, code);
	sqlite3_bind_int64(st, 3, db_now());
	return db_step_done(st) == SQLITE_DONE ? 0 : -1;
}

int
session_touch(struct db *db, int64_t id)
{
	return db_exec_ints(db, "UPDATE sessions SET active = ?2 WHERE "
	    "id = ?1", id, db_now(), 0);
}

int
session_login(struct db *db, int64_t id, int64_t account_id)
{
	return db_exec_ints(db, "UPDATE sessions SET kind = 'member', "
	    "account_id = ?2 WHERE id = ?1", id, account_id, 0);
}

int
session_totals(struct db *db, int *members, int *guests, int *sessions)
{
	sqlite3_stmt *st;
	int rc, all = 0;

	*members = *guests = 0;
	if (db_begin(db) != 0)
		return -1;
	if (prune(db) != 0)
		goto fail;
	st = db_prepare(db, "SELECT count(DISTINCT account_id), "
	    "count(*) FILTER (WHERE kind != 'member'), count(*) FROM sessions");
	if (st == NULL)
		goto fail;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*members = sqlite3_column_int(st, 0);
		*guests = sqlite3_column_int(st, 1);
		all = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW || db_commit(db) != 0)
		goto fail;
	if (sessions != NULL)
		*sessions = all;
	return 0;
fail:
	*members = *guests = 0;
	if (sessions != NULL)
		*sessions = 0;
	db_rollback(db);
	return -1;
}

static enum session_kind
kind_of(const char *s)
{
	return strcmp(s, "guest") == 0 ? SESSION_GUEST :
	    strcmp(s, "register") == 0 ? SESSION_REGISTER : SESSION_MEMBER;
}

static const char *
text_col(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	return s != NULL ? (const char *)s : "";
}

int
session_each(struct db *db, int (*fn)(const struct session_info *, void *),
    void *arg)
{
	sqlite3_stmt *st;
	struct session_info s;
	int n = 0, rc;

	if (db_begin(db) != 0)
		return -1;
	if (prune(db) != 0 || db_commit(db) != 0) {
		db_rollback(db);
		return -1;
	}
	st = db_prepare(db, "SELECT s.id, s.pid, s.kind, "
	    "coalesce(s.account_id, 0), coalesce(a.name, ''), "
	    "coalesce(a.display, ''), s.part, s.source, s.started, s.active "
	    "FROM sessions s LEFT JOIN accounts a ON a.id = s.account_id "
	    "ORDER BY s.started, s.id");
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s = (struct session_info){
			.id = sqlite3_column_int64(st, 0),
			.pid = (pid_t)sqlite3_column_int64(st, 1),
			.kind = kind_of(text_col(st, 2)),
			.account_id = sqlite3_column_int64(st, 3),
			.name = text_col(st, 4),
			.display = text_col(st, 5),
			.part = text_col(st, 6),
			.source = text_col(st, 7),
			.started = sqlite3_column_int64(st, 8),
			.active = sqlite3_column_int64(st, 9),
		};
		n++;
		if (fn(&s, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? n : -1;
}

int
session_stop(struct db *db, const struct actor *a, int64_t id)
{
	sqlite3_stmt *st;
	int64_t pid = 0, start = -1, account = 0;
	char detail[32];
	int rc;

	if (a->guest || (a->role != ROLE_MODERATOR && a->role != ROLE_ADMIN))
		return SESSION_DENIED;
	if (db_begin(db) != 0)
		return -1;
	st = db_prepare(db, "SELECT pid, starttime, coalesce(account_id, 0) "
	    "FROM sessions WHERE id = ?1");
	if (st == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pid = sqlite3_column_int64(st, 0);
		start = sqlite3_column_int64(st, 1);
		account = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		goto fail;
	if (pid <= 0 || !row_live(pid, start) ||
	    kill((pid_t)pid, SIGUSR1) != 0) {
		/* Gone, or (never) someone else's process: only the row goes. */
		if (pid > 0)
			db_exec_ints(db, "DELETE FROM sessions WHERE id = ?1", id,
			    0, 0);
		return db_commit(db) == 0 ? SESSION_GONE : -1;
	}
	if (account > 0)
		snprintf(detail, sizeof detail, "account %lld",
		    (long long)account);
	else
		snprintf(detail, sizeof detail, "guest");
	if (db_exec_ints(db, "DELETE FROM sessions WHERE id = ?1", id, 0,
	    0) != 0 || db_audit(db, a, "session", id, "session.end",
	    detail) != NULL)
		goto fail;
	return db_commit(db) == 0 ? 0 : -1;
fail:
	db_rollback(db);
	return -1;
}

int
session_end_account(struct db *db, int64_t account_id, int64_t except)
{
	sqlite3_stmt *st;
	int n = 0, rc;

	assert(account_id > 0);
	if (db_begin(db) != 0)
		return -1;
	st = db_prepare(db, "SELECT pid, starttime FROM sessions "
	    "WHERE account_id = ?1 AND id != ?2");
	if (st == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, account_id);
	sqlite3_bind_int64(st, 2, except);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t pid = sqlite3_column_int64(st, 0);

		if (pid > 0 && row_live(pid, sqlite3_column_int64(st, 1)) &&
		    kill((pid_t)pid, SIGUSR1) == 0)
			n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || db_exec_ints(db, "DELETE FROM sessions "
	    "WHERE account_id = ?1 AND id != ?2", account_id, except, 0) != 0)
		goto fail;
	return db_commit(db) == 0 ? n : -1;
fail:
	db_rollback(db);
	return -1;
}

/* Whether the row's process still runs: the pid exists and started when
 * the row says (a reused pid started later). */
static bool
row_live(int64_t pid, int64_t starttime)
{
	return pid > 0 && starttime >= 0 &&
	    proc_starttime((pid_t)pid) == starttime;
}

/* The account's rows, live after prune. Returns their number or -1. */
static int
count_live(struct db *db, int64_t account_id)
{
	return (int)db_scalar(db, "SELECT count(*) FROM sessions WHERE "
	    "account_id = ?1", account_id, 0, -1);
}

/* Inside a write transaction: deletes every dead row. The dead ids are
 * collected first, so the table does not change under the running
 * SELECT. Returns 0 or -1. */
static int
prune(struct db *db)
{
	sqlite3_stmt *st;
	int64_t *dead = NULL;
	int ndead = 0, cap = 0, i, rc;

	st = db_prepare(db, "SELECT id, pid, starttime FROM sessions");
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (row_live(sqlite3_column_int64(st, 1),
		    sqlite3_column_int64(st, 2)))
			continue;
		if (ndead == cap) {
			cap = cap == 0 ? 8 : cap * 2;
			dead = xreallocarray(dead, (size_t)cap, sizeof *dead);
		}
		dead[ndead++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	for (i = 0; rc == SQLITE_DONE && i < ndead; i++)
		if (db_exec_ints(db, "DELETE FROM sessions WHERE id = ?1",
		    dead[i], 0, 0) != 0)
			rc = SQLITE_ERROR;
	free(dead);
	return rc == SQLITE_DONE ? 0 : -1;
}
