/* The calendar's first screen: a month as a grid (ui/widget-grid.c), the
 * focused day's events under it; Enter opens the day, t comes back to
 * today, a opens the agenda. In plain mode the widget lists the days
 * that have events instead, and < > page by month. */
#include "ui/calendar-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/xalloc.h"
#include "core/calendar.h"
#include "i18n/calendar.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct month_state {
	struct cal_grid	 grid;
};

static void
month_focus(struct month_state *ms, const struct cal_day *d)
{
	ms->grid.year = d->year;
	ms->grid.month = d->month;
	ms->grid.days = i18n_month_days(d->year, d->month);
	ms->grid.day = d->day;
}

static void *
month_open(struct app *app, void *arg)
{
	struct month_state *ms = xcalloc(1, sizeof *ms);
	struct cal_day today;

	(void)app;
	cal_today(&today);
	month_focus(ms, arg != NULL ? (const struct cal_day *)arg : &today);
	return ms;
}

/* The focused day's heading and its first events, under the grid. */
static void
month_day_lines(struct app *app, struct cal_grid *g)
{
	struct cal_occurrence_list l = { 0 };
	int64_t from, to;
	size_t i, room = CAL_GRID_LINES - 1;

	g->lines[g->nlines++] = cal_fmt_day(cal_day_noon(g->year, g->month,
	    g->day));
	if (calendar_day_bounds(g->year, g->month, g->day, &from, &to) != 0 ||
	    calendar_range(app->db, app_actor(app), from, to, NULL, &l) != 0) {
		g->lines[g->nlines++] = xstrdup(T("error.internal"));
		cal_occurrence_list_free(&l);
		return;
	}
	if (l.n == 0)
		g->lines[g->nlines++] = xstrdup(T("calendar.day.none"));
	for (i = 0; i < l.n && g->nlines < CAL_GRID_LINES; i++) {
		char *when;

		if (i == room - 1 && l.n > room) {
			g->lines[g->nlines++] = TFA("calendar.grid.more",
			    A_NUM(l.n - i));
			break;
		}
		when = cal_fmt_when(&l.v[i], false);
		g->lines[g->nlines++] = l.v[i].cancelled ? xasprintf("  %s  %s (%s)",
		    when, l.v[i].title, T("calendar.cancelled")) :
		    xasprintf("  %s  %s", when, l.v[i].title);
		free(when);
	}
	cal_occurrence_list_free(&l);
}

static void
month_describe(struct app *app, void *st, struct view *v)
{
	struct month_state *ms = st;
	struct cal_grid *g = &ms->grid;
	struct i18n_wall w;
	struct cal_day today;
	char year[16], *name;
	int c;

	cal_grid_clear_texts(g);
	g->days = i18n_month_days(g->year, g->month);
	i18n_wall_from_utc(cal_day_noon(g->year, g->month, 1), &w,
	    &g->first_weekday);
	g->week_start = i18n_first_weekday();
	cal_today(&today);
	g->today = today.year == g->year && today.month == g->month ?
	    today.day : 0;
	if (calendar_month_marks(app->db, app_actor(app), g->year, g->month,
	    NULL, g->counts) < 0) {
		memset(g->counts, 0, sizeof g->counts);
		app_notice(app, T("error.internal"));
	}
	for (c = 0; c < 7; c++)
		g->heads[c] = i18n_weekday_short((g->week_start - 1 + c) % 7 + 1);
	g->legend = xstrdup(T("calendar.grid.legend"));
	g->keys = xstrdup(T("calendar.grid.keys"));
	month_day_lines(app, g);

	name = i18n_month_name(g->month);
	snprintf(year, sizeof year, "%d", g->year);
	v->title = TFA("calendar.month.title", A_STR(name), A_STR(year));
	free(name);
	view_own_widget(v, &widget_grid, g);
	/* The plain mode pages by month. */
	v->more_before = v->more_after = true;
	view_action(v, 't', T("calendar.today_key"));
	view_action(v, 'a', T("calendar.agenda"));
	if (!app_is_guest(app))
		view_action(v, 'n', T("calendar.month.new"));
}

static int
month_select(struct app *app, void *st, int index)
{
	struct month_state *ms = st;
	struct cal_day d = { ms->grid.year, ms->grid.month, index + 1 };

	if (index < 0 || index >= ms->grid.days)
		return SR_STAY;
	ms->grid.day = d.day;
	app_push(app, &screen_cal_day, &d);
	return SR_STAY;
}

static int
month_page(struct app *app, void *st, int dir)
{
	(void)app;
	cal_grid_month(&((struct month_state *)st)->grid, dir < 0 ? -1 : 1);
	return SR_STAY;
}

static int
month_action(struct app *app, void *st, int key)
{
	struct month_state *ms = st;
	struct cal_day today;

	if (key == 't') {
		cal_today(&today);
		month_focus(ms, &today);
		app_list_again(app);
	} else if (key == 'a')
		app_push(app, &screen_cal_agenda, NULL);
	else if (key == 'n' && !app_is_guest(app))
		cal_edit_new(app);
	return SR_STAY;
}

static void
month_close(struct app *app, void *st)
{
	struct month_state *ms = st;

	(void)app;
	cal_grid_clear_texts(&ms->grid);
	free(ms);
}

const struct screen_ops screen_cal_month = {
	.name = "cal-month",
	.title_key = "calendar.title",
	.help_key = "help.cal_month",
	.help_key_plain = "help.cal_month_plain",
	.open = month_open,
	.describe = month_describe,
	.select = month_select,
	.action = month_action,
	.page = month_page,
	.close = month_close,
};
