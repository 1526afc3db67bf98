/* Taking one survey: first its title and introduction, what becomes of
 * the answers (not linked to the member, or kept with their name and open
 * to change until it closes) and a line to begin; then the questions as
 * one form (ui/survey-form.c). What is answered is kept as progress when
 * the member leaves, after a pause in typing and when the session ends,
 * and taken back when they come again ("Continuing where you left off");
 * an identified survey answered before opens with those answers. The
 * form's button leads to the review page, which sends. */
#include "ui/survey-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <stdlib.h>

struct take_state {
	struct survey_take	 t;
	const char		*refused;	/* a catalog key: cannot take it */
	bool			 on_form;	/* past the introduction */
	bool			 resumed;	/* progress was taken back */
};

/* Whether an anonymous survey still waits for the actor (done ones do
 * not, and only survey_waiting says so). */
static bool
still_waiting(struct app *app, int64_t id)
{
	struct survey_rows r = { 0 };
	bool found = false;
	size_t i;

	if (survey_waiting(app->db, app_actor(app), i18n_lang(), &r) == 0)
		for (i = 0; i < r.n; i++)
			found = found || r.v[i].id == id;
	survey_rows_free(&r);
	return found;
}

/* Loads the survey and what was answered of it before. */
static void
take_load(struct app *app, struct take_state *ts)
{
	struct survey_answers ans = { 0 };
	int eligible;

	if (app_is_guest(app)) {
		ts->refused = "error.survey.guest";
		return;
	}
	if (survey_load(app->db, ts->t.id, &ts->t.def) != 0) {
		ts->refused = "error.survey.not_found";
		return;
	}
	eligible = survey_eligible(app->db, app_actor(app), ts->t.id);
	if (eligible <= 0) {
		ts->refused = eligible < 0 ? "error.internal" :
		    ts->t.def.state != SS_OPEN ? "error.survey.not_open" :
		    "error.survey.not_asked";
		return;
	}
	survey_form_build(&ts->t);
	if (!ts->t.def.anonymous && survey_my_answers(app->db, app_actor(app),
	    ts->t.id, &ans) == 1) {
		ts->t.changing = true;
		survey_form_fill(&ts->t, &ans);
	} else if (ts->t.def.anonymous && !still_waiting(app, ts->t.id)) {
		ts->refused = "error.survey.done";
		return;
	}
	if (survey_progress_load(app->db, app_actor(app), ts->t.id, &ans) == 1 &&
	    ans.n > 0) {
		ts->resumed = true;
		survey_form_fill(&ts->t, &ans);
	}
	survey_answers_free(&ans);
}

static void *
take_open(struct app *app, void *arg)
{
	struct take_state *ts = xcalloc(1, sizeof *ts);

	ts->t.id = *(int64_t *)arg;
	take_load(app, ts);
	return ts;
}

/* Keeps what is answered as progress, unless it was sent. */
static void
take_keep(struct app *app, void *st)
{
	struct take_state *ts = st;
	struct survey_answers ans = { 0 };

	if (ts->refused != NULL || ts->t.submitted || ts->t.form == NULL)
		return;
	survey_form_answers(&ts->t, &ans);
	/* Nothing answered and nothing kept before: nothing to resume. */
	if (ans.n > 0 || ts->resumed) {
		survey_progress_save(app->db, app_actor(app), ts->t.id, &ans);
		ts->resumed = ans.n > 0;
	}
	survey_answers_free(&ans);
}

/* Whether some question is shown only after an answer (skip logic). */
static bool
has_skip_logic(const struct survey_def *d)
{
	size_t i;

	for (i = 0; i < d->nquestions; i++)
		if (d->questions[i].show_if[0] != '\0')
			return true;
	return false;
}

/* The introduction: what the survey is, what becomes of the answers. */
static void
intro_describe(struct app *app, struct take_state *ts, struct view *v)
{
	const char *lang = i18n_lang();
	const char *intro = survey_text_pick(&ts->t.def, &ts->t.def.intro, lang);
	char *n = TFA(has_skip_logic(&ts->t.def) ? "survey.take.count_skip" :
	    "survey.take.count", A_NUM(ts->t.def.nquestions));
	char *kept;

	(void)app;
	if (intro[0] != '\0')
		view_para(v, intro);
	view_para(v, n);
	free(n);
	if (ts->t.def.anonymous)
		kept = xstrdup(T("survey.take.anonymous"));
	else if (ts->t.def.closes > 0)
		kept = TFA("survey.take.identified_until",
		    A_DATE(ts->t.def.closes));
	else
		kept = xstrdup(T("survey.take.identified"));
	view_para(v, kept);
	free(kept);
	view_item(v, T(ts->resumed ? "survey.take.continue" : ts->t.changing ?
	    "survey.take.change" : "survey.take.begin"), NULL, NULL);
}

static void
take_describe(struct app *app, void *st, struct view *v)
{
	struct take_state *ts = st;

	if (ts->refused != NULL) {
		view_text(v, T(ts->refused));
		return;
	}
	v->title = xstrdup(survey_text_pick(&ts->t.def, &ts->t.def.title,
	    i18n_lang()));
	if (!ts->on_form) {
		intro_describe(app, ts, v);
		return;
	}
	v->form = ts->t.form;
}

static int
take_select(struct app *app, void *st, int index)
{
	struct take_state *ts = st;

	if (ts->refused != NULL || index != 0)
		return SR_STAY;
	ts->on_form = true;
	if (ts->resumed)
		app_notice(app, T("survey.take.resumed"));
	return SR_STAY;
}

/* Every shown answer is fine by the form: the review page says them. */
static int
take_submit(struct app *app, void *st, struct form *f)
{
	struct take_state *ts = st;

	(void)f;
	app_push(app, &screen_survey_review, &ts->t);
	return SR_STAY;
}

static int
take_back(struct app *app, void *st)
{
	take_keep(app, st);
	return SR_POP;
}

static void
take_close(struct app *app, void *st)
{
	struct take_state *ts = st;

	take_keep(app, ts);
	survey_form_free(&ts->t);
	survey_def_free(&ts->t.def);
	free(ts);
}

void
survey_open(struct app *app, int64_t id)
{
	app_push(app, &screen_survey_take, &id);
}

const struct screen_ops screen_survey_take = {
	.name = "survey-take",
	.title_key = "survey.take.title",
	.help_key = "help.survey_take",
	.help_key_plain = "help.survey_take_plain",
	.open = take_open,
	.describe = take_describe,
	.select = take_select,
	.submit = take_submit,
	.keep = take_keep,
	.back = take_back,
	.close = take_close,
};
