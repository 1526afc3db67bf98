/* The agenda: upcoming occurrences a page at a time, soonest first, with
 * the filters of struct cal_filters (f opens their form, c clears them).
 * The model pages by a cursor (the last row of a page), so the screen
 * keeps where each page it has shown ended; pages are only reached one
 * after another from the first. */
#include "ui/calendar-ui.h"
#include "ui/list-screen.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/calendar.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

/* Each row is two lines and a blank: a page fits 80x24. */
#define AGENDA_PAGE	6

struct agenda_state {
	struct list_state		 ls;
	struct cal_filters		 filters;
	struct cal_occurrence_list	 list;
	struct cal_cursor		*ends;	/* where page i ended */
	int				 nends;
	int64_t				 now;	/* the first page's: a stable
						 * list while paging */
};

static void
agenda_init(struct app *app, void *st, void *arg)
{
	struct agenda_state *as = st;

	(void)app;
	(void)arg;
	as->filters.lang = -1;
	as->now = clock_now();
}

static void
agenda_filter(const struct agenda_state *as, struct cal_filter *f)
{
	const struct cal_filters *cf = &as->filters;

	memset(f, 0, sizeof *f);
	f->tag = cf->tag;
	f->languages = cf->lang >= 0 ? CAL_LANG_BIT(cf->lang) : 0;
	f->eldership = cf->eldership;
	f->access = cf->access;
	f->organiser_id = cf->organiser_id;
	f->free_only = cf->free_only;
	f->answered_only = cf->mine_only;
}

static int
agenda_load(struct app *app, void *st, int offset, int limit, bool *more)
{
	struct agenda_state *as = st;
	struct cal_filter f;
	int page = offset / AGENDA_PAGE;

	(void)limit;
	cal_occurrence_list_free(&as->list);
	if (page == 0)
		as->now = clock_now();
	if (page > as->nends)	/* never: pages go one by one */
		return -1;
	agenda_filter(as, &f);
	if (calendar_agenda(app->db, app_actor(app), as->now, page > 0 ?
	    &as->ends[page - 1] : NULL, &f, AGENDA_PAGE, &as->list) != 0)
		return -1;
	*more = as->list.more;
	if (as->list.n > 0) {
		const struct cal_occurrence *o = &as->list.v[as->list.n - 1];

		if (page >= as->nends) {
			as->ends = xreallocarray(as->ends, (size_t)page + 1,
			    sizeof *as->ends);
			as->nends = page + 1;
		}
		as->ends[page] = (struct cal_cursor){ o->start, o->event_id,
		    o->recur_utc };
	}
	return (int)as->list.n;
}

static void
agenda_clear(void *st)
{
	struct agenda_state *as = st;

	cal_occurrence_list_free(&as->list);
	cal_filters_free(&as->filters);
	free(as->ends);
}

static bool
filtered(const struct cal_filters *f)
{
	return f->tag != NULL || f->lang >= 0 || f->eldership != NULL ||
	    f->access != 0 || f->organiser != NULL || f->free_only ||
	    f->mine_only;
}

