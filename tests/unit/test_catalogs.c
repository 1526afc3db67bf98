/* The catalog lint: reads every key from the built ICU data (so it keeps
 * working as keys are added) and fails when a language lacks a key of the
 * English catalog or has one English lacks, a pattern does not parse, a
 * plural misses one of the language's CLDR categories (or names one the
 * language does not have), or an ASCII apostrophe stands before '{' (it
 * starts MessageFormat quoting: Об'{0}єкт prints "Об{0}єкт"). Uses ICU
 * directly; tests are exempt from the room rule. */
#include <ctype.h>
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/inbox.h"
#include "core/output.h"
#include "core/queue.h"

#include <unicode/udata.h>
#include <unicode/umsg.h>
#include <unicode/upluralrules.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#define PKG "tinklas_msgs"
extern const char tinklas_msgs_dat[];

/* Bundle name and the locale its plural rules come from. */
static const struct {
	const char *bundle;
	const char *locale;
} bundles[] = {
	{ "root", "en" }, { "en", "en" }, { "lt", "lt" }, { "uk", "uk" },
	{ "ru", "ru" }, { "pl", "pl" },
};
#define NBUNDLES (sizeof bundles / sizeof *bundles)

struct lint {
	const char	*locale;
	const UChar	*p;
	int32_t		 i;
	int32_t		 len;
	char		 why[256];
};

static bool	lint_message(struct lint *l, bool in_plural);

static void
fail_at(struct lint *l, const char *what, const char *detail)
{
	if (l->why[0] == '\0')
		snprintf(l->why, sizeof l->why, "%.100s%s%.100s (at %d)", what,
		    detail != NULL ? " " : "", detail != NULL ? detail : "",
		    (int)l->i);
}

static void
skip_space(struct lint *l)
{
	while (l->i < l->len && u_isUWhiteSpace(l->p[l->i]))
		l->i++;
}

/* Reads a word (argument name, type, selector) into out. */
static void
read_word(struct lint *l, char *out, size_t outsz)
{
	size_t n = 0;

	skip_space(l);
	while (l->i < l->len && !u_isUWhiteSpace(l->p[l->i]) &&
	    l->p[l->i] != ',' && l->p[l->i] != '{' && l->p[l->i] != '}') {
		if (n + 1 < outsz)
			out[n++] = l->p[l->i] < 0x80 ? (char)l->p[l->i] : '?';
		l->i++;
	}
	out[n] = '\0';
}

/* Skips a quoted span that starts at l->i (an apostrophe). ICU's default
 * mode: '' is one apostrophe; ' starts quoting only before { } (and | #
 * inside a plural). */
static void
skip_quote(struct lint *l, bool in_plural)
{
	UChar next = l->i + 1 < l->len ? l->p[l->i + 1] : 0;

	if (next == '\'') {
		l->i += 2;
		return;
	}
	if (next != '{' && next != '}' && !(in_plural && (next == '#' || next == '|'))) {
		l->i++;
		return;
	}
	for (l->i++; l->i < l->len; l->i++) {
		if (l->p[l->i] != '\'')
			continue;
		if (l->i + 1 < l->len && l->p[l->i + 1] == '\'') {
			l->i++;
			continue;
		}
		l->i++;
		return;
	}
}

/* Checks the options of a plural or select after "type,", up to and
 * including the closing brace. */
