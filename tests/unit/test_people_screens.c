/* The directory's screens (ui/directory-ui.h) without a terminal, over the
 * demo's conversation (Rūta's last answer waits unread for Olena), in both
 * modes under the recording renderer: the hub as a member and as a guest
 * (who sees only Find people and Organisations);
 * opening a conversation at the unread message marks it read; a reply
 * goes in, and the same reply after a block, too fast or suspended is
 * refused with the text kept; a name that is no member is refused under the name, the text
 * kept; block and unblock; a profile's "write" (people_write_to); and a
 * report that a moderator sees with its
 * bounded context and removes, which both members then see. */
#include "tests/unit/fixture.h"
#include "tests/unit/record.h"
#include "tests/unit/record-suite.h"

#include "ui/directory-ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/actor.h"
#include "core/blocks.h"
#include "core/db.h"
#include "core/messages.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#define TO_LIST		OPEN("menu", "menu.people"), OPEN("people", "people.messages")
/* The text left unsent last time, offered back: taken. */
#define DRAFT_BACK	{ .screen = "pm-write", .type = EV_SELECT, .item = "draft.continue" }

static void
run(struct rec *r, void **state, const char *who,
    const struct rec_step *script, int n)
{
	struct rec_fx *fx = *state;

	rec_open(r, fx->t.db, who, "en", fx->mode, REC_NO_DRAW);
	rec_run(r, &screen_menu, NULL, false, script, n);
}

static int64_t
unread_of(void **state, const char *name)
{
	struct account a;
	struct actor v;

	assert_int_equal(account_by_name(((struct rec_fx *)*state)->t.db, name, &a), 0);
	v = actor_account(&a, "en", 0);
	return messages_unread_total(((struct rec_fx *)*state)->t.db, &v);
}

/* The hub: a member's Messages with the unread count; a guest's note and
 * no Messages. */
static void
test_hub_by_role(void **state)
{
	static const struct rec_step s[] = { OPEN("menu", "menu.people") };
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "olena", s, NSTEPS(s));
	v = rec_last(&r);
	assert_string_equal(v->screen, "people");
	assert_int_equal(v->nitems, 6);
	assert_non_null(strstr(v->items[0].label, T("people.messages")));
	assert_non_null(v->items[0].status);
	assert_non_null(strstr(v->items[0].status, "1"));
	rec_close(&r);
	run(&r, state, NULL, s, NSTEPS(s));
	v = rec_last(&r);
	assert_string_equal(v->screen, "people");
	/* Find people and Organisations; none of the members' own. */
	assert_int_equal(v->nitems, 2);
	assert_string_equal(v->items[0].label, T("people.find"));
	assert_string_equal(v->items[1].label, T("people.orgs"));
	assert_non_null(strstr(v->text, T("people.guest_note")));
	rec_close(&r);
}

/* The conversation opens at the unread message and marks it read. */
static void
test_thread_opens_unread_marks_read(void **state)
{
	static const struct rec_step s[] = { TO_LIST, PICK("pm-list", "@ruta") };
	struct rec r;
	const struct rec_view *v;

	assert_int_equal(unread_of(state, "olena"), 1);
	run(&r, state, "olena", s, NSTEPS(s));
	v = rec_last(&r);
	assert_string_equal(v->screen, "pm-thread");
	assert_int_equal(v->nitems, 4);
	assert_int_equal(v->focus, 3);
	assert_non_null(strstr(v->keys, "r"));
	rec_close(&r);
	assert_int_equal(unread_of(state, "olena"), 0);
}

/* A reply goes in (the control), and the same after Rūta blocked Olena
 * is refused with the blocked words, the text still in the form. */
static void
test_reply_then_blocked_keeps_text(void **state)
{
	static const struct rec_step s[] = { TO_LIST, PICK("pm-list", "@ruta"),
		ASK("pm-thread", 'r'), SUBMIT("pm-write", "body=Ar dar čia?") };
	struct rec_fx *fx = *state;
	struct actor ruta = { .account_id = rec_fx_id(state, "ruta"), .role = ROLE_MEMBER,
	    .lang = "en" };
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "olena", s, NSTEPS(s));
	v = rec_last(&r);
	assert_string_equal(v->screen, "pm-thread");
	assert_int_equal(v->nitems, 5);
	assert_string_equal(v->items[4].body, "Ar dar čia?");
	assert_string_equal(v->notice, T("pm.sent"));
	rec_close(&r);
	assert_false(core_failed(blocks_add(fx->t.db, &ruta,
	    rec_fx_id(state, "olena"))));
	run(&r, state, "olena", s, NSTEPS(s));
	v = rec_last(&r);
	assert_string_equal(v->screen, "pm-write");
	assert_string_equal(rec_field(v, "body")->value, "Ar dar čia?");
	assert_string_equal(rec_field(v, "body")->error,
	    T("error.messages.blocked"));
	rec_close(&r);
}

