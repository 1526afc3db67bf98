/* Golden pictures of every screen of the house (ui/screen.h); the
 * engine is tests/unit/record-golden.c. */
#include "tests/unit/record-golden.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

static const struct golden goldens[] = {
	{ "menu", "menu", "ruta", &screen_menu, false, { { 0 } } },
	{ "menu-guest", "menu", NULL, &screen_menu, false, { { 0 } } },
	{ "menu-moderator", "menu", "moderatore", &screen_menu, false,
	    { { 0 } } },
	{ "welcome", "welcome", "ruta", &screen_welcome, true, { { 0 } } },
	{ "register", "register", "", &screen_register, false, { { 0 } } },
	{ "mode", "mode", "ruta", &screen_mode_choice, true, { { 0 } } },
	{ "settings", "settings", "ruta", &screen_menu, false,
	    { OPEN("menu", "menu.settings") } },
	{ "choice", "choice", "ruta", &screen_menu, false,
	    { OPEN("menu", "menu.settings"),
	      OPEN("settings", "settings.theme") } },
	{ "password", "password", "ruta", &screen_menu, false,
	    { OPEN("menu", "menu.settings"),
	      OPEN("settings", "settings.password") } },
	{ "keys", "keys", "ruta", &screen_menu, false,
	    { OPEN("menu", "menu.settings"),
	      OPEN("settings", "settings.keys") } },
	{ "key-add", "key-add", "ruta", &screen_menu, false,
	    { OPEN("menu", "menu.settings"),
	      OPEN("settings", "settings.keys"), ASK("keys", 'a') } },
	{ "help", "help", "ruta", &screen_menu, false,
	    { { .screen = "menu", .type = EV_HELP } } },
	{ "boards", "boards", "ruta", &screen_menu, false,
	    { OPEN("menu", "menu.forums") } },
	{ "threads", "threads", "ruta", &screen_menu, false,
	    { OPEN("menu", "menu.forums"), PICK("boards", "Sveiki atvyk") } },
	{ "thread", "thread", "ruta", &screen_menu, false, { TO_THREAD } },
	{ "thread-ascii", "thread", "ruta", &screen_menu, false, { TO_THREAD },
	    true },
	{ "compose", "compose", "ruta", &screen_menu, false,
	    { TO_THREAD, ASK("thread", 'r') } },
	{ "confirm", "confirm", "ruta", &screen_menu, false,
	    { TO_THREAD, ON("thread", "@ruta", 'd') } },
	{ "reason", "reason", "ruta", &screen_menu, false,
	    { TO_THREAD, ON("thread", "@jonas", 'x') } },
	{ "history", "history", "ruta", &screen_menu, false,
	    { TO_THREAD, ON("thread", "@ruta", 'y') } },
	{ "notices", "notices", "moderatore", &screen_menu, false,
	    { OPEN("menu", "menu.notices") } },
	{ "search", "search", "ruta", &screen_menu, false,
	    { OPEN("menu", "menu.forums"), ASK("boards", '/') } },
	{ "hits", "hits", "ruta", &screen_menu, false,
	    { OPEN("menu", "menu.forums"), ASK("boards", '/'),
	      { .screen = "search", .type = EV_SUBMIT,
		.fill = { "words=klubas" } } } },
	{ "reports", "reports", "moderatore", &screen_menu, false,
	    { OPEN("menu", "menu.reports") } },
};

int
main(void)
{
	static const struct golden_set house = { .dir = "tests/golden",
	    .header = "ui/screen.h", .list = goldens,
	    .n = sizeof goldens / sizeof goldens[0], .self_test = true };

	return golden_main(&house);
}
