/* core/calendar-queue and core/calendar-notices: a member's event waits in
 * the moderation queue as "calendar.proposal" (an organiser's does not),
 * moderators alone decide it, approve publishes it and reject keeps it
 * from everyone else, each once, and the proposer is told; editing,
 * cancelling and moving an event tells those who answered it, and a place
 * freed tells the one promoted, in the same transaction as the change. */
#include "core/calendar.h"
#include "core/db.h"
#include "core/inbox.h"
#include "core/queue.h"
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
};

static int
setup(void **state)
{
	struct fixture *f = tdb_new(sizeof *f, "calendar-queue");

	f->org = tdb_viewer(&f->t, "biblioteka", "lt", ROLE_ORGANISER);
	f->mod = tdb_viewer(&f->t, "moderatore", "lt", ROLE_MODERATOR);
	f->ruta = tdb_viewer(&f->t, "ruta", "lt", ROLE_MEMBER);
	f->jonas = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	*state = f;
	return 0;
}

/* An evening at the library next summer (inside the horizon). */
static int64_t
create(struct fixture *f, const struct actor *a, const char *title,
    int capacity)
{
	struct cal_event_input in = { 0 };
	struct core_error e;
	int64_t id = 0;

	in.title = title;
	in.description = "Pokalbiai lietuviškai";
	in.start = (struct i18n_wall){ 2027, 6, 1, 18, 0 };
	in.end = (struct i18n_wall){ 2027, 6, 1, 19, 30 };
	in.venue = "Kauno apskrities viešoji biblioteka";
	in.eldership = "centras";
	in.languages = CAL_LANG_BIT(0);
	in.capacity = capacity;
	in.recur.freq = CAL_WEEKLY;
	in.recur.interval = 1;
	in.recur.count = 4;
	e = calendar_event_create(f->t.db, a, &in, &id);
	if (e.key != NULL)
		fail_msg("create: %s", e.key);
	return id;
}

/* The newest inbox entry of viewer, or fails when there is none. */
static struct inbox_entry
newest(struct fixture *f, const struct actor *viewer)
{
	struct inbox_list l;
	struct inbox_entry e;

	assert_int_equal(inbox_list(f->t.db, viewer, 0, 1, &l), 0);
	assert_int_equal(l.n, 1);
	e = l.v[0];
	inbox_list_free(&l);
	return e;
}

static int
inbox_count(struct fixture *f, const struct actor *viewer)
{
	struct inbox_list l;
	int n;

	assert_int_equal(inbox_list(f->t.db, viewer, 0, 50, &l), 0);
	n = (int)l.n;
	inbox_list_free(&l);
	return n;
}

static void
test_proposal_waits_in_the_queue(void **state)
{
	struct fixture *f = *state;
	const struct queue_kind *k = queue_kind_find("calendar.proposal");
	int64_t mine, org;
	struct queue_list l;

	assert_non_null(k);
	assert_non_null(queue_action_find(k, "approve"));
	assert_true(queue_action_find(k, "reject")->dismisses);
	mine = create(f, &f->ruta, "Kalbų kavinė", 0);
	org = create(f, &f->org, "Skaitymai", 0);
	assert_int_equal(queue_open_items(f->t.db, "calendar.proposal", mine),
	    1);
	/* Positive control above, negative here: published at once. */
	assert_int_equal(queue_open_items(f->t.db, "calendar.proposal", org),
	    0);
	assert_int_equal(queue_list(f->t.db, &f->mod, 0, 10, &l), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].k->kind, "calendar.proposal");
	assert_int_equal(l.v[0].subject_id, mine);
	assert_string_equal(l.v[0].s.title, "Kalbų kavinė");
	assert_int_equal(l.v[0].s.number, mine);
	assert_string_equal(l.v[0].s.owner_name, "ruta");
	assert_non_null(strstr(l.v[0].s.body, "2027-06-01 18:00"));
	assert_non_null(strstr(l.v[0].s.body, "Pokalbiai lietuviškai"));
	queue_list_free(&l);
	/* Only moderators decide: a member's queue is empty. */
	assert_int_equal(queue_list(f->t.db, &f->jonas, 0, 10, &l), 0);
	assert_int_equal(l.n, 0);
	queue_list_free(&l);
	assert_int_equal(queue_open_count(f->t.db, &f->org), 0);
	assert_int_equal(queue_open_count(f->t.db, &f->mod), 1);
}

