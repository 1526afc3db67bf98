/* core/calendar's exports: iCalendar by libical (escaping, 75-octet
 * folding, CRLF, VTIMEZONE, RRULE, EXDATE, RECURRENCE-ID, STATUS), read
 * back by a second, independent reader (python3-icalendar); the
 * attendees' CSV with its formula cells neutralised; the domain's hooks
 * for an account's export and erasure; and the demo month. */
#include "core/calendar.h"
#include "core/csv.h"
#include "core/db-internal.h"
#include "core/demo.h"
#include "core/domain.h"
#include "common/strbuf.h"
#include "i18n/calendar.h"
#include "tests/unit/fixture.h"
#include "tests/unit/fixture-export.h"

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
	struct actor	 org, ruta, jonas;
};

static int
setup(void **state)
{
	struct fixture *f = tdb_new(sizeof *f, "calendar-export");

	f->org = tdb_viewer(&f->t, "biblioteka", "lt", ROLE_ORGANISER);
	f->ruta = tdb_viewer(&f->t, "ruta", "lt", ROLE_MEMBER);
	f->jonas = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	*state = f;
	return 0;
}

static int64_t
utc(int y, int mo, int d, int h, int mi)
{
	struct i18n_wall w = { y, mo, d, h, mi };
	int64_t t;

	assert_int_equal(i18n_wall_to_utc_rfc(&w, &t), 0);
	return t;
}

/* A weekly café on Thursdays 18:00 from 4 March 2027, 10 times, with a
 * title and description that need escaping and folding. */
static int64_t
cafe(struct fixture *f)
{
	static const char *const tags[] = { "kalbos", "kavinė" };
	struct cal_event_input in = { 0 };
	int64_t id = 0;

	in.title = "Kalbų kavinė; arbata, sausainiai \\ ir pokalbiai";
	in.description = "Kalbamės lietuviškai ir ukrainiečiškai.\n"
	    "Щотижня розмовляємо литовською за чаєм; приходьте всі, "
	    "хто хоче практикувати мову, навіть якщо знаєте лише кілька слів.";
	in.start = (struct i18n_wall){ 2027, 3, 4, 18, 0 };
	in.end = (struct i18n_wall){ 2027, 3, 4, 19, 30 };
	in.venue = "Kauno apskrities viešoji biblioteka";
	in.address = "Radastų g. 2, Kaunas";
	in.eldership = "centras";
	in.languages = CAL_LANG_BIT(0) | CAL_LANG_BIT(2);
	in.tags = tags;
	in.ntags = 2;
	in.capacity = 1;
	in.recur.freq = CAL_WEEKLY;
	in.recur.interval = 1;
	in.recur.count = 10;
	assert_null(calendar_event_create(f->t.db, &f->org, &in, &id).key);
	return id;
}

/* Every line ends with CRLF and holds at most 75 octets; a folded line
 * starts with one space and never splits a UTF-8 sequence. */
static void
check_lines(const char *s)
{
	const char *p = s, *eol;

	assert_true(strlen(s) > 0);
	while (*p != '\0') {
		eol = strstr(p, "\r\n");
		assert_non_null(eol);
		assert_true(eol - p <= 75);
		for (const char *q = p; q < eol; q++)
			assert_true(*q != '\n' && *q != '\r');
		if (*p == ' ')
			assert_true(((unsigned char)p[1] & 0xc0) != 0x80);
		p = eol + 2;
	}
}

static char *
unfold(const char *s)
{
	struct strbuf b = { 0 };

	for (const char *p = s; *p != '\0'; p++) {
		if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ') {
			p += 2;
			continue;
		}
		sb_putc(&b, *p);
	}
	return sb_take(&b);
}

