/* core/calendar and i18n/calendar: wall times at the daylight-saving
 * changes, recurrence across them and across month ends, who may publish
 * and approve, the views' queries, answers with the waitlist, and two
 * processes taking the last place at once. */
#include "core/calendar.h"
#include "core/domain.h"
#include "core/db.h"
#include "core/db-internal.h"
#include "i18n/calendar.h"
#include "i18n/i18n.h"
#include "tests/unit/fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

struct fixture {
	struct tdb	 t;	/* first: tdb_new and tdb_teardown */
	struct actor	 org, mod, ruta, jonas, olena;
};

static int
setup(void **state)
{
	struct fixture *f = tdb_new(sizeof *f, "calendar");

	f->org = tdb_viewer(&f->t, "biblioteka", "lt", ROLE_ORGANISER);
	f->mod = tdb_viewer(&f->t, "moderatore", "lt", ROLE_MODERATOR);
	f->ruta = tdb_viewer(&f->t, "ruta", "lt", ROLE_MEMBER);
	f->jonas = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	f->olena = tdb_viewer(&f->t, "olena", "uk", ROLE_MEMBER);
	*state = f;
	return 0;
}

static struct i18n_wall
wall(int y, int mo, int d, int h, int mi)
{
	return (struct i18n_wall){ y, mo, d, h, mi };
}

/* A published-looking form: 90 minutes at the library. */
static struct cal_event_input
form(const char *title, struct i18n_wall start)
{
	struct cal_event_input in = { 0 };
	int64_t t;

	in.title = title;
	in.description = "";
	in.start = start;
	assert_int_equal(i18n_wall_to_utc_rfc(&start, &t), 0);
	i18n_wall_from_utc(t + 90 * 60, &in.end, NULL);
	in.venue = "Kauno apskrities viešoji biblioteka";
	in.address = "Radastų g. 2";
	in.eldership = "centras";
	in.languages = CAL_LANG_BIT(0);
	in.recur.freq = CAL_ONCE;
	in.recur.interval = 1;
	return in;
}

static int64_t
create(struct fixture *f, const struct actor *a,
    const struct cal_event_input *in)
{
	struct core_error e;
	int64_t id = 0;

	e = calendar_event_create(f->t.db, a, in, &id);
	if (e.key != NULL)
		fail_msg("create: %s (%s)", e.key, e.field ? e.field : "-");
	assert_true(id > 0);
	return id;
}

static int64_t
utc(int y, int mo, int d, int h, int mi)
{
	struct i18n_wall w = wall(y, mo, d, h, mi);
	int64_t t;

	assert_int_equal(i18n_wall_to_utc_rfc(&w, &t), 0);
	return t;
}

/* The occurrences of event id that start in [from, to). */
static void
occurrences(struct fixture *f, int64_t id, int64_t from, int64_t to,
    struct cal_occurrence_list *out)
{
	struct cal_occurrence_list all;
	size_t n = 0;

	assert_int_equal(calendar_range(f->t.db, &f->ruta, from, to, NULL,
	    &all), 0);
	for (size_t i = 0; i < all.n; i++) {
		if (all.v[i].event_id == id && all.v[i].start >= from)
			all.v[n++] = all.v[i];
	}
	all.n = n;
	*out = all;
}

static void
test_wall_times_at_the_changes(void **state)
{
	struct fixture *f = *state;
	struct i18n_wall w = wall(2026, 3, 29, 3, 30), back;
	struct cal_event_input in;
	struct cal_event ev;
	struct core_error e;
	int64_t t, id;

	(void)f;
	/* Summer: +3; winter: +2. */
	w = wall(2026, 7, 1, 18, 0);
	assert_int_equal(i18n_wall_to_utc(&w, I18N_WALL_ASK, &t), I18N_WALL_OK);
	assert_int_equal(t, 1782918000);	/* 2026-07-01 15:00 UTC */
	i18n_wall_from_utc(t, &back, NULL);
	assert_int_equal(back.hour, 18);
	/* 03:30 on 29 March does not exist: 03:00 became 04:00. */
	w = wall(2026, 3, 29, 3, 30);
	assert_int_equal(i18n_wall_to_utc(&w, I18N_WALL_ASK, &t),
	    I18N_WALL_NONEXISTENT);
	assert_int_equal(i18n_wall_to_utc(&w, I18N_WALL_EARLIER, &t),
	    I18N_WALL_NONEXISTENT);
	/* The hour before and after it do. */
	w.hour = 2;
	assert_int_equal(i18n_wall_to_utc(&w, I18N_WALL_ASK, &t), I18N_WALL_OK);
	w.hour = 4;
	assert_int_equal(i18n_wall_to_utc(&w, I18N_WALL_ASK, &t), I18N_WALL_OK);
	/* 03:30 on 25 October happens twice: 00:30 and 01:30 UTC. */
	w = wall(2026, 10, 25, 3, 30);
	assert_int_equal(i18n_wall_to_utc(&w, I18N_WALL_ASK, &t),
	    I18N_WALL_REPEATED);
	assert_int_equal(i18n_wall_to_utc(&w, I18N_WALL_EARLIER, &t),
	    I18N_WALL_OK);
	assert_int_equal(t, 1792888200);	/* 2026-10-25 00:30 UTC */
	assert_int_equal(i18n_wall_to_utc(&w, I18N_WALL_LATER, &t),
	    I18N_WALL_OK);
	assert_int_equal(t, 1792891800);	/* 01:30 UTC */
	w = wall(2026, 4, 31, 12, 0);
	assert_int_equal(i18n_wall_to_utc(&w, I18N_WALL_ASK, &t),
	    I18N_WALL_INVALID);
	w = wall(2028, 2, 29, 12, 0);
	assert_int_equal(i18n_wall_to_utc(&w, I18N_WALL_ASK, &t), I18N_WALL_OK);
	w = wall(2027, 2, 29, 12, 0);
	assert_int_equal(i18n_wall_to_utc(&w, I18N_WALL_ASK, &t),
	    I18N_WALL_INVALID);

	/* The model says so, with the field; never shifts silently. */
	in = form("Naktinis žygis", wall(2026, 3, 29, 3, 30));
	in.end = wall(2026, 3, 29, 5, 0);
	e = calendar_event_create(f->t.db, &f->org, &in, &id);
	assert_string_equal(e.key, "error.calendar.time_nonexistent");
	assert_string_equal(e.field, "start");
	in = form("Naktinis žygis", wall(2026, 10, 25, 3, 30));
	in.end = wall(2026, 10, 25, 5, 0);
	e = calendar_event_create(f->t.db, &f->org, &in, &id);
	assert_string_equal(e.key, "error.calendar.time_repeated");
	assert_string_equal(e.field, "start");
	in.start_choice = I18N_WALL_LATER;
	id = create(f, &f->org, &in);
	assert_int_equal(calendar_event_get(f->t.db, &f->org, id, 0, 0, &ev), 0);
	assert_int_equal(ev.occ.start, 1792891800);
	/* 03:30 (+2) to 05:00 (+2): 90 minutes, not 150. */
	assert_int_equal(ev.occ.end - ev.occ.start, 90 * 60);
	cal_event_free(&ev);
}

