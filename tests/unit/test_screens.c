/* The screens without a terminal: each runs over the demo database in both
 * modes under the recording renderer (tests/unit/record.h), which answers
 * with scripted events; the tests look at the views the screens described.
 * At least one behaviour of every screen of ui/screen.h. */
#include "tests/unit/fixture.h"
#include "tests/unit/record.h"
#include "tests/unit/record-suite.h"

#include "common/xalloc.h"
#include "core/db.h"
#include "i18n/i18n.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#define TO_THREAD \
	OPEN("menu", "menu.forums"), \
	PICK("boards", "Sveiki atvyk"), \
	PICK("threads", "Prisistatykite")

/* Runs script as who from the main menu (or first) and leaves the
 * session open in r for the test to look at. */
static void
run(struct rec *r, void **state, const char *who, const struct screen_ops *first,
    const struct rec_step *script, int n)
{
	struct rec_fx *fx = *state;

	rec_open(r, fx->t.db, who, "en", fx->mode, REC_NO_DRAW);
	rec_run(r, first != NULL ? first : &screen_menu, NULL, first != NULL &&
	    first != &screen_menu && first != &screen_register, script, n);
}

static bool
has_item(const struct rec_view *v, const char *key)
{
	return rec_find_item(v, T(key)) >= 0;
}

/* menu: each person sees the features meant for them. */
static void
test_menu_by_role(void **state)
{
	struct rec r;
	const struct rec_view *v;

	run(&r, state, NULL, NULL, NULL, 0);
	v = rec_last(&r);
	assert_true(has_item(v, "menu.forums"));
	assert_true(has_item(v, "menu.settings"));
	assert_false(has_item(v, "menu.notices"));
	assert_false(has_item(v, "menu.reports"));
	assert_non_null(v->text);	/* how to register */
	rec_close(&r);

	run(&r, state, "ruta", NULL, NULL, 0);
	v = rec_last(&r);
	assert_true(has_item(v, "menu.notices"));
	assert_false(has_item(v, "menu.reports"));
	rec_close(&r);

	run(&r, state, "moderatore", NULL, NULL, 0);
	v = rec_last(&r);
	assert_true(has_item(v, "menu.notices"));
	assert_true(has_item(v, "menu.reports"));
	rec_close(&r);
}

/* welcome: its one item goes on to the main menu. */
static void
test_welcome_continues(void **state)
{
	static const struct rec_step s[] = {
		OPEN("welcome", "welcome.continue"),
	};
	struct rec r;

	run(&r, state, "ruta", &screen_welcome, s, NSTEPS(s));
	assert_string_equal(r.views[0].screen, "welcome");
	assert_string_equal(rec_last(&r)->screen, "menu");
	rec_close(&r);
}

/* register: a bad user name stays in its field, with the error. */
static void
test_register_keeps_bad_value(void **state)
{
	static const struct rec_step s[] = {
		SUBMIT("register", "lang=en", "name=no spaces!",
		    "display=Test Person", "password=linden-otter-47x"),
	};
	struct rec r;
	const struct rec_field *f;

	run(&r, state, "", &screen_register, s, NSTEPS(s));
	assert_string_equal(rec_last(&r)->screen, "register");
	f = rec_field(rec_last(&r), "name");
	assert_non_null(f);
	assert_string_equal(f->value, "no spaces!");
	assert_non_null(f->error);
	rec_close(&r);
}

/* mode: asks full screen or plain, one item each. */
static void
test_mode_offers_both(void **state)
{
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "ruta", &screen_mode_choice, NULL, 0);
	v = rec_last(&r);
	assert_int_equal(v->nitems, 2);
	assert_true(has_item(v, "mode.full"));
	assert_true(has_item(v, "mode.plain"));
	rec_close(&r);
}

/* settings: a guest has no password or keys to set. */
static void
test_settings_guest_and_member(void **state)
{
	static const struct rec_step s[] = { OPEN("menu", "menu.settings") };
	struct rec r;

	run(&r, state, NULL, NULL, s, NSTEPS(s));
	assert_false(has_item(rec_last(&r), "settings.password"));
	assert_true(has_item(rec_last(&r), "settings.language"));
	rec_close(&r);
	run(&r, state, "ruta", NULL, s, NSTEPS(s));
	assert_true(has_item(rec_last(&r), "settings.password"));
	assert_true(has_item(rec_last(&r), "settings.keys"));
	rec_close(&r);
}

