/* `tinklas serve`: the listener. It binds the address itself, accepts,
 * applies the per-source penalties and MaxStartups-style limits before any
 * crypto (limits.c), forks one connection process per client (session.c),
 * learns from a status pipe when a client has logged in, and reaps. */
#include "server/serve.h"

#include "common/config.h"
#include "common/lockfile.h"
#include "common/log.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/db.h"
#include "core/sessions.h"
#include "server/conn.h"
#include "server/feeds.h"
#include "server/maintain.h"
#include "server/hostkey.h"
#include "server/limits.h"
#include "server/reload.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define LISTEN_BACKLOG	4096
#define STOP_WAIT_MS	10000	/* for sessions to end after SIGTERM */
#define REGISTRATION_WINDOW_MS	(3600 * 1000)	/* registrations_per_hour */

struct child {
	pid_t			 pid;
	int			 status_fd;	/* -1 once read to the end */
	bool			 authenticated;
	bool			 guest;		/* `guest` or `new` */
	bool			 exempt;	/* in penalty_exempt */
	struct source_key	 key;
	char			 addr[64];
	int			 port;
};

struct listener {
	const struct config	*cfg;		/* for the sessions to come */
	struct config		*reloaded;	/* cfg once a SIGHUP read it */
	const char		*self;
	const char		*config_file;	/* the file SIGHUP reads */
	char			*active;	/* what sessions read
						 * (server/reload.h) */
	struct feeds_proc	 feeds;		/* `tinklas feeds`, when set */
	struct maintain_proc	 upkeep;	/* `tinklas maintain`, hourly */
	int			 fd;
	char			 local[80];
	struct child		*kids;
	int			 nkids, capkids;
	struct penalty_table	 penalties;
	struct recent_table	 registrations;	/* `new` sessions */
	unsigned long		 nconn;
	int			 max_kids;	/* what the fd limit allows */
	struct source_net	*exempt;	/* penalty_exempt */
	int			 nexempt;
};

static int sig_pipe[2] = { -1, -1 };
static volatile sig_atomic_t got_stop;
static volatile sig_atomic_t got_reload;

static void	on_signal(int);
static int	data_dir_ready(const struct config *);
static int	listen_socket(struct listener *);
static void	fd_budget(struct listener *);
static void	peer_name(const struct sockaddr *, socklen_t, char *, size_t,
		    int *);
static int	count_unauth(const struct listener *, const struct source_key *,
		    int *);
static bool	admit(struct listener *, const struct source_key *,
		    const char *, int);
static bool	accept_one(struct listener *);
static void	spawn(struct listener *, int, const struct source_key *,
		    const char *, int);
static void	read_status(struct listener *, struct child *);
static void	reap(struct listener *);
static void	stop_children(struct listener *, int);
static void	reload(struct listener *);

static void
on_signal(int sig)
{
	int saved = errno;

	if (sig == SIGTERM || sig == SIGINT)
		got_stop = 1;
	if (sig == SIGHUP)
		got_reload = 1;
	if (write(sig_pipe[1], "", 1) < 0) {
		/* The pipe is full: a wake-up is already pending. */
	}
	errno = saved;
}

