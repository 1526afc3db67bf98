/* The database: migrations reach the latest version, reopening changes
 * nothing, the connection settings hold, constraints bite, backups work. */
#include "core/db.h"
#include "core/db-internal.h"
#include "core/domain.h"
#include "tests/unit/fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

static int
setup(void **state)
{
	*state = tdb_new(sizeof(struct tdb), "db");
	return 0;
}

/* The first row of a one-value query as text, in buf. */
static const char *
query_text(struct db *db, const char *sql, char *buf, size_t sz)
{
	sqlite3_stmt *st = db_prepare(db, sql);

	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(buf, sz, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

static int
exec_rc(struct db *db, const char *sql)
{
	return sqlite3_exec(db->h, sql, NULL, NULL, NULL);
}

/* Every domain is at its last step. */
static void
assert_all_current(struct db *db)
{
	int i;

	for (i = 0; i < ndomains; i++)
		assert_int_equal(domain_version(db, domains[i]->name),
		    domains[i]->nmigrations);
}

static void
test_fresh_reaches_latest(void **state)
{
	struct tdb *f = *state;
	char buf[64];

	assert_true(ndomains >= 1);
	assert_all_current(f->db);
	assert_string_equal(query_text(f->db, "SELECT count(*) FROM "
	    "sqlite_schema WHERE name IN ('accounts', 'ssh_keys', 'audit', "
	    "'sessions')", buf, sizeof buf), "4");
}

static void
test_settings(void **state)
{
	struct tdb *f = *state;
	char buf[64];

	assert_string_equal(query_text(f->db, "PRAGMA journal_mode", buf,
	    sizeof buf), "wal");
	assert_string_equal(query_text(f->db, "PRAGMA foreign_keys", buf,
	    sizeof buf), "1");
	assert_string_equal(query_text(f->db, "PRAGMA busy_timeout", buf,
	    sizeof buf), "5000");
	/* NORMAL is 1. */
	assert_string_equal(query_text(f->db, "PRAGMA synchronous", buf,
	    sizeof buf), "1");
	assert_string_equal(query_text(f->db, "PRAGMA cache_size", buf,
	    sizeof buf), "-256");
}

static void
test_reopen_is_noop(void **state)
{
	struct tdb *f = *state;
	char err[256], buf[64];

	assert_int_equal(exec_rc(f->db, "INSERT INTO audit (at, actor_id, "
	    "action) VALUES (1, 0, 'test.mark')"), SQLITE_OK);
	db_close(f->db);
	assert_int_equal(db_open(f->path, &f->db, err, sizeof err), 0);
	assert_all_current(f->db);
	assert_string_equal(query_text(f->db, "SELECT action FROM audit",
	    buf, sizeof buf), "test.mark");
}

static void
test_newer_schema_refused(void **state)
{
	struct tdb *f = *state;
	struct db *db2;
	char err[256];

	assert_int_equal(exec_rc(f->db, "PRAGMA user_version = 999"),
	    SQLITE_OK);
	assert_int_equal(db_open(f->path, &db2, err, sizeof err), -1);
	assert_null(db2);
	assert_non_null(strstr(err, "newer"));
}

static void
test_constraints(void **state)
{
	struct tdb *f = *state;

	/* A key for an account that does not exist: foreign keys are on. */
	assert_int_equal(exec_rc(f->db, "INSERT INTO ssh_keys (account_id, "
	    "type, blob, fingerprint, created) VALUES (999, 't', 'b', 'f', 0)"),
	    SQLITE_CONSTRAINT_FOREIGNKEY);
	assert_int_equal(exec_rc(f->db, "INSERT INTO accounts (name, display, "
	    "pwhash, created) VALUES ('ruta', 'R', 'x', 0)"), SQLITE_OK);
	/* Names are unique without regard to case. */
	assert_int_equal(exec_rc(f->db, "INSERT INTO accounts (name, display, "
	    "pwhash, created) VALUES ('RUTA', 'R', 'x', 0)"),
	    SQLITE_CONSTRAINT_UNIQUE);
	assert_int_equal(exec_rc(f->db, "INSERT INTO accounts (name, display, "
	    "pwhash, role, created) VALUES ('jonas', 'J', 'x', 'king', 0)"),
	    SQLITE_CONSTRAINT_CHECK);
}

static void
test_backup(void **state)
{
	struct tdb *f = *state;
	struct db *copy;
	char *dest, err[256], buf[64];

	assert_int_equal(exec_rc(f->db, "INSERT INTO audit (at, actor_id, "
	    "action) VALUES (1, 0, 'before.backup')"), SQLITE_OK);
	assert_true(asprintf(&dest, "%s/copy 'quoted'.db", f->dir) > 0);
	assert_int_equal(db_backup(f->db, dest, err, sizeof err), 0);
	/* A second backup to the same file is refused, not overwritten. */
	assert_int_equal(db_backup(f->db, dest, err, sizeof err), -1);
	assert_int_equal(db_open(dest, &copy, err, sizeof err), 0);
	assert_string_equal(query_text(copy, "SELECT action FROM audit",
	    buf, sizeof buf), "before.backup");
	assert_string_equal(query_text(copy, "PRAGMA integrity_check",
	    buf, sizeof buf), "ok");
	db_close(copy);
	free(dest);
}

static void
count_problem(const char *problem, void *arg)
{
	char *last = arg;

	snprintf(last, 256, "%s", problem);
}

/* The checks find nothing on a sound database, and a row whose parent is
 * gone (written with foreign keys off) is named; VACUUM keeps the rows. */
static void
test_check_and_vacuum(void **state)
{
	struct tdb *f = *state;
	char last[256] = "", err[256], buf[64];

	assert_int_equal(db_check(f->db, count_problem, last), 0);
	assert_string_equal(last, "");
	assert_int_equal(exec_rc(f->db, "PRAGMA foreign_keys = OFF"),
	    SQLITE_OK);
	assert_int_equal(exec_rc(f->db, "INSERT INTO ssh_keys (account_id, "
	    "type, blob, fingerprint, created) VALUES (999, 't', 'b', 'f', 0)"),
	    SQLITE_OK);
	assert_int_equal(db_check(f->db, count_problem, last), 1);
	assert_non_null(strstr(last, "ssh_keys row"));
	assert_non_null(strstr(last, "missing row of accounts"));
	assert_int_equal(exec_rc(f->db, "DELETE FROM ssh_keys"), SQLITE_OK);
	assert_int_equal(exec_rc(f->db, "INSERT INTO audit (at, actor_id, "
	    "action) VALUES (1, 0, 'before.vacuum')"), SQLITE_OK);
	assert_int_equal(db_vacuum(f->db, err, sizeof err), 0);
	assert_string_equal(query_text(f->db, "SELECT action FROM audit",
	    buf, sizeof buf), "before.vacuum");
	assert_int_equal(db_check(f->db, count_problem, last), 0);
}

/* Several processes opening a new database at once: each migration step
 * runs once, and every process gets a working connection. */
static void
test_concurrent_first_open(void **state)
{
	struct tdb *f = *state;
	char *path, err[256], buf[64];
	struct db *db;
	pid_t pids[6];
	int i, status;

	assert_true(asprintf(&path, "%s/fresh.db", f->dir) > 0);
	for (i = 0; i < 6; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0) {
			if (db_open(path, &db, err, sizeof err) != 0) {
				fprintf(stderr, "db_open: %s\n", err);
				_exit(1);
			}
			status = sqlite3_exec(db->h, "INSERT INTO audit (at, "
			    "actor_id, action) VALUES (1, 0, 'x')", NULL, NULL,
			    NULL);
			db_close(db);
			_exit(status == SQLITE_OK ? 0 : 2);
		}
	}
	for (i = 0; i < 6; i++) {
		assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	assert_int_equal(db_open(path, &db, err, sizeof err), 0);
	assert_all_current(db);
	assert_string_equal(query_text(db, "SELECT count(*) FROM audit", buf,
	    sizeof buf), "6");
	db_close(db);
	free(path);
}

static void
test_open_fails_cleanly(void **state)
{
	struct db *db;
	char err[256] = "";

	(void)state;
	assert_int_equal(db_open("/nonexistent-dir/x/tinklas.db", &db, err,
	    sizeof err), -1);
	assert_null(db);
	assert_true(err[0] != '\0');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fresh_reaches_latest,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_settings, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_reopen_is_noop, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_refused,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_constraints, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_check_and_vacuum, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_backup, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_concurrent_first_open,
		    setup, tdb_teardown),
		cmocka_unit_test(test_open_fails_cleanly),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
