/* core/calendar-outputs: the names `ssh host NAME` takes for the
 * calendar (an event's id parsed strictly: digits only, no leading zero,
 * no overflow), which of them are feeds and for whom, what each writes,
 * and that the attendees' CSV goes to the event's organiser, moderators
 * and admins only, anyone else getting a translated refusal and status 1. */
#include "core/calendar.h"
#include "core/calendar-outputs.h"
#include "core/accounts.h"
#include "core/output.h"
#include "common/clock.h"
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
#include <cmocka.h>

struct fixture {
	struct tdb	 t;	/* first: tdb_new and tdb_teardown */
	struct actor	 org, mod, ruta, jonas;
	struct account	 org_a, mod_a, ruta_a, jonas_a;
};

static int
setup(void **state)
{
	struct fixture *f = tdb_new(sizeof *f, "calendar-outputs");

	f->org = tdb_viewer(&f->t, "biblioteka", "en", ROLE_ORGANISER);
	f->mod = tdb_viewer(&f->t, "moderatore", "en", ROLE_MODERATOR);
	f->ruta = tdb_viewer(&f->t, "ruta", "en", ROLE_MEMBER);
	f->jonas = tdb_viewer(&f->t, "jonas", "en", ROLE_MEMBER);
	assert_int_equal(account_by_id(f->t.db, f->org.account_id, &f->org_a), 0);
	assert_int_equal(account_by_id(f->t.db, f->mod.account_id, &f->mod_a), 0);
	assert_int_equal(account_by_id(f->t.db, f->ruta.account_id, &f->ruta_a), 0);
	assert_int_equal(account_by_id(f->t.db, f->jonas.account_id,
	    &f->jonas_a), 0);
	i18n_set_lang("en");
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	clock_fix(0);
	return tdb_teardown(state);
}

static int64_t
utc(int y, int mo, int d, int h, int mi)
{
	struct i18n_wall w = { y, mo, d, h, mi };
	int64_t t;

	assert_int_equal(i18n_wall_to_utc_rfc(&w, &t), 0);
	return t;
}

/* A weekly evening from 4 March 2027, 4 times, by the organiser (or, as a
 * member's proposal, by ruta). */
static int64_t
evening(struct fixture *f, const struct actor *by, const char *title)
{
	struct cal_event_input in = { 0 };
	int64_t id = 0;

	in.title = title;
	in.description = "";
	in.start = (struct i18n_wall){ 2027, 3, 4, 18, 0 };
	in.end = (struct i18n_wall){ 2027, 3, 4, 19, 30 };
	in.venue = "Kauno apskrities viešoji biblioteka";
	in.address = "Radastų g. 2, Kaunas";
	in.eldership = "centras";
	in.languages = CAL_LANG_BIT(0);
	in.recur.freq = CAL_WEEKLY;
	in.recur.interval = 1;
	in.recur.count = 4;
	assert_null(calendar_event_create(f->t.db, by, &in, &id).key);
	return id;
}

/* Runs the output named name as the account (NULL: a guest), as
 * `tinklas exec` does; *text gets what it printed. Returns the status. */
static int
run(struct fixture *f, const char *name, const struct account *a,
    char **text)
{
	const struct output *o = output_find(name);
	struct actor actor = a != NULL ? actor_account(a, "en", 0) :
	    actor_guest("en");
	struct output_ctx x = { .db = f->t.db, .actor = &actor, .account = a,
	    .name = name };
	size_t len;
	int rc;

	assert_non_null(o);
	assert_true(output_allowed(o, a));
	assert_non_null(x.out = open_memstream(text, &len));
	rc = o->write(&x);
	assert_int_equal(fclose(x.out), 0);
	return rc;
}

