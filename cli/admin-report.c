/* `tinklas admin report ...`: the moderation queue from the shell: list the
 * open reports on posts and resolve them. The admin command is the forum
 * actor with account 0 and ROLE_ADMIN; core writes the audit log. */
#include "cli/admin-cmd.h"
#include "common/config.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/forums.h"
#include "core/sanitize.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPORT_DEFAULT_LIMIT	50
#define REPORT_LIMIT_MAX	10000
#define SUSPEND_DEFAULT_DAYS	7
#define SUSPEND_DAYS_MAX	3650
#define EXCERPT_COLS		60

static int	cmd_list(struct admin_ctx *, int, char **);
static int	cmd_resolve(struct admin_ctx *, int, char **);

static const struct admin_cmd admin_report_cmds[] = {
	{ "list", "[--limit N]", "list open reports on posts, oldest first, "
	    "with the reporters' reasons (default 50)", true, cmd_list },
	{ "resolve", "POST-ID dismiss|hide|suspend [--days N] --reason TEXT",
	    "close a post's reports: dismiss, hide the post, or hide it and "
	    "suspend its author (7 days)", true, cmd_resolve },
	{ NULL, NULL, NULL, false, NULL }
};

const struct admin_group admin_group_report = {
	.name = "report",
	.help = "reports on forum posts",
	.cmds = admin_report_cmds,
};

#define CMD(i)	(&admin_report_cmds[i])

/* "no", "yes" (by a moderator) or "reports" (by three reports). */
static const char *
hidden_word(const struct forum_report *r)
{
	if (!r->hidden)
		return "no";
	return r->auto_hidden ? "reports" : "yes";
}

/* Prints each line of user text on its own indented, sanitised line. */
static void
put_lines(const char *indent, const char *s)
{
	char *line;
	size_t n;

	for (; *s != '\0'; s += n + (s[n] == '\n')) {
		if ((n = strcspn(s, "\n")) == 0)
			continue;
		line = xstrndup(s, n);
		fputs(indent, stdout);
		admin_put(line);
		putchar('\n');
		free(line);
	}
}

/* One report: its line in the table, the post's start, the reasons. */
static void
print_report(const struct forum_report *r)
{
	const char *body;
	char *excerpt;

	printf("%-7lld %-7d %-7s %-20s %-7lld ", (long long)r->post_id,
	    r->count, hidden_word(r), r->author_name,
	    (long long)r->thread_id);
	admin_put(r->thread_title);
	putchar('\n');
	body = r->body != NULL ? r->body : "";
	excerpt = sanitize(body, strlen(body), SANITIZE_LINE, 0, EXCERPT_COLS);
	printf("        post #%lld: \"%s\"\n", (long long)r->seq, excerpt);
	free(excerpt);
	if (r->reasons != NULL)
		put_lines("        ", r->reasons);
}

static int
cmd_list(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "limit", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct actor v = admin_actor(ctx);
	long long limit = REPORT_DEFAULT_LIMIT;
	struct forum_report_list l;
	size_t i;
	int ch;

	while ((ch = getopt_long(argc, argv, "n:", opts, NULL)) != -1) {
		if (ch != 'n' || admin_number(optarg, REPORT_LIMIT_MAX,
		    &limit) != 0 || limit == 0)
			return admin_usage("report", CMD(0));
	}
	if (optind != argc)
		return admin_usage("report", CMD(0));
	if (forum_reports(ctx->db, &v, 0, (int)limit, &l) != 0)
		return admin_fail("cannot read the reports");
	if (l.n == 0)
		printf("no open reports\n");
	else
		printf("%-7s %-7s %-7s %-20s %-7s %s\n", "POST", "REPORTS",
		    "HIDDEN", "AUTHOR", "THREAD", "TITLE");
	for (i = 0; i < l.n; i++)
		print_report(&l.v[i]);
	if (l.more)
		printf("more reports wait: raise --limit (now %lld)\n", limit);
	forum_report_list_free(&l);
	return 0;
}

/* Parses the resolution's word; 0 or -1. */
static int
parse_how(const char *s, enum forum_resolution *out)
{
	if (strcmp(s, "dismiss") == 0)
		*out = FORUM_RESOLVE_DISMISS;
	else if (strcmp(s, "hide") == 0)
		*out = FORUM_RESOLVE_HIDE;
	else if (strcmp(s, "suspend") == 0)
		*out = FORUM_RESOLVE_SUSPEND;
	else
		return -1;
	return 0;
}

static int
cmd_resolve(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "days", required_argument, NULL, 'd' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct actor v = admin_actor(ctx);
	long long id, days = -1;
	const char *reason = NULL;
	enum forum_resolution how;
	struct core_error e;
	struct forum_post p;
	char what[64], author[FORUM_NAME_SZ];
	int ch;

	while ((ch = getopt_long(argc, argv, "d:r:", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			if (admin_number(optarg, SUSPEND_DAYS_MAX, &days) !=
			    0 || days == 0)
				return admin_fail("--days wants a number of "
				    "days from 1 to %d", SUSPEND_DAYS_MAX);
			break;
		case 'r':
			reason = optarg;
			break;
		default:
			return admin_usage("report", CMD(1));
		}
	}
	if (argc - optind != 2 || reason == NULL ||
	    admin_number(argv[optind], INT64_MAX, &id) != 0 || id == 0 ||
	    parse_how(argv[optind + 1], &how) != 0 ||
	    (days != -1 && how != FORUM_RESOLVE_SUSPEND))
		return admin_usage("report", CMD(1));
	if (days == -1)
		days = SUSPEND_DEFAULT_DAYS;
	if (forum_post_get(ctx->db, &v, id, &p) != 0)
		return admin_fail("no post %lld", id);
	snprintf(author, sizeof author, "%s", p.author_name);
	forum_post_clear(&p);
	e = forum_report_resolve(ctx->db, &v, id, how, (int)days, reason);
	if (core_failed(e)) {
		snprintf(what, sizeof what, "reports on post %lld not resolved",
		    id);
		return admin_fail_key(what, e.key);
	}
	switch (how) {
	case FORUM_RESOLVE_DISMISS:
		printf("reports on post %lld dismissed\n", id);
		break;
	case FORUM_RESOLVE_HIDE:
		printf("post %lld hidden\n", id);
		break;
	case FORUM_RESOLVE_SUSPEND:
		printf("post %lld hidden; %s suspended for %lld days\n", id,
		    author, days);
		break;
	}
	return 0;
}
