/* The moderators' survey builder (ui/survey-build-ui.h) without a
 * terminal, over the demo, in both modes under the recording renderer: a
 * moderator builds a survey for the attendees of a demo event with three
 * questions (the second shown only after a "yes"), publishes it, and the
 * model then has it as built; a member is refused the list (a moderator,
 * the control, is offered n); a survey without questions is refused on
 * publishing in Lithuanian with its title kept, and a choice with one
 * option under its options with what was typed kept; a last day before
 * the first is refused under its field; a save refused for a question
 * opens that question's form with the words under its field; p and n
 * move a question; n begins from a built-in template; once answered,
 * only texts are offered and a changed text is saved; d asks, then
 * deletes; q with changes asks. Every screen fits 80x24 in the five
 * languages (no line cut), and a long title, the control, is cut. */
#include "tests/unit/fixture.h"
#include "tests/unit/record.h"
#include "tests/unit/record-suite.h"

#include "ui/survey-build-ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/survey.h"
#include "core/survey-templates.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#define NEW_BLANK	ASK("survey-manage", 'n'), \
			{ .screen = "choice", .type = EV_SELECT, .index = 0 }

static void
run(struct rec *r, void **state, const char *who, const char *lang,
    const struct rec_step *script, int n)
{
	struct rec_fx *fx = *state;

	rec_open(r, fx->t.db, who, lang, fx->mode, REC_NO_DRAW);
	rec_run(r, &screen_survey_manage, NULL, false, script, n);
}

/* The survey the list shows first (newest), loaded; its id. */
static int64_t
newest(void **state, struct survey_def *d)
{
	struct rec_fx *fx = *state;
	struct survey_rows rows = { 0 };
	struct account a;
	struct actor mod;
	int64_t id;

	assert_int_equal(account_by_name(fx->t.db, "moderatore", &a), 0);
	mod = actor_account(&a, "en", 0);
	assert_false(core_failed(survey_list(fx->t.db, &mod, "en", &rows)));
	assert_true(rows.n > 0);
	id = rows.v[0].id;
	survey_rows_free(&rows);
	assert_int_equal(survey_load(fx->t.db, id, d), 0);
	return id;
}

static void
test_build_event_survey_and_publish(void **state)
{
	static const struct rec_step script[] = { NEW_BLANK,
		OPEN("survey-edit", "survey.build.settings"),
		SUBMIT("survey-settings", "title=After the coding class",
		    "audience=event", "anonymous=yes", "closes=2026-04-30"),
		OPEN("survey-edit", "survey.build.questions"),
		ASK("survey-questions", 'a'),
		SUBMIT("survey-question", "key=liked", "kind=single",
		    "text=Did you like it?", "options=yes: Yes\nno: No"),
		ASK("survey-questions", 'a'),
		SUBMIT("survey-question", "key=why", "kind=long",
		    "text=What did you like most?", "show=liked=yes"),
		ASK("survey-questions", 'a'),
		SUBMIT("survey-question", "key=score", "kind=scale10",
		    "text=Would you recommend it?", "required=yes"),
		BACK("survey-questions"),
		ASK("survey-edit", 'p'),
		YES,
	};
	struct rec r;
	const struct rec_view *v;
	struct survey_def d = { 0 };
	char *dates;

	run(&r, state, "moderatore", "en", script, NSTEPS(script));
	v = rec_last(&r);
	assert_string_equal(v->screen, "survey-edit");
	assert_string_equal(v->notice, T("survey.build.published"));
	assert_false(rec_has_action(v, 'p'));
	assert_true(rec_has_action(v, 'c'));
	rec_close(&r);
	newest(state, &d);
	assert_string_equal(survey_text_pick(&d, &d.title, "en"),
	    "After the coding class");
	assert_int_equal(d.state, SS_OPEN);
	assert_true(d.anonymous);
	assert_int_equal(d.audience, SA_EVENT);
	assert_true(d.audience_id > 0);
	dates = survey_build_dates(d.opens, d.closes);
	assert_non_null(strstr(dates, "2026-04-30"));
	free(dates);
	assert_int_equal(d.nquestions, 3);
	assert_string_equal(d.questions[0].key, "liked");
	assert_int_equal(d.questions[0].kind, SQ_SINGLE);
	assert_int_equal(d.questions[0].noptions, 2);
	assert_string_equal(d.questions[0].options[1].key, "no");
	assert_string_equal(survey_text_pick(&d,
	    &d.questions[0].options[0].label, "en"), "Yes");
	assert_string_equal(d.questions[1].show_if, "liked");
	assert_string_equal(d.questions[1].show_value, "yes");
	assert_int_equal(d.questions[1].kind, SQ_LONG);
	assert_int_equal(d.questions[2].kind, SQ_SCALE10);
	assert_true(d.questions[2].required);
	assert_false(d.questions[0].required);
	survey_def_free(&d);
}

