/* `tinklas admin event ...`: the calendar's events from the shell: list
 * them all (proposals too), show one, cancel one with a reason (everyone
 * who answered is told, as from the UI), and write the attendees of an
 * occurrence as CSV for a spreadsheet. Proposals are decided in the
 * moderation queue (approve, reject) here too. The admin command is the
 * actor with account 0 and ROLE_ADMIN; core checks and audits. */
#include "cli/admin-cmd.h"
#include "common/clock.h"
#include "common/strbuf.h"
#include "core/calendar-admin.h"
#include "core/calendar.h"
#include "core/queue.h"
#include "i18n/calendar.h"
#include "i18n/i18n.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define EVENT_DEFAULT_LIMIT	50
#define EVENT_LIMIT_MAX		10000

static int	cmd_list(struct admin_ctx *, int, char **);
static int	cmd_show(struct admin_ctx *, int, char **);
static int	cmd_cancel(struct admin_ctx *, int, char **);
static int	cmd_export(struct admin_ctx *, int, char **);
static int	cmd_decide(struct admin_ctx *, int, char **);

static const struct admin_cmd admin_event_cmds[] = {
	{ "list", "[--limit N]", "list the events, newest first: id, state, "
	    "first start, repeats, answers, organiser, title (default 50)",
	    true, cmd_list },
	{ "show", "ID", "show one event: when, where, who organises it, its "
	    "rule and its next date's answers", true, cmd_show },
	{ "cancel", "ID --reason TEXT", "cancel an event; everyone who "
	    "answered it is told", true, cmd_cancel },
	{ "export", "ID [--date YYYY-MM-DD]", "write the attendees of the next "
	    "date (or the date given) as CSV to stdout", true, cmd_export },
	{ "decide", "ID approve|reject --reason TEXT", "approve or reject a "
	    "member's proposed event (the moderation queue)", true,
	    cmd_decide },
	{ NULL, NULL, NULL, false, NULL }
};

const struct admin_group admin_group_event = {
	.name = "event",
	.help = "calendar events, their proposals and attendees",
	.cmds = admin_event_cmds,
};

#define CMD(i)	(&admin_event_cmds[i])

static int
cmd_list(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "limit", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct actor v = admin_actor(ctx);
	long long limit = EVENT_DEFAULT_LIMIT;
	struct cal_admin_list l;
	char when[40];
	size_t i;
	int ch;

	while ((ch = getopt_long(argc, argv, "n:", opts, NULL)) != -1) {
		if (ch != 'n' || admin_number(optarg, EVENT_LIMIT_MAX,
		    &limit) != 0 || limit == 0)
			return admin_usage("event", CMD(0));
	}
	if (optind != argc)
		return admin_usage("event", CMD(0));
	if (calendar_admin_events(ctx->db, &v, 0, (int)limit, &l) != 0)
		return admin_fail("cannot read the events");
	if (l.n == 0)
		printf("no events\n");
	else
		printf("%-6s %-10s %-22s %-7s %-7s %-20s %s\n", "ID", "STATE",
		    "START", "REPEATS", "ANSWERS", "ORGANISER", "TITLE");
	for (i = 0; i < l.n; i++) {
		printf("%-6lld %-10s %-22s %-7s %-7d %-20s ",
		    (long long)l.v[i].id, cal_state_word(l.v[i].state),
		    admin_time(l.v[i].start, when, sizeof when),
		    l.v[i].recurs ? "yes" : "no", l.v[i].answers,
		    l.v[i].organiser[0] != '\0' ? l.v[i].organiser : "-");
		admin_put(l.v[i].title);
		putchar('\n');
	}
	if (l.more)
		printf("more events: raise --limit (now %lld)\n", limit);
	cal_admin_list_free(&l);
	return 0;
}

/* Prints "  label: text" when text is not empty. */
static void
field(const char *label, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	printf("  %-13s ", label);
	admin_put(text);
	putchar('\n');
}

static int
cmd_show(struct admin_ctx *ctx, int argc, char **argv)
{
	static const char *const access[] = { "step-free", "hearing loop",
		"sign language", "easy to read" };
	struct actor v = admin_actor(ctx);
	struct strbuf sb = { 0 };
	struct cal_event e;
	char a[40], b[40];
	int64_t id;
	int i;

	if (argc != 2 || admin_id(argv[1], &id) != 0)
		return admin_usage("event", CMD(1));
	if (calendar_event_get(ctx->db, &v, id, 0, clock_now(), &e) != 0)
		return admin_fail("no event %lld (see `tinklas admin event "
		    "list`)", (long long)id);
	printf("event %lld, %s: ", (long long)id, e.occ.cancelled ?
	    "cancelled" : cal_state_word(e.occ.state));
	admin_put(e.occ.title);
	putchar('\n');
	printf("  %-13s %s to %s%s\n", "when", admin_time(e.occ.start, a,
	    sizeof a), admin_time(e.occ.end, b, sizeof b), e.occ.all_day ?
	    " (whole days)" : "");
	field("repeats", e.rrule);
	field("where", e.occ.online ? "online" : e.occ.venue);
	field("address", e.address);
	field("eldership", e.occ.eldership);
	field("organiser", e.organiser[0] != '\0' ? e.organiser : "-");
	for (i = 0; i < I18N_NLANGS; i++)
		if (e.occ.languages & CAL_LANG_BIT(i))
			sb_printf(&sb, "%s%s", sb.len ? ", " : "",
			    i18n_langs[i]);
	field("languages", sb.s);
	sb_free(&sb);
	field("topics", e.tags);
	for (i = 0; i < 4; i++)
		if (e.occ.access & (1u << i))
			sb_printf(&sb, "%s%s", sb.len ? ", " : "", access[i]);
	field("access", sb.s);
	sb_free(&sb);
	field("access note", e.access_note);
	field("cost", e.cost[0] != '\0' ? e.cost : "free");
	if (e.occ.capacity > 0)
		printf("  %-13s %d\n", "places", e.occ.capacity);
	printf("  %-13s %d going, %d maybe, %d not going, %d waiting\n",
	    "answers", e.occ.going, e.maybe, e.not_going, e.waiting);
	field("description", e.description);
	cal_event_free(&e);
	return 0;
}

