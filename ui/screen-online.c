/* Who is online, for moderators: one row per live session (core/
 * sessions.h) with the person's name (or "guest"), the part of Tinklas
 * they are in and since when the session runs; Enter tells where it comes
 * from and when it was last active; e ends it after confirmation (its
 * connection closes, the audit log keeps who ended it). */
#include "ui/online-ui.h"
#include "ui/dialogs.h"
#include "ui/feature.h"
#include "ui/list-screen.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/xalloc.h"
#include "core/sessions.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

#define ONLINE_MAX	1000	/* rows kept; more are not listed */

struct online_row {
	int64_t		 id;
	enum session_kind kind;
	char		*who;		/* display name, or NULL: a guest */
	char		*part;
	char		*source;
	int64_t		 started, active;
};

struct online_state {
	struct list_state	 ls;	/* first: the list helper's */
	struct online_row	*rows;
	int			 n, cap;
	int			 skip, limit;	/* the page being loaded */
	int			 seen;
	bool			 more;
};

static void
rows_free(struct online_state *os)
{
	int i;

	for (i = 0; i < os->n; i++) {
		free(os->rows[i].who);
		free(os->rows[i].part);
		free(os->rows[i].source);
	}
	free(os->rows);
	os->rows = NULL;
	os->n = os->cap = 0;
}

/* Keeps the rows of the page asked for; notes that more follow. */
static int
keep_row(const struct session_info *s, void *arg)
{
	struct online_state *os = arg;
	struct online_row *r;

	if (os->seen++ < os->skip)
		return 0;
	if ((os->limit > 0 && os->n == os->limit) || os->n == ONLINE_MAX) {
		os->more = true;
		return 1;
	}
	if (os->n == os->cap) {
		os->cap = os->cap == 0 ? 16 : os->cap * 2;
		os->rows = xreallocarray(os->rows, (size_t)os->cap,
		    sizeof *os->rows);
	}
	r = &os->rows[os->n++];
	r->id = s->id;
	r->kind = s->kind;
	r->who = s->kind != SESSION_MEMBER ? NULL :
	    xstrdup(*s->display != '\0' ? s->display : s->name);
	r->part = xstrdup(s->part);
	r->source = xstrdup(s->source);
	r->started = s->started;
	r->active = s->active;
	return 0;
}

static int
online_load(struct app *app, void *st, int offset, int limit, bool *more)
{
	struct online_state *os = st;

	rows_free(os);
	os->skip = offset;
	os->limit = limit;
	os->seen = 0;
	os->more = false;
	if (session_each(app->db, keep_row, os) < 0) {
		rows_free(os);
		return -1;
	}
	*more = os->more;
	return os->n;
}

static void
online_clear(void *st)
{
	rows_free(st);
}

static void
online_head(struct app *app, void *st, struct view *v)
{
	int members, guests, sessions;
	char *s;

	(void)st;
	if (session_totals(app->db, &members, &guests, &sessions) != 0)
		return;
	/* Both: a member in two sessions is one person and two rows. */
	s = TFA("online.totals_sessions", A_NUM(sessions), A_NUM(members),
	    A_NUM(guests));
	view_text(v, s);
	free(s);
}

/* The part's name as the menu says it ("Forums"); "Main menu"; or the
 * code itself for a part this version does not name. */
static const char *
part_label(const char *code)
{
	int i;

	if (*code == '\0')
		return T("online.part.starting");
	if (strcmp(code, "menu") == 0)
		return T("menu.title");
	if (strcmp(code, "welcome") == 0)
		return T("online.part.welcome");
	if (strcmp(code, "register") == 0)
		return T("online.part.register");
	for (i = 0; features[i] != NULL; i++)
		if (strcmp(features[i]->name, code) == 0)
			return T(features[i]->menu_key);
	return code;
}

static const char *
who_label(const struct online_row *r)
{
	return r->who != NULL ? r->who : T(r->kind == SESSION_REGISTER ?
	    "online.newcomer" : "online.guest");
}

static void
online_row(struct app *app, void *st, int i, struct list_row *lr)
{
	const struct online_row *r = &((struct online_state *)st)->rows[i];
	char *since = i18n_when(r->started, clock_now());

	(void)app;
	lr->label = xstrdup(who_label(r));
	lr->status = TFA("online.row", A_STR(part_label(r->part)),
	    A_STR(since));
	lr->name = xstrdup(lr->label);
	free(since);
}

static int64_t
online_row_id(void *st, int i)
{
	return ((struct online_state *)st)->rows[i].id;
}

static void
online_actions(struct app *app, void *st, struct view *v)
{
	(void)app;
	if (((struct online_state *)st)->n > 0)
		view_action(v, 'e', T("online.end"));
}

static const char *
end_session(struct app *app, int64_t id)
{
	switch (session_stop(app->db, app_actor(app), id)) {
	case 0:
		return "online.ended";
	case SESSION_GONE:
		return "online.gone";
	case SESSION_DENIED:
		return "online.denied";
	default:
		return "error.internal";
	}
}

static int
online_action(struct app *app, void *st, int key, int row)
{
	struct online_state *os = st;
	struct confirm_req req;
	char *q;

	if (key != 'e' || row < 0)
		return SR_STAY;
	q = TFA("online.end_question", A_STR(who_label(&os->rows[row])));
	req = (struct confirm_req){ .question = q, .yes = end_session,
	    .arg = os->rows[row].id };
	app_push(app, &screen_confirm, &req);
	free(q);
	return SR_STAY;
}

/* Enter: whose session it is, where it comes from and when it last did
 * something. */
static int
online_enter(struct app *app, void *st, int i)
{
	const struct online_row *r = &((struct online_state *)st)->rows[i];
	char *when = i18n_when(r->active > 0 ? r->active : r->started,
	    clock_now());
	char *s = TFA("online.detail_who", A_STR(who_label(r)),
	    A_STR(*r->source != '\0' ? r->source : "-"), A_STR(when));

	app_notice(app, s);
	free(s);
	free(when);
	return SR_STAY;
}

static const struct list_screen online_list = {
	.size = sizeof(struct online_state),
	.page = 15,
	.empty_key = "online.none",
	.position = true,
	.load = online_load,
	.clear = online_clear,
	.head = online_head,
	.row = online_row,
	.row_id = online_row_id,
	.actions = online_actions,
	.enter = online_enter,
	.action = online_action,
};

static void *
online_open(struct app *app, void *arg)
{
	return list_screen_open(app, &online_list, arg);
}

const struct screen_ops screen_online = {
	.name = "online",
	.title_key = "online.title",
	.help_key = "help.online",
	.open = online_open,
	.describe = list_screen_describe,
	.select = list_screen_select,
	.action = list_screen_action,
	.page = list_screen_page,
	.resume = list_screen_resume,
	.close = list_screen_close,
};
