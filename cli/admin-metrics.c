/* `tinklas admin metrics [--from YYYY-MM] [--to YYYY-MM] [--csv]`: the
 * learning network's figures (core/metrics.h) per month of the site zone,
 * the last 12 months by default (--to is the last month shown): a report
 * to read, with a trend drawn in '#' for the main series, or the same
 * figures as CSV for a spreadsheet. */
#include "cli/admin-cmd.h"
#include "common/config.h"
#include "core/actor.h"
#include "core/metrics.h"
#include "common/clock.h"
#include "common/log.h"
#include "common/strbuf.h"
#include "i18n/calendar.h"
#include "ui/bar-chart.h"

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TREND_WIDTH	40

static int	cmd_metrics_report(struct admin_ctx *, int, char **);

static const struct admin_cmd admin_metrics_cmds[] = {
	{ "report", "[--from YYYY-MM] [--to YYYY-MM] [--csv]", "the "
	    "learning network's figures per month (default the last 12); "
	    "`metrics --csv` works too", true, cmd_metrics_report },
	{ NULL, NULL, NULL, false, NULL }
};

const struct admin_group admin_group_metrics = {
	.name = "metrics",
	.help = "the learning network's figures for the municipality",
	.cmds = admin_metrics_cmds,
	.bare = &admin_metrics_cmds[0],
};

/* Reads "YYYY-MM" as a month number (year * 12 + month - 1); 0 or -1. */
static int
parse_month(const char *s, int *out)
{
	char *end;
	long y, m;

	if (strlen(s) != 7 || s[4] != '-')
		return -1;
	y = strtol(s, &end, 10);
	if (end != s + 4 || y < 1970 || y > 9998)
		return -1;
	m = strtol(s + 5, &end, 10);
	if (*end != '\0' || m < 1 || m > 12)
		return -1;
	*out = (int)(y * 12 + m - 1);
	return 0;
}

/* "3 h 05 min", "2 d 4 h", or "-" when there is none. */
static const char *
span(int64_t s, char *buf, size_t sz)
{
	if (s < 0)
		snprintf(buf, sz, "-");
	else if (s < 3600)
		snprintf(buf, sz, "%lld min", (long long)(s / 60));
	else if (s < 86400)
		snprintf(buf, sz, "%lld h %02lld min", (long long)(s / 3600),
		    (long long)(s % 3600 / 60));
	else
		snprintf(buf, sz, "%lld d %lld h", (long long)(s / 86400),
		    (long long)(s % 86400 / 3600));
	return buf;
}

/* One series as a bar per month, scaled to its largest month. */
static void
trend(const struct metrics_report *r, const char *title, size_t off)
{
	struct strbuf sb = { 0 };
	int64_t max = 0, v;

	for (size_t i = 0; i < r->nmonths; i++) {
		v = *(const int64_t *)((const char *)&r->months[i] + off);
		max = v > max ? v : max;
	}
	printf("\n%s\n", title);
	for (size_t i = 0; i < r->nmonths; i++) {
		v = *(const int64_t *)((const char *)&r->months[i] + off);
		sb.len = 0;
		bar_chart_bar(&sb, max > 0 ? (double)v / (double)max : 0,
		    TREND_WIDTH, true);
		printf("  %04d-%02d %s %lld\n", r->months[i].year,
		    r->months[i].month, sb.s, (long long)v);
	}
	sb_free(&sb);
}

/* Row i of a month table, the total after the last month; prints the
 * row's first column and returns its figures. */
static const struct metrics_month *
row_start(const struct metrics_report *r, size_t i)
{
	if (i == r->nmonths) {
		printf("%-9s", "total");
		return &r->total;
	}
	printf("%04d-%02d  ", r->months[i].year, r->months[i].month);
	return &r->months[i];
}

static void
month_tables(const struct metrics_report *r)
{
	const struct metrics_month *m;
	char a[32];

	printf("\n%-8s %8s %7s %6s %8s %7s %8s %12s\n", "MONTH", "MEMBERS",
	    "ACTIVE", "NEW", "POSTS", "THREADS", "ANSWERED", "FIRST REPLY");
	for (size_t i = 0; i <= r->nmonths; i++) {
		m = row_start(r, i);
		printf("%8lld %7lld %6lld %8lld %7lld %7.1f%% %12s\n",
		    (long long)m->members, (long long)m->active,
		    (long long)m->registrations, (long long)m->posts,
		    (long long)m->threads,
		    metrics_share(m->threads_answered, m->threads),
		    span(m->first_reply_median, a, sizeof a));
	}
	printf("\n%-8s %6s %7s %6s %5s %6s %10s %5s %5s %5s %8s\n", "MONTH",
	    "EVENTS", "ANSWERS", "GOING", "REQ", "MATCH", "TO ANSWER",
	    "START", "ACT", "END", "MESSAGES");
	for (size_t i = 0; i <= r->nmonths; i++) {
		m = row_start(r, i);
		printf("%6lld %7lld %6lld %5lld %5.1f%% %10s %5lld %5lld %5lld "
		    "%8lld\n", (long long)m->events_held,
		    (long long)m->event_answers, (long long)m->event_going,
		    (long long)m->ms_requests,
		    metrics_share(m->ms_accepted, m->ms_requests),
		    span(m->ms_answer_median, a, sizeof a),
		    (long long)m->ms_started, (long long)m->ms_active,
		    (long long)m->ms_ended, (long long)m->messages);
	}
}

