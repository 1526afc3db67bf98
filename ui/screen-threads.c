/* One board's threads, a page at a time: pinned first, then by last
 * activity, each with its author, replies, when and whether it holds
 * unread posts. Members start threads; moderators pin, lock, hide and
 * move them. */
#include "ui/dialogs.h"
#include "ui/forum-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/forums.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <time.h>

#define THREADS_PAGE 15

struct threads_state {
	int64_t			 board_id;
	struct forum_board	 board;
	struct forum_thread_list list;
	int			 offset;
	bool			 moderator;	/* of this board */
};

static void
threads_load(struct app *app, struct threads_state *ts)
{
	forum_thread_list_free(&ts->list);
	if (forum_board_get(app->db, app_actor(app), ts->board_id,
	    &ts->board) != 0 ||
	    forum_threads(app->db, app_actor(app), ts->board_id, ts->offset,
	    THREADS_PAGE, &ts->list) != 0)
		app_notice(app, T("error.internal"));
	ts->moderator = actor_moderates(app->db, app_actor(app), ts->board_id);
}

static void *
threads_open(struct app *app, void *arg)
{
	struct threads_state *ts = xcalloc(1, sizeof *ts);

	ts->board_id = *(int64_t *)arg;
	threads_load(app, ts);
	return ts;
}

/* "Rūta · 3 replies · 5 min ago · pinned, locked" */
static char *
thread_status(const struct forum_thread *t)
{
	struct strbuf sb = { 0 };
	char *replies = TFA("forum.thread.replies", A_NUM(t->replies));
	char *when = i18n_when(t->last_post_at, (int64_t)time(NULL));

	sb_printf(&sb, "%s, %s, %s", t->author_display, replies, when);
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
threads_describe(struct app *app, void *st, struct view *v)
{
	struct threads_state *ts = st;
	size_t i;

	v->title = xstrdup(ts->board.title);
	if (ts->board.description[0] != '\0' && ts->offset == 0)
		view_text(v, ts->board.description);
	if (ts->list.n == 0)
		view_para(v, T("forum.no_threads"));
	for (i = 0; i < ts->list.n; i++) {
		char *status = thread_status(&ts->list.v[i]);

		view_item(v, ts->list.v[i].title, status,
		    ts->list.v[i].first_unread != 0 && !app_is_guest(app) ?
		    "list.unread.thread" : NULL);
		/* Moderators' letters act on the focused thread: named. */
		if (ts->moderator)
			view_name(v, ts->list.v[i].title);
		free(status);
	}
	if (ts->offset > 0 || ts->list.more) {
		char *pos = TFA("list.page", A_NUM(ts->offset / THREADS_PAGE + 1));

		view_position(v, pos);
		free(pos);
	}
	v->more_before = ts->offset > 0;
	v->more_after = ts->list.more;
	view_action(v, 'n', T("forum.new_thread"));
	if (!app_is_guest(app))
		view_action(v, 'r', T("forum.mark_read"));
	/* After the letters the bar always had room for, so that in every
	 * language it keeps them (the help lists every letter). */
	view_action(v, '/', T("forum.search"));
	if (ts->moderator && ts->list.n > 0) {
		view_action(v, 'p', T("forum.pin"));
		view_action(v, 'l', T("forum.lock"));
		view_action(v, 'h', T("forum.hide"));
		view_action(v, 'v', T("forum.move"));
	}
}

static int
threads_select(struct app *app, void *st, int index)
{
	struct threads_state *ts = st;

	if (index < 0 || (size_t)index >= ts->list.n)
		return SR_STAY;
	forum_open_thread(app, ts->list.v[index].id, 0);
	return SR_STAY;
}

static int
threads_page(struct app *app, void *st, int dir)
{
	struct threads_state *ts = st;

	ts->offset += dir * THREADS_PAGE;
	if (ts->offset < 0)
		ts->offset = 0;
	threads_load(app, ts);
	app->stack[app->depth - 1].focus = dir > 0 ? 0 :
	    (ts->list.n > 0 ? (int)ts->list.n - 1 : 0);
	return SR_STAY;
}

static int
threads_action(struct app *app, void *st, int key)
{
	struct threads_state *ts = st;
	int focus = app->stack[app->depth - 1].focus;
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
	if (focus >= 0 && (size_t)focus < ts->list.n && ts->moderator) {
		t = &ts->list.v[focus];
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
	threads_load(app, ts);
	return SR_STAY;
}

static void
threads_resume(struct app *app, void *st)
{
	threads_load(app, st);
}

static void
threads_close(struct app *app, void *st)
{
	struct threads_state *ts = st;

	(void)app;
	forum_thread_list_free(&ts->list);
	free(ts);
}

const struct screen_ops screen_threads = {
	.name = "threads",
	.title_key = "forum.boards.title",
	.help_key = "help.threads",
	.open = threads_open,
	.describe = threads_describe,
	.select = threads_select,
	.page = threads_page,
	.action = threads_action,
	.resume = threads_resume,
	.close = threads_close,
};
