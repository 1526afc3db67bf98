/* Golden pictures of the directory's screens (ui/directory-ui.h) over the
 * demo's conversation (Olena asked Rūta for help with Lithuanian cases;
 * Rūta's last answer waits unread for Olena): the People hub as a member
 * with the unread count and as a guest, the conversations, one
 * conversation opened at the unread message and after a block, the
 * writing form (new and reply), and what a moderator sees of a message
 * Rūta reported (the house's confirmation and reason forms are the e2e
 * walk's). The engine is tests/unit/record-golden.c. */
#include "tests/unit/record-golden.h"
#include "ui/ui.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#define TO_PEOPLE	OPEN("menu", "menu.people")
#define TO_LIST		TO_PEOPLE, OPEN("people", "people.messages")
#define TO_CONV		TO_LIST, PICK("pm-list", "@ruta")

/* Rūta reports Olena's first message, so that a moderator has one to
 * look at (her own reading changes nothing: she wrote the last one). */
static void
add_report(struct db *db)
{
	static const struct rec_step report[] = {
		TO_PEOPLE, OPEN("people", "people.messages"),
		PICK("pm-list", "@olena"),
		ON("pm-thread", "@olena", 'x'),
		{ .screen = "reason", .type = EV_SUBMIT, .fill = {
		    "reason=Tik bandymas: ne tikras skundas" } },
	};
	struct rec r;

	rec_open(&r, db, "ruta", "lt", UI_MODE_FULL, REC_NO_DRAW);
	rec_run(&r, &screen_menu, NULL, false, report, 5);
	assert_string_equal(rec_last(&r)->screen, "pm-thread");
	rec_close(&r);
}

static const struct golden goldens[] = {
	{ "people", "people", "olena", &screen_menu, false, { TO_PEOPLE } },
	{ "people-guest", "people", NULL, &screen_menu, false, { TO_PEOPLE } },
	{ "pm-list", "pm-list", "olena", &screen_menu, false, { TO_LIST } },
	{ "pm-thread", "pm-thread", "olena", &screen_menu, false, { TO_CONV } },
	/* Yes to the block's question: the page says so and offers u. */
	{ "pm-thread-blocked", "pm-thread", "olena", &screen_menu, false,
	    { TO_CONV, ASK("pm-thread", 'b'),
	      { .screen = "confirm", .type = EV_SELECT, .index = 1 } } },
	{ "pm-write", "pm-write", "olena", &screen_menu, false,
	    { TO_LIST, ASK("pm-list", 'n') } },
	{ "pm-write-reply", "pm-write", "olena", &screen_menu, false,
	    { TO_CONV, ASK("pm-thread", 'r') } },
	{ "pm-report", "pm-report", "moderatore", &screen_menu, false,
	    { OPEN("menu", "menu.reports"),
	      ON("reports", "Laba diena, Rūta", 'o') } },
};

int
main(void)
{
	static const struct golden_set people = {
	    .dir = "tests/golden/people", .header = "ui/directory-ui.h",
	    .skip = "dir_",	/* test_golden_directory.c's */
	    .list = goldens, .n = sizeof goldens / sizeof goldens[0],
	    .add_content = add_report };

	return golden_main(&people);
}
