/* The command line of `tinklas` and of `tinklas-ui` (the UI process the
 * server execs): options, and the configuration they select. */
#ifndef TINKLAS_CLI_OPTIONS_H
#define TINKLAS_CLI_OPTIONS_H

#include "ui/app.h"

#include <stdbool.h>

struct config;

struct cli {
	const char	*config_file;
	const char	*listen;
	const char	*data;
	const char	*user;
	bool		 help;
	struct ui_params ui;
};

/* The usage text, printed on a usage error. */
extern const char cli_usage[];

/* Parses options up to the first non-option word (for admin: its command).
 * Returns 0, or 2 after printing a usage error. */
int cli_parse_opts(int argc, char **argv, struct cli *c);
/* Loads the configuration: defaults, the file, then the command line.
 * Returns 0 or -1 after printing why. */
int cli_load_config(const struct cli *c, struct config *cfg);

#endif
