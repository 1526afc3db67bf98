/* server/exec: the table's lookup and who may run what, and the command
 * line a connection gives `tinklas exec` (server/uiargs). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "server/exec.h"
#include "server/uiargs.h"

#include <string.h>

static void
test_find(void **state)
{
	char longname[EXEC_NAME_MAX + 2];

	(void)state;
	assert_non_null(exec_find("help"));
	assert_string_equal(exec_find("help")->name, "help");
	assert_string_equal(exec_find("whoami")->name, "whoami");
	assert_null(exec_find("nosuch"));
	assert_null(exec_find(""));
	assert_null(exec_find(NULL));
	/* Only the name, nothing around it. */
	assert_null(exec_find("help "));
	assert_null(exec_find(" help"));
	assert_null(exec_find("help;id"));
	assert_null(exec_find("help\n"));
	assert_null(exec_find("../help"));
	assert_null(exec_find("-help"));
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	assert_null(exec_find(longname));
}

static void
test_allowed(void **state)
{
	struct account member = { .id = 1, .role = ROLE_MEMBER };
	struct account moderator = { .id = 2, .role = ROLE_MODERATOR };
	struct exec_cmd mod_only = { .name = "x", .who = EXEC_MODERATOR };

	(void)state;
	assert_true(exec_allowed(exec_find("help"), NULL));
	assert_false(exec_allowed(exec_find("whoami"), NULL));
	assert_true(exec_allowed(exec_find("whoami"), &member));
	assert_false(exec_allowed(&mod_only, NULL));
	assert_false(exec_allowed(&mod_only, &member));
	assert_true(exec_allowed(&mod_only, &moderator));
}

/* Every command names its help line and has something to run. */
static void
test_table(void **state)
{
	const struct exec_cmd *const *e;

	(void)state;
	for (e = exec_cmds; *e != NULL; e++) {
		assert_non_null((*e)->name);
		assert_non_null((*e)->help_key);
		assert_non_null((*e)->run);
		assert_ptr_equal(exec_find((*e)->name), *e);
	}
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
