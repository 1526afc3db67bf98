/* Views and choice requests take any number of actions and options: they
 * once stopped silently at 12 actions and 64 options. And the
 * overflow-checked reallocation they grow with refuses a size_t overflow.
 * A view says what it is: the widget that presents it follows from its
 * kind, never from its data (bodies on items once made a pager). */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "common/xalloc.h"
#include "forms/form.h"
#include "ui/dialogs.h"
#include "ui/keys.h"
#include "ui/view.h"
#include "ui/widget.h"

static void
test_many_actions(void **state)
{
	struct view v;
	char label[16];
	int i, c = 0;

	(void)state;
	memset(&v, 0, sizeof v);
	for (i = 0; i < 40; i++) {
		/* The letters no reserved key takes, round and round. */
		do
			c = (c + 1) % 26;
		while (keys_collision('a' + c) != NULL);
		snprintf(label, sizeof label, "act %d", i);
		view_action(&v, 'a' + c, label);
	}
	assert_int_equal(v.nactions, 40);
	assert_int_equal(v.actions[0].key, 'b');
	assert_string_equal(v.actions[12].label, "act 12");
	assert_string_equal(v.actions[39].label, "act 39");
	view_clear(&v);
	assert_int_equal(v.nactions, 0);
	assert_null(v.actions);
}

static void
test_many_choices(void **state)
{
	struct choice_req req = { .title_key = "t" };
	static char labels[200][8];
	int i;

	(void)state;
	for (i = 0; i < 200; i++) {
		snprintf(labels[i], sizeof labels[i], "b%d", i);
		choice_add(&req, labels[i], 1000 + i);
	}
	assert_int_equal(req.n, 200);
	assert_string_equal(req.labels[64], "b64");
	assert_int_equal(req.values[64], 1064);
	assert_string_equal(req.labels[199], "b199");
	assert_int_equal(req.values[199], 1199);
	choice_req_free(&req);
	assert_int_equal(req.n, 0);
}

static void
test_kinds(void **state)
{
	struct view v;
	struct form *f = form_new("Send");

	(void)state;
	memset(&v, 0, sizeof v);
	/* Items with bodies do not make a pager by themselves. */
	view_item(&v, "#1 ruta", NULL, NULL);
	view_body(&v, "> a quote\nan answer");
	assert_ptr_equal(view_widget(&v), &widget_list);
	assert_false(v.items[0].quotes);
	view_quotes(&v);
	assert_true(v.items[0].quotes);
	/* The screen says so, and names the unit j/k steps over. */
	view_pager(&v, "posts");
	assert_int_equal(v.kind, VIEW_PAGER);
	assert_ptr_equal(view_widget(&v), &widget_pager);
	assert_string_equal(v.unit_label, "posts");
	view_clear(&v);
	assert_null(v.unit_label);
	assert_int_equal(v.kind, VIEW_LIST);
	/* A view with a form is the form's. */
	v.form = f;
	assert_ptr_equal(view_widget(&v), &widget_form);
	v.kind = VIEW_FORM;
	assert_ptr_equal(view_widget(&v), &widget_form);
	view_clear(&v);
	form_free(f);
}

/* A screen's own widget (the calendar's month grid) is presented without
 * any change to the generic code: the view carries it and its data. */
static void
own_line_present(struct app *app, const char *title, struct view *v,
    int *focus, int timeout_ms, struct ui_event *ev)
{
	(void)app;
	(void)title;
	(void)v;
	(void)focus;
	(void)timeout_ms;
	(void)ev;
}

static void
own_full_draw(struct app *app, void *st, struct body *b, const struct view *v,
    int focus, int width)
{
	(void)app;
	(void)st;
	(void)b;
	(void)v;
	(void)focus;
	(void)width;
}

static enum widget_key
own_full_key(struct app *app, void *st, struct view *v, int *focus,
    int *type, wint_t *ch, struct ui_event *ev)
{
	(void)app;
	(void)st;
	(void)v;
	(void)focus;
	(void)type;
	(void)ch;
	(void)ev;
	return WIDGET_KEY_DONE;
}

static const struct widget_ops own_widget = {
	.name = "grid",
	.full_draw = own_full_draw,
	.full_key = own_full_key,
	.line_present = own_line_present,
};

static void
test_own_widget(void **state)
{
	struct view v;
	int data = 42;

	(void)state;
	memset(&v, 0, sizeof v);
	view_own_widget(&v, &own_widget, &data);
	assert_int_equal(v.kind, VIEW_WIDGET);
	assert_ptr_equal(view_widget(&v), &own_widget);
	assert_ptr_equal(v.widget_data, &data);
	view_clear(&v);
	assert_ptr_equal(view_widget(&v), &widget_list);
}

/* Runs xreallocarray(NULL, n, size) in a child; returns its wait status. */
static int
realloc_in_child(size_t n, size_t size)
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		freopen("/dev/null", "w", stderr);
		xreallocarray(NULL, n, size);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

static void
test_reallocarray_overflow(void **state)
{
	int status;

	(void)state;
	status = realloc_in_child(16, 8);	/* control: a sane size */
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	status = realloc_in_child(SIZE_MAX / 2 + 1, 2);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many_actions),
		cmocka_unit_test(test_many_choices),
		cmocka_unit_test(test_reallocarray_overflow),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_own_widget),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
