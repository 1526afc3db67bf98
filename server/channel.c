/* The one session channel of a connection: pty and environment requests,
 * shell (the UI), exec (the domains' outputs, core/output.h), and the relay
 * between the channel and the UI's pty master. Forwarding, subsystems and
 * further channels are refused. */
#include "server/conn.h"
#include "core/accounts.h"
#include "core/output.h"
#include "core/sessions.h"
#include "i18n/i18n.h"

#include "common/config.h"
#include "common/log.h"
#include "common/xalloc.h"
#include "server/exec.h"
#include "server/uiargs.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define TO_UI_MAX	(256 * 1024)	/* client bytes the UI has not read */
#define CLOSE_WAIT_MS	2000		/* for the client to close after us */
#define HUP_WAIT_MS	5000		/* for the UI to end after SIGHUP */

static int	chan_data(ssh_session, ssh_channel, void *, uint32_t, int,
		    void *);
static void	chan_eof(ssh_session, ssh_channel, void *);
static void	chan_close(ssh_session, ssh_channel, void *);
static int	chan_pty(ssh_session, ssh_channel, const char *, int, int, int,
		    int, void *);
static int	chan_winch(ssh_session, ssh_channel, int, int, int, int,
		    void *);
static int	chan_env(ssh_session, ssh_channel, const char *, const char *,
		    void *);
static int	chan_shell(ssh_session, ssh_channel, void *);
static int	chan_exec(ssh_session, ssh_channel, const char *, void *);
static int	chan_subsystem(ssh_session, ssh_channel, const char *, void *);
static int	master_ready(socket_t, int, void *);
static void	master_flush(struct conn *);
static void	master_events(struct conn *);
static void	master_refill(struct conn *);
static int	ui_reap(struct conn *, int);
static void	chan_finish(struct conn *, const char *, int);
static bool	conn_refused(const struct conn *);
static void	chan_refuse(struct conn *, char *);
static void	refuse(struct conn *);
static void	answered(struct conn *);
static bool	is_connection(const struct conn *, pid_t);
static int	chan_answer(struct conn *, const char *, uint32_t);
static void	exec_start(struct conn *);

#define MSG(c, key, fallback, ...) msg_text((c), (key), (fallback), \
    (int)(sizeof((struct i18n_arg[]){ __VA_ARGS__ }) / \
    sizeof(struct i18n_arg)), (struct i18n_arg[]){ __VA_ARGS__ })

/* Copies the client's keystrokes towards the UI without blocking. */
static void
master_flush(struct conn *c)
{
	ssize_t n;

	while (c->master >= 0 && c->to_ui_off < c->to_ui.len) {
		n = write(c->master, c->to_ui.s + c->to_ui_off,
		    c->to_ui.len - c->to_ui_off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno != EAGAIN)
				c->to_ui_off = c->to_ui.len;	/* UI gone */
			break;
		}
		c->to_ui_off += (size_t)n;
	}
	/* Read bytes go as the UI reads them, not only when it has read all:
	 * under a steady paste it never quite has, and the buffer would keep
	 * everything ever received. Unread bytes stay within TO_UI_MAX (the
	 * rest waits in libssh, whose window then stops the client). */
	sb_consumed(&c->to_ui, &c->to_ui_off);
	/* The client's EOF reaches the UI only after all its bytes, also
	 * those libssh still keeps (to_ui_kept): shutting down before them
	 * lost the end of a long paste, and the UI saw "logged out". */
	if (c->to_ui_off == c->to_ui.len && c->client_eof && !c->to_ui_kept &&
	    !c->pty && c->master >= 0)
		shutdown(c->master, SHUT_WR);
}

/* chan_data takes at most TO_UI_MAX unread bytes; libssh keeps the rest
 * but offers it again only when more data arrives, and a client that has
 * filled its window sends nothing more: the session would stall. So once
 * the UI has read, take what libssh kept. From the main loop only, and
 * only then: with nothing held, libssh would handle packets outside the
 * event loop, which kept an ended session from closing (57-idle-logout). */
static void
master_refill(struct conn *c)
{
	char buf[16384];
	size_t room;
	int n;

	while (c->to_ui_kept && c->master >= 0 && !c->ui_eof &&
	    c->channel != NULL) {
		room = TO_UI_MAX - (c->to_ui.len - c->to_ui_off);
		if (room < sizeof buf)
			return;
		/* Only what libssh holds: it has no packets to read then. */
		n = ssh_channel_read_nonblocking(c->channel, buf, sizeof buf, 0);
		if (n <= 0) {
			c->to_ui_kept = false;
			master_flush(c);	/* now a client's EOF may follow */
			return;
		}
		sb_add(&c->to_ui, buf, (size_t)n);
		if ((size_t)n < sizeof buf)
			c->to_ui_kept = false;	/* all taken */
		master_flush(c);
	}
}

