/* Log out: the last line of the main menu (q there does the same). */
#include "ui/feature.h"

#include <stddef.h>

const struct feature feature_logout = {
	.name = "logout",
	.menu_key = "menu.logout",
	.screen = NULL,
	.who = FEATURE_EVERYONE,
};
