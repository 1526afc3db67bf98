/* The full-screen renderer (ncurses): status line, title, text, a list with
 * the focused item marked '>' and the hardware cursor on it, forms with the
 * cursor in the focused field, a message line and a key bar. It redraws
 * only on input or resize, so an idle session writes nothing. */
#include "ui/keys.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/config.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "common/xalloc.h"
#include "forms/form.h"
#include "core/sanitize.h"
#include "ui/editor.h"
#include "i18n/i18n.h"

#include <curses.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define MIN_COLS 80
#define MIN_ROWS 24
#define NOTICE_ROWS 3	/* a message wraps onto at most this many rows */
#define BURST_MAX 65536	/* keys taken in one go before a draw */
/* Keys typed into a form are handed back (EV_REDRAW, so the screen can
 * keep a draft) after this pause, or after this many keys. */
#define TYPING_PAUSE_MS	2000
#define TYPING_KEYS	60

enum { PAIR_BAR = 1, PAIR_ERROR, PAIR_TITLE };
/* Ctrl-Home and Ctrl-End (xterm's sequences, which many terminal
 * descriptions leave out): the start and the end of a text. */
enum { KEY_CTRL_HOME = KEY_MAX + 1, KEY_CTRL_END };

struct full_state {
	SCREEN		*scr;
	FILE		*in, *out;
	const struct form *form;	/* the form last presented */
	int		 form_focus;
	/* The pager (a view whose items have bodies), as last drawn. */
	bool		 doc_snap;	/* put the focused post at the top */
	int		 doc_top;	/* first body line shown */
	int		 doc_lines;	/* body lines in all */
	int		 doc_height;	/* body lines on the screen */
	int		*doc_item_line;	/* the line of each post's header */
	int		 doc_nitems;
	int		 cy, cx;	/* where the hardware cursor stands */
	struct editor	*ed;		/* the focused multi-line field's */
	const struct field *ed_field;
	int		 typed;		/* form keys since the last hand-back */
	attr_t		 bar, title, error, strong;
	attr_t		 focus;		/* the "> 12." of the focused item */
};

/* One line of the body, built before drawing so it can scroll. */
struct bline {
	char	*text;
	attr_t	 attr;
	int	 cursor;	/* column of the hardware cursor, or -1 */
	int	 item;		/* the item the line belongs to, or -1 */
	int	 mark;		/* leading cells in the focus style, or 0 */
	/* A body line with marks: text byte i is body byte i + mark_base. */
	const struct view_item *marked;
	long	 mark_base;
};

struct body {
	struct bline	*l;
	int		 n;
	int		 focus_line;	/* line that must stay visible */
};

static void
body_add(struct body *b, char *owned, attr_t attr, int cursor)
{
	b->l = xrealloc(b->l, sizeof *b->l * (size_t)(b->n + 1));
	b->l[b->n].text = owned;
	b->l[b->n].attr = attr;
	b->l[b->n].cursor = cursor;
	b->l[b->n].item = -1;
	b->l[b->n].marked = NULL;
	b->l[b->n].mark = 0;
	b->n++;
}

static void
body_free(struct body *b)
{
	int i;

	for (i = 0; i < b->n; i++)
		free(b->l[i].text);
	free(b->l);
}

/* Asks the terminal where the cursor is after printing one two-byte
 * character: column 2 means it shows UTF-8. Unknown when it does not
 * answer in time (then UTF-8 is assumed). */
static void
probe_utf8(struct app *app)
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

static void
set_theme(struct app *app, struct full_state *fs)
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

static int
full_start(struct app *app)
{
	static bool probed;
	struct full_state *fs;
	int in, out;

	if (!probed && app->p->utf8 < 0 && app->acct.charset == CHARSET_AUTO) {
		probed = true;
		probe_utf8(app);
	}
	fs = xcalloc(1, sizeof *fs);
	in = dup(app->p->in_fd);
	out = dup(app->p->out_fd);
	fs->in = in >= 0 ? fdopen(in, "r") : NULL;
	fs->out = out >= 0 ? fdopen(out, "w") : NULL;
	if (fs->in == NULL || fs->out == NULL ||
	    (fs->scr = newterm(app->p->term, fs->out, fs->in)) == NULL) {
		if (fs->in != NULL)
			fclose(fs->in);
		if (fs->out != NULL)
			fclose(fs->out);
		free(fs);
		return -1;
	}
	set_term(fs->scr);
	raw();		/* Ctrl-C, Ctrl-Z, Ctrl-\ and Ctrl-S are keys here */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	define_key("\033[1;5H", KEY_CTRL_HOME);
	define_key("\033[1;5F", KEY_CTRL_END);
	set_escdelay(25);
	curs_set(1);
	set_theme(app, fs);
	app->rstate = fs;
	return 0;
}

static void
full_stop(struct app *app)
{
	struct full_state *fs = app->rstate;

	if (fs == NULL)
		return;
	endwin();
	delscreen(fs->scr);
	free(fs->doc_item_line);
	editor_free(fs->ed);
	fclose(fs->in);
	fclose(fs->out);
	free(fs);
	app->rstate = NULL;
}

/* s cut to w columns; a cut one ends with an ellipsis ("..." on ASCII
 * terminals) so that nobody takes the rest for missing. */
static char *
shorten(const struct app *app, const char *s, int w)
{
	const char *dots = app->ascii ? "..." : "\u2026";
	int dw = app->ascii ? 3 : 1;
	char *cut, *out;

	if (i18n_width(s) <= w)
		return xstrdup(s);
	if (w <= dw)
		return i18n_truncate(s, w);
	cut = i18n_truncate(s, w - dw);
	out = xasprintf("%s%s", cut, dots);
	free(cut);
	return out;
}

