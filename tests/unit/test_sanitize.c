/* The sanitiser: concrete cases from RELIABILITY.md, and its properties on
 * many random inputs: valid UTF-8 out, no terminal control survives, at
 * most four combining marks in a row, limits hold, and sanitising twice
 * changes nothing. */
#include "core/sanitize.h"
#include "i18n/i18n.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

static void
check(const char *in, enum sanitize_kind kind, const char *want)
{
	char *got = sanitize(in, strlen(in), kind, 0, 0);

	assert_string_equal(got, want);
	free(got);
}

static void
check_limited(const char *in, size_t max_cp, int max_cols, const char *want)
{
	char *got = sanitize(in, strlen(in), SANITIZE_LINE, max_cp, max_cols);

	assert_string_equal(got, want);
	free(got);
}

static void
test_controls(void **state)
{
	(void)state;
	/* The control itself goes; what is left cannot act. */
	check("\x1b]0;pwned\x07title", SANITIZE_LINE, "]0;pwnedtitle");
	check("a\x1b\x1b[[31mb", SANITIZE_BODY, "a[[31mb");
	check("over\bwrite", SANITIZE_BODY, "overwrite");
	check("x\x7fy", SANITIZE_LINE, "xy");
	/* C1 CSI (U+009B) and OSC (U+009D) encoded as UTF-8. */
	check("\xc2\x9b" "31m\xc2\x9dz", SANITIZE_BODY, "31mz");
	check("bidi\u202eevil\u2066x\u2069\u202a", SANITIZE_BODY,
	    "bidievilx");
	check("tag\U000E0041\U000E007F", SANITIZE_BODY, "tag");
	check("non\ufdd0char\uffff\U0001FFFE", SANITIZE_BODY, "nonchar");
	check("ann\ufff9o\ufffa\ufffb", SANITIZE_BODY, "anno");
}

static void
test_nul_inside(void **state)
{
	char *got = sanitize("a\0b", 3, SANITIZE_BODY, 0, 0);

	(void)state;
	assert_string_equal(got, "ab");
	free(got);
}

static void
test_bad_utf8(void **state)
{
	(void)state;
	check("abc\xff\xfe" "def", SANITIZE_BODY, "abc\ufffd\ufffddef");
	/* Overlong "/" and overlong NUL. */
	check("\xc0\xaf|\xe0\x80\xaf|\xc0\x80", SANITIZE_BODY,
	    "\ufffd\ufffd|\ufffd\ufffd\ufffd|\ufffd\ufffd");
	/* A UTF-16 surrogate, and a code point past U+10FFFF. */
	check("\xed\xa0\x80", SANITIZE_BODY, "\ufffd\ufffd\ufffd");
	check("\xf4\x90\x80\x80", SANITIZE_BODY,
	    "\ufffd\ufffd\ufffd\ufffd");
	/* A cut sequence: the valid prefix becomes one U+FFFD. */
	check("\xe2\x82x", SANITIZE_BODY, "\ufffdx");
	check("end\xf0\x9f\x98", SANITIZE_BODY, "end\ufffd");
	check("ok \xf0\x9f\x98\x80", SANITIZE_BODY, "ok \U0001F600");
}

static void
test_lines_and_bodies(void **state)
{
	(void)state;
	check("one\r\ntwo\rthree\n\tfour", SANITIZE_BODY,
	    "one\ntwo\nthree\n\tfour");
	check("  Rūta \t  Petraitienė\r\n ", SANITIZE_LINE,
	    "Rūta Petraitienė");
	check("a\u200bb\u00adc\ufeffd\u2028e\u2060f\u061cg\u180eh", SANITIZE_LINE,
	    "abcdefgh");
	/* Bodies keep zero-width characters that one-line fields lose. */
	check("a\u200bb", SANITIZE_BODY, "a\u200bb");
	check("   ", SANITIZE_LINE, "");
}

static void
test_nfc_and_marks(void **state)
{
	char *got;
	size_t n;

	(void)state;
	check("e\u0301", SANITIZE_LINE, "\u00e9");
	check("Ru\u0304ta", SANITIZE_LINE, "R\u016bta");
	/* Zalgo: x takes no precomposed mark, so four of six stay. */
	check("x\u0300\u0301\u0302\u0303\u0304\u0305y", SANITIZE_BODY,
	    "x\u0300\u0301\u0302\u0303y");
	/* A deleted control does not end a run of marks. */
	check("x\u0300\u0301\u0302\u200b\u0303\u0304\u0305", SANITIZE_LINE,
	    "x\u0300\u0301\u0302\u0303");
	/* U+0958 is excluded from composition: NFC turns it into U+0915
	 * U+093C, making a run of five nuktas from four. */
	got = sanitize("\u0958\u093c\u093c\u093c\u093c", 15, SANITIZE_BODY, 0,
	    0);
	n = strlen(got);
	assert_string_equal(got, "\u0915\u093c\u093c\u093c\u093c");
	assert_int_equal(n, 15);
	free(got);
}

static void
test_limits(void **state)
{
	(void)state;
	check_limited("abcdef", 3, 0, "abc");
	check_limited("ab cd", 3, 0, "ab");
	check_limited("Олена Коваленко", 5, 0, "Олена");
	/* CJK takes two columns each. */
	check_limited("日本語テキスト", 0, 5, "日本");
	check_limited("日本語テキスト", 2, 10, "日本");
	assert_int_equal(utf8_count("Rūta"), 4);
	assert_int_equal(utf8_count(""), 0);
}

