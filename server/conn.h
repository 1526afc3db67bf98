/* One connection process: key exchange, authentication, the session
 * channel and the UI process it relays for. Internal to server/. */
#ifndef TINKLAS_SERVER_CONN_H
#define TINKLAS_SERVER_CONN_H

#include "server/conn_status.h"
#include "common/strbuf.h"

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/server.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* The longest user name a keyboard-interactive login is checked with (the
 * SSH protocol sets no limit; account names have at most 32 bytes): a
 * longer one is refused, never cut short into another name. */
#define AUTH_USER_MAX	255

struct account;
struct config;
struct db;
struct i18n_arg;

enum conn_who { WHO_NOBODY, WHO_MEMBER, WHO_GUEST, WHO_REGISTER };

struct conn {
	const struct config	*cfg;
	const char		*self;
	const char		*config_file;
	int			 fd;
	int			 status_fd;
	char			 addr[64];
	int			 port;
	ssh_session		 session;
	ssh_event		 event;
	struct db		*db;		/* through conn_db() */
	bool			 db_failed;

	/* Authentication. */
	struct ssh_server_callbacks_struct server_cb;
	bool			 authenticated;
	int64_t			 authenticated_ms;
	int64_t			 alive_at_ms;	/* next server keepalive */
	int			 guests_from;	/* guest/new sessions at fork */
	int			 guests_all;
	int			 registrations_from;	/* `new` in the last hour */
	enum conn_who		 who;
	int64_t			 account_id;
	char			 user[128];	/* log_escape'd */
	char			 kbd_user[AUTH_USER_MAX + 1];	/* raw, from the first
						 * kbdint message, whole */
	bool			 kbd_pending;
	int			 pw_failures;
	int			 key_failures;
	bool			 too_many;
	bool			 session_refused;	/* over the per-account limit */
	bool			 session_error;	/* the database cannot record it */
	bool			 suspended;	/* logged in to see the notice */
	bool			 guest_refused;	/* over the guest limits */
	bool			 register_refused;	/* registration rate */

	/* The session channel. */
	struct ssh_channel_callbacks_struct chan_cb;
	ssh_channel		 channel;
	bool			 pty;
	char			 term[64];
	int			 cols, rows;
	char			*env_lang, *env_lc_all, *env_lc_messages,
				*env_language;
	bool			 env_no_color;
	bool			 exec_pending;
	char			*exec_command;	/* as requested (allocated) */
	bool			 refuse_pending;	/* a refusal to show */
	bool			 asking;	/* "end the oldest session?" */
	char			 answer;	/* its first byte, 0 until then */
	bool			 started;
	bool			 client_eof;
	bool			 client_closed;
	bool			 ui_eof;	/* the UI's output ended */
	bool			 closing;	/* exit status sent, channel closed */
	int64_t			 closing_at_ms;
	int			 master;	/* pty master or socketpair end */
	short			 master_events;
	pid_t			 ui_pid;
	struct strbuf		 to_ui;		/* from the client, not yet written */
	size_t			 to_ui_off;
	bool			 to_ui_kept;	/* libssh holds client bytes that
						 * did not fit (master_refill) */
	bool			 hup_sent;
	int64_t			 hup_at_ms;
};

extern volatile sig_atomic_t conn_stop;
/* Set by SIGUSR1: a moderator or the admin command ended this session
 * (core/sessions.h session_stop); the client is told so at the end. */
extern volatile sig_atomic_t conn_ended;

/* What the listener counted when it forked a connection: guest and
 * registration sessions open from this source and in all, and `new`
 * sessions this source started in the last hour. At most per_source_max +
 * startups_full connections can have forked since, so the limits hold
 * within that. */
struct conn_counts {
	int	guests_from;
	int	guests_all;
	int	registrations_from;
};

/* Runs one connection on socket fd until it ends; never returns (exits
 * with a CONN_EXIT_ status). */
void conn_main(const struct config *cfg, const char *self,
    const char *config_file, int fd, int status_fd,
    const char *addr, int port, const struct conn_counts *counts)
    __attribute__((noreturn));

/* auth.c: installs the authentication callbacks on c->session. */
void auth_setup(struct conn *c);
/* Returns the exit status for a connection that never authenticated. */
int auth_exit_status(const struct conn *c);

/* channel.c: the channel-open callback and the relay. */
ssh_channel channel_open(ssh_session session, void *userdata);
/* Work that callbacks defer to the main loop (exec replies, UI exit,
 * stop requests). Returns true while the connection should go on. */
bool channel_tick(struct conn *c);
/* Ends the UI process (if any) and frees the channel state. */
void channel_cleanup(struct conn *c);

/* messages.c: the server's own texts in the person's language, as lines
 * for the client (CR LF on a pty); newly allocated. fallback is English
 * for a server whose ICU data cannot be opened. */
char *msg_text(struct conn *c, const char *key, const char *fallback,
    int nargs, const struct i18n_arg *args);
/* The suspension notice: until when (in the site's zone) and why. */
char *msg_suspended(struct conn *c, const struct account *a);

/* uiproc.c: starts the UI process for c. Returns 0, or -1 (logged). */
int uiproc_start(struct conn *c);
/* Starts `tinklas exec` for command (output_find knows it), relayed as the
 * UI is. Returns 0, or -1 (logged). */
int uiproc_exec(struct conn *c, const char *command);

/* The connection's database, opened on first use; NULL (logged) when it
 * cannot be opened. */
struct db *conn_db(struct conn *c);

/* Milliseconds of CLOCK_MONOTONIC. */
int64_t conn_now_ms(void);

#endif
