/* Accounts: names, display names, passwords, suspension, settings. */
#include "core/accounts.h"
#include "core/password.h"
#include "core/db.h"
#include "tests/unit/fixture.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#define GOOD_PW	"linden-quarry-otter-47"

static int
setup(void **state)
{
	*state = tdb_new(sizeof(struct tdb), "acct");
	return 0;
}

static int64_t
make(struct db *db, const char *name, const char *display)
{
	int64_t id = 0;

	assert_null(account_create(db, name, display, GOOD_PW, "lt",
	    ROLE_MEMBER, &id));
	assert_true(id > 0);
	return id;
}

static void
test_names(void **state)
{
	(void)state;
	assert_null(account_check_name("ruta"));
	assert_null(account_check_name("Ruta.P_2-x"));
	assert_null(account_check_name("007"));
	assert_string_equal(account_check_name("ab"), "error.username.length");
	assert_string_equal(account_check_name(
	    "abcdefghijabcdefghijabcdefghijabc"), "error.username.length");
	assert_null(account_check_name("abcdefghijabcdefghijabcdefghijab"));
	assert_string_equal(account_check_name("rūta"), "error.username.chars");
	assert_string_equal(account_check_name("ru ta"),
	    "error.username.chars");
	assert_string_equal(account_check_name("ru@ta"),
	    "error.username.chars");
	assert_string_equal(account_check_name(".ruta"),
	    "error.username.chars");
	assert_string_equal(account_check_name("-ruta"),
	    "error.username.chars");
	assert_string_equal(account_check_name("new"),
	    "error.username.reserved");
	assert_string_equal(account_check_name("GUEST"),
	    "error.username.reserved");
	assert_string_equal(account_check_name("root"),
	    "error.username.reserved");
}

static void
test_create_and_find(void **state)
{
	struct tdb *f = *state;
	struct account a;
	int64_t id, other;
	time_t before = time(NULL);

	id = make(f->db, "Ruta", "Rūta Petraitienė");
	assert_int_equal(account_by_name(f->db, "RUTA", &a), 0);
	assert_int_equal(a.id, id);
	assert_string_equal(a.name, "ruta");
	assert_string_equal(a.display, "Rūta Petraitienė");
	assert_string_equal(a.lang, "lt");
	assert_int_equal(a.role, ROLE_MEMBER);
	assert_int_equal(a.mode, UI_MODE_UNSET);
	assert_true(a.created >= before && a.created <= time(NULL));
	assert_int_equal(a.last_login, 0);
	assert_int_equal(a.suspended_until, 0);
	assert_int_equal(account_by_id(f->db, id, &a), 0);
	assert_string_equal(a.name, "ruta");
	assert_int_equal(account_by_name(f->db, "jonas", &a), -1);
	assert_int_equal(account_by_id(f->db, id + 100, &a), -1);

	/* The same name in another case is taken. */
	assert_string_equal(account_create(f->db, "rUtA", "Kita", GOOD_PW,
	    "lt", ROLE_MEMBER, &other), "error.username.taken");
	assert_string_equal(account_create(f->db, "x", "X", GOOD_PW, "lt",
	    ROLE_MEMBER, &other), "error.username.length");
	assert_string_equal(account_create(f->db, "jonas", "Jonas", GOOD_PW,
	    "de", ROLE_MEMBER, &other), "error.lang.unknown");
	assert_string_equal(account_create(f->db, "jonas", " \t\x1b ",
	    GOOD_PW, "lt", ROLE_MEMBER, &other), "error.display.length");
	assert_int_equal(account_count(f->db), 1);
}

static void
test_display_sanitised(void **state)
{
	struct tdb *f = *state;
	struct account a;
	char long_name[200];
	int64_t id;

	id = make(f->db, "olena",
	    "  \x1b[31mОлена\u202e  Коваленко\u200b\r\n ");
	assert_int_equal(account_by_id(f->db, id, &a), 0);
	assert_string_equal(a.display, "[31mОлена Коваленко");

	memset(long_name, 'a', 65);
	long_name[65] = '\0';
	assert_string_equal(account_check_display(long_name),
	    "error.display.length");
	long_name[64] = '\0';
	assert_null(account_check_display(long_name));
	/* 40 CJK characters take 80 columns. */
	assert_string_equal(account_check_display(
	    "日本語日本語日本語日本語日本語日本語日本語"
	    "日本語日本語日本語日本語日本語日本語"), "error.display.length");
	assert_string_equal(account_check_display("\u200b\u00ad"),
	    "error.display.length");
	assert_null(account_set_display(f->db, id, "Olena\x07 K."));
	assert_int_equal(account_by_id(f->db, id, &a), 0);
	assert_string_equal(a.display, "Olena K.");
	assert_string_equal(account_set_display(f->db, id, ""),
	    "error.display.length");
}

/* A display name that readers could take for another account's display
 * name or user name is refused, when registering and when changing it:
 * case, accents and Cyrillic look-alikes make no difference. */
