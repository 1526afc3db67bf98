/* One mentorship of the viewer (from the list, or Enter on its
 * notification): who, which state as the viewer sees it, the request's
 * message and the answer. Its letters: a accepts and d declines a request
 * sent to the viewer (each with an optional message), x withdraws one's
 * own request not yet answered, e ends an active one (with a short
 * reflection, kept for the surveys), w writes to the other and p opens
 * their profile. Refusals come from core in the reader's words. */
#include "ui/directory-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/directory.h"
#include "i18n/i18n.h"

#include <stdlib.h>

#define DIR_MS_SCAN	50	/* rows per page while looking for one */

struct dir_ms_page {
	int64_t			 id;
	bool			 found;
	struct dir_mentorship	 m;
};

const char *
dir_ms_state_key(const struct dir_mentorship *m)
{
	switch (m->state) {
	case DIR_MS_REQUESTED:
		return m->viewer_is_mentor ? "directory.ms.asks_you" :
		    "directory.ms.waiting_answer";
	case DIR_MS_ACTIVE:
		return m->viewer_is_mentor ? "directory.ms.you_mentor" :
		    "directory.ms.mentors_you";
	case DIR_MS_DECLINED:
		return "directory.ms.declined";
	case DIR_MS_ENDED:
		return "directory.ms.ended";
	}
	return "directory.ms.ended";
}

/* Core lists the viewer's mentorships a page at a time; this one is
 * among them or not the viewer's. */
static void
dir_ms_find(struct app *app, struct dir_ms_page *ms)
{
	struct dir_mentorship_list l = { 0 };
	int offset = 0;
	size_t i;

	ms->found = false;
	do {
		dir_mentorship_list_free(&l);
		if (directory_mentorships(app->db, app_actor(app), offset,
		    DIR_MS_SCAN, &l) != 0)
			break;
		for (i = 0; i < l.n && !ms->found; i++)
			if (l.v[i].id == ms->id) {
				ms->m = l.v[i];
				ms->found = true;
			}
		offset += DIR_MS_SCAN;
	} while (!ms->found && l.more);
	dir_mentorship_list_free(&l);
}

void
dir_open_mentorship(struct app *app, int64_t mentorship_id)
{
	app_push(app, &screen_dir_mentorship, &mentorship_id);
}

static void *
dir_ms_open(struct app *app, void *arg)
{
	struct dir_ms_page *ms = xcalloc(1, sizeof *ms);

	ms->id = *(int64_t *)arg;
	dir_ms_find(app, ms);
	if (!ms->found)
		app_notice(app, T("error.directory.not_found"));
	return ms;
}

static void
said(struct view *v, const char *key, const char *text, int64_t when)
{
	char *w, *s;

	if (text[0] == '\0' || when == 0)
		return;
	w = i18n_when(when, clock_now());
	s = TFA(key, A_STR(w), A_STR(text));
	view_para(v, s);
	free(s);
	free(w);
}

static void
dir_ms_describe(struct app *app, void *st, struct view *v)
{
	struct dir_ms_page *ms = st;
	const struct dir_mentorship *m = &ms->m;

	(void)app;
	if (!ms->found) {
		view_text(v, T("error.directory.not_found"));
		return;
	}
	v->title = TFA("directory.ms.title_with", A_STR(m->other_display));
	view_para(v, T(dir_ms_state_key(m)));
	said(v, "directory.ms.message", m->message, m->requested);
	said(v, "directory.ms.answer", m->answer, m->answered);
	if (m->state == DIR_MS_REQUESTED && m->viewer_is_mentor) {
		view_action(v, 'a', T("directory.ms.accept"));
		view_action(v, 'd', T("directory.ms.decline"));
	} else if (m->state == DIR_MS_REQUESTED)
		view_action(v, 'x', T("directory.ms.withdraw"));
	else if (m->state == DIR_MS_ACTIVE) {
		view_action(v, 'w', T("pm.new"));
		view_action(v, 'e', T("directory.ms.end"));
	}
	view_action(v, 'p', T("directory.ms.profile"));
}

static struct core_error
accept_apply(struct app *app, int64_t id, const char *text)
{
	return directory_mentor_answer(app->db, app_actor(app), id, true, text);
}

static struct core_error
decline_apply(struct app *app, int64_t id, const char *text)
{
	return directory_mentor_answer(app->db, app_actor(app), id, false, text);
}

static struct core_error
end_apply(struct app *app, int64_t id, const char *text)
{
	return directory_mentor_end(app->db, app_actor(app), id, text);
}

static void
ask(struct app *app, struct dir_ms_page *ms, const char *title_key,
    const char *label_key, struct core_error (*apply)(struct app *, int64_t,
    const char *), const char *done_key)
{
	char *title = TFA(title_key, A_STR(ms->m.other_display));

	app_push(app, &screen_dir_message, &(struct dir_message_req){
	    .title = title, .label_key = label_key, .apply = apply,
	    .done_key = done_key, .arg = ms->id });
	free(title);
}

static int
dir_ms_action(struct app *app, void *st, int key)
{
	struct dir_ms_page *ms = st;
	struct core_error e;

	if (!ms->found)
		return SR_STAY;
	switch (key) {
	case 'a':
		ask(app, ms, "directory.ms.accept_title",
		    "directory.request.message", accept_apply,
		    "directory.ms.accepted");
		break;
	case 'd':
		ask(app, ms, "directory.ms.decline_title",
		    "directory.request.message", decline_apply,
		    "directory.ms.declined_done");
		break;
	case 'e':
		ask(app, ms, "directory.ms.end_title",
		    "directory.ms.reflection", end_apply, "directory.ms.ended_done");
		break;
	case 'x':
		e = directory_mentor_withdraw(app->db, app_actor(app), ms->id);
		app_notice(app, T(core_failed(e) ? e.key :
		    "directory.ms.withdrawn"));
		dir_ms_find(app, ms);
		break;
	case 'w':
		people_write_to(app, ms->m.other_id);
		break;
	case 'p':
		dir_open_profile(app, ms->m.other_id);
		break;
	}
	return SR_STAY;
}

static void
dir_ms_resume(struct app *app, void *st)
{
	dir_ms_find(app, st);
}

static void
dir_ms_close(struct app *app, void *st)
{
	(void)app;
	free(st);
}

const struct screen_ops screen_dir_mentorship = {
	.name = "dir-mentorship",
	.title_key = "directory.ms.list_title",
	.help_key = "help.dir_mentorship",
	.open = dir_ms_open,
	.describe = dir_ms_describe,
	.action = dir_ms_action,
	.resume = dir_ms_resume,
	.close = dir_ms_close,
};
