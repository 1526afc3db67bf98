/* The metrics as CSV (RFC 4180, UTF-8, CRLF): the months with the
 * period's total last, then the events by eldership, their accessibility,
 * the co-organising organisations, the surveys' response rates and the
 * members by language, eldership and role (a hidden group's count empty,
 * with why), each table with its header row and a blank line between.
 * Cells go through csv_cell, so a name that starts like a formula stays
 * text; a median is in seconds, empty when
 * there was nothing to take it of. */
#include "core/metrics.h"
#include "core/csv.h"
#include "core/sanitize.h"
#include "common/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void	month_row(struct strbuf *, const char *,
		    const struct metrics_month *);
static void	breakdown(struct strbuf *, const char *,
		    const struct metrics_breakdown *);

static const char *const month_head = "month,members,active,registrations,"
    "posts,threads,threads_answered,threads_answered_pct,"
    "first_reply_median_s,events_held,event_answers,event_going,"
    "mentorship_requests,mentorships_accepted,match_rate_pct,"
    "answer_median_s,mentorships_started,mentorships_active,"
    "mentorships_ended,messages\r\n";

void
metrics_csv(const struct metrics_report *r, struct strbuf *out)
{
	static const char *const access[] = { "step_free", "hearing_loop",
		"sign_language", "easy_read" };
	char month[16];

	sb_puts(out, month_head);
	for (size_t i = 0; i < r->nmonths; i++) {
		snprintf(month, sizeof month, "%04d-%02d", r->months[i].year,
		    r->months[i].month);
		month_row(out, month, &r->months[i]);
	}
	month_row(out, "total", &r->total);
	sb_puts(out, "\r\neldership,events\r\n");
	for (size_t i = 0; i < r->nelderships; i++) {
		csv_cell(out, r->elderships[i].eldership);
		sb_printf(out, ",%lld\r\n", (long long)r->elderships[i].events);
	}
	sb_printf(out, "\r\naccessibility,events\r\nall_events,%lld\r\n"
	    "any_feature,%lld\r\n", (long long)r->events,
	    (long long)r->events_accessible);
	for (size_t i = 0; i < 4; i++)
		sb_printf(out, "%s,%lld\r\n", access[i],
		    (long long)r->events_access[i]);
	sb_puts(out, "\r\norganisation,kind,events\r\n");
	for (size_t i = 0; i < r->norgs; i++) {
		char *name = sanitize(r->orgs[i].name, strlen(r->orgs[i].name),
		    SANITIZE_LINE, 0, 0);

		csv_cell(out, name);
		sb_putc(out, ',');
		csv_cell(out, r->orgs[i].kind);
		sb_printf(out, ",%lld\r\n", (long long)r->orgs[i].events);
		free(name);
	}
	sb_puts(out, "\r\nsurvey,title,responses,audience,response_rate_pct"
	    "\r\n");
	for (size_t i = 0; i < r->nsurveys; i++) {
		const struct metrics_survey *v = &r->surveys[i];
		char *title = sanitize(v->title, strlen(v->title),
		    SANITIZE_LINE, 0, 0);

		sb_printf(out, "%lld,", (long long)v->id);
		csv_cell(out, title);
		sb_printf(out, ",%lld,%lld,%.1f\r\n", (long long)v->responses,
		    (long long)v->audience, metrics_share(v->responses,
		    v->audience));
		free(title);
	}
	breakdown(out, "language", &r->by_lang);
	breakdown(out, "eldership", &r->by_eldership);
	breakdown(out, "role", &r->by_role);
}

/* A breakdown of the members: a hidden group's count is empty. */
static void
breakdown(struct strbuf *out, const char *what,
    const struct metrics_breakdown *b)
{
	static const char *const why[] = { "", "too_small", "complement" };

	sb_printf(out, "\r\n%s,members,hidden\r\n", what);
	for (size_t i = 0; i < b->n; i++) {
		csv_cell(out, b->v[i].label);
		if (b->v[i].why == SG_SHOWN)
			sb_printf(out, ",%lld,\r\n", b->v[i].count);
		else
			sb_printf(out, ",,%s\r\n", why[b->v[i].why]);
	}
}

/* A median cell: seconds, or empty. */
static void
median_cell(struct strbuf *out, int64_t s)
{
	if (s >= 0)
		sb_printf(out, ",%lld", (long long)s);
	else
		sb_putc(out, ',');
}

static void
month_row(struct strbuf *out, const char *label, const struct metrics_month *m)
{
	sb_printf(out, "%s,%lld,%lld,%lld,%lld,%lld,%lld,%.1f", label,
	    (long long)m->members, (long long)m->active,
	    (long long)m->registrations, (long long)m->posts,
	    (long long)m->threads, (long long)m->threads_answered,
	    metrics_share(m->threads_answered, m->threads));
	median_cell(out, m->first_reply_median);
	sb_printf(out, ",%lld,%lld,%lld,%lld,%lld,%.1f",
	    (long long)m->events_held, (long long)m->event_answers,
	    (long long)m->event_going, (long long)m->ms_requests,
	    (long long)m->ms_accepted,
	    metrics_share(m->ms_accepted, m->ms_requests));
	median_cell(out, m->ms_answer_median);
	sb_printf(out, ",%lld,%lld,%lld,%lld\r\n", (long long)m->ms_started,
	    (long long)m->ms_active, (long long)m->ms_ended,
	    (long long)m->messages);
}
