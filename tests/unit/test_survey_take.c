/* surveys, taking: the audience of each kind (an event's "going" after it
 * ended, ended mentorships, an organisation, a role), the waiting count
 * and the inbox offer told once, anonymity in the schema and in the
 * stored rows, identified answers changed until the survey closes,
 * progress resumed, and the data-rights hooks (erase keeps anonymous
 * answers, export holds the member's own). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "common/clock.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/actor.h"
#include "core/db-internal.h"
#include "core/domain.h"
#include "core/inbox.h"
#include "core/survey.h"
#include "core/survey-internal.h"
#include "tests/unit/fixture.h"
#include "tests/unit/fixture-export.h"
#include "tests/unit/survey-sample.h"

#define NOW	1800000000LL

extern const struct domain domain_surveys;

struct fx {
	struct tdb	t;
	struct actor	mod, ruta, jonas, org;
};

static int
setup(void **state)
{
	struct fx *f = tdb_new(sizeof *f, "survey_take");

	clock_fix(NOW);
	f->mod = tdb_viewer(&f->t, "moderatore", "lt", ROLE_MODERATOR);
	f->ruta = tdb_viewer(&f->t, "ruta", "uk", ROLE_MEMBER);
	f->jonas = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	f->org = tdb_viewer(&f->t, "orge", "en", ROLE_ORGANISER);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	clock_fix(0);
	return tdb_teardown(state);
}

static void
sql(struct fx *f, const char *s)
{
	char *err = NULL;

	if (sqlite3_exec(f->t.db->h, s, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", s, err);
}

static int64_t
count(struct fx *f, const char *s)
{
	return db_scalar(f->t.db, s, 0, 0, -1);
}

/* A stored open survey of the sample, changed by the caller's values. */
static int64_t
make(struct fx *f, bool anonymous, enum survey_audience aud, int role,
    int64_t aud_id)
{
	struct survey_def d;
	int64_t id;

	survey_sample(&d);
	d.anonymous = anonymous;
	d.audience = aud;
	d.audience_role = role;
	d.audience_id = aud_id;
	d.opens = NOW - 100;
	d.state = SS_DRAFT;
	assert_null(survey_create(f->t.db, &f->mod, &d, &id).key);
	assert_null(survey_publish(f->t.db, &f->mod, id).key);
	survey_def_free(&d);
	return id;
}

static void
answers(struct survey_answers *a, const char *visited, long long nps,
    const char *note)
{
	struct survey_answer *x;

	memset(a, 0, sizeof *a);
	assert_non_null(x = survey_answer_put(a, "visited"));
	survey_answer_choose(x, visited);
	assert_non_null(x = survey_answer_put(a, "nps"));
	x->has_num = true;
	x->num = nps;
	if (note != NULL)
		survey_answer_set_text(survey_answer_put(a, "note"), note);
}

static struct core_error
submit(struct fx *f, const struct actor *who, int64_t id, long long nps)
{
	struct survey_answers a;
	struct core_error e;

	answers(&a, "no", nps, "labas");
	e = survey_submit(f->t.db, who, id, &a);
	survey_answers_free(&a);
	return e;
}

