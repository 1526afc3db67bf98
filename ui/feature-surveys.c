/* Surveys (issue 10): its menu line opens the hub, for members. The
 * badge, the status line and the welcome screen count the surveys
 * waiting for the member (one indexed read, survey_waiting_count); Enter
 * on a "survey waits" notification (subject "survey") opens the survey. */
#include "ui/survey-ui.h"
#include "ui/feature.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "core/survey.h"
#include "i18n/i18n.h"

#include <stdlib.h>

int64_t
survey_waiting_badge(struct app *app)
{
	int64_t n;

	if (app_is_guest(app))
		return 0;
	n = survey_waiting_count(app->db, app->acct.id);
	return n > 0 ? n : 0;
}

/* The status line's count: -1 when it could not be read (the line keeps
 * the last one). */
static int64_t
surveys_status(struct app *app)
{
	return app_is_guest(app) ? 0 :
	    survey_waiting_count(app->db, app->acct.id);
}

static void
surveys_welcome(struct app *app, struct view *v)
{
	int64_t n = survey_waiting_badge(app);
	char *s;

	if (n <= 0)
		return;
	s = TFA("surveys.news", A_NUM(n));
	view_para(v, s);
	free(s);
}

const struct feature feature_surveys = {
	.name = "surveys",
	.menu_key = "menu.surveys",
	.screen = &screen_surveys,
	.who = FEATURE_MEMBERS,
	.badge = survey_waiting_badge,
	.badge_key = "surveys.menu_waiting",
	.welcome = surveys_welcome,
	.help_key = "feature.surveys.help",
	.inbox_subject = "survey",
	.inbox_open = survey_open,
	.status_count = surveys_status,
	.status_key = "surveys.status",
	.status_news_key = "surveys.news",
};
