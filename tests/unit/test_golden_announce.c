/* Golden pictures of the moderators' announcement (ui/announce-ui.h) over
 * the demo, where the admin command has announced a choir rehearsal: the
 * screen with it current, and with none after clearing it; the writing
 * form, empty and refusing a text too wide for the status line (kept on
 * the form). The confirmation and the welcome screen that shows it are
 * the house's (e2e 116 and 117 walk them). The engine is
 * tests/unit/record-golden.c. */
#include "tests/unit/record-golden.h"
#include "core/actor.h"
#include "core/announce.h"
#include "ui/announce-ui.h"
#include "ui/ui.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#define TO_ANNOUNCE	OPEN("menu", "menu.announce")
#define TO_WRITE	TO_ANNOUNCE, OPEN("announce", "announce.write")

static void
add_announcement(struct db *db)
{
	struct actor admin = actor_admin_command("lt");

	assert_false(core_failed(announce_set(db, &admin,
	    "Choro repeticija ketvirtadienį 18 val. salėje", NULL)));
}

static const struct golden goldens[] = {
	{ "announce", "announce", "moderatore", &screen_menu, false,
	    { TO_ANNOUNCE } },
	{ "announce-cleared", "announce", "moderatore", &screen_menu, false,
	    { TO_ANNOUNCE, OPEN("announce", "announce.clear"), YES } },
	{ "announce-write", "announce-write", "moderatore", &screen_menu,
	    false, { TO_WRITE } },
	{ "announce-write-long", "announce-write", "moderatore", &screen_menu,
	    false, { TO_WRITE, SUBMIT("announce-write", "text=Choro "
	    "repeticija ketvirtadienį 18 val. didžiojoje salėje su naujomis "
	    "dainomis") } },
};

int
main(void)
{
	static const struct golden_set announce = {
	    .dir = "tests/golden/announce", .header = "ui/announce-ui.h",
	    .list = goldens, .n = sizeof goldens / sizeof goldens[0],
	    .add_content = add_announcement };

	return golden_main(&announce);
}
