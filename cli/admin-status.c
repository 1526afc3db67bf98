/* `tinklas admin status`: the site's health at a glance, for a person or
 * a monitoring script: sessions online, the database's size, the last
 * backup, the errors of the last day (DATA/errors.log, see common/log.h)
 * and SQLite's quick check. Exit status 1, with one line per problem,
 * when something needs an administrator. */
#include "cli/admin-cmd.h"
#include "common/config.h"
#include "common/xalloc.h"
#include "core/backups.h"
#include "core/db.h"
#include "core/sessions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define BACKUP_MAX_AGE	(2 * 86400)	/* older: a problem */
#define ERROR_WINDOW	86400		/* errors counted over a day */
#define ERROR_SHOWN	5		/* the newest lines printed */
#define ERROR_LINE_MAX	512
#define CHECK_SHOWN	5

struct errors_seen {
	int	count;			/* in the window */
	char	last[ERROR_SHOWN][ERROR_LINE_MAX];
	int	nlast;			/* lines in last, oldest first */
};

struct check_seen {
	int	shown;
};

static const char *size_text(long long, char *, size_t);
static long long file_size(const struct config *, const char *);
static void	read_errors(const char *, time_t, struct errors_seen *);
static void	print_check_problem(const char *, void *);
static int	problem(const char *);

/* "12.3 MiB", "456 KiB", "789 bytes". */
static const char *
size_text(long long n, char *buf, size_t sz)
{
	if (n >= 1024 * 1024)
		snprintf(buf, sz, "%.1f MiB", n / (1024.0 * 1024.0));
	else if (n >= 1024)
		snprintf(buf, sz, "%.1f KiB", n / 1024.0);
	else
		snprintf(buf, sz, "%lld byte%s", n, n == 1 ? "" : "s");
	return buf;
}

/* The size of DATA/name, 0 when it is not there. */
static long long
file_size(const struct config *cfg, const char *name)
{
	char *path = config_path(cfg, name);
	struct stat st;
	long long n;

	n = stat(path, &st) == 0 ? (long long)st.st_size : 0;
	free(path);
	return n;
}

/* Adds the lines of the error file path written since `since` to seen.
 * A line starts with its UTC stamp (common/log.c); others are skipped. */
static void
read_errors(const char *path, time_t since, struct errors_seen *seen)
{
	char line[ERROR_LINE_MAX];
	struct tm tm;
	const char *rest;
	size_t len;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL) {
		len = strlen(line);
		if (len > 0 && line[len - 1] != '\n' && !feof(f)) {
			/* A longer line: drop its rest. */
			int c;

			while ((c = fgetc(f)) != EOF && c != '\n')
				;
		}
		line[strcspn(line, "\n")] = '\0';
		memset(&tm, 0, sizeof tm);
		rest = strptime(line, "%Y-%m-%dT%H:%M:%SZ", &tm);
		if (rest == NULL || timegm(&tm) < since)
			continue;
		seen->count++;
		if (seen->nlast == ERROR_SHOWN) {
			memmove(seen->last[0], seen->last[1],
			    sizeof seen->last[0] * (ERROR_SHOWN - 1));
			seen->nlast--;
		}
		snprintf(seen->last[seen->nlast++], ERROR_LINE_MAX, "%s", line);
	}
	fclose(f);
}

static void
print_check_problem(const char *text, void *arg)
{
	struct check_seen *c = arg;

	if (c->shown++ >= CHECK_SHOWN)
		return;
	fputs("  ", stdout);
	admin_put(text);
	putchar('\n');
}

/* One line that needs an administrator; returns 1 (the exit status). */
static int
problem(const char *text)
{
	printf("Needs an administrator: %s\n", text);
	return 1;
}

int
admin_cmd_status(struct admin_ctx *ctx, int argc, char **argv)
{
	const struct config *cfg = ctx->cfg;
	struct errors_seen errs = { 0 };
	struct check_seen chk = { 0 };
	struct backup_entry b;
	char when[64], s1[32], s2[32], s3[32], *path, *old;
	long long dbsize, walsize;
	time_t now = time(NULL);
	int members, guests, sessions, last, checked, i, rc = 0;

	(void)argv;
	if (argc != 1) {
		fputs("usage: tinklas admin status\n", stderr);
		return 2;
	}
	if (session_totals(ctx->db, &members, &guests, &sessions) != 0)
		return admin_fail("cannot read the sessions");
	admin_print_online(sessions, members, guests);

	dbsize = file_size(cfg, "tinklas.db");
	walsize = file_size(cfg, "tinklas.db-wal");
	printf("Database: %s (file %s, write-ahead log %s)\n",
	    size_text(dbsize + walsize, s1, sizeof s1),
	    size_text(dbsize, s2, sizeof s2), size_text(walsize, s3, sizeof s3));

	if ((last = backup_last(ctx->db, &b)) < 0)
		return admin_fail("cannot read the backups");
	if (last == 0)
		printf("Last backup: never\n");
	else {
		printf("Last backup: %s, %s, ", admin_time(b.at, when,
		    sizeof when), size_text(b.bytes, s1, sizeof s1));
		admin_put(b.path);
		putchar('\n');
	}

	path = config_path(cfg, "errors.log");
	old = xasprintf("%s.1", path);
	read_errors(old, now - ERROR_WINDOW, &errs);
	read_errors(path, now - ERROR_WINDOW, &errs);
	printf("Errors in the last 24 hours: %d\n", errs.count);
	for (i = 0; i < errs.nlast; i++) {
		fputs("  ", stdout);
		admin_put(errs.last[i]);
		putchar('\n');
	}

	checked = db_quick_check(ctx->db, print_check_problem, &chk);
	if (checked == 0)
		printf("Quick check: ok\n");
	else if (checked > 0)
		printf("Quick check: %d problem%s\n", checked,
		    checked == 1 ? "" : "s");
	else
		printf("Quick check: could not run\n");

	if (last == 0)
		rc |= problem("no backup was ever taken (`tinklas admin "
		    "backup`, or the tinklas-backup.timer)");
	else if (now - b.at > BACKUP_MAX_AGE)
		rc |= problem("no backup in the last 2 days");
	if (errs.count > 0) {
		printf("Needs an administrator: %d error%s in the last 24 "
		    "hours (", errs.count, errs.count == 1 ? "" : "s");
		admin_put(path);
		printf(")\n");
		rc = 1;
	}
	if (checked != 0)
		rc |= problem(checked > 0 ? "the quick check found problems "
		    "(run `tinklas admin check`)" : "the quick check could "
		    "not run");
	free(old);
	free(path);
	return rc;
}
