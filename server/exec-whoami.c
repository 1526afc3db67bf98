/* `ssh host whoami`: the account's name, display name and role. For
 * members only: a guest has no account to describe. */
#include "server/exec.h"

#include "core/sanitize.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

static int	whoami_run(const struct exec_ctx *);

const struct exec_cmd exec_whoami = {
	.name = "whoami",
	.who = EXEC_MEMBER,
	.help_key = "exec.whoami.about",
	.run = whoami_run,
};

static int
whoami_run(const struct exec_ctx *x)
{
	const struct account *a = x->account;
	char *name, *display, *text;

	assert(a != NULL);	/* EXEC_MEMBER */
	name = sanitize(a->name, strlen(a->name), SANITIZE_LINE,
	    ACCOUNT_NAME_MAX, 0);
	display = sanitize(a->display, strlen(a->display), SANITIZE_LINE,
	    ACCOUNT_DISPLAY_MAX, 0);
	text = TFA("exec.whoami", A_STR(name), A_STR(display),
	    A_STR(role_name(a->role)));
	fprintf(x->out, "%s\n", text);
	free(text);
	free(display);
	free(name);
	return 0;
}
