/* Features (ui/feature.h): the main menu shows exactly the features the
 * person may see, in the list's order, with their counts; the welcome
 * screen and the menu's help come from the same list; each inbox subject
 * type has one owner and its own opener. */
#include "ui/feature.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/config.h"
#include "core/forums.h"
#include "i18n/i18n.h"
#include "tests/unit/fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

struct fx {
	struct tdb	t;
	struct app	app;
	struct config	cfg;
};

static void
login(struct fx *f, const char *name)
{
	assert_int_equal(account_by_name(f->t.db, name, &f->app.acct), 0);
	f->app.actor = actor_account(&f->app.acct, "lt", 0);
}

/* The menu's lines are the visible features' labels, in list order. */
static int
check_menu(struct fx *f, struct view *v)
{
	int i, n = 0;

	screen_menu.describe(&f->app, NULL, v);
	for (i = 0; features[i] != NULL; i++)
		if (feature_visible(features[i], &f->app)) {
			assert_true(n < v->nitems);
			assert_string_equal(v->items[n].label,
			    T(features[i]->menu_key));
			n++;
		}
	assert_int_equal(v->nitems, n);
	return n;
}

static void
test_menu_by_role(void **state)
{
	struct fx *f = *state;
	struct actor admin = { 0, ROLE_ADMIN, "lt", 0 };
	struct actor ruta = tdb_viewer(&f->t, "ruta", "lt", ROLE_MEMBER);
	struct actor jonas;
	struct view v = { 0 };
	int64_t board, post;
	int member, i;
	bool seen = false;

	tdb_account(&f->t, "aiste", "Aistė", "lt", ROLE_MODERATOR);
	assert_null(forum_board_add(f->t.db, &admin, "Kava", "", "lt", &board));
	assert_null(forum_thread_start(f->t.db, &ruta, board, "Rytas",
	    "Labas rytas visiems", "lt", NULL, &post).key);
	login(f, "ruta");
	member = check_menu(f, &v);
	for (i = 0; i < v.nitems; i++)
		assert_string_not_equal(v.items[i].label, T("menu.reports"));
	view_clear(&v);
	/* A moderator sees three lines more: the queue, with its count,
	 * the announcement and who is online. */
	jonas = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	assert_null(forum_report(f->t.db, &jonas, post, "Neaišku"));
	login(f, "aiste");
	assert_int_equal(check_menu(f, &v), member + 3);
	for (i = 0; i < v.nitems; i++)
		if (strcmp(v.items[i].label, T("menu.reports")) == 0) {
			assert_non_null(v.items[i].status);
			seen = true;
		}
	assert_true(seen);
	seen = false;
	for (i = 0; i < v.nitems; i++)
		seen |= strcmp(v.items[i].label, T("menu.online_who")) == 0;
	assert_true(seen);
	view_clear(&v);
	/* A guest sees no member's line. */
	memset(&f->app.acct, 0, sizeof f->app.acct);
	f->app.actor = actor_guest("lt");
	for (i = 0; features[i] != NULL; i++)
		if (features[i]->who != FEATURE_EVERYONE)
			assert_false(feature_visible(features[i], &f->app));
}

/* Choosing a line opens the feature's screen; the last line logs out. */
static void
test_menu_select(void **state)
{
	struct fx *f = *state;
	struct view v = { 0 };
	int n;

	tdb_account(&f->t, "ruta", "Rūta", "lt", ROLE_MEMBER);
	login(f, "ruta");
	n = check_menu(f, &v);
	view_clear(&v);
	assert_int_equal(screen_menu.select(&f->app, NULL, n - 1), SR_QUIT);
	assert_int_equal(screen_menu.select(&f->app, NULL, n), SR_STAY);
}

/* The welcome news and the menu's help are the features' lines. */
static void
test_welcome_and_help(void **state)
{
	struct fx *f = *state;
	struct view v = { 0 }, h = { 0 };
	int i;

	tdb_account(&f->t, "ruta", "Rūta", "lt", ROLE_MEMBER);
	login(f, "ruta");
	f->app.notices_unread = 2;
	screen_welcome.describe(&f->app, NULL, &v);
	assert_non_null(strstr(v.text, T("welcome.no_new_posts")));
	assert_non_null(strstr(v.text, "2"));
	view_clear(&v);
	screen_menu.help_more(&f->app, &h);
	for (i = 0; features[i] != NULL; i++)
		if (features[i]->help_key != NULL)
			assert_true((strstr(h.text, T(features[i]->help_key)) !=
			    NULL) == feature_visible(features[i], &f->app));
	view_clear(&h);
}

/* Each feature is complete: a name, a label, and a badge with its words. */
static void
test_descriptors(void **state)
{
	int i, j;

	(void)state;
	for (i = 0; features[i] != NULL; i++) {
		assert_non_null(features[i]->name);
		assert_non_null(features[i]->menu_key);
		assert_true((features[i]->badge == NULL) ==
		    (features[i]->badge_key == NULL));
		for (j = 0; j < i; j++)
			assert_string_not_equal(features[i]->name,
			    features[j]->name);
	}
}

/* Every inbox subject type (inbox_subject and inbox_more) has an opener
 * and one owner, and feature_for_inbox gives that owner with the opener
 * of that very type (the directory's "account" is not its
 * "mentorship"); an unknown type has none. */
static void
test_inbox_subjects(void **state)
{
	const char *seen[FEATURES_MAX * 4];
	void (*open)(struct app *, int64_t);
	const struct feature_inbox *m;
	int i, j, n = 0;

	(void)state;
	for (i = 0; features[i] != NULL; i++) {
		if (features[i]->inbox_subject != NULL) {
			assert_non_null(features[i]->inbox_open);
			assert_ptr_equal(feature_for_inbox(
			    features[i]->inbox_subject, &open), features[i]);
			assert_ptr_equal(open, features[i]->inbox_open);
			seen[n++] = features[i]->inbox_subject;
		}
		for (m = features[i]->inbox_more; m != NULL &&
		    m->subject != NULL; m++) {
			assert_non_null(m->open);
			assert_ptr_equal(feature_for_inbox(m->subject, &open),
			    features[i]);
			assert_ptr_equal(open, m->open);
			assert_ptr_not_equal(open, features[i]->inbox_open);
			seen[n++] = m->subject;
		}
		assert_true(n < FEATURES_MAX * 4 - 4);
	}
	for (i = 0; i < n; i++)
		for (j = 0; j < i; j++)
			assert_string_not_equal(seen[i], seen[j]);
	assert_non_null(feature_for_inbox("account", &open));
	assert_non_null(feature_for_inbox("mentorship", &open));
	assert_null(feature_for_inbox("no-such-subject", &open));
}

static int
setup(void **state)
{
	struct fx *f;

	if (ti18n_setup(state) != 0)
		return -1;
	f = tdb_new(sizeof *f, "features");
	config_defaults(&f->cfg);
	f->app.cfg = &f->cfg;
	f->app.db = f->t.db;
	f->app.mode = UI_MODE_FULL;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	/* select pushed screens: close them before the database goes. */
	while (f->app.depth > 0) {
		f->app.depth--;
		if (f->app.stack[f->app.depth].ops->close != NULL)
			f->app.stack[f->app.depth].ops->close(&f->app,
			    f->app.stack[f->app.depth].st);
	}
	config_free(&f->cfg);
	tdb_teardown(state);
	return ti18n_teardown(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_menu_by_role, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_inbox_subjects, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_menu_select, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_welcome_and_help, setup,
		    teardown),
		cmocka_unit_test(test_descriptors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
