/* The full screen's drawing primitives (ui/render-full.h), shared by the
 * frame and the widgets. */
#include "ui/render-full.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

void
body_add(struct body *b, char *owned, attr_t attr, int cursor)
{
	b->l = xrealloc(b->l, sizeof *b->l * (size_t)(b->n + 1));
	b->l[b->n].text = owned;
	b->l[b->n].attr = attr;
	b->l[b->n].cursor = cursor;
	b->l[b->n].item = -1;
	b->l[b->n].nmarks = 0;
	b->l[b->n].mark = 0;
	b->n++;
}

void
body_free(struct body *b)
{
	int i;

	for (i = 0; i < b->n; i++)
		free(b->l[i].text);
	free(b->l);
}

void
body_wrapped(struct app *app, struct body *b, const char *text, int width,
    attr_t attr)
{
	/* Transliterated before it is wrapped: the ASCII spelling may be
	 * longer (Cyrillic), and a line wrapped first would be cut. */
	char *a = app->ascii ? i18n_to_ascii(text) : NULL;
	char **lines;
	int n, i;

	n = i18n_wrap(a != NULL ? a : text, width, &lines);
	free(a);
	for (i = 0; i < n; i++) {
		body_add(b, lines[i], attr, -1);
		lines[i] = NULL;
	}
	i18n_free_lines(lines, n);
}

/* A cut string ends with an ellipsis ("..." on ASCII terminals) so that
 * nobody takes the rest for missing. */
char *
full_shorten(const struct app *app, const char *s, int w)
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

void
full_put(struct app *app, int y, int x, const char *s, int w, attr_t attr)
{
	char *a = app->ascii ? i18n_to_ascii(s) : NULL;
	char *cut;

	if (w <= 0)
		return;
	cut = full_shorten(app, a != NULL ? a : s, w);
	attrset(attr);
	mvaddstr(y, x, cut);
	attrset(A_NORMAL);
	free(cut);
	free(a);
}

int
full_cols(const struct app *app, const char *s)
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

int
full_prefix_width(const char *s, size_t n)
{
	char *pre = xstrndup(s, n);
	int w = i18n_width(pre);

	free(pre);
	return w;
}

/* True when byte i of a body line is in a search match. */
static bool
line_marked(const struct bline *l, size_t i)
{
	long bi = (long)i + l->mark_base;
	int k;

	for (k = 0; k < l->nmarks; k++)
		if (bi >= (long)l->marks[k].off && bi <
		    (long)(l->marks[k].off + l->marks[k].len))
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
		full_put(app, y, x, piece, width - (x - 1),
		    on ? l->attr | A_REVERSE : l->attr);
		shown = app->ascii ? i18n_to_ascii(piece) : NULL;
		x += i18n_width(shown != NULL ? shown : piece);
		free(shown);
		free(piece);
		i = j;
	}
}

void
body_put_line(struct app *app, int y, const struct bline *l, int width)
{
	if (l->nmarks > 0)
		put_marked(app, y, l, width);
	else
		full_put(app, y, 1, l->text, width, l->attr);
	if (l->mark > 0)
		mvchgat(y, 1, l->mark, l->attr | full_style(app)->focus, 0, NULL);
}

bool
full_page_event(const struct view *v, int dir, struct ui_event *ev)
{
	if ((dir < 0 && !v->more_before) || (dir > 0 && !v->more_after))
		return false;
	ev->type = EV_PAGE;
	ev->index = dir;
	return true;
}
