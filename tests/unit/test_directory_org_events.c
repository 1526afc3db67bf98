/* core/directory-org-events and the organisation's calendar: an event
 * is attached to an organisation by whoever may edit it (the calendar's
 * rule) and is a member of it, or by site staff; not by a non-member,
 * not by a member who may not edit the event; one organisation per event;
 * the link goes with the event or the organisation; the organisation's
 * upcoming events and org-ID.ics hold its published events only, with
 * the calendar's VTIMEZONE, UID and RRULE. */
#include "core/calendar.h"
#include "core/db-internal.h"
#include "core/directory-org-events.h"
#include "core/directory-outputs.h"
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

struct fx {
	struct tdb	 t;	/* first: tdb_new and tdb_teardown */
	struct actor	 admin, mod, lib, ruta, jonas;
	int64_t		 org, other;
};

static int64_t
utc(int y, int mo, int d, int h, int mi)
{
	struct i18n_wall w = { y, mo, d, h, mi };
	int64_t t;

	assert_int_equal(i18n_wall_to_utc_rfc(&w, &t), 0);
	return t;
}

static int64_t
org_add(struct fx *f, const char *name)
{
	struct dir_org_input in = { "library", name, "", "centras", "" };
	int64_t id = 0;

	assert_null(directory_org_add(f->t.db, &f->admin, &in, &id).key);
	return id;
}

static int
setup(void **state)
{
	struct fx *f = tdb_new(sizeof *f, "directory_org_events");

	f->admin = actor_admin_command("en");
	f->mod = tdb_viewer(&f->t, "moderatore", "en", ROLE_MODERATOR);
	f->lib = tdb_viewer(&f->t, "biblioteka", "en", ROLE_ORGANISER);
	f->ruta = tdb_viewer(&f->t, "ruta", "en", ROLE_MEMBER);
	f->jonas = tdb_viewer(&f->t, "jonas", "en", ROLE_ORGANISER);
	assert_int_equal(i18n_set_lang("en"), 0);
	clock_fix(utc(2027, 1, 1, 0, 0));
	f->org = org_add(f, "Kauno apskrities viešoji biblioteka");
	f->other = org_add(f, "Vytauto Didžiojo universitetas");
	/* biblioteka and ruta are the library's members; jonas is none. */
	assert_null(directory_org_member_set(f->t.db, &f->admin, f->org,
	    f->lib.account_id, DIR_ORG_MEMBER).key);
	assert_null(directory_org_member_set(f->t.db, &f->admin, f->org,
	    f->ruta.account_id, DIR_ORG_MEMBER).key);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	clock_fix(0);
	return tdb_teardown(state);
}

/* A weekly evening from 4 March 2027, 4 times. */
static int64_t
evening(struct fx *f, const struct actor *by, const char *title)
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

static void
test_who_attaches(void **state)
{
	struct fx *f = *state;
	struct actor guest = actor_guest("en");
	int64_t lib_ev = evening(f, &f->lib, "Kalbų kavinė");
	int64_t jonas_ev = evening(f, &f->jonas, "Jono paskaita");
	int64_t org = 0;
	struct dir_org o;

	assert_string_equal(directory_org_event_attach(f->t.db, &guest, f->org,
	    lib_ev).key, "error.directory.guest");
	/* A member who may not edit the event: no. */
	assert_string_equal(directory_org_event_attach(f->t.db, &f->ruta,
	    f->org, lib_ev).key, "error.directory.not_allowed");
	/* The event's editor who is no member: no. */
	assert_string_equal(directory_org_event_attach(f->t.db, &f->jonas,
	    f->org, jonas_ev).key, "error.directory.not_allowed");
	assert_int_equal(directory_event_org(f->t.db, &f->ruta, jonas_ev, &org,
	    NULL), 1);
	/* Neither the event nor the organisation there: not found. */
	assert_string_equal(directory_org_event_attach(f->t.db, &f->lib,
	    f->org, 987654).key, "error.directory.not_found");
	assert_string_equal(directory_org_event_attach(f->t.db, &f->lib,
	    987654, lib_ev).key, "error.directory.not_found");
	assert_int_equal(audit_count(f->t.db, "org_event_attach"), 0);
	/* A member who edits the event: yes, audited. */
	assert_null(directory_org_event_attach(f->t.db, &f->lib, f->org,
	    lib_ev).key);
	assert_int_equal(audit_count(f->t.db, "org_event_attach"), 1);
	assert_int_equal(directory_event_org(f->t.db, &f->ruta, lib_ev, &org,
	    &o), 0);
	assert_true(org == f->org);
	assert_string_equal(o.name, "Kauno apskrities viešoji biblioteka");
	/* One organisation per event, even for site staff. */
	assert_string_equal(directory_org_event_attach(f->t.db, &f->mod,
	    f->other, lib_ev).key, "error.directory.event_has_org");
	assert_string_equal(directory_org_event_attach(f->t.db, &f->lib,
	    f->org, lib_ev).key, "error.directory.event_has_org");
	/* A moderator edits every event and attaches it anywhere. */
	assert_null(directory_org_event_attach(f->t.db, &f->mod, f->other,
	    jonas_ev).key);
	/* Detaching: not a member who may not edit it, nor the editor who is
	 * no member; the editor who is a member, yes. */
	assert_false(directory_org_event_may_detach(f->t.db, &f->ruta,
	    lib_ev));
	assert_true(directory_org_event_may_detach(f->t.db, &f->lib, lib_ev));
	assert_string_equal(directory_org_event_detach(f->t.db, &f->ruta,
	    lib_ev).key, "error.directory.not_allowed");
	assert_string_equal(directory_org_event_detach(f->t.db, &f->jonas,
	    jonas_ev).key, "error.directory.not_allowed");
	assert_null(directory_org_event_detach(f->t.db, &f->lib, lib_ev).key);
	assert_int_equal(audit_count(f->t.db, "org_event_detach"), 1);
	assert_int_equal(directory_event_org(f->t.db, &f->ruta, lib_ev, &org,
	    NULL), 1);
	assert_string_equal(directory_org_event_detach(f->t.db, &f->lib,
	    lib_ev).key, "error.directory.not_found");
	/* The organisation's admin takes off what its members put on. */
	assert_null(directory_org_member_set(f->t.db, &f->admin, f->other,
	    f->ruta.account_id, DIR_ORG_ADMIN).key);
	assert_null(directory_org_event_detach(f->t.db, &f->ruta,
	    jonas_ev).key);
}

