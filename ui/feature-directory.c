/* The directory (issue 9): its menu line "People" opens the hub, for
 * everyone (guests will browse public profiles; they have no messages).
 * The badge, the status line and the welcome screen count the member's
 * unread private messages (one indexed read, core/messages.h); a reported
 * message in the moderation queue opens its bounded context. Enter on a
 * mentorship's notification opens it; on "your profile was hidden"
 * (subject "account": the member's own id) their own profile page, which
 * says it is hidden. */
#include "ui/directory-ui.h"
#include "ui/feature.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "core/messages.h"
#include "i18n/i18n.h"

#include <stdlib.h>

int64_t
pm_unread(struct app *app)
{
	int64_t n;

	if (app_is_guest(app))
		return 0;
	n = messages_unread_total(app->db, app_actor(app));
	return n > 0 ? n : 0;
}

/* The status line's count: -1 when it could not be read (the line keeps
 * the last one). */
static int64_t
directory_status(struct app *app)
{
	return app_is_guest(app) ? 0 :
	    messages_unread_total(app->db, app_actor(app));
}

static void
directory_welcome(struct app *app, struct view *v)
{
	int64_t n = pm_unread(app);
	char *s;

	if (n <= 0)
		return;
	s = TFA("pm.news", A_NUM(n));
	view_para(v, s);
	free(s);
}

static const struct feature_inbox directory_inbox_more[] = {
	{ "account", dir_open_profile },
	{ NULL, NULL },
};

const struct feature feature_directory = {
	.name = "directory",
	.menu_key = "menu.people",
	.screen = &screen_people,
	.who = FEATURE_EVERYONE,
	.badge = pm_unread,
	.badge_key = "pm.menu_unread",
	.welcome = directory_welcome,
	.help_key = "feature.directory.help",
	.inbox_subject = "mentorship",
	.inbox_open = dir_open_mentorship,
	.inbox_more = directory_inbox_more,
	.queue_kind = "messages.report",
	.queue_open = pm_queue_open,
	.status_count = directory_status,
	.status_key = "pm.status",
	.status_news_key = "pm.news",
};
