/* core/drafts: one draft per account and place, kept and replaced, deleted
 * on send or discard, cut at the forums' limits, forgotten when old, and at
 * most DRAFT_MAX per account. */
#include "core/db-internal.h"
#include "common/utf8.h"
#include "core/drafts.h"
#include "tests/unit/fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

struct fixture {
	struct tdb	 t;	/* first: tdb_new and tdb_teardown */
	int64_t		 ruta, jonas;
};

static int
setup(void **state)
{
	struct fixture *f = tdb_new(sizeof *f, "drafts");

	f->ruta = tdb_account(&f->t, "ruta", "Rūta", "lt", ROLE_MEMBER);
	f->jonas = tdb_account(&f->t, "jonas", "Jonas", "lt", ROLE_MEMBER);
	*state = f;
	return 0;
}

static void
test_save_get_replace_delete(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->t.db;
	struct draft d;

	assert_int_equal(draft_get(db, f->ruta, DRAFT_REPLY, 7, &d), 1);
	assert_int_equal(draft_save(db, f->ruta, DRAFT_REPLY, 7, NULL,
	    "Šį atsakymą\nrašiau ilgai", "lt"), 0);
	assert_int_equal(draft_get(db, f->ruta, DRAFT_REPLY, 7, &d), 0);
	assert_string_equal(d.body, "Šį atsakymą\nrašiau ilgai");
	assert_string_equal(d.title, "");
	assert_string_equal(d.lang, "lt");
	assert_true(d.updated > 0);
	draft_clear(&d);
	/* Per account and place: another person, kind or place has none. */
	assert_int_equal(draft_get(db, f->jonas, DRAFT_REPLY, 7, &d), 1);
	assert_int_equal(draft_get(db, f->ruta, DRAFT_EDIT, 7, &d), 1);
	assert_int_equal(draft_get(db, f->ruta, DRAFT_REPLY, 8, &d), 1);
	/* Saving again replaces it. */
	assert_int_equal(draft_save(db, f->ruta, DRAFT_REPLY, 7, NULL,
	    "antra versija", "en"), 0);
	assert_int_equal(draft_get(db, f->ruta, DRAFT_REPLY, 7, &d), 0);
	assert_string_equal(d.body, "antra versija");
	assert_string_equal(d.lang, "en");
	draft_clear(&d);
	assert_int_equal(draft_delete(db, f->ruta, DRAFT_REPLY, 7), 0);
	assert_int_equal(draft_get(db, f->ruta, DRAFT_REPLY, 7, &d), 1);
	assert_int_equal(draft_delete(db, f->ruta, DRAFT_REPLY, 7), 0);
}

static void
test_thread_title_and_empty(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->t.db;
	struct draft d;

	assert_int_equal(draft_save(db, f->ruta, DRAFT_THREAD, 3,
	    "Pavadinimas\x1b[2J", "", "lt"), 0);
	assert_int_equal(draft_get(db, f->ruta, DRAFT_THREAD, 3, &d), 0);
	assert_null(strchr(d.title, '\x1b'));
	assert_non_null(strstr(d.title, "Pavadinimas"));
	draft_clear(&d);
	/* Nothing written at all: no draft. */
	assert_int_equal(draft_save(db, f->ruta, DRAFT_THREAD, 3, "  ", "\n ",
	    "lt"), 0);
	assert_int_equal(draft_get(db, f->ruta, DRAFT_THREAD, 3, &d), 1);
}

static void
test_limits(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->t.db;
	size_t n = (FORUM_BODY_MAX + 500) * 2;
	char *big = malloc(n + 1), title[400];
	struct draft d;
	int i;

	/* "ą" is two bytes: the body is cut at 20,000 code points. */
	for (i = 0; i < (int)n; i += 2)
		memcpy(big + i, "ą", 2);
	big[n] = '\0';
	memset(title, 'x', sizeof title - 1);
	title[sizeof title - 1] = '\0';
	assert_int_equal(draft_save(db, f->ruta, DRAFT_THREAD, 1, title, big,
	    "lt"), 0);
	assert_int_equal(draft_get(db, f->ruta, DRAFT_THREAD, 1, &d), 0);
	assert_int_equal(utf8_count(d.body), FORUM_BODY_MAX);
	assert_int_equal(utf8_count(d.title), FORUM_TITLE_MAX);
	draft_clear(&d);
	free(big);
	/* At most DRAFT_MAX per account: the oldest goes. */
	for (i = 0; i < DRAFT_MAX + 3; i++)
		assert_int_equal(draft_save(db, f->jonas, DRAFT_REPLY, 100 + i,
		    NULL, "tekstas", ""), 0);
	assert_int_equal(draft_get(db, f->jonas, DRAFT_REPLY, 100, &d), 1);
	assert_int_equal(draft_get(db, f->jonas, DRAFT_REPLY,
	    100 + DRAFT_MAX + 2, &d), 0);
	draft_clear(&d);
	assert_int_equal(draft_get(db, f->ruta, DRAFT_THREAD, 1, &d), 0);
	draft_clear(&d);
}

static void
test_old_ones_expire(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->t.db;
	struct draft d;
	char sql[160];

	assert_int_equal(draft_save(db, f->ruta, DRAFT_EDIT, 5, NULL, "senas",
	    ""), 0);
	assert_int_equal(draft_save(db, f->ruta, DRAFT_EDIT, 6, NULL, "naujas",
	    ""), 0);
	/* Age the first past DRAFT_MAX_AGE, the second just inside it. */
	snprintf(sql, sizeof sql, "UPDATE drafts SET updated = updated - %d "
	    "WHERE place_id = 5", DRAFT_MAX_AGE + 10);
	assert_int_equal(sqlite3_exec(db->h, sql, NULL, NULL, NULL), SQLITE_OK);
	snprintf(sql, sizeof sql, "UPDATE drafts SET updated = updated - %d "
	    "WHERE place_id = 6", DRAFT_MAX_AGE - 100);
	assert_int_equal(sqlite3_exec(db->h, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(draft_get(db, f->ruta, DRAFT_EDIT, 5, &d), 1);
	assert_int_equal(draft_get(db, f->ruta, DRAFT_EDIT, 6, &d), 0);
	draft_clear(&d);
	/* The next save removes the expired row for good. */
	assert_int_equal(draft_save(db, f->ruta, DRAFT_EDIT, 9, NULL, "kitas",
	    ""), 0);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM drafts WHERE "
	    "account_id = %lld", (long long)f->ruta);
	{
		sqlite3_stmt *st = db_prepare(db, sql);

		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 2);
		sqlite3_finalize(st);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_save_get_replace_delete,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_thread_title_and_empty,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_limits, setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_old_ones_expire, setup,
		    tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
