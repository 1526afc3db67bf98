/* The "Surveys" hub: the surveys waiting for the member, closing soonest
 * first, then the identified ones they answered that are still open (to
 * change the answers), then one line per other part the person may use;
 * all from survey_entries[] (as the main menu is made from features[]).
 * With nothing to answer it says so. Titles are in the member's language,
 * falling back to the survey's first one. */
#include "ui/survey-build-ui.h"
#include "ui/survey-results-ui.h"
#include "ui/survey-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <stdlib.h>

/* The hub's parts, in order; the moderators' parts add their lines. */
const struct survey_entry survey_entries[] = {
	{ "surveys.waiting", FEATURE_MEMBERS, survey_waiting, NULL },
	{ "surveys.answered", FEATURE_MEMBERS, survey_answered_open, NULL },
	{ "survey.manage.title", FEATURE_MODERATORS, NULL,
	  &screen_survey_manage },
	{ "metrics.title", FEATURE_MODERATORS, NULL, &screen_metrics },
	{ NULL, FEATURE_EVERYONE, NULL, NULL },
};

/* What each item of the hub opens: a survey, or an entry's screen. */
struct hub_item {
	int64_t				 survey;
	const struct survey_entry	*entry;
};

struct hub_state {
	struct hub_item	*items;
	int		 n;
};

static void *
hub_open(struct app *app, void *arg)
{
	(void)app;
	(void)arg;
	return xcalloc(1, sizeof(struct hub_state));
}

static void
hub_add(struct hub_state *hs, int64_t survey, const struct survey_entry *e)
{
	hs->items = xreallocarray(hs->items, (size_t)hs->n + 1,
	    sizeof *hs->items);
	hs->items[hs->n].survey = survey;
	hs->items[hs->n++].entry = e;
}

/* The surveys of entry e, one item each; how many. */
static size_t
hub_rows(struct app *app, struct hub_state *hs, const struct survey_entry *e,
    struct view *v)
{
	struct survey_rows r = { 0 };
	size_t i, n;

	if (e->rows(app->db, app_actor(app), i18n_lang(), &r) != 0) {
		survey_rows_free(&r);
		return 0;
	}
	for (i = 0; i < r.n; i++) {
		char *status = r.v[i].closes > 0 ? TFA("surveys.until",
		    A_STR(T(e->label_key)), A_DATE(r.v[i].closes)) :
		    xstrdup(T(e->label_key));

		view_item(v, r.v[i].title, status, NULL);
		free(status);
		hub_add(hs, r.v[i].id, e);
	}
	n = r.n;
	survey_rows_free(&r);
	return n;
}

static void
hub_describe(struct app *app, void *st, struct view *v)
{
	struct hub_state *hs = st;
	const struct survey_entry *e;
	size_t waiting = 0, surveys = 0, n;

	hs->n = 0;
	for (e = survey_entries; e->label_key != NULL; e++) {
		if (!feature_who_sees(e->who, app))
			continue;
		if (e->rows == NULL) {
			view_item(v, T(e->label_key), NULL, NULL);
			hub_add(hs, 0, e);
			continue;
		}
		n = hub_rows(app, hs, e, v);
		surveys += n;
		if (e->rows == survey_waiting)
			waiting += n;
	}
	if (app_is_guest(app))
		view_text(v, T("error.survey.guest"));
	else if (waiting > 0) {
		char *s = TFA("surveys.news", A_NUM(waiting));

		view_text(v, s);
		free(s);
	} else
		view_text(v, T(surveys > 0 ? "surveys.none_waiting" :
		    "surveys.empty"));
}

static int
hub_select(struct app *app, void *st, int index)
{
	struct hub_state *hs = st;

	if (index < 0 || index >= hs->n)
		return SR_STAY;
	if (hs->items[index].survey != 0)
		survey_open(app, hs->items[index].survey);
	else
		app_push(app, hs->items[index].entry->screen, NULL);
	return SR_STAY;
}

static void
hub_close(struct app *app, void *st)
{
	struct hub_state *hs = st;

	(void)app;
	free(hs->items);
	free(hs);
}

const struct screen_ops screen_surveys = {
	.name = "surveys",
	.title_key = "surveys.title",
	.help_key = "help.surveys",
	.open = hub_open,
	.describe = hub_describe,
	.select = hub_select,
	.close = hub_close,
};
