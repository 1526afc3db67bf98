/* The list widget: numbered items, the focused one marked '>' with the
 * cursor on it, Enter opens; a page of a longer list pages on. Items with
 * bodies show them under their headers (the pager, ui/widget-pager.c,
 * draws this way too). The plain variant prints the items numbered and
 * asks for a number or a letter. */
#include "ui/keys.h"
#include "ui/widget.h"
#include "ui/render-full.h"
#include "ui/render-line.h"
#include "ui/line-answer.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* The item with its body transliterated for an ASCII terminal, before it
 * is wrapped (the ASCII spelling may be longer: Cyrillic), and its marks
 * moved to where their text went. The body is the caller's to free. */
static struct view_item
ascii_item(const struct view_item *it)
{
	struct view_item a = *it;
	char *prefix, *t;
	int m;

	a.body = i18n_to_ascii(it->body);
	for (m = 0; m < it->nmarks; m++) {
		const struct view_mark *k = &it->marks[m];

		prefix = xstrndup(it->body, k->off);
		t = i18n_to_ascii(prefix);
		a.marks[m].off = (unsigned)strlen(t);
		free(t);
		free(prefix);
		prefix = xstrndup(it->body + k->off, k->len);
		t = i18n_to_ascii(prefix);
		a.marks[m].len = (unsigned)strlen(t);
		free(t);
		free(prefix);
	}
	return a;
}

/* A post's text under its header: indented, quotes ("> ") dimmed when
 * the screen says the body has them, then a blank line. */
static void
add_body(struct body *b, const struct view_item *it, int item, int width)
{
	const char *text = it->body, *at, *from = it->body;
	char **lines;
	int n, i;

	n = i18n_wrap(text, width - 4, &lines);
	for (i = 0; i < n; i++) {
		body_add(b, xasprintf("    %s", lines[i]), it->quotes &&
		    (strncmp(lines[i], "> ", 2) == 0 || strcmp(lines[i], ">") == 0) ?
		    A_DIM : A_NORMAL, -1);
		b->l[b->n - 1].item = item;
		/* Wrapped lines are pieces of the body, in order. */
		if (it->nmarks > 0 && (at = strstr(from, lines[i])) != NULL) {
			memcpy(b->l[b->n - 1].marks, it->marks,
			    sizeof it->marks);
			b->l[b->n - 1].nmarks = it->nmarks;
			b->l[b->n - 1].mark_base = (at - text) - 4;
			from = at + strlen(lines[i]);
		}
	}
	i18n_free_lines(lines, n);
	body_add(b, xstrdup(""), A_NORMAL, -1);
	b->l[b->n - 1].item = item;
}

static void
list_draw(struct app *app, void *st, struct body *b, const struct view *v,
    int focus, int width)
{
	const struct full_style *fs = full_style(app);
	int i;

	(void)st;
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
		room = width - full_cols(app, head) -
		    (marks.s != NULL ? full_cols(app, marks.s) : 0);
		/* On ASCII terminals shorten what will be shown: a
		 * transliteration may be longer than the original. */
		ascii = app->ascii ? i18n_to_ascii(it->label) : NULL;
		label = full_shorten(app, ascii != NULL ? ascii : it->label,
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
		if (it->body != NULL && app->ascii) {
			struct view_item a = ascii_item(it);

			add_body(b, &a, i, width);
			free(a.body);
		} else if (it->body != NULL)
			add_body(b, it, i, width);
	}
}

/* Handles a key on a list (digits: list_full_key). Returns true when ev
 * was filled. */
static bool
list_key(const struct view *v, int *focus, int type, wint_t ch,
    struct ui_event *ev)
{
	int page = LINES - 8 > 1 ? LINES - 8 : 1, i;

