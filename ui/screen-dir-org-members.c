/* An organisation's members, for its admins (and site admins): each with
 * their role, the admins first; Enter on one opens what may be done with
 * them (ui/screen-dir-org-member.c), and a adds a member by user name
 * (ui/screen-dir-org-add.c). Core decides who may. */
#include "ui/directory-ui.h"
#include "ui/list-screen.h"
#include "ui/person.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/directory.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

#define DIR_ORG_MEMBERS_PAGE	12

struct dir_org_members_state {
	struct list_state		 ls;
	int64_t				 org;
	struct dir_org_member_list	 list;
};

static void
dir_org_members_init(struct app *app, void *st, void *arg)
{
	(void)app;
	((struct dir_org_members_state *)st)->org = *(int64_t *)arg;
}

static int
dir_org_members_load(struct app *app, void *st, int offset, int limit,
    bool *more)
{
	struct dir_org_members_state *ms = st;

	dir_org_member_list_free(&ms->list);
	if (directory_org_members(app->db, app_actor(app), ms->org, offset,
	    limit, &ms->list) != 0)
		return -1;
	*more = ms->list.more;
	return (int)ms->list.n;
}

static void
dir_org_members_clear(void *st)
{
	dir_org_member_list_free(&((struct dir_org_members_state *)st)->list);
}

static void
dir_org_members_row(struct app *app, void *st, int i, struct list_row *r)
{
	const struct dir_org_member *m =
	    &((struct dir_org_members_state *)st)->list.v[i];

	(void)app;
	r->label = person_label(m->display, m->name, 0);
	r->status = xstrdup(T(m->role == DIR_ORG_ADMIN ?
	    "directory.org.admin" : "directory.org_members.member"));
	r->name = xstrdup(m->display);
}

static int64_t
dir_org_members_row_id(void *st, int i)
{
	return ((struct dir_org_members_state *)st)->list.v[i].account_id;
}

static void
dir_org_members_actions(struct app *app, void *st, struct view *v)
{
	(void)app;
	(void)st;
	view_action(v, 'a', T("directory.org_members.do_add"));
}

static int
dir_org_members_enter(struct app *app, void *st, int i)
{
	struct dir_org_members_state *ms = st;
	const struct dir_org_member *m = &ms->list.v[i];
	char *who = person_label(m->display, m->name, 0);

	app_push(app, &screen_dir_org_member, &(struct dir_org_member_req){
	    .org = ms->org, .account_id = m->account_id, .label = who,
	    .admin = m->role == DIR_ORG_ADMIN });
	free(who);
	return SR_STAY;
}

static int
dir_org_members_action(struct app *app, void *st, int key, int row)
{
	(void)row;
	if (key == 'a')
		app_push(app, &screen_dir_org_add,
		    &((struct dir_org_members_state *)st)->org);
	return SR_STAY;
}

static const struct list_screen dir_org_members = {
	.size = sizeof(struct dir_org_members_state),
	.page = DIR_ORG_MEMBERS_PAGE,
	.empty_key = "directory.org.no_members",
	.position = true,
	.init = dir_org_members_init,
	.load = dir_org_members_load,
	.clear = dir_org_members_clear,
	.row = dir_org_members_row,
	.row_id = dir_org_members_row_id,
	.actions = dir_org_members_actions,
	.enter = dir_org_members_enter,
	.action = dir_org_members_action,
};

static void *
dir_org_members_open(struct app *app, void *arg)
{
	return list_screen_open(app, &dir_org_members, arg);
}

const struct screen_ops screen_dir_org_members = {
	.name = "dir-org-members",
	.title_key = "directory.org_members.title",
	.help_key = "help.dir_org_members",
	.open = dir_org_members_open,
	.describe = list_screen_describe,
	.select = list_screen_select,
	.action = list_screen_action,
	.page = list_screen_page,
	.resume = list_screen_resume,
	.close = list_screen_close,
};