static void
test_weekly_keeps_wall_time_across_both_changes(void **state)
{
	struct fixture *f = *state;
	struct cal_event_input in = form("Kalbų kavinė",
	    wall(2026, 3, 5, 18, 0));
	struct cal_occurrence_list l;
	struct core_error e;
	struct i18n_wall w;
	int64_t id;
	int wd, summer = 0, winter = 0;

	in.recur.freq = CAL_WEEKLY;
	in.recur.count = 40;
	id = create(f, &f->org, &in);
	occurrences(f, id, utc(2026, 3, 1, 0, 0), utc(2027, 1, 1, 0, 0), &l);
	assert_int_equal(l.n, 40);
	for (size_t i = 0; i < l.n; i++) {
		i18n_wall_from_utc(l.v[i].start, &w, &wd);
		assert_int_equal(w.hour, 18);
		assert_int_equal(w.minute, 0);
		assert_int_equal(wd, 4);	/* Thursday */
		assert_int_equal(l.v[i].end - l.v[i].start, 90 * 60);
		if (l.v[i].start % 86400 == 15 * 3600)
			summer++;
		else if (l.v[i].start % 86400 == 16 * 3600)
			winter++;
		if (i > 0)
			assert_true(l.v[i].start > l.v[i - 1].start);
	}
	/* 26 March (winter) and 2 April (summer) straddle 29 March; 22 and
	 * 29 October straddle the 25th. */
	assert_int_equal(l.v[3].start, utc(2026, 3, 26, 18, 0));
	assert_int_equal(l.v[3].start % 86400, 16 * 3600);
	assert_int_equal(l.v[4].start % 86400, 15 * 3600);
	assert_int_equal(l.v[33].start, utc(2026, 10, 22, 18, 0));
	assert_int_equal(l.v[33].start % 86400, 15 * 3600);
	assert_int_equal(l.v[34].start % 86400, 16 * 3600);
	assert_true(summer > 20 && winter > 5);
	cal_occurrence_list_free(&l);

	/* Every second week on Tuesday and Thursday, until a day: that day
	 * included. */
	in = form("Programavimo klubas", wall(2027, 1, 5, 10, 0));
	in.recur.freq = CAL_WEEKLY;
	in.recur.interval = 2;
	in.recur.weekdays = (1u << 1) | (1u << 3);
	in.recur.until = wall(2027, 2, 4, 0, 0);
	/* Not on the start's day (a Tuesday): refused on the weekdays. */
	in.recur.weekdays = (1u << 2) | (1u << 3);
	e = calendar_event_create(f->t.db, &f->org, &in, &id);
	assert_string_equal(e.key, "error.calendar.weekdays_start");
	assert_string_equal(e.field, "weekdays");
	in.recur.weekdays = (1u << 1) | (1u << 3);
	id = create(f, &f->org, &in);
	occurrences(f, id, utc(2027, 1, 1, 0, 0), utc(2027, 6, 1, 0, 0), &l);
	assert_int_equal(l.n, 6);	/* 5, 7, 19, 21 Jan, 2, 4 Feb */
	assert_int_equal(l.v[2].start, utc(2027, 1, 19, 10, 0));
	assert_int_equal(l.v[5].start, utc(2027, 2, 4, 10, 0));
	cal_occurrence_list_free(&l);
}

static void
test_month_ends_and_leap_day(void **state)
{
	struct fixture *f = *state;
	struct cal_event_input in = form("Mėnesio pabaigos talka",
	    wall(2027, 1, 31, 12, 0));
	struct cal_occurrence_list l;
	struct i18n_wall w;
	int64_t id;
	static const int months31[] = { 1, 3, 5, 7, 8, 10 };

	/* On the 31st: the months without one are skipped, as RFC 5545
	 * says, never moved to the 30th or into the next month. */
	in.recur.freq = CAL_MONTHLY_DAY;
	in.recur.count = 6;
	id = create(f, &f->org, &in);
	occurrences(f, id, utc(2027, 1, 1, 0, 0), utc(2028, 1, 1, 0, 0), &l);
	assert_int_equal(l.n, 6);
	for (size_t i = 0; i < l.n; i++) {
		i18n_wall_from_utc(l.v[i].start, &w, NULL);
		assert_int_equal(w.month, months31[i]);
		assert_int_equal(w.day, 31);
		assert_int_equal(w.hour, 12);
	}
	cal_occurrence_list_free(&l);

	/* On 29 February: leap years only; far ahead, after the horizon is
	 * extended. */
	in = form("Keliamųjų metų vakaras", wall(2028, 2, 29, 19, 0));
	in.recur.freq = CAL_YEARLY;
	in.recur.count = 3;
	id = create(f, &f->org, &in);
	assert_int_equal(calendar_extend_horizon(f->t.db,
	    utc(2037, 1, 1, 0, 0)), 0);
	occurrences(f, id, utc(2028, 1, 1, 0, 0), utc(2037, 1, 1, 0, 0), &l);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.v[0].start, utc(2028, 2, 29, 19, 0));
	assert_int_equal(l.v[1].start, utc(2032, 2, 29, 19, 0));
	assert_int_equal(l.v[2].start, utc(2036, 2, 29, 19, 0));
	cal_occurrence_list_free(&l);

	/* The last Friday of each month, and the second Tuesday. */
	in = form("Paskutinio penktadienio kinas", wall(2027, 1, 29, 20, 0));
	in.recur.freq = CAL_MONTHLY_WEEKDAY;
	in.recur.nth = -1;
	in.recur.count = 4;
	id = create(f, &f->org, &in);
	occurrences(f, id, utc(2027, 1, 1, 0, 0), utc(2028, 1, 1, 0, 0), &l);
	assert_int_equal(l.n, 4);
	assert_int_equal(l.v[1].start, utc(2027, 2, 26, 20, 0));
	assert_int_equal(l.v[2].start, utc(2027, 3, 26, 20, 0));
	assert_int_equal(l.v[3].start, utc(2027, 4, 30, 20, 0));
	cal_occurrence_list_free(&l);
	in = form("Antrojo antradienio skaitymai", wall(2027, 1, 12, 17, 0));
	in.recur.freq = CAL_MONTHLY_WEEKDAY;
	in.recur.nth = 2;
	in.recur.count = 3;
	id = create(f, &f->org, &in);
	occurrences(f, id, utc(2027, 1, 1, 0, 0), utc(2028, 1, 1, 0, 0), &l);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.v[1].start, utc(2027, 2, 9, 17, 0));
	assert_int_equal(l.v[2].start, utc(2027, 3, 9, 17, 0));
	cal_occurrence_list_free(&l);
	/* A rule that cannot be. */
	in.recur.nth = 5;
	assert_string_equal(calendar_event_create(f->t.db, &f->org, &in,
	    &id).key, "error.calendar.recurrence");
}