static void
test_lists(void **state)
{
	struct fx *f = *state;
	struct actor guest = actor_guest("en");
	struct cal_occurrence_list l;
	struct dir_org_list ol;
	int64_t a = evening(f, &f->lib, "Kalbų kavinė");
	int64_t b = evening(f, &f->lib, "Skaitymai");
	int64_t prop = evening(f, &f->ruta, "Rūtos pasiūlymas");

	/* What biblioteka may attach: both own events, once each. */
	assert_int_equal(directory_org_event_candidates(f->t.db, &f->lib,
	    clock_now(), 10, &l), 0);
	assert_int_equal(l.n, 2);
	assert_true(l.v[0].event_id == a && l.v[1].event_id == b);
	cal_occurrence_list_free(&l);
	assert_null(directory_org_event_attach(f->t.db, &f->lib, f->org,
	    a).key);
	assert_int_equal(directory_org_event_candidates(f->t.db, &f->lib,
	    clock_now(), 10, &l), 0);
	assert_int_equal(l.n, 1);
	assert_true(l.v[0].event_id == b);
	cal_occurrence_list_free(&l);
	/* ruta's proposal is hers to edit and she is a member; it is not
	 * listed while it waits for a moderator. */
	assert_null(directory_org_event_attach(f->t.db, &f->ruta, f->org,
	    prop).key);
	assert_int_equal(directory_org_events(f->t.db, &guest, f->org,
	    clock_now(), 10, &l), 0);
	assert_int_equal(l.n, 1);
	assert_true(l.v[0].event_id == a);
	assert_string_equal(l.v[0].title, "Kalbų kavinė");
	assert_false(l.more);
	cal_occurrence_list_free(&l);
	/* After the last evening, nothing is upcoming. */
	clock_fix(utc(2027, 4, 1, 0, 0));
	assert_int_equal(directory_org_events(f->t.db, &guest, f->org,
	    clock_now(), 10, &l), 0);
	assert_int_equal(l.n, 0);
	cal_occurrence_list_free(&l);
	/* The organisations one may organise for. */
	assert_int_equal(directory_orgs_of_member(f->t.db, &f->ruta, &ol), 0);
	assert_int_equal(ol.n, 1);
	assert_true(ol.v[0].id == f->org);
	dir_org_list_free(&ol);
	assert_int_equal(directory_orgs_of_member(f->t.db, &f->jonas, &ol), 0);
	assert_int_equal(ol.n, 0);
	dir_org_list_free(&ol);
}

