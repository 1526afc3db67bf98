/* Delete my account, first step: what is deleted, what is kept and how to
 * download one's data first; then on to the choice and the password, or
 * back. Nothing is deleted here. */
#include "ui/erase-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <stdlib.h>

enum { E_CONTINUE, E_BACK };

static void
erase_describe(struct app *app, void *st, struct view *v)
{
	char *cmd = app_ssh_command(app, app->acct.name);
	char *download = xasprintf("%s my-data.json", cmd);
	char *stays = TFA("erase.info.stays", A_STR(download));

	(void)st;
	view_text(v, T("erase.info.goes"));
	view_para(v, stays);
	view_item(v, T("erase.continue"), NULL, NULL);
	view_item(v, T("erase.back"), NULL, NULL);
	free(stays);
	free(download);
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
