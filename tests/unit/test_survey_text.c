/* The survey definition text format (core/survey-text.h) and the built-in
 * templates (core/survey-templates.h): every template parses, has all five
 * languages everywhere and comes back the same from emit and parse; a good
 * minimal file parses; bad files are refused with the right catalog key
 * at the right line. */
#include "core/survey-templates.h"
#include "core/survey-text.h"
#include "i18n/i18n.h"
#include "tests/unit/fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
assert_text_same(const struct survey_text *a, const struct survey_text *b)
{
	size_t i;

	for (i = 0; i < I18N_NLANGS; i++) {
		if (a->v[i] == NULL || b->v[i] == NULL)
			assert_true(a->v[i] == NULL && b->v[i] == NULL);
		else
			assert_string_equal(a->v[i], b->v[i]);
	}
}

static void
assert_def_same(const struct survey_def *a, const struct survey_def *b)
{
	size_t i, j;

	assert_int_equal(a->first_lang, b->first_lang);
	assert_int_equal(a->anonymous, b->anonymous);
	assert_int_equal(a->audience, b->audience);
	assert_int_equal(a->audience_role, b->audience_role);
	assert_text_same(&a->title, &b->title);
	assert_text_same(&a->intro, &b->intro);
	assert_int_equal(a->nquestions, b->nquestions);
	for (i = 0; i < a->nquestions; i++) {
		const struct survey_question *p = &a->questions[i];
		const struct survey_question *q = &b->questions[i];

		assert_string_equal(p->key, q->key);
		assert_int_equal(p->kind, q->kind);
		assert_int_equal(p->required, q->required);
		assert_text_same(&p->text, &q->text);
		assert_int_equal(p->max_choices, q->max_choices);
		assert_int_equal(p->min, q->min);
		assert_int_equal(p->max, q->max);
		assert_string_equal(p->show_if, q->show_if);
		assert_string_equal(p->show_value, q->show_value);
		assert_int_equal(p->noptions, q->noptions);
		for (j = 0; j < p->noptions; j++) {
			assert_string_equal(p->options[j].key,
			    q->options[j].key);
			assert_text_same(&p->options[j].label,
			    &q->options[j].label);
		}
	}
}

static void
assert_all_langs(const char *where, const struct survey_text *t)
{
	size_t i;

	for (i = 0; i < I18N_NLANGS; i++) {
		if (t->v[i] == NULL || t->v[i][0] == '\0')
			fail_msg("%s: no %s text", where, i18n_langs[i]);
	}
}

static int
parse_str(const char *s, struct survey_def *d, struct survey_text_error *e)
{
	return survey_text_parse(s, strlen(s), d, e);
}

static void
test_templates_listed(void **state)
{
	size_t n;
	const struct survey_template *t;

	(void)state;
	t = survey_templates(&n);
	assert_int_equal(n, 3);
	assert_string_equal(t[0].name, "event-feedback");
	assert_string_equal(t[0].name_key, "survey.template.event_feedback");
	assert_string_equal(t[1].name, "learning-in-kaunas");
	assert_string_equal(t[2].name, "mentorship-reflection");
	assert_ptr_equal(survey_template_find("learning-in-kaunas"), &t[1]);
	assert_null(survey_template_find("learning"));
	/* Their names have texts in the catalog. */
	for (size_t i = 0; i < n; i++)
		assert_string_not_equal(T(t[i].name_key), t[i].name_key);
}

static void
test_templates_round_trip(void **state)
{
	size_t n, i;
	const struct survey_template *t;

	(void)state;
	t = survey_templates(&n);
	for (i = 0; i < n; i++) {
		struct survey_def a, b;
		struct survey_text_error e;
		char *y1, *y2;

		if (survey_template_load(&t[i], &a) != 0) {
			parse_str(t[i].yaml, &a, &e);
			fail_msg("%s:%d:%d: %s %s", t[i].name, e.line,
			    e.column, e.key, e.word);
		}
		y1 = survey_text_emit(&a);
		if (parse_str(y1, &b, &e) != 0)
			fail_msg("emitted %s:%d:%d: %s %s\n%s", t[i].name,
			    e.line, e.column, e.key, e.word, y1);
		assert_def_same(&a, &b);
		y2 = survey_text_emit(&b);
		assert_string_equal(y1, y2);
		free(y1);
		free(y2);
		survey_def_free(&a);
		survey_def_free(&b);
	}
}

