/* A survey's results (core/survey-results.h): who may read them, the
 * responses, and per question asked, answered, the counts per option or
 * value, mean, median, recommend score and the free texts, each read as
 * one SQL aggregate. The breakdowns are core/survey-breakdowns.c. */
#include "core/survey-results-internal.h"
#include "core/survey.h"
#include "core/survey-stats.h"
#include "core/actor.h"
#include "core/db-internal.h"
#include "core/sanitize.h"
#include "common/xalloc.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const dim_names[SD_NDIMS] = {
	[SD_LANG] = "language",
	[SD_ELDERSHIP] = "eldership",
	[SD_ROLE] = "role",
};

const char *
survey_dim_name(enum survey_dim d)
{
	assert((unsigned)d < SD_NDIMS);
	return dim_names[d];
}

bool
survey_scale_range(enum survey_qkind k, long long *lo, long long *hi)
{
	if (k == SQ_AGREE5) {
		*lo = 1;
		*hi = 5;
		return true;
	}
	if (k == SQ_SCALE10) {
		*lo = 0;
		*hi = 10;
		return true;
	}
	return false;
}

int
survey_value_index(const struct survey_qresult *qr, const char *choice,
    long long num)
{
	long long lo, hi;

	if (survey_scale_range(qr->q->kind, &lo, &hi))
		return num >= lo && num <= hi ? (int)(num - lo) : -1;
	for (size_t i = 0; i < qr->nvalues; i++)
		if (strcmp(qr->values[i].item, choice) == 0)
			return (int)i;
	return -1;
}

void
survey_scale_figures(enum survey_qkind k, const struct survey_count *v,
    size_t n, bool *has_mean, double *mean, double *median,
    bool *has_recommend, double *recommend)
{
	struct stats_bin bins[11];
	long long lo = 0, hi = -1;
	bool scale = survey_scale_range(k, &lo, &hi);

	assert(scale);
	(void)scale;
	assert(n == (size_t)(hi - lo + 1) && n <= sizeof bins / sizeof bins[0]);
	for (size_t i = 0; i < n; i++) {
		bins[i].value = lo + (long long)i;
		bins[i].count = v[i].count;
	}
	*has_mean = survey_stats_mean(bins, n, mean) &&
	    survey_stats_median(bins, n, median);
	*has_recommend = k == SQ_SCALE10 &&
	    survey_stats_recommend(bins, n, recommend);
}

/* The first column of a count query bound with the survey, the question
 * key and (when sql has ?3) a choice or a number; -1 on error. */
static long long
count_rows(struct db *db, const char *sql, int64_t id, const char *qkey,
    const char *choice, const long long *num)
{
	sqlite3_stmt *st;
	long long n = -1;

	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, qkey);
	if (choice != NULL)
		db_bind_text(st, 3, choice);
	else if (num != NULL)
		sqlite3_bind_int64(st, 3, *num);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The question's index by key, or -1. */
static int
question_index(const struct survey_def *d, const char *key)
{
	for (size_t i = 0; i < d->nquestions; i++)
		if (strcmp(d->questions[i].key, key) == 0)
			return (int)i;
	return -1;
}

/* The responses question q was shown to: every one without skip logic,
 * else those with show_value among the answers to show_if (stored only
 * when that question was itself shown). */
static long long
asked(struct db *db, const struct survey_results *r,
    const struct survey_question *q)
{
	const struct survey_question *p;
	char *end;
	long long v;
	int pi;

	if (q->show_if[0] == '\0')
		return r->responses;
	if ((pi = question_index(&r->def, q->show_if)) < 0)
		return 0;
	p = &r->def.questions[pi];
	if (p->kind == SQ_SINGLE || p->kind == SQ_MULTIPLE)
		return count_rows(db, "SELECT count(DISTINCT response_id) FROM "
		    "survey_answers WHERE survey_id = ?1 AND qkey = ?2 AND "
		    "choice = ?3", r->def.id, p->key, q->show_value, NULL);
	v = strtoll(q->show_value, &end, 10);
	if (end == q->show_value || *end != '\0')
		return 0;
	return count_rows(db, "SELECT count(DISTINCT response_id) FROM "
	    "survey_answers WHERE survey_id = ?1 AND qkey = ?2 AND num = ?3",
	    r->def.id, p->key, NULL, &v);
}

/* The question's counts: per option (choices) or value (scales), or the
 * histogram of a number, whose figures are set here. 0 or -1. */
static int
value_counts(struct db *db, const struct survey_results *r,
    struct survey_qresult *qr)
{
	const struct survey_question *q = qr->q;
	struct stats_bin *bins = NULL;
	size_t nbins = 0;
	sqlite3_stmt *st;
	long long lo, hi;
	int rc;

