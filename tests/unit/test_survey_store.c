/* surveys, the store: a round trip of every kind of question with texts
 * in five languages, who may build, what a survey with answers may still
 * change, delete, publish and close with their audit entries, and the
 * moderators' list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/actor.h"
#include "core/survey.h"
#include "tests/unit/fixture.h"
#include "tests/unit/survey-sample.h"

struct fx {
	struct tdb	t;
	struct actor	admin, mod, ruta;
};

static int
setup(void **state)
{
	struct fx *f = tdb_new(sizeof *f, "survey_store");

	f->admin = actor_admin_command("lt");
	f->mod = tdb_viewer(&f->t, "moderatore", "lt", ROLE_MODERATOR);
	f->ruta = tdb_viewer(&f->t, "ruta", "uk", ROLE_MEMBER);
	*state = f;
	return 0;
}

static void
same_text(const struct survey_text *a, const struct survey_text *b)
{
	for (int i = 0; i < I18N_NLANGS; i++) {
		if (a->v[i] == NULL) {
			assert_null(b->v[i]);
			continue;
		}
		assert_non_null(b->v[i]);
		assert_string_equal(a->v[i], b->v[i]);
	}
}

static void
test_round_trip(void **state)
{
	struct fx *f = *state;
	struct survey_def d, back;
	int64_t id;
	size_t i, j;

	survey_sample(&d);
	d.state = SS_DRAFT;
	d.opens = 1000;
	d.closes = 2000000000;
	assert_string_equal(survey_create(f->t.db, &f->ruta, &d, &id).key,
	    "error.survey.not_allowed");
	assert_null(survey_create(f->t.db, &f->mod, &d, &id).key);
	assert_true(id > 0);
	assert_int_equal(audit_target_count(f->t.db, "survey_create",
	    "survey 1"), 1);
	assert_int_equal(survey_load(f->t.db, id, &back), 0);
	assert_int_equal(back.id, id);
	assert_int_equal(back.first_lang, 1);
	assert_true(back.anonymous);
	assert_int_equal(back.audience, SA_ALL);
	assert_int_equal(back.state, SS_DRAFT);
	assert_int_equal(back.opens, 1000);
	assert_int_equal(back.closes, 2000000000);
	same_text(&d.title, &back.title);
	same_text(&d.intro, &back.intro);	/* keeps its newline */
	assert_non_null(strchr(back.intro.v[3], '\n'));
	assert_int_equal(back.nquestions, d.nquestions);
	for (i = 0; i < d.nquestions; i++) {
		const struct survey_question *p = &d.questions[i];
		const struct survey_question *q = &back.questions[i];

		assert_string_equal(p->key, q->key);
		assert_int_equal(p->kind, q->kind);
		assert_int_equal(p->required, q->required);
		assert_int_equal(p->max_choices, q->max_choices);
		assert_int_equal(p->min, q->min);
		assert_int_equal(p->max, q->max);
		assert_string_equal(p->show_if, q->show_if);
		assert_string_equal(p->show_value, q->show_value);
		same_text(&p->text, &q->text);
		assert_int_equal(p->noptions, q->noptions);
		for (j = 0; j < p->noptions; j++) {
			assert_string_equal(p->options[j].key,
			    q->options[j].key);
			same_text(&p->options[j].label, &q->options[j].label);
		}
	}
	assert_null(survey_def_check(&back).key);
	survey_def_free(&back);
	assert_int_equal(survey_load(f->t.db, id + 1, &back), 1);
	/* Texts are sanitised when stored: no terminal escapes. */
	free(d.title.v[1]);
	d.title.v[1] = strdup("Red \x1b[31malert\x1b[0m");
	d.id = id;
	assert_null(survey_update(f->t.db, &f->mod, &d).key);
	assert_int_equal(survey_load(f->t.db, id, &back), 0);
	assert_null(strchr(back.title.v[1], '\x1b'));
	assert_non_null(strstr(back.title.v[1], "alert"));
	survey_def_free(&back);
	/* A bad definition is refused before anything is stored. */
	d.nquestions = 0;
	assert_string_equal(survey_create(f->t.db, &f->mod, &d, &id).key,
	    "error.survey.no_questions");
	d.nquestions = 7;
	survey_def_free(&d);
}

/* A stored response, written as the taking code would. */
static void
answer_once(struct fx *f, int64_t id)
{
	struct survey_answers a = { 0 };
	struct survey_answer *x;

	x = survey_answer_put(&a, "visited");
	survey_answer_choose(x, "no");
	x = survey_answer_put(&a, "nps");
	x->has_num = true;
	x->num = 8;
	assert_null(survey_submit(f->t.db, &f->ruta, id, &a).key);
	survey_answers_free(&a);
}

