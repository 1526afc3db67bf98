/* The terminal as the full screen finds it: whether it shows UTF-8 (asked
 * once, before ncurses starts), and the styles of the theme chosen. */
#include "ui/render-full.h"
#include "ui/ui.h"

#include <poll.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

enum { PAIR_BAR = 1, PAIR_ERROR, PAIR_TITLE };

/* Asks the terminal where the cursor is after printing one two-byte
 * character: column 2 means it shows UTF-8. Unknown when it does not
 * answer in time (then UTF-8 is assumed). */
void
full_probe_utf8(struct app *app)
{
	int in = app->p->in_fd, out = app->p->out_fd;
	struct termios old, raw;
	char buf[32];
	size_t len = 0;
	int row, col;

	if (!app->tty || tcgetattr(in, &old) != 0)
		return;
	raw = old;
	cfmakeraw(&raw);
	if (tcsetattr(in, TCSANOW, &raw) != 0)
		return;
	if (write(out, "\r\xc3\xa9\x1b[6n", 7) == 7) {
		struct pollfd pfd = { .fd = in, .events = POLLIN };

		while (len < sizeof buf - 1 && poll(&pfd, 1, 400) > 0) {
			ssize_t n = read(in, buf + len, sizeof buf - 1 - len);

			if (n <= 0)
				break;
			len += (size_t)n;
			if (buf[len - 1] == 'R')
				break;
		}
		buf[len] = '\0';
		if (sscanf(buf, "\x1b[%d;%dR", &row, &col) == 2)
			app->ascii = col != 2;
		(void)!write(out, "\r\x1b[K", 4);
	}
	tcsetattr(in, TCSANOW, &old);
}

void
full_set_theme(const struct app *app, struct full_style *fs)
{
	bool colour = has_colors() && app->theme != THEME_MONO;

	fs->bar = A_REVERSE;
	fs->title = A_BOLD;
	fs->error = A_BOLD;
	fs->strong = A_BOLD;
	fs->focus = A_REVERSE | A_BOLD;
	if (!colour)
		return;
	start_color();
	use_default_colors();
	if (app->theme == THEME_CONTRAST) {
		init_pair(PAIR_BAR, COLOR_BLACK, COLOR_WHITE);
		init_pair(PAIR_ERROR, COLOR_WHITE, COLOR_RED);
		init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLACK);
		fs->bar = COLOR_PAIR(PAIR_BAR) | A_BOLD;
		fs->title = COLOR_PAIR(PAIR_TITLE) | A_BOLD | A_UNDERLINE;
		fs->error = COLOR_PAIR(PAIR_ERROR) | A_BOLD;
	} else {
		init_pair(PAIR_BAR, COLOR_WHITE, COLOR_BLUE);
		init_pair(PAIR_ERROR, COLOR_RED, -1);
		init_pair(PAIR_TITLE, COLOR_CYAN, -1);
		fs->bar = COLOR_PAIR(PAIR_BAR);
		fs->title = COLOR_PAIR(PAIR_TITLE) | A_BOLD;
		fs->error = COLOR_PAIR(PAIR_ERROR) | A_BOLD;
	}
}
