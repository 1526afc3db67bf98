/* The processes a connection starts: the UI (`tinklas ui ...`) and exec
 * commands (`tinklas exec ... NAME`), each exec'd fresh on the pty slave
 * (or one end of a socketpair for sessions without a pty), so neither
 * ever holds the host key or the session keys. They receive only the
 * account, the language and (the UI) terminal type and size, or (exec)
 * the command, in argv and a clean environment, with resource limits. */
#include "server/conn.h"

#include "common/config.h"
#include "common/log.h"
#include "common/xalloc.h"
#include "core/sessions.h"
#include "i18n/i18n.h"
#include "server/uiargs.h"

#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utmp.h>

static void	uiproc_limits(const struct config *);
static int	uiproc_spawn(struct conn *, const struct ui_args *);
static void	uiproc_args(struct conn *, struct ui_args *);
static void	uiproc_child(struct conn *, const char *, int, char **,
		    char **)
		    __attribute__((noreturn));

/* Address space, CPU, open files, no core files (a core would hold what
 * the person typed). */
static void
uiproc_limits(const struct config *cfg)
{
	struct rlimit rl;

#ifndef __SANITIZE_ADDRESS__
	/* ASan reserves terabytes of shadow memory; only its builds skip. */
	if (cfg->ui_max_memory_mb > 0) {
		rl.rlim_cur = rl.rlim_max = (rlim_t)cfg->ui_max_memory_mb << 20;
		setrlimit(RLIMIT_AS, &rl);
	}
#endif
	if (cfg->ui_max_cpu_seconds > 0) {
		rl.rlim_cur = rl.rlim_max = (rlim_t)cfg->ui_max_cpu_seconds;
		setrlimit(RLIMIT_CPU, &rl);
	}
	rl.rlim_cur = rl.rlim_max = 64;
	setrlimit(RLIMIT_NOFILE, &rl);
	rl.rlim_cur = rl.rlim_max = 0;
	setrlimit(RLIMIT_CORE, &rl);
}

/* In the forked child: the terminal on 0 and 1, the server's log on 2,
 * nothing else open, default signals, limits, exec. */
static void
uiproc_child(struct conn *c, const char *path, int slave, char **argv,
    char **envp)
{
	struct sigaction sa;
	sigset_t none;
	int saved_err, sig;

	saved_err = fcntl(STDERR_FILENO, F_DUPFD, 3);
	if (c->pty) {
		/* setsid + controlling tty, so TIOCSWINSZ sends SIGWINCH. */
		if (login_tty(slave) != 0)
			_exit(127);
	} else {
		setsid();
		if (dup2(slave, STDIN_FILENO) < 0 ||
		    dup2(slave, STDOUT_FILENO) < 0)
			_exit(127);
	}
	if (saved_err >= 0) {
		dup2(saved_err, STDERR_FILENO);
		close(saved_err);
	}
	close_range(3, ~0U, 0);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	for (sig = 1; sig < NSIG; sig++)
		sigaction(sig, &sa, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	uiproc_limits(c->cfg);
	execve(path, argv, envp);
	dprintf(STDERR_FILENO, "tinklas: exec %s: %s\n", path,
	    strerror(errno));
	_exit(127);
}

/* Forks and execs self with a's argv and environment on a new pty (when
 * the client asked for one) or a socketpair; c->master is our end. */
static int
uiproc_spawn(struct conn *c, const struct ui_args *a)
{
	struct winsize ws = { .ws_col = c->cols, .ws_row = c->rows };
	char **argv, **envp, *path;
	int sv[2], master, slave;
	pid_t pid;

	if (c->pty) {
		if (openpty(&master, &slave, NULL, NULL, &ws) != 0) {
			log_error("openpty: %s", strerror(errno));
			return -1;
		}
	} else {
		if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
			log_error("socketpair: %s", strerror(errno));
			return -1;
		}
		master = sv[0];
		slave = sv[1];
	}
	/* The UI runs from tinklas-ui, which links no SSH library: every
	 * session then spares libssh's and libcrypto's relocated pages
	 * (about 0.6 MiB each); exec commands run from tinklas itself. */
	path = a->command != NULL ? xstrdup(c->self) :
	    xasprintf("%s-ui", c->self);
	argv = ui_args_argv(path, a);
	envp = ui_args_envp(a);
	if ((pid = fork()) < 0) {
		log_error("fork: %s", strerror(errno));
		ui_args_free(argv);
		ui_args_free(envp);
		free(path);
		close(master);
		close(slave);
		return -1;
	}
	if (pid == 0) {
		close(master);
		uiproc_child(c, path, slave, argv, envp);
	}
	free(path);
	ui_args_free(argv);
	ui_args_free(envp);
	close(slave);
	fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
	fcntl(master, F_SETFD, FD_CLOEXEC);
	c->master = master;
	c->ui_pid = pid;
	c->started = true;
	return 0;
}

/* Who, where and in which language: what both kinds of process get. */
static void
uiproc_args(struct conn *c, struct ui_args *a)
{
	memset(a, 0, sizeof *a);
	a->config_file = c->config_file;
	a->data_dir = c->cfg->data_dir;
	a->who = c->who == WHO_MEMBER ? UI_ARGS_ACCOUNT :
	    c->who == WHO_GUEST ? UI_ARGS_GUEST : UI_ARGS_REGISTER;
	a->account_id = c->account_id;
	a->lang = i18n_negotiate(c->env_language, c->env_lc_all,
	    c->env_lc_messages, c->env_lang, c->cfg->default_lang);
}

int
uiproc_start(struct conn *c)
{
	struct ui_args a;
	const char *loc;

	uiproc_args(c, &a);
	a.term = c->pty ? c->term : "dumb";
	a.plain = !c->pty || strcmp(c->term, "dumb") == 0;
	a.cols = c->pty ? c->cols : 0;
	a.rows = c->pty ? c->rows : 0;
	a.no_color = c->env_no_color;
	/* LC_ALL overrides LANG; a codeset, C or POSIX says (else probe). */
	loc = c->env_lc_all != NULL && *c->env_lc_all != '\0' ?
	    c->env_lc_all : c->env_lang;
	a.utf8 = i18n_locale_utf8(loc);
	a.session_id = conn_db(c) != NULL ?
	    session_id_of(c->db, getpid()) : 0;
	if (uiproc_spawn(c, &a) != 0)
		return -1;
	log_info("UI for %s from %s port %d: pid %ld, %s, %dx%d, %s%s",
	    c->user, c->addr, c->port, (long)c->ui_pid, a.term, a.cols,
	    a.rows, a.lang, a.plain ? ", plain" : "");
	return 0;
}

int
uiproc_exec(struct conn *c, const char *command)
{
	struct ui_args a;

	uiproc_args(c, &a);
	a.term = "dumb";	/* plain text: no terminal to describe */
	a.utf8 = -1;
	a.command = command;
	if (uiproc_spawn(c, &a) != 0)
		return -1;
	log_info("Exec %s for %s from %s port %d: pid %ld, %s", command,
	    c->user, c->addr, c->port, (long)c->ui_pid, a.lang);
	return 0;
}
