/* The calendar views' own logic, apart from the screens: the month
 * grid's moves across month and year ends (31st, 29 February, a
 * clamped day), the attendee CSV read back (quotes, commas, the
 * spreadsheet guard taken off), and the words for when an occurrence is,
 * in the site zone across the change to summer time. */
#include "ui/calendar-ui.h"
#include "common/strbuf.h"
#include "core/calendar.h"
#include "i18n/calendar.h"
#include "i18n/i18n.h"
#include "tests/unit/fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

static struct cal_grid
grid(int year, int month, int day)
{
	struct cal_grid g = { .year = year, .month = month, .day = day };

	g.days = i18n_month_days(year, month);
	return g;
}

static void
assert_day(const struct cal_grid *g, int year, int month, int day)
{
	assert_int_equal(g->year, year);
	assert_int_equal(g->month, month);
	assert_int_equal(g->day, day);
	assert_int_equal(g->days, i18n_month_days(year, month));
}

static void
test_grid_moves(void **state)
{
	struct cal_grid g;

	(void)state;
	g = grid(2026, 3, 10);
	assert_false(cal_grid_move(&g, 7));
	assert_day(&g, 2026, 3, 17);
	g = grid(2026, 1, 31);
	assert_true(cal_grid_move(&g, 1));
	assert_day(&g, 2026, 2, 1);
	g = grid(2028, 3, 1);		/* a leap year */
	assert_true(cal_grid_move(&g, -1));
	assert_day(&g, 2028, 2, 29);
	g = grid(2026, 12, 28);
	assert_true(cal_grid_move(&g, 7));
	assert_day(&g, 2027, 1, 4);
	g = grid(2027, 1, 3);
	assert_true(cal_grid_move(&g, -7));
	assert_day(&g, 2026, 12, 27);
	/* A month on keeps the day where it exists, else its last. */
	g = grid(2026, 1, 31);
	cal_grid_month(&g, 1);
	assert_day(&g, 2026, 2, 28);
	g = grid(2026, 12, 15);
	cal_grid_month(&g, 1);
	assert_day(&g, 2027, 1, 15);
	cal_grid_month(&g, -1);
	cal_grid_month(&g, -1);
	assert_day(&g, 2026, 11, 15);
}

/* An occurrence from wall times in the site zone. */
static struct cal_occurrence
occ(int d1, int h1, int d2, int h2, bool all_day)
{
	struct cal_occurrence o = { .all_day = all_day };
	struct i18n_wall a = { 2026, 3, d1, h1, 0 }, b = { 2026, 3, d2, h2, 0 };

	assert_int_equal(i18n_wall_to_utc(&a, I18N_WALL_EARLIER, &o.start),
	    I18N_WALL_OK);
	assert_int_equal(i18n_wall_to_utc(&b, I18N_WALL_EARLIER, &o.end),
	    I18N_WALL_OK);
	return o;
}

static void
test_when_words(void **state)
{
	struct cal_occurrence o;
	char *s;

	(void)state;
	assert_int_equal(i18n_set_lang("en"), 0);
	/* The evening after the clocks went forward: shown as 18:00. */
	o = occ(29, 18, 29, 20, false);
	s = cal_fmt_when(&o, false);
	assert_string_equal(s, "18:00–20:00");
	free(s);
	s = cal_fmt_when(&o, true);
	assert_non_null(strstr(s, "29"));
	assert_non_null(strstr(s, "18:00–20:00"));
	free(s);
	/* All day: the end is the start of the day after. */
	o = occ(29, 0, 30, 0, true);
	s = cal_fmt_when(&o, false);
	assert_string_equal(s, T("calendar.when.all_day"));
	free(s);
	assert_int_equal(i18n_set_lang("lt"), 0);
	s = cal_fmt_day(cal_day_noon(2026, 11, 17));
	assert_non_null(strstr(s, "lapkričio 17"));
	assert_non_null(strstr(s, "antradienis"));
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_grid_moves, ti18n_setup,
		    ti18n_teardown),
		cmocka_unit_test_setup_teardown(test_when_words, ti18n_setup,
		    ti18n_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
