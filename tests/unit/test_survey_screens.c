/* The surveys' screens for members (ui/survey-ui.h) without a terminal,
 * over the demo database with the sample survey of
 * tests/unit/survey-sample.h published for all members (why is asked only
 * when visited is "yes", agree only when why has "a"; visited and nps are
 * required): the hub lists a waiting survey and not a done one, and says
 * when there is nothing; the menu's badge and the status line count the
 * waiting; taking it, in both modes under the recording renderer and in
 * the plain mode through the real line renderer, shows a follow-up only
 * after its answer; a missing required answer is refused at its field
 * with the rest kept; the review lists the shown questions and sends;
 * leaving keeps the progress, which the next visit takes back; an
 * identified survey opens with the answers given and changes them; the
 * inbox's notice opens the survey; the welcome screen counts the waiting;
 * and the hub, the introduction, the form and the review fit 80x24 in all
 * five languages. */
#include "tests/unit/fixture.h"
#include "tests/unit/record.h"
#include "tests/unit/record-suite.h"
#include "tests/unit/survey-sample.h"

#include "ui/feature.h"
#include "ui/survey-ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/actor.h"
#include "core/survey.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

/* The sample's title here: not the demo's "Learning in Kaunas", which
 * waits for every demo member too (core/survey-demo.c). */
#define SAMPLE		"Learning together"
#define TO_HUB		OPEN("menu", "menu.surveys")
/* The mark of the fit test's survey, in every language. */
#define FIT		"(80x24)"
#define TO_FORM		TO_HUB, PICK("surveys", SAMPLE), \
			{ .screen = "survey-take", .type = EV_SELECT, .index = 0 }

static struct actor
moderator(void **state)
{
	struct actor a = { .account_id = rec_fx_id(state, "moderatore"),
	    .role = ROLE_MODERATOR, .lang = "en" };

	return a;
}

static struct actor
member(void **state, const char *name)
{
	struct actor a = { .account_id = rec_fx_id(state, name),
	    .role = ROLE_MEMBER, .lang = "en" };

	return a;
}

/* Publishes the sample survey, titled title in English (NULL: as it is),
 * anonymous or not; its id. */
static int64_t
publish(void **state, const char *title, bool anonymous)
{
	struct rec_fx *fx = *state;
	struct actor mod = moderator(state);
	struct survey_def d;
	int64_t id;

	survey_sample(&d);
	d.state = SS_DRAFT;
	d.anonymous = anonymous;
	if (title != NULL) {
		free(d.title.v[1]);
		d.title.v[1] = xstrdup(title);
	}
	assert_null(survey_create(fx->t.db, &mod, &d, &id).key);
	assert_null(survey_publish(fx->t.db, &mod, id).key);
	survey_def_free(&d);
	return id;
}

static void
run(struct rec *r, void **state, const char *who,
    const struct rec_step *script, int n)
{
	struct rec_fx *fx = *state;

	rec_open(r, fx->t.db, who, "en", fx->mode, REC_NO_DRAW);
	rec_run(r, &screen_menu, NULL, false, script, n);
}

/* The first item of v whose body holds s, or -1. */
static int
body_with(const struct rec_view *v, const char *s)
{
	int i;

	for (i = 0; i < v->nitems; i++)
		if (v->items[i].body != NULL && strstr(v->items[i].body, s) != NULL)
			return i;
	return -1;
}

/* The answers olena's account gave to identified survey id, or none. */
static int
mine(void **state, int64_t id, struct survey_answers *ans)
{
	struct rec_fx *fx = *state;
	struct actor a = member(state, "olena");

	return survey_my_answers(fx->t.db, &a, id, ans);
}

/* How many surveys wait for name's account, as core counts them. */
static int64_t
waiting(void **state, const char *name)
{
	struct rec_fx *fx = *state;

	return survey_waiting_count(fx->t.db, rec_fx_id(state, name));
}

/* The plain mode's sentence for n surveys waiting (static). */
static const char *
news(int64_t n)
{
	static char s[64];

	snprintf(s, sizeof s, "%lld survey%s for your answer.", (long long)n,
	    n == 1 ? " waits" : "s wait");
	return s;
}

/* With none (the demo's survey, which waits for every member, closed):
 * the empty state. With one waiting and one answered (anonymous, so
 * gone): only the waiting one, with its words. */