/* Registers the master with the events it needs now: output only while
 * the client's window has room (so a write never waits), input while
 * bytes are pending. Called from the main loop, never from a callback. */
static void
master_events(struct conn *c)
{
	short want = 0;

	if (c->master < 0)
		return;
	if (!c->ui_eof && ssh_channel_window_size(c->channel) > 0)
		want |= POLLIN;
	if (c->to_ui.len > c->to_ui_off)
		want |= POLLOUT;
	if (want == c->master_events)
		return;
	if (c->master_events != 0)
		ssh_event_remove_fd(c->event, c->master);
	if (want != 0)
		ssh_event_add_fd(c->event, c->master, want, master_ready, c);
	c->master_events = want;
}

/* The UI wrote something (or ended). Always returns 0: a negative return
 * would silently disable the fd. */
static int
master_ready(socket_t fd, int revents, void *userdata)
{
	struct conn *c = userdata;
	char buf[16384];
	uint32_t room;
	ssize_t n;
	int w;
	size_t off;

	if (revents & POLLOUT)
		master_flush(c);
	if (!(revents & (POLLIN | POLLHUP | POLLERR)) || c->ui_eof)
		return 0;
	room = ssh_channel_window_size(c->channel);
	if (room == 0)
		return 0;
	n = read(fd, buf, room < sizeof buf ? room : sizeof buf);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return 0;
	if (n <= 0) {
		/* EOF on a socketpair, EIO on a pty: the UI is gone. */
		c->ui_eof = true;
		return 0;
	}
	/* At most the window: ssh_channel_write does not wait, but it can
	 * still return a short count, so loop. */
	for (off = 0; off < (size_t)n; off += (size_t)w) {
		w = ssh_channel_write(c->channel, buf + off,
		    (uint32_t)((size_t)n - off));
		if (w <= 0) {
			c->ui_eof = true;
			break;
		}
	}
	return 0;
}

/* The first byte typed after "end the oldest session?" is the answer;
 * what follows the answer's line goes to the UI if one starts. */
static int
chan_answer(struct conn *c, const char *data, uint32_t len)
{
	const char *nl;
	size_t skip = 1;

	c->answer = data[0];
	if (!c->pty && (nl = memchr(data, '\n', len)) != NULL)
		skip = (size_t)(nl - data) + 1;
	else if (!c->pty)
		skip = len;
	if (c->answer == '1' && len > skip && len - skip <= TO_UI_MAX)
		sb_add(&c->to_ui, data + skip, len - skip);
	return (int)len;
}

static int
chan_data(ssh_session session, ssh_channel channel, void *data, uint32_t len,
    int is_stderr, void *userdata)
{
	struct conn *c = userdata;
	size_t room;

	(void)session;
	(void)channel;
	(void)is_stderr;
	if (c->asking && c->answer == 0 && len > 0)
		return chan_answer(c, data, len);
	if (c->master < 0 || c->ui_eof)
		return (int)len;	/* nobody to read it */
	room = TO_UI_MAX - (c->to_ui.len - c->to_ui_off);
	if (len > room) {
		len = (uint32_t)room;	/* libssh keeps the rest */
		c->to_ui_kept = true;
	}
	sb_add(&c->to_ui, data, len);
	master_flush(c);
	return (int)len;
}

static void
chan_eof(ssh_session session, ssh_channel channel, void *userdata)
{
	struct conn *c = userdata;

	(void)session;
	(void)channel;
	c->client_eof = true;
	master_flush(c);
}

static void
chan_close(ssh_session session, ssh_channel channel, void *userdata)
{
	struct conn *c = userdata;

	(void)session;
	(void)channel;
	c->client_closed = true;
}

static int
chan_pty(ssh_session session, ssh_channel channel, const char *term,
    int width, int height, int pxwidth, int pxheight, void *userdata)
{
	struct conn *c = userdata;

	(void)session;
	(void)channel;
	(void)pxwidth;
	(void)pxheight;
	if (c->started || c->pty)
		return -1;
	ui_args_term(term, c->term, sizeof c->term);
	/* 0x0 is allowed: the UI then asks the terminal or assumes 80x24. */
	c->cols = width < 0 ? 0 : width > 1000 ? 1000 : width;
	c->rows = height < 0 ? 0 : height > 1000 ? 1000 : height;
	c->pty = true;
	return 0;
}

