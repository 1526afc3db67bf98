/* The learning network's metrics for moderators and admins
 * (core/metrics.h): a period of months (the last 12 by default; p and n
 * move it by its length, m changes the length), shown a section at a
 * time (members, forums, events, mentoring, messages: the page keys go
 * from one to the next), each measure with its figure for the period and
 * one line per month, the month and its figure first and a bar of the
 * trend after. The CSV is the admin command's. */
#include "ui/survey-results-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/config.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/calendar.h"
#include "core/metrics.h"
#include "i18n/calendar.h"
#include "i18n/i18n.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#define MONTH_W	7	/* "2026-03" */
#define FIG_W	10
#define BAR_W	30
#define LABEL_W	28	/* an eldership's or a feature's name */

/* What a measure shows: a count, a share of two counts, or a median
 * duration in seconds (-1: none). */
enum measure_kind { MK_COUNT, MK_SHARE, MK_HOURS };

struct measure {
	const char		*key;	/* "Members: {0}" */
	enum measure_kind	 kind;
	size_t			 off;	/* of the int64_t in struct
					 * metrics_month */
	size_t			 whole;	/* MK_SHARE: of the whole */
};

#define M(f)	offsetof(struct metrics_month, f)

static const struct measure members_m[] = {
	{ "metrics.m.members", MK_COUNT, M(members), 0 },
	{ "metrics.m.active", MK_COUNT, M(active), 0 },
	{ "metrics.m.registrations", MK_COUNT, M(registrations), 0 },
};
static const struct measure forums_m[] = {
	{ "metrics.m.posts", MK_COUNT, M(posts), 0 },
	{ "metrics.m.threads", MK_COUNT, M(threads), 0 },
	{ "metrics.m.answered", MK_SHARE, M(threads_answered), M(threads) },
	{ "metrics.m.first_reply", MK_HOURS, M(first_reply_median), 0 },
};
static const struct measure events_m[] = {
	{ "metrics.m.events", MK_COUNT, M(events_held), 0 },
	{ "metrics.m.event_answers", MK_COUNT, M(event_answers), 0 },
	{ "metrics.m.going", MK_COUNT, M(event_going), 0 },
};
static const struct measure mentoring_m[] = {
	{ "metrics.m.ms_requests", MK_COUNT, M(ms_requests), 0 },
	{ "metrics.m.ms_match", MK_SHARE, M(ms_accepted), M(ms_requests) },
	{ "metrics.m.ms_time", MK_HOURS, M(ms_answer_median), 0 },
	{ "metrics.m.ms_started", MK_COUNT, M(ms_started), 0 },
	{ "metrics.m.ms_active", MK_COUNT, M(ms_active), 0 },
	{ "metrics.m.ms_ended", MK_COUNT, M(ms_ended), 0 },
};
static const struct measure messages_m[] = {
	{ "metrics.m.messages", MK_COUNT, M(messages), 0 },
};

struct section {
	const char		*key;	/* its name */
	const struct measure	*m;
	size_t			 n;
	/* Optional: what the period says as a whole (events). */
	void			(*more)(struct app *, const struct metrics_report *,
				    struct view *);
};

static void	members_more(struct app *, const struct metrics_report *,
		    struct view *);
static void	events_more(struct app *, const struct metrics_report *,
		    struct view *);
static void	surveys_more(struct app *, const struct metrics_report *,
		    struct view *);

#define SEC(k, a, f)	{ k, a, sizeof a / sizeof a[0], f }
static const struct section sections[] = {
	SEC("metrics.s.members", members_m, members_more),
	SEC("metrics.s.forums", forums_m, NULL),
	SEC("metrics.s.events", events_m, events_more),
	SEC("metrics.s.mentoring", mentoring_m, NULL),
	SEC("metrics.s.messages", messages_m, NULL),
	{ "metrics.s.surveys", NULL, 0, surveys_more },
};
#define NSECTIONS	((int)(sizeof sections / sizeof sections[0]))

/* The lengths m steps through, in months. */
static const int lengths[] = { 3, 6, 12, 24 };
#define NLENGTHS	((int)(sizeof lengths / sizeof lengths[0]))

struct metrics_state {
	int			 year, month;	/* the period's last month */
	int			 length;	/* index in lengths */
	int			 section;
	bool			 loaded;
	const char		*error;	/* the key of why not */
	struct metrics_report	 r;
};

