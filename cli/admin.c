/* `tinklas admin`: scriptable administration of the database. This file
 * dispatches, holds the top-level commands (init, demo, backup, audit,
 * check, vacuum; restore's is cli/admin-restore.c, status's
 * cli/admin-status.c) and the helpers the
 * command groups share; each group is in its own file (cli/admin-NAME.c),
 * listed in cli/admin-groups.c. Every change is written to the audit log
 * with actor 0. */
#include "cli/admin.h"
#include "cli/admin-cmd.h"
#include "core/forums.h"
#include "common/config.h"
#include "common/log.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/audit.h"
#include "core/backups.h"
#include "core/db.h"
#include "core/demo.h"
#include "core/domain.h"
#include "core/sanitize.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define AUDIT_DEFAULT_LIMIT	50
#define PASSWORD_LINE_MAX	1024

static int	cmd_init(struct admin_ctx *, int, char **);
static int	cmd_demo(struct admin_ctx *, int, char **);
static int	cmd_backup(struct admin_ctx *, int, char **);
static int	cmd_audit(struct admin_ctx *, int, char **);
static int	cmd_check(struct admin_ctx *, int, char **);
static int	cmd_vacuum(struct admin_ctx *, int, char **);

static const struct admin_cmd admin_top_cmds[] = {
	{ "init", "", "create the data folder and the database (safe to "
	    "repeat)", false, cmd_init },
	{ "demo", "", "fill an empty database with demo accounts and print "
	    "their passwords", true, cmd_demo },
	{ "backup", "[FILE|FOLDER]", "write a consistent copy of the "
	    "database (default DATA/backup-YYYYmmdd-HHMMSS.db; in FOLDER, the "
	    "same name)", true, cmd_backup },
	{ "audit", "[--limit N]", "show the newest audit log entries "
	    "(default 50)", true, cmd_audit },
	{ "check", "", "run the database's integrity and foreign-key checks "
	    "(exit status 1 when they find a problem)", true, cmd_check },
	{ "vacuum", "", "rebuild the database file to give free space back",
	    true, cmd_vacuum },
	{ "restore", "FILE", "check a backup and put it in place of the "
	    "database (the server must be stopped)", false, admin_cmd_restore },
	{ "announce", "[TEXT... | --clear]", "show TEXT to every online "
	    "session now and on the welcome screen until cleared; without "
	    "TEXT print the current one", true, admin_cmd_announce },
	{ "who", "", "list the live sessions: id, who, part, since, last "
	    "activity, address", true, admin_cmd_who },
	{ "status", "", "sessions, database size, last backup, recent errors, "
	    "quick check (exit status 1 when something needs an administrator)",
	    true, admin_cmd_status },
	{ NULL, NULL, NULL, false, NULL }
};

static void	print_cmd(FILE *, const char *, const struct admin_cmd *);
static void	print_help(FILE *, const char *, const struct admin_cmd *);
static int	run(const struct config *, const char *,
		    const struct admin_cmd *, int, char **);
static const struct admin_cmd *lookup(const struct admin_cmd *,
		    const char *);
static int	is_help(const char *);
static int	run_group(const struct config *, const struct admin_group *,
		    int, char **);
static int	make_dirs(const char *);

int
admin_main(const struct config *cfg, int argc, char **argv)
{
	const struct admin_cmd *cmd;
	const struct admin_group *g;
	size_t i;

	umask(077);	/* the database and backups hold password hashes */
	if (cfg->timezone != NULL && *cfg->timezone != '\0')
		setenv("TZ", cfg->timezone, 1);
	tzset();
	if (i18n_init(cfg->timezone) == 0)
		i18n_set_lang("en");
	if (argc < 1) {
		print_help(stderr, NULL, NULL);
		return 2;
	}
	if (is_help(argv[0])) {
		print_help(stdout, NULL, NULL);
		return 0;
	}
	if ((cmd = lookup(admin_top_cmds, argv[0])) != NULL)
		return run(cfg, NULL, cmd, argc, argv);
	for (i = 0; admin_groups[i] != NULL; i++)
		for (g = admin_groups[i]; g != NULL; g = g->next)
			if (strcmp(argv[0], g->name) == 0)
				return run_group(cfg, g, argc, argv);
	admin_fail("unknown command '%s' (see `tinklas admin --help`)",
	    argv[0]);
	return 2;
}