static void
test_templates_five_languages(void **state)
{
	size_t n, i, j, k;
	const struct survey_template *t;
	char where[128];

	(void)state;
	t = survey_templates(&n);
	for (i = 0; i < n; i++) {
		struct survey_def d;

		assert_int_equal(survey_template_load(&t[i], &d), 0);
		assert_true(d.anonymous);
		assert_all_langs(t[i].name, &d.title);
		assert_all_langs(t[i].name, &d.intro);
		for (j = 0; j < d.nquestions; j++) {
			const struct survey_question *q = &d.questions[j];

			snprintf(where, sizeof where, "%s %s", t[i].name,
			    q->key);
			assert_all_langs(where, &q->text);
			for (k = 0; k < q->noptions; k++) {
				snprintf(where, sizeof where, "%s %s %s",
				    t[i].name, q->key, q->options[k].key);
				assert_all_langs(where, &q->options[k].label);
			}
		}
		survey_def_free(&d);
	}
}

/* What each template must hold: the recommend score's 0-10 question, both
 * sides of a mentorship, SDG 4.3.1 with its four answers, barriers and the
 * skip logic on "neither". */
static void
test_templates_content(void **state)
{
	struct survey_def d;
	const struct survey_question *q;

	(void)state;
	assert_int_equal(survey_template_load(
	    survey_template_find("event-feedback"), &d), 0);
	assert_int_equal(d.audience, SA_EVENT);
	q = &d.questions[0];
	assert_string_equal(q->key, "recommend");
	assert_int_equal(q->kind, SQ_SCALE10);
	survey_def_free(&d);

	assert_int_equal(survey_template_load(
	    survey_template_find("mentorship-reflection"), &d), 0);
	assert_int_equal(d.audience, SA_MENTORSHIPS);
	assert_string_equal(d.questions[0].key, "side");
	assert_string_equal(d.questions[d.nquestions - 1].show_if, "side");
	assert_string_equal(d.questions[d.nquestions - 1].show_value,
	    "mentee");
	survey_def_free(&d);

	assert_int_equal(survey_template_load(
	    survey_template_find("learning-in-kaunas"), &d), 0);
	q = &d.questions[0];
	assert_string_equal(q->key, "took_part");
	assert_int_equal(q->kind, SQ_SINGLE);
	assert_int_equal(q->noptions, 4);
	assert_string_equal(q->options[3].key, "neither");
	assert_string_equal(d.questions[2].show_if, "took_part");
	assert_string_equal(d.questions[2].show_value, "neither");
	q = &d.questions[3];
	assert_string_equal(q->key, "barriers");
	assert_int_equal(q->kind, SQ_MULTIPLE);
	assert_int_equal(q->noptions, 11);
	survey_def_free(&d);
}

static const char minimal[] =
    "format: tinklas-survey 1\n"
    "first_language: en\n"
    "title: Quick poll\n"
    "questions:\n"
    "  - key: fine\n"
    "    kind: single\n"
    "    text: {en: \"All fine?\", lt: Ar viskas gerai?}\n"
    "    options:\n"
    "      - {key: \"yes\", label: \"Yes\"}\n"
    "      - {key: \"no\", label: \"No\"}\n"
    "  - key: age\n"
    "    kind: number\n"
    "    required: true\n"
    "    min: 16\n"
    "    max: 120\n"
    "    text: Your age\n"
    "    show_if: {question: fine, value: \"yes\"}\n";

static void
test_minimal(void **state)
{
	struct survey_def d;
	struct survey_text_error e;

	(void)state;
	assert_int_equal(parse_str(minimal, &d, &e), 0);
	assert_null(e.key);
	assert_string_equal(i18n_langs[d.first_lang], "en");
	assert_true(d.anonymous);		/* the default */
	assert_int_equal(d.audience, SA_ALL);
	assert_string_equal(d.title.v[1], "Quick poll");	/* en */
	assert_null(d.title.v[0]);
	assert_null(d.intro.v[1]);
	assert_int_equal(d.nquestions, 2);
	assert_string_equal(d.questions[0].text.v[0], "Ar viskas gerai?");
	assert_false(d.questions[0].required);
	assert_int_equal(d.questions[0].noptions, 2);
	assert_string_equal(d.questions[0].options[1].key, "no");
	assert_true(d.questions[1].required);
	assert_int_equal(d.questions[1].min, 16);
	assert_int_equal(d.questions[1].max, 120);
	assert_string_equal(d.questions[1].show_value, "yes");
	survey_def_free(&d);
}

