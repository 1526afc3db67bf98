/* core/metrics: a hand-built site over March and April 2026 in
 * Europe/Vilnius (the clocks go forward on 29 March), with rows on both
 * sides of the month boundary as the site zone draws it (midnight of 1
 * April is 21:00 UTC on 31 March), and every figure checked exactly:
 * members and active members, registrations, posts and threads and the
 * forum's health, events held with their answers, accessibility,
 * elderships and co-organising organisations, mentoring, messages,
 * survey response rates, the breakdowns of members under the small-group
 * rule; the period's limits and who may read it; the CSV. */
#include "core/actor.h"
#include "core/db-internal.h"
#include "core/metrics.h"
#include "common/strbuf.h"
#include "i18n/calendar.h"
#include "tests/unit/fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

struct fx {
	struct tdb	 t;	/* first: tdb_new and tdb_teardown */
	struct actor	 admin;
};

/* A wall time in the site zone as UTC. */
static int64_t
at(int mo, int d, int h, int mi)
{
	struct i18n_wall w = { 2026, mo, d, h, mi };
	int64_t t;

	assert_int_equal(i18n_wall_to_utc_rfc(&w, &t), 0);
	return t;
}

static void
sql(struct fx *f, const char *q, int64_t a, int64_t b, int64_t c)
{
	assert_int_equal(db_exec_ints(f->t.db, q, a, b, c), 0);
}

static void
account(struct fx *f, int id, const char *name, const char *lang,
    const char *role, int64_t created, int64_t last_login)
{
	sqlite3_stmt *st = db_prepare(f->t.db, "INSERT INTO accounts (id, name, "
	    "display, pwhash, role, lang, created, last_login) VALUES (?1, ?2, "
	    "?2, ?3, ?4, ?5, ?6, ?7)");

	assert_non_null(st);
	sqlite3_bind_int(st, 1, id);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, name[0] == '#' ? "!" : "x");
	db_bind_text(st, 4, role);
	db_bind_text(st, 5, lang);
	sqlite3_bind_int64(st, 6, created);
	sqlite3_bind_int64(st, 7, last_login);
	assert_int_equal(db_step_done(st), SQLITE_DONE);
}

static void
post(struct fx *f, int thread, int seq, int author, int64_t when, int hidden)
{
	sqlite3_stmt *st = db_prepare(f->t.db, "INSERT INTO posts (thread_id, "
	    "seq, author_id, lang, body, created, hidden) VALUES (?1, ?2, ?3, "
	    "'lt', 'Labas', ?4, ?5)");

	assert_non_null(st);
	sqlite3_bind_int(st, 1, thread);
	sqlite3_bind_int(st, 2, seq);
	sqlite3_bind_int(st, 3, author);
	sqlite3_bind_int64(st, 4, when);
	sqlite3_bind_int(st, 5, hidden);
	assert_int_equal(db_step_done(st), SQLITE_DONE);
}

static void
thread(struct fx *f, int id, int author, int64_t when, int hidden)
{
	sqlite3_stmt *st = db_prepare(f->t.db, "INSERT INTO threads (id, "
	    "board_id, title, author_id, created, last_post_at, hidden) "
	    "VALUES (?1, 1, 'Tema', ?2, ?3, ?3, ?4)");

	assert_non_null(st);
	sqlite3_bind_int(st, 1, id);
	sqlite3_bind_int(st, 2, author);
	sqlite3_bind_int64(st, 3, when);
	sqlite3_bind_int(st, 4, hidden);
	assert_int_equal(db_step_done(st), SQLITE_DONE);
	post(f, id, 1, author, when, hidden);
}

static void
event(struct fx *f, int id, int state, const char *eldership, int access)
{
	sqlite3_stmt *st = db_prepare(f->t.db, "INSERT INTO cal_events (id, "
	    "uid, title, start_wall, start_utc, end_utc, eldership, languages, "
	    "access, state, created, updated) VALUES (?1, 'e' || ?1, 'Renginys', "
	    "'', 0, 0, ?2, 1, ?3, ?4, 0, 0)");

	assert_non_null(st);
	sqlite3_bind_int(st, 1, id);
	db_bind_text(st, 2, eldership);
	sqlite3_bind_int(st, 3, access);
	sqlite3_bind_int(st, 4, state);
	assert_int_equal(db_step_done(st), SQLITE_DONE);
}