	if (q->kind == SQ_SINGLE || q->kind == SQ_MULTIPLE) {
		qr->nvalues = q->noptions;
		qr->values = xcalloc(qr->nvalues, sizeof *qr->values);
		for (size_t i = 0; i < q->noptions; i++)
			snprintf(qr->values[i].item, sizeof qr->values[i].item,
			    "%s", q->options[i].key);
	} else if (survey_scale_range(q->kind, &lo, &hi)) {
		qr->nvalues = (size_t)(hi - lo + 1);
		qr->values = xcalloc(qr->nvalues, sizeof *qr->values);
		for (size_t i = 0; i < qr->nvalues; i++)
			snprintf(qr->values[i].item, sizeof qr->values[i].item,
			    "%lld", lo + (long long)i);
	} else if (q->kind != SQ_NUMBER)
		return 0;
	if ((st = db_prepare(db, "SELECT choice, num, count(*) FROM "
	    "survey_answers WHERE survey_id = ?1 AND qkey = ?2 GROUP BY "
	    "choice, num ORDER BY num")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, r->def.id);
	db_bind_text(st, 2, q->key);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *choice = (const char *)sqlite3_column_text(st, 0);
		long long num = sqlite3_column_int64(st, 1);
		long long n = sqlite3_column_int64(st, 2);
		int i;

		if (q->kind == SQ_NUMBER) {
			if (sqlite3_column_type(st, 1) == SQLITE_NULL)
				continue;
			bins = xreallocarray(bins, nbins + 1, sizeof *bins);
			bins[nbins].value = num;
			bins[nbins++].count = n;
		} else if ((i = survey_value_index(qr, choice, num)) >= 0)
			qr->values[i].count += n;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(bins);
		return -1;
	}
	for (size_t i = 0; i < qr->nvalues; i++)
		qr->values[i].share = survey_stats_share(qr->values[i].count,
		    qr->answered);
	if (q->kind == SQ_NUMBER)
		qr->has_mean = survey_stats_mean(bins, nbins, &qr->mean) &&
		    survey_stats_median(bins, nbins, &qr->median);
	else if (qr->nvalues > 0 && survey_scale_range(q->kind, &lo, &hi))
		survey_scale_figures(q->kind, qr->values, qr->nvalues,
		    &qr->has_mean, &qr->mean, &qr->median, &qr->has_recommend,
		    &qr->recommend);
	free(bins);
	return 0;
}

/* The free-text answers, sanitised again on their way out, in text order
 * (the order given would follow the submissions). 0 or -1. */
static int
texts(struct db *db, const struct survey_results *r,
    struct survey_qresult *qr)
{
	enum sanitize_kind kind = qr->q->kind == SQ_LONG ? SANITIZE_BODY :
	    SANITIZE_LINE;
	sqlite3_stmt *st;
	int rc;

	if ((st = db_prepare(db, "SELECT text FROM survey_answers WHERE "
	    "survey_id = ?1 AND qkey = ?2 AND text IS NOT NULL AND text <> '' "
	    "ORDER BY text")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, r->def.id);
	db_bind_text(st, 2, qr->q->key);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);

		qr->texts = xreallocarray(qr->texts, qr->ntexts + 1,
		    sizeof *qr->texts);
		qr->texts[qr->ntexts++] = sanitize(s,
		    (size_t)sqlite3_column_bytes(st, 0), kind, 0, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
question(struct db *db, const struct survey_results *r,
    struct survey_qresult *qr)
{
	enum survey_qkind k = qr->q->kind;

	if ((qr->asked = asked(db, r, qr->q)) < 0 ||
	    (qr->answered = count_rows(db, "SELECT count(DISTINCT "
	    "response_id) FROM survey_answers WHERE survey_id = ?1 AND "
	    "qkey = ?2", r->def.id, qr->q->key, NULL, NULL)) < 0)
		return -1;
	qr->not_asked = r->responses - qr->asked;
	if (value_counts(db, r, qr) != 0)
		return -1;
	if (k == SQ_SHORT || k == SQ_LONG)
		return texts(db, r, qr);
	if (k == SQ_NUMBER)
		return 0;
	qr->has_breakdowns = true;
	for (int d = 0; d < SD_NDIMS; d++)
		if (survey_breakdown_question(db, r, qr,
		    (enum survey_dim)d) != 0)
			return -1;
	return 0;
}

struct core_error
survey_results_get(struct db *db, const struct actor *a, int64_t id,
    int min_group, struct survey_results *out)
{
	int rc;

	assert(min_group >= 1);
	memset(out, 0, sizeof *out);
	out->min_group = min_group;
	if (a->guest || a->role < ROLE_MODERATOR)
		return CORE_ERR("error.survey.not_allowed", NULL);
	if ((rc = survey_load(db, id, &out->def)) == 1)
		return CORE_ERR("error.survey.not_found", NULL);
	if (rc != 0 || (out->responses = db_scalar(db, "SELECT count(*) FROM "
	    "survey_responses WHERE survey_id = ?1", id, 0, -1)) < 0)
		return CORE_ERR("error.internal", NULL);
	out->indicative = out->responses < SURVEY_INDICATIVE_BELOW;
	for (int d = 0; d < SD_NDIMS; d++)
		if (survey_breakdown_responses(db, out, (enum survey_dim)d) != 0)
			return CORE_ERR("error.internal", NULL);
	out->q = xcalloc(out->def.nquestions ? out->def.nquestions : 1,
	    sizeof *out->q);
	for (size_t i = 0; i < out->def.nquestions; i++) {
		out->q[i].q = &out->def.questions[i];
		if (question(db, out, &out->q[i]) != 0)
			return CORE_ERR("error.internal", NULL);
	}
	return CORE_OK;
}

void
survey_results_free(struct survey_results *r)
{
	for (size_t i = 0; r->q != NULL && i < r->def.nquestions; i++) {
		struct survey_qresult *qr = &r->q[i];

		free(qr->values);
		for (size_t j = 0; j < qr->ntexts; j++)
			free(qr->texts[j]);
		free(qr->texts);
		for (int d = 0; d < SD_NDIMS; d++)
			survey_breakdown_free(&qr->by[d]);
	}
	free(r->q);
	for (int d = 0; d < SD_NDIMS; d++)
		survey_breakdown_free(&r->by[d]);
	survey_def_free(&r->def);
	memset(r, 0, sizeof *r);
}
