/* The connection process: forked by the listener for one client before any
 * crypto. Key exchange, then the event loop that drives authentication
 * (auth.c) and the session channel (channel.c). */
#include "server/conn.h"

#include "common/config.h"
#include "common/log.h"
#include "common/xalloc.h"
#include "core/db.h"
#include "core/sessions.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* Algorithms that ssh-audit accepts, strongest first. No NIST curves, no
 * SHA-1, no CBC; AES-GCM first (hardware AES everywhere). */
#define KEX_ALGOS	"curve25519-sha256,curve25519-sha256@libssh.org," \
			"diffie-hellman-group18-sha512," \
			"diffie-hellman-group16-sha512"
#define CIPHER_ALGOS	"aes256-gcm@openssh.com,aes128-gcm@openssh.com," \
			"chacha20-poly1305@openssh.com,aes256-ctr,aes128-ctr"
#define MAC_ALGOS	"hmac-sha2-256-etm@openssh.com," \
			"hmac-sha2-512-etm@openssh.com"
#define HOSTKEY_ALGOS	"ssh-ed25519"
#define BANNER		"Tinklas"

volatile sig_atomic_t conn_stop;
volatile sig_atomic_t conn_ended;
/* libssh's poll retries on EINTR, so a signal wakes the loop through
 * this pipe instead. */
static int wake_pipe[2] = { -1, -1 };

static void	conn_on_stop(int);
static void	conn_on_ended(int);
static int	conn_wake(socket_t, int, void *);
static void	conn_on_alarm(int);
static void	conn_signals(void);
static void	conn_socket_options(const struct config *, int);
static bool	conn_keepalive(struct conn *);
static int	conn_wait_ms(struct conn *);
static ssh_bind	conn_bind(const struct config *);
static int	conn_key_exchange(struct conn *, int64_t);
static void	conn_finish(struct conn *, int) __attribute__((noreturn));

static void
conn_on_stop(int sig)
{
	int saved = errno;

	(void)sig;
	conn_stop = 1;
	if (write(wake_pipe[1], "", 1) < 0) {
		/* Full: a wake-up is pending already. */
	}
	errno = saved;
}

/* Ended by a moderator: stops as SIGTERM does, and says why at the end. */
static void
conn_on_ended(int sig)
{
	conn_ended = 1;
	conn_on_stop(sig);
}

/* Drains the wake-up pipe; the main loop then sees conn_stop. */
static int
conn_wake(socket_t fd, int revents, void *userdata)
{
	char buf[16];

	(void)revents;
	(void)userdata;
	while (read(fd, buf, sizeof buf) > 0)
		;
	return 0;
}

/* The backstop behind the login deadline of the event loop: a process
 * stuck past it ends with the grace status. */
static void
conn_on_alarm(int sig)
{
	(void)sig;
	_exit(CONN_EXIT_GRACE);
}

static void
conn_signals(void)
{
	struct sigaction sa;
	sigset_t none;

	if (pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
		_exit(CONN_EXIT_ERROR);
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	/* SIG_DFL, never SIG_IGN: the UI's exit status must reach waitpid. */
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sa.sa_handler = conn_on_stop;	/* no SA_RESTART: poll wakes up */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);	/* ^C at the listener's terminal */
	sa.sa_handler = conn_on_ended;
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_handler = conn_on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

/* Keepalives and bounded send stalls on a blocking socket (libssh treats
 * EAGAIN from send as fatal, so the socket stays blocking). A peer that is
 * gone (a laptop gone to sleep) stops acknowledging: the server's SSH
 * keepalives (conn_keepalive) then sit unacknowledged and TCP_USER_TIMEOUT
 * ends the connection after interval x count seconds; TCP keepalives do
 * the same before login. With the defaults (15 s x 4) a dead session stops
 * counting toward the account's limit within about a minute. */
static void
conn_socket_options(const struct config *cfg, int fd)
{
	struct timeval tv = { .tv_sec = 60 };
	int on = 1, idle = cfg->alive_interval, intvl = cfg->alive_interval,
	    cnt = cfg->alive_count_max;
	unsigned int user_timeout = (unsigned int)cfg->alive_interval *
	    (unsigned int)cfg->alive_count_max * 1000;

	setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
	setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
	setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &intvl, sizeof intvl);
	setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &cnt, sizeof cnt);
	setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &user_timeout,
	    sizeof user_timeout);
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

