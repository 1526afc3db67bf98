/* One event at one of its occurrences: everything about it, the answer
 * counts and the user's own answer, and the answers to give: going (on a
 * full event that is a place on the waitlist, and the screen says so),
 * maybe, not going, or none. Its organiser, moderators and admins also
 * see who answered. */
#include "ui/calendar-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/calendar.h"
#include "core/directory-org-events.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct event_state {
	struct cal_ref	 ref;
	struct cal_event ev;
	bool		 loaded;
};

static void
event_load(struct app *app, struct event_state *es)
{
	if (es->loaded)
		cal_event_free(&es->ev);
	memset(&es->ev, 0, sizeof es->ev);
	es->loaded = calendar_event_get(app->db, app_actor(app),
	    es->ref.event_id, es->ref.recur_utc, clock_now(), &es->ev) == 0;
	/* The occurrence found is the one the answers are for. */
	if (es->loaded)
		es->ref.recur_utc = es->ev.occ.recur_utc;
}

static void *
event_open(struct app *app, void *arg)
{
	struct event_state *es = xcalloc(1, sizeof *es);

	es->ref = *(const struct cal_ref *)arg;
	event_load(app, es);
	return es;
}

/* The event's page is one document of paragraphs (a pager item, so a
 * long one scrolls at 80x24 and the plain mode prints it whole). */
static void
doc_para(struct strbuf *d, const char *text)
{
	sb_printf(d, "%s%s", d->s != NULL ? "\n\n" : "", text);
}

static void
doc_f(struct strbuf *d, char *owned)
{
	doc_para(d, owned);
	free(owned);
}

static char *
access_words(const struct cal_event *e)
{
	static const struct { unsigned bit; const char *key; } words[] = {
		{ CAL_ACCESS_STEP_FREE, "calendar.access.step_free" },
		{ CAL_ACCESS_HEARING_LOOP, "calendar.access.hearing_loop" },
		{ CAL_ACCESS_SIGN_LANGUAGE, "calendar.access.sign_language" },
		{ CAL_ACCESS_EASY_READ, "calendar.access.easy_read" },
	};
	struct strbuf sb = { 0 };
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (e->occ.access & words[i].bit)
			sb_printf(&sb, "%s%s", sb.s != NULL ? ", " : "",
			    T(words[i].key));
	if (e->access_note != NULL && e->access_note[0] != '\0')
		sb_printf(&sb, "%s%s", sb.s != NULL ? ". " : "", e->access_note);
	return sb.s != NULL ? sb_take(&sb) : NULL;
}

/* Who answered, one a line: "Rūta (@ruta): going". */
static void
event_attendees(struct app *app, struct event_state *es, struct view *v)
{
	static const char *const keys[] = { NULL, "calendar.attendee.going",
		"calendar.attendee.maybe", "calendar.attendee.not_going" };
	struct cal_attendee_list l;
	struct strbuf sb = { 0 };
	char num[16];
	size_t i;

	if (core_failed(calendar_attendees(app->db, app_actor(app),
	    es->ref.event_id, es->ref.recur_utc, &l)))
		return;
	for (i = 0; i < l.n; i++) {
		const struct cal_attendee *t = &l.v[i];
		char *word;

		if (t->answer == CAL_NO_ANSWER)
			continue;
		snprintf(num, sizeof num, "%d", t->waitlist);
		word = TFA(t->answer == CAL_GOING && t->waitlist > 0 ?
		    "calendar.attendee.waiting" : keys[t->answer], A_STR(num));
		sb_printf(&sb, "%s%s (@%s): %s", sb.s != NULL ? "\n" : "",
		    t->display, t->name, word);
		free(word);
	}
	if (sb.s == NULL)
		sb_puts(&sb, T("calendar.event.no_attendees"));
	view_item(v, T("calendar.event.attendees"), NULL, NULL);
	view_body(v, sb.s);
	sb_free(&sb);
	cal_attendee_list_free(&l);
}

