/* The forums' first screen: every board with its thread count and how many
 * threads hold posts the member has not read; mark a board read, mute or
 * follow it, search. */
#include "ui/forum-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/forums.h"
#include "i18n/i18n.h"

#include <stdlib.h>

struct boards_state {
	struct forum_board_list	 list;
};

static void
boards_load(struct app *app, struct boards_state *bs)
{
	forum_board_list_free(&bs->list);
	if (forum_boards(app->db, app_actor(app), &bs->list) != 0)
		app_notice(app, T("error.internal"));
}

static void *
boards_open(struct app *app, void *arg)
{
	struct boards_state *bs = xcalloc(1, sizeof *bs);

	(void)arg;
	boards_load(app, bs);
	return bs;
}

static void
boards_describe(struct app *app, void *st, struct view *v)
{
	struct boards_state *bs = st;
	size_t i;

	if (bs->list.n == 0)
		view_text(v, T("forum.no_boards"));
	for (i = 0; i < bs->list.n; i++) {
		const struct forum_board *b = &bs->list.v[i];
		char *status = app_is_guest(app) ?
		    TFA("forum.board.threads", A_NUM(b->threads)) :
		    TFA("forum.board.counts", A_NUM(b->threads),
		    A_NUM(b->unread_threads));
		char *full = b->muted ? xasprintf("%s, %s", status,
		    T("forum.board.muted")) : NULL;

		view_item(v, b->title, full != NULL ? full : status,
		    b->unread_threads > 0 ? "list.unread.board" : NULL);
		free(status);
		free(full);
	}
	view_action(v, '/', T("forum.search"));
	if (!app_is_guest(app) && bs->list.n > 0) {
		view_action(v, 'r', T("forum.mark_read"));
		view_action(v, 'm', T("forum.mute"));
	}
}

static int
boards_select(struct app *app, void *st, int index)
{
	struct boards_state *bs = st;

	if (index < 0 || (size_t)index >= bs->list.n)
		return SR_STAY;
	app_push(app, &screen_threads, &bs->list.v[index].id);
	return SR_STAY;
}

static int
boards_action(struct app *app, void *st, int key)
{
	struct boards_state *bs = st;
	int focus = app->stack[app->depth - 1].focus;
	const struct forum_board *b;
	const char *err;

	if (key == '/') {
		app_push(app, &screen_search, NULL);
		return SR_STAY;
	}
	if (app_is_guest(app) || focus < 0 || (size_t)focus >= bs->list.n)
		return SR_STAY;
	b = &bs->list.v[focus];
	if (key == 'r')
		err = forum_mark_board_read(app->db, app_actor(app), b->id);
	else if (key == 'm')
		err = forum_board_mute(app->db, app_actor(app), b->id,
		    !b->muted);
	else
		return SR_STAY;
	app_notice(app, T(err != NULL ? err : key == 'r' ? "forum.marked_read" :
	    b->muted ? "forum.unmuted" : "forum.muted"));
	boards_load(app, bs);
	return SR_STAY;
}

static void
boards_resume(struct app *app, void *st)
{
	boards_load(app, st);
}

static void
boards_close(struct app *app, void *st)
{
	struct boards_state *bs = st;

	(void)app;
	forum_board_list_free(&bs->list);
	free(bs);
}

const struct screen_ops screen_boards = {
	.name = "boards",
	.title_key = "forum.boards.title",
	.help_key = "help.boards",
	.open = boards_open,
	.describe = boards_describe,
	.select = boards_select,
	.action = boards_action,
	.resume = boards_resume,
	.close = boards_close,
};