/* Sends keepalive@openssh.com (want_reply) every alive_interval once
 * logged in, as OpenSSH's ClientAliveInterval, and returns false when the
 * client has sent nothing for alive_interval x alive_count_max seconds:
 * every live client answers each keepalive, so silence that long means it
 * is gone (asleep, or its network) even while its kernel still
 * acknowledges. libssh 0.10 does not show whether the answer came, so the
 * kernel's time since the last data from the peer (TCP_INFO) tells. The
 * request goes out non-blocking: libssh would otherwise wait for the
 * answer, up to the session timeout. */
static bool
conn_keepalive(struct conn *c)
{
	struct tcp_info ti;
	socklen_t len = sizeof ti;
	int64_t now = conn_now_ms();
	uint32_t limit_ms = (uint32_t)c->cfg->alive_interval *
	    (uint32_t)c->cfg->alive_count_max * 1000;

	if (now < c->alive_at_ms)
		return true;
	c->alive_at_ms = now + (int64_t)c->cfg->alive_interval * 1000;
	if (getsockopt(c->fd, IPPROTO_TCP, TCP_INFO, &ti, &len) == 0 &&
	    ti.tcpi_last_data_recv > limit_ms) {
		log_info("Timeout, client not responding from %s (%s port %d)",
		    c->user, c->addr, c->port);
		return false;
	}
	ssh_set_blocking(c->session, 0);
	ssh_send_keepalive(c->session);
	ssh_set_blocking(c->session, 1);
	return true;
}

/* Returns a bind object carrying the host key, banner and algorithms, or
 * NULL (logged). */
static ssh_bind
conn_bind(const struct config *cfg)
{
	ssh_bind b = ssh_bind_new();
	char *key = config_path(cfg, "host_ed25519_key");
	bool no = false;
	int rc = 0, e;

	if (b == NULL) {
		free(key);
		return NULL;
	}
	/* First, or the bind parses /etc/ssh/libssh_server_config. */
	rc |= ssh_bind_options_set(b, SSH_BIND_OPTIONS_PROCESS_CONFIG, &no);
	if (ssh_bind_options_set(b, SSH_BIND_OPTIONS_HOSTKEY, key) != 0) {
		/* libssh often gives no reason here: say what the file is
		 * (F9: a vanished data folder logged an empty reason). */
		e = access(key, R_OK) != 0 ? errno : 0;
		log_error("cannot load the host key %s: %s", key,
		    e != 0 ? strerror(e) : *ssh_get_error(b) != '\0' ?
		    ssh_get_error(b) : "not a usable ed25519 key");
		free(key);
		ssh_bind_free(b);
		return NULL;
	}
	rc |= ssh_bind_options_set(b, SSH_BIND_OPTIONS_BANNER, BANNER);
	rc |= ssh_bind_options_set(b, SSH_BIND_OPTIONS_KEY_EXCHANGE, KEX_ALGOS);
	rc |= ssh_bind_options_set(b, SSH_BIND_OPTIONS_CIPHERS_C_S, CIPHER_ALGOS);
	rc |= ssh_bind_options_set(b, SSH_BIND_OPTIONS_CIPHERS_S_C, CIPHER_ALGOS);
	rc |= ssh_bind_options_set(b, SSH_BIND_OPTIONS_HMAC_C_S, MAC_ALGOS);
	rc |= ssh_bind_options_set(b, SSH_BIND_OPTIONS_HMAC_S_C, MAC_ALGOS);
	rc |= ssh_bind_options_set(b, SSH_BIND_OPTIONS_HOSTKEY_ALGORITHMS,
	    HOSTKEY_ALGOS);
	free(key);
	if (rc != 0) {
		log_error("cannot set up SSH: %s", ssh_get_error(b));
		ssh_bind_free(b);
		return NULL;
	}
	return b;
}

/* Opened on first need, never before the client's NEWKEYS, so a flood of
 * half-open connections never reaches the database. That first need can
 * come inside ssh_handle_key_exchange: a client may pipeline its auth
 * request right behind NEWKEYS, and libssh then runs the auth callbacks
 * before conn_key_exchange returns (F2). */