static bool
lint_options(struct lint *l, bool plural)
{
	UErrorCode	 st = U_ZERO_ERROR;
	UPluralRules	*rules;
	UEnumeration	*kws;
	char		 sel[32], have[8][32];
	const char	*kw;
	int		 nhave = 0, k;
	bool		 ok = true, found;

	for (;;) {
		skip_space(l);
		if (l->i >= l->len)
			return fail_at(l, "unclosed options", NULL), false;
		if (l->p[l->i] == '}') {
			l->i++;
			break;
		}
		read_word(l, sel, sizeof sel);
		if (sel[0] == '\0')
			return fail_at(l, "empty selector", NULL), false;
		if (plural && strncmp(sel, "offset:", 7) == 0)
			continue;
		skip_space(l);
		if (l->i >= l->len || l->p[l->i] != '{')
			return fail_at(l, "selector without a message:", sel), false;
		l->i++;
		if (!lint_message(l, plural))
			return false;
		if (plural && sel[0] != '=' && nhave < 8)
			strcpy(have[nhave++], sel);
	}
	if (!plural)
		return true;
	rules = uplrules_open(l->locale, &st);
	kws = uplrules_getKeywords(rules, &st);
	if (U_FAILURE(st))
		return fail_at(l, "no plural rules for", l->locale), false;
	/* Every category of the language is written out... */
	while ((kw = uenum_next(kws, NULL, &st)) != NULL) {
		for (found = false, k = 0; k < nhave && !found; k++)
			found = strcmp(have[k], kw) == 0;
		if (!found) {
			fail_at(l, "plural lacks category", kw);
			ok = false;
		}
	}
	/* ...and no other. */
	for (k = 0; k < nhave; k++) {
		uenum_reset(kws, &st);
		for (found = false; !found && (kw = uenum_next(kws, NULL, &st)) != NULL;)
			found = strcmp(have[k], kw) == 0;
		if (!found) {
			fail_at(l, "not a plural category of this language:", have[k]);
			ok = false;
		}
	}
	uenum_close(kws);
	uplrules_close(rules);
	return ok;
}

/* Checks one argument after its '{', up to and including its '}'. */
static bool
lint_argument(struct lint *l)
{
	char	name[32], type[32];
	int	depth = 1;

	read_word(l, name, sizeof name);
	if (name[0] == '\0' || strspn(name, "0123456789") != strlen(name))
		return fail_at(l, "argument is not a number:", name), false;
	skip_space(l);
	if (l->i < l->len && l->p[l->i] == '}') {
		l->i++;
		return true;
	}
	if (l->i >= l->len || l->p[l->i] != ',')
		return fail_at(l, "bad argument", name), false;
	l->i++;
	read_word(l, type, sizeof type);
	skip_space(l);
	if (strcmp(type, "plural") == 0 || strcmp(type, "selectordinal") == 0 ||
	    strcmp(type, "select") == 0) {
		if (l->i >= l->len || l->p[l->i] != ',')
			return fail_at(l, "options expected after", type), false;
		l->i++;
		return lint_options(l, strcmp(type, "select") != 0);
	}
	/* number, date, time, ...: skip the style. */
	for (; l->i < l->len && depth > 0; l->i++) {
		if (l->p[l->i] == '{')
			depth++;
		else if (l->p[l->i] == '}')
			depth--;
	}
	return depth == 0 ? true : (fail_at(l, "unclosed argument", name), false);
}

/* Checks message text up to the '}' closing it (inside options) or the
 * end. */
static bool
lint_message(struct lint *l, bool in_plural)
{
	while (l->i < l->len) {
		switch (l->p[l->i]) {
		case '\'':
			skip_quote(l, in_plural);
			break;
		case '{':
			l->i++;
			if (!lint_argument(l))
				return false;
			break;
		case '}':
			l->i++;
			return true;
		default:
			l->i++;
		}
	}
	return true;
}

/* Returns NULL when pattern is fine for locale, else why not (static). */
static const char *
check_pattern(const char *locale, const UChar *pattern, int32_t len)
{
	static struct lint	l;
	UErrorCode		st = U_ZERO_ERROR;
	UParseError		pe;
	UMessageFormat		*fmt;
	static const UChar	apos_brace[] = u"'{";

	memset(&l, 0, sizeof l);
	fmt = umsg_open(pattern, len, locale, &pe, &st);
	umsg_close(fmt);	/* ICU 72 returns an object even on failure */
	if (U_FAILURE(st)) {
		snprintf(l.why, sizeof l.why, "does not parse: %s at %d",
		    u_errorName(st), (int)pe.offset);
		return l.why;
	}
	if (u_strFindFirst(pattern, len, apos_brace, 2) != NULL)
		return "ASCII apostrophe before '{' (write \u2019 or '')";
	l.locale = locale;
	l.p = pattern;
	l.len = len;
	if (!lint_message(&l, false) || l.why[0] != '\0')
		return l.why;
	if (l.i < l.len)
		return "unbalanced '}'";
	return NULL;
}

