/* The welcome screen: message of the day (the moderators' current
 * announcement, then the site's motd), last login, and each feature's
 * "what's new" lines (struct feature's welcome). */
#include "ui/announce-ui.h"
#include "ui/ui.h"
#include "ui/feature.h"
#include "ui/view.h"
#include "common/config.h"
#include "core/announce.h"
#include "i18n/i18n.h"

#include <stdlib.h>

/* What is new since the last visit: each feature's lines, in menu order. */
static void
welcome_news(struct app *app, struct view *v)
{
	int i;

	for (i = 0; features[i] != NULL; i++)
		if (features[i]->welcome != NULL &&
		    feature_visible(features[i], app))
			features[i]->welcome(app, v);
}

/* The announcement made before this session began: both it and the
 * motd are shown, for they say different things (the motd is the admin's
 * standing text in the config, such as whom to ask; the announcement the
 * moderators' news of the day, which comes and goes without touching
 * it). Shown here, it is not shown again on the status line. */
static void
welcome_announcement(struct app *app, struct view *v)
{
	struct announcement an;
	char *when, *s;

	if (announce_current(app->db, &an) != 1)
		return;
	when = i18n_datetime(an.created_at);
	s = TFA("welcome.announce", A_STR(an.body), A_STR(when));
	view_para(v, s);
	announce_seen(app, an.id);
	free(s);
	free(when);
	announce_free(&an);
}

static void
welcome_describe(struct app *app, void *st, struct view *v)
{
	char *s;

	(void)st;
	if (app_is_guest(app))
		view_para(v, T("welcome.guest"));
	else {
		s = TFA("welcome.greeting", A_STR(app->acct.display));
		view_para(v, s);
		free(s);
		if (app->acct.last_login != 0) {
			char *when = i18n_datetime(app->acct.last_login);

			s = TFA("welcome.last_login", A_STR(when));
			view_para(v, s);
			free(when);
			free(s);
		} else
			view_para(v, T("welcome.first_visit"));
		welcome_news(app, v);
	}
	welcome_announcement(app, v);
	if (app->cfg->motd[0] != '\0')
		view_para(v, app->cfg->motd);
	view_item(v, T("welcome.continue"), NULL, NULL);
}

static int
welcome_select(struct app *app, void *st, int index)
{
	(void)app;
	(void)st;
	(void)index;
	return SR_POP;
}

const struct screen_ops screen_welcome = {
	.name = "welcome",
	.title_key = "welcome.title",
	.help_key = "help.welcome",
	.describe = welcome_describe,
	.select = welcome_select,
};
