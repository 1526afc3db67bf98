/* Display width and grapheme clusters of UTF-8 text, as the terminal
 * (ncursesw, under the C.UTF-8 locale) will draw it. */
#include <locale.h>
#include <string.h>
#include <wchar.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "common/log.h"
#include "common/xalloc.h"
#include "i18n/internal.h"

static UBreakIterator *chars;
/* C.UTF-8 for wcwidth alone: the width of a text is the UI's whatever
 * locale the process runs in (the admin command never sets one, and under
 * "C" every non-ASCII character would count 0 columns). */
static locale_t utf8_ctype;

void
i18n_text_close(void)
{
	if (chars != NULL)
		ubrk_close(chars);
	chars = NULL;
	if (utf8_ctype != (locale_t)0)
		freelocale(utf8_ctype);
	utf8_ctype = (locale_t)0;
}

int
i18n_cp_width(UChar32 c)
{
	static bool told;
	locale_t was;
	int cw;

	if (c < 0)
		return 1;		/* drawn as U+FFFD */
	if (utf8_ctype == (locale_t)0 && (utf8_ctype = newlocale(LC_CTYPE_MASK,
	    "C.UTF-8", (locale_t)0)) == (locale_t)0 && !told) {
		log_error("%s: newlocale C.UTF-8 failed", __func__);
		told = true;
	}
	/* Without it (never on Debian: glibc has C.UTF-8 built in) the
	 * process's locale is all there is. */
	was = utf8_ctype != (locale_t)0 ? uselocale(utf8_ctype) : (locale_t)0;
	cw = wcwidth((wchar_t)c);
	if (was != (locale_t)0)
		(void)uselocale(was);
	return cw < 0 ? 0 : cw;	/* controls: the sanitiser removes them */
}

/* The grapheme iterator set on s[0..n), or NULL. The UText is only read
 * while the caller's string is alive. */
static UBreakIterator *
graphemes(const char *s, size_t n)
{
	UErrorCode	st = U_ZERO_ERROR;
	UText		ut = UTEXT_INITIALIZER;

	if (chars == NULL) {
		chars = ubrk_open(UBRK_CHARACTER, "", NULL, 0, &st);
		if (U_FAILURE(st)) {
			log_error("%s: ubrk_open: %s", __func__, u_errorName(st));
			chars = NULL;
			return NULL;
		}
	}
	utext_openUTF8(&ut, s, (int64_t)n, &st);
	ubrk_setUText(chars, &ut, &st);
	utext_close(&ut);
	return U_FAILURE(st) ? NULL : chars;
}

int
i18n_span_width(const char *s, size_t n)
{
	const uint8_t	*u = (const uint8_t *)s;
	int32_t		 i = 0, len = (int32_t)n;
	int		 w = 0;
	UChar32		 c;

	while (i < len) {
		U8_NEXT(u, i, len, c);
		w += i18n_cp_width(c);
	}
	return w;
}

int
i18n_width(const char *s)
{
	return i18n_span_width(s, strlen(s));
}

size_t
i18n_next_grapheme(const char *s, size_t off)
{
	size_t		 len = strlen(s);
	UBreakIterator	*bi;
	int32_t		 b;

	if (off >= len)
		return len;
	if ((bi = graphemes(s, len)) == NULL)
		return off + 1;
	b = ubrk_following(bi, (int32_t)off);
	return b == UBRK_DONE ? len : (size_t)b;
}

size_t
i18n_prev_grapheme(const char *s, size_t off)
{
	size_t		 len = strlen(s);
	UBreakIterator	*bi;
	int32_t		 b;

	if (off == 0)
		return 0;
	if (off > len)
		off = len;
	if ((bi = graphemes(s, len)) == NULL)
		return off - 1;
	b = ubrk_preceding(bi, (int32_t)off);
	return b == UBRK_DONE ? 0 : (size_t)b;
}

size_t
i18n_fit(const char *s, size_t n, int width)
{
	UBreakIterator	*bi = graphemes(s, n);
	int32_t		 a = 0, b;
	int		 used = 0, w;

	if (bi == NULL)
		return n;
	ubrk_first(bi);
	while ((b = ubrk_next(bi)) != UBRK_DONE) {
		w = i18n_span_width(s + a, (size_t)(b - a));
		if (used + w > width)
			return a > 0 ? (size_t)a : (size_t)b;
		used += w;
		a = b;
	}
	return n;
}

char *
i18n_truncate(const char *s, int width)
{
	size_t	n = strlen(s), k;

	if (i18n_width(s) <= width)
		return xstrdup(s);
	if (width <= 0)
		return xstrdup("");
	k = i18n_fit(s, n, width);
	/* i18n_fit keeps one grapheme even when it is too wide. */
	if (i18n_span_width(s, k) > width)
		k = 0;
	return xstrndup(s, k);
}