static void
test_hub_waiting_not_done(void **state)
{
	static const struct rec_step s[] = { TO_HUB };
	struct rec_fx *fx = *state;
	struct actor olena = member(state, "olena");
	struct actor mod = moderator(state);
	struct survey_answers ans = { 0 };
	struct survey_rows rows = { 0 };
	const struct rec_view *v;
	struct rec r;
	int64_t done;
	size_t i;

	assert_true(waiting(state, "olena") > 0);
	assert_null(survey_list(fx->t.db, &mod, "en", &rows).key);
	for (i = 0; i < rows.n; i++)
		if (rows.v[i].state == SS_OPEN)
			assert_null(survey_close(fx->t.db, &mod,
			    rows.v[i].id).key);
	survey_rows_free(&rows);
	assert_int_equal(waiting(state, "olena"), 0);
	run(&r, state, "olena", s, NSTEPS(s));
	v = rec_last(&r);
	assert_string_equal(v->screen, "surveys");
	assert_int_equal(v->nitems, 0);
	assert_string_equal(v->text, T("surveys.empty"));
	rec_close(&r);

	publish(state, SAMPLE, true);
	done = publish(state, "Last year's fair", true);
	survey_answer_choose(survey_answer_put(&ans, "visited"), "no");
	survey_answer_put(&ans, "nps")->has_num = true;
	assert_null(survey_submit(fx->t.db, &olena, done, &ans).key);
	survey_answers_free(&ans);

	run(&r, state, "olena", s, NSTEPS(s));
	v = rec_last(&r);
	assert_int_equal(v->nitems, 1);
	assert_string_equal(v->items[0].label, SAMPLE);
	assert_string_equal(v->items[0].status, T("surveys.waiting"));
	assert_int_equal(rec_find_item(v, "fair"), -1);
	assert_int_equal(waiting(state, "olena"), 1);
	assert_non_null(strstr(v->text, news(1)));
	rec_close(&r);
}

/* The menu line says how many wait, and so does the status count. */
static void
test_badge_and_status(void **state)
{
	static const struct rec_step none[] = { BACK("menu") };
	const struct rec_view *v;
	struct rec r;
	int i, at = -1, line;
	int64_t n = waiting(state, "olena") + 2;	/* the demo's too */
	char want[32];

	for (i = 0; features[i] != NULL; i++)
		if (strcmp(features[i]->name, "surveys") == 0)
			at = i;
	assert_true(at >= 0);
	publish(state, SAMPLE, true);
	publish(state, "Second", false);
	assert_int_equal(waiting(state, "olena"), n);
	snprintf(want, sizeof want, "%lld waiting", (long long)n);
	run(&r, state, "olena", none, 0);
	v = rec_last(&r);
	assert_string_equal(v->screen, "menu");
	line = rec_find_item(v, T("menu.surveys"));
	assert_true(line >= 0);
	assert_non_null(v->items[line].status);
	assert_non_null(strstr(v->items[line].status, want));
	assert_int_equal(r.app.status_counts[at], n);
	rec_close(&r);
	/* The welcome screen says it too. */
	rec_open(&r, ((struct rec_fx *)*state)->t.db, "olena", "en",
	    ((struct rec_fx *)*state)->mode, REC_NO_DRAW);
	rec_run(&r, &screen_welcome, NULL, true, NULL, 0);
	assert_string_equal(rec_last(&r)->screen, "welcome");
	assert_non_null(strstr(rec_last(&r)->text, news(n)));
	rec_close(&r);
	/* A guest has no line. */
	run(&r, state, NULL, none, 0);
	assert_int_equal(rec_find_item(rec_last(&r), T("menu.surveys")), -1);
	rec_close(&r);
}

/* Enter on the inbox's "a survey waits" opens the survey. */
static void
test_inbox_opens_survey(void **state)
{
	static const struct rec_step s[] = { OPEN("menu", "menu.notices"),
		PICK("notices", SAMPLE) };
	const struct rec_view *v;
	struct rec r;

	publish(state, SAMPLE, true);
	run(&r, state, "olena", s, NSTEPS(s));
	v = rec_last(&r);
	assert_string_equal(v->screen, "survey-take");
	assert_string_equal(v->title, SAMPLE);
	assert_string_equal(v->items[0].label, T("survey.take.begin"));
	rec_close(&r);
}

/* The introduction says some questions come only after certain answers
 * when the survey has skip logic (the sample), and only the count when it
 * has none (the same survey with its conditions taken off). */
