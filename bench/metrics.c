/* bench/metrics: the learning network's figures (core/metrics.h) for a
 * year, on a site of 100,000 accounts, 1,000,000 posts in 100,000
 * threads, 10,000 events with their answers, 200,000 private messages,
 * 5,000 mentorships and 50,000 answers to 20 surveys, spread over two
 * years, in a temporary folder. Times
 * metrics_compute for the last twelve months, then the same call in the
 * same run with the indexes the metrics added dropped (inside a
 * transaction rolled back afterwards): the same queries on the naive plan,
 * full scans of accounts, posts, threads and messages. The two reports
 * must agree. Prints p50 and p99 in milliseconds with the target of issue
 * 10 (p99 <= 500 ms).
 *
 * The rows are written with prepared SQL in one transaction (the rules'
 * own writes would take minutes); what is timed is core's read, as the
 * admin command and a screen call it. */
#include "bench/bench-db.h"
#include "core/actor.h"
#include "core/db.h"
#include "core/metrics.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ACCOUNTS	100000
#define THREADS		100000
#define POSTS		1000000
#define EVENTS		10000
#define ORGS		60
#define CONVERSATIONS	20000
#define MESSAGES	200000
#define MENTORSHIPS	5000
#define SURVEYS		20
#define ANSWERS		50000	/* responses, one answer row each */
#define RUNS		50
#define NAIVE_RUNS	5
#define TARGET_MS	500.0
#define SPAN		(2 * 365 * 86400)	/* the data's two years */

static struct db *db;
static int64_t now;	/* the site's clock: 1 July 2026 */

_Static_assert(RUNS <= BENCH_RUNS_MAX, "a timing holds the runs");

/* A timing's line, its label in 44 columns. */
static void
report(const char *what, struct bench_timing *t, double target)
{
	bench_report(what, 44, 1, t, target);
}

/* A time in the two years before now, more of them recent. */
static int64_t
when(void)
{
	uint32_t a = bench_rnd(SPAN), b = bench_rnd(SPAN);

	return now - (int64_t)(a < b ? a : b);
}

static const char *const elderships[] = { "aleksotas", "centras", "dainava",
	"eiguliai", "griciupis", "panemune", "petrasiunai", "sanciai",
	"silainiai", "vilijampole", "zaliakalnis", "" };

static void
load_people(void)
{
	static const char *const langs[] = { "lt", "lt", "lt", "lt", "en",
		"uk", "ru", "pl" };
	static const char *const roles[] = { "member", "member", "member",
		"member", "member", "member", "member", "organiser",
		"organiser", "moderator" };
	sqlite3_stmt *acc, *prof;
	char name[32];

	acc = bench_prep(db, "INSERT INTO accounts (id, name, display, pwhash, "
	    "role, lang, created, last_login) VALUES (?1, ?2, ?2, ?3, ?4, ?5, "
	    "?6, ?7)");
	prof = bench_prep(db, "INSERT INTO dir_profiles (account_id, listed, "
	    "eldership, updated) VALUES (?1, 1, ?2, 0)");
	for (int i = 1; i <= ACCOUNTS; i++) {
		bool erased = bench_rnd(200) == 0;
		int64_t created = now - (int64_t)bench_rnd(3 * 365 * 86400);
		int64_t seen = created +
		    (int64_t)bench_rnd((uint32_t)(now - created));

		snprintf(name, sizeof name, erased ? "#%d" : "bench%d", i);
		sqlite3_bind_int(acc, 1, i);
		db_bind_text(acc, 2, name);
		db_bind_text(acc, 3, erased ? "!" : "x");
		db_bind_text(acc, 4, roles[bench_rnd(10)]);
		db_bind_text(acc, 5, langs[bench_rnd(8)]);
		sqlite3_bind_int64(acc, 6, created);
		sqlite3_bind_int64(acc, 7, erased || bench_rnd(10) == 0 ? 0 :
		    seen);
		bench_done(acc);
		if (!erased && bench_rnd(10) < 4) {
			sqlite3_bind_int(prof, 1, i);
			db_bind_text(prof, 2, elderships[bench_rnd(12)]);
			bench_done(prof);
		}
	}
	sqlite3_finalize(acc);
	sqlite3_finalize(prof);
}