static void
test_member_refused(void **state)
{
	static const struct rec_step none[] = { HELP("survey-manage") };
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "olena", "en", none, NSTEPS(none));
	v = &r.views[0];
	assert_string_equal(v->screen, "survey-manage");
	assert_string_equal(v->text, T("error.survey.not_allowed"));
	assert_int_equal(v->nitems, 0);
	assert_false(rec_has_action(v, 'n'));
	rec_close(&r);
	/* A survey's page, reached some other way, refuses her too. */
	{
		struct rec_fx *fx = *state;
		struct survey_edit_req req = { 0 };

		rec_open(&r, fx->t.db, "olena", "en", fx->mode, REC_NO_DRAW);
		rec_run(&r, &screen_survey_edit, &req, false, NULL, 0);
		v = &r.views[0];
		assert_string_equal(v->text, T("error.survey.not_allowed"));
		assert_int_equal(v->nitems, 0);
		assert_null(v->keys == NULL ? NULL : strchr(v->keys, 's'));
		rec_close(&r);
	}
	/* The control: a moderator is offered a new survey. */
	run(&r, state, "moderatore", "en", none, NSTEPS(none));
	v = &r.views[0];
	assert_true(rec_has_action(v, 'n'));
	assert_null(v->text == NULL ? NULL :
	    strstr(v->text, T("error.survey.not_allowed")));
	rec_close(&r);
}

static void
test_bad_definition_keeps_everything(void **state)
{
	static const struct rec_step script[] = { NEW_BLANK,
		OPEN("survey-edit", "survey.build.settings"),
		SUBMIT("survey-settings", "title=Po kalbų kavinės"),
		ASK("survey-edit", 'p'),
	};
	static const struct rec_step one_option[] = { NEW_BLANK,
		OPEN("survey-edit", "survey.build.questions"),
		ASK("survey-questions", 'a'),
		SUBMIT("survey-question", "key=patiko", "kind=single",
		    "text=Ar patiko?", "options=taip: Taip"),
	};
	struct rec r;
	const struct rec_view *v;
	char *want;

	run(&r, state, "moderatore", "lt", script, NSTEPS(script));
	v = rec_last(&r);
	assert_string_equal(v->screen, "survey-edit");
	assert_string_equal(v->notice, T("error.survey.no_questions"));
	assert_string_equal(v->title, "Po kalbų kavinės");
	assert_non_null(strstr(v->text, T("survey.build.unsaved")));
	rec_close(&r);
	run(&r, state, "moderatore", "lt", one_option, NSTEPS(one_option));
	v = rec_last(&r);
	assert_string_equal(v->screen, "survey-question");
	want = TFA("error.survey.options", A_NUM(1));
	assert_string_equal(rec_field(v, "options")->error, want);
	assert_string_equal(rec_field(v, "options")->value, "taip: Taip");
	assert_string_equal(rec_field(v, "text")->value, "Ar patiko?");
	assert_string_equal(rec_field(v, "key")->value, "patiko");
	free(want);
	rec_close(&r);
}

/* n moves the focused question later (its list says so), a second
 * question then first. */
static void
test_move_question(void **state)
{
	static const struct rec_step script[] = { NEW_BLANK,
		OPEN("survey-edit", "survey.build.questions"),
		ASK("survey-questions", 'a'),
		SUBMIT("survey-question", "key=first", "kind=short",
		    "text=First one"),
		ASK("survey-questions", 'a'),
		SUBMIT("survey-question", "key=second", "kind=short",
		    "text=Second one"),
		ON("survey-questions", "First one", 'n'),
		HELP("survey-questions"),
	};
	struct rec r;
	const struct rec_view *v;
	int i;

	run(&r, state, "moderatore", "en", script, NSTEPS(script));
	for (i = r.nviews - 1; i >= 0; i--)
		if (strcmp(r.views[i].screen, "survey-questions") == 0)
			break;
	assert_true(i >= 0);
	v = &r.views[i];
	assert_int_equal(v->nitems, 2);
	assert_string_equal(v->items[0].label, "Second one");
	assert_string_equal(v->items[1].label, "First one");
	rec_close(&r);
}

/* n, then the first built-in template: its texts and questions are
 * there to change, nothing stored until a save. */
