/* i18n: plurals, messages, collation, accent-blind search, negotiation,
 * dates in the site zone, transliteration, width, graphemes, wrapping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "i18n/i18n.h"
#include "tests/unit/fixture.h"

/* 2025-07-14 15:05:00 UTC, a Monday: 18:05 in Vilnius (UTC+3 in summer). */
#define MONDAY_1505_UTC	1752505500

static void
test_plural_categories(void **state)
{
	(void)state;
	assert_string_equal(i18n_plural_category("lt", 1), "one");
	assert_string_equal(i18n_plural_category("lt", 2), "few");
	assert_string_equal(i18n_plural_category("lt", 9), "few");
	assert_string_equal(i18n_plural_category("lt", 10), "other");
	assert_string_equal(i18n_plural_category("lt", 21), "one");
	assert_string_equal(i18n_plural_category("lt", 22), "few");
	assert_string_equal(i18n_plural_category("lt", 1.5), "many");
	assert_string_equal(i18n_plural_category("lt", 0), "other");

	assert_string_equal(i18n_plural_category("uk", 1), "one");
	assert_string_equal(i18n_plural_category("uk", 21), "one");
	assert_string_equal(i18n_plural_category("uk", 3), "few");
	assert_string_equal(i18n_plural_category("uk", 22), "few");
	assert_string_equal(i18n_plural_category("uk", 5), "many");
	assert_string_equal(i18n_plural_category("uk", 11), "many");
	assert_string_equal(i18n_plural_category("uk", 1.5), "other");
	assert_string_equal(i18n_plural_category("ru", 0), "many");
	assert_string_equal(i18n_plural_category("ru", 30), "many");
	assert_string_equal(i18n_plural_category("ru", 4), "few");

	assert_string_equal(i18n_plural_category("pl", 1), "one");
	assert_string_equal(i18n_plural_category("pl", 21), "many");
	assert_string_equal(i18n_plural_category("pl", 22), "few");
	assert_string_equal(i18n_plural_category("pl", 12), "many");
	assert_string_equal(i18n_plural_category("pl", 1.5), "other");

	assert_string_equal(i18n_plural_category("en", 1), "one");
	assert_string_equal(i18n_plural_category("en", 2), "other");
}

static void
assert_tf_num(const char *key, double n, const char *want)
{
	char *s = TFA(key, A_NUM(n));

	assert_string_equal(s, want);
	free(s);
}

static void
test_messages(void **state)
{
	char	*s;

	(void)state;
	assert_int_equal(i18n_set_lang("uk"), 0);
	assert_string_equal(i18n_lang(), "uk");
	assert_tf_num("menu.new_posts", 1, "1 новий допис");
	assert_tf_num("menu.new_posts", 3, "3 нові дописи");
	assert_tf_num("menu.new_posts", 5, "5 нових дописів");
	assert_tf_num("menu.new_posts", 21, "21 новий допис");

	assert_int_equal(i18n_set_lang("ru"), 0);
	assert_tf_num("menu.new_posts", 1, "1 новое сообщение");
	assert_tf_num("menu.new_posts", 3, "3 новых сообщения");
	assert_tf_num("menu.new_posts", 11, "11 новых сообщений");
	/* The verb agrees with one session, inside the plural. */
	s = TFA("server.sessions.limit", A_NUM(1));
	assert_non_null(strstr(s, "У вас уже открыт 1 сеанс —"));
	free(s);
	s = TFA("server.sessions.limit", A_NUM(3));
	assert_non_null(strstr(s, "У вас уже открыто 3 сеанса —"));
	free(s);
	/* A post number as its header shows it: no grouping. */
	s = TFA("forum.post_chosen_by", A_NUM(12345), A_STR("Олена"));
	assert_non_null(strstr(s, "сообщение 12345 (Олена)"));
	free(s);

	assert_int_equal(i18n_set_lang("lt"), 0);
	assert_tf_num("menu.new_posts", 1, "1 naujas įrašas");
	assert_tf_num("menu.new_posts", 2, "2 nauji įrašai");
	assert_tf_num("menu.new_posts", 10, "10 naujų įrašų");
	assert_tf_num("menu.new_posts", 1.5, "1,5 naujo įrašo");
	assert_tf_num("error.password.short", 10,
	    "Slaptažodį turi sudaryti bent 10 simbolių.");
	assert_string_equal(T("error.password.mismatch"), "Slaptažodžiai nesutampa.");

	assert_int_equal(i18n_set_lang("pl"), 0);
	assert_tf_num("menu.new_posts", 22, "22 nowe wpisy");
	assert_tf_num("menu.new_posts", 25, "25 nowych wpisów");

	assert_int_equal(i18n_set_lang("en"), 0);
	assert_tf_num("error.password.short", 1,
	    "The password must be at least 1 character long.");
	assert_tf_num("menu.new_posts", 1000, "1,000 new posts");
	assert_string_equal(T("app.name"), "Tinklas");

	/* Text arguments are not parsed as patterns. */
	s = TFA("welcome.greeting", A_STR("Ona {0}'"));
	assert_string_equal(s, "Welcome! You are logged in as Ona {0}'.");
	free(s);
	assert_int_equal(i18n_set_lang("lt"), 0);
	/* A wrong argument type is an error ICU reports, not a crash. */
	s = TFA("menu.new_posts", A_STR("five"));
	assert_non_null(s);
	free(s);
	/* Without arguments, {0} stays visible. */
	assert_string_equal(T("welcome.greeting"), "Sveiki! Prisijungėte kaip {0}.");
	assert_int_equal(i18n_set_lang("en"), 0);

	/* Each language's own name, whatever the current language. */
	assert_string_equal(i18n_lang_name("uk"), "Українська");
	assert_string_equal(i18n_lang_name("lt"), "Lietuvių");
	assert_null(i18n_lang_name("de"));

	/* An unknown key shows itself; an unknown language is refused and
	 * leaves the current one. */
	assert_string_equal(T("no.such.key"), "no.such.key");
	assert_int_equal(i18n_set_lang("de"), -1);
	assert_string_equal(i18n_lang(), "en");
	assert_false(i18n_lang_valid("be"));
	assert_true(i18n_lang_valid("pl"));
}

