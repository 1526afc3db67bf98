/* The UI process: one person's session on a terminal (a pty from the SSH
 * server, a pipe pair for `ssh -T`, or the local console). */
#ifndef TINKLAS_APP_H
#define TINKLAS_APP_H

#include <stdbool.h>
#include <stdint.h>

struct config;

enum ui_who { UI_MEMBER, UI_GUEST, UI_REGISTER };

struct ui_params {
	const struct config *cfg;
	int		 in_fd, out_fd;
	const char	*term;		/* NULL or "dumb": plain line mode */
	int		 cols, rows;	/* 0: unknown */
	enum ui_who	 who;
	int64_t		 account_id;	/* UI_MEMBER only */
	const char	*lang;		/* negotiated from the client, or NULL */
	bool		 plain;		/* no pty: plain line mode, no escapes */
	int		 utf8;		/* 1 yes, 0 no, -1 unknown: probe */
	int64_t		 session_id;	/* its row in core/sessions.h, told
					 * where the person is; 0: none (the
					 * console, the tests) */
};

/* Runs the session to its end; returns the process exit status. */
int ui_run(const struct ui_params *p);

#endif