static void
period_tables(const struct metrics_report *r)
{
	static const char *const access[] = { "step-free access",
		"hearing loop", "sign language", "easy-read material" };

	printf("\nEvents held in the period: %lld; listing accessibility "
	    "features: %lld (%.1f%%)\n", (long long)r->events,
	    (long long)r->events_accessible,
	    metrics_share(r->events_accessible, r->events));
	for (size_t i = 0; i < 4; i++)
		printf("  %-20s %lld\n", access[i],
		    (long long)r->events_access[i]);
	printf("\nEvents by eldership:\n");
	if (r->nelderships == 0)
		printf("  none\n");
	for (size_t i = 0; i < r->nelderships; i++)
		printf("  %-20s %lld\n", r->elderships[i].eldership[0] != '\0' ?
		    r->elderships[i].eldership : "(none given)",
		    (long long)r->elderships[i].events);
	printf("\nOrganisations co-organising events:\n");
	if (r->norgs == 0)
		printf("  none\n");
	for (size_t i = 0; i < r->norgs; i++) {
		printf("  %5lld  %-10s ", (long long)r->orgs[i].events,
		    r->orgs[i].kind);
		admin_put(r->orgs[i].name);
		putchar('\n');
	}
}

/* A breakdown of the members, the hidden groups named with why. */
static void
breakdown(const char *what, const struct metrics_breakdown *b, int k)
{
	printf("\nMembers by %s:\n", what);
	for (size_t i = 0; i < b->n; i++) {
		printf("  %-20s ", b->v[i].label[0] != '\0' ? b->v[i].label :
		    "(none given)");
		if (b->v[i].why == SG_SHOWN)
			printf("%lld\n", b->v[i].count);
		else if (b->v[i].why == SG_TOO_SMALL)
			printf("hidden: fewer than %d\n", k);
		else
			printf("hidden: it would reveal a small group\n");
	}
}

static void
survey_table(const struct metrics_report *r)
{
	printf("\nSurveys open in the period:\n");
	if (r->nsurveys == 0)
		printf("  none\n");
	for (size_t i = 0; i < r->nsurveys; i++) {
		const struct metrics_survey *v = &r->surveys[i];

		printf("  %-5lld %6lld of %-6lld %5.1f%%  ", (long long)v->id,
		    (long long)v->responses, (long long)v->audience,
		    metrics_share(v->responses, v->audience));
		admin_put(v->title);
		putchar('\n');
	}
}

static int
cmd_metrics_report(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "csv", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct actor a = admin_actor(ctx);
	struct metrics_period p = { .now = clock_now(), .lang = "en",
	    .min_group = ctx->cfg->survey_min_group };
	struct metrics_report r;
	struct strbuf sb = { 0 };
	struct i18n_wall w;
	struct core_error e;
	char esc[64];
	int ch, from = -1, to = -1;
	bool csv = false;

	while ((ch = getopt_long(argc, argv, "f:t:c", opts, NULL)) != -1) {
		if ((ch == 'f' && parse_month(optarg, &from) == 0) ||
		    (ch == 't' && parse_month(optarg, &to) == 0))
			continue;
		if (ch == 'c') {
			csv = true;
			continue;
		}
		if (ch == 'f' || ch == 't')
			return admin_fail("not a month: %s (YYYY-MM)",
			    log_escape(optarg, esc, sizeof esc));
		return admin_usage("metrics", &admin_metrics_cmds[0]);
	}
	if (optind != argc)
		return admin_usage("metrics", &admin_metrics_cmds[0]);
	if (to < 0) {
		i18n_wall_from_utc(p.now, &w, NULL);
		to = w.year * 12 + w.month - 1;
	}
	if (from < 0)
		from = to - 11;
	if (from > to)
		return admin_fail("--from is after --to");
	p.year = from / 12;
	p.month = from % 12 + 1;
	p.nmonths = to - from + 1;
	e = metrics_compute(ctx->db, &a, &p, &r);
	if (core_failed(e)) {
		metrics_report_free(&r);
		return admin_fail_key("no metrics", e.key);
	}
	if (csv) {
		metrics_csv(&r, &sb);
		fwrite(sb.s, 1, sb.len, stdout);
		sb_free(&sb);
	} else {
		printf("Learning-network metrics, %04d-%02d to %04d-%02d\n",
		    from / 12, from % 12 + 1, to / 12, to % 12 + 1);
		month_tables(&r);
		trend(&r, "Active members (logged in over the month's last 30 "
		    "days):", offsetof(struct metrics_month, active));
		trend(&r, "Posts:", offsetof(struct metrics_month, posts));
		trend(&r, "Events held:", offsetof(struct metrics_month,
		    events_held));
		trend(&r, "Private messages:", offsetof(struct metrics_month,
		    messages));
		period_tables(&r);
		survey_table(&r);
		printf("\nGroups of fewer than %d members are hidden.\n",
		    r.min_group);
		breakdown("language", &r.by_lang, r.min_group);
		breakdown("eldership", &r.by_eldership, r.min_group);
		breakdown("role", &r.by_role, r.min_group);
		printf("\nActive members are counted by each account's last "
		    "login only: for a past\nmonth the figure is a lower "
		    "bound.\n");
	}
	metrics_report_free(&r);
	return 0;
}
