/* A survey's questions in order, each with its text in the language
 * being edited, its kind, whether it is required and when it is shown;
 * Enter edits one, a adds one at the end, p and n move the focused one
 * earlier and later (as the calendar's day steps), d deletes it. Once
 * the survey has answers only Enter is offered (its texts may still
 * change) and the page says why. Everything stays in memory until the
 * survey's page saves. */
#include "ui/survey-build-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/survey.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

static void *
questions_open(struct app *app, void *arg)
{
	(void)app;
	return arg;
}

static void
questions_describe(struct app *app, void *st, struct view *v)
{
	struct survey_build *b = st;
	const struct survey_def *d = &b->def;
	size_t i;

	(void)app;
	if (b->locked)
		view_para(v, T("survey.questions.locked"));
	if (d->nquestions == 0)
		view_para(v, T("survey.questions.none"));
	for (i = 0; i < d->nquestions; i++) {
		const struct survey_question *q = &d->questions[i];
		const char *text = survey_build_text(&q->text, b->lang);
		struct strbuf sb = { 0 };
		char *label;

		label = text[0] != '\0' ? xstrdup(text) : TFA(
		    "survey.questions.no_text", A_STR(q->key));
		sb_printf(&sb, "%s · %s", T(survey_build_kind_key(q->kind)),
		    T(q->required ? "survey.questions.required" :
		    "survey.questions.optional"));
		if (q->show_if[0] != '\0') {
			char *s = TFA("survey.questions.shown_if",
			    A_STR(q->show_if), A_STR(q->show_value));

			sb_printf(&sb, " · %s", s);
			free(s);
		}
		view_item(v, label, sb.s, NULL);
		view_name(v, q->key);
		free(label);
		free(sb_take(&sb));
	}
	if (b->locked)
		return;
	if (d->nquestions < SURVEY_QUESTIONS_MAX)
		view_action(v, 'a', T("survey.questions.add"));
	if (d->nquestions > 1) {
		view_action(v, 'p', T("survey.questions.earlier"));
		view_action(v, 'n', T("survey.questions.later"));
	}
	if (d->nquestions > 0)
		view_action(v, 'd', T("survey.questions.delete"));
}

static int
questions_select(struct app *app, void *st, int index)
{
	struct survey_question_req req = { .b = st, .index = index };

	if (index < 0 || (size_t)index >= req.b->def.nquestions)
		return SR_STAY;
	app_push(app, &screen_survey_question, &req);
	return SR_STAY;
}

static void
swap(struct survey_def *d, size_t i, size_t j)
{
	struct survey_question t = d->questions[i];

	d->questions[i] = d->questions[j];
	d->questions[j] = t;
}

static int
questions_action(struct app *app, void *st, int key)
{
	struct survey_build *b = st;
	struct survey_def *d = &b->def;
	int *focus = &app->stack[app->depth - 1].focus;
	struct survey_question_req req = { .b = b, .index = -1 };
	size_t i = (size_t)*focus;

	if (b->locked)
		return SR_STAY;
	switch (key) {
	case 'a':
		app_push(app, &screen_survey_question, &req);
		return SR_STAY;
	case 'p':
		if (i > 0 && i < d->nquestions) {
			swap(d, i, i - 1);
			(*focus)--;
			b->changed = true;
		}
		break;
	case 'n':
		if (i + 1 < d->nquestions) {
			swap(d, i, i + 1);
			(*focus)++;
			b->changed = true;
		}
		break;
	case 'd':
		if (i < d->nquestions) {
			struct survey_def one = { .nquestions = 1 };
			struct survey_question q = d->questions[i];

			memmove(&d->questions[i], &d->questions[i + 1],
			    (d->nquestions - i - 1) * sizeof *d->questions);
			d->nquestions--;
			/* Freed as the one question of a definition. */
			one.questions = xmalloc(sizeof q);
			one.questions[0] = q;
			survey_def_free(&one);
			if (*focus > 0 && (size_t)*focus >= d->nquestions)
				(*focus)--;
			b->changed = true;
			app_notice(app, T("survey.questions.deleted"));
		}
		break;
	}
	return SR_STAY;
}

static void
questions_close(struct app *app, void *st)
{
	(void)app;
	(void)st;	/* the survey's page owns it */
}

const struct screen_ops screen_survey_questions = {
	.name = "survey-questions",
	.title_key = "survey.questions.title",
	.help_key = "help.survey_questions",
	.open = questions_open,
	.describe = questions_describe,
	.select = questions_select,
	.action = questions_action,
	.close = questions_close,
};