static void
test_approve_publishes_and_tells(void **state)
{
	struct fixture *f = *state;
	struct cal_event ev;
	struct inbox_entry e;
	char buf[64];
	int64_t id = create(f, &f->ruta, "Kalbų kavinė", 0);

	assert_int_equal(calendar_event_get(f->t.db, &f->jonas, id, 0, 0, &ev),
	    -1);
	assert_null(queue_resolve(f->t.db, &f->mod, "calendar.proposal", id,
	    "approve", 0, "Tinka").key);
	assert_int_equal(calendar_event_get(f->t.db, &f->jonas, id, 0, 0, &ev),
	    0);
	assert_int_equal(ev.occ.state, CAL_PUBLISHED);
	cal_event_free(&ev);
	assert_int_equal(queue_open_items(f->t.db, "calendar.proposal", id), 0);
	snprintf(buf, sizeof buf, "event %lld", (long long)id);
	assert_int_equal(audit_target_count(f->t.db, "event.approve", buf), 1);
	e = newest(f, &f->ruta);
	assert_string_equal(e.kind, "calendar.approved");
	assert_string_equal(e.subject_type, "event");
	assert_int_equal(e.subject_id, id);
	assert_string_equal(inbox_arg(&e, "title", buf, sizeof buf),
	    "Kalbų kavinė");
	/* Decided once: the second answer finds no proposal. */
	assert_string_equal(queue_resolve(f->t.db, &f->mod,
	    "calendar.proposal", id, "reject", 0, "x").key,
	    "error.calendar.not_proposed");
}

static void
test_reject_hides_and_tells_why(void **state)
{
	struct fixture *f = *state;
	struct cal_event ev;
	struct inbox_entry e;
	char buf[64];
	int64_t id = create(f, &f->ruta, "Reklama", 0);

	assert_null(queue_resolve(f->t.db, &f->mod, "calendar.proposal", id,
	    "reject", 0, "Ne renginys").key);
	assert_int_equal(calendar_event_get(f->t.db, &f->jonas, id, 0, 0, &ev),
	    -1);
	assert_int_equal(calendar_event_get(f->t.db, &f->mod, id, 0, 0, &ev),
	    0);
	assert_int_equal(ev.occ.state, CAL_REJECTED);
	cal_event_free(&ev);
	e = newest(f, &f->ruta);
	assert_string_equal(e.kind, "calendar.rejected");
	assert_string_equal(inbox_arg(&e, "detail", buf, sizeof buf),
	    "Ne renginys");
	assert_int_equal(queue_open_count(f->t.db, &f->mod), 0);
}

static void
test_only_moderators_decide(void **state)
{
	struct fixture *f = *state;
	int64_t id = create(f, &f->ruta, "Kalbų kavinė", 0);

	assert_string_equal(queue_resolve(f->t.db, &f->org, "calendar.proposal",
	    id, "approve", 0, "Tinka").key, "error.calendar.not_allowed");
	assert_string_equal(queue_resolve(f->t.db, &f->ruta,
	    "calendar.proposal", id, "approve", 0, "Tinka").key,
	    "error.calendar.not_allowed");
	assert_string_equal(queue_resolve(f->t.db, &f->mod, "calendar.proposal",
	    id + 100, "approve", 0, "Tinka").key, "error.calendar.not_found");
	/* Nothing changed: still waiting. */
	assert_int_equal(queue_open_items(f->t.db, "calendar.proposal", id), 1);
	assert_null(queue_resolve(f->t.db, &f->mod, "calendar.proposal", id,
	    "approve", 0, "Tinka").key);
}

/* A member's approved event that the member edits waits again: the same
 * item opens again (one per person and subject), and it leaves the views. */
static void
test_member_edit_waits_again(void **state)
{
	struct fixture *f = *state;
	struct cal_event_input in = { 0 };
	struct cal_event ev;
	int64_t id = create(f, &f->ruta, "Kalbų kavinė", 0);

	assert_null(queue_resolve(f->t.db, &f->mod, "calendar.proposal", id,
	    "approve", 0, "Tinka").key);
	assert_int_equal(queue_open_items(f->t.db, "calendar.proposal", id), 0);
	in.title = "Kalbų kavinė ir žaidimai";
	in.description = "";
	in.start = (struct i18n_wall){ 2027, 6, 1, 18, 0 };
	in.end = (struct i18n_wall){ 2027, 6, 1, 19, 30 };
	in.venue = "Biblioteka";
	in.languages = CAL_LANG_BIT(0);
	in.recur.freq = CAL_ONCE;
	assert_null(calendar_event_update(f->t.db, &f->ruta, id, &in,
	    NULL).key);
	assert_int_equal(queue_open_items(f->t.db, "calendar.proposal", id), 1);
	assert_int_equal(calendar_event_get(f->t.db, &f->jonas, id, 0, 0, &ev),
	    -1);
	assert_null(queue_resolve(f->t.db, &f->mod, "calendar.proposal", id,
	    "approve", 0, "Vėl tinka").key);
	assert_int_equal(calendar_event_get(f->t.db, &f->jonas, id, 0, 0, &ev),
	    0);
	assert_string_equal(ev.occ.title, "Kalbų kavinė ir žaidimai");
	cal_event_free(&ev);
}

