/* The forums' first screen: every board with its thread count and how many
 * threads hold posts the member has not read; mark a board read, mute or
 * follow it, search. */
#include "ui/forum-ui.h"
#include "ui/list-screen.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/forums.h"
#include "i18n/i18n.h"

#include <stdlib.h>

struct boards_state {
	struct list_state	 ls;
	struct forum_board_list	 list;
};

static int
boards_load(struct app *app, void *st, int offset, int limit, bool *more)
{
	struct boards_state *bs = st;

	(void)offset;
	(void)limit;
	(void)more;
	forum_board_list_free(&bs->list);
	if (forum_boards(app->db, app_actor(app), &bs->list) != 0)
		return -1;
	return (int)bs->list.n;
}

static void
boards_clear(void *st)
{
	forum_board_list_free(&((struct boards_state *)st)->list);
}

static void
boards_row(struct app *app, void *st, int i, struct list_row *r)
{
	const struct forum_board *b = &((struct boards_state *)st)->list.v[i];
	char *status = app_is_guest(app) ?
	    TFA("forum.board.threads", A_NUM(b->threads)) :
	    TFA("forum.board.counts", A_NUM(b->threads),
	    A_NUM(b->unread_threads));

	r->label = xstrdup(b->title);
	r->status = b->muted ? xasprintf("%s, %s", status,
	    T("forum.board.muted")) : xstrdup(status);
	r->unread = b->unread_threads > 0 ? "list.unread.board" : NULL;
	free(status);
}

static int64_t
boards_row_id(void *st, int i)
{
	return ((struct boards_state *)st)->list.v[i].id;
}

static void
boards_actions(struct app *app, void *st, struct view *v)
{
	struct boards_state *bs = st;

	view_action(v, '/', T("forum.search"));
	if (!app_is_guest(app) && bs->ls.rows > 0) {
		view_action(v, 'r', T("forum.mark_read"));
		view_action(v, 'm', T("forum.mute"));
	}
}

static int
boards_enter(struct app *app, void *st, int i)
{
	app_push(app, &screen_threads, &((struct boards_state *)st)->list.v[i].id);
	return SR_STAY;
}

static int
boards_action(struct app *app, void *st, int key, int row)
{
	struct boards_state *bs = st;
	const struct forum_board *b;
	const char *err;

	if (key == '/') {
		app_push(app, &screen_search, NULL);
		return SR_STAY;
	}
	if (app_is_guest(app) || row < 0)
		return SR_STAY;
	b = &bs->list.v[row];
	if (key == 'r')
		err = forum_mark_board_read(app->db, app_actor(app), b->id);
	else if (key == 'm')
		err = forum_board_mute(app->db, app_actor(app), b->id,
		    !b->muted);
	else
		return SR_STAY;
	app_notice(app, T(err != NULL ? err : key == 'r' ? "forum.marked_read" :
	    b->muted ? "forum.unmuted" : "forum.muted"));
	list_screen_reload(app, bs);
	return SR_STAY;
}

static const struct list_screen boards_list = {
	.size = sizeof(struct boards_state),
	.empty_key = "forum.no_boards",
	.load = boards_load,
	.clear = boards_clear,
	.row = boards_row,
	.row_id = boards_row_id,
	.actions = boards_actions,
	.enter = boards_enter,
	.action = boards_action,
};

static void *
boards_open(struct app *app, void *arg)
{
	return list_screen_open(app, &boards_list, arg);
}

const struct screen_ops screen_boards = {
	.name = "boards",
	.title_key = "forum.boards.title",
	.help_key = "help.boards",
	.open = boards_open,
	.describe = list_screen_describe,
	.select = list_screen_select,
	.action = list_screen_action,
	.resume = list_screen_resume,
	.close = list_screen_close,
};
