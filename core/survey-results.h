/* The results of one survey (issue 10), for moderators and admins (and the
 * admin command): responses, and per question what was asked and
 * answered, counts and shares per option or scale value, the mean and
 * median of scales and numbers, the 0-10 recommend score
 * (core/survey-stats.h), the free-text answers, and breakdowns by
 * language, eldership and role under the small-group rule
 * (core/smallgroup.h). Read in SQL aggregates; nothing here names or
 * orders anyone. The UI draws them (bars: ui/bar-chart.h); the CSV is
 * survey_results_csv.
 *
 * Figures:
 *   - a question's "asked" are the responses it was shown to: all, or for
 *     a question with skip logic those whose answer to its show_if
 *     question has show_value (answers to a hidden question are never
 *     stored, so an answer there means that question was shown too);
 *     "not_asked" the rest; "answered" those with an answer to it;
 *   - shares are of "answered" (a multiple choice's add up to more than
 *     1); the scales list every value (agree5 1-5, scale10 0-10), choice
 *     questions every option, in the definition's order;
 *   - free texts (short, long) are listed sanitised, in text order (never
 *     in the order given), and never broken down;
 *   - a breakdown (single, multiple, agree5, scale10) groups a question's
 *     answerers by the attribute copied onto the response at submission;
 *     the small-group rule runs over each group's number of answerers to
 *     that question (so skip logic cannot leave a hidden group's answers
 *     to be worked out by subtraction), with the question's "answered" as
 *     the total. A hidden group keeps its label and why, never its
 *     figures (count 0, no values).
 *   - results from fewer than SURVEY_INDICATIVE_BELOW responses are
 *     indicative.
 *
 * Keys: "error.survey.not_allowed" (not a moderator or admin, or a guest),
 * "error.survey.not_found", "error.internal". */
#ifndef TINKLAS_SURVEY_RESULTS_H
#define TINKLAS_SURVEY_RESULTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/smallgroup.h"
#include "core/survey-def.h"

struct actor;
struct db;
struct strbuf;

#define SURVEY_INDICATIVE_BELOW	30	/* responses */
#define SURVEY_GROUP_LABEL_MAX	32	/* bytes of a group's label */

/* What a breakdown groups by; the CSV's and the UI's words are
 * survey_dim_name's. */
enum survey_dim {
	SD_LANG,	/* "language": accounts.lang, a code ("lt") */
	SD_ELDERSHIP,	/* "eldership": a calendar eldership code, "" none */
	SD_ROLE,	/* "role": role_name() */
};
#define SD_NDIMS	3

/* One option (its key) or scale value (in decimal) of a question. */
struct survey_count {
	char		 item[SURVEY_KEY_MAX + 1];
	long long	 count;
	double		 share;		/* of the question's answered */
};

/* One group of a breakdown. */
struct survey_group {
	char			 label[SURVEY_GROUP_LABEL_MAX + 1];
	enum smallgroup_why	 why;
	long long		 count;	/* answerers (responses at the survey
					 * level); 0 when hidden */
	/* Shown groups of a question's breakdown: counts and shares (of the
	 * group's count) parallel to the question's values; NULL otherwise. */
	struct survey_count	*values;
	bool			 has_mean;	/* a shown scale's group */
	double			 mean, median;
	bool			 has_recommend;	/* a shown scale10's group */
	double			 recommend;
};

struct survey_breakdown {
	struct survey_group	*v;	/* by label */
	size_t			 n;
	size_t			 hidden;
};

struct survey_qresult {
	const struct survey_question *q;	/* in the results' def */
	long long		 asked, not_asked, answered;
	struct survey_count	*values;	/* choices and scales */
	size_t			 nvalues;
	bool			 has_mean;	/* scales and numbers answered */
	double			 mean, median;
	bool			 has_recommend;	/* scale10 answered */
	double			 recommend;
	char			**texts;	/* short and long */
	size_t			 ntexts;
	bool			 has_breakdowns;	/* choices and scales */
	struct survey_breakdown	 by[SD_NDIMS];
};

struct survey_results {
	struct survey_def	 def;
	long long		 responses;
	bool			 indicative;	/* responses <
						 * SURVEY_INDICATIVE_BELOW */
	int			 min_group;	/* the rule's k */
	/* Responses per group, under the same rule over responses. */
	struct survey_breakdown	 by[SD_NDIMS];
	struct survey_qresult	*q;		/* parallel to def.questions */
};

/* "language", "eldership", "role". */
const char *survey_dim_name(enum survey_dim d);
/* Reads the results of survey id with min_group (>= 1; the config's
 * survey_min_group) as the small-group rule's minimum into *out (freed
 * with survey_results_free, also after an error). */
struct core_error survey_results_get(struct db *db, const struct actor *a,
    int64_t id, int min_group, struct survey_results *out);
void survey_results_free(struct survey_results *r);

/* core/survey-csv.c: the results as CSV (RFC 4180, UTF-8, CRLF, cells by
 * core/csv.h), with the columns
 *   row,question,breakdown,group,item,count,share,value
 * where row says what the line holds: "responses" (count), "indicative"
 * (value yes or no), "min_group" (value), "asked", "not_asked",
 * "answered" (count), "option" (item an option key) and "scale" (item a
 * value) with count and share, "mean", "median", "recommend" (value;
 * recommend in percentage points), "text" (value a free-text answer).
 * Breakdown lines carry breakdown (survey_dim_name) and group (its
 * label): "responses" for the survey's groups, and per question
 * "answered", "option" or "scale" (share of the group's answered),
 * "mean", "median", "recommend". Hidden groups are never written. Shares
 * have 4 decimals, the rest 2, a '.' whatever the locale. */
void survey_results_write_csv(const struct survey_results *r,
    struct strbuf *out);
/* survey_results_get and the CSV into out. */
struct core_error survey_results_csv(struct db *db, const struct actor *a,
    int64_t id, int min_group, struct strbuf *out);

#endif
