/* Pick one of a few options (language, theme, ...): the current one is
 * focused and marked; Enter applies and goes back. */
#include "ui/dialogs.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <stdlib.h>

struct choice_state {
	struct choice_req	 req;
	char			*labels[CHOICE_MAX];	/* copies */
};

static void *
choice_open(struct app *app, void *arg)
{
	struct choice_state *cs = xcalloc(1, sizeof *cs);
	int i;

	cs->req = *(struct choice_req *)arg;
	for (i = 0; i < cs->req.n; i++)
		cs->labels[i] = xstrdup(cs->req.labels[i]);
	/* The cursor starts on the current option (none: the first), so
	 * Enter alone changes nothing. */
	app->stack[app->depth - 1].focus = cs->req.current >= 0 ?
	    cs->req.current : 0;
	return cs;
}

static void
choice_describe(struct app *app, void *st, struct view *v)
{
	struct choice_state *cs = st;
	struct choice_req *req = &cs->req;
	int i;

	(void)app;
	v->title = xstrdup(T(req->title_key));
	for (i = 0; i < req->n; i++)
		view_item(v, cs->labels[i], i == req->current ?
		    T(req->current_key != NULL ? req->current_key :
		    "choice.current") : NULL, NULL);
}

static int
choice_select(struct app *app, void *st, int index)
{
	struct choice_req *req = &((struct choice_state *)st)->req;

	const char *done;

	if (index < 0 || index >= req->n)
		return SR_STAY;
	if ((done = req->apply(app, req, index)) == NULL)
		return SR_STAY;
	app_notice(app, T(done));
	return SR_POP;
}

static void
choice_close(struct app *app, void *st)
{
	struct choice_state *cs = st;
	int i;

	(void)app;
	for (i = 0; i < cs->req.n; i++)
		free(cs->labels[i]);
	free(cs);
}

const struct screen_ops screen_choice = {
	.name = "choice",
	.title_key = "settings.title",
	.help_key = "help.choice",
	.open = choice_open,
	.describe = choice_describe,
	.select = choice_select,
	.close = choice_close,
};
