/* The definition's small pieces: freeing it, picking a text's language,
 * and the words the text format and the store's tools use for kinds and
 * audiences (core/survey-def.h). */
#include "core/survey-def.h"

#include <stdlib.h>
#include <string.h>

static const char *const kind_names[SQ_NKINDS] = {
	[SQ_SINGLE] = "single",
	[SQ_MULTIPLE] = "multiple",
	[SQ_AGREE5] = "agree5",
	[SQ_SCALE10] = "scale10",
	[SQ_NUMBER] = "number",
	[SQ_SHORT] = "short",
	[SQ_LONG] = "long",
};

static const char *const audience_names[] = {
	[SA_ALL] = "all",
	[SA_ROLE] = "role",
	[SA_EVENT] = "event",
	[SA_MENTORSHIPS] = "mentorships",
	[SA_ORG] = "organisation",
};
#define NAUDIENCES	(sizeof audience_names / sizeof audience_names[0])

static void
text_free(struct survey_text *t)
{
	size_t i;

	for (i = 0; i < I18N_NLANGS; i++) {
		free(t->v[i]);
		t->v[i] = NULL;
	}
}

void
survey_def_free(struct survey_def *d)
{
	size_t i, j;

	text_free(&d->title);
	text_free(&d->intro);
	for (i = 0; i < d->nquestions; i++) {
		struct survey_question *q = &d->questions[i];

		text_free(&q->text);
		for (j = 0; j < q->noptions; j++)
			text_free(&q->options[j].label);
		free(q->options);
	}
	free(d->questions);
	memset(d, 0, sizeof *d);
}

const char *
survey_text_pick(const struct survey_def *d, const struct survey_text *t,
    const char *lang)
{
	size_t i;

	for (i = 0; i < I18N_NLANGS; i++)
		if (strcmp(i18n_langs[i], lang) == 0 && t->v[i] != NULL)
			return t->v[i];
	if (d->first_lang >= 0 && d->first_lang < I18N_NLANGS &&
	    t->v[d->first_lang] != NULL)
		return t->v[d->first_lang];
	for (i = 0; i < I18N_NLANGS; i++)
		if (t->v[i] != NULL)
			return t->v[i];
	return "";
}

/* The index of word s in the n names, or -1. */
static int
name_index(const char *const *names, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
survey_kind_name(enum survey_qkind k)
{
	if ((unsigned)k >= SQ_NKINDS)
		return "single";
	return kind_names[k];
}

int
survey_kind_parse(const char *s)
{
	return name_index(kind_names, SQ_NKINDS, s);
}

const char *
survey_audience_name(enum survey_audience a)
{
	if ((unsigned)a >= NAUDIENCES)
		return "all";
	return audience_names[a];
}

int
survey_audience_parse(const char *s)
{
	return name_index(audience_names, NAUDIENCES, s);
}
