/* `tinklas admin restore`: a backup is checked before it replaces the
 * database. It must pass SQLite's integrity and foreign-key checks and be
 * a Tinklas database this program can run: counted per domain, every
 * domain one it knows, none at a version newer than its migrations. The
 * copy goes through SQLite's backup API into the live path, so the live
 * file's WAL and shared memory stay consistent; the caller makes sure no
 * server has it open (common/lockfile.h). */
#include "core/db.h"
#include "core/db-internal.h"
#include "core/domain.h"

#include <stdio.h>
#include <string.h>

static int	known_schema(sqlite3 *, char *, size_t);
static void	first_problem(const char *, void *);

/* Keeps the first problem the checks report, for the message. */
struct problems {
	int	 n;
	char	 first[256];
};

int
db_restore_check(const char *src, char *err, size_t errsz)
{
	struct db copy = { .path = (char *)src };
	struct problems p = { 0 };
	int n, rc = -1;

	if (sqlite3_open_v2(src, &copy.h, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		snprintf(err, errsz, "%s cannot be opened: %s", src,
		    copy.h != NULL ? sqlite3_errmsg(copy.h) : "out of memory");
		goto done;
	}
	if (known_schema(copy.h, err, errsz) != 0)
		goto done;
	if ((n = db_check(&copy, first_problem, &p)) < 0) {
		snprintf(err, errsz, "%s cannot be checked: %s", src,
		    sqlite3_errmsg(copy.h));
		goto done;
	}
	if (n > 0) {
		snprintf(err, errsz, "%s fails the checks (%d problem%s; the "
		    "first: %s)", src, n, n == 1 ? "" : "s", p.first);
		goto done;
	}
	rc = 0;
done:
	sqlite3_close_v2(copy.h);
	return rc;
}

static void
first_problem(const char *problem, void *arg)
{
	struct problems *p = arg;

	if (p->n++ == 0)
		snprintf(p->first, sizeof p->first, "%s", problem);
}

/* 0 when h is a database of the per-domain era whose every domain this
 * program knows at a version it can reach; -1 with err. A file that is
 * not SQLite at all fails here too (its first read). */
static int
known_schema(sqlite3 *h, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	const char *name;
	int rc, v, i, found = 0;

	if (sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL) !=
	    SQLITE_OK) {
		snprintf(err, errsz, "not a database: %s", sqlite3_errmsg(h));
		return -1;
	}
	rc = sqlite3_step(st);
	v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		snprintf(err, errsz, "not a database: %s", sqlite3_errmsg(h));
		return -1;
	}
	if (v != DB_DOMAIN_ERA ||
	    sqlite3_prepare_v2(h, "SELECT domain, version FROM schema_versions",
	    -1, &st, NULL) != SQLITE_OK) {
		snprintf(err, errsz, "not a Tinklas database (or one too old "
		    "to restore: open it with `tinklas admin check` first)");
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(st, 0);
		v = sqlite3_column_int(st, 1);
		for (i = 0; i < ndomains; i++)
			if (name != NULL && strcmp(domains[i]->name, name) == 0)
				break;
		if (i == ndomains || v > domains[i]->nmigrations) {
			snprintf(err, errsz, "the copy was made by a newer "
			    "Tinklas (part %s at version %d); install that "
			    "version to restore it", name != NULL ? name : "?",
			    v);
			sqlite3_finalize(st);
			return -1;
		}
		found++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || found == 0) {
		snprintf(err, errsz, "not a Tinklas database");
		return -1;
	}
	return 0;
}

int
db_restore(const char *src, const char *dest, char *err, size_t errsz)
{
	sqlite3 *from = NULL, *to = NULL;
	sqlite3_backup *b;
	int rc = -1;

	if (sqlite3_open_v2(src, &from, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		snprintf(err, errsz, "cannot open %s", src);
		goto done;
	}
	if (sqlite3_open_v2(dest, &to, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		snprintf(err, errsz, "cannot open %s", dest);
		goto done;
	}
	sqlite3_busy_timeout(to, 5000);
	if ((b = sqlite3_backup_init(to, "main", from, "main")) == NULL) {
		snprintf(err, errsz, "cannot write %s: %s", dest,
		    sqlite3_errmsg(to));
		goto done;
	}
	sqlite3_backup_step(b, -1);
	if (sqlite3_backup_finish(b) != SQLITE_OK) {
		snprintf(err, errsz, "restoring into %s failed: %s", dest,
		    sqlite3_errmsg(to));
		goto done;
	}
	rc = 0;
done:
	sqlite3_close_v2(from);
	sqlite3_close_v2(to);
	return rc;
}