static void
test_audience_kinds(void **state)
{
	struct fx *f = *state;
	int64_t ev, ms, org, role, all;
	char q[512];

	/* An event that ended an hour ago; ruta went, jonas said maybe. */
	snprintf(q, sizeof q, "INSERT INTO cal_events (id, uid, title, "
	    "start_wall, start_utc, end_utc, languages, state, created, "
	    "updated) VALUES (7, 'e7', 'Talka', '', %lld, %lld, 1, 1, 0, 0);"
	    "INSERT INTO cal_occurrences (event_id, recur_utc, start_utc, "
	    "end_utc) VALUES (7, %lld, %lld, %lld);"
	    "INSERT INTO cal_answers (event_id, recur_utc, account_id, answer, "
	    "answered) VALUES (7, %lld, %lld, 1, 0), (7, %lld, %lld, 2, 0);",
	    NOW - 7200, NOW - 3600, NOW - 7200, NOW - 7200, NOW - 3600,
	    NOW - 7200, (long long)f->ruta.account_id, NOW - 7200,
	    (long long)f->jonas.account_id);
	sql(f, q);
	ev = make(f, true, SA_EVENT, 0, 7);
	assert_int_equal(survey_eligible(f->t.db, &f->ruta, ev), 1);
	assert_int_equal(survey_eligible(f->t.db, &f->jonas, ev), 0);
	/* A cancelled event has no post-event survey. */
	sql(f, "UPDATE cal_events SET state = 2");
	assert_int_equal(survey_eligible(f->t.db, &f->ruta, ev), 0);
	sql(f, "UPDATE cal_events SET state = 1");
	/* A later occurrence still to come: not yet. */
	snprintf(q, sizeof q, "INSERT INTO cal_occurrences (event_id, "
	    "recur_utc, start_utc, end_utc) VALUES (7, 1, %lld, %lld)",
	    NOW + 10, NOW + 100);
	sql(f, q);
	assert_int_equal(survey_eligible(f->t.db, &f->ruta, ev), 0);
	sql(f, "DELETE FROM cal_occurrences WHERE recur_utc = 1");
	assert_int_equal(survey_eligible(f->t.db, &f->ruta, ev), 1);
	/* Before it ended: nobody. */
	clock_fix(NOW - 5000);
	sql(f, "UPDATE surveys SET opens = 0");
	assert_int_equal(survey_eligible(f->t.db, &f->ruta, ev), 0);
	clock_fix(NOW);

	/* Mentorships: ended after the survey opened (ruta and jonas), one
	 * still active (org's) does not count. */
	ms = make(f, true, SA_MENTORSHIPS, 0, 0);
	assert_int_equal(survey_eligible(f->t.db, &f->ruta, ms), 0);
	snprintf(q, sizeof q, "INSERT INTO dir_mentorships (mentor_id, "
	    "mentee_id, state, requested, ended) VALUES (%lld, %lld, 3, 0, "
	    "%lld), (%lld, %lld, 1, 0, 0)", (long long)f->ruta.account_id,
	    (long long)f->jonas.account_id, NOW - 10,
	    (long long)f->org.account_id, (long long)f->mod.account_id);
	sql(f, q);
	assert_int_equal(survey_eligible(f->t.db, &f->ruta, ms), 1);
	assert_int_equal(survey_eligible(f->t.db, &f->jonas, ms), 1);
	assert_int_equal(survey_eligible(f->t.db, &f->org, ms), 0);

	/* An organisation's members. */
	sql(f, "INSERT INTO dir_orgs (id, kind, name, created) VALUES "
	    "(3, 'library', 'Biblioteka', 0)");
	snprintf(q, sizeof q, "INSERT INTO dir_org_members (org_id, "
	    "account_id) VALUES (3, %lld)", (long long)f->jonas.account_id);
	sql(f, q);
	org = make(f, true, SA_ORG, 0, 3);
	assert_int_equal(survey_eligible(f->t.db, &f->jonas, org), 1);
	assert_int_equal(survey_eligible(f->t.db, &f->ruta, org), 0);

	/* A role and above. */
	role = make(f, true, SA_ROLE, ROLE_ORGANISER, 0);
	assert_int_equal(survey_eligible(f->t.db, &f->org, role), 1);
	assert_int_equal(survey_eligible(f->t.db, &f->mod, role), 1);
	assert_int_equal(survey_eligible(f->t.db, &f->ruta, role), 0);

	/* Everyone, not guests; within the window only. */
	all = make(f, true, SA_ALL, 0, 0);
	struct actor guest = actor_guest("lt");
	assert_int_equal(survey_eligible(f->t.db, &f->ruta, all), 1);
	assert_int_equal(survey_eligible(f->t.db, &guest, all), 0);
	assert_string_equal(submit(f, &guest, all, 5).key,
	    "error.survey.guest");
	assert_string_equal(submit(f, &f->ruta, org, 5).key,
	    "error.survey.not_asked");
	snprintf(q, sizeof q, "UPDATE surveys SET closes = %lld WHERE id = "
	    "%lld", NOW, (long long)all);
	sql(f, q);
	assert_int_equal(survey_eligible(f->t.db, &f->ruta, all), 0);
	assert_string_equal(submit(f, &f->ruta, all, 5).key,
	    "error.survey.not_open");
}

