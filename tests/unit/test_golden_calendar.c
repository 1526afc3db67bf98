/* Golden pictures of the calendar's views (ui/calendar-ui.h) over the
 * demo's month of events at the fixed clock (Tue 3 March 2026, so the
 * month holds the change to summer time on the 29th): the month grid with
 * the cursor on today, a day, an event as a member who answered, as its
 * organiser (the attendees) and on the full course, the agenda and its
 * filter form, and the month a guest sees. The engine is
 * tests/unit/record-golden.c. */
#include "tests/unit/record-golden.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#define TO_MONTH	OPEN("menu", "menu.calendar")
#define TO_AGENDA	TO_MONTH, ASK("cal-month", 'a')

static const struct golden goldens[] = {
	{ "cal-month", "cal-month", "ruta", &screen_menu, false, { TO_MONTH } },
	{ "cal-month-guest", "cal-month", NULL, &screen_menu, false,
	    { TO_MONTH } },
	{ "cal-month-ascii", "cal-month", "olena", &screen_menu, false,
	    { TO_MONTH }, true },
	/* Enter on the focused day, tomorrow: the language café. */
	{ "cal-day", "cal-day", "ruta", &screen_menu, false,
	    { TO_MONTH, { .screen = "cal-month", .type = EV_SELECT,
	      .index = 3 } } },
	{ "cal-event", "cal-event", "ruta", &screen_menu, false,
	    { TO_MONTH, { .screen = "cal-month", .type = EV_SELECT,
	      .index = 3 }, PICK("cal-day", "Lietuvių kalbos kavinė") } },
	{ "cal-event-organiser", "cal-event", "moderatore", &screen_menu,
	    false, { TO_AGENDA, PICK("cal-agenda", "Programavimo") } },
	{ "cal-event-full", "cal-event", "emma", &screen_menu, false,
	    { TO_AGENDA, PICK("cal-agenda", "Programavimo"),
	      ASK("cal-event", 'g') } },
	{ "cal-agenda", "cal-agenda", "ruta", &screen_menu, false,
	    { TO_AGENDA } },
	{ "cal-filter", "cal-filter", "ruta", &screen_menu, false,
	    { TO_AGENDA, ASK("cal-agenda", 'f') } },
	/* The authoring screens: a member's new event (a proposal), an
	 * event its organiser edits, and one date of a weekly one. */
	{ "cal-edit", "cal-edit", "ruta", &screen_menu, false,
	    { TO_MONTH, ASK("cal-month", 'n') } },
	{ "cal-edit-stored", "cal-edit", "moderatore", &screen_menu, false,
	    { TO_AGENDA, PICK("cal-agenda", "Programavimo"),
	      ASK("cal-event", 'e') } },
	{ "cal-occurrence", "cal-occurrence", "moderatore", &screen_menu,
	    false, { TO_AGENDA, PICK("cal-agenda", "Lietuvių kalbos kavinė"),
	      ASK("cal-event", 'o') } },
};

int
main(void)
{
	static const struct golden_set calendar = {
	    .dir = "tests/golden/calendar", .header = "ui/calendar-ui.h",
	    .list = goldens, .n = sizeof goldens / sizeof goldens[0] };

	return golden_main(&calendar);
}
