/* The full-screen renderer's frame (ncurses): the terminal's life (start,
 * stop, the UTF-8 probe, themes), the status line, the title, the view's
 * text, a message line and a key bar; between them the view's widget
 * (ui/widget-*.c) draws and takes the keys. It redraws only on input or
 * resize, so an idle session writes nothing. */
#include "ui/render-full.h"
#include "ui/feature.h"
#include "ui/keys.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "ui/widget.h"
#include "common/config.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "forms/form.h"
#include "core/sanitize.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MIN_COLS 80
#define MIN_ROWS 24
#define NOTICE_ROWS 3	/* a message wraps onto at most this many rows */
#define BURST_MAX 65536	/* keys taken in one go before a draw */
#define WIDGETS_MAX 8	/* kinds of widget one session keeps state for */
/* Keys typed into a form are handed back (EV_REDRAW, so the screen can
 * keep a draft) after this pause, or after this many keys. */
#define TYPING_PAUSE_MS	2000
#define TYPING_KEYS	60

struct full_state {
	SCREEN		*scr;
	FILE		*in, *out;
	struct full_style style;
	/* Each widget's own state, made at its first use. */
	struct {
		const struct widget_ops	*ops;
		void			*st;
	}		 widgets[WIDGETS_MAX];
	int		 nwidgets;
	int		 cy, cx;	/* where the hardware cursor stands */
	int		 typed;		/* typing keys since the last hand-back */
};

const struct full_style *
full_style(const struct app *app)
{
	const struct full_state *fs = app->rstate;

	return &fs->style;
}

/* The state the full screen keeps for widget w (NULL: it keeps none). */
static void *
widget_state(struct full_state *fs, const struct widget_ops *w)
{
	int i;

	if (w->full_state_size == 0)
		return NULL;
	for (i = 0; i < fs->nwidgets; i++)
		if (fs->widgets[i].ops == w)
			return fs->widgets[i].st;
	assert(fs->nwidgets < WIDGETS_MAX);
	fs->widgets[fs->nwidgets].ops = w;
	fs->widgets[fs->nwidgets].st = xcalloc(1, w->full_state_size);
	return fs->widgets[fs->nwidgets++].st;
}

