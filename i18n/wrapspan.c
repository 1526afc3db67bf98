/* Wrapping that reports byte offsets, for editors and pagers that must map
 * a cursor to (row, column): one visual line at a time, so an editor can
 * lay out again only the lines an edit touched. Breaks as i18n_wrap does
 * (ICU line breaking, trailing blanks hang, too-long words cut at
 * graphemes). */
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "common/log.h"
#include "common/xalloc.h"
#include "i18n/internal.h"

/* ICU sees the line from this many bytes before its start (line-break rules
 * look back across spaces) to a window's end; break positions closer than
 * MARGIN to a window's end that is not the paragraph's end are not trusted,
 * since the rules also look ahead. */
#define CONTEXT	32
#define MARGIN	32

static UBreakIterator *liner;

static bool	scan(const char *, size_t, size_t, size_t, size_t, int,
		    size_t *);

void
i18n_wrapspan_close(void)
{
	if (liner != NULL)
		ubrk_close(liner);
	liner = NULL;
}

/* The line-break iterator set on s[0..n), or NULL. */
static UBreakIterator *
breaks(const char *s, size_t n)
{
	UErrorCode	st = U_ZERO_ERROR;
	UText		ut = UTEXT_INITIALIZER;

	if (liner == NULL) {
		liner = ubrk_open(UBRK_LINE, "", NULL, 0, &st);
		if (U_FAILURE(st)) {
			log_error("%s: ubrk_open: %s", __func__,
			    u_errorName(st));
			liner = NULL;
			return NULL;
		}
	}
	utext_openUTF8(&ut, s, (int64_t)n, &st);
	ubrk_setUText(liner, &ut, &st);
	utext_close(&ut);
	return U_FAILURE(st) ? NULL : liner;
}

/* Where a line cut inside a word ends: whole graphemes within width, at
 * least one. x is where the width ran over; a little past it keeps the
 * grapheme there whole. */
static size_t
cut(const char *p, size_t n, size_t start, size_t x, int width)
{
	size_t	lim = n - x > 32 ? x + 32 : n;

	return start + i18n_fit(p + start, lim - start, width);
}

/* Lays out the line from start with ICU seeing p[ws..we). Returns false when
 * the answer needs break positions past what the window can be trusted for;
 * else sets *end. */
static bool
scan(const char *p, size_t n, size_t ws, size_t we, size_t start, int width,
    size_t *end)
{
	const uint8_t	*u = (const uint8_t *)p;
	UBreakIterator	*bi;
	size_t		 trusted = we == n ? n : we - MARGIN;
	size_t		 last = start, b;
	int32_t		 pos = (int32_t)start, r;
	int		 w = 0, wt = 0;
	UChar32		 c;

	if ((bi = breaks(p + ws, we - ws)) == NULL) {
		*end = cut(p, n, start, n, width);
		return true;
	}
	r = ubrk_following(bi, (int32_t)(start - ws));
	b = r == UBRK_DONE ? we : ws + (size_t)r;
	while ((size_t)pos < trusted) {
		while (b <= (size_t)pos) {
			if (b == (size_t)pos && !i18n_keeps_key_name(p, n, b))
				last = b;
			r = ubrk_next(bi);
			b = r == UBRK_DONE ? SIZE_MAX : ws + (size_t)r;
		}
		U8_NEXT(u, pos, (int32_t)n, c);
		w += i18n_cp_width(c);
		if (c != ' ' && c != '\t')
			wt = w;
		if (wt > width) {
			*end = last > start ? last :
			    cut(p, n, start, (size_t)pos, width);
			return true;
		}
	}
	if (we < n)
		return false;
	*end = n;
	return true;
}

size_t
i18n_wrap_line(const char *p, size_t n, size_t start, int width)
{
	size_t	ws, we, budget, end;

	if (width < 1)
		width = 1;
	if (start >= n)
		return n;
	ws = start > CONTEXT ? start - CONTEXT : 0;
	while (ws > 0 && ((unsigned char)p[ws] & 0xc0) == 0x80)
		ws--;
	for (budget = 64 + (size_t)width * 8;; budget *= 4) {
		we = n - start > budget ? start + budget : n;
		while (we < n && ((unsigned char)p[we] & 0xc0) == 0x80)
			we++;
		if (scan(p, n, ws, we, start, width, &end))
			return end;
	}
}

int
i18n_wrap_spans(const char *s, int width, struct i18n_span **out)
{
	struct i18n_span	*v = NULL;
	size_t			 len = strlen(s), ps = 0, pe, pos;
	const char		*nl;
	int			 n = 0, cap = 0;

	for (;;) {
		nl = memchr(s + ps, '\n', len - ps);
		pe = nl != NULL ? (size_t)(nl - s) : len;
		pos = ps;
		do {
			if (n == cap) {
				cap = cap ? cap * 2 : 16;
				v = xrealloc(v, (size_t)cap * sizeof *v);
			}
			v[n].start = pos;
			pos = ps + i18n_wrap_line(s + ps, pe - ps, pos - ps,
			    width);
			v[n++].end = pos;
		} while (pos < pe);
		if (nl == NULL)
			break;
		ps = pe + 1;
	}
	*out = v;
	return n;
}

int
i18n_width_n(const char *s, size_t n)
{
	return i18n_span_width(s, n);
}

size_t
i18n_column_offset(const char *s, size_t n, int col)
{
	size_t	k;

	if (col <= 0 || n == 0)
		return 0;
	k = i18n_fit(s, n, col);
	return i18n_span_width(s, k) > col ? 0 : k;
}