static void
test_new_from_template(void **state)
{
	static const struct rec_step script[] = {
		ASK("survey-manage", 'n'),
		{ .screen = "choice", .type = EV_SELECT, .index = 1 },
	};
	struct rec r;
	const struct rec_view *v;
	const struct survey_template *t;
	struct survey_def d = { 0 };
	size_t n;
	char *count;

	t = survey_templates(&n);
	assert_true(n > 0);
	assert_int_equal(survey_template_load(&t[0], &d), 0);
	run(&r, state, "moderatore", "en", script, NSTEPS(script));
	v = rec_last(&r);
	assert_string_equal(v->screen, "survey-edit");
	assert_string_equal(v->title, survey_text_pick(&d, &d.title, "en"));
	count = TFA("survey.build.nquestions", A_NUM(d.nquestions));
	assert_string_equal(v->items[1].status, count);
	assert_non_null(strstr(v->text, T("survey.build.unsaved")));
	free(count);
	survey_def_free(&d);
	rec_close(&r);
}

/* A last day before the first is refused under the last day's field,
 * with both days kept. */
static void
test_dates_refused_at_field(void **state)
{
	static const struct rec_step script[] = { NEW_BLANK,
		OPEN("survey-edit", "survey.build.settings"),
		SUBMIT("survey-settings", "title=Kavinė", "opens=2026-04-10",
		    "closes=2026-04-01"),
	};
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "moderatore", "pl", script, NSTEPS(script));
	v = rec_last(&r);
	assert_string_equal(v->screen, "survey-settings");
	assert_string_equal(rec_field(v, "closes")->error,
	    T("error.survey.dates"));
	assert_string_equal(rec_field(v, "closes")->value, "2026-04-01");
	assert_string_equal(rec_field(v, "opens")->value, "2026-04-10");
	assert_null(rec_field(v, "title")->error);
	rec_close(&r);
}

/* Once a member answered, the questions offer no adding, moving or
 * deleting and a question's form only its text; a changed text is
 * saved; the survey cannot be deleted (no d), only closed. */
static void
test_answered_survey_keeps_its_questions(void **state)
{
	static const struct rec_step make[] = { NEW_BLANK,
		OPEN("survey-edit", "survey.build.settings"),
		SUBMIT("survey-settings", "title=Kavinė"),
		OPEN("survey-edit", "survey.build.questions"),
		ASK("survey-questions", 'a'),
		SUBMIT("survey-question", "key=how", "kind=short",
		    "text=How was it?"),
		BACK("survey-questions"),
		ASK("survey-edit", 'p'),
		YES,
	};
	static const struct rec_step edit[] = {
		PICK("survey-manage", "Kavinė"),
		OPEN("survey-edit", "survey.build.questions"),
		PICK("survey-questions", "How was it?"),
		SUBMIT("survey-question", "text=How did it go?"),
		BACK("survey-questions"),
		ASK("survey-edit", 's'),
	};
	struct rec_fx *fx = *state;
	struct rec r;
	const struct rec_view *v;
	struct survey_answers ans = { 0 };
	struct survey_def d = { 0 };
	struct account a;
	struct actor olena;
	int64_t id, waiting;
	int i, lists = 0, forms = 0;
	char *want;

	waiting = survey_waiting_count(fx->t.db, rec_fx_id(state,
	    "moderatore"));
	run(&r, state, "moderatore", "en", make, NSTEPS(make));
	/* The survey is for all members, the moderator too: one more waits,
	 * which the plain mode, having no status line, says after the
	 * notice. */
	assert_int_equal(survey_waiting_count(fx->t.db, rec_fx_id(state,
	    "moderatore")), waiting + 1);
	if (fx->mode == UI_MODE_PLAIN) {
		char *news = TFA("surveys.news", A_NUM(waiting + 1));

		want = xasprintf("%s %s", T("survey.build.published"), news);
		free(news);
	} else
		want = xstrdup(T("survey.build.published"));
	assert_string_equal(rec_last(&r)->notice, want);
	free(want);
	assert_true(rec_has_action(rec_last(&r), 'd'));
	rec_close(&r);
	id = newest(state, &d);
	survey_def_free(&d);
	assert_int_equal(account_by_name(fx->t.db, "olena", &a), 0);
	olena = actor_account(&a, "en", 0);
	assert_int_equal(survey_answer_set_text(survey_answer_put(&ans, "how"),
	    "Fine"), 0);
	assert_false(core_failed(survey_submit(fx->t.db, &olena, id, &ans)));
	survey_answers_free(&ans);

	run(&r, state, "moderatore", "en", edit, NSTEPS(edit));
	for (i = 0; i < r.nviews; i++) {
		v = &r.views[i];
		if (strcmp(v->screen, "survey-questions") == 0) {
			lists++;
			assert_false(rec_has_action(v, 'a'));
			assert_false(rec_has_action(v, 'd'));
			assert_non_null(strstr(v->text,
			    T("survey.questions.locked")));
		}
		if (strcmp(v->screen, "survey-question") == 0) {
			forms++;
			assert_non_null(rec_field(v, "text"));
			assert_null(rec_field(v, "key"));
			assert_null(rec_field(v, "kind"));
		}
	}
	assert_true(lists >= 2);
	assert_true(forms >= 1);
	v = rec_last(&r);
	assert_string_equal(v->screen, "survey-edit");
	assert_string_equal(v->notice, T("survey.build.saved"));
	assert_false(rec_has_action(v, 'd'));
	assert_true(rec_has_action(v, 'c'));
	rec_close(&r);
	assert_int_equal(survey_load(fx->t.db, id, &d), 0);
	assert_string_equal(survey_text_pick(&d, &d.questions[0].text, "en"),
	    "How did it go?");
	survey_def_free(&d);
}

