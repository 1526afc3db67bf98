/* The calendar's month grid, a widget the month screen brings
 * (view_own_widget) with the screen's struct cal_grid as its data.
 *
 * Full screen: seven columns from the language's first day of the week,
 * under ICU's weekday names; a day with events carries '*' and their
 * number, today stands in brackets, the focused day has '>' before it,
 * is shown in reverse and holds the hardware cursor (so a screen reader
 * or magnifier follows it). Marks are characters, never colour alone.
 * Arrows and h/j/k/l move by day and week, PgUp/PgDn (and < >) by month,
 * Enter opens the day; every move asks the screen to describe again
 * (EV_REDRAW), which reloads the marks of a new month and the focused
 * day's events. The screen's letters (t today, a agenda) are its
 * actions.
 *
 * Plain mode: a grid read aloud is noise, so the month is the list of the
 * days that have events, each numbered by its day of the month; < and >
 * go to the month before and after (the screen's page). */
#include "ui/calendar-ui.h"
#include "ui/widget.h"
#include "ui/render-full.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "i18n/calendar.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#define CELL	10	/* columns of one day: 70 for the week, in 78 */

bool
cal_grid_move(struct cal_grid *g, int days)
{
	int d = g->day + days;

	if (d >= 1 && d <= g->days) {
		g->day = d;
		return false;
	}
	while (d < 1) {
		if (--g->month < 1) {
			g->month = 12;
			g->year--;
		}
		d += i18n_month_days(g->year, g->month);
	}
	while (d > (g->days = i18n_month_days(g->year, g->month))) {
		d -= g->days;
		if (++g->month > 12) {
			g->month = 1;
			g->year++;
		}
	}
	g->days = i18n_month_days(g->year, g->month);
	g->day = d;
	return true;
}

void
cal_grid_month(struct cal_grid *g, int dir)
{
	assert(dir == -1 || dir == 1);
	g->month += dir;
	if (g->month < 1) {
		g->month = 12;
		g->year--;
	} else if (g->month > 12) {
		g->month = 1;
		g->year++;
	}
	g->days = i18n_month_days(g->year, g->month);
	if (g->day > g->days)
		g->day = g->days;
}

void
cal_grid_clear_texts(struct cal_grid *g)
{
	int i;

	for (i = 0; i < 7; i++) {
		free(g->heads[i]);
		g->heads[i] = NULL;
	}
	for (i = 0; i < g->nlines; i++) {
		free(g->lines[i]);
		g->lines[i] = NULL;
	}
	g->nlines = 0;
	free(g->legend);
	free(g->keys);
	g->legend = g->keys = NULL;
}

/* The column of the 1st: how far its weekday is from the week's start. */
static int
first_column(const struct cal_grid *g)
{
	return (g->first_weekday - g->week_start + 7) % 7;
}

/* s padded with spaces to cols columns (as drawn). */
static void
put_padded(struct app *app, struct strbuf *sb, const char *s, int cols)
{
	int w = full_cols(app, s);

	sb_puts(sb, s);
	while (w++ < cols)
		sb_putc(sb, ' ');
}

static void
grid_draw(struct app *app, void *st, struct body *b, const struct view *v,
    int focus, int width)
{
	const struct cal_grid *g = v->widget_data;
	struct strbuf sb = { 0 };
	int col0 = first_column(g), c, d, i;

	(void)st;
	(void)focus;
	assert(g != NULL && g->day >= 1 && g->day <= g->days);
	sb_puts(&sb, "  ");
	for (c = 0; c < 7; c++)
		put_padded(app, &sb, g->heads[c] != NULL ? g->heads[c] : "",
		    c < 6 ? CELL : 0);
	body_add(b, sb_take(&sb), full_style(app)->strong, -1);
	for (d = 1 - col0; d <= g->days; d += 7) {
		int cursor = -1;
		struct view_mark mark = { 0, 0 };

		for (c = 0; c < 7; c++) {
			int day = d + c, n;
			char cell[32];

			if (day < 1 || day > g->days) {
				if (day <= g->days)
					sb_printf(&sb, "%*s", CELL, "");
				continue;
			}
			n = g->counts[day - 1];
			snprintf(cell, sizeof cell, "%c%c%2d%c%s",
			    day == g->day ? '>' : ' ', day == g->today ? '[' : ' ',
			    day, day == g->today ? ']' : ' ', n > 0 ? "*" : "");
			sb_puts(&sb, cell);
			if (n > 0)
				sb_printf(&sb, n > 99 ? "99+" : "%d", n);
			if (day == g->day) {
				/* On the number itself: its first digit. */
				cursor = c * CELL + 2 + (day < 10);
				mark.off = (unsigned)(c * CELL + 1);
				mark.len = 4;
			}
			/* Pad to the next cell. */
			while (sb.len < (size_t)((c + 1) * CELL))
				sb_putc(&sb, ' ');
		}
		if (cursor >= 0)
			b->focus_line = b->n;
		body_add(b, sb_take(&sb), A_NORMAL, cursor);
		if (cursor >= 0) {
			b->l[b->n - 1].marks[0] = mark;
			b->l[b->n - 1].nmarks = 1;
			b->l[b->n - 1].mark_base = 0;
		}
	}
	body_add(b, xstrdup(""), A_NORMAL, -1);
	for (i = 0; i < g->nlines; i++)
		body_wrapped(app, b, g->lines[i], width, i == 0 ?
		    full_style(app)->strong : A_NORMAL);
	body_add(b, xstrdup(""), A_NORMAL, -1);
	if (g->legend != NULL)
		body_wrapped(app, b, g->legend, width, A_DIM);
	if (g->keys != NULL)
		body_wrapped(app, b, g->keys, width, A_DIM);
}

