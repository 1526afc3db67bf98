/* One occurrence of a repeating event changed on its own: moved to another
 * day and time (its length stays), or cancelled while the others stay.
 * Everyone who answered it is told (core). A new time the clocks skip is
 * refused on the time field; one that happens twice adds the question
 * earlier or later, with no answer chosen, as the event form does. */
#include "ui/calendar-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/calendar.h"
#include "forms/form.h"
#include "i18n/calendar.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct occ_req {
	int64_t	 id, recur_utc;
};

struct occ_state {
	struct occ_req	 req;
	struct form	*form;
	char		*about;		/* "Language café, 2026-03-10 18:00" */
	bool		 ask;		/* the DST question is shown */
};

static bool
moving(const struct form *f)
{
	return strcmp(form_value(f, "what"), "move") == 0;
}

static const char *
check_date(const struct form *f, const struct field *fld, void *arg)
{
	struct i18n_wall w;

	(void)arg;
	if (!moving(f))
		return NULL;
	return cal_parse_date(fld->value, &w) == 0 ? NULL :
	    "calendar.edit.date_format";
}

static const char *
check_time(const struct form *f, const struct field *fld, void *arg)
{
	struct i18n_wall w;

	(void)arg;
	if (!moving(f))
		return NULL;
	return cal_parse_time(fld->value, &w) == 0 ? NULL :
	    "calendar.edit.time_format";
}

static int
new_start(const struct form *f, struct i18n_wall *w)
{
	memset(w, 0, sizeof *w);
	if (cal_parse_date(form_value(f, "date"), w) != 0)
		return -1;
	return cal_parse_time(form_value(f, "time"), w);
}

static const char *
check_dst(const struct form *f, const struct field *fld, void *arg)
{
	struct i18n_wall w;
	int64_t t;

	(void)arg;
	if (strcmp(fld->value, "ask") != 0 || !moving(f) ||
	    new_start(f, &w) != 0)
		return NULL;
	return i18n_wall_to_utc(&w, I18N_WALL_ASK, &t) == I18N_WALL_REPEATED ?
	    "calendar.edit.dst_choose" : NULL;
}

static struct form *
build(struct occ_state *os, const struct form *old)
{
	struct form *f = form_new(T("calendar.edit.save"));
	struct field *fld;
	int i;

	fld = form_add(f, "what", FIELD_CHOICE, T("calendar.occ.what"), true);
	fld->hint = xstrdup(os->about);
	field_add_choice(fld, "move", T("calendar.occ.move"));
	field_add_choice(fld, "cancel", T("calendar.occ.cancel"));
	fld = form_add(f, "date", FIELD_TEXT, T("calendar.occ.date"), false);
	fld->hint = xstrdup(T("calendar.edit.date_hint"));
	fld->max_cp = 10;
	fld->check = check_date;
	fld = form_add(f, "time", FIELD_TEXT, T("calendar.occ.time"), false);
	fld->hint = xstrdup(T("calendar.edit.time_hint"));
	fld->max_cp = 5;
	fld->check = check_time;
	if (os->ask) {
		fld = form_add(f, "dst", FIELD_CHOICE, T("calendar.edit.dst"),
		    true);
		fld->hint = xstrdup(T("error.calendar.time_repeated"));
		fld->check = check_dst;
		field_add_choice(fld, "ask", T("calendar.edit.dst_none"));
		field_add_choice(fld, "earlier",
		    T("calendar.occ.dst_earlier"));
		field_add_choice(fld, "later", T("calendar.occ.dst_later"));
	}
	for (i = 0; old != NULL && i < old->nfields; i++)
		if (form_field(f, old->fields[i]->id) != NULL)
			field_set(form_field(f, old->fields[i]->id),
			    old->fields[i]->value);
	if (old != NULL)
		f->asked = old->asked;
	return f;
}

static void *
occ_open(struct app *app, void *arg)
{
	struct occ_state *os = xcalloc(1, sizeof *os);
	struct cal_event e;
	struct i18n_wall w;
	char buf[20];

	os->req = *(const struct occ_req *)arg;
	if (calendar_event_get(app->db, app_actor(app), os->req.id,
	    os->req.recur_utc, 0, &e) == 0) {
		i18n_wall_from_utc(e.occ.start, &w, NULL);
		snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", w.year,
		    w.month, w.day, w.hour, w.minute);
		os->about = TFA("calendar.occ.about", A_STR(e.occ.title),
		    A_STR(buf));
		cal_event_free(&e);
	} else {
		os->about = xstrdup(T("error.calendar.no_occurrence"));
		app_notice(app, os->about);
	}
	os->form = build(os, NULL);
	return os;
}

static void
occ_describe(struct app *app, void *st, struct view *v)
{
	struct occ_state *os = st;

	(void)app;
	v->form = os->form;
}

static int
occ_submit(struct app *app, void *st, struct form *unused)
{
	struct occ_state *os = st;
	struct cal_notify told = { 0 };
	struct core_error e;
	struct i18n_wall w;
	struct field *bad;
	const char *dst;
	enum i18n_wall_choice choice = I18N_WALL_ASK;

	(void)unused;
	if (!moving(os->form))
		e = calendar_occurrence_cancel(app->db, app_actor(app),
		    os->req.id, os->req.recur_utc, &told);
	else {
		new_start(os->form, &w);
		dst = os->ask ? form_value(os->form, "dst") : "";
		if (strcmp(dst, "earlier") == 0)
			choice = I18N_WALL_EARLIER;
		else if (strcmp(dst, "later") == 0)
			choice = I18N_WALL_LATER;
		e = calendar_occurrence_move(app->db, app_actor(app),
		    os->req.id, os->req.recur_utc, &w, choice, &told);
	}
	cal_notify_free(&told);
	if (!core_failed(e)) {
		app_notice(app, T(moving(os->form) ? "calendar.occ.moved" :
		    "calendar.occ.cancelled"));
		return SR_POP;
	}
	if (strcmp(e.key, "error.calendar.time_repeated") == 0 && !os->ask) {
		struct form *old = os->form;

		os->ask = true;
		os->form = build(os, old);
		form_free(old);
	}
	bad = e.field == NULL ? NULL : form_field(os->form,
	    strcmp(e.key, "error.calendar.time_repeated") == 0 ? "dst" :
	    strcmp(e.key, "error.calendar.time_invalid") == 0 ? "date" :
	    "time");
	if (bad == NULL) {
		app_notice(app, T(e.key));
		return SR_STAY;
	}
	field_set_error_key(bad, strcmp(e.key, "error.calendar.time_repeated")
	    == 0 ? "calendar.edit.dst_choose" : e.key);
	os->form->focus = form_index(os->form, bad);
	app_notice(app, bad->error);
	return SR_STAY;
}

static void
occ_close(struct app *app, void *st)
{
	struct occ_state *os = st;

	(void)app;
	form_free(os->form);
	free(os->about);
	free(os);
}

const struct screen_ops screen_cal_occurrence = {
	.name = "cal-occurrence",
	.title_key = "calendar.occ.title",
	.help_key = "help.cal_occurrence",
	.open = occ_open,
	.describe = occ_describe,
	.submit = occ_submit,
	.close = occ_close,
};

void
cal_occurrence_open(struct app *app, int64_t event_id, int64_t recur_utc)
{
	struct occ_req req = { event_id, recur_utc };

	app_push(app, &screen_cal_occurrence, &req);
}
