/* Opening, configuring and migrating the SQLite database, plus the small
 * helpers the other core modules share (db-internal.h). */
#include "core/db.h"
#include "core/db-internal.h"
#include "core/domain.h"
#include "common/clock.h"
#include "common/log.h"
#include "common/xalloc.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Settings applied to every connection. busy_timeout comes first so that
 * switching to WAL waits for other processes instead of failing. */
static const char *const db_pragmas[] = {
	"PRAGMA busy_timeout = 5000",
	"PRAGMA synchronous = NORMAL",
	"PRAGMA foreign_keys = ON",
	"PRAGMA cache_size = -256",
	"PRAGMA trusted_schema = OFF",
	/* A deleted row's bytes are wiped, not left in its page: a survey's
	 * unfinished answers, linked to the account, are deleted when the
	 * anonymous answer is sent (Debian builds SQLite so by default; this
	 * keeps it so on any build). */
	"PRAGMA secure_delete = ON",
};

static int	db_configure(struct db *, char *, size_t);
static int	db_migrate(struct db *, char *, size_t);
static int	db_user_version(struct db *);

int
db_open(const char *path, struct db **out, char *err, size_t errsz)
{
	struct db *db;
	int rc;

	*out = NULL;
	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	rc = sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errsz, "cannot open %s: %s", path,
		    db->h != NULL ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
		db_close(db);
		return -1;
	}
	sqlite3_extended_result_codes(db->h, 1);
	if (db_configure(db, err, errsz) != 0 ||
	    db_migrate(db, err, errsz) != 0) {
		db_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	sqlite3_close_v2(db->h);
	free(db->path);
	free(db);
}

int
db_backup(struct db *db, const char *dest, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = db_prepare(db, "VACUUM INTO ?1")) == NULL) {
		snprintf(err, errsz, "%s", sqlite3_errmsg(db->h));
		return -1;
	}
	sqlite3_bind_text(st, 1, dest, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		snprintf(err, errsz, "backup to %s failed: %s", dest,
		    sqlite3_errmsg(db->h));
		return -1;
	}
	return 0;
}

