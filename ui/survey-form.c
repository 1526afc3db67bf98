/* A survey's questions as one form (forms/form.h), in the reader's
 * language: a single choice and the agreement scale turn through their
 * options, a 0-10 scale is one row of numbers, several of choices are
 * boxes with their limit, a number keeps its bounds, texts their lengths.
 * Every choice starts at "no answer" (value ""), so nothing is chosen for
 * the person; a required question then says it needs an answer. A
 * follow-up question is shown only while the answers so far (read from
 * the form itself) lead to it: core's skip logic, survey_question_shown. */
#include "ui/survey-ui.h"
#include "ui/ui.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a field's shown function needs: the survey and its question. */
struct survey_shown {
	const struct survey_take	*st;
	size_t				 q;
};

static bool
question_shown(const struct form *f, void *arg)
{
	const struct survey_shown *sh = arg;
	struct survey_answers ans = { 0 };
	bool shown;

	assert(f == sh->st->form);
	survey_form_answers(sh->st, &ans);
	shown = survey_question_shown(&sh->st->def, &ans, sh->q);
	survey_answers_free(&ans);
	return shown;
}

static void
add_numbers(struct field *fld, int from, int to)
{
	char n[8];
	int i;

	for (i = from; i <= to; i++) {
		snprintf(n, sizeof n, "%d", i);
		field_add_choice(fld, n, n);
	}
}

/* The agreement scale's words, 1 to 5. */
static const char *const agree_keys[5] = { "survey.agree.1", "survey.agree.2",
	"survey.agree.3", "survey.agree.4", "survey.agree.5" };

static int
clamp_int(long long v)
{
	return v < INT_MIN ? INT_MIN : v > INT_MAX ? INT_MAX : (int)v;
}

/* The field of question q. */
static void
add_question(struct survey_take *st, size_t qi, const char *lang)
{
	const struct survey_question *q = &st->def.questions[qi];
	static const enum field_type types[SQ_NKINDS] = {
		[SQ_SINGLE] = FIELD_CHOICE, [SQ_MULTIPLE] = FIELD_MULTI,
		[SQ_AGREE5] = FIELD_CHOICE, [SQ_SCALE10] = FIELD_CHOICE,
		[SQ_NUMBER] = FIELD_NUMBER, [SQ_SHORT] = FIELD_TEXT,
		[SQ_LONG] = FIELD_TEXTAREA,
	};
	struct field *fld = form_add(st->form, q->key, types[q->kind],
	    survey_text_pick(&st->def, &q->text, lang), q->required);
	size_t i;

	if (fld->type == FIELD_CHOICE)
		field_add_choice(fld, "", T("survey.take.no_answer"));
	switch (q->kind) {
	case SQ_SINGLE:
	case SQ_MULTIPLE:
		for (i = 0; i < q->noptions; i++)
			field_add_choice(fld, q->options[i].key,
			    survey_text_pick(&st->def, &q->options[i].label, lang));
		fld->max_chosen = q->max_choices;
		break;
	case SQ_AGREE5:
		for (i = 0; i < 5; i++) {
			char n[2] = { (char)('1' + i), '\0' };

			field_add_choice(fld, n, T(agree_keys[i]));
		}
		break;
	case SQ_SCALE10:
		add_numbers(fld, 0, 10);
		fld->hint = xstrdup(T("survey.take.scale10_hint"));
		break;
	case SQ_NUMBER:
		fld->min = clamp_int(q->min);
		fld->max = clamp_int(q->max);
		fld->hint = TFA("survey.take.number_hint", A_NUM(fld->min),
		    A_NUM(fld->max));
		break;
	case SQ_SHORT:
		fld->max_cp = SURVEY_SHORT_MAX;
		break;
	case SQ_LONG:
		fld->max_cp = SURVEY_LONG_MAX;
		break;
	}
	if (q->show_if[0] != '\0') {
		fld->shown = question_shown;
		fld->shown_arg = &st->shown[qi];
	}
}

void
survey_form_build(struct survey_take *st)
{
	const char *lang = i18n_lang();
	size_t i;

	assert(st->form == NULL);
	st->form = form_new(T("survey.take.review"));
	st->shown = xcalloc(st->def.nquestions + 1, sizeof *st->shown);
	for (i = 0; i < st->def.nquestions; i++) {
		st->shown[i].st = st;
		st->shown[i].q = i;
		add_question(st, i, lang);
	}
}