/* Too fast (one message a minute: the second is refused) and suspended:
 * each refusal in its words, the text still in the form. */
static void
test_flood_and_suspended_keep_text(void **state)
{
	static const struct rec_step s[] = { TO_LIST, PICK("pm-list", "@ruta"),
		ASK("pm-thread", 'r'), SUBMIT("pm-write", "body=Pirma"),
		ASK("pm-thread", 'r'), SUBMIT("pm-write", "body=Antra") };
	/* The refused "Antra" was kept as a draft when the session ended. */
	static const struct rec_step again[] = { TO_LIST,
		PICK("pm-list", "@ruta"), ASK("pm-thread", 'r'), DRAFT_BACK,
		SUBMIT("pm-write", "body=Pirma") };
	struct rec_fx *fx = *state;
	struct rec r;
	const struct rec_view *v;

	rec_open(&r, fx->t.db, "olena", "en", fx->mode, REC_NO_DRAW);
	r.app.actor.posts_per_minute = 1;
	rec_run(&r, &screen_menu, NULL, false, s, NSTEPS(s));
	v = &r.views[r.nviews - 3];
	assert_string_equal(v->screen, "pm-thread");
	assert_string_equal(v->items[v->nitems - 1].body, "Pirma");
	v = rec_last(&r);
	assert_string_equal(v->screen, "pm-write");
	assert_string_equal(rec_field(v, "body")->value, "Antra");
	assert_string_equal(rec_field(v, "body")->error,
	    T("error.messages.flood"));
	rec_close(&r);
	assert_int_equal(account_suspend(fx->t.db, rec_fx_id(state, "olena"),
	    INT64_MAX, "test"), 0);
	run(&r, state, "olena", again, NSTEPS(again));
	v = &r.views[r.nviews - 2];
	assert_string_equal(rec_field(v, "body")->value, "Antra");
	v = rec_last(&r);
	assert_string_equal(v->screen, "pm-write");
	assert_string_equal(rec_field(v, "body")->value, "Pirma");
	assert_string_equal(rec_field(v, "body")->error,
	    T("error.forum.suspended"));
	rec_close(&r);
}

/* A new message to a name that is no member: refused under the name,
 * the text kept; to a member, the conversation opens. */
static void
test_new_by_name(void **state)
{
	static const struct rec_step bad[] = { TO_LIST, ASK("pm-list", 'n'),
		SUBMIT("pm-write", "to=niekas", "body=Sveiki!") };
	/* What the refused try left is offered back, name and text. */
	static const struct rec_step good[] = { TO_LIST, ASK("pm-list", 'n'),
		DRAFT_BACK, SUBMIT("pm-write", "to=jonas", "body=Sveiki, Jonai!") };
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "olena", bad, NSTEPS(bad));
	v = rec_last(&r);
	assert_string_equal(v->screen, "pm-write");
	assert_string_equal(rec_field(v, "to")->error,
	    T("error.messages.not_found"));
	assert_string_equal(rec_field(v, "body")->value, "Sveiki!");
	rec_close(&r);
	run(&r, state, "olena", good, NSTEPS(good));
	v = &r.views[r.nviews - 3];
	assert_string_equal(v->screen, "pm-write");
	assert_true(v->nitems == 2 && strstr(v->text, "niekas") == NULL);
	v = &r.views[r.nviews - 2];
	assert_string_equal(rec_field(v, "to")->value, "niekas");
	assert_string_equal(rec_field(v, "body")->value, "Sveiki!");
	v = rec_last(&r);
	assert_string_equal(v->screen, "pm-thread");
	assert_int_equal(v->nitems, 1);
	assert_string_equal(v->items[0].body, "Sveiki, Jonai!");
	rec_close(&r);
}

