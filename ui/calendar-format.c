/* The words for an occurrence that every calendar screen uses: when (in
 * the site zone, by ICU patterns in the catalogs, so each language orders
 * its own date), where, in which languages, and the marks a list shows
 * under a title (paid, full, cancelled, the user's own answer). Marks are
 * words, never colour alone. */
#include "ui/calendar-ui.h"
#include "ui/ui.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "common/clock.h"
#include "core/calendar.h"
#include "i18n/calendar.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The wall date of t (site zone). */
static void
wall_day(int64_t t, struct i18n_wall *w)
{
	i18n_wall_from_utc(t, w, NULL);
}

static bool
same_day(int64_t a, int64_t b)
{
	struct i18n_wall x, y;

	wall_day(a, &x);
	wall_day(b, &y);
	return x.year == y.year && x.month == y.month && x.day == y.day;
}

char *
cal_fmt_when(const struct cal_occurrence *o, bool with_date)
{
	/* An all-day event's end is the start of the day after its last. */
	int64_t last = o->all_day && o->end > o->start ? o->end - 1 : o->end;

	if (o->all_day && same_day(o->start, last))
		return with_date ? TFA("calendar.when.all_day_date",
		    A_DATE(o->start)) : xstrdup(T("calendar.when.all_day"));
	if (o->all_day)
		return TFA("calendar.when.all_day_span", A_DATE(o->start),
		    A_DATE(last));
	if (!same_day(o->start, last))
		return TFA("calendar.when.span", A_DATE(o->start),
		    A_DATE(o->end));
	return with_date ? TFA("calendar.when.day_time", A_DATE(o->start),
	    A_DATE(o->end)) : TFA("calendar.when.time", A_DATE(o->start),
	    A_DATE(o->end));
}

char *
cal_fmt_day(int64_t t)
{
	return TFA("calendar.day.heading", A_DATE(t));
}

char *
cal_fmt_place(const struct cal_occurrence *o)
{
	int e = o->eldership[0] != '\0' ? cal_eldership_find(o->eldership) : -1;

	if (o->online)
		return xstrdup(T("calendar.online"));
	if (e >= 0 && o->venue[0] != '\0')
		return xasprintf("%s, %s", o->venue, T(cal_elderships[e].key));
	if (e >= 0)
		return xstrdup(T(cal_elderships[e].key));
	return xstrdup(o->venue);
}

char *
cal_fmt_languages(unsigned languages)
{
	struct strbuf sb = { 0 };
	int i;

	for (i = 0; i < I18N_NLANGS; i++)
		if (languages & CAL_LANG_BIT(i))
			sb_printf(&sb, "%s%s", sb.s != NULL ? ", " : "",
			    i18n_lang_name(i18n_langs[i]));
	return sb.s != NULL ? sb_take(&sb) : xstrdup("");
}

char *
cal_fmt_answer(const struct cal_occurrence *o)
{
	char n[16];

	if (o->mine == CAL_GOING && o->mine_waiting > 0) {
		snprintf(n, sizeof n, "%d", o->mine_waiting);
		return TFA("calendar.answer.waiting", A_STR(n));
	}
	switch (o->mine) {
	case CAL_GOING:
		return xstrdup(T("calendar.answer.going"));
	case CAL_MAYBE:
		return xstrdup(T("calendar.answer.maybe"));
	case CAL_NOT_GOING:
		return xstrdup(T("calendar.answer.not_going"));
	case CAL_NO_ANSWER:
		break;
	}
	return NULL;
}

char *
cal_fmt_status(const struct cal_occurrence *o)
{
	struct strbuf sb = { 0 }, codes = { 0 };
	char *answer = cal_fmt_answer(o);
	int i, e = o->eldership[0] != '\0' ? cal_eldership_find(o->eldership) : -1;

	/* Where in a word (the eldership, or online): the venue's name is
	 * long, and the event's page has it. */
	if (o->online)
		sb_puts(&sb, T("calendar.online"));
	else if (e >= 0)
		sb_puts(&sb, T(cal_elderships[e].key));
	/* The languages as their codes ("lt/uk"): short enough for a list
	 * line; the event's page names them. */
	for (i = 0; i < I18N_NLANGS; i++)
		if (o->languages & CAL_LANG_BIT(i))
			sb_printf(&codes, "%s%s", codes.s != NULL ? "/" : "",
			    i18n_langs[i]);
	if (codes.s != NULL)
		sb_printf(&sb, "%s%s", sb.s != NULL ? ", " : "", codes.s);
	sb_free(&codes);
	/* Most events are free: the mark is on the ones that are not. */
	if (!o->free)
		sb_printf(&sb, "%s%s", sb.s != NULL ? ", " : "", T("calendar.paid"));
	if (o->capacity > 0 && o->going >= o->capacity && !o->cancelled)
		sb_printf(&sb, "%s%s", sb.s != NULL ? ", " : "", T("calendar.full"));
	if (o->cancelled)
		sb_printf(&sb, "%s%s", sb.s != NULL ? ", " : "",
		    T("calendar.cancelled"));
	else if (o->state == CAL_PROPOSED)
		sb_printf(&sb, "%s%s", sb.s != NULL ? ", " : "",
		    T("calendar.proposed"));
	if (answer != NULL)
		sb_printf(&sb, "%s%s", sb.s != NULL ? ", " : "", answer);
	free(answer);
	return sb.s != NULL ? sb_take(&sb) : NULL;
}

int64_t
cal_day_noon(int year, int month, int day)
{
	struct i18n_wall w = { year, month, day, 12, 0 };
	int64_t t = 0;

	/* Noon exists on every day in every zone the site could have. */
	if (i18n_wall_to_utc_rfc(&w, &t) != 0)
		t = clock_now();
	return t;
}

void
cal_today(struct cal_day *d)
{
	struct i18n_wall w;

	i18n_wall_from_utc(clock_now(), &w, NULL);
	d->year = w.year;
	d->month = w.month;
	d->day = w.day;
}

void
cal_open_event(struct app *app, int64_t event_id, int64_t recur_utc)
{
	struct cal_ref r = { event_id, recur_utc };

	app_push(app, &screen_cal_event, &r);
}

void
cal_filters_free(struct cal_filters *f)
{
	free(f->tag);
	free(f->eldership);
	free(f->organiser);
	f->tag = f->eldership = f->organiser = NULL;
}
