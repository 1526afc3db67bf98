/* Notifications: replies in threads the member took part in and mentions
 * of @name, newest first; opening one goes to the post and marks it read. */
#include "ui/forum-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/xalloc.h"
#include "core/forums.h"
#include "i18n/i18n.h"

#include <stdlib.h>

#define NOTICES_PAGE 15

struct notices_state {
	struct forum_notice_list list;
	int			 offset;
};

static void
notices_load(struct app *app, struct notices_state *ns)
{
	forum_notice_list_free(&ns->list);
	if (forum_notices(app->db, app_actor(app), ns->offset, NOTICES_PAGE,
	    &ns->list) != 0)
		app_notice(app, T("error.internal"));
}

static void *
notices_open(struct app *app, void *arg)
{
	struct notices_state *ns = xcalloc(1, sizeof *ns);

	(void)arg;
	notices_load(app, ns);
	return ns;
}

/* A hidden post: by three reports (no actor) or by a moderator, why. */
static char *
hidden_label(const struct forum_notice *n)
{
	if (n->actor_id == 0 && n->detail[0] == '\0')
		return TFA("notices.hidden_auto", A_STR(n->thread_title));
	return TFA("notices.hidden", A_STR(n->thread_title), A_STR(n->detail));
}

static void
notices_describe(struct app *app, void *st, struct view *v)
{
	struct notices_state *ns = st;
	size_t i;

	(void)app;
	if (ns->list.n == 0)
		view_text(v, T("notices.none"));
	for (i = 0; i < ns->list.n; i++) {
		const struct forum_notice *n = &ns->list.v[i];
		char *who = forum_author_label(n->actor_display,
		    n->actor_name, n->actor_role);
		char *label = n->kind == FORUM_NOTICE_HIDDEN ?
		    hidden_label(n) : TFA(n->kind == FORUM_NOTICE_MENTION ?
		    "notices.mention" : "notices.reply", A_STR(who),
		    A_STR(n->thread_title));
		char *when = i18n_when(n->at, clock_now());

		view_item(v, label, when, !n->read ? "list.unread.notice" : NULL);
		free(who);
		free(label);
		free(when);
	}
	v->more_before = ns->offset > 0;
	v->more_after = ns->list.more;
	if (ns->list.n > 0)
		view_action(v, 'a', T("notices.all_read"));
}

static int
notices_select(struct app *app, void *st, int index)
{
	struct notices_state *ns = st;
	const struct forum_notice *n;

	if (index < 0 || (size_t)index >= ns->list.n)
		return SR_STAY;
	n = &ns->list.v[index];
	forum_notice_read(app->db, app_actor(app), n->id);
	forum_open_thread(app, n->thread_id, n->seq);
	return SR_STAY;
}

static int
notices_action(struct app *app, void *st, int key)
{
	if (key != 'a')
		return SR_STAY;
	forum_notice_read(app->db, app_actor(app), 0);
	app_notice(app, T("notices.marked"));
	notices_load(app, st);
	return SR_STAY;
}

static int
notices_page(struct app *app, void *st, int dir)
{
	struct notices_state *ns = st;

	ns->offset += dir * NOTICES_PAGE;
	if (ns->offset < 0)
		ns->offset = 0;
	notices_load(app, ns);
	app->stack[app->depth - 1].focus = 0;
	return SR_STAY;
}

static void
notices_resume(struct app *app, void *st)
{
	notices_load(app, st);
}

static void
notices_close(struct app *app, void *st)
{
	struct notices_state *ns = st;

	(void)app;
	forum_notice_list_free(&ns->list);
	free(ns);
}

const struct screen_ops screen_notices = {
	.name = "notices",
	.title_key = "notices.title",
	.help_key = "help.notices",
	.open = notices_open,
	.describe = notices_describe,
	.select = notices_select,
	.action = notices_action,
	.page = notices_page,
	.resume = notices_resume,
	.close = notices_close,
};