static const char *
check_utf8(const char *locale, const char *s)
{
	static UChar	u[1024];
	UErrorCode	st = U_ZERO_ERROR;
	int32_t		len;

	u_strFromUTF8(u, 1024, &len, s, -1, &st);
	assert_false(U_FAILURE(st));
	return check_pattern(locale, u, len);
}

/* The lint itself must catch what it is for. */
static void
test_lint_catches_mistakes(void **state)
{
	(void)state;
	assert_null(check_utf8("lt", "{0, plural, one {# failas} few {# failai} "
	    "many {# failo} other {# failų}}"));
	assert_null(check_utf8("en", "It''s {0}; don't {1, number} 'quoted'"));
	assert_null(check_utf8("uk", "Об’{0}єкт"));
	assert_null(check_utf8("en", "{0, select, a {x {1, plural, one {#} other {#}}} "
	    "other {y}}"));
	assert_null(check_utf8("pl", "{0, plural, =0 {none} one {#} few {#} many {#} "
	    "other {#}}"));

	assert_non_null(check_utf8("lt", "{0, plural, one {# failas} other {# failų}}"));
	assert_non_null(check_utf8("en", "{0, plural, one {#} few {#} other {#}}"));
	assert_non_null(check_utf8("uk", "Об'{0}єкт"));
	assert_non_null(check_utf8("en", "{0, plural, one {#} other {#}"));
	assert_non_null(check_utf8("en", "Hello {name}"));
	assert_non_null(check_utf8("en", "{0, select, a {x {1, plural, one {#} "
	    "few {#} other {#}}} other {y}}"));
}

static UResourceBundle *
open_bundle(const char *name)
{
	UErrorCode	 st = U_ZERO_ERROR;
	UResourceBundle	*b = ures_openDirect(PKG, name, &st);

	if (U_FAILURE(st))
		fail_msg("bundle %s: %s", name, u_errorName(st));
	return b;
}

static void
test_every_language_has_every_key(void **state)
{
	UResourceBundle	*root, *b;
	UErrorCode	 st = U_ZERO_ERROR;
	const char	*key;
	int32_t		 len;
	size_t		 i;
	int		 bad = 0, nkeys = 0;

	(void)state;
	root = open_bundle("root");
	for (i = 1; i < NBUNDLES; i++) {
		b = open_bundle(bundles[i].bundle);
		ures_resetIterator(root);
		while (ures_hasNext(root)) {
			st = U_ZERO_ERROR;
			ures_getNextString(root, &len, &key, &st);
			assert_false(U_FAILURE(st));
			nkeys += i == 1;
			st = U_ZERO_ERROR;
			ures_getStringByKey(b, key, &len, &st);
			if (U_FAILURE(st)) {
				print_error("%s: missing key %s\n",
				    bundles[i].bundle, key);
				bad++;
			}
		}
		/* And nothing English does not have (a renamed key). */
		ures_resetIterator(b);
		while (ures_hasNext(b)) {
			st = U_ZERO_ERROR;
			ures_getNextString(b, &len, &key, &st);
			st = U_ZERO_ERROR;
			ures_getStringByKey(root, key, &len, &st);
			if (U_FAILURE(st)) {
				print_error("%s: key %s is not in en.po\n",
				    bundles[i].bundle, key);
				bad++;
			}
		}
		ures_close(b);
	}
	ures_close(root);
	assert_true(nkeys >= 21);
	assert_int_equal(bad, 0);
}