/* Returns the journal mode in use ("wal"), into mode (size modesz). */
static int
db_journal_mode(struct db *db, char *mode, size_t modesz)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = db_prepare(db, "PRAGMA journal_mode")) == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(mode, modesz, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Switches a new database to WAL. WAL stays set in the file, so only the
 * first opener switches; when several processes open a new file at once,
 * the switch (which needs the file to itself) can fail with "locked" or an
 * I/O error without waiting for the busy timeout, so it is tried again for
 * up to five seconds, looking each time whether another process did it. */
static int
db_use_wal(struct db *db, char *err, size_t errsz)
{
	char mode[16] = "";
	int i;

	for (i = 0; i < 250; i++) {
		if (db_journal_mode(db, mode, sizeof mode) == 0 &&
		    strcmp(mode, "wal") == 0)
			return 0;
		if (sqlite3_exec(db->h, "PRAGMA journal_mode = WAL", NULL, NULL,
		    NULL) == SQLITE_OK && db_journal_mode(db, mode,
		    sizeof mode) == 0 && strcmp(mode, "wal") == 0)
			return 0;
		usleep(20 * 1000);
	}
	snprintf(err, errsz, "%s: cannot switch to WAL mode: %s", db->path,
	    sqlite3_errmsg(db->h));
	return -1;
}

/* Applies db_pragmas and WAL mode. */
static int
db_configure(struct db *db, char *err, size_t errsz)
{
	size_t i;

	for (i = 0; i < sizeof db_pragmas / sizeof db_pragmas[0]; i++) {
		if (sqlite3_exec(db->h, db_pragmas[i], NULL, NULL, NULL) !=
		    SQLITE_OK) {
			snprintf(err, errsz, "%s: %s", db_pragmas[i],
			    sqlite3_errmsg(db->h));
			return -1;
		}
	}
	return db_use_wal(db, err, errsz);
}

/* Reads PRAGMA user_version; -1 on error. */
static int
db_user_version(struct db *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if ((st = db_prepare(db, "PRAGMA user_version")) == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Creates schema_versions for a database the single list of steps made
 * (user_version v, 0 for a new file), with each domain at the version
 * those steps gave it, and marks the database as counted per domain.
 * Runs inside the caller's transaction. */
static int
db_adopt(struct db *db, int v)
{
	sqlite3_stmt *st;
	char sql[64];
	int i;

	assert(v >= 0 && v <= DB_LEGACY_STEPS);
	if (sqlite3_exec(db->h, "CREATE TABLE schema_versions ("
	    "  domain  TEXT PRIMARY KEY,"
	    "  version INTEGER NOT NULL"
	    ") WITHOUT ROWID", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	for (i = 0; i < ndomains; i++) {
		if ((st = db_prepare(db, "INSERT INTO schema_versions "
		    "(domain, version) VALUES (?1, ?2)")) == NULL)
			return -1;
		db_bind_text(st, 1, domains[i]->name);
		sqlite3_bind_int(st, 2, domains[i]->adopt != NULL ?
		    domains[i]->adopt[v] : 0);
		if (db_step_done(st) != SQLITE_DONE)
			return -1;
	}
	/* A PRAGMA takes no parameters; the number is our own. */
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", DB_DOMAIN_ERA);
	return sqlite3_exec(db->h, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* Runs the next missing step of the first domain behind (a domain not yet
 * in schema_versions is at 0), inside the caller's transaction: 1 when a
 * step ran, 0 when every domain is current, -1 on error; a domain newer
 * than this program fails with err. */
static int
db_migrate_step(struct db *db, char *err, size_t errsz)
{
	const struct domain *d;
	sqlite3_stmt *st;
	int i, v;

	for (i = 0; i < ndomains; i++) {
		d = domains[i];
		if ((v = domain_version(db, d->name)) < 0)
			v = 0;
		if (v > d->nmigrations) {
			snprintf(err, errsz, "%s: schema of %s at version %d is "
			    "newer than this program knows (%d)", db->path,
			    d->name, v, d->nmigrations);
			return -1;
		}
		if (v == d->nmigrations)
			continue;
		if (sqlite3_exec(db->h, d->migrations[v], NULL, NULL, NULL) !=
		    SQLITE_OK || (st = db_prepare(db, "INSERT OR REPLACE INTO "
		    "schema_versions (domain, version) VALUES (?1, ?2)")) ==
		    NULL)
			goto fail;
		db_bind_text(st, 1, d->name);
		sqlite3_bind_int(st, 2, v + 1);
		if (db_step_done(st) != SQLITE_DONE)
			goto fail;
		log_info("database %s: %s schema version %d", db->path,
		    d->name, v + 1);
		return 1;
	}
	return 0;
fail:
	snprintf(err, errsz, "migration of %s failed: %s", d->name,
	    sqlite3_errmsg(db->h));
	return -1;
}

/* Adopts a database of the single list of steps, then runs the missing
 * steps of each domain in list order, each step in its own BEGIN
 * IMMEDIATE transaction that re-reads the versions, so two processes
 * opening a new database at once do not both run a step. */
static int
db_migrate(struct db *db, char *err, size_t errsz)
{
	int v, rc;

	for (;;) {
		if (db_begin(db) != 0)
			goto fail;
		if ((v = db_user_version(db)) < 0)
			goto fail_tx;
		if (v != DB_DOMAIN_ERA && (v < 0 || v > DB_LEGACY_STEPS)) {
			db_rollback(db);
			snprintf(err, errsz, "%s: schema version %d is newer "
			    "than this program knows", db->path, v);
			return -1;
		}
		if (v != DB_DOMAIN_ERA) {
			if (db_adopt(db, v) != 0)
				goto fail_tx;
			rc = 1;
		} else if ((rc = db_migrate_step(db, err, errsz)) < 0) {
			db_rollback(db);
			return -1;
		}
		if (db_commit(db) != 0)
			goto fail;
		if (rc == 0)
			return 0;
	}
fail_tx:
	snprintf(err, errsz, "migration failed: %s", sqlite3_errmsg(db->h));
	db_rollback(db);
	return -1;
fail:
	snprintf(err, errsz, "migration failed: %s", sqlite3_errmsg(db->h));
	return -1;
}

sqlite3_stmt *
db_prepare(struct db *db, const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		log_error("%s: prepare failed: %s", __func__,
		    sqlite3_errmsg(db->h));
		return NULL;
	}
	return st;
}

int
db_step_done(sqlite3_stmt *st)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_finalize(st);
	return rc;
}

int
db_begin(struct db *db)
{
	if (sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		log_error("%s: %s", __func__, sqlite3_errmsg(db->h));
		return -1;
	}
	return 0;
}

int
db_commit(struct db *db)
{
	if (sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		log_error("%s: %s", __func__, sqlite3_errmsg(db->h));
		db_rollback(db);
		return -1;
	}
	return 0;
}

void
db_rollback(struct db *db)
{
	if (sqlite3_get_autocommit(db->h) == 0)
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

int
db_bind_text(sqlite3_stmt *st, int idx, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
}

void
db_column_copy(sqlite3_stmt *st, int col, char *dst, size_t dstsz)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	size_t n;

	if (dstsz == 0)
		return;
	if (s == NULL)
		s = "";
	n = strlen(s);
	if (n >= dstsz) {
		n = dstsz - 1;
		/* Back up over continuation bytes to a character start. */
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

int64_t
db_now(void)
{
	return clock_now();
}

const char *
db_path(struct db *db)
{
	return db->path;
}