/* Creates the data folder (0700) when missing. Returns 0 or -1 (logged). */
static int
data_dir_ready(const struct config *cfg)
{
	struct stat st;

	if (stat(cfg->data_dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		log_error("%s is not a folder", cfg->data_dir);
		return -1;
	}
	if (mkdir(cfg->data_dir, 0700) != 0) {
		log_error("cannot create %s: %s", cfg->data_dir,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* The listener holds one status pipe per connection process, and needs a
 * few fds of its own (and one more for each accept in progress). Raises
 * the soft open-file limit to the hard one and keeps connections below
 * it, so a flood is refused cleanly instead of failing with EMFILE
 * (F3: ~1,000 idle guests used to lock everyone out at 1,024). */
static void
fd_budget(struct listener *l)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0) {
		l->max_kids = 1000;
		return;
	}
	if (rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
		getrlimit(RLIMIT_NOFILE, &rl);
	}
	l->max_kids = rl.rlim_cur > 1 << 20 ? 1 << 20 : (int)rl.rlim_cur - 32;
	if (l->max_kids < 1)
		l->max_kids = 1;
}

/* Binds and listens on cfg's address; fills l->fd and l->local ("ADDR:PORT"
 * with the port actually bound). Returns 0 or -1 (logged). */
static int
listen_socket(struct listener *l)
{
	struct addrinfo hints, *res, *ai;
	struct sockaddr_storage ss;
	socklen_t slen = sizeof ss;
	char port[16], host[64];
	int fd = -1, on = 1, rc, p;

	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	snprintf(port, sizeof port, "%d", l->cfg->port);
	rc = getaddrinfo(l->cfg->listen_addr, port, &hints, &res);
	if (rc != 0) {
		log_error("listen address %s: %s", l->cfg->listen_addr,
		    gai_strerror(rc));
		return -1;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC |
		    SOCK_NONBLOCK, 0);
		if (fd < 0)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
		    listen(fd, LISTEN_BACKLOG) == 0)
			break;
		rc = errno;
		close(fd);
		fd = -1;
		errno = rc;
	}
	freeaddrinfo(res);
	if (fd < 0) {
		log_error("cannot listen on %s port %d: %s",
		    l->cfg->listen_addr, l->cfg->port, strerror(errno));
		return -1;
	}
	getsockname(fd, (struct sockaddr *)&ss, &slen);
	peer_name((struct sockaddr *)&ss, slen, host, sizeof host, &p);
	snprintf(l->local, sizeof l->local, ss.ss_family == AF_INET6 ?
	    "[%s]:%d" : "%s:%d", host, p);
	l->fd = fd;
	return 0;
}

