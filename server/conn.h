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

struct config;
struct db;

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
	struct db		*db;

	/* Authentication. */
	struct ssh_server_callbacks_struct server_cb;
	bool			 authenticated;
	enum conn_who		 who;
	int64_t			 account_id;
	char			 user[128];	/* log_escape'd */
	char			 kbd_user[64];	/* raw, from the first kbdint message */
	bool			 kbd_pending;
	int			 pw_failures;
	int			 key_failures;
	bool			 too_many;
	bool			 session_refused;	/* over the per-account limit */

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
	bool			 refuse_pending;	/* session limit message */
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

/* Runs one connection on socket fd until it ends; never returns (exits
 * with a CONN_EXIT_ status). */
void conn_main(const struct config *cfg, const char *self,
    const char *config_file, int fd, int status_fd,
    const char *addr, int port) __attribute__((noreturn));

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

/* uiproc.c: starts the UI process for c. Returns 0, or -1 (logged). */
int uiproc_start(struct conn *c);

/* Milliseconds of CLOCK_MONOTONIC. */
int64_t conn_now_ms(void);

#endif
