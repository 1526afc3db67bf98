/* Golden pictures of deleting one's own account from Settings
 * (ui/erase-ui.h), as the demo's Rūta: what goes and what stays, the
 * choice and the password, and the same after a wrong password (nothing
 * deleted, the field says so). The last question is the house's
 * confirmation (tests/e2e/120-erase-self.sh answers it).
 * The engine is tests/unit/record-golden.c. */
#include "tests/unit/fixture.h"
#include "tests/unit/record-golden.h"
#include "core/accounts.h"
#include "ui/ui.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#define TO_ERASE	OPEN("menu", "menu.settings"), \
			OPEN("settings", "settings.erase")
#define TO_FORM		TO_ERASE, { .screen = "erase", .type = EV_SELECT, \
			    .index = 0 }

/* The demo's passwords are drawn at random: Rūta gets a known one, so
 * that a wrong one is wrong for sure. */
static void
known_password(struct db *db)
{
	struct account a;

	assert_int_equal(account_by_name(db, "ruta", &a), 0);
	assert_int_equal(account_set_password(db, a.id, TDB_PASSWORD), 0);
}

static const struct golden goldens[] = {
	{ "erase", "erase", "ruta", &screen_menu, false, { TO_ERASE } },
	{ "erase-form", "erase-form", "ruta", &screen_menu, false,
	    { TO_FORM } },
	{ "erase-form-wrong", "erase-form", "ruta", &screen_menu, false,
	    { TO_FORM, { .screen = "erase-form", .type = EV_SUBMIT,
	      .fill = { "password=not-her-password-1" } } } },
};

int
main(void)
{
	static const struct golden_set erase = {
	    .dir = "tests/golden/erase", .header = "ui/erase-ui.h",
	    .list = goldens, .n = sizeof goldens / sizeof goldens[0],
	    .add_content = known_password };

	return golden_main(&erase);
}
