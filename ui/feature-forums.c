/* The forums: boards, their threads and posts. The badge and the welcome
 * line count the new posts in the boards the member follows. */
#include "ui/feature.h"
#include "ui/forum-ui.h"
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

/* A notification about a post opens its thread there. */
static void
forums_open_post(struct app *app, int64_t post_id)
{
	int64_t thread_id, seq;

	if (forum_post_place(app->db, post_id, &thread_id, &seq) != 0) {
		app_notice(app, T("error.forum.not_found"));
		return;
	}
	forum_open_thread(app, thread_id, seq);
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
	.inbox_subject = "post",
	.inbox_open = forums_open_post,
	.queue_kind = "forum.post",
	.queue_open = forums_open_post,
};