static void
test_collation(void **state)
{
	(void)state;
	assert_int_equal(i18n_set_lang("lt"), 0);
	assert_true(i18n_collate("c", "č") < 0);
	assert_true(i18n_collate("čiuožykla", "dama") < 0);
	assert_true(i18n_collate("cukrus", "čiuožykla") < 0);
	assert_true(i18n_collate("s", "š") < 0);
	assert_true(i18n_collate("šaltas", "tas") < 0);
	assert_true(i18n_collate("zuikis", "žuvis") < 0);
	assert_true(i18n_collate("žuvis", "zuikis") > 0);
	/* y is a variant of i: y-words sit among the i-words, before j. */
	assert_true(i18n_collate("ir", "ydra") > 0);
	assert_true(i18n_collate("ydra", "iz") < 0);
	assert_true(i18n_collate("ydra", "jonas") < 0);
	assert_int_equal(i18n_collate("Kaunas", "Kaunas"), 0);

	/* English puts č right after c: no letter of its own. */
	assert_int_equal(i18n_set_lang("en"), 0);
	assert_true(i18n_collate("čiuožykla", "cukrus") < 0);
}

static void
test_contains_and_fold(void **state)
{
	char *s;

	(void)state;
	assert_true(i18n_contains("Šarūnas", "sarunas"));
	assert_true(i18n_contains("Aš esu Šarūnas", "SARŪN"));
	assert_true(i18n_contains("Łódź", "lodz"));
	assert_true(i18n_contains("KAUNAS", "kaunas"));
	assert_true(i18n_contains("Žalgiris", "zalgiris"));
	assert_true(i18n_contains("Straße", "strasse"));
	assert_true(i18n_contains("Об\u02BCєкт", "об’єкт"));
	assert_true(i18n_contains("anything", ""));
	assert_false(i18n_contains("Kaunas", "vilnius"));
	assert_false(i18n_contains("Šarūnas", "sarunai"));

	s = i18n_fold("Ąžuolas ŁÓDŹ");
	assert_string_equal(s, "azuolas lodz");
	free(s);
	/* A decomposed č becomes the precomposed one. */
	s = i18n_nfc("c\xcc\x8c");
	assert_string_equal(s, "č");
	free(s);
	s = i18n_nfkc_casefold("ＡＢＣ Straße");
	assert_string_equal(s, "abc strasse");
	free(s);
	assert_true(i18n_is_combining(0x0301));
	assert_false(i18n_is_combining('a'));
}

/* Stems cut endings only; a stem that rewrote letters, or is too short,
 * or a language without a stemmer gives none. */
