/* The command line and environment of a UI process: the whole contract
 * between the connection process and `tinklas ui` (cli/main.c parses it).
 *
 *   tinklas ui [--config FILE] --data DIR (--account ID | --guest |
 *              --register) --term TERM --size COLSxROWS --lang CODE
 *              [--plain] [--utf8 yes|no] [--session ID]
 *   tinklas exec [--config FILE] --data DIR (--account ID | --guest)
 *              --lang CODE COMMAND
 *   environment: TERM, LANG=C.UTF-8, PATH=/usr/bin:/bin, TINKLAS_DATA
 * An exec command gets only the account, the language and the command
 * (the `register` of `new` runs as a guest there). */
#ifndef TINKLAS_SERVER_UIARGS_H
#define TINKLAS_SERVER_UIARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum ui_args_who { UI_ARGS_ACCOUNT, UI_ARGS_GUEST, UI_ARGS_REGISTER };

struct ui_args {
	const char		*config_file;	/* may be NULL */
	const char		*data_dir;
	enum ui_args_who	 who;
	int64_t			 account_id;
	const char		*term;		/* sanitised already */
	int			 cols, rows;
	const char		*lang;
	bool			 plain;
	int			 utf8;		/* 1, 0, or -1: let the UI probe */
	bool			 no_color;	/* the client sent NO_COLOR */
	int64_t			 session_id;	/* its row (core/sessions.h);
						 * 0: none recorded */
	const char		*command;	/* an output (output_find
						 * knows it), or NULL: the UI */
};

/* Returns a NULL-terminated, allocated argv for exec'ing self. */
char **ui_args_argv(const char *self, const struct ui_args *a);
/* Returns a NULL-terminated, allocated environment. */
char **ui_args_envp(const struct ui_args *a);
void ui_args_free(char **v);
/* Copies term keeping only [A-Za-z0-9._+-] (at most outsz - 1 bytes);
 * an empty result becomes "vt100". Returns out. */
char *ui_args_term(const char *term, char *out, size_t outsz);

#endif