static int64_t
field(const struct metrics_month *m, size_t off)
{
	return *(const int64_t *)(const void *)((const char *)m + off);
}

/* The month that is n months after (n < 0: before) year-month. */
static void
month_add(int *year, int *month, int n)
{
	int k = *year * 12 + (*month - 1) + n;

	*year = k / 12;
	*month = k % 12 + 1;
}

/* Whether the period ends with the month that holds now: nothing later
 * has happened yet. */
static bool
at_now(const struct metrics_state *ms)
{
	struct i18n_wall w;

	i18n_wall_from_utc(clock_now(), &w, NULL);
	return ms->year * 12 + ms->month >= w.year * 12 + w.month;
}

static void
metrics_load(struct app *app, struct metrics_state *ms)
{
	struct metrics_period p = { ms->year, ms->month,
	    lengths[ms->length], clock_now(), app->cfg->survey_min_group,
	    i18n_lang() };
	struct core_error e;

	month_add(&p.year, &p.month, -(p.nmonths - 1));
	e = metrics_compute(app->db, app_actor(app), &p, &ms->r);
	ms->loaded = !core_failed(e);
	ms->error = e.key;
	if (!ms->loaded)
		app_notice(app, T(e.key));
}

static void *
metrics_open(struct app *app, void *arg)
{
	struct metrics_state *ms = xcalloc(1, sizeof *ms);
	struct i18n_wall w;

	(void)arg;
	ms->length = 2;	/* 12 months */
	if (!app_is_moderator(app)) {
		ms->error = "error.metrics.not_allowed";
		app_notice(app, T(ms->error));
		return ms;
	}
	i18n_wall_from_utc(clock_now(), &w, NULL);
	ms->year = w.year;
	ms->month = w.month;
	metrics_load(app, ms);
	return ms;
}

/* A measure's figure in the reader's words. */
static char *
figure(const struct measure *me, const struct metrics_month *m)
{
	int64_t v = field(m, me->off);

	switch (me->kind) {
	case MK_COUNT:
		break;
	case MK_SHARE:
		if (field(m, me->whole) == 0)
			return xstrdup(T("metrics.none"));
		return TFA("metrics.share", A_NUM(metrics_share(v,
		    field(m, me->whole)) / 100));
	case MK_HOURS:
		if (v < 0)
			return xstrdup(T("metrics.none"));
		return TFA("metrics.hours", A_NUM((double)v / 3600));
	}
	return TFA("metrics.count", A_NUM(v));
}

/* How long a month's bar is: its share of the period's largest. */
static double
bar_share(const struct measure *me, const struct metrics_report *r,
    size_t i)
{
	double top = 0, x;

	if (me->kind == MK_SHARE)
		return metrics_share(field(&r->months[i], me->off),
		    field(&r->months[i], me->whole)) / 100;
	for (size_t j = 0; j < r->nmonths; j++) {
		x = (double)field(&r->months[j], me->off);
		if (x > top)
			top = x;
	}
	x = (double)field(&r->months[i], me->off);
	return top > 0 && x > 0 ? x / top : 0;
}

static void
describe_measure(struct app *app, const struct measure *me,
    const struct metrics_report *r, struct view *v)
{
	struct strbuf sb = { 0 };
	char month[16], *fig, *label;

	for (size_t i = 0; i < r->nmonths; i++) {
		snprintf(month, sizeof month, "%04d-%02d", r->months[i].year,
		    r->months[i].month);
		fig = figure(me, &r->months[i]);
		figures_line(app, &sb, 0, month, MONTH_W, fig, FIG_W,
		    bar_share(me, r, i), BAR_W);
		free(fig);
	}
	fig = figure(me, &r->total);
	label = TFA(me->key, A_STR(fig));
	view_item(v, label, NULL, NULL);
	view_body(v, sb.s);
	free(label);
	free(fig);
	sb_free(&sb);
}

/* The widest of w and s's columns, up to LABEL_W. */
static int
wider(int w, const char *s)
{
	int n = i18n_width(s);

	n = n < LABEL_W ? n : LABEL_W;
	return n > w ? n : w;
}

static const char *
eldership_name(const struct metrics_eldership *e)
{
	int k = cal_eldership_find(e->eldership);

	if (e->eldership[0] == '\0')
		return T("metrics.no_eldership");
	return k >= 0 ? T(cal_elderships[k].key) : e->eldership;
}