/* b asks, then blocks (the thread offers u); u lifts it. */
static void
test_block_unblock(void **state)
{
	static const struct rec_step s[] = { TO_LIST, PICK("pm-list", "@ruta"),
		ASK("pm-thread", 'b'), YES, ASK("pm-thread", 'u') };
	struct rec_fx *fx = *state;
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "olena", s, NSTEPS(s));
	v = &r.views[r.nviews - 3];
	assert_string_equal(v->screen, "confirm");
	assert_non_null(strstr(v->text, "find you"));
	v = &r.views[r.nviews - 2];
	assert_string_equal(v->screen, "pm-thread");
	assert_non_null(strchr(v->keys, 'u'));
	assert_null(strchr(v->keys, 'b'));
	assert_string_equal(v->notice, T("pm.blocked"));
	v = rec_last(&r);
	assert_non_null(strchr(v->keys, 'b'));
	assert_string_equal(v->notice, T("pm.unblocked"));
	assert_false(blocks_has(fx->t.db, rec_fx_id(state, "olena"),
	    rec_fx_id(state, "ruta")));
	rec_close(&r);
}

/* Rūta reports Olena's first message; the moderator sees it and the
 * three after it (the conversation has four: all), removes it, and
 * Olena then sees it removed. */
static void
test_report_remove(void **state)
{
	static const struct rec_step report[] = { TO_LIST,
		PICK("pm-list", "@olena"), ON("pm-thread", "@olena", 'x'),
		SUBMIT("reason", "reason=Bandymas") };
	static const struct rec_step decide[] = {
		OPEN("menu", "menu.reports"),
		ON("reports", "Laba diena, Rūta", 'o'),
		ASK("pm-report", 'r'), SUBMIT("reason", "reason=Pašalinta") };
	static const struct rec_step read[] = { TO_LIST,
		PICK("pm-list", "@ruta") };
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "ruta", report, NSTEPS(report));
	assert_string_equal(rec_last(&r)->notice, T("pm.reported"));
	rec_close(&r);
	run(&r, state, "moderatore", decide, NSTEPS(decide));
	v = &r.views[r.nviews - 3];
	assert_string_equal(v->screen, "pm-report");
	assert_int_equal(v->nitems, 4);
	assert_non_null(strstr(v->text, "ruta: Bandymas"));
	assert_int_equal(v->focus, 0);
	v = rec_last(&r);
	assert_string_equal(v->screen, "pm-report");
	assert_int_equal(v->nitems, 0);
	assert_string_equal(v->text, T("pm.report.decided"));
	rec_close(&r);
	run(&r, state, "olena", read, NSTEPS(read));
	v = rec_last(&r);
	assert_string_equal(v->items[0].body, T("pm.removed_text"));
	assert_string_equal(v->items[1].body, "Laba diena, Olena! Žinoma. "
	    "Galime susitikti antradieniais 17 val. Šančių bibliotekoje. "
	    "Ar tinka?");
	rec_close(&r);
}

/* people_write_to (a profile's "write") opens the form for that member,
 * named in its title, without asking for a name. */
static void
test_write_to(void **state)
{
	struct rec_fx *fx = *state;
	struct view v = { 0 };
	struct rec r;

	rec_open(&r, fx->t.db, "olena", "en", fx->mode, REC_NO_DRAW);
	people_write_to(&r.app, rec_fx_id(state, "ruta"));
	assert_int_equal(r.app.depth, 1);
	assert_ptr_equal(r.app.stack[0].ops, &screen_pm_write);
	screen_pm_write.describe(&r.app, r.app.stack[0].st, &v);
	assert_non_null(strstr(v.title, "(@ruta)"));
	assert_null(form_field(v.form, "to"));
	assert_non_null(form_field(v.form, "body"));
	view_clear(&v);
	rec_close(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		REC_BOTH(test_hub_by_role),
		REC_BOTH(test_thread_opens_unread_marks_read),
		REC_BOTH(test_reply_then_blocked_keeps_text),
		REC_BOTH(test_flood_and_suspended_keep_text),
		REC_BOTH(test_new_by_name),
		REC_BOTH(test_block_unblock),
		REC_BOTH(test_report_remove),
		REC_BOTH(test_write_to),
	};

	return cmocka_run_group_tests(tests, rec_suite_setup, rec_suite_teardown);
}