static void
occurrence(struct fx *f, int event, int64_t start, int64_t end, int cancelled)
{
	sqlite3_stmt *st = db_prepare(f->t.db, "INSERT INTO cal_occurrences "
	    "(event_id, recur_utc, start_utc, end_utc, cancelled, state) "
	    "SELECT ?1, ?2, ?2, ?3, ?4, state FROM cal_events WHERE id = ?1");

	assert_non_null(st);
	sqlite3_bind_int(st, 1, event);
	sqlite3_bind_int64(st, 2, start);
	sqlite3_bind_int64(st, 3, end);
	sqlite3_bind_int(st, 4, cancelled);
	assert_int_equal(db_step_done(st), SQLITE_DONE);
}

static void
answer(struct fx *f, int event, int64_t recur, int account, int ans,
    int waitlist)
{
	sqlite3_stmt *st = db_prepare(f->t.db, "INSERT INTO cal_answers "
	    "(event_id, recur_utc, account_id, answer, waitlist, answered) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?2)");

	assert_non_null(st);
	sqlite3_bind_int(st, 1, event);
	sqlite3_bind_int64(st, 2, recur);
	sqlite3_bind_int(st, 3, account);
	sqlite3_bind_int(st, 4, ans);
	sqlite3_bind_int(st, 5, waitlist);
	assert_int_equal(db_step_done(st), SQLITE_DONE);
}

static void
mentorship(struct fx *f, int mentor, int mentee, int state, int64_t requested,
    int64_t answered, int64_t ended)
{
	sqlite3_stmt *st = db_prepare(f->t.db, "INSERT INTO dir_mentorships "
	    "(mentor_id, mentee_id, state, requested, answered, ended) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6)");

	assert_non_null(st);
	sqlite3_bind_int(st, 1, mentor);
	sqlite3_bind_int(st, 2, mentee);
	sqlite3_bind_int(st, 3, state);
	sqlite3_bind_int64(st, 4, requested);
	sqlite3_bind_int64(st, 5, answered);
	sqlite3_bind_int64(st, 6, ended);
	assert_int_equal(db_step_done(st), SQLITE_DONE);
}

static void
org(struct fx *f, int id, const char *kind, const char *name)
{
	sqlite3_stmt *st = db_prepare(f->t.db, "INSERT INTO dir_orgs (id, kind, "
	    "name, created) VALUES (?1, ?2, ?3, 0)");

	assert_non_null(st);
	sqlite3_bind_int(st, 1, id);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, name);
	assert_int_equal(db_step_done(st), SQLITE_DONE);
}

/* 1 ruta, 2 jonas, 3 olena (registered a minute before April), 4 emma (at
 * its first instant), 5 erased; see each part's comment for its rows. */