static void
test_horizon_grows_by_the_new_weeks(void **state)
{
	struct fixture *f = *state;
	struct cal_event_input in = form("Kas savaitę, be pabaigos",
	    wall(2027, 1, 7, 18, 0));
	struct cal_occurrence_list l;
	struct i18n_wall w;
	int64_t id, far = db_now() + 4 * 365 * 86400LL, first;
	size_t before;

	in.recur.freq = CAL_WEEKLY;
	id = create(f, &f->org, &in);
	first = utc(2027, 1, 7, 18, 0);
	assert_null(calendar_answer(f->t.db, &f->ruta, id, first, CAL_GOING,
	    NULL, NULL).key);
	occurrences(f, id, first, far, &l);
	before = l.n;
	/* Up to the horizon, two years from now, and no further. */
	assert_true(before >= 52 && before <= 2 * 53 + 2);
	assert_true(l.v[l.n - 1].start <= db_now() +
	    (int64_t)CAL_HORIZON_DAYS * 86400);
	cal_occurrence_list_free(&l);
	assert_int_equal(calendar_extend_horizon(f->t.db, far), 0);
	occurrences(f, id, first, far, &l);
	assert_true(l.n > before + 100);
	for (size_t i = 0; i < l.n; i++) {
		i18n_wall_from_utc(l.v[i].start, &w, NULL);
		assert_int_equal(w.hour, 18);
		if (i > 0)
			assert_in_range(l.v[i].start - l.v[i - 1].start,
			    7 * 86400 - 3600, 7 * 86400 + 3600);
	}
	/* The weeks already there stayed, with their answers. */
	assert_int_equal(l.v[0].recur_utc, first);
	assert_int_equal(l.v[0].mine, CAL_GOING);
	cal_occurrence_list_free(&l);
	/* A second step to the same day adds nothing. */
	assert_int_equal(calendar_extend_horizon(f->t.db, far), 0);
	occurrences(f, id, first, far + 86400 * 30, &l);
	assert_true(l.v[l.n - 1].start < far);
	cal_occurrence_list_free(&l);
}

/* The server's hourly upkeep (domain_maintain, the calendar's maintain
 * hook) keeps the horizon CAL_HORIZON_DAYS ahead of the day it runs. */
static void
test_upkeep_moves_the_horizon(void **state)
{
	struct fixture *f = *state;
	struct cal_event_input in = form("Kalbų kavinė", wall(2027, 1, 7, 18, 0));
	struct cal_occurrence_list l;
	int64_t id, later = db_now() + 365 * 86400LL;
	int64_t far = later + (int64_t)CAL_HORIZON_DAYS * 86400;

	in.recur.freq = CAL_WEEKLY;
	id = create(f, &f->org, &in);
	occurrences(f, id, later + (int64_t)CAL_HORIZON_DAYS * 86400 - 30 * 86400,
	    far, &l);
	assert_int_equal(l.n, 0);	/* beyond today's horizon: none yet */
	cal_occurrence_list_free(&l);
	assert_int_equal(domain_maintain(f->t.db, later), 0);
	occurrences(f, id, later + (int64_t)CAL_HORIZON_DAYS * 86400 - 30 * 86400,
	    far + 86400, &l);
	assert_in_range(l.n, 4, 5);	/* the last month of the new horizon */
	cal_occurrence_list_free(&l);
}

static void
test_all_day_across_the_change(void **state)
{
	struct fixture *f = *state;
	struct cal_event_input in = form("Knygų mugė",
	    wall(2027, 3, 27, 0, 0));
	struct cal_occurrence_list l;
	int64_t id;

	in.all_day = true;
	in.end = wall(2027, 3, 29, 0, 0);
	in.recur.freq = CAL_YEARLY;
	in.recur.count = 2;
	id = create(f, &f->org, &in);
	occurrences(f, id, utc(2027, 1, 1, 0, 0), utc(2029, 1, 1, 0, 0), &l);
	assert_int_equal(l.n, 2);
	assert_true(l.v[0].all_day);
	/* Three days from midnight to midnight; the clocks went forward on
	 * the 28th, so 71 hours. */
	assert_int_equal(l.v[0].start, utc(2027, 3, 27, 0, 0));
	assert_int_equal(l.v[0].end, utc(2027, 3, 30, 0, 0));
	assert_int_equal(l.v[0].end - l.v[0].start, 71 * 3600);
	assert_int_equal(l.v[1].start, utc(2028, 3, 27, 0, 0));
	assert_int_equal(l.v[1].end, utc(2028, 3, 30, 0, 0));
	cal_occurrence_list_free(&l);
}

