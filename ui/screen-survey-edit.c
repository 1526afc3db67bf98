/* One survey's page, for moderators: what it is (state, anonymity, who
 * is asked, dates, answers, questions, the languages it has texts in),
 * its settings' form and its questions, and what can be done: choose
 * the language whose texts are edited (g), save (s), publish (p, after a
 * confirmation), close (c) and delete it (d, only without answers,
 * after a confirmation). The definition is edited in memory and stored
 * by a save; a refusal names the field (the settings' form opens on it)
 * or the question, and nothing edited is lost. Leaving with changes not
 * saved asks first. */
#include "ui/dialogs.h"
#include "ui/survey-build-ui.h"
#include "ui/survey-results-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/calendar.h"
#include "core/directory.h"
#include "core/survey.h"
#include "core/survey-templates.h"
#include "i18n/i18n.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct edit_state {
	struct survey_build	 b;
	int64_t			 answers;
	const char		*refused;	/* a key: nothing to edit */
};

static int
ui_lang_index(void)
{
	int i;

	for (i = 0; i < I18N_NLANGS; i++)
		if (strcmp(i18n_langs[i], i18n_lang()) == 0)
			return i;
	return 0;
}

static void
edit_reload_state(struct app *app, struct edit_state *es)
{
	struct survey_def d = { 0 };

	es->answers = es->b.def.id != 0 ?
	    survey_answer_count(app->db, es->b.def.id) : 0;
	es->b.locked = es->answers > 0;
	if (es->b.def.id != 0 && survey_load(app->db, es->b.def.id, &d) == 0)
		es->b.def.state = d.state;
	survey_def_free(&d);
}

static void *
edit_open(struct app *app, void *arg)
{
	const struct survey_edit_req *req = arg;
	struct edit_state *es = xcalloc(1, sizeof *es);
	const struct survey_template *t;

	if (!app_is_moderator(app))
		es->refused = "error.survey.not_allowed";
	else if (req->id != 0) {
		if (survey_load(app->db, req->id, &es->b.def) != 0) {
			memset(&es->b.def, 0, sizeof es->b.def);
			es->refused = "error.survey.not_found";
		}
	} else if (req->template_name != NULL &&
	    (t = survey_template_find(req->template_name)) != NULL &&
	    survey_template_load(t, &es->b.def) == 0) {
		es->b.def.id = 0;
		es->b.def.state = SS_DRAFT;
		es->b.changed = true;
	} else {
		memset(&es->b.def, 0, sizeof es->b.def);
		es->b.def.first_lang = ui_lang_index();
		es->b.changed = true;
	}
	es->b.lang = es->b.def.title.v[ui_lang_index()] != NULL ||
	    es->b.def.id == 0 ? ui_lang_index() : es->b.def.first_lang;
	edit_reload_state(app, es);
	return es;
}

/* Who is asked, with its target: "an event's attendees: Kalbų
 * kavinė (2026-03-10)". Newly allocated. */
static char *
audience_text(struct app *app, const struct survey_def *d)
{
	const char *who = T(survey_build_audience_key(d->audience));
	static const char *const roles[] = { "survey.role.member",
		"survey.role.organiser", "survey.role.moderator",
		"survey.role.admin" };
	struct cal_event ev;
	struct dir_org org;
	char *s;

	if (d->audience == SA_ROLE && d->audience_role >= 0 &&
	    d->audience_role <= 3)
		return xasprintf("%s: %s", who, T(roles[d->audience_role]));
	if (d->audience == SA_EVENT && d->audience_id > 0 &&
	    calendar_event_get(app->db, app_actor(app), d->audience_id, 0,
	    clock_now(), &ev) == 0) {
		s = xasprintf("%s: %s", who, ev.occ.title);
		cal_event_free(&ev);
		return s;
	}
	if (d->audience == SA_ORG && d->audience_id > 0 &&
	    directory_org_get(app->db, app_actor(app), d->audience_id,
	    &org) == 0)
		return xasprintf("%s: %s", who, org.name);
	return xstrdup(who);
}

/* "Lietuvių, English": the languages with a title. */
static char *
langs_text(const struct survey_def *d)
{
	struct strbuf sb = { 0 };
	int i;

	for (i = 0; i < I18N_NLANGS; i++)
		if (d->title.v[i] != NULL)
			sb_printf(&sb, "%s%s", sb.s != NULL ? ", " : "",
			    i18n_lang_name(i18n_langs[i]));
	return sb.s != NULL ? sb_take(&sb) : xstrdup(T("survey.build.no_texts"));
}

