/* Every survey, for moderators and admins: its title, state, whether it
 * is anonymous, who is asked, its dates and how many answered; Enter
 * opens its page, n starts a new one, blank or from a built-in template.
 * Anyone else is told they may not (core refuses the list too). */
#include "ui/dialogs.h"
#include "ui/survey-build-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/survey.h"
#include "core/survey-templates.h"
#include "i18n/i18n.h"

#include <stdint.h>
#include <stdlib.h>

struct manage_state {
	struct survey_rows	 rows;
	const char		*refused;	/* a key, or NULL */
};

static void
manage_load(struct app *app, struct manage_state *ms)
{
	struct core_error e;

	survey_rows_free(&ms->rows);
	ms->refused = NULL;
	if (!app_is_moderator(app)) {
		ms->refused = "error.survey.not_allowed";
		return;
	}
	e = survey_list(app->db, app_actor(app), i18n_lang(), &ms->rows);
	if (core_failed(e))
		ms->refused = e.key;
}

static void *
manage_open(struct app *app, void *arg)
{
	struct manage_state *ms = xcalloc(1, sizeof *ms);

	(void)arg;
	manage_load(app, ms);
	return ms;
}

/* The status words, "open · 12 answers", and the line under the title,
 * "anonymous · an event's attendees · until 2026-03-31": both newly
 * allocated. */
static char *
row_status(const struct survey_row *r)
{
	char *answers = TFA("survey.manage.answers", A_NUM(r->answers));
	char *s = xasprintf("%s · %s", T(survey_build_state_key(r->state)),
	    answers);

	free(answers);
	return s;
}

static char *
row_body(const struct survey_row *r)
{
	struct strbuf sb = { 0 };
	char *dates = survey_build_dates(r->opens, r->closes);

	sb_printf(&sb, "%s · %s", T(r->anonymous ? "survey.manage.anonymous" :
	    "survey.manage.identified"), T(survey_build_audience_key(
	    r->audience)));
	if (dates[0] != '\0')
		sb_printf(&sb, " · %s", dates);
	free(dates);
	return sb_take(&sb);
}

static void
manage_describe(struct app *app, void *st, struct view *v)
{
	struct manage_state *ms = st;
	size_t i;

	(void)app;
	if (ms->refused != NULL) {
		view_text(v, T(ms->refused));
		return;
	}
	if (ms->rows.n == 0)
		view_text(v, T("survey.manage.none"));
	for (i = 0; i < ms->rows.n; i++) {
		char *status = row_status(&ms->rows.v[i]);
		char *body = row_body(&ms->rows.v[i]);

		view_item(v, ms->rows.v[i].title, status, NULL);
		view_body(v, body);
		view_name(v, ms->rows.v[i].title);
		free(status);
		free(body);
	}
	view_action(v, 'n', T("survey.manage.new"));
}

static int
manage_select(struct app *app, void *st, int index)
{
	struct manage_state *ms = st;
	struct survey_edit_req req = { 0 };

	if (index < 0 || (size_t)index >= ms->rows.n)
		return SR_STAY;
	req.id = ms->rows.v[index].id;
	app_push(app, &screen_survey_edit, &req);
	return SR_STAY;
}

/* The choice of how to begin: 0 blank, then the templates in order. */
static const char *
begin_with(struct app *app, const struct choice_req *req, int index)
{
	struct survey_edit_req er = { 0 };
	const struct survey_template *t;
	size_t n;

	t = survey_templates(&n);
	if (req->values[index] > 0 && (size_t)req->values[index] <= n)
		er.template_name = t[req->values[index] - 1].name;
	app_replace(app, &screen_survey_edit, &er);
	return NULL;
}

static int
manage_action(struct app *app, void *st, int key)
{
	struct manage_state *ms = st;
	struct choice_req req = { .title_key = "survey.manage.new_title",
	    .help_key = "help.survey_new", .current = 0,
	    .current_key = "survey.manage.new_default", .apply = begin_with };
	const struct survey_template *t;
	size_t n, i;

	if (key != 'n' || ms->refused != NULL)
		return SR_STAY;
	t = survey_templates(&n);
	choice_add(&req, T("survey.manage.blank"), 0);
	for (i = 0; i < n; i++)
		choice_add(&req, T(t[i].name_key), (int64_t)i + 1);
	app_push(app, &screen_choice, &req);
	choice_req_free(&req);
	return SR_STAY;
}

static void
manage_resume(struct app *app, void *st)
{
	manage_load(app, st);
}

static void
manage_close(struct app *app, void *st)
{
	struct manage_state *ms = st;

	(void)app;
	survey_rows_free(&ms->rows);
	free(ms);
}

const struct screen_ops screen_survey_manage = {
	.name = "survey-manage",
	.title_key = "survey.manage.title",
	.help_key = "help.survey_manage",
	.open = manage_open,
	.describe = manage_describe,
	.select = manage_select,
	.action = manage_action,
	.resume = manage_resume,
	.close = manage_close,
};
