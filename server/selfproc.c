/* Starting this program again for the listener (see selfproc.h). */
#include "server/selfproc.h"

#include "common/config.h"

#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <unistd.h>

pid_t
self_fork(void)
{
	fflush(stdout);
	return fork();
}

void
self_exec(const struct config *cfg, const char *self, const char *config_file,
    const char *subcommand)
{
	char *argv[8];
	sigset_t none;
	int n = 0;

	prctl(PR_SET_PDEATHSIG, SIGTERM);
	closefrom(STDERR_FILENO + 1);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	argv[n++] = (char *)self;
	argv[n++] = (char *)subcommand;
	if (config_file != NULL) {
		argv[n++] = "--config";
		argv[n++] = (char *)config_file;
	}
	argv[n++] = "--data";
	argv[n++] = cfg->data_dir;
	argv[n] = NULL;
	execv(self, argv);
	_exit(127);
}