static void
test_display_confusable(void **state)
{
	struct tdb *f = *state;
	struct account a;
	int64_t aiste, id = 0;

	aiste = make(f->db, "aiste", "Moderatorė Aistė");
	assert_int_equal(account_set_role(f->db, aiste, ROLE_MODERATOR), 0);
	assert_string_equal(account_create(f->db, "fake.mod",
	    "Moderatorė Aistė", GOOD_PW, "lt", ROLE_MEMBER, &id),
	    "error.display.confusable");
	assert_string_equal(account_create(f->db, "fake.mod",
	    "moderatore AISTE", GOOD_PW, "lt", ROLE_MEMBER, &id),
	    "error.display.confusable");
	/* М, о, е, а, А below are Cyrillic. */
	assert_string_equal(account_create(f->db, "fake.mod",
	    "\u041cod\u0435r\u0430t\u043er\u0117 \u0410ist\u0117", GOOD_PW,
	    "lt", ROLE_MEMBER, &id), "error.display.confusable");
	assert_string_equal(account_create(f->db, "fake.mod", "Aiste",
	    GOOD_PW, "lt", ROLE_MEMBER, &id), "error.display.confusable");
	assert_int_equal(account_by_name(f->db, "fake.mod", &a), -1);
	/* Other names, and one's own user name, are fine. */
	id = make(f->db, "fake.mod", "Aistė Kazlauskaitė");
	make(f->db, "jonas", "jonas");
	assert_null(account_set_display(f->db, aiste, "Moderatorė Aistė"));
	assert_string_equal(account_set_display(f->db, id,
	    "Moderatore Aiste"), "error.display.confusable");
	assert_string_equal(account_set_display(f->db, id, "JONAS"),
	    "error.display.confusable");
	assert_null(account_set_display(f->db, id, "fake.mod"));
	assert_int_equal(account_by_id(f->db, id, &a), 0);
	assert_string_equal(a.display, "fake.mod");
}

/* Registration through "new" stops at per_hour accounts in the last hour. */
static void
test_create_rate(void **state)
{
	struct tdb *f = *state;

	assert_null(account_create_allowed(f->db, 2));
	make(f->db, "ruta", "Rūta");
	assert_null(account_create_allowed(f->db, 2));
	make(f->db, "jonas", "Jonas");
	assert_string_equal(account_create_allowed(f->db, 2),
	    "error.register.busy");
	assert_null(account_create_allowed(f->db, 3));
	assert_null(account_create_allowed(f->db, 0));
}

static void
test_passwords(void **state)
{
	struct tdb *f = *state;
	struct account a;
	int64_t id;

	id = make(f->db, "jonas", "Jonas Kazlauskas");
	assert_int_equal(account_verify_password(f->db, "jonas", GOOD_PW, &a),
	    0);
	assert_int_equal(a.id, id);
	assert_int_equal(account_verify_password(f->db, "JONAS", GOOD_PW,
	    NULL), 0);
	assert_int_equal(account_verify_password(f->db, "jonas",
	    "linden-quarry-otter-48", NULL), -1);
	assert_int_equal(account_verify_password(f->db, "jonas", "", NULL),
	    -1);
	assert_int_equal(account_verify_password(f->db, "nobody-here",
	    GOOD_PW, NULL), -1);

	assert_int_equal(account_set_password(f->db, id, "maple-harbor-9x"),
	    0);
	assert_int_equal(account_verify_password(f->db, "jonas", GOOD_PW,
	    NULL), -1);
	assert_int_equal(account_verify_password(f->db, "jonas",
	    "maple-harbor-9x", NULL), 0);
}

static void
test_password_quality(void **state)
{
	char huge[1100];

	(void)state;
	assert_null(account_check_password(GOOD_PW, "jonas", 10));
	assert_string_equal(account_check_password("short", "jonas", 10),
	    "error.password.short");
	assert_string_equal(account_check_password("password123", "jonas",
	    10), "error.password.weak");
	assert_non_null(account_check_password("aaaaaaaaaaaaaa", "jonas",
	    10));
	memset(huge, 'q', sizeof huge - 1);
	huge[sizeof huge - 1] = '\0';
	assert_string_equal(account_check_password(huge, "jonas", 10),
	    "error.password.long");
	assert_string_equal(account_check_password("xjonas-quarry-47",
	    "jonas", 10), "error.password.contains_name");
	assert_string_equal(account_check_password("linden-otter-quarry-47",
	    "quarry", 10), "error.password.contains_name");
}

/* A missing cracklib dictionary is a setup error that is reported, never a
 * reason to refuse a good password (a fresh Debian without
 * cracklib-runtime refused every one). */
static void
test_password_dictionary_missing(void **state)
{
	(void)state;
	/* Positive control: the test setup installs the dictionary. */
	assert_null(account_password_setup_problem());
	password_set_dict("/nonexistent/cracklib_dict");
	assert_string_equal(account_password_setup_problem(),
	    "/nonexistent/cracklib_dict");
	assert_null(account_check_password(GOOD_PW, "jonas", 10));
	assert_null(account_check_password("maple-harbor-quarry-7", "jonas",
	    10));
	assert_string_equal(account_check_password("short", "jonas", 10),
	    "error.password.short");
	password_set_dict(NULL);
	assert_null(account_password_setup_problem());
}

