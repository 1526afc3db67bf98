/* The pager: items with bodies (posts) read as one document. It scrolls
 * by lines and pages; j and k go from item to item, and past the first or
 * the last one to the page before or after. The key bar names the unit
 * the screen gave (view_pager). Drawn as the list draws items with bodies;
 * the plain variant is the list's, which prints bodies whole. */
#include "ui/widget.h"
#include "ui/render-full.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"

#include <assert.h>
#include <stdlib.h>

/* The document as last drawn. */
struct pager_state {
	bool	 snap;		/* put the focused item at the top */
	int	 top;		/* first body line shown */
	int	 lines;		/* body lines in all */
	int	 height;	/* body lines on the screen */
	int	*item_line;	/* the line of each item's header */
	int	 nitems;
};

static void
pager_free(void *st)
{
	struct pager_state *ps = st;

	free(ps->item_line);
}

/* A view presented anew shows its focused item at the top. */
static void
pager_enter(struct app *app, void *st, struct view *v)
{
	struct pager_state *ps = st;

	(void)app;
	(void)v;
	ps->snap = true;
}

/* Items with their bodies under them, as the list draws them. */
static void
pager_draw(struct app *app, void *st, struct body *b, const struct view *v,
    int focus, int width)
{
	(void)st;
	widget_list.full_draw(app, NULL, b, v, focus, width);
}

/* Remembers where each item starts and picks the first line to show, for
 * the pager's keys. An empty page is shown as a list. */
static int
pager_first(void *st, const struct body *b, const struct view *v, int focus,
    int height)
{
	struct pager_state *ps = st;
	int i, maxtop;

	if (v->nitems == 0)
		return -1;
	assert(focus >= 0 && focus < v->nitems);
	free(ps->item_line);
	ps->item_line = xcalloc((size_t)v->nitems, sizeof(int));
	ps->nitems = v->nitems;
	for (i = b->n - 1; i >= 0; i--)
		if (b->l[i].item >= 0)
			ps->item_line[b->l[i].item] = i;	/* ends on the header */
	ps->lines = b->n;
	ps->height = height;
	if (ps->snap) {
		ps->top = ps->item_line[focus];
		ps->snap = false;
	}
	maxtop = b->n > height ? b->n - height : 0;
	if (ps->top > maxtop)
		ps->top = maxtop;
	if (ps->top < 0)
		ps->top = 0;
	return ps->top;
}

/* The item the pager focuses after a scroll: the first one whose header
 * is on the screen (so the '>' and the cursor can stand on it), else the
 * one whose text fills the screen. */
static int
focus_at_top(const struct pager_state *ps)
{
	int i, f = 0;

	for (i = 0; i < ps->nitems; i++) {
		if (ps->item_line[i] >= ps->top &&
		    ps->item_line[i] < ps->top + ps->height)
			return i;
		if (ps->item_line[i] <= ps->top)
			f = i;
	}
	return f;
}

/* Handles a key in the pager: lines, pages, items. Returns true when ev
 * was filled, -1 for keys it leaves to the list's handling. */
static int
doc_key(struct pager_state *ps, const struct view *v, int *focus, int type,
    wint_t ch, struct ui_event *ev)
{
	int maxtop = ps->lines > ps->height ? ps->lines - ps->height : 0;
	int step = ps->height > 2 ? ps->height - 1 : 1;

	if (type == KEY_CODE_YES && ch == KEY_DOWN)
		ps->top = ps->top < maxtop ? ps->top + 1 : maxtop;
	else if (type == KEY_CODE_YES && ch == KEY_UP)
		ps->top = ps->top > 0 ? ps->top - 1 : 0;
	else if ((type == KEY_CODE_YES && ch == KEY_NPAGE) || (type == OK && ch == ' ')) {
		if (ps->top >= maxtop)
			return full_page_event(v, 1, ev);
		ps->top = ps->top + step < maxtop ? ps->top + step : maxtop;
	} else if (type == KEY_CODE_YES && ch == KEY_PPAGE) {
		if (ps->top == 0)
			return full_page_event(v, -1, ev);
		ps->top = ps->top > step ? ps->top - step : 0;
	} else if (type == KEY_CODE_YES && ch == KEY_HOME)
		ps->top = 0;
	else if (type == KEY_CODE_YES && ch == KEY_END)
		ps->top = maxtop;
	else if (type == OK && ch == 'j') {
		if (*focus >= v->nitems - 1)
			return full_page_event(v, 1, ev);
		ps->top = ps->item_line[++(*focus)];
		return false;
	} else if (type == OK && ch == 'k') {
		if (*focus == 0 && ps->top == 0)
			return full_page_event(v, -1, ev);
		if (ps->top <= ps->item_line[*focus] && *focus > 0)
			(*focus)--;
		ps->top = ps->item_line[*focus];
		return false;
	} else
		return -1;
	*focus = focus_at_top(ps);
	return false;
}

static enum widget_key
pager_key(struct app *app, void *st, struct view *v, int *focus, int *type,
    wint_t *ch, struct ui_event *ev)
{
	struct pager_state *ps = st;
	int r;

	/* The geometry is the last draw's: it has this view's items. */
	if (v->nitems > 0 && ps->nitems == v->nitems &&
	    (r = doc_key(ps, v, focus, *type, *ch, ev)) >= 0)
		return r ? WIDGET_KEY_EVENT : WIDGET_KEY_DONE;
	return widget_list.full_key(app, NULL, v, focus, type, ch, ev);
}

const struct widget_ops widget_pager = {
	.name = "pager",
	.full_state_size = sizeof(struct pager_state),
	.full_free = pager_free,
	.full_enter = pager_enter,
	.full_draw = pager_draw,
	.full_first = pager_first,
	.full_key = pager_key,
	.line_present = widget_list_line_present,
};