/* Draws s at (y, x) in at most w columns, transliterated on ASCII
 * terminals, shortened with an ellipsis when it does not fit. */
static void
put(struct app *app, int y, int x, const char *s, int w, attr_t attr)
{
	char *a = app->ascii ? i18n_to_ascii(s) : NULL;
	char *cut;

	if (w <= 0)
		return;
	cut = shorten(app, a != NULL ? a : s, w);
	attrset(attr);
	mvaddstr(y, x, cut);
	attrset(A_NORMAL);
	free(cut);
	free(a);
}

/* Display width of s as put() draws it (ASCII terminals: transliterated). */
static int
shown_cols(const struct app *app, const char *s)
{
	char *a;
	int w;

	if (!app->ascii)
		return i18n_width(s);
	a = i18n_to_ascii(s);
	w = i18n_width(a);
	free(a);
	return w;
}

static void
fill_row(int y, attr_t attr)
{
	attrset(attr);
	mvhline(y, 0, ' ', COLS);
	attrset(A_NORMAL);
}

static void
draw_status(struct app *app, const char *title, struct full_state *fs)
{
	const char *who = app->acct.id != 0 ? app->acct.display :
	    app->who == UI_REGISTER ? T("status.newcomer") : T("status.guest");
	char *left = xasprintf(" %s | %s | %s", T("app.name"), who, title);
	char *news = app->notices_unread > 0 ?
	    TFA("status.notices", A_NUM(app->notices_unread)) : xstrdup("");
	char *right = xasprintf("%s%s? %s ", news, news[0] != '\0' ? "  " : "",
	    T("key.help"));
	int rw = i18n_width(right);

	fill_row(0, fs->bar);
	put(app, 0, 0, left, COLS - rw - 1, fs->bar);
	put(app, 0, COLS - rw, right, rw, fs->bar);
	free(left);
	free(news);
	free(right);
}

/* Puts the hardware cursor back where the last full draw left it. */
static void
draw_cursor_back(struct app *app)
{
	struct full_state *fs = app->rstate;

	move(fs->cy, fs->cx);
}

/* The key bar: the reserved keys of this kind of view (ui/keys.h), the
 * screen's letters, then the way back and help, which are always there.
 * Entries that do not fit are left out whole from the end of the screen's
 * letters (help lists every key of the screen). */
static void
draw_keybar(struct app *app, const struct view *v, struct full_state *fs)
{
	char **keys, *tail[4];
	struct strbuf sb = { 0 }, tb = { 0 };
	int n, i, room, ntail;

	keys = xreallocarray(NULL, (size_t)v->nactions + (size_t)keys_count,
	    sizeof *keys);
	n = keys_bar(v, false, keys, keys_count);
	for (i = 0; i < v->nactions && v->form == NULL; i++)
		keys[n++] = xasprintf("%c %s", v->actions[i].key, v->actions[i].label);
	ntail = keys_bar(v, true, tail, 4);
	for (i = 0; i < ntail; i++) {
		sb_printf(&tb, "%s%s", i > 0 ? "  " : "", tail[i]);
		free(tail[i]);
	}
	room = COLS - 2 - shown_cols(app, tb.s != NULL ? tb.s : "");
	sb_putc(&sb, ' ');
	for (i = 0; i < n; i++) {
		int w = shown_cols(app, keys[i]) + 2;

		if (w <= room) {
			sb_puts(&sb, keys[i]);
			sb_puts(&sb, "  ");
			room -= w;
		} else
			room = -1;	/* nothing after the first that is left out */
		free(keys[i]);
	}
	free(keys);
	if (tb.s != NULL)
		sb_puts(&sb, tb.s);
	fill_row(LINES - 1, fs->bar);
	put(app, LINES - 1, 0, sb.s, COLS, fs->bar);
	sb_free(&sb);
	sb_free(&tb);
}

static void
add_wrapped(struct body *b, const char *text, int width, attr_t attr)
{
	char **lines;
	int n, i;

	n = i18n_wrap(text, width, &lines);
	for (i = 0; i < n; i++) {
		body_add(b, lines[i], attr, -1);
		lines[i] = NULL;
	}
	i18n_free_lines(lines, n);
}

/* A field's error under it, "! " first, wrapped under its own start. */
static void
add_error(struct body *b, const char *text, int width, attr_t attr)
{
	char **lines;
	int n, i;

	n = i18n_wrap(text, width - 6, &lines);
	for (i = 0; i < n; i++)
		body_add(b, xasprintf("    %s %s", i == 0 ? "!" : " ", lines[i]),
		    attr, -1);
	i18n_free_lines(lines, n);
}

/* Display width of the first n bytes of s. */
static int
prefix_width(const char *s, size_t n)
{
	char *pre = xstrndup(s, n);
	int w = i18n_width(pre);

	free(pre);
	return w;
}

/* Width of the first off bytes of s as shown: '*' per character for
 * passwords. */
static int
shown_width(const struct field *fld, size_t off)
{
	if (fld->type == FIELD_PASSWORD)
		return (int)utf8_count_n(fld->value, off);
	return prefix_width(fld->value, off);
}

/* Where a long one-line value starts to be shown so that the cursor (byte
 * cur of val) stays within room columns: steps back from the cursor one
 * grapheme at a time, so a long value costs only what is shown. Sets *col
 * to the cursor's column from that start. */
static size_t
scroll_start(const char *val, size_t cur, int room, int *col)
{
	size_t start = cur;
	int w = 0;

	while (start > 0) {
		size_t p = i18n_prev_grapheme(val, start);
		int gw = i18n_width_n(val + p, start - p);

		if (w + gw > room)
			break;
		w += gw;
		start = p;
	}
	if (start > 0)		/* begin at the start when it all fits */
		*col = w;
	else
		*col = prefix_width(val, cur);
	return start;
}