static void
test_changes_tell_who_answered(void **state)
{
	struct fixture *f = *state;
	struct cal_event_input in = { 0 };
	struct cal_notify told = { 0 };
	struct inbox_entry e;
	struct cal_event ev;
	int64_t id = create(f, &f->org, "Skaitymai", 1), first;
	int waiting = 0;
	char buf[64];

	assert_int_equal(calendar_event_get(f->t.db, &f->ruta, id, 0, 0, &ev),
	    0);
	first = ev.occ.recur_utc;
	cal_event_free(&ev);
	assert_null(calendar_answer(f->t.db, &f->ruta, id, first, CAL_GOING,
	    &waiting, NULL).key);
	assert_null(calendar_answer(f->t.db, &f->jonas, id, first, CAL_GOING,
	    &waiting, NULL).key);
	assert_int_equal(waiting, 1);
	assert_int_equal(inbox_count(f, &f->jonas), 0);
	/* Ruta withdraws: Jonas gets the place and is told. */
	assert_null(calendar_answer(f->t.db, &f->ruta, id, first,
	    CAL_NOT_GOING, &waiting, &told).key);
	cal_notify_free(&told);
	e = newest(f, &f->jonas);
	assert_string_equal(e.kind, "calendar.promoted");
	assert_int_equal(e.subject_id, id);
	assert_int_equal(inbox_count(f, &f->ruta), 0);
	/* An edit tells Jonas (going), not the organiser who made it. */
	in.title = "Skaitymai vaikams";
	in.description = "";
	in.start = (struct i18n_wall){ 2027, 6, 1, 18, 0 };
	in.end = (struct i18n_wall){ 2027, 6, 1, 19, 30 };
	in.venue = "Biblioteka";
	in.languages = CAL_LANG_BIT(0);
	in.capacity = 1;
	in.recur.freq = CAL_WEEKLY;
	in.recur.interval = 1;
	in.recur.count = 4;
	assert_null(calendar_event_update(f->t.db, &f->org, id, &in,
	    &told).key);
	cal_notify_free(&told);
	e = newest(f, &f->jonas);
	assert_string_equal(e.kind, "calendar.changed");
	assert_string_equal(inbox_arg(&e, "title", buf, sizeof buf),
	    "Skaitymai vaikams");
	assert_int_equal(inbox_count(f, &f->org), 0);
	/* One date moved, then the whole event cancelled with a reason. */
	assert_null(calendar_occurrence_move(f->t.db, &f->org, id, first,
	    &(struct i18n_wall){ 2027, 6, 2, 18, 0 }, I18N_WALL_ASK,
	    &told).key);
	cal_notify_free(&told);
	e = newest(f, &f->jonas);
	assert_string_equal(e.kind, "calendar.occ_moved");
	assert_string_equal(inbox_arg(&e, "detail", buf, sizeof buf),
	    "2027-06-01 18:00");
	assert_null(calendar_event_cancel(f->t.db, &f->org, id, "Remontas",
	    &told).key);
	cal_notify_free(&told);
	e = newest(f, &f->jonas);
	assert_string_equal(e.kind, "calendar.cancelled");
	assert_string_equal(inbox_arg(&e, "detail", buf, sizeof buf),
	    "Remontas");
	assert_int_equal(inbox_count(f, &f->jonas), 4);
}

static void
test_one_date_cancelled_tells_its_people(void **state)
{
	struct fixture *f = *state;
	struct cal_notify told = { 0 };
	struct inbox_entry e;
	struct cal_event ev;
	int64_t id = create(f, &f->org, "Skaitymai", 0), first, second;
	int waiting = 0;
	char buf[64];

	assert_int_equal(calendar_event_get(f->t.db, &f->ruta, id, 0, 0, &ev),
	    0);
	first = ev.occ.recur_utc;
	cal_event_free(&ev);
	second = first + 7 * 86400;
	assert_null(calendar_answer(f->t.db, &f->ruta, id, first, CAL_MAYBE,
	    &waiting, NULL).key);
	assert_null(calendar_answer(f->t.db, &f->jonas, id, second, CAL_GOING,
	    &waiting, NULL).key);
	assert_null(calendar_occurrence_cancel(f->t.db, &f->org, id, second,
	    &told).key);
	cal_notify_free(&told);
	e = newest(f, &f->jonas);
	assert_string_equal(e.kind, "calendar.occ_cancelled");
	assert_string_equal(inbox_arg(&e, "detail", buf, sizeof buf),
	    "2027-06-08 18:00");
	/* Ruta answered another date only. */
	assert_int_equal(inbox_count(f, &f->ruta), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_proposal_waits_in_the_queue, setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
		    test_approve_publishes_and_tells, setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
		    test_reject_hides_and_tells_why, setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_only_moderators_decide,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_member_edit_waits_again,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
		    test_changes_tell_who_answered, setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
		    test_one_date_cancelled_tells_its_people, setup,
		    tdb_teardown),
	};

	return cmocka_run_group_tests(tests, ti18n_setup, ti18n_teardown);
}
