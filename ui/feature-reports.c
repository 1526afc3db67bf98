/* The moderation queue: whatever waits for a moderator's decision, of any
 * kind (core/queue.h); the badge counts the subjects that wait. */
#include "ui/feature.h"
#include "ui/ui.h"
#include "core/queue.h"

#include <string.h>

const struct feature *
feature_for_queue(const char *kind)
{
	int i;

	for (i = 0; features[i] != NULL; i++)
		if (features[i]->queue_kind != NULL &&
		    strcmp(features[i]->queue_kind, kind) == 0)
			return features[i];
	return NULL;
}

static int64_t
reports_open(struct app *app)
{
	return queue_open_count(app->db, app_actor(app));
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