static void
test_intro_count(void **state)
{
	static const struct rec_step s[] = { OPEN("menu", "menu.notices"),
		PICK("notices", SAMPLE) };
	struct rec_fx *fx = *state;
	struct actor mod = moderator(state);
	struct survey_def d;
	char *skip, *plain;
	struct rec r;
	int64_t id;
	size_t i;

	publish(state, SAMPLE, true);
	survey_sample(&d);
	skip = TFA("survey.take.count_skip", A_NUM((int64_t)d.nquestions));
	plain = TFA("survey.take.count", A_NUM((int64_t)d.nquestions));
	run(&r, state, "olena", s, NSTEPS(s));
	assert_non_null(strstr(rec_last(&r)->text, skip));
	assert_null(strstr(rec_last(&r)->text, plain));
	rec_close(&r);
	d.state = SS_DRAFT;
	free(d.title.v[1]);
	d.title.v[1] = xstrdup("No conditions");
	for (i = 0; i < d.nquestions; i++) {
		d.questions[i].show_if[0] = '\0';
		d.questions[i].show_value[0] = '\0';
	}
	assert_null(survey_create(fx->t.db, &mod, &d, &id).key);
	assert_null(survey_publish(fx->t.db, &mod, id).key);
	survey_def_free(&d);
	{
		static const struct rec_step s2[] = {
			OPEN("menu", "menu.notices"),
			PICK("notices", "No conditions") };

		run(&r, state, "olena", s2, NSTEPS(s2));
		assert_non_null(strstr(rec_last(&r)->text, plain));
		assert_null(strstr(rec_last(&r)->text, skip));
		rec_close(&r);
	}
	free(skip);
	free(plain);
}

/* visited "no": why and agree are not shown, nor in the review; "yes"
 * and why "a": both are; the review sends, and the hub is empty after. */
static void
test_take_skip_review_submit(void **state)
{
	static const struct rec_step no[] = { TO_FORM,
		SUBMIT("survey-take", "visited=no", "nps=7"),
		BACK("survey-review"), BACK("survey-take") };
	static const struct rec_step yes[] = { TO_FORM,
		SUBMIT("survey-take", "visited=yes", "why=a,c", "agree=4",
		    "nps=9"),
		ASK("survey-review", 's') };
	struct rec_fx *fx = *state;
	const struct rec_view *v;
	struct rec r;
	int64_t before = waiting(state, "olena");	/* the demo's */
	int64_t id = publish(state, SAMPLE, true);
	int i;

	assert_int_equal(waiting(state, "olena"), before + 1);
	run(&r, state, "olena", no, NSTEPS(no));
	for (i = 0; i < r.nviews && strcmp(r.views[i].screen,
	    "survey-review") != 0; i++)
		;
	assert_true(i < r.nviews);
	v = &r.views[i];
	assert_int_equal(v->nitems, 5);		/* visited nps age note story */
	assert_int_equal(body_with(v, "Question: why"), -1);
	assert_int_equal(body_with(v, "Question: agree"), -1);
	assert_string_equal(v->items[0].label, "Question 1");
	assert_string_equal(v->items[0].body,
	    "Question: visited\nAnswer: Question: no");
	assert_string_equal(v->items[2].body,
	    "Question: age\nAnswer: no answer");
	assert_true(rec_has_action(v, 's') && rec_has_action(v, 'c'));
	rec_close(&r);
	assert_int_equal(survey_answer_count(fx->t.db, id), 0);

	run(&r, state, "olena", yes, NSTEPS(yes));
	v = &r.views[r.nviews - 2];
	assert_string_equal(v->screen, "survey-review");
	assert_int_equal(v->nitems, 7);
	assert_string_equal(v->items[1].body,
	    "Question: why\nAnswer: Question: a; Question: c");
	assert_string_equal(v->items[2].body,
	    "Question: agree\nAnswer: Agree");
	v = rec_last(&r);
	assert_string_equal(v->screen, "surveys");
	assert_string_equal(v->notice, T("survey.review.thanks_anonymous"));
	/* Gone from the hub, which lists only what else waits. */
	assert_int_equal(rec_find_item(v, SAMPLE), -1);
	assert_int_equal(v->nitems, before);
	rec_close(&r);
	assert_int_equal(survey_answer_count(fx->t.db, id), 1);
	assert_int_equal(waiting(state, "olena"), before);
}

