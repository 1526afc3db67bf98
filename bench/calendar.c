/* bench/calendar: the calendar at scale. Builds 10,000 events through
 * core/calendar.h in a temporary folder, 2,000 of them weekly without an
 * end (about 210,000 occurrences up to the two-year horizon), with 20,000
 * answers, then times the month view, an agenda page after a cursor and
 * with a filter, and calendar.ics (the public feed of a year of events),
 * each query beside the naive way in the same run: the month by expanding
 * every rule with libical at each view instead of reading the expanded
 * occurrences, the agenda by OFFSET paging. Prints p50 and p99 in
 * milliseconds with the targets of issue 8.
 *
 * The naive month reads the rules itself, with libical, as core does: a
 * baseline, not a part of the program (its rooms do not hold bench/). */
#include "bench/bench-db.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/calendar.h"
#include "core/db.h"
#include "i18n/calendar.h"
#include "i18n/i18n.h"

#include <libical/ical.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EVENTS		10000
#define WEEKLY		2000
#define MEMBERS		200
#define ANSWERS		20000
#define PAGE		20
#define RUNS		200

static struct db *db;
static struct actor org, members[MEMBERS];

_Static_assert(RUNS <= BENCH_RUNS_MAX, "a timing holds the runs");

/* A timing's line, its label in 40 columns. */
static void
report(const char *what, struct bench_timing *t, double target)
{
	bench_report(what, 40, 3, t, target);
}

static struct actor
account(const char *name, enum role role)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO accounts (name, "
	    "display, pwhash, role, lang, created) VALUES (?1, ?1, 'x', ?2, "
	    "'lt', 0)");
	static const char *const roles[] = { "member", "organiser",
		"moderator", "admin" };
	struct actor a = { 0, role, "lt", 0, false };

	if (st == NULL)
		exit(1);
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, roles[role]);
	if (db_step_done(st) != SQLITE_DONE)
		exit(1);
	a.account_id = sqlite3_last_insert_rowid(db->h);
	return a;
}

static int64_t
occurrence_count(void)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM "
	    "cal_occurrences");
	int64_t n = -1;

	if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void
load(void)
{
	static const char *const tags[] = { "kalbos", "programavimas",
		"šeimoms", "paskaita", "mainai", "sportas", "menas", "reta" };
	struct i18n_wall today;
	int64_t now = db_now(), id;
	double s = bench_now_ms();
	char name[32];
	int answered = 0;

	i18n_wall_from_utc(now, &today, NULL);
	org = account("organiser", ROLE_ORGANISER);
	for (int i = 0; i < MEMBERS; i++) {
		snprintf(name, sizeof name, "member%d", i);
		members[i] = account(name, ROLE_MEMBER);
	}
	srandom(8);
	for (int i = 0; i < EVENTS; i++) {
		struct cal_event_input in = { 0 };
		const char *tag[2];
		char title[64];
		int64_t start;
		struct core_error e;

		snprintf(title, sizeof title, "Renginys %d", i);
		in.title = title;
		in.description = "Aprašymas";
		/* One-off events over the next year, weekly ones starting
		 * within two months. */
		if (i18n_wall_to_utc_rfc(&(struct i18n_wall){ today.year,
		    today.month, today.day, 12, 0 }, &start) != 0)
			exit(1);
		start += (int64_t)(1 + random() % (i < WEEKLY ? 60 : 365)) *
		    86400;
		i18n_wall_from_utc(start, &in.start, NULL);
		in.start.hour = 9 + (int)(random() % 11);
		in.start.minute = (int)(random() % 4) * 15;
		in.start_choice = in.end_choice = I18N_WALL_EARLIER;
		in.end = in.start;
		in.end.hour += 2;
		in.venue = "Kauno apskrities viešoji biblioteka";
		in.eldership = cal_elderships[random() % 11].code;
		in.languages = 1u << (random() % 5);
		tag[0] = tags[random() % 7];
		tag[1] = i % 500 == 0 ? "reta" : tags[random() % 7];
		in.tags = tag;
		in.ntags = 2;
		in.access = (unsigned)(random() % 16);
		in.capacity = (int)(random() % 3) * 20;
		in.cost = random() % 4 == 0 ? "5 €" : "";
		in.recur.freq = i < WEEKLY ? CAL_WEEKLY : CAL_ONCE;
		e = calendar_event_create(db, &org, &in, &id);
		if (core_failed(e)) {
			fprintf(stderr, "event %d: %s\n", i, e.key);
			exit(1);
		}
	}
	/* Answers to the first occurrences of random events. */
	while (answered < ANSWERS) {
		struct cal_event ev;
		int64_t eid = 1 + random() % EVENTS;

		if (calendar_event_get(db, &org, eid, 0, now, &ev) != 0)
			exit(1);
		if (!core_failed(calendar_answer(db,
		    &members[random() % MEMBERS], eid, ev.occ.recur_utc,
		    1 + (int)(random() % 3), NULL, NULL)))
			answered++;
		cal_event_free(&ev);
	}
	printf("built %d events (%d weekly), %lld occurrences, %d answers "
	    "in %.0f s\n", EVENTS, WEEKLY, (long long)occurrence_count(),
	    ANSWERS, (bench_now_ms() - s) / 1000);
}

