/* "Are you sure?" before anything destructive. No is focused first. */
#include "ui/dialogs.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <stdlib.h>

struct confirm_state {
	struct confirm_req	 req;
	char			*question;
};

static void *
confirm_open(struct app *app, void *arg)
{
	struct confirm_state *cs = xmalloc(sizeof *cs);

	(void)app;
	cs->req = *(struct confirm_req *)arg;
	cs->question = xstrdup(cs->req.question);
	return cs;
}

static void
confirm_describe(struct app *app, void *st, struct view *v)
{
	struct confirm_state *cs = st;

	(void)app;
	view_text(v, cs->question);
	view_item(v, T("confirm.no"), NULL, NULL);
	view_item(v, T("confirm.yes"), NULL, NULL);
}

static int
confirm_select(struct app *app, void *st, int index)
{
	struct confirm_state *cs = st;

	if (index != 1)
		return SR_POP;
	app_notice(app, T(cs->req.yes(app, cs->req.arg)));
	return cs->req.close_below ? SR_POP_TWO : SR_POP;
}

static void
confirm_close(struct app *app, void *st)
{
	struct confirm_state *cs = st;

	(void)app;
	free(cs->question);
	free(cs);
}

const struct screen_ops screen_confirm = {
	.name = "confirm",
	.title_key = "confirm.title",
	.help_key = "help.confirm",
	.open = confirm_open,
	.describe = confirm_describe,
	.select = confirm_select,
	.close = confirm_close,
};
