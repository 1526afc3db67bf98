/* forms: required fields, number ranges, length limits in code points,
 * choices typed as numbers or names, several of choices with a limit, a
 * field's own check, and focus on the first invalid field. Errors come
 * back as text in the current language. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "forms/form.h"
#include "i18n/i18n.h"
#include "tests/unit/fixture.h"

static int
english(void **state)
{
	(void)state;
	return i18n_set_lang("en");
}

static void
test_required(void **state)
{
	struct form *f = form_new("Send");
	struct field *name = form_add(f, "name", FIELD_TEXT, "Name", true);
	struct field *note = form_add(f, "note", FIELD_TEXT, "Note", false);

	(void)state;
	assert_false(field_validate(f, name));
	assert_string_equal(name->error, "Please fill this in.");
	assert_true(field_validate(f, note));
	assert_null(note->error);
	field_set(name, "Rūta");
	assert_true(form_validate(f));
	assert_string_equal(form_value(f, "name"), "Rūta");
	form_free(f);
}

static void
test_number_range(void **state)
{
	struct form *f = form_new("Send");
	struct field *n = form_add(f, "age", FIELD_NUMBER, "Age", true);

	(void)state;
	n->min = 1;
	n->max = 120;
	field_set(n, "0");
	assert_false(field_validate(f, n));
	assert_string_equal(n->error, "Type a whole number from 1 to 120.");
	field_set(n, "12a");
	assert_false(field_validate(f, n));
	field_set(n, "120");
	assert_true(field_validate(f, n));
	form_free(f);
}

static void
test_length_in_code_points(void **state)
{
	struct form *f = form_new("Send");
	struct field *t = form_add(f, "t", FIELD_TEXT, "Title", true);

	(void)state;
	t->max_cp = 5;
	field_set(t, "Šiūrė");		/* 5 code points, 10 bytes */
	assert_true(field_validate(f, t));
	field_set(t, "Šiūrės");
	assert_false(field_validate(f, t));
	assert_string_equal(t->error, "This is too long: at most 5 characters.");
	i18n_set_lang("lt");
	assert_false(field_validate(f, t));
	assert_non_null(strstr(t->error, "5 simbol"));
	i18n_set_lang("en");
	form_free(f);
}

static void
test_choices(void **state)
{
	struct form *f = form_new("Send");
	struct field *c = form_add(f, "lang", FIELD_CHOICE, "Language", true);

	(void)state;
	field_add_choice(c, "lt", "Lietuvių");
	field_add_choice(c, "uk", "Українська");
	assert_string_equal(c->value, "lt");	/* the first is chosen */
	assert_int_equal(field_parse_choice(c, "2"), 1);
	assert_int_equal(field_parse_choice(c, "3"), -1);
	assert_int_equal(field_parse_choice(c, "0"), -1);
	assert_int_equal(field_parse_choice(c, "lietuvių"), 0);
	assert_int_equal(field_parse_choice(c, "uk"), 1);
	assert_int_equal(field_parse_choice(c, "polski"), -1);
	field_choose(c, 1);
	assert_string_equal(form_value(f, "lang"), "uk");
	field_choose(c, 7);			/* out of range: ignored */
	assert_string_equal(form_value(f, "lang"), "uk");
	field_set(c, "lt");
	assert_int_equal(c->chosen, 0);
	form_free(f);
}

static const char *
must_match(const struct form *f, const struct field *fld, void *arg)
{
	(void)arg;
	return strcmp(fld->value, form_value(f, "pw")) != 0 ?
	    "error.password.mismatch" : NULL;
}

static void
test_own_check_and_focus(void **state)
{
	struct form *f = form_new("Send");
	struct field *pw, *again;

	(void)state;
	pw = form_add(f, "pw", FIELD_PASSWORD, "Password", true);
	again = form_add(f, "again", FIELD_PASSWORD, "Again", true);
	again->check = must_match;
	field_set(pw, "linden-river-42");
	field_set(again, "linden-river-43");
	f->focus = 0;
	assert_false(form_validate(f));
	assert_int_equal(f->focus, 1);
	assert_string_equal(again->error, "The two passwords do not match.");
	field_set(again, "linden-river-42");
	assert_true(form_validate(f));
	assert_null(again->error);
	form_free(f);
}