/* The first day of the month i months from now, and the next. */
static void
month(int i, int64_t *from, int64_t *to)
{
	struct i18n_wall w;
	int y, m;

	i18n_wall_from_utc(db_now(), &w, NULL);
	y = w.year + (w.month - 1 + i) / 12;
	m = (w.month - 1 + i) % 12 + 1;
	if (calendar_day_bounds(y, m, 1, from, to) != 0 ||
	    calendar_day_bounds(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1, to,
	    &(int64_t){ 0 }) != 0)
		exit(1);
}

/* The month grid: which days have events (calendar_month_marks). */
static void
bench_month(void)
{
	struct bench_timing t = { .n = 0 };
	struct i18n_wall w;
	int counts[31], n = 0;
	double s;

	i18n_wall_from_utc(db_now(), &w, NULL);
	for (int i = 0; i < RUNS; i++) {
		int m = (w.month - 1 + 1 + i % 11) % 12 + 1;
		int y = w.year + (w.month - 1 + 1 + i % 11) / 12;

		s = bench_now_ms();
		if (calendar_month_marks(db, &members[i % MEMBERS], y, m, NULL,
		    counts) < 28)
			exit(1);
		t.v[t.n++] = bench_now_ms() - s;
		if (i == 0) {
			for (int d = 0; d < 28; d++)
				n += counts[d];
			printf("  (a month holds about %d occurrences)\n", n);
		}
	}
	report("month view (days marked)", &t, 10);
}

/* A day's list, and the month as one list of occurrences. */
static void
bench_range(const char *label, int days)
{
	struct cal_occurrence_list l;
	struct bench_timing t = { .n = 0 };
	int64_t from, to;
	double s;

	for (int i = 0; i < RUNS; i++) {
		month(1 + i % 11, &from, &to);
		from += (int64_t)(i % 27) * 86400 * (days == 1);
		if (days == 1)
			to = from + 86400;
		s = bench_now_ms();
		if (calendar_range(db, &members[i % MEMBERS], from, to, NULL,
		    &l) != 0 || l.n == 0)
			exit(1);
		t.v[t.n++] = bench_now_ms() - s;
		cal_occurrence_list_free(&l);
	}
	report(label, &t, days == 1 ? 10 : 0);
}

/* The month as it would be without cal_occurrences: every rule expanded
 * by libical at each view. */
static void
bench_month_naive(void)
{
	struct bench_timing t = { .n = 0 };
	int64_t from, to;
	double s;

	for (int i = 0; i < RUNS / 10; i++) {
		sqlite3_stmt *st;
		size_t n = 0;

		month(1 + i % 11, &from, &to);
		s = bench_now_ms();
		st = db_prepare(db, "SELECT start_wall, rrule, start_utc, "
		    "end_utc FROM cal_events WHERE state IN (1, 2)");
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *wall = (const char *)sqlite3_column_text(st,
			    0), *rule = (const char *)sqlite3_column_text(st, 1);
			int64_t len = sqlite3_column_int64(st, 3) -
			    sqlite3_column_int64(st, 2), u;
			struct icaltimetype dt = icaltime_null_time(), x;
			icalrecur_iterator *it;

			if (*rule == '\0') {
				n += sqlite3_column_int64(st, 2) < to &&
				    sqlite3_column_int64(st, 3) > from;
				continue;
			}
			sscanf(wall, "%4d-%2d-%2dT%2d:%2d", &dt.year,
			    &dt.month, &dt.day, &dt.hour, &dt.minute);
			it = icalrecur_iterator_new(
			    icalrecurrencetype_from_string(rule), dt);
			for (x = icalrecur_iterator_next(it);
			    !icaltime_is_null_time(x);
			    x = icalrecur_iterator_next(it)) {
				struct i18n_wall w = { x.year, x.month, x.day,
					x.hour, x.minute };

				if (i18n_wall_to_utc_rfc(&w, &u) != 0 ||
				    u >= to)
					break;
				n += u + len > from;
			}
			icalrecur_iterator_free(it);
		}
		sqlite3_finalize(st);
		t.v[t.n++] = bench_now_ms() - s;
		if (n == 0)
			exit(1);
	}
	report("month view (expand every rule)", &t, 0);
}

