/* Who is online: moderators see every live session, where it is and since
 * when, and can end one (ui/screen-online.c). */
#include "ui/online-ui.h"
#include "ui/feature.h"
#include "ui/ui.h"

const struct feature feature_online = {
	.name = "who-is-online",	/* the part code admin who shows */
	.menu_key = "menu.online_who",
	.screen = &screen_online,
	.who = FEATURE_MODERATORS,
	.help_key = "feature.online.help",
};