/* A line of sb: label in w columns, the count n and its bar as a share
 * of total. */
static void
count_line(struct app *app, struct strbuf *sb, const char *label, int w,
    int64_t n, int64_t total)
{
	char *fig = TFA("metrics.count", A_NUM(n));

	figures_line(app, sb, 0, label, w, fig, FIG_W, total > 0 ?
	    (double)n / (double)total : 0, BAR_W);
	free(fig);
}

/* The heading and under it what sb holds, if anything; sb is emptied. */
static void
item_body(struct view *v, const char *heading, struct strbuf *sb)
{
	view_item(v, heading, NULL, NULL);
	if (sb->s != NULL)
		view_body(v, sb->s);
	sb_free(sb);
}

/* The members at the period's end by one attribute: the groups shown
 * with their bars, then the hidden ones and why. */
static void
breakdown(struct app *app, const struct metrics_report *r,
    const struct metrics_breakdown *b, enum survey_dim d, const char *key,
    struct view *v)
{
	struct strbuf sb = { 0 };
	char **words = xcalloc(b->n + 1, sizeof *words), *fig;
	size_t i;
	int w = 0;

	for (i = 0; i < b->n; i++) {
		words[i] = figures_group_word(d, b->v[i].label);
		if (b->v[i].why == SG_SHOWN)
			w = wider(w, words[i]);
	}
	for (i = 0; i < b->n; i++) {
		if (b->v[i].why != SG_SHOWN)
			continue;
		count_line(app, &sb, words[i], w, b->v[i].count,
		    r->total.members);
	}
	for (i = 0; i < b->n; i++) {
		if (b->v[i].why == SG_SHOWN)
			continue;
		fig = b->v[i].why == SG_TOO_SMALL ?
		    TFA("metrics.hidden_small", A_STR(words[i]),
		    A_NUM(r->min_group)) :
		    TFA("survey_results.hidden_complement", A_STR(words[i]));
		sb_printf(&sb, "%s\n", fig);
		free(fig);
	}
	for (i = 0; i < b->n; i++)
		free(words[i]);
	free(words);
	item_body(v, T(key), &sb);
}

static void
members_more(struct app *app, const struct metrics_report *r,
    struct view *v)
{
	breakdown(app, r, &r->by_lang, SD_LANG, "metrics.by.language", v);
	breakdown(app, r, &r->by_eldership, SD_ELDERSHIP,
	    "metrics.by.eldership", v);
	breakdown(app, r, &r->by_role, SD_ROLE, "metrics.by.role", v);
}

/* Each survey of the period: how many of its audience answered. */
static void
surveys_more(struct app *app, const struct metrics_report *r,
    struct view *v)
{
	struct strbuf sb = { 0 };
	char *fig, *s;

	for (size_t i = 0; i < r->nsurveys; i++) {
		const struct metrics_survey *sv = &r->surveys[i];

		fig = TFA("metrics.survey_rate", A_NUM(sv->responses),
		    A_NUM(sv->audience), A_NUM(sv->audience > 0 ?
		    (double)sv->responses / (double)sv->audience : 0));
		figures_line(app, &sb, 0, sv->title, LABEL_W, fig, 20,
		    sv->audience > 0 ? (double)sv->responses /
		    (double)sv->audience : 0, 12);
		free(fig);
	}
	s = TFA("metrics.surveys", A_NUM(r->nsurveys));
	item_body(v, s, &sb);
	free(s);
}

/* The events of the period as a whole: per eldership, with
 * accessibility features, and the organisations that co-organise them. */
