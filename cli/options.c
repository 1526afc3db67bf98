/* The command line shared by `tinklas` and `tinklas-ui`: the options and
 * the configuration they select. */
#include "cli/options.h"
#include "common/config.h"
#include "common/log.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_CONFIG = 256, OPT_LISTEN, OPT_DATA, OPT_USER, OPT_HELP,
	OPT_ACCOUNT, OPT_GUEST, OPT_REGISTER, OPT_TERM, OPT_SIZE, OPT_LANG,
	OPT_PLAIN, OPT_UTF8, OPT_SESSION };

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
	{ "session", required_argument, NULL, OPT_SESSION },
	{ NULL, 0, NULL, 0 }
};


/* Parses options up to the first non-option word (for admin: its command).
 * Returns 0, or 2 after printing a usage error. */
int
cli_parse_opts(int argc, char **argv, struct cli *c)
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
		case OPT_SESSION:
			n = strtol(optarg, NULL, 10);
			c->ui.session_id = n > 0 ? n : 0;
			break;
		default:
			fputs(cli_usage, stderr);
			return 2;
		}
	}
	return 0;
}

/* Loads the configuration: defaults, the file, then the command line.
 * On an error it says why and leaves nothing allocated in cfg. */
int
cli_load_config(const struct cli *c, struct config *cfg)
{
	char err[512], *path;

	config_defaults(cfg);
	if (c->config_file != NULL &&
	    config_load(cfg, c->config_file, true, err, sizeof err) != 0) {
		fprintf(stderr, "tinklas: %s\n", err);
		config_free(cfg);
		return -1;
	}
	if (c->data != NULL)
		config_set(cfg, "data", c->data);
	if (c->listen != NULL && config_set_listen(cfg, c->listen) != 0) {
		fprintf(stderr, "tinklas: bad --listen '%s' (want ADDR:PORT)\n",
		    c->listen);
		config_free(cfg);
		return -1;
	}
	/* Every process of the site keeps its errors in the data folder
	 * too, for `tinklas admin status`. */
	path = config_path(cfg, "errors.log");
	log_set_error_file(path);
	free(path);
	return 0;
}