/* The name of the organisation the event names, or NULL. */
static char *
event_org_name(struct app *app, int64_t event_id)
{
	struct dir_org *o = xmalloc(sizeof *o);	/* large: its texts */
	int64_t org;
	char *name = NULL;

	if (directory_event_org(app->db, app_actor(app), event_id, &org,
	    o) == 0)
		name = xstrdup(o->name);
	free(o);
	return name;
}

/* The user's own answer, as a sentence. */
static void
event_mine(struct strbuf *d, const struct cal_occurrence *o)
{
	char n[16];

	snprintf(n, sizeof n, "%d", o->mine_waiting);
	if (o->mine == CAL_GOING && o->mine_waiting > 0)
		doc_f(d, TFA("calendar.event.mine_waiting", A_STR(n)));
	else
		doc_para(d, T(o->mine == CAL_GOING ? "calendar.event.mine_going" :
		    o->mine == CAL_MAYBE ? "calendar.event.mine_maybe" :
		    o->mine == CAL_NOT_GOING ? "calendar.event.mine_not_going" :
		    "calendar.event.no_answer"));
}

static void
event_describe(struct app *app, void *st, struct view *v)
{
	struct event_state *es = st;
	const struct cal_event *e = &es->ev;
	const struct cal_occurrence *o = &e->occ;
	struct strbuf d = { 0 };
	char *s, *t;
	int free_places;

	if (!es->loaded) {
		view_para(v, T("error.calendar.not_found"));
		return;
	}
	v->title = xstrdup(o->title);
	if (o->cancelled)
		view_para(v, T("calendar.event.cancelled"));
	else if (o->state == CAL_PROPOSED)
		view_para(v, T("calendar.event.proposed"));
	if (e->rrule != NULL && e->rrule[0] != '\0')
		doc_para(&d, T("calendar.event.recurring"));
	/* The user's own answer and the places first: what changes. */
	if (!app_is_guest(app))
		event_mine(&d, o);
	doc_f(&d, TFA("calendar.event.counts", A_NUM(o->going), A_NUM(e->maybe),
	    A_NUM(e->not_going)));
	if (o->capacity > 0) {
		free_places = o->capacity > o->going ? o->capacity - o->going : 0;
		doc_f(&d, TFA("calendar.event.capacity", A_NUM(o->capacity),
		    A_NUM(free_places), A_NUM(e->waiting)));
	}
	s = cal_fmt_place(o);
	if (e->address != NULL && e->address[0] != '\0') {
		t = xasprintf("%s, %s", s, e->address);
		free(s);
		s = t;
	}
	doc_f(&d, TFA("calendar.event.where", A_STR(s)));
	free(s);
	s = cal_fmt_languages(o->languages);
	doc_f(&d, TFA("calendar.event.languages", A_STR(s)));
	free(s);
	/* An organisation that organises it is named first, the member
	 * who added it after (issue 9: organisations as organisers). */
	if ((s = event_org_name(app, es->ref.event_id)) != NULL) {
		doc_f(&d, e->organiser[0] != '\0' ?
		    TFA("calendar.event.organiser_org", A_STR(s),
		    A_STR(e->organiser)) :
		    TFA("calendar.event.organiser", A_STR(s)));
		free(s);
	} else if (e->organiser[0] != '\0')
		doc_f(&d, TFA("calendar.event.organiser", A_STR(e->organiser)));
	if (e->tags != NULL && e->tags[0] != '\0')
		doc_f(&d, TFA("calendar.event.tags", A_STR(e->tags)));
	if ((s = access_words(e)) != NULL)
		doc_f(&d, TFA("calendar.event.access", A_STR(s)));
	free(s);
	doc_f(&d, e->cost != NULL && e->cost[0] != '\0' ?
	    TFA("calendar.event.cost", A_STR(e->cost)) :
	    xstrdup(T("calendar.event.free")));
	if (e->description != NULL && e->description[0] != '\0')
		doc_para(&d, e->description);
	s = cal_fmt_when(o, true);
	t = TFA("calendar.event.when", A_STR(s));
	view_pager(v, T("calendar.event.unit"));
	view_item(v, t, NULL, NULL);
	view_body(v, d.s);
	free(t);
	free(s);
	sb_free(&d);
	if (e->may_edit)
		event_attendees(app, es, v);
	/* The model takes answers to what has not begun, published and
	 * not cancelled; elsewhere the letters would only be refused. */
	if (!app_is_guest(app) && !o->cancelled && o->state == CAL_PUBLISHED &&
	    o->start > clock_now()) {
		if (o->mine != CAL_GOING)
			view_action(v, 'g', T("calendar.do.going"));
		if (o->mine != CAL_MAYBE)
			view_action(v, 'm', T("calendar.do.maybe"));
		if (o->mine != CAL_NOT_GOING)
			view_action(v, 'n', T("calendar.do.not_going"));
		if (o->mine != CAL_NO_ANSWER)
			view_action(v, 'w', T("calendar.do.withdraw"));
	}
	/* Its organiser's letters, after everyone's (ui/screen-cal-edit.c,
	 * ui/screen-cal-occurrence.c, ui/calendar-moderate.c). */
	if (e->may_edit && !o->cancelled && o->state != CAL_REJECTED) {
		view_action(v, 'e', T("calendar.do.edit"));
		if (e->rrule[0] != '\0' && o->state == CAL_PUBLISHED)
			view_action(v, 'o', T("calendar.do.this_date"));
		if (o->state == CAL_PUBLISHED)
			view_action(v, 'x', T("calendar.do.cancel"));
	}
}