/* Runs one command, with its --help and the database it needs. */
static int
run(const struct config *cfg, const char *group, const struct admin_cmd *cmd,
    int argc, char **argv)
{
	struct admin_ctx ctx = { .cfg = cfg };
	char *path, err[512];
	int i, rc;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (is_help(argv[i]) && argv[i][0] == '-') {
			fputs("usage: tinklas admin\n", stdout);
			print_cmd(stdout, group, cmd);
			return 0;
		}
	}
	if (cmd->needs_db) {
		path = config_path(cfg, "tinklas.db");
		if (access(path, F_OK) != 0) {
			admin_fail("no database at %s (run `tinklas admin "
			    "init` first)", path);
			free(path);
			return 1;
		}
		if (db_open(path, &ctx.db, err, sizeof err) != 0) {
			admin_fail("%s", err);
			free(path);
			return 1;
		}
		free(path);
	}
	optind = 0;	/* each command parses its own options */
	rc = cmd->exec(&ctx, argc, argv);
	db_close(ctx.db);
	return rc;
}

/* `tinklas admin GROUP CMD ...`: argv[0] is the group's name. */
static int
run_group(const struct config *cfg, const struct admin_group *g, int argc,
    char **argv)
{
	const struct admin_cmd *cmd;

	if (g->bare != NULL && (argc < 2 || (argv[1][0] == '-' &&
	    !is_help(argv[1]))))
		return run(cfg, g->name, g->bare, argc, argv);
	if (argc < 2) {
		print_help(stderr, g->name, g->cmds);
		return 2;
	}
	if (is_help(argv[1])) {
		print_help(stdout, g->name, g->cmds);
		return 0;
	}
	if ((cmd = lookup(g->cmds, argv[1])) == NULL) {
		admin_fail("unknown command '%s %s'", argv[0], argv[1]);
		print_help(stderr, g->name, g->cmds);
		return 2;
	}
	return run(cfg, g->name, cmd, argc - 1, argv + 1);
}

static const struct admin_cmd *
lookup(const struct admin_cmd *cmds, const char *name)
{
	for (; cmds->name != NULL; cmds++)
		if (strcmp(cmds->name, name) == 0)
			return cmds;
	return NULL;
}

static int
is_help(const char *s)
{
	return strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0 ||
	    strcmp(s, "help") == 0;
}

/* Prints one command's synopsis and help line. */
static void
print_cmd(FILE *f, const char *group, const struct admin_cmd *c)
{
	fprintf(f, "  %s%s%s%s%s\n      %s\n", group != NULL ? group : "",
	    group != NULL ? " " : "", c->name, *c->args != '\0' ? " " : "",
	    c->args, c->help);
}

/* Prints the commands of one group, or of everything when group is NULL. */
static void
print_help(FILE *f, const char *group, const struct admin_cmd *cmds)
{
	const struct admin_cmd *c;
	const struct admin_group *g;
	size_t i;

	if (group != NULL) {
		fprintf(f, "usage: tinklas admin %s COMMAND ...\n\n", group);
		for (c = cmds; c->name != NULL; c++)
			print_cmd(f, group, c);
		fprintf(f, "\n`tinklas admin %s COMMAND --help` shows one "
		    "command.\n", group);
		return;
	}
	fputs("usage: tinklas admin [--config FILE] [--data DIR] COMMAND "
	    "...\n\nAdministers the Tinklas database in the data folder "
	    "($TINKLAS_DATA or ./var).\nChanges are recorded in the audit log. "
	    "Passwords are read from standard input,\none line (asked twice "
	    "on a terminal).\n\n", f);
	for (c = admin_top_cmds; c->name != NULL; c++)
		print_cmd(f, NULL, c);
	for (i = 0; admin_groups[i] != NULL; i++)
		for (g = admin_groups[i]; g != NULL; g = g->next)
			for (c = g->cmds; c->name != NULL; c++)
				print_cmd(f, g->name, c);
	fputs("\nExit status: 0 done, 1 failed, 2 usage error.\n", f);
}

static int
cmd_init(struct admin_ctx *ctx, int argc, char **argv)
{
	struct db *db;
	const char *dict;
	char *path, err[512];
	int i;

	(void)argv;
	if (argc != 1)
		return admin_usage(NULL, &admin_top_cmds[0]);
	if (make_dirs(ctx->cfg->data_dir) != 0)
		return admin_fail("cannot create %s: %s", ctx->cfg->data_dir,
		    strerror(errno));
	path = config_path(ctx->cfg, "tinklas.db");
	if (db_open(path, &db, err, sizeof err) != 0) {
		free(path);
		return admin_fail("%s", err);
	}
	printf("Database ready: %s (schema:", path);
	for (i = 0; i < ndomains; i++)
		printf("%s %s %d", i == 0 ? "" : ",", domains[i]->name,
		    domain_version(db, domains[i]->name));
	printf(")\n");
	db_close(db);
	free(path);
	if ((dict = account_password_setup_problem()) != NULL)
		fprintf(stderr, "tinklas: warning: the password dictionary %s "
		    "is missing; install the Debian package cracklib-runtime "
		    "(passwords are checked without it until then)\n", dict);
	return 0;
}

