/* `tinklas admin report ...`: the moderation queue (core/queue.h) from the
 * shell: list what waits and decide reported posts (kind "forum.post") or
 * reported private messages (kind "messages.report", with --kind message)
 * with that kind's actions. Of a message, only the reported one is shown,
 * as on the moderator's screen. The admin command is the actor with
 * account 0 and ROLE_ADMIN; core writes the audit log. */
#include "cli/admin-cmd.h"
#include "common/config.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/forums.h"
#include "core/queue.h"
#include "core/sanitize.h"

#include <assert.h>
#include <getopt.h>
#include <stdbool.h>
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
	{ "list", "[--kind post|message] [--limit N]", "list open reports on "
	    "posts (or private messages), oldest first, with the reporters' "
	    "reasons (default 50)", true, cmd_list },
	{ "resolve", "ID ACTION [--kind post|message] [--days N] --reason TEXT",
	    "close the reports: a post's by dismiss, hide, or suspend (hide it "
	    "and suspend its author, 7 days); a message's by dismiss, remove, "
	    "or suspend (remove it and suspend its author)", true, cmd_resolve },
	{ NULL, NULL, NULL, false, NULL }
};

const struct admin_group admin_group_report = {
	.name = "report",
	.help = "reports on forum posts and private messages",
	.cmds = admin_report_cmds,
};

/* The words of --kind, and the queue's kinds they stand for. */
static const struct {
	const char	*word;
	const char	*kind;
	const char	*column;	/* the list's first column */
} kinds[] = {
	{ "post", "forum.post", "POST" },
	{ "message", "messages.report", "MESSAGE" },
};

/* The index in kinds[] of word, or -1. */
static int
kind_index(const char *word)
{
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(word, kinds[i].word) == 0)
			return (int)i;
	return -1;
}

#define CMD(i)	(&admin_report_cmds[i])

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

/* One subject: its line in the table (for a post: whether it is hidden,
 * "yes" by a moderator or "reports" by three reports; its thread), the
 * start of its text, the reasons. */
static void
print_report(const struct queue_entry *r)
{
	const char *body;
	char *excerpt;

	printf("%-7lld %-7d %-7s %-20s %-7lld ", (long long)r->subject_id,
	    r->count, r->s.note_word != NULL ? r->s.note_word : "-",
	    r->s.owner_name, (long long)r->s.place_id);
	admin_put(r->s.title);
	putchar('\n');
	body = r->s.body != NULL ? r->s.body : "";
	excerpt = sanitize(body, strlen(body), SANITIZE_LINE, 0, EXCERPT_COLS);
	printf("        %s #%lld: \"%s\"\n", strcmp(r->k->kind, "forum.post")
	    == 0 ? "post" : "message", (long long)r->s.number, excerpt);
	free(excerpt);
	if (r->reasons != NULL)
		put_lines("        ", r->reasons);
}

static int
cmd_list(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ "limit", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct actor v = admin_actor(ctx);
	long long limit = REPORT_DEFAULT_LIMIT;
	long long shown = 0;
	struct queue_list l;
	bool more = false, done;
	size_t i;
	int ch, offset, k = 0;

	while ((ch = getopt_long(argc, argv, "k:n:", opts, NULL)) != -1) {
		if (ch == 'k' && (k = kind_index(optarg)) >= 0)
			continue;
		if (ch != 'n' || admin_number(optarg, REPORT_LIMIT_MAX,
		    &limit) != 0 || limit == 0)
			return admin_usage("report", CMD(0));
	}
	if (optind != argc)
		return admin_usage("report", CMD(0));
	/* Reports of the one kind, page by page of the whole queue: event
	 * proposals have their own command (`tinklas admin event`). */
	for (offset = 0;; offset += (int)limit) {
		if (queue_list(ctx->db, &v, offset, (int)limit, &l) != 0)
			return admin_fail("cannot read the reports");
		for (i = 0; i < l.n && !more; i++) {
			if (strcmp(l.v[i].k->kind, kinds[k].kind) != 0)
				continue;
			if (shown == limit) {
				more = true;
				break;
			}
			if (shown++ == 0)
				printf("%-7s %-7s %-7s %-20s %-7s %s\n",
				    kinds[k].column, "REPORTS", k == 0 ? "HIDDEN" :
				    "REMOVED", "AUTHOR", k == 0 ? "THREAD" : "CONV",
				    k == 0 ? "TITLE" : "START");
			print_report(&l.v[i]);
		}
		done = more || !l.more;
		queue_list_free(&l);
		if (done)
			break;
	}
	if (shown == 0)
		printf("no open reports\n");
	if (more)
		printf("more reports wait: raise --limit (now %lld)\n", limit);
	return 0;
}

static int
cmd_resolve(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "days", required_argument, NULL, 'd' },
		{ "kind", required_argument, NULL, 'k' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct actor v = admin_actor(ctx);
	long long id, days = -1;
	const struct queue_kind *k;
	const struct queue_action *how;
	const char *reason = NULL, *what, *done;
	struct queue_subject subject;
	struct core_error e;
	char failed[64];
	int ch, ki = 0;

	while ((ch = getopt_long(argc, argv, "d:k:r:", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			if (admin_number(optarg, SUSPEND_DAYS_MAX, &days) !=
			    0 || days == 0)
				return admin_fail("--days wants a number of "
				    "days from 1 to %d", SUSPEND_DAYS_MAX);
			break;
		case 'k':
			if ((ki = kind_index(optarg)) < 0)
				return admin_usage("report", CMD(1));
			break;
		case 'r':
			reason = optarg;
			break;
		default:
			return admin_usage("report", CMD(1));
		}
	}
	k = queue_kind_find(kinds[ki].kind);
	assert(k != NULL);	/* its domain declares it */
	what = kinds[ki].word;
	done = ki == 0 ? "hidden" : "removed";
	if (argc - optind != 2 || reason == NULL ||
	    admin_number(argv[optind], INT64_MAX, &id) != 0 || id == 0 ||
	    (how = queue_action_find(k, argv[optind + 1])) == NULL ||
	    (days != -1 && !how->days))
		return admin_usage("report", CMD(1));
	if (days == -1)
		days = SUSPEND_DEFAULT_DAYS;
	if (k->describe(ctx->db, id, &subject) != 0)
		return admin_fail("no %s %lld", what, id);
	free(subject.body);
	e = queue_resolve(ctx->db, &v, k->kind, id, how->name, (int)days,
	    reason);
	if (core_failed(e)) {
		snprintf(failed, sizeof failed, "reports on %s %lld not resolved",
		    what, id);
		return admin_fail_key(failed, e.key);
	}
	if (how->dismisses)
		printf("reports on %s %lld dismissed\n", what, id);
	else if (how->days)
		printf("%s %lld %s; %s suspended for %lld days\n", what, id, done,
		    subject.owner_name, days);
	else
		printf("%s %lld %s\n", what, id, done);
	return 0;
}
