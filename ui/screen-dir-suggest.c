/* "Suggested for you": the people core ranks for the member (whose
 * skills offered meet the ones they want, with a language in common),
 * best first, each with why in the reader's words under the name
 * ("teaches Lithuanian, speaks Ukrainian, evenings, Šilainiai"). Enter
 * opens the profile. With no profile yet, the list says to fill one. */
#include "ui/directory-ui.h"
#include "ui/list-screen.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/directory.h"
#include "i18n/i18n.h"

#include <stdlib.h>

#define DIR_SUGGEST_PAGE	6

struct dir_suggest_state {
	struct list_state		 ls;
	struct dir_suggestion_list	 list;
};

static int
dir_suggest_load(struct app *app, void *st, int offset, int limit,
    bool *more)
{
	struct dir_suggest_state *ss = st;

	dir_suggestion_list_free(&ss->list);
	if (directory_suggest(app->db, app_actor(app), offset, limit,
	    &ss->list) != 0)
		return -1;
	*more = ss->list.more;
	return (int)ss->list.n;
}

static void
dir_suggest_clear(void *st)
{
	dir_suggestion_list_free(&((struct dir_suggest_state *)st)->list);
}

static void
dir_suggest_row(struct app *app, void *st, int i, struct list_row *r)
{
	const struct dir_suggestion *s =
	    &((struct dir_suggest_state *)st)->list.v[i];
	char *why = dir_reasons_text(s->reasons, s->nreasons);

	(void)app;
	r->label = xstrdup(s->person.display);
	r->body = TFA("directory.suggest.why", A_STR(why));
	r->name = xstrdup(s->person.display);
	free(why);
}

static int64_t
dir_suggest_row_id(void *st, int i)
{
	return ((struct dir_suggest_state *)st)->list.v[i].person.account_id;
}

static int
dir_suggest_enter(struct app *app, void *st, int i)
{
	dir_open_profile(app,
	    ((struct dir_suggest_state *)st)->list.v[i].person.account_id);
	return SR_STAY;
}

static const struct list_screen dir_suggest = {
	.size = sizeof(struct dir_suggest_state),
	.page = DIR_SUGGEST_PAGE,
	.empty_key = "directory.suggest.none",
	.position = true,
	.load = dir_suggest_load,
	.clear = dir_suggest_clear,
	.row = dir_suggest_row,
	.row_id = dir_suggest_row_id,
	.enter = dir_suggest_enter,
};

static void *
dir_suggest_open(struct app *app, void *arg)
{
	return list_screen_open(app, &dir_suggest, arg);
}

const struct screen_ops screen_dir_suggest = {
	.name = "dir-suggest",
	.title_key = "directory.suggest.title",
	.help_key = "help.dir_suggest",
	.open = dir_suggest_open,
	.describe = list_screen_describe,
	.select = list_screen_select,
	.page = list_screen_page,
	.resume = list_screen_resume,
	.close = list_screen_close,
};