static void
load_forums(void)
{
	sqlite3_stmt *th, *po;
	int posts = 0;

	bench_exec(db, "INSERT INTO boards (id, title, position) VALUES (1, "
	    "'Bench', 1)");
	th = bench_prep(db, "INSERT INTO threads (id, board_id, title, "
	    "author_id, created, last_post_at, last_seq, hidden) VALUES (?1, "
	    "1, 'Tema', ?2, ?3, ?4, ?5, ?6)");
	po = bench_prep(db, "INSERT INTO posts (thread_id, seq, author_id, "
	    "lang, body, created, hidden) VALUES (?1, ?2, ?3, 'lt', 'Labas', "
	    "?4, ?5)");
	for (int t = 1; t <= THREADS; t++) {
		int n = t == THREADS ? POSTS - posts :
		    1 + (int)bench_rnd(19) < POSTS - posts ?
		    1 + (int)bench_rnd(19) : POSTS - posts;
		int64_t at = when(), author = 1 + bench_rnd(ACCOUNTS);

		n = n < 1 ? 1 : n;
		sqlite3_bind_int(th, 1, t);
		sqlite3_bind_int64(th, 2, author);
		sqlite3_bind_int64(th, 3, at);
		sqlite3_bind_int64(th, 4, at);
		sqlite3_bind_int(th, 5, n);
		sqlite3_bind_int(th, 6, bench_rnd(200) == 0);
		bench_done(th);
		for (int s = 1; s <= n; s++) {
			sqlite3_bind_int(po, 1, t);
			sqlite3_bind_int(po, 2, s);
			/* A thread in five stays between its author and one
			 * other, or unanswered. */
			sqlite3_bind_int64(po, 3, s == 1 || t % 5 == 0 ? author :
			    1 + bench_rnd(ACCOUNTS));
			sqlite3_bind_int64(po, 4, at + (s - 1) *
			    (int64_t)(600 + bench_rnd(6 * 3600)));
			sqlite3_bind_int(po, 5, bench_rnd(100) == 0);
			bench_done(po);
		}
		posts += n;
	}
	sqlite3_finalize(th);
	sqlite3_finalize(po);
}

static void
load_events(void)
{
	sqlite3_stmt *ev, *oc, *an, *org, *link;
	char uid[32];

	org = bench_prep(db, "INSERT INTO dir_orgs (id, kind, name, created) "
	    "VALUES (?1, 'library', ?2, 0)");
	for (int o = 1; o <= ORGS; o++) {
		snprintf(uid, sizeof uid, "Biblioteka %d", o);
		sqlite3_bind_int(org, 1, o);
		db_bind_text(org, 2, uid);
		bench_done(org);
	}
	sqlite3_finalize(org);
	ev = bench_prep(db, "INSERT INTO cal_events (id, uid, title, "
	    "start_wall, start_utc, end_utc, eldership, organiser_id, "
	    "languages, access, state, created, updated) VALUES (?1, ?2, "
	    "'Renginys', '', ?3, ?4, ?5, ?6, 1, ?7, ?8, 0, 0)");
	oc = bench_prep(db, "INSERT INTO cal_occurrences (event_id, recur_utc, "
	    "start_utc, end_utc, cancelled, state) VALUES (?1, ?2, ?2, ?3, 0, "
	    "?4)");
	an = bench_prep(db, "INSERT OR IGNORE INTO cal_answers (event_id, "
	    "recur_utc, account_id, answer, waitlist, answered) VALUES (?1, "
	    "?2, ?3, ?4, 0, ?2)");
	link = bench_prep(db, "INSERT INTO dir_org_events (event_id, org_id) "
	    "VALUES (?1, ?2)");
	for (int e = 1; e <= EVENTS; e++) {
		int64_t start = when() + 30 * 86400, end = start + 7200;
		int state = bench_rnd(20) == 0 ? 2 : 1;

		snprintf(uid, sizeof uid, "bench-%d@tinklas", e);
		sqlite3_bind_int(ev, 1, e);
		db_bind_text(ev, 2, uid);
		sqlite3_bind_int64(ev, 3, start);
		sqlite3_bind_int64(ev, 4, end);
		db_bind_text(ev, 5, elderships[bench_rnd(12)]);
		sqlite3_bind_int64(ev, 6, 1 + bench_rnd(ACCOUNTS));
		sqlite3_bind_int(ev, 7, bench_rnd(3) == 0 ? (int)bench_rnd(16) :
		    0);
		sqlite3_bind_int(ev, 8, state);
		bench_done(ev);
		sqlite3_bind_int(oc, 1, e);
		sqlite3_bind_int64(oc, 2, start);
		sqlite3_bind_int64(oc, 3, end);
		sqlite3_bind_int(oc, 4, state);
		bench_done(oc);
		for (int n = (int)bench_rnd(30); n > 0; n--) {
			sqlite3_bind_int(an, 1, e);
			sqlite3_bind_int64(an, 2, start);
			sqlite3_bind_int64(an, 3, 1 + bench_rnd(ACCOUNTS));
			sqlite3_bind_int(an, 4, 1 + (int)bench_rnd(3));
			bench_done(an);
		}
		if (bench_rnd(3) == 0) {
			sqlite3_bind_int(link, 1, e);
			sqlite3_bind_int(link, 2, 1 + (int)(bench_rnd(ORGS) *
			    bench_rnd(ORGS) / ORGS));
			bench_done(link);
		}
	}
	sqlite3_finalize(ev);
	sqlite3_finalize(oc);
	sqlite3_finalize(an);
	sqlite3_finalize(link);
}

