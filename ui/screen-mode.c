/* The first-login question: full-screen or plain line mode. */
#include "ui/ui.h"
#include "ui/view.h"
#include "i18n/i18n.h"

static void
mode_describe(struct app *app, void *st, struct view *v)
{
	(void)app;
	(void)st;
	view_text(v, T("mode.question"));
	view_item(v, T("mode.full"), T("mode.full_note"), NULL);
	view_item(v, T("mode.plain"), T("mode.plain_note"), NULL);
}

static int
mode_select(struct app *app, void *st, int index)
{
	(void)st;
	app_set_mode(app, index == 1 ? UI_MODE_PLAIN : UI_MODE_FULL);
	app_notice(app, T("mode.saved"));
	return SR_POP;
}

static int
mode_back(struct app *app, void *st)
{
	/* Leaving without a choice keeps the mode in use, and remembers it. */
	return mode_select(app, st, app->mode == UI_MODE_PLAIN ? 1 : 0);
}

const struct screen_ops screen_mode_choice = {
	.name = "mode",
	.title_key = "mode.title",
	.help_key = "help.mode",
	.describe = mode_describe,
	.select = mode_select,
	.back = mode_back,
};
