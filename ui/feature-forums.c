/* The forums: boards, their threads and posts. The badge and the welcome
 * line count the new posts in the boards the member follows. */
#include "ui/feature.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/forums.h"
#include "i18n/i18n.h"

#include <stdlib.h>

static int64_t
forums_new_posts(struct app *app)
{
	return forum_new_posts(app->db, app_actor(app));
}

static void
forums_welcome(struct app *app, struct view *v)
{
	int64_t n = forums_new_posts(app);
	char *s = n > 0 ? TFA("welcome.new_posts", A_NUM(n)) :
	    xstrdup(T("welcome.no_new_posts"));

	view_para(v, s);
	free(s);
}

const struct feature feature_forums = {
	.name = "forums",
	.menu_key = "menu.forums",
	.screen = &screen_boards,
	.who = FEATURE_EVERYONE,
	.badge = forums_new_posts,
	.badge_key = "menu.new_posts",
	.welcome = forums_welcome,
	.help_key = "feature.forums.help",
};