static void
test_error_key_with_number(void **state)
{
	struct form *f = form_new("Send");
	struct field *pw = form_add(f, "pw", FIELD_PASSWORD, "Password", true);

	(void)state;
	pw->error_arg = 10;
	field_set_error_key(pw, "error.password.short");
	assert_string_equal(pw->error,
	    "The password must be at least 10 characters long.");
	field_set_error(pw, NULL);
	assert_null(pw->error);
	form_free(f);
}

/* The field owns its cursor: a screen emptying a field (the wrong current
 * password) takes the cursor back with it, so the next letter lands in the
 * field and not past its end (code review, the heap overflow). */
static void
test_cursor_follows_field_set(void **state)
{
	struct form *f = form_new("Send");
	struct field *pw = form_add(f, "current", FIELD_PASSWORD, "Current", true);

	(void)state;
	assert_int_equal(field_insert(pw, "not-my-password", 15), FIELD_EDIT_OK);
	assert_int_equal(pw->cur, 15);
	field_set(pw, "");
	assert_int_equal(pw->cur, 0);
	assert_int_equal(field_insert(pw, "x", 1), FIELD_EDIT_OK);
	assert_string_equal(pw->value, "x");
	field_set(pw, "abcdef");
	assert_int_equal(pw->cur, 1);	/* kept where it was: still inside */
	assert_int_equal(field_insert(pw, "Ž", strlen("Ž")), FIELD_EDIT_OK);
	assert_string_equal(pw->value, "aŽbcdef");
	field_cursor_step(pw, -1);
	field_delete_forward(pw);
	assert_string_equal(pw->value, "abcdef");
	field_cursor_end(pw);
	field_delete_back(pw);
	assert_string_equal(pw->value, "abcde");
	assert_int_equal(pw->cur, 5);
	form_free(f);
}

/* A paste goes in as one edit; control characters and bad bytes are
 * dropped; a field at its limit takes what fits, whole characters, and
 * says it is full. */