static void
test_every_pattern_is_valid(void **state)
{
	UResourceBundle	*b;
	UErrorCode	 st;
	const char	*key, *why;
	const UChar	*s;
	int32_t		 len;
	size_t		 i;
	int		 bad = 0, checked = 0;

	(void)state;
	for (i = 0; i < NBUNDLES; i++) {
		b = open_bundle(bundles[i].bundle);
		while (ures_hasNext(b)) {
			st = U_ZERO_ERROR;
			s = ures_getNextString(b, &len, &key, &st);
			assert_false(U_FAILURE(st));
			checked++;
			if ((why = check_pattern(bundles[i].locale, s, len)) != NULL) {
				print_error("%s: %s: %s\n", bundles[i].bundle,
				    key, why);
				bad++;
			}
		}
		ures_close(b);
	}
	assert_true(checked >= 6 * 21);
	assert_int_equal(bad, 0);
}

/* The first registration field is read before anyone chose a language:
 * the same five-language text in every catalog. */
static void
test_shared_texts_agree(void **state)
{
	static const char *const keys[] = { "register.language", "app.name" };
	UResourceBundle	*root, *b;
	UErrorCode	 st = U_ZERO_ERROR;
	const UChar	*want, *got;
	int32_t		 wlen, glen;
	size_t		 i, k;

	(void)state;
	root = open_bundle("root");
	for (i = 1; i < NBUNDLES; i++) {
		b = open_bundle(bundles[i].bundle);
		for (k = 0; k < sizeof keys / sizeof *keys; k++) {
			want = ures_getStringByKey(root, keys[k], &wlen, &st);
			got = ures_getStringByKey(b, keys[k], &glen, &st);
			assert_false(U_FAILURE(st));
			assert_int_equal(wlen, glen);
			assert_int_equal(u_strncmp(want, got, wlen), 0);
		}
		ures_close(b);
	}
	ures_close(root);
}

/* ---- Keys in the code against keys in the catalogs ----
 * The code names a catalog key as a string literal: T("menu.forums"),
 * TFA("forum.board.counts", ...), .help_key = "help.boards", tables of
 * keys. So every literal of the sources that looks like a key and lies in
 * a catalog's namespace (the part before the first '.') must be in the
 * catalogs, and every catalog key must occur as a literal. */

/* The rooms of the program (the Makefile's ROOMS). */
static const char *const src_dirs[] = {
	"common", "core", "i18n", "forms", "ui", "server", "cli",
};

/* Literals shaped like keys, in a catalog namespace, that are not keys. */
static const char *const not_keys[] = {
	/* Prefixes of keys: the registration form matches an error key to
	 * its field with strncmp (ui/screen-register.c). */
	"error.username", "error.display",
	/* Audit log actions (ui/screen-keys.c, cli/admin-key.c). */
	"key.add", "key.remove",
	NULL,
};

/* Keys the code builds at run time rather than naming them (a prefix and a
 * computed part); none today. */
static const char *const computed_prefixes[] = {
	NULL,
};

/* The kinds of inbox entry and queue item that the domains register
 * (core/domain.h), and the names of their outputs (core/output.h:
 * "calendar.ics"), are stable names shaped like keys, not keys. */
static bool
registered_kind(const char *s)
{
	return inbox_kind_find(s) != NULL || queue_kind_find(s) != NULL ||
	    output_find(s) != NULL;
}

struct strset {
	char	**v;
	size_t	 n;
};

static void
set_add(struct strset *s, const char *str, size_t len)
{
	s->v = realloc(s->v, (s->n + 1) * sizeof *s->v);
	assert_non_null(s->v);
	s->v[s->n] = strndup(str, len);
	assert_non_null(s->v[s->n]);
	s->n++;
}

static bool
set_has(const struct strset *s, const char *str)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i], str) == 0)
			return true;
	return false;
}

