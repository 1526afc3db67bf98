/* One survey's results for moderators and admins (core/survey-results.h):
 * a summary (responses, the indicative mark, the small-group minimum, the
 * ssh command of the CSV), then one section per question with its counts,
 * shares and bars, mean and median, the recommend score of a 0-10 scale
 * and the free texts; b breaks the figures down by language, eldership,
 * role and back to none, showing the groups shown and saying which were
 * hidden and why. A pager: j/k go from question to question. */
#include "ui/survey-results-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/config.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/survey-results.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#define LABEL_W	24	/* columns of an option's label */
#define FIG_W	12	/* "1 234   50 %" */
#define BAR_W	20

struct results_state {
	int64_t			 id;
	bool			 loaded;
	const char		*error;	/* the key of why not */
	struct survey_results	 r;
	int			 dim;	/* enum survey_dim, or -1: none */
};

static const char *const dim_keys[SD_NDIMS] = {
	[SD_LANG] = "survey_results.by.language",
	[SD_ELDERSHIP] = "survey_results.by.eldership",
	[SD_ROLE] = "survey_results.by.role",
};

static void *
results_open(struct app *app, void *arg)
{
	struct results_state *rs = xcalloc(1, sizeof *rs);
	struct core_error e;

	rs->id = *(int64_t *)arg;
	rs->dim = -1;
	if (!app_is_moderator(app))
		rs->error = "error.survey.not_allowed";
	else {
		e = survey_results_get(app->db, app_actor(app), rs->id,
		    app->cfg->survey_min_group, &rs->r);
		rs->loaded = !core_failed(e);
		rs->error = e.key;
	}
	if (!rs->loaded)
		app_notice(app, T(rs->error));
	return rs;
}

/* The words of one option or scale value. */
static const char *
value_label(const struct survey_results *r, const struct survey_qresult *qr,
    size_t i)
{
	static const char *const agree[] = { "survey_results.agree.1",
		"survey_results.agree.2", "survey_results.agree.3",
		"survey_results.agree.4", "survey_results.agree.5" };
	const struct survey_question *q = qr->q;

	if (q->kind == SQ_SINGLE || q->kind == SQ_MULTIPLE)
		return survey_text_pick(&r->def, &q->options[i].label,
		    i18n_lang());
	if (q->kind == SQ_AGREE5) {
		assert(i < sizeof agree / sizeof agree[0]);	/* 1 to 5 */
		return T(agree[i]);
	}
	return qr->values[i].item;
}

/* "  12   50 %": the count and the share, each right-aligned in its
 * column, in the reader's number format. */
static char *
count_share(long long count, double share)
{
	char *c = TFA("survey_results.count", A_NUM(count));
	char *p = TFA("survey_results.share", A_NUM(share));
	int cw = 5 - i18n_width(c), pw = 6 - i18n_width(p);
	char *s = xasprintf("%*s%s %*s%s", cw > 0 ? cw : 0, "", c,
	    pw > 0 ? pw : 0, "", p);

	free(c);
	free(p);
	return s;
}

/* Count and share of values v (parallel to the question's), one line
 * each with its bar. */
static void
put_values(struct app *app, struct strbuf *sb, const struct survey_results *r,
    const struct survey_qresult *qr, const struct survey_count *v, int indent)
{
	char *fig;
	int labelw = 0, w;
	size_t i;

	for (i = 0; i < qr->nvalues; i++) {
		w = i18n_width(value_label(r, qr, i));
		if (w > labelw)
			labelw = w;
	}
	if (labelw > LABEL_W)
		labelw = LABEL_W;
	for (i = 0; i < qr->nvalues; i++) {
		fig = count_share(v[i].count, v[i].share);
		figures_line(app, sb, indent, value_label(r, qr, i), labelw,
		    fig, FIG_W, v[i].share, BAR_W);
		free(fig);
	}
}

