/* surveys, the pure parts: the definition check on the sample and on each
 * kind of bad definition, skip logic with a chain of hidden questions,
 * and the answer checks (required, ranges, choices, lengths, pruning of
 * hidden answers). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/survey.h"
#include "tests/unit/survey-sample.h"

/* Checks that the sample with one change is refused with key and field,
 * at question qindex (-1: the survey itself). */
#define BAD(change, k, f, qi) do {					\
	struct survey_def d;						\
	struct core_error e;						\
	int at;								\
	size_t nq, no;							\
	survey_sample(&d);						\
	nq = d.nquestions;						\
	no = d.questions[0].noptions;					\
	change;								\
	e = survey_def_check_at(&d, &at);				\
	assert_non_null(e.key);						\
	assert_string_equal(e.key, (k));				\
	assert_string_equal(e.field, (f));				\
	assert_int_equal(at, (qi));					\
	d.nquestions = nq;	/* so that everything is freed */	\
	d.questions[0].noptions = no;					\
	survey_def_free(&d);						\
} while (0)

static void
test_def_good(void **state)
{
	struct survey_def d;
	int at = 7;

	(void)state;
	survey_sample(&d);
	assert_null(survey_def_check_at(&d, &at).key);
	assert_int_equal(at, -1);
	/* A title in the first language alone is enough. */
	free(d.title.v[0]);
	d.title.v[0] = NULL;
	assert_null(survey_def_check(&d).key);
	survey_def_free(&d);
}

static void
test_def_bad(void **state)
{
	(void)state;
	BAD(d.title.v[1][0] = '\0', "error.survey.title", "title", -1);
	BAD(d.first_lang = 5, "error.survey.lang", "first_lang", -1);
	BAD(d.nquestions = 0, "error.survey.no_questions", "questions", -1);
	BAD(strcpy(d.questions[2].key, "Agree"), "error.survey.key", "key", 2);
	BAD(strcpy(d.questions[2].key, ""), "error.survey.key", "key", 2);
	BAD(strcpy(d.questions[3].key, "visited"), "error.survey.key_twice",
	    "key", 3);
	BAD(d.questions[0].noptions = 1, "error.survey.options", "options", 0);
	BAD(strcpy(d.questions[0].options[1].key, "yes"),
	    "error.survey.key_twice", "options", 0);
	BAD(d.questions[1].max_choices = 4, "error.survey.max_choices",
	    "max_choices", 1);
	BAD(d.questions[1].max_choices = -1, "error.survey.max_choices",
	    "max_choices", 1);
	BAD(d.questions[4].min = 120, "error.survey.bounds", "min", 4);
	BAD(d.questions[3].max = 5, "error.survey.bounds", "min", 3);
	BAD(d.questions[3].kind = (enum survey_qkind)9, "error.survey.kind",
	    "kind", 3);
	BAD(d.questions[3].text.v[1][0] = '\0', "error.survey.question_text",
	    "text", 3);
	/* show_if: a later question, an unknown one, a text question. */
	BAD(strcpy(d.questions[1].show_if, "nps"), "error.survey.show_if",
	    "show_if", 1);
	BAD(strcpy(d.questions[1].show_if, "nobody"), "error.survey.show_if",
	    "show_if", 1);
	BAD((strcpy(d.questions[6].show_if, "note"),
	    strcpy(d.questions[6].show_value, "x")), "error.survey.show_if",
	    "show_if", 6);
	/* show_value: not an option, out of a scale's range, empty. */
	BAD(strcpy(d.questions[1].show_value, "maybe"),
	    "error.survey.show_value", "show_value", 1);
	BAD((strcpy(d.questions[4].show_if, "agree"),
	    strcpy(d.questions[4].show_value, "6")),
	    "error.survey.show_value", "show_value", 4);
	BAD(d.questions[1].show_value[0] = '\0', "error.survey.show_value",
	    "show_value", 1);
	BAD(d.audience = SA_EVENT, "error.survey.audience", "audience", -1);
	BAD((d.opens = 100, d.closes = 100), "error.survey.dates", "closes",
	    -1);
	/* Lengths, in characters. */
	BAD((free(d.title.v[2]), d.title.v[2] = calloc(1, 4 * 121 + 1),
	    memset(d.title.v[2], 'x', 121)), "error.survey.title", "title",
	    -1);
	BAD(d.questions[0].options[0].label.v[1][0] = '\0',
	    "error.survey.option_label", "options", 0);
}

static void
test_def_limits(void **state)
{
	struct survey_def d;

	(void)state;
	survey_sample(&d);
	/* A title of exactly the limit in Cyrillic is fine. */
	free(d.title.v[2]);
	assert_non_null(d.title.v[2] = calloc(1, 2 * SURVEY_TITLE_MAX + 1));
	for (int i = 0; i < SURVEY_TITLE_MAX; i++)
		memcpy(d.title.v[2] + 2 * i, "ж", 2);
	assert_null(survey_def_check(&d).key);
	d.nquestions = SURVEY_QUESTIONS_MAX + 1;
	assert_string_equal(survey_def_check(&d).key, "error.survey.too_many");
	d.nquestions = 7;
	survey_def_free(&d);
}

static void
choose(struct survey_answers *a, const char *key, const char *opt)
{
	struct survey_answer *x = (struct survey_answer *)
	    survey_answer_find(a, key);

	if (x == NULL)
		assert_non_null(x = survey_answer_put(a, key));
	assert_int_equal(survey_answer_choose(x, opt), 0);
}

static void
number(struct survey_answers *a, const char *key, long long v)
{
	struct survey_answer *x = survey_answer_put(a, key);

	assert_non_null(x);
	x->has_num = true;
	x->num = v;
}