static int
setup(void **state)
{
	struct fx *f = tdb_new(sizeof *f, "metrics");

	f->admin = actor_admin_command("en");
	account(f, 1, "ruta", "lt", "member", at(2, 10, 9, 0), at(4, 20, 9, 0));
	account(f, 2, "jonas", "lt", "member", at(3, 5, 9, 0), at(3, 20, 9, 0));
	account(f, 3, "olena", "uk", "member", at(3, 31, 23, 59), 0);
	account(f, 4, "emma", "en", "moderator", at(4, 1, 0, 0),
	    at(4, 29, 9, 0));
	account(f, 5, "#5", "lt", "member", at(3, 10, 9, 0), 0);

	/* Threads: 1 answered by jonas after ruta's own second post (2 h);
	 * 2 never answered; 3 answered a day later (the answer in between
	 * was hidden afterwards, so it no longer counts); 4 hidden; 5
	 * answered in 10 minutes. */
	sql(f, "INSERT INTO boards (id, title, position) VALUES (1, 'B', 1)",
	    0, 0, 0);
	thread(f, 1, 1, at(3, 10, 10, 0), 0);
	post(f, 1, 2, 1, at(3, 10, 11, 0), 0);
	post(f, 1, 3, 2, at(3, 10, 12, 0), 0);
	thread(f, 2, 2, at(3, 20, 10, 0), 0);
	thread(f, 3, 3, at(4, 2, 10, 0), 0);
	post(f, 3, 2, 4, at(4, 2, 10, 30), 0);
	sql(f, "UPDATE posts SET hidden = 1 WHERE thread_id = 3 AND seq = 2",
	    0, 0, 0);
	post(f, 3, 3, 1, at(4, 3, 10, 0), 0);
	thread(f, 4, 4, at(4, 5, 10, 0), 1);
	thread(f, 5, 1, at(4, 10, 10, 0), 0);
	post(f, 5, 2, 2, at(4, 10, 10, 10), 0);

	/* Events: 1 ends at 00:30 on 1 April (April here, March in UTC),
	 * step-free with sign language; 2 online, held on 10 March and
	 * cancelled on the 17th; 3 cancelled; 5 in Dainava on 20 April. */
	event(f, 1, 1, "centras", 1 | 4);
	occurrence(f, 1, at(3, 31, 22, 0), at(4, 1, 0, 30), 0);
	answer(f, 1, at(3, 31, 22, 0), 1, 1, 0);
	answer(f, 1, at(3, 31, 22, 0), 2, 2, 0);
	answer(f, 1, at(3, 31, 22, 0), 3, 1, 1);
	event(f, 2, 1, "", 0);
	occurrence(f, 2, at(3, 10, 18, 0), at(3, 10, 20, 0), 0);
	occurrence(f, 2, at(3, 17, 18, 0), at(3, 17, 20, 0), 1);
	answer(f, 2, at(3, 10, 18, 0), 2, 1, 0);
	answer(f, 2, at(3, 17, 18, 0), 1, 1, 0);
	event(f, 3, 2, "centras", 8);
	occurrence(f, 3, at(4, 10, 18, 0), at(4, 10, 20, 0), 0);
	answer(f, 3, at(4, 10, 18, 0), 4, 1, 0);
	event(f, 5, 1, "dainava", 0);
	occurrence(f, 5, at(4, 20, 10, 0), at(4, 20, 12, 0), 0);
	answer(f, 5, at(4, 20, 10, 0), 4, 1, 0);
	org(f, 1, "library", "Kauno biblioteka");
	org(f, 2, "school", "=cmd");
	org(f, 3, "ngo", "Cancelled only");
	sql(f, "INSERT INTO dir_org_events (event_id, org_id) VALUES "
	    "(1, 1), (5, 1), (2, 2), (3, 3)", 0, 0, 0);

	/* Mentorships: accepted in 2 h and active; accepted in 2 days and
	 * ended 10 April; declined in an hour; withdrawn; waiting. */
	mentorship(f, 1, 2, 1, at(3, 5, 10, 0), at(3, 5, 12, 0), 0);
	mentorship(f, 1, 3, 3, at(3, 20, 10, 0), at(3, 22, 10, 0),
	    at(4, 10, 10, 0));
	mentorship(f, 4, 3, 2, at(4, 2, 10, 0), at(4, 2, 11, 0), 0);
	mentorship(f, 2, 4, 3, at(4, 12, 10, 0), 0, at(4, 13, 10, 0));
	mentorship(f, 4, 1, 0, at(4, 25, 10, 0), 0, 0);

	/* Messages: two in March (one at 23:30 on the 31st), three in
	 * April (one at 00:30 on the 1st). */
	sql(f, "INSERT INTO pm_conversations (id, a_id, b_id, started_by, "
	    "created, last_at) VALUES (1, 1, 2, 1, 0, 0), (2, 2, 4, 2, 0, 0)",
	    0, 0, 0);
	sql(f, "INSERT INTO pm_messages (conversation_id, seq, author_id, body, "
	    "created) VALUES (1, 1, 1, 'a', ?1), (1, 2, 2, 'b', ?2), "
	    "(1, 3, 1, 'c', ?3)", at(3, 3, 9, 0), at(3, 31, 23, 30),
	    at(4, 1, 0, 30));
	sql(f, "INSERT INTO pm_messages (conversation_id, seq, author_id, body, "
	    "created) VALUES (2, 1, 2, 'd', ?1), (2, 2, 4, 'e', ?1)",
	    at(4, 20, 9, 0), 0, 0);

	/* Surveys: 1 for everyone, 10 March to 10 April, answered by ruta
	 * and jonas; 2 a draft; 3 for moderators from 20 April, answered by
	 * emma; 4 opens after the period; 5 for the library's two members;
	 * 6 for who went to event 5 (emma). Ruta gives her eldership. */
	sql(f, "INSERT INTO surveys (id, state, audience, audience_role, "
	    "opens, closes, created, updated) VALUES (1, 1, 0, 0, ?1, ?2, 0, 0), "
	    "(2, 0, 0, 0, ?1, 0, 0, 0), (3, 1, 1, 2, ?3, 0, 0, 0)",
	    at(3, 10, 0, 0), at(4, 10, 0, 0), at(4, 20, 0, 0));
	sql(f, "INSERT INTO surveys (id, state, audience, opens, closes, "
	    "created, updated) VALUES (4, 1, 0, ?1, 0, 0, 0)",
	    at(6, 1, 0, 0), 0, 0);
	sql(f, "INSERT INTO surveys (id, state, audience, audience_id, opens, "
	    "closes, created, updated) VALUES (5, 1, 4, 1, ?1, 0, 0, 0), "
	    "(6, 1, 2, 5, ?2, 0, 0, 0)", at(4, 1, 0, 0), at(4, 21, 0, 0), 0);
	sql(f, "INSERT INTO dir_org_members (org_id, account_id) VALUES "
	    "(1, 2), (1, 3), (2, 1)", 0, 0, 0);
	sql(f, "INSERT INTO survey_texts (survey_id, lang, title) VALUES "
	    "(1, 'lt', 'Mokymasis Kaune'), (1, 'en', 'Learning, in Kaunas'), "
	    "(3, 'lt', 'Moderatoriams')", 0, 0, 0);
	sql(f, "INSERT INTO survey_done (survey_id, account_id) VALUES "
	    "(1, 1), (1, 2), (3, 4)", 0, 0, 0);
	sql(f, "INSERT INTO dir_profiles (account_id, eldership, updated) "
	    "VALUES (1, 'centras', 0)", 0, 0, 0);
	*state = f;
	return 0;
}