static void
set_free(struct strset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

/* Adds every string literal of C source text to out, as written (escapes
 * kept), skipping comments and character constants. */
static void
scan_literals(const char *src, struct strset *out)
{
	const char *p = src, *start;

	while (*p != '\0') {
		if (p[0] == '/' && p[1] == '*') {
			p = strstr(p + 2, "*/");
			p = p != NULL ? p + 2 : src + strlen(src);
		} else if (p[0] == '/' && p[1] == '/') {
			p += strcspn(p, "\n");
		} else if (*p == '\'' || *p == '"') {
			char q = *p++;

			for (start = p; *p != '\0' && *p != q; p++)
				if (*p == '\\' && p[1] != '\0')
					p++;
			if (q == '"')
				set_add(out, start, (size_t)(p - start));
			if (*p != '\0')
				p++;
		} else {
			p++;
		}
	}
}

/* Adds the key of every T("key") call of src to out: T() formats without
 * arguments, so its pattern must have none. */
static void
scan_t_calls(const char *src, struct strset *out)
{
	const char *p, *end;

	for (p = src; (p = strstr(p, "T(\"")) != NULL; p += 3) {
		if (p > src && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))
			continue;
		if ((end = strchr(p + 3, '"')) != NULL)
			set_add(out, p + 3, (size_t)(end - p - 3));
	}
}

/* "word.word[.word...]" of lower-case ASCII, digits, '_' and '-'. */
static bool
key_shaped(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_-.");

	return n == strlen(s) && n > 2 && s[0] >= 'a' && s[0] <= 'z' &&
	    strchr(s, '.') != NULL && s[n - 1] != '.' && strstr(s, "..") == NULL;
}

static char *
read_all(const char *path)
{
	FILE	*f = fopen(path, "r");
	char	*buf;
	long	 n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* The source tree: this file's path less tests/unit/test_catalogs.c (the
 * build compiles it from the top of the tree, where tests also run). */
static char *
source_root(void)
{
	const char	*me = __FILE__, *tail = "tests/unit/test_catalogs.c";
	size_t		 n = strlen(me) - strlen(tail);

	assert_true(strlen(me) >= strlen(tail) && strcmp(me + n, tail) == 0);
	return n == 0 ? strdup(".") : strndup(me, n - 1);
}

static void
scan_tree(struct strset *lits, struct strset *t_keys)
{
	char		*root = source_root(), path[4096], *text;
	struct dirent	*de;
	size_t		 i, nfiles = 0, len;
	DIR		*d;

	for (i = 0; i < sizeof src_dirs / sizeof *src_dirs; i++) {
		snprintf(path, sizeof path, "%s/%s", root, src_dirs[i]);
		d = opendir(path);
		if (d == NULL)
			fail_msg("cannot open %s", path);
		while ((de = readdir(d)) != NULL) {
			len = strlen(de->d_name);
			if (!(len > 2 && (strcmp(de->d_name + len - 2, ".c") == 0 ||
			    strcmp(de->d_name + len - 2, ".h") == 0)) &&
			    !(len > 4 && strcmp(de->d_name + len - 4, ".cpp") == 0))
				continue;
			snprintf(path, sizeof path, "%s/%s/%s", root, src_dirs[i],
			    de->d_name);
			assert_non_null(text = read_all(path));
			scan_literals(text, lits);
			scan_t_calls(text, t_keys);
			free(text);
			nfiles++;
		}
		closedir(d);
	}
	free(root);
	assert_true(nfiles > 20);
}

static bool
in_list(const char *const *list, const char *s, bool prefix)
{
	for (; *list != NULL; list++)
		if (prefix ? strncmp(s, *list, strlen(*list)) == 0 :
		    strcmp(s, *list) == 0)
			return true;
	return false;
}

