/* The welcome screen: message of the day and last login. Features add
 * their "what's new" lines here as they land. */
#include "ui/ui.h"
#include "ui/view.h"
#include "common/config.h"
#include "common/xalloc.h"
#include "core/forums.h"
#include "i18n/i18n.h"

#include <stdlib.h>

/* What is new since the last visit: one line per feature. */
static void
welcome_news(struct app *app, struct view *v)
{
	int64_t n;
	char *s;

	n = forum_new_posts(app->db, app_actor(app));
	s = n > 0 ? TFA("welcome.new_posts", A_NUM(n)) : xstrdup(T("welcome.no_new_posts"));
	view_para(v, s);
	free(s);
	if (app->notices_unread > 0) {
		s = TFA("welcome.notices", A_NUM(app->notices_unread));
		view_para(v, s);
		free(s);
	}
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
