/* The answered survey of tests/unit/fixture-results.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tests/unit/fixture-results.h"
#include "tests/unit/fixture.h"
#include "common/clock.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/actor.h"
#include "core/survey.h"

/* en and lt texts (i18n_langs order: lt 0, en 1). */
static void
text2(struct survey_text *t, const char *en, const char *lt)
{
	t->v[0] = xstrdup(lt);
	t->v[1] = xstrdup(en);
}

static struct survey_question *
question(struct survey_def *d, const char *key, enum survey_qkind kind,
    const char *en, const char *lt)
{
	struct survey_question *q = &d->questions[d->nquestions++];

	snprintf(q->key, sizeof q->key, "%s", key);
	q->kind = kind;
	text2(&q->text, en, lt);
	return q;
}

static void
option(struct survey_question *q, const char *key, const char *en,
    const char *lt)
{
	if (q->options == NULL)
		q->options = xcalloc(SURVEY_OPTIONS_MAX, sizeof *q->options);
	snprintf(q->options[q->noptions].key, SURVEY_KEY_MAX + 1, "%s", key);
	text2(&q->options[q->noptions++].label, en, lt);
}

static int64_t
make(struct db *db, const struct actor *mod)
{
	struct survey_def d = { 0 };
	struct survey_question *q;
	int64_t id;

	d.first_lang = 1;
	text2(&d.title, "Learning in Kaunas", "Mokymasis Kaune");
	text2(&d.intro, "How do you learn?", "Kaip mokotės?");
	d.anonymous = true;
	d.audience = SA_ALL;
	d.state = SS_OPEN;
	d.opens = clock_now() - 7 * 24 * 3600;	/* a week before */
	d.questions = xcalloc(4, sizeof *d.questions);
	q = question(&d, "often", SQ_SINGLE,
	    "How often do you learn something new?",
	    "Kaip dažnai išmokstate ką nors naujo?");
	q->required = true;
	option(q, "weekly", "Every week", "Kas savaitę");
	option(q, "monthly", "Every month", "Kas mėnesį");
	option(q, "never", "Hardly ever", "Beveik niekada");
	question(&d, "agree", SQ_AGREE5,
	    "The city offers me enough ways to learn.",
	    "Mieste pakanka galimybių mokytis.");
	question(&d, "nps", SQ_SCALE10,
	    "Would you recommend Tinklas to a friend?",
	    "Ar rekomenduotumėte Tinklą draugui?")->required = true;
	question(&d, "comment", SQ_LONG, "What would you change?",
	    "Ką pakeistumėte?");
	assert_null(survey_create(db, mod, &d, &id).key);
	survey_def_free(&d);
	return id;
}

static void
answer(struct db *db, const struct actor *a, int64_t id, int i)
{
	static const char *const often[] = { "weekly", "monthly", "never" };
	static const char *const comments[] = {
		"Daugiau renginių vakarais.", "More events in Šilainiai, please.",
	};
	struct survey_answers ans = { 0 };
	struct survey_answer *x;

	assert_non_null(x = survey_answer_put(&ans, "often"));
	assert_int_equal(survey_answer_choose(x, often[i % 3]), 0);
	assert_non_null(x = survey_answer_put(&ans, "agree"));
	x->has_num = true;
	x->num = 1 + i % 5;
	assert_non_null(x = survey_answer_put(&ans, "nps"));
	x->has_num = true;
	x->num = i % 11;
	if (i < 2) {
		assert_non_null(x = survey_answer_put(&ans, "comment"));
		assert_int_equal(survey_answer_set_text(x, comments[i]), 0);
	}
	assert_null(survey_submit(db, a, id, &ans).key);
	survey_answers_free(&ans);
}

int64_t
fixture_results(struct db *db, int n, const char *prefix)
{
	struct account m, acct;
	struct actor mod, a;
	int rest = n - FIXTURE_RESULTS_UK, i;
	int64_t id, aid;
	char name[32];

	assert_true(n >= FIXTURE_RESULTS_UK);
	assert_int_equal(account_by_name(db, "moderatore", &m), 0);
	mod = actor_account(&m, "en", 0);
	id = make(db, &mod);
	for (i = 0; i < n; i++) {
		const char *lang = i < FIXTURE_RESULTS_UK ? "uk" :
		    i - FIXTURE_RESULTS_UK < (rest + 1) / 2 ? "lt" : "en";

		snprintf(name, sizeof name, "%s%02d", prefix, i);
		assert_null(account_create(db, name, name, TDB_PASSWORD, lang,
		    ROLE_MEMBER, &aid));
		assert_int_equal(account_by_id(db, aid, &acct), 0);
		a = actor_account(&acct, lang, 0);
		answer(db, &a, id, i);
	}
	return id;
}