static int
chan_winch(ssh_session session, ssh_channel channel, int width, int height,
    int pxwidth, int pxheight, void *userdata)
{
	struct conn *c = userdata;
	struct winsize ws;

	(void)session;
	(void)channel;
	(void)pxwidth;
	(void)pxheight;
	if (!c->pty)
		return -1;
	c->cols = width < 0 ? 0 : width > 1000 ? 1000 : width;
	c->rows = height < 0 ? 0 : height > 1000 ? 1000 : height;
	if (c->master >= 0) {
		memset(&ws, 0, sizeof ws);
		ws.ws_col = (unsigned short)c->cols;
		ws.ws_row = (unsigned short)c->rows;
		ioctl(c->master, TIOCSWINSZ, &ws);	/* the UI gets SIGWINCH */
	}
	return 0;
}

/* Only the language variables (they pick the UI's language) and NO_COLOR
 * are kept. */
static int
chan_env(ssh_session session, ssh_channel channel, const char *name,
    const char *value, void *userdata)
{
	struct conn *c = userdata;
	char **slot;

	(void)session;
	(void)channel;
	if (c->started || name == NULL || value == NULL || strlen(value) > 64)
		return -1;
	if (strcmp(name, "LANG") == 0)
		slot = &c->env_lang;
	else if (strcmp(name, "LC_ALL") == 0)
		slot = &c->env_lc_all;
	else if (strcmp(name, "LC_MESSAGES") == 0)
		slot = &c->env_lc_messages;
	else if (strcmp(name, "LANGUAGE") == 0)
		slot = &c->env_language;
	else if (strcmp(name, "NO_COLOR") == 0) {
		c->env_no_color = true;
		return 0;
	} else
		return -1;
	free(*slot);
	*slot = xstrdup(value);
	return 0;
}

static int
chan_shell(ssh_session session, ssh_channel channel, void *userdata)
{
	struct conn *c = userdata;

	(void)session;
	(void)channel;
	if (c->started || c->exec_pending || c->closing || c->asking ||
	    c->refuse_pending)
		return -1;
	if (conn_refused(c)) {
		c->refuse_pending = true;
		/* Asked from now on: the answer may come in the same read
		 * as this request, before the question is written. */
		c->asking = c->session_refused && !c->suspended &&
		    !c->session_error;
		return 0;
	}
	return uiproc_start(c);
}

/* Takes the command; exec_start answers it from the main loop, after the
 * request's reply. */
static int
chan_exec(ssh_session session, ssh_channel channel, const char *command,
    void *userdata)
{
	struct conn *c = userdata;
	char cmd[256];

	(void)session;
	(void)channel;
	if (c->started || c->exec_pending || c->closing || c->asking ||
	    c->refuse_pending)
		return -1;
	log_info("Exec request from %s (%s port %d): %s", c->user, c->addr,
	    c->port, log_escape(command, cmd, sizeof cmd));
	if (conn_refused(c))
		c->refuse_pending = true;
	else {
		free(c->exec_command);
		c->exec_command = xstrdup(command);
		c->exec_pending = true;
	}
	return 0;
}

/* Runs a command of the table that this person may run, as a fresh
 * process; anything else gets a refusal in their language and status 1.
 * Nothing that is not in the table is ever executed. */
static void
exec_start(struct conn *c)
{
	const struct output *o = output_find(c->exec_command);
	struct account a;
	char *text;

	if (o == NULL) {
		chan_refuse(c, msg_text(c, "server.unknown_command",
		    "tinklas: unknown command", 0, NULL));
		return;
	}
	if (c->who == WHO_MEMBER && (conn_db(c) == NULL ||
	    account_by_id(c->db, c->account_id, &a) != 0)) {
		chan_refuse(c, msg_text(c, "server.unavailable",
		    "Tinklas is not available right now.", 0, NULL));
		return;
	}
	if (!output_allowed(o, c->who == WHO_MEMBER ? &a : NULL)) {
		log_info("Exec %s refused for %s from %s port %d", o->name,
		    c->user, c->addr, c->port);
		text = MSG(c, o->refused_key != NULL ? o->refused_key :
		    "exec.refused", "You may not run this command.",
		    A_STR(c->exec_command));
		chan_refuse(c, text);
		return;
	}
	if (uiproc_exec(c, c->exec_command) != 0)
		chan_refuse(c, msg_text(c, "server.unavailable",
		    "Tinklas is not available right now.", 0, NULL));
}

