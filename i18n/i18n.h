/* Tinklas's languages, through ICU: translated messages with plurals, dates
 * and times in the site's zone, collation, accent-blind folding, ASCII
 * transliteration, display width, grapheme movement and line wrapping.
 * The only header outside i18n/ that speaks of ICU's work; no ICU type
 * escapes it. All strings in and out are UTF-8.
 *
 * One process has one current language (a UI process serves one person);
 * i18n_set_lang switches it live. */
#ifndef TINKLAS_I18N_H
#define TINKLAS_I18N_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define I18N_NLANGS 5
/* "lt", "en", "uk", "ru", "pl": the order of every language menu. */
extern const char *const i18n_langs[I18N_NLANGS];

/* Opens the built-in catalogs; tz is the zone dates are shown in
 * ("Europe/Vilnius"). Returns 0, or -1 when ICU data cannot be opened. */
int i18n_init(const char *tz);
void i18n_shutdown(void);

/* Sets the current language; code must be one of i18n_langs (else -1). */
int i18n_set_lang(const char *code);
const char *i18n_lang(void);
/* True when code is one of i18n_langs. */
bool i18n_lang_valid(const char *code);
/* The language's name in itself: "Lietuvių", "Українська". */
const char *i18n_lang_name(const char *code);

/* Picks a language from the client's environment, in the order LANGUAGE,
 * LC_ALL, LC_MESSAGES, LANG (any may be NULL); falls back to site_default.
 * Returns one of i18n_langs. */
const char *i18n_negotiate(const char *language, const char *lc_all,
    const char *lc_messages, const char *lang, const char *site_default);
/* What a client's locale string says of its terminal: 1 for a UTF-8
 * codeset ("lt_LT.UTF-8", "C.UTF-8"), 0 for another codeset
 * ("lt_LT.ISO-8859-13") or the ASCII locales "C" and "POSIX", -1 when it
 * does not say (NULL, "", "lt_LT"). */
int i18n_locale_utf8(const char *locale);

/* The text of a catalog key in the current language, with no arguments.
 * Missing keys give English; an unknown key gives the key itself. The
 * string stays valid until the language changes. */
const char *T(const char *key);

struct i18n_arg {
	enum { IA_STR, IA_NUM, IA_DATE } type;
	const char *s;
	double	 n;
	int64_t	 t;	/* seconds since the epoch, UTC */
};
#define A_STR(x)	((struct i18n_arg){ .type = IA_STR, .s = (x) })
#define A_NUM(x)	((struct i18n_arg){ .type = IA_NUM, .n = (double)(x) })
#define A_DATE(x)	((struct i18n_arg){ .type = IA_DATE, .t = (x) })
/* Formats key's ICU MessageFormat pattern with numbered arguments {0}, {1}
 * ... ; plurals take A_NUM. Returns a newly allocated string. */
char *TF(const char *key, int nargs, const struct i18n_arg *args);
#define TFA(key, ...) TF((key), \
    (int)(sizeof((struct i18n_arg[]){ __VA_ARGS__ }) / sizeof(struct i18n_arg)), \
    (struct i18n_arg[]){ __VA_ARGS__ })

/* Date and time of t in the site zone and current language, medium style
 * ("2025-07-14, pirmadienis 18:05" in lt, "пн, 14 лип. 2025 р., 18:05" in
 * uk, "czw., 1 maja 2025 15:05" in pl). Newly allocated. */
char *i18n_datetime(int64_t t);
/* When t happened, seen at now: relative within a week ("5 minutes ago",
 * "prieš 3 valandas", "now"), else as i18n_datetime. Newly allocated. */
char *i18n_when(int64_t t, int64_t now);
/* CLDR plural category ("one", "few", "many", "other") of n in lang. */
const char *i18n_plural_category(const char *lang, double n);

/* Compares with the current language's collator (lt: c < č < d, y among
 * the i-words). Returns <0, 0, >0. */
int i18n_collate(const char *a, const char *b);
/* A search key: NFC, case-folded, accents removed, also for letters
 * Unicode does not decompose (Ł, ß), U+02BC made U+2019. Newly allocated. */
char *i18n_fold(const char *s);
/* The next word of s at or after byte off as SQLite's FTS5 unicode61
 * tokenizer cuts words (letters, digits, private use): sets *start and
 * returns its length in bytes, 0 at the end. */
size_t i18n_next_word(const char *s, size_t off, size_t *start);
/* True when needle occurs in haystack ignoring case and accents
 * ("sarunas" in "Šarūnas"). */
bool i18n_contains(const char *haystack, const char *needle);
/* The stem of word in lang ("biblioteka" -> "bibliotek" in lt), small
 * letters with accents, when a stemmer for lang exists (lt, ru, en) and
 * it only cut an ending of 4 or more letters; else NULL. Newly
 * allocated. */
char *i18n_stem(const char *word, const char *lang);
/* True when readers could take one name for the other: the same with
 * case and accents folded, or confusable by ICU's spoof checker (Latin
 * and Cyrillic look-alikes). */
bool i18n_confusable(const char *a, const char *b);
/* Unicode NFC and NFKC_Casefold; newly allocated. */
char *i18n_nfc(const char *s);
char *i18n_nfkc_casefold(const char *s);
/* True for code points of general category Mn, Mc or Me. */
bool i18n_is_combining(uint32_t cp);

/* Transliterates to ASCII for terminals that are not UTF-8 (uk and ru
 * through BGN romanisation); what remains non-ASCII becomes '?'. */
char *i18n_to_ascii(const char *s);
/* Display columns of s as the terminal will draw it (wcwidth under
 * C.UTF-8, whatever the locale of the process). */
int i18n_width(const char *s);
/* Byte offset of the grapheme boundary after / before off in s. */
size_t i18n_next_grapheme(const char *s, size_t off);
size_t i18n_prev_grapheme(const char *s, size_t off);
/* Wraps s (may hold '\n') at width columns by ICU line breaking. Returns the
 * number of lines; *lines is an allocated array of allocated strings, freed
 * with i18n_free_lines. */
int i18n_wrap(const char *s, int width, char ***lines);
void i18n_free_lines(char **lines, int n);
/* Cuts s to at most width columns at a grapheme boundary; newly allocated. */
char *i18n_truncate(const char *s, int width);

/* One visual line of wrapped text: bytes [start, end) of the string. */
struct i18n_span {
	size_t	start;
	size_t	end;
};
/* Where the visual line that starts at byte start of the paragraph p[0..n)
 * (no '\n' in it) ends when wrapped at width columns as i18n_wrap does: the
 * next line's start (trailing blanks stay on this line and may pass width),
 * or n. Lays out one line, so editors can redo only what an edit touched. */
size_t i18n_wrap_line(const char *p, size_t n, size_t start, int width);
/* Wraps s as i18n_wrap but gives byte spans: every paragraph, also an empty
 * one and the one after a final '\n', has at least one span, and a span's
 * end excludes the '\n'. Returns the count (>= 1); free(*out). */
int i18n_wrap_spans(const char *s, int width, struct i18n_span **out);
/* Display columns of s[0..n): i18n_width of a part of a string. */
int i18n_width_n(const char *s, size_t n);
/* Bytes of the longest run of whole graphemes of s[0..n) that fits in col
 * columns (0 when none does): where a cursor lands on a column. */
size_t i18n_column_offset(const char *s, size_t n, int col);

#endif