/* mkdir -p, the last folder with mode 0700; an existing folder is fine. */
static int
make_dirs(const char *dir)
{
	char *p = xstrdup(dir), *s;
	mode_t mask = umask(022);	/* parents stay traversable */
	struct stat sb;

	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST) {
			umask(mask);
			free(p);
			return -1;
		}
		*s = '/';
	}
	umask(mask);
	free(p);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return -1;
	if (stat(dir, &sb) != 0)
		return -1;
	if (!S_ISDIR(sb.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

static int
cmd_demo(struct admin_ctx *ctx, int argc, char **argv)
{
	int rc;

	(void)argv;
	if (argc != 1)
		return admin_usage(NULL, &admin_top_cmds[1]);
	rc = demo_fill(ctx->db, stdout);
	if (rc < 0)
		return admin_fail("demo content could not be added");
	if (rc == 1) {
		fprintf(stderr, "tinklas admin: the database already has "
		    "accounts; demo content is only added to an empty one\n");
		return 0;
	}
	admin_audit(ctx, "demo.fill", "", "");
	return 0;
}

/* The backup's file: FILE as named, a stamped name inside FOLDER, or a
 * stamped name in the data folder. Allocated. */
static char *
backup_dest(const struct config *cfg, const char *arg)
{
	struct stat st;
	char *stamped, *name, *dest;

	if (arg == NULL)
		return admin_stamped_path(cfg, "backup");
	if (stat(arg, &st) != 0 || !S_ISDIR(st.st_mode))
		return xstrdup(arg);
	stamped = admin_stamped_path(cfg, "backup");
	name = strrchr(stamped, '/');
	dest = xasprintf("%s/%s", arg, name != NULL ? name + 1 : stamped);
	free(stamped);
	return dest;
}

static int
cmd_backup(struct admin_ctx *ctx, int argc, char **argv)
{
	char *dest, *full, err[512];
	struct stat st;
	int rc;

	if (argc > 2)
		return admin_usage(NULL, &admin_top_cmds[2]);
	dest = backup_dest(ctx->cfg, argc == 2 ? argv[1] : NULL);
	if (access(dest, F_OK) == 0) {
		rc = admin_fail("%s already exists", dest);
		free(dest);
		return rc;
	}
	if (db_backup(ctx->db, dest, err, sizeof err) != 0) {
		free(dest);
		return admin_fail("%s", err);
	}
	/* Kept for `tinklas admin status`, which warns when the newest is
	 * too old: a copy it does not know of would not count. */
	full = realpath(dest, NULL);
	rc = stat(dest, &st) == 0 && backup_record(ctx->db,
	    full != NULL ? full : dest, st.st_size) == 0 ? 0 :
	    admin_fail("%s was written, but could not be recorded for "
	    "`tinklas admin status`", dest);
	if (rc == 0)
		printf("%s\n", dest);
	free(full);
	free(dest);
	return rc;
}

char *
admin_stamped_path(const struct config *cfg, const char *prefix)
{
	char stamp[32], *name, *path;
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	name = xasprintf("%s-%s.db", prefix, stamp);
	path = config_path(cfg, name);
	free(name);
	return path;
}

static void
print_problem(const char *problem, void *arg)
{
	(void)arg;
	admin_put(problem);
}

static int
cmd_check(struct admin_ctx *ctx, int argc, char **argv)
{
	int n;

	(void)argv;
	if (argc != 1)
		return admin_usage(NULL, &admin_top_cmds[4]);
	if ((n = db_check(ctx->db, print_problem, NULL)) < 0)
		return admin_fail("the checks could not run");
	if (n > 0)
		return admin_fail("%d problem%s found", n, n == 1 ? "" : "s");
	printf("ok: integrity and foreign keys\n");
	return 0;
}

static int
cmd_vacuum(struct admin_ctx *ctx, int argc, char **argv)
{
	char err[512];

	(void)argv;
	if (argc != 1)
		return admin_usage(NULL, &admin_top_cmds[5]);
	if (db_vacuum(ctx->db, err, sizeof err) != 0)
		return admin_fail("%s", err);
	admin_audit(ctx, "db.vacuum", "", "");
	printf("ok: vacuumed\n");
	return 0;
}

static int
print_audit(const struct audit_entry *e, void *arg)
{
	char when[64];

	(void)arg;
	printf("%s  ", admin_time(e->at, when, sizeof when));
	admin_put(e->actor_id == 0 ? "(admin command)" :
	    e->actor_id == AUDIT_AUTOMATIC ? "(automatic)" : e->actor_name);
	printf("  %s  ", e->action);
	admin_put(e->target);
	if (*e->label != '\0') {
		fputs(" (", stdout);
		admin_put(e->label);
		putchar(')');
	}
	if (*e->detail != '\0') {
		fputs("  ", stdout);
		admin_put(e->detail);
	}
	putchar('\n');
	return 0;
}

static int
cmd_audit(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "limit", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	long long limit = AUDIT_DEFAULT_LIMIT;
	int ch;

	while ((ch = getopt_long(argc, argv, "n:", opts, NULL)) != -1) {
		if (ch != 'n' || admin_number(optarg, 100000, &limit) != 0 ||
		    limit == 0)
			return admin_usage(NULL, &admin_top_cmds[3]);
	}
	if (optind != argc)
		return admin_usage(NULL, &admin_top_cmds[3]);
	if (audit_each(ctx->db, (int)limit, print_audit, NULL) < 0)
		return admin_fail("cannot read the audit log");
	return 0;
}

int
admin_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("tinklas admin: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

int
admin_fail_key(const char *what, const char *key)
{
	return admin_fail("%s: %s", what, T(key));
}

int
admin_usage(const char *group, const struct admin_cmd *cmd)
{
	fputs("usage: tinklas admin\n", stderr);
	print_cmd(stderr, group, cmd);
	return 2;
}

int
admin_account(struct admin_ctx *ctx, const char *name, struct account *a)
{
	char esc[128];

	if (account_by_name(ctx->db, name, a) == 0)
		return 0;
	return admin_fail("no account '%s'", log_escape(name, esc,
	    sizeof esc));
}

/* Reads one line from stdin without its line end; NULL at end of input. */
static char *
read_line(const char *prompt, bool tty)
{
	struct termios old, quiet;
	char buf[PASSWORD_LINE_MAX + 2];
	bool echo_off = false;
	size_t n;

	if (tty) {
		fputs(prompt, stderr);
		if (tcgetattr(STDIN_FILENO, &old) == 0) {
			quiet = old;
			quiet.c_lflag &= ~(tcflag_t)ECHO;
			echo_off = tcsetattr(STDIN_FILENO, TCSAFLUSH,
			    &quiet) == 0;
		}
	}
	if (fgets(buf, sizeof buf, stdin) == NULL)
		buf[0] = '\0';
	if (echo_off) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	n = strcspn(buf, "\r\n");
	if (n == 0 && buf[0] == '\0')
		return NULL;
	buf[n] = '\0';
	return xstrdup(buf);
}

int
admin_read_password(struct admin_ctx *ctx, const char *name, char **out)
{
	bool tty = isatty(STDIN_FILENO);
	char *pw, *again, *msg;
	const char *err;
	int min;

	*out = NULL;
	if ((pw = read_line("New password: ", tty)) == NULL || *pw == '\0') {
		free(pw);
		return admin_fail("no password given on standard input");
	}
	if (tty) {
		again = read_line("Again: ", tty);
		if (again == NULL || strcmp(pw, again) != 0) {
			free(again);
			free(pw);
			return admin_fail_key("password refused",
			    "error.password.mismatch");
		}
		free(again);
	}
	min = ctx->cfg->password_min_length;
	if ((err = account_check_password(pw, name, min)) != NULL) {
		free(pw);
		if (strcmp(err, "error.password.short") != 0)
			return admin_fail_key("password refused", err);
		msg = TFA(err, A_NUM(min));
		admin_fail("password refused: %s", msg);
		free(msg);
		return 1;
	}
	*out = pw;
	return 0;
}

void
admin_put(const char *s)
{
	char *clean = sanitize(s, strlen(s), SANITIZE_LINE, 0, 0);

	fputs(clean, stdout);
	free(clean);
}

const char *
admin_time(int64_t t, char *buf, size_t sz)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t == 0 || localtime_r(&tt, &tm) == NULL)
		snprintf(buf, sz, "-");
	else
		strftime(buf, sz, "%Y-%m-%d %H:%M %Z", &tm);
	return buf;
}

int
admin_number(const char *s, long long max, long long *out)
{
	char *end;
	long long n;

	errno = 0;
	n = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || n < 0 || n > max)
		return -1;
	*out = n;
	return 0;
}

int
admin_id(const char *s, int64_t *out)
{
	long long n;

	if (admin_number(s, INT64_MAX, &n) != 0 || n == 0)
		return -1;
	*out = n;
	return 0;
}

void
admin_audit(struct admin_ctx *ctx, const char *action, const char *target,
    const char *detail)
{
	if (audit_log(ctx->db, 0, action, target, detail) != 0)
		admin_fail("warning: could not write the audit log");
}

struct actor
admin_actor(const struct admin_ctx *ctx)
{
	return actor_admin_command(ctx->cfg->default_lang);
}
