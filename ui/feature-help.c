/* Help from the main menu: the help about the menu itself, which lists the
 * features' own help lines. */
#include "ui/feature.h"
#include "ui/ui.h"

const struct feature feature_help = {
	.name = "help",
	.menu_key = "menu.help",
	.screen = &screen_help,
	.arg = &screen_menu,
	.who = FEATURE_EVERYONE,
};
