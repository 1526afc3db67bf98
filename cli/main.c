/* tinklas: the one binary. Its first word picks the job:
 *   serve     the SSH server (server/)
 *   console   the UI on the local terminal, for moderators at the server
 *   admin     scriptable administration (cli/admin.c)
 *   ui        internal: the UI process the server execs on a pty
 *   exec      internal: one exec command (server/exec.h), exec'd fresh
 */
#include "cli/admin.h"
#include "common/config.h"
#include "common/log.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/db.h"
#include "i18n/i18n.h"
#include "server/exec.h"
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
#define SUSPEND_FOREVER	253402300799LL

static const char usage_text[] =
    "usage: tinklas serve [--config FILE] [--listen ADDR:PORT] [--data DIR]\n"
    "       tinklas console --user NAME [--config FILE] [--data DIR]\n"
    "       tinklas admin [--config FILE] [--data DIR] COMMAND ...\n"
    "       tinklas --help | --version\n"
    "\n"
    "Tinklas is a terminal community system for learning networks: forums,\n"
    "events, a mentor directory and surveys over SSH, in five languages.\n"
    "The data folder defaults to $TINKLAS_DATA or ./var; `tinklas admin --help`\n"
    "lists the admin commands.\n";

enum { OPT_CONFIG = 256, OPT_LISTEN, OPT_DATA, OPT_USER, OPT_HELP,
	OPT_ACCOUNT, OPT_GUEST, OPT_REGISTER, OPT_TERM, OPT_SIZE, OPT_LANG,
	OPT_PLAIN, OPT_UTF8 };

static const struct option long_opts[] = {
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "listen", required_argument, NULL, OPT_LISTEN },
	{ "data", required_argument, NULL, OPT_DATA },
	{ "user", required_argument, NULL, OPT_USER },
	{ "help", no_argument, NULL, OPT_HELP },
	/* Internal: what the server passes to a UI process. */
	{ "account", required_argument, NULL, OPT_ACCOUNT },
	{ "guest", no_argument, NULL, OPT_GUEST },
	{ "register", no_argument, NULL, OPT_REGISTER },
	{ "term", required_argument, NULL, OPT_TERM },
	{ "size", required_argument, NULL, OPT_SIZE },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "plain", no_argument, NULL, OPT_PLAIN },
	{ "utf8", required_argument, NULL, OPT_UTF8 },
	{ NULL, 0, NULL, 0 }
};

struct cli {
	const char	*config_file;
	const char	*listen;
	const char	*data;
	const char	*user;
	bool		 help;
	struct ui_params ui;
};

/* Parses options up to the first non-option word (for admin: its command).
 * Returns 0, or 2 after printing a usage error. */
static int
parse_opts(int argc, char **argv, struct cli *c)
{
	int ch;
	long n;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "+h", long_opts, NULL)) != -1) {
		switch (ch) {
		case OPT_CONFIG: c->config_file = optarg; break;
		case OPT_LISTEN: c->listen = optarg; break;
		case OPT_DATA: c->data = optarg; break;
		case OPT_USER: c->user = optarg; break;
		case 'h': case OPT_HELP: c->help = true; break;
		case OPT_ACCOUNT:
			n = strtol(optarg, NULL, 10);
			if (n <= 0) {
				fprintf(stderr, "tinklas: bad --account\n");
				return 2;
			}
			c->ui.who = UI_MEMBER;
			c->ui.account_id = n;
			break;
		case OPT_GUEST: c->ui.who = UI_GUEST; break;
		case OPT_REGISTER: c->ui.who = UI_REGISTER; break;
		case OPT_TERM: c->ui.term = optarg; break;
		case OPT_SIZE:
			if (sscanf(optarg, "%dx%d", &c->ui.cols, &c->ui.rows) != 2)
				c->ui.cols = c->ui.rows = 0;
			break;
		case OPT_LANG: c->ui.lang = optarg; break;
		case OPT_PLAIN: c->ui.plain = true; break;
		case OPT_UTF8:
			c->ui.utf8 = strcmp(optarg, "yes") == 0 ? 1 :
			    strcmp(optarg, "no") == 0 ? 0 : -1;
			break;
		default:
			fputs(usage_text, stderr);
			return 2;
		}
	}
	return 0;
}

/* Loads the configuration: defaults, the file, then the command line. */
static int
load_config(const struct cli *c, struct config *cfg)
{
	char err[512];

	config_defaults(cfg);
	if (c->config_file != NULL &&
	    config_load(cfg, c->config_file, true, err, sizeof err) != 0) {
		fprintf(stderr, "tinklas: %s\n", err);
		return -1;
	}
	if (c->data != NULL)
		config_set(cfg, "data", c->data);
	if (c->listen != NULL && config_set_listen(cfg, c->listen) != 0) {
		fprintf(stderr, "tinklas: bad --listen '%s' (want ADDR:PORT)\n",
		    c->listen);
		return -1;
	}
	return 0;
}

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
	char *when, *text;

	if (i18n_init(cfg->timezone) != 0 || i18n_set_lang(a->lang) != 0) {
		fprintf(stderr, "tinklas console: the account '%s' is "
		    "suspended\n", a->name);
		return;
	}
	if (a->suspended_until >= SUSPEND_FOREVER)
		fprintf(stderr, "%s\n", T("server.suspended.indefinitely"));
	else {
		when = i18n_datetime(a->suspended_until);
		text = TFA("server.suspended.until", A_STR(when));
		fprintf(stderr, "%s\n", text);
		free(text);
		free(when);
	}
	if (a->suspend_reason[0] != '\0') {
		text = TFA("server.suspended.reason", A_STR(a->suspend_reason));
		fprintf(stderr, "%s\n", text);
		free(text);
	}
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
		fputs(usage_text, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		puts("tinklas 0.1");
		return 0;
	}
	cmd = argv[1];
	if ((rc = parse_opts(argc - 1, argv + 1, &c)) != 0)
		return rc;
	if (c.help && strcmp(cmd, "admin") != 0) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (load_config(&c, &cfg) != 0)
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
	} else if (strcmp(cmd, "ui") == 0) {
		c.ui.cfg = &cfg;
		c.ui.in_fd = STDIN_FILENO;
		c.ui.out_fd = STDOUT_FILENO;
		rc = ui_run(&c.ui);
	} else {
		fprintf(stderr, "tinklas: unknown command '%s'\n", cmd);
		fputs(usage_text, stderr);
		rc = 2;
	}
	config_free(&cfg);
	return rc;
}