/* Decodes one UTF-8 character strictly; returns its length, 0 if bad. */
static size_t
decode(const unsigned char *s, uint32_t *cp)
{
	size_t n, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		n = 2;
		*cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3;
		*cp = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4;
		*cp = s[0] & 0x07;
	} else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 2 && *cp < 0x80) || (n == 3 && *cp < 0x800) ||
	    (n == 4 && *cp < 0x10000) || *cp > 0x10ffff ||
	    (*cp >= 0xd800 && *cp <= 0xdfff))
		return 0;
	return n;
}

static bool
forbidden(uint32_t c, enum sanitize_kind kind)
{
	if (c == '\n' || c == '\t')
		return kind == SANITIZE_LINE;
	if (c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	    (c >= 0xe0000 && c <= 0xe007f) || (c >= 0xfdd0 && c <= 0xfdef) ||
	    (c & 0xfffe) == 0xfffe || (c >= 0xfff9 && c <= 0xfffb))
		return true;
	return kind == SANITIZE_LINE && (c == 0xad || c == 0x61c ||
	    c == 0x180e || (c >= 0x200b && c <= 0x200f) || c == 0x2028 ||
	    c == 0x2029 || (c >= 0x2060 && c <= 0x2064) || c == 0xfeff);
}

/* Asserts every property of out = sanitize(in). */
static void
check_properties(const char *in, size_t len, enum sanitize_kind kind,
    size_t max_cp, int max_cols)
{
	char *out = sanitize(in, len, kind, max_cp, max_cols), *again;
	const unsigned char *p = (const unsigned char *)out;
	uint32_t c = 0;
	size_t n, cps = 0;
	int run = 0;

	while (*p != '\0') {
		n = decode(p, &c);
		assert_true(n > 0);
		assert_false(forbidden(c, kind));
		run = i18n_is_combining(c) ? run + 1 : 0;
		assert_true(run <= 4);
		p += n;
		cps++;
	}
	if (kind == SANITIZE_LINE) {
		assert_null(strstr(out, "  "));
		assert_true(out[0] != ' ');
		assert_true(*out == '\0' || out[strlen(out) - 1] != ' ');
		if (max_cp > 0)
			assert_true(cps <= max_cp);
		if (max_cols > 0)
			assert_true(i18n_width(out) <= max_cols);
	}
	again = sanitize(out, strlen(out), kind, max_cp, max_cols);
	assert_string_equal(again, out);
	free(again);
	free(out);
}

/* Characters that make trouble, as UTF-8, for the random mixes. */
static const char *const pieces[] = {
	"\x1b", "\x07", "\r", "\n", "\t", "\b", "\x7f", "\0", " ", "  ", "[",
	"a", "Z", "ū", "ė", "ж", "日", "\xc2\x9b", "\xc2\x85", "\u202e",
	"\u2066", "\u200b", "\u200d", "\u00ad", "\ufeff", "\u2028", "\U000E0041",
	"\ufdd0", "\uffff", "\ufff9", "\u0301", "\u0300", "\u0304", "\u093c",
	"\u0958", "\u1100", "\u1161", "\u11a8", "\U0001F600", "\ufe0f",
	"\xff", "\xc0", "\xe0\x80", "\xed\xa0", "\xf4\x90", "\xe2\x82",
	"\xf0\x9f\x98", "e", "\u0ca7", "\u0c95\u0cbf", "\u0b47", "\u0b3e",
};

static void
test_random_properties(void **state)
{
	unsigned char buf[96];
	char mix[256];
	size_t len, plen, i, k;
	int round;

	(void)state;
	srand(20250714);
	for (round = 0; round < 4000; round++) {
		/* Random bytes. */
		len = (size_t)rand() % sizeof buf;
		for (i = 0; i < len; i++)
			buf[i] = (unsigned char)rand();
		check_properties((char *)buf, len, SANITIZE_BODY, 0, 0);
		check_properties((char *)buf, len, SANITIZE_LINE, 0, 0);
		check_properties((char *)buf, len, SANITIZE_LINE, 1 + rand() % 20,
		    1 + rand() % 20);

		/* Random mixes of troublesome pieces. */
		len = 0;
		k = (size_t)rand() % 24;
		for (i = 0; i < k; i++) {
			const char *pc = pieces[rand() %
			    (int)(sizeof pieces / sizeof pieces[0])];

			plen = pc[0] == '\0' ? 1 : strlen(pc);
			if (len + plen >= sizeof mix)
				break;
			memcpy(mix + len, pc, plen);
			len += plen;
		}
		check_properties(mix, len, SANITIZE_BODY, 0, 0);
		check_properties(mix, len, SANITIZE_LINE, 0, 0);
		check_properties(mix, len, SANITIZE_LINE, 1 + rand() % 12,
		    1 + rand() % 12);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_nul_inside),
		cmocka_unit_test(test_bad_utf8),
		cmocka_unit_test(test_lines_and_bodies),
		cmocka_unit_test(test_nfc_and_marks),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_random_properties),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
