/* Help for the screen below it: what the screen is for, the letters of its
 * actions (all of them, also those the key bar had no room for), then the
 * keys of the mode in use (a screen may have its own text for the plain
 * mode, whose keys differ). Opened with ? or F1 everywhere. */
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
help_actions(struct app *app, struct view *v)
{
	const struct screen_inst *below = app_below(app);
	struct view about = { 0 };
	struct strbuf sb = { 0 };
	int i;

	if (below == NULL || below->ops == &screen_help)
		return;
	below->ops->describe(app, below->st, &about);
	for (i = 0; i < about.nactions; i++)
		sb_printf(&sb, "%s%c %s", i == 0 ? "" : ", ",
		    app->mode == UI_MODE_PLAIN ? line_key(about.actions[i].key) :
		    about.actions[i].key, about.actions[i].label);
	if (about.nactions > 0) {
		char *s = TFA("help.letters", A_STR(sb.s));

		view_para(v, s);
		free(s);
	}
	sb_free(&sb);
	view_clear(&about);
}

static void
help_describe(struct app *app, void *st, struct view *v)
{
	const struct screen_ops *about = st;

	bool plain = app->mode == UI_MODE_PLAIN;

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
	help_actions(app, v);
	view_para(v, T(plain ? "help.keys_plain" : "help.keys_full"));
}

const struct screen_ops screen_help = {
	.name = "help",
	.title_key = "help.title",
	.help_key = "help.help",
	.open = help_open,
	.describe = help_describe,
};
