/* Settings: language, looks, mode, password, SSH keys, feeds and deleting
 * the account. */
#include "ui/feature.h"
#include "ui/ui.h"

const struct feature feature_settings = {
	.name = "settings",
	.menu_key = "menu.settings",
	.screen = &screen_settings,
	.who = FEATURE_EVERYONE,
	.help_key = "feature.settings.help",
};
