/* The moderators' announcement (core/announce.h): its screen, for
 * moderators and admins. Listed last before Log out, so the lines above
 * keep the numbers moderators (and their scripts) know. */
#include "ui/announce-ui.h"
#include "ui/feature.h"

const struct feature feature_announce = {
	.name = "announce",
	.menu_key = "menu.announce",
	.screen = &screen_announce,
	.who = FEATURE_MODERATORS,
	.help_key = "feature.announce.help",
};