static void
test_one_occurrence_cancelled_or_moved(void **state)
{
	struct fixture *f = *state;
	struct cal_event_input in = form("Kalbų kavinė",
	    wall(2027, 3, 4, 18, 0));
	struct cal_occurrence_list l;
	struct cal_notify who = { 0 };
	struct i18n_wall to = wall(2027, 3, 19, 17, 0);
	int64_t id, third;

	in.recur.freq = CAL_WEEKLY;
	in.recur.count = 4;
	id = create(f, &f->org, &in);
	third = utc(2027, 3, 18, 18, 0);
	assert_null(calendar_answer(f->t.db, &f->ruta, id, third, CAL_GOING,
	    NULL, NULL).key);
	/* A member may not; the organiser may, and learns who answered. */
	assert_string_equal(calendar_occurrence_cancel(f->t.db, &f->jonas, id,
	    utc(2027, 3, 11, 18, 0), NULL).key, "error.calendar.not_allowed");
	assert_null(calendar_occurrence_cancel(f->t.db, &f->org, id,
	    utc(2027, 3, 11, 18, 0), NULL).key);
	assert_null(calendar_occurrence_move(f->t.db, &f->org, id, third, &to,
	    I18N_WALL_ASK, &who).key);
	assert_int_equal(who.n, 1);
	assert_int_equal(who.ids[0], f->ruta.account_id);
	cal_notify_free(&who);
	assert_string_equal(calendar_occurrence_cancel(f->t.db, &f->org, id,
	    utc(2027, 3, 12, 18, 0), NULL).key, "error.calendar.no_occurrence");
	occurrences(f, id, utc(2027, 3, 1, 0, 0), utc(2027, 4, 1, 0, 0), &l);
	assert_int_equal(l.n, 4);
	assert_false(l.v[0].cancelled);
	assert_true(l.v[1].cancelled);
	/* Moved to Friday 17:00, still the third, answer kept. */
	assert_int_equal(l.v[2].recur_utc, third);
	assert_int_equal(l.v[2].start, utc(2027, 3, 19, 17, 0));
	assert_int_equal(l.v[2].end - l.v[2].start, 90 * 60);
	cal_occurrence_list_free(&l);
	assert_string_equal(calendar_answer(f->t.db, &f->jonas, id,
	    utc(2027, 3, 11, 18, 0), CAL_GOING, NULL, NULL).key,
	    "error.calendar.cancelled");
	/* Extending the horizon keeps both. */
	assert_int_equal(calendar_extend_horizon(f->t.db,
	    utc(2030, 1, 1, 0, 0)), 0);
	occurrences(f, id, utc(2027, 3, 1, 0, 0), utc(2027, 4, 1, 0, 0), &l);
	assert_true(l.v[1].cancelled);
	assert_int_equal(l.v[2].start, utc(2027, 3, 19, 17, 0));
	assert_int_equal(l.v[2].mine, CAL_GOING);	/* Rūta's answer stayed */
	cal_occurrence_list_free(&l);
}

