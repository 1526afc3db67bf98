/* Reads back what render_full drew (the tests' pictures, tests/golden):
 * the cells of stdscr, which is what the terminal shows once refreshed,
 * so a picture needs neither a terminal nor a terminal emulator. */
#include "ui/render-capture.h"
#include "common/strbuf.h"

#include <curses.h>
#include <limits.h>
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

/* Appends cell (y, x) of stdscr; returns how many columns it takes. */
static int
put_cell(struct strbuf *sb, int y, int x)
{
	wchar_t wch[CCHARW_MAX + 1];
	char mb[MB_LEN_MAX];
	attr_t attrs;
	cchar_t cc;
	short pair;
	int i, w;

	if (mvwin_wch(stdscr, y, x, &cc) == ERR ||
	    getcchar(&cc, wch, &attrs, &pair, NULL) == ERR || wch[0] == L'\0') {
		sb_putc(sb, ' ');
		return 1;
	}
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

char *
capture_screen(void)
{
	struct strbuf sb = { 0 };
	int cy, cx, y, x;

	getyx(stdscr, cy, cx);
	for (y = 0; y < LINES; y++) {
		size_t start = sb.len;

		for (x = 0; x < COLS; )
			x += put_cell(&sb, y, x);
		while (sb.len > start && sb.s[sb.len - 1] == ' ')
			sb.len--;
		sb_putc(&sb, '\n');
	}
	sb_printf(&sb, "cursor %d,%d\n", cy, cx);
	wmove(stdscr, cy, cx);
	return sb_take(&sb);
}