/* Without the required nps the form is refused there, with what was
 * typed kept; so is an answer core refuses, at its question; c on the
 * review goes back with nothing lost. */
static void
test_required_refused_kept(void **state)
{
	static const struct rec_step s[] = { TO_FORM,
		SUBMIT("survey-take", "visited=yes", "note=Kept words") };
	static const struct rec_step change[] = { TO_FORM,
		SUBMIT("survey-take", "visited=yes", "nps=3", "note=Mine"),
		ASK("survey-review", 'c') };
	static const struct rec_step refused[] = { TO_FORM,
		SUBMIT("survey-take", "visited=no", "nps=1", "note=two\nlines"),
		ASK("survey-review", 's') };
	const struct rec_view *v;
	struct rec r;

	publish(state, SAMPLE, true);
	run(&r, state, "olena", s, NSTEPS(s));
	v = rec_last(&r);
	assert_string_equal(v->screen, "survey-take");
	assert_non_null(rec_field(v, "nps")->error);
	assert_null(rec_field(v, "visited")->error);
	assert_string_equal(rec_field(v, "note")->value, "Kept words");
	assert_string_equal(rec_field(v, "visited")->value, "yes");
	rec_close(&r);

	/* Core's refusal (a line break in a short answer, which no typing
	 * makes but a paste could) goes back to the form at its question. */
	run(&r, state, "olena", refused, NSTEPS(refused));
	v = rec_last(&r);
	assert_string_equal(v->screen, "survey-take");
	assert_string_equal(rec_field(v, "note")->error, T("error.survey.answer"));
	assert_string_equal(rec_field(v, "note")->value, "two\nlines");
	assert_string_equal(rec_field(v, "nps")->value, "1");
	assert_string_equal(v->notice, T("error.survey.answer"));
	rec_close(&r);

	run(&r, state, "olena", change, NSTEPS(change));
	v = rec_last(&r);
	assert_string_equal(v->screen, "survey-take");
	assert_int_equal(v->nfields, 7);
	assert_string_equal(rec_field(v, "note")->value, "Mine");
	assert_string_equal(rec_field(v, "nps")->value, "3");
	rec_close(&r);
}

/* Leaving the form keeps the answers; the next visit offers to continue
 * and takes them back. */
static void
test_resume(void **state)
{
	static const struct rec_step leave[] = { TO_FORM,
		SUBMIT("survey-take", "visited=yes", "why=b", "note=Half"),
		BACK("survey-take") };
	static const struct rec_step again[] = { TO_HUB,
		PICK("surveys", SAMPLE),
		{ .screen = "survey-take", .type = EV_SELECT, .index = 0 } };
	const struct rec_view *v;
	struct rec r;

	publish(state, SAMPLE, true);
	run(&r, state, "olena", leave, NSTEPS(leave));
	rec_close(&r);
	run(&r, state, "olena", again, NSTEPS(again));
	v = &r.views[r.nviews - 2];
	assert_string_equal(v->screen, "survey-take");
	assert_string_equal(v->items[0].label, T("survey.take.continue"));
	v = rec_last(&r);
	assert_string_equal(v->notice, T("survey.take.resumed"));
	assert_string_equal(rec_field(v, "visited")->value, "yes");
	assert_string_equal(rec_field(v, "why")->value, "b");
	assert_string_equal(rec_field(v, "note")->value, "Half");
	rec_close(&r);
}

/* An identified survey answered: listed as changeable, opened with the
 * answers, changed. */
