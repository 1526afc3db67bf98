/* Every feature, in the order of the main menu: one line per feature. */
#include "ui/feature.h"
#include "ui/ui.h"

#include <stddef.h>

extern const struct feature feature_forums;
extern const struct feature feature_notices;
extern const struct feature feature_reports;
extern const struct feature feature_settings;
extern const struct feature feature_help;
extern const struct feature feature_logout;

const struct feature *const features[] = {
	&feature_forums,
	&feature_notices,
	&feature_reports,
	&feature_settings,
	&feature_help,
	&feature_logout,
	NULL,
};

bool
feature_visible(const struct feature *f, const struct app *app)
{
	switch (f->who) {
	case FEATURE_EVERYONE:
		return true;
	case FEATURE_MEMBERS:
		return !app_is_guest(app);
	case FEATURE_MODERATORS:
		return app_is_moderator(app);
	}
	return false;
}
