/* Normalisation and accent-blind, case-blind search keys. */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "common/xalloc.h"
#include "i18n/internal.h"

/* Letters with no canonical decomposition that search should still match
 * by their base letter: Łódź / lodz, and Ukrainian ґ / г (many keyboards
 * and writers use г for both). Case folding has already made them small
 * (and ß ss). A change here changes the indexed text: a migration must
 * rewrite post_fts (the forums domain, core/domain-forums.c, did so for ґ). */
static const struct {
	UChar32		 from;
	const char	*to;	/* UTF-8 */
} extra_folds[] = {
	{ 0x00E6, "ae" },	/* æ */
	{ 0x00F0, "d" },	/* ð */
	{ 0x00F8, "o" },	/* ø */
	{ 0x00FE, "th" },	/* þ */
	{ 0x0111, "d" },	/* đ */
	{ 0x0127, "h" },	/* ħ */
	{ 0x0131, "i" },	/* ı */
	{ 0x0140, "l" },	/* ŀ */
	{ 0x0142, "l" },	/* ł */
	{ 0x0153, "oe" },	/* œ */
	{ 0x0167, "t" },	/* ŧ */
	{ 0x0491, "г" },	/* ґ */
};

static UChar	*normalize(const UNormalizer2 *n, const UChar *u, int32_t len,
		    int32_t *outlen);
static char	*normalize_utf8(const UNormalizer2 *n, const char *s);

/* Newly allocated n(u); on failure a copy of u. */
static UChar *
normalize(const UNormalizer2 *n, const UChar *u, int32_t len, int32_t *outlen)
{
	UErrorCode	 st = U_ZERO_ERROR;
	int32_t		 cap = len * 3 + 16, got;
	UChar		*out = xmalloc((size_t)cap * sizeof *out);

	got = unorm2_normalize(n, u, len, out, cap, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR) {
		cap = got + 1;
		out = xrealloc(out, (size_t)cap * sizeof *out);
		st = U_ZERO_ERROR;
		got = unorm2_normalize(n, u, len, out, cap, &st);
	}
	if (U_FAILURE(st) || got >= cap) {
		got = len;
		out = xrealloc(out, ((size_t)len + 1) * sizeof *out);
		u_memcpy(out, u, len);
	}
	out[got] = 0;
	*outlen = got;
	return out;
}

static char *
normalize_utf8(const UNormalizer2 *n, const char *s)
{
	UChar	*u, *v;
	int32_t	 len, vlen;
	char	*out;

	u = i18n_u16(s, &len);
	v = normalize(n, u, len, &vlen);
	out = i18n_u8(v, vlen);
	free(u);
	free(v);
	return out;
}

char *
i18n_nfc(const char *s)
{
	UErrorCode st = U_ZERO_ERROR;

	return normalize_utf8(unorm2_getNFCInstance(&st), s);
}

char *
i18n_nfkc_casefold(const char *s)
{
	UErrorCode st = U_ZERO_ERROR;

	return normalize_utf8(unorm2_getNFKCCasefoldInstance(&st), s);
}

bool
i18n_is_combining(uint32_t cp)
{
	int8_t t = u_charType((UChar32)cp);

	return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
	    t == U_ENCLOSING_MARK;
}

/* Appends the search-key form of one code point of case-folded NFD text. */
static void
fold_cp(UChar32 c, UChar *out, int32_t *n)
{
	size_t		 i, j;
	const char	*p;
	UChar32		 to;

	if (u_charType(c) == U_NON_SPACING_MARK)
		return;			/* the accents */
	if (c == 0x0027 || c == 0x02BC) {
		out[(*n)++] = 0x2019;	/* one apostrophe for Ukrainian */
		return;
	}
	for (i = 0; i < sizeof extra_folds / sizeof *extra_folds; i++) {
		if (extra_folds[i].from != c)
			continue;
		p = extra_folds[i].to;
		for (j = 0; p[j] != '\0';) {
			U8_NEXT_UNSAFE(p, j, to);
			U16_APPEND_UNSAFE(out, *n, to);
		}
		return;
	}
	U16_APPEND_UNSAFE(out, *n, c);
}

char *
i18n_fold(const char *s)
{
	UErrorCode	 st = U_ZERO_ERROR;
	UChar		*u, *folded, *nfd, *keyu, *nfc;
	int32_t		 len, flen, nlen, klen = 0, clen, i;
	UChar32		 c;
	char		*out;

	u = i18n_u16(s, &len);
	/* Full case folding: also ß -> ss. At most three units per unit. */
	folded = xmalloc(((size_t)len * 3 + 1) * sizeof *folded);
	flen = u_strFoldCase(folded, len * 3 + 1, u, len, U_FOLD_CASE_DEFAULT, &st);
	if (U_FAILURE(st)) {
		u_memcpy(folded, u, len);
		flen = len;
	}
	st = U_ZERO_ERROR;
	nfd = normalize(unorm2_getNFDInstance(&st), folded, flen, &nlen);
	/* An extra fold is at most two units for one. */
	keyu = xmalloc(((size_t)nlen * 2 + 1) * sizeof *keyu);
	for (i = 0; i < nlen;) {
		U16_NEXT(nfd, i, nlen, c);
		fold_cp(c, keyu, &klen);
	}
	nfc = normalize(unorm2_getNFCInstance(&st), keyu, klen, &clen);
	out = i18n_u8(nfc, clen);
	free(u);
	free(folded);
	free(nfd);
	free(keyu);
	free(nfc);
	return out;
}

size_t
i18n_next_word(const char *s, size_t off, size_t *start)
{
	size_t i, end;
	UChar32 c;
	int8_t t;
	bool in = false;

	for (i = off; s[i] != '\0';) {
		end = i;
		U8_NEXT_UNSAFE(s, end, c);
		t = u_charType(c);
		/* FTS5 unicode61's token characters: L*, N*, Co. */
		if ((t >= U_UPPERCASE_LETTER && t <= U_OTHER_LETTER) ||
		    (t >= U_DECIMAL_DIGIT_NUMBER && t <= U_OTHER_NUMBER) ||
		    t == U_PRIVATE_USE_CHAR) {
			if (!in)
				*start = i;
			in = true;
		} else if (in)
			return i - *start;
		i = end;
	}
	if (!in)
		*start = i;
	return in ? i - *start : 0;
}

bool
i18n_contains(const char *haystack, const char *needle)
{
	char	*h, *n;
	bool	 found;

	if (*needle == '\0')
		return true;
	h = i18n_fold(haystack);
	n = i18n_fold(needle);
	found = strstr(h, n) != NULL;
	free(h);
	free(n);
	return found;
}
