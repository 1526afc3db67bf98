/* A post's earlier versions, newest first: who changed it, when, and what
 * it said before. */
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/forums.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <time.h>

struct history_state {
	struct forum_edit_list	 list;
};

static void *
history_open(struct app *app, void *arg)
{
	struct history_state *hs = xcalloc(1, sizeof *hs);

	if (forum_post_history(app->db, app_actor(app), *(int64_t *)arg,
	    &hs->list) != 0)
		app_notice(app, T("error.internal"));
	return hs;
}

static void
history_describe(struct app *app, void *st, struct view *v)
{
	struct history_state *hs = st;
	size_t i;

	(void)app;
	view_pager(v, T("key.posts"));
	if (hs->list.n == 0)
		view_text(v, T("history.none"));
	for (i = 0; i < hs->list.n; i++) {
		char *when = i18n_when(hs->list.v[i].at, (int64_t)time(NULL));
		char *label = TFA("history.item", A_STR(hs->list.v[i].editor_display),
		    A_STR(when));

		view_item(v, label, NULL, NULL);
		view_body(v, hs->list.v[i].body);
		view_quotes(v);
		free(label);
		free(when);
	}
}

static void
history_close(struct app *app, void *st)
{
	struct history_state *hs = st;

	(void)app;
	forum_edit_list_free(&hs->list);
	free(hs);
}

const struct screen_ops screen_history = {
	.name = "history",
	.title_key = "history.title",
	.help_key = "help.history",
	.open = history_open,
	.describe = history_describe,
	.close = history_close,
};