static void
test_id_parsing(void **state)
{
	static const char *const bad[] = { "event-.ics", "event-0.ics",
		"event-01.ics", "event--1.ics", "event-+1.ics", "event- 1.ics",
		"event-1a.ics", "event-0x1f.ics", "event-1.ics.ics",
		"event-1-attendees.csv", "event-9223372036854775808.ics",
		"event-18446744073709551617.ics", "event-99999999999999999999.ics",
		"Event-1.ics", "event-1.ICS", "event1.ics", "", NULL };
	int64_t id = 0;

	(void)state;
	assert_int_equal(output_name_id("event-1.ics", "event-", ".ics", &id), 0);
	assert_int_equal(id, 1);
	assert_int_equal(output_name_id("event-4096.ics", "event-", ".ics",
	    &id), 0);
	assert_int_equal(id, 4096);
	assert_int_equal(output_name_id("event-9223372036854775807.ics",
	    "event-", ".ics", &id), 0);
	assert_true(id == INT64_MAX);
	assert_int_equal(output_name_id("event-17-attendees.csv", "event-",
	    "-attendees.csv", &id), 0);
	assert_int_equal(id, 17);
	for (int i = 0; bad[i] != NULL; i++) {
		id = -5;
		if (output_name_id(bad[i], "event-", ".ics", &id) != -1)
			fail_msg("%s was taken", bad[i]);
		assert_int_equal(id, -5);
	}
	assert_int_equal(output_name_id("event-17.ics", "event-",
	    "-attendees.csv", &id), -1);
}

/* The names find their outputs; the feeds are the ones the issue serves
 * over HTTP, and the attendee list is none. */
static void
test_names_and_feeds(void **state)
{
	const struct output *o;

	(void)state;
	assert_non_null(o = output_find("calendar.ics"));
	assert_true(o->feed && o->who == OUTPUT_ANYONE);
	assert_string_equal(o->media_type, "text/calendar; charset=utf-8");
	assert_non_null(o = output_find("my.ics"));
	assert_true(o->feed && o->who == OUTPUT_MEMBERS);
	assert_non_null(o = output_find("event-12.ics"));
	assert_true(o->feed && o->who == OUTPUT_ANYONE);
	assert_string_equal(o->name, "event-*.ics");
	assert_non_null(o = output_find("event-12-attendees.csv"));
	assert_false(o->feed);
	assert_true(o->who == OUTPUT_MEMBERS);
	assert_string_equal(o->media_type, "text/csv; charset=utf-8");
	assert_false(output_allowed(o, NULL));
	assert_null(output_find("event-12.csv"));
	assert_null(output_find("calendar.ics/x"));
	assert_null(output_find("my.ics "));
}

static void
test_ics_outputs(void **state)
{
	struct fixture *f = *state;
	int64_t id, prop;
	char name[64], *s;

	clock_fix(utc(2027, 1, 1, 0, 0));
	id = evening(f, &f->org, "Kalbų kavinė");
	prop = evening(f, &f->ruta, "Rūtos pasiūlymas");
	assert_int_equal(run(f, "calendar.ics", NULL, &s), 0);
	assert_non_null(strstr(s, "BEGIN:VCALENDAR\r\n"));
	assert_non_null(strstr(s, "SUMMARY:Kalbų kavinė\r\n"));
	assert_non_null(strstr(s, "RRULE:FREQ=WEEKLY"));
	assert_null(strstr(s, "Rūtos pasiūlymas"));
	free(s);
	/* my.ics: nothing until jonas answers, then that evening. */
	assert_int_equal(run(f, "my.ics", &f->jonas_a, &s), 0);
	assert_non_null(strstr(s, "BEGIN:VCALENDAR\r\n"));
	assert_null(strstr(s, "BEGIN:VEVENT"));
	free(s);
	assert_null(calendar_answer(f->t.db, &f->jonas, id,
	    utc(2027, 3, 11, 18, 0), CAL_GOING, NULL, NULL).key);
	assert_int_equal(run(f, "my.ics", &f->jonas_a, &s), 0);
	assert_non_null(strstr(s, "SUMMARY:Kalbų kavinė\r\n"));
	assert_non_null(strstr(s, "DTSTART;TZID=Europe/Vilnius:20270311T180000"));
	free(s);
	assert_int_equal(run(f, "my.ics", &f->ruta_a, &s), 0);
	assert_null(strstr(s, "BEGIN:VEVENT"));
	free(s);
	/* One event; a proposal is its author's, not a guest's. */
	snprintf(name, sizeof name, "event-%lld.ics", (long long)id);
	assert_int_equal(run(f, name, NULL, &s), 0);
	assert_non_null(strstr(s, "SUMMARY:Kalbų kavinė\r\n"));
	free(s);
	snprintf(name, sizeof name, "event-%lld.ics", (long long)prop);
	assert_int_equal(run(f, name, NULL, &s), 1);
	assert_string_equal(s, "There is no such event.\n");
	free(s);
	assert_int_equal(run(f, name, &f->ruta_a, &s), 0);
	assert_non_null(strstr(s, "SUMMARY:Rūtos pasiūlymas\r\n"));
	free(s);
	assert_int_equal(run(f, "event-987654.ics", NULL, &s), 1);
	assert_string_equal(s, "There is no such event.\n");
	free(s);
	/* The pattern matches what the id refuses: still no such event. */
	assert_int_equal(run(f, "event-007.ics", NULL, &s), 1);
	assert_string_equal(s, "There is no such event.\n");
	free(s);
}