static void
test_identified_change(void **state)
{
	static const struct rec_step first[] = { TO_HUB,
		PICK("surveys", "Named one"),
		{ .screen = "survey-take", .type = EV_SELECT, .index = 0 },
		SUBMIT("survey-take", "visited=no", "nps=4"),
		ASK("survey-review", 's') };
	static const struct rec_step change[] = { TO_HUB,
		PICK("surveys", "Named one"),
		{ .screen = "survey-take", .type = EV_SELECT, .index = 0 },
		SUBMIT("survey-take", "nps=10"),
		ASK("survey-review", 's') };
	struct survey_answers ans = { 0 };
	const struct rec_view *v;
	struct rec r;
	int64_t id;

	publish(state, SAMPLE, true);
	id = publish(state, "Named one", false);
	run(&r, state, "olena", first, NSTEPS(first));
	v = rec_last(&r);
	assert_string_equal(v->notice, T("survey.review.thanks_identified"));
	/* Still listed, among the answered. */
	assert_true(rec_find_item(v, "Named one") >= 0);
	assert_string_equal(v->items[rec_find_item(v, "Named one")].status,
	    T("surveys.answered"));
	rec_close(&r);
	assert_int_equal(mine(state, id, &ans), 1);
	assert_int_equal(survey_answer_find(&ans, "nps")->num, 4);

	run(&r, state, "olena", change, NSTEPS(change));
	v = &r.views[2];
	assert_string_equal(v->screen, "survey-take");
	assert_string_equal(v->items[0].label, T("survey.take.change"));
	v = &r.views[3];
	assert_string_equal(rec_field(v, "visited")->value, "no");
	assert_string_equal(rec_field(v, "nps")->value, "4");
	rec_close(&r);
	assert_int_equal(mine(state, id, &ans), 1);
	assert_int_equal(survey_answer_find(&ans, "nps")->num, 10);
	assert_string_equal(survey_answer_find(&ans, "visited")->choices[0],
	    "no");
	survey_answers_free(&ans);
}

/* Runs survey id in the plain mode through the real line renderer, which
 * reads input until it ends (then the session hangs up), over the main
 * menu; what it wrote (static). */
static const char *
plain_run(void **state, int64_t id, const char *input)
{
	static char buf[1 << 16];
	struct rec_fx *fx = *state;
	struct rec r;
	int in[2];
	ssize_t n;

	rec_open(&r, fx->t.db, "olena", "en", UI_MODE_PLAIN, REC_NO_DRAW);
	assert_int_equal(pipe(in), 0);
	assert_int_equal(write(in[1], input, strlen(input)),
	    (ssize_t)strlen(input));
	close(in[1]);
	assert_true(dup2(in[0], r.p.in_fd) >= 0);
	close(in[0]);
	r.app.r = &render_line;
	assert_int_equal(r.app.r->start(&r.app), 0);
	rec_run(&r, &screen_survey_take, &id, true, NULL, 0);
	n = read(r.out_r, buf, sizeof buf - 1);
	assert_true(n > 0);
	buf[n] = '\0';
	rec_close(&r);
	return buf;
}

/* The plain mode through the real line renderer: "1" begins; visited
 * "no" asks no follow-up, nps is typed as its number; the review lists
 * the answers and s sends. */
static void
test_plain_no_follow_up(void **state)
{
	static const char input[] =
	    "1\n"		/* Begin */
	    "3\n"		/* visited: 1 no answer, 2 yes, 3 no */
	    "9\n"		/* nps: the number itself */
	    "\n\n"		/* age, note: no answer */
	    ".\n"		/* story: none */
	    "s\n";		/* the review: send */
	struct rec_fx *fx = *state;
	int64_t id = publish(state, SAMPLE, true);
	int64_t n = waiting(state, "olena");	/* the demo's too */
	const char *pic = plain_run(state, id, input);

	/* The plain mode's news, as it says new private messages. */
	assert_true(n >= 1);
	assert_non_null(strstr(pic, news(n)));
	assert_non_null(strstr(pic, "Tell us how you learn."));
	assert_non_null(strstr(pic, "Question: visited\n1. no answer (current)\n"
	    "2. Question: yes\n3. Question: no\n"));
	assert_null(strstr(pic, "Question: why"));
	assert_non_null(strstr(pic, "Question: nps\n" ));
	assert_non_null(strstr(pic, "[no answer]  0   1   2"));
	assert_non_null(strstr(pic, "0 is the lowest, 10 the highest"));
	assert_non_null(strstr(pic, "Question: age (optional)\n"));
	assert_non_null(strstr(pic, T("survey.review.intro")));
	assert_non_null(strstr(pic, "1. Question 1\nQuestion: visited\n"
	    "Answer: Question: no\n"));
	assert_non_null(strstr(pic, "2. Question 2\nQuestion: nps\n"
	    "Answer: 9\n"));
	assert_non_null(strstr(pic, "s = Submit\nc = Change\n"));
	assert_non_null(strstr(pic, T("survey.review.thanks_anonymous")));
	assert_int_equal(survey_answer_count(fx->t.db, id), 1);
}

/* "yes" asks why, several of choices by their numbers (a third refused
 * by the limit), then agree after "a"; a number out of its bounds is
 * asked again; a long text ends with a dot; the review says it all. */