static void
events_more(struct app *app, const struct metrics_report *r, struct view *v)
{
	static const char *const access_keys[4] = {
		"calendar.access.step_free", "calendar.access.hearing_loop",
		"calendar.access.sign_language", "calendar.access.easy_read",
	};
	struct strbuf sb = { 0 };
	char *s;
	size_t i;
	int w = 0;

	for (i = 0; i < r->nelderships; i++)
		w = wider(w, eldership_name(&r->elderships[i]));
	for (i = 0; i < r->nelderships; i++)
		count_line(app, &sb, eldership_name(&r->elderships[i]), w,
		    r->elderships[i].events, r->events);
	s = TFA("metrics.by_eldership", A_NUM(r->events));
	item_body(v, s, &sb);
	free(s);
	for (w = 0, i = 0; i < 4; i++)
		w = wider(w, T(access_keys[i]));
	for (i = 0; i < 4; i++)
		count_line(app, &sb, T(access_keys[i]), w,
		    r->events_access[i], r->events);
	s = TFA("metrics.accessible", A_NUM(r->events_accessible),
	    A_NUM(r->events));
	item_body(v, s, &sb);
	free(s);
	for (i = 0; i < r->norgs; i++) {
		s = TFA("metrics.org", A_STR(r->orgs[i].name),
		    A_NUM(r->orgs[i].events));
		sb_printf(&sb, "%s\n", s);
		free(s);
	}
	s = TFA("metrics.orgs", A_NUM(r->norgs));
	item_body(v, s, &sb);
	free(s);
}

static void
metrics_describe(struct app *app, void *st, struct view *v)
{
	struct metrics_state *ms = st;
	const struct section *sec = &sections[ms->section];
	const struct metrics_report *r = &ms->r;
	char *first, *last, *s;

	if (!ms->loaded) {
		view_text(v, T(ms->error));
		return;
	}
	v->title = TFA("metrics.title_section", A_STR(T(sec->key)));
	view_pager(v, T("metrics.unit"));
	/* The period first, as an item: the pager opens at the first item,
	 * so text above it would be scrolled away on the full screen. */
	first = i18n_month_name(r->months[0].month);
	last = i18n_month_name(r->months[r->nmonths - 1].month);
	s = TFA("metrics.period", A_STR(first), A_NUM(r->months[0].year),
	    A_STR(last), A_NUM(r->months[r->nmonths - 1].year),
	    A_NUM(r->nmonths));
	view_item(v, s, NULL, NULL);
	view_body(v, T("metrics.csv"));
	free(s);
	free(first);
	free(last);
	for (size_t i = 0; i < sec->n; i++)
		describe_measure(app, &sec->m[i], r, v);
	if (sec->more != NULL)
		sec->more(app, r, v);
	v->more_before = ms->section > 0;
	v->more_after = ms->section + 1 < NSECTIONS;
	s = TFA("metrics.position", A_NUM(ms->section + 1), A_NUM(NSECTIONS));
	view_position(v, s);
	free(s);
	view_action(v, 'p', T("metrics.do.earlier"));
	if (!at_now(ms))
		view_action(v, 'n', T("metrics.do.later"));
	s = TFA("metrics.do.length", A_NUM(lengths[(ms->length + 1) %
	    NLENGTHS]));
	view_action(v, 'm', s);
	free(s);
}

/* The page keys go from section to section. */
static int
metrics_page(struct app *app, void *st, int dir)
{
	struct metrics_state *ms = st;
	int to = ms->section + dir;

	if (to >= 0 && to < NSECTIONS) {
		ms->section = to;
		app_list_again(app);
	}
	return SR_STAY;
}

/* p and n: the period before or after, as long; m: the next length,
 * ending with the same month. */
static int
metrics_action(struct app *app, void *st, int key)
{
	struct metrics_state *ms = st, was = *ms;

	if (!ms->loaded)
		return SR_STAY;
	if (key == 'p')
		month_add(&ms->year, &ms->month, -lengths[ms->length]);
	else if (key == 'n' && !at_now(ms))
		month_add(&ms->year, &ms->month, lengths[ms->length]);
	else if (key == 'm')
		ms->length = (ms->length + 1) % NLENGTHS;
	else
		return SR_STAY;
	ms->r = (struct metrics_report){ 0 };
	metrics_load(app, ms);
	if (!ms->loaded) {	/* out of range: the period shown stays */
		metrics_report_free(&ms->r);
		*ms = was;
	} else
		metrics_report_free(&was.r);
	app_list_again(app);
	return SR_STAY;
}

static void
metrics_close(struct app *app, void *st)
{
	struct metrics_state *ms = st;

	(void)app;
	metrics_report_free(&ms->r);
	free(ms);
}

const struct screen_ops screen_metrics = {
	.name = "metrics",
	.title_key = "metrics.title",
	.help_key = "metrics.help",
	.open = metrics_open,
	.describe = metrics_describe,
	.action = metrics_action,
	.page = metrics_page,
	.close = metrics_close,
};
