/* The list-screen helper (ui/list-screen.h) without a terminal: a fake
 * source of rows paged forward and back, a reload that keeps the focused
 * row, the notice on a failed load; then the threads screen over the test
 * database, a real user of the helper. */
#include "ui/list-screen.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/config.h"
#include "common/xalloc.h"
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

#define FAKE_MAX	64
#define FAKE_PAGE	4

/* The source: ids in order, one row each; fail makes the next load fail. */
static int64_t	fake_ids[FAKE_MAX];
static int	fake_n;
static bool	fake_fail;

struct fake_state {
	struct list_state	 ls;
	int64_t			 rows[FAKE_PAGE];
	int			 arg;		/* what init was given */
	int			 loads;
	bool			 even;		/* the filter: even ids only */
};

static void
fake_init(struct app *app, void *st, void *arg)
{
	(void)app;
	((struct fake_state *)st)->arg = *(int *)arg;
}

static int
fake_load(struct app *app, void *st, int offset, int limit, bool *more)
{
	struct fake_state *fs = st;
	int i, j;

	(void)app;
	assert_int_equal(limit, FAKE_PAGE);
	fs->loads++;
	if (fake_fail)
		return -1;
	/* The filter as a query would apply it: skip, then take. */
	for (i = 0, j = 0; j < fake_n && i < limit; j++)
		if (!fs->even || fake_ids[j] % 2 == 0) {
			if (offset > 0)
				offset--;
			else
				fs->rows[i++] = fake_ids[j];
		}
	while (j < fake_n && fs->even && fake_ids[j] % 2 != 0)
		j++;
	*more = j < fake_n;
	return i;
}

static void
fake_clear(void *st)
{
	(void)st;
}

static void
fake_row(struct app *app, void *st, int i, struct list_row *r)
{
	struct fake_state *fs = st;

	(void)app;
	r->label = xasprintf("row %lld", (long long)fs->rows[i]);
	r->status = fs->rows[i] % 2 == 0 ? xstrdup("even") : NULL;
	r->unread = fs->rows[i] == 1 ? "list.unread.thread" : NULL;
	r->name = xasprintf("name %lld", (long long)fs->rows[i]);
	r->number = fs->rows[i];
}

static int64_t
fake_row_id(void *st, int i)
{
	return ((struct fake_state *)st)->rows[i];
}

static void
fake_actions(struct app *app, void *st, struct view *v)
{
	(void)app;
	if (((struct fake_state *)st)->ls.rows > 0)
		view_action(v, 'x', "Act");
}

static int	entered = -1, acted_row = -2;

static int
fake_enter(struct app *app, void *st, int i)
{
	(void)app;
	entered = (int)((struct fake_state *)st)->rows[i];
	return SR_STAY;
}

/* f switches the filter, as the agenda's letters will: page 1 again. */
static int
fake_action(struct app *app, void *st, int key, int row)
{
	struct fake_state *fs = st;

	if (key == 'f') {
		fs->even = !fs->even;
		list_screen_restart(app, fs);
	} else
		acted_row = row;
	return SR_STAY;
}

static const struct list_screen fake_list = {
	.size = sizeof(struct fake_state),
	.page = FAKE_PAGE,
	.empty_key = "forum.no_threads",
	.position = true,
	.back_at_last = true,
	.init = fake_init,
	.load = fake_load,
	.clear = fake_clear,
	.row = fake_row,
	.row_id = fake_row_id,
	.actions = fake_actions,
	.enter = fake_enter,
	.action = fake_action,
};

static void *
fake_open(struct app *app, void *arg)
{
	return list_screen_open(app, &fake_list, arg);
}

static const struct screen_ops screen_fake = {
	.name = "fake",
	.title_key = "forum.boards.title",
	.help_key = "help.threads",
	.open = fake_open,
	.describe = list_screen_describe,
	.select = list_screen_select,
	.action = list_screen_action,
	.page = list_screen_page,
	.resume = list_screen_resume,
	.close = list_screen_close,
};