/* The filters in use, in words. */
static void
agenda_head(struct app *app, void *st, struct view *v)
{
	const struct cal_filters *f = &((struct agenda_state *)st)->filters;
	struct strbuf sb = { 0 };
	char *s;
	int e;

	(void)app;
	if (!filtered(f))
		return;
	if (f->tag != NULL)
		sb_printf(&sb, "#%s", f->tag);
	if (f->lang >= 0)
		sb_printf(&sb, "%s%s", sb.s ? ", " : "",
		    i18n_lang_name(i18n_langs[f->lang]));
	if (f->eldership != NULL) {
		e = cal_eldership_find(f->eldership);
		sb_printf(&sb, "%s%s", sb.s ? ", " : "", e >= 0 ?
		    T(cal_elderships[e].key) : T("calendar.online"));
	}
	if (f->access & CAL_ACCESS_STEP_FREE)
		sb_printf(&sb, "%s%s", sb.s ? ", " : "", T("calendar.access.step_free"));
	if (f->access & CAL_ACCESS_HEARING_LOOP)
		sb_printf(&sb, "%s%s", sb.s ? ", " : "", T("calendar.access.hearing_loop"));
	if (f->access & CAL_ACCESS_SIGN_LANGUAGE)
		sb_printf(&sb, "%s%s", sb.s ? ", " : "", T("calendar.access.sign_language"));
	if (f->access & CAL_ACCESS_EASY_READ)
		sb_printf(&sb, "%s%s", sb.s ? ", " : "", T("calendar.access.easy_read"));
	if (f->organiser != NULL)
		sb_printf(&sb, "%s@%s", sb.s ? ", " : "", f->organiser);
	if (f->free_only)
		sb_printf(&sb, "%s%s", sb.s ? ", " : "", T("calendar.free"));
	if (f->mine_only)
		sb_printf(&sb, "%s%s", sb.s ? ", " : "", T("calendar.filter.mine_word"));
	s = TFA("calendar.agenda.filters", A_STR(sb.s));
	view_para(v, s);
	free(s);
	sb_free(&sb);
}

static void
agenda_row(struct app *app, void *st, int i, struct list_row *r)
{
	const struct cal_occurrence *o = &((struct agenda_state *)st)->list.v[i];
	char *when = cal_fmt_when(o, true);

	(void)app;
	r->label = xasprintf("%s  %s", when, o->title);
	r->body = cal_fmt_status(o);
	free(when);
}

static int64_t
agenda_row_id(void *st, int i)
{
	const struct cal_occurrence *o = &((struct agenda_state *)st)->list.v[i];

	return o->event_id * 1000003 + o->recur_utc;
}

static void
agenda_actions(struct app *app, void *st, struct view *v)
{
	(void)app;
	view_action(v, 'f', T("calendar.filter.open"));
	if (filtered(&((struct agenda_state *)st)->filters))
		view_action(v, 'c', T("calendar.filter.clear"));
}

static int
agenda_enter(struct app *app, void *st, int i)
{
	const struct cal_occurrence *o = &((struct agenda_state *)st)->list.v[i];

	cal_open_event(app, o->event_id, o->recur_utc);
	return SR_STAY;
}

static int
agenda_action(struct app *app, void *st, int key, int row)
{
	struct agenda_state *as = st;

	(void)row;
	if (key == 'f')
		app_push(app, &screen_cal_filter, &as->filters);
	else if (key == 'c') {
		cal_filters_free(&as->filters);
		memset(&as->filters, 0, sizeof as->filters);
		as->filters.lang = -1;
		list_screen_restart(app, as);
	}
	return SR_STAY;
}

static const struct list_screen agenda_list = {
	.size = sizeof(struct agenda_state),
	.page = AGENDA_PAGE,
	.empty_key = "calendar.agenda.none",
	.position = true,
	.init = agenda_init,
	.load = agenda_load,
	.clear = agenda_clear,
	.head = agenda_head,
	.row = agenda_row,
	.row_id = agenda_row_id,
	.actions = agenda_actions,
	.enter = agenda_enter,
	.action = agenda_action,
};

static void *
agenda_open(struct app *app, void *arg)
{
	return list_screen_open(app, &agenda_list, arg);
}

/* Back from the filter form: the first page again when it changed them. */
static void
agenda_resume(struct app *app, void *st)
{
	struct agenda_state *as = st;

	if (as->filters.changed) {
		as->filters.changed = false;
		list_screen_restart(app, as);
	} else
		list_screen_resume(app, as);
}

const struct screen_ops screen_cal_agenda = {
	.name = "cal-agenda",
	.title_key = "calendar.agenda.title",
	.help_key = "help.cal_agenda",
	.open = agenda_open,
	.describe = list_screen_describe,
	.select = list_screen_select,
	.action = list_screen_action,
	.page = list_screen_page,
	.resume = agenda_resume,
	.close = list_screen_close,
};
