/* tinklas-ui: the UI process that `tinklas serve` execs for each session,
 * with the options of `tinklas ui`. A binary of its own because it links
 * no SSH library: the dynamic linker relocates every library a binary
 * names in every process, and libssh with libcrypto and Kerberos cost each
 * session about 0.6 MiB of private pages it never uses. */
#include "cli/options.h"
#include "common/config.h"
#include "common/log.h"
#include "ui/app.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

const char cli_usage[] =
    "usage: tinklas-ui ui (--account ID | --guest | --register) [--config FILE]\n"
    "           [--data DIR] [--term TERM] [--size COLSxROWS] [--lang CODE]\n"
    "           [--plain] [--utf8 yes|no] [--session ID]\n"
    "The UI process `tinklas serve` starts for each session; people use\n"
    "`tinklas console` on the server itself.\n";

int
main(int argc, char **argv)
{
	struct cli c = { .ui = { .utf8 = -1 } };
	struct config cfg;
	int rc;

	if (argc < 2 || strcmp(argv[1], "ui") != 0) {
		fputs(cli_usage, stderr);
		return 2;
	}
	if ((rc = cli_parse_opts(argc - 1, argv + 1, &c)) != 0)
		return rc;
	if (cli_load_config(&c, &cfg) != 0)
		return 1;
	log_set_prog("tinklas");
	c.ui.cfg = &cfg;
	c.ui.in_fd = STDIN_FILENO;
	c.ui.out_fd = STDOUT_FILENO;
	rc = ui_run(&c.ui);
	config_free(&cfg);
	return rc;
}
