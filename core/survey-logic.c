/* Skip logic: which questions a member sees, given the answers so far.
 * Pure, so the taking screens, the checks and the tests ask the same. */
#include "core/survey.h"

#include <stdio.h>
#include <string.h>

static int
question_index(const struct survey_def *d, const char *key, size_t before)
{
	size_t i;

	for (i = 0; i < before; i++)
		if (strcmp(d->questions[i].key, key) == 0)
			return (int)i;
	return -1;
}

/* Whether the answer x to question c has value v. */
static bool
has_value(const struct survey_question *c, const struct survey_answer *x,
    const char *v)
{
	char num[24];
	size_t i;

	if (!survey_answered(x))
		return false;
	switch (c->kind) {
	case SQ_SINGLE:
	case SQ_MULTIPLE:
		for (i = 0; i < x->nchoices; i++)
			if (strcmp(x->choices[i], v) == 0)
				return true;
		return false;
	case SQ_AGREE5:
	case SQ_SCALE10:
	case SQ_NUMBER:
		if (!x->has_num)
			return false;
		snprintf(num, sizeof num, "%lld", x->num);
		return strcmp(num, v) == 0;
	case SQ_SHORT:
	case SQ_LONG:
		break;
	}
	return false;
}

bool
survey_question_shown(const struct survey_def *d,
    const struct survey_answers *ans, size_t qindex)
{
	const struct survey_question *q;
	int c;

	/* Walk back along show_if: each names an earlier question
	 * (survey_def_check), so the walk ends; a question whose condition
	 * is itself hidden counts as not answered. */
	while (qindex < d->nquestions) {
		q = &d->questions[qindex];
		if (q->show_if[0] == '\0')
			return true;
		if ((c = question_index(d, q->show_if, qindex)) < 0 ||
		    !has_value(&d->questions[c],
		    survey_answer_find(ans, q->show_if), q->show_value))
			return false;
		qindex = (size_t)c;
	}
	return false;
}