static char *
shown_value(const struct field *fld)
{
	struct strbuf sb = { 0 };
	int i, n;

	if (fld->type == FIELD_CHOICE)
		return xasprintf("< %s >", fld->nchoices > 0 ?
		    fld->choices[fld->chosen].label : "");
	if (fld->type != FIELD_PASSWORD)
		return xstrdup(fld->value);
	n = shown_width(fld, strlen(fld->value));
	for (i = 0; i < n; i++)
		sb_putc(&sb, '*');
	return sb_take(&sb);
}

/* Lines of the editor area for a multi-line field: the focused one shows
 * the editor's window with the cursor; others their first lines. */
static void
add_textarea(struct body *b, struct full_state *fs, const struct field *fld,
    bool focused, int width)
{
	int rows = LINES - 14 > 4 ? LINES - 14 : 4, i, row, col, top;
	char **lines;
	int n;

	if (!focused || fs->ed == NULL || fs->ed_field != fld) {
		n = i18n_wrap(fld->value, width - 4, &lines);
		for (i = 0; i < n && i < 3; i++)
			body_add(b, xasprintf("    %s%s", lines[i],
			    i == 2 && n > 3 ? " ..." : ""), A_NORMAL, -1);
		if (n == 0)
			body_add(b, xstrdup("    "), A_UNDERLINE, -1);
		i18n_free_lines(lines, n);
		return;
	}
	editor_layout(fs->ed, width - 4, rows);
	editor_cursor(fs->ed, &row, &col);
	top = editor_scroll(fs->ed);
	for (i = top; i < top + rows; i++) {
		const struct editor_line *el = i < editor_lines(fs->ed) ?
		    editor_line(fs->ed, i) : NULL;
		char *text = el != NULL ? xstrndup(editor_text(fs->ed) + el->start,
		    el->end - el->start) : xstrdup("");

		if (i == row)
			b->focus_line = b->n;
		body_add(b, xasprintf("    %s", text), el != NULL && el->quote ?
		    A_DIM : A_NORMAL, i == row ? 4 + col : -1);
		free(text);
	}
	body_add(b, TFA("form.editor_count", A_NUM(editor_length_cp(fs->ed)),
	    A_NUM(editor_max_cp(fs->ed))), A_DIM, -1);
}

static void
build_form(struct app *app, struct body *b, const struct form *f,
    struct full_state *fs, int width)
{
	int i;

	for (i = 0; i < f->nfields; i++) {
		const struct field *fld = f->fields[i];
		bool focused = f->focus == i;
		char *label = xasprintf("%s %s%s", focused ? ">" : " ", fld->label,
		    fld->required ? "" : T("form.optional_mark"));
		char *val = shown_value(fld);
		int cursor = 4;

		body_add(b, label, focused ? fs->strong : A_NORMAL, -1);
		if (fld->type == FIELD_TEXTAREA) {
			free(val);
			add_textarea(b, fs, fld, focused, width);
			if (focused && fld->hint != NULL)
				add_wrapped(b, fld->hint, width - 4, A_DIM);
			if (fld->error != NULL)
				add_error(b, fld->error, width, fs->error);
			continue;
		}
		if (focused && fld->type != FIELD_CHOICE) {
			size_t start = scroll_start(val, fld->type == FIELD_PASSWORD ?
			    (size_t)shown_width(fld, fld->cur) : fld->cur,
			    width - 6, &cursor);
			char *vis = xstrdup(val + start);

			cursor += 4;
			free(val);
			val = vis;
		}
		if (focused)
			b->focus_line = b->n;
		body_add(b, xasprintf("    %s", val), A_UNDERLINE,
		    focused ? cursor : -1);
		free(val);
		if (focused && fld->hint != NULL)
			add_wrapped(b, fld->hint, width - 4, A_NORMAL);
		if (fld->error != NULL)
			add_error(b, fld->error, width, fs->error);
	}
	body_add(b, xstrdup(""), A_NORMAL, -1);
	if (f->focus == f->nfields)
		b->focus_line = b->n;
	body_add(b, xasprintf("%s [ %s ]", f->focus == f->nfields ? ">" : " ",
	    f->submit_label), f->focus == f->nfields ? fs->strong : A_NORMAL,
	    f->focus == f->nfields ? 2 : -1);
	(void)app;
}

/* A post's text under its header: indented, quotes ("> ") dimmed, then a
 * blank line. */
static void
add_body(struct body *b, const struct view_item *it, int item, int width)
{
	const char *text = it->body, *at, *from = it->body;
	char **lines;
	int n, i;

	n = i18n_wrap(text, width - 4, &lines);
	for (i = 0; i < n; i++) {
		body_add(b, xasprintf("    %s", lines[i]),
		    strncmp(lines[i], "> ", 2) == 0 || strcmp(lines[i], ">") == 0 ?
		    A_DIM : A_NORMAL, -1);
		b->l[b->n - 1].item = item;
		/* Wrapped lines are pieces of the body, in order. */
		if (it->nmarks > 0 && (at = strstr(from, lines[i])) != NULL) {
			b->l[b->n - 1].marked = it;
			b->l[b->n - 1].mark_base = (at - text) - 4;
			from = at + strlen(lines[i]);
		}
	}
	i18n_free_lines(lines, n);
	body_add(b, xstrdup(""), A_NORMAL, -1);
	b->l[b->n - 1].item = item;
}

static void
build_items(struct app *app, struct body *b, const struct view *v, int focus,
    struct full_state *fs, int width)
{
	int i;