static int
chan_subsystem(ssh_session session, ssh_channel channel, const char *name,
    void *userdata)
{
	struct conn *c = userdata;
	char esc[128];

	(void)session;
	(void)channel;
	log_info("Refused subsystem %s for %s from %s port %d",
	    log_escape(name, esc, sizeof esc), c->user, c->addr, c->port);
	return -1;
}

ssh_channel
channel_open(ssh_session session, void *userdata)
{
	struct conn *c = userdata;
	struct ssh_channel_callbacks_struct *cb = &c->chan_cb;

	if (!c->authenticated || c->channel != NULL)
		return NULL;
	if ((c->channel = ssh_channel_new(session)) == NULL)
		return NULL;
	memset(cb, 0, sizeof *cb);
	cb->userdata = c;
	cb->channel_data_function = chan_data;
	cb->channel_eof_function = chan_eof;
	cb->channel_close_function = chan_close;
	cb->channel_pty_request_function = chan_pty;
	cb->channel_pty_window_change_function = chan_winch;
	cb->channel_env_request_function = chan_env;
	cb->channel_shell_request_function = chan_shell;
	cb->channel_exec_request_function = chan_exec;
	cb->channel_subsystem_request_function = chan_subsystem;
	ssh_callbacks_init(cb);
	ssh_set_channel_callbacks(c->channel, cb);
	return c->channel;
}

/* Waits for the UI process, at most wait_ms (then kills it). Returns its
 * exit status as a shell would report it. */
static int
ui_reap(struct conn *c, int wait_ms)
{
	int status = 0, waited = 0;
	pid_t r;

	if (c->ui_pid <= 0)
		return 0;
	while ((r = waitpid(c->ui_pid, &status, WNOHANG)) == 0) {
		if (waited >= wait_ms) {
			kill(c->ui_pid, SIGKILL);
			r = waitpid(c->ui_pid, &status, 0);
			break;
		}
		usleep(10 * 1000);
		waited += 10;
	}
	c->ui_pid = 0;
	if (r < 0)
		return 1;
	if (WIFSIGNALED(status)) {
		log_info("UI for %s from %s ended by signal %d", c->user,
		    c->addr, WTERMSIG(status));
		return 128 + WTERMSIG(status);
	}
	return WEXITSTATUS(status);
}

/* Sends an optional message on stderr, the exit status, EOF and close. */
static void
chan_finish(struct conn *c, const char *msg, int status)
{
	if (msg != NULL)
		ssh_channel_write_stderr(c->channel, msg, (uint32_t)strlen(msg));
	ssh_channel_request_send_exit_status(c->channel, status);
	ssh_channel_send_eof(c->channel);
	ssh_channel_close(c->channel);
	c->closing = true;
	c->closing_at_ms = conn_now_ms();
}

/* True when the connection only gets a refusal instead of a UI. */
static bool
conn_refused(const struct conn *c)
{
	return c->suspended || c->session_refused || c->session_error ||
	    c->guest_refused || c->register_refused;
}

/* Ends the channel with msg (allocated) on stderr and status 1. */
static void
chan_refuse(struct conn *c, char *msg)
{
	chan_finish(c, msg, 1);
	free(msg);
}

/* Shows the refusal that fits; over the session limit a shell is asked
 * whether to end the oldest session instead (a laptop that went to sleep
 * keeps one open until its connection is found dead). */
static void
refuse(struct conn *c)
{
	struct account a;
	char *limit, *ask, *text;

	if (c->suspended) {
		if (conn_db(c) != NULL &&
		    account_by_id(c->db, c->account_id, &a) == 0)
			chan_refuse(c, msg_suspended(c, &a));
		else
			chan_refuse(c, msg_text(c, "server.unavailable",
			    "Tinklas is not available right now.", 0, NULL));
	} else if (c->session_error)
		chan_refuse(c, msg_text(c, "server.unavailable",
		    "Tinklas is not available right now.", 0, NULL));
	else if (c->register_refused)
		chan_refuse(c, msg_text(c, "server.registrations.limit",
		    "Too many new accounts were started from your address.",
		    0, NULL));
	else if (c->guest_refused)
		chan_refuse(c, msg_text(c, "server.busy",
		    "Too many sessions are open right now.", 0, NULL));
	else if (!c->asking)
		chan_refuse(c, MSG(c, "server.sessions.limit",
		    "You have too many sessions open.",
		    A_NUM(c->cfg->sessions_per_account)));
	else {
		limit = MSG(c, "server.sessions.limit",
		    "You have too many sessions open.",
		    A_NUM(c->cfg->sessions_per_account));
		ask = msg_text(c, "server.sessions.choose",
		    "Type 1 to end your oldest session and continue here.", 0,
		    NULL);
		text = xasprintf("%s%s", limit, ask);
		ssh_channel_write(c->channel, text, (uint32_t)strlen(text));
		free(text);
		free(limit);
		free(ask);
	}
}

