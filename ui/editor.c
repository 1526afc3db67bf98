/* The multi-line editor: a flat UTF-8 buffer and its visual lines. An edit
 * lays out again only from two lines above it until the new lines meet the
 * old ones again, so typing and pasting stay linear in what changed, not in
 * the length of the text. */
#include <stdlib.h>
#include <string.h>

#include "common/strbuf.h"
#include "common/utf8.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"
#include "ui/editor.h"

#define TAB_SPACES	"    "

struct editor {
	char			*buf;		/* NUL-terminated */
	size_t			 len;
	size_t			 cap;
	size_t			 ncp;
	size_t			 max_cp;
	char			*initial;

	size_t			 cur;		/* byte offset */
	int			 want;		/* up/down's column */
	bool			 after_cr;	/* CR ended input */

	int			 width;		/* of the window */
	int			 height;
	int			 scroll;

	struct editor_line	*lines;
	int			 nlines;
	int			 linecap;
	struct editor_line	*fresh;		/* for relayout */
	int			 freshcap;
};

static void	layout_all(struct editor *);
static void	relayout(struct editor *, size_t, size_t, size_t);

/* Columns the text wraps at: one is kept for the cursor. */
static int
wrap_width(const struct editor *ed)
{
	return ed->width > 2 ? ed->width - 1 : 1;
}

/* Decodes one UTF-8 sequence of s[0..n). Returns its length, or 0 when it
 * is not well-formed (overlong, surrogate, past U+10FFFF, cut short). */
static size_t
decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t		len, i;
	uint32_t	c, min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2; c = s[0] & 0x1f; min = 0x80;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3; c = s[0] & 0x0f; min = 0x800;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4; c = s[0] & 0x07; min = 0x10000;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* Writes cp as UTF-8 into out (5 bytes); returns the length. */