static void
load_directory(void)
{
	sqlite3_stmt *cv, *msg, *ms;

	cv = bench_prep(db, "INSERT INTO pm_conversations (id, a_id, b_id, "
	    "started_by, created, last_at) VALUES (?1, ?2, ?3, ?2, 0, 0)");
	msg = bench_prep(db, "INSERT INTO pm_messages (conversation_id, seq, "
	    "author_id, body, created) VALUES (?1, ?2, ?3, 'Sveiki', ?4)");
	for (int c = 1; c <= CONVERSATIONS; c++) {
		int64_t a = c, b = c + 1 + bench_rnd(ACCOUNTS - c);

		sqlite3_bind_int(cv, 1, c);
		sqlite3_bind_int64(cv, 2, a);
		sqlite3_bind_int64(cv, 3, b);
		bench_done(cv);
		for (int s = 1; s <= MESSAGES / CONVERSATIONS; s++) {
			sqlite3_bind_int(msg, 1, c);
			sqlite3_bind_int(msg, 2, s);
			sqlite3_bind_int64(msg, 3, s % 2 ? a : b);
			sqlite3_bind_int64(msg, 4, when());
			bench_done(msg);
		}
	}
	sqlite3_finalize(cv);
	sqlite3_finalize(msg);
	ms = bench_prep(db, "INSERT INTO dir_mentorships (mentor_id, "
	    "mentee_id, state, requested, answered, ended) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6)");
	for (int m = 1; m <= MENTORSHIPS; m++) {
		int64_t req = when(), ans = req + bench_rnd(5 * 86400);
		int state = (int)bench_rnd(4);

		sqlite3_bind_int(ms, 1, m);
		sqlite3_bind_int(ms, 2, m + ACCOUNTS / 2);
		sqlite3_bind_int(ms, 3, state);
		sqlite3_bind_int64(ms, 4, req);
		sqlite3_bind_int64(ms, 5, state == 0 || ans > now ? 0 : ans);
		sqlite3_bind_int64(ms, 6, state == 3 ? ans +
		    bench_rnd(90 * 86400) : 0);
		bench_done(ms);
	}
	sqlite3_finalize(ms);
}

/* Surveys for all members opening month after month, each answered by
 * its share of the responses. */
static void
load_surveys(void)
{
	sqlite3_stmt *sv, *tx, *resp, *ans, *mark;
	unsigned char id[16];

	sv = bench_prep(db, "INSERT INTO surveys (id, state, audience, opens, "
	    "closes, created, updated) VALUES (?1, 1, 0, ?2, ?3, 0, 0)");
	tx = bench_prep(db, "INSERT INTO survey_texts (survey_id, lang, title) "
	    "VALUES (?1, 'lt', 'Mokymasis Kaune')");
	resp = bench_prep(db, "INSERT INTO survey_responses (survey_id, id, "
	    "lang) VALUES (?1, ?2, 'lt')");
	ans = bench_prep(db, "INSERT INTO survey_answers (survey_id, "
	    "response_id, qkey, num) VALUES (?1, ?2, 'recommend', ?3)");
	mark = bench_prep(db, "INSERT INTO survey_done (survey_id, account_id) "
	    "VALUES (?1, ?2)");
	for (int v = 1; v <= SURVEYS; v++) {
		int64_t opens = now - (int64_t)(SURVEYS - v + 1) * 30 * 86400;

		sqlite3_bind_int(sv, 1, v);
		sqlite3_bind_int64(sv, 2, opens);
		sqlite3_bind_int64(sv, 3, opens + 60 * 86400);
		bench_done(sv);
		sqlite3_bind_int(tx, 1, v);
		bench_done(tx);
		for (int n = 0; n < ANSWERS / SURVEYS; n++) {
			for (size_t b = 0; b < sizeof id; b++)
				id[b] = (unsigned char)bench_rnd(256);
			sqlite3_bind_int(resp, 1, v);
			sqlite3_bind_blob(resp, 2, id, sizeof id,
			    SQLITE_TRANSIENT);
			bench_done(resp);
			sqlite3_bind_int(ans, 1, v);
			sqlite3_bind_blob(ans, 2, id, sizeof id,
			    SQLITE_TRANSIENT);
			sqlite3_bind_int(ans, 3, (int)bench_rnd(11));
			bench_done(ans);
			sqlite3_bind_int(mark, 1, v);
			sqlite3_bind_int(mark, 2, 1 + n * (ACCOUNTS /
			    (ANSWERS / SURVEYS)) + v);
			bench_done(mark);
		}
	}
	sqlite3_finalize(sv);
	sqlite3_finalize(tx);
	sqlite3_finalize(resp);
	sqlite3_finalize(ans);
	sqlite3_finalize(mark);
}