static void
test_who_publishes_and_approves(void **state)
{
	struct fixture *f = *state;
	struct cal_event_input in = form("Mainų turgelis",
	    wall(2027, 5, 8, 11, 0));
	struct cal_occurrence_list l;
	struct cal_event ev;
	struct actor guest = actor_guest("lt");
	int64_t id, pub;

	assert_string_equal(calendar_event_create(f->t.db, &guest, &in,
	    &id).key, "error.calendar.guest");
	/* A member proposes: not in the views, seen by them and the
	 * moderators, in the queue. */
	id = create(f, &f->ruta, &in);
	assert_int_equal(audit_count(f->t.db, "event.propose"), 1);
	assert_int_equal(calendar_range(f->t.db, &f->jonas,
	    utc(2027, 5, 1, 0, 0), utc(2027, 6, 1, 0, 0), NULL, &l), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(calendar_event_get(f->t.db, &f->jonas, id, 0, 0, &ev),
	    -1);
	assert_int_equal(calendar_event_get(f->t.db, &f->ruta, id, 0, 0, &ev), 0);
	assert_int_equal(ev.occ.state, CAL_PROPOSED);
	cal_event_free(&ev);
	assert_int_equal(calendar_proposals(f->t.db, &f->jonas, &l), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(calendar_proposals(f->t.db, &f->mod, &l), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].event_id, id);
	cal_occurrence_list_free(&l);
	assert_string_equal(calendar_proposal_approve(f->t.db, &f->ruta,
	    id).key, "error.calendar.not_allowed");
	assert_string_equal(calendar_proposal_approve(f->t.db, &f->org,
	    id).key, "error.calendar.not_allowed");
	assert_null(calendar_proposal_approve(f->t.db, &f->mod, id).key);
	assert_int_equal(audit_count(f->t.db, "event.approve"), 1);
	assert_string_equal(calendar_proposal_approve(f->t.db, &f->mod,
	    id).key, "error.calendar.not_proposed");
	assert_int_equal(calendar_range(f->t.db, &f->jonas,
	    utc(2027, 5, 1, 0, 0), utc(2027, 6, 1, 0, 0), NULL, &l), 0);
	assert_int_equal(l.n, 1);
	cal_occurrence_list_free(&l);
	/* Its member edits it: it waits for a moderator again. */
	in.title = "Mainų turgelis ir arbata";
	assert_null(calendar_event_update(f->t.db, &f->ruta, id, &in,
	    NULL).key);
	assert_int_equal(calendar_range(f->t.db, &f->jonas,
	    utc(2027, 5, 1, 0, 0), utc(2027, 6, 1, 0, 0), NULL, &l), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(calendar_proposals(f->t.db, &f->mod, &l), 0);
	assert_int_equal(l.n, 1);
	cal_occurrence_list_free(&l);
	assert_null(calendar_proposal_approve(f->t.db, &f->mod, id).key);
	in.title = "Mainų turgelis";
	/* A reject, with a reason, in the audit. */
	pub = create(f, &f->jonas, &in);
	assert_null(calendar_proposal_reject(f->t.db, &f->mod, pub,
	    "Jau yra toks renginys").key);
	assert_int_equal(audit_count(f->t.db, "event.reject"), 1);
	assert_int_equal(calendar_event_get(f->t.db, &f->ruta, pub, 0, 0, &ev),
	    -1);
	/* An organiser publishes at once; others may not edit it. */
	pub = create(f, &f->org, &in);
	assert_int_equal(audit_count(f->t.db, "event.publish"), 1);
	assert_int_equal(calendar_event_get(f->t.db, &f->ruta, pub, 0, 0, &ev), 0);
	assert_int_equal(ev.occ.state, CAL_PUBLISHED);
	assert_false(ev.may_edit);
	cal_event_free(&ev);
	in.title = "Kitas pavadinimas";
	assert_string_equal(calendar_event_update(f->t.db, &f->ruta, pub, &in,
	    NULL).key, "error.calendar.not_allowed");
	assert_null(calendar_event_update(f->t.db, &f->org, pub, &in,
	    NULL).key);
	assert_string_equal(calendar_event_cancel(f->t.db, &f->jonas, pub,
	    NULL, NULL).key, "error.calendar.not_allowed");
	assert_null(calendar_event_cancel(f->t.db, &f->mod, pub,
	    "Salė užimta", NULL).key);
	assert_int_equal(audit_count(f->t.db, "event.cancel"), 1);
	assert_int_equal(calendar_event_get(f->t.db, &f->ruta, pub, 0, 0, &ev), 0);
	assert_true(ev.occ.cancelled);
	assert_string_equal(ev.occ.title, "Kitas pavadinimas");
	cal_event_free(&ev);
}

static void
test_limits_and_places(void **state)
{
	struct fixture *f = *state;
	struct cal_event_input in = form("x", wall(2027, 5, 8, 11, 0));
	char longer[CAL_TITLE_MAX + 2];
	const char *tags[] = { "kalbos", "" };
	struct core_error e;
	int64_t id;

	memset(longer, 'a', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	in.title = longer;
	e = calendar_event_create(f->t.db, &f->org, &in, &id);
	assert_string_equal(e.key, "error.calendar.title_length");
	assert_string_equal(e.field, "title");
	assert_int_equal(e.arg, CAL_TITLE_MAX);
	longer[CAL_TITLE_MAX] = '\0';
	assert_null(calendar_event_create(f->t.db, &f->org, &in, &id).key);
	in.title = "   ";
	assert_string_equal(calendar_event_create(f->t.db, &f->org, &in,
	    &id).key, "error.calendar.title_length");
	in.title = "Vakaras";
	in.eldership = "vilnius";
	assert_string_equal(calendar_event_create(f->t.db, &f->org, &in,
	    &id).key, "error.calendar.place");
	in.eldership = NULL;
	in.venue = "";
	assert_string_equal(calendar_event_create(f->t.db, &f->org, &in,
	    &id).key, "error.calendar.place");
	in.online = true;
	assert_null(calendar_event_create(f->t.db, &f->org, &in, &id).key);
	in.languages = 0;
	assert_string_equal(calendar_event_create(f->t.db, &f->org, &in,
	    &id).key, "error.calendar.languages");
	in.languages = CAL_LANG_BIT(2);
	in.capacity = -1;
	assert_string_equal(calendar_event_create(f->t.db, &f->org, &in,
	    &id).key, "error.calendar.capacity");
	in.capacity = 0;
	in.tags = tags;
	in.ntags = 2;
	assert_string_equal(calendar_event_create(f->t.db, &f->org, &in,
	    &id).key, "error.calendar.tag");
	in.ntags = 0;
	in.end = in.start;
	in.end.hour = 10;
	assert_string_equal(calendar_event_create(f->t.db, &f->org, &in,
	    &id).key, "error.calendar.end_before_start");
	in.end = wall(2027, 6, 8, 11, 0);
	assert_string_equal(calendar_event_create(f->t.db, &f->org, &in,
	    &id).key, "error.calendar.too_long");
	/* Terminal escapes never reach the database. */
	in.end = wall(2027, 5, 8, 12, 0);
	in.title = "Vakaras\x1b[2J";
	id = create(f, &f->org, &in);
	{
		struct cal_event ev;

		assert_int_equal(calendar_event_get(f->t.db, &f->ruta, id, 0, 0,
		    &ev), 0);
		assert_null(strchr(ev.occ.title, '\x1b'));
		cal_event_free(&ev);
	}
}

static void
test_waitlist_and_promotion(void **state)
{
	struct fixture *f = *state;
	struct cal_event_input in = form("Python senjorams",
	    wall(2027, 4, 7, 10, 0));
	struct cal_notify promoted = { 0 };
	struct cal_event ev;
	int64_t id, occ;
	int waiting = -1;

	in.capacity = 1;
	id = create(f, &f->org, &in);
	occ = utc(2027, 4, 7, 10, 0);
	assert_null(calendar_answer(f->t.db, &f->ruta, id, occ, CAL_GOING,
	    &waiting, &promoted).key);
	assert_int_equal(waiting, 0);
	assert_null(calendar_answer(f->t.db, &f->jonas, id, occ, CAL_GOING,
	    &waiting, &promoted).key);
	assert_int_equal(waiting, 1);
	assert_null(calendar_answer(f->t.db, &f->olena, id, occ, CAL_GOING,
	    &waiting, &promoted).key);
	assert_int_equal(waiting, 2);
	/* Asking again keeps the place. */
	assert_null(calendar_answer(f->t.db, &f->olena, id, occ, CAL_GOING,
	    &waiting, &promoted).key);
	assert_int_equal(waiting, 2);
	assert_int_equal(promoted.n, 0);
	assert_int_equal(calendar_event_get(f->t.db, &f->olena, id, occ, 0,
	    &ev), 0);
	assert_int_equal(ev.occ.going, 1);
	assert_int_equal(ev.waiting, 2);
	assert_int_equal(ev.occ.mine, CAL_GOING);
	assert_int_equal(ev.occ.mine_waiting, 2);
	cal_event_free(&ev);
	/* Rūta withdraws: Jonas, the first waiting, gets the place and is
	 * to be told; Olena moves up to 1. */
	assert_null(calendar_answer(f->t.db, &f->ruta, id, occ, CAL_MAYBE,
	    &waiting, &promoted).key);
	assert_int_equal(promoted.n, 1);
	assert_int_equal(promoted.ids[0], f->jonas.account_id);
	cal_notify_free(&promoted);
	assert_int_equal(calendar_event_get(f->t.db, &f->olena, id, occ, 0,
	    &ev), 0);
	assert_int_equal(ev.occ.going, 1);
	assert_int_equal(ev.maybe, 1);
	assert_int_equal(ev.waiting, 1);
	assert_int_equal(ev.occ.mine_waiting, 1);
	cal_event_free(&ev);
	/* A waiting person leaving promotes no one. */
	assert_null(calendar_answer(f->t.db, &f->olena, id, occ, CAL_NO_ANSWER,
	    &waiting, &promoted).key);
	assert_int_equal(promoted.n, 0);
	assert_null(calendar_answer(f->t.db, &f->olena, id, occ, CAL_GOING,
	    &waiting, &promoted).key);
	assert_int_equal(waiting, 1);
	/* More places on an edit take the waiting in; everyone who said
	 * going or maybe is to be told of the change (Rūta, Jonas, Olena). */
	in.capacity = 2;
	assert_null(calendar_event_update(f->t.db, &f->org, id, &in,
	    &promoted).key);
	assert_int_equal(promoted.n, 3);
	cal_notify_free(&promoted);
	assert_int_equal(calendar_event_get(f->t.db, &f->olena, id, occ, 0,
	    &ev), 0);
	assert_int_equal(ev.occ.going, 2);
	assert_int_equal(ev.occ.mine_waiting, 0);
	cal_event_free(&ev);
	/* Cancelling tells them too; answering it is over. */
	assert_null(calendar_answer(f->t.db, &f->ruta, id, occ, CAL_NOT_GOING,
	    NULL, NULL).key);
	assert_null(calendar_event_cancel(f->t.db, &f->org, id, "Liga",
	    &promoted).key);
	assert_int_equal(promoted.n, 2);	/* not Rūta: not going */
	cal_notify_free(&promoted);
	assert_string_equal(calendar_answer(f->t.db, &f->ruta, id, occ,
	    CAL_GOING, NULL, NULL).key, "error.calendar.cancelled");
	/* The past and guests cannot answer. */
	assert_string_equal(calendar_answer(f->t.db, &f->ruta, id, 12345,
	    CAL_GOING, NULL, NULL).key, "error.calendar.no_occurrence");
	{
		struct actor g = actor_guest("lt");

		assert_string_equal(calendar_answer(f->t.db, &g, id, occ,
		    CAL_GOING, NULL, NULL).key, "error.calendar.guest");
	}
	/* Suspended: no new answer, but taking one back is allowed. */
	assert_int_equal(account_suspend(f->t.db, f->jonas.account_id,
	    db_now() + 3600, "x"), 0);
	assert_string_equal(calendar_answer(f->t.db, &f->jonas, id, occ,
	    CAL_MAYBE, NULL, NULL).key, "error.calendar.suspended");
	assert_string_equal(calendar_event_create(f->t.db, &f->jonas, &in,
	    &id).key, "error.calendar.suspended");
	assert_null(calendar_answer(f->t.db, &f->jonas, id, occ,
	    CAL_NO_ANSWER, NULL, NULL).key);
	in = form("Praėjęs", wall(2026, 3, 5, 18, 0));
	id = create(f, &f->org, &in);
	assert_string_equal(calendar_answer(f->t.db, &f->ruta, id,
	    utc(2026, 3, 5, 18, 0), CAL_GOING, NULL, NULL).key,
	    "error.calendar.past");
}

/* Two processes, each with its own connection, answer "going" to the last
 * place of the same occurrence at the same moment, many times over: one
 * gets it, the other waits, every round. */
static void
test_two_processes_never_both_get_the_last_place(void **state)
{
	struct fixture *f = *state;
	struct cal_event_input in = form("Paskutinė vieta",
	    wall(2027, 1, 7, 18, 0));
	struct cal_occurrence_list l;
	struct actor who[2] = { f->jonas, f->olena };
	int64_t id;
	enum { ROUNDS = 30 };

	in.capacity = 1;
	in.recur.freq = CAL_WEEKLY;
	in.recur.count = ROUNDS;
	id = create(f, &f->org, &in);
	occurrences(f, id, utc(2027, 1, 1, 0, 0), utc(2028, 1, 1, 0, 0), &l);
	assert_int_equal(l.n, ROUNDS);
	for (int r = 0; r < ROUNDS; r++) {
		int go[2], status;
		pid_t pid[2];
		char c = 'g';

		assert_int_equal(pipe(go), 0);
		for (int k = 0; k < 2; k++) {
			if ((pid[k] = fork()) == 0) {
				struct db *db;
				char err[256], b;
				int rc;

				close(go[1]);
				if (db_open(f->t.path, &db, err,
				    sizeof err) != 0)
					_exit(2);
				/* Both wait for the same byte: the pipe's
				 * close lets them go at once. */
				rc = (int)read(go[0], &b, 1);
				(void)rc;
				rc = calendar_answer(db, &who[k], id,
				    l.v[r].recur_utc, CAL_GOING, NULL,
				    NULL).key == NULL ? 0 : 3;
				db_close(db);
				_exit(rc);
			}
			assert_true(pid[k] > 0);
		}
		close(go[0]);
		(void)c;
		close(go[1]);
		for (int k = 0; k < 2; k++) {
			assert_int_equal(waitpid(pid[k], &status, 0), pid[k]);
			assert_true(WIFEXITED(status));
			assert_int_equal(WEXITSTATUS(status), 0);
		}
	}
	cal_occurrence_list_free(&l);
	occurrences(f, id, utc(2027, 1, 1, 0, 0), utc(2028, 1, 1, 0, 0), &l);
	for (int r = 0; r < ROUNDS; r++) {
		struct cal_event ev;

		assert_int_equal(l.v[r].going, 1);
		assert_int_equal(calendar_event_get(f->t.db, &f->ruta, id,
		    l.v[r].recur_utc, 0, &ev), 0);
		assert_int_equal(ev.waiting, 1);
		cal_event_free(&ev);
	}
	cal_occurrence_list_free(&l);
}

static void
test_agenda_filters_and_pages(void **state)
{
	struct fixture *f = *state;
	const char *tags[] = { "Kalbos" };
	struct cal_event_input in;
	struct cal_occurrence_list l;
	struct cal_filter flt = { 0 };
	struct cal_cursor cur;
	int64_t now = utc(2027, 1, 1, 0, 0), lang, online, paid;
	size_t seen = 0;

	in = form("Kalbų kavinė", wall(2027, 1, 7, 18, 0));
	in.tags = tags;
	in.ntags = 1;
	in.languages = CAL_LANG_BIT(0) | CAL_LANG_BIT(2);
	in.access = CAL_ACCESS_STEP_FREE | CAL_ACCESS_HEARING_LOOP;
	in.recur.freq = CAL_WEEKLY;
	in.recur.count = 10;
	lang = create(f, &f->org, &in);
	in = form("Online: e. paslaugos", wall(2027, 1, 8, 12, 0));
	in.venue = "";
	in.eldership = NULL;
	in.online = true;
	in.languages = CAL_LANG_BIT(1);
	online = create(f, &f->mod, &in);
	in = form("Fotografija", wall(2027, 1, 9, 11, 0));
	in.cost = "5 €";
	in.eldership = "sanciai";
	paid = create(f, &f->org, &in);
	assert_null(calendar_answer(f->t.db, &f->ruta, paid,
	    utc(2027, 1, 9, 11, 0), CAL_MAYBE, NULL, NULL).key);

	/* Pages of 4 after a cursor: 12 in all, each once, in order. */
	memset(&cur, 0, sizeof cur);
	for (int page = 0; page < 4; page++) {
		assert_int_equal(calendar_agenda(f->t.db, &f->ruta, now,
		    page ? &cur : NULL, NULL, 4, &l), 0);
		seen += l.n;
		if (l.n > 0) {
			cur = (struct cal_cursor){ l.v[l.n - 1].start,
				l.v[l.n - 1].event_id, l.v[l.n - 1].recur_utc };
		}
		assert_int_equal(l.more, page < 2);
		cal_occurrence_list_free(&l);
	}
	assert_int_equal(seen, 12);

	flt.tag = "kalbos";
	assert_int_equal(calendar_agenda(f->t.db, &f->ruta, now, NULL, &flt,
	    50, &l), 0);
	assert_int_equal(l.n, 10);
	assert_int_equal(l.v[0].event_id, lang);
	cal_occurrence_list_free(&l);
	memset(&flt, 0, sizeof flt);
	flt.eldership = "online";
	assert_int_equal(calendar_agenda(f->t.db, &f->ruta, now, NULL, &flt,
	    50, &l), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].event_id, online);
	cal_occurrence_list_free(&l);
	memset(&flt, 0, sizeof flt);
	flt.eldership = "sanciai";
	assert_int_equal(calendar_agenda(f->t.db, &f->ruta, now, NULL, &flt,
	    50, &l), 0);
	assert_int_equal(l.n, 1);
	cal_occurrence_list_free(&l);
	memset(&flt, 0, sizeof flt);
	flt.languages = CAL_LANG_BIT(1);
	assert_int_equal(calendar_agenda(f->t.db, &f->ruta, now, NULL, &flt,
	    50, &l), 0);
	assert_int_equal(l.n, 1);
	cal_occurrence_list_free(&l);
	memset(&flt, 0, sizeof flt);
	flt.access = CAL_ACCESS_HEARING_LOOP;
	assert_int_equal(calendar_agenda(f->t.db, &f->ruta, now, NULL, &flt,
	    50, &l), 0);
	assert_int_equal(l.n, 10);
	cal_occurrence_list_free(&l);
	flt.access = CAL_ACCESS_HEARING_LOOP | CAL_ACCESS_SIGN_LANGUAGE;
	assert_int_equal(calendar_agenda(f->t.db, &f->ruta, now, NULL, &flt,
	    50, &l), 0);
	assert_int_equal(l.n, 0);
	memset(&flt, 0, sizeof flt);
	flt.organiser_id = f->mod.account_id;
	assert_int_equal(calendar_agenda(f->t.db, &f->ruta, now, NULL, &flt,
	    50, &l), 0);
	assert_int_equal(l.n, 1);
	cal_occurrence_list_free(&l);
	memset(&flt, 0, sizeof flt);
	flt.free_only = true;
	assert_int_equal(calendar_agenda(f->t.db, &f->ruta, now, NULL, &flt,
	    50, &l), 0);
	assert_int_equal(l.n, 11);
	cal_occurrence_list_free(&l);
	memset(&flt, 0, sizeof flt);
	flt.answered_only = true;
	assert_int_equal(calendar_agenda(f->t.db, &f->ruta, now, NULL, &flt,
	    50, &l), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].event_id, paid);
	assert_int_equal(l.v[0].mine, CAL_MAYBE);
	assert_false(l.v[0].free);
	cal_occurrence_list_free(&l);
	/* The agenda starts at now: the first week has gone by. */
	assert_int_equal(calendar_agenda(f->t.db, &f->ruta,
	    utc(2027, 1, 7, 20, 0), NULL, NULL, 50, &l), 0);
	assert_int_equal(l.n, 11);
	cal_occurrence_list_free(&l);
}

static void
test_day_and_my_soon(void **state)
{
	struct fixture *f = *state;
	struct cal_event_input in;
	struct cal_occurrence_list l;
	int64_t from, to, a, b, c;

	/* 29 March 2026 has 23 hours; 25 October 25. */
	assert_int_equal(calendar_day_bounds(2026, 3, 29, &from, &to), 0);
	assert_int_equal(to - from, 23 * 3600);
	assert_int_equal(calendar_day_bounds(2026, 10, 25, &from, &to), 0);
	assert_int_equal(to - from, 25 * 3600);
	assert_int_equal(calendar_day_bounds(2026, 12, 31, &from, &to), 0);
	assert_int_equal(to, utc(2027, 1, 1, 0, 0));

	in = form("Šiandien", wall(2027, 2, 10, 18, 0));
	a = create(f, &f->org, &in);
	in = form("Rytoj", wall(2027, 2, 11, 9, 0));
	b = create(f, &f->org, &in);
	in = form("Poryt", wall(2027, 2, 12, 9, 0));
	c = create(f, &f->org, &in);
	assert_int_equal(calendar_day_bounds(2027, 2, 11, &from, &to), 0);
	assert_int_equal(calendar_range(f->t.db, &f->ruta, from, to, NULL, &l),
	    0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].event_id, b);
	cal_occurrence_list_free(&l);
	assert_null(calendar_answer(f->t.db, &f->ruta, a,
	    utc(2027, 2, 10, 18, 0), CAL_GOING, NULL, NULL).key);
	assert_null(calendar_answer(f->t.db, &f->ruta, b,
	    utc(2027, 2, 11, 9, 0), CAL_MAYBE, NULL, NULL).key);
	assert_null(calendar_answer(f->t.db, &f->ruta, c,
	    utc(2027, 2, 12, 9, 0), CAL_GOING, NULL, NULL).key);
	assert_int_equal(calendar_mine_soon(f->t.db, &f->ruta,
	    utc(2027, 2, 10, 8, 0), &l), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].event_id, a);
	assert_int_equal(l.v[1].event_id, b);
	cal_occurrence_list_free(&l);
	assert_int_equal(calendar_mine_soon_count(f->t.db, &f->ruta,
	    utc(2027, 2, 10, 8, 0)), 2);
	assert_int_equal(calendar_mine_soon_count(f->t.db, &f->ruta,
	    utc(2027, 2, 11, 8, 0)), 2);	/* b today, c tomorrow */
	assert_int_equal(calendar_mine_soon_count(f->t.db, &f->jonas,
	    utc(2027, 2, 10, 8, 0)), 0);
}

