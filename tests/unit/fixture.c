/* The unit tests' database fixture: a temporary directory, a database in
 * it, accounts and forum viewers, and a count of audit entries. */
#include "tests/unit/fixture.h"

#include "common/xalloc.h"
#include "core/audit.h"
#include "core/db.h"

#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

static int	rm_entry(const char *, const struct stat *, int, struct FTW *);
static int	audit_count_fn(const struct audit_entry *, void *);

void
tdb_open(struct tdb *t, const char *name)
{
	char err[256];
	int n;

	n = snprintf(t->dir, sizeof t->dir, "/tmp/tinklas-test-%s-XXXXXX",
	    name);
	assert_true(n > 0 && (size_t)n < sizeof t->dir);
	assert_non_null(mkdtemp(t->dir));
	t->path = xasprintf("%s/tinklas.db", t->dir);
	assert_int_equal(db_open(t->path, &t->db, err, sizeof err), 0);
}

void
tdb_close(struct tdb *t)
{
	db_close(t->db);
	t->db = NULL;
	nftw(t->dir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
	free(t->path);
	t->path = NULL;
}

void *
tdb_new(size_t size, const char *name)
{
	struct tdb *t;

	assert_true(size >= sizeof *t);
	t = xcalloc(1, size);
	tdb_open(t, name);
	return t;
}

int
tdb_teardown(void **state)
{
	struct tdb *t = *state;

	tdb_close(t);
	free(t);
	return 0;
}

int64_t
tdb_account(struct tdb *t, const char *name, const char *display,
    const char *lang, enum role role)
{
	int64_t id = 0;

	assert_null(account_create(t->db, name, display, TDB_PASSWORD, lang,
	    role, &id));
	assert_true(id > 0);
	return id;
}

struct audit_tally {
	const char	*action;
	const char	*target;	/* NULL: any */
	int		 n;
};

struct actor
tdb_viewer(struct tdb *t, const char *name, const char *lang, enum role role)
{
	struct actor v = { 0, role, lang, 0 };

	v.account_id = tdb_account(t, name, name, lang, role);
	return v;
}

int
audit_count(struct db *db, const char *action)
{
	struct audit_tally tally = { action, NULL, 0 };

	assert_true(audit_each(db, 1000, audit_count_fn, &tally) >= 0);
	return tally.n;
}

int
audit_target_count(struct db *db, const char *action, const char *target)
{
	struct audit_tally tally = { action, target, 0 };

	assert_true(audit_each(db, 1000, audit_count_fn, &tally) >= 0);
	return tally.n;
}

/* Counts the entries whose action is the one asked for. */
static int
audit_count_fn(const struct audit_entry *e, void *arg)
{
	struct audit_tally *tally = arg;

	if (strcmp(e->action, tally->action) == 0 && (tally->target == NULL ||
	    strcmp(e->target, tally->target) == 0))
		tally->n++;
	return 0;
}

static int
rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	return remove(p);
}

pid_t
tfx_sleeper(void)
{
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		pause();
		_exit(0);
	}
	return pid;
}
