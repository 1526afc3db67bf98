/* The unit tests' i18n fixture, apart from fixture.c so that a test of
 * text links without the database (TEST_ROOMS="common i18n"). */
#include "tests/unit/fixture.h"

#include "i18n/i18n.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

int
ti18n_setup(void **state)
{
	(void)state;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return -1;
	return i18n_init("Europe/Vilnius");
}

int
ti18n_teardown(void **state)
{
	(void)state;
	i18n_shutdown();
	return 0;
}