static void
test_month_marks(void **state)
{
	struct fixture *f = *state;
	struct cal_event_input in;
	struct cal_filter flt = { 0 };
	int counts[31], id;
	int64_t ev;

	/* Weekly on Mondays in March 2027, one cancelled; an evening that
	 * runs past midnight marks two days; a member's proposal none. */
	in = form("Pirmadieniais", wall(2027, 3, 1, 18, 0));
	in.recur.freq = CAL_WEEKLY;
	in.recur.count = 5;
	ev = create(f, &f->org, &in);
	assert_null(calendar_occurrence_cancel(f->t.db, &f->org, ev,
	    utc(2027, 3, 15, 18, 0), NULL).key);
	in = form("Naktis muziejuje", wall(2027, 3, 27, 22, 0));
	in.end = wall(2027, 3, 28, 4, 0);	/* across the change too */
	in.languages = CAL_LANG_BIT(1);
	create(f, &f->org, &in);
	in = form("Pasiūlymas", wall(2027, 3, 10, 12, 0));
	create(f, &f->ruta, &in);
	assert_int_equal(calendar_month_marks(f->t.db, &f->ruta, 2027, 3, NULL,
	    counts), 31);
	for (id = 0; id < 31; id++) {
		int want = (id + 1 == 1 || id + 1 == 8 || id + 1 == 22 ||
		    id + 1 == 29 || id + 1 == 27 || id + 1 == 28) ? 1 : 0;

		assert_int_equal(counts[id], want);
	}
	/* With a filter: the English one only. */
	flt.languages = CAL_LANG_BIT(1);
	assert_int_equal(calendar_month_marks(f->t.db, &f->ruta, 2027, 3, &flt,
	    counts), 31);
	assert_int_equal(counts[0], 0);
	assert_int_equal(counts[26], 1);
	assert_int_equal(counts[27], 1);
	/* Cancelling the series unmarks it; February has 28 days. */
	assert_null(calendar_event_cancel(f->t.db, &f->org, ev, NULL,
	    NULL).key);
	assert_int_equal(calendar_month_marks(f->t.db, &f->ruta, 2027, 3, NULL,
	    counts), 31);
	assert_int_equal(counts[0], 0);
	assert_int_equal(counts[26], 1);
	assert_int_equal(calendar_month_marks(f->t.db, &f->ruta, 2027, 2, NULL,
	    counts), 28);
}