/* d on a survey nobody answered asks, and yes deletes it. */
static void
test_delete_asks(void **state)
{
	static const struct rec_step script[] = { NEW_BLANK,
		OPEN("survey-edit", "survey.build.settings"),
		SUBMIT("survey-settings", "title=Trinama"),
		OPEN("survey-edit", "survey.build.questions"),
		ASK("survey-questions", 'a'),
		SUBMIT("survey-question", "key=q", "kind=short", "text=Kas?"),
		BACK("survey-questions"),
		ASK("survey-edit", 's'),
		ASK("survey-edit", 'd'),
		YES,
	};
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "moderatore", "en", script, NSTEPS(script));
	v = rec_last(&r);
	assert_string_equal(v->screen, "survey-manage");
	assert_string_equal(v->notice, T("survey.build.deleted"));
	assert_int_equal(rec_find_item(v, "Trinama"), -1);
	rec_close(&r);
}

/* Deleting the question another one is shown after leaves that one
 * pointing at nothing: the save is refused naming it (now question 1)
 * and opens its form with the words under "shown"; q on the page asks
 * before the changes are left. */
static void
test_save_names_question_and_back_asks(void **state)
{
	static const struct rec_step script[] = { NEW_BLANK,
		OPEN("survey-edit", "survey.build.settings"),
		SUBMIT("survey-settings", "title=Kavinė"),
		OPEN("survey-edit", "survey.build.questions"),
		ASK("survey-questions", 'a'),
		SUBMIT("survey-question", "key=q1", "kind=single",
		    "text=Ar patiko?", "options=y: Taip\nn: Ne"),
		ASK("survey-questions", 'a'),
		SUBMIT("survey-question", "key=q2", "kind=short",
		    "text=Kodėl?", "show=q1=y"),
		ON("survey-questions", "Ar patiko?", 'd'),
		BACK("survey-questions"),
		ASK("survey-edit", 's'),
		BACK("survey-question"),
		BACK("survey-edit"),
	};
	struct rec r;
	const struct rec_view *v;
	char *want;
	int i;

	run(&r, state, "moderatore", "uk", script, NSTEPS(script));
	for (i = r.nviews - 1; i >= 0; i--)
		if (strcmp(r.views[i].screen, "survey-question") == 0)
			break;
	assert_true(i >= 0);
	want = TFA("error.survey.show_if", A_NUM(1));
	assert_string_equal(r.views[i].notice, want);
	assert_string_equal(rec_field(&r.views[i], "show")->error, want);
	assert_string_equal(rec_field(&r.views[i], "text")->value, "Kodėl?");
	free(want);
	v = rec_last(&r);
	assert_string_equal(v->screen, "confirm");
	rec_close(&r);
}

/* A short survey, for the pictures below. */
static void
add_short_survey(void **state)
{
	static const struct rec_step script[] = { NEW_BLANK,
		OPEN("survey-edit", "survey.build.settings"),
		SUBMIT("survey-settings", "title=Kavinė", "closes=2026-04-30"),
		OPEN("survey-edit", "survey.build.questions"),
		ASK("survey-questions", 'a'),
		SUBMIT("survey-question", "key=q1", "kind=single",
		    "text=Ar patiko?", "options=y: Taip\nn: Ne"),
		ASK("survey-questions", 'a'),
		SUBMIT("survey-question", "key=q2", "kind=short",
		    "text=Kodėl?", "show=q1=y"),
		BACK("survey-questions"),
		ASK("survey-edit", 's'),
	};
	struct rec r;

	run(&r, state, "moderatore", "lt", script, NSTEPS(script));
	assert_string_equal(rec_last(&r)->notice, T("survey.build.saved"));
	rec_close(&r);
}

