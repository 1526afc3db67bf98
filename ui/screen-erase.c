/* Delete my account, first step: what is deleted, what is kept and how to
 * download one's data first (the command on a line of its own); then on
 * to the choice and the password, or back. Nothing is deleted here. */
#include "ui/erase-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "i18n/i18n.h"

#include <stdlib.h>

enum { E_CONTINUE, E_BACK };

static void
erase_describe(struct app *app, void *st, struct view *v)
{
	/* The same command as Your data's, on a line of its own to copy. */
	char *cmd = app_export_command(app);

	(void)st;
	view_text(v, T("erase.info.goes"));
	view_para(v, T("erase.info.stays"));
	view_para(v, cmd);
	view_item(v, T("erase.continue"), NULL, NULL);
	view_item(v, T("erase.back"), NULL, NULL);
	free(cmd);
}

static int
erase_select(struct app *app, void *st, int index)
{
	(void)st;
	if (index != E_CONTINUE)
		return SR_POP;
	app_push(app, &screen_erase_form, NULL);
	return SR_STAY;
}

const struct screen_ops screen_erase = {
	.name = "erase",
	.title_key = "erase.title",
	.help_key = "help.erase",
	.describe = erase_describe,
	.select = erase_select,
};