static void
test_month_words_and_first_weekday(void **state)
{
	char *s;

	(void)state;
	assert_int_equal(i18n_set_lang("lt"), 0);
	assert_int_equal(i18n_first_weekday(), 1);
	s = i18n_month_name(11);
	assert_string_equal(s, "lapkritis");
	free(s);
	s = i18n_weekday_short(1);
	assert_string_equal(s, "pr");
	free(s);
	assert_int_equal(i18n_set_lang("uk"), 0);
	assert_int_equal(i18n_first_weekday(), 1);
	s = i18n_month_name(11);
	assert_string_equal(s, "листопад");
	free(s);
	assert_int_equal(i18n_set_lang("en"), 0);
	s = i18n_month_name(11);
	assert_string_equal(s, "November");
	free(s);
	s = i18n_weekday_short(7);
	assert_string_equal(s, "Sun");
	free(s);
	/* The en catalog's locale (en_150) starts weeks on Monday. */
	assert_int_equal(i18n_first_weekday(), 1);
	assert_int_equal(i18n_set_lang("pl"), 0);
	assert_int_equal(i18n_first_weekday(), 1);
	assert_int_equal(i18n_month_days(2028, 2), 29);
	assert_int_equal(i18n_month_days(2027, 2), 28);
	assert_int_equal(i18n_set_lang("lt"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_wall_times_at_the_changes,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
		    test_weekly_keeps_wall_time_across_both_changes, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_month_ends_and_leap_day,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
		    test_horizon_grows_by_the_new_weeks, setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
		    test_upkeep_moves_the_horizon, setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_all_day_across_the_change,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
		    test_one_occurrence_cancelled_or_moved, setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_who_publishes_and_approves,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_limits_and_places, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_waitlist_and_promotion,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
		    test_two_processes_never_both_get_the_last_place, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_agenda_filters_and_pages,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_day_and_my_soon, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_month_marks, setup,
		    tdb_teardown),
		cmocka_unit_test(test_month_words_and_first_weekday),
	};

	return cmocka_run_group_tests(tests, ti18n_setup, ti18n_teardown);
}
