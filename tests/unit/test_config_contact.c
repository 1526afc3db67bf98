/* common/config: admin_contact, the line the privacy notice at
 * registration ends with: empty by default (the notice then points to the
 * moderators), any one line up to ADMIN_CONTACT_MAX bytes, refused beyond
 * (the form under the notice must fit 80x24), and the example file's
 * default. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "common/config.h"

static void
test_admin_contact(void **state)
{
	char longest[ADMIN_CONTACT_MAX + 2];
	struct config cfg;

	(void)state;
	config_defaults(&cfg);
	assert_string_equal(cfg.admin_contact, "");
	assert_int_equal(config_set(&cfg, "admin_contact",
	    "Kauno bendruomenių centras, duomenys@example.lt"), 0);
	assert_string_equal(cfg.admin_contact,
	    "Kauno bendruomenių centras, duomenys@example.lt");
	memset(longest, 'x', ADMIN_CONTACT_MAX);
	longest[ADMIN_CONTACT_MAX] = '\0';
	assert_int_equal(config_set(&cfg, "admin_contact", longest), 0);
	assert_int_equal(strlen(cfg.admin_contact), ADMIN_CONTACT_MAX);
	/* One byte more is refused, and the value before it stays. */
	strcat(longest, "x");
	assert_int_equal(config_set(&cfg, "admin_contact", longest), -1);
	assert_int_equal(strlen(cfg.admin_contact), ADMIN_CONTACT_MAX);
	assert_int_equal(config_set(&cfg, "admin_contact", ""), 0);
	assert_string_equal(cfg.admin_contact, "");
	config_free(&cfg);
}

/* etc/tinklas.conf leaves it empty, as the built-in default. */
static void
test_example_file(void **state)
{
	struct config cfg;
	char err[256];

	(void)state;
	config_defaults(&cfg);
	assert_int_equal(config_set(&cfg, "admin_contact", "someone"), 0);
	assert_int_equal(config_load(&cfg, "etc/tinklas.conf", true, err,
	    sizeof err), 0);
	assert_string_equal(cfg.admin_contact, "");
	config_free(&cfg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_admin_contact),
		cmocka_unit_test(test_example_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