void
survey_form_free(struct survey_take *st)
{
	form_free(st->form);
	st->form = NULL;
	free(st->shown);
	st->shown = NULL;
}

void
survey_form_fill(struct survey_take *st, const struct survey_answers *ans)
{
	struct strbuf sb = { 0 };
	size_t i, j;

	for (i = 0; i < st->def.nquestions; i++) {
		const struct survey_question *q = &st->def.questions[i];
		const struct survey_answer *x = survey_answer_find(ans, q->key);
		struct field *fld = form_field(st->form, q->key);

		if (x == NULL || fld == NULL)
			continue;
		sb_free(&sb);
		if (x->text != NULL)
			sb_puts(&sb, x->text);
		else if (x->has_num)
			sb_printf(&sb, "%lld", x->num);
		else
			for (j = 0; j < x->nchoices; j++)
				sb_printf(&sb, "%s%s", j > 0 ? "," : "",
				    x->choices[j]);
		field_set(fld, sb.s != NULL ? sb.s : "");
	}
	sb_free(&sb);
	if (ans->pos >= 0 && ans->pos <= st->form->nfields)
		st->form->focus = form_shown_from(st->form, ans->pos, 1);
}

/* A number as typed, when it is one within the question's bounds. */
static bool
number_of(const struct survey_question *q, const char *s, long long *out)
{
	char *end;

	errno = 0;
	*out = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0')
		return false;
	if (q->kind == SQ_NUMBER)
		return *out >= q->min && *out <= q->max;
	return true;
}

void
survey_form_answers(const struct survey_take *st, struct survey_answers *out)
{
	size_t i;

	survey_answers_free(out);
	out->pos = st->form->focus;
	for (i = 0; i < st->def.nquestions; i++) {
		const struct survey_question *q = &st->def.questions[i];
		const char *v = form_value(st->form, q->key);
		struct survey_answer *x;
		long long n = 0;

		if (v[0] == '\0')
			continue;
		if ((q->kind == SQ_AGREE5 || q->kind == SQ_SCALE10 ||
		    q->kind == SQ_NUMBER) && !number_of(q, v, &n))
			continue;
		if ((x = survey_answer_put(out, q->key)) == NULL)
			continue;
		switch (q->kind) {
		case SQ_SINGLE:
			survey_answer_choose(x, v);
			break;
		case SQ_MULTIPLE: {
			char *list = xstrdup(v), *tok, *save;

			for (tok = strtok_r(list, ",", &save); tok != NULL;
			    tok = strtok_r(NULL, ",", &save))
				survey_answer_choose(x, tok);
			free(list);
			break;
		}
		case SQ_AGREE5:
		case SQ_SCALE10:
		case SQ_NUMBER:
			x->has_num = true;
			x->num = n;
			break;
		case SQ_SHORT:
		case SQ_LONG:
			survey_answer_set_text(x, v);
			break;
		}
	}
}

char *
survey_form_said(const struct survey_take *st, size_t qindex)
{
	const struct survey_question *q = &st->def.questions[qindex];
	const struct field *fld = form_field(st->form, q->key);
	struct strbuf sb = { 0 };
	int i;

	assert(fld != NULL);
	if (fld->value[0] == '\0')
		return xstrdup(T("survey.take.no_answer"));
	switch (fld->type) {
	case FIELD_CHOICE:
		if (q->kind == SQ_AGREE5 || q->kind == SQ_SINGLE)
			return xstrdup(fld->choices[fld->chosen].label);
		return xstrdup(fld->value);
	case FIELD_MULTI:
		for (i = 0; i < fld->nchoices; i++)
			if (field_is_chosen(fld, i))
				sb_printf(&sb, "%s%s", sb.s != NULL ? "; " : "",
				    fld->choices[i].label);
		return sb_take(&sb);
	default:
		return xstrdup(fld->value);
	}
}

void
survey_form_refuse(struct app *app, struct survey_take *st,
    struct core_error e)
{
	struct field *bad = e.field != NULL ? form_field(st->form, e.field) :
	    NULL;

	if (bad == NULL) {
		app_notice(app, T(e.key));
		return;
	}
	bad->error_arg = e.arg;
	field_set_error_key(bad, e.key);
	st->form->focus = form_index(st->form, bad);
	app_notice(app, bad->error);
}
