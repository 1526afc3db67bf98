/* `ssh host help`: who you are and the commands you may run. */
#include "server/exec.h"

#include "core/sanitize.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

static int	help_run(const struct exec_ctx *);

const struct exec_cmd exec_help = {
	.name = "help",
	.who = EXEC_GUEST,
	.help_key = "exec.help.about",
	.run = help_run,
};

static int
help_run(const struct exec_ctx *x)
{
	const struct exec_cmd *const *e;
	char *name, *display, *text;

	if (x->account == NULL)
		fprintf(x->out, "%s\n", T("exec.help.guest"));
	else {
		/* Stored sanitised; sanitised again on the way out
		 * (RELIABILITY.md: every path that skips ncurses). */
		name = sanitize(x->account->name, strlen(x->account->name),
		    SANITIZE_LINE, ACCOUNT_NAME_MAX, 0);
		display = sanitize(x->account->display,
		    strlen(x->account->display), SANITIZE_LINE,
		    ACCOUNT_DISPLAY_MAX, 0);
		text = TFA("exec.help.member", A_STR(display), A_STR(name));
		fprintf(x->out, "%s\n", text);
		free(text);
		free(display);
		free(name);
	}
	fprintf(x->out, "%s\n", T("exec.help.commands"));
	for (e = exec_cmds; *e != NULL; e++)
		if (exec_allowed(*e, x->account))
			fprintf(x->out, "  %-10s %s\n", (*e)->name,
			    T((*e)->help_key));
	return 0;
}
