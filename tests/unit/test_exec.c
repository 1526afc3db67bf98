/* core/output: looking the domains' outputs up and who may ask for what,
 * and the command line a connection gives `tinklas exec` (server/uiargs). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/accounts.h"
#include "core/domain.h"
#include "core/output.h"
#include "server/uiargs.h"

#include <string.h>

static void
test_find(void **state)
{
	char longname[OUTPUT_NAME_MAX + 2];

	(void)state;
	assert_non_null(output_find("help"));
	assert_string_equal(output_find("help")->name, "help");
	assert_string_equal(output_find("whoami")->name, "whoami");
	assert_null(output_find("nosuch"));
	assert_null(output_find(""));
	assert_null(output_find(NULL));
	/* Only the name, nothing around it. */
	assert_null(output_find("help "));
	assert_null(output_find(" help"));
	assert_null(output_find("help;id"));
	assert_null(output_find("help\n"));
	assert_null(output_find("../help"));
	assert_null(output_find("-help"));
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	assert_null(output_find(longname));
}

static void
test_allowed(void **state)
{
	struct account member = { .id = 1, .role = ROLE_MEMBER };
	struct account moderator = { .id = 2, .role = ROLE_MODERATOR };
	struct output mod_only = { .name = "x", .who = OUTPUT_MODERATORS };

	(void)state;
	assert_true(output_allowed(output_find("help"), NULL));
	assert_false(output_allowed(output_find("whoami"), NULL));
	assert_true(output_allowed(output_find("whoami"), &member));
	assert_false(output_allowed(&mod_only, NULL));
	assert_false(output_allowed(&mod_only, &member));
	assert_true(output_allowed(&mod_only, &moderator));
}

/* Every output names its help line and has something to write; a name
 * without a pattern finds itself (no other domain's pattern shadows it),
 * and a feed says what it serves. */
static void
check_output(const struct output *o, void *arg)
{
	int *n = arg;

	assert_non_null(o->name);
	assert_non_null(o->help_key);
	assert_non_null(o->write);
	if (strchr(o->name, '*') == NULL)
		assert_ptr_equal(output_find(o->name), o);
	if (o->feed)
		assert_non_null(o->media_type);
	(*n)++;
}

static void
test_table(void **state)
{
	int n = 0;

	(void)state;
	output_each(check_output, &n);
	assert_true(n >= 2);	/* help and whoami at least */
}

static void
test_argv(void **state)
{
	struct ui_args a = { .data_dir = "/srv/d", .who = UI_ARGS_ACCOUNT,
	    .account_id = 7, .term = "dumb", .lang = "uk", .utf8 = -1,
	    .command = "whoami" };
	static const char *const want[] = { "/bin/tinklas", "exec", "--data",
	    "/srv/d", "--account", "7", "--lang", "uk", "--", "whoami", NULL };
	char **v, **env;
	int i;

	(void)state;
	v = ui_args_argv("/bin/tinklas", &a);
	for (i = 0; want[i] != NULL; i++)
		assert_string_equal(v[i], want[i]);
	assert_null(v[i]);
	ui_args_free(v);
	/* `new` runs commands as a guest. */
	a.who = UI_ARGS_REGISTER;
	v = ui_args_argv("/bin/tinklas", &a);
	assert_string_equal(v[4], "--guest");
	assert_string_equal(v[5], "--lang");
	ui_args_free(v);
	env = ui_args_envp(&a);
	assert_string_equal(env[0], "TERM=dumb");
	assert_string_equal(env[1], "LANG=C.UTF-8");
	assert_string_equal(env[2], "PATH=/usr/bin:/bin");
	assert_string_equal(env[3], "TINKLAS_DATA=/srv/d");
	assert_null(env[4]);
	ui_args_free(env);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_allowed),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_argv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
