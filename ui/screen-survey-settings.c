/* A survey's settings as a form: its title and introduction in the
 * language being edited (its page's g chooses it), its first language
 * (what other readers fall back to), whether it is anonymous, who is
 * asked (everyone, a role, an event's attendees chosen among the recent
 * and coming events, both sides of mentorships, an organisation's
 * members) and its first and last days in the site zone. Once it has
 * answers only the texts and the days are offered. A refusal of the last
 * save (or of these settings now) goes under its field. */
#include "ui/calendar-ui.h"
#include "ui/survey-build-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/calendar.h"
#include "core/directory.h"
#include "core/survey.h"
#include "forms/form.h"
#include "i18n/calendar.h"
#include "i18n/i18n.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EVENTS_BACK	(90 * 86400)	/* events offered: 90 days back */
#define EVENTS_AHEAD	(180 * 86400)	/* and 180 ahead */
#define CHOICES_MAX	40

struct settings_state {
	struct survey_build	*b;
	struct form		*form;
};

static const char *
check_day(const struct form *f, const struct field *fld, void *arg)
{
	struct i18n_wall w;

	(void)f;
	(void)arg;
	if (fld->value[0] == '\0')
		return NULL;
	return cal_parse_date(fld->value, &w) == 0 ? NULL :
	    "calendar.edit.date_format";
}

static bool
audience_is(const struct form *f, void *arg)
{
	return strcmp(form_value(f, "audience"), arg) == 0;
}

static void
add_events(struct app *app, struct field *fld, int64_t current)
{
	struct cal_occurrence_list l = { 0 };
	int64_t now = clock_now();
	size_t i, j, n = 0;
	char id[24], day[11];

	if (calendar_range(app->db, app_actor(app), now - EVENTS_BACK,
	    now + EVENTS_AHEAD, NULL, &l) != 0)
		return;
	for (i = 0; i < l.n && n < CHOICES_MAX; i++) {
		char *label;

		for (j = 0; j < i; j++)
			if (l.v[j].event_id == l.v[i].event_id)
				break;
		if (j < i)
			continue;
		snprintf(id, sizeof id, "%" PRId64, l.v[i].event_id);
		survey_build_day(l.v[i].start, false, day);
		label = xasprintf("%s (%s)", l.v[i].title, day);
		field_add_choice(fld, id, label);
		free(label);
		n++;
	}
	cal_occurrence_list_free(&l);
	snprintf(id, sizeof id, "%" PRId64, current);
	field_set(fld, id);
}

static void
add_orgs(struct app *app, struct field *fld, int64_t current)
{
	struct dir_org_list l = { 0 };
	char id[24];
	size_t i;

	if (directory_orgs(app->db, app_actor(app), NULL, NULL, NULL, 0,
	    CHOICES_MAX, &l) != 0)
		return;
	for (i = 0; i < l.n; i++) {
		snprintf(id, sizeof id, "%" PRId64, l.v[i].id);
		field_add_choice(fld, id, l.v[i].name);
	}
	dir_org_list_free(&l);
	snprintf(id, sizeof id, "%" PRId64, current);
	field_set(fld, id);
}

static struct form *
build(struct app *app, struct survey_build *b)
{
	const struct survey_def *d = &b->def;
	struct form *f = form_new(T("survey.settings.done"));
	const char *lang = i18n_lang_name(i18n_langs[b->lang]);
	static const char *const audiences[] = { "all", "role", "event",
		"mentorships", "organisation" };
	static const char *const roles[] = { "survey.role.member",
		"survey.role.organiser", "survey.role.moderator",
		"survey.role.admin" };
	struct field *fld;
	char *label, day[11], n[4];
	int i;

	label = TFA("survey.settings.title_in", A_STR(lang));
	/* Core needs the title in the first language only. */
	fld = form_add(f, "title", FIELD_TEXT, label, b->lang == d->first_lang);
	free(label);
	fld->max_cp = SURVEY_TITLE_MAX;
	field_set(fld, survey_build_text(&d->title, b->lang));
	if (b->locked)
		fld->hint = xstrdup(T("survey.settings.locked"));
	label = TFA("survey.settings.intro_in", A_STR(lang));
	fld = form_add(f, "intro", FIELD_TEXTAREA, label, false);
	free(label);
	fld->max_cp = SURVEY_INTRO_MAX;
	field_set(fld, survey_build_text(&d->intro, b->lang));
	fld = form_add(f, "first_lang", FIELD_CHOICE,
	    T("survey.settings.first_lang"), true);
	fld->hint = xstrdup(T("survey.settings.first_lang_hint"));
	for (i = 0; i < I18N_NLANGS; i++)
		field_add_choice(fld, i18n_langs[i], i18n_lang_name(i18n_langs[i]));
	field_set(fld, i18n_langs[d->first_lang]);
	if (!b->locked) {
		fld = form_add(f, "anonymous", FIELD_CHOICE,
		    T("survey.settings.anonymous"), true);
		fld->hint = xstrdup(T("survey.settings.anonymous_hint"));
		field_add_choice(fld, "no", T("survey.settings.no"));
		field_add_choice(fld, "yes", T("survey.settings.yes"));
		field_set(fld, d->anonymous ? "yes" : "no");
		fld = form_add(f, "audience", FIELD_CHOICE,
		    T("survey.settings.audience"), true);
		for (i = SA_ALL; i <= SA_ORG; i++)
			field_add_choice(fld, audiences[i],
			    T(survey_build_audience_key(i)));
		field_set(fld, audiences[d->audience]);
		fld = form_add(f, "role", FIELD_CHOICE,
		    T("survey.settings.role"), true);
		fld->shown = audience_is;
		fld->shown_arg = (void *)"role";
		for (i = ROLE_MEMBER; i <= ROLE_ADMIN; i++) {
			snprintf(n, sizeof n, "%d", i);
			field_add_choice(fld, n, T(roles[i]));
		}
		snprintf(n, sizeof n, "%d", d->audience_role);
		field_set(fld, n);
		fld = form_add(f, "event", FIELD_CHOICE,
		    T("survey.settings.event"), true);
		fld->shown = audience_is;
		fld->shown_arg = (void *)"event";
		add_events(app, fld, d->audience_id);
		fld = form_add(f, "org", FIELD_CHOICE,
		    T("survey.settings.org"), true);
		fld->shown = audience_is;
		fld->shown_arg = (void *)"organisation";
		add_orgs(app, fld, d->audience_id);
	}
	fld = form_add(f, "opens", FIELD_TEXT, T("survey.settings.opens"),
	    false);
	label = i18n_zone_name();
	fld->hint = TFA("survey.settings.day_hint", A_STR(label));
	free(label);
	fld->max_cp = 10;
	fld->check = check_day;
	survey_build_day(d->opens, false, day);
	field_set(fld, day);
	fld = form_add(f, "closes", FIELD_TEXT, T("survey.settings.closes"),
	    false);
	fld->hint = xstrdup(T("survey.settings.closes_hint"));
	fld->max_cp = 10;
	fld->check = check_day;
	survey_build_day(d->closes, true, day);
	field_set(fld, day);
	return f;
}