static void
compute(struct fx *f, int64_t now, struct metrics_report *r)
{
	struct metrics_period p = { 2026, 3, 2, now, 2, "en" };

	assert_null(metrics_compute(f->t.db, &f->admin, &p, r).key);
	assert_int_equal(r->nmonths, 2);
}

static void
test_bounds(void **state)
{
	int64_t from, to;

	(void)state;
	assert_int_equal(metrics_month_bounds(2026, 3, &from, &to), 0);
	assert_int_equal(from, 1772316000);	/* 28 Feb 22:00 UTC, EET */
	assert_int_equal(to, 1774990800);	/* 31 Mar 21:00 UTC, EEST */
	assert_int_equal(metrics_month_bounds(2026, 12, &from, &to), 0);
	assert_int_equal(to - from, 31 * 86400);
	assert_int_equal(metrics_month_bounds(2026, 13, &from, &to), -1);
	assert_int_equal(metrics_month_bounds(2026, 0, &from, &to), -1);
}

static void
test_members(void **state)
{
	struct fx *f = *state;
	struct metrics_report r;

	compute(f, at(5, 15, 12, 0), &r);
	/* ruta before, jonas, olena and the erased one in March. */
	assert_int_equal(r.months[0].year, 2026);
	assert_int_equal(r.months[0].month, 3);
	assert_int_equal(r.months[0].registrations, 3);
	assert_int_equal(r.months[0].members, 3);
	assert_int_equal(r.months[0].active, 1);	/* jonas */
	assert_int_equal(r.months[1].registrations, 1);
	assert_int_equal(r.months[1].members, 4);
	assert_int_equal(r.months[1].active, 2);	/* ruta, emma */
	assert_int_equal(r.total.registrations, 4);
	assert_int_equal(r.total.members, 4);
	assert_int_equal(r.total.active, 2);
	metrics_report_free(&r);
	/* On 25 April only the logins by then count: ruta. */
	compute(f, at(4, 25, 0, 0), &r);
	assert_int_equal(r.months[1].active, 1);
	metrics_report_free(&r);
}

