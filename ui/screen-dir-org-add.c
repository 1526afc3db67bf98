/* Adding a member to an organisation by their user name, as a member or
 * an admin of it. An unknown name is refused under the name (the name
 * stays as typed); core decides who may add and audits. */
#include "ui/directory-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/directory.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

struct dir_org_add_state {
	int64_t		 org;
	struct form	*form;
};

static void *
dir_org_add_open(struct app *app, void *arg)
{
	struct dir_org_add_state *as = xcalloc(1, sizeof *as);
	struct field *fld;

	(void)app;
	as->org = *(int64_t *)arg;
	as->form = form_new(T("directory.org_add.save"));
	fld = form_add(as->form, "name", FIELD_TEXT,
	    T("directory.org_add.name"), true);
	fld->max_cp = ACCOUNT_NAME_MAX;
	fld = form_add(as->form, "role", FIELD_CHOICE,
	    T("directory.org_add.role"), true);
	field_add_choice(fld, "member", T("directory.org_members.member"));
	field_add_choice(fld, "admin", T("directory.org.admin"));
	field_set(fld, "member");
	return as;
}

static void
dir_org_add_describe(struct app *app, void *st, struct view *v)
{
	(void)app;
	v->form = ((struct dir_org_add_state *)st)->form;
}

static int
dir_org_add_submit(struct app *app, void *st, struct form *unused)
{
	struct dir_org_add_state *as = st;
	struct field *name = form_field(as->form, "name");
	struct account a;
	struct core_error e;
	char *s;

	(void)unused;
	if (account_by_name(app->db, form_value(as->form, "name"), &a) != 0)
		e = CORE_ERR("error.directory.no_user", "name");
	else
		e = directory_org_member_set(app->db, app_actor(app), as->org,
		    a.id, strcmp(form_value(as->form, "role"), "admin") == 0 ?
		    DIR_ORG_ADMIN : DIR_ORG_MEMBER);
	if (core_failed(e)) {
		field_set_error_key(name, e.key);
		as->form->focus = form_index(as->form, name);
		app_notice(app, name->error);
		return SR_STAY;
	}
	s = TFA("directory.org_add.added", A_STR(a.display));
	app_notice(app, s);
	free(s);
	return SR_POP;
}

static void
dir_org_add_close(struct app *app, void *st)
{
	(void)app;
	form_free(((struct dir_org_add_state *)st)->form);
	free(st);
}

const struct screen_ops screen_dir_org_add = {
	.name = "dir-org-add",
	.title_key = "directory.org_add.title",
	.help_key = "help.dir_org_add",
	.open = dir_org_add_open,
	.describe = dir_org_add_describe,
	.submit = dir_org_add_submit,
	.close = dir_org_add_close,
};
