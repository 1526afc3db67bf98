/* What an organisation's admin does with one of its members: make them an
 * admin, or a plain member again, or remove them from it. Removing asks
 * first, on this screen (it needs both the organisation and the member,
 * more than screen_confirm's one argument carries). Core decides who may
 * and audits. */
#include "ui/directory-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/directory.h"
#include "i18n/i18n.h"

#include <stdlib.h>

struct dir_org_member_state {
	struct dir_org_member_req	 req;	/* label copied */
	bool				 asking;	/* "remove them?" */
};

static void *
dir_org_member_open(struct app *app, void *arg)
{
	struct dir_org_member_state *ms = xcalloc(1, sizeof *ms);

	(void)app;
	ms->req = *(struct dir_org_member_req *)arg;
	ms->req.label = xstrdup(ms->req.label);
	return ms;
}

static void
dir_org_member_describe(struct app *app, void *st, struct view *v)
{
	struct dir_org_member_state *ms = st;
	char *s;

	(void)app;
	if (ms->asking) {
		s = TFA("directory.org_member.remove_question",
		    A_STR(ms->req.label));
		view_text(v, s);
		free(s);
		view_item(v, T("confirm.no"), NULL, NULL);
		view_item(v, T("confirm.yes"), NULL, NULL);
		return;
	}
	s = TFA("directory.org_member.is", A_STR(ms->req.label),
	    A_STR(T(ms->req.admin ? "directory.org.admin" :
	    "directory.org_members.member")));
	view_text(v, s);
	free(s);
	view_item(v, T(ms->req.admin ? "directory.org_member.make_member" :
	    "directory.org_member.make_admin"), NULL, NULL);
	view_item(v, T("directory.org_member.remove"), NULL, NULL);
}

static int
done(struct app *app, struct core_error e, const char *key)
{
	app_notice(app, T(core_failed(e) ? e.key : key));
	return SR_POP;
}

static int
dir_org_member_select(struct app *app, void *st, int index)
{
	struct dir_org_member_state *ms = st;

	if (ms->asking) {
		if (index != 1) {
			ms->asking = false;	/* no: back to the choices */
			return SR_STAY;
		}
		return done(app, directory_org_member_remove(app->db,
		    app_actor(app), ms->req.org, ms->req.account_id),
		    "directory.org_member.removed");
	}
	if (index == 1) {
		ms->asking = true;
		return SR_STAY;
	}
	if (index != 0)
		return SR_STAY;
	return done(app, directory_org_member_set(app->db, app_actor(app),
	    ms->req.org, ms->req.account_id, ms->req.admin ? DIR_ORG_MEMBER :
	    DIR_ORG_ADMIN), "directory.org_member.role_set");
}

static void
dir_org_member_close(struct app *app, void *st)
{
	struct dir_org_member_state *ms = st;

	(void)app;
	free((char *)ms->req.label);
	free(ms);
}

const struct screen_ops screen_dir_org_member = {
	.name = "dir-org-member",
	.title_key = "directory.org_member.title",
	.help_key = "help.dir_org_member",
	.open = dir_org_member_open,
	.describe = dir_org_member_describe,
	.select = dir_org_member_select,
	.close = dir_org_member_close,
};
