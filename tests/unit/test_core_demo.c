/* Demo content: the printed logins work, roles and languages are right,
 * notifications are as old as their posts, a second run changes nothing.
 * Without the site's zone (not loaded here) the calendar has no events,
 * so the surveys' demo makes only its open survey (with the zone:
 * test_survey_demo.c). */
#include "core/accounts.h"
#include "core/db.h"
#include "core/db-internal.h"
#include "core/demo.h"
#include "core/forums.h"
#include "tests/unit/fixture.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

static int64_t
query_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v;

	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The demo's notifications are in the inbox, each as old as the post it
 * tells of (the posts are spread over past days). */
static void
check_inbox(struct db *db)
{
	assert_true(query_int(db, "SELECT count(*) FROM inbox") > 0);
	assert_int_equal(query_int(db, "SELECT count(*) FROM inbox n "
	    "JOIN posts p ON p.id = n.subject_id WHERE n.subject_type = 'post' "
	    "AND n.at != p.created"), 0);
}

/* Demo boards in Lithuanian, English and Ukrainian, each with threads
 * that have replies a guest can read. */
static void
check_forums(struct db *db)
{
	struct actor guest = { 0, ROLE_MEMBER, "lt", 0 };
	struct forum_thread_list tl;
	struct forum_board_list bl;
	struct forum_post_list pl;
	int lt = 0, en = 0, uk = 0;
	size_t i;

	assert_int_equal(forum_boards(db, &guest, &bl), 0);
	assert_true(bl.n >= 4);
	for (i = 0; i < bl.n; i++) {
		lt += strcmp(bl.v[i].lang, "lt") == 0;
		en += strcmp(bl.v[i].lang, "en") == 0;
		uk += strcmp(bl.v[i].lang, "uk") == 0;
		assert_true(bl.v[i].threads >= 2);
		assert_int_equal(forum_threads(db, &guest, bl.v[i].id, 0, 10,
		    &tl), 0);
		assert_int_equal(tl.n, (size_t)bl.v[i].threads);
		assert_true(tl.v[0].replies >= 1);
		assert_int_equal(forum_posts(db, &guest, tl.v[0].id, 1, 10,
		    &pl), 0);
		assert_int_equal(pl.n, (size_t)tl.v[0].last_seq);
		assert_true(strlen(pl.v[0].body) > 10);
		forum_post_list_free(&pl);
		forum_thread_list_free(&tl);
	}
	forum_board_list_free(&bl);
	assert_true(lt >= 2);
	assert_true(en >= 1);
	assert_int_equal(uk, 1);
}

static void
test_demo_logins(void **state)
{
	char name[64], pw[128], role[32], *line, *save, *text;
	struct account a;
	struct tdb t;
	struct db *db;
	size_t len;
	FILE *out;
	int n = 0, admins = 0, uk = 0, surveys = 0;

	(void)state;
	tdb_open(&t, "demo");
	db = t.db;
	out = open_memstream(&text, &len);
	assert_int_equal(demo_fill(db, out), 0);
	fclose(out);
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, "surveys: ", 9) == 0) {
			assert_string_equal(line, "surveys: 1 (Learning in "
			    "Kaunas open; no post-event survey, as the calendar "
			    "has no event that ended)");
			surveys++;
		}
		if (line[0] != ' ')
			continue;
		assert_int_equal(sscanf(line, "%63s %127s %31s", name, pw, role),
		    3);
		assert_int_equal(account_verify_password(db, name, pw, &a), 0);
		assert_string_equal(role_name(a.role), role);
		assert_null(account_check_password(pw, name, 10));
		admins += a.role == ROLE_ADMIN;
		uk += strcmp(a.lang, "uk") == 0;
		n++;
	}
	free(text);
	assert_int_equal(surveys, 1);
	assert_true(n >= 5);
	assert_int_equal(n, account_count(db));
	assert_int_equal(admins, 1);
	assert_int_equal(uk, 1);
	assert_int_equal(account_by_name(db, "olena", &a), 0);
	assert_string_equal(a.display, "Олена Коваленко");
	check_forums(db);
	check_inbox(db);
	assert_int_equal(query_int(db, "SELECT count(*) FROM cal_events"), 0);
	assert_int_equal(query_int(db, "SELECT count(*) FROM surveys"), 1);
	assert_int_equal(query_int(db, "SELECT count(*) FROM surveys WHERE "
	    "state = 1 AND audience = 0"), 1);
	assert_int_equal(query_int(db, "SELECT count(*) FROM "
	    "survey_responses"), 0);

	out = open_memstream(&text, &len);
	assert_int_equal(demo_fill(db, out), 1);
	fclose(out);
	assert_int_equal(len, 0);
	free(text);
	assert_int_equal(account_count(db), n);

	tdb_close(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demo_logins),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