static void
test_stems_and_confusables(void **state)
{
	char *s;

	(void)state;
	assert_non_null(s = i18n_stem("Biblioteka", "lt"));
	assert_string_equal(s, "bibliotek");
	free(s);
	assert_non_null(s = i18n_stem("библиотеке", "ru"));
	assert_string_equal(s, "библиотек");
	free(s);
	assert_null(i18n_stem("Šančiuose", "lt"));	/* -> šant */
	assert_null(i18n_stem("namų", "lt"));		/* too short */
	assert_null(i18n_stem("бібліотеці", "uk"));
	assert_null(i18n_stem("biblioteka", NULL));
	/* ґ folds to г, as accents do. */
	s = i18n_fold("ҐАНОК");
	assert_string_equal(s, "ганок");
	free(s);
	assert_true(i18n_confusable("Moderatorė Aistė", "moderatore aiste"));
	assert_true(i18n_confusable("Moderatorė Aistė",
	    "\u041cod\u0435r\u0430t\u043er\u0117 \u0410ist\u0117"));
	assert_true(i18n_confusable("paypal", "p\u0430yp\u0430l"));
	assert_false(i18n_confusable("Moderatorė Aistė", "Aistė"));
	assert_false(i18n_confusable("Jonas", "Jonas K."));
}

static void
test_negotiation(void **state)
{
	(void)state;
	assert_string_equal(i18n_negotiate(NULL, NULL, NULL, "uk_UA.UTF-8", "lt"), "uk");
	assert_string_equal(i18n_negotiate(NULL, NULL, NULL, "be_BY.UTF-8", "lt"), "ru");
	assert_string_equal(i18n_negotiate(NULL, NULL, NULL, "de_DE.UTF-8", "lt"), "lt");
	assert_string_equal(i18n_negotiate(NULL, NULL, NULL, "de_DE.UTF-8", "pl"), "pl");
	assert_string_equal(i18n_negotiate("uk", NULL, NULL, "lt_LT.UTF-8", "en"), "uk");
	assert_string_equal(i18n_negotiate("de:pl:en", NULL, NULL, NULL, "lt"), "pl");
	assert_string_equal(i18n_negotiate(NULL, "ru_RU.UTF-8", "pl_PL", "en_US", "lt"), "ru");
	assert_string_equal(i18n_negotiate(NULL, NULL, "pl_PL@euro", "en_US", "lt"), "pl");
	assert_string_equal(i18n_negotiate(NULL, "C.UTF-8", NULL, "en_GB.UTF-8", "lt"), "en");
	assert_string_equal(i18n_negotiate(NULL, NULL, NULL, NULL, "en"), "en");
	assert_string_equal(i18n_negotiate(NULL, NULL, NULL, NULL, NULL), "lt");
	assert_string_equal(i18n_negotiate(NULL, NULL, NULL, NULL, "xx"), "lt");

	assert_int_equal(i18n_locale_utf8("lt_LT.UTF-8"), 1);
	assert_int_equal(i18n_locale_utf8("en_US.utf8"), 1);
	assert_int_equal(i18n_locale_utf8("sr_RS.UTF-8@latin"), 1);
	assert_int_equal(i18n_locale_utf8("C.UTF-8"), 1);
	assert_int_equal(i18n_locale_utf8("lt_LT.ISO-8859-13"), 0);
	assert_int_equal(i18n_locale_utf8("C"), 0);
	assert_int_equal(i18n_locale_utf8("POSIX"), 0);
	assert_int_equal(i18n_locale_utf8("C.ascii"), 0);
	assert_int_equal(i18n_locale_utf8("lt_LT"), -1);
	assert_int_equal(i18n_locale_utf8("Cy_GB"), -1);
	assert_int_equal(i18n_locale_utf8(""), -1);
	assert_int_equal(i18n_locale_utf8(NULL), -1);
}

static void
assert_datetime(const char *lang, const char *want)
{
	char *s;

	assert_int_equal(i18n_set_lang(lang), 0);
	s = i18n_datetime(MONDAY_1505_UTC);
	assert_string_equal(s, want);
	free(s);
}