static void
test_forums(void **state)
{
	struct fx *f = *state;
	struct metrics_report r;

	compute(f, at(5, 15, 12, 0), &r);
	assert_int_equal(r.months[0].posts, 4);
	assert_int_equal(r.months[0].threads, 2);
	assert_int_equal(r.months[0].threads_answered, 1);
	assert_int_equal(r.months[0].first_reply_median, 7200);
	assert_int_equal(r.months[1].posts, 4);
	assert_int_equal(r.months[1].threads, 2);
	assert_int_equal(r.months[1].threads_answered, 2);
	assert_int_equal(r.months[1].first_reply_median, (86400 + 600) / 2);
	assert_int_equal(r.total.threads, 4);
	assert_int_equal(r.total.threads_answered, 3);
	assert_int_equal(r.total.first_reply_median, 7200);
	metrics_report_free(&r);
}

static void
test_events(void **state)
{
	struct fx *f = *state;
	struct metrics_report r;

	compute(f, at(5, 15, 12, 0), &r);
	assert_int_equal(r.months[0].events_held, 1);
	assert_int_equal(r.months[0].event_answers, 1);
	assert_int_equal(r.months[0].event_going, 1);
	assert_int_equal(r.months[1].events_held, 2);
	assert_int_equal(r.months[1].event_answers, 4);
	assert_int_equal(r.months[1].event_going, 2);	/* not the waiting */
	assert_int_equal(r.total.events_held, 3);
	assert_int_equal(r.events, 3);
	assert_int_equal(r.events_accessible, 1);
	assert_int_equal(r.events_access[0], 1);
	assert_int_equal(r.events_access[1], 0);
	assert_int_equal(r.events_access[2], 1);
	assert_int_equal(r.events_access[3], 0);
	assert_int_equal(r.nelderships, 3);
	assert_string_equal(r.elderships[0].eldership, "");
	assert_string_equal(r.elderships[1].eldership, "centras");
	assert_string_equal(r.elderships[2].eldership, "dainava");
	assert_int_equal(r.elderships[1].events, 1);
	assert_int_equal(r.norgs, 2);
	assert_string_equal(r.orgs[0].name, "Kauno biblioteka");
	assert_int_equal(r.orgs[0].events, 2);
	assert_string_equal(r.orgs[1].kind, "school");
	assert_int_equal(r.orgs[1].events, 1);
	metrics_report_free(&r);
	/* On 15 April the event of the 20th has not been held yet. */
	compute(f, at(4, 15, 0, 0), &r);
	assert_int_equal(r.months[1].events_held, 1);
	assert_int_equal(r.months[1].event_answers, 3);
	assert_int_equal(r.events, 2);
	assert_int_equal(r.norgs, 2);
	assert_int_equal(r.orgs[0].events, 1);
	metrics_report_free(&r);
}

static void
test_mentoring_messages(void **state)
{
	struct fx *f = *state;
	struct metrics_report r;
	const struct metrics_month *m = NULL;

	compute(f, at(5, 15, 12, 0), &r);
	m = &r.months[0];
	assert_int_equal(m->ms_requests, 2);
	assert_int_equal(m->ms_accepted, 2);
	assert_int_equal(m->ms_answered, 2);
	assert_int_equal(m->ms_answer_median, (7200 + 2 * 86400) / 2);
	assert_int_equal(m->ms_started, 2);
	assert_int_equal(m->ms_active, 2);
	assert_int_equal(m->ms_ended, 0);
	assert_int_equal(m->messages, 2);
	m = &r.months[1];
	assert_int_equal(m->ms_requests, 3);
	assert_int_equal(m->ms_accepted, 0);
	assert_int_equal(m->ms_answered, 1);
	assert_int_equal(m->ms_answer_median, 3600);
	assert_int_equal(m->ms_started, 0);
	assert_int_equal(m->ms_active, 1);
	assert_int_equal(m->ms_ended, 1);	/* not the withdrawn request */
	assert_int_equal(m->messages, 3);
	assert_int_equal(r.total.ms_requests, 5);
	assert_int_equal(r.total.ms_accepted, 2);
	assert_int_equal(r.total.ms_answer_median, 7200);
	assert_int_equal(r.total.ms_active, 1);
	assert_int_equal(r.total.messages, 5);
	metrics_report_free(&r);
}