static void
edit_describe(struct app *app, void *st, struct view *v)
{
	struct edit_state *es = st;
	const struct survey_def *d = &es->b.def;
	const char *title = survey_text_pick(d, &d->title,
	    i18n_langs[es->b.lang]);
	char *s, *a, *b;

	if (es->refused != NULL) {
		view_text(v, T(es->refused));
		return;
	}
	v->title = xstrdup(title[0] != '\0' ? title : T("survey.build.untitled"));
	a = langs_text(d);
	s = TFA("survey.build.editing", A_STR(i18n_lang_name(
	    i18n_langs[es->b.lang])), A_STR(a));
	view_para(v, s);
	free(s);
	free(a);
	a = audience_text(app, d);
	b = survey_build_dates(d->opens, d->closes);
	s = TFA("survey.build.about", A_STR(T(survey_build_state_key(
	    d->state))), A_STR(T(d->anonymous ? "survey.manage.anonymous" :
	    "survey.manage.identified")), A_STR(a), A_STR(b[0] != '\0' ? b :
	    T("survey.build.no_dates")));
	view_para(v, s);
	free(s);
	free(a);
	free(b);
	s = TFA("survey.manage.answers", A_NUM(es->answers));
	view_para(v, s);
	free(s);
	if (es->b.locked)
		view_para(v, T("survey.build.locked"));
	if (es->b.changed)
		view_para(v, T("survey.build.unsaved"));
	view_item(v, T("survey.build.settings"), NULL, NULL);
	s = TFA("survey.build.nquestions", A_NUM(d->nquestions));
	view_item(v, T("survey.build.questions"), s, NULL);
	free(s);
	if (d->id != 0)		/* stored: it may have answers */
		view_item(v, T("survey_results.title"), NULL, NULL);
	view_action(v, 'g', T("survey.build.language"));
	view_action(v, 'u', T("survey.build.questions"));
	view_action(v, 's', T("survey.build.save"));
	if (d->state != SS_OPEN)
		view_action(v, 'p', T("survey.build.publish"));
	else
		view_action(v, 'c', T("survey.build.close"));
	if (d->id != 0 && es->answers == 0)
		view_action(v, 'd', T("survey.build.delete"));
}

static bool
settings_field(const char *field)
{
	static const char *const ids[] = { "title", "intro", "first_lang",
		"audience", "opens", "closes", NULL };
	int i;

	for (i = 0; field != NULL && ids[i] != NULL; i++)
		if (strcmp(field, ids[i]) == 0)
			return true;
	return false;
}

/* Says a refusal, and opens the form it belongs to with the words
 * under the field it names: the question's (core's words name its
 * number) or the settings'. */
static void
refuse(struct app *app, struct edit_state *es, struct core_error e,
    int qindex)
{
	char *msg = TFA(e.key, A_NUM(e.arg));

	app_notice(app, msg);
	free(msg);
	if (qindex >= 0 && (size_t)qindex < es->b.def.nquestions) {
		struct survey_question_req req = { .b = &es->b,
		    .index = qindex };

		es->b.error = e;
		app_push(app, &screen_survey_question, &req);
	} else if (settings_field(e.field)) {
		es->b.error = e;
		app_push(app, &screen_survey_settings, &es->b);
	}
}

/* Stores the definition as edited: true when it was. */
static bool
edit_save(struct app *app, struct edit_state *es)
{
	struct core_error e;
	int qindex = -1;

	e = survey_def_check_at(&es->b.def, &qindex);
	if (!core_failed(e))
		e = es->b.def.id == 0 ? survey_create(app->db, app_actor(app),
		    &es->b.def, &es->b.def.id) : survey_update(app->db,
		    app_actor(app), &es->b.def);
	if (core_failed(e)) {
		refuse(app, es, e, qindex);
		return false;
	}
	es->b.changed = false;
	return true;
}

static const char *
publish_yes(struct app *app, int64_t id)
{
	struct core_error e = survey_publish(app->db, app_actor(app), id);

	return core_failed(e) ? e.key : "survey.build.published";
}

static const char *
delete_yes(struct app *app, int64_t id)
{
	struct core_error e = survey_delete(app->db, app_actor(app), id);

	return core_failed(e) ? e.key : "survey.build.deleted";
}

