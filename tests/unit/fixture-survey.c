/* The sample survey of tests/unit/survey-sample.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tests/unit/survey-sample.h"

static const char *const langs_word[I18N_NLANGS] = {
	"Klausimas", "Question", "Питання", "Вопрос", "Pytanie",
};

static void
text5(struct survey_text *t, const char *what)
{
	char buf[200];
	int i;

	for (i = 0; i < I18N_NLANGS; i++) {
		snprintf(buf, sizeof buf, "%s: %s", langs_word[i], what);
		assert_non_null(t->v[i] = strdup(buf));
	}
}

static void
question(struct survey_def *d, const char *key, enum survey_qkind kind,
    const char *opts, const char *show_if, const char *show_value)
{
	struct survey_question *q = &d->questions[d->nquestions++];
	char buf[100], *tok, *save;

	snprintf(q->key, sizeof q->key, "%s", key);
	q->kind = kind;
	text5(&q->text, key);
	snprintf(q->show_if, sizeof q->show_if, "%s", show_if);
	snprintf(q->show_value, sizeof q->show_value, "%s", show_value);
	if (opts == NULL)
		return;
	assert_non_null(q->options = calloc(SURVEY_OPTIONS_MAX,
	    sizeof *q->options));
	snprintf(buf, sizeof buf, "%s", opts);
	for (tok = strtok_r(buf, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		snprintf(q->options[q->noptions].key, SURVEY_KEY_MAX + 1, "%s",
		    tok);
		text5(&q->options[q->noptions++].label, tok);
	}
}

void
survey_sample(struct survey_def *d)
{
	memset(d, 0, sizeof *d);
	d->first_lang = 1;	/* en */
	text5(&d->title, "Learning in Kaunas");
	text5(&d->intro, "Tell us how you learn.\nThank you.");
	d->anonymous = true;
	d->audience = SA_ALL;
	d->state = SS_OPEN;
	assert_non_null(d->questions = calloc(8, sizeof *d->questions));
	question(d, "visited", SQ_SINGLE, "yes,no", "", "");
	d->questions[0].required = true;
	question(d, "why", SQ_MULTIPLE, "a,b,c", "visited", "yes");
	d->questions[1].max_choices = 2;
	question(d, "agree", SQ_AGREE5, NULL, "why", "a");
	question(d, "nps", SQ_SCALE10, NULL, "", "");
	d->questions[3].required = true;
	question(d, "age", SQ_NUMBER, NULL, "", "");
	d->questions[4].min = 16;
	d->questions[4].max = 120;
	question(d, "note", SQ_SHORT, NULL, "", "");
	question(d, "story", SQ_LONG, NULL, "", "");
}
