/* Your data: what Tinklas holds about the member, and the exact command
 * that downloads all of it as one JSON file (`ssh ... my-data.json`,
 * core/export-outputs.h). A terminal cannot hand a file over, so the
 * screen only tells; the command is a paragraph of its own, so it stands
 * on one line to copy in both modes. Members only: Settings does not
 * offer it to guests, who have no data to take. */
#include "ui/my-data-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/export-outputs.h"
#include "i18n/i18n.h"

#include <stdlib.h>

static void
my_data_describe(struct app *app, void *st, struct view *v)
{
	char *cmd;

	(void)st;
	view_para(v, T("my_data.holds"));
	view_para(v, T("my_data.run"));
	cmd = app_export_command(app);
	view_para(v, cmd);
	free(cmd);
	view_para(v, T("my_data.keep"));
}

const struct screen_ops screen_my_data = {
	.name = "my-data",
	.title_key = "my_data.title",
	.help_key = "help.my_data",
	.describe = my_data_describe,
};