/* The link goes with the event and with the organisation. */
static void
test_cascade(void **state)
{
	struct fx *f = *state;
	int64_t a = evening(f, &f->lib, "Kalbų kavinė");
	int64_t b = evening(f, &f->lib, "Skaitymai");
	int64_t org = 0;

	assert_null(directory_org_event_attach(f->t.db, &f->lib, f->org,
	    a).key);
	assert_null(directory_org_event_attach(f->t.db, &f->mod, f->other,
	    b).key);
	assert_int_equal(db_scalar(f->t.db, "SELECT count(*) FROM "
	    "dir_org_events", 0, 0, -1), 2);
	assert_int_equal(db_exec_ints(f->t.db, "DELETE FROM cal_events WHERE "
	    "id = ?1", a, 0, 0), 0);
	assert_int_equal(directory_event_org(f->t.db, &f->ruta, a, &org,
	    NULL), 1);
	assert_int_equal(db_exec_ints(f->t.db, "DELETE FROM dir_orgs WHERE "
	    "id = ?1", f->other, 0, 0), 0);
	assert_int_equal(directory_event_org(f->t.db, &f->ruta, b, &org,
	    NULL), 1);
	assert_int_equal(db_scalar(f->t.db, "SELECT count(*) FROM "
	    "dir_org_events", 0, 0, -1), 0);
}

/* Runs the output as a guest, as `tinklas exec` does. */
static int
run(struct fx *f, const char *name, char **text)
{
	const struct output *o = output_find(name);
	struct actor actor = actor_guest("en");
	struct output_ctx x = { .db = f->t.db, .actor = &actor,
	    .name = name };
	size_t len;
	int rc;

	assert_non_null(o);
	assert_true(output_allowed(o, NULL));
	assert_non_null(x.out = open_memstream(text, &len));
	rc = o->write(&x);
	assert_int_equal(fclose(x.out), 0);
	return rc;
}

static void
test_org_ics(void **state)
{
	struct fx *f = *state;
	static const char *const bad[] = { "org-.ics", "org-0.ics",
		"org-01.ics", "org--1.ics", "org-1a.ics", "org-1.ics.ics",
		"org-9223372036854775808.ics", "Org-1.ics", "org1.ics", NULL };
	const struct output *o;
	int64_t a = evening(f, &f->lib, "Kalbų kavinė");
	int64_t id;
	char name[64], *s, *pub;

	(void)evening(f, &f->lib, "Ne bibliotekos vakaras");
	assert_non_null(o = output_find("org-12.ics"));
	assert_true(o->feed && o->who == OUTPUT_ANYONE);
	assert_string_equal(o->media_type, "text/calendar; charset=utf-8");
	assert_int_equal(output_name_id("org-4096.ics", "org-", ".ics", &id), 0);
	assert_true(id == 4096);
	for (int i = 0; bad[i] != NULL; i++)
		if (output_name_id(bad[i], "org-", ".ics", &id) != -1)
			fail_msg("%s was taken", bad[i]);
	/* Before anything is attached: a calendar without events. */
	snprintf(name, sizeof name, "org-%lld.ics", (long long)f->org);
	assert_int_equal(run(f, name, &s), 0);
	assert_non_null(strstr(s, "BEGIN:VCALENDAR\r\n"));
	assert_null(strstr(s, "BEGIN:VEVENT"));
	free(s);
	assert_null(directory_org_event_attach(f->t.db, &f->lib, f->org,
	    a).key);
	assert_int_equal(run(f, name, &s), 0);
	assert_non_null(strstr(s, "BEGIN:VTIMEZONE\r\n"));
	assert_non_null(strstr(s, "SUMMARY:Kalbų kavinė\r\n"));
	assert_non_null(strstr(s, "RRULE:FREQ=WEEKLY"));
	assert_non_null(strstr(s, "DTSTART;TZID=Europe/Vilnius:20270304T180000"));
	assert_null(strstr(s, "Ne bibliotekos vakaras"));
	/* The same VEVENT as in calendar.ics, UID and all. */
	assert_int_equal(run(f, "calendar.ics", &pub), 0);
	{
		const char *ev = strstr(s, "BEGIN:VEVENT");
		const char *end = strstr(ev, "END:VEVENT");

		assert_non_null(end);
		assert_non_null(memmem(pub, strlen(pub), ev,
		    (size_t)(end - ev)));
	}
	free(pub);
	free(s);
	/* No such organisation: refused, translated. */
	assert_int_equal(run(f, "org-987654.ics", &s), 1);
	assert_string_equal(s, "There is no such entry in the directory.\n");
	free(s);
	/* Once over, the organisation's calendar is empty again. */
	clock_fix(utc(2027, 4, 1, 0, 0));
	assert_int_equal(run(f, name, &s), 0);
	assert_null(strstr(s, "BEGIN:VEVENT"));
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_who_attaches, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_lists, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cascade, setup, teardown),
		cmocka_unit_test_setup_teardown(test_org_ics, setup, teardown),
	};

	return cmocka_run_group_tests(tests, ti18n_setup, ti18n_teardown);
}