/* choice: picking a theme puts it on the settings screen. */
static void
test_choice_applies(void **state)
{
	static const struct rec_step s[] = {
		OPEN("menu", "menu.settings"),
		OPEN("settings", "settings.theme"),
		OPEN("choice", "settings.theme.contrast"),
	};
	struct rec r;
	const struct rec_view *v;
	int i;

	run(&r, state, "ruta", NULL, s, NSTEPS(s));
	v = rec_last(&r);
	assert_string_equal(v->screen, "settings");
	i = rec_find_item(v, T("settings.theme"));
	assert_true(i >= 0);
	assert_string_equal(v->items[i].status, T("settings.theme.contrast"));
	rec_close(&r);
}

/* password: a wrong current password is refused on its field. */
static void
test_password_wrong_current(void **state)
{
	static const struct rec_step s[] = {
		OPEN("menu", "menu.settings"),
		OPEN("settings", "settings.password"),
		SUBMIT("password", "current=not-my-password-1",
		    "new=birch-heron-93q-long", "again=birch-heron-93q-long"),
	};
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "ruta", NULL, s, NSTEPS(s));
	v = rec_last(&r);
	assert_string_equal(v->screen, "password");
	assert_string_equal(rec_field(v, "current")->error,
	    T("password.wrong_current"));
	assert_string_equal(v->notice, T("password.wrong_current"));
	rec_close(&r);
}

/* keys: none yet, said so; a opens the form that adds one. */
static void
test_keys_none_then_add(void **state)
{
	static const struct rec_step s[] = {
		OPEN("menu", "menu.settings"),
		OPEN("settings", "settings.keys"),
		ASK("keys", 'a'),
	};
	struct rec r;
	const struct rec_view *keys;

	run(&r, state, "ruta", NULL, s, NSTEPS(s));
	keys = &r.views[r.nviews - 2];
	assert_string_equal(keys->screen, "keys");
	assert_string_equal(keys->text, T("keys.none"));
	assert_false(rec_has_action(keys, 'd'));
	assert_string_equal(rec_last(&r)->screen, "key-add");
	rec_close(&r);
}

/* key-add: a line that is no key is refused and kept for mending. */
static void
test_key_add_refuses_garbage(void **state)
{
	static const struct rec_step s[] = {
		OPEN("menu", "menu.settings"),
		OPEN("settings", "settings.keys"),
		ASK("keys", 'a'),
		SUBMIT("key-add", "key=ssh-ed25519 not-base64 me@home"),
	};
	struct rec r;
	const struct rec_field *f;

	run(&r, state, "ruta", NULL, s, NSTEPS(s));
	assert_string_equal(rec_last(&r)->screen, "key-add");
	f = rec_field(rec_last(&r), "key");
	assert_string_equal(f->value, "ssh-ed25519 not-base64 me@home");
	assert_non_null(f->error);
	rec_close(&r);
}

/* confirm: No is first; Yes deletes the post and says so. */
static void
test_confirm_delete(void **state)
{
	static const struct rec_step s[] = {
		TO_THREAD,
		ON("thread", "@ruta", 'd'),
		OPEN("confirm", "confirm.yes"),
	};
	struct rec r;
	const struct rec_view *v, *ask;

	run(&r, state, "ruta", NULL, s, NSTEPS(s));
	ask = &r.views[r.nviews - 2];
	assert_string_equal(ask->screen, "confirm");
	assert_string_equal(ask->items[0].label, T("confirm.no"));
	v = rec_last(&r);
	assert_string_equal(v->screen, "thread");
	assert_non_null(v->notice);
	rec_close(&r);
}

