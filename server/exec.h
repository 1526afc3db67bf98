/* Exec commands: what `ssh host NAME` may run. As tmux's cmd_table[], each
 * command is one `const struct exec_cmd` in its own file (exec-*.c) and
 * exec-table.c lists them, one pointer a line; nothing else is executed.
 *
 * The connection process only looks a name up and checks who may run it
 * (exec_find, exec_allowed); the command itself runs in a freshly exec'd
 * `tinklas exec` (uiproc_exec), which never holds the host key and gets
 * only the account, the language and the command (exec_main). No libssh
 * here: exec-*.c run in that fresh process. */
#ifndef TINKLAS_SERVER_EXEC_H
#define TINKLAS_SERVER_EXEC_H

#include "core/accounts.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct config;
struct db;

#define EXEC_NAME_MAX	64	/* bytes of a command as typed */

/* Who may run a command: anyone connected (guests and `new` too), members
 * logged in with their account, or moderators and admins. */
enum exec_who { EXEC_GUEST, EXEC_MEMBER, EXEC_MODERATOR };

/* What a running command knows. account is NULL for a guest. */
struct exec_ctx {
	struct db		*db;
	const struct account	*account;
	const char		*command;	/* as typed, checked by exec_find */
	FILE			*out;		/* plain text, no escape codes */
};

struct exec_cmd {
	const char	*name;		/* a name, or an fnmatch pattern
					 * ("event-*.ics") */
	enum exec_who	 who;
	const char	*help_key;	/* its line in `help` */
	/* Returns the exit status the client gets. */
	int		(*run)(const struct exec_ctx *);
};

/* exec-table.c: every command, NULL-terminated. */
extern const struct exec_cmd *const exec_cmds[];

/* The entry whose name or pattern matches command, or NULL (also for a
 * command that is empty, too long, or has bytes outside [A-Za-z0-9._-]). */
const struct exec_cmd *exec_find(const char *command);
/* Whether a guest (account NULL) or the account may run cmd. */
bool exec_allowed(const struct exec_cmd *cmd, const struct account *account);
/* `tinklas exec`: runs command for account_id (0 for a guest) in lang
 * (the account's own language wins). Returns the exit status. */
int exec_main(const struct config *cfg, int64_t account_id, const char *lang,
    const char *command);

#endif