static void
test_plain_follow_up(void **state)
{
	static const char input[] =
	    "1\n"		/* Begin */
	    "2\n"		/* visited: yes */
	    "1,2,3\n"		/* why: three, but at most two */
	    "1, 3\n"		/* why: a and c */
	    "5\n"		/* agree: 1 no answer .. 5 Agree */
	    "10\n"		/* nps */
	    "200\n30\n"	/* age: out of 16..120, then fine */
	    "\n"		/* note */
	    "Evenings suit me.\n.\n"	/* story */
	    "s\n";
	struct rec_fx *fx = *state;
	int64_t id = publish(state, SAMPLE, true);
	const char *pic = plain_run(state, id, input);

	assert_non_null(strstr(pic, "Question: why (optional)\n"
	    "1. Question: a\n2. Question: b\n3. Question: c\n"
	    "Choose at most 2 options.\n"
	    "[" SAMPLE "] Numbers separated by commas, - for none"));
	assert_non_null(strstr(pic, "Question: agree (optional)\n"
	    "1. no answer (current)\n2. Strongly disagree\n"));
	assert_non_null(strstr(pic, "A whole number from 16 to 120.\n"));
	assert_non_null(strstr(pic, "Answer: Question: a; Question: c\n"));
	assert_non_null(strstr(pic, "Answer: Agree\n"));
	assert_non_null(strstr(pic, "Answer: 30\n"));
	assert_non_null(strstr(pic, "Answer: Evenings suit me.\n"));
	assert_non_null(strstr(pic, T("survey.review.thanks_anonymous")));
	assert_int_equal(survey_answer_count(fx->t.db, id), 1);
}

/* Whether the catalog text of key (formatted with n when n >= 0) is on
 * picture's screen rows whole, rows joined and blanks dropped. */
static bool
whole(const char *picture, const char *text)
{
	char *a = xstrdup(picture), *b = xstrdup(text), *p, *q;
	bool found;

	for (p = q = a; *p != '\0'; p++)
		if (*p != ' ' && *p != '\n')
			*q++ = *p;
	*q = '\0';
	for (p = q = b; *p != '\0'; p++)
		if (*p != ' ' && *p != '\n')
			*q++ = *p;
	*q = '\0';
	found = strstr(a, b) != NULL;
	free(a);
	free(b);
	return found;
}

/* The hub, the introduction, the form (the follow-up shown, the scale
 * focused with its refusal) and the review of the short survey, at 80x24
 * in each language: no row below the status line is cut (nothing ends in
 * "…"), the key bar ends with the help, and the screens' own texts are
 * there whole. */
