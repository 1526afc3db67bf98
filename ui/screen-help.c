/* Help for the screen below it: what the screen is for, then the keys of
 * the mode in use. Opened with ? or F1 everywhere. */
#include "ui/ui.h"
#include "ui/view.h"
#include "i18n/i18n.h"

static void *
help_open(struct app *app, void *arg)
{
	(void)app;
	return arg;	/* the screen_ops the help is about */
}

static void
help_describe(struct app *app, void *st, struct view *v)
{
	const struct screen_ops *about = st;

	if (about != NULL)
		view_para(v, T(about->help_key));
	view_para(v, T(app->mode == UI_MODE_FULL ? "help.keys_full" :
	    "help.keys_line"));
}

const struct screen_ops screen_help = {
	.name = "help",
	.title_key = "help.title",
	.help_key = "help.help",
	.open = help_open,
	.describe = help_describe,
};
