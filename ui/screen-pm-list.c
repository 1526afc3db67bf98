/* The member's private conversations, the latest activity first: the
 * other member, when the last message came, and how many are unread (a
 * "[new]" mark and the count in words, never colour alone). Enter reads
 * one; `n` writes to a member named by user name, which starts a
 * conversation (or adds to the one they already have). */
#include "ui/directory-ui.h"
#include "ui/list-screen.h"
#include "ui/person.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/messages.h"
#include "i18n/i18n.h"

#include <stdlib.h>

#define PM_LIST_PAGE 15

struct pm_list_state {
	struct list_state			 ls;
	struct message_conversation_list	 list;
};

static int
pm_list_load(struct app *app, void *st, int offset, int limit, bool *more)
{
	struct pm_list_state *ps = st;

	messages_conversation_list_free(&ps->list);
	if (messages_conversations(app->db, app_actor(app), offset, limit,
	    &ps->list) != 0)
		return -1;
	*more = ps->list.more;
	return (int)ps->list.n;
}

static void
pm_list_clear(void *st)
{
	messages_conversation_list_free(&((struct pm_list_state *)st)->list);
}

static void
pm_list_row(struct app *app, void *st, int i, struct list_row *r)
{
	const struct message_conversation *c =
	    &((struct pm_list_state *)st)->list.v[i];
	char *when = i18n_when(c->last_at, clock_now());

	(void)app;
	r->label = person_label(c->other_display, c->other_name, c->other_role);
	r->status = c->unread > 0 ? TFA("pm.list.status_unread", A_STR(when),
	    A_NUM(c->unread)) : xstrdup(when);
	r->unread = c->unread > 0 ? "list.unread.board" : NULL;
	r->name = TFA("pm.list.name", A_STR(person_display(c->other_display,
	    c->other_name)));
	free(when);
}

static int64_t
pm_list_row_id(void *st, int i)
{
	return ((struct pm_list_state *)st)->list.v[i].id;
}

static void
pm_list_actions(struct app *app, void *st, struct view *v)
{
	(void)app;
	(void)st;
	view_action(v, 'n', T("pm.new"));
}

static int
pm_list_enter(struct app *app, void *st, int i)
{
	pm_open_conversation(app, ((struct pm_list_state *)st)->list.v[i].id);
	return SR_STAY;
}

static int
pm_list_action(struct app *app, void *st, int key, int row)
{
	(void)st;
	(void)row;
	if (key == 'n')
		app_push(app, &screen_pm_write, &(struct pm_write_req){ 0 });
	return SR_STAY;
}

static const struct list_screen pm_list = {
	.size = sizeof(struct pm_list_state),
	.page = PM_LIST_PAGE,
	.empty_key = "pm.list.empty",
	.position = true,
	.load = pm_list_load,
	.clear = pm_list_clear,
	.row = pm_list_row,
	.row_id = pm_list_row_id,
	.actions = pm_list_actions,
	.enter = pm_list_enter,
	.action = pm_list_action,
};

static void *
pm_list_open(struct app *app, void *arg)
{
	return list_screen_open(app, &pm_list, arg);
}

void
people_write_to(struct app *app, int64_t account_id)
{
	struct pm_write_req req = { .to = account_id };
	struct account a;
	char *label;

	if (account_by_id(app->db, account_id, &a) != 0) {
		app_notice(app, T("error.messages.not_found"));
		return;
	}
	label = person_label(a.display, a.name, a.role);
	req.to_label = label;
	app_push(app, &screen_pm_write, &req);
	free(label);
}

const struct screen_ops screen_pm_list = {
	.name = "pm-list",
	.title_key = "pm.list.title",
	.help_key = "help.pm_list",
	.open = pm_list_open,
	.describe = list_screen_describe,
	.select = list_screen_select,
	.action = list_screen_action,
	.page = list_screen_page,
	.resume = list_screen_resume,
	.close = list_screen_close,
};