static void
test_datetime(void **state)
{
	char *s;

	(void)state;
	/* 18:05 is Vilnius time; the process's own zone is not used. The
	 * Lithuanian weekday is written out (a cryptic "pr" otherwise). */
	assert_datetime("lt", "2025-07-14, pirmadienis 18:05");
	assert_datetime("en", "Mon, 14 Jul 2025, 18:05");
	/* ICU 72 puts a narrow no-break space (U+202F) before р. and г. */
	assert_datetime("uk", "пн, 14 лип. 2025\u202Fр., 18:05");	/* JOURNEYS.md */
	assert_datetime("ru", "пн, 14 июл. 2025\u202Fг., 18:05");
	/* Polish months in the genitive: "1 maja", never "1 maj". */
	assert_datetime("pl", "pon., 14 lipca 2025 18:05");
	assert_int_equal(i18n_set_lang("pl"), 0);
	s = i18n_datetime(1746101100);	/* 2025-05-01 12:05 UTC */
	assert_string_equal(s, "czw., 1 maja 2025 15:05");
	free(s);
	/* Winter: UTC+2. */
	assert_int_equal(i18n_set_lang("lt"), 0);
	s = i18n_datetime(1736867100);	/* 2025-01-14 15:05 UTC */
	assert_string_equal(s, "2025-01-14, antradienis 17:05");
	free(s);
}

static void
test_to_ascii(void **state)
{
	char *s;

	(void)state;
	s = i18n_to_ascii("Київ");
	assert_string_equal(s, "Kyyiv");
	free(s);
	s = i18n_to_ascii("Харків");
	assert_string_equal(s, "Kharkiv");
	free(s);
	/* Line breaks and tabs stay (a plain-mode page is many lines). */
	s = i18n_to_ascii("Šaltas\nKyiv\r\n\tĄžuolas");
	assert_string_equal(s, "Saltas\nKyiv\r\n\tAzuolas");
	free(s);
	s = i18n_to_ascii("Київ\nдва");
	assert_string_equal(s, "Kyyiv\ndva");
	free(s);
	s = i18n_to_ascii("Щёлково");
	assert_string_equal(s, "Shchelkovo");
	free(s);
	s = i18n_to_ascii("Šiauliai");
	assert_string_equal(s, "Siauliai");
	free(s);
	s = i18n_to_ascii("Łódź, Straße");
	assert_string_equal(s, "Lodz, Strasse");
	free(s);
	s = i18n_to_ascii("漢 plain");
	assert_string_equal(s, "? plain");
	free(s);
}

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(i18n_width("Žalgiris"), 8);
	assert_int_equal(i18n_width("漢字"), 4);
	assert_int_equal(i18n_width("e\xcc\x81"), 1);	/* e + U+0301 */
	assert_int_equal(i18n_width(""), 0);
}

static void
test_graphemes(void **state)
{
	/* "ae" + U+0301 U+0323 + "z": the marks belong to the e. */
	const char	*s = "ae\xcc\x81\xcc\xa3z";
	char		*t;

	(void)state;
	assert_int_equal(i18n_next_grapheme(s, 0), 1);
	assert_int_equal(i18n_next_grapheme(s, 1), 6);
	assert_int_equal(i18n_next_grapheme(s, 6), 7);
	assert_int_equal(i18n_next_grapheme(s, 7), 7);
	assert_int_equal(i18n_prev_grapheme(s, 7), 6);
	assert_int_equal(i18n_prev_grapheme(s, 6), 1);
	assert_int_equal(i18n_prev_grapheme(s, 1), 0);
	assert_int_equal(i18n_prev_grapheme(s, 0), 0);

	t = i18n_truncate(s, 2);
	assert_string_equal(t, "ae\xcc\x81\xcc\xa3");
	free(t);
	t = i18n_truncate("漢字", 3);
	assert_string_equal(t, "漢");
	free(t);
	t = i18n_truncate("漢字", 1);
	assert_string_equal(t, "");
	free(t);
	t = i18n_truncate("Kaunas", 10);
	assert_string_equal(t, "Kaunas");
	free(t);
}

