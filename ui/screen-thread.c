/* Reading a thread: its posts a page at a time in the pager, opening at the
 * first unread post; reply, quote, edit, delete, report; moderators hide
 * posts, lock and pin the thread and suspend authors. What is shown is
 * marked read. */
#include "ui/dialogs.h"
#include "ui/forum-ui.h"
#include "ui/person.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/clock.h"
#include "common/xalloc.h"
#include "core/forums.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

#define POSTS_PAGE 10

struct thread_state {
	struct forum_thread	 t;
	struct forum_post_list	 posts;
	int64_t			 from;		/* the page's first seq */
	int64_t			 read_before;	/* read mark when opened */
	int64_t			 posted_seq;	/* set by the compose screen */
	bool			 moderator;
};

void
forum_open_thread(struct app *app, int64_t thread_id, int64_t seq)
{
	struct thread_req req = { .thread_id = thread_id, .seq = seq };

	app_push(app, &screen_thread, &req);
}

char *
forum_quote(const char *author, const char *body)
{
	struct strbuf sb = { 0 };
	char *who = TFA("forum.quote_intro", A_STR(author));
	const char *p = body, *nl;

	sb_printf(&sb, "> %s\n", who);
	for (;;) {
		nl = strchr(p, '\n');
		sb_puts(&sb, "> ");
		sb_add(&sb, p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		sb_putc(&sb, '\n');
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	sb_putc(&sb, '\n');
	free(who);
	return sb_take(&sb);
}

/* Loads the page of posts starting at from and marks it read. */
static void
thread_load(struct app *app, struct thread_state *ts, int64_t from)
{
	if (from < 1)
		from = 1;
	if (from > ts->t.last_seq)
		from = ts->t.last_seq > 0 ? ts->t.last_seq : 1;
	ts->from = from;
	forum_post_list_free(&ts->posts);
	if (forum_posts(app->db, app_actor(app), ts->t.id, from, POSTS_PAGE,
	    &ts->posts) != 0)
		app_notice(app, T("error.internal"));
	if (ts->posts.n > 0)
		forum_mark_read(app->db, app_actor(app), ts->t.id,
		    ts->posts.v[ts->posts.n - 1].seq);
}

/* Reloads the thread and shows the page holding seq, focused on it. */
static void
thread_show(struct app *app, struct thread_state *ts, int64_t seq)
{
	size_t i;
	int focus = 0;
	int64_t from = ts->from;

	if (forum_thread_get(app->db, app_actor(app), ts->t.id, &ts->t) != 0)
		return;
	thread_load(app, ts, seq - (seq - 1) % POSTS_PAGE);
	if (ts->from != from)
		app_list_again(app);
	for (i = 0; i < ts->posts.n; i++)
		if (ts->posts.v[i].seq <= seq)
			focus = (int)i;
	app->stack[app->depth - 1].focus = focus;
}

static void *
thread_open(struct app *app, void *arg)
{
	struct thread_req *req = arg;
	struct thread_state *ts = xcalloc(1, sizeof *ts);
	int64_t seq;

	if (forum_thread_get(app->db, app_actor(app), req->thread_id,
	    &ts->t) != 0) {
		app_notice(app, T("error.forum.not_found"));
		return ts;
	}
	ts->read_before = ts->t.read_seq;
	ts->moderator = actor_moderates(app->db, app_actor(app),
	    ts->t.board_id);
	seq = req->seq > 0 ? req->seq : ts->t.first_unread > 0 ?
	    ts->t.first_unread : 1;
	thread_show(app, ts, seq);
	return ts;
}

/* "#8 Jonas, 2 hr ago, edited"; in the plain mode the post's number is
 * the number typed to choose it, printed before, so not here again. */
static char *
post_header(const struct forum_post *p, bool numbered)
{
	struct strbuf sb = { 0 };
	char *when = i18n_when(p->created, clock_now());
	char *who = person_label(p->author_display, p->author_name,
	    p->author_role);

	if (!numbered)
		sb_printf(&sb, "#%lld ", (long long)p->seq);
	sb_printf(&sb, "%s, %s", who, when);
	free(who);
	if (p->edited_at != 0)
		sb_printf(&sb, ", %s", T("forum.post.edited"));
	if (strcmp(p->lang, i18n_lang()) != 0 && p->lang[0] != '\0')
		sb_printf(&sb, ", %s", i18n_lang_name(p->lang));
	if (p->hidden)
		sb_printf(&sb, ", %s", T("forum.post.hidden"));
	if (p->deleted)
		sb_printf(&sb, ", %s", T("forum.post.deleted"));
	free(when);
	return sb_take(&sb);
}

/* A text naming post p ("post 8 by Jonas"): key has {0} its number and
 * {1} its author. Newly allocated. */
static char *
post_text(const struct forum_post *p, const char *key)
{
	return TFA(key, A_NUM(p->seq), A_STR(person_display(p->author_display,
	    p->author_name)));
}

static void
thread_describe(struct app *app, void *st, struct view *v)
{
	struct thread_state *ts = st;
	size_t i;
	char *pos;

	view_pager(v, T("key.posts"));
	v->title = xstrdup(ts->t.title);
	if (ts->t.locked)
		view_text(v, T("forum.thread.locked_note"));
	for (i = 0; i < ts->posts.n; i++) {
		const struct forum_post *p = &ts->posts.v[i];
		char *head = post_header(p, app->mode == UI_MODE_PLAIN);
		char *name = post_text(p, "forum.post_name");

		view_item(v, head, NULL, p->seq > ts->read_before &&
		    !app_is_guest(app) ? "list.unread.post" : NULL);
		view_body(v, p->deleted && p->body[0] == '\0' ?
		    T("forum.post.deleted_text") : p->hidden && !ts->moderator ?
		    T("forum.post.hidden_text") : p->body);
		view_quotes(v);
		view_number(v, p->seq);
		if (!app_is_guest(app))
			view_name(v, name);
		free(name);
		free(head);
	}
	if (ts->posts.n > 0) {
		pos = TFA("forum.posts_position", A_NUM(ts->posts.v[0].seq),
		    A_NUM(ts->posts.v[ts->posts.n - 1].seq), A_NUM(ts->t.last_seq));
		view_position(v, pos);
		free(pos);
	}
	v->more_before = ts->from > 1;
	v->more_after = ts->from + POSTS_PAGE <= ts->t.last_seq;
	/* A locked thread offers no reply (moderators may still write). */
	if (!ts->t.locked || ts->moderator)
		view_action(v, 'r', T("forum.reply"));
	if (app_is_guest(app))
		return;
	if (!ts->t.locked || ts->moderator)
		view_action(v, 'c', T("forum.quote"));
	view_action(v, 'e', T("forum.edit"));
	view_action(v, 'd', T("forum.delete"));
	view_action(v, 'x', T("forum.report"));
	view_action(v, 'y', T("forum.history"));
	if (ts->t.first_unread != 0)
		view_action(v, 'u', T("forum.first_unread"));
	if (ts->moderator) {
		view_action(v, 'h', T("forum.hide"));
		view_action(v, 'l', T("forum.lock"));
		view_action(v, 'p', T("forum.pin"));
		view_action(v, 's', T("forum.suspend"));
	}
}

/* Choosing a post (its number in plain mode, Enter in the pager) makes it
 * the one the actions work on; the plain mode prints it. */
static int
thread_select(struct app *app, void *st, int index)
{
	struct thread_state *ts = st;
	char *s;

	if (index < 0 || (size_t)index >= ts->posts.n)
		return SR_STAY;
	app->stack[app->depth - 1].focus = index;
	s = post_text(&ts->posts.v[index], "forum.post_chosen_by");
	app_notice(app, s);
	app_show_focus(app, true);
	free(s);
	return SR_STAY;
}

static int
thread_page(struct app *app, void *st, int dir)
{
	struct thread_state *ts = st;

	thread_load(app, ts, ts->from + dir * POSTS_PAGE);
	app->stack[app->depth - 1].focus = dir > 0 ? 0 :
	    (ts->posts.n > 0 ? (int)ts->posts.n - 1 : 0);
	return SR_STAY;
}

static const char *
delete_post(struct app *app, int64_t post_id)
{
	const char *err;

	err = forum_post_delete(app->db, app_actor(app), post_id);
	return err != NULL ? err : "forum.deleted";
}

static struct core_error
report_post(struct app *app, int64_t post_id, const char *reason, int days)
{
	(void)days;
	return CORE_ERR(forum_report(app->db, app_actor(app), post_id, reason),
	    NULL);
}

/* The rules (who may suspend whom) are core's: a board moderator may
 * suspend members only, from a post of their board. */
static struct core_error
suspend_author(struct app *app, int64_t post_id, const char *reason, int days)
{
	return forum_suspend_author(app->db, app_actor(app), post_id, days,
	    reason);
}

/* Starts composing: a reply (with a quote of p), or an edit of p. */
static void
compose(struct app *app, struct thread_state *ts, enum compose_kind kind,
    const struct forum_post *p)
{
	struct compose_req req = { .kind = kind, .thread_id = ts->t.id,
	    .posted_seq = &ts->posted_seq };
	char *quote = NULL, *title = NULL;

	if (kind == COMPOSE_REPLY && p != NULL) {
		req.body = quote = forum_quote(p->author_display, p->body);
		req.title = title = post_text(p, "forum.reply_quoting");
	}
	if (kind == COMPOSE_EDIT) {
		req.post_id = p->id;
		req.seq = p->seq;
		req.body = p->body;
		req.lang = p->lang;
		req.title = title = post_text(p, "forum.edit_post");
	}
	app_push(app, &screen_compose, &req);
	free(quote);
	free(title);
}

static int
thread_action(struct app *app, void *st, int key)
{
	struct thread_state *ts = st;
	int focus = app->stack[app->depth - 1].focus;
	const struct forum_post *p = focus >= 0 && (size_t)focus < ts->posts.n ?
	    &ts->posts.v[focus] : NULL;

	if (app_is_guest(app)) {
		app_notice(app, T("error.forum.guest"));
		return SR_STAY;
	}
	if ((key == 'r' || key == 'c') && ts->t.locked && !ts->moderator) {
		app_notice(app, T("error.forum.locked"));
		return SR_STAY;
	}
	if (key == 'r') {
		compose(app, ts, COMPOSE_REPLY, NULL);
		return SR_STAY;
	}
	if (key == 'u' && ts->t.first_unread != 0) {
		thread_show(app, ts, ts->t.first_unread);
		app_show_focus(app, true);
		return SR_STAY;
	}
	if ((key == 'l' || key == 'p') && ts->moderator) {
		forum_moderate_thread(app, &ts->t, key);
		return SR_STAY;
	}
	if (p == NULL)
		return SR_STAY;
	/* Refusals come at once, before any question. */
	if (p->hidden && !ts->moderator && strchr("cexy", key) != NULL) {
		app_notice(app, T("forum.post_is_hidden"));
		return SR_STAY;
	}
	if ((key == 'e' || key == 'd') && p->author_id != app->acct.id &&
	    !ts->moderator) {
		app_notice(app, T(key == 'e' ? "forum.only_own_edit" :
		    "forum.only_own_delete"));
		return SR_STAY;
	}
	switch (key) {
	case 'c':
		compose(app, ts, COMPOSE_REPLY, p);
		break;
	case 'y':
		if (p->edited_at == 0) {
			char *s = post_text(p, "history.none_post");

			app_notice(app, s);
			free(s);
		} else
			app_push(app, &screen_history, (void *)&p->id);
		break;
	case 'e':
		compose(app, ts, COMPOSE_EDIT, p);
		break;
	case 'd': {
		struct confirm_req req = { .yes = delete_post, .arg = p->id };
		char *q = TFA("forum.delete_question", A_NUM(p->seq));

		req.question = q;
		app_push(app, &screen_confirm, &req);
		free(q);
		break;
	}
	case 'x': {
		struct reason_req req = { .title_key = "forum.report_title",
		    .help_key = "help.report", .apply = report_post,
		    .done_key = "forum.reported", .arg = p->id };
		char *about = forum_post_about(p, ts->t.title);
		char *title = post_text(p, "forum.report_post");

		req.title = title;
		req.about = about;
		app_push(app, &screen_reason, &req);
		free(about);
		free(title);
		break;
	}
	case 'h':
		if (ts->moderator)
			forum_moderate_post(app, ts->t.title, p);
		break;
	case 's':
		if (ts->moderator) {
			struct reason_req req = { .title_key = "forum.suspend_title",
			    .help_key = "help.suspend", .days_key = "forum.days",
			    .apply = suspend_author, .done_key = "forum.suspended",
			    .arg = p->id };
			char *about = TFA("mod.about.author",
			    A_STR(p->author_display), A_NUM(p->seq),
			    A_STR(ts->t.title));
			char *title = post_text(p, "forum.suspend_post");

			req.title = title;
			req.about = about;
			app_push(app, &screen_reason, &req);
			free(about);
			free(title);
		}
		break;
	}
	return SR_STAY;
}

static void
thread_resume(struct app *app, void *st)
{
	struct thread_state *ts = st;
	int focus = app->stack[app->depth - 1].focus;
	int64_t seq = ts->posted_seq;

	if (seq == 0)
		seq = focus >= 0 && (size_t)focus < ts->posts.n ?
		    ts->posts.v[focus].seq : ts->from;
	else
		app_show_focus(app, false);	/* the post just sent or saved */
	ts->posted_seq = 0;
	thread_show(app, ts, seq);
}

static void
thread_close(struct app *app, void *st)
{
	struct thread_state *ts = st;

	(void)app;
	forum_post_list_free(&ts->posts);
	free(ts);
}

const struct screen_ops screen_thread = {
	.name = "thread",
	.title_key = "forum.boards.title",
	.help_key = "help.thread",
	.help_key_plain = "help.thread_plain",
	.open = thread_open,
	.describe = thread_describe,
	.select = thread_select,
	.page = thread_page,
	.action = thread_action,
	.resume = thread_resume,
	.close = thread_close,
};
