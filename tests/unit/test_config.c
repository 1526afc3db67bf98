/* common/config: the public_host key (shown on screens, so only what a
 * host name or address with a port may hold gets in). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "common/config.h"

static void
test_public_host(void **state)
{
	struct config cfg;

	(void)state;
	config_defaults(&cfg);
	assert_string_equal(cfg.public_host, "");
	assert_int_equal(config_set(&cfg, "public_host", "tinklas.example.lt:2222"), 0);
	assert_string_equal(cfg.public_host, "tinklas.example.lt:2222");
	assert_int_equal(config_set(&cfg, "public_host", "[2001:db8::1]:2222"), 0);
	assert_string_equal(cfg.public_host, "[2001:db8::1]:2222");
	/* Nothing that could draw on a terminal or split the command. */
	assert_int_equal(config_set(&cfg, "public_host", "evil host"), -1);
	assert_int_equal(config_set(&cfg, "public_host", "\x1b[2Jx"), -1);
	assert_int_equal(config_set(&cfg, "public_host", "a;b"), -1);
	assert_string_equal(cfg.public_host, "[2001:db8::1]:2222");
	assert_int_equal(config_set(&cfg, "public_host", ""), 0);
	assert_string_equal(cfg.public_host, "");
	config_free(&cfg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_public_host),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
