/* The member's mentorships, both sides, open ones first (core's order):
 * requests sent to them, their own still waiting, the active ones and the
 * ended or declined, each saying which it is and who mentors. Enter opens
 * one (ui/screen-dir-mentorship.c), where its letters act. The hub's line
 * counts the requests waiting for the member's answer. */
#include "ui/directory-ui.h"
#include "ui/list-screen.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/xalloc.h"
#include "core/directory.h"
#include "i18n/i18n.h"

#include <stdlib.h>

#define DIR_MS_PAGE	12

struct dir_ms_list_state {
	struct list_state		 ls;
	struct dir_mentorship_list	 list;
};

int64_t
dir_mentor_waiting(struct app *app)
{
	int64_t n;

	if (app_is_guest(app))
		return 0;
	n = directory_mentor_waiting(app->db, app_actor(app));
	return n > 0 ? n : 0;
}

static int
dir_ms_load(struct app *app, void *st, int offset, int limit, bool *more)
{
	struct dir_ms_list_state *ms = st;

	dir_mentorship_list_free(&ms->list);
	if (directory_mentorships(app->db, app_actor(app), offset, limit,
	    &ms->list) != 0)
		return -1;
	*more = ms->list.more;
	return (int)ms->list.n;
}

static void
dir_ms_clear(void *st)
{
	dir_mentorship_list_free(&((struct dir_ms_list_state *)st)->list);
}

static void
dir_ms_row(struct app *app, void *st, int i, struct list_row *r)
{
	const struct dir_mentorship *m =
	    &((struct dir_ms_list_state *)st)->list.v[i];
	char *when = i18n_when(m->ended != 0 ? m->ended : m->answered != 0 ?
	    m->answered : m->requested, clock_now());

	(void)app;
	r->label = xstrdup(m->other_display);
	r->status = TFA("directory.ms.row", A_STR(T(dir_ms_state_key(m))),
	    A_STR(when));
	r->unread = m->state == DIR_MS_REQUESTED && m->viewer_is_mentor ?
	    "list.unread.board" : NULL;
	r->name = TFA("directory.ms.name", A_STR(m->other_display));
	free(when);
}

static int64_t
dir_ms_row_id(void *st, int i)
{
	return ((struct dir_ms_list_state *)st)->list.v[i].id;
}

static int
dir_ms_enter(struct app *app, void *st, int i)
{
	dir_open_mentorship(app, ((struct dir_ms_list_state *)st)->list.v[i].id);
	return SR_STAY;
}

static const struct list_screen dir_ms_list = {
	.size = sizeof(struct dir_ms_list_state),
	.page = DIR_MS_PAGE,
	.empty_key = "directory.ms.none",
	.position = true,
	.load = dir_ms_load,
	.clear = dir_ms_clear,
	.row = dir_ms_row,
	.row_id = dir_ms_row_id,
	.enter = dir_ms_enter,
};

static void *
dir_ms_open(struct app *app, void *arg)
{
	return list_screen_open(app, &dir_ms_list, arg);
}

const struct screen_ops screen_dir_mentorships = {
	.name = "dir-mentorships",
	.title_key = "directory.ms.list_title",
	.help_key = "help.dir_mentorships",
	.open = dir_ms_open,
	.describe = list_screen_describe,
	.select = list_screen_select,
	.page = list_screen_page,
	.resume = list_screen_resume,
	.close = list_screen_close,
};