static void
test_refusals(void **state)
{
	struct fx *f = *state;
	struct actor member = { 1, ROLE_MEMBER, "lt", 0, false },
	    mod = { 4, ROLE_MODERATOR, "en", 0, false };
	struct metrics_report r;

	struct metrics_period p = { 2026, 3, 2, 0, 5, "en" };

	assert_string_equal(metrics_compute(f->t.db, &member, &p, &r).key,
	    "error.metrics.not_allowed");
	metrics_report_free(&r);
	p.nmonths = 0;
	assert_string_equal(metrics_compute(f->t.db, &f->admin, &p, &r).key,
	    "error.metrics.period");
	metrics_report_free(&r);
	p.nmonths = METRICS_MONTHS_MAX + 1;
	assert_string_equal(metrics_compute(f->t.db, &f->admin, &p, &r).key,
	    "error.metrics.period");
	metrics_report_free(&r);
	/* A moderator may, over the longest period. */
	p = (struct metrics_period){ 2020, 1, METRICS_MONTHS_MAX,
	    at(5, 15, 12, 0), 5, "en" };
	assert_null(metrics_compute(f->t.db, &mod, &p, &r).key);
	assert_int_equal(r.total.members, 4);
	assert_int_equal(r.total.messages, 5);
	metrics_report_free(&r);
}

static void
test_surveys(void **state)
{
	struct fx *f = *state;
	struct metrics_report r;

	compute(f, at(5, 15, 12, 0), &r);
	assert_int_equal(r.nsurveys, 4);
	assert_int_equal(r.surveys[0].id, 1);
	assert_string_equal(r.surveys[0].title, "Learning, in Kaunas");
	assert_int_equal(r.surveys[0].responses, 2);
	assert_int_equal(r.surveys[0].audience, 4);	/* not the erased */
	assert_int_equal(r.surveys[1].id, 5);
	assert_int_equal(r.surveys[1].responses, 0);
	assert_int_equal(r.surveys[1].audience, 2);
	assert_int_equal(r.surveys[2].id, 3);
	assert_string_equal(r.surveys[2].title, "Moderatoriams");
	assert_int_equal(r.surveys[2].responses, 1);
	assert_int_equal(r.surveys[2].audience, 1);
	assert_int_equal(r.surveys[3].id, 6);
	assert_int_equal(r.surveys[3].audience, 1);
	metrics_report_free(&r);
}

/* A moderator who registered in the very second the metrics are taken is
 * in the open moderators' survey's audience, as among the members. */
static void
test_survey_audience_now(void **state)
{
	struct fx *f = *state;
	struct metrics_report r;
	int64_t now = at(4, 25, 12, 0);

	account(f, 6, "aiste", "lt", "moderator", now, 0);
	compute(f, now, &r);
	assert_int_equal(r.total.members, 5);
	assert_int_equal(r.surveys[2].id, 3);
	assert_int_equal(r.surveys[2].audience, 2);
	metrics_report_free(&r);
}

/* k = 2 (compute's): a group of one is hidden, and when it is the only
 * one hidden a second goes with it. */
