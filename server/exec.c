/* `tinklas exec`: the fresh process that writes one output (see exec.h). */
#include "server/exec.h"

#include "common/config.h"
#include "common/log.h"
#include "core/accounts.h"
#include "core/actor.h"
#include "core/db.h"
#include "core/output.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

static void	exec_say(const char *);

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
	struct output_ctx ctx = { .cfg = cfg, .name = command,
	    .out = stdout };
	const struct output *o;
	struct account a;
	struct actor actor;
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
	if (output_reader(&ctx, account_id, lang, &a, &actor) != 0) {
		log_error("exec %s: no account %lld", command,
		    (long long)account_id);
		exec_say(T("server.unavailable"));
		rc = 1;
		goto out;
	}
	/* The connection process checked both already; a second look
	 * costs nothing and keeps this process honest on its own. */
	if ((o = output_find(command)) == NULL) {
		exec_say(T("server.unknown_command"));
		rc = 1;
	} else if (!output_allowed(o, ctx.account)) {
		text = TFA(o->refused_key != NULL ? o->refused_key :
		    "exec.refused", A_STR(command));
		exec_say(text);
		free(text);
		rc = 1;
	} else {
		assert(o->write != NULL);
		rc = o->write(&ctx);
	}
out:
	fflush(stdout);
	db_close(ctx.db);
	i18n_shutdown();
	return rc;
}
