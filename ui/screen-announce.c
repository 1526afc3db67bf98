/* The moderators' announcement: what every session shows now (or that
 * nothing is), a line to write a new one (ui/screen-announce-write.c) and,
 * when there is one, a line to clear it after a confirmation. */
#include "ui/announce-ui.h"
#include "ui/dialogs.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/announce.h"
#include "i18n/i18n.h"

#include <stdint.h>
#include <stdlib.h>

enum { ITEM_WRITE, ITEM_CLEAR };

struct announce_state {
	int64_t	shown;	/* the id described, 0: none (or unreadable) */
};

static void *
announce_open(struct app *app, void *arg)
{
	(void)app;
	(void)arg;
	return xcalloc(1, sizeof(struct announce_state));
}

static void
announce_describe(struct app *app, void *st, struct view *v)
{
	struct announce_state *as = st;
	struct announcement an;
	char *when, *s;
	int rc = announce_current(app->db, &an);

	as->shown = an.id;
	if (rc == 1) {
		when = i18n_datetime(an.created_at);
		s = TFA("announce.current", A_STR(an.body), A_STR(when));
		view_text(v, s);
		free(s);
		free(when);
		announce_free(&an);
	} else
		view_text(v, T(rc == 0 ? "announce.none" : "error.internal"));
	view_item(v, T("announce.write"), NULL, NULL);
	if (rc == 1)
		view_item(v, T("announce.clear"), NULL, NULL);
}

static const char *
clear_yes(struct app *app, int64_t arg)
{
	struct core_error e = announce_clear(app->db, app_actor(app));

	(void)arg;
	return core_failed(e) ? e.key : "announce.cleared";
}

static int
announce_select(struct app *app, void *st, int index)
{
	struct confirm_req req = { .question = T("announce.clear_q"),
	    .yes = clear_yes };

	(void)st;
	if (index == ITEM_WRITE)
		app_push(app, &screen_announce_write, NULL);
	else if (index == ITEM_CLEAR)
		app_push(app, &screen_confirm, &req);
	return SR_STAY;
}

/* Set or cleared meanwhile (the admin command, another moderator): the
 * text and whether Clear is offered are out of date. */
static bool
announce_stale(struct app *app, void *st)
{
	const struct announce_state *as = st;

	return announce_current_id(app->db) != as->shown;
}

static void
announce_close(struct app *app, void *st)
{
	(void)app;
	free(st);
}

const struct screen_ops screen_announce = {
	.name = "announce",
	.title_key = "announce.title",
	.help_key = "help.announce",
	.describe = announce_describe,
	.select = announce_select,
	.open = announce_open,
	.stale = announce_stale,
	.close = announce_close,
};
