/* Breakdowns of survey results by language, eldership and role (see
 * core/survey-results.h): group sizes from the attributes copied onto each
 * response at submission, the small-group rule over them
 * (core/smallgroup.h), and for the shown groups of a question their counts
 * per option or value. A hidden group's figures are dropped here, so no
 * caller can show them by mistake. */
#include "core/survey-results-internal.h"
#include "core/survey-stats.h"
#include "core/accounts.h"
#include "core/db-internal.h"
#include "common/xalloc.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The response's column each dimension reads; one constant SQL text per
 * dimension and query. */
#define RESPONSES_SQL(col) \
	"SELECT " col ", count(*) FROM survey_responses WHERE survey_id = ?1 " \
	"GROUP BY 1 ORDER BY 1"
#define ANSWERERS_SQL(col) \
	"SELECT r." col ", count(DISTINCT x.response_id) FROM survey_answers x " \
	"JOIN survey_responses r ON r.survey_id = x.survey_id AND " \
	"r.id = x.response_id WHERE x.survey_id = ?1 AND x.qkey = ?2 " \
	"GROUP BY 1 ORDER BY 1"
#define VALUES_SQL(col) \
	"SELECT r." col ", x.choice, x.num, count(*) FROM survey_answers x " \
	"JOIN survey_responses r ON r.survey_id = x.survey_id AND " \
	"r.id = x.response_id WHERE x.survey_id = ?1 AND x.qkey = ?2 " \
	"GROUP BY 1, 2, 3"

static const char *const responses_sql[SD_NDIMS] = {
	[SD_LANG] = RESPONSES_SQL("lang"),
	[SD_ELDERSHIP] = RESPONSES_SQL("eldership"),
	[SD_ROLE] = RESPONSES_SQL("role"),
};
static const char *const answerers_sql[SD_NDIMS] = {
	[SD_LANG] = ANSWERERS_SQL("lang"),
	[SD_ELDERSHIP] = ANSWERERS_SQL("eldership"),
	[SD_ROLE] = ANSWERERS_SQL("role"),
};
static const char *const values_sql[SD_NDIMS] = {
	[SD_LANG] = VALUES_SQL("lang"),
	[SD_ELDERSHIP] = VALUES_SQL("eldership"),
	[SD_ROLE] = VALUES_SQL("role"),
};

/* Column col as a group's label: the text, or a role's name. */
static void
label(sqlite3_stmt *st, int col, enum survey_dim d, char *buf, size_t sz)
{
	if (d == SD_ROLE)
		snprintf(buf, sz, "%s",
		    role_name((enum role)sqlite3_column_int(st, col)));
	else
		db_column_copy(st, col, buf, sz);
}

static struct survey_group *
find(struct survey_breakdown *b, const char *l)
{
	for (size_t i = 0; i < b->n; i++)
		if (strcmp(b->v[i].label, l) == 0)
			return &b->v[i];
	return NULL;
}

/* Reads the groups (label, count) of a query bound with the survey and,
 * when qkey is not NULL, the question, and applies the rule over them
 * with total; hidden groups lose their count. 0 or -1. */
static int
groups(struct db *db, const char *sql, int64_t id, const char *qkey,
    enum survey_dim d, long long total, int k, struct survey_breakdown *b)
{
	struct smallgroup *sg;
	sqlite3_stmt *st;
	int rc;

	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (qkey != NULL)
		db_bind_text(st, 2, qkey);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct survey_group *g;

		b->v = xreallocarray(b->v, b->n + 1, sizeof *b->v);
		g = &b->v[b->n++];
		memset(g, 0, sizeof *g);
		label(st, 0, d, g->label, sizeof g->label);
		g->count = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	sg = xcalloc(b->n ? b->n : 1, sizeof *sg);
	for (size_t i = 0; i < b->n; i++) {
		sg[i].label = b->v[i].label;
		sg[i].count = b->v[i].count;
	}
	b->hidden = smallgroup_apply(sg, b->n, total, k);
	for (size_t i = 0; i < b->n; i++) {
		b->v[i].why = sg[i].why;
		if (sg[i].why != SG_SHOWN)
			b->v[i].count = 0;
	}
	free(sg);
	return 0;
}

int
survey_breakdown_responses(struct db *db, struct survey_results *r,
    enum survey_dim d)
{
	return groups(db, responses_sql[d], r->def.id, NULL, d, r->responses,
	    r->min_group, &r->by[d]);
}

/* The shown groups' counts per option or value, then their shares and
 * (scales) figures. 0 or -1. */
static int
group_values(struct db *db, const struct survey_results *r,
    struct survey_qresult *qr, enum survey_dim d)
{
	struct survey_breakdown *b = &qr->by[d];
	char l[SURVEY_GROUP_LABEL_MAX + 1];
	long long lo, hi;
	sqlite3_stmt *st;
	int rc;

	for (size_t i = 0; i < b->n; i++) {
		if (b->v[i].why != SG_SHOWN)
			continue;
		b->v[i].values = xcalloc(qr->nvalues ? qr->nvalues : 1,
		    sizeof *b->v[i].values);
		for (size_t j = 0; j < qr->nvalues; j++)
			memcpy(b->v[i].values[j].item, qr->values[j].item,
			    sizeof qr->values[j].item);
	}
	if ((st = db_prepare(db, values_sql[d])) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, r->def.id);
	db_bind_text(st, 2, qr->q->key);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct survey_group *g;
		int j;

		label(st, 0, d, l, sizeof l);
		if ((g = find(b, l)) == NULL || g->why != SG_SHOWN)
			continue;
		j = survey_value_index(qr, (const char *)sqlite3_column_text(st,
		    1), sqlite3_column_int64(st, 2));
		if (j >= 0)
			g->values[j].count += sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	for (size_t i = 0; i < b->n; i++) {
		struct survey_group *g = &b->v[i];

		if (g->why != SG_SHOWN)
			continue;
		for (size_t j = 0; j < qr->nvalues; j++)
			g->values[j].share = survey_stats_share(
			    g->values[j].count, g->count);
		if (survey_scale_range(qr->q->kind, &lo, &hi))
			survey_scale_figures(qr->q->kind, g->values,
			    qr->nvalues, &g->has_mean, &g->mean, &g->median,
			    &g->has_recommend, &g->recommend);
	}
	return 0;
}

int
survey_breakdown_question(struct db *db, const struct survey_results *r,
    struct survey_qresult *qr, enum survey_dim d)
{
	assert(qr->has_breakdowns);
	if (groups(db, answerers_sql[d], r->def.id, qr->q->key, d,
	    qr->answered, r->min_group, &qr->by[d]) != 0)
		return -1;
	return group_values(db, r, qr, d);
}

void
survey_breakdown_free(struct survey_breakdown *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->v[i].values);
	free(b->v);
	memset(b, 0, sizeof *b);
}
