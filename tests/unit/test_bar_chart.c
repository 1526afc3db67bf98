/* Bars have exactly their width in cells, in both character sets. */
#include "ui/bar-chart.h"
#include "common/strbuf.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

static char *
bar(double share, int width, bool ascii)
{
	struct strbuf sb = { 0 };

	bar_chart_bar(&sb, share, width, ascii);
	return sb_take(&sb);
}

static void
test_ascii(void **state)
{
	char *s;

	(void)state;
	s = bar(0.5, 10, true);
	assert_string_equal(s, "#####     ");
	free(s);
	s = bar(0, 4, true);
	assert_string_equal(s, "    ");
	free(s);
	s = bar(1.7, 4, true);		/* clamped */
	assert_string_equal(s, "####");
	free(s);
}

static void
test_unicode(void **state)
{
	char *s;

	(void)state;
	/* 0.55 of 4 cells is 17.6 eighths: 2 full cells, 2 eighths, 1 space. */
	s = bar(0.55, 4, false);
	assert_string_equal(s, "\u2588\u2588\u258e ");
	free(s);
	s = bar(1, 2, false);
	assert_string_equal(s, "\u2588\u2588");
	free(s);
	s = bar(-1, 2, false);
	assert_string_equal(s, "  ");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_unicode),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