/* help: ? shows the screen's help, q goes back to it. */
static void
test_help_and_back(void **state)
{
	static const struct rec_step s[] = { HELP("menu"), BACK("help") };
	struct rec r;

	run(&r, state, "ruta", NULL, s, NSTEPS(s));
	assert_string_equal(r.views[1].screen, "help");
	assert_non_null(r.views[1].text);
	assert_string_equal(rec_last(&r)->screen, "menu");
	rec_close(&r);
}

/* boards: the demo's six; Enter on one opens its threads. */
static void
test_boards_open_threads(void **state)
{
	static const struct rec_step s[] = {
		OPEN("menu", "menu.forums"),
		PICK("boards", "English Conversation"),
	};
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "ruta", NULL, s, NSTEPS(s));
	assert_int_equal(r.views[1].nitems, 6);
	v = rec_last(&r);
	assert_string_equal(v->screen, "threads");
	assert_true(strstr(v->title, "English Conversation") != NULL);
	rec_close(&r);
}

/* threads: the pinned thread comes first; n starts a new one. */
static void
test_threads_pinned_first_and_new(void **state)
{
	static const struct rec_step s[] = {
		OPEN("menu", "menu.forums"),
		PICK("boards", "Sveiki atvyk"),
		ASK("threads", 'n'),
	};
	struct rec r;
	const struct rec_view *threads;

	run(&r, state, "ruta", NULL, s, NSTEPS(s));
	threads = &r.views[r.nviews - 2];
	assert_true(strstr(threads->items[0].label, "Prisistatykite") != NULL);
	assert_string_equal(rec_last(&r)->screen, "compose");
	assert_non_null(rec_field(rec_last(&r), "title"));
	rec_close(&r);
}

/* thread: the posts come with their text; a moderator has more actions. */
static void
test_thread_posts_and_actions(void **state)
{
	static const struct rec_step s[] = { TO_THREAD };
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "ruta", NULL, s, NSTEPS(s));
	v = rec_last(&r);
	assert_string_equal(v->screen, "thread");
	assert_int_equal(v->nitems, 5);
	assert_non_null(v->items[1].body);
	assert_true(rec_has_action(v, 'r'));
	assert_false(rec_has_action(v, 'p'));
	rec_close(&r);
	run(&r, state, "moderatore", NULL, s, NSTEPS(s));
	assert_true(rec_has_action(rec_last(&r), 'p'));
	rec_close(&r);
}

/* compose: an empty reply is refused; a reply adds a post. */
static void
test_compose_reply(void **state)
{
	static const struct rec_step s[] = {
		TO_THREAD,
		ASK("thread", 'r'),
		SUBMIT("compose", "body="),
		SUBMIT("compose", "body=Sveiki visi, aš irgi čia."),
	};
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "ruta", NULL, s, NSTEPS(s));
	v = &r.views[r.nviews - 2];
	assert_string_equal(v->screen, "compose");
	assert_non_null(rec_field(v, "body")->error);
	v = rec_last(&r);
	assert_string_equal(v->screen, "thread");
	assert_int_equal(v->nitems, 6);
	assert_string_equal(v->items[5].body, "Sveiki visi, aš irgi čia.");
	rec_close(&r);
}

/* reason, reports: a member reports a post, a moderator finds it in the
 * queue and dismisses it. */
static void
test_report_reaches_queue(void **state)
{
	static const struct rec_step report[] = {
		TO_THREAD,
		ON("thread", "@jonas", 'x'),
		SUBMIT("reason", "reason=Ne į temą"),
	};
	static const struct rec_step queue[] = {
		OPEN("menu", "menu.reports"),
		ON("reports", "Prisistatykite", 'd'),
		SUBMIT("reason", "reason=Viskas gerai"),
	};
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "ruta", NULL, report, NSTEPS(report));
	assert_string_equal(r.views[r.nviews - 2].screen, "reason");
	assert_string_equal(rec_last(&r)->screen, "thread");
	assert_non_null(rec_last(&r)->notice);
	rec_close(&r);
	run(&r, state, "moderatore", NULL, queue, NSTEPS(queue));
	/* Beside the report waits the demo's event proposal. */
	v = &r.views[r.nviews - 3];
	assert_string_equal(v->screen, "reports");
	assert_int_equal(v->nitems, 2);
	assert_true((strstr(v->items[0].body, "Ne į temą") != NULL) !=
	    (strstr(v->items[1].body, "Ne į temą") != NULL));
	v = rec_last(&r);
	assert_string_equal(v->screen, "reports");
	assert_int_equal(v->nitems, 1);
	assert_null(strstr(v->items[0].body, "Ne į temą"));
	assert_string_equal(v->notice, T("reports.resolved"));
	rec_close(&r);
}

