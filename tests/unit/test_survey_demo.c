/* The surveys' demo content (core/survey-demo.c), with the site's zone
 * loaded so the calendar's demo has its event that ended: "Learning in
 * Kaunas" open to every member and waiting for each demo member (told in
 * the inbox), and the feedback on the ended event closed with 24
 * anonymous answers that show indicative results, a language breakdown
 * with a group too small and one hidden beside it, and the other
 * breakdowns whole; no account is made for the answers, none is linked
 * to them, and a second run adds nothing. */
#include "core/accounts.h"
#include "core/db.h"
#include "core/db-internal.h"
#include "core/demo.h"
#include "core/survey.h"
#include "core/survey-results.h"
#include "tests/unit/fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#define DAY	86400

static int64_t
query_int(struct db *db, const char *sql, int64_t a)
{
	sqlite3_stmt *st;
	int64_t v;

	assert_non_null(st = db_prepare(db, sql));
	sqlite3_bind_int64(st, 1, a);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static struct actor
demo_actor(struct db *db, const char *name)
{
	struct account acc;

	assert_int_equal(account_by_name(db, name, &acc), 0);
	return (struct actor){ acc.id, acc.role, acc.lang, 0, false };
}

static const struct survey_group *
group(const struct survey_breakdown *b, const char *label)
{
	for (size_t i = 0; i < b->n; i++)
		if (strcmp(b->v[i].label, label) == 0)
			return &b->v[i];
	fail_msg("no group %s", label);
	return NULL;
}

/* The closed survey's results, as a moderator reads them with the
 * default minimum of 5. */
static void
check_results(struct db *db, const struct actor *mod, int64_t id)
{
	const struct survey_breakdown *lang;
	struct survey_results r;
	const struct survey_qresult *rec = NULL, *good = NULL;
	size_t i, d;

	assert_null(survey_results_get(db, mod, id, 5, &r).key);
	assert_int_equal(r.responses, 24);
	assert_true(r.indicative);
	assert_int_equal(r.min_group, 5);
	/* lt 11, en 6 shown; uk 2 too small, ru 5 (the smallest shown) hidden
	 * beside it. */
	lang = &r.by[SD_LANG];
	assert_int_equal(lang->n, 4);
	assert_int_equal(lang->hidden, 2);
	assert_int_equal(group(lang, "lt")->why, SG_SHOWN);
	assert_int_equal(group(lang, "lt")->count, 11);
	assert_int_equal(group(lang, "en")->why, SG_SHOWN);
	assert_int_equal(group(lang, "en")->count, 6);
	assert_int_equal(group(lang, "uk")->why, SG_TOO_SMALL);
	assert_int_equal(group(lang, "uk")->count, 0);
	assert_int_equal(group(lang, "ru")->why, SG_COMPLEMENT);
	assert_int_equal(group(lang, "ru")->count, 0);
	/* The elderships and roles are all large enough. */
	assert_int_equal(r.by[SD_ELDERSHIP].n, 3);
	assert_int_equal(r.by[SD_ELDERSHIP].hidden, 0);
	assert_int_equal(group(&r.by[SD_ELDERSHIP], "centras")->count, 9);
	assert_int_equal(r.by[SD_ROLE].n, 2);
	assert_int_equal(r.by[SD_ROLE].hidden, 0);

	for (i = 0; i < r.def.nquestions; i++) {
		if (strcmp(r.q[i].q->key, "recommend") == 0)
			rec = &r.q[i];
		if (strcmp(r.q[i].q->key, "good") == 0)
			good = &r.q[i];
	}
	assert_non_null(rec);
	assert_non_null(good);
	assert_int_equal(rec->answered, 24);
	assert_true(rec->has_mean);
	assert_true(rec->mean > 7.5 && rec->mean < 9.5);
	assert_true(rec->has_recommend);
	assert_true(rec->recommend > 0);
	/* The recommend question breaks down the same way. */
	assert_true(rec->has_breakdowns);
	assert_int_equal(rec->by[SD_LANG].hidden, 2);
	assert_int_equal(group(&rec->by[SD_LANG], "uk")->why, SG_TOO_SMALL);
	assert_null(group(&rec->by[SD_LANG], "uk")->values);
	assert_non_null(group(&rec->by[SD_LANG], "lt")->values);
	/* A few kind comments, in several languages. */
	assert_true(good->ntexts >= 3);
	for (d = 0, i = 0; i < good->ntexts; i++)
		d += strstr(good->texts[i], "café") != NULL;
	assert_int_equal(d, 1);
	survey_results_free(&r);
}

static void
test_survey_demo(void **state)
{
	struct actor mod, olena;
	struct survey_rows rows, waiting;
	const struct survey_row *open = NULL, *closed = NULL;
	struct tdb t;
	char *text;
	size_t len, i;
	FILE *out;
	int64_t now, accounts;

	(void)state;
	tdb_open(&t, "survey-demo");
	out = open_memstream(&text, &len);
	assert_int_equal(demo_fill(t.db, out), 0);
	fclose(out);
	assert_non_null(strstr(text, "\nsurveys: 2 (Learning in Kaunas open; "
	    "the post-event survey closed with 24 answers)\n"));
	assert_non_null(strstr(text, "\ncalendar: 8 events over the next "
	    "month, 1 that has ended\n"));
	free(text);
	now = db_now();
	accounts = account_count(t.db);
	assert_int_equal(accounts, 6);

	mod = demo_actor(t.db, "moderatore");
	assert_null(survey_list(t.db, &mod, "en", &rows).key);
	assert_int_equal(rows.n, 2);
	for (i = 0; i < rows.n; i++)
		if (rows.v[i].state == SS_OPEN)
			open = &rows.v[i];
		else
			closed = &rows.v[i];
	assert_non_null(open);
	assert_non_null(closed);
	assert_string_equal(open->title, "Learning in Kaunas");
	assert_int_equal(open->audience, SA_ALL);
	assert_true(open->anonymous);
	assert_true(open->opens <= now && open->opens > now - 60);
	assert_int_equal(open->closes - open->opens, 60 * DAY);
	assert_int_equal(open->answers, 0);

	assert_int_equal(closed->state, SS_CLOSED);
	assert_string_equal(closed->title,
	    "Event feedback: Mokymosi festivalis");
	assert_int_equal(closed->audience, SA_EVENT);
	assert_true(closed->anonymous);
	assert_true(closed->closes < now);
	assert_int_equal(closed->answers, 24);
	/* Its event has ended, and three demo members were going. */
	assert_true(query_int(t.db, "SELECT end_utc FROM cal_events WHERE "
	    "id = ?1", closed->audience_id) == closed->opens);
	assert_true(closed->opens < closed->closes);
	assert_int_equal(query_int(t.db, "SELECT count(*) FROM cal_answers "
	    "WHERE event_id = ?1 AND answer = 1", closed->audience_id), 3);
	check_results(t.db, &mod, closed->id);

	/* No account stands behind an answer: none was made, none is
	 * linked, none is recorded as having answered. */
	assert_int_equal(query_int(t.db, "SELECT count(*) FROM "
	    "survey_identified WHERE ?1 >= 0", 0), 0);
	assert_int_equal(query_int(t.db, "SELECT count(*) FROM survey_done "
	    "WHERE survey_id = ?1", closed->id), 0);

	/* Each demo member finds the open survey waiting, and was told. */
	olena = demo_actor(t.db, "olena");
	assert_int_equal(survey_waiting_count(t.db, olena.account_id), 1);
	assert_int_equal(survey_waiting(t.db, &olena, "uk", &waiting), 0);
	assert_int_equal(waiting.n, 1);
	assert_int_equal(waiting.v[0].id, open->id);
	survey_rows_free(&waiting);
	assert_int_equal(survey_waiting_count(t.db,
	    demo_actor(t.db, "emma").account_id), 1);
	assert_int_equal(query_int(t.db, "SELECT count(*) FROM inbox WHERE "
	    "kind = 'survey.waiting' AND subject_id = ?1", open->id), 5);
	assert_int_equal(query_int(t.db, "SELECT count(*) FROM inbox WHERE "
	    "kind = 'survey.waiting' AND account_id = ?1", mod.account_id), 0);

	/* The demo runs on an empty site only: again, nothing is added. */
	out = open_memstream(&text, &len);
	assert_int_equal(demo_fill(t.db, out), 1);
	fclose(out);
	assert_int_equal(len, 0);
	free(text);
	assert_int_equal(query_int(t.db, "SELECT count(*) FROM surveys WHERE "
	    "?1 >= 0", 0), 2);
	assert_int_equal(survey_answer_count(t.db, closed->id), 24);
	assert_int_equal(account_count(t.db), accounts);
	survey_rows_free(&rows);
	tdb_close(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_survey_demo),
	};

	return cmocka_run_group_tests(tests, ti18n_setup, ti18n_teardown);
}