static const char *
discard_yes(struct app *app, int64_t id)
{
	(void)app;
	(void)id;
	return "survey.build.discarded";
}

static void
ask(struct app *app, const char *key, const char *title,
    const char *(*yes)(struct app *, int64_t), int64_t id, bool close_below)
{
	char *q = TFA(key, A_STR(title));
	struct confirm_req req = { .question = q, .yes = yes, .arg = id,
	    .close_below = close_below };

	app_push(app, &screen_confirm, &req);
	free(q);
}

static const char *
lang_chosen(struct app *app, const struct choice_req *req, int index)
{
	struct survey_build *b = (struct survey_build *)(intptr_t)req->arg;

	(void)app;
	b->lang = (int)req->values[index];
	return "survey.build.lang_set";
}

static void
choose_lang(struct app *app, struct survey_build *b)
{
	struct choice_req req = { .title_key = "survey.build.language",
	    .help_key = "help.survey_lang", .current = b->lang,
	    .current_key = "survey.build.lang_current",
	    .arg = (int64_t)(intptr_t)b, .apply = lang_chosen };
	char *labels[I18N_NLANGS];
	int i;

	for (i = 0; i < I18N_NLANGS; i++) {
		labels[i] = b->def.title.v[i] != NULL ? TFA(
		    "survey.build.lang_has", A_STR(i18n_lang_name(
		    i18n_langs[i]))) : xstrdup(i18n_lang_name(i18n_langs[i]));
		choice_add(&req, labels[i], i);
	}
	app_push(app, &screen_choice, &req);
	choice_req_free(&req);
	for (i = 0; i < I18N_NLANGS; i++)
		free(labels[i]);
}

static int
edit_select(struct app *app, void *st, int index)
{
	struct edit_state *es = st;

	if (es->refused != NULL)
		return SR_STAY;
	if (index == 0)
		app_push(app, &screen_survey_settings, &es->b);
	else if (index == 1)
		app_push(app, &screen_survey_questions, &es->b);
	else if (index == 2 && es->b.def.id != 0)
		app_push(app, &screen_survey_results, &es->b.def.id);
	return SR_STAY;
}

static int
edit_action(struct app *app, void *st, int key)
{
	struct edit_state *es = st;
	const char *title = survey_text_pick(&es->b.def, &es->b.def.title,
	    i18n_lang());

	if (es->refused != NULL)
		return SR_STAY;
	switch (key) {
	case 'g':
		choose_lang(app, &es->b);
		break;
	case 'u':
		app_push(app, &screen_survey_questions, &es->b);
		break;
	case 's':
		if (edit_save(app, es))
			app_notice(app, T("survey.build.saved"));
		break;
	case 'p':
		if (es->b.def.state != SS_OPEN && (!es->b.changed &&
		    es->b.def.id != 0 ? true : edit_save(app, es)))
			ask(app, "survey.build.publish_ask", title, publish_yes,
			    es->b.def.id, false);
		break;
	case 'c':
		if (es->b.def.state == SS_OPEN) {
			struct core_error e = survey_close(app->db,
			    app_actor(app), es->b.def.id);

			app_notice(app, T(core_failed(e) ? e.key :
			    "survey.build.closed"));
			edit_reload_state(app, es);
		}
		break;
	case 'd':
		if (es->b.def.id != 0 && es->answers == 0)
			ask(app, "survey.build.delete_ask", title, delete_yes,
			    es->b.def.id, true);
		break;
	}
	return SR_STAY;
}

static int
edit_back(struct app *app, void *st)
{
	struct edit_state *es = st;

	if (!es->b.changed)
		return SR_POP;
	ask(app, "survey.build.discard_ask", survey_text_pick(&es->b.def,
	    &es->b.def.title, i18n_lang()), discard_yes, 0, true);
	return SR_STAY;
}

static void
edit_resume(struct app *app, void *st)
{
	edit_reload_state(app, st);
}

static void
edit_close(struct app *app, void *st)
{
	struct edit_state *es = st;

	(void)app;
	survey_def_free(&es->b.def);
	free(es);
}

const struct screen_ops screen_survey_edit = {
	.name = "survey-edit",
	.title_key = "survey.build.title",
	.help_key = "help.survey_edit",
	.open = edit_open,
	.describe = edit_describe,
	.select = edit_select,
	.action = edit_action,
	.back = edit_back,
	.resume = edit_resume,
	.close = edit_close,
};