/* The error e under its field of f (the audience's target under the
 * target's field), focused. */
static void
show_error(struct form *f, struct core_error e)
{
	struct field *fld = form_field(f, e.field);

	if (fld != NULL && strcmp(e.field, "audience") == 0) {
		const char *a = fld->value;
		struct field *t = form_field(f, strcmp(a, "role") == 0 ? "role" :
		    strcmp(a, "event") == 0 ? "event" : strcmp(a,
		    "organisation") == 0 ? "org" : "audience");

		if (t != NULL)
			fld = t;
	}
	if (fld == NULL)
		fld = form_field(f, "title");
	fld->error_arg = (double)e.arg;
	field_set_error_key(fld, e.key);
	f->focus = form_index(f, fld);
}

static void *
settings_open(struct app *app, void *arg)
{
	struct settings_state *ss = xcalloc(1, sizeof *ss);

	ss->b = arg;
	ss->form = build(app, ss->b);
	if (ss->b->error.key != NULL)
		show_error(ss->form, ss->b->error);
	ss->b->error = CORE_OK;
	return ss;
}

static void
settings_describe(struct app *app, void *st, struct view *v)
{
	(void)app;
	v->form = ((struct settings_state *)st)->form;
}

/* A day typed: its first instant (closes: the first after it), or 0. */
static int64_t
day_value(const char *s, bool closes)
{
	struct i18n_wall w;
	int64_t from, to;

	if (s[0] == '\0' || cal_parse_date(s, &w) != 0 ||
	    calendar_day_bounds(w.year, w.month, w.day, &from, &to) != 0)
		return 0;
	return closes ? to : from;
}

static int
settings_submit(struct app *app, void *st, struct form *unused)
{
	struct settings_state *ss = st;
	struct form *f = ss->form;
	struct survey_def *d = &ss->b->def;
	struct core_error e;
	int i, q = -1;

	(void)unused;
	survey_build_text_set(&d->title, ss->b->lang, form_value(f, "title"));
	survey_build_text_set(&d->intro, ss->b->lang, form_value(f, "intro"));
	for (i = 0; i < I18N_NLANGS; i++)
		if (strcmp(form_value(f, "first_lang"), i18n_langs[i]) == 0)
			d->first_lang = i;
	if (!ss->b->locked) {
		d->anonymous = strcmp(form_value(f, "anonymous"), "yes") == 0;
		d->audience = survey_audience_parse(form_value(f, "audience"));
		d->audience_role = d->audience == SA_ROLE ?
		    atoi(form_value(f, "role")) : 0;
		d->audience_id = d->audience == SA_EVENT ?
		    strtoll(form_value(f, "event"), NULL, 10) :
		    d->audience == SA_ORG ? strtoll(form_value(f, "org"), NULL,
		    10) : 0;
	}
	d->opens = day_value(form_value(f, "opens"), false);
	d->closes = day_value(form_value(f, "closes"), true);
	ss->b->changed = true;
	/* What is wrong with the settings is said now; the questions'
	 * faults wait for the save. */
	e = survey_def_check_at(d, &q);
	if (core_failed(e) && q < 0 && e.field != NULL &&
	    form_field(f, e.field) != NULL) {
		show_error(f, e);
		app_notice(app, f->fields[f->focus]->error);
		return SR_STAY;
	}
	app_notice(app, T("survey.settings.kept"));
	return SR_POP;
}

static void
settings_close(struct app *app, void *st)
{
	(void)app;
	form_free(((struct settings_state *)st)->form);
	free(st);
}

const struct screen_ops screen_survey_settings = {
	.name = "survey-settings",
	.title_key = "survey.settings.title",
	.help_key = "help.survey_settings",
	.open = settings_open,
	.describe = settings_describe,
	.submit = settings_submit,
	.close = settings_close,
};
