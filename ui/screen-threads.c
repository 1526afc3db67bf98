/* One board's threads, a page at a time: pinned first, then by last
 * activity, each with its author, replies, when and whether it holds
 * unread posts. Members start threads; moderators pin, lock, hide and
 * move them. */
#include "ui/dialogs.h"
#include "ui/forum-ui.h"
#include "ui/list-screen.h"
#include "ui/person.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/clock.h"
#include "common/xalloc.h"
#include "core/forums.h"
#include "i18n/i18n.h"

#include <stdlib.h>

#define THREADS_PAGE 15

struct threads_state {
	struct list_state	 ls;
	int64_t			 board_id;
	struct forum_board	 board;
	struct forum_thread_list list;
	bool			 moderator;	/* of this board */
};

static void
threads_init(struct app *app, void *st, void *arg)
{
	(void)app;
	((struct threads_state *)st)->board_id = *(int64_t *)arg;
}

static int
threads_load(struct app *app, void *st, int offset, int limit, bool *more)
{
	struct threads_state *ts = st;
	int n = -1;

	forum_thread_list_free(&ts->list);
	if (forum_board_get(app->db, app_actor(app), ts->board_id,
	    &ts->board) == 0 &&
	    forum_threads(app->db, app_actor(app), ts->board_id, offset,
	    limit, &ts->list) == 0)
		n = (int)ts->list.n;
	ts->moderator = actor_moderates(app->db, app_actor(app), ts->board_id);
	*more = ts->list.more;
	return n;
}

static void
threads_clear(void *st)
{
	forum_thread_list_free(&((struct threads_state *)st)->list);
}

/* "Rūta · 3 replies · 5 min ago · pinned, locked" */
static char *
thread_status(const struct forum_thread *t)
{
	struct strbuf sb = { 0 };
	char *replies = TFA("forum.thread.replies", A_NUM(t->replies));
	char *when = i18n_when(t->last_post_at, clock_now());

	sb_printf(&sb, "%s, %s, %s", person_display(t->author_display,
	    t->author_name), replies, when);
	if (t->pinned)
		sb_printf(&sb, ", %s", T("forum.thread.pinned"));
	if (t->locked)
		sb_printf(&sb, ", %s", T("forum.thread.locked"));
	if (t->hidden)
		sb_printf(&sb, ", %s", T("forum.thread.hidden"));
	free(replies);
	free(when);
	return sb_take(&sb);
}

static void
threads_head(struct app *app, void *st, struct view *v)
{
	struct threads_state *ts = st;

	(void)app;
	v->title = xstrdup(ts->board.title);
	if (ts->board.description[0] != '\0' && ts->ls.offset == 0)
		view_text(v, ts->board.description);
}

static void
threads_row(struct app *app, void *st, int i, struct list_row *r)
{
	struct threads_state *ts = st;
	const struct forum_thread *t = &ts->list.v[i];

	r->label = xstrdup(t->title);
	r->status = thread_status(t);
	r->unread = t->first_unread != 0 && !app_is_guest(app) ?
	    "list.unread.thread" : NULL;
	/* Moderators' letters act on the focused thread: named. */
	if (ts->moderator)
		r->name = xstrdup(t->title);
}

static void
threads_actions(struct app *app, void *st, struct view *v)
{
	struct threads_state *ts = st;

	view_action(v, 'n', T("forum.new_thread"));
	if (!app_is_guest(app))
		view_action(v, 'r', T("forum.mark_read"));
	/* After the letters the bar always had room for, so that in every
	 * language it keeps them (the help lists every letter). */
	view_action(v, '/', T("forum.search"));
	if (ts->moderator && ts->ls.rows > 0) {
		view_action(v, 'p', T("forum.pin"));
		view_action(v, 'l', T("forum.lock"));
		view_action(v, 'h', T("forum.hide"));
		view_action(v, 'v', T("forum.move"));
	}
}

static int
threads_enter(struct app *app, void *st, int i)
{
	forum_open_thread(app, ((struct threads_state *)st)->list.v[i].id, 0);
	return SR_STAY;
}

static int
threads_action(struct app *app, void *st, int key, int row)
{
	struct threads_state *ts = st;
	struct compose_req req = { .kind = COMPOSE_THREAD, .board_id = ts->board_id };
	const struct forum_thread *t;
	const char *err = NULL, *done = NULL;

	if (key == '/') {
		/* Within this forum: the search form starts with it chosen. */
		app_push(app, &screen_search, &ts->board_id);
		return SR_STAY;
	}
	if (key == 'n') {
		if (app_is_guest(app))
			app_notice(app, T("error.forum.guest"));
		else
			app_push(app, &screen_compose, &req);
		return SR_STAY;
	}
	if (key == 'r' && !app_is_guest(app)) {
		err = forum_mark_board_read(app->db, app_actor(app),
		    ts->board_id);
		done = "forum.marked_read";
	}
	if (row >= 0 && ts->moderator) {
		t = &ts->list.v[row];
		switch (key) {
		case 'p':
		case 'l':
		case 'h':
			forum_moderate_thread(app, t, key);
			return SR_STAY;
		case 'v':
			forum_moderate_move(app, t);
			return SR_STAY;
		}
	}
	if (done == NULL && err == NULL)
		return SR_STAY;
	app_notice(app, T(err != NULL ? err : done));
	list_screen_reload(app, ts);
	return SR_STAY;
}

static const struct list_screen threads_list = {
	.size = sizeof(struct threads_state),
	.page = THREADS_PAGE,
	.empty_key = "forum.no_threads",
	.position = true,
	.back_at_last = true,
	.init = threads_init,
	.load = threads_load,
	.clear = threads_clear,
	.head = threads_head,
	.row = threads_row,
	.actions = threads_actions,
	.enter = threads_enter,
	.action = threads_action,
};

static void *
threads_open(struct app *app, void *arg)
{
	return list_screen_open(app, &threads_list, arg);
}

const struct screen_ops screen_threads = {
	.name = "threads",
	.title_key = "forum.boards.title",
	.help_key = "help.threads",
	.open = threads_open,
	.describe = list_screen_describe,
	.select = list_screen_select,
	.page = list_screen_page,
	.action = list_screen_action,
	.resume = list_screen_resume,
	.close = list_screen_close,
};