static void
test_ics_escapes_folds_and_recurs(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = { 0 };
	struct i18n_wall moved = { 2027, 3, 19, 17, 0 };
	char *u;
	int64_t id = cafe(f);

	assert_null(calendar_occurrence_cancel(f->t.db, &f->org, id,
	    utc(2027, 3, 11, 18, 0), NULL).key);
	assert_null(calendar_occurrence_move(f->t.db, &f->org, id,
	    utc(2027, 3, 18, 18, 0), &moved, I18N_WALL_ASK, NULL).key);
	assert_int_equal(calendar_ics_event(f->t.db, &f->ruta, id, &out), 0);
	check_lines(out.s);
	u = unfold(out.s);
	assert_non_null(strstr(u, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
	assert_non_null(strstr(u, "BEGIN:VTIMEZONE\r\nTZID:Europe/Vilnius\r\n"));
	assert_non_null(strstr(u, "SUMMARY:Kalbų kavinė\\; arbata\\, "
	    "sausainiai \\\\ ir pokalbiai\r\n"));
	assert_non_null(strstr(u, "ukrainiečiškai.\\nЩотижня"));
	assert_non_null(strstr(u, "DTSTART;TZID=Europe/Vilnius:20270304T180000"
	    "\r\n"));
	assert_non_null(strstr(u, "RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=TH"));
	assert_non_null(strstr(u, "EXDATE;TZID=Europe/Vilnius:20270311T180000"));
	assert_non_null(strstr(u, "RECURRENCE-ID;TZID=Europe/Vilnius:"
	    "20270318T180000"));
	assert_non_null(strstr(u, "DTSTART;TZID=Europe/Vilnius:20270319T170000"));
	assert_non_null(strstr(u, "STATUS:CONFIRMED"));
	assert_non_null(strstr(u, "DTSTAMP:"));
	assert_non_null(strstr(u, "@tinklas\r\n"));
	/* The description is long: it was folded. */
	assert_true(strlen(u) < out.len);
	free(u);
	sb_free(&out);

	/* Cancelled: the same UID, STATUS:CANCELLED, a higher SEQUENCE. */
	assert_null(calendar_event_cancel(f->t.db, &f->org, id, NULL,
	    NULL).key);
	assert_int_equal(calendar_ics_event(f->t.db, &f->ruta, id, &out), 0);
	assert_non_null(strstr(out.s, "STATUS:CANCELLED\r\n"));
	assert_non_null(strstr(out.s, "SEQUENCE:3\r\n"));
	sb_free(&out);
	/* No such event. */
	assert_int_equal(calendar_ics_event(f->t.db, &f->ruta, 9999, &out), -1);
	sb_free(&out);
}

static void
test_ics_all_day_and_until(void **state)
{
	struct fixture *f = *state;
	struct cal_event_input in = { 0 };
	struct strbuf out = { 0 };
	int64_t id;

	in.title = "Knygų mugė";
	in.all_day = true;
	in.start = (struct i18n_wall){ 2027, 3, 27, 0, 0 };
	in.end = (struct i18n_wall){ 2027, 3, 29, 0, 0 };
	in.online = true;
	in.languages = 1;
	in.recur.freq = CAL_YEARLY;
	in.recur.until = (struct i18n_wall){ 2030, 1, 1, 0, 0 };
	assert_null(calendar_event_create(f->t.db, &f->org, &in, &id).key);
	assert_int_equal(calendar_ics_event(f->t.db, &f->ruta, id, &out), 0);
	assert_non_null(strstr(out.s, "DTSTART;VALUE=DATE:20270327\r\n"));
	assert_non_null(strstr(out.s, "DTEND;VALUE=DATE:20270330\r\n"));
	assert_non_null(strstr(out.s, "RRULE:FREQ=YEARLY;UNTIL=20300101;"));
	sb_free(&out);
	/* A timed rule's UNTIL is UTC: the end of that day in Vilnius. */
	in.all_day = false;
	in.start = (struct i18n_wall){ 2027, 1, 5, 18, 0 };
	in.end = (struct i18n_wall){ 2027, 1, 5, 19, 0 };
	in.recur.freq = CAL_WEEKLY;
	in.recur.until = (struct i18n_wall){ 2027, 6, 29, 0, 0 };
	assert_null(calendar_event_create(f->t.db, &f->org, &in, &id).key);
	assert_int_equal(calendar_ics_event(f->t.db, &f->ruta, id, &out), 0);
	assert_non_null(strstr(out.s, "UNTIL=20270629T205959Z"));
	sb_free(&out);
	/* A proposal is not for everyone. */
	assert_null(calendar_event_create(f->t.db, &f->ruta, &in, &id).key);
	assert_int_equal(calendar_ics_event(f->t.db, &f->jonas, id, &out), -1);
	assert_int_equal(calendar_ics_event(f->t.db, &f->ruta, id, &out), 0);
	assert_non_null(strstr(out.s, "STATUS:TENTATIVE\r\n"));
	sb_free(&out);
}

/* The second reader: python3-icalendar parses what libical wrote and
 * finds the same title, times in the zone, and rule; and calcurse, a
 * calendar program people use, imports it (calcurse in TEST_PKGS). */
static void
test_python_icalendar_reads_it(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = { 0 };
	char path[128], cmd[1024], line[512];
	FILE *fp;
	int64_t id = cafe(f);
	struct strbuf got = { 0 };

	assert_null(calendar_occurrence_cancel(f->t.db, &f->org, id,
	    utc(2027, 3, 11, 18, 0), NULL).key);
	assert_int_equal(calendar_ics_public(f->t.db, utc(2027, 1, 1, 0, 0),
	    &out), 0);
	snprintf(path, sizeof path, "%s/calendar.ics", f->t.dir);
	assert_non_null(fp = fopen(path, "wb"));
	assert_int_equal(fwrite(out.s, 1, out.len, fp), out.len);
	assert_int_equal(fclose(fp), 0);
	sb_free(&out);
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 -c '"
	    "import sys, icalendar\n"
	    "c = icalendar.Calendar.from_ical(open(sys.argv[1], \"rb\").read())\n"
	    "for e in c.walk(\"VEVENT\"):\n"
	    "  s = e.decoded(\"DTSTART\")\n"
	    "  print(str(e[\"SUMMARY\"]))\n"
	    "  print(s.isoformat(), str(s.tzinfo))\n"
	    "  print(e.decoded(\"DTEND\").isoformat())\n"
	    "  print(e[\"RRULE\"].to_ical().decode())\n"
	    "  print(\",\".join(x.dt.isoformat() for x in e[\"EXDATE\"].dts))\n"
	    "  print(str(e[\"LOCATION\"]))\n"
	    "' %s 2>&1", path);
	assert_non_null(fp = popen(cmd, "r"));
	while (fgets(line, sizeof line, fp) != NULL)
		sb_puts(&got, line);
	assert_int_equal(pclose(fp), 0);
	assert_string_equal(got.s,
	    "Kalbų kavinė; arbata, sausainiai \\ ir pokalbiai\n"
	    "2027-03-04T18:00:00+02:00 Europe/Vilnius\n"
	    "2027-03-04T19:30:00+02:00\n"
	    "FREQ=WEEKLY;COUNT=10;BYDAY=TH\n"
	    "2027-03-11T18:00:00+02:00\n"
	    "Kauno apskrities viešoji biblioteka, Radastų g. 2, Kaunas\n");
	sb_free(&got);

	/* And calcurse imports it: the café at 18:00 on its Thursdays, the
	 * cancelled one left out. */
	snprintf(cmd, sizeof cmd, "cd %s && export TZ=Europe/Vilnius && "
	    "calcurse -D cc -i calendar.ics >/dev/null 2>&1; "
	    "calcurse -D cc --format-recur-apt='%%S %%m\\n' -Q "
	    "--filter-type recur-apt --from 03/01/2027 --days 20 2>&1", f->t.dir);
	assert_non_null(fp = popen(cmd, "r"));
	while (fgets(line, sizeof line, fp) != NULL)
		sb_puts(&got, line);
	assert_int_equal(pclose(fp), 0);
	assert_string_equal(got.s,
	    "03/04/27:\n18:00 Kalbų kavinė; arbata, sausainiai \\ ir pokalbiai\n\n"
	    "03/18/27:\n18:00 Kalbų kavinė; arbata, sausainiai \\ ir pokalbiai\n");
	sb_free(&got);
}

static void
test_account_feed_lists_own_occurrences(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = { 0 };
	int64_t id = cafe(f);

	assert_null(calendar_answer(f->t.db, &f->ruta, id,
	    utc(2027, 3, 25, 18, 0), CAL_MAYBE, NULL, NULL).key);
	assert_null(calendar_answer(f->t.db, &f->jonas, id,
	    utc(2027, 4, 1, 18, 0), CAL_NOT_GOING, NULL, NULL).key);
	assert_int_equal(calendar_ics_account(f->t.db, f->ruta.account_id,
	    utc(2027, 1, 1, 0, 0), &out), 0);
	check_lines(out.s);
	assert_non_null(strstr(out.s, "DTSTART;TZID=Europe/Vilnius:"
	    "20270325T180000\r\n"));
	assert_non_null(strstr(out.s, "UID:20270325T160000Z-"));
	assert_null(strstr(out.s, "RRULE:FREQ=WEEKLY"));
	sb_free(&out);
	/* "Not going" is not in one's own calendar. */
	assert_int_equal(calendar_ics_account(f->t.db, f->jonas.account_id,
	    utc(2027, 1, 1, 0, 0), &out), 0);
	assert_null(strstr(out.s, "BEGIN:VEVENT"));
	sb_free(&out);
}

static void
test_csv_quotes_and_neutralises(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = { 0 };
	struct actor evil;
	int64_t id = cafe(f), occ = utc(2027, 3, 4, 18, 0);

	evil = tdb_viewer(&f->t, "formula", "lt", ROLE_MEMBER);
	assert_null(account_set_display(f->t.db, evil.account_id,
	    "=HYPERLINK(\"http://x\",\"a, b\")"));
	assert_null(calendar_answer(f->t.db, &f->ruta, id, occ, CAL_GOING,
	    NULL, NULL).key);
	assert_null(calendar_answer(f->t.db, &evil, id, occ, CAL_GOING,
	    NULL, NULL).key);
	assert_string_equal(calendar_attendees_csv(f->t.db, &f->ruta, id, occ,
	    &out).key, "error.calendar.not_allowed");
	assert_null(calendar_attendees_csv(f->t.db, &f->org, id, occ,
	    &out).key);
	assert_non_null(strstr(out.s,
	    "name,display_name,answer,waitlist,answered_utc\r\n"));
	assert_non_null(strstr(out.s, "\r\nruta,ruta,going,0,"));
	assert_non_null(strstr(out.s, "\r\nformula,\"'=HYPERLINK(\"\"http://x"
	    "\"\",\"\"a, b\"\")\",going,1,"));
	sb_free(&out);
	csv_cell(&out, "+1");
	csv_cell(&out, "-");
	csv_cell(&out, "@x");
	csv_cell(&out, "plain");
	csv_cell(&out, "");
	csv_cell(&out, "two\nlines");
	assert_string_equal(out.s, "'+1'-'@xplain\"two\nlines\"");
	sb_free(&out);
}

static void
test_export_and_erase_hooks(void **state)
{
	struct fixture *f = *state;
	json_t *doc, *v;
	struct cal_occurrence_list l;
	struct cal_event ev;
	int64_t id = cafe(f), occ = utc(2027, 3, 4, 18, 0), prop;
	struct cal_event_input in = { 0 };
	struct actor olena = tdb_viewer(&f->t, "olena", "uk", ROLE_MEMBER);

	assert_null(calendar_answer(f->t.db, &f->ruta, id, occ, CAL_GOING,
	    NULL, NULL).key);
	assert_null(calendar_answer(f->t.db, &f->jonas, id, occ, CAL_GOING,
	    NULL, NULL).key);
	assert_null(calendar_answer(f->t.db, &olena, id, occ, CAL_GOING,
	    NULL, NULL).key);
	in.title = "Rūtos pasiūlymas";
	in.start = (struct i18n_wall){ 2027, 5, 1, 12, 0 };
	in.end = (struct i18n_wall){ 2027, 5, 1, 13, 0 };
	in.online = true;
	in.languages = 1;
	in.recur.interval = 1;
	assert_null(calendar_event_create(f->t.db, &f->ruta, &in, &prop).key);
	doc = tex_export(f->t.db, f->ruta.account_id);
	v = tex_find(tex_part(doc, "calendar", "organised"), "title",
	    "Rūtos pasiūlymas");
	assert_non_null(v);
	assert_int_equal(tex_int(v, "id"), prop);
	assert_int_equal(tex_int(v, "online"), 1);
	v = json_array_get(tex_part(doc, "calendar", "answers"), 0);
	assert_int_equal(tex_int(v, "event"), id);
	assert_int_equal(tex_int(v, "occurrence"), occ);
	assert_string_equal(tex_str(v, "answer"), "going");
	assert_int_equal(tex_int(v, "waitlist"), 0);
	json_decref(doc);
	/* Rūta goes: Jonas takes her place, Olena moves up to 1, her
	 * proposal goes; the organiser's erasure keeps the event. */
	assert_int_equal(domain_erase(f->t.db, f->ruta.account_id, 0,
	    ERASE_REMOVE_WRITING), 0);
	assert_int_equal(calendar_event_get(f->t.db, &f->jonas, id, occ, 0,
	    &ev), 0);
	assert_int_equal(ev.occ.going, 1);
	assert_int_equal(ev.occ.mine, CAL_GOING);
	assert_int_equal(ev.occ.mine_waiting, 0);
	assert_int_equal(ev.waiting, 1);
	cal_event_free(&ev);
	assert_int_equal(calendar_event_get(f->t.db, &olena, id, occ, 0, &ev), 0);
	assert_int_equal(ev.occ.mine_waiting, 1);
	cal_event_free(&ev);
	{
		struct actor admin = actor_admin_command("lt");

		assert_int_equal(calendar_event_get(f->t.db, &admin, prop, 0,
		    0, &ev), -1);
	}
	assert_int_equal(domain_erase(f->t.db, f->org.account_id, 0,
	    ERASE_REMOVE_WRITING), 0);
	assert_int_equal(calendar_event_get(f->t.db, &f->jonas, id, occ, 0,
	    &ev), 0);
	assert_int_equal(ev.organiser_id, 0);
	cal_event_free(&ev);
	assert_int_equal(calendar_range(f->t.db, &f->jonas,
	    utc(2027, 3, 1, 0, 0), utc(2027, 4, 1, 0, 0), NULL, &l), 0);
	assert_int_equal(l.n, 4);
	cal_occurrence_list_free(&l);
}

static void
test_demo_month(void **state)
{
	struct tdb *t = *state;
	struct cal_occurrence_list l;
	struct actor g = actor_guest("lt");
	FILE *out = fopen("/dev/null", "w");
	int64_t now = db_now();
	bool full = false, access = false, online = false, weekly = false;

	assert_non_null(out);
	assert_int_equal(demo_fill(t->db, out), 0);
	fclose(out);
	assert_int_equal(calendar_range(t->db, &g, now, now + 35 * 86400, NULL,
	    &l), 0);
	assert_true(l.n >= 10);
	for (size_t i = 0; i < l.n; i++) {
		struct cal_event ev;

		if (l.v[i].capacity > 0 && l.v[i].going == l.v[i].capacity) {
			assert_int_equal(calendar_event_get(t->db, &g,
			    l.v[i].event_id, l.v[i].recur_utc, now, &ev), 0);
			full = full || ev.waiting > 0;
			cal_event_free(&ev);
		}
		access = access || l.v[i].access == CAL_ACCESS_ALL;
		online = online || l.v[i].online;
		weekly = weekly || (i > 0 && l.v[i].event_id ==
		    l.v[0].event_id);
	}
	assert_true(full && access && online && weekly);
	cal_occurrence_list_free(&l);
}

static int
setup_empty(void **state)
{
	*state = tdb_new(sizeof(struct tdb), "calendar-demo");
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_ics_escapes_folds_and_recurs, setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_ics_all_day_and_until,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_python_icalendar_reads_it,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
		    test_account_feed_lists_own_occurrences, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_csv_quotes_and_neutralises,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_export_and_erase_hooks,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_demo_month, setup_empty,
		    tdb_teardown),
	};

	return cmocka_run_group_tests(tests, ti18n_setup, ti18n_teardown);
}