	for (i = 0; i < v->nitems; i++) {
		const struct view_item *it = &v->items[i];
		struct strbuf sb = { 0 };

		struct strbuf marks = { 0 };
		char *head = xasprintf("%s %2d. ", i == focus ? ">" : " ", i + 1);
		char *label, *ascii;
		int room, mark;

		/* The status words and the unread mark always show: a label
		 * that does not fit is shortened before them. */
		if (it->status != NULL && it->status[0] != '\0')
			sb_printf(&marks, "  (%s)", it->status);
		if (it->unread != NULL)
			sb_printf(&marks, "  [%s]", T(it->unread));
		room = width - shown_cols(app, head) -
		    (marks.s != NULL ? shown_cols(app, marks.s) : 0);
		/* On ASCII terminals shorten what will be shown: a
		 * transliteration may be longer than the original. */
		ascii = app->ascii ? i18n_to_ascii(it->label) : NULL;
		label = shorten(app, ascii != NULL ? ascii : it->label,
		    room > 8 ? room : 8);
		free(ascii);
		sb_printf(&sb, "%s%s%s", head, label, marks.s != NULL ? marks.s : "");
		mark = (int)strlen(head) - 1;
		free(head);
		free(label);
		sb_free(&marks);
		if (i == focus)
			b->focus_line = b->n;
		/* Focus is the '>' and the cursor, and the number in reverse:
		 * a move changes a few cells, not two whole rows. */
		body_add(b, sb_take(&sb), it->body != NULL ? fs->strong : A_NORMAL,
		    i == focus ? 2 : -1);
		b->l[b->n - 1].item = i;
		b->l[b->n - 1].mark = i == focus ? mark : 0;
		if (it->body != NULL)
			add_body(b, it, i, width);
	}
}

/* Remembers where each post starts and picks the first line to show, for
 * the pager's keys. Returns that line. */
static int
doc_geometry(struct full_state *fs, const struct body *b, const struct view *v,
    int focus, int height)
{
	int i, maxtop;

	free(fs->doc_item_line);
	fs->doc_item_line = xcalloc((size_t)v->nitems, sizeof(int));
	fs->doc_nitems = v->nitems;
	for (i = b->n - 1; i >= 0; i--)
		if (b->l[i].item >= 0)
			fs->doc_item_line[b->l[i].item] = i;	/* ends on the header */
	fs->doc_lines = b->n;
	fs->doc_height = height;
	if (fs->doc_snap) {
		fs->doc_top = fs->doc_item_line[focus];
		fs->doc_snap = false;
	}
	maxtop = b->n > height ? b->n - height : 0;
	if (fs->doc_top > maxtop)
		fs->doc_top = maxtop;
	if (fs->doc_top < 0)
		fs->doc_top = 0;
	return fs->doc_top;
}

/* True when byte i of a body line is in a search match. */
static bool
line_marked(const struct bline *l, size_t i)
{
	long bi = (long)i + l->mark_base;
	int k;

	for (k = 0; k < l->marked->nmarks; k++)
		if (bi >= (long)l->marked->marks[k].off && bi <
		    (long)(l->marked->marks[k].off + l->marked->marks[k].len))
			return true;
	return false;
}

/* A body line with its search matches in reverse video. */
static void
put_marked(struct app *app, int y, const struct bline *l, int width)
{
	size_t i = 0, j, n = strlen(l->text);
	char *piece, *shown;
	int x = 1;
	bool on;

	while (i < n && x - 1 < width) {
		on = line_marked(l, i);
		for (j = i; j < n && line_marked(l, j) == on; j++)
			;
		piece = xstrndup(l->text + i, j - i);
		put(app, y, x, piece, width - (x - 1),
		    on ? l->attr | A_REVERSE : l->attr);
		shown = app->ascii ? i18n_to_ascii(piece) : NULL;
		x += i18n_width(shown != NULL ? shown : piece);
		free(shown);
		free(piece);
		i = j;
	}
}

static void
draw(struct app *app, const char *title, struct view *v, int focus)
{
	struct full_state *fs = app->rstate;
	struct body b = { .focus_line = -1 };
	int top = 3, height, width = COLS - 2, first = 0, i, nnote = 0;
	int cy = -1, cx = 0;
	char **note = NULL;
	/* The title may hold user text (search words): only what the
	 * sanitiser keeps reaches the terminal. */
	char *clean = sanitize(title, strlen(title), SANITIZE_LINE, 0, 0);

	title = clean;
	/* A message takes up to NOTICE_ROWS rows above the key bar, wrapped;
	 * the body gives them up. */
	if (app->notice != NULL)
		nnote = i18n_wrap(app->notice, width, &note);
	height = LINES - 4 - (nnote > 0 ? (nnote < NOTICE_ROWS ? nnote : NOTICE_ROWS) : 1);
	erase();
	draw_status(app, title, fs);
	put(app, 1, 1, title, v->position != NULL ?
	    width - shown_cols(app, v->position) - 2 : width, fs->title);
	if (v->text != NULL && v->text[0] != '\0') {
		add_wrapped(&b, v->text, width, A_NORMAL);
		body_add(&b, xstrdup(""), A_NORMAL, -1);
	}
	if (v->form != NULL)
		build_form(app, &b, v->form, fs, width);
	else
		build_items(app, &b, v, focus, fs, width);
	if (v->nitems > 0 && v->items[0].body != NULL)
		first = doc_geometry(fs, &b, v, focus, height);
	else if (b.focus_line >= height)
		first = b.focus_line - height + 2;
	for (i = 0; i < height && first + i < b.n; i++) {
		struct bline *l = &b.l[first + i];

		if (l->marked != NULL)
			put_marked(app, top + i, l, width);
		else
			put(app, top + i, 1, l->text, width, l->attr);
		if (l->mark > 0)
			mvchgat(top + i, 1, l->mark, l->attr | fs->focus, 0, NULL);
		if (l->cursor >= 0) {
			cy = top + i;
			cx = 1 + l->cursor;
		}
	}
	if (v->position != NULL) {
		int pw = i18n_width(v->position);

		put(app, 1, COLS - pw - 1, v->position, pw, A_NORMAL);
	}
	for (i = 0; i < nnote && i < NOTICE_ROWS; i++) {
		int rows = nnote < NOTICE_ROWS ? nnote : NOTICE_ROWS;
		char *last = NULL;

		if (i == NOTICE_ROWS - 1 && nnote > NOTICE_ROWS)	/* more: mark the cut */
			last = xasprintf("%s %s", note[i], note[i + 1]);
		put(app, LINES - 1 - rows + i, 1, last != NULL ? last : note[i],
		    width, fs->strong);
		free(last);
	}
	i18n_free_lines(note, nnote);
	draw_keybar(app, v, fs);
	if (cy < 0 && v->nitems > 0 && v->items[0].body != NULL) {
		cy = top;	/* the focused post's header is above: its text */
		cx = 1;
	} else if (cy < 0) {
		cy = 1;
		cx = 1;
	}
	fs->cy = cy;
	fs->cx = cx;
	move(cy, cx);
	refresh();
	body_free(&b);
	free(clean);
}

