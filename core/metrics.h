/* The learning network's figures for the municipality (issue 10): per
 * calendar month of the site zone, how many members there are and how many
 * came back, what the forums, the calendar, the mentoring and the private
 * messages saw, and over the whole period the forum's health, the
 * mentoring's match rate, the events by eldership, their accessibility and
 * the organisations that co-organise them. Counts only: no figure names a
 * person, holds a text or says who wrote to whom; breakdowns of people
 * hide the groups too small to show (core/smallgroup.h).
 *
 * What the figures mean, and what the data cannot say:
 * - members: accounts registered before the month's end and not erased
 *   since (an erased account is gone, and the month it left is not kept).
 * - active: members whose last login falls in the last 30 days of the
 *   month (up to now for the month that holds now). Only each account's
 *   last login is kept, so for a past month this is a lower bound: a
 *   member who has logged in again since counts in the later month only.
 * - posts and threads: written in the month and still shown (not hidden,
 *   not deleted).
 * - events held: occurrences of published events that ended in the month
 *   (up to now), not cancelled; answers and "going" (not waiting) are
 *   those of these occurrences.
 * - mentorships: requested, started (accepted), ended (after being
 *   active) in the month, and active at its end; a withdrawn or declined
 *   request never started. Erasing a member removes their mentorships.
 * - messages: private messages sent in the month.
 * - surveys: each survey open at some time in the period (not a draft),
 *   with its responses (who answered, either kind) and its audience's
 *   size as it stands at its close (or now, or the period's end); the
 *   audience can shrink after an answer (a role taken back), so a rate
 *   can exceed 100%.
 * - breakdowns: the members at the period's end by language, eldership
 *   ('' when not given) and role, under the small-group rule.
 * The screen draws from struct metrics_report; CSV is metrics_csv(). */
#ifndef TINKLAS_METRICS_H
#define TINKLAS_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/smallgroup.h"

struct actor;
struct db;
struct strbuf;

#define METRICS_MONTHS_MAX	120	/* ten years */
#define METRICS_ACTIVE_DAYS	30
#define METRICS_ORGS_MAX	50	/* organisations listed */
#define METRICS_NAME_MAX	120	/* an organisation's name, characters */
#define METRICS_SURVEYS_MAX	100	/* surveys listed, the latest */

/* What is asked for: nmonths months from year-month. */
struct metrics_period {
	int		 year, month;	/* month 1 to 12 */
	int		 nmonths;	/* 1 to METRICS_MONTHS_MAX */
	int64_t		 now;	/* "active" and "held" look no further */
	int		 min_group;	/* the small-group rule's k (>= 1) */
	const char	*lang;	/* survey titles in this language first */
};

struct metrics_month {
	int		 year, month;	/* 1 to 12 */
	int64_t		 from, to;	/* [from, to) in UTC */
	int64_t		 members, active, registrations;
	int64_t		 posts, threads;
	int64_t		 threads_answered;	/* by someone else */
	int64_t		 first_reply_median;	/* seconds; -1: none */
	int64_t		 events_held, event_answers, event_going;
	int64_t		 ms_requests, ms_started, ms_active, ms_ended;
	int64_t		 ms_accepted;	/* of the month's requests */
	int64_t		 ms_answered;	/* of them, accepted or declined */
	int64_t		 ms_answer_median;	/* seconds; -1: none */
	int64_t		 messages;
};

/* Events of the period (distinct events with an occurrence held in it)
 * in one eldership ("" for none given: online or outside). */
struct metrics_eldership {
	char		 eldership[64];
	int64_t		 events;
};

/* An organisation and the events of the period it co-organises. */
struct metrics_org {
	int64_t		 id;
	char		 kind[16];
	char		 name[METRICS_NAME_MAX * 4 + 1];
	int64_t		 events;
};

/* A survey of the period and how many of its audience answered. */
struct metrics_survey {
	int64_t		 id;
	char		 title[512];
	int64_t		 opens, closes;	/* closes 0: never */
	int64_t		 responses, audience;
};

/* One group of a breakdown; why says whether it is shown. */
struct metrics_group {
	char			 label[64];	/* "lt", "centras", "member" */
	long long		 count;		/* meaningless when hidden */
	enum smallgroup_why	 why;
};

struct metrics_breakdown {
	struct metrics_group	*v;	/* by label */
	size_t			 n;
	size_t			 hidden;
};

struct metrics_report {
	int64_t			 from, to;	/* the whole period */
	struct metrics_month	*months;
	size_t			 nmonths;
	/* The period as one: counts summed, members and active those at its
	 * end, medians over all of it. year and month are the first's. */
	struct metrics_month	 total;
	int64_t			 events;	/* distinct events held */
	int64_t			 events_accessible;	/* listing any feature */
	int64_t			 events_access[4];	/* per enum cal_access bit */
	struct metrics_eldership *elderships;	/* most events first */
	size_t			 nelderships;
	struct metrics_org	*orgs;		/* most events first */
	size_t			 norgs;
	struct metrics_survey	*surveys;	/* by opening; the first
						 * METRICS_SURVEYS_MAX */
	size_t			 nsurveys;
	/* The members at the period's end (total.members in all). */
	struct metrics_breakdown by_lang, by_eldership, by_role;
	int			 min_group;
};

/* The UTC bounds [*from, *to) of a calendar month in the site zone
 * (i18n must be started). 0, or -1 for a month out of range. */
int metrics_month_bounds(int year, int month, int64_t *from, int64_t *to);
/* Fills out for the period p. Moderators and admins only:
 * "error.metrics.not_allowed"; "error.metrics.period" for a period out of
 * range; "error.internal". Free out with metrics_report_free either way. */
struct core_error metrics_compute(struct db *db, const struct actor *a,
    const struct metrics_period *p, struct metrics_report *out);
void metrics_report_free(struct metrics_report *r);
/* The report as CSV (RFC 4180, UTF-8, CRLF, formula cells neutralised):
 * one section per table, each with its header row, a blank line between;
 * a hidden group's count is empty, and the hidden say why. */
void metrics_csv(const struct metrics_report *r, struct strbuf *out);
/* A share as a percentage of whole (0 when whole is 0). */
double metrics_share(int64_t part, int64_t whole);

#endif
