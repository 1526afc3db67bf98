/* A survey's results as CSV (the columns are in core/survey-results.h):
 * the same figures as the results, every cell through core/csv.h so a
 * free-text answer cannot become a formula, numbers written without the
 * locale (a decimal comma would split the cell), hidden groups left out. */
#include "core/survey-results.h"
#include "core/csv.h"
#include "common/strbuf.h"

#include <stdio.h>

/* v with decimals (2 or 4) places and a '.'. */
static void
fixed(struct strbuf *out, double v, int decimals)
{
	long long scale = decimals == 4 ? 10000 : 100, t;

	t = (long long)((v < 0 ? -v : v) * (double)scale + 0.5);
	sb_printf(out, "%s%lld.%0*lld", v < 0 && t != 0 ? "-" : "", t / scale,
	    decimals, t % scale);
}

/* The first five cells of a line: row, question, breakdown, group,
 * item (NULL for empty ones). */
static void
head(struct strbuf *out, const char *row, const char *question,
    const char *breakdown, const char *group, const char *item)
{
	const char *cells[] = { row, question, breakdown, group, item };

	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		if (i > 0)
			sb_putc(out, ',');
		csv_cell(out, cells[i] != NULL ? cells[i] : "");
	}
}

/* A line with a count (and a share when share >= 0). */
static void
count_line(struct strbuf *out, const char *row, const char *question,
    const char *breakdown, const char *group, const char *item,
    long long count, double share)
{
	head(out, row, question, breakdown, group, item);
	sb_printf(out, ",%lld,", count);
	if (share >= 0)
		fixed(out, share, 4);
	sb_puts(out, ",\r\n");
}

/* A line with a value of 2 decimals. */
static void
value_line(struct strbuf *out, const char *row, const char *question,
    const char *breakdown, const char *group, double v)
{
	head(out, row, question, breakdown, group, NULL);
	sb_puts(out, ",,,");
	fixed(out, v, 2);
	sb_puts(out, "\r\n");
}

/* A line with a text value. */
static void
text_line(struct strbuf *out, const char *row, const char *question,
    const char *s)
{
	head(out, row, question, NULL, NULL, NULL);
	sb_puts(out, ",,,");
	csv_cell(out, s);
	sb_puts(out, "\r\n");
}

/* Option or scale lines, mean, median and recommend of a question or one
 * of its shown groups (breakdown and group NULL for the whole). */
static void
figures(struct strbuf *out, const struct survey_qresult *qr,
    const struct survey_count *values, const char *breakdown,
    const char *group, bool has_mean, double mean, double median,
    bool has_recommend, double recommend)
{
	const char *row = qr->q->kind == SQ_SINGLE ||
	    qr->q->kind == SQ_MULTIPLE ? "option" : "scale";

	for (size_t i = 0; i < qr->nvalues; i++)
		count_line(out, row, qr->q->key, breakdown, group,
		    values[i].item, values[i].count, values[i].share);
	if (has_mean) {
		value_line(out, "mean", qr->q->key, breakdown, group, mean);
		value_line(out, "median", qr->q->key, breakdown, group, median);
	}
	if (has_recommend)
		value_line(out, "recommend", qr->q->key, breakdown, group,
		    recommend);
}

static void
question(struct strbuf *out, const struct survey_qresult *qr)
{
	const char *key = qr->q->key;

	count_line(out, "asked", key, NULL, NULL, NULL, qr->asked, -1);
	count_line(out, "not_asked", key, NULL, NULL, NULL, qr->not_asked, -1);
	count_line(out, "answered", key, NULL, NULL, NULL, qr->answered, -1);
	figures(out, qr, qr->values, NULL, NULL, qr->has_mean, qr->mean,
	    qr->median, qr->has_recommend, qr->recommend);
	for (size_t i = 0; i < qr->ntexts; i++)
		text_line(out, "text", key, qr->texts[i]);
	for (int d = 0; qr->has_breakdowns && d < SD_NDIMS; d++) {
		const char *dim = survey_dim_name((enum survey_dim)d);

		for (size_t i = 0; i < qr->by[d].n; i++) {
			const struct survey_group *g = &qr->by[d].v[i];

			if (g->why != SG_SHOWN)
				continue;
			count_line(out, "answered", key, dim, g->label, NULL,
			    g->count, -1);
			figures(out, qr, g->values, dim, g->label, g->has_mean,
			    g->mean, g->median, g->has_recommend, g->recommend);
		}
	}
}

void
survey_results_write_csv(const struct survey_results *r, struct strbuf *out)
{
	char k[16];

	sb_puts(out, "row,question,breakdown,group,item,count,share,value\r\n");
	count_line(out, "responses", NULL, NULL, NULL, NULL, r->responses, -1);
	text_line(out, "indicative", NULL, r->indicative ? "yes" : "no");
	snprintf(k, sizeof k, "%d", r->min_group);
	text_line(out, "min_group", NULL, k);
	for (int d = 0; d < SD_NDIMS; d++)
		for (size_t i = 0; i < r->by[d].n; i++)
			if (r->by[d].v[i].why == SG_SHOWN)
				count_line(out, "responses", NULL,
				    survey_dim_name((enum survey_dim)d),
				    r->by[d].v[i].label, NULL,
				    r->by[d].v[i].count, -1);
	for (size_t i = 0; i < r->def.nquestions; i++)
		question(out, &r->q[i]);
}

struct core_error
survey_results_csv(struct db *db, const struct actor *a, int64_t id,
    int min_group, struct strbuf *out)
{
	struct survey_results r;
	struct core_error e;

	e = survey_results_get(db, a, id, min_group, &r);
	if (!core_failed(e))
		survey_results_write_csv(&r, out);
	survey_results_free(&r);
	return e;
}