static void
draw_too_small(struct app *app)
{
	char *small = TFA("screen.too_small", A_NUM(MIN_COLS), A_NUM(MIN_ROWS),
	    A_NUM(COLS), A_NUM(LINES));
	char *msg = xasprintf("%s\n\n%s", small, T("screen.plain_hint"));
	char **lines;
	int n, i;

	erase();
	n = i18n_wrap(msg, COLS > 2 ? COLS - 1 : 1, &lines);
	for (i = 0; i < n && i < LINES; i++)
		put(app, i, 0, lines[i], COLS, A_NORMAL);
	i18n_free_lines(lines, n);
	move(0, 0);
	refresh();
	free(small);
	free(msg);
}

/* Edits the focused one-line field with key; returns true when handled.
 * Typed text comes through insert_text. */
static bool
edit_text(struct field *fld, int type, wint_t ch)
{
	if (type == KEY_CODE_YES) {
		switch (ch) {
		case KEY_LEFT: field_cursor_step(fld, -1); return true;
		case KEY_RIGHT: field_cursor_step(fld, 1); return true;
		case KEY_HOME: field_cursor_home(fld); return true;
		case KEY_END: field_cursor_end(fld); return true;
		case KEY_BACKSPACE: field_delete_back(fld); return true;
		case KEY_DC: field_delete_forward(fld); return true;
		}
		return false;
	}
	if (ch == 127 || ch == 8) {
		field_delete_back(fld);
		return true;
	}
	if (ch == 21) {		/* Ctrl-U: clear the field */
		field_set(fld, "");
		return true;
	}
	return false;
}

static void
focus_field(struct full_state *fs, struct form *f, int i)
{
	if (i < 0)
		i = 0;
	if (i > f->nfields)
		i = f->nfields;
	f->focus = i;
	fs->form_focus = i;
	if (i < f->nfields)
		field_cursor_end(f->fields[i]);
	/* A new editor unless this one holds exactly the field's text (a form
	 * freed and another made at the same address must not share one). */
	if (i < f->nfields && f->fields[i]->type == FIELD_TEXTAREA &&
	    (fs->ed == NULL || fs->ed_field != f->fields[i] ||
	    strcmp(editor_text(fs->ed), f->fields[i]->value) != 0)) {
		editor_free(fs->ed);
		fs->ed = editor_new(f->fields[i]->value,
		    f->fields[i]->max_cp > 0 ? (size_t)f->fields[i]->max_cp : 0);
		fs->ed_field = f->fields[i];
	}
}

/* Keys of the multi-line editor; Tab, Ctrl-X, Esc and F1 stay the form's.
 * Returns true when the key was the editor's. */
static bool
textarea_key(struct full_state *fs, struct field *fld, int type, wint_t ch)
{
	static const struct { int key; enum editor_key ek; } keys[] = {
		{ KEY_LEFT, ED_LEFT }, { KEY_RIGHT, ED_RIGHT }, { KEY_UP, ED_UP },
		{ KEY_DOWN, ED_DOWN }, { KEY_HOME, ED_HOME }, { KEY_END, ED_END },
		{ KEY_PPAGE, ED_PGUP }, { KEY_NPAGE, ED_PGDN },
		{ KEY_BACKSPACE, ED_BACKSPACE }, { KEY_DC, ED_DELETE },
		{ KEY_ENTER, ED_NEWLINE }, { KEY_CTRL_HOME, ED_TOP },
		{ KEY_CTRL_END, ED_BOTTOM },
	};
	enum editor_result r = ED_IGNORED;
	size_t i;

	if (type == KEY_CODE_YES) {
		for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
			if ((wint_t)keys[i].key == ch)
				break;
		if (i == sizeof keys / sizeof keys[0])
			return false;
		r = editor_key(fs->ed, keys[i].ek);
	} else if (ch == '\r' || ch == '\n')
		r = editor_key(fs->ed, ED_NEWLINE);
	else if (ch == 127 || ch == 8)
		r = editor_key(fs->ed, ED_BACKSPACE);
	else if (ch == '\t' || ch == 27 || ch == 24)
		return false;
	else if (ch >= 0x20)
		r = editor_insert_cp(fs->ed, (uint32_t)ch);
	else
		return true;	/* other control keys do nothing here */
	if (r == ED_LIMIT)
		field_set_error_key(fld, "form.editor_full");
	else if (fld->error != NULL && r == ED_OK)
		field_set_error(fld, NULL);
	field_set(fld, editor_text(fs->ed));
	return true;
}

/* Handles a key on a form. Returns true when ev was filled. */
static bool
form_key(struct full_state *fs, struct form *f, int type, wint_t ch,
    struct ui_event *ev)
{
	struct field *fld = f->focus < f->nfields ? f->fields[f->focus] : NULL;
	bool enter = (type == OK && (ch == '\r' || ch == '\n')) ||
	    (type == KEY_CODE_YES && ch == KEY_ENTER);

