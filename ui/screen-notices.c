/* The inbox: every feature's notifications, newest first, each line made
 * now in the reader's language from its kind's catalog key and arguments
 * (core/inbox.h); Enter marks it read and opens its subject through the
 * feature that owns that subject (ui/feature.h); `a` marks all read. */
#include "ui/feature.h"
#include "ui/list-screen.h"
#include "ui/person.h"
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
	struct list_state	 ls;
	struct inbox_list	 list;
};

static int
notices_load(struct app *app, void *st, int offset, int limit, bool *more)
{
	struct notices_state *ns = st;

	inbox_list_free(&ns->list);
	if (inbox_list(app->db, app_actor(app), offset, limit, &ns->list) != 0)
		return -1;
	*more = ns->list.more;
	return (int)ns->list.n;
}

static void
notices_clear(void *st)
{
	inbox_list_free(&((struct notices_state *)st)->list);
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
				who = person_label(e->actor_display,
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
notices_row(struct app *app, void *st, int i, struct list_row *r)
{
	const struct inbox_entry *n = &((struct notices_state *)st)->list.v[i];

	(void)app;
	r->label = entry_label(n);
	r->status = i18n_when(n->at, clock_now());
	r->unread = !n->read ? "list.unread.notice" : NULL;
}

static int64_t
notices_row_id(void *st, int i)
{
	return ((struct notices_state *)st)->list.v[i].id;
}

static void
notices_actions(struct app *app, void *st, struct view *v)
{
	(void)app;
	if (((struct notices_state *)st)->ls.rows > 0)
		view_action(v, 'a', T("notices.all_read"));
}

/* Enter marks the entry read and opens its subject through the feature
 * that owns it; with none to open it, the list shows it read. */
static int
notices_enter(struct app *app, void *st, int i)
{
	struct notices_state *ns = st;
	const struct inbox_entry *n = &ns->list.v[i];
	const struct feature *f;
	void (*open)(struct app *, int64_t);

	inbox_mark_read(app->db, app_actor(app), n->id);
	if ((f = feature_for_inbox(n->subject_type, &open)) != NULL &&
	    feature_visible(f, app))
		open(app, n->subject_id);
	else
		list_screen_reload(app, ns);
	return SR_STAY;
}

static int
notices_action(struct app *app, void *st, int key, int row)
{
	(void)row;
	if (key != 'a')
		return SR_STAY;
	inbox_mark_read(app->db, app_actor(app), 0);
	app_notice(app, T("notices.marked"));
	list_screen_reload(app, st);
	return SR_STAY;
}

static const struct list_screen notices_list = {
	.size = sizeof(struct notices_state),
	.page = NOTICES_PAGE,
	.empty_key = "notices.none",
	.load = notices_load,
	.clear = notices_clear,
	.row = notices_row,
	.row_id = notices_row_id,
	.actions = notices_actions,
	.enter = notices_enter,
	.action = notices_action,
};

static void *
notices_open(struct app *app, void *arg)
{
	return list_screen_open(app, &notices_list, arg);
}

const struct screen_ops screen_notices = {
	.name = "notices",
	.title_key = "notices.title",
	.help_key = "help.notices",
	.open = notices_open,
	.describe = list_screen_describe,
	.select = list_screen_select,
	.action = list_screen_action,
	.page = list_screen_page,
	.resume = list_screen_resume,
	.close = list_screen_close,
};