static void
test_update_delete_state(void **state)
{
	struct fx *f = *state;
	struct survey_def d, back;
	struct survey_rows rows;
	int64_t id, id2;

	survey_sample(&d);
	d.state = SS_DRAFT;
	assert_null(survey_create(f->t.db, &f->admin, &d, &id).key);
	assert_null(survey_create(f->t.db, &f->admin, &d, &id2).key);
	d.id = id;
	/* Without answers anything may change. */
	d.questions[5].kind = SQ_LONG;
	assert_null(survey_update(f->t.db, &f->mod, &d).key);
	assert_string_equal(survey_update(f->t.db, &f->ruta, &d).key,
	    "error.survey.not_allowed");
	assert_string_equal(survey_close(f->t.db, &f->mod, id).key,
	    "error.survey.state");
	assert_string_equal(survey_publish(f->t.db, &f->ruta, id).key,
	    "error.survey.not_allowed");
	assert_null(survey_publish(f->t.db, &f->mod, id).key);
	assert_string_equal(survey_publish(f->t.db, &f->mod, id).key,
	    "error.survey.state");
	assert_int_equal(audit_count(f->t.db, "survey_publish"), 1);
	answer_once(f, id);
	assert_int_equal(survey_answer_count(f->t.db, id), 1);
	/* With answers: texts and dates yes, questions no. */
	d.state = SS_OPEN;
	free(d.title.v[0]);
	d.title.v[0] = strdup("Mokymasis Kaune");
	d.closes = 2000000000;
	assert_null(survey_update(f->t.db, &f->mod, &d).key);
	assert_int_equal(survey_load(f->t.db, id, &back), 0);
	assert_string_equal(back.title.v[0], "Mokymasis Kaune");
	assert_int_equal(back.closes, 2000000000);
	survey_def_free(&back);
	d.questions[5].kind = SQ_SHORT;
	assert_string_equal(survey_update(f->t.db, &f->mod, &d).key,
	    "error.survey.has_answers");
	d.questions[5].kind = SQ_LONG;
	strcpy(d.questions[0].options[1].key, "nope");
	assert_string_equal(survey_update(f->t.db, &f->mod, &d).key,
	    "error.survey.has_answers");
	strcpy(d.questions[0].options[1].key, "no");
	d.anonymous = false;
	assert_string_equal(survey_update(f->t.db, &f->mod, &d).key,
	    "error.survey.has_answers");
	d.anonymous = true;
	assert_int_equal(audit_count(f->t.db, "survey_update"), 2);
	/* Delete: not with answers, and only by moderators. */
	assert_string_equal(survey_delete(f->t.db, &f->mod, id).key,
	    "error.survey.has_answers");
	assert_string_equal(survey_delete(f->t.db, &f->ruta, id2).key,
	    "error.survey.not_allowed");
	assert_null(survey_delete(f->t.db, &f->mod, id2).key);
	assert_string_equal(survey_delete(f->t.db, &f->mod, id2).key,
	    "error.survey.not_found");
	assert_int_equal(audit_count(f->t.db, "survey_delete"), 1);
	assert_null(survey_close(f->t.db, &f->mod, id).key);
	assert_int_equal(audit_count(f->t.db, "survey_close"), 1);
	/* The list: in the reader's language, else the first language. */
	assert_string_equal(survey_list(f->t.db, &f->ruta, "lt", &rows).key,
	    "error.survey.not_allowed");
	assert_null(survey_list(f->t.db, &f->mod, "lt", &rows).key);
	assert_int_equal(rows.n, 1);
	assert_int_equal(rows.v[0].id, id);
	assert_string_equal(rows.v[0].title, "Mokymasis Kaune");
	assert_int_equal(rows.v[0].state, SS_CLOSED);
	assert_int_equal(rows.v[0].answers, 1);
	assert_true(rows.v[0].anonymous);
	assert_int_equal(rows.v[0].closes, 2000000000);
	survey_rows_free(&rows);
	free(d.title.v[0]);
	d.title.v[0] = NULL;
	assert_null(survey_update(f->t.db, &f->mod, &d).key);
	assert_null(survey_list(f->t.db, &f->mod, "lt", &rows).key);
	assert_string_equal(rows.v[0].title, "Question: Learning in Kaunas");
	survey_rows_free(&rows);
	survey_def_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_update_delete_state,
		    setup, tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