static int
event_action(struct app *app, void *st, int key)
{
	struct event_state *es = st;
	struct cal_notify promoted = { 0 };
	enum cal_answer a;
	struct core_error e;
	int waiting = 0;
	char n[16], *s;

	if (!es->loaded || app_is_guest(app))
		return SR_STAY;
	if (es->ev.may_edit && (key == 'e' || key == 'o' || key == 'x')) {
		if (key == 'e')
			cal_edit_open(app, es->ref.event_id);
		else if (key == 'o')
			cal_occurrence_open(app, es->ref.event_id,
			    es->ev.occ.recur_utc);
		else
			cal_edit_cancel(app, es->ref.event_id);
		return SR_STAY;
	}
	switch (key) {
	case 'g': a = CAL_GOING; break;
	case 'm': a = CAL_MAYBE; break;
	case 'n': a = CAL_NOT_GOING; break;
	case 'w': a = CAL_NO_ANSWER; break;
	default: return SR_STAY;
	}
	e = calendar_answer(app->db, app_actor(app), es->ref.event_id,
	    es->ref.recur_utc, a, &waiting, &promoted);
	/* Telling the promoted is the model's (its inbox entries). */
	cal_notify_free(&promoted);
	if (core_failed(e)) {
		app_notice(app, T(e.key));
		return SR_STAY;
	}
	if (a == CAL_GOING && waiting > 0) {
		snprintf(n, sizeof n, "%d", waiting);
		s = TFA("calendar.answered.waiting", A_STR(n));
		app_notice(app, s);
		free(s);
	} else
		app_notice(app, T(a == CAL_GOING ? "calendar.answered.going" :
		    a == CAL_MAYBE ? "calendar.answered.maybe" :
		    a == CAL_NOT_GOING ? "calendar.answered.not_going" :
		    "calendar.answered.withdrawn"));
	event_load(app, es);
	return SR_STAY;
}

static void
event_resume(struct app *app, void *st)
{
	event_load(app, st);
}

static void
event_close(struct app *app, void *st)
{
	struct event_state *es = st;

	(void)app;
	if (es->loaded)
		cal_event_free(&es->ev);
	free(es);
}

const struct screen_ops screen_cal_event = {
	.name = "cal-event",
	.title_key = "calendar.title",
	.help_key = "help.cal_event",
	.open = event_open,
	.describe = event_describe,
	.action = event_action,
	.resume = event_resume,
	.close = event_close,
};