/* Times the year's metrics runs times; the last report stays in r. */
static void
bench_year(const char *what, int runs, double target,
    struct metrics_report *r)
{
	struct actor admin = actor_admin_command("lt");
	struct metrics_period p = { 2025, 7, 12, now, 5, "lt" };
	struct bench_timing t = { .n = 0 };
	double t0;

	for (int i = 0; i < runs; i++) {
		metrics_report_free(r);
		t0 = bench_now_ms();
		if (metrics_compute(db, &admin, &p, r).key != NULL) {
			fprintf(stderr, "bench: metrics_compute failed\n");
			exit(1);
		}
		t.v[t.n++] = bench_now_ms() - t0;
	}
	report(what, &t, target);
}

/* The 1-minute load: on a shared machine the times follow it. */
static void
load_average(const char *when)
{
	double l;

	if (getloadavg(&l, 1) == 1)
		printf("  load average %s: %.2f\n", when, l);
}

int
main(void)
{
	char dir[] = "/tmp/tinklas-bench-metrics-XXXXXX";
	struct metrics_report fast = { 0 }, naive = { 0 };
	int64_t to;
	double t0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (i18n_init("Europe/Vilnius") != 0 || i18n_set_lang("lt") != 0 ||
	    metrics_month_bounds(2026, 7, &now, &to) != 0 ||
	    bench_open(dir, &db) != 0)
		return 1;
	/* Building is not what is measured: no waiting for the disk. */
	bench_exec(db, "PRAGMA synchronous = OFF");
	t0 = bench_now_ms();
	bench_exec(db, "BEGIN");
	load_people();
	load_forums();
	load_events();
	load_directory();
	load_surveys();
	bench_exec(db, "COMMIT");
	bench_exec(db, "PRAGMA synchronous = NORMAL; ANALYZE");
	printf("%d accounts, %d posts in %d threads, %d events, %d messages, "
	    "%d mentorships, %d survey answers built in %.1f s\nthe metrics of 2025-07 to "
	    "2026-06 (12 months), in ms over %d runs (naive over %d)\n",
	    ACCOUNTS, POSTS, THREADS, EVENTS, MESSAGES, MENTORSHIPS, ANSWERS,
	    (bench_now_ms() - t0) / 1e3, RUNS, NAIVE_RUNS);
	load_average("before");
	bench_year("metrics for a year", RUNS, TARGET_MS, &fast);
	/* The naive plan: the metrics' own indexes gone for a while. */
	bench_exec(db, "BEGIN; DROP INDEX accounts_last_login; DROP INDEX "
	    "accounts_erased; DROP INDEX posts_created; DROP INDEX "
	    "threads_created; DROP INDEX pm_messages_created; DROP INDEX "
	    "accounts_groups");
	bench_year("naive: without the metrics' indexes", NAIVE_RUNS, 0,
	    &naive);
	bench_exec(db, "ROLLBACK");
	if (memcmp(fast.months, naive.months, fast.nmonths *
	    sizeof *fast.months) != 0 || memcmp(&fast.total, &naive.total,
	    sizeof fast.total) != 0) {
		fprintf(stderr, "bench: the two plans disagree\n");
		return 1;
	}
	load_average("after");
	printf("  both plans give the same figures: %lld members, %lld "
	    "posts, %lld events held in the year\n",
	    (long long)fast.total.members, (long long)fast.total.posts,
	    (long long)fast.total.events_held);
	metrics_report_free(&fast);
	metrics_report_free(&naive);
	bench_close(dir, db);
	i18n_shutdown();
	return 0;
}
