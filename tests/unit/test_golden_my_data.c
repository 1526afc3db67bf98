/* Golden pictures of the member's own data in Settings (ui/my-data-ui.h):
 * what the export holds and the ssh command that downloads it, as Rūta
 * sees it. The engine is tests/unit/record-golden.c. */
#include "tests/unit/record-golden.h"
#include "ui/my-data-ui.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

static const struct golden goldens[] = {
	{ "my-data", "my-data", "ruta", &screen_menu, false,
	    { OPEN("menu", "menu.settings"),
	      OPEN("settings", "settings.my_data") } },
};

int
main(void)
{
	static const struct golden_set my_data = {
	    .dir = "tests/golden/my-data", .header = "ui/my-data-ui.h",
	    .list = goldens, .n = sizeof goldens / sizeof goldens[0] };

	return golden_main(&my_data);
}