static void
put_line(struct strbuf *sb, int indent, char *s)
{
	sb_printf(sb, "%*s%s\n", indent, "", s);
	free(s);
}

static void
put_figures(struct strbuf *sb, int indent, bool has_mean, double mean,
    double median, bool has_recommend, double recommend)
{
	if (has_mean)
		put_line(sb, indent, TFA("survey_results.mean_median",
		    A_NUM(mean), A_NUM(median)));
	if (has_recommend)
		put_line(sb, indent, TFA("survey_results.recommend",
		    A_NUM(recommend)));
}

/* Which groups were hidden and why, one line each. */
static void
put_hidden(struct strbuf *sb, const struct survey_results *r,
    const struct survey_breakdown *b, enum survey_dim d, int indent)
{
	for (size_t i = 0; i < b->n; i++) {
		const struct survey_group *g = &b->v[i];
		char *label;

		if (g->why == SG_SHOWN)
			continue;
		label = figures_group_word(d, g->label);
		put_line(sb, indent, g->why == SG_TOO_SMALL ?
		    TFA("survey_results.hidden_small", A_STR(label),
		    A_NUM(r->min_group)) :
		    TFA("survey_results.hidden_complement", A_STR(label)));
		free(label);
	}
}

/* A question broken down by d: each shown group's figures, then the
 * hidden ones. */
static void
put_breakdown(struct app *app, struct strbuf *sb,
    const struct survey_results *r, const struct survey_qresult *qr,
    enum survey_dim d)
{
	const struct survey_breakdown *b = &qr->by[d];
	size_t i;

	for (i = 0; i < b->n; i++) {
		const struct survey_group *g = &b->v[i];
		char *label;

		if (g->why != SG_SHOWN)
			continue;
		label = figures_group_word(d, g->label);
		sb_puts(sb, "\n");
		put_line(sb, 0, TFA("survey_results.group", A_STR(label),
		    A_NUM(g->count)));
		free(label);
		if (g->values != NULL)
			put_values(app, sb, r, qr, g->values, 2);
		put_figures(sb, 2, g->has_mean, g->mean, g->median,
		    g->has_recommend, g->recommend);
	}
	if (b->hidden > 0) {
		sb_puts(sb, "\n");
		put_hidden(sb, r, b, d, 0);
	}
}

/* The free texts, each as a "- " line, its further lines indented. */
static void
put_texts(struct strbuf *sb, const struct survey_qresult *qr)
{
	for (size_t i = 0; i < qr->ntexts; i++) {
		const char *p = qr->texts[i], *nl;

		sb_puts(sb, "- ");
		while ((nl = strchr(p, '\n')) != NULL) {
			sb_add(sb, p, (size_t)(nl - p + 1));
			sb_puts(sb, "  ");
			p = nl + 1;
		}
		sb_printf(sb, "%s\n", p);
	}
}

static void
describe_question(struct app *app, struct results_state *rs,
    const struct survey_qresult *qr, struct view *v)
{
	const struct survey_results *r = &rs->r;
	struct strbuf sb = { 0 };
	bool texts = qr->q->kind == SQ_SHORT || qr->q->kind == SQ_LONG;

	put_line(&sb, 0, TFA("survey_results.answered", A_NUM(qr->answered),
	    A_NUM(qr->asked)));
	if (qr->not_asked > 0)
		put_line(&sb, 0, TFA("survey_results.not_asked",
		    A_NUM(qr->not_asked)));
	if (rs->dim >= 0 && qr->has_breakdowns)
		put_breakdown(app, &sb, r, qr, (enum survey_dim)rs->dim);
	else {
		if (rs->dim >= 0 && texts)
			put_line(&sb, 0, xstrdup(T("survey_results.texts_whole")));
		if (qr->nvalues > 0) {
			sb_puts(&sb, "\n");
			put_values(app, &sb, r, qr, qr->values, 0);
		}
		if (qr->has_mean || qr->has_recommend)
			sb_puts(&sb, "\n");
		put_figures(&sb, 0, qr->has_mean, qr->mean, qr->median,
		    qr->has_recommend, qr->recommend);
		if (qr->has_recommend)
			put_line(&sb, 0, xstrdup(T("survey_results.recommend_why")));
		if (qr->ntexts > 0) {
			sb_puts(&sb, "\n");
			put_texts(&sb, qr);
		}
	}
	view_item(v, survey_text_pick(&r->def, &qr->q->text, i18n_lang()),
	    NULL, NULL);
	view_body(v, sb.s);
	sb_free(&sb);
}