static void
test_skip_logic(void **state)
{
	struct survey_answers a = { 0 };
	struct survey_def d;

	(void)state;
	survey_sample(&d);
	assert_true(survey_question_shown(&d, &a, 0));
	assert_false(survey_question_shown(&d, &a, 1));
	assert_false(survey_question_shown(&d, &a, 2));
	assert_true(survey_question_shown(&d, &a, 3));
	choose(&a, "visited", "yes");
	assert_true(survey_question_shown(&d, &a, 1));
	assert_false(survey_question_shown(&d, &a, 2));
	choose(&a, "why", "b");
	assert_false(survey_question_shown(&d, &a, 2));
	choose(&a, "why", "a");	/* among the chosen */
	assert_true(survey_question_shown(&d, &a, 2));
	/* The chain: visited "no" hides why, so agree is hidden too although
	 * the stale answer to why still says "a". */
	survey_answer_put(&a, "visited");
	choose(&a, "visited", "no");
	assert_false(survey_question_shown(&d, &a, 1));
	assert_false(survey_question_shown(&d, &a, 2));
	/* On a number: shown when the scale says 7. */
	strcpy(d.questions[4].show_if, "nps");
	strcpy(d.questions[4].show_value, "7");
	assert_false(survey_question_shown(&d, &a, 4));
	number(&a, "nps", 7);
	assert_true(survey_question_shown(&d, &a, 4));
	assert_false(survey_question_shown(&d, &a, 99));
	survey_answers_free(&a);
	survey_def_free(&d);
}

/* The sample answered well: visited yes, why a, agree 4, nps 9. */
static void
good_answers(struct survey_answers *a)
{
	memset(a, 0, sizeof *a);
	choose(a, "visited", "yes");
	choose(a, "why", "a");
	number(a, "agree", 4);
	number(a, "nps", 9);
}

#define ANS_BAD(change, k, f) do {					\
	struct survey_answers a;					\
	struct core_error e;						\
	good_answers(&a);						\
	change;								\
	e = survey_answers_check(&d, &a);				\
	assert_non_null(e.key);						\
	assert_string_equal(e.key, (k));				\
	assert_string_equal(e.field, (f));				\
	survey_answers_free(&a);					\
} while (0)

static void
test_answers_bad(void **state)
{
	struct survey_def d;
	char *big;

	(void)state;
	survey_sample(&d);
	ANS_BAD(survey_answer_drop(&a, "nps"), "error.survey.required", "nps");
	ANS_BAD(survey_answer_drop(&a, "visited"), "error.survey.required",
	    "visited");
	ANS_BAD(number(&a, "nps", 11), "error.survey.range", "nps");
	ANS_BAD(number(&a, "agree", 0), "error.survey.range", "agree");
	ANS_BAD(number(&a, "age", 15), "error.survey.range", "age");
	ANS_BAD(choose(&a, "visited", "no"), "error.survey.choices", "visited");
	ANS_BAD((choose(&a, "why", "b"), choose(&a, "why", "c")),
	    "error.survey.choices", "why");
	ANS_BAD(choose(&a, "why", "z"), "error.survey.option", "why");
	ANS_BAD(choose(&a, "nps", "a"), "error.survey.answer", "nps");
	ANS_BAD(survey_answer_set_text(survey_answer_put(&a, "note"), "a\nb"),
	    "error.survey.answer", "note");
	assert_non_null(big = calloc(1, SURVEY_SHORT_MAX + 2));
	memset(big, 'x', SURVEY_SHORT_MAX + 1);
	ANS_BAD(survey_answer_set_text(survey_answer_put(&a, "note"), big),
	    "error.survey.text_length", "note");
	free(big);
	survey_def_free(&d);
}

static void
test_answers_check(void **state)
{
	struct survey_answers a;
	struct survey_def d;
	char *big;

	(void)state;
	survey_sample(&d);
	good_answers(&a);
	assert_null(survey_answers_check(&d, &a).key);
	assert_int_equal(a.n, 4);
	survey_answers_free(&a);
	assert_non_null(big = calloc(1, SURVEY_SHORT_MAX + 1));
	memset(big, 'x', SURVEY_SHORT_MAX);
	good_answers(&a);
	survey_answer_set_text(survey_answer_put(&a, "note"), big);
	number(&a, "age", 120);
	assert_null(survey_answers_check(&d, &a).key);
	survey_answers_free(&a);
	free(big);
	/* Hidden answers and unknown keys are dropped, not refused: visited
	 * "no" hides why and, through it, agree. */
	good_answers(&a);
	survey_answer_put(&a, "visited");
	choose(&a, "visited", "no");
	number(&a, "nobody", 3);
	assert_null(survey_answers_check(&d, &a).key);
	assert_int_equal(a.n, 2);
	assert_non_null(survey_answer_find(&a, "visited"));
	assert_non_null(survey_answer_find(&a, "nps"));
	assert_null(survey_answer_find(&a, "why"));
	assert_null(survey_answer_find(&a, "agree"));
	survey_answers_free(&a);
	/* A required question that is hidden is not required. */
	d.questions[2].required = true;
	good_answers(&a);
	survey_answer_put(&a, "visited");
	choose(&a, "visited", "no");
	assert_null(survey_answers_check(&d, &a).key);
	survey_answers_free(&a);
	good_answers(&a);
	survey_answer_drop(&a, "agree");
	assert_string_equal(survey_answers_check(&d, &a).key,
	    "error.survey.required");
	survey_answers_free(&a);
	survey_def_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_def_good),
		cmocka_unit_test(test_def_bad),
		cmocka_unit_test(test_def_limits),
		cmocka_unit_test(test_skip_logic),
		cmocka_unit_test(test_answers_bad),
		cmocka_unit_test(test_answers_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
