/* Golden pictures of "Who is online" (ui/online-ui.h) over two live
 * sessions: Rūta's in the forums and a guest's on the main menu (the rows
 * name this test's process and its parent, so they stay live while the
 * pictures are taken). The engine is tests/unit/record-golden.c. */
#include "tests/unit/record-golden.h"
#include "core/accounts.h"
#include "core/sessions.h"
#include "ui/ui.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <unistd.h>
#include <cmocka.h>

static void
add_sessions(struct db *db)
{
	struct account a;

	assert_int_equal(account_by_name(db, "ruta", &a), 0);
	assert_int_equal(session_begin(db, a.id, getpid(), "192.0.2.7", 3), 0);
	assert_int_equal(session_where(db, session_id_of(db, getpid()),
	    "forums"), 0);
	assert_int_equal(session_begin_guest(db, SESSION_GUEST, getppid(),
	    "198.51.100.20"), 0);
	assert_int_equal(session_where(db, session_id_of(db, getppid()),
	    "menu"), 0);
}

static const struct golden goldens[] = {
	{ "online", "online", "moderatore", &screen_menu, false,
	    { OPEN("menu", "menu.online_who") } },
};

int
main(void)
{
	static const struct golden_set online = {
	    .dir = "tests/golden/online", .header = "ui/online-ui.h",
	    .list = goldens, .n = sizeof goldens / sizeof goldens[0],
	    .add_content = add_sessions };

	return golden_main(&online);
}