struct db *
conn_db(struct conn *c)
{
	char err[256], *path;
	int rc;

	if (c->db != NULL || c->db_failed)
		return c->db;
	path = config_path(c->cfg, "tinklas.db");
	rc = db_open(path, &c->db, err, sizeof err);
	free(path);
	if (rc != 0) {
		log_error("database: %s", err);
		c->db = NULL;
		c->db_failed = true;
	}
	return c->db;
}

int64_t
conn_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Runs the key exchange without blocking, re-arming TCP_QUICKACK before
 * each wait so the client's Nagle delay does not add ~40 ms. Returns 0, or
 * a CONN_EXIT_ status. */
static int
conn_key_exchange(struct conn *c, int64_t deadline)
{
	struct pollfd pfd = { .fd = c->fd, .events = POLLIN };
	char err[512];
	int64_t silent;
	int on = 1, rc, left;
	bool heard;

	/* A client that has sent nothing at all gets silent_grace, much less
	 * than one that is negotiating: otherwise ~60 silent TCP connections
	 * hold every MaxStartups slot for the whole grace time (F7). The
	 * first look is before libssh reads anything. */
	silent = conn_now_ms() + (int64_t)c->cfg->silent_grace * 1000;
	if (silent > deadline)
		silent = deadline;
	heard = poll(&pfd, 1, 0) > 0;
	ssh_set_blocking(c->session, 0);
	for (;;) {
		rc = ssh_handle_key_exchange(c->session);
		if (rc == SSH_OK)
			break;
		if (rc == SSH_ERROR) {
			/* libssh's text quotes the client (its banner, name
			 * lists, disconnect message): escaped (F1). */
			log_info("Key exchange with %s port %d failed: %s "
			    "[preauth]", c->addr, c->port,
			    log_escape(ssh_get_error(c->session), err,
			    sizeof err));
			return CONN_EXIT_NOAUTH;
		}
		if (conn_stop)
			return CONN_EXIT_ERROR;
		if ((left = (int)((heard ? deadline : silent) -
		    conn_now_ms())) <= 0) {
			if (!heard)
				log_info("Timeout before authentication for "
				    "%s port %d: nothing sent within %d s",
				    c->addr, c->port, c->cfg->silent_grace);
			return CONN_EXIT_GRACE;
		}
		setsockopt(c->fd, IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
		if (poll(&pfd, 1, left) < 0 && errno != EINTR)
			return CONN_EXIT_NOAUTH;
		if (pfd.revents != 0)
			heard = true;
	}
	ssh_set_blocking(c->session, 1);
	return 0;
}

/* How long the logged-in event loop may wait: until the next keepalive,
 * shorter while ending, and never past shell_wait for a connection that
 * has not started a shell or command (F3: authenticated guests used to
 * wait for ever). Returns -1 once that time is over. */
static int
conn_wait_ms(struct conn *c)
{
	int64_t now = conn_now_ms(), left;
	int ms = c->cfg->alive_interval * 1000;

	if (c->alive_at_ms == 0)
		c->alive_at_ms = now + ms;
	if (c->hup_sent || c->closing)
		return 250;
	if (!c->started) {
		left = c->authenticated_ms + (int64_t)c->cfg->shell_wait * 1000 -
		    now;
		if (left <= 0)
			return -1;
		if (left < ms)
			ms = (int)left;
	}
	left = c->alive_at_ms - now;
	return left < 0 ? 0 : left < ms ? (int)left : ms;
}

/* Closes everything and exits with status. */
static void
conn_finish(struct conn *c, int status)
{
	channel_cleanup(c);
	if (c->db != NULL) {
		/* Whoever logged in may have a row (a guest's too); a
		 * refused one has none, and removing none is harmless. */
		if (c->authenticated)
			session_end(c->db, getpid());
		db_close(c->db);
	}
	if (c->event != NULL)
		ssh_event_free(c->event);
	if (c->session != NULL) {
		if (ssh_is_connected(c->session))
			ssh_disconnect(c->session);
		ssh_free(c->session);
	}
	free(c->env_lang);
	free(c->env_lc_all);
	free(c->env_lc_messages);
	free(c->env_language);
	free(c->exec_command);
	_exit(status);
}

void
conn_main(const struct config *cfg, const char *self, const char *config_file,
    int fd, int status_fd, const char *addr, int port,
    const struct conn_counts *counts)
{
	struct conn c;
	ssh_bind b;
	int64_t deadline;
	char err[256];
	int rc, timeout;
	bool told = false;

	memset(&c, 0, sizeof c);
	c.cfg = cfg;
	c.self = self;
	c.config_file = config_file;
	c.fd = fd;
	c.status_fd = status_fd;
	c.master = -1;
	snprintf(c.addr, sizeof c.addr, "%s", addr);
	c.port = port;
	c.guests_from = counts->guests_from;
	c.guests_all = counts->guests_all;
	c.registrations_from = counts->registrations_from;

	conn_signals();
	deadline = conn_now_ms() + (int64_t)cfg->login_grace * 1000;
	alarm(cfg->login_grace + 10);
	conn_socket_options(cfg, fd);

	if ((b = conn_bind(cfg)) == NULL || (c.session = ssh_new()) == NULL) {
		close(fd);
		conn_finish(&c, CONN_EXIT_ERROR);
	}
	timeout = cfg->login_grace;
	ssh_options_set(c.session, SSH_OPTIONS_TIMEOUT, &timeout);
	if (ssh_bind_accept_fd(b, c.session, fd) != SSH_OK) {
		log_error("accept from %s port %d: %s", addr, port,
		    log_escape(ssh_get_error(b), err, sizeof err));
		ssh_bind_free(b);
		conn_finish(&c, CONN_EXIT_ERROR);
	}
	ssh_bind_free(b);
	auth_setup(&c);
	if ((rc = conn_key_exchange(&c, deadline)) != 0) {
		if (rc == CONN_EXIT_GRACE)
			log_info("Timeout before authentication for %s port %d",
			    addr, port);
		conn_finish(&c, rc);
	}
	if (conn_db(&c) == NULL)
		conn_finish(&c, CONN_EXIT_ERROR);

	c.event = ssh_event_new();
	ssh_event_add_session(c.event, c.session);
	ssh_event_add_fd(c.event, wake_pipe[0], POLLIN, conn_wake, NULL);
	for (;;) {
		if (!c.authenticated) {
			timeout = (int)(deadline - conn_now_ms());
			if (timeout <= 0) {
				log_info("Timeout before authentication for "
				    "%s port %d", addr, port);
				conn_finish(&c, CONN_EXIT_GRACE);
			}
		} else if ((timeout = conn_wait_ms(&c)) < 0) {
			log_info("No shell or command from %s (%s port %d) "
			    "within %d s", c.user, addr, port, cfg->shell_wait);
			conn_finish(&c, CONN_EXIT_REFUSED);
		}
		rc = ssh_event_dopoll(c.event, timeout);
		if (c.authenticated && !conn_keepalive(&c))
			break;
		if (rc == SSH_ERROR && errno != EINTR)
			break;
		if (c.too_many) {
			ssh_disconnect(c.session);
			conn_finish(&c, CONN_EXIT_AUTHFAIL);
		}
		if (c.authenticated && !told) {
			told = true;
			alarm(0);
			if (write(c.status_fd, (char[]){ c.who == WHO_MEMBER ?
			    CONN_STATUS_AUTH : c.who == WHO_GUEST ?
			    CONN_STATUS_GUEST : CONN_STATUS_REGISTER }, 1) < 0)
				log_error("status pipe: %s", strerror(errno));
		}
		if (!c.authenticated && conn_stop)
			conn_finish(&c, CONN_EXIT_ERROR);
		if (!channel_tick(&c))
			break;
		if (!ssh_is_connected(c.session) ||
		    (ssh_get_status(c.session) & (SSH_CLOSED | SSH_CLOSED_ERROR)))
			break;
	}
	if (!c.authenticated)
		conn_finish(&c, auth_exit_status(&c));
	conn_finish(&c, c.session_refused || c.suspended || c.guest_refused ||
	    c.register_refused ? CONN_EXIT_REFUSED : CONN_EXIT_OK);
}