static void
test_role_and_text(void **state)
{
	struct survey_def d, b;
	struct survey_text_error e;
	char *y;
	static const char s[] =
	    "format: tinklas-survey 1\n"
	    "first_language: uk\n"
	    "anonymous: false\n"
	    "audience: role\n"
	    "role: moderator\n"
	    "title: {uk: \"Опитування: «так» чи 'ні'? \\\\ # & *\"}\n"
	    "intro:\n"
	    "  uk: |\n"
	    "    Два рядки,\n"
	    "    другий.\n"
	    "questions:\n"
	    "  - {key: why, kind: long, text: \"true\"}\n"
	    "  - {key: pick, kind: multiple, max_choices: 2, text: \"123\",\n"
	    "     options: [{key: a, label: A}, {key: b, label: B},\n"
	    "               {key: c, label: \"null\"}]}\n";

	(void)state;
	assert_int_equal(parse_str(s, &d, &e), 0);
	assert_false(d.anonymous);
	assert_int_equal(d.audience, SA_ROLE);
	assert_int_equal(d.audience_role, 2);	/* ROLE_MODERATOR */
	assert_string_equal(d.title.v[2], "Опитування: «так» чи 'ні'? \\ # & *");
	assert_string_equal(d.intro.v[2], "Два рядки,\nдругий.\n");
	assert_string_equal(d.questions[0].text.v[2], "true");
	assert_int_equal(d.questions[1].max_choices, 2);
	y = survey_text_emit(&d);
	assert_int_equal(parse_str(y, &b, &e), 0);
	assert_def_same(&d, &b);
	free(y);
	survey_def_free(&d);
	survey_def_free(&b);
}

struct bad {
	const char	*what;
	const char	*text;
	const char	*key;
	int		 line, column;
	const char	*word;		/* NULL: not checked */
};

#define HEAD "format: tinklas-survey 1\nfirst_language: lt\ntitle: T\n"
#define Q1 "questions:\n  - key: a\n    kind: short\n    text: A\n"

