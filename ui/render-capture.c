/* Reads back what render_full drew (the tests' pictures, tests/golden):
 * the cells of stdscr, which is what the terminal shows once refreshed,
 * so a picture needs neither a terminal nor a terminal emulator. */
#include "ui/render-capture.h"
#include "common/strbuf.h"
#include "common/xalloc.h"

#include <curses.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <wchar.h>

void
capture_resize(int rows, int cols)
{
	resizeterm(rows, cols);
	/* A size that changed is also reported as the key KEY_RESIZE; this
	 * one is not news to anybody. */
	flushinp();
}

/* How a cell is shown, for the attribute lines. */
struct look {
	attr_t	 attrs;
	short	 pair;
};

/* Appends cell (y, x) of stdscr and sets *look to its attributes; returns
 * how many columns it takes. */
static int
put_cell(struct strbuf *sb, int y, int x, struct look *look)
{
	wchar_t wch[CCHARW_MAX + 1];
	char mb[MB_LEN_MAX];
	cchar_t cc;
	int i, w;

	look->attrs = 0;
	look->pair = 0;
	if (mvwin_wch(stdscr, y, x, &cc) == ERR ||
	    getcchar(&cc, wch, &look->attrs, &look->pair, NULL) == ERR ||
	    wch[0] == L'\0') {
		sb_putc(sb, ' ');
		return 1;
	}
	look->attrs &= A_STANDOUT | A_UNDERLINE | A_REVERSE | A_BLINK | A_DIM |
	    A_BOLD;
	for (i = 0; wch[i] != L'\0'; i++) {
		mbstate_t ps = { 0 };
		size_t n = wcrtomb(mb, wch[i], &ps);

		if (n == (size_t)-1)
			sb_putc(sb, '?');
		else
			sb_add(sb, mb, n);
	}
	w = wcwidth(wch[0]);
	return w > 1 ? w : 1;
}

/* "bold+reverse/2": the attributes by name, and the colour pair. */
static void
put_look(struct strbuf *sb, const struct look *l)
{
	static const struct {
		attr_t		 a;
		const char	*name;
	} names[] = {
		{ A_BOLD, "bold" }, { A_DIM, "dim" }, { A_UNDERLINE, "underline" },
		{ A_REVERSE, "reverse" }, { A_STANDOUT, "standout" },
		{ A_BLINK, "blink" },
	};
	const char *sep = "";
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (l->attrs & names[i].a) {
			sb_printf(sb, "%s%s", sep, names[i].name);
			sep = "+";
		}
	if (l->pair != 0)
		sb_printf(sb, "%spair%d", sep, l->pair);
}

/* The row's runs of cells shown other than plain: " 3-17 bold". */
static void
put_runs(struct strbuf *attrs, int y, const struct look *looks, int n)
{
	bool any = false;
	int x = 0, end;

	while (x < n) {
		for (end = x + 1; end < n && looks[end].attrs == looks[x].attrs &&
		    looks[end].pair == looks[x].pair; end++)
			;
		if (looks[x].attrs != 0 || looks[x].pair != 0) {
			if (!any)
				sb_printf(attrs, "row %d:", y);
			any = true;
			sb_printf(attrs, " %d-%d ", x, end - 1);
			put_look(attrs, &looks[x]);
		}
		x = end;
	}
	if (any)
		sb_putc(attrs, '\n');
}

char *
capture_screen(void)
{
	struct strbuf sb = { 0 }, attrs = { 0 };
	struct look *looks = xcalloc((size_t)COLS, sizeof *looks);
	int cy, cx, y, x, w;

	getyx(stdscr, cy, cx);
	for (y = 0; y < LINES; y++) {
		size_t start = sb.len;

		for (x = 0; x < COLS; x += w) {
			w = put_cell(&sb, y, x, &looks[x]);
			if (w > 1 && x + 1 < COLS)
				looks[x + 1] = looks[x];
		}
		while (sb.len > start && sb.s[sb.len - 1] == ' ')
			sb.len--;
		sb_putc(&sb, '\n');
		put_runs(&attrs, y, looks, COLS);
	}
	free(looks);
	sb_printf(&sb, "cursor %d,%d\n", cy, cx);
	if (attrs.len > 0)
		sb_add(&sb, attrs.s, attrs.len);
	sb_free(&attrs);
	wmove(stdscr, cy, cx);
	return sb_take(&sb);
}
