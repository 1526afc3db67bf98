/* `tinklas admin survey results ID [--csv]`: a survey's results as plain
 * text (the figures of core/survey-results.h, user text sanitised, no
 * bars: those are the UI's) or, with --csv, the CSV that `ssh host
 * survey-ID.csv` gives. Breakdowns follow the site's survey_min_group. */
#include "cli/admin-survey-results.h"
#include "core/actor.h"
#include "core/survey-results.h"
#include "common/config.h"
#include "common/strbuf.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>

static int	cmd_results(struct admin_ctx *, int, char **);

const struct admin_cmd survey_results_cmd = {
	"results", "ID [--csv]", "a survey's results: counts, shares, mean, "
	"median, recommend score, free texts and breakdowns (--csv: as CSV)",
	true, cmd_results
};

static const char *const why_words[] = {
	[SG_SHOWN] = "shown",
	[SG_TOO_SMALL] = "too small",
	[SG_COMPLEMENT] = "hidden so that a small group cannot be worked out",
};

/* "  yes  30  75.0%" lines of a question or one of its groups. */
static void
put_values(const struct survey_qresult *qr, const struct survey_count *v,
    const char *lang, const char *indent, const struct survey_def *d)
{
	for (size_t i = 0; i < qr->nvalues; i++) {
		printf("%s%-12s %6lld %5.1f%%", indent, v[i].item, v[i].count,
		    v[i].share * 100);
		if (qr->q->noptions > 0) {
			putchar(' ');
			admin_put(survey_text_pick(d, &qr->q->options[i].label,
			    lang));
		}
		putchar('\n');
	}
}

static void
put_figures(const char *indent, bool has_mean, double mean, double median,
    bool has_recommend, double recommend)
{
	if (has_mean)
		printf("%smean %.2f, median %.2f\n", indent, mean, median);
	if (has_recommend)
		printf("%srecommend score %+.1f points\n", indent, recommend);
}

/* A group's label, sanitised like any text from the database; "(none)"
 * for an empty eldership. */
static void
put_label(const char *label)
{
	admin_put(label[0] != '\0' ? label : "(none)");
}

/* Shown groups with their figures, then the hidden ones and why. */
static void
put_breakdown(const struct survey_qresult *qr, const struct survey_breakdown *b,
    enum survey_dim dim, const char *lang, const struct survey_def *d)
{
	if (b->n == 0)
		return;
	printf("    by %s:\n", survey_dim_name(dim));
	for (size_t i = 0; i < b->n; i++) {
		const struct survey_group *g = &b->v[i];

		if (g->why != SG_SHOWN)
			continue;
		printf("      ");
		put_label(g->label);
		printf(": %lld\n", g->count);
		if (qr == NULL)
			continue;
		put_values(qr, g->values, lang, "        ", d);
		put_figures("        ", g->has_mean, g->mean, g->median,
		    g->has_recommend, g->recommend);
	}
	for (size_t i = 0; i < b->n; i++)
		if (b->v[i].why != SG_SHOWN) {
			printf("      ");
			put_label(b->v[i].label);
			printf(": hidden, %s\n", why_words[b->v[i].why]);
		}
}

static void
put_question(const struct survey_results *r, size_t i, const char *lang)
{
	const struct survey_qresult *qr = &r->q[i];

	printf("\n%zu. %s (%s) ", i + 1, qr->q->key,
	    survey_kind_name(qr->q->kind));
	admin_put(survey_text_pick(&r->def, &qr->q->text, lang));
	printf("\n  asked %lld, not asked %lld, answered %lld\n", qr->asked,
	    qr->not_asked, qr->answered);
	put_values(qr, qr->values, lang, "  ", &r->def);
	put_figures("  ", qr->has_mean, qr->mean, qr->median,
	    qr->has_recommend, qr->recommend);
	for (size_t j = 0; j < qr->ntexts; j++) {
		printf("  - ");
		admin_put(qr->texts[j]);
		putchar('\n');
	}
	for (int d = 0; qr->has_breakdowns && d < SD_NDIMS; d++)
		put_breakdown(qr, &qr->by[d], (enum survey_dim)d, lang, &r->def);
}

static void
put_text(const struct survey_results *r, const char *lang)
{
	printf("survey %lld: ", (long long)r->def.id);
	admin_put(survey_text_pick(&r->def, &r->def.title, lang));
	printf("\nresponses: %lld%s\n", r->responses, r->indicative ?
	    " (indicative: fewer than 30)" : "");
	printf("breakdowns show groups of at least %d\n", r->min_group);
	for (int d = 0; d < SD_NDIMS; d++)
		put_breakdown(NULL, &r->by[d], (enum survey_dim)d, lang,
		    &r->def);
	for (size_t i = 0; i < r->def.nquestions; i++)
		put_question(r, i, lang);
}

static int
cmd_results(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "csv", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct actor a = admin_actor(ctx);
	struct survey_results r;
	struct strbuf sb = { 0 };
	struct core_error e;
	bool csv = false;
	long long id;
	int ch;

	while ((ch = getopt_long(argc, argv, "c", opts, NULL)) != -1) {
		if (ch != 'c')
			return admin_usage("survey", &survey_results_cmd);
		csv = true;
	}
	if (optind != argc - 1 || admin_number(argv[optind], INT64_MAX, &id)
	    != 0)
		return admin_usage("survey", &survey_results_cmd);
	if (csv) {
		e = survey_results_csv(ctx->db, &a, id,
		    ctx->cfg->survey_min_group, &sb);
		if (!core_failed(e))
			fwrite(sb.s, 1, sb.len, stdout);
		sb_free(&sb);
	} else {
		e = survey_results_get(ctx->db, &a, id,
		    ctx->cfg->survey_min_group, &r);
		if (!core_failed(e))
			put_text(&r, ctx->cfg->default_lang);
		survey_results_free(&r);
	}
	if (core_failed(e))
		return admin_fail_key("no results", e.key);
	return 0;
}