static void
bench_agenda(const char *label, const struct cal_filter *f, bool offset)
{
	struct cal_occurrence_list l;
	struct bench_timing t = { .n = 0 };
	int64_t now = db_now();
	char what[64];
	double s;
	int runs = offset ? RUNS / 10 : RUNS;

	for (int i = 0; i < runs; i++) {
		/* A page some way into the agenda: i * 25 pages in. */
		int skip = (i % 40) * 25 * PAGE;
		struct cal_cursor cur;
		sqlite3_stmt *st;

		st = db_prepare(db, "SELECT start_utc, event_id, recur_utc "
		    "FROM cal_occurrences WHERE start_utc > ?1 ORDER BY "
		    "start_utc, event_id, recur_utc LIMIT 1 OFFSET ?2");
		sqlite3_bind_int64(st, 1, now);
		sqlite3_bind_int(st, 2, skip);
		if (sqlite3_step(st) != SQLITE_ROW)
			exit(1);
		cur = (struct cal_cursor){ sqlite3_column_int64(st, 0),
			sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2) };
		sqlite3_finalize(st);
		s = bench_now_ms();
		if (offset) {
			/* The same page by OFFSET over the joined rows. */
			st = db_prepare(db, "SELECT o.event_id, e.title, "
			    "(SELECT count(*) FROM cal_answers g WHERE "
			    "g.event_id = o.event_id AND g.recur_utc = "
			    "o.recur_utc AND g.answer = 1) FROM cal_occurrences "
			    "o JOIN cal_events e ON e.id = o.event_id WHERE "
			    "o.end_utc > ?1 AND e.state IN (1, 2) ORDER BY "
			    "o.start_utc, o.event_id, o.recur_utc LIMIT ?2 "
			    "OFFSET ?3");
			sqlite3_bind_int64(st, 1, now);
			sqlite3_bind_int(st, 2, PAGE);
			sqlite3_bind_int(st, 3, skip);
			while (sqlite3_step(st) == SQLITE_ROW)
				;
			sqlite3_finalize(st);
		} else {
			if (calendar_agenda(db, &members[i % MEMBERS], now,
			    i % 40 ? &cur : NULL, f, PAGE, &l) != 0 ||
			    l.n == 0)
				exit(1);
			cal_occurrence_list_free(&l);
		}
		t.v[t.n++] = bench_now_ms() - s;
	}
	snprintf(what, sizeof what, "agenda page, %s%s", label,
	    offset ? " (OFFSET)" : "");
	report(what, &t, offset ? 0 : 10);
}

static void
bench_ics(void)
{
	struct bench_timing t = { .n = 0 };
	struct strbuf out = { 0 };
	double s;

	for (int i = 0; i < RUNS / 20; i++) {
		s = bench_now_ms();
		if (calendar_ics_public(db, db_now(), &out) != 0)
			exit(1);
		t.v[t.n++] = bench_now_ms() - s;
		if (i == 0)
			printf("  (calendar.ics: %zu bytes)\n", out.len);
		sb_free(&out);
	}
	report("calendar.ics, a year of events", &t, 200);
}

int
main(void)
{
	char dir[] = "/tmp/tinklas-bench-calendar-XXXXXX";
	struct cal_filter tag = { .tag = "reta" }, lang = { .languages = 1 },
	    mine = { .answered_only = true };

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (i18n_init("Europe/Vilnius") != 0 || bench_open(dir, &db) != 0)
		return 1;
	/* Building is not what is measured: no waiting for the disk. */
	bench_exec(db, "PRAGMA synchronous = OFF");
	load();
	bench_exec(db, "PRAGMA synchronous = NORMAL; ANALYZE");
	printf("times in ms over %d runs (baselines over %d)\n", RUNS,
	    RUNS / 10);
	/* BENCH_ONLY=ics times the feed alone, for a profiler. */
	if (getenv("BENCH_ONLY") != NULL && strcmp(getenv("BENCH_ONLY"),
	    "ics") == 0) {
		bench_ics();
		goto done;
	}
	bench_month();
	bench_month_naive();
	bench_range("day view", 1);
	bench_range("month as a list of every occurrence", 31);
	bench_agenda("no filter", NULL, false);
	bench_agenda("no filter", NULL, true);
	bench_agenda("rare tag", &tag, false);
	bench_agenda("one language", &lang, false);
	bench_agenda("only mine", &mine, false);
	bench_ics();
done:
	bench_close(dir, db);
	i18n_shutdown();
	return 0;
}