static void
test_fit_80x24_all_languages(void **state)
{
	static const struct rec_step hub[] = { TO_HUB };
	static const struct rec_step intro[] = { TO_HUB,
		PICK("surveys", FIT) };
	static const struct rec_step form[] = { TO_HUB,
		PICK("surveys", FIT),
		{ .screen = "survey-take", .type = EV_SELECT },
		SUBMIT("survey-take", "learned=yes") };
	static const struct rec_step review[] = { TO_HUB,
		PICK("surveys", FIT),
		{ .screen = "survey-take", .type = EV_SELECT },
		SUBMIT("survey-take", "learned=yes", "kinds=club,online",
		    "valued=4", "recommend=9") };
	static const struct {
		const struct rec_step	*steps;
		int			 n;
		const char		*screen, *text_key;
	} shots[] = {
		{ hub, NSTEPS(hub), "surveys", "surveys.waiting" },
		{ intro, NSTEPS(intro), "survey-take", "survey.take.anonymous" },
		{ form, NSTEPS(form), "survey-take", "survey.take.scale10_hint" },
		{ review, NSTEPS(review), "survey-review", "survey.review.intro" },
	};
	struct rec_fx *fx = *state;
	struct actor mod = moderator(state);
	struct survey_def d;
	int64_t id;
	size_t l, k;

	char who[16];

	/* One member per language: what one left answered would be taken
	 * back by the next. */
	for (l = 0; l < I18N_NLANGS; l++) {
		snprintf(who, sizeof who, "fit_%s", i18n_langs[l]);
		tdb_account(&fx->t, who, who, i18n_langs[l], ROLE_MEMBER);
	}
	/* Told from the demo's copy of it by the mark after its titles. */
	survey_sample_kaunas(&d, REC_CLOCK + 30 * 86400);
	for (l = 0; l < I18N_NLANGS; l++)
		if (d.title.v[l] != NULL) {
			char *t = xasprintf("%s " FIT, d.title.v[l]);

			free(d.title.v[l]);
			d.title.v[l] = t;
		}
	assert_null(survey_create(fx->t.db, &mod, &d, &id).key);
	assert_null(survey_publish(fx->t.db, &mod, id).key);
	survey_def_free(&d);
	for (l = 0; l < I18N_NLANGS; l++)
		for (k = 0; k < sizeof shots / sizeof shots[0]; k++) {
			const struct rec_view *v;
			char *rows, *bar, *end, *help;
			struct rec r;
			int row;

			snprintf(who, sizeof who, "fit_%s", i18n_langs[l]);
			rec_open(&r, fx->t.db, who, i18n_langs[l], UI_MODE_FULL,
			    REC_DRAW);
			rec_run(&r, &screen_menu, NULL, false, shots[k].steps,
			    shots[k].n);
			v = rec_last(&r);
			if (strcmp(v->screen, shots[k].screen) != 0)
				fail_msg("%s: %s, not %s", i18n_langs[l], v->screen,
				    shots[k].screen);
			/* The test's own survey, not the demo's. */
			if (k == 0)
				assert_true(rec_find_item(v, FIT) >= 0);
			else if (strstr(v->title, FIT) == NULL)
				fail_msg("%s %s: %s", i18n_langs[l],
				    shots[k].screen, v->title);
			rows = xstrdup(v->picture);
			/* The screen's 24 rows, without the status line. */
			for (row = 0, end = rows; row < 24 && end != NULL; row++)
				end = strchr(end + 1, '\n');
			assert_non_null(end);
			*end = '\0';
			if (strstr(strchr(rows, '\n'), "\u2026") != NULL)
				fail_msg("%s %s: a row is cut:\n%s",
				    i18n_langs[l], shots[k].screen, rows);
			bar = strrchr(rows, '\n') + 1;
			while (end > bar && end[-1] == ' ')
				*--end = '\0';
			help = xasprintf("%s %s", v->nfields > 0 ? "F1" : "?",
			    T("key.help"));
			if (strlen(bar) < strlen(help) ||
			    strcmp(bar + strlen(bar) - strlen(help), help) != 0)
				fail_msg("%s %s: the key bar is cut: %s",
				    i18n_langs[l], shots[k].screen, bar);
			if (!whole(rows, T(shots[k].text_key)))
				fail_msg("%s %s: %s not whole:\n%s", i18n_langs[l],
				    shots[k].screen, shots[k].text_key, rows);
			/* The control: another screen's text is not found. */
			assert_false(whole(rows, T(shots[(k + 1) % 4].text_key)));
			free(help);
			free(rows);
			rec_close(&r);
		}
	/* The control of the cut: a title too long for its row ends in "…". */
	id = publish(state, "A survey whose title is far too long for one row "
	    "of the list: it goes on and on, past the eightieth column", true);
	{
		static const struct rec_step s[] = { TO_HUB };
		struct rec r;

		rec_open(&r, fx->t.db, "fit_en", "en", UI_MODE_FULL, REC_DRAW);
		rec_run(&r, &screen_menu, NULL, false, s, NSTEPS(s));
		assert_non_null(strstr(strchr(rec_last(&r)->picture, '\n'),
		    "one row of \u2026"));
		rec_close(&r);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		REC_BOTH(test_hub_waiting_not_done),
		REC_BOTH(test_badge_and_status),
		REC_BOTH(test_inbox_opens_survey),
		REC_BOTH(test_intro_count),
		REC_BOTH(test_take_skip_review_submit),
		REC_BOTH(test_required_refused_kept),
		REC_BOTH(test_resume),
		REC_BOTH(test_identified_change),
		cmocka_unit_test_prestate_setup_teardown(test_plain_no_follow_up,
		    rec_fx_setup, tdb_teardown, (void *)&rec_plain),
		cmocka_unit_test_prestate_setup_teardown(test_plain_follow_up,
		    rec_fx_setup, tdb_teardown, (void *)&rec_plain),
		cmocka_unit_test_prestate_setup_teardown(
		    test_fit_80x24_all_languages, rec_fx_setup, tdb_teardown,
		    (void *)&rec_full),
	};

	return cmocka_run_group_tests(tests, rec_suite_setup,
	    rec_suite_teardown);
}