static void
fake_fill(int n)
{
	int i;

	assert_true(n <= FAKE_MAX);
	for (i = 0; i < n; i++)
		fake_ids[i] = i + 1;
	fake_n = n;
	fake_fail = false;
}

static struct screen_inst *
top(struct app *app)
{
	return &app->stack[app->depth - 1];
}

/* Describes the top screen into v (cleared first) and returns it. */
static struct view *
describe(struct app *app, struct view *v)
{
	view_clear(v);
	memset(v, 0, sizeof *v);
	top(app)->ops->describe(app, top(app)->st, v);
	return v;
}

static void
close_all(struct app *app)
{
	while (app->depth > 0) {
		struct screen_inst *si = &app->stack[--app->depth];

		if (si->ops->close != NULL)
			si->ops->close(app, si->st);
	}
	app_notice(app, NULL);
}

static char *
page_text(int n)
{
	return TFA("list.page", A_NUM(n));
}

/* Ten rows, four a page: 1-4, 5-8, 9-10, each with its position and
 * arrows; forward opens at the first row, back at the last. */
static void
test_paging(void **state)
{
	struct app app = { 0 };
	struct view v = { 0 };
	struct fake_state *fs;
	int arg = 7;
	char *p2, *p3;

	(void)state;
	fake_fill(10);
	app_push(&app, &screen_fake, &arg);
	fs = top(&app)->st;
	assert_int_equal(fs->arg, 7);
	assert_int_equal(fs->loads, 1);
	describe(&app, &v);
	assert_int_equal(v.nitems, 4);
	assert_string_equal(v.items[0].label, "row 1");
	assert_string_equal(v.items[0].unread, "list.unread.thread");
	assert_null(v.items[0].status);
	assert_string_equal(v.items[1].status, "even");
	assert_string_equal(v.items[3].name, "name 4");
	assert_int_equal(v.items[3].number, 4);
	assert_false(v.more_before);
	assert_true(v.more_after);
	assert_non_null(v.position);
	assert_int_equal(v.nactions, 1);
	assert_null(v.text);

	top(&app)->focus = 2;
	screen_fake.page(&app, top(&app)->st, +1);
	assert_int_equal(top(&app)->focus, 0);
	describe(&app, &v);
	p2 = page_text(2);
	assert_string_equal(v.position, p2);
	assert_string_equal(v.items[0].label, "row 5");
	assert_true(v.more_before);
	assert_true(v.more_after);

	screen_fake.page(&app, top(&app)->st, +1);
	describe(&app, &v);
	p3 = page_text(3);
	assert_string_equal(v.position, p3);
	assert_int_equal(v.nitems, 2);
	assert_string_equal(v.items[1].label, "row 10");
	assert_true(v.more_before);
	assert_false(v.more_after);

	/* Back: the page before, at its last row. */
	screen_fake.page(&app, top(&app)->st, -1);
	assert_int_equal(top(&app)->focus, 3);
	describe(&app, &v);
	assert_string_equal(v.items[3].label, "row 8");
	screen_fake.page(&app, top(&app)->st, -1);
	screen_fake.page(&app, top(&app)->st, -1);	/* no page before 1 */
	assert_int_equal(fs->ls.offset, 0);
	describe(&app, &v);
	assert_string_equal(v.items[0].label, "row 1");
	assert_false(v.more_before);

	/* Enter and the letters get the row; out of range, nothing. */
	screen_fake.select(&app, top(&app)->st, 2);
	assert_int_equal(entered, 3);
	entered = -1;
	screen_fake.select(&app, top(&app)->st, 4);
	assert_int_equal(entered, -1);
	top(&app)->focus = 1;
	screen_fake.action(&app, top(&app)->st, 'x');
	assert_int_equal(acted_row, 1);

	free(p2);
	free(p3);
	view_clear(&v);
	close_all(&app);
}