static void
test_suspension(void **state)
{
	struct tdb *f = *state;
	struct account a;
	int64_t id, now = time(NULL);

	id = make(f->db, "emma", "Emma Wilson");
	assert_int_equal(account_suspend(f->db, id, now + 3600,
	    "spam\x1b]0;x\x07 again"), 0);
	assert_int_equal(account_by_id(f->db, id, &a), 0);
	assert_true(account_is_suspended(&a, now));
	assert_false(account_is_suspended(&a, now + 3601));
	assert_string_equal(a.suspend_reason, "spam]0;x again");
	/* A suspended account still verifies; the caller decides. */
	assert_int_equal(account_verify_password(f->db, "emma", GOOD_PW, &a),
	    0);
	assert_true(account_is_suspended(&a, now));
	assert_int_equal(account_unsuspend(f->db, id), 0);
	assert_int_equal(account_by_id(f->db, id, &a), 0);
	assert_false(account_is_suspended(&a, now));
	assert_string_equal(a.suspend_reason, "");
	assert_int_equal(account_suspend(f->db, id + 1, now + 10, "x"), -1);
}

static void
test_setters(void **state)
{
	struct tdb *f = *state;
	struct account a;
	int64_t id;

	id = make(f->db, "ruta", "Rūta");
	assert_int_equal(account_set_lang(f->db, id, "uk"), 0);
	assert_int_equal(account_set_lang(f->db, id, "xx"), -1);
	assert_int_equal(account_set_theme(f->db, id, THEME_MONO), 0);
	assert_int_equal(account_set_mode(f->db, id, UI_MODE_PLAIN), 0);
	assert_int_equal(account_set_charset(f->db, id, CHARSET_ASCII), 0);
	assert_int_equal(account_set_idle(f->db, id, 15), 0);
	assert_int_equal(account_set_idle(f->db, id, -1), -1);
	assert_int_equal(account_set_role(f->db, id, ROLE_MODERATOR), 0);
	assert_int_equal(account_set_theme(f->db, id, (enum theme)7), -1);
	assert_int_equal(account_set_role(f->db, id + 5, ROLE_ADMIN), -1);
	assert_int_equal(account_by_id(f->db, id, &a), 0);
	assert_string_equal(a.lang, "uk");
	assert_int_equal(a.theme, THEME_MONO);
	assert_int_equal(a.mode, UI_MODE_PLAIN);
	assert_int_equal(a.charset, CHARSET_ASCII);
	assert_int_equal(a.idle_minutes, 15);
	assert_int_equal(a.role, ROLE_MODERATOR);
}

static void
test_roles(void **state)
{
	enum role r;

	(void)state;
	assert_int_equal(role_parse("organiser", &r), 0);
	assert_int_equal(r, ROLE_ORGANISER);
	assert_string_equal(role_name(ROLE_ADMIN), "admin");
	assert_int_equal(role_parse("Admin", &r), -1);
	assert_int_equal(role_parse("root", &r), -1);
}

static void
test_touch_login(void **state)
{
	struct tdb *f = *state;
	struct account a;
	int64_t id, prev = -1;

	id = make(f->db, "jonas", "Jonas");
	assert_int_equal(account_touch_login(f->db, id, &prev), 0);
	assert_int_equal(prev, 0);
	assert_int_equal(account_by_id(f->db, id, &a), 0);
	assert_true(a.last_login > 0);
	assert_int_equal(account_touch_login(f->db, id, &prev), 0);
	assert_int_equal(prev, a.last_login);
	assert_int_equal(account_touch_login(f->db, id + 9, &prev), -1);
}

static int
collect(const struct account *a, void *arg)
{
	strcat(arg, a->name);
	strcat(arg, " ");
	return 0;
}

static int
stop_first(const struct account *a, void *arg)
{
	(void)a;
	(*(int *)arg)++;
	return 1;
}

static void
test_each(void **state)
{
	struct tdb *f = *state;
	char names[128] = "";
	int calls = 0;

	make(f->db, "olena", "Олена");
	make(f->db, "emma", "Emma");
	make(f->db, "jonas", "Jonas");
	assert_int_equal(account_each(f->db, collect, names), 3);
	assert_string_equal(names, "emma jonas olena ");
	assert_int_equal(account_each(f->db, stop_first, &calls), 1);
	assert_int_equal(calls, 1);
	assert_int_equal(account_count(f->db), 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_password_quality),
		cmocka_unit_test(test_password_dictionary_missing),
		cmocka_unit_test_setup_teardown(test_create_and_find, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_display_sanitised, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_display_confusable, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_create_rate, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_passwords, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_suspension, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_setters, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_touch_login, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_each, setup, tdb_teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
