/* The reasons of a suggestion in the reader's words (ui/directory-
 * reasons.c), in all five languages: each kind by its pattern, the
 * language by its ICU name, the eldership and availability by the
 * catalogs' names; reasons of one kind said together; none gives "".
 * And the typed languages of the profile form read back (levels as
 * codes or in the reader's words), with a bad entry refused. */
#include "tests/unit/fixture.h"

#include "ui/directory-ui.h"
#include "core/directory.h"
#include "i18n/i18n.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

/* "teaches Lithuanian, speaks Ukrainian, evenings, Šilainiai" */
static const struct dir_reason example[] = {
	{ DIR_R_TEACHES, 1, "Lietuvių kalba" },
	{ DIR_R_SPEAKS, 0, "uk" },
	{ DIR_R_AVAILABLE, 0, "evenings" },
	{ DIR_R_ELDERSHIP, 0, "silainiai" },
};

static const struct {
	const char *lang, *want;
} sentences[] = {
	{ "en", "teaches Lietuvių kalba; speaks Ukrainian; evenings; Šilainiai" },
	{ "lt", "moko: Lietuvių kalba; kalba: ukrainiečių; vakarais; Šilainių seniūnija" },
	{ "uk", "навчає: Lietuvių kalba; говорить: українська; увечері; Шилайняй" },
	{ "ru", "может научить: Lietuvių kalba; говорит: украинский; по вечерам; Шилайняй" },
	{ "pl", "uczy: Lietuvių kalba; mówi: ukraiński; wieczorami; Szyłany" },
};

static void
test_sentence_per_language(void **state)
{
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < sizeof sentences / sizeof sentences[0]; i++) {
		assert_int_equal(i18n_set_lang(sentences[i].lang), 0);
		s = dir_reasons_text(example, 4);
		assert_string_equal(s, sentences[i].want);
		free(s);
	}
}

/* Two languages and two availabilities: each kind said once; a mentor
 * with a place; and no reasons at all. */
static void
test_runs_of_a_kind(void **state)
{
	static const struct dir_reason r[] = {
		{ DIR_R_SPEAKS, 0, "lt" }, { DIR_R_SPEAKS, 0, "uk" },
		{ DIR_R_AVAILABLE, 0, "evenings" },
		{ DIR_R_AVAILABLE, 0, "online" },
		{ DIR_R_INTEREST, 2, "Šachmatai" }, { DIR_R_MENTORS, 0, "" },
	};
	char *s;

	(void)state;
	assert_int_equal(i18n_set_lang("en"), 0);
	s = dir_reasons_text(r, 6);
	assert_string_equal(s, "speaks Lithuanian, Ukrainian; evenings, online; "
	    "also likes Šachmatai; mentors and has a free place");
	free(s);
	assert_int_equal(i18n_set_lang("lt"), 0);
	s = dir_reasons_text(r, 2);
	assert_string_equal(s, "kalba: lietuvių, ukrainiečių");
	free(s);
	s = dir_reasons_text(r, 0);
	assert_string_equal(s, "");
	free(s);
}

static void
test_languages_typed(void **state)
{
	struct dir_lang l[DIR_LANGS_MAX];
	int n;
	char *s;

	(void)state;
	assert_int_equal(i18n_set_lang("lt"), 0);
	/* Codes, the reader's words, any case, no level (good). */
	assert_int_equal(dir_langs_parse("uk native, LT geras , ar", l,
	    DIR_LANGS_MAX, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(l[0].code, "uk");
	assert_int_equal(l[0].level, DIR_NATIVE);
	assert_string_equal(l[1].code, "lt");
	assert_int_equal(l[1].level, DIR_GOOD);
	assert_string_equal(l[2].code, "ar");
	assert_int_equal(l[2].level, DIR_GOOD);
	s = dir_langs_typed(l, n);
	assert_string_equal(s, "uk native, lt good, ar good");
	free(s);
	s = dir_langs_text(l, 2);
	assert_string_equal(s, "ukrainiečių (gimtoji), lietuvių (geras)");
	free(s);
	/* A level nobody knows, a name instead of a code: refused. */
	assert_int_equal(dir_langs_parse("uk perfect", l, DIR_LANGS_MAX, &n), -1);
	assert_int_equal(dir_langs_parse("Ukrainian native", l, DIR_LANGS_MAX,
	    &n), -1);
	/* Tags: trimmed, empty ones dropped, too many refused. */
	{
		char *t[3] = { NULL };

		assert_int_equal(dir_split_tags(" Python ,, matematika,", t, 3), 2);
		assert_string_equal(t[0], "Python");
		assert_string_equal(t[1], "matematika");
		free(t[0]);
		free(t[1]);
		assert_int_equal(dir_split_tags("a,b,c,d", t, 3), -1);
		free(t[0]);
		free(t[1]);
		free(t[2]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sentence_per_language),
		cmocka_unit_test(test_runs_of_a_kind),
		cmocka_unit_test(test_languages_typed),
	};

	return cmocka_run_group_tests(tests, ti18n_setup, ti18n_teardown);
}
