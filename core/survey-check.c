/* Whether a survey's definition may be stored (survey_def_check): the
 * store, the builder screen and the text format's reader all ask this one
 * pure check, so a file and a form are refused for the same reasons. */
#include "core/survey.h"
#include "common/utf8.h"

#include <stdlib.h>
#include <string.h>

/* An error about question q: its number (from 1) is the arg. */
#define QERR(k, f)	CORE_ERR_ARG((k), (f), (long long)q + 1)

static bool
key_ok(const char *k)
{
	size_t n = strnlen(k, SURVEY_KEY_MAX + 1);
	size_t i;

	if (n == 0 || n > SURVEY_KEY_MAX)
		return false;
	for (i = 0; i < n; i++)
		if (!((k[i] >= 'a' && k[i] <= 'z') ||
		    (k[i] >= '0' && k[i] <= '9') || k[i] == '_'))
			return false;
	return true;
}

/* Every text present is at most max code points; the first language's
 * is there and not empty when needed. */
static bool
text_ok(const struct survey_text *t, int first, bool needed, size_t max)
{
	size_t i;

	if (needed && (t->v[first] == NULL || t->v[first][0] == '\0'))
		return false;
	for (i = 0; i < I18N_NLANGS; i++)
		if (t->v[i] != NULL && utf8_count(t->v[i]) > max)
			return false;
	return true;
}

/* A decimal integer in lo..hi, the whole of s. */
static bool
int_in(const char *s, long long lo, long long hi)
{
	char *end;
	long long v;

	if (*s == '\0')
		return false;
	v = strtoll(s, &end, 10);
	return *end == '\0' && v >= lo && v <= hi;
}

/* Whether question c can have the answer value (skip logic's show_value). */
static bool
value_possible(const struct survey_question *c, const char *value)
{
	size_t i;

	switch (c->kind) {
	case SQ_SINGLE:
	case SQ_MULTIPLE:
		for (i = 0; i < c->noptions; i++)
			if (strcmp(c->options[i].key, value) == 0)
				return true;
		return false;
	case SQ_AGREE5:
		return int_in(value, 1, 5);
	case SQ_SCALE10:
		return int_in(value, 0, 10);
	case SQ_NUMBER:
		return int_in(value, c->min, c->max);
	case SQ_SHORT:
	case SQ_LONG:
		break;
	}
	return false;
}

static struct core_error
check_options(const struct survey_def *d, size_t q)
{
	const struct survey_question *c = &d->questions[q];
	bool choice = c->kind == SQ_SINGLE || c->kind == SQ_MULTIPLE;
	size_t i, j;

	if (!choice)
		return c->noptions == 0 ? CORE_OK :
		    QERR("error.survey.options", "options");
	if (c->noptions < 2 || c->noptions > SURVEY_OPTIONS_MAX)
		return QERR("error.survey.options", "options");
	for (i = 0; i < c->noptions; i++) {
		if (!key_ok(c->options[i].key))
			return QERR("error.survey.key", "options");
		for (j = 0; j < i; j++)
			if (strcmp(c->options[j].key, c->options[i].key) == 0)
				return QERR("error.survey.key_twice",
				    "options");
		if (!text_ok(&c->options[i].label, d->first_lang, true,
		    SURVEY_OPTION_MAX))
			return QERR("error.survey.option_label", "options");
	}
	if (c->kind == SQ_MULTIPLE ? c->max_choices < 0 ||
	    (size_t)c->max_choices > c->noptions : c->max_choices != 0)
		return QERR("error.survey.max_choices", "max_choices");
	return CORE_OK;
}

static struct core_error
check_question(const struct survey_def *d, size_t q)
{
	const struct survey_question *c = &d->questions[q];
	struct core_error e;
	size_t i;

	if (!key_ok(c->key))
		return QERR("error.survey.key", "key");
	for (i = 0; i < q; i++)
		if (strcmp(d->questions[i].key, c->key) == 0)
			return QERR("error.survey.key_twice", "key");
	if ((int)c->kind < 0 || c->kind >= SQ_NKINDS)
		return QERR("error.survey.kind", "kind");
	if (!text_ok(&c->text, d->first_lang, true, SURVEY_QTEXT_MAX))
		return QERR("error.survey.question_text", "text");
	if (core_failed(e = check_options(d, q)))
		return e;
	if (c->kind == SQ_NUMBER ? c->min >= c->max :
	    c->min != 0 || c->max != 0)
		return QERR("error.survey.bounds", "min");
	if (c->show_if[0] == '\0')
		return c->show_value[0] == '\0' ? CORE_OK :
		    QERR("error.survey.show_value", "show_value");
	for (i = 0; i < q; i++)
		if (strcmp(d->questions[i].key, c->show_if) == 0)
			break;
	if (i == q || d->questions[i].kind == SQ_SHORT ||
	    d->questions[i].kind == SQ_LONG)
		return QERR("error.survey.show_if", "show_if");
	if (!value_possible(&d->questions[i], c->show_value))
		return QERR("error.survey.show_value", "show_value");
	return CORE_OK;
}

struct core_error
survey_def_check_at(const struct survey_def *d, int *qindex)
{
	struct core_error e;
	size_t q;

	if (qindex != NULL)
		*qindex = -1;
	if (d->first_lang < 0 || d->first_lang >= I18N_NLANGS)
		return CORE_ERR("error.survey.lang", "first_lang");
	if (!text_ok(&d->title, d->first_lang, true, SURVEY_TITLE_MAX))
		return CORE_ERR_ARG("error.survey.title", "title",
		    SURVEY_TITLE_MAX);
	if (!text_ok(&d->intro, d->first_lang, false, SURVEY_INTRO_MAX))
		return CORE_ERR_ARG("error.survey.intro", "intro",
		    SURVEY_INTRO_MAX);
	if ((int)d->audience < SA_ALL || d->audience > SA_ORG ||
	    d->audience_role < ROLE_MEMBER || d->audience_role > ROLE_ADMIN ||
	    ((d->audience == SA_EVENT || d->audience == SA_ORG) ?
	    d->audience_id <= 0 : d->audience_id != 0))
		return CORE_ERR("error.survey.audience", "audience");
	if ((int)d->state < SS_DRAFT || d->state > SS_CLOSED)
		return CORE_ERR("error.survey.state", "state");
	if (d->opens < 0 || d->closes < 0 ||
	    (d->closes != 0 && d->closes <= d->opens))
		return CORE_ERR("error.survey.dates", "closes");
	if (d->nquestions == 0)
		return CORE_ERR("error.survey.no_questions", "questions");
	if (d->nquestions > SURVEY_QUESTIONS_MAX)
		return CORE_ERR_ARG("error.survey.too_many", "questions",
		    SURVEY_QUESTIONS_MAX);
	for (q = 0; q < d->nquestions; q++)
		if (core_failed(e = check_question(d, q))) {
			if (qindex != NULL)
				*qindex = (int)q;
			return e;
		}
	return CORE_OK;
}

struct core_error
survey_def_check(const struct survey_def *d)
{
	return survey_def_check_at(d, NULL);
}
