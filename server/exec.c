/* Looking exec commands up, and `tinklas exec`: the fresh process that
 * runs one of them (see exec.h). */
#include "server/exec.h"

#include "common/config.h"
#include "common/log.h"
#include "core/db.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

static bool	exec_name_ok(const char *);
static void	exec_say(const char *);

/* A command is 1..EXEC_NAME_MAX bytes of [A-Za-z0-9._-] starting with a
 * letter or digit: a pattern's `*` can then never match a path, a space
 * or an option. */
static bool
exec_name_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > EXEC_NAME_MAX || s[0] == '.' || s[0] == '-' ||
	    s[0] == '_')
		return false;
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789._-") == n;
}

const struct exec_cmd *
exec_find(const char *command)
{
	const struct exec_cmd *const *e;

	if (command == NULL || !exec_name_ok(command))
		return NULL;
	for (e = exec_cmds; *e != NULL; e++)
		if (fnmatch((*e)->name, command, 0) == 0)
			return *e;
	return NULL;
}

bool
exec_allowed(const struct exec_cmd *cmd, const struct account *account)
{
	switch (cmd->who) {
	case EXEC_GUEST:
		return true;
	case EXEC_MEMBER:
		return account != NULL;
	case EXEC_MODERATOR:
		return account != NULL && account->role >= ROLE_MODERATOR;
	}
	return false;
}

/* One line of the server's own words on the client's output. */
static void
exec_say(const char *text)
{
	printf("%s\n", text);
}

int
exec_main(const struct config *cfg, int64_t account_id, const char *lang,
    const char *command)
{
	struct exec_ctx ctx = { .command = command, .out = stdout };
	const struct exec_cmd *cmd;
	struct account a;
	char err[256], *path, *text;
	int rc;

	if (i18n_init(cfg->timezone) != 0) {
		log_error("exec %s: the catalogs cannot be opened", command);
		exec_say("Tinklas is not available right now.");
		return 1;
	}
	path = config_path(cfg, "tinklas.db");
	rc = db_open(path, &ctx.db, err, sizeof err);
	free(path);
	if (rc != 0) {
		log_error("exec %s: %s", command, err);
		i18n_set_lang(lang);
		exec_say(T("server.unavailable"));
		i18n_shutdown();
		return 1;
	}
	if (account_id > 0) {
		if (account_by_id(ctx.db, account_id, &a) != 0) {
			log_error("exec %s: no account %lld", command,
			    (long long)account_id);
			i18n_set_lang(lang);
			exec_say(T("server.unavailable"));
			rc = 1;
			goto out;
		}
		ctx.account = &a;
		if (i18n_lang_valid(a.lang))
			lang = a.lang;
	}
	i18n_set_lang(lang);
	/* The connection process checked both already; a second look
	 * costs nothing and keeps this process honest on its own. */
	if ((cmd = exec_find(command)) == NULL) {
		exec_say(T("server.unknown_command"));
		rc = 1;
	} else if (!exec_allowed(cmd, ctx.account)) {
		text = TFA("exec.refused", A_STR(command));
		exec_say(text);
		free(text);
		rc = 1;
	} else {
		assert(cmd->run != NULL);
		rc = cmd->run(&ctx);
	}
out:
	fflush(stdout);
	db_close(ctx.db);
	i18n_shutdown();
	return rc;
}
