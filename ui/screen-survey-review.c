/* The review page before a survey is sent: every question shown to the
 * member, numbered, with its text and what they answered under it ("no
 * answer" when nothing): a question may be long, so it is in the body,
 * which is wrapped, not in the label, which a list cuts.
 * s sends; c (or Enter on a question) goes back to the form, at that
 * question, with nothing lost. A refusal from core goes back to the form
 * too, said under the question it names. Once sent, the thanks say what
 * becomes of the answers: not linked to the member (anonymous), or open
 * to change until the survey closes (identified). */
#include "ui/survey-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <stdlib.h>

/* The question of each item, in order. */
struct review_state {
	struct survey_take	*t;
	size_t			*q;
	int			 n;
};

static void *
review_open(struct app *app, void *arg)
{
	struct review_state *rs = xcalloc(1, sizeof *rs);

	(void)app;
	rs->t = arg;
	rs->q = xcalloc(rs->t->def.nquestions + 1, sizeof *rs->q);
	return rs;
}

static void
review_describe(struct app *app, void *st, struct view *v)
{
	struct review_state *rs = st;
	struct form *f = rs->t->form;
	size_t i;

	(void)app;
	v->title = xstrdup(survey_text_pick(&rs->t->def, &rs->t->def.title,
	    i18n_lang()));
	view_text(v, T("survey.review.intro"));
	rs->n = 0;
	for (i = 0; i < rs->t->def.nquestions; i++) {
		struct field *fld = f->fields[i];
		char *said, *label, *body;

		if (!field_shown(f, fld))
			continue;
		said = survey_form_said(rs->t, i);
		label = TFA("survey.review.item", A_NUM(rs->n + 1));
		body = TFA("survey.review.answer", A_STR(fld->label),
		    A_STR(said));
		view_item(v, label, NULL, NULL);
		view_body(v, body);
		free(label);
		free(body);
		free(said);
		rs->q[rs->n++] = i;
	}
	view_action(v, 's', T("survey.review.submit"));
	view_action(v, 'c', T("survey.review.change"));
}

/* Back to the form at question index q. */
static int
to_form(struct survey_take *t, int q)
{
	t->form->focus = form_shown_from(t->form, q, 1);
	return SR_POP;
}

static int
review_select(struct app *app, void *st, int index)
{
	struct review_state *rs = st;

	(void)app;
	if (index < 0 || index >= rs->n)
		return SR_STAY;
	return to_form(rs->t, (int)rs->q[index]);
}

static int
review_send(struct app *app, struct review_state *rs)
{
	struct survey_take *t = rs->t;
	struct survey_answers ans = { 0 };
	struct core_error e;
	char *thanks;

	survey_form_answers(t, &ans);
	e = survey_submit(app->db, app_actor(app), t->id, &ans);
	survey_answers_free(&ans);
	if (core_failed(e)) {
		survey_form_refuse(app, t, e);
		return SR_POP;
	}
	t->submitted = true;
	if (t->def.anonymous)
		thanks = xstrdup(T("survey.review.thanks_anonymous"));
	else if (t->def.closes > 0)
		thanks = TFA("survey.review.thanks_until", A_DATE(t->def.closes));
	else
		thanks = xstrdup(T("survey.review.thanks_identified"));
	app_notice(app, thanks);
	free(thanks);
	return SR_POP_TWO;
}

static int
review_action(struct app *app, void *st, int key)
{
	struct review_state *rs = st;

	switch (key) {
	case 's':
		return review_send(app, rs);
	case 'c':
		return to_form(rs->t, rs->t->form->focus < rs->t->form->nfields ?
		    rs->t->form->focus : 0);
	}
	return SR_STAY;
}

static void
review_close(struct app *app, void *st)
{
	struct review_state *rs = st;

	(void)app;
	free(rs->q);
	free(rs);
}

const struct screen_ops screen_survey_review = {
	.name = "survey-review",
	.title_key = "survey.review.title",
	.help_key = "help.survey_review",
	.open = review_open,
	.describe = review_describe,
	.select = review_select,
	.action = review_action,
	.close = review_close,
};
