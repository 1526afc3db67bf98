/* announce: a moderator's announcement is sanitised, limited to the status
 * line's 50 columns (wide characters count twice), audited, and replaces
 * the one before; clearing leaves none; members and guests are refused;
 * an export lists the member's announcements and an erasure keeps them
 * without their author. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/actor.h"
#include "core/announce.h"
#include "core/domain.h"
#include "tests/unit/fixture.h"
#include "tests/unit/fixture-export.h"

struct fx {
	struct tdb	t;
	struct actor	mod, member;
};

static int
setup(void **state)
{
	struct fx *f = tdb_new(sizeof *f, "announce");

	f->mod = tdb_viewer(&f->t, "aiste", "lt", ROLE_MODERATOR);
	f->member = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	*state = f;
	return 0;
}

static void
test_set_replace_clear(void **state)
{
	struct fx *f = *state;
	struct announcement an;
	int64_t first, second;

	assert_int_equal(announce_current(f->t.db, &an), 0);
	assert_int_equal(announce_current_id(f->t.db), 0);
	/* Control characters and a bidi override go; spaces collapse. */
	assert_null(announce_set(f->t.db, &f->mod,
	    "  Choir\x1b]0;x\x07  at \xe2\x80\xaesix  ", &first).key);
	assert_int_equal(announce_current(f->t.db, &an), 1);
	assert_int_equal(an.id, first);
	assert_string_equal(an.body, "Choir]0;x at six");
	assert_int_equal(an.author_id, f->mod.account_id);
	announce_free(&an);
	assert_int_equal(audit_count(f->t.db, "announcement.set"), 1);
	/* A new one replaces it, with a larger id (the sessions rely on it). */
	assert_null(announce_set(f->t.db, &f->mod, "Library late", &second).key);
	assert_true(second > first);
	assert_int_equal(announce_current_id(f->t.db), second);
	assert_null(announce_clear(f->t.db, &f->mod).key);
	assert_int_equal(announce_current_id(f->t.db), 0);
	assert_int_equal(audit_count(f->t.db, "announcement.clear"), 1);
	assert_string_equal(announce_clear(f->t.db, &f->mod).key,
	    "error.announce.none");
}

static void
test_limits(void **state)
{
	struct fx *f = *state;
	struct core_error e;
	char s[256];
	int i;

	assert_string_equal(announce_check(""), "error.announce.empty");
	assert_string_equal(announce_check(" \t\x1b "), "error.announce.empty");
	memset(s, 'a', ANNOUNCE_MAX_COLS);
	s[ANNOUNCE_MAX_COLS] = '\0';
	assert_null(announce_check(s));
	strcat(s, "b");
	assert_string_equal(announce_check(s), "error.announce.too_long");
	/* 25 wide characters take 50 columns; one more is too wide. */
	s[0] = '\0';
	for (i = 0; i < ANNOUNCE_MAX_COLS / 2; i++)
		strcat(s, "\xe6\xbc\xa2");	/* U+6F22 */
	assert_null(announce_check(s));
	strcat(s, "\xe6\xbc\xa2");
	assert_string_equal(announce_check(s), "error.announce.too_long");
	e = announce_set(f->t.db, &f->mod, s, NULL);
	assert_string_equal(e.key, "error.announce.too_long");
	assert_int_equal(e.arg, ANNOUNCE_MAX_COLS);
	assert_int_equal(announce_current_id(f->t.db), 0);
}

/* n copies of the UTF-8 character ch. */
static char *
times(char *buf, const char *ch, int n)
{
	buf[0] = '\0';
	while (n-- > 0)
		strcat(buf, ch);
	return buf;
}

/* The width is measured the same whatever the process locale: the admin
 * command never calls setlocale, so this runs under "C", where wcwidth
 * would count every non-ASCII character 0 columns. */
static void
test_limits_without_locale(void **state)
{
	struct fx *f = *state;
	char s[512];

	assert_non_null(setlocale(LC_ALL, "C"));
	/* Cyrillic: one column each. */
	assert_null(announce_check(times(s, "\xd0\x96", 50)));	/* U+0416 */
	assert_string_equal(announce_check(times(s, "\xd0\x96", 51)),
	    "error.announce.too_long");
	/* CJK: two columns each. */
	assert_null(announce_check(times(s, "\xe6\xbc\xa2", 25)));
	assert_string_equal(announce_check(times(s, "\xe6\xbc\xa2", 26)),
	    "error.announce.too_long");
	assert_string_equal(announce_check(times(s, "\xe6\xbc\xa2", 80)),
	    "error.announce.too_long");
	/* Emoji: two columns each. */
	assert_null(announce_check(times(s, "\xf0\x9f\x98\x80", 25)));
	assert_string_equal(announce_check(times(s, "\xf0\x9f\x98\x80", 26)),
	    "error.announce.too_long");
	assert_string_equal(announce_set(f->t.db, &f->mod,
	    times(s, "\xf0\x9f\x98\x80", 60), NULL).key,
	    "error.announce.too_long");
	assert_int_equal(announce_current_id(f->t.db), 0);
	/* Mixed, at the limit: 48 Cyrillic and one CJK. */
	strcat(times(s, "\xd0\x96", 48), "\xe6\xbc\xa2");
	assert_null(announce_set(f->t.db, &f->mod, s, NULL).key);
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
}

static void
test_refused(void **state)
{
	struct fx *f = *state;
	struct actor guest = actor_guest("lt");
	struct actor admin = actor_admin_command("lt");

	assert_string_equal(announce_set(f->t.db, &f->member, "Hi", NULL).key,
	    "error.announce.not_allowed");
	assert_string_equal(announce_set(f->t.db, &guest, "Hi", NULL).key,
	    "error.announce.not_allowed");
	assert_null(announce_set(f->t.db, &admin, "From the console", NULL).key);
	assert_string_equal(announce_clear(f->t.db, &f->member).key,
	    "error.announce.not_allowed");
	assert_int_equal(announce_current_id(f->t.db) > 0, 1);
}

static void
test_export_and_erase(void **state)
{
	struct fx *f = *state;
	struct announcement an;
	json_t *doc, *mine;

	assert_null(announce_set(f->t.db, &f->mod, "Choir at six", NULL).key);
	doc = tex_export(f->t.db, f->mod.account_id);
	mine = tex_part(doc, "site", "announcements");
	assert_int_equal(json_array_size(mine), 1);
	assert_string_equal(tex_str(json_array_get(mine, 0), "body"),
	    "Choir at six");
	assert_true(json_is_null(json_object_get(json_array_get(mine, 0),
	    "cleared")));
	json_decref(doc);
	doc = tex_export(f->t.db, f->member.account_id);
	assert_int_equal(json_array_size(tex_part(doc, "site",
	    "announcements")), 0);
	json_decref(doc);
	assert_int_equal(domain_erase(f->t.db, f->mod.account_id, 0,
	    ERASE_REMOVE_WRITING), 0);
	assert_int_equal(announce_current(f->t.db, &an), 1);
	assert_string_equal(an.body, "Choir at six");
	assert_int_equal(an.author_id, 0);
	announce_free(&an);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_set_replace_clear, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_limits, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_limits_without_locale,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_export_and_erase, setup,
		    tdb_teardown),
	};

	return cmocka_run_group_tests_name("announce", tests, ti18n_setup,
	    ti18n_teardown);
}