static void
test_wrap(void **state)
{
	const char	*text = "Šarūnas išėjo į mišką rinkti grybų, o Žydrūnė "
	    "liko namie skaityti knygos.\nAntra pastraipa.";
	char		**lines;
	int		  n, i;

	(void)state;
	n = i18n_wrap(text, 16, &lines);
	assert_true(n >= 6);
	for (i = 0; i < n; i++) {
		assert_true(i18n_width(lines[i]) <= 16);
		assert_true(lines[i][0] != '\0');
		assert_true(lines[i][strlen(lines[i]) - 1] != ' ');
	}
	assert_string_equal(lines[0], "Šarūnas išėjo į");
	assert_string_equal(lines[n - 1], "Antra pastraipa.");
	i18n_free_lines(lines, n);

	/* A word longer than the line is cut at graphemes. */
	n = i18n_wrap("ab 漢字漢字漢", 4, &lines);
	assert_int_equal(n, 4);
	assert_string_equal(lines[0], "ab");
	assert_string_equal(lines[1], "漢字");
	assert_string_equal(lines[2], "漢字");
	assert_string_equal(lines[3], "漢");
	i18n_free_lines(lines, n);

	n = i18n_wrap("one\n\ntwo", 10, &lines);
	assert_int_equal(n, 3);
	assert_string_equal(lines[1], "");
	i18n_free_lines(lines, n);

	/* A key name stays whole ("Ctrl-" / "X" read as two things); other
	 * words still break after their hyphen. */
	n = i18n_wrap("Tab, Ctrl-X sends", 10, &lines);
	assert_int_equal(n, 3);
	assert_string_equal(lines[0], "Tab,");
	assert_string_equal(lines[1], "Ctrl-X");
	i18n_free_lines(lines, n);
	assert_int_equal(i18n_wrap_line("Tab, Ctrl-X sends", 17, 0, 10), 5);
	n = i18n_wrap("aaaa e-mail", 7, &lines);
	assert_int_equal(n, 2);
	assert_string_equal(lines[0], "aaaa e-");
	i18n_free_lines(lines, n);
	assert_int_equal(i18n_wrap_line("aaaa e-mail", 11, 0, 7), 7);
	/* A dash does not start a line; a path is not split at a '/'. */
	n = i18n_wrap("d Delete, x \xe2\x80\x94 report", 12, &lines);
	assert_string_equal(lines[0], "d Delete,");
	assert_string_equal(lines[1], "x \xe2\x80\x94 report");
	i18n_free_lines(lines, n);
	/* File names and addresses stay whole at their hyphen; a plain
	 * hyphenated word before a full stop still breaks. */
	n = i18n_wrap("saves the file my-data.json:", 18, &lines);
	assert_int_equal(n, 2);
	assert_string_equal(lines[0], "saves the file");
	assert_string_equal(lines[1], "my-data.json:");
	i18n_free_lines(lines, n);
	n = i18n_wrap("Kontaktai: qa-admin@example.org", 24, &lines);
	assert_int_equal(n, 2);
	assert_string_equal(lines[1], "qa-admin@example.org");
	i18n_free_lines(lines, n);
	n = i18n_wrap("aaaa well-known.", 10, &lines);
	assert_string_equal(lines[0], "aaaa well-");
	i18n_free_lines(lines, n);
	n = i18n_wrap("from ~/.ssh/id.pub", 14, &lines);
	assert_int_equal(n, 2);
	assert_string_equal(lines[0], "from");
	assert_string_equal(lines[1], "~/.ssh/id.pub");
	i18n_free_lines(lines, n);
}

/* Recent times read relative, in the user's language; older ones as dates. */
static void
test_when(void **state)
{
	char *s;

	(void)state;
	i18n_set_lang("en");
	s = i18n_when(MONDAY_1505_UTC - 5 * 60, MONDAY_1505_UTC);
	/* The long style: words, no abbreviations, for reading aloud. */
	assert_string_equal(s, "5 minutes ago");
	free(s);
	i18n_set_lang("lt");
	s = i18n_when(MONDAY_1505_UTC - 3 * 3600, MONDAY_1505_UTC);
	assert_string_equal(s, "prieš 3 valandas");
	free(s);
	s = i18n_when(MONDAY_1505_UTC - 5 * 60, MONDAY_1505_UTC);
	assert_string_equal(s, "prieš 5 minutes");
	free(s);
	i18n_set_lang("uk");
	s = i18n_when(MONDAY_1505_UTC - 2 * 86400, MONDAY_1505_UTC);
	assert_string_equal(s, "2 дні тому");
	free(s);
	i18n_set_lang("ru");
	s = i18n_when(MONDAY_1505_UTC - 86400, MONDAY_1505_UTC);
	assert_string_equal(s, "1 день назад");
	free(s);
	i18n_set_lang("pl");
	s = i18n_when(MONDAY_1505_UTC - 3 * 3600, MONDAY_1505_UTC);
	assert_string_equal(s, "3 godziny temu");
	free(s);
	i18n_set_lang("en");
	s = i18n_when(MONDAY_1505_UTC - 30 * 86400, MONDAY_1505_UTC);
	assert_non_null(strstr(s, "2025"));	/* a month back: a date */
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plural_categories),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_collation),
		cmocka_unit_test(test_contains_and_fold),
		cmocka_unit_test(test_stems_and_confusables),
		cmocka_unit_test(test_negotiation),
		cmocka_unit_test(test_datetime),
		cmocka_unit_test(test_to_ascii),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_graphemes),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_when),
	};

	return cmocka_run_group_tests(tests, ti18n_setup, ti18n_teardown);
}