	if (type == OK && ch == 27) {
		ev->type = EV_BACK;
		return true;
	}
	if (type == OK && ch == 24) {	/* Ctrl-X: send */
		if (form_validate(f)) {
			ev->type = EV_SUBMIT;
			return true;
		}
		focus_field(fs, f, f->focus);
		return false;
	}
	if (fld != NULL && fld->type == FIELD_TEXTAREA && fs->ed_field == fld &&
	    textarea_key(fs, fld, type, ch))
		return false;
	if ((type == KEY_CODE_YES && ch == KEY_F(1)) ||
	    (type == OK && ch == '?' && (fld == NULL || fld->type == FIELD_CHOICE))) {
		ev->type = EV_HELP;
		return true;
	}
	if ((type == OK && ch == '\t') || (type == KEY_CODE_YES && ch == KEY_DOWN)) {
		focus_field(fs, f, f->focus + 1);
		return false;
	}
	if (type == KEY_CODE_YES && (ch == KEY_UP || ch == KEY_BTAB)) {
		focus_field(fs, f, f->focus - 1);
		return false;
	}
	if (type == OK && ch == 'q' && fld == NULL) {
		ev->type = EV_BACK;	/* on the button, as Esc */
		return true;
	}
	if (enter && (fld == NULL || (f->quick &&
	    fld->type != FIELD_TEXTAREA))) {
		if (form_validate(f)) {
			ev->type = EV_SUBMIT;
			return true;
		}
		focus_field(fs, f, f->focus);
		return false;
	}
	if (enter) {
		if (field_validate(f, fld))
			focus_field(fs, f, f->focus + 1);
		return false;
	}
	if (fld == NULL)
		return false;
	if (fld->type == FIELD_CHOICE) {
		int was = fld->chosen;

		if (fld->nchoices == 0)
			;	/* nothing to move to; its error says so */
		else if (type == KEY_CODE_YES && ch == KEY_LEFT)
			field_choose(fld, (fld->chosen + fld->nchoices - 1) % fld->nchoices);
		else if ((type == KEY_CODE_YES && ch == KEY_RIGHT) || (type == OK && ch == ' '))
			field_choose(fld, (fld->chosen + 1) % fld->nchoices);
		/* A checked choice acts at once (the registration form's
		 * language re-translates the form): check it, and have the
		 * screen described again so title, text and key bar follow. */
		if (fld->chosen != was && fld->check != NULL) {
			field_validate(f, fld);
			ev->type = EV_CHANGED;
			return true;
		}
		return false;
	}
	edit_text(fld, type, ch);
	return false;
}

/* Whether key is typed text for the focused field: a printable character,
 * and for a multi-line field also Enter. */
static bool
is_text(int type, wint_t ch, bool multiline)
{
	if (type != OK)
		return false;
	if (ch >= 0x20 && ch != 0x7f && !(ch >= 0x80 && ch < 0xa0))
		return true;
	return multiline && (ch == '\r' || ch == '\n');
}

/* The focused field that takes typed text, or NULL. */
static struct field *
text_field(const struct full_state *fs, const struct view *v)
{
	struct field *fld;

	if (v->form == NULL || v->form->focus >= v->form->nfields)
		return NULL;
	fld = v->form->fields[v->form->focus];
	if (fld->type == FIELD_TEXT || fld->type == FIELD_PASSWORD)
		return fld;
	if (fld->type == FIELD_TEXTAREA && fs->ed != NULL && fs->ed_field == fld)
		return fld;
	return NULL;
}

/* Takes the key in *type and *ch and the text keys that are already waiting
 * behind it (a paste arrives as one burst) into sb, at most BURST_MAX.
 * One-line fields keep only what the sanitiser keeps. Leaves the first
 * other key in *type and *ch and returns true when there is one. */
static bool
take_text(struct strbuf *sb, bool multiline, int *type, wint_t *ch)
{
	int n;

	for (n = 0; n < BURST_MAX; n++) {
		char mb[8];
		int len;

		if (!is_text(*type, *ch, multiline))
			return true;
		if (*ch == '\r' || *ch == '\n')
			sb_putc(sb, '\n');
		else if ((multiline || sanitize_line_keeps((uint32_t)*ch)) &&
		    (len = wctomb(mb, (wchar_t)*ch)) > 0)
			sb_add(sb, mb, (size_t)len);
		timeout(0);
		if ((*type = get_wch(ch)) == ERR)
			return false;
	}
	return false;
}

/* Puts a burst of typed text into fld as one edit. At its limit a one-line
 * field takes what fits and the editor refuses the burst whole ("nothing
 * was cut"); either says so once, whatever the burst's length. */
static void
insert_text(struct full_state *fs, struct field *fld, const char *text,
    size_t n)
{
	bool full;

	if (n == 0)
		return;
	if (fld->type == FIELD_TEXTAREA) {
		enum editor_result r = editor_insert(fs->ed, text);

		full = r == ED_LIMIT;
		if (r == ED_OK)
			field_set(fld, editor_text(fs->ed));
	} else
		full = field_insert(fld, text, n) == FIELD_EDIT_FULL;
	if (full && fld->max_cp > 0 && fld->type != FIELD_TEXTAREA) {
		char *msg = TFA("form.error.too_long", A_NUM(fld->max_cp));

		field_set_error(fld, msg);
		free(msg);
	} else if (full)
		field_set_error_key(fld, "form.editor_full");
	else if (fld->error != NULL)
		field_set_error(fld, NULL);
}

