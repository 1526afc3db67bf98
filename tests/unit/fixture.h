/* Scaffolding the unit tests share: a fresh database in a temporary
 * directory with accounts in it (fixture.c), and the locale and i18n for
 * tests of text (fixture-i18n.c). Failures are cmocka assertions. */
#ifndef TINKLAS_TEST_FIXTURE_H
#define TINKLAS_TEST_FIXTURE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/accounts.h"
#include "core/forums.h"

struct db;

/* The password of every account tdb_account makes. */
#define TDB_PASSWORD	"linden-otter-47x"

struct tdb {
	char		 dir[64];	/* /tmp/tinklas-test-<name>-XXXXXX */
	char		*path;		/* dir/tinklas.db */
	struct db	*db;
};

/* Makes a temporary directory named after the test and opens a new
 * database in it; asserts that both work. */
void tdb_open(struct tdb *t, const char *name);
/* Closes t->db (whichever connection it holds now), removes the directory
 * with everything in it and frees the path. */
void tdb_close(struct tdb *t);
/* Returns a zeroed allocation of size bytes whose first member, a struct
 * tdb, is open: the start of a test's setup. */
void *tdb_new(size_t size, const char *name);
/* A cmocka teardown for what tdb_new made: closes and frees *state. */
int tdb_teardown(void **state);
/* Returns the id of a new account with TDB_PASSWORD; asserts that it was
 * made. */
int64_t tdb_account(struct tdb *t, const char *name, const char *display,
    const char *lang, enum role role);
/* Returns a viewer (posting in lang, no flood limit) for a new account
 * made by tdb_account with its name as display name. */
struct actor tdb_viewer(struct tdb *t, const char *name,
    const char *lang, enum role role);
/* Returns the number of audit entries with this action, so that a test can
 * check that a moderator's deed was recorded. */
int audit_count(struct db *db, const char *action);
/* The same for entries with this target too ("account 3"). */
int audit_target_count(struct db *db, const char *action, const char *target);

/* A child process that waits to be signalled, standing in for a session's
 * connection process; the test kills or reaps it. */
pid_t tfx_sleeper(void);

/* A cmocka setup: the C.UTF-8 locale and i18n in the Europe/Vilnius zone.
 * Returns 0, or -1 when either is missing. */
int ti18n_setup(void **state);
/* A cmocka teardown for ti18n_setup: shuts i18n down. Returns 0. */
int ti18n_teardown(void **state);

#endif