/* One page only: no position and no arrows; none: the empty text. */
static void
test_short_and_empty(void **state)
{
	struct app app = { 0 };
	struct view v = { 0 };
	int arg = 0;

	(void)state;
	fake_fill(3);
	app_push(&app, &screen_fake, &arg);
	describe(&app, &v);
	assert_int_equal(v.nitems, 3);
	assert_null(v.position);
	assert_false(v.more_before);
	assert_false(v.more_after);
	close_all(&app);

	fake_fill(0);
	app_push(&app, &screen_fake, &arg);
	describe(&app, &v);
	assert_int_equal(v.nitems, 0);
	assert_string_equal(v.text, T("forum.no_threads"));
	assert_int_equal(v.nactions, 0);
	screen_fake.action(&app, top(&app)->st, 'x');
	assert_int_equal(acted_row, -1);
	view_clear(&v);
	close_all(&app);
}

/* Coming back reloads the page: a row added above the focused one moves
 * it down, and the focus follows it; a row gone leaves the focus where it
 * was. */
static void
test_resume_keeps_focus(void **state)
{
	struct app app = { 0 };
	struct view v = { 0 };
	struct fake_state *fs;
	int arg = 0;

	(void)state;
	fake_fill(3);
	app_push(&app, &screen_fake, &arg);
	fs = top(&app)->st;
	top(&app)->focus = 1;			/* row 2 */
	memmove(&fake_ids[1], &fake_ids[0], 3 * sizeof fake_ids[0]);
	fake_ids[0] = 99;
	fake_n = 4;
	screen_fake.resume(&app, fs);
	assert_int_equal(fs->loads, 2);
	assert_int_equal(top(&app)->focus, 2);
	describe(&app, &v);
	assert_string_equal(v.items[2].label, "row 2");

	/* Row 2 is removed: the focus stays on its place, now row 3. */
	memmove(&fake_ids[2], &fake_ids[3], sizeof fake_ids[0]);
	fake_n = 3;
	list_screen_reload(&app, fs);
	assert_int_equal(top(&app)->focus, 2);
	describe(&app, &v);
	assert_string_equal(v.items[2].label, "row 3");

	/* A restart (a filter changed) goes back to page 1, row 1. */
	fake_fill(10);
	screen_fake.page(&app, fs, +1);
	top(&app)->focus = 3;
	list_screen_restart(&app, fs);
	assert_int_equal(fs->ls.offset, 0);
	assert_int_equal(top(&app)->focus, 0);
	view_clear(&v);
	close_all(&app);
}

/* A list with a filter: changing it starts again at page 1, row 1, and
 * the pages count the rows that pass. */
static void
test_filter(void **state)
{
	struct app app = { 0 };
	struct view v = { 0 };
	struct fake_state *fs;
	int arg = 0;

	(void)state;
	fake_fill(10);
	app_push(&app, &screen_fake, &arg);
	fs = top(&app)->st;
	screen_fake.page(&app, fs, +1);
	top(&app)->focus = 2;
	screen_fake.action(&app, fs, 'f');
	assert_int_equal(fs->ls.offset, 0);
	assert_int_equal(top(&app)->focus, 0);
	describe(&app, &v);
	assert_int_equal(v.nitems, 4);
	assert_string_equal(v.items[0].label, "row 2");
	assert_string_equal(v.items[3].label, "row 8");
	assert_true(v.more_after);
	screen_fake.page(&app, fs, +1);
	describe(&app, &v);
	assert_int_equal(v.nitems, 1);
	assert_string_equal(v.items[0].label, "row 10");
	assert_false(v.more_after);
	screen_fake.action(&app, fs, 'f');
	describe(&app, &v);
	assert_string_equal(v.items[1].label, "row 2");
	assert_true(v.more_after);
	view_clear(&v);
	close_all(&app);
}