static void
test_waiting_and_offers(void **state)
{
	struct fx *f = *state;
	struct survey_rows rows;
	struct inbox_list l;
	int64_t a, b;
	char q[256];

	assert_int_equal(survey_waiting_count(f->t.db, f->ruta.account_id), 0);
	a = make(f, true, SA_ALL, 0, 0);
	b = make(f, false, SA_ROLE, ROLE_ORGANISER, 0);
	assert_int_equal(survey_waiting_count(f->t.db, f->ruta.account_id), 1);
	assert_int_equal(survey_waiting_count(f->t.db, f->org.account_id), 2);
	assert_int_equal(survey_waiting_count(f->t.db, 0), 0);
	assert_int_equal(survey_waiting(f->t.db, &f->ruta, "uk", &rows), 0);
	assert_int_equal(rows.n, 1);
	assert_int_equal(rows.v[0].id, a);
	assert_string_equal(rows.v[0].title, "Питання: Learning in Kaunas");
	survey_rows_free(&rows);
	/* The inbox told ruta once, at publishing, and not the moderator who
	 * published; upkeep adds nothing. */
	assert_int_equal(inbox_list(f->t.db, &f->ruta, 0, 10, &l), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].kind, "survey.waiting");
	assert_int_equal(l.v[0].subject_id, a);
	inbox_list_free(&l);
	assert_int_equal(inbox_list(f->t.db, &f->mod, 0, 10, &l), 0);
	assert_int_equal(l.n, 0);
	inbox_list_free(&l);
	assert_non_null(inbox_kind_find("survey.waiting"));
	assert_int_equal(domain_surveys.maintain(f->t.db, NOW), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM inbox WHERE kind = "
	    "'survey.waiting'"), 3 + 1);
	assert_int_equal(count(f, "SELECT count(*) FROM survey_offers"), 4 + 2);
	/* A survey whose window opens later is told when it opens. */
	snprintf(q, sizeof q, "UPDATE surveys SET opens = %lld WHERE id = "
	    "%lld", NOW + 50, (long long)a);
	sql(f, q);
	sql(f, "DELETE FROM survey_offers; DELETE FROM inbox");
	assert_int_equal(domain_surveys.maintain(f->t.db, NOW), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM inbox"), 2);
	assert_int_equal(domain_surveys.maintain(f->t.db, NOW + 60), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM inbox"), 2 + 4);
	clock_fix(NOW + 60);
	/* Done: no longer waiting. */
	assert_null(submit(f, &f->org, a, 7).key);
	assert_int_equal(survey_waiting_count(f->t.db, f->org.account_id), 1);
	assert_null(submit(f, &f->org, b, 7).key);
	assert_int_equal(survey_waiting_count(f->t.db, f->org.account_id), 0);
	/* The identified one is still there to change; the anonymous one
	 * not. */
	assert_int_equal(survey_answered_open(f->t.db, &f->org, "en", &rows),
	    0);
	assert_int_equal(rows.n, 1);
	assert_int_equal(rows.v[0].id, b);
	survey_rows_free(&rows);
	assert_string_equal(submit(f, &f->org, a, 7).key, "error.survey.done");
}

/* The waiting count's plan: surveys through their state index, the
 * account and every subquery by key; nothing scanned whole. */
static void
test_waiting_plan(void **state)
{
	struct fx *f = *state;
	sqlite3_stmt *st;
	int rows = 0, index = 0;

	st = db_prepare(f->t.db, "EXPLAIN QUERY PLAN SELECT count(*) FROM "
	    "surveys s JOIN accounts a ON a.id = ?1 WHERE " SURVEY_OPEN_SQL
	    " AND NOT " SURVEY_DONE_SQL " AND " SURVEY_AUDIENCE_SQL);
	assert_non_null(st);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 3);

		rows++;
		if (strstr(d, "surveys_state") != NULL)
			index = 1;
		if (strncmp(d, "SCAN ", 5) == 0)
			fail_msg("scans: %s", d);
	}
	sqlite3_finalize(st);
	assert_true(rows > 3);
	assert_int_equal(index, 1);
}

