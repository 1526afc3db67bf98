/* What the files of `tinklas admin` share: the command descriptor (one
 * table per command group, as tmux's cmd_entry), the group descriptor and
 * small helpers for
 * errors, passwords and printing user text. */
#ifndef TINKLAS_ADMIN_CMD_H
#define TINKLAS_ADMIN_CMD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct account;
struct config;
struct db;

struct admin_ctx {
	const struct config	*cfg;
	struct db		*db;	/* open when the command needs one */
};

struct admin_cmd {
	const char	*name;		/* "add" */
	const char	*args;		/* "NAME [--role ROLE]" */
	const char	*help;		/* one line */
	bool		 needs_db;
	/* argv[0] is the command's name. Returns the exit status. */
	int		(*exec)(struct admin_ctx *, int, char **);
};

/* A group of commands, `tinklas admin NAME CMD ...`: one `const struct
 * admin_group admin_group_NAME` in its file (cli/admin-NAME.c), listed in
 * cli/admin-groups.c. A feature with several groups lists its first,
 * which links the others by next (the directory: org, then tag). */
struct admin_group {
	const char		*name;	/* "user" */
	const char		*help;	/* one line */
	const struct admin_cmd	*cmds;	/* ends with an entry whose name is
					 * NULL */
	const struct admin_group *next;	/* the same file's next group */
	/* Optional: the command run when no command's name follows, or
	 * options do (`tinklas admin metrics --csv`). */
	const struct admin_cmd	*bare;
};

/* Every file's first group, in the order of the help, ending with NULL. */
extern const struct admin_group *const admin_groups[];

/* DATA/PREFIX-YYYYmmdd-HHMMSS.db in the site's zone, allocated: where a
 * backup goes when no file is named. */
char	*admin_stamped_path(const struct config *cfg, const char *prefix);
/* `tinklas admin restore FILE` (cli/admin-restore.c). */
int	admin_cmd_restore(struct admin_ctx *, int, char **);
/* `tinklas admin announce [TEXT... | --clear]` (cli/admin-announce.c). */
int	admin_cmd_announce(struct admin_ctx *, int, char **);
/* `tinklas admin who`: the live sessions (cli/admin-session.c). */
int	admin_cmd_who(struct admin_ctx *, int, char **);
/* The totals line of `admin who` and `admin status`: "Online now: 6
 * sessions (5 members, 0 guests)", as the Who is online screen says it. */
void	admin_print_online(int sessions, int members, int guests);
/* `tinklas admin status` (cli/admin-status.c). */
int	admin_cmd_status(struct admin_ctx *, int, char **);

/* The actor the admin command is: account 0 with ROLE_ADMIN. */
struct actor;
struct actor admin_actor(const struct admin_ctx *ctx);

/* Prints "tinklas admin: " and the message to stderr; returns 1. */
int	admin_fail(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));
/* The same for an error key from core, in English from the catalog. */
int	admin_fail_key(const char *what, const char *key);
/* Prints the usage of one command to stderr; returns 2. */
int	admin_usage(const char *group, const struct admin_cmd *cmd);
/* Finds the account; prints an error when there is none. 0 or 1. */
int	admin_account(struct admin_ctx *, const char *, struct account *);
/* Reads a new password from stdin (one line; asked twice without echo
 * on a terminal) and checks its quality. 0 and *out (free it), or 1. */
int	admin_read_password(struct admin_ctx *, const char *, char **);
/* Writes user text to stdout as one sanitised line. */
void	admin_put(const char *s);
/* Formats t in the site's zone as "2025-07-14 18:05 EEST" ("-" for 0). */
const char *admin_time(int64_t t, char *buf, size_t sz);
/* Parses a non-negative integer; 0 or -1. */
int	admin_number(const char *s, long long max, long long *out);
/* Parses a stored row's id (a positive number); 0 or -1. */
int	admin_id(const char *s, int64_t *out);
/* Records an action of the admin command (actor 0) in the audit log. */
void	admin_audit(struct admin_ctx *, const char *action,
	    const char *target, const char *detail);

#endif