static size_t
encode(uint32_t cp, char *out)
{
	size_t	n;

	if (cp < 0x80) {
		out[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		out[0] = (char)(0xf0 | cp >> 18);
		out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	out[n] = '\0';
	return n;
}

/* The text the editor may store for s: see editor.h. *after_cr says the
 * previous piece ended in CR, so a leading LF is its pair; it is updated
 * for the next piece. Returns a newly allocated string. */
static char *
clean(const char *s, bool *after_cr)
{
	const unsigned char	*u = (const unsigned char *)s;
	struct strbuf		 sb = { 0 };
	size_t			 n = strlen(s), i = 0, k;
	uint32_t		 c;
	char			 enc[5];

	sb_add(&sb, "", 0);
	while (i < n) {
		if ((k = decode(u + i, n - i, &c)) == 0) {
			c = 0xfffd;
			k = 1;
		}
		i += k;
		if (c == '\n' && *after_cr) {
			*after_cr = false;
			continue;
		}
		*after_cr = c == '\r';
		if (c == '\r' || c == '\n' || c == 0x2028 || c == 0x2029)
			sb_putc(&sb, '\n');
		else if (c == '\t')
			sb_puts(&sb, TAB_SPACES);
		else if (c >= 0x20 && (c < 0x7f || c > 0x9f)) {
			encode(c, enc);
			sb_puts(&sb, enc);
		}
	}
	return sb_take(&sb);
}

/* True when the paragraph p[0..n) is a quote: "> ..." or ">". */
static bool
is_quote(const char *p, size_t n)
{
	return n >= 1 && p[0] == '>' && (n == 1 || p[1] == ' ');
}

/* Start of the paragraph holding off, and its end (its '\n' or len). */
static size_t
para_start(const struct editor *ed, size_t off)
{
	const char *nl = off > 0 ? memrchr(ed->buf, '\n', off) : NULL;

	return nl != NULL ? (size_t)(nl - ed->buf) + 1 : 0;
}

static size_t
para_end(const struct editor *ed, size_t off)
{
	const char *nl = memchr(ed->buf + off, '\n', ed->len - off);

	return nl != NULL ? (size_t)(nl - ed->buf) : ed->len;
}

/* Index of the visual line holding byte off: the last one starting at or
 * before it (line starts strictly increase). */
static int
line_at(const struct editor *ed, size_t off)
{
	int	lo = 0, hi = ed->nlines - 1, mid;

	while (lo < hi) {
		mid = lo + (hi - lo + 1) / 2;
		if (ed->lines[mid].start <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* Appends a line to the scratch list. */
static void
push_fresh(struct editor *ed, int *n, size_t start, size_t end, bool quote)
{
	if (*n == ed->freshcap) {
		ed->freshcap = ed->freshcap ? ed->freshcap * 2 : 64;
		ed->fresh = xrealloc(ed->fresh,
		    (size_t)ed->freshcap * sizeof *ed->fresh);
	}
	ed->fresh[*n].start = start;
	ed->fresh[*n].end = end;
	ed->fresh[(*n)++].quote = quote;
}

/* True when line i starts a paragraph. */
static bool
starts_para(const struct editor *ed, int i)
{
	size_t s = ed->lines[i].start;

	return s == 0 || ed->buf[s - 1] == '\n';
}

/* Lays out again after bytes [a, a + r) of the old text became [a, a + m)
 * of the new: from up to two lines above the edit (a shorter word may move
 * up) until a new line starts where an old one after the edit did, with the
 * same quote mark; from there on the old lines only shift. With no lines,
 * lays out everything. */
static void
relayout(struct editor *ed, size_t a, size_t r, size_t m)
{
	ptrdiff_t	 delta = (ptrdiff_t)m - (ptrdiff_t)r;
	size_t		 pos = 0, ps, pe, e;
	int		 w = wrap_width(ed), j, rs = 0, k = 0, n = 0;
	int		 tail = 0, i;
	bool		 quote;

	if (ed->nlines > 0) {
		j = line_at(ed, a);
		for (rs = j; rs > 0 && rs > j - 2 && !starts_para(ed, rs); rs--)
			;
		for (k = j + 1; k < ed->nlines && ed->lines[k].start <= a + r;
		    k++)
			;
		pos = ed->lines[rs].start;
	}
	ps = para_start(ed, pos);
	pe = para_end(ed, pos);
	quote = is_quote(ed->buf + ps, pe - ps);
	for (;;) {
		e = ps + i18n_wrap_line(ed->buf + ps, pe - ps, pos - ps, w);
		push_fresh(ed, &n, pos, e, quote);
		if (e < pe)
			pos = e;
		else if (pe == ed->len)
			break;
		else {
			pos = ps = pe + 1;
			pe = para_end(ed, ps);
			quote = is_quote(ed->buf + ps, pe - ps);
		}
		if (pos <= a + m)
			continue;
		while (k < ed->nlines &&
		    (ptrdiff_t)ed->lines[k].start + delta < (ptrdiff_t)pos)
			k++;
		if (k < ed->nlines &&
		    (ptrdiff_t)ed->lines[k].start + delta == (ptrdiff_t)pos &&
		    ed->lines[k].quote == quote) {
			tail = ed->nlines - k;
			break;
		}
	}

	if (rs + n + tail > ed->linecap) {
		ed->linecap = rs + n + tail + 64;
		ed->lines = xrealloc(ed->lines,
		    (size_t)ed->linecap * sizeof *ed->lines);
	}
	memmove(ed->lines + rs + n, ed->lines + k,
	    (size_t)tail * sizeof *ed->lines);
	for (i = rs + n; i < rs + n + tail; i++) {
		ed->lines[i].start += delta;
		ed->lines[i].end += delta;
	}
	memcpy(ed->lines + rs, ed->fresh, (size_t)n * sizeof *ed->lines);
	ed->nlines = rs + n + tail;
}

static void
layout_all(struct editor *ed)
{
	ed->nlines = 0;
	relayout(ed, 0, 0, ed->len);
}

/* Display columns from the start of row to the cursor, not clamped. */
static int
column(const struct editor *ed, int row)
{
	size_t s = ed->lines[row].start;

	return i18n_width_n(ed->buf + s, ed->cur - s);
}

/* The last offset the cursor may take on row: a wrapped line's end is the
 * next line's start, so it stops one grapheme before. */
static size_t
row_end(const struct editor *ed, int row)
{
	const struct editor_line *l = &ed->lines[row];

	if (row + 1 < ed->nlines && ed->lines[row + 1].start == l->end)
		return i18n_prev_grapheme(ed->buf, l->end);
	return l->end;
}

/* The offset on row nearest column col without passing it. */
static size_t
land(const struct editor *ed, int row, int col)
{
	size_t s = ed->lines[row].start;

	return s + i18n_column_offset(ed->buf + s, row_end(ed, row) - s, col);
}

/* Keeps scroll within the text and the cursor's row within the window. */
static void
follow(struct editor *ed)
{
	int row = line_at(ed, ed->cur), top = ed->nlines - ed->height;

	if (ed->scroll > top)
		ed->scroll = top;
	if (ed->scroll < 0)
		ed->scroll = 0;
	if (row < ed->scroll)
		ed->scroll = row;
	if (row >= ed->scroll + ed->height)
		ed->scroll = row - ed->height + 1;
}

/* Moves the cursor onto the next grapheme boundary if an edit left it
 * inside a grapheme (a combining mark now follows it). */
static void
snap(struct editor *ed)
{
	size_t next = i18n_next_grapheme(ed->buf, ed->cur);

	if (i18n_prev_grapheme(ed->buf, next) != ed->cur)
		ed->cur = next;
}

/* Replaces bytes [a, a + r) with s[0..m), lays out again and puts the
 * cursor after s. */
static void
replace(struct editor *ed, size_t a, size_t r, const char *s, size_t m)
{
	size_t need = ed->len - r + m + 1;

	if (need > ed->cap) {
		ed->cap = need + need / 2;
		ed->buf = xrealloc(ed->buf, ed->cap);
	}
	ed->ncp -= utf8_count_n(ed->buf + a, r);
	memmove(ed->buf + a + m, ed->buf + a + r, ed->len - a - r + 1);
	memcpy(ed->buf + a, s, m);
	ed->len = ed->len - r + m;
	ed->ncp += utf8_count_n(s, m);
	relayout(ed, a, r, m);
	ed->cur = a + m;
	snap(ed);
	ed->want = -1;
	follow(ed);
}

/* Moves d rows up or down keeping the wanted column. */
static enum editor_result
move_rows(struct editor *ed, int d)
{
	int row = line_at(ed, ed->cur), to = row + d;

	if (to < 0)
		to = 0;
	if (to > ed->nlines - 1)
		to = ed->nlines - 1;
	if (to == row)
		return ED_IGNORED;
	if (ed->want < 0)
		ed->want = column(ed, row);
	ed->cur = land(ed, to, ed->want);
	return ED_OK;
}

/* A page up (dir -1) or down (1): the view and the cursor move by the
 * window's height less one line; on the first or last row, to the text's
 * start or end. */
static enum editor_result
page(struct editor *ed, int dir)
{
	int	rows = ed->height > 1 ? ed->height - 1 : 1;
	int	row = line_at(ed, ed->cur);
	size_t	to;

	if (row == (dir < 0 ? 0 : ed->nlines - 1)) {
		to = dir < 0 ? 0 : ed->len;
		if (ed->cur == to)
			return ED_IGNORED;
		ed->cur = to;
		ed->want = -1;
		return ED_OK;
	}
	move_rows(ed, dir * rows);
	ed->scroll += dir * rows;
	return ED_OK;
}

/* Puts the cursor at off, forgetting the wanted column. */
static enum editor_result
jump(struct editor *ed, size_t off)
{
	ed->want = -1;
	if (off == ed->cur)
		return ED_IGNORED;
	ed->cur = off;
	return ED_OK;
}

struct editor *
editor_new(const char *initial, size_t max_cp)
{
	struct editor	*ed = xcalloc(1, sizeof *ed);
	bool		 cr = false;

	ed->buf = clean(initial != NULL ? initial : "", &cr);
	ed->len = strlen(ed->buf);
	ed->cap = ed->len + 1;
	ed->ncp = utf8_count(ed->buf);
	ed->max_cp = max_cp;
	ed->initial = xstrdup(ed->buf);
	ed->cur = ed->len;
	ed->want = -1;
	ed->width = 80;
	ed->height = 24;
	layout_all(ed);
	follow(ed);
	return ed;
}

void
editor_free(struct editor *ed)
{
	if (ed == NULL)
		return;
	free(ed->buf);
	free(ed->initial);
	free(ed->lines);
	free(ed->fresh);
	free(ed);
}

enum editor_result
editor_key(struct editor *ed, enum editor_key k)
{
	enum editor_result	 res = ED_OK;
	int			 row = line_at(ed, ed->cur);
	size_t			 to;

	if (k != ED_NEWLINE)
		ed->after_cr = false;
	switch (k) {
	case ED_LEFT:
		res = jump(ed, i18n_prev_grapheme(ed->buf, ed->cur));
		break;
	case ED_RIGHT:
		res = jump(ed, i18n_next_grapheme(ed->buf, ed->cur));
		break;
	case ED_UP:
	case ED_DOWN:
		res = move_rows(ed, k == ED_UP ? -1 : 1);
		break;
	case ED_HOME:
		res = jump(ed, ed->lines[row].start);
		break;
	case ED_END:
		res = jump(ed, row_end(ed, row));
		break;
	case ED_PGUP:
	case ED_PGDN:
		res = page(ed, k == ED_PGUP ? -1 : 1);
		break;
	case ED_TOP:
		res = jump(ed, 0);
		break;
	case ED_BOTTOM:
		res = jump(ed, ed->len);
		break;
	case ED_BACKSPACE:
		if (ed->cur == 0)
			return ED_IGNORED;
		to = i18n_prev_grapheme(ed->buf, ed->cur);
		replace(ed, to, ed->cur - to, "", 0);
		break;
	case ED_DELETE:
		if (ed->cur == ed->len)
			return ED_IGNORED;
		to = i18n_next_grapheme(ed->buf, ed->cur);
		replace(ed, ed->cur, to - ed->cur, "", 0);
		break;
	case ED_NEWLINE:
		return editor_insert(ed, "\n");
	}
	follow(ed);
	return res;
}

enum editor_result
editor_insert(struct editor *ed, const char *utf8)
{
	bool	 cr = ed->after_cr;
	char	*s = clean(utf8, &cr);
	size_t	 m = strlen(s);

	if (m == 0) {
		ed->after_cr = cr;
		free(s);
		return ED_IGNORED;
	}
	if (ed->max_cp != 0 && ed->ncp + utf8_count_n(s, m) > ed->max_cp) {
		free(s);
		return ED_LIMIT;
	}
	ed->after_cr = cr;
	replace(ed, ed->cur, 0, s, m);
	free(s);
	return ED_OK;
}

enum editor_result
editor_insert_cp(struct editor *ed, uint32_t cp)
{
	char	enc[5];

	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp == 0)
		return ED_IGNORED;
	encode(cp, enc);
	return editor_insert(ed, enc);
}

const char *
editor_text(const struct editor *ed)
{
	return ed->buf;
}

size_t
editor_length_cp(const struct editor *ed)
{
	return ed->ncp;
}

size_t
editor_max_cp(const struct editor *ed)
{
	return ed->max_cp;
}

bool
editor_modified(const struct editor *ed)
{
	return strcmp(ed->buf, ed->initial) != 0;
}

void
editor_layout(struct editor *ed, int width, int height)
{
	ed->height = height > 1 ? height : 1;
	if (width < 1)
		width = 1;
	if (width != ed->width) {
		ed->width = width;
		layout_all(ed);
	}
	follow(ed);
}

int
editor_lines(const struct editor *ed)
{
	return ed->nlines;
}

const struct editor_line *
editor_line(const struct editor *ed, int i)
{
	return &ed->lines[i];
}

void
editor_cursor(const struct editor *ed, int *row, int *col)
{
	int	r = line_at(ed, ed->cur), c = column(ed, r);

	if (c > ed->width - 1)
		c = ed->width > 1 ? ed->width - 1 : 0;
	*row = r;
	*col = c;
}

size_t
editor_offset(const struct editor *ed)
{
	return ed->cur;
}

int
editor_scroll(const struct editor *ed)
{
	return ed->scroll;
}