static void
test_anonymous_schema(void **state)
{
	struct fx *f = *state;
	static const char *const tables[] = { "survey_responses",
		"survey_answers", "survey_done" };
	char q[256];
	size_t i;

	for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		/* Positive control: the table has columns at all. */
		snprintf(q, sizeof q, "SELECT count(*) FROM pragma_table_info("
		    "'%s')", tables[i]);
		assert_true(count(f, q) >= 2);
		snprintf(q, sizeof q, "SELECT count(*) FROM pragma_table_info("
		    "'%s') WHERE name LIKE '%%account%%' OR name LIKE "
		    "'%%time%%' OR name LIKE '%%created%%' OR name LIKE "
		    "'%%updated%%' OR name LIKE '%%at' OR name LIKE '%%seq%%' "
		    "OR name LIKE '%%when%%'", tables[i]);
		assert_int_equal(count(f, q), tables[i][7] == 'd' ? 1 : 0);
		snprintf(q, sizeof q, "SELECT count(*) FROM sqlite_master "
		    "WHERE name = '%s' AND sql LIKE '%%WITHOUT ROWID%%'",
		    tables[i]);
		assert_int_equal(count(f, q), 1);
	}
	/* survey_done: just (survey, account). */
	assert_int_equal(count(f, "SELECT count(*) FROM "
	    "pragma_table_info('survey_done')"), 2);
	/* The response's key is a 16-byte blob. */
	assert_int_equal(count(f, "SELECT count(*) FROM sqlite_master WHERE "
	    "name = 'survey_responses' AND sql LIKE '%id        BLOB%' AND sql "
	    "LIKE '%length(id) = 16%'"), 1);
	/* Control: the identified link does name the account. */
	assert_int_equal(count(f, "SELECT count(*) FROM "
	    "pragma_table_info('survey_identified') WHERE name = "
	    "'account_id'"), 1);
}

static void
test_anonymous_rows(void **state)
{
	struct fx *f = *state;
	struct actor who[20];
	sqlite3_stmt *st;
	int64_t id;
	int i, n = 0, inorder = 1, last = -1;
	char name[16];

	id = make(f, true, SA_ALL, 0, 0);
	for (i = 0; i < 20; i++) {
		snprintf(name, sizeof name, "narys%02d", i);
		who[i] = tdb_viewer(&f->t, name, i % 2 ? "pl" : "lt",
		    ROLE_MEMBER);
		/* nps holds the order of submission: 0, 1, ... 10, 0, ... */
		assert_null(submit(f, &who[i], id, i % 11).key);
	}
	assert_int_equal(count(f, "SELECT count(*) FROM survey_responses"), 20);
	assert_int_equal(count(f, "SELECT count(*) FROM survey_done"), 20);
	assert_int_equal(count(f, "SELECT count(*) FROM survey_identified"), 0);
	assert_int_equal(count(f, "SELECT count(DISTINCT id) FROM "
	    "survey_responses WHERE length(id) = 16"), 20);
	/* Breakdown attributes copied. */
	assert_int_equal(count(f, "SELECT count(*) FROM survey_responses "
	    "WHERE lang = 'pl' AND role = 0 AND eldership = ''"), 10);
	/* No stored value equals an account id or the time. */
	assert_int_equal(count(f, "SELECT count(*) FROM survey_answers WHERE "
	    "num >= 100 OR text IS NOT NULL AND text <> 'labas'"), 0);
	/* The stored order is not the order of submission: the table is
	 * read in its key order, of random ids (by luck in order: 1 / 20!).
	 * Response i has nps i % 11 and language i % 2, which together name
	 * i again. */
	st = db_prepare(f->t.db, "SELECT r.lang, (SELECT x.num FROM "
	    "survey_answers x WHERE x.survey_id = r.survey_id AND "
	    "x.response_id = r.id AND x.qkey = 'nps') FROM survey_responses r "
	    "WHERE r.survey_id = ?1");
	assert_non_null(st);
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int lang_odd = strcmp((const char *)sqlite3_column_text(st, 0),
		    "pl") == 0;
		int nps = sqlite3_column_int(st, 1);
		/* Submission index: nps and lang pin it down (i % 11 and
		 * i % 2). */
		int idx = -1;

		for (i = 0; i < 20; i++)
			if (i % 11 == nps && i % 2 == lang_odd)
				idx = i;
		assert_true(idx >= 0);
		if (idx < last)
			inorder = 0;
		last = idx;
		n++;
	}
	sqlite3_finalize(st);
	assert_int_equal(n, 20);
	assert_int_equal(inorder, 0);
	/* Nothing links a response to an account: no table holds both a
	 * response id and an account id except survey_identified, empty. */
	assert_int_equal(count(f, "SELECT count(*) FROM sqlite_master m, "
	    "pragma_table_info(m.name) p WHERE m.type = 'table' AND "
	    "p.name = 'response_id' AND m.name <> 'survey_answers' AND "
	    "m.name <> 'survey_identified'"), 0);
}

