/* One day of the calendar: its occurrences in start order (events that
 * began earlier and still run included); Enter opens one, p and n go to
 * the day before and after (letters, not < and >: an empty day is a list
 * without rows, which pages nowhere). */
#include "ui/calendar-ui.h"
#include "ui/list-screen.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/calendar.h"
#include "i18n/calendar.h"
#include "i18n/i18n.h"

#include <stdlib.h>

struct day_state {
	struct list_state		 ls;
	struct cal_day			 day;
	struct cal_occurrence_list	 list;
};

static void
day_init(struct app *app, void *st, void *arg)
{
	(void)app;
	((struct day_state *)st)->day = *(const struct cal_day *)arg;
}

static int
day_load(struct app *app, void *st, int offset, int limit, bool *more)
{
	struct day_state *ds = st;
	int64_t from, to;

	(void)offset;
	(void)limit;
	(void)more;
	cal_occurrence_list_free(&ds->list);
	if (calendar_day_bounds(ds->day.year, ds->day.month, ds->day.day,
	    &from, &to) != 0 || calendar_range(app->db, app_actor(app), from,
	    to, NULL, &ds->list) != 0)
		return -1;
	return (int)ds->list.n;
}

static void
day_clear(void *st)
{
	cal_occurrence_list_free(&((struct day_state *)st)->list);
}

static void
day_head(struct app *app, void *st, struct view *v)
{
	struct day_state *ds = st;

	(void)app;
	v->title = cal_fmt_day(cal_day_noon(ds->day.year, ds->day.month,
	    ds->day.day));
}

static void
day_row(struct app *app, void *st, int i, struct list_row *r)
{
	const struct cal_occurrence *o = &((struct day_state *)st)->list.v[i];
	char *when = cal_fmt_when(o, false), *status = cal_fmt_status(o);

	(void)app;
	r->label = xasprintf("%s  %s", when, o->title);
	r->body = status;
	free(when);
}

static int64_t
day_row_id(void *st, int i)
{
	const struct cal_occurrence *o = &((struct day_state *)st)->list.v[i];

	return o->event_id * 1000003 + o->recur_utc;
}

static int
day_enter(struct app *app, void *st, int i)
{
	const struct cal_occurrence *o = &((struct day_state *)st)->list.v[i];

	cal_open_event(app, o->event_id, o->recur_utc);
	return SR_STAY;
}

static void
day_actions(struct app *app, void *st, struct view *v)
{
	(void)app;
	(void)st;
	view_action(v, 'p', T("calendar.day.before"));
	view_action(v, 'n', T("calendar.day.after"));
}

static int
day_action(struct app *app, void *st, int key, int row)
{
	struct day_state *ds = st;
	struct i18n_wall w;

	(void)row;
	if (key != 'p' && key != 'n')
		return SR_STAY;
	i18n_wall_from_utc(cal_day_noon(ds->day.year, ds->day.month,
	    ds->day.day) + (key == 'p' ? -86400 : 86400), &w, NULL);
	ds->day = (struct cal_day){ w.year, w.month, w.day };
	list_screen_restart(app, ds);
	return SR_STAY;
}

static const struct list_screen day_list = {
	.size = sizeof(struct day_state),
	.empty_key = "calendar.day.none",
	.init = day_init,
	.load = day_load,
	.clear = day_clear,
	.head = day_head,
	.row = day_row,
	.row_id = day_row_id,
	.actions = day_actions,
	.enter = day_enter,
	.action = day_action,
};

static void *
day_open(struct app *app, void *arg)
{
	return list_screen_open(app, &day_list, arg);
}

const struct screen_ops screen_cal_day = {
	.name = "cal-day",
	.title_key = "calendar.title",
	.help_key = "help.cal_day",
	.open = day_open,
	.describe = list_screen_describe,
	.select = list_screen_select,
	.action = list_screen_action,
	.resume = list_screen_resume,
	.close = list_screen_close,
};