/* The survey as a whole: responses, the mark, the rule, the CSV, and the
 * responses per group of the breakdown chosen. */
static void
describe_summary(struct app *app, struct results_state *rs, struct view *v)
{
	const struct survey_results *r = &rs->r;
	struct strbuf sb = { 0 };
	char *cmd, *full;

	put_line(&sb, 0, TFA("survey_results.responses", A_NUM(r->responses)));
	if (r->indicative)
		put_line(&sb, 0, TFA("survey_results.indicative",
		    A_NUM(SURVEY_INDICATIVE_BELOW)));
	put_line(&sb, 0, TFA("survey_results.min_group", A_NUM(r->min_group)));
	if (rs->dim >= 0) {
		const struct survey_breakdown *b = &r->by[rs->dim];

		sb_puts(&sb, "\n");
		put_line(&sb, 0, xstrdup(T(dim_keys[rs->dim])));
		for (size_t i = 0; i < b->n; i++) {
			char *label;

			if (b->v[i].why != SG_SHOWN)
				continue;
			label = figures_group_word((enum survey_dim)rs->dim,
			    b->v[i].label);
			put_line(&sb, 2, TFA("survey_results.group_responses",
			    A_STR(label), A_NUM(b->v[i].count)));
			free(label);
		}
		put_hidden(&sb, r, b, (enum survey_dim)rs->dim, 2);
	}
	cmd = app_ssh_command(app, app->acct.name);
	full = xasprintf("%s survey-%lld.csv", cmd, (long long)rs->id);
	sb_puts(&sb, "\n");
	put_line(&sb, 0, TFA("survey_results.csv", A_STR(full)));
	free(full);
	free(cmd);
	view_item(v, T("survey_results.summary"), NULL, NULL);
	view_body(v, sb.s);
	sb_free(&sb);
}

static void
results_describe(struct app *app, void *st, struct view *v)
{
	struct results_state *rs = st;
	static const char *const next_keys[] = {
		"survey_results.do.by_language", "survey_results.do.by_eldership",
		"survey_results.do.by_role", "survey_results.do.by_none",
	};

	if (!rs->loaded) {
		view_text(v, T(rs->error));
		return;
	}
	v->title = xstrdup(survey_text_pick(&rs->r.def, &rs->r.def.title,
	    i18n_lang()));
	view_pager(v, T("survey_results.unit"));
	describe_summary(app, rs, v);
	for (size_t i = 0; i < rs->r.def.nquestions; i++)
		describe_question(app, rs, &rs->r.q[i], v);
	view_action(v, 'b', T(next_keys[rs->dim + 1]));
}

/* b: the next breakdown (language, eldership, role, none). */
static int
results_action(struct app *app, void *st, int key)
{
	struct results_state *rs = st;

	if (!rs->loaded || key != 'b')
		return SR_STAY;
	rs->dim = rs->dim + 1 < SD_NDIMS ? rs->dim + 1 : -1;
	app_list_again(app);
	return SR_STAY;
}

static void
results_close(struct app *app, void *st)
{
	struct results_state *rs = st;

	(void)app;
	survey_results_free(&rs->r);
	free(rs);
}

const struct screen_ops screen_survey_results = {
	.name = "survey-results",
	.title_key = "survey_results.title",
	.help_key = "survey_results.help",
	.open = results_open,
	.describe = results_describe,
	.action = results_action,
	.close = results_close,
};