/* A failed load says "internal error" and shows no rows, not the old
 * ones; the next good load shows them again. */
static void
test_load_error(void **state)
{
	struct app app = { 0 };
	struct view v = { 0 };
	int arg = 0;

	(void)state;
	fake_fill(10);
	app_push(&app, &screen_fake, &arg);
	assert_null(app.notice);		/* the control */
	fake_fail = true;
	screen_fake.page(&app, top(&app)->st, +1);
	assert_non_null(app.notice);
	assert_string_equal(app.notice, T("error.internal"));
	describe(&app, &v);
	assert_int_equal(v.nitems, 0);
	assert_false(v.more_after);
	assert_string_equal(v.text, T("forum.no_threads"));
	app_notice(&app, NULL);
	fake_fail = false;
	screen_fake.resume(&app, top(&app)->st);
	assert_null(app.notice);
	describe(&app, &v);
	assert_string_equal(v.items[0].label, "row 5");
	view_clear(&v);
	close_all(&app);
}

/* The threads screen over the database: 17 threads are a page of 15 with
 * the board's description and a page of 2 without it. */
static void
test_threads_screen(void **state)
{
	struct tdb *t = *state;
	struct actor admin = { 0, ROLE_ADMIN, "lt", 0 };
	struct actor ruta = tdb_viewer(t, "ruta", "lt", ROLE_MEMBER);
	struct config cfg;
	struct app app = { 0 };
	struct view v = { 0 };
	int64_t board, post;
	char title[32], *p1, *p2;
	int i;

	config_defaults(&cfg);
	app.cfg = &cfg;
	app.db = t->db;
	app.mode = UI_MODE_FULL;
	assert_int_equal(account_by_name(t->db, "ruta", &app.acct), 0);
	app.actor = actor_account(&app.acct, "lt", 0);
	assert_null(forum_board_add(t->db, &admin, "Kava", "Apie kavą", "lt",
	    &board));
	for (i = 0; i < 17; i++) {
		snprintf(title, sizeof title, "Tema %d", i + 1);
		assert_null(forum_thread_start(t->db, &ruta, board, title,
		    "Labas", "lt", NULL, &post).key);
	}
	app_push(&app, &screen_boards, NULL);
	describe(&app, &v);
	assert_int_equal(v.nitems, 1);
	assert_string_equal(v.items[0].label, "Kava");
	screen_boards.select(&app, top(&app)->st, 0);
	assert_ptr_equal(top(&app)->ops, &screen_threads);
	describe(&app, &v);
	assert_string_equal(v.title, "Kava");
	assert_string_equal(v.text, "Apie kavą");
	assert_int_equal(v.nitems, 15);
	assert_string_equal(v.items[0].label, "Tema 17");	/* newest */
	p1 = page_text(1);
	assert_string_equal(v.position, p1);
	assert_true(v.more_after);
	screen_threads.page(&app, top(&app)->st, +1);
	describe(&app, &v);
	assert_null(v.text);
	assert_int_equal(v.nitems, 2);
	assert_string_equal(v.items[1].label, "Tema 1");
	p2 = page_text(2);
	assert_string_equal(v.position, p2);
	assert_true(v.more_before);
	assert_false(v.more_after);
	screen_threads.page(&app, top(&app)->st, -1);
	assert_int_equal(top(&app)->focus, 14);
	free(p1);
	free(p2);
	view_clear(&v);
	close_all(&app);
	config_free(&cfg);
}

static int
setup_db(void **state)
{
	*state = tdb_new(sizeof(struct tdb), "list-screen");
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paging),
		cmocka_unit_test(test_short_and_empty),
		cmocka_unit_test(test_resume_keeps_focus),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_load_error),
		cmocka_unit_test_setup_teardown(test_threads_screen, setup_db,
		    tdb_teardown),
	};

	return cmocka_run_group_tests(tests, ti18n_setup, ti18n_teardown);
}
