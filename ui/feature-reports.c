/* The moderation queue: reported posts in the boards a moderator looks
 * after; the badge counts the open reports. */
#include "ui/feature.h"
#include "ui/ui.h"
#include "core/forums.h"

static int64_t
reports_open(struct app *app)
{
	return forum_reports_open(app->db, app_actor(app));
}

const struct feature feature_reports = {
	.name = "reports",
	.menu_key = "menu.reports",
	.screen = &screen_reports,
	.who = FEATURE_MODERATORS,
	.badge = reports_open,
	.badge_key = "menu.open_reports",
	.help_key = "feature.reports.help",
};
