/* A post's earlier versions, newest first: who changed it, when, and what
 * it said before. */
#include "ui/list-screen.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/xalloc.h"
#include "core/forums.h"
#include "i18n/i18n.h"

#include <stdlib.h>

struct history_state {
	struct list_state	 ls;
	int64_t			 post_id;
	struct forum_edit_list	 list;
};

static void
history_init(struct app *app, void *st, void *arg)
{
	(void)app;
	((struct history_state *)st)->post_id = *(int64_t *)arg;
}

static int
history_load(struct app *app, void *st, int offset, int limit, bool *more)
{
	struct history_state *hs = st;

	(void)offset;
	(void)limit;
	(void)more;
	forum_edit_list_free(&hs->list);
	if (forum_post_history(app->db, app_actor(app), hs->post_id,
	    &hs->list) != 0)
		return -1;
	return (int)hs->list.n;
}

static void
history_clear(void *st)
{
	forum_edit_list_free(&((struct history_state *)st)->list);
}

static void
history_row(struct app *app, void *st, int i, struct list_row *r)
{
	const struct forum_edit *e = &((struct history_state *)st)->list.v[i];
	char *when = i18n_when(e->at, clock_now());

	(void)app;
	r->label = TFA("history.item", A_STR(e->editor_display), A_STR(when));
	r->body = xstrdup(e->body);
	r->quotes = true;
	free(when);
}

static const struct list_screen history_list = {
	.unit_key = "key.posts",
	.size = sizeof(struct history_state),
	.empty_key = "history.none",
	.init = history_init,
	.load = history_load,
	.clear = history_clear,
	.row = history_row,
};

static void *
history_open(struct app *app, void *arg)
{
	return list_screen_open(app, &history_list, arg);
}

/* Read once, when it opens: nothing above it changes a post. */
const struct screen_ops screen_history = {
	.name = "history",
	.title_key = "history.title",
	.help_key = "help.history",
	.open = history_open,
	.describe = list_screen_describe,
	.close = list_screen_close,
};