/* The scanner itself: literals in code, not in comments or characters. */
static void
test_scanner_finds_literals(void **state)
{
	struct strset s = { 0 };

	(void)state;
	scan_literals("T(\"menu.forums\"); /* \"not.this\" */ c = '\"';\n"
	    "// \"nor.this\"\nx = \"esc\\\"aped.key\", \"help.boards\";", &s);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.v[0], "menu.forums");
	assert_string_equal(s.v[1], "esc\\\"aped.key");
	assert_string_equal(s.v[2], "help.boards");
	assert_true(key_shaped("menu.forums"));
	assert_true(key_shaped("list.unread.board"));
	assert_false(key_shaped("esc\\\"aped.key"));
	assert_false(key_shaped("tinklas"));
	assert_false(key_shaped("Menu.forums"));
	assert_false(key_shaped("report."));
	set_free(&s);
	scan_t_calls("x = T(\"a.b\"); TFA(\"c.d\", A_NUM(1)); HINT(\"e.f\"); T(\"g.h\")", &s);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.v[0], "a.b");
	assert_string_equal(s.v[1], "g.h");
	set_free(&s);
}

static void
test_code_and_catalogs_agree(void **state)
{
	UResourceBundle	*root;
	UErrorCode	 st = U_ZERO_ERROR;
	struct strset	 lits = { 0 }, keys = { 0 }, spaces = { 0 }, t_keys = { 0 };
	const char	*key;
	int32_t		 len;
	size_t		 i;
	int		 bad = 0;

	(void)state;
	root = open_bundle("root");
	while (ures_hasNext(root)) {
		st = U_ZERO_ERROR;
		ures_getNextString(root, &len, &key, &st);
		assert_false(U_FAILURE(st));
		set_add(&keys, key, strlen(key));
		if (!set_has(&spaces, key))
			set_add(&spaces, key, strcspn(key, "."));
	}
	scan_tree(&lits, &t_keys);
	/* T() formats without arguments: its keys' patterns have none ({0}
	 * would show as is). */
	for (i = 0; i < t_keys.n; i++) {
		const UChar *pat;

		st = U_ZERO_ERROR;
		pat = ures_getStringByKey(root, t_keys.v[i], &len, &st);
		if (U_SUCCESS(st) && u_strchr(pat, '{') != NULL) {
			print_error("T(\"%s\") shows its {0} as is: use TFA\n",
			    t_keys.v[i]);
			bad++;
		}
	}
	ures_close(root);

	/* Every key the code names is in the catalogs. */
	for (i = 0; i < lits.n; i++) {
		char ns[64];

		if (!key_shaped(lits.v[i]) || set_has(&keys, lits.v[i]) ||
		    in_list(not_keys, lits.v[i], false) ||
		    registered_kind(lits.v[i]))
			continue;
		snprintf(ns, sizeof ns, "%.*s", (int)strcspn(lits.v[i], "."),
		    lits.v[i]);
		if (set_has(&spaces, ns)) {
			print_error("the code names %s, which no catalog has\n",
			    lits.v[i]);
			bad++;
		}
	}
	/* Every key a catalog holds is named by the code. */
	for (i = 0; i < keys.n; i++) {
		if (set_has(&lits, keys.v[i]) ||
		    in_list(computed_prefixes, keys.v[i], true))
			continue;
		print_error("catalog key %s is used nowhere in the code\n",
		    keys.v[i]);
		bad++;
	}
	/* A positive control on the same data: a key the menu uses. */
	assert_true(set_has(&lits, "menu.forums") && set_has(&keys, "menu.forums"));
	set_free(&lits);
	set_free(&keys);
	set_free(&spaces);
	set_free(&t_keys);
	assert_int_equal(bad, 0);
}

static int
setup(void **state)
{
	UErrorCode st = U_ZERO_ERROR;

	(void)state;
	udata_setAppData(PKG, tinklas_msgs_dat, &st);
	return U_FAILURE(st) ? -1 : 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lint_catches_mistakes),
		cmocka_unit_test(test_every_language_has_every_key),
		cmocka_unit_test(test_every_pattern_is_valid),
		cmocka_unit_test(test_shared_texts_agree),
		cmocka_unit_test(test_scanner_finds_literals),
		cmocka_unit_test(test_code_and_catalogs_agree),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
