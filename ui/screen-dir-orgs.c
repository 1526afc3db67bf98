/* The organisations in the directory (schools, universities, libraries,
 * NGOs, municipal departments), by name in the reader's collation, each
 * with its kind and eldership; t steps through the types shown (all, then
 * each kind). Enter opens one (ui/screen-dir-org.c). */
#include "ui/directory-ui.h"
#include "ui/list-screen.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/directory.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

#define DIR_ORGS_PAGE	12

struct dir_orgs_state {
	struct list_state	 ls;
	int			 kind;	/* index in dir_org_kinds; -1: all */
	struct dir_org_list	 list;
};

static void
dir_orgs_init(struct app *app, void *st, void *arg)
{
	(void)app;
	(void)arg;
	((struct dir_orgs_state *)st)->kind = -1;
}

static int
dir_orgs_load(struct app *app, void *st, int offset, int limit, bool *more)
{
	struct dir_orgs_state *os = st;

	dir_org_list_free(&os->list);
	if (directory_orgs(app->db, app_actor(app), NULL, os->kind >= 0 ?
	    dir_org_kinds[os->kind].code : NULL, NULL, offset, limit,
	    &os->list) != 0)
		return -1;
	*more = os->list.more;
	return (int)os->list.n;
}

static void
dir_orgs_clear(void *st)
{
	dir_org_list_free(&((struct dir_orgs_state *)st)->list);
}

static void
dir_orgs_head(struct app *app, void *st, struct view *v)
{
	int kind = ((struct dir_orgs_state *)st)->kind;
	char *s = TFA("directory.orgs.kind", A_STR(kind >= 0 ?
	    T(dir_org_kinds[kind].key) : T("directory.find.any")));

	(void)app;
	view_text(v, s);
	free(s);
}

/* The kind's catalog key, by its code. */
static const char *
kind_key(const char *code)
{
	int i;

	for (i = 0; dir_org_kinds[i].code != NULL; i++)
		if (strcmp(dir_org_kinds[i].code, code) == 0)
			return dir_org_kinds[i].key;
	return NULL;
}

static void
dir_orgs_row(struct app *app, void *st, int i, struct list_row *r)
{
	const struct dir_org *o = &((struct dir_orgs_state *)st)->list.v[i];
	const char *k = kind_key(o->kind);
	char *eld = dir_eldership_text(o->eldership);

	(void)app;
	r->label = xstrdup(o->name);
	r->status = eld[0] != '\0' ? TFA("directory.orgs.status",
	    A_STR(k != NULL ? T(k) : o->kind), A_STR(eld)) :
	    xstrdup(k != NULL ? T(k) : o->kind);
	r->name = xstrdup(o->name);
	free(eld);
}

static int64_t
dir_orgs_row_id(void *st, int i)
{
	return ((struct dir_orgs_state *)st)->list.v[i].id;
}

static void
dir_orgs_actions(struct app *app, void *st, struct view *v)
{
	(void)app;
	(void)st;
	view_action(v, 't', T("directory.orgs.next_kind"));
}

static int
dir_orgs_enter(struct app *app, void *st, int i)
{
	int64_t id = ((struct dir_orgs_state *)st)->list.v[i].id;

	app_push(app, &screen_dir_org, &id);
	return SR_STAY;
}

static int
dir_orgs_action(struct app *app, void *st, int key, int row)
{
	struct dir_orgs_state *os = st;

	(void)row;
	if (key == 't') {
		os->kind = dir_org_kinds[os->kind + 1].code != NULL ?
		    os->kind + 1 : -1;
		list_screen_restart(app, st);
	}
	return SR_STAY;
}

static const struct list_screen dir_orgs = {
	.size = sizeof(struct dir_orgs_state),
	.page = DIR_ORGS_PAGE,
	.empty_key = "directory.orgs.none",
	.position = true,
	.init = dir_orgs_init,
	.load = dir_orgs_load,
	.clear = dir_orgs_clear,
	.head = dir_orgs_head,
	.row = dir_orgs_row,
	.row_id = dir_orgs_row_id,
	.actions = dir_orgs_actions,
	.enter = dir_orgs_enter,
	.action = dir_orgs_action,
};

static void *
dir_orgs_open(struct app *app, void *arg)
{
	return list_screen_open(app, &dir_orgs, arg);
}

const struct screen_ops screen_dir_orgs = {
	.name = "dir-orgs",
	.title_key = "directory.orgs.title",
	.help_key = "help.dir_orgs",
	.open = dir_orgs_open,
	.describe = list_screen_describe,
	.select = list_screen_select,
	.action = list_screen_action,
	.page = list_screen_page,
	.resume = list_screen_resume,
	.close = list_screen_close,
};