static const struct bad bads[] = {
	{ "unknown field", HEAD "colour: red\n" Q1,
	  "error.survey_text.unknown_field", 4, 1, "colour" },
	{ "unknown field in a question", HEAD Q1 "    hint: x\n",
	  "error.survey_text.unknown_field", 8, 5, "hint" },
	{ "bad kind", HEAD "questions:\n  - key: a\n    kind: slider\n"
	  "    text: A\n", "error.survey_text.kind", 6, 11, "slider" },
	{ "unclosed quote", HEAD "questions:\n  - key: a\n    kind: short\n"
	  "    text: \"A\n\n", "error.survey_text.yaml", 7, 11, NULL },
	{ "alias", HEAD "questions:\n  - key: a\n    kind: short\n"
	  "    text: &t A\n  - key: b\n    kind: short\n    text: *t\n",
	  "error.survey_text.alias", 7, 11, "t" },
	{ "tag", HEAD "questions: !!seq\n  - key: a\n    kind: short\n"
	  "    text: A\n", "error.survey_text.tag", 4, 12, NULL },
	{ "duplicate field", HEAD "title: U\n" Q1,
	  "error.survey_text.duplicate", 4, 1, "title" },
	{ "duplicate language", "format: tinklas-survey 1\n"
	  "first_language: lt\ntitle:\n  lt: A\n  en: B\n  lt: C\n" Q1,
	  "error.survey_text.duplicate", 6, 3, "lt" },
	{ "unknown language", "format: tinklas-survey 1\n"
	  "first_language: lt\ntitle:\n  lt: A\n  de: B\n" Q1,
	  "error.survey_text.language", 5, 3, "de" },
	{ "bad first language", "format: tinklas-survey 1\n"
	  "first_language: LT\ntitle: T\n" Q1,
	  "error.survey_text.language", 2, 17, "LT" },
	{ "too long text", HEAD "questions:\n  - key: a\n    kind: short\n"
	  "    text: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "\"\n", "error.survey_text.too_long", 7, 11, "text" },
	{ "too long key", HEAD "questions:\n  - key: "
	  "abcdefghijabcdefghijabcdefghijabc\n    kind: short\n"
	  "    text: A\n", "error.survey_text.key_too_long", 5, 10, NULL },
	{ "missing field", HEAD "questions:\n  - key: a\n    text: A\n",
	  "error.survey_text.missing", 5, 5, "kind" },
	{ "missing questions", HEAD, "error.survey_text.missing", 1, 1,
	  "questions" },
	{ "wrong type", HEAD "anonymous: yes\n" Q1,
	  "error.survey_text.want_bool", 4, 12, "anonymous" },
	{ "number quoted", HEAD "questions:\n  - key: a\n    kind: number\n"
	  "    min: \"1\"\n    max: 5\n    text: A\n",
	  "error.survey_text.want_number", 7, 10, "min" },
	{ "options on a scale", HEAD "questions:\n  - key: a\n"
	  "    kind: agree5\n    text: A\n    options: []\n",
	  "error.survey_text.not_for_kind", 8, 14, "options" },
	{ "choice without options", HEAD "questions:\n  - key: a\n"
	  "    kind: single\n    text: A\n",
	  "error.survey_text.missing", 5, 5, "options" },
	{ "questions not a list", HEAD "questions: many\n",
	  "error.survey_text.want_list", 4, 12, "questions" },
	{ "role without audience role", HEAD "role: admin\n" Q1,
	  "error.survey_text.role_only", 4, 7, NULL },
	{ "unknown audience", HEAD "audience: everyone\n" Q1,
	  "error.survey_text.audience", 4, 11, "everyone" },
	{ "wrong format", "format: tinklas-survey 2\nfirst_language: lt\n"
	  "title: T\n" Q1, "error.survey_text.format", 1, 9, NULL },
	{ "no format", "first_language: lt\ntitle: T\n" Q1,
	  "error.survey_text.missing", 1, 1, "format" },
	{ "two documents", HEAD Q1 "---\nformat: x\n",
	  "error.survey_text.documents", 8, 1, NULL },
	{ "empty", "# nothing\n", "error.survey_text.empty_file", 1, 1,
	  NULL },
	{ "not a mapping", "- a\n- b\n", "error.survey_text.want_mapping",
	  1, 1, "survey" },
	{ "empty text", HEAD "questions:\n  - key: a\n    kind: short\n"
	  "    text: {en: \"\"}\n", "error.survey_text.empty", 7, 16,
	  "text" },
	/* The definition check's refusals, placed in the file. */
	{ "same question key twice", HEAD Q1 "  - key: a\n    kind: long\n"
	  "    text: B\n", "error.survey.key_twice", 8, 10, "key" },
	{ "key spelling", HEAD "questions:\n  - key: Big\n    kind: short\n"
	  "    text: A\n", "error.survey.key", 5, 10, "key" },
	{ "show_if on a later question", HEAD "questions:\n  - key: a\n"
	  "    kind: short\n    text: A\n    show_if: {question: b, value: x}"
	  "\n", "error.survey.show_if", 8, 14, "show_if" },
	{ "show_if value impossible", HEAD "questions:\n  - key: a\n"
	  "    kind: scale10\n    text: A\n  - key: b\n    kind: short\n"
	  "    text: B\n    show_if: {question: a, value: \"11\"}\n",
	  "error.survey.show_value", 11, 35, "show_value" },
	{ "no text in the first language", "format: tinklas-survey 1\n"
	  "first_language: lt\ntitle: {en: T}\n" Q1, "error.survey.title",
	  3, 8, "title" },
	{ "bad UTF-8", HEAD "intro: \"a\xff\"\n" Q1,
	  "error.survey_text.yaml", 4, 10, NULL },
};

static void
test_bad_files(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bads / sizeof bads[0]; i++) {
		const struct bad *b = &bads[i];
		struct survey_def d;
		struct survey_text_error e;

		if (parse_str(b->text, &d, &e) == 0)
			fail_msg("%s: accepted", b->what);
		if (e.key == NULL || strcmp(e.key, b->key) != 0 ||
		    e.line != b->line || e.column != b->column ||
		    (b->word != NULL && strcmp(e.word, b->word) != 0))
			fail_msg("%s: got %d:%d %s \"%s\", want %d:%d %s",
			    b->what, e.line, e.column, e.key ? e.key : "-",
			    e.word, b->line, b->column, b->key);
		/* Nothing is left allocated in a refused definition. */
		assert_null(d.questions);
		assert_null(d.title.v[0]);
	}
}