static void
test_identified_change(void **state)
{
	struct fx *f = *state;
	struct survey_answers a = { 0 };
	int64_t id;

	id = make(f, false, SA_ALL, 0, 0);
	assert_int_equal(survey_my_answers(f->t.db, &f->ruta, id, &a), 0);
	assert_null(submit(f, &f->ruta, id, 3).key);
	assert_int_equal(survey_my_answers(f->t.db, &f->ruta, id, &a), 1);
	assert_int_equal(survey_answer_find(&a, "nps")->num, 3);
	assert_string_equal(survey_answer_find(&a, "note")->text, "labas");
	assert_null(submit(f, &f->ruta, id, 9).key);
	assert_int_equal(survey_my_answers(f->t.db, &f->ruta, id, &a), 1);
	assert_int_equal(survey_answer_find(&a, "nps")->num, 9);
	assert_int_equal(count(f, "SELECT count(*) FROM survey_responses"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM survey_answers WHERE "
	    "qkey = 'nps'"), 1);
	assert_int_equal(survey_answer_count(f->t.db, id), 1);
	/* Closed: no more changes, the answers stay. */
	assert_null(survey_close(f->t.db, &f->mod, id).key);
	assert_string_equal(submit(f, &f->ruta, id, 1).key,
	    "error.survey.not_open");
	assert_int_equal(survey_my_answers(f->t.db, &f->ruta, id, &a), 1);
	assert_int_equal(survey_answer_find(&a, "nps")->num, 9);
	survey_answers_free(&a);
}

static void
test_progress(void **state)
{
	struct fx *f = *state;
	struct survey_answers a, back = { 0 };
	int64_t id;

	id = make(f, true, SA_ALL, 0, 0);
	assert_int_equal(survey_progress_load(f->t.db, &f->ruta, id, &back), 0);
	/* Unfinished: nps missing is fine for progress. */
	memset(&a, 0, sizeof a);
	survey_answer_choose(survey_answer_put(&a, "visited"), "yes");
	survey_answer_choose(survey_answer_put(&a, "why"), "b");
	survey_answer_set_text(survey_answer_put(&a, "story"), "Line one\nTwo");
	a.pos = 3;
	assert_null(survey_progress_save(f->t.db, &f->ruta, id, &a).key);
	survey_answers_free(&a);
	assert_int_equal(survey_progress_load(f->t.db, &f->ruta, id, &back), 1);
	assert_int_equal(back.pos, 3);
	assert_int_equal(back.n, 3);
	assert_string_equal(survey_answer_find(&back, "why")->choices[0], "b");
	assert_string_equal(survey_answer_find(&back, "story")->text,
	    "Line one\nTwo");
	/* Someone else's is their own. */
	assert_int_equal(survey_progress_load(f->t.db, &f->jonas, id, &a), 0);
	/* A bad value is refused in progress too. */
	survey_answer_choose(survey_answer_put(&back, "why"), "zzz");
	assert_string_equal(survey_progress_save(f->t.db, &f->ruta, id,
	    &back).key, "error.survey.option");
	survey_answers_free(&back);
	/* Submitting removes the progress with the same transaction. */
	assert_null(submit(f, &f->ruta, id, 6).key);
	assert_int_equal(survey_progress_load(f->t.db, &f->ruta, id, &back), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM "
	    "survey_progress_answers"), 0);
	survey_answers_free(&a);
}

/* Whether the bytes of mark are in the database file or its WAL, after a
 * checkpoint that empties the WAL into the file. */
static bool
file_holds(struct fx *f, const char *mark)
{
	const char *const suffix[] = { "", "-wal" };
	bool found = false;
	size_t i;

	sql(f, "PRAGMA wal_checkpoint(TRUNCATE)");
	for (i = 0; i < 2; i++) {
		char path[128], *buf;
		FILE *fp;
		long n;

		snprintf(path, sizeof path, "%s%s", f->t.path, suffix[i]);
		if ((fp = fopen(path, "rb")) == NULL)
			continue;
		fseek(fp, 0, SEEK_END);
		n = ftell(fp);
		rewind(fp);
		buf = xmalloc((size_t)n + 1);
		assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
		fclose(fp);
		found = found || memmem(buf, (size_t)n, mark, strlen(mark));
		free(buf);
	}
	return found;
}

/* The progress of an anonymous answer is the member's own until it is
 * sent; what it held must not stay readable in the file afterwards (a
 * deleted row's bytes stay in its page unless secure_delete wipes them),
 * or the file would link a draft of the answer to the account. The
 * control: the same steps with secure_delete off leave the text there. */
