/* The one sanitiser for user text, with the rules of RELIABILITY.md ("Text
 * that reaches a terminal"). It works on code points, deleting each unwanted
 * character itself, so no pattern can be spliced together from the pieces
 * around a deletion. NFC can decompose a character that has a composition
 * exclusion and so lengthen a run of combining marks; the filter therefore
 * runs until nothing changes, which also makes it idempotent. */
#include "core/sanitize.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define REPLACEMENT	0xfffdu
#define COMBINING_MAX	4
#define ROUNDS_MAX	8

static size_t	utf8_decode(const unsigned char *, size_t, uint32_t *);
static size_t	utf8_encode(uint32_t, char *);
static bool	drop_always(uint32_t);
static bool	drop_in_line(uint32_t);
static char	*filter(const char *, size_t, enum sanitize_kind);
static char	*normalise(char *);
static void	squeeze_spaces(char *);
static char	*limit(char *, size_t, int);
static char	*sanitize_round(const char *, size_t, enum sanitize_kind,
		    size_t, int);

char *
sanitize(const char *s, size_t len, enum sanitize_kind kind, size_t max_cp,
    int max_cols)
{
	char *cur, *next;
	int i;

	cur = sanitize_round(s, len, kind, max_cp, max_cols);
	for (i = 1; i < ROUNDS_MAX; i++) {
		next = sanitize_round(cur, strlen(cur), kind, max_cp, max_cols);
		if (strcmp(next, cur) == 0) {
			free(next);
			break;
		}
		free(cur);
		cur = next;
	}
	return cur;
}

/* One pass of the whole filter: code points, NFC, spaces, limits. */
static char *
sanitize_round(const char *s, size_t len, enum sanitize_kind kind,
    size_t max_cp, int max_cols)
{
	char *out;

	out = normalise(filter(s, len, kind));
	if (kind == SANITIZE_LINE) {
		squeeze_spaces(out);
		out = limit(out, max_cp, max_cols);
		squeeze_spaces(out);
	}
	return out;
}

/* Decodes one character from s (len > 0 bytes) strictly: overlongs,
 * surrogates, values past U+10FFFF and cut sequences give U+FFFD for the
 * longest valid prefix, as Unicode recommends. Returns the bytes used. */
static size_t
utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned char lo = 0x80, hi = 0xbf;
	uint32_t c;
	size_t need, i;

	*cp = REPLACEMENT;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		need = 1;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		need = 2;
		c = s[0] & 0x0f;
		if (s[0] == 0xe0)
			lo = 0xa0;		/* overlong */
		else if (s[0] == 0xed)
			hi = 0x9f;		/* surrogates */
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		need = 3;
		c = s[0] & 0x07;
		if (s[0] == 0xf0)
			lo = 0x90;		/* overlong */
		else if (s[0] == 0xf4)
			hi = 0x8f;		/* past U+10FFFF */
	} else
		return 1;
	for (i = 1; i <= need; i++) {
		if (i >= len || s[i] < lo || s[i] > hi)
			return i;
		c = (c << 6) | (s[i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*cp = c;
	return i;
}

/* Writes c as UTF-8 into out (at least 4 bytes); returns the length. */
static size_t
utf8_encode(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* Characters no field keeps: C0 (LF and TAB are decided by the caller),
 * DEL and C1, bidi embeddings, overrides and isolates, tags,
 * noncharacters and the interlinear annotation controls. */
static bool
drop_always(uint32_t c)
{
	return c < 0x20 ||
	    (c >= 0x7f && c <= 0x9f) ||
	    (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069) ||
	    (c >= 0xe0000 && c <= 0xe007f) ||
	    (c >= 0xfdd0 && c <= 0xfdef) ||
	    (c & 0xfffe) == 0xfffe ||
	    (c >= 0xfff9 && c <= 0xfffb);
}

/* Invisible characters one-line fields also lose: soft hyphen, Arabic
 * letter mark, Mongolian vowel separator, zero-width characters and marks,
 * line and paragraph separators, invisible operators, the BOM. */
static bool
drop_in_line(uint32_t c)
{
	return c == 0xad || c == 0x61c || c == 0x180e ||
	    (c >= 0x200b && c <= 0x200f) ||
	    c == 0x2028 || c == 0x2029 ||
	    (c >= 0x2060 && c <= 0x2064) ||
	    c == 0xfeff;
}

bool
sanitize_line_keeps(uint32_t c)
{
	return !drop_always(c) && !drop_in_line(c);
}

/* Decodes s, drops what the rules drop, turns line ends into LF (bodies) or
 * spaces (one-line fields), allows at most COMBINING_MAX combining marks in
 * a row of the output, and encodes again. Returns a new string. */
static char *
filter(const char *s, size_t len, enum sanitize_kind kind)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out, *o;
	uint32_t c;
	size_t i = 0, n;
	int run = 0;
	bool line = kind == SANITIZE_LINE;

	/* Each input byte yields at most 3 output bytes (U+FFFD). */
	out = o = xmalloc(len * 3 + 1);
	while (i < len) {
		n = utf8_decode(p + i, len - i, &c);
		if (c == '\r' && !line && i + n < len && p[i + n] == '\n') {
			i += n;
			continue;		/* CRLF: the LF follows */
		}
		i += n;
		if (c == '\r' || c == '\n' || c == '\t') {
			if (line)
				c = ' ';
			else if (c == '\r')
				c = '\n';
		} else if (drop_always(c) || (line && drop_in_line(c)))
			continue;
		if (i18n_is_combining(c)) {
			if (run >= COMBINING_MAX)
				continue;
			run++;
		} else
			run = 0;
		o += utf8_encode(c, o);
	}
	*o = '\0';
	return out;
}

/* Replaces s by its NFC form. */
static char *
normalise(char *s)
{
	char *nfc = i18n_nfc(s);

	if (nfc == NULL)
		return s;
	free(s);
	return nfc;
}

/* Collapses runs of spaces into one and trims both ends, in place. */
static void
squeeze_spaces(char *s)
{
	char *r = s, *w = s;

	while (*r == ' ')
		r++;
	for (; *r != '\0'; r++) {
		if (*r == ' ' && (r[1] == ' ' || r[1] == '\0'))
			continue;
		*w++ = *r;
	}
	*w = '\0';
}

/* Cuts s to max_cp code points and max_cols display columns (0: no
 * limit); the column cut falls on a grapheme boundary. */
static char *
limit(char *s, size_t max_cp, int max_cols)
{
	char *cut;
	size_t i, n = 0;

	if (max_cp > 0) {
		for (i = 0; s[i] != '\0'; i++) {
			if (((unsigned char)s[i] & 0xc0) != 0x80 &&
			    n++ == max_cp) {
				s[i] = '\0';
				break;
			}
		}
	}
	if (max_cols > 0 && i18n_width(s) > max_cols) {
		cut = i18n_truncate(s, max_cols);
		free(s);
		s = cut;
	}
	return s;
}