static void
test_insert_paste_and_limit(void **state)
{
	struct form *f = form_new("Send");
	struct field *w = form_add(f, "words", FIELD_TEXT, "Words", true);
	char big[40001];

	(void)state;
	w->max_cp = 10;
	assert_int_equal(field_insert(w, "a\x1b[2Jb\x7f\xc2\x9b\xff" "c", 11),
	    FIELD_EDIT_OK);
	assert_string_equal(w->value, "a[2Jbc");
	assert_int_equal(field_insert(w, "ąčęėį", strlen("ąčęėį")), FIELD_EDIT_FULL);
	assert_string_equal(w->value, "a[2Jbcąčęė");
	assert_int_equal(w->cur, strlen(w->value));
	memset(big, 'z', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(field_insert(w, big, sizeof big - 1), FIELD_EDIT_FULL);
	assert_string_equal(w->value, "a[2Jbcąčęė");
	w->max_cp = 0;		/* no limit in characters: still FIELD_VALUE_MAX */
	assert_int_equal(field_insert(w, big, sizeof big - 1), FIELD_EDIT_FULL);
	assert_true(strlen(w->value) < FIELD_VALUE_MAX);
	assert_true(strlen(w->value) >= FIELD_VALUE_MAX - 4);
	assert_int_equal(w->cur, strlen(w->value));
	form_free(f);
}

/* A choice field with nothing to choose from (surveys build fields from
 * data) cannot be answered: required or not, it is invalid and says why,
 * and choosing or typing an answer changes nothing. */
static void
test_no_choices(void **state)
{
	struct form *f = form_new("Send");
	struct field *name = form_add(f, "name", FIELD_TEXT, "Name", false);
	struct field *c = form_add(f, "c", FIELD_CHOICE, "Colour", false);

	(void)state;
	assert_int_equal(c->nchoices, 0);
	assert_false(field_validate(f, c));
	assert_string_equal(c->error,
	    "This question has no choices, so the form cannot be sent.");
	assert_true(field_validate(f, name));	/* control: same form */
	assert_false(form_validate(f));
	assert_int_equal(f->focus, 1);
	field_choose(c, 0);
	field_set(c, "red");
	assert_string_equal(c->value, "");
	assert_int_equal(field_parse_choice(c, "1"), -1);
	assert_int_equal(field_parse_choice(c, "red"), -1);
	field_add_choice(c, "red", "Red");
	assert_true(form_validate(f));
	form_free(f);
}

/* A follow-up field is shown only after the answer it follows: hidden,
 * it is skipped by focus and not validated (a required one left empty
 * does not stop the form). */
static bool
only_when_yes(const struct form *f, void *arg)
{
	(void)arg;
	return strcmp(form_value(f, "q"), "yes") == 0;
}

static void
test_shown_fields(void **state)
{
	struct form *f = form_new("Send");
	struct field *q = form_add(f, "q", FIELD_CHOICE, "Did you come?", true);
	struct field *why = form_add(f, "why", FIELD_TEXT, "What brought you?", true);

	(void)state;
	form_add(f, "note", FIELD_TEXT, "Anything else", false);
	field_add_choice(q, "no", "No");
	field_add_choice(q, "yes", "Yes");
	why->shown = only_when_yes;
	assert_false(field_shown(f, why));
	assert_true(field_shown(f, q));
	assert_int_equal(form_shown_from(f, 1, 1), 2);
	assert_int_equal(form_shown_from(f, 1, -1), 0);
	assert_true(form_validate(f));
	field_choose(q, 1);
	assert_true(field_shown(f, why));
	assert_int_equal(form_shown_from(f, 1, 1), 1);
	assert_false(form_validate(f));
	assert_int_equal(f->focus, 1);
	assert_non_null(why->error);
	/* Hidden again: its error goes, the form may be sent. */
	field_choose(q, 0);
	assert_true(form_validate(f));
	assert_null(why->error);
	form_free(f);
}

/* Several of choices (a survey's multiple choice): items are picked and
 * unpicked one by one, the value is the picked values in choice order, a
 * limit refuses one more and changes nothing, and required means at least
 * one. */
static struct field *
topics(struct form *f, int max)
{
	struct field *m = form_add(f, "topics", FIELD_MULTI, "Topics", true);

	field_add_choice(m, "lang", "Languages");
	field_add_choice(m, "it", "Computers");
	field_add_choice(m, "art", "Art and crafts");
	field_add_choice(m, "sport", "Sport");
	m->max_chosen = max;
	return m;
}

static void
test_multi_toggle_and_limit(void **state)
{
	struct form *f = form_new("Send");
	struct field *m = topics(f, 2);

	(void)state;
	assert_string_equal(m->value, "");	/* nothing picked at first */
	assert_int_equal(field_chosen_count(m), 0);
	assert_false(field_validate(f, m));
	assert_string_equal(m->error, "Please fill this in.");
	assert_int_equal(field_toggle(m, 3), FIELD_TOGGLE_OK);
	assert_int_equal(field_toggle(m, 1), FIELD_TOGGLE_OK);
	assert_string_equal(form_value(f, "topics"), "it,sport");
	assert_true(field_is_chosen(m, 1));
	assert_false(field_is_chosen(m, 0));
	assert_true(field_validate(f, m));
	/* A third is refused: nothing changes. */
	assert_int_equal(field_toggle(m, 0), FIELD_TOGGLE_LIMIT);
	assert_string_equal(m->value, "it,sport");
	assert_false(field_is_chosen(m, 0));
	/* Taking one off makes room. */
	assert_int_equal(field_toggle(m, 3), FIELD_TOGGLE_OK);
	assert_string_equal(m->value, "it");
	assert_int_equal(field_toggle(m, 0), FIELD_TOGGLE_OK);
	assert_string_equal(m->value, "lang,it");
	/* No limit: all of them. */
	m->max_chosen = 0;
	assert_int_equal(field_toggle(m, 2), FIELD_TOGGLE_OK);
	assert_int_equal(field_toggle(m, 3), FIELD_TOGGLE_OK);
	assert_string_equal(m->value, "lang,it,art,sport");
	assert_true(field_validate(f, m));
	/* Optional: none is fine. */
	m->required = false;
	field_set(m, "");
	assert_int_equal(field_chosen_count(m), 0);
	assert_true(field_validate(f, m));
	form_free(f);
}

/* field_set takes the stored "," list (a saved answer resumed): exactly
 * those are picked, in choice order whatever the list's; unknown values
 * are ignored; more than the limit stay, and validation names the limit. */
static void
test_multi_set_and_too_many(void **state)
{
	struct form *f = form_new("Send");
	struct field *m = topics(f, 2);

	(void)state;
	field_set(m, "sport,lang");
	assert_string_equal(m->value, "lang,sport");
	assert_true(field_is_chosen(m, 3));
	assert_true(form_validate(f));
	field_set(m, "art, gone ,it");
	assert_string_equal(m->value, "it,art");
	assert_false(field_is_chosen(m, 3));	/* the old set is gone */
	field_set(m, "lang,it,art");
	assert_int_equal(field_chosen_count(m), 3);
	assert_false(form_validate(f));
	assert_string_equal(m->error, "Choose at most 2 options.");
	m->max_chosen = 1;
	field_set(m, "lang,it");
	assert_false(field_validate(f, m));
	assert_string_equal(m->error, "Choose at most 1 option.");
	i18n_set_lang("lt");
	assert_false(field_validate(f, m));
	assert_string_equal(m->error,
	    "Pasirinkite ne daugiau kaip 1 variantą.");
	m->max_chosen = 3;
	field_set(m, "lang,it,art,sport");
	assert_false(field_validate(f, m));
	assert_string_equal(m->error,
	    "Pasirinkite ne daugiau kaip 3 variantus.");
	i18n_set_lang("en");
	field_set(m, "art");
	assert_true(field_validate(f, m));
	assert_null(m->error);
	form_free(f);
}

/* The plain mode's answer: numbers by commas or spaces, labels and values;
 * "-" for none. A wrong answer changes nothing and says what is wrong. */
static void
test_multi_parse(void **state)
{
	struct form *f = form_new("Send");
	struct field *m = topics(f, 3);
	char *err;

	(void)state;
	assert_null(field_parse_multi(m, "1,3"));
	assert_string_equal(m->value, "lang,art");
	assert_null(field_parse_multi(m, "4 2"));
	assert_string_equal(m->value, "it,sport");
	assert_null(field_parse_multi(m, " 2 ,  4 , 2 "));	/* twice is once */
	assert_string_equal(m->value, "it,sport");
	assert_null(field_parse_multi(m, "art and crafts, SPORT,1"));
	assert_string_equal(m->value, "lang,art,sport");
	assert_null(field_parse_multi(m, "it"));
	assert_string_equal(m->value, "it");
	/* Unknown items are named, and nothing changes. */
	err = field_parse_multi(m, "1,7");
	assert_string_equal(err, "Not one of the choices: 7.");
	free(err);
	assert_string_equal(m->value, "it");
	err = field_parse_multi(m, "2, Cooking");
	assert_string_equal(err, "Not one of the choices: Cooking.");
	free(err);
	err = field_parse_multi(m, "1 3x");
	assert_string_equal(err, "Not one of the choices: 3x.");
	free(err);
	err = field_parse_multi(m, "0");
	assert_string_equal(err, "Not one of the choices: 0.");
	free(err);
	err = field_parse_multi(m, "99999999999999999999");
	assert_non_null(strstr(err, "Not one of the choices: 99999"));
	free(err);
	/* A long wrong piece is cut when it is named back. */
	err = field_parse_multi(m, "ąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąą");
	assert_string_equal(err, "Not one of the choices: "
	    "ąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąąą....");
	free(err);
	assert_string_equal(m->value, "it");
	/* Over the limit: refused whole. */
	err = field_parse_multi(m, "1,2,3,4");
	assert_string_equal(err, "Choose at most 3 options.");
	free(err);
	assert_string_equal(m->value, "it");
	/* "-" alone: none (then required says so). */
	assert_null(field_parse_multi(m, " - "));
	assert_string_equal(m->value, "");
	assert_false(field_validate(f, m));
	form_free(f);
}

/* A scale (0-10, 1-5): numbers typed are the labels, not the places; a
 * list of words or of two choices is no scale. */
static void
test_scale(void **state)
{
	struct form *f = form_new("Send");
	struct field *nps = form_add(f, "nps", FIELD_CHOICE, "Recommend", true);
	struct field *five = form_add(f, "five", FIELD_CHOICE, "Agree", true);
	struct field *yn = form_add(f, "yn", FIELD_CHOICE, "Came", true);
	char label[4];
	int i;

	(void)state;
	for (i = 0; i <= 10; i++) {
		snprintf(label, sizeof label, "%d", i);
		field_add_choice(nps, label, label);
	}
	for (i = 1; i <= 5; i++) {
		snprintf(label, sizeof label, "%d", i);
		field_add_choice(five, label, label);
	}
	field_add_choice(yn, "1", "1");
	field_add_choice(yn, "2", "2");
	assert_true(field_is_scale(nps));
	assert_true(field_is_scale(five));
	assert_false(field_is_scale(yn));		/* two: no scale */
	assert_int_equal(field_parse_choice(nps, "3"), 3);
	assert_int_equal(field_parse_choice(nps, "0"), 0);
	assert_int_equal(field_parse_choice(nps, "10"), 10);
	assert_int_equal(field_parse_choice(nps, "11"), -1);
	assert_int_equal(field_parse_choice(five, "5"), 4);
	assert_int_equal(field_parse_choice(five, "0"), -1);
	assert_int_equal(field_parse_choice(yn, "2"), 1);	/* the place */
	field_add_choice(five, "na", "n/a");
	assert_false(field_is_scale(five));	/* a word among them */
	assert_int_equal(field_parse_choice(five, "5"), 4);
	assert_int_equal(field_parse_choice(five, "6"), 5);	/* the place */
	form_free(f);
}

/* A survey's scale starts at "no answer" (value ""), so nothing is chosen
 * for the person: still a scale, a number typed is its label (0 is the
 * number, not the "no answer" before it), and a required one left there
 * is refused. Without the first choice, "0" would be chosen. */
static void
test_scale_no_answer(void **state)
{
	struct form *f = form_new("Send");
	struct field *nps = form_add(f, "nps", FIELD_CHOICE, "Recommend", true);
	char label[4];
	int i;

	(void)state;
	field_add_choice(nps, "", "no answer");
	for (i = 0; i <= 10; i++) {
		snprintf(label, sizeof label, "%d", i);
		field_add_choice(nps, label, label);
	}
	assert_true(field_is_scale(nps));
	assert_string_equal(nps->value, "");
	assert_false(field_validate(f, nps));
	assert_int_equal(field_parse_choice(nps, "0"), 1);
	assert_int_equal(field_parse_choice(nps, "10"), 11);
	assert_int_equal(field_parse_choice(nps, "no answer"), 0);
	field_choose(nps, field_parse_choice(nps, "0"));
	assert_string_equal(nps->value, "0");
	assert_true(field_validate(f, nps));
	form_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_required, english),
		cmocka_unit_test_setup(test_number_range, english),
		cmocka_unit_test_setup(test_length_in_code_points, english),
		cmocka_unit_test_setup(test_choices, english),
		cmocka_unit_test_setup(test_no_choices, english),
		cmocka_unit_test_setup(test_own_check_and_focus, english),
		cmocka_unit_test_setup(test_error_key_with_number, english),
		cmocka_unit_test_setup(test_cursor_follows_field_set, english),
		cmocka_unit_test_setup(test_insert_paste_and_limit, english),
		cmocka_unit_test_setup(test_shown_fields, english),
		cmocka_unit_test_setup(test_multi_toggle_and_limit, english),
		cmocka_unit_test_setup(test_multi_set_and_too_many, english),
		cmocka_unit_test_setup(test_multi_parse, english),
		cmocka_unit_test_setup(test_scale, english),
		cmocka_unit_test_setup(test_scale_no_answer, english),
	};

	return cmocka_run_group_tests(tests, ti18n_setup, ti18n_teardown);
}