/* The attendees of the next evening: for the organiser, a moderator and
 * an admin; a member who merely answered gets the refusal, translated,
 * and status 1, and not one name. */
static void
test_attendees_who(void **state)
{
	struct fixture *f = *state;
	struct actor admin = tdb_viewer(&f->t, "admine", "lt", ROLE_ADMIN);
	struct account admin_a;
	int64_t id;
	char name[64], *s;

	assert_int_equal(account_by_id(f->t.db, admin.account_id, &admin_a), 0);
	clock_fix(utc(2027, 3, 5, 0, 0));	/* after the first evening */
	id = evening(f, &f->org, "Kalbų kavinė");
	assert_null(calendar_answer(f->t.db, &f->ruta, id,
	    utc(2027, 3, 11, 18, 0), CAL_GOING, NULL, NULL).key);
	assert_null(calendar_answer(f->t.db, &f->jonas, id,
	    utc(2027, 3, 18, 18, 0), CAL_MAYBE, NULL, NULL).key);
	snprintf(name, sizeof name, "event-%lld-attendees.csv", (long long)id);
	assert_int_equal(run(f, name, &f->org_a, &s), 0);
	assert_string_equal(strtok(s, "\n"),
	    "name,display_name,answer,waitlist,answered_utc\r");
	/* The next evening (11 March) is ruta's, not jonas' (18 March). */
	assert_non_null(strstr(s + strlen(s) + 1, "ruta,ruta,going,0,"));
	free(s);
	assert_int_equal(run(f, name, &f->mod_a, &s), 0);
	assert_non_null(strstr(s, "ruta,ruta,going,0,"));
	assert_null(strstr(s, "jonas"));
	free(s);
	assert_int_equal(run(f, name, &admin_a, &s), 0);
	assert_non_null(strstr(s, "ruta,ruta,going,0,"));
	free(s);
	assert_int_equal(run(f, name, &f->ruta_a, &s), 1);
	assert_string_equal(s,
	    "Only the event's organiser or a moderator may do that.\n");
	free(s);
	i18n_set_lang("lt");
	assert_int_equal(run(f, name, &f->jonas_a, &s), 1);
	assert_string_equal(s,
	    "Tai gali padaryti tik renginio organizatorius arba moderatorius.\n");
	free(s);
	i18n_set_lang("en");
	assert_int_equal(run(f, "event-987654-attendees.csv", &f->org_a, &s), 1);
	assert_string_equal(s, "There is no such event.\n");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_id_parsing),
		cmocka_unit_test(test_names_and_feeds),
		cmocka_unit_test_setup_teardown(test_ics_outputs, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_attendees_who, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, ti18n_setup, ti18n_teardown);
}