/* Numeric host and port of a socket address. */
static void
peer_name(const struct sockaddr *sa, socklen_t len, char *host, size_t hostsz,
    int *port)
{
	char serv[16];

	if (getnameinfo(sa, len, host, hostsz, serv, sizeof serv,
	    NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
		snprintf(host, hostsz, "?");
		snprintf(serv, sizeof serv, "0");
	}
	*port = atoi(serv);
}

/* Returns the connections not yet logged in, all and (in *from) those
 * from key's block. */
static int
count_unauth(const struct listener *l, const struct source_key *key,
    int *from)
{
	int i, all = 0;

	*from = 0;
	for (i = 0; i < l->nkids; i++) {
		if (l->kids[i].authenticated)
			continue;
		all++;
		if (source_key_equal(&l->kids[i].key, key))
			(*from)++;
	}
	return all;
}

/* The listener's gate, before any crypto: penalties, the per-source
 * limit, random early drop. Returns true to let the connection in; a
 * refusal is logged in one line. */
static bool
admit(struct listener *l, const struct source_key *key, const char *addr,
    int port)
{
	const struct config *cfg = l->cfg;
	int all, from, left;

	if (!source_nets_match(l->exempt, l->nexempt, addr) &&
	    penalty_refused(&l->penalties, key, conn_now_ms(), &left)) {
		log_info("drop connection #%lu from [%s]:%d on %s penalty: "
		    "%d s left", l->nconn, addr, port, l->local, left);
		return false;
	}
	if (l->nkids >= l->max_kids) {
		log_info("drop connection #%lu from [%s]:%d on %s: %d "
		    "connections open, the most the open-file limit allows",
		    l->nconn, addr, port, l->local, l->nkids);
		return false;
	}
	all = count_unauth(l, key, &from);
	if (from >= cfg->per_source_max) {
		log_info("drop connection #%lu from [%s]:%d on %s past "
		    "per-source limit (%d unauthenticated)", l->nconn, addr,
		    port, l->local, from);
		return false;
	}
	if (startups_drop(all, cfg->startups_begin, cfg->startups_rate,
	    cfg->startups_full, arc4random_uniform(100))) {
		log_info("drop connection #%lu from [%s]:%d on %s past "
		    "MaxStartups (%d unauthenticated)", l->nconn, addr, port,
		    l->local, all);
		return false;
	}
	return true;
}

/* Accepts one client and admits or refuses it. Returns false when there
 * was nobody waiting. */
static bool
accept_one(struct listener *l)
{
	struct sockaddr_storage ss;
	socklen_t slen = sizeof ss;
	struct source_key key;
	char addr[64];
	int fd, port;

	fd = accept4(l->fd, (struct sockaddr *)&ss, &slen, SOCK_CLOEXEC);
	if (fd < 0) {
		if (errno != EAGAIN && errno != EINTR &&
		    errno != ECONNABORTED)
			log_error("accept: %s", strerror(errno));
		if (errno == EMFILE || errno == ENFILE)
			usleep(100 * 1000);	/* do not spin */
		return false;
	}
	l->nconn++;
	peer_name((struct sockaddr *)&ss, slen, addr, sizeof addr, &port);
	if (source_key_from_sockaddr((struct sockaddr *)&ss, &key) != 0 ||
	    !admit(l, &key, addr, port)) {
		close(fd);
		return true;
	}
	spawn(l, fd, &key, addr, port);
	return true;
}

/* Forks the connection process for fd. */
static void
spawn(struct listener *l, int fd, const struct source_key *key,
    const char *addr, int port)
{
	struct conn_counts counts = { 0 };
	struct child *k;
	int sp[2], i;
	pid_t pid;

	for (i = 0; i < l->nkids; i++)
		if (l->kids[i].guest) {
			counts.guests_all++;
			if (source_key_equal(&l->kids[i].key, key))
				counts.guests_from++;
		}
	counts.registrations_from = recent_count(&l->registrations, key,
	    conn_now_ms(), REGISTRATION_WINDOW_MS);
	if (pipe2(sp, O_CLOEXEC) != 0) {
		log_error("pipe: %s", strerror(errno));
		close(fd);
		return;
	}
	if ((pid = fork()) < 0) {
		log_error("fork: %s", strerror(errno));
		close(sp[0]);
		close(sp[1]);
		close(fd);
		return;
	}
	if (pid == 0) {
		close(l->fd);
		close(sig_pipe[0]);
		close(sig_pipe[1]);
		sig_pipe[0] = sig_pipe[1] = -1;
		close(sp[0]);
		for (i = 0; i < l->nkids; i++)
			if (l->kids[i].status_fd >= 0)
				close(l->kids[i].status_fd);
		conn_main(l->cfg, l->self, l->active, fd, sp[1], addr,
		    port, &counts);
	}
	close(fd);
	close(sp[1]);
	fcntl(sp[0], F_SETFL, O_NONBLOCK);
	if (l->nkids == l->capkids) {
		l->capkids = l->capkids == 0 ? 64 : l->capkids * 2;
		l->kids = xrealloc(l->kids, l->capkids * sizeof *l->kids);
	}
	k = &l->kids[l->nkids++];
	memset(k, 0, sizeof *k);
	k->pid = pid;
	k->status_fd = sp[0];
	k->key = *key;
	k->exempt = source_nets_match(l->exempt, l->nexempt, addr);
	snprintf(k->addr, sizeof k->addr, "%s", addr);
	k->port = port;
	log_info("Connection from %s port %d on %s (pid %ld)", addr, port,
	    l->local, (long)pid);
}

/* Reads what a connection process said: 'A', 'G' or 'R' once it
 * authenticated; a registration session is remembered for the rate. */
static void
read_status(struct listener *l, struct child *k)
{
	char buf[16];
	ssize_t n, i;

	while (k->status_fd >= 0) {
		n = read(k->status_fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n <= 0) {
			close(k->status_fd);
			k->status_fd = -1;
			return;
		}
		for (i = 0; i < n; i++) {
			if (buf[i] != CONN_STATUS_AUTH &&
			    buf[i] != CONN_STATUS_GUEST &&
			    buf[i] != CONN_STATUS_REGISTER)
				continue;
			k->authenticated = true;
			k->guest = buf[i] != CONN_STATUS_AUTH;
			if (buf[i] == CONN_STATUS_REGISTER)
				recent_add(&l->registrations, &k->key,
				    conn_now_ms());
		}
	}
}

/* Collects every finished connection process and applies its penalty. */
static void
reap(struct listener *l)
{
	enum penalty_kind kind;
	struct child *k;
	int status, i, secs;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		if (feeds_proc_reaped(&l->feeds, pid, status, got_stop != 0,
		    conn_now_ms()) || maintain_proc_reaped(&l->upkeep, pid, status))
			continue;
		for (i = 0; i < l->nkids && l->kids[i].pid != pid; i++)
			;
		if (i == l->nkids)
			continue;
		k = &l->kids[i];
		read_status(l, k);
		if (k->status_fd >= 0)
			close(k->status_fd);
		kind = penalty_for_status(status, k->authenticated);
		if (kind == PENALTY_CRASH)
			log_error("connection process %ld for %s port %d "
			    "crashed (signal %d)", (long)pid, k->addr, k->port,
			    WTERMSIG(status));
		if (kind != PENALTY_NONE && !got_stop && !k->exempt) {
			secs = penalty_add(&l->penalties, &k->key, kind,
			    conn_now_ms());
			log_info("penalty %s for %s, now %d s", penalty_name(kind),
			    k->addr, secs);
		}
		l->kids[i] = l->kids[--l->nkids];
	}
}

