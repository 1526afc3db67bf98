/* Line wrapping by ICU's line-break rules (UAX #14), measured in display
 * columns. */
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "common/log.h"
#include "common/xalloc.h"
#include "i18n/internal.h"

struct lines {
	char	**v;
	int	  n;
	int	  cap;
};

static UBreakIterator *breaker;

static void	wrap_paragraph(struct lines *out, const char *p, size_t n,
		    int width);

void
i18n_wrap_close(void)
{
	if (breaker != NULL)
		ubrk_close(breaker);
	breaker = NULL;
}

/* Adds p[0..n) without its trailing blanks. */
static void
push(struct lines *out, const char *p, size_t n)
{
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 8;
		out->v = xrealloc(out->v, (size_t)out->cap * sizeof *out->v);
	}
	out->v[out->n++] = xstrndup(p, n);
}

/* Width of p[0..n) not counting trailing blanks, which may hang past the
 * edge. */
static int
trimmed_width(const char *p, size_t n)
{
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	return i18n_span_width(p, n);
}

static UBreakIterator *
line_breaker(const char *p, size_t n)
{
	UErrorCode	st = U_ZERO_ERROR;
	UText		ut = UTEXT_INITIALIZER;

	if (breaker == NULL) {
		breaker = ubrk_open(UBRK_LINE, "", NULL, 0, &st);
		if (U_FAILURE(st)) {
			log_error("%s: ubrk_open: %s", __func__, u_errorName(st));
			breaker = NULL;
			return NULL;
		}
	}
	utext_openUTF8(&ut, p, (int64_t)n, &st);
	ubrk_setUText(breaker, &ut, &st);
	utext_close(&ut);
	return U_FAILURE(st) ? NULL : breaker;
}

/* Wraps one paragraph (no '\n') greedily: a segment that does not fit
 * starts a new line; a segment wider than a line is cut at graphemes. */
static void
wrap_paragraph(struct lines *out, const char *p, size_t n, int width)
{
	UBreakIterator	*bi;
	size_t		 start = 0, pos = 0, seg, k;
	int32_t		 b;
	int		 first = out->n;

	if ((bi = line_breaker(p, n)) == NULL) {
		push(out, p, n);
		return;
	}
	ubrk_first(bi);
	while ((b = ubrk_next(bi)) != UBRK_DONE) {
		seg = (size_t)b;
		if (i18n_keeps_key_name(p, n, seg))
			continue;
		if (pos > start && trimmed_width(p + start, seg - start) > width) {
			push(out, p + start, pos - start);
			start = pos;
		}
		while (trimmed_width(p + start, seg - start) > width) {
			k = i18n_fit(p + start, seg - start, width);
			push(out, p + start, k);
			start += k;
		}
		pos = seg;
	}
	if (start < n || out->n == first)
		push(out, p + start, n - start);
}

/* Whether the blank-delimited word around byte b holds an '@' or a '.'
 * before its closing punctuation: an address, a host or a file name
 * (qa-admin@example.org, my-data.json:), which breaks nowhere, while
 * "well-known." still may. */
static bool
in_name(const char *p, size_t n, size_t b)
{
	size_t s = b, e = b, i;

	while (s > 0 && p[s - 1] != ' ')
		s--;
	while (e < n && p[e] != ' ')
		e++;
	while (e > s && strchr(".,;:!?)\"'", p[e - 1]) != NULL)
		e--;
	for (i = s; i < e; i++)
		if (p[i] == '@' || p[i] == '.')
			return true;
	return false;
}

bool
i18n_keeps_key_name(const char *p, size_t n, size_t b)
{
	if (b < 2 || b >= n)
		return false;
	if (p[b - 1] == '-' && in_name(p, n, b))
		return true;
	/* A dash does not start a line: "x" / "— report" reads as two
	 * things. */
	if (p[b - 1] == ' ' && n - b >= 3 && (unsigned char)p[b] == 0xe2 &&
	    (unsigned char)p[b + 1] == 0x80 &&
	    ((unsigned char)p[b + 2] == 0x93 || (unsigned char)p[b + 2] == 0x94))
		return true;
	/* A path such as ~/.ssh/id_ed25519.pub stays one word. */
	if (p[b - 1] == '/' && p[b] != ' ')
		return true;
	/* One character after the hyphen, then the end of the word. */
	return p[b - 1] == '-' && p[b - 2] != ' ' &&
	    (unsigned char)p[b] < 0x80 && p[b] != ' ' &&
	    (b + 1 == n || p[b + 1] == ' ' || p[b + 1] == ',' ||
	    p[b + 1] == '.' || p[b + 1] == ';' || p[b + 1] == ')');
}

int
i18n_wrap(const char *s, int width, char ***lines)
{
	struct lines	 out = { 0 };
	const char	*p = s, *nl;

	if (width < 1)
		width = 1;
	while (*p != '\0') {
		nl = strchr(p, '\n');
		wrap_paragraph(&out, p, nl != NULL ? (size_t)(nl - p) : strlen(p),
		    width);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	*lines = out.v;
	return out.n;
}

void
i18n_free_lines(char **lines, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}