static void
test_breakdowns(void **state)
{
	struct fx *f = *state;
	struct metrics_report r;

	compute(f, at(5, 15, 12, 0), &r);
	assert_int_equal(r.by_lang.n, 3);
	assert_string_equal(r.by_lang.v[0].label, "en");
	assert_int_equal(r.by_lang.v[0].why, SG_TOO_SMALL);
	assert_string_equal(r.by_lang.v[1].label, "lt");
	assert_int_equal(r.by_lang.v[1].why, SG_SHOWN);
	assert_int_equal(r.by_lang.v[1].count, 2);
	assert_int_equal(r.by_lang.v[2].why, SG_TOO_SMALL);
	assert_int_equal(r.by_lang.hidden, 2);
	assert_int_equal(r.by_role.n, 2);
	assert_string_equal(r.by_role.v[0].label, "member");
	assert_int_equal(r.by_role.v[0].why, SG_COMPLEMENT);
	assert_int_equal(r.by_role.v[1].why, SG_TOO_SMALL);
	assert_int_equal(r.by_eldership.n, 2);
	assert_string_equal(r.by_eldership.v[0].label, "");
	assert_int_equal(r.by_eldership.v[0].why, SG_COMPLEMENT);
	assert_string_equal(r.by_eldership.v[1].label, "centras");
	assert_int_equal(r.by_eldership.v[1].why, SG_TOO_SMALL);
	metrics_report_free(&r);
	/* In March (three members), k = 1 shows every group. */
	struct metrics_period p = { 2026, 3, 1, at(5, 15, 12, 0), 1, "en" };

	assert_null(metrics_compute(f->t.db, &f->admin, &p, &r).key);
	assert_int_equal(r.by_lang.n, 2);
	assert_int_equal(r.by_lang.hidden, 0);
	assert_int_equal(r.by_lang.v[0].count, 2);	/* lt */
	assert_int_equal(r.by_lang.v[1].count, 1);	/* uk */
	assert_int_equal(r.by_role.hidden, 0);
	metrics_report_free(&r);
}

static void
test_csv(void **state)
{
	struct fx *f = *state;
	struct metrics_report r;
	struct strbuf sb = { 0 };

	compute(f, at(5, 15, 12, 0), &r);
	metrics_csv(&r, &sb);
	assert_non_null(strstr(sb.s, "month,members,active,registrations,"
	    "posts,threads,threads_answered,threads_answered_pct,"
	    "first_reply_median_s,events_held,event_answers,event_going,"
	    "mentorship_requests,mentorships_accepted,match_rate_pct,"
	    "answer_median_s,mentorships_started,mentorships_active,"
	    "mentorships_ended,messages\r\n"
	    "2026-03,3,1,3,4,2,1,50.0,7200,1,1,1,2,2,100.0,90000,2,2,0,2\r\n"
	    "2026-04,4,2,1,4,2,2,100.0,43500,2,4,2,3,0,0.0,3600,0,1,1,3\r\n"
	    "total,4,2,4,8,4,3,75.0,7200,3,5,3,5,2,40.0,7200,2,1,1,5\r\n\r\n"));
	assert_non_null(strstr(sb.s, "\r\neldership,events\r\n,1\r\n"
	    "centras,1\r\ndainava,1\r\n\r\n"));
	assert_non_null(strstr(sb.s, "accessibility,events\r\nall_events,3\r\n"
	    "any_feature,1\r\nstep_free,1\r\nhearing_loop,0\r\n"
	    "sign_language,1\r\neasy_read,0\r\n"));
	/* A name that starts like a formula is shown as text. */
	assert_non_null(strstr(sb.s, "organisation,kind,events\r\n"
	    "Kauno biblioteka,library,2\r\n'=cmd,school,1\r\n"));
	assert_null(strstr(sb.s, "Cancelled only"));
	assert_non_null(strstr(sb.s, "survey,title,responses,audience,"
	    "response_rate_pct\r\n1,\"Learning, in Kaunas\",2,4,50.0\r\n"
	    "5,,0,2,0.0\r\n3,Moderatoriams,1,1,100.0\r\n6,,0,1,0.0\r\n"));
	assert_non_null(strstr(sb.s, "\r\nlanguage,members,hidden\r\n"
	    "en,,too_small\r\nlt,2,\r\nuk,,too_small\r\n"));
	assert_non_null(strstr(sb.s, "\r\nrole,members,hidden\r\n"
	    "member,,complement\r\nmoderator,,too_small\r\n"));
	/* Every line ends in CRLF. */
	for (const char *p = sb.s; (p = strchr(p, '\n')) != NULL; p++)
		assert_int_equal(p[-1], '\r');
	sb_free(&sb);
	metrics_report_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bounds),
		cmocka_unit_test_setup_teardown(test_members, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_forums, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_events, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_mentoring_messages, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_refusals, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_surveys, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_survey_audience_now, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_breakdowns, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_csv, setup, tdb_teardown),
	};

	return cmocka_run_group_tests(tests, ti18n_setup, ti18n_teardown);
}
