/* Notifications: the one inbox every feature writes to. The count is the
 * one the status line shows (app->notices_unread, kept by polling). */
#include "ui/feature.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

const struct feature *
feature_for_inbox(const char *subject_type,
    void (**open)(struct app *app, int64_t id))
{
	const struct feature_inbox *m;
	int i;

	for (i = 0; features[i] != NULL; i++) {
		if (features[i]->inbox_subject != NULL &&
		    strcmp(features[i]->inbox_subject, subject_type) == 0) {
			*open = features[i]->inbox_open;
			return features[i];
		}
		for (m = features[i]->inbox_more; m != NULL &&
		    m->subject != NULL; m++)
			if (strcmp(m->subject, subject_type) == 0) {
				*open = m->open;
				return features[i];
			}
	}
	return NULL;
}

static int64_t
notices_unread(struct app *app)
{
	return app->notices_unread;
}

static void
notices_welcome(struct app *app, struct view *v)
{
	char *s;

	if (app->notices_unread <= 0)
		return;
	s = TFA("welcome.notices", A_NUM(app->notices_unread));
	view_para(v, s);
	free(s);
}

const struct feature feature_notices = {
	.name = "notices",
	.menu_key = "menu.notices",
	.screen = &screen_notices,
	.who = FEATURE_MEMBERS,
	.badge = notices_unread,
	.badge_key = "menu.unread",
	.welcome = notices_welcome,
	.help_key = "feature.notices.help",
};
