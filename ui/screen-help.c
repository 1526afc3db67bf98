/* Help for the screen below it: what the screen is for, the letters of its
 * actions (all of them, also those the key bar had no room for), then the
 * reserved keys of the mode in use on that kind of screen, made from the
 * table of keys (ui/keys.h) as the key bar is. Opened with ? or F1
 * everywhere. */
#include "ui/keys.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "i18n/i18n.h"

#include <stdlib.h>

static void *
help_open(struct app *app, void *arg)
{
	(void)app;
	return arg;	/* the screen_ops the help is about */
}

/* "Letters here: r Reply, c Quote, ..." from the screen's own view. */
static void
help_actions(struct app *app, const struct view *about, struct view *v)
{
	struct strbuf sb = { 0 };
	int i;

	for (i = 0; i < about->nactions; i++)
		sb_printf(&sb, "%s%c %s", i == 0 ? "" : ", ",
		    app->mode == UI_MODE_PLAIN ? line_key(about->actions[i].key) :
		    about->actions[i].key, about->actions[i].label);
	if (about->nactions > 0) {
		char *s = TFA("help.letters", A_STR(sb.s));

		view_para(v, s);
		free(s);
	}
	sb_free(&sb);
}

static void
help_describe(struct app *app, void *st, struct view *v)
{
	const struct screen_ops *about = st;
	const struct screen_inst *below = app_below(app);
	bool plain = app->mode == UI_MODE_PLAIN;
	struct view shown = { 0 };
	char *keys;

	if (about != NULL) {
		/* {0} of a help text: how to log in (help.register). */
		char *cmd = app_ssh_command(app, T("ssh.name_placeholder"));
		char *text = TFA(plain && about->help_key_plain != NULL ?
		    about->help_key_plain : about->help_key, A_STR(cmd));

		view_para(v, text);
		free(text);
		free(cmd);
		if (about->help_more != NULL)
			about->help_more(app, v);
	}
	/* The screen below as it is shown: its letters and its kind of view
	 * (list, pager, form) say which keys it has. */
	if (below != NULL && below->ops != &screen_help) {
		below->ops->describe(app, below->st, &shown);
		help_actions(app, &shown, v);
	}
	keys = keys_help(&shown, plain ? KM_PLAIN : KM_FULL);
	view_para(v, keys);
	free(keys);
	view_clear(&shown);
}

const struct screen_ops screen_help = {
	.name = "help",
	.title_key = "help.title",
	.help_key = "help.help",
	.open = help_open,
	.describe = help_describe,
};