/* Every screen of the builder at 80x24 in each language: no row below
 * the header is cut (the full screen ends a cut one with "…") and the key
 * bar ends with the help; as a control the same walk with a title too
 * long for a line is cut. */
static void
test_fits_80x24(void **state)
{
	static const struct rec_step walk[] = {
		PICK("survey-manage", "Kavinė"),
		OPEN("survey-edit", "survey.build.settings"),
		BACK("survey-settings"),
		OPEN("survey-edit", "survey.build.questions"),
		PICK("survey-questions", "Kodėl?"),
		BACK("survey-question"),
		BACK("survey-questions"),
		ASK("survey-edit", 'g'),
	};
	struct rec_fx *fx = *state;
	struct rec r;
	int l, i, pictures;

	add_short_survey(state);
	for (l = 0; l < I18N_NLANGS; l++) {
		rec_open(&r, fx->t.db, "moderatore", i18n_langs[l],
		    UI_MODE_FULL, REC_DRAW);
		rec_run(&r, &screen_survey_manage, NULL, false, walk,
		    NSTEPS(walk));
		for (i = pictures = 0; i < r.nviews; i++) {
			const char *p = r.views[i].picture;
			const char *cursor, *body, *bar, *end;
			char *help;

			if (p == NULL)
				continue;
			pictures++;
			cursor = strstr(p, "\ncursor ");
			assert_non_null(cursor);
			/* Row 0 is the house's header, whose copy of the
			 * title gives way to the status counts (cut with
			 * "…" as on every screen); the screen's own rows
			 * follow it. */
			body = strchr(p, '\n');
			assert_true(body != NULL && body < cursor);
			if (memmem(body, (size_t)(cursor - body), "…",
			    strlen("…")) != NULL)
				fail_msg("%s: %s is cut:\n%.*s", i18n_langs[l],
				    r.views[i].screen, (int)(cursor - p), p);
			/* The key bar, the last row, ends with the help
			 * whole. */
			for (bar = cursor; bar > body && bar[-1] != '\n'; bar--)
				;
			for (end = cursor; end > bar && end[-1] == ' '; end--)
				;
			help = xasprintf("%s %s", r.views[i].nfields > 0 ?
			    "F1" : "?", T("key.help"));
			if ((size_t)(end - bar) < strlen(help) ||
			    memcmp(end - strlen(help), help, strlen(help)) != 0)
				fail_msg("%s: %s: the key bar is cut: %.*s",
				    i18n_langs[l], r.views[i].screen,
				    (int)(cursor - bar), bar);
			free(help);
		}
		assert_true(pictures >= 7);
		rec_close(&r);
	}
	/* The control: a title longer than a line is cut on the list. */
	{
		static const struct rec_step long_title[] = { NEW_BLANK,
			OPEN("survey-edit", "survey.build.settings"),
			SUBMIT("survey-settings", "title=Kavinė po pamokų, "
			    "kurioje kalbamės apie viską, ką per savaitę "
			    "išmokome, ir planuojame kitą"),
			OPEN("survey-edit", "survey.build.questions"),
			ASK("survey-questions", 'a'),
			SUBMIT("survey-question", "key=q", "kind=short",
			    "text=Kaip sekėsi?"),
			BACK("survey-questions"),
			ASK("survey-edit", 's'),
			BACK("survey-edit"),
		};
		const char *p;

		rec_open(&r, fx->t.db, "moderatore", "lt", UI_MODE_FULL,
		    REC_DRAW);
		rec_run(&r, &screen_survey_manage, NULL, false, long_title,
		    NSTEPS(long_title));
		p = rec_last(&r)->picture;
		assert_string_equal(rec_last(&r)->screen, "survey-manage");
		assert_non_null(p);
		assert_non_null(strstr(p, "…"));
		rec_close(&r);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		REC_BOTH(test_build_event_survey_and_publish),
		REC_BOTH(test_member_refused),
		REC_BOTH(test_bad_definition_keeps_everything),
		REC_BOTH(test_move_question),
		REC_BOTH(test_new_from_template),
		REC_BOTH(test_dates_refused_at_field),
		REC_BOTH(test_answered_survey_keeps_its_questions),
		REC_BOTH(test_delete_asks),
		REC_BOTH(test_save_names_question_and_back_asks),
		cmocka_unit_test_prestate_setup_teardown(test_fits_80x24,
		    rec_fx_setup, tdb_teardown, (void *)&rec_full),
	};

	return cmocka_run_group_tests(tests, rec_suite_setup,
	    rec_suite_teardown);
}