static void
test_progress_leaves_no_trace(void **state)
{
	struct fx *f = *state;
	struct survey_answers a;
	int64_t id = make(f, true, SA_ALL, 0, 0);

	answers(&a, "no", 5, "draft-mark-7f3a9c");
	assert_null(survey_progress_save(f->t.db, &f->ruta, id, &a).key);
	survey_answers_free(&a);
	assert_true(file_holds(f, "draft-mark-7f3a9c"));
	assert_null(submit(f, &f->ruta, id, 6).key);	/* note "labas" */
	assert_false(file_holds(f, "draft-mark-7f3a9c"));

	sql(f, "PRAGMA secure_delete = OFF");
	answers(&a, "no", 5, "draft-mark-control");
	assert_null(survey_progress_save(f->t.db, &f->jonas, id, &a).key);
	survey_answers_free(&a);
	assert_null(submit(f, &f->jonas, id, 7).key);
	assert_true(file_holds(f, "draft-mark-control"));
}

/* How many of the exported answers are to survey and hold the number n;
 * every answer names its survey, and one with no number has null. */
static int
numbers(json_t *answers, int64_t survey, int64_t n)
{
	json_t *e, *num;
	size_t i;
	int k = 0;

	json_array_foreach(answers, i, e) {
		num = json_object_get(e, "number");
		assert_true(json_is_integer(num) || json_is_null(num));
		if (tex_int(e, "survey") == survey &&
		    json_integer_value(num) == n)
			k++;
	}
	return k;
}

static void
test_erase_and_export(void **state)
{
	struct fx *f = *state;
	struct survey_answers a = { 0 };
	json_t *doc, *v;
	int64_t anon, ident;

	anon = make(f, true, SA_ALL, 0, 0);
	ident = make(f, false, SA_ALL, 0, 0);
	assert_null(submit(f, &f->ruta, anon, 4).key);
	assert_null(submit(f, &f->ruta, ident, 8).key);
	assert_null(submit(f, &f->jonas, ident, 2).key);
	answers(&a, "yes", 5, NULL);
	assert_null(survey_progress_save(f->t.db, &f->jonas, anon, &a).key);
	survey_answers_free(&a);

	doc = tex_export(f->t.db, f->ruta.account_id);
	v = tex_part(doc, "surveys", "responses");
	assert_int_equal(json_array_size(v), 1);
	assert_int_equal(tex_int(json_array_get(v, 0), "survey"), ident);
	/* Her identified answer (8) is there, the anonymous one (4) not. */
	v = tex_part(doc, "surveys", "answers");
	assert_true(json_array_size(v) > 0);
	assert_int_equal(numbers(v, ident, 8), 1);
	assert_int_equal(numbers(v, ident, 4) + numbers(v, anon, 4), 0);
	/* That she answered both is hers; with what, only the identified. */
	v = tex_part(doc, "surveys", "done");
	assert_int_equal(json_array_size(v), 2);
	assert_int_equal(tex_int(json_array_get(v, 0), "survey"), anon);
	assert_int_equal(tex_int(json_array_get(v, 1), "survey"), ident);
	json_decref(doc);
	/* Jonas's unfinished answer is his to export too. */
	doc = tex_export(f->t.db, f->jonas.account_id);
	v = tex_part(doc, "surveys", "progress");
	assert_int_equal(tex_int(json_array_get(v, 0), "survey"), anon);
	assert_non_null(tex_find(tex_part(doc, "surveys", "progress_answers"),
	    "choice", "yes"));
	assert_int_equal(numbers(tex_part(doc, "surveys", "answers"), ident, 2),
	    1);
	json_decref(doc);

	assert_int_equal(domain_erase(f->t.db, f->ruta.account_id, 0,
	    ERASE_REMOVE_WRITING), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM survey_identified"), 1);
	assert_int_equal(survey_answer_count(f->t.db, anon), 1);
	assert_int_equal(survey_answer_count(f->t.db, ident), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM survey_answers WHERE "
	    "num = 8"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM survey_answers WHERE "
	    "num = 4"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM survey_done"), 1);
	/* Jonas's progress and answer are untouched. */
	assert_int_equal(count(f, "SELECT count(*) FROM survey_progress"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM survey_answers WHERE "
	    "num = 2"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_audience_kinds, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_waiting_and_offers, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_waiting_plan, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_anonymous_schema, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_anonymous_rows, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_identified_change, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_progress_leaves_no_trace,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_progress, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_erase_and_export, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
