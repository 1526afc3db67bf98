/* One organisation: its kind, description, eldership and contact, and
 * (for members) its member accounts, the organisation's admins first;
 * Enter on one opens their profile, as far as they listed it. */
#include "ui/directory-ui.h"
#include "ui/person.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/directory.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

#define DIR_ORG_MEMBERS	12

struct dir_org_state {
	int64_t				 id;
	bool				 found;
	struct dir_org			 o;
	struct dir_org_member_list	 members;
};

static void
dir_org_load(struct app *app, struct dir_org_state *os)
{
	dir_org_member_list_free(&os->members);
	os->found = directory_org_get(app->db, app_actor(app), os->id,
	    &os->o) == 0;
	if (os->found && !app_is_guest(app))
		(void)directory_org_members(app->db, app_actor(app), os->id, 0,
		    DIR_ORG_MEMBERS, &os->members);
}

static void *
dir_org_open(struct app *app, void *arg)
{
	struct dir_org_state *os = xcalloc(1, sizeof *os);

	os->id = *(int64_t *)arg;
	dir_org_load(app, os);
	if (!os->found)
		app_notice(app, T("error.directory.not_found"));
	return os;
}

static void
add_line(struct strbuf *sb, const char *label_key, const char *value)
{
	char *s;

	if (value[0] == '\0')
		return;
	s = TFA("directory.profile.line", A_STR(T(label_key)), A_STR(value));
	sb_printf(sb, "%s%s", sb->s != NULL ? "\n" : "", s);
	free(s);
}

static void
dir_org_describe(struct app *app, void *st, struct view *v)
{
	struct dir_org_state *os = st;
	struct strbuf sb = { 0 };
	char *eld;
	size_t i;
	int k;

	if (!os->found) {
		view_text(v, T("error.directory.not_found"));
		return;
	}
	v->title = xstrdup(os->o.name);
	for (k = 0; dir_org_kinds[k].code != NULL; k++)
		if (strcmp(dir_org_kinds[k].code, os->o.kind) == 0)
			add_line(&sb, "directory.org.kind", T(dir_org_kinds[k].key));
	eld = dir_eldership_text(os->o.eldership);
	add_line(&sb, "directory.field.eldership", eld);
	free(eld);
	add_line(&sb, "directory.org.contact", os->o.contact);
	if (os->o.description[0] != '\0')
		view_para(v, os->o.description);
	if (sb.s != NULL) {
		view_para(v, sb.s);
		sb_free(&sb);
	}
	view_para(v, T(app_is_guest(app) ? "directory.org.members_guest" :
	    os->members.n > 0 ? "directory.org.members" :
	    "directory.org.no_members"));
	for (i = 0; i < os->members.n; i++) {
		const struct dir_org_member *m = &os->members.v[i];
		char *who = person_label(m->display, m->name, 0);

		view_item(v, who, m->role == DIR_ORG_ADMIN ?
		    T("directory.org.admin") : NULL, NULL);
		view_name(v, m->display);
		free(who);
	}
}

static int
dir_org_select(struct app *app, void *st, int index)
{
	struct dir_org_state *os = st;

	if (index >= 0 && (size_t)index < os->members.n)
		dir_open_profile(app, os->members.v[index].account_id);
	return SR_STAY;
}

static void
dir_org_resume(struct app *app, void *st)
{
	dir_org_load(app, st);
}

static void
dir_org_close(struct app *app, void *st)
{
	struct dir_org_state *os = st;

	(void)app;
	dir_org_member_list_free(&os->members);
	free(os);
}

const struct screen_ops screen_dir_org = {
	.name = "dir-org",
	.title_key = "directory.orgs.title",
	.help_key = "help.dir_org",
	.open = dir_org_open,
	.describe = dir_org_describe,
	.select = dir_org_select,
	.resume = dir_org_resume,
	.close = dir_org_close,
};