/* The limits on counts and on the whole file. */
static void
test_limits(void **state)
{
	struct strbuf_like { char *s; size_t len; } big;
	struct survey_def d;
	struct survey_text_error e;
	char *s, *p;
	size_t i, cap = 64 * 1024;

	(void)state;
	s = p = malloc(cap);
	p += sprintf(p, HEAD "questions:\n");
	for (i = 0; i < SURVEY_QUESTIONS_MAX + 1; i++)
		p += sprintf(p, "  - {key: q%zu, kind: short, text: A}\n", i);
	assert_int_equal(parse_str(s, &d, &e), -1);
	assert_string_equal(e.key, "error.survey_text.too_many_questions");
	assert_int_equal(e.line, 5);
	assert_int_equal(e.number, SURVEY_QUESTIONS_MAX);
	/* Positive control: one question fewer parses. */
	p = strstr(s, "  - {key: q60,");
	*p = '\0';
	assert_int_equal(parse_str(s, &d, &e), 0);
	assert_int_equal(d.nquestions, SURVEY_QUESTIONS_MAX);
	survey_def_free(&d);
	free(s);

	big.len = SURVEY_TEXT_FILE_MAX + 1;
	big.s = malloc(big.len);
	memset(big.s, '#', big.len);
	memcpy(big.s, minimal, strlen(minimal));
	assert_int_equal(survey_text_parse(big.s, big.len, &d, &e), -1);
	assert_string_equal(e.key, "error.survey_text.too_big");
	assert_int_equal(e.line, 0);
	/* Positive control: the same text within the limit parses. */
	big.s[strlen(minimal)] = '\n';
	assert_int_equal(survey_text_parse(big.s, big.len - 1, &d, &e), 0);
	survey_def_free(&d);
	free(big.s);
}

/* Every error key has a message in the catalog, with its word (or the
 * question's number) in it. */
static void
test_messages(void **state)
{
	size_t i;

	(void)state;
	i18n_set_lang("en");
	for (i = 0; i < sizeof bads / sizeof bads[0]; i++) {
		struct survey_def d;
		struct survey_text_error e;
		char *m;

		assert_int_equal(parse_str(bads[i].text, &d, &e), -1);
		m = survey_text_error_message(&e);
		if (strcmp(m, e.key) == 0 || strstr(m, "{") != NULL)
			fail_msg("%s: no message: %s", e.key, m);
		/* The format's messages name their word; the check's
		 * (core/survey.h) the question's number. */
		if (strncmp(e.key, "error.survey_text.", 18) != 0) {
			char num[24];

			snprintf(num, sizeof num, "%lld", e.number);
			if (e.number <= 0 || strstr(m, num) == NULL)
				fail_msg("%s: %s not in: %s", e.key, num, m);
		} else if (bads[i].word != NULL && strstr(m, e.word) == NULL)
			fail_msg("%s: \"%s\" not in: %s", e.key, e.word, m);
		free(m);
	}
}

/* An escape code written in a quoted key ("\e") is in the error's word
 * as the file has it, but not in the message a terminal is shown; the
 * rest of the word is (the control). */
static void
test_message_sanitised(void **state)
{
	struct survey_def d;
	struct survey_text_error e;
	char *m;

	(void)state;
	i18n_set_lang("en");
	assert_int_equal(parse_str(HEAD "\"\\e[2Jcolour\": red\n" Q1, &d,
	    &e), -1);
	assert_string_equal(e.key, "error.survey_text.unknown_field");
	assert_non_null(strchr(e.word, '\x1b'));
	m = survey_text_error_message(&e);
	assert_null(strchr(m, '\x1b'));
	assert_non_null(strstr(m, "[2Jcolour"));
	free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_templates_listed),
		cmocka_unit_test(test_templates_round_trip),
		cmocka_unit_test(test_templates_five_languages),
		cmocka_unit_test(test_templates_content),
		cmocka_unit_test(test_minimal),
		cmocka_unit_test(test_role_and_text),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_message_sanitised),
	};

	return cmocka_run_group_tests(tests, ti18n_setup, ti18n_teardown);
}
