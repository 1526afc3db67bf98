/* Moderators' actions on threads and posts (pin, lock, hide, move): each
 * asks for a short reason first, on a form that names the action and what
 * it is for, and the reason goes to the audit log with the deed. */
#include "ui/dialogs.h"
#include "ui/forum-ui.h"
#include "ui/ui.h"
#include "common/xalloc.h"
#include "core/forums.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>

/* A reason_req's arg for a toggle: the id and the new state in one. */
#define TOGGLE_ARG(id, on)	((id) * 2 + ((on) ? 1 : 0))
#define TOGGLE_ID(arg)		((arg) / 2)
#define TOGGLE_ON(arg)		((arg) % 2 == 1)

static struct core_error
apply_pin(struct app *app, int64_t arg, const char *why, int days)
{
	(void)days;
	return forum_thread_pin(app->db, app_actor(app), TOGGLE_ID(arg),
	    TOGGLE_ON(arg), why);
}

static struct core_error
apply_lock(struct app *app, int64_t arg, const char *why, int days)
{
	(void)days;
	return forum_thread_lock(app->db, app_actor(app), TOGGLE_ID(arg),
	    TOGGLE_ON(arg), why);
}

static struct core_error
apply_hide_thread(struct app *app, int64_t arg, const char *why, int days)
{
	(void)days;
	return forum_thread_hide(app->db, app_actor(app), TOGGLE_ID(arg),
	    TOGGLE_ON(arg), why);
}

static struct core_error
apply_hide_post(struct app *app, int64_t arg, const char *why, int days)
{
	(void)days;
	return forum_post_hide(app->db, app_actor(app), TOGGLE_ID(arg),
	    TOGGLE_ON(arg), why);
}

void
forum_moderate_thread(struct app *app, const struct forum_thread *t, int key)
{
	struct reason_req req = { .help_key = "help.reason",
	    .label_key = "reports.why" };
	char *about;

	switch (key) {
	case 'p':
		req.title_key = t->pinned ? "mod.unpin" : "mod.pin";
		req.done_key = t->pinned ? "forum.unpinned" : "forum.pinned";
		req.apply = apply_pin;
		req.arg = TOGGLE_ARG(t->id, !t->pinned);
		break;
	case 'l':
		req.title_key = t->locked ? "mod.unlock" : "mod.lock";
		req.done_key = t->locked ? "forum.unlocked" : "forum.locked";
		req.apply = apply_lock;
		req.arg = TOGGLE_ARG(t->id, !t->locked);
		break;
	case 'h':
		req.title_key = t->hidden ? "mod.unhide_thread" : "mod.hide_thread";
		req.done_key = t->hidden ? "forum.unhidden" : "forum.hidden";
		req.apply = apply_hide_thread;
		req.arg = TOGGLE_ARG(t->id, !t->hidden);
		break;
	default:
		return;
	}
	about = TFA("mod.about.thread", A_STR(t->title));
	req.about = about;
	app_push(app, &screen_reason, &req);
	free(about);
}

void
forum_moderate_post(struct app *app, const char *thread_title,
    const struct forum_post *p)
{
	struct reason_req req = { .help_key = "help.reason",
	    .label_key = "reports.why", .apply = apply_hide_post,
	    .arg = TOGGLE_ARG(p->id, !p->hidden) };
	char *about = forum_post_about(p, thread_title);

	req.title_key = p->hidden ? "mod.unhide_post" : "mod.hide_post";
	req.done_key = p->hidden ? "forum.unhidden" : "forum.hidden";
	req.about = about;
	app_push(app, &screen_reason, &req);
	free(about);
}

char *
forum_post_about(const struct forum_post *p, const char *thread_title)
{
	return TFA("mod.about.post", A_NUM(p->seq), A_STR(p->author_display),
	    A_STR(thread_title));
}

/* A move's reason_req arg: the thread and the board it goes to in one
 * (ids stay far below 2^31). */
#define MOVE_ARG(thread, board)	((thread) | ((int64_t)(board) << 32))
#define MOVE_THREAD(arg)	((arg) & 0xffffffffLL)
#define MOVE_BOARD(arg)		((arg) >> 32)

static struct core_error
apply_move(struct app *app, int64_t arg, const char *why, int days)
{
	(void)days;
	return forum_thread_move(app->db, app_actor(app), MOVE_THREAD(arg),
	    MOVE_BOARD(arg), why);
}

/* The board the thread goes to was chosen: the reason form takes the
 * choice's place. Choosing the thread's own board does nothing. */
static const char *
move_chosen(struct app *app, const struct choice_req *req, int index)
{
	struct reason_req rr = { .title_key = "mod.move", .help_key =
	    "help.reason", .label_key = "reports.why", .apply = apply_move,
	    .done_key = "forum.moved" };
	struct forum_board from, to;
	struct forum_thread t;
	char *about;

	if (index == req->current)
		return "forum.move_same";
	if (forum_thread_get(app->db, app_actor(app), req->arg, &t) != 0 ||
	    forum_board_get(app->db, app_actor(app), t.board_id, &from) != 0 ||
	    forum_board_get(app->db, app_actor(app), req->values[index],
	    &to) != 0)
		return "error.forum.not_found";
	assert(t.id < INT32_MAX && to.id < INT32_MAX);
	rr.arg = MOVE_ARG(t.id, to.id);
	about = TFA("mod.about.move", A_STR(t.title), A_STR(from.title),
	    A_STR(to.title));
	rr.about = about;
	app_replace(app, &screen_reason, &rr);
	free(about);
	return NULL;
}

void
forum_moderate_move(struct app *app, const struct forum_thread *t)
{
	struct choice_req req = { .title_key = "forum.move_to",
	    .help_key = "help.choice", .apply = move_chosen, .arg = t->id,
	    .current = -1, .current_key = "forum.move_current" };
	struct forum_board_list boards = { 0 };
	size_t i;

	if (forum_boards(app->db, app_actor(app), &boards) != 0) {
		app_notice(app, T("error.internal"));
		return;
	}
	assert(boards.n < INT_MAX);
	for (i = 0; i < boards.n; i++) {
		if (boards.v[i].id == t->board_id)
			req.current = req.n;
		choice_add(&req, boards.v[i].title, boards.v[i].id);
	}
	app_push(app, &screen_choice, &req);	/* copies the labels */
	choice_req_free(&req);
	forum_board_list_free(&boards);
}
