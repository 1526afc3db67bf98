/* The inbox: every feature's notifications, newest first, each line made
 * now in the reader's language from its kind's catalog key and arguments
 * (core/inbox.h); Enter marks it read and opens its subject through the
 * feature that owns that subject (ui/feature.h); `a` marks all read. */
#include "ui/feature.h"
#include "ui/forum-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/xalloc.h"
#include "core/inbox.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

#define NOTICES_PAGE 15

struct notices_state {
	struct inbox_list	 list;
	int			 offset;
};

static void
notices_load(struct app *app, struct notices_state *ns)
{
	inbox_list_free(&ns->list);
	if (inbox_list(app->db, app_actor(app), ns->offset, NOTICES_PAGE,
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

/* An entry's line: its kind's text with the arguments the kind names;
 * "actor" is whoever caused it, labelled as authors are. A kind no
 * feature of this program registers shows its name. */
static char *
entry_label(const struct inbox_entry *e)
{
	const struct inbox_kind *k = inbox_kind_find(e->kind);
	struct i18n_arg args[INBOX_ARG_MAX];
	char vals[INBOX_ARG_MAX][INBOX_ARGS_MAX + 1];
	char *who = NULL, *s;
	int n;

	if (k == NULL)
		return xstrdup(e->kind);
	for (n = 0; k->args[n] != NULL; n++) {
		if (strcmp(k->args[n], "actor") == 0) {
			if (who == NULL)
				who = forum_author_label(e->actor_display,
				    e->actor_name, e->actor_role);
			args[n] = A_STR(who);
		} else
			args[n] = A_STR(inbox_arg(e, k->args[n], vals[n],
			    sizeof vals[n]));
	}
	s = TF(k->text_key, n, args);
	free(who);
	return s;
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
		const struct inbox_entry *n = &ns->list.v[i];
		char *label = entry_label(n);
		char *when = i18n_when(n->at, clock_now());

		view_item(v, label, when, !n->read ? "list.unread.notice" : NULL);
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
	const struct inbox_entry *n;
	const struct feature *f;

	if (index < 0 || (size_t)index >= ns->list.n)
		return SR_STAY;
	n = &ns->list.v[index];
	inbox_mark_read(app->db, app_actor(app), n->id);
	if ((f = feature_for_inbox(n->subject_type)) != NULL &&
	    feature_visible(f, app))
		f->inbox_open(app, n->subject_id);
	else
		notices_load(app, ns);
	return SR_STAY;
}

static int
notices_action(struct app *app, void *st, int key)
{
	if (key != 'a')
		return SR_STAY;
	inbox_mark_read(app->db, app_actor(app), 0);
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
	inbox_list_free(&ns->list);
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