/* True when pid runs this binary: a row's pid, alive but reused by some
 * other process since, is never signalled. */
static bool
is_connection(const struct conn *c, pid_t pid)
{
	char link[64], exe[4096];
	ssize_t n;

	snprintf(link, sizeof link, "/proc/%ld/exe", (long)pid);
	if ((n = readlink(link, exe, sizeof exe - 1)) <= 0)
		return false;
	exe[n] = '\0';
	return strcmp(exe, c->self) == 0;
}

/* The answer to "end the oldest session?": 1 ends it (SIGTERM lets its UI
 * end cleanly) and starts this one, anything else leaves. */
static void
answered(struct conn *c)
{
	pid_t ended;
	int rc;

	c->asking = false;
	if (c->answer != '1') {
		chan_finish(c, NULL, 1);
		return;
	}
	do {
		rc = session_take_oldest(c->db, c->account_id, getpid(),
		    c->addr, c->cfg->sessions_per_account, &ended);
		if (ended > 0 && is_connection(c, ended)) {
			log_info("Ending the oldest session of %s (pid %ld) for "
			    "a new one from %s port %d", c->user, (long)ended,
			    c->addr, c->port);
			kill(ended, SIGTERM);
		}
	} while (rc == SESSION_FULL);
	if (rc == 0) {
		c->session_refused = false;	/* ours now: ended at exit */
		if (uiproc_start(c) == 0)
			return;
	}
	chan_refuse(c, msg_text(c, "server.unavailable",
	    "Tinklas is not available right now.", 0, NULL));
}

bool
channel_tick(struct conn *c)
{
	int status;

	if (c->channel == NULL)
		return !conn_stop;
	if (c->exec_pending && !c->closing) {
		c->exec_pending = false;
		exec_start(c);
	}
	if (c->refuse_pending && !c->closing) {
		c->refuse_pending = false;
		refuse(c);
	}
	if (c->asking && c->answer != 0 && !c->closing && !c->refuse_pending)
		answered(c);
	if (c->asking && (c->client_eof || c->client_closed) && !c->closing) {
		c->asking = false;
		chan_finish(c, NULL, 1);
	}
	if (c->ui_eof && c->master >= 0) {
		if (c->master_events != 0)
			ssh_event_remove_fd(c->event, c->master);
		c->master_events = 0;
		close(c->master);
		c->master = -1;
		status = ui_reap(c, HUP_WAIT_MS);
		log_info("Session of %s from %s port %d ended%s, status %d",
		    c->user, c->addr, c->port, conn_ended ? " by a moderator" :
		    "", status);
		if (c->client_closed)
			return false;
		if (conn_ended) {
			char *bye = msg_text(c, "server.session.ended",
			    "Your session was ended.", 0, NULL);

			chan_finish(c, bye, status);
			free(bye);
		} else
			chan_finish(c, NULL, status);
	}
	if (c->ui_pid > 0 && (conn_stop || c->client_closed) && !c->hup_sent) {
		/* Shutdown or the client went away: let the UI end cleanly. */
		kill(c->ui_pid, SIGHUP);
		c->hup_sent = true;
		c->hup_at_ms = conn_now_ms();
	}
	if (c->hup_sent && c->ui_pid > 0 &&
	    conn_now_ms() - c->hup_at_ms > HUP_WAIT_MS)
		c->ui_eof = true;	/* ui_reap kills it next round */
	if (c->closing)
		return !c->client_closed &&
		    conn_now_ms() - c->closing_at_ms < CLOSE_WAIT_MS;
	if (conn_stop && !c->started)
		return false;
	if (c->client_closed && !c->started)
		return false;
	master_refill(c);
	master_events(c);
	return true;
}

void
channel_cleanup(struct conn *c)
{
	if (c->master >= 0) {
		if (c->master_events != 0 && c->event != NULL)
			ssh_event_remove_fd(c->event, c->master);
		close(c->master);
		c->master = -1;
	}
	if (c->ui_pid > 0) {
		kill(c->ui_pid, SIGHUP);
		ui_reap(c, 2000);
	}
	sb_free(&c->to_ui);
}
