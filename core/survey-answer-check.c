/* Checking a member's answers against the survey (survey_answers_check):
 * answers to hidden questions and unknown keys are dropped first, then
 * each answer must fit its question, and on submission every shown
 * required question must be answered. Pure. */
#include "core/survey-internal.h"
#include "common/utf8.h"

#include <string.h>

#define AERR(k)		CORE_ERR((k), q->key)
#define AERR_ARG(k, a)	CORE_ERR_ARG((k), q->key, (a))

static bool
is_option(const struct survey_question *q, const char *key)
{
	size_t i;

	for (i = 0; i < q->noptions; i++)
		if (strcmp(q->options[i].key, key) == 0)
			return true;
	return false;
}

static struct core_error
check_choices(const struct survey_question *q, const struct survey_answer *x)
{
	size_t i, j;

	if (x->has_num || x->text != NULL)
		return AERR("error.survey.answer");
	if (q->kind == SQ_SINGLE && x->nchoices > 1)
		return AERR_ARG("error.survey.choices", 1);
	if (q->kind == SQ_MULTIPLE && q->max_choices > 0 &&
	    x->nchoices > (size_t)q->max_choices)
		return AERR_ARG("error.survey.choices", q->max_choices);
	for (i = 0; i < x->nchoices; i++) {
		if (!is_option(q, x->choices[i]))
			return AERR("error.survey.option");
		for (j = 0; j < i; j++)
			if (strcmp(x->choices[j], x->choices[i]) == 0)
				return AERR("error.survey.option");
	}
	return CORE_OK;
}

static struct core_error
check_one(const struct survey_question *q, const struct survey_answer *x)
{
	long long lo = 0, hi = 0;
	size_t max;

	switch (q->kind) {
	case SQ_SINGLE:
	case SQ_MULTIPLE:
		return check_choices(q, x);
	case SQ_AGREE5:
	case SQ_SCALE10:
	case SQ_NUMBER:
		if (x->nchoices > 0 || x->text != NULL || !x->has_num)
			return AERR("error.survey.answer");
		if (q->kind == SQ_AGREE5)
			lo = 1, hi = 5;
		else if (q->kind == SQ_SCALE10)
			lo = 0, hi = 10;
		else
			lo = q->min, hi = q->max;
		if (x->num < lo || x->num > hi)
			return AERR("error.survey.range");
		return CORE_OK;
	case SQ_SHORT:
	case SQ_LONG:
		if (x->nchoices > 0 || x->has_num)
			return AERR("error.survey.answer");
		max = q->kind == SQ_SHORT ? SURVEY_SHORT_MAX : SURVEY_LONG_MAX;
		if (x->text != NULL && utf8_count(x->text) > max)
			return AERR_ARG("error.survey.text_length",
			    (long long)max);
		if (q->kind == SQ_SHORT && x->text != NULL &&
		    strchr(x->text, '\n') != NULL)
			return AERR("error.survey.answer");
		return CORE_OK;
	}
	return AERR("error.survey.answer");
}

/* Whether key is a question of d shown with ans. */
static bool
kept(const struct survey_def *d, const struct survey_answers *ans,
    const char *key)
{
	size_t i;

	for (i = 0; i < d->nquestions; i++)
		if (strcmp(d->questions[i].key, key) == 0)
			return survey_question_shown(d, ans, i);
	return false;
}

struct core_error
survey_answers_check_as(const struct survey_def *d,
    struct survey_answers *ans, bool complete)
{
	struct core_error e;
	size_t i;

	/* Prune until nothing changes: dropping one answer may hide the
	 * questions that depend on it. */
	for (i = 0; i < ans->n; ) {
		if (!survey_answered(&ans->v[i]) ||
		    !kept(d, ans, ans->v[i].key)) {
			survey_answer_drop(ans, ans->v[i].key);
			i = 0;
		} else
			i++;
	}
	for (i = 0; i < d->nquestions; i++) {
		const struct survey_question *q = &d->questions[i];
		const struct survey_answer *x = survey_answer_find(ans, q->key);

		if (x == NULL) {
			if (complete && q->required &&
			    survey_question_shown(d, ans, i))
				return AERR("error.survey.required");
			continue;
		}
		if (core_failed(e = check_one(q, x)))
			return e;
	}
	return CORE_OK;
}

struct core_error
survey_answers_check(const struct survey_def *d, struct survey_answers *ans)
{
	return survey_answers_check_as(d, ans, true);
}
