/* tinklas: the one binary. Its first word picks the job:
 *   serve     the SSH server (server/)
 *   console   the UI on the local terminal, for moderators at the server
 *   admin     scriptable administration (cli/admin.c)
 *   ui        internal: the UI process the server execs on a pty
 *   exec      internal: one exec command (server/exec.h), exec'd fresh
 */
#include "cli/admin.h"
#include "cli/options.h"
#include "common/config.h"
#include "common/log.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/db.h"
#include "i18n/i18n.h"
#include "server/exec.h"
#include "server/feeds.h"
#include "server/maintain.h"
#include "server/serve.h"
#include "ui/app.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

/* What `tinklas admin user suspend` without --days stores: 9999-12-31. */

const char cli_usage[] =
    "usage: tinklas serve [--config FILE] [--listen ADDR:PORT] [--data DIR]\n"
    "       tinklas console --user NAME [--config FILE] [--data DIR]\n"
    "       tinklas admin [--config FILE] [--data DIR] COMMAND ...\n"
    "       tinklas --help | --version\n"
    "\n"
    "Tinklas is a terminal community system for learning networks: forums,\n"
    "events, a mentor directory and surveys over SSH, in five languages.\n"
    "The data folder defaults to $TINKLAS_DATA or ./var; `tinklas admin --help`\n"
    "lists the admin commands.\n";

/* The path of this binary, exec'd by the server for each UI process. */
static char *
self_path(const char *argv0)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);

	if (n > 0) {
		buf[n] = '\0';
		return xstrdup(buf);
	}
	return realpath(argv0, NULL);
}

/* The console refuses a suspended account as the server does, with the
 * same notice in the account's language: until when and why. */
static void
console_suspended(const struct config *cfg, const struct account *a)
{
	char *text;

	if (i18n_init(cfg->timezone) != 0 || i18n_set_lang(a->lang) != 0) {
		fprintf(stderr, "tinklas console: the account '%s' is "
		    "suspended\n", a->name);
		return;
	}
	text = account_suspension_notice(a);
	fprintf(stderr, "%s\n", text);
	free(text);
	i18n_shutdown();
}

static int
run_console(struct cli *c, const struct config *cfg)
{
	struct account a;
	struct db *db;
	struct winsize ws;
	char err[256];
	int found;

	if (c->user == NULL) {
		fprintf(stderr, "tinklas console: --user NAME is required\n");
		return 2;
	}
	char *path = config_path(cfg, "tinklas.db");
	if (access(path, F_OK) != 0) {
		fprintf(stderr, "tinklas console: no database at %s (run `tinklas admin init`)\n", path);
		free(path);
		return 1;
	}
	if (db_open(path, &db, err, sizeof err) != 0) {
		fprintf(stderr, "tinklas console: %s\n", err);
		free(path);
		return 1;
	}
	free(path);
	found = account_by_name(db, c->user, &a);
	db_close(db);
	if (found != 0) {
		fprintf(stderr, "tinklas console: no account '%s'\n", c->user);
		return 1;
	}
	if (account_is_suspended(&a, time(NULL))) {
		console_suspended(cfg, &a);
		return 1;
	}
	c->ui.cfg = cfg;
	c->ui.in_fd = STDIN_FILENO;
	c->ui.out_fd = STDOUT_FILENO;
	c->ui.who = UI_MEMBER;
	c->ui.account_id = a.id;
	c->ui.term = getenv("TERM");
	c->ui.lang = NULL;
	c->ui.utf8 = -1;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		c->ui.plain = true;
	else if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0) {
		c->ui.cols = ws.ws_col;
		c->ui.rows = ws.ws_row;
	}
	return ui_run(&c->ui);
}

int
main(int argc, char **argv)
{
	struct cli c = { .ui = { .utf8 = -1 } };
	struct config cfg;
	const char *cmd;
	int rc;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(cli_usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		puts("tinklas 0.1");
		return 0;
	}
	cmd = argv[1];
	if ((rc = cli_parse_opts(argc - 1, argv + 1, &c)) != 0)
		return rc;
	if (c.help && strcmp(cmd, "admin") != 0) {
		fputs(cli_usage, stdout);
		return 0;
	}
	if (cli_load_config(&c, &cfg) != 0)
		return 1;
	log_set_prog("tinklas");
	if (strcmp(cmd, "serve") == 0) {
		char *self = self_path(argv[0]);

		rc = serve_main(&cfg, self, c.config_file);
		free(self);
	} else if (strcmp(cmd, "console") == 0) {
		rc = run_console(&c, &cfg);
	} else if (strcmp(cmd, "admin") == 0) {
		if (c.help)
			rc = admin_main(&cfg, 1, (char *[]){ "--help", NULL });
		else
			rc = admin_main(&cfg, argc - 1 - optind, argv + 1 + optind);
	} else if (strcmp(cmd, "exec") == 0) {
		/* parse_opts saw argv + 1: the command follows its options. */
		if (1 + optind != argc - 1 || c.ui.who == UI_REGISTER ||
		    c.ui.lang == NULL) {
			fprintf(stderr, "tinklas exec: want (--account ID | "
			    "--guest) --lang CODE COMMAND\n");
			rc = 2;
		} else
			rc = exec_main(&cfg, c.ui.who == UI_MEMBER ?
			    c.ui.account_id : 0, c.ui.lang, argv[1 + optind]);
	} else if (strcmp(cmd, "feeds") == 0) {
		/* Started by serve when feeds_listen is set (server/feeds.h). */
		rc = feeds_main(&cfg);
	} else if (strcmp(cmd, "maintain") == 0) {
		/* Started by serve hourly (server/maintain.h); by hand too. */
		rc = maintain_main(&cfg);
	} else if (strcmp(cmd, "ui") == 0) {
		c.ui.cfg = &cfg;
		c.ui.in_fd = STDIN_FILENO;
		c.ui.out_fd = STDOUT_FILENO;
		rc = ui_run(&c.ui);
	} else {
		fprintf(stderr, "tinklas: unknown command '%s'\n", cmd);
		fputs(cli_usage, stderr);
		rc = 2;
	}
	config_free(&cfg);
	return rc;
}