/* Sends sig to every connection process. */
static void
stop_children(struct listener *l, int sig)
{
	int i;

	for (i = 0; i < l->nkids; i++)
		kill(l->kids[i].pid, sig);
	if (l->feeds.pid > 0)
		kill(l->feeds.pid, sig);
	if (l->upkeep.pid > 0)
		kill(l->upkeep.pid, sig);
}

/* SIGHUP: the config file read again (server/reload.c). When it passes,
 * connections from now on get its settings and the listener's own limits
 * follow it; live sessions, forked with the old ones, keep theirs. */
static void
reload(struct listener *l)
{
	struct source_net *exempt;
	struct config *next;
	int nexempt;

	if ((next = reload_config(l->cfg, l->config_file, l->active,
	    l->local)) == NULL)
		return;
	/* reload_config refused a list that does not parse. */
	nexempt = source_nets_parse(next->penalty_exempt, &exempt);
	assert(nexempt >= 0);
	free(l->exempt);
	l->exempt = exempt;
	l->nexempt = nexempt;
	penalty_settings(&l->penalties, next);
	if (l->reloaded != NULL) {
		config_free(l->reloaded);
		free(l->reloaded);
	}
	l->cfg = l->reloaded = next;
}

int
serve_main(const struct config *cfg, const char *self, const char *config_file)
{
	struct listener l;
	struct sigaction sa;
	struct pollfd *pfd = NULL;
	struct db *db;
	const char *dict;
	char fp[80], err[256], *path;
	int64_t stop_at = 0;
	int i, n, npfd, rc, wait_ms, up_ms, lock_fd;

	umask(077);	/* the database, its WAL and the host key stay private */
	memset(&l, 0, sizeof l);
	l.cfg = cfg;
	l.self = self;
	l.config_file = config_file;
	l.fd = -1;
	penalty_init(&l.penalties, cfg);

	if ((l.nexempt = source_nets_parse(cfg->penalty_exempt,
	    &l.exempt)) < 0) {
		log_error("penalty_exempt: not a list of addresses and "
		    "ADDR/BITS blocks: %s", cfg->penalty_exempt);
		return 1;
	}
	if (data_dir_ready(cfg) != 0)
		return 1;
	/* Held until the listener ends: `tinklas admin restore` refuses
	 * while it is, and a second server on the same data folder too. */
	path = config_path(cfg, "serve.lock");
	if ((lock_fd = lockfile_take(path)) < 0 && errno == EAGAIN) {
		log_error("another tinklas serve uses the data folder %s",
		    cfg->data_dir);
		free(path);
		return 1;
	}
	/* A read-only folder serves readers (F9); restore then cannot tell
	 * that a server runs, so say so. */
	if (lock_fd < 0)
		log_error("warning: %s: %s; `tinklas admin restore` cannot "
		    "see that this server runs", path, strerror(errno));
	free(path);
	path = config_path(cfg, "host_ed25519_key");
	rc = hostkey_ensure(path, fp, sizeof fp, err, sizeof err);
	free(path);
	if (rc != 0) {
		log_error("%s", err);
		return 1;
	}
	/* Create and migrate the database once, before any fork; each
	 * process opens its own handle later. */
	path = config_path(cfg, "tinklas.db");
	rc = db_open(path, &db, err, sizeof err);
	if (rc != 0) {
		log_error("database: %s", err);
		free(path);
		return 1;
	}
	/* The server owns the live sessions: the rows a crashed server left
	 * behind go, but for connection processes that outlived it (they
	 * still serve their clients). */
	if ((rc = session_recover(db)) < 0)
		log_error("warning: the sessions left from before could not "
		    "be checked");
	else if (rc > 0)
		log_info("Sessions of an earlier server still open: %d", rc);
	db_close(db);
	/* Readable but not writable: members could not log in (their
	 * sessions cannot be recorded); say so now, not at each login (F9). */
	if (access(path, W_OK) != 0 || access(cfg->data_dir, W_OK) != 0)
		log_error("warning: the database %s or its folder is not "
		    "writable: %s; members cannot log in until it is", path,
		    strerror(errno));
	free(path);
	if ((dict = account_password_setup_problem()) != NULL)
		fprintf(stderr, "tinklas: warning: the password dictionary %s "
		    "is missing; install the Debian package cracklib-runtime "
		    "(passwords are checked without it until then)\n", dict);
	if (listen_socket(&l) != 0)
		return 1;
	fd_budget(&l);
	printf("Host key fingerprint: %s\nListening on %s\n", fp, l.local);
	fflush(stdout);
	log_info("Server listening on %s", l.local);
	l.active = reload_start(cfg, config_file);
	feeds_proc_start(&l.feeds, cfg, self, l.active, conn_now_ms());

	if (pipe2(sig_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
		log_error("pipe: %s", strerror(errno));
		return 1;
	}
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);

	for (;;) {
		npfd = 2 + l.nkids;
		pfd = xrealloc(pfd, npfd * sizeof *pfd);
		pfd[0] = (struct pollfd){ .fd = sig_pipe[0], .events = POLLIN };
		pfd[1] = (struct pollfd){ .fd = l.fd, .events = POLLIN };
		for (i = 0; i < l.nkids; i++)
			pfd[2 + i] = (struct pollfd){
			    .fd = l.kids[i].status_fd, .events = POLLIN };
		wait_ms = feeds_proc_tick(&l.feeds, l.cfg, self, l.active,
		    conn_now_ms());
		if (stop_at == 0 && (up_ms = maintain_proc_tick(&l.upkeep,
		    l.cfg, self, l.active, conn_now_ms())) >= 0 &&
		    (wait_ms < 0 || up_ms < wait_ms))
			wait_ms = up_ms;
		if (stop_at != 0)
			wait_ms = 200;
		n = poll(pfd, npfd, wait_ms);
		if (n < 0 && errno != EINTR) {
			log_error("poll: %s", strerror(errno));
			break;
		}
		if (n > 0 && (pfd[0].revents & POLLIN))
			while (read(sig_pipe[0], err, sizeof err) > 0)
				;
		/* Status first, so a child that logged in and then ended
		 * is judged as authenticated. */
		for (i = 0; n > 0 && i < l.nkids; i++)
			if (pfd[2 + i].revents != 0)
				read_status(&l, &l.kids[i]);
		reap(&l);
		if (got_reload && stop_at == 0) {
			got_reload = 0;
			reload(&l);
		}
		if (got_stop && stop_at == 0) {
			log_info("Received signal; closing the listener and "
			    "ending %d sessions", l.nkids);
			close(l.fd);
			l.fd = -1;
			stop_children(&l, SIGTERM);
			stop_at = conn_now_ms() + STOP_WAIT_MS;
		}
		if (stop_at != 0) {
			if (l.nkids == 0 && l.feeds.pid == 0 &&
			    l.upkeep.pid == 0)
				break;
			if (conn_now_ms() > stop_at) {
				stop_children(&l, SIGKILL);
				stop_at = conn_now_ms() + 1000;
			}
			continue;
		}
		if (n > 0 && (pfd[1].revents & POLLIN))
			for (i = 0; i < 16 && accept_one(&l); i++)
				;	/* a burst, then status and reaping */
	}
	free(pfd);
	free(l.kids);
	penalty_free(&l.penalties);
	recent_free(&l.registrations);
	free(l.exempt);
	free(l.active);
	if (l.reloaded != NULL) {
		config_free(l.reloaded);
		free(l.reloaded);
	}
	close(sig_pipe[0]);
	close(sig_pipe[1]);
	if (lock_fd >= 0)
		close(lock_fd);
	log_info("Server stopped");
	return 0;
}