/* notices: a marks them all read, and the menu's count goes. */
static void
test_notices_all_read(void **state)
{
	static const struct rec_step s[] = {
		OPEN("menu", "menu.notices"),
		ASK("notices", 'a'),
		BACK("notices"),
	};
	struct rec r;
	const struct rec_view *v;
	int i;

	run(&r, state, "moderatore", NULL, s, NSTEPS(s));
	i = rec_find_item(&r.views[0], T("menu.notices"));
	assert_non_null(r.views[0].items[i].status);
	assert_true(r.views[1].nitems > 0);
	assert_true(rec_has_action(&r.views[1], 'a'));
	assert_string_equal(r.views[2].notice, T("notices.marked"));
	v = rec_last(&r);
	assert_string_equal(v->screen, "menu");
	assert_null(v->items[i].status);
	rec_close(&r);
}

/* search, hits: words found open a list of posts; Enter opens one. */
static void
test_search_hits_open(void **state)
{
	static const struct rec_step s[] = {
		OPEN("menu", "menu.forums"),
		ASK("boards", '/'),
		SUBMIT("search", "words=klubas"),
		{ .screen = "hits", .type = EV_SELECT, .index = 0 },
	};
	static const struct rec_step none[] = {
		OPEN("menu", "menu.forums"),
		ASK("boards", '/'),
		SUBMIT("search", "words=zebrafinch"),
	};
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "ruta", NULL, s, NSTEPS(s));
	v = &r.views[r.nviews - 2];
	assert_string_equal(v->screen, "hits");
	assert_true(v->nitems > 0);
	assert_string_equal(rec_last(&r)->screen, "thread");
	rec_close(&r);
	run(&r, state, "ruta", NULL, none, NSTEPS(none));
	v = rec_last(&r);
	assert_string_equal(v->screen, "hits");
	assert_int_equal(v->nitems, 0);
	assert_string_equal(v->text, T("search.none"));
	rec_close(&r);
}

/* history: an edited post shows what it said before. */
static void
test_history_after_edit(void **state)
{
	static const struct rec_step s[] = {
		TO_THREAD,
		ON("thread", "@ruta", 'e'),
		SUBMIT("compose", "body=Labas, esu Rūta."),
		ON("thread", "@ruta", 'y'),
	};
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "ruta", NULL, s, NSTEPS(s));
	v = rec_last(&r);
	assert_string_equal(v->screen, "history");
	assert_int_equal(v->nitems, 1);
	assert_true(strstr(v->items[0].body, "fotografuoti") != NULL);
	rec_close(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		REC_BOTH(test_menu_by_role),
		REC_BOTH(test_welcome_continues),
		REC_BOTH(test_register_keeps_bad_value),
		REC_BOTH(test_mode_offers_both),
		REC_BOTH(test_settings_guest_and_member),
		REC_BOTH(test_choice_applies),
		REC_BOTH(test_password_wrong_current),
		REC_BOTH(test_keys_none_then_add),
		REC_BOTH(test_key_add_refuses_garbage),
		REC_BOTH(test_confirm_delete),
		REC_BOTH(test_help_and_back),
		REC_BOTH(test_boards_open_threads),
		REC_BOTH(test_threads_pinned_first_and_new),
		REC_BOTH(test_thread_posts_and_actions),
		REC_BOTH(test_compose_reply),
		REC_BOTH(test_report_reaches_queue),
		REC_BOTH(test_notices_all_read),
		REC_BOTH(test_search_hits_open),
		REC_BOTH(test_history_after_edit),
	};

	return cmocka_run_group_tests(tests, rec_suite_setup, rec_suite_teardown);
}