static int
cmd_cancel(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct actor v = admin_actor(ctx);
	struct cal_notify told = { 0 };
	const char *reason = NULL;
	struct core_error e;
	int64_t id;
	int ch;

	while ((ch = getopt_long(argc, argv, "r:", opts, NULL)) != -1) {
		if (ch != 'r')
			return admin_usage("event", CMD(2));
		reason = optarg;
	}
	if (argc - optind != 1 || admin_id(argv[optind], &id) != 0 ||
	    reason == NULL || *reason == '\0')
		return admin_usage("event", CMD(2));
	e = calendar_event_cancel(ctx->db, &v, id, reason, &told);
	if (core_failed(e))
		return admin_fail_key("event not cancelled", e.key);
	printf("cancelled event %lld; %zu told\n", (long long)id, told.n);
	cal_notify_free(&told);
	return 0;
}

/* The occurrence of event id that starts on date (site zone), or the next
 * one when date is NULL. 0 or 1. */
static int
occurrence(struct admin_ctx *ctx, int64_t id, const char *date,
    int64_t *recur_utc)
{
	struct actor v = admin_actor(ctx);
	struct cal_occurrence_list l;
	struct i18n_wall w = { 0 };
	struct cal_event e;
	int64_t from, to;
	bool found;
	size_t i;

	if (date == NULL) {
		if (calendar_event_get(ctx->db, &v, id, 0, clock_now(), &e) != 0)
			return admin_fail("no event %lld", (long long)id);
		*recur_utc = e.occ.recur_utc;
		cal_event_free(&e);
		return 0;
	}
	if (sscanf(date, "%4d-%2d-%2d", &w.year, &w.month, &w.day) != 3 ||
	    calendar_day_bounds(w.year, w.month, w.day, &from, &to) != 0)
		return admin_fail("not a date: %s (YYYY-MM-DD)", date);
	if (calendar_range(ctx->db, &v, from, to, NULL, &l) != 0)
		return admin_fail("cannot read the events");
	for (i = 0; i < l.n && (l.v[i].event_id != id ||
	    l.v[i].start < from); i++)
		;
	found = i < l.n;
	if (found)
		*recur_utc = l.v[i].recur_utc;
	cal_occurrence_list_free(&l);
	if (!found)
		return admin_fail("event %lld has no date on %s",
		    (long long)id, date);
	return 0;
}

static int
cmd_export(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	struct actor v = admin_actor(ctx);
	struct strbuf out = { 0 };
	const char *date = NULL;
	struct core_error e;
	int64_t id, recur;
	int ch;

	while ((ch = getopt_long(argc, argv, "d:", opts, NULL)) != -1) {
		if (ch != 'd')
			return admin_usage("event", CMD(3));
		date = optarg;
	}
	if (argc - optind != 1 || admin_id(argv[optind], &id) != 0)
		return admin_usage("event", CMD(3));
	if (occurrence(ctx, id, date, &recur) != 0)
		return 1;
	e = calendar_attendees_csv(ctx->db, &v, id, recur, &out);
	if (core_failed(e)) {
		sb_free(&out);
		return admin_fail_key("no attendees written", e.key);
	}
	/* CSV as it is: its cells are quoted and neutralised by core, and
	 * its CRLF line ends are RFC 4180's. */
	fwrite(out.s != NULL ? out.s : "", 1, out.len, stdout);
	sb_free(&out);
	return 0;
}

static int
cmd_decide(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct actor v = admin_actor(ctx);
	const char *reason = NULL;
	struct core_error e;
	int64_t id;
	int ch;

	while ((ch = getopt_long(argc, argv, "r:", opts, NULL)) != -1) {
		if (ch != 'r')
			return admin_usage("event", CMD(4));
		reason = optarg;
	}
	if (argc - optind != 2 || admin_id(argv[optind], &id) != 0 ||
	    reason == NULL || (strcmp(argv[optind + 1], "approve") != 0 &&
	    strcmp(argv[optind + 1], "reject") != 0))
		return admin_usage("event", CMD(4));
	e = queue_resolve(ctx->db, &v, "calendar.proposal", id,
	    argv[optind + 1], 0, reason);
	if (core_failed(e))
		return admin_fail_key("not decided", e.key);
	printf("%s event %lld\n", strcmp(argv[optind + 1], "approve") == 0 ?
	    "approved" : "rejected", (long long)id);
	return 0;
}
