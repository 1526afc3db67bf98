/* The list-screen helper (ui/list-screen.h): the open, load, page, resume
 * and close that every list screen shares, around the screen's callbacks. */
#include "ui/list-screen.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdlib.h>

/* The top screen's focus: a list screen's callbacks run only while it is
 * on top (open, an event, resume after the one above was closed). */
static int *
top_focus(struct app *app)
{
	assert(app->depth > 0);
	return &app->stack[app->depth - 1].focus;
}

/* Loads the page at ls->offset; a failed load shows no rows and says so. */
static void
load(struct app *app, struct list_state *st)
{
	const struct list_screen *ls = st->ls;
	bool more = false;
	int n;

	n = ls->load(app, st, st->offset, ls->page, &more);
	if (n < 0) {
		app_notice(app, T("error.internal"));
		n = 0;
		more = false;
	}
	st->rows = n;
	st->more = more;
}

void *
list_screen_open(struct app *app, const struct list_screen *ls, void *arg)
{
	struct list_state *st;

	assert(ls->size >= sizeof *st && ls->load != NULL &&
	    ls->row != NULL && ls->clear != NULL && ls->page >= 0);
	st = xcalloc(1, ls->size);
	st->ls = ls;
	if (ls->init != NULL)
		ls->init(app, st, arg);
	load(app, st);
	return st;
}

void
list_screen_describe(struct app *app, void *arg, struct view *v)
{
	struct list_state *st = arg;
	const struct list_screen *ls = st->ls;
	int i, m;

	if (ls->unit_key != NULL)
		view_pager(v, T(ls->unit_key));
	if (ls->head != NULL)
		ls->head(app, st, v);
	if (st->rows == 0 && ls->empty_key != NULL)
		view_para(v, T(ls->empty_key));
	for (i = 0; i < st->rows; i++) {
		struct list_row r = { 0 };

		ls->row(app, st, i, &r);
		assert(r.label != NULL);
		view_item(v, r.label, r.status, r.unread);
		if (r.body != NULL)
			view_body(v, r.body);
		if (r.quotes)
			view_quotes(v);
		for (m = 0; m < r.nmarks; m++)
			view_mark(v, r.marks[m].off, r.marks[m].len);
		if (r.name != NULL)
			view_name(v, r.name);
		if (r.number != 0)
			view_number(v, r.number);
		free(r.label);
		free(r.status);
		free(r.body);
		free(r.name);
	}
	if (ls->position && (st->offset > 0 || st->more)) {
		char *pos = TFA("list.page", A_NUM(st->offset / ls->page + 1));

		view_position(v, pos);
		free(pos);
	}
	v->more_before = st->offset > 0;
	v->more_after = st->more;
	if (ls->actions != NULL)
		ls->actions(app, st, v);
}

int
list_screen_select(struct app *app, void *arg, int index)
{
	struct list_state *st = arg;

	if (st->ls->enter == NULL || index < 0 || index >= st->rows)
		return SR_STAY;
	return st->ls->enter(app, st, index);
}

int
list_screen_action(struct app *app, void *arg, int key)
{
	struct list_state *st = arg;
	int focus = *top_focus(app);

	if (st->ls->action == NULL)
		return SR_STAY;
	return st->ls->action(app, st, key,
	    focus >= 0 && focus < st->rows ? focus : -1);
}

/* The page before opens at its first row, or at its last with
 * back_at_last; the page after at its first. */
int
list_screen_page(struct app *app, void *arg, int dir)
{
	struct list_state *st = arg;
	const struct list_screen *ls = st->ls;

	if (ls->page == 0)
		return SR_STAY;
	st->offset += dir * ls->page;
	if (st->offset < 0)
		st->offset = 0;
	load(app, st);
	*top_focus(app) = dir < 0 && ls->back_at_last && st->rows > 0 ?
	    st->rows - 1 : 0;
	return SR_STAY;
}

void
list_screen_reload(struct app *app, void *arg)
{
	struct list_state *st = arg;
	const struct list_screen *ls = st->ls;
	int *focus = top_focus(app);
	int64_t id = 0;
	bool had = false;
	int i;

	if (ls->row_id != NULL && *focus >= 0 && *focus < st->rows) {
		id = ls->row_id(st, *focus);
		had = true;
	}
	load(app, st);
	/* The row moved (one was added above it): follow it. Gone, the focus
	 * stays where it was, on the row that took its place. */
	for (i = 0; had && i < st->rows; i++)
		if (ls->row_id(st, i) == id) {
			*focus = i;
			break;
		}
}

void
list_screen_resume(struct app *app, void *st)
{
	list_screen_reload(app, st);
}

void
list_screen_restart(struct app *app, void *arg)
{
	struct list_state *st = arg;

	st->offset = 0;
	load(app, st);
	*top_focus(app) = 0;
	app_list_again(app);
}

void
list_screen_close(struct app *app, void *arg)
{
	struct list_state *st = arg;

	(void)app;
	st->ls->clear(st);
	free(st);
}
