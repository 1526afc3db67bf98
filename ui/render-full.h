/* The full-screen renderer's parts that its frame (ui/render-full.c) and
 * its widgets (ui/widget-*.c) share: the body a widget fills and the frame
 * scrolls, the drawing primitives (ui/render-draw.c), the terminal's
 * abilities and the theme's styles (ui/render-term.c). It includes ncurses: only ui/render-*.c and
 * ui/widget-*.c may include it (tools/check-rooms). */
#ifndef TINKLAS_RENDER_FULL_H
#define TINKLAS_RENDER_FULL_H

#include "ui/view.h"

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

struct app;
struct ui_event;
struct view;
struct view_item;

/* Ctrl-Home and Ctrl-End (xterm's sequences, which many terminal
 * descriptions leave out): the start and the end of a text. */
enum { KEY_CTRL_HOME = KEY_MAX + 1, KEY_CTRL_END };

/* The attributes of the theme in use. */
struct full_style {
	attr_t	 bar, title, error, strong;
	attr_t	 focus;		/* the "> 12." of the focused item */
};
const struct full_style *full_style(const struct app *app);
/* Sets the styles of the app's theme (after ncurses started). */
void full_set_theme(const struct app *app, struct full_style *style);
/* Asks the terminal whether it shows UTF-8 (sets app->ascii when not);
 * before ncurses starts (ui/render-term.c). */
void full_probe_utf8(struct app *app);

/* One line of the body, built before drawing so it can scroll. */
struct bline {
	char	*text;
	attr_t	 attr;
	int	 cursor;	/* column of the hardware cursor, or -1 */
	int	 item;		/* the item the line belongs to, or -1 */
	int	 mark;		/* leading cells in the focus style, or 0 */
	/* A body line with marks (copied: the item may be a transliterated
	 * copy gone before the line is drawn): text byte i is body byte
	 * i + mark_base. */
	struct view_mark marks[VIEW_MARKS_MAX];
	int	 nmarks;
	long	 mark_base;
};

struct body {
	struct bline	*l;
	int		 n;
	int		 focus_line;	/* line that must stay visible */
};

/* Adds a line (owned: freed with the body). */
void body_add(struct body *b, char *owned, attr_t attr, int cursor);
/* Adds text wrapped to width. */
void body_wrapped(struct app *app, struct body *b, const char *text,
    int width, attr_t attr);
void body_free(struct body *b);
/* Draws line l of a body on row y, from column 1, in width columns: its
 * marks (search matches) in reverse, its focus cells in the focus style. */
void body_put_line(struct app *app, int y, const struct bline *l, int width);

/* s cut to w columns, with an ellipsis when cut. */
char *full_shorten(const struct app *app, const char *s, int w);
/* Draws s at (y, x) in at most w columns (transliterated on ASCII
 * terminals, shortened with an ellipsis when it does not fit). */
void full_put(struct app *app, int y, int x, const char *s, int w,
    attr_t attr);
/* Display width of s as full_put draws it. */
int full_cols(const struct app *app, const char *s);
/* Display width of the first n bytes of s. */
int full_prefix_width(const char *s, size_t n);

/* EV_PAGE toward dir (-1 before, +1 after) when the view has that page:
 * true when ev was filled. */
bool full_page_event(const struct view *v, int dir, struct ui_event *ev);

#endif