/* Ctrl-C, Ctrl-Z and Ctrl-\ reach the UI as keys (the terminal sends no
 * signals: see ui/app.c). In a form that holds a multi-line text (the
 * editor) Ctrl-C and Ctrl-Z do what Esc does, which asks before anything
 * written is lost; everywhere else, and Ctrl-\ always, they only say which
 * keys go back. Returns true when key was one of them (*back: act as Esc). */
static bool
ctrl_key(struct app *app, const struct view *v, int type, wint_t ch,
    bool *back)
{
	int i;

	*back = false;
	if (type != OK || (ch != 3 && ch != 26 && ch != 28))
		return false;
	if (ch != 28 && v->form != NULL)
		for (i = 0; i < v->form->nfields; i++)
			if (v->form->fields[i]->type == FIELD_TEXTAREA)
				*back = true;
	if (!*back)
		app_notice(app, T(v->form != NULL ? "key.ctrl_form" : "key.ctrl_list"));
	return true;
}

static bool
page_event(const struct view *v, int dir, struct ui_event *ev)
{
	if ((dir < 0 && !v->more_before) || (dir > 0 && !v->more_after))
		return false;
	ev->type = EV_PAGE;
	ev->index = dir;
	return true;
}

/* The post the pager focuses after a scroll: the first one whose header
 * is on the screen (so the '>' and the cursor can stand on it), else the
 * one whose text fills the screen. */
static int
doc_focus_at_top(const struct full_state *fs)
{
	int i, f = 0;

	for (i = 0; i < fs->doc_nitems; i++) {
		if (fs->doc_item_line[i] >= fs->doc_top &&
		    fs->doc_item_line[i] < fs->doc_top + fs->doc_height)
			return i;
		if (fs->doc_item_line[i] <= fs->doc_top)
			f = i;
	}
	return f;
}

/* Handles a key in the pager: lines, pages, posts. Returns true when ev
 * was filled; unknown keys go on to the list's handling. */
static int
doc_key(struct full_state *fs, const struct view *v, int *focus, int type,
    wint_t ch, struct ui_event *ev)
{
	int maxtop = fs->doc_lines > fs->doc_height ?
	    fs->doc_lines - fs->doc_height : 0;
	int step = fs->doc_height > 2 ? fs->doc_height - 1 : 1;

	if (type == KEY_CODE_YES && ch == KEY_DOWN)
		fs->doc_top = fs->doc_top < maxtop ? fs->doc_top + 1 : maxtop;
	else if (type == KEY_CODE_YES && ch == KEY_UP)
		fs->doc_top = fs->doc_top > 0 ? fs->doc_top - 1 : 0;
	else if ((type == KEY_CODE_YES && ch == KEY_NPAGE) || (type == OK && ch == ' ')) {
		if (fs->doc_top >= maxtop)
			return page_event(v, 1, ev);
		fs->doc_top = fs->doc_top + step < maxtop ? fs->doc_top + step : maxtop;
	} else if (type == KEY_CODE_YES && ch == KEY_PPAGE) {
		if (fs->doc_top == 0)
			return page_event(v, -1, ev);
		fs->doc_top = fs->doc_top > step ? fs->doc_top - step : 0;
	} else if (type == KEY_CODE_YES && ch == KEY_HOME)
		fs->doc_top = 0;
	else if (type == KEY_CODE_YES && ch == KEY_END)
		fs->doc_top = maxtop;
	else if (type == OK && ch == 'j') {
		if (*focus >= v->nitems - 1)
			return page_event(v, 1, ev);
		fs->doc_top = fs->doc_item_line[++(*focus)];
		return false;
	} else if (type == OK && ch == 'k') {
		if (*focus == 0 && fs->doc_top == 0)
			return page_event(v, -1, ev);
		if (fs->doc_top <= fs->doc_item_line[*focus] && *focus > 0)
			(*focus)--;
		fs->doc_top = fs->doc_item_line[*focus];
		return false;
	} else
		return -1;
	*focus = doc_focus_at_top(fs);
	return false;
}

/* Handles a key on a list. Returns true when ev was filled. */
static bool
list_key(const struct view *v, int *focus, int type, wint_t ch,
    struct ui_event *ev)
{
	int page = LINES - 8 > 1 ? LINES - 8 : 1, i;

	if (type == OK && (ch == '<' || ch == '>'))
		return page_event(v, ch == '<' ? -1 : 1, ev);
	if ((type == KEY_CODE_YES && (ch == KEY_UP || ch == KEY_PPAGE)) ||
	    (type == OK && ch == 'k'))
		if (*focus == 0 && page_event(v, -1, ev))
			return true;
	if ((type == KEY_CODE_YES && (ch == KEY_DOWN || ch == KEY_NPAGE)) ||
	    (type == OK && ch == 'j'))
		if (*focus >= v->nitems - 1 && page_event(v, 1, ev))
			return true;
	if (type == KEY_CODE_YES) {
		switch (ch) {
		case KEY_UP: if (*focus > 0) (*focus)--; return false;
		case KEY_DOWN: if (*focus < v->nitems - 1) (*focus)++; return false;
		case KEY_PPAGE: *focus = *focus > page ? *focus - page : 0; return false;
		case KEY_NPAGE:
			*focus = *focus + page < v->nitems ? *focus + page :
			    (v->nitems > 0 ? v->nitems - 1 : 0);
			return false;
		case KEY_HOME: *focus = 0; return false;
		case KEY_END: *focus = v->nitems > 0 ? v->nitems - 1 : 0; return false;
		case KEY_ENTER: case KEY_RIGHT: goto select;
		case KEY_F(1): ev->type = EV_HELP; return true;
		}
		return false;
	}
	switch (ch) {
	case 'k': if (*focus > 0) (*focus)--; return false;
	case 'j': if (*focus < v->nitems - 1) (*focus)++; return false;
	case '\r': case '\n': goto select;
	case 'q': case 27: ev->type = EV_BACK; return true;
	case '?': ev->type = EV_HELP; return true;
	case 12: clearok(curscr, TRUE); ev->type = EV_REDRAW; return true;
	}
	if (ch >= '1' && ch <= '9' && (int)(ch - '1') < v->nitems) {
		*focus = (int)(ch - '1');
		goto select;
	}
	for (i = 0; i < v->nactions; i++)
		if ((wint_t)v->actions[i].key == ch) {
			ev->type = EV_ACTION;
			ev->key = (int)ch;
			return true;
		}
	return false;
select:
	if (v->nitems == 0)
		return false;
	ev->type = EV_SELECT;
	ev->index = *focus;
	return true;
}