static int
full_start(struct app *app)
{
	static bool probed;
	struct full_state *fs;
	int in, out;

	if (!probed && app->p->utf8 < 0 && app->acct.charset == CHARSET_AUTO) {
		probed = true;
		full_probe_utf8(app);
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
	full_set_theme(app, &fs->style);
	app->rstate = fs;
	return 0;
}

static void
full_stop(struct app *app)
{
	struct full_state *fs = app->rstate;
	int i;

	if (fs == NULL)
		return;
	endwin();
	delscreen(fs->scr);
	for (i = 0; i < fs->nwidgets; i++) {
		if (fs->widgets[i].ops->full_free != NULL)
			fs->widgets[i].ops->full_free(fs->widgets[i].st);
		free(fs->widgets[i].st);
	}
	fclose(fs->in);
	fclose(fs->out);
	free(fs);
	app->rstate = NULL;
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
	char *left, *right;
	struct strbuf nb = { 0 };
	int rw, i;

	/* A new announcement (ui/announce-news.c) takes the place of who and
	 * where, and of the counts, while the screen it came to is shown; it
	 * was made to fit there (ANNOUNCE_MAX_COLS), and full_put cuts
	 * whole characters if a terminal is narrower. Help stays. */
	if (app->announce != NULL) {
		char *s = TFA("status.announce", A_STR(app->announce));

		left = xasprintf(" %s", s);
		free(s);
	} else
		left = xasprintf(" %s | %s | %s", T("app.name"), who, title);
	if (app->notices_unread > 0 && app->announce == NULL) {
		char *s = TFA("status.notices", A_NUM(app->notices_unread));

		sb_printf(&nb, "%s  ", s);
		free(s);
	}
	/* The features' counts (unread private messages). */
	for (i = 0; features[i] != NULL; i++) {
		char *s;

		if (features[i]->status_key == NULL ||
		    app->status_counts[i] <= 0 || app->announce != NULL)
			continue;
		s = TFA(features[i]->status_key, A_NUM(app->status_counts[i]));
		sb_printf(&nb, "%s  ", s);
		free(s);
	}
	right = xasprintf("%s? %s ", nb.s != NULL ? nb.s : "", T("key.help"));
	rw = i18n_width(right);

	fill_row(0, fs->style.bar);
	full_put(app, 0, 0, left, COLS - rw - 1, fs->style.bar);
	full_put(app, 0, COLS - rw, right, rw, fs->style.bar);
	free(left);
	sb_free(&nb);
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
 * When they do not fit on one row the bar takes two (the body gives the
 * row up), so an organiser's letters in a long language are not lost;
 * what fits on neither is left out whole from the end of the screen's
 * letters (help lists every key of the screen). The rows are made in
 * bar[0..1]; returns how many. */
#define KEYBAR_ROWS 2
static int
keybar_rows(struct app *app, const struct view *v, struct strbuf bar[KEYBAR_ROWS])
{
	char **keys, *tail[4];
	struct strbuf tb = { 0 };
	int n, i, row = 0, room, tailw, total = 0, ntail;
	bool two;

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
	tailw = full_cols(app, tb.s != NULL ? tb.s : "");
	for (i = 0; i < n; i++)
		total += full_cols(app, keys[i]) + 2;
	/* One row when everything fits on it; else the first row is filled
	 * and the tail closes the second. */
	two = total > COLS - 2 - tailw;
	room = two ? COLS - 2 : COLS - 2 - tailw;
	sb_putc(&bar[0], ' ');
	for (i = 0; i < n; i++) {
		int w = full_cols(app, keys[i]) + 2;

		if (w > room && row + 1 < KEYBAR_ROWS && room >= 0) {
			row++;
			room = COLS - 2 - tailw;
			sb_putc(&bar[row], ' ');
		}
		if (w <= room) {
			sb_puts(&bar[row], keys[i]);
			sb_puts(&bar[row], "  ");
			room -= w;
		} else
			room = -1;	/* nothing after the first that is left out */
		free(keys[i]);
	}
	free(keys);
	if (two && row == 0)
		row++;
	if (bar[row].s == NULL)
		sb_putc(&bar[row], ' ');
	if (tb.s != NULL)
		sb_puts(&bar[row], tb.s);
	sb_free(&tb);
	return row + 1;
}

static void
draw_keybar(struct app *app, struct strbuf bar[KEYBAR_ROWS], int rows,
    struct full_state *fs)
{
	int i;

	for (i = 0; i < rows; i++) {
		int y = LINES - rows + i;

		fill_row(y, fs->style.bar);
		full_put(app, y, 0, bar[i].s, COLS, fs->style.bar);
		sb_free(&bar[i]);
	}
}

static void
draw(struct app *app, const char *title, struct view *v, int focus)
{
	struct full_state *fs = app->rstate;
	const struct widget_ops *w = view_widget(v);
	struct body b = { .focus_line = -1 };
	int top = 3, height, width = COLS - 2, first, i, nnote = 0, nbar;
	struct strbuf bar[KEYBAR_ROWS] = { { 0 } };
	int cy = -1, cx = 0;
	bool own_top = false;	/* the widget chose the first line */
	char **note = NULL;
	/* The title may hold user text (search words): only what the
	 * sanitiser keeps reaches the terminal. */
	char *clean = sanitize(title, strlen(title), SANITIZE_LINE, 0, 0);

	title = clean;
	/* A message takes up to NOTICE_ROWS rows above the key bar, wrapped;
	 * the body gives them up. */
	if (app->notice != NULL)
		nnote = i18n_wrap(app->notice, width, &note);
	nbar = keybar_rows(app, v, bar);
	height = LINES - 3 - nbar -
	    (nnote > 0 ? (nnote < NOTICE_ROWS ? nnote : NOTICE_ROWS) : 1);
	erase();
	draw_status(app, title, fs);
	full_put(app, 1, 1, title, v->position != NULL ?
	    width - full_cols(app, v->position) - 2 : width, fs->style.title);
	if (v->text != NULL && v->text[0] != '\0') {
		body_wrapped(app, &b, v->text, width, A_NORMAL);
		body_add(&b, xstrdup(""), A_NORMAL, -1);
	}
	w->full_draw(app, widget_state(fs, w), &b, v, focus, width);
	/* A widget without full_first leaves it to the frame (-1): a long
	 * form scrolls to its focused field. */
	first = w->full_first != NULL ? w->full_first(widget_state(fs, w), &b,
	    v, focus, height) : -1;
	if (first >= 0)
		own_top = w->full_first != NULL;
	else if (b.focus_line >= height)
		first = b.focus_line - height + 2;
	else
		first = 0;
	for (i = 0; i < height && first + i < b.n; i++) {
		struct bline *l = &b.l[first + i];

		body_put_line(app, top + i, l, width);
		if (l->cursor >= 0) {
			cy = top + i;
			cx = 1 + l->cursor;
		}
	}
	if (v->position != NULL) {
		int pw = i18n_width(v->position);

		full_put(app, 1, COLS - pw - 1, v->position, pw, A_NORMAL);
	}
	for (i = 0; i < nnote && i < NOTICE_ROWS; i++) {
		int rows = nnote < NOTICE_ROWS ? nnote : NOTICE_ROWS;
		char *last = NULL;

		if (i == NOTICE_ROWS - 1 && nnote > NOTICE_ROWS)	/* more: mark the cut */
			last = xasprintf("%s %s", note[i], note[i + 1]);
		full_put(app, LINES - nbar - rows + i, 1, last != NULL ? last : note[i],
		    width, fs->style.strong);
		free(last);
	}
	i18n_free_lines(note, nnote);
	draw_keybar(app, bar, nbar, fs);
	if (cy < 0 && own_top) {
		cy = top;	/* the focused item's header is above: its text */
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
		full_put(app, i, 0, lines[i], COLS, A_NORMAL);
	i18n_free_lines(lines, n);
	move(0, 0);
	refresh();
	free(small);
	free(msg);
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
	const struct widget_ops *w = view_widget(v);
	void *st = widget_state(fs, w);

	if (w->full_enter != NULL)
		w->full_enter(app, st, v);
	for (;;) {
		long deadline = now_ms() + timeout_ms;
		wint_t ch;
		int type, n;

		if (COLS < MIN_COLS || LINES < MIN_ROWS)
			draw_too_small(app);
		else
			draw(app, title, v, *focus);
		/* Wait in short steps to notice new notifications; the status
		 * line is redrawn only when the count changed, so an idle
		 * session still writes nothing. */
		for (;;) {
			long start = now_ms(), wait = deadline - start;
			bool news;

			/* notice_poll_ms: how often a waiting screen looks
			 * for news (a guest's too: announcements). */
			if (wait > app->cfg->notice_poll_ms)
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
			news = app_poll(app);
			/* What the screen shows changed elsewhere (the status
			 * line has the news too): it is described anew. */
			if (app_top_stale(app)) {
				ev->type = EV_REDRAW;
				return;
			}
			if (news && COLS >= MIN_COLS && LINES >= MIN_ROWS) {
				draw_status(app, title, fs);
				draw_cursor_back(app);
				refresh();
			}
		}
		/* Everything already waiting is handled before the next draw:
		 * a paste costs one edit and one screen, not one per key. */
		for (n = 0; n < BURST_MAX; n++) {
			bool back;

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
			} else {
				enum widget_key r = w->full_key(app, st, v, focus,
				    &type, &ch, ev);

				if (r == WIDGET_KEY_EVENT) {
					fs->typed = 0;
					return;
				}
				if (r == WIDGET_KEY_END)
					break;
				if (r == WIDGET_KEY_NEXT)
					continue;
			}
			if (ui_hangup)
				break;
			timeout(0);
			if ((type = get_wch(&ch)) == ERR)
				break;
		}
		if (w->typing && screen_keeps(app) &&
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
