/* Every feature, in the order of the main menu: one line per feature,
 * X(NAME) for the `const struct feature feature_NAME` in ui/feature-NAME.c. */
#include "ui/feature.h"
#include "ui/ui.h"

#include <stddef.h>

#define FEATURES(X)	\
	X(forums)	\
	X(notices)	\
	X(reports)	\
	X(settings)	\
	X(help)		\
	X(calendar)	\
	X(directory)	\
	X(surveys)	\
	X(announce)	\
	X(online)	\
	X(logout)

#define FEATURE_DECLARE(name)	extern const struct feature feature_##name;
#define FEATURE_ENTRY(name)	&feature_##name,

FEATURES(FEATURE_DECLARE)

const struct feature *const features[] = { FEATURES(FEATURE_ENTRY) NULL };

bool
feature_visible(const struct feature *f, const struct app *app)
{
	return feature_who_sees(f->who, app);
}

bool
feature_who_sees(enum feature_who who, const struct app *app)
{
	switch (who) {
	case FEATURE_EVERYONE:
		return true;
	case FEATURE_MEMBERS:
		return !app_is_guest(app);
	case FEATURE_MODERATORS:
		return app_is_moderator(app);
	}
	return false;
}