static enum widget_key
grid_event(struct ui_event *ev, enum ev_type type, int index)
{
	ev->type = type;
	ev->index = index;
	return WIDGET_KEY_EVENT;
}

static enum widget_key
grid_full_key(struct app *app, void *st, struct view *v, int *focus,
    int *type, wint_t *ch, struct ui_event *ev)
{
	struct cal_grid *g = v->widget_data;
	int step = 0, i;

	(void)st;
	(void)focus;
	if (*type == KEY_CODE_YES) {
		switch (*ch) {
		case KEY_LEFT: step = -1; break;
		case KEY_RIGHT: step = 1; break;
		case KEY_UP: step = -7; break;
		case KEY_DOWN: step = 7; break;
		case KEY_HOME: step = 1 - g->day; break;
		case KEY_END: step = g->days - g->day; break;
		case KEY_PPAGE: cal_grid_month(g, -1); return grid_event(ev, EV_REDRAW, 0);
		case KEY_NPAGE: cal_grid_month(g, 1); return grid_event(ev, EV_REDRAW, 0);
		case KEY_ENTER: return grid_event(ev, EV_SELECT, g->day - 1);
		case KEY_F(1): return grid_event(ev, EV_HELP, 0);
		default: return WIDGET_KEY_DONE;
		}
		cal_grid_move(g, step);
		return grid_event(ev, EV_REDRAW, 0);
	}
	switch (*ch) {
	case 'h': step = -1; break;
	case 'l': step = 1; break;
	case 'k': step = -7; break;
	case 'j': step = 7; break;
	case '<': cal_grid_month(g, -1); return grid_event(ev, EV_REDRAW, 0);
	case '>': cal_grid_month(g, 1); return grid_event(ev, EV_REDRAW, 0);
	case '\r': case '\n': return grid_event(ev, EV_SELECT, g->day - 1);
	case 'q': case 27: return grid_event(ev, EV_BACK, 0);
	case '?': return grid_event(ev, EV_HELP, 0);
	case 12: clearok(curscr, TRUE); return grid_event(ev, EV_REDRAW, 0);
	default:
		for (i = 0; i < v->nactions; i++)
			if ((wint_t)v->actions[i].key == *ch) {
				ev->type = EV_ACTION;
				ev->key = (int)*ch;
				return WIDGET_KEY_EVENT;
			}
		if (*ch > 0x20 && *ch < 0x7f)
			app_notice(app, T("key.ctrl_list"));
		return WIDGET_KEY_DONE;
	}
	cal_grid_move(g, step);
	return grid_event(ev, EV_REDRAW, 0);
}

/* The days that have events as the list's items, numbered by their day;
 * the list's turn does the rest, and a chosen item becomes its day. */
static void
grid_line_present(struct app *app, const char *title, struct view *v,
    int *focus, int timeout_ms, struct ui_event *ev)
{
	struct cal_grid *g = v->widget_data;
	int day_of[31], n = 0, d;

	assert(v->nitems == 0);
	for (d = 1; d <= g->days; d++) {
		char *label, *count, *status;

		if (g->counts[d - 1] == 0)
			continue;
		label = cal_fmt_day(cal_day_noon(g->year, g->month, d));
		count = TFA("calendar.grid.count", A_NUM(g->counts[d - 1]));
		status = d == g->today ? xasprintf("%s, %s", count,
		    T("calendar.today")) : xstrdup(count);
		view_item(v, label, status, NULL);
		view_number(v, d);
		free(label);
		free(count);
		free(status);
		day_of[n++] = d;
	}
	view_para(v, T(n > 0 ? "calendar.grid.plain_hint" :
	    "calendar.grid.none"));
	v->more_before = v->more_after = true;
	if (*focus >= n)
		*focus = 0;
	widget_list_line_present(app, title, v, focus, timeout_ms, ev);
	if (ev->type == EV_SELECT) {
		assert(ev->index >= 0 && ev->index < n);
		g->day = day_of[ev->index];
		ev->index = g->day - 1;
	}
}

const struct widget_ops widget_grid = {
	.name = "grid",
	.full_draw = grid_draw,
	.full_key = grid_full_key,
	.line_present = grid_line_present,
};