	if (type == OK && (ch == '<' || ch == '>'))
		return full_page_event(v, ch == '<' ? -1 : 1, ev);
	if ((type == KEY_CODE_YES && (ch == KEY_UP || ch == KEY_PPAGE)) ||
	    (type == OK && ch == 'k'))
		if (*focus == 0 && full_page_event(v, -1, ev))
			return true;
	if ((type == KEY_CODE_YES && (ch == KEY_DOWN || ch == KEY_NPAGE)) ||
	    (type == OK && ch == 'j'))
		if (*focus >= v->nitems - 1 && full_page_event(v, 1, ev))
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

/* How long a digit that begins a longer item number waits for the next. */
#define SECOND_DIGIT_MS	600

/* The item number typed from digit d (its first digit): with 10 items or
 * more, d may begin a two-digit number (1 and 0 is item 10), so the next
 * key is waited for a moment; a digit that makes an item's number is
 * taken, anything else is left for the next turn (pushed back) and the
 * number is d. */
static int
typed_number(const struct view *v, int d)
{
	int type, delay;
	wint_t next;

	assert(d >= 1 && d <= 9);
	if (d * 10 > v->nitems)
		return d;
	delay = wgetdelay(stdscr);
	timeout(SECOND_DIGIT_MS);
	type = get_wch(&next);
	timeout(delay);
	if (type == OK && next >= '0' && next <= '9' &&
	    d * 10 + (int)(next - '0') <= v->nitems)
		return d * 10 + (int)(next - '0');
	if (type == KEY_CODE_YES)
		ungetch((int)next);
	else if (type == OK)
		unget_wch(next);
	return d;
}

/* A text without items (a help) taller than the screen scrolls by lines
 * and pages; the full screen's state of the list widget says where. */
struct list_text {
	int	 top;		/* first line shown */
	int	 lines;		/* in all, as last drawn */
	int	 height;	/* lines on the screen */
};

static void
list_enter(struct app *app, void *st, struct view *v)
{
	(void)app;
	(void)v;
	((struct list_text *)st)->top = 0;
}

/* The pager draws through the list without the list's state (st NULL);
 * a list with items keeps its focused item in sight (the frame's way). */
static int
list_first(void *st, const struct body *b, const struct view *v, int focus,
    int height)
{
	struct list_text *lt = st;
	int maxtop = b->n > height ? b->n - height : 0;

	(void)focus;
	if (lt == NULL || v->nitems > 0)
		return -1;
	lt->lines = b->n;
	lt->height = height;
	if (lt->top > maxtop)
		lt->top = maxtop;
	return lt->top > 0 ? lt->top : -1;
}

/* Scrolls a text taller than the screen. Returns false for keys that do
 * not scroll (and for a text that fits: nothing to scroll). */
static bool
text_key(struct list_text *lt, const struct view *v, int type, wint_t ch)
{
	int maxtop = lt->lines - lt->height, step;

	if (v->nitems > 0 || maxtop <= 0)
		return false;
	step = lt->height > 2 ? lt->height - 1 : 1;
	if ((type == KEY_CODE_YES && ch == KEY_DOWN) || (type == OK && ch == 'j'))
		lt->top++;
	else if ((type == KEY_CODE_YES && ch == KEY_UP) ||
	    (type == OK && ch == 'k'))
		lt->top--;
	else if ((type == KEY_CODE_YES && ch == KEY_NPAGE) ||
	    (type == OK && ch == ' '))
		lt->top += step;
	else if (type == KEY_CODE_YES && ch == KEY_PPAGE)
		lt->top -= step;
	else if (type == KEY_CODE_YES && ch == KEY_HOME)
		lt->top = 0;
	else if (type == KEY_CODE_YES && ch == KEY_END)
		lt->top = maxtop;
	else
		return false;
	lt->top = lt->top < 0 ? 0 : lt->top > maxtop ? maxtop : lt->top;
	return true;
}

static enum widget_key
list_full_key(struct app *app, void *st, struct view *v, int *focus,
    int *type, wint_t *ch, struct ui_event *ev)
{
	assert(v->nitems == 0 || (*focus >= 0 && *focus < v->nitems));
	if (st != NULL && text_key(st, v, *type, *ch))
		return WIDGET_KEY_DONE;
	if (*type == OK && *ch >= '1' && *ch <= '9' &&
	    (int)(*ch - '1') < v->nitems) {
		*focus = typed_number(v, (int)(*ch - '0')) - 1;
		ev->type = EV_SELECT;
		ev->index = *focus;
		return WIDGET_KEY_EVENT;
	}
	if (*type == OK && *ch > 0x20 && *ch < 0x7f && !list_knows(v, *ch)) {
		app_notice(app, T("key.ctrl_list"));
		return WIDGET_KEY_DONE;
	}
	return list_key(v, focus, *type, *ch, ev) ? WIDGET_KEY_EVENT :
	    WIDGET_KEY_DONE;
}

static void
print_item(struct strbuf *sb, const struct view *v, int i, bool body)
{
	const struct view_item *it = &v->items[i];

	sb_printf(sb, "%lld. %s", line_item_number(v, i), it->label);
	if (it->status != NULL && it->status[0] != '\0')
		sb_printf(sb, " (%s)", it->status);
	if (it->unread != NULL)
		sb_printf(sb, " [%s]", T(it->unread));
	sb_putc(sb, '\n');
	if (body && it->body != NULL)
		sb_printf(sb, "%s\n\n", it->body);
}

/* The whole screen: title, where, notice (unless said already), text,
 * items, actions, pages. */
static void
print_view(struct app *app, const char *title, const struct view *v,
    bool notice)
{
	struct strbuf sb = { 0 };
	int i;

	sb_printf(&sb, "\n%s\n", title);
	if (v->position != NULL)
		sb_printf(&sb, "%s\n", v->position);
	if (notice && app->notice != NULL)
		sb_printf(&sb, "%s\n", app->notice);
	if (v->text != NULL && v->text[0] != '\0')
		sb_printf(&sb, "%s\n", v->text);
	for (i = 0; i < v->nitems; i++)
		print_item(&sb, v, i, true);
	for (i = 0; i < v->nactions; i++)
		sb_printf(&sb, "%c = %s\n", line_key(v->actions[i].key),
		    v->actions[i].label);
	if (v->more_before)
		sb_printf(&sb, "< = %s\n", T("list.page_before"));
	if (v->more_after)
		sb_printf(&sb, "> = %s\n", T("list.page_after"));
	line_out(app, sb.s);
	sb_free(&sb);
}

/* After an action on a screen already printed: only what changed, the
 * item asked for (a chosen or new post) and the notice. */
static void
print_changes(struct app *app, const struct view *v, int focus)
{
	struct strbuf sb = { 0 };

	/* A blank line first, as before a whole page. */
	if (app->notice != NULL || app->show_focus != SHOW_NONE)
		sb_putc(&sb, '\n');
	if (app->show_focus != SHOW_NONE && focus >= 0 && focus < v->nitems)
		print_item(&sb, v, focus, app->show_focus == SHOW_WHOLE);
	if (app->notice != NULL)
		sb_printf(&sb, "%s\n", app->notice);
	if (sb.s != NULL)
		line_out(app, sb.s);
	sb_free(&sb);
}

/* A screen is printed whole when it is new or shows a new page, or when
 * asked with l; after an action on it only what changed is printed, so a
 * screen reader does not read the page again. */
void
widget_list_line_present(struct app *app, const char *title, struct view *v,
    int *focus, int timeout_ms, struct ui_event *ev)
{
	struct screen_inst *si = &app->stack[app->depth - 1];
	char line[LINE_MAX_BYTES];
	enum read_result r;
	bool list;

	if (!si->listed)
		print_view(app, title, v, true);
	else
		print_changes(app, v, *focus);
	si->listed = true;
	for (;;) {
		/* A grown unread count is said before the prompt. */
		char *news = app_news(app);

		if (news != NULL)
			line_outf(app, xasprintf("%s\n", news));
		free(news);
		line_prompt(app, title, v, *focus);
		r = line_read(app, line, timeout_ms, false);
		if (r == READ_TIMEOUT) {
			ev->type = EV_TIMEOUT;
			return;
		}
		if (r == READ_EOF) {
			ev->type = EV_HANGUP;
			return;
		}
		if (line[0] == '\0') {
			/* Enter alone asks again; on a screen with one item
			 * (e.g. "Continue") it opens that item. */
			if (v->nitems == 1) {
				ev->type = EV_SELECT;
				ev->index = 0;
				return;
			}
			continue;
		}
		if (line_parse_answer(v, line, focus, ev, &list)) {
			if (!list)
				return;
			print_view(app, title, v, false);
			continue;
		}
		if ((v->more_before || v->more_after) &&
		    strspn(line, "0123456789") == strlen(line)) {
			/* A number from another page (a post's number). */
			char *s = TFA("line.not_on_page", A_STR(line));

			line_outf(app, xasprintf("%s\n", s));
			free(s);
		} else
			line_outf(app, xasprintf("%s\n", T("line.bad_answer")));
	}
}

const struct widget_ops widget_list = {
	.name = "list",
	.full_state_size = sizeof(struct list_text),
	.full_enter = list_enter,
	.full_first = list_first,
	.full_draw = list_draw,
	.full_key = list_full_key,
	.line_present = widget_list_line_present,
};