/* Whether a printable key means something on a list or pager (unbound
 * ones get a word of help instead of silence). */
static bool
list_knows(const struct view *v, wint_t ch)
{
	const struct key_def *d = keys_find((int)ch, KM_FULL, keys_where(v));
	int i;

	/* The search is the screen's: known when it is among its letters. */
	if (d != NULL && d->sem != KS_SEARCH)
		return true;
	if (ch >= '1' && ch <= '9')
		return (int)(ch - '1') < v->nitems;
	for (i = 0; i < v->nactions; i++)
		if ((wint_t)v->actions[i].key == ch)
			return true;
	return false;
}

/* Whether the screen shown keeps drafts (and wants typing handed back). */
static bool
screen_keeps(const struct app *app)
{
	return app->depth > 0 && app->stack[app->depth - 1].ops->keep != NULL;
}

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void
full_present(struct app *app, const char *title, struct view *v, int *focus,
    int timeout_ms, struct ui_event *ev)
{
	struct full_state *fs = app->rstate;

	fs->doc_snap = true;
	if (v->form != NULL && (fs->form != v->form || fs->form_focus != v->form->focus)) {
		if (fs->form != v->form) {
			editor_free(fs->ed);
			fs->ed = NULL;
			fs->ed_field = NULL;
		}
		fs->form = v->form;
		focus_field(fs, v->form, v->form->focus);
	}
	for (;;) {
		long deadline = now_ms() + timeout_ms;
		wint_t ch;
		int type, n, r;

		if (COLS < MIN_COLS || LINES < MIN_ROWS)
			draw_too_small(app);
		else
			draw(app, title, v, *focus);
		/* Wait in short steps to notice new notifications; the status
		 * line is redrawn only when the count changed, so an idle
		 * session still writes nothing. */
		for (;;) {
			long start = now_ms(), wait = deadline - start;

			/* notice_poll_ms: how often a waiting screen looks
			 * for news. */
			if (wait > app->cfg->notice_poll_ms && !app_is_guest(app))
				wait = app->cfg->notice_poll_ms;
			if (fs->typed > 0 && wait > TYPING_PAUSE_MS)
				wait = TYPING_PAUSE_MS;
			timeout(wait > 0 ? (int)wait : 0);
			type = get_wch(&ch);
			if (ui_hangup) {
				ev->type = EV_HANGUP;
				return;
			}
			if (type != ERR)
				break;
			/* ERR long before the wait is over: the terminal is gone. */
			if (now_ms() - start < wait - 50) {
				ev->type = EV_HANGUP;
				return;
			}
			if (fs->typed > 0) {
				fs->typed = 0;
				ev->type = EV_REDRAW;
				return;
			}
			if (now_ms() >= deadline - 50) {
				ev->type = EV_TIMEOUT;
				return;
			}
			if (app_poll(app) && COLS >= MIN_COLS && LINES >= MIN_ROWS) {
				draw_status(app, title, fs);
				draw_cursor_back(app);
				refresh();
			}
		}
		/* Everything already waiting is handled before the next draw:
		 * a paste costs one edit and one screen, not one per key. */
		for (n = 0; n < BURST_MAX; n++) {
			struct field *fld = text_field(fs, v);
			bool more = true, back;

			if (type == KEY_CODE_YES && ch == KEY_RESIZE) {
				ev->type = EV_REDRAW;
				return;
			}
			if (COLS < MIN_COLS || LINES < MIN_ROWS) {
				if (type == OK && ch == 'q') {
					ev->type = EV_BACK;
					return;
				}
			} else if (ctrl_key(app, v, type, ch, &back)) {
				if (back) {
					ev->type = EV_BACK;
					return;
				}
			} else if (v->form == NULL && type == OK && ch > 0x20 &&
			    ch < 0x7f && !list_knows(v, ch)) {
				app_notice(app, T("key.ctrl_list"));
			} else if (fld != NULL && is_text(type, ch,
			    fld->type == FIELD_TEXTAREA)) {
				struct strbuf sb = { 0 };

				more = take_text(&sb, fld->type == FIELD_TEXTAREA,
				    &type, &ch);
				insert_text(fs, fld, sb.s != NULL ? sb.s : "", sb.len);
				sb_free(&sb);
				if (!more)
					break;
				continue;
			} else if (v->form == NULL && v->nitems > 0 &&
			    v->items[0].body != NULL &&
			    (r = doc_key(fs, v, focus, type, ch, ev)) >= 0) {
				if (r == true)
					return;
			} else if (v->form != NULL ? form_key(fs, v->form, type, ch, ev) :
			    list_key(v, focus, type, ch, ev)) {
				fs->typed = 0;
				return;
			}
			if (ui_hangup)
				break;
			timeout(0);
			if ((type = get_wch(&ch)) == ERR)
				break;
		}
		if (v->form != NULL && screen_keeps(app) &&
		    (fs->typed += n + 1) >= TYPING_KEYS) {
			fs->typed = 0;
			ev->type = EV_REDRAW;
			return;
		}
	}
}

const struct renderer render_full = {
	.start = full_start,
	.stop = full_stop,
	.present = full_present,
};
